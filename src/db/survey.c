/* survey.c — the annual satisfaction survey in storage (S6): campaigns, their questions, the
 * clients each asks and their answers; the finding survey-missing. */
#include "dbint.h"

#include <stdlib.h>
#include <string.h>

#include "charte/db_findings.h"
#include "charte/db_survey.h"

/* The clients served in year Y (an SQL expression): the clients with at least one visit done
 * that started in Y (a visit crossing midnight on 31 December counts for the year it started).
 * A contract signed but never visited, a visit planned, cancelled or missed serve no one. The
 * one place that says who a campaign asks, and whether a year needs a survey at all. */
#define SURVEY_SERVED(Y)                                                                    \
	"SELECT DISTINCT v.client_id FROM visits v"                                         \
	" WHERE v.starts >= printf('%04d-01-01', " Y ")"                                    \
	"   AND v.starts < printf('%04d-01-01', (" Y ") + 1) AND v.status = 'done'"

const db_finding_query db_survey_findings[] = {
	/* S6: once this year's deadline (:survey_deadline, MM-DD) has passed, last year's survey
	 * is published — when the agency served anyone last year. A survey published late clears
	 * it: the finding is what is still to do. */
	{"survey-missing",
	 "SELECT y, y, y, printf('%04d-', y + 1) || :survey_deadline,"
	 "  CASE WHEN EXISTS (SELECT 1 FROM survey_campaigns s WHERE s.year = y)"
	 "    THEN '' ELSE ' (charte survey open --year ' || y || ')' END"
	 " FROM (SELECT CAST(strftime('%Y', :today) AS INTEGER) - 1 AS y)"
	 " WHERE :today > printf('%04d-', y + 1) || :survey_deadline"
	 "   AND NOT EXISTS (SELECT 1 FROM survey_campaigns s"
	 "                   WHERE s.year = y AND s.published_on IS NOT NULL)"
	 "   AND EXISTS (" SURVEY_SERVED("y") ")"},
	{NULL, NULL},
};

int db_survey_campaign_insert(db *d, int year, cday on, const char *by,
			      const survey_question *q, size_t nq, cerr *e)
{
	sqlite3_stmt *st = db_prep(
		d, "INSERT INTO survey_campaigns(year, opened_on, opened_by) VALUES (?, ?, ?)", e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, year);
	bind_day(st, 2, on);
	bind_text(st, 3, by);
	int r = db_run(d, st, e);
	for (size_t i = 0; !r && i < nq; i++) {
		st = db_prep(d,
			     "INSERT INTO survey_questions(year, position, code, text_fr, text_en)"
			     " VALUES (?, ?, ?, ?, ?)",
			     e);
		if (!st)
			return ST_DB;
		bind_int(st, 1, year);
		bind_int(st, 2, (int64_t)i + 1);
		bind_text(st, 3, q[i].code);
		bind_text(st, 4, q[i].text_fr);
		bind_text(st, 5, q[i].text_en);
		r = db_run(d, st, e);
	}
	return r;
}

int db_survey_add_served(db *d, int year, int64_t *added, cerr *e)
{
	*added = 0;
	sqlite3_stmt *st = db_prep(d,
				   "INSERT INTO survey_clients(year, client_id)"
				   " SELECT :year, client_id FROM (" SURVEY_SERVED(":year") ")"
				   " WHERE true ORDER BY client_id"
				   " ON CONFLICT (year, client_id) DO NOTHING",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, year);
	int r = db_run(d, st, e);
	if (!r)
		*added = sqlite3_changes(d->h);
	return r;
}

int db_survey_served_count(db *d, int year, int64_t *n, cerr *e)
{
	*n = 0;
	sqlite3_stmt *st = db_prep(d, "SELECT count(*) FROM (" SURVEY_SERVED(":year") ")", e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, year);
	return db_row(d, st, db_read_ints, n, e);
}

#define CAMPAIGN_COLS                                                                        \
	"s.year, s.opened_on, s.opened_by, s.published_on, s.published_by,"                  \
	" (SELECT count(*) FROM survey_clients c WHERE c.year = s.year),"                    \
	" (SELECT count(*) FROM survey_clients c WHERE c.year = s.year AND c.answers IS NOT NULL)," \
	" (SELECT count(*) FROM survey_questions q WHERE q.year = s.year)"

static void campaign_from_row(sqlite3_stmt *st, void *row)
{
	survey_campaign *c = row;
	survey_campaign_init(c);
	c->year = (int)col_int(st, 0);
	c->opened_on = col_day(st, 1);
	c->opened_by = col_text(st, 2);
	c->published_on = col_day(st, 3);
	c->published_by = col_text(st, 4);
	c->asked = col_int(st, 5);
	c->answered = col_int(st, 6);
	c->nquestions = (int)col_int(st, 7);
}

int db_survey_campaign_get(db *d, int year, survey_campaign *out, cerr *e)
{
	int r = db_row_id(d, "SELECT " CAMPAIGN_COLS " FROM survey_campaigns s WHERE s.year = ?",
	                  year, campaign_from_row, out, e);
	if (r == ST_NOT_FOUND)
		return err_set(e, ST_NOT_FOUND, "year",
		               _("no survey for %d: open it with charte survey open --year %d"),
		               year, year);
	return r;
}

int db_survey_campaigns(db *d, survey_campaign **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(
		d, "SELECT " CAMPAIGN_COLS " FROM survey_campaigns s ORDER BY s.year DESC", e);
	if (!st)
		return ST_DB;
	return db_rows(d, st, sizeof **rows, campaign_from_row, rows, n, e);
}

