/* view_quotes.c — the Quotes area: every quote, newest first, paged by key (never the whole
 * table); `/` searches as you type in the clients' names and phones, `f` filters by status (the
 * expired ones computed as of today), `a` starts a new quote (client, date) and opens its editor,
 * Enter opens the selected one. Also the small form of a new quote. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "areas.h"
#include "columns.h"
#include "frame.h"
#include "picker.h"
#include "views.h"
#include "view_quote_common.h"

enum { FIL_ALL = -1 };

typedef struct quotes_view {
	listview lv; /* the rows, and the search */
	app *a;
	int status;  /* FIL_ALL or a quote status (QUOTE_EXPIRED computed) */
	cday today;
} quotes_view;
_Static_assert(offsetof(quotes_view, lv) == 0, "the listview first: lv_view_*");

static const enum action list_actions[] = {
	ACT_OPEN,      ACT_ADD, ACT_SEARCH, ACT_FILTER, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
	ACT_PAGE_DOWN, ACT_HOME, ACT_END,   ACT_NONE,
};

static const struct view_ops view_quote_new_ops;

static int fetch(void *ctx, const void *from, bool backward, int limit, void **out, size_t *n,
		 cerr *e)
{
	quotes_view *qv = ctx;
	quote_filter f;
	quote_filter_init(&f, qv->today = app_today(qv->a));
	f.status = qv->status;
	f.search = lv_query(&qv->lv);
	quote *rows = NULL;
	int r = backward ? quote_page_before(qv->a, &f, from, limit, &rows, n, e)
			 : quote_page(qv->a, &f, from, limit, &rows, n, e);
	*out = rows;
	return r;
}

static void free_row(void *row)
{
	quote_free(row);
}

static bool same(const void *a, const void *b)
{
	return ((const quote *)a)->id == ((const quote *)b)->id;
}

static char *cell_number(void *ctx, const void *row, enum style *style)
{
	return xstrdup(((const quote *)row)->number);
}

static char *cell_date(void *ctx, const void *row, enum style *style)
{
	char day[11];
	fmt_date_human(((const quote *)row)->date, day);
	return xstrdup(day);
}

static char *cell_client(void *ctx, const void *row, enum style *style)
{
	const quote *q = row;
	return offer_client_label(q->client_id, q->client_name);
}

/* The status as of today (a sent quote past its validity has expired), in its style. */
static char *cell_status(void *ctx, const void *row, enum style *style)
{
	int status = quote_status_on(row, ((quotes_view *)ctx)->today);
	*style = offer_quote_style(status);
	return xstrdup(enum_label(&quote_statuses, status));
}

static char *cell_total(void *ctx, const void *row, enum style *style)
{
	char total[32];
	fmt_amount(((const quote *)row)->total_incl, total);
	return xstrdup(total);
}

static const struct column quote_columns[] = {
	{N_("Number"), 10, 0, 0, false, cell_number},
	{N_("Date"), 10, 0, 0, false, cell_date},
	{N_("Client"), 0, 1, 0, false, cell_client},
	{N_("Status"), 10, 0, 0, false, cell_status},
	{N_("Total incl. VAT"), 15, 0, 0, true, cell_total},
};
static const columns quotes_columns = {quote_columns, ARRAY_LEN(quote_columns)};

static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	columns_draw_row(&quotes_columns, ctx, row, r, S_NORMAL, selected);
}

static const struct list_ops quotes_list = {
	.row_size = sizeof(quote),
	.fetch = fetch,
	.free_row = free_row,
	.same = same,
	.draw = draw_row,
};

static int open_quotes(tui *t, view *v, void *arg, cerr *e)
{
	quotes_view *qv = lv_view_new(v, sizeof *qv);
	qv->a = tui_app(t);
	qv->status = FIL_ALL;
	return lv_view_open(v, &quotes_list, _("No quote to show. Press a to write one."), e);
}

/* What the list shows, as its title. */
static const char *describe(int status)
{
	switch (status) {
	case QUOTE_DRAFT: return _("Draft quotes");
	case QUOTE_SENT: return _("Quotes sent, awaiting an answer");
	case QUOTE_ACCEPTED: return _("Accepted quotes");
	case QUOTE_REFUSED: return _("Refused quotes");
	case QUOTE_EXPIRED: return _("Quotes expired without an answer");
	default: return _("All quotes");
	}
}

static void draw(tui *t, view *v, rect r)
{
	quotes_view *qv = v->data;
	qv->today = app_today(qv->a);
	lv_draw_title(t, &qv->lv, r, describe(qv->status), _("Client:"));
	columns_draw_heads(&quotes_columns, (rect){r.y + 1, r.x, 1, r.w});
	list_draw(&qv->lv.l, (rect){r.y + 2, r.x, r.h - 2, r.w});
}

/* ---- filter ---- */

/* The menu's items, in order, and the status each shows. */
static const int filter_status[] = {FIL_ALL,        QUOTE_DRAFT,    QUOTE_SENT,
				    QUOTE_ACCEPTED, QUOTE_REFUSED, QUOTE_EXPIRED};

