/* view_workers.c — the Workers area: the worker files in name order, paged by key (never the
 * whole table); `/` searches as you type in names, matricules, badges and phone numbers, `f`
 * filters by status, `a` opens a new file, Enter opens the selected one, `e` edits it. An
 * active worker whose file is incomplete (I4, I6, I7) or who has no badge (I5) shows it. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "charte/worker.h"
#include "areas.h"
#include "columns.h"
#include "frame.h"
#include "list.h"
#include "workers.h"

/* The `f` menu, in this order. */
enum { FIL_ALL, FIL_CANDIDATE, FIL_ACTIVE, FIL_LEFT, FIL_COUNT };

typedef struct workers_view {
	listview lv; /* the rows, and the search */
	app *a;
	int filter; /* FIL_* */
} workers_view;
_Static_assert(offsetof(workers_view, lv) == 0, "the listview first: lv_view_*");

static const enum action list_actions[] = {
	ACT_OPEN,    ACT_SEARCH,    ACT_FILTER, ACT_ADD, ACT_EDIT, ACT_UP,
	ACT_DOWN,    ACT_PAGE_UP,   ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};

static int fetch(void *ctx, const void *from, bool backward, int limit, void **out, size_t *n,
		 cerr *e)
{
	workers_view *wv = ctx;
	worker_filter f;
	worker_filter_init(&f);
	static const int statuses[FIL_COUNT] = {WORKER_STATUS_NONE, WORKER_CANDIDATE,
						WORKER_ACTIVE, WORKER_LEFT};
	f.status = statuses[wv->filter];
	f.search = lv_query(&wv->lv);
	worker *rows = NULL;
	int r = worker_page(wv->a, &f, from, backward, limit, &rows, n, e);
	*out = rows;
	return r;
}

static void free_row(void *row)
{
	worker_free(row);
}

static bool same(const void *a, const void *b)
{
	return ((const worker *)a)->id == ((const worker *)b)->id;
}

static char *cell_name(void *ctx, const void *row, enum style *style)
{
	return xstrdup(((const worker *)row)->name);
}

static char *cell_matricule(void *ctx, const void *row, enum style *style)
{
	const worker *w = row;
	return w->matricule ? xstrdup(w->matricule) : NULL;
}

/* An active worker without a badge breaks a promise (I5): it shows. */
static char *cell_badge(void *ctx, const void *row, enum style *style)
{
	const worker *w = row;
	if (w->badge)
		return xstrdup(w->badge);
	if (w->status != WORKER_ACTIVE)
		return NULL;
	*style = S_OVERDUE;
	return xstrdup(_("none"));
}

static char *cell_phone(void *ctx, const void *row, enum style *style)
{
	char phone[32];
	tui_fmt_phone(((const worker *)row)->phone, phone);
	return xstrdup(phone);
}

static char *cell_status(void *ctx, const void *row, enum style *style)
{
	return xstrdup(enum_label(&worker_statuses, ((const worker *)row)->status));
}

static char *cell_file(void *ctx, const void *row, enum style *style)
{
	const worker *w = row;
	if (w->file_complete)
		return xstrdup(_("complete"));
	if (w->status == WORKER_ACTIVE)
		*style = S_OVERDUE;
	return xstrdup(_("incomplete"));
}

static const struct column worker_columns[] = {
	{N_("Name"), 0, 4, 0, false, cell_name},
	{N_("Matricule"), 10, 0, 0, false, cell_matricule},
	{N_("Badge"), 8, 0, 0, false, cell_badge},
	{N_("Phone"), 14, 0, 0, false, cell_phone},
	{N_("Status"), 10, 0, 0, false, cell_status},
	{N_("File"), 11, 0, 0, false, cell_file},
};
static const columns workers_columns = {worker_columns, ARRAY_LEN(worker_columns)};

/* A worker who left is dimmed. */
static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	const worker *w = row;
	columns_draw_row(&workers_columns, ctx, row, r, w->status == WORKER_LEFT ? S_DIM : S_NORMAL,
			 selected);
}

