/* test_calendar.c — civil dates, French public holidays, and rules R1, R4, R5, R6. Expected
 * values are written out literally (published holiday dates, hand-checked weekdays). */
#include <check.h>
#include <string.h>

#include "charte/calendar.h"
#include "charte/parse.h"

static cday D(int y, int m, int d)
{
	return cal_days(y, m, d);
}

/* "YYYY-MM-DD HH:MM" -> minutes, failing the test on a typo in the test itself. */
static cminute T(const char *text)
{
	cminute t = 0;
	ck_assert_msg(datetime_from_text(text, &t), "bad test datetime %s", text);
	return t;
}

#define ck_assert_day(got, expect)                                                                 \
	do {                                                                                       \
		char b_[11];                                                                       \
		fmt_date(got, b_);                                                                 \
		ck_assert_str_eq(b_, expect);                                                      \
	} while (0)

#define ck_assert_minute(got, expect)                                                              \
	do {                                                                                       \
		char b_[17];                                                                       \
		fmt_datetime(got, b_);                                                             \
		ck_assert_str_eq(b_, expect);                                                      \
	} while (0)

/* The default desk: Monday to Friday 09:00-18:00, callback within 1 working day. */
static desk desk_default(void)
{
	return (desk){.opens = 9 * 60, .closes = 18 * 60, .delay_days = 1};
}

/* Civil dates */

START_TEST(test_days_known_values)
{
	ck_assert_int_eq(cal_days(1970, 1, 1), 0);
	ck_assert_int_eq(cal_days(1969, 12, 31), -1);
	ck_assert_int_eq(cal_days(2000, 1, 1), 10957);
	ck_assert_int_eq(cal_days(2026, 3, 2), 20514);
	ck_assert_int_eq(cal_days(1900, 1, 1), -25567);
	ck_assert_int_eq(cal_days(2999, 12, 31), 376199);
	ck_assert_int_eq(cal_days(2024, 3, 1) - cal_days(2024, 2, 28), 2);
	ck_assert_int_eq(cal_days(2025, 3, 1) - cal_days(2025, 2, 28), 1);
}
END_TEST

START_TEST(test_ymd_round_trip_1900_2999)
{
	/* Every day of the supported range maps back to a valid date, one day after the other.
	 * (Asserting only on failure: each passing ck_assert costs a message to the runner.) */
	int py = 1899, pm = 12, pd = 31;
	for (cday day = D(1900, 1, 1); day <= D(2999, 12, 31); day++) {
		int y, m, d;
		cal_ymd(day, &y, &m, &d);
		bool next = d == 1 ? pd == cal_month_length(py, pm) &&
		                         (m == pm + 1 || (m == 1 && pm == 12 && y == py + 1))
		                   : y == py && m == pm && d == pd + 1;
		if (!cal_valid(y, m, d) || cal_days(y, m, d) != day || !next)
			ck_abort_msg("day %d gives %d-%02d-%02d", (int)day, y, m, d);
		py = y, pm = m, pd = d;
	}
	ck_assert(py == 2999 && pm == 12 && pd == 31);
}
END_TEST

START_TEST(test_leap_and_month_length)
{
	ck_assert(cal_leap(2024));
	ck_assert(!cal_leap(2025));
	ck_assert(!cal_leap(1900));
	ck_assert(cal_leap(2000));
	ck_assert(!cal_leap(2100));
	ck_assert_int_eq(cal_month_length(2024, 2), 29);
	ck_assert_int_eq(cal_month_length(2025, 2), 28);
	ck_assert_int_eq(cal_month_length(2026, 1), 31);
	ck_assert_int_eq(cal_month_length(2026, 4), 30);
	ck_assert_int_eq(cal_month_length(2026, 12), 31);
	ck_assert_int_eq(cal_month_length(2026, 0), 0);
	ck_assert_int_eq(cal_month_length(2026, 13), 0);
	ck_assert(cal_valid(2024, 2, 29));
	ck_assert(!cal_valid(2025, 2, 29));
	ck_assert(!cal_valid(2026, 4, 31));
	ck_assert(!cal_valid(2026, 2, 30));
	ck_assert(!cal_valid(2026, 1, 0));
	ck_assert(!cal_valid(2026, 13, 1));
}
END_TEST

