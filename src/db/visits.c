/* visits.c — visits in storage: insert, update, get, one listing in start order read by index
 * range, what the planning checks and generation ask, R5 and R4 cancellations, punctuality, the
 * visits in a client's history and the queries of the visits' charter findings. */
#include "dbint.h"

#include <stdlib.h>
#include <string.h>

#include "charte/db_clients.h"
#include "charte/db_findings.h"
#include "charte/db_offer.h"
#include "charte/db_visits.h"

/* ---- expressions shared by the checks and the findings ---- */

/* The first skill the worker of `w` lacks among those a visit of line `l` of contract `k`
 * requires: the line's service (a line with a free label has none) and the contract's own. */
#define LACKED_SKILL(w, l, k)                                                                      \
	MISSING_SKILL(w ".skills", "coalesce(" l ".service_code, '') || ',' || " k ".skills")
/* The visits the rules of the present read: from a week ago on (an index range by start). */
#define RECENT_VISITS "v.starts >= date(:today, '-7 days')"

/* This area's charter findings (db/findings.c runs them). */
const db_finding_query db_visit_findings[] = {
	/* O5: a worker with two visits at once, neither cancelled: reported on the later-made
	 * one, naming the other. Materialized: a subquery in FROM would be flattened and its
	 * probe (visits_live_by_worker) run twice a visit, for the WHERE and for the column. */
	{"schedule-conflict",
	 "WITH v AS MATERIALIZED ("
	 " SELECT v.id, v.worker_id, v.starts, (SELECT min(o.id) FROM visits o"
	 "  WHERE o.worker_id = v.worker_id AND o.starts > strftime('%Y-%m-%d %H:%M', v.starts,"
	 "  '-1 day') AND o.starts < v.ends AND o.ends > v.starts AND o.id < v.id"
	 "  AND o.status <> 'cancelled') AS o"
	 " FROM visits v WHERE " RECENT_VISITS " AND v.status <> 'cancelled'"
	 " AND v.worker_id IS NOT NULL)"
	 " SELECT v.id, v.id, w.name, v.starts, o FROM v JOIN workers w ON w.id = v.worker_id"
	 " WHERE o IS NOT NULL ORDER BY v.starts, v.id"},
	/* O5: a visit whose worker lacks a skill the contract requires (the service the visit
	 * delivers, or one the contract names), or comes outside their weekly availability.
	 * c: "skill:CODE" or "availability" (worded by core). */
	{"worker-mismatch",
	 "SELECT id, id, name, starts, CASE WHEN lacked IS NOT NULL THEN 'skill:' || lacked"
	 " ELSE 'availability' END FROM ("
	 " SELECT v.id, w.name, v.starts, " LACKED_SKILL("w", "l", "k") " AS lacked,"
	 "  " AVAILABLE("w.id", "v.starts", "v.ends") " AS available"
	 " FROM visits v JOIN workers w ON w.id = v.worker_id"
	 " JOIN contract_lines l ON l.id = v.line_id JOIN contracts k ON k.id = v.contract_id"
	 " WHERE " RECENT_VISITS " AND v.status <> 'cancelled')"
	 " WHERE lacked IS NOT NULL OR NOT available ORDER BY starts, id"},
	/* O7 (R4): a contract signed away from the agency, without the client's express request,
	 * with a visit (not cancelled) on or before the last day of its withdrawal period; the
	 * contracts whose period ended in the last three months or is running. */
	{"withdrawal-breach",
	 "SELECT k.id, k.number, trim(c.name || ' ' || c.first_name), first, k.withdrawal_end FROM ("
	 " SELECT k.id, k.number, k.client_id, k.withdrawal_end,"
	 "  (SELECT min(v.starts) FROM visits v WHERE v.contract_id = k.id"
	 "   AND v.starts < date(k.withdrawal_end, '+1 day') AND v.status <> 'cancelled') AS first"
	 " FROM contracts k WHERE k.withdrawal_end >= date(:today, '-3 months')"
	 " AND k.withdrawal_end IS NOT NULL AND k.express_start = 0) k"
	 " JOIN clients c ON c.id = k.client_id WHERE first IS NOT NULL"
	 " ORDER BY k.withdrawal_end, k.id"},
	{NULL, NULL},
};

