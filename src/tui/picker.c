/* picker.c — choose a record by searching as you type: a box over the current screen with a
 * search line and the generic list below it, paging through a source (clients, staff, workers)
 * by key, never the whole table. Up/Down choose, Enter takes the choice, Esc leaves
 * without one. The search runs once the typing pauses, as in the call list. Also the picker
 * field of forms (form_pick) and the sources the screens use. */
#include <stdlib.h>
#include <string.h>

#include "charte/staff.h"
#include "charte/client.h"
#include "charte/worker.h"
#include "frame.h"
#include "list.h"
#include "picker.h"

typedef struct picker {
	app *a;
	const struct picker_source *src;
	struct list_ops ops; /* the source's, seen through this picker (its row size) */
	list l;
	lineedit search;
	char *query; /* the search the list shows */
	picker_done_fn done;
	void *arg;
} picker;

static const struct view_ops picker_ops; /* defined below */

static const enum action picker_actions[] = {
	ACT_CONFIRM, ACT_CANCEL, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_NONE,
};

static int fetch(void *ctx, const void *from, bool backward, int limit, void **rows, size_t *n,
		 cerr *e)
{
	picker *p = ctx;
	return p->src->fetch(p->a, p->query, from, backward, limit, rows, n, e);
}

static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	picker *p = ctx;
	p->src->draw(row, r, selected);
}

struct picker_open_arg {
	const struct picker_source *src;
	const char *search;
	picker_done_fn done;
	void *arg;
};

static int open_picker(tui *t, view *v, void *varg, cerr *e)
{
	struct picker_open_arg *oa = varg;
	picker *p = xcalloc(1, sizeof *p);
	p->a = tui_app(t);
	p->src = oa->src;
	p->ops = (struct list_ops){
		.row_size = oa->src->row_size,
		.fetch = fetch,
		.free_row = oa->src->free_row,
		.same = oa->src->same,
		.draw = draw_row,
	};
	le_set(&p->search, oa->search);
	p->query = le_text(&p->search);
	list_init(&p->l, &p->ops, p);
	p->l.empty = _(oa->src->none);
	int r = list_load(&p->l, e);
	if (r) {
		list_free(&p->l);
		le_free(&p->search);
		free(p->query);
		free(p);
		return r;
	}
	p->done = oa->done;
	p->arg = oa->arg;
	v->data = p;
	return ST_OK;
}

void picker_open(tui *t, const struct picker_source *src, const char *search, picker_done_fn done,
		 void *arg)
{
	struct picker_open_arg oa = {src, search ? search : "", done, arg};
	if (tui_push(t, &picker_ops, &oa))
		free(arg); /* not opened (the reason is on the message line) */
}

static void draw(tui *t, view *v, rect r)
{
	picker *p = v->data;
	view *below = tui_below(t);
	if (below) /* the form stays in sight under the box */
		below->ops->draw(t, below, r);
	int w = COLS - 6 < 74 ? COLS - 6 : 74;
	/* As tall as the choices need (a staff of five: a small box), within the screen. */
	int want = (int)p->l.n + 5;
	if (!p->l.at_end || want > 18)
		want = 18;
	if (want < 9)
		want = 9;
	int h = r.h - 2 < want ? r.h - 2 : want;
	rect b = draw_box(h, w, _(p->src->title));
	const char *label = _("Search:");
	int lw = draw_text(b.y, b.x, b.w, label, style_attr(S_LABEL) | A_BOLD) + 1;
	tui_cursor(t, b.y, le_draw(&p->search, b.y, b.x + lw, b.w - lw, style_attr(S_FIELD_FOCUS)));
	draw_text(b.y + 1, b.x, b.w, _(p->src->hint), style_attr(S_DIM));
	list_draw(&p->l, (rect){b.y + 3, b.x - 1, b.h - 3, b.w + 2});
}

static void run_search(tui *t, picker *p)
{
	free(p->query);
	p->query = le_text(&p->search);
	cerr e;
	err_clear(&e);
	if (list_load(&p->l, &e))
		tui_error(t, &e);
}

static void settle(tui *t, view *v)
{
	run_search(t, v->data);
}

static void choose(tui *t, view *v)
{
	picker *p = v->data;
	if (v->pending) { /* Enter before the pause: what is typed decides */
		v->pending = false;
		run_search(t, p);
	}
	const void *row = list_selected(&p->l);
	if (!row) {
		tui_msg(t, "%s", _("Nothing to choose: change the search, or Esc to leave"));
		return;
	}
	int64_t id = 0;
	char *value = NULL, *shown = NULL;
	p->src->chosen(row, &id, &value, &shown);
	picker_done_fn done = p->done;
	void *arg = p->arg;
	p->arg = NULL;
	tui_pop(t); /* p is gone from here on */
	if (done)
		done(t, arg, id, value, shown);
	free(arg);
	free(value);
	free(shown);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	picker *p = v->data;
	switch (act) {
	case ACT_CONFIRM:
		choose(t, v);
		return TK_DONE;
	case ACT_CANCEL:
		tui_pop(t);
		return TK_DONE;
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		return list_navigate(t, &p->l, act);
	case ACT_HELP:
	case ACT_QUIT:
	case ACT_REDRAW:
		return TK_PASS;
	default:
		break;
	}
	if (le_key(&p->search, k)) {
		v->pending = true; /* searched once the typing pauses */
		return TK_DONE;
	}
	return TK_DONE; /* Tab, F2, other areas: not while choosing */
}

