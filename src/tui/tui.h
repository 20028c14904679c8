/* tui.h — private to src/tui: the frame, the views, the action table, input, drawing, and the
 * generic list, form and dialog widgets. Only src/tui includes curses. */
#ifndef CHARTE_TUI_PRIVATE_H
#define CHARTE_TUI_PRIVATE_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <wchar.h>

#include "charte/app.h"
#include "charte/roles.h"
#include "charte/tui.h"

/* The smallest screen the program draws on. */
#define TUI_MIN_COLS 80
#define TUI_MIN_LINES 24

typedef struct tui tui;
typedef struct view view;

/* ---- Keys ---------------------------------------------------------------------------- */

/* One keystroke: a character (fn false) or a curses function key such as KEY_F(2) (fn true).
 * Kept apart because wide characters and KEY_* codes overlap as numbers. */
typedef struct tkey {
	bool fn;
	wint_t c;
} tkey;

#define TK_CTRL(ch) ((wint_t)((ch) & 0x1f))
#define TK_ESC 27

/* True when k is that key. */
bool tkey_is(const tkey *k, bool fn, wint_t c);
/* A character that a text field takes (not a control character, not a function key). */
bool tkey_printable(const tkey *k);
/* How a key is named on the key bar and in the help ("F2", "Enter", "a"). */
const char *tkey_label(const tkey *k, char buf[static 32]);

/* Input: the keyboard, or the script of $CHARTE_KEYS (see charte/tui.h). */
enum input_event {
	IN_KEY,     /* *k holds a key */
	IN_IDLE,    /* nothing typed within the timeout */
	IN_WAIT,    /* the script asks to look for changes now */
	IN_END,     /* the script ran out */
};
/* Start reading keys: from the file named by $CHARTE_KEYS when set. */
int input_open(tui *t, cerr *e);
void input_close(tui *t);
/* True when the keys come from the test seam's file (no terminal then). */
bool input_scripted(const tui *t);
/* The next event, waiting at most timeout_ms for a key from the keyboard. */
int input_next(tui *t, tkey *k, int timeout_ms);

/* ---- Actions: one table for keys, key bar, help and man page --------------------------- */

enum action {
	ACT_NONE,
	ACT_UP,
	ACT_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_HOME,
	ACT_END,
	ACT_OPEN,
	ACT_ADD,
	ACT_EDIT,
	ACT_SEARCH,
	ACT_FILTER,
	ACT_CALLED_BACK,
	ACT_DOC_SENT,
	ACT_CANCEL_CALL,
	/* the client file */
	ACT_NEXT_TAB,
	ACT_PREV_TAB,
	ACT_OPEN_CLIENT,
	ACT_SAVE,
	ACT_NEXT_FIELD,
	ACT_PREV_FIELD,
	ACT_TOGGLE,
	ACT_CANCEL,
	ACT_CONFIRM,
	ACT_YES,
	ACT_NO,
	ACT_NEW_CALL,
	ACT_HELP,
	ACT_NEXT_AREA,
	ACT_PREV_AREA,
	ACT_AREA,
	ACT_BACK,
	ACT_QUIT,
	ACT_REDRAW,
	/* quotes and contracts */
	ACT_REMOVE,
	ACT_SEND,
	ACT_ACCEPT,
	ACT_REFUSE,
	ACT_MAKE_CONTRACT,
	ACT_SIGN,
	ACT_END_CONTRACT,
	ACT_WITHDRAW,
	ACT_CHOOSE,
	/* the service catalogue, from Settings */
	ACT_SERVICES,
	ACT_COUNT
};

struct action_def {
	enum action id;
	const char *name;  /* stable, for the man page: "new-call" */
	tkey keys[4];      /* unused slots are {false, 0} */
	bool digits;       /* also the keys 1 to 9 (change area) */
	const char *hint;  /* N_(): the short label on the key bar; NULL: help screen only */
	const char *help;  /* N_(): what it does, for the help screen */
};

/* The table's row for an action. */
const struct action_def *action_get(enum action id);
/* The action among `allowed` (ACT_NONE-terminated) that key k triggers, or ACT_NONE. In a view
 * that takes text, printable keys never trigger an action: they are typed. */
