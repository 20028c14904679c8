/* db.c — connection, pragmas, statement cache, transactions, settings, numbering, staff,
 * audit trail and backup. */
#include "dbint.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charte/parse.h"
#include "charte/db_findings.h"

/* The agency's own settings' charter findings (db/findings.c runs them). */
const db_finding_query db_settings_findings[] = {
	/* A1: the agency's name, its one phone number and its SAP declaration number are set
	 * (one row, naming the settings still empty). */
	{"agency-details-missing",
	 "SELECT 1, 'agency', a, b, c FROM (SELECT"
	 "  CASE WHEN trim(coalesce((SELECT value FROM settings WHERE key = 'agency.name'), ''))"
	 "    = '' THEN ' agency.name' ELSE '' END AS a,"
	 "  CASE WHEN trim(coalesce((SELECT value FROM settings WHERE key = 'agency.phone'), ''))"
	 "    = '' THEN ' agency.phone' ELSE '' END AS b,"
	 "  CASE WHEN trim(coalesce((SELECT value FROM settings WHERE key = 'agency.sap_number'),"
	 "    '')) = '' THEN ' agency.sap_number' ELSE '' END AS c)"
	 " WHERE a <> '' OR b <> '' OR c <> ''"},
	{NULL, NULL},
};

/* ---- statements ---- */

sqlite3_stmt *db_prep(db *d, const char *sql, cerr *e)
{
	for (int i = 0; i < d->ncache; i++) {
		if (d->cache[i].sql == sql) {
			sqlite3_reset(d->cache[i].st);
			sqlite3_clear_bindings(d->cache[i].st);
			return d->cache[i].st;
		}
	}
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(d->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_fail(d, e);
		return NULL;
	}
	if (d->ncache < DB_CACHE) {
		d->cache[d->ncache].sql = sql;
		d->cache[d->ncache].st = st;
		d->ncache++;
	} else {
		/* Cache full: keep the statement anyway in the last slot (rare, bounded). */
		sqlite3_finalize(d->cache[DB_CACHE - 1].st);
		d->cache[DB_CACHE - 1].sql = sql;
		d->cache[DB_CACHE - 1].st = st;
	}
	return st;
}

/* The column a constraint message names: "...failed: calls.due" or "...failed:
 * length(trim(caller)) > 0" -> "due", "caller" (functions and upper-case keywords skipped). */
static void constraint_field(const char *msg, char *out, size_t n)
{
	const char *p = strstr(msg, "failed: ");
	out[0] = '\0';
	if (!p)
		return;
	for (p += strlen("failed: "); *p;) {
		if (!(isalpha((unsigned char)*p) || *p == '_')) {
			p++;
			continue;
		}
		const char *b = p;
		bool upper = true;
		while (isalnum((unsigned char)*p) || *p == '_') {
			upper = upper && !islower((unsigned char)*p);
			p++;
		}
		if (*p == '.') { /* table.column: the column */
			p++;
			continue;
		}
		if (*p == '(' || upper)
			continue;
		size_t len = (size_t)(p - b) < n ? (size_t)(p - b) : n - 1;
		memcpy(out, b, len);
		out[len] = '\0';
		return;
	}
}

int db_fail(db *d, cerr *e)
{
	int rc = sqlite3_extended_errcode(d->h);
	const char *msg = sqlite3_errmsg(d->h);
	char field[64];
	/* Never SQLite's own words: the field, and the reason as a person says it. */
	switch (rc) {
	case SQLITE_CONSTRAINT_CHECK:
		constraint_field(msg, field, sizeof field);
		if (strstr(msg, "GLOB '[12]"))
			return err_set(e, ST_INVALID, field,
				       _("a date beyond the years this program handles (1000 to "
					 "2999)"));
		if (strstr(msg, "length(trim("))
			return err_set(e, ST_INVALID, field, _("must not be empty"));
		return err_set(e, ST_INVALID, field, _("a value the agency file does not accept"));
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		constraint_field(msg, field, sizeof field);
		return err_set(e, ST_CONFLICT, field, _("already used by another record"));
	case SQLITE_CONSTRAINT_NOTNULL:
		constraint_field(msg, field, sizeof field);
		return err_set(e, ST_INVALID, field, _("must not be empty"));
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return err_set(e, ST_INVALID, "", _("refers to a record that does not exist"));
	}
	switch (rc & 0xff) {
	case SQLITE_CONSTRAINT:
		return err_set(e, ST_INVALID, "", _("refused by the agency file: %s"), msg);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, ST_DB, "", _("the agency file is busy; try again"));
	case SQLITE_FULL:
		return err_set(e, ST_IO, "", _("the disk is full: nothing was written"));
	case SQLITE_READONLY:
		return err_set(e, ST_IO, "",
			       _("the agency file cannot be written here (read-only file or folder)"));
	case SQLITE_IOERR:
		return err_set(e, ST_IO, "", _("the agency file cannot be read or written (disk "
					       "error or full disk): nothing was written"));
	}
	return err_set(e, ST_DB, "", _("agency file error: %s"), msg);
}

