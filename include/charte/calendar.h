/* calendar.h — civil dates, French public holidays, working days, and rules R1, R4, R5, R6.
 * Pure functions: no storage, no clock, no printing. */
#ifndef CHARTE_CALENDAR_H
#define CHARTE_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "charte/parse.h"

cday cal_days(int y, int m, int d); /* no validation: see cal_valid */
void cal_ymd(cday day, int *y, int *m, int *d);
bool cal_valid(int y, int m, int d);
int cal_month_length(int y, int m);
bool cal_leap(int y);
int cal_weekday(cday day); /* 1 = Monday .. 7 = Sunday */
cday cal_day_of(cminute t);
int cal_minute_of_day(cminute t);
cminute cal_at(cday day, int minute_of_day);

/* Easter Sunday of year y (anonymous Gregorian algorithm). */
cday cal_easter(int y);
/* The French public holiday on this day (an untranslated name, e.g. "Easter Monday"), or NULL:
 * 1 Jan, Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 Jul, 15 Aug, 1 Nov, 11 Nov,
 * 25 Dec. */
const char *cal_holiday(cday day);

/* The desk: opening hours, closure dates, callback delay (from the settings). */
typedef struct desk {
	int opens, closes;   /* minutes after midnight; open on [opens, closes) */
	const cday *closed;  /* agency closure dates, any order */
	size_t nclosed;
	int delay_days;      /* callback delay in working days (R1), >= 1 */
} desk;

/* Monday to Friday, not a public holiday, not a closure date. */
bool cal_working_day(const desk *k, cday day);
/* The desk is open at t: a working day and opens <= time < closes. */
bool cal_desk_open(const desk *k, cminute t);
/* t itself when the desk is open, else the next opening. */
cminute cal_next_opening(const desk *k, cminute t);
/* The working day n working days after day (n >= 0; n = 0 gives day itself). */
cday cal_add_working_days(const desk *k, cday day, int n);
/* R1: when a callback asked for at t is due. A call while the desk is open is due at the same
 * clock time delay_days working days later; a call while it is closed counts as received at the
 * next opening, and is due at that clock time delay_days working days after that. */
cminute cal_callback_due(const desk *k, cminute t);

/* R4: the last day of the withdrawal period for a contract signed on `signed_on`: `days` days
 * later, moved forward past Saturdays, Sundays and public holidays (closure dates do not
 * count). */
cday cal_withdrawal_end(cday signed_on, int days);
/* R5: the last day of the month of `notice`. */
cday cal_month_end(cday notice);
/* R6: the same day number n months later, clamped to the end of that month. */
cday cal_add_months(cday day, int n);

#endif
