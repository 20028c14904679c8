/* test_quote.c — quotes and the service catalogue: R2 on each line (quantities like 1.5 h,
 * products that end in half a cent), totals as sums of rounded lines, numbering gapless per year
 * of the quote's date (after a refused quote, at the turn of the year, after a rejected
 * creation), a sent quote that no longer changes, expiry, the catalogue's VAT rates. Every
 * expected value is worked out by hand in the comment beside it. The agency file is opened in a
 * checked fixture (in the forked child); "now" is Monday 5 January 2026, 10:00. */
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
#include "charte/quote.h"
#include "charte/settings.h"

static app *A;

static cday D(int y, int m, int d)
{
	return cal_days(y, m, d);
}

/* A fresh agency: marie the manager, paul a coordinator, lea at the front desk; the default
 * catalogue loaded as `charte init` does. */
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

static void work_as(const char *login)
{
	cerr e = {0};
	free(A->login);
	A->login = xstrdup(login);
	db_set_actor(A->db, login);
	ck_assert_int_eq(app_reload(A, &e), ST_OK);
}

/* A new quote on `on`, its number checked. */
static int64_t new_quote(int64_t client, cday on, const char *number)
{
	quote q;
	quote_init(&q);
	q.client_id = client;
	q.date = on;
	cerr e = {0};
	ck_assert_msg(quote_create(A, &q, &e) == ST_OK, "%s", e.msg);
	ck_assert_str_eq(q.number, number);
	int64_t id = q.id;
	quote_free(&q);
	return id;
}

/* A free line: label, qty (hundredths), price (cents), rate (hundredths of a percent). */
static int64_t add_line(int64_t quote_id, const char *label, int64_t qty, cents price, int rate)
{
	quote_line l;
	quote_line_init(&l);
	l.label = strdup(label);
	l.qty = qty;
	l.unit_price = price;
	l.vat_rate = rate;
	cerr e = {0};
	ck_assert_msg(quote_line_add(A, quote_id, &l, &e) == ST_OK, "%s", e.msg);
	int64_t id = l.id;
	quote_line_free(&l);
	return id;
}

static quote get(int64_t id)
{
	quote q;
	quote_init(&q);
	cerr e = {0};
	ck_assert_msg(quote_get(A, id, &q, &e) == ST_OK, "%s", e.msg);
	return q;
}

/* ---- R2, pure ---- */

static quote_line L(int64_t qty, cents price, int rate)
{
	quote_line l;
	quote_line_init(&l);
	l.qty = qty;
	l.unit_price = price;
	l.vat_rate = rate;
	quote_line_compute(&l);
	return l;
}

START_TEST(test_line_r2)
{
	/* 1.5 h x 21.50 € = 32.25 €; VAT 10 % = 3.225 € -> 3.23 € (half away from zero) */
	quote_line l = L(150, 2150, 1000);
	ck_assert_int_eq(l.amount_excl, 3225);
	ck_assert_int_eq(l.vat, 323);
	/* 1.5 h x 20.15 € = 30.225 € -> 30.23 €; VAT 5.5 % = 1.662650 € -> 1.66 € */
	l = L(150, 2015, 550);
	ck_assert_int_eq(l.amount_excl, 3023);
	ck_assert_int_eq(l.vat, 166);
	/* 1.5 h x 0.33 € = 0.495 € -> 0.50 €; VAT 5.5 % = 0.0275 € -> 0.03 € */
	l = L(150, 33, 550);
	ck_assert_int_eq(l.amount_excl, 50);
	ck_assert_int_eq(l.vat, 3);
	/* 1.25 h x 21.99 € = 27.4875 € -> 27.49 €; VAT 20 % = 5.498 € -> 5.50 € */
	l = L(125, 2199, 2000);
	ck_assert_int_eq(l.amount_excl, 2749);
	ck_assert_int_eq(l.vat, 550);
	/* 2.5 h x 23.01 € = 57.525 € -> 57.53 €; VAT 10 % = 5.753 € -> 5.75 € */
	l = L(250, 2301, 1000);
	ck_assert_int_eq(l.amount_excl, 5753);
	ck_assert_int_eq(l.vat, 575);
	/* A discount line: 1 x -10.05 €; VAT 10 % = -1.005 € -> -1.01 € (away from zero) */
	l = L(100, -1005, 1000);
	ck_assert_int_eq(l.amount_excl, -1005);
	ck_assert_int_eq(l.vat, -101);
}
END_TEST

