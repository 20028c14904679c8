/* planning.c — first meetings, absences and the liaison notebook in storage, the replacement
 * candidates of a visit, the client's history of meetings and notebook entries, and the queries
 * of the planning's charter findings. Every query on visits reads an index range (by start, by
 * worker then start, by contract then start), never the whole table. */
#include "dbint.h"

#include <stdlib.h>
#include <string.h>

#include "charte/db_clients.h"
#include "charte/db_findings.h"
#include "charte/db_planning.h"
#include "charte/db_visits.h"

#define CLIENT_NAME(c) "trim(" c ".name || ' ' || " c ".first_name)"

/* This area's charter findings (db/findings.c runs them). */
const db_finding_query db_planning_findings[] = {
	/* I2: a visit in the next 14 days, planned, with no worker, or whose worker is absent
	 * that day or comes outside their availability. c: '' (no worker), 'absent' or
	 * 'unavailable' (worded by core). */
	{"visit-uncovered",
	 "SELECT v.id, v.id, " CLIENT_NAME("c") ", v.starts,"
	 " CASE WHEN v.worker_id IS NULL THEN ''"
	 "  WHEN EXISTS (SELECT 1 FROM absences x WHERE x.worker_id = v.worker_id"
	 "   AND x.to_day >= substr(v.starts, 1, 10)"
	 "   AND x.from_day <= substr(strftime('%Y-%m-%d %H:%M', v.ends, '-1 minute'), 1, 10))"
	 "  THEN 'absent:' || w.name ELSE 'unavailable:' || w.name END"
	 " FROM visits v JOIN clients c ON c.id = v.client_id"
	 " LEFT JOIN workers w ON w.id = v.worker_id"
	 " WHERE v.starts >= :today AND v.starts < date(:today, '+14 days')"
	 " AND v.status = 'planned' AND (v.worker_id IS NULL"
	 "  OR EXISTS (SELECT 1 FROM absences x WHERE x.worker_id = v.worker_id"
	 "   AND x.to_day >= substr(v.starts, 1, 10)"
	 "   AND x.from_day <= substr(strftime('%Y-%m-%d %H:%M', v.ends, '-1 minute'), 1, 10))"
	 "  OR NOT " AVAILABLE("v.worker_id", "v.starts", "v.ends") ")"
	 " ORDER BY v.starts, v.id"},
	/* I5: a worker's visits (planned or done, from 31 days ago to 14 days ahead) at a client
	 * they had not met on or before the visit's day: one row a pair, on its first visit. */
	{"first-meeting-missing",
	 "SELECT id, id, wname, cname, starts FROM ("
	 " SELECT v.id AS id, w.name AS wname, " CLIENT_NAME("c") " AS cname,"
	 "  min(v.starts) AS starts FROM visits v JOIN workers w ON w.id = v.worker_id"
	 "  JOIN clients c ON c.id = v.client_id"
	 "  WHERE v.starts >= date(:today, '-31 days') AND v.starts < date(:today, '+15 days')"
	 "  AND v.status IN ('planned', 'done') AND v.worker_id IS NOT NULL"
	 "  AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.client_id = v.client_id"
	 "   AND m.worker_id = v.worker_id AND m.met_on <= substr(v.starts, 1, 10))"
	 "  GROUP BY v.client_id, v.worker_id)"
	 " ORDER BY id"},
	/* I3: an active recurring contract with a visit done in the last 31 days (from 31 days
	 * ago to today) and no notebook entry for its client in that period. */
	{"liaison-missing",
	 "SELECT k.id, k.number, " CLIENT_NAME("c") ", last, ''"
	 " FROM (SELECT k.id, k.number, k.client_id, (SELECT max(v.starts) FROM visits v"
	 "  WHERE v.contract_id = k.id AND v.starts >= date(:today, '-31 days')"
	 "  AND v.starts < date(:today, '+1 day') AND v.status = 'done') AS last"
	 "  FROM contracts k WHERE k.kind = 'recurring' AND k.status IN ('signed', 'active')) k"
	 " JOIN clients c ON c.id = k.client_id"
	 " WHERE last IS NOT NULL AND NOT EXISTS (SELECT 1 FROM notes n"
	 "  WHERE n.client_id = k.client_id AND n.at >= date(:today, '-31 days'))"
	 " ORDER BY k.id"},
	{NULL, NULL},
};

/* The meetings and notebook entries in the client's history. */
const db_history_source db_planning_history_sources[] = {
	{"meetings", "meeting", "held",
	 "SELECT m.met_on, '', m.id, w.name, " STAFF_NAME("m.representative") ","
	 " coalesce(m.request, '') FROM meetings m JOIN workers w ON w.id = m.worker_id"
	 " WHERE m.client_id = :id"},
	{"notes", "note", "written",
	 "SELECT n.at, '', n.id, CASE n.author_kind WHEN 'worker' THEN coalesce((SELECT w.name"
	 " FROM workers w WHERE w.id = CAST(n.author AS INTEGER)), n.author)"
	 " ELSE " STAFF_NAME("n.author") " END, n.text, ''"
	 " FROM notes n WHERE n.client_id = :id"},
	{NULL, NULL, NULL, NULL},
};

