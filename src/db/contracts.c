/* contracts.c — contracts and their weekly slots in storage. */
#include "dbint.h"

#include <stdlib.h>
#include <string.h>

#include "charte/db_offer.h"
#include "charte/db_findings.h"
#include "charte/db_clients.h"

/* The contracts in the client's history (db_client_history). */
const db_history_source db_contract_history_sources[] = {
	{"contracts", "contract", "written",
	 "SELECT " HISTORY_WHEN("contracts", "date") ", number, id, kind, '', '' FROM contracts"
	 " WHERE client_id = :id"},
	{"contracts", "contract", "signed",
	 "SELECT " HISTORY_WHEN("contracts", "signed_on") ", number, id, kind, '', '' FROM contracts"
	 " WHERE client_id = :id AND signed_on IS NOT NULL"},
	{"contracts", "contract", "started",
	 "SELECT start, number, id, kind, '', '' FROM contracts"
	 " WHERE client_id = :id AND start IS NOT NULL"},
	{"contracts", "contract", "withdrawn",
	 "SELECT " HISTORY_WHEN("contracts", "withdrawn_on") ", number, id, kind, '', '' FROM contracts"
	 " WHERE client_id = :id AND withdrawn_on IS NOT NULL"},
	{"contracts", "contract", "notice",
	 "SELECT " HISTORY_WHEN("contracts", "notice_on") ", number, id, kind, ended_on, '' FROM contracts"
	 " WHERE client_id = :id AND notice_on IS NOT NULL"},
	{"contracts", "contract", "ended",
	 "SELECT ended_on, number, id, kind, '', '' FROM contracts"
	 " WHERE client_id = :id AND ended_on IS NOT NULL"},
	{NULL, NULL, NULL, NULL},
};

/* This area's charter findings: one query per slug (db/findings.c runs them). */
const db_finding_query db_contract_findings[] = {
	/* O2 (R3): a signed contract at or over the threshold a month, or for a client who asked,
	 * had a quote given (sent or accepted) on or before its signature: its own quote when it
	 * names one, else any quote of the client. */
	{"quote-missing",
	 "SELECT k.id, k.number, trim(c.name || ' ' || c.first_name), k.signed_on,"
	 "  (k.monthly_incl / 100) || '.' || substr('0' || (k.monthly_incl % 100), -2)"
	 " FROM contracts k JOIN clients c ON c.id = k.client_id"
	 " WHERE k.signed_on IS NOT NULL AND k.status <> 'withdrawn'"
	 "   AND (k.monthly_incl >= :threshold OR c.wants_quote = 1)"
	 "   AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.client_id = k.client_id"
	 "     AND (k.quote_id IS NULL OR q.id = k.quote_id)"
	 "     AND q.status IN ('sent', 'accepted') AND q.sent_on <= k.signed_on)"
	 " ORDER BY k.id"},
	/* O4: a recurring contract that has started, or has a visit planned or done, is signed.
	 * c: how many visits planned or done it has (a probe of visits_by_contract each). */
	{"contract-unsigned",
	 "SELECT id, number, name, start, visits FROM ("
	 " SELECT k.id, k.number, trim(c.name || ' ' || c.first_name) AS name, k.start,"
	 "  (SELECT count(*) FROM visits v WHERE v.contract_id = k.id"
	 "   AND v.status IN ('planned', 'done')) AS visits"
	 " FROM contracts k JOIN clients c ON c.id = k.client_id"
	 " WHERE k.kind = 'recurring' AND k.signed_on IS NULL"
	 "   AND k.status NOT IN ('withdrawn', 'ended')"
	 " ORDER BY k.start, k.id)" /* the order of the partial index contracts_unsigned */
	 " WHERE start <= :today OR visits > 0 ORDER BY start, id"},
	{NULL, NULL},
};

#define CONTRACT_COLS                                                                              \
	"k.id, k.number, k.client_id, trim(c.name || ' ' || c.first_name), k.quote_id, "           \
	"q.number, k.kind, k.date, k.start, k.hourly_price_excl, k.vat_rate, k.hours, "            \
	"k.skills, k.signed_on, k.at_agency, k.express_start, k.withdrawal_end, k.notice_on, "     \
	"k.ended_on, k.withdrawn_on, k.status, k.monthly_incl, k.created_by, k.skip_holidays, "    \
	"k.notes"
#define CONTRACT_FROM                                                                              \
	" FROM contracts k LEFT JOIN clients c ON c.id = k.client_id"                              \
	" LEFT JOIN quotes q ON q.id = k.quote_id"


