/* audit.c — the charter's findings in charter order. Each row names a promise of DESIGN.md
 * section 2 and the query (db/findings.c) that lists its breaches. */
#include "charte/audit.h"

#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/settings.h"

static const audit_rule rules[] = {
	{"A5", "callback-overdue", "call", N_("callbacks within 24 h"),
	 N_("%s: callback was due %s (phone: %s)")},
	{"A6", "documentation-not-sent", "call", N_("documentation on request"),
	 N_("%s: documentation was due %s%s")},
	{"O1", "needs-missing", "client", N_("a rigorous analysis of the client's needs"),
	 N_("%s has a quote or a contract but no needs analysis%s%s")},
	{"O2", "quote-missing", "contract", N_("a quote over 100 € or on request"),
	 N_("%s: signed on %s with no quote given before (%s incl. VAT)")},
	{"O4", "contract-unsigned", "contract", N_("recurring services under a signed contract"),
	 N_("%s: recurring contract started on %s and not signed%s")},
	{"S1", "referent-missing", "client", N_("a named referent for each client"),
	 N_("%s: active client without an active referent%s%s")},
};

const audit_rule *audit_rules(size_t *n)
{
	*n = ARRAY_LEN(rules);
	return rules;
}

static void params_of(app *a, finding_params *p)
{
	p->now = app_now(a);
	p->today = cal_day_of(p->now);
	p->quote_threshold = settings_amount(a, "quote.threshold");
	p->complaint_days = (int)settings_int(a, "complaint.overdue_days");
	p->followup_grace_days = (int)settings_int(a, "followup.grace_days");
}

/* Storage's form of an amount, "1234.56": shown as people read money. */
static bool is_amount(const char *s)
{
	size_t n = strlen(s);
	if (*s == '-')
		s++, n--;
	if (n < 4 || s[n - 3] != '.')
		return false;
	for (size_t i = 0; i < n; i++)
		if (i != n - 3 && !(s[i] >= '0' && s[i] <= '9'))
			return false;
	return true;
}

struct relay {
	const audit_rule *rule;
	int (*fn)(const finding *f, void *arg);
	void *arg;
};

static int relay_row(int64_t row_id, const char *id, const char *const cols[3], void *arg)
{
	struct relay *r = arg;
	/* Values from storage as people read them: dates in the locale, phones grouped. */
	char shown[3][64];
	const char *col[3];
	for (int i = 0; i < 3; i++) {
		cminute t;
		cday d;
		col[i] = cols[i];
		if (datetime_from_text(cols[i], &t)) {
			fmt_datetime_human(t, shown[i]);
			col[i] = shown[i];
		} else if (date_from_text(cols[i], &d)) {
			fmt_date_human(d, shown[i]);
			col[i] = shown[i];
		} else if (is_amount(cols[i])) {
			cents c;
			if (!parse_amount(cols[i], &c)) {
				fmt_amount(c, shown[i]);
				col[i] = shown[i];
			}
		} else if (cols[i][0] == '+' && strlen(cols[i]) < 17) {
			char ph[32];
			fmt_phone(cols[i], ph);
			snprintf(shown[i], sizeof shown[i], "%s", ph);
			col[i] = shown[i];
		}
	}
	char detail[600];
	/* The format is ours (a translated constant) and takes exactly three strings. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(detail, sizeof detail, _(r->rule->detail), col[0], col[1], col[2]);
#pragma GCC diagnostic pop
	char *clean = str_trim(text_printable(detail));
	finding f = {r->rule->code, r->rule->slug, r->rule->entity, id, row_id, clean};
	int stop = r->fn(&f, r->arg);
	free(clean);
	return stop;
}

static int run_one(app *a, const audit_rule *rule, const finding_params *p, int limit,
		   int (*fn)(const finding *, void *), void *arg, cerr *e)
{
	struct relay r = {rule, fn, arg};
	return db_findings(a->db, rule->slug, p, limit, relay_row, &r, e);
}

int audit_run(app *a, int (*fn)(const finding *f, void *arg), void *arg, cerr *e)
{
	if (role_check(a, AREA_AUDIT, ACCESS_READ, e))
		return ST_DENIED;
	finding_params p;
	params_of(a, &p);
	for (size_t i = 0; i < ARRAY_LEN(rules); i++) {
		int r = run_one(a, &rules[i], &p, 0, fn, arg, e);
		if (r)
			return r;
	}
	return ST_OK;
}

int audit_run_rule(app *a, const char *slug, int limit, int (*fn)(const finding *f, void *arg),
		   void *arg, cerr *e)
{
	if (role_check(a, AREA_AUDIT, ACCESS_READ, e))
		return ST_DENIED;
	finding_params p;
	params_of(a, &p);
	for (size_t i = 0; i < ARRAY_LEN(rules); i++)
		if (!strcmp(rules[i].slug, slug))
			return run_one(a, &rules[i], &p, limit, fn, arg, e);
	return err_set(e, ST_NOT_FOUND, "finding", _("no finding '%s'"), slug);
}

int audit_counts(app *a, int64_t *counts, cerr *e)
{
	if (role_check(a, AREA_AUDIT, ACCESS_READ, e))
		return ST_DENIED;
	finding_params p;
	params_of(a, &p);
	for (size_t i = 0; i < ARRAY_LEN(rules); i++) {
		int r = db_findings_count(a->db, rules[i].slug, &p, &counts[i], e);
		if (r)
			return r;
	}
	return ST_OK;
}
