/* test_parse.c — every parser at its edges (accepted forms, refused forms with their reason,
 * *out left untouched on failure) and every formatter, with round trips in both languages. */
#include <check.h>
#include <limits.h>
#include <string.h>

#include "charte/calendar.h"
#include "charte/parse.h"
#include "charte/util.h"

#define NBSP  "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"
#define EURO  "\xE2\x82\xAC"

#define SENTINEL 777

/* Accepted: no reason, and the value expected. */
#define ok_date(text, y, m, d)                                                                     \
	do {                                                                                       \
		cday v_ = SENTINEL;                                                                \
		ck_assert_pstr_eq(parse_date(text, &v_), NULL);                                    \
		ck_assert_int_eq(v_, cal_days(y, m, d));                                           \
	} while (0)

/* Refused: a reason (the given one unless NULL), and *out untouched. */
#define bad_date(text, reason)                                                                     \
	do {                                                                                       \
		cday v_ = SENTINEL;                                                                \
		const char *r_ = parse_date(text, &v_);                                            \
		ck_assert_msg(r_ != NULL, "accepted: %s", #text);                                  \
		if (reason)                                                                        \
			ck_assert_str_eq(r_, (const char *)(reason));                              \
		ck_assert_int_eq(v_, SENTINEL);                                                    \
	} while (0)

#define ok_clock(text, expect)                                                                     \
	do {                                                                                       \
		int v_ = SENTINEL;                                                                 \
		ck_assert_pstr_eq(parse_clock(text, &v_), NULL);                                   \
		ck_assert_int_eq(v_, expect);                                                      \
	} while (0)

#define bad_clock(text, reason)                                                                    \
	do {                                                                                       \
		int v_ = SENTINEL;                                                                 \
		const char *r_ = parse_clock(text, &v_);                                           \
		ck_assert_msg(r_ != NULL, "accepted: %s", #text);                                  \
		if (reason)                                                                        \
			ck_assert_str_eq(r_, (const char *)(reason));                              \
		ck_assert_int_eq(v_, SENTINEL);                                                    \
	} while (0)

#define ok_datetime(text, expect)                                                                  \
	do {                                                                                       \
		cminute v_ = SENTINEL;                                                             \
		char b_[17];                                                                       \
		ck_assert_pstr_eq(parse_datetime(text, &v_), NULL);                                \
		fmt_datetime(v_, b_);                                                              \
		ck_assert_str_eq(b_, expect);                                                      \
	} while (0)

#define bad_datetime(text, reason)                                                                 \
	do {                                                                                       \
		cminute v_ = SENTINEL;                                                             \
		const char *r_ = parse_datetime(text, &v_);                                        \
		ck_assert_msg(r_ != NULL, "accepted: %s", #text);                                  \
		if (reason)                                                                        \
			ck_assert_str_eq(r_, (const char *)(reason));                              \
		ck_assert_int_eq(v_, SENTINEL);                                                    \
	} while (0)

#define ok_amount(text, expect)                                                                    \
	do {                                                                                       \
		cents v_ = SENTINEL;                                                               \
		ck_assert_pstr_eq(parse_amount(text, &v_), NULL);                                  \
		ck_assert_int_eq(v_, expect);                                                      \
	} while (0)

#define bad_amount(text, reason)                                                                   \
	do {                                                                                       \
		cents v_ = SENTINEL;                                                               \
		const char *r_ = parse_amount(text, &v_);                                          \
		ck_assert_msg(r_ != NULL, "accepted: %s", #text);                                  \
		if (reason)                                                                        \
			ck_assert_str_eq(r_, (const char *)(reason));                              \
		ck_assert_int_eq(v_, SENTINEL);                                                    \
	} while (0)

#define ok_hundredths(text, expect)                                                                \
	do {                                                                                       \
		int64_t v_ = SENTINEL;                                                             \
		ck_assert_pstr_eq(parse_hundredths(text, &v_), NULL);                              \
		ck_assert_int_eq(v_, expect);                                                      \
	} while (0)

#define bad_hundredths(text, reason)                                                               \
	do {                                                                                       \
		int64_t v_ = SENTINEL;                                                             \
		const char *r_ = parse_hundredths(text, &v_);                                      \
		ck_assert_msg(r_ != NULL, "accepted: %s", #text);                                  \
		if (reason)                                                                        \
			ck_assert_str_eq(r_, (const char *)(reason));                              \
		ck_assert_int_eq(v_, SENTINEL);                                                    \
	} while (0)

#define ok_percent(text, expect)                                                                   \
	do {                                                                                       \
		int v_ = SENTINEL;                                                                 \
		ck_assert_pstr_eq(parse_percent(text, &v_), NULL);                                 \
		ck_assert_int_eq(v_, expect);                                                      \
	} while (0)

#define bad_percent(text, reason)                                                                  \
	do {                                                                                       \
		int v_ = SENTINEL;                                                                 \
		const char *r_ = parse_percent(text, &v_);                                         \
		ck_assert_msg(r_ != NULL, "accepted: %s", #text);                                  \
		if (reason)                                                                        \
			ck_assert_str_eq(r_, (const char *)(reason));                              \
		ck_assert_int_eq(v_, SENTINEL);                                                    \
	} while (0)

#define ok_phone(text, expect)                                                                     \
	do {                                                                                       \
		char v_[17] = "unchanged";                                                         \
		ck_assert_pstr_eq(parse_phone(text, v_), NULL);                                    \
		ck_assert_str_eq(v_, expect);                                                      \
	} while (0)

#define bad_phone(text, reason)                                                                    \
	do {                                                                                       \
		char v_[17] = "unchanged";                                                         \
		const char *r_ = parse_phone(text, v_);                                            \
		ck_assert_msg(r_ != NULL, "accepted: %s", #text);                                  \
		if (reason)                                                                        \
			ck_assert_str_eq(r_, (const char *)(reason));                              \
		ck_assert_str_eq(v_, "unchanged");                                                 \
	} while (0)

#define NOT_A_DATE    "not a date: use YYYY-MM-DD or DD/MM/YYYY"
#define NO_SUCH_DAY   "no such day in that month"
#define NOT_A_TIME    "not a time: use HH:MM or 9h30"
#define NOT_AN_AMOUNT "not an amount: use digits, e.g. 1234,56"
#define TWO_DECIMALS  "at most two decimals"
#define GROUPS        "thousands must be grouped by three digits, e.g. 1 234 567"
#define RATE_RANGE    "a rate must be between 0 and 100 %"

/* Dates */

START_TEST(test_date_forms)
{
	ok_date("2026-03-02", 2026, 3, 2);
	ok_date("02/03/2026", 2026, 3, 2);
	ok_date("2/3/2026", 2026, 3, 2);
	ok_date("2026-3-2", 2026, 3, 2);
	ok_date("  2026-03-02\t\n", 2026, 3, 2);
	ok_date(NBSP "02/03/2026 ", 2026, 3, 2);
	ok_date("1900-01-01", 1900, 1, 1);
	ok_date("31/12/2999", 2999, 12, 31);
	ok_date("31/01/2026", 2026, 1, 31);
	ok_date("30/04/2026", 2026, 4, 30);
	cday d = 0;
	ck_assert_pstr_eq(parse_date("2026-03-02", &d), NULL);
	ck_assert_int_eq(d, 20514);
	ck_assert_pstr_eq(parse_date("2026-03-02", NULL), NULL);
}
END_TEST

START_TEST(test_date_impossible)
{
	bad_date("30/02/2026", NO_SUCH_DAY);
	bad_date("2026-02-30", NO_SUCH_DAY);
	bad_date("31/04/2026", NO_SUCH_DAY);
	bad_date("31/06/2026", NO_SUCH_DAY);
	ok_date("29/02/2024", 2024, 2, 29);
	bad_date("29/02/2025", NO_SUCH_DAY);
	ok_date("29/02/2000", 2000, 2, 29);
	bad_date("29/02/1900", NO_SUCH_DAY);
	bad_date("32/01/2026", "the day must be between 01 and 31");
	bad_date("00/01/2026", "the day must be between 01 and 31");
	bad_date("2026-01-00", "the day must be between 01 and 31");
	bad_date("01/13/2026", "the month must be between 01 and 12");
	bad_date("2026-00-10", "the month must be between 01 and 12");
	bad_date("1899-12-31", "the year must be between 1900 and 2999");
	bad_date("01/01/3000", "the year must be between 1900 and 2999");
	bad_date("01/01/0000", "the year must be between 1900 and 2999");
	bad_date("02/03/26", "the year needs four digits, e.g. 02/03/2026");
}
END_TEST

START_TEST(test_date_garbage)
{
	bad_date("", "no date given: use YYYY-MM-DD or DD/MM/YYYY");
	bad_date("   ", "no date given: use YYYY-MM-DD or DD/MM/YYYY");
	bad_date(NULL, "no date given: use YYYY-MM-DD or DD/MM/YYYY");
	bad_date("abc", NOT_A_DATE);
	bad_date("tomorrow", NOT_A_DATE);
	bad_date("2026/03/02", NOT_A_DATE);
	bad_date("02-03-2026", NOT_A_DATE);
	bad_date("02.03.2026", NOT_A_DATE);
	bad_date("2026-03-02x", NOT_A_DATE);
	bad_date("2026-03-02 10:00", NOT_A_DATE);
	bad_date("2026-03", NOT_A_DATE);
	bad_date("2026-03-", NOT_A_DATE);
	bad_date("-2026-03-02", NOT_A_DATE);
	bad_date("20260302", NOT_A_DATE);
	bad_date("99999-01-01", NOT_A_DATE);
	bad_date("2026-003-02", NOT_A_DATE);
	bad_date("2026-03-0222222222222222222222222", NOT_A_DATE);
	bad_date("02/03/20261", NOT_A_DATE);
	bad_date("002/03/2026", NOT_A_DATE);
	bad_date("2 / 3 / 2026", NOT_A_DATE);
}
END_TEST

/* Clocks and date-times */

START_TEST(test_clock)
{
	ok_clock("09:30", 570);
	ok_clock("9:30", 570);
	ok_clock("9h", 540);
	ok_clock("9H", 540);
	ok_clock("9h30", 570);
	ok_clock("09H30", 570);
	ok_clock("00:00", 0);
	ok_clock("0h", 0);
	ok_clock("23:59", 1439);
	ok_clock(" 14:05 ", 845);
	bad_clock("24:00", "hours must be between 00 and 23");
	bad_clock("24h", "hours must be between 00 and 23");
	bad_clock("99:00", "hours must be between 00 and 23");
	bad_clock("23:60", "minutes must be between 00 and 59");
	bad_clock("12h75", "minutes must be between 00 and 59");
	bad_clock("09:5", "minutes need two digits, e.g. 09:05");
	bad_clock("9h5", "minutes need two digits, e.g. 09:05");
	bad_clock("9", NOT_A_TIME);
	bad_clock("930", NOT_A_TIME);
	bad_clock("9:", NOT_A_TIME);
	bad_clock(":30", NOT_A_TIME);
	bad_clock("09:300", NOT_A_TIME);
	bad_clock("009:30", NOT_A_TIME);
	bad_clock("09:30:00", NOT_A_TIME);
	bad_clock("09.30", NOT_A_TIME);
	bad_clock("9 h 30", NOT_A_TIME);
	bad_clock("ab:cd", NOT_A_TIME);
	bad_clock("-1:00", NOT_A_TIME);
	bad_clock("", "no time given: use HH:MM or 9h30");
	bad_clock(NULL, "no time given: use HH:MM or 9h30");
}
END_TEST

START_TEST(test_datetime)
{
	ok_datetime("2026-03-02 14:05", "2026-03-02 14:05");
	ok_datetime("02/03/2026 14:05", "2026-03-02 14:05");
	ok_datetime("2026-03-02T14:05", "2026-03-02 14:05");
	ok_datetime("  2/3/2026   9h05 ", "2026-03-02 09:05");
	ok_datetime("2026-03-02\t00:00", "2026-03-02 00:00");
	ok_datetime("31/12/2999 23:59", "2999-12-31 23:59");
	ok_datetime("1900-01-01 00:00", "1900-01-01 00:00");
	cminute t = 0;
	ck_assert_pstr_eq(parse_datetime("2026-03-02 14:05", &t), NULL);
	ck_assert(t == (cminute)20514 * 1440 + 845);
	bad_datetime("2026-03-02", "a time is needed after the date, e.g. 2026-03-02 14:05");
	bad_datetime("2026-03-02T", "a time is needed after the date, e.g. 2026-03-02 14:05");
	bad_datetime("2026-02-30 10:00", NO_SUCH_DAY);
	bad_datetime("2026-03-02 24:00", "hours must be between 00 and 23");
	bad_datetime("2026-03-02 9:5", "minutes need two digits, e.g. 09:05");
	bad_datetime("2026-03-02 14:05 x", NOT_A_TIME);
	bad_datetime("2026-03-02  T14:05", NOT_A_TIME);
	bad_datetime("14:05 2026-03-02", NOT_A_DATE);
	bad_datetime("T10:00", NOT_A_DATE);
	bad_datetime("", "no date and time given: use YYYY-MM-DD HH:MM");
	bad_datetime(NULL, "no date and time given: use YYYY-MM-DD HH:MM");
}
END_TEST

/* Amounts */

START_TEST(test_amount_forms)
{
	ok_amount("1234.56", 123456);
	ok_amount("1234,56", 123456);
	ok_amount("1 234,56", 123456);
	ok_amount("1 234,56 " EURO, 123456);
	ok_amount("1 234,56" EURO, 123456);
	ok_amount("1" NBSP "234,56" NBSP EURO, 123456);
	ok_amount("1" NNBSP "234,56" NNBSP EURO, 123456);
	ok_amount("1 234 567,89", 123456789);
	ok_amount("1.234,56", 123456);
	ok_amount("1.234.567,89", 123456789);
	ok_amount("1,234.56", 123456);
	ok_amount(EURO "1,234.56", 123456);
	ok_amount("-" EURO "1,234.56", -123456);
	ok_amount("1234", 123400);
	ok_amount("12,5", 1250);
	ok_amount("12.5", 1250);
	ok_amount("-3,20", -320);
	ok_amount("-3,20 " EURO, -320);
	ok_amount("+3,20", 320);
	ok_amount("12 EUR", 1200);
	ok_amount("12eur", 1200);
	ok_amount("12 " EURO, 1200);
	ok_amount("  0  ", 0);
	ok_amount("0,00", 0);
	ok_amount("-0,01", -1);
	ok_amount("0,05", 5);
	ok_amount("007", 700);
	ok_amount(",5", 50);
	ok_amount("9 999 999,99", 999999999);
	ok_amount("-9 999 999,99", -999999999);
}
END_TEST

START_TEST(test_amount_refused)
{
	bad_amount("0,005", TWO_DECIMALS);
	bad_amount("12.345", TWO_DECIMALS);
	bad_amount("1,234,567", TWO_DECIMALS);
	bad_amount("1,2,3", "more than one decimal separator");
	bad_amount("1.2.34", "more than one decimal separator");
	bad_amount("1 23,00", GROUPS);
	bad_amount("1234 567", GROUPS);
	bad_amount("1 2345", GROUPS);
	bad_amount("1.23,45", GROUPS);
	bad_amount("abc", NOT_AN_AMOUNT);
	bad_amount("12a", NOT_AN_AMOUNT);
	bad_amount("1e3", NOT_AN_AMOUNT);
	bad_amount("0x10", NOT_AN_AMOUNT);
	bad_amount("12,", NOT_AN_AMOUNT);
	bad_amount("12,5a", NOT_AN_AMOUNT);
	bad_amount("1  234", NOT_AN_AMOUNT);
	bad_amount(" 234 ,00", NOT_AN_AMOUNT);
	bad_amount("1 234 ,00", NOT_AN_AMOUNT);
	bad_amount("1\t234", NOT_AN_AMOUNT);
	bad_amount("3-", NOT_AN_AMOUNT);
	bad_amount("3 - 2", NOT_AN_AMOUNT);
	bad_amount(EURO, NOT_AN_AMOUNT);
	bad_amount("EUR", NOT_AN_AMOUNT);
	bad_amount(EURO "12 " EURO, NOT_AN_AMOUNT);
	bad_amount("-", NOT_AN_AMOUNT);
	bad_amount("--3", "only one sign is allowed, before the number");
	bad_amount("-+3", "only one sign is allowed, before the number");
	bad_amount("-" EURO "-3", "only one sign is allowed, before the number");
	bad_amount("", "no amount given: type digits, e.g. 1234,56");
	bad_amount("   ", "no amount given: type digits, e.g. 1234,56");
	bad_amount(NULL, "no amount given: type digits, e.g. 1234,56");
	bad_amount("10 000 000", "amount too large: at most 9,999,999.99");
	bad_amount("99999999999999999999999999999999999", "amount too large: at most 9,999,999.99");
	bad_amount("-99999999999999999999999999999999,99",
	           "amount too large: at most 9,999,999.99");
	/* "\xC2" alone is half a no-break space: not white space. */
	bad_amount("1\xC2"
	           "234",
	           NOT_AN_AMOUNT);
}
END_TEST

/* Hundredths and percentages */

START_TEST(test_hundredths)
{
	ok_hundredths("1.5", 150);
	ok_hundredths("1,5", 150);
	ok_hundredths("12", 1200);
	ok_hundredths("1,25", 125);
	ok_hundredths(" 0 ", 0);
	ok_hundredths("0,01", 1);
	ok_hundredths("+2", 200);
	ok_hundredths("1 000", 100000);
	ok_hundredths("99 999,99", 9999999);
	bad_hundredths("-1", "must not be negative");
	bad_hundredths("-0,5", "must not be negative");
	bad_hundredths("1,255", TWO_DECIMALS);
	bad_hundredths("100000", "number too large: at most 99,999.99");
	bad_hundredths("abc", "not a number: use digits, e.g. 1,5");
	bad_hundredths("1h30", "not a number: use digits, e.g. 1,5");
	bad_hundredths("", "no number given: type digits, e.g. 1,5");
	bad_hundredths(NULL, "no number given: type digits, e.g. 1,5");
}
END_TEST

START_TEST(test_percent)
{
	ok_percent("5.5", 550);
	ok_percent("5,5", 550);
	ok_percent("5,5 %", 550);
	ok_percent("5,5%", 550);
	ok_percent("5,5" NNBSP "%", 550);
	ok_percent("5,5" NBSP "%", 550);
	ok_percent("20", 2000);
	ok_percent("10 %", 1000);
	ok_percent("0", 0);
	ok_percent("100", 10000);
	ok_percent("100,00", 10000);
	ok_percent("5,55 %", 555);
	ok_percent("0,01", 1);
	bad_percent("101", RATE_RANGE);
	bad_percent("100,01", RATE_RANGE);
	bad_percent("-1", RATE_RANGE);
	bad_percent("99999999999999999999", RATE_RANGE);
	bad_percent("5,555", TWO_DECIMALS);
	bad_percent("1 000", "not a rate: use a percentage, e.g. 5,5 or 20");
	bad_percent("abc", "not a rate: use a percentage, e.g. 5,5 or 20");
	bad_percent("%", "not a rate: use a percentage, e.g. 5,5 or 20");
	bad_percent("5 %%", "not a rate: use a percentage, e.g. 5,5 or 20");
	bad_percent("", "no rate given: type a percentage, e.g. 5,5 or 20");
	bad_percent(NULL, "no rate given: type a percentage, e.g. 5,5 or 20");
}
END_TEST

/* Phones */

START_TEST(test_phone_french)
{
	ok_phone("01 23 45 67 89", "+33123456789");
	ok_phone("01.23.45.67.89", "+33123456789");
	ok_phone("0123456789", "+33123456789");
	ok_phone("01-23-45-67-89", "+33123456789");
	ok_phone("01/23/45/67/89", "+33123456789");
	ok_phone("(01) 23 45 67 89", "+33123456789");
	ok_phone("01" NBSP "23" NBSP "45" NBSP "67" NBSP "89", "+33123456789");
	ok_phone("  06 12 34 56 78 ", "+33612345678");
	ok_phone("+33 1 23 45 67 89", "+33123456789");
	ok_phone("+33123456789", "+33123456789");
	ok_phone("+33 (0)1 23 45 67 89", "+33123456789");
	ok_phone("+33(0)123456789", "+33123456789");
	ok_phone("0033 1 23 45 67 89", "+33123456789");
	ok_phone("0033 (0)1 23 45 67 89", "+33123456789");
	/* The trunk 0 kept after +33 by mistake is unambiguous: French numbers never start 0. */
	ok_phone("+33 01 23 45 67 89", "+33123456789");
}
END_TEST

START_TEST(test_phone_foreign)
{
	ok_phone("+44 20 7946 0958", "+442079460958");
	ok_phone("+44 (0)20 7946 0958", "+442079460958");
	ok_phone("0044 20 7946 0958", "+442079460958");
	ok_phone("+1 (212) 555-0100", "+12125550100");
	ok_phone("+32 2 123 45 67", "+3221234567");
	ok_phone("+49 30 12345678", "+493012345678");
	ok_phone("+12345678", "+12345678");               /* 8 digits: the shortest */
	ok_phone("+123456789012345", "+123456789012345"); /* 15 digits: the longest */
}
END_TEST

START_TEST(test_phone_refused)
{
	const char *french = "a French number has 10 digits starting with 0 (01 23 45 67 89); "
	                     "start other countries with +";
	const char *plus33 = "a French number has 9 digits after +33, e.g. +33 1 23 45 67 89";
	bad_phone("01 23 45 67 8", french);
	bad_phone("01 23 45 67 89 0", french);
	bad_phone("1234567890", french);
	bad_phone("123456789", french);
	bad_phone("0", french);
	bad_phone("+33 1 23 45 67 8", plus33);
	bad_phone("+33 1 23 45 67 890", plus33);
	bad_phone("+33 0 23 45 67 89", plus33);
	bad_phone("0033 1 23 45 67", plus33);
	bad_phone("+44 123", "too few digits for an international number (at least 8 after +)");
	bad_phone("+1234567", "too few digits for an international number (at least 8 after +)");
	bad_phone("+", "too few digits for an international number (at least 8 after +)");
	bad_phone("+1234567890123456", "too many digits for a phone number (at most 15)");
	bad_phone("01234567890123456789012345678901234567890",
	          "too many digits for a phone number (at most 15)");
	bad_phone("+0123456789", "a country code cannot start with 0");
	bad_phone("01 23 AB 67 89", NULL);
	bad_phone("tel 0123456789", NULL);
	bad_phone("01 23 45 67 89 ext", NULL);
	bad_phone("0123456789#", NULL);
	bad_phone("++33123456789", "'+' may only start the number");
	bad_phone("01+23456789", "'+' may only start the number");
	bad_phone("", "no phone number given");
	bad_phone("   ", "no phone number given");
	bad_phone(NULL, "no phone number given");
}
END_TEST

START_TEST(test_fmt_phone)
{
	char b[32];
	fmt_phone("+33123456789", b);
	ck_assert_str_eq(b, "01 23 45 67 89");
	fmt_phone("+33612345678", b);
	ck_assert_str_eq(b, "06 12 34 56 78");
	fmt_phone("+442079460958", b);
	ck_assert_str_eq(b, "+442079460958");
	fmt_phone("+3312345678", b);
	ck_assert_str_eq(b, "+3312345678");
	fmt_phone("", b);
	ck_assert_str_eq(b, "");
	fmt_phone(NULL, b);
	ck_assert_str_eq(b, "");
	/* Round trip: what is shown parses back to what is stored. */
	const char *stored[] = {"+33123456789", "+33987654321", "+442079460958", "+12125550100"};
	for (size_t i = 0; i < sizeof stored / sizeof stored[0]; i++) {
		char back[17];
		fmt_phone(stored[i], b);
		ck_assert_pstr_eq(parse_phone(b, back), NULL);
		ck_assert_str_eq(back, stored[i]);
	}
}
END_TEST

/* Whole numbers and flags */

START_TEST(test_int)
{
	long v = SENTINEL;
	ck_assert_pstr_eq(parse_int("42", 0, 100, &v), NULL);
	ck_assert_int_eq(v, 42);
	ck_assert_pstr_eq(parse_int(" -5 ", -10, 10, &v), NULL);
	ck_assert_int_eq(v, -5);
	ck_assert_pstr_eq(parse_int("+7", 0, 10, &v), NULL);
	ck_assert_int_eq(v, 7);
	ck_assert_pstr_eq(parse_int("0", 0, 0, &v), NULL);
	ck_assert_int_eq(v, 0);
	ck_assert_pstr_eq(parse_int("9223372036854775807", 0, LONG_MAX, &v), NULL);
	ck_assert(v == LONG_MAX);
	v = SENTINEL;
	ck_assert_pstr_eq(parse_int("101", 0, 100, &v), "number out of the allowed range");
	ck_assert_pstr_eq(parse_int("-1", 0, 100, &v), "number out of the allowed range");
	ck_assert_pstr_eq(parse_int("99999999999999999999999", 0, LONG_MAX, &v),
	                  "number out of the allowed range");
	ck_assert_pstr_eq(parse_int("4x", 0, 100, &v), "not a whole number");
	ck_assert_pstr_eq(parse_int("4.0", 0, 100, &v), "not a whole number");
	ck_assert_pstr_eq(parse_int("-", 0, 100, &v), "not a whole number");
	ck_assert_pstr_eq(parse_int("--4", -10, 100, &v), "not a whole number");
	ck_assert_pstr_eq(parse_int("", 0, 100, &v), "no number given: type a whole number");
	ck_assert_pstr_eq(parse_int(NULL, 0, 100, &v), "no number given: type a whole number");
	ck_assert_int_eq(v, SENTINEL);
}
END_TEST

START_TEST(test_flag)
{
	const char *yes[] = {"1", "yes", "YES", "Oui", "true", "TRUE", "y", "O", " oui "};
	const char *no[] = {"0", "no", "NON", "non", "false", "n", "N"};
	const char *bad[] = {"", "maybe", "2", "ouii", "yes no", "vrai", NULL};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		bool v = false;
		ck_assert_pstr_eq(parse_flag(yes[i], &v), NULL);
		ck_assert(v);
	}
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		bool v = true;
		ck_assert_pstr_eq(parse_flag(no[i], &v), NULL);
		ck_assert(!v);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		bool v = true;
		ck_assert_pstr_eq(parse_flag(bad[i], &v), "answer yes or no (oui/non, 1/0)");
		ck_assert(v);
	}
}
END_TEST

/* Formatters */

START_TEST(test_fmt_dates)
{
	char b[17];
	fmt_date(20514, b);
	ck_assert_str_eq(b, "2026-03-02");
	fmt_date(0, b);
	ck_assert_str_eq(b, "1970-01-01");
	fmt_date(-25567, b);
	ck_assert_str_eq(b, "1900-01-01");
	fmt_date(NO_DAY, b);
	ck_assert_str_eq(b, "");
	fmt_clock(570, b);
	ck_assert_str_eq(b, "09:30");
	fmt_clock(0, b);
	ck_assert_str_eq(b, "00:00");
	fmt_clock(1439, b);
	ck_assert_str_eq(b, "23:59");
	fmt_datetime((cminute)20514 * 1440 + 845, b);
	ck_assert_str_eq(b, "2026-03-02 14:05");
	fmt_datetime(NO_MINUTE, b);
	ck_assert_str_eq(b, "");

	lang_french = true;
	fmt_date_human(20514, b);
	ck_assert_str_eq(b, "02/03/2026");
	fmt_datetime_human((cminute)20514 * 1440 + 845, b);
	ck_assert_str_eq(b, "02/03/2026 14:05");
	fmt_date_human(NO_DAY, b);
	ck_assert_str_eq(b, "");
	lang_french = false;
	fmt_date_human(20514, b);
	ck_assert_str_eq(b, "2026-03-02");
	fmt_datetime_human((cminute)20514 * 1440 + 845, b);
	ck_assert_str_eq(b, "2026-03-02 14:05");
	fmt_datetime_human(NO_MINUTE, b);
	ck_assert_str_eq(b, "");
}
END_TEST

START_TEST(test_fmt_amount_csv)
{
	char b[24];
	fmt_amount_csv(123456, b);
	ck_assert_str_eq(b, "1234.56");
	fmt_amount_csv(-5, b);
	ck_assert_str_eq(b, "-0.05");
	fmt_amount_csv(0, b);
	ck_assert_str_eq(b, "0.00");
	fmt_amount_csv(100, b);
	ck_assert_str_eq(b, "1.00");
	fmt_amount_csv(-123456, b);
	ck_assert_str_eq(b, "-1234.56");
	fmt_amount_csv(INT64_MAX, b);
	ck_assert_str_eq(b, "92233720368547758.07");
	fmt_amount_csv(INT64_MIN, b);
	ck_assert_str_eq(b, "-92233720368547758.08");
}
END_TEST

START_TEST(test_fmt_amount_french)
{
	char b[32];
	lang_french = true;
	fmt_amount(123456, b);
	ck_assert_str_eq(b, "1 234,56 " EURO);
	fmt_amount(-123456, b);
	ck_assert_str_eq(b, "-1 234,56 " EURO);
	fmt_amount(0, b);
	ck_assert_str_eq(b, "0,00 " EURO);
	fmt_amount(5, b);
	ck_assert_str_eq(b, "0,05 " EURO);
	fmt_amount(-5, b);
	ck_assert_str_eq(b, "-0,05 " EURO);
	fmt_amount(99999, b);
	ck_assert_str_eq(b, "999,99 " EURO);
	fmt_amount(100000, b);
	ck_assert_str_eq(b, "1 000,00 " EURO);
	fmt_amount(100000000, b);
	ck_assert_str_eq(b, "1 000 000,00 " EURO);
	fmt_amount(INT64_MIN, b);
	ck_assert_str_eq(b, "-92 233 720 368 547 758,08 " EURO);
}
END_TEST

START_TEST(test_fmt_amount_english)
{
	char b[32];
	lang_french = false;
	fmt_amount(123456, b);
	ck_assert_str_eq(b, EURO "1,234.56");
	fmt_amount(-123456, b);
	ck_assert_str_eq(b, "-" EURO "1,234.56");
	fmt_amount(0, b);
	ck_assert_str_eq(b, EURO "0.00");
	fmt_amount(99999, b);
	ck_assert_str_eq(b, EURO "999.99");
	fmt_amount(100000000, b);
	ck_assert_str_eq(b, EURO "1,000,000.00");
	fmt_amount(INT64_MIN, b);
	ck_assert_str_eq(b, "-" EURO "92,233,720,368,547,758.08");
}
END_TEST

START_TEST(test_fmt_hundredths_percent)
{
	char b[24];
	fmt_hundredths(150, b);
	ck_assert_str_eq(b, "1.50");
	fmt_hundredths(0, b);
	ck_assert_str_eq(b, "0.00");
	fmt_hundredths(1200, b);
	ck_assert_str_eq(b, "12.00");
	lang_french = true;
	fmt_hundredths_human(150, b);
	ck_assert_str_eq(b, "1,5");
	fmt_hundredths_human(125, b);
	ck_assert_str_eq(b, "1,25");
	fmt_hundredths_human(200, b);
	ck_assert_str_eq(b, "2");
	fmt_hundredths_human(5, b);
	ck_assert_str_eq(b, "0,05");
	fmt_hundredths_human(1050, b);
	ck_assert_str_eq(b, "10,5");
	fmt_hundredths_human(0, b);
	ck_assert_str_eq(b, "0");
	lang_french = false;
	fmt_hundredths_human(150, b);
	ck_assert_str_eq(b, "1.5");
	fmt_hundredths_human(125, b);
	ck_assert_str_eq(b, "1.25");
	fmt_hundredths_human(200, b);
	ck_assert_str_eq(b, "2");

	char p[16];
	fmt_percent(550, p);
	ck_assert_str_eq(p, "5.5");
	fmt_percent(2000, p);
	ck_assert_str_eq(p, "20");
	fmt_percent(1000, p);
	ck_assert_str_eq(p, "10");
	fmt_percent(0, p);
	ck_assert_str_eq(p, "0");
	fmt_percent(1, p);
	ck_assert_str_eq(p, "0.01");
	fmt_percent(555, p);
	ck_assert_str_eq(p, "5.55");
	fmt_percent(10000, p);
	ck_assert_str_eq(p, "100");
}
END_TEST

/* Round trips: what one formatter writes, the matching parser reads back. */

START_TEST(test_round_trip_amounts)
{
	static const cents values[] = {0,        1,         5,          99,      100,
	                               1250,     -320,      123456,     -123456, 100000,
	                               99999999, 999999999, -999999999, 1000,    -1};
	for (int french = 0; french <= 1; french++) {
		lang_french = french;
		for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
			char b[32], csv[24];
			cents back = SENTINEL;
			fmt_amount(values[i], b);
			ck_assert_msg(parse_amount(b, &back) == NULL && back == values[i], "%s", b);
			fmt_amount_csv(values[i], csv);
			back = SENTINEL;
			ck_assert_msg(parse_amount(csv, &back) == NULL && back == values[i], "%s",
			              csv);
		}
	}
}
END_TEST

START_TEST(test_round_trip_dates)
{
	for (int french = 0; french <= 1; french++) {
		lang_french = french;
		for (cday d = cal_days(1900, 1, 1); d <= cal_days(2999, 12, 31); d += 7) {
			char b[11], h[11], t[17];
			cday back = SENTINEL, stored = SENTINEL;
			cminute tb = SENTINEL, mt = cal_at(d, (int)(d % 1440 + 1440) % 1440);
			fmt_date(d, b);
			fmt_date_human(d, h);
			fmt_datetime_human(mt, t);
			if (!date_from_text(b, &stored) || stored != d || parse_date(h, &back) ||
			    back != d || parse_datetime(t, &tb) || tb != mt)
				ck_abort_msg("round trip of %s / %s / %s", b, h, t);
		}
	}
}
END_TEST

START_TEST(test_round_trip_numbers)
{
	for (int french = 0; french <= 1; french++) {
		lang_french = french;
		for (int64_t v = 0; v <= 10000; v++) {
			char b[24], p[16];
			int64_t back = SENTINEL;
			int rate = SENTINEL;
			fmt_hundredths_human(v, b);
			fmt_percent((int)v, p);
			if (parse_hundredths(b, &back) || back != v || parse_percent(p, &rate) ||
			    rate != v)
				ck_abort_msg("round trip of %s / %s", b, p);
			fmt_hundredths(v, b);
			if (parse_hundredths(b, &back) || back != v)
				ck_abort_msg("round trip of %s", b);
		}
	}
}
END_TEST

/* Storage forms */

START_TEST(test_storage_forms)
{
	cday d = SENTINEL;
	cminute t = SENTINEL;
	ck_assert(date_from_text("2026-03-02", &d));
	ck_assert_int_eq(d, 20514);
	ck_assert(date_from_text("2024-02-29", &d));
	ck_assert(date_from_text("1900-01-01", NULL));
	d = SENTINEL;
	ck_assert(!date_from_text("2026-3-2", &d));
	ck_assert(!date_from_text("02/03/2026", &d));
	ck_assert(!date_from_text(" 2026-03-02", &d));
	ck_assert(!date_from_text("2026-03-02 ", &d));
	ck_assert(!date_from_text("2026-02-30", &d));
	ck_assert(!date_from_text("2025-02-29", &d));
	ck_assert(!date_from_text("2026-13-01", &d));
	ck_assert(!date_from_text("2026-00-01", &d));
	ck_assert(!date_from_text("2026-01-00", &d));
	ck_assert(!date_from_text("2026-0a-01", &d));
	ck_assert(!date_from_text("", &d));
	ck_assert(!date_from_text(NULL, &d));
	ck_assert_int_eq(d, SENTINEL);

	ck_assert(datetime_from_text("2026-03-02 14:05", &t));
	ck_assert(t == (cminute)20514 * 1440 + 845);
	ck_assert(datetime_from_text("2026-03-02 00:00", &t));
	ck_assert(datetime_from_text("2026-03-02 23:59", &t));
	t = SENTINEL;
	ck_assert(!datetime_from_text("2026-03-02T14:05", &t));
	ck_assert(!datetime_from_text("2026-03-02 24:00", &t));
	ck_assert(!datetime_from_text("2026-03-02 12:60", &t));
	ck_assert(!datetime_from_text("2026-03-02 9:05", &t));
	ck_assert(!datetime_from_text("2026-03-02 09:05:00", &t));
	ck_assert(!datetime_from_text("2026-02-29 10:00", &t));
	ck_assert(!datetime_from_text("2026-03-02", &t));
	ck_assert(!datetime_from_text("02/03/2026 14:05", &t));
	ck_assert(!datetime_from_text(NULL, &t));
	ck_assert(t == SENTINEL);
}
END_TEST

Suite *suite_parse(void)
{
	Suite *s = suite_create("parse");
	TCase *tc = tcase_create("dates and times");
	tcase_add_test(tc, test_date_forms);
	tcase_add_test(tc, test_date_impossible);
	tcase_add_test(tc, test_date_garbage);
	tcase_add_test(tc, test_clock);
	tcase_add_test(tc, test_datetime);
	tcase_add_test(tc, test_storage_forms);
	suite_add_tcase(s, tc);

	tc = tcase_create("numbers");
	tcase_add_test(tc, test_amount_forms);
	tcase_add_test(tc, test_amount_refused);
	tcase_add_test(tc, test_hundredths);
	tcase_add_test(tc, test_percent);
	tcase_add_test(tc, test_int);
	tcase_add_test(tc, test_flag);
	suite_add_tcase(s, tc);

	tc = tcase_create("phones");
	tcase_add_test(tc, test_phone_french);
	tcase_add_test(tc, test_phone_foreign);
	tcase_add_test(tc, test_phone_refused);
	tcase_add_test(tc, test_fmt_phone);
	suite_add_tcase(s, tc);

	tc = tcase_create("formatters");
	tcase_add_test(tc, test_fmt_dates);
	tcase_add_test(tc, test_fmt_amount_csv);
	tcase_add_test(tc, test_fmt_amount_french);
	tcase_add_test(tc, test_fmt_amount_english);
	tcase_add_test(tc, test_fmt_hundredths_percent);
	tcase_add_test(tc, test_round_trip_amounts);
	tcase_add_test(tc, test_round_trip_dates);
	tcase_add_test(tc, test_round_trip_numbers);
	suite_add_tcase(s, tc);
	return s;
}
