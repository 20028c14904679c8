/* view_client_form.c — the form of a client file: `a` in Clients opens it new, `e` on a client
 * opens it on that file. Each field is checked by the domain's client_check as it is left, and
 * the fields only a coordinator or a manager may set say so to the others before they try; F10
 * saves through client_create or client_update; a failed save keeps everything typed and
 * shows the reason under the field it concerns. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "charte/client.h"
#include "dialog.h"
#include "frame.h"
#include "picker.h"
#include "views.h"

typedef struct client_form {
	app *a;
	form f;
	int64_t id;        /* 0: a new client */
	client_file old;   /* as stored (a new one: the defaults) */
	char *title;
} client_form;

/* The statuses in the order of the choice: CLIENT_PROSPECT.. CLIENT_FORMER. */
#define STATUS_OF(choice) ((choice) + CLIENT_PROSPECT)
#define CHOICE_OF(status) ((status) - CLIENT_PROSPECT)

/* Fields that commit the agency: only a coordinator or a manager sets them (client.h). */
static bool restricted(const char *name)
{
	return !strcmp(name, "status") || !strcmp(name, "referent") ||
	       !strcmp(name, "instructions") || !strcmp(name, "forbidden_zones");
}

static bool same_text(const char *x, const char *y)
{
	return !strcmp(x ? x : "", y ? y : "");
}

/* Whether field `name` of the form differs from what is stored. */
static bool changed_from_old(client_form *cf, const char *name)
{
	form *f = &cf->f;
	if (!strcmp(name, "status"))
		return STATUS_OF(form_choice(f, "status")) != cf->old.status;
	char *text = form_text(f, name);
	const char *old = !strcmp(name, "referent")	    ? cf->old.referent
			  : !strcmp(name, "instructions") ? cf->old.instructions
							  : cf->old.forbidden_zones;
	char *trimmed = str_trim(xstrdup(text));
	bool changed = !same_text(trimmed, old);
	free(trimmed);
	free(text);
	return changed;
}

/* The text fields and the members of the client they fill. */
static const form_member members[] = {
	FORM_MEMBER("civility", client_file, civility),
	FORM_MEMBER("name", client_file, name),
	FORM_MEMBER("first_name", client_file, first_name),
	FORM_MEMBER("address", client_file, address),
	FORM_MEMBER_OR_NULL("phone", client_file, phone),
	FORM_MEMBER_OR_NULL("phone2", client_file, phone2),
	FORM_MEMBER("email", client_file, email),
	FORM_MEMBER_OR_NULL("referent", client_file, referent),
	FORM_MEMBER("instructions", client_file, instructions),
	FORM_MEMBER("forbidden_zones", client_file, forbidden_zones),
	FORM_MEMBER("notes", client_file, notes),
};

/* Check field i alone: a client that is neutral but for that field goes through client_check,
 * so the rules (and the reasons) are the domain's. */
static int check(form *f, size_t i, cerr *e)
{
	client_form *cf = f->ctx;
	const char *name = f->fields[i]->name;
	if (restricted(name) && changed_from_old(cf, name) &&
	    role_check(cf->a, AREA_CLIENT_CARE, ACCESS_WRITE, e)) {
		snprintf(e->field, sizeof e->field, "%s", name);
		return ST_DENIED;
	}
	client_file c;
	client_init(&c);
	c.name = "-";
	char *text = form_text(f, name);
	char **slot = form_member_of(&c, members, ARRAY_LEN(members), name);
	if (!strcmp(name, "status"))
		c.status = STATUS_OF(form_choice(f, "status"));
	else if (!strcmp(name, "referent") &&
		 (str_blank(text) || same_text(text, cf->old.referent)))
		slot = NULL; /* a referent who left stays until changed */
	if (slot)
		*slot = text;
	int r = client_check(cf->a, &c, e);
	free(text);
	return r;
}

