/* cmd_contract.c — `charte contract add|line|slot|sign|express|end|withdraw|list|show`. */
#include <stdlib.h>
#include <string.h>

#include "charte/contract.h"
#include "charte/money.h"
#include "charte/quote.h"
#include "charte/settings.h"
#include "charte/text.h"
#include "charte/worker.h"
#include "cli.h"

/* The options of opts, then the one CONTRACT argument. */
static int contract_args(cli *c, int argc, char **argv, const cli_opt *opts, const char **ref)
{
	return cli_parse(c, argc, argv, opts, _("which contract? give its number"), ref);
}

/* The figures of one line as typed: --service, --label, --price, --vat, and the hours a week
 * (recurring) or the quantity (one-off). */
static int line_args(cli *c, contract_line *l, const char *svc, const char *label,
                     const char *price, const char *vat, const char *hours, const char *hfield)
{
	const char *why;
	l->service_code = svc ? xstrdup(svc) : NULL;
	l->label = label ? xstrdup(label) : NULL;
	if (price && (why = parse_amount(price, &l->hourly_excl)))
		return cli_bad(c, "price", why);
	if (vat && (why = parse_percent(vat, &l->vat_rate)))
		return cli_bad(c, "vat", why);
	if (hours && (why = parse_hundredths(hours, &l->hours)))
		return cli_bad(c, hfield, why);
	return 0;
}

/* A quote that already made a contract makes another only with --again: said before trying. */
static int check_again(cli *c, int64_t quote_id, const char *quote_number, bool again)
{
	if (!quote_id || again)
		return 0;
	cerr e = {0};
	char *before = NULL;
	if (contract_of_quote(c->a, quote_id, &before, &e))
		return cli_fail(c, &e);
	if (!before)
		return 0;
	char *msg = xasprintf(_("quote %s already made contract %s: give --again to make another "
	                        "one from it"),
	                      quote_number, before);
	free(before);
	err_set(&e, ST_CONFLICT, "quote", "%s", msg);
	free(msg);
	return cli_fail(c, &e);
}

