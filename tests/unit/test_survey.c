/* test_survey.c — the annual satisfaction survey (S6): who a campaign asks (a visit done in
 * the year, at both edges of the year; visits planned, missed or cancelled serve no one), the answers as
 * typed, shares with "no opinion" answers and with no answer at all, the response rate at its
 * edges, last year's figures beside this year's, roles and refusals that write nothing, and the
 * finding survey-missing appearing the day after the deadline and clearing at the publication.
 * Expected values are worked out by hand beside them. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/core/core.h"
#include "agency_fixture.h"
#include "charte/app.h"
#include "charte/catalogue.h"
#include "charte/client.h"
#include "charte/contract.h"
#include "charte/history.h"
#include "charte/settings.h"
#include "charte/survey.h"
#include "charte/visit.h"

static app *A;

static cday D(int y, int m, int d)
{
	return cal_days(y, m, d);
}

/* ---- without storage ---- */

START_TEST(test_share)
{
	ck_assert_int_eq(survey_share(7, 8), 8750);
	ck_assert_int_eq(survey_share(2, 3), 6667); /* 0.66666… rounded up */
	ck_assert_int_eq(survey_share(1, 3), 3333);
	ck_assert_int_eq(survey_share(1, 8), 1250);
	ck_assert_int_eq(survey_share(1, 16), 625);    /* 0.0625 exactly */
	ck_assert_int_eq(survey_share(1, 20000), 1);   /* 0.00005: half up */
	ck_assert_int_eq(survey_share(0, 5), 0);
	ck_assert_int_eq(survey_share(5, 5), 10000);
	ck_assert_int_eq(survey_share(0, 0), -1);      /* nothing to divide: no share */
	char out[8];
	survey_share_csv(8750, out);
	ck_assert_str_eq(out, "0.875");
	survey_share_csv(10000, out);
	ck_assert_str_eq(out, "1");
	survey_share_csv(0, out);
	ck_assert_str_eq(out, "0");
	survey_share_csv(6667, out);
	ck_assert_str_eq(out, "0.6667");
	survey_share_csv(625, out);
	ck_assert_str_eq(out, "0.0625");
	survey_share_csv(-1, out);
	ck_assert_str_eq(out, "");
	char human[16];
	bool french = lang_french;
	lang_french = true;
	survey_share_human(8750, human);
	ck_assert_str_eq(human, "87,5 %");
	survey_share_human(6667, human); /* 66.67 % -> 66.7 % */
	ck_assert_str_eq(human, "66,7 %");
	survey_share_human(-1, human);
	ck_assert_str_eq(human, "—");
	lang_french = false;
	survey_share_human(10000, human);
	ck_assert_str_eq(human, "100.0%");
	lang_french = french;
}
END_TEST

START_TEST(test_parse_answers)
{
	char *d;
	cerr e = {0};
	ck_assert_int_eq(survey_parse_answers("1,2,2,5", 4, &d, &e), ST_OK);
	ck_assert_str_eq(d, "1225");
	free(d);
	ck_assert_int_eq(survey_parse_answers(" 4 , 3,2 ,1 ", 4, &d, &e), ST_OK);
	ck_assert_str_eq(d, "4321");
	free(d);
	ck_assert_int_eq(survey_parse_answers("1225", 4, &d, &e), ST_OK); /* digits alone */
	ck_assert_str_eq(d, "1225");
	free(d);
	/* The count, named. */
	ck_assert_int_eq(survey_parse_answers("1,2,2,5", 5, &d, &e), ST_INVALID);
	ck_assert_ptr_null(d);
	ck_assert_str_eq(e.field, "answers");
	ck_assert_msg(strstr(e.msg, "4 answers given for 5 questions"), "%s", e.msg);
	ck_assert_int_eq(survey_parse_answers("", 3, &d, &e), ST_INVALID);
	ck_assert_msg(strstr(e.msg, "0 answers given for 3"), "%s", e.msg);
	/* The value, named with its place. */
	ck_assert_int_eq(survey_parse_answers("1,2,6,4", 4, &d, &e), ST_INVALID);
	ck_assert_msg(strstr(e.msg, "answer 3 is '6'"), "%s", e.msg);
	ck_assert_int_eq(survey_parse_answers("1,0,3,4", 4, &d, &e), ST_INVALID);
	ck_assert_msg(strstr(e.msg, "answer 2 is '0'"), "%s", e.msg);
	ck_assert_int_eq(survey_parse_answers("1,,3,4", 4, &d, &e), ST_INVALID);
	ck_assert_msg(strstr(e.msg, "answer 2 is ''"), "%s", e.msg);
	ck_assert_int_eq(survey_parse_answers("1,22,3", 3, &d, &e), ST_INVALID);
	ck_assert_msg(strstr(e.msg, "answer 2 is '22'"), "%s", e.msg);
	ck_assert_int_eq(survey_parse_answers("1,2,3,", 4, &d, &e), ST_INVALID);
	ck_assert_msg(strstr(e.msg, "answer 4 is empty"), "%s", e.msg);
	ck_assert_int_eq(survey_parse_answers("12é4", 4, &d, &e), ST_INVALID);
	ck_assert_msg(strstr(e.msg, "answer 3 is 'é'"), "%s", e.msg);
}
END_TEST

