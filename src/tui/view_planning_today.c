/* view_planning_today.c — the Planning area's section of Today: today's visits, those no worker
 * covers first (in the overdue style), then the others in start order (issue 8, point 9). Two
 * indexed reads of today's range, at most TODAY_LIMIT lines. Enter shows the visit on the
 * Planning grid; c opens its client's file. */
#include <stdlib.h>

#include "charte/visit.h"
#include "areas.h"
#include "planning.h"
#include "today.h"

typedef struct visits_section {
	visit *rows;
	size_t n;
	bool more;
} visits_section;

static void *open_st(app *a)
{
	(void)a;
	return xcalloc(1, sizeof(visits_section));
}

static void close_st(void *st)
{
	visits_section *s = st;
	visits_free(s->rows, s->n);
	free(s);
}

static int read_visits(void *st, app *a, cminute now, cerr *e)
{
	visits_section *s = st;
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
	visits_free(s->rows, s->n);
	s->rows = xrealloc(open, (nopen + nall + 1) * sizeof *s->rows);
	s->n = nopen;
	for (size_t i = 0; i < nall; i++) {
		if (all[i].worker_id && s->n < TODAY_LIMIT + 1)
			s->rows[s->n++] = all[i];
		else
			visit_free(&all[i]);
	}
	free(all);
	s->more = s->n > TODAY_LIMIT;
	while (s->n > TODAY_LIMIT)
		visit_free(&s->rows[--s->n]);
	return ST_OK;
}

static char *heading(void *st)
{
	const visits_section *s = st;
	return xasprintf(s->more ? "%s (%zu+)" : "%s (%zu)", _("Today's visits"), s->n);
}

static const char *none(void *st)
{
	(void)st;
	return _("no visit today");
}

static size_t count(void *st)
{
	return ((const visits_section *)st)->n;
}

static bool ident(void *st, size_t i, struct today_ident *id)
{
	const visits_section *s = st;
	*id = (struct today_ident){0, i < s->n ? s->rows[i].id : 0};
	return i < s->n;
}

static void draw_line(void *st, size_t i, rect r, bool selected)
{
	const visits_section *s = st;
	const visit *v = &s->rows[i];
	enum style style = v->status == VISIT_CANCELLED || v->status == VISIT_MISSED ? S_DIM
			   : !v->worker_id			       ? S_OVERDUE
			   : v->status == VISIT_DONE		       ? S_DONE
								       : S_NORMAL;
	attr_t attr = style_row(style, selected);
	char from[6], to[6];
	fmt_clock(cal_minute_of_day(v->starts), from);
	fmt_clock(cal_minute_of_day(v->ends), to);
	char *when = xasprintf("%s-%s", from, to);
	int cw = (r.w - 3 - 17) / 3;
	if (cw > 26)
		cw = 26;
	draw_fill(r.y, r.x, r.w, attr);
	int x = r.x + 3;
	draw_cell(r.y, x, 16, when, attr);
	free(when);
	x += 17;
	draw_cell(r.y, x, cw, v->client_name, attr);
	x += cw + 1;
	draw_cell(r.y, x, cw, v->worker_id ? v->worker_name : _("no worker: uncovered"), attr);
	x += cw + 1;
	if (x < r.x + r.w)
		draw_cell(r.y, x, r.x + r.w - x,
			  v->status == VISIT_PLANNED ? v->service_label
						     : enum_label(&visit_statuses, v->status),
			  attr);
}

static const enum action line_actions[] = {ACT_OPEN, ACT_OPEN_CLIENT, ACT_NONE};

static int key(tui *t, void *st, size_t i, enum action act)
{
	const visits_section *s = st;
	if (act != ACT_OPEN && act != ACT_OPEN_CLIENT)
		return TK_PASS;
	if (i >= s->n) {
		tui_msg(t, "%s", _("No visit is selected"));
		return TK_DONE;
	}
	if (act == ACT_OPEN_CLIENT)
		area_open(t, "client", s->rows[i].client_id, NULL);
	else
		planning_show_visit(t, &s->rows[i]);
	return TK_DONE;
}

static const struct today_section visits_today = {
	.rank = 95, /* after the findings: they keep their place on a 24-line screen */
	.open = open_st,
	.close = close_st,
	.read = read_visits,
	.heading = heading,
	.none = none,
	.count = count,
	.ident = ident,
	.draw = draw_line,
	.actions = line_actions,
	.key = key,
};

const struct today_section *const planning_today[] = {&visits_today, NULL};
