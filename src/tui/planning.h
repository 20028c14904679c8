/* planning.h — private to the Planning area of the screens (view_planning*.c). */
#ifndef CHARTE_TUI_PLANNING_H
#define CHARTE_TUI_PLANNING_H

#include "frame.h"

/* Go to the Planning tab showing the week of visit v, its worker's (or, uncovered, the visits
 * no worker covers), v selected. */
void planning_show_visit(tui *t, const visit *v);
/* Select visit id on the Planning grid when it is the view on top (a visit just planned). */
void planning_select(tui *t, int64_t id);
/* The form of a visit planned by hand (view_visit_form.c): the grid's client and worker (0:
 * none) chosen already, the day and the start from its cursor. */
void planning_plan_form(tui *t, int64_t client_id, const char *client_name, int64_t worker_id,
			const char *worker_name, cday day, int start);
/* The forbidden zones of a client as the coordinator must see them beside each visit: the
 * client file's, then those recorded at first meetings (each once); NULL when none (caller
 * frees). */
char *planning_forbidden_zones(app *a, int64_t client_id);

#endif