START_TEST(test_questionnaire)
{
	/* The copy built into the program is data/survey.csv (the tests run from the tree). */
	FILE *f = fopen("data/survey.csv", "rb");
	if (!f)
		f = fopen("../data/survey.csv", "rb");
	ck_assert_msg(f != NULL, "data/survey.csv not found from the working folder");
	char buf[8192];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	ck_assert_str_eq(buf, survey_builtin_csv());
	survey_question *q;
	size_t nq;
	cerr e = {0};
	ck_assert_int_eq(survey_questionnaire_parse(buf, &q, &nq, &e), ST_OK);
	/* The charter's promises, in order, and the overall satisfaction last. */
	static const char *const codes[] = {"welcome",    "callback", "quote",    "punctuality",
					    "competence", "continuity", "notebook", "followup",
					    "complaints", "overall"};
	ck_assert_uint_eq(nq, ARRAY_LEN(codes));
	for (size_t i = 0; i < nq; i++)
		ck_assert_str_eq(q[i].code, codes[i]);
	ck_assert_str_eq(q[0].text_fr, "L'accueil téléphonique de l'agence (amabilité, écoute)");
	survey_questions_free(q, nq);
	ck_assert_int_eq(survey_questionnaire_parse("code;fr;en\na;A;A\na;B;B\n", &q, &nq, &e),
			 ST_INVALID);
	ck_assert_msg(strstr(e.msg, "line 3"), "%s", e.msg);
	ck_assert_int_eq(survey_questionnaire_parse("code;fr;en\nA b;A;A\n", &q, &nq, &e),
			 ST_INVALID);
	ck_assert_int_eq(survey_questionnaire_parse("code;fr;en\na;A\n", &q, &nq, &e), ST_INVALID);
	ck_assert_int_eq(survey_questionnaire_parse("code;fr;en\n", &q, &nq, &e), ST_INVALID);
}
END_TEST

/* ---- with storage ---- */

static void agency_open(void)
{
	A = fixture_open("2024-01-02 10:00");
	lang_french = false;
}

static void agency_close(void)
{
	fixture_close(&A);
}

static void now_is(cday day, int hour, int minute)
{
	A->now = cal_at(day, hour * 60 + minute);
}

static void work_as(const char *login)
{
	cerr e = {0};
	free(A->login);
	A->login = xstrdup(login);
	db_set_actor(A->db, login);
	ck_assert_int_eq(app_reload(A, &e), ST_OK);
}

/* A recurring contract of the client drawn up and signed on `signed_on` (NO_DAY: a draft left
 * unsigned), starting on `start`; the clock is left on the signature's day. */
static int64_t contract_for(int64_t client, cday signed_on, cday start)
{
	now_is(signed_on == NO_DAY ? start : signed_on, 10, 0);
	contract k;
	contract_init(&k);
	k.client_id = client;
	k.kind = CONTRACT_RECURRING;
	k.start = start;
	k.hours = 300;
	k.hourly_excl = 2150;
	k.vat_rate = 1000;
	k.express_start = true;
	cerr e = {0};
	ck_assert_msg(contract_create(A, &k, &e) == ST_OK, "%s", e.msg);
	int64_t id = k.id;
	contract_free(&k);
	if (signed_on != NO_DAY)
		ck_assert_msg(contract_sign(A, id, signed_on, &e) == ST_OK, "%s", e.msg);
	return id;
}

