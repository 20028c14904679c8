/* settings.c — every setting with its default (DESIGN.md sections 2 and 3) and its check. */
#include "charte/settings.h"

#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const setting_def defs[] = {
	{"agency.name", SET_TEXT, "", 0, 0, NULL, N_("the agency's name, printed on every document")},
	{"agency.address", SET_TEXT, "", 0, 0, NULL, N_("the agency's postal address")},
	{"agency.phone", SET_PHONE, "", 0, 0, NULL,
	 N_("the one phone number given to clients for every service (A1)")},
	{"agency.sap_number", SET_TEXT, "", 0, 0, NULL,
	 N_("the SAP declaration number, printed on quotes and tax certificates")},
	{"agency.sap_date", SET_DATE, "", 0, 0, NULL, N_("the date of the SAP declaration")},
	{"desk.opens", SET_CLOCK, "09:00", 0, 0, NULL, N_("the phone desk opens (A2)")},
	{"desk.closes", SET_CLOCK, "18:00", 0, 0, NULL, N_("the phone desk closes (A2)")},
	{"desk.closed_dates", SET_DATES, "", 0, 0, NULL,
	 N_("agency closure dates, comma-separated (not working days)")},
	{"callback.delay_days", SET_INT, "1", 1, 10, NULL,
	 N_("working days within which a callback is due (R1)")},
	{"documentation.delay_days", SET_INT, "2", 1, 30, NULL,
	 N_("working days within which requested documentation is sent (A6)")},
	{"quote.threshold", SET_AMOUNT, "100.00", 0, 0, NULL,
	 N_("monthly amount incl. VAT from which a quote is required (R3)")},
	{"quote.validity_days", SET_INT, "30", 1, 365, NULL,
	 N_("days a quote stays valid before it expires")},
	{"vat.default", SET_PERCENT, "10", 0, 0, NULL,
	 N_("VAT rate used when none is given, in percent")},
	{"vat.rates", SET_RATES, "5.5,10,20", 0, 0, NULL,
	 N_("the VAT rates of the SAP regime a quote or contract line may take, in percent")},
	{"vat.exempt", SET_CHOICE, "no", 0, 0, "no|yes",
	 N_("whether the agency is exempt from VAT (an association, CGI 261-7-1°): then every "
	    "rate is 0 and documents say so")},
	{"withdrawal.days", SET_INT, "14", 1, 60, NULL,
	 N_("days of the legal withdrawal period (R4)")},
	{"followup.grace_days", SET_INT, "7", 0, 90, NULL,
	 N_("days after its due date before a follow-up call is overdue (R6)")},
	{"complaint.overdue_days", SET_INT, "30", 1, 365, NULL,
	 N_("days a complaint may stay open (S5)")},
	{"recurring.same_category", SET_INT, "3", 2, 100, NULL,
	 N_("complaints of one category within the window that make a recurring problem (R7)")},
	{"recurring.same_worker", SET_INT, "2", 2, 100, NULL,
	 N_("complaints about one worker within the window that make a recurring problem (R7)")},
	{"recurring.window_months", SET_INT, "12", 1, 60, NULL,
	 N_("months over which complaints are counted (R7)")},
	{"criminal_record.renew_years", SET_INT, "3", 1, 20, NULL,
	 N_("years after which a new criminal record extract is asked for (I6)")},
	{"planning.horizon_weeks", SET_INT, "8", 1, 52, NULL,
	 N_("weeks ahead over which visits are generated from the contracts' weekly slots")},
	{"punctuality.tolerance_minutes", SET_INT, "10", 0, 120, NULL,
	 N_("minutes after the planned start from which an arrival counts as late (I1)")},
	{"certificate.deadline", SET_MONTHDAY, "03-31", 0, 0, NULL,
	 N_("day of the next year by which tax certificates are sent (S3), MM-DD")},
	{"survey.deadline", SET_MONTHDAY, "03-31", 0, 0, NULL,
	 N_("day of the next year by which last year's survey is published (S6), MM-DD")},
	{"ui.language", SET_CHOICE, "auto", 0, 0, "auto|fr|en",
	 N_("language of the program: auto (the locale), fr or en")},
};

const setting_def *settings_defs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}

const setting_def *settings_find(const char *key)
{
	for (size_t i = 0; key && i < ARRAY_LEN(defs); i++)
		if (strcmp(defs[i].key, key) == 0)
			return &defs[i];
	return NULL;
}