int db_run(db *d, sqlite3_stmt *st, cerr *e)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		int r = db_fail(d, e);
		sqlite3_reset(st);
		return r;
	}
	sqlite3_reset(st);
	return ST_OK;
}

int db_insert(db *d, sqlite3_stmt *st, int64_t *id, cerr *e)
{
	int r = db_run(d, st, e);
	if (!r && id)
		*id = sqlite3_last_insert_rowid(d->h);
	return r;
}

int db_change(db *d, sqlite3_stmt *st, cerr *e)
{
	int r = db_run(d, st, e);
	return !r && sqlite3_changes(d->h) == 0 ? ST_NOT_FOUND : r;
}

int db_change_id(db *d, const char *sql, int64_t id, cerr *e)
{
	sqlite3_stmt *st = db_prep(d, sql, e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, id);
	return db_change(d, st, e);
}

int db_missing(int r, cerr *e, const char *field, const char *message, int64_t id)
{
	return r == ST_NOT_FOUND ? err_set(e, ST_NOT_FOUND, field, message, (long long)id) : r;
}

int db_row(db *d, sqlite3_stmt *st, void (*read)(sqlite3_stmt *st, void *row), void *row,
	   cerr *e)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read(st, row);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	return rc == SQLITE_DONE ? ST_NOT_FOUND : db_fail(d, e);
}

int db_row_id(db *d, const char *sql, int64_t id, void (*read)(sqlite3_stmt *st, void *row),
              void *row, cerr *e)
{
	sqlite3_stmt *st = db_prep(d, sql, e);
	if (!st)
		return ST_DB;
	bind_int(st, 1, id);
	return db_row(d, st, read, row, e);
}

int db_row_if(db *d, sqlite3_stmt *st, void (*read)(sqlite3_stmt *st, void *row), void *row,
	      bool *found, cerr *e)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && read)
		read(st, row);
	if (found)
		*found = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(d, e);
}

void db_read_ints(sqlite3_stmt *st, void *row)
{
	int64_t *v = row;
	for (int i = 0; i < sqlite3_column_count(st); i++)
		v[i] = col_int(st, i);
}

void db_read_texts(sqlite3_stmt *st, void *row)
{
	char **v = row;
	for (int i = 0; i < sqlite3_column_count(st); i++)
		v[i] = col_text(st, i);
}

int db_rows(db *d, sqlite3_stmt *st, size_t size, void (*read)(sqlite3_stmt *st, void *row),
	    void *rows, size_t *n, cerr *e)
{
	char *out = NULL;
	size_t cap = 0, count = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 8;
			out = xrealloc(out, cap * size);
		}
		memset(out + count * size, 0, size);
		read(st, out + count++ * size);
	}
	sqlite3_reset(st);
	/* Stored as the caller's T *: every object pointer has one representation here (POSIX). */
	memcpy(rows, &out, sizeof out);
	*n = count;
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, e);
}