/* The visits in the client's history (db_client_history), past and planned. */
#define HISTORY_VISIT(status)                                                                      \
	"SELECT v.starts, k.number, v.id, l.label, coalesce(w.name, 'no worker yet'),"                 \
	" coalesce(v.cancel_reason, '')"                                                            \
	" FROM visits v JOIN contracts k ON k.id = v.contract_id"                                   \
	" JOIN contract_lines l ON l.id = v.line_id LEFT JOIN workers w ON w.id = v.worker_id"      \
	" WHERE v.client_id = :id AND v.status = '" status "'"
const db_history_source db_visit_history_sources[] = {
	{"visits", "visit", "planned", HISTORY_VISIT("planned")},
	{"visits", "visit", "done", HISTORY_VISIT("done")},
	{"visits", "visit", "cancelled", HISTORY_VISIT("cancelled")},
	{"visits", "visit", "missed", HISTORY_VISIT("missed")},
	{NULL, NULL, NULL, NULL},
};

/* ---- rows ---- */

#define VISIT_COLS                                                                                 \
	"v.id, v.contract_id, v.client_id, v.line_id, v.worker_id, v.starts, v.ends, v.status, "    \
	"v.cancel_reason, v.arrived_at, v.left_at, v.replaced_worker_id, v.forced, v.slot_id, "     \
	"v.slot_week, v.created_at, v.created_by, k.number, trim(c.name || ' ' || c.first_name), "  \
	"w.name, l.service_code, l.label"
#define VISIT_FROM                                                                                 \
	" FROM visits v JOIN contracts k ON k.id = v.contract_id"                                   \
	" JOIN clients c ON c.id = v.client_id JOIN contract_lines l ON l.id = v.line_id"           \
	" LEFT JOIN workers w ON w.id = v.worker_id"

static void visit_from_row(sqlite3_stmt *st, void *row)
{
	visit *v = row;
	visit_init(v);
	v->id = col_int(st, 0);
	v->contract_id = col_int(st, 1);
	v->client_id = col_int(st, 2);
	v->line_id = col_int(st, 3);
	v->worker_id = col_int(st, 4);
	v->starts = col_minute(st, 5);
	v->ends = col_minute(st, 6);
	v->status = col_enum(st, 7, &visit_statuses);
	v->cancel_reason = col_text(st, 8);
	v->arrived_at = col_minute(st, 9);
	v->left_at = col_minute(st, 10);
	v->replaced_worker_id = col_int(st, 11);
	v->forced = col_text(st, 12);
	v->slot_id = col_int(st, 13);
	v->slot_week = col_day(st, 14);
	v->created_at = col_minute(st, 15);
	v->created_by = col_text(st, 16);
	v->contract_number = col_text(st, 17);
	v->client_name = col_text(st, 18);
	v->worker_name = col_text(st, 19);
	v->service_code = col_text(st, 20);
	v->service_label = col_text(st, 21);
}

/* Parameters 1..14: the stored fields but id, created_at and created_by. */
static void bind_visit(sqlite3_stmt *st, const visit *v)
{
	bind_int(st, 1, v->contract_id);
	bind_int(st, 2, v->client_id);
	bind_int(st, 3, v->line_id);
	bind_id(st, 4, v->worker_id);
	bind_minute(st, 5, v->starts);
	bind_minute(st, 6, v->ends);
	bind_text(st, 7, enum_name(&visit_statuses, v->status));
	bind_text(st, 8, v->status == VISIT_CANCELLED ? v->cancel_reason : NULL);
	bind_minute(st, 9, v->arrived_at);
	bind_minute(st, 10, v->left_at);
	bind_id(st, 11, v->replaced_worker_id);
	bind_text(st, 12, v->forced ? v->forced : "");
	bind_id(st, 13, v->slot_id);
	bind_day(st, 14, v->slot_id ? v->slot_week : NO_DAY);
}

int db_visit_insert(db *d, visit *v, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "INSERT INTO visits(contract_id, client_id, line_id, worker_id, starts, ends, status,"
	    " cancel_reason, arrived_at, left_at, replaced_worker_id, forced, slot_id, slot_week,"
	    " created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	    " ?13, ?14, ?15, ?16)",
	    e);
	if (!st)
		return ST_DB;
	bind_visit(st, v);
	bind_minute(st, 15, v->created_at);
	bind_text(st, 16, v->created_by ? v->created_by : "");
	return db_insert(d, st, &v->id, e);
}

