/* planning.h — continuity of service (issue 8, points 2, 5 and 7; DESIGN.md I2, I3, I5): first
 * meetings of a client and a worker with the agency's representative, workers' absences and
 * the visits they leave uncovered, the ranked replacement candidates of a visit and its
 * replacement in one action, and the liaison notebook of each client.
 *
 * An absence does not take its visits from the worker: they keep their worker, and are reported
 * uncovered (absence_add lists them; the finding visit-uncovered names them until each is
 * replaced or cancelled). A replacement is visit_assign with the worker taken from recorded.
 * Everyone on the staff reads these; a coordinator or a manager writes meetings and absences
 * (AREA_PLANNING); the notebook is read by all and written by all but the
 * read-only (AREA_NOTEBOOK). Each write is one transaction. */
#ifndef CHARTE_PLANNING_H
#define CHARTE_PLANNING_H

#include "charte/app.h"

/* The kinds of absence, as stored. */
#define ABSENCE_KINDS "leave, sick, training, other"

/* ---- first meetings (I5) ---- */

/* Record a first meeting: client_id, worker_id, met_on and representative (a staff login)
 * required; service a code of the catalogue, request and forbidden zones text, signed_on on or
 * after met_on. ST_INVALID naming client, worker, representative, on, service, request,
 * forbidden-zones or signed. Sets m->id. */
int meeting_add(app *a, meeting *m, cerr *e);
/* The meetings of a client and/or a worker (0: any), by day. */
int meeting_list(app *a, int64_t client_id, int64_t worker_id, meeting **rows, size_t *n,
		 cerr *e);

/* ---- absences and continuity (I2) ---- */

/* Record an absence (worker_id, from_day..to_day, kind one of ABSENCE_KINDS, NULL: other;
 * note) and give the planned visits of that worker on those days, which it leaves uncovered
 * (*uncovered, *n; caller frees with visits_free; uncovered may be NULL). ST_INVALID naming
 * worker, from, to or kind. Sets x->id. */
int absence_add(app *a, absence *x, visit **uncovered, size_t *n, cerr *e);
/* A worker's absences (0: every worker's), newest first. */
int absence_list(app *a, int64_t worker_id, absence **rows, size_t *n, cerr *e);

/* The replacement candidates of visit `id`, rank 1 first: active workers free at that time,
 * not absent, within their availability, with the skill of its service and the skills its
 * contract names besides (contract_skills_required); first those who met
 * the client on or before the visit's day, then the fewest hours planned that week (Monday to
 * Sunday), then by name. A candidate who has not met the client is offered with met_client
 * false: the first meeting is the next step. */
int visit_candidates(app *a, int64_t id, candidate **rows, size_t *n, cerr *e);
/* Replace the worker of planned visit `id` by worker_id (required, ST_INVALID on "worker"),
 * with the planning checks (refused unless force, as visit_assign); the worker it was taken
 * from is recorded. */
int visit_replace(app *a, int64_t id, int64_t worker_id, bool force, cerr *e);

/* ---- the liaison notebook (I3) ---- */

/* Write an entry in a client's notebook, dated now: client_id and text required (at most 2,000
 * characters); by_worker with author the worker's id as text, else by the person working;
 * visit_id (0: none) a visit of that client. ST_INVALID naming client, text, worker or visit.
 * Sets n->id, n->at, n->author. */
int note_add(app *a, note_entry *n, cerr *e);
/* The client's notebook, newest first. */
int note_list(app *a, int64_t client_id, note_entry **rows, size_t *n, cerr *e);

#endif
