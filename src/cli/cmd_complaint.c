/* cmd_complaint.c — `charte complaint add|action|answer|close|list|show|categories|recurring`
 * (S5, R7) and `charte plan add|action|done|link|close|list|show` (S7). */
#include <stdlib.h>
#include <string.h>

#include "charte/complaint.h"
#include "cli.h"

#define WHICH_COMPLAINT _("which complaint? give its id")
#define WHICH_PLAN _("which action plan? give its id")

/* ---- complaints ---- */

static int complaint_add_cmd(cli *c, int argc, char **argv)
{
	const char *client = NULL, *on = NULL, *category = NULL, *text = NULL, *worker_ref = NULL,
		   *channel = NULL, *severity = NULL;
	bool anomaly = false;
	const cli_opt opts[] = {{"client", &client, NULL},     {"on", &on, NULL},
				{"category", &category, NULL}, {"text", &text, NULL},
				{"worker", &worker_ref, NULL},     {"channel", &channel, NULL},
				{"severity", &severity, NULL}, {"anomaly", NULL, &anomaly},
				{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (!client || !on || !category || !text)
		return cli_usage(c, _("--client, --on, --category and --text are required"));
	complaint k;
	complaint_init(&k);
	k.anomaly = anomaly;
	if ((r = cli_id(c, client, "client", &k.client_id)) ||
	    (worker_ref && (r = cli_id(c, worker_ref, "worker", &k.worker_id))) ||
	    (r = cli_date(c, on, "on", &k.received_on)))
		return r;
	if (channel && !(k.channel = enum_value(&complaint_channels, channel)))
		return cli_bad(c, "channel", N_("must be phone, letter, email, home, survey or followup"));
	if (severity && !(k.severity = enum_value(&complaint_severities, severity)))
		return cli_bad(c, "severity", N_("must be low, medium or high"));
	if ((r = cli_open(c, false)))
		return r;
	k.category = xstrdup(category);
	k.description = xstrdup(text);
	cerr e = {0};
	if (complaint_create(c->a, &k, &e))
		r = cli_fail(c, &e);
	else
		printf("%lld\n", (long long)k.id);
	complaint_free(&k);
	return r;
}

/* action and answer: ID --on D --text TEXT. */
static int dated_text(cli *c, int argc, char **argv, int64_t *id, cday *day, const char **text)
{
	const char *on = NULL, *ref;
	*text = NULL;
	const cli_opt opts[] = {{"on", &on, NULL}, {"text", text, NULL}, {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, WHICH_COMPLAINT, &ref);
	if (r)
		return r;
	if (!on || !*text)
		return cli_usage(c, _("--on and --text are required"));
	if ((r = cli_id(c, ref, "id", id)) || (r = cli_date(c, on, "on", day)))
		return r;
	return cli_open(c, false);
}

static int complaint_action_cmd(cli *c, int argc, char **argv)
{
	int64_t id, action = 0;
	cday day;
	const char *text;
	int r = dated_text(c, argc, argv, &id, &day, &text);
	if (r)
		return r;
	cerr e = {0};
	if (complaint_act(c->a, id, day, text, &action, &e))
		return cli_fail(c, &e);
	printf("%lld\n", (long long)action);
	return 0;
}

static int complaint_answer_cmd(cli *c, int argc, char **argv)
{
	int64_t id;
	cday day;
	const char *text;
	int r = dated_text(c, argc, argv, &id, &day, &text);
	if (r)
		return r;
	cerr e = {0};
	return complaint_answer(c->a, id, day, text, &e) ? cli_fail(c, &e) : 0;
}

/* A verb that dates one step of a record: its id (`what` when it is missing, `field` when it is
 * bad) and a required --on, then fn. */
static int dated_step_cmd(cli *c, int argc, char **argv, const char *what, const char *field,
			  int (*fn)(app *a, int64_t id, cday on, cerr *e))
{
	const char *on = NULL, *ref;
	const cli_opt opts[] = {{"on", &on, NULL}, {NULL, NULL, NULL}};
	int64_t id;
	cday day;
	int r = cli_parse(c, argc, argv, opts, what, &ref);
	if (r)
		return r;
	if (!on)
		return cli_usage(c, _("--on is required"));
	if ((r = cli_id(c, ref, field, &id)) || (r = cli_date(c, on, "on", &day)) ||
	    (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	return fn(c->a, id, day, &e) ? cli_fail(c, &e) : 0;
}

static int complaint_close_cmd(cli *c, int argc, char **argv)
{
	return dated_step_cmd(c, argc, argv, WHICH_COMPLAINT, "id", complaint_close);
}

struct list_arg {
	cli_out *o;
	bool csv;
	complaint_category *cats;
	size_t ncats;
};

static int list_row(const complaint *k, void *arg)
{
	struct list_arg *la = arg;
	char id[24], client[24], who[24], received[11], closed[11], answered[11];
	snprintf(id, sizeof id, "%lld", (long long)k->id);
	snprintf(client, sizeof client, "%lld", (long long)k->client_id);
	if (k->worker_id)
		snprintf(who, sizeof who, "%lld", (long long)k->worker_id);
	else
		who[0] = 0;
	if (la->csv) {
		out_day(k->received_on, received);
		out_day(k->closed_on, closed);
		out_day(k->answered_on, answered);
	} else {
		fmt_date_human(k->received_on, received);
		fmt_date_human(k->closed_on, closed);
		fmt_date_human(k->answered_on, answered);
	}
	const char *cells[] = {
	    id,
	    client,
	    who,
	    received,
	    la->csv ? k->category : complaint_category_label(la->cats, la->ncats, k->category),
	    la->csv ? enum_name(&complaint_statuses, k->status)
		    : enum_label(&complaint_statuses, k->status),
	    closed,
	    la->csv ? enum_name(&complaint_channels, k->channel)
		    : enum_label(&complaint_channels, k->channel),
	    la->csv ? enum_name(&complaint_severities, k->severity)
		    : enum_label(&complaint_severities, k->severity),
	    out_flag(k->anomaly),
	    answered,
	    out_flag(k->planned),
	    k->client_name,
	    k->worker_name,
	    k->description};
	out_row(la->o, cells);
	return 0;
}

static int complaint_list_cmd(cli *c, int argc, char **argv)
{
	complaint_filter f;
	complaint_filter_init(&f);
	bool csv = false;
	const char *client = NULL, *worker_ref = NULL;
	const cli_opt opts[] = {{"csv", NULL, &csv},		{"open", NULL, &f.open},
				{"anomaly", NULL, &f.anomalies}, {"category", &f.category, NULL},
				{"client", &client, NULL},	{"worker", &worker_ref, NULL},
				{"search", &f.search, NULL},	{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r || (client && (r = cli_id(c, client, "client", &f.client_id))) ||
	    (worker_ref && (r = cli_id(c, worker_ref, "worker", &f.worker_id))) ||
	    (r = cli_open(c, false)))
		return r;
	static const char *const cols[] = {
	    N_("id"),	    N_("client_id"), N_("worker_id"),   N_("received"), N_("category"),
	    N_("status"),   N_("closed_on"), N_("channel"),	N_("severity"), N_("anomaly"),
	    N_("answered_on"), N_("in_plan"), N_("client"),	N_("worker"),	N_("description")};
	struct list_arg la = {NULL, csv, NULL, 0};
	cerr e = {0};
	if (complaint_categories(c->a, &la.cats, &la.ncats, &e))
		return cli_fail(c, &e);
	la.o = out_new(csv, cols, ARRAY_LEN(cols));
	r = complaint_each(c->a, &f, list_row, &la, &e);
	out_end(la.o);
	complaint_categories_free(la.cats, la.ncats);
	return r ? cli_fail(c, &e) : 0;
}

static int complaint_show_cmd(cli *c, int argc, char **argv)
{
	const char *ref;
	int64_t id;
	int r = cli_parse(c, argc, argv, (const cli_opt[]){{NULL, NULL, NULL}}, WHICH_COMPLAINT,
			  &ref);
	if (r || (r = cli_id(c, ref, "id", &id)) || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	complaint k;
	complaint_init(&k);
	complaint_category *cats = NULL;
	size_t ncats = 0;
	if (complaint_get(c->a, id, &k, &e) || complaint_categories(c->a, &cats, &ncats, &e))
		return cli_fail(c, &e);
	printf(k.anomaly ? _("Anomaly #%lld\n") : _("Complaint #%lld\n"), (long long)k.id);
	const char *labels[] = {_("Client:"),   _("Worker:"),	_("Received on:"),
				_("Channel:"),  _("Category:"), _("Severity:"),
				_("Status:"),   _("Description:"), _("Answer:"),
				_("Answered on:"), _("Closed on:"), _("Recorded by:")};
	char *client = xasprintf("%s (%lld)", k.client_name, (long long)k.client_id);
	char *about = k.worker_id ? xasprintf("%s (%lld)", k.worker_name ? k.worker_name : "",
					       (long long)k.worker_id)
				   : xstrdup("");
	char *received = out_day_or(k.received_on, "—"), *answered = out_day_or(k.answered_on, "—"),
	     *closed = out_day_or(k.closed_on, "—");
	const char *values[] = {client,
				about,
				received,
				enum_label(&complaint_channels, k.channel),
				complaint_category_label(cats, ncats, k.category),
				enum_label(&complaint_severities, k.severity),
				enum_label(&complaint_statuses, k.status),
				k.description,
				k.answer,
				answered,
				closed,
				k.recorded_by};
	out_block(labels, values, ARRAY_LEN(labels));
	free(client);
	free(about);
	free(received);
	free(answered);
	free(closed);

	complaint_action *acts = NULL;
	size_t nacts = 0;
	if (!(r = complaint_actions(c->a, id, &acts, &nacts, &e))) {
		out_section(_("Actions"), nacts);
		for (size_t i = 0; i < nacts; i++) {
			char on[11];
			fmt_date_human(acts[i].done_on, on);
			out_item(xasprintf("%s  %s (%s)", on, acts[i].text, acts[i].done_by));
		}
		complaint_actions_free(acts, nacts);
	}
	action_plan *plans = NULL;
	size_t nplans = 0;
	if (!r && !(r = complaint_plans(c->a, id, &plans, &nplans, &e)) && nplans) {
		printf("\n%s\n", _("Action plans"));
		for (size_t i = 0; i < nplans; i++) {
			char *t = text_printable(plans[i].title);
			printf("  #%lld %s (%s)\n", (long long)plans[i].id, t,
			       enum_label(&plan_statuses, plans[i].status));
			free(t);
		}
	}
	action_plans_free(plans, nplans);
	complaint_free(&k);
	complaint_categories_free(cats, ncats);
	fflush(stdout);
	return r ? cli_fail(c, &e) : 0;
}

static int list_categories(app *a, bool csv, cerr *e)
{
	complaint_category *rows = NULL;
	size_t n = 0;
	int r = complaint_categories(a, &rows, &n, e);
	if (r)
		return r;
	static const char *const cols[] = {N_("code"), N_("label")};
	cli_out *o = out_new(csv, cols, ARRAY_LEN(cols));
	for (size_t i = 0; i < n; i++)
		out_row(o, (const char *const[]){rows[i].code,
						 complaint_category_label(rows, n, rows[i].code)});
	out_end(o);
	complaint_categories_free(rows, n);
	return 0;
}

static int complaint_categories_cmd(cli *c, int argc, char **argv)
{
	return cli_list_verb(c, argc, argv, list_categories);
}

static int list_recurring(app *a, bool csv, cerr *e)
{
	recurring_problem *rows = NULL;
	size_t n = 0;
	int r = complaint_recurring(a, &rows, &n, e);
	if (r)
		return r;
	static const char *const cols[] = {N_("kind"), N_("category"), N_("worker_id"),
					   N_("complaints"), N_("without_plan"), N_("ids")};
	cli_out *o = out_new(csv, cols, ARRAY_LEN(cols));
	for (size_t i = 0; i < n; i++) {
		char who[24] = "", count[24], loose[24];
		strbuf ids = {0};
		if (rows[i].kind == RECURRING_WORKER)
			snprintf(who, sizeof who, "%lld", (long long)rows[i].worker_id);
		snprintf(count, sizeof count, "%zu", rows[i].n);
		snprintf(loose, sizeof loose, "%zu", rows[i].unplanned);
		for (size_t k = 0; k < rows[i].n; k++)
			sb_addf(&ids, "%s%lld", k ? "," : "", (long long)rows[i].ids[k]);
		out_row(o, (const char *const[]){rows[i].kind == RECURRING_WORKER ? "worker"
										  : "category",
						 rows[i].category, who, count, loose,
						 sb_str(&ids)});
		sb_free(&ids);
	}
	out_end(o);
	recurring_problems_free(rows, n);
	return 0;
}

static int complaint_recurring_cmd(cli *c, int argc, char **argv)
{
	return cli_list_verb(c, argc, argv, list_recurring);
}

static const cli_verb complaint_verbs[] = {
	{"add",
	 "--client ID --on D --category CODE --text TEXT [--worker ID] "
	 "[--channel phone|letter|email|home|survey|followup] [--severity low|medium|high] "
	 "[--anomaly]",
	 N_("record a complaint (or, with --anomaly, an anomaly the agency noticed); prints its "
	    "id"),
	 complaint_add_cmd},
	{"action", "ID --on D --text TEXT",
	 N_("record an action taken about a complaint; prints its id"), complaint_action_cmd},
	{"answer", "ID --on D --text TEXT", N_("record the answer given to the client"),
	 complaint_answer_cmd},
	{"close", "ID --on D", N_("close a complaint (once answered; an anomaly at any time)"),
	 complaint_close_cmd},
	{"list",
	 "[--open] [--anomaly] [--category CODE] [--client ID] [--worker ID] [--search WORDS] "
	 "[--csv]",
	 N_("list complaints, oldest first (--open: not closed; --anomaly: the anomalies noticed by "
	    "the agency)"),
	 complaint_list_cmd},
	{"show", "ID", N_("a complaint with its actions, answer and action plans"),
	 complaint_show_cmd},
	{"categories", "[--csv]", N_("the categories of complaints (codes for --category)"),
	 complaint_categories_cmd},
	{"recurring", "[--csv]",
	 N_("the recurring problems (R7) as of now, and how many of their complaints no plan "
	    "answers"),
	 complaint_recurring_cmd},
};
CLI_AREA(area_complaint, "complaint", N_("complaints and anomalies, followed until closed"),
	 complaint_verbs);

/* ---- action plans ---- */

static int plan_add_cmd(cli *c, int argc, char **argv)
{
	const char *title = NULL, *complaints = NULL, *cause = NULL;
	const cli_opt opts[] = {{"title", &title, NULL},
				{"complaints", &complaints, NULL},
				{"cause", &cause, NULL},
				{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (!title || !complaints)
		return cli_usage(c, _("--title and --complaints are required"));
	int64_t *ids = NULL;
	size_t n = 0;
	cerr e = {0};
	if (complaint_parse_ids(complaints, "complaints", &ids, &n, &e))
		return cli_fail(c, &e);
	if ((r = cli_open(c, false))) {
		free(ids);
		return r;
	}
	action_plan p;
	action_plan_init(&p);
	p.title = xstrdup(title);
	p.cause = xstrdup(cause ? cause : "");
	if (plan_create(c->a, &p, ids, n, &e))
		r = cli_fail(c, &e);
	else
		printf("%lld\n", (long long)p.id);
	action_plan_free(&p);
	free(ids);
	return r;
}

static int plan_link_cmd(cli *c, int argc, char **argv)
{
	const char *complaints = NULL, *ref;
	const cli_opt opts[] = {{"complaints", &complaints, NULL}, {NULL, NULL, NULL}};
	int64_t id;
	int r = cli_parse(c, argc, argv, opts, WHICH_PLAN, &ref);
	if (r)
		return r;
	if (!complaints)
		return cli_usage(c, _("--complaints is required"));
	if ((r = cli_id(c, ref, "id", &id)))
		return r;
	int64_t *ids = NULL;
	size_t n = 0;
	cerr e = {0};
	if (complaint_parse_ids(complaints, "complaints", &ids, &n, &e))
		return cli_fail(c, &e);
	if (!(r = cli_open(c, false)) && plan_link(c->a, id, ids, n, &e))
		r = cli_fail(c, &e);
	free(ids);
	return r;
}

static int plan_action_cmd(cli *c, int argc, char **argv)
{
	const char *text = NULL, *owner = NULL, *due = NULL, *ref;
	const cli_opt opts[] = {{"text", &text, NULL}, {"owner", &owner, NULL},
				{"due", &due, NULL},   {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, WHICH_PLAN, &ref);
	if (r)
		return r;
	if (!text || !owner || !due)
		return cli_usage(c, _("--text, --owner and --due are required"));
	plan_action pa = {0};
	pa.done_on = NO_DAY;
	if ((r = cli_id(c, ref, "id", &pa.plan_id)) || (r = cli_date(c, due, "due", &pa.due)) ||
	    (r = cli_open(c, false)))
		return r;
	pa.text = (char *)text;
	pa.owner = (char *)owner;
	cerr e = {0};
	if (plan_action_add(c->a, &pa, &e))
		return cli_fail(c, &e);
	printf("%lld\n", (long long)pa.id);
	return 0;
}

static int plan_done_cmd(cli *c, int argc, char **argv)
{
	return dated_step_cmd(c, argc, argv, _("which action? give its id"), "action",
			      plan_action_done);
}

static int plan_close_cmd(cli *c, int argc, char **argv)
{
	return dated_step_cmd(c, argc, argv, WHICH_PLAN, "id", plan_close);
}

struct plan_list_arg {
	cli_out *o;
	bool csv;
};

static int plan_row(const action_plan *p, void *arg)
{
	struct plan_list_arg *la = arg;
	char id[24], opened[11], closed[11], actions[24], done[24];
	snprintf(id, sizeof id, "%lld", (long long)p->id);
	snprintf(actions, sizeof actions, "%lld", (long long)p->nactions);
	snprintf(done, sizeof done, "%lld", (long long)p->ndone);
	if (la->csv) {
		out_day(p->opened_on, opened);
		out_day(p->closed_on, closed);
	} else {
		fmt_date_human(p->opened_on, opened);
		fmt_date_human(p->closed_on, closed);
	}
	const char *cells[] = {id,
			       p->title,
			       la->csv ? enum_name(&plan_statuses, p->status)
				       : enum_label(&plan_statuses, p->status),
			       opened,
			       closed,
			       p->complaints,
			       actions,
			       done,
			       p->cause};
	out_row(la->o, cells);
	return 0;
}

static int plan_list_cmd(cli *c, int argc, char **argv)
{
	plan_filter f = {false};
	bool csv = false;
	const cli_opt opts[] = {{"csv", NULL, &csv}, {"open", NULL, &f.open}, {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r || (r = cli_open(c, false)))
		return r;
	static const char *const cols[] = {N_("id"),	    N_("title"),      N_("status"),
					   N_("opened_on"), N_("closed_on"),  N_("complaints"),
					   N_("actions"),   N_("actions_done"), N_("cause")};
	struct plan_list_arg la = {out_new(csv, cols, ARRAY_LEN(cols)), csv};
	cerr e = {0};
	r = plan_each(c->a, &f, plan_row, &la, &e);
	out_end(la.o);
	return r ? cli_fail(c, &e) : 0;
}

static int plan_show_cmd(cli *c, int argc, char **argv)
{
	const char *ref;
	int64_t id;
	int r = cli_parse(c, argc, argv, (const cli_opt[]){{NULL, NULL, NULL}}, WHICH_PLAN, &ref);
	if (r || (r = cli_id(c, ref, "id", &id)) || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	action_plan p;
	action_plan_init(&p);
	if (plan_get(c->a, id, &p, &e))
		return cli_fail(c, &e);
	char *title = text_printable(p.title);
	printf(_("Action plan #%lld: %s\n"), (long long)p.id, title);
	free(title);
	const char *labels[] = {_("Status:"), _("Opened on:"), _("Closed on:"), _("Cause:"),
				_("Complaints:")};
	char *opened = out_day_or(p.opened_on, "—"), *closed = out_day_or(p.closed_on, "—");
	const char *values[] = {enum_label(&plan_statuses, p.status), opened, closed, p.cause,
				p.complaints};
	out_block(labels, values, ARRAY_LEN(labels));
	free(opened);
	free(closed);
	plan_action *acts = NULL;
	size_t n = 0;
	if (!(r = plan_actions(c->a, id, &acts, &n, &e))) {
		out_section(_("Actions"), n);
		for (size_t i = 0; i < n; i++) {
			char due[11], done[11];
			fmt_date_human(acts[i].due, due);
			fmt_date_human(acts[i].done_on, done);
			char *state = acts[i].done_on == NO_DAY ? xstrdup(_("not done"))
								: xasprintf(_("done on %s"), done);
			out_item(xasprintf(_("#%lld %s — %s, due %s: %s"), (long long)acts[i].id,
					   acts[i].text, acts[i].owner, due, state));
			free(state);
		}
		plan_actions_free(acts, n);
	}
	action_plan_free(&p);
	fflush(stdout);
	return r ? cli_fail(c, &e) : 0;
}

static const cli_verb plan_verbs[] = {
	{"add", "--title TEXT --complaints ID,ID [--cause TEXT]",
	 N_("open an action plan answering these complaints; prints its id"), plan_add_cmd},
	{"action", "ID --text TEXT --owner LOGIN --due D",
	 N_("add an action to a plan, with who does it and by when; prints its id"),
	 plan_action_cmd},
	{"done", "ACTION --on D", N_("record an action of a plan as done"), plan_done_cmd},
	{"link", "ID --complaints ID,ID", N_("have a plan answer more complaints"), plan_link_cmd},
	{"close", "ID --on D", N_("close a plan whose every action is done"), plan_close_cmd},
	{"list", "[--open] [--csv]", N_("list action plans, newest first"), plan_list_cmd},
	{"show", "ID", N_("an action plan with its complaints and actions"), plan_show_cmd},
};
CLI_AREA(area_plan, "plan", N_("action plans for recurring problems"), plan_verbs);
