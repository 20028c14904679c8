/* lineedit.h — private to src/tui: a one-line editor of wide characters. */
#ifndef CHARTE_TUI_LINEEDIT_H
#define CHARTE_TUI_LINEEDIT_H

#include "draw.h"
#include "keys.h"

/* ---- The line editor ----------------------------------------------------------------- */

/* A one-line editor of wide characters (as calcurse's getstring): the text, the cursor and the
 * first character shown when the text is wider than its field. */
typedef struct lineedit {
	wchar_t *buf;
	size_t len, cap;
	size_t cur;    /* cursor, 0..len */
	size_t scroll; /* first character shown */
} lineedit;

/* Replace the text (the cursor goes to its end). A zeroed lineedit is an empty one. */
void le_set(lineedit *le, const char *utf8);
/* The text as UTF-8; owned by the caller. */
char *le_text(const lineedit *le);
/* Edit with k: characters, Left/Right/Home/End, Backspace/Delete, Ctrl-U (to the start),
 * Ctrl-K (to the end), Ctrl-A/Ctrl-E. True when k was an editing key. */
bool le_key(lineedit *le, const tkey *k);
/* Draw in w columns at (y, x), scrolled so that the cursor shows; returns the cursor column. */
int le_draw(lineedit *le, int y, int x, int w, attr_t attr);
/* Free the text; the editor is empty and usable again. */
void le_free(lineedit *le);

#endif
