/* quote.c — quotes: numbering, lines by R2, totals, validity and the steps of a quote's life. */
#include "charte/quote.h"

#include "core.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/money.h"
#include "charte/settings.h"

#define LABEL_MAX 200
#define NOTES_MAX 4000

/* ---- pure rules ---- */

void quote_line_compute(quote_line *l)
{
	l->amount_excl = money_line_excl(l->qty, l->unit_price);
	l->vat = money_vat(l->amount_excl, l->vat_rate);
}

void quote_totals(const quote_line *lines, size_t n, cents *excl, cents *vat, cents *incl)
{
	cents x = 0, v = 0;
	for (size_t i = 0; i < n; i++) {
		x += lines[i].amount_excl;
		v += lines[i].vat;
	}
	*excl = x;
	*vat = v;
	*incl = x + v;
}

int quote_status_on(const quote *q, cday today)
{
	if (q->status == QUOTE_SENT && q->valid_until != NO_DAY && q->valid_until < today)
		return QUOTE_EXPIRED;
	return q->status;
}
void quote_number_format(int year, int seq, char out[static 24])
{
	snprintf(out, 24, "D%04d-%04d", year, seq);
}

vat_share *quote_vat_breakdown(const quote_line *lines, size_t nlines, size_t *n)
{
	*n = 0;
	if (!nlines)
		return NULL;
	vat_share *out = xcalloc(nlines, sizeof *out);
	for (size_t i = 0; i < nlines; i++) {
		size_t k = 0;
		while (k < *n && out[k].rate != lines[i].vat_rate)
			k++;
		if (k == *n)
			out[(*n)++].rate = lines[i].vat_rate;
		out[k].base += lines[i].amount_excl;
		out[k].vat += lines[i].vat;
	}
	return out;
}

const char *quote_vat_mention(app *a)
{
	return settings_vat_exempt(a)
	           ? _("VAT not applicable, article 261-7-1° of the French tax code (CGI)")
	           : NULL;
}

/* A sent quote's answer: accepted (within its validity) or refused. */
static int check_answer(const quote *q, cday on, cerr *e)
{
	char day[11];
	switch (q->status) {
	case QUOTE_DRAFT:
		return err_set(e, ST_CONFLICT, "quote", _("quote %s was not sent yet"), q->number);
	case QUOTE_ACCEPTED:
		return err_set(e, ST_CONFLICT, "quote", _("quote %s was already accepted"),
		               q->number);
	case QUOTE_REFUSED:
		return err_set(e, ST_CONFLICT, "quote", _("quote %s was already refused"),
		               q->number);
	default:
		break;
	}
	if (on < q->sent_on) {
		fmt_date_human(q->sent_on, day);
		return err_set(e, ST_INVALID, "on", _("is before the quote was sent, %s"), day);
	}
	return ST_OK;
}

static int check_send(const quote *q, size_t nlines, cday on, cerr *e)
{
	char day[11];
	if (q->status != QUOTE_DRAFT)
		return err_set(e, ST_CONFLICT, "quote", _("quote %s was already sent"), q->number);
	if (nlines == 0)
		return err_set(e, ST_CONFLICT, "quote", _("quote %s has no lines yet"), q->number);
	if (q->total_excl + q->total_vat < 0)
		return err_set(e, ST_CONFLICT, "quote", _("quote %s has a negative total"),
		               q->number);
	if (on < q->date) {
		fmt_date_human(q->date, day);
		return err_set(e, ST_INVALID, "on", _("is before the quote's date, %s"), day);
	}
	if (on > q->valid_until) {
		fmt_date_human(q->valid_until, day);
		return err_set(e, ST_CONFLICT, "quote",
		               _("quote %s was valid until %s: make a new quote"), q->number, day);
	}
	return ST_OK;
}