int db_exec(db *d, const char *sql, cerr *e)
{
	char *msg = NULL;
	if (sqlite3_exec(d->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int r = err_set(e, ST_DB, "", _("agency file error: %s"), msg ? msg : "?");
		sqlite3_free(msg);
		return r;
	}
	return ST_OK;
}

void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void bind_int(sqlite3_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(st, i, v);
}

void bind_id(sqlite3_stmt *st, int i, int64_t v)
{
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

void bind_minute(sqlite3_stmt *st, int i, cminute t)
{
	if (t == NO_MINUTE) {
		sqlite3_bind_null(st, i);
		return;
	}
	char buf[17];
	fmt_datetime(t, buf);
	sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

void bind_day(sqlite3_stmt *st, int i, cday day)
{
	if (day == NO_DAY) {
		sqlite3_bind_null(st, i);
		return;
	}
	char buf[11];
	fmt_date(day, buf);
	sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

void bind_clock(sqlite3_stmt *st, int i, int minutes)
{
	char buf[6];
	fmt_clock(minutes, buf);
	sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? xstrdup((const char *)s) : NULL;
}

cminute col_minute(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	cminute t;
	if (!s || !datetime_from_text((const char *)s, &t))
		return NO_MINUTE;
	return t;
}

cday col_day(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	cday day;
	if (!s || !date_from_text((const char *)s, &day))
		return NO_DAY;
	return day;
}

int col_clock(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	int minutes;
	if (!s || parse_clock((const char *)s, &minutes))
		return 0;
	return minutes;
}

int64_t col_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_int64(st, i);
}

/* ---- search as you type ---- */

static bool phone_char(char ch)
{
	return (ch >= '0' && ch <= '9') || strchr(" .-+()/", ch);
}

/* Words typed by a person -> an FTS5 query, or NULL when nothing searchable was typed.
 * Each word is quoted and searched as a prefix, so "lef" finds "Lefèvre" and, through the
 * unicode61 tokenizer without diacritics, "zoe" finds "Zoé". Text made only of digits and
 * phone punctuation is a phone number: its digits glued together, in the national form the
 * phone_search column holds ("+33 6 12" and "0033 6 12" -> "0612"). */
char *db_fts_query(const char *typed)
{
	if (!typed)
		return NULL;
	strbuf q = {0};
	bool phone = true, digit = false;
	for (const char *s = typed; *s; s++) {
		phone = phone && phone_char(*s);
		digit = digit || (*s >= '0' && *s <= '9');
	}
	if (phone && digit) {
		strbuf digits = {0};
		for (const char *s = typed; *s; s++)
			if (*s >= '0' && *s <= '9')
				sb_addc(&digits, *s);
		const char *dg = sb_str(&digits);
		const char *lead = typed + strspn(typed, " ");
		if (*lead == '+' && strncmp(dg, "33", 2) == 0)
			sb_addf(&q, "phone_search : \"0%s\"*", dg + 2);
		else if (strncmp(dg, "0033", 4) == 0)
			sb_addf(&q, "phone_search : \"0%s\"*", dg + 4);
		else
			sb_addf(&q, "phone_search : \"%s\"*", dg);
		sb_free(&digits);
		return q.s;
	}
	/* Each word between blanks, as a phrase taken as a prefix (its quotes doubled). */
	for (const char *p = typed + strspn(typed, " \t"); *p; p += strspn(p, " \t")) {
		size_t len = strcspn(p, " \t");
		bool searchable = false; /* a word of punctuation alone would be an empty phrase */
		for (size_t i = 0; i < len; i++) {
			unsigned char ch = (unsigned char)p[i];
			if (ch >= 0x80 || (ch >= '0' && ch <= '9') ||
			    ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
				searchable = true;
		}
		if (searchable) {
			sb_add(&q, q.len ? " \"" : "\"");
			for (size_t i = 0; i < len; i++) {
				if (p[i] == '"')
					sb_addc(&q, '"');
				sb_addc(&q, p[i]);
			}
			sb_add(&q, "\"*");
		}
		p += len;
	}
	return q.s;
}

bool db_search_is_broad(const char *typed)
{
	size_t longest = 0, len = 0;
	for (const unsigned char *s = (const unsigned char *)typed; s && *s; s++) {
		if (*s == ' ' || *s == '\t') {
			len = 0;
			continue;
		}
		if ((*s & 0xc0) != 0x80) /* a character starts here */
			len++;
		if (len > longest)
			longest = len;
	}
	return longest > 0 && longest <= 2;
}

/* ---- who and when, for the trail: functions for db_history_note ---- */

static void fn_actor(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	db *d = sqlite3_user_data(cx);
	sqlite3_result_text(cx, d->actor, -1, SQLITE_TRANSIENT);
}

static void fn_clock(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	db *d = sqlite3_user_data(cx);
	sqlite3_result_text(cx, d->clock, -1, SQLITE_TRANSIENT);
}

/* ---- opening ---- */

/* Make the folder of path (mode 0700) and the file itself (mode 0600) when missing. */
static int make_file(const char *path, cerr *e)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		/* mkdir -p, each missing level 0700 */
		for (char *p = dir + 1; *p; p++) {
			if (*p != '/')
				continue;
			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				*p = '/';
				break;
			}
			*p = '/';
		}
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			int r = err_set(e, ST_IO, "db", _("cannot create the folder %s: %s"), dir,
					strerror(errno));
			free(dir);
			return r;
		}
	}
	free(dir);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0 && errno != EEXIST)
		return err_set(e, ST_IO, "db", _("cannot create %s: %s"), path, strerror(errno));
	if (fd >= 0)
		close(fd);
	return ST_OK;
}

