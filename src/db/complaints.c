/* complaints.c — complaints and anomalies, their actions and categories, action plans and their
 * actions in storage; keyset pages newest first, the recurring problems of R7 and the queries of
 * the complaints' charter findings. */
#include "dbint.h"

#include <stdlib.h>
#include <string.h>

#include "charte/db_clients.h"
#include "charte/db_complaints.h"
#include "charte/db_findings.h"

/* The complaints in the client's history (db_client_history). */
const db_history_source db_complaint_history_sources[] = {
	{"complaints", "complaint", "received",
	 "SELECT " HISTORY_WHEN("complaints", "received_on") ", id, id,"
	 " (SELECT g.label_en FROM complaint_categories g WHERE g.code = complaints.category),"
	 " description, '' FROM complaints WHERE client_id = :id AND anomaly = 0"},
	{"complaints", "complaint", "anomaly",
	 "SELECT " HISTORY_WHEN("complaints", "received_on") ", id, id,"
	 " (SELECT g.label_en FROM complaint_categories g WHERE g.code = complaints.category),"
	 " description, '' FROM complaints WHERE client_id = :id AND anomaly = 1"},
	{"complaint_actions", "complaint", "action",
	 "SELECT " HISTORY_WHEN("complaint_actions", "done_on") ", complaint_id, complaint_id,"
	 " text, " STAFF_NAME("complaint_actions.done_by") ", '' FROM complaint_actions"
	 " WHERE complaint_id IN (SELECT c.id FROM complaints c WHERE c.client_id = :id)"},
	{"complaints", "complaint", "answered",
	 "SELECT " HISTORY_WHEN("complaints", "answered_on") ", id, id, answer, '', ''"
	 " FROM complaints WHERE client_id = :id AND answered_on IS NOT NULL"},
	{"complaints", "complaint", "closed",
	 "SELECT " HISTORY_WHEN("complaints", "closed_on") ", id, id, '', '', ''"
	 " FROM complaints WHERE client_id = :id AND closed_on IS NOT NULL"},
	{NULL, NULL, NULL, NULL},
};

/* R7, as of :today: the complaints received in the window (an index range of
 * complaints_by_day, which covers the category and the worker), grouped by category and by
 * worker, the groups at or over their counts kept. Columns: kind, key (the category's code or
 * the worker's id), how many, how many in no plan, the newest in no plan, the ids. */
#define RECURRING_GROUPS                                                                           \
	"WITH w AS (SELECT c.id, c.category, c.worker_id,"                                          \
	"  EXISTS (SELECT 1 FROM plan_complaints p WHERE p.complaint_id = c.id) AS planned"         \
	"  FROM complaints c WHERE c.received_on > :recurring_since AND c.received_on <= :today),"  \
	" g AS (SELECT 1 AS kind, w.category AS what, count(*) AS n, sum(NOT w.planned) AS loose,"  \
	"  max(CASE WHEN NOT w.planned THEN w.id END) AS last, group_concat(w.id) AS ids"           \
	"  FROM w GROUP BY w.category HAVING count(*) >= :per_category"                            \
	" UNION ALL SELECT 2, CAST(w.worker_id AS TEXT), count(*), sum(NOT w.planned),"             \
	"  max(CASE WHEN NOT w.planned THEN w.id END), group_concat(w.id)"                          \
	"  FROM w WHERE w.worker_id IS NOT NULL GROUP BY w.worker_id"                               \
	"  HAVING count(*) >= :per_worker) "

#define CLIENT_NAME(id) "(SELECT trim(k.name || ' ' || k.first_name) FROM clients k WHERE k.id = " id ")"

/* This area's charter findings (db/findings.c runs them). */
const db_finding_query db_complaint_findings[] = {
	/* S5: a complaint not closed longer than complaint.overdue_days after it was received
	 * (the few not closed, through complaints_unclosed). */
	{"complaint-overdue",
	 "SELECT c.id, c.id, " CLIENT_NAME("c.client_id") ", c.received_on, c.category"
	 " FROM complaints c WHERE c.status <> 'closed'"
	 "   AND c.received_on < date(:today, '-' || :complaint_days || ' days')"
	 " ORDER BY c.received_on, c.id"}, /* the oldest first, as complaints_unclosed reads */
	/* S7 (R7): a recurring problem some of whose complaints no action plan answers; shown on
	 * the newest of those. Columns: kind (category, worker), its code or the worker's name,
	 * how many complaints. */
	{"action-plan-missing",
	 RECURRING_GROUPS
	 "SELECT g.last, g.last, CASE g.kind WHEN 1 THEN 'category' ELSE 'worker' END,"
	 " CASE g.kind WHEN 1 THEN g.what"
	 "  ELSE (SELECT x.name FROM workers x WHERE x.id = CAST(g.what AS INTEGER)) END,"
	 " g.n FROM g WHERE g.loose > 0 ORDER BY g.last"},
	{NULL, NULL},
};

