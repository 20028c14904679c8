/* dbint.h — private to src/db: the connection and small statement helpers, fossil-style. */
#ifndef CHARTE_DBINT_H
#define CHARTE_DBINT_H

#include <sqlite3.h>

#include "charte/db.h"

#define DB_CACHE 160
#define DB_LIST_CACHE 32

struct db_listing;

struct db {
	sqlite3 *h;
	char *path;
	int depth;      /* transaction nesting */
	bool failed;    /* an inner level failed: the outer commit rolls back */
	bool audit;
	bool audit_ready; /* the file has audit_context (after db_migrate) */
	bool bulk;        /* audit off in this transaction: count every table's changes at the end */
	char actor[64];
	char clock[17]; /* YYYY-MM-DD HH:MM of the app's now, for the audit trail */
	struct {
		const char *sql;
		sqlite3_stmt *st;
	} cache[DB_CACHE];
	int ncache;
	struct db_list_stmt { /* listing statements (listing.c), by listing, filters and mode */
		const struct db_listing *listing;
		unsigned set;
		int mode;
		sqlite3_stmt *st;
	} lists[DB_LIST_CACHE];
	int nlists, next_list;
	/* While another desk holds the write lock: who to tell that we wait (db_set_waiting). */
	void (*waiting)(int ms, void *arg);
	void *waiting_arg;
};

/* Wait for another desk's write (the busy handler of db.c), or fail at once when it holds the
 * lock (a cache that can be written next time). */
void db_busy_wait(db *d, bool wait);
/* A cached, reset statement for a constant SQL text; NULL after filling e. */
sqlite3_stmt *db_prep(db *d, const char *sql, cerr *e);
/* Record a SQLite failure in e: constraint failures are ST_INVALID, the rest ST_DB. */
int db_fail(db *d, cerr *e);
/* Step a statement that returns no row; resets it. */
int db_run(db *d, sqlite3_stmt *st, cerr *e);
/* Step an INSERT as db_run; *id (may be NULL) gets the new row's id. */
int db_insert(db *d, sqlite3_stmt *st, int64_t *id, cerr *e);
/* Step an UPDATE or DELETE of one row as db_run: ST_NOT_FOUND when it changed none (e left for
 * the caller to word). */
int db_change(db *d, sqlite3_stmt *st, cerr *e);
/* The same for a constant statement whose one parameter is an id ("DELETE FROM t WHERE id = ?"). */
int db_change_id(db *d, const char *sql, int64_t id, cerr *e);
/* r as it is, but ST_NOT_FOUND worded: `message` (translated, taking the id as %lld) on `field`.
 * So a lookup or a change by id ends `return db_missing(r, e, "id", _("no visit %lld"), id);`. */
int db_missing(int r, cerr *e, const char *field, const char *message, int64_t id);
/* Step a bound statement for its one row, read by `read` into `row`: ST_OK, or ST_NOT_FOUND
 * when there is none (e left for the caller to word); reset after. */
int db_row(db *d, sqlite3_stmt *st, void (*read)(sqlite3_stmt *st, void *row), void *row,
	   cerr *e);
/* db_row for a constant SELECT whose one parameter is an id ("SELECT … WHERE x.id = ?"). */
int db_row_id(db *d, const char *sql, int64_t id, void (*read)(sqlite3_stmt *st, void *row),
              void *row, cerr *e);
/* Step a bound statement for at most one row, read by `read` (may be NULL) into `row` when
 * there is one; *found (may be NULL) says whether there was. No row is not an error. */
int db_row_if(db *d, sqlite3_stmt *st, void (*read)(sqlite3_stmt *st, void *row), void *row,
	      bool *found, cerr *e);
/* Readers of a row for db_row, db_row_if and db_rows: every column into an array of as many,
 * as int64_t, or as owned char * (NULL for NULL). */
void db_read_ints(sqlite3_stmt *st, void *row);
void db_read_texts(sqlite3_stmt *st, void *row);
/* Every row of a bound statement, each read by `read` into zeroed memory of `size` bytes, as
 * one array (caller frees; NULL when none); reset after. `rows` is the address of the caller's
 * pointer to its rows (a T **, with size sizeof **rows), so that an area returns its rows as
 * they come: `return db_rows(d, st, sizeof **rows, read_visit, rows, n, e);`. */
int db_rows(db *d, sqlite3_stmt *st, size_t size, void (*read)(sqlite3_stmt *st, void *row),
	    void *rows, size_t *n, cerr *e);
