/* cmd_client.c — `charte client add|edit|needs|list|show`. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "charte/staff.h"
#include "charte/client.h"
#include "cli.h"

/* ---- add and edit: the same options ---- */

enum {
	OPT_NAME = 'n',
	OPT_FIRST = 'f',
	OPT_CIVILITY = 'c',
	OPT_ADDRESS = 'a',
	OPT_PHONE = 'p',
	OPT_PHONE2 = 'P',
	OPT_EMAIL = 'e',
	OPT_STATUS = 's',
	OPT_REFERENT = 'r',
	OPT_INSTRUCTIONS = 'i',
	OPT_ZONES = 'z',
	OPT_NOTES = 'N',
	OPT_WANTS = 'w',
	OPT_NO_WANTS = 'W',
};

static const struct option file_opts[] = {{"name", required_argument, 0, OPT_NAME},
					  {"first-name", required_argument, 0, OPT_FIRST},
					  {"civility", required_argument, 0, OPT_CIVILITY},
					  {"address", required_argument, 0, OPT_ADDRESS},
					  {"phone", required_argument, 0, OPT_PHONE},
					  {"phone2", required_argument, 0, OPT_PHONE2},
					  {"email", required_argument, 0, OPT_EMAIL},
					  {"status", required_argument, 0, OPT_STATUS},
					  {"referent", required_argument, 0, OPT_REFERENT},
					  {"instructions", required_argument, 0, OPT_INSTRUCTIONS},
					  {"forbidden-zones", required_argument, 0, OPT_ZONES},
					  {"notes", required_argument, 0, OPT_NOTES},
					  {"wants-quote", no_argument, 0, OPT_WANTS},
					  {"no-wants-quote", no_argument, 0, OPT_NO_WANTS},
					  {0, 0, 0, 0}};

static void set_text(char **slot, const char *v)
{
	free(*slot);
	*slot = xstrdup(v);
}

/* Apply the options to k; *wants says which way --wants-quote/--no-wants-quote went (-1: not
 * given). Returns 0, or the exit code of a usage error or rejected value. */
static int read_file_opts(cli *c, int argc, char **argv, client_file *k, bool *have_name,
			  int *wants)
{
	*wants = -1;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, file_opts)) != -1) {
		switch (ch) {
		case OPT_NAME:
			set_text(&k->name, optarg);
			*have_name = true;
			break;
		case OPT_FIRST:
			set_text(&k->first_name, optarg);
			break;
		case OPT_CIVILITY:
			set_text(&k->civility, optarg);
			break;
		case OPT_ADDRESS:
			set_text(&k->address, optarg);
			break;
		case OPT_PHONE:
			set_text(&k->phone, optarg);
			break;
		case OPT_PHONE2:
			set_text(&k->phone2, optarg);
			break;
		case OPT_EMAIL:
			set_text(&k->email, optarg);
			break;
		case OPT_STATUS:
			k->status = enum_value(&client_statuses, optarg);
			if (!k->status) {
				cerr e;
				err_set(&e, ST_INVALID, "status",
				        _("must be prospect, active or former"));
				return cli_fail(c, &e);
			}
			break;
		case OPT_REFERENT:
			set_text(&k->referent, optarg);
			break;
		case OPT_INSTRUCTIONS:
			set_text(&k->instructions, optarg);
			break;
		case OPT_ZONES:
			set_text(&k->forbidden_zones, optarg);
			break;
		case OPT_NOTES:
			set_text(&k->notes, optarg);
			break;
		case OPT_WANTS:
		case OPT_NO_WANTS:
			k->wants_quote = ch == OPT_WANTS;
			*wants = k->wants_quote;
			break;
		default:
			return 2;
		}
	}
	return 0;
}

/* Earlier calls from the client's numbers are now in its history: say how many (stderr, so
 * that stdout stays the id alone). */
static void say_linked(const client_file *k)
{
	if (k->calls_linked > 0)
		cli_eprintf(ngettext("charte: %lld earlier call from this number is now linked to "
				     "the client\n",
				     "charte: %lld earlier calls from these numbers are now linked to "
				     "the client\n",
				     k->calls_linked),
			    (long long)k->calls_linked);
}

static int client_add(cli *c, int argc, char **argv)
{
	client_file k;
	client_init(&k);
	bool have_name = false;
	int wants;
	int r = read_file_opts(c, argc, argv, &k, &have_name, &wants);
	if (r)
		;
	else if (optind < argc)
		r = cli_usage(c, _("unexpected argument '%s'"), argv[optind]);
	else if (!have_name)
		r = cli_usage(c, _("--name is required"));
	else if (!(r = cli_open(c, false))) {
		cerr e = {0};
		if (client_create(c->a, &k, &e)) {
			r = cli_fail(c, &e);
		} else {
			printf("%lld\n", (long long)k.id);
			say_linked(&k);
		}
	}
	client_free(&k);
	return r;
}