START_TEST(test_totals_sum_rounded_lines)
{
	/* Three lines of 0.5 x 0.01 € = 0.005 € each, rounded to 0.01 € each: 0.03 €, not the
	 * 0.015 € of the unrounded sum rounded to 0.02 €. VAT 10 % of 0.01 € = 0.001 € -> 0. */
	quote_line lines[3] = {L(50, 1, 1000), L(50, 1, 1000), L(50, 1, 1000)};
	cents x, v, t;
	quote_totals(lines, 3, &x, &v, &t);
	ck_assert_int_eq(x, 3);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(t, 3);
	/* 32.25 + 3.23 and 30.23 + 1.66: 62.48 excl., 4.89 VAT, 67.37 incl. */
	quote_line two[2] = {L(150, 2150, 1000), L(150, 2015, 550)};
	quote_totals(two, 2, &x, &v, &t);
	ck_assert_int_eq(x, 6248);
	ck_assert_int_eq(v, 489);
	ck_assert_int_eq(t, 6737);
	quote_totals(NULL, 0, &x, &v, &t);
	ck_assert_int_eq(t, 0);
}
END_TEST

/* A line copied for a list owns its strings: freeing the copy leaves the line whole. */
START_TEST(test_line_copy_owns_its_strings)
{
	quote_line l;
	quote_line_init(&l);
	l.id = 7;
	l.qty = 250;
	l.label = xstrdup("Ménage");
	quote_line c;
	quote_line_copy(&c, &l);
	ck_assert_int_eq(c.id, 7);
	ck_assert_int_eq(c.qty, 250);
	ck_assert_ptr_null(c.service_code);
	ck_assert_str_eq(c.label, "Ménage");
	ck_assert_ptr_ne(c.label, l.label);
	quote_line_free(&c);
	ck_assert_str_eq(l.label, "Ménage");
	quote_line_free(&l);
}
END_TEST

START_TEST(test_status_on)
{
	quote q;
	quote_init(&q);
	q.status = QUOTE_SENT;
	q.valid_until = D(2026, 2, 4);
	ck_assert_int_eq(quote_status_on(&q, D(2026, 2, 4)), QUOTE_SENT); /* its last day */
	ck_assert_int_eq(quote_status_on(&q, D(2026, 2, 5)), QUOTE_EXPIRED);
	q.status = QUOTE_ACCEPTED;
	ck_assert_int_eq(quote_status_on(&q, D(2026, 3, 1)), QUOTE_ACCEPTED);
	q.status = QUOTE_DRAFT;
	ck_assert_int_eq(quote_status_on(&q, D(2026, 3, 1)), QUOTE_DRAFT);
	ck_assert_str_eq(enum_name(&quote_statuses, QUOTE_EXPIRED), "expired");
	ck_assert_int_eq(enum_value(&quote_statuses, "refused"), QUOTE_REFUSED);
	ck_assert_int_eq(enum_value(&quote_statuses, "lost"), -1);
	char n[24];
	quote_number_format(2026, 1, n);
	ck_assert_str_eq(n, "D2026-0001");
	quote_number_format(2027, 12345, n);
	ck_assert_str_eq(n, "D2027-12345");
}
END_TEST

/* ---- the catalogue ---- */