static void question_from_row(sqlite3_stmt *st, void *row)
{
	survey_question *q = row;
	q->code = col_text(st, 0);
	q->text_fr = col_text(st, 1);
	q->text_en = col_text(st, 2);
}

int db_survey_questions(db *d, int year, survey_question **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(d,
				   "SELECT code, text_fr, text_en FROM survey_questions"
				   " WHERE year = ? ORDER BY position",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, year);
	return db_rows(d, st, sizeof **rows, question_from_row, rows, n, e);
}

int db_survey_publish(db *d, int year, cday on, const char *by, cerr *e)
{
	sqlite3_stmt *st = db_prep(
		d, "UPDATE survey_campaigns SET published_on = ?, published_by = ? WHERE year = ?", e);
	if (!st)
		return ST_DB;
	bind_day(st, 1, on);
	bind_text(st, 2, by);
	bind_int(st, 3, year);
	return db_run(d, st, e);
}

/* ---- the clients asked ---- */

#define REPLY_COLS                                                                           \
	"s.year, s.client_id, trim(c.name || ' ' || c.first_name), c.name_key, c.first_key,"     \
	" s.answers, s.comment, s.entered_by, s.entered_at"

static void reply_from_row(sqlite3_stmt *st, void *row)
{
	survey_reply *r = row;
	survey_reply_init(r);
	r->year = (int)col_int(st, 0);
	r->client_id = col_int(st, 1);
	r->client_name = col_text(st, 2);
	r->name_key = col_text(st, 3);
	r->first_key = col_text(st, 4);
	r->answers = col_text(st, 5);
	r->comment = col_text(st, 6);
	r->entered_by = col_text(st, 7);
	r->entered_at = col_minute(st, 8);
}

/* A client the campaign of that year did not ask. */
static int not_asked(cerr *e, int64_t client_id, int year)
{
	return err_set(
	    e, ST_NOT_FOUND, "client",
	    _("%lld is not among the clients asked by the survey of %d (those served that "
	      "year)"),
	    (long long)client_id, year);
}

int db_survey_reply_get(db *d, int year, int64_t client_id, survey_reply *out, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "SELECT " REPLY_COLS " FROM survey_clients s"
				   " JOIN clients c ON c.id = s.client_id"
				   " WHERE s.year = ? AND s.client_id = ?",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, year);
	bind_int(st, 2, client_id);
	int r = db_row(d, st, reply_from_row, out, e);
	return r == ST_NOT_FOUND ? not_asked(e, client_id, year) : r;
}

int db_survey_reply_set(db *d, const survey_reply *r, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "UPDATE survey_clients SET answers = ?, comment = ?,"
				   " entered_by = ?, entered_at = ? WHERE year = ? AND client_id = ?",
				   e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, r->answers);
	bind_text(st, 2, r->comment ? r->comment : "");
	bind_text(st, 3, r->entered_by);
	bind_minute(st, 4, r->entered_at);
	bind_int(st, 5, r->year);
	bind_int(st, 6, r->client_id);
	int changed = db_change(d, st, e);
	return changed == ST_NOT_FOUND ? not_asked(e, r->client_id, r->year) : changed;
}

enum { F_YEAR, F_SEARCH, F_COUNT };

static const char *const reply_filters[F_COUNT] = {
	[F_YEAR] = "s.year = :year",
	[F_SEARCH] = "c.id IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH :q)",
};

static unsigned filters_set(const void *filter)
{
	const survey_reply_filter *f = filter;
	char *q = db_fts_query(f->search);
	unsigned set = 1u << F_YEAR | (q != NULL) << F_SEARCH;
	free(q);
	return set;
}

static void bind_filter(sqlite3_stmt *st, const void *filter)
{
	const survey_reply_filter *f = filter;
	int i;
	if ((i = db_bind_index(st, ":year")))
		bind_int(st, i, f->year);
	if ((i = db_bind_index(st, ":q"))) {
		char *q = db_fts_query(f->search);
		bind_text(st, i, q);
		free(q);
	}
}

static void bind_key(sqlite3_stmt *st, const int *param, const void *row)
{
	const survey_reply *r = row;
	bind_text(st, param[0], r->name_key ? r->name_key : "");
	bind_text(st, param[1], r->first_key ? r->first_key : "");
	bind_int(st, param[2], r->client_id);
}

static void free_reply(void *row)
{
	survey_reply_free(row);
}

/* The clients asked, by name as every list of clients (clients_by_name, each probing the
 * campaign's unique (year, client_id)). */
static const db_listing replies_by_name = {
	.select = "SELECT " REPLY_COLS " FROM clients c"
		  " JOIN survey_clients s ON s.client_id = c.id",
	.key = {"c.name_key", "c.first_key", "c.id"},
	.filters = reply_filters,
	.nfilters = F_COUNT,
	.set = filters_set,
	.bind = bind_filter,
	.bind_key = bind_key,
	.row_size = sizeof(survey_reply),
	.read = reply_from_row,
	.free_row = free_reply,
};

DB_LISTING_PAGE(survey_replies, survey_reply, survey_reply_filter, replies_by_name)

int db_survey_answers_each(db *d, int year,
			   int (*fn)(const char *answers, const char *comment, void *arg),
			   void *arg, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "SELECT answers, comment FROM survey_clients"
				   " WHERE year = ? AND answers IS NOT NULL ORDER BY id",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, year);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn((const char *)sqlite3_column_text(st, 0),
		       (const char *)sqlite3_column_text(st, 1), arg))
			break;
	int r = rc == SQLITE_DONE || rc == SQLITE_ROW ? ST_OK : db_fail(d, e);
	sqlite3_reset(st);
	return r;
}