static survey_campaign campaign(int year)
{
	survey_campaign c;
	cerr e = {0};
	ck_assert_msg(survey_campaign_get(A, year, &c, &e) == ST_OK, "%s", e.msg);
	return c;
}

static int64_t open_survey(int year)
{
	int64_t added = -1;
	cerr e = {0};
	ck_assert_msg(survey_open(A, year, &added, &e) == ST_OK, "%s", e.msg);
	return added;
}

static void answer(int year, int64_t client, const char *answers, const char *comment)
{
	cerr e = {0};
	ck_assert_msg(survey_answer(A, year, client, answers, comment, &e) == ST_OK, "%s", e.msg);
}

/* A visit of contract k from `day` at `hour` for two hours, planned by hand (no worker: the
 * checks are not what is tested here) and, when `done`, recorded as done, the clock then two
 * hours later; returns its id. */
static int64_t visit_on(int64_t k, cday day, int hour, bool done)
{
	visit v;
	visit_init(&v);
	v.contract_id = k;
	v.starts = cal_at(day, hour * 60);
	v.ends = v.starts + 120;
	cerr e = {0};
	ck_assert_msg(visit_plan(A, &v, true, &e) == ST_OK, "%s: %s", e.field, e.msg);
	int64_t id = v.id;
	visit_free(&v);
	if (done) {
		now_is(day, hour + 2, 0);
		ck_assert_msg(visit_done(A, id, &e) == ST_OK, "%s", e.msg);
	}
	return id;
}

/* The clients of 2025, one at each edge of the year (DESIGN: served in a year = a visit done
 * that started in it). Returns the ids in order c[0..7]. */
