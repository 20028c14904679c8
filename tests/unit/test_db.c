/* test_db.c — the storage layer: migrations keep data, the tables' constraints, the pragmas of
 * every connection, file modes, counted transactions, gapless numbering, the audit trail, and
 * two processes writing to one file at once. Each test works on its own file under /tmp, opened
 * in the test body (so in Check's forked child, never across a fork). */
#include <check.h>
#include <errno.h>
#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../src/core/core.h"
#include "charte/app.h"
#include "charte/call.h"
#include "charte/db.h"
#include "charte/db_calls.h"
#include "charte/db_followups.h"
#include "charte/db_offer.h"
#include "../../src/db/dbint.h" /* white box: the connection's own pragmas */

/* ---- a temporary folder per test, removed at the end (also when an assertion fails) ---- */

static char tmpdir[128];

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(path);
}

/* The folders live under one root made and removed by an unchecked fixture (in Check's
 * parent process, so also after a failed test, whose child ends at once). No SQLite there. */
static char tmproot[64];

static void root_setup(void)
{
	snprintf(tmproot, sizeof tmproot, "/tmp/charte-test-db.XXXXXX");
	if (!mkdtemp(tmproot))
		tmproot[0] = '\0';
}

static void root_teardown(void)
{
	if (tmproot[0])
		nftw(tmproot, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	tmproot[0] = '\0';
}

/* A fresh folder for one test, under the root. */
static void tmp_make(void)
{
	ck_assert_msg(tmproot[0] != '\0', "no temporary root folder");
	snprintf(tmpdir, sizeof tmpdir, "%s/t.XXXXXX", tmproot);
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

/* A path inside the test's folder (static buffer, one at a time). */
static const char *tmp_path(const char *name)
{
	static char buf[512];
	snprintf(buf, sizeof buf, "%s/%s", tmpdir, name);
	return buf;
}

static cminute T(const char *text)
{
	cminute t = 0;
	ck_assert_msg(datetime_from_text(text, &t), "bad test datetime %s", text);
	return t;
}

/* Open (creating) the file `name` in the test's folder at the latest schema. */
static db *open_db(const char *name)
{
	db *d = NULL;
	cerr e = {0};
	int r = db_open(tmp_path(name), true, 0, &d, &e);
	ck_assert_msg(r == ST_OK, "db_open: %s", e.msg);
	db_set_actor(d, "marie");
	db_set_clock(d, T("2026-03-02 10:00"));
	return d;
}

/* One value of a query run on a separate raw connection (the way another program sees it). */
static long long raw_int(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	ck_assert_int_eq(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	sqlite3_stmt *st = NULL;
	ck_assert_msg(sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
		      sqlite3_errmsg(h));
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

/* A call as the desk would store it. */
static void sample_call(call *c, const char *caller, const char *at)
{
	call_init(c);
	c->caller = xstrdup(caller);
	c->subject = xstrdup("Demande de devis");
	c->phone = xstrdup("+33612345678");
	c->taken_by = xstrdup("marie");
	c->at = T(at);
}

/* ---- migrations ---- */

/* The field `column` of a history row, as storage gives it (NULL when absent). */
static const history_field *hfield(const history_row *h, const char *column)
{
	for (size_t i = 0; i < h->nfields; i++)
		if (!strcmp(h->fields[i].column, column))
			return &h->fields[i];
	return NULL;
}

#define ck_assert_field(h, column, before_, after_)                                           \
	do {                                                                                   \
		const history_field *f_ = hfield((h), (column));                               \
		ck_assert_msg(f_ != NULL, "no field %s", (column));                            \
		ck_assert_pstr_eq(f_->before, (before_));                                      \
		ck_assert_pstr_eq(f_->after, (after_));                                        \
	} while (0)

START_TEST(test_migration_keeps_data)
{
	/* A file made by the first schema, as the first release of the program left it. */
	const char *path = tmp_path("old.db");
	db *d = NULL;
	cerr e = {0};
	ck_assert_int_eq(db_open(path, true, 1, &d, &e), ST_OK);
	ck_assert_int_eq(db_version(d), 1);
	db_set_actor(d, "marie");
	db_set_clock(d, T("2025-06-02 10:00"));
	staff s = {0, "marie", "Marie Curie", ROLE_MANAGER, true};
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	ck_assert_int_eq(db_staff_add(d, &s, &e), ST_OK);
	ck_assert_int_eq(db_setting_set(d, "agency.name", "Aide à Domicile", &e), ST_OK);
	ck_assert_int_eq(db_commit(d, &e), ST_OK);
	/* db_call_insert names the columns of the latest schema (client_id came with version 2),
	 * so the version-1 program's own statement stores the call. */
	ck_assert_int_eq(
		sqlite3_exec(d->h,
			     "INSERT INTO calls(at, caller, phone, subject, taken_by, callback, due) "
			     "VALUES ('2025-06-02 09:30', 'Mme Bérénice Lefèvre', '+33612345678', "
			     "'Devis « ménage »', 'marie', 1, '2025-06-03 09:30')",
			     NULL, NULL, NULL),
		SQLITE_OK);
	db_close(d);
	ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), 1);

	/* The latest program opens it: migrated, nothing lost. */
	ck_assert_int_eq(db_open(path, false, 0, &d, &e), ST_OK);
	ck_assert_int_eq(db_version(d), db_latest_version());
	ck_assert_int_ge(db_latest_version(), 2);
	call c;
	call_init(&c);
	ck_assert_int_eq(db_call_get(d, 1, &c, &e), ST_OK);
	ck_assert_str_eq(c.caller, "Mme Bérénice Lefèvre");
	ck_assert_str_eq(c.phone, "+33612345678");
	ck_assert_str_eq(c.subject, "Devis « ménage »");
	ck_assert_str_eq(c.taken_by, "marie");
	char buf[17];
	fmt_datetime(c.at, buf);
	ck_assert_str_eq(buf, "2025-06-02 09:30");
	fmt_datetime(c.due, buf);
	ck_assert_str_eq(buf, "2025-06-03 09:30");
	ck_assert(c.callback);
	ck_assert_int_eq(c.client_id, 0); /* the new column: no client */
	call_free(&c);
	char *v = NULL;
	ck_assert_int_eq(db_setting_get(d, "agency.name", &v, &e), ST_OK);
	ck_assert_str_eq(v, "Aide à Domicile");
	free(v);
	staff me = {0};
	ck_assert_int_eq(db_staff_by_login(d, "marie", &me, &e), ST_OK);
	ck_assert_str_eq(me.name, "Marie Curie");
	ck_assert_int_eq(me.role, ROLE_MANAGER);
	staff_free(&me);
	/* The search index made by version 1 still finds the call. */
	call_filter f;
	call_filter_init(&f);
	f.search = "lefe";
	call *rows = NULL;
	size_t n = 0;
	ck_assert_int_eq(db_calls_page(d, &f, NULL, false, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(rows[0].id, 1);
	calls_free(rows, n);
	/* The latest statements work on the migrated file. */
	sample_call(&c, "M. Nouveau", "2026-03-02 09:45");
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_OK);
	ck_assert_int_eq(c.id, 2);
	call_free(&c);
	db_close(d);

	ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), db_latest_version());
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM calls WHERE id = 1 AND client_id IS NULL"),
			 1);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM calls"), 2);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM staff"), 1);
	/* The audit trail of version 1 is kept too. */
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM history WHERE tbl = 'staff'"), 1);

	/* Opening again changes nothing. */
	ck_assert_int_eq(db_open(path, false, 0, &d, &e), ST_OK);
	ck_assert_int_eq(db_version(d), db_latest_version());
	db_close(d);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM calls"), 2);
}
END_TEST

