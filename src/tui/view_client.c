/* view_client.c — one client file, with four tabs: File (every field), Needs (the needs
 * analysis, O1), History (everything about the client in time order, S2) and Liaison (the
 * first meetings with workers, I5, and the liaison notebook, I3: `a` writes in it). ←/→ or [/] change
 * tab (the digits stay the areas'); `e` edits the file, or on the Needs tab the analysis; on the
 * History tab Enter opens the call, quote or contract of the line; F2 logs a call from this
 * client. */
#include <stdlib.h>
#include <string.h>

#include "charte/client.h"
#include "charte/planning.h"
#include "charte/visit.h"
#include "areas.h"
#include "call_actions.h"
#include "dialog.h"
#include "frame.h"
#include "pager.h"
#include "list.h"
#include "picker.h"
#include "planning.h"
#include "views.h"

/* One event of the history, kept whole while the file is shown (one client's events). */
typedef struct event {
	cminute at;
	bool has_time;
	char *source, *ref, *label, *detail;
	int64_t row_id;
} event;

/* A line of the history list: which event. */
typedef struct event_row {
	size_t i;
} event_row;

typedef struct file_page {
	app *a;
	int64_t id;
	int tab;
	client_file c;
	bool has_needs;
	needs_analysis n;
	char *referent;    /* as people read it */
	char *analyst;     /* who analysed the needs, as people read it */
	event *events;
	size_t nevents;
	meeting *meetings;       /* first meetings with workers (I5) */
	size_t nmeetings;
	note_entry *notes;       /* the liaison notebook, newest first (I3) */
	size_t nnotes;
	list hist;
	int scroll[CLIENT_TABS]; /* first line shown of the File and Needs tabs */
	int lines, height;       /* of the tab drawn last */
} file_page;

static const enum action file_actions[] = {
	ACT_EDIT, ACT_NEW_COMPLAINT, ACT_NEXT_TAB, ACT_PREV_TAB, ACT_UP,  ACT_DOWN,
	ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};

static const enum action liaison_actions[] = {
	ACT_ADD,     ACT_EDIT,     ACT_NEW_COMPLAINT, ACT_NEXT_TAB, ACT_PREV_TAB, ACT_UP, ACT_DOWN,
	ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME,         ACT_END,      ACT_NONE,
};

static const enum action history_actions[] = {
	ACT_OPEN,    ACT_EDIT,      ACT_NEW_COMPLAINT, ACT_NEXT_TAB, ACT_PREV_TAB, ACT_UP,
	ACT_DOWN,    ACT_PAGE_UP,   ACT_PAGE_DOWN,     ACT_HOME,     ACT_END,      ACT_NONE,
};

static const char *tab_title(int tab)
{
	switch (tab) {
	case CLIENT_TAB_FILE: return _("File");
	case CLIENT_TAB_NEEDS: return _("Needs");
	case CLIENT_TAB_LIAISON: return _("Liaison");
	default: return _("History");
	}
}

/* ---- Loading ---- */

static void events_free(file_page *p)
{
	for (size_t i = 0; i < p->nevents; i++) {
		free(p->events[i].source);
		free(p->events[i].ref);
		free(p->events[i].label);
		free(p->events[i].detail);
	}
	free(p->events);
	p->events = NULL;
	p->nevents = 0;
}

struct collect {
	event *rows;
	size_t n, cap;
};

static int collect_event(const client_event *ev, void *arg)
{
	struct collect *c = arg;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->rows = xrealloc(c->rows, c->cap * sizeof *c->rows);
	}
	c->rows[c->n++] = (event){ev->at,
				  ev->has_time,
				  xstrdup(ev->source),
				  xstrdup(ev->ref ? ev->ref : ""),
				  xstrdup(ev->label ? ev->label : ""),
				  xstrdup(ev->detail ? ev->detail : ""),
				  ev->row_id};
	return 0;
}

