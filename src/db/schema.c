/* schema.c — the schema, one migration per version (PRAGMA user_version), and the audit
 * trail's triggers, made for every audited table from its own columns. */
#include "dbint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Text shapes the tables insist on. */
#define DATETIME_CHECK(c)                                                                      \
	"(" c " IS NULL OR " c                                                                 \
	" GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]')"
#define DATE_CHECK(c) "(" c " IS NULL OR " c " GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')"
#define FLAG(c) c " INTEGER NOT NULL DEFAULT 0 CHECK (" c " IN (0, 1))"

/* Version 1: settings, staff, the call log, the audit trail, document counters. */
static const char v1[] =
	"CREATE TABLE settings ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE staff ("
	"  id INTEGER PRIMARY KEY,"
	"  login TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 63),"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  role TEXT NOT NULL CHECK (role IN ('receptionist', 'coordinator', 'manager')),"
	"  " FLAG("active") ""
	") STRICT;"
	"CREATE TABLE calls ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL CHECK " DATETIME_CHECK("at") ","
	"  caller TEXT NOT NULL CHECK (length(trim(caller)) > 0),"
	"  phone TEXT CHECK (phone IS NULL OR phone GLOB '+[0-9]*'),"
	"  subject TEXT NOT NULL DEFAULT '',"
	"  taken_by TEXT,"
	"  " FLAG("answered") ","
	"  " FLAG("voicemail") ","
	"  " FLAG("callback") ","
	"  due TEXT CHECK " DATETIME_CHECK("due") ","
	"  called_back_at TEXT CHECK " DATETIME_CHECK("called_back_at") ","
	"  callback_note TEXT,"
	"  " FLAG("documentation") ","
	"  doc_due TEXT CHECK " DATETIME_CHECK("doc_due") ","
	"  doc_sent_at TEXT CHECK " DATETIME_CHECK("doc_sent_at") ","
	"  " FLAG("cancelled") ","
	"  cancel_reason TEXT,"
	"  phone_search TEXT GENERATED ALWAYS AS"
	"    (CASE WHEN phone GLOB '+33*' THEN '0' || substr(phone, 4) ELSE substr(phone, 2) END)"
	"    VIRTUAL,"
	"  CHECK (callback = 1 OR (due IS NULL AND called_back_at IS NULL)),"
	"  CHECK (callback = 0 OR due IS NOT NULL),"
	"  CHECK (documentation = 1 OR doc_sent_at IS NULL),"
	"  CHECK (cancelled = 0 OR length(trim(cancel_reason)) > 0)"
	") STRICT;"
	"CREATE INDEX calls_by_time ON calls(at, id);"
	"CREATE INDEX calls_callback_open ON calls(due)"
	"  WHERE callback = 1 AND called_back_at IS NULL AND cancelled = 0;"
	"CREATE INDEX calls_doc_open ON calls(doc_due)"
	"  WHERE documentation = 1 AND doc_sent_at IS NULL AND cancelled = 0;"
	"CREATE INDEX calls_voicemail ON calls(at, id) WHERE voicemail = 1;"
	"CREATE VIRTUAL TABLE calls_fts USING fts5(caller, phone_search, subject,"
	"  content = 'calls', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TRIGGER calls_fts_ins AFTER INSERT ON calls BEGIN"
	"  INSERT INTO calls_fts(rowid, caller, phone_search, subject)"
	"    VALUES (new.id, new.caller, new.phone_search, new.subject);"
	"END;"
	"CREATE TRIGGER calls_fts_del AFTER DELETE ON calls BEGIN"
	"  INSERT INTO calls_fts(calls_fts, rowid, caller, phone_search, subject)"
	"    VALUES ('delete', old.id, old.caller, old.phone_search, old.subject);"
	"END;"
	"CREATE TRIGGER calls_fts_upd AFTER UPDATE OF caller, phone, subject ON calls BEGIN"
	"  INSERT INTO calls_fts(calls_fts, rowid, caller, phone_search, subject)"
	"    VALUES ('delete', old.id, old.caller, old.phone_search, old.subject);"
	"  INSERT INTO calls_fts(rowid, caller, phone_search, subject)"
	"    VALUES (new.id, new.caller, new.phone_search, new.subject);"
	"END;"
	/* Calls are kept for ever: cancelled, never deleted. */
	"CREATE TRIGGER calls_keep BEFORE DELETE ON calls BEGIN"
	"  SELECT RAISE(ABORT, 'calls are never deleted: cancel them');"
	"END;"
	"CREATE TABLE history ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  tbl TEXT NOT NULL,"
	"  row_id INTEGER NOT NULL,"
	"  action TEXT NOT NULL,"
	"  before TEXT,"
	"  after TEXT"
	") STRICT;"
	"CREATE INDEX history_by_row ON history(tbl, row_id, id);"
	"CREATE TABLE counters ("
	"  series TEXT NOT NULL,"
	"  year INTEGER NOT NULL,"
	"  last INTEGER NOT NULL,"
	"  PRIMARY KEY (series, year)"
	") STRICT, WITHOUT ROWID;";


