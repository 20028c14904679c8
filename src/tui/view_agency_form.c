/* view_agency_form.c — the agency's own details (A1): its name, its one phone number and its
 * SAP declaration number. Offered to a manager when the screens start while one of them is
 * empty (Esc skips it), and opened by Enter on the A1 finding of Today. Each field is checked
 * by the settings' own rule as it is left; F10 (or Enter on the last field) saves them. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "charte/settings.h"
#include "areas.h"
#include "form.h"
#include "frame.h"

static const char *const keys[] = {"agency.name", "agency.phone", "agency.sap_number"};

typedef struct agency_form {
	app *a;
	form f;
} agency_form;

static int check(form *f, size_t i, cerr *e)
{
	char *text = form_text(f, f->fields[i]->name);
	char *normal = NULL;
	int r = ST_OK;
	if (!str_blank(text))
		r = settings_check(f->fields[i]->name, str_trim(text), &normal, e);
	if (r && !*e->field)
		snprintf(e->field, sizeof e->field, "%s", f->fields[i]->name);
	free(normal);
	free(text);
	return r;
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	(void)arg;
	agency_form *af = form_view_new(v, sizeof *af, check);
	af->a = tui_app(t);
	form *f = &af->f;
	const char *labels[] = {_("Agency name"), _("Phone number"), _("SAP declaration number")};
	for (size_t i = 0; i < ARRAY_LEN(keys); i++) {
		char *stored = settings_get(af->a, keys[i]);
		char *shown = settings_display(keys[i], stored ? stored : "");
		field *fl = form_add_text(f, keys[i], labels[i], shown, i == 0 ? 0 : 20);
		if (i == 1)
			fl->format = _("the one number given to clients");
		free(shown);
		free(stored);
	}
	form_focus(f, 0);
	return ST_OK;
}

static void draw(tui *t, view *v, rect r)
{
	agency_form *af = v->data;
	draw_text(r.y, 1, r.w - 2, _("The agency's details"), style_attr(S_HEADER));
	int n = draw_wrapped(
		(rect){r.y + 1, 1, 3, r.w - 2}, 0,
		_("The charter promises one phone number for all services (A1); the name and the SAP "
		  "declaration number are printed on quotes and tax certificates. Esc: later."),
		style_attr(S_DIM));
	form_draw(&af->f, t, (rect){r.y + 2 + n, 2, r.h - 2 - n, r.w - 4});
}

static void save(tui *t, view *v)
{
	agency_form *af = v->data;
	if (!form_view_valid(t, &af->f))
		return;
	cerr e;
	err_clear(&e);
	for (size_t i = 0; i < ARRAY_LEN(keys); i++) {
		char *text = form_text(&af->f, keys[i]);
		char *stored = settings_get(af->a, keys[i]);
		char *normal = NULL;
		str_trim(text);
		/* Only what changed is written (checked above, so this normalises). */
		bool same = (str_blank(text) && str_blank(stored)) ||
			    (settings_check(keys[i], text, &normal, &e) == ST_OK && stored &&
			     !strcmp(normal, stored));
		err_clear(&e);
		int r = same ? ST_OK : settings_set(af->a, keys[i], text, &e);
		free(normal);
		free(stored);
		free(text);
		if (r) {
			if (!form_show_error(&af->f, &e))
				tui_error(t, &e);
			return;
		}
	}
	bool missing = settings_agency_missing(af->a);
	tui_pop(t); /* af is gone */
	tui_changed(t);
	tui_msg(t, "%s",
		missing ? _("The agency's details are saved; some are still empty (see Today)")
			: _("The agency's details are saved"));
}

static const char *leave(view *v)
{
	(void)v;
	return _("Leave without saving the agency's details?");
}

static const struct form_view_ops agency_form_view = {
	.form_at = offsetof(agency_form, f),
	.save = save,
	.leave = leave,
};

static void close_form(tui *t, view *v)
{
	agency_form *af = v->data;
	form_free(&af->f);
	free(af);
}

const struct view_ops view_agency_form_ops = {
	.name = "agency-form",
	.title = N_("The agency's details"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = draw,
	.form = &agency_form_view,
	.close = close_form,
};

/* Enter on the A1 finding: a manager fills the details in; the others are told who may. */
static void open_agency(tui *t, int64_t id, const char *why)
{
	(void)id;
	(void)why;
	if (app_role(tui_app(t)) != ROLE_MANAGER) {
		tui_msg(t, "%s", _("Only a manager sets the agency's details (Settings)"));
		return;
	}
	tui_push(t, &view_agency_form_ops, NULL);
}

const struct record_kind settings_records[] = {
	{"agency", open_agency, false, false},
	{NULL, NULL, false, false},
};

void agency_setup_offer(tui *t)
{
	if (app_role(tui_app(t)) == ROLE_MANAGER && settings_agency_missing(tui_app(t)))
		tui_push(t, &view_agency_form_ops, NULL);
}
