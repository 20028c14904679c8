/* test_planning.c — first meetings, absences, replacements and the liaison notebook on a real
 * file with a fixed "now" (Friday 20 March 2026, 12:00): the ranking of candidates (met first,
 * then the fewest hours that week, ties by name; the busy, absent, unskilled and unavailable
 * left out), an absence making visits uncovered and the finding going as they are replaced,
 * first-meeting-missing coming and going with the meeting, and liaison-missing at the edges of
 * its 31 days. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/core.h"
#include "charte/app.h"
#include "charte/audit.h"
#include "charte/catalogue.h"
#include "charte/client.h"
#include "charte/contract.h"
#include "charte/planning.h"
#include "charte/visit.h"
#include "charte/worker.h"
#include "planning_fixture.h"

static void meet(int64_t client, int64_t worker_id, cday on)
{
	meeting m;
	meeting_init(&m);
	m.client_id = client;
	m.worker_id = worker_id;
	m.met_on = on;
	m.representative = xstrdup("marie");
	cerr e = {0};
	ck_assert_msg(meeting_add(A, &m, &e) == ST_OK, "%s: %s", e.field, e.msg);
	meeting_free(&m);
}

static int64_t absent(int64_t worker_id, cday from, cday to, size_t *uncovered)
{
	absence x;
	absence_init(&x);
	x.worker_id = worker_id;
	x.from_day = from;
	x.to_day = to;
	x.kind = xstrdup("sick");
	visit *v = NULL;
	cerr e = {0};
	ck_assert_msg(absence_add(A, &x, &v, uncovered, &e) == ST_OK, "%s: %s", e.field, e.msg);
	visits_free(v, *uncovered);
	int64_t id = x.id;
	absence_free(&x);
	return id;
}

static int64_t write_note(int64_t client, int64_t visit_id, const char *text, cerr *e)
{
	note_entry n;
	note_init(&n);
	n.client_id = client;
	n.visit_id = visit_id;
	n.text = xstrdup(text);
	int r = note_add(A, &n, e);
	int64_t id = r ? -r : n.id;
	note_free(&n);
	return id;
}

/* A recurring contract of client c, Tuesdays 09:00-11:00 by worker w, signed, its visits
 * generated from `from` to 30 April. */
static int64_t tuesdays(int64_t c, int64_t w, cday start, cday from)
{
	int64_t k = new_contract(c, CONTRACT_RECURRING, start, true, true);
	add_slot(k, 2, 9 * 60, 11 * 60, w);
	sign(k, start);
	generate(from, D(2026, 4, 30));
	return k;
}

/* The visits no worker covers from `from` (NO_MINUTE: no bound) to 9 April: the listing's
 * uncovered filter (Today's first lines, the Planning's uncovered week). */
static size_t uncovered_from(cminute from)
{
	visit_filter f;
	visit_filter_init(&f);
	f.from = from;
	f.to = T(2026, 4, 9, 0, 0);
	f.uncovered = true;
	visit *rows = NULL;
	size_t n = 0;
	cerr e = {0};
	ck_assert_msg(visit_page(A, &f, NULL, false, 50, &rows, &n, &e) == ST_OK, "%s", e.msg);
	visits_free(rows, n);
	return n;
}

/* Candidates of the visit of Tuesday 24 March: Bruno and Chloé both met the client, with no
 * other visit that week (a tie broken by name); Chloé gets another visit and falls behind
 * Bruno; David has not met the client (offered last, met_client false); Eve lacks the skill,
 * Fanny is busy then, Gilles absent, Hugo not available: none of them is offered. */
