/* call.c — the front desk's rules: a call's fields, voicemail, R1, the documentation delay. */
#include "charte/call.h"

#include "core.h"

#include <stdlib.h>
#include <string.h>

#include "charte/client.h"
#include "charte/settings.h"

#define CALLER_MAX 200
#define SUBJECT_MAX 2000

static int check_text(const char *s, const char *field, size_t max, bool required, cerr *e)
{
	if (required && str_blank(s))
		return err_set(e, ST_INVALID, field, _("must not be empty"));
	if (s && !utf8_valid(s))
		return err_set(e, ST_INVALID, field, _("not valid UTF-8 text"));
	if (s && utf8_length(s) > max)
		return err_set(e, ST_INVALID, field, _("too long (at most %zu characters)"), max);
	return ST_OK;
}

int call_check(app *a, const call *c, cerr *e)
{
	int r;
	if ((r = check_text(c->caller, "caller", CALLER_MAX, true, e)))
		return r;
	if ((r = check_text(c->subject, "subject", SUBJECT_MAX, false, e)))
		return r;
	if (c->phone && !str_blank(c->phone)) { /* blank: no phone (normalise_phone) */
		char normal[17];
		const char *why = parse_phone(c->phone, normal);
		if (why)
			return err_set(e, ST_INVALID, "phone", "%s", _(why));
	}
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
	int r = app_require_staff(a, e);
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
	if ((r = db_call_insert(a->db, c, e))) {
		db_rollback(a->db);
		return r;
	}
	return db_commit(a->db, e);
}

/* Load, change with fn, store: one transaction. */
static int call_change(app *a, int64_t id, int (*fn)(app *, call *, void *, cerr *), void *arg,
		       cerr *e)
{
	int r = app_require_staff(a, e);
	if (r)
		return r;
	app_now(a);
	if ((r = db_begin(a->db, e)))
		return r;
	call c;
	call_init(&c);
	r = db_call_get(a->db, id, &c, e);
	if (!r)
		r = fn(a, &c, arg, e);
	if (!r)
		r = db_call_update(a->db, &c, e);
	call_free(&c);
	if (r) {
		db_rollback(a->db);
		return r;
	}
	return db_commit(a->db, e);
}

struct edit_arg {
	call *with;
};