int quote_can(const quote *q, size_t nlines, int step, cday on, cerr *e)
{
	int r;
	switch (step) {
	case QUOTE_EDIT:
	case QUOTE_ADD_LINE:
		if (q->status != QUOTE_DRAFT)
			return err_set(e, ST_CONFLICT, "quote",
			               _("a sent quote cannot change: make a new quote"));
		if (step == QUOTE_ADD_LINE && nlines >= QUOTE_MAX_LINES)
			return err_set(e, ST_CONFLICT, "quote", _("a quote has at most %d lines"),
			               QUOTE_MAX_LINES);
		return ST_OK;
	case QUOTE_SEND:
		return check_send(q, nlines, on, e);
	case QUOTE_ACCEPT:
		if ((r = check_answer(q, on, e)))
			return r;
		if (on > q->valid_until) {
			char day[11];
			fmt_date_human(q->valid_until, day);
			return err_set(e, ST_CONFLICT, "quote",
			               _("quote %s expired on %s: make a new quote"), q->number, day);
		}
		return ST_OK;
	case QUOTE_REFUSE:
		return check_answer(q, on, e);
	case QUOTE_MAKE_CONTRACT:
		if (q->status == QUOTE_DRAFT)
			return err_set(e, ST_CONFLICT, "quote",
			               _("quote %s is a draft: send it to the client before the "
			                 "contract"),
			               q->number);
		if (q->status == QUOTE_REFUSED)
			return err_set(e, ST_CONFLICT, "quote", _("quote %s was refused"), q->number);
		return ST_OK;
	default:
		return err_set(e, ST_INVALID, "step", "%s", _("no such step"));
	}
}

/* ---- checks ---- */

/* The values of a line as typed, before any default is taken. */
static int check_line(const quote_line *l, cerr *e)
{
	int r;
	if (l->label && (r = text_check(l->label, "label", LABEL_MAX, true, e)))
		return r;
	if (!l->label && !l->service_code)
		return err_set(e, ST_INVALID, "label", _("give a label or a service"));
	if (l->qty <= 0)
		return err_set(e, ST_INVALID, "qty", _("must be more than 0"));
	if (l->qty > QUOTE_MAX_QTY)
		return err_set(e, ST_INVALID, "qty", _("is too large"));
	if (l->unit_price == NO_CENTS && !l->service_code)
		return err_set(e, ST_INVALID, "price", _("give a price or a service"));
	if (l->unit_price != NO_CENTS &&
	    (l->unit_price > QUOTE_MAX_PRICE || l->unit_price < -QUOTE_MAX_PRICE))
		return err_set(e, ST_INVALID, "price", _("is too large"));
	if (l->vat_rate > 10000)
		return err_set(e, ST_INVALID, "vat", _("must be between 0 and 100 %%"));
	if (l->unit != -1 && l->unit != UNIT_HOUR && l->unit != UNIT_FLAT)
		return err_set(e, ST_INVALID, "unit", _("must be hour or flat"));
	return ST_OK;
}

/* Fill what the line leaves to its service, or to the settings. */
static int line_defaults(app *a, quote_line *l, cerr *e)
{
	str_drop_empty(&l->service_code);
	int r = catalogue_line_defaults(a, l->service_code, &l->label, &l->unit_price, &l->unit,
	                                &l->vat_rate, e);
	if (!r)
		r = settings_vat_take(a, &l->vat_rate, "vat", e);
	if (r)
		return r;
	if (l->unit < 0)
		l->unit = UNIT_HOUR;
	str_trim(l->label);
	quote_line_compute(l);
	return ST_OK;
}

/* ---- operations ---- */

static int frozen(const quote *q, cerr *e)
{
	return quote_can(q, 0, QUOTE_EDIT, NO_DAY, e);
}

/* The totals are the sums of the stored lines (R2). */
static int refresh_totals(app *a, quote *q, cerr *e)
{
	int r = db_quote_sums(a->db, q->id, &q->total_excl, &q->total_vat, NULL, e);
	if (r)
		return r;
	q->total_incl = q->total_excl + q->total_vat;
	return db_quote_update(a->db, q, e);
}

