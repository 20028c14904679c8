/* call.c — the front desk's rules: a call's fields, voicemail, R1, the documentation delay. */
#include "charte/call.h"

#include "core.h"
#include "charte/audit.h"

#include <stdlib.h>
#include <string.h>

#include "charte/client.h"
#include "charte/settings.h"

#define CALLER_MAX 200
#define SUBJECT_MAX 2000

int call_check(app *a, const call *c, cerr *e)
{
	int r;
	if ((r = text_check(c->caller, "caller", CALLER_MAX, true, e)))
		return r;
	if ((r = text_check(c->subject, "subject", SUBJECT_MAX, false, e)))
		return r;
	/* blank: no phone (normalise_phone) */
	if ((r = field_check_phone(c->phone, "phone", e)))
		return r;
	if (c->at != NO_MINUTE) {
		cminute now = app_now(a);
		if (c->at > now)
			return err_set(e, ST_INVALID, "at",
				       _("is later than now: nobody logs a call that has not "
					 "happened"));
		if (c->at < cal_at(cal_days(2000, 1, 1), 0))
			return err_set(e, ST_INVALID, "at", _("is before the year 2000"));
	}
	if (c->answered && c->callback)
		return err_set(e, ST_INVALID, "callback",
			       _("a call answered at once needs no callback: choose one"));
	if (c->answered && !cal_desk_open(&a->desk, c->at != NO_MINUTE ? c->at : app_now(a)))
		return err_set(e, ST_INVALID, "answered",
			       _("the desk was closed at that time, so nobody answered: it is a "
				 "message left on the answering machine"));
	if (c->client_id && (r = client_require(a, c->client_id, "client", e)))
		return r;
	return ST_OK;
}

/* Phone to its normal form in place; the text was checked by call_check. */
static void normalise_phone(call *c)
{
	if (!c->phone)
		return;
	if (str_blank(c->phone)) {
		free(c->phone);
		c->phone = NULL;
		return;
	}
	char normal[17];
	if (!parse_phone(c->phone, normal)) {
		free(c->phone);
		c->phone = xstrdup(normal);
	}
}

int call_doc_delay(app *a)
{
	return (int)settings_int(a, "documentation.delay_days");
}

void call_prepare(const desk *k, int doc_days, call *c)
{
	normalise_phone(c);
	c->voicemail = !cal_desk_open(k, c->at);
	cminute received = cal_next_opening(k, c->at);
	c->due = c->callback ? cal_callback_due(k, c->at) : NO_MINUTE;
	if (!c->callback)
		c->called_back_at = NO_MINUTE;
	if (c->documentation) {
		c->doc_due = cal_at(cal_add_working_days(k, cal_day_of(received), doc_days),
				    cal_minute_of_day(received));
	} else {
		c->doc_due = c->doc_sent_at = NO_MINUTE;
	}
}

static void trim_field(char **s)
{
	if (*s)
		str_trim(*s);
}

int call_log(app *a, call *c, cerr *e)
{
	int r = role_check(a, AREA_CALLS, ACCESS_WRITE, e);
	if (r)
		return r;
	cminute now = app_now(a);
	if (c->at == NO_MINUTE)
		c->at = now;
	trim_field(&c->caller);
	trim_field(&c->subject);
	if ((r = call_check(a, c, e)))
		return r;
	normalise_phone(c);
	/* A call from a client's number belongs to that client (one normal form for phones). */
	if (!c->client_id && c->phone && (r = db_client_id_by_phone(a->db, c->phone, &c->client_id, e)))
		return r;
	free(c->taken_by);
	c->taken_by = xstrdup(a->login);
	c->called_back_at = c->doc_sent_at = NO_MINUTE;
	c->cancelled = false;
	call_prepare(&a->desk, call_doc_delay(a), c);
	if ((r = db_begin(a->db, e)))
		return r;
	return db_end(a->db, db_call_insert(a->db, c, e), e);
}

RECORD_UPDATE(call_put, call, db_call_update);
RECORD_OPS(call_ops, call, AREA_CALLS, call_init, call_free, db_call_get, call_put);

