/* offer_list.c — the list of the Quotes and Contracts areas, one for both: the records newest
 * first, paged by key (never the whole table), searched as you type in the clients' names and
 * phones, filtered by status with `f` (computed statuses as of today); `a` adds one, Enter opens
 * the selected one. What differs between the areas is in their offer_list table. */
#include <stddef.h>
#include <stdlib.h>

#include "areas.h"
#include "view_quote_common.h"

_Static_assert(offsetof(offer_list_view, lv) == 0, "the listview first: lv_view_*");

static int fetch(void *ctx, const void *from, bool backward, int limit, void **rows, size_t *n,
		 cerr *e)
{
	offer_list_view *ov = ctx;
	ov->today = app_today(ov->a);
	return ov->def->page(ov, from, backward, limit, rows, n, e);
}

/* The record's id: its first member (offer_list.row_size). */
static int64_t row_id(const void *row)
{
	return *(const int64_t *)row;
}

static bool same(const void *a, const void *b)
{
	return row_id(a) == row_id(b);
}

static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	offer_list_view *ov = ctx;
	columns_draw_row(ov->def->columns, ctx, row, r, S_NORMAL, selected);
}

/* Opens v as def's list, every status, from the newest record. */
static int open_list(tui *t, view *v, const struct offer_list *def, cerr *e)
{
	offer_list_view *ov = lv_view_new(v, sizeof *ov);
	ov->def = def;
	ov->rows = (struct list_ops){
		.row_size = def->row_size,
		.fetch = fetch,
		.free_row = def->free_row,
		.same = same,
		.draw = draw_row,
	};
	ov->a = tui_app(t);
	ov->status = OFFER_ALL;
	return lv_view_open(v, &ov->rows, _(def->empty), e);
}

/* The title of the list while it shows `status`. */
static const char *title_of(const struct offer_list *def, int status)
{
	for (int i = 0; i < def->nstatuses; i++)
		if (def->statuses[i] == status)
			return _(def->titles[i]);
	return _(def->titles[0]);
}

static void draw(tui *t, view *v, rect r)
{
	offer_list_view *ov = v->data;
	ov->today = app_today(ov->a);
	lv_draw_title(t, &ov->lv, r, title_of(ov->def, ov->status), _("Client:"));
	columns_draw_heads(ov->def->columns, (rect){r.y + 1, r.x, 1, r.w});
	list_draw(&ov->lv.l, (rect){r.y + 2, r.x, r.h - 2, r.w});
}

static void filter_chosen(tui *t, view *v, int choice)
{
	offer_list_view *ov = v->data;
	ov->status = ov->def->statuses[choice];
	lv_load(t, &ov->lv);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	offer_list_view *ov = v->data;
	const struct offer_list *def = ov->def;
	if (ov->lv.searching)
		return lv_search_key(t, v, &ov->lv, k, act);
	if (act == ACT_NONE)
		act = action_for_key(def->actions, k, false);
	const void *row = list_selected(&ov->lv.l);
	switch (act) {
	case ACT_ADD:
		if (tui_may(t, def->area))
			tui_push(t, def->add, NULL);
		return TK_DONE;
	case ACT_FILTER:
		offer_status_menu(t, _(def->which), _(def->titles[0]), def->statuses,
				  def->nstatuses, def->labels, ov->status, filter_chosen);
		return TK_DONE;
	case ACT_OPEN:
		if (!row) {
			tui_msg(t, "%s", _(def->no_selection));
			return TK_DONE;
		}
		int64_t id = row_id(row); /* the row goes when the list reloads */
		tui_push(t, def->record, &id);
		return TK_DONE;
	default: return lv_key(t, &ov->lv, act);
	}
}

static const enum action *mode(view *v, bool *text_input)
{
	offer_list_view *ov = v->data;
	bool reader = !app_may(ov->a, ov->def->area, ACCESS_WRITE);
	return lv_mode(&ov->lv, reader ? offer_read_actions : ov->def->actions, text_input);
}

static int open_quotes(tui *t, view *v, void *arg, cerr *e)
{
	return open_list(t, v, &quotes_list, e);
}

static int open_contracts(tui *t, view *v, void *arg, cerr *e)
{
	return open_list(t, v, &contracts_list, e);
}

const struct view_ops view_quotes_ops = {
	.name = "quotes",
	.title = N_("Quotes"),
	.actions = quotes_actions,
	.helps = quotes_helps,
	.open = open_quotes,
	.draw = draw,
	.key = key,
	.mode = mode,
	.searched_list = true,
};

const struct view_ops view_contracts_ops = {
	.name = "contracts",
	.title = N_("Contracts"),
	.actions = contracts_actions,
	.helps = contracts_helps,
	.open = open_contracts,
	.draw = draw,
	.key = key,
	.mode = mode,
	.searched_list = true,
};
