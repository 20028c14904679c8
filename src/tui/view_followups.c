/* view_followups.c — follow-up calls (S4, R6), from the Complaints tab's `F`: those due up to the
 * end of this week, the overdue ones and those done, in due order; `f` keeps one kind, Enter on
 * one not done records it done (the day, the client's satisfaction 1 to 5, remarks, and a
 * complaint opened from it in the same step when one is written, in the category chosen). The
 * list is core's (followup.h): made from the first visits, bounded by the week. Also Today's
 * section of the follow-ups due this week. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/followup.h"
#include "columns.h"
#include "complaints.h"
#include "form.h"
#include "frame.h"
#include "list.h"
#include "today.h"

enum { FIL_ALL, FIL_DUE, FIL_OVERDUE, FIL_DONE, FIL_COUNT };

typedef struct followups_view {
	listview lv;
	app *a;
	int filter;
} followups_view;
_Static_assert(offsetof(followups_view, lv) == 0, "the listview first: lv_view_*");

static const enum action list_actions[] = {
	ACT_OPEN, ACT_FILTER, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END,
	ACT_NONE,
};

struct gather {
	followup *rows;
	size_t n;
};

static int gather_one(const followup *row, void *arg)
{
	struct gather *g = arg;
	g->rows = xrealloc(g->rows, (g->n + 1) * sizeof *g->rows);
	followup_copy(&g->rows[g->n++], row);
	return ST_OK;
}

static bool same_followup(const followup *a, const followup *b)
{
	if (a->id || b->id)
		return a->id == b->id;
	return a->client_id == b->client_id && a->due == b->due;
}

/* Every follow-up the filter keeps, in due order (the list is bounded by the week). */
static int gather(app *a, int filter, struct gather *g, cerr *e)
{
	followup_filter f = {filter == FIL_DUE, filter == FIL_OVERDUE, filter == FIL_DONE, 0};
	g->rows = NULL;
	g->n = 0;
	int r = followup_each(a, &f, gather_one, g, e);
	if (r) {
		followups_free(g->rows, g->n);
		g->rows = NULL;
		g->n = 0;
	}
	return r;
}

/* A page of core's list: the ones done through their index, those not done kept by core. */
static int fetch(void *ctx, const void *from, bool backward, int limit, void **out, size_t *n,
		 cerr *e)
{
	followups_view *fv = ctx;
	followup_filter f = {fv->filter == FIL_DUE, fv->filter == FIL_OVERDUE,
			     fv->filter == FIL_DONE, 0};
	followup *rows = NULL;
	int r = followup_page(fv->a, &f, from, backward, limit, &rows, n, e);
	*out = rows;
	return r;
}

static void free_row(void *row)
{
	followup_free(row);
}

static bool same(const void *a, const void *b)
{
	return same_followup(a, b);
}

static char *cell_due(void *ctx, const void *row, enum style *style)
{
	(void)ctx;
	(void)style;
	char d[11];
	fmt_date_human(((const followup *)row)->due, d);
	return xstrdup(d);
}

static char *cell_client(void *ctx, const void *row, enum style *style)
{
	(void)ctx;
	(void)style;
	const char *name = ((const followup *)row)->client_name;
	return xstrdup(name ? name : "");
}

static char *cell_kind(void *ctx, const void *row, enum style *style)
{
	(void)ctx;
	(void)style;
	return xstrdup(enum_label(&followup_kinds, ((const followup *)row)->kind));
}

static char *cell_status(void *ctx, const void *row, enum style *style)
{
	(void)ctx;
	const followup *f = row;
	if (f->status == FOLLOWUP_OVERDUE)
		*style = S_OVERDUE;
	else if (f->status == FOLLOWUP_DONE)
		*style = S_DONE;
	return xstrdup(enum_label(&followup_statuses, f->status));
}

static char *cell_done(void *ctx, const void *row, enum style *style)
{
	(void)ctx;
	(void)style;
	const followup *f = row;
	if (f->done_on == NO_DAY)
		return xstrdup("");
	char d[11];
	fmt_date_human(f->done_on, d);
	if (f->satisfaction)
		return xasprintf("%s  %d", d, f->satisfaction);
	return xstrdup(d);
}

static char *cell_note(void *ctx, const void *row, enum style *style)
{
	(void)ctx;
	(void)style;
	const followup *f = row;
	if (f->complaint_id)
		return xasprintf(_("complaint %lld: %s"), (long long)f->complaint_id,
				 f->note ? f->note : "");
	return xstrdup(f->note ? f->note : "");
}

static const struct column followup_columns[] = {
	{N_("Due"), 10, 0, 0, false, cell_due},
	{N_("Client"), 0, 2, 0, false, cell_client},
	{N_("Call"), 12, 0, 0, false, cell_kind},
	{N_("Status"), 10, 0, 0, false, cell_status},
	{N_("Done, satisf."), 13, 0, 0, false, cell_done},
	{N_("Remarks"), 0, 2, 0, false, cell_note},
};
static const columns followups_columns = {followup_columns, ARRAY_LEN(followup_columns)};