/* Version 14: a contract's skills typed as free text become codes when they are codes of the
 * skills list or of the catalogue (any case, commas or spaces), else move into its notes. */
START_TEST(test_migration_contract_skills)
{
	const char *path = tmp_path("v13.db");
	db *d = NULL;
	cerr e = {0};
	ck_assert_int_eq(db_open(path, true, 13, &d, &e), ST_OK);
	ck_assert_int_eq(db_version(d), 13);
	ck_assert_int_eq(
		sqlite3_exec(d->h,
			     "INSERT INTO clients(name, created_at, name_key, first_key)"
			     " VALUES ('Lefèvre', '2026-01-05 10:00', 'lefevre', '');"
			     "INSERT INTO contracts(number, client_id, kind, date, start,"
			     " hourly_price_excl, vat_rate, hours, skills, created_by) VALUES"
			     " ('C2026-0001', 1, 'recurring', '2026-01-05', '2026-01-12', 2500, 1000,"
			     "  300, 'Permis, transferts permis', 'marie'),"
			     " ('C2026-0002', 1, 'recurring', '2026-01-05', '2026-01-12', 2500, 1000,"
			     "  300, 'Permis B et véhicule', 'marie'),"
			     " ('C2026-0003', 1, 'recurring', '2026-01-05', '2026-01-12', 2500, 1000,"
			     "  300, 'permis plongee', 'marie'),"
			     " ('C2026-0004', 1, 'recurring', '2026-01-05', '2026-01-12', 2500, 1000,"
			     "  300, '', 'marie'),"
			     " ('C2026-0005', 1, 'recurring', '2026-01-05', '2026-01-12', 2500, 1000,"
			     "  300, 'transferts \"x\"', 'marie');"
			     "UPDATE contracts SET status = 'signed', signed_on = '2026-01-06'"
			     " WHERE number = 'C2026-0001';",
			     NULL, NULL, NULL),
		SQLITE_OK);
	db_close(d);
	ck_assert_int_eq(db_open(path, false, 0, &d, &e), ST_OK);
	ck_assert_int_eq(db_version(d), db_latest_version());
	static const struct {
		int64_t id;
		const char *skills, *notes;
	} want[] = {
		{1, "permis,transferts", ""},             /* codes, even of a signed contract */
		{2, "", "Permis B et véhicule"},          /* text: kept as the note */
		{3, "", "permis plongee"},                /* one code unknown: all kept as the note */
		{4, "", ""},
		{5, "", "transferts \"x\""},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		contract k;
		contract_init(&k);
		ck_assert_int_eq(db_contract_get(d, want[i].id, &k, &e), ST_OK);
		ck_assert_str_eq(k.skills, want[i].skills);
		ck_assert_str_eq(k.notes, want[i].notes);
		contract_free(&k);
	}
	/* The audit trail follows the new column. */
	db_set_actor(d, "marie");
	db_set_clock(d, T("2026-03-02 10:00"));
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	ck_assert_int_eq(sqlite3_exec(d->h, "UPDATE contracts SET notes = 'vu' WHERE id = 4", NULL,
				      NULL, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(db_commit(d, &e), ST_OK);
	db_close(d);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM history WHERE tbl = 'contracts'"
				       " AND row_id = 4 AND json_extract(after, '$.notes') = 'vu'"
				       " AND json_extract(before, '$.notes') = ''"),
			 1);
}
END_TEST