START_TEST(test_weekday)
{
	ck_assert_int_eq(cal_weekday(D(1970, 1, 1)), 4); /* Thursday */
	ck_assert_int_eq(cal_weekday(D(1969, 12, 28)), 7);
	ck_assert_int_eq(cal_weekday(D(1900, 1, 1)), 1);
	ck_assert_int_eq(cal_weekday(D(2000, 2, 29)), 2);
	ck_assert_int_eq(cal_weekday(D(2026, 3, 2)), 1);
	ck_assert_int_eq(cal_weekday(D(2026, 3, 6)), 5);
	ck_assert_int_eq(cal_weekday(D(2026, 3, 7)), 6);
	ck_assert_int_eq(cal_weekday(D(2026, 3, 8)), 7);
	ck_assert_int_eq(cal_weekday(D(2026, 7, 13)), 1);
}
END_TEST

START_TEST(test_minutes)
{
	cminute t = T("2026-03-02 14:05");
	ck_assert_int_eq(cal_day_of(t), 20514);
	ck_assert_int_eq(cal_minute_of_day(t), 14 * 60 + 5);
	ck_assert(cal_at(20514, 845) == t);
	ck_assert_int_eq(cal_day_of(cal_at(20514, 0)), 20514);
	ck_assert_int_eq(cal_day_of(cal_at(20514, 1439)), 20514);
	/* Before 1970 the minute still belongs to its own day. */
	ck_assert_int_eq(cal_day_of(-1), -1);
	ck_assert_int_eq(cal_minute_of_day(-1), 1439);
	ck_assert_int_eq(cal_day_of(-1440), -1);
	ck_assert_int_eq(cal_minute_of_day(-1440), 0);
}
END_TEST

/* Public holidays */

START_TEST(test_easter)
{
	/* Published Easter Sundays. */
	ck_assert_day(cal_easter(1913), "1913-03-23");
	ck_assert_day(cal_easter(1943), "1943-04-25");
	ck_assert_day(cal_easter(2000), "2000-04-23");
	ck_assert_day(cal_easter(2008), "2008-03-23");
	ck_assert_day(cal_easter(2011), "2011-04-24");
	ck_assert_day(cal_easter(2019), "2019-04-21");
	ck_assert_day(cal_easter(2024), "2024-03-31");
	ck_assert_day(cal_easter(2025), "2025-04-20");
	ck_assert_day(cal_easter(2026), "2026-04-05");
	ck_assert_day(cal_easter(2038), "2038-04-25");
	ck_assert_day(cal_easter(2285), "2285-03-22");
	for (int y = 1900; y <= 2999; y++) {
		cday e = cal_easter(y);
		if (cal_weekday(e) != 7 || e < D(y, 3, 22) || e > D(y, 4, 25))
			ck_abort_msg("Easter %d", y);
	}
}
END_TEST

/* The published French public holidays, 2024 to 2032: the movable ones per year, as printed
 * by service-public.fr, then the fixed ones. */
static const struct {
	int year;
	int easter_monday[2], ascension[2], whit_monday[2]; /* month, day */
} movable[] = {
    {2024, {4, 1}, {5, 9}, {5, 20}},   {2025, {4, 21}, {5, 29}, {6, 9}},
    {2026, {4, 6}, {5, 14}, {5, 25}},  {2027, {3, 29}, {5, 6}, {5, 17}},
    {2028, {4, 17}, {5, 25}, {6, 5}},  {2029, {4, 2}, {5, 10}, {5, 21}},
    {2030, {4, 22}, {5, 30}, {6, 10}}, {2031, {4, 14}, {5, 22}, {6, 2}},
    {2032, {3, 29}, {5, 6}, {5, 17}},
};

static const struct {
	int m, d;
	const char *name;
} fixed[] = {
    {1, 1, "New Year's Day"},  {5, 1, "Labour Day"},      {5, 8, "Victory in Europe Day"},
    {7, 14, "Bastille Day"},   {8, 15, "Assumption Day"}, {11, 1, "All Saints' Day"},
    {11, 11, "Armistice Day"}, {12, 25, "Christmas Day"},
};

