/* quotes.c — quotes and their lines in storage: insert, update, get, keyset pages, the lines,
 * their sums, and the R3 question "was a quote given before this day?". */
#include "dbint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/db_offer.h"
#include "charte/db_clients.h"

/* The quotes in the client's history (db_client_history): an event a day a quote records. */
#define HISTORY_QUOTE(event, day)                                                                  \
	{"quotes", "quote", event,                                                                  \
	 "SELECT " HISTORY_WHEN("quotes", day) ", number, id, total_incl, '', '' FROM quotes"       \
	 " WHERE client_id = :id AND " day " IS NOT NULL"}
const db_history_source db_quote_history_sources[] = {
	HISTORY_QUOTE("written", "date"),
	HISTORY_QUOTE("sent", "sent_on"),
	HISTORY_QUOTE("accepted", "accepted_on"),
	HISTORY_QUOTE("refused", "refused_on"),
	{NULL, NULL, NULL, NULL},
};

#define QUOTE_COLS                                                                                 \
	"q.id, q.number, q.client_id, trim(c.name || ' ' || c.first_name), q.date, "               \
	"q.valid_until, q.status, q.sent_on, q.accepted_on, q.refused_on, q.total_excl, "          \
	"q.total_vat, q.total_incl, q.notes, q.created_by"
#define QUOTE_FROM " FROM quotes q LEFT JOIN clients c ON c.id = q.client_id"

#define LINE_COLS                                                                                  \
	"id, quote_id, position, service_code, label, unit, qty, unit_price, vat_rate, "           \
	"amount_excl, vat"


char *db_offer_fts_query(const char *typed)
{
	return db_fts_query(typed);
}

static void quote_from_row(sqlite3_stmt *st, void *row)
{
	quote *q = row;
	quote_init(q);
	q->id = col_int(st, 0);
	q->number = col_text(st, 1);
	q->client_id = col_int(st, 2);
	q->client_name = col_text(st, 3);
	q->date = col_day(st, 4);
	q->valid_until = col_day(st, 5);
	q->status = col_enum_or(st, 6, &quote_statuses, QUOTE_DRAFT);
	q->sent_on = col_day(st, 7);
	q->accepted_on = col_day(st, 8);
	q->refused_on = col_day(st, 9);
	q->total_excl = col_int(st, 10);
	q->total_vat = col_int(st, 11);
	q->total_incl = col_int(st, 12);
	q->notes = col_text(st, 13);
	q->created_by = col_text(st, 14);
}

/* The 11 fields an update writes (client to notes), from parameter `first`. */
static void bind_quote(sqlite3_stmt *st, int first, const quote *q)
{
	bind_int(st, first, q->client_id);
	bind_day(st, first + 1, q->date);
	bind_day(st, first + 2, q->valid_until);
	bind_text(st, first + 3, enum_name(&quote_statuses, q->status));
	bind_day(st, first + 4, q->sent_on);
	bind_day(st, first + 5, q->accepted_on);
	bind_day(st, first + 6, q->refused_on);
	bind_int(st, first + 7, q->total_excl);
	bind_int(st, first + 8, q->total_vat);
	bind_int(st, first + 9, q->total_incl);
	bind_text(st, first + 10, q->notes ? q->notes : "");
}

int db_quote_insert(db *d, quote *q, cerr *e)
{
	sqlite3_stmt *st =
	    db_prep(d,
	            "INSERT INTO quotes(number, client_id, date, valid_until, status, "
	            "sent_on, accepted_on, refused_on, total_excl, total_vat, "
	            "total_incl, notes, created_by) "
	            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	            e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, q->number);
	bind_quote(st, 2, q);
	bind_text(st, 13, q->created_by);
	return db_insert(d, st, &q->id, e);
}

