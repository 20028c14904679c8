/* test_calls.c — the front desk end to end on a real file with a fixed "now": call_log's checks
 * and derived fields (voicemail, R1 at its edges, documentation deadline), the state rules of
 * called back / documentation sent / cancelled, keyset paging, and search as a person types.
 * "Now" is Friday 20 March 2026, 12:00, unless a test moves it. Dates used: Mon 2 Mar, Tue 3,
 * Wed 4, Fri 6, Sat 7, Wed 11, Thu 12 Mar (made a closure date), Fri 3 Apr, Mon 6 Apr (Easter
 * Monday), Fri 1 May (public holiday), Wed 13 May, Thu 14 May 2026 (Ascension). */
#include <check.h>
#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/core/core.h"
#include "charte/app.h"
#include "charte/call.h"
#include "charte/db_calls.h"
#include "charte/settings.h"

/* ---- the fixture: a fresh agency file with marie as its manager, opened in the test's
 * forked child ---- */

static char tmpdir[128];
static char dbpath[512];
static app *A;

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(path);
}

/* The folders live under one root made and removed by an unchecked fixture (in Check's
 * parent process, so also after a failed test, whose child ends at once). No SQLite there. */
static char tmproot[64];

static void root_setup(void)
{
	snprintf(tmproot, sizeof tmproot, "/tmp/charte-test-calls.XXXXXX");
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

static cminute T(const char *text)
{
	cminute t = 0;
	ck_assert_msg(datetime_from_text(text, &t), "bad test datetime %s", text);
	return t;
}

static void agency_setup(void)
{
	tmp_make();
	snprintf(dbpath, sizeof dbpath, "%s/agency.db", tmpdir);
	cerr e = {0};
	ck_assert_msg(app_open(&A, dbpath, true, "2026-03-20 12:00", "marie", &e) == ST_OK, "%s",
		      e.msg);
	staff me = {0, "marie", "Marie Dubois", ROLE_MANAGER, true};
	ck_assert_int_eq(db_begin(A->db, &e), ST_OK);
	ck_assert_int_eq(db_staff_add(A->db, &me, &e), ST_OK);
	ck_assert_int_eq(db_commit(A->db, &e), ST_OK);
	ck_assert_int_eq(app_reload(A, &e), ST_OK);
	ck_assert_int_eq(A->me.role, ROLE_MANAGER);
}

static void agency_teardown(void)
{
	app_close(A);
}

/* Calls in the file, cancelled ones included, counted by another connection. */
static long long stored_calls(void)
{
	sqlite3 *h = NULL;
	ck_assert_int_eq(sqlite3_open_v2(dbpath, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(h, "SELECT count(*) FROM calls", -1, &st, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	long long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

#define ck_assert_minute(got, expect)                                                              \
	do {                                                                                       \
		char b_[17];                                                                       \
		fmt_datetime(got, b_);                                                             \
		ck_assert_str_eq(b_, expect);                                                      \
	} while (0)

/* A call as typed at the desk. */
static void typed(call *c, const char *caller, const char *at)
{
	call_init(c);
	c->caller = xstrdup(caller);
	c->at = at ? T(at) : NO_MINUTE;
}

/* Log a call that must be accepted; returns its id, leaves the stored values in *out. */
static int64_t log_ok(call *c)
{
	cerr e = {0};
	int r = call_log(A, c, &e);
	ck_assert_msg(r == ST_OK, "call_log(%s): %s: %s", c->caller, e.field, e.msg);
	ck_assert_int_gt(c->id, 0);
	return c->id;
}

/* The due time of a callback asked for at `at`, and whether it was a voicemail. */
static void callback_at(const char *at, const char *due, bool voicemail)
{
	call c;
	typed(&c, "Rappel", at);
	c.callback = true;
	log_ok(&c);
	call got;
	call_init(&got);
	cerr e = {0};
	ck_assert_int_eq(db_call_get(A->db, c.id, &got, &e), ST_OK);
	char b[17];
	fmt_datetime(got.due, b);
	ck_assert_msg(strcmp(b, due) == 0, "call at %s: due %s, expected %s", at, b, due);
	ck_assert_msg(got.voicemail == voicemail, "call at %s: voicemail %d", at, got.voicemail);
	call_free(&got);
	call_free(&c);
}

/* ---- call_log ---- */

START_TEST(test_voicemail_when_closed)
{
	struct {
		const char *at;
		bool voicemail;
	} cases[] = {
		{"2026-03-02 10:00", false}, /* Monday, open */
		{"2026-03-02 09:00", false}, /* opening minute */
		{"2026-03-02 17:59", false}, /* last open minute */
		{"2026-03-02 18:00", true},  /* closing minute */
		{"2026-03-02 08:59", true},
		{"2026-03-03 00:00", true},
		{"2026-03-07 11:00", true},  /* Saturday */
		{"2026-03-08 11:00", true},  /* Sunday */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		call c;
		typed(&c, "Mme Voix", cases[i].at);
		log_ok(&c);
		ck_assert_msg(c.voicemail == cases[i].voicemail, "%s: voicemail %d", cases[i].at,
			      c.voicemail);
		call_free(&c);
	}
	/* A public holiday (1 May, a Friday) and an agency closure date. */
	A->now = T("2026-06-30 12:00");
	call c;
	typed(&c, "Mme Férié", "2026-05-01 10:00");
	log_ok(&c);
	ck_assert(c.voicemail);
	call_free(&c);
	cerr e = {0};
	ck_assert_int_eq(settings_set(A, "desk.closed_dates", "2026-06-15", &e), ST_OK);
	typed(&c, "Mme Fermé", "2026-06-15 10:00");
	log_ok(&c);
	ck_assert(c.voicemail);
	call_free(&c);
	typed(&c, "Mme Ouvert", "2026-06-16 10:00");
	log_ok(&c);
	ck_assert(!c.voicemail);
	call_free(&c);
}
END_TEST

START_TEST(test_r1_edges)
{
	/* Open: the same clock time, next working day. */
	callback_at("2026-03-02 10:15", "2026-03-03 10:15", false);
	/* Friday afternoon: Monday, same time. */
	callback_at("2026-03-06 16:30", "2026-03-09 16:30", false);
	callback_at("2026-03-06 17:59", "2026-03-09 17:59", false);
	/* Friday after closing, Saturday, Sunday: received Monday 09:00, due Tuesday 09:00. */
	callback_at("2026-03-06 18:00", "2026-03-10 09:00", true);
	callback_at("2026-03-07 10:00", "2026-03-10 09:00", true);
	callback_at("2026-03-08 23:59", "2026-03-10 09:00", true);
	/* A weekday evening: received the next morning, due the morning after. */
	callback_at("2026-03-03 19:30", "2026-03-05 09:00", true);
	/* 08:59: received at 09:00 the same day, due 09:00 the next. */
	callback_at("2026-03-04 08:59", "2026-03-05 09:00", true);
	/* The day before a closure date set in the settings: the day after it. */
	cerr e = {0};
	ck_assert_int_eq(settings_set(A, "desk.closed_dates", "2026-03-12", &e), ST_OK);
	callback_at("2026-03-11 10:00", "2026-03-13 10:00", false);
	/* On the closure date itself: a voicemail, received Friday 09:00, due Monday 09:00. */
	callback_at("2026-03-12 10:00", "2026-03-16 09:00", true);

	A->now = T("2026-06-30 12:00");
	/* The eve of a public holiday: Wednesday before Ascension -> Friday. */
	callback_at("2026-05-13 10:00", "2026-05-15 10:00", false);
	/* Good Friday (not a holiday in France) before Easter Monday -> Tuesday. */
	callback_at("2026-04-03 15:00", "2026-04-07 15:00", false);
	/* Easter Monday itself: received Tuesday 09:00, due Wednesday 09:00. */
	callback_at("2026-04-06 10:00", "2026-04-08 09:00", true);
	/* The delay is a setting. */
	ck_assert_int_eq(settings_set(A, "callback.delay_days", "2", &e), ST_OK);
	callback_at("2026-06-26 10:00", "2026-06-30 10:00", false); /* Friday + 2 -> Tuesday */
	/* So are the opening hours. */
	ck_assert_int_eq(settings_set(A, "desk.closes", "20:00", &e), ST_OK);
	callback_at("2026-06-24 19:30", "2026-06-26 19:30", false);
}
END_TEST

START_TEST(test_documentation_deadline)
{
	call c;
	typed(&c, "Mme Brochure", "2026-03-16 10:00"); /* Monday */
	c.documentation = true;
	log_ok(&c);
	ck_assert_minute(c.doc_due, "2026-03-18 10:00"); /* 2 working days */
	ck_assert(call_doc_pending(&c));
	call_free(&c);
	typed(&c, "Mme Brochure du soir", "2026-03-19 20:00"); /* Thursday evening */
	c.documentation = true;
	log_ok(&c);
	ck_assert_minute(c.doc_due, "2026-03-24 09:00"); /* received Fri 09:00 -> Tue 09:00 */
	call_free(&c);
	typed(&c, "Sans brochure", "2026-03-16 10:00");
	log_ok(&c);
	ck_assert_int_eq(c.doc_due, NO_MINUTE);
	ck_assert(!call_doc_pending(&c));
	call_free(&c);
}
END_TEST

/* call_log refuses c: status, field, and nothing stored. */
static void refused(call *c, int status, const char *field)
{
	long long before = stored_calls();
	cerr e = {0};
	int r = call_log(A, c, &e);
	ck_assert_msg(r == status, "%s: status %d (%s), expected %d", field, r, e.msg, status);
	ck_assert_str_eq(e.field, field);
	ck_assert_msg(e.msg[0] != '\0', "a reason is given");
	ck_assert_int_eq(stored_calls(), before);
	call_free(c);
}

START_TEST(test_bad_calls_refused)
{
	call c;
	/* Future: one minute after now. */
	typed(&c, "Mme Futur", "2026-03-20 12:01");
	refused(&c, ST_INVALID, "at");
	typed(&c, "Mme Passé lointain", "1999-12-31 23:59");
	refused(&c, ST_INVALID, "at");
	/* Answered at once and a callback. */
	typed(&c, "Mme Les Deux", "2026-03-20 11:00");
	c.answered = c.callback = true;
	refused(&c, ST_INVALID, "callback");
	typed(&c, "", "2026-03-20 11:00");
	refused(&c, ST_INVALID, "caller");
	typed(&c, " \t ", "2026-03-20 11:00");
	refused(&c, ST_INVALID, "caller");
	typed(&c, "Mme \xff\xfe", "2026-03-20 11:00");
	refused(&c, ST_INVALID, "caller");
	typed(&c, "Mme Tél", "2026-03-20 11:00");
	c.phone = xstrdup("06 12");
	refused(&c, ST_INVALID, "phone");
	typed(&c, "Mme Sujet", "2026-03-20 11:00");
	c.subject = xstrdup("caf\xe9");
	refused(&c, ST_INVALID, "subject");
	/* "Answered at once" while the desk was closed contradicts itself: the desk opens at
	 * 09:00 and closes at 18:00, Monday to Friday (20 March 2026 is a Friday). */
	typed(&c, "Mme Avant l'ouverture", "2026-03-20 08:59");
	c.answered = true;
	refused(&c, ST_INVALID, "answered");
	typed(&c, "Mme Après la fermeture", "2026-03-19 18:00");
	c.answered = true;
	refused(&c, ST_INVALID, "answered");
	typed(&c, "Mme Samedi", "2026-03-14 10:00");
	c.answered = true;
	refused(&c, ST_INVALID, "answered");
	/* Now itself is fine. */
	typed(&c, "Mme Maintenant", "2026-03-20 12:00");
	log_ok(&c);
	call_free(&c);
	typed(&c, "Mme À l'ouverture", "2026-03-20 09:00");
	c.answered = true;
	log_ok(&c);
	call_free(&c);
	typed(&c, "Mme Juste avant la fermeture", "2026-03-19 17:59");
	c.answered = true;
	log_ok(&c);
	call_free(&c);
	ck_assert_int_eq(stored_calls(), 3);
}
END_TEST

START_TEST(test_not_staff_refused)
{
	app_close(A);
	cerr e = {0};
	ck_assert_int_eq(app_open(&A, dbpath, false, "2026-03-20 12:00", "inconnu", &e), ST_OK);
	ck_assert_int_eq(A->me.role, ROLE_NONE);
	call c;
	typed(&c, "Mme Intrus", "2026-03-20 11:00");
	refused(&c, ST_DENIED, "user");
	typed(&c, "Mme Intrus", NULL);
	ck_assert_int_eq(call_log(A, &c, &e), ST_DENIED);
	ck_assert_ptr_nonnull(strstr(e.msg, "charte staff add --login inconnu"));
	call_free(&c);
}
END_TEST

START_TEST(test_phone_normalised_and_fields_set)
{
	struct {
		const char *typed, *stored;
	} phones[] = {
		{"06 12 34 56 78", "+33612345678"},
		{"06.12.34.56.78", "+33612345678"},
		{"+33 (0)1 23 45 67 89", "+33123456789"},
		{"0033 1 23 45 67 89", "+33123456789"},
		{"+44 20 7946 0958", "+442079460958"},
	};
	for (size_t i = 0; i < sizeof phones / sizeof phones[0]; i++) {
		call c;
		typed(&c, "  Mme Numéro  ", "2026-03-20 11:00");
		c.phone = xstrdup(phones[i].typed);
		log_ok(&c);
		call got;
		call_init(&got);
		cerr e = {0};
		ck_assert_int_eq(db_call_get(A->db, c.id, &got, &e), ST_OK);
		ck_assert_str_eq(got.phone, phones[i].stored);
		ck_assert_str_eq(got.caller, "Mme Numéro"); /* trimmed */
		ck_assert_str_eq(got.taken_by, "marie");
		ck_assert_str_eq(got.subject, "");
		call_free(&got);
		call_free(&c);
	}
	/* A blank phone is no phone; no time means now. */
	call c;
	typed(&c, "Mme Sans Numéro", NULL);
	c.phone = xstrdup("   ");
	log_ok(&c);
	ck_assert_ptr_null(c.phone);
	ck_assert_minute(c.at, "2026-03-20 12:00");
	call_free(&c);
}
END_TEST

/* ---- state rules ---- */

START_TEST(test_called_back)
{
	call c;
	typed(&c, "Mme Rappel", "2026-03-16 10:00");
	c.callback = true;
	int64_t id = log_ok(&c);
	ck_assert(call_is_open(&c));
	ck_assert(!call_is_overdue(&c, T("2026-03-17 10:00"))); /* due exactly now: not yet */
	ck_assert(call_is_overdue(&c, T("2026-03-17 10:01")));
	call_free(&c);
	cerr e = {0};
	/* Before the call, or later than now: refused. */
	ck_assert_int_eq(call_called_back(A, id, T("2026-03-16 09:59"), NULL, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "at");
	ck_assert_int_eq(call_called_back(A, id, T("2026-03-20 12:01"), NULL, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "at");
	ck_assert_int_eq(call_called_back(A, id, T("2026-03-17 09:30"), " Rappelée, RDV jeudi ",
					  &e),
			 ST_OK);
	call got;
	call_init(&got);
	ck_assert_int_eq(db_call_get(A->db, id, &got, &e), ST_OK);
	ck_assert_minute(got.called_back_at, "2026-03-17 09:30");
	ck_assert_str_eq(got.callback_note, "Rappelée, RDV jeudi");
	ck_assert(!call_is_open(&got));
	ck_assert(!call_is_overdue(&got, T("2026-03-20 12:00")));
	call_free(&got);
	/* Twice: a conflict, the first time kept. */
	ck_assert_int_eq(call_called_back(A, id, NO_MINUTE, NULL, &e), ST_CONFLICT);
	call_init(&got);
	ck_assert_int_eq(db_call_get(A->db, id, &got, &e), ST_OK);
	ck_assert_minute(got.called_back_at, "2026-03-17 09:30");
	call_free(&got);
	/* A call that asked for no callback. */
	typed(&c, "Mme Répondu", "2026-03-16 10:05");
	c.answered = true;
	int64_t answered = log_ok(&c);
	call_free(&c);
	ck_assert_int_eq(call_called_back(A, answered, NO_MINUTE, NULL, &e), ST_CONFLICT);
	/* No such call. */
	ck_assert_int_eq(call_called_back(A, 999, NO_MINUTE, NULL, &e), ST_NOT_FOUND);
	/* Without a time: now. */
	typed(&c, "Mme Rappel 2", "2026-03-19 10:00");
	c.callback = true;
	int64_t id2 = log_ok(&c);
	call_free(&c);
	ck_assert_int_eq(call_called_back(A, id2, NO_MINUTE, NULL, &e), ST_OK);
	call_init(&got);
	ck_assert_int_eq(db_call_get(A->db, id2, &got, &e), ST_OK);
	ck_assert_minute(got.called_back_at, "2026-03-20 12:00");
	ck_assert_ptr_null(got.callback_note);
	call_free(&got);
}
END_TEST

/* A callback tried with no answer: kept (when, note, who), in time order; the callback stays
 * open and due as it was; refused where "called back" would be, and for a bad time. */
START_TEST(test_callback_attempt)
{
	call c;
	typed(&c, "Mme Essai", "2026-03-16 10:00");
	c.callback = true;
	int64_t id = log_ok(&c);
	call_free(&c);
	cerr e = {0};
	ck_assert_int_eq(call_attempt(A, id, T("2026-03-17 09:15"), " Messagerie pleine ", &e),
			 ST_OK);
	ck_assert_int_eq(call_attempt(A, id, NO_MINUTE, NULL, &e), ST_OK); /* now */
	ck_assert_int_eq(call_attempt(A, id, T("2026-03-16 11:00"), "Occupé", &e), ST_OK);
	ck_assert_int_eq(call_attempt(A, id, T("2026-03-16 09:59"), NULL, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "at");
	ck_assert_int_eq(call_attempt(A, id, T("2026-03-20 12:01"), NULL, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "at");
	callback_attempt *rows = NULL;
	size_t n = 0;
	ck_assert_int_eq(call_attempts(A, id, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_minute(rows[0].at, "2026-03-16 11:00");
	ck_assert_str_eq(rows[0].note, "Occupé");
	ck_assert_minute(rows[1].at, "2026-03-17 09:15");
	ck_assert_str_eq(rows[1].note, "Messagerie pleine");
	ck_assert_str_eq(rows[1].by, "marie");
	ck_assert_minute(rows[2].at, "2026-03-20 12:00");
	ck_assert_str_eq(rows[2].note, "");
	call_attempts_free(rows, n);
	call got;
	call_init(&got);
	ck_assert_int_eq(db_call_get(A->db, id, &got, &e), ST_OK);
	ck_assert(call_is_open(&got)); /* still to call back */
	ck_assert_minute(got.due, "2026-03-17 10:00");
	call_free(&got);
	/* Called back: no more attempts. No callback asked, no such call: refused. */
	ck_assert_int_eq(call_called_back(A, id, NO_MINUTE, NULL, &e), ST_OK);
	ck_assert_int_eq(call_attempt(A, id, NO_MINUTE, NULL, &e), ST_CONFLICT);
	typed(&c, "Mme Répondu", "2026-03-16 10:05");
	c.answered = true;
	int64_t answered = log_ok(&c);
	call_free(&c);
	ck_assert_int_eq(call_attempt(A, answered, NO_MINUTE, NULL, &e), ST_CONFLICT);
	ck_assert_int_eq(call_attempt(A, 999, NO_MINUTE, NULL, &e), ST_NOT_FOUND);
	ck_assert_int_eq(call_attempts(A, answered, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 0);
	call_attempts_free(rows, n);
}
END_TEST

START_TEST(test_doc_sent)
{
	call c;
	typed(&c, "Mme Doc", "2026-03-16 10:00");
	c.documentation = true;
	int64_t id = log_ok(&c);
	call_free(&c);
	cerr e = {0};
	ck_assert_int_eq(call_doc_sent(A, id, T("2026-03-16 09:00"), &e), ST_INVALID);
	ck_assert_str_eq(e.field, "at");
	ck_assert_int_eq(call_doc_sent(A, id, T("2026-03-21 09:00"), &e), ST_INVALID);
	ck_assert_str_eq(e.field, "at");
	ck_assert_int_eq(call_doc_sent(A, id, T("2026-03-17 16:00"), &e), ST_OK);
	call got;
	call_init(&got);
	ck_assert_int_eq(db_call_get(A->db, id, &got, &e), ST_OK);
	ck_assert_minute(got.doc_sent_at, "2026-03-17 16:00");
	ck_assert(!call_doc_pending(&got));
	call_free(&got);
	ck_assert_int_eq(call_doc_sent(A, id, NO_MINUTE, &e), ST_CONFLICT);
	typed(&c, "Mme Pas de doc", "2026-03-16 10:00");
	int64_t none = log_ok(&c);
	call_free(&c);
	ck_assert_int_eq(call_doc_sent(A, none, NO_MINUTE, &e), ST_CONFLICT);
}
END_TEST

START_TEST(test_cancel)
{
	call c;
	typed(&c, "Mme Erreur", "2026-03-16 10:00");
	c.callback = true;
	c.documentation = true;
	int64_t id = log_ok(&c);
	call_free(&c);
	cerr e = {0};
	ck_assert_int_eq(call_cancel(A, id, NULL, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "reason");
	ck_assert_int_eq(call_cancel(A, id, "  ", &e), ST_INVALID);
	ck_assert_str_eq(e.field, "reason");
	ck_assert_int_eq(call_cancel(A, id, "Saisie en double", &e), ST_OK);
	call got;
	call_init(&got);
	ck_assert_int_eq(db_call_get(A->db, id, &got, &e), ST_OK);
	ck_assert(got.cancelled);
	ck_assert_str_eq(got.cancel_reason, "Saisie en double");
	ck_assert(!call_is_open(&got));
	ck_assert(!call_is_overdue(&got, T("2026-03-20 12:00")));
	ck_assert(!call_doc_pending(&got));
	call_free(&got);
	/* Twice, and any change of a cancelled call: conflicts. */
	ck_assert_int_eq(call_cancel(A, id, "Encore", &e), ST_CONFLICT);
	ck_assert_int_eq(call_called_back(A, id, NO_MINUTE, NULL, &e), ST_CONFLICT);
	ck_assert_int_eq(call_doc_sent(A, id, NO_MINUTE, &e), ST_CONFLICT);
	ck_assert_int_eq(call_cancel(A, 999, "Inconnu", &e), ST_NOT_FOUND);
	/* Kept for ever. */
	ck_assert_int_eq(stored_calls(), 1);
}
END_TEST

/* ---- paging and search ---- */

/* The ids of a page, as "12 11 10". */
static void page_ids(const call *from, bool backward, int limit, const char *expect)
{
	call_filter f;
	call_filter_init(&f);
	call *rows = NULL;
	size_t n = 0;
	cerr e = {0};
	ck_assert_int_eq(db_calls_page(A->db, &f, from, backward, limit, &rows, &n, &e), ST_OK);
	char got[256] = "";
	for (size_t i = 0; i < n; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%lld", i ? " " : "",
			 (long long)rows[i].id);
	calls_free(rows, n);
	ck_assert_str_eq(got, expect);
}

/* The call with this id, as a page key. */
static call key_of(int64_t id)
{
	call c;
	call_init(&c);
	cerr e = {0};
	ck_assert_int_eq(db_call_get(A->db, id, &c, &e), ST_OK);
	return c;
}

START_TEST(test_keyset_paging)
{
	/* Twelve calls, ids 1..12 in time order; 6 and 7 share a minute (the id breaks the tie). */
	const char *times[] = {"2026-03-16 09:00", "2026-03-16 09:10", "2026-03-16 09:20",
			       "2026-03-16 09:30", "2026-03-16 09:40", "2026-03-16 09:50",
			       "2026-03-16 09:50", "2026-03-16 10:10", "2026-03-16 10:20",
			       "2026-03-16 10:25", "2026-03-16 10:40", "2026-03-16 10:50"};
	for (int i = 0; i < 12; i++) {
		call c;
		char name[32];
		snprintf(name, sizeof name, "Appel %d", i + 1);
		typed(&c, name, times[i]);
		ck_assert_int_eq(log_ok(&c), i + 1);
		call_free(&c);
	}
	/* Forward: newest first, three pages of 5. */
	page_ids(NULL, false, 5, "12 11 10 9 8");
	call k = key_of(8);
	page_ids(&k, false, 5, "7 6 5 4 3");
	call_free(&k);
	k = key_of(3);
	page_ids(&k, false, 5, "2 1");
	call_free(&k);
	k = key_of(1);
	page_ids(&k, false, 5, "");
	call_free(&k);
	/* Backward: the page before a key, still newest first. */
	k = key_of(2);
	page_ids(&k, true, 5, "7 6 5 4 3");
	call_free(&k);
	k = key_of(7);
	page_ids(&k, true, 5, "12 11 10 9 8");
	call_free(&k);
	k = key_of(6); /* same minute as 7: 7 is after 6 */
	page_ids(&k, true, 2, "8 7");
	call_free(&k);
	k = key_of(12);
	page_ids(&k, true, 5, "");
	call_free(&k);
	/* Backward from nothing: the oldest page. */
	page_ids(NULL, true, 5, "5 4 3 2 1");
	/* Cancelled calls are left out unless asked for. */
	cerr e = {0};
	ck_assert_int_eq(call_cancel(A, 11, "Erreur", &e), ST_OK);
	page_ids(NULL, false, 3, "12 10 9");
	call_filter f;
	call_filter_init(&f);
	f.with_cancelled = true;
	call *rows = NULL;
	size_t n = 0;
	ck_assert_int_eq(db_calls_page(A->db, &f, NULL, false, 3, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(rows[1].id, 11);
	calls_free(rows, n);
}
END_TEST

/* The ids found by a search, newest first. */
static void search_ids(const char *typed_words, const char *expect)
{
	call_filter f;
	call_filter_init(&f);
	f.search = typed_words;
	call *rows = NULL;
	size_t n = 0;
	cerr e = {0};
	ck_assert_int_eq(db_calls_page(A->db, &f, NULL, false, 50, &rows, &n, &e), ST_OK);
	char got[256] = "";
	for (size_t i = 0; i < n; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%lld", i ? " " : "",
			 (long long)rows[i].id);
	calls_free(rows, n);
	ck_assert_msg(strcmp(got, expect) == 0, "search '%s': got '%s', expected '%s'",
		      typed_words, got, expect);
}

START_TEST(test_search)
{
	struct {
		const char *caller, *phone, *subject;
	} calls[] = {
		{"Mme Bérénice Lefèvre", "06 12 34 56 78", "Devis ménage"},   /* 1 */
		{"Zoé Martin", "01 23 45 67 89", "Garde d'enfants"},          /* 2 */
		{"M. Lefebvre", NULL, "Réclamation"},                         /* 3 */
		{"ÉMILE DURAND", "+44 20 7946 0958", "Jardinage"},            /* 4 */
		{"Mme Zoe Petit", NULL, "Aide au ménage, « urgent »"},        /* 5 */
	};
	for (int i = 0; i < 5; i++) {
		call c;
		char at[32];
		snprintf(at, sizeof at, "2026-03-16 1%d:00", i);
		typed(&c, calls[i].caller, at);
		if (calls[i].phone)
			c.phone = xstrdup(calls[i].phone);
		c.subject = xstrdup(calls[i].subject);
		ck_assert_int_eq(log_ok(&c), i + 1);
		call_free(&c);
	}
	search_ids("lefe", "3 1");            /* a prefix, without the accent */
	search_ids("lefèvre", "1");
	search_ids("LEFEVRE", "1");
	search_ids("zoe", "5 2");             /* "Zoé" and "Zoe" */
	search_ids("Zoé martin", "2");        /* every word must match */
	search_ids("emile", "4");             /* "ÉMILE" in capitals */
	search_ids("menage", "5 1");          /* the subject too */
	search_ids("0612", "1");              /* phone digits: "+33612345678" */
	search_ids("06 12 34", "1");
	search_ids("+33 6 12", "1");
	search_ids("0123", "2");
	search_ids("2079", "");               /* digits are matched from the start */
	search_ids("dupont", "");
	search_ids("\"urgent", "5");          /* a stray quote is no syntax error */
	search_ids("d'enfants", "2");
	search_ids("   ", "5 4 3 2 1");       /* blank: no filter */
	search_ids("'", "5 4 3 2 1");         /* nothing searchable typed: no filter either */
}
END_TEST

/* A search pages in the order calls were logged, newest first, through the FTS index; across
 * pages, forward and back, without missing or repeating a call. */
START_TEST(test_search_paging)
{
	/* Logged in this order; the third was typed in late, for an earlier time. */
	const char *at[] = {"2026-03-16 09:00", "2026-03-16 10:00", "2026-03-16 08:00",
			    "2026-03-16 11:00", "2026-03-16 12:00"};
	for (int i = 0; i < 5; i++) {
		call c;
		typed(&c, "Mme Martin", at[i]);
		ck_assert_int_eq(log_ok(&c), i + 1);
		call_free(&c);
	}
	call other;
	typed(&other, "M. Durand", "2026-03-16 12:30");
	ck_assert_int_eq(log_ok(&other), 6);
	call_free(&other);
	call_filter f;
	call_filter_init(&f);
	f.search = "mart";
	call *rows = NULL;
	size_t n = 0;
	cerr e = {0};
	ck_assert_int_eq(db_calls_page(A->db, &f, NULL, false, 2, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(rows[0].id, 5);
	ck_assert_int_eq(rows[1].id, 4);
	call last = rows[1];
	call *next = NULL;
	size_t m = 0;
	ck_assert_int_eq(db_calls_page(A->db, &f, &last, false, 2, &next, &m, &e), ST_OK);
	ck_assert_uint_eq(m, 2);
	ck_assert_int_eq(next[0].id, 3); /* logged third, though for 08:00 */
	ck_assert_int_eq(next[1].id, 2);
	call *back = NULL;
	size_t k = 0;
	ck_assert_int_eq(db_calls_page(A->db, &f, &next[0], true, 2, &back, &k, &e), ST_OK);
	ck_assert_uint_eq(k, 2);
	ck_assert_int_eq(back[0].id, 5); /* newest first whatever the direction */
	ck_assert_int_eq(back[1].id, 4);
	calls_free(rows, n);
	calls_free(next, m);
	calls_free(back, k);
}
END_TEST

START_TEST(test_list_filters)
{
	/* The filters of `call list` and of the dashboard, as of now (Fri 20 Mar 12:00). */
	call c;
	typed(&c, "A", "2026-03-16 10:00"); /* due Tue 17 10:00: overdue */
	c.callback = true;
	log_ok(&c);
	call_free(&c);
	typed(&c, "B", "2026-03-20 11:00"); /* due Mon 23 11:00: open, not overdue */
	c.callback = true;
	log_ok(&c);
	call_free(&c);
	typed(&c, "C", "2026-03-14 10:00"); /* Saturday: voicemail, documentation */
	c.documentation = true;
	log_ok(&c);
	call_free(&c);
	call *rows = NULL;
	size_t n = 0;
	cerr e = {0};
	ck_assert_int_eq(db_calls_overdue(A->db, A->now, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].caller, "A");
	calls_free(rows, n);
	ck_assert_int_eq(db_calls_due_between(A->db, T("2026-03-23 00:00"), T("2026-03-24 00:00"),
					      10, &rows, &n, &e),
			 ST_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].caller, "B");
	calls_free(rows, n);
	ck_assert_int_eq(db_calls_docs_pending(A->db, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].caller, "C");
	ck_assert(rows[0].voicemail);
	calls_free(rows, n);
	call_filter f;
	call_filter_init(&f);
	f.voicemail = true;
	ck_assert_int_eq(db_calls_page(A->db, &f, NULL, false, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].caller, "C");
	calls_free(rows, n);
	call_filter_init(&f);
	f.from = f.to = cal_days(2026, 3, 16);
	ck_assert_int_eq(db_calls_page(A->db, &f, NULL, false, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].caller, "A");
	calls_free(rows, n);
}
END_TEST

/* An edit of a call writes only what changed: another desk's change to another field stays. */
START_TEST(test_edit_keeps_other_desks_change)
{
	call c;
	typed(&c, "Mme Deux Postes", "2026-03-20 10:00");
	c.subject = xstrdup("devis");
	int64_t id = log_ok(&c);
	call_free(&c);
	cerr e = {0};
	call base, other, mine;
	call_init(&base);
	ck_assert_int_eq(call_get(A, id, &base, &e), ST_OK);
	call_init(&other);
	ck_assert_int_eq(call_get(A, id, &other, &e), ST_OK);
	free(other.subject);
	other.subject = xstrdup("devis ménage");
	ck_assert_int_eq(call_edit(A, &base, &other, &e), ST_OK);
	call_free(&other);
	call_init(&mine);
	ck_assert_int_eq(call_get(A, id, &mine, &e), ST_OK);
	free(mine.subject);
	mine.subject = xstrdup(base.subject); /* the form opened before still shows it */
	free(mine.caller);
	mine.caller = xstrdup("Mme Deux-Postes");
	ck_assert_msg(call_edit(A, &base, &mine, &e) == ST_OK, "%s", e.msg);
	call_free(&mine);
	call got;
	call_init(&got);
	ck_assert_int_eq(call_get(A, id, &got, &e), ST_OK);
	ck_assert_str_eq(got.caller, "Mme Deux-Postes");
	ck_assert_str_eq(got.subject, "devis ménage");
	call_free(&got);
	call_free(&base);
}
END_TEST

Suite *suite_calls(void)
{
	Suite *s = suite_create("calls");
	TCase *tc = tcase_create("call log");
	tcase_add_unchecked_fixture(tc, root_setup, root_teardown);
	tcase_add_checked_fixture(tc, agency_setup, agency_teardown);
	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, test_edit_keeps_other_desks_change);
	tcase_add_test(tc, test_voicemail_when_closed);
	tcase_add_test(tc, test_search_paging);
	tcase_add_test(tc, test_r1_edges);
	tcase_add_test(tc, test_documentation_deadline);
	tcase_add_test(tc, test_bad_calls_refused);
	tcase_add_test(tc, test_not_staff_refused);
	tcase_add_test(tc, test_phone_normalised_and_fields_set);
	tcase_add_test(tc, test_called_back);
	tcase_add_test(tc, test_callback_attempt);
	tcase_add_test(tc, test_doc_sent);
	tcase_add_test(tc, test_cancel);
	tcase_add_test(tc, test_keyset_paging);
	tcase_add_test(tc, test_search);
	tcase_add_test(tc, test_list_filters);
	suite_add_tcase(s, tc);
	return s;
}
