/* cmd_visit.c — `charte visit generate|plan|assign|list|arrive|leave|done|missed|cancel`: the
 * visits (issue 8, points 3, 4 and 6). */
#include <stdlib.h>
#include <string.h>

#include "charte/contract.h"
#include "charte/planning.h"
#include "charte/visit.h"
#include "cli.h"

#define WHICH_VISIT _("which visit? give its id")

/* A day of --from or --to, or NO_DAY when not given. */
static int opt_day(cli *c, const char *text, const char *field, cday *out)
{
	*out = NO_DAY;
	return text ? cli_date(c, text, field, out) : 0;
}

static int visit_generate_cmd(cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL;
	const cli_opt opts[] = {{"from", &from, NULL}, {"to", &to, NULL}, {NULL, NULL, NULL}};
	cday f, t;
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r || (r = opt_day(c, from, "from", &f)) || (r = opt_day(c, to, "to", &t)) ||
	    (r = cli_open(c, false)))
		return r;
	visit_generation g;
	cerr e = {0};
	if (visit_generate(c->a, f, t, &g, &e))
		return cli_fail(c, &e);
	printf(_("%d new, %d changed, %d cancelled on a public holiday, %d unchanged\n"), g.created,
	       g.changed, g.cancelled, g.kept);
	return 0;
}

/* "YYYY-MM-DD HH:MM" for the start, then HH:MM (the same day, or the next when it is not
 * later) or a whole date and time for the end. */
static int start_end(cli *c, const char *start, const char *end, visit *v)
{
	int r = cli_datetime(c, start, "start", &v->starts);
	if (r)
		return r;
	int minute;
	if (!parse_clock(end, &minute)) {
		cday day = cal_day_of(v->starts);
		v->ends = cal_at(day, minute);
		if (v->ends <= v->starts)
			v->ends = cal_at(day + 1, minute);
		return 0;
	}
	return cli_datetime(c, end, "end", &v->ends);
}

/* The checks refused: said with how to plan anyway. */
static int refused(cli *c, cerr *e)
{
	if (e->code == ST_CONFLICT) {
		size_t len = strlen(e->msg);
		snprintf(e->msg + len, sizeof e->msg - len, "%s",
			 _(" (--force plans it anyway)"));
	}
	return cli_fail(c, e);
}