static int load(void *page, cerr *e)
{
	file_page *p = page;
	client_file c;
	client_init(&c);
	int r = client_get(p->a, p->id, &c, e);
	if (r) {
		client_free(&c);
		return r;
	}
	client_free(&p->c);
	p->c = c;
	needs_free(&p->n);
	cerr ne;
	err_clear(&ne);
	p->has_needs = client_get_needs(p->a, p->id, &p->n, &ne) == ST_OK;
	free(p->referent);
	p->referent = p->c.referent ? picker_staff_label(p->a, p->c.referent, true) : NULL;
	free(p->analyst);
	p->analyst = p->has_needs ? picker_staff_label(p->a, p->n.analysed_by, false) : NULL;
	/* The meetings and the notebook, as the history, leave the file shown when they fail. */
	meetings_free(p->meetings, p->nmeetings);
	notes_free(p->notes, p->nnotes);
	p->meetings = NULL;
	p->notes = NULL;
	p->nmeetings = p->nnotes = 0;
	meeting_list(p->a, p->id, 0, &p->meetings, &p->nmeetings, NULL);
	note_list(p->a, p->id, &p->notes, &p->nnotes, NULL);
	/* The history matters less than the file: a failure leaves it empty. */
	struct collect col = {NULL, 0, 0};
	cerr he;
	err_clear(&he);
	events_free(p);
	if (client_history(p->a, p->id, collect_event, &col, &he) == ST_OK) {
		p->events = col.rows;
		p->nevents = col.n;
	} else {
		for (size_t i = 0; i < col.n; i++) {
			free(col.rows[i].source);
			free(col.rows[i].ref);
			free(col.rows[i].label);
			free(col.rows[i].detail);
		}
		free(col.rows);
	}
	return ST_OK;
}

/* The history list pages through the events loaded (one client's: a few hundred at most). */
static int hist_fetch(void *ctx, const void *from, bool backward, int limit, void **out,
		      size_t *n, cerr *e)
{
	file_page *p = ctx;
	(void)e;
	size_t start, end;
	if (!from) {
		start = backward ? (p->nevents > (size_t)limit ? p->nevents - (size_t)limit : 0) : 0;
		end = backward ? p->nevents : (p->nevents < (size_t)limit ? p->nevents : (size_t)limit);
	} else {
		size_t at = ((const event_row *)from)->i;
		if (at > p->nevents)
			at = p->nevents;
		if (backward) {
			end = at;
			start = at > (size_t)limit ? at - (size_t)limit : 0;
		} else {
			start = at + 1 < p->nevents ? at + 1 : p->nevents;
			end = start + (size_t)limit < p->nevents ? start + (size_t)limit : p->nevents;
		}
	}
	event_row *rows = xcalloc(end > start ? end - start : 1, sizeof *rows);
	for (size_t i = start; i < end; i++)
		rows[i - start].i = i;
	*out = rows;
	*n = end - start;
	return ST_OK;
}

static bool hist_same(const void *a, const void *b)
{
	return ((const event_row *)a)->i == ((const event_row *)b)->i;
}

#define W_WHEN 16
#define W_WHAT 19 /* "Contract C2026-0001" */

static void hist_draw(void *ctx, const void *row, rect r, bool selected)
{
	file_page *p = ctx;
	size_t i = ((const event_row *)row)->i;
	if (i >= p->nevents)
		return;
	const event *ev = &p->events[i];
	char when[17];
	if (ev->has_time)
		fmt_datetime_human(ev->at, when);
	else
		fmt_date_human(cal_day_of(ev->at), when);
	const struct record_kind *kind = area_kind(ev->source);
	attr_t attr = style_row(kind && !kind->history_dim ? S_NORMAL : S_DIM, selected);
	char *what = *ev->ref && kind && kind->history_ref ? xasprintf("%s %s", ev->label, ev->ref)
							    : xstrdup(ev->label);
	draw_fill(r.y, r.x, r.w, attr);
	int x = r.x + 1;
	draw_cell(r.y, x, W_WHEN, when, attr);
	x += W_WHEN + 1;
	draw_cell(r.y, x, W_WHAT, what, attr);
	x += W_WHAT + 1;
	draw_cell(r.y, x, r.x + r.w - x - 1, ev->detail, attr);
	free(what);
}

static const struct list_ops hist_list = {
	.row_size = sizeof(event_row),
	.fetch = hist_fetch,
	.same = hist_same,
	.draw = hist_draw,
};

struct client_open {
	int64_t id;
	int tab;
};

/* Everything a client's page holds, and the page. */
static void page_free(file_page *p)
{
	list_free(&p->hist);
	client_free(&p->c);
	needs_free(&p->n);
	events_free(p);
	meetings_free(p->meetings, p->nmeetings);
	notes_free(p->notes, p->nnotes);
	free(p->referent);
	free(p->analyst);
	free(p);
}