/* ---- meetings ---- */

#define MEETING_COLS                                                                               \
	"SELECT m.id, m.client_id, m.worker_id, m.met_on, m.representative, m.service, m.request,"  \
	" m.forbidden_zones, m.signed_on, " CLIENT_NAME("c") ", w.name FROM meetings m"              \
	" JOIN clients c ON c.id = m.client_id JOIN workers w ON w.id = m.worker_id"

static void read_meeting(sqlite3_stmt *st, void *row)
{
	meeting *m = row;
	meeting_init(m);
	m->id = col_int(st, 0);
	m->client_id = col_int(st, 1);
	m->worker_id = col_int(st, 2);
	m->met_on = col_day(st, 3);
	m->representative = col_text(st, 4);
	m->service = col_text(st, 5);
	m->request = col_text(st, 6);
	m->forbidden_zones = col_text(st, 7);
	m->signed_on = col_day(st, 8);
	m->client_name = col_text(st, 9);
	m->worker_name = col_text(st, 10);
}

int db_meeting_add(db *d, meeting *m, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "INSERT INTO meetings(client_id, worker_id, met_on, representative, service, request,"
	    " forbidden_zones, signed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	    e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, m->client_id);
	bind_int(st, 2, m->worker_id);
	bind_day(st, 3, m->met_on);
	bind_text(st, 4, m->representative);
	bind_text(st, 5, m->service);
	bind_text(st, 6, m->request);
	bind_text(st, 7, m->forbidden_zones);
	bind_day(st, 8, m->signed_on);
	return db_insert(d, st, &m->id, e);
}

int db_meetings_list(db *d, int64_t client_id, int64_t worker_id, meeting **rows, size_t *n,
		     cerr *e)
{
	/* By client (meetings_by_pair), by worker (meetings_by_worker), or all. */
	sqlite3_stmt *st =
	    client_id ? db_prep(d, MEETING_COLS " WHERE m.client_id = :c AND (:w = 0 OR"
				   " m.worker_id = :w) ORDER BY m.met_on, m.id", e)
	    : worker_id ? db_prep(d, MEETING_COLS " WHERE m.worker_id = :w ORDER BY m.met_on, m.id",
				  e)
			: db_prep(d, MEETING_COLS " ORDER BY m.met_on, m.id", e);
	if (!st)
		return ST_DB;
	int i;
	if ((i = db_bind_index(st, ":c")))
		bind_int(st, i, client_id);
	if ((i = db_bind_index(st, ":w")))
		bind_int(st, i, worker_id);
	return db_rows(d, st, sizeof **rows, read_meeting, rows, n, e);
}

/* ---- absences ---- */

static void read_absence(sqlite3_stmt *st, void *row)
{
	absence *x = row;
	absence_init(x);
	x->id = col_int(st, 0);
	x->worker_id = col_int(st, 1);
	x->from_day = col_day(st, 2);
	x->to_day = col_day(st, 3);
	x->kind = col_text(st, 4);
	x->note = col_text(st, 5);
	x->worker_name = col_text(st, 6);
}

int db_absence_add(db *d, absence *x, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d, "INSERT INTO absences(worker_id, from_day, to_day, kind, note) VALUES (?, ?, ?, ?, ?)",
	    e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, x->worker_id);
	bind_day(st, 2, x->from_day);
	bind_day(st, 3, x->to_day);
	bind_text(st, 4, x->kind && *x->kind ? x->kind : "other");
	bind_text(st, 5, x->note);
	return db_insert(d, st, &x->id, e);
}

int db_absences_list(db *d, int64_t worker_id, cday since, absence **rows, size_t *n, cerr *e)
{
	/* A worker's through absences_by_worker, everyone's through absences_by_day. */
	sqlite3_stmt *st =
	    worker_id
		? db_prep(d,
			  "SELECT x.id, x.worker_id, x.from_day, x.to_day, x.kind, x.note, w.name"
			  " FROM absences x JOIN workers w ON w.id = x.worker_id"
			  " WHERE x.worker_id = :w AND x.to_day >= coalesce(:since, '')"
			  " ORDER BY x.to_day DESC, x.id DESC",
			  e)
		: db_prep(d,
			  "SELECT x.id, x.worker_id, x.from_day, x.to_day, x.kind, x.note, w.name"
			  " FROM absences x JOIN workers w ON w.id = x.worker_id"
			  " WHERE x.to_day >= coalesce(:since, '') ORDER BY x.to_day DESC, x.id DESC",
			  e);
	if (!st)
		return ST_DB;
	int i;
	if ((i = db_bind_index(st, ":w")))
		bind_int(st, i, worker_id);
	bind_day(st, db_bind_index(st, ":since"), since);
	return db_rows(d, st, sizeof **rows, read_absence, rows, n, e);
}

/* ---- notes ---- */

static void read_note(sqlite3_stmt *st, void *row)
{
	note_entry *n = row;
	note_init(n);
	n->id = col_int(st, 0);
	n->client_id = col_int(st, 1);
	n->at = col_minute(st, 2);
	n->by_worker = !strcmp((const char *)sqlite3_column_text(st, 3), "worker");
	n->author = col_text(st, 4);
	n->text = col_text(st, 5);
	n->visit_id = col_int(st, 6);
	n->author_name = col_text(st, 7);
}