START_TEST(test_catalogue_rates)
{
	cerr e = {0};
	service s = {0};
	/* CGI 278-0 bis D: 5.5 % for the essential acts of daily life of dependent people */
	ck_assert_int_eq(catalogue_get(A, "aide-dependance", &s, &e), ST_OK);
	ck_assert_int_eq(s.vat_rate, 550);
	ck_assert(s.essential);
	ck_assert_int_eq(s.unit, UNIT_HOUR);
	service_free(&s);
	/* CGI 279 i: 10 % housework, childcare, tutoring, small repairs, meals */
	const char *ten[] = {"menage", "garde-enfants", "soutien-scolaire", "bricolage", "repas"};
	for (size_t i = 0; i < 5; i++) {
		ck_assert_int_eq(catalogue_get(A, ten[i], &s, &e), ST_OK);
		ck_assert_int_eq(s.vat_rate, 1000);
		ck_assert(!s.essential);
		service_free(&s);
	}
	/* 20 % gardening, IT help, home watch */
	const char *twenty[] = {"jardinage", "informatique", "surveillance"};
	for (size_t i = 0; i < 3; i++) {
		ck_assert_int_eq(catalogue_get(A, twenty[i], &s, &e), ST_OK);
		ck_assert_int_eq(s.vat_rate, 2000);
		service_free(&s);
	}
	ck_assert_int_eq(catalogue_get(A, "nope", &s, &e), ST_NOT_FOUND);
	/* Loading again adds nothing and keeps the manager's changes. */
	ck_assert_int_eq(catalogue_get(A, "menage", &s, &e), ST_OK);
	s.price = 2500;
	ck_assert_int_eq(catalogue_set(A, NULL, &s, &e), ST_OK);
	service_free(&s);
	ck_assert_int_eq(catalogue_load_defaults(A, &e), ST_OK);
	ck_assert_int_eq(catalogue_get(A, "menage", &s, &e), ST_OK);
	ck_assert_int_eq(s.price, 2500);
	service_free(&s);
	/* Only the manager edits it. */
	work_as("paul");
	ck_assert_int_eq(catalogue_get(A, "menage", &s, &e), ST_OK);
	ck_assert_int_eq(catalogue_set(A, NULL, &s, &e), ST_DENIED);
	service_free(&s);
}
END_TEST

START_TEST(test_catalogue_file_matches_builtin)
{
	/* The copy built into the program is data/services.csv (the tests run from the tree). */
	FILE *f = fopen("data/services.csv", "rb");
	if (!f)
		f = fopen("../data/services.csv", "rb");
	ck_assert_msg(f != NULL, "data/services.csv not found from the working folder");
	char buf[8192];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	ck_assert_str_eq(buf, catalogue_builtin_csv());
}
END_TEST