int db_quote_update(db *d, const quote *q, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
	                           "UPDATE quotes SET client_id = ?1, date = ?2, valid_until = ?3, "
	                           "status = ?4, sent_on = ?5, accepted_on = ?6, refused_on = ?7, "
	                           "total_excl = ?8, total_vat = ?9, total_incl = ?10, notes = ?11 "
	                           "WHERE id = ?12",
	                           e);
	if (!st)
		return ST_DB;
	bind_quote(st, 1, q);
	bind_int(st, 12, q->id);
	int r = db_change(d, st, e);
	return db_missing(r, e, "quote", _("no quote %lld"), q->id);
}

/* The quote of that number, or when number is NULL of that id: one lookup, two keys. */
static int get_by(db *d, int64_t id, const char *number, quote *out, cerr *e)
{
	sqlite3_stmt *st =
		db_prep(d,
			number ? "SELECT " QUOTE_COLS QUOTE_FROM " WHERE q.number = ?"
			       : "SELECT " QUOTE_COLS QUOTE_FROM " WHERE q.id = ?",
			e);
	if (!st)
		return ST_DB;
	if (number)
		bind_text(st, 1, number);
	else
		bind_int(st, 1, id);
	int r = db_row(d, st, quote_from_row, out, e);
	if (r == ST_NOT_FOUND && number)
		return err_set(e, ST_NOT_FOUND, "quote", _("no quote %s"), number);
	return db_missing(r, e, "quote", _("no quote %lld"), id);
}

int db_quote_get(db *d, int64_t id, quote *out, cerr *e)
{
	return get_by(d, id, NULL, out, e);
}

int db_quote_by_number(db *d, const char *number, quote *out, cerr *e)
{
	return get_by(d, 0, number, out, e);
}

/* ---- the listing ---- */

enum {
	F_DRAFT,
	F_SENT,
	F_EXPIRED,
	F_ACCEPTED,
	F_REFUSED,
	F_CLIENT,
	F_SEARCH, /* the search filters, in the order of db_offer_search_filter */
	F_COUNT = F_SEARCH + OFFER_SEARCH_COUNT
};

static const char *const quote_filters[F_COUNT] = {
	[F_DRAFT] = "q.status = 'draft'",
	[F_SENT] = "q.status = 'sent' AND q.valid_until >= :today",
	[F_EXPIRED] = "q.status = 'sent' AND q.valid_until < :today",
	[F_ACCEPTED] = "q.status = 'accepted'",
	[F_REFUSED] = "q.status = 'refused'",
	[F_CLIENT] = "q.client_id = :client",
	[F_SEARCH] = OFFER_SEARCH_FILTERS("q"),
};

static unsigned filters_set(const void *filter)
{
	const quote_filter *f = filter;
	unsigned set = 0;
	switch (f->status) {
	case QUOTE_DRAFT: set = 1u << F_DRAFT; break;
	case QUOTE_SENT: set = 1u << F_SENT; break;
	case QUOTE_EXPIRED: set = 1u << F_EXPIRED; break;
	case QUOTE_ACCEPTED: set = 1u << F_ACCEPTED; break;
	case QUOTE_REFUSED: set = 1u << F_REFUSED; break;
	default: break;
	}
	if (f->client_id)
		set |= 1u << F_CLIENT;
	if (f->search && !str_blank(f->search))
		set |= 1u << db_offer_search_filter(f->search, 'D', F_SEARCH);
	return set;
}

int db_offer_number_search(const char *search, char letter)
{
	const char *p = search;
	while (*p == ' ')
		p++;
	bool prefix = (*p & ~0x20) == letter && p[1] >= '0' && p[1] <= '9';
	if (prefix)
		p++;
	size_t digits = 0, dashes = 0;
	for (; *p && *p != ' '; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '-' && prefix && digits == 4 && !dashes)
			dashes++;
		else
			return OFFER_NUMBER_NONE;
	}
	while (*p == ' ')
		p++;
	if (*p || !digits)
		return OFFER_NUMBER_NONE;
	return prefix ? OFFER_NUMBER_PREFIX : digits <= 6 ? OFFER_NUMBER_SEQ : OFFER_NUMBER_NONE;
}