static void reload(tui *t, view *v)
{
	picker *p = v->data;
	list_reload_page(t, &p->l, NULL, NULL);
}

static void close_picker(tui *t, view *v)
{
	picker *p = v->data;
	list_free(&p->l);
	le_free(&p->search);
	free(p->query);
	free(p->arg);
	free(p);
}

static const struct view_ops picker_ops = {
	.name = "picker",
	.title = N_("Choose"),
	.actions = picker_actions,
	.text_input = true,
	.open = open_picker,
	.draw = draw,
	.key = key,
	.reload = reload,
	.settle = settle,
	.close = close_picker,
};

/* ---- The picker field of forms ---- */

struct field_arg {
	form *f;
	size_t i;
};

static void field_chosen(tui *t, void *varg, int64_t id, const char *value, const char *shown)
{
	struct field_arg *fa = varg;
	form *f = fa->f;
	form_set_pick(f, fa->i, id, value, shown);
	if (fa->i + 1 < f->n)
		form_focus(f, fa->i + 1);
	if (f->changed)
		f->changed(f, fa->i);
}

void form_pick_search(tui *t, form *f, const char *search)
{
	if (f->focus >= f->n || f->fields[f->focus]->type != FIELD_PICK)
		return;
	struct field_arg *fa = xmalloc(sizeof *fa);
	fa->f = f;
	fa->i = f->focus;
	picker_open(t, f->fields[f->focus]->source, search, field_chosen, fa);
}

void form_pick(tui *t, form *f, const tkey *k)
{
	char typed[8] = "";
	if (tkey_printable(k) && !tkey_is(k, false, ' ')) {
		mbstate_t st = {0};
		size_t len = wcrtomb(typed, (wchar_t)k->c, &st);
		typed[len == (size_t)-1 ? 0 : len] = '\0';
	}
	form_pick_search(t, f, typed);
}

/* ---- Clients ---- */

static int clients_fetch(app *a, const char *search, const void *from, bool backward, int limit,
			 void **rows, size_t *n, cerr *e)
{
	client_filter f;
	client_filter_init(&f);
	f.search = str_blank(search) ? NULL : search;
	client_file *got = NULL;
	int r = client_page(a, &f, from, backward, limit, &got, n, e);
	*rows = got;
	return r;
}

static void client_row_free(void *row)
{
	client_free(row);
}

static bool client_same(const void *a, const void *b)
{
	return ((const client_file *)a)->id == ((const client_file *)b)->id;
}

static void client_draw(const void *row, rect r, bool selected)
{
	const client_file *c = row;
	attr_t attr = style_row(c->status == CLIENT_FORMER ? S_DIM : S_NORMAL, selected);
	char phone[32];
	tui_fmt_phone(c->phone, phone);
	char *name = *c->first_name ? xasprintf("%s %s", c->name, c->first_name) : xstrdup(c->name);
	int sw = 14, pw = 15, nw = r.w - 2 - pw - sw - 2;
	draw_fill(r.y, r.x, r.w, attr);
	draw_cell(r.y, r.x + 1, nw, name, attr);
	draw_cell(r.y, r.x + 2 + nw, pw, phone, attr);
	draw_cell(r.y, r.x + 3 + nw + pw, sw, enum_label(&client_statuses, c->status), attr);
	free(name);
}

char *picker_client_label(const client_file *c)
{
	return client_display_name(c);
}

static void client_chosen(const void *row, int64_t *id, char **value, char **shown)
{
	const client_file *c = row;
	*id = c->id;
	*value = xasprintf("%lld", (long long)c->id);
	*shown = picker_client_label(c);
}

const struct picker_source picker_clients = {
	.title = N_("Choose a client"),
	.hint = N_("Letters of the name or digits of the phone; ↑/↓ then Enter"),
	.none = N_("No client matches what is typed."),
	.row_size = sizeof(client_file),
	.fetch = clients_fetch,
	.free_row = client_row_free,
	.same = client_same,
	.draw = client_draw,
	.chosen = client_chosen,
};

/* ---- Members of staff (a few dozen at most: read at once, filtered here) ---- */

