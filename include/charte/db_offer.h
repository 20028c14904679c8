/* db_offer.h — the offer in storage: the service catalogue, quotes and their lines, contracts
 * and their weekly slots. Lists page by key (date, id), newest first; `each` functions stream
 * oldest first without loading a whole table. Quotes, contracts and their lines are never
 * deleted (triggers refuse it), except the lines and slots of a draft. */
#ifndef CHARTE_DB_OFFER_H
#define CHARTE_DB_OFFER_H

#include "charte/db.h"

/* ---- the catalogue ---- */

/* Insert s; with replace, an existing code is updated, else left as it is (*added false). */
int db_service_put(db *d, const service *s, bool replace, bool *added, cerr *e);
int db_service_get(db *d, const char *code, service *out, cerr *e); /* ST_NOT_FOUND */
int db_services_list(db *d, bool with_inactive, service **rows, size_t *n, cerr *e);

/* ---- clients, as the offer sees them ---- */

/* The client's name ("Name First") and whether the client asked for a quote; ST_NOT_FOUND. */
int db_offer_client(db *d, int64_t id, char **name, bool *wants_quote, cerr *e);
/* A signed contract makes its client active. */
int db_offer_client_activate(db *d, int64_t id, cerr *e);

/* ---- quotes ---- */

/* Words typed by a person -> an FTS5 query on clients_fts (each word a prefix; the digits of a
 * phone number glued together). Caller frees; NULL for nothing to search. */
char *db_offer_fts_query(const char *typed);


/* q->number set by the caller (db_next_number in the same transaction); sets q->id. */
int db_quote_insert(db *d, quote *q, cerr *e);
/* Every stored field but id, number and created_by. */
int db_quote_update(db *d, const quote *q, cerr *e);
int db_quote_get(db *d, int64_t id, quote *out, cerr *e);               /* ST_NOT_FOUND */
int db_quote_by_number(db *d, const char *number, quote *out, cerr *e); /* ST_NOT_FOUND */
/* A page after `from` (NULL: from the newest), newest first; with backward, the page just
 * before `from` (NULL: the oldest rows), still newest first: for a list scrolled back up, or
 * sent to its end. Only from->date and ->id are read. */
int db_quotes_page(db *d, const quote_filter *f, const quote *from, bool backward, int limit,
                   quote **rows, size_t *n, cerr *e);
int db_quotes_each(db *d, const quote_filter *f, int (*fn)(const quote *q, void *arg), void *arg,
                   cerr *e);

/* The lines, by position. */
int db_quote_lines(db *d, int64_t quote_id, quote_line **rows, size_t *n, cerr *e);
int db_quote_line_get(db *d, int64_t id, quote_line *out, cerr *e); /* ST_NOT_FOUND */
/* Sets l->id and l->position (after the last line). */
int db_quote_line_insert(db *d, quote_line *l, cerr *e);
int db_quote_line_update(db *d, const quote_line *l, cerr *e);
int db_quote_line_delete(db *d, int64_t id, cerr *e);
/* Sums of the lines (R2: totals are sums of lines). */
int db_quote_sums(db *d, int64_t quote_id, cents *excl, cents *vat, int *nlines, cerr *e);

/* R3: a quote was given to the client (sent or accepted, sent on or before `on`): the quote
 * quote_id when not 0, else any quote of the client. *number: the one found (caller frees),
 * NULL when none. */
int db_quote_given(db *d, int64_t client_id, int64_t quote_id, cday on, char **number, cerr *e);

/* ---- contracts ---- */


int db_contract_insert(db *d, contract *k, cerr *e); /* number set by the caller; sets id */
int db_contract_update(db *d, const contract *k, cerr *e);
int db_contract_get(db *d, int64_t id, contract *out, cerr *e);               /* ST_NOT_FOUND */
int db_contract_by_number(db *d, const char *number, contract *out, cerr *e); /* ST_NOT_FOUND */
/* Paged as quotes are (db_quotes_page). */
int db_contracts_page(db *d, const contract_filter *f, const contract *from, bool backward,
                      int limit, contract **rows, size_t *n, cerr *e);
int db_contracts_each(db *d, const contract_filter *f, int (*fn)(const contract *k, void *arg),
                      void *arg, cerr *e);

/* The contract made from quote quote_id first (not withdrawn), other than `except`; *number NULL
 * when none (caller frees). */
int db_contract_of_quote(db *d, int64_t quote_id, int64_t except, char **number, cerr *e);

/* The lines, by position. */
int db_contract_lines(db *d, int64_t contract_id, contract_line **rows, size_t *n, cerr *e);
/* Sets l->id and l->position (after the last line). */
int db_contract_line_insert(db *d, contract_line *l, cerr *e);
/* Its service, label, hours, price and rate. */
int db_contract_line_update(db *d, const contract_line *l, cerr *e);
int db_contract_line_delete(db *d, int64_t id, cerr *e);

/* The slots, by day and time. */
int db_contract_slots(db *d, int64_t contract_id, contract_slot **rows, size_t *n, cerr *e);
int db_contract_slot_get(db *d, int64_t id, contract_slot *out, cerr *e); /* ST_NOT_FOUND */
int db_contract_slot_insert(db *d, contract_slot *s, cerr *e);            /* sets s->id */
int db_contract_slot_delete(db *d, int64_t id, cerr *e);
/* Its day, times and worker (its service and line stay). */
int db_contract_slot_update(db *d, const contract_slot *s, cerr *e);

#endif
