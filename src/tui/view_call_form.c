/* view_call_form.c — the call form: F2 from anywhere opens it new, with the cursor in the
 * caller field and the time filled with now; `e` opens it on an existing call. Above the caller,
 * a client picker: choosing a client fills the caller and the phone when they are empty; left
 * empty, the call is linked to the client whose phone it is, if any (call_log). Each field is
 * checked by the domain's own call_check as it is left; F10 saves; a failed save keeps
 * everything typed and shows the reason under the field it concerns. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "charte/call.h"
#include "charte/client.h"
#include "dialog.h"
#include "frame.h"
#include "picker.h"
#include "views.h"

typedef struct call_form {
	app *a;
	form f;
	int64_t id;     /* 0: a new call */
	char *taken_by; /* an existing call's */
	call old;       /* an existing call as the form opened it: the edit writes what changed */
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
	if (!strcmp(name, "client")) {
		c.client_id = form_pick_id(f, "client");
	} else if (!strcmp(name, "caller")) {
		c.caller = text;
	} else if (!strcmp(name, "phone")) {
		c.phone = text;
	} else if (!strcmp(name, "subject")) {
		c.subject = text;
	} else if (!strcmp(name, "at")) {
		const char *why = str_blank(text) ? NULL : parse_datetime(str_trim(text), &c.at);
		if (why)
			r = err_set(e, ST_INVALID, "at", "%s", _(why));
	} else { /* the boxes: answered at once is refused when the desk was closed then */
		c.answered = form_on(f, "answered");
		c.callback = form_on(f, "callback");
		char *at = form_text(f, "at");
		if (!str_blank(at) && parse_datetime(str_trim(at), &c.at))
			c.at = NO_MINUTE;
		free(at);
	}
	if (!r)
		r = call_check(cf->a, &c, e);
	free(text);
	return r;
}

static size_t index_of(form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (!strcmp(f->fields[i]->name, name))
			return i;
	return 0;
}

static bool blank_field(form *f, const char *name)
{
	char *text = form_text(f, name);
	bool blank = str_blank(text);
	free(text);
	return blank;
}

/* A client was chosen: its name and phone go where nothing was typed, and the cursor to the
 * first field still to fill. */
static void client_chosen(call_form *cf)
{
	form *f = &cf->f;
	int64_t id = form_pick_id(f, "client");
	client_file c;
	client_init(&c);
	cerr e;
	err_clear(&e);
	if (!id || client_get(cf->a, id, &c, &e)) {
		client_free(&c);
		return;
	}
	field *caller = form_field(f, "caller"), *phone = form_field(f, "phone");
	if (blank_field(f, "caller")) {
		char *name = client_display_name(&c);
		le_set(&caller->ed, name);
		sb_reset(&caller->error);
		free(name);
	}
	if (blank_field(f, "phone") && (c.phone || c.phone2)) {
		char shown[32];
		tui_fmt_phone(c.phone ? c.phone : c.phone2, shown);
		le_set(&phone->ed, shown);
		sb_reset(&phone->error);
	}
	client_free(&c);
	const char *next = blank_field(f, "caller")  ? "caller"
			   : blank_field(f, "phone") ? "phone"
						     : "subject";
	form_focus(f, index_of(f, next));
}

/* Answered at once and callback asked for exclude each other: ticking one unticks the other. */
static void changed(form *f, size_t i)
{
	field *fl = f->fields[i];
	if (fl->type == FIELD_PICK) {
		client_chosen(f->ctx);
		return;
	}
	if (!fl->on)
		return;
	field *other = form_field(f, !strcmp(fl->name, "answered") ? "callback" : "answered");
	if (other && (!strcmp(fl->name, "answered") || !strcmp(fl->name, "callback")))
		other->on = false;
	if (!strcmp(fl->name, "answered")) /* the desk closed then: said as it is ticked */
		form_check_field(f, i);
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
	/* The client first, as the call is about it; the cursor starts in the caller field. */
	client_file cl;
	client_init(&cl);
	cerr e;
	err_clear(&e);
	char *shown = c->client_id && !client_get(cf->a, c->client_id, &cl, &e)
			      ? picker_client_label(&cl)
			      : NULL;
	char *value = c->client_id ? xasprintf("%lld", (long long)c->client_id) : NULL;
	field *client = form_add_pick(f, "client", _("Client"), &picker_clients, c->client_id,
				      value, shown);
	client->width = 30;
	client->format = _("type to search");
	free(shown);
	free(value);
	client_free(&cl);
	form_add_text(f, "caller", _("Caller"), c->caller, 40);
	form_add_text(f, "phone", _("Phone"), phone, 20);
	form_add_text(f, "subject", _("Subject"), c->subject, 0);
	field *at = form_add_text(f, "at", _("Date and time"), when, 17);
	at->format = lang_french ? _("DD/MM/YYYY HH:MM") : _("YYYY-MM-DD HH:MM");
	form_add_check(f, "answered", _("Answered at once"), c->answered);
	form_add_check(f, "callback", _("Callback requested"), c->callback);
	form_add_check(f, "documentation", _("Documentation requested"), c->documentation);
	form_focus(f, index_of(f, "caller"));
}