bool settings_agency_missing(app *a)
{
	static const char *const keys[] = {"agency.name", "agency.phone", "agency.sap_number"};
	bool missing = false;
	for (size_t i = 0; i < ARRAY_LEN(keys); i++) {
		char *v = settings_get(a, keys[i]);
		missing = missing || !v || str_blank(v);
		free(v);
	}
	return missing;
}

char *settings_get(app *a, const char *key)
{
	const setting_def *def = settings_find(key);
	if (!def)
		return NULL;
	char *v = NULL;
	if (a && a->db && db_setting_get(a->db, key, &v, NULL) == ST_OK)
		return v;
	return xstrdup(def->fallback);
}

long settings_int(app *a, const char *key)
{
	char *v = settings_get(a, key);
	long n = 0;
	const setting_def *def = settings_find(key);
	if (!v || parse_int(v, def->min, def->max, &n))
		parse_int(def ? def->fallback : "0", 0, 1000000, &n);
	free(v);
	return n;
}

cents settings_amount(app *a, const char *key)
{
	char *v = settings_get(a, key);
	cents c = 0;
	if (!v || parse_amount(v, &c)) {
		const setting_def *def = settings_find(key);
		if (def)
			parse_amount(def->fallback, &c);
	}
	free(v);
	return c;
}

bool settings_vat_exempt(app *a)
{
	char *v = settings_get(a, "vat.exempt");
	bool yes = v && !strcmp(v, "yes");
	free(v);
	return yes;
}

int settings_vat_default(app *a)
{
	return settings_vat_exempt(a) ? 0 : settings_percent(a, "vat.default");
}

int settings_vat_take(app *a, int *rate, const char *field, cerr *e)
{
	if (*rate < 0)
		*rate = settings_vat_default(a);
	if (*rate > 10000)
		return err_set(e, ST_INVALID, field, _("must be between 0 and 100 %%"));
	return settings_vat_allowed(a, *rate, field, e);
}

int settings_vat_of_service(app *a, int rate)
{
	return settings_vat_exempt(a) ? 0 : rate;
}

int settings_vat_allowed(app *a, int rate, const char *field, cerr *e)
{
	if (settings_vat_exempt(a))
		return rate == 0 ? ST_OK
				 : err_set(e, ST_INVALID, field,
					   _("the agency is exempt from VAT (setting vat.exempt): "
					     "the rate is 0"));
	return settings_vat_listed(a, NULL, rate, field, e);
}

int settings_vat_listed(app *a, const char *list, int rate, const char *field, cerr *e)
{
	char *rates = list ? xstrdup(list) : settings_get(a, "vat.rates");
	bool found = false;
	strbuf shown = {0};
	for (char *tok = strtok(rates, ","); tok; tok = strtok(NULL, ",")) {
		int r;
		if (!parse_percent(tok, &r)) {
			found = found || r == rate;
			char pc[24];
			fmt_hundredths_human(r, pc);
			sb_addf(&shown, "%s%s %%", shown.len ? ", " : "", pc);
		}
	}
	free(rates);
	int st = ST_OK;
	if (!found) {
		char pc[24];
		fmt_hundredths_human(rate, pc);
		st = err_set(e, ST_INVALID, field,
			     _("%s %% is not a VAT rate of the services to persons: use %s "
			       "(setting vat.rates)"),
			     pc, sb_str(&shown));
	}
	sb_free(&shown);
	return st;
}

int settings_percent(app *a, const char *key)
{
	char *v = settings_get(a, key);
	int p = 0;
	if (!v || parse_percent(v, &p)) {
		const setting_def *def = settings_find(key);
		if (def)
			parse_percent(def->fallback, &p);
	}
	free(v);
	return p;
}

/* "MM-DD", a day that exists in a leap year. */
static const char *parse_monthday(const char *s, char out[6])
{
	int m, d;
	char extra;
	/* As stored (MM-DD), or as French people write a day (DD/MM). */
	if (strlen(s) == 5 && sscanf(s, "%2d/%2d%c", &d, &m, &extra) == 2)
		;
	else if (sscanf(s, "%2d-%2d%c", &m, &d, &extra) != 2 || strlen(s) != 5)
		return N_("not a day of the year: use MM-DD or DD/MM");
	if (m < 1 || m > 12 || d < 1 || d > cal_month_length(2024, m))
		return N_("no such day in that month");
	snprintf(out, 6, "%02d-%02d", m, d);
	return NULL;
}

/* The longest value of any setting, in characters (an address or a legal mention fits). */
#define SETTING_MAX 500

