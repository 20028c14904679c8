/* view_planning.c — the Planning area (issue 8, point 10): a week grid of one worker's visits,
 * one client's, or those no worker covers; days across, hours down, each visit a block from its
 * start to its end (uncovered ones in the overdue style, cancelled ones dimmed). The cursor goes
 * from visit to visit (↑/↓ within a day, ←/→ across days); the line under the grid says all of
 * the selected one, the client's forbidden zones included (issue 8, point 2), those of its first
 * meetings too. On it: h records the arrival, z marks it done, x cancels it (once started:
 * missed, or cancelled), W gives it to a worker (the ranked candidates first, the planning checks
 * shown before), c opens the client's file; a plans a visit by hand (view_visit_form.c). A visit
 * whose worker is absent that day is uncovered too, marked as one with no worker. Each redraw after a change of week or person reads one
 * index range (visit_page over the week of one worker or client): never the whole table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/client.h"
#include "charte/contract.h"
#include "charte/planning.h"
#include "charte/visit.h"
#include "charte/worker.h"
#include "areas.h"
#include "dialog.h"
#include "frame.h"
#include "picker.h"
#include "planning.h"

/* Visits one week grid reads at most (a worker has a few dozen; the uncovered of a large
 * agency may be more: the grid then says so). */
#define PLAN_LIMIT 500
#define HOUR_COLS 6
#define FIRST_HOUR 7 /* the grid opens on 07:00 */

enum plan_mode { PM_WORKER, PM_CLIENT, PM_UNCOVERED };

typedef struct planning {
	app *a;
	int mode;         /* enum plan_mode */
	worker w;         /* PM_WORKER: the worker shown (id 0: none) */
	client_file c;    /* PM_CLIENT: the client shown */
	cday monday;      /* the week shown */
	visit *rows;      /* the week's visits, in start order */
	size_t n;
	bool more;        /* more than PLAN_LIMIT */
	int day;          /* the selected day, 0 (Monday) to 6 */
	int64_t sel;      /* the selected visit (0: none) */
	int top;          /* the first hour shown */
	int hours;        /* hours the last draw had room for */
	int64_t zones_of; /* the client whose forbidden zones are in zones (0: none read) */
	char *zones;
	absence *abs;     /* the absences of the workers of the week's visits */
	size_t nabs;
} planning;

static const enum action plan_actions[] = {
	ACT_ADD, ACT_ARRIVE,	  ACT_ASSIGN,	   ACT_FINISH,	    ACT_CANCEL_CALL, ACT_NEXT_WEEK,
	ACT_PREV_WEEK,	  ACT_NEXT_PERSON, ACT_PREV_PERSON, ACT_SHOW_WORKER, ACT_SHOW_CLIENT,
	ACT_UNCOVERED,	  ACT_OPEN_CLIENT, ACT_UP,	    ACT_DOWN,	     ACT_PREV_DAY,
	ACT_NEXT_DAY,	  ACT_NONE,
};

static int day_of(const planning *p, const visit *v)
{
	return (int)(cal_day_of(v->starts) - p->monday);
}

/* A planned visit whose worker is absent on a day of it (one past midnight: both): uncovered
 * too (I2), until replaced. */
static bool worker_absent(const planning *p, const visit *v)
{
	if (!v->worker_id || v->status != VISIT_PLANNED)
		return false;
	cday first = cal_day_of(v->starts), last = cal_day_of(v->ends - 1);
	for (size_t i = 0; i < p->nabs; i++)
		if (p->abs[i].worker_id == v->worker_id && p->abs[i].from_day <= last &&
		    first <= p->abs[i].to_day)
			return true;
	return false;
}

/* The absences of the workers of the week's visits (a worker's own, or the few of a client's
 * or uncovered week): a few rows each. */
static void load_absences(planning *p)
{
	absences_free(p->abs, p->nabs);
	p->abs = NULL;
	p->nabs = 0;
	for (size_t i = 0; i < p->n; i++) {
		int64_t w = p->rows[i].worker_id;
		bool seen = !w;
		for (size_t j = 0; j < i && !seen; j++)
			seen = p->rows[j].worker_id == w;
		absence *rows = NULL;
		size_t n = 0;
		if (seen || absence_list(p->a, w, &rows, &n, NULL) != ST_OK || !n) {
			absences_free(rows, n);
			continue;
		}
		p->abs = xrealloc(p->abs, (p->nabs + n) * sizeof *p->abs);
		memcpy(p->abs + p->nabs, rows, n * sizeof *rows);
		p->nabs += n;
		free(rows);
	}
}

