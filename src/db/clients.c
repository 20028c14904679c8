/* clients.c — client files and their needs analysis in storage: insert, update, get, keyset
 * pages in name order, search as you type through clients_fts, and the client's history. */
#include "dbint.h"

#include <stdlib.h>
#include <string.h>

#include "charte/db_calls.h"
#include "charte/db_clients.h"
#include "charte/db_findings.h"

/* This area's charter findings: one query per slug (db/findings.c runs them). */
const db_finding_query db_client_findings[] = {
	/* O1: a client with a quote or a contract has a needs analysis. */
	{"needs-missing",
	 "SELECT c.id, c.id, trim(c.name || ' ' || c.first_name), '', '' FROM clients c"
	 " WHERE NOT EXISTS (SELECT 1 FROM needs n WHERE n.client_id = c.id)"
	 "   AND (EXISTS (SELECT 1 FROM quotes q WHERE q.client_id = c.id)"
	 "     OR EXISTS (SELECT 1 FROM contracts k WHERE k.client_id = c.id))"
	 " ORDER BY c.id"},
	/* S1: an active client without a referent among the active staff. Two indexed parts:
	 * files with no referent, and files whose referent has left. */
	{"referent-missing",
	 "SELECT id, id, name, who, '' FROM ("
	 " SELECT c.id, trim(c.name || ' ' || c.first_name) AS name, '' AS who FROM clients c"
	 "  WHERE c.status = 'active' AND c.referent IS NULL"
	 " UNION ALL"
	 " SELECT c.id, trim(c.name || ' ' || c.first_name), ' (' || c.referent || ')'"
	 "  FROM staff s CROSS JOIN clients c ON c.referent = s.login"
	 "  WHERE s.active = 0 AND c.status = 'active')"
	 " ORDER BY id"},
	{NULL, NULL},
};

#define CLIENT_COLS                                                                                \
	"c.id, c.civility, c.name, c.first_name, c.address, c.phone, c.phone2, c.email, "          \
	"c.status, c.referent, c.instructions, c.forbidden_zones, c.wants_quote, c.notes, "        \
	"c.created_at, EXISTS (SELECT 1 FROM needs n WHERE n.client_id = c.id)"


static void client_from_row(sqlite3_stmt *st, void *row)
{
	client_file *c = row;
	client_init(c);
	c->id = col_int(st, 0);
	c->civility = col_text(st, 1);
	c->name = col_text(st, 2);
	c->first_name = col_text(st, 3);
	c->address = col_text(st, 4);
	c->phone = col_text(st, 5);
	c->phone2 = col_text(st, 6);
	c->email = col_text(st, 7);
	c->status = col_enum(st, 8, &client_statuses);
	c->referent = col_text(st, 9);
	c->instructions = col_text(st, 10);
	c->forbidden_zones = col_text(st, 11);
	c->wants_quote = col_int(st, 12) != 0;
	c->notes = col_text(st, 13);
	c->created_at = col_minute(st, 14);
	c->has_needs = col_int(st, 15) != 0;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* Bind the 16 stored fields but id and created_at from parameter 1 (sort keys included). */
static void bind_client(sqlite3_stmt *st, const client_file *c)
{
	char *name_key = text_fold(c->name), *first_key = text_fold(c->first_name);
	bind_text(st, 1, or_empty(c->civility));
	bind_text(st, 2, c->name);
	bind_text(st, 3, or_empty(c->first_name));
	bind_text(st, 4, or_empty(c->address));
	bind_text(st, 5, c->phone);
	bind_text(st, 6, c->phone2);
	bind_text(st, 7, or_empty(c->email));
	bind_text(st, 8, enum_name(&client_statuses, c->status));
	bind_text(st, 9, c->referent);
	bind_text(st, 10, or_empty(c->instructions));
	bind_text(st, 11, or_empty(c->forbidden_zones));
	bind_int(st, 12, c->wants_quote);
	bind_text(st, 13, or_empty(c->notes));
	bind_text(st, 14, name_key);
	bind_text(st, 15, first_key);
	free(name_key);
	free(first_key);
}

int db_client_insert(db *d, client_file *c, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "INSERT INTO clients(civility, name, first_name, address, phone, phone2, email, "
	    "status, referent, instructions, forbidden_zones, wants_quote, notes, name_key, "
	    "first_key, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	    e);
	if (!st)
		return ST_DB;
	bind_client(st, c);
	bind_minute(st, 16, c->created_at);
	return db_insert(d, st, &c->id, e);
}

int db_client_update(db *d, const client_file *c, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "UPDATE clients SET civility = ?1, name = ?2, first_name = ?3, address = ?4, "
	    "phone = ?5, phone2 = ?6, email = ?7, status = ?8, referent = ?9, instructions = ?10, "
	    "forbidden_zones = ?11, wants_quote = ?12, notes = ?13, name_key = ?14, "
	    "first_key = ?15 WHERE id = ?16",
	    e);
	if (!st)
		return ST_DB;
	bind_client(st, c);
	bind_int(st, 16, c->id);
	int r = db_change(d, st, e);
	return db_missing(r, e, "id", _("no client %lld"), c->id);
}

