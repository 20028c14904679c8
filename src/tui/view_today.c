/* view_today.c — the Today area, the desk's dashboard: overdue callbacks first, then the
 * callbacks due today, then the documentation to send, each with its count. Three indexed
 * queries with a limit: as fast on ten years of calls as on an empty file. */
#include <stdlib.h>
#include <string.h>

#include "charte/call.h"
#include "charte/calendar.h"
#include "tui.h"

#define SECTION_LIMIT 100 /* rows shown per section; the count then says "100+" */

enum { SEC_OVERDUE, SEC_DUE_TODAY, SEC_DOCS, SEC_COUNT };
enum { ROW_HEADING, ROW_CALL, ROW_NONE };

typedef struct today_row {
	int kind;
	int section;
	size_t count; /* ROW_HEADING: rows in the section */
	bool more;    /* ROW_HEADING: more than SECTION_LIMIT */
	call c;       /* ROW_CALL */
} today_row;

typedef struct today {
	app *a;
	list l;
	cminute now; /* when the rows were read */
} today;

static const enum action today_actions[] = {
	ACT_OPEN,      ACT_CALLED_BACK, ACT_DOC_SENT, ACT_SEARCH, ACT_EDIT,
	ACT_CANCEL_CALL, ACT_ADD,       ACT_UP,       ACT_DOWN,   ACT_PAGE_UP,
	ACT_PAGE_DOWN, ACT_HOME,        ACT_END,      ACT_NONE,
};

static void push_row(today_row **rows, size_t *n, size_t *cap, today_row r)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		*rows = xrealloc(*rows, *cap * sizeof **rows);
	}
	(*rows)[(*n)++] = r;
}

/* A heading, then the calls (taken over), or a "nothing" line. */
static void add_section(today_row **rows, size_t *n, size_t *cap, int section, call *calls,
			size_t ncalls)
{
	bool more = ncalls > SECTION_LIMIT;
	size_t shown = more ? SECTION_LIMIT : ncalls;
	push_row(rows, n, cap, (today_row){ROW_HEADING, section, shown, more, {0}});
	for (size_t i = 0; i < shown; i++)
		push_row(rows, n, cap, (today_row){ROW_CALL, section, 0, false, calls[i]});
	for (size_t i = shown; i < ncalls; i++)
		call_free(&calls[i]);
	free(calls);
	if (!shown)
		push_row(rows, n, cap, (today_row){ROW_NONE, section, 0, false, {0}});
}

/* The whole dashboard at once: it is small by construction (three limited lists). */
static int fetch(void *ctx, const void *from, bool backward, int limit, void **out, size_t *n,
		 cerr *e)
{
	today *td = ctx;
	(void)backward;
	(void)limit;
	*out = NULL;
	*n = 0;
	if (from)
		return ST_OK;
	td->now = app_now(td->a);
	cminute tomorrow = cal_at(cal_day_of(td->now) + 1, 0);
	call *lists[SEC_COUNT] = {NULL};
	size_t counts[SEC_COUNT] = {0};
	int r = db_calls_overdue(td->a->db, td->now, SECTION_LIMIT + 1, &lists[0], &counts[0], e);
	if (!r)
		r = db_calls_due_between(td->a->db, td->now, tomorrow, SECTION_LIMIT + 1, &lists[1],
					 &counts[1], e);
	if (!r)
		r = db_calls_docs_pending(td->a->db, SECTION_LIMIT + 1, &lists[2], &counts[2], e);
	if (r) {
		for (int s = 0; s < SEC_COUNT; s++)
			calls_free(lists[s], counts[s]);
		return r;
	}
	today_row *rows = NULL;
	size_t cap = 0;
	for (int s = 0; s < SEC_COUNT; s++)
		add_section(&rows, n, &cap, s, lists[s], counts[s]);
	*out = rows;
	return ST_OK;
}

static void free_row(void *row)
{
	today_row *r = row;
	if (r->kind == ROW_CALL)
		call_free(&r->c);
}

static bool same(const void *a, const void *b)
{
	const today_row *x = a, *y = b;
	return x->kind == y->kind && x->section == y->section &&
	       (x->kind != ROW_CALL || x->c.id == y->c.id);
}

static bool selectable(const void *row)
{
	return ((const today_row *)row)->kind == ROW_CALL;
}

static const char *section_title(int section)
{
	switch (section) {
	case SEC_OVERDUE: return _("Overdue callbacks");
	case SEC_DUE_TODAY: return _("Callbacks due today");
	default: return _("Documentation to send");
	}
}

/* Column widths: when, caller, phone, subject (the rest). */
static void columns(int w, int *cw, int *pw, int *sw)
{
	*pw = 14;
	*cw = (w - 17 - *pw - 3) / 2;
	if (*cw > 30)
		*cw = 30;
	*sw = w - 17 - *cw - 1 - *pw - 2;
}

