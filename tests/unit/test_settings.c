/* test_settings.c — the agency's settings: defaults (DESIGN.md sections 2-3), the check of each
 * type with its normal form, the desk's hours making sense together, the manager's role, and
 * the rules reloaded after a change. Also staff_create's checks. */
#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/core/core.h"
#include "charte/app.h"
#include "charte/calendar.h"
#include "charte/settings.h"
#include "charte/history.h"
#include "charte/staff.h"

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
	snprintf(tmproot, sizeof tmproot, "/tmp/charte-test-settings.XXXXXX");
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

/* A fresh agency file: marie manager, zoe receptionist, paul coordinator; opened as marie. */
static void agency_setup(void)
{
	tmp_make();
	snprintf(dbpath, sizeof dbpath, "%s/agency.db", tmpdir);
	cerr e = {0};
	ck_assert_msg(app_open(&A, dbpath, true, "2026-03-20 12:00", "marie", &e) == ST_OK, "%s",
		      e.msg);
	staff people[] = {
		{0, "marie", "Marie Dubois", ROLE_MANAGER, true},
		{0, "zoe", "Zoé Martin", ROLE_RECEPTIONIST, true},
		{0, "paul", "Paul Bernard", ROLE_COORDINATOR, true},
	};
	ck_assert_int_eq(db_begin(A->db, &e), ST_OK);
	for (size_t i = 0; i < 3; i++)
		ck_assert_int_eq(db_staff_add(A->db, &people[i], &e), ST_OK);
	ck_assert_int_eq(db_commit(A->db, &e), ST_OK);
	ck_assert_int_eq(app_reload(A, &e), ST_OK);
}

static void agency_teardown(void)
{
	app_close(A);
}

/* Work as another login on the same file. */
static void become(const char *login)
{
	app_close(A);
	cerr e = {0};
	ck_assert_int_eq(app_open(&A, dbpath, false, "2026-03-20 12:00", login, &e), ST_OK);
}

#define ck_assert_setting(key, expect)                                                             \
	do {                                                                                       \
		char *v_ = settings_get(A, key);                                                  \
		ck_assert_ptr_nonnull(v_);                                                         \
		ck_assert_str_eq(v_, expect);                                                      \
		free(v_);                                                                          \
	} while (0)

/* settings_check accepts value and gives this normal form. */
static void accepted(const char *key, const char *value, const char *normal)
{
	char *got = NULL;
	cerr e = {0};
	int r = settings_check(key, value, &got, &e);
	ck_assert_msg(r == ST_OK, "%s = '%s' refused: %s", key, value, e.msg);
	ck_assert_msg(strcmp(got, normal) == 0, "%s = '%s' gave '%s', expected '%s'", key, value,
		      got, normal);
	free(got);
}

/* settings_check refuses value, naming the key as the field. */
static void rejected(const char *key, const char *value)
{
	char *got = NULL;
	cerr e = {0};
	int r = settings_check(key, value, &got, &e);
	ck_assert_msg(r == ST_INVALID, "%s = '%s' accepted as '%s'", key, value, got ? got : "");
	ck_assert_str_eq(e.field, key);
	ck_assert_msg(e.msg[0] != '\0', "a reason is given");
	ck_assert_ptr_null(got);
}

