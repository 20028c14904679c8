/* list.c — the one list widget (as calcurse's listbox), driven by callbacks. It holds a window
 * of rows around what is shown and asks its source for the next or previous page by key when
 * the selection moves past either end, so a list of a million calls costs what a page costs. */
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "list.h"

#define LIST_KEEP 400 /* rows kept at most; the far end is dropped beyond */

/* Rows asked for at a time: a page of 50, or two screens on a very tall terminal. */
static int page_size(void)
{
	return LINES * 2 > 50 ? LINES * 2 : 50;
}

static char *row_at(const list *l, size_t i)
{
	return l->rows + i * l->ops->row_size;
}

static bool can_select(const list *l, size_t i)
{
	return i < l->n && (!l->ops->selectable || l->ops->selectable(row_at(l, i)));
}

static void free_rows(const list *l, char *rows, size_t n)
{
	for (size_t i = 0; i < n && l->ops->free_row; i++)
		l->ops->free_row(rows + i * l->ops->row_size);
	free(rows);
}

void list_init(list *l, const struct list_ops *ops, void *ctx)
{
	memset(l, 0, sizeof *l);
	l->ops = ops;
	l->ctx = ctx;
	l->at_start = l->at_end = true;
}

void list_free(list *l)
{
	free_rows(l, l->rows, l->n);
	l->rows = NULL;
	l->n = l->sel = l->top = 0;
}

static int fetch(list *l, const void *from, bool backward, int limit, char **rows, size_t *n,
		 cerr *e)
{
	void *got = NULL;
	*n = 0;
	int r = l->ops->fetch(l->ctx, from, backward, limit, &got, n, e);
	*rows = got;
	if (r) {
		free_rows(l, got, *n);
		*rows = NULL;
		*n = 0;
	}
	return r;
}

/* The first selectable row from i going in direction dir (+1, -1), within what is loaded;
 * n when there is none. */
static size_t find_selectable(const list *l, size_t i, int dir)
{
	while (i < l->n) {
		if (can_select(l, i))
			return i;
		if (dir < 0 && i == 0)
			break;
		i += (size_t)(long)dir;
	}
	return l->n;
}

static void select_near(list *l, size_t i)
{
	if (l->n == 0) {
		l->sel = 0;
		return;
	}
	if (i >= l->n)
		i = l->n - 1;
	size_t j = find_selectable(l, i, +1);
	if (j == l->n)
		j = find_selectable(l, i, -1);
	l->sel = j == l->n ? i : j;
}

int list_load(list *l, cerr *e)
{
	char *rows;
	size_t n;
	int limit = page_size();
	int r = fetch(l, NULL, false, limit, &rows, &n, e);
	if (r)
		return r;
	free_rows(l, l->rows, l->n);
	l->rows = rows;
	l->n = n;
	l->at_start = true;
	l->at_end = n < (size_t)limit;
	l->top = 0;
	select_near(l, 0);
	return ST_OK;
}

/* More rows after the last one; the rows far above the screen are dropped. Sets *added. */
static int extend_end(list *l, size_t *added, cerr *e)
{
	*added = 0;
	if (l->at_end || l->n == 0)
		return ST_OK;
	char *rows;
	size_t n;
	int limit = page_size();
	int r = fetch(l, row_at(l, l->n - 1), false, limit, &rows, &n, e);
	if (r)
		return r;
	size_t sz = l->ops->row_size;
	l->rows = xrealloc(l->rows, (l->n + n) * sz + 1);
	memcpy(l->rows + l->n * sz, rows, n * sz);
	free(rows);
	l->n += n;
	l->at_end = n < (size_t)limit;
	*added = n;
	if (l->n > LIST_KEEP && l->top > 0) {
		size_t drop = l->n - LIST_KEEP;
		if (drop > l->top)
			drop = l->top;
		if (drop > l->sel)
			drop = l->sel;
		for (size_t i = 0; i < drop && l->ops->free_row; i++)
			l->ops->free_row(row_at(l, i));
		memmove(l->rows, l->rows + drop * sz, (l->n - drop) * sz);
		l->n -= drop;
		l->top -= drop;
		l->sel -= drop;
		if (drop)
			l->at_start = false;
	}
	return ST_OK;
}

