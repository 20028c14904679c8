/* columns.c — the layout of a list's columns at a width, and the heading and rows drawn from
 * one description. One column of space before the first column and between two; the width
 * left by the fixed columns is shared between the flexible ones by their shares (within their
 * max), the last of them taking what rounding leaves. */
#include <stdlib.h>

#include "charte/util.h"
#include "columns.h"

#define MAX_COLUMNS 16

/* x[i] and w[i] of each column at width r.w from r.x. */
static void layout(const columns *c, rect r, int *x, int *w)
{
	size_t n = c->n < MAX_COLUMNS ? c->n : MAX_COLUMNS;
	int rest = r.w - (int)n, shares = 0, last = -1;
	for (size_t i = 0; i < n; i++) {
		rest -= c->cols[i].width;
		if (c->cols[i].flex) {
			shares += c->cols[i].flex;
			last = (int)i;
		}
	}
	if (rest < 0)
		rest = 0;
	int left = rest;
	for (size_t i = 0; i < n; i++) {
		const struct column *col = &c->cols[i];
		w[i] = col->width;
		if (!col->flex)
			continue;
		int more = (int)i == last ? left : rest * col->flex / shares;
		if (col->max && col->width + more > col->max)
			more = col->max > col->width ? col->max - col->width : 0;
		w[i] += more;
		left -= more;
	}
	if (left > 0 && last >= 0 && !c->cols[last].max)
		w[last] += left;
	int at = r.x + 1;
	for (size_t i = 0; i < n; i++) {
		x[i] = at;
		if (at + w[i] > r.x + r.w)
			w[i] = r.x + r.w - at > 0 ? r.x + r.w - at : 0;
		at += w[i] + 1;
	}
}

static void put(int y, int x, int w, const char *s, bool right, attr_t attr)
{
	if (w <= 0)
		return;
	if (right)
		draw_text_right(y, x, w, s, attr);
	else
		draw_cell(y, x, w, s, attr);
}

void columns_draw_heads(const columns *c, rect r)
{
	int x[MAX_COLUMNS], w[MAX_COLUMNS];
	layout(c, r, x, w);
	attr_t h = style_attr(S_DIM);
	for (size_t i = 0; i < c->n && i < MAX_COLUMNS; i++)
		put(r.y, x[i], w[i], _(c->cols[i].label), c->cols[i].right, h);
}

void columns_draw_row(const columns *c, void *ctx, const void *row, rect r, enum style style,
		      bool selected)
{
	int x[MAX_COLUMNS], w[MAX_COLUMNS];
	layout(c, r, x, w);
	attr_t attr = style_row(style, selected);
	draw_fill(r.y, r.x, r.w, attr);
	for (size_t i = 0; i < c->n && i < MAX_COLUMNS; i++) {
		enum style own = COL_ROW;
		char *text = c->cols[i].cell(ctx, row, &own);
		put(r.y, x[i], w[i], text ? text : "", c->cols[i].right,
		    own == COL_ROW ? attr : style_row(own, selected));
		free(text);
	}
}
