/* view_visit_form.c — a visit planned by hand from the Planning grid (`a`; issue 8, points 3
 * and 4): the contract (a picker of the contracts in force, the client's when the grid is a
 * client's), the worker (the grid's when it is a worker's; empty: uncovered for now), the day
 * and the start from the grid's cursor, the end, and the contract's service when it has
 * several. The planning checks are core's (visit_plan): when some fail, each is said with its
 * reason and planning anyway is asked (the command line's --force); any other refusal shows
 * under the field it names. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/contract.h"
#include "charte/visit.h"
#include "dialog.h"
#include "form.h"
#include "frame.h"
#include "picker.h"
#include "planning.h"

typedef struct visit_form {
	app *a;
	form f;
	int64_t client_id;  /* the grid's client (0: any) */
	char *client_name;  /* its name, searched in the contracts' picker */
	char *services;     /* beside the service field: the contract's services */
	char *title;
} visit_form;

/* ---- The contracts in force, to choose from ---- */

static int contracts_fetch(app *a, const char *search, const void *from, bool backward,
			   int limit, void **rows, size_t *n, cerr *e)
{
	contract_filter f;
	contract_filter_init(&f, app_today(a));
	f.status = CONTRACT_ACTIVE; /* signed, started, not ended */
	f.search = str_blank(search) ? NULL : search;
	contract *got = NULL;
	int r = contract_page(a, &f, from, backward, limit, &got, n, e);
	*rows = got;
	return r;
}

static void contract_row_free(void *row)
{
	contract_free(row);
}

static bool contract_same(const void *a, const void *b)
{
	return ((const contract *)a)->id == ((const contract *)b)->id;
}

static void contract_draw(const void *row, rect r, bool selected)
{
	const contract *k = row;
	attr_t attr = style_row(S_NORMAL, selected);
	int nw = 11, kw = 14, cw = r.w - 2 - nw - kw - 2;
	draw_fill(r.y, r.x, r.w, attr);
	draw_cell(r.y, r.x + 1, nw, k->number, attr);
	draw_cell(r.y, r.x + 2 + nw, cw, k->client_name ? k->client_name : "", attr);
	draw_cell(r.y, r.x + 3 + nw + cw, kw, enum_label(&contract_kinds, k->kind), attr);
}

static char *contract_label(const contract *k)
{
	return xasprintf("%s %s", k->number, k->client_name ? k->client_name : "");
}

static void contract_chosen(const void *row, int64_t *id, char **value, char **shown)
{
	const contract *k = row;
	*id = k->id;
	*value = xstrdup(k->number);
	*shown = contract_label(k);
}

static const struct picker_source picker_contracts = {
	.title = N_("Choose a contract in force"),
	.hint = N_("Letters of the client's name, or the contract's number; ↑/↓ then Enter"),
	.none = N_("No contract in force matches what is typed."),
	.row_size = sizeof(contract),
	.fetch = contracts_fetch,
	.free_row = contract_row_free,
	.same = contract_same,
	.draw = contract_draw,
	.chosen = contract_chosen,
};

/* ---- The form ---- */

/* The services of the contract chosen, beside the service field. */
static void contract_changed(form *f, size_t i)
{
	visit_form *vf = f->ctx;
	if (strcmp(f->fields[i]->name, "contract"))
		return;
	free(vf->services);
	vf->services = NULL;
	contract_line *lines = NULL;
	size_t n = 0;
	int64_t id = form_pick_id(f, "contract");
	if (id && contract_lines_of(vf->a, id, &lines, &n, NULL) == ST_OK && n > 1) {
		strbuf b = {0};
		for (size_t l = 0; l < n; l++)
			if (lines[l].service_code)
				sb_addf(&b, "%s%s", b.len ? ", " : "", lines[l].service_code);
		vf->services = xasprintf(_("one of %s"), sb_str(&b));
		sb_free(&b);
	}
	contract_lines_free(lines, n);
	form_field(f, "service")->format =
		vf->services ? vf->services : _("empty: the contract's only service");
}

