/* listing.c — one way to page a listing: keyset pages both ways, a stream, a count (dbint.h).
 *
 * A page after a key is `WHERE filters AND (k1, k2, …) > (:k0, :k1, …) ORDER BY k1, k2, …
 * LIMIT :limit` (the comparison and the order flipped for a descending list or a page
 * backwards), which SQLite answers from an index ordered by the key in about `limit` steps,
 * however deep the page. The statement's text depends only on the listing, which filters are
 * set and the kind of query: it is prepared once and kept in the connection's listing cache. */
#include "dbint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum list_mode {
	MODE_FIRST,     /* list order, from the first row */
	MODE_AFTER,     /* list order, after a key */
	MODE_LAST,      /* reverse order, from the last row (then turned back) */
	MODE_BEFORE,    /* reverse order, before a key (then turned back) */
	MODE_EACH,      /* ascending key order, every row */
	MODE_COUNT,     /* count(*) */
};

int db_bind_index(sqlite3_stmt *st, const char *name)
{
	return sqlite3_bind_parameter_index(st, name);
}

static size_t key_len(const db_listing *l)
{
	size_t k = 0;
	while (k < DB_KEY_MAX && l->key[k])
		k++;
	return k;
}

/* The statement's text, from the listing's constant pieces only. */
static char *list_sql(const db_listing *l, unsigned set, enum list_mode mode)
{
	strbuf sql = {0};
	if (mode == MODE_COUNT)
		sb_addf(&sql, "SELECT count(*) FROM (%s", l->select);
	else
		sb_add(&sql, l->select);
	bool where = false;
	for (size_t i = 0; i < l->nfilters; i++) {
		if (!(set & (1u << i)))
			continue;
		sb_add(&sql, where ? " AND (" : " WHERE (");
		sb_add(&sql, l->filters[i]);
		sb_add(&sql, ")");
		where = true;
	}
	if (mode == MODE_COUNT) {
		sb_add(&sql, ")");
		return sql.s;
	}
	/* Ascending key order for the list read forwards on an ascending list, or backwards on a
	 * descending one, and for `each`. */
	bool ascending = mode == MODE_EACH || (mode == MODE_FIRST || mode == MODE_AFTER) != l->descending;
	size_t nk = key_len(l);
	if (mode == MODE_AFTER || mode == MODE_BEFORE) {
		sb_add(&sql, where ? " AND (" : " WHERE (");
		for (size_t k = 0; k < nk; k++)
			sb_addf(&sql, "%s%s", k ? ", " : "", l->key[k]);
		sb_add(&sql, ascending ? ") > (" : ") < (");
		for (size_t k = 0; k < nk; k++)
			sb_addf(&sql, "%s:k%zu", k ? ", " : "", k);
		sb_add(&sql, ")");
	}
	sb_add(&sql, " ORDER BY ");
	for (size_t k = 0; k < nk; k++)
		sb_addf(&sql, "%s%s%s", k ? ", " : "", l->key[k], ascending ? "" : " DESC");
	if (mode != MODE_EACH)
		sb_add(&sql, " LIMIT :limit");
	return sql.s;
}

/* The listing's statement for (set, mode): from the cache, reset and unbound, else prepared
 * and kept (the oldest entry makes room). So an `each` callback must not stream the same
 * listing with the same filters again (it would restart the outer stream). */
static sqlite3_stmt *list_stmt(db *d, const db_listing *l, unsigned set, enum list_mode mode,
			       cerr *e)
{
	for (int i = 0; i < d->nlists; i++) {
		struct db_list_stmt *c = &d->lists[i];
		if (c->listing == l && c->set == set && c->mode == (int)mode) {
			sqlite3_reset(c->st);
			sqlite3_clear_bindings(c->st);
			return c->st;
		}
	}
	char *sql = list_sql(l, set, mode);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(d->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK) {
		db_fail(d, e);
		return NULL;
	}
	struct db_list_stmt *c;
	if (d->nlists < DB_LIST_CACHE) {
		c = &d->lists[d->nlists++];
	} else {
		c = &d->lists[d->next_list];
		d->next_list = (d->next_list + 1) % DB_LIST_CACHE;
		sqlite3_finalize(c->st);
	}
	*c = (struct db_list_stmt){l, set, (int)mode, st};
	return st;
}

