/* view_clients.c — the Clients area: the client files in name order, paged by key (never the
 * whole table); `/` searches as you type in names and phone numbers (full-text: "zoe" finds
 * "Zoé", "0612" finds the phones), `f` filters by status or referent, `a` opens a new file,
 * Enter opens the selected one, `e` edits it. */
#include <stdlib.h>
#include <string.h>

#include "charte/client.h"
#include "tui.h"

/* The `f` menu, in this order. */
enum { FIL_ALL, FIL_PROSPECT, FIL_ACTIVE, FIL_FORMER, FIL_MINE, FIL_COUNT };

typedef struct clients_view {
	app *a;
	list l;
	int filter;     /* FIL_* */
	bool searching; /* typing in the search field */
	lineedit search;
	char *query;    /* the search in force ("" for none) */
} clients_view;

static const enum action list_actions[] = {
	ACT_OPEN,    ACT_SEARCH,    ACT_FILTER, ACT_ADD, ACT_EDIT, ACT_UP,
	ACT_DOWN,    ACT_PAGE_UP,   ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};

/* While typing a search: Enter keeps it, Esc drops it, arrows move in the results. */
static const enum action search_actions[] = {
	ACT_CONFIRM, ACT_CANCEL, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_NONE,
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
	case FIL_MINE: f.referent = cv->a->login; break;
	default: break;
	}
	f.search = cv->query && !str_blank(cv->query) ? cv->query : NULL;
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

#define W_PHONE 14
#define W_STATUS 13

/* Widths of the name, first name and referent columns: what is left, shared. */
static void columns(int w, int *nw, int *fw, int *rw)
{
	int rest = w - 1 - W_PHONE - 1 - W_STATUS - 1 - 3;
	*nw = rest * 2 / 5;
	*fw = rest * 3 / 10;
	*rw = rest - *nw - *fw;
}

static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	const client_file *c = row;
	enum style st = c->status == CLIENT_FORMER ? S_DIM : S_NORMAL;
	attr_t attr = style_row(st, selected);
	int nw, fw, rw;
	columns(r.w, &nw, &fw, &rw);
	char phone[32];
	tui_fmt_phone(c->phone, phone);
	draw_fill(r.y, r.x, r.w, attr);
	int x = r.x + 1;
	draw_cell(r.y, x, nw, c->name, attr);
	x += nw + 1;
	draw_cell(r.y, x, fw, c->first_name, attr);
	x += fw + 1;
	draw_cell(r.y, x, W_PHONE, phone, attr);
	x += W_PHONE + 1;
	draw_cell(r.y, x, W_STATUS, client_status_label(c->status), attr);
	x += W_STATUS + 1;
	/* An active client without a referent breaks a promise (S1): it shows. */
	if (c->referent)
		draw_cell(r.y, x, rw, c->referent, attr);
	else if (c->status == CLIENT_ACTIVE)
		draw_cell(r.y, x, rw, _("none"), style_row(S_OVERDUE, selected));
}

static const struct list_ops clients_list = {
	.row_size = sizeof(client_file),
	.fetch = fetch,
	.free_row = free_row,
	.same = same,
	.draw = draw_row,
};

/* What the list says when it is empty depends on why. */
static void set_empty(clients_view *cv)
{
	if (*cv->query)
		cv->l.empty = _("No client matches this search.");
	else if (cv->filter != FIL_ALL)
		cv->l.empty = _("No client in this list (f changes it).");
	else
		cv->l.empty = _("No client file yet: press a to open one.");
}

static void reload_from_top(tui *t, clients_view *cv)
{
	cerr e;
	err_clear(&e);
	set_empty(cv);
	if (list_load(&cv->l, &e))
		tui_error(t, &e);
}

