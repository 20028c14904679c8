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
/* What a worker's or a client's file records for continuity of service
 * (view_planning_record.c). */
enum planning_record { PREC_ABSENCE, PREC_MEETING, PREC_NOTE };
/* Open the small form recording `kind`: an absence of worker_id; a first meeting of client_id
 * or of worker_id (the other chosen in the form); an entry of client_id's notebook. `name` is the
 * client's or the worker's, for its title. Says why not when the role may not write it. */
void planning_record_form(tui *t, enum planning_record kind, int64_t client_id,
			  int64_t worker_id, const char *name);
/* A first meeting on one line, for a file: who met (the worker, on a client's file; the client,
 * on a worker's), for the agency, the service, the request, the forbidden zones, signed or not
 * (caller frees). */
char *planning_meeting_text(app *a, const meeting *m, bool on_client_file);
/* An absence's kind as people read it (leave, sick, training, other). */
const char *planning_absence_kind(const char *kind);
/* The forbidden zones of a client as the coordinator must see them beside each visit: the
 * client file's, then those recorded at first meetings (each once); NULL when none (caller
 * frees). */
char *planning_forbidden_zones(app *a, int64_t client_id);

#endif