static void contract_from_row(sqlite3_stmt *st, void *row)
{
	contract *k = row;
	contract_init(k);
	k->id = col_int(st, 0);
	k->number = col_text(st, 1);
	k->client_id = col_int(st, 2);
	k->client_name = col_text(st, 3);
	k->quote_id = col_int(st, 4);
	k->quote_number = col_text(st, 5);
	k->kind = col_enum_or(st, 6, &contract_kinds, CONTRACT_RECURRING);
	k->date = col_day(st, 7);
	k->start = col_day(st, 8);
	k->hourly_excl = col_int(st, 9);
	k->vat_rate = (int)col_int(st, 10);
	k->hours = col_int(st, 11);
	k->skills = col_text(st, 12);
	k->signed_on = col_day(st, 13);
	k->at_agency = col_int(st, 14) != 0;
	k->express_start = col_int(st, 15) != 0;
	k->withdrawal_end = col_day(st, 16);
	k->notice_on = col_day(st, 17);
	k->ended_on = col_day(st, 18);
	k->withdrawn_on = col_day(st, 19);
	k->status = col_enum_or(st, 20, &contract_statuses, CONTRACT_DRAFT);
	k->monthly_incl = col_int(st, 21);
	k->created_by = col_text(st, 22);
	k->skip_holidays = col_int(st, 23) != 0;
	k->notes = col_text(st, 24);
}

/* The stored fields but id and created_by: parameters 1 to 19, 21 and 22. */
static void bind_contract(sqlite3_stmt *st, const contract *k)
{
	bind_text(st, 1, k->number);
	bind_int(st, 2, k->client_id);
	bind_id(st, 3, k->quote_id);
	bind_text(st, 4, enum_name(&contract_kinds, k->kind));
	bind_day(st, 5, k->date);
	bind_day(st, 6, k->start);
	bind_int(st, 7, k->hourly_excl);
	bind_int(st, 8, k->vat_rate);
	bind_int(st, 9, k->hours);
	bind_text(st, 10, k->skills ? k->skills : "");
	bind_day(st, 11, k->signed_on);
	bind_int(st, 12, k->at_agency);
	bind_int(st, 13, k->express_start);
	bind_day(st, 14, k->withdrawal_end);
	bind_day(st, 15, k->notice_on);
	bind_day(st, 16, k->ended_on);
	bind_day(st, 17, k->withdrawn_on);
	bind_text(st, 18, enum_name(&contract_statuses, k->status));
	bind_int(st, 19, k->monthly_incl);
	bind_int(st, 21, k->skip_holidays);
	bind_text(st, 22, k->notes ? k->notes : "");
}

int db_contract_insert(db *d, contract *k, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "INSERT INTO contracts(number, client_id, quote_id, kind, date, start, "
	    "hourly_price_excl, vat_rate, hours, skills, signed_on, at_agency, express_start, "
	    "withdrawal_end, notice_on, ended_on, withdrawn_on, status, monthly_incl, created_by, "
	    "skip_holidays, notes) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
	    "?18, ?19, ?20, ?21, ?22)",
	    e);
	if (!st)
		return ST_DB;
	bind_contract(st, k);
	bind_text(st, 20, k->created_by);
	return db_insert(d, st, &k->id, e);
}

int db_contract_update(db *d, const contract *k, cerr *e)
{
	sqlite3_stmt *st =
	    db_prep(d,
	            "UPDATE contracts SET number = ?1, client_id = ?2, quote_id = ?3, kind = ?4, "
	            "date = ?5, start = ?6, hourly_price_excl = ?7, vat_rate = ?8, hours = ?9, "
	            "skills = ?10, signed_on = ?11, at_agency = ?12, express_start = ?13, "
	            "withdrawal_end = ?14, notice_on = ?15, ended_on = ?16, withdrawn_on = ?17, "
	            "status = ?18, monthly_incl = ?19, skip_holidays = ?21, notes = ?22 WHERE id = ?20",
	            e);
	if (!st)
		return ST_DB;
	bind_contract(st, k);
	bind_int(st, 20, k->id);
	int r = db_change(d, st, e);
	return db_missing(r, e, "contract", _("no contract %lld"), k->id);
}

int db_contract_get(db *d, int64_t id, contract *out, cerr *e)
{
	int r = db_row_id(d, "SELECT " CONTRACT_COLS CONTRACT_FROM " WHERE k.id = ?", id,
	                  contract_from_row, out, e);
	return db_missing(r, e, "contract", _("no contract %lld"), id);
}

int db_contract_by_number(db *d, const char *number, contract *out, cerr *e)
{
	sqlite3_stmt *st =
	    db_prep(d, "SELECT " CONTRACT_COLS CONTRACT_FROM " WHERE k.number = ?", e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, number);
	int r = db_row(d, st, contract_from_row, out, e);
	if (r == ST_NOT_FOUND)
		return err_set(e, ST_NOT_FOUND, "contract", _("no contract %s"), number);
	return r;
}

