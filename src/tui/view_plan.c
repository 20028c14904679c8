/* view_plan.c — one action plan: its title, the cause found, the complaints it answers, and its
 * actions (who does what by when, done or not), one of them selected. `a` adds an action (what,
 * its owner chosen among the staff, the day it is due); `z` marks the selected action done, and
 * once every action is, closes the plan — each step asked of core first (plan_can), whose reason
 * shows when it may not; Enter opens the complaint selected. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/complaint.h"
#include "complaints.h"
#include "dialog.h"
#include "form.h"
#include "frame.h"
#include "pager.h"
#include "picker.h"
#include "staff_names.h"

typedef struct plan_screen {
	app *a;
	int64_t id;
	action_plan p;
	plan_action *acts;
	size_t nacts;
	complaint *complaints;
	size_t ncomplaints;
	staff_names names;
	size_t sel; /* the line selected: the actions, then the complaints */
} plan_screen;

static const enum action page_actions[] = {
	ACT_ADD, ACT_FINISH, ACT_OPEN, ACT_UP, ACT_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};

static void page_clear(void *data)
{
	plan_screen *p = data;
	action_plan_free(&p->p);
	plan_actions_free(p->acts, p->nacts);
	complaints_free(p->complaints, p->ncomplaints);
	staff_names_free(&p->names);
	p->acts = NULL;
	p->complaints = NULL;
	p->nacts = p->ncomplaints = 0;
}

static int load(void *data, cerr *e)
{
	plan_screen *p = data;
	action_plan got;
	action_plan_init(&got);
	int r = plan_get(p->a, p->id, &got, e);
	if (r) {
		action_plan_free(&got);
		return r;
	}
	page_clear(p);
	p->p = got;
	if ((r = plan_actions(p->a, p->id, &p->acts, &p->nacts, e)) ||
	    (r = plan_complaints(p->a, p->id, &p->complaints, &p->ncomplaints, e)))
		return r;
	staff_names_load(&p->names, p->a);
	size_t lines = p->nacts + p->ncomplaints;
	if (p->sel >= lines)
		p->sel = lines ? lines - 1 : 0;
	return ST_OK;
}

static int open_page(tui *t, view *v, void *arg, cerr *e)
{
	plan_screen *p = xcalloc(1, sizeof *p);
	p->a = tui_app(t);
	p->id = *(int64_t *)arg;
	action_plan_init(&p->p);
	return pager_open(v, p, load, page_clear, e);
}

static void reload(tui *t, view *v)
{
	pager_reload(t, v->data, load);
}

static void line(rect r, int *y, const char *label, const char *value, attr_t attr)
{
	if (*y >= r.y + r.h)
		return;
	/* The widest label in the reader's language ("Cause identifiée"), and a space. */
	static const char *const labels[] = {N_("Opened on"), N_("Closed on"), N_("Cause found")};
	int lw = 0;
	for (size_t i = 0; i < ARRAY_LEN(labels); i++)
		if (text_width(_(labels[i])) > lw)
			lw = text_width(_(labels[i]));
	lw++;
	if (label)
		draw_text(*y, r.x, lw - 1, label, style_attr(S_LABEL) | A_BOLD);
	draw_text(*y, r.x + lw, r.w - lw, value, attr);
	(*y)++;
}

