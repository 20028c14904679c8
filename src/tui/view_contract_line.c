/* view_contract_line.c — a new or changed line of a draft contract (issue 7): a service of the catalogue
 * (its code or words of its name; it gives the label, the price and the rate) or a free label;
 * the hours a week (recurring) or the quantity (one-off), the hourly price excl. VAT and the
 * VAT rate, which core accepts or refuses (settings vat.rates). Below the form, as the person
 * types, the line's monthly share and the contract's new monthly amount (R3). F10 saves through
 * contract_line_add, or contract_line_edit with what the person changed (a line's service stays
 * its own: another service is another line). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "charte/money.h"
#include "frame.h"
#include "lineform.h"
#include "view_quote_common.h"

typedef struct cline_form {
	lineform lf;          /* first; its field "hours": hours per week, or a one-off's quantity */
	contract k;
	contract_line *lines; /* its lines now */
	size_t nlines;
	int number;           /* the line changed (1…), or 0: a new line */
	char *old[5];         /* the fields as the form opened them: service, label, hours, price, vat */
} cline_form;

static const char *const field_names[] = {"service", "label", "hours", "price", "vat"};

/* Whether the person changed field i since the form opened. */
static bool changed(cline_form *cf, int i)
{
	char *now = str_trim(form_text(&cf->lf.f, field_names[i]));
	bool yes = strcmp(now, cf->old[i] ? cf->old[i] : "") != 0;
	free(now);
	return yes;
}

/* The line as typed, with the defaults core would take; false when it cannot be read yet. */
static bool line_as_typed(cline_form *cf, contract_line *l)
{
	contract_line_init(l);
	bool ok = lineform_figures(&cf->lf, &l->hours, &l->hourly_excl, &l->vat_rate);
	if (cf->k.kind == CONTRACT_ONE_OFF && ok && l->hours == 0)
		l->hours = 100; /* one flat price */
	return ok;
}

static void named(lineform *lf, const service *s)
{
	lineform_note(lf, s);
}

static int check_hours(int64_t h, cerr *e)
{
	if (h < 0 || h > CONTRACT_MAX_HOURS)
		return err_set(e, ST_INVALID, "hours", _("is too large"));
	return ST_OK;
}

static const lineform_ops cline_ops = {
	.qty = "hours",
	.note_label = true,
	.none = N_("a code of the catalogue · empty: a free label"),
	.several = N_("several services match: type more of the name"),
	.unknown = N_("no such service in the catalogue"),
	.named = named,
	.check_qty = check_hours,
};

static void close_form(tui *t, view *v)
{
	(void)t;
	cline_form *cf = v->data;
	lineform_free(&cf->lf);
	contract_free(&cf->k);
	contract_lines_free(cf->lines, cf->nlines);
	for (size_t i = 0; i < ARRAY_LEN(cf->old); i++)
		free(cf->old[i]);
	free(cf);
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	cline_form *cf = xcalloc(1, sizeof *cf);
	lineform_init(&cf->lf, t, &cline_ops);
	contract_init(&cf->k);
	v->data = cf;
	const contract_line_arg *la = arg;
	int64_t id = la->contract_id;
	cf->number = la->number;
	app *a = cf->lf.a;
	int r = contract_get(a, id, &cf->k, e);
	if (!r)
		r = contract_lines_of(a, id, &cf->lines, &cf->nlines, e);
	if (!r)
		r = lineform_load(&cf->lf, e);
	if (!r && (cf->number < 0 || (size_t)cf->number > cf->nlines))
		r = err_set(e, ST_NOT_FOUND, "line", _("no such line in this contract"));
	if (r) {
		close_form(t, v);
		v->data = NULL;
		return r;
	}
	form *f = &cf->lf.f;
	bool recurring = cf->k.kind == CONTRACT_RECURRING;
	const contract_line *cur = cf->number ? &cf->lines[cf->number - 1] : NULL;
	char hours[24] = "", price[32] = "", rate[24] = "";
	if (cur) {
		offer_qty_field(cur->hours, hours);
		offer_amount_field(cur->hourly_excl, price);
		offer_rate_field(cur->vat_rate, rate);
	}
	const char *init[5] = {cur && cur->service_code ? cur->service_code : "",
			       cur && cur->label ? cur->label : "", hours, price, rate};
	for (size_t i = 0; i < ARRAY_LEN(cf->old); i++)
		cf->old[i] = xstrdup(init[i]);
	form_add_text(f, "service", _("Service"), init[0], 16);
	form_add_text(f, "label", _("Label"), init[1], 0)->format = _("empty: the service's");
	form_add_text(f, "hours", recurring ? _("Hours per week") : _("Quantity"), init[2], 8)->format =
		recurring ? _("0 until its weekly slots give them")
			  : _("hours, or how many; 0: one flat price");
	form_add_text(f, "price", _("Hourly price excl. VAT"), init[3], 12)->format =
		_("euros; empty: the service's");
	form_add_text(f, "vat", _("VAT rate %"), init[4], 6)->format =
		_("5.5 · 10 · 20; empty: the service's");
	lineform_note(&cf->lf, cur && cur->service_code
				       ? lineform_service(&cf->lf, cur->service_code)
				       : NULL);
	form_focus(f, 0);
	return ST_OK;
}