/* More rows before the first one; indices shift by *added; the far end is dropped. */
static int extend_start(list *l, size_t *added, cerr *e)
{
	*added = 0;
	if (l->at_start || l->n == 0)
		return ST_OK;
	char *rows;
	size_t n;
	int limit = page_size();
	int r = fetch(l, row_at(l, 0), true, limit, &rows, &n, e);
	if (r)
		return r;
	size_t sz = l->ops->row_size;
	char *joined = xmalloc((l->n + n) * sz + 1);
	memcpy(joined, rows, n * sz);
	memcpy(joined + n * sz, l->rows, l->n * sz);
	free(rows);
	free(l->rows);
	l->rows = joined;
	l->n += n;
	l->sel += n;
	l->top += n;
	l->at_start = n < (size_t)limit;
	*added = n;
	size_t keep_to = l->top + (size_t)(l->height > 0 ? l->height : LINES);
	if (keep_to < l->sel + 1)
		keep_to = l->sel + 1;
	if (l->n > LIST_KEEP && l->n > keep_to) {
		size_t keep = l->n - (l->n - LIST_KEEP < l->n - keep_to ? l->n - LIST_KEEP
									: l->n - keep_to);
		for (size_t i = keep; i < l->n && l->ops->free_row; i++)
			l->ops->free_row(row_at(l, i));
		l->n = keep;
		l->at_end = false;
	}
	return ST_OK;
}

/* Load rows until index *target (negative, or past the end) is loaded, then clamp it to the rows
 * there are. Loading renumbers the rows (rows dropped or added at the start): *target follows. */
static int reach(list *l, long *target, cerr *e)
{
	size_t added;
	int r;
	while (*target >= (long)l->n && !l->at_end) {
		long before = (long)l->sel;
		if ((r = extend_end(l, &added, e)))
			return r;
		if (!added)
			break;
		*target += (long)l->sel - before;
	}
	while (*target < 0 && !l->at_start) {
		long before = (long)l->sel;
		if ((r = extend_start(l, &added, e)))
			return r;
		if (!added)
			break;
		*target += (long)l->sel - before;
	}
	if (*target >= (long)l->n)
		*target = (long)l->n - 1;
	if (*target < 0)
		*target = 0;
	return ST_OK;
}

static int move_by(list *l, long delta, cerr *e)
{
	if (l->n == 0)
		return ST_OK;
	int dir = delta < 0 ? -1 : +1;
	long target = (long)l->sel + delta;
	for (;;) {
		int r = reach(l, &target, e);
		if (r)
			return r;
		size_t j = find_selectable(l, (size_t)target, dir);
		if (j != l->n) {
			l->sel = j;
			return ST_OK;
		}
		/* Only headings that way: load further, or stay on the nearest selectable. */
		if ((dir > 0 && l->at_end) || (dir < 0 && l->at_start)) {
			j = find_selectable(l, (size_t)target, -dir);
			if (j != l->n && (dir > 0 ? j >= l->sel : j <= l->sel))
				l->sel = j;
			if (dir < 0)
				l->top = 0; /* show the headings above */
			return ST_OK;
		}
		target = dir > 0 ? (long)l->n : -1;
	}
}

static int go_end(list *l, cerr *e)
{
	if (!l->at_end) {
		char *rows;
		size_t n;
		int limit = page_size();
		int r = fetch(l, NULL, true, limit, &rows, &n, e);
		if (r)
			return r;
		free_rows(l, l->rows, l->n);
		l->rows = rows;
		l->n = n;
		l->at_end = true;
		l->at_start = n < (size_t)limit;
	}
	if (l->n) {
		size_t j = find_selectable(l, l->n - 1, -1);
		l->sel = j == l->n ? l->n - 1 : j;
	}
	l->top = l->n > (size_t)l->height ? l->n - (size_t)l->height : 0;
	return ST_OK;
}

/* Rows enough to fill the screen from the first row shown (a page down moves it on). */
static int fill_screen(list *l, cerr *e)
{
	size_t added = 1;
	int r = ST_OK;
	while (!r && added && !l->at_end && l->n < l->top + (size_t)l->height)
		r = extend_end(l, &added, e);
	return r;
}