/* ---- the listing ---- */

enum {
	F_DRAFT,
	F_SIGNED,
	F_ACTIVE,
	F_ENDED,
	F_WITHDRAWN,
	F_RECURRING,
	F_ONE_OFF,
	F_CLIENT,
	F_SEARCH, /* the search filters, in the order of db_offer_search_filter */
	F_COUNT = F_SEARCH + OFFER_SEARCH_COUNT
};

/* The status is the one shown: a signed contract whose start is reached is active; as
 * contract_status_on, after notice a signed contract runs to its end date. */
static const char *const contract_filters[F_COUNT] = {
	[F_DRAFT] = "k.status = 'draft'",
	[F_SIGNED] = "(k.status = 'signed' OR (k.status = 'ended' AND k.signed_on IS NOT NULL"
		     " AND k.ended_on >= :today)) AND k.start > :today",
	[F_ACTIVE] = "(k.status IN ('signed', 'active') OR (k.status = 'ended' AND"
		     " k.signed_on IS NOT NULL AND k.ended_on >= :today)) AND k.start <= :today",
	[F_ENDED] = "k.status = 'ended' AND (k.signed_on IS NULL OR k.ended_on < :today)",
	[F_WITHDRAWN] = "k.status = 'withdrawn'",
	[F_RECURRING] = "k.kind = 'recurring'",
	[F_ONE_OFF] = "k.kind = 'one-off'",
	[F_CLIENT] = "k.client_id = :client",
	[F_SEARCH] = OFFER_SEARCH_FILTERS("k"),
};

static unsigned filters_set(const void *filter)
{
	const contract_filter *f = filter;
	unsigned set = 0;
	switch (f->status) {
	case CONTRACT_DRAFT: set = 1u << F_DRAFT; break;
	case CONTRACT_SIGNED: set = 1u << F_SIGNED; break;
	case CONTRACT_ACTIVE: set = 1u << F_ACTIVE; break;
	case CONTRACT_ENDED: set = 1u << F_ENDED; break;
	case CONTRACT_WITHDRAWN: set = 1u << F_WITHDRAWN; break;
	default: break;
	}
	if (f->kind == CONTRACT_RECURRING)
		set |= 1u << F_RECURRING;
	else if (f->kind == CONTRACT_ONE_OFF)
		set |= 1u << F_ONE_OFF;
	if (f->client_id)
		set |= 1u << F_CLIENT;
	if (f->search && !str_blank(f->search))
		set |= 1u << db_offer_search_filter(f->search, 'C', F_SEARCH);
	return set;
}

static void bind_filter(sqlite3_stmt *st, const void *filter)
{
	const contract_filter *f = filter;
	db_offer_bind_filter(st, f->today, f->client_id, f->search);
	db_offer_bind_number(st, f->search, 'C');
}

static void bind_key(sqlite3_stmt *st, const int *param, const void *row)
{
	const contract *k = row;
	bind_day(st, param[0], k->date);
	bind_int(st, param[1], k->id);
}

static void free_contract(void *row)
{
	contract_free(row);
}

/* Contracts by date, newest first. */
static const db_listing contracts_by_date = {
	.select = "SELECT " CONTRACT_COLS CONTRACT_FROM,
	.key = {"k.date", "k.id"},
	.descending = true,
	.filters = contract_filters,
	.nfilters = F_COUNT,
	.set = filters_set,
	.bind = bind_filter,
	.bind_key = bind_key,
	.row_size = sizeof(contract),
	.read = contract_from_row,
	.free_row = free_contract,
};

DB_LISTING_PAGE(contracts, contract, contract_filter, contracts_by_date)
DB_LISTING_EACH(contracts, contract, contract_filter, contracts_by_date)

int db_contract_of_quote(db *d, int64_t quote_id, int64_t except, char **number, cerr *e)
{
	*number = NULL;
	sqlite3_stmt *st = db_prep(d,
	                           "SELECT number FROM contracts WHERE quote_id = ? AND id <> ?"
	                           " AND status <> 'withdrawn' ORDER BY id LIMIT 1",
	                           e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, quote_id);
	bind_int(st, 2, except);
	return db_row_if(d, st, db_read_texts, number, NULL, e);
}

/* ---- lines ---- */

#define LINE_COLS                                                                                  \
	"id, contract_id, position, service_code, label, hours, hourly_price_excl, vat_rate"

static void read_line(sqlite3_stmt *st, void *row)
{
	contract_line *l = row;
	contract_line_init(l);
	l->id = col_int(st, 0);
	l->contract_id = col_int(st, 1);
	l->position = (int)col_int(st, 2);
	l->service_code = col_text(st, 3);
	l->label = col_text(st, 4);
	l->hours = col_int(st, 5);
	l->hourly_excl = col_int(st, 6);
	l->vat_rate = (int)col_int(st, 7);
}

