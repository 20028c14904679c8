/* visit.h — visits (issue 8, points 3, 4 and 6; DESIGN.md O4, O5, O7, I1, R4, R5): generated from
 * the signed recurring contracts' weekly slots over a rolling horizon (setting
 * planning.horizon_weeks) or planned by hand; each delivers one line of its contract (its
 * service, price and VAT), by a worker (or none yet: uncovered), from a planned start to a
 * planned end (at most a day later), and goes planned -> done, or cancelled (with its reason) or
 * missed; arrival and departure are recorded, and an arrival later than the start plus the
 * tolerance (setting punctuality.tolerance_minutes) is late.
 *
 * Planning a visit or giving it a worker runs the planning checks: the worker busy at that time,
 * outside their weekly availability, absent, lacking the skill of the service or one the
 * contract names besides its services, or who has not met the client; a contract not signed, or a visit within its withdrawal period without the
 * client's express request (R4). Each is refused with its reason unless the person confirms
 * (force): the visit then records which checks it was planned despite, and the audit reports
 * it. Everyone on the staff reads the planning; a coordinator or a manager changes it
 * (AREA_PLANNING). Visits are never deleted. Each write is one transaction. */
#ifndef CHARTE_VISIT_H
#define CHARTE_VISIT_H

#include "charte/app.h"

/* The reasons the rules give a cancellation (stored as these words, shown translated by
 * visit_reason_label). */
#define VISIT_REASON_ENDED     "contract ended"
#define VISIT_REASON_WITHDRAWN "contract withdrawn"
#define VISIT_REASON_HOLIDAY   "public holiday"

/* The planning checks, as bits of a mask; their stored codes (visit.forced) are busy,
 * unavailable, absent, skill, not-met, unsigned, withdrawal. */
enum visit_check {
	VISIT_CHECK_BUSY = 1 << 0,
	VISIT_CHECK_AVAILABILITY = 1 << 1,
	VISIT_CHECK_ABSENT = 1 << 2,
	VISIT_CHECK_SKILL = 1 << 3,
	VISIT_CHECK_MET = 1 << 4,
	VISIT_CHECK_UNSIGNED = 1 << 5,
	VISIT_CHECK_WITHDRAWAL = 1 << 6,
};

/* ---- pure rules ---- */

/* I1: arrived later than the planned start plus `tolerance` minutes (at exactly the tolerance:
 * on time). False with no arrival. */
bool visit_is_late(const visit *v, int tolerance);
/* A stored cancellation reason as people read it: the rules' words translated, else as typed. */
const char *visit_reason_label(const char *stored);
/* The checks of a mask as stored codes, comma-separated ("busy,skill"; caller frees). */
char *visit_checks_codes(unsigned mask);
/* The Monday of the week of `day`. */
cday visit_week_of(cday day);

/* ---- the planning checks ---- */

/* Every check for visit v (contract_id, client_id, line_id, worker_id, starts, ends; id 0 for a
 * new one) as it would be planned: *failed the mask of those that fail, *reasons their reasons
 * in words, "; "-separated (translated, caller frees; "" when none fails). A visit with no
 * worker is checked only for its contract. */
int visit_checks(app *a, const visit *v, unsigned *failed, char **reasons, cerr *e);

/* ---- operations ---- */

/* Plan a visit by hand: given contract_id, worker_id (0: none yet), starts, ends and
 * service_code (NULL: the contract's only service). A contract withdrawn, a visit before the
 * contract's start or after its end, an end not after the start or more than a day later are
 * refused (ST_INVALID naming contract, start, end or service). A failing planning check is
 * refused (ST_CONFLICT on "worker" or "contract", every reason said) unless `force`: then the
 * visit records the checks it was planned despite. Sets id, client_id, line_id, forced,
 * created_at, created_by. */
int visit_plan(app *a, visit *v, bool force, cerr *e);
/* Give planned visit `id` to worker_id (0: none, uncovered), with the planning checks as
 * visit_plan; the worker it had is kept as the one it was taken from. */
int visit_assign(app *a, int64_t id, int64_t worker_id, bool force, cerr *e);
/* Record the arrival (or departure) at `at` (not later than now; from 12 hours before the start
 * to 12 hours after the end; a departure after the arrival). A cancelled or missed visit has
 * none. */
int visit_arrive(app *a, int64_t id, cminute at, cerr *e);
int visit_leave(app *a, int64_t id, cminute at, cerr *e);
/* A planned visit that has started: done, or missed (the worker did not come). */
int visit_done(app *a, int64_t id, cerr *e);
int visit_missed(app *a, int64_t id, cerr *e);
/* Cancel a planned visit, with the reason (required, one line). */
int visit_cancel(app *a, int64_t id, const char *reason, cerr *e);

enum visit_step {
	VISIT_STEP_ARRIVE,
	VISIT_STEP_LEAVE,
	VISIT_STEP_DONE,
	VISIT_STEP_MISSED,
	VISIT_STEP_CANCEL,
	VISIT_STEP_ASSIGN
};
/* Whether `step` may be taken on v now: ST_OK, or the reason the operation gives too (a screen
 * asks it before it offers the key). */
int visit_can(const visit *v, int step, cminute now, cerr *e);

/* What visit_generate did. */
typedef struct visit_generation {
	int created;   /* new visits */
	int changed;   /* visits not yet done that followed their slot (time, worker, holiday) */
	int cancelled; /* planned on a public holiday of a contract that skips them */
	int kept;      /* already there as they should be, or done, cancelled or missed */
} visit_generation;
/* Generate the visits of the signed recurring contracts' weekly slots for the days from..to
 * (NO_DAY: today, and the last day of the horizon, planning.horizon_weeks weeks): one per slot
 * and week, on the slot's day from its start to its end (the next day when it ends at or before
 * its start), from the contract's start (and after its withdrawal period without the client's
 * express request, R4) to its end (R5); none on a public holiday when the contract skips them.
 * A visit already generated is not made again; one not yet done follows its slot as it is now.
 * Generated visits are not checked (the audit reports what does not fit). One transaction. */
int visit_generate(app *a, cday from, cday to, visit_generation *out, cerr *e);

int visit_get(app *a, int64_t id, visit *out, cerr *e); /* ST_NOT_FOUND */
/* The visits of f in start order (f->from..to a week of a grid: one index range), by page or
 * one at a time. */
int visit_page(app *a, const visit_filter *f, const visit *from, bool backward, int limit,
	       visit **rows, size_t *n, cerr *e);
int visit_each(app *a, const visit_filter *f, int (*fn)(const visit *v, void *arg), void *arg,
	       cerr *e);
int visit_count(app *a, const visit_filter *f, int64_t *n, cerr *e);
/* The tolerance of punctuality.tolerance_minutes, for a face showing `late`. */
int visit_tolerance(app *a);

/* ---- punctuality (I1) ---- */

typedef struct punctuality {
	int64_t arrived; /* visits with an arrival recorded */
	int64_t late;    /* of those, late (visit_is_late) */
	int rate;        /* on time / arrived in percent, rounded half up; -1 with no arrival */
} punctuality;
/* The worker's punctuality over the visits planned to start in [from, to] (days). */
int visit_punctuality(app *a, int64_t worker_id, cday from, cday to, punctuality *out, cerr *e);
/* ... in one month (1..12) of a year. */
int visit_punctuality_month(app *a, int64_t worker_id, int year, int month, punctuality *out,
			    cerr *e);

#endif
