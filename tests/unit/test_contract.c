/* test_contract.c — contracts: R3 (the monthly amount on both sides of 100 € and exactly at it,
 * the client who asked), R4 (a period ending on a Saturday, a Sunday, a public holiday; none at
 * the agency), R5 (month lengths, February in leap and common years, December), the schedule's
 * hours, the life of a contract, and the findings needs-missing, quote-missing and
 * contract-unsigned appearing and then disappearing as the record is fixed. Expected values are
 * worked out by hand beside them. "Now" is Monday 5 January 2026, 10:00. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/core/core.h"
#include "../../src/db/dbint.h" /* white box: a file of the schema before lines */
#include "agency_fixture.h"
#include "charte/app.h"
#include "charte/audit.h"
#include "charte/catalogue.h"
#include "charte/client.h"
#include "charte/contract.h"
#include "charte/quote.h"

static app *A;

static cday D(int y, int m, int d)
{
	return cal_days(y, m, d);
}

#define ck_assert_day(got, expect)                                                                 \
	do {                                                                                       \
		char b_[11];                                                                       \
		fmt_date(got, b_);                                                                 \
		ck_assert_str_eq(b_, expect);                                                      \
	} while (0)

/* ---- R3, pure ---- */

START_TEST(test_r3_monthly_amount)
{
	/* 5 h a week at 4.20 € excl. VAT, 5.5 %: 4.20 + 0.231 -> 4.43 € an hour incl. VAT;
	 * 5 x 4.43 x 52 / 12 = 95.983... -> 95.98 €: under the threshold. */
	cents m = contract_monthly(CONTRACT_RECURRING, 500, 420, 550);
	ck_assert_int_eq(m, 9598);
	ck_assert(!contract_quote_required(m, 10000, false));
	/* ... unless the client asked for a quote. */
	ck_assert(contract_quote_required(m, 10000, true));
	/* 5 h at 4.50 €, 5.5 %: 4.50 + 0.2475 -> 4.75; 5 x 4.75 x 52 / 12 = 102.916... -> 102.92 */
	m = contract_monthly(CONTRACT_RECURRING, 500, 450, 550);
	ck_assert_int_eq(m, 10292);
	ck_assert(contract_quote_required(m, 10000, false));
	/* Exactly 100.00: 0.75 h at 29.17 €, 5.5 %: 29.17 + 1.60435 -> 30.77;
	 * 0.75 x 30.77 x 52 / 12 = 100.0025 -> 100.00 €: "at or over" requires a quote. */
	m = contract_monthly(CONTRACT_RECURRING, 75, 2917, 550);
	ck_assert_int_eq(m, 10000);
	ck_assert(contract_quote_required(m, 10000, false));
	/* One cent less an hour: 29.16 + 1.6038 -> 30.76; 0.75 x 30.76 x 52 / 12 = 99.97 */
	m = contract_monthly(CONTRACT_RECURRING, 75, 2916, 550);
	ck_assert_int_eq(m, 9997);
	ck_assert(!contract_quote_required(m, 10000, false));
	/* One-off: its total. 1 x 90.91 € at 10 %: 90.91 + 9.091 -> 9.09 = 100.00 € */
	m = contract_monthly(CONTRACT_ONE_OFF, 100, 9091, 1000);
	ck_assert_int_eq(m, 10000);
	ck_assert(contract_quote_required(m, 10000, false));
	/* 90.90 + 9.09 = 99.99 € */
	m = contract_monthly(CONTRACT_ONE_OFF, 100, 9090, 1000);
	ck_assert_int_eq(m, 9999);
	ck_assert(!contract_quote_required(m, 10000, false));
	/* 3.5 h of a one-off at 21.15 €, 20 %: 74.025 -> 74.03; VAT 14.806 -> 14.81; 88.84 */
	ck_assert_int_eq(contract_monthly(CONTRACT_ONE_OFF, 350, 2115, 2000), 8884);
}
END_TEST

START_TEST(test_schedule_hours)
{
	/* 09:00-11:30: 2.5 h */
	ck_assert_int_eq(contract_slot_hours(9 * 60, 11 * 60 + 30), 250);
	/* 20 minutes: 0.333... h -> 0.33 */
	ck_assert_int_eq(contract_slot_hours(600, 620), 33);
	/* Three slots of 20 minutes make one hour: the minutes are summed first (not 0.99). */
	contract_slot s[3] = {{.weekday = 1, .starts = 600, .ends = 620},
	                      {.weekday = 3, .starts = 600, .ends = 620},
	                      {.weekday = 5, .starts = 600, .ends = 620}};
	ck_assert_int_eq(contract_schedule_hours(s, 3), 100);
	/* 45 minutes: 0.75 h */
	ck_assert_int_eq(contract_slot_hours(14 * 60, 14 * 60 + 45), 75);
}
END_TEST

/* ---- R4, pure ---- */

