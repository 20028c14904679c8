/* view_contract_line.c — a new line of a draft contract (issue 7): a service of the catalogue
 * (its code or words of its name; it gives the label, the price and the rate) or a free label;
 * the hours a week (recurring) or the quantity (one-off), the hourly price excl. VAT and the
 * VAT rate, which core accepts or refuses (settings vat.rates). Below the form, as the person
 * types, the line's monthly share and the contract's new monthly amount (R3). F10 saves through
 * contract_line_add. */
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
} cline_form;

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
	free(cf);
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	cline_form *cf = xcalloc(1, sizeof *cf);
	lineform_init(&cf->lf, t, &cline_ops);
	contract_init(&cf->k);
	v->data = cf;
	int64_t id = *(int64_t *)arg;
	app *a = cf->lf.a;
	int r = contract_get(a, id, &cf->k, e);
	if (!r)
		r = contract_lines_of(a, id, &cf->lines, &cf->nlines, e);
	if (!r)
		r = lineform_load(&cf->lf, e);
	if (r) {
		close_form(t, v);
		v->data = NULL;
		return r;
	}
	form *f = &cf->lf.f;
	bool recurring = cf->k.kind == CONTRACT_RECURRING;
	form_add_text(f, "service", _("Service"), "", 16);
	form_add_text(f, "label", _("Label"), "", 0)->format = _("empty: the service's");
	form_add_text(f, "hours", recurring ? _("Hours per week") : _("Quantity"), "", 8)->format =
		recurring ? _("0 until its weekly slots give them")
			  : _("hours, or how many; 0: one flat price");
	form_add_text(f, "price", _("Hourly price excl. VAT"), "", 12)->format =
		_("euros; empty: the service's");
	form_add_text(f, "vat", _("VAT rate %"), "", 6)->format =
		_("5.5 · 10 · 20; empty: the service's");
	lineform_note(&cf->lf, NULL);
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
	draw_live(cf, offer_form_page(t, &cf->lf.f, r,
				      xasprintf(_("New service of contract %s"), cf->k.number), 2));
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
	(void)v;
	return _("Leave without adding this service?");
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
