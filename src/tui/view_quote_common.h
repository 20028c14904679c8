/* view_quote_common.h — private to the quote and contract screens (view_quote*.c,
 * view_contract*.c): who may write, values as people read and type them, the steps taken on a
 * date (ask the date, confirm, act), and how a form reports a refused save. */
#ifndef CHARTE_VIEW_QUOTE_COMMON_H
#define CHARTE_VIEW_QUOTE_COMMON_H

#include "charte/contract.h"
#include "charte/quote.h"
#include "columns.h"
#include "form.h"
#include "list.h"
#include "frame.h"

/* A VAT rate for people: "10 %", "5,5 %" in French. */
void offer_fmt_rate(int rate, char out[static 24]);
/* A rate, an amount, a quantity as people type them into a field ("5,5", "22,00", "1,5" in
 * French), to fill a field from a record. */
void offer_rate_field(int rate, char out[static 24]);
void offer_amount_field(cents c, char out[static 32]);
void offer_qty_field(int64_t q, char out[static 24]);
/* The date a form shows by default and the hint beside a date field, in the locale's form. */
void offer_today_field(app *a, char out[static 11]);
const char *offer_date_hint(void);

/* A date field as typed: blank gives `blank` (NO_DAY: refused as missing); the reason is an
 * already translated message. */
int offer_parse_date(const char *text, cday blank, const char *field, cday *out, cerr *e);

/* A step of a quote's or a contract's life taken on a date (send, accept, sign, end…), a row of
 * its page's table. offer_take_step asks for the date (today by default), runs ask (which may
 * refuse it, the box staying open with the reason, or write the question itself), asks the
 * question, takes the step, refreshes the screens and says what was done. */
typedef struct offer_step {
	enum action key;      /* the key that takes it */
	int step;             /* core's name for it (QUOTE_SEND, CONTRACT_SIGN…), asked first */
	const char *title;    /* N_(): the box's title, "Send the quote" */
	const char *label;    /* N_(): the date field's, "Sent on" */
	const char *help;     /* N_(): "Quote %s for %s: the day…" (number, client) */
	const char *question; /* N_(): "Record that… %s… %s?" (number, date), unless ask writes it */
	/* May be NULL. */
	int (*ask)(app *a, int64_t id, const char *number, cday on, strbuf *question, cerr *e);
	/* The step (core): take, or take_until which gives the date the message tells (an end). */
	int (*take)(app *a, int64_t id, cday on, cerr *e);
	int (*take_until)(app *a, int64_t id, cday on, cday *until, cerr *e);
	const char *done;     /* N_(): "Quote %s sent on %s" (number, the date) */
} offer_step;
/* The row of table (ended by a row whose key is ACT_NONE) that key takes; NULL if none. */
const offer_step *offer_step_of(const offer_step *table, enum action key);
void offer_take_step(tui *t, const offer_step *s, int64_t id, const char *number,
		     const char *client);

/* A form's page: the title (freed here) on its first row, the form below it, and `live` rows
 * at the bottom for what the form works out as the person types: their place is returned. */
rect offer_form_page(tui *t, form *f, rect r, char *title, int live);

/* The views the quote and contract screens open on each other. */
/* A quote's line: arg is a quote_line_arg (line_id 0: a new line). */
typedef struct quote_line_arg {
	int64_t quote_id, line_id;
} quote_line_arg;
extern const struct view_ops view_quote_line_ops;
/* The contract form: arg is a contract_form_arg, or NULL for a new contract. */
typedef struct contract_form_arg {
	int64_t contract_id; /* a draft to change; 0: a new contract */
	int64_t quote_id;    /* a new contract made from this quote; 0: none */
	bool again;          /* the person already said yes to another contract from that quote */
} contract_form_arg;
extern const struct view_ops view_contract_form_ops;
/* A line (a service) of a draft contract: arg is a contract_line_arg (number 0: a new line). */
typedef struct contract_line_arg {
	int64_t contract_id;
	int number; /* 1, 2… as the contract lists its lines; 0: a new line */
} contract_line_arg;
extern const struct view_ops view_contract_line_ops;

/* The Quotes and Contracts areas' actions for those who may not write: `a` still answers there,
 * saying who may. */
extern const enum action offer_read_actions[];
/* The `f` menu of the Quotes and Contracts areas: statuses[0] (shown as `all`) lists every one,
 * the others are shown by label; `current` is the status listed now. fn gets the item's index. */
void offer_status_menu(tui *t, const char *title, const char *all, const int *statuses, int n,
		       const enum_table *labels, int current, lv_filter_fn fn);

/* ---- The Quotes and Contracts areas: one list of records filtered by status ----
 * Each area describes its list in one offer_list table (what it lists, its columns, its
 * statuses and titles, its menu, the record it opens and the form that adds one). */

/* An area's list as it is shown: the columns' cells get it as their ctx. */
typedef struct offer_list_view {
	listview lv; /* the rows, and the search (first: lv_view_*) */
	const struct offer_list *def;
	struct list_ops rows; /* def's rows, as the list asks for them */
	app *a;
	int status;  /* def->statuses[i]: OFFER_ALL, or a status (computed ones as of today) */
	cday today;  /* the day the statuses are computed for, set as the list is drawn and read */
} offer_list_view;