static void filter_chosen(tui *t, view *v, int choice)
{
	quotes_view *qv = v->data;
	qv->status = filter_status[choice];
	lv_load(t, &qv->lv);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	quotes_view *qv = v->data;
	if (qv->lv.searching)
		return lv_search_key(t, v, &qv->lv, k, act);
	if (act == ACT_NONE)
		act = action_for_key(list_actions, k, false);
	const quote *q = list_selected(&qv->lv.l);
	switch (act) {
	case ACT_ADD:
		if (tui_may(t, AREA_QUOTES))
			tui_push(t, &view_quote_new_ops, NULL);
		return TK_DONE;
	case ACT_FILTER:
		offer_status_menu(t, _("Which quotes?"), _("All quotes"), filter_status,
				  (int)ARRAY_LEN(filter_status), &quote_statuses, qv->status,
				  filter_chosen);
		return TK_DONE;
	case ACT_OPEN:
		if (!q) {
			tui_msg(t, _("No quote is selected"));
			return TK_DONE;
		}
		int64_t id = q->id; /* the row goes when the list reloads */
		tui_push(t, &view_quote_ops, &id);
		return TK_DONE;
	default: return lv_key(t, &qv->lv, act);
	}
}

static const enum action *mode(view *v, bool *text_input)
{
	quotes_view *qv = v->data;
	bool reader = !app_may(qv->a, AREA_QUOTES, ACCESS_WRITE);
	return lv_mode(&qv->lv, reader ? offer_read_actions : list_actions, text_input);
}

/* What its keys do here (the help). */
static const struct action_help quotes_helps[] = {
	{ACT_ADD, N_("Write a new quote")},
	{ACT_OPEN, N_("Open the selected quote")},
	{ACT_NONE, NULL},
};

const struct view_ops view_quotes_ops = {
	.name = "quotes",
	.title = N_("Quotes"),
	.actions = list_actions,
	.helps = quotes_helps,
	.open = open_quotes,
	.draw = draw,
	.key = key,
	.reload = lv_view_reload,
	.mode = mode,
	.settle = lv_view_settle,
	.close = lv_view_close,
};

/* ---- a new quote: its client and date, then its editor ---- */

typedef struct quote_new {
	app *a;
	form f;
} quote_new;

static int new_check(form *f, size_t i, cerr *e)
{
	quote_new *qn = f->ctx;
	const char *name = f->fields[i]->name;
	int r = ST_OK;
	if (!strcmp(name, "client")) {
		if (!form_pick_id(f, "client"))
			r = err_set(e, ST_INVALID, "client",
				    _("which client? type a few letters of the name to choose"));
	} else if (!strcmp(name, "on")) {
		char *text = form_text(f, name);
		cday d, today = app_today(qn->a);
		r = offer_parse_date(text, today, "on", &d, e);
		if (!r && d > today)
			r = err_set(e, ST_INVALID, "on", _("is later than today"));
		free(text);
	}
	return r;
}

static int new_open(tui *t, view *v, void *arg, cerr *e)
{
	quote_new *qn = xcalloc(1, sizeof *qn);
	qn->a = tui_app(t);
	form_init(&qn->f, qn);
	qn->f.check = new_check;
	char today[11];
	offer_today_field(qn->a, today);
	field *client = form_add_pick(&qn->f, "client", _("Client"), &picker_clients, 0, NULL, NULL);
	client->width = 40;
	client->format = _("type to choose");
	form_add_text(&qn->f, "on", _("Date"), today, 11)->format = offer_date_hint();
	v->data = qn;
	return ST_OK;
}

static void new_draw(tui *t, view *v, rect r)
{
	quote_new *qn = v->data;
	draw_text(r.y, 1, r.w - 2, _("New quote"), style_attr(S_HEADER));
	form_draw(&qn->f, t, (rect){r.y + 2, 2, 4, r.w - 4});
	draw_wrapped((rect){r.y + 7, 2, r.h - 7, r.w - 4}, 0,
		     _("The quote is numbered when it is saved (D then the year, gapless); its "
		       "lines are written next, in its editor. A quote is free for the client."),
		     style_attr(S_DIM));
}

static void new_save(tui *t, quote_new *qn)
{
	if (!form_check_all(&qn->f)) {
		offer_form_invalid(t);
		return;
	}
	char *on = form_text(&qn->f, "on");
	quote q;
	quote_init(&q);
	q.client_id = form_pick_id(&qn->f, "client");
	cerr e;
	err_clear(&e);
	int r = offer_parse_date(on, app_today(qn->a), "on", &q.date, &e);
	if (!r)
		r = quote_create(qn->a, &q, &e);
	free(on);
	if (r) {
		offer_save_failed(t, &qn->f, &e);
		quote_free(&q);
		return;
	}
	int64_t id = q.id;
	char *msg = xasprintf(_("Quote %s written: add its lines with a"), q.number);
	quote_free(&q);
	tui_pop(t);
	tui_changed(t);
	tui_push(t, &view_quote_ops, &id);
	tui_msg(t, "%s", msg);
	free(msg);
}

static int new_key(tui *t, view *v, const tkey *k, enum action act)
{
	quote_new *qn = v->data;
	switch (form_key(&qn->f, k, act)) {
	case FORM_PICK: form_pick(t, &qn->f, k); return TK_DONE;
	case FORM_SAVE: new_save(t, qn); return TK_DONE;
	case FORM_CANCEL:
		form_leave(t, &qn->f, _("Leave without writing this quote?"));
		return TK_DONE;
	case FORM_HANDLED: return TK_DONE;
	default: return TK_PASS;
	}
}

static bool new_dirty(view *v)
{
	return form_dirty(&((quote_new *)v->data)->f);
}

static void new_close(tui *t, view *v)
{
	quote_new *qn = v->data;
	form_free(&qn->f);
	free(qn);
}

static const struct view_ops view_quote_new_ops = {
	.name = "quote-new",
	.title = N_("New quote"),
	.actions = form_actions,
	.text_input = true,
	.open = new_open,
	.draw = new_draw,
	.key = new_key,
	.dirty = new_dirty,
	.close = new_close,
};
