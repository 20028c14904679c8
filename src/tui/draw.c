/* draw.c — drawing text by display width (wcwidth, never bytes), semantic styles with a
 * monochrome fallback (as htop's ColorElements), boxes and wrapped text. Every string that goes
 * to the terminal goes through here, so control characters never reach it. */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "charte/calendar.h"
#include "draw.h"
#include "frame.h"

#define NO_COLOUR -1

static const struct {
	short fg, bg;
	attr_t colour; /* attributes with colours */
	attr_t mono;   /* attributes without (NO_COLOR, monochrome terminals) */
} styles[S_COUNT] = {
	[S_NORMAL] = {NO_COLOUR, NO_COLOUR, A_NORMAL, A_NORMAL},
	[S_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
	[S_TAB] = {NO_COLOUR, NO_COLOUR, A_NORMAL, A_NORMAL},
	[S_TAB_ACTIVE] = {COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD},
	[S_HEADER] = {COLOR_CYAN, NO_COLOUR, A_BOLD, A_BOLD | A_UNDERLINE},
	[S_SELECTED] = {NO_COLOUR, NO_COLOUR, A_REVERSE, A_REVERSE},
	[S_OVERDUE] = {COLOR_RED, NO_COLOUR, A_BOLD, A_BOLD},
	[S_DUE_TODAY] = {COLOR_YELLOW, NO_COLOUR, A_NORMAL, A_NORMAL},
	[S_VOICEMAIL] = {COLOR_MAGENTA, NO_COLOUR, A_NORMAL, A_NORMAL},
	[S_CANCELLED] = {NO_COLOUR, NO_COLOUR, A_DIM, A_DIM},
	[S_DONE] = {COLOR_GREEN, NO_COLOUR, A_NORMAL, A_NORMAL},
	[S_KEY] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
	[S_KEY_HINT] = {NO_COLOUR, NO_COLOUR, A_NORMAL, A_NORMAL},
	[S_ERROR] = {COLOR_RED, NO_COLOUR, A_BOLD, A_BOLD},
	[S_INFO] = {COLOR_GREEN, NO_COLOUR, A_NORMAL, A_NORMAL},
	[S_LABEL] = {NO_COLOUR, NO_COLOUR, A_NORMAL, A_NORMAL},
	[S_FIELD] = {NO_COLOUR, NO_COLOUR, A_UNDERLINE, A_UNDERLINE},
	[S_FIELD_FOCUS] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
	[S_DIM] = {NO_COLOUR, NO_COLOUR, A_DIM, A_DIM},
	[S_BOX] = {NO_COLOUR, NO_COLOUR, A_BOLD, A_BOLD},
};

static bool use_colour;

void style_init(void)
{
	const char *no = getenv("NO_COLOR"); /* no-color.org: set and not empty */
	use_colour = !(no && *no) && has_colors() && start_color() == OK;
	if (!use_colour)
		return;
	/* The terminal's own background where it allows, else white on black. */
	bool own = use_default_colors() == OK;
	for (int s = 1; s < S_COUNT; s++) {
		short fg = styles[s].fg, bg = styles[s].bg;
		if (fg == NO_COLOUR && bg == NO_COLOUR)
			continue;
		if (!own && fg == NO_COLOUR)
			fg = COLOR_WHITE;
		if (!own && bg == NO_COLOUR)
			bg = COLOR_BLACK;
		init_pair((short)s, fg, bg);
	}
}

attr_t style_attr(enum style s)
{
	if (!use_colour)
		return styles[s].mono;
	attr_t a = styles[s].colour;
	if (styles[s].fg != NO_COLOUR || styles[s].bg != NO_COLOUR)
		a |= COLOR_PAIR(s);
	return a;
}

attr_t style_row(enum style s, bool selected)
{
	/* Reverse on top of the row's own colour: an overdue row stays red when selected. */
	return style_attr(s) | (selected ? style_attr(S_SELECTED) : 0);
}

/* UTF-8 to wide characters, control characters shown as spaces (text_printable) and bytes that
 * are not UTF-8 as U+FFFD. Caller frees. */
static wchar_t *to_wcs(const char *s, size_t *n)
{
	char *p = text_printable(s ? s : "");
	size_t len = strlen(p), k = 0;
	wchar_t *w = xmalloc((len + 1) * sizeof *w);
	mbstate_t st = {0};
	for (size_t i = 0; i < len;) {
		wchar_t wc;
		size_t used = mbrtowc(&wc, p + i, len - i, &st);
		if (used == (size_t)-1 || used == (size_t)-2 || used == 0) {
			memset(&st, 0, sizeof st);
			wc = 0xFFFD;
			used = 1;
		}
		if (iswcntrl((wint_t)wc))
			wc = ' ';
		w[k++] = wc;
		i += used;
	}
	w[k] = 0;
	free(p);
	*n = k;
	return w;
}

static int wc_cols(wchar_t wc)
{
	int c = wcwidth(wc);
	return c < 0 ? 1 : c;
}

/* Draw n wide characters in at most w columns, ending with '…' when they do not all fit.
 * Combining characters ride on the character before them. Returns the columns used. */
static int put_wcs(int y, int x, int w, const wchar_t *s, size_t n, attr_t attr)
{
	int total = 0;
	for (size_t i = 0; i < n; i++)
		total += wc_cols(s[i]);
	int room = total <= w ? w : w - 1; /* keep a column for the ellipsis */
	int used = 0;
	for (size_t i = 0; i < n;) {
		wchar_t cell[CCHARW_MAX + 1];
		size_t k = 0;
		wchar_t base = s[i++];
		int cw = wcwidth(base);
		if (cw < 0) {
			base = 0xFFFD;
			cw = 1;
		}
		if (cw == 0) { /* a combining mark with nothing before it */
			cell[k++] = ' ';
			cw = 1;
		}
		cell[k++] = base;
		while (i < n && wcwidth(s[i]) == 0) {
			if (k < CCHARW_MAX)
				cell[k++] = s[i];
			i++;
		}
		cell[k] = 0;
		if (used + cw > room)
			break;
		cchar_t cc;
		setcchar(&cc, cell, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
		mvadd_wch(y, x + used, &cc);
		used += cw;
	}
	if (total > w && w > 0) {
		cchar_t cc;
		setcchar(&cc, L"…", attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
		mvadd_wch(y, x + used, &cc);
		used++;
	}
	return used;
}

int draw_wcs(int y, int x, int w, const wchar_t *s, size_t n, attr_t attr)
{
	if (w <= 0 || n == 0)
		return 0;
	wchar_t *copy = xmalloc((n + 1) * sizeof *copy);
	for (size_t i = 0; i < n; i++)
		copy[i] = iswcntrl((wint_t)s[i]) ? L' ' : s[i];
	int used = put_wcs(y, x, w, copy, n, attr);
	free(copy);
	return used;
}

int draw_text(int y, int x, int w, const char *s, attr_t attr)
{
	if (w <= 0 || !s || !*s)
		return 0;
	size_t n;
	wchar_t *ws = to_wcs(s, &n);
	int used = put_wcs(y, x, w, ws, n, attr);
	free(ws);
	return used;
}

void draw_fill(int y, int x, int w, attr_t attr)
{
	cchar_t blank;
	setcchar(&blank, L" ", attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
	for (int i = 0; i < w; i++)
		mvadd_wch(y, x + i, &blank);
}

void draw_cell(int y, int x, int w, const char *s, attr_t attr)
{
	int used = draw_text(y, x, w, s, attr);
	draw_fill(y, x + used, w - used, attr);
}

void draw_text_right(int y, int x, int w, const char *s, attr_t attr)
{
	int tw = text_width(s);
	if (tw > w)
		tw = w;
	draw_text(y, x + w - tw, tw, s, attr);
}

/* One paragraph wrapped at r.w, its first line being line `line` of the whole text. */
static int wrap_paragraph(rect r, int skip, int line, const char *s, attr_t attr)
{
	size_t n;
	wchar_t *ws = to_wcs(s, &n);
	int first = line;
	size_t start = 0;
	while (start < n) {
		while (start < n && ws[start] == ' ')
			start++;
		if (start >= n)
			break;
		/* The longest piece that fits, broken at a space when there is one. */
		size_t i = start, brk = 0;
		int cols = 0;
		while (i < n && cols + wc_cols(ws[i]) <= r.w) {
			cols += wc_cols(ws[i]);
			if (ws[i] == ' ')
				brk = i;
			i++;
		}
		size_t end = i;
		if (i < n && brk > start)
			end = brk;
		if (end == start) /* a character wider than the box */
			end = start + 1;
		if (line >= skip && line - skip < r.h)
			put_wcs(r.y + line - skip, r.x, r.w, ws + start, end - start, attr);
		line++;
		start = end;
	}
	free(ws);
	return line > first ? line - first : 1; /* an empty paragraph is an empty line */
}

int draw_wrapped(rect r, int skip, const char *s, attr_t attr)
{
	if (r.w <= 0 || !s)
		return 0;
	int lines = 0;
	for (const char *p = s;;) { /* line breaks in the text are kept */
		const char *nl = strchr(p, '\n');
		char *para = nl ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
		lines += wrap_paragraph(r, skip, lines, para, attr);
		free(para);
		if (!nl)
			break;
		p = nl + 1;
	}
	return lines;
}

rect draw_box(int h, int w, const char *title)
{
	if (w > COLS - 2)
		w = COLS - 2;
	if (h > LINES - 2)
		h = LINES - 2;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	attr_t box = style_attr(S_BOX);
	for (int i = 0; i < h; i++)
		draw_fill(y + i, x, w, A_NORMAL);
	/* Unicode lines rather than the alternate character set: the screen is UTF-8 anyway, and
	 * the test seam's text dump then shows lines, not "lqqk". */
	strbuf edge = {0};
	for (int i = 0; i < w - 2; i++)
		sb_add(&edge, "─");
	char *top = xasprintf("┌%s┐", sb_str(&edge)), *bottom = xasprintf("└%s┘", sb_str(&edge));
	draw_text(y, x, w, top, box);
	for (int i = 1; i < h - 1; i++) {
		draw_text(y + i, x, 1, "│", box);
		draw_text(y + i, x + w - 1, 1, "│", box);
	}
	draw_text(y + h - 1, x, w, bottom, box);
	free(top);
	free(bottom);
	sb_free(&edge);
	if (title && *title) {
		char *t = xasprintf(" %s ", title);
		draw_text(y, x + 2, w - 4, t, box);
		free(t);
	}
	return (rect){y + 1, x + 2, h - 2, w - 4};
}

void tui_fmt_clock(cminute t, char *buf, size_t n)
{
	static const char *const days[] = {N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
					   N_("Fri"), N_("Sat"), N_("Sun")};
	char date[11], clock[6];
	cday d = cal_day_of(t);
	fmt_date_human(d, date);
	fmt_clock(cal_minute_of_day(t), clock);
	snprintf(buf, n, "%s %s %s", _(days[cal_weekday(d) - 1]), date, clock);
}

void tui_fmt_phone(const char *normal, char out[static 32])
{
	if (normal && *normal)
		fmt_phone(normal, out);
	else
		out[0] = '\0';
}
