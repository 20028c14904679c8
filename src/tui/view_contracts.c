/* view_contracts.c — the Contracts area's list (offer_list.c draws it and answers its keys):
 * every contract, newest first; `f` filters by status (active computed as of today: signed and
 * started), `/` searches in the clients' names and phones, `a` writes a new one, Enter opens one. */
#include <stddef.h>

#include "areas.h"
#include "columns.h"
#include "frame.h"
#include "views.h"
#include "view_quote_common.h"

const enum action contracts_actions[] = {
	ACT_OPEN,      ACT_ADD, ACT_FILTER, ACT_SEARCH, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
	ACT_PAGE_DOWN, ACT_HOME, ACT_END,   ACT_NONE,
};

static int page(const offer_list_view *ov, const void *from, bool backward, int limit,
		void **out, size_t *n, cerr *e)
{
	contract_filter f;
	contract_filter_init(&f, ov->today);
	f.status = ov->status;
	f.search = lv_query(&ov->lv);
	contract *rows = NULL;
	int r = contract_page(ov->a, &f, from, backward, limit, &rows, n, e);
	*out = rows;
	return r;
}

static void free_row(void *row)
{
	contract_free(row);
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
	int status = contract_status_on(row, ((offer_list_view *)ctx)->today);
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

/* The `f` menu's items, in order, and the list's title while it shows each. */
static const int statuses[] = {OFFER_ALL,       CONTRACT_DRAFT, CONTRACT_SIGNED,
			       CONTRACT_ACTIVE, CONTRACT_ENDED, CONTRACT_WITHDRAWN};
static const char *const titles[] = {
	N_("All contracts"),    N_("Draft contracts, to sign"), N_("Contracts signed, not started yet"),
	N_("Active contracts"), N_("Ended contracts"),          N_("Contracts withdrawn from"),
};
_Static_assert(ARRAY_LEN(statuses) == ARRAY_LEN(titles), "a title for each status");

/* What its keys do here (the help). */
const struct action_help contracts_helps[] = {
	{ACT_ADD, N_("Make a new contract")},
	{ACT_OPEN, N_("Open the selected contract")},
	{ACT_NONE, NULL},
};

const struct offer_list contracts_list = {
	.area = AREA_CONTRACTS,
	.actions = contracts_actions,
	.columns = &contracts_columns,
	.row_size = sizeof(contract),
	.page = page,
	.free_row = free_row,
	.statuses = statuses,
	.titles = titles,
	.nstatuses = (int)ARRAY_LEN(statuses),
	.labels = &contract_statuses,
	.which = N_("Which contracts?"),
	.empty = N_("No contract to show. Press a to write one, or m on an accepted quote."),
	.no_selection = N_("No contract is selected"),
	.record = &view_contract_ops,
	.add = &view_contract_form_ops,
};
_Static_assert(offsetof(contract, id) == 0, "offer_list: the id first");
