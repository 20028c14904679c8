/* audit.h — the charter's findings (DESIGN.md section 2): every breach, as of now. Each promise
 * that can be breached is one row of a table in core/audit.c, whose query lives in
 * db/findings.c. */
#ifndef CHARTE_AUDIT_H
#define CHARTE_AUDIT_H

#include "charte/app.h"

typedef struct finding {
	const char *code;   /* the promise: "A5" */
	const char *slug;   /* stable, for scripts: "callback-overdue" */
	const char *entity; /* "call", "client", "quote", "contract", ... */
	const char *id;     /* a document's number, else the row id */
	int64_t row_id;     /* the row to open on the screen */
	const char *detail; /* for people, translated */
} finding;

typedef struct audit_rule {
	const char *code, *slug, *entity;
	const char *promise; /* N_(): the promise in a few words, for the dashboard */
	const char *detail;  /* N_(): printf format taking the query's text columns 1..3 */
	const char *tables[6]; /* the tables its query reads (NULL after the last) */
	enum audit_clock {     /* how its answer moves with the clock */
		AUDIT_UNTIMED,
		AUDIT_BY_DAY,    /* reads :today */
		AUDIT_BY_MINUTE, /* reads :now */
	} clock;
} audit_rule;

const audit_rule *audit_rules(size_t *n);
/* Call fn for every finding as of app_now(a), in charter order (A1..S7), then by id. fn returns
 * non-zero to stop. */
int audit_run(app *a, int (*fn)(const finding *f, void *arg), void *arg, cerr *e);
/* Only the findings of one rule (slug), e.g. for a dashboard section. The first few (up to 8)
 * come from what the last audit_counts or audit_run_rule read, while the tables the rule reads
 * and the clock (for a rule that moves with it) have not changed. */
int audit_run_rule(app *a, const char *slug, int limit, int (*fn)(const finding *f, void *arg),
		   void *arg, cerr *e);
/* How many findings each rule has now: counts[i] for audit_rules()[i]. Each rule's query runs
 * once, for its count and its first findings together, and only again when what it reads has
 * changed (at any desk) or, for a rule that moves with the clock, when the minute has. */
int audit_counts(app *a, int64_t *counts, cerr *e);

#endif
