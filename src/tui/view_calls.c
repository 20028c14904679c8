/* view_calls.c — the Calls area: the log book, newest first, paged by key; `/` searches as
 * you type (callers, phone numbers, subjects: full-text, accents ignored), `f` filters (open,
 * overdue, voicemail, documentation to send, between two dates, cancelled too). Also the small
 * form that asks for the two dates. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "charte/call.h"
#include "charte/calendar.h"
#include "call_actions.h"
#include "columns.h"
#include "form.h"
#include "areas.h"
#include "frame.h"
#include "list.h"
#include "views.h"

/* Which calls are listed; also the first items of the `f` menu, in this order. */
enum { FIL_ALL, FIL_OPEN, FIL_OVERDUE, FIL_VOICEMAIL, FIL_DOCS };
/* The other items of the menu. */
enum { MENU_DATES = FIL_DOCS + 1, MENU_CANCELLED, MENU_CLEAR };

typedef struct calls_view {
	listview lv;     /* the rows, and the search */
	app *a;
	int status;      /* FIL_* */
	bool cancelled;  /* cancelled calls listed too */
	cday from, to;   /* NO_DAY: no bound */
	cminute now;
} calls_view;
_Static_assert(offsetof(calls_view, lv) == 0, "the listview first: lv_view_*");

static const enum action list_actions[] = {
	ACT_OPEN,        ACT_SEARCH, ACT_FILTER,  ACT_CALLED_BACK, ACT_ATTEMPT, ACT_DOC_SENT,
	ACT_EDIT,        ACT_CANCEL_CALL, ACT_ADD, ACT_UP,         ACT_DOWN,
	ACT_PAGE_UP,     ACT_PAGE_DOWN, ACT_HOME, ACT_END,         ACT_NONE,
};

static int fetch(void *ctx, const void *from, bool backward, int limit, void **out, size_t *n,
		 cerr *e)
{
	calls_view *cv = ctx;
	call_filter f;
	call_filter_init(&f);
	f.open = cv->status == FIL_OPEN;
	f.overdue = cv->status == FIL_OVERDUE;
	f.voicemail = cv->status == FIL_VOICEMAIL;
	f.docs = cv->status == FIL_DOCS;
	f.with_cancelled = cv->cancelled;
	f.from = cv->from;
	f.to = cv->to;
	f.now = cv->now = app_now(cv->a);
	f.search = lv_query(&cv->lv);
	call *rows = NULL;
	int r = call_page(cv->a, &f, from, backward, limit, &rows, n, e);
	*out = rows;
	return r;
}

static void free_row(void *row)
{
	call_free(row);
}

static bool same(const void *a, const void *b)
{
	return ((const call *)a)->id == ((const call *)b)->id;
}

/* The time of a call in a list: "12/03 14:05" this year, the date alone for other years. */
static void fmt_short(cminute t, cminute now, char out[static 17])
{
	int y, m, d, ny, nm, nd;
	cal_ymd(cal_day_of(t), &y, &m, &d);
	cal_ymd(cal_day_of(now), &ny, &nm, &nd);
	if (y != ny) {
		fmt_date_human(cal_day_of(t), out);
		return;
	}
	char clock[6];
	fmt_clock(cal_minute_of_day(t), clock);
	if (lang_french)
		snprintf(out, 17, "%02d/%02d %s", d, m, clock);
	else
		snprintf(out, 17, "%02d-%02d %s", m, d, clock);
}

static char *cell_when(void *ctx, const void *row, enum style *style)
{
	char when[17];
	fmt_short(((const call *)row)->at, ((calls_view *)ctx)->now, when);
	return xstrdup(when);
}

static char *cell_caller(void *ctx, const void *row, enum style *style)
{
	return xstrdup(((const call *)row)->caller);
}

static char *cell_phone(void *ctx, const void *row, enum style *style)
{
	char phone[32];
	tui_fmt_phone(((const call *)row)->phone, phone);
	return xstrdup(phone);
}

static char *cell_subject(void *ctx, const void *row, enum style *style)
{
	return xstrdup(((const call *)row)->subject);
}

static char *cell_state(void *ctx, const void *row, enum style *style)
{
	enum style st;
	return xstrdup(call_state(row, ((calls_view *)ctx)->now, &st));
}