START_TEST(test_candidates_ranked)
{
	agency_open();
	int64_t c = fixture_client(A, "Dupont"), c2 = fixture_client(A, "Martin");
	int64_t aicha = new_worker("Aïcha", "menage", 8 * 60, 18 * 60);
	int64_t chloe = new_worker("Chloé", "menage", 8 * 60, 18 * 60);
	int64_t bruno = new_worker("Bruno", "menage", 8 * 60, 18 * 60);
	int64_t david = new_worker("David", "menage", 8 * 60, 18 * 60);
	new_worker("Eve", "jardinage", 8 * 60, 18 * 60);
	int64_t fanny = new_worker("Fanny", "menage", 8 * 60, 18 * 60);
	int64_t gilles = new_worker("Gilles", "menage", 8 * 60, 18 * 60);
	new_worker("Hugo", "menage", 14 * 60, 18 * 60);
	meet(c, aicha, D(2026, 3, 1));
	meet(c, bruno, D(2026, 3, 24)); /* on the visit's day: counts */
	meet(c, chloe, D(2026, 3, 1));
	int64_t k = tuesdays(c, aicha, D(2026, 3, 2), D(2026, 3, 20));
	int64_t v = visit_at(k, T(2026, 3, 24, 9, 0));
	ck_assert_int_ne(v, 0);
	cerr e = {0};
	/* Fanny busy at 10:00 that Tuesday at another client's. */
	meet(c2, fanny, D(2026, 3, 1));
	int64_t k2 = new_contract(c2, CONTRACT_ONE_OFF, D(2026, 3, 2), true, true);
	visit o;
	visit_init(&o);
	o.contract_id = k2;
	o.worker_id = fanny;
	o.starts = T(2026, 3, 24, 10, 0);
	o.ends = T(2026, 3, 24, 12, 0);
	ck_assert_msg(visit_plan(A, &o, false, &e) == ST_OK, "%s", e.msg);
	visit_free(&o);
	size_t nu = 0;
	absent(gilles, D(2026, 3, 24), D(2026, 3, 24), &nu);
	ck_assert_uint_eq(nu, 0);

	candidate *rows = NULL;
	size_t n = 0;
	ck_assert_int_eq(visit_candidates(A, v, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(rows[0].worker_id, bruno);
	ck_assert_int_eq(rows[0].rank, 1);
	ck_assert(rows[0].met_client);
	ck_assert_int_eq(rows[1].worker_id, chloe);
	ck_assert_int_eq(rows[2].worker_id, david);
	ck_assert(!rows[2].met_client);
	ck_assert_int_eq(rows[2].rank, 3);
	candidates_free(rows, n);

	/* Chloé gets two hours on Thursday of that week: Bruno, then Chloé. Bruno gets three. */
	visit x;
	visit_init(&x);
	x.contract_id = k2;
	x.worker_id = bruno;
	x.starts = T(2026, 3, 26, 9, 0);
	x.ends = T(2026, 3, 26, 12, 0);
	ck_assert_msg(visit_plan(A, &x, true, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(visit_candidates(A, v, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(rows[0].worker_id, chloe);
	ck_assert_int_eq(rows[1].worker_id, bruno);
	ck_assert_int_eq(rows[1].week_minutes, 180);
	candidates_free(rows, n);
	visit_free(&x);
	agency_close();
}
END_TEST

/* An absence leaves Aïcha's visit of Tuesday 24 March uncovered: visit-uncovered names it
 * until it is replaced; the replacement records Aïcha as the worker it was taken from. A
 * visit without a worker is uncovered too; one 14 days ahead or more is not reported. */
START_TEST(test_absence_uncovered_replaced)
{
	agency_open();
	int64_t c = fixture_client(A, "Dupont");
	int64_t aicha = new_worker("Aïcha", "menage", 8 * 60, 18 * 60);
	int64_t bruno = new_worker("Bruno", "menage", 8 * 60, 18 * 60);
	meet(c, aicha, D(2026, 3, 1));
	meet(c, bruno, D(2026, 3, 1));
	int64_t k = tuesdays(c, aicha, D(2026, 3, 2), D(2026, 3, 20));
	ck_assert_int_eq(count_findings("visit-uncovered"), 0);
	size_t nu = 0;
	absent(aicha, D(2026, 3, 23), D(2026, 4, 7), &nu);
	ck_assert_uint_eq(nu, 3); /* 24 and 31 March, 7 April */
	/* 24 and 31 March within the next 14 days (20 March to 2 April), 7 April not. */
	ck_assert_int_eq(count_findings("visit-uncovered"), 2);
	/* The listing's uncovered ones: the three, with or without a first day; from 25 March,
	 * two; none before the absence. */
	ck_assert_uint_eq(uncovered_from(T(2026, 3, 20, 0, 0)), 3);
	ck_assert_uint_eq(uncovered_from(NO_MINUTE), 3);
	ck_assert_uint_eq(uncovered_from(T(2026, 3, 25, 0, 0)), 2);
	int64_t v = visit_at(k, T(2026, 3, 24, 9, 0));
	cerr e = {0};
	ck_assert_int_eq(visit_replace(A, v, 0, false, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "worker");
	ck_assert_int_eq(visit_replace(A, v, aicha, true, &e), ST_INVALID);
	ck_assert_msg(visit_replace(A, v, bruno, false, &e) == ST_OK, "%s", e.msg);
	visit got = get_visit(v);
	ck_assert_int_eq(got.worker_id, bruno);
	ck_assert_int_eq(got.replaced_worker_id, aicha);
	visit_free(&got);
	ck_assert_int_eq(count_findings("visit-uncovered"), 1);
	ck_assert_uint_eq(uncovered_from(T(2026, 3, 20, 0, 0)), 2);
	/* Left without a worker: still uncovered. */
	ck_assert_int_eq(visit_assign(A, v, 0, false, &e), ST_OK);
	ck_assert_int_eq(count_findings("visit-uncovered"), 2);
	ck_assert_uint_eq(uncovered_from(T(2026, 3, 20, 0, 0)), 3);
	/* Done while its worker was away (someone came): covered. */
	int64_t v31 = visit_at(k, T(2026, 3, 31, 9, 0));
	set_now(T(2026, 3, 31, 12, 0));
	ck_assert_msg(visit_done(A, v31, &e) == ST_OK, "%s", e.msg);
	ck_assert_uint_eq(uncovered_from(T(2026, 3, 20, 0, 0)), 2);
	set_now(T(2026, 3, 20, 12, 0));
	/* An absent worker is refused as a replacement, with the reason. */
	ck_assert_int_eq(visit_replace(A, v, aicha, false, &e), ST_CONFLICT);
	ck_assert_ptr_nonnull(strstr(e.msg, "absent"));
	/* Cancelled, with no worker: no longer to cover. */
	ck_assert_msg(visit_cancel(A, v, "client away", &e) == ST_OK, "%s", e.msg);
	ck_assert_uint_eq(uncovered_from(T(2026, 3, 20, 0, 0)), 1);
	/* A night from Wednesday 1 April 22:00 to 06:00, its worker away on the Thursday only:
	 * uncovered, as the finding says. */
	int64_t chantal = new_worker("Chantal", "menage", 0, 24 * 60);
	int64_t night = new_contract(c, CONTRACT_RECURRING, D(2026, 3, 23), true, true);
	add_slot(night, 3, 22 * 60, 6 * 60, chantal);
	sign(night, D(2026, 3, 20));
	generate(D(2026, 4, 1), D(2026, 4, 1));
	ck_assert_uint_eq(uncovered_from(T(2026, 3, 20, 0, 0)), 1);
	absent(chantal, D(2026, 4, 2), D(2026, 4, 2), &nu);
	ck_assert_uint_eq(uncovered_from(T(2026, 3, 20, 0, 0)), 2);
	ck_assert_uint_eq(uncovered_from(T(2026, 4, 1, 0, 0)), 2);
	agency_close();
}
END_TEST

/* first-meeting-missing: Bruno's visit at Dupont's with no meeting; a meeting after the visit's
 * day does not count, one on its day does. */
START_TEST(test_first_meeting_missing)
{
	agency_open();
	int64_t c = fixture_client(A, "Dupont");
	int64_t bruno = new_worker("Bruno", "menage", 8 * 60, 18 * 60);
	tuesdays(c, bruno, D(2026, 3, 2), D(2026, 3, 20));
	ck_assert_int_eq(count_findings("first-meeting-missing"), 1); /* one per pair */
	meet(c, bruno, D(2026, 3, 25));
	ck_assert_int_eq(count_findings("first-meeting-missing"), 1); /* 24 March still */
	meet(c, bruno, D(2026, 3, 24));
	ck_assert_int_eq(count_findings("first-meeting-missing"), 0);
	agency_close();
}
END_TEST

/* liaison-missing at its edges: now 20 March, the period from 17 February. A visit done on 17
 * February counts, and a note written on 16 February at 23:59 does not; one on 17 February at
 * 00:00 does. On 21 March, the visit of 17 February is out of the period. */
START_TEST(test_liaison_missing_edges)
{
	agency_open();
	int64_t c = fixture_client(A, "Dupont");
	int64_t w = new_worker("Aïcha", "menage", 8 * 60, 18 * 60);
	meet(c, w, D(2026, 2, 1));
	set_now(T(2026, 2, 2, 12, 0));
	int64_t k = tuesdays(c, w, D(2026, 2, 2), D(2026, 2, 2));
	set_now(T(2026, 2, 17, 12, 0));
	cerr e = {0};
	ck_assert_msg(visit_done(A, visit_at(k, T(2026, 2, 17, 9, 0)), &e) == ST_OK, "%s", e.msg);
	set_now(T(2026, 2, 16, 23, 59));
	ck_assert_int_gt(write_note(c, 0, "Clés chez la voisine", &e), 0);
	set_now(T(2026, 3, 20, 12, 0));
	ck_assert_int_eq(count_findings("liaison-missing"), 1);
	set_now(T(2026, 3, 21, 12, 0));
	ck_assert_int_eq(count_findings("liaison-missing"), 0);
	set_now(T(2026, 2, 17, 0, 0));
	ck_assert_int_gt(write_note(c, 0, "Tout va bien", &e), 0);
	set_now(T(2026, 3, 20, 12, 0));
	ck_assert_int_eq(count_findings("liaison-missing"), 0);
	/* A note about another client's visit is refused on "visit". */
	int64_t c2 = fixture_client(A, "Martin");
	int64_t v = visit_at(k, T(2026, 2, 17, 9, 0));
	ck_assert_int_eq(write_note(c2, v, "x", &e), -ST_INVALID);
	ck_assert_str_eq(e.field, "visit");
	ck_assert_int_eq(write_note(c, 0, " ", &e), -ST_INVALID);
	ck_assert_str_eq(e.field, "text");
	note_entry *rows = NULL;
	size_t n = 0;
	ck_assert_int_eq(note_list(A, c, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[0].text, "Tout va bien"); /* newest first */
	ck_assert_str_eq(rows[0].author, "marie");
	notes_free(rows, n);
	agency_close();
}
END_TEST

Suite *suite_planning(void)
{
	Suite *s = suite_create("planning");
	TCase *tc = tcase_create("planning");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_candidates_ranked);
	tcase_add_test(tc, test_absence_uncovered_replaced);
	tcase_add_test(tc, test_first_meeting_missing);
	tcase_add_test(tc, test_liaison_missing_edges);
	suite_add_tcase(s, tc);
	return s;
}