struct edit_arg {
	call *with;
	const call *base; /* the call as the person saw it; NULL: as stored now */
};

static int do_edit(app *a, void *rec, void *arg, cerr *e)
{
	call *c = rec;
	call *n = ((struct edit_arg *)arg)->with;
	int r = call_can(c, CALL_STEP_EDIT, e);
	if (r)
		return r;
	trim_field(&n->caller);
	trim_field(&n->subject);
	if (n->at == NO_MINUTE)
		n->at = c->at;
	r = call_check(a, n, e);
	if (r)
		return r;
	normalise_phone(n);
	/* What the person changed, and only that, over the call as stored now. */
	const call *base = ((struct edit_arg *)arg)->base;
	if ((r = record_merge(&call_record, c, base ? base : c, n, e)))
		return r;
	if (!c->subject)
		c->subject = xstrdup("");
	cminute called_back = c->called_back_at, doc_sent = c->doc_sent_at;
	call_prepare(&a->desk, call_doc_delay(a), c);
	c->called_back_at = c->callback ? called_back : NO_MINUTE;
	c->doc_sent_at = c->documentation ? doc_sent : NO_MINUTE;
	if (!c->callback) {
		free(c->callback_note);
		c->callback_note = NULL;
	}
	return ST_OK;
}

int call_edit(app *a, const call *base, call *c, cerr *e)
{
	struct edit_arg arg = {c, base};
	return record_change(a, &call_ops, c->id, do_edit, &arg, e);
}

struct done_arg {
	cminute at;
	const char *note;
};

static int check_when(app *a, const call *c, cminute at, const char *field, cerr *e)
{
	if (at > a->now)
		return err_set(e, ST_INVALID, field, _("is later than now"));
	if (at < c->at)
		return err_set(e, ST_INVALID, field, _("is before the call itself"));
	return ST_OK;
}

/* The callback that reached the caller comes after every attempt that did not. */
static int check_after_attempts(app *a, const call *c, cminute at, cerr *e)
{
	callback_attempt *tries;
	size_t n;
	int r = db_call_attempts(a->db, c->id, &tries, &n, e);
	if (r)
		return r;
	if (n && tries[n - 1].at > at) {
		char when[17];
		fmt_datetime_human(tries[n - 1].at, when);
		r = err_set(e, ST_INVALID, "at", _("is before the attempt with no answer of %s"), when);
	}
	call_attempts_free(tries, n);
	return r;
}

static int do_done(app *a, void *rec, void *arg, cerr *e)
{
	call *c = rec;
	struct done_arg *d = arg;
	int r = call_can(c, CALL_STEP_CALLED_BACK, e);
	if (r)
		return r;
	cminute at = d->at == NO_MINUTE ? a->now : d->at;
	r = check_when(a, c, at, "at", e);
	if (!r)
		r = check_after_attempts(a, c, at, e);
	if (!r && d->note)
		r = text_check(d->note, "note", SUBJECT_MAX, false, e);
	if (r)
		return r;
	c->called_back_at = at;
	free(c->callback_note);
	c->callback_note = d->note && !str_blank(d->note) ? str_trim(xstrdup(d->note)) : NULL;
	return ST_OK;
}

int call_called_back(app *a, int64_t id, cminute at, const char *note, cerr *e)
{
	struct done_arg arg = {at, note};
	return record_change(a, &call_ops, id, do_done, &arg, e);
}

static int do_doc_sent(app *a, void *rec, void *arg, cerr *e)
{
	call *c = rec;
	cminute at = *(cminute *)arg;
	int r = call_can(c, CALL_STEP_DOC_SENT, e);
	if (r)
		return r;
	if (at == NO_MINUTE)
		at = a->now;
	r = check_when(a, c, at, "at", e);
	if (r)
		return r;
	c->doc_sent_at = at;
	return ST_OK;
}

int call_doc_sent(app *a, int64_t id, cminute at, cerr *e)
{
	return record_change(a, &call_ops, id, do_doc_sent, &at, e);
}