int db_offer_search_filter(const char *search, char letter, int first)
{
	/* The filters' order from first: the client search, broad, the number's start, the digits
	 * (with the client search), the same broad. */
	switch (db_offer_number_search(search, letter)) {
	case OFFER_NUMBER_PREFIX: return first + 2;
	case OFFER_NUMBER_SEQ: return first + (db_search_is_broad(search) ? 4 : 3);
	default: return first + (db_search_is_broad(search) ? 1 : 0);
	}
}

void db_offer_bind_number(sqlite3_stmt *st, const char *search, char letter)
{
	char text[40];
	snprintf(text, sizeof text, "%s", search ? search : "");
	str_trim(text);
	int i;
	if ((i = db_bind_index(st, ":nlo"))) {
		text[0] = letter; /* as numbers are written: "D2026-0074" */
		bind_text(st, i, text);
		size_t n = strlen(text);
		text[n - 1]++; /* a digit or '-': the first text after every number that starts so */
		bind_text(st, db_bind_index(st, ":nhi"), text);
	}
	if ((i = db_bind_index(st, ":seq"))) {
		/* Numbers have four digits at least: "74" is 0074. */
		static const char zeros[] = "0000";
		size_t n = strlen(text);
		char seq[48];
		snprintf(seq, sizeof seq, "%s%s", n < 4 ? zeros + n : "", text);
		bind_text(st, i, seq);
		char l[2] = {letter, '\0'};
		bind_text(st, db_bind_index(st, ":letter"), l);
	}
}

/* Shared with contracts.c: both filter on :today, :client and a client search :q. */
void db_offer_bind_filter(sqlite3_stmt *st, cday today, int64_t client_id, const char *search)
{
	int i;
	if ((i = db_bind_index(st, ":today")))
		bind_day(st, i, today);
	if ((i = db_bind_index(st, ":client")))
		bind_int(st, i, client_id);
	if ((i = db_bind_index(st, ":q"))) {
		char *q = db_offer_fts_query(search);
		bind_text(st, i, q ? q : "\"\"");
		free(q);
	}
}

static void bind_filter(sqlite3_stmt *st, const void *filter)
{
	const quote_filter *f = filter;
	db_offer_bind_filter(st, f->today, f->client_id, f->search);
	db_offer_bind_number(st, f->search, 'D');
}

static void bind_key(sqlite3_stmt *st, const int *param, const void *row)
{
	const quote *q = row;
	bind_day(st, param[0], q->date);
	bind_int(st, param[1], q->id);
}

static void free_quote(void *row)
{
	quote_free(row);
}

/* Quotes by date, newest first. */
static const db_listing quotes_by_date = {
	.select = "SELECT " QUOTE_COLS QUOTE_FROM,
	.key = {"q.date", "q.id"},
	.descending = true,
	.filters = quote_filters,
	.nfilters = F_COUNT,
	.set = filters_set,
	.bind = bind_filter,
	.bind_key = bind_key,
	.row_size = sizeof(quote),
	.read = quote_from_row,
	.free_row = free_quote,
};

DB_LISTING_PAGE(quotes, quote, quote_filter, quotes_by_date)
DB_LISTING_EACH(quotes, quote, quote_filter, quotes_by_date)

/* ---- lines ---- */

static void line_from_row(sqlite3_stmt *st, void *row)
{
	quote_line *l = row;
	quote_line_init(l);
	l->id = col_int(st, 0);
	l->quote_id = col_int(st, 1);
	l->position = (int)col_int(st, 2);
	l->service_code = col_text(st, 3);
	l->label = col_text(st, 4);
	l->unit = col_enum_or(st, 5, &price_units, UNIT_HOUR);
	l->qty = col_int(st, 6);
	l->unit_price = col_int(st, 7);
	l->vat_rate = (int)col_int(st, 8);
	l->amount_excl = col_int(st, 9);
	l->vat = col_int(st, 10);
}

