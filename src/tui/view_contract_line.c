/* view_contract_line.c — a new line of a draft contract (issue 7): a service of the catalogue
 * (its code or words of its name; it gives the label, the price and the rate) or a free label;
 * the hours a week (recurring) or the quantity (one-off), the hourly price excl. VAT and the
 * VAT rate, which core accepts or refuses (settings vat.rates). Below the form, as the person
 * types, the line's monthly share and the contract's new monthly amount (R3). F10 saves through
 * contract_line_add. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "charte/catalogue.h"
#include "charte/money.h"
#include "charte/settings.h"
#include "frame.h"
#include "view_quote_common.h"

typedef struct cline_form {
	app *a;
	form f;
	contract k;
	contract_line *lines; /* its lines now */
	size_t nlines;
	int default_vat;      /* setting vat.default, for a free line without a rate */
	service *services;
	size_t nservices;
	char *service_note;   /* beside the service field: the chosen service */
} cline_form;

static const service *find_code(const cline_form *cf, const char *code)
{
	for (size_t i = 0; i < cf->nservices; i++)
		if (!strcmp(cf->services[i].code, code))
			return &cf->services[i];
	return NULL;
}

/* The service the field names: its code, else the one offered service whose code or label
 * holds what was typed (accents and case aside). */
static const service *resolve(const cline_form *cf, const char *typed, bool *several)
{
	*several = false;
	const service *s = find_code(cf, typed);
	if (s)
		return s;
	char *want = text_fold(typed);
	for (size_t i = 0; i < cf->nservices && !*several; i++) {
		const service *c = &cf->services[i];
		char *code = text_fold(c->code), *label = text_fold(c->label);
		if (c->active && (strstr(code, want) || strstr(label, want))) {
			if (s)
				*several = true;
			s = c;
		}
		free(code);
		free(label);
	}
	free(want);
	return *several ? NULL : s;
}

static void set_note(cline_form *cf, const service *s)
{
	free(cf->service_note);
	cf->service_note = NULL;
	field *fl = form_field(&cf->f, "service");
	if (!s) {
		fl->format = _("a code of the catalogue · empty: a free label");
		return;
	}
	char rate[24], price[32];
	offer_fmt_rate(s->vat_rate, rate);
	fmt_amount(s->price, price);
	cf->service_note = xasprintf("%s · %s%s · %s %s", s->label, price,
				     s->unit == UNIT_FLAT ? "" : _("/h"), _("VAT"), rate);
	fl->format = cf->service_note;
}

/* The line as typed, with the defaults core would take; false when it cannot be read yet. */
static bool line_as_typed(cline_form *cf, contract_line *l)
{
	contract_line_init(l);
	char *code = form_text(&cf->f, "service"), *hours = form_text(&cf->f, "hours"),
	     *price = form_text(&cf->f, "price"), *vat = form_text(&cf->f, "vat");
	str_trim(code);
	str_trim(hours);
	str_trim(price);
	str_trim(vat);
	const service *s = *code ? find_code(cf, code) : NULL;
	bool ok = *hours && !parse_hundredths(hours, &l->hours);
	if (*price)
		ok = ok && !parse_amount(price, &l->hourly_excl);
	else if (s)
		l->hourly_excl = s->price;
	else
		ok = false;
	if (*vat)
		ok = ok && !parse_percent(vat, &l->vat_rate);
	else
		l->vat_rate = s ? s->vat_rate : cf->default_vat;
	if (cf->k.kind == CONTRACT_ONE_OFF && ok && l->hours == 0)
		l->hours = 100; /* one flat price */
	free(code);
	free(hours);
	free(price);
	free(vat);
	return ok;
}