static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	const followup *f = row;
	columns_draw_row(&followups_columns, ctx, row, r,
			 f->status == FOLLOWUP_DONE ? S_DIM : S_NORMAL, selected);
}

static const struct list_ops followups_list = {
	.row_size = sizeof(followup),
	.fetch = fetch,
	.free_row = free_row,
	.same = same,
	.draw = draw_row,
};

static int open_followups(tui *t, view *v, void *arg, cerr *e)
{
	(void)arg;
	followups_view *fv = lv_view_new(v, sizeof *fv);
	fv->a = tui_app(t);
	return lv_view_open(v, &followups_list, NULL, e);
}

static const char *filter_title(int filter)
{
	return filter == FIL_DUE       ? _("Follow-up calls: due this week")
	       : filter == FIL_OVERDUE ? _("Follow-up calls: overdue")
	       : filter == FIL_DONE    ? _("Follow-up calls: done")
				       : _("Follow-up calls: due, overdue and done");
}

static void draw(tui *t, view *v, rect r)
{
	followups_view *fv = v->data;
	lv_draw_title(t, &fv->lv, r, filter_title(fv->filter), _("Search:"));
	columns_draw_heads(&followups_columns, (rect){r.y + 1, r.x, 1, r.w});
	fv->lv.l.empty = _("No follow-up call here (f chooses which are listed).");
	list_draw(&fv->lv.l, (rect){r.y + 2, r.x, r.h - 2, r.w});
}

static void filter_chosen(tui *t, view *v, int choice)
{
	followups_view *fv = v->data;
	fv->filter = choice;
	lv_load(t, &fv->lv);
}

static void followup_done_form(tui *t, const followup *f);

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	(void)k;
	followups_view *fv = v->data;
	const followup *f = list_selected(&fv->lv.l);
	switch (act) {
	case ACT_FILTER: {
		const char *items[FIL_COUNT] = {_("Due, overdue and done"), _("Due this week"),
						_("Overdue"), _("Done")};
		lv_filter_menu(t, _("Which follow-up calls?"), items, FIL_COUNT, fv->filter,
			       filter_chosen);
		return TK_DONE;
	}
	case ACT_OPEN:
		if (!f)
			tui_msg(t, "%s", _("No follow-up call is selected"));
		else if (f->status == FOLLOWUP_DONE && f->complaint_id)
			tui_push(t, &view_complaint_ops, (void *)&f->complaint_id);
		else if (f->status == FOLLOWUP_DONE)
			tui_msg(t, "%s", _("This follow-up call is already recorded"));
		else
			followup_done_form(t, f);
		return TK_DONE;
	default: return lv_key(t, &fv->lv, act);
	}
}

static const struct action_help followups_helps[] = {
	{ACT_OPEN, N_("Record the selected follow-up call done (or open the complaint it opened)")},
	{ACT_FILTER, N_("Choose the follow-up calls listed: due, overdue, done, or all")},
	{ACT_NONE, NULL},
};

const struct view_ops view_followups_ops = {
	.name = "followups",
	.title = N_("Follow-up calls"),
	.actions = list_actions,
	.helps = followups_helps,
	.open = open_followups,
	.draw = draw,
	.key = key,
	.searched_list = true,
};

/* ---- recording one done ---- */

typedef struct done_form {
	app *a;
	form f;
	char key[FOLLOWUP_KEY_MAX];
	char *title;
	complaint_category *cats; /* the category of a complaint opened from the call */
	size_t ncats;
} done_form;

static const char *check_satisfaction(form *f, int *value)
{
	char *text = form_text(f, "satisfaction");
	long n = 0;
	const char *why = str_blank(text) ? NULL : parse_int(str_trim(text), 1, 5, &n);
	free(text);
	*value = why ? 0 : (int)n;
	return why;
}

static int done_check(form *f, size_t i, cerr *e)
{
	done_form *df = f->ctx;
	const char *name = f->fields[i]->name;
	const char *why = NULL;
	cday day;
	int n;
	if (!strcmp(name, "on"))
		why = complaints_form_day(f, "on", app_today(df->a), &day);
	else if (!strcmp(name, "satisfaction"))
		why = check_satisfaction(f, &n);
	return why ? err_set(e, ST_INVALID, name, "%s", _(why)) : ST_OK;
}

