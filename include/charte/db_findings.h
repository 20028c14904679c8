/* db_findings.h — the queries behind the charter's findings (one per slug). */
#ifndef CHARTE_DB_FINDINGS_H
#define CHARTE_DB_FINDINGS_H

#include "charte/db.h"

/* What the rules need to know, bound by name where a query uses it (:now, :today, ...). */
typedef struct finding_params {
	cminute now;
	cday today;
	cents quote_threshold; /* R3 */
	int complaint_days;
	int followup_grace_days;
} finding_params;

/* One row of a finding: the row id, the id to show (a number or the row id as text) and up
 * to three text columns for the detail. */
typedef int (*finding_row_fn)(int64_t row_id, const char *id, const char *const cols[3],
			      void *arg);

/* Run the query of `slug` (limit <= 0: all). ST_NOT_FOUND when no query has that slug. */
int db_findings(db *d, const char *slug, const finding_params *p, int limit, finding_row_fn fn,
		void *arg, cerr *e);
/* How many rows the query of `slug` gives. */
int db_findings_count(db *d, const char *slug, const finding_params *p, int64_t *n, cerr *e);

#endif
