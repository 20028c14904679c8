/* cmd_service.c — `charte service list|set|load`: the service catalogue. */
#include <stdlib.h>
#include <string.h>

#include "charte/catalogue.h"
#include "cli.h"

static int service_list(cli *c, int argc, char **argv)
{
	bool csv = false, all = false;
	const cli_opt opts[] = {{"csv", NULL, &csv}, {"all", NULL, &all}, {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r || (r = cli_open(c, false)))
		return r;
	service *rows;
	size_t n;
	cerr e = {0};
	if (catalogue_list(c->a, all, &rows, &n, &e))
		return cli_fail(c, &e);
	static const char *const cols[] = {N_("code"),  N_("label"),     N_("vat"),   N_("unit"),
	                                   N_("price"), N_("essential"), N_("active")};
	cli_out *o = out_new(csv, cols, ARRAY_LEN(cols));
	for (size_t i = 0; i < n; i++) {
		char vat[16], price[32];
		fmt_percent(rows[i].vat_rate, vat);
		if (csv)
			fmt_amount_csv(rows[i].price, price);
		else
			fmt_amount(rows[i].price, price);
		const char *cells[] = {rows[i].code,
		                       rows[i].label,
		                       vat,
		                       enum_name(&price_units, rows[i].unit),
		                       price,
		                       out_flag(rows[i].essential),
		                       out_flag(rows[i].active)};
		out_row(o, cells);
	}
	out_end(o);
	services_free(rows, n);
	return 0;
}

static int service_set(cli *c, int argc, char **argv)
{
	const char *label = NULL, *vat = NULL, *price = NULL, *unit = NULL, *essential = NULL,
	           *active = NULL, *code;
	const cli_opt opts[] = {{"label", &label, NULL},         {"vat", &vat, NULL},
	                        {"price", &price, NULL},         {"unit", &unit, NULL},
	                        {"essential", &essential, NULL}, {"active", &active, NULL},
	                        {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, _("which service? give its code"), &code);
	if (r)
		return r;
	int rate = -1, u = -1;
	cents amount = -1;
	bool ess = false, act = true;
	const char *why;
	if (vat && (why = parse_percent(vat, &rate)))
		return cli_bad(c, "vat", why);
	if (price && (why = parse_amount(price, &amount)))
		return cli_bad(c, "price", why);
	if (unit && (u = enum_value(&price_units, unit)) < 0)
		return cli_bad(c, "unit", N_("must be hour or flat"));
	if (essential && (why = parse_flag(essential, &ess)))
		return cli_bad(c, "essential", why);
	if (active && (why = parse_flag(active, &act)))
		return cli_bad(c, "active", why);
	if ((r = cli_open(c, false)))
		return r;
	cerr e = {0};
	service s = {0}, base = {0};
	r = catalogue_get(c->a, code, &s, &e);
	if (!r)
		r = catalogue_get(c->a, code, &base, &e);
	if (r == ST_NOT_FOUND) {
		/* A new service: what it is, its rate and its price must be given. */
		if (!label || !vat || !price)
			return cli_usage(c, _("a new service needs --label, --vat and --price"));
		s.code = xstrdup(code);
		s.unit = UNIT_HOUR;
		s.active = true;
		s.essential = rate == 550;
	} else if (r) {
		return cli_fail(c, &e);
	}
	if (label) {
		free(s.label);
		s.label = str_trim(xstrdup(label));
	}
	if (rate >= 0)
		s.vat_rate = rate;
	if (price)
		s.price = amount;
	if (u >= 0)
		s.unit = u;
	if (essential)
		s.essential = ess;
	if (active)
		s.active = act;
	r = catalogue_set(c->a, base.code ? &base : NULL, &s, &e) ? cli_fail(c, &e) : 0;
	service_free(&s);
	service_free(&base);
	return r;
}

static int service_load(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{0, 0, 0, 0}};
	int ch, r;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1)
		return 2;
	if (optind + 1 < argc)
		return cli_usage(c, _("unexpected argument '%s'"), argv[optind + 1]);
	if ((r = cli_open(c, false)))
		return r;
	cerr e = {0};
	if (optind < argc) {
		int added = 0;
		if (catalogue_load_file(c->a, argv[optind], &added, &e))
			return cli_fail(c, &e);
		cli_eprintf(ngettext("charte: %d new service\n", "charte: %d new services\n", added),
		        added);
		return 0;
	}
	return catalogue_load_defaults(c->a, &e) ? cli_fail(c, &e) : 0;
}

static const cli_verb verbs[] = {
    {"list", "[--all] [--csv]",
     N_("the service catalogue: code, label, VAT rate, unit, price excl. VAT; --all: retired "
        "ones too"),
     service_list},
    {"set",
     "CODE [--label L] [--vat PCT] [--price EUR] [--unit hour|flat] [--essential yes|no] "
     "[--active yes|no]",
     N_("change a service, or add a new one (manager); --price is excl. VAT"), service_set},
    {"load", "[FILE]",
     N_("add the services of the default catalogue (or of FILE, code;label;vat;unit;price) "
        "that are missing"),
     service_load},
};
CLI_AREA(area_service, "service", N_("the service catalogue: SAP services, VAT rates, prices"),
         verbs);
