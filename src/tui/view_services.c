/* view_services.c — the service catalogue, opened from Settings with `s`: every service (retired
 * ones too) with its VAT rate, unit, price excl. VAT and whether it is offered. Everyone can read
 * it; only a manager changes it: `e`/Enter edits the selected service in a form, `a` adds one.
 * Each field is checked as it is left (parse_percent, parse_amount, then the domain's own
 * catalogue_check), F10 saves through catalogue_set. */
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "charte/catalogue.h"
#include "dialog.h"
#include "form.h"
#include "frame.h"
#include "list.h"
#include "views.h"

/* ---- shared ---------------------------------------------------------------------------- */


/* "5,5 %" in French, "5.5 %" in English. */
static void fmt_rate(int rate, char out[static 32])
{
	char h[24];
	fmt_hundredths_human(rate, h);
	snprintf(out, 32, "%s %%", h);
}

/* A price as typed in the form: a plain number ("22,00" in French). */
static void fmt_price_typed(cents c, char out[static 24])
{
	fmt_amount_csv(c, out);
	char *dot = lang_french ? strchr(out, '.') : NULL;
	if (dot)
		*dot = ',';
}


/* ---- the list -------------------------------------------------------------------------- */

typedef plain_view services_view;

static const enum action services_actions[] = {
	ACT_EDIT, ACT_ADD, ACT_OPEN, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME,
	ACT_END, ACT_NONE,
};

/* For those who may not change it: `e` and `a` still answer, saying who may. */
static const enum action services_read_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};

/* The whole catalogue at once: it is small. */
static int fetch(void *ctx, const void *from, bool backward, int limit, void **out, size_t *n,
		 cerr *e)
{
	services_view *sv = ctx;
	(void)backward;
	(void)limit;
	*out = NULL;
	*n = 0;
	if (from)
		return ST_OK;
	service *rows = NULL;
	int r = catalogue_list(sv->a, true, &rows, n, e);
	if (r)
		return r;
	*out = rows;
	return ST_OK;
}

static void free_row(void *row)
{
	service_free(row);
}

static bool same(const void *a, const void *b)
{
	return !strcmp(((const service *)a)->code, ((const service *)b)->code);
}

#define W_CODE 16
#define W_VAT 7
#define W_UNIT 9
#define W_PRICE 11
#define W_ACTIVE 6

static int svc_label_width(int w)
{
	return w - 1 - W_CODE - W_VAT - W_UNIT - W_PRICE - W_ACTIVE - 6;
}

static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	const service *s = row;
	attr_t attr = style_row(s->active ? S_NORMAL : S_CANCELLED, selected);
	int lw = svc_label_width(r.w), x = r.x + 1;
	char vat[32], price[32];
	fmt_rate(s->vat_rate, vat);
	fmt_amount(s->price, price);
	draw_fill(r.y, r.x, r.w, attr);
	draw_cell(r.y, x, W_CODE, s->code, attr);
	x += W_CODE + 1;
	draw_cell(r.y, x, lw, s->label, attr);
	x += lw + 1;
	draw_text_right(r.y, x, W_VAT, vat, attr);
	x += W_VAT + 1;
	draw_cell(r.y, x, W_UNIT, enum_label(&price_units, s->unit), attr);
	x += W_UNIT + 1;
	draw_text_right(r.y, x, W_PRICE, price, attr);
	x += W_PRICE + 1;
	draw_cell(r.y, x, W_ACTIVE, s->active ? _("yes") : _("no"), attr);
}

static const struct list_ops services_list = {
	.row_size = sizeof(service),
	.fetch = fetch,
	.free_row = free_row,
	.same = same,
	.draw = draw_row,
};

static int open_services(tui *t, view *v, void *arg, cerr *e)
{
	return plain_view_open(t, v, &services_list,
			       _("No service in the catalogue: press a to add one."), e);
}

