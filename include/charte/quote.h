/* quote.h — quotes (O2, O3): numbered D2026-0001 per year of their date, gapless and never
 * reused; lines with amounts and VAT by R2; totals as sums of lines; validity; the life
 * draft -> sent -> accepted | refused | expired. A sent quote never changes (a new version is a
 * new quote) and no quote is ever deleted. Writes need a coordinator or a manager; each
 * operation is one transaction. */
#ifndef CHARTE_QUOTE_H
#define CHARTE_QUOTE_H

#include "charte/app.h"

/* Lines per quote, and the bounds of a line's values (they keep R2 far from overflow). */
#define QUOTE_MAX_LINES 200
#define QUOTE_MAX_QTY   10000000  /* 100,000.00 */
#define QUOTE_MAX_PRICE 100000000 /* 1,000,000.00 € */

/* ---- pure rules ---- */

/* R2: the line's amount excl. VAT (qty x unit price) and its VAT, each rounded half away from
 * zero to the cent. */
void quote_line_compute(quote_line *l);
/* R2: totals are the sums of the lines' rounded amounts. */
void quote_totals(const quote_line *lines, size_t n, cents *excl, cents *vat, cents *incl);
/* The status as of `today`: a sent quote whose valid_until is before today is QUOTE_EXPIRED. */
int quote_status_on(const quote *q, cday today);
/* "D2026-0001" */
void quote_number_format(int year, int seq, char out[static 24]);

/* The steps of a quote's life, as quote_can asks them. */
enum quote_step {
	QUOTE_EDIT,          /* change its client, notes, a line, or remove a line: a draft only */
	QUOTE_ADD_LINE,      /* a draft with fewer than QUOTE_MAX_LINES lines */
	QUOTE_SEND,          /* see quote_send */
	QUOTE_ACCEPT,        /* see quote_accept */
	QUOTE_REFUSE,        /* see quote_refuse */
	QUOTE_MAKE_CONTRACT, /* a contract from it: given to the client and not refused */
};
/* Whether `step` may be taken on q (with its nlines lines) on the day `on`: ST_OK, or the
 * reason, the very one the operation gives (it asks this too). A screen asks it with today
 * before it asks for a date. */
int quote_can(const quote *q, size_t nlines, int step, cday on, cerr *e);

/* The VAT of a quote by rate, in the order the rates first appear in the lines: the base excl.
 * VAT and the VAT, each the sum of its lines' rounded amounts (R2). *n receives the number of
 * rates; the caller frees the array (NULL when there is no line). */
typedef struct vat_share {
	int rate; /* hundredths of a percent */
	cents base;
	cents vat;
} vat_share;
vat_share *quote_vat_breakdown(const quote_line *lines, size_t nlines, size_t *n);

/* The legal mention a quote or a contract of an agency exempt from VAT (setting vat.exempt)
 * carries (O3), translated; NULL when the agency charges VAT. */
const char *quote_vat_mention(app *a);

/* ---- operations ---- */

/* A new draft for q->client_id dated q->date (NO_DAY: today; not later than today), valid
 * quote.validity_days. Sets id, number, valid_until, status, created_by. */
int quote_create(app *a, quote *q, cerr *e);
/* A draft's client and notes: only what differs from `base` (the quote as the person saw it;
 * NULL: as stored now) is written, over the quote as stored now; a field another desk changed
 * too is refused with both values (ST_CONFLICT), nothing written. */
int quote_edit(app *a, const quote *base, const quote *q, cerr *e);
int quote_get(app *a, int64_t id, quote *out, cerr *e);
/* By number ("D2026-0001", any case) or by id ("12"); the field named in errors is `field`. */
int quote_find(app *a, const char *ref, const char *field, quote *out, cerr *e);
int quote_lines_of(app *a, int64_t quote_id, quote_line **rows, size_t *n, cerr *e);

/* Add a line to a draft. l->service_code (optional) gives the defaults: the label when l->label
 * is NULL, the unit, the price when l->unit_price is NO_CENTS, the VAT rate when l->vat_rate < 0
 * (without a service: setting vat.default). l->qty is required. Sets id, position, amounts, and
 * the quote's totals. */
int quote_line_add(app *a, int64_t quote_id, quote_line *l, cerr *e);
/* Change a line of a draft (label, service, unit, qty, price, rate): only what differs from
 * `base` (the line as the person saw it; NULL: as stored now) is written, over the line as
 * stored now; amounts and totals follow. */
int quote_line_edit(app *a, const quote_line *base, quote_line *l, cerr *e);
int quote_line_remove(app *a, int64_t line_id, cerr *e);

/* The steps, on a day (NO_DAY: today; never later than today). Send: a draft with at least one
 * line and a total that is not negative, on or after its date and within its validity. Accept:
 * a sent quote, on or after it was sent and not after valid_until. Refuse: a sent quote
 * (expired or not), on or after it was sent. */
int quote_send(app *a, int64_t id, cday on, cerr *e);
int quote_accept(app *a, int64_t id, cday on, cerr *e);
int quote_refuse(app *a, int64_t id, cday on, cerr *e);

/* Lists: a page newest first after `from` (NULL: the newest); with backward, the page just
 * before `from` (NULL: the oldest), still newest first (a list scrolling up). Every quote, oldest
 * first. */
int quote_page(app *a, const quote_filter *f, const quote *from, bool backward, int limit,
               quote **rows, size_t *n, cerr *e);
int quote_each(app *a, const quote_filter *f, int (*fn)(const quote *q, void *arg), void *arg,
               cerr *e);

#endif