/* Another desk holds the lock: wait, telling whoever asked once a wait gets noticeable, for up
 * to DB_WAIT_MS (a long import of another desk takes seconds; nothing should fail because a
 * colleague is saving). SQLite calls this with the number of times it already did. */
#define DB_WAIT_MS (3 * 60 * 1000)
static int busy_wait(void *arg, int count)
{
	db *d = arg;
	int step = count < 10 ? 2 : count < 40 ? 10 : 50; /* milliseconds */
	int waited = count < 10 ? count * 2 : count < 40 ? 20 + (count - 10) * 10
						      : 320 + (count - 40) * 50;
	if (waited >= DB_WAIT_MS)
		return 0;
	if (d->waiting && waited >= 300 && (count == 40 || count % 20 == 0))
		d->waiting(waited, d->waiting_arg);
	sqlite3_sleep(step);
	return 1;
}

void db_busy_wait(db *d, bool wait)
{
	if (wait)
		sqlite3_busy_handler(d->h, busy_wait, d);
	else
		sqlite3_busy_handler(d->h, NULL, NULL);
}

void db_set_waiting(db *d, void (*fn)(int ms, void *arg), void *arg)
{
	d->waiting = fn;
	d->waiting_arg = arg;
}

/* The file and its folder can be written (SQLite keeps its journal files beside it). */
static bool writable(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir] = '\0';
	bool ok = faccessat(AT_FDCWD, path, R_OK | W_OK, 0) == 0 &&
		  faccessat(AT_FDCWD, slash ? dir : ".", W_OK | X_OK, 0) == 0;
	free(dir);
	return ok;
}

