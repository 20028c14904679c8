/* findings.c — running the query of a finding slug. Each returns (row_id, shown_id, a, b, c),
 * ordered by row; :now, :today and the other parameters of finding_params are bound by name.
 * Adding a finding: a row of db_AREA_findings[] in db/AREA.c and a row of AREA_rules[] in
 * core/AREA.c. */
#include "dbint.h"

#include <stdlib.h>
#include <string.h>

#include "charte/db_findings.h"

/* Every area gives the queries of its findings beside its other storage (db/AREA.c:
 * db_AREA_findings[], ended by a row with no slug); here only the list of areas. */
static const db_finding_query *const areas[] = {db_settings_findings, db_call_findings,
						db_client_findings, db_contract_findings,
						db_worker_findings, db_visit_findings, db_survey_findings,
						db_complaint_findings, db_planning_findings,
						db_followup_findings};

const char *db_finding_sql(const char *slug)
{
	for (size_t i = 0; i < ARRAY_LEN(areas); i++)
		for (const db_finding_query *q = areas[i]; q->slug; q++)
			if (!strcmp(q->slug, slug))
				return q->sql;
	return NULL;
}

static void bind_params(sqlite3_stmt *st, const finding_params *p)
{
	int i;
	if ((i = sqlite3_bind_parameter_index(st, ":now")))
		bind_minute(st, i, p->now);
	if ((i = sqlite3_bind_parameter_index(st, ":today")))
		bind_day(st, i, p->today);
	if ((i = sqlite3_bind_parameter_index(st, ":threshold")))
		bind_int(st, i, p->quote_threshold);
	if ((i = sqlite3_bind_parameter_index(st, ":complaint_days")))
		bind_int(st, i, p->complaint_days);
	if ((i = sqlite3_bind_parameter_index(st, ":grace_days")))
		bind_int(st, i, p->followup_grace_days);
	if ((i = sqlite3_bind_parameter_index(st, ":record_cutoff")))
		bind_day(st, i, p->record_cutoff);
	if ((i = sqlite3_bind_parameter_index(st, ":survey_deadline")))
		sqlite3_bind_text(st, i, p->survey_deadline, -1, SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(st, ":recurring_since")))
		bind_day(st, i, p->recurring_since);
	if ((i = sqlite3_bind_parameter_index(st, ":per_category")))
		bind_int(st, i, p->recurring_category);
	if ((i = sqlite3_bind_parameter_index(st, ":per_worker")))
		bind_int(st, i, p->recurring_worker);
}

int db_findings(db *d, const char *slug, const finding_params *p, int limit, finding_row_fn fn,
		void *arg, int64_t *total, cerr *e)
{
	const char *sql = db_finding_sql(slug);
	if (!sql)
		return err_set(e, ST_NOT_FOUND, "finding", "no query for %s", slug);
	sqlite3_stmt *st = db_prep(d, sql, e);
	if (!st)
		return ST_DB;
	bind_params(st, p);
	int rc;
	int64_t count = 0;
	bool stopped = false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* Past the rows asked for (or once fn stopped), the rest are only counted. */
		if (!stopped && (limit <= 0 || count < limit)) {
			const char *cols[3];
			for (int i = 0; i < 3; i++) {
				const unsigned char *t = sqlite3_column_text(st, 2 + i);
				cols[i] = t ? (const char *)t : "";
			}
			const unsigned char *shown = sqlite3_column_text(st, 1);
			stopped = fn(col_int(st, 0), shown ? (const char *)shown : "", cols, arg) != 0;
		}
		count++;
		if (!total && (stopped || (limit > 0 && count >= limit)))
			break;
	}
	int r = rc == SQLITE_DONE || rc == SQLITE_ROW ? ST_OK : db_fail(d, e);
	sqlite3_reset(st);
	if (total)
		*total = r ? 0 : count;
	return r;
}

int db_changes(db *d, const char *const *tables, int64_t *stamp, cerr *e)
{
	*stamp = 0;
	sqlite3_stmt *st = db_prep(d, "SELECT n FROM table_changes WHERE tbl = ?", e);
	if (!st)
		return ST_DB;
	for (size_t i = 0; tables[i]; i++) {
		bind_text(st, 1, tables[i]);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			*stamp += col_int(st, 0);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_fail(d, e);
	}
	return ST_OK;
}

int db_findings_kept(db *d, const char *slug, int64_t stamp, cminute asof, finding_row_fn fn,
		     void *arg, int64_t *total, bool *hit, cerr *e)
{
	*hit = false;
	*total = 0;
	sqlite3_stmt *st = db_prep(
		d, "SELECT total FROM findings_kept WHERE slug = ? AND stamp = ? AND asof IS ?", e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, slug);
	bind_int(st, 2, stamp);
	bind_minute(st, 3, asof);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*hit = true;
		*total = col_int(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? ST_OK : db_fail(d, e);
	st = db_prep(d,
		     "SELECT row_id, shown, a, b, c FROM findings_kept_rows WHERE slug = ? ORDER BY pos",
		     e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, slug);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *cols[3];
		for (int i = 0; i < 3; i++)
			cols[i] = (const char *)sqlite3_column_text(st, 2 + i);
		if (fn(col_int(st, 0), (const char *)sqlite3_column_text(st, 1), cols, arg))
			break;
	}
	int r = rc == SQLITE_DONE || rc == SQLITE_ROW ? ST_OK : db_fail(d, e);
	sqlite3_reset(st);
	return r;
}

void db_findings_keep(db *d, const char *slug, int64_t stamp, cminute asof, int64_t total,
		      const finding_raw *rows, size_t n)
{
	if (d->depth > 0)
		return;
	/* Do not wait for another desk's write: a cache can be written next time. */
	db_busy_wait(d, false);
	sqlite3_stmt *st = db_prep(d, "BEGIN IMMEDIATE", NULL);
	bool begun = st && db_run(d, st, NULL) == ST_OK;
	db_busy_wait(d, true);
	if (!begun)
		return;
	int r = ST_OK;
	st = db_prep(d, "DELETE FROM findings_kept WHERE slug = ?", NULL);
	if (!st)
		r = ST_DB;
	if (!r) {
		bind_text(st, 1, slug);
		r = db_run(d, st, NULL);
	}
	if (!r && (st = db_prep(d,
				"INSERT INTO findings_kept(slug, stamp, asof, total) VALUES (?, ?, ?, ?)",
				NULL))) {
		bind_text(st, 1, slug);
		bind_int(st, 2, stamp);
		bind_minute(st, 3, asof);
		bind_int(st, 4, total);
		r = db_run(d, st, NULL);
	}
	for (size_t i = 0; !r && i < n; i++) {
		st = db_prep(d,
			     "INSERT INTO findings_kept_rows(slug, pos, row_id, shown, a, b, c) "
			     "VALUES (?, ?, ?, ?, ?, ?, ?)",
			     NULL);
		if (!st) {
			r = ST_DB;
			break;
		}
		bind_text(st, 1, slug);
		bind_int(st, 2, (int64_t)i);
		bind_int(st, 3, rows[i].row_id);
		bind_text(st, 4, rows[i].id);
		for (int k = 0; k < 3; k++)
			bind_text(st, 5 + k, rows[i].cols[k]);
		r = db_run(d, st, NULL);
	}
	db_exec(d, r ? "ROLLBACK" : "COMMIT", NULL);
}