int db_client_get(db *d, int64_t id, client_file *out, cerr *e)
{
	int r = db_row_id(d, "SELECT " CLIENT_COLS " FROM clients c WHERE c.id = ?", id,
	                  client_from_row, out, e);
	return db_missing(r, e, "id", _("no client %lld"), id);
}

int db_client_exists(db *d, int64_t id, bool *yes, cerr *e)
{
	*yes = false;
	sqlite3_stmt *st = db_prep(d, "SELECT 1 FROM clients WHERE id = ?", e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, id);
	int rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(d, e);
}

int db_calls_link_phone(db *d, int64_t client_id, const char *phone, int64_t *n, cerr *e)
{
	*n = 0;
	if (!phone)
		return ST_OK;
	sqlite3_stmt *st = db_prep(d,
				   "UPDATE calls SET client_id = :client WHERE client_id IS NULL"
				   " AND phone = :phone",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, client_id);
	bind_text(st, 2, phone);
	int r = db_run(d, st, e);
	if (!r)
		*n = sqlite3_changes(d->h);
	return r;
}

int db_client_id_by_phone(db *d, const char *phone, int64_t *id, cerr *e)
{
	*id = 0;
	sqlite3_stmt *st = db_prep(d,
	                           "SELECT id FROM clients WHERE phone = ?1 UNION ALL "
	                           "SELECT id FROM clients WHERE phone2 = ?1 ORDER BY 1 LIMIT 1",
	                           e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, phone);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = col_int(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(d, e);
}

/* ---- lists ---- */

enum { F_STATUS, F_REFERENT, F_SEARCH, F_COUNT };

static const char *const client_filters[F_COUNT] = {
	[F_STATUS] = "c.status = :status",
	[F_REFERENT] = "c.referent = :referent",
	[F_SEARCH] = "c.id IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH :q)",
};

static unsigned filters_set(const void *filter)
{
	const client_filter *f = filter;
	char *q = db_fts_query(f->search);
	unsigned set = (f->status != CLIENT_STATUS_NONE) << F_STATUS | (f->referent != NULL) << F_REFERENT |
		       (q != NULL) << F_SEARCH;
	free(q);
	return set;
}

static void bind_filter(sqlite3_stmt *st, const void *filter)
{
	const client_filter *f = filter;
	int i;
	if ((i = db_bind_index(st, ":status")))
		bind_text(st, i, enum_name(&client_statuses, f->status));
	if ((i = db_bind_index(st, ":referent")))
		bind_text(st, i, f->referent);
	if ((i = db_bind_index(st, ":q"))) {
		char *q = db_fts_query(f->search);
		bind_text(st, i, q);
		free(q);
	}
}

/* The key is the sort keys the file stores: the names folded as they were when stored. */
static void bind_key(sqlite3_stmt *st, const int *param, const void *row)
{
	const client_file *c = row;
	char *name_key = text_fold(c->name), *first_key = text_fold(c->first_name);
	bind_text(st, param[0], name_key);
	bind_text(st, param[1], first_key);
	bind_int(st, param[2], c->id);
	free(name_key);
	free(first_key);
}

static void free_client(void *row)
{
	client_free(row);
}

/* Clients by name, first name and id. */
static const db_listing clients_by_name = {
	.select = "SELECT " CLIENT_COLS " FROM clients c",
	.key = {"c.name_key", "c.first_key", "c.id"},
	.filters = client_filters,
	.nfilters = F_COUNT,
	.set = filters_set,
	.bind = bind_filter,
	.bind_key = bind_key,
	.row_size = sizeof(client_file),
	.read = client_from_row,
	.free_row = free_client,
};

DB_LISTING_FUNCTIONS(clients, client_file, client_filter, clients_by_name)

/* ---- needs analysis ---- */

int db_needs_set(db *d, const needs_analysis *n, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "INSERT INTO needs(client_id, services, hours_per_week, days_times, constraints, "
	    "autonomy, household, notes, analysed_by, analysed_on) VALUES (?,?,?,?,?,?,?,?,?,?) "
	    "ON CONFLICT(client_id) DO UPDATE SET services = excluded.services, "
	    "hours_per_week = excluded.hours_per_week, days_times = excluded.days_times, "
	    "constraints = excluded.constraints, autonomy = excluded.autonomy, "
	    "household = excluded.household, notes = excluded.notes, "
	    "analysed_by = excluded.analysed_by, analysed_on = excluded.analysed_on",
	    e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, n->client_id);
	bind_text(st, 2, n->services);
	bind_int(st, 3, n->hours_per_week);
	bind_text(st, 4, or_empty(n->days_times));
	bind_text(st, 5, or_empty(n->constraints));
	bind_text(st, 6, or_empty(n->autonomy));
	bind_text(st, 7, or_empty(n->household));
	bind_text(st, 8, or_empty(n->notes));
	bind_text(st, 9, n->analysed_by);
	bind_day(st, 10, n->analysed_on);
	return db_run(d, st, e);
}