static const visit *selected(const planning *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->rows[i].id == p->sel)
			return &p->rows[i];
	return NULL;
}

/* The visit of day `day` starting nearest to minute `near` of the day (-1: the first). */
static int64_t visit_near(const planning *p, int day, int near)
{
	int64_t best = 0;
	int gap = 0;
	for (size_t i = 0; i < p->n; i++) {
		if (day_of(p, &p->rows[i]) != day)
			continue;
		if (near < 0)
			return p->rows[i].id;
		int d = abs(cal_minute_of_day(p->rows[i].starts) - near);
		if (!best || d < gap) {
			best = p->rows[i].id;
			gap = d;
		}
	}
	return best;
}

/* Keep the selected visit's hour in the window. */
static void show_selected(planning *p)
{
	const visit *v = selected(p);
	if (!v || p->hours <= 0)
		return;
	int h = cal_minute_of_day(v->starts) / 60;
	if (h < p->top)
		p->top = h;
	else if (h >= p->top + p->hours)
		p->top = h - p->hours + 1;
}

/* Read the week: one page of visit_page over one index range. The selection is kept when the
 * visit is still there, else the first of the selected day. */
static int load(planning *p, cerr *e)
{
	visit_filter f;
	visit_filter_init(&f);
	f.from = cal_at(p->monday, 0);
	f.to = cal_at(p->monday + 7, 0);
	if (p->mode == PM_WORKER)
		f.worker_id = p->w.id ? p->w.id : -1; /* none yet: an empty week */
	else if (p->mode == PM_CLIENT)
		f.client_id = p->c.id ? p->c.id : -1;
	else
		f.uncovered = true;
	visit *rows = NULL;
	size_t n = 0;
	int r = visit_page(p->a, &f, NULL, false, PLAN_LIMIT + 1, &rows, &n, e);
	if (r) {
		visits_free(rows, n);
		return r;
	}
	visits_free(p->rows, p->n);
	p->more = n > PLAN_LIMIT;
	if (p->more) {
		for (size_t i = PLAN_LIMIT; i < n; i++)
			visit_free(&rows[i]);
		n = PLAN_LIMIT;
	}
	p->rows = rows;
	p->n = n;
	load_absences(p);
	if (!selected(p))
		p->sel = visit_near(p, p->day, -1);
	show_selected(p);
	return ST_OK;
}

static void reload_or_say(tui *t, planning *p)
{
	cerr e;
	err_clear(&e);
	if (load(p, &e))
		tui_error(t, &e);
}

static int open_planning(tui *t, view *v, void *arg, cerr *e)
{
	(void)arg;
	planning *p = xcalloc(1, sizeof *p);
	p->a = tui_app(t);
	worker_init(&p->w);
	client_init(&p->c);
	p->monday = visit_week_of(app_today(p->a));
	p->day = (int)(app_today(p->a) - p->monday);
	p->top = FIRST_HOUR;
	/* The first worker in name order; none yet: the visits no worker covers. */
	worker_filter wf;
	worker_filter_init(&wf);
	worker *first = NULL;
	size_t n = 0;
	if (worker_page(p->a, &wf, NULL, false, 1, &first, &n, NULL) == ST_OK && n == 1) {
		p->w = first[0];
		free(first);
	} else {
		workers_free(first, n);
		p->mode = PM_UNCOVERED;
	}
	v->data = p;
	return load(p, e);
}

static void reload(tui *t, view *v)
{
	planning *p = v->data;
	p->zones_of = 0; /* the client's file may have changed too */
	reload_or_say(t, p);
}

static void close_planning(tui *t, view *v)
{
	(void)t;
	planning *p = v->data;
	visits_free(p->rows, p->n);
	absences_free(p->abs, p->nabs);
	worker_free(&p->w);
	client_free(&p->c);
	free(p->zones);
	free(p);
}

/* ---- Drawing ---- */

char *planning_forbidden_zones(app *a, int64_t client_id)
{
	strbuf b = {0};
	client_file c;
	client_init(&c);
	if (client_get(a, client_id, &c, NULL) == ST_OK && !str_blank(c.forbidden_zones))
		sb_add(&b, c.forbidden_zones);
	client_free(&c);
	meeting *m = NULL;
	size_t n = 0;
	if (meeting_list(a, client_id, 0, &m, &n, NULL) == ST_OK)
		for (size_t i = 0; i < n; i++) {
			const char *z = m[i].forbidden_zones;
			if (str_blank(z) || (b.s && strstr(b.s, z)))
				continue; /* said already (the file's, or an earlier meeting's) */
			sb_add(&b, b.len ? "; " : "");
			sb_add(&b, z);
		}
	meetings_free(m, n);
	return b.s;
}

