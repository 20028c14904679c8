/* view_worker.c — one worker's file, whole: identity and skills, what the file lacks (I4, I6,
 * I7), the selection procedure step by step, the two signatures, the weekly availability and
 * the documents the agency keeps. The documents, and the criminal record's step, are shown only
 * to whom core gives them (a coordinator or a manager): a receptionist reads that they are not
 * for her role. `e` edits the file, `a` records a step, a signature, a document or an
 * availability. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/complaint.h"
#include "charte/contract.h"
#include "charte/planning.h"
#include "charte/worker.h"
#include "areas.h"
#include "dialog.h"
#include "frame.h"
#include "pager.h"
#include "planning.h"
#include "workers.h"

/* The complaints about a worker the page lists, newest first. */
#define WORKER_COMPLAINTS 20

typedef struct worker_screen {
	app *a;
	int64_t id;
	worker w;
	char *missing;          /* what the file lacks, for people ("" when complete) */
	selection_step *steps;  /* the procedure, with this worker's record of each step */
	size_t nsteps;
	worker_availability *av;
	size_t nav;
	worker_doc *docs;
	size_t ndocs;
	bool docs_denied;       /* not for this role: core said so */
	char *docs_reason;
	char *skills;           /* the worker's skills, their labels */
	absence *absences;      /* newest first (I2) */
	size_t nabsences;
	meeting *meetings;      /* the first meetings with clients (I5) */
	size_t nmeetings;
	complaint *complaints;  /* the latest complaints about this worker (S5) */
	size_t ncomplaints;
	bool more_complaints;
	int scroll, lines, height;
} worker_screen;

static const enum action page_actions[] = {
	ACT_EDIT, ACT_ADD, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};

static void page_clear(void *data)
{
	worker_screen *p = data;
	worker_free(&p->w);
	free(p->missing);
	selection_steps_free(p->steps, p->nsteps);
	free(p->av);
	worker_docs_free(p->docs, p->ndocs);
	free(p->docs_reason);
	free(p->skills);
	complaints_free(p->complaints, p->ncomplaints);
	p->complaints = NULL;
	p->ncomplaints = 0;
	absences_free(p->absences, p->nabsences);
	meetings_free(p->meetings, p->nmeetings);
	p->absences = NULL;
	p->meetings = NULL;
	p->nabsences = p->nmeetings = 0;
	p->missing = p->docs_reason = NULL;
	p->steps = NULL;
	p->av = NULL;
	p->docs = NULL;
	p->skills = NULL;
	p->nsteps = p->nav = p->ndocs = 0;
	p->docs_denied = false;
}

static int load(void *data, cerr *e)
{
	worker_screen *p = data;
	worker w;
	worker_init(&w);
	int r = worker_get(p->a, p->id, &w, e);
	if (r) {
		worker_free(&w);
		return r;
	}
	page_clear(p);
	p->w = w;
	if ((r = worker_missing(p->a, p->id, &p->missing, e)) ||
	    (r = worker_procedure(p->a, p->id, &p->steps, &p->nsteps, e)) ||
	    (r = worker_availability_list(p->a, p->id, &p->av, &p->nav, e)))
		return r;
	cerr de;
	err_clear(&de);
	if (worker_docs(p->a, p->id, &p->docs, &p->ndocs, &de) == ST_DENIED) {
		p->docs_denied = true;
		p->docs_reason = xstrdup(de.msg);
	}
	p->skills = worker_skills_words(p->a, p->w.skills, false);
	absence_list(p->a, p->id, &p->absences, &p->nabsences, NULL);
	meeting_list(p->a, 0, p->id, &p->meetings, &p->nmeetings, NULL);
	/* The latest complaints about the worker: one page, newest first. */
	complaint_filter cf;
	complaint_filter_init(&cf);
	cf.worker_id = p->id;
	if (complaint_page(p->a, &cf, NULL, false, WORKER_COMPLAINTS + 1, &p->complaints,
			   &p->ncomplaints, NULL) == ST_OK &&
	    p->ncomplaints > WORKER_COMPLAINTS) {
		complaint_free(&p->complaints[--p->ncomplaints]);
		p->more_complaints = true;
	}
	return ST_OK;
}