static int do_edit(app *a, call *c, void *arg, cerr *e)
{
	call *n = ((struct edit_arg *)arg)->with;
	if (c->cancelled)
		return err_set(e, ST_CONFLICT, "id", _("call %lld is cancelled"), (long long)c->id);
	trim_field(&n->caller);
	trim_field(&n->subject);
	if (n->at == NO_MINUTE)
		n->at = c->at;
	int r = call_check(a, n, e);
	if (r)
		return r;
	normalise_phone(n);
	free(c->caller);
	c->caller = xstrdup(n->caller);
	free(c->phone);
	c->phone = n->phone ? xstrdup(n->phone) : NULL;
	free(c->subject);
	c->subject = xstrdup(n->subject ? n->subject : "");
	c->at = n->at;
	c->client_id = n->client_id;
	c->answered = n->answered;
	c->callback = n->callback;
	c->documentation = n->documentation;
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

int call_edit(app *a, call *c, cerr *e)
{
	struct edit_arg arg = {c};
	return call_change(a, c->id, do_edit, &arg, e);
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

static int do_done(app *a, call *c, void *arg, cerr *e)
{
	struct done_arg *d = arg;
	if (c->cancelled)
		return err_set(e, ST_CONFLICT, "id", _("call %lld is cancelled"), (long long)c->id);
	if (!c->callback)
		return err_set(e, ST_CONFLICT, "id", _("call %lld asked for no callback"),
			       (long long)c->id);
	if (c->called_back_at != NO_MINUTE)
		return err_set(e, ST_CONFLICT, "id", _("call %lld was already called back"),
			       (long long)c->id);
	cminute at = d->at == NO_MINUTE ? a->now : d->at;
	int r = check_when(a, c, at, "at", e);
	if (!r && d->note)
		r = check_text(d->note, "note", SUBJECT_MAX, false, e);
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
	return call_change(a, id, do_done, &arg, e);
}

static int do_doc_sent(app *a, call *c, void *arg, cerr *e)
{
	cminute at = *(cminute *)arg;
	if (c->cancelled)
		return err_set(e, ST_CONFLICT, "id", _("call %lld is cancelled"), (long long)c->id);
	if (!c->documentation)
		return err_set(e, ST_CONFLICT, "id", _("call %lld asked for no documentation"),
			       (long long)c->id);
	if (c->doc_sent_at != NO_MINUTE)
		return err_set(e, ST_CONFLICT, "id", _("the documentation of call %lld was already "
						       "sent"),
			       (long long)c->id);
	if (at == NO_MINUTE)
		at = a->now;
	int r = check_when(a, c, at, "at", e);
	if (r)
		return r;
	c->doc_sent_at = at;
	return ST_OK;
}

int call_doc_sent(app *a, int64_t id, cminute at, cerr *e)
{
	return call_change(a, id, do_doc_sent, &at, e);
}

static int do_cancel(app *a, call *c, void *arg, cerr *e)
{
	const char *reason = arg;
	if (c->cancelled)
		return err_set(e, ST_CONFLICT, "id", _("call %lld is already cancelled"),
			       (long long)c->id);
	int r = check_text(reason, "reason", SUBJECT_MAX, true, e);
	if (r)
		return r;
	c->cancelled = true;
	free(c->cancel_reason);
	c->cancel_reason = str_trim(xstrdup(reason));
	return ST_OK;
}

int call_cancel(app *a, int64_t id, const char *reason, cerr *e)
{
	return call_change(a, id, do_cancel, (void *)reason, e);
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

int call_get(app *a, int64_t id, call *out, cerr *e)
{
	return db_call_get(a->db, id, out, e);
}

int call_page(app *a, const call_filter *f, const call *from, bool backward, int limit,
	      call **rows, size_t *n, cerr *e)
{
	return db_calls_page(a->db, f, from, backward, limit, rows, n, e);
}

int call_each(app *a, const call_filter *f, int (*fn)(const call *c, void *arg), void *arg,
	      cerr *e)
{
	return db_calls_each(a->db, f, fn, arg, e);
}

int call_overdue(app *a, int limit, call **rows, size_t *n, cerr *e)
{
	return db_calls_overdue(a->db, app_now(a), limit, rows, n, e);
}

int call_due_between(app *a, cminute from, cminute to, int limit, call **rows, size_t *n,
		     cerr *e)
{
	return db_calls_due_between(a->db, from, to, limit, rows, n, e);
}

int call_docs_pending(app *a, int limit, call **rows, size_t *n, cerr *e)
{
	return db_calls_docs_pending(a->db, limit, rows, n, e);
}

/* ---- callback attempts with no answer ---- */

int call_attempt(app *a, int64_t id, cminute at, const char *note, cerr *e)
{
	int r = app_require_staff(a, e);
	if (r)
		return r;
	app_now(a);
	if ((r = db_begin(a->db, e)))
		return r;
	call c;
	call_init(&c);
	r = db_call_get(a->db, id, &c, e);
	if (!r && c.cancelled)
		r = err_set(e, ST_CONFLICT, "id", _("call %lld is cancelled"), (long long)id);
	else if (!r && !c.callback)
		r = err_set(e, ST_CONFLICT, "id", _("call %lld asked for no callback"), (long long)id);
	else if (!r && c.called_back_at != NO_MINUTE)
		r = err_set(e, ST_CONFLICT, "id", _("call %lld was already called back"),
			    (long long)id);
	if (at == NO_MINUTE)
		at = a->now;
	if (!r)
		r = check_when(a, &c, at, "at", e);
	if (!r && note)
		r = check_text(note, "note", SUBJECT_MAX, false, e);
	if (!r) {
		callback_attempt t;
		call_attempt_init(&t);
		t.call_id = id;
		t.at = at;
		t.note = note ? str_trim(xstrdup(note)) : xstrdup("");
		t.by = xstrdup(app_login(a));
		r = db_call_attempt_insert(a->db, &t, e);
		call_attempt_free(&t);
	}
	call_free(&c);
	if (r) {
		db_rollback(a->db);
		return r;
	}
	return db_commit(a->db, e);
}

int call_attempts(app *a, int64_t id, callback_attempt **rows, size_t *n, cerr *e)
{
	return db_call_attempts(a->db, id, rows, n, e);
}
