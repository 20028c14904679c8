/* call_actions.c — what the front desk does to a call, the same from Today, the call list and
 * the call's page: open, edit, called back (with a note), documentation sent, cancel (with a
 * reason). The rules are the domain's (call.h); this asks, reports, and refreshes. */
#include <stdlib.h>
#include <string.h>

#include "charte/call.h"
#include "charte/calendar.h"
#include "call_actions.h"
#include "dialog.h"
#include "frame.h"
#include "views.h"

/* Core decides where the call stands; this only styles and labels it. */
const char *call_state(const call *c, cminute now, enum style *s)
{
	int state = call_state_of(c, now);
	switch (state) {
	case CALL_CANCELLED: *s = S_CANCELLED; break;
	case CALL_OVERDUE:
	case CALL_DOC_LATE: *s = S_OVERDUE; break;
	case CALL_DUE_TODAY: *s = S_DUE_TODAY; break;
	case CALL_TO_CALL_BACK: *s = c->voicemail ? S_VOICEMAIL : S_NORMAL; break;
	case CALL_VOICEMAIL: *s = S_VOICEMAIL; break;
	case CALL_CALLED_BACK:
	case CALL_DOC_SENT: *s = S_DONE; break;
	default: *s = S_NORMAL; break;
	}
	return enum_label(&call_states, state);
}

/* Says core's reason when the step cannot be taken on c. */
static bool can(tui *t, const call *c, int step)
{
	cerr e;
	err_clear(&e);
	if (!call_can(c, step, &e))
		return true;
	tui_error(t, &e);
	return false;
}

static int64_t *id_arg(int64_t id)
{
	int64_t *p = xmalloc(sizeof *p);
	*p = id;
	return p;
}

/* "Call 12: Mme Lefèvre, 01 23 45 67 89": which call a question is about. */
static char *call_line(const call *c)
{
	char phone[32];
	tui_fmt_phone(c->phone, phone);
	return *phone ? xasprintf(_("Call %lld: %s, %s"), (long long)c->id, c->caller, phone)
		      : xasprintf(_("Call %lld: %s"), (long long)c->id, c->caller);
}

void call_act_open(tui *t, const call *c)
{
	int64_t id = c->id; /* c may be a list's row, gone once the page opens */
	tui_push(t, &view_call_ops, &id);
}

void call_act_edit(tui *t, const call *c)
{
	if (!tui_may(t, AREA_CALLS) || !can(t, c, CALL_STEP_EDIT))
		return;
	int64_t id = c->id;
	tui_push(t, &view_call_form_ops, &id);
}

void call_act_called_back(tui *t, const call *c)
{
	if (!tui_may(t, AREA_CALLS) || !can(t, c, CALL_STEP_CALLED_BACK))
		return;
	call_done_form(t, c, CALL_DONE_CALLED_BACK); /* the time, now or as typed, and a note */
}

void call_act_doc_sent(tui *t, const call *c)
{
	if (!tui_may(t, AREA_CALLS) || !can(t, c, CALL_STEP_DOC_SENT))
		return;
	call_done_form(t, c, CALL_DONE_DOC_SENT); /* the time, now or as typed */
}

static int cancel_submit(tui *t, void *arg, const char *text, cerr *e)
{
	int64_t id = *(int64_t *)arg;
	int r = call_cancel(tui_app(t), id, text, e);
	if (r)
		return r;
	tui_changed(t);
	tui_msg(t, _("Call %lld cancelled"), (long long)id);
	return ST_OK;
}

void call_act_cancel(tui *t, const call *c)
{
	if (!tui_may(t, AREA_CALLS) || !can(t, c, CALL_STEP_CANCEL))
		return;
	char *about = call_line(c);
	char *help = xasprintf("%s\n%s", about,
			       _("Calls are never deleted: this one is kept, marked cancelled, "
				 "with the reason."));
	dialog_prompt(t, _("Cancel the call"), _("Reason"), help, "", cancel_submit,
		      id_arg(c->id));
	free(help);
	free(about);
}

int call_act(tui *t, const call *c, enum action act, const char *none)
{
	switch (act) {
	case ACT_OPEN:
	case ACT_EDIT:
	case ACT_CALLED_BACK:
	case ACT_ATTEMPT:
	case ACT_DOC_SENT:
	case ACT_CANCEL_CALL: break;
	default: return TK_PASS;
	}
	if (!c) {
		tui_msg(t, "%s", none);
		return TK_DONE;
	}
	if (act == ACT_OPEN)
		call_act_open(t, c);
	else if (act == ACT_EDIT)
		call_act_edit(t, c);
	else if (act == ACT_CALLED_BACK)
		call_act_called_back(t, c);
	else if (act == ACT_ATTEMPT)
		call_act_attempt(t, c);
	else if (act == ACT_DOC_SENT)
		call_act_doc_sent(t, c);
	else
		call_act_cancel(t, c);
	return TK_DONE;
}
