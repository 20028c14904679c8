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

struct today_list;

struct today_section {
	int rank; /* its place on Today: lower first */
	/* Its state, made when Today opens (sec: this section), freed when it closes. */
	void *(*open)(const struct today_section *sec, app *a);
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
	/* A section made by TODAY_LIST_SECTION: what it lists (NULL for the others). */
	const struct today_list *list;
};

/* ---- A section that lists records (today_list.c) ----
 * Most sections list records of one kind: at most TODAY_LIMIT of them, read in one go, under a
 * heading that counts them ("Open complaints (3)", "(100+)" past the limit); the section's keys
 * act on the record selected. Such a section says only what it lists, how it reads and draws a
 * record, and what its keys do. */
struct today_list {
	const char *title;        /* N_(): the heading, before the count */
	const char *none;         /* N_(): said under the heading when there is no line */
	const char *no_selection; /* N_(): a key of the section with no line selected */
	size_t row_size;          /* the record's */
	/* Read in the pause after Today shows and after each change (settle), not with the
	 * other sections: a read as slow as the rest of Today together. */
	bool in_pause;
	/* The records in the order shown, as a malloc'd array (on failure nothing to free): past
	 * TODAY_LIMIT the rest are freed and the count says "100+". */
	int (*read)(app *a, cminute now, void **rows, size_t *n, cerr *e);
	void (*free_row)(void *row);
	/* Which record row is about (NULL: the record's first member, its int64_t id). */
	void (*ident)(const void *row, struct today_ident *id);
	/* What the lines need beside the records (NULL: nothing): read after them each time, a
	 * failure leaving it NULL, and freed with aside_free. */
	void *(*aside_read)(app *a);
	void (*aside_free)(void *aside);
	void (*draw)(const void *aside, const void *row, rect r, bool selected);
	/* A key of the section's actions on the record selected. */
	void (*act)(tui *t, const void *row, enum action act);
};

/* A line of a section: filled in attr, then its cells from the section's indent, one column
 * apart, cell i widths[i] columns wide (TODAY_REST: up to the end); a cell with no room is left
 * out. */
#define TODAY_REST (-1)
void today_draw_cells(rect r, attr_t attr, const char *const cells[], const int widths[], int n);

/* The callbacks of such a section, which TODAY_LIST_SECTION fills in. */
void *today_list_open(const struct today_section *sec, app *a);
void today_list_close(void *st);
int today_list_read(void *st, app *a, cminute now, cerr *e);
void today_list_settle(void *st, app *a);
char *today_list_heading(void *st);
const char *today_list_none(void *st);
size_t today_list_count(void *st);
bool today_list_ident(void *st, size_t i, struct today_ident *id);
void today_list_draw(void *st, size_t i, rect r, bool selected);
int today_list_key(tui *t, void *st, size_t i, enum action act);

/* The section at rank_ listing what list_ (a struct today_list *) describes, its lines taking
 * the keys actions_ (ACT_NONE-terminated). */
#define TODAY_LIST_SECTION(rank_, list_, actions_)                                         \
	{                                                                                    \
		.rank = (rank_), .open = today_list_open, .close = today_list_close,         \
		.read = today_list_read, .settle = today_list_settle,                        \
		.heading = today_list_heading,                                               \
		.none = today_list_none, .count = today_list_count,                          \
		.ident = today_list_ident, .draw = today_list_draw, .actions = (actions_),   \
		.key = today_list_key, .list = (list_),                                      \
	}

#endif