enum action action_for_key(const enum action *allowed, const tkey *k, bool text_input);
/* The keys of an action as people read them ("?/F1"); only function keys in a text view. */
const char *action_keys_label(const struct action_def *d, bool text_input, char *buf,
			      size_t n);

/* Actions every screen offers after its own (F2 from anywhere, help, areas, back, quit). */
extern const enum action tui_global_actions[];

/* ---- Views ---------------------------------------------------------------------------- */

/* A rectangle of the screen given to a view or widget to draw in. */
typedef struct rect {
	int y, x, h, w;
} rect;

/* What a key handler did with a key. */
enum { TK_PASS = 0, TK_DONE = 1 };

/* A screen is a table of operations, filled in by one file per view (as tig's view_ops). */
struct view_ops {
	const char *name;            /* stable identifier: "calls" */
	const char *title;           /* N_(): tab label or screen title */
	const enum action *actions;  /* its own actions, in key-bar order, ACT_NONE-terminated */
	bool text_input;             /* printable keys are typed into it (forms) */
	/* Set up v->data from arg; a failure is reported in e and the view is not shown. */
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
	void (*close)(tui *t, view *v);
};

struct view {
	const struct view_ops *ops;
	void *data;
	unsigned gen; /* the data generation it shows; older than tui.gen: reload when shown */
	bool pending; /* work put off until the typing pauses (see settle) */
};

/* The areas, in tab order: each row is the root view of an area (tui.c). */
extern const struct view_ops view_today_ops, view_calls_ops, view_settings_ops;
/* The Quotes and Contracts areas (view_quotes.c, view_contracts.c). */
extern const struct view_ops view_quotes_ops, view_contracts_ops;
/* A quote (its editor) and a contract (its page): arg points at the record's int64_t id. */
extern const struct view_ops view_quote_ops, view_contract_ops;
/* Views opened on top of an area's root. */
extern const struct view_ops view_call_ops, view_call_form_ops, view_help_ops,
	view_range_ops;
/* The service catalogue, opened from Settings (view_services.c), and the form of one service:
 * arg NULL for a new one, else its code (const char *). */
extern const struct view_ops view_services_ops, view_service_form_ops;
/* The Clients area (view_clients.c); a client file with its tabs (view_client.c), the forms
 * of the file (view_client_form.c: arg NULL for a new client, else the int64_t id) and of the
 * needs analysis (view_needs_form.c: arg the int64_t client id). */
extern const struct view_ops view_clients_ops, view_client_ops, view_client_form_ops,
	view_needs_form_ops;
/* The tabs of a client file. */
enum client_tab { CLIENT_TAB_FILE, CLIENT_TAB_NEEDS, CLIENT_TAB_HISTORY, CLIENT_TABS };
/* Open the file of client id on a tab, over the current view. */
void client_act_open(tui *t, int64_t id, int tab);

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
/* The actions a view offers now, and whether it takes text now. */
const enum action *view_actions(view *v, bool *text_input);
/* Something was written by this desk: every view is stale, the top one reloads now. */
void tui_changed(tui *t);

/* ---- The program's state --------------------------------------------------------------- */