#define COMPLAINT_COLS                                                                             \
	"c.id, c.received_on, c.channel, c.client_id, c.worker_id, c.category, c.description, "    \
	"c.severity, c.anomaly, c.status, c.answer, c.answered_on, c.closed_on, c.recorded_by, "   \
	"c.created_at, " CLIENT_NAME("c.client_id") ", "                                          \
	"(SELECT w.name FROM workers w WHERE w.id = c.worker_id), "                                \
	"EXISTS (SELECT 1 FROM plan_complaints p WHERE p.complaint_id = c.id)"

static void complaint_from_row(sqlite3_stmt *st, void *row)
{
	complaint *c = row;
	complaint_init(c);
	c->id = col_int(st, 0);
	c->received_on = col_day(st, 1);
	c->channel = col_enum(st, 2, &complaint_channels);
	c->client_id = col_int(st, 3);
	c->worker_id = col_int(st, 4);
	c->category = col_text(st, 5);
	c->description = col_text(st, 6);
	c->severity = col_enum(st, 7, &complaint_severities);
	c->anomaly = col_int(st, 8) != 0;
	c->status = col_enum(st, 9, &complaint_statuses);
	c->answer = col_text(st, 10);
	c->answered_on = col_day(st, 11);
	c->closed_on = col_day(st, 12);
	c->recorded_by = col_text(st, 13);
	c->created_at = col_minute(st, 14);
	c->client_name = col_text(st, 15);
	c->worker_name = col_text(st, 16);
	c->planned = col_int(st, 17) != 0;
	if (!c->client_name)
		c->client_name = xstrdup("");
}

int db_complaint_insert(db *d, complaint *c, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "INSERT INTO complaints(received_on, channel, client_id, worker_id, category, "
	    "description, severity, anomaly, status, answer, answered_on, closed_on, recorded_by, "
	    "created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	    e);
	if (!st)
		return ST_DB;
	bind_day(st, 1, c->received_on);
	bind_text(st, 2, enum_name(&complaint_channels, c->channel));
	bind_int(st, 3, c->client_id);
	bind_id(st, 4, c->worker_id);
	bind_text(st, 5, c->category);
	bind_text(st, 6, c->description);
	bind_text(st, 7, enum_name(&complaint_severities, c->severity));
	bind_int(st, 8, c->anomaly);
	bind_text(st, 9, enum_name(&complaint_statuses, c->status));
	bind_text(st, 10, c->answer);
	bind_day(st, 11, c->answered_on);
	bind_day(st, 12, c->closed_on);
	bind_text(st, 13, c->recorded_by);
	bind_minute(st, 14, c->created_at);
	return db_insert(d, st, &c->id, e);
}

int db_complaint_update(db *d, const complaint *c, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "UPDATE complaints SET status = ?1, answer = ?2, answered_on = ?3,"
				   " closed_on = ?4 WHERE id = ?5",
				   e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, enum_name(&complaint_statuses, c->status));
	bind_text(st, 2, c->answer);
	bind_day(st, 3, c->answered_on);
	bind_day(st, 4, c->closed_on);
	bind_int(st, 5, c->id);
	int r = db_change(d, st, e);
	return db_missing(r, e, "id", _("no complaint %lld"), c->id);
}

int db_complaint_get(db *d, int64_t id, complaint *out, cerr *e)
{
	int r = db_row_id(d, "SELECT " COMPLAINT_COLS " FROM complaints c WHERE c.id = ?", id,
	                  complaint_from_row, out, e);
	return db_missing(r, e, "id", _("no complaint %lld"), id);
}

/* ---- the list ---- */

enum { F_OPEN, F_ANOMALY, F_CATEGORY, F_CLIENT, F_WORKER, F_SEARCH, F_COUNT };

static const char *const complaint_filters[F_COUNT] = {
	[F_OPEN] = "c.status <> 'closed'",
	[F_ANOMALY] = "c.anomaly = 1",
	[F_CATEGORY] = "c.category = :category",
	[F_CLIENT] = "c.client_id = :client",
	[F_WORKER] = "c.worker_id = :worker",
	[F_SEARCH] = "c.client_id IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH :q)",
};

