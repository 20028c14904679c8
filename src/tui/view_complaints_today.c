/* view_complaints_today.c — the Complaints area's section of Today: the complaints and anomalies
 * not closed, oldest first (those open longer than complaint.overdue_days shown as overdue, S5),
 * one indexed page of at most TODAY_LIMIT. Enter opens the one selected. */
#include <stdlib.h>

#include "charte/complaint.h"
#include "complaints.h"
#include "today.h"

/* What the lines need beside the complaints: the session (what is overdue) and the
 * categories' labels. */
typedef struct open_aside {
	app *a;
	complaint_category *cats;
	size_t ncats;
} open_aside;

static int read_open(app *a, cminute now, void **out, size_t *n, cerr *e)
{
	(void)now;
	complaint_filter f;
	complaint_filter_init(&f);
	f.open = true;
	complaint *rows = NULL;
	*n = 0;
	/* The oldest: the last page of a list shown newest first. */
	int r = complaint_page(a, &f, NULL, true, TODAY_LIMIT + 1, &rows, n, e);
	if (r) {
		complaints_free(rows, *n);
		return r;
	}
	/* Oldest first; past TODAY_LIMIT the newest are left out. */
	for (size_t i = 0; i < *n / 2; i++) {
		complaint tmp = rows[i];
		rows[i] = rows[*n - 1 - i];
		rows[*n - 1 - i] = tmp;
	}
	*out = rows;
	return ST_OK;
}

static void free_row(void *row)
{
	complaint_free(row);
}

static void *aside_read(app *a)
{
	open_aside *o = xcalloc(1, sizeof *o);
	o->a = a;
	complaint_categories(a, &o->cats, &o->ncats, NULL);
	return o;
}

static void aside_free(void *aside)
{
	open_aside *o = aside;
	complaint_categories_free(o->cats, o->ncats);
	free(o);
}

static void draw_line(const void *aside, const void *row, rect r, bool selected)
{
	const open_aside *o = aside;
	const complaint *c = row;
	attr_t attr = style_row(complaint_overdue(o->a, c) ? S_OVERDUE : S_NORMAL, selected);
	char on[11];
	fmt_date_human(c->received_on, on);
	int cw = (r.w - 3 - 17) / 3;
	if (cw > 26)
		cw = 26;
	const char *cells[] = {on, c->client_name,
			       complaint_category_label(o->cats, o->ncats, c->category),
			       c->description};
	today_draw_cells(r, attr, cells, (const int[]){16, cw, 18, TODAY_REST}, 4);
}

static void open_complaint(tui *t, const void *row, enum action act)
{
	(void)act;
	int64_t id = ((const complaint *)row)->id;
	tui_push(t, &view_complaint_ops, &id);
}

static const struct today_list open_list = {
	.title = N_("Open complaints"),
	.none = N_("nothing"),
	.no_selection = N_("No complaint is selected"),
	.row_size = sizeof(complaint),
	.read = read_open,
	.free_row = free_row,
	.aside_read = aside_read,
	.aside_free = aside_free,
	.draw = draw_line,
	.act = open_complaint,
};

static const enum action line_actions[] = {ACT_OPEN, ACT_NONE};

static const struct today_section open_complaints = TODAY_LIST_SECTION(60, &open_list,
								       line_actions);

const struct today_section *const complaints_today[] = {&open_complaints, &followups_due_today,
							 NULL};
