/* db_followups.h — follow-up calls (R6, S4) in storage: the ones due are computed on read from
 * the clients' first visit done (under their first contract) and their contracts; the ones done
 * are stored (table followups). */
#ifndef CHARTE_DB_FOLLOWUPS_H
#define CHARTE_DB_FOLLOWUPS_H

#include "charte/db.h"

/* Every follow-up f keeps, in due order (then client): those not done due on or before `until`
 * (status overdue once `today` is later than due + grace days, else due), and those done.
 * client_name is read. fn returns non-zero to stop. */
int db_followups_each(db *d, const followup_filter *f, cday today, cday until, int grace,
		      int (*fn)(const followup *row, void *arg), void *arg, cerr *e);
/* The ones done (of f->client_id, 0: every client's; the other fields unused), paged by due
 * then client: at most limit rows after `from` (any follow-up; NULL: from the first), or with
 * backward the rows just before it (NULL: the last page), in list order. */
int db_followups_done_page(db *d, const followup_filter *f, const followup *from, bool backward,
			   int limit, followup **rows, size_t *n, cerr *e);
/* The client's first visit done under their first contract (NO_DAY: none yet). */
int db_followup_first_visit(db *d, int64_t client_id, cday *first, cerr *e);
/* Store a follow-up done (every field as given, checked by core/followup.c); sets f->id. */
int db_followup_insert(db *d, followup *f, cerr *e);
int db_followup_get(db *d, int64_t id, followup *out, cerr *e); /* ST_NOT_FOUND */
/* The one done of client_id due on `due` (ST_NOT_FOUND when it is not done). */
int db_followup_done_of(db *d, int64_t client_id, cday due, followup *out, cerr *e);

#endif