int settings_check(const char *key, const char *value, char **normal, cerr *e)
{
	const setting_def *def = settings_find(key);
	if (!def)
		return err_set(e, ST_INVALID, "key",
			       _("no setting '%s': see 'charte settings list'"), key);
	if (!value || !utf8_valid(value))
		return err_set(e, ST_INVALID, key, _("not valid UTF-8 text"));
	if (utf8_length(value) > SETTING_MAX)
		return err_set(e, ST_INVALID, key, _("too long (at most %zu characters)"),
			       (size_t)SETTING_MAX);
	char *v = str_trim(xstrdup(value));
	const char *why = NULL;
	char buf[64];
	switch (def->type) {
	case SET_TEXT:
		break;
	case SET_PHONE:
		if (*v) {
			char ph[17];
			why = parse_phone(v, ph);
			if (!why) {
				free(v);
				v = xstrdup(ph);
			}
		}
		break;
	case SET_DATE:
		if (*v) {
			cday d;
			why = parse_date(v, &d);
			if (!why) {
				fmt_date(d, buf);
				free(v);
				v = xstrdup(buf);
			}
		}
		break;
	case SET_CLOCK: {
		int m;
		why = parse_clock(v, &m);
		if (!why) {
			fmt_clock(m, buf);
			free(v);
			v = xstrdup(buf);
		}
		break;
	}
	case SET_DATES: {
		strbuf out = {0};
		char *copy = xstrdup(v);
		for (char *tok = strtok(copy, ","); tok && !why; tok = strtok(NULL, ",")) {
			cday d;
			str_trim(tok);
			if (!*tok)
				continue;
			why = parse_date(tok, &d);
			if (!why) {
				fmt_date(d, buf);
				sb_add(&out, out.len ? "," : "");
				sb_add(&out, buf);
			}
		}
		free(copy);
		free(v);
		v = xstrdup(sb_str(&out));
		sb_free(&out);
		break;
	}
	case SET_RATES: {
		strbuf out = {0};
		char *copy = xstrdup(v);
		const char *sep = strchr(copy, ';') ? ";" : ",";
		for (char *tok = strtok(copy, sep); tok && !why; tok = strtok(NULL, sep)) {
			int rate;
			str_trim(tok);
			if (!*tok)
				continue;
			why = parse_percent(tok, &rate);
			if (!why) {
				char pc[16];
				fmt_percent(rate, pc);
				sb_add(&out, out.len ? "," : "");
				sb_add(&out, pc);
			}
		}
		free(copy);
		if (!why && !out.len)
			why = N_("give at least one rate, e.g. 5.5,10,20");
		free(v);
		v = xstrdup(sb_str(&out));
		sb_free(&out);
		break;
	}
	case SET_INT: {
		long n;
		why = parse_int(v, def->min, def->max, &n);
		if (!why) {
			free(v);
			v = xasprintf("%ld", n);
		}
		break;
	}
	case SET_AMOUNT: {
		cents c;
		why = parse_amount(v, &c);
		if (!why && c < 0)
			why = N_("must not be negative");
		if (!why) {
			char a[24];
			fmt_amount_csv(c, a);
			free(v);
			v = xstrdup(a);
		}
		break;
	}
	case SET_PERCENT: {
		int p;
		why = parse_percent(v, &p);
		if (!why) {
			char pc[16];
			fmt_percent(p, pc);
			free(v);
			v = xstrdup(pc);
		}
		break;
	}
	case SET_MONTHDAY:
		why = parse_monthday(v, buf);
		if (!why) {
			free(v);
			v = xstrdup(buf);
		}
		break;
	case SET_CHOICE: {
		bool flag;
		if (settings_is_flag(def) && !parse_flag(v, &flag)) {
			free(v);
			v = xstrdup(flag ? "yes" : "no");
			break;
		}
		bool ok = false;
		size_t n = strlen(v);
		for (const char *p = def->choices; p && *p && n;) {
			const char *bar = strchr(p, '|');
			size_t len = bar ? (size_t)(bar - p) : strlen(p);
			if (len == n && strncmp(p, v, n) == 0)
				ok = true;
			p = bar ? bar + 1 : p + len;
		}
		if (!ok) {
			int r = err_set(e, ST_INVALID, key, _("must be one of: %s"), def->choices);
			free(v);
			return r;
		}
		break;
	}
	}
	if (why) {
		free(v);
		return err_set(e, ST_INVALID, key, "%s", _(why));
	}
	*normal = v;
	return ST_OK;
}