START_TEST(test_holidays_2024_2032)
{
	for (size_t i = 0; i < sizeof movable / sizeof movable[0]; i++) {
		int y = movable[i].year;
		cday em = D(y, movable[i].easter_monday[0], movable[i].easter_monday[1]);
		cday asc = D(y, movable[i].ascension[0], movable[i].ascension[1]);
		cday wm = D(y, movable[i].whit_monday[0], movable[i].whit_monday[1]);
		ck_assert_pstr_eq(cal_holiday(em), "Easter Monday");
		ck_assert_pstr_eq(cal_holiday(asc), "Ascension Day");
		ck_assert_pstr_eq(cal_holiday(wm), "Whit Monday");
		ck_assert_int_eq(cal_weekday(em), 1);
		ck_assert_int_eq(cal_weekday(asc), 4);
		ck_assert_int_eq(cal_weekday(wm), 1);
		for (size_t f = 0; f < sizeof fixed / sizeof fixed[0]; f++)
			ck_assert_pstr_eq(cal_holiday(D(y, fixed[f].m, fixed[f].d)), fixed[f].name);

		/* Exactly these 11 days of the year, and no other. */
		int count = 0;
		for (cday day = D(y, 1, 1); day <= D(y, 12, 31); day++) {
			int m, d;
			cal_ymd(day, NULL, &m, &d);
			bool expected = day == em || day == asc || day == wm;
			for (size_t f = 0; f < sizeof fixed / sizeof fixed[0]; f++)
				expected |= fixed[f].m == m && fixed[f].d == d;
			if ((cal_holiday(day) != NULL) != expected)
				ck_abort_msg("%d-%02d-%02d", y, m, d);
			count += cal_holiday(day) != NULL;
		}
		ck_assert_int_eq(count, 11);
	}
}
END_TEST

START_TEST(test_not_holidays)
{
	/* Days people sometimes take for holidays, and ordinary days. */
	ck_assert_ptr_null(cal_holiday(D(2026, 4, 5)));   /* Easter Sunday */
	ck_assert_ptr_null(cal_holiday(D(2026, 4, 3)));   /* Good Friday (Alsace-Moselle only) */
	ck_assert_ptr_null(cal_holiday(D(2026, 5, 24)));  /* Whit Sunday */
	ck_assert_ptr_null(cal_holiday(D(2026, 12, 26))); /* St Stephen (Alsace-Moselle only) */
	ck_assert_ptr_null(cal_holiday(D(2026, 12, 24)));
	ck_assert_ptr_null(cal_holiday(D(2026, 12, 31)));
	ck_assert_ptr_null(cal_holiday(D(2026, 1, 2)));
	ck_assert_ptr_null(cal_holiday(D(2026, 3, 2)));
	ck_assert_ptr_null(cal_holiday(D(2026, 7, 13)));
	ck_assert_ptr_null(cal_holiday(D(2026, 7, 15)));
	ck_assert_ptr_null(cal_holiday(D(2026, 11, 2)));
}
END_TEST

START_TEST(test_ascension_on_may_day)
{
	/* 2008: Easter 23 March, so Ascension fell on 1 May: one day, ten holidays that year. */
	ck_assert_ptr_nonnull(cal_holiday(D(2008, 5, 1)));
	ck_assert_pstr_eq(cal_holiday(D(2008, 5, 12)), "Whit Monday");
	int count = 0;
	for (cday day = D(2008, 1, 1); day <= D(2008, 12, 31); day++)
		count += cal_holiday(day) != NULL;
	ck_assert_int_eq(count, 10);
}
END_TEST

/* Working days and the desk */

START_TEST(test_working_day)
{
	desk k = desk_default();
	cday closed[] = {D(2026, 3, 9)};
	ck_assert(cal_working_day(&k, D(2026, 3, 2)));
	ck_assert(cal_working_day(&k, D(2026, 3, 6)));
	ck_assert(!cal_working_day(&k, D(2026, 3, 7)));
	ck_assert(!cal_working_day(&k, D(2026, 3, 8)));
	ck_assert(!cal_working_day(&k, D(2026, 7, 14)));
	ck_assert(cal_working_day(&k, D(2026, 3, 9)));
	k.closed = closed;
	k.nclosed = 1;
	ck_assert(!cal_working_day(&k, D(2026, 3, 9)));
	ck_assert(cal_working_day(&k, D(2026, 3, 10)));
	ck_assert(cal_working_day(NULL, D(2026, 3, 9)));
}
END_TEST