static int contract_add_cmd(cli *c, int argc, char **argv)
{
	const char *client = NULL, *kind = NULL, *start = NULL, *price = NULL, *vat = NULL,
	           *weekly = NULL, *total = NULL, *qty = NULL, *quote_ref = NULL, *skills = NULL,
	           *svc = NULL, *label = NULL, *notes = NULL;
	bool express = false, agency = false, again = false;
	const cli_opt opts[] = {
	    {"client", &client, NULL},        {"kind", &kind, NULL},
	    {"start", &start, NULL},          {"price", &price, NULL},
	    {"vat", &vat, NULL},              {"hours-per-week", &weekly, NULL},
	    {"hours", &total, NULL},          {"qty", &qty, NULL},
	    {"quote", &quote_ref, NULL},      {"again", NULL, &again},
	    {"service", &svc, NULL},          {"label", &label, NULL},
	    {"express-start", NULL, &express}, {"at-agency", NULL, &agency},
	    {"skills", &skills, NULL},        {"notes", &notes, NULL},
	    {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (!client || !kind || !start || (!price && !quote_ref))
		return cli_usage(c, _("--client, --kind, --start and --price (or --quote) are "
		                      "required"));
	if (!price && (vat || weekly || total || qty || svc || label))
		return cli_usage(c, _("without --price the lines are the quote's: add others with "
		                      "'charte contract line'"));
	if (total && qty)
		return cli_usage(c, _("--hours and --qty say the same: give one"));
	if (qty)
		total = qty;
	contract k;
	contract_init(&k);
	if ((r = cli_id(c, client, "client", &k.client_id)))
		return r;
	if ((k.kind = enum_value(&contract_kinds, kind)) < 0)
		return cli_bad(c, "kind", N_("must be recurring or one-off"));
	if (weekly && k.kind != CONTRACT_RECURRING)
		return cli_usage(c, _("--hours-per-week is for a recurring contract (one-off: "
		                      "--hours)"));
	if (total && k.kind != CONTRACT_ONE_OFF)
		return cli_usage(c, _("--hours is for a one-off contract (recurring: "
		                      "--hours-per-week)"));
	if ((r = cli_date(c, start, "start", &k.start)))
		return r;
	contract_line l;
	contract_line_init(&l);
	if (price && (r = line_args(c, &l, svc, label, price, vat, weekly ? weekly : total,
	                            weekly ? "hours-per-week" : "hours"))) {
		contract_line_free(&l);
		return r;
	}
	if (price && !svc && !label)
		l.label = xstrdup(_("Service"));
	if ((r = cli_open(c, false))) {
		contract_line_free(&l);
		return r;
	}
	k.at_agency = agency;
	k.express_start = express;
	k.skills = skills ? xstrdup(skills) : NULL;
	k.notes = notes ? xstrdup(notes) : NULL;
	cerr e = {0};
	quote q;
	quote_init(&q);
	if (quote_ref && quote_find(c->a, quote_ref, "quote", &q, &e)) {
		r = cli_fail(c, &e);
	} else if (!(r = check_again(c, q.id, q.number, again))) {
		k.quote_id = q.id;
		if (contract_create_lines(c->a, &k, &l, price ? 1 : 0, again, &e))
			r = cli_fail(c, &e);
		else
			printf("%s\n", k.number);
	}
	quote_free(&q);
	contract_line_free(&l);
	contract_free(&k);
	return r;
}

/* A line's figures for `contract line` and `line-edit` (line_args), its hours given as
 * --hours-per-week (recurring) or --qty (one-off), one of them; then the agency file opened. */
static int line_terms(cli *c, contract_line *l, const char *svc, const char *label,
                      const char *price, const char *vat, const char *weekly, const char *qty)
{
	if (weekly && qty)
		return cli_usage(c, _("--hours-per-week is for a recurring contract, --qty for a "
		                      "one-off: give one"));
	int r = line_args(c, l, svc, label, price, vat, weekly ? weekly : qty,
	                  weekly ? "hours-per-week" : "qty");
	return r ? r : cli_open(c, false);
}

/* Contract `ref` into k, of the kind the hours given are for. */
static int line_contract(cli *c, const char *ref, const char *weekly, const char *qty,
                         contract *k)
{
	cerr e = {0};
	if (contract_find(c->a, ref, "contract", k, &e))
		return cli_fail(c, &e);
	if (weekly && k->kind != CONTRACT_RECURRING)
		return cli_usage(c, _("contract %s is one-off: give --qty"), k->number);
	if (qty && k->kind != CONTRACT_ONE_OFF)
		return cli_usage(c, _("contract %s is recurring: give --hours-per-week"), k->number);
	return 0;
}

/* `contract line-edit CONTRACT --line N [...]` and `contract line-remove CONTRACT --line N`. */
static int line_change_cmd(cli *c, int argc, char **argv, bool remove)
{
	const char *number = NULL, *label = NULL, *weekly = NULL, *qty = NULL, *price = NULL,
	           *vat = NULL, *ref;
	const cli_opt edit_opts[] = {{"line", &number, NULL},         {"label", &label, NULL},
	                             {"hours-per-week", &weekly, NULL}, {"qty", &qty, NULL},
	                             {"price", &price, NULL},         {"vat", &vat, NULL},
	                             {NULL, NULL, NULL}};
	const cli_opt remove_opts[] = {{"line", &number, NULL}, {NULL, NULL, NULL}};
	int r = contract_args(c, argc, argv, remove ? remove_opts : edit_opts, &ref);
	if (r)
		return r;
	if (!number)
		return cli_usage(c, _("--line is required"));
	long n;
	const char *why = parse_int(number, 1, 999, &n);
	if (why)
		return cli_bad(c, "line", why);
	if (!remove && !label && !weekly && !qty && !price && !vat)
		return cli_usage(c, _("give what changes: --label, --hours-per-week or --qty, --price, "
		                      "--vat"));
	contract_line l;
	contract_line_init(&l);
	l.hours = -1;
	contract k;
	contract_init(&k);
	cerr e = {0};
	if (!(r = line_terms(c, &l, NULL, label, price, vat, weekly, qty)) &&
	    !(r = line_contract(c, ref, weekly, qty, &k)) &&
	    (remove ? contract_line_remove(c->a, k.id, (int)n, &e)
	            : contract_line_edit(c->a, k.id, (int)n, &l, &e)))
		r = cli_fail(c, &e);
	contract_free(&k);
	contract_line_free(&l);
	return r;
}

static int contract_line_edit_cmd(cli *c, int argc, char **argv)
{
	return line_change_cmd(c, argc, argv, false);
}

static int contract_line_remove_cmd(cli *c, int argc, char **argv)
{
	return line_change_cmd(c, argc, argv, true);
}

static int contract_line_cmd(cli *c, int argc, char **argv)
{
	const char *svc = NULL, *label = NULL, *weekly = NULL, *qty = NULL, *price = NULL,
	           *vat = NULL, *ref;
	const cli_opt opts[] = {{"service", &svc, NULL},        {"label", &label, NULL},
	                        {"hours-per-week", &weekly, NULL}, {"qty", &qty, NULL},
	                        {"price", &price, NULL},        {"vat", &vat, NULL},
	                        {NULL, NULL, NULL}};
	int r = contract_args(c, argc, argv, opts, &ref);
	if (r)
		return r;
	if (!svc && !label)
		return cli_usage(c, _("--service or --label is required"));
	if (!price)
		return cli_usage(c, _("--price is required"));
	contract_line l;
	contract_line_init(&l);
	contract k;
	contract_init(&k);
	cerr e = {0};
	if (!(r = line_terms(c, &l, svc, label, price, vat, weekly, qty)) &&
	    !(r = line_contract(c, ref, weekly, qty, &k))) {
		if (contract_line_add(c->a, k.id, &l, &e))
			r = cli_fail(c, &e);
		else
			printf("%lld\n", (long long)l.id);
	}
	contract_free(&k);
	contract_line_free(&l);
	return r;
}

/* A slot's --day, --from, --to and --worker over s (NULL options leave a field as it is). */
static int slot_opts(cli *c, const char *day, const char *from, const char *to,
                     const char *who, contract_slot *s)
{
	const char *why;
	if (day && (why = contract_parse_weekday(day, &s->weekday)))
		return cli_bad(c, "day", why);
	if (from && (why = parse_clock(from, &s->starts)))
		return cli_bad(c, "from", why);
	if (to && (why = parse_clock(to, &s->ends)))
		return cli_bad(c, "to", why);
	if (who && str_blank(who))
		s->worker_id = 0;
	else if (who)
		return cli_id(c, who, "worker", &s->worker_id);
	return 0;
}

static int contract_slot_cmd(cli *c, int argc, char **argv)
{
	const char *day = NULL, *from = NULL, *to = NULL, *svc = NULL, *who = NULL, *ref;
	const cli_opt opts[] = {{"day", &day, NULL},     {"from", &from, NULL},
	                        {"to", &to, NULL},       {"service", &svc, NULL},
	                        {"worker", &who, NULL}, {NULL, NULL, NULL}};
	int r = contract_args(c, argc, argv, opts, &ref);
	if (r)
		return r;
	if (!day || !from || !to)
		return cli_usage(c, _("--day, --from and --to are required"));
	contract_slot s = {0};
	if ((r = slot_opts(c, day, from, to, who, &s)) || (r = cli_open(c, false)))
		return r;
	s.service_code = svc ? xstrdup(svc) : NULL;
	cerr e = {0};
	contract k;
	contract_init(&k);
	if (contract_find(c->a, ref, "contract", &k, &e) || contract_slot_add(c->a, k.id, &s, &e))
		r = cli_fail(c, &e);
	else
		printf("%lld\n", (long long)s.id);
	contract_free(&k);
	contract_slot_free(&s);
	return r;
}

/* `contract slot-edit SLOT [--day D] [--from T] [--to T] [--worker ID]`: the visits not yet
 * done follow; how many is said on stderr. */
static int contract_slot_edit_cmd(cli *c, int argc, char **argv)
{
	const char *day = NULL, *from = NULL, *to = NULL, *who = NULL, *ref;
	const cli_opt opts[] = {{"day", &day, NULL}, {"from", &from, NULL}, {"to", &to, NULL},
	                        {"worker", &who, NULL}, {NULL, NULL, NULL}};
	int64_t id;
	int r = cli_parse(c, argc, argv, opts, _("which slot? give its id ('charte contract show')"),
	                  &ref);
	if (r || (r = cli_id(c, ref, "slot", &id)))
		return r;
	if (!day && !from && !to && !who)
		return cli_usage(c, _("give --day, --from, --to or --worker"));
	contract_slot probe = {0};
	if ((r = slot_opts(c, day, from, to, who, &probe)) || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	contract_slot s = {0};
	int changed = 0;
	if (contract_slot_get(c->a, id, &s, &e) ||
	    (r = slot_opts(c, day, from, to, who, &s)) ||
	    contract_slot_edit(c->a, &s, &changed, &e)) {
		if (!r)
			r = cli_fail(c, &e);
	} else {
		fprintf(stderr, ngettext("charte: %d visit not yet done follows the slot\n",
		                         "charte: %d visits not yet done follow the slot\n",
		                         (unsigned long)changed),
		        changed);
	}
	contract_slot_free(&s);
	return r;
}

/* `contract edit CONTRACT [--skip-holidays yes|no] [--skills a,b] [--notes T]`: the planning
 * options, written only when changed over the contract as stored now. */
static int contract_edit_cmd(cli *c, int argc, char **argv)
{
	const char *skip = NULL, *skills = NULL, *notes = NULL, *ref;
	const cli_opt opts[] = {{"skip-holidays", &skip, NULL},
	                        {"skills", &skills, NULL},
	                        {"notes", &notes, NULL},
	                        {NULL, NULL, NULL}};
	int r = contract_args(c, argc, argv, opts, &ref);
	if (r)
		return r;
	if (!skip && !skills && !notes)
		return cli_usage(c, _("give what changes: --skip-holidays yes|no, --skills, --notes"));
	bool yes = skip && (!strcmp(skip, "yes") || !strcmp(skip, "oui") || !strcmp(skip, "1"));
	if (skip && !yes && strcmp(skip, "no") && strcmp(skip, "non") && strcmp(skip, "0"))
		return cli_bad(c, "skip-holidays", N_("must be yes or no"));
	if ((r = cli_open(c, false)))
		return r;
	cerr e = {0};
	contract base, mine;
	contract_init(&base);
	contract_init(&mine);
	int changed = 0;
	if (contract_find(c->a, ref, "contract", &base, &e) ||
	    contract_get(c->a, base.id, &mine, &e)) {
		r = cli_fail(c, &e);
	} else {
		if (skip)
			mine.skip_holidays = yes;
		if (skills) {
			free(mine.skills);
			mine.skills = xstrdup(skills);
		}
		if (notes) {
			free(mine.notes);
			mine.notes = xstrdup(notes);
		}
		if (contract_set_options(c->a, &base, &mine, &changed, &e))
			r = cli_fail(c, &e);
		else if (changed)
			fprintf(stderr,
			        ngettext("charte: %d visit on a public holiday changed\n",
			                 "charte: %d visits on a public holiday changed\n",
			                 (unsigned long)changed),
			        changed);
	}
	contract_free(&base);
	contract_free(&mine);
	return r;
}

/* How many visits a step cancelled, on stderr. */
static void say_cancelled(int n)
{
	if (n)
		fprintf(stderr,
		        ngettext("charte: %d planned visit cancelled\n",
		                 "charte: %d planned visits cancelled\n", (unsigned long)n),
		        n);
}

/* CONTRACT --on D (or --notice D), the date required; --dry-run where dry_run is not NULL. */
static int ref_and_day(cli *c, int argc, char **argv, const char *name, const char **ref, cday *day,
                       bool *dry_run)
{
	const char *text = NULL;
	const cli_opt opts[] = {
	    {name, &text, NULL}, {dry_run ? "dry-run" : NULL, NULL, dry_run}, {NULL, NULL, NULL}};
	int r = contract_args(c, argc, argv, opts, ref);
	if (r)
		return r;
	if (!text)
		return cli_usage(c, _("--%s is required"), name);
	return cli_date(c, text, name, day);
}

/* R4: signed away from the agency, a start within the withdrawal period without the client's
 * express request is said on stderr (the contract is signed). */
static void warn_early_start(cli *c, contract *signed_k)
{
	cerr e = {0};
	contract k; /* as it is now signed */
	contract_init(&k);
	if (!contract_get(c->a, signed_k->id, &k, &e) && contract_starts_early(&k, k.withdrawal_end)) {
		char start[11], end[11];
		fmt_date(k.start, start);
		fmt_date(k.withdrawal_end, end);
		char *msg = xasprintf(_("warning: contract %s starts on %s, within the withdrawal "
		                        "period (until %s), and the client has not asked for an "
		                        "express start: record the request with 'charte contract "
		                        "express %s'"),
		                      k.number, start, end, k.number);
		cli_eprintf("charte: %s\n", msg);
		free(msg);
	}
	contract_free(&k);
}

/* `sign` and `withdraw`: CONTRACT --on D, then the step, which says how many visits it
 * cancelled; `after` (or NULL) once it is done. */
static int contract_step_cmd(cli *c, int argc, char **argv,
                             int (*fn)(app *, int64_t, cday, int *cancelled, cerr *),
                             void (*after)(cli *c, contract *k))
{
	const char *ref;
	cday on;
	int r = ref_and_day(c, argc, argv, "on", &ref, &on, NULL);
	if (r || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	contract k;
	contract_init(&k);
	int cancelled = 0;
	if (contract_find(c->a, ref, "contract", &k, &e) || fn(c->a, k.id, on, &cancelled, &e)) {
		r = cli_fail(c, &e);
	} else {
		if (after)
			after(c, &k);
		say_cancelled(cancelled);
	}
	contract_free(&k);
	return r;
}

/* contract_sign, a step that cancels no visit. */
static int sign(app *a, int64_t id, cday on, int *cancelled, cerr *e)
{
	*cancelled = 0;
	return contract_sign(a, id, on, e);
}

static int contract_sign_cmd(cli *c, int argc, char **argv)
{
	return contract_step_cmd(c, argc, argv, sign, warn_early_start);
}

static int contract_express_cmd(cli *c, int argc, char **argv)
{
	const char *ref;
	const cli_opt opts[] = {{NULL, NULL, NULL}};
	int r = contract_args(c, argc, argv, opts, &ref);
	if (r || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	contract k;
	contract_init(&k);
	if (contract_find(c->a, ref, "contract", &k, &e) || contract_record_express(c->a, k.id, &e))
		r = cli_fail(c, &e);
	contract_free(&k);
	return r;
}

static int contract_end_cmd(cli *c, int argc, char **argv)
{
	const char *ref;
	cday notice, end = NO_DAY;
	bool dry = false;
	int cancelled = 0;
	int r = ref_and_day(c, argc, argv, "notice", &ref, &notice, &dry);
	if (r || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	contract k;
	contract_init(&k);
	if (contract_find(c->a, ref, "contract", &k, &e) ||
	    (dry ? contract_end_preview(c->a, k.id, notice, &end, &e)
	         : contract_end_counting(c->a, k.id, notice, &end, &cancelled, &e))) {
		r = cli_fail(c, &e);
	} else {
		char d[11];
		fmt_date(end, d);
		printf("%s\n", d);
		say_cancelled(cancelled);
	}
	contract_free(&k);
	return r;
}

static int contract_withdraw_cmd(cli *c, int argc, char **argv)
{
	return contract_step_cmd(c, argc, argv, contract_withdraw_counting, NULL);
}

struct list_arg {
	cli_out *o;
	bool csv;
	cday today;
};

static int list_row(const contract *k, void *arg)
{
	struct list_arg *la = arg;
	char client[24], date[11], start[11], hours[24], price[32], rate[16], signed_on[11],
	    wend[11], notice[11], ended[11], withdrawn[11], monthly[32];
	snprintf(client, sizeof client, "%lld", (long long)k->client_id);
	out_day(k->date, date);
	out_day(k->start, start);
	fmt_hundredths(k->hours, hours);
	if (la->csv) {
		fmt_amount_csv(k->hourly_excl, price);
		fmt_amount_csv(k->monthly_incl, monthly);
	} else {
		fmt_amount(k->hourly_excl, price);
		fmt_amount(k->monthly_incl, monthly);
	}
	fmt_percent(k->vat_rate, rate);
	out_day(k->signed_on, signed_on);
	out_day(k->withdrawal_end, wend);
	out_day(k->notice_on, notice);
	out_day(k->ended_on, ended);
	out_day(k->withdrawn_on, withdrawn);
	const char *cells[] = {k->number,
	                       client,
	                       k->client_name,
	                       k->quote_number,
	                       enum_name(&contract_kinds, k->kind),
	                       date,
	                       start,
	                       hours,
	                       price,
	                       rate,
	                       k->skills,
	                       signed_on,
	                       out_flag(k->at_agency),
	                       out_flag(k->express_start),
	                       wend,
	                       notice,
	                       ended,
	                       withdrawn,
	                       enum_name(&contract_statuses, contract_status_on(k, la->today)),
	                       monthly};
	out_row(la->o, cells);
	return 0;
}

static int contract_list_cmd(cli *c, int argc, char **argv)
{
	bool csv = false;
	const char *client = NULL, *status = NULL, *kind = NULL, *search = NULL;
	const cli_opt opts[] = {{"csv", NULL, &csv},       {"client", &client, NULL},
	                        {"status", &status, NULL}, {"kind", &kind, NULL},
	                        {"search", &search, NULL}, {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	contract_filter f;
	contract_filter_init(&f, NO_DAY);
	if (client && (r = cli_id(c, client, "client", &f.client_id)))
		return r;
	if (status && (f.status = enum_value(&contract_statuses, status)) < 0)
		return cli_bad(c, "status", N_("must be draft, signed, active, ended or withdrawn"));
	if (kind && (f.kind = enum_value(&contract_kinds, kind)) < 0)
		return cli_bad(c, "kind", N_("must be recurring or one-off"));
	f.search = search;
	if ((r = cli_open(c, false)))
		return r;
	f.today = app_today(c->a);
	static const char *const cols[] = {N_("number"),    N_("client_id"),     N_("client"),
	                                   N_("quote"),     N_("kind"),          N_("date"),
	                                   N_("start"),     N_("hours"),         N_("hourly_price_excl"),
	                                   N_("vat_rate"),  N_("skills"),        N_("signed_on"),
	                                   N_("at_agency"), N_("express_start"), N_("withdrawal_end"),
	                                   N_("notice_on"), N_("ended_on"),      N_("withdrawn_on"),
	                                   N_("status"),    N_("monthly_incl")};
	struct list_arg la = {out_new(csv, cols, ARRAY_LEN(cols)), csv, f.today};
	cerr e = {0};
	r = contract_each(c->a, &f, list_row, &la, &e);
	out_end(la.o);
	return r ? cli_fail(c, &e) : 0;
}

static void field_day(const char *label, cday d)
{
	if (d == NO_DAY)
		return;
	char buf[11];
	fmt_date_human(d, buf);
	out_field(label, buf);
}

static void show_contract(app *a, const contract *k, const contract_line *lines, size_t nlines,
                          const contract_slot *slots, size_t n, bool quote_required,
                          const char *quote_given)
{
	char buf[160], amount[32];
	cday today = app_today(a);
	printf(_("Contract %s — %s\n"), k->number,
	       enum_label(&contract_statuses, contract_status_on(k, today)));
	char *who =
	    xasprintf("%s (%lld)", k->client_name ? k->client_name : "", (long long)k->client_id);
	out_field(_("Client:"), who);
	free(who);
	out_field(_("Kind:"), enum_label(&contract_kinds, k->kind));
	out_field(_("From quote:"), k->quote_number);
	field_day(_("Drawn up on:"), k->date);
	field_day(_("Start:"), k->start);
	if (k->kind == CONTRACT_RECURRING) {
		fmt_hundredths_human(k->hours, buf);
		char *h = xasprintf(_("%s h a week"), buf);
		out_field(_("Hours:"), h);
		free(h);
	}
	printf("%s\n", _("Services:"));
	for (size_t i = 0; i < nlines; i++) {
		const contract_line *l = &lines[i];
		char excl[32], incl[32], rate[16], hours[24], share[32];
		fmt_amount(l->hourly_excl, excl);
		fmt_amount(money_incl(l->hourly_excl, l->vat_rate), incl);
		fmt_percent(l->vat_rate, rate);
		if (lang_french)
			for (char *p = rate; *p; p++)
				if (*p == '.')
					*p = ',';
		fmt_hundredths_human(l->hours, hours);
		fmt_amount(l->monthly_incl, share);
		char *what = l->service_code ? xasprintf("%s (%s)", l->label, l->service_code)
		                             : xstrdup(l->label);
		char *shown = text_escaped(what);
		free(what);
		if (k->kind == CONTRACT_RECURRING)
			printf(_("  %d. %s: %s h a week at %s excl. VAT an hour (%s incl. VAT), VAT "
			         "%s %%: %s a month\n"),
			       l->position, shown, hours, excl, incl, rate, share);
		else
			printf(_("  %d. %s: %s x %s excl. VAT (%s incl. VAT), VAT %s %%: %s\n"),
			       l->position, shown, hours, excl, incl, rate, share);
		free(shown);
	}
	fmt_amount(k->monthly_incl, amount);
	out_field(k->kind == CONTRACT_RECURRING ? _("Monthly amount incl. VAT:")
	                                    : _("Total incl. VAT:"),
	      amount);
	const char *mention = quote_vat_mention(a);
	if (mention)
		printf("%s\n", mention);
	char *required = NULL;
	if (contract_skills_required(a, k, &required, NULL) == ST_OK) {
		char *shown = worker_skills_shown(required);
		out_field(_("Skills required:"), shown);
		free(shown);
	}
	free(required);
	char *own = worker_skills_shown(k->skills);
	out_field(_("Skills besides its services:"), own);
	free(own);
	out_field(_("Notes:"), k->notes);
	if (k->kind == CONTRACT_RECURRING)
		out_field(_("Visits on public holidays:"), k->skip_holidays ? _("no") : _("yes"));
	if (n) {
		printf("%s\n", _("Weekly schedule:"));
		for (size_t i = 0; i < n; i++) {
			char from[6], to[6], len[24];
			fmt_clock(slots[i].starts, from);
			fmt_clock(slots[i].ends, to);
			fmt_hundredths_human(contract_slot_hours(slots[i].starts, slots[i].ends),
			                     len);
			char by[32] = "";
			if (slots[i].worker_id)
				snprintf(by, sizeof by, _("  worker %lld"),
				         (long long)slots[i].worker_id);
			printf("  #%-4lld %-4s %s-%s  %s h%s%s%s\n", (long long)slots[i].id,
			       contract_weekday_label(slots[i].weekday), from, to, len,
			       slots[i].service_code ? "  " : "",
			       slots[i].service_code ? slots[i].service_code : "", by);
		}
	}
	out_field(_("Signed:"), k->signed_on == NO_DAY ? _("not yet") : NULL);
	field_day(_("Signed on:"), k->signed_on);
	out_field(_("Signed at:"), k->at_agency ? _("the agency") : _("away from the agency"));
	if (k->signed_on != NO_DAY)
		out_field(_("End of the withdrawal period:"),
		      k->withdrawal_end == NO_DAY ? _("none (signed at the agency)") : NULL);
	field_day(_("End of the withdrawal period:"), k->withdrawal_end);
	out_field(_("Express start:"),
	      k->express_start ? _("yes, the client asked to start within the period") : _("no"));
	out_field(_("Quote:"), quote_required ? (quote_given ? quote_given : _("required, none given"))
	                                  : (quote_given ? quote_given : _("not required")));
	field_day(_("Notice given on:"), k->notice_on);
	field_day(_("Ends on:"), k->ended_on);
	field_day(_("Withdrawn on:"), k->withdrawn_on);
}

static int contract_show_cmd(cli *c, int argc, char **argv)
{
	const char *ref;
	int r = contract_args(c, argc, argv, (const cli_opt[]){{NULL, NULL, NULL}}, &ref);
	if (r || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	contract k;
	contract_init(&k);
	contract_slot *slots = NULL;
	contract_line *lines = NULL;
	size_t n = 0, nlines = 0;
	bool required = false;
	char *given = NULL;
	if (contract_find(c->a, ref, "contract", &k, &e) ||
	    contract_lines_of(c->a, k.id, &lines, &nlines, &e) ||
	    contract_slots_of(c->a, k.id, &slots, &n, &e) ||
	    contract_quote_status(c->a, &k, &required, &given, &e))
		r = cli_fail(c, &e);
	else
		show_contract(c->a, &k, lines, nlines, slots, n, required, given);
	free(given);
	contract_lines_free(lines, nlines);
	contract_slots_free(slots, n);
	contract_free(&k);
	return r;
}

static const cli_verb verbs[] = {
    {"add",
     "--client ID --kind recurring|one-off --start D (--price EUR [--vat PCT] "
     "[--service CODE] [--label TEXT] [--hours-per-week H | --hours H] [--quote QUOTE] | "
     "--quote QUOTE) [--again] [--express-start] [--at-agency] [--skills a,b] [--notes T]",
     N_("a new draft contract; prints its number (C2026-0001). With --price, one line (hourly "
        "price excl. VAT); else every line of --quote, a recurring contract's hours a week "
        "being the quote's hours of a month x 12 / 52. A second contract from a quote needs "
        "--again. --skills: the skills its workers need besides its services (codes: 'charte "
        "worker skills')"),
     contract_add_cmd},
    {"line",
     "CONTRACT (--service CODE [--label TEXT] | --label TEXT) (--hours-per-week H | --qty H) "
     "--price EUR [--vat PCT]",
     N_("add a service to a draft (hours a week, or the quantity of a one-off); prints the "
        "line's id"),
     contract_line_cmd},
    {"line-edit",
     "CONTRACT --line N [--label TEXT] [--hours-per-week H | --qty H] [--price EUR] [--vat PCT]",
     N_("change line N of a draft (as `contract show` numbers them): only what is given; a "
        "line whose weekly slots give its hours keeps them"),
     contract_line_edit_cmd},
    {"line-remove", "CONTRACT --line N",
     N_("remove line N of a draft (its weekly slots first; the last line stays)"),
     contract_line_remove_cmd},
    {"slot",
     "CONTRACT --day mon..sun|lun..dim|1..7 --from HH:MM --to HH:MM [--service CODE] "
     "[--worker ID]",
     N_("add a weekly slot for one of the draft's services (--service: its code, or the line's "
        "number or label for a line with no service; left out when it has one); that service's "
        "hours a week become its slots' sum; an end before the start is the next day; "
        "--worker: who its visits are planned for; prints the slot's id"),
     contract_slot_cmd},
    {"slot-edit", "SLOT [--day D] [--from HH:MM] [--to HH:MM] [--worker ID|'']",
     N_("move a weekly slot or change its worker (a signed contract's slot keeps its length); "
        "the visits not yet done follow, and how many is said"),
     contract_slot_edit_cmd},
    {"edit", "CONTRACT [--skip-holidays yes|no] [--skills a,b] [--notes T]",
     N_("whether visits are planned on public holidays (by default they are; the visits still "
        "to come follow), the skills the contract requires besides its services (codes: "
        "'charte worker skills'; '' for none), its notes; a draft or a signed contract alike"),
     contract_edit_cmd},
    {"sign", "CONTRACT --on D",
     N_("the client signed: the withdrawal period starts; the client becomes active"),
     contract_sign_cmd},
    {"express", "CONTRACT",
     N_("record the client's express request to start within the withdrawal period (a draft or "
        "a signed contract, before it starts)"),
     contract_express_cmd},
    {"end", "CONTRACT --notice D [--dry-run]",
     N_("the client gave notice: prints the end date, the last day of that month; the visits "
        "planned after it are cancelled"),
     contract_end_cmd},
    {"withdraw", "CONTRACT --on D",
     N_("the client withdrew within the withdrawal period; every visit still to come is "
        "cancelled"),
     contract_withdraw_cmd},
    {"list", "[--client ID] [--status S] [--kind K] [--search WORDS] [--csv]",
     N_("list contracts, oldest first; status draft, signed, active, ended or withdrawn"),
     contract_list_cmd},
    {"show", "CONTRACT",
     N_("the contract: its services and their amounts, schedule, monthly amount, withdrawal, "
        "quote, end"),
     contract_show_cmd},
};
CLI_AREA(area_contract, "contract", N_("contracts: schedule, signature, withdrawal, end"), verbs);
