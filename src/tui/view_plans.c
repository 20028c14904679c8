/* view_plans.c — action plans (S7), from the Complaints tab's `P`: the plans newest first, paged
 * by key; `f` lists the open ones or all, Enter opens one. A new plan is made from a complaint
 * (`m` on the complaints' list or a complaint's page): the complaints of its recurring problems
 * (R7, asked of core) are the ones it answers, its title proposed; the form asks the title and
 * the cause found. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/complaint.h"
#include "columns.h"
#include "complaints.h"
#include "form.h"
#include "frame.h"
#include "list.h"

enum { FIL_OPEN, FIL_ALL, FIL_COUNT };

typedef struct plans_view {
	listview lv;
	app *a;
	int filter;
} plans_view;
_Static_assert(offsetof(plans_view, lv) == 0, "the listview first: lv_view_*");

static const enum action list_actions[] = {
	ACT_OPEN, ACT_FILTER, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END,
	ACT_NONE,
};

static int fetch(void *ctx, const void *from, bool backward, int limit, void **out, size_t *n,
		 cerr *e)
{
	plans_view *pv = ctx;
	plan_filter f = {pv->filter == FIL_OPEN};
	action_plan *rows = NULL;
	int r = plan_page(pv->a, &f, from, backward, limit, &rows, n, e);
	*out = rows;
	return r;
}

static void free_row(void *row)
{
	action_plan_free(row);
}

static bool same(const void *a, const void *b)
{
	return ((const action_plan *)a)->id == ((const action_plan *)b)->id;
}

static char *cell_no(void *ctx, const void *row, enum style *style)
{
	return xasprintf("%lld", (long long)((const action_plan *)row)->id);
}

static char *cell_title(void *ctx, const void *row, enum style *style)
{
	return xstrdup(((const action_plan *)row)->title);
}

static char *cell_opened(void *ctx, const void *row, enum style *style)
{
	char d[11];
	fmt_date_human(((const action_plan *)row)->opened_on, d);
	return xstrdup(d);
}

static char *cell_actions(void *ctx, const void *row, enum style *style)
{
	const action_plan *p = row;
	return xasprintf(_("%lld/%lld done"), (long long)p->ndone, (long long)p->nactions);
}

static char *cell_status(void *ctx, const void *row, enum style *style)
{
	const action_plan *p = row;
	if (p->status == PLAN_CLOSED)
		*style = S_DONE;
	return xstrdup(enum_label(&plan_statuses, p->status));
}

static char *cell_complaints(void *ctx, const void *row, enum style *style)
{
	return xstrdup(((const action_plan *)row)->complaints);
}

static const struct column plan_columns[] = {
	{N_("No."), 5, 0, 0, true, cell_no},
	{N_("Action plan"), 0, 3, 0, false, cell_title},
	{N_("Opened"), 10, 0, 0, false, cell_opened},
	{N_("Actions"), 12, 0, 0, false, cell_actions},
	{N_("Status"), 8, 0, 0, false, cell_status},
	{N_("Complaints"), 0, 1, 20, false, cell_complaints},
};
static const columns plans_columns = {plan_columns, ARRAY_LEN(plan_columns)};

static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	const action_plan *p = row;
	columns_draw_row(&plans_columns, ctx, row, r, p->status == PLAN_CLOSED ? S_DIM : S_NORMAL,
			 selected);
}

static const struct list_ops plans_list = {
	.row_size = sizeof(action_plan),
	.fetch = fetch,
	.free_row = free_row,
	.same = same,
	.draw = draw_row,
};

static int open_plans(tui *t, view *v, void *arg, cerr *e)
{
	(void)arg;
	plans_view *pv = lv_view_new(v, sizeof *pv);
	pv->a = tui_app(t);
	return lv_view_open(v, &plans_list, NULL, e);
}

static void draw(tui *t, view *v, rect r)
{
	plans_view *pv = v->data;
	lv_draw_title(t, &pv->lv, r,
		      pv->filter == FIL_OPEN ? _("Action plans: open ones") : _("Action plans: all"),
		      _("Search:"));
	columns_draw_heads(&plans_columns, (rect){r.y + 1, r.x, 1, r.w});
	pv->lv.l.empty = pv->filter == FIL_OPEN
			     ? _("No open action plan (f lists them all; m on a complaint makes one).")
			     : _("No action plan yet: m on a complaint makes one.");
	list_draw(&pv->lv.l, (rect){r.y + 2, r.x, r.h - 2, r.w});
}

static void filter_chosen(tui *t, view *v, int choice)
{
	plans_view *pv = v->data;
	pv->filter = choice;
	lv_load(t, &pv->lv);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	(void)k;
	plans_view *pv = v->data;
	const action_plan *p = list_selected(&pv->lv.l);
	switch (act) {
	case ACT_FILTER: {
		const char *items[FIL_COUNT] = {_("Open action plans"), _("All action plans")};
		lv_filter_menu(t, _("Which action plans?"), items, FIL_COUNT, pv->filter,
			       filter_chosen);
		return TK_DONE;
	}
	case ACT_OPEN: {
		if (!p) {
			tui_msg(t, "%s", _("No action plan is selected"));
			return TK_DONE;
		}
		int64_t id = p->id;
		tui_push(t, &view_plan_ops, &id);
		return TK_DONE;
	}
	default: return lv_key(t, &pv->lv, act);
	}
}

static const struct action_help plans_helps[] = {
	{ACT_OPEN, N_("Open the selected action plan: its complaints and actions")},
	{ACT_FILTER, N_("Choose the plans listed: open, or all")},
	{ACT_NONE, NULL},
};

const struct view_ops view_plans_ops = {
	.name = "plans",
	.title = N_("Action plans"),
	.actions = list_actions,
	.helps = plans_helps,
	.open = open_plans,
	.draw = draw,
	.key = key,
	.searched_list = true,
};

/* ---- a new plan ---- */

