/* db_findings.h — the queries behind the charter's findings (one per slug). */
#ifndef CHARTE_DB_FINDINGS_H
#define CHARTE_DB_FINDINGS_H

#include "charte/db.h"

/* The query of one finding: its rows are (row_id, shown id, three text columns for the detail),
 * ordered by row. Each area's storage gives its own (db_AREA_findings), ended by {NULL}. */
typedef struct db_finding_query {
	const char *slug;
	const char *sql;
} db_finding_query;
extern const db_finding_query db_settings_findings[], db_call_findings[], db_client_findings[],
	db_contract_findings[], db_worker_findings[], db_survey_findings[],
	db_complaint_findings[], db_visit_findings[], db_planning_findings[],
	db_followup_findings[];

/* What the rules need to know, bound by name where a query uses it (:now, :today, ...). */
typedef struct finding_params {
	cminute now;
	cday today;
	cents quote_threshold; /* R3 */
	int complaint_days;
	int followup_grace_days;
	cday record_cutoff; /* I6: a criminal record extract issued on or before is due for renewal */
	char survey_deadline[6]; /* MM-DD of the year after the survey's */
	cday recurring_since;   /* R7: complaints received after this day count */
	int recurring_category; /* R7: this many of one category make a recurring problem */
	int recurring_worker;   /* R7: this many about one worker */
} finding_params;

/* The query of `slug` (NULL: none has it). */
const char *db_finding_sql(const char *slug);

/* One row of a finding: the row id, the id to show (a number or the row id as text) and up
 * to three text columns for the detail. */
typedef int (*finding_row_fn)(int64_t row_id, const char *id, const char *const cols[3],
			      void *arg);

/* Run the query of `slug`: fn for its first limit rows (limit <= 0: all); with total, in the
 * same pass, how many rows it gives in all (the rest are stepped over, not read). ST_NOT_FOUND
 * when no query has that slug. */
int db_findings(db *d, const char *slug, const finding_params *p, int limit, finding_row_fn fn,
		void *arg, int64_t *total, cerr *e);

/* The first rows of a finding as stored, for db_findings_keep. */
typedef struct finding_raw {
	int64_t row_id;
	char *id;
	char *cols[3];
} finding_raw;

/* The rows and total of `slug` kept in the file with this change stamp, found as of `asof`
 * (NO_MINUTE for a rule that does not move with the clock): *hit false (and nothing called)
 * when none are kept for them. */
int db_findings_kept(db *d, const char *slug, int64_t stamp, cminute asof, finding_row_fn fn,
		     void *arg, int64_t *total, bool *hit, cerr *e);
/* Keep them, when the file is free at once (a cache: never waits for another desk's write,
 * never inside a transaction; nothing is reported when it is not kept). */
void db_findings_keep(db *d, const char *slug, int64_t stamp, cminute asof, int64_t total,
		      const finding_raw *rows, size_t n);

/* A number that grows whenever a row of one of `tables` (NULL-terminated, audited tables) is
 * inserted, changed or deleted, by any connection or program: a result read from those tables
 * is still right while it stays the same. */
int db_changes(db *d, const char *const *tables, int64_t *stamp, cerr *e);

#endif