/* Run SQL without parameters (schema, pragmas). */
int db_exec(db *d, const char *sql, cerr *e);

void bind_text(sqlite3_stmt *st, int i, const char *s);  /* NULL -> NULL */
void bind_int(sqlite3_stmt *st, int i, int64_t v);
void bind_id(sqlite3_stmt *st, int i, int64_t v);        /* 0 -> NULL */
void bind_minute(sqlite3_stmt *st, int i, cminute t);    /* NO_MINUTE -> NULL */
void bind_day(sqlite3_stmt *st, int i, cday day);        /* NO_DAY -> NULL */
void bind_clock(sqlite3_stmt *st, int i, int minutes);   /* a time of day, HH:MM */
char *col_text(sqlite3_stmt *st, int i);                 /* owned copy, NULL for NULL */
cminute col_minute(sqlite3_stmt *st, int i);
cday col_day(sqlite3_stmt *st, int i);
int col_clock(sqlite3_stmt *st, int i);                  /* HH:MM -> minutes, 0 for NULL */
int64_t col_int(sqlite3_stmt *st, int i);
/* A stored name -> its value in the table t (t->unknown for a name it lacks). */
#define col_enum(st, i, t) enum_value((t), (const char *)sqlite3_column_text((st), (i)))
/* The same, `otherwise` for a name the table lacks (a file written by hand). */
static inline int col_enum_or(sqlite3_stmt *st, int i, const enum_table *t, int otherwise)
{
	int v = col_enum(st, i, t);
	return v < 0 ? otherwise : v;
}

/* Words typed by a person -> an FTS5 query over a table with a phone_search column, or NULL
 * when nothing searchable was typed (then no search filter applies). One rule for every
 * search: words as prefixes, accents ignored; digits alone are a phone number. */
char *db_fts_query(const char *typed);
/* True when every word typed is one or two characters long: a prefix that matches a good part
 * of the file, for which a list is better read in its own order, keeping the matches. */
bool db_search_is_broad(const char *typed);

/* ---- one way to page a listing (listing.c) ----
 *
 * A listing is a list described once: its select, its key (the columns it is ordered by, unique
 * as a whole: the last is an id), its filters (WHERE fragments with named parameters, each used
 * only when the filter is set, and bound by name) and its row reader. db_list_page pages it by
 * key both ways and db_list_each streams it; both compose their SQL from these constant pieces
 * only, never from data. A filtered listing should have an index ordered like its key whose
 * WHERE its filters imply (schema.c), so that a page reads about `limit` rows. */
#define DB_KEY_MAX 4
typedef struct db_listing {
	const char *select;               /* "SELECT columns FROM tables", without WHERE */
	const char *key[DB_KEY_MAX];      /* the key's columns in list order; NULL after the last */
	bool descending;                  /* the list shows the key descending (newest first) */
	const char *const *filters;       /* WHERE fragments, numbered as the bits of `set` */
	size_t nfilters;
	/* Which filters a filter value sets (bit i: filters[i]), and their parameters, bound by
	 * name (db_bind_index finds one; a parameter the statement lacks is skipped). */
	unsigned (*set)(const void *filter);
	void (*bind)(sqlite3_stmt *st, const void *filter);
	/* The key of a row as parameters: key column i is parameter param[i]. */
	void (*bind_key)(sqlite3_stmt *st, const int *param, const void *row);
	size_t row_size;
	void (*read)(sqlite3_stmt *st, void *row); /* a row (zeroed memory) from columns 0.. */
	void (*free_row)(void *row);
} db_listing;

/* At most limit rows after `from` (a row of the listing; NULL: from the first), in list
 * order; with backward, the rows just before `from` (NULL: the last page), still in list
 * order. `rows` is the address of the caller's pointer (a T **, as for db_rows), set to an
 * array of l->row_size bytes a row (free each with l->free_row). */
int db_list_page(db *d, const db_listing *l, const void *filter, const void *from, bool backward,
		 int limit, void *rows, size_t *n, cerr *e);
/* Every row of the listing in ascending key order, one at a time, without loading them: fn
 * returns non-zero to stop. The row is freed after fn. */
int db_list_each(db *d, const db_listing *l, const void *filter,
		 int (*fn)(const void *row, void *arg), void *arg, cerr *e);