static void clients_of_2025(int64_t c[8])
{
	cerr e = {0};
	cday end;
	for (int i = 0; i < 8; i++) {
		char name[32];
		snprintf(name, sizeof name, "Client%d", i);
		c[i] = fixture_client(A, name);
	}
	/* c0: active since March 2025, visited on the 10th: asked. */
	visit_on(contract_for(c[0], D(2025, 3, 1), D(2025, 3, 10)), D(2025, 3, 10), 9, true);
	/* c1: ended on 31 December 2024 (notice in December), last visited that evening (20:00 to
	 * 22:00): served in 2024, not asked in 2025. */
	int64_t k1 = contract_for(c[1], D(2024, 6, 1), D(2024, 6, 10));
	now_is(D(2024, 12, 15), 10, 0);
	ck_assert_msg(contract_end(A, k1, D(2024, 12, 15), &end, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(end, D(2024, 12, 31));
	visit_on(k1, D(2024, 12, 31), 20, true);
	/* c2: visited in November 2024 and on 1 January 2025 from 00:00 (its contract ended on 31
	 * January): asked, in 2024 too. */
	int64_t k2 = contract_for(c[2], D(2024, 11, 1), D(2024, 11, 15));
	visit_on(k2, D(2024, 11, 20), 9, true);
	visit_on(k2, D(2025, 1, 1), 0, true);
	now_is(D(2025, 1, 10), 10, 0);
	ck_assert_msg(contract_end(A, k2, D(2025, 1, 10), &end, &e) == ST_OK, "%s", e.msg);
	/* c3: signed in December, starting on 31 December 2025 and visited from 22:00 to 00:00:
	 * asked in 2025 (the year its visit started), not in 2026. */
	visit_on(contract_for(c[3], D(2025, 12, 20), D(2025, 12, 31)), D(2025, 12, 31), 22, true);
	/* c4: a contract in force all year, its visits still planned or missed: not asked. */
	int64_t k4 = contract_for(c[4], D(2025, 1, 2), D(2025, 1, 6));
	int64_t missed = visit_on(k4, D(2025, 6, 2), 9, false);
	now_is(D(2025, 6, 2), 12, 0);
	ck_assert_msg(visit_missed(A, missed, &e) == ST_OK, "%s", e.msg);
	visit_on(k4, D(2025, 7, 7), 9, false);
	/* c5: withdrawn two days after signing, its one visit cancelled: not asked. */
	int64_t k5 = contract_for(c[5], D(2025, 5, 1), D(2025, 5, 20));
	visit_on(k5, D(2025, 5, 20), 9, false);
	now_is(D(2025, 5, 3), 10, 0);
	ck_assert_msg(contract_withdraw(A, k5, D(2025, 5, 3), &e) == ST_OK, "%s", e.msg);
	/* c6: signed in December 2025 for a start on 2 January 2026, visited that day: asked in
	 * 2026, not in 2025. */
	visit_on(contract_for(c[6], D(2025, 12, 20), D(2026, 1, 2)), D(2026, 1, 2), 9, true);
	/* c7: no contract at all. */
}

START_TEST(test_who_is_asked)
{
	int64_t c[8];
	clients_of_2025(c);
	now_is(D(2026, 1, 5), 10, 0);
	ck_assert_int_eq(open_survey(2025), 3); /* c0, c2, c3 */
	survey_campaign k = campaign(2025);
	ck_assert_int_eq(k.asked, 3);
	ck_assert_int_eq(k.answered, 0);
	ck_assert_int_eq(k.nquestions, 10);
	ck_assert_int_eq(k.opened_on, D(2026, 1, 5));
	ck_assert_str_eq(k.opened_by, "marie");
	survey_campaign_free(&k);
	survey_reply r;
	cerr e = {0};
	int64_t asked[] = {c[0], c[2], c[3]}, not_asked[] = {c[1], c[4], c[5], c[6], c[7]};
	for (size_t i = 0; i < ARRAY_LEN(asked); i++) {
		ck_assert_int_eq(survey_reply_get(A, 2025, asked[i], &r, &e), ST_OK);
		ck_assert_ptr_null(r.answers);
		survey_reply_free(&r);
	}
	for (size_t i = 0; i < ARRAY_LEN(not_asked); i++) {
		ck_assert_int_eq(survey_reply_get(A, 2025, not_asked[i], &r, &e), ST_NOT_FOUND);
		ck_assert_str_eq(e.field, "client");
	}
	/* 2026 so far: c6 only (c0 and c3 have contracts running on, but no visit done yet). */
	ck_assert_int_eq(open_survey(2026), 1);
	/* Opened again: nobody new; a client signed since is added once a visit is done. */
	ck_assert_int_eq(open_survey(2026), 0);
	int64_t late = fixture_client(A, "Tardif");
	int64_t lk = contract_for(late, D(2026, 1, 6), D(2026, 1, 12));
	int64_t planned = visit_on(lk, D(2026, 1, 12), 9, false);
	ck_assert_int_eq(open_survey(2026), 0);
	ck_assert_int_eq(visit_done(A, planned, &e), ST_CONFLICT); /* not started yet */
	now_is(D(2026, 1, 12), 11, 0);
	ck_assert_int_eq(visit_done(A, planned, &e), ST_OK);
	ck_assert_int_eq(open_survey(2026), 1);
	/* The page of the clients asked, by name. */
	survey_reply_filter f = {2025, NULL};
	survey_reply *rows;
	size_t n;
	ck_assert_int_eq(survey_reply_page(A, &f, NULL, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(rows[0].client_name, "Client0");
	ck_assert_str_eq(rows[2].client_name, "Client3");
	survey_replies_free(rows, n);
	f.search = "client2";
	ck_assert_int_eq(survey_reply_page(A, &f, NULL, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(rows[0].client_id, c[2]);
	survey_replies_free(rows, n);
}
END_TEST

START_TEST(test_shares_and_rate)
{
	int64_t c[8];
	clients_of_2025(c);
	now_is(D(2026, 1, 5), 10, 0);
	open_survey(2025);
	survey_results res;
	cerr e = {0};
	/* No answer at all: no share anywhere, a response rate of 0 (0 of 3), nothing overall. */
	ck_assert_int_eq(survey_results_get(A, 2025, &res, &e), ST_OK);
	ck_assert_uint_eq(res.nquestions, 10);
	ck_assert_int_eq(res.response_rate, 0);
	ck_assert_int_eq(res.overall, -1);
	ck_assert(!res.has_last);
	for (size_t i = 0; i < res.nquestions; i++) {
		ck_assert_int_eq(res.tally[i].answers, 0);
		ck_assert_int_eq(res.tally[i].share, -1);
		ck_assert_int_eq(res.tally[i].last_share, -1);
	}
	ck_assert_uint_eq(res.ncomments, 0);
	survey_results_free(&res);
	/* Two clients of three answer. */
	answer(2025, c[0], "1,2,3,4,5,1,1,1,5,2", "  Très bien, merci  ");
	answer(2025, c[2], "2,2,5,4,5,3,1,2,5,3", "");
	ck_assert_int_eq(survey_results_get(A, 2025, &res, &e), ST_OK);
	ck_assert_int_eq(res.campaign.answered, 2);
	ck_assert_int_eq(res.response_rate, 6667); /* 2 / 3 */
	const survey_tally *t = res.tally;
	/* welcome: 1 and 2: both satisfied: 2 / 2. */
	ck_assert_int_eq(t[0].counts[0], 1);
	ck_assert_int_eq(t[0].counts[1], 1);
	ck_assert_int_eq(t[0].answers, 2);
	ck_assert_int_eq(t[0].share, 10000);
	/* callback: 2 and 2: 2 / 2. */
	ck_assert_int_eq(t[1].counts[1], 2);
	ck_assert_int_eq(t[1].share, 10000);
	/* quote: 3 and 5: no opinion left out: 0 satisfied of 1 with an opinion. */
	ck_assert_int_eq(t[2].counts[2], 1);
	ck_assert_int_eq(t[2].counts[4], 1);
	ck_assert_int_eq(t[2].answers, 2);
	ck_assert_int_eq(t[2].expressed, 1);
	ck_assert_int_eq(t[2].share, 0);
	/* punctuality: 4 and 4: 0 / 2. */
	ck_assert_int_eq(t[3].counts[3], 2);
	ck_assert_int_eq(t[3].share, 0);
	/* competence: 5 and 5: only "no opinion": no share at all (not 0). */
	ck_assert_int_eq(t[4].counts[4], 2);
	ck_assert_int_eq(t[4].answers, 2);
	ck_assert_int_eq(t[4].expressed, 0);
	ck_assert_int_eq(t[4].share, -1);
	/* continuity: 1 and 3: 1 / 2. */
	ck_assert_int_eq(t[5].share, 5000);
	/* overall: 2 and 3: 1 / 2. */
	ck_assert_int_eq(t[9].share, 5000);
	ck_assert_int_eq(res.overall, 5000);
	/* The comment trimmed, no empty one. */
	ck_assert_uint_eq(res.ncomments, 1);
	ck_assert_str_eq(res.comments[0], "Très bien, merci");
	survey_results_free(&res);
	/* Everybody answered: 3 / 3. A correction replaces the earlier answers. */
	answer(2025, c[3], "1,1,1,1,1,1,1,1,1,1", NULL);
	answer(2025, c[2], "1,1,1,1,1,1,1,1,1,1", "Corrigé");
	ck_assert_int_eq(survey_results_get(A, 2025, &res, &e), ST_OK);
	ck_assert_int_eq(res.campaign.answered, 3);
	ck_assert_int_eq(res.response_rate, 10000);
	ck_assert_int_eq(res.tally[3].counts[3], 1); /* c0's 4 only */
	ck_assert_int_eq(res.tally[3].share, 6667);  /* 2 / 3 */
	ck_assert_int_eq(res.tally[4].share, 10000); /* 5, 1, 1: 2 / 2 */
	ck_assert_uint_eq(res.ncomments, 2);
	survey_results_free(&res);
	/* The history keeps the first answers of c2. */
	history_row *h;
	size_t nh;
	ck_assert_int_eq(history_page(A, "survey_clients", 0, 0, 50, &h, &nh, &e), ST_OK);
	bool kept = false;
	for (size_t i = 0; i < nh; i++)
		for (size_t k = 0; k < h[i].nfields; k++)
			kept = kept || (h[i].fields[k].before &&
					strstr(h[i].fields[k].before, "2254531253"));
	ck_assert_msg(kept, "the earlier answers are in the history");
	history_rows_free(h, nh);
}
END_TEST

START_TEST(test_last_year)
{
	int64_t c[8];
	clients_of_2025(c);
	/* 2024: c1 and c2 were served. */
	now_is(D(2025, 1, 6), 10, 0);
	ck_assert_int_eq(open_survey(2024), 2);
	answer(2024, c[1], "2,3,3,3,3,3,3,3,3,4", "");
	answer(2024, c[2], "2,3,5,3,3,3,3,3,3,1", "");
	now_is(D(2026, 1, 5), 10, 0);
	open_survey(2025);
	answer(2025, c[0], "1,1,1,1,1,1,1,1,1,1", "");
	survey_results res;
	cerr e = {0};
	ck_assert_int_eq(survey_results_get(A, 2025, &res, &e), ST_OK);
	ck_assert(res.has_last);
	ck_assert_int_eq(res.last.year, 2024);
	ck_assert_int_eq(res.response_rate, 3333);     /* 1 / 3 */
	ck_assert_int_eq(res.last_response_rate, 10000); /* 2 / 2 */
	ck_assert_int_eq(res.tally[0].last_share, 10000); /* 2, 2 */
	ck_assert_int_eq(res.tally[1].last_share, 0);     /* 3, 3 */
	ck_assert_int_eq(res.tally[2].last_share, 0);     /* 3, 5: 0 / 1 */
	ck_assert_int_eq(res.tally[9].last_share, 5000);  /* 4, 1 */
	ck_assert_int_eq(res.last_overall, 5000);
	ck_assert_int_eq(res.overall, 10000);
	survey_results_free(&res);
}
END_TEST

START_TEST(test_roles_and_refusals)
{
	int64_t c[8];
	clients_of_2025(c);
	now_is(D(2026, 1, 5), 10, 0);
	cerr e = {0};
	int64_t added;
	/* No campaign yet. */
	ck_assert_int_eq(survey_answer(A, 2025, c[0], "1,1,1,1,1,1,1,1,1,1", NULL, &e),
			 ST_NOT_FOUND);
	ck_assert_str_eq(e.field, "year");
	/* A year to come, a year nobody was served. */
	ck_assert_int_eq(survey_open(A, 2027, &added, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "year");
	ck_assert_int_eq(survey_open(A, 2019, &added, &e), ST_INVALID);
	ck_assert_msg(strstr(e.msg, "no client was served in 2019"), "%s", e.msg);
	ck_assert_int_eq(survey_campaign_get(A, 2019, &(survey_campaign){0}, &e), ST_NOT_FOUND);
	/* The front desk neither opens nor enters; the coordinator enters but does not open or
	 * publish. */
	work_as("lea");
	ck_assert_int_eq(survey_open(A, 2025, &added, &e), ST_DENIED);
	work_as("marie");
	open_survey(2025);
	work_as("lea");
	ck_assert_int_eq(survey_answer(A, 2025, c[0], "1,1,1,1,1,1,1,1,1,1", NULL, &e), ST_DENIED);
	work_as("paul");
	answer(2025, c[0], "1,1,1,1,1,1,1,1,1,1", NULL);
	ck_assert_int_eq(survey_publish(A, 2025, D(2026, 1, 5), &e), ST_DENIED);
	/* A client the campaign does not ask; a wrong count: nothing written. */
	ck_assert_int_eq(survey_answer(A, 2025, c[1], "1,1,1,1,1,1,1,1,1,1", NULL, &e),
			 ST_NOT_FOUND);
	ck_assert_str_eq(e.field, "client");
	ck_assert_int_eq(survey_answer(A, 2025, c[2], "1,1,1", "x", &e), ST_INVALID);
	ck_assert_str_eq(e.field, "answers");
	ck_assert_int_eq(survey_answer(A, 2025, c[2], "1,1,1,1,1,1,1,1,1,9", "x", &e), ST_INVALID);
	survey_reply r;
	ck_assert_int_eq(survey_reply_get(A, 2025, c[2], &r, &e), ST_OK);
	ck_assert_ptr_null(r.answers);
	ck_assert_str_eq(r.comment, "");
	survey_reply_free(&r);
	ck_assert_int_eq(survey_reply_get(A, 2025, c[0], &r, &e), ST_OK);
	ck_assert_str_eq(r.answers, "1111111111");
	ck_assert_str_eq(r.entered_by, "paul");
	survey_reply_free(&r);
	/* Publishing: not in the future, not before the opening, with answers, once. */
	work_as("marie");
	ck_assert_int_eq(survey_publish(A, 2025, D(2026, 1, 6), &e), ST_INVALID);
	ck_assert_str_eq(e.field, "on");
	ck_assert_int_eq(survey_publish(A, 2025, D(2026, 1, 4), &e), ST_INVALID);
	ck_assert_int_eq(survey_publish(A, 2025, D(2026, 1, 5), &e), ST_OK);
	survey_campaign k = campaign(2025);
	ck_assert_int_eq(k.published_on, D(2026, 1, 5));
	ck_assert_str_eq(k.published_by, "marie");
	ck_assert_int_eq(survey_can(&k, SURVEY_ANSWER, &e), ST_CONFLICT);
	survey_campaign_free(&k);
	ck_assert_int_eq(survey_publish(A, 2025, D(2026, 1, 5), &e), ST_CONFLICT);
	/* Published: its figures are final. */
	ck_assert_int_eq(survey_answer(A, 2025, c[2], "1,1,1,1,1,1,1,1,1,1", NULL, &e),
			 ST_CONFLICT);
	ck_assert_int_eq(survey_open(A, 2025, &added, &e), ST_CONFLICT);
	/* A campaign with no answer has nothing to publish. */
	open_survey(2026);
	ck_assert_int_eq(survey_publish(A, 2026, D(2026, 1, 5), &e), ST_CONFLICT);
}
END_TEST

static int count_finding(const finding *f, void *arg)
{
	int *n = arg;
	ck_assert_str_eq(f->id, "2025");
	ck_assert_str_eq(f->entity, "survey");
	(*n)++;
	return 0;
}

static int count_all(const finding *f, void *arg)
{
	(*(int *)arg)++;
	return 0;
}

static int missing(void)
{
	int n = 0;
	cerr e = {0};
	ck_assert_msg(audit_run_rule(A, "survey-missing", 0, count_finding, &n, &e) == ST_OK, "%s",
		      e.msg);
	/* The dashboard's kept count agrees. */
	size_t nrules;
	const audit_rule *rules = audit_rules(&nrules);
	int64_t counts[32];
	ck_assert_int_eq(audit_counts(A, counts, &e), ST_OK);
	for (size_t i = 0; i < nrules; i++)
		if (!strcmp(rules[i].slug, "survey-missing"))
			ck_assert_int_eq(counts[i], n);
	return n;
}

START_TEST(test_finding_at_the_deadline)
{
	/* Nobody served in 2025: no survey to publish, no finding. */
	now_is(D(2026, 4, 15), 10, 0);
	ck_assert_int_eq(missing(), 0);
	int64_t c[8];
	clients_of_2025(c);
	/* The deadline is 31 March: the finding appears on 1 April, not before. */
	now_is(D(2026, 3, 31), 23, 59);
	ck_assert_int_eq(missing(), 0);
	now_is(D(2026, 4, 1), 0, 0);
	ck_assert_int_eq(missing(), 1);
	/* Opened and answered is not published. */
	open_survey(2025);
	answer(2025, c[0], "1,1,1,1,1,1,1,1,1,1", NULL);
	ck_assert_int_eq(missing(), 1);
	cerr e = {0};
	/* Published (late): there is nothing left to do. */
	ck_assert_int_eq(survey_publish(A, 2025, D(2026, 4, 1), &e), ST_OK);
	ck_assert_int_eq(missing(), 0);
	/* The next year it is about 2026, which no campaign covers yet: found after its
	 * deadline, which a setting moves to the end of February. */
	ck_assert_int_eq(settings_set(A, "survey.deadline", "02-28", &e), ST_OK);
	now_is(D(2027, 2, 28), 12, 0);
	int n = 0;
	ck_assert_int_eq(audit_run_rule(A, "survey-missing", 0, count_all, &n, &e), ST_OK);
	ck_assert_int_eq(n, 0);
	now_is(D(2027, 3, 1), 8, 0);
	ck_assert_int_eq(audit_run_rule(A, "survey-missing", 0, count_all, &n, &e), ST_OK);
	ck_assert_int_eq(n, 1);
}
END_TEST

Suite *suite_survey(void)
{
	Suite *s = suite_create("survey");
	TCase *pure = tcase_create("rules");
	tcase_add_test(pure, test_share);
	tcase_add_test(pure, test_parse_answers);
	tcase_add_test(pure, test_questionnaire);
	suite_add_tcase(s, pure);
	TCase *stored = tcase_create("stored");
	tcase_add_checked_fixture(stored, agency_open, agency_close);
	tcase_set_timeout(stored, 20);
	tcase_add_test(stored, test_who_is_asked);
	tcase_add_test(stored, test_shares_and_rate);
	tcase_add_test(stored, test_last_year);
	tcase_add_test(stored, test_roles_and_refusals);
	tcase_add_test(stored, test_finding_at_the_deadline);
	suite_add_tcase(s, stored);
	return s;
}