/* The line's monthly share and the contract's monthly amount with it (R3). */
static void draw_live(cline_form *cf, rect r)
{
	contract_line l;
	bool ok = line_as_typed(cf, &l);
	contract_line *all = xcalloc(cf->nlines + 1, sizeof *all);
	memcpy(all, cf->lines, cf->nlines * sizeof *all);
	size_t n = cf->nlines;
	if (cf->number) { /* the line as typed in its place, or left out while it cannot be read */
		memmove(all + cf->number - 1, all + cf->number,
			(n - (size_t)cf->number) * sizeof *all);
		n--;
	}
	if (ok)
		all[n++] = l;
	cents total = contract_lines_monthly(cf->k.kind, all, n);
	bool recurring = cf->k.kind == CONTRACT_RECURRING;
	if (ok) {
		char share[32];
		fmt_amount(all[n - 1].monthly_incl, share);
		char *text = xasprintf(recurring ? _("This line: %s incl. VAT a month")
						 : _("This line: %s incl. VAT"),
				       share);
		draw_text(r.y, r.x, r.w, text, style_attr(S_NORMAL));
		free(text);
	} else {
		draw_text(r.y, r.x, r.w,
			  _("This line: give the hours and the price to see its amount."),
			  style_attr(S_DIM));
	}
	char amount[32];
	fmt_amount(total, amount);
	char *text = xasprintf(recurring ? _("Contract %s with this line: %s incl. VAT a month")
					 : _("Contract %s with this line: %s incl. VAT"),
			       cf->k.number, amount);
	draw_text(r.y + 1, r.x, r.w, text, style_attr(S_HEADER));
	free(text);
	free(all);
	contract_line_free(&l);
}

static void draw(tui *t, view *v, rect r)
{
	cline_form *cf = v->data;
	char *title = cf->number ? xasprintf(_("Line %d of contract %s"), cf->number, cf->k.number)
				 : xasprintf(_("New service of contract %s"), cf->k.number);
	draw_live(cf, offer_form_page(t, &cf->lf.f, r, title, 2));
}

/* The line changed: only the fields the person changed are written. */
static void save_edit(tui *t, cline_form *cf, contract_line *typed)
{
	cerr e;
	err_clear(&e);
	if (changed(cf, 0)) {
		err_set(&e, ST_INVALID, "service",
			_("a line keeps its service: remove it and add another"));
		form_save_failed(t, &cf->lf.f, &e);
		return;
	}
	contract_line change;
	contract_line_init(&change);
	change.hours = -1;
	change.hourly_excl = NO_CENTS;
	change.vat_rate = -1;
	if (changed(cf, 1))
		change.label = typed->label ? typed->label : (char *)"";
	if (changed(cf, 2))
		change.hours = typed->hours;
	if (changed(cf, 3))
		change.hourly_excl = typed->hourly_excl;
	if (changed(cf, 4))
		change.vat_rate = typed->vat_rate;
	if (contract_line_edit(cf->lf.a, cf->k.id, cf->number, &change, &e)) {
		form_save_failed(t, &cf->lf.f, &e);
		return;
	}
	char *msg = xasprintf(_("Line %d of contract %s changed"), cf->number, cf->k.number);
	tui_pop(t);
	tui_changed(t);
	tui_msg(t, "%s", msg);
	free(msg);
}

static void save(tui *t, view *v)
{
	cline_form *cf = v->data;
	if (!form_check_all(&cf->lf.f)) {
		form_view_not_saved(t);
		return;
	}
	contract_line l;
	contract_line_init(&l);
	lineform_read(&cf->lf, &l.service_code, &l.label, &l.hours, &l.hourly_excl, &l.vat_rate);
	cerr e;
	err_clear(&e);
	if (cf->number) {
		save_edit(t, cf, &l);
		contract_line_free(&l);
		return;
	}
	if (contract_line_add(cf->lf.a, cf->k.id, &l, &e)) {
		form_save_failed(t, &cf->lf.f, &e);
		contract_line_free(&l);
		return;
	}
	char *msg = xasprintf(_("Line %d added to contract %s"), l.position, cf->k.number);
	contract_line_free(&l);
	tui_pop(t);
	tui_changed(t);
	tui_msg(t, "%s", msg);
	free(msg);
}

static const char *leave(view *v)
{
	cline_form *cf = v->data;
	return cf->number ? _("Leave without changing this line?")
			  : _("Leave without adding this service?");
}

static const struct form_view_ops cline_form_view = {
	.form_at = offsetof(cline_form, lf.f),
	.save = save,
	.leave = leave,
};

const struct view_ops view_contract_line_ops = {
	.name = "contract-line",
	.title = N_("Contract service"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = draw,
	.form = &cline_form_view,
	.close = close_form,
};
