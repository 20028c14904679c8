/* test_import.c — `charte import calls` on real files: how the file is read (byte order mark,
 * ';' or ',', Windows-1252, French headers, quotes and line breaks in values), all or nothing
 * (a refused value anywhere: nothing written, every refused value named by line, column and
 * field), text kept exactly, derived fields computed as call_log does, one audit row.
 * "Now" is Friday 20 March 2026, 12:00. */
#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/core/core.h"
#include "charte/app.h"
#include "charte/call.h"
#include "charte/db_calls.h"
#include "charte/import.h"

/* ---- fixture: a fresh agency file with marie as its manager, opened in the forked child;
 * the temporary root is made in the parent (no SQLite there) ---- */

static char tmproot[64];
static char tmpdir[128];
static char dbpath[512];
static char csvpath[512];
static app *A;
static import_report R;

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(path);
}

static void root_setup(void)
{
	snprintf(tmproot, sizeof tmproot, "/tmp/charte-test-import.XXXXXX");
	if (!mkdtemp(tmproot))
		tmproot[0] = '\0';
}

static void root_teardown(void)
{
	if (tmproot[0])
		nftw(tmproot, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	tmproot[0] = '\0';
}

static void agency_setup(void)
{
	ck_assert_msg(tmproot[0] != '\0', "no temporary root folder");
	snprintf(tmpdir, sizeof tmpdir, "%s/t.XXXXXX", tmproot);
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	snprintf(dbpath, sizeof dbpath, "%s/agency.db", tmpdir);
	snprintf(csvpath, sizeof csvpath, "%s/calls.csv", tmpdir);
	cerr e = {0};
	ck_assert_msg(app_open(&A, dbpath, true, "2026-03-20 12:00", "marie", &e) == ST_OK, "%s",
	              e.msg);
	staff me = {0, "marie", "Marie Dubois", ROLE_MANAGER, true};
	ck_assert_int_eq(db_begin(A->db, &e), ST_OK);
	ck_assert_int_eq(db_staff_add(A->db, &me, &e), ST_OK);
	ck_assert_int_eq(db_commit(A->db, &e), ST_OK);
	ck_assert_int_eq(app_reload(A, &e), ST_OK);
	memset(&R, 0, sizeof R);
}

static void agency_teardown(void)
{
	import_report_free(&R);
	app_close(A);
}

/* ---- helpers ---- */

static void write_csv(const char *bytes, size_t n)
{
	FILE *f = fopen(csvpath, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(bytes, 1, n, f), n);
	ck_assert_int_eq(fclose(f), 0);
}
#define WRITE(lit) write_csv(lit, sizeof(lit) - 1)

static int import(void)
{
	cerr e = {0};
	import_report_free(&R);
	return import_calls(A, csvpath, NULL, NULL, &R, &e);
}

static int count_rows(const call *c, void *arg)
{
	(*(int *)arg)++;
	return 0;
}

static int ncalls(void)
{
	call_filter f;
	call_filter_init(&f);
	f.with_cancelled = true;
	int n = 0;
	cerr e = {0};
	ck_assert_int_eq(db_calls_each(A->db, &f, count_rows, &n, &e), ST_OK);
	return n;
}

static call get(int64_t id)
{
	call c;
	call_init(&c);
	cerr e = {0};
	ck_assert_msg(db_call_get(A->db, id, &c, &e) == ST_OK, "call %lld: %s", (long long)id,
	              e.msg);
	return c;
}

static cminute T(const char *text)
{
	cminute t = 0;
	ck_assert_msg(datetime_from_text(text, &t), "bad test datetime %s", text);
	return t;
}

#define ck_assert_minute(got, expect)                                                              \
	do {                                                                                       \
		char b_[17];                                                                       \
		fmt_datetime(got, b_);                                                             \
		ck_assert_str_eq(b_, expect);                                                      \
	} while (0)

/* The problem number i is at line:column for field. */
#define ck_problem(i, ln, col, fld)                                                                \
	do {                                                                                       \
		ck_assert_uint_gt(R.nproblems, (i));                                               \
		ck_assert_int_eq(R.problems[i].line, (ln));                                        \
		ck_assert_int_eq(R.problems[i].column, (col));                                     \
		ck_assert_str_eq(R.problems[i].field, (fld));                                      \
	} while (0)

/* ---- how the file is read ---- */

START_TEST(test_bom_semicolon_french_headers)
{
	WRITE("\xEF\xBB\xBF"
	      "Date;Heure;Appelant;T\xC3\xA9l\xC3\xA9phone;Objet;R\xC3\xA9pondu;Rappel;"
	      "Documentation\r\n"
	      "02/03/2026;14:05;Mme H\xC3\xA9l\xC3\xA8ne Lef\xC3\xA8vre;01 23 45 67 89;"
	      "\"Devis; m\xC3\xA9nage\";oui;non;OUI\r\n");
	ck_assert_int_eq(import(), ST_OK);
	ck_assert_uint_eq(R.rows, 1);
	ck_assert_int_eq(R.separator, ';');
	ck_assert_str_eq(R.encoding, "UTF-8");
	call c = get(R.first_id);
	ck_assert_str_eq(c.caller, "Mme Hélène Lefèvre");
	ck_assert_str_eq(c.phone, "+33123456789");
	ck_assert_str_eq(c.subject, "Devis; ménage");
	ck_assert_minute(c.at, "2026-03-02 14:05");
	ck_assert(c.answered && !c.callback && c.documentation);
	ck_assert_str_eq(c.taken_by, "marie"); /* no column: who imported */
	call_free(&c);
}
END_TEST

START_TEST(test_header_names_fold_case_accents_spaces)
{
	WRITE("DATE ET HEURE,  appelant ,N\xC2\xB0 client,Pris_par,RAPPEL\xC3\x89 LE,Rappel\n"
	      "2026-03-02 10:00,M. Noël,,sophie,2026-03-02 11:00,1\n");
	ck_assert_int_eq(import(), ST_OK);
	call c = get(R.first_id);
	ck_assert_str_eq(c.caller, "M. Noël");
	ck_assert_str_eq(c.taken_by, "sophie");
	ck_assert_minute(c.called_back_at, "2026-03-02 11:00");
	call_free(&c);
}
END_TEST

START_TEST(test_caller_from_civility_first_name_name)
{
	WRITE("Civilit\xC3\xA9;Pr\xC3\xA9nom;Nom;Date et heure\n"
	      "Mme;B\xC3\xA9r\xC3\xA9nice;Lef\xC3\xA8vre;2026-03-02 10:00\n"
	      ";;CCAS de Tours;2026-03-02 10:05\n");
	ck_assert_int_eq(import(), ST_OK);
	call c = get(R.first_id);
	ck_assert_str_eq(c.caller, "Mme Bérénice Lefèvre");
	call_free(&c);
	c = get(R.last_id);
	ck_assert_str_eq(c.caller, "CCAS de Tours");
	call_free(&c);
}
END_TEST

START_TEST(test_windows_1252)
{
	/* "Hélène" and "€", "’" (0x92) in Windows-1252: not valid UTF-8. */
	WRITE("Date et heure;Appelant;Objet\r\n"
	      "02/03/2026 10:00;Mme H\xE9l\xE8ne Lef\xE8vre;Facture 12\x80 l\x92"
	      "agence\r\n");
	ck_assert_int_eq(import(), ST_OK);
	ck_assert_str_eq(R.encoding, "Windows-1252");
	call c = get(R.first_id);
	ck_assert_str_eq(c.caller, "Mme Hélène Lefèvre");
	ck_assert_str_eq(c.subject, "Facture 12€ l’agence");
	call_free(&c);
}
END_TEST

START_TEST(test_comma_and_tab_separators)
{
	WRITE("at,caller,subject\n2026-03-02 10:00,\"Dupont; Jean\",a;b\n");
	ck_assert_int_eq(import(), ST_OK);
	ck_assert_int_eq(R.separator, ',');
	call c = get(R.first_id);
	ck_assert_str_eq(c.caller, "Dupont; Jean");
	ck_assert_str_eq(c.subject, "a;b");
	call_free(&c);
	WRITE("at\tcaller\tsubject\n2026-03-02 10:00\tDupont, Jean\tx\n");
	ck_assert_int_eq(import(), ST_OK);
	ck_assert_int_eq(R.separator, '\t');
	c = get(R.first_id);
	ck_assert_str_eq(c.caller, "Dupont, Jean");
	call_free(&c);
}
END_TEST

START_TEST(test_quotes_and_line_breaks_in_values)
{
	WRITE("at,caller,subject,phone\n"
	      "2026-03-02 10:00,\"Mme \"\"Zoé\"\"\nO'Brien\",\"line 1\r\nline 2\",\n"
	      "\n"
	      "2026-03-02 11:00,B,ok,\n");
	ck_assert_int_eq(import(), ST_OK);
	ck_assert_uint_eq(R.rows, 2);
	call c = get(R.first_id);
	ck_assert_str_eq(c.caller, "Mme \"Zoé\"\nO'Brien");
	ck_assert_str_eq(c.subject, "line 1\r\nline 2");
	ck_assert_ptr_null(c.phone);
	call_free(&c);
	/* Lines are counted in the file: a bad value after a value on two lines. */
	WRITE("at,caller,subject\n"
	      "2026-03-02 10:00,\"two\nlines\",x\n"
	      "2026-03-02 10:00,A,x\n"
	      "2026-02-30 10:00,B,x\n");
	ck_assert_int_eq(import(), ST_INVALID);
	ck_problem(0, 5, 1, "at");
}
END_TEST

START_TEST(test_text_kept_exactly)
{
	WRITE("at,caller,subject,callback,callback_note\n"
	      "2026-03-02 10:00,\"Robert'); DROP TABLE calls; --\",\"« Très urgent » 📞 "
	      "l'été, \"\"ça\"\" marche\",1,\"Rappelée ; 😀\"\n");
	ck_assert_int_eq(import(), ST_OK);
	call c = get(R.first_id);
	ck_assert_str_eq(c.caller, "Robert'); DROP TABLE calls; --");
	ck_assert_str_eq(c.subject, "« Très urgent » 📞 l'été, \"ça\" marche");
	ck_assert_ptr_null(c.called_back_at == NO_MINUTE ? NULL : "");
	ck_assert_str_eq(c.callback_note, "Rappelée ; 😀");
	call_free(&c);
	ck_assert_int_eq(ncalls(), 1);
}
END_TEST

/* `charte call list --csv` imports back: id, voicemail, due are ignored and derived again. */
START_TEST(test_call_list_csv_columns)
{
	WRITE("id,at,caller,phone,subject,answered,voicemail,callback,due,called_back_at,"
	      "documentation,documentation_sent_at,cancelled,client_id,taken_by,callback_note,"
	      "cancel_reason\r\n"
	      /* Friday 6 March 17:30, open: due Monday 9 March 17:30 (not the file's due) */
	      "41,2026-03-06 17:30,Mme A,+33123456789,Devis,0,1,1,2030-01-01 00:00,"
	      "2026-03-09 10:00,1,2026-03-07 09:00,0,,sophie,Rappelée,\r\n"
	      /* Saturday: voicemail, due Tuesday 10 March 09:00 */
	      "42,2026-03-07 10:00,M. B,,,0,0,1,,,0,,1,,lucie,,Saisi deux fois\r\n");
	ck_assert_int_eq(import(), ST_OK);
	ck_assert_uint_eq(R.rows, 2);
	ck_assert_int_eq(R.last_id, R.first_id + 1);
	call c = get(R.first_id);
	ck_assert(!c.voicemail && c.callback && c.documentation && !c.cancelled);
	ck_assert_minute(c.due, "2026-03-09 17:30");
	ck_assert_minute(c.called_back_at, "2026-03-09 10:00");
	ck_assert_minute(c.doc_due, "2026-03-10 17:30");
	ck_assert_minute(c.doc_sent_at, "2026-03-07 09:00");
	ck_assert_str_eq(c.taken_by, "sophie");
	ck_assert_str_eq(c.callback_note, "Rappelée");
	call_free(&c);
	c = get(R.last_id);
	ck_assert(c.voicemail && c.callback && c.cancelled);
	ck_assert_minute(c.due, "2026-03-10 09:00");
	ck_assert_str_eq(c.cancel_reason, "Saisi deux fois");
	call_free(&c);
}
END_TEST

/* The importer derives exactly what call_log derives. */
START_TEST(test_same_derivation_as_call_log)
{
	WRITE("at,caller,callback,documentation\n2026-03-13 19:30,X,1,1\n");
	ck_assert_int_eq(import(), ST_OK);
	call imported = get(R.first_id);
	call logged;
	call_init(&logged);
	logged.caller = xstrdup("X");
	logged.at = T("2026-03-13 19:30");
	logged.callback = logged.documentation = true;
	cerr e = {0};
	ck_assert_int_eq(call_log(A, &logged, &e), ST_OK);
	ck_assert_int_eq(imported.voicemail, logged.voicemail);
	ck_assert_int_eq(imported.due, logged.due);
	ck_assert_int_eq(imported.doc_due, logged.doc_due);
	ck_assert_minute(imported.due, "2026-03-17 09:00");
	call_free(&imported);
	call_free(&logged);
}
END_TEST

START_TEST(test_seconds_and_spreadsheet_booleans)
{
	WRITE("date;heure;nom;r\xC3\xA9pondu;rappel\n"
	      "2026-03-02;14:05:59;A;VRAI;FAUX\n"
	      "02/03/2026;9h30;B;faux;vrai\n");
	ck_assert_int_eq(import(), ST_OK);
	call c = get(R.first_id);
	ck_assert_minute(c.at, "2026-03-02 14:05");
	ck_assert(c.answered && !c.callback);
	call_free(&c);
	c = get(R.last_id);
	ck_assert_minute(c.at, "2026-03-02 09:30");
	ck_assert(!c.answered && c.callback);
	call_free(&c);
}
END_TEST

/* ---- all or nothing ---- */

START_TEST(test_bad_value_line_5_nothing_imported)
{
	WRITE("at,caller,phone\n"
	      "2026-03-02 10:00,A,0123456789\n"
	      "2026-03-02 10:01,B,0123456789\n"
	      "2026-03-02 10:02,C,0123456789\n"
	      "2026-03-02 10:03,D,01234\n"
	      "2026-03-02 10:04,E,0123456789\n");
	ck_assert_int_eq(import(), ST_INVALID);
	ck_assert_int_eq(ncalls(), 0);
	ck_assert_uint_eq(R.rows, 0);
	ck_assert_int_eq(R.first_id, 0);
	ck_assert_uint_eq(R.total_problems, 1);
	ck_problem(0, 5, 3, "phone");
	ck_assert_str_eq(R.problems[0].header, "phone");
	/* Nothing in the audit trail either. */
	history_row *rows;
	size_t n;
	cerr e = {0};
	ck_assert_int_eq(db_history_page(A->db, "calls", 0, 0, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 0);
	history_rows_free(rows, n);
}
END_TEST

START_TEST(test_every_refused_value_reported)
{
	WRITE("Date et heure;Appelant;T\xC3\xA9l\xC3\xA9phone;R\xC3\xA9pondu;Rappel;Annul\xC3\xA9\n"
	      "30/02/2026 10:00;;abc;peut-\xC3\xAAtre;0;0\n"
	      "2026-03-02 10:00;A;;1;1;0\n"
	      "2027-01-01 10:00;B;;0;0;1\n"
	      "2026-03-02 10:00;C;;0;0;0;extra\n");
	ck_assert_int_eq(import(), ST_INVALID);
	ck_assert_int_eq(ncalls(), 0);
	ck_assert_uint_eq(R.total_problems, 8);
	ck_problem(0, 2, 1, "at");
	ck_problem(1, 2, 2, "caller");
	ck_problem(2, 2, 3, "phone");
	ck_assert_str_eq(R.problems[2].header, "Téléphone");
	ck_problem(3, 2, 4, "answered");
	ck_problem(4, 3, 5, "callback");      /* answered and callback */
	ck_problem(5, 4, 1, "at");            /* later than now */
	ck_problem(6, 4, 6, "cancel_reason"); /* no such column: on "Annulé" */
	ck_problem(7, 5, 7, "");              /* beyond the header */
}
END_TEST

START_TEST(test_cross_field_rules)
{
	WRITE("at,caller,callback,called_back_at,documentation,documentation_sent_at,client_id\n"
	      "2026-03-02 10:00,A,0,2026-03-02 11:00,0,2026-03-02 11:00,\n"
	      "2026-03-02 10:00,B,1,2026-03-01 11:00,1,2026-03-21 11:00,\n"
	      "2026-03-02 10:00,C,0,,0,,999\n");
	ck_assert_int_eq(import(), ST_INVALID);
	ck_assert_uint_eq(R.total_problems, 5);
	ck_problem(0, 2, 4, "called_back_at"); /* no callback asked */
	ck_problem(1, 2, 6, "documentation_sent_at");
	ck_problem(2, 3, 4, "called_back_at");        /* before the call */
	ck_problem(3, 3, 6, "documentation_sent_at"); /* later than now */
	ck_problem(4, 4, 7, "client_id");             /* no such client */
	ck_assert_int_eq(ncalls(), 0);
}
END_TEST

START_TEST(test_at_most_50_kept)
{
	strbuf b = {0};
	sb_add(&b, "at,caller\n");
	for (int i = 0; i < 60; i++)
		sb_add(&b, "yesterday,A\n");
	write_csv(b.s, b.len);
	sb_free(&b);
	ck_assert_int_eq(import(), ST_INVALID);
	ck_assert_uint_eq(R.nproblems, IMPORT_MAX_PROBLEMS);
	ck_assert_uint_eq(R.total_problems, 60);
	ck_problem(49, 51, 1, "at");
}
END_TEST

/* ---- the header ---- */

START_TEST(test_unknown_duplicate_and_missing_columns)
{
	WRITE("at,nom,appelant,couleur\n2026-03-02 10:00,A,B,bleu\n");
	ck_assert_int_eq(import(), ST_INVALID);
	ck_assert_uint_eq(R.total_problems, 2);
	ck_problem(0, 1, 3, "caller"); /* a second caller column */
	ck_problem(1, 1, 4, "");       /* unknown */
	ck_assert_ptr_nonnull(strstr(R.problems[1].reason, "couleur"));
	WRITE("caller,subject\nA,x\n");
	ck_assert_int_eq(import(), ST_INVALID);
	ck_problem(0, 1, 0, "at");
	WRITE("at,subject\n2026-03-02 10:00,x\n");
	ck_assert_int_eq(import(), ST_INVALID);
	ck_problem(0, 1, 0, "caller");
	ck_assert_int_eq(ncalls(), 0);
}
END_TEST

START_TEST(test_empty_file_and_header_only)
{
	WRITE("");
	ck_assert_int_eq(import(), ST_INVALID);
	ck_problem(0, 1, 0, "");
	WRITE("\xEF\xBB\xBF"
	      "at;caller\r\n");
	ck_assert_int_eq(import(), ST_OK);
	ck_assert_uint_eq(R.rows, 0);
}
END_TEST

START_TEST(test_unclosed_quote)
{
	WRITE("at,caller\n2026-03-02 10:00,\"never closed\n2026-03-02 11:00,B\n");
	ck_assert_int_eq(import(), ST_INVALID);
	ck_problem(0, 2, 2, "");
	ck_assert_int_eq(ncalls(), 0);
}
END_TEST

START_TEST(test_not_a_file_utf16_not_staff)
{
	cerr e = {0};
	ck_assert_int_eq(import_calls(A, "/nonexistent/x.csv", NULL, NULL, &R, &e), ST_INVALID);
	WRITE("\xFF\xFE"
	      "a\0t\0");
	ck_assert_int_eq(import_calls(A, csvpath, NULL, NULL, &R, &e), ST_INVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "UTF-16"));
	WRITE("at,caller\n2026-03-02 10:00,A\n");
	A->me.role = ROLE_NONE;
	ck_assert_int_eq(import_calls(A, csvpath, NULL, NULL, &R, &e), ST_DENIED);
	ck_assert_int_eq(ncalls(), 0);
}
END_TEST

/* ---- the audit trail, progress ---- */

static void progress(int percent, void *arg)
{
	int *last = arg;
	ck_assert_int_ge(percent, *last);
	ck_assert_int_le(percent, 100);
	*last = percent;
}

START_TEST(test_one_summary_row_and_progress)
{
	strbuf b = {0};
	sb_add(&b, "at,caller,subject\n");
	for (int i = 0; i < 3000; i++)
		sb_addf(&b, "2026-03-02 10:00,Caller %d,%s\n", i,
		        "une ligne assez longue pour "
		        "dépasser un bloc de lecture");
	write_csv(b.s, b.len);
	sb_free(&b);
	int last = -1;
	cerr e = {0};
	ck_assert_int_eq(import_calls(A, csvpath, progress, &last, &R, &e), ST_OK);
	ck_assert_int_eq(last, 100);
	ck_assert_uint_eq(R.rows, 3000);
	history_row *rows;
	size_t n;
	ck_assert_int_eq(db_history_page(A->db, "calls", 0, 0, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].action, "import");
	ck_assert_uint_eq(rows[0].nfields, 1);
	ck_assert_ptr_nonnull(strstr(rows[0].fields[0].after, "3000"));
	history_rows_free(rows, n);
	/* and the audit is on again for the next change */
	call c;
	call_init(&c);
	c.caller = xstrdup("after");
	ck_assert_int_eq(call_log(A, &c, &e), ST_OK);
	call_free(&c);
	ck_assert_int_eq(db_history_page(A->db, "calls", 0, 0, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 2);
	history_rows_free(rows, n);
}
END_TEST

START_TEST(test_encoding_line_by_line)
{
	/* Line 2 saved as UTF-8, line 3 as Windows-1252 (two spreadsheets pasted together): each
	 * line is read in its own encoding, so both callers are "Mme Hélène". */
	WRITE("at;caller;subject\n"
	      "2026-03-02 10:00;Mme H\xC3\xA9l\xC3\xA8ne;UTF-8\n"
	      "2026-03-02 11:00;Mme H\xE9l\xE8ne;1252\n"
	      "2026-03-02 12:00;M. Petit;ASCII\n");
	ck_assert_int_eq(import(), ST_OK);
	ck_assert_uint_eq(R.rows, 3);
	ck_assert_str_eq(R.encoding, "UTF-8 and Windows-1252, line by line");
	call c = get(R.first_id);
	ck_assert_str_eq(c.caller, "Mme Hélène");
	call_free(&c);
	c = get(R.first_id + 1);
	ck_assert_str_eq(c.caller, "Mme Hélène");
	call_free(&c);
}
END_TEST

/* While the file is being checked (the first half of the progress), another desk logs a call:
 * it must not wait for the import's lock. With the lock held it would wait for the busy
 * timeout (longer than this test may run) and fail. */
struct other_desk {
	int logged; /* calls the other desk logged while the import was checking */
	int last;
};

static void other_desk_writes(int percent, void *arg)
{
	struct other_desk *o = arg;
	o->last = percent;
	if (percent >= 50 || o->logged)
		return;
	app *b;
	cerr e = {0};
	ck_assert_int_eq(app_open(&b, dbpath, false, "2026-03-20 12:00", "marie", &e), ST_OK);
	call c;
	call_init(&c);
	c.caller = xstrdup("Appel pendant l'import");
	ck_assert_msg(call_log(b, &c, &e) == ST_OK, "%s", e.msg);
	call_free(&c);
	app_close(b);
	o->logged++;
}

START_TEST(test_checking_takes_no_lock)
{
	strbuf b = {0};
	sb_add(&b, "at,caller,subject\n");
	for (int i = 0; i < 3000; i++)
		sb_addf(&b, "2026-03-02 10:00,Caller %d,une ligne assez longue pour un bloc\n", i);
	write_csv(b.s, b.len);
	struct other_desk o = {0, -1};
	cerr e = {0};
	ck_assert_int_eq(import_calls(A, csvpath, other_desk_writes, &o, &R, &e), ST_OK);
	ck_assert_int_eq(o.logged, 1);
	ck_assert_int_eq(o.last, 100);
	ck_assert_uint_eq(R.rows, 3000);
	ck_assert_int_eq(ncalls(), 3001);
	/* A refused file never takes the lock either: the other desk still writes. */
	sb_add(&b, "not a date,Caller X,x\n");
	write_csv(b.s, b.len);
	sb_free(&b);
	o.logged = 0;
	import_report_free(&R);
	ck_assert_int_eq(import_calls(A, csvpath, other_desk_writes, &o, &R, &e), ST_INVALID);
	ck_assert_int_eq(o.logged, 1);
	ck_assert_uint_eq(R.rows, 0);
	ck_assert_int_eq(ncalls(), 3002);
}
END_TEST

Suite *suite_import(void)
{
	Suite *s = suite_create("import");
	TCase *t = tcase_create("calls");
	tcase_add_unchecked_fixture(t, root_setup, root_teardown);
	tcase_add_checked_fixture(t, agency_setup, agency_teardown);
	tcase_add_test(t, test_bom_semicolon_french_headers);
	tcase_add_test(t, test_header_names_fold_case_accents_spaces);
	tcase_add_test(t, test_caller_from_civility_first_name_name);
	tcase_add_test(t, test_windows_1252);
	tcase_add_test(t, test_comma_and_tab_separators);
	tcase_add_test(t, test_quotes_and_line_breaks_in_values);
	tcase_add_test(t, test_text_kept_exactly);
	tcase_add_test(t, test_call_list_csv_columns);
	tcase_add_test(t, test_same_derivation_as_call_log);
	tcase_add_test(t, test_seconds_and_spreadsheet_booleans);
	tcase_add_test(t, test_bad_value_line_5_nothing_imported);
	tcase_add_test(t, test_every_refused_value_reported);
	tcase_add_test(t, test_cross_field_rules);
	tcase_add_test(t, test_at_most_50_kept);
	tcase_add_test(t, test_unknown_duplicate_and_missing_columns);
	tcase_add_test(t, test_empty_file_and_header_only);
	tcase_add_test(t, test_unclosed_quote);
	tcase_add_test(t, test_not_a_file_utf16_not_staff);
	tcase_add_test(t, test_one_summary_row_and_progress);
	tcase_add_test(t, test_encoding_line_by_line);
	tcase_add_test(t, test_checking_takes_no_lock);
	suite_add_tcase(s, t);
	return s;
}