static int open_page(tui *t, view *v, void *arg, cerr *e)
{
	worker_screen *p = xcalloc(1, sizeof *p);
	p->a = tui_app(t);
	p->id = *(int64_t *)arg;
	worker_init(&p->w);
	return pager_open(v, p, load, page_clear, e);
}

static void reload(tui *t, view *v)
{
	pager_reload(t, v->data, load);
}

static char *day_text(cday d, const char *none)
{
	if (d == NO_DAY)
		return xstrdup(none);
	char buf[11];
	fmt_date_human(d, buf);
	return xstrdup(buf);
}


static void draw_identity(pager *pg, const worker_screen *p)
{
	const worker *w = &p->w;
	char phone[32];
	tui_fmt_phone(w->phone, phone);
	pager_put(pg, _("Matricule"), w->matricule ? w->matricule : "—", A_NORMAL);
	if (w->badge)
		pager_put(pg, _("Badge"), w->badge, A_NORMAL);
	else
		pager_put(pg, _("Badge"), _("none: a recognition badge is to give (I5)"),
		          style_attr(w->status == WORKER_ACTIVE ? S_OVERDUE : S_NORMAL));
	pager_put(pg, _("Phone"), *phone ? phone : "—", A_NORMAL);
	char *hired = day_text(w->hired_on, "—");
	pager_put(pg, _("Hired on"), hired, A_NORMAL);
	free(hired);
	pager_put(pg, _("Skills"), p->skills && *p->skills ? p->skills : "—", A_NORMAL);
	if (w->notes && *w->notes)
		pager_put(pg, _("Notes"), w->notes, A_NORMAL);
	if (*p->missing)
		pager_put(pg, _("File"), p->missing,
		          style_attr(w->status == WORKER_ACTIVE ? S_OVERDUE : S_NORMAL));
	else
		pager_put(pg, _("File"), _("complete"), style_attr(S_DONE));
}

static void draw_procedure(pager *pg, const worker_screen *p)
{
	pager_heading(pg, _("Selection procedure"));
	for (size_t i = 0; i < p->nsteps; i++) {
		const selection_step *s = &p->steps[i];
		char *state;
		if (s->done_on == NO_DAY) {
			state = xstrdup(_("not done"));
		} else {
			char on[11];
			fmt_date_human(s->done_on, on);
			state = xasprintf(_("done on %s by %s"), on, s->done_by);
		}
		char *line = xasprintf("%s %s: %s", s->done_on == NO_DAY ? "·" : "✓", s->label,
				       state);
		pager_put_at(pg, 2, NULL, line,
		             style_attr(s->done_on == NO_DAY ? S_NORMAL : S_DONE));
		free(line);
		free(state);
	}
	char *ethics = day_text(p->w.ethics_signed_on, _("not signed"));
	char *commitments = day_text(p->w.commitments_signed_on, _("not signed"));
	pager_put(pg, _("Ethics"), ethics,
	          style_attr(p->w.ethics_signed_on == NO_DAY ? S_NORMAL : S_DONE));
	pager_put(pg, _("Commitments"), commitments,
	          style_attr(p->w.commitments_signed_on == NO_DAY ? S_NORMAL : S_DONE));
	free(ethics);
	free(commitments);
}

static void draw_availability(pager *pg, const worker_screen *p)
{
	pager_heading(pg, _("Weekly availability"));
	if (!p->nav)
		pager_put_at(pg, 2, NULL, _("none recorded yet (a: record one)"),
		             style_attr(S_DIM));
	for (size_t i = 0; i < p->nav; i++) {
		char from[6], to[6];
		fmt_clock(p->av[i].starts, from);
		fmt_clock(p->av[i].ends, to);
		char *line = xasprintf("%s-%s", from, to);
		pager_put(pg, contract_weekday_label(p->av[i].weekday), line, A_NORMAL);
		free(line);
	}
}