int db_visit_update(db *d, const visit *v, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "UPDATE visits SET contract_id = ?1, client_id = ?2, line_id = ?3, worker_id = ?4,"
	    " starts = ?5, ends = ?6, status = ?7, cancel_reason = ?8, arrived_at = ?9, left_at = ?10,"
	    " replaced_worker_id = ?11, forced = ?12, slot_id = ?13, slot_week = ?14 WHERE id = ?15",
	    e);
	if (!st)
		return ST_DB;
	bind_visit(st, v);
	bind_int(st, 15, v->id);
	int r = db_change(d, st, e);
	return db_missing(r, e, "visit", _("no visit %lld"), v->id);
}

int db_visit_get(db *d, int64_t id, visit *out, cerr *e)
{
	int r = db_row_id(d, "SELECT " VISIT_COLS VISIT_FROM " WHERE v.id = ?", id, visit_from_row,
	                  out, e);
	return db_missing(r, e, "visit", _("no visit %lld"), id);
}

/* ---- the listing ---- */

enum { F_FROM, F_TO, F_WORKER, F_UNCOVERED, F_CLIENT, F_CONTRACT, F_STATUS, F_COUNT };

static const char *const visit_filters[F_COUNT] = {
	[F_FROM] = "v.starts >= :from",
	[F_TO] = "v.starts < :to",
	[F_WORKER] = "v.worker_id = :worker",
	/* Planned, with no worker or a worker absent on a day of it (I2, as visit-uncovered). The
	 * absent workers of the range first, as a list: the read stays two index ranges of
	 * visits_by_worker. */
	[F_UNCOVERED] = "v.status = 'planned' AND (v.worker_id IS NULL OR v.worker_id IN ("
			"SELECT x.worker_id FROM absences x"
			" WHERE x.to_day >= coalesce(substr(:from, 1, 10), '0000-00-00')"
			" AND x.from_day <= coalesce(date(:to, '+1 day'), '9999-12-31'))"
			" AND EXISTS (SELECT 1 FROM absences x WHERE x.worker_id = v.worker_id"
			" AND x.to_day >= substr(v.starts, 1, 10) AND x.from_day <="
			" substr(strftime('%Y-%m-%d %H:%M', v.ends, '-1 minute'), 1, 10)))",
	[F_CLIENT] = "v.client_id = :client",
	[F_CONTRACT] = "v.contract_id = :contract",
	[F_STATUS] = "v.status = :status",
};

static unsigned filters_set(const void *filter)
{
	const visit_filter *f = filter;
	return (f->from != NO_MINUTE) << F_FROM | (f->to != NO_MINUTE) << F_TO |
	       (f->worker_id != 0 && !f->uncovered) << F_WORKER | f->uncovered << F_UNCOVERED |
	       (f->client_id != 0) << F_CLIENT |
	       (f->contract_id != 0) << F_CONTRACT | (f->status != VISIT_STATUS_NONE) << F_STATUS;
}

static void bind_filter(sqlite3_stmt *st, const void *filter)
{
	const visit_filter *f = filter;
	int i;
	if ((i = db_bind_index(st, ":from")))
		bind_minute(st, i, f->from);
	if ((i = db_bind_index(st, ":to")))
		bind_minute(st, i, f->to);
	if ((i = db_bind_index(st, ":worker")))
		bind_int(st, i, f->worker_id);
	if ((i = db_bind_index(st, ":client")))
		bind_int(st, i, f->client_id);
	if ((i = db_bind_index(st, ":contract")))
		bind_int(st, i, f->contract_id);
	if ((i = db_bind_index(st, ":status")))
		bind_text(st, i, enum_name(&visit_statuses, f->status));
}

static void bind_key(sqlite3_stmt *st, const int *param, const void *row)
{
	const visit *v = row;
	bind_minute(st, param[0], v->starts);
	bind_int(st, param[1], v->id);
}

static void free_visit(void *row)
{
	visit_free(row);
}

/* Visits by start and id: a worker's (or the uncovered ones') through visits_by_worker, a client's through
 * visits_by_client, a contract's through visits_by_contract, else visits_by_start. */
