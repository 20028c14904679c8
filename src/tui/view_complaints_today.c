/* view_complaints_today.c — the Complaints area's section of Today: the complaints and anomalies
 * not closed, oldest first (those open longer than complaint.overdue_days shown as overdue, S5),
 * one indexed page of at most TODAY_LIMIT. Enter opens the one selected. */
#include <stdlib.h>

#include "charte/complaint.h"
#include "complaints.h"
#include "today.h"

typedef struct open_section {
	complaint *rows;
	size_t n;
	bool more;
	app *a;
	complaint_category *cats;
	size_t ncats;
} open_section;

static void *open_st(app *a)
{
	open_section *s = xcalloc(1, sizeof *s);
	s->a = a;
	return s;
}

static void forget(open_section *s)
{
	complaints_free(s->rows, s->n);
	complaint_categories_free(s->cats, s->ncats);
	s->rows = NULL;
	s->cats = NULL;
	s->n = s->ncats = 0;
}

static void close_st(void *st)
{
	forget(st);
	free(st);
}

static int read_open(void *st, app *a, cminute now, cerr *e)
{
	(void)now;
	open_section *s = st;
	complaint_filter f;
	complaint_filter_init(&f);
	f.open = true;
	complaint *rows = NULL;
	size_t n = 0;
	/* The oldest: the last page of a list shown newest first. */
	int r = complaint_page(a, &f, NULL, true, TODAY_LIMIT + 1, &rows, &n, e);
	if (r) {
		complaints_free(rows, n);
		return r;
	}
	forget(s);
	s->a = a;
	complaint_categories(a, &s->cats, &s->ncats, NULL);
	s->more = n > TODAY_LIMIT;
	/* Oldest first; past TODAY_LIMIT the newest are left out. */
	for (size_t i = 0; i < n / 2; i++) {
		complaint tmp = rows[i];
		rows[i] = rows[n - 1 - i];
		rows[n - 1 - i] = tmp;
	}
	if (s->more) {
		for (size_t i = TODAY_LIMIT; i < n; i++)
			complaint_free(&rows[i]);
		n = TODAY_LIMIT;
	}
	s->rows = rows;
	s->n = n;
	return ST_OK;
}

static char *heading(void *st)
{
	const open_section *s = st;
	return xasprintf(s->more ? "%s (%zu+)" : "%s (%zu)", _("Open complaints"), s->n);
}

static const char *none(void *st)
{
	(void)st;
	return _("nothing");
}

static size_t count(void *st)
{
	return ((const open_section *)st)->n;
}

static bool ident(void *st, size_t i, struct today_ident *id)
{
	const open_section *s = st;
	*id = (struct today_ident){0, i < s->n ? s->rows[i].id : 0};
	return i < s->n;
}

static void draw_line(void *st, size_t i, rect r, bool selected)
{
	const open_section *s = st;
	const complaint *c = &s->rows[i];
	attr_t attr = style_row(complaint_overdue(s->a, c) ? S_OVERDUE : S_NORMAL, selected);
	char on[11];
	fmt_date_human(c->received_on, on);
	int cw = (r.w - 3 - 17) / 3;
	if (cw > 26)
		cw = 26;
	draw_fill(r.y, r.x, r.w, attr);
	int x = r.x + 3;
	draw_cell(r.y, x, 16, on, attr);
	x += 17;
	draw_cell(r.y, x, cw, c->client_name, attr);
	x += cw + 1;
	const char *label = complaint_category_label(s->cats, s->ncats, c->category);
	draw_cell(r.y, x, 18, label, attr);
	x += 19;
	if (x < r.x + r.w)
		draw_cell(r.y, x, r.x + r.w - x, c->description, attr);
}

static const enum action line_actions[] = {ACT_OPEN, ACT_NONE};

static int key(tui *t, void *st, size_t i, enum action act)
{
	const open_section *s = st;
	if (act != ACT_OPEN)
		return TK_PASS;
	if (i >= s->n) {
		tui_msg(t, "%s", _("No complaint is selected"));
		return TK_DONE;
	}
	int64_t id = s->rows[i].id;
	tui_push(t, &view_complaint_ops, &id);
	return TK_DONE;
}

static const struct today_section open_complaints = {
	.rank = 60,
	.open = open_st,
	.close = close_st,
	.read = read_open,
	.heading = heading,
	.none = none,
	.count = count,
	.ident = ident,
	.draw = draw_line,
	.actions = line_actions,
	.key = key,
};

const struct today_section *const complaints_today[] = {&open_complaints, &followups_due_today,
							 NULL};
