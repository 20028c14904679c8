/* view_contracts.c — the Contracts area: every contract, newest first, paged by key; `f`
 * filters by status (active computed as of today: signed and started), `/` searches as you type
 * in the clients' names and phones, `a` writes a new one, Enter opens one. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "areas.h"
#include "columns.h"
#include "frame.h"
#include "views.h"
#include "view_quote_common.h"

enum { FIL_ALL = -1 };

typedef struct contracts_view {
	listview lv; /* the rows, and the search */
	app *a;
	int status;  /* FIL_ALL or a contract status */
	cday today;
} contracts_view;
_Static_assert(offsetof(contracts_view, lv) == 0, "the listview first: lv_view_*");

static const enum action list_actions[] = {
	ACT_OPEN,      ACT_ADD, ACT_FILTER, ACT_SEARCH, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
	ACT_PAGE_DOWN, ACT_HOME, ACT_END,   ACT_NONE,
};

static int fetch(void *ctx, const void *from, bool backward, int limit, void **out, size_t *n,
		 cerr *e)
{
	contracts_view *cv = ctx;
	contract_filter f;
	contract_filter_init(&f, cv->today = app_today(cv->a));
	f.status = cv->status;
	f.search = lv_query(&cv->lv);
	contract *rows = NULL;
	int r = backward ? contract_page_before(cv->a, &f, from, limit, &rows, n, e)
			 : contract_page(cv->a, &f, from, limit, &rows, n, e);
	*out = rows;
	return r;
}

static void free_row(void *row)
{
	contract_free(row);
}

static bool same(const void *a, const void *b)
{
	return ((const contract *)a)->id == ((const contract *)b)->id;
}

static char *cell_number(void *ctx, const void *row, enum style *style)
{
	return xstrdup(((const contract *)row)->number);
}

static char *cell_client(void *ctx, const void *row, enum style *style)
{
	const contract *k = row;
	return offer_client_label(k->client_id, k->client_name);
}

static char *cell_kind(void *ctx, const void *row, enum style *style)
{
	return xstrdup(enum_label(&contract_kinds, ((const contract *)row)->kind));
}

static char *cell_start(void *ctx, const void *row, enum style *style)
{
	char start[11];
	fmt_date_human(((const contract *)row)->start, start);
	return xstrdup(start);
}

/* The status as of today (a signed contract becomes active on its start), in its style. */
static char *cell_status(void *ctx, const void *row, enum style *style)
{
	int status = contract_status_on(row, ((contracts_view *)ctx)->today);
	*style = offer_contract_style(status);
	return xstrdup(enum_label(&contract_statuses, status));
}

static char *cell_monthly(void *ctx, const void *row, enum style *style)
{
	char monthly[32];
	fmt_amount(((const contract *)row)->monthly_incl, monthly);
	return xstrdup(monthly);
}

static const struct column contract_columns[] = {
	{N_("Number"), 10, 0, 0, false, cell_number},
	{N_("Client"), 0, 1, 0, false, cell_client},
	{N_("Kind"), 10, 0, 0, false, cell_kind},
	{N_("Start"), 10, 0, 0, false, cell_start},
	{N_("Status"), 9, 0, 0, false, cell_status},
	{N_("Month incl. VAT"), 15, 0, 0, true, cell_monthly},
};
static const columns contracts_columns = {contract_columns, ARRAY_LEN(contract_columns)};

static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	columns_draw_row(&contracts_columns, ctx, row, r, S_NORMAL, selected);
}

static const struct list_ops contracts_list = {
	.row_size = sizeof(contract),
	.fetch = fetch,
	.free_row = free_row,
	.same = same,
	.draw = draw_row,
};

static int open_contracts(tui *t, view *v, void *arg, cerr *e)
{
	contracts_view *cv = lv_view_new(v, sizeof *cv);
	cv->a = tui_app(t);
	cv->status = FIL_ALL;
	const char *empty =
		_("No contract to show. Press a to write one, or m on an accepted quote.");
	return lv_view_open(v, &contracts_list, empty, e);
}

/* What the list shows, as its title. */
static const char *describe(int status)
{
	switch (status) {
	case CONTRACT_DRAFT: return _("Draft contracts, to sign");
	case CONTRACT_SIGNED: return _("Contracts signed, not started yet");
	case CONTRACT_ACTIVE: return _("Active contracts");
	case CONTRACT_ENDED: return _("Ended contracts");
	case CONTRACT_WITHDRAWN: return _("Contracts withdrawn from");
	default: return _("All contracts");
	}
}

static void draw(tui *t, view *v, rect r)
{
	contracts_view *cv = v->data;
	cv->today = app_today(cv->a);
	lv_draw_title(t, &cv->lv, r, describe(cv->status), _("Client:"));
	columns_draw_heads(&contracts_columns, (rect){r.y + 1, r.x, 1, r.w});
	list_draw(&cv->lv.l, (rect){r.y + 2, r.x, r.h - 2, r.w});
}

/* ---- filter ---- */

static const int filter_status[] = {FIL_ALL,         CONTRACT_DRAFT, CONTRACT_SIGNED,
				    CONTRACT_ACTIVE, CONTRACT_ENDED, CONTRACT_WITHDRAWN};

static void filter_chosen(tui *t, view *v, int choice)
{
	contracts_view *cv = v->data;
	cv->status = filter_status[choice];
	lv_load(t, &cv->lv);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	contracts_view *cv = v->data;
	if (cv->lv.searching)
		return lv_search_key(t, v, &cv->lv, k, act);
	if (act == ACT_NONE)
		act = action_for_key(list_actions, k, false);
	const contract *c = list_selected(&cv->lv.l);
	switch (act) {
	case ACT_ADD:
		if (tui_may(t, AREA_CONTRACTS))
			tui_push(t, &view_contract_form_ops, NULL);
		return TK_DONE;
	case ACT_FILTER:
		offer_status_menu(t, _("Which contracts?"), _("All contracts"), filter_status,
				  (int)ARRAY_LEN(filter_status), &contract_statuses, cv->status,
				  filter_chosen);
		return TK_DONE;
	case ACT_OPEN:
		if (!c) {
			tui_msg(t, _("No contract is selected"));
			return TK_DONE;
		}
		int64_t id = c->id;
		tui_push(t, &view_contract_ops, &id);
		return TK_DONE;
	default: return lv_key(t, &cv->lv, act);
	}
}

static const enum action *mode(view *v, bool *text_input)
{
	contracts_view *cv = v->data;
	bool reader = !app_may(cv->a, AREA_CONTRACTS, ACCESS_WRITE);
	return lv_mode(&cv->lv, reader ? offer_read_actions : list_actions, text_input);
}

/* What its keys do here (the help). */
static const struct action_help contracts_helps[] = {
	{ACT_ADD, N_("Make a new contract")},
	{ACT_OPEN, N_("Open the selected contract")},
	{ACT_NONE, NULL},
};

const struct view_ops view_contracts_ops = {
	.name = "contracts",
	.title = N_("Contracts"),
	.actions = list_actions,
	.helps = contracts_helps,
	.open = open_contracts,
	.draw = draw,
	.key = key,
	.reload = lv_view_reload,
	.mode = mode,
	.settle = lv_view_settle,
	.close = lv_view_close,
};
