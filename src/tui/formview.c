/* formview.c — the generic form view: what every view holding a form does with keys, with
 * "changed?" and with leaving, written once. The view gives where its form is, how it saves
 * and what it asks before discarding (struct form_view_ops). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "form.h"
#include "frame.h"
#include "picker.h"

void *form_view_new(view *v, size_t size, int (*check)(form *f, size_t i, cerr *e))
{
	v->data = xcalloc(1, size);
	form *f = form_view_form(v);
	form_init(f, v->data);
	f->check = check;
	return v->data;
}

void form_view_close(tui *t, view *v)
{
	(void)t;
	if (!v->data)
		return;
	if (v->ops->form->release)
		v->ops->form->release(v->data);
	form_free(form_view_form(v));
	free(v->data);
}

form *form_view_form(view *v)
{
	return (form *)((char *)v->data + v->ops->form->form_at);
}

void form_page_draw(tui *t, view *v, rect r, const char *title)
{
	draw_text(r.y, 1, r.w - 2, title, style_attr(S_HEADER));
	form_draw(form_view_form(v), t, (rect){r.y + 2, 2, r.h - 2, r.w - 4});
}

void form_save_failed(tui *t, form *f, const cerr *e)
{
	if (form_show_error(f, e)) {
		cerr shown;
		err_set(&shown, e->code, "", _("Not saved: see the reason under the field."));
		tui_error(t, &shown);
	} else {
		tui_error(t, e);
	}
}

static void leave_yes(tui *t, void *arg)
{
	(void)arg;
	tui_pop(t);
}

void form_leave(tui *t, form *f, const char *question)
{
	if (form_dirty(f))
		dialog_confirm(t, question, leave_yes, NULL);
	else
		tui_pop(t);
}

int form_view_key(tui *t, view *v, const tkey *k, enum action act)
{
	const struct form_view_ops *ops = v->ops->form;
	form *f = form_view_form(v);
	switch (form_key(f, k, act)) {
	case FORM_SAVE:
		ops->save(t, v);
		return TK_DONE;
	case FORM_CANCEL:
		form_leave(t, f, ops->leave(v));
		return TK_DONE;
	case FORM_PICK:
		if (ops->pick)
			ops->pick(t, v, k);
		else
			form_pick(t, f, k);
		return TK_DONE;
	case FORM_HANDLED:
		return TK_DONE;
	default:
		return TK_PASS; /* F1, F2, Ctrl-L: the frame's */
	}
}

void form_view_recorded(tui *t, const char *title)
{
	char *said = xstrdup(title);
	tui_pop(t); /* the form and its title are gone */
	tui_changed(t);
	tui_msg(t, _("Recorded: %s"), said);
	free(said);
}

const char *form_view_leave_record(view *v)
{
	(void)v;
	return _("Leave without recording it?");
}

void form_view_not_saved(tui *t)
{
	cerr e;
	err_set(&e, ST_INVALID, "", _("Not saved: see the reason under the field."));
	tui_error(t, &e);
}

bool form_view_valid(tui *t, form *f)
{
	if (form_check_all(f))
		return true;
	form_view_not_saved(t);
	return false;
}

char **form_member_of(void *rec, const form_member *m, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(m[i].name, name))
			return (char **)((char *)rec + m[i].offset);
	return NULL;
}

void form_read_members(form *f, void *rec, const form_member *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *s = form_text(f, m[i].name);
		if (m[i].blank_is_null && str_blank(s)) {
			free(s);
			s = NULL;
		}
		*(char **)((char *)rec + m[i].offset) = s;
	}
}