static void draw(tui *t, view *v, rect r)
{
	(void)t;
	plan_screen *p = v->data;
	char *title = xasprintf(_("Action plan %lld: %s"), (long long)p->p.id, p->p.title);
	draw_text(r.y, 1, r.w - 2, title, style_attr(S_HEADER));
	free(title);
	draw_text_right(r.y, 1, r.w - 2, enum_label(&plan_statuses, p->p.status),
			style_attr(p->p.status == PLAN_CLOSED ? S_DONE : S_INFO));
	rect body = {r.y + 2, 2, r.h - 2, r.w - 4};
	int y = body.y;
	char opened[11], closed[11];
	fmt_date_human(p->p.opened_on, opened);
	fmt_date_human(p->p.closed_on, closed);
	line(body, &y, _("Opened on"), opened, A_NORMAL);
	if (p->p.closed_on != NO_DAY)
		line(body, &y, _("Closed on"), closed, style_attr(S_DONE));
	line(body, &y, _("Cause found"), *p->p.cause ? p->p.cause : "—", A_NORMAL);
	y++;
	if (y < body.y + body.h)
		draw_text(y++, body.x, body.w, _("Actions"), style_attr(S_HEADER));
	if (!p->nacts)
		line(body, &y, NULL, _("none yet (a: add one)"), style_attr(S_DIM));
	cday today = app_today(p->a);
	for (size_t i = 0; i < p->nacts && y < body.y + body.h; i++) {
		const plan_action *pa = &p->acts[i];
		char due[11], done[11];
		fmt_date_human(pa->due, due);
		fmt_date_human(pa->done_on, done);
		char *text = pa->done_on == NO_DAY
				 ? xasprintf(_("%s — %s, due %s"), pa->text,
					     staff_names_of(&p->names, pa->owner), due)
				 : xasprintf(_("%s — %s, done on %s"), pa->text,
					     staff_names_of(&p->names, pa->owner), done);
		enum style s = pa->done_on != NO_DAY ? S_DONE : pa->due < today ? S_OVERDUE : S_NORMAL;
		attr_t attr = style_row(s, i == p->sel);
		draw_fill(y, body.x, body.w, attr);
		draw_cell(y, body.x + 1, body.w - 1, text, attr);
		free(text);
		y++;
	}
	y++;
	if (y < body.y + body.h)
		draw_text(y++, body.x, body.w, _("Complaints it answers"), style_attr(S_HEADER));
	for (size_t i = 0; i < p->ncomplaints && y < body.y + body.h; i++) {
		const complaint *c = &p->complaints[i];
		char on[11];
		fmt_date_human(c->received_on, on);
		char *text = xasprintf("%lld  %s  %s: %s", (long long)c->id, on, c->client_name,
				       c->description);
		attr_t attr = style_row(c->status == COMPLAINT_CLOSED ? S_DIM : S_NORMAL,
					p->nacts + i == p->sel);
		draw_fill(y, body.x, body.w, attr);
		draw_cell(y, body.x + 1, body.w - 1, text, attr);
		free(text);
		y++;
	}
}

/* ---- `a`: an action ---- */

typedef struct action_form {
	app *a;
	form f;
	int64_t plan_id;
} action_form;

static int action_check(form *f, size_t i, cerr *e)
{
	const char *name = f->fields[i]->name;
	const char *why = NULL;
	cday day;
	if (!strcmp(name, "due"))
		why = complaints_form_day(f, "due", NO_DAY, &day);
	else if (!strcmp(name, "owner") && !form_pick_id(f, "owner"))
		why = N_("who does it? type a few letters of the name to choose");
	else if (!strcmp(name, "text"))
		why = complaints_form_required(f, "text");
	return why ? err_set(e, ST_INVALID, name, "%s", _(why)) : ST_OK;
}

static int action_open(tui *t, view *v, void *arg, cerr *e)
{
	(void)e;
	action_form *af = xcalloc(1, sizeof *af);
	af->a = tui_app(t);
	af->plan_id = *(int64_t *)arg;
	form_init(&af->f, af);
	af->f.check = action_check;
	form_add_text(&af->f, "text", _("What is to be done"), "", 0);
	field *owner = form_add_pick(&af->f, "owner", _("Who does it"), &picker_staff, 0, NULL, NULL);
	owner->width = 30;
	owner->format = _("type to search");
	form_add_text(&af->f, "due", _("Due by"), "", 11)->format = complaints_date_format();
	form_focus(&af->f, 0);
	v->data = af;
	return ST_OK;
}

static void action_draw(tui *t, view *v, rect r)
{
	action_form *af = v->data;
	char *title = xasprintf(_("An action of plan %lld"), (long long)af->plan_id);
	draw_text(r.y, 1, r.w - 2, title, style_attr(S_HEADER));
	free(title);
	form_draw(&af->f, t, (rect){r.y + 2, 2, r.h - 2, r.w - 4});
}

static void action_save(tui *t, view *v)
{
	action_form *af = v->data;
	if (!form_view_valid(t, &af->f))
		return;
	cerr e;
	err_clear(&e);
	plan_action pa = {0};
	pa.plan_id = af->plan_id;
	pa.text = form_text(&af->f, "text");
	pa.owner = form_text(&af->f, "owner");
	pa.done_on = NO_DAY;
	complaints_form_day(&af->f, "due", NO_DAY, &pa.due); /* checked above */
	int r = plan_action_add(af->a, &pa, &e);
	plan_action_free(&pa);
	if (r) {
		form_save_failed(t, &af->f, &e);
		return;
	}
	int64_t id = af->plan_id;
	tui_pop(t);
	tui_changed(t);
	tui_msg(t, _("Action added to plan %lld"), (long long)id);
}

static const char *action_leave(view *v)
{
	(void)v;
	return _("Leave without adding this action?");
}

