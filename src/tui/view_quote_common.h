/* view_quote_common.h — private to the quote and contract screens (view_quote*.c,
 * view_contract*.c): who may write, values as people read and type them, the steps taken on a
 * date (ask the date, confirm, act), and how a form reports a refused save. */
#ifndef CHARTE_VIEW_QUOTE_COMMON_H
#define CHARTE_VIEW_QUOTE_COMMON_H

#include "charte/contract.h"
#include "charte/quote.h"
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

/* A save the domain refused: the reason under the field it names (and "Not saved: ..." on the
 * message line), else on the message line. Nothing typed is lost. */
void offer_save_failed(tui *t, form *f, const cerr *e);
/* The form has a field in error: says so on the message line. */
void offer_form_invalid(tui *t);

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
} contract_form_arg;
extern const struct view_ops view_contract_form_ops;
/* A new line (a service) of a draft contract: arg points to the contract's int64_t id. */
extern const struct view_ops view_contract_line_ops;

/* The Quotes and Contracts areas' actions for those who may not write: `a` still answers there,
 * saying who may. */
extern const enum action offer_read_actions[];
/* The `f` menu of the Quotes and Contracts areas: statuses[0] (shown as `all`) lists every one,
 * the others are shown by label; `current` is the status listed now. fn gets the item's index. */
void offer_status_menu(tui *t, const char *title, const char *all, const int *statuses, int n,
		       const enum_table *labels, int current, lv_filter_fn fn);

/* The style of a quote's or a contract's status (as of today), in lists and on its page. */
enum style offer_quote_style(int status);
enum style offer_contract_style(int status);

/* "Lefèvre Zoé" as stored, or "client 12" when the name is missing. Caller frees. */
char *offer_client_label(int64_t id, const char *name);

#endif
