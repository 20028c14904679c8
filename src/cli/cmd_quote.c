/* cmd_quote.c — `charte quote add|line|send|accept|refuse|list|show`. */
#include <stdlib.h>
#include <string.h>

#include "charte/catalogue.h"
#include "charte/money.h"
#include "charte/quote.h"
#include "charte/settings.h"
#include "cli.h"

/* The options of opts, then the one QUOTE argument. */
static int quote_args(cli *c, int argc, char **argv, const cli_opt *opts, const char **ref)
{
	return cli_parse(c, argc, argv, opts, _("which quote? give its number"), ref);
}

static int quote_add_cmd(cli *c, int argc, char **argv)
{
	const char *client = NULL, *on = NULL, *notes = NULL;
	const cli_opt opts[] = {
	    {"client", &client, NULL}, {"on", &on, NULL}, {"notes", &notes, NULL}, {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (!client)
		return cli_usage(c, _("--client is required"));
	quote q;
	quote_init(&q);
	if ((r = cli_id(c, client, "client", &q.client_id)))
		return r;
	if (on && (r = cli_date(c, on, "on", &q.date)))
		return r;
	if ((r = cli_open(c, false)))
		return r;
	q.notes = notes ? xstrdup(notes) : NULL;
	cerr e = {0};
	if (quote_create(c->a, &q, &e))
		r = cli_fail(c, &e);
	else
		printf("%s\n", q.number);
	quote_free(&q);
	return r;
}

static int quote_line_cmd(cli *c, int argc, char **argv)
{
	const char *label = NULL, *qty = NULL, *price = NULL, *vat = NULL, *svc = NULL,
	           *unit = NULL, *ref;
	const cli_opt opts[] = {{"label", &label, NULL}, {"qty", &qty, NULL},
	                        {"price", &price, NULL}, {"vat", &vat, NULL},
	                        {"service", &svc, NULL}, {"unit", &unit, NULL},
	                        {NULL, NULL, NULL}};
	int r = quote_args(c, argc, argv, opts, &ref);
	if (r)
		return r;
	if (!qty)
		return cli_usage(c, _("--qty is required"));
	if (!svc && !label)
		return cli_usage(c, _("--label is required (or --service)"));
	if (!svc && !price)
		return cli_usage(c, _("--price is required (or --service)"));
	quote_line l;
	quote_line_init(&l);
	const char *why;
	if ((why = parse_hundredths(qty, &l.qty)))
		return cli_bad(c, "qty", why);
	if (price && (why = parse_amount(price, &l.unit_price)))
		return cli_bad(c, "price", why);
	if (vat && (why = parse_percent(vat, &l.vat_rate)))
		return cli_bad(c, "vat", why);
	if (unit && (l.unit = enum_value(&price_units, unit)) < 0)
		return cli_bad(c, "unit", N_("must be hour or flat"));
	if ((r = cli_open(c, false)))
		return r;
	l.label = label ? xstrdup(label) : NULL;
	l.service_code = svc ? xstrdup(svc) : NULL;
	cerr e = {0};
	quote q;
	quote_init(&q);
	if (quote_find(c->a, ref, "quote", &q, &e) || quote_line_add(c->a, q.id, &l, &e))
		r = cli_fail(c, &e);
	else
		printf("%lld\n", (long long)l.id);
	quote_free(&q);
	quote_line_free(&l);
	return r;
}

static int quote_step_cmd(cli *c, int argc, char **argv, int (*fn)(app *, int64_t, cday, cerr *))
{
	const char *on = NULL, *ref;
	int r = quote_args(c, argc, argv, (const cli_opt[]){{"on", &on, NULL}, {NULL, NULL, NULL}},
	                   &ref);
	if (r)
		return r;
	cday day = NO_DAY;
	if (on && (r = cli_date(c, on, "on", &day)))
		return r;
	if ((r = cli_open(c, false)))
		return r;
	cerr e = {0};
	quote q;
	quote_init(&q);
	if (quote_find(c->a, ref, "quote", &q, &e) || fn(c->a, q.id, day, &e))
		r = cli_fail(c, &e);
	quote_free(&q);
	return r;
}

static int quote_send_cmd(cli *c, int argc, char **argv)
{
	return quote_step_cmd(c, argc, argv, quote_send);
}

static int quote_accept_cmd(cli *c, int argc, char **argv)
{
	return quote_step_cmd(c, argc, argv, quote_accept);
}

static int quote_refuse_cmd(cli *c, int argc, char **argv)
{
	return quote_step_cmd(c, argc, argv, quote_refuse);
}

struct list_arg {
	cli_out *o;
	bool csv;
	cday today;
};

static void money_cell(bool csv, cents v, char out[static 32])
{
	if (csv)
		fmt_amount_csv(v, out);
	else
		fmt_amount(v, out);
}

static int list_row(const quote *q, void *arg)
{
	struct list_arg *la = arg;
	char client[24], date[11], until[11], sent[11], accepted[11], refused[11];
	char excl[32], vat[32], incl[32];
	snprintf(client, sizeof client, "%lld", (long long)q->client_id);
	out_day(q->date, date);
	out_day(q->valid_until, until);
	out_day(q->sent_on, sent);
	out_day(q->accepted_on, accepted);
	out_day(q->refused_on, refused);
	money_cell(la->csv, q->total_excl, excl);
	money_cell(la->csv, q->total_vat, vat);
	money_cell(la->csv, q->total_incl, incl);
	const char *cells[] = {
	    q->number, client,   q->client_name,
	    date,      until,    enum_name(&quote_statuses, quote_status_on(q, la->today)),
	    sent,      accepted, refused,
	    excl,      vat,      incl};
	out_row(la->o, cells);
	return 0;
}

static int quote_list_cmd(cli *c, int argc, char **argv)
{
	bool csv = false;
	const char *client = NULL, *status = NULL, *search = NULL;
	const cli_opt opts[] = {{"csv", NULL, &csv},       {"client", &client, NULL},
	                        {"status", &status, NULL}, {"search", &search, NULL},
	                        {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	quote_filter f;
	quote_filter_init(&f, NO_DAY);
	if (client && (r = cli_id(c, client, "client", &f.client_id)))
		return r;
	if (status && (f.status = enum_value(&quote_statuses, status)) < 0)
		return cli_bad(c, "status", N_("must be draft, sent, accepted, refused or expired"));
	f.search = search;
	if ((r = cli_open(c, false)))
		return r;
	f.today = app_today(c->a);
	static const char *const cols[] = {N_("number"),      N_("client_id"),  N_("client"),  N_("date"),
	                                   N_("valid_until"), N_("status"),     N_("sent_on"), N_("accepted_on"),
	                                   N_("refused_on"),  N_("total_excl"), N_("vat"),     N_("total_incl")};
	struct list_arg la = {out_new(csv, cols, ARRAY_LEN(cols)), csv, f.today};
	cerr e = {0};
	r = quote_each(c->a, &f, list_row, &la, &e);
	out_end(la.o);
	return r ? cli_fail(c, &e) : 0;
}

/* Columns taken by UTF-8 text on a terminal (the accented Latin text and "€" of a quote). */
static int columns(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A total: its label, then the amount right-aligned. */
static void total_line(const char *label, cents v)
{
	char buf[32];
	fmt_amount(v, buf);
	int pad = 40 - columns(label) - columns(buf);
	printf("%s%*s%s\n", label, pad > 1 ? pad : 1, "", buf);
}

/* "Label: value" for people, skipped when the value is empty. */
static void show_quote(app *a, const quote *q, const quote_line *lines, size_t n)
{
	char buf[32], day[11];
	cday today = app_today(a);
	printf(_("Quote %s — %s\n"), q->number, enum_label(&quote_statuses, quote_status_on(q, today)));
	char *name = settings_get(a, "agency.name"), *address = settings_get(a, "agency.address"),
	     *phone = settings_get(a, "agency.phone"), *sap = settings_get(a, "agency.sap_number"),
	     *sap_date = settings_get(a, "agency.sap_date");
	out_field(_("Agency:"), name);
	out_field(_("Address:"), address);
	if (phone && *phone) {
		char ph[32];
		fmt_phone(phone, ph);
		out_field(_("Phone:"), ph);
	}
	if (sap && *sap) {
		cday sd;
		char sdh[11] = "";
		if (sap_date && *sap_date && !parse_date(sap_date, &sd))
			fmt_date_human(sd, sdh);
		if (*sdh)
			printf(_("SAP declaration: %s of %s\n"), sap, sdh);
		else
			printf(_("SAP declaration: %s\n"), sap);
	} else {
		printf("%s\n",
		       _("SAP declaration: (not set: charte settings set agency.sap_number ...)"));
	}
	free(name);
	free(address);
	free(phone);
	free(sap);
	free(sap_date);
	char client[48];
	snprintf(client, sizeof client, " (%lld)", (long long)q->client_id);
	char *who = xasprintf("%s%s", q->client_name ? q->client_name : "", client);
	out_field(_("Client:"), who);
	free(who);
	fmt_date_human(q->date, day);
	out_field(_("Date:"), day);
	fmt_date_human(q->valid_until, day);
	out_field(_("Valid until:"), day);
	fmt_date_human(q->sent_on, day);
	out_field(_("Sent on:"), q->sent_on != NO_DAY ? day : NULL);
	fmt_date_human(q->accepted_on, day);
	out_field(_("Accepted on:"), q->accepted_on != NO_DAY ? day : NULL);
	fmt_date_human(q->refused_on, day);
	out_field(_("Refused on:"), q->refused_on != NO_DAY ? day : NULL);
	putchar('\n');

	const char *cols[] = {"#",
	                      _("Service"),
	                      _("Qty"),
	                      _("Unit price excl. VAT"),
	                      _("Unit price incl. VAT"),
	                      _("VAT"),
	                      _("Amount excl. VAT"),
	                      _("VAT amount")};
	cli_out *o = out_new(false, cols, ARRAY_LEN(cols));
	for (size_t i = 0; i < n; i++) {
		const quote_line *l = &lines[i];
		char pos[12], qty[32], hq[24], excl[48], incl[48], rate[40], amount[32], vat[32];
		snprintf(pos, sizeof pos, "%d", l->position);
		fmt_hundredths_human(l->qty, hq);
		bool hourly = l->unit == UNIT_HOUR;
		snprintf(qty, sizeof qty, "%s%s", hq, hourly ? " h" : "");
		fmt_amount(l->unit_price, buf);
		snprintf(excl, sizeof excl, "%s%s", buf, hourly ? _("/h") : _(" flat"));
		fmt_amount(money_incl(l->unit_price, l->vat_rate), buf);
		snprintf(incl, sizeof incl, "%s%s", buf, hourly ? _("/h") : _(" flat"));
		fmt_percent(l->vat_rate, buf);
		if (lang_french)
			for (char *p = buf; *p; p++)
				if (*p == '.')
					*p = ',';
		snprintf(rate, sizeof rate, "%s %%", buf);
		fmt_amount(l->amount_excl, amount);
		fmt_amount(l->vat, vat);
		const char *cells[] = {pos, l->label, qty, excl, incl, rate, amount, vat};
		out_row(o, cells);
	}
	out_end(o);
	if (!n)
		printf("%s\n", _("(no lines yet)"));
	putchar('\n');
	total_line(_("Total excl. VAT"), q->total_excl);
	size_t nrates;
	vat_share *by_rate = quote_vat_breakdown(lines, n, &nrates);
	for (size_t k = 0; k < nrates && nrates > 1; k++) {
		char r[16], b[32], label[96];
		fmt_percent(by_rate[k].rate, r);
		if (lang_french)
			for (char *p = r; *p; p++)
				if (*p == '.')
					*p = ',';
		fmt_amount(by_rate[k].base, b);
		snprintf(label, sizeof label, _("  VAT %s %% on %s"), r, b);
		total_line(label, by_rate[k].vat);
	}
	free(by_rate);
	total_line(_("VAT"), q->total_vat);
	total_line(_("Total incl. VAT"), q->total_incl);
	const char *mention = quote_vat_mention(a);
	if (mention)
		printf("%s\n", mention);
	if (q->notes && *q->notes) {
		putchar('\n');
		out_field(_("Notes:"), q->notes);
	}
	printf("\n%s\n", _("This quote is free of charge."));
}

static int quote_show_cmd(cli *c, int argc, char **argv)
{
	const char *ref;
	int r = quote_args(c, argc, argv, (const cli_opt[]){{NULL, NULL, NULL}}, &ref);
	if (r || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	quote q;
	quote_init(&q);
	quote_line *lines = NULL;
	size_t n = 0;
	if (quote_find(c->a, ref, "quote", &q, &e) || quote_lines_of(c->a, q.id, &lines, &n, &e))
		r = cli_fail(c, &e);
	else
		show_quote(c->a, &q, lines, n);
	quote_lines_free(lines, n);
	quote_free(&q);
	return r;
}

static const cli_verb verbs[] = {
    {"add", "--client ID [--on D] [--notes TEXT]",
     N_("a new draft quote for a client; prints its number (D2026-0001)"), quote_add_cmd},
    {"line",
     "QUOTE --label TEXT --qty Q --price EUR [--vat PCT] [--service CODE] [--unit hour|flat]",
     N_("add a line to a draft quote (price excl. VAT; a service gives the label, price and "
        "rate); prints its id"),
     quote_line_cmd},
    {"send", "QUOTE [--on D]", N_("the quote was given to the client: it no longer changes"),
     quote_send_cmd},
    {"accept", "QUOTE [--on D]", N_("the client accepted the quote (within its validity)"),
     quote_accept_cmd},
    {"refuse", "QUOTE [--on D]", N_("the client refused the quote (its number stays used)"),
     quote_refuse_cmd},
    {"list", "[--client ID] [--status S] [--search WORDS] [--csv]",
     N_("list quotes, oldest first; status draft, sent, accepted, refused or expired"),
     quote_list_cmd},
    {"show", "QUOTE", N_("the quote as the client reads it: lines, VAT, totals"), quote_show_cmd},
};
CLI_AREA(area_quote, "quote", N_("quotes: numbered, with lines, VAT and totals"), verbs);
