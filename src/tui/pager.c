/* pager.c — a page of labelled values laid out line by line (see pager.h). */
#include "pager.h"

#include <stdlib.h>

#include "charte/text.h"

void pager_put_at(pager *pg, int lw, const char *label, const char *value, attr_t attr)
{
	int vx = pg->r.x + lw, vw = pg->r.w - lw;
	int lines = draw_wrapped((rect){0, 0, 0, vw}, 0, value, attr);
	int top = pg->line - pg->scroll;
	if (top + lines > 0 && top < pg->r.h) {
		int skip = top < 0 ? -top : 0, y = pg->r.y + (top > 0 ? top : 0);
		int room = pg->r.h - (top > 0 ? top : 0);
		if (top >= 0 && label)
			draw_text(y, pg->r.x, lw - 1, label, style_attr(S_LABEL) | A_BOLD);
		draw_wrapped((rect){y, vx, room < lines - skip ? room : lines - skip, vw}, skip,
		             value, attr);
	}
	pg->line += lines;
}

void pager_put(pager *pg, const char *label, const char *value, attr_t attr)
{
	pager_put_at(pg, pg->lw, label, value, attr);
}

void pager_para(pager *pg, const char *text, attr_t attr)
{
	pager_put_at(pg, 0, NULL, text, attr);
}

void pager_heading(pager *pg, const char *text)
{
	pg->line++; /* a blank line before */
	int top = pg->line - pg->scroll;
	if (top >= 0 && top < pg->r.h)
		draw_text(pg->r.y + top, pg->r.x, pg->r.w, text, style_attr(S_HEADER));
	pg->line++;
}

void pager_label_width(pager *pg, const char *const *labels, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (text_width(labels[i]) + 2 > pg->lw)
			pg->lw = text_width(labels[i]) + 2;
	if (pg->lw > pg->r.w / 3)
		pg->lw = pg->r.w / 3;
}

int pager_scroll(int *scroll, enum action act, int lines, int height)
{
	int page = height > 1 ? height - 1 : 1;
	int last = lines > height ? lines - height : 0;
	switch (act) {
	case ACT_UP: (*scroll)--; break;
	case ACT_DOWN: (*scroll)++; break;
	case ACT_PAGE_UP: *scroll -= page; break;
	case ACT_PAGE_DOWN: *scroll += page; break;
	case ACT_HOME: *scroll = 0; break;
	case ACT_END: *scroll = last; break;
	default: return TK_PASS;
	}
	if (*scroll > last)
		*scroll = last;
	if (*scroll < 0)
		*scroll = 0;
	return TK_DONE;
}

int pager_open(view *v, void *data, int (*load)(void *data, cerr *e),
	       void (*clear_data)(void *data), cerr *e)
{
	int r = load(data, e);
	if (r) {
		clear_data(data);
		free(data);
		return r;
	}
	v->data = data;
	return ST_OK;
}

void pager_reload(tui *t, void *data, int (*load)(void *data, cerr *e))
{
	cerr e;
	err_clear(&e);
	if (load(data, &e))
		tui_error(t, &e);
}