START_TEST(test_defaults)
{
	ck_assert_setting("agency.name", "");
	ck_assert_setting("agency.address", "");
	ck_assert_setting("agency.phone", "");
	ck_assert_setting("agency.sap_number", "");
	ck_assert_setting("agency.sap_date", "");
	ck_assert_setting("desk.opens", "09:00");
	ck_assert_setting("desk.closes", "18:00");
	ck_assert_setting("desk.closed_dates", "");
	ck_assert_setting("callback.delay_days", "1");
	ck_assert_setting("documentation.delay_days", "2");
	ck_assert_setting("quote.threshold", "100.00");
	ck_assert_setting("withdrawal.days", "14");
	ck_assert_setting("followup.grace_days", "7");
	ck_assert_setting("complaint.overdue_days", "30");
	ck_assert_setting("recurring.same_category", "3");
	ck_assert_setting("recurring.same_worker", "2");
	ck_assert_setting("recurring.window_months", "12");
	ck_assert_setting("criminal_record.renew_years", "3");
	ck_assert_setting("planning.horizon_weeks", "8");
	ck_assert_setting("punctuality.tolerance_minutes", "10");
	ck_assert_setting("certificate.deadline", "03-31");
	ck_assert_setting("ui.language", "auto");
	ck_assert_int_eq(settings_int(A, "callback.delay_days"), 1);
	ck_assert_int_eq(settings_int(A, "withdrawal.days"), 14);
	ck_assert_int_eq(settings_amount(A, "quote.threshold"), 10000);
	ck_assert_int_eq(settings_percent(A, "vat.default"), 1000);
	ck_assert_ptr_null(settings_get(A, "no.such.key"));
	ck_assert_ptr_null(settings_find("no.such.key"));
	/* Without a file, the defaults too. */
	char *v = settings_get(NULL, "desk.closes");
	ck_assert_str_eq(v, "18:00");
	free(v);
	/* The desk the rules use. */
	ck_assert_int_eq(A->desk.opens, 9 * 60);
	ck_assert_int_eq(A->desk.closes, 18 * 60);
	ck_assert_int_eq(A->desk.delay_days, 1);
	ck_assert_uint_eq(A->desk.nclosed, 0);
}
END_TEST

START_TEST(test_defs_consistent)
{
	/* Every key is unique, documented, and its default passes its own check unchanged. */
	size_t n = 0;
	const setting_def *defs = settings_defs(&n);
	ck_assert_uint_ge(n, 8);
	for (size_t i = 0; i < n; i++) {
		ck_assert_ptr_nonnull(defs[i].help);
		ck_assert_ptr_eq(settings_find(defs[i].key), &defs[i]);
		if (defs[i].type == SET_INT) {
			ck_assert_int_le(defs[i].min, defs[i].max);
		}
		accepted(defs[i].key, defs[i].fallback, defs[i].fallback);
	}
}
END_TEST

START_TEST(test_check_clock)
{
	accepted("desk.opens", "09:00", "09:00");
	accepted("desk.opens", "9:05", "09:05");
	accepted("desk.opens", "8h30", "08:30");
	accepted("desk.opens", " 10H ", "10:00");
	accepted("desk.closes", "23:59", "23:59");
	rejected("desk.opens", "25:00");
	rejected("desk.opens", "24:00");
	rejected("desk.opens", "12:60");
	rejected("desk.opens", "neuf heures");
	rejected("desk.opens", "");
	rejected("desk.closes", "18");
	rejected("desk.closes", "-1:00");
}
END_TEST

START_TEST(test_check_dates)
{
	accepted("desk.closed_dates", "", "");
	accepted("desk.closed_dates", "2026-05-15", "2026-05-15");
	accepted("desk.closed_dates", "2026-05-15, 24/12/2026", "2026-05-15,2026-12-24");
	accepted("desk.closed_dates", "2028-02-29,", "2028-02-29");
	rejected("desk.closed_dates", "2026-02-29");
	rejected("desk.closed_dates", "30/02/2026");
	rejected("desk.closed_dates", "2026-05-15,demain");
	rejected("desk.closed_dates", "2026-05-15;2026-05-16");
	rejected("desk.closed_dates", "15 mai");
	accepted("agency.sap_date", "01/02/2020", "2020-02-01");
	accepted("agency.sap_date", "", "");
	rejected("agency.sap_date", "2020-13-01");
	accepted("certificate.deadline", "02-29", "02-29");
	rejected("certificate.deadline", "02-30");
	rejected("certificate.deadline", "13-01");
	rejected("certificate.deadline", "3-31");
}
END_TEST

