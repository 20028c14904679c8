/* out.c — tables for people on a terminal, RFC 4180 CSV for scripts. A table keeps the first
 * rows to size its columns, then streams; CSV always streams. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "charte/parse.h"
#include "cli.h"

#define OUT_SAMPLE 200

struct cli_out {
	bool csv;
	size_t ncols;
	const char *const *cols;
	char ***rows; /* kept rows (table mode, until widths are fixed) */
	size_t nrows;
	int *width;
	bool fixed;
};

/* CSV to a terminal shows control characters escaped; to a file or a pipe it stays exact. */
static int csv_on_terminal = -1;

static void csv_cell(const char *s)
{
	if (!s)
		return;
	if (csv_on_terminal < 0)
		csv_on_terminal = isatty(STDOUT_FILENO);
	char *shown = NULL;
	if (csv_on_terminal)
		s = shown = text_escaped(s);
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, stdout);
		free(shown);
		return;
	}
	putchar('"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			putchar('"');
		putchar(*p);
	}
	putchar('"');
	free(shown);
}

static void csv_row(const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			putchar(',');
		csv_cell(cells[i]);
	}
	fputs("\r\n", stdout);
}

/* Print s in exactly `width` columns, control characters escaped (a stored escape sequence
 * shows as \e[…, never acts): cut with "…" when longer. */
static void put_cell(const char *s, int width, bool last)
{
	char *clean = text_escaped(s ? s : "");
	mbstate_t st = {0};
	int w = 0;
	const char *p = clean;
	int total = text_width(clean);
	wchar_t wc;
	size_t n;
	if (total <= width || last) {
		fputs(clean, stdout);
		w = total;
	} else {
		while (*p && (n = mbrtowc(&wc, p, MB_CUR_MAX, &st)) > 0 && n < (size_t)-2) {
			int cw = wcwidth(wc);
			if (cw < 0)
				cw = 0;
			if (w + cw > width - 1)
				break;
			fwrite(p, 1, n, stdout);
			w += cw;
			p += n;
		}
		fputs("…", stdout);
		w++;
	}
	if (!last)
		for (; w < width; w++)
			putchar(' ');
	free(clean);
}

static void table_row(cli_out *o, char *const *cells)
{
	for (size_t i = 0; i < o->ncols; i++) {
		put_cell(cells[i], o->width[i], i + 1 == o->ncols);
		if (i + 1 < o->ncols)
			fputs("  ", stdout);
	}
	putchar('\n');
}

/* Width of a cell as put_cell prints it (control characters escaped, as \e). */
static int cell_width(const char *s)
{
	char *clean = text_escaped(s ? s : "");
	int w = text_width(clean);
	free(clean);
	return w;
}

static void fix_widths(cli_out *o)
{
	for (size_t i = 0; i < o->ncols; i++) {
		o->width[i] = text_width(_(o->cols[i])); /* people read translated headers */
		for (size_t r = 0; r < o->nrows; r++) {
			int w = cell_width(o->rows[r][i]);
			if (w > o->width[i])
				o->width[i] = w;
		}
		if (o->width[i] > 40)
			o->width[i] = 40;
	}
	char **hdr = xcalloc(o->ncols, sizeof *hdr);
	for (size_t i = 0; i < o->ncols; i++)
		hdr[i] = (char *)_(o->cols[i]);
	table_row(o, hdr);
	free(hdr);
	for (size_t r = 0; r < o->nrows; r++) {
		table_row(o, o->rows[r]);
		for (size_t i = 0; i < o->ncols; i++)
			free(o->rows[r][i]);
		free(o->rows[r]);
	}
	free(o->rows);
	o->rows = NULL;
	o->nrows = 0;
	o->fixed = true;
}

cli_out *out_new(bool csv, const char *const *cols, size_t ncols)
{
	cli_out *o = xcalloc(1, sizeof *o);
	o->csv = csv;
	o->cols = cols;
	o->ncols = ncols;
	o->width = xcalloc(ncols, sizeof *o->width);
	if (csv)
		csv_row(cols, ncols);
	return o;
}

void out_row(cli_out *o, const char *const *cells)
{
	if (o->csv) {
		csv_row(cells, o->ncols);
		return;
	}
	if (o->fixed) {
		table_row(o, (char *const *)cells);
		return;
	}
	char **copy = xcalloc(o->ncols, sizeof *copy);
	for (size_t i = 0; i < o->ncols; i++)
		copy[i] = xstrdup(cells[i] ? cells[i] : "");
	if (o->nrows % 64 == 0)
		o->rows = xrealloc(o->rows, (o->nrows + 64) * sizeof *o->rows);
	o->rows[o->nrows++] = copy;
	if (o->nrows >= OUT_SAMPLE)
		fix_widths(o);
}

void out_end(cli_out *o)
{
	if (!o->csv && !o->fixed)
		fix_widths(o);
	fflush(stdout);
	free(o->width);
	free(o);
}

const char *out_flag(bool b)
{
	return b ? "1" : "0";
}

void out_minute(cminute t, char buf[static 17])
{
	fmt_datetime(t, buf);
}

void out_day(cday d, char buf[static 11])
{
	fmt_date(d, buf);
}

void out_field(const char *label, const char *value)
{
	if (!value || !*value)
		return;
	char *clean = text_printable(value);
	printf("%s %s\n", label, clean);
	free(clean);
}

void out_block(const char *const *labels, const char *const *values, size_t n)
{
	int width = 0;
	for (size_t i = 0; i < n; i++)
		if (text_width(labels[i]) > width)
			width = text_width(labels[i]);
	for (size_t i = 0; i < n; i++) {
		char *clean = text_printable(values[i] && *values[i] ? values[i] : "—");
		fputs("  ", stdout);
		fputs(labels[i], stdout);
		for (int w = text_width(labels[i]); w <= width; w++)
			putchar(' ');
		printf("%s\n", clean);
		free(clean);
	}
}

void out_section(const char *heading, size_t n)
{
	printf("\n%s\n", heading);
	if (!n)
		printf("  %s\n", _("none recorded"));
}

void out_item(char *line)
{
	char *clean = text_printable(line);
	printf("  %s\n", clean);
	free(clean);
	free(line);
}

char *out_day_or(cday d, const char *none)
{
	if (d == NO_DAY)
		return xstrdup(none);
	char buf[11];
	fmt_date_human(d, buf);
	return xstrdup(buf);
}

void out_value(const char *value)
{
	if (isatty(STDOUT_FILENO)) {
		char *shown = text_escaped(value);
		puts(shown);
		free(shown);
	} else {
		puts(value ? value : "");
	}
}