/* The one ID argument of a verb. */
static int one_id(cli *c, int argc, char **argv, int64_t *id)
{
	if (optind >= argc)
		return cli_usage(c, _("which client? give its id"));
	if (optind + 1 < argc)
		return cli_usage(c, _("unexpected argument '%s'"), argv[optind + 1]);
	return cli_id(c, argv[optind], "id", id);
}

static int client_edit(cli *c, int argc, char **argv)
{
	/* Options first (usage errors need no file), then applied over the stored file. */
	client_file given;
	client_init(&given);
	given.status = CLIENT_STATUS_NONE;
	bool have_name = false;
	int wants;
	int r = read_file_opts(c, argc, argv, &given, &have_name, &wants);
	int64_t id = 0;
	if (!r)
		r = one_id(c, argc, argv, &id);
	if (!r)
		r = cli_open(c, false);
	if (r) {
		client_free(&given);
		return r;
	}
	/* The file as read now (base) and with the options over it (k): only what the options
	 * change is written, whatever another desk writes meanwhile. */
	client_file k, base;
	client_init(&k);
	client_init(&base);
	cerr e = {0};
	if (client_get(c->a, id, &k, &e) || client_get(c->a, id, &base, &e)) {
		client_free(&given);
		client_free(&k);
		client_free(&base);
		return cli_fail(c, &e);
	}
	char **slots[][2] = {
	    {&k.name, &given.name},
	    {&k.first_name, &given.first_name},
	    {&k.civility, &given.civility},
	    {&k.address, &given.address},
	    {&k.phone, &given.phone},
	    {&k.phone2, &given.phone2},
	    {&k.email, &given.email},
	    {&k.referent, &given.referent},
	    {&k.instructions, &given.instructions},
	    {&k.forbidden_zones, &given.forbidden_zones},
	    {&k.notes, &given.notes},
	};
	for (size_t i = 0; i < ARRAY_LEN(slots); i++)
		if (*slots[i][1]) {
			free(*slots[i][0]);
			*slots[i][0] = *slots[i][1];
			*slots[i][1] = NULL;
		}
	if (given.status)
		k.status = given.status;
	if (wants >= 0)
		k.wants_quote = wants;
	r = client_update(c->a, &base, &k, &e) ? cli_fail(c, &e) : 0;
	if (!r)
		say_linked(&k);
	client_free(&base);
	client_free(&k);
	client_free(&given);
	return r;
}

/* ---- needs ---- */

static int client_needs(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"services", required_argument, 0, 's'},
	                                     {"hours-per-week", required_argument, 0, 'h'},
	                                     {"days-times", required_argument, 0, 'd'},
	                                     {"constraints", required_argument, 0, 'c'},
	                                     {"autonomy", required_argument, 0, 'a'},
	                                     {"household", required_argument, 0, 'H'},
	                                     {"notes", required_argument, 0, 'n'},
	                                     {0, 0, 0, 0}};
	needs_analysis n;
	needs_init(&n);
	const char *hours = NULL;
	int ch, r = 0;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		char **slot = NULL;
		switch (ch) {
		case 's':
			slot = &n.services;
			break;
		case 'h':
			hours = optarg;
			break;
		case 'd':
			slot = &n.days_times;
			break;
		case 'c':
			slot = &n.constraints;
			break;
		case 'a':
			slot = &n.autonomy;
			break;
		case 'H':
			slot = &n.household;
			break;
		case 'n':
			slot = &n.notes;
			break;
		default:
			needs_free(&n);
			return 2;
		}
		if (slot)
			set_text(slot, optarg);
	}
	if ((r = one_id(c, argc, argv, &n.client_id)))
		;
	else if (!n.services)
		r = cli_usage(c, _("--services is required"));
	else if (!hours)
		r = cli_usage(c, _("--hours-per-week is required"));
	else {
		const char *why = parse_hundredths(hours, &n.hours_per_week);
		cerr e = {0};
		if (why) {
			err_set(&e, ST_INVALID, "hours_per_week", "%s", _(why));
			r = cli_fail(c, &e);
		} else if (!(r = cli_open(c, false)) && client_set_needs(c->a, NULL, &n, &e)) {
			r = cli_fail(c, &e);
		}
	}
	needs_free(&n);
	return r;
}

/* ---- list ---- */

struct list_arg {
	cli_out *o;
	bool csv;
};

