/* today_list.c — a section of Today that lists records (today.h): the records its today_list
 * reads, at most TODAY_LIMIT, under a heading that counts them; its keys act on the one
 * selected. */
#include <stdlib.h>

#include "today.h"

typedef struct list_section {
	const struct today_section *sec;
	const struct today_list *def; /* sec->list */
	char *rows;
	size_t n;
	bool more; /* more than TODAY_LIMIT */
	void *aside;
	char *error; /* why the last read in the pause failed, said in place of the lines */
} list_section;

static const void *row_at(const list_section *s, size_t i)
{
	return s->rows + i * s->def->row_size;
}

static void free_rows(const struct today_list *def, char *rows, size_t from, size_t n)
{
	for (size_t i = from; i < n; i++)
		def->free_row(rows + i * def->row_size);
}

static void forget(list_section *s)
{
	free_rows(s->def, s->rows, 0, s->n);
	free(s->rows);
	if (s->aside)
		s->def->aside_free(s->aside);
	s->rows = NULL;
	s->n = 0;
	s->aside = NULL;
}

void *today_list_open(const struct today_section *sec, app *a)
{
	(void)a;
	list_section *s = xcalloc(1, sizeof *s);
	s->sec = sec;
	s->def = sec->list;
	return s;
}

void today_list_close(void *st)
{
	list_section *s = st;
	forget(s);
	free(s->error);
	free(s);
}

static int read_rows(list_section *s, app *a, cminute now, cerr *e)
{
	void *rows = NULL;
	size_t n = 0;
	int r = s->def->read(a, now, &rows, &n, e);
	if (r)
		return r;
	forget(s);
	s->more = n > TODAY_LIMIT;
	if (s->more) {
		free_rows(s->def, rows, TODAY_LIMIT, n);
		n = TODAY_LIMIT;
	}
	s->rows = rows;
	s->n = n;
	if (s->def->aside_read)
		s->aside = s->def->aside_read(a);
	return ST_OK;
}

int today_list_read(void *st, app *a, cminute now, cerr *e)
{
	list_section *s = st;
	if (s->def->in_pause)
		return ST_OK; /* the lines of the last read stay until the pause */
	return read_rows(s, a, now, e);
}

void today_list_settle(void *st, app *a)
{
	list_section *s = st;
	if (!s->def->in_pause)
		return;
	cerr e;
	err_clear(&e);
	int r = read_rows(s, a, app_now(a), &e);
	free(s->error);
	s->error = r ? xstrdup(*e.msg ? e.msg : _("something went wrong")) : NULL;
	if (r)
		forget(s);
}

char *today_list_heading(void *st)
{
	const list_section *s = st;
	return xasprintf(s->more ? "%s (%zu+)" : "%s (%zu)", _(s->def->title), s->n);
}

const char *today_list_none(void *st)
{
	const list_section *s = st;
	return s->error ? s->error : _(s->def->none);
}

size_t today_list_count(void *st)
{
	return ((const list_section *)st)->n;
}

bool today_list_ident(void *st, size_t i, struct today_ident *id)
{
	const list_section *s = st;
	if (i >= s->n)
		return false;
	if (s->def->ident)
		s->def->ident(row_at(s, i), id);
	else
		*id = (struct today_ident){0, *(const int64_t *)row_at(s, i)};
	return true;
}

void today_list_draw(void *st, size_t i, rect r, bool selected)
{
	const list_section *s = st;
	s->def->draw(s->aside, row_at(s, i), r, selected);
}

int today_list_key(tui *t, void *st, size_t i, enum action act)
{
	const list_section *s = st;
	const enum action *x = s->sec->actions;
	while (*x != ACT_NONE && *x != act)
		x++;
	if (*x == ACT_NONE)
		return TK_PASS;
	if (i >= s->n)
		tui_msg(t, "%s", _(s->def->no_selection));
	else
		s->def->act(t, row_at(s, i), act);
	return TK_DONE;
}

void today_draw_cells(rect r, attr_t attr, const char *const cells[], const int widths[], int n)
{
	draw_fill(r.y, r.x, r.w, attr);
	int x = r.x + 3;
	for (int i = 0; i < n; i++) {
		int w = widths[i] == TODAY_REST ? r.x + r.w - x : widths[i];
		if (w <= 0)
			continue;
		draw_cell(r.y, x, w, cells[i] ? cells[i] : "", attr);
		x += w + 1;
	}
}
