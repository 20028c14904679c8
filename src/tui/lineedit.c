/* lineedit.c — a small one-line editor of wide characters, as calcurse's getstring: the form
 * library of ncurses splits accents and cuts text (TRAPS.md), this does neither. The cursor moves
 * over whole characters: a combining accent stays with its letter, and an accent typed or pasted
 * after a letter is joined to it when French has the composed letter. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "frame.h"
#include "lineedit.h"

static bool is_mark(wchar_t wc)
{
	return wc && wcwidth(wc) == 0;
}

static int cols(wchar_t wc)
{
	int c = wcwidth(wc);
	return c < 0 ? 1 : c;
}

static void reserve(lineedit *le, size_t need)
{
	if (need + 1 <= le->cap)
		return;
	le->cap = le->cap ? le->cap : 32;
	while (le->cap < need + 1)
		le->cap *= 2;
	le->buf = xrealloc(le->buf, le->cap * sizeof *le->buf);
}

void le_set(lineedit *le, const char *utf8)
{
	const char *s = utf8 ? utf8 : "";
	size_t n = strlen(s);
	le->len = 0;
	reserve(le, n);
	mbstate_t st = {0};
	for (size_t i = 0; i < n;) {
		wchar_t wc;
		size_t used = mbrtowc(&wc, s + i, n - i, &st);
		if (used == (size_t)-1 || used == (size_t)-2 || used == 0) {
			memset(&st, 0, sizeof st);
			wc = 0xFFFD;
			used = 1;
		}
		le->buf[le->len++] = wc;
		i += used;
	}
	le->buf[le->len] = 0;
	le->cur = le->len;
	le->scroll = 0;
}

char *le_text(const lineedit *le)
{
	strbuf b = {0};
	mbstate_t st = {0};
	for (size_t i = 0; i < le->len; i++) {
		char mb[MB_LEN_MAX];
		size_t n = wcrtomb(mb, le->buf[i], &st);
		if (n != (size_t)-1)
			sb_addn(&b, mb, n);
	}
	return b.s ? b.s : xstrdup("");
}

/* A base letter and a combining accent -> the composed letter French uses, or 0. */
static wchar_t compose(wchar_t base, wchar_t mark)
{
	static const struct {
		wchar_t mark;
		const wchar_t *from, *to;
	} table[] = {
		{0x0300, L"aeiouAEIOU", L"àèìòùÀÈÌÒÙ"},
		{0x0301, L"aeiouyAEIOUY", L"áéíóúýÁÉÍÓÚÝ"},
		{0x0302, L"aeiouAEIOU", L"âêîôûÂÊÎÔÛ"},
		{0x0303, L"anoANO", L"ãñõÃÑÕ"},
		{0x0308, L"aeiouyAEIOUY", L"äëïöüÿÄËÏÖÜŸ"},
		{0x0327, L"cC", L"çÇ"},
	};
	for (size_t i = 0; i < ARRAY_LEN(table); i++) {
		if (table[i].mark != mark)
			continue;
		const wchar_t *p = wcschr(table[i].from, base);
		if (p && base)
			return table[i].to[p - table[i].from];
	}
	return 0;
}

static void insert(lineedit *le, wchar_t wc)
{
	if (is_mark(wc) && le->cur > 0) {
		wchar_t composed = compose(le->buf[le->cur - 1], wc);
		if (composed) {
			le->buf[le->cur - 1] = composed;
			return;
		}
	}
	reserve(le, le->len + 1);
	memmove(le->buf + le->cur + 1, le->buf + le->cur, (le->len - le->cur + 1) * sizeof *le->buf);
	le->buf[le->cur++] = wc;
	le->len++;
}

static size_t prev_char(const lineedit *le, size_t i)
{
	if (i > 0)
		i--;
	while (i > 0 && is_mark(le->buf[i]))
		i--;
	return i;
}

static size_t next_char(const lineedit *le, size_t i)
{
	if (i < le->len)
		i++;
	while (i < le->len && is_mark(le->buf[i]))
		i++;
	return i;
}

static void delete_range(lineedit *le, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(le->buf + from, le->buf + to, (le->len - to + 1) * sizeof *le->buf);
	le->len -= to - from;
	if (le->cur > to)
		le->cur -= to - from;
	else if (le->cur > from)
		le->cur = from;
}

bool le_key(lineedit *le, const tkey *k)
{
	reserve(le, le->len); /* an editor never set still has a buffer */
	if (tkey_printable(k)) {
		insert(le, (wchar_t)k->c);
		return true;
	}
	wint_t c = k->c;
	if (k->fn) {
		switch (c) {
		case KEY_LEFT: le->cur = prev_char(le, le->cur); return true;
		case KEY_RIGHT: le->cur = next_char(le, le->cur); return true;
		case KEY_HOME: le->cur = 0; return true;
		case KEY_END: le->cur = le->len; return true;
		case KEY_BACKSPACE: delete_range(le, prev_char(le, le->cur), le->cur); return true;
		case KEY_DC: delete_range(le, le->cur, next_char(le, le->cur)); return true;
		default: return false;
		}
	}
	switch (c) {
	case 0x7f: /* Backspace as most terminals send it */
	case TK_CTRL('h'):
		delete_range(le, prev_char(le, le->cur), le->cur);
		return true;
	case TK_CTRL('u'):
		delete_range(le, 0, le->cur);
		return true;
	case TK_CTRL('k'):
		delete_range(le, le->cur, le->len);
		return true;
	case TK_CTRL('a'):
		le->cur = 0;
		return true;
	case TK_CTRL('e'):
		le->cur = le->len;
		return true;
	case TK_CTRL('w'): { /* the word before the cursor */
		size_t i = le->cur;
		while (i > 0 && iswspace((wint_t)le->buf[i - 1]))
			i--;
		while (i > 0 && !iswspace((wint_t)le->buf[i - 1]))
			i--;
		delete_range(le, i, le->cur);
		return true;
	}
	default:
		return false;
	}
}

static int span_cols(const lineedit *le, size_t from, size_t to)
{
	int n = 0;
	for (size_t i = from; i < to; i++)
		n += cols(le->buf[i]);
	return n;
}

int le_draw(lineedit *le, int y, int x, int w, attr_t attr)
{
	draw_fill(y, x, w, attr);
	if (w <= 0)
		return x;
	reserve(le, le->len);
	/* Scroll so the cursor shows, with its column kept free at the right. */
	if (span_cols(le, 0, le->len) < w)
		le->scroll = 0;
	if (le->cur < le->scroll) /* the cursor always stands at the start of a character */
		le->scroll = le->cur;
	while (le->scroll < le->cur && span_cols(le, le->scroll, le->cur) > w - 1)
		le->scroll = next_char(le, le->scroll);
	size_t end = le->scroll;
	int used = 0;
	while (end < le->len) {
		size_t next = next_char(le, end);
		int c = span_cols(le, end, next);
		if (used + c > w)
			break;
		used += c;
		end = next;
	}
	draw_wcs(y, x, w, le->buf + le->scroll, end - le->scroll, attr);
	return x + span_cols(le, le->scroll, le->cur);
}

void le_free(lineedit *le)
{
	free(le->buf);
	memset(le, 0, sizeof *le);
}
