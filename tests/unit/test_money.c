/* test_money.c — rule R2 (cents, hundredths, rounding half away from zero) and R3's monthly
 * amount. Every expected value is worked out by hand in the comment beside it. */
#include <check.h>

#include "charte/money.h"

START_TEST(test_div_round)
{
	ck_assert_int_eq(money_div_round(0, 7), 0);
	ck_assert_int_eq(money_div_round(14, 10), 1);
	ck_assert_int_eq(money_div_round(15, 10), 2); /* half: away from zero */
	ck_assert_int_eq(money_div_round(16, 10), 2);
	ck_assert_int_eq(money_div_round(-14, 10), -1);
	ck_assert_int_eq(money_div_round(-15, 10), -2); /* negative half: away from zero */
	ck_assert_int_eq(money_div_round(-16, 10), -2);
	ck_assert_int_eq(money_div_round(5, 10), 1);
	ck_assert_int_eq(money_div_round(-5, 10), -1);
	ck_assert_int_eq(money_div_round(4, 10), 0);
	ck_assert_int_eq(money_div_round(-4, 10), 0);
	ck_assert_int_eq(money_div_round(1, 3), 0);
	ck_assert_int_eq(money_div_round(2, 3), 1);
	ck_assert_int_eq(money_div_round(-2, 3), -1);
	ck_assert_int_eq(money_div_round(200, 100), 2);
	ck_assert_int_eq(money_div_round(-200, 100), -2);
}
END_TEST

START_TEST(test_line_excl)
{
	/* 1.5 h x 0.33 € = 0.495 € -> 0.50 € */
	ck_assert_int_eq(money_line_excl(150, 33), 50);
	/* 0.5 x 0.01 € = 0.005 € -> 0.01 € */
	ck_assert_int_eq(money_line_excl(50, 1), 1);
	/* negative half cents go away from zero: a credit line, or a discount price */
	ck_assert_int_eq(money_line_excl(-50, 1), -1);
	ck_assert_int_eq(money_line_excl(50, -1), -1);
	ck_assert_int_eq(money_line_excl(-150, 33), -50);
	/* 0.01 x 0.50 € = 0.005 € -> 0.01 €; 0.01 x 0.49 € = 0.0049 € -> 0 */
	ck_assert_int_eq(money_line_excl(1, 50), 1);
	ck_assert_int_eq(money_line_excl(1, 49), 0);
	/* 1.5 h x 21.50 € = 32.25 € exactly */
	ck_assert_int_eq(money_line_excl(150, 2150), 3225);
	/* 1.25 h x 21.99 € = 27.4875 € -> 27.49 € */
	ck_assert_int_eq(money_line_excl(125, 2199), 2749);
	/* 1.75 h x 19.99 € = 34.9825 € -> 34.98 € */
	ck_assert_int_eq(money_line_excl(175, 1999), 3498);
	/* 3 x 25.00 € */
	ck_assert_int_eq(money_line_excl(300, 2500), 7500);
	ck_assert_int_eq(money_line_excl(100, 1234), 1234);
	ck_assert_int_eq(money_line_excl(0, 1234), 0);
}
END_TEST

START_TEST(test_vat_5_5)
{
	ck_assert_int_eq(money_vat(1000, 550), 55);   /* 10.00 € -> 0.55 € */
	ck_assert_int_eq(money_vat(2000, 550), 110);  /* 20.00 € -> 1.10 € */
	ck_assert_int_eq(money_vat(100, 550), 6);     /* 0.055 € -> 0.06 € (half) */
	ck_assert_int_eq(money_vat(-100, 550), -6);   /* -0.055 € -> -0.06 € */
	ck_assert_int_eq(money_vat(10, 550), 1);      /* 0.0055 € -> 0.01 € */
	ck_assert_int_eq(money_vat(9, 550), 0);       /* 0.00495 € -> 0 */
	ck_assert_int_eq(money_vat(2250, 550), 124);  /* 1.2375 € -> 1.24 € */
	ck_assert_int_eq(money_vat(12345, 550), 679); /* 6.78975 € -> 6.79 € */
	ck_assert_int_eq(money_incl(2000, 550), 2110);
}
END_TEST