static char *week_title(const planning *p)
{
	char from[11], to[11];
	fmt_date_human(p->monday, from);
	fmt_date_human(p->monday + 6, to);
	switch (p->mode) {
	case PM_WORKER:
		if (!p->w.id)
			return xasprintf(_("Planning: no worker yet, week of %s to %s"), from, to);
		return text_elide(
		    xasprintf(_("Planning of %s, week of %s to %s"), p->w.name, from, to));
	case PM_CLIENT: {
		char *name = client_display_name(&p->c);
		char *s = xasprintf(_("Planning of client %s, week of %s to %s"), name, from, to);
		free(name);
		return s;
	}
	default: return xasprintf(_("Visits no worker covers, week of %s to %s"), from, to);
	}
}

static enum style visit_style(const planning *p, const visit *v)
{
	if (v->status == VISIT_CANCELLED || v->status == VISIT_MISSED)
		return S_DIM;
	if (!v->worker_id || worker_absent(p, v))
		return S_OVERDUE; /* uncovered */
	if (v->status == VISIT_DONE)
		return S_DONE;
	return S_FIELD;
}

/* A time short enough for a day's column: "9h", "9h30". */
static void short_clock(cminute t, char out[static 8])
{
	int m = cal_minute_of_day(t);
	if (m % 60)
		snprintf(out, 8, "%dh%02d", m / 60 % 100, m % 60);
	else
		snprintf(out, 8, "%dh", m / 60 % 100);
}

/* Line k of a visit's block: who, when, what. */
static char *block_line(const planning *p, const visit *v, int k)
{
	char from[8], to[8];
	short_clock(v->starts, from);
	short_clock(v->ends, to);
	const char *who = p->mode == PM_CLIENT ? (v->worker_id ? v->worker_name : _("no worker"))
					       : v->client_name;
	bool open = v->status == VISIT_PLANNED && (!v->worker_id || worker_absent(p, v));
	switch (k) {
	case 0: return open ? xasprintf("!%s", who) : xstrdup(who); /* seen without colours too */
	case 1: return xasprintf("%s-%s", from, to);
	case 2: return xstrdup(v->service_label);
	case 3:
		if (v->status == VISIT_CANCELLED)
			return xstrdup(_("cancelled"));
		if (v->status == VISIT_MISSED)
			return xstrdup(_("missed"));
		if (!v->worker_id)
			return xstrdup(_("uncovered"));
		if (worker_absent(p, v))
			return xstrdup(_("absent"));
		return p->mode == PM_UNCOVERED ? xstrdup(v->worker_name) : xstrdup("");
	default: return xstrdup("");
	}
}

static void draw_block(const planning *p, const visit *v, rect g, int dw, bool sel)
{
	int d = day_of(p, v);
	if (d < 0 || d > 6)
		return;
	int from = cal_minute_of_day(v->starts);
	int to = cal_day_of(v->ends) > cal_day_of(v->starts) ? 24 * 60 : cal_minute_of_day(v->ends);
	int first = from / 60, last = (to + 59) / 60; /* hours [first, last) */
	if (last <= first)
		last = first + 1;
	attr_t attr = style_row(visit_style(p, v), sel);
	int x = g.x + HOUR_COLS + d * dw;
	for (int h = first; h < last; h++) {
		if (h < p->top || h >= p->top + g.h)
			continue;
		char *line = block_line(p, v, h - first);
		draw_cell(g.y + h - p->top, x, dw - 1, line, attr);
		free(line);
	}
}

