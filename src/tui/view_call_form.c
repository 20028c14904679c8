/* view_call_form.c — the call form: F2 from anywhere opens it new, with the cursor in the
 * caller field and the time filled with now; `e` opens it on an existing call. Each field is
 * checked by the domain's own call_check as it is left; F10 saves; a failed save keeps
 * everything typed and shows the reason under the field it concerns. */
#include <stdlib.h>
#include <string.h>

#include "charte/call.h"
#include "tui.h"

typedef struct call_form {
	app *a;
	form f;
	int64_t id;     /* 0: a new call */
	char *taken_by; /* an existing call's */
} call_form;

/* Check field i alone: a call that is neutral but for that field goes through call_check, so
 * the rules are the domain's and the reason names the field being left. */
static int check(form *f, size_t i, cerr *e)
{
	call_form *cf = f->ctx;
	const char *name = f->fields[i]->name;
	call c;
	call_init(&c);
	char *text = form_text(f, name);
	c.caller = "-";
	c.at = NO_MINUTE;
	int r = ST_OK;
	if (!strcmp(name, "caller")) {
		c.caller = text;
	} else if (!strcmp(name, "phone")) {
		c.phone = text;
	} else if (!strcmp(name, "subject")) {
		c.subject = text;
	} else if (!strcmp(name, "at")) {
		const char *why = str_blank(text) ? NULL : parse_datetime(str_trim(text), &c.at);
		if (why)
			r = err_set(e, ST_INVALID, "at", "%s", _(why));
	} else {
		c.answered = form_on(f, "answered");
		c.callback = form_on(f, "callback");
	}
	if (!r)
		r = call_check(cf->a, &c, e);
	free(text);
	return r;
}

/* Answered at once and callback asked for exclude each other: ticking one unticks the other. */
static void changed(form *f, size_t i)
{
	field *fl = f->fields[i];
	if (!fl->on)
		return;
	field *other = form_field(f, !strcmp(fl->name, "answered") ? "callback" : "answered");
	if (other && (!strcmp(fl->name, "answered") || !strcmp(fl->name, "callback")))
		other->on = false;
}

static void build(call_form *cf, const call *c)
{
	form *f = &cf->f;
	char when[17]; /* as people type it: "12/03/2026 14:05" in French */
	fmt_datetime_human(c->at, when);
	char phone[32];
	tui_fmt_phone(c->phone, phone);
	form_init(f, cf);
	f->check = check;
	f->changed = changed;
	form_add_text(f, "caller", _("Caller"), c->caller, 40);
	form_add_text(f, "phone", _("Phone"), phone, 20);
	form_add_text(f, "subject", _("Subject"), c->subject, 0);
	field *at = form_add_text(f, "at", _("Date and time"), when, 17);
	at->format = lang_french ? _("DD/MM/YYYY HH:MM") : _("YYYY-MM-DD HH:MM");
	form_add_check(f, "answered", _("Answered at once"), c->answered);
	form_add_check(f, "callback", _("Callback requested"), c->callback);
	form_add_check(f, "documentation", _("Documentation requested"), c->documentation);
	form_focus(f, 0);
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	call_form *cf = xcalloc(1, sizeof *cf);
	cf->a = tui_app(t);
	call c;
	call_init(&c);
	if (arg) {
		int r = db_call_get(cf->a->db, *(int64_t *)arg, &c, e);
		if (r) {
			call_free(&c);
			free(cf);
			return r;
		}
		cf->id = c.id;
		cf->taken_by = c.taken_by ? xstrdup(c.taken_by) : NULL;
	} else {
		c.at = app_now(cf->a);
	}
	build(cf, &c);
	call_free(&c);
	v->data = cf;
	return ST_OK;
}

/* What the desk will make of the call as typed: voicemail, the callback's due time (R1). */
static void draw_outlook(call_form *cf, rect r)
{
	char *text = form_text(&cf->f, "at");
	cminute at = NO_MINUTE;
	if (str_blank(text))
		at = app_now(cf->a);
	else if (parse_datetime(str_trim(text), &at))
		at = NO_MINUTE;
	free(text);
	if (at == NO_MINUTE)
		return;
	strbuf b = {0};
	if (!cal_desk_open(&cf->a->desk, at))
		sb_add(&b, _("The desk is closed at that time: a voicemail message."));
	if (form_on(&cf->f, "callback")) {
		char due[17];
		fmt_datetime_human(cal_callback_due(&cf->a->desk, at), due);
		sb_add(&b, b.len ? "  " : "");
		sb_addf(&b, _("Callback due by %s."), due);
	}
	if (b.len)
		draw_text(r.y, r.x, r.w, sb_str(&b), style_attr(S_DIM));
	sb_free(&b);
}

