/* dbint.h — private to src/db: the connection and small statement helpers, fossil-style. */
#ifndef CHARTE_DBINT_H
#define CHARTE_DBINT_H

#include <sqlite3.h>

#include "charte/db.h"

#define DB_CACHE 160

struct db {
	sqlite3 *h;
	char *path;
	int depth;      /* transaction nesting */
	bool failed;    /* an inner level failed: the outer commit rolls back */
	bool audit;
	char actor[64];
	char clock[17]; /* YYYY-MM-DD HH:MM of the app's now, for the audit trail */
	struct {
		const char *sql;
		sqlite3_stmt *st;
	} cache[DB_CACHE];
	int ncache;
};

/* A cached, reset statement for a constant SQL text; NULL after filling e. */
sqlite3_stmt *db_prep(db *d, const char *sql, cerr *e);
/* Record a SQLite failure in e: constraint failures are ST_INVALID, the rest ST_DB. */
int db_fail(db *d, cerr *e);
/* Step a statement that returns no row; resets it. */
int db_run(db *d, sqlite3_stmt *st, cerr *e);
/* Run SQL without parameters (schema, pragmas). */
int db_exec(db *d, const char *sql, cerr *e);

void bind_text(sqlite3_stmt *st, int i, const char *s);  /* NULL -> NULL */
void bind_int(sqlite3_stmt *st, int i, int64_t v);
void bind_id(sqlite3_stmt *st, int i, int64_t v);        /* 0 -> NULL */
void bind_minute(sqlite3_stmt *st, int i, cminute t);    /* NO_MINUTE -> NULL */
void bind_day(sqlite3_stmt *st, int i, cday day);        /* NO_DAY -> NULL */
char *col_text(sqlite3_stmt *st, int i);                 /* owned copy, NULL for NULL */
cminute col_minute(sqlite3_stmt *st, int i);
cday col_day(sqlite3_stmt *st, int i);
int64_t col_int(sqlite3_stmt *st, int i);

/* Words typed by a person -> an FTS5 query over a table with a phone_search column, or NULL
 * when nothing searchable was typed (then no search filter applies). One rule for every
 * search: words as prefixes, accents ignored; digits alone are a phone number. */
char *db_fts_query(const char *typed);

/* Schema (schema.c). */
int db_migrate(db *d, int max_version, cerr *e);
int db_install_audit(db *d, cerr *e);

#endif