START_TEST(test_check_numbers)
{
	accepted("callback.delay_days", "1", "1");
	accepted("callback.delay_days", "10", "10");
	accepted("callback.delay_days", " 3 ", "3");
	rejected("callback.delay_days", "0");
	rejected("callback.delay_days", "11");
	rejected("callback.delay_days", "-1");
	rejected("callback.delay_days", "1.5");
	rejected("callback.delay_days", "deux");
	rejected("callback.delay_days", "");
	rejected("callback.delay_days", "99999999999999999999999");
	accepted("withdrawal.days", "14", "14");
	rejected("withdrawal.days", "0");
	accepted("quote.threshold", "1 234,56", "1234.56");
	accepted("quote.threshold", "100", "100.00");
	rejected("quote.threshold", "-5");
	rejected("quote.threshold", "cent");
	accepted("vat.default", "5,5", "5.5");
	accepted("vat.default", "20", "20");
	rejected("vat.default", "101");
}
END_TEST

START_TEST(test_check_text_phone_choice)
{
	accepted("agency.name", "  Aide & Vie « Lyon »  ", "Aide & Vie « Lyon »");
	accepted("agency.name", "'; DROP TABLE settings;--", "'; DROP TABLE settings;--");
	rejected("agency.name", "Caf\xe9");
	accepted("agency.phone", "04 72 00 00 00", "+33472000000");
	accepted("agency.phone", "+33 (0)4 72 00 00 00", "+33472000000");
	accepted("agency.phone", "", "");
	rejected("agency.phone", "12");
	rejected("agency.phone", "quatre");
	accepted("ui.language", "fr", "fr");
	accepted("ui.language", "en", "en");
	rejected("ui.language", "de");
	rejected("ui.language", "f");
	rejected("ui.language", "");
	/* An unknown key is named as such. */
	char *got = NULL;
	cerr e = {0};
	ck_assert_int_eq(settings_check("desk.open", "09:00", &got, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "key");
	ck_assert_ptr_null(got);
}
END_TEST

START_TEST(test_set_hours_together)
{
	cerr e = {0};
	ck_assert_int_eq(settings_set(A, "desk.opens", "18:00", &e), ST_INVALID);
	ck_assert_str_eq(e.field, "desk.opens");
	ck_assert_int_eq(settings_set(A, "desk.opens", "19:00", &e), ST_INVALID);
	ck_assert_int_eq(settings_set(A, "desk.closes", "09:00", &e), ST_INVALID);
	ck_assert_str_eq(e.field, "desk.closes");
	ck_assert_int_eq(settings_set(A, "desk.closes", "08:00", &e), ST_INVALID);
	ck_assert_setting("desk.opens", "09:00");
	ck_assert_setting("desk.closes", "18:00");
	ck_assert_int_eq(settings_set(A, "desk.opens", "8h", &e), ST_OK);
	ck_assert_int_eq(settings_set(A, "desk.closes", "8:01", &e), ST_OK);
	ck_assert_setting("desk.opens", "08:00");
	ck_assert_setting("desk.closes", "08:01");
	ck_assert_int_eq(settings_set(A, "desk.opens", "08:01", &e), ST_INVALID);
	ck_assert_int_eq(A->desk.opens, 8 * 60);
	ck_assert_int_eq(A->desk.closes, 8 * 60 + 1);
	/* A bad value leaves the stored one. */
	ck_assert_int_eq(settings_set(A, "desk.closes", "25:00", &e), ST_INVALID);
	ck_assert_setting("desk.closes", "08:01");
}
END_TEST

START_TEST(test_set_reloads_rules)
{
	cerr e = {0};
	ck_assert_int_eq(settings_set(A, "desk.closed_dates", "2026-03-12, 13/03/2026", &e),
			 ST_OK);
	ck_assert_setting("desk.closed_dates", "2026-03-12,2026-03-13");
	ck_assert_uint_eq(A->desk.nclosed, 2);
	ck_assert(!cal_working_day(&A->desk, cal_days(2026, 3, 12)));
	ck_assert(!cal_working_day(&A->desk, cal_days(2026, 3, 13)));
	ck_assert(cal_working_day(&A->desk, cal_days(2026, 3, 11)));
	ck_assert_int_eq(settings_set(A, "callback.delay_days", "3", &e), ST_OK);
	ck_assert_int_eq(A->desk.delay_days, 3);
	ck_assert_int_eq(settings_set(A, "desk.closed_dates", "", &e), ST_OK);
	ck_assert_uint_eq(A->desk.nclosed, 0);
	/* Another session on the file sees the change when it opens. */
	become("zoe");
	ck_assert_int_eq(A->desk.delay_days, 3);
	ck_assert_setting("callback.delay_days", "3");
}
END_TEST

START_TEST(test_role_required)
{
	cerr e = {0};
	become("zoe"); /* receptionist */
	ck_assert_int_eq(A->me.role, ROLE_RECEPTIONIST);
	ck_assert_int_eq(settings_set(A, "agency.name", "Pirate", &e), ST_DENIED);
	ck_assert_str_eq(e.field, "user");
	become("paul"); /* coordinator */
	ck_assert_int_eq(settings_set(A, "agency.name", "Pirate", &e), ST_DENIED);
	become("inconnu"); /* not on the staff: read only, told how to be added */
	ck_assert_int_eq(A->me.role, ROLE_NONE);
	ck_assert_int_eq(settings_set(A, "agency.name", "Pirate", &e), ST_DENIED);
	ck_assert_ptr_nonnull(strstr(e.msg, "charte staff add --login inconnu"));
	ck_assert_int_eq(role_check(A, AREA_CALLS, ACCESS_WRITE, &e), ST_DENIED);
	ck_assert_setting("agency.name", "");
	/* A role check comes before the value's check: no hint about values to a stranger. */
	ck_assert_int_eq(settings_set(A, "desk.opens", "99:99", &e), ST_DENIED);
	become("marie");
	ck_assert_int_eq(settings_set(A, "agency.name", "Aide & Vie", &e), ST_OK);
	ck_assert_setting("agency.name", "Aide & Vie");
	/* Who and when, before and after, in the audit trail. */
	ck_assert_int_eq(settings_set(A, "agency.name", "Aide et Vie", &e), ST_OK);
	history_row *rows = NULL;
	size_t n = 0;
	ck_assert_int_eq(history_page(A, "settings", 0, 0, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[0].actor, "marie");
	ck_assert_str_eq(rows[0].action, "update");
	ck_assert_str_eq(rows[0].changes, "Value: Aide & Vie → Aide et Vie");
	char at[17];
	fmt_datetime(rows[0].at, at);
	ck_assert_str_eq(at, "2026-03-20 12:00");
	history_rows_free(rows, n);
}
END_TEST

START_TEST(test_staff_create)
{
	cerr e = {0};
	staff s = {0, "lea.b-2", "Léa Bonnet", ROLE_RECEPTIONIST, true};
	ck_assert_int_eq(staff_create(A, &s, &e), ST_OK);
	ck_assert_int_gt(s.id, 0);
	staff dup = {0, "lea.b-2", "Autre Léa", ROLE_MANAGER, true};
	ck_assert_int_eq(staff_create(A, &dup, &e), ST_CONFLICT);
	ck_assert_str_eq(e.field, "login");
	staff bad = {0, "léa", "Léa", ROLE_RECEPTIONIST, true};
	ck_assert_int_eq(staff_create(A, &bad, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "login");
	bad.login = "";
	ck_assert_int_eq(staff_create(A, &bad, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "login");
	bad.login = "lea2";
	bad.name = "  ";
	ck_assert_int_eq(staff_create(A, &bad, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "name");
	bad.name = "Léa";
	bad.role = ROLE_NONE;
	ck_assert_int_eq(staff_create(A, &bad, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "role");
	/* Only a manager adds staff. */
	become("zoe");
	staff x = {0, "x", "X", ROLE_MANAGER, true};
	ck_assert_int_eq(staff_create(A, &x, &e), ST_DENIED);
	int64_t count = 0;
	ck_assert_int_eq(db_staff_count(A->db, &count, &e), ST_OK);
	ck_assert_int_eq(count, 4);
	/* Roles by name, as stored and typed. */
	ck_assert_int_eq(enum_value(&role_names, "receptionist"), ROLE_RECEPTIONIST);
	ck_assert_int_eq(enum_value(&role_names, "coordinator"), ROLE_COORDINATOR);
	ck_assert_int_eq(enum_value(&role_names, "manager"), ROLE_MANAGER);
	ck_assert_int_eq(enum_value(&role_names, "chef"), ROLE_NONE);
	ck_assert_str_eq(enum_name(&role_names, ROLE_MANAGER), "manager");
	/* A receptionist logs calls but writes no quote; a coordinator writes quotes but does
	 * not change the settings. */
	ck_assert_int_eq(role_check(A, AREA_CALLS, ACCESS_WRITE, &e), ST_OK);
	ck_assert_int_eq(role_check(A, AREA_QUOTES, ACCESS_WRITE, &e), ST_DENIED);
	become("paul");
	ck_assert_int_eq(role_check(A, AREA_CALLS, ACCESS_WRITE, &e), ST_OK);
	ck_assert_int_eq(role_check(A, AREA_QUOTES, ACCESS_WRITE, &e), ST_OK);
	ck_assert_int_eq(role_check(A, AREA_SETTINGS, ACCESS_WRITE, &e), ST_DENIED);
}
END_TEST

/* The roles table, written out: what each role may do in each area (N none, R read, W write). */
START_TEST(test_roles_table)
{
	static const struct {
		int area;
		const char *by_role; /* not on the staff, receptionist, coordinator, manager */
	} expect[] = {
		{AREA_CALLS, "RWWW"},       {AREA_CLIENTS, "RWWW"},    {AREA_CLIENT_CARE, "RRWW"},
		{AREA_NEEDS, "RRWW"},       {AREA_QUOTES, "RRWW"},     {AREA_CONTRACTS, "RRWW"},
		{AREA_CATALOGUE, "RRRW"},   {AREA_SETTINGS, "RRRW"},   {AREA_STAFF, "RRRW"},
		{AREA_HISTORY, "RRRR"},     {AREA_AUDIT, "RRRR"},      {AREA_IMPORT, "NWWW"},
		{AREA_WORKERS, "RRWW"},     {AREA_WORKER_DOCS, "NNWW"}, {AREA_CRIMINAL_RECORD, "NNWW"},
		{AREA_SURVEY, "RRRW"},
		{AREA_SURVEY_ANSWERS, "RRWW"},
		{AREA_COMPLAINTS, "RWWW"},  {AREA_PLANS, "RRWW"},
		{AREA_PLANNING, "RRWW"},   {AREA_NOTEBOOK, "RWWW"},   {AREA_FOLLOWUPS, "RWWW"},
	};
	ck_assert_uint_eq(ARRAY_LEN(expect), AREA_COUNT);
	for (size_t i = 0; i < ARRAY_LEN(expect); i++)
		for (int role = ROLE_NONE; role <= ROLE_MANAGER; role++) {
			char c = expect[i].by_role[role];
			int want = c == 'W' ? ACCESS_WRITE : c == 'R' ? ACCESS_READ : ACCESS_NONE;
			ck_assert_msg(role_access(role, expect[i].area) == want,
				      "area %d, role %d: %d, expected %d", expect[i].area, role,
				      role_access(role, expect[i].area), want);
			/* Each access asked, for each role: allowed exactly up to the table's. */
			for (int acc = ACCESS_READ; acc <= ACCESS_WRITE; acc++)
				ck_assert_int_eq(role_access(role, expect[i].area) >= acc, want >= acc);
			/* A higher role may do at least what a lower one may (the reasons say "only
			 * a coordinator or a manager" from this). */
			if (role > ROLE_RECEPTIONIST)
				ck_assert_int_ge(role_access(role, expect[i].area),
						 role_access(role - 1, expect[i].area));
		}
	ck_assert_int_eq(role_access(ROLE_MANAGER, AREA_COUNT), ACCESS_NONE);
	ck_assert_int_eq(role_access(ROLE_MANAGER + 1, AREA_CALLS), ACCESS_NONE);
}
END_TEST

/* The reasons core gives, the same on the screens and the command line. */
START_TEST(test_role_reasons)
{
	cerr e = {0};
	become("zoe"); /* receptionist */
	ck_assert(app_may(A, AREA_CALLS, ACCESS_WRITE));
	ck_assert(app_may(A, AREA_QUOTES, ACCESS_READ));
	ck_assert(!app_may(A, AREA_QUOTES, ACCESS_WRITE));
	ck_assert(!app_may(A, AREA_WORKER_DOCS, ACCESS_READ));
	ck_assert_int_eq(role_check(A, AREA_QUOTES, ACCESS_WRITE, &e), ST_DENIED);
	ck_assert_str_eq(e.field, "user");
	ck_assert_str_eq(e.msg, "only a coordinator or a manager may write quotes (your role: "
				"receptionist)");
	ck_assert_int_eq(role_check(A, AREA_CRIMINAL_RECORD, ACCESS_READ, &e), ST_DENIED);
	ck_assert_str_eq(e.msg, "only a coordinator or a manager may see criminal record extracts "
				"(your role: receptionist)");
	become("paul"); /* coordinator */
	ck_assert_int_eq(role_check(A, AREA_WORKER_DOCS, ACCESS_READ, &e), ST_OK);
	ck_assert_int_eq(role_check(A, AREA_CATALOGUE, ACCESS_WRITE, &e), ST_DENIED);
	ck_assert_str_eq(e.msg, "only a manager may change the service catalogue (your role: "
				"coordinator)");
	ck_assert_int_eq(role_check(A, AREA_HISTORY, ACCESS_WRITE, &e), ST_DENIED);
	ck_assert_str_eq(e.msg, "nobody may change the history");
	become("inconnu"); /* not on the staff: what a receptionist may, told how to be added */
	ck_assert_int_eq(role_check(A, AREA_CALLS, ACCESS_READ, &e), ST_OK);
	ck_assert_int_eq(role_check(A, AREA_CALLS, ACCESS_WRITE, &e), ST_DENIED);
	ck_assert_ptr_nonnull(strstr(e.msg, "charte staff add --login inconnu"));
	ck_assert_int_eq(role_check(A, AREA_SETTINGS, ACCESS_WRITE, &e), ST_DENIED);
	ck_assert_ptr_nonnull(strstr(e.msg, "charte staff add --login inconnu"));
	ck_assert_int_eq(role_check(A, AREA_HISTORY, ACCESS_WRITE, &e), ST_DENIED);
	ck_assert_str_eq(e.msg, "nobody may change the history");
}
END_TEST

/* A setting changed from the value the person saw: refused when another desk set it to
 * something else meanwhile, with both values; taken when it is still the value seen. */
START_TEST(test_change_from_seen_value)
{
	cerr e = {0};
	ck_assert_int_eq(settings_set(A, "quote.validity_days", "45", &e), ST_OK); /* desk 2 */
	ck_assert_int_eq(settings_change(A, "quote.validity_days", "30", "60", &e), ST_CONFLICT);
	ck_assert_str_eq(e.field, "quote.validity_days");
	ck_assert_ptr_nonnull(strstr(e.msg, "\"45\""));
	ck_assert_ptr_nonnull(strstr(e.msg, "\"60\""));
	char *v = settings_get(A, "quote.validity_days");
	ck_assert_str_eq(v, "45");
	free(v);
	ck_assert_int_eq(settings_change(A, "quote.validity_days", "45", "60", &e), ST_OK);
	ck_assert_int_eq(settings_change(A, "quote.validity_days", "30", "60", &e), ST_OK); /* same */
	v = settings_get(A, "quote.validity_days");
	ck_assert_str_eq(v, "60");
	free(v);
}
END_TEST

Suite *suite_settings(void)
{
	Suite *s = suite_create("settings");
	TCase *tc = tcase_create("settings and staff");
	tcase_add_unchecked_fixture(tc, root_setup, root_teardown);
	tcase_add_checked_fixture(tc, agency_setup, agency_teardown);
	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, test_change_from_seen_value);
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_defs_consistent);
	tcase_add_test(tc, test_check_clock);
	tcase_add_test(tc, test_check_dates);
	tcase_add_test(tc, test_check_numbers);
	tcase_add_test(tc, test_check_text_phone_choice);
	tcase_add_test(tc, test_set_hours_together);
	tcase_add_test(tc, test_set_reloads_rules);
	tcase_add_test(tc, test_role_required);
	tcase_add_test(tc, test_staff_create);
	tcase_add_test(tc, test_roles_table);
	tcase_add_test(tc, test_role_reasons);
	suite_add_tcase(s, tc);
	return s;
}