static int open_page(tui *t, view *v, void *arg, cerr *e)
{
	const struct client_open *o = arg;
	file_page *p = xcalloc(1, sizeof *p);
	p->a = tui_app(t);
	p->id = o->id;
	p->tab = o->tab >= 0 && o->tab < CLIENT_TABS ? o->tab : CLIENT_TAB_FILE;
	client_init(&p->c);
	needs_init(&p->n);
	int r = load(p, e);
	if (!r) {
		list_init(&p->hist, &hist_list, p);
		p->hist.empty = _("Nothing yet.");
		r = list_load(&p->hist, e);
		if (!r) /* the newest at the bottom, selected */
			r = list_key(&p->hist, ACT_END, e) == TK_DONE ? e->code : ST_OK;
	}
	if (r) {
		page_free(p);
		return r;
	}
	v->data = p;
	return ST_OK;
}

void client_act_open(tui *t, int64_t id, int tab)
{
	view *top = tui_top(t);
	if (top && top->ops == &view_client_ops && ((file_page *)top->data)->id == id) {
		((file_page *)top->data)->tab = tab; /* this file already: its tab */
		return;
	}
	struct client_open o = {id, tab};
	tui_push(t, &view_client_ops, &o);
}

/* ---- The kinds of record the Clients area opens (areas.h) ---- */

/* A client's file; a finding about a missing needs analysis opens it on the Needs tab. */
static void open_file(tui *t, int64_t id, const char *why)
{
	client_act_open(t, id,
			why && !strcmp(why, "needs-missing") ? CLIENT_TAB_NEEDS : CLIENT_TAB_FILE);
}

static void open_needs(tui *t, int64_t id, const char *why)
{
	(void)why;
	client_act_open(t, id, CLIENT_TAB_NEEDS);
}

const struct record_kind client_records[] = {
	{"client", open_file, false, true},
	{"needs", open_needs, false, true},
	{NULL, NULL, false, false},
};

static void reload(tui *t, view *v)
{
	file_page *p = v->data;
	list_reload_page(t, &p->hist, load, p);
}

/* ---- Drawing ---- */

/* A label and its value, wrapped in the value's column; "—" for no value. */
static void put(pager *pg, const char *label, const char *value, attr_t attr)
{
	if (!value || str_blank(value)) {
		value = "—";
		attr = style_attr(S_DIM);
	}
	pager_put(pg, label, value, attr);
}

static void draw_file(file_page *p, pager *pg)
{
	const client_file *c = &p->c;
	const char *labels[] = {
		_("Civility"),     _("Name"),      _("First name"),      _("Address"),
		_("Phone"),        _("Phone 2"),   _("E-mail"),          _("Status"),
		_("Referent"),     _("Specific instructions"),           _("Forbidden zones"),
		_("Wants a quote"), _("Notes"),    _("Client since"),    _("Needs analysis"),
	};
	pager_label_width(pg, labels, ARRAY_LEN(labels));
	char phone[32], phone2[32], since[17];
	tui_fmt_phone(c->phone, phone);
	tui_fmt_phone(c->phone2, phone2);
	fmt_datetime_human(c->created_at, since);
	attr_t n = A_NORMAL;
	put(pg, labels[0], c->civility, n);
	put(pg, labels[1], c->name, n);
	put(pg, labels[2], c->first_name, n);
	put(pg, labels[3], c->address, n);
	put(pg, labels[4], phone, n);
	put(pg, labels[5], phone2, n);
	put(pg, labels[6], c->email, n);
	put(pg, labels[7], enum_label(&client_statuses, c->status), n);
	if (p->referent)
		put(pg, labels[8], p->referent, n);
	else if (c->status == CLIENT_ACTIVE) /* S1: every active client has one */
		put(pg, labels[8], _("none: an active client needs a referent (S1)"),
		    style_attr(S_OVERDUE));
	else
		put(pg, labels[8], NULL, n);
	put(pg, labels[9], c->instructions, n);
	put(pg, labels[10], c->forbidden_zones, n);
	put(pg, labels[11], c->wants_quote ? _("yes: the client asked for one") : _("no"), n);
	put(pg, labels[12], c->notes, n);
	put(pg, labels[13], since, n);
	if (p->has_needs) {
		char on[11];
		fmt_date_human(p->n.analysed_on, on);
		char *text = xasprintf(_("analysed on %s by %s"), on, p->analyst);
		put(pg, labels[14], text, n);
		free(text);
	} else {
		put(pg, labels[14], _("not yet (Needs tab)"), style_attr(S_DIM));
	}
}