static int open_clients(tui *t, view *v, void *arg, cerr *e)
{
	clients_view *cv = xcalloc(1, sizeof *cv);
	cv->a = tui_app(t);
	cv->query = xstrdup("");
	le_set(&cv->search, "");
	list_init(&cv->l, &clients_list, cv);
	set_empty(cv);
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
	clients_view *cv = v->data;
	cerr e;
	err_clear(&e);
	if (list_reload(&cv->l, &e))
		tui_error(t, &e);
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
	int nw, fw, rw;
	columns(r.w, &nw, &fw, &rw);
	char *title = xasprintf(_("%s: %s"), _("Clients"), describe(cv->filter));
	int sx = r.w / 2;
	bool search_shown = cv->searching || *cv->query;
	draw_text(r.y, 1, search_shown ? sx - 2 : r.w - 2, title, style_attr(S_HEADER));
	free(title);
	if (search_shown) {
		int lw = draw_text(r.y, sx, r.w - sx, _("Search:"), style_attr(S_LABEL) | A_BOLD);
		int fx = sx + lw + 1, fwid = r.w - fx - 1;
		if (cv->searching)
			tui_cursor(t, r.y, le_draw(&cv->search, r.y, fx, fwid,
						   style_attr(S_FIELD_FOCUS)));
		else
			draw_text(r.y, fx, fwid, cv->query, style_attr(S_NORMAL));
	}
	attr_t h = style_attr(S_DIM);
	int x = 1;
	draw_text(r.y + 1, x, nw, _("Name"), h);
	x += nw + 1;
	draw_text(r.y + 1, x, fw, _("First name"), h);
	x += fw + 1;
	draw_text(r.y + 1, x, W_PHONE, _("Phone"), h);
	x += W_PHONE + 1;
	draw_text(r.y + 1, x, W_STATUS, _("Status"), h);
	x += W_STATUS + 1;
	draw_text(r.y + 1, x, rw, _("Referent"), h);
	list_draw(&cv->l, (rect){r.y + 2, r.x, r.h - 2, r.w});
}

/* ---- Search as you type ---- */

static void run_search(tui *t, clients_view *cv)
{
	free(cv->query);
	cv->query = le_text(&cv->search);
	reload_from_top(t, cv);
}

/* The typing paused: search for what is typed now. */
static void settle(tui *t, view *v)
{
	run_search(t, v->data);
}

static int search_key(tui *t, view *v, const tkey *k, enum action act)
{
	clients_view *cv = v->data;
	cerr e;
	err_clear(&e);
	switch (act) {
	case ACT_CONFIRM: /* keep the search, back to the list's keys */
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
		/* Searched once the typing pauses: a fast typist does not wait for every letter. */
		v->pending = true;
		return TK_DONE;
	}
	return TK_PASS; /* F1, F2...: the frame's */
}

/* ---- Filters ---- */

static void filter_chosen(tui *t, void *arg, int choice)
{
	(void)arg;
	view *v = tui_top(t);
	if (!v || v->ops != &view_clients_ops || choice < 0 || choice >= FIL_COUNT)
		return;
	clients_view *cv = v->data;
	cv->filter = choice;
	reload_from_top(t, cv);
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
	dialog_menu(t, _("Which clients?"), items, FIL_COUNT, cv->filter, filter_chosen, NULL);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	clients_view *cv = v->data;
	if (cv->searching)
		return search_key(t, v, k, act);
	const client_file *c = list_selected(&cv->l);
	cerr e;
	err_clear(&e);
	switch (act) {
	case ACT_ADD:
		if (tui_can_write(t))
			tui_push(t, &view_client_form_ops, NULL);
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
		le_set(&cv->search, ""); /* Esc first drops the search */
		run_search(t, cv);
		return TK_DONE;
	case ACT_OPEN:
	case ACT_EDIT:
		if (!c) {
			tui_msg(t, "%s", _("No client is selected"));
			return TK_DONE;
		}
		if (act == ACT_OPEN) {
			client_act_open(t, c->id, CLIENT_TAB_FILE);
		} else if (tui_can_write(t)) {
			int64_t id = c->id; /* the row goes if the list reloads */
			tui_push(t, &view_client_form_ops, &id);
		}
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
	clients_view *cv = v->data;
	*text_input = cv->searching;
	return cv->searching ? search_actions : list_actions;
}

static void close_clients(tui *t, view *v)
{
	clients_view *cv = v->data;
	list_free(&cv->l);
	le_free(&cv->search);
	free(cv->query);
	free(cv);
}

const struct view_ops view_clients_ops = {
	.name = "clients",
	.title = N_("Clients"),
	.actions = list_actions,
	.open = open_clients,
	.draw = draw,
	.key = key,
	.reload = reload,
	.mode = mode,
	.settle = settle,
	.close = close_clients,
};
