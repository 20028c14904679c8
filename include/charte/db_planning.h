/* db_planning.h — first meetings, absences and the liaison notebook in storage (issue 8, points
 * 2, 5 and 7; I2, I3, I5): insert, get, lists read by index range (meetings by client or
 * worker, absences by worker, notes by client then time), the visits an absence leaves
 * uncovered, the ranked replacement candidates of a visit, and the queries of their charter
 * findings (visit-uncovered, first-meeting-missing, liaison-missing). */
#ifndef CHARTE_DB_PLANNING_H
#define CHARTE_DB_PLANNING_H

#include "charte/db.h"

/* Every stored field; sets m->id. */
int db_meeting_add(db *d, meeting *m, cerr *e);
/* The meetings of a client or a worker (0: any), by day then id. */
int db_meetings_list(db *d, int64_t client_id, int64_t worker_id, meeting **rows, size_t *n,
		     cerr *e);

/* Every stored field; sets x->id. */
int db_absence_add(db *d, absence *x, cerr *e);
/* A worker's absences (0: every worker's), newest first; those ending on or after `since`
 * (NO_DAY: all). */
int db_absences_list(db *d, int64_t worker_id, cday since, absence **rows, size_t *n, cerr *e);
/* The planned visits of the worker starting on the days from..to, by start. */
int db_worker_visits_between(db *d, int64_t worker_id, cday from, cday to, visit **rows,
			     size_t *n, cerr *e);

/* Every stored field; sets n->id. */
int db_note_add(db *d, note_entry *n, cerr *e);
/* The client's notebook, newest first. */
int db_notes_list(db *d, int64_t client_id, note_entry **rows, size_t *n, cerr *e);

/* The replacement candidates of visit v (its worker excluded): active workers free at that
 * time (no other visit sharing a minute), not absent on its days, within their availability,
 * with every skill of `skills` (codes, comma-separated; NULL or "": none required); ranked by
 * having met the client on or before the visit's day, then the fewest minutes planned in the
 * visit's week (Monday `week`), then name and id. rank is 1 for the first. */
int db_visit_candidates(db *d, const visit *v, const char *skills, cday week, candidate **rows,
			size_t *n, cerr *e);

#endif
