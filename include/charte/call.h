/* call.h — the call log's rules: what a call must hold, R1, voicemail, documentation delay,
 * and the operations of the front desk. Each operation is one transaction. */
#ifndef CHARTE_CALL_H
#define CHARTE_CALL_H

#include "charte/app.h"

/* Working days allowed to send documentation asked for on the phone (A6). */
#define CALL_DOC_DELAY_DAYS 2

/* Check a call as typed (field-level reasons: caller, phone, subject, at, callback). */
int call_check(app *a, const call *c, cerr *e);
/* What the rules derive from a call as typed, the same for every way a call enters the log
 * (call_log, call_edit, the importer, the demo): the phone in its normal form (it was checked by
 * call_check), voicemail (the desk closed at c->at), the callback due time (R1), the
 * documentation deadline (doc_days working days after the call is received, A6);
 * called_back_at and doc_sent_at are cleared when no callback or documentation was asked. */
void call_prepare(const desk *k, int doc_days, call *c);
/* The documentation delay in working days, from the settings (read it once for bulk work). */
int call_doc_delay(app *a);
/* Log a new call: check it, set who took it, voicemail (desk closed at c->at), the callback due
 * time (R1) and the documentation deadline; store it. c->at NO_MINUTE means now. */
int call_log(app *a, call *c, cerr *e);
/* Edit a call's caller, phone, subject, time and flags: only what differs from `base` (the
 * call as the person saw it; NULL: as stored now) is written; derived fields follow. */
int call_edit(app *a, const call *base, call *c, cerr *e);
/* The callback was made (at: NO_MINUTE for now). */
int call_called_back(app *a, int64_t id, cminute at, const char *note, cerr *e);
/* The documentation asked for was sent (at: NO_MINUTE for now). */
int call_doc_sent(app *a, int64_t id, cminute at, cerr *e);
/* A mistaken call is cancelled, never deleted; the reason is required. */
int call_cancel(app *a, int64_t id, const char *reason, cerr *e);
/* A callback tried with no answer, at `at` (NO_MINUTE: now), with a note (may be NULL): kept
 * with who tried; the callback stays open and due as it was. Refused (naming the field) for a
 * call cancelled, without callback or already called back, a time later than now or before the
 * call, a note too long. */
int call_attempt(app *a, int64_t id, cminute at, const char *note, cerr *e);
/* The attempts of call id, oldest first (call_attempts_free). */
int call_attempts(app *a, int64_t id, callback_attempt **rows, size_t *n, cerr *e);
/* One call (ST_NOT_FOUND). */
int call_get(app *a, int64_t id, call *out, cerr *e);
/* A page of at most limit calls after `from` (NULL: from the newest; with backward, from the
 * oldest side), newest first in *rows whatever the direction: by time, or, with a search, in
 * the order the calls were logged. */
int call_page(app *a, const call_filter *f, const call *from, bool backward, int limit,
	      call **rows, size_t *n, cerr *e);
/* Every call matching f, oldest first, without loading them all: fn returns non-zero to stop. */
int call_each(app *a, const call_filter *f, int (*fn)(const call *c, void *arg), void *arg,
	      cerr *e);
/* For Today: overdue callbacks (earliest due first), callbacks due in [from, to) by due time,
 * documentation to send (oldest first); at most limit each. */
int call_overdue(app *a, int limit, call **rows, size_t *n, cerr *e);
int call_due_between(app *a, cminute from, cminute to, int limit, call **rows, size_t *n,
		     cerr *e);
int call_docs_pending(app *a, int limit, call **rows, size_t *n, cerr *e);
/* Derived state, for lists and the dashboard. */
bool call_is_open(const call *c);                 /* callback pending */
bool call_is_overdue(const call *c, cminute now); /* pending and due < now */
bool call_doc_pending(const call *c);
/* Where a call stands as of now, the one thing to say of it in a list (enum call_state, named
 * and labelled by call_states): cancelled; a callback overdue, due today, or to make; the
 * documentation late or to send; a voicemail message; called back; documentation sent;
 * answered; else CALL_STATE_NONE. */
int call_state_of(const call *c, cminute now);

/* What the front desk does to a call, as call_can asks it. */
enum call_step {
	CALL_STEP_EDIT,        /* change what was logged */
	CALL_STEP_CALLED_BACK, /* see call_called_back */
	CALL_STEP_DOC_SENT,    /* see call_doc_sent */
	CALL_STEP_CANCEL,      /* see call_cancel */
};
/* Whether `step` may be taken on c: ST_OK, or the reason the operation gives (it asks this
 * too), so that a screen says it before asking for a note or a reason. */
int call_can(const call *c, int step, cerr *e);

#endif