/* Version 16: each client's first visit done under their first contract (R6), made from the
 * visits already there: the earliest done, not a planned one before it, not a visit of a later
 * contract; none for a client whose contracts are all drafts. */
START_TEST(test_migration_first_visits)
{
	const char *path = tmp_path("v15.db");
	db *d = NULL;
	cerr e = {0};
	ck_assert_int_eq(db_open(path, true, 15, &d, &e), ST_OK);
	ck_assert_int_eq(db_version(d), 15);
	ck_assert_int_eq(
		sqlite3_exec(d->h,
			     "INSERT INTO clients(name, created_at, name_key, first_key) VALUES"
			     " ('Lefèvre', '2026-01-05 10:00', 'lefevre', ''),"
			     " ('Simon', '2026-01-05 10:00', 'simon', '');"
			     "INSERT INTO contracts(number, client_id, kind, date, start,"
			     " hourly_price_excl, vat_rate, hours, skills, created_by) VALUES"
			     " ('C2026-0001', 1, 'recurring', '2026-01-05', '2026-01-12', 2500, 1000,"
			     "  300, '', 'marie'),"
			     " ('C2026-0002', 1, 'recurring', '2026-01-06', '2026-01-12', 2500, 1000,"
			     "  300, '', 'marie'),"
			     " ('C2026-0003', 2, 'recurring', '2026-01-05', '2026-01-12', 2500, 1000,"
			     "  300, '', 'marie');"
			     "INSERT INTO contract_lines(contract_id, position, label, hours,"
			     " hourly_price_excl, vat_rate) VALUES (1, 1, 'Ménage', 300, 2500, 1000),"
			     " (2, 1, 'Ménage', 300, 2500, 1000), (3, 1, 'Ménage', 300, 2500, 1000);"
			     "UPDATE contracts SET status = 'signed', signed_on = '2026-01-06'"
			     " WHERE id IN (1, 2);"
			     "INSERT INTO visits(contract_id, client_id, line_id, starts, ends, status,"
			     " created_at, created_by) VALUES"
			     " (1, 1, 1, '2026-01-12 09:00', '2026-01-12 11:00', 'planned',"
			     "  '2026-01-06 10:00', 'marie'),"
			     " (1, 1, 1, '2026-01-19 09:00', '2026-01-19 11:00', 'done',"
			     "  '2026-01-06 10:00', 'marie'),"
			     " (1, 1, 1, '2026-01-26 09:00', '2026-01-26 11:00', 'done',"
			     "  '2026-01-06 10:00', 'marie'),"
			     " (2, 1, 2, '2026-01-14 09:00', '2026-01-14 11:00', 'done',"
			     "  '2026-01-06 10:00', 'marie'),"
			     " (3, 2, 3, '2026-01-13 09:00', '2026-01-13 11:00', 'done',"
			     "  '2026-01-06 10:00', 'marie');",
			     NULL, NULL, NULL),
		SQLITE_OK);
	db_close(d);
	ck_assert_int_eq(db_open(path, false, 0, &d, &e), ST_OK);
	ck_assert_int_eq(db_version(d), db_latest_version());
	cday first = 0;
	ck_assert_int_eq(db_followup_first_visit(d, 1, &first, &e), ST_OK);
	ck_assert_int_eq(first, cal_days(2026, 1, 19));
	ck_assert_int_eq(db_followup_first_visit(d, 2, &first, &e), ST_OK);
	ck_assert_int_eq(first, NO_DAY);
	db_close(d);
}
END_TEST