START_TEST(test_desk_open)
{
	desk k = desk_default();
	ck_assert(!cal_desk_open(&k, T("2026-03-03 08:59")));
	ck_assert(cal_desk_open(&k, T("2026-03-03 09:00")));
	ck_assert(cal_desk_open(&k, T("2026-03-03 17:59")));
	ck_assert(!cal_desk_open(&k, T("2026-03-03 18:00")));
	ck_assert(!cal_desk_open(&k, T("2026-03-07 10:00")));
	ck_assert(!cal_desk_open(&k, T("2026-07-14 10:00")));
	ck_assert_minute(cal_next_opening(&k, T("2026-03-03 10:00")), "2026-03-03 10:00");
	ck_assert_minute(cal_next_opening(&k, T("2026-03-03 00:00")), "2026-03-03 09:00");
	ck_assert_minute(cal_next_opening(&k, T("2026-03-03 18:00")), "2026-03-04 09:00");
	ck_assert_minute(cal_next_opening(&k, T("2026-03-06 18:30")), "2026-03-09 09:00");
	ck_assert_minute(cal_next_opening(&k, T("2026-03-08 08:00")), "2026-03-09 09:00");
	ck_assert_minute(cal_next_opening(&k, T("2026-12-31 20:00")), "2027-01-04 09:00");
}
END_TEST

START_TEST(test_add_working_days)
{
	desk k = desk_default();
	cday closed[] = {D(2026, 3, 10)};
	ck_assert_day(cal_add_working_days(&k, D(2026, 3, 7), 0), "2026-03-07");
	ck_assert_day(cal_add_working_days(&k, D(2026, 3, 2), 1), "2026-03-03");
	ck_assert_day(cal_add_working_days(&k, D(2026, 3, 6), 1), "2026-03-09");
	ck_assert_day(cal_add_working_days(&k, D(2026, 3, 6), 5), "2026-03-13");
	ck_assert_day(cal_add_working_days(&k, D(2026, 3, 7), 1), "2026-03-09");
	ck_assert_day(cal_add_working_days(&k, D(2026, 4, 3), 1), "2026-04-07");
	k.closed = closed;
	k.nclosed = 1;
	ck_assert_day(cal_add_working_days(&k, D(2026, 3, 9), 1), "2026-03-11");
}
END_TEST

/* R1: callback due */

START_TEST(test_r1_open_desk)
{
	desk k = desk_default();
	/* Open: same clock time, next working day. */
	ck_assert_minute(cal_callback_due(&k, T("2026-03-02 10:00")), "2026-03-03 10:00");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-03 09:00")), "2026-03-04 09:00");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-06 17:00")), "2026-03-09 17:00");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-03 17:59")), "2026-03-04 17:59");
}
END_TEST

START_TEST(test_r1_closed_desk)
{
	desk k = desk_default();
	/* 18:00 is closed: received Wednesday 09:00, due Thursday 09:00. */
	ck_assert_minute(cal_callback_due(&k, T("2026-03-03 18:00")), "2026-03-05 09:00");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-03 19:00")), "2026-03-05 09:00");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-03 23:59")), "2026-03-05 09:00");
	/* Before opening: received the same day at 09:00. */
	ck_assert_minute(cal_callback_due(&k, T("2026-03-03 08:59")), "2026-03-04 09:00");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-03 00:00")), "2026-03-04 09:00");
	/* Weekend: received Monday 09:00, due Tuesday 09:00. */
	ck_assert_minute(cal_callback_due(&k, T("2026-03-07 10:00")), "2026-03-10 09:00");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-08 23:59")), "2026-03-10 09:00");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-06 18:00")), "2026-03-10 09:00");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-09 08:30")), "2026-03-10 09:00");
}
END_TEST

START_TEST(test_r1_holidays)
{
	desk k = desk_default();
	/* Monday 13 July 2026: 14 July is skipped. */
	ck_assert_minute(cal_callback_due(&k, T("2026-07-13 10:00")), "2026-07-15 10:00");
	/* A call on the holiday itself: received Wednesday 09:00, due Thursday 09:00. */
	ck_assert_minute(cal_callback_due(&k, T("2026-07-14 10:00")), "2026-07-16 09:00");
	/* Good Friday is a working day, Easter Monday is not. */
	ck_assert_minute(cal_callback_due(&k, T("2026-04-03 12:00")), "2026-04-07 12:00");
	/* Wednesday before Ascension Thursday. */
	ck_assert_minute(cal_callback_due(&k, T("2026-05-13 16:00")), "2026-05-15 16:00");
	/* Christmas Eve, Thursday: Friday 25 December and the weekend are skipped. */
	ck_assert_minute(cal_callback_due(&k, T("2026-12-24 17:30")), "2026-12-28 17:30");
	/* New Year's Eve after closing: 1 January is a Friday holiday. */
	ck_assert_minute(cal_callback_due(&k, T("2026-12-31 18:30")), "2027-01-05 09:00");
}
END_TEST