static const struct form_view_ops action_form_view = {
	.form_at = offsetof(action_form, f),
	.save = action_save,
	.leave = action_leave,
};

static void action_close(tui *t, view *v)
{
	(void)t;
	action_form *af = v->data;
	form_free(&af->f);
	free(af);
}

static const struct view_ops view_plan_action_ops = {
	.name = "plan-action",
	.title = N_("Action plan"),
	.actions = form_actions,
	.text_input = true,
	.open = action_open,
	.draw = action_draw,
	.form = &action_form_view,
	.close = action_close,
};

/* ---- `z`: an action done, then the plan closed ---- */

struct done_arg {
	int64_t plan_id, action_id; /* action_id 0: close the plan */
};

static int done_submit(tui *t, void *arg, const char *text, cerr *e)
{
	struct done_arg *d = arg;
	app *a = tui_app(t);
	cday on = NO_DAY;
	const char *why = str_blank(text) ? NULL : parse_date(text, &on);
	if (why)
		return err_set(e, ST_INVALID, "on", "%s", _(why));
	if (on == NO_DAY)
		on = app_today(a);
	int r = d->action_id ? plan_action_done(a, d->action_id, on, e)
			     : plan_close(a, d->plan_id, on, e);
	if (!r) {
		tui_changed(t);
		if (d->action_id)
			tui_msg(t, _("Action %lld done"), (long long)d->action_id);
		else
			tui_msg(t, _("Action plan %lld closed"), (long long)d->plan_id);
	}
	return r;
}

static void finish(tui *t, plan_screen *p)
{
	if (!tui_may(t, AREA_PLANS))
		return;
	cerr e;
	err_clear(&e);
	struct done_arg *d = xcalloc(1, sizeof *d);
	d->plan_id = p->id;
	const plan_action *pa = p->sel < p->nacts ? &p->acts[p->sel] : NULL;
	int r = plan_can(&p->p, pa && pa->done_on == NO_DAY ? PLAN_ADD_ACTION : PLAN_CLOSE, NO_DAY,
			 &e);
	if (r) {
		free(d);
		tui_error(t, &e);
		return;
	}
	char today[11];
	fmt_date_human(app_today(p->a), today);
	if (pa && pa->done_on == NO_DAY) {
		d->action_id = pa->id;
		dialog_prompt(t, _("The action done"), _("Done on"), complaints_date_format(),
			      today, done_submit, d);
	} else {
		dialog_prompt(t, _("Close the action plan"), _("Closed on"),
			      complaints_date_format(), today, done_submit, d);
	}
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	(void)k;
	plan_screen *p = v->data;
	size_t lines = p->nacts + p->ncomplaints;
	switch (act) {
	case ACT_ADD:
		if (!tui_may(t, AREA_PLANS))
			return TK_DONE;
		{
			cerr e;
			err_clear(&e);
			if (plan_can(&p->p, PLAN_ADD_ACTION, NO_DAY, &e)) {
				tui_error(t, &e);
				return TK_DONE;
			}
			int64_t id = p->id;
			tui_push(t, &view_plan_action_ops, &id);
		}
		return TK_DONE;
	case ACT_FINISH: finish(t, p); return TK_DONE;
	case ACT_OPEN:
		if (p->sel >= p->nacts && p->sel < lines) {
			int64_t id = p->complaints[p->sel - p->nacts].id;
			tui_push(t, &view_complaint_ops, &id);
		}
		return TK_DONE;
	case ACT_UP:
		if (p->sel > 0)
			p->sel--;
		return TK_DONE;
	case ACT_DOWN:
		if (p->sel + 1 < lines)
			p->sel++;
		return TK_DONE;
	case ACT_HOME: p->sel = 0; return TK_DONE;
	case ACT_END: p->sel = lines ? lines - 1 : 0; return TK_DONE;
	default: return TK_PASS;
	}
}

static void close_page(tui *t, view *v)
{
	(void)t;
	plan_screen *p = v->data;
	page_clear(p);
	free(p);
}

static const struct action_help plan_helps[] = {
	{ACT_ADD, N_("Add an action to this plan: what, who does it, by when")},
	{ACT_FINISH, N_("Mark the selected action done; once every action is, close the plan")},
	{ACT_OPEN, N_("Open the complaint selected")},
	{ACT_NONE, NULL},
};

const struct view_ops view_plan_ops = {
	.name = "plan",
	.title = N_("Action plan"),
	.actions = page_actions,
	.helps = plan_helps,
	.open = open_page,
	.draw = draw,
	.key = key,
	.reload = reload,
	.close = close_page,
};