static int visit_plan_cmd(cli *c, int argc, char **argv)
{
	const char *ref = NULL, *who = NULL, *start = NULL, *end = NULL, *svc = NULL;
	bool force = false;
	const cli_opt opts[] = {{"contract", &ref, NULL}, {"worker", &who, NULL},
				{"start", &start, NULL},  {"end", &end, NULL},
				{"service", &svc, NULL},  {"force", NULL, &force},
				{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (!ref || !start || !end)
		return cli_usage(c, _("--contract, --start and --end are required"));
	visit v;
	visit_init(&v);
	if ((who && (r = cli_id(c, who, "worker", &v.worker_id))) ||
	    (r = start_end(c, start, end, &v)) || (r = cli_open(c, false))) {
		visit_free(&v);
		return r;
	}
	v.service_code = svc ? xstrdup(svc) : NULL;
	cerr e = {0};
	contract k;
	contract_init(&k);
	if (contract_find(c->a, ref, "contract", &k, &e)) {
		r = cli_fail(c, &e);
	} else {
		v.contract_id = k.id;
		if (visit_plan(c->a, &v, force, &e))
			r = refused(c, &e);
		else
			printf("%lld\n", (long long)v.id);
	}
	contract_free(&k);
	visit_free(&v);
	return r;
}

/* VERB ID --worker W [--force]: puts worker W on the visit through fn; with uncover, W
 * may be '' to leave the visit uncovered. */
static int worker_cmd(cli *c, int argc, char **argv, bool uncover,
		      int (*fn)(app *, int64_t, int64_t, bool, cerr *))
{
	const char *who = NULL, *ref;
	bool force = false;
	const cli_opt opts[] = {{"worker", &who, NULL}, {"force", NULL, &force},
				{NULL, NULL, NULL}};
	int64_t id, wid = 0;
	int r = cli_parse(c, argc, argv, opts, WHICH_VISIT, &ref);
	if (r)
		return r;
	if (!who)
		return cli_usage(c, uncover ? _("--worker is required ('' leaves the visit uncovered)")
					    : _("--worker is required"));
	if ((r = cli_id(c, ref, "id", &id)) ||
	    ((!uncover || !str_blank(who)) && (r = cli_id(c, who, "worker", &wid))) ||
	    (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	return fn(c->a, id, wid, force, &e) ? refused(c, &e) : 0;
}

static int visit_assign_cmd(cli *c, int argc, char **argv)
{
	return worker_cmd(c, argc, argv, true, visit_assign);
}

static int visit_candidates_cmd(cli *c, int argc, char **argv)
{
	bool csv = false;
	const char *ref;
	const cli_opt opts[] = {{"csv", NULL, &csv}, {NULL, NULL, NULL}};
	int64_t id;
	int r = cli_parse(c, argc, argv, opts, WHICH_VISIT, &ref);
	if (r || (r = cli_id(c, ref, "id", &id)) || (r = cli_open(c, false)))
		return r;
	candidate *rows = NULL;
	size_t n = 0;
	cerr e = {0};
	if (visit_candidates(c->a, id, &rows, &n, &e))
		return cli_fail(c, &e);
	static const char *const cols[] = {N_("worker_id"), N_("name"), N_("met_client"),
					   N_("rank"), N_("week_hours")};
	cli_out *o = out_new(csv, cols, ARRAY_LEN(cols));
	for (size_t i = 0; i < n; i++) {
		char wid[24], rank[12], hours[24];
		snprintf(wid, sizeof wid, "%lld", (long long)rows[i].worker_id);
		snprintf(rank, sizeof rank, "%d", rows[i].rank);
		snprintf(hours, sizeof hours, "%d.%02d", rows[i].week_minutes / 60,
			 rows[i].week_minutes % 60 * 100 / 60);
		const char *cells[] = {wid, rows[i].name, out_flag(rows[i].met_client), rank, hours};
		out_row(o, cells);
	}
	out_end(o);
	candidates_free(rows, n);
	return 0;
}

static int visit_replace_cmd(cli *c, int argc, char **argv)
{
	return worker_cmd(c, argc, argv, false, visit_replace);
}

/* VERB ID --at T: arrival or departure. */
static int at_cmd(cli *c, int argc, char **argv, int (*fn)(app *, int64_t, cminute, cerr *))
{
	const char *at = NULL, *ref;
	const cli_opt opts[] = {{"at", &at, NULL}, {NULL, NULL, NULL}};
	int64_t id;
	cminute t;
	int r = cli_parse(c, argc, argv, opts, WHICH_VISIT, &ref);
	if (r)
		return r;
	if (!at)
		return cli_usage(c, _("--at is required"));
	if ((r = cli_id(c, ref, "id", &id)) || (r = cli_datetime(c, at, "at", &t)) ||
	    (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	return fn(c->a, id, t, &e) ? cli_fail(c, &e) : 0;
}

static int visit_arrive_cmd(cli *c, int argc, char **argv)
{
	return at_cmd(c, argc, argv, visit_arrive);
}

static int visit_leave_cmd(cli *c, int argc, char **argv)
{
	return at_cmd(c, argc, argv, visit_leave);
}

/* VERB ID: done or missed. */
static int step_cmd(cli *c, int argc, char **argv, int (*fn)(app *, int64_t, cerr *))
{
	const char *ref;
	int64_t id;
	int r = cli_parse(c, argc, argv, (const cli_opt[]){{NULL, NULL, NULL}}, WHICH_VISIT, &ref);
	if (r || (r = cli_id(c, ref, "id", &id)) || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	return fn(c->a, id, &e) ? cli_fail(c, &e) : 0;
}

static int visit_done_cmd(cli *c, int argc, char **argv)
{
	return step_cmd(c, argc, argv, visit_done);
}

static int visit_missed_cmd(cli *c, int argc, char **argv)
{
	return step_cmd(c, argc, argv, visit_missed);
}

static int visit_cancel_cmd(cli *c, int argc, char **argv)
{
	const char *reason = NULL, *ref;
	const cli_opt opts[] = {{"reason", &reason, NULL}, {NULL, NULL, NULL}};
	int64_t id;
	int r = cli_parse(c, argc, argv, opts, WHICH_VISIT, &ref);
	if (r)
		return r;
	if (!reason)
		return cli_usage(c, _("--reason is required"));
	if ((r = cli_id(c, ref, "id", &id)) || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	return visit_cancel(c->a, id, reason, &e) ? cli_fail(c, &e) : 0;
}

/* ---- list ---- */

struct list_arg {
	cli_out *o;
	bool csv;
	int tolerance;
};

static int list_row(const visit *v, void *arg)
{
	struct list_arg *la = arg;
	char id[24], client[24], who[24], replaced[24], start[17], end[17], arrived[17],
	    left[17];
	snprintf(id, sizeof id, "%lld", (long long)v->id);
	snprintf(client, sizeof client, "%lld", (long long)v->client_id);
	snprintf(who, sizeof who, "%lld", (long long)v->worker_id);
	snprintf(replaced, sizeof replaced, "%lld", (long long)v->replaced_worker_id);
	if (!v->worker_id)
		who[0] = '\0';
	if (!v->replaced_worker_id)
		replaced[0] = '\0';
	if (la->csv) {
		out_minute(v->starts, start);
		out_minute(v->ends, end);
		out_minute(v->arrived_at, arrived);
		out_minute(v->left_at, left);
	} else {
		fmt_datetime_human(v->starts, start);
		fmt_datetime_human(v->ends, end);
		fmt_datetime_human(v->arrived_at, arrived);
		fmt_datetime_human(v->left_at, left);
	}
	const char *late =
	    v->arrived_at == NO_MINUTE ? "" : out_flag(visit_is_late(v, la->tolerance));
	const char *cells[] = {id,
			       v->contract_number,
			       client,
			       who,
			       start,
			       end,
			       la->csv ? enum_name(&visit_statuses, v->status)
				       : enum_label(&visit_statuses, v->status),
			       arrived,
			       late,
			       left,
			       v->service_code,
			       v->client_name,
			       v->worker_name,
			       v->status == VISIT_CANCELLED
				   ? (la->csv ? v->cancel_reason : visit_reason_label(v->cancel_reason))
				   : "",
			       replaced,
			       v->forced};
	out_row(la->o, cells);
	return 0;
}

static int visit_list_cmd(cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *who = NULL, *client = NULL, *ref = NULL,
		   *status = NULL;
	bool csv = false;
	const cli_opt opts[] = {{"from", &from, NULL},	   {"to", &to, NULL},
				{"worker", &who, NULL}, {"client", &client, NULL},
				{"contract", &ref, NULL},  {"status", &status, NULL},
				{"csv", NULL, &csv},	   {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	visit_filter f;
	visit_filter_init(&f);
	cday d1, d2;
	if ((r = opt_day(c, from, "from", &d1)) || (r = opt_day(c, to, "to", &d2)) ||
	    (who && (r = cli_id(c, who, "worker", &f.worker_id))) ||
	    (client && (r = cli_id(c, client, "client", &f.client_id))))
		return r;
	if (status && !(f.status = enum_value(&visit_statuses, status)))
		return cli_bad(c, "status", N_("must be planned, done, cancelled or missed"));
	if (d1 != NO_DAY && d2 != NO_DAY && d2 < d1)
		return cli_bad(c, "to", N_("is before the first day"));
	if ((r = cli_open(c, false)))
		return r;
	cerr e = {0};
	/* Without --from: from today on (the days ahead, not ten years back). */
	f.from = cal_at(d1 != NO_DAY ? d1 : app_today(c->a), 0);
	if (d2 != NO_DAY)
		f.to = cal_at(d2 + 1, 0);
	if (ref) {
		contract k;
		contract_init(&k);
		r = contract_find(c->a, ref, "contract", &k, &e);
		f.contract_id = k.id;
		contract_free(&k);
		if (r)
			return cli_fail(c, &e);
	}
	static const char *const cols[] = {
	    N_("id"),	      N_("contract"),   N_("client_id"),   N_("worker_id"),
	    N_("start"),      N_("end"),	N_("status"),	   N_("arrived_at"),
	    N_("late"),	      N_("left_at"),	N_("service"),	   N_("client"),
	    N_("worker"),     N_("cancel_reason"), N_("replaced_worker_id"), N_("forced")};
	struct list_arg la = {out_new(csv, cols, ARRAY_LEN(cols)), csv, visit_tolerance(c->a)};
	r = visit_each(c->a, &f, list_row, &la, &e);
	out_end(la.o);
	return r ? cli_fail(c, &e) : 0;
}

static const cli_verb verbs[] = {
	{"generate", "[--from D] [--to D]",
	 N_("make the visits of the signed recurring contracts' weekly slots (from today over "
	    "planning.horizon_weeks weeks by default); none twice, and those not yet done follow "
	    "their slot; says how many"),
	 visit_generate_cmd},
	{"plan",
	 "--contract CONTRACT --worker ID --start 'YYYY-MM-DD HH:MM' --end HH:MM [--service CODE] "
	 "[--force]",
	 N_("plan a visit by hand (a one-off contract, or an extra visit); the planning checks "
	    "refuse it with their reasons unless --force; prints its id"),
	 visit_plan_cmd},
	{"assign", "ID --worker ID|'' [--force]",
	 N_("give a planned visit to another worker, with the planning checks ('' leaves it "
	    "uncovered)"),
	 visit_assign_cmd},
	{"candidates", "ID [--csv]",
	 N_("the replacement candidates of a visit, rank 1 first: free then, not absent, within "
	    "their availability, with the skill; those who met the client first, then the fewest "
	    "hours that week (met_client 0: the first meeting is the next step)"),
	 visit_candidates_cmd},
	{"replace", "ID --worker ID [--force]",
	 N_("give a planned visit to a replacement, recording the worker it is taken from, with "
	    "the planning checks"),
	 visit_replace_cmd},
	{"list",
	 "[--from D] [--to D] [--worker ID] [--client ID] [--contract CONTRACT] [--status S] "
	 "[--csv]",
	 N_("list visits by start, from today on unless --from; late: arrived after the start "
	    "plus punctuality.tolerance_minutes"),
	 visit_list_cmd},
	{"arrive", "ID --at 'YYYY-MM-DD HH:MM'", N_("record the worker's arrival"), visit_arrive_cmd},
	{"leave", "ID --at 'YYYY-MM-DD HH:MM'", N_("record the worker's departure"), visit_leave_cmd},
	{"done", "ID", N_("the visit took place"), visit_done_cmd},
	{"missed", "ID", N_("the visit did not take place (the worker did not come)"),
	 visit_missed_cmd},
	{"cancel", "ID --reason TEXT", N_("cancel a planned visit, with the reason"),
	 visit_cancel_cmd},
};
CLI_AREA(area_visit, "visit", N_("visits: generated, planned, arrivals, punctuality"), verbs);