static int do_cancel(app *a, void *rec, void *arg, cerr *e)
{
	call *c = rec;
	const char *reason = arg;
	int r = call_can(c, CALL_STEP_CANCEL, e);
	if (r)
		return r;
	r = text_check(reason, "reason", SUBJECT_MAX, true, e);
	if (r)
		return r;
	c->cancelled = true;
	str_set_trimmed(&c->cancel_reason, reason);
	return ST_OK;
}

int call_cancel(app *a, int64_t id, const char *reason, cerr *e)
{
	return record_change(a, &call_ops, id, do_cancel, (void *)reason, e);
}

bool call_is_open(const call *c)
{
	return c->callback && c->called_back_at == NO_MINUTE && !c->cancelled;
}

bool call_is_overdue(const call *c, cminute now)
{
	return call_is_open(c) && c->due < now;
}

bool call_doc_pending(const call *c)
{
	return c->documentation && c->doc_sent_at == NO_MINUTE && !c->cancelled;
}

int call_state_of(const call *c, cminute now)
{
	if (c->cancelled)
		return CALL_CANCELLED;
	if (call_is_overdue(c, now))
		return CALL_OVERDUE;
	if (call_is_open(c))
		return cal_day_of(c->due) == cal_day_of(now) ? CALL_DUE_TODAY : CALL_TO_CALL_BACK;
	if (call_doc_pending(c))
		return c->doc_due != NO_MINUTE && c->doc_due < now ? CALL_DOC_LATE : CALL_DOC_TO_SEND;
	if (c->voicemail && !c->callback)
		return CALL_VOICEMAIL;
	if (c->callback)
		return CALL_CALLED_BACK;
	if (c->documentation)
		return CALL_DOC_SENT;
	return c->answered ? CALL_ANSWERED : CALL_STATE_NONE;
}

int call_can(const call *c, int step, cerr *e)
{
	long long id = (long long)c->id;
	if (c->cancelled)
		return step == CALL_STEP_CANCEL
			       ? err_set(e, ST_CONFLICT, "id", _("call %lld is already cancelled"), id)
			       : err_set(e, ST_CONFLICT, "id", _("call %lld is cancelled"), id);
	switch (step) {
	case CALL_STEP_CALLED_BACK:
		if (!c->callback)
			return err_set(e, ST_CONFLICT, "id", _("call %lld asked for no callback"), id);
		if (c->called_back_at != NO_MINUTE)
			return err_set(e, ST_CONFLICT, "id", _("call %lld was already called back"),
				       id);
		return ST_OK;
	case CALL_STEP_DOC_SENT:
		if (!c->documentation)
			return err_set(e, ST_CONFLICT, "id", _("call %lld asked for no documentation"),
				       id);
		if (c->doc_sent_at != NO_MINUTE)
			return err_set(e, ST_CONFLICT, "id",
				       _("the documentation of call %lld was already sent"), id);
		return ST_OK;
	default:
		return ST_OK;
	}
}

int call_get(app *a, int64_t id, call *out, cerr *e)
{
	return record_get(a, &call_ops, id, out, e);
}

int call_page(app *a, const call_filter *f, const call *from, bool backward, int limit,
	      call **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_CALLS, e,
			 db_calls_page(a->db, f, from, backward, limit, rows, n, e));
}

int call_each(app *a, const call_filter *f, int (*fn)(const call *c, void *arg), void *arg,
	      cerr *e)
{
	return ROLE_READ(a, AREA_CALLS, e, db_calls_each(a->db, f, fn, arg, e));
}

int call_overdue(app *a, int limit, call **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_CALLS, e, db_calls_overdue(a->db, app_now(a), limit, rows, n, e));
}

int call_due_between(app *a, cminute from, cminute to, int limit, call **rows, size_t *n,
		     cerr *e)
{
	return ROLE_READ(a, AREA_CALLS, e,
			 db_calls_due_between(a->db, from, to, limit, rows, n, e));
}

int call_docs_pending(app *a, int limit, call **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_CALLS, e, db_calls_docs_pending(a->db, limit, rows, n, e));
}

