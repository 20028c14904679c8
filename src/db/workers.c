/* workers.c — worker files in storage: insert, update, get, keyset pages in name order with
 * search as you type through workers_fts, availability, the selection procedure, skills,
 * documents and their files, and the queries of the workers' charter findings. */
#include "dbint.h"

#include <stdlib.h>
#include <string.h>

#include "charte/db_findings.h"
#include "charte/db_workers.h"

/* ---- what a file lacks: one set of expressions over a worker `w`, read by the list, the
 * worker's page and the finding alike. :record_cutoff is the last issue date of a criminal
 * record extract that is due for renewal. ---- */

#define GAP_STEPS                                                                                  \
	"coalesce((SELECT group_concat(code, ', ') FROM (SELECT s.code FROM selection_steps s"     \
	" WHERE s.active = 1 AND NOT EXISTS (SELECT 1 FROM worker_steps ws"                         \
	" WHERE ws.worker_id = w.id AND ws.step = s.code) ORDER BY s.position, s.code)), '')"
#define GAP_SIGNATURES                                                                             \
	"trim(CASE WHEN w.ethics_signed_on IS NULL THEN 'ethics ' ELSE '' END"                      \
	" || CASE WHEN w.commitments_signed_on IS NULL THEN 'commitments' ELSE '' END)"
#define HAS_DOC(kind)                                                                              \
	"EXISTS (SELECT 1 FROM worker_documents d WHERE d.worker_id = w.id AND d.kind = '" kind "')"
#define GAP_DOCUMENTS                                                                              \
	"trim(CASE WHEN " HAS_DOC("cv") " THEN '' ELSE 'cv ' END"                                  \
	" || CASE WHEN " HAS_DOC("id") " THEN '' ELSE 'id ' END"                                   \
	" || CASE WHEN NOT " HAS_DOC("criminal-record") " THEN 'criminal-record'"                  \
	" WHEN (SELECT max(d.issued_on) FROM worker_documents d WHERE d.worker_id = w.id"           \
	" AND d.kind = 'criminal-record') <= :record_cutoff THEN 'criminal-record-renewal'"         \
	" ELSE '' END)"
#define FILE_COMPLETE                                                                              \
	"(" GAP_STEPS " = '' AND " GAP_SIGNATURES " = '' AND " GAP_DOCUMENTS " = '')"

/* This area's charter findings (db/findings.c runs them). */
const db_finding_query db_worker_findings[] = {
	/* I4, I6, I7: an active worker's file lacks a procedure step, a signature or a
	 * document (or its criminal record extract is due for renewal). */
	{"worker-file-incomplete",
	 "SELECT id, id, steps, signatures, documents FROM ("
	 " SELECT w.id, " GAP_STEPS " AS steps, " GAP_SIGNATURES " AS signatures, "
	 GAP_DOCUMENTS " AS documents FROM workers w WHERE w.status = 'active')"
	 " WHERE steps <> '' OR signatures <> '' OR documents <> '' ORDER BY id"},
	/* I5: an active worker without a recognition badge. */
	{"badge-missing",
	 "SELECT w.id, w.id, w.name,"
	 " CASE WHEN w.matricule IS NULL THEN '' ELSE ' (' || w.matricule || ')' END, ''"
	 " FROM workers w"
	 " WHERE w.status = 'active' AND w.badge IS NULL ORDER BY w.id"},
	{NULL, NULL},
};

#define WORKER_COLS                                                                                \
	"w.id, w.name, w.matricule, w.badge, w.phone, w.skills, w.hired_on, w.status, w.notes, "    \
	"w.ethics_signed_on, w.commitments_signed_on, w.created_at"

