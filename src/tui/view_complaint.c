/* view_complaint.c — one complaint, whole: the client, the worker it is about, when and how it
 * came, its category, severity and description, its state (overdue past complaint.overdue_days),
 * the actions taken, the answer given, and the action plans that answer it. `a` records an
 * action, `w` the answer, `z` closes it — each asked of core first (complaint_can), which
 * gives the reason shown when it may not; `c` opens the client's file, `m` makes an action plan
 * from it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/complaint.h"
#include "areas.h"
#include "complaints.h"
#include "frame.h"
#include "pager.h"
#include "staff_names.h"

typedef struct complaint_screen {
	app *a;
	int64_t id;
	complaint c;
	complaint_action *acts;
	size_t nacts;
	action_plan *plans;
	size_t nplans;
	complaint_category *cats;
	size_t ncats;
	staff_names names;
	int scroll, lines, height;
} complaint_screen;

static const enum action page_actions[] = {
	ACT_ADD,  ACT_ANSWER,  ACT_FINISH,    ACT_OPEN_CLIENT, ACT_MAKE_PLAN, ACT_UP,
	ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME,	       ACT_END,	      ACT_NONE,
};

static void page_clear(void *data)
{
	complaint_screen *p = data;
	complaint_free(&p->c);
	complaint_actions_free(p->acts, p->nacts);
	action_plans_free(p->plans, p->nplans);
	complaint_categories_free(p->cats, p->ncats);
	staff_names_free(&p->names);
	p->acts = NULL;
	p->plans = NULL;
	p->cats = NULL;
	p->nacts = p->nplans = p->ncats = 0;
}

static int load(void *data, cerr *e)
{
	complaint_screen *p = data;
	complaint c;
	complaint_init(&c);
	int r = complaint_get(p->a, p->id, &c, e);
	if (r) {
		complaint_free(&c);
		return r;
	}
	page_clear(p);
	p->c = c;
	if ((r = complaint_actions(p->a, p->id, &p->acts, &p->nacts, e)) ||
	    (r = complaint_plans(p->a, p->id, &p->plans, &p->nplans, e)))
		return r;
	complaint_categories(p->a, &p->cats, &p->ncats, NULL);
	staff_names_load(&p->names, p->a);
	return ST_OK;
}

static int open_page(tui *t, view *v, void *arg, cerr *e)
{
	complaint_screen *p = xcalloc(1, sizeof *p);
	p->a = tui_app(t);
	p->id = *(int64_t *)arg;
	complaint_init(&p->c);
	return pager_open(v, p, load, page_clear, e);
}

static void reload(tui *t, view *v)
{
	pager_reload(t, v->data, load);
}

static char *day_text(cday d)
{
	char buf[11];
	fmt_date_human(d, buf);
	return xstrdup(d == NO_DAY ? "—" : buf);
}

static void draw_facts(pager *pg, complaint_screen *p)
{
	const complaint *c = &p->c;
	pager_put(pg, _("Client"), c->client_name, A_NORMAL);
	pager_put(pg, _("Worker"), c->worker_name ? c->worker_name : "—", A_NORMAL);
	char *received = day_text(c->received_on);
	char *how = xasprintf("%s, %s", received, enum_label(&complaint_channels, c->channel));
	pager_put(pg, _("Received"), how,
	    style_attr(complaint_overdue(p->a, c) ? S_OVERDUE : S_NORMAL));
	free(how);
	free(received);
	pager_put(pg, _("Category"), complaint_category_label(p->cats, p->ncats, c->category),
		  A_NORMAL);
	pager_put(pg, _("Severity"), enum_label(&complaint_severities, c->severity),
	    style_attr(c->severity == SEVERITY_HIGH ? S_OVERDUE : S_NORMAL));
	pager_put(pg, _("Status"), enum_label(&complaint_statuses, c->status),
	    style_attr(c->status == COMPLAINT_CLOSED ? S_DONE : S_NORMAL));
	pager_put(pg, _("Description"), c->description, A_NORMAL);
	pager_put(pg, _("Recorded by"), staff_names_of(&p->names, c->recorded_by), A_NORMAL);
}

static void draw_actions(pager *pg, complaint_screen *p)
{
	pager_heading(pg, _("Actions taken"));
	if (!p->nacts)
		pager_put_at(pg, 2, NULL, _("none yet (a: record one)"), style_attr(S_DIM));
	for (size_t i = 0; i < p->nacts; i++) {
		char on[11];
		fmt_date_human(p->acts[i].done_on, on);
		char *line = xasprintf("%s (%s)", p->acts[i].text,
				       staff_names_of(&p->names, p->acts[i].done_by));
		pager_put(pg, on, line, A_NORMAL);
		free(line);
	}
	pager_heading(pg, _("Answer to the client"));
	if (p->c.answered_on == NO_DAY) {
		pager_put_at(pg, 2, NULL,
		       p->c.anomaly ? _("an anomaly the agency noticed: no answer is due")
				    : _("not answered yet (w: write it)"),
		       style_attr(S_DIM));
	} else {
		char on[11];
		fmt_date_human(p->c.answered_on, on);
		pager_put(pg, on, p->c.answer, A_NORMAL);
	}
	if (p->c.closed_on != NO_DAY) {
		char *closed = day_text(p->c.closed_on);
		pager_put(pg, _("Closed on"), closed, style_attr(S_DONE));
		free(closed);
	}
	pager_heading(pg, _("Action plans"));
	if (!p->nplans)
		pager_put_at(pg, 2, NULL, _("none (m: make one)"), style_attr(S_DIM));
	for (size_t i = 0; i < p->nplans; i++) {
		char no[24];
		snprintf(no, sizeof no, "#%lld", (long long)p->plans[i].id);
		char *line = xasprintf("%s (%s)", p->plans[i].title,
				       enum_label(&plan_statuses, p->plans[i].status));
		pager_put(pg, no, line, A_NORMAL);
		free(line);
	}
}

static void draw(tui *t, view *v, rect r)
{
	(void)t;
	complaint_screen *p = v->data;
	char *title = p->c.anomaly ? xasprintf(_("Anomaly %lld"), (long long)p->c.id)
				   : xasprintf(_("Complaint %lld"), (long long)p->c.id);
	draw_text(r.y, 1, r.w - 2, title, style_attr(S_HEADER));
	free(title);
	pager pg = {{r.y + 2, 2, r.h - 2, r.w - 4}, p->scroll, 0, 0};
	const char *labels[] = {_("Client"),	  _("Worker"),	    _("Received"), _("Category"),
				_("Severity"),	  _("Status"),	    _("Description"),
				_("Recorded by"), _("Closed on"),   "00/00/0000"};
	for (size_t i = 0; i < ARRAY_LEN(labels); i++)
		if (text_width(labels[i]) + 2 > pg.lw)
			pg.lw = text_width(labels[i]) + 2;
	draw_facts(&pg, p);
	draw_actions(&pg, p);
	p->lines = pg.line;
	p->height = pg.r.h;
}

/* A step asked of core before its form opens: the reason when it may not. */
static void step(tui *t, complaint_screen *p, int which, enum complaint_record_kind kind)
{
	if (!tui_may(t, AREA_COMPLAINTS))
		return;
	cerr e;
	err_clear(&e);
	if (complaint_can(&p->c, which, NO_DAY, &e)) {
		tui_error(t, &e);
		return;
	}
	complaint_record_form(t, p->id, kind);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	(void)k;
	complaint_screen *p = v->data;
	int page = p->height > 1 ? p->height - 1 : 1;
	int last = p->lines > p->height ? p->lines - p->height : 0;
	switch (act) {
	case ACT_ADD: step(t, p, COMPLAINT_ACT, CREC_ACTION); return TK_DONE;
	case ACT_ANSWER: step(t, p, COMPLAINT_ANSWER, CREC_ANSWER); return TK_DONE;
	case ACT_FINISH: step(t, p, COMPLAINT_CLOSE, CREC_CLOSE); return TK_DONE;
	case ACT_OPEN_CLIENT:
		area_open(t, "client", p->c.client_id, NULL);
		return TK_DONE;
	case ACT_MAKE_PLAN:
		if (tui_may(t, AREA_PLANS))
			plan_from_complaint(t, p->id);
		return TK_DONE;
	case ACT_UP: p->scroll--; break;
	case ACT_DOWN: p->scroll++; break;
	case ACT_PAGE_UP: p->scroll -= page; break;
	case ACT_PAGE_DOWN: p->scroll += page; break;
	case ACT_HOME: p->scroll = 0; break;
	case ACT_END: p->scroll = last; break;
	default: return TK_PASS;
	}
	if (p->scroll > last)
		p->scroll = last;
	if (p->scroll < 0)
		p->scroll = 0;
	return TK_DONE;
}

