/* call_actions.h — private to src/tui: the call actions shared by Today, the call list and the
 * call's page. */
#ifndef CHARTE_TUI_CALL_ACTIONS_H
#define CHARTE_TUI_CALL_ACTIONS_H

#include "charte/call.h"
#include "frame.h"

/* ---- Call actions shared by Today, the call list and the call's page ------------------ */

/* Each checks that the user may write and that the call is in a state for it (saying why
 * not), asks what is needed (a note, a yes, a reason), acts through call.h, then refreshes. */
void call_act_called_back(tui *t, const call *c);
void call_act_doc_sent(tui *t, const call *c);
void call_act_cancel(tui *t, const call *c);
/* A callback tried with no answer (view_callback_form.c): its time and a note. */
void call_act_attempt(tui *t, const call *c);
/* The form asking the time (now, editable) of what was done on call c: kind 0 called back
 * (with a note), 1 a callback tried with no answer (with a note), 2 the documentation sent. */
enum { CALL_DONE_CALLED_BACK, CALL_DONE_ATTEMPT, CALL_DONE_DOC_SENT };
void call_done_form(tui *t, const call *c, int kind);
/* The call form on this call. */
void call_act_edit(tui *t, const call *c);
/* The new-call form, its client chosen already (0: none) with its name and phone filled in. */
void call_act_new(tui *t, int64_t client_id);
/* The call's page. */
void call_act_open(tui *t, const call *c);
/* An action on the selected call c (open, edit, called back, documentation sent, cancel):
 * TK_PASS when act is none of them; with no call selected, says `none` (translated). */
int call_act(tui *t, const call *c, enum action act, const char *none);
/* The one-word state of a call for lists ("overdue", "to call back"...) and its style. */
const char *call_state(const call *c, cminute now, enum style *s);

#endif
