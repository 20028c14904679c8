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

const enum action quotes_actions[] = {
	ACT_OPEN,      ACT_ADD, ACT_SEARCH, ACT_FILTER, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
	ACT_PAGE_DOWN, ACT_HOME, ACT_END,   ACT_NONE,
};

static const struct view_ops view_quote_new_ops;

static int page(const offer_list_view *ov, const void *from, bool backward, int limit,
		void **out, size_t *n, cerr *e)
{
	quote_filter f;
	quote_filter_init(&f, ov->today);
	f.status = ov->status;
	f.search = lv_query(&ov->lv);
	quote *rows = NULL;
	int r = quote_page(ov->a, &f, from, backward, limit, &rows, n, e);
	*out = rows;
	return r;
}

static void free_row(void *row)
{
	quote_free(row);
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
	int status = quote_status_on(row, ((offer_list_view *)ctx)->today);
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

/* The `f` menu's items, in order, and the list's title while it shows each. */
static const int statuses[] = {OFFER_ALL,      QUOTE_DRAFT,   QUOTE_SENT,
			       QUOTE_ACCEPTED, QUOTE_REFUSED, QUOTE_EXPIRED};
static const char *const titles[] = {
	N_("All quotes"),      N_("Draft quotes"),   N_("Quotes sent, awaiting an answer"),
	N_("Accepted quotes"), N_("Refused quotes"), N_("Quotes expired without an answer"),
};
_Static_assert(ARRAY_LEN(statuses) == ARRAY_LEN(titles), "a title for each status");

/* What its keys do here (the help). */
const struct action_help quotes_helps[] = {
	{ACT_ADD, N_("Write a new quote")},
	{ACT_OPEN, N_("Open the selected quote")},
	{ACT_NONE, NULL},
};

const struct offer_list quotes_list = {
	.area = AREA_QUOTES,
	.actions = quotes_actions,
	.columns = &quotes_columns,
	.row_size = sizeof(quote),
	.page = page,
	.free_row = free_row,
	.statuses = statuses,
	.titles = titles,
	.nstatuses = (int)ARRAY_LEN(statuses),
	.labels = &quote_statuses,
	.which = N_("Which quotes?"),
	.empty = N_("No quote to show. Press a to write one."),
	.no_selection = N_("No quote is selected"),
	.record = &view_quote_ops,
	.add = &view_quote_new_ops,
};
_Static_assert(offsetof(quote, id) == 0, "offer_list: the id first");


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
		form_view_not_saved(t);
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
		form_save_failed(t, &qn->f, &e);
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