static void draw(tui *t, view *v, rect r)
{
	services_view *sv = v->data;
	bool manager = app_may(sv->a, AREA_CATALOGUE, ACCESS_WRITE);
	draw_text(r.y, 1, r.w - 2,
		  manager ? _("Service catalogue")
			  : _("Service catalogue (read only: only a manager can change it)"),
		  style_attr(S_HEADER));
	int lw = svc_label_width(r.w), x = 2;
	attr_t dim = style_attr(S_DIM);
	draw_text(r.y + 1, x, W_CODE, _("Code"), dim);
	x += W_CODE + 1;
	draw_text(r.y + 1, x, lw, _("Service"), dim);
	x += lw + 1;
	draw_text_right(r.y + 1, x, W_VAT, _("VAT"), dim);
	x += W_VAT + 1;
	draw_text(r.y + 1, x, W_UNIT, _("Unit"), dim);
	x += W_UNIT + 1;
	draw_text_right(r.y + 1, x, W_PRICE, _("excl. VAT"), dim);
	x += W_PRICE + 1;
	draw_text(r.y + 1, x, W_ACTIVE, _("Active"), dim);
	/* The selected service in full at the bottom. */
	int help_h = 2;
	list_draw(&sv->l, (rect){r.y + 2, r.x, r.h - 3 - help_h, r.w});
	const service *s = list_selected(&sv->l);
	if (s) {
		char *detail = xasprintf("%s — %s%s%s", s->code, s->label,
					 s->essential ? _("; essential act of daily life") : "",
					 s->active ? "" : _("; retired (no longer offered)"));
		draw_wrapped((rect){r.y + r.h - help_h, 2, help_h, r.w - 4}, 0, detail, dim);
		free(detail);
	}
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	services_view *sv = v->data;
	cerr e;
	err_clear(&e);
	if (act == ACT_NONE)
		act = action_for_key(services_actions, k, false);
	if (act == ACT_EDIT || act == ACT_OPEN) {
		const service *s = list_selected(&sv->l);
		if (s && tui_may(t, AREA_CATALOGUE)) {
			char *code = xstrdup(s->code);
			tui_push(t, &view_service_form_ops, code);
			free(code);
		}
		return TK_DONE;
	}
	if (act == ACT_ADD) {
		if (tui_may(t, AREA_CATALOGUE))
			tui_push(t, &view_service_form_ops, NULL);
		return TK_DONE;
	}
	return list_navigate(t, &sv->l, act);
}

static const enum action *mode(view *v, bool *text_input)
{
	services_view *sv = v->data;
	*text_input = false;
	return app_may(sv->a, AREA_CATALOGUE, ACCESS_WRITE) ? services_actions : services_read_actions;
}

const struct view_ops view_services_ops = {
	.name = "services",
	.title = N_("Services"),
	.actions = services_actions,
	.open = open_services,
	.draw = draw,
	.key = key,
	.reload = plain_view_reload,
	.mode = mode,
	.close = plain_view_close,
};

/* ---- the form of one service ----------------------------------------------------------- */

typedef struct service_form {
	app *a;
	form f;
	char *code; /* NULL: a new service (its code is a field) */
	service old; /* as it was when the form opened: an edit writes only what changed */
} service_form;

/* A service that is neutral but for what is typed in field `name` (the others are left as
 * they would pass). The parse reason names the field. */
static int typed_field(service_form *sf, const char *name, service *s, cerr *e)
{
	form *f = &sf->f;
	char *text = form_text(f, name);
	const char *why = NULL;
	int r = ST_OK;
	str_trim(text);
	if (!strcmp(name, "code")) {
		free(s->code);
		s->code = xstrdup(text);
	} else if (!strcmp(name, "label")) {
		free(s->label);
		s->label = xstrdup(text);
	} else if (!strcmp(name, "vat")) {
		why = *text ? parse_percent(text, &s->vat_rate) : N_("must not be empty");
	} else if (!strcmp(name, "price")) {
		why = *text ? parse_amount(text, &s->price) : N_("must not be empty");
	}
	if (why)
		r = err_set(e, ST_INVALID, name, "%s", _(why));
	free(text);
	return r;
}

static int check(form *f, size_t i, cerr *e)
{
	service_form *sf = f->ctx;
	const char *name = f->fields[i]->name;
	service s = {.code = xstrdup(sf->code ? sf->code : "x"), .label = xstrdup("x"),
		     .unit = UNIT_HOUR, .active = true};
	int r = ST_OK;
	if (!strcmp(name, "code") || !strcmp(name, "label") || !strcmp(name, "vat") ||
	    !strcmp(name, "price"))
		r = typed_field(sf, name, &s, e);
	if (!r)
		r = catalogue_check(&s, e);
	/* `a` adds: a code already in the catalogue is edited from the list instead. */
	if (!r && !sf->code && !strcmp(name, "code")) {
		service there = {0};
		cerr ignore;
		err_clear(&ignore);
		if (!catalogue_get(sf->a, s.code, &there, &ignore))
			r = err_set(e, ST_INVALID, "code",
				    _("the catalogue has a service %s already: edit it from the list"),
				    s.code);
		service_free(&there);
	}
	service_free(&s);
	return r;
}

