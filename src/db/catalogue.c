/* catalogue.c — the service catalogue in storage, and the client facts the offer reads. */
#include "dbint.h"

#include <stdlib.h>

#include "charte/db_offer.h"

#define SERVICE_COLS "code, label, vat_rate, unit, price, essential, active"

static void service_from_row(sqlite3_stmt *st, void *row)
{
	service *s = row;
	s->code = col_text(st, 0);
	s->label = col_text(st, 1);
	s->vat_rate = (int)col_int(st, 2);
	s->unit = col_enum(st, 3, &price_units);
	s->price = col_int(st, 4);
	s->essential = col_int(st, 5) != 0;
	s->active = col_int(st, 6) != 0;
}

int db_service_put(db *d, const service *s, bool replace, bool *added, cerr *e)
{
	/* Two constant statements: keep the existing row, or update it. */
	static const char keep_sql[] =
	    "INSERT INTO services(" SERVICE_COLS ") VALUES (?, ?, ?, ?, ?, ?, ?)"
	    " ON CONFLICT(code) DO NOTHING";
	static const char replace_sql[] =
	    "INSERT INTO services(" SERVICE_COLS ") VALUES (?, ?, ?, ?, ?, ?, ?)"
	    " ON CONFLICT(code) DO UPDATE SET label = excluded.label,"
	    " vat_rate = excluded.vat_rate, unit = excluded.unit, price = excluded.price,"
	    " essential = excluded.essential, active = excluded.active";
	bool existed = false;
	sqlite3_stmt *st = db_prep(d, "SELECT 1 FROM services WHERE code = ?", e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, s->code);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		existed = true;
	else if (rc != SQLITE_DONE)
		return db_fail(d, e);
	if (added)
		*added = !existed;
	if (existed && !replace)
		return ST_OK;
	st = db_prep(d, replace ? replace_sql : keep_sql, e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, s->code);
	bind_text(st, 2, s->label);
	bind_int(st, 3, s->vat_rate);
	bind_text(st, 4, enum_name(&price_units, s->unit));
	bind_int(st, 5, s->price);
	bind_int(st, 6, s->essential);
	bind_int(st, 7, s->active);
	return db_run(d, st, e);
}

int db_service_get(db *d, const char *code, service *out, cerr *e)
{
	sqlite3_stmt *st = db_prep(d, "SELECT " SERVICE_COLS " FROM services WHERE code = ?", e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, code);
	int r = db_row(d, st, service_from_row, out, e);
	if (r == ST_NOT_FOUND)
		return err_set(e, ST_NOT_FOUND, "service",
		               _("no service '%s': see 'charte service list'"), code);
	return r;
}

int db_services_list(db *d, bool with_inactive, service **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(d,
	                           "SELECT " SERVICE_COLS " FROM services WHERE active = 1 OR ?"
	                           " ORDER BY code",
	                           e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, with_inactive);
	return db_rows(d, st, sizeof **rows, service_from_row, rows, n, e);
}

int db_offer_client(db *d, int64_t id, char **name, bool *wants_quote, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d, "SELECT trim(name || ' ' || first_name), wants_quote FROM clients WHERE id = ?", e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (name)
			*name = col_text(st, 0);
		if (wants_quote)
			*wants_quote = col_int(st, 1) != 0;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc == SQLITE_DONE)
		return err_set(e, ST_NOT_FOUND, "client", _("no client %lld"), (long long)id);
	return db_fail(d, e);
}

int db_offer_client_activate(db *d, int64_t id, cerr *e)
{
	sqlite3_stmt *st = db_prep(
	    d, "UPDATE clients SET status = 'active' WHERE id = ? AND status <> 'active'", e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, id);
	return db_run(d, st, e);
}