START_TEST(test_r4_withdrawal_end)
{
	/* Signed Monday 5 January 2026: + 14 days = Monday 19 January. */
	ck_assert_day(contract_withdrawal_end(D(2026, 1, 5), false, 14), "2026-01-19");
	/* Signed Saturday 3 January: the 17th is a Saturday -> Monday 19 January. */
	ck_assert_day(contract_withdrawal_end(D(2026, 1, 3), false, 14), "2026-01-19");
	/* Signed Sunday 4 January: the 18th is a Sunday -> Monday 19 January. */
	ck_assert_day(contract_withdrawal_end(D(2026, 1, 4), false, 14), "2026-01-19");
	/* Ends on Tuesday 14 July 2026 (a public holiday) -> Wednesday 15 July. */
	ck_assert_day(contract_withdrawal_end(D(2026, 6, 30), false, 14), "2026-07-15");
	/* Ends on Friday 1 May 2026 (holiday), then a weekend -> Monday 4 May. */
	ck_assert_day(contract_withdrawal_end(D(2026, 4, 17), false, 14), "2026-05-04");
	/* Ends on Ascension Thursday, 14 May 2026 (Easter is 5 April) -> Friday 15 May. */
	ck_assert_day(contract_withdrawal_end(D(2026, 4, 30), false, 14), "2026-05-15");
	/* Ends on Friday 25 December 2026 -> Monday 28 December. */
	ck_assert_day(contract_withdrawal_end(D(2026, 12, 11), false, 14), "2026-12-28");
	/* The charter's old 7 days, if the setting says so: Monday 5 -> Monday 12 January. */
	ck_assert_day(contract_withdrawal_end(D(2026, 1, 5), false, 7), "2026-01-12");
	/* Signed at the agency: no withdrawal period. */
	ck_assert_int_eq(contract_withdrawal_end(D(2026, 1, 3), true, 14), NO_DAY);
}
END_TEST

/* ---- R5, pure ---- */

START_TEST(test_r5_end_date)
{
	ck_assert_day(contract_end_date(D(2026, 1, 15)), "2026-01-31");
	ck_assert_day(contract_end_date(D(2026, 1, 31)), "2026-01-31"); /* the last day itself */
	ck_assert_day(contract_end_date(D(2026, 4, 1)), "2026-04-30");  /* 30-day month */
	ck_assert_day(contract_end_date(D(2026, 4, 30)), "2026-04-30");
	ck_assert_day(contract_end_date(D(2026, 2, 10)), "2026-02-28"); /* common year */
	ck_assert_day(contract_end_date(D(2024, 2, 10)), "2024-02-29"); /* leap year */
	ck_assert_day(contract_end_date(D(2028, 2, 29)), "2028-02-29");
	ck_assert_day(contract_end_date(D(2100, 2, 1)), "2100-02-28");  /* not leap (century) */
	ck_assert_day(contract_end_date(D(2000, 2, 1)), "2000-02-29");  /* leap (400) */
	ck_assert_day(contract_end_date(D(2026, 12, 1)), "2026-12-31"); /* December */
	ck_assert_day(contract_end_date(D(2026, 12, 31)), "2026-12-31");
}
END_TEST

START_TEST(test_names)
{
	int d = 0;
	ck_assert_ptr_null(contract_parse_weekday("lun", &d));
	ck_assert_int_eq(d, 1);
	ck_assert_ptr_null(contract_parse_weekday("Sun", &d));
	ck_assert_int_eq(d, 7);
	ck_assert_ptr_null(contract_parse_weekday("mercredi", &d));
	ck_assert_int_eq(d, 3);
	ck_assert_ptr_null(contract_parse_weekday("5", &d));
	ck_assert_int_eq(d, 5);
	ck_assert_ptr_nonnull(contract_parse_weekday("8", &d));
	ck_assert_ptr_nonnull(contract_parse_weekday("xyz", &d));
	ck_assert_int_eq(enum_value(&contract_kinds, "one-off"), CONTRACT_ONE_OFF);
	ck_assert_int_eq(enum_value(&contract_kinds, "weekly"), -1);
	contract k;
	contract_init(&k);
	k.status = CONTRACT_SIGNED;
	k.start = D(2026, 1, 12);
	ck_assert_int_eq(contract_status_on(&k, D(2026, 1, 11)), CONTRACT_SIGNED);
	ck_assert_int_eq(contract_status_on(&k, D(2026, 1, 12)), CONTRACT_ACTIVE);
	char n[24];
	contract_number_format(2026, 7, n);
	ck_assert_str_eq(n, "C2026-0007");
}
END_TEST

/* ---- with storage ---- */

static void agency_open(void)
{
	A = fixture_open("2026-01-05 10:00");
	cerr e = {0};
	ck_assert_msg(catalogue_load_defaults(A, &e) == ST_OK, "%s", e.msg);
}

static void agency_close(void)
{
	fixture_close(&A);
}

static void set_now(const char *text)
{
	ck_assert(datetime_from_text(text, &A->now));
}

static int64_t new_client(const char *name, bool wants_quote)
{
	client_file c;
	client_init(&c);
	c.name = strdup(name);
	c.wants_quote = wants_quote;
	cerr e = {0};
	ck_assert_msg(client_create(A, &c, &e) == ST_OK, "%s", e.msg);
	int64_t id = c.id;
	client_free(&c);
	return id;
}

static void give_needs(int64_t client)
{
	needs_analysis n;
	needs_init(&n);
	n.client_id = client;
	n.services = strdup("ménage");
	n.hours_per_week = 300;
	cerr e = {0};
	ck_assert_msg(client_set_needs(A, NULL, &n, &e) == ST_OK, "%s", e.msg);
	needs_free(&n);
}