static void build(service_form *sf, const service *s)
{
	form *f = &sf->f;
	form_init(f, sf);
	f->check = check;
	if (!sf->code) {
		field *code = form_add_text(f, "code", _("Code"), s->code, 20);
		code->format = _("lower-case letters, digits, '-'");
	}
	form_add_text(f, "label", _("Label"), s->label, 0);
	char vat[24], price[24];
	fmt_hundredths_human(s->vat_rate, vat);
	field *fv = form_add_text(f, "vat", _("VAT rate"), sf->code ? vat : "", 8);
	fv->format = _("% (5.5, 10 or 20)");
	const char *units[] = {_("per hour"), _("flat price")};
	form_add_choice(f, "unit", _("Unit"), units, 2, s->unit == UNIT_FLAT ? 1 : 0);
	fmt_price_typed(s->price, price);
	field *fp = form_add_text(f, "price", _("Price excl. VAT"), sf->code ? price : "", 12);
	fp->format = _("€ excl. VAT");
	form_add_check(f, "essential", _("Essential (5.5 % rate)"), s->essential);
	form_add_check(f, "active", _("Offered (active)"), s->active);
	form_focus(f, 0);
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	int r = role_check(tui_app(t), AREA_CATALOGUE, ACCESS_WRITE, e);
	if (r)
		return r;
	service_form *sf = xcalloc(1, sizeof *sf);
	sf->a = tui_app(t);
	service s = {.unit = UNIT_HOUR, .active = true};
	if (arg) {
		r = catalogue_get(sf->a, arg, &s, e);
		if (r) {
			service_free(&s);
			free(sf);
			return r;
		}
		sf->code = xstrdup(s.code);
		r = catalogue_get(sf->a, arg, &sf->old, e);
		if (r) {
			service_free(&s);
			free(sf->code);
			free(sf);
			return r;
		}
	}
	build(sf, &s);
	service_free(&s);
	v->data = sf;
	return ST_OK;
}

static void form_view_draw(tui *t, view *v, rect r)
{
	service_form *sf = v->data;
	char *title = sf->code ? xasprintf(_("Service %s"), sf->code) : xstrdup(_("New service"));
	draw_text(r.y, 1, r.w - 2, title, style_attr(S_HEADER));
	free(title);
	form_draw(&sf->f, t, (rect){r.y + 2, 2, r.h - 4, r.w - 4});
	draw_text(r.y + r.h - 1, 2, r.w - 4,
		  _("VAT rates: 5.5 for dependent people, 10 for most services, 20 for gardening, IT"),
		  style_attr(S_DIM));
}

/* Another desk changed the service while it was typed: the service as stored now becomes the
 * base, the form showing it but for what the person typed, so that the next F10 saves what they
 * chose. */
static void rebase(service_form *sf)
{
	service now = {0};
	cerr ignored;
	if (catalogue_get(sf->a, sf->code, &now, &ignored)) {
		service_free(&now);
		return;
	}
	service_free(&sf->old);
	sf->old = now;
	form typed = sf->f;
	build(sf, &sf->old);
	form_keep_typed(&sf->f, &typed);
}

static void save(tui *t, view *v)
{
	service_form *sf = v->data;
	cerr e;
	err_clear(&e);
	if (!form_view_valid(t, &sf->f))
		return;
	service s = {.unit = form_choice(&sf->f, "unit") == 1 ? UNIT_FLAT : UNIT_HOUR,
		     .essential = form_on(&sf->f, "essential"),
		     .active = form_on(&sf->f, "active")};
	s.code = sf->code ? xstrdup(sf->code) : NULL;
	s.label = xstrdup("");
	int r = ST_OK;
	const char *names[] = {"code", "label", "vat", "price"};
	for (size_t i = sf->code ? 1 : 0; i < ARRAY_LEN(names) && !r; i++)
		r = typed_field(sf, names[i], &s, &e); /* checked above: parses */
	if (!r)
		r = catalogue_set(sf->a, sf->code ? &sf->old : NULL, &s, &e);
	if (r == ST_CONFLICT && sf->code)
		rebase(sf);
	if (r) {
		form_save_failed(t, &sf->f, &e);
		service_free(&s);
		return;
	}
	char *code = xstrdup(s.code);
	service_free(&s);
	tui_pop(t); /* back to the catalogue */
	tui_changed(t);
	tui_msg(t, _("Service %s saved"), code);
	free(code);
}

/* Esc on a changed form asks this first. */
static const char *leave(view *v)
{
	(void)v;
	return _("Leave without saving this service?");
}

static const struct form_view_ops service_form_view = {
	.form_at = offsetof(service_form, f),
	.save = save,
	.leave = leave,
};

static void close_form(tui *t, view *v)
{
	service_form *sf = v->data;
	form_free(&sf->f);
	free(sf->code);
	service_free(&sf->old);
	free(sf);
}

const struct view_ops view_service_form_ops = {
	.name = "service-form",
	.title = N_("Service"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = form_view_draw,
	.form = &service_form_view,
	.close = close_form,
};
