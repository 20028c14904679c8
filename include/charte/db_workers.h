/* db_workers.h — worker files in storage (issue 8, I4-I7): the worker, their weekly availability,
 * the selection procedure and the steps each went through, their documents (the scanned file
 * kept apart, read only when asked for), and the skills a worker may have. Lists page by key in
 * name order (the name compared without case or accents, then id). */
#ifndef CHARTE_DB_WORKERS_H
#define CHARTE_DB_WORKERS_H

#include "charte/db.h"

/* Store a new worker, every field as given (checked by core/worker.c); sets w->id. A matricule
 * or a badge another worker has is ST_INVALID naming it. */
int db_worker_insert(db *d, worker *w, cerr *e);
/* Every field but id and created_at. ST_NOT_FOUND when there is no such worker. */
int db_worker_update(db *d, const worker *w, cerr *e);
int db_worker_get(db *d, int64_t id, worker *out, cerr *e); /* ST_NOT_FOUND */
/* The worker other than `except` whose column ("matricule" or "badge") is value; 0: none. */
int db_worker_holding(db *d, const char *column, const char *value, int64_t except, int64_t *id,
		      cerr *e);

/* A page of at most limit workers after `from` (NULL: from the first; backward: the page
 * before), in list order. Only from->id and ->name are read. f->record_cutoff gives each row's
 * file_complete. */
int db_workers_page(db *d, const worker_filter *f, const worker *from, bool backward, int limit,
		    worker **rows, size_t *n, cerr *e);
int db_workers_each(db *d, const worker_filter *f, int (*fn)(const worker *w, void *arg),
		    void *arg, cerr *e);
int db_workers_count(db *d, const worker_filter *f, int64_t *n, cerr *e);

/* What a worker's file lacks: the codes of the active procedure steps not done (in procedure
 * order, ", "-separated), the signatures missing ("ethics", "commitments", space-separated)
 * and the documents missing ("cv", "id", then "criminal-record" for none or
 * "criminal-record-renewal" when the latest was issued on or before record_cutoff). Each ""
 * when nothing is missing; caller frees. The finding worker-file-incomplete reads the same
 * expressions. */
int db_worker_gaps(db *d, int64_t worker_id, cday record_cutoff, char **steps, char **signatures,
		   char **documents, cerr *e);

/* Weekly availability, by day and time. */
int db_worker_availability_add(db *d, worker_availability *w, cerr *e); /* sets w->id */
int db_worker_availability_remove(db *d, int64_t id, int64_t *worker_id, cerr *e);
int db_worker_availability(db *d, int64_t worker_id, worker_availability **rows, size_t *n,
			   cerr *e);

/* The selection procedure (active steps, in order), each with the worker's record of it
 * (worker_id 0: none, done_on NO_DAY). */
int db_selection_steps(db *d, int64_t worker_id, selection_step **rows, size_t *n, cerr *e);
/* The step of that code, active or not: *label NULL when there is none (caller frees). */
int db_selection_step_label(db *d, const char *code, char **label, bool *active, cerr *e);
/* Record (or re-date) a worker's step. */
int db_worker_step_set(db *d, int64_t worker_id, const char *code, cday on, const char *by,
		       cerr *e);
/* Load a procedure: each step put at its position and made active; with replace, the steps
 * not given are made inactive. */
int db_selection_step_put(db *d, const selection_step *s, cerr *e);
int db_selection_steps_retire_others(db *d, const char *const *codes, size_t n, cerr *e);
/* How many steps workers have recorded (a procedure no one went through may be replaced). */
int db_worker_steps_count(db *d, int64_t *n, cerr *e);

/* Skills: the list (by code) and whether a code is one (a skill of the list or a service of
 * the catalogue). */
int db_skills(db *d, skill **rows, size_t *n, cerr *e);
int db_skill_known(db *d, const char *code, bool *yes, cerr *e);
/* Add a skill unless its code is there; *added says whether it was new. */
int db_skill_put(db *d, const skill *s, bool *added, cerr *e);

/* Documents, newest first within the worker's; the file (blob, size) stored apart when given. */
int db_worker_doc_insert(db *d, worker_doc *doc, const void *file, size_t size, cerr *e);
int db_worker_docs(db *d, int64_t worker_id, worker_doc **rows, size_t *n, cerr *e);
int db_worker_doc_get(db *d, int64_t id, worker_doc *out, cerr *e); /* ST_NOT_FOUND */
/* The stored file of a document (malloc'd, caller frees); ST_NOT_FOUND when none was kept. */
int db_worker_doc_file(db *d, int64_t id, void **file, size_t *size, cerr *e);

#endif
