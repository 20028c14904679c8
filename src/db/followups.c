/* followups.c — follow-up calls (R6, S4). The ones due are computed on read from each client's
 * first visit done under their first contract (the table first_visits, kept by triggers: see
 * schema.c, version 16): a month after that visit, then each anniversary on which one of its
 * contracts is active, up to a day; the ones done come from the table followups. The follow-ups
 * due in a window of days (Today's, the list's "due") are read through first_visits' indexes,
 * without going through every client's years. */
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

/* The first month's follow-up is owed whatever happens; a yearly one while a contract of the
 * client is active that day: signed on or before it, not ended, not withdrawn before it. */
#define OWED_ON(o)                                                                             \
	"(" o ".months = 1 OR EXISTS (SELECT 1 FROM contracts k"                                 \
	"  WHERE k.client_id = " o ".client_id AND k.status <> 'draft' AND k.signed_on <= " o ".due" \
	"  AND (k.ended_on IS NULL OR k.ended_on >= " o ".due)"                                   \
	"  AND (k.withdrawn_on IS NULL OR k.withdrawn_on >= " o ".due)))"
#define KIND_OF(months) "CASE " months " WHEN 1 THEN 'first-month' ELSE 'yearly' END"

/* The follow-ups owed up to UNTIL (done or not): owed(client_id, first, kind, due), for the
 * clients of CLIENTS (a WHERE on first_visits f), each client's years one after the other. */
#define FOLLOWUPS_OWED(CLIENTS, UNTIL)                                                        \
	"WITH RECURSIVE dues(client_id, first, months, due) AS ("                                \
	" SELECT f.client_id, f.day, 1, " ADD_MONTHS("f.day", "1") " FROM first_visits f"       \
	"  WHERE " CLIENTS                                                                       \
	" UNION ALL SELECT client_id, first, " NEXT_MONTHS ", " ADD_MONTHS("first", NEXT_MONTHS)  \
	"  FROM dues WHERE due <= " UNTIL "),"                                                    \
	" owed(client_id, first, kind, due) AS ("                                                \
	" SELECT client_id, first, " KIND_OF("months") ", due FROM dues d"                       \
	"  WHERE due <= " UNTIL " AND " OWED_ON("d") ")"
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

/* A follow-up owed and not done, as a row of the list. */
#define OWED_ROW(o)                                                                            \
	" SELECT 0 AS id, " o ".client_id, " o ".kind, " o ".due, NULL AS done_on,"               \
	"  CASE WHEN :today > date(" o ".due, '+' || :grace_days || ' days') THEN 'overdue'"     \
	"  ELSE 'due' END AS status, NULL AS done_by, NULL AS satisfaction, '' AS note,"         \
	"  NULL AS complaint_id, " CLIENT_NAME(o ".client_id") " AS client_name"

static const char list_sql[] =
	FOLLOWUPS_OWED("(:client IS NULL OR f.client_id = :client)", ":until")
	" SELECT " FOLLOWUP_COLS " FROM ("
	OWED_ROW("o") " FROM owed o WHERE " NOT_DONE("o")
	" UNION ALL SELECT f.id, f.client_id, f.kind, f.due, f.done_on, 'done', f.done_by,"
	"  f.satisfaction, f.note, f.complaint_id, " CLIENT_NAME("f.client_id")
	" FROM followups f WHERE :done AND (:client IS NULL OR f.client_id = :client))"
	" WHERE (status = 'due' AND :due) OR (status = 'overdue' AND :overdue) OR status = 'done'"
	" ORDER BY due, client_id";

/* The follow-ups due and not done from :lo to :hi, less than a year apart: the first month's of
 * the clients whose first visit was 28 to 31 days before a day of the window (first_visits_by_day),
 * and the anniversaries, in the years of :lo and :hi, of those whose first visit's month and day
 * fall in the window (first_visits_by_md: :md1 to :md2, and :md3 to :md4 when the window crosses
 * the new year; a 29 February's are on the 28th). The same rows as list_sql's "due". */