static const struct column call_columns[] = {
	{N_("Time"), 11, 0, 0, false, cell_when},
	{N_("Caller"), 0, 5, 32, false, cell_caller},
	{N_("Phone"), 14, 0, 0, false, cell_phone},
	{N_("Subject"), 0, 4, 0, false, cell_subject},
	{N_("Status"), 14, 0, 0, false, cell_state},
};
static const columns calls_columns = {call_columns, ARRAY_LEN(call_columns)};

/* A call's row in the style of its state (overdue, due today, cancelled...). */
static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	calls_view *cv = ctx;
	enum style st;
	call_state(row, cv->now, &st);
	columns_draw_row(&calls_columns, ctx, row, r, st, selected);
}

static const struct list_ops calls_list = {
	.row_size = sizeof(call),
	.fetch = fetch,
	.free_row = free_row,
	.same = same,
	.draw = draw_row,
};

static int open_calls(tui *t, view *v, void *arg, cerr *e)
{
	calls_view *cv = lv_view_new(v, sizeof *cv);
	cv->a = tui_app(t);
	cv->from = cv->to = NO_DAY;
	return lv_view_open(v, &calls_list, _("No call to show."), e);
}

/* "overdue callbacks · 01/03/2026 – 15/03/2026 · cancelled too" */
static char *describe(const calls_view *cv)
{
	static const char *const status[] = {N_("all calls"), N_("callbacks to make"),
					     N_("overdue callbacks"), N_("voicemail messages"),
					     N_("documentation to send")};
	strbuf b = {0};
	sb_add(&b, _(status[cv->status]));
	if (cv->from != NO_DAY || cv->to != NO_DAY) {
		char from[11] = "…", to[11] = "…";
		if (cv->from != NO_DAY)
			fmt_date_human(cv->from, from);
		if (cv->to != NO_DAY)
			fmt_date_human(cv->to, to);
		sb_addf(&b, " · %s – %s", from, to);
	}
	if (cv->cancelled)
		sb_addf(&b, " · %s", _("cancelled too"));
	return b.s;
}

static void draw(tui *t, view *v, rect r)
{
	calls_view *cv = v->data;
	/* The title line: what is listed, and the search on the right. */
	char *what = describe(cv);
	char *title = xasprintf(_("%s: %s"), _("Calls"), what);
	free(what);
	lv_draw_title(t, &cv->lv, r, title, _("Search:"));
	free(title);
	columns_draw_heads(&calls_columns, (rect){r.y + 1, r.x, 1, r.w});
	list_draw(&cv->lv.l, (rect){r.y + 2, r.x, r.h - 2, r.w});
}

/* ---- Filters ---- */

static void filter_chosen(tui *t, view *v, int choice)
{
	calls_view *cv = v->data;
	if (choice <= FIL_DOCS) {
		cv->status = choice;
	} else if (choice == MENU_DATES) {
		cday range[2] = {cv->from, cv->to};
		tui_push(t, &view_range_ops, range);
		return;
	} else if (choice == MENU_CANCELLED) {
		cv->cancelled = !cv->cancelled;
	} else {
		cv->status = FIL_ALL;
		cv->cancelled = false;
		cv->from = cv->to = NO_DAY;
	}
	lv_load(t, &cv->lv);
}

static void choose_filter(tui *t, calls_view *cv)
{
	const char *items[] = {
		[FIL_ALL] = _("All calls"),
		[FIL_OPEN] = _("Callbacks to make"),
		[FIL_OVERDUE] = _("Overdue callbacks"),
		[FIL_VOICEMAIL] = _("Voicemail messages"),
		[FIL_DOCS] = _("Documentation to send"),
		[MENU_DATES] = _("Between two dates..."),
		[MENU_CANCELLED] = cv->cancelled ? _("Hide cancelled calls")
						 : _("Show cancelled calls too"),
		[MENU_CLEAR] = _("Clear every filter"),
	};
	lv_filter_menu(t, _("Which calls?"), items, (int)ARRAY_LEN(items), cv->status,
		       filter_chosen);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	calls_view *cv = v->data;
	if (cv->lv.searching)
		return lv_search_key(t, v, &cv->lv, k, act);
	switch (act) {
	case ACT_ADD:
		if (tui_may(t, AREA_CALLS))
			tui_push(t, &view_call_form_ops, NULL);
		return TK_DONE;
	case ACT_FILTER:
		choose_filter(t, cv);
		return TK_DONE;
	default:
		if (call_act(t, list_selected(&cv->lv.l), act, _("No call is selected")) == TK_DONE)
			return TK_DONE;
		return lv_key(t, &cv->lv, act);
	}
}

