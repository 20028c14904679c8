/* view_today.c — the Today area, the desk's dashboard: the sections the areas supply
 * (areas.h), in the order of their rank — the Calls area's callbacks and documentation, then
 * the charter's findings — each a heading with its count, then its lines, or a word saying
 * there are none. Enter and the other keys of a line are its section's; `a` adds a call and `/`
 * searches the call list, as from anywhere at the front desk. */
#include <stdlib.h>
#include <string.h>

#include "areas.h"
#include "list.h"
#include "today.h"
#include "views.h"

enum { ROW_HEADING, ROW_LINE, ROW_NONE };

typedef struct today_row {
	size_t sec; /* index in today.secs */
	int kind;
	size_t i;   /* ROW_LINE: the section's line */
	bool selectable;
	struct today_ident id;
} today_row;

/* The keys of Today itself, after those of the selected line's section. */
static const enum action today_own[] = {
	ACT_SEARCH, ACT_ADD, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END,
};

typedef struct section {
	const struct today_section *ops;
	void *st;
	enum action actions[ACT_COUNT + ARRAY_LEN(today_own)]; /* the line's, then Today's */
} section;

typedef struct today {
	app *a;
	list l;
	section *secs;
	size_t nsecs;
} today;

static void push_row(today_row **rows, size_t *n, size_t *cap, today_row r)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		*rows = xrealloc(*rows, *cap * sizeof **rows);
	}
	(*rows)[(*n)++] = r;
}

/* The whole dashboard at once: it is small by construction (each section is limited). */
static int fetch(void *ctx, const void *from, bool backward, int limit, void **out, size_t *n,
		 cerr *e)
{
	today *td = ctx;
	(void)backward, (void)limit;
	*out = NULL;
	*n = 0;
	if (from)
		return ST_OK;
	cminute now = app_now(td->a);
	for (size_t s = 0; s < td->nsecs; s++) {
		int r = td->secs[s].ops->read(td->secs[s].st, td->a, now, e);
		if (r)
			return r;
	}
	today_row *rows = NULL;
	size_t cap = 0;
	for (size_t s = 0; s < td->nsecs; s++) {
		const struct today_section *ops = td->secs[s].ops;
		void *st = td->secs[s].st;
		push_row(&rows, n, &cap, (today_row){.sec = s, .kind = ROW_HEADING});
		size_t lines = ops->count(st);
		for (size_t i = 0; i < lines; i++) {
			today_row r = {.sec = s, .kind = ROW_LINE, .i = i};
			r.selectable = ops->ident(st, i, &r.id);
			push_row(&rows, n, &cap, r);
		}
		if (!lines)
			push_row(&rows, n, &cap, (today_row){.sec = s, .kind = ROW_NONE});
	}
	*out = rows;
	return ST_OK;
}

static bool same(const void *a, const void *b)
{
	const today_row *x = a, *y = b;
	if (x->sec != y->sec || x->kind != y->kind || x->selectable != y->selectable)
		return false;
	if (x->selectable)
		return x->id.group == y->id.group && x->id.id == y->id.id;
	return x->i == y->i;
}

static bool selectable(const void *row)
{
	return ((const today_row *)row)->selectable;
}

static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	today *td = ctx;
	const today_row *tr = row;
	const section *s = &td->secs[tr->sec];
	if (tr->kind == ROW_HEADING) {
		char *text = s->ops->heading(s->st);
		draw_text(r.y, r.x + 1, r.w - 1, text, style_attr(S_HEADER));
		free(text);
	} else if (tr->kind == ROW_NONE) {
		draw_text(r.y, r.x + 3, r.w - 3, s->ops->none(s->st), style_attr(S_DIM));
	} else {
		s->ops->draw(s->st, tr->i, r, selected);
	}
}

static const struct list_ops today_list = {
	.row_size = sizeof(today_row),
	.fetch = fetch,
	.same = same,
	.selectable = selectable,
	.draw = draw_row,
};

static void close_sections(today *td)
{
	for (size_t s = 0; s < td->nsecs; s++)
		td->secs[s].ops->close(td->secs[s].st);
	free(td->secs);
}