static void draw_documents(pager *pg, const worker_screen *p)
{
	pager_heading(pg, _("Documents"));
	if (p->docs_denied) {
		pager_put_at(pg, 2, NULL, p->docs_reason, style_attr(S_DIM));
		return;
	}
	if (!p->ndocs)
		pager_put_at(pg, 2, NULL, _("none recorded yet (a: record one)"),
		             style_attr(S_DIM));
	for (size_t i = 0; i < p->ndocs; i++) {
		const worker_doc *d = &p->docs[i];
		char dated[11], issued[11];
		fmt_date_human(d->dated, dated);
		fmt_date_human(d->issued_on, issued);
		strbuf b = {0};
		sb_addf(&b, _("received on %s"), dated);
		if (d->issued_on != NO_DAY)
			sb_addf(&b, _(", issued on %s"), issued);
		if (d->file_name)
			sb_addf(&b, _(", file %s"), d->file_name);
		if (d->note && *d->note)
			sb_addf(&b, ": %s", d->note);
		pager_put(pg, enum_label(&worker_doc_kinds, d->kind), sb_str(&b), A_NORMAL);
		sb_free(&b);
	}
}

static void draw_absences(pager *pg, const worker_screen *p)
{
	pager_heading(pg, _("Absences"));
	if (!p->nabsences)
		pager_put_at(pg, 2, NULL, _("none recorded (a: record one)"), style_attr(S_DIM));
	cday today = app_today(p->a);
	for (size_t i = 0; i < p->nabsences; i++) {
		const absence *x = &p->absences[i];
		char from[11], to[11];
		fmt_date_human(x->from_day, from);
		fmt_date_human(x->to_day, to);
		char *when = xasprintf(_("%s to %s"), from, to);
		char *what = x->note && *x->note
				     ? xasprintf("%s: %s", planning_absence_kind(x->kind), x->note)
				     : xstrdup(planning_absence_kind(x->kind));
		pager_put(pg, when, what, style_attr(x->to_day < today ? S_DIM : S_NORMAL));
		free(when);
		free(what);
	}
}

static void draw_meetings(pager *pg, const worker_screen *p)
{
	pager_heading(pg, _("First meetings"));
	if (!p->nmeetings)
		pager_put_at(pg, 2, NULL, _("none recorded (a: record one)"), style_attr(S_DIM));
	for (size_t i = 0; i < p->nmeetings; i++) {
		char *line = planning_meeting_text(p->a, &p->meetings[i], false);
		char on[11];
		fmt_date_human(p->meetings[i].met_on, on);
		pager_put(pg, on, line, A_NORMAL);
		free(line);
	}
}

static void draw_complaints(pager *pg, const worker_screen *p)
{
	pager_heading(pg, p->more_complaints ? _("Complaints about this worker (the latest)")
				       : _("Complaints about this worker"));
	if (!p->ncomplaints)
		pager_para(pg, _("none"), style_attr(S_DIM));
	for (size_t i = 0; i < p->ncomplaints; i++) {
		const complaint *c = &p->complaints[i];
		char on[11];
		fmt_date_human(c->received_on, on);
		char *line = xasprintf("%s, %s: %s", c->client_name,
				       enum_label(&complaint_statuses, c->status), c->description);
		pager_put(pg, on, line, style_attr(c->status == COMPLAINT_CLOSED ? S_DIM : S_NORMAL));
		free(line);
	}
}

static void draw(tui *t, view *v, rect r)
{
	worker_screen *p = v->data;
	char *title = xasprintf(_("Worker %lld: %s"), (long long)p->w.id, p->w.name);
	draw_text(r.y, 1, r.w - 2, title, style_attr(S_HEADER));
	free(title);
	draw_text_right(r.y, 1, r.w - 2, enum_label(&worker_statuses, p->w.status),
			style_attr(S_INFO));
	pager pg = {{r.y + 2, 2, r.h - 2, r.w - 4}, p->scroll, 0, 0};
	char sample[11];
	fmt_date_human(app_today(p->a), sample);
	const char *labels[] = {sample, _("Matricule"), _("Badge"),  _("Phone"),	_("Hired on"),
				_("Skills"),	_("Notes"),  _("File"),		_("Ethics"),
				_("Commitments"), _("Criminal record extract")};
	for (size_t i = 0; i < ARRAY_LEN(labels); i++)
		if (text_width(labels[i]) + 2 > pg.lw)
			pg.lw = text_width(labels[i]) + 2;
	draw_identity(&pg, p);
	draw_procedure(&pg, p);
	draw_availability(&pg, p);
	draw_documents(&pg, p);
	draw_absences(&pg, p);
	draw_meetings(&pg, p);
	draw_complaints(&pg, p);
	p->lines = pg.line;
	p->height = pg.r.h;
}

