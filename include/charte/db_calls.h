/* db_calls.h — the call log in storage. Lists page by key (at, id), newest first. */
#ifndef CHARTE_DB_CALLS_H
#define CHARTE_DB_CALLS_H

#include "charte/db.h"


int db_call_insert(db *d, call *c, cerr *e);      /* sets c->id */
int db_call_update(db *d, const call *c, cerr *e); /* every field but id */
int db_call_get(db *d, int64_t id, call *out, cerr *e); /* ST_NOT_FOUND */
/* A callback attempt with no answer (sets t->id); the attempts of a call, oldest first. */
int db_call_attempt_insert(db *d, callback_attempt *t, cerr *e);
int db_call_attempts(db *d, int64_t call_id, callback_attempt **rows, size_t *n, cerr *e);

/* A page of at most limit calls after `from` (NULL: from the newest; with backward, from the
 * oldest side), newest first in *rows whatever the direction: by time, or, with a search, in
 * the order the calls were logged (the FTS index's order, fast on any number of matches). */
int db_calls_page(db *d, const call_filter *f, const call *from, bool backward, int limit,
		  call **rows, size_t *n, cerr *e);
/* Every call matching f, oldest first, without loading them all: fn returns non-zero to stop. */
int db_calls_each(db *d, const call_filter *f, int (*fn)(const call *c, void *arg), void *arg,
		  cerr *e);
/* Overdue callbacks, earliest due first (at most limit). */
int db_calls_overdue(db *d, cminute now, int limit, call **rows, size_t *n, cerr *e);
/* Callbacks due on a day (not yet made), by due time. */
int db_calls_due_between(db *d, cminute from, cminute to, int limit, call **rows, size_t *n,
			 cerr *e);
/* Documentation to send (asked, not sent), oldest first. */
int db_calls_docs_pending(db *d, int limit, call **rows, size_t *n, cerr *e);

/* Link to client_id the calls from phone (normal form) that are linked to no client yet (they
 * came before the client's file, or before this number was on it); *n: how many. */
int db_calls_link_phone(db *d, int64_t client_id, const char *phone, int64_t *n, cerr *e);
/* The client whose phone (normal form) this is, else *id = 0. */
int db_client_id_by_phone(db *d, const char *phone, int64_t *id, cerr *e);

/* Bulk insert for the importer: prepared once, within the caller's transaction. */
int db_call_insert_bulk(db *d, call *c, cerr *e);

#endif