static int done_open(tui *t, view *v, void *arg, cerr *e)
{
	(void)e;
	const followup *fu = arg;
	done_form *df = xcalloc(1, sizeof *df);
	df->a = tui_app(t);
	followup_key(fu, df->key);
	char due[11];
	fmt_date_human(fu->due, due);
	df->title = xasprintf(_("Follow-up call to %s, due %s"),
			      fu->client_name ? fu->client_name : "", due);
	form *f = &df->f;
	form_init(f, df);
	f->check = done_check;
	char today[11];
	fmt_date_human(app_today(df->a), today);
	form_add_text(f, "on", _("Called on"), today, 11)->format = complaints_date_format();
	form_add_text(f, "satisfaction", _("Satisfaction"), "", 2)->format =
		_("1 very satisfied, 2 satisfied, 3 dissatisfied, 4 very dissatisfied, 5 no "
		  "opinion; empty: not asked");
	form_add_text(f, "note", _("Remarks"), "", 0);
	form_add_text(f, "complaint", _("Complaint"), "", 0)->format =
		_("optional: what the client complains of opens a complaint");
	/* The category the command line gives by default, "other", first. */
	complaints_add_category(f, df->a, "other", &df->cats, &df->ncats)->format =
		_("of the complaint, when one is written; Space or ←/→ to change");
	form_focus(f, 1);
	v->data = df;
	return ST_OK;
}

static void done_draw(tui *t, view *v, rect r)
{
	const done_form *df = v->data;
	form_page_draw(t, v, r, df->title);
}

static void done_save(tui *t, view *v)
{
	done_form *df = v->data;
	form *f = &df->f;
	if (!form_view_valid(t, f))
		return;
	cerr e;
	err_clear(&e);
	followup_done_in in = {0};
	complaints_form_day(f, "on", NO_DAY, &in.on); /* checked above */
	check_satisfaction(f, &in.satisfaction);
	char *note = form_text(f, "note");
	char *text = form_text(f, "complaint");
	in.note = str_blank(note) ? NULL : note;
	in.complaint = str_blank(text) ? NULL : text;
	const char *category = complaints_category_chosen(f, df->cats, df->ncats);
	if (in.complaint && *category)
		in.category = category;
	int64_t id = 0, complaint_id = 0;
	int r = followup_done(df->a, df->key, &in, &id, &complaint_id, &e);
	free(note);
	free(text);
	if (r) {
		form_save_failed(t, f, &e);
		return;
	}
	tui_pop(t); /* df is gone */
	tui_changed(t);
	if (complaint_id)
		tui_msg(t, _("Follow-up call recorded; complaint %lld opened"),
			(long long)complaint_id);
	else
		tui_msg(t, "%s", _("Follow-up call recorded"));
}

static const char *done_leave(view *v)
{
	(void)v;
	return _("Leave without recording this follow-up call?");
}

static const struct form_view_ops done_form_view = {
	.form_at = offsetof(done_form, f),
	.save = done_save,
	.leave = done_leave,
};

static void done_close(tui *t, view *v)
{
	(void)t;
	done_form *df = v->data;
	form_free(&df->f);
	complaint_categories_free(df->cats, df->ncats);
	free(df->title);
	free(df);
}

static const struct view_ops view_followup_done_ops = {
	.name = "followup-done",
	.title = N_("Follow-up call"),
	.actions = form_actions,
	.text_input = true,
	.open = done_open,
	.draw = done_draw,
	.form = &done_form_view,
	.close = done_close,
};

static void followup_done_form(tui *t, const followup *f)
{
	tui_push(t, &view_followup_done_ops, (void *)f);
}

/* ---- Today: the follow-ups due this week ---- */

static int due_read(app *a, cminute now, void **rows, size_t *n, cerr *e)
{
	(void)now;
	struct gather g;
	int r = gather(a, FIL_DUE, &g, e);
	*rows = g.rows;
	*n = g.n;
	return r;
}

/* Not stored yet: the client and the day it is due name it. */
static void due_ident(const void *row, struct today_ident *id)
{
	const followup *f = row;
	*id = (struct today_ident){(int)f->due, f->client_id};
}

static void due_draw(const void *aside, const void *row, rect r, bool selected)
{
	(void)aside;
	const followup *f = row;
	attr_t attr = style_row(S_NORMAL, selected);
	char due[11];
	fmt_date_human(f->due, due);
	int cw = r.w - 3 - 17 - 20;
	if (cw > 30)
		cw = 30;
	const char *cells[] = {due, f->client_name, enum_label(&followup_kinds, f->kind)};
	today_draw_cells(r, attr, cells, (const int[]){16, cw, TODAY_REST}, 3);
}

static void due_act(tui *t, const void *row, enum action act)
{
	(void)act;
	followup_done_form(t, row);
}

/* The follow-ups due are made from every client's first visit: on a big file a read costs as
 * much as the rest of Today together, so it is done in the pause after Today shows and after
 * each change, like the findings. */
static const struct today_list due_list = {
	.title = N_("Follow-up calls due this week"),
	.in_pause = true,
	.none = N_("nothing"),
	.no_selection = N_("No follow-up call is selected"),
	.row_size = sizeof(followup),
	.read = due_read,
	.free_row = free_row,
	.ident = due_ident,
	.draw = due_draw,
	.act = due_act,
};

static const enum action due_actions[] = {ACT_OPEN, ACT_NONE};

/* After the findings: they keep their place on a 24-line screen. */
const struct today_section followups_due_today = TODAY_LIST_SECTION(96, &due_list, due_actions);