/* ---- `a`: what to record ---- */

/* The dialog frees its arg with free(): everything it needs is in it. */
struct record_arg {
	int64_t id;
	char name[256];
	enum worker_record_kind kinds[WREC_COUNT]; /* by item of the menu */
};

static void record_chosen(tui *t, void *arg, int choice)
{
	struct record_arg *ra = arg;
	if (ra->kinds[choice] == WREC_ABSENCE || ra->kinds[choice] == WREC_MEETING)
		planning_record_form(t, ra->kinds[choice] == WREC_ABSENCE ? PREC_ABSENCE : PREC_MEETING,
				     0, ra->id, ra->name);
	else
		worker_record_form(t, ra->id, ra->name, ra->kinds[choice]);
}

static void choose_record(tui *t, worker_screen *p)
{
	if (!tui_may(t, AREA_WORKERS))
		return;
	static const char *const words[WREC_COUNT] = {
		[WREC_STEP] = N_("A step of the selection procedure done"),
		[WREC_ETHICS] = N_("The ethics and confidentiality commitment signed"),
		[WREC_COMMITMENTS] = N_("The list of commitments signed"),
		[WREC_DOCUMENT] = N_("A document (CV, ID copy, criminal record extract…)"),
		[WREC_AVAILABILITY] = N_("A weekly availability"),
		[WREC_ABSENCE] = N_("An absence"),
		[WREC_MEETING] = N_("A first meeting with a client"),
	};
	struct record_arg *ra = xcalloc(1, sizeof *ra);
	ra->id = p->id;
	snprintf(ra->name, sizeof ra->name, "%s", p->w.name);
	const char *items[WREC_COUNT];
	int n = 0;
	for (int k = 0; k < WREC_COUNT; k++) {
		/* A role that may not record documents is not offered them. */
		if (k == WREC_DOCUMENT && !app_may(p->a, AREA_WORKER_DOCS, ACCESS_WRITE))
			continue;
		if (k >= WREC_ABSENCE && !app_may(p->a, AREA_PLANNING, ACCESS_WRITE))
			continue;
		ra->kinds[n] = (enum worker_record_kind)k;
		items[n++] = _(words[k]);
	}
	dialog_menu(t, _("Record what?"), items, n, 0, record_chosen, ra);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	worker_screen *p = v->data;
	switch (act) {
	case ACT_EDIT:
		if (tui_may(t, AREA_WORKERS)) {
			int64_t id = p->id;
			tui_push(t, &view_worker_form_ops, &id);
		}
		return TK_DONE;
	case ACT_ADD: choose_record(t, p); return TK_DONE;
	default: return pager_scroll(&p->scroll, act, p->lines, p->height);
	}
}

static void close_page(tui *t, view *v)
{
	worker_screen *p = v->data;
	page_clear(p);
	free(p);
}

static const struct action_help worker_helps[] = {
	{ACT_ADD, N_("Record a step of the selection procedure, a signature, a document, a "
		     "weekly availability, an absence or a first meeting")},
	{ACT_EDIT, N_("Change this worker's file")},
	{ACT_NONE, NULL},
};

const struct view_ops view_worker_ops = {
	.name = "worker",
	.title = N_("Worker"),
	.actions = page_actions,
	.helps = worker_helps,
	.open = open_page,
	.draw = draw,
	.key = key,
	.reload = reload,
	.close = close_page,
};

/* ---- The kinds of record the Workers area opens (areas.h) ---- */

static void open_worker(tui *t, int64_t id, const char *why)
{
	(void)why;
	tui_push(t, &view_worker_ops, &id);
}

const struct record_kind worker_records[] = {
	{"worker", open_worker, false, false},
	{NULL, NULL, false, false},
};