/* The selected visit, whole, and its client's forbidden zones. */
static void draw_detail(planning *p, int y, rect r)
{
	const visit *v = selected(p);
	if (!v) {
		draw_text(y, r.x + 1, r.w - 2,
			  p->n ? _("No visit on this day") : _("No visit this week"), style_attr(S_DIM));
		return;
	}
	char from[17], to[6];
	fmt_datetime_human(v->starts, from);
	fmt_clock(cal_minute_of_day(v->ends), to);
	char *what = xasprintf("%s-%s  %s  %s", from, to, v->client_name, v->service_label);
	draw_text(y, r.x + 1, r.w - 2, what, style_attr(visit_style(p, v)));
	free(what);
	strbuf b = {0};
	if (worker_absent(p, v))
		sb_addf(&b, _("worker %s, absent: uncovered (W replaces)"), v->worker_name);
	else if (v->worker_id)
		sb_addf(&b, _("worker %s"), v->worker_name);
	else
		sb_add(&b, _("no worker: uncovered"));
	sb_addf(&b, "  %s", enum_label(&visit_statuses, v->status));
	if (v->cancel_reason)
		sb_addf(&b, ": %s", visit_reason_label(v->cancel_reason));
	if (v->arrived_at != NO_MINUTE) {
		char at[6];
		fmt_clock(cal_minute_of_day(v->arrived_at), at);
		sb_addf(&b, visit_is_late(v, visit_tolerance(p->a)) ? _(", arrived at %s (late)")
								      : _(", arrived at %s"),
			at);
	}
	if (*v->forced)
		sb_addf(&b, _(", planned despite: %s"), v->forced);
	draw_text(y + 1, r.x + 1, r.w - 2, sb_str(&b), style_attr(S_NORMAL));
	sb_free(&b);
	/* The forbidden zones (issue 8, point 2): read once per client selected. */
	if (p->zones_of != v->client_id) {
		free(p->zones);
		p->zones = planning_forbidden_zones(p->a, v->client_id);
		p->zones_of = v->client_id;
	}
	if (p->zones) {
		char *line = xasprintf(_("Forbidden zones: %s"), p->zones);
		draw_text(y + 2, r.x + 1, r.w - 2, line, style_attr(S_OVERDUE));
		free(line);
	}
}

static void draw(tui *t, view *v, rect r)
{
	(void)t;
	planning *p = v->data;
	char *title = week_title(p);
	draw_text(r.y, 1, r.w - 2, title, style_attr(S_HEADER));
	free(title);
	char *count = p->more ? xasprintf(_("%zu+ visits"), p->n)
				: xasprintf(ngettext("%zu visit", "%zu visits", p->n), p->n);
	draw_text_right(r.y, 1, r.w - 2, count, style_attr(S_INFO));
	free(count);
	int dw = (r.w - HOUR_COLS) / 7;
	cday today = app_today(p->a);
	for (int d = 0; d < 7; d++) {
		int y, m, dd;
		cal_ymd(p->monday + d, &y, &m, &dd);
		char *head = xasprintf("%s %02d/%02d", contract_weekday_label(d + 1), dd, m);
		enum style s = p->monday + d == today ? S_DUE_TODAY : S_HEADER;
		draw_cell(r.y + 1, r.x + HOUR_COLS + d * dw, dw - 1, head, style_row(s, d == p->day));
		free(head);
	}
	rect g = {r.y + 2, r.x, r.h - 6, r.w};
	if (g.h < 1)
		g.h = 1;
	p->hours = g.h;
	if (p->top > 24 - g.h)
		p->top = 24 - g.h > 0 ? 24 - g.h : 0;
	show_selected(p);
	for (int i = 0; i < g.h && p->top + i < 24; i++) {
		char hour[6];
		fmt_clock((p->top + i) * 60, hour);
		draw_text(g.y + i, g.x, HOUR_COLS - 1, hour, style_attr(S_DIM));
		for (int d = 0; d < 7; d++)
			draw_text(g.y + i, g.x + HOUR_COLS + d * dw, 1, "·", style_attr(S_DIM));
	}
	const visit *sel = NULL;
	for (size_t i = 0; i < p->n; i++) {
		if (p->rows[i].id == p->sel)
			sel = &p->rows[i];
		else
			draw_block(p, &p->rows[i], g, dw, false);
	}
	if (sel) /* last, over any it overlaps */
		draw_block(p, sel, g, dw, true);
	draw_detail(p, r.y + r.h - 3, r);
}

/* ---- Moving ---- */

static void move_in_day(planning *p, int step)
{
	const visit *v = selected(p);
	if (!v) {
		p->top += step;
		if (p->top < 0)
			p->top = 0;
		return;
	}
	size_t i = (size_t)(v - p->rows);
	for (size_t j = i; step > 0 ? j + 1 < p->n : j > 0;) {
		j = step > 0 ? j + 1 : j - 1;
		if (day_of(p, &p->rows[j]) == p->day) {
			p->sel = p->rows[j].id;
			show_selected(p);
			return;
		}
	}
}