/* Version 2: client files and their needs analysis; calls linked to clients. */
static const char v2[] =
	"CREATE TABLE clients ("
	"  id INTEGER PRIMARY KEY,"
	"  civility TEXT NOT NULL DEFAULT '',"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  first_name TEXT NOT NULL DEFAULT '',"
	"  address TEXT NOT NULL DEFAULT '',"
	"  phone TEXT CHECK (phone IS NULL OR phone GLOB '+[0-9]*'),"
	"  phone2 TEXT CHECK (phone2 IS NULL OR phone2 GLOB '+[0-9]*'),"
	"  email TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT 'prospect' CHECK (status IN ('prospect', 'active', 'former')),"
	"  referent TEXT REFERENCES staff(login),"
	"  instructions TEXT NOT NULL DEFAULT '',"
	"  forbidden_zones TEXT NOT NULL DEFAULT '',"
	"  " FLAG("wants_quote") ","
	"  notes TEXT NOT NULL DEFAULT '',"
	"  created_at TEXT NOT NULL CHECK " DATETIME_CHECK("created_at") ","
	"  phone_search TEXT GENERATED ALWAYS AS (trim("
	"    coalesce(CASE WHEN phone GLOB '+33*' THEN '0' || substr(phone, 4) ELSE substr(phone, 2) END, '')"
	"    || ' ' ||"
	"    coalesce(CASE WHEN phone2 GLOB '+33*' THEN '0' || substr(phone2, 4) ELSE substr(phone2, 2) END, '')"
	"  )) VIRTUAL"
	") STRICT;"
	"CREATE INDEX clients_by_name ON clients(name, first_name, id);"
	"CREATE INDEX clients_by_phone ON clients(phone);"
	"CREATE INDEX clients_by_phone2 ON clients(phone2);"
	"CREATE INDEX clients_by_status ON clients(status, referent);"
	"CREATE VIRTUAL TABLE clients_fts USING fts5(name, first_name, phone_search,"
	"  content = 'clients', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TRIGGER clients_fts_ins AFTER INSERT ON clients BEGIN"
	"  INSERT INTO clients_fts(rowid, name, first_name, phone_search)"
	"    VALUES (new.id, new.name, new.first_name, new.phone_search);"
	"END;"
	"CREATE TRIGGER clients_fts_del AFTER DELETE ON clients BEGIN"
	"  INSERT INTO clients_fts(clients_fts, rowid, name, first_name, phone_search)"
	"    VALUES ('delete', old.id, old.name, old.first_name, old.phone_search);"
	"END;"
	"CREATE TRIGGER clients_fts_upd AFTER UPDATE OF name, first_name, phone, phone2 ON clients BEGIN"
	"  INSERT INTO clients_fts(clients_fts, rowid, name, first_name, phone_search)"
	"    VALUES ('delete', old.id, old.name, old.first_name, old.phone_search);"
	"  INSERT INTO clients_fts(rowid, name, first_name, phone_search)"
	"    VALUES (new.id, new.name, new.first_name, new.phone_search);"
	"END;"
	"CREATE TABLE needs ("
	"  client_id INTEGER PRIMARY KEY REFERENCES clients(id),"
	"  services TEXT NOT NULL CHECK (length(trim(services)) > 0),"
	"  hours_per_week INTEGER NOT NULL CHECK (hours_per_week >= 0),"
	"  days_times TEXT NOT NULL DEFAULT '',"
	"  constraints TEXT NOT NULL DEFAULT '',"
	"  autonomy TEXT NOT NULL DEFAULT '',"
	"  household TEXT NOT NULL DEFAULT '',"
	"  notes TEXT NOT NULL DEFAULT '',"
	"  analysed_by TEXT NOT NULL,"
	"  analysed_on TEXT NOT NULL CHECK " DATE_CHECK("analysed_on") ""
	") STRICT;"
	"ALTER TABLE calls ADD COLUMN client_id INTEGER REFERENCES clients(id);"
	"CREATE INDEX calls_by_client ON calls(client_id, at) WHERE client_id IS NOT NULL;";

