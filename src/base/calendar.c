/* calendar.c — civil dates, French public holidays, working days, rules R1, R4, R5, R6. */
#include "charte/calendar.h"

#include <stdint.h>

#include "charte/util.h"

#define MINUTES_PER_DAY 1440

/* Division and remainder rounding towards minus infinity, so that days before 1970 and
 * minutes before midnight land on the right day. */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static int64_t floor_mod(int64_t a, int64_t b)
{
	return a - floor_div(a, b) * b;
}

/* Howard Hinnant's days_from_civil, in 64 bits so that garbage years cannot overflow. */
cday cal_days(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = floor_div(yy, 400);
	int64_t yoe = yy - era * 400;
	int64_t mp = ((int64_t)m + 9) % 12;
	int64_t doy = (153 * mp + 2) / 5 + (int64_t)d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (cday)(era * 146097 + doe - 719468);
}

/* Howard Hinnant's civil_from_days. */
void cal_ymd(cday day, int *y, int *m, int *d)
{
	int64_t z = (int64_t)day + 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t dd = doy - (153 * mp + 2) / 5 + 1;
	int64_t mm = mp < 10 ? mp + 3 : mp - 9;
	int64_t yy = yoe + era * 400 + (mm <= 2);
	if (y)
		*y = (int)yy;
	if (m)
		*m = (int)mm;
	if (d)
		*d = (int)dd;
}

bool cal_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int cal_month_length(int y, int m)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && cal_leap(y) ? 29 : len[m - 1];
}

/* A real calendar date; the year range (1900..2999 for input) is the parsers' business. */
bool cal_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= cal_month_length(y, m);
}

int cal_weekday(cday day)
{
	/* 1970-01-01 was a Thursday (4). */
	return (int)floor_mod((int64_t)day + 3, 7) + 1;
}

cday cal_day_of(cminute t)
{
	return (cday)floor_div(t, MINUTES_PER_DAY);
}

int cal_minute_of_day(cminute t)
{
	return (int)floor_mod(t, MINUTES_PER_DAY);
}

cminute cal_at(cday day, int minute_of_day)
{
	return (cminute)day * MINUTES_PER_DAY + minute_of_day;
}

/* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
cday cal_easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100;
	int d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;
	return cal_days(y, month, day);
}

const char *cal_holiday(cday day)
{
	static const struct {
		int m, d;
		const char *name;
	} fixed[] = {
	    {1, 1, N_("New Year's Day")},        {5, 1, N_("Labour Day")},
	    {5, 8, N_("Victory in Europe Day")}, {7, 14, N_("Bastille Day")},
	    {8, 15, N_("Assumption Day")},       {11, 1, N_("All Saints' Day")},
	    {11, 11, N_("Armistice Day")},       {12, 25, N_("Christmas Day")},
	};
	int y, m, d;
	cal_ymd(day, &y, &m, &d);
	for (size_t i = 0; i < ARRAY_LEN(fixed); i++)
		if (fixed[i].m == m && fixed[i].d == d)
			return fixed[i].name;
	/* The movable feasts all fall between late March and mid June. */
	if (m < 3 || m > 6)
		return NULL;
	int64_t after_easter = (int64_t)day - cal_easter(y);
	if (after_easter == 1)
		return N_("Easter Monday");
	if (after_easter == 39)
		return N_("Ascension Day");
	if (after_easter == 50)
		return N_("Whit Monday");
	return NULL;
}

static bool closure_date(const desk *k, cday day)
{
	if (!k || !k->closed)
		return false;
	for (size_t i = 0; i < k->nclosed; i++)
		if (k->closed[i] == day)
			return true;
	return false;
}

bool cal_working_day(const desk *k, cday day)
{
	return cal_weekday(day) <= 5 && !cal_holiday(day) && !closure_date(k, day);
}

bool cal_desk_open(const desk *k, cminute t)
{
	int minute = cal_minute_of_day(t);
	return k && minute >= k->opens && minute < k->closes && cal_working_day(k, cal_day_of(t));
}

/* The first working day after `day`. Weekends, holidays and closures are finite, so this ends;
 * the bound only guards against a corrupt closure list. */
static cday next_working_day(const desk *k, cday day)
{
	int64_t limit = 64 + 3 * (int64_t)(k ? k->nclosed : 0);
	do
		day++;
	while (!cal_working_day(k, day) && --limit > 0);
	return day;
}

cminute cal_next_opening(const desk *k, cminute t)
{
	if (!k || cal_desk_open(k, t))
		return t;
	cday day = cal_day_of(t);
	if (!cal_working_day(k, day) || cal_minute_of_day(t) >= k->opens)
		day = next_working_day(k, day);
	return cal_at(day, k->opens);
}

cday cal_add_working_days(const desk *k, cday day, int n)
{
	for (int i = 0; i < n; i++)
		day = next_working_day(k, day);
	return day;
}

cminute cal_callback_due(const desk *k, cminute t)
{
	if (!k)
		return t;
	/* A call while closed is received at the next opening; from then on both cases agree. */
	cminute received = cal_next_opening(k, t);
	cday day = cal_add_working_days(k, cal_day_of(received), k->delay_days);
	return cal_at(day, cal_minute_of_day(received));
}

cday cal_withdrawal_end(cday signed_on, int days)
{
	cday end = (cday)((int64_t)signed_on + days);
	/* Only weekends and public holidays move a legal deadline, never an agency closure. */
	while (cal_weekday(end) >= 6 || cal_holiday(end))
		end++;
	return end;
}

cday cal_month_end(cday notice)
{
	int y, m, d;
	cal_ymd(notice, &y, &m, &d);
	return cal_days(y, m, cal_month_length(y, m));
}

cday cal_add_months(cday day, int n)
{
	int y, m, d;
	cal_ymd(day, &y, &m, &d);
	int64_t months = (int64_t)y * 12 + (m - 1) + n;
	int ny = (int)floor_div(months, 12), nm = (int)floor_mod(months, 12) + 1;
	int len = cal_month_length(ny, nm);
	return cal_days(ny, nm, d > len ? len : d);
}
