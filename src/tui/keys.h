/* keys.h — private to src/tui: keystrokes, and the one action table that says which keys do what
 * (key bar, help screen and the man page's key section). */
#ifndef CHARTE_TUI_KEYS_H
#define CHARTE_TUI_KEYS_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "charte/util.h"

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
	ACT_ATTEMPT,
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
	ACT_ADD_LINE,
	/* the service catalogue, from Settings */
	ACT_SERVICES,
	/* the satisfaction survey */
	ACT_PUBLISH,
	ACT_EXPORT,
	/* complaints and action plans */
	ACT_ANSWER,
	ACT_FINISH,
	ACT_PLANS,
	ACT_MAKE_PLAN,
	ACT_NEW_COMPLAINT,
	ACT_FOLLOWUPS,
	/* the planning */
	ACT_PREV_WEEK,
	ACT_NEXT_WEEK,
	ACT_PREV_DAY,
	ACT_NEXT_DAY,
	ACT_PREV_PERSON,
	ACT_NEXT_PERSON,
	ACT_SHOW_WORKER,
	ACT_SHOW_CLIENT,
	ACT_UNCOVERED,
	ACT_ARRIVE,
	ACT_ASSIGN,
	ACT_COUNT
};

struct action_def {
	enum action id;
	const char *name;  /* stable, for the man page: "new-call" */
	tkey keys[4];      /* unused slots are {false, 0} */
	bool digits;       /* also the keys 1 to 9 (change area) */
	const char *hint;  /* N_(): the short label on the key bar; NULL: help screen only */
	const char *help;  /* N_(): what it does, for the help screen */
	/* On a key bar too narrow for every key, the higher numbers go first; 0 (help) never. */
	int priority;
};

/* What an action does on one screen, where the table's general words are not enough (on a
 * quote, `a` adds a line): a view's `helps`, ACT_NONE-terminated. */
struct action_help {
	enum action id;
	const char *help; /* N_() */
};

/* The table's row for an action. */
const struct action_def *action_get(enum action id);
/* The action among `allowed` (ACT_NONE-terminated) that key k triggers, or ACT_NONE. In a view
 * that takes text, printable keys never trigger an action: they are typed. */
enum action action_for_key(const enum action *allowed, const tkey *k, bool text_input);
/* The keys of an action as people read them ("?/F1"); only function keys in a text view. */
const char *action_keys_label(const struct action_def *d, bool text_input, char *buf,
			      size_t n);

/* The letter that answers yes to a question in the person's language: the one the question
 * itself names, "(y/n)" or "(o/n)" in French. */
wint_t action_yes_letter(void);

/* What act does on a screen whose view gives `helps` (NULL: none): its own words, else the
 * table's (translated). */
const char *action_help(const struct action_help *helps, enum action act);

/* Actions every screen offers after its own (F2 from anywhere, help, areas, back, quit). */
extern const enum action tui_global_actions[];

#endif
