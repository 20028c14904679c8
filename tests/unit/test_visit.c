/* test_visit.c — visits on a real file with a fixed "now" (Friday 20 March 2026, 12:00):
 * generation over a month's end, public holidays with and without the contract's option (Easter
 * Monday, 6 April 2026), a slot crossing midnight (and the week's wrap in the overlap check),
 * no duplicate on generating again, a changed slot moving only the visits not yet done, every
 * planning check and --force, punctuality at the tolerance's edge, R5 and the withdrawal
 * cancelling the visits after the end, and the findings schedule-conflict, worker-mismatch,
 * withdrawal-breach and contract-unsigned coming and going. Values worked out by hand from the
 * calendar. Each test opens its own file in its body. */
#include <check.h>
#include <sqlite3.h>
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

static long long stored(const char *sql)
{
	sqlite3 *h = NULL;
	ck_assert_int_eq(sqlite3_open_v2(fixture_db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st = NULL;
	ck_assert_msg(sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK, "%s",
		      sqlite3_errmsg(h));
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	long long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

/* Tuesdays from Monday 23 March to Thursday 30 April 2026: 24 and 31 March (the month's end),
 * 7, 14, 21 and 28 April. */
START_TEST(test_generation_month_end_no_duplicate)
{
	agency_open();
	int64_t c = fixture_client(A, "Martin");
	int64_t w = new_worker("Aïcha Benali", "menage", 7 * 60, 24 * 60);
	int64_t k = new_contract(c, CONTRACT_RECURRING, D(2026, 3, 23), false, false);
	add_slot(k, 2, 9 * 60, 11 * 60, w);
	sign(k, D(2026, 3, 2)); /* withdrawal period to 16 March */
	visit_generation g = generate(D(2026, 3, 23), D(2026, 4, 30));
	ck_assert_int_eq(g.created, 6);
	int64_t last_of_march = visit_at(k, T(2026, 3, 31, 9, 0));
	ck_assert_int_ne(last_of_march, 0);
	ck_assert_int_ne(visit_at(k, T(2026, 4, 7, 9, 0)), 0);
	visit v = get_visit(last_of_march);
	ck_assert_int_eq(v.ends, T(2026, 3, 31, 11, 0));
	ck_assert_int_eq(v.worker_id, w);
	ck_assert_int_eq(v.client_id, c);
	ck_assert_int_eq(v.status, VISIT_PLANNED);
	ck_assert_str_eq(v.service_code, "menage");
	ck_assert_int_eq(v.slot_week, D(2026, 3, 30));
	visit_free(&v);
	/* Again, and over a longer span: nothing twice. */
	g = generate(D(2026, 3, 23), D(2026, 4, 30));
	ck_assert_int_eq(g.created, 0);
	ck_assert_int_eq(g.kept, 6);
	g = generate(D(2026, 3, 1), D(2026, 5, 5));
	ck_assert_int_eq(g.created, 1); /* 5 May */
	ck_assert_int_eq(stored("SELECT count(*) FROM visits"), 7);
	/* The default: from today over planning.horizon_weeks (8): 20 March to 14 May; the
	 * Tuesdays 12 May is new. */
	g = generate(NO_DAY, NO_DAY);
	ck_assert_int_eq(g.created, 1);
	ck_assert_int_eq(g.kept, 7);
	/* An unsigned contract makes none. */
	int64_t draft = new_contract(c, CONTRACT_RECURRING, D(2026, 3, 23), false, false);
	add_slot(draft, 3, 9 * 60, 10 * 60, w);
	g = generate(NO_DAY, NO_DAY);
	ck_assert_int_eq(g.created, 0);
	agency_close();
}
END_TEST

/* Mondays of April 2026: the 6th is Easter Monday. */
START_TEST(test_public_holidays)
{
	agency_open();
	int64_t c = fixture_client(A, "Roux");
	int64_t w = new_worker("Bruno Caron", "menage", 7 * 60, 24 * 60);
	int64_t k = new_contract(c, CONTRACT_RECURRING, D(2026, 3, 23), false, false);
	add_slot(k, 1, 9 * 60, 10 * 60, w);
	sign(k, D(2026, 3, 2));
	visit_generation g = generate(D(2026, 4, 1), D(2026, 4, 30));
	ck_assert_int_eq(g.created, 4); /* by default visits are planned on public holidays */
	int64_t easter = visit_at(k, T(2026, 4, 6, 9, 0));
	ck_assert_int_ne(easter, 0);
	/* The option turned on: the holiday's visit is cancelled, kept, with the reason. */
	contract base, mine;
	contract_init(&base);
	contract_init(&mine);
	cerr e = {0};
	ck_assert_int_eq(contract_get(A, k, &base, &e), ST_OK);
	ck_assert_int_eq(contract_get(A, k, &mine, &e), ST_OK);
	mine.skip_holidays = true;
	int changed = 0;
	ck_assert_msg(contract_set_options(A, &base, &mine, &changed, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(changed, 1);
	visit v = get_visit(easter);
	ck_assert_int_eq(v.status, VISIT_CANCELLED);
	ck_assert_str_eq(v.cancel_reason, VISIT_REASON_HOLIDAY);
	visit_free(&v);
	g = generate(D(2026, 4, 1), D(2026, 4, 30));
	ck_assert_int_eq(g.created, 0);
	/* Turned off again: planned again. */
	base.skip_holidays = true;
	mine.skip_holidays = false;
	ck_assert_int_eq(contract_set_options(A, &base, &mine, &changed, &e), ST_OK);
	ck_assert_int_eq(changed, 1);
	v = get_visit(easter);
	ck_assert_int_eq(v.status, VISIT_PLANNED);
	visit_free(&v);
	contract_free(&base);
	contract_free(&mine);
	/* A contract that skips them from the start: Easter Monday is never made. */
	int64_t k2 = new_contract(c, CONTRACT_RECURRING, D(2026, 3, 23), false, false);
	add_slot(k2, 1, 14 * 60, 15 * 60, w);
	contract_init(&mine);
	ck_assert_int_eq(contract_get(A, k2, &mine, &e), ST_OK);
	mine.skip_holidays = true;
	ck_assert_int_eq(contract_set_options(A, NULL, &mine, NULL, &e), ST_OK);
	contract_free(&mine);
	sign(k2, D(2026, 3, 2));
	g = generate(D(2026, 4, 1), D(2026, 4, 30));
	ck_assert_int_eq(g.created, 3);
	ck_assert_int_eq(visit_at(k2, T(2026, 4, 6, 14, 0)), 0);
	ck_assert_int_ne(visit_at(k2, T(2026, 4, 13, 14, 0)), 0);
	agency_close();
}
END_TEST

START_TEST(test_slot_crossing_midnight)
{
	agency_open();
	int64_t c = fixture_client(A, "Girard");
	int64_t w = new_worker("Chantal Dufour", "menage", 0, 24 * 60);
	int64_t k = new_contract(c, CONTRACT_RECURRING, D(2026, 3, 23), false, false);
	add_slot(k, 6, 22 * 60, 6 * 60, w); /* Saturday 22:00 to Sunday 06:00: 8 h */
	contract x;
	contract_init(&x);
	cerr e = {0};
	ck_assert_int_eq(contract_get(A, k, &x, &e), ST_OK);
	ck_assert_int_eq(x.hours, 800);
	contract_free(&x);
	/* Sunday 05:00-07:00 overlaps the night; 06:00-08:00 follows it. */
	contract_slot o = {.weekday = 7, .starts = 5 * 60, .ends = 7 * 60};
	ck_assert_int_eq(contract_slot_add(A, k, &o, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "from");
	contract_slot_free(&o); /* the slot took its line's service before it was refused */
	add_slot(k, 7, 6 * 60, 8 * 60, w);
	/* The week wraps: Sunday 23:00-01:00 and Monday 00:30-02:00 share half an hour. */
	add_slot(k, 7, 23 * 60, 60, w);
	contract_slot m = {.weekday = 1, .starts = 30, .ends = 2 * 60};
	ck_assert_int_eq(contract_slot_add(A, k, &m, &e), ST_INVALID);
	contract_slot_free(&m);
	/* An end equal to the start is refused. */
	contract_slot z = {.weekday = 3, .starts = 9 * 60, .ends = 9 * 60};
	ck_assert_int_eq(contract_slot_add(A, k, &z, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "to");
	contract_slot_free(&z);
	sign(k, D(2026, 3, 2));
	visit_generation g = generate(D(2026, 3, 23), D(2026, 3, 29));
	ck_assert_int_eq(g.created, 3);
	int64_t night = visit_at(k, T(2026, 3, 28, 22, 0));
	ck_assert_int_ne(night, 0);
	visit v = get_visit(night);
	ck_assert_int_eq(v.ends, T(2026, 3, 29, 6, 0));
	visit_free(&v);
	/* Sunday 29 March 23:00 to Monday 30 March 01:00, though the 30th is past the span. */
	v = get_visit(visit_at(k, T(2026, 3, 29, 23, 0)));
	ck_assert_int_eq(v.ends, T(2026, 3, 30, 1, 0));
	visit_free(&v);
	/* The night needs an availability to 24:00 and the next morning's from 00:00. */
	unsigned failed;
	char *why;
	v = get_visit(night);
	ck_assert_int_eq(visit_checks(A, &v, &failed, &why, &e), ST_OK);
	ck_assert_uint_eq(failed & VISIT_CHECK_AVAILABILITY, 0);
	free(why);
	visit_free(&v);
	agency_close();
}
END_TEST

/* Tuesdays 10, 17, 24 and 31 March (the client asked to start within the withdrawal period). */
START_TEST(test_changed_slot_moves_future_visits_only)
{
	agency_open();
	int64_t c = fixture_client(A, "Petit");
	int64_t w = new_worker("Denis Morel", "menage", 7 * 60, 24 * 60);
	int64_t w2 = new_worker("Eva Lemoine", "menage", 7 * 60, 24 * 60);
	int64_t k = new_contract(c, CONTRACT_RECURRING, D(2026, 3, 9), true, false);
	int64_t slot = add_slot(k, 2, 9 * 60, 11 * 60, w);
	sign(k, D(2026, 3, 2));
	visit_generation g = generate(D(2026, 3, 9), D(2026, 4, 5));
	ck_assert_int_eq(g.created, 4);
	int64_t done = visit_at(k, T(2026, 3, 10, 9, 0));
	int64_t past = visit_at(k, T(2026, 3, 17, 9, 0));
	int64_t next = visit_at(k, T(2026, 3, 24, 9, 0));
	cerr e = {0};
	ck_assert_int_eq(visit_arrive(A, done, T(2026, 3, 10, 9, 5), &e), ST_OK);
	ck_assert_int_eq(visit_done(A, done, &e), ST_OK);
	/* Moved to Wednesday 14:00-16:00 with another worker: the two visits to come follow. */
	contract_slot s = {0};
	ck_assert_int_eq(contract_slot_get(A, slot, &s, &e), ST_OK);
	s.weekday = 3;
	s.starts = 14 * 60;
	s.ends = 16 * 60;
	s.worker_id = w2;
	int changed = 0;
	ck_assert_msg(contract_slot_edit(A, &s, &changed, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(changed, 2);
	visit v = get_visit(next);
	ck_assert_int_eq(v.starts, T(2026, 3, 25, 14, 0));
	ck_assert_int_eq(v.ends, T(2026, 3, 25, 16, 0));
	ck_assert_int_eq(v.worker_id, w2);
	visit_free(&v);
	v = get_visit(done);
	ck_assert_int_eq(v.starts, T(2026, 3, 10, 9, 0));
	ck_assert_int_eq(v.worker_id, w);
	ck_assert_int_eq(v.status, VISIT_DONE);
	visit_free(&v);
	v = get_visit(past);
	ck_assert_int_eq(v.starts, T(2026, 3, 17, 9, 0));
	visit_free(&v);
	/* A signed contract keeps its hours: the slot does not grow. */
	s.ends = 17 * 60;
	ck_assert_int_eq(contract_slot_edit(A, &s, &changed, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "to");
	contract_slot_free(&s);
	/* Generating again changes nothing more and makes no duplicate. */
	g = generate(D(2026, 3, 9), D(2026, 4, 5));
	ck_assert_int_eq(g.created, 0);
	ck_assert_int_eq(g.changed, 0);
	agency_close();
}
END_TEST

START_TEST(test_planning_checks)
{
	agency_open();
	int64_t c = fixture_client(A, "Lambert");
	int64_t w = new_worker("Fanny Roche", "jardinage", -1, 0);
	int64_t k = new_contract(c, CONTRACT_ONE_OFF, D(2026, 3, 23), false, true);
	sign(k, D(2026, 3, 20));
	cerr e = {0};
	visit v;
	visit_init(&v);
	v.contract_id = k;
	v.client_id = c;
	v.worker_id = w;
	v.starts = T(2026, 3, 24, 10, 0);
	v.ends = T(2026, 3, 24, 12, 0);
	/* No availability recorded, not the skill, never met the client. */
	ck_assert_int_eq(visit_plan(A, &v, false, &e), ST_CONFLICT);
	ck_assert_str_eq(e.field, "worker");
	ck_assert_ptr_nonnull(strstr(e.msg, "no availability recorded"));
	ck_assert_ptr_nonnull(strstr(e.msg, "lacks the skill menage"));
	ck_assert_ptr_nonnull(strstr(e.msg, "has not met the client"));
	ck_assert_int_eq(stored("SELECT count(*) FROM visits"), 0);
	unsigned failed;
	char *why;
	ck_assert_int_eq(visit_checks(A, &v, &failed, &why, &e), ST_OK);
	free(why);
	ck_assert_uint_eq(failed, VISIT_CHECK_AVAILABILITY | VISIT_CHECK_SKILL | VISIT_CHECK_MET);
	/* Available Tuesdays 08:00-11:00 only: still outside. */
	worker_availability av = {0, w, 2, 8 * 60, 11 * 60};
	ck_assert_int_eq(worker_availability_add(A, &av, &e), ST_OK);
	ck_assert_int_eq(visit_checks(A, &v, &failed, &why, &e), ST_OK);
	ck_assert_ptr_nonnull(strstr(why, "is not available then"));
	free(why);
	ck_assert_uint_eq(failed & VISIT_CHECK_AVAILABILITY, VISIT_CHECK_AVAILABILITY);
	v.ends = T(2026, 3, 24, 11, 0);
	ck_assert_int_eq(visit_checks(A, &v, &failed, &why, &e), ST_OK);
	free(why);
	ck_assert_uint_eq(failed, VISIT_CHECK_SKILL | VISIT_CHECK_MET);
	/* The skill, then the first meeting: planned without force. */
	worker x;
	worker_init(&x);
	ck_assert_int_eq(worker_get(A, w, &x, &e), ST_OK);
	free(x.skills);
	x.skills = xstrdup("jardinage,menage");
	ck_assert_int_eq(worker_update(A, NULL, &x, &e), ST_OK);
	worker_free(&x);
	ck_assert_int_eq(visit_checks(A, &v, &failed, &why, &e), ST_OK);
	free(why);
	ck_assert_uint_eq(failed, VISIT_CHECK_MET);
	ck_assert_int_eq(db_meeting_insert(A->db, c, w, D(2026, 3, 24), NULL, &e), ST_OK);
	ck_assert_msg(visit_plan(A, &v, false, &e) == ST_OK, "%s", e.msg);
	int64_t first = v.id;
	ck_assert_str_eq(v.forced, "");
	/* Busy: the same worker at 10:30. */
	visit b;
	visit_init(&b);
	b.contract_id = k;
	b.worker_id = w;
	b.starts = T(2026, 3, 24, 10, 30);
	b.ends = T(2026, 3, 24, 10, 45);
	ck_assert_int_eq(visit_plan(A, &b, false, &e), ST_CONFLICT);
	ck_assert_ptr_nonnull(strstr(e.msg, "is already busy then"));
	/* Absent that day. */
	ck_assert_int_eq(db_absence_insert(A->db, w, D(2026, 3, 24), D(2026, 3, 25), "sick", NULL,
					   &e),
			 ST_OK);
	b.client_id = c;
	ck_assert_int_eq(visit_checks(A, &b, &failed, &why, &e), ST_OK);
	ck_assert_ptr_nonnull(strstr(why, "is absent then (sick)"));
	free(why);
	ck_assert_uint_eq(failed, VISIT_CHECK_BUSY | VISIT_CHECK_ABSENT);
	/* Forced: stored with the checks it was planned despite; the audit reports it. */
	ck_assert_int_eq(count_findings("schedule-conflict"), 0);
	ck_assert_msg(visit_plan(A, &b, true, &e) == ST_OK, "%s", e.msg);
	ck_assert_str_eq(b.forced, "busy,absent");
	ck_assert_int_eq(count_findings("schedule-conflict"), 1);
	/* Cancelled, the conflict is gone. */
	ck_assert_int_eq(visit_cancel(A, b.id, "  ", &e), ST_INVALID);
	ck_assert_str_eq(e.field, "reason");
	ck_assert_int_eq(visit_cancel(A, b.id, "doublon", &e), ST_OK);
	ck_assert_int_eq(count_findings("schedule-conflict"), 0);
	/* Times and the contract's dates. */
	b.id = 0;
	b.starts = T(2026, 3, 22, 10, 0);
	b.ends = T(2026, 3, 22, 11, 0);
	ck_assert_int_eq(visit_plan(A, &b, true, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "start");
	b.starts = T(2026, 3, 26, 10, 0);
	b.ends = T(2026, 3, 26, 9, 0);
	ck_assert_int_eq(visit_plan(A, &b, true, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "end");
	b.ends = T(2026, 3, 27, 11, 0);
	ck_assert_int_eq(visit_plan(A, &b, true, &e), ST_INVALID); /* more than a day */
	ck_assert_str_eq(e.field, "end");
	visit_free(&b);
	/* worker-mismatch: the skill taken away again. */
	ck_assert_int_eq(count_findings("worker-mismatch"), 0);
	worker_init(&x);
	ck_assert_int_eq(worker_get(A, w, &x, &e), ST_OK);
	free(x.skills);
	x.skills = xstrdup("jardinage");
	ck_assert_int_eq(worker_update(A, NULL, &x, &e), ST_OK);
	worker_free(&x);
	ck_assert_int_eq(count_findings("worker-mismatch"), 1);
	(void)first;
	visit_free(&v);
	agency_close();
}
END_TEST

/* O4 and O7 while planning: an unsigned recurring contract, and a visit within the withdrawal
 * period (signed on 20 March away from the agency: until Friday 3 April). */
START_TEST(test_contract_checks_and_findings)
{
	agency_open();
	int64_t c = fixture_client(A, "Fabre");
	int64_t w = new_worker("Gilles Henry", "menage", 7 * 60, 24 * 60);
	cerr e = {0};
	ck_assert_int_eq(db_meeting_insert(A->db, c, w, D(2026, 3, 1), NULL, &e), ST_OK);
	int64_t draft = new_contract(c, CONTRACT_RECURRING, D(2026, 4, 6), false, false);
	add_slot(draft, 1, 9 * 60, 10 * 60, w);
	visit v;
	visit_init(&v);
	v.contract_id = draft;
	v.worker_id = w;
	v.starts = T(2026, 4, 7, 9, 0);
	v.ends = T(2026, 4, 7, 10, 0);
	ck_assert_int_eq(visit_plan(A, &v, false, &e), ST_CONFLICT);
	ck_assert_str_eq(e.field, "contract");
	ck_assert_ptr_nonnull(strstr(e.msg, "is not signed"));
	ck_assert_int_eq(count_findings("contract-unsigned"), 0); /* not started yet */
	ck_assert_int_eq(visit_plan(A, &v, true, &e), ST_OK);
	ck_assert_str_eq(v.forced, "unsigned");
	ck_assert_int_eq(count_findings("contract-unsigned"), 1);
	ck_assert_int_eq(visit_cancel(A, v.id, "erreur", &e), ST_OK);
	ck_assert_int_eq(count_findings("contract-unsigned"), 0);
	visit_free(&v);

	int64_t k = new_contract(c, CONTRACT_RECURRING, D(2026, 3, 23), false, false);
	add_slot(k, 2, 9 * 60, 10 * 60, w);
	sign(k, D(2026, 3, 20));
	/* Generation waits for the end of the period: the first Tuesday is 7 April. */
	visit_generation g = generate(D(2026, 3, 23), D(2026, 4, 12));
	ck_assert_int_eq(g.created, 1);
	ck_assert_int_ne(visit_at(k, T(2026, 4, 7, 9, 0)), 0);
	ck_assert_int_eq(count_findings("withdrawal-breach"), 0);
	visit_init(&v);
	v.contract_id = k;
	v.worker_id = w;
	v.starts = T(2026, 3, 24, 9, 0);
	v.ends = T(2026, 3, 24, 10, 0);
	ck_assert_int_eq(visit_plan(A, &v, false, &e), ST_CONFLICT);
	ck_assert_ptr_nonnull(strstr(e.msg, "withdrawal period"));
	ck_assert_int_eq(visit_plan(A, &v, true, &e), ST_OK);
	ck_assert_int_eq(count_findings("withdrawal-breach"), 1);
	/* The client's express request recorded: no breach. */
	ck_assert_int_eq(contract_record_express(A, k, &e), ST_OK);
	ck_assert_int_eq(count_findings("withdrawal-breach"), 0);
	visit_free(&v);
	agency_close();
}
END_TEST

/* The skills a contract names beyond its services (issue 8, point 1): a visit requires them too,
 * in the checks, the replacement candidates and worker-mismatch. */
static int first_detail(const finding *f, void *arg)
{
	char **out = arg;
	if (!*out)
		*out = xstrdup(f->detail);
	return 0;
}

START_TEST(test_contract_extra_skill)
{
	agency_open();
	int64_t c = fixture_client(A, "Vidal");
	int64_t without = new_worker("Amandine Blanc", "menage", 7 * 60, 24 * 60);
	int64_t with = new_worker("Bruno Caron", "menage,permis", 7 * 60, 24 * 60);
	int64_t other = new_worker("Chloé Petit", "permis,menage", 7 * 60, 24 * 60);
	int64_t nothing = new_worker("Denis Roux", "permis", 7 * 60, 24 * 60);
	cerr e = {0};
	for (int64_t w = without; w <= nothing; w++)
		ck_assert_int_eq(db_meeting_insert(A->db, c, w, D(2026, 3, 1), NULL, &e), ST_OK);
	int64_t k = new_contract(c, CONTRACT_ONE_OFF, D(2026, 3, 23), false, true);
	sign(k, D(2026, 3, 20));
	/* Named on the signed contract: an unknown code refused, nothing written. */
	contract mine;
	contract_init(&mine);
	ck_assert_int_eq(contract_get(A, k, &mine, &e), ST_OK);
	free(mine.skills);
	mine.skills = xstrdup("Permis plongee");
	ck_assert_int_eq(contract_set_options(A, NULL, &mine, NULL, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "skills");
	ck_assert_str_eq(e.msg, "'plongee' is not a skill (see 'charte worker skills')");
	ck_assert_int_eq(stored("SELECT count(*) FROM contracts WHERE skills <> ''"), 0);
	free(mine.skills);
	mine.skills = xstrdup("Permis");
	ck_assert_msg(contract_set_options(A, NULL, &mine, NULL, &e) == ST_OK, "%s", e.msg);
	contract_free(&mine);
	contract got;
	contract_init(&got);
	ck_assert_int_eq(contract_get(A, k, &got, &e), ST_OK);
	ck_assert_str_eq(got.skills, "permis");
	char *all = NULL;
	ck_assert_int_eq(contract_skills_required(A, &got, &all, &e), ST_OK);
	ck_assert_str_eq(all, "menage,permis");
	free(all);
	contract_free(&got);
	/* Without the licence: refused with the reason; with it: planned. */
	visit v;
	visit_init(&v);
	v.contract_id = k;
	v.worker_id = without;
	v.starts = T(2026, 3, 24, 10, 0);
	v.ends = T(2026, 3, 24, 12, 0);
	ck_assert_int_eq(visit_plan(A, &v, false, &e), ST_CONFLICT);
	ck_assert_str_eq(e.field, "worker");
	ck_assert_str_eq(e.msg, "Amandine Blanc lacks the skill permis that the contract requires");
	ck_assert_int_eq(stored("SELECT count(*) FROM visits"), 0);
	v.worker_id = nothing; /* the licence but not the service */
	ck_assert_int_eq(visit_plan(A, &v, false, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "Denis Roux lacks the skill menage that the contract requires");
	v.worker_id = with;
	ck_assert_msg(visit_plan(A, &v, false, &e) == ST_OK, "%s", e.msg);
	ck_assert_str_eq(v.forced, "");
	/* Its candidates: only the other one who has both. */
	candidate *rows = NULL;
	size_t n = 0;
	ck_assert_int_eq(visit_candidates(A, v.id, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(rows[0].worker_id, other);
	ck_assert_int_eq(rows[0].rank, 1);
	candidates_free(rows, n);
	/* Forced on the worker without it: worker-mismatch names the skill. */
	ck_assert_int_eq(count_findings("worker-mismatch"), 0);
	visit b;
	visit_init(&b);
	b.contract_id = k;
	b.worker_id = without;
	b.starts = T(2026, 3, 25, 10, 0);
	b.ends = T(2026, 3, 25, 12, 0);
	ck_assert_msg(visit_plan(A, &b, true, &e) == ST_OK, "%s", e.msg);
	ck_assert_str_eq(b.forced, "skill");
	char *detail = NULL;
	ck_assert_int_eq(audit_run_rule(A, "worker-mismatch", 0, first_detail, &detail, &e), ST_OK);
	ck_assert_ptr_nonnull(detail);
	ck_assert_msg(strstr(detail, "lacks the skill permis that the contract requires") != NULL,
		      "%s", detail);
	free(detail);
	/* The contract no longer asks for it: no finding. */
	contract_init(&mine);
	ck_assert_int_eq(contract_get(A, k, &mine, &e), ST_OK);
	free(mine.skills);
	mine.skills = xstrdup("");
	ck_assert_int_eq(contract_set_options(A, NULL, &mine, NULL, &e), ST_OK);
	contract_free(&mine);
	ck_assert_int_eq(count_findings("worker-mismatch"), 0);
	visit_free(&b);
	visit_free(&v);
	agency_close();
}
END_TEST

START_TEST(test_punctuality_at_the_edge)
{
	agency_open();
	int64_t c = fixture_client(A, "Blanc");
	int64_t w = new_worker("Hélène Simon", "menage", 7 * 60, 24 * 60);
	int64_t k = new_contract(c, CONTRACT_RECURRING, D(2026, 3, 2), true, false);
	add_slot(k, 1, 9 * 60, 11 * 60, w);
	sign(k, D(2026, 2, 27));
	visit_generation g = generate(D(2026, 3, 2), D(2026, 3, 15));
	ck_assert_int_eq(g.created, 2);
	int64_t v1 = visit_at(k, T(2026, 3, 2, 9, 0)), v2 = visit_at(k, T(2026, 3, 9, 9, 0));
	cerr e = {0};
	/* Tolerance 10 minutes: 09:10 is on time, 09:11 late. */
	ck_assert_int_eq(visit_tolerance(A), 10);
	ck_assert_int_eq(visit_arrive(A, v1, T(2026, 3, 2, 9, 10), &e), ST_OK);
	ck_assert_int_eq(visit_arrive(A, v2, T(2026, 3, 9, 9, 11), &e), ST_OK);
	visit a = get_visit(v1), b = get_visit(v2);
	ck_assert(!visit_is_late(&a, 10));
	ck_assert(visit_is_late(&b, 10));
	ck_assert(!visit_is_late(&b, 11));
	visit_free(&a);
	visit_free(&b);
	punctuality p;
	ck_assert_int_eq(visit_punctuality_month(A, w, 2026, 3, &p, &e), ST_OK);
	ck_assert_int_eq(p.arrived, 2);
	ck_assert_int_eq(p.late, 1);
	ck_assert_int_eq(p.rate, 50);
	ck_assert_int_eq(visit_punctuality_month(A, w, 2026, 2, &p, &e), ST_OK);
	ck_assert_int_eq(p.rate, -1);
	/* Arrival and departure: not in the future, a departure after the arrival. */
	ck_assert_int_eq(visit_arrive(A, v1, T(2026, 3, 21, 9, 0), &e), ST_INVALID);
	ck_assert_int_eq(visit_leave(A, v1, T(2026, 3, 2, 9, 0), &e), ST_INVALID);
	ck_assert_int_eq(visit_leave(A, v1, T(2026, 3, 2, 11, 5), &e), ST_OK);
	ck_assert_int_eq(visit_done(A, v1, &e), ST_OK);
	ck_assert_int_eq(visit_done(A, v1, &e), ST_CONFLICT);
	ck_assert_int_eq(visit_missed(A, v2, &e), ST_OK);
	ck_assert_int_eq(visit_cancel(A, v2, "trop tard", &e), ST_CONFLICT);
	/* A visit to come cannot be done yet. */
	g = generate(D(2026, 3, 23), D(2026, 3, 23));
	int64_t later = visit_at(k, T(2026, 3, 23, 9, 0));
	ck_assert_int_eq(visit_done(A, later, &e), ST_CONFLICT);
	set_now(T(2026, 3, 23, 9, 30));
	ck_assert_int_eq(visit_done(A, later, &e), ST_OK);
	agency_close();
}
END_TEST

/* R5: notice on 20 March ends the contract on 31 March; the visits after are cancelled, kept.
 * A withdrawal cancels every visit still to come. */
START_TEST(test_termination_cancels_visits)
{
	agency_open();
	int64_t c = fixture_client(A, "Meunier");
	int64_t w = new_worker("Inès Garnier", "menage", 7 * 60, 24 * 60);
	int64_t k = new_contract(c, CONTRACT_RECURRING, D(2026, 3, 23), false, false);
	add_slot(k, 2, 9 * 60, 11 * 60, w);
	sign(k, D(2026, 3, 2));
	visit_generation g = generate(D(2026, 3, 23), D(2026, 4, 30));
	ck_assert_int_eq(g.created, 6);
	cerr e = {0};
	cday end = NO_DAY;
	int cancelled = 0;
	ck_assert_int_eq(contract_end_counting(A, k, NO_DAY, &end, &cancelled, &e), ST_OK);
	ck_assert_int_eq(end, D(2026, 3, 31));
	ck_assert_int_eq(cancelled, 4);
	ck_assert_int_eq(stored("SELECT count(*) FROM visits WHERE status = 'cancelled'"
			       " AND cancel_reason = 'contract ended' AND starts >= '2026-04-01'"),
			 4);
	ck_assert_int_eq(stored("SELECT count(*) FROM visits WHERE status = 'planned'"), 2);
	/* Generating again makes nothing after the end. */
	g = generate(D(2026, 3, 23), D(2026, 4, 30));
	ck_assert_int_eq(g.created, 0);

	int64_t k2 = new_contract(c, CONTRACT_RECURRING, D(2026, 3, 20), true, false);
	add_slot(k2, 4, 14 * 60, 15 * 60, w);
	sign(k2, D(2026, 3, 19));
	g = generate(D(2026, 3, 1), D(2026, 4, 10));
	ck_assert_int_eq(g.created, 3); /* Thursdays 26 March, 2 and 9 April */
	ck_assert_int_eq(contract_withdraw_counting(A, k2, NO_DAY, &cancelled, &e), ST_OK);
	ck_assert_int_eq(cancelled, 3);
	ck_assert_int_eq(stored("SELECT count(*) FROM visits WHERE cancel_reason ="
			       " 'contract withdrawn'"),
			 3);
	agency_close();
}
END_TEST

/* A visit given to another worker keeps the one it was taken from; a slot's later worker does
 * not take it back. */
START_TEST(test_assign_keeps_the_replaced_worker)
{
	agency_open();
	int64_t c = fixture_client(A, "Noël");
	int64_t w = new_worker("Jules Perrin", "menage", 7 * 60, 24 * 60);
	int64_t w2 = new_worker("Karima Aubert", "menage", 7 * 60, 24 * 60);
	cerr e = {0};
	ck_assert_int_eq(db_meeting_insert(A->db, c, w2, D(2026, 3, 1), NULL, &e), ST_OK);
	int64_t k = new_contract(c, CONTRACT_RECURRING, D(2026, 3, 23), false, false);
	int64_t slot = add_slot(k, 2, 9 * 60, 11 * 60, w);
	sign(k, D(2026, 3, 2));
	generate(D(2026, 3, 23), D(2026, 4, 5));
	int64_t id = visit_at(k, T(2026, 3, 24, 9, 0));
	ck_assert_msg(visit_assign(A, id, w2, false, &e) == ST_OK, "%s", e.msg);
	visit v = get_visit(id);
	ck_assert_int_eq(v.worker_id, w2);
	ck_assert_int_eq(v.replaced_worker_id, w);
	visit_free(&v);
	contract_slot s = {0};
	ck_assert_int_eq(contract_slot_get(A, slot, &s, &e), ST_OK);
	s.starts = 10 * 60;
	s.ends = 12 * 60;
	int changed = 0;
	ck_assert_int_eq(contract_slot_edit(A, &s, &changed, &e), ST_OK);
	ck_assert_int_eq(changed, 2);
	contract_slot_free(&s);
	v = get_visit(id);
	ck_assert_int_eq(v.starts, T(2026, 3, 24, 10, 0));
	ck_assert_int_eq(v.worker_id, w2);
	visit_free(&v);
	/* Uncovered. */
	ck_assert_int_eq(visit_assign(A, id, 0, false, &e), ST_OK);
	v = get_visit(id);
	ck_assert_int_eq(v.worker_id, 0);
	visit_free(&v);
	agency_close();
}
END_TEST

Suite *suite_visit(void)
{
	Suite *s = suite_create("visit");
	TCase *tc = tcase_create("visit");
	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, test_generation_month_end_no_duplicate);
	tcase_add_test(tc, test_public_holidays);
	tcase_add_test(tc, test_slot_crossing_midnight);
	tcase_add_test(tc, test_changed_slot_moves_future_visits_only);
	tcase_add_test(tc, test_planning_checks);
	tcase_add_test(tc, test_contract_checks_and_findings);
	tcase_add_test(tc, test_contract_extra_skill);
	tcase_add_test(tc, test_punctuality_at_the_edge);
	tcase_add_test(tc, test_termination_cancels_visits);
	tcase_add_test(tc, test_assign_keeps_the_replaced_worker);
	suite_add_tcase(s, tc);
	return s;
}