int db_quote_lines(db *d, int64_t quote_id, quote_line **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(
	    d, "SELECT " LINE_COLS " FROM quote_lines WHERE quote_id = ? ORDER BY position", e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, quote_id);
	return db_rows(d, st, sizeof **rows, line_from_row, rows, n, e);
}

int db_quote_line_get(db *d, int64_t id, quote_line *out, cerr *e)
{
	int r = db_row_id(d, "SELECT " LINE_COLS " FROM quote_lines WHERE id = ?", id,
	                  line_from_row, out, e);
	return db_missing(r, e, "line", _("no quote line %lld"), id);
}

static void bind_line(sqlite3_stmt *st, const quote_line *l)
{
	bind_int(st, 1, l->quote_id);
	bind_text(st, 2, l->service_code);
	bind_text(st, 3, l->label);
	bind_text(st, 4, enum_name(&price_units, l->unit));
	bind_int(st, 5, l->qty);
	bind_int(st, 6, l->unit_price);
	bind_int(st, 7, l->vat_rate);
	bind_int(st, 8, l->amount_excl);
	bind_int(st, 9, l->vat);
}

/* Shared with contracts.c: a line's INSERT … RETURNING id, position. */
int db_offer_line_insert(db *d, sqlite3_stmt *st, int64_t *id, int *position, cerr *e)
{
	int64_t got[2];
	int r = db_row(d, st, db_read_ints, got, e);
	if (!r) {
		*id = got[0];
		*position = (int)got[1];
	}
	return r;
}

int db_quote_line_insert(db *d, quote_line *l, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "INSERT INTO quote_lines(quote_id, position, service_code, label, unit, qty, "
	    "unit_price, vat_rate, amount_excl, vat) VALUES (?1, (SELECT coalesce(max(position), "
	    "0) + 1 FROM quote_lines WHERE quote_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
	    "RETURNING id, position",
	    e);
	if (!st)
		return ST_DB;
	bind_line(st, l);
	return db_offer_line_insert(d, st, &l->id, &l->position, e);
}

int db_quote_line_update(db *d, const quote_line *l, cerr *e)
{
	sqlite3_stmt *st =
	    db_prep(d,
	            "UPDATE quote_lines SET quote_id = ?1, service_code = ?2, "
	            "label = ?3, unit = ?4, qty = ?5, unit_price = ?6, vat_rate = ?7, "
	            "amount_excl = ?8, vat = ?9 WHERE id = ?10",
	            e);
	if (!st)
		return ST_DB;
	bind_line(st, l);
	bind_int(st, 10, l->id);
	int r = db_change(d, st, e);
	return db_missing(r, e, "line", _("no quote line %lld"), l->id);
}

int db_quote_line_delete(db *d, int64_t id, cerr *e)
{
	int r = db_change_id(d, "DELETE FROM quote_lines WHERE id = ?", id, e);
	return db_missing(r, e, "line", _("no quote line %lld"), id);
}

int db_quote_sums(db *d, int64_t quote_id, cents *excl, cents *vat, int *nlines, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
	                           "SELECT coalesce(sum(amount_excl), 0), coalesce(sum(vat), 0), "
	                           "count(*) FROM quote_lines WHERE quote_id = ?",
	                           e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, quote_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*excl = col_int(st, 0);
		*vat = col_int(st, 1);
		if (nlines)
			*nlines = (int)col_int(st, 2);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : db_fail(d, e);
}

int db_quote_given(db *d, int64_t client_id, int64_t quote_id, cday on, char **number, cerr *e)
{
	*number = NULL;
	sqlite3_stmt *st = db_prep(d,
	                           "SELECT number FROM quotes WHERE client_id = ?1"
	                           " AND (?2 IS NULL OR id = ?2)"
	                           " AND status IN ('sent', 'accepted') AND sent_on <= ?3"
	                           " ORDER BY sent_on DESC, id DESC LIMIT 1",
	                           e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, client_id);
	bind_id(st, 2, quote_id);
	bind_day(st, 3, on);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*number = col_text(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(d, e);
}
