/* complaints.h — private to the Complaints area of the screens (view_complaints*.c,
 * view_complaint*.c, view_plan*.c, view_followups.c): the views its files open in one another.
 * Complaints, action plans and follow-up calls share one tab: the complaints' list is its root,
 * `P` shows the plans, `F` the follow-up calls. */
#ifndef CHARTE_TUI_COMPLAINTS_H
#define CHARTE_TUI_COMPLAINTS_H

#include "charte/complaint.h"
#include "form.h"
#include "frame.h"

/* A complaint's page (view_complaint.c): arg points at its int64_t id. */
extern const struct view_ops view_complaint_ops;
/* The form recording a complaint (view_complaint_form.c): arg NULL, or points at the int64_t id
 * of the client it is about. */
extern const struct view_ops view_complaint_form_ops;
/* The list of action plans (view_plans.c) and a plan's page (view_plan.c: arg points at its
 * int64_t id). */
extern const struct view_ops view_plans_ops, view_plan_ops;
/* The follow-up calls (view_followups.c), from `F`, and their section of Today. */
extern const struct view_ops view_followups_ops;
struct today_section;
extern const struct today_section followups_due_today;

/* What the area's forms share (view_complaint_form.c). How a day is typed, in the reader's
 * language. */
const char *complaints_date_format(void);
/* The day typed in field `name`, required and no later than `latest` (NO_DAY: any day): NULL,
 * or the reason it is refused (untranslated). */
const char *complaints_form_day(form *f, const char *name, cday latest, cday *day);
/* NULL, or the reason a required text field is refused (untranslated): it is blank. */
const char *complaints_form_required(form *f, const char *name);
/* The choice of a complaint's category (data/complaint-categories.csv, in the reader's
 * language), on `code` at first (NULL: the first); the categories are kept in *cats (the
 * caller frees them with complaint_categories_free) for complaints_category_chosen. */
field *complaints_add_category(form *f, app *a, const char *code, complaint_category **cats,
			       size_t *n);
/* The code of the category chosen, or "". */
const char *complaints_category_chosen(form *f, const complaint_category *cats, size_t n);

/* What a small dated form records on a complaint (view_complaint_form.c). */
enum complaint_record_kind { CREC_ACTION, CREC_ANSWER, CREC_CLOSE };
void complaint_record_form(tui *t, int64_t id, enum complaint_record_kind kind);

/* The form of a new action plan answering the complaints ids[0..n) (view_plans.c), its title
 * proposed. */
void plan_new_form(tui *t, const int64_t *ids, size_t n, const char *title);
/* Make a plan from complaint id: the complaints of its recurring problems (R7) not yet in a plan,
 * else the complaint alone (view_plans.c). */
void plan_from_complaint(tui *t, int64_t id);

#endif
