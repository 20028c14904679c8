/* listview.c — a list searched as you type, shared by the list areas (calls, clients, quotes,
 * contracts): the search field and its keys, the search put off until the typing pauses, and the
 * plumbing of the `f` menu. Each area keeps its rows, columns, filters and actions. */
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "frame.h"
#include "list.h"

/* While typing a search: Enter keeps it, Esc drops it, arrows move in the results. */
static const enum action search_actions[] = {
	ACT_CONFIRM, ACT_CANCEL, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_NONE,
};

void lv_free(listview *lv)
{
	list_free(&lv->l);
	le_free(&lv->search);
	free(lv->query);
	lv->query = NULL;
}

int lv_open(listview *lv, const struct list_ops *ops, void *ctx, const char *empty, cerr *e)
{
	memset(lv, 0, sizeof *lv);
	lv->query = xstrdup("");
	le_set(&lv->search, "");
	list_init(&lv->l, ops, ctx);
	lv->l.empty = empty;
	int r = list_load(&lv->l, e);
	if (r)
		lv_free(lv);
	return r;
}

void *lv_view_new(view *v, size_t size)
{
	return v->data = xcalloc(1, size);
}

int lv_view_open(view *v, const struct list_ops *ops, const char *empty, cerr *e)
{
	int r = lv_open(v->data, ops, v->data, empty, e);
	if (r) {
		free(v->data);
		v->data = NULL;
	}
	return r;
}

void lv_view_reload(tui *t, view *v)
{
	lv_reload(t, v->data);
}

void lv_view_settle(tui *t, view *v)
{
	lv_settle(t, v->data);
}

void lv_view_close(tui *t, view *v)
{
	lv_free(v->data);
	free(v->data);
}

const char *lv_query(const listview *lv)
{
	return lv->query && !str_blank(lv->query) ? lv->query : NULL;
}

void lv_load(tui *t, listview *lv)
{
	cerr e;
	err_clear(&e);
	if (list_load(&lv->l, &e))
		tui_error(t, &e);
}

void lv_reload(tui *t, listview *lv)
{
	list_reload_page(t, &lv->l, NULL, NULL);
}

/* What is typed becomes the search in force, listed from its first row. */
static void run_search(tui *t, listview *lv)
{
	free(lv->query);
	lv->query = le_text(&lv->search);
	lv_load(t, lv);
}

void lv_settle(tui *t, listview *lv)
{
	run_search(t, lv);
}

void lv_draw_title(tui *t, listview *lv, rect r, const char *title, const char *label)
{
	int sx = r.w / 2;
	bool search_shown = lv->searching || *lv->query;
	draw_text(r.y, 1, search_shown ? sx - 2 : r.w - 2, title, style_attr(S_HEADER));
	if (!search_shown)
		return;
	int lw = draw_text(r.y, sx, r.w - sx, label, style_attr(S_LABEL) | A_BOLD);
	int fx = sx + lw + 1, fw = r.w - fx - 1;
	if (lv->searching)
		tui_cursor(t, r.y, le_draw(&lv->search, r.y, fx, fw, style_attr(S_FIELD_FOCUS)));
	else
		draw_text(r.y, fx, fw, lv->query, style_attr(S_NORMAL));
}

int lv_search_key(tui *t, view *v, listview *lv, const tkey *k, enum action act)
{
	switch (act) {
	case ACT_CONFIRM: /* keep the search, back to the list's keys */
		lv->searching = false;
		if (v->pending) {
			v->pending = false;
			run_search(t, lv);
		}
		return TK_DONE;
	case ACT_CANCEL:
		lv->searching = false;
		v->pending = false;
		le_set(&lv->search, "");
		run_search(t, lv);
		return TK_DONE;
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN: return list_navigate(t, &lv->l, act);
	default: break;
	}
	if (le_key(&lv->search, k)) {
		/* Searched once the typing pauses: a fast typist does not wait for every letter. */
		v->pending = true;
		return TK_DONE;
	}
	return TK_PASS; /* F1, F2...: the frame's */
}

int lv_key(tui *t, listview *lv, enum action act)
{
	switch (act) {
	case ACT_SEARCH:
		lv->searching = true;
		le_set(&lv->search, lv->query);
		return TK_DONE;
	case ACT_BACK:
		if (!*lv->query)
			return TK_PASS;
		le_set(&lv->search, ""); /* Esc first drops the search */
		run_search(t, lv);
		return TK_DONE;
	default: return list_navigate(t, &lv->l, act);
	}
}

const enum action *lv_mode(const listview *lv, const enum action *actions, bool *text_input)
{
	*text_input = lv->searching;
	return lv->searching ? search_actions : actions;
}

/* ---- The `f` menu ---- */

/* What the menu remembers while it is open: the view it belongs to may be gone by the answer
 * (another area, a refresh), so it is found again by its ops. */
struct filter_arg {
	const struct view_ops *ops;
	lv_filter_fn fn;
	int n;
};

static void filter_chosen(tui *t, void *arg, int choice)
{
	const struct filter_arg *fa = arg;
	view *v = tui_top(t);
	if (!v || v->ops != fa->ops || choice < 0 || choice >= fa->n)
		return;
	fa->fn(t, v, choice);
}

void lv_filter_menu(tui *t, const char *title, const char *const *items, int n, int selected,
		    lv_filter_fn fn)
{
	view *v = tui_top(t);
	if (!v)
		return;
	struct filter_arg *fa = xmalloc(sizeof *fa); /* freed by the dialog */
	fa->ops = v->ops;
	fa->fn = fn;
	fa->n = n;
	dialog_menu(t, title, items, n, selected, filter_chosen, fa);
}
