/* text.c — UTF-8 text as people see it: validity, length in characters, display width,
 * cutting on character boundaries, printable copies, folding for search. */
#include "charte/text.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "charte/util.h"

/* The next character of s: its columns and its length in bytes (an undecodable byte is one
 * column, one byte; a control character one column, as it is shown replaced). */
static int next_char(const char *s, size_t *len)
{
	mbstate_t st = {0};
	wchar_t wc;
	size_t n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*len = 1;
		return 1;
	}
	*len = n;
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
	int w = 0;
	size_t len;
	for (; s && *s; s += len)
		w += next_char(s, &len);
	return w;
}

size_t text_fit(const char *s, int width)
{
	size_t at = 0, len;
	int used = 0;
	while (s[at]) {
		int w = next_char(s + at, &len);
		if (used + w > width)
			break;
		used += w;
		at += len;
		/* combining characters ride on the character before them */
		while (s[at]) {
			size_t l2;
			mbstate_t st = {0};
			wchar_t wc;
			l2 = mbrtowc(&wc, s + at, MB_CUR_MAX, &st);
			if (l2 == (size_t)-1 || l2 == (size_t)-2 || l2 == 0 || wcwidth(wc) != 0)
				break;
			at += l2;
		}
	}
	return at;
}

char *text_cut(const char *s, int width)
{
	if (!s)
		s = "";
	if (text_width(s) <= width)
		return xstrdup(s);
	if (width <= 0)
		return xstrdup("");
	size_t keep = text_fit(s, width - 1);
	return xasprintf("%.*s…", (int)keep, s);
}

void text_copy(char *dst, size_t n, const char *src)
{
	if (!n)
		return;
	size_t len = strlen(src);
	if (len < n) {
		memcpy(dst, src, len + 1);
		return;
	}
	static const char ellipsis[] = "…";
	size_t keep = n > sizeof ellipsis ? n - sizeof ellipsis : 0;
	/* back to the start of a character: never keep half of one */
	while (keep > 0 && ((unsigned char)src[keep] & 0xC0) == 0x80)
		keep--;
	memcpy(dst, src, keep);
	if (keep + sizeof ellipsis <= n)
		memcpy(dst + keep, ellipsis, sizeof ellipsis);
	else
		dst[keep] = '\0';
}

char *text_escaped(const char *s)
{
	strbuf b = {0};
	sb_add(&b, ""); /* never NULL */
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		unsigned c = *p;
		if (c >= 0x20 && c < 0x7F) {
			sb_addc(&b, (char)c);
			p++;
			continue;
		}
		if (c < 0x80) { /* C0 controls and DEL */
			switch (c) {
			case '\n': sb_add(&b, "\\n"); break;
			case '\t': sb_add(&b, "\\t"); break;
			case '\r': sb_add(&b, "\\r"); break;
			case 0x1B: sb_add(&b, "\\e"); break;
			default: sb_addf(&b, "\\x%02X", c);
			}
			p++;
			continue;
		}
		/* a whole UTF-8 character, or one undecodable byte */
		mbstate_t st = {0};
		wchar_t wc;
		size_t n = mbrtowc(&wc, (const char *)p, MB_CUR_MAX, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			sb_addf(&b, "\\x%02X", c);
			p++;
		} else if (wc >= 0x80 && wc < 0xA0) { /* C1 controls */
			sb_addf(&b, "\\u%04X", (unsigned)wc);
			p += n;
		} else {
			sb_addn(&b, (const char *)p, n);
			p += n;
		}
	}
	return b.s;
}

size_t text_wrap_at(const char *s, int width)
{
	size_t fit = text_fit(s, width);
	if (!s[fit] || s[fit] == ' ')
		return fit;
	/* break after the last space that fits, if any */
	for (size_t i = fit; i > 0; i--)
		if (s[i - 1] == ' ')
			return i;
	return fit ? fit : 1;
}

bool utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p;
		int n;
		unsigned min;
		if (c < 0x80) {
			p++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 1, min = 0x80, c &= 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2, min = 0x800, c &= 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3, min = 0x10000, c &= 0x07;
		} else {
			return false;
		}
		p++;
		for (int i = 0; i < n; i++, p++) {
			if ((*p & 0xC0) != 0x80)
				return false;
			c = (c << 6) | (*p & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return false;
	}
	return true;
}

size_t utf8_length(const char *s)
{
	size_t n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

int text_check(const char *s, const char *field, size_t max, bool required, cerr *e)
{
	if (required && str_blank(s))
		return err_set(e, ST_INVALID, field, _("must not be empty"));
	if (s && !utf8_valid(s))
		return err_set(e, ST_INVALID, field, _("not valid UTF-8 text"));
	if (s && utf8_length(s) > max)
		return err_set(e, ST_INVALID, field, _("too long (at most %zu characters)"), max);
	return ST_OK;
}

bool text_has_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return true;
	return false;
}