static const db_listing visits_by_start = {
	.select = "SELECT " VISIT_COLS VISIT_FROM,
	.key = {"v.starts", "v.id"},
	.filters = visit_filters,
	.nfilters = F_COUNT,
	.set = filters_set,
	.bind = bind_filter,
	.bind_key = bind_key,
	.row_size = sizeof(visit),
	.read = visit_from_row,
	.free_row = free_visit,
};

DB_LISTING_FUNCTIONS(visits, visit, visit_filter, visits_by_start)

/* ---- the planning checks ---- */

/* A worker and the span of a visit as :w, :s and :e. */
static void bind_worker_span(sqlite3_stmt *st, int64_t worker_id, cminute starts, cminute ends)
{
	bind_int(st, db_bind_index(st, ":w"), worker_id);
	bind_minute(st, db_bind_index(st, ":s"), starts);
	bind_minute(st, db_bind_index(st, ":e"), ends);
}

int db_worker_busy(db *d, int64_t worker_id, cminute starts, cminute ends, int64_t except,
		   int64_t *other, cerr *e)
{
	*other = 0;
	/* A visit lasts a day at most: those that may overlap started after the day before. */
	sqlite3_stmt *st = db_prep(d,
				   "SELECT id FROM visits WHERE worker_id = :w"
				   " AND starts > strftime('%Y-%m-%d %H:%M', :s, '-1 day')"
				   " AND starts < :e AND ends > :s AND status <> 'cancelled'"
				   " AND id <> :except ORDER BY starts LIMIT 1",
				   e);
	if (!st)
		return ST_DB;
	bind_worker_span(st, worker_id, starts, ends);
	bind_int(st, db_bind_index(st, ":except"), except);
	return db_row_if(d, st, db_read_ints, other, NULL, e);
}

int db_worker_available(db *d, int64_t worker_id, cminute starts, cminute ends, bool *yes,
			bool *recorded, cerr *e)
{
	*yes = *recorded = false;
	sqlite3_stmt *st = db_prep(d,
				   "SELECT " AVAILABLE(":w", ":s", ":e") ", EXISTS (SELECT 1 FROM"
				   " worker_availability WHERE worker_id = :w)",
				   e);
	if (!st)
		return ST_DB;
	bind_worker_span(st, worker_id, starts, ends);
	int64_t v[2] = {0, 0};
	int r = db_row(d, st, db_read_ints, v, e);
	*yes = v[0] != 0;
	*recorded = v[1] != 0;
	return r;
}

int db_worker_absent(db *d, int64_t worker_id, cday from, cday to, char **kind, cerr *e)
{
	*kind = NULL;
	sqlite3_stmt *st = db_prep(d,
				   "SELECT kind FROM absences WHERE worker_id = :w AND to_day >= :from"
				   " AND from_day <= :to ORDER BY to_day LIMIT 1",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, db_bind_index(st, ":w"), worker_id);
	bind_day(st, db_bind_index(st, ":from"), from);
	bind_day(st, db_bind_index(st, ":to"), to);
	return db_row_if(d, st, db_read_texts, kind, NULL, e);
}

int db_worker_met_client(db *d, int64_t worker_id, int64_t client_id, cday on, bool *met,
			 cerr *e)
{
	*met = false;
	sqlite3_stmt *st = db_prep(d,
				   "SELECT 1 FROM meetings WHERE client_id = ? AND worker_id = ?"
				   " AND met_on <= ? LIMIT 1",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, client_id);
	bind_int(st, 2, worker_id);
	bind_day(st, 3, on);
	return db_row_if(d, st, NULL, NULL, met, e);
}

int db_absence_insert(db *d, int64_t worker_id, cday from, cday to, const char *kind,
		      int64_t *id, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d, "INSERT INTO absences(worker_id, from_day, to_day, kind) VALUES (?, ?, ?, ?)", e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, worker_id);
	bind_day(st, 2, from);
	bind_day(st, 3, to);
	bind_text(st, 4, kind && *kind ? kind : "other");
	return db_insert(d, st, id, e);
}

int db_meeting_insert(db *d, int64_t client_id, int64_t worker_id, cday on, int64_t *id,
		      cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d, "INSERT INTO meetings(client_id, worker_id, met_on) VALUES (?, ?, ?)", e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, client_id);
	bind_int(st, 2, worker_id);
	bind_day(st, 3, on);
	return db_insert(d, st, id, e);
}