int db_open(const char *path, bool create, int max_version, db **out, cerr *e)
{
	*out = NULL;
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (!create)
			return err_set(e, ST_NOT_FOUND, "db",
				       _("no agency file at %s: create one with 'charte init'"), path);
		int r = make_file(path, e);
		if (r)
			return r;
	} else if (S_ISDIR(sb.st_mode)) {
		return err_set(e, ST_IO, "db", _("%s is a folder, not an agency file"), path);
	}

	db *d = xcalloc(1, sizeof *d);
	d->path = xstrdup(path);
	d->audit = true;
	snprintf(d->actor, sizeof d->actor, "?");
	if (sqlite3_open_v2(path, &d->h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		err_set(e, ST_IO, "db", _("cannot open %s: %s"), path,
			d->h ? sqlite3_errmsg(d->h) : "?");
		db_close(d);
		return ST_IO;
	}
	db_busy_wait(d, true);
	sqlite3_extended_result_codes(d->h, 1);
	sqlite3_create_function(d->h, "charte_actor", 0, SQLITE_UTF8, d, fn_actor, NULL, NULL);
	sqlite3_create_function(d->h, "charte_clock", 0, SQLITE_UTF8, d, fn_clock, NULL, NULL);

	/* Reading the schema version also tells a file that is not a database at all; a database
	 * that is not (yet) an agency file is only made one by `charte init`. */
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(d->h, "PRAGMA user_version", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	int version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (version < 0 || (version == 0 && !create)) {
		if (version < 0 && !writable(path))
			err_set(e, ST_IO, "db",
				_("%s cannot be opened: the file or its folder is read-only for you"),
				path);
		else if (version < 0)
			err_set(e, ST_IO, "db", _("%s is not an agency file: %s"), path,
				sqlite3_errmsg(d->h));
		else
			err_set(e, ST_IO, "db",
				_("%s is not an agency file: create one with 'charte init'"), path);
		db_close(d);
		return ST_IO;
	}
	st = NULL;
	rc = sqlite3_prepare_v2(d->h, "PRAGMA journal_mode=WAL", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		err_set(e, ST_IO, "db", _("%s is not an agency file: %s"), path,
			sqlite3_errmsg(d->h));
		db_close(d);
		return ST_IO;
	}
	/* An 8 MB page cache (SQLite's default is 2 MB): the rules' index probes over ten years of
	 * visits then cost what they cost over one month (make bench: audit 1.55x -> 1.12x). */
	int r = db_exec(d, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-8192;",
			e);
	if (!r)
		r = db_migrate(d, max_version, e);
	if (!r) {
		sqlite3_stmt *ctx = db_prep(
			d, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_context'",
			e);
		if (!ctx)
			r = ST_DB;
		else
			d->audit_ready = sqlite3_step(ctx) == SQLITE_ROW;
		if (ctx)
			sqlite3_reset(ctx);
	}
	if (r) {
		db_close(d);
		return r;
	}
	*out = d;
	return ST_OK;
}

void db_close(db *d)
{
	if (!d)
		return;
	for (int i = 0; i < d->ncache; i++)
		sqlite3_finalize(d->cache[i].st);
	for (int i = 0; i < d->nlists; i++)
		sqlite3_finalize(d->lists[i].st);
	if (d->h)
		sqlite3_close(d->h);
	free(d->path);
	free(d);
}

int db_version(db *d)
{
	sqlite3_stmt *st = db_prep(d, "PRAGMA user_version", NULL);
	int v = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	if (st)
		sqlite3_reset(st);
	return v;
}

int64_t db_data_version(db *d)
{
	sqlite3_stmt *st = db_prep(d, "PRAGMA data_version", NULL);
	int64_t v = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	if (st)
		sqlite3_reset(st);
	return v;
}

/* Inside a write transaction, audit_context holds who and when, and whether the audit is on:
 * the audit triggers (schema.c) read it. With the audit off (bulk work) they do nothing at
 * all, and the changes are counted once for every table when the audit comes back on or the
 * work commits. It is emptied before each commit, so no other connection ever sees it. */
static int context_write(db *d, cerr *e)
{
	if (!d->audit_ready || d->depth == 0)
		return ST_OK;
	sqlite3_stmt *st;
	if (d->audit && d->bulk) {
		st = db_prep(d, "UPDATE table_changes SET n = n + 1", e);
		if (!st || db_run(d, st, e))
			return ST_DB;
		d->bulk = false;
	}
	if (!d->audit)
		d->bulk = true;
	st = db_prep(d,
		     "INSERT OR REPLACE INTO audit_context(id, at, actor, audit) VALUES (1, ?, ?, ?)",
		     e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, d->clock);
	bind_text(st, 2, d->actor);
	bind_int(st, 3, d->audit);
	return db_run(d, st, e);
}

void db_set_actor(db *d, const char *login)
{
	snprintf(d->actor, sizeof d->actor, "%s", login ? login : "?");
	if (context_write(d, NULL))
		d->failed = true;
}

void db_set_clock(db *d, cminute now)
{
	fmt_datetime(now, d->clock);
	if (context_write(d, NULL))
		d->failed = true;
}

void db_set_audit(db *d, bool on)
{
	d->audit = on;
	if (context_write(d, NULL))
		d->failed = true;
}

/* ---- transactions ---- */

bool db_read_begin(db *d)
{
	if (d->depth > 0 || !sqlite3_get_autocommit(d->h))
		return false;
	return db_exec(d, "BEGIN DEFERRED", NULL) == ST_OK;
}

void db_read_end(db *d, bool begun)
{
	if (begun)
		db_exec(d, "COMMIT", NULL);
}

int db_begin(db *d, cerr *e)
{
	if (d->depth++ > 0)
		return ST_OK;
	d->failed = false;
	d->bulk = false;
	sqlite3_stmt *st = db_prep(d, "BEGIN IMMEDIATE", e);
	if (!st || db_run(d, st, e)) {
		d->depth = 0;
		return e ? e->code : ST_DB;
	}
	if (context_write(d, e)) {
		db_exec(d, "ROLLBACK", NULL);
		d->depth = 0;
		return e ? e->code : ST_DB;
	}
	return ST_OK;
}

int db_commit(db *d, cerr *e)
{
	if (d->depth <= 0)
		return ST_OK;
	if (--d->depth > 0)
		return ST_OK;
	if (d->failed) {
		db_exec(d, "ROLLBACK", NULL);
		return err_set(e, ST_DB, "", _("the change was not saved"));
	}
	sqlite3_stmt *st = NULL;
	if (d->bulk && (!(st = db_prep(d, "UPDATE table_changes SET n = n + 1", e)) ||
			db_run(d, st, e))) {
		db_exec(d, "ROLLBACK", NULL);
		return e ? e->code : ST_DB;
	}
	d->bulk = false;
	st = d->audit_ready ? db_prep(d, "DELETE FROM audit_context", e) : NULL;
	if (d->audit_ready && (!st || db_run(d, st, e))) {
		db_exec(d, "ROLLBACK", NULL);
		return e ? e->code : ST_DB;
	}
	st = db_prep(d, "COMMIT", e);
	if (!st || db_run(d, st, e)) {
		db_exec(d, "ROLLBACK", NULL);
		return e ? e->code : ST_DB;
	}
	return ST_OK;
}

int db_end(db *d, int r, cerr *e)
{
	if (r) {
		db_rollback(d);
		return r;
	}
	return db_commit(d, e);
}

void db_rollback(db *d)
{
	if (d->depth <= 0)
		return;
	if (--d->depth > 0) {
		d->failed = true;
		return;
	}
	if (!sqlite3_get_autocommit(d->h))
		db_exec(d, "ROLLBACK", NULL);
}

/* ---- settings ---- */

int db_setting_get(db *d, const char *key, char **value, cerr *e)
{
	sqlite3_stmt *st = db_prep(d, "SELECT value FROM settings WHERE key = ?", e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, key);
	return db_row(d, st, db_read_texts, value, e);
}

int db_setting_set(db *d, const char *key, const char *value, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "INSERT INTO settings(key, value) VALUES (?, ?) "
				   "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
				   e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, key);
	bind_text(st, 2, value);
	return db_run(d, st, e);
}

