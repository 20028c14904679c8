/* complaint.h — complaints and anomalies (DESIGN.md S5), recurring problems (R7) and action plans
 * (S7). A complaint is received on a day through a channel (phone, letter, email, at home, the
 * survey, a follow-up call), about a client and maybe one of the workers, in a category of
 * data/complaint-categories.csv, with a description and a severity; an anomaly is one the agency
 * noticed itself, recorded the same way and marked. It goes open -> in progress (an action was
 * recorded) -> answered (the answer given to the client, with its day) -> closed; it is never
 * deleted. An action plan answers complaints (at least one), states the cause found, and has
 * actions, each with an owner on the staff, a due day and the day it was done; it is closed once
 * every action is done.
 *
 * R7: as of today, the complaints received within the last recurring.window_months months (after
 * the same day that many months ago, up to today) make a recurring problem when
 * recurring.same_category or more are of one category, or recurring.same_worker or more are
 * about one worker. Each complaint of a recurring problem is to be answered by an action plan:
 * while one is not, the audit reports `action-plan-missing`. A complaint not closed more than
 * complaint.overdue_days after it was received is `complaint-overdue`.
 *
 * Each write is one transaction; a rejected one names its field (client, worker, on, category,
 * text, channel, severity; title, complaints, cause, owner, due) and writes nothing. Who may:
 * everyone on the staff records complaints and what is done about them; coordinators and
 * managers write action plans (roles.h: AREA_COMPLAINTS, AREA_PLANS). */
#ifndef CHARTE_COMPLAINT_H
#define CHARTE_COMPLAINT_H

#include "charte/app.h"

/* The steps of a complaint's life, as complaint_can asks them. */
enum complaint_step {
	COMPLAINT_ACT,    /* record an action: not closed; an open one goes in progress */
	COMPLAINT_ANSWER, /* record the answer given: not closed, not answered yet */
	COMPLAINT_CLOSE,  /* a complaint once answered, an anomaly at any time */
};
/* Whether `step` may be taken on c on the day `on` (NO_DAY: any day): ST_OK, or the reason, the
 * very one the operation gives. A screen asks it with NO_DAY before it asks for a day. */
int complaint_can(const complaint *c, int step, cday on, cerr *e);

/* The categories (data/complaint-categories.csv, loaded by complaint_load_defaults). */
int complaint_categories(app *a, complaint_category **rows, size_t *n, cerr *e);
/* The label of code among rows in the user's language (the code itself when it is none). */
const char *complaint_category_label(const complaint_category *rows, size_t n, const char *code);
/* Parse a categories file: lines code;label_en;label_fr (a header line "code;..." skipped). */
int complaint_parse_categories(const char *text, complaint_category **rows, size_t *n,
			       cerr *e);
/* The built-in copy of data/complaint-categories.csv (tests compare them). */
const char *complaint_builtin_categories(void);
/* Load data/complaint-categories.csv (else the built-in copy) into the file. */
int complaint_load_defaults(app *a, cerr *e);

/* Check and store a new complaint: c->client_id, received_on, category, description required;
 * recorded_by and created_at are set. Sets c->id. */
int complaint_create(app *a, complaint *c, cerr *e);
int complaint_get(app *a, int64_t id, complaint *out, cerr *e); /* ST_NOT_FOUND */
/* Record an action done on the day `on` (sets *action_id when not NULL). */
int complaint_act(app *a, int64_t id, cday on, const char *text, int64_t *action_id, cerr *e);
/* Record the answer given to the client on the day `on`. */
int complaint_answer(app *a, int64_t id, cday on, const char *text, cerr *e);
int complaint_close(app *a, int64_t id, cday on, cerr *e);
int complaint_actions(app *a, int64_t id, complaint_action **rows, size_t *n, cerr *e);
/* The plans that answer complaint id. */
int complaint_plans(app *a, int64_t id, action_plan **rows, size_t *n, cerr *e);
/* Whether c, as of today, is open longer than complaint.overdue_days (S5). */
bool complaint_overdue(app *a, const complaint *c);

/* Lists (newest first; each_ oldest first). */
int complaint_page(app *a, const complaint_filter *f, const complaint *from, bool backward,
		   int limit, complaint **rows, size_t *n, cerr *e);
int complaint_each(app *a, const complaint_filter *f, int (*fn)(const complaint *c, void *arg),
		   void *arg, cerr *e);
int complaint_count(app *a, const complaint_filter *f, int64_t *n, cerr *e);

/* R7: the recurring problems as of today (categories first, then workers). */
int complaint_recurring(app *a, recurring_problem **rows, size_t *n, cerr *e);

/* ---- action plans ---- */

enum plan_step {
	PLAN_ADD_ACTION, /* an open plan */
	PLAN_LINK,       /* answer more complaints: an open plan */
	PLAN_CLOSE,      /* an open plan whose every action is done (it has at least one) */
};
/* Whether `step` may be taken on p (its actions counted in p->nactions, p->ndone) on `on`. */
int plan_can(const action_plan *p, int step, cday on, cerr *e);

/* A new plan answering the complaints ids[0..n) (at least one, each existing): title required,
 * cause optional. Opened today; sets p->id. */
int plan_create(app *a, action_plan *p, const int64_t *ids, size_t n, cerr *e);
/* Answer more complaints with plan id (those already linked are left as they are). */
int plan_link(app *a, int64_t id, const int64_t *ids, size_t n, cerr *e);
int plan_get(app *a, int64_t id, action_plan *out, cerr *e); /* ST_NOT_FOUND */
/* An action of plan pa->plan_id: text, owner (a login of the staff), due day. Sets pa->id. */
int plan_action_add(app *a, plan_action *pa, cerr *e);
/* Mark action action_id done on the day `on`. */
int plan_action_done(app *a, int64_t action_id, cday on, cerr *e);
int plan_close(app *a, int64_t id, cday on, cerr *e);
int plan_actions(app *a, int64_t id, plan_action **rows, size_t *n, cerr *e);
int plan_complaints(app *a, int64_t id, complaint **rows, size_t *n, cerr *e);
int plan_page(app *a, const plan_filter *f, const action_plan *from, bool backward, int limit,
	      action_plan **rows, size_t *n, cerr *e);
int plan_each(app *a, const plan_filter *f, int (*fn)(const action_plan *p, void *arg),
	      void *arg, cerr *e);
int plan_count(app *a, const plan_filter *f, int64_t *n, cerr *e);

/* "3,5, 8" -> ids (malloc'd, in the order given, each once); ST_INVALID naming field. */
int complaint_parse_ids(const char *typed, const char *field, int64_t **ids, size_t *n,
			cerr *e);

#endif
