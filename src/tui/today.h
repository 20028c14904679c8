/* today.h — private to src/tui: a section of Today, supplied by an area (areas.h). Today is a
 * list of sections, each a heading then its lines; a section reads its own rows, draws them,
 * and acts on its selected line. Sections read small, limited, indexed queries: Today is drawn
 * as fast on ten years of data as on an empty file. */
#ifndef CHARTE_TUI_TODAY_H
#define CHARTE_TUI_TODAY_H

#include "frame.h"

#define TODAY_NONE ((size_t)-1) /* no line selected */
#define TODAY_LIMIT 100 /* lines a section shows at most; its count then says "100+" */

/* Which record a line is about, to keep it selected across a reload. */
struct today_ident {
	int group;  /* a section's own sub-division (a charter promise), or 0 */
	int64_t id; /* the record */
};

struct today_section {
	int rank; /* its place on Today: lower first */
	/* Its state, made when Today opens, freed when it closes. */
	void *(*open)(app *a);
	void (*close)(void *st);
	/* Read its lines again (now: the minute Today shows). */
	int (*read)(void *st, app *a, cminute now, cerr *e);
	/* Read what is slow (NULL: nothing), in the first pause after Today shows and after each
	 * change; read keeps showing the lines of the last time meanwhile. */
	void (*settle)(void *st, app *a);
	/* The heading, as people read it ("Overdue callbacks (3)"); the caller frees it. */
	char *(*heading)(void *st);
	/* Said under the heading when there is no line (translated). */
	const char *(*none)(void *st);
	/* Its lines, and which record line i is about: false when it cannot be selected. */
	size_t (*count)(void *st);
	bool (*ident)(void *st, size_t i, struct today_ident *id);
	void (*draw)(void *st, size_t i, rect r, bool selected);
	/* The column heads above its lines (NULL: none); Today shows the first section's. */
	void (*draw_heads)(rect r);
	/* The actions on a selected line (ACT_NONE-terminated), and what a key does to line i:
	 * TK_DONE or TK_PASS. With no line selected anywhere on Today, the first section is asked
	 * with i TODAY_NONE, to say why nothing happens. */
	const enum action *actions;
	int (*key)(tui *t, void *st, size_t i, enum action act);
};

#endif