#define TUI_DEPTH 8 /* views stacked in one area */
#define TUI_AREAS 9 /* at most: the digits 1 to 9 */

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
	char msg[600];
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
/* A message on the message line until the next key (printf-style, already translated). */
void tui_msg(tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* An error: on the message line, or in a box when it is too long for one line. */
void tui_error(tui *t, const cerr *e);
/* True (and nothing else) when the user may write in `area` (roles.h); else shows core's
 * reason and returns false. */
bool tui_may(tui *t, int area);
/* Where the terminal cursor goes after this draw (a field being typed in). */
void tui_cursor(tui *t, int y, int x);

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

/* ---- The generic list ---------------------------------------------------------------- */

/* Where the rows come from and how one is drawn: the list pages through them by key, asking
 * only for what it shows (never the whole table). */
struct list_ops {
	size_t row_size;
	/* Up to limit rows after `from` in display order (from NULL: from the first row); with
	 * backward, the rows just before `from` (from NULL: the last rows), still in display
	 * order. Rows are returned in a malloc'd array the list takes over. */
	int (*fetch)(void *ctx, const void *from, bool backward, int limit, void **rows,
		     size_t *n, cerr *e);
	void (*free_row)(void *row);
	/* The same record (to keep the selection across a reload). */
	bool (*same)(const void *a, const void *b);
	/* Rows that can be selected (NULL: all): headings cannot. */
	bool (*selectable)(const void *row);
	void (*draw)(void *ctx, const void *row, rect r, bool selected);
};

typedef struct list {
	const struct list_ops *ops;
	void *ctx;
	char *rows;             /* the rows loaded, display order */
	size_t n;
	size_t sel, top;        /* selected row, first row shown */
	int height;             /* rows shown by the last draw */
	bool at_start, at_end;  /* nothing before rows[0] / after rows[n-1] */
	const char *empty;      /* shown when there is no row (translated) */
} list;

/* An empty list of rows from ops, ctx being passed to its callbacks. */
void list_init(list *l, const struct list_ops *ops, void *ctx);
/* Load from the first row. */
int list_load(list *l, cerr *e);
/* Load again around the selected row, which stays selected if it is still there. */
int list_reload(list *l, cerr *e);
/* Move for a navigation action (up, down, pages, home, end): TK_DONE when it was one. */
int list_key(list *l, enum action act, cerr *e);
/* Draw the rows that fit in r (the selection kept in view); no data is read here. */
void list_draw(list *l, rect r);
/* The selected row, or NULL when none can be selected. */
const void *list_selected(const list *l);
/* Free the rows loaded. */
void list_free(list *l);

/* ---- A list searched as you type (the Calls, Clients, Quotes and Contracts areas) -------- */

/* A list with a search field: `/` starts typing, the search runs once the typing pauses (the
 * view's settle), Enter keeps it, Esc drops it; arrows move in the results meanwhile. The view
 * owning it keeps its rows, columns, filters and actions. */
typedef struct listview {
	list l;
	bool searching;  /* typing in the search field */
	lineedit search;
	char *query;     /* the search in force ("" for none) */
} listview;

/* A list of rows from ops (ctx passed to its callbacks), with no search in force, loaded from
 * its first row; `empty` (translated, may be NULL) is shown when there is none. On failure
 * nothing is left to free. */
int lv_open(listview *lv, const struct list_ops *ops, void *ctx, const char *empty, cerr *e);
/* Free the rows and the search. */
void lv_free(listview *lv);
/* The search in force for a fetch: NULL when there is none. */
const char *lv_query(const listview *lv);
/* Load from the first row (a search or a filter changed); a failure is reported. */
void lv_load(tui *t, listview *lv);
/* Load again around the selection (the data changed); a failure is reported. */
void lv_reload(tui *t, listview *lv);
/* The typing paused: search for what is typed now. */
void lv_settle(tui *t, listview *lv);
/* The title line: title on the left, and while a search is typed or in force, label and the
 * search on the right (the terminal cursor in it while typing). */
void lv_draw_title(tui *t, listview *lv, rect r, const char *title, const char *label);
/* A key while the search is typed (lv->searching): TK_PASS for the frame's keys (F1, F2...). */
int lv_search_key(tui *t, view *v, listview *lv, const tkey *k, enum action act);
/* The list's own keys outside a search: `/`, Esc dropping the search in force, and moving in
 * the list. TK_PASS for any other action. */
int lv_key(tui *t, listview *lv, enum action act);
/* The view's actions: the search's while typing (text_input then), else `actions`. */
const enum action *lv_mode(const listview *lv, const enum action *actions, bool *text_input);

/* What a filter menu does with the item chosen, on the view that opened it. */
typedef void (*lv_filter_fn)(tui *t, view *v, int choice);
/* The `f` menu of the top view: fn runs with the item chosen if that view is still on top. */
void lv_filter_menu(tui *t, const char *title, const char *const *items, int n, int selected,
		    lv_filter_fn fn);

/* ---- The generic form ------------------------------------------------------------------ */

enum field_type {
	FIELD_TEXT,
	FIELD_CHECK,
	FIELD_CHOICE, /* one of a few words: Space or Left/Right change it, a letter picks it */
	FIELD_PICK,   /* a record chosen in a picker (a client, a member of staff): typing opens
			 the picker with what is typed; Backspace empties the field */
};

struct picker_source;

typedef struct field {
	const char *name;   /* matches cerr.field of the domain ("caller") */
	char *label;        /* translated */
	int type;
	int width;          /* columns of a text field (0: up to 50) */
	const char *format; /* shown beside a text field: "DD/MM/YYYY HH:MM" (translated) */
	lineedit ed;        /* FIELD_TEXT */
	bool on;            /* FIELD_CHECK */
	char *initial;      /* to tell a changed form */
	bool initial_on;
	char error[512];    /* the reason shown under the field ("" for none) */
	/* FIELD_CHOICE: the words (translated, owned) and the one chosen */
	char **items;
	int nitems, choice, initial_choice;
	/* FIELD_PICK: where the choices come from, and the chosen record: its id, its value for
	 * form_text (NULL: none), how it is shown */
	const struct picker_source *source;
	int64_t id, initial_id;
	char *value, *shown;
} field;

typedef struct form form;
struct form {
	field **fields;
	size_t n, focus;
	size_t top;         /* first field shown when the form is taller than its room */
	void *ctx;
	/* Check field i as it is left; fill e (with e->field naming it) to show a reason. */
	int (*check)(form *f, size_t i, cerr *e);
	/* Field i changed (a box ticked): the form may adjust others. */
	void (*changed)(form *f, size_t i);
};

/* What form_key asks its owner to do. FORM_PICK: open the picker of the field being typed in
 * (form_pick), with the key just typed. */
enum { FORM_NONE, FORM_HANDLED, FORM_SAVE, FORM_CANCEL, FORM_PICK };

/* The actions of a view holding a form. */
extern const enum action form_actions[];

/* An empty form; ctx is for the owner's callbacks. */
void form_init(form *f, void *ctx);
/* Add a field (in display order) named as the domain names it in cerr.field; label is
 * translated and copied. The field is returned to set its format. */
field *form_add_text(form *f, const char *name, const char *label, const char *initial,
		     int width);
field *form_add_check(form *f, const char *name, const char *label, bool on);
/* A choice among n words (translated, copied), `choice` being chosen. */
field *form_add_choice(form *f, const char *name, const char *label, const char *const *items,
		       int n, int choice);
/* A record chosen in a picker over src: id and value (NULL: none) as stored, shown as shown. */
field *form_add_pick(form *f, const char *name, const char *label,
		     const struct picker_source *src, int64_t id, const char *value,
		     const char *shown);
/* Set what field i holds (a choice made in its picker; id 0 and value NULL: empty). */
void form_set_pick(form *f, size_t i, int64_t id, const char *value, const char *shown);
/* The field of that name, or NULL. */
field *form_field(form *f, const char *name);
/* The text of a field (UTF-8, owned by the caller), or the empty string. */
char *form_text(form *f, const char *name);
/* Whether a box is ticked. */
bool form_on(form *f, const char *name);
/* The word chosen in a choice (its index), or -1. */
int form_choice(form *f, const char *name);
/* The id of the record chosen in a picker field, or 0. (form_text gives its value.) */
int64_t form_pick_id(form *f, const char *name);
/* Put the cursor in field i. */
void form_focus(form *f, size_t i);
/* Type, move between fields (checking the one left), tick; FORM_SAVE or FORM_CANCEL when the
 * person asks for it (the owner saves, or asks before discarding). */
int form_key(form *f, const tkey *k, enum action act);
/* Check every field (as if each was left): false with the focus on the first wrong one. */
bool form_check_all(form *f);
/* Show a failed save's reason under the field it names; false when it names none. */
bool form_show_error(form *f, const cerr *e);
/* Something differs from what the form was opened with. */
bool form_dirty(const form *f);
/* Draw in r; sets the terminal cursor in the field being typed in (t may be NULL). */
void form_draw(form *f, tui *t, rect r);
/* Free the fields. */
void form_free(form *f);

/* ---- The picker: choose a record by searching as you type ------------------------------ */

/* Where a picker's choices come from (picker_clients, picker_staff; a worker picker is one
 * more of these). */
struct picker_source {
	const char *title; /* N_(): "Choose a client" */
	const char *hint;  /* N_(): what can be typed */
	const char *none;  /* N_(): when nothing matches */
	size_t row_size;
	/* A page of the choices matching what is typed ("": all), as list_ops.fetch does. */
	int (*fetch)(app *a, const char *search, const void *from, bool backward, int limit,
		     void **rows, size_t *n, cerr *e);
	void (*free_row)(void *row);
	bool (*same)(const void *a, const void *b);
	/* One line of the list, in r. */
	void (*draw)(const void *row, rect r, bool selected);
	/* What choosing row gives: an id, a value (for form_text; may be NULL), and how the
	 * field shows it; the strings are the caller's. */
	void (*chosen)(const void *row, int64_t *id, char **value, char **shown);
};
extern const struct picker_source picker_clients, picker_staff;

/* Called once a choice is made (never on Esc), the picker being closed already. */
typedef void (*picker_done_fn)(tui *t, void *arg, int64_t id, const char *value,
			       const char *shown);
/* Open a picker over the current view, its search holding `search`; arg (malloc'd or NULL) is
 * freed with free() when the picker closes. */
void picker_open(tui *t, const struct picker_source *src, const char *search, picker_done_fn done,
		 void *arg);
/* Open the picker of form f's field in focus, searching for the key k typed (if printable);
 * the choice goes into the field, its owner hears of it through f->changed, and the cursor
 * moves to the next field. */
void form_pick(tui *t, form *f, const tkey *k);
/* The same, searching for `search` (what the owner knows already, such as a caller's name). */
void form_pick_search(tui *t, form *f, const char *search);
/* How a client is shown in a picker field: "Mme Zoé Lefèvre" (caller frees); and a member of
 * staff: "Karim Benali", with_login "Karim Benali (karim.benali)", or the login alone when it
 * is not on the staff. */
char *picker_client_label(const client_file *c);
char *picker_staff_label(app *a, const char *login, bool with_login);

/* ---- Dialogs (one at a time, over the current view) ---------------------------------- */

typedef void (*dialog_yes_fn)(tui *t, void *arg);
typedef int (*dialog_submit_fn)(tui *t, void *arg, const char *text, cerr *e);
typedef void (*dialog_choice_fn)(tui *t, void *arg, int choice);

/* "question (y/n)": yes calls fn(t, arg). arg is freed with free() when the dialog closes. */
void dialog_confirm(tui *t, const char *question, dialog_yes_fn fn, void *arg);
/* One line to type: Enter or F10 calls submit; a failure keeps the box open with the reason
 * under the field. */
void dialog_prompt(tui *t, const char *title, const char *label, const char *help,
		   const char *initial, dialog_submit_fn submit, void *arg);
/* Choose among items (translated): Enter or the item's digit calls fn with its index. */
void dialog_menu(tui *t, const char *title, const char *const *items, int n, int selected,
		 dialog_choice_fn fn, void *arg);
/* A wrapped message, closed by any key. */
void dialog_info(tui *t, const char *title, const char *text);
/* A dialog is open: it takes every key until it closes. */
bool dialog_open(const tui *t);
/* Draw it over the current view. */
void dialog_draw(tui *t);
/* The actions offered by the open dialog (for the key bar), and whether it takes text. */
const enum action *dialog_actions(const tui *t, bool *text_input);
/* A key for the open dialog; it may close it and run its callback. */
void dialog_key(tui *t, const tkey *k);
/* Close the open dialog without answering (its arg is freed). */
void dialog_close(tui *t);

/* ---- Call actions shared by Today, the call list and the call's page ------------------ */

/* Each checks that the user may write and that the call is in a state for it (saying why
 * not), asks what is needed (a note, a yes, a reason), acts through call.h, then refreshes. */
void call_act_called_back(tui *t, const call *c);
void call_act_doc_sent(tui *t, const call *c);
void call_act_cancel(tui *t, const call *c);
/* The call form on this call. */
void call_act_edit(tui *t, const call *c);
/* The new-call form, its client chosen already (0: none) with its name and phone filled in. */
void call_act_new(tui *t, int64_t client_id);
/* The call's page. */
void call_act_open(tui *t, const call *c);
/* An action on the selected call c (open, edit, called back, documentation sent, cancel):
 * TK_PASS when act is none of them; with no call selected, says `none` (translated). */
int call_act(tui *t, const call *c, enum action act, const char *none);
/* The one-word state of a call for lists ("overdue", "to call back"...) and its style. */
const char *call_state(const call *c, cminute now, enum style *s);

#endif
