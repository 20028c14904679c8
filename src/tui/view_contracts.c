/* view_contracts.c — the Contracts area: every contract, newest first, paged by key; `f`
 * filters by status (active computed as of today: signed and started), `/` searches as you type
 * in the clients' names and phones, `a` writes a new one, Enter opens one. */
#include <stdlib.h>
#include <string.h>

#include "view_quote_common.h"

enum { FIL_ALL = -1 };

typedef struct contracts_view {
	app *a;
	list l;
	int status; /* FIL_ALL or a contract status */
	bool searching;
	lineedit search;
	char *query;
	cday today;
} contracts_view;

static const enum action list_actions[] = {
	ACT_OPEN,      ACT_ADD, ACT_FILTER, ACT_SEARCH, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
	ACT_PAGE_DOWN, ACT_HOME, ACT_END,   ACT_NONE,
};

/* For those who may not write: `a` still answers, saying who may. */
static const enum action read_actions[] = {
	ACT_OPEN, ACT_SEARCH, ACT_FILTER, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN,
	ACT_HOME, ACT_END,    ACT_NONE,
};

static const enum action search_actions[] = {
	ACT_CONFIRM, ACT_CANCEL, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_NONE,
};

static int fetch(void *ctx, const void *from, bool backward, int limit, void **out, size_t *n,
		 cerr *e)
{
	contracts_view *cv = ctx;
	contract_filter f;
	contract_filter_init(&f, cv->today = app_today(cv->a));
	f.status = cv->status;
	f.search = cv->query && !str_blank(cv->query) ? cv->query : NULL;
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

#define W_NUMBER 10
#define W_KIND 10
#define W_START 10
#define W_STATUS 9
#define W_MONTHLY 15

static int client_width(int w)
{
	return w - 1 - (W_NUMBER + 1) - 1 - (W_KIND + 1) - (W_START + 1) - (W_STATUS + 1) -
	       (W_MONTHLY + 1);
}

static enum style status_style(int status)
{
	switch (status) {
	case CONTRACT_ACTIVE: return S_DONE;
	case CONTRACT_SIGNED: return S_DUE_TODAY;
	case CONTRACT_ENDED:
	case CONTRACT_WITHDRAWN: return S_CANCELLED;
	default: return S_NORMAL;
	}
}

static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	contracts_view *cv = ctx;
	const contract *k = row;
	int status = contract_status_on(k, cv->today);
	attr_t attr = style_row(S_NORMAL, selected);
	char start[11], monthly[32];
	fmt_date_human(k->start, start);
	fmt_amount(k->monthly_incl, monthly);
	char *client = offer_client_label(k->client_id, k->client_name);
	draw_fill(r.y, r.x, r.w, attr);
	int x = r.x + 1, cw = client_width(r.w);
	draw_cell(r.y, x, W_NUMBER, k->number, attr);
	x += W_NUMBER + 1;
	draw_cell(r.y, x, cw, client, attr);
	x += cw + 1;
	draw_cell(r.y, x, W_KIND, contract_kind_label(k->kind), attr);
	x += W_KIND + 1;
	draw_cell(r.y, x, W_START, start, attr);
	x += W_START + 1;
	draw_cell(r.y, x, W_STATUS, contract_status_label(status),
		  style_row(status_style(status), selected));
	x += W_STATUS + 1;
	draw_text_right(r.y, x, W_MONTHLY, monthly, attr);
	free(client);
}

static const struct list_ops contracts_list = {
	.row_size = sizeof(contract),
	.fetch = fetch,
	.free_row = free_row,
	.same = same,
	.draw = draw_row,
};

static void reload_from_top(tui *t, contracts_view *cv)
{
	cerr e;
	err_clear(&e);
	if (list_load(&cv->l, &e))
		tui_error(t, &e);
}

static int open_contracts(tui *t, view *v, void *arg, cerr *e)
{
	contracts_view *cv = xcalloc(1, sizeof *cv);
	cv->a = tui_app(t);
	cv->status = FIL_ALL;
	cv->query = xstrdup("");
	le_set(&cv->search, "");
	list_init(&cv->l, &contracts_list, cv);
	cv->l.empty = _("No contract to show. Press a to write one, or c on an accepted quote.");
	int r = list_load(&cv->l, e);
	if (r) {
		list_free(&cv->l);
		le_free(&cv->search);
		free(cv->query);
		free(cv);
		return r;
	}
	v->data = cv;
	return ST_OK;
}