/* Each step stores what it changes (a quote's lines are rows of their own). */
RECORD_OPS(quote_ops, quote, AREA_QUOTES, quote_init, quote_free, db_quote_get, NULL);
RECORD_BY_NUMBER(quote_by_number, quote, db_quote_by_number)

int quote_create(app *a, quote *q, cerr *e)
{
	int r = role_check(a, AREA_QUOTES, ACCESS_WRITE, e);
	if (r)
		return r;
	if ((r = record_day(a, &q->date, "on", e)))
		return r;
	if (q->notes && (r = text_check(q->notes, "notes", NOTES_MAX, false, e)))
		return r;
	if ((r = db_begin(a->db, e)))
		return r;
	free(q->client_name);
	q->client_name = NULL;
	r = db_offer_client(a->db, q->client_id, &q->client_name, NULL, e);
	if (r == ST_NOT_FOUND)
		r = ST_INVALID;
	int y, m, d, seq = 0;
	cal_ymd(q->date, &y, &m, &d);
	/* The number is taken in the transaction that stores the quote: gapless, never reused. */
	if (!r)
		r = db_next_number(a->db, "D", y, &seq, e);
	if (!r) {
		char number[24];
		quote_number_format(y, seq, number);
		free(q->number);
		q->number = xstrdup(number);
		q->valid_until = q->date + (cday)settings_int(a, "quote.validity_days");
		q->status = QUOTE_DRAFT;
		q->sent_on = q->accepted_on = q->refused_on = NO_DAY;
		q->total_excl = q->total_vat = q->total_incl = 0;
		free(q->created_by);
		q->created_by = xstrdup(a->login);
		r = db_quote_insert(a->db, q, e);
	}
	return db_end(a->db, r, e);
}

struct edit {
	const quote *base, *mine; /* base NULL: as stored now */
};

static int do_edit(app *a, void *rec, void *arg, cerr *e)
{
	quote *q = rec;
	const struct edit *ed = arg;
	int64_t client_id = q->client_id;
	int r = frozen(q, e);
	if (!r && ed->mine->notes)
		r = text_check(ed->mine->notes, "notes", NOTES_MAX, false, e);
	/* What the person changed, and only that, over the quote as stored now. */
	if (!r)
		r = record_merge(&quote_record, q, ed->base ? ed->base : q, ed->mine, e);
	if (!r && q->client_id != client_id) {
		r = db_offer_client(a->db, q->client_id, NULL, NULL, e);
		if (r == ST_NOT_FOUND)
			r = ST_INVALID;
	}
	if (r)
		return r;
	return db_quote_update(a->db, q, e);
}

int quote_edit(app *a, const quote *base, const quote *q, cerr *e)
{
	struct edit ed = {base, q};
	return record_change(a, &quote_ops, q->id, do_edit, &ed, e);
}

int quote_get(app *a, int64_t id, quote *out, cerr *e)
{
	return record_get(a, &quote_ops, id, out, e);
}

int quote_find(app *a, const char *ref, const char *field, quote *out, cerr *e)
{
	return record_find(a, &quote_ops, quote_by_number, 'D', ref, field, out,
	                   N_("not a quote: give its number (D2026-0001) or its id"), e);
}

int quote_lines_of(app *a, int64_t quote_id, quote_line **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_QUOTES, e, db_quote_lines(a->db, quote_id, rows, n, e));
}

static int do_line_add(app *a, void *rec, void *arg, cerr *e)
{
	quote *q = rec;
	quote_line *l = arg;
	int nlines = 0;
	cents x, v;
	int r = db_quote_sums(a->db, q->id, &x, &v, &nlines, e);
	if (!r)
		r = quote_can(q, (size_t)nlines, QUOTE_ADD_LINE, NO_DAY, e);
	if (!r)
		r = line_defaults(a, l, e);
	if (r)
		return r;
	l->quote_id = q->id;
	if ((r = db_quote_line_insert(a->db, l, e)))
		return r;
	return refresh_totals(a, q, e);
}

