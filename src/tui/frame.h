/* frame.h — private to src/tui: views (a table of operations each, as tig's view_ops), the
 * stack of views of each area, and the frame's services (messages, errors, the cursor). */
#ifndef CHARTE_TUI_FRAME_H
#define CHARTE_TUI_FRAME_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "charte/app.h"
#include "charte/roles.h"
#include "charte/tui.h"
#include "draw.h"
#include "keys.h"

/* The smallest screen the program draws on. */
#define TUI_MIN_COLS 80
#define TUI_MIN_LINES 24

typedef struct tui tui;
typedef struct view view;

/* What a key handler did with a key. */
enum { TK_PASS = 0, TK_DONE = 1 };

/* A screen is a table of operations, filled in by one file per view (as tig's view_ops). */
struct view_ops {
	const char *name;            /* stable identifier: "calls" */
	const char *title;           /* N_(): tab label or screen title */
	const enum action *actions;  /* its own actions, in key-bar order, ACT_NONE-terminated */
	const struct action_help *helps; /* what its keys do here, for the help (may be NULL) */
	bool text_input;             /* printable keys are typed into it (forms) */
	/* Set up v->data from arg; a failure is reported in e and the view is not shown (what
	 * open left in v->data is then freed by close). */
	int (*open)(tui *t, view *v, void *arg, cerr *e);
	void (*draw)(tui *t, view *v, rect r);
	/* Handle a key (act is what the action table says it means here): TK_DONE or TK_PASS. */
	int (*key)(tui *t, view *v, const tkey *k, enum action act);
	/* The data changed (this desk or another): reload, keeping the selection. May be NULL. */
	void (*reload)(tui *t, view *v);
	/* The actions of the moment when they change with a mode (typing a search), with
	 * whether printable keys are typed then. May be NULL: actions and text_input hold. */
	const enum action *(*mode)(view *v, bool *text_input);
	/* Do the work put off while keys were coming fast (a search as you type): called once
	 * the typing pauses, when v->pending is set. May be NULL. */
	void (*settle)(tui *t, view *v);
	/* True when leaving would lose something typed. May be NULL. */
	bool (*dirty)(view *v);
	/* A view holding a form: the generic form view (form.h) handles its keys when key is NULL
	 * (or when key passes them on), tells whether it changed when dirty is NULL, and asks
	 * before an Esc discards what was typed. NULL for other views. */
	const struct form_view_ops *form;
	void (*close)(tui *t, view *v);
	/* A list searched as you type: v->data begins with its listview (list.h). Then the
	 * list's own serve where reload, mode, settle and close are NULL (lv_view_*, the search's
	 * actions while typing, else `actions`). */
	bool searched_list;
};

struct view {
	const struct view_ops *ops;
	void *data;
	unsigned gen; /* the data generation it shows; older than tui.gen: reload when shown */
	bool pending; /* work put off until the typing pauses (see settle) */
};


/* Open a view on top of the current area. Returns 0, or the status of a failed open (which is
 * then reported on the message line). */
int tui_push(tui *t, const struct view_ops *ops, void *arg);
/* Close the top view of the current area and show the one below (refreshed if stale). */
void tui_pop(tui *t);
/* The top view of the current area, and the one below it (NULL at the root). */
view *tui_top(tui *t);
view *tui_below(tui *t);
/* Switch to area i (its views are kept as they were). */
void tui_area(tui *t, size_t i);
/* Switch to the area whose root view is `root`; its top view, or NULL. */
view *tui_goto(tui *t, const struct view_ops *root);
/* A key for view v: its own key handler, else its generic form's (TK_DONE or TK_PASS). */
int view_key(tui *t, view *v, const tkey *k, enum action act);
/* True when leaving v would lose something typed. */
bool view_dirty(view *v);
/* The actions a view offers now, and whether it takes text now. */
const enum action *view_actions(view *v, bool *text_input);
/* Something was written by this desk: every view is stale, the top one reloads now. */
void tui_changed(tui *t);

/* ---- The program's state --------------------------------------------------------------- */

#define TUI_DEPTH 8 /* views stacked in one area */
#define TUI_AREAS 10 /* at most: the digits 1 to 9, then 0 */

struct script_event; /* input.c */
struct dialog;       /* dialog.c */

struct tui {
	app *a;
	struct {
		view stack[TUI_DEPTH];
		int depth;
	} areas[TUI_AREAS];
	size_t narea, area;
	struct dialog *dlg;
	strbuf msg;              /* the message line (empty: none), whole however long */
	bool msg_error;
	bool quit;
	unsigned gen;            /* data generation: bumped on every change seen */
	int64_t data_version;    /* PRAGMA data_version last seen */
	struct timespec checked; /* when it was last looked at */
	cminute clock;           /* the minute shown in the top bar */
	char *agency;            /* agency.name, for the top bar */
	int cur_y, cur_x;        /* the terminal cursor after drawing; -1: hidden */
	/* input */
	bool scripted;
	struct script_event *script;
	size_t nscript, pos;
};

/* ---- The frame's services ------------------------------------------------------------- */

/* The session (database, clock, user) the screens work on. */
app *tui_app(tui *t);
/* A message on the message line until the next key (printf-style, already translated); a long
 * one is wrapped onto the lines above it, or shown in a box when it needs more than three. */
void tui_msg(tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* An error, shown whole as tui_msg shows a message. */
void tui_error(tui *t, const cerr *e);
/* True (and nothing else) when the user may write in `area` (roles.h); else shows core's
 * reason and returns false. */
bool tui_may(tui *t, int area);
/* Where the terminal cursor goes after this draw (a field being typed in). */
void tui_cursor(tui *t, int y, int x);

#endif