static void reload(tui *t, view *v)
{
	contracts_view *cv = v->data;
	cerr e;
	err_clear(&e);
	if (list_reload(&cv->l, &e))
		tui_error(t, &e);
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
	int sx = r.w / 2;
	bool search_shown = cv->searching || *cv->query;
	draw_text(r.y, 1, search_shown ? sx - 2 : r.w - 2, describe(cv->status),
		  style_attr(S_HEADER));
	if (search_shown) {
		int lw = draw_text(r.y, sx, r.w - sx, _("Client:"), style_attr(S_LABEL) | A_BOLD);
		int fx = sx + lw + 1, fw = r.w - fx - 1;
		if (cv->searching)
			tui_cursor(t, r.y, le_draw(&cv->search, r.y, fx, fw,
						   style_attr(S_FIELD_FOCUS)));
		else
			draw_text(r.y, fx, fw, cv->query, style_attr(S_NORMAL));
	}
	attr_t h = style_attr(S_DIM);
	int x = 1, cw = client_width(r.w);
	draw_text(r.y + 1, x, W_NUMBER, _("Number"), h);
	x += W_NUMBER + 1;
	draw_text(r.y + 1, x, cw, _("Client"), h);
	x += cw + 1;
	draw_text(r.y + 1, x, W_KIND, _("Kind"), h);
	x += W_KIND + 1;
	draw_text(r.y + 1, x, W_START, _("Start"), h);
	x += W_START + 1;
	draw_text(r.y + 1, x, W_STATUS, _("Status"), h);
	x += W_STATUS + 1;
	draw_text_right(r.y + 1, x, W_MONTHLY, _("Month incl. VAT"), h);
	list_draw(&cv->l, (rect){r.y + 2, r.x, r.h - 2, r.w});
}

/* ---- search as you type ---- */

static void run_search(tui *t, contracts_view *cv)
{
	free(cv->query);
	cv->query = le_text(&cv->search);
	reload_from_top(t, cv);
}

static void settle(tui *t, view *v)
{
	run_search(t, v->data);
}

static int search_key(tui *t, view *v, const tkey *k, enum action act)
{
	contracts_view *cv = v->data;
	cerr e;
	switch (act) {
	case ACT_CONFIRM:
		cv->searching = false;
		if (v->pending) {
			v->pending = false;
			run_search(t, cv);
		}
		return TK_DONE;
	case ACT_CANCEL:
		cv->searching = false;
		v->pending = false;
		le_set(&cv->search, "");
		run_search(t, cv);
		return TK_DONE;
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		list_key(&cv->l, act, &e);
		if (e.code)
			tui_error(t, &e);
		return TK_DONE;
	default:
		break;
	}
	if (le_key(&cv->search, k)) {
		v->pending = true;
		return TK_DONE;
	}
	return TK_PASS;
}

/* ---- filter ---- */

static const int filter_status[] = {FIL_ALL,         CONTRACT_DRAFT, CONTRACT_SIGNED,
				    CONTRACT_ACTIVE, CONTRACT_ENDED, CONTRACT_WITHDRAWN};

static void filter_chosen(tui *t, void *arg, int choice)
{
	(void)arg;
	view *v = tui_top(t);
	if (!v || v->ops != &view_contracts_ops || choice < 0 ||
	    choice >= (int)ARRAY_LEN(filter_status))
		return;
	contracts_view *cv = v->data;
	cv->status = filter_status[choice];
	reload_from_top(t, cv);
}

static void choose_filter(tui *t, contracts_view *cv)
{
	const char *items[ARRAY_LEN(filter_status)];
	int sel = 0;
	for (size_t i = 0; i < ARRAY_LEN(filter_status); i++) {
		items[i] = i == 0 ? _("All contracts") : contract_status_label(filter_status[i]);
		if (filter_status[i] == cv->status)
			sel = (int)i;
	}
	dialog_menu(t, _("Which contracts?"), items, (int)ARRAY_LEN(items), sel, filter_chosen,
		    NULL);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	contracts_view *cv = v->data;
	if (cv->searching)
		return search_key(t, v, k, act);
	if (act == ACT_NONE)
		act = action_for_key(list_actions, k, false);
	const contract *c = list_selected(&cv->l);
	cerr e;
	switch (act) {
	case ACT_ADD:
		if (offer_can_write(t))
			tui_push(t, &view_contract_form_ops, NULL);
		return TK_DONE;
	case ACT_SEARCH:
		cv->searching = true;
		le_set(&cv->search, cv->query);
		return TK_DONE;
	case ACT_FILTER:
		choose_filter(t, cv);
		return TK_DONE;
	case ACT_BACK:
		if (!*cv->query)
			return TK_PASS;
		le_set(&cv->search, "");
		run_search(t, cv);
		return TK_DONE;
	case ACT_OPEN:
		if (!c) {
			tui_msg(t, _("No contract is selected"));
			return TK_DONE;
		}
		int64_t id = c->id;
		tui_push(t, &view_contract_ops, &id);
		return TK_DONE;
	default:
		if (list_key(&cv->l, act, &e) == TK_PASS)
			return TK_PASS;
		if (e.code)
			tui_error(t, &e);
		return TK_DONE;
	}
}

static const enum action *mode(view *v, bool *text_input)
{
	contracts_view *cv = v->data;
	*text_input = cv->searching;
	if (cv->searching)
		return search_actions;
	return cv->a->me.role < ROLE_COORDINATOR ? read_actions : list_actions;
}

static void close_contracts(tui *t, view *v)
{
	contracts_view *cv = v->data;
	list_free(&cv->l);
	le_free(&cv->search);
	free(cv->query);
	free(cv);
}

const struct view_ops view_contracts_ops = {
	.name = "contracts",
	.title = N_("Contracts"),
	.actions = list_actions,
	.open = open_contracts,
	.draw = draw,
	.key = key,
	.reload = reload,
	.mode = mode,
	.settle = settle,
	.close = close_contracts,
};
