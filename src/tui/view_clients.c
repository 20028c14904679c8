/* view_clients.c — the Clients area: the client files in name order, paged by key (never the
 * whole table); `/` searches as you type in names and phone numbers (full-text: "zoe" finds
 * "Zoé", "0612" finds the phones), `f` filters by status or referent, `a` opens a new file,
 * Enter opens the selected one, `e` edits it. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "charte/client.h"
#include "areas.h"
#include "columns.h"
#include "frame.h"
#include "list.h"
#include "staff_names.h"
#include "views.h"

/* The `f` menu, in this order. */
enum { FIL_ALL, FIL_PROSPECT, FIL_ACTIVE, FIL_FORMER, FIL_MINE, FIL_COUNT };

typedef struct clients_view {
	listview lv; /* the rows, and the search */
	app *a;
	staff_names names; /* the referents by their names, read once per load */
	int filter;  /* FIL_* */
} clients_view;
_Static_assert(offsetof(clients_view, lv) == 0, "the listview first: lv_view_*");

static const enum action list_actions[] = {
	ACT_OPEN,    ACT_SEARCH,    ACT_FILTER, ACT_ADD, ACT_EDIT, ACT_UP,
	ACT_DOWN,    ACT_PAGE_UP,   ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};

static int fetch(void *ctx, const void *from, bool backward, int limit, void **out, size_t *n,
		 cerr *e)
{
	clients_view *cv = ctx;
	client_filter f;
	client_filter_init(&f);
	switch (cv->filter) {
	case FIL_PROSPECT: f.status = CLIENT_PROSPECT; break;
	case FIL_ACTIVE: f.status = CLIENT_ACTIVE; break;
	case FIL_FORMER: f.status = CLIENT_FORMER; break;
	case FIL_MINE: f.referent = app_login(cv->a); break;
	default: break;
	}
	f.search = lv_query(&cv->lv);
	client_file *rows = NULL;
	int r = client_page(cv->a, &f, from, backward, limit, &rows, n, e);
	*out = rows;
	return r;
}

static void free_row(void *row)
{
	client_free(row);
}

static bool same(const void *a, const void *b)
{
	return ((const client_file *)a)->id == ((const client_file *)b)->id;
}

static char *cell_name(void *ctx, const void *row, enum style *style)
{
	return xstrdup(((const client_file *)row)->name);
}

static char *cell_first_name(void *ctx, const void *row, enum style *style)
{
	return xstrdup(((const client_file *)row)->first_name);
}

static char *cell_phone(void *ctx, const void *row, enum style *style)
{
	char phone[32];
	tui_fmt_phone(((const client_file *)row)->phone, phone);
	return xstrdup(phone);
}

static char *cell_status(void *ctx, const void *row, enum style *style)
{
	return xstrdup(enum_label(&client_statuses, ((const client_file *)row)->status));
}

/* An active client without a referent breaks a promise (S1): it shows. */
static char *cell_referent(void *ctx, const void *row, enum style *style)
{
	const client_file *c = row;
	clients_view *cv = ctx;
	if (c->referent)
		return xstrdup(staff_names_of(&cv->names, c->referent));
	if (c->status != CLIENT_ACTIVE)
		return NULL;
	*style = S_OVERDUE;
	return xstrdup(_("none"));
}

static const struct column client_columns[] = {
	{N_("Name"), 0, 4, 0, false, cell_name},
	{N_("First name"), 0, 3, 0, false, cell_first_name},
	{N_("Phone"), 14, 0, 0, false, cell_phone},
	{N_("Status"), 13, 0, 0, false, cell_status},
	{N_("Referent"), 0, 3, 0, false, cell_referent},
};
static const columns clients_columns = {client_columns, ARRAY_LEN(client_columns)};

/* A former client's row is dimmed. */
static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	const client_file *c = row;
	columns_draw_row(&clients_columns, ctx, row, r,
			 c->status == CLIENT_FORMER ? S_DIM : S_NORMAL, selected);
}

static const struct list_ops clients_list = {
	.row_size = sizeof(client_file),
	.fetch = fetch,
	.free_row = free_row,
	.same = same,
	.draw = draw_row,
};

/* What the list says when it is empty depends on why. Set as it is drawn: the search and the
 * filter only change with a load from the top, which draws next. */