static void worker_from_row(sqlite3_stmt *st, void *row)
{
	worker *w = row;
	w->id = col_int(st, 0);
	w->name = col_text(st, 1);
	w->matricule = col_text(st, 2);
	w->badge = col_text(st, 3);
	w->phone = col_text(st, 4);
	w->skills = col_text(st, 5);
	w->hired_on = col_day(st, 6);
	w->status = col_enum(st, 7, &worker_statuses);
	w->notes = col_text(st, 8);
	w->ethics_signed_on = col_day(st, 9);
	w->commitments_signed_on = col_day(st, 10);
	w->created_at = col_minute(st, 11);
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* Bind the stored fields but id and created_at from parameter 1 (the sort key included). */
static void bind_worker(sqlite3_stmt *st, const worker *w)
{
	char *key = text_fold(w->name);
	bind_text(st, 1, w->name);
	bind_text(st, 2, key);
	bind_text(st, 3, w->matricule);
	bind_text(st, 4, w->badge);
	bind_text(st, 5, w->phone);
	bind_text(st, 6, or_empty(w->skills));
	bind_day(st, 7, w->hired_on);
	bind_text(st, 8, enum_name(&worker_statuses, w->status));
	bind_text(st, 9, or_empty(w->notes));
	bind_day(st, 10, w->ethics_signed_on);
	bind_day(st, 11, w->commitments_signed_on);
	free(key);
}

int db_worker_insert(db *d, worker *w, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "INSERT INTO workers(name, name_key, matricule, badge, phone, skills, hired_on, status, "
	    "notes, ethics_signed_on, commitments_signed_on, created_at) "
	    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
	    e);
	if (!st)
		return ST_DB;
	bind_worker(st, w);
	bind_minute(st, 12, w->created_at);
	return db_insert(d, st, &w->id, e);
}

int db_worker_update(db *d, const worker *w, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "UPDATE workers SET name = ?1, name_key = ?2, matricule = ?3, badge = ?4, phone = ?5, "
	    "skills = ?6, hired_on = ?7, status = ?8, notes = ?9, ethics_signed_on = ?10, "
	    "commitments_signed_on = ?11 WHERE id = ?12",
	    e);
	if (!st)
		return ST_DB;
	bind_worker(st, w);
	bind_int(st, 12, w->id);
	int r = db_change(d, st, e);
	return db_missing(r, e, "id", _("no worker %lld"), w->id);
}

int db_worker_get(db *d, int64_t id, worker *out, cerr *e)
{
	int r = db_row_id(d, "SELECT " WORKER_COLS " FROM workers w WHERE w.id = ?", id,
	                  worker_from_row, out, e);
	return db_missing(r, e, "id", _("no worker %lld"), id);
}

int db_worker_holding(db *d, const char *column, const char *value, int64_t except, int64_t *id,
		      cerr *e)
{
	*id = 0;
	bool badge = !strcmp(column, "badge");
	sqlite3_stmt *st = db_prep(d,
				   badge ? "SELECT id FROM workers WHERE badge = ? AND id <> ?"
					 : "SELECT id FROM workers WHERE matricule = ? AND id <> ?",
				   e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, value);
	bind_int(st, 2, except);
	return db_row_if(d, st, db_read_ints, id, NULL, e);
}

static int read_gaps(sqlite3_stmt *st, int64_t worker_id, char **steps, char **signatures,
		     char **documents, db *d, cerr *e)
{
	char *gaps[3] = {NULL, NULL, NULL};
	int r = db_row(d, st, db_read_texts, gaps, e);
	*steps = gaps[0];
	*signatures = gaps[1];
	*documents = gaps[2];
	return db_missing(r, e, "id", _("no worker %lld"), worker_id);
}

int db_worker_gaps(db *d, int64_t worker_id, cday record_cutoff, char **steps, char **signatures,
		   char **documents, cerr *e)
{
	*steps = *signatures = *documents = NULL;
	sqlite3_stmt *st = db_prep(d,
				   "SELECT " GAP_STEPS ", " GAP_SIGNATURES ", " GAP_DOCUMENTS
				   " FROM workers w WHERE w.id = :id",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, db_bind_index(st, ":id"), worker_id);
	bind_day(st, db_bind_index(st, ":record_cutoff"), record_cutoff);
	return read_gaps(st, worker_id, steps, signatures, documents, d, e);
}

/* ---- lists ---- */

enum { F_STATUS, F_SEARCH, F_COUNT };

