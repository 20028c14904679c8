/* survey_xlsx.c — the survey's results as a workbook (libxlsxwriter): the manager's yearly job.
 * Three sheets: the summary, the questions with a chart comparing the year with the one before,
 * the free comments (no name). Every figure is a number (counts) or a fraction shown as a
 * percentage, never text; header rows are frozen; columns are as wide as their content. The
 * file is written under a temporary name in the same folder and renamed once whole. */
#include "charte/export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "charte/survey.h"

#define MAX_COLS 12
#define WIDTH_MAX 80

/* A sheet and the widest text written in each of its columns. */
typedef struct sheet {
	lxw_worksheet *ws;
	int width[MAX_COLS];
} sheet;

typedef struct book {
	lxw_workbook *wb;
	lxw_format *head, *percent, *date, *wrap, *year;
} book;

/* Text from storage as libxlsxwriter must get it: valid UTF-8 without control characters
 * (SQLite does not enforce UTF-8, and an invalid byte makes the whole file unreadable). */
static char *clean(const char *s)
{
	if (!s)
		return xstrdup("");
	if (utf8_valid(s))
		return text_printable(s);
	char *c = xstrdup(s);
	for (char *p = c; *p; p++)
		if ((unsigned char)*p >= 0x80 || (unsigned char)*p < 0x20)
			*p = '?';
	return c;
}

static void widen(sheet *s, int col, int w)
{
	if (col < MAX_COLS && w > s->width[col])
		s->width[col] = w;
}

static void put_text(sheet *s, int row, int col, const char *text, lxw_format *f)
{
	char *c = clean(text);
	worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)col, c, f);
	widen(s, col, text_width(c));
	free(c);
}

static void put_number(sheet *s, int row, int col, double v, lxw_format *f)
{
	worksheet_write_number(s->ws, (lxw_row_t)row, (lxw_col_t)col, v, f);
	widen(s, col, 8);
}

/* part / of as a percentage; an empty cell when there is none (nothing to divide). */
static void put_fraction(book *b, sheet *s, int row, int col, int64_t part, int64_t of)
{
	if (of > 0)
		put_number(s, row, col, (double)part / (double)of, b->percent);
	else
		worksheet_write_blank(s->ws, (lxw_row_t)row, (lxw_col_t)col, b->percent);
}

/* Columns as wide as their content, within reason. */
static void fit(sheet *s, int ncols, lxw_format *wrap_last)
{
	for (int c = 0; c < ncols && c < MAX_COLS; c++) {
		int w = s->width[c] + 2;
		if (w > WIDTH_MAX)
			w = WIDTH_MAX;
		worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, w,
				     c == ncols - 1 ? wrap_last : NULL);
	}
}

static void summary_sheet(book *b, const survey_results *r)
{
	sheet s = {workbook_add_worksheet(b->wb, _("Summary")), {0}};
	const survey_campaign *c = &r->campaign;
	int row = 0;
	put_text(&s, row, 0, _("Indicator"), b->head);
	put_text(&s, row++, 1, _("Value"), b->head);
	put_text(&s, row, 0, _("Campaign"), NULL);
	put_number(&s, row++, 1, c->year, b->year);
	put_text(&s, row, 0, _("Clients asked"), NULL);
	put_number(&s, row++, 1, (double)c->asked, NULL);
	put_text(&s, row, 0, _("Answers"), NULL);
	put_number(&s, row++, 1, (double)c->answered, NULL);
	put_text(&s, row, 0, _("Response rate"), NULL);
	put_fraction(b, &s, row++, 1, c->answered, c->asked);
	char label[128];
	put_text(&s, row, 0, _("Overall satisfaction"), NULL);
	size_t overall = 0;
	for (size_t i = 0; i < r->nquestions; i++)
		if (r->tally[i].share == r->overall && !strcmp(r->questions[i].code, "overall"))
			overall = i + 1;
	if (!overall && r->nquestions)
		overall = r->nquestions;
	if (overall)
		put_fraction(b, &s, row, 1, r->tally[overall - 1].satisfied,
			     r->tally[overall - 1].expressed);
	row++;
	if (r->has_last) {
		snprintf(label, sizeof label, _("Overall satisfaction %d"), r->last.year);
		put_text(&s, row, 0, label, NULL);
		if (overall && r->tally[overall - 1].last_asked)
			put_fraction(b, &s, row, 1, r->tally[overall - 1].last_satisfied,
				     r->tally[overall - 1].last_expressed);
		row++;
		snprintf(label, sizeof label, _("Response rate %d"), r->last.year);
		put_text(&s, row, 0, label, NULL);
		put_fraction(b, &s, row++, 1, r->last.answered, r->last.asked);
	}
	put_text(&s, row, 0, _("Published on"), NULL);
	if (c->published_on != NO_DAY) {
		int y, m, d;
		cal_ymd(c->published_on, &y, &m, &d);
		lxw_datetime when = {y, m, d, 0, 0, 0};
		worksheet_write_datetime(s.ws, (lxw_row_t)row, 1, &when, b->date);
		widen(&s, 1, 10);
	} else {
		put_text(&s, row, 1, _("not published"), NULL);
	}
	worksheet_freeze_panes(s.ws, 1, 0);
	fit(&s, 2, NULL);
}