static void close_page(tui *t, view *v)
{
	(void)t;
	complaint_screen *p = v->data;
	page_clear(p);
	free(p);
}

static const struct action_help complaint_helps[] = {
	{ACT_ADD, N_("Record an action taken about this complaint (its day and what was done)")},
	{ACT_FINISH, N_("Close this complaint (once the client was answered; an anomaly at any "
			"time)")},
	{ACT_NONE, NULL},
};

const struct view_ops view_complaint_ops = {
	.name = "complaint",
	.title = N_("Complaint"),
	.actions = page_actions,
	.helps = complaint_helps,
	.open = open_page,
	.draw = draw,
	.key = key,
	.reload = reload,
	.close = close_page,
};

/* ---- The kinds of record the Complaints area opens (areas.h) ---- */

static void open_complaint(tui *t, int64_t id, const char *why)
{
	(void)why;
	tui_push(t, &view_complaint_ops, &id);
}

static void open_plan(tui *t, int64_t id, const char *why)
{
	(void)why;
	tui_push(t, &view_plan_ops, &id);
}

/* A new complaint about client id (`R` on a client's file). */
static void new_complaint(tui *t, int64_t id, const char *why)
{
	(void)why;
	if (tui_may(t, AREA_COMPLAINTS))
		tui_push(t, &view_complaint_form_ops, &id);
}

const struct record_kind complaint_records[] = {
	{"complaint", open_complaint, true, false},
	{"new-complaint", new_complaint, false, false},
	{"plan", open_plan, true, false},
	{NULL, NULL, false, false},
};