static const char *const worker_filters[F_COUNT] = {
	[F_STATUS] = "w.status = :status",
	[F_SEARCH] = "w.id IN (SELECT rowid FROM workers_fts WHERE workers_fts MATCH :q)",
};

static unsigned filters_set(const void *filter)
{
	const worker_filter *f = filter;
	char *q = db_fts_query(f->search);
	unsigned set = (f->status != WORKER_STATUS_NONE) << F_STATUS | (q != NULL) << F_SEARCH;
	free(q);
	return set;
}

static void bind_filter(sqlite3_stmt *st, const void *filter)
{
	const worker_filter *f = filter;
	int i;
	if ((i = db_bind_index(st, ":status")))
		bind_text(st, i, enum_name(&worker_statuses, f->status));
	if ((i = db_bind_index(st, ":record_cutoff")))
		bind_day(st, i, f->record_cutoff);
	if ((i = db_bind_index(st, ":q"))) {
		char *q = db_fts_query(f->search);
		bind_text(st, i, q);
		free(q);
	}
}

static void bind_key(sqlite3_stmt *st, const int *param, const void *row)
{
	const worker *w = row;
	char *key = text_fold(w->name);
	bind_text(st, param[0], key);
	bind_int(st, param[1], w->id);
	free(key);
}

static void read_worker(sqlite3_stmt *st, void *row)
{
	worker *w = row;
	worker_init(w);
	worker_from_row(st, w);
	w->file_complete = col_int(st, 12) != 0;
}

static void free_worker(void *row)
{
	worker_free(row);
}

/* Workers by name and id. */
static const db_listing workers_by_name = {
	.select = "SELECT " WORKER_COLS ", " FILE_COMPLETE " FROM workers w",
	.key = {"w.name_key", "w.id"},
	.filters = worker_filters,
	.nfilters = F_COUNT,
	.set = filters_set,
	.bind = bind_filter,
	.bind_key = bind_key,
	.row_size = sizeof(worker),
	.read = read_worker,
	.free_row = free_worker,
};

DB_LISTING_FUNCTIONS(workers, worker, worker_filter, workers_by_name)

/* ---- availability ---- */

int db_worker_availability_add(db *d, worker_availability *w, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d, "INSERT INTO worker_availability(worker_id, weekday, starts, ends) VALUES (?,?,?,?)",
	    e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, w->worker_id);
	bind_int(st, 2, w->weekday);
	bind_clock(st, 3, w->starts);
	bind_clock(st, 4, w->ends);
	return db_insert(d, st, &w->id, e);
}

int db_worker_availability_remove(db *d, int64_t id, int64_t *worker_id, cerr *e)
{
	*worker_id = 0;
	sqlite3_stmt *st = db_prep(d,
				   "DELETE FROM worker_availability WHERE id = ? RETURNING worker_id",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*worker_id = col_int(st, 0);
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(d, e);
	return *worker_id ? ST_OK
			  : err_set(e, ST_NOT_FOUND, "availability", _("no availability %lld"),
				    (long long)id);
}


static void read_worker_availability(sqlite3_stmt *st, void *row)
{
	*(worker_availability *)row = (worker_availability){
		col_int(st, 0), col_int(st, 1), (int)col_int(st, 2), col_clock(st, 3), col_clock(st, 4)};
}

int db_worker_availability(db *d, int64_t worker_id, worker_availability **rows, size_t *n,
			   cerr *e)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(d,
				   "SELECT id, worker_id, weekday, starts, ends FROM worker_availability"
				   " WHERE worker_id = ? ORDER BY weekday, starts, id",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, worker_id);
	return db_rows(d, st, sizeof **rows, read_worker_availability, rows, n, e);
}

/* ---- the selection procedure ---- */

static void read_selection_steps(sqlite3_stmt *st, void *row)
{
	*(selection_step *)row = (selection_step){col_text(st, 0), col_text(st, 1), (int)col_int(st, 2),
						  col_day(st, 3), col_text(st, 4)};
}