START_TEST(test_vat_10)
{
	ck_assert_int_eq(money_vat(1005, 1000), 101); /* 1.005 € -> 1.01 € (half) */
	ck_assert_int_eq(money_vat(1004, 1000), 100);
	ck_assert_int_eq(money_vat(5, 1000), 1); /* 0.005 € -> 0.01 € */
	ck_assert_int_eq(money_vat(-5, 1000), -1);
	ck_assert_int_eq(money_vat(4, 1000), 0);
	ck_assert_int_eq(money_incl(1999, 1000), 2199); /* 19.99 + 2.00 (1.999) */
	ck_assert_int_eq(money_incl(2098, 1000), 2308); /* 20.98 + 2.10 (2.098) */
}
END_TEST

START_TEST(test_vat_20)
{
	ck_assert_int_eq(money_vat(1234, 2000), 247); /* 2.468 € -> 2.47 € */
	ck_assert_int_eq(money_vat(2500, 2000), 500);
	ck_assert_int_eq(money_vat(1, 2000), 0); /* 0.002 € */
	ck_assert_int_eq(money_vat(2, 2000), 0); /* 0.004 € */
	ck_assert_int_eq(money_vat(3, 2000), 1); /* 0.006 € */
	ck_assert_int_eq(money_vat(-3, 2000), -1);
	ck_assert_int_eq(money_vat(1234567, 2000), 246913); /* 2 469.134 € */
	ck_assert_int_eq(money_incl(2500, 2000), 3000);
	ck_assert_int_eq(money_vat(0, 2000), 0);
	ck_assert_int_eq(money_incl(1000, 0), 1000);
}
END_TEST

START_TEST(test_monthly_recurring)
{
	/* 10 h/week at 20.00 € excl. at 5.5 %: 21.10 €/h incl., 10 x 21.10 x 52 / 12 = 914.333 */
	ck_assert_int_eq(money_monthly_recurring(1000, 2000, 550), 91433);
	/* The hourly price is rounded first: 20.01 € + 1.10 € (1.10055) = 21.11 €; then
	 * 1.5 x 21.11 x 52 / 12 = 137.215 € exactly half -> 137.22 € */
	ck_assert_int_eq(money_monthly_recurring(150, 2001, 550), 13722);
	ck_assert_int_eq(money_monthly_recurring(0, 2000, 550), 0);
	ck_assert_int_eq(money_monthly_recurring(1000, 0, 550), 0);
}
END_TEST

START_TEST(test_monthly_around_100)
{
	/* R3's threshold is 100.00 €/month incl. VAT. */
	/* 1 h/week at 20.98 € excl. at 10 % = 23.08 €/h: 23.08 x 52 / 12 = 100.013 -> 100.01 € */
	ck_assert_int_eq(money_monthly_recurring(100, 2098, 1000), 10001);
	/* 1 h/week at 20.97 € excl. at 10 % = 23.07 €/h: 23.07 x 52 / 12 = 99.97 € */
	ck_assert_int_eq(money_monthly_recurring(100, 2097, 1000), 9997);
	/* 1.2 h/week at 17.48 € excl. at 10 % = 19.23 €/h: 1.2 x 19.23 x 52 / 12 = 99.996 -> 100.00
	 */
	ck_assert_int_eq(money_monthly_recurring(120, 1748, 1000), 10000);
	/* 1.2 h/week at 17.47 € excl. at 10 % = 19.22 €/h: 99.944 -> 99.94 € */
	ck_assert_int_eq(money_monthly_recurring(120, 1747, 1000), 9994);
}
END_TEST

Suite *suite_money(void)
{
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("R2");
	tcase_add_test(tc, test_div_round);
	tcase_add_test(tc, test_line_excl);
	tcase_add_test(tc, test_vat_5_5);
	tcase_add_test(tc, test_vat_10);
	tcase_add_test(tc, test_vat_20);
	suite_add_tcase(s, tc);
	tc = tcase_create("R3 monthly");
	tcase_add_test(tc, test_monthly_recurring);
	tcase_add_test(tc, test_monthly_around_100);
	suite_add_tcase(s, tc);
	return s;
}