static void draw(tui *t, view *v, rect r)
{
	call_form *cf = v->data;
	char *title = cf->id ? xasprintf(_("Edit call %lld"), (long long)cf->id)
			     : xstrdup(_("New call"));
	draw_text(r.y, 1, r.w - 2, title, style_attr(S_HEADER));
	free(title);
	if (cf->taken_by) {
		char *by = xasprintf(_("taken by %s"), cf->taken_by);
		draw_text_right(r.y, 1, r.w - 2, by, style_attr(S_DIM));
		free(by);
	}
	rect fr = {r.y + 2, 2, r.h - 4, r.w - 4};
	form_draw(&cf->f, t, fr);
	draw_outlook(cf, (rect){r.y + r.h - 1, 2, 1, r.w - 4});
}

static void discard_yes(tui *t, void *arg)
{
	(void)arg;
	tui_pop(t);
}

static void save(tui *t, call_form *cf)
{
	if (!form_check_all(&cf->f)) {
		cerr e;
		err_set(&e, ST_INVALID, "", _("Not saved: see the reason under the field."));
		tui_error(t, &e);
		return;
	}
	call c;
	call_init(&c);
	c.id = cf->id;
	c.caller = form_text(&cf->f, "caller");
	c.phone = form_text(&cf->f, "phone");
	c.subject = form_text(&cf->f, "subject");
	char *at = form_text(&cf->f, "at");
	c.at = NO_MINUTE; /* blank: now */
	if (!str_blank(at))
		parse_datetime(str_trim(at), &c.at); /* checked above */
	free(at);
	c.answered = form_on(&cf->f, "answered");
	c.callback = form_on(&cf->f, "callback");
	c.documentation = form_on(&cf->f, "documentation");
	cerr e;
	err_clear(&e);
	int r = cf->id ? call_edit(cf->a, &c, &e) : call_log(cf->a, &c, &e);
	if (r) {
		if (form_show_error(&cf->f, &e)) {
			cerr shown;
			err_set(&shown, r, "", _("Not saved: %s"), e.msg);
			tui_error(t, &shown);
		} else {
			tui_error(t, &e);
		}
		call_free(&c);
		return;
	}
	strbuf msg = {0};
	sb_addf(&msg, cf->id ? _("Call %lld saved") : _("Call %lld logged"), (long long)c.id);
	if (!cf->id && c.callback) {
		char due[17];
		fmt_datetime_human(c.due, due);
		sb_addf(&msg, _("; callback due by %s"), due);
	}
	if (!cf->id && c.voicemail)
		sb_add(&msg, _(" (voicemail: the desk was closed)"));
	call_free(&c);
	tui_pop(t); /* back where F2 was pressed */
	tui_changed(t);
	tui_msg(t, "%s", sb_str(&msg));
	sb_free(&msg);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	call_form *cf = v->data;
	if (act == ACT_NEW_CALL && !cf->id) { /* F2 again: back to the caller field */
		form_focus(&cf->f, 0);
		return TK_DONE;
	}
	switch (form_key(&cf->f, k, act)) {
	case FORM_SAVE:
		save(t, cf);
		return TK_DONE;
	case FORM_CANCEL:
		if (form_dirty(&cf->f))
			dialog_confirm(t,
				       cf->id ? _("Leave without saving the changes to this call?")
					      : _("Leave without logging this call?"),
				       discard_yes, NULL);
		else
			tui_pop(t);
		return TK_DONE;
	case FORM_HANDLED:
		return TK_DONE;
	default:
		return TK_PASS; /* F1, F2, Ctrl-L: the frame's */
	}
}

static bool dirty(view *v)
{
	return form_dirty(&((call_form *)v->data)->f);
}

static void close_form(tui *t, view *v)
{
	call_form *cf = v->data;
	form_free(&cf->f);
	free(cf->taken_by);
	free(cf);
}

const struct view_ops view_call_form_ops = {
	.name = "call-form",
	.title = N_("Call"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = draw,
	.key = key,
	.dirty = dirty,
	.close = close_form,
};