/* A recurring draft: hours a week, hourly price excl. VAT, rate; its number checked. */
static int64_t new_contract(int64_t client, int kind, cday start, int64_t hours, cents price,
                            int rate, int64_t quote_id, const char *number)
{
	contract k;
	contract_init(&k);
	k.client_id = client;
	k.kind = kind;
	k.start = start;
	k.hours = hours;
	k.hourly_excl = price;
	k.vat_rate = rate;
	k.quote_id = quote_id;
	cerr e = {0};
	ck_assert_msg(contract_create(A, &k, &e) == ST_OK, "%s", e.msg);
	ck_assert_str_eq(k.number, number);
	int64_t id = k.id;
	contract_free(&k);
	return id;
}

static contract get(int64_t id)
{
	contract k;
	contract_init(&k);
	cerr e = {0};
	ck_assert_msg(contract_get(A, id, &k, &e) == ST_OK, "%s", e.msg);
	return k;
}

/* A quote of the client with one line, sent on `sent`. */
static int64_t sent_quote(int64_t client, cday date, cday sent)
{
	quote q;
	quote_init(&q);
	q.client_id = client;
	q.date = date;
	cerr e = {0};
	ck_assert_msg(quote_create(A, &q, &e) == ST_OK, "%s", e.msg);
	quote_line l;
	quote_line_init(&l);
	l.service_code = strdup("menage");
	l.qty = 500;
	ck_assert_msg(quote_line_add(A, q.id, &l, &e) == ST_OK, "%s", e.msg);
	quote_line_free(&l);
	ck_assert_msg(quote_send(A, q.id, sent, &e) == ST_OK, "%s", e.msg);
	int64_t id = q.id;
	quote_free(&q);
	return id;
}

struct seen {
	int n;
	char ids[8][24];
};

static int collect(const finding *f, void *arg)
{
	struct seen *s = arg;
	if (s->n < 8)
		snprintf(s->ids[s->n], sizeof s->ids[0], "%s", f->id);
	s->n++;
	return 0;
}

static struct seen findings(const char *slug)
{
	struct seen s = {0};
	cerr e = {0};
	ck_assert_msg(audit_run_rule(A, slug, 0, collect, &s, &e) == ST_OK, "%s", e.msg);
	return s;
}