static void move_day(planning *p, int step)
{
	const visit *v = selected(p);
	int near = v ? cal_minute_of_day(v->starts) : p->top * 60;
	int day = p->day + step;
	if (day < 0 || day > 6)
		return;
	p->day = day;
	p->sel = visit_near(p, day, near);
	show_selected(p);
}

static void move_week(tui *t, planning *p, int step)
{
	p->monday += 7 * step;
	p->sel = 0;
	reload_or_say(t, p);
}

/* The next or previous worker (or client) in name order: one row of their list, by key. */
static void move_person(tui *t, planning *p, bool backward)
{
	cerr e;
	err_clear(&e);
	size_t n = 0;
	int r = ST_OK;
	if (p->mode == PM_WORKER && p->w.id) {
		worker_filter f;
		worker_filter_init(&f);
		worker *rows = NULL;
		r = worker_page(p->a, &f, &p->w, backward, 1, &rows, &n, &e);
		if (!r && n == 1) {
			worker_free(&p->w);
			p->w = rows[0];
			free(rows);
		} else {
			workers_free(rows, n);
		}
	} else if (p->mode == PM_CLIENT && p->c.id) {
		client_filter f;
		client_filter_init(&f);
		client_file *rows = NULL;
		r = client_page(p->a, &f, &p->c, backward, 1, &rows, &n, &e);
		if (!r && n == 1) {
			client_free(&p->c);
			p->c = rows[0];
			free(rows);
		} else {
			clients_free(rows, n);
		}
	} else {
		tui_msg(t, "%s", _("Choose a worker (i) or a client (C) first"));
		return;
	}
	if (r) {
		tui_error(t, &e);
		return;
	}
	if (n != 1) {
		tui_msg(t, "%s", backward ? _("This is the first one") : _("This is the last one"));
		return;
	}
	p->sel = 0;
	reload_or_say(t, p);
}

/* ---- Choosing whose planning ---- */

static planning *shown(tui *t)
{
	view *v = tui_top(t);
	return v && v->ops == &view_planning_ops ? v->data : NULL;
}

/* Loads the worker or client `id` into p as the one whose planning is shown (mode PM_WORKER
 * or PM_CLIENT); p is left as it was when that fails. */
static int show_whose(planning *p, enum plan_mode mode, int64_t id, cerr *e)
{
	if (mode == PM_WORKER) {
		worker w;
		worker_init(&w);
		if (worker_get(p->a, id, &w, e)) {
			worker_free(&w);
			return -1;
		}
		worker_free(&p->w);
		p->w = w;
	} else {
		client_file c;
		client_init(&c);
		if (client_get(p->a, id, &c, e)) {
			client_free(&c);
			return -1;
		}
		client_free(&p->c);
		p->c = c;
	}
	p->mode = mode;
	return 0;
}

/* Picker callback: arg points at the plan_mode the picked row stands for. */
static void whose_picked(tui *t, void *arg, int64_t id, const char *value, const char *label)
{
	(void)value;
	(void)label;
	planning *p = shown(t);
	if (!p)
		return;
	cerr e;
	err_clear(&e);
	if (show_whose(p, *(const enum plan_mode *)arg, id, &e)) {
		tui_error(t, &e);
		return;
	}
	p->sel = 0;
	reload_or_say(t, p);
}

/* Opens the picker of workers (PM_WORKER) or clients (PM_CLIENT) whose planning to show. */
static void pick_whose(tui *t, enum plan_mode mode)
{
	enum plan_mode *arg = xmalloc(sizeof *arg);
	*arg = mode;
	picker_open(t, mode == PM_WORKER ? &picker_workers : &picker_clients, "", whose_picked, arg);
}

/* ---- Acting on the selected visit ---- */

/* The selected visit, when `step` may be taken on it now (else said why, and NULL). */
static const visit *visit_for(tui *t, planning *p, int step)
{
	const visit *v = selected(p);
	if (!v) {
		tui_msg(t, "%s", _("No visit is selected"));
		return NULL;
	}
	if (!tui_may(t, AREA_PLANNING))
		return NULL;
	cerr e;
	err_clear(&e);
	if (visit_can(v, step, app_now(p->a), &e)) {
		tui_error(t, &e);
		return NULL;
	}
	return v;
}

struct visit_arg {
	int64_t id;
	cday day; /* the visit's start day: a time alone is on it */
};