static unsigned filters_set(const void *filter)
{
	const complaint_filter *f = filter;
	char *q = db_fts_query(f->search);
	unsigned set = (unsigned)f->open << F_OPEN | (unsigned)f->anomalies << F_ANOMALY |
		       (f->category && *f->category) << F_CATEGORY |
		       (f->client_id != 0) << F_CLIENT | (f->worker_id != 0) << F_WORKER |
		       (q != NULL) << F_SEARCH;
	free(q);
	return set;
}

static void bind_filter(sqlite3_stmt *st, const void *filter)
{
	const complaint_filter *f = filter;
	int i;
	if ((i = db_bind_index(st, ":category")))
		bind_text(st, i, f->category);
	if ((i = db_bind_index(st, ":client")))
		bind_int(st, i, f->client_id);
	if ((i = db_bind_index(st, ":worker")))
		bind_int(st, i, f->worker_id);
	if ((i = db_bind_index(st, ":q"))) {
		char *q = db_fts_query(f->search);
		bind_text(st, i, q);
		free(q);
	}
}

static void bind_key(sqlite3_stmt *st, const int *param, const void *row)
{
	const complaint *c = row;
	bind_day(st, param[0], c->received_on);
	bind_int(st, param[1], c->id);
}

static void free_complaint(void *row)
{
	complaint_free(row);
}

/* Complaints by the day received, newest first. */
static const db_listing complaints_by_day = {
	.select = "SELECT " COMPLAINT_COLS " FROM complaints c",
	.key = {"c.received_on", "c.id"},
	.descending = true,
	.filters = complaint_filters,
	.nfilters = F_COUNT,
	.set = filters_set,
	.bind = bind_filter,
	.bind_key = bind_key,
	.row_size = sizeof(complaint),
	.read = complaint_from_row,
	.free_row = free_complaint,
};

DB_LISTING_FUNCTIONS(complaints, complaint, complaint_filter, complaints_by_day)

/* ---- actions ---- */

int db_complaint_action_insert(db *d, complaint_action *a, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "INSERT INTO complaint_actions(complaint_id, done_on, text, done_by)"
				   " VALUES (?,?,?,?)",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, a->complaint_id);
	bind_day(st, 2, a->done_on);
	bind_text(st, 3, a->text);
	bind_text(st, 4, a->done_by);
	return db_insert(d, st, &a->id, e);
}

static void read_action(sqlite3_stmt *st, void *row)
{
	complaint_action *a = row;
	a->id = col_int(st, 0);
	a->complaint_id = col_int(st, 1);
	a->done_on = col_day(st, 2);
	a->text = col_text(st, 3);
	a->done_by = col_text(st, 4);
}

int db_complaint_actions(db *d, int64_t complaint_id, complaint_action **rows, size_t *n,
			 cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "SELECT id, complaint_id, done_on, text, done_by FROM complaint_actions"
				   " WHERE complaint_id = ? ORDER BY done_on, id",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, complaint_id);
	return db_rows(d, st, sizeof **rows, read_action, rows, n, e);
}

/* ---- categories ---- */

static void read_category(sqlite3_stmt *st, void *row)
{
	complaint_category *c = row;
	c->code = col_text(st, 0);
	c->label_en = col_text(st, 1);
	c->label_fr = col_text(st, 2);
}

int db_complaint_categories(db *d, complaint_category **rows, size_t *n, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "SELECT code, label_en, label_fr FROM complaint_categories"
				   " ORDER BY position, code",
				   e);
	if (!st)
		return ST_DB;
	return db_rows(d, st, sizeof **rows, read_category, rows, n, e);
}

int db_complaint_category_known(db *d, const char *code, bool *found, cerr *e)
{
	*found = false;
	sqlite3_stmt *st = db_prep(d, "SELECT 1 FROM complaint_categories WHERE code = ?", e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, code);
	return db_row_if(d, st, NULL, NULL, found, e);
}

int db_complaint_category_put(db *d, const complaint_category *c, int position, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "INSERT INTO complaint_categories(code, label_en, label_fr, position) VALUES (?,?,?,?)"
	    " ON CONFLICT(code) DO UPDATE SET label_en = excluded.label_en,"
	    " label_fr = excluded.label_fr, position = excluded.position"
	    " WHERE label_en IS NOT excluded.label_en OR label_fr IS NOT excluded.label_fr"
	    " OR position IS NOT excluded.position",
	    e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, c->code);
	bind_text(st, 2, c->label_en);
	bind_text(st, 3, c->label_fr);
	bind_int(st, 4, position);
	return db_run(d, st, e);
}

/* ---- R7 ---- */