START_TEST(test_contract_life)
{
	int64_t c = new_client("Lefèvre", false);
	int64_t k =
	    new_contract(c, CONTRACT_RECURRING, D(2026, 1, 12), 0, 2150, 1000, 0, "C2026-0001");
	cerr e = {0};
	/* No hours yet: it cannot be signed. */
	ck_assert_int_eq(contract_sign(A, k, NO_DAY, &e), ST_CONFLICT);
	/* The schedule makes the hours: Monday 09:00-11:30 and Thursday 14:00-16:00 = 4.5 h.
	 * 21.50 + 2.15 = 23.65 an hour; 4.5 x 23.65 x 52 / 12 = 461.175 -> 461.18 € a month. */
	contract_slot s = {.weekday = 1, .starts = 540, .ends = 690};
	ck_assert_msg(contract_slot_add(A, k, &s, &e) == ST_OK, "%s", e.msg);
	contract_slot t = {.weekday = 4, .starts = 840, .ends = 960};
	ck_assert_msg(contract_slot_add(A, k, &t, &e) == ST_OK, "%s", e.msg);
	contract_slot o = {.weekday = 1, .starts = 660, .ends = 720}; /* overlaps Monday's */
	ck_assert_int_eq(contract_slot_add(A, k, &o, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "from");
	contract x = get(k);
	ck_assert_int_eq(x.hours, 450);
	ck_assert_int_eq(x.monthly_incl, 46118);
	contract_free(&x);
	/* Removing Thursday's slot: 2.5 h; 2.5 x 23.65 x 52 / 12 = 256.2083 -> 256.21 */
	ck_assert_int_eq(contract_slot_remove(A, t.id, &e), ST_OK);
	x = get(k);
	ck_assert_int_eq(x.hours, 250);
	ck_assert_int_eq(x.monthly_incl, 25621);
	contract_free(&x);
	/* Signed on Saturday 3 January, away from the agency: the period ends Monday 19. */
	ck_assert_int_eq(contract_sign(A, k, D(2026, 1, 3), &e), ST_OK);
	x = get(k);
	ck_assert_int_eq(x.status, CONTRACT_SIGNED);
	ck_assert_day(x.signed_on, "2026-01-03");
	ck_assert_day(x.withdrawal_end, "2026-01-19");
	ck_assert_int_eq(contract_status_on(&x, D(2026, 1, 12)), CONTRACT_ACTIVE);
	contract_free(&x);
	/* The client is active now. */
	client_file cf;
	client_init(&cf);
	ck_assert_int_eq(client_get(A, c, &cf, &e), ST_OK);
	ck_assert_int_eq(cf.status, CLIENT_ACTIVE);
	client_free(&cf);
	/* A signed contract no longer changes. */
	contract_slot w = {.weekday = 3, .starts = 540, .ends = 600};
	ck_assert_int_eq(contract_slot_add(A, k, &w, &e), ST_CONFLICT);
	ck_assert_int_eq(contract_sign(A, k, NO_DAY, &e), ST_CONFLICT);
	/* R5 shown before confirming, without saving... */
	cday end = NO_DAY;
	ck_assert_int_eq(contract_end_preview(A, k, D(2026, 1, 5), &end, &e), ST_OK);
	ck_assert_day(end, "2026-01-31");
	x = get(k);
	ck_assert_int_eq(x.status, CONTRACT_SIGNED);
	ck_assert_int_eq(x.ended_on, NO_DAY);
	contract_free(&x);
	/* ...notice before the signature refused... */
	ck_assert_int_eq(contract_end(A, k, D(2026, 1, 2), &end, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "notice");
	/* ...then recorded. Withdrawal after that is refused. */
	set_now("2026-02-10 09:00");
	ck_assert_int_eq(contract_end(A, k, D(2026, 2, 10), &end, &e), ST_OK);
	ck_assert_day(end, "2026-02-28");
	x = get(k);
	ck_assert_int_eq(x.status, CONTRACT_ENDED);
	ck_assert_day(x.notice_on, "2026-02-10");
	ck_assert_day(x.ended_on, "2026-02-28");
	contract_free(&x);
	ck_assert_int_eq(contract_end(A, k, NO_DAY, &end, &e), ST_CONFLICT);
	ck_assert_int_eq(contract_withdraw(A, k, D(2026, 1, 10), &e), ST_CONFLICT);
}
END_TEST

/* Two desks edit one draft from the same reading: each writes what it changed; the same field
 * changed at both is refused at the second, naming both values, and nothing is written. */
START_TEST(test_edit_keeps_other_desks_change)
{
	int64_t c = new_client("Deux-Postes", false);
	int64_t id =
	    new_contract(c, CONTRACT_RECURRING, D(2026, 2, 2), 300, 2300, 1000, 0, "C2026-0001");
	cerr e = {0};
	contract base = get(id), other = get(id), mine = get(id);
	free(other.skills); /* desk 2: the skills */
	other.skills = xstrdup("Permis"); /* codes of the skills list, in any case */
	ck_assert_msg(contract_edit(A, &base, &other, &e) == ST_OK, "%s", e.msg);
	mine.start = D(2026, 3, 2); /* desk 1: the start, signed at the agency, 4 h a week */
	mine.at_agency = true;
	mine.hours = 400;
	ck_assert_msg(contract_edit(A, &base, &mine, &e) == ST_OK, "%s", e.msg);
	contract got = get(id);
	ck_assert_str_eq(got.skills, "permis");
	ck_assert_day(got.start, "2026-03-02");
	ck_assert(got.at_agency);
	ck_assert_int_eq(got.hours, 400);
	ck_assert_int_eq(got.hourly_excl, 2300);
	ck_assert_int_eq(got.monthly_incl, contract_monthly(CONTRACT_RECURRING, 400, 2300, 1000));
	contract_free(&got);
	/* Desk 1 now writes skills too, from its old base: desk 2 changed them meanwhile. */
	free(mine.skills);
	mine.skills = xstrdup("transferts");
	mine.express_start = true;
	ck_assert_int_eq(contract_edit(A, &base, &mine, &e), ST_CONFLICT);
	ck_assert_str_eq(e.field, "skills");
	ck_assert_str_eq(e.msg, "was changed at another desk meanwhile, to "
	                        "\"permis\" (yours: \"transferts\"): nothing was saved; look again, "
	                        "then save what should stay");
	got = get(id);
	ck_assert_str_eq(got.skills, "permis");
	ck_assert(!got.express_start); /* the express start it asked for neither */
	contract_free(&got);
	contract_free(&mine);
	contract_free(&other);
	contract_free(&base);
}
END_TEST

START_TEST(test_withdrawal)
{
	int64_t c = new_client("Martin", false);
	int64_t away =
	    new_contract(c, CONTRACT_RECURRING, D(2026, 2, 2), 300, 2300, 1000, 0, "C2026-0001");
	int64_t here =
	    new_contract(c, CONTRACT_RECURRING, D(2026, 2, 2), 300, 2300, 1000, 0, "C2026-0002");
	cerr e = {0};
	ck_assert_int_eq(contract_withdraw(A, away, NO_DAY, &e), ST_CONFLICT); /* not signed */
	/* Signed at the agency: no period, no withdrawal. */
	contract k = get(here);
	k.at_agency = true;
	ck_assert_msg(contract_edit(A, NULL, &k, &e) == ST_OK, "%s", e.msg);
	contract_free(&k);
	ck_assert_int_eq(contract_sign(A, here, D(2026, 1, 3), &e), ST_OK);
	k = get(here);
	ck_assert_int_eq(k.withdrawal_end, NO_DAY);
	contract_free(&k);
	ck_assert_int_eq(contract_withdraw(A, here, D(2026, 1, 5), &e), ST_CONFLICT);
	/* Away: within the period (to Monday 19 January) only. */
	ck_assert_int_eq(contract_sign(A, away, D(2026, 1, 3), &e), ST_OK);
	set_now("2026-01-20 09:00");
	ck_assert_int_eq(contract_withdraw(A, away, NO_DAY, &e), ST_CONFLICT);
	ck_assert_int_eq(contract_withdraw(A, away, D(2026, 1, 2), &e), ST_INVALID);
	ck_assert_int_eq(contract_withdraw(A, away, D(2026, 1, 19), &e), ST_OK);
	k = get(away);
	ck_assert_int_eq(k.status, CONTRACT_WITHDRAWN);
	ck_assert_day(k.withdrawn_on, "2026-01-19");
	contract_free(&k);
}
END_TEST

START_TEST(test_links_and_rights)
{
	int64_t c1 = new_client("Durand", false);
	int64_t c2 = new_client("Petit", false);
	int64_t q2 = sent_quote(c2, NO_DAY, NO_DAY);
	cerr e = {0};
	contract k;
	contract_init(&k);
	k.client_id = c1;
	k.kind = CONTRACT_RECURRING;
	k.start = D(2026, 2, 1);
	k.hourly_excl = 2300;
	k.quote_id = q2; /* another client's quote */
	ck_assert_int_eq(contract_create(A, &k, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "quote");
	k.quote_id = 0;
	k.client_id = 999;
	ck_assert_int_eq(contract_create(A, &k, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "client");
	k.client_id = c1;
	k.start = NO_DAY;
	ck_assert_int_eq(contract_create(A, &k, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "start");
	/* No number was taken by the refused ones; the rate defaults to vat.default (10 %). */
	k.start = D(2026, 2, 1);
	k.vat_rate = -1;
	ck_assert_int_eq(contract_create(A, &k, &e), ST_OK);
	ck_assert_str_eq(k.number, "C2026-0001");
	ck_assert_int_eq(k.vat_rate, 1000);
	contract_free(&k);
	/* One-off without hours: one flat price. */
	int64_t one =
	    new_contract(c1, CONTRACT_ONE_OFF, D(2026, 2, 1), 0, 9091, 1000, 0, "C2026-0002");
	contract x = get(one);
	ck_assert_int_eq(x.hours, 100);
	ck_assert_int_eq(x.monthly_incl, 10000);
	contract_free(&x);
	/* A one-off has no schedule. */
	contract_slot s = {.weekday = 1, .starts = 540, .ends = 600};
	ck_assert_int_eq(contract_slot_add(A, one, &s, &e), ST_CONFLICT);
	/* The front desk reads, the coordinator writes. */
	free(A->login);
	A->login = xstrdup("lea");
	ck_assert_int_eq(app_reload(A, &e), ST_OK);
	ck_assert_int_eq(contract_sign(A, one, NO_DAY, &e), ST_DENIED);
	/* Numbers per year of the day it is drawn up. */
	free(A->login);
	A->login = xstrdup("marie");
	ck_assert_int_eq(app_reload(A, &e), ST_OK);
	set_now("2027-01-01 09:00");
	new_contract(c1, CONTRACT_RECURRING, D(2027, 1, 4), 200, 2300, 1000, 0, "C2027-0001");
}
END_TEST

START_TEST(test_finding_needs_missing)
{
	int64_t c = new_client("Bernard", false);
	new_client("Sans Devis", false); /* no quote, no contract: nothing to say */
	ck_assert_int_eq(findings("needs-missing").n, 0);
	sent_quote(c, NO_DAY, NO_DAY);
	struct seen s = findings("needs-missing");
	ck_assert_int_eq(s.n, 1);
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)c);
	ck_assert_str_eq(s.ids[0], id);
	give_needs(c);
	ck_assert_int_eq(findings("needs-missing").n, 0);
	/* A contract without a quote counts too. */
	int64_t d = new_client("Roux", false);
	new_contract(d, CONTRACT_RECURRING, D(2026, 3, 2), 200, 2300, 1000, 0, "C2026-0001");
	ck_assert_int_eq(findings("needs-missing").n, 1);
	give_needs(d);
	ck_assert_int_eq(findings("needs-missing").n, 0);
}
END_TEST

START_TEST(test_finding_quote_missing)
{
	cerr e = {0};
	int64_t c = new_client("Lambert", false);
	give_needs(c);
	/* 5 h at 4.50 €, 5.5 %: 102.92 € a month. */
	int64_t big =
	    new_contract(c, CONTRACT_RECURRING, D(2026, 1, 12), 500, 450, 550, 0, "C2026-0001");
	/* 5 h at 4.20 €: 95.98 € a month, under the threshold: no quote needed. */
	int64_t small =
	    new_contract(c, CONTRACT_RECURRING, D(2026, 1, 12), 500, 420, 550, 0, "C2026-0002");
	ck_assert_int_eq(findings("quote-missing").n, 0); /* not signed yet */
	ck_assert_int_eq(contract_sign(A, big, D(2026, 1, 5), &e), ST_OK);
	ck_assert_int_eq(contract_sign(A, small, D(2026, 1, 5), &e), ST_OK);
	struct seen s = findings("quote-missing");
	ck_assert_int_eq(s.n, 1);
	ck_assert_str_eq(s.ids[0], "C2026-0001");
	bool required = false;
	char *given = NULL;
	contract k = get(big);
	ck_assert_int_eq(contract_quote_status(A, &k, &required, &given, &e), ST_OK);
	ck_assert(required);
	ck_assert_ptr_null(given);
	contract_free(&k);
	/* A quote sent the day after the signature does not count. */
	set_now("2026-01-06 10:00");
	sent_quote(c, D(2026, 1, 6), D(2026, 1, 6));
	ck_assert_int_eq(findings("quote-missing").n, 1);
	/* The quote given on the day of the signature, recorded late: fixed. */
	sent_quote(c, D(2026, 1, 5), D(2026, 1, 5));
	ck_assert_int_eq(findings("quote-missing").n, 0);
	k = get(big);
	ck_assert_int_eq(contract_quote_status(A, &k, &required, &given, &e), ST_OK);
	ck_assert_str_eq(given, "D2026-0002");
	free(given);
	contract_free(&k);
}
END_TEST

START_TEST(test_finding_quote_missing_refused)
{
	cerr e = {0};
	int64_t c = new_client("Fontaine", false);
	give_needs(c);
	/* The only quote given before the signature was refused: it does not count. */
	int64_t q = sent_quote(c, D(2026, 1, 2), D(2026, 1, 2));
	ck_assert_int_eq(quote_refuse(A, q, D(2026, 1, 3), &e), ST_OK);
	int64_t k =
	    new_contract(c, CONTRACT_RECURRING, D(2026, 1, 12), 500, 450, 550, 0, "C2026-0001");
	ck_assert_int_eq(contract_sign(A, k, D(2026, 1, 5), &e), ST_OK);
	ck_assert_int_eq(findings("quote-missing").n, 1);
	/* A withdrawn contract is not a breach any more. */
	ck_assert_int_eq(contract_withdraw(A, k, D(2026, 1, 5), &e), ST_OK);
	ck_assert_int_eq(findings("quote-missing").n, 0);
	/* A new contract from an accepted quote sent before it: none. */
	int64_t q2 = sent_quote(c, D(2026, 1, 5), D(2026, 1, 5));
	ck_assert_int_eq(quote_accept(A, q2, D(2026, 1, 5), &e), ST_OK);
	int64_t k2 =
	    new_contract(c, CONTRACT_RECURRING, D(2026, 1, 12), 500, 450, 550, q2, "C2026-0002");
	ck_assert_int_eq(contract_sign(A, k2, D(2026, 1, 5), &e), ST_OK);
	ck_assert_int_eq(findings("quote-missing").n, 0);
}
END_TEST

START_TEST(test_finding_quote_missing_linked_and_asked)
{
	cerr e = {0};
	/* The client asked for a quote: even 95.98 € a month needs one. */
	int64_t c = new_client("Garnier", true);
	give_needs(c);
	/* A quote given on 2 January, but the contract names a later one (sent on the 6th). */
	int64_t early = sent_quote(c, D(2026, 1, 2), D(2026, 1, 2));
	(void)early;
	set_now("2026-01-06 10:00");
	int64_t linked = sent_quote(c, D(2026, 1, 6), D(2026, 1, 6));
	int64_t k = new_contract(c, CONTRACT_RECURRING, D(2026, 1, 12), 500, 420, 550, linked,
	                         "C2026-0001");
	ck_assert_int_eq(contract_sign(A, k, D(2026, 1, 5), &e), ST_OK);
	/* Its own quote was given after the signature: the other quote does not stand in. */
	struct seen s = findings("quote-missing");
	ck_assert_int_eq(s.n, 1);
	ck_assert_str_eq(s.ids[0], "C2026-0001");
	/* Without the client's request, 95.98 € would need none. */
	client_file cf;
	client_init(&cf);
	ck_assert_int_eq(client_get(A, c, &cf, &e), ST_OK);
	cf.wants_quote = false;
	ck_assert_msg(client_update(A, NULL, &cf, &e) == ST_OK, "%s", e.msg);
	client_free(&cf);
	ck_assert_int_eq(findings("quote-missing").n, 0);
}
END_TEST

START_TEST(test_finding_contract_unsigned)
{
	cerr e = {0};
	int64_t c = new_client("Mercier", false);
	give_needs(c);
	/* Starts Monday 12 January: on the 5th nothing is wrong yet. */
	int64_t k =
	    new_contract(c, CONTRACT_RECURRING, D(2026, 1, 12), 300, 2300, 1000, 0, "C2026-0001");
	/* A one-off service is not under this promise. */
	new_contract(c, CONTRACT_ONE_OFF, D(2026, 1, 5), 300, 2300, 1000, 0, "C2026-0002");
	ck_assert_int_eq(findings("contract-unsigned").n, 0);
	/* On its start day, unsigned: a finding. */
	set_now("2026-01-12 08:00");
	struct seen s = findings("contract-unsigned");
	ck_assert_int_eq(s.n, 1);
	ck_assert_str_eq(s.ids[0], "C2026-0001");
	ck_assert_int_eq(contract_sign(A, k, NO_DAY, &e), ST_OK);
	ck_assert_int_eq(findings("contract-unsigned").n, 0);
	/* Another never signed and abandoned: ending the draft clears it. */
	int64_t d =
	    new_contract(c, CONTRACT_RECURRING, D(2026, 1, 12), 300, 2300, 1000, 0, "C2026-0003");
	ck_assert_int_eq(findings("contract-unsigned").n, 1);
	cday end;
	ck_assert_int_eq(contract_end(A, d, NO_DAY, &end, &e), ST_OK);
	ck_assert_int_eq(findings("contract-unsigned").n, 0);
}
END_TEST

/* ---- lines (issue 7) ---- */

/* Quote D2026-0078's example: aide aux actes essentiels 28.17 h x 24.50 € at 5.5 %, ménage
 * 8.5 h x 23.15 € at 10 %, made into a contract with both lines. A quote prices a month: the
 * recurring contract's hours a week are the month's x 12 / 52 (R2: to the hundredth):
 * 28.17 x 12 / 52 = 6.5008 -> 6.50 h; 8.5 x 12 / 52 = 1.9615 -> 1.96 h.
 * Hourly prices incl. VAT (R2, each rounded first): 24.50 + 1.3475 -> 25.85;
 * 23.15 + 2.315 -> 25.47.
 * Monthly: (6.50 x 25.85 + 1.96 x 25.47) x 52 / 12 = (168.025 + 49.9212) x 52 / 12
 *        = 217.9462 x 52 / 12 = 944.4335 -> 944.43 €
 * (each line rounded alone would give 728.11 + 216.33 = 944.44: the sum is rounded once). */
START_TEST(test_lines_from_quote)
{
	int64_t client = new_client("Lefèvre", false);
	quote q;
	quote_init(&q);
	q.client_id = client;
	q.date = D(2026, 1, 5);
	cerr e = {0};
	ck_assert_msg(quote_create(A, &q, &e) == ST_OK, "%s", e.msg);
	const char *codes[] = {"aide-dependance", "menage"};
	const int64_t qty[] = {2817, 850};
	const cents price[] = {2450, 2315};
	for (int i = 0; i < 2; i++) {
		quote_line l;
		quote_line_init(&l);
		l.service_code = strdup(codes[i]);
		l.qty = qty[i];
		l.unit_price = price[i];
		ck_assert_msg(quote_line_add(A, q.id, &l, &e) == ST_OK, "%s", e.msg);
		quote_line_free(&l);
	}
	ck_assert_msg(quote_send(A, q.id, D(2026, 1, 5), &e) == ST_OK, "%s", e.msg);
	contract k;
	contract_init(&k);
	k.client_id = client;
	k.kind = CONTRACT_RECURRING;
	k.start = D(2026, 1, 12);
	k.quote_id = q.id;
	ck_assert_msg(contract_create_lines(A, &k, NULL, 0, false, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(k.monthly_incl, 94443);
	ck_assert_int_eq(k.hours, 846); /* 6.50 + 1.96 */
	contract_line *lines;
	size_t n;
	ck_assert_int_eq(contract_lines_of(A, k.id, &lines, &n, &e), ST_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(lines[0].service_code, "aide-dependance");
	ck_assert_int_eq(lines[0].vat_rate, 550);
	ck_assert_int_eq(lines[0].hours, 650);
	ck_assert_int_eq(lines[0].monthly_incl, 72811); /* 6.50 x 25.85 x 52 / 12 = 728.1083 */
	ck_assert_str_eq(lines[1].service_code, "menage");
	ck_assert_int_eq(lines[1].vat_rate, 1000);
	ck_assert_int_eq(lines[1].hourly_excl, 2315);
	ck_assert_int_eq(lines[1].hours, 196);
	ck_assert_int_eq(lines[1].monthly_incl, 21633); /* 1.96 x 25.47 x 52 / 12 = 216.3252 */
	ck_assert_int_eq(contract_lines_monthly(CONTRACT_RECURRING, lines, n), 94443);
	contract_lines_free(lines, n);
	/* A second contract from the same quote only on purpose. */
	contract k2;
	contract_init(&k2);
	k2.client_id = client;
	k2.kind = CONTRACT_RECURRING;
	k2.start = D(2026, 1, 12);
	k2.quote_id = q.id;
	ck_assert_int_eq(contract_create_lines(A, &k2, NULL, 0, false, &e), ST_CONFLICT);
	ck_assert_str_eq(e.field, "quote");
	char *before = NULL;
	ck_assert_int_eq(contract_of_quote(A, q.id, &before, &e), ST_OK);
	ck_assert_str_eq(before, k.number);
	free(before);
	ck_assert_msg(contract_create_lines(A, &k2, NULL, 0, true, &e) == ST_OK, "%s", e.msg);
	contract_free(&k2);

	/* Slots: the contract has two services, so a slot says which; one not among its lines is
	 * refused; a line's weekly hours become its slots' sum. */
	contract_slot s = {0};
	s.weekday = 1;
	s.starts = 9 * 60;
	s.ends = 11 * 60;
	ck_assert_int_eq(contract_slot_add(A, k.id, &s, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "service");
	s.service_code = strdup("repas");
	ck_assert_int_eq(contract_slot_add(A, k.id, &s, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "service");
	free(s.service_code);
	s.service_code = strdup("menage");
	ck_assert_msg(contract_slot_add(A, k.id, &s, &e) == ST_OK, "%s", e.msg);
	contract_slot_free(&s);
	contract_free(&k);
	ck_assert_int_eq(contract_get(A, 1, &k, &e), ST_OK);
	/* ménage now 2 h: (6.50 x 25.85 + 2 x 25.47) x 52 / 12 = 218.965 x 52 / 12
	 * = 948.8483 -> 948.85 */
	ck_assert_int_eq(k.hours, 850);
	ck_assert_int_eq(k.monthly_incl, 94885);
	contract_free(&k);
	quote_free(&q);
}
END_TEST

/* A line takes only the SAP regime's VAT rates; a service is on one line at most. */
START_TEST(test_line_rules)
{
	int64_t client = new_client("Martin", false);
	contract k;
	contract_init(&k);
	k.client_id = client;
	k.kind = CONTRACT_RECURRING;
	k.start = D(2026, 1, 12);
	contract_line l;
	contract_line_init(&l);
	l.service_code = strdup("menage");
	l.hours = 300;
	cerr e = {0};
	/* The service's price (23.00) and rate (10 %): 23 + 2.30 = 25.30; 3 x 25.30 x 52 / 12
	 * = 328.90 */
	ck_assert_msg(contract_create_lines(A, &k, &l, 1, false, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(k.monthly_incl, 32890);
	contract_line_free(&l);
	contract_line_init(&l);
	l.service_code = strdup("jardinage");
	l.hours = 100;
	l.hourly_excl = 3000;
	l.vat_rate = 700; /* 7 %: not a rate of the regime */
	ck_assert_int_eq(contract_line_add(A, k.id, &l, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "vat");
	l.vat_rate = 2000;
	ck_assert_msg(contract_line_add(A, k.id, &l, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(l.position, 2);
	contract_line_free(&l);
	contract_line_init(&l);
	l.service_code = strdup("menage");
	l.hours = 100;
	ck_assert_int_eq(contract_line_add(A, k.id, &l, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "service");
	contract_line_free(&l);
	contract_free(&k);
	/* 328.90 + 1 x 36.00 x 52 / 12 = 328.90 + 156.00 = 484.90 */
	ck_assert_int_eq(contract_get(A, 1, &k, &e), ST_OK);
	ck_assert_int_eq(k.monthly_incl, 48490);
	contract_free(&k);
}
END_TEST

/* A file of schema 5 (one price per contract) opened by this program: each contract becomes
 * one line keeping its figures; its slots name that line. */
START_TEST(test_migration_to_lines)
{
	char path[512];
	snprintf(path, sizeof path, "%s/old.db", fixture_dir);
	db *d = NULL;
	cerr e = {0};
	ck_assert_int_eq(db_open(path, true, 5, &d, &e), ST_OK);
	ck_assert_int_eq(db_version(d), 5);
	ck_assert_msg(
	    db_exec(d,
	            "INSERT INTO services(code, label, vat_rate, unit, price) VALUES ('menage',"
	            " 'Ménage et repassage', 1000, 'hour', 2300);"
	            "INSERT INTO clients(id, name, created_at, name_key, first_key) VALUES (1,"
	            " 'Dupont', '2026-01-02 10:00', 'dupont', '');"
	            "INSERT INTO contracts(number, client_id, kind, date, start, hourly_price_excl,"
	            " vat_rate, hours, monthly_incl, created_by) VALUES"
	            " ('C2026-0001', 1, 'recurring', '2026-01-02', '2026-01-12', 2150, 1000, 450,"
	            " 46118, 'marie');"
	            "INSERT INTO contract_slots(contract_id, weekday, starts, ends, service_code)"
	            " VALUES (1, 1, '09:00', '11:30', 'menage'), (1, 4, '14:00', '16:00', 'menage');"
	            /* Signed: its slots are frozen, and the migration still names their line. */
	            "UPDATE contracts SET status = 'signed', signed_on = '2026-01-03';",
	            &e) == ST_OK,
	    "%s", e.msg);
	db_close(d);
	ck_assert_int_eq(db_open(path, false, 0, &d, &e), ST_OK);
	ck_assert_int_eq(db_version(d), db_latest_version());
	contract_line *lines;
	size_t n;
	ck_assert_int_eq(db_contract_lines(d, 1, &lines, &n, &e), ST_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(lines[0].service_code, "menage"); /* the one service its slots name */
	ck_assert_str_eq(lines[0].label, "Ménage et repassage");
	ck_assert_int_eq(lines[0].hours, 450);
	ck_assert_int_eq(lines[0].hourly_excl, 2150);
	ck_assert_int_eq(lines[0].vat_rate, 1000);
	/* 21.50 + 2.15 = 23.65; 4.5 x 23.65 x 52 / 12 = 461.175 -> 461.18, as stored before */
	ck_assert_int_eq(contract_lines_monthly(CONTRACT_RECURRING, lines, n), 46118);
	contract k;
	contract_init(&k);
	ck_assert_int_eq(db_contract_get(d, 1, &k, &e), ST_OK);
	ck_assert_int_eq(k.hourly_excl, 2150); /* the old columns stay readable */
	ck_assert_int_eq(k.hours, 450);
	ck_assert_int_eq(k.monthly_incl, 46118);
	contract_free(&k);
	contract_slot *slots;
	size_t ns;
	ck_assert_int_eq(db_contract_slots(d, 1, &slots, &ns, &e), ST_OK);
	ck_assert_int_eq(ns, 2);
	ck_assert_int_eq(slots[0].line_id, lines[0].id);
	ck_assert_int_eq(slots[1].line_id, lines[0].id);
	contract_slots_free(slots, ns);
	contract_lines_free(lines, n);
	db_close(d);
}
END_TEST

Suite *suite_contract(void)
{
	Suite *s = suite_create("contract");
	TCase *pure = tcase_create("rules");
	tcase_add_test(pure, test_r3_monthly_amount);
	tcase_add_test(pure, test_schedule_hours);
	tcase_add_test(pure, test_r4_withdrawal_end);
	tcase_add_test(pure, test_r5_end_date);
	tcase_add_test(pure, test_names);
	suite_add_tcase(s, pure);
	TCase *stored = tcase_create("stored");
	tcase_add_checked_fixture(stored, agency_open, agency_close);
	tcase_set_timeout(stored, 20);
	tcase_add_test(stored, test_contract_life);
	tcase_add_test(stored, test_withdrawal);
	tcase_add_test(stored, test_edit_keeps_other_desks_change);
	tcase_add_test(stored, test_links_and_rights);
	tcase_add_test(stored, test_finding_needs_missing);
	tcase_add_test(stored, test_finding_quote_missing);
	tcase_add_test(stored, test_finding_quote_missing_refused);
	tcase_add_test(stored, test_finding_quote_missing_linked_and_asked);
	tcase_add_test(stored, test_finding_contract_unsigned);
	tcase_add_test(stored, test_lines_from_quote);
	tcase_add_test(stored, test_line_rules);
	tcase_add_test(stored, test_migration_to_lines);
	suite_add_tcase(s, stored);
	return s;
}
