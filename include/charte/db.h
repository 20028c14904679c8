/* db.h — the storage layer: the only code that speaks SQL. Connection, transactions, schema
 * migrations, settings, staff and the audit trail; each area has its own db_*.h. */
#ifndef CHARTE_DB_H
#define CHARTE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "charte/model.h"
#include "charte/util.h"

typedef struct db db;

/* The schema version this build writes (PRAGMA user_version). */
int db_latest_version(void);

/* Open the agency file. With create, a missing file is made with mode 0600 in a folder made
 * with mode 0700; without it, a missing file is ST_NOT_FOUND. Turns on WAL, foreign keys,
 * waiting for another desk's write (db_set_waiting), and migrates the schema to the latest version (max_version = 0) or to
 * max_version (tests of migrations). */
int db_open(const char *path, bool create, int max_version, db **out, cerr *e);
void db_close(db *d);
int db_version(db *d);
/* Changes when another connection commits (PRAGMA data_version): for live screens. */
int64_t db_data_version(db *d);

/* While another desk holds the write lock, this connection waits (up to three minutes) rather
 * than failing; fn is told every second or so how long it has waited, to say so. */
void db_set_waiting(db *d, void (*fn)(int ms, void *arg), void *arg);

/* Who and when, stamped on every row of the audit trail. */
void db_set_actor(db *d, const char *login);
void db_set_clock(db *d, cminute now);
/* Row-by-row audit on or off (a bulk import records one summary row instead). */
void db_set_audit(db *d, bool on);
/* Record a summary row in the audit trail (for bulk work). */
int db_history_note(db *d, const char *tbl, int64_t row_id, const char *action,
		    const char *text, cerr *e);

/* A read of several statements that sees one state of the file, whatever other desks write
 * meanwhile (BEGIN DEFERRED), unless a transaction is open already: true when it began one,
 * to give to db_read_end. */
bool db_read_begin(db *d);
void db_read_end(db *d, bool begun);
/* Transactions: BEGIN IMMEDIATE, counted so that nested calls join the outer one. */
int db_begin(db *d, cerr *e);
int db_commit(db *d, cerr *e);
void db_rollback(db *d);
/* The end of a transaction begun by db_begin: commit when r is ST_OK, else roll back and return
 * r, so that a failure leaves nothing half written. */
int db_end(db *d, int r, cerr *e);

/* Settings: stored values only (defaults live in core/settings.c). */
int db_setting_get(db *d, const char *key, char **value, cerr *e); /* ST_NOT_FOUND if unset */
int db_setting_set(db *d, const char *key, const char *value, cerr *e);
/* Calls fn for each stored setting. */
int db_settings_each(db *d, void (*fn)(const char *key, const char *value, void *arg),
		     void *arg, cerr *e);

/* Numbering: the next number of a gapless per-year series ("D", 2026) -> 1, 2, ... Must run
 * inside the transaction that stores the document. */
int db_next_number(db *d, const char *series, int year, int *out, cerr *e);

/* Staff. */
int db_staff_add(db *d, staff *s, cerr *e);
int db_staff_by_login(db *d, const char *login, staff *out, cerr *e); /* ST_NOT_FOUND */
int db_staff_list(db *d, staff **rows, size_t *n, cerr *e);
int db_staff_count(db *d, int64_t *n, cerr *e);

/* The audit trail, newest first, paged by id (before_id 0: from the newest). tbl and row_id
 * (0) filter when given. */
int db_history_page(db *d, const char *tbl, int64_t row_id, int64_t before_id, int limit,
		    history_row **rows, size_t *n, cerr *e);

/* Copy the live file to path with SQLite's backup API (temporary name, then rename). */
int db_backup(db *d, const char *path, cerr *e);

#endif
