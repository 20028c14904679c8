/* view_planning_today.c — the Planning area's section of Today: today's visits, those no worker
 * covers first (none, or their worker absent today: in the overdue style), then the others in
 * start order (issue 8, point 9). Two indexed reads of today's range, at most TODAY_LIMIT
 * lines. Enter shows the visit on the Planning grid; c opens its client's file. */
#include <stdlib.h>

#include "charte/visit.h"
#include "areas.h"
#include "planning.h"
#include "today.h"

/* A line: the visit, and whether no one covers it. */
struct today_visit {
	visit v; /* first: its id is the line's */
	bool open;
};

static bool among(const visit *rows, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].id == id)
			return true;
	return false;
}

static int read_visits(app *a, cminute now, void **out, size_t *n, cerr *e)
{
	visit_filter f;
	visit_filter_init(&f);
	f.from = cal_at(cal_day_of(now), 0);
	f.to = cal_at(cal_day_of(now) + 1, 0);
	f.uncovered = true;
	visit *open = NULL, *all = NULL;
	size_t nopen = 0, nall = 0;
	int r = visit_page(a, &f, NULL, false, TODAY_LIMIT + 1, &open, &nopen, e);
	f.uncovered = false;
	/* The covered ones: today's visits less those read already. */
	if (!r && nopen <= TODAY_LIMIT)
		r = visit_page(a, &f, NULL, false, (int)(TODAY_LIMIT + 1 + nopen), &all, &nall, e);
	if (r) {
		visits_free(open, nopen);
		visits_free(all, nall);
		return r;
	}
	struct today_visit *rows = xcalloc(nopen + nall + 1, sizeof *rows);
	*n = 0;
	for (size_t i = 0; i < nopen; i++)
		rows[(*n)++] = (struct today_visit){open[i], true};
	for (size_t i = 0; i < nall; i++) {
		if (*n < TODAY_LIMIT + 1 && !among(open, nopen, all[i].id))
			rows[(*n)++] = (struct today_visit){all[i], false};
		else
			visit_free(&all[i]);
	}
	free(open);
	free(all);
	*out = rows;
	return ST_OK;
}

static void free_row(void *row)
{
	visit_free(&((struct today_visit *)row)->v);
}

static void draw_line(const void *aside, const void *row, rect r, bool selected)
{
	(void)aside;
	const struct today_visit *line = row;
	const visit *v = &line->v;
	enum style style = v->status == VISIT_CANCELLED || v->status == VISIT_MISSED ? S_DIM
			   : line->open					       ? S_OVERDUE
			   : v->status == VISIT_DONE			       ? S_DONE
									       : S_NORMAL;
	attr_t attr = style_row(style, selected);
	char from[6], to[6];
	fmt_clock(cal_minute_of_day(v->starts), from);
	fmt_clock(cal_minute_of_day(v->ends), to);
	char *when = xasprintf("%s-%s", from, to);
	char *who = line->open && !v->worker_id ? xstrdup(_("no worker: uncovered"))
		    : line->open			  ? xasprintf(_("%s (absent)"), v->worker_name)
		    : !v->worker_id			  ? xstrdup(_("no worker"))
							  : xstrdup(v->worker_name);
	int cw = (r.w - 3 - 17) / 3;
	if (cw > 26)
		cw = 26;
	const char *cells[] = {
		when, v->client_name, who,
		v->status == VISIT_PLANNED ? v->service_label : enum_label(&visit_statuses, v->status),
	};
	today_draw_cells(r, attr, cells, (const int[]){16, cw, cw, TODAY_REST}, 4);
	free(when);
	free(who);
}

/* Enter: the visit on the Planning grid; c: its client's file. */
static void open_visit(tui *t, const void *row, enum action act)
{
	const visit *v = &((const struct today_visit *)row)->v;
	if (act == ACT_OPEN_CLIENT)
		area_open(t, "client", v->client_id, NULL);
	else
		planning_show_visit(t, v);
}

static const struct today_list visits_list = {
	.title = N_("Today's visits"),
	.none = N_("no visit today"),
	.no_selection = N_("No visit is selected"),
	.row_size = sizeof(struct today_visit),
	.read = read_visits,
	.free_row = free_row,
	.draw = draw_line,
	.act = open_visit,
};

static const enum action line_actions[] = {ACT_OPEN, ACT_OPEN_CLIENT, ACT_NONE};

/* After the findings: they keep their place on a 24-line screen. */
static const struct today_section visits_today = TODAY_LIST_SECTION(95, &visits_list,
								    line_actions);

const struct today_section *const planning_today[] = {&visits_today, NULL};