/* Every area's sections, by rank; each with its keys followed by Today's. */
static void open_sections(today *td)
{
	for (size_t a = 0; a < tui_nareas; a++)
		for (const struct today_section *const *p = tui_areas[a].today; p && *p; p++) {
			td->secs = xrealloc(td->secs, (td->nsecs + 1) * sizeof *td->secs);
			size_t at = td->nsecs++;
			while (at > 0 && td->secs[at - 1].ops->rank > (*p)->rank) {
				td->secs[at] = td->secs[at - 1];
				at--;
			}
			section *s = &td->secs[at];
			s->ops = *p;
			s->st = (*p)->open(*p, td->a);
			size_t n = 0;
			for (const enum action *x = (*p)->actions; x && *x != ACT_NONE; x++)
				s->actions[n++] = *x;
			for (size_t i = 0; i < ARRAY_LEN(today_own); i++)
				s->actions[n++] = today_own[i];
			s->actions[n] = ACT_NONE;
		}
}

static int open_today(tui *t, view *v, void *arg, cerr *e)
{
	today *td = xcalloc(1, sizeof *td);
	td->a = tui_app(t);
	open_sections(td);
	list_init(&td->l, &today_list, td);
	int r = list_load(&td->l, e);
	if (r) {
		list_free(&td->l);
		close_sections(td);
		free(td);
		return r;
	}
	v->data = td;
	v->pending = true; /* the slow sections, once the screen shows */
	return ST_OK;
}

static void reload(tui *t, view *v)
{
	today *td = v->data;
	list_reload_page(t, &td->l, NULL, NULL);
	v->pending = true; /* the slow sections again, in the next pause */
}

static void settle(tui *t, view *v)
{
	today *td = v->data;
	for (size_t s = 0; s < td->nsecs; s++)
		if (td->secs[s].ops->settle)
			td->secs[s].ops->settle(td->secs[s].st, td->a);
	list_reload_page(t, &td->l, NULL, NULL);
}

static void draw(tui *t, view *v, rect r)
{
	today *td = v->data;
	draw_text(r.y, 1, r.w - 2, _("The front desk: what needs doing today"),
		  style_attr(S_HEADER));
	for (size_t s = 0; s < td->nsecs; s++)
		if (td->secs[s].ops->draw_heads) {
			td->secs[s].ops->draw_heads((rect){r.y + 1, r.x, 1, r.w});
			break;
		}
	list_draw(&td->l, (rect){r.y + 2, r.x, r.h - 2, r.w});
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	today *td = v->data;
	const today_row *row = list_selected(&td->l);
	cerr e;
	err_clear(&e);
	switch (act) {
	case ACT_ADD:
		if (tui_may(t, AREA_CALLS))
			tui_push(t, &view_call_form_ops, NULL);
		return TK_DONE;
	case ACT_SEARCH: { /* searching is the call list's: go there and start typing */
		view *calls = tui_goto(t, &view_calls_ops);
		if (calls)
			calls->ops->key(t, calls, k, ACT_SEARCH);
		return TK_DONE;
	}
	default:
		break;
	}
	/* The selected line's section; with none selected, the first section says why not. */
	if (row && td->secs[row->sec].ops->key(t, td->secs[row->sec].st, row->i, act) == TK_DONE)
		return TK_DONE;
	if (!row && td->nsecs && td->secs[0].ops->key(t, td->secs[0].st, TODAY_NONE, act) == TK_DONE)
		return TK_DONE;
	return list_navigate(t, &td->l, act);
}

static const enum action today_actions[] = {
	ACT_SEARCH, ACT_ADD, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};

/* The keys of the selected line's section (of the first one when none is selected). */
static const enum action *mode(view *v, bool *text_input)
{
	today *td = v->data;
	const today_row *row = list_selected(&td->l);
	*text_input = false;
	if (row)
		return td->secs[row->sec].actions;
	return td->nsecs ? td->secs[0].actions : today_actions;
}

static void close_today(tui *t, view *v)
{
	today *td = v->data;
	list_free(&td->l);
	close_sections(td);
	free(td);
}

/* What its keys do here (the help). */
static const struct action_help today_helps[] = {
	{ACT_OPEN, N_("Open what the selected line is about (a call, or the record a finding names)")},
	{ACT_NONE, NULL},
};

const struct view_ops view_today_ops = {
	.name = "today",
	.title = N_("Today"),
	.actions = today_actions,
	.helps = today_helps,
	.open = open_today,
	.draw = draw,
	.key = key,
	.reload = reload,
	.mode = mode,
	.settle = settle,
	.close = close_today,
};