/* How many rows the filter keeps. */
int db_list_count(db *d, const db_listing *l, const void *filter, int64_t *n, cerr *e);
/* The index of a named parameter, 0 when the statement has none. */
int db_bind_index(sqlite3_stmt *st, const char *name);

/* The typed functions an area's header declares for a listing (name: its plural, as in
 * db_quotes_page), over the generic ones above: rows of `type`, a filter of `filter_type`.
 * DB_LISTING_PAGE defines db_NAME_page, DB_LISTING_EACH db_NAME_each (with the callback that
 * hands each row on as a `type`), DB_LISTING_COUNT db_NAME_count; DB_LISTING_FUNCTIONS the three.
 * An area's file thus keeps only what is its own: its SQL, its columns, its filters and key. */
#define DB_LISTING_PAGE(name, type, filter_type, listing)                                          \
	int db_##name##_page(db *d, const filter_type *f, const type *from, bool backward,          \
			     int limit, type **rows, size_t *n, cerr *e)                            \
	{                                                                                           \
		return db_list_page(d, &listing, f, from, backward, limit, rows, n, e);             \
	}
#define DB_LISTING_EACH(name, type, filter_type, listing)                                          \
	struct name##_each {                                                                        \
		int (*fn)(const type *row, void *arg);                                              \
		void *arg;                                                                          \
	};                                                                                          \
	static int name##_each_row(const void *row, void *arg)                                      \
	{                                                                                           \
		const struct name##_each *each = arg;                                               \
		return each->fn(row, each->arg);                                                    \
	}                                                                                           \
	int db_##name##_each(db *d, const filter_type *f, int (*fn)(const type *row, void *arg),    \
			     void *arg, cerr *e)                                                    \
	{                                                                                           \
		struct name##_each each = {fn, arg};                                                \
		return db_list_each(d, &listing, f, name##_each_row, &each, e);                     \
	}
#define DB_LISTING_COUNT(name, filter_type, listing)                                               \
	int db_##name##_count(db *d, const filter_type *f, int64_t *n, cerr *e)                     \
	{                                                                                           \
		return db_list_count(d, &listing, f, n, e);                                         \
	}
#define DB_LISTING_FUNCTIONS(name, type, filter_type, listing)                                     \
	DB_LISTING_PAGE(name, type, filter_type, listing)                                           \
	DB_LISTING_EACH(name, type, filter_type, listing)                                           \
	DB_LISTING_COUNT(name, filter_type, listing)

/* The filters quotes and contracts share (quotes.c): :today, :client and :q, a search of the
 * client's names or phone. */
void db_offer_bind_filter(sqlite3_stmt *st, cday today, int64_t client_id, const char *search);

/* A search that names a record's number (quotes D2026-0074, contracts C2026-0061, letter being
 * 'D' or 'C'): OFFER_NUMBER_PREFIX for the letter and the start of a number ("D2026-00", any
 * case), found by the number's own index between :nlo and :nhi; OFFER_NUMBER_SEQ for digits alone
 * ("0074", "74": the sequence, whatever the year), numbers probed one a year in :numbers, beside
 * the client search; OFFER_NUMBER_NONE otherwise. */
enum { OFFER_NUMBER_NONE, OFFER_NUMBER_PREFIX, OFFER_NUMBER_SEQ };
int db_offer_number_search(const char *search, char letter);
/* Which of a listing's five search filters, in this order from `first`, a search takes: the
 * client search (names, phone), the same broad (db_search_is_broad), the number's start, digits
 * (the client search or the sequence), the same broad. */
int db_offer_search_filter(const char *search, char letter, int first);
/* Step the INSERT of a quote's or a contract's line, which ends RETURNING id, position (the
 * line's place after the others). */
int db_offer_line_insert(db *d, sqlite3_stmt *st, int64_t *id, int *position, cerr *e);
/* Bind :nlo, :nhi (a prefix) or :seq and :letter (digits) for such a search. */
void db_offer_bind_number(sqlite3_stmt *st, const char *search, char letter);
/* How many search filters OFFER_SEARCH_FILTERS gives. */
#define OFFER_SEARCH_COUNT 5
/* The five search filters on the table aliased `t` (a string: "q"), in the order above: a
 * listing's filters from the one db_offer_search_filter is given as `first`. A search that
 * matches many clients (db_search_is_broad) reads the records by date and keeps those of the
 * matching clients (the + keeps SQLite from reading them client by client, then sorting them
 * all), which finds a page of them at once; a number is found by the number's index. */
#define OFFER_SEARCH_FILTERS(t)                                                                \
	t ".client_id IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH :q)",          \
	"+" t ".client_id IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH :q)",      \
	t ".number >= :nlo AND " t ".number < :nhi",                                           \
	"(" t ".client_id IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH :q)"       \
	" OR " OFFER_NUMBERS_OF_SEQ(t ".number") ")",                                          \
	"(+" t ".client_id IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH :q)"      \
	" OR " OFFER_NUMBERS_OF_SEQ("+" t ".number") ")"
/* The SQL of the digits' filter on column `number`: every year's number of that sequence. */
#define OFFER_NUMBERS_OF_SEQ(number)                                                          \
	number " IN (WITH RECURSIVE y(n) AS (SELECT 2000 UNION ALL SELECT n + 1 FROM y"      \
	       " WHERE n < 2199) SELECT :letter || n || '-' || :seq FROM y)"

/* Schema (schema.c). */
int db_migrate(db *d, int max_version, cerr *e);

/* ---- the client's history (S2): each area's sources use these ---- */

/* When an event known by its day was recorded: the audit trail's time of the change that gave
 * COL its value on that day (the insert for a new record), so that it sorts among the calls of
 * that day; NULL when it was typed in on another day (a paper contract signed earlier), and
 * then the day alone stands. */
#define HISTORY_RECORDED(tbl, row, col, day)                                                        \
	"(SELECT min(h.at) FROM history h WHERE h.tbl = '" tbl "' AND h.row_id = " row          \
	" AND h.at >= " day " AND h.at < " day " || ' 99:99'"                                   \
	" AND json_extract(h.after, '$." col "') IS NOT NULL"                                     \
	" AND (h.before IS NULL OR json_extract(h.before, '$." col "') IS NULL"                  \
	" OR json_extract(h.before, '$." col "') <> json_extract(h.after, '$." col "')))"
/* A member of staff as people read them: their name, or the login as stored when it is not (or
 * no longer) on the staff. */
#define STAFF_NAME(login) "coalesce((SELECT s.name FROM staff s WHERE s.login = " login "), " login ", '')"
#define HISTORY_WHEN(tbl, col) "coalesce(" HISTORY_RECORDED(tbl, tbl ".id", col, tbl "." col) ", " col ")"


/* ---- what the planning rules share (visits.c, planning.c) ---- */

/* The day of the week of a stored time or date, 1 = Monday .. 7 = Sunday. */
#define WEEKDAY_OF(t) "((CAST(strftime('%w', " t ") AS INTEGER) + 6) % 7 + 1)"
/* A visit from `s` to `e` (stored times, at most a day apart) lies within one of worker `w`'s
 * weekly availabilities: the same day, or past midnight one that ends at 24:00 followed by the
 * next day's from 00:00 (a visit ending at 00:00 needs only the first). */
#define AVAILABLE(w, s, e)                                                                         \
	"EXISTS (SELECT 1 FROM worker_availability a WHERE a.worker_id = " w                        \
	" AND a.weekday = " WEEKDAY_OF(s) " AND a.starts <= substr(" s ", 12, 5) AND ("            \
	" (substr(" e ", 1, 10) = substr(" s ", 1, 10) AND a.ends >= substr(" e ", 12, 5))"        \
	" OR (substr(" e ", 1, 10) > substr(" s ", 1, 10) AND a.ends = '24:00'"                    \
	"  AND (substr(" e ", 12, 5) = '00:00' OR EXISTS (SELECT 1 FROM worker_availability b"      \
	"  WHERE b.worker_id = " w " AND b.weekday = " WEEKDAY_OF(e) " AND b.starts = '00:00'"    \
	"  AND b.ends >= substr(" e ", 12, 5))))))"
/* The first of the skill codes `codes` (an expression: codes separated by commas, each of
 * a-z, 0-9 and '-', as stored) that the skills `have` (the same) lack; NULL when none is lacking.
 * In the order of `codes`. */
#define MISSING_SKILL(have, codes)                                                                 \
	"(SELECT j.value FROM json_each('[\"' || replace(" codes ", ',', '\",\"') || '\"]') j"      \
	" WHERE j.value <> '' AND instr(',' || " have " || ',', ',' || j.value || ',') = 0"        \
	" ORDER BY j.key LIMIT 1)"

#endif
