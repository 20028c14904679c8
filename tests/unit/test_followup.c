/* test_followup.c — R6's days (the first visit on the 31st, on 29 February, at the end of a
 * year) and follow-ups' keys. The list, the grace edge, the end of the last contract, the
 * finding appearing and clearing and --complaint run on a real file in tests/cli/t_followups.sh. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "charte/followup.h"
#include "charte/parse.h"

static cday D(const char *text)
{
	cday d = NO_DAY;
	ck_assert_msg(parse_date(text, &d) == NULL, "bad test date %s", text);
	return d;
}

static void ck_due(const char *first, int n, const char *want)
{
	char got[11];
	fmt_date(followup_due_day(D(first), n), got);
	ck_assert_msg(!strcmp(got, want), "%s, follow-up %d: %s, not %s", first, n, got, want);
}

START_TEST(test_r6_days)
{
	/* The 31st: clamped to the month's end, the anniversaries keep the 31st. */
	ck_due("2026-01-31", 0, "2026-02-28");
	ck_due("2024-01-31", 0, "2024-02-29");
	ck_due("2026-03-31", 0, "2026-04-30");
	ck_due("2026-01-31", 1, "2027-01-31");
	/* 29 February: a month later the 29th of March; the anniversaries on the 28th except in
	 * a leap year. */
	ck_due("2024-02-29", 0, "2024-03-29");
	ck_due("2024-02-29", 1, "2025-02-28");
	ck_due("2024-02-29", 4, "2028-02-29");
	/* The end of a year: into the next year. */
	ck_due("2025-12-31", 0, "2026-01-31");
	ck_due("2025-12-15", 0, "2026-01-15");
	ck_due("2025-12-31", 1, "2026-12-31");
	ck_due("2025-11-30", 0, "2025-12-30");
}
END_TEST

START_TEST(test_keys)
{
	cerr e = {0};
	int64_t id, client;
	cday due;
	ck_assert_int_eq(followup_parse_key("12:2026-02-28", &id, &client, &due, &e), ST_OK);
	ck_assert_int_eq(id, 0);
	ck_assert_int_eq(client, 12);
	ck_assert_int_eq(due, D("2026-02-28"));
	ck_assert_int_eq(followup_parse_key("7", &id, &client, &due, &e), ST_OK);
	ck_assert_int_eq(id, 7);
	ck_assert_int_eq(client, 0);
	const char *bad[] = {"", "x", "-3", "0", "12:", "12:2026-02-30", "12;2026-02-28", "7x"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		ck_assert_int_eq(followup_parse_key(bad[i], &id, &client, &due, &e), ST_INVALID);
		ck_assert_str_eq(e.field, "id");
	}
	followup f;
	followup_init(&f);
	f.client_id = 12;
	f.due = D("2026-02-28");
	char key[FOLLOWUP_KEY_MAX];
	followup_key(&f, key);
	ck_assert_str_eq(key, "12:2026-02-28");
	f.id = 5;
	followup_key(&f, key);
	ck_assert_str_eq(key, "5");
}
END_TEST

Suite *suite_followup(void)
{
	Suite *s = suite_create("followup");
	TCase *pure = tcase_create("rules");
	tcase_add_test(pure, test_r6_days);
	tcase_add_test(pure, test_keys);
	suite_add_tcase(s, pure);
	return s;
}