/* Every word typed is in the login or the name, case and accents aside. */
static bool staff_matches(const staff *s, const char *search)
{
	char *words = text_fold(search), *hay = NULL;
	char *both = xasprintf("%s %s", s->login, s->name ? s->name : "");
	hay = text_fold(both);
	free(both);
	bool all = true;
	for (char *w = strtok(words, " \t"); w && all; w = strtok(NULL, " \t"))
		all = strstr(hay, w) != NULL;
	free(words);
	free(hay);
	return all;
}

static int staff_fetch(app *a, const char *search, const void *from, bool backward, int limit,
		       void **rows, size_t *n, cerr *e)
{
	(void)backward;
	(void)limit;
	*rows = NULL;
	*n = 0;
	if (from)
		return ST_OK; /* one page holds them all */
	staff *all = NULL;
	size_t count = 0;
	int r = staff_list(a, &all, &count, e);
	if (r)
		return r;
	size_t kept = 0;
	for (size_t i = 0; i < count; i++) {
		if (all[i].active && staff_matches(&all[i], search))
			all[kept++] = all[i];
		else
			staff_free(&all[i]);
	}
	*rows = all;
	*n = kept;
	return ST_OK;
}

static void staff_row_free(void *row)
{
	staff_free(row);
}

static bool staff_same(const void *a, const void *b)
{
	return ((const staff *)a)->id == ((const staff *)b)->id;
}

static void staff_draw(const void *row, rect r, bool selected)
{
	const staff *s = row;
	attr_t attr = style_row(S_NORMAL, selected);
	int rw = 16, lw = 20, nw = r.w - 2 - lw - rw - 2;
	draw_fill(r.y, r.x, r.w, attr);
	draw_cell(r.y, r.x + 1, nw, s->name ? s->name : "", attr);
	draw_cell(r.y, r.x + 2 + nw, lw, s->login, attr);
	draw_cell(r.y, r.x + 3 + nw + lw, rw, enum_label(&role_names, s->role), attr);
}

char *picker_staff_label(app *a, const char *login, bool with_login)
{
	if (!login || !*login)
		return xstrdup("");
	staff s = {0};
	cerr e;
	err_clear(&e);
	bool named = staff_get(a, login, &s, &e) == ST_OK && s.name && *s.name &&
		     strcmp(s.name, s.login);
	char *label = !named	   ? xstrdup(login)
		      : with_login ? xasprintf("%s (%s)", s.name, s.login)
				   : xstrdup(s.name);
	staff_free(&s);
	return label;
}

static void staff_chosen(const void *row, int64_t *id, char **value, char **shown)
{
	const staff *s = row;
	*id = s->id;
	*value = xstrdup(s->login);
	*shown = xstrdup(s->name && *s->name ? s->name : s->login);
}

const struct picker_source picker_staff = {
	.title = N_("Choose a member of staff"),
	.hint = N_("A few letters of the name or the login; ↑/↓ then Enter"),
	.none = N_("Nobody on the staff matches what is typed."),
	.row_size = sizeof(staff),
	.fetch = staff_fetch,
	.free_row = staff_row_free,
	.same = staff_same,
	.draw = staff_draw,
	.chosen = staff_chosen,
};

/* ---- Workers (paged by name, as the Workers list) ---- */

static int workers_fetch(app *a, const char *search, const void *from, bool backward, int limit,
			 void **rows, size_t *n, cerr *e)
{
	worker_filter f;
	worker_filter_init(&f);
	f.search = str_blank(search) ? NULL : search;
	worker *got = NULL;
	int r = worker_page(a, &f, from, backward, limit, &got, n, e);
	*rows = got;
	return r;
}

static void worker_row_free(void *row)
{
	worker_free(row);
}

static bool worker_same(const void *a, const void *b)
{
	return ((const worker *)a)->id == ((const worker *)b)->id;
}

static void worker_draw(const void *row, rect r, bool selected)
{
	const worker *w = row;
	attr_t attr = style_row(w->status == WORKER_LEFT ? S_DIM : S_NORMAL, selected);
	int sw = 14, mw = 12, nw = r.w - 2 - mw - sw - 2;
	draw_fill(r.y, r.x, r.w, attr);
	draw_cell(r.y, r.x + 1, nw, w->name, attr);
	draw_cell(r.y, r.x + 2 + nw, mw, w->matricule ? w->matricule : "", attr);
	draw_cell(r.y, r.x + 3 + nw + mw, sw, enum_label(&worker_statuses, w->status), attr);
}

static void worker_chosen(const void *row, int64_t *id, char **value, char **shown)
{
	const worker *w = row;
	*id = w->id;
	*value = xasprintf("%lld", (long long)w->id);
	*shown = xstrdup(w->name);
}

const struct picker_source picker_workers = {
	.title = N_("Choose a worker"),
	.hint = N_("Letters of the name, the matricule or the badge; ↑/↓ then Enter"),
	.none = N_("No worker matches what is typed."),
	.row_size = sizeof(worker),
	.fetch = workers_fetch,
	.free_row = worker_row_free,
	.same = worker_same,
	.draw = worker_draw,
	.chosen = worker_chosen,
};
