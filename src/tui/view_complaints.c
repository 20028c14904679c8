/* view_complaints.c — the Complaints area: complaints and anomalies, newest first, paged by key
 * (never the whole table); `/` searches as you type in the clients' names and phone numbers, `f`
 * lists the open ones, all, or one category; `a` records a complaint, Enter opens the selected
 * one, `m` makes an action plan from it (with the other complaints of its recurring problem),
 * `P` lists the action plans, `F` the follow-up calls. An open complaint past
 * complaint.overdue_days shows it (S5). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "charte/complaint.h"
#include "areas.h"
#include "columns.h"
#include "complaints.h"
#include "frame.h"
#include "list.h"

/* The `f` menu: open, all, the anomalies, then one item per category. */
enum { FIL_OPEN, FIL_ALL, FIL_ANOMALIES, FIL_CATEGORY };

typedef struct complaints_view {
	listview lv; /* the rows, and the search */
	app *a;
	int filter; /* FIL_OPEN, FIL_ALL, FIL_ANOMALIES, or FIL_CATEGORY + the category's index */
	complaint_category *cats;
	size_t ncats;
} complaints_view;
_Static_assert(offsetof(complaints_view, lv) == 0, "the listview first: lv_view_*");

static const enum action list_actions[] = {
	ACT_OPEN,      ACT_ADD,	 ACT_SEARCH, ACT_FILTER, ACT_MAKE_PLAN, ACT_PLANS, ACT_FOLLOWUPS, ACT_UP,
	ACT_DOWN,      ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END,       ACT_NONE,
};

static int fetch(void *ctx, const void *from, bool backward, int limit, void **out, size_t *n,
		 cerr *e)
{
	complaints_view *cv = ctx;
	complaint_filter f;
	complaint_filter_init(&f);
	f.open = cv->filter == FIL_OPEN;
	f.anomalies = cv->filter == FIL_ANOMALIES;
	if (cv->filter >= FIL_CATEGORY && (size_t)(cv->filter - FIL_CATEGORY) < cv->ncats)
		f.category = cv->cats[cv->filter - FIL_CATEGORY].code;
	f.search = lv_query(&cv->lv);
	complaint *rows = NULL;
	int r = complaint_page(cv->a, &f, from, backward, limit, &rows, n, e);
	*out = rows;
	return r;
}

static void free_row(void *row)
{
	complaint_free(row);
}

static bool same(const void *a, const void *b)
{
	return ((const complaint *)a)->id == ((const complaint *)b)->id;
}

static char *cell_received(void *ctx, const void *row, enum style *style)
{
	complaints_view *cv = ctx;
	const complaint *c = row;
	if (complaint_overdue(cv->a, c))
		*style = S_OVERDUE;
	char d[11];
	fmt_date_human(c->received_on, d);
	return xstrdup(d);
}

static char *cell_client(void *ctx, const void *row, enum style *style)
{
	return xstrdup(((const complaint *)row)->client_name);
}

static char *cell_category(void *ctx, const void *row, enum style *style)
{
	complaints_view *cv = ctx;
	const complaint *c = row;
	const char *label = complaint_category_label(cv->cats, cv->ncats, c->category);
	return c->anomaly ? xasprintf(_("%s (anomaly)"), label) : xstrdup(label);
}

static char *cell_worker(void *ctx, const void *row, enum style *style)
{
	const complaint *c = row;
	return c->worker_name ? xstrdup(c->worker_name) : NULL;
}

static char *cell_status(void *ctx, const void *row, enum style *style)
{
	const complaint *c = row;
	if (c->status == COMPLAINT_CLOSED)
		*style = S_DONE;
	return xstrdup(enum_label(&complaint_statuses, c->status));
}

static char *cell_text(void *ctx, const void *row, enum style *style)
{
	return xstrdup(((const complaint *)row)->description);
}

static const struct column complaint_columns[] = {
	{N_("Received"), 10, 0, 0, false, cell_received},
	{N_("Client"), 0, 2, 24, false, cell_client},
	{N_("Category"), 0, 2, 22, false, cell_category},
	{N_("Worker"), 0, 1, 18, false, cell_worker},
	{N_("Status"), 10, 0, 0, false, cell_status},
	{N_("Complaint"), 0, 3, 0, false, cell_text},
};
static const columns complaints_columns = {complaint_columns, ARRAY_LEN(complaint_columns)};

/* A closed complaint is dimmed. */
static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	const complaint *c = row;
	columns_draw_row(&complaints_columns, ctx, row, r,
			 c->status == COMPLAINT_CLOSED ? S_DIM : S_NORMAL, selected);
}

static const struct list_ops complaints_list = {
	.row_size = sizeof(complaint),
	.fetch = fetch,
	.free_row = free_row,
	.same = same,
	.draw = draw_row,
};

