/* parse.c — one parser and one formatter per kind of value. Parsers work on [b, e) spans of the
 * caller's text: no allocation and no locale-dependent calls (strtod and isspace would follow
 * LC_NUMERIC and LC_CTYPE); every number is accumulated against a bound, so garbage cannot
 * overflow. */
#include "charte/parse.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "charte/calendar.h"
#include "charte/util.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2999
/* Bounds keep R2's products (quantity x price x rate) far inside 64 bits. */
#define AMOUNT_MAX       999999999LL /* 9 999 999,99 € */
#define HUNDREDTHS_MAX   9999999LL   /* 99 999,99 */
#define PERCENT_MAX      10000LL     /* 100 % */
#define PHONE_MAX_DIGITS 15          /* E.164 */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Length of the white space character at p (ASCII, U+00A0 or U+202F), 0 if none. */
static size_t space_at(const char *p, const char *e)
{
	const unsigned char *u = (const unsigned char *)p;
	if (p >= e)
		return 0;
	if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		return 1;
	if (e - p >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (e - p >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
		return 3;
	return 0;
}

/* Length of the white space character ending at e, 0 if none. */
static size_t space_before(const char *b, const char *e)
{
	for (size_t n = 1; n <= 3 && (size_t)(e - b) >= n; n++)
		if (space_at(e - n, e) == n)
			return n;
	return 0;
}

static void trim(const char **b, const char **e)
{
	size_t n;
	while ((n = space_at(*b, *e)))
		*b += n;
	while ((n = space_before(*b, *e)))
		*e -= n;
}

/* Sets [*b, *e) to s without surrounding white space; false for NULL (an empty span). */
static bool span_of(const char *s, const char **b, const char **e)
{
	if (!s) {
		*b = *e = "";
		return false;
	}
	*b = s;
	*e = s + strlen(s);
	trim(b, e);
	return true;
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* [b, e) equals word, ignoring ASCII case. */
static bool span_is(const char *b, const char *e, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(e - b) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower(b[i]) != word[i])
			return false;
	return true;
}

/* Reads 1..max digits at *p (not past e) into *v; returns how many were read (0 if none, or
 * max + 1 when there are more, which callers refuse). */
static int read_digits(const char **p, const char *e, int max, int *v)
{
	int n = 0, val = 0;
	while (*p < e && is_digit(**p)) {
		if (n == max)
			return max + 1;
		val = val * 10 + (**p - '0');
		n++;
		(*p)++;
	}
	*v = val;
	return n;
}

/* Reads 1..max digits at *p into *v, then the separator sep (0: the end of the span, e) and
 * steps past it; returns how many digits were read, 0 when the part is not that. */
static int read_part(const char **p, const char *e, int max, int *v, char sep)
{
	int n = read_digits(p, e, max, v);
	if (n < 1 || n > max)
		return 0;
	if (!sep)
		return *p == e ? n : 0;
	if (*p == e || **p != sep)
		return 0;
	(*p)++;
	return n;
}

/* Dates */

static const char *date_span(const char *b, const char *e, cday *out)
{
	static const char *bad = N_("not a date: use YYYY-MM-DD or DD/MM/YYYY");
	const char *p = b;
	int y = 0, m = 0, d = 0, n;
	if (b == e)
		return N_("no date given: use YYYY-MM-DD or DD/MM/YYYY");
	if (read_part(&p, e, 4, &y, '-') == 4) {
		if (!read_part(&p, e, 2, &m, '-') || !read_part(&p, e, 2, &d, 0))
			return bad;
	} else {
		p = b;
		if (!read_part(&p, e, 2, &d, '/') || !read_part(&p, e, 2, &m, '/') ||
		    !(n = read_part(&p, e, 4, &y, 0)))
			return bad;
		if (n != 4)
			return N_("the year needs four digits, e.g. 02/03/2026");
	}
	if (y < YEAR_MIN || y > YEAR_MAX)
		return N_("the year must be between 1900 and 2999");
	if (m < 1 || m > 12)
		return N_("the month must be between 01 and 12");
	if (d < 1 || d > 31)
		return N_("the day must be between 01 and 31");
	if (!cal_valid(y, m, d))
		return N_("no such day in that month");
	if (out)
		*out = cal_days(y, m, d);
	return NULL;
}

/* const char *NAME(const char *s, TYPE *out): SPAN over the whole of s but the white space
 * around it (NULL: an empty span, which SPAN refuses as nothing given). */
#define WHOLE(name, span, type)                                                                \
	const char *name(const char *s, type *out)                                             \
	{                                                                                      \
		const char *b, *e;                                                             \
		span_of(s, &b, &e);                                                            \
		return span(b, e, out);                                                        \
	}

WHOLE(parse_date, date_span, cday)

/* Clocks: H:MM, HH:MM, 9h, 9h30, 09H30. */
static const char *clock_span(const char *b, const char *e, int *out)
{
	static const char *bad = N_("not a time: use HH:MM or 9h30");
	const char *p = b;
	int h = 0, m = 0;
	if (b == e)
		return N_("no time given: use HH:MM or 9h30");
	int nh = read_digits(&p, e, 2, &h);
	if (nh < 1 || nh > 2 || p == e)
		return bad;
	char sep = *p++;
	if (sep != ':' && sep != 'h' && sep != 'H')
		return bad;
	int nm = read_digits(&p, e, 2, &m);
	if (p != e || nm > 2)
		return bad;
	/* "9h" alone is a whole hour; "9:" is a slip of the keyboard. */
	if (nm == 0 && sep == ':')
		return bad;
	if (nm == 1)
		return N_("minutes need two digits, e.g. 09:05");
	if (h > 23)
		return N_("hours must be between 00 and 23");
	if (m > 59)
		return N_("minutes must be between 00 and 59");
	if (out)
		*out = h * 60 + m;
	return NULL;
}

WHOLE(parse_clock, clock_span, int)

const char *parse_datetime(const char *s, cminute *out)
{
	const char *b, *e, *p, *reason;
	cday day;
	int minute;
	if (!span_of(s, &b, &e) || b == e)
		return N_("no date and time given: use YYYY-MM-DD HH:MM");
	for (p = b; p < e && *p != 'T' && !space_at(p, e); p++)
		;
	if (p == b)
		return N_("not a date: use YYYY-MM-DD or DD/MM/YYYY");
	if ((reason = date_span(b, p, &day)))
		return reason;
	if (p < e && *p == 'T')
		p++;
	else
		trim(&p, &e);
	if (p == e)
		return N_("a time is needed after the date, e.g. 2026-03-02 14:05");
	if ((reason = clock_span(p, e, &minute)))
		return reason;
	if (out)
		*out = cal_at(day, minute);
	return NULL;
}

/* Decimal numbers */

struct numkind {
	bool groups;         /* thousands may be grouped */
	long long max;       /* in hundredths */
	const char *bad;     /* reason for anything that is not such a number */
	const char *too_big; /* reason for a value over max */
};

static bool is_mark(char c)
{
	return c == '.' || c == ',';
}

/* Length of a thousands separator at p: a mark, a space, U+00A0 or U+202F; 0 if none. */
static size_t group_sep_at(const char *p, const char *e)
{
	if (is_mark(*p) || *p == ' ')
		return 1;
	size_t n = space_at(p, e);
	return n > 1 ? n : 0;
}

/* An unsigned decimal with at most two decimals, in hundredths. The last '.' or ',' is the
 * decimal separator; with groups, the other mark and spaces separate thousands. */
static const char *decimal_span(const char *b, const char *e, const struct numkind *k,
                                long long *out)
{
	const char *mark = NULL, *p;
	long long whole = 0, frac = 0;
	if (b == e)
		return k->bad;
	for (p = b; p < e; p++)
		if (is_mark(*p))
			mark = p;
	const char *int_end = mark ? mark : e;
	if (mark) {
		int nf = 0;
		for (p = mark + 1; p < e; p++, nf++) {
			if (!is_digit(*p))
				return k->bad;
			if (nf < 2)
				frac = frac * 10 + (*p - '0');
		}
		if (nf == 0)
			return k->bad;
		if (nf > 2)
			return N_("at most two decimals");
		if (nf == 1)
			frac *= 10;
	}
	/* Whole part: groups of digits, the first of 1..3 and the others of exactly 3 when
	 * separated; one separator between groups. */
	int group = 0, groups = 0;
	for (p = b; p < int_end;) {
		size_t n;
		if (is_digit(*p)) {
			whole = whole * 10 + (*p - '0');
			if (whole > k->max / 100)
				return k->too_big;
			group++;
			p++;
			continue;
		}
		if (mark && *p == *mark)
			return N_("more than one decimal separator");
		n = group_sep_at(p, int_end);
		if (!n || !k->groups || group == 0)
			return k->bad;
		if (group > 3 || (groups > 0 && group != 3))
			return N_("thousands must be grouped by three digits, e.g. 1 234 567");
		groups++;
		group = 0;
		p += n;
	}
	if (groups > 0 && group != 3)
		return group ? N_("thousands must be grouped by three digits, e.g. 1 234 567")
		             : k->bad;
	long long v = whole * 100 + frac;
	if (v > k->max)
		return k->too_big;
	*out = v;
	return NULL;
}

static const struct numkind amount_kind = {true, AMOUNT_MAX,
                                           N_("not an amount: use digits, e.g. 1234,56"),
                                           N_("amount too large: at most 9,999,999.99")};

static bool is_euro_at(const char *p, const char *e)
{
	return e - p >= 3 && memcmp(p, "\xE2\x82\xAC", 3) == 0;
}

const char *parse_amount(const char *s, cents *out)
{
	const char *b, *e, *reason;
	bool negative = false, currency = false;
	long long v;
	if (!span_of(s, &b, &e) || b == e)
		return N_("no amount given: type digits, e.g. 1234,56");
	/* Currency after the number (French) ... */
	if (e - b >= 3 && is_euro_at(e - 3, e)) {
		e -= 3;
		currency = true;
	} else if (e - b >= 3 && span_is(e - 3, e, "eur")) {
		e -= 3;
		currency = true;
	}
	trim(&b, &e);
	/* ... sign, then currency before the number (English: "-€1,234.56"). */
	if (b < e && (*b == '-' || *b == '+')) {
		negative = *b == '-';
		b++;
	}
	if (!currency && is_euro_at(b, e)) {
		b += 3;
		trim(&b, &e);
	}
	if (b < e && (*b == '-' || *b == '+'))
		return N_("only one sign is allowed, before the number");
	if ((reason = decimal_span(b, e, &amount_kind, &v)))
		return reason;
	if (out)
		*out = negative ? -v : v;
	return NULL;
}

/* A number that is not negative: an optional '+' (hundredths) or a trailing '%' (a rate), then
 * digits with their decimals as kind says. empty: the reason when nothing is typed; negative:
 * the reason for a '-'. */
static const char *parse_positive(const char *s, const struct numkind *kind, const char *empty,
				  const char *negative, bool percent, long long *v)
{
	const char *b, *e;
	if (!span_of(s, &b, &e) || b == e)
		return empty;
	if (percent && e[-1] == '%') {
		e--;
		trim(&b, &e);
	}
	if (b < e && *b == '-')
		return negative;
	if (!percent && *b == '+')
		b++;
	return decimal_span(b, e, kind, v);
}

const char *parse_hundredths(const char *s, int64_t *out)
{
	static const struct numkind kind = {true, HUNDREDTHS_MAX,
	                                    N_("not a number: use digits, e.g. 1,5"),
	                                    N_("number too large: at most 99,999.99")};
	long long v;
	const char *reason = parse_positive(s, &kind, N_("no number given: type digits, e.g. 1,5"),
					    N_("must not be negative"), false, &v);
	if (!reason && out)
		*out = v;
	return reason;
}

const char *parse_percent(const char *s, int *out)
{
	static const struct numkind kind = {false, PERCENT_MAX,
	                                    N_("not a rate: use a percentage, e.g. 5,5 or 20"),
	                                    N_("a rate must be between 0 and 100 %")};
	long long v;
	const char *reason =
	    parse_positive(s, &kind, N_("no rate given: type a percentage, e.g. 5,5 or 20"),
			   kind.too_big, true, &v);
	if (!reason && out)
		*out = (int)v;
	return reason;
}

/* Phones */

/* out = prefix + digits; callers have checked that it fits 16 bytes with the NUL. */
static void set_phone(char out[static 17], const char *prefix, const char *digits)
{
	size_t np = strlen(prefix), nd = strlen(digits);
	if (np + nd > 16)
		nd = 16 - np;
	memcpy(out, prefix, np);
	memcpy(out + np, digits, nd);
	out[np + nd] = '\0';
}

const char *parse_phone(const char *s, char out[static 17])
{
	static const char *bad =
	    N_("a phone number has only digits, spaces, dots, dashes, slashes, brackets and '+'");
	const char *b, *e, *p;
	char digits[PHONE_MAX_DIGITS + 4];
	int n = 0;
	bool plus = false;
	if (!span_of(s, &b, &e) || b == e)
		return N_("no phone number given");
	if (*b == '+') {
		plus = true;
		b++;
	}
	for (p = b; p < e; p++) {
		size_t space = space_at(p, e);
		if (is_digit(*p)) {
			if (n == (int)sizeof digits - 1)
				return N_("too many digits for a phone number (at most 15)");
			digits[n++] = *p;
		} else if (*p == '(' && e - p >= 3 && p[1] == '0' && p[2] == ')' && n > 0) {
			p += 2; /* "+33 (0)1 …": the national trunk 0, not dialled from abroad */
		} else if (*p == '+') {
			return N_("'+' may only start the number");
		} else if (space) {
			p += space - 1;
		} else if (!strchr(".-/()", *p)) {
			return bad;
		}
	}
	digits[n] = '\0';
	const char *intl = NULL;
	if (plus)
		intl = digits;
	else if (n >= 2 && digits[0] == '0' && digits[1] == '0')
		intl = digits + 2;
	if (!intl) {
		if (n != 10 || digits[0] != '0')
			return N_("a French number has 10 digits starting with 0 (01 23 45 67 89); "
			          "start other countries with +");
		if (out)
			set_phone(out, "+33", digits + 1);
		return NULL;
	}
	size_t len = strlen(intl);
	if (len >= 2 && intl[0] == '3' && intl[1] == '3') {
		const char *national = intl + 2;
		/* "+33 01 23 45 67 89": the trunk 0 kept by mistake, unambiguous for France. */
		if (strlen(national) == 10 && national[0] == '0')
			national++;
		if (strlen(national) != 9 || national[0] == '0')
			return N_("a French number has 9 digits after +33, e.g. +33 1 23 45 67 89");
		if (out)
			set_phone(out, "+33", national);
		return NULL;
	}
	if (len < 8)
		return N_("too few digits for an international number (at least 8 after +)");
	if (len > PHONE_MAX_DIGITS)
		return N_("too many digits for a phone number (at most 15)");
	if (intl[0] == '0')
		return N_("a country code cannot start with 0");
	if (out)
		set_phone(out, "+", intl);
	return NULL;
}

const char *parse_int(const char *s, long min, long max, long *out)
{
	const char *b, *e;
	bool negative = false;
	long long v = 0;
	bool overflow = false;
	if (!span_of(s, &b, &e) || b == e)
		return N_("no number given: type a whole number");
	if (*b == '-' || *b == '+')
		negative = *b++ == '-';
	if (b == e)
		return N_("not a whole number");
	for (const char *p = b; p < e; p++) {
		if (!is_digit(*p))
			return N_("not a whole number");
		if (v > (LLONG_MAX - (*p - '0')) / 10)
			overflow = true; /* keep scanning: a letter further on is still refused */
		else
			v = v * 10 + (*p - '0');
	}
	if (negative)
		v = -v;
	if (overflow || v < min || v > max)
		return N_("number out of the allowed range");
	if (out)
		*out = (long)v;
	return NULL;
}

const char *parse_flag(const char *s, bool *out)
{
	static const char *const yes[] = {"1", "yes", "oui", "true", "y", "o"};
	static const char *const no[] = {"0", "no", "non", "false", "n"};
	const char *b, *e;
	if (span_of(s, &b, &e)) {
		for (size_t i = 0; i < ARRAY_LEN(yes); i++)
			if (span_is(b, e, yes[i])) {
				if (out)
					*out = true;
				return NULL;
			}
		for (size_t i = 0; i < ARRAY_LEN(no); i++)
			if (span_is(b, e, no[i])) {
				if (out)
					*out = false;
				return NULL;
			}
	}
	return N_("answer yes or no (oui/non, 1/0)");
}

/* Formatting: digits are written by hand, so no buffer size depends on printf's view of an
 * int's range. */

/* The decimal digits of v into tmp, last first; returns how many. */
static int digits_reversed(uint64_t v, char tmp[static 24])
{
	int n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return n;
}

/* Writes v with at least `width` digits (zero-padded) at p; returns the end. */
static char *put_uint(char *p, uint64_t v, int width)
{
	char tmp[24];
	int n = digits_reversed(v, tmp);
	while (n < width)
		tmp[n++] = '0';
	while (n)
		*p++ = tmp[--n];
	return p;
}

/* Writes v with a separator every three digits. */
static char *put_grouped(char *p, uint64_t v, const char *sep)
{
	char tmp[24];
	int n = digits_reversed(v, tmp);
	while (n) {
		*p++ = tmp[--n];
		if (n && n % 3 == 0)
			for (const char *q = sep; *q; q++)
				*p++ = *q;
	}
	return p;
}

static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* YYYY-MM-DD or DD/MM/YYYY at p, or nothing when the year has more than four digits. */
static char *put_date(char *p, cday d, bool french)
{
	int y, m, dd;
	cal_ymd(d, &y, &m, &dd);
	if (y < 0 || y > 9999)
		return p;
	if (french) {
		p = put_uint(p, (uint64_t)dd, 2);
		*p++ = '/';
		p = put_uint(p, (uint64_t)m, 2);
		*p++ = '/';
		return put_uint(p, (uint64_t)y, 4);
	}
	p = put_uint(p, (uint64_t)y, 4);
	*p++ = '-';
	p = put_uint(p, (uint64_t)m, 2);
	*p++ = '-';
	return put_uint(p, (uint64_t)dd, 2);
}

void fmt_date(cday d, char out[static 11])
{
	char *p = d == NO_DAY ? out : put_date(out, d, false);
	*p = '\0';
}

void fmt_date_human(cday d, char out[static 11])
{
	char *p = d == NO_DAY ? out : put_date(out, d, lang_french);
	*p = '\0';
}

static char *put_clock(char *p, int minutes)
{
	if (minutes < 0 || minutes >= 100 * 60)
		return p;
	p = put_uint(p, (uint64_t)(minutes / 60), 2);
	*p++ = ':';
	return put_uint(p, (uint64_t)(minutes % 60), 2);
}

void fmt_clock(int minutes, char out[static 6])
{
	*put_clock(out, minutes) = '\0';
}

static void put_datetime(cminute t, char out[static 17], bool french)
{
	char *p = out;
	if (t != NO_MINUTE) {
		char *q = put_date(p, cal_day_of(t), french);
		if (q != p) {
			*q++ = ' ';
			p = put_clock(q, cal_minute_of_day(t));
		}
	}
	*p = '\0';
}

void fmt_datetime(cminute t, char out[static 17])
{
	put_datetime(t, out, false);
}

void fmt_datetime_human(cminute t, char out[static 17])
{
	put_datetime(t, out, lang_french);
}

/* "-1234.56": a sign, the whole part (grouped by sep when not NULL), mark, two decimals. */
static char *put_fixed2(char *p, int64_t v, const char *sep, char mark)
{
	uint64_t m = magnitude(v);
	if (v < 0)
		*p++ = '-';
	p = sep ? put_grouped(p, m / 100, sep) : put_uint(p, m / 100, 1);
	*p++ = mark;
	return put_uint(p, m % 100, 2);
}

void fmt_amount_csv(cents c, char out[static 24])
{
	*put_fixed2(out, c, NULL, '.') = '\0';
}

void fmt_amount(cents c, char out[static 32])
{
	char *p = out;
	if (lang_french) {
		p = put_fixed2(p, c, " ", ',');
		memcpy(p, " \xE2\x82\xAC", 4);
		p += 4;
	} else {
		uint64_t m = magnitude(c);
		if (c < 0)
			*p++ = '-';
		memcpy(p, "\xE2\x82\xAC", 3);
		p = put_grouped(p + 3, m / 100, ",");
		*p++ = '.';
		p = put_uint(p, m % 100, 2);
	}
	*p = '\0';
}

void fmt_hundredths(int64_t h, char out[static 24])
{
	*put_fixed2(out, h, NULL, '.') = '\0';
}

/* Whole part, then the decimals without trailing zeros ("1,5", "1,25", "2"). */
static void put_short_decimal(char *p, int64_t v, char mark)
{
	uint64_t m = magnitude(v);
	if (v < 0)
		*p++ = '-';
	p = put_uint(p, m / 100, 1);
	unsigned frac = (unsigned)(m % 100);
	if (frac) {
		*p++ = mark;
		if (frac % 10 == 0)
			p = put_uint(p, frac / 10, 1);
		else
			p = put_uint(p, frac, 2);
	}
	*p = '\0';
}

void fmt_hundredths_human(int64_t h, char out[static 24])
{
	put_short_decimal(out, h, lang_french ? ',' : '.');
}

void fmt_percent(int hundredths, char out[static 16])
{
	put_short_decimal(out, hundredths, '.');
}

void fmt_phone(const char *normal, char out[static 32])
{
	size_t n = normal ? strlen(normal) : 0;
	bool french = n == 12 && strncmp(normal, "+33", 3) == 0;
	for (size_t i = 3; french && i < n; i++)
		french = is_digit(normal[i]);
	if (!french) {
		snprintf(out, 32, "%s", normal ? normal : "");
		return;
	}
	/* +33 1 23 45 67 89 -> 01 23 45 67 89 */
	char *p = out;
	*p++ = '0';
	for (size_t i = 3; i < n; i++) {
		*p++ = normal[i];
		if (i % 2 == 1 && i + 1 < n)
			*p++ = ' ';
	}
	*p = '\0';
}

/* Storage forms */

bool date_from_text(const char *s, cday *out)
{
	int y, m, d;
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !is_digit(s[i]))
			return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < YEAR_MIN || y > YEAR_MAX || !cal_valid(y, m, d))
		return false;
	if (out)
		*out = cal_days(y, m, d);
	return true;
}

bool datetime_from_text(const char *s, cminute *out)
{
	char date[11];
	cday day;
	if (!s || strlen(s) != 16 || s[10] != ' ' || s[13] != ':')
		return false;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!date_from_text(date, &day))
		return false;
	if (!is_digit(s[11]) || !is_digit(s[12]) || !is_digit(s[14]) || !is_digit(s[15]))
		return false;
	int h = (s[11] - '0') * 10 + (s[12] - '0'), m = (s[14] - '0') * 10 + (s[15] - '0');
	if (h > 23 || m > 59)
		return false;
	if (out)
		*out = cal_at(day, h * 60 + m);
	return true;
}