static void results_sheet(book *b, const survey_results *r)
{
	const char *name = _("Results");
	sheet s = {workbook_add_worksheet(b->wb, name), {0}};
	int year = r->campaign.year;
	char this_share[64], last_share[64];
	snprintf(this_share, sizeof this_share, _("Satisfied %d"), year);
	snprintf(last_share, sizeof last_share, _("Satisfied %d"), year - 1);
	const char *heads[] = {_("No."),
			       _("Question"),
			       _("Answers"),
			       enum_label(&survey_answers, SURVEY_VERY_SATISFIED),
			       enum_label(&survey_answers, SURVEY_SATISFIED),
			       enum_label(&survey_answers, SURVEY_DISSATISFIED),
			       enum_label(&survey_answers, SURVEY_VERY_DISSATISFIED),
			       enum_label(&survey_answers, SURVEY_NO_OPINION),
			       this_share,
			       last_share};
	const int ncols = (int)ARRAY_LEN(heads);
	for (int c = 0; c < ncols; c++)
		put_text(&s, 0, c, heads[c], b->head);
	for (size_t i = 0; i < r->nquestions; i++) {
		const survey_tally *t = &r->tally[i];
		int row = (int)i + 1;
		put_number(&s, row, 0, (double)(i + 1), NULL);
		put_text(&s, row, 1, survey_question_text(&r->questions[i]), NULL);
		put_number(&s, row, 2, (double)t->answers, NULL);
		for (int v = 0; v < SURVEY_SCALE; v++)
			put_number(&s, row, 3 + v, (double)t->counts[v], NULL);
		put_fraction(b, &s, row, 8, t->satisfied, t->expressed);
		if (t->last_asked)
			put_fraction(b, &s, row, 9, t->last_satisfied, t->last_expressed);
		else
			worksheet_write_blank(s.ws, (lxw_row_t)row, 9, b->percent);
	}
	worksheet_freeze_panes(s.ws, 1, 2);
	fit(&s, ncols, NULL);
	if (!r->nquestions)
		return;

	/* One clustered bar chart: each question's share satisfied, this year beside last year. */
	lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_BAR);
	lxw_row_t last = (lxw_row_t)r->nquestions;
	if (r->has_last) {
		lxw_chart_series *before = chart_add_series(chart, NULL, NULL);
		chart_series_set_categories(before, name, 1, 1, last, 1);
		chart_series_set_values(before, name, 1, 9, last, 9);
		chart_series_set_name_range(before, name, 0, 9);
	}
	lxw_chart_series *now = chart_add_series(chart, NULL, NULL);
	chart_series_set_categories(now, name, 1, 1, last, 1);
	chart_series_set_values(now, name, 1, 8, last, 8);
	chart_series_set_name_range(now, name, 0, 8);
	char title[96];
	snprintf(title, sizeof title, _("Share of satisfied clients, %d"), year);
	chart_title_set_name(chart, title);
	/* In a bar chart the values run along x, the questions down y. */
	chart_axis_set_min(chart->x_axis, 0);
	chart_axis_set_max(chart->x_axis, 1);
	chart_axis_set_num_format(chart->x_axis, "0%");
	/* The first question at the top, as in the table. */
	chart_axis_set_reverse(chart->y_axis);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options place = {.x_scale = 2.0, .y_scale = 1.6};
	worksheet_insert_chart_opt(s.ws, last + 2, 1, chart, &place);
}