/* What its keys do here (the help). */
static const struct action_help calls_helps[] = {
	{ACT_ADD, N_("Log a new call (as F2)")},
	{ACT_OPEN, N_("Open the selected call: its page, with its callback attempts")},
	{ACT_NONE, NULL},
};

const struct view_ops view_calls_ops = {
	.name = "calls",
	.title = N_("Calls"),
	.actions = list_actions,
	.helps = calls_helps,
	.open = open_calls,
	.draw = draw,
	.key = key,
	.searched_list = true,
};

/* ---- The two dates of the "between two dates" filter ---- */

static int range_check(form *f, size_t i, cerr *e)
{
	const char *name = f->fields[i]->name;
	char *text = form_text(f, name);
	cday d;
	const char *why = str_blank(text) ? NULL : parse_date(str_trim(text), &d);
	free(text);
	if (why)
		return err_set(e, ST_INVALID, name, "%s", _(why));
	if (strcmp(name, "to"))
		return ST_OK;
	char *from = form_text(f, "from"), *to = form_text(f, "to");
	cday a, b;
	int r = ST_OK;
	if (!str_blank(from) && !str_blank(to) && !parse_date(str_trim(from), &a) &&
	    !parse_date(str_trim(to), &b) && b < a)
		r = err_set(e, ST_INVALID, "to", _("is before the first date"));
	free(from);
	free(to);
	return r;
}

static int range_open(tui *t, view *v, void *arg, cerr *e)
{
	const cday *range = arg;
	form *f = xcalloc(1, sizeof *f);
	form_init(f, NULL);
	f->check = range_check;
	char from[11] = "", to[11] = "";
	if (range[0] != NO_DAY)
		fmt_date_human(range[0], from);
	if (range[1] != NO_DAY)
		fmt_date_human(range[1], to);
	const char *fmt = lang_french ? _("DD/MM/YYYY, empty: no limit")
				      : _("YYYY-MM-DD, empty: no limit");
	form_add_text(f, "from", _("From"), from, 11)->format = fmt;
	form_add_text(f, "to", _("To"), to, 11)->format = fmt;
	v->data = f;
	return ST_OK;
}

static void range_draw(tui *t, view *v, rect r)
{
	draw_text(r.y, 1, r.w - 2, _("Calls between two dates"), style_attr(S_HEADER));
	form_draw(v->data, t, (rect){r.y + 2, 2, r.h - 2, r.w - 4});
}

static void range_save(tui *t, form *f)
{
	if (!form_view_valid(t, f))
		return;
	view *below = tui_below(t);
	if (!below || below->ops != &view_calls_ops) {
		tui_pop(t);
		return;
	}
	calls_view *cv = below->data;
	cday *bounds[2] = {&cv->from, &cv->to};
	const char *names[2] = {"from", "to"};
	for (int i = 0; i < 2; i++) {
		char *text = form_text(f, names[i]);
		*bounds[i] = NO_DAY;
		if (!str_blank(text))
			parse_date(str_trim(text), bounds[i]); /* checked above */
		free(text);
	}
	tui_pop(t);
	lv_load(t, &cv->lv);
}

static int range_key(tui *t, view *v, const tkey *k, enum action act)
{
	switch (form_key(v->data, k, act)) {
	case FORM_SAVE: range_save(t, v->data); return TK_DONE;
	case FORM_CANCEL: tui_pop(t); return TK_DONE;
	case FORM_HANDLED: return TK_DONE;
	default: return TK_PASS;
	}
}

static void range_close(tui *t, view *v)
{
	form_free(v->data);
	free(v->data);
}

const struct view_ops view_range_ops = {
	.name = "calls-dates",
	.title = N_("Dates"),
	.actions = form_actions,
	.text_input = true,
	.open = range_open,
	.draw = range_draw,
	.key = range_key,
	.close = range_close,
};