int db_settings_each(db *d, void (*fn)(const char *key, const char *value, void *arg), void *arg,
		     cerr *e)
{
	sqlite3_stmt *st = db_prep(d, "SELECT key, value FROM settings ORDER BY key", e);
	if (!st)
		return ST_DB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn((const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
		   arg);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, e);
}

/* ---- numbering ---- */

int db_next_number(db *d, const char *series, int year, int *out, cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "INSERT INTO counters(series, year, last) VALUES (?, ?, 1) "
				   "ON CONFLICT(series, year) DO UPDATE SET last = last + 1 "
				   "RETURNING last",
				   e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, series);
	bind_int(st, 2, year);
	int64_t last = 0;
	int r = db_row(d, st, db_read_ints, &last, e); /* RETURNING: the row is written at once */
	if (!r)
		*out = (int)last;
	return r;
}

/* ---- staff ---- */

static void staff_from_row(sqlite3_stmt *st, void *row)
{
	staff *s = row;
	s->id = col_int(st, 0);
	s->login = col_text(st, 1);
	s->name = col_text(st, 2);
	s->role = col_enum(st, 3, &role_names);
	s->active = sqlite3_column_int(st, 4) != 0;
}

int db_staff_add(db *d, staff *s, cerr *e)
{
	sqlite3_stmt *st =
		db_prep(d, "INSERT INTO staff(login, name, role, active) VALUES (?, ?, ?, ?)", e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, s->login);
	bind_text(st, 2, s->name);
	bind_text(st, 3, enum_name(&role_names, s->role));
	bind_int(st, 4, s->active);
	return db_insert(d, st, &s->id, e);
}

int db_staff_by_login(db *d, const char *login, staff *out, cerr *e)
{
	sqlite3_stmt *st = db_prep(
		d, "SELECT id, login, name, role, active FROM staff WHERE login = ?", e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, login);
	return db_row(d, st, staff_from_row, out, e);
}

