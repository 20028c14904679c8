/* audit.c — the charter's findings in charter order. Each row names a promise of DESIGN.md
 * section 2 and the query (db/findings.c) that lists its breaches. */
#include "charte/audit.h"

#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/settings.h"

/* Every area gives its rules beside its other rules (core/AREA.c: AREA_rules[], ended by a row
 * with no code); here only the list of areas. The rules are kept in charter order (A, O, I, S,
 * then the number), whatever the order of the areas. */
static const audit_rule *const area_rules[] = {settings_rules, call_rules, client_rules,
						 contract_rules, worker_rules, visit_rules, survey_rules,
						 complaint_rules, planning_rules, followup_rules};
/* The details that a format cannot word (core.h: audit_detail), area by area. */
static const audit_detail *const area_details[] = {worker_details, contract_details,
						    visit_details, complaint_details,
						    planning_details, followup_details};

static const audit_detail *detail_of(const char *slug)
{
	for (size_t i = 0; i < ARRAY_LEN(area_details); i++)
		for (const audit_detail *d = area_details[i]; d->slug; d++)
			if (!strcmp(d->slug, slug))
				return d;
	return NULL;
}

#define AUDIT_MAX 32
static audit_rule rules[AUDIT_MAX];
static size_t nrules;

static int charter_order(const void *x, const void *y)
{
	const audit_rule *p = x, *q = y;
	static const char promises[] = "AOIS";
	ptrdiff_t d = strchr(promises, p->code[0]) - strchr(promises, q->code[0]);
	return d ? (d < 0 ? -1 : 1) : atoi(p->code + 1) - atoi(q->code + 1);
}

static void gather(void)
{
	if (nrules)
		return;
	for (size_t i = 0; i < ARRAY_LEN(area_rules); i++)
		for (const audit_rule *r = area_rules[i]; r->code; r++)
			if (nrules < AUDIT_MAX)
				rules[nrules++] = *r;
	qsort(rules, nrules, sizeof *rules, charter_order);
}

const audit_rule *audit_rules(size_t *n)
{
	gather();
	*n = nrules;
	return rules;
}