static void build(client_form *cf)
{
	form *f = &cf->f;
	const client_file *c = &cf->old;
	form_init(f, cf);
	f->check = check;
	char phone[32], phone2[32];
	tui_fmt_phone(c->phone, phone);
	tui_fmt_phone(c->phone2, phone2);
	const char *statuses[] = {enum_label(&client_statuses, CLIENT_PROSPECT),
				  enum_label(&client_statuses, CLIENT_ACTIVE),
				  enum_label(&client_statuses, CLIENT_FORMER)};
	char *referent = picker_staff_label(cf->a, c->referent, false);
	form_add_text(f, "civility", _("Civility"), c->civility, 10)->format =
		_("Mme, M., M. et Mme, Dr");
	form_add_text(f, "name", _("Name"), c->name, 32);
	form_add_text(f, "first_name", _("First name"), c->first_name, 32);
	form_add_text(f, "address", _("Address"), c->address, 0);
	form_add_text(f, "phone", _("Phone"), phone, 20);
	form_add_text(f, "phone2", _("Phone 2"), phone2, 20);
	form_add_text(f, "email", _("E-mail"), c->email, 36);
	field *st = form_add_choice(f, "status", _("Status"), statuses, 3, CHOICE_OF(c->status));
	field *ref = form_add_pick(f, "referent", _("Referent"), &picker_staff, 0, c->referent,
				   referent);
	ref->width = 30;
	form_add_text(f, "instructions", _("Specific instructions"), c->instructions, 0);
	form_add_text(f, "forbidden_zones", _("Forbidden zones"), c->forbidden_zones, 0);
	form_add_check(f, "wants_quote", _("Wants a quote"), c->wants_quote);
	form_add_text(f, "notes", _("Notes"), c->notes, 0);
	free(referent);
	st->format = _("Space or ←/→ to change");
	ref->format = _("type to search");
	form_focus(f, 0);
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	client_form *cf = xcalloc(1, sizeof *cf);
	cf->a = tui_app(t);
	client_init(&cf->old);
	if (arg) {
		int r = client_get(cf->a, *(int64_t *)arg, &cf->old, e);
		if (r) {
			client_free(&cf->old);
			free(cf);
			return r;
		}
		cf->id = cf->old.id;
		char *name = client_display_name(&cf->old);
		cf->title = xasprintf(_("Edit client %lld: %s"), (long long)cf->id, name);
		free(name);
	} else {
		cf->title = xstrdup(_("New client"));
	}
	build(cf);
	v->data = cf;
	return ST_OK;
}

static void draw(tui *t, view *v, rect r)
{
	client_form *cf = v->data;
	draw_text(r.y, 1, r.w - 2, cf->title, style_attr(S_HEADER));
	if (!app_may(cf->a, AREA_CLIENT_CARE, ACCESS_WRITE)) /* say it before they try */
		draw_text(r.y + 1, 1, r.w - 2,
			  _("Status, referent, instructions, zones: for a coordinator or a manager."),
			  style_attr(S_DIM));
	form_draw(&cf->f, t, (rect){r.y + 2, 2, r.h - 2, r.w - 4});
}

/* Another desk changed the file while it was typed: the file as stored now becomes the base, the
 * form showing it but for what the person typed, so that the next F10 saves what they chose. */
static void rebase(client_form *cf)
{
	client_file now;
	client_init(&now);
	cerr ignored;
	if (client_get(cf->a, cf->id, &now, &ignored)) {
		client_free(&now);
		return;
	}
	client_free(&cf->old);
	cf->old = now;
	form typed = cf->f;
	build(cf);
	form_keep_typed(&cf->f, &typed);
}

static void save(tui *t, view *v)
{
	client_form *cf = v->data;
	if (!form_view_valid(t, &cf->f))
		return;
	form *f = &cf->f;
	client_file c;
	client_init(&c);
	c.id = cf->id;
	form_read_members(f, &c, members, ARRAY_LEN(members));
	c.status = STATUS_OF(form_choice(f, "status"));
	c.wants_quote = form_on(f, "wants_quote");
	cerr e;
	err_clear(&e);
	int r = cf->id ? client_update(cf->a, &cf->old, &c, &e) : client_create(cf->a, &c, &e);
	if (r == ST_CONFLICT && cf->id)
		rebase(cf);
	if (r) {
		form_save_failed(t, f, &e);
		client_free(&c);
		return;
	}
	int64_t id = c.id;
	bool created = !cf->id;
	int64_t linked = c.calls_linked;
	char *name = client_display_name(&c);
	client_free(&c);
	tui_pop(t); /* cf is gone */
	tui_changed(t);
	if (created) /* on to the new file, where the needs analysis comes next */
		client_act_open(t, id, CLIENT_TAB_FILE);
	if (linked > 0)
		tui_msg(t,
			ngettext("Client %lld saved: %s; %lld earlier call from this number is "
				 "now in its history",
				 "Client %lld saved: %s; %lld earlier calls from these numbers are "
				 "now in its history",
				 linked),
			(long long)id, name, (long long)linked);
	else
		tui_msg(t, created ? _("Client %lld created: %s") : _("Client %lld saved: %s"),
			(long long)id, name);
	free(name);
}

/* Esc on a changed form asks this first. */
static const char *leave(view *v)
{
	const client_form *cf = v->data;
	return cf->id ? _("Leave without saving the changes to this client?")
		      : _("Leave without creating this client?");
}

static const struct form_view_ops client_form_view = {
	.form_at = offsetof(client_form, f),
	.save = save,
	.leave = leave,
};

static void close_form(tui *t, view *v)
{
	client_form *cf = v->data;
	form_free(&cf->f);
	client_free(&cf->old);
	free(cf->title);
	free(cf);
}

const struct view_ops view_client_form_ops = {
	.name = "client-form",
	.title = N_("Client file"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = draw,
	.form = &client_form_view,
	.close = close_form,
};