static struct visit_arg *visit_arg_of(const visit *v)
{
	struct visit_arg *va = xmalloc(sizeof *va);
	va->id = v->id;
	va->day = cal_day_of(v->starts);
	return va;
}

static int arrive_submit(tui *t, void *arg, const char *text, cerr *e)
{
	const struct visit_arg *va = arg;
	cminute at;
	int clock;
	if (!parse_clock(text, &clock)) {
		at = cal_at(va->day, clock);
	} else {
		const char *why = parse_datetime(text, &at);
		if (why)
			return err_set(e, ST_INVALID, "arrived_at", "%s", _(why));
	}
	int r = visit_arrive(tui_app(t), va->id, at, e);
	if (r)
		return r;
	char hm[6];
	fmt_clock(cal_minute_of_day(at), hm);
	tui_changed(t);
	tui_msg(t, _("Visit %lld: arrival recorded at %s"), (long long)va->id, hm);
	return ST_OK;
}

static void arrive(tui *t, planning *p)
{
	const visit *v = visit_for(t, p, VISIT_STEP_ARRIVE);
	if (!v)
		return;
	cminute now = app_now(p->a);
	char initial[17];
	if (cal_day_of(now) == cal_day_of(v->starts))
		fmt_clock(cal_minute_of_day(now), initial);
	else
		fmt_datetime_human(now, initial);
	char *help = xasprintf(_("%s at %s: the time of arrival (HH:MM on the visit's day, or a "
				 "date and a time)"),
			       v->worker_name, v->client_name);
	dialog_prompt(t, _("Record the arrival"), _("Arrived at"), help, initial, arrive_submit,
		      visit_arg_of(v));
	free(help);
}

static void finish(tui *t, planning *p)
{
	const visit *v = visit_for(t, p, VISIT_STEP_DONE);
	if (!v)
		return;
	int64_t id = v->id;
	cerr e;
	err_clear(&e);
	if (visit_done(p->a, id, &e)) {
		tui_error(t, &e);
		return;
	}
	tui_changed(t);
	tui_msg(t, _("Visit %lld done"), (long long)id);
}

static int cancel_submit(tui *t, void *arg, const char *text, cerr *e)
{
	const struct visit_arg *va = arg;
	int r = visit_cancel(tui_app(t), va->id, text, e);
	if (r)
		return r;
	tui_changed(t);
	tui_msg(t, _("Visit %lld cancelled"), (long long)va->id);
	return ST_OK;
}

static void ask_reason(tui *t, struct visit_arg *va)
{
	dialog_prompt(t, _("Cancel the visit"), _("Reason"),
		      _("Visits are never deleted: this one is kept, marked cancelled, with the "
			"reason."),
		      "", cancel_submit, va);
}

static void struck_out(tui *t, void *arg, int choice)
{
	const struct visit_arg *va = arg;
	if (choice == 1) { /* cancelled: the reason asked (the menu frees its arg) */
		struct visit_arg *copy = xmalloc(sizeof *copy);
		*copy = *va;
		ask_reason(t, copy);
		return;
	}
	cerr e;
	err_clear(&e);
	if (visit_missed(tui_app(t), va->id, &e)) {
		tui_error(t, &e);
		return;
	}
	tui_changed(t);
	tui_msg(t, _("Visit %lld missed: the worker did not come"), (long long)va->id);
}

/* x strikes the visit out: before it starts, cancelled with a reason; once started (and still
 * planned), missed (the worker did not come) or cancelled, as the coordinator says. */
static void cancel(tui *t, planning *p)
{
	const visit *v = visit_for(t, p, VISIT_STEP_CANCEL);
	if (!v)
		return;
	if (visit_can(v, VISIT_STEP_MISSED, app_now(p->a), NULL)) {
		ask_reason(t, visit_arg_of(v));
		return;
	}
	const char *items[] = {_("Missed: the worker did not come"),
			       _("Cancelled, with a reason")};
	dialog_menu(t, _("The visit did not take place"), items, 2, 0, struck_out,
		    visit_arg_of(v));
}

struct assign_arg {
	int64_t id, worker_id;
	char name[200];
};

static void assign_now(tui *t, const struct assign_arg *aa, bool force)
{
	cerr e;
	err_clear(&e);
	if (visit_assign(tui_app(t), aa->id, aa->worker_id, force, &e)) {
		tui_error(t, &e);
		return;
	}
	tui_changed(t);
	tui_msg(t, _("Visit %lld given to %s"), (long long)aa->id, aa->name);
}