static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	today *td = ctx;
	const today_row *tr = row;
	if (tr->kind == ROW_HEADING) {
		char *text = tr->more ? xasprintf("%s (%zu+)", section_title(tr->section), tr->count)
				      : xasprintf("%s (%zu)", section_title(tr->section), tr->count);
		draw_text(r.y, r.x + 1, r.w - 1, text, style_attr(S_HEADER));
		free(text);
		return;
	}
	if (tr->kind == ROW_NONE) {
		draw_text(r.y, r.x + 3, r.w - 3, _("nothing"), style_attr(S_DIM));
		return;
	}
	const call *c = &tr->c;
	enum style st = S_NORMAL;
	cminute when = c->due;
	if (tr->section == SEC_OVERDUE)
		st = S_OVERDUE;
	else if (tr->section == SEC_DUE_TODAY)
		st = S_DUE_TODAY;
	else {
		when = c->doc_due;
		st = when != NO_MINUTE && when < td->now ? S_OVERDUE : S_NORMAL;
	}
	attr_t attr = style_row(st, selected);
	int cw, pw, sw;
	columns(r.w - 3, &cw, &pw, &sw);
	char at[17], phone[32];
	fmt_datetime_human(when, at);
	tui_fmt_phone(c->phone, phone);
	int x = r.x;
	draw_fill(r.y, x, r.w, attr);
	x += 3;
	draw_cell(r.y, x, 16, at, attr);
	x += 17;
	draw_cell(r.y, x, cw, c->caller, attr);
	x += cw + 1;
	draw_cell(r.y, x, pw, phone, attr);
	x += pw + 1;
	draw_cell(r.y, x, sw, c->subject, attr);
}

static const struct list_ops today_list = {
	.row_size = sizeof(today_row),
	.fetch = fetch,
	.free_row = free_row,
	.same = same,
	.selectable = selectable,
	.draw = draw_row,
};

static int open_today(tui *t, view *v, void *arg, cerr *e)
{
	today *td = xcalloc(1, sizeof *td);
	td->a = tui_app(t);
	list_init(&td->l, &today_list, td);
	int r = list_load(&td->l, e);
	if (r) {
		list_free(&td->l);
		free(td);
		return r;
	}
	v->data = td;
	return ST_OK;
}

static void reload(tui *t, view *v)
{
	today *td = v->data;
	cerr e;
	err_clear(&e);
	if (list_reload(&td->l, &e))
		tui_error(t, &e);
}

static void draw(tui *t, view *v, rect r)
{
	today *td = v->data;
	draw_text(r.y, 1, r.w - 2, _("The front desk: what needs doing today"),
		  style_attr(S_HEADER));
	int cw, pw, sw;
	columns(r.w - 3, &cw, &pw, &sw);
	attr_t h = style_attr(S_DIM);
	draw_text(r.y + 1, 3, 16, _("Due by"), h);
	draw_text(r.y + 1, 3 + 17, cw, _("Caller"), h);
	draw_text(r.y + 1, 3 + 17 + cw + 1, pw, _("Phone"), h);
	draw_text(r.y + 1, 3 + 17 + cw + 1 + pw + 1, sw, _("Subject"), h);
	list_draw(&td->l, (rect){r.y + 2, r.x, r.h - 2, r.w});
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	today *td = v->data;
	const today_row *row = list_selected(&td->l);
	const call *c = row ? &row->c : NULL;
	cerr e;
	switch (act) {
	case ACT_ADD:
		if (tui_can_write(t))
			tui_push(t, &view_call_form_ops, NULL);
		return TK_DONE;
	case ACT_SEARCH: { /* searching is the call list's: go there and start typing */
		view *calls = tui_goto(t, &view_calls_ops);
		if (calls)
			calls->ops->key(t, calls, k, ACT_SEARCH);
		return TK_DONE;
	}
	case ACT_OPEN:
	case ACT_EDIT:
	case ACT_CALLED_BACK:
	case ACT_DOC_SENT:
	case ACT_CANCEL_CALL:
		if (!c) {
			tui_msg(t, _("Nothing to do today: no call is selected"));
			return TK_DONE;
		}
		if (act == ACT_OPEN)
			call_act_open(t, c);
		else if (act == ACT_EDIT)
			call_act_edit(t, c);
		else if (act == ACT_CALLED_BACK)
			call_act_called_back(t, c);
		else if (act == ACT_DOC_SENT)
			call_act_doc_sent(t, c);
		else
			call_act_cancel(t, c);
		return TK_DONE;
	default:
		if (list_key(&td->l, act, &e) == TK_PASS)
			return TK_PASS;
		if (e.code)
			tui_error(t, &e);
		return TK_DONE;
	}
}

static void close_today(tui *t, view *v)
{
	today *td = v->data;
	list_free(&td->l);
	free(td);
}

const struct view_ops view_today_ops = {
	.name = "today",
	.title = N_("Today"),
	.actions = today_actions,
	.open = open_today,
	.draw = draw,
	.key = key,
	.reload = reload,
	.close = close_today,
};