int db_contract_lines(db *d, int64_t contract_id, contract_line **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(
	    d, "SELECT " LINE_COLS " FROM contract_lines WHERE contract_id = ? ORDER BY position", e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, contract_id);
	return db_rows(d, st, sizeof **rows, read_line, rows, n, e);
}

/* A line's own values, as parameters ?2 to ?6 (insert and update alike). */
static void bind_line(sqlite3_stmt *st, const contract_line *l)
{
	bind_text(st, 2, l->service_code);
	bind_text(st, 3, l->label);
	bind_int(st, 4, l->hours);
	bind_int(st, 5, l->hourly_excl);
	bind_int(st, 6, l->vat_rate);
}

int db_contract_line_insert(db *d, contract_line *l, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d,
	    "INSERT INTO contract_lines(contract_id, position, service_code, label, hours, "
	    "hourly_price_excl, vat_rate) VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM "
	    "contract_lines WHERE contract_id = ?1), ?2, ?3, ?4, ?5, ?6) RETURNING id, position",
	    e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, l->contract_id);
	bind_line(st, l);
	return db_offer_line_insert(d, st, &l->id, &l->position, e);
}

int db_contract_line_update(db *d, const contract_line *l, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
	                           "UPDATE contract_lines SET service_code = ?2, label = ?3, hours = ?4,"
	                           " hourly_price_excl = ?5, vat_rate = ?6 WHERE id = ?1",
	                           e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, l->id);
	bind_line(st, l);
	int r = db_change(d, st, e);
	return db_missing(r, e, "line", _("no contract line %lld"), l->id);
}

int db_contract_line_delete(db *d, int64_t id, cerr *e)
{
	int r = db_change_id(d, "DELETE FROM contract_lines WHERE id = ?", id, e);
	return db_missing(r, e, "line", _("no contract line %lld"), id);
}

/* ---- slots ---- */

#define SLOT_COLS "id, contract_id, weekday, starts, ends, service_code, line_id, worker_id"

static void slot_from_row(sqlite3_stmt *st, void *row)
{
	contract_slot *s = row;
	s->id = col_int(st, 0);
	s->contract_id = col_int(st, 1);
	s->weekday = (int)col_int(st, 2);
	s->starts = col_clock(st, 3);
	s->ends = col_clock(st, 4);
	s->service_code = col_text(st, 5);
	s->line_id = col_int(st, 6);
	s->worker_id = col_int(st, 7);
}

int db_contract_slots(db *d, int64_t contract_id, contract_slot **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(d,
	                           "SELECT " SLOT_COLS " FROM contract_slots WHERE contract_id = ?"
	                           " ORDER BY weekday, starts, id",
	                           e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, contract_id);
	return db_rows(d, st, sizeof **rows, slot_from_row, rows, n, e);
}

int db_contract_slot_get(db *d, int64_t id, contract_slot *out, cerr *e)
{
	int r = db_row_id(d, "SELECT " SLOT_COLS " FROM contract_slots WHERE id = ?", id,
	                  slot_from_row, out, e);
	return db_missing(r, e, "slot", _("no schedule slot %lld"), id);
}

/* Parameters 1 to 4: what an update writes (weekday, starts, ends, worker). */
static void bind_slot(sqlite3_stmt *st, const contract_slot *s)
{
	bind_int(st, 1, s->weekday);
	bind_clock(st, 2, s->starts);
	bind_clock(st, 3, s->ends);
	bind_id(st, 4, s->worker_id);
}

int db_contract_slot_insert(db *d, contract_slot *s, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
	                           "INSERT INTO contract_slots(weekday, starts, ends, worker_id, "
	                           "contract_id, service_code, line_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
	                           e);
	if (!st)
		return ST_DB;
	bind_slot(st, s);
	bind_int(st, 5, s->contract_id);
	bind_text(st, 6, s->service_code);
	bind_id(st, 7, s->line_id);
	return db_insert(d, st, &s->id, e);
}

int db_contract_slot_update(db *d, const contract_slot *s, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
	                           "UPDATE contract_slots SET weekday = ?, starts = ?, ends = ?,"
	                           " worker_id = ? WHERE id = ?",
	                           e);
	if (!st)
		return ST_DB;
	bind_slot(st, s);
	bind_int(st, 5, s->id);
	int r = db_change(d, st, e);
	return db_missing(r, e, "slot", _("no schedule slot %lld"), s->id);
}

int db_contract_slot_delete(db *d, int64_t id, cerr *e)
{
	int r = db_change_id(d, "DELETE FROM contract_slots WHERE id = ?", id, e);
	return db_missing(r, e, "slot", _("no schedule slot %lld"), id);
}