/* The statement with the filter's parameters, the key of `from` and the limit bound. */
static sqlite3_stmt *list_prepare(db *d, const db_listing *l, const void *filter,
				  const void *from, enum list_mode mode, int limit, cerr *e)
{
	unsigned set = l->set ? l->set(filter) : 0;
	sqlite3_stmt *st = list_stmt(d, l, set, mode, e);
	if (!st)
		return NULL;
	if (l->bind)
		l->bind(st, filter);
	if (from && (mode == MODE_AFTER || mode == MODE_BEFORE)) {
		int param[DB_KEY_MAX] = {0};
		char name[32];
		for (size_t k = 0; k < key_len(l); k++) {
			snprintf(name, sizeof name, ":k%zu", k);
			param[k] = sqlite3_bind_parameter_index(st, name);
		}
		l->bind_key(st, param, from);
	}
	int i = sqlite3_bind_parameter_index(st, ":limit");
	if (i)
		sqlite3_bind_int(st, i, limit);
	return st;
}

int db_list_page(db *d, const db_listing *l, const void *filter, const void *from, bool backward,
		 int limit, void *rows, size_t *n, cerr *e)
{
	void *none = NULL;
	memcpy(rows, &none, sizeof none);
	*n = 0;
	enum list_mode mode = backward ? (from ? MODE_BEFORE : MODE_LAST)
				       : (from ? MODE_AFTER : MODE_FIRST);
	sqlite3_stmt *st = list_prepare(d, l, filter, from, mode, limit, e);
	if (!st)
		return ST_DB;
	char *buf = xcalloc((size_t)(limit > 0 ? limit : 1), l->row_size);
	int rc = SQLITE_DONE;
	while (*n < (size_t)limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		l->read(st, buf + (*n)++ * l->row_size);
	if (*n < (size_t)limit && rc != SQLITE_DONE) {
		int r = db_fail(d, e);
		sqlite3_reset(st);
		for (size_t i = 0; i < *n; i++)
			l->free_row(buf + i * l->row_size);
		free(buf);
		*n = 0;
		return r;
	}
	sqlite3_reset(st);
	if (backward) { /* read in reverse: turn the page back into list order */
		char *tmp = xmalloc(l->row_size);
		for (size_t i = 0; i < *n / 2; i++) {
			char *a = buf + i * l->row_size, *b = buf + (*n - 1 - i) * l->row_size;
			memcpy(tmp, a, l->row_size);
			memcpy(a, b, l->row_size);
			memcpy(b, tmp, l->row_size);
		}
		free(tmp);
	}
	memcpy(rows, &buf, sizeof buf); /* the caller's T *, as db_rows */
	return ST_OK;
}

int db_list_each(db *d, const db_listing *l, const void *filter,
		 int (*fn)(const void *row, void *arg), void *arg, cerr *e)
{
	sqlite3_stmt *st = list_prepare(d, l, filter, NULL, MODE_EACH, 0, e);
	if (!st)
		return ST_DB;
	void *row = xmalloc(l->row_size);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(row, 0, l->row_size);
		l->read(st, row);
		int stop = fn(row, arg);
		l->free_row(row);
		if (stop)
			break;
	}
	free(row);
	int r = rc == SQLITE_DONE || rc == SQLITE_ROW ? ST_OK : db_fail(d, e);
	sqlite3_reset(st);
	return r;
}

int db_list_count(db *d, const db_listing *l, const void *filter, int64_t *n, cerr *e)
{
	*n = 0;
	sqlite3_stmt *st = list_prepare(d, l, filter, NULL, MODE_COUNT, 0, e);
	if (!st)
		return ST_DB;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	int r = rc == SQLITE_ROW ? ST_OK : db_fail(d, e);
	sqlite3_reset(st);
	return r;
}