static int compare_ids(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

static void read_group(sqlite3_stmt *st, void *row)
{
	recurring_problem *p = row;
	p->kind = (int)col_int(st, 0);
	const char *what = (const char *)sqlite3_column_text(st, 1);
	if (p->kind == RECURRING_CATEGORY) {
		p->category = xstrdup(what ? what : "");
		p->name = xstrdup(p->category);
	} else {
		p->worker_id = what ? strtoll(what, NULL, 10) : 0;
		p->name = col_text(st, 6);
		if (!p->name)
			p->name = xstrdup("");
	}
	p->unplanned = (size_t)col_int(st, 3);
	const char *ids = (const char *)sqlite3_column_text(st, 5);
	for (const char *s = ids; s && *s;) {
		char *end;
		long long v = strtoll(s, &end, 10);
		if (end == s)
			break;
		p->ids = xrealloc(p->ids, (p->n + 1) * sizeof *p->ids);
		p->ids[p->n++] = v;
		s = *end == ',' ? end + 1 : end;
	}
	if (p->n > 1)
		qsort(p->ids, p->n, sizeof *p->ids, compare_ids);
}

int db_complaints_recurring(db *d, cday since, cday today, int per_category, int per_worker,
			    recurring_problem **rows, size_t *n, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    RECURRING_GROUPS
	    "SELECT g.kind, g.what, g.n, g.loose, g.last, g.ids,"
	    " CASE g.kind WHEN 2 THEN (SELECT x.name FROM workers x"
	    "   WHERE x.id = CAST(g.what AS INTEGER)) END"
	    " FROM g ORDER BY g.kind, CASE g.kind WHEN 2 THEN CAST(g.what AS INTEGER) END, g.what",
	    e);
	if (!st)
		return ST_DB;
	bind_day(st, db_bind_index(st, ":recurring_since"), since);
	bind_day(st, db_bind_index(st, ":today"), today);
	bind_int(st, db_bind_index(st, ":per_category"), per_category);
	bind_int(st, db_bind_index(st, ":per_worker"), per_worker);
	return db_rows(d, st, sizeof **rows, read_group, rows, n, e);
}

/* ---- action plans ---- */

#define PLAN_COLS                                                                                  \
	"p.id, p.title, p.cause, p.status, p.opened_on, p.closed_on, p.created_by, "               \
	"(SELECT group_concat(complaint_id) FROM (SELECT pc.complaint_id FROM plan_complaints pc"  \
	"  WHERE pc.plan_id = p.id ORDER BY pc.complaint_id)), "                                  \
	"(SELECT count(*) FROM plan_actions a WHERE a.plan_id = p.id), "                           \
	"(SELECT count(*) FROM plan_actions a WHERE a.plan_id = p.id AND a.done_on IS NOT NULL)"

static void plan_from_row(sqlite3_stmt *st, void *row)
{
	action_plan *p = row;
	action_plan_init(p);
	p->id = col_int(st, 0);
	p->title = col_text(st, 1);
	p->cause = col_text(st, 2);
	p->status = col_enum(st, 3, &plan_statuses);
	p->opened_on = col_day(st, 4);
	p->closed_on = col_day(st, 5);
	p->created_by = col_text(st, 6);
	p->complaints = col_text(st, 7);
	if (!p->complaints)
		p->complaints = xstrdup("");
	p->nactions = col_int(st, 8);
	p->ndone = col_int(st, 9);
}

/* Parameters 1 to 4: what an update writes (title, cause, status, closed_on). */
static void bind_plan(sqlite3_stmt *st, const action_plan *p)
{
	bind_text(st, 1, p->title);
	bind_text(st, 2, p->cause ? p->cause : "");
	bind_text(st, 3, enum_name(&plan_statuses, p->status));
	bind_day(st, 4, p->closed_on);
}

int db_plan_insert(db *d, action_plan *p, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "INSERT INTO action_plans(title, cause, status, closed_on, opened_on,"
				   " created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
				   e);
	if (!st)
		return ST_DB;
	bind_plan(st, p);
	bind_day(st, 5, p->opened_on);
	bind_text(st, 6, p->created_by);
	return db_insert(d, st, &p->id, e);
}

int db_plan_update(db *d, const action_plan *p, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "UPDATE action_plans SET title = ?1, cause = ?2, status = ?3,"
				   " closed_on = ?4 WHERE id = ?5",
				   e);
	if (!st)
		return ST_DB;
	bind_plan(st, p);
	bind_int(st, 5, p->id);
	int r = db_change(d, st, e);
	return db_missing(r, e, "id", _("no action plan %lld"), p->id);
}