static void set_empty(complaints_view *cv)
{
	if (*cv->lv.query)
		cv->lv.l.empty = _("No complaint matches this search.");
	else if (cv->filter != FIL_ALL)
		cv->lv.l.empty = _("No complaint in this list (f changes it).");
	else
		cv->lv.l.empty = _("No complaint recorded: press a to record one.");
}

static int open_complaints(tui *t, view *v, void *arg, cerr *e)
{
	(void)arg;
	complaints_view *cv = lv_view_new(v, sizeof *cv);
	cv->a = tui_app(t);
	cv->filter = FIL_OPEN;
	complaint_categories(cv->a, &cv->cats, &cv->ncats, NULL);
	return lv_view_open(v, &complaints_list, NULL, e);
}

static void close_complaints(tui *t, view *v)
{
	complaints_view *cv = v->data;
	complaint_categories_free(cv->cats, cv->ncats);
	cv->cats = NULL;
	cv->ncats = 0;
	lv_view_close(t, v);
}

static void draw(tui *t, view *v, rect r)
{
	complaints_view *cv = v->data;
	char *what = cv->filter == FIL_OPEN	   ? xstrdup(_("open"))
		     : cv->filter == FIL_ALL	   ? xstrdup(_("all"))
		     : cv->filter == FIL_ANOMALIES ? xstrdup(_("anomalies"))
						   : xstrdup(complaint_category_label(
							 cv->cats, cv->ncats,
							 cv->cats[cv->filter - FIL_CATEGORY].code));
	char *title = xasprintf(_("%s: %s"), _("Complaints"), what);
	lv_draw_title(t, &cv->lv, r, title, _("Search:"));
	free(title);
	free(what);
	columns_draw_heads(&complaints_columns, (rect){r.y + 1, r.x, 1, r.w});
	set_empty(cv);
	list_draw(&cv->lv.l, (rect){r.y + 2, r.x, r.h - 2, r.w});
}

static void filter_chosen(tui *t, view *v, int choice)
{
	complaints_view *cv = v->data;
	cv->filter = choice;
	lv_load(t, &cv->lv);
}

static void choose_filter(tui *t, complaints_view *cv)
{
	size_t n = FIL_CATEGORY + cv->ncats;
	const char **items = xcalloc(n, sizeof *items);
	items[FIL_OPEN] = _("Open complaints (not closed)");
	items[FIL_ALL] = _("All complaints");
	items[FIL_ANOMALIES] = _("Anomalies noticed by the agency");
	for (size_t i = 0; i < cv->ncats; i++)
		items[FIL_CATEGORY + i] = complaint_category_label(cv->cats, cv->ncats, cv->cats[i].code);
	lv_filter_menu(t, _("Which complaints?"), items, (int)n, cv->filter, filter_chosen);
	free(items);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	complaints_view *cv = v->data;
	if (cv->lv.searching)
		return lv_search_key(t, v, &cv->lv, k, act);
	const complaint *c = list_selected(&cv->lv.l);
	switch (act) {
	case ACT_ADD:
		if (tui_may(t, AREA_COMPLAINTS))
			tui_push(t, &view_complaint_form_ops, NULL);
		return TK_DONE;
	case ACT_FILTER:
		choose_filter(t, cv);
		return TK_DONE;
	case ACT_PLANS:
		tui_push(t, &view_plans_ops, NULL);
		return TK_DONE;
	case ACT_FOLLOWUPS:
		tui_push(t, &view_followups_ops, NULL);
		return TK_DONE;
	case ACT_OPEN:
	case ACT_MAKE_PLAN: {
		if (!c) {
			tui_msg(t, "%s", _("No complaint is selected"));
			return TK_DONE;
		}
		int64_t id = c->id; /* the row goes if the list reloads */
		if (act == ACT_OPEN)
			tui_push(t, &view_complaint_ops, &id);
		else if (tui_may(t, AREA_PLANS))
			plan_from_complaint(t, id);
		return TK_DONE;
	}
	default: return lv_key(t, &cv->lv, act);
	}
}

/* What its keys do here (the help). */
static const struct action_help complaints_helps[] = {
	{ACT_ADD, N_("Record a complaint or an anomaly")},
	{ACT_OPEN, N_("Open the selected complaint: its actions, its answer")},
	{ACT_FILTER, N_("Choose the complaints listed: open, all, or one category")},
	{ACT_SEARCH, N_("Search as you type: the clients' names and phone numbers")},
	{ACT_NONE, NULL},
};

const struct view_ops view_complaints_ops = {
	.name = "complaints",
	.title = N_("Complaints"),
	.actions = list_actions,
	.helps = complaints_helps,
	.open = open_complaints,
	.draw = draw,
	.key = key,
	.close = close_complaints,
	.searched_list = true,
};
