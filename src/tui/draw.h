/* draw.h — private to src/tui: semantic styles and drawing text measured in columns.
 * Only src/tui includes curses. */
#ifndef CHARTE_TUI_DRAW_H
#define CHARTE_TUI_DRAW_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "charte/calendar.h"

/* A rectangle of the screen given to a view or widget to draw in. */
typedef struct rect {
	int y, x, h, w;
} rect;

/* ---- Drawing ---------------------------------------------------------------------------- */

/* Semantic styles, mapped to colour pairs, or to bold/reverse/underline under NO_COLOR. */
enum style {
	S_NORMAL,
	S_TITLE,       /* the top bar */
	S_TAB,         /* an area's tab */
	S_TAB_ACTIVE,  /* the current area's tab */
	S_HEADER,      /* column headings, section headings */
	S_SELECTED,    /* the selected row */
	S_OVERDUE,     /* an overdue callback or late documentation */
	S_DUE_TODAY,   /* a callback due today */
	S_VOICEMAIL,   /* a message left while the desk was closed */
	S_CANCELLED,   /* a cancelled call */
	S_DONE,        /* called back, sent */
	S_KEY,         /* a key on the key bar */
	S_KEY_HINT,    /* its label */
	S_ERROR,       /* an error message, a field's reason */
	S_INFO,        /* a message */
	S_LABEL,       /* a form label */
	S_FIELD,       /* a form field */
	S_FIELD_FOCUS, /* the field being typed in */
	S_DIM,         /* secondary text */
	S_BOX,         /* a dialog box */
	S_COUNT
};
/* Set up colours once curses runs (NO_COLOR and terminals without colour: monochrome). */
void style_init(void);
/* The attributes (colour pair included) that draw a style. */
attr_t style_attr(enum style s);
/* A row's style, with the selection shown on top of it. */
attr_t style_row(enum style s, bool selected);

/* Draw UTF-8 text at (y, x) in at most w columns, never cutting a character: text that does not
 * fit ends with "…". Control characters are shown as spaces (text_printable). Returns the
 * columns used. */
int draw_text(int y, int x, int w, const char *s, attr_t attr);
/* The same for n wide characters. */
int draw_wcs(int y, int x, int w, const wchar_t *s, size_t n, attr_t attr);
/* draw_text, then spaces up to w columns in the same attribute. */
void draw_cell(int y, int x, int w, const char *s, attr_t attr);
/* Right-aligned in w columns. */
void draw_text_right(int y, int x, int w, const char *s, attr_t attr);
/* w spaces in an attribute (a selected row's bar, a field). */
void draw_fill(int y, int x, int w, attr_t attr);
/* Word-wrapped text in the rectangle, from line `skip` of the wrapped text ('\n' starts a new
 * line); returns the number of lines the whole text takes at width r.w (r.h 0: only counts). */
int draw_wrapped(rect r, int skip, const char *s, attr_t attr);
/* A framed box with a title; the inner rectangle is returned. */
rect draw_box(int h, int w, const char *title);

/* "jeu. 12/03/2026 14:05" for the top bar. */
void tui_fmt_clock(cminute t, char *buf, size_t n);
/* A phone number for people ("01 23 45 67 89"), "" for none. */
void tui_fmt_phone(const char *normal, char out[static 32]);

#endif
