/* parse.h — the one parser and formatter for each kind of value, shared by the command line,
 * the screens and the importer. Every parse_* returns NULL on success, else an untranslated
 * reason (a message id: show it with _()), and leaves *out untouched on failure. */
#ifndef CHARTE_PARSE_H
#define CHARTE_PARSE_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

typedef int32_t cday;    /* days since 1970-01-01, proleptic Gregorian, no time zone */
typedef int64_t cminute; /* minutes since 1970-01-01 00:00, agency wall-clock time */
typedef int64_t cents;   /* money: integer cents (R2) */

#define NO_DAY INT32_MIN
#define NO_MINUTE INT64_MIN

/* YYYY-MM-DD or DD/MM/YYYY (also D/M/YYYY); years 1900..2999; impossible dates refused. */
const char *parse_date(const char *s, cday *out);
/* HH:MM, H:MM, 9h, 9h30, 09H30; 00:00..23:59. Result in minutes after midnight. */
const char *parse_clock(const char *s, int *out);
/* A date and a time separated by a space or 'T' ("2026-03-02 14:05", "02/03/2026 14:05"). */
const char *parse_datetime(const char *s, cminute *out);
/* Amounts: "1234.56", "1234,56", "1 234,56", "1234", "12,5", optional "€"/"EUR", optional
 * leading '-'; spaces, no-break spaces and narrow no-break spaces group thousands; at most two
 * decimals. Result in cents. */
const char *parse_amount(const char *s, cents *out);
/* Decimal numbers with at most two decimals ("1.5", "1,5", "12"): result in hundredths.
 * Negative values are refused. Used for hours and quantities. */
const char *parse_hundredths(const char *s, int64_t *out);
/* A VAT rate as a percentage ("5.5", "5,5", "20", "5,5 %"): hundredths of a percent (550).
 * 0..100 %. */
const char *parse_percent(const char *s, int *out);
/* Phone numbers: French national ("01 23 45 67 89", "01.23.45.67.89", "0123456789"),
 * international ("+33 1 23 45 67 89", "+33 (0)1 23 45 67 89", "0033 1 23 45 67 89") and other
 * countries ("+44 20 7946 0958"). Normal form: '+' and digits ("+33123456789"), at most 16
 * bytes with the NUL. */
const char *parse_phone(const char *s, char out[static 17]);
/* A whole number in [min, max]. */
const char *parse_int(const char *s, long min, long max, long *out);
/* A yes/no flag: 1/0, yes/no, oui/non, true/false, y/n, o/n (any case). */
const char *parse_flag(const char *s, bool *out);

/* Formatting. Buffers are at least the size given. */
void fmt_date(cday d, char out[static 11]);           /* YYYY-MM-DD, "" for NO_DAY */
void fmt_date_human(cday d, char out[static 11]);     /* DD/MM/YYYY in French, else YYYY-MM-DD */
void fmt_clock(int minutes, char out[static 6]);      /* HH:MM */
void fmt_datetime(cminute t, char out[static 17]);    /* YYYY-MM-DD HH:MM, "" for NO_MINUTE */
void fmt_datetime_human(cminute t, char out[static 17]);
void fmt_amount_csv(cents c, char out[static 24]);    /* 1234.56, -0.05 */
/* For people: "1 234,56 €" in French, "€1,234.56" in English (lang_french). */
void fmt_amount(cents c, char out[static 32]);
void fmt_hundredths(int64_t h, char out[static 24]);  /* 1.5 -> "1.50" (CSV), */
void fmt_hundredths_human(int64_t h, char out[static 24]); /* "1,5" in French, "1.5" else */
void fmt_percent(int hundredths, char out[static 16]); /* 550 -> "5.5" */
/* "+33123456789" -> "01 23 45 67 89"; other numbers as stored. */
void fmt_phone(const char *normal, char out[static 32]);

/* Storage forms (the same as CSV): text <-> values. Return false on a malformed value. */
bool date_from_text(const char *s, cday *out);        /* exactly YYYY-MM-DD */
bool datetime_from_text(const char *s, cminute *out); /* exactly YYYY-MM-DD HH:MM */

#endif