static void assign_forced(tui *t, void *arg)
{
	assign_now(t, arg, true);
}

/* A worker chosen for the visit: the planning checks first; any failing is said with its
 * reason, and giving the visit despite them is asked. */
static void assign_picked(tui *t, void *arg, int64_t id, const char *value, const char *label)
{
	(void)value;
	struct assign_arg *in = arg;
	app *a = tui_app(t);
	cerr e;
	err_clear(&e);
	visit v;
	visit_init(&v);
	if (visit_get(a, in->id, &v, &e)) {
		visit_free(&v);
		tui_error(t, &e);
		return;
	}
	v.worker_id = id;
	unsigned failed = 0;
	char *reasons = NULL;
	int r = visit_checks(a, &v, &failed, &reasons, &e);
	visit_free(&v);
	if (r) {
		free(reasons);
		tui_error(t, &e);
		return;
	}
	struct assign_arg *aa = xmalloc(sizeof *aa);
	*aa = (struct assign_arg){in->id, id, ""};
	snprintf(aa->name, sizeof aa->name, "%s", label ? label : "");
	if (!failed) {
		assign_now(t, aa, false);
		free(aa);
	} else {
		char *q = xasprintf(_("%s: %s. Give the visit to this worker anyway?"), aa->name,
				    reasons);
		dialog_confirm(t, q, assign_forced, aa);
		free(q);
	}
	free(reasons);
}

/* The ranked candidates offered by W (the digits choose them), then any other worker. */
#define CANDIDATES_SHOWN 8

struct candidates_arg {
	int64_t id;
	size_t n;
	int64_t ids[CANDIDATES_SHOWN];
	char names[CANDIDATES_SHOWN][200];
};

static void candidate_chosen(tui *t, void *arg, int choice)
{
	const struct candidates_arg *ca = arg;
	struct assign_arg *aa = xcalloc(1, sizeof *aa);
	aa->id = ca->id;
	if (choice < 0 || (size_t)choice >= ca->n) { /* another worker, from the list */
		picker_open(t, &picker_workers, "", assign_picked, aa);
		return;
	}
	assign_picked(t, aa, ca->ids[choice], NULL, ca->names[choice]);
	free(aa);
}

/* W: the replacement candidates ranked by core (free, available, skilled, having met the
 * client, fewest hours that week), then "another worker" from the whole list. */
static void assign(tui *t, planning *p)
{
	const visit *v = visit_for(t, p, VISIT_STEP_ASSIGN);
	if (!v)
		return;
	cerr e;
	err_clear(&e);
	candidate *rows = NULL;
	size_t n = 0;
	if (visit_candidates(p->a, v->id, &rows, &n, &e)) {
		candidates_free(rows, n);
		tui_error(t, &e);
		return;
	}
	struct candidates_arg *ca = xcalloc(1, sizeof *ca);
	ca->id = v->id;
	const char *items[CANDIDATES_SHOWN + 1];
	char *owned[CANDIDATES_SHOWN] = {0};
	for (size_t i = 0; i < n && ca->n < CANDIDATES_SHOWN; i++) {
		if (rows[i].worker_id == v->worker_id)
			continue;
		ca->ids[ca->n] = rows[i].worker_id;
		snprintf(ca->names[ca->n], sizeof ca->names[0], "%s", rows[i].name);
		char hours[24];
		fmt_hundredths_human(rows[i].week_minutes * 100 / 60, hours);
		owned[ca->n] = rows[i].met_client
				       ? xasprintf(_("%s (met the client; %s h that week)"),
						   rows[i].name, hours)
				       : xasprintf(_("%s (has not met the client: a first meeting "
						     "first; %s h that week)"),
						   rows[i].name, hours);
		items[ca->n] = owned[ca->n];
		ca->n++;
	}
	items[ca->n] = _("Another worker, from the list…");
	char *title = ca->n ? xstrdup(_("Replace with: the candidates, best first"))
			    : xstrdup(_("No candidate is free, available and skilled"));
	dialog_menu(t, title, items, (int)ca->n + 1, 0, candidate_chosen, ca);
	free(title);
	for (size_t i = 0; i < ca->n; i++)
		free(owned[i]);
	candidates_free(rows, n);
}

/* a: a visit planned by hand, for the grid's client or worker, on the selected day, from the
 * end of the selected visit (else the first hour in sight). */