int db_plan_get(db *d, int64_t id, action_plan *out, cerr *e)
{
	int r = db_row_id(d, "SELECT " PLAN_COLS " FROM action_plans p WHERE p.id = ?", id,
	                  plan_from_row, out, e);
	return db_missing(r, e, "id", _("no action plan %lld"), id);
}

int db_plan_link(db *d, int64_t plan_id, int64_t complaint_id, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d, "INSERT OR IGNORE INTO plan_complaints(plan_id, complaint_id) VALUES (?, ?)", e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, plan_id);
	bind_int(st, 2, complaint_id);
	return db_run(d, st, e);
}

int db_plan_complaints(db *d, int64_t plan_id, complaint **rows, size_t *n, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "SELECT " COMPLAINT_COLS " FROM plan_complaints pc"
				   " JOIN complaints c ON c.id = pc.complaint_id"
				   " WHERE pc.plan_id = ? ORDER BY c.received_on, c.id",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, plan_id);
	return db_rows(d, st, sizeof **rows, complaint_from_row, rows, n, e);
}

int db_complaint_plans(db *d, int64_t complaint_id, action_plan **rows, size_t *n, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "SELECT " PLAN_COLS " FROM plan_complaints pc"
				   " JOIN action_plans p ON p.id = pc.plan_id"
				   " WHERE pc.complaint_id = ? ORDER BY p.id",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, complaint_id);
	return db_rows(d, st, sizeof **rows, plan_from_row, rows, n, e);
}

enum { P_OPEN, P_COUNT };
static const char *const plan_filters[P_COUNT] = {[P_OPEN] = "p.status = 'open'"};

static unsigned plan_filters_set(const void *filter)
{
	const plan_filter *f = filter;
	return f && f->open ? 1u << P_OPEN : 0;
}

static void bind_plan_key(sqlite3_stmt *st, const int *param, const void *row)
{
	const action_plan *p = row;
	bind_int(st, param[0], p->id);
}

static void free_plan(void *row)
{
	action_plan_free(row);
}

/* Plans newest first. */
static const db_listing plans_by_id = {
	.select = "SELECT " PLAN_COLS " FROM action_plans p",
	.key = {"p.id"},
	.descending = true,
	.filters = plan_filters,
	.nfilters = P_COUNT,
	.set = plan_filters_set,
	.bind = NULL,
	.bind_key = bind_plan_key,
	.row_size = sizeof(action_plan),
	.read = plan_from_row,
	.free_row = free_plan,
};

DB_LISTING_FUNCTIONS(plans, action_plan, plan_filter, plans_by_id)

/* ---- a plan's actions ---- */

#define PLAN_ACTION_COLS "id, plan_id, text, owner, due, done_on"

static void read_plan_action(sqlite3_stmt *st, void *row)
{
	plan_action *a = row;
	a->id = col_int(st, 0);
	a->plan_id = col_int(st, 1);
	a->text = col_text(st, 2);
	a->owner = col_text(st, 3);
	a->due = col_day(st, 4);
	a->done_on = col_day(st, 5);
}

int db_plan_action_insert(db *d, plan_action *a, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d, "INSERT INTO plan_actions(plan_id, text, owner, due, done_on) VALUES (?,?,?,?,?)", e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, a->plan_id);
	bind_text(st, 2, a->text);
	bind_text(st, 3, a->owner);
	bind_day(st, 4, a->due);
	bind_day(st, 5, a->done_on);
	return db_insert(d, st, &a->id, e);
}

int db_plan_action_update(db *d, const plan_action *a, cerr *e)
{
	sqlite3_stmt *st = db_prep(d, "UPDATE plan_actions SET done_on = ? WHERE id = ?", e);
	if (!st)
		return ST_DB;
	bind_day(st, 1, a->done_on);
	bind_int(st, 2, a->id);
	int r = db_change(d, st, e);
	return db_missing(r, e, "id", _("no plan action %lld"), a->id);
}

int db_plan_action_get(db *d, int64_t id, plan_action *out, cerr *e)
{
	int r = db_row_id(d, "SELECT " PLAN_ACTION_COLS " FROM plan_actions WHERE id = ?", id,
	                  read_plan_action, out, e);
	return db_missing(r, e, "id", _("no plan action %lld"), id);
}

int db_plan_actions(db *d, int64_t plan_id, plan_action **rows, size_t *n, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "SELECT " PLAN_ACTION_COLS " FROM plan_actions WHERE plan_id = ?"
				   " ORDER BY due, id",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, plan_id);
	return db_rows(d, st, sizeof **rows, read_plan_action, rows, n, e);
}