static void set_empty(clients_view *cv)
{
	if (*cv->lv.query)
		cv->lv.l.empty = _("No client matches this search.");
	else if (cv->filter != FIL_ALL)
		cv->lv.l.empty = _("No client in this list (f changes it).");
	else
		cv->lv.l.empty = _("No client file yet: press a to open one.");
}

static int open_clients(tui *t, view *v, void *arg, cerr *e)
{
	clients_view *cv = lv_view_new(v, sizeof *cv);
	cv->a = tui_app(t);
	staff_names_load(&cv->names, cv->a);
	staff_names names = cv->names; /* lv_view_open frees cv when it fails */
	int r = lv_view_open(v, &clients_list, NULL, e);
	if (r)
		staff_names_free(&names);
	return r;
}

/* The referents' names are read again with the rows. */
static void reload(tui *t, view *v)
{
	clients_view *cv = v->data;
	staff_names_load(&cv->names, cv->a);
	lv_view_reload(t, v);
}

static const char *describe(int filter)
{
	static const char *const what[FIL_COUNT] = {
		N_("all clients"), N_("prospects"), N_("active clients"), N_("former clients"),
		N_("clients I am the referent of"),
	};
	return _(what[filter]);
}

static void draw(tui *t, view *v, rect r)
{
	clients_view *cv = v->data;
	char *title = xasprintf(_("%s: %s"), _("Clients"), describe(cv->filter));
	lv_draw_title(t, &cv->lv, r, title, _("Search:"));
	free(title);
	columns_draw_heads(&clients_columns, (rect){r.y + 1, r.x, 1, r.w});
	set_empty(cv);
	list_draw(&cv->lv.l, (rect){r.y + 2, r.x, r.h - 2, r.w});
}

/* ---- Filters ---- */

static void filter_chosen(tui *t, view *v, int choice)
{
	clients_view *cv = v->data;
	cv->filter = choice;
	lv_load(t, &cv->lv);
}

static void choose_filter(tui *t, clients_view *cv)
{
	const char *items[FIL_COUNT] = {
		[FIL_ALL] = _("All clients"),
		[FIL_PROSPECT] = _("Prospects"),
		[FIL_ACTIVE] = _("Active clients"),
		[FIL_FORMER] = _("Former clients"),
		[FIL_MINE] = _("My clients (I am their referent)"),
	};
	lv_filter_menu(t, _("Which clients?"), items, FIL_COUNT, cv->filter, filter_chosen);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	clients_view *cv = v->data;
	if (cv->lv.searching)
		return lv_search_key(t, v, &cv->lv, k, act);
	const client_file *c = list_selected(&cv->lv.l);
	switch (act) {
	case ACT_ADD:
		if (tui_may(t, AREA_CLIENTS))
			tui_push(t, &view_client_form_ops, NULL);
		return TK_DONE;
	case ACT_FILTER:
		choose_filter(t, cv);
		return TK_DONE;
	case ACT_OPEN:
	case ACT_EDIT:
		if (!c) {
			tui_msg(t, "%s", _("No client is selected"));
			return TK_DONE;
		}
		if (act == ACT_OPEN) {
			client_act_open(t, c->id, CLIENT_TAB_FILE);
		} else if (tui_may(t, AREA_CLIENTS)) {
			int64_t id = c->id; /* the row goes if the list reloads */
			tui_push(t, &view_client_form_ops, &id);
		}
		return TK_DONE;
	default: return lv_key(t, &cv->lv, act);
	}
}

static void close_clients(tui *t, view *v)
{
	staff_names_free(&((clients_view *)v->data)->names);
	lv_view_close(t, v);
}

/* What its keys do here (the help). */
static const struct action_help clients_helps[] = {
	{ACT_ADD, N_("Open a new client file")},
	{ACT_EDIT, N_("Change the selected client's file")},
	{ACT_OPEN, N_("Open the selected client's file")},
	{ACT_NONE, NULL},
};

const struct view_ops view_clients_ops = {
	.name = "clients",
	.title = N_("Clients"),
	.actions = list_actions,
	.helps = clients_helps,
	.open = open_clients,
	.reload = reload,
	.close = close_clients,
	.draw = draw,
	.key = key,
	.searched_list = true,
};