typedef struct plan_form {
	app *a;
	form f;
	int64_t *ids;
	size_t n;
	char *complaints; /* the ids, for people */
} plan_form;

struct plan_open {
	const int64_t *ids;
	size_t n;
	const char *title;
};

static int check(form *f, size_t i, cerr *e)
{
	const char *why = strcmp(f->fields[i]->name, "title") ? NULL
							    : complaints_form_required(f, "title");
	return why ? err_set(e, ST_INVALID, "title", "%s", _(why)) : ST_OK;
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	(void)e;
	const struct plan_open *po = arg;
	plan_form *pf = xcalloc(1, sizeof *pf);
	pf->a = tui_app(t);
	pf->ids = xcalloc(po->n ? po->n : 1, sizeof *pf->ids);
	memcpy(pf->ids, po->ids, po->n * sizeof *pf->ids);
	pf->n = po->n;
	strbuf b = {0};
	for (size_t i = 0; i < po->n; i++)
		sb_addf(&b, "%s%lld", i ? ", " : "", (long long)po->ids[i]);
	pf->complaints = b.s ? b.s : xstrdup("");
	form_init(&pf->f, pf);
	pf->f.check = check;
	form_add_text(&pf->f, "title", _("Title"), po->title ? po->title : "", 0);
	form_add_text(&pf->f, "cause", _("Cause found"), "", 0);
	form_focus(&pf->f, 0);
	v->data = pf;
	return ST_OK;
}

static void form_draw_view(tui *t, view *v, rect r)
{
	plan_form *pf = v->data;
	draw_text(r.y, 1, r.w - 2, _("A new action plan"), style_attr(S_HEADER));
	char *line = xasprintf(_("It answers the complaints %s"), pf->complaints);
	draw_text(r.y + 1, 1, r.w - 2, line, style_attr(S_DIM));
	free(line);
	form_draw(&pf->f, t, (rect){r.y + 3, 2, r.h - 3, r.w - 4});
}

static void save(tui *t, view *v)
{
	plan_form *pf = v->data;
	if (!form_view_valid(t, &pf->f))
		return;
	cerr e;
	err_clear(&e);
	action_plan p;
	action_plan_init(&p);
	p.title = form_text(&pf->f, "title");
	p.cause = form_text(&pf->f, "cause");
	if (plan_create(pf->a, &p, pf->ids, pf->n, &e)) {
		action_plan_free(&p);
		form_save_failed(t, &pf->f, &e);
		return;
	}
	int64_t id = p.id;
	action_plan_free(&p);
	tui_pop(t);
	tui_changed(t);
	tui_push(t, &view_plan_ops, &id);
	tui_msg(t, _("Action plan %lld made: add its actions with a"), (long long)id);
}

static const char *leave(view *v)
{
	(void)v;
	return _("Leave without making this plan?");
}

static const struct form_view_ops plan_form_view = {
	.form_at = offsetof(plan_form, f),
	.save = save,
	.leave = leave,
};

static void close_form(tui *t, view *v)
{
	(void)t;
	plan_form *pf = v->data;
	form_free(&pf->f);
	free(pf->ids);
	free(pf->complaints);
	free(pf);
}

static const struct view_ops view_plan_form_ops = {
	.name = "plan-form",
	.title = N_("Action plan"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = form_draw_view,
	.form = &plan_form_view,
	.close = close_form,
};

void plan_new_form(tui *t, const int64_t *ids, size_t n, const char *title)
{
	struct plan_open po = {ids, n, title};
	tui_push(t, &view_plan_form_ops, &po);
}

void plan_from_complaint(tui *t, int64_t id)
{
	app *a = tui_app(t);
	recurring_problem *rows = NULL;
	size_t n = 0;
	cerr e;
	err_clear(&e);
	if (complaint_recurring(a, &rows, &n, &e)) {
		tui_error(t, &e);
		return;
	}
	/* The complaints of every recurring problem this one is part of, each once. */
	int64_t *ids = xcalloc(1, sizeof *ids);
	size_t nids = 0;
	char *title = NULL;
	for (size_t i = 0; i < n; i++) {
		bool in = false;
		for (size_t k = 0; k < rows[i].n; k++)
			in = in || rows[i].ids[k] == id;
		if (!in)
			continue;
		if (!title) {
			if (rows[i].kind == RECURRING_WORKER) {
				title = xasprintf(_("Recurring complaints about %s"), rows[i].name);
			} else {
				complaint_category *cats = NULL;
				size_t ncats = 0;
				complaint_categories(a, &cats, &ncats, NULL);
				title = xasprintf(_("Recurring complaints: %s"),
						  complaint_category_label(cats, ncats,
									   rows[i].category));
				complaint_categories_free(cats, ncats);
			}
		}
		for (size_t k = 0; k < rows[i].n; k++) {
			bool twice = false;
			for (size_t j = 0; j < nids; j++)
				twice = twice || ids[j] == rows[i].ids[k];
			if (twice)
				continue;
			ids = xrealloc(ids, (nids + 1) * sizeof *ids);
			ids[nids++] = rows[i].ids[k];
		}
	}
	if (!nids)
		ids[nids++] = id;
	recurring_problems_free(rows, n);
	plan_new_form(t, ids, nids, title);
	free(ids);
	free(title);
}