/* The client of a call started from its file (call_act_new), for the next open. */
static int64_t preset_client;

void call_act_new(tui *t, int64_t client_id)
{
	preset_client = client_id;
	tui_push(t, &view_call_form_ops, NULL);
	preset_client = 0;
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	call_form *cf = xcalloc(1, sizeof *cf);
	cf->a = tui_app(t);
	call c;
	call_init(&c);
	if (arg) {
		int r = call_get(cf->a, *(int64_t *)arg, &c, e);
		if (r) {
			call_free(&c);
			free(cf);
			return r;
		}
		cf->id = c.id;
		cf->taken_by = c.taken_by ? picker_staff_label(cf->a, c.taken_by, false) : NULL;
		call_init(&cf->old);
		r = call_get(cf->a, cf->id, &cf->old, e);
		if (r) {
			call_free(&c);
			call_free(&cf->old);
			free(cf->taken_by);
			free(cf);
			return r;
		}
	} else {
		c.at = app_now(cf->a);
		c.client_id = preset_client;
	}
	build(cf, &c);
	call_free(&c);
	if (!arg && preset_client) { /* as if chosen in the picker */
		client_chosen(cf);
		field *client = form_field(&cf->f, "client");
		client->initial_id = 0; /* so that leaving asks first */
	}
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
	if (!cal_desk_open(app_desk(cf->a), at))
		sb_add(&b, _("The desk is closed at that time: a voicemail message."));
	if (form_on(&cf->f, "callback")) {
		char due[17];
		fmt_datetime_human(cal_callback_due(app_desk(cf->a), at), due);
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

/* Another desk changed the call while it was typed: the call as stored now becomes the base, the
 * form showing it but for what the person typed, so that the next F10 saves what they chose. */
static void rebase(call_form *cf)
{
	call now;
	call_init(&now);
	cerr ignored;
	if (call_get(cf->a, cf->id, &now, &ignored)) {
		call_free(&now);
		return;
	}
	call_free(&cf->old);
	cf->old = now;
	form typed = cf->f;
	build(cf, &cf->old);
	form_keep_typed(&cf->f, &typed);
}

static void save(tui *t, view *v)
{
	call_form *cf = v->data;
	if (!form_view_valid(t, &cf->f))
		return;
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
	c.client_id = form_pick_id(&cf->f, "client");
	cerr e;
	err_clear(&e);
	int r = cf->id ? call_edit(cf->a, &cf->old, &c, &e) : call_log(cf->a, &c, &e);
	if (r == ST_CONFLICT && cf->id)
		rebase(cf);
	if (r) {
		form_save_failed(t, &cf->f, &e);
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

/* Space on an empty client field searches for the caller typed already (without a
 * civility); another key searches for itself. */
static void pick(tui *t, view *v, const tkey *k)
{
	call_form *cf = v->data;
	char *caller = form_text(&cf->f, "caller");
	char *search = str_trim(caller);
	char *sp = strchr(search, ' ');
	if (sp) {
		char *first = xstrndup(search, (size_t)(sp - search));
		const char *civ = client_civility(first);
		if (civ && *civ)
			search = sp + 1;
		free(first);
	}
	if (tkey_is(k, false, ' '))
		form_pick_search(t, &cf->f, search);
	else
		form_pick(t, &cf->f, k);
	free(caller);
}

/* F2 again in a new call: back to the caller field; the rest is the generic form's. */
static int key(tui *t, view *v, const tkey *k, enum action act)
{
	call_form *cf = v->data;
	if (act == ACT_NEW_CALL && !cf->id) {
		form_focus(&cf->f, index_of(&cf->f, "caller"));
		return TK_DONE;
	}
	return form_view_key(t, v, k, act);
}

/* Esc on a changed form asks this first. */
static const char *leave(view *v)
{
	const call_form *cf = v->data;
	return cf->id ? _("Leave without saving the changes to this call?")
		      : _("Leave without logging this call?");
}

static const struct form_view_ops call_form_view = {
	.form_at = offsetof(call_form, f),
	.save = save,
	.leave = leave,
	.pick = pick,
};

static void close_form(tui *t, view *v)
{
	call_form *cf = v->data;
	form_free(&cf->f);
	free(cf->taken_by);
	if (cf->id)
		call_free(&cf->old);
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
	.form = &call_form_view,
	.close = close_form,
};
