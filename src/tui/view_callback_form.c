/* view_callback_form.c — what the front desk records after the call itself, with its time:
 * "called back" (a note if wished), a callback tried with no answer (a note; the callback stays
 * open), "documentation sent". The time is now, filled in and editable (a callback made at
 * 9:40 and recorded at 10:15 says 9:40). The rules are the domain's (call.h): the form checks
 * the time as it is left, saves with F10 or Enter on the last field, and shows a refusal under
 * the field it names. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "charte/call.h"
#include "call_actions.h"
#include "form.h"
#include "frame.h"

enum done_kind { DONE_CALLED_BACK, DONE_ATTEMPT, DONE_DOC_SENT };

typedef struct done_form {
	app *a;
	form f;
	int64_t id;
	enum done_kind kind;
	char *title, *about;
} done_form;

struct done_arg {
	int64_t id;
	enum done_kind kind;
	const char *about;
};

static int check(form *f, size_t i, cerr *e)
{
	if (strcmp(f->fields[i]->name, "at"))
		return ST_OK;
	char *text = form_text(f, "at");
	cminute at;
	const char *why = str_blank(text) ? N_("must not be empty")
					  : parse_datetime(str_trim(text), &at);
	done_form *df = f->ctx;
	if (!why && at > app_now(df->a))
		why = N_("is later than now");
	free(text);
	return why ? err_set(e, ST_INVALID, "at", "%s", _(why)) : ST_OK;
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	const struct done_arg *d = arg;
	done_form *df = xcalloc(1, sizeof *df);
	df->a = tui_app(t);
	df->id = d->id;
	df->kind = d->kind;
	df->about = xstrdup(d->about);
	df->title = xstrdup(d->kind == DONE_CALLED_BACK ? _("Called back")
			    : d->kind == DONE_ATTEMPT   ? _("Callback tried, no answer")
							: _("Documentation sent"));
	form *f = &df->f;
	form_init(f, df);
	f->check = check;
	char now[17];
	fmt_datetime_human(app_now(df->a), now);
	form_add_text(f, "at", d->kind == DONE_DOC_SENT ? _("Documentation sent on") : _("When"), now, 17)
		->format = lang_french ? _("DD/MM/YYYY HH:MM") : _("YYYY-MM-DD HH:MM");
	if (d->kind != DONE_DOC_SENT)
		form_add_text(f, "note", _("Note"), "", 0);
	form_focus(f, f->n - 1); /* the time is now, most often: the cursor in the note */
	v->data = df;
	return ST_OK;
}

static void draw(tui *t, view *v, rect r)
{
	done_form *df = v->data;
	draw_text(r.y, 1, r.w - 2, df->title, style_attr(S_HEADER));
	draw_text(r.y + 1, 1, r.w - 2, df->about, style_attr(S_DIM));
	const char *help = df->kind == DONE_ATTEMPT
				   ? _("The callback stays open, due as it was; the attempt shows on "
				       "the call's page.")
				   : "";
	int n = *help ? draw_wrapped((rect){r.y + 2, 1, 2, r.w - 2}, 0, help, style_attr(S_DIM))
		      : 0;
	form_draw(&df->f, t, (rect){r.y + 3 + n, 2, r.h - 3 - n, r.w - 4});
}

static void save(tui *t, view *v)
{
	done_form *df = v->data;
	if (!form_view_valid(t, &df->f))
		return;
	char *text = form_text(&df->f, "at"), *note = form_text(&df->f, "note");
	cminute at = NO_MINUTE;
	parse_datetime(str_trim(text), &at); /* checked above */
	cerr e;
	err_clear(&e);
	int r = df->kind == DONE_CALLED_BACK ? call_called_back(df->a, df->id, at, note, &e)
		: df->kind == DONE_ATTEMPT   ? call_attempt(df->a, df->id, at, note, &e)
					     : call_doc_sent(df->a, df->id, at, &e);
	free(text);
	free(note);
	if (r) {
		if (!form_show_error(&df->f, &e))
			tui_error(t, &e);
		return;
	}
	int64_t id = df->id;
	enum done_kind kind = df->kind;
	tui_pop(t); /* df is gone */
	tui_changed(t);
	if (kind == DONE_CALLED_BACK)
		tui_msg(t, _("Call %lld: called back"), (long long)id);
	else if (kind == DONE_ATTEMPT)
		tui_msg(t, _("Call %lld: callback tried, no answer; it stays to do"), (long long)id);
	else
		tui_msg(t, _("Call %lld: documentation sent"), (long long)id);
}

static const char *leave(view *v)
{
	(void)v;
	return _("Leave without recording it?");
}

static const struct form_view_ops done_form_view = {
	.form_at = offsetof(done_form, f),
	.save = save,
	.leave = leave,
};

static void close_form(tui *t, view *v)
{
	done_form *df = v->data;
	form_free(&df->f);
	free(df->title);
	free(df->about);
	free(df);
}

static const struct view_ops view_done_form_ops = {
	.name = "call-done",
	.title = N_("Call"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = draw,
	.form = &done_form_view,
	.close = close_form,
};

static void push(tui *t, const call *c, enum done_kind kind)
{
	char phone[32];
	tui_fmt_phone(c->phone, phone);
	char *about = *phone ? xasprintf(_("Call %lld: %s, %s"), (long long)c->id, c->caller, phone)
			     : xasprintf(_("Call %lld: %s"), (long long)c->id, c->caller);
	struct done_arg d = {c->id, kind, about};
	tui_push(t, &view_done_form_ops, &d);
	free(about);
}

void call_done_form(tui *t, const call *c, int kind)
{
	push(t, c, (enum done_kind)kind);
}

void call_act_attempt(tui *t, const call *c)
{
	/* An attempt is possible exactly when the callback is: core's reason otherwise. */
	cerr e;
	err_clear(&e);
	if (!tui_may(t, AREA_CALLS))
		return;
	if (call_can(c, CALL_STEP_CALLED_BACK, &e)) {
		tui_error(t, &e);
		return;
	}
	push(t, c, DONE_ATTEMPT);
}
