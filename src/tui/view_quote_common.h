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

/* Something done to a quote or a contract on a date: offer_ask_date asks for the date (today by
 * default), runs check (which may refuse it, the box staying open with the reason, and writes
 * the question to confirm), asks that question, then runs act, refreshes the screens and shows
 * what was done. The struct is copied: it holds no pointer it owns. */
typedef struct offer_step offer_step;
struct offer_step {
	int64_t id;
	char number[24];    /* "D2026-0001", for the messages */
	cday on;            /* the date given */
	char question[700]; /* filled by check (or the default "…on DATE?") */
	int (*check)(tui *t, offer_step *s, cerr *e);             /* may be NULL */
	int (*act)(tui *t, offer_step *s, char *done, size_t n, cerr *e); /* done: the message */
};
void offer_ask_date(tui *t, const char *title, const char *label, const char *help,
		    const offer_step *s);

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

/* The Quotes and Contracts areas' actions for those who may not write: `a` still answers there,
 * saying who may. */
extern const enum action offer_read_actions[];
/* The `f` menu of the Quotes and Contracts areas: statuses[0] (shown as `all`) lists every one,
 * the others are shown by label; `current` is the status listed now. fn gets the item's index. */
void offer_status_menu(tui *t, const char *title, const char *all, const int *statuses, int n,
		       const enum_table *labels, int current, lv_filter_fn fn);

/* "Lefèvre Zoé" as stored, or "client 12" when the name is missing. Caller frees. */
char *offer_client_label(int64_t id, const char *name);

#endif