int db_selection_steps(db *d, int64_t worker_id, selection_step **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(d,
				   "SELECT s.code, s.label, s.position, ws.done_on, ws.done_by"
				   " FROM selection_steps s LEFT JOIN worker_steps ws"
				   "   ON ws.step = s.code AND ws.worker_id = ?"
				   " WHERE s.active = 1 ORDER BY s.position, s.code",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, worker_id);
	return db_rows(d, st, sizeof **rows, read_selection_steps, rows, n, e);
}

int db_selection_step_label(db *d, const char *code, char **label, bool *active, cerr *e)
{
	*label = NULL;
	*active = false;
	sqlite3_stmt *st = db_prep(d, "SELECT label, active FROM selection_steps WHERE code = ?", e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, code);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*label = col_text(st, 0);
		*active = col_int(st, 1) != 0;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(d, e);
}

int db_worker_step_set(db *d, int64_t worker_id, const char *code, cday on, const char *by,
		       cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "INSERT INTO worker_steps(worker_id, step, done_on, done_by)"
				   " VALUES (?,?,?,?) ON CONFLICT(worker_id, step) DO UPDATE SET"
				   " done_on = excluded.done_on, done_by = excluded.done_by",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, worker_id);
	bind_text(st, 2, code);
	bind_day(st, 3, on);
	bind_text(st, 4, by);
	return db_run(d, st, e);
}

int db_selection_step_put(db *d, const selection_step *s, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "INSERT INTO selection_steps(code, label, position, active)"
				   " VALUES (?,?,?,1) ON CONFLICT(code) DO UPDATE SET"
				   " label = excluded.label, position = excluded.position, active = 1"
				   " WHERE label IS NOT excluded.label OR position IS NOT"
				   " excluded.position OR active IS NOT 1",
				   e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, s->code);
	bind_text(st, 2, s->label);
	bind_int(st, 3, s->position);
	return db_run(d, st, e);
}

int db_selection_steps_retire_others(db *d, const char *const *codes, size_t n, cerr *e)
{
	/* The codes kept, as a JSON array: one statement whatever their number. */
	strbuf json = {0};
	sb_add(&json, "[");
	for (size_t i = 0; i < n; i++) {
		sb_add(&json, i ? ",\"" : "\"");
		for (const char *p = codes[i]; *p; p++) /* codes are [a-z0-9-]: nothing to escape */
			sb_addc(&json, *p);
		sb_add(&json, "\"");
	}
	sb_add(&json, "]");
	sqlite3_stmt *st = db_prep(d,
				   "UPDATE selection_steps SET active = 0 WHERE active = 1 AND code"
				   " NOT IN (SELECT value FROM json_each(?))",
				   e);
	int r = ST_DB;
	if (st) {
		bind_text(st, 1, sb_str(&json));
		r = db_run(d, st, e);
	}
	sb_free(&json);
	return r;
}

int db_worker_steps_count(db *d, int64_t *n, cerr *e)
{
	*n = 0;
	sqlite3_stmt *st = db_prep(d, "SELECT count(*) FROM worker_steps", e);
	if (!st)
		return ST_DB;
	return db_row(d, st, db_read_ints, n, e);
}

/* ---- skills ---- */

static void read_skills(sqlite3_stmt *st, void *row)
{
	*(skill *)row = (skill){col_text(st, 0), col_text(st, 1)};
}

int db_skills(db *d, skill **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	/* The list, and the services of the catalogue added since (their code is a skill). */
	sqlite3_stmt *st = db_prep(d,
				   "SELECT code, label FROM skills UNION"
				   " SELECT code, label FROM services"
				   " WHERE code NOT IN (SELECT code FROM skills) ORDER BY 1",
				   e);
	if (!st)
		return ST_DB;
	return db_rows(d, st, sizeof **rows, read_skills, rows, n, e);
}

int db_skill_known(db *d, const char *code, bool *yes, cerr *e)
{
	*yes = false;
	sqlite3_stmt *st = db_prep(d,
				   "SELECT 1 FROM skills WHERE code = ?1 UNION ALL"
				   " SELECT 1 FROM services WHERE code = ?1",
				   e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, code);
	return db_row_if(d, st, NULL, NULL, yes, e);
}

