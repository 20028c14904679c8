/* columns.h — private to src/tui: a list's columns described once (as tig's column
 * descriptions): the heading and every row are drawn from the same table, so a column is
 * placed in one place only. */
#ifndef CHARTE_TUI_COLUMNS_H
#define CHARTE_TUI_COLUMNS_H

#include "draw.h"

#define COL_ROW S_COUNT /* a cell in the row's own style */

struct column {
	const char *label; /* N_(): the heading */
	int width;         /* columns taken; with flex, the least */
	int flex;          /* a share of the width left once the fixed columns are placed (0: none) */
	int max;           /* with flex: at most this wide (0: no limit) */
	bool right;        /* aligned right (amounts, counts) */
	/* The cell of a row, malloc'd (the caller frees it); *style is COL_ROW on entry and may be
	 * set to a style of the cell's own (an overdue date, a missing referent). ctx is the
	 * list's. */
	char *(*cell)(void *ctx, const void *row, enum style *style);
};

/* A list's columns, in display order. */
typedef struct columns {
	const struct column *cols;
	size_t n;
} columns;

/* The headings, one line at r.y, in the style of column headings. */
void columns_draw_heads(const columns *c, rect r);
/* A row at r.y in the style `style` (the selection shown on top of it): the bar, then each
 * cell cut with "…" to its column. */
void columns_draw_row(const columns *c, void *ctx, const void *row, rect r, enum style style,
		      bool selected);

#endif
