/* cmd_followup.c — `charte followup list|done` (S4, R6). A follow-up's id is CLIENT:YYYY-MM-DD
 * (the client and the day it is due) while it is due, and its stored number once done. */
#include <stdlib.h>
#include <string.h>

#include "charte/followup.h"
#include "cli.h"

static int list_row(const followup *f, void *arg)
{
	char key[FOLLOWUP_KEY_MAX], client[24], due[11], done[11], sat[4] = "", cid[24] = "";
	followup_key(f, key);
	snprintf(client, sizeof client, "%lld", (long long)f->client_id);
	out_day(f->due, due);
	out_day(f->done_on, done);
	if (f->satisfaction)
		snprintf(sat, sizeof sat, "%d", f->satisfaction);
	if (f->complaint_id)
		snprintf(cid, sizeof cid, "%lld", (long long)f->complaint_id);
	const char *cells[] = {key,
			       client,
			       enum_name(&followup_kinds, f->kind),
			       due,
			       done,
			       enum_name(&followup_statuses, f->status),
			       sat,
			       f->done_by,
			       cid,
			       f->client_name,
			       f->note};
	out_row(arg, cells);
	return 0;
}

static int followup_list_cmd(cli *c, int argc, char **argv)
{
	followup_filter f = {0};
	bool csv = false;
	const char *client = NULL;
	const cli_opt opts[] = {{"csv", NULL, &csv},	   {"due", NULL, &f.due},
				{"overdue", NULL, &f.overdue}, {"done", NULL, &f.done},
				{"client", &client, NULL},     {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r || (client && (r = cli_id(c, client, "client", &f.client_id))) ||
	    (r = cli_open(c, false)))
		return r;
	static const char *const cols[] = {
	    N_("id"),	   N_("client_id"), N_("kind"),	N_("due"),
	    N_("done_on"), N_("status"),    N_("satisfaction"), N_("done_by"),
	    N_("complaint_id"), N_("client"),  N_("note")};
	cli_out *o = out_new(csv, cols, ARRAY_LEN(cols));
	cerr e = {0};
	r = followup_each(c->a, &f, list_row, o, &e);
	out_end(o);
	return r ? cli_fail(c, &e) : 0;
}

static int followup_done_cmd(cli *c, int argc, char **argv)
{
	const char *on = NULL, *sat = NULL, *ref = NULL;
	followup_done_in in = {NO_DAY, 0, NULL, NULL, NULL};
	const cli_opt opts[] = {{"on", &on, NULL},
				{"satisfaction", &sat, NULL},
				{"note", &in.note, NULL},
				{"complaint", &in.complaint, NULL},
				{"category", &in.category, NULL},
				{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, _("which follow-up? give its id as listed"), &ref);
	if (r)
		return r;
	if (!on)
		return cli_usage(c, _("--on is required"));
	cerr e = {0};
	int64_t id, client_id;
	cday due;
	if (followup_parse_key(ref, &id, &client_id, &due, &e))
		return cli_fail(c, &e);
	if ((r = cli_date(c, on, "on", &in.on)))
		return r;
	if (sat) {
		if (strlen(sat) != 1 || sat[0] < '1' || sat[0] > '5')
			return cli_bad(c, "satisfaction",
				       N_("must be 1 (very satisfied) to 4 (very dissatisfied), or 5 "
					  "(no opinion)"));
		in.satisfaction = sat[0] - '0';
	}
	if ((r = cli_open(c, false)))
		return r;
	int64_t complaint_id = 0;
	if (followup_done(c->a, ref, &in, &id, &complaint_id, &e))
		return cli_fail(c, &e);
	printf("%lld\n", (long long)id);
	return 0;
}

static const cli_verb followup_verbs[] = {
	{"list", "[--due] [--overdue] [--done] [--client ID] [--csv]",
	 N_("follow-up calls due up to the end of this week, overdue and done (R6), by due day"),
	 followup_list_cmd},
	{"done", "ID --on D [--satisfaction 1-4|5] [--note TEXT] [--complaint TEXT] [--category CODE]",
	 N_("record a follow-up call done; --complaint opens a complaint from it"),
	 followup_done_cmd},
};
CLI_AREA(area_followup, "followup", N_("follow-up calls a month after the first visit, then yearly"),
	 followup_verbs);