int quote_line_add(app *a, int64_t quote_id, quote_line *l, cerr *e)
{
	int r = check_line(l, e);
	if (r)
		return r;
	return record_change(a, &quote_ops, quote_id, do_line_add, l, e);
}

struct line_edit {
	quote_line *l;
	const quote_line *base; /* the line as the person saw it; NULL: as stored now */
};

static int do_line_edit(app *a, void *rec, void *arg, cerr *e)
{
	quote *q = rec;
	const struct line_edit *le = arg;
	quote_line *l = le->l;
	quote_line cur;
	quote_line_init(&cur);
	int r = db_quote_line_get(a->db, l->id, &cur, e);
	if (!r && cur.quote_id != q->id)
		r = err_set(e, ST_NOT_FOUND, "line", _("no quote line %lld"), (long long)l->id);
	if (!r)
		r = frozen(q, e);
	if (!r)
		r = line_defaults(a, l, e);
	/* What the person changed, and only that, over the line as stored now. */
	if (!r)
		r = record_merge(&quote_line_record, &cur, le->base ? le->base : &cur, l, e);
	if (!r) {
		quote_line_compute(&cur);
		r = db_quote_line_update(a->db, &cur, e);
	}
	if (!r) {
		l->amount_excl = cur.amount_excl;
		l->vat = cur.vat;
		r = refresh_totals(a, q, e);
	}
	quote_line_free(&cur);
	return r;
}

int quote_line_edit(app *a, const quote_line *base, quote_line *l, cerr *e)
{
	int r = check_line(l, e);
	if (r)
		return r;
	quote_line old;
	quote_line_init(&old);
	if ((r = db_quote_line_get(a->db, l->id, &old, e)))
		return r;
	l->quote_id = old.quote_id;
	quote_line_free(&old);
	struct line_edit le = {l, base};
	return record_change(a, &quote_ops, l->quote_id, do_line_edit, &le, e);
}

static int do_line_remove(app *a, void *rec, void *arg, cerr *e)
{
	quote *q = rec;
	int r = frozen(q, e);
	if (!r)
		r = db_quote_line_delete(a->db, *(int64_t *)arg, e);
	if (!r)
		r = refresh_totals(a, q, e);
	return r;
}

int quote_line_remove(app *a, int64_t line_id, cerr *e)
{
	quote_line l;
	quote_line_init(&l);
	int r = db_quote_line_get(a->db, line_id, &l, e);
	int64_t quote_id = l.quote_id;
	quote_line_free(&l);
	if (r)
		return r;
	return record_change(a, &quote_ops, quote_id, do_line_remove, &line_id, e);
}

static int do_send(app *a, void *rec, void *arg, cerr *e)
{
	quote *q = rec;
	cday on = *(cday *)arg;
	int nlines = 0;
	if (q->status != QUOTE_DRAFT) /* before the sums: a sent quote's are its own */
		return quote_can(q, 0, QUOTE_SEND, on, e);
	int r = db_quote_sums(a->db, q->id, &q->total_excl, &q->total_vat, &nlines, e);
	if (!r)
		r = quote_can(q, (size_t)nlines, QUOTE_SEND, on, e);
	if (r)
		return r;
	q->status = QUOTE_SENT;
	q->sent_on = on;
	return db_quote_update(a->db, q, e);
}

/* The client's answer to a sent quote, on a day: the quote takes `status`, and *day the day. */
static int answer(app *a, quote *q, int step, int status, cday *day, cday on, cerr *e)
{
	int r = quote_can(q, 0, step, on, e);
	if (r)
		return r;
	q->status = status;
	*day = on;
	return db_quote_update(a->db, q, e);
}

static int do_accept(app *a, void *rec, void *arg, cerr *e)
{
	quote *q = rec;
	return answer(a, q, QUOTE_ACCEPT, QUOTE_ACCEPTED, &q->accepted_on, *(cday *)arg, e);
}