int db_staff_list(db *d, staff **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(
		d, "SELECT id, login, name, role, active FROM staff ORDER BY name, login", e);
	if (!st)
		return ST_DB;
	return db_rows(d, st, sizeof **rows, staff_from_row, rows, n, e);
}

int db_staff_count(db *d, int64_t *n, cerr *e)
{
	sqlite3_stmt *st = db_prep(d, "SELECT count(*) FROM staff", e);
	if (!st)
		return ST_DB;
	int rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? col_int(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : db_fail(d, e);
}

/* ---- audit trail ---- */

int db_history_note(db *d, const char *tbl, int64_t row_id, const char *action, const char *text,
		    cerr *e)
{
	sqlite3_stmt *st = db_prep(d,
				   "INSERT INTO history(at, actor, tbl, row_id, action, after) "
				   "VALUES (charte_clock(), charte_actor(), ?, ?, ?, json_object('note', ?))",
				   e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, tbl);
	bind_int(st, 2, row_id);
	bind_text(st, 3, action);
	bind_text(st, 4, text);
	return db_run(d, st, e);
}

/* A page of the trail, newest first, one result row per field: the columns stored in the
 * row's JSON before and after (every audited table writes json_object of its columns), only
 * those that changed on an update; a history row with no field still comes, once. */
static const char *history_sql =
	"WITH h AS (SELECT id, at, actor, tbl, row_id, action, before, after FROM history "
	"  WHERE (?1 IS NULL OR tbl = ?1) AND (?2 IS NULL OR row_id = ?2) "
	"    AND (?3 IS NULL OR id < ?3) "
	"  ORDER BY id DESC LIMIT ?4) "
	"SELECT h.id, h.at, h.actor, h.tbl, h.row_id, h.action, j.key, "
	"  json_extract(h.before, '$.' || j.key), json_extract(h.after, '$.' || j.key) "
	"FROM h LEFT JOIN json_each(coalesce(h.after, h.before, '{}')) j "
	"  ON h.action <> 'update' "
	"  OR json_extract(h.before, '$.' || j.key) IS NOT json_extract(h.after, '$.' || j.key) "
	"ORDER BY h.id DESC, j.id";

int db_history_page(db *d, const char *tbl, int64_t row_id, int64_t before_id, int limit,
		    history_row **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(d, history_sql, e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, tbl);
	bind_id(st, 2, row_id);
	bind_id(st, 3, before_id);
	bind_int(st, 4, limit);
	*rows = xcalloc((size_t)(limit > 0 ? limit : 1), sizeof **rows);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = col_int(st, 0);
		history_row *h = *n ? &(*rows)[*n - 1] : NULL;
		if (!h || h->id != id) {
			h = &(*rows)[(*n)++];
			h->id = id;
			h->at = col_minute(st, 1);
			h->actor = col_text(st, 2);
			h->tbl = col_text(st, 3);
			h->row_id = col_int(st, 4);
			h->action = col_text(st, 5);
			cap = 0;
		}
		if (sqlite3_column_type(st, 6) == SQLITE_NULL)
			continue;
		if (h->nfields == cap) {
			cap = cap ? cap * 2 : 8;
			h->fields = xrealloc(h->fields, cap * sizeof *h->fields);
		}
		history_field *f = &h->fields[h->nfields++];
		f->column = col_text(st, 6);
		f->before = col_text(st, 7);
		f->after = col_text(st, 8);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, e);
}

/* ---- backup ---- */

int db_backup(db *d, const char *path, cerr *e)
{
	char *tmp = xasprintf("%s.part-%ld", path, (long)getpid());
	sqlite3 *to = NULL;
	int r = ST_OK;
	if (sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		r = err_set(e, ST_IO, "file", _("cannot write %s"), path);
	} else {
		sqlite3_backup *b = sqlite3_backup_init(to, "main", d->h, "main");
		if (!b || sqlite3_backup_step(b, -1) != SQLITE_DONE)
			r = err_set(e, ST_IO, "file", _("cannot copy the agency file: %s"),
				    sqlite3_errmsg(to));
		if (b)
			sqlite3_backup_finish(b);
	}
	if (to)
		sqlite3_close(to);
	if (!r && rename(tmp, path) != 0)
		r = err_set(e, ST_IO, "file", _("cannot write %s: %s"), path, strerror(errno));
	if (r)
		unlink(tmp);
	free(tmp);
	return r;
}