int text_check_line(const char *s, const char *field, size_t max, bool required, cerr *e)
{
	int r = text_check(s, field, max, required, e);
	if (!r && s && text_has_control(s))
		return err_set(e, ST_INVALID, field, _("must fit on one line"));
	return r;
}

void text_tidy(char **s, bool keep_null)
{
	if (!*s) {
		if (!keep_null)
			*s = xstrdup("");
		return;
	}
	str_trim(*s);
	if (keep_null && !**s) {
		free(*s);
		*s = NULL;
	}
}

char *text_printable(const char *s)
{
	strbuf b = {0};
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		if (*p < 0x20 || *p == 0x7F) {
			sb_addc(&b, ' ');
			p++;
		} else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			sb_addc(&b, ' '); /* C1 control characters */
			p += 2;
		} else {
			sb_addc(&b, (char)*p++);
		}
	}
	return b.s ? b.s : xstrdup("");
}

char *str_trim(char *s)
{
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	size_t i = 0;
	while (isspace((unsigned char)s[i]))
		i++;
	if (i)
		memmove(s, s + i, n - i + 1);
	return s;
}

void str_set_trimmed(char **s, const char *text)
{
	free(*s);
	*s = str_trim(xstrdup(text));
}

void str_drop_empty(char **s)
{
	if (*s && !**s) {
		free(*s);
		*s = NULL;
	}
}

bool str_blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

/* Latin-1 supplement and Latin Extended-A letters folded to ASCII, indexed from U+00C0. */
static const char fold_latin[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts"  /* C0..DF */
				 "aaaaaaaceeeeiiiidnooooo/ouuuuyty"  /* E0..FF */
				 "aaaaaaccccccccddddeeeeeeeeeegggg"  /* 100..11F */
				 "gggghhhhiiiiiiiiiijjjjkkklllllll"  /* 120..13F */
				 "llnnnnnnnnnoooooooorrrrrrsssssss"  /* 140..15F */
				 "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs"; /* 160..17F */

char *text_capitalised(const char *s)
{
	wchar_t first;
	mbstate_t st = {0};
	size_t len = mbrtowc(&first, s, strlen(s), &st);
	if (len == 0 || len == (size_t)-1 || len == (size_t)-2 || !iswlower((wint_t)first))
		return xstrdup(s);
	char up[MB_LEN_MAX];
	mbstate_t st2 = {0};
	size_t ulen = wcrtomb(up, (wchar_t)towupper((wint_t)first), &st2);
	if (ulen == (size_t)-1)
		return xstrdup(s);
	return xasprintf("%.*s%s", (int)ulen, up, s + len);
}

/* Whether the word at p starts with a vowel sound as written: a vowel or an h, accents and
 * case aside, or a y before a consonant (Yves; but Yasmine, Yann keep "de"). */
static bool starts_like_vowel(const char *p)
{
	char first[9];
	size_t len = 0;
	for (int chars = 0; chars < 2 && p[len]; chars++)
		do
			len++;
		while (len < 8 && ((unsigned char)p[len] & 0xC0) == 0x80);
	memcpy(first, p, len);
	first[len] = '\0';
	char *folded = text_fold(first);
	bool vowel = *folded && strchr("aeiouh", *folded);
	if (*folded == 'y')
		vowel = folded[1] && !strchr("aeiouy", folded[1]);
	free(folded);
	return vowel;
}

char *text_elide(char *s)
{
	if (!lang_french || !s)
		return s;
	char *out = s;
	for (const char *p = s; *p;) {
		bool word = p == s || p[-1] == ' ' || p[-1] == '(' || p[-1] == '\'';
		if (word && p[0] == 'd' && p[1] == 'e' && p[2] == ' ' && p[3] &&
		    starts_like_vowel(p + 3)) {
			*out++ = 'd';
			*out++ = '\'';
			p += 3;
			continue;
		}
		*out++ = *p++;
	}
	*out = '\0';
	return s;
}

char *text_fold(const char *s)
{
	strbuf b = {0};
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		unsigned c = *p;
		if (c < 0x80) {
			sb_addc(&b, (char)tolower((int)c));
			p++;
			continue;
		}
		int n = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 0;
		unsigned cp = n == 1 ? c & 0x1F : n == 2 ? c & 0x0F : c & 0x07;
		const unsigned char *start = p++;
		for (int i = 0; i < n && (*p & 0xC0) == 0x80; i++, p++)
			cp = (cp << 6) | (*p & 0x3F);
		if (cp >= 0xC0 && cp < 0x180 && fold_latin[cp - 0xC0] != '*' &&
		    fold_latin[cp - 0xC0] != '/') {
			sb_addc(&b, fold_latin[cp - 0xC0]);
			if (cp == 0xC6 || cp == 0xE6)
				sb_addc(&b, 'e'); /* æ -> ae */
			if (cp == 0x152 || cp == 0x153)
				sb_addc(&b, 'e'); /* œ -> oe */
		} else {
			sb_addn(&b, (const char *)start, (size_t)(p - start));
		}
	}
	return b.s ? b.s : xstrdup("");
}
