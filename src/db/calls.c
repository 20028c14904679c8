/* calls.c — the call log in storage: insert, update, get, keyset pages, dashboard lists. */
#include "dbint.h"

#include <stdlib.h>
#include <string.h>

#include "charte/calendar.h"
#include "charte/db_calls.h"
#include "charte/db_findings.h"
#include "charte/db_clients.h"

/* The calls in the client's history (db_client_history). */
const db_history_source db_call_history_sources[] = {
	{"calls", "call", "call",
	 "SELECT at, id, id, caller, " STAFF_NAME("calls.taken_by") ", subject"
	 " FROM calls WHERE client_id = :id AND cancelled = 0"},
	{NULL, NULL, NULL, NULL},
};

/* This area's charter findings: one query per slug (db/findings.c runs them). */
const db_finding_query db_call_findings[] = {
	{"callback-overdue",
	 "SELECT id, id, caller, due, coalesce(phone, '-') FROM calls"
	 " WHERE callback = 1 AND called_back_at IS NULL AND cancelled = 0 AND due < :now"
	 " ORDER BY due, id"},
	{"documentation-not-sent",
	 "SELECT id, id, caller, doc_due, '' FROM calls"
	 " WHERE documentation = 1 AND doc_sent_at IS NULL AND cancelled = 0 AND doc_due < :now"
	 " ORDER BY doc_due, id"},
	{NULL, NULL},
};

#define CALL_COLS                                                                              \
	"c.id, c.at, c.caller, c.phone, c.subject, c.taken_by, c.client_id, c.answered, "      \
	"c.voicemail, c.callback, c.due, c.called_back_at, c.callback_note, c.documentation, " \
	"c.doc_due, c.doc_sent_at, c.cancelled, c.cancel_reason"


static void call_from_row(sqlite3_stmt *st, void *row)
{
	call *c = row;
	call_init(c);
	c->id = col_int(st, 0);
	c->at = col_minute(st, 1);
	c->caller = col_text(st, 2);
	c->phone = col_text(st, 3);
	c->subject = col_text(st, 4);
	c->taken_by = col_text(st, 5);
	c->client_id = col_int(st, 6);
	c->answered = col_int(st, 7);
	c->voicemail = col_int(st, 8);
	c->callback = col_int(st, 9);
	c->due = col_minute(st, 10);
	c->called_back_at = col_minute(st, 11);
	c->callback_note = col_text(st, 12);
	c->documentation = col_int(st, 13);
	c->doc_due = col_minute(st, 14);
	c->doc_sent_at = col_minute(st, 15);
	c->cancelled = col_int(st, 16);
	c->cancel_reason = col_text(st, 17);
}

/* Bind the 17 stored fields (all but id) from parameter 1. */
static void bind_call(sqlite3_stmt *st, const call *c)
{
	bind_minute(st, 1, c->at);
	bind_text(st, 2, c->caller);
	bind_text(st, 3, c->phone);
	bind_text(st, 4, c->subject ? c->subject : "");
	bind_text(st, 5, c->taken_by);
	bind_id(st, 6, c->client_id);
	bind_int(st, 7, c->answered);
	bind_int(st, 8, c->voicemail);
	bind_int(st, 9, c->callback);
	bind_minute(st, 10, c->due);
	bind_minute(st, 11, c->called_back_at);
	bind_text(st, 12, c->callback_note);
	bind_int(st, 13, c->documentation);
	bind_minute(st, 14, c->doc_due);
	bind_minute(st, 15, c->doc_sent_at);
	bind_int(st, 16, c->cancelled);
	bind_text(st, 17, c->cancel_reason);
}

static const char insert_sql[] =
	"INSERT INTO calls(at, caller, phone, subject, taken_by, client_id, answered, voicemail, "
	"callback, due, called_back_at, callback_note, documentation, doc_due, doc_sent_at, "
	"cancelled, cancel_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

int db_call_insert(db *d, call *c, cerr *e)
{
	sqlite3_stmt *st = db_prep(d, insert_sql, e);
	if (!st)
		return ST_DB;
	bind_call(st, c);
	return db_insert(d, st, &c->id, e);
}

int db_call_insert_bulk(db *d, call *c, cerr *e)
{
	sqlite3_stmt *st = db_prep(d, insert_sql, e);
	if (!st)
		return ST_DB;
	bind_call(st, c);
	if (sqlite3_step(st) != SQLITE_DONE) {
		/* The one refusal the importer cannot see before: a client number that is not
		 * in the file. */
		int r = sqlite3_extended_errcode(d->h) == SQLITE_CONSTRAINT_FOREIGNKEY
				? err_set(e, ST_INVALID, "client_id", _("no client has this number"))
				: db_fail(d, e);
		sqlite3_reset(st);
		return r;
	}
	sqlite3_reset(st);
	c->id = sqlite3_last_insert_rowid(d->h);
	return ST_OK;
}