static const struct list_ops workers_list = {
	.row_size = sizeof(worker),
	.fetch = fetch,
	.free_row = free_row,
	.same = same,
	.draw = draw_row,
};

static void set_empty(workers_view *wv)
{
	if (*wv->lv.query)
		wv->lv.l.empty = _("No worker matches this search.");
	else if (wv->filter != FIL_ALL)
		wv->lv.l.empty = _("No worker in this list (f changes it).");
	else
		wv->lv.l.empty = _("No worker file yet: press a to open one.");
}

static int open_workers(tui *t, view *v, void *arg, cerr *e)
{
	workers_view *wv = lv_view_new(v, sizeof *wv);
	wv->a = tui_app(t);
	return lv_view_open(v, &workers_list, NULL, e);
}

static const char *describe(int filter)
{
	static const char *const what[FIL_COUNT] = {
		N_("all workers"), N_("candidates"), N_("active workers"), N_("workers who left"),
	};
	return _(what[filter]);
}

static void draw(tui *t, view *v, rect r)
{
	workers_view *wv = v->data;
	char *title = xasprintf(_("%s: %s"), _("Workers"), describe(wv->filter));
	lv_draw_title(t, &wv->lv, r, title, _("Search:"));
	free(title);
	columns_draw_heads(&workers_columns, (rect){r.y + 1, r.x, 1, r.w});
	set_empty(wv);
	list_draw(&wv->lv.l, (rect){r.y + 2, r.x, r.h - 2, r.w});
}

static void filter_chosen(tui *t, view *v, int choice)
{
	workers_view *wv = v->data;
	wv->filter = choice;
	lv_load(t, &wv->lv);
}

static void choose_filter(tui *t, workers_view *wv)
{
	const char *items[FIL_COUNT] = {
		[FIL_ALL] = _("All workers"),
		[FIL_CANDIDATE] = _("Candidates"),
		[FIL_ACTIVE] = _("Active workers"),
		[FIL_LEFT] = _("Workers who left"),
	};
	lv_filter_menu(t, _("Which workers?"), items, FIL_COUNT, wv->filter, filter_chosen);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	workers_view *wv = v->data;
	if (wv->lv.searching)
		return lv_search_key(t, v, &wv->lv, k, act);
	const worker *w = list_selected(&wv->lv.l);
	switch (act) {
	case ACT_ADD:
		if (tui_may(t, AREA_WORKERS))
			tui_push(t, &view_worker_form_ops, NULL);
		return TK_DONE;
	case ACT_FILTER:
		choose_filter(t, wv);
		return TK_DONE;
	case ACT_OPEN:
	case ACT_EDIT: {
		if (!w) {
			tui_msg(t, "%s", _("No worker is selected"));
			return TK_DONE;
		}
		int64_t id = w->id; /* the row goes if the list reloads */
		if (act == ACT_OPEN)
			tui_push(t, &view_worker_ops, &id);
		else if (tui_may(t, AREA_WORKERS))
			tui_push(t, &view_worker_form_ops, &id);
		return TK_DONE;
	}
	default: return lv_key(t, &wv->lv, act);
	}
}

/* What its keys do here (the help). */
static const struct action_help workers_helps[] = {
	{ACT_ADD, N_("Open a new worker file")},
	{ACT_EDIT, N_("Change the selected worker's file")},
	{ACT_OPEN, N_("Open the selected worker's file")},
	{ACT_FILTER, N_("Choose the workers listed: all, candidates, active, who left")},
	{ACT_SEARCH, N_("Search as you type: names, matricules, badges and phone numbers")},
	{ACT_NONE, NULL},
};

const struct view_ops view_workers_ops = {
	.name = "workers",
	.title = N_("Workers"),
	.actions = list_actions,
	.helps = workers_helps,
	.open = open_workers,
	.draw = draw,
	.key = key,
	.searched_list = true,
};
