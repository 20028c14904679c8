/* pager.h — private to src/tui: a page of labelled values laid out line by line and scrolled
 * (a call's page, a client's file, a worker's file), drawing only what falls in the window. */
#ifndef CHARTE_TUI_PAGER_H
#define CHARTE_TUI_PAGER_H

#include <stddef.h>

#include "draw.h"
#include "frame.h"
#include "keys.h"

typedef struct pager {
	rect r;     /* where the page shows */
	int scroll; /* lines of the page above the window */
	int line;   /* the next line of the page */
	int lw;     /* the labels' column width */
} pager;

/* A label (NULL: none) in the first lw - 1 columns and its value wrapped in the columns after. */
void pager_put_at(pager *pg, int lw, const char *label, const char *value, attr_t attr);
/* A label and its value, in the page's label width. */
void pager_put(pager *pg, const char *label, const char *value, attr_t attr);
/* A paragraph across the whole width. */
void pager_para(pager *pg, const char *text, attr_t attr);
/* A heading after a blank line. */
void pager_heading(pager *pg, const char *text);
/* The label width: the widest of labels and two columns, at most a third of the page. */
void pager_label_width(pager *pg, const char *const *labels, size_t n);
/* A key moving in a page of `lines` lines shown `height` at a time: *scroll moved (and kept
 * inside the page) and TK_DONE, or TK_PASS for a key that does not move. */
int pager_scroll(int *scroll, enum action act, int lines, int height);

/* A page's view_ops open once its screen is made: its data loaded by `load` and set as the
 * view's data, or, when it cannot be, cleared by `clear_data` and freed (the error in e). */
int pager_open(view *v, void *data, int (*load)(void *data, cerr *e),
	       void (*clear_data)(void *data), cerr *e);
/* A page's view_ops reload: its data loaded again, a failure told on the status line. */
void pager_reload(tui *t, void *data, int (*load)(void *data, cerr *e));

#endif