int db_visit_line(db *d, int64_t line_id, int64_t *contract_id, char **code, cerr *e)
{
	*contract_id = 0;
	*code = NULL;
	sqlite3_stmt *st =
	    db_prep(d, "SELECT contract_id, service_code FROM contract_lines WHERE id = ?", e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, line_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*contract_id = col_int(st, 0);
		*code = col_text(st, 1);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc == SQLITE_DONE)
		return err_set(e, ST_NOT_FOUND, "service", _("no contract line %lld"),
			       (long long)line_id);
	return db_fail(d, e);
}

/* ---- generation ---- */

int db_recurring_contracts_each(db *d, cday from, cday to,
				int (*fn)(const contract *k, void *arg), void *arg, cerr *e)
{
	/* The ids first: fn writes, and a statement must not stay open over the writes. */
	sqlite3_stmt *st = db_prep(d,
				   "SELECT id FROM contracts WHERE kind = 'recurring'"
				   " AND signed_on IS NOT NULL AND start <= :to AND (status IN"
				   " ('signed', 'active') OR (status = 'ended' AND ended_on >= :from))"
				   " ORDER BY id",
				   e);
	if (!st)
		return ST_DB;
	bind_day(st, db_bind_index(st, ":from"), from);
	bind_day(st, db_bind_index(st, ":to"), to);
	int64_t *ids = NULL;
	size_t n;
	int r = db_rows(d, st, sizeof *ids, db_read_ints, &ids, &n, e);
	for (size_t i = 0; !r && i < n; i++) {
		contract k;
		contract_init(&k);
		r = db_contract_get(d, ids[i], &k, e);
		if (!r && fn(&k, arg))
			r = e && e->code ? e->code : ST_DB;
		contract_free(&k);
	}
	free(ids);
	return r;
}

int db_slot_visits(db *d, int64_t slot_id, cday from_week, cday to_week, visit **rows,
		   size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(d,
				   "SELECT " VISIT_COLS VISIT_FROM " WHERE v.slot_id = ?"
				   " AND v.slot_week BETWEEN ? AND ? ORDER BY v.slot_week",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, slot_id);
	bind_day(st, 2, from_week);
	bind_day(st, 3, to_week);
	return db_rows(d, st, sizeof **rows, visit_from_row, rows, n, e);
}

int db_contract_visits(db *d, int64_t contract_id, cminute from, cminute to, visit **rows,
		       size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(d,
				   "SELECT " VISIT_COLS VISIT_FROM " WHERE v.contract_id = :k"
				   " AND v.starts >= coalesce(:from, '') AND v.starts < coalesce(:to, 'A')"
				   " ORDER BY v.starts, v.id",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, db_bind_index(st, ":k"), contract_id);
	bind_minute(st, db_bind_index(st, ":from"), from);
	bind_minute(st, db_bind_index(st, ":to"), to);
	return db_rows(d, st, sizeof **rows, visit_from_row, rows, n, e);
}

/* ---- punctuality ---- */

int db_punctuality(db *d, int64_t worker_id, cminute from, cminute to, int tolerance,
		   int64_t *arrived, int64_t *late, cerr *e)
{
	*arrived = *late = 0;
	sqlite3_stmt *st = db_prep(
	    d,
	    "SELECT count(arrived_at), coalesce(sum(arrived_at > strftime('%Y-%m-%d %H:%M', starts,"
	    " '+' || :tol || ' minutes')), 0) FROM visits WHERE worker_id = :w"
	    " AND starts >= :from AND starts < :to AND status <> 'cancelled'"
	    " AND arrived_at IS NOT NULL",
	    e);
	if (!st)
		return ST_DB;
	bind_int(st, db_bind_index(st, ":w"), worker_id);
	bind_minute(st, db_bind_index(st, ":from"), from);
	bind_minute(st, db_bind_index(st, ":to"), to);
	bind_int(st, db_bind_index(st, ":tol"), tolerance);
	int64_t v[2] = {0, 0};
	int r = db_row(d, st, db_read_ints, v, e);
	*arrived = v[0];
	*late = v[1];
	return r;
}