static int check(form *f, size_t i, cerr *e)
{
	cline_form *cf = f->ctx;
	const char *name = f->fields[i]->name;
	char *text = form_text(f, name);
	str_trim(text);
	int r = ST_OK;
	if (!strcmp(name, "service")) {
		bool several = false;
		const service *s = *text ? resolve(cf, text, &several) : NULL;
		set_note(cf, s);
		if (s)
			le_set(&f->fields[i]->ed, s->code);
		else if (*text)
			r = err_set(e, ST_INVALID, "service",
				    several ? _("several services match: type more of the name")
					    : _("no such service in the catalogue"));
	} else if (!strcmp(name, "label")) {
		char *code = form_text(f, "service");
		str_trim(code);
		if (!*text && !*code)
			r = err_set(e, ST_INVALID, "label", _("give a label or a service"));
		else if (strlen(text) > 200)
			r = err_set(e, ST_INVALID, "label", _("too long (at most %d characters)"),
				    200);
		free(code);
	} else if (!strcmp(name, "hours")) {
		int64_t h;
		const char *why = *text ? parse_hundredths(text, &h) : N_("is required");
		if (why)
			r = err_set(e, ST_INVALID, "hours", "%s", _(why));
		else if (h < 0 || h > CONTRACT_MAX_HOURS)
			r = err_set(e, ST_INVALID, "hours", _("is too large"));
	} else if (!strcmp(name, "price")) {
		char *code = form_text(f, "service");
		str_trim(code);
		cents c;
		const char *why = *text ? parse_amount(text, &c) : NULL;
		if (why)
			r = err_set(e, ST_INVALID, "price", "%s", _(why));
		else if (!*text && !*code)
			r = err_set(e, ST_INVALID, "price", _("give a price or a service"));
		free(code);
	} else if (!strcmp(name, "vat")) {
		int rate;
		const char *why = *text ? parse_percent(text, &rate) : NULL;
		if (why)
			r = err_set(e, ST_INVALID, "vat", "%s", _(why));
	}
	free(text);
	return r;
}

static void close_form(tui *t, view *v)
{
	(void)t;
	cline_form *cf = v->data;
	form_free(&cf->f);
	contract_free(&cf->k);
	contract_lines_free(cf->lines, cf->nlines);
	services_free(cf->services, cf->nservices);
	free(cf->service_note);
	free(cf);
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	cline_form *cf = xcalloc(1, sizeof *cf);
	cf->a = tui_app(t);
	cf->default_vat = settings_percent(cf->a, "vat.default");
	contract_init(&cf->k);
	form_init(&cf->f, cf);
	v->data = cf;
	int64_t id = *(int64_t *)arg;
	int r = contract_get(cf->a, id, &cf->k, e);
	if (!r)
		r = contract_lines_of(cf->a, id, &cf->lines, &cf->nlines, e);
	if (!r)
		r = catalogue_list(cf->a, true, &cf->services, &cf->nservices, e);
	if (r) {
		close_form(t, v);
		v->data = NULL;
		return r;
	}
	form *f = &cf->f;
	f->check = check;
	bool recurring = cf->k.kind == CONTRACT_RECURRING;
	form_add_text(f, "service", _("Service"), "", 16);
	form_add_text(f, "label", _("Label"), "", 0)->format = _("empty: the service's");
	form_add_text(f, "hours", recurring ? _("Hours per week") : _("Quantity"), "", 8)->format =
		recurring ? _("0 until its weekly slots give them")
			  : _("hours, or how many; 0: one flat price");
	form_add_text(f, "price", _("Hourly price excl. VAT"), "", 12)->format =
		_("euros; empty: the service's");
	form_add_text(f, "vat", _("VAT rate %"), "", 6)->format =
		_("5,5 · 10 · 20; empty: the service's");
	set_note(cf, NULL);
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
	char *title = xasprintf(_("New service of contract %s"), cf->k.number);
	draw_text(r.y, 1, r.w - 2, title, style_attr(S_HEADER));
	free(title);
	int live = 2, fh = r.h - 2 - live - 1;
	form_draw(&cf->f, t, (rect){r.y + 2, 2, fh > 1 ? fh : 1, r.w - 4});
	draw_live(cf, (rect){r.y + r.h - live, 2, live, r.w - 4});
}

static void save(tui *t, view *v)
{
	cline_form *cf = v->data;
	if (!form_check_all(&cf->f)) {
		offer_form_invalid(t);
		return;
	}
	contract_line l;
	contract_line_init(&l);
	char *code = form_text(&cf->f, "service"), *label = form_text(&cf->f, "label"),
	     *hours = form_text(&cf->f, "hours"), *price = form_text(&cf->f, "price"),
	     *vat = form_text(&cf->f, "vat");
	str_trim(code);
	str_trim(hours);
	str_trim(price);
	str_trim(vat);
	l.service_code = *code ? xstrdup(code) : NULL;
	l.label = str_blank(label) ? NULL : xstrdup(label);
	parse_hundredths(hours, &l.hours); /* checked above */
	l.hourly_excl = NO_CENTS;
	if (*price)
		parse_amount(price, &l.hourly_excl);
	l.vat_rate = -1;
	if (*vat)
		parse_percent(vat, &l.vat_rate);
	free(code);
	free(label);
	free(hours);
	free(price);
	free(vat);
	cerr e;
	err_clear(&e);
	if (contract_line_add(cf->a, cf->k.id, &l, &e)) {
		offer_save_failed(t, &cf->f, &e);
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
	.form_at = offsetof(cline_form, f),
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