int settings_set(app *a, const char *key, const char *value, cerr *e)
{
	return settings_change(a, key, NULL, value, e);
}

int settings_change(app *a, const char *key, const char *from, const char *value, cerr *e)
{
	int r = role_check(a, AREA_SETTINGS, ACCESS_WRITE, e);
	if (r)
		return r;
	char *normal = NULL;
	r = settings_check(key, value, &normal, e);
	if (r)
		return r;
	/* The default VAT rate is one of the rates, and stays one. */
	if (!strcmp(key, "vat.default") || !strcmp(key, "vat.rates")) {
		bool rates = !strcmp(key, "vat.rates");
		int rate = 0;
		if (rates)
			rate = settings_percent(a, "vat.default");
		else
			parse_percent(normal, &rate);
		cerr why = {0};
		if (settings_vat_listed(a, rates ? normal : NULL, rate, key, &why)) {
			char pc[24];
			fmt_hundredths_human(rate, pc);
			free(normal);
			return rates ? err_set(e, ST_INVALID, key,
					       _("the default rate (vat.default, %s %%) would no "
						 "longer be one of them: change it first"),
					       pc)
				     : err_set(e, ST_INVALID, key, "%s", why.msg);
		}
	}
	/* The desk's hours must make sense together. */
	if (!strcmp(key, "desk.opens") || !strcmp(key, "desk.closes")) {
		int opens = a->desk.opens, closes = a->desk.closes;
		parse_clock(normal, !strcmp(key, "desk.opens") ? &opens : &closes);
		if (opens >= closes) {
			free(normal);
			return err_set(e, ST_INVALID, key,
				       _("the desk must open before it closes"));
		}
	}
	app_now(a);
	r = db_begin(a->db, e);
	if (!r && from) {
		/* The value the person started from must still be the one stored, unless another
		 * desk already set what this one sets. */
		char *base = NULL, *now = settings_get(a, key);
		if (settings_check(key, from, &base, NULL) == ST_OK && strcmp(base, now) &&
		    strcmp(now, normal)) {
			char *theirs = settings_display(key, now), *yours = settings_display(key, normal);
			r = err_set(e, ST_CONFLICT, key,
				    _("was changed at another desk meanwhile, to \"%s\" (yours: "
				      "\"%s\"): nothing was saved; look again, then save what should "
				      "stay"),
				    theirs, yours);
			free(theirs);
			free(yours);
		}
		free(base);
		free(now);
	}
	if (!r)
		r = db_setting_set(a->db, key, normal, e);
	if (!r)
		r = db_commit(a->db, e);
	else
		db_rollback(a->db);
	free(normal);
	if (!r)
		r = app_reload(a, e);
	return r;
}

bool settings_is_flag(const setting_def *def)
{
	return def && def->type == SET_CHOICE && def->choices && !strcmp(def->choices, "no|yes");
}

char *settings_display(const char *key, const char *value)
{
	const setting_def *def = settings_find(key);
	if (settings_is_flag(def) && value && *value)
		return xstrdup(!strcmp(value, "yes") ? _("yes") : _("no"));
	if (def && def->type == SET_RATES && value) {
		/* "5,5 ; 10 ; 20" in French, "5.5, 10, 20" in English: as typed, and taken back. */
		strbuf b = {0};
		char *copy = xstrdup(value);
		for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
			int rate;
			char pc[24];
			if (parse_percent(tok, &rate))
				continue;
			fmt_hundredths_human(rate, pc);
			sb_addf(&b, "%s%s", b.len ? (lang_french ? " ; " : ", ") : "", pc);
		}
		free(copy);
		char *shown = xstrdup(sb_str(&b));
		sb_free(&b);
		return shown;
	}
	if (def && def->type == SET_PHONE && value && *value) {
		char out[32];
		fmt_phone(value, out);
		return xstrdup(out);
	}
	return xstrdup(value ? value : "");
}

/* The agency's own details (A1): audit.c gathers every area's findings. */
const audit_rule settings_rules[] = {
	{"A1", "agency-details-missing", "agency", N_("one phone number for all services"),
	 N_("the agency's details are not all set (settings):%s%s%s"), {"settings"},
	 AUDIT_UNTIMED},
	{NULL, NULL, NULL, NULL, NULL, {NULL}, AUDIT_UNTIMED},
};

/* A setting as the history shows it. */
RECORD_DESC(settings_record, "settings",
	    COLUMN("key", N_("Setting"), FIELD_TEXT),
	    COLUMN("value", N_("Value"), FIELD_TEXT));