static void draw_needs(file_page *p, pager *pg)
{
	if (!p->has_needs) {
		pager_para(pg, _("No needs analysis yet."), style_attr(S_HEADER));
		pg->line++;
		pager_para(
		    pg,
		    _("The charter promises a rigorous analysis of each client's needs (O1): the "
		      "services wanted, the hours, the preferred days and times, the constraints, "
		      "the autonomy and the household. Press e to write it (a coordinator or a "
		      "manager)."),
		    A_NORMAL);
		return;
	}
	const needs_analysis *nd = &p->n;
	const char *labels[] = {
		_("Services wanted"), _("Hours per week"), _("Days and times"), _("Constraints"),
		_("Autonomy"),        _("Household"),      _("Notes"),          _("Analysed"),
	};
	pager_label_width(pg, labels, ARRAY_LEN(labels));
	char hours[24], on[11];
	fmt_hundredths_human(nd->hours_per_week, hours);
	fmt_date_human(nd->analysed_on, on);
	char *h = xasprintf(_("%s h a week"), hours);
	char *by = xasprintf(_("on %s by %s"), on, p->analyst);
	attr_t n = A_NORMAL;
	put(pg, labels[0], nd->services, n);
	put(pg, labels[1], h, n);
	put(pg, labels[2], nd->days_times, n);
	put(pg, labels[3], nd->constraints, n);
	put(pg, labels[4], nd->autonomy, n);
	put(pg, labels[5], nd->household, n);
	put(pg, labels[6], nd->notes, n);
	put(pg, labels[7], by, style_attr(S_DIM));
	free(h);
	free(by);
}

/* The Liaison tab: the first meetings, then the notebook, newest first. */
static void draw_liaison(file_page *p, pager *pg)
{
	char sample[17];
	fmt_datetime_human(p->c.created_at, sample); /* the width of a date and a time */
	const char *labels[] = {sample};
	pager_label_width(pg, labels, 1);
	pager_heading(pg, _("First meetings (client, worker, agency)"));
	if (!p->nmeetings)
		pager_para(pg, _("none recorded yet (a: record one)"), style_attr(S_DIM));
	for (size_t i = 0; i < p->nmeetings; i++) {
		char on[11];
		fmt_date_human(p->meetings[i].met_on, on);
		char *line = planning_meeting_text(p->a, &p->meetings[i], true);
		pager_put(pg, on, line, A_NORMAL);
		free(line);
	}
	pager_heading(pg, _("Liaison notebook"));
	if (!p->nnotes)
		pager_para(pg, _("no entry yet (a: write one)"), style_attr(S_DIM));
	for (size_t i = 0; i < p->nnotes; i++) {
		const note_entry *n = &p->notes[i];
		char at[17];
		fmt_datetime_human(n->at, at);
		strbuf b = {0};
		const char *author = n->author_name && *n->author_name ? n->author_name : n->author;
		sb_addf(&b, n->by_worker ? _("%s (worker)") : "%s", author ? author : "");
		visit v;
		visit_init(&v);
		if (n->visit_id && visit_get(p->a, n->visit_id, &v, NULL) == ST_OK) {
			char when[17];
			fmt_datetime_human(v.starts, when);
			sb_addf(&b, _(", about the visit of %s"), when);
		}
		visit_free(&v);
		sb_addf(&b, ": %s", n->text);
		pager_put(pg, at, sb_str(&b), A_NORMAL);
		sb_free(&b);
	}
}

static void draw_tabs(file_page *p, int y, int w)
{
	int x = 1;
	for (int i = 0; i < CLIENT_TABS; i++) {
		char *tab = xasprintf(" %s ", tab_title(i));
		x += draw_text(y, x, w - x, tab, style_attr(i == p->tab ? S_TAB_ACTIVE : S_TAB));
		x += 1;
		free(tab);
	}
	const char *hint = _("←/→ change tab");
	if (x + text_width(hint) + 2 < w)
		draw_text_right(y, 1, w - 2, hint, style_attr(S_DIM));
}

static void draw(tui *t, view *v, rect r)
{
	file_page *p = v->data;
	char *name = client_display_name(&p->c);
	char *title = xasprintf(_("Client %lld: %s"), (long long)p->c.id, name);
	free(name);
	const char *status = enum_label(&client_statuses, p->c.status);
	int sw = text_width(status);
	draw_text(r.y, 1, r.w - sw - 4, title, style_attr(S_HEADER));
	free(title);
	draw_text_right(r.y, 1, r.w - 2, status,
			style_attr(p->c.status == CLIENT_ACTIVE	  ? S_DONE
				   : p->c.status == CLIENT_FORMER ? S_DIM
								  : S_NORMAL));
	draw_tabs(p, r.y + 1, r.w);
	rect body = {r.y + 3, 2, r.h - 3, r.w - 4};
	if (p->tab == CLIENT_TAB_HISTORY) {
		attr_t h = style_attr(S_DIM);
		draw_text(r.y + 2, 1, W_WHEN, _("When"), h);
		draw_text(r.y + 2, 2 + W_WHEN, W_WHAT, _("What"), h);
		list_draw(&p->hist, (rect){r.y + 3, r.x, r.h - 3, r.w});
		return;
	}
	pager pg = {body, p->scroll[p->tab], 0, 0};
	if (p->tab == CLIENT_TAB_FILE)
		draw_file(p, &pg);
	else if (p->tab == CLIENT_TAB_LIAISON)
		draw_liaison(p, &pg);
	else
		draw_needs(p, &pg);
	p->lines = pg.line;
	p->height = body.h;
}