/* A call's fields as the history shows them. */
/* How this area's events read in a client's history (client.c gathers every area's). */
const history_kind call_history_kinds[] = {
	{"call", "call", N_("Call"), N_("from %s, taken by %s: %s"), "ttt"},
	{NULL, NULL, NULL, NULL, ""},
};

/* This area's charter findings (audit.c gathers every area's; db/findings.c has their queries). */
const audit_rule call_rules[] = {
	{"A5", "callback-overdue", "call", N_("callbacks within 24 h"),
	 N_("%s: callback was due %s (phone: %s)"), {"calls"}, AUDIT_BY_MINUTE},
	{"A6", "documentation-not-sent", "call", N_("documentation on request"),
	 N_("%s: documentation was due %s%s"), {"calls"}, AUDIT_BY_MINUTE},
	{NULL, NULL, NULL, NULL, NULL, {NULL}, AUDIT_UNTIMED},
};

RECORD_DESC(call_record, "calls",
	    COLUMN("id", "", FIELD_HIDDEN),
	    EDITED("at", N_("Time of the call"), FIELD_DATETIME, call, at),
	    EDITED("caller", N_("Caller"), FIELD_TEXT, call, caller),
	    EDITED("phone", N_("Phone"), FIELD_PHONE, call, phone),
	    EDITED("subject", N_("Subject"), FIELD_TEXT, call, subject),
	    COLUMN("taken_by", N_("Taken by"), FIELD_STAFF),
	    EDITED("answered", N_("Answered at once"), FIELD_FLAG, call, answered),
	    COLUMN("voicemail", N_("Voicemail"), FIELD_FLAG),
	    EDITED("callback", N_("Callback asked"), FIELD_FLAG, call, callback),
	    COLUMN("due", N_("Callback due"), FIELD_DATETIME),
	    COLUMN("called_back_at", N_("Called back at"), FIELD_DATETIME),
	    COLUMN("callback_note", N_("Callback note"), FIELD_TEXT),
	    EDITED("documentation", N_("Documentation asked"), FIELD_FLAG, call, documentation),
	    COLUMN("doc_due", N_("Documentation due"), FIELD_DATETIME),
	    COLUMN("doc_sent_at", N_("Documentation sent at"), FIELD_DATETIME),
	    COLUMN("cancelled", N_("Cancelled"), FIELD_FLAG),
	    COLUMN("cancel_reason", N_("Reason for cancelling"), FIELD_TEXT),
	    EDITED("client_id", N_("Client no."), FIELD_TEXT, call, client_id));

/* ---- callback attempts with no answer ---- */

/* Attempts are stored beside the call, which does not change: no update of the call itself. */
RECORD_OPS(call_attempt_ops, call, AREA_CALLS, call_init, call_free, db_call_get, NULL);

struct attempt_arg {
	cminute at;
	const char *note;
};

static int do_attempt(app *a, void *rec, void *arg, cerr *e)
{
	call *c = rec;
	struct attempt_arg *t = arg;
	/* An attempt can be made exactly when the callback could be: the same reason if not. */
	int r = call_can(c, CALL_STEP_CALLED_BACK, e);
	cminute at = t->at == NO_MINUTE ? a->now : t->at;
	if (!r)
		r = check_when(a, c, at, "at", e);
	if (!r && t->note)
		r = text_check(t->note, "note", SUBJECT_MAX, false, e);
	if (r)
		return r;
	callback_attempt x;
	call_attempt_init(&x);
	x.call_id = c->id;
	x.at = at;
	x.note = t->note ? str_trim(xstrdup(t->note)) : xstrdup("");
	x.by = xstrdup(a->login);
	r = db_call_attempt_insert(a->db, &x, e);
	call_attempt_free(&x);
	return r;
}

int call_attempt(app *a, int64_t id, cminute at, const char *note, cerr *e)
{
	struct attempt_arg t = {at, note};
	return record_change(a, &call_attempt_ops, id, do_attempt, &t, e);
}

int call_attempts(app *a, int64_t id, callback_attempt **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_CALLS, e, db_call_attempts(a->db, id, rows, n, e));
}