int db_call_update(db *d, const call *c, cerr *e)
{
	sqlite3_stmt *st = db_prep(
		d,
		"UPDATE calls SET at = ?1, caller = ?2, phone = ?3, subject = ?4, taken_by = ?5, "
		"client_id = ?6, answered = ?7, voicemail = ?8, callback = ?9, due = ?10, "
		"called_back_at = ?11, callback_note = ?12, documentation = ?13, doc_due = ?14, "
		"doc_sent_at = ?15, cancelled = ?16, cancel_reason = ?17 WHERE id = ?18",
		e);
	if (!st)
		return ST_DB;
	bind_call(st, c);
	bind_int(st, 18, c->id);
	int r = db_change(d, st, e);
	return db_missing(r, e, "id", _("no call %lld"), c->id);
}

int db_call_get(db *d, int64_t id, call *out, cerr *e)
{
	int r = db_row_id(d, "SELECT " CALL_COLS " FROM calls c WHERE c.id = ?", id, call_from_row,
	                  out, e);
	return db_missing(r, e, "id", _("no call %lld"), id);
}

/* ---- the listing ---- */

enum {
	F_NOT_CANCELLED,
	F_OPEN,
	F_OVERDUE,
	F_VOICEMAIL,
	F_DOCS,
	F_FROM,
	F_TO,
	F_CLIENT,
	F_SEARCH,
	F_COUNT
};

/* The Open, Overdue and Documentation filters are the WHERE of partial indexes ordered by
 * (at, id) (schema.c, version 4), so that their pages read only their rows. */
#define CALL_FILTERS(search)                                                                   \
	{                                                                                      \
		[F_NOT_CANCELLED] = "c.cancelled = 0",                                         \
		[F_OPEN] = "c.callback = 1 AND c.called_back_at IS NULL AND c.cancelled = 0",  \
		[F_OVERDUE] = "c.due < :now",                                                  \
		[F_VOICEMAIL] = "c.voicemail = 1",                                             \
		[F_DOCS] = "c.documentation = 1 AND c.doc_sent_at IS NULL AND c.cancelled = 0", \
		[F_FROM] = "c.at >= :from",                                                    \
		[F_TO] = "c.at < :to",                                                         \
		[F_CLIENT] = "c.client_id = :client",                                          \
		[F_SEARCH] = search,                                                           \
	}
static const char *const by_time_filters[F_COUNT] =
	CALL_FILTERS("c.id IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH :q)");
static const char *const by_search_filters[F_COUNT] = CALL_FILTERS("calls_fts MATCH :q");

static unsigned filters_set(const void *filter)
{
	const call_filter *f = filter;
	char *q = db_fts_query(f->search);
	unsigned set = (!f->with_cancelled) << F_NOT_CANCELLED |
		       (f->open || f->overdue) << F_OPEN | f->overdue << F_OVERDUE |
		       f->voicemail << F_VOICEMAIL | f->docs << F_DOCS |
		       (f->from != NO_DAY) << F_FROM | (f->to != NO_DAY) << F_TO |
		       (f->client_id != 0) << F_CLIENT | (q != NULL) << F_SEARCH;
	free(q);
	return set;
}

static void bind_filter(sqlite3_stmt *st, const void *filter)
{
	const call_filter *f = filter;
	int i;
	if ((i = db_bind_index(st, ":now")))
		bind_minute(st, i, f->now);
	if ((i = db_bind_index(st, ":from")))
		bind_minute(st, i, cal_at(f->from, 0));
	if ((i = db_bind_index(st, ":to")))
		bind_minute(st, i, cal_at(f->to + 1, 0));
	if ((i = db_bind_index(st, ":client")))
		bind_int(st, i, f->client_id);
	if ((i = db_bind_index(st, ":q"))) {
		char *q = db_fts_query(f->search);
		bind_text(st, i, q);
		free(q);
	}
}

static void free_call(void *row)
{
	call_free(row);
}

static void bind_time_key(sqlite3_stmt *st, const int *param, const void *row)
{
	const call *c = row;
	bind_minute(st, param[0], c->at);
	bind_int(st, param[1], c->id);
}

static void bind_id_key(sqlite3_stmt *st, const int *param, const void *row)
{
	bind_int(st, param[0], ((const call *)row)->id);
}