static int check(form *f, size_t i, cerr *e)
{
	const char *name = f->fields[i]->name;
	const char *why = NULL;
	cday day;
	int m;
	if (!strcmp(name, "contract") && !form_pick_id(f, "contract"))
		why = N_("choose the contract the visit is for (type to search)");
	else if (!strcmp(name, "day"))
		why = form_day(f, "day", false, &day);
	else if (!strcmp(name, "start") || !strcmp(name, "end"))
		why = form_clock(f, name, &m);
	return why ? err_set(e, ST_INVALID, name, "%s", _(why)) : ST_OK;
}

/* What the form's open is given. */
struct visit_open {
	int64_t client_id;       /* the grid's client, or 0 */
	const char *client_name;
	int64_t worker_id;       /* the grid's worker, or 0 */
	const char *worker_name;
	cday day;
	int start;               /* minutes into the day */
};

/* The client's one contract in force, when it has exactly one: chosen already. */
static void contract_of_client(visit_form *vf, form *f)
{
	contract_filter cf;
	contract_filter_init(&cf, app_today(vf->a));
	cf.status = CONTRACT_ACTIVE;
	cf.client_id = vf->client_id;
	contract *rows = NULL;
	size_t n = 0;
	bool one = vf->client_id &&
		   contract_page(vf->a, &cf, NULL, false, 2, &rows, &n, NULL) == ST_OK && n == 1;
	char *shown = one ? contract_label(&rows[0]) : NULL;
	form_add_pick(f, "contract", _("Contract"), &picker_contracts, one ? rows[0].id : 0,
		      one ? rows[0].number : NULL, shown)
		->format = _("type to choose");
	free(shown);
	contracts_free(rows, n);
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	(void)e;
	const struct visit_open *o = arg;
	visit_form *vf = xcalloc(1, sizeof *vf);
	vf->a = tui_app(t);
	vf->client_id = o->client_id;
	vf->client_name = o->client_name ? xstrdup(o->client_name) : NULL;
	vf->title = o->client_name ? text_elide(xasprintf(_("A visit planned by hand for %s"),
							  o->client_name))
				   : xstrdup(_("A visit planned by hand"));
	form *f = &vf->f;
	form_init(f, vf);
	f->check = check;
	f->changed = contract_changed;
	contract_of_client(vf, f);
	char worker_id[24];
	snprintf(worker_id, sizeof worker_id, "%lld", (long long)o->worker_id);
	form_add_pick(f, "worker", _("Worker"), &picker_workers, o->worker_id,
		      o->worker_id ? worker_id : NULL, o->worker_id ? o->worker_name : NULL)
		->format = _("type to choose; Backspace: none, uncovered for now");
	char day[11], start[6];
	fmt_date_human(o->day, day);
	fmt_clock(o->start, start);
	form_add_text(f, "day", _("Day"), day, 11)->format = form_date_format();
	form_add_text(f, "start", _("From"), start, 6)->format = _("HH:MM");
	form_add_text(f, "end", _("To"), "", 6)->format =
		_("HH:MM (earlier than the start: the next day)");
	form_add_text(f, "service", _("Service"), "", 20);
	contract_changed(f, 0);
	/* The contract known, the day and the start from the grid: the end is what is left. */
	form_focus(f, form_pick_id(f, "contract") ? 4 : 0);
	v->data = vf;
	return ST_OK;
}

static void draw(tui *t, view *v, rect r)
{
	visit_form *vf = v->data;
	draw_text(r.y, 1, r.w - 2, vf->title, style_attr(S_HEADER));
	draw_text(r.y + 1, 1, r.w - 2,
		  _("Saving runs the planning checks: each failing is said, then you confirm."),
		  style_attr(S_DIM));
	form_draw(&vf->f, t, (rect){r.y + 3, 2, r.h - 3, r.w - 4});
}

/* The visit as typed, checked field by field already. */
struct visit_typed {
	int64_t contract_id, worker_id;
	cminute starts, ends;
	char service[64];
};