static int list_row(const client_file *k, void *arg)
{
	struct list_arg *la = arg;
	char id[24], at[17], phone[32], phone2[32];
	snprintf(id, sizeof id, "%lld", (long long)k->id);
	out_minute(k->created_at, at);
	/* CSV keeps the stored forms; a table is for people. */
	if (la->csv) {
		snprintf(phone, sizeof phone, "%s", k->phone ? k->phone : "");
		snprintf(phone2, sizeof phone2, "%s", k->phone2 ? k->phone2 : "");
	} else {
		fmt_phone(k->phone ? k->phone : "", phone);
		fmt_phone(k->phone2 ? k->phone2 : "", phone2);
	}
	const char *cells[] = {id,
	                       k->civility,
	                       k->name,
	                       k->first_name,
	                       phone,
	                       phone2,
	                       k->email,
	                       k->address,
	                       la->csv ? enum_name(&client_statuses, k->status)
	                               : enum_label(&client_statuses, k->status),
	                       k->referent,
	                       out_flag(k->wants_quote),
	                       out_flag(k->has_needs),
	                       at};
	out_row(la->o, cells);
	return 0;
}

static int client_list(cli *c, int argc, char **argv)
{
	client_filter f;
	client_filter_init(&f);
	bool csv = false;
	const char *status = NULL;
	const cli_opt opts[] = {{"csv", NULL, &csv},
	                        {"search", &f.search, NULL},
	                        {"status", &status, NULL},
	                        {"referent", &f.referent, NULL},
	                        {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (status && !(f.status = enum_value(&client_statuses, status)))
		return cli_bad(c, "status", N_("must be prospect, active or former"));
	if ((r = cli_open(c, false)))
		return r;
	static const char *const cols[] = {
	    N_("id"),      N_("civility"), N_("name"),     N_("first_name"),  N_("phone"),     "phone2",    N_("email"),
	    N_("address"), N_("status"),   N_("referent"), N_("wants_quote"), N_("has_needs"), N_("created_at")};
	struct list_arg la = {out_new(csv, cols, ARRAY_LEN(cols)), csv};
	cerr e = {0};
	r = client_each(c->a, &f, list_row, &la, &e);
	out_end(la.o);
	return r ? cli_fail(c, &e) : 0;
}

/* ---- show: the file for people ---- */

static void pad(const char *s, int width)
{
	fputs(s, stdout);
	for (int w = text_width(s); w < width; w++)
		putchar(' ');
}

/* "  Label:   value", continuation lines of a multi-line value under the value. */
static void show_field(const char *label, const char *value, int width)
{
	const char *v = value ? value : "";
	fputs("  ", stdout);
	if (!*v) { /* no trailing blanks after a label without value */
		printf("%s\n", label);
		return;
	}
	pad(label, width + 1);
	bool first = true;
	do {
		const char *nl = strchr(v, '\n');
		char *line = xstrndup(v, nl ? (size_t)(nl - v) : strlen(v));
		char *clean = text_printable(line);
		if (!first) {
			fputs("  ", stdout);
			pad("", width + 1);
		}
		printf("%s\n", str_trim(clean));
		free(clean);
		free(line);
		first = false;
		v = nl ? nl + 1 : NULL;
	} while (v);
}

static int labels_width(const char *const *labels, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n; i++) {
		int x = text_width(labels[i]);
		if (x > w)
			w = x;
	}
	return w;
}

static const char *yes_no(bool b)
{
	return b ? _("yes") : _("no");
}

static int show_event(const client_event *ev, void *arg)
{
	char when[17];
	if (ev->has_time)
		fmt_datetime_human(ev->at, when);
	else
		fmt_date_human(cal_day_of(ev->at), when);
	char ref[64];
	if (*ev->ref && strspn(ev->ref, "0123456789") == strlen(ev->ref))
		snprintf(ref, sizeof ref, _("#%s"), ev->ref);
	else
		snprintf(ref, sizeof ref, "%s", ev->ref);
	char *detail = text_printable(ev->detail);
	fputs("  ", stdout);
	pad(when, 17);
	pad(ev->label, 14);
	pad(ref, 12);
	printf("%s\n", detail);
	free(detail);
	(*(int *)arg)++;
	return 0;
}

static int client_show(cli *c, int argc, char **argv)
{
	const char *ref;
	int64_t id;
	int r = cli_parse(c, argc, argv, (const cli_opt[]){{NULL, NULL, NULL}},
			  _("which client? give its id"), &ref);
	if (r || (r = cli_id(c, ref, "id", &id)) || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	client_file k;
	client_init(&k);
	if (client_get(c->a, id, &k, &e))
		return cli_fail(c, &e);

	char phone[32], phone2[32], created[17];
	fmt_phone(k.phone ? k.phone : "", phone);
	fmt_phone(k.phone2 ? k.phone2 : "", phone2);
	fmt_datetime_human(k.created_at, created);
	char *referent = NULL;
	if (k.referent) {
		staff s = {0};
		if (staff_get(c->a, k.referent, &s, NULL) == ST_OK)
			referent = s.active ? xasprintf("%s (%s)", s.name, k.referent)
			                    : xasprintf(_("%s (%s), no longer at the agency"),
			                                s.name, k.referent);
		else
			referent = xstrdup(k.referent);
		staff_free(&s);
	}
	char *who = client_display_name(&k);
	char *title = text_printable(who);
	printf(_("Client file #%lld: %s\n"), (long long)k.id, title);
	free(title);
	free(who);

	const char *labels[] = {_("Civility:"),
	                        _("Name:"),
	                        _("First name:"),
	                        _("Address:"),
	                        _("Phone:"),
	                        _("Phone 2:"),
	                        _("E-mail:"),
	                        _("Status:"),
	                        _("Referent:"),
	                        _("Wants a quote:"),
	                        _("Specific instructions:"),
	                        _("Forbidden zones:"),
	                        _("Notes:"),
	                        _("Created:")};
	const char *values[] = {k.civility,
	                        k.name,
	                        k.first_name,
	                        k.address,
	                        phone,
	                        phone2,
	                        k.email,
	                        enum_label(&client_statuses, k.status),
	                        referent ? referent : _("none"),
	                        yes_no(k.wants_quote),
	                        k.instructions,
	                        k.forbidden_zones,
	                        k.notes,
	                        created};
	int width = labels_width(labels, ARRAY_LEN(labels));
	for (size_t i = 0; i < ARRAY_LEN(labels); i++)
		show_field(labels[i], values[i], width);
	free(referent);

	printf("\n%s\n", _("Needs analysis"));
	needs_analysis n;
	needs_init(&n);
	r = client_get_needs(c->a, id, &n, &e);
	if (r == ST_NOT_FOUND) {
		printf("  %s\n", _("not done yet"));
		r = 0;
	} else if (!r) {
		char hours[24], on[11];
		fmt_hundredths_human(n.hours_per_week, hours);
		fmt_date_human(n.analysed_on, on);
		staff s = {0};
		bool named = n.analysed_by && staff_get(c->a, n.analysed_by, &s, NULL) == ST_OK;
		char *by = xasprintf(_("%s, on %s"), named ? s.name : n.analysed_by, on);
		staff_free(&s);
		const char *nlabels[] = {_("Services wanted:"), _("Hours per week:"),
		                         _("Days and times:"),  _("Constraints:"),
		                         _("Autonomy:"),        _("Household:"),
		                         _("Notes:"),           _("Analysed by:")};
		const char *nvalues[] = {n.services, hours,       n.days_times, n.constraints,
		                         n.autonomy, n.household, n.notes,      by};
		int nw = labels_width(nlabels, ARRAY_LEN(nlabels));
		for (size_t i = 0; i < ARRAY_LEN(nlabels); i++)
			show_field(nlabels[i], nvalues[i], nw);
		free(by);
	}
	needs_free(&n);

	if (!r) {
		printf("\n%s\n", _("History"));
		int count = 0;
		r = client_history(c->a, id, show_event, &count, &e);
	}
	client_free(&k);
	fflush(stdout);
	return r ? cli_fail(c, &e) : 0;
}

static const cli_verb verbs[] = {
	{"add",
	 "--name NAME [--first-name F] [--civility C] [--phone P] [--phone2 P] [--address A] "
	 "[--email E] [--status prospect|active|former] [--referent LOGIN] [--wants-quote] "
	 "[--instructions T] [--forbidden-zones T] [--notes T]",
	 N_("open a client file; prints its id"), client_add},
	{"edit",
	 "ID [--name NAME] [--first-name F] [--civility C] [--phone P] [--phone2 P] "
	 "[--address A] [--email E] [--status S] [--referent LOGIN] [--wants-quote|"
	 "--no-wants-quote] [--instructions T] [--forbidden-zones T] [--notes T]",
	 N_("change the fields given of a client file ('' empties one)"), client_edit},
	{"needs",
	 "ID --services TEXT --hours-per-week H [--days-times T] [--constraints T] "
	 "[--autonomy T] [--household T] [--notes TEXT]",
	 N_("record the needs analysis of a client (replaces an earlier one)"), client_needs},
	{"list", "[--search WORDS] [--status S] [--referent LOGIN] [--csv]",
	 N_("list clients by name; --search finds names or phone numbers as typed"), client_list},
	{"show", "ID", N_("the client file, its needs analysis and its history"), client_show},
};
CLI_AREA(area_client, "client", N_("client files and their needs analysis"), verbs);