/* The call log by time, newest first. */
static const db_listing calls_by_time = {
	.select = "SELECT " CALL_COLS " FROM calls c",
	.key = {"c.at", "c.id"},
	.descending = true,
	.filters = by_time_filters,
	.nfilters = F_COUNT,
	.set = filters_set,
	.bind = bind_filter,
	.bind_key = bind_time_key,
	.row_size = sizeof(call),
	.read = call_from_row,
	.free_row = free_call,
};

/* A search pages in the order calls were logged (newest first), which the FTS index gives
 * without sorting its matches: a prefix that matches most of a million calls stays fast. Calls
 * are logged as they come (never in the future), so this is the time order but for calls typed
 * in late or imported. */
static const db_listing calls_by_search = {
	.select = "SELECT " CALL_COLS " FROM calls_fts f JOIN calls c ON c.id = f.rowid",
	.key = {"f.rowid"},
	.descending = true,
	.filters = by_search_filters,
	.nfilters = F_COUNT,
	.set = filters_set,
	.bind = bind_filter,
	.bind_key = bind_id_key,
	.row_size = sizeof(call),
	.read = call_from_row,
	.free_row = free_call,
};

int db_calls_page(db *d, const call_filter *f, const call *from, bool backward, int limit,
		  call **rows, size_t *n, cerr *e)
{
	char *q = db_fts_query(f->search);
	const db_listing *l = q ? &calls_by_search : &calls_by_time;
	free(q);
	return db_list_page(d, l, f, from, backward, limit, rows, n, e);
}

DB_LISTING_EACH(calls, call, call_filter, calls_by_time)

int db_calls_overdue(db *d, cminute now, int limit, call **rows, size_t *n, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "SELECT " CALL_COLS " FROM calls c WHERE c.callback = 1 AND "
				   "c.called_back_at IS NULL AND c.cancelled = 0 AND c.due < ? "
				   "ORDER BY c.due LIMIT ?",
				   e);
	if (!st)
		return ST_DB;
	bind_minute(st, 1, now);
	bind_int(st, 2, limit);
	return db_rows(d, st, sizeof **rows, call_from_row, rows, n, e);
}

int db_calls_due_between(db *d, cminute from, cminute to, int limit, call **rows, size_t *n,
			 cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "SELECT " CALL_COLS " FROM calls c WHERE c.callback = 1 AND "
				   "c.called_back_at IS NULL AND c.cancelled = 0 AND c.due >= ? "
				   "AND c.due < ? ORDER BY c.due LIMIT ?",
				   e);
	if (!st)
		return ST_DB;
	bind_minute(st, 1, from);
	bind_minute(st, 2, to);
	bind_int(st, 3, limit);
	return db_rows(d, st, sizeof **rows, call_from_row, rows, n, e);
}

int db_calls_docs_pending(db *d, int limit, call **rows, size_t *n, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "SELECT " CALL_COLS " FROM calls c WHERE c.documentation = 1 "
				   "AND c.doc_sent_at IS NULL AND c.cancelled = 0 "
				   "ORDER BY c.doc_due LIMIT ?",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, limit);
	return db_rows(d, st, sizeof **rows, call_from_row, rows, n, e);
}

/* ---- callback attempts with no answer ---- */

int db_call_attempt_insert(db *d, callback_attempt *t, cerr *e)
{
	sqlite3_stmt *st = db_prep(
		d, "INSERT INTO call_attempts(call_id, at, note, by) VALUES (?, ?, ?, ?)", e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, t->call_id);
	bind_minute(st, 2, t->at);
	bind_text(st, 3, t->note ? t->note : "");
	bind_text(st, 4, t->by);
	return db_insert(d, st, &t->id, e);
}

static void read_attempt(sqlite3_stmt *st, void *row)
{
	callback_attempt *t = row;
	call_attempt_init(t);
	t->id = col_int(st, 0);
	t->call_id = col_int(st, 1);
	t->at = col_minute(st, 2);
	t->note = col_text(st, 3);
	if (!t->note)
		t->note = xstrdup("");
	t->by = col_text(st, 4);
}

int db_call_attempts(db *d, int64_t call_id, callback_attempt **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(d,
				   "SELECT id, call_id, at, note, by FROM call_attempts"
				   " WHERE call_id = ? ORDER BY at, id",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, call_id);
	int r = db_rows(d, st, sizeof **rows, read_attempt, rows, n, e);
	if (r) {
		call_attempts_free(*rows, *n);
		*rows = NULL;
		*n = 0;
	}
	return r;
}