static void typed(visit_form *vf, struct visit_typed *out)
{
	form *f = &vf->f;
	cday day = NO_DAY;
	int from = 0, to = 0;
	form_day(f, "day", false, &day);
	form_clock(f, "start", &from);
	form_clock(f, "end", &to);
	out->contract_id = form_pick_id(f, "contract");
	out->worker_id = form_pick_id(f, "worker");
	out->starts = cal_at(day, from);
	out->ends = to > from ? cal_at(day, to) : cal_at(day + 1, to); /* crossing midnight */
	char *code = form_text(f, "service");
	snprintf(out->service, sizeof out->service, "%s", str_trim(code));
	free(code);
}

static int plan(app *a, const struct visit_typed *in, bool force, int64_t *id, cerr *e)
{
	visit v;
	visit_init(&v);
	v.contract_id = in->contract_id;
	v.worker_id = in->worker_id;
	v.starts = in->starts;
	v.ends = in->ends;
	v.service_code = *in->service ? xstrdup(in->service) : NULL;
	int r = visit_plan(a, &v, force, e);
	*id = v.id;
	visit_free(&v);
	return r;
}

static void planned(tui *t, int64_t id, bool force)
{
	tui_pop(t); /* the form is gone */
	planning_select(t, id);
	tui_changed(t);
	tui_msg(t, force ? _("Visit %lld planned despite the planning checks")
			 : _("Visit %lld planned"),
		(long long)id);
}

static void plan_anyway(tui *t, void *arg)
{
	int64_t id = 0;
	cerr e;
	err_clear(&e);
	if (plan(tui_app(t), arg, true, &id, &e)) {
		tui_error(t, &e);
		return;
	}
	planned(t, id, true);
}

static void save(tui *t, view *v)
{
	visit_form *vf = v->data;
	if (!form_view_valid(t, &vf->f))
		return;
	struct visit_typed in;
	typed(vf, &in);
	int64_t id = 0;
	cerr e;
	err_clear(&e);
	int r = plan(vf->a, &in, false, &id, &e);
	if (!r) {
		planned(t, id, false);
		return;
	}
	if (r != ST_CONFLICT) { /* a field that cannot be: under it */
		form_save_failed(t, &vf->f, &e);
		return;
	}
	/* The planning checks that fail, each with its reason: planning anyway is asked. */
	struct visit_typed *arg = xmalloc(sizeof *arg);
	*arg = in;
	char *q = xasprintf(_("The planning checks fail: %s. Plan the visit anyway?"), e.msg);
	dialog_confirm(t, q, plan_anyway, arg);
	free(q);
}

static const char *leave(view *v)
{
	(void)v;
	return _("Leave without planning the visit?");
}

/* The contract's picker searches for the grid's client. */
static void pick(tui *t, view *v, const tkey *k)
{
	visit_form *vf = v->data;
	form *f = &vf->f;
	if (vf->client_name && f->focus < f->n && !strcmp(f->fields[f->focus]->name, "contract"))
		form_pick_search(t, f, vf->client_name);
	else
		form_pick(t, f, k);
}

static const struct form_view_ops visit_form_view = {
	.form_at = offsetof(visit_form, f),
	.save = save,
	.leave = leave,
	.pick = pick,
};

static void close_form(tui *t, view *v)
{
	(void)t;
	visit_form *vf = v->data;
	form_free(&vf->f);
	free(vf->client_name);
	free(vf->services);
	free(vf->title);
	free(vf);
}

static const struct view_ops view_visit_form_ops = {
	.name = "visit-plan",
	.title = N_("Planning"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = draw,
	.form = &visit_form_view,
	.close = close_form,
};

void planning_plan_form(tui *t, int64_t client_id, const char *client_name, int64_t worker_id,
			const char *worker_name, cday day, int start)
{
	struct visit_open o = {client_id, client_name, worker_id, worker_name, day, start};
	tui_push(t, &view_visit_form_ops, &o);
}
