/* test_followup.c — R6's days (the first visit on the 31st, on 29 February, at the end of a
 * year), follow-ups' keys, and each client's first visit as the file keeps it (first_visits,
 * kept by triggers) with the week's follow-ups read through it. The list, the grace edge, the
 * end of the last contract, the finding appearing and clearing and --complaint run on a real
 * file in tests/cli/t_followups.sh, which also holds the week's list against the whole list
 * over two years of days. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/db_followups.h"
#include "charte/followup.h"
#include "charte/parse.h"
#include "planning_fixture.h"

static cday day_of(const char *text)
{
	cday d = NO_DAY;
	ck_assert_msg(parse_date(text, &d) == NULL, "bad test date %s", text);
	return d;
}

static void ck_due(const char *first, int n, const char *want)
{
	char got[11];
	fmt_date(followup_due_day(day_of(first), n), got);
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
	ck_assert_int_eq(due, day_of("2026-02-28"));
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
	f.due = day_of("2026-02-28");
	char key[FOLLOWUP_KEY_MAX];
	followup_key(&f, key);
	ck_assert_str_eq(key, "12:2026-02-28");
	f.id = 5;
	followup_key(&f, key);
	ck_assert_str_eq(key, "5");
}
END_TEST

static cday first_visit(int64_t client)
{
	cday d = 0;
	cerr e = {0};
	ck_assert_int_eq(db_followup_first_visit(A->db, client, &d, &e), ST_OK);
	return d;
}

struct due_rows {
	int n;
	int64_t client[8];
	cday due[8];
	int kind[8];
};

static int keep_due(const followup *f, void *arg)
{
	struct due_rows *d = arg;
	if (f->status == FOLLOWUP_DUE && d->n < 8) {
		d->client[d->n] = f->client_id;
		d->due[d->n] = f->due;
		d->kind[d->n++] = f->kind;
	}
	return 0;
}

/* The follow-ups due this week: read through the week's window (--due), and picked from the
 * whole list; both must be the same. */
