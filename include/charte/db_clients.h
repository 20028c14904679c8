/* db_clients.h — client files and their needs analysis in storage. Lists page by key in the
 * order people expect: name, first name (both compared without case or accents), then id.
 * (db_client_id_by_phone, which the call log uses, is in db_calls.h.) */
#ifndef CHARTE_DB_CLIENTS_H
#define CHARTE_DB_CLIENTS_H

#include "charte/db.h"


/* Store a new client, every field as given (checked by core/client.c); sets c->id. */
int db_client_insert(db *d, client_file *c, cerr *e);
/* Every field but id and created_at. ST_NOT_FOUND when there is no such client. */
int db_client_update(db *d, const client_file *c, cerr *e);
int db_client_get(db *d, int64_t id, client_file *out, cerr *e); /* ST_NOT_FOUND */
int db_client_exists(db *d, int64_t id, bool *yes, cerr *e);

/* A page of at most limit clients after `from` (NULL: from the first; with backward, the page
 * before `from`, or the last page), always in list order in *rows. Only from->id, ->name and
 * ->first_name are read. */
int db_clients_page(db *d, const client_filter *f, const client_file *from, bool backward,
		    int limit, client_file **rows, size_t *n, cerr *e);
/* Every client matching f, in list order, one at a time: fn returns non-zero to stop. */
int db_clients_each(db *d, const client_filter *f, int (*fn)(const client_file *c, void *arg),
		    void *arg, cerr *e);
int db_clients_count(db *d, const client_filter *f, int64_t *n, cerr *e);

/* The needs analysis: insert or replace the client's one analysis. */
int db_needs_set(db *d, const needs_analysis *n, cerr *e);
int db_needs_get(db *d, int64_t client_id, needs_analysis *out, cerr *e); /* ST_NOT_FOUND */

/* Where a client's history comes from: per table, one kind of event. sql selects (at, ref,
 * row_id, a, b, c) for the client :id, at being "YYYY-MM-DD HH:MM" or "YYYY-MM-DD", ref the
 * record as shown ('' for the client file itself). Each area's storage gives its own array
 * (db_AREA_history_sources), ended by a row with no table. */
typedef struct db_history_source {
	const char *table; /* skipped while this table is not in the file */
	const char *source, *event;
	const char *sql;
} db_history_source;
extern const db_history_source db_client_history_sources[], db_call_history_sources[],
	db_quote_history_sources[], db_contract_history_sources[],
	db_complaint_history_sources[], db_visit_history_sources[], db_planning_history_sources[],
	db_followup_history_sources[];

/* One raw event of a client's history: at is "YYYY-MM-DD HH:MM" or "YYYY-MM-DD"; cols are
 * the source's three detail columns as text ("" for none). */
typedef struct db_client_event {
	const char *at, *source, *event, *ref;
	int64_t row_id;
	const char *cols[3];
} db_client_event;
/* Every event about the client, in time order (events known only by their day come after the
 * timed events of that day). Sources whose table is not in the file yet are skipped. fn
 * returns non-zero to stop. */
int db_client_history(db *d, int64_t client_id, int (*fn)(const db_client_event *ev, void *arg),
		      void *arg, cerr *e);

#endif