static const char due_sql[] =
	"WITH cands(client_id, first, months) AS ("
	" SELECT client_id, day, 1 FROM first_visits"
	"  WHERE day BETWEEN date(:lo, '-31 days') AND date(:hi, '-28 days')"
	" UNION SELECT client_id, day, 12 * (y.year - CAST(substr(day, 1, 4) AS INTEGER))"
	"  FROM (SELECT CAST(substr(:lo, 1, 4) AS INTEGER) AS year"
	"   UNION SELECT CAST(substr(:hi, 1, 4) AS INTEGER)) y, first_visits"
	"  WHERE md BETWEEN :md1 AND :md2 OR md BETWEEN :md3 AND :md4 OR md = '02-29'),"
	/* Materialized: each day worked out once, not again for each use of `due` below. */
	" dues AS MATERIALIZED (SELECT client_id, first, months, " ADD_MONTHS("first", "months")
	"  AS due FROM cands WHERE months = 1 OR months >= 12),"
	" owed(client_id, first, kind, due) AS ("
	" SELECT client_id, first, " KIND_OF("months") ", due FROM dues c"
	"  WHERE due BETWEEN :lo AND :hi AND " OWED_ON("c") ")"
	" SELECT " FOLLOWUP_COLS " FROM (" OWED_ROW("o") " FROM owed o WHERE " NOT_DONE("o") ")"
	" ORDER BY due, client_id";

static void followup_read(sqlite3_stmt *st, void *row)
{
	followup *f = row;
	followup_init(f);
	f->id = col_int(st, 0);
	f->client_id = col_int(st, 1);
	f->kind = col_enum(st, 2, &followup_kinds);
	f->due = col_day(st, 3);
	f->done_on = col_day(st, 4);
	f->status = col_enum(st, 5, &followup_statuses);
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

static void bind_named_day(sqlite3_stmt *st, const char *name, cday v)
{
	int i = db_bind_index(st, name);
	if (i)
		bind_day(st, i, v);
}

static void bind_named_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = db_bind_index(st, name);
	if (i)
		bind_text(st, i, v);
}

/* The due ones alone, of every client, in a window of less than a year: through due_sql. Its
 * month-and-day ranges: one, or two when the window crosses the new year. */
static sqlite3_stmt *due_window(db *d, cday lo, cday hi, cerr *e)
{
	sqlite3_stmt *st = db_prep(d, due_sql, e);
	if (!st)
		return NULL;
	char from[11], to[11];
	fmt_date(lo, from);
	fmt_date(hi, to);
	bool one_year = !strncmp(from, to, 4);
	bind_named_day(st, ":lo", lo);
	bind_named_day(st, ":hi", hi);
	bind_named_text(st, ":md1", from + 5);
	bind_named_text(st, ":md2", one_year ? to + 5 : "12-31");
	bind_named_text(st, ":md3", one_year ? "" : "01-01");
	bind_named_text(st, ":md4", one_year ? "" : to + 5);
	return st;
}

int db_followups_each(db *d, const followup_filter *f, cday today, cday until, int grace,
		      int (*fn)(const followup *row, void *arg), void *arg, cerr *e)
{
	bool all = !f->due && !f->overdue && !f->done;
	/* Due: not yet past its grace days, so due on or after today - grace. */
	cday lo = today - grace;
	sqlite3_stmt *st;
	if (f->due && !f->overdue && !f->done && !f->client_id && lo <= until && until - lo < 365)
		st = due_window(d, lo, until, e);
	else if ((st = db_prep(d, list_sql, e))) {
		int i;
		if ((i = db_bind_index(st, ":client")))
			bind_id(st, i, f->client_id);
		bind_named_day(st, ":until", until);
		bind_named_int(st, ":due", all || f->due);
		bind_named_int(st, ":overdue", all || f->overdue);
		bind_named_int(st, ":done", all || f->done);
	}
	if (!st)
		return ST_DB;
	bind_named_day(st, ":today", today);
	bind_named_int(st, ":grace_days", grace);
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
	sqlite3_stmt *st = db_prep(d, "SELECT day FROM first_visits WHERE client_id = ?", e);
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

/* The ones done, paged by (due, client) through followups_by_due (a client's through the
 * (client_id, due) index): the list's part that grows with the years. */
static const char *const done_filters[] = {"followups.client_id = :client"};

static unsigned done_set(const void *filter)
{
	return ((const followup_filter *)filter)->client_id != 0;
}

static void done_bind(sqlite3_stmt *st, const void *filter)
{
	bind_named_int(st, ":client", ((const followup_filter *)filter)->client_id);
}

static void done_bind_key(sqlite3_stmt *st, const int *param, const void *row)
{
	const followup *f = row;
	bind_day(st, param[0], f->due);
	bind_int(st, param[1], f->client_id);
}

static void free_followup(void *row)
{
	followup_free(row);
}

static const db_listing followups_done = {
	.select = DONE_SQL,
	.key = {"followups.due", "followups.client_id"},
	.filters = done_filters,
	.nfilters = ARRAY_LEN(done_filters),
	.set = done_set,
	.bind = done_bind,
	.bind_key = done_bind_key,
	.row_size = sizeof(followup),
	.read = followup_read,
	.free_row = free_followup,
};

DB_LISTING_PAGE(followups_done, followup, followup_filter, followups_done)

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
