/* followups.c — follow-up calls (R6, S4). The ones due are computed on read: for each client
 * (one probe of contracts_by_client for its first contract, then one of visits_done_by_contract
 * for its first visit done), a month after that visit, then each anniversary on which one of its
 * contracts is active, up to a day; the ones done come from the table followups. */
#include "dbint.h"

#include <stdlib.h>
#include <string.h>

#include "charte/db_clients.h"
#include "charte/db_findings.h"
#include "charte/db_followups.h"

#define CLIENT_NAME(id)                                                                        \
	"(SELECT trim(k.name || ' ' || k.first_name) FROM clients k WHERE k.id = " id ")"

/* R6: the same day number m months after day d, clamped to the end of that month (SQLite's own
 * '+N months' runs over into the next month instead). */
#define ADD_MONTHS(d, m)                                                                       \
	"min(date(" d ", 'start of month', '+' || (" m ") || ' months', '+' ||"               \
	" (CAST(substr(" d ", 9, 2) AS INTEGER) - 1) || ' days'),"                             \
	" date(" d ", 'start of month', '+' || ((" m ") + 1) || ' months', '-1 day'))"
#define NEXT_MONTHS "CASE months WHEN 1 THEN 12 ELSE months + 12 END"

/* The follow-ups owed up to UNTIL (done or not): owed(client_id, first, kind, due), for the
 * clients of CLIENTS (a WHERE on clients c). The first month's is owed whatever happens; a
 * yearly one while a contract of the client is active that day: signed on or before it, not
 * ended, not withdrawn before it. */
#define FOLLOWUPS_OWED(CLIENTS, UNTIL)                                                        \
	"WITH RECURSIVE firsts(client_id, first) AS ("                                          \
	" SELECT c.id, (SELECT substr(v.starts, 1, 10) FROM visits v"                           \
	"   WHERE v.status = 'done' AND v.contract_id = (SELECT k.id FROM contracts k"           \
	"     WHERE k.client_id = c.id AND k.status <> 'draft' ORDER BY k.date, k.id LIMIT 1)"   \
	"   ORDER BY v.starts LIMIT 1)"                                                          \
	" FROM clients c WHERE " CLIENTS "),"                                                     \
	" dues(client_id, first, months, due) AS ("                                              \
	" SELECT client_id, first, 1, " ADD_MONTHS("first", "1") " FROM firsts"                 \
	"  WHERE first IS NOT NULL"                                                              \
	" UNION ALL SELECT client_id, first, " NEXT_MONTHS ", " ADD_MONTHS("first", NEXT_MONTHS)  \
	"  FROM dues WHERE due <= " UNTIL "),"                                                    \
	" owed(client_id, first, kind, due) AS ("                                                \
	" SELECT client_id, first, CASE months WHEN 1 THEN 'first-month' ELSE 'yearly' END, due" \
	"  FROM dues WHERE due <= " UNTIL " AND (months = 1 OR EXISTS (SELECT 1 FROM contracts k" \
	"  WHERE k.client_id = dues.client_id AND k.status <> 'draft' AND k.signed_on <= dues.due" \
	"  AND (k.ended_on IS NULL OR k.ended_on >= dues.due)"                                    \
	"  AND (k.withdrawn_on IS NULL OR k.withdrawn_on >= dues.due))))"
#define NOT_DONE(o)                                                                            \
	"NOT EXISTS (SELECT 1 FROM followups f WHERE f.client_id = " o ".client_id"               \
	" AND f.due = " o ".due)"

const db_finding_query db_followup_findings[] = {
	/* S4 (R6): a follow-up not done once its due day and the grace days have passed. */
	{"follow-up-overdue",
	 FOLLOWUPS_OWED("1", ":today")
	 " SELECT o.client_id, o.client_id || ':' || o.due, " CLIENT_NAME("o.client_id") ", o.due,"
	 " o.kind FROM owed o WHERE :today > date(o.due, '+' || :grace_days || ' days')"
	 " AND " NOT_DONE("o") " ORDER BY o.client_id, o.due"},
	{NULL, NULL},
};

/* The events of a client's history: the follow-ups done. */
const db_history_source db_followup_history_sources[] = {
	{"followups", "followup", "done",
	 "SELECT " HISTORY_WHEN("followups", "done_on") ", id, id,"
	 " CASE satisfaction WHEN 1 THEN 'Very satisfied' WHEN 2 THEN 'Satisfied'"
	 " WHEN 3 THEN 'Dissatisfied' WHEN 4 THEN 'Very dissatisfied' WHEN 5 THEN 'No opinion'"
	 " ELSE 'not asked' END, note, " STAFF_NAME("followups.done_by")
	 " FROM followups WHERE client_id = :id"},
	{NULL, NULL, NULL, NULL},
};

#define FOLLOWUP_COLS                                                                          \
	"id, client_id, kind, due, done_on, status, done_by, satisfaction, note, complaint_id, "  \
	"client_name"