START_TEST(test_newer_schema_refused)
{
	db *d = open_db("new.db");
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", db_latest_version() + 1);
	ck_assert_int_eq(sqlite3_exec(d->h, sql, NULL, NULL, NULL), SQLITE_OK);
	db_close(d);
	cerr e = {0};
	ck_assert_int_eq(db_open(tmp_path("new.db"), false, 0, &d, &e), ST_DB);
	ck_assert_ptr_null(d);
	ck_assert_msg(strstr(e.msg, "newer") != NULL, "message: %s", e.msg);
}
END_TEST

/* ---- constraints ---- */

START_TEST(test_constraint_empty_caller)
{
	db *d = open_db("c.db");
	cerr e = {0};
	call c;
	sample_call(&c, "", "2026-03-02 09:00");
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_INVALID);
	/* the field and the reason in words, never SQLite's own */
	ck_assert_str_eq(e.field, "caller");
	ck_assert_str_eq(e.msg, "must not be empty");
	free(c.caller);
	c.caller = xstrdup("   ");
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_INVALID);
	free(c.caller);
	c.caller = NULL;
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_INVALID);
	call_free(&c);
	ck_assert_int_eq(raw_int(tmp_path("c.db"), "SELECT count(*) FROM calls"), 0);
	db_close(d);
}
END_TEST