START_TEST(test_catalogue_parse_errors)
{
	service *rows;
	size_t n;
	cerr e = {0};
	ck_assert_int_eq(catalogue_parse("code;label;vat;unit;price\nmenage;Ménage;10;hour;23.00\n"
	                                 "x;Y;abc;hour;1\n",
	                                 &rows, &n, &e),
	                 ST_INVALID);
	ck_assert_msg(strstr(e.msg, "line 3") != NULL, "%s", e.msg);
	ck_assert_int_eq(catalogue_parse("menage;Ménage;10;day;23.00\n", &rows, &n, &e),
	                 ST_INVALID);
	ck_assert_int_eq(
	    catalogue_parse("menage;Ménage;10;hour;23.00\nmenage;Autre;10;hour;1\n", &rows, &n, &e),
	    ST_INVALID);
	ck_assert_int_eq(catalogue_parse("Menage;Ménage;10;hour;23.00\n", &rows, &n, &e),
	                 ST_INVALID);
	/* Decimal commas and a byte order mark, as a French spreadsheet saves it. */
	ck_assert_int_eq(catalogue_parse("\xEF\xBB\xBF"
	                                 "code;label;vat;unit;price\r\n"
	                                 "aide;Aide;5,5;hour;24,50\r\n",
	                                 &rows, &n, &e),
	                 ST_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(rows[0].vat_rate, 550);
	ck_assert_int_eq(rows[0].price, 2450);
	ck_assert(rows[0].essential);
	services_free(rows, n);
}
END_TEST

/* ---- quotes with storage ---- */

START_TEST(test_lines_and_totals)
{
	int64_t c = fixture_client(A, "Lefèvre");
	int64_t q = new_quote(c, NO_DAY, "D2026-0001");
	/* 1.5 h x 21.50 € at 10 %: 32.25 + 3.23 */
	add_line(q, "Ménage", 150, 2150, 1000);
	/* A service gives the label, the price and the rate: 2 h of gardening, 30.00 € at 20 %:
	 * 60.00 + 12.00 */
	quote_line l;
	quote_line_init(&l);
	l.service_code = strdup("jardinage");
	l.qty = 200;
	cerr e = {0};
	ck_assert_msg(quote_line_add(A, q, &l, &e) == ST_OK, "%s", e.msg);
	ck_assert_str_eq(l.label, "Petits travaux de jardinage");
	ck_assert_int_eq(l.unit_price, 3000);
	ck_assert_int_eq(l.vat_rate, 2000);
	ck_assert_int_eq(l.position, 2);
	int64_t garden = l.id;
	quote_line_free(&l);
	/* No rate and no service: setting vat.default (10 %). 1 x 15.05 € -> VAT 1.505 -> 1.51 */
	int64_t fee = add_line(q, "Frais de dossier", 100, 1505, -1);
	quote t = get(q);
	ck_assert_int_eq(t.total_excl, 3225 + 6000 + 1505);
	ck_assert_int_eq(t.total_vat, 323 + 1200 + 151);
	ck_assert_int_eq(t.total_incl, 10730 + 1674);
	quote_free(&t);
	/* Editing a line and removing one keep the totals the sums of the lines. */
	quote_line_init(&l);
	ck_assert_int_eq(db_quote_line_get(A->db, fee, &l, &e), ST_OK);
	l.qty = 200; /* 2 x 15.05 = 30.10; VAT 3.01 */
	ck_assert_msg(quote_line_edit(A, NULL, &l, &e) == ST_OK, "%s", e.msg);
	quote_line_free(&l);
	ck_assert_int_eq(quote_line_remove(A, garden, &e), ST_OK);
	t = get(q);
	ck_assert_int_eq(t.total_excl, 3225 + 3010);
	ck_assert_int_eq(t.total_vat, 323 + 301);
	ck_assert_int_eq(t.total_incl, 6235 + 624);
	quote_free(&t);
	quote_line *rows;
	size_t n;
	ck_assert_int_eq(quote_lines_of(A, q, &rows, &n, &e), ST_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(rows[0].position, 1);
	ck_assert_int_eq(rows[1].position, 3);
	quote_lines_free(rows, n);
	/* Refused lines name their field and write nothing. */
	quote_line_init(&l);
	l.label = strdup("  ");
	l.qty = 100;
	l.unit_price = 100;
	ck_assert_int_eq(quote_line_add(A, q, &l, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "label");
	free(l.label);
	l.label = strdup("X");
	l.qty = 0;
	ck_assert_int_eq(quote_line_add(A, q, &l, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "qty");
	l.qty = 100;
	l.service_code = strdup("nope");
	ck_assert_int_eq(quote_line_add(A, q, &l, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "service");
	quote_line_free(&l);
	ck_assert_int_eq(quote_lines_of(A, q, &rows, &n, &e), ST_OK);
	ck_assert_int_eq(n, 2);
	quote_lines_free(rows, n);
}
END_TEST

/* Two desks edit one line of a draft: each writes what it changed; the same field changed at
 * both is refused at the second, with both values. */
START_TEST(test_line_edit_keeps_other_desks_change)
{
	int64_t c = fixture_client(A, "Deux-Postes");
	int64_t q = new_quote(c, NO_DAY, "D2026-0001");
	int64_t id = add_line(q, "Ménage", 200, 2000, 1000); /* 2 h x 20.00 € at 10 % */
	cerr e = {0};
	quote_line base, other, mine;
	quote_line_init(&base);
	ck_assert_int_eq(db_quote_line_get(A->db, id, &base, &e), ST_OK);
	quote_line_init(&other); /* desk 2: 3 hours */
	ck_assert_int_eq(db_quote_line_get(A->db, id, &other, &e), ST_OK);
	other.qty = 300;
	ck_assert_int_eq(quote_line_edit(A, &base, &other, &e), ST_OK);
	quote_line_free(&other);
	quote_line_init(&mine); /* desk 1, from the same base: a new label only */
	ck_assert_int_eq(db_quote_line_get(A->db, id, &mine, &e), ST_OK);
	mine.qty = base.qty;
	free(mine.label);
	mine.label = xstrdup("Ménage et repassage");
	ck_assert_msg(quote_line_edit(A, &base, &mine, &e) == ST_OK, "%s", e.msg);
	quote_line got;
	quote_line_init(&got);
	ck_assert_int_eq(db_quote_line_get(A->db, id, &got, &e), ST_OK);
	ck_assert_str_eq(got.label, "Ménage et repassage");
	ck_assert_int_eq(got.qty, 300);
	ck_assert_int_eq(got.amount_excl, 6000); /* 3 h x 20.00 € */
	quote_line_free(&got);
	/* Desk 1 now changes the hours too, from its old base: desk 2 changed them to 3 h. */
	mine.qty = 400;
	ck_assert_int_eq(quote_line_edit(A, &base, &mine, &e), ST_CONFLICT);
	ck_assert_str_eq(e.field, "qty");
	quote_line_free(&mine);
	quote_line_free(&base);
}
END_TEST

/* Two desks edit one draft from the same reading: each writes what it changed; the same field
 * changed at both is refused at the second, naming both values, and nothing is written. */
START_TEST(test_edit_keeps_other_desks_change)
{
	int64_t c = fixture_client(A, "Deux-Postes"), c2 = fixture_client(A, "Autre");
	int64_t q = new_quote(c, NO_DAY, "D2026-0001");
	cerr e = {0};
	quote base = get(q), other = get(q), mine = get(q);
	free(other.notes); /* desk 2: the notes */
	other.notes = xstrdup("Clé chez la gardienne");
	ck_assert_msg(quote_edit(A, &base, &other, &e) == ST_OK, "%s", e.msg);
	mine.client_id = c2; /* desk 1: the client only */
	ck_assert_msg(quote_edit(A, &base, &mine, &e) == ST_OK, "%s", e.msg);
	quote got = get(q);
	ck_assert_str_eq(got.notes, "Clé chez la gardienne");
	ck_assert_int_eq(got.client_id, c2);
	quote_free(&got);
	/* Desk 1 now writes notes too, from its old base: desk 2 changed them meanwhile. */
	free(mine.notes);
	mine.notes = xstrdup("Sonner deux fois");
	mine.client_id = c;
	ck_assert_int_eq(quote_edit(A, &base, &mine, &e), ST_CONFLICT);
	ck_assert_str_eq(e.field, "notes");
	ck_assert_str_eq(e.msg, "was changed at another desk meanwhile, to \"Clé chez la "
	                        "gardienne\" (yours: \"Sonner deux fois\"): nothing was saved; look "
	                        "again, then save what should stay");
	got = get(q);
	ck_assert_str_eq(got.notes, "Clé chez la gardienne");
	ck_assert_int_eq(got.client_id, c2); /* the client it asked for neither */
	quote_free(&got);
	quote_free(&mine);
	quote_free(&other);
	quote_free(&base);
}
END_TEST

START_TEST(test_numbering_gapless)
{
	int64_t c = fixture_client(A, "Martin");
	cerr e = {0};
	int64_t q1 = new_quote(c, NO_DAY, "D2026-0001");
	add_line(q1, "Ménage", 200, 2300, 1000);
	ck_assert_int_eq(quote_send(A, q1, NO_DAY, &e), ST_OK);
	ck_assert_int_eq(quote_refuse(A, q1, NO_DAY, &e), ST_OK);
	/* A refused quote keeps its number: the next is 0002. */
	quote t = get(q1);
	ck_assert_str_eq(t.number, "D2026-0001");
	ck_assert_int_eq(t.status, QUOTE_REFUSED);
	ck_assert_int_eq(t.refused_on, D(2026, 1, 5));
	quote_free(&t);
	/* A rejected creation takes no number. */
	quote bad;
	quote_init(&bad);
	bad.client_id = 999;
	ck_assert_int_eq(quote_create(A, &bad, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "client");
	quote_free(&bad);
	new_quote(c, NO_DAY, "D2026-0002");
	/* The turn of the year: the series of 2027 starts at 0001... */
	set_now("2027-01-01 09:00");
	new_quote(c, NO_DAY, "D2027-0001");
	/* ...and a quote dated in 2026, written in 2027, continues the 2026 series. */
	new_quote(c, D(2026, 12, 31), "D2026-0003");
	new_quote(c, NO_DAY, "D2027-0002");
	/* Not dated in the future. */
	quote late;
	quote_init(&late);
	late.client_id = c;
	late.date = D(2027, 1, 2);
	ck_assert_int_eq(quote_create(A, &late, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "on");
	quote_free(&late);
	new_quote(c, NO_DAY, "D2027-0003");
}
END_TEST

START_TEST(test_sent_quote_is_immutable)
{
	int64_t c = fixture_client(A, "Bernard");
	int64_t q = new_quote(c, NO_DAY, "D2026-0001");
	cerr e = {0};
	/* Nothing to send yet. */
	ck_assert_int_eq(quote_send(A, q, NO_DAY, &e), ST_CONFLICT);
	int64_t line = add_line(q, "Ménage", 150, 2150, 1000);
	ck_assert_int_eq(quote_send(A, q, D(2026, 1, 5), &e), ST_OK);
	ck_assert_int_eq(quote_send(A, q, D(2026, 1, 5), &e), ST_CONFLICT);
	quote_line l;
	quote_line_init(&l);
	l.label = strdup("Repassage");
	l.qty = 100;
	l.unit_price = 2000;
	ck_assert_int_eq(quote_line_add(A, q, &l, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "a sent quote cannot change: make a new quote");
	quote_line_free(&l);
	quote_line_init(&l);
	ck_assert_int_eq(db_quote_line_get(A->db, line, &l, &e), ST_OK);
	l.qty = 300;
	ck_assert_int_eq(quote_line_edit(A, NULL, &l, &e), ST_CONFLICT);
	quote_line_free(&l);
	ck_assert_int_eq(quote_line_remove(A, line, &e), ST_CONFLICT);
	quote t = get(q);
	free(t.notes);
	t.notes = strdup("autre chose");
	ck_assert_int_eq(quote_edit(A, NULL, &t, &e), ST_CONFLICT);
	quote_free(&t);
	/* Storage refuses it too, whatever the caller. */
	ck_assert_int_eq(db_quote_line_delete(A->db, line, &e), ST_INVALID);
	t = get(q);
	ck_assert_int_eq(t.total_excl, 3225);
	ck_assert_int_eq(t.total_incl, 3548);
	ck_assert_int_eq(t.status, QUOTE_SENT);
	ck_assert_int_eq(t.sent_on, D(2026, 1, 5));
	quote_free(&t);
	/* Only coordinators and managers write quotes. */
	work_as("lea");
	quote x;
	quote_init(&x);
	x.client_id = c;
	ck_assert_int_eq(quote_create(A, &x, &e), ST_DENIED);
	quote_free(&x);
	work_as("paul");
	ck_assert_int_eq(quote_accept(A, q, D(2026, 1, 4), &e), ST_INVALID); /* before sent */
	ck_assert_str_eq(e.field, "on");
	ck_assert_int_eq(quote_accept(A, q, NO_DAY, &e), ST_OK);
	ck_assert_int_eq(quote_refuse(A, q, NO_DAY, &e), ST_CONFLICT);
}
END_TEST

START_TEST(test_expiry)
{
	/* Valid 30 days (setting quote.validity_days): dated 5 January, valid until 4 February. */
	int64_t c = fixture_client(A, "Petit");
	int64_t q = new_quote(c, NO_DAY, "D2026-0001");
	add_line(q, "Ménage", 100, 2300, 1000);
	cerr e = {0};
	ck_assert_int_eq(quote_send(A, q, NO_DAY, &e), ST_OK);
	quote t = get(q);
	ck_assert_int_eq(t.valid_until, D(2026, 2, 4));
	quote_free(&t);
	quote_filter f;
	quote_filter_init(&f, D(2026, 2, 4));
	f.status = QUOTE_EXPIRED;
	quote *rows;
	size_t n;
	ck_assert_int_eq(quote_page(A, &f, NULL, false, 10, &rows, &n, &e), ST_OK);
	ck_assert_int_eq(n, 0);
	quotes_free(rows, n);
	/* On 5 February it is expired: it can no longer be accepted, only refused. */
	set_now("2026-02-05 09:00");
	f.today = D(2026, 2, 5);
	ck_assert_int_eq(quote_page(A, &f, NULL, false, 10, &rows, &n, &e), ST_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(quote_status_on(&rows[0], f.today), QUOTE_EXPIRED);
	quotes_free(rows, n);
	ck_assert_int_eq(quote_accept(A, q, NO_DAY, &e), ST_CONFLICT);
	/* Accepting on its last day, recorded late, is fine. */
	ck_assert_int_eq(quote_accept(A, q, D(2026, 2, 4), &e), ST_OK);
	t = get(q);
	ck_assert_int_eq(quote_status_on(&t, D(2026, 2, 5)), QUOTE_ACCEPTED);
	quote_free(&t);
	/* A draft sent after its validity: a new quote is needed. */
	int64_t q2 = new_quote(c, D(2026, 1, 2), "D2026-0002");
	add_line(q2, "Ménage", 100, 2300, 1000);
	ck_assert_int_eq(quote_send(A, q2, NO_DAY, &e), ST_CONFLICT);
}
END_TEST

START_TEST(test_pages_and_find)
{
	int64_t c1 = fixture_client(A, "Zoé Lefèvre");
	int64_t c2 = fixture_client(A, "Durand");
	new_quote(c1, D(2026, 1, 2), "D2026-0001");
	new_quote(c2, D(2026, 1, 3), "D2026-0002");
	new_quote(c1, D(2026, 1, 3), "D2026-0003");
	quote_filter f;
	quote_filter_init(&f, D(2026, 1, 5));
	quote *rows;
	size_t n;
	cerr e = {0};
	/* Newest first, two at a time. */
	ck_assert_int_eq(quote_page(A, &f, NULL, false, 2, &rows, &n, &e), ST_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(rows[0].number, "D2026-0003");
	ck_assert_str_eq(rows[1].number, "D2026-0002");
	quote last = rows[1];
	quote *more;
	size_t m;
	ck_assert_int_eq(quote_page(A, &f, &last, false, 2, &more, &m, &e), ST_OK);
	ck_assert_int_eq(m, 1);
	ck_assert_str_eq(more[0].number, "D2026-0001");
	quotes_free(more, m);
	quotes_free(rows, n);
	/* Search by the client's name as typed, without accents. */
	f.search = "lefevre";
	ck_assert_int_eq(quote_page(A, &f, NULL, false, 10, &rows, &n, &e), ST_OK);
	ck_assert_int_eq(n, 2);
	quotes_free(rows, n);
	quote q;
	quote_init(&q);
	ck_assert_int_eq(quote_find(A, "d2026-0002", "quote", &q, &e), ST_OK);
	ck_assert_int_eq(q.client_id, c2);
	quote_free(&q);
	ck_assert_int_eq(quote_find(A, "D2026-0009", "quote", &q, &e), ST_NOT_FOUND);
	ck_assert_str_eq(e.field, "quote");
	ck_assert_int_eq(quote_find(A, "x", "quote", &q, &e), ST_INVALID);
}
END_TEST

Suite *suite_quote(void)
{
	Suite *s = suite_create("quote");
	TCase *pure = tcase_create("rules");
	tcase_add_test(pure, test_line_r2);
	tcase_add_test(pure, test_totals_sum_rounded_lines);
	tcase_add_test(pure, test_status_on);
	tcase_add_test(pure, test_line_copy_owns_its_strings);
	tcase_add_test(pure, test_catalogue_parse_errors);
	tcase_add_test(pure, test_catalogue_file_matches_builtin);
	suite_add_tcase(s, pure);
	TCase *stored = tcase_create("stored");
	tcase_add_checked_fixture(stored, agency_open, agency_close);
	tcase_set_timeout(stored, 20);
	tcase_add_test(stored, test_catalogue_rates);
	tcase_add_test(stored, test_lines_and_totals);
	tcase_add_test(stored, test_line_edit_keeps_other_desks_change);
	tcase_add_test(stored, test_edit_keeps_other_desks_change);
	tcase_add_test(stored, test_numbering_gapless);
	tcase_add_test(stored, test_sent_quote_is_immutable);
	tcase_add_test(stored, test_expiry);
	tcase_add_test(stored, test_pages_and_find);
	suite_add_tcase(s, stored);
	return s;
}