static const char list_sql[] =
	FOLLOWUPS_OWED("(:client IS NULL OR c.id = :client)", ":until")
	" SELECT " FOLLOWUP_COLS " FROM ("
	" SELECT 0 AS id, o.client_id, o.kind, o.due, NULL AS done_on,"
	"  CASE WHEN :today > date(o.due, '+' || :grace_days || ' days') THEN 'overdue'"
	"  ELSE 'due' END AS status, NULL AS done_by, NULL AS satisfaction, '' AS note,"
	"  NULL AS complaint_id, " CLIENT_NAME("o.client_id") " AS client_name"
	" FROM owed o WHERE " NOT_DONE("o")
	" UNION ALL SELECT f.id, f.client_id, f.kind, f.due, f.done_on, 'done', f.done_by,"
	"  f.satisfaction, f.note, f.complaint_id, " CLIENT_NAME("f.client_id")
	" FROM followups f WHERE :done AND (:client IS NULL OR f.client_id = :client))"
	" WHERE (status = 'due' AND :due) OR (status = 'overdue' AND :overdue) OR status = 'done'"
	" ORDER BY due, client_id";

static void followup_read(sqlite3_stmt *st, void *row)
{
	followup *f = row;
	followup_init(f);
	f->id = col_int(st, 0);
	f->client_id = col_int(st, 1);
	f->kind = enum_value(&followup_kinds, (const char *)sqlite3_column_text(st, 2));
	f->due = col_day(st, 3);
	f->done_on = col_day(st, 4);
	f->status = enum_value(&followup_statuses, (const char *)sqlite3_column_text(st, 5));
	f->done_by = col_text(st, 6);
	f->satisfaction = (int)col_int(st, 7);
	f->note = col_text(st, 8);
	f->complaint_id = col_int(st, 9);
	f->client_name = col_text(st, 10);
	if (!f->note)
		f->note = xstrdup("");
	if (!f->client_name)
		f->client_name = xstrdup("");
}

static void bind_named_int(sqlite3_stmt *st, const char *name, int64_t v)
{
	int i = db_bind_index(st, name);
	if (i)
		bind_int(st, i, v);
}

int db_followups_each(db *d, const followup_filter *f, cday today, cday until, int grace,
		      int (*fn)(const followup *row, void *arg), void *arg, cerr *e)
{
	sqlite3_stmt *st = db_prep(d, list_sql, e);
	if (!st)
		return ST_DB;
	bool all = !f->due && !f->overdue && !f->done;
	int i;
	if ((i = db_bind_index(st, ":client")))
		bind_id(st, i, f->client_id);
	if ((i = db_bind_index(st, ":until")))
		bind_day(st, i, until);
	if ((i = db_bind_index(st, ":today")))
		bind_day(st, i, today);
	bind_named_int(st, ":grace_days", grace);
	bind_named_int(st, ":due", all || f->due);
	bind_named_int(st, ":overdue", all || f->overdue);
	bind_named_int(st, ":done", all || f->done);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		followup row;
		followup_read(st, &row);
		int stop = fn(&row, arg);
		followup_free(&row);
		if (stop) {
			rc = SQLITE_DONE;
			break;
		}
	}
	int r = rc == SQLITE_DONE ? ST_OK : db_fail(d, e);
	sqlite3_reset(st);
	return r;
}

static void read_day(sqlite3_stmt *st, void *row)
{
	*(cday *)row = col_day(st, 0);
}

int db_followup_first_visit(db *d, int64_t client_id, cday *first, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "SELECT substr(v.starts, 1, 10) FROM visits v WHERE v.status = 'done'"
	    " AND v.contract_id = (SELECT k.id FROM contracts k WHERE k.client_id = ?"
	    " AND k.status <> 'draft' ORDER BY k.date, k.id LIMIT 1) ORDER BY v.starts LIMIT 1",
	    e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, client_id);
	*first = NO_DAY;
	int r = db_row(d, st, read_day, first, e);
	return r == ST_NOT_FOUND ? ST_OK : r;
}

int db_followup_insert(db *d, followup *f, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "INSERT INTO followups(client_id, kind, due, done_on, done_by, "
				   "satisfaction, note, complaint_id) VALUES (?,?,?,?,?,?,?,?)",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, f->client_id);
	bind_text(st, 2, enum_name(&followup_kinds, f->kind));
	bind_day(st, 3, f->due);
	bind_day(st, 4, f->done_on);
	bind_text(st, 5, f->done_by ? f->done_by : "");
	bind_id(st, 6, f->satisfaction);
	bind_text(st, 7, f->note ? f->note : "");
	bind_id(st, 8, f->complaint_id);
	return db_insert(d, st, &f->id, e);
}

#define DONE_SQL                                                                               \
	"SELECT id, client_id, kind, due, done_on, 'done', done_by, satisfaction, note, "         \
	"complaint_id, " CLIENT_NAME("followups.client_id") " FROM followups "

static void done_read(sqlite3_stmt *st, void *row)
{
	followup_free(row);
	followup_read(st, row);
}

int db_followup_get(db *d, int64_t id, followup *out, cerr *e)
{
	int r = db_row_id(d, DONE_SQL "WHERE id = ?", id, done_read, out, e);
	return db_missing(r, e, "id", _("no follow-up %lld"), id);
}

int db_followup_done_of(db *d, int64_t client_id, cday due, followup *out, cerr *e)
{
	sqlite3_stmt *st = db_prep(d, DONE_SQL "WHERE client_id = ? AND due = ?", e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, client_id);
	bind_day(st, 2, due);
	return db_row(d, st, done_read, out, e);
}
