/* db_visits.h — visits in storage (issue 8, points 3, 4 and 6): insert, update, get, a listing
 * in start order read by index range (by start; by worker, client or contract then start), what
 * the planning checks ask (a worker busy, available, absent, having met the client), what
 * generation reconciles (the visits of a contract or a slot in a window), the cancellations of
 * R5 and R4, punctuality counts, and the queries of the visits' charter findings. Visits are
 * never deleted (a trigger refuses it). Times are "YYYY-MM-DD HH:MM" in the agency's time. */
#ifndef CHARTE_DB_VISITS_H
#define CHARTE_DB_VISITS_H

#include "charte/db.h"

/* Every stored field but the read-only names; sets v->id. */
int db_visit_insert(db *d, visit *v, cerr *e);
/* Every stored field but id, created_at and created_by. ST_NOT_FOUND when there is none. */
int db_visit_update(db *d, const visit *v, cerr *e);
int db_visit_get(db *d, int64_t id, visit *out, cerr *e); /* ST_NOT_FOUND, with the names */

/* The listing: a page of at most limit visits after `from` (NULL: the first; backward: the page
 * before) in start order; only from->starts and ->id are read. Each reads one index range. */
int db_visits_page(db *d, const visit_filter *f, const visit *from, bool backward, int limit,
		   visit **rows, size_t *n, cerr *e);
int db_visits_each(db *d, const visit_filter *f, int (*fn)(const visit *v, void *arg), void *arg,
		   cerr *e);
int db_visits_count(db *d, const visit_filter *f, int64_t *n, cerr *e);

/* ---- what the planning checks ask ---- */

/* A visit of the worker, not cancelled and other than `except`, sharing a minute with
 * [starts, ends): its id in *other (0: none). Reads the worker's visits of the day before on. */
int db_worker_busy(db *d, int64_t worker_id, cminute starts, cminute ends, int64_t except,
		   int64_t *other, cerr *e);
/* Whether [starts, ends) lies within one of the worker's weekly availabilities (a visit past
 * midnight: one ending at 24:00 and the next day's from 00:00); *recorded: any at all. */
int db_worker_available(db *d, int64_t worker_id, cminute starts, cminute ends, bool *yes,
			bool *recorded, cerr *e);
/* An absence of the worker over any day of [from, to]: its kind in *kind (caller frees), NULL
 * when none. The absences table is minimal here (worker, from_day, to_day, kind); their area
 * comes later. */
int db_worker_absent(db *d, int64_t worker_id, cday from, cday to, char **kind, cerr *e);
/* The hook of the first meeting (I5): whether worker and client met on or before `on`. Reads
 * the minimal meetings table (client, worker, met_on) that the meetings area extends later. */
int db_worker_met_client(db *d, int64_t worker_id, int64_t client_id, cday on, bool *met,
			 cerr *e);
/* Minimal writes of those two tables, for the tests and the demo until their areas exist. */
int db_absence_insert(db *d, int64_t worker_id, cday from, cday to, const char *kind,
		      int64_t *id, cerr *e);
int db_meeting_insert(db *d, int64_t client_id, int64_t worker_id, cday on, int64_t *id,
		      cerr *e);
/* The contract's lines' service for a line id: *code NULL for a free line (caller frees). */
int db_visit_line(db *d, int64_t line_id, int64_t *contract_id, char **code, cerr *e);

/* ---- generation ---- */

/* The recurring contracts signed and running some day of [from, to] (signed, active, or ended
 * on or after `from`), by id: fn returns non-zero to stop. */
int db_recurring_contracts_each(db *d, cday from, cday to,
				int (*fn)(const contract *k, void *arg), void *arg, cerr *e);
/* The visits generated from slot slot_id for the weeks of [from_week, to_week] (Mondays). */
int db_slot_visits(db *d, int64_t slot_id, cday from_week, cday to_week, visit **rows,
		   size_t *n, cerr *e);
/* The visits of a contract starting in [from, to) (NO_MINUTE: no bound), by start. */
int db_contract_visits(db *d, int64_t contract_id, cminute from, cminute to, visit **rows,
		       size_t *n, cerr *e);

/* ---- punctuality (I1) ---- */

/* Of the worker's visits starting in [from, to) that are done or have an arrival: how many have
 * an arrival recorded, and how many of those came later than the start plus `tolerance`
 * minutes. */
int db_punctuality(db *d, int64_t worker_id, cminute from, cminute to, int tolerance,
		   int64_t *arrived, int64_t *late, cerr *e);

#endif