int db_skill_put(db *d, const skill *s, bool *added, cerr *e)
{
	*added = false;
	sqlite3_stmt *st =
	    db_prep(d, "INSERT INTO skills(code, label) VALUES (?, ?) ON CONFLICT DO NOTHING", e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, s->code);
	bind_text(st, 2, s->label);
	int r = db_run(d, st, e);
	if (!r)
		*added = sqlite3_changes(d->h) > 0;
	return r;
}

/* ---- documents ---- */

#define DOC_COLS "id, worker_id, kind, dated, issued_on, note, file_name, file_size, added_by"

static void doc_from_row(sqlite3_stmt *st, void *row)
{
	worker_doc *doc = row;
	worker_doc_init(doc);
	doc->id = col_int(st, 0);
	doc->worker_id = col_int(st, 1);
	doc->kind = col_enum(st, 2, &worker_doc_kinds);
	doc->dated = col_day(st, 3);
	doc->issued_on = col_day(st, 4);
	doc->note = col_text(st, 5);
	doc->file_name = col_text(st, 6);
	doc->file_size = col_int(st, 7);
	doc->added_by = col_text(st, 8);
}

int db_worker_doc_insert(db *d, worker_doc *doc, const void *file, size_t size, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "INSERT INTO worker_documents(worker_id, kind, dated, issued_on, note,"
				   " file_name, file_size, added_by) VALUES (?,?,?,?,?,?,?,?)",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, doc->worker_id);
	bind_text(st, 2, enum_name(&worker_doc_kinds, doc->kind));
	bind_day(st, 3, doc->dated);
	bind_day(st, 4, doc->issued_on);
	bind_text(st, 5, or_empty(doc->note));
	bind_text(st, 6, file ? doc->file_name : NULL);
	bind_int(st, 7, file ? (int64_t)size : 0);
	bind_text(st, 8, doc->added_by);
	int r = db_run(d, st, e);
	if (r)
		return r;
	doc->id = sqlite3_last_insert_rowid(d->h);
	if (!file)
		return ST_OK;
	/* Not cached: a statement holding a large blob is better let go at once. */
	sqlite3_stmt *fs = NULL;
	if (sqlite3_prepare_v2(d->h,
			       "INSERT INTO worker_document_files(document_id, content) VALUES (?, ?)",
			       -1, &fs, NULL) != SQLITE_OK)
		return db_fail(d, e);
	sqlite3_bind_int64(fs, 1, doc->id);
	sqlite3_bind_blob64(fs, 2, file, size, SQLITE_STATIC);
	int rc = sqlite3_step(fs);
	r = rc == SQLITE_DONE ? ST_OK : db_fail(d, e);
	sqlite3_finalize(fs);
	return r;
}

int db_worker_docs(db *d, int64_t worker_id, worker_doc **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(d,
				   "SELECT " DOC_COLS " FROM worker_documents WHERE worker_id = ?"
				   " ORDER BY dated DESC, id DESC",
				   e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, worker_id);
	return db_rows(d, st, sizeof **rows, doc_from_row, rows, n, e);
}

int db_worker_doc_get(db *d, int64_t id, worker_doc *out, cerr *e)
{
	int r = db_row_id(d, "SELECT " DOC_COLS " FROM worker_documents WHERE id = ?", id,
	                  doc_from_row, out, e);
	return db_missing(r, e, "document", _("no document %lld"), id);
}

int db_worker_doc_file(db *d, int64_t id, void **file, size_t *size, cerr *e)
{
	*file = NULL;
	*size = 0;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(d->h, "SELECT content FROM worker_document_files WHERE document_id = ?",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(d, e);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const void *blob = sqlite3_column_blob(st, 0);
		*size = (size_t)sqlite3_column_bytes(st, 0);
		*file = xmalloc(*size ? *size : 1);
		if (*size)
			memcpy(*file, blob, *size);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc == SQLITE_DONE)
		return err_set(e, ST_NOT_FOUND, "document",
			       _("no file was kept with document %lld"), (long long)id);
	return db_fail(d, e);
}