int db_needs_get(db *d, int64_t client_id, needs_analysis *out, cerr *e)
{
	sqlite3_stmt *st =
	    db_prep(d,
	            "SELECT client_id, services, hours_per_week, days_times, "
	            "constraints, autonomy, household, notes, analysed_by, analysed_on "
	            "FROM needs WHERE client_id = ?",
	            e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, client_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->client_id = col_int(st, 0);
		out->services = col_text(st, 1);
		out->hours_per_week = col_int(st, 2);
		out->days_times = col_text(st, 3);
		out->constraints = col_text(st, 4);
		out->autonomy = col_text(st, 5);
		out->household = col_text(st, 6);
		out->notes = col_text(st, 7);
		out->analysed_by = col_text(st, 8);
		out->analysed_on = col_day(st, 9);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc == SQLITE_DONE)
		return err_set(e, ST_NOT_FOUND, "id", _("client %lld has no needs analysis yet"),
		               (long long)client_id);
	return db_fail(d, e);
}

/* ---- history (S2) ---- */

/* The client file and its needs analysis in the client's history. */
const db_history_source db_client_history_sources[] = {
	{"clients", "client", "created",
	 "SELECT created_at, '', id, status, '', ''"
	 " FROM clients WHERE id = :id"},
	{"needs", "needs", "analysed",
	 "SELECT coalesce(" HISTORY_RECORDED("needs", "needs.client_id", "analysed_on", "needs.analysed_on")
	 ", analysed_on), '', client_id, " STAFF_NAME("needs.analysed_by") ", services, hours_per_week"
	 " FROM needs WHERE client_id = :id"},
	{NULL, NULL, NULL, NULL},
};

/* Everything that happened to a client: each area gives the events of its records beside its
 * other storage (db_AREA_history[], ended by a row with no table: see db_clients.h); here only
 * the list of areas. core words each (source, event) for people from a, b and c. */
static const db_history_source *const history_areas[] = {
	db_client_history_sources, db_call_history_sources, db_quote_history_sources,
	db_contract_history_sources, db_complaint_history_sources, db_visit_history_sources,
	db_planning_history_sources, db_followup_history_sources};

/* The sources of every area, in one array: the UNION below numbers them. */
#define HISTORY_MAX 64
static const db_history_source *history_sources[HISTORY_MAX];
static size_t nsources;

static void gather_sources(void)
{
	if (nsources)
		return;
	for (size_t i = 0; i < ARRAY_LEN(history_areas); i++)
		for (const db_history_source *h = history_areas[i]; h->table; h++)
			if (nsources < HISTORY_MAX)
				history_sources[nsources++] = h;
}

static int table_exists(db *d, const char *table, bool *yes, cerr *e)
{
	sqlite3_stmt *st =
	    db_prep(d, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, table);
	int rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(d, e);
}

int db_client_history(db *d, int64_t client_id, int (*fn)(const db_client_event *ev, void *arg),
		      void *arg, cerr *e)
{
	/* One statement: the sources' queries, UNION ALL, in time order. Its text is composed
	 * from the constant queries above only, never from data. A row known by its day alone
	 * comes after the timed rows of that day; then the sources' order, then the row. */
	strbuf with = {0}, sql = {0};
	size_t used = 0;
	gather_sources();
	for (size_t i = 0; i < nsources; i++) {
		bool yes;
		int r = table_exists(d, history_sources[i]->table, &yes, e);
		if (r) {
			sb_free(&with);
			sb_free(&sql);
			return r;
		}
		if (!yes)
			continue;
		sb_addf(&with, "%ss%zu(at, ref, row_id, a, b, c) AS (%s)", used ? ", " : "WITH ", i,
		        history_sources[i]->sql);
		sb_addf(&sql, "%sSELECT at, %zu AS src, ref, row_id, a, b, c FROM s%zu",
		        used ? " UNION ALL " : "", i, i);
		used++;
	}
	sb_addf(&with,
	        " SELECT * FROM (%s) WHERE at IS NOT NULL ORDER BY "
	        "CASE WHEN length(at) = 10 THEN at || ' 99:99' ELSE at END, src, row_id",
	        sb_str(&sql));
	sb_free(&sql);
	sql = with;
	sqlite3_stmt *st = NULL;
	int r = ST_OK;
	if (sqlite3_prepare_v2(d->h, sb_str(&sql), -1, &st, NULL) != SQLITE_OK) {
		r = db_fail(d, e);
		sb_free(&sql);
		return r;
	}
	sb_free(&sql);
	bind_int(st, sqlite3_bind_parameter_index(st, ":id"), client_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t src = (size_t)sqlite3_column_int64(st, 1);
		const unsigned char *ref = sqlite3_column_text(st, 2);
		db_client_event ev = {(const char *)sqlite3_column_text(st, 0),
		                      history_sources[src]->source,
		                      history_sources[src]->event,
		                      ref ? (const char *)ref : "",
		                      col_int(st, 3),
		                      {NULL, NULL, NULL}};
		for (int k = 0; k < 3; k++) {
			const unsigned char *t = sqlite3_column_text(st, 4 + k);
			ev.cols[k] = t ? (const char *)t : "";
		}
		if (fn(&ev, arg))
			break;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		r = db_fail(d, e);
	sqlite3_finalize(st);
	return r;
}