START_TEST(test_r1_delay_two)
{
	desk k = desk_default();
	k.delay_days = 2;
	ck_assert_minute(cal_callback_due(&k, T("2026-03-02 10:00")), "2026-03-04 10:00");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-06 17:00")), "2026-03-10 17:00");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-07 10:00")), "2026-03-11 09:00");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-03 19:00")), "2026-03-06 09:00");
	ck_assert_minute(cal_callback_due(&k, T("2026-07-13 10:00")), "2026-07-16 10:00");
}
END_TEST

START_TEST(test_r1_closures)
{
	desk k = desk_default();
	/* A closure on the Monday after a Friday call. */
	cday monday[] = {D(2026, 3, 9)};
	k.closed = monday;
	k.nclosed = 1;
	ck_assert_minute(cal_callback_due(&k, T("2026-03-06 17:00")), "2026-03-10 17:00");
	/* A call on the closure day itself counts from Tuesday's opening. */
	ck_assert_minute(cal_callback_due(&k, T("2026-03-09 10:00")), "2026-03-11 09:00");
	/* The day before a closure skips it like a holiday. */
	cday thursday[] = {D(2026, 3, 5)};
	k.closed = thursday;
	ck_assert_minute(cal_callback_due(&k, T("2026-03-04 11:00")), "2026-03-06 11:00");
	/* Several closures, in any order. */
	cday two[] = {D(2026, 3, 10), D(2026, 3, 9)};
	k.closed = two;
	k.nclosed = 2;
	ck_assert_minute(cal_callback_due(&k, T("2026-03-06 17:00")), "2026-03-11 17:00");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-07 10:00")), "2026-03-12 09:00");
}
END_TEST

START_TEST(test_r1_other_hours)
{
	/* A morning desk, 08:30-12:00. */
	desk k = {.opens = 8 * 60 + 30, .closes = 12 * 60, .delay_days = 1};
	ck_assert_minute(cal_callback_due(&k, T("2026-03-02 08:30")), "2026-03-03 08:30");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-02 11:59")), "2026-03-03 11:59");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-02 12:00")), "2026-03-04 08:30");
	ck_assert_minute(cal_callback_due(&k, T("2026-03-02 08:29")), "2026-03-03 08:30");
}
END_TEST

/* R4: withdrawal period */

START_TEST(test_r4_withdrawal)
{
	/* Ends on a working day: unchanged. */
	ck_assert_day(cal_withdrawal_end(D(2026, 3, 2), 14), "2026-03-16");
	/* Ends on a Saturday, on a Sunday: the Monday. */
	ck_assert_day(cal_withdrawal_end(D(2026, 3, 7), 14), "2026-03-23");
	ck_assert_day(cal_withdrawal_end(D(2026, 3, 8), 14), "2026-03-23");
	/* Ends on Friday 8 May 2026 (holiday) then a weekend: Monday 11 May. */
	ck_assert_day(cal_withdrawal_end(D(2026, 4, 24), 14), "2026-05-11");
	/* Ends on a Saturday before Easter Monday: Tuesday. */
	ck_assert_day(cal_withdrawal_end(D(2026, 3, 21), 14), "2026-04-07");
	/* Ends on Ascension Thursday: Friday. */
	ck_assert_day(cal_withdrawal_end(D(2026, 4, 30), 14), "2026-05-15");
	/* Across the year end: Friday 1 January 2027, then the weekend. */
	ck_assert_day(cal_withdrawal_end(D(2026, 12, 18), 14), "2027-01-04");
	/* The charter's old 7 days: Friday 25 December, then the weekend. */
	ck_assert_day(cal_withdrawal_end(D(2026, 12, 18), 7), "2026-12-28");
	/* Signed on a Saturday, ending on a weekday. */
	ck_assert_day(cal_withdrawal_end(D(2026, 3, 7), 10), "2026-03-17");
}
END_TEST

START_TEST(test_r4_closures_do_not_count)
{
	/* 16 March is an agency closure, so not a working day, yet the legal deadline stays. */
	desk k = desk_default();
	cday closed[] = {D(2026, 3, 16)};
	k.closed = closed;
	k.nclosed = 1;
	ck_assert(!cal_working_day(&k, D(2026, 3, 16)));
	ck_assert_day(cal_withdrawal_end(D(2026, 3, 2), 14), "2026-03-16");
}
END_TEST

/* R5: month end */