/* Later versions are appended here; never edit a released one. */
static const char *const migrations[] = {
	v1,
	v2,
};

/* Tables whose every change goes to the audit trail. */
static const char *const audited[] = {
	"settings", "staff", "calls", "clients", "needs",
};

int db_latest_version(void)
{
	return (int)ARRAY_LEN(migrations);
}

int db_migrate(db *d, int max_version, cerr *e)
{
	int target = max_version > 0 ? max_version : db_latest_version();
	int have = db_version(d);
	if (have < 0)
		return db_fail(d, e);
	if (have > db_latest_version())
		return err_set(e, ST_DB, "db",
			       _("this agency file was written by a newer Charte (schema %d; this "
				 "program knows %d)"),
			       have, db_latest_version());
	while (have < target) {
		int r = db_begin(d, e);
		if (r)
			return r;
		/* Another process may have migrated while we waited for the lock. */
		have = db_version(d);
		if (have >= target) {
			db_commit(d, e);
			break;
		}
		char pragma[48];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", have + 1);
		r = db_exec(d, migrations[have], e);
		if (!r)
			r = db_exec(d, pragma, e);
		if (r) {
			db_rollback(d);
			return r;
		}
		r = db_commit(d, e);
		if (r)
			return r;
		have++;
	}
	return ST_OK;
}

/* Append json_object('col', prefix.col, ...) for the columns of tbl. */
static int json_of_row(db *d, const char *tbl, const char *prefix, strbuf *out, int *ncols,
		       cerr *e)
{
	*ncols = 0;
	sqlite3_stmt *st = NULL;
	/* table_xinfo lists generated columns too: skip them (hidden > 1). */
	if (sqlite3_prepare_v2(d->h, "SELECT name, hidden FROM pragma_table_xinfo(?)", -1, &st,
			       NULL) != SQLITE_OK)
		return db_fail(d, e);
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
	sb_add(out, "json_object(");
	bool first = true;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		if (sqlite3_column_int(st, 1) != 0)
			continue;
		sb_addf(out, "%s'%s', %s.\"%s\"", first ? "" : ", ", col, prefix, col);
		first = false;
		(*ncols)++;
	}
	sqlite3_finalize(st);
	sb_add(out, ")");
	return ST_OK;
}

int db_install_audit(db *d, cerr *e)
{
	strbuf sql = {0};
	for (size_t i = 0; i < ARRAY_LEN(audited); i++) {
		const char *t = audited[i];
		strbuf oldj = {0}, newj = {0};
		int ncols = 0;
		if (json_of_row(d, t, "old", &oldj, &ncols, e) ||
		    json_of_row(d, t, "new", &newj, &ncols, e)) {
			sb_free(&oldj);
			sb_free(&newj);
			sb_free(&sql);
			return ST_DB;
		}
		if (ncols == 0) { /* not in this schema version (migration tests) */
			sb_free(&oldj);
			sb_free(&newj);
			continue;
		}
		/* Table names come from the constant list above, never from data. */
		const char *key = "rowid"; /* every audited table is a rowid table */
		sb_addf(&sql,
			"CREATE TEMP TRIGGER IF NOT EXISTS audit_%s_ins AFTER INSERT ON main.%s "
			"WHEN charte_audit() BEGIN INSERT INTO history(at, actor, tbl, row_id, "
			"action, after) VALUES (charte_clock(), charte_actor(), '%s', new.%s, "
			"'insert', %s); END;",
			t, t, t, key, sb_str(&newj));
		sb_addf(&sql,
			"CREATE TEMP TRIGGER IF NOT EXISTS audit_%s_upd AFTER UPDATE ON main.%s "
			"WHEN charte_audit() BEGIN INSERT INTO history(at, actor, tbl, row_id, "
			"action, before, after) VALUES (charte_clock(), charte_actor(), '%s', new.%s, "
			"'update', %s, %s); END;",
			t, t, t, key, sb_str(&oldj), sb_str(&newj));
		sb_addf(&sql,
			"CREATE TEMP TRIGGER IF NOT EXISTS audit_%s_del AFTER DELETE ON main.%s "
			"WHEN charte_audit() BEGIN INSERT INTO history(at, actor, tbl, row_id, "
			"action, before) VALUES (charte_clock(), charte_actor(), '%s', old.%s, "
			"'delete', %s); END;",
			t, t, t, key, sb_str(&oldj));
		sb_free(&oldj);
		sb_free(&newj);
	}
	int r = db_exec(d, sb_str(&sql), e);
	sb_free(&sql);
	return r;
}