START_TEST(test_constraint_call_shapes)
{
	db *d = open_db("c.db");
	cerr e = {0};
	call c;
	/* A phone not in its normal form. */
	sample_call(&c, "Mme A", "2026-03-02 09:00");
	free(c.phone);
	c.phone = xstrdup("06 12 34 56 78");
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_INVALID);
	call_free(&c);
	/* A callback with no due time. */
	sample_call(&c, "Mme B", "2026-03-02 09:00");
	c.callback = true;
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_INVALID);
	/* A call back time without a callback. */
	c.callback = false;
	c.called_back_at = T("2026-03-02 10:00");
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_INVALID);
	c.called_back_at = NO_MINUTE;
	/* Cancelled without a reason. */
	c.cancelled = true;
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_INVALID);
	c.cancel_reason = xstrdup("  ");
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_INVALID);
	/* Documentation sent but never asked for. */
	c.cancelled = false;
	c.doc_sent_at = T("2026-03-02 11:00");
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_INVALID);
	call_free(&c);
	ck_assert_int_eq(raw_int(tmp_path("c.db"), "SELECT count(*) FROM calls"), 0);
	/* STRICT tables: a wrong type is refused, not converted. */
	ck_assert_int_ne(sqlite3_exec(d->h,
				      "INSERT INTO calls(at, caller, answered) VALUES "
				      "('2026-03-02 09:00', 'X', 'oui')",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	db_close(d);
}
END_TEST

START_TEST(test_calls_never_deleted)
{
	db *d = open_db("keep.db");
	cerr e = {0};
	call c;
	sample_call(&c, "Mme Garder", "2026-03-02 09:00");
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_OK);
	call_free(&c);
	db_close(d);

	sqlite3 *h = NULL;
	ck_assert_int_eq(sqlite3_open(tmp_path("keep.db"), &h), SQLITE_OK);
	char *msg = NULL;
	ck_assert_int_ne(sqlite3_exec(h, "DELETE FROM calls WHERE id = 1", NULL, NULL, &msg),
			 SQLITE_OK);
	ck_assert_ptr_nonnull(msg);
	ck_assert_msg(strstr(msg, "never deleted") != NULL, "message: %s", msg);
	sqlite3_free(msg);
	ck_assert_int_ne(sqlite3_exec(h, "DELETE FROM calls", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	ck_assert_int_eq(raw_int(tmp_path("keep.db"), "SELECT count(*) FROM calls"), 1);
}
END_TEST

/* ---- pragmas, files ---- */

static long long conn_int(db *d, const char *sql)
{
	sqlite3_stmt *st = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(d->h, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

START_TEST(test_pragmas)
{
	db *d = open_db("p.db");
	sqlite3_stmt *st = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(d->h, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	ck_assert_int_eq(conn_int(d, "PRAGMA foreign_keys"), 1);
	ck_assert_int_eq(conn_int(d, "PRAGMA synchronous"), 1); /* NORMAL */
	/* Waiting for another desk is a busy handler (busy_timeout reads 0): see
	 * test_waits_for_another_desk. */
	/* Foreign keys are enforced on this connection: no call for a client that does not exist. */
	ck_assert_int_ne(sqlite3_exec(d->h,
				      "INSERT INTO calls(at, caller, client_id) VALUES "
				      "('2026-03-02 09:00', 'X', 999)",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_extended_errcode(d->h), SQLITE_CONSTRAINT_FOREIGNKEY);
	db_close(d);
	/* WAL is a property of the file: another connection sees it too. */
	sqlite3 *h = NULL;
	ck_assert_int_eq(sqlite3_open(tmp_path("p.db"), &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	sqlite3_close(h);
}
END_TEST

static int mode_of(const char *path)
{
	struct stat sb;
	ck_assert_msg(stat(path, &sb) == 0, "stat %s: %s", path, strerror(errno));
	return (int)(sb.st_mode & 07777);
}

START_TEST(test_file_modes)
{
	mode_t old = umask(0); /* the program's own modes, whatever the umask */
	db *d = NULL;
	cerr e = {0};
	char path[512];
	snprintf(path, sizeof path, "%s/a/b/agency.db", tmpdir);
	int r = db_open(path, true, 0, &d, &e);
	umask(old);
	ck_assert_msg(r == ST_OK, "db_open: %s", e.msg);
	db_close(d);
	ck_assert_int_eq(mode_of(path), 0600);
	ck_assert_int_eq(mode_of(tmp_path("a/b")), 0700);
	ck_assert_int_eq(mode_of(tmp_path("a")), 0700);

	/* Without create, a missing file is not made. */
	snprintf(path, sizeof path, "%s/missing/agency.db", tmpdir);
	ck_assert_int_eq(db_open(path, false, 0, &d, &e), ST_NOT_FOUND);
	ck_assert_ptr_null(d);
	ck_assert_int_eq(access(tmp_path("missing"), F_OK), -1);
	/* A folder, or a file that is not a database, is refused. */
	ck_assert_int_eq(db_open(tmp_path("a"), true, 0, &d, &e), ST_IO);
	FILE *f = fopen(tmp_path("notes.txt"), "w");
	ck_assert_ptr_nonnull(f);
	fputs("Ceci n'est pas une base de données, mais un texte assez long pour avoir un "
	      "en-tête : 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789\n",
	      f);
	fclose(f);
	ck_assert_int_eq(db_open(tmp_path("notes.txt"), false, 0, &d, &e), ST_IO);
	ck_assert_ptr_null(d);
}
END_TEST

/* ---- transactions ---- */

static long long count_calls(const char *name)
{
	return raw_int(tmp_path(name), "SELECT count(*) FROM calls");
}

START_TEST(test_transactions)
{
	db *d = open_db("t.db");
	cerr e = {0};
	call c;
	/* Nested: the inner commit joins the outer transaction; others see nothing until the
	 * outer commit. */
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	sample_call(&c, "Mme Un", "2026-03-02 09:00");
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_OK);
	call_free(&c);
	ck_assert_int_eq(db_commit(d, &e), ST_OK);
	ck_assert_int_eq(count_calls("t.db"), 0);
	ck_assert_int_eq(db_commit(d, &e), ST_OK);
	ck_assert_int_eq(count_calls("t.db"), 1);

	/* Rollback leaves nothing, the audit trail included. */
	long long hist = raw_int(tmp_path("t.db"), "SELECT count(*) FROM history");
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	sample_call(&c, "Mme Deux", "2026-03-02 09:05");
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_OK);
	ck_assert_int_eq(db_setting_set(d, "agency.name", "Perdu", &e), ST_OK);
	call_free(&c);
	db_rollback(d);
	ck_assert_int_eq(count_calls("t.db"), 1);
	ck_assert_int_eq(raw_int(tmp_path("t.db"), "SELECT count(*) FROM settings"), 0);
	ck_assert_int_eq(raw_int(tmp_path("t.db"), "SELECT count(*) FROM history"), hist);

	/* An inner failure dooms the outer transaction: its commit reports it and saves nothing. */
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	sample_call(&c, "Mme Trois", "2026-03-02 09:10");
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_OK);
	call_free(&c);
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	db_rollback(d);
	ck_assert_int_ne(db_commit(d, &e), ST_OK);
	ck_assert_int_eq(count_calls("t.db"), 1);

	/* And the connection is usable afterwards. */
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	sample_call(&c, "Mme Quatre", "2026-03-02 09:15");
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_OK);
	call_free(&c);
	ck_assert_int_eq(db_commit(d, &e), ST_OK);
	ck_assert_int_eq(count_calls("t.db"), 2);
	db_close(d);
}
END_TEST

/* ---- numbering ---- */

static int next_number(db *d, const char *series, int year)
{
	cerr e = {0};
	int n = -1;
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	ck_assert_int_eq(db_next_number(d, series, year, &n, &e), ST_OK);
	ck_assert_int_eq(db_commit(d, &e), ST_OK);
	return n;
}

START_TEST(test_numbering)
{
	db *d = open_db("n.db");
	cerr e = {0};
	ck_assert_int_eq(next_number(d, "D", 2026), 1);
	ck_assert_int_eq(next_number(d, "D", 2026), 2);
	ck_assert_int_eq(next_number(d, "D", 2026), 3);
	/* Each series counts on its own. */
	ck_assert_int_eq(next_number(d, "C", 2026), 1);
	ck_assert_int_eq(next_number(d, "F", 2026), 1);
	ck_assert_int_eq(next_number(d, "D", 2026), 4);
	/* A new year starts again at 1; the old year goes on where it was. */
	ck_assert_int_eq(next_number(d, "D", 2027), 1);
	ck_assert_int_eq(next_number(d, "D", 2027), 2);
	ck_assert_int_eq(next_number(d, "C", 2027), 1);
	ck_assert_int_eq(next_number(d, "D", 2026), 5);
	/* Gapless: a number taken in a transaction that is rolled back is given again. */
	int n = 0;
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	ck_assert_int_eq(db_next_number(d, "F", 2026, &n, &e), ST_OK);
	ck_assert_int_eq(n, 2);
	db_rollback(d);
	ck_assert_int_eq(next_number(d, "F", 2026), 2);
	ck_assert_int_eq(next_number(d, "F", 2026), 3);
	db_close(d);
	/* Kept in the file. */
	d = open_db("n.db");
	ck_assert_int_eq(next_number(d, "D", 2026), 6);
	ck_assert_int_eq(next_number(d, "D", 2027), 3);
	db_close(d);
}
END_TEST

/* ---- audit trail ---- */

START_TEST(test_audit_trail)
{
	db *d = open_db("h.db");
	cerr e = {0};
	call c;
	sample_call(&c, "Mme Avant", "2026-03-02 09:00");
	free(c.subject);
	c.subject = xstrdup("Avant");
	db_set_actor(d, "marie");
	db_set_clock(d, T("2026-03-02 10:00"));
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_OK);
	ck_assert_int_eq(db_commit(d, &e), ST_OK);
	free(c.subject);
	c.subject = xstrdup("Après « devis »");
	db_set_actor(d, "zoe");
	db_set_clock(d, T("2026-03-03 14:30"));
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	ck_assert_int_eq(db_call_update(d, &c, &e), ST_OK);
	ck_assert_int_eq(db_commit(d, &e), ST_OK);

	history_row *rows = NULL;
	size_t n = 0;
	char at[17];
	ck_assert_int_eq(db_history_page(d, "calls", c.id, 0, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 2);
	/* Newest first: the update, with only what changed, before and after. */
	ck_assert_str_eq(rows[0].action, "update");
	ck_assert_str_eq(rows[0].actor, "zoe");
	ck_assert_str_eq(rows[0].tbl, "calls");
	ck_assert_int_eq(rows[0].row_id, c.id);
	fmt_datetime(rows[0].at, at);
	ck_assert_str_eq(at, "2026-03-03 14:30");
	ck_assert_uint_eq(rows[0].nfields, 1);
	ck_assert_field(&rows[0], "subject", "Avant", "Après « devis »");
	/* Then the insert, with every value as stored. */
	ck_assert_str_eq(rows[1].action, "insert");
	ck_assert_str_eq(rows[1].actor, "marie");
	fmt_datetime(rows[1].at, at);
	ck_assert_str_eq(at, "2026-03-02 10:00");
	ck_assert_field(&rows[1], "caller", NULL, "Mme Avant");
	ck_assert_field(&rows[1], "subject", NULL, "Avant");
	ck_assert_field(&rows[1], "phone", NULL, "+33612345678");
	ck_assert_field(&rows[1], "callback", NULL, "0");
	ck_assert_ptr_null(hfield(&rows[1], "phone_search")); /* generated: not audited */
	history_rows_free(rows, n);

	/* Paging by id: the page before the newest row holds the insert. */
	ck_assert_int_eq(db_history_page(d, NULL, 0, 0, 1, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 1);
	int64_t newest = rows[0].id;
	history_rows_free(rows, n);
	ck_assert_int_eq(db_history_page(d, NULL, 0, newest, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].action, "insert");
	history_rows_free(rows, n);

	/* Settings and staff are audited the same way. */
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	ck_assert_int_eq(db_setting_set(d, "desk.opens", "08:30", &e), ST_OK);
	ck_assert_int_eq(db_commit(d, &e), ST_OK);
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	ck_assert_int_eq(db_setting_set(d, "desk.opens", "09:15", &e), ST_OK);
	ck_assert_int_eq(db_commit(d, &e), ST_OK);
	ck_assert_int_eq(db_history_page(d, "settings", 0, 0, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(rows[0].nfields, 1);
	ck_assert_field(&rows[0], "value", "08:30", "09:15");
	ck_assert_field(&rows[1], "key", NULL, "desk.opens");
	ck_assert_field(&rows[1], "value", NULL, "08:30");
	history_rows_free(rows, n);

	/* Bulk work turns row-by-row audit off and writes one note instead. */
	db_set_audit(d, false);
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	call c2;
	sample_call(&c2, "Importé", "2026-03-02 08:00");
	ck_assert_int_eq(db_call_insert_bulk(d, &c2, &e), ST_OK);
	call_free(&c2);
	ck_assert_int_eq(db_history_note(d, "calls", 0, "import", "1 call from calls.csv", &e),
			 ST_OK);
	ck_assert_int_eq(db_commit(d, &e), ST_OK);
	db_set_audit(d, true);
	ck_assert_int_eq(db_history_page(d, "calls", 0, 0, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(rows[0].action, "import");
	ck_assert_uint_eq(rows[0].nfields, 1);
	ck_assert_field(&rows[0], "note", NULL, "1 call from calls.csv");
	history_rows_free(rows, n);
	call_free(&c);
	db_close(d);
}
END_TEST

/* ---- two processes on one file ---- */

#define PER_CHILD 500

/* A child: its own connection, made after the fork; PER_CHILD calls, one transaction each.
 * Reports by exit status only (never through Check from a grandchild). */
static void writer(const char *path, const char *login, int go_fd)
{
	char c;
	if (read(go_fd, &c, 1) < 0) /* wait for the start: both run at the same time */
		_exit(10);
	close(go_fd);
	app *a;
	cerr e = {0};
	if (app_open(&a, path, false, "2026-03-20 12:00", login, &e) != ST_OK) {
		fprintf(stderr, "%s: open: %s\n", login, e.msg);
		_exit(11);
	}
	for (int i = 0; i < PER_CHILD; i++) {
		call k;
		call_init(&k);
		k.caller = xasprintf("Appel %s %d", login, i);
		k.callback = i % 2 == 0;
		k.at = app_now(a) - i;
		if (call_log(a, &k, &e) != ST_OK) {
			fprintf(stderr, "%s: call %d: %s\n", login, i, e.msg);
			call_free(&k);
			app_close(a);
			_exit(12);
		}
		call_free(&k);
	}
	app_close(a);
	_exit(0);
}

START_TEST(test_two_processes)
{
	const char *p = tmp_path("shared.db");
	char path[512];
	snprintf(path, sizeof path, "%s", p);
	/* Prepare the file, staff included, and close it before any fork. */
	db *d = open_db("shared.db");
	cerr e = {0};
	staff a = {0, "marie", "Marie", ROLE_RECEPTIONIST, true};
	staff b = {0, "zoe", "Zoé", ROLE_RECEPTIONIST, true};
	ck_assert_int_eq(db_begin(d, &e), ST_OK);
	ck_assert_int_eq(db_staff_add(d, &a, &e), ST_OK);
	ck_assert_int_eq(db_staff_add(d, &b, &e), ST_OK);
	ck_assert_int_eq(db_commit(d, &e), ST_OK);
	db_close(d);

	int go[2];
	ck_assert_int_eq(pipe(go), 0);
	pid_t pids[2];
	const char *logins[2] = {"marie", "zoe"};
	for (int i = 0; i < 2; i++) {
		pids[i] = fork();
		ck_assert_int_ge(pids[i], 0);
		if (pids[i] == 0) {
			close(go[1]);
			writer(path, logins[i], go[0]);
		}
	}
	close(go[0]);
	close(go[1]); /* both children start now */
	for (int i = 0; i < 2; i++) {
		int status = 0;
		ck_assert_int_eq(waitpid(pids[i], &status, 0), pids[i]);
		ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
			      "child %s ended with status %d", logins[i], status);
	}
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM calls"), 1000);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM calls WHERE taken_by = 'marie'"), 500);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM calls WHERE taken_by = 'zoe'"), 500);
	ck_assert_int_eq(raw_int(path, "SELECT count(DISTINCT caller) FROM calls"), 1000);
	ck_assert_int_eq(raw_int(path, "SELECT max(id) FROM calls"), 1000);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM history WHERE tbl = 'calls'"), 1000);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM calls WHERE callback = 1"), 500);
}
END_TEST

/* Another desk holds the write lock for longer than a person notices (here 1.5 s; a long
 * import holds it for seconds): a write here waits, saying so, and then succeeds. */
static int waited_calls, waited_ms;
static void note_wait(int ms, void *arg)
{
	waited_calls++;
	waited_ms = ms;
}

START_TEST(test_waits_for_another_desk)
{
	const char *p = tmp_path("wait.db");
	char path[512];
	snprintf(path, sizeof path, "%s", p);
	db *d = open_db("wait.db");
	db_close(d);
	int ready[2];
	ck_assert_int_eq(pipe(ready), 0);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(ready[0]);
		db *o = NULL;
		cerr e = {0};
		if (db_open(path, false, 0, &o, &e) || db_begin(o, &e))
			_exit(10);
		if (write(ready[1], "x", 1) != 1)
			_exit(11);
		usleep(1500 * 1000);
		_exit(db_commit(o, &e) ? 12 : 0);
	}
	close(ready[1]);
	char x;
	ck_assert_int_eq(read(ready[0], &x, 1), 1); /* the other desk holds the lock now */
	close(ready[0]);
	cerr e = {0};
	ck_assert_int_eq(db_open(path, false, 0, &d, &e), ST_OK);
	db_set_actor(d, "marie");
	db_set_waiting(d, note_wait, NULL);
	call c;
	sample_call(&c, "Pendant l'import", "2026-03-02 09:00");
	ck_assert_msg(db_begin(d, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(db_call_insert(d, &c, &e), ST_OK);
	ck_assert_int_eq(db_commit(d, &e), ST_OK);
	call_free(&c);
	db_close(d);
	int status = 0;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_ge(waited_calls, 1); /* it said it was waiting */
	ck_assert_int_ge(waited_ms, 300);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM calls"), 1);
}
END_TEST

Suite *suite_db(void)
{
	Suite *s = suite_create("db");
	TCase *tc = tcase_create("storage");
	tcase_add_unchecked_fixture(tc, root_setup, root_teardown);
	tcase_add_checked_fixture(tc, tmp_make, NULL);
	tcase_add_test(tc, test_migration_keeps_data);
	tcase_add_test(tc, test_migration_contract_skills);
	tcase_add_test(tc, test_migration_first_visits);
	tcase_add_test(tc, test_newer_schema_refused);
	tcase_add_test(tc, test_constraint_empty_caller);
	tcase_add_test(tc, test_constraint_call_shapes);
	tcase_add_test(tc, test_calls_never_deleted);
	tcase_add_test(tc, test_pragmas);
	tcase_add_test(tc, test_file_modes);
	tcase_add_test(tc, test_transactions);
	tcase_add_test(tc, test_numbering);
	tcase_add_test(tc, test_audit_trail);
	suite_add_tcase(s, tc);

	TCase *tp = tcase_create("two processes");
	tcase_add_unchecked_fixture(tp, root_setup, root_teardown);
	tcase_add_checked_fixture(tp, tmp_make, NULL);
	tcase_set_timeout(tp, 120); /* 1,000 transactions, also under sanitizers */
	tcase_add_test(tp, test_two_processes);
	tcase_add_test(tp, test_waits_for_another_desk);
	suite_add_tcase(s, tp);
	return s;
}