START_TEST(test_r5_month_end)
{
	ck_assert_day(cal_month_end(D(2026, 1, 15)), "2026-01-31");
	ck_assert_day(cal_month_end(D(2026, 1, 31)), "2026-01-31");
	ck_assert_day(cal_month_end(D(2026, 4, 1)), "2026-04-30");
	ck_assert_day(cal_month_end(D(2026, 6, 30)), "2026-06-30");
	ck_assert_day(cal_month_end(D(2026, 9, 10)), "2026-09-30");
	ck_assert_day(cal_month_end(D(2024, 2, 1)), "2024-02-29");
	ck_assert_day(cal_month_end(D(2025, 2, 14)), "2025-02-28");
	ck_assert_day(cal_month_end(D(2000, 2, 14)), "2000-02-29");
	ck_assert_day(cal_month_end(D(1900, 2, 14)), "1900-02-28");
	ck_assert_day(cal_month_end(D(2026, 12, 1)), "2026-12-31");
	ck_assert_day(cal_month_end(D(2026, 12, 31)), "2026-12-31");
}
END_TEST

/* R6: same day n months later */

START_TEST(test_r6_add_months)
{
	ck_assert_day(cal_add_months(D(2026, 3, 15), 1), "2026-04-15");
	ck_assert_day(cal_add_months(D(2026, 3, 15), 0), "2026-03-15");
	ck_assert_day(cal_add_months(D(2026, 1, 31), 1), "2026-02-28");
	ck_assert_day(cal_add_months(D(2024, 1, 31), 1), "2024-02-29");
	ck_assert_day(cal_add_months(D(2024, 1, 30), 1), "2024-02-29");
	ck_assert_day(cal_add_months(D(2026, 3, 31), 1), "2026-04-30");
	ck_assert_day(cal_add_months(D(2026, 8, 31), 1), "2026-09-30");
	ck_assert_day(cal_add_months(D(2026, 5, 31), 1), "2026-06-30");
	ck_assert_day(cal_add_months(D(2026, 11, 15), 2), "2027-01-15");
	ck_assert_day(cal_add_months(D(2026, 12, 31), 1), "2027-01-31");
	ck_assert_day(cal_add_months(D(2026, 12, 31), 2), "2027-02-28");
	ck_assert_day(cal_add_months(D(2027, 12, 31), 2), "2028-02-29");
	ck_assert_day(cal_add_months(D(2026, 10, 31), 4), "2027-02-28");
	/* Anniversaries of 29 February. */
	ck_assert_day(cal_add_months(D(2024, 2, 29), 12), "2025-02-28");
	ck_assert_day(cal_add_months(D(2024, 2, 29), 48), "2028-02-29");
	/* Backwards. */
	ck_assert_day(cal_add_months(D(2026, 3, 15), -3), "2025-12-15");
	ck_assert_day(cal_add_months(D(2026, 3, 31), -1), "2026-02-28");
}
END_TEST

Suite *suite_calendar(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("dates");
	tcase_add_test(tc, test_days_known_values);
	tcase_add_test(tc, test_ymd_round_trip_1900_2999);
	tcase_add_test(tc, test_leap_and_month_length);
	tcase_add_test(tc, test_weekday);
	tcase_add_test(tc, test_minutes);
	suite_add_tcase(s, tc);

	tc = tcase_create("holidays");
	tcase_add_test(tc, test_easter);
	tcase_add_test(tc, test_holidays_2024_2032);
	tcase_add_test(tc, test_not_holidays);
	tcase_add_test(tc, test_ascension_on_may_day);
	suite_add_tcase(s, tc);

	tc = tcase_create("desk");
	tcase_add_test(tc, test_working_day);
	tcase_add_test(tc, test_desk_open);
	tcase_add_test(tc, test_add_working_days);
	suite_add_tcase(s, tc);

	tc = tcase_create("R1");
	tcase_add_test(tc, test_r1_open_desk);
	tcase_add_test(tc, test_r1_closed_desk);
	tcase_add_test(tc, test_r1_holidays);
	tcase_add_test(tc, test_r1_delay_two);
	tcase_add_test(tc, test_r1_closures);
	tcase_add_test(tc, test_r1_other_hours);
	suite_add_tcase(s, tc);

	tc = tcase_create("R4-R6");
	tcase_add_test(tc, test_r4_withdrawal);
	tcase_add_test(tc, test_r4_closures_do_not_count);
	tcase_add_test(tc, test_r5_month_end);
	tcase_add_test(tc, test_r6_add_months);
	suite_add_tcase(s, tc);
	return s;
}