int list_key(list *l, enum action act, cerr *e)
{
	long page = l->height > 1 ? l->height - 1 : 1;
	int r = ST_OK;
	err_clear(e);
	switch (act) {
	case ACT_UP: r = move_by(l, -1, e); break;
	case ACT_DOWN: r = move_by(l, +1, e); break;
	case ACT_PAGE_UP:
		r = move_by(l, -page, e);
		l->top = l->top > (size_t)page ? l->top - (size_t)page : 0;
		break;
	case ACT_PAGE_DOWN:
		r = move_by(l, +page, e);
		l->top += (size_t)page;
		break;
	case ACT_HOME:
		if (!l->at_start)
			r = list_load(l, e);
		l->top = 0;
		select_near(l, 0);
		break;
	case ACT_END: r = go_end(l, e); break;
	default: return TK_PASS;
	}
	if (!r)
		fill_screen(l, e);
	return TK_DONE; /* a failure is in e for the view to report */
}

int list_reload(list *l, cerr *e)
{
	if (l->n == 0 || !can_select(l, l->sel))
		return list_load(l, e);
	size_t sz = l->ops->row_size;
	char *old = xmalloc(sz);
	memcpy(old, row_at(l, l->sel), sz); /* kept (with its strings) until the end */
	size_t above_screen = l->sel - (l->sel >= l->top ? l->top : l->sel);
	int limit = page_size() + (int)above_screen;
	/* The rows shown above the selection, and one more to start the page after; at the very
	 * start, simply from the start again (so that rows new since the last load show). */
	char *above = NULL, *rows;
	size_t nabove = 0, n;
	int r = ST_OK;
	bool at_top = l->at_start && l->top == 0, from_start = at_top;
	size_t want = l->sel; /* where the selection goes if its row is gone */
	if (!from_start) {
		r = fetch(l, old, true, (int)above_screen + 1, &above, &nabove, e);
		if (r)
			goto out;
		from_start = nabove < above_screen + 1;
		want = from_start ? nabove : above_screen;
	}
	r = fetch(l, from_start ? NULL : above, false, limit, &rows, &n, e);
	free_rows(l, above, nabove);
	if (r)
		goto out;
	/* The old window goes, but for the selected row's strings: `old` holds them until it has
	 * been found again. */
	for (size_t i = 0; i < l->n; i++)
		if (i != l->sel && l->ops->free_row)
			l->ops->free_row(row_at(l, i));
	free(l->rows);
	l->rows = rows;
	l->n = n;
	l->at_start = from_start;
	l->at_end = n < (size_t)limit;
	size_t found = n;
	for (size_t i = 0; i < n && found == n; i++)
		if (l->ops->same(row_at(l, i), old))
			found = i;
	select_near(l, found < n ? found : want);
	if (at_top)
		l->top = 0; /* new rows show above; the draw keeps the selection in view */
	else
		l->top = l->sel >= above_screen ? l->sel - above_screen : 0;
	if (l->ops->free_row)
		l->ops->free_row(old);
out: /* on failure nothing changed: `old` shares its strings with the window's row */
	free(old);
	return r;
}

const void *list_selected(const list *l)
{
	return can_select(l, l->sel) ? row_at(l, l->sel) : NULL;
}

void list_draw(list *l, rect r)
{
	l->height = r.h;
	if (l->n == 0) {
		if (l->empty && r.h > 0)
			draw_text(r.y, r.x + 1, r.w - 1, l->empty, style_attr(S_DIM));
		return;
	}
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)r.h)
		l->top = l->sel - (size_t)r.h + 1;
	/* Do not leave the bottom empty when there are rows above to show. */
	if (l->at_end && l->top + (size_t)r.h > l->n)
		l->top = l->n > (size_t)r.h ? l->n - (size_t)r.h : 0;
	for (int i = 0; i < r.h && l->top + (size_t)i < l->n; i++) {
		size_t k = l->top + (size_t)i;
		l->ops->draw(l->ctx, row_at(l, k), (rect){r.y + i, r.x, 1, r.w},
			     k == l->sel && can_select(l, k));
	}
}

int list_navigate(tui *t, list *l, enum action act)
{
	cerr e;
	err_clear(&e);
	if (list_key(l, act, &e) == TK_PASS)
		return TK_PASS;
	if (e.code)
		tui_error(t, &e);
	return TK_DONE;
}

void list_reload_page(tui *t, list *l, int (*load)(void *page, cerr *e), void *page)
{
	cerr e;
	err_clear(&e);
	if ((load && load(page, &e)) || list_reload(l, &e))
		tui_error(t, &e);
}