static void comments_sheet(book *b, const survey_results *r)
{
	sheet s = {workbook_add_worksheet(b->wb, _("Comments")), {0}};
	put_text(&s, 0, 0, _("No."), b->head);
	put_text(&s, 0, 1, _("Comment"), b->head);
	for (size_t i = 0; i < r->ncomments; i++) {
		put_number(&s, (int)i + 1, 0, (double)(i + 1), NULL);
		put_text(&s, (int)i + 1, 1, r->comments[i], NULL);
	}
	worksheet_freeze_panes(s.ws, 1, 0);
	fit(&s, 2, b->wrap);
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);
	return n > m && !strcasecmp(s + n - m, tail);
}

int export_survey_xlsx(app *a, int year, const char *path, cerr *e)
{
	if (!path || !ends_with(path, ".xlsx"))
		return err_set(e, ST_INVALID, "output",
			       _("the workbook's name must end in .xlsx"));
	survey_results r;
	int st = survey_results_get(a, year, &r, e);
	if (st)
		return st;
	/* A temporary name in the same folder, so that the rename is atomic. */
	const char *slash = strrchr(path, '/');
	char *tmp = slash ? xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1)
			  : xasprintf(".%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		st = err_set(e, ST_IO, "output", _("cannot write %s: %s"), path, strerror(errno));
		free(tmp);
		survey_results_free(&r);
		return st;
	}
	close(fd);
	lxw_workbook_options opts = {.constant_memory = 0, .tmpdir = NULL, .use_zip64 = 0};
	book b = {workbook_new_opt(tmp, &opts), NULL, NULL, NULL, NULL, NULL};
	lxw_error lx = LXW_ERROR_MEMORY_MALLOC_FAILED;
	if (b.wb) {
		b.head = workbook_add_format(b.wb);
		format_set_bold(b.head);
		format_set_bottom(b.head, LXW_BORDER_THIN);
		b.percent = workbook_add_format(b.wb);
		format_set_num_format(b.percent, "0.0%");
		b.date = workbook_add_format(b.wb);
		format_set_num_format(b.date, lang_french ? "dd/mm/yyyy" : "yyyy-mm-dd");
		format_set_align(b.date, LXW_ALIGN_LEFT);
		b.year = workbook_add_format(b.wb);
		format_set_num_format(b.year, "0");
		format_set_align(b.year, LXW_ALIGN_LEFT);
		b.wrap = workbook_add_format(b.wb);
		format_set_text_wrap(b.wrap);
		format_set_align(b.wrap, LXW_ALIGN_VERTICAL_TOP);
		summary_sheet(&b, &r);
		results_sheet(&b, &r);
		comments_sheet(&b, &r);
		char title[96];
		snprintf(title, sizeof title, _("Satisfaction survey %d"), year);
		lxw_doc_properties props = {.title = title};
		workbook_set_properties(b.wb, &props);
		/* The only place a write failure shows (TRAPS.md). */
		lx = workbook_close(b.wb);
	}
	survey_results_free(&r);
	if (lx != LXW_NO_ERROR) {
		unlink(tmp);
		st = err_set(e, ST_IO, "output", _("cannot write %s: %s"), path, lxw_strerror(lx));
	} else if (rename(tmp, path) != 0) {
		st = err_set(e, ST_IO, "output", _("cannot write %s: %s"), path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return st;
}