static int do_refuse(app *a, void *rec, void *arg, cerr *e)
{
	quote *q = rec;
	return answer(a, q, QUOTE_REFUSE, QUOTE_REFUSED, &q->refused_on, *(cday *)arg, e);
}

int quote_send(app *a, int64_t id, cday on, cerr *e)
{
	return record_change_on(a, &quote_ops, id, &on, "on", do_send, e);
}

int quote_accept(app *a, int64_t id, cday on, cerr *e)
{
	return record_change_on(a, &quote_ops, id, &on, "on", do_accept, e);
}

int quote_refuse(app *a, int64_t id, cday on, cerr *e)
{
	return record_change_on(a, &quote_ops, id, &on, "on", do_refuse, e);
}

int quote_page(app *a, const quote_filter *f, const quote *from, bool backward, int limit,
               quote **rows, size_t *n, cerr *e)
{
	return role_check(a, AREA_QUOTES, ACCESS_READ, e)
	           ? ST_DENIED
	           : db_quotes_page(a->db, f, from, backward, limit, rows, n, e);
}

int quote_each(app *a, const quote_filter *f, int (*fn)(const quote *q, void *arg), void *arg,
               cerr *e)
{
	return ROLE_READ(a, AREA_QUOTES, e, db_quotes_each(a->db, f, fn, arg, e));
}

/* A quote's and a line's fields as the history shows them. */
/* How this area's events read in a client's history (client.c gathers every area's). */
const history_kind quote_history_kinds[] = {
	{"quote", "written", N_("Quote"), N_("written, %s incl. VAT"), "a--"},
	{"quote", "sent", N_("Quote"), N_("sent to the client (%s incl. VAT)"), "a--"},
	{"quote", "accepted", N_("Quote"), N_("accepted by the client (%s incl. VAT)"), "a--"},
	{"quote", "refused", N_("Quote"), N_("refused by the client"), "---"},
	{NULL, NULL, NULL, NULL, ""},
};

RECORD_DESC(quote_record, "quotes",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("number", N_("Number"), FIELD_TEXT),
	    EDITED("client_id", N_("Client no."), FIELD_TEXT, quote, client_id),
	    COLUMN("date", N_("Date"), FIELD_DATE),
	    COLUMN("valid_until", N_("Valid until"), FIELD_DATE),
	    ENUM_COLUMN("status", N_("Status"), &quote_statuses),
	    COLUMN("sent_on", N_("Sent on"), FIELD_DATE),
	    COLUMN("accepted_on", N_("Accepted on"), FIELD_DATE),
	    COLUMN("refused_on", N_("Refused on"), FIELD_DATE),
	    COLUMN("total_excl", N_("Total excl. VAT"), FIELD_MONEY),
	    COLUMN("total_vat", N_("VAT"), FIELD_MONEY),
	    COLUMN("total_incl", N_("Total incl. VAT"), FIELD_MONEY),
	    EDITED("notes", N_("Notes"), FIELD_TEXT, quote, notes),
	    COLUMN("created_by", N_("Written by"), FIELD_TEXT));

RECORD_DESC(quote_line_record, "quote_lines",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("quote_id", N_("Quote no."), FIELD_TEXT),
	    COLUMN("position", N_("Line"), FIELD_TEXT),
	    EDITED("service_code", N_("Service"), FIELD_TEXT, quote_line, service_code),
	    EDITED("label", N_("Label"), FIELD_TEXT, quote_line, label),
	    ENUM_EDITED("unit", N_("Unit"), &price_units, quote_line, unit),
	    EDITED("qty", N_("Quantity"), FIELD_QUANTITY, quote_line, qty),
	    EDITED("unit_price", N_("Unit price excl. VAT"), FIELD_MONEY, quote_line, unit_price),
	    EDITED("vat_rate", N_("VAT rate"), FIELD_RATE, quote_line, vat_rate),
	    COLUMN("amount_excl", N_("Amount excl. VAT"), FIELD_MONEY),
	    COLUMN("vat", N_("VAT amount"), FIELD_MONEY));