int db_note_add(db *d, note_entry *n, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "INSERT INTO notes(client_id, at, author_kind, author, text,"
				   " visit_id) VALUES (?, ?, ?, ?, ?, ?)",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, n->client_id);
	bind_minute(st, 2, n->at);
	bind_text(st, 3, n->by_worker ? "worker" : "staff");
	bind_text(st, 4, n->author);
	bind_text(st, 5, n->text);
	bind_id(st, 6, n->visit_id);
	return db_insert(d, st, &n->id, e);
}

int db_notes_list(db *d, int64_t client_id, note_entry **rows, size_t *n, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "SELECT n.id, n.client_id, n.at, n.author_kind, n.author, n.text, n.visit_id,"
	    " CASE n.author_kind WHEN 'worker' THEN coalesce((SELECT w.name FROM workers w"
	    " WHERE w.id = CAST(n.author AS INTEGER)), n.author) ELSE " STAFF_NAME("n.author")
	    " END FROM notes n WHERE n.client_id = ? ORDER BY n.at DESC, n.id DESC",
	    e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, client_id);
	return db_rows(d, st, sizeof **rows, read_note, rows, n, e);
}

/* ---- uncovered visits and candidates ---- */

int db_worker_visits_between(db *d, int64_t worker_id, cday from, cday to, visit **rows,
			     size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	/* The ids by visits_by_worker, then each visit with its names. */
	sqlite3_stmt *st = db_prep(d,
				   "SELECT id FROM visits WHERE worker_id = ? AND starts >= ?"
				   " AND starts < date(?, '+1 day') AND status = 'planned'"
				   " ORDER BY starts, id",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, worker_id);
	bind_day(st, 2, from);
	bind_day(st, 3, to);
	int64_t *ids = NULL;
	size_t k = 0;
	int r = db_rows(d, st, sizeof *ids, db_read_ints, &ids, &k, e);
	if (!r && k)
		*rows = xcalloc(k, sizeof **rows);
	for (size_t i = 0; !r && i < k; i++)
		if (!(r = db_visit_get(d, ids[i], &(*rows)[i], e)))
			(*n)++;
	free(ids);
	return r;
}

static void read_candidate(sqlite3_stmt *st, void *row)
{
	candidate *c = row;
	c->worker_id = col_int(st, 0);
	c->name = col_text(st, 1);
	c->met_client = col_int(st, 2) != 0;
	c->week_minutes = (int)col_int(st, 3);
}

int db_visit_candidates(db *d, const visit *v, const char *skills, cday week, candidate **rows,
			size_t *n, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "SELECT id, name, met, minutes FROM (SELECT w.id, w.name,"
	    " EXISTS (SELECT 1 FROM meetings m WHERE m.client_id = :client AND m.worker_id = w.id"
	    "  AND m.met_on <= substr(:s, 1, 10)) AS met,"
	    " coalesce((SELECT sum(CAST(round((julianday(o.ends) - julianday(o.starts)) * 1440)"
	    "  AS INTEGER)) FROM visits o WHERE o.worker_id = w.id AND o.starts >= :week"
	    "  AND o.starts < date(:week, '+7 days') AND o.status <> 'cancelled'), 0) AS minutes"
	    " FROM workers w WHERE w.status = 'active' AND w.id <> :current"
	    " AND " MISSING_SKILL("w.skills", ":skills") " IS NULL"
	    " AND " AVAILABLE("w.id", ":s", ":e")
	    " AND NOT EXISTS (SELECT 1 FROM visits o WHERE o.worker_id = w.id"
	    "  AND o.starts > strftime('%Y-%m-%d %H:%M', :s, '-1 day') AND o.starts < :e"
	    "  AND o.ends > :s AND o.status <> 'cancelled' AND o.id <> :visit)"
	    " AND NOT EXISTS (SELECT 1 FROM absences x WHERE x.worker_id = w.id"
	    "  AND x.to_day >= substr(:s, 1, 10)"
	    "  AND x.from_day <= substr(strftime('%Y-%m-%d %H:%M', :e, '-1 minute'), 1, 10)))"
	    " ORDER BY met DESC, minutes, name, id",
	    e);
	if (!st)
		return ST_DB;
	bind_int(st, db_bind_index(st, ":client"), v->client_id);
	bind_minute(st, db_bind_index(st, ":s"), v->starts);
	bind_minute(st, db_bind_index(st, ":e"), v->ends);
	bind_day(st, db_bind_index(st, ":week"), week);
	bind_int(st, db_bind_index(st, ":current"), v->worker_id);
	bind_text(st, db_bind_index(st, ":skills"), skills ? skills : "");
	bind_int(st, db_bind_index(st, ":visit"), v->id);
	int r = db_rows(d, st, sizeof **rows, read_candidate, rows, n, e);
	for (size_t i = 0; !r && i < *n; i++)
		(*rows)[i].rank = (int)i + 1;
	return r;
}