/* ---- Keys ---- */

static void edit(tui *t, file_page *p)
{
	if (p->tab == CLIENT_TAB_NEEDS) {
		if (tui_may(t, AREA_NEEDS))
			tui_push(t, &view_needs_form_ops, &p->id);
		return;
	}
	if (tui_may(t, AREA_CLIENTS))
		tui_push(t, &view_client_form_ops, &p->id);
}

/* The call, quote or contract of a line of the history. */
static void open_event(tui *t, file_page *p)
{
	const event_row *row = list_selected(&p->hist);
	if (!row || row->i >= p->nevents) {
		tui_msg(t, "%s", _("Nothing is selected"));
		return;
	}
	const event *ev = &p->events[row->i];
	if (!area_open(t, ev->source, ev->row_id, NULL))
		p->tab = CLIENT_TAB_FILE;
}

/* The dialog frees its arg with free(): everything it needs is in it. */
struct liaison_arg {
	int64_t id;
	char name[256];
};

static void liaison_chosen(tui *t, void *arg, int choice)
{
	const struct liaison_arg *la = arg;
	planning_record_form(t, choice == 0 ? PREC_NOTE : PREC_MEETING, la->id, 0, la->name);
}

/* a on the Liaison tab: an entry of the notebook, or a first meeting. */
static void record_liaison(tui *t, file_page *p)
{
	struct liaison_arg *la = xcalloc(1, sizeof *la);
	la->id = p->id;
	char *name = client_display_name(&p->c);
	snprintf(la->name, sizeof la->name, "%s", name);
	free(name);
	const char *items[] = {_("An entry of the liaison notebook"),
			       _("A first meeting with a worker")};
	dialog_menu(t, _("Record what?"), items, 2, 0, liaison_chosen, la);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	file_page *p = v->data;
	switch (act) {
	case ACT_NEXT_TAB:
		p->tab = (p->tab + 1) % CLIENT_TABS;
		return TK_DONE;
	case ACT_PREV_TAB:
		p->tab = (p->tab + CLIENT_TABS - 1) % CLIENT_TABS;
		return TK_DONE;
	case ACT_EDIT:
		edit(t, p);
		return TK_DONE;
	case ACT_NEW_CALL: /* a call from this client: its name and phone are filled in */
		if (tui_may(t, AREA_CALLS))
			call_act_new(t, p->id);
		return TK_DONE;
	case ACT_NEW_COMPLAINT: /* its form, by the areas table: the client filled in */
		area_open(t, "new-complaint", p->id, NULL);
		return TK_DONE;
	default:
		break;
	}
	if (p->tab == CLIENT_TAB_LIAISON && act == ACT_ADD) {
		record_liaison(t, p);
		return TK_DONE;
	}
	if (p->tab == CLIENT_TAB_HISTORY) {
		if (act == ACT_OPEN) {
			open_event(t, p);
			return TK_DONE;
		}
		return list_navigate(t, &p->hist, act);
	}
	return pager_scroll(&p->scroll[p->tab], act, p->lines, p->height);
}

static const enum action *mode(view *v, bool *text_input)
{
	file_page *p = v->data;
	*text_input = false;
	return p->tab == CLIENT_TAB_HISTORY   ? history_actions
	       : p->tab == CLIENT_TAB_LIAISON ? liaison_actions
					      : file_actions;
}

static void close_page(tui *t, view *v)
{
	page_free(v->data);
}

static const struct action_help client_helps[] = {
	{ACT_ADD, N_("On the Liaison tab: write an entry of the liaison notebook, or record a first "
		     "meeting of the client, a worker and the agency")},
	{ACT_NONE, NULL},
};

const struct view_ops view_client_ops = {
	.name = "client",
	.title = N_("Client file"),
	.actions = file_actions,
	.helps = client_helps,
	.open = open_page,
	.draw = draw,
	.key = key,
	.reload = reload,
	.mode = mode,
	.close = close_page,
};
