/* db_complaints.h — complaints and anomalies (S5), their actions, the categories of
 * data/complaint-categories.csv, action plans and their actions (S7), and the recurring
 * problems of R7, in storage. Complaints list newest first (received day, then id); plans by id,
 * newest first. */
#ifndef CHARTE_DB_COMPLAINTS_H
#define CHARTE_DB_COMPLAINTS_H

#include "charte/db.h"

/* Store a new complaint, every field as given (checked by core/complaint.c); sets c->id. */
int db_complaint_insert(db *d, complaint *c, cerr *e);
/* Its status, answer and their days (what changes after it is recorded). ST_NOT_FOUND. */
int db_complaint_update(db *d, const complaint *c, cerr *e);
/* With the client's and the worker's names and whether a plan answers it. ST_NOT_FOUND. */
int db_complaint_get(db *d, int64_t id, complaint *out, cerr *e);

/* A page of at most limit complaints after `from` (NULL: from the first; backward: the page
 * before), newest first. Only from->id and ->received_on are read. */
int db_complaints_page(db *d, const complaint_filter *f, const complaint *from, bool backward,
		       int limit, complaint **rows, size_t *n, cerr *e);
/* Every complaint f keeps, oldest first. */
int db_complaints_each(db *d, const complaint_filter *f,
		       int (*fn)(const complaint *c, void *arg), void *arg, cerr *e);
int db_complaints_count(db *d, const complaint_filter *f, int64_t *n, cerr *e);

int db_complaint_action_insert(db *d, complaint_action *a, cerr *e); /* sets a->id */
int db_complaint_actions(db *d, int64_t complaint_id, complaint_action **rows, size_t *n,
			 cerr *e);

/* The categories, in their order; and one by code (*found false when none has it). */
int db_complaint_categories(db *d, complaint_category **rows, size_t *n, cerr *e);
int db_complaint_category_known(db *d, const char *code, bool *found, cerr *e);
/* Add a category, or give it these labels and this place when its code is there. */
int db_complaint_category_put(db *d, const complaint_category *c, int position, cerr *e);

/* R7: the groups of complaints received after `since` and on or before `today` that are of one
 * category (at least per_category of them) or about one worker (at least per_worker), categories
 * first (by code), then workers (by id); each with its complaints by id and how many are in no
 * action plan. The finding action-plan-missing reads the same groups. */
int db_complaints_recurring(db *d, cday since, cday today, int per_category, int per_worker,
			    recurring_problem **rows, size_t *n, cerr *e);

/* Action plans. */
int db_plan_insert(db *d, action_plan *p, cerr *e); /* sets p->id */
int db_plan_update(db *d, const action_plan *p, cerr *e); /* title, cause, status, closed_on */
int db_plan_get(db *d, int64_t id, action_plan *out, cerr *e); /* ST_NOT_FOUND */
/* Link a complaint to a plan (already linked: nothing changes). */
int db_plan_link(db *d, int64_t plan_id, int64_t complaint_id, cerr *e);
/* The complaints a plan answers, oldest first. */
int db_plan_complaints(db *d, int64_t plan_id, complaint **rows, size_t *n, cerr *e);
/* The plans that answer a complaint, by id. */
int db_complaint_plans(db *d, int64_t complaint_id, action_plan **rows, size_t *n, cerr *e);
int db_plans_page(db *d, const plan_filter *f, const action_plan *from, bool backward,
		  int limit, action_plan **rows, size_t *n, cerr *e);
int db_plans_each(db *d, const plan_filter *f, int (*fn)(const action_plan *p, void *arg),
		  void *arg, cerr *e);
int db_plans_count(db *d, const plan_filter *f, int64_t *n, cerr *e);

int db_plan_action_insert(db *d, plan_action *a, cerr *e); /* sets a->id */
int db_plan_action_update(db *d, const plan_action *a, cerr *e); /* done_on */
int db_plan_action_get(db *d, int64_t id, plan_action *out, cerr *e); /* ST_NOT_FOUND */
/* A plan's actions by due day. */
int db_plan_actions(db *d, int64_t plan_id, plan_action **rows, size_t *n, cerr *e);

#endif