enum { OFFER_ALL = -1 };

struct offer_list {
	int area;                /* AREA_*: who may add */
	const enum action *actions; /* the list's, for those who may write */
	const columns *columns;
	size_t row_size;         /* the record's; its first member is its int64_t id */
	/* A page of the records with ov->status and ov's search, as list_ops.fetch. */
	int (*page)(const offer_list_view *ov, const void *from, bool backward, int limit,
		    void **rows, size_t *n, cerr *e);
	void (*free_row)(void *row);
	/* The `f` menu: statuses[0] is OFFER_ALL; titles[i] (N_()) is the list's title while it
	 * shows statuses[i], titles[0] being the menu's first item too. */
	const int *statuses;
	const char *const *titles;
	int nstatuses;
	const enum_table *labels; /* the statuses' names in the menu */
	const char *which;        /* N_(): the menu's title, "Which quotes?" */
	const char *empty;        /* N_(): the empty list's message */
	const char *no_selection; /* N_(): Enter with no row */
	const struct view_ops *record; /* Enter: the selected record's page, opened with its id */
	const struct view_ops *add;    /* `a` */
};

/* The two lists (view_quotes.c, view_contracts.c), their actions for those who may write and
 * what their keys do (the help);
 * offer_list.c makes them the views view_quotes_ops and view_contracts_ops. */
extern const struct offer_list quotes_list, contracts_list;
extern const enum action quotes_actions[], contracts_actions[];
extern const struct action_help quotes_helps[], contracts_helps[];

/* The style of a quote's or a contract's status (as of today), in lists and on its page. */
enum style offer_quote_style(int status);
enum style offer_contract_style(int status);

/* "Lefèvre Zoé" as stored, or "client 12" when the name is missing. Caller frees. */
char *offer_client_label(int64_t id, const char *name);

/* ---- A quote's or a contract's page: the record and a list over its rows (lines, slots) ---- */

/* The client as its file names it ("Mme Zoé Lefèvre"), else offer_client_label(id, stored);
 * *wants_quote (may be NULL) is whether it asked for a quote, left as it is when the file cannot
 * be read. Caller frees. */
char *offer_client_name(app *a, int64_t id, const char *stored, bool *wants_quote);
/* The keys of a page that cannot change (closed, or for those who may not write): moving in its
 * rows. */
extern const enum action offer_page_closed_actions[];
/* What a record's page is: its data (whose first member is its offer_page), how it reads and
 * frees its record, its rows (held in memory: a quote has a few lines, a contract a few slots)
 * and core's rule for its steps. */
typedef struct offer_page_def {
	size_t size;                   /* the page's data, zeroed before the first load */
	/* The record and its rows read again, page->rows and nrows set to those rows. */
	int (*load)(void *page, cerr *e);
	void (*release)(void *page);   /* what the page holds freed (not the list, not the page) */
	/* The list's row_size, free_row and draw (ctx: the page); their first member is their
	 * int64_t id. They are listed all at once, as copies made by copy. */
	struct list_ops rows;
	void (*copy)(void *to, const void *row);
	/* Core's answer to "may this step (QUOTE_EDIT, CONTRACT_SIGN…) be taken today?". */
	int (*can)(const void *page, int step, cday today, cerr *e);
} offer_page_def;
/* The first member of such a page's data. */
typedef struct offer_page {
	list l;                /* over the rows, its callbacks' ctx being the page */
	struct list_ops ops;   /* def->rows, with fetch and same filled in */
	const offer_page_def *def;
	app *a;
	int64_t id;            /* the record's */
	const void *rows;      /* the rows listed: the page's own, as load last read them */
	size_t nrows;
} offer_page;
/* The page of record id opened as v->data (its view_ops.open, given the def): made, read by
 * def->load, then its list loaded (on a failure, close frees it). */
int offer_page_open(tui *t, view *v, const offer_page_def *def, int64_t id, cerr *e);
/* The page read again (its view_ops.reload): the record, then the list. */
void offer_page_reload(tui *t, view *v);
/* The page freed (its view_ops.close). */
void offer_page_close(tui *t, view *v);
/* A page's view_ops: its name, title (N_()), actions and helps, its own open (through
 * offer_page_open), draw, key and mode; it reads itself again and closes as every such page. */
#define OFFER_PAGE_VIEW(name_, title_, actions_, helps_, open_, draw_, key_, mode_)              \
	{                                                                                          \
		.name = name_, .title = title_, .actions = actions_, .helps = helps_,              \
		.open = open_, .draw = draw_, .key = key_, .reload = offer_page_reload,           \
		.mode = mode_, .close = offer_page_close,                                          \
	}
/* Whether the step may be taken on the page today: true, or core's reason shown. */
bool offer_page_can(tui *t, const offer_page *page, int step);
/* The page's first row: the title on the left, the status (in its style, bold) on the right. */
void offer_page_title(rect r, const char *title, const char *status, enum style st);
/* Core's answer r to "may this step be taken?": true when ST_OK, else its reason e shown. */
bool offer_may(tui *t, int r, const cerr *e);
/* Ask `question`, then remove the row id through remove (core) and say `done` (translated). */
void offer_remove(tui *t, const char *question, int64_t id,
		  int (*remove)(app *a, int64_t id, cerr *e), const char *done);

#endif