static struct due_rows due_this_week(void)
{
	cerr e = {0};
	struct due_rows week = {0}, all = {0};
	followup_filter due = {true, false, false, 0}, every = {false, false, false, 0};
	ck_assert_msg(followup_each(A, &due, keep_due, &week, &e) == ST_OK, "%s", e.msg);
	ck_assert_msg(followup_each(A, &every, keep_due, &all, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(week.n, all.n);
	for (int i = 0; i < week.n; i++) {
		ck_assert_int_eq(week.client[i], all.client[i]);
		ck_assert_int_eq(week.due[i], all.due[i]);
		ck_assert_int_eq(week.kind[i], all.kind[i]);
	}
	return week;
}

/* The keys of a list, in order, as one text ("1:2024-02-01 5 ..."). */
static void add_key(char *out, size_t size, const followup *f)
{
	char key[FOLLOWUP_KEY_MAX];
	followup_key(f, key);
	size_t used = strlen(out);
	snprintf(out + used, size - used, "%s%s", used ? " " : "", key);
}

static int add_each(const followup *f, void *arg)
{
	add_key(arg, 512, f);
	return 0;
}

/* The list walked two rows at a time, forwards then backwards, against followup_each. */
static void ck_pages(followup_filter f, const char *want)
{
	cerr e = {0};
	char whole[512] = "", fwd[512] = "", back[512] = "";
	ck_assert_int_eq(followup_each(A, &f, add_each, whole, &e), ST_OK);
	ck_assert_str_eq(whole, want);
	followup last = {0};
	bool have = false;
	for (;;) {
		followup *rows = NULL;
		size_t n = 0;
		ck_assert_msg(followup_page(A, &f, have ? &last : NULL, false, 2, &rows, &n, &e) ==
				      ST_OK, "%s", e.msg);
		for (size_t i = 0; i < n; i++)
			add_key(fwd, sizeof fwd, &rows[i]);
		/* Full pages until the end: a short one would stop the list early. */
		ck_assert_msg(n == 2 || strlen(fwd) == strlen(want), "short page: %s", fwd);
		if (n) {
			last = (followup){.id = rows[n - 1].id, .client_id = rows[n - 1].client_id,
					  .due = rows[n - 1].due};
			have = true;
		}
		followups_free(rows, n);
		if (n < 2)
			break;
	}
	ck_assert_str_eq(fwd, want);
	/* Backwards from the end: each page before the first row of the one after it. */
	char pages[8][512];
	int np = 0;
	have = false;
	for (; np < 8; np++) {
		followup *rows = NULL;
		size_t n = 0;
		ck_assert_int_eq(followup_page(A, &f, have ? &last : NULL, true, 2, &rows, &n, &e),
				 ST_OK);
		pages[np][0] = '\0';
		for (size_t i = 0; i < n; i++)
			add_key(pages[np], sizeof pages[np], &rows[i]);
		/* Backwards too: two rows a page but the first one (then none). */
		size_t seen = 0;
		for (int i = 0; i <= np; i++)
			seen += strlen(pages[i]) + (pages[i][0] != '\0');
		ck_assert_msg(n == 2 || seen >= strlen(want), "short page before %s", pages[np]);
		if (n) {
			last = (followup){.id = rows[0].id, .client_id = rows[0].client_id,
					  .due = rows[0].due};
			have = true;
		}
		followups_free(rows, n);
		if (!n)
			break;
	}
	for (int i = np - 1; i >= 0; i--)
		if (pages[i][0])
			{
			size_t used = strlen(back);
			snprintf(back + used, sizeof back - used, "%s%s", used ? " " : "", pages[i]);
		}
	ck_assert_str_eq(back, want);
}

/* R6's first visit as the file keeps it: none while the visits are only planned; the earliest
 * visit done, whatever the order they are marked in; none once a contract drawn up earlier is
 * signed, since the first contract is then that one, under which no visit was done. */
START_TEST(test_first_visit_kept)
{
	agency_open();
	cerr e = {0};
	int64_t c = fixture_client(A, "Blanc");
	int64_t w = new_worker("Hélène Simon", "menage", 7 * 60, 24 * 60);
	set_now(T(2026, 2, 2, 12, 0));
	int64_t early = new_contract(c, CONTRACT_ONE_OFF, D(2026, 4, 20), false, true);
	set_now(T(2026, 2, 20, 12, 0));
	int64_t k = new_contract(c, CONTRACT_RECURRING, D(2026, 3, 2), true, false);
	add_slot(k, 1, 9 * 60, 11 * 60, w);
	sign(k, D(2026, 2, 20));
	generate(D(2026, 3, 2), D(2026, 3, 15));
	int64_t v1 = visit_at(k, T(2026, 3, 2, 9, 0)), v2 = visit_at(k, T(2026, 3, 9, 9, 0));
	set_now(T(2026, 3, 20, 12, 0));
	ck_assert_int_eq(first_visit(c), NO_DAY);
	ck_assert_msg(visit_done(A, v2, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(first_visit(c), D(2026, 3, 9));
	ck_assert_msg(visit_done(A, v1, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(first_visit(c), D(2026, 3, 2));
	/* Wednesday 1 April: the first month's, on Thursday 2 April, is due this week. */
	set_now(T(2026, 4, 1, 10, 0));
	struct due_rows d = due_this_week();
	ck_assert_int_eq(d.n, 1);
	ck_assert_int_eq(d.client[0], c);
	ck_assert_int_eq(d.due[0], D(2026, 4, 2));
	ck_assert_int_eq(d.kind[0], FOLLOWUP_FIRST_MONTH);
	/* A week before, and after its grace days (7): not in this week's. */
	set_now(T(2026, 3, 25, 10, 0));
	ck_assert_int_eq(due_this_week().n, 0);
	set_now(T(2026, 4, 10, 10, 0));
	ck_assert_int_eq(due_this_week().n, 0);
	set_now(T(2026, 4, 9, 10, 0));
	ck_assert_int_eq(due_this_week().n, 1);
	sign(early, D(2026, 4, 9));
	ck_assert_int_eq(first_visit(c), NO_DAY);
	ck_assert_int_eq(due_this_week().n, 0);
	agency_close();
}
END_TEST

/* One client a Monday from a year's first week on, signed before, its first visit done. */
static int64_t served_from(const char *name, cday monday, int64_t worker_id)
{
	int64_t c = fixture_client(A, name);
	int64_t k = new_contract(c, CONTRACT_RECURRING, monday, true, true);
	add_slot(k, 1, 9 * 60, 11 * 60, worker_id);
	sign(k, monday - 7);
	generate(monday, monday + 6);
	cerr e = {0};
	ck_assert_msg(visit_done(A, visit_at(k, cal_at(monday, 9 * 60)), &e) == ST_OK, "%s", e.msg);
	return c;
}

static void done_on(const char *key, cday on)
{
	followup_done_in in = {on, 2, "", NULL, NULL};
	int64_t id = 0;
	cerr e = {0};
	ck_assert_msg(followup_done(A, key, &in, &id, NULL, &e) == ST_OK, "%s: %s", key, e.msg);
}

/* The Follow-ups list page by page (the ones done through their index, those not done kept
 * between pages) gives the rows and order of the whole list, for each filter, both ways; a
 * follow-up recorded done between two reads moves from one part to the other. Friday 20 March
 * 2026, grace 7 days: the week ends Sunday 22 March. */
START_TEST(test_list_pages)
{
	agency_open();
	int64_t w = new_worker("Hélène Simon", "menage", 7 * 60, 20 * 60);
	served_from("Arnaud", D(2024, 1, 1), w);  /* 1: 2024-02-01, 2025-01-01, 2026-01-01 */
	served_from("Bernard", D(2025, 2, 3), w); /* 2: 2025-03-03, 2026-02-03 */
	served_from("Colin", D(2026, 2, 9), w);   /* 3: 2026-03-09, overdue since the 17th */
	served_from("Durand", D(2026, 2, 16), w); /* 4: 2026-03-16, due until the 23rd */
	done_on("1:2024-02-01", D(2024, 2, 5));
	done_on("2:2026-02-03", D(2026, 2, 4));
	followup_filter all = {false, false, false, 0}, due = {true, false, false, 0},
			overdue = {false, true, false, 0}, done = {false, false, true, 0},
			one = {false, false, false, 1};
	ck_pages(all, "1 1:2025-01-01 2:2025-03-03 1:2026-01-01 2 3:2026-03-09 4:2026-03-16");
	ck_pages(due, "4:2026-03-16");
	ck_pages(overdue, "1:2025-01-01 2:2025-03-03 1:2026-01-01 3:2026-03-09");
	ck_pages(done, "1 2");
	ck_pages(one, "1 1:2025-01-01 1:2026-01-01");
	done_on("3:2026-03-09", D(2026, 3, 19));
	ck_pages(all, "1 1:2025-01-01 2:2025-03-03 1:2026-01-01 2 3 4:2026-03-16");
	ck_pages(overdue, "1:2025-01-01 2:2025-03-03 1:2026-01-01");
	agency_close();
}
END_TEST

Suite *suite_followup(void)
{
	Suite *s = suite_create("followup");
	TCase *pure = tcase_create("rules");
	tcase_add_test(pure, test_r6_days);
	tcase_add_test(pure, test_keys);
	suite_add_tcase(s, pure);
	TCase *file = tcase_create("file");
	tcase_set_timeout(file, 20);
	tcase_add_test(file, test_first_visit_kept);
	tcase_add_test(file, test_list_pages);
	suite_add_tcase(s, file);
	return s;
}
