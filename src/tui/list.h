/* list.h — private to src/tui: the generic list paging rows by key, and the list searched as
 * you type. */
#ifndef CHARTE_TUI_LIST_H
#define CHARTE_TUI_LIST_H

#include "frame.h"
#include "lineedit.h"

/* ---- The generic list ---------------------------------------------------------------- */

/* Where the rows come from and how one is drawn: the list pages through them by key, asking
 * only for what it shows (never the whole table). */
struct list_ops {
	size_t row_size;
	/* Up to limit rows after `from` in display order (from NULL: from the first row); with
	 * backward, the rows just before `from` (from NULL: the last rows), still in display
	 * order. Rows are returned in a malloc'd array the list takes over. */
	int (*fetch)(void *ctx, const void *from, bool backward, int limit, void **rows,
		     size_t *n, cerr *e);
	void (*free_row)(void *row);
	/* The same record (to keep the selection across a reload). */
	bool (*same)(const void *a, const void *b);
	/* Rows that can be selected (NULL: all): headings cannot. */
	bool (*selectable)(const void *row);
	void (*draw)(void *ctx, const void *row, rect r, bool selected);
};

typedef struct list {
	const struct list_ops *ops;
	void *ctx;
	char *rows;             /* the rows loaded, display order */
	size_t n;
	size_t sel, top;        /* selected row, first row shown */
	int height;             /* rows shown by the last draw */
	bool at_start, at_end;  /* nothing before rows[0] / after rows[n-1] */
	const char *empty;      /* shown when there is no row (translated) */
} list;

/* An empty list of rows from ops, ctx being passed to its callbacks. */
void list_init(list *l, const struct list_ops *ops, void *ctx);
/* Load from the first row. */
int list_load(list *l, cerr *e);
/* Load again around the selected row, which stays selected if it is still there. */
int list_reload(list *l, cerr *e);
/* Move for a navigation action (up, down, pages, home, end): TK_DONE when it was one. */
int list_key(list *l, enum action act, cerr *e);
/* list_key for a view's key: TK_PASS when act is no navigation, else TK_DONE with a failure to
 * read the next rows shown on the message line. */
int list_navigate(tui *t, list *l, enum action act);
/* A page read again: its record (load(page); NULL: it has none), then the list's rows; a failure
 * shown. */
void list_reload_page(tui *t, list *l, int (*load)(void *page, cerr *e), void *page);
/* Draw the rows that fit in r (the selection kept in view); no data is read here. */
void list_draw(list *l, rect r);
/* The selected row, or NULL when none can be selected. */
const void *list_selected(const list *l);
/* Free the rows loaded. */
void list_free(list *l);

/* ---- A list searched as you type (the Calls, Clients, Quotes and Contracts areas) -------- */

/* A list with a search field: `/` starts typing, the search runs once the typing pauses (the
 * view's settle), Enter keeps it, Esc drops it; arrows move in the results meanwhile. The view
 * owning it keeps its rows, columns, filters and actions. */
typedef struct listview {
	list l;
	bool searching;  /* typing in the search field */
	lineedit search;
	char *query;     /* the search in force ("" for none) */
} listview;

/* A list of rows from ops (ctx passed to its callbacks), with no search in force, loaded from
 * its first row; `empty` (translated, may be NULL) is shown when there is none. On failure
 * nothing is left to free. */
int lv_open(listview *lv, const struct list_ops *ops, void *ctx, const char *empty, cerr *e);
/* Free the rows and the search. */
void lv_free(listview *lv);
/* The search in force for a fetch: NULL when there is none. */
const char *lv_query(const listview *lv);
/* Load from the first row (a search or a filter changed); a failure is reported. */
void lv_load(tui *t, listview *lv);
/* Load again around the selection (the data changed); a failure is reported. */
void lv_reload(tui *t, listview *lv);
/* The typing paused: search for what is typed now. */
void lv_settle(tui *t, listview *lv);
/* The title line: title on the left, and while a search is typed or in force, label and the
 * search on the right (the terminal cursor in it while typing). */
void lv_draw_title(tui *t, listview *lv, rect r, const char *title, const char *label);
/* A key while the search is typed (lv->searching): TK_PASS for the frame's keys (F1, F2...). */
int lv_search_key(tui *t, view *v, listview *lv, const tkey *k, enum action act);
/* The list's own keys outside a search: `/`, Esc dropping the search in force, and moving in
 * the list. TK_PASS for any other action. */
int lv_key(tui *t, listview *lv, enum action act);
/* The view's actions: the search's while typing (text_input then), else `actions`. */
const enum action *lv_mode(const listview *lv, const enum action *actions, bool *text_input);

/* ---- A view that is a list searched as you type ----
 * Its data is a struct whose first member is its listview (`listview lv;`): the open, reload,
 * settle and close of every such view are these. */
/* v's data: `size` bytes, zeroed, for the view to fill before lv_view_open. */
void *lv_view_new(view *v, size_t size);
/* The list of v's data opened (lv_open with ctx the data); on failure the data is freed. */
int lv_view_open(view *v, const struct list_ops *ops, const char *empty, cerr *e);
void lv_view_reload(tui *t, view *v);
void lv_view_settle(tui *t, view *v);
void lv_view_close(tui *t, view *v);

/* ---- A view that is a plain list (the services, the settings, the surveys) ----
 * Its data is a plain_view, the session and the list (ctx of the list's callbacks): the open,
 * reload and close of every such view are these. */
typedef struct plain_view {
	app *a;
	list l;
} plain_view;
/* v's data made and its list of rows from ops loaded; `empty` (translated, may be NULL) is shown
 * when there is none. On failure nothing is left to free. */
int plain_view_open(tui *t, view *v, const struct list_ops *ops, const char *empty, cerr *e);
/* The same for a view whose data starts with a plain_view and holds more (size bytes, zeroed). */
int plain_view_open_sized(tui *t, view *v, const struct list_ops *ops, const char *empty,
			  size_t size, cerr *e);
void plain_view_reload(tui *t, view *v);
void plain_view_close(tui *t, view *v);

/* What a filter menu does with the item chosen, on the view that opened it. */
typedef void (*lv_filter_fn)(tui *t, view *v, int choice);
/* The `f` menu of the top view: fn runs with the item chosen if that view is still on top. */
void lv_filter_menu(tui *t, const char *title, const char *const *items, int n, int selected,
		    lv_filter_fn fn);

#endif
