/* util.c — allocation, growable strings, errors, text hygiene. */
#include "charte/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool lang_french = false;

static void out_of_memory(void)
{
	/* The only place the domain writes to stderr: there is nobody else left to tell. */
	fputs("charte: out of memory\n", stderr);
	exit(1);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s ? s : "", strlen(s ? s : ""));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	strbuf b = {0};
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&b, fmt, ap);
	va_end(ap);
	if (!b.s)
		return xstrdup("");
	return b.s;
}

static void sb_grow(strbuf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

void sb_addn(strbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sb_add(strbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

void sb_addc(strbuf *b, char c)
{
	sb_addn(b, &c, 1);
}

void sb_vaddf(strbuf *b, const char *fmt, va_list ap)
{
	if (!fmt)
		return;
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	sb_grow(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void sb_addf(strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(b, fmt, ap);
	va_end(ap);
}

void sb_reset(strbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void sb_free(strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

const char *sb_str(const strbuf *b)
{
	return b->s ? b->s : "";
}

int err_set(cerr *e, int code, const char *field, const char *fmt, ...)
{
	if (!e)
		return code;
	e->code = code;
	snprintf(e->field, sizeof e->field, "%s", field ? field : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return code;
}

void err_clear(cerr *e)
{
	if (e) {
		e->code = ST_OK;
		e->field[0] = e->msg[0] = '\0';
	}
}

const char *err_text(const cerr *e, char *buf, size_t n)
{
	if (e->field[0])
		snprintf(buf, n, "%s: %s", e->field, e->msg);
	else
		snprintf(buf, n, "%s", e->msg);
	return buf;
}

int err_exit_code(int code)
{
	switch (code) {
	case ST_OK:
		return 0;
	case ST_USAGE:
		return 2;
	default:
		return 1;
	}
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