static void add_visit(tui *t, planning *p)
{
	if (!tui_may(t, AREA_PLANNING))
		return;
	const visit *v = selected(p);
	int start = v && day_of(p, v) == p->day && cal_day_of(v->ends) == cal_day_of(v->starts)
			    ? cal_minute_of_day(v->ends)
			    : p->top * 60;
	char *client = p->mode == PM_CLIENT && p->c.id ? client_display_name(&p->c) : NULL;
	bool by_worker = p->mode == PM_WORKER && p->w.id;
	planning_plan_form(t, client ? p->c.id : 0, client, by_worker ? p->w.id : 0,
			   by_worker ? p->w.name : NULL, p->monday + p->day, start);
	free(client);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	(void)k;
	planning *p = v->data;
	switch (act) {
	case ACT_UP: move_in_day(p, -1); return TK_DONE;
	case ACT_DOWN: move_in_day(p, 1); return TK_DONE;
	case ACT_PREV_DAY: move_day(p, -1); return TK_DONE;
	case ACT_NEXT_DAY: move_day(p, 1); return TK_DONE;
	case ACT_PREV_WEEK: move_week(t, p, -1); return TK_DONE;
	case ACT_NEXT_WEEK: move_week(t, p, 1); return TK_DONE;
	case ACT_PREV_PERSON: move_person(t, p, true); return TK_DONE;
	case ACT_NEXT_PERSON: move_person(t, p, false); return TK_DONE;
	case ACT_SHOW_WORKER: pick_whose(t, PM_WORKER); return TK_DONE;
	case ACT_SHOW_CLIENT: pick_whose(t, PM_CLIENT); return TK_DONE;
	case ACT_UNCOVERED:
		p->mode = PM_UNCOVERED;
		p->sel = 0;
		reload_or_say(t, p);
		return TK_DONE;
	case ACT_ADD: add_visit(t, p); return TK_DONE;
	case ACT_ARRIVE: arrive(t, p); return TK_DONE;
	case ACT_FINISH: finish(t, p); return TK_DONE;
	case ACT_CANCEL_CALL: cancel(t, p); return TK_DONE;
	case ACT_ASSIGN: assign(t, p); return TK_DONE;
	case ACT_OPEN_CLIENT: {
		const visit *s = selected(p);
		if (!s)
			tui_msg(t, "%s", _("No visit is selected"));
		else
			area_open(t, "client", s->client_id, NULL);
		return TK_DONE;
	}
	default: return TK_PASS;
	}
}

static const struct action_help planning_helps[] = {
	{ACT_ADD, N_("Plan a visit by hand: the contract, the worker (this grid's), the day and "
		     "the start (the cursor's), the end; the planning checks are shown, and planning "
		     "despite them is asked")},
	{ACT_FINISH, N_("Mark the selected visit done (once it has started)")},
	{ACT_CANCEL_CALL, N_("Strike out the selected visit: cancelled, with a reason; once it has "
			     "started, missed (the worker did not come) or cancelled (visits are never "
			     "deleted)")},
	{ACT_OPEN_CLIENT, N_("Open the file of the selected visit's client")},
	{ACT_UP, N_("Select the previous visit of the day")},
	{ACT_DOWN, N_("Select the next visit of the day")},
	{ACT_NONE, NULL},
};

const struct view_ops view_planning_ops = {
	.name = "planning",
	.title = N_("Planning"),
	.actions = plan_actions,
	.helps = planning_helps,
	.open = open_planning,
	.draw = draw,
	.key = key,
	.reload = reload,
	.close = close_planning,
};

void planning_select(tui *t, int64_t id)
{
	planning *p = shown(t);
	if (p)
		p->sel = id;
}

void planning_show_visit(tui *t, const visit *v)
{
	tui_goto(t, &view_planning_ops);
	planning *p = shown(t);
	if (!p)
		return;
	if (v->worker_id) {
		worker w;
		worker_init(&w);
		if (worker_get(p->a, v->worker_id, &w, NULL) == ST_OK) {
			worker_free(&p->w);
			p->w = w;
			p->mode = PM_WORKER;
		} else {
			worker_free(&w);
		}
	} else {
		p->mode = PM_UNCOVERED;
	}
	p->monday = visit_week_of(cal_day_of(v->starts));
	p->day = (int)(cal_day_of(v->starts) - p->monday);
	p->sel = v->id;
	reload_or_say(t, p);
}