void audit_params(app *a, finding_params *p)
{
	gather();
	p->now = app_now(a);
	p->today = cal_day_of(p->now);
	p->quote_threshold = settings_amount(a, "quote.threshold");
	p->complaint_days = (int)settings_int(a, "complaint.overdue_days");
	p->followup_grace_days = (int)settings_int(a, "followup.grace_days");
	p->record_cutoff =
	    cal_add_months(p->today, -12 * (int)settings_int(a, "criminal_record.renew_years"));
	char *deadline = settings_get(a, "survey.deadline");
	snprintf(p->survey_deadline, sizeof p->survey_deadline, "%s", deadline ? deadline : "03-31");
	free(deadline);
	p->recurring_since =
	    cal_add_months(p->today, -(int)settings_int(a, "recurring.window_months"));
	p->recurring_category = (int)settings_int(a, "recurring.same_category");
	p->recurring_worker = (int)settings_int(a, "recurring.same_worker");
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
	const app *a;
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
	strbuf detail = {0};
	const audit_detail *words = detail_of(r->rule->slug);
	if (words) {
		char *said = words->describe(r->a, col);
		sb_add(&detail, said);
		free(said);
	} else {
		/* The format is ours (a translated constant) and takes exactly three strings. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		sb_addf(&detail, _(r->rule->detail), col[0], col[1], col[2]);
#pragma GCC diagnostic pop
	}
	char *clean = str_trim(text_printable(sb_str(&detail)));
	sb_free(&detail);
	finding f = {r->rule->code, r->rule->slug, r->rule->entity, id, row_id, clean};
	int stop = r->fn(&f, r->arg);
	free(clean);
	return stop;
}

static int run_one(app *a, const audit_rule *rule, const finding_params *p, int limit,
		   int (*fn)(const finding *, void *), void *arg, cerr *e)
{
	struct relay r = {a, rule, fn, arg};
	return db_findings(a->db, rule->slug, p, limit, relay_row, &r, NULL, e);
}

/* ---- the dashboard's cache ----
 *
 * The screens ask for each rule's count and first few findings again after every change made
 * at any desk. One pass of a rule's query gives both (its first AUDIT_KEPT rows, and how many
 * there are); they are kept with the rule's change stamp (db_changes over the tables it reads)
 * and, for a rule that moves with the clock, the minute it was read at. A change then reruns
 * only the rules that read what changed: a call logged at one desk reruns the two call rules
 * (each an index range), not the whole audit. */
#define AUDIT_KEPT 8

typedef struct kept_finding {
	char *id, *detail;
	int64_t row_id;
} kept_finding;

struct audit_cache {
	struct kept_rule {
		bool valid;
		int64_t stamp;
		cminute at;        /* the clock it was read at (rules that move with it) */
		cents threshold;   /* the settings it was read with */
		int64_t total;
		size_t n;
		kept_finding rows[AUDIT_KEPT];
	} rule[AUDIT_MAX];
};

static void kept_clear(struct kept_rule *k)
{
	for (size_t i = 0; i < k->n; i++) {
		free(k->rows[i].id);
		free(k->rows[i].detail);
	}
	memset(k, 0, sizeof *k);
}

void audit_cache_free(app *a)
{
	if (!a->audit)
		return;
	for (size_t i = 0; i < nrules; i++)
		kept_clear(&a->audit->rule[i]);
	free(a->audit);
	a->audit = NULL;
}

static int keep_row(const finding *f, void *arg)
{
	struct kept_rule *k = arg;
	k->rows[k->n++] = (kept_finding){xstrdup(f->id), xstrdup(f->detail), f->row_id};
	return 0;
}

/* Rows as storage gives them, kept for the file's cache, then formatted for the dashboard. */
struct capture {
	struct relay relay;
	finding_raw raw[AUDIT_KEPT];
	size_t n;
};

static int capture_row(int64_t row_id, const char *id, const char *const cols[3], void *arg)
{
	struct capture *c = arg;
	if (c->n < AUDIT_KEPT)
		c->raw[c->n++] = (finding_raw){row_id, xstrdup(id),
					       {xstrdup(cols[0]), xstrdup(cols[1]), xstrdup(cols[2])}};
	return relay_row(row_id, id, cols, &c->relay);
}

/* A rule's count and first findings as of `at`: from the file's cache for a rule that moves at
 * most with the day (kept there by whichever desk read them last), else from its query, in
 * one pass. */
static int read_rule(app *a, size_t i, const finding_params *p, int64_t stamp, cminute at,
		     struct kept_rule *k, cerr *e)
{
	struct capture c = {{a, &rules[i], keep_row, k}, {{0}}, 0};
	bool hit = false, in_file = rules[i].clock != AUDIT_BY_MINUTE;
	int r = ST_OK;
	if (in_file)
		r = db_findings_kept(a->db, rules[i].slug, stamp, at, relay_row, &c.relay,
				     &k->total, &hit, e);
	if (!r && !hit) {
		kept_clear(k);
		r = db_findings(a->db, rules[i].slug, p, AUDIT_KEPT, capture_row, &c, &k->total, e);
		if (!r && in_file)
			db_findings_keep(a->db, rules[i].slug, stamp, at, k->total, c.raw, c.n);
	}
	for (size_t j = 0; j < c.n; j++) {
		free(c.raw[j].id);
		for (int m = 0; m < 3; m++)
			free(c.raw[j].cols[m]);
	}
	return r;
}

/* The rule's kept findings, read again when what they depend on has changed. */
static int fresh(app *a, size_t i, const finding_params *p, struct kept_rule **out, cerr *e)
{
	if (!a->audit)
		a->audit = xcalloc(1, sizeof *a->audit);
	struct kept_rule *k = &a->audit->rule[i];
	int64_t stamp;
	int r = db_changes(a->db, rules[i].tables, &stamp, e);
	if (r)
		return r;
	cminute at = rules[i].clock == AUDIT_BY_MINUTE ? p->now
		     : rules[i].clock == AUDIT_BY_DAY  ? cal_at(p->today, 0)
						       : NO_MINUTE;
	if (!k->valid || k->stamp != stamp || k->at != at ||
	    k->threshold != p->quote_threshold) {
		kept_clear(k);
		r = read_rule(a, i, p, stamp, at, k, e);
		if (r) {
			kept_clear(k);
			return r;
		}
		k->valid = true;
		k->stamp = stamp;
		k->at = at;
		k->threshold = p->quote_threshold;
	}
	*out = k;
	return ST_OK;
}

int audit_run(app *a, int (*fn)(const finding *f, void *arg), void *arg, cerr *e)
{
	if (role_check(a, AREA_AUDIT, ACCESS_READ, e))
		return ST_DENIED;
	finding_params p;
	audit_params(a, &p);
	for (size_t i = 0; i < nrules; i++) {
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
	audit_params(a, &p);
	for (size_t i = 0; i < nrules; i++) {
		if (strcmp(rules[i].slug, slug))
			continue;
		if (limit <= 0 || limit > AUDIT_KEPT)
			return run_one(a, &rules[i], &p, limit, fn, arg, e);
		struct kept_rule *k;
		int r = fresh(a, i, &p, &k, e);
		for (size_t j = 0; !r && j < k->n && j < (size_t)limit; j++) {
			finding f = {rules[i].code, rules[i].slug, rules[i].entity,
				     k->rows[j].id, k->rows[j].row_id, k->rows[j].detail};
			if (fn(&f, arg))
				break;
		}
		return r;
	}
	return err_set(e, ST_NOT_FOUND, "finding", _("no finding '%s'"), slug);
}

int audit_counts(app *a, int64_t *counts, cerr *e)
{
	if (role_check(a, AREA_AUDIT, ACCESS_READ, e))
		return ST_DENIED;
	finding_params p;
	audit_params(a, &p);
	for (size_t i = 0; i < nrules; i++) {
		struct kept_rule *k;
		int r = fresh(a, i, &p, &k, e);
		if (r)
			return r;
		counts[i] = k->total;
	}
	return ST_OK;
}
