/* view_quote_line.c — a line of a draft quote: a service of the catalogue (chosen from a list
 * with Enter, or its code typed; it fills the label, the price, the rate and whether the price is
 * flat) or a free label; the quantity, the unit price excl. VAT and the VAT rate. Below the form,
 * as the person types, the line's amount and VAT and the quote's new totals, computed by R2 in
 * integers (quote_line_compute, quote_totals). F10 saves through quote_line_add or _edit. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "lineform.h"
#include "view_quote_common.h"

typedef struct line_form {
	lineform lf;         /* first; its field "qty" */
	quote q;             /* the quote, for its number and the totals */
	quote_line *others;  /* its other lines */
	size_t nothers;
	int64_t line_id;     /* 0: a new line */
	quote_line old;      /* the line as the form opened it: the edit writes what changed */
	int position;        /* the line's number in the quote */
	/* What the last service filled in: a field still holding it follows the next service. */
	char *filled_label, *filled_price, *filled_vat;
	bool filled_flat;
} line_form;

/* The actions of the form, with Enter choosing in the catalogue on the service field. */
static const enum action service_actions[] = {ACT_CHOOSE, ACT_SAVE, ACT_NEXT_FIELD,
					      ACT_PREV_FIELD, ACT_CANCEL, ACT_NONE};

static const struct view_ops view_quote_service_ops;

/* Set a text field to `value` when it is empty or still holds what the last service put there. */
static void fill(line_form *lf, const char *name, char **filled, const char *value)
{
	field *fl = form_field(&lf->lf.f, name);
	char *now = le_text(&fl->ed);
	char *trimmed = xstrdup(now);
	str_trim(trimmed);
	if (!*trimmed || (*filled && !strcmp(now, *filled))) {
		le_set(&fl->ed, value);
		sb_reset(&fl->error);
	}
	free(trimmed);
	free(now);
	free(*filled);
	*filled = xstrdup(value);
}

/* A service chosen or typed: its label, price, rate and unit go where nothing else was typed. */
static void apply_service(line_form *lf, const service *s)
{
	char price[32], rate[24];
	offer_amount_field(s->price, price);
	offer_rate_field(s->vat_rate, rate);
	fill(lf, "label", &lf->filled_label, s->label);
	fill(lf, "price", &lf->filled_price, price);
	fill(lf, "vat", &lf->filled_vat, rate);
	field *unit = form_field(&lf->lf.f, "unit");
	if ((unit->choice == UNIT_FLAT) == lf->filled_flat)
		unit->choice = s->unit == UNIT_FLAT ? UNIT_FLAT : UNIT_HOUR;
	lf->filled_flat = s->unit == UNIT_FLAT;
	lineform_note(&lf->lf, s);
}

/* The line as typed, with the defaults the domain would take (the service's, the setting's);
 * false when the quantity or the price cannot be read yet. */
static bool line_as_typed(line_form *lf, quote_line *l)
{
	quote_line_init(l);
	bool ok = lineform_figures(&lf->lf, &l->qty, &l->unit_price, &l->vat_rate);
	l->unit = form_choice(&lf->lf.f, "unit") == UNIT_FLAT ? UNIT_FLAT : UNIT_HOUR;
	if (ok)
		quote_line_compute(l);
	return ok;
}

/* ---- checks as fields are left ---- */

/* A service typed fills what was not typed; nothing named, the field's hint. */
static void named(lineform *form_lf, const service *s)
{
	line_form *lf = (line_form *)form_lf;
	if (s)
		apply_service(lf, s);
	else
		lineform_note(&lf->lf, NULL);
}

static int check_qty(int64_t q, cerr *e)
{
	if (q <= 0)
		return err_set(e, ST_INVALID, "qty", _("must be more than 0"));
	if (q > QUOTE_MAX_QTY)
		return err_set(e, ST_INVALID, "qty", _("is too large"));
	return ST_OK;
}

static const lineform_ops line_ops = {
	.qty = "qty",
	.max_price = QUOTE_MAX_PRICE,
	.none = N_("Enter: the catalogue · empty: free"),
	.several = N_("several services match: press Enter to choose"),
	.unknown = N_("no such service: press Enter to choose"),
	.named = named,
	.check_qty = check_qty,
};

/* ---- opening ---- */

static void close_form(tui *t, view *v)
{
	line_form *lf = v->data;
	lineform_free(&lf->lf);
	quote_free(&lf->q);
	quote_lines_free(lf->others, lf->nothers);
	free(lf->filled_label);
	free(lf->filled_price);
	free(lf->filled_vat);
	quote_line_free(&lf->old);
	free(lf);
}

/* The fields, holding line cur (NULL: a new line). */
static void add_fields(form *f, const quote_line *cur)
{
	char qty[24] = "", price[32] = "", rate[24] = "";
	if (cur) {
		offer_qty_field(cur->qty, qty);
		offer_amount_field(cur->unit_price, price);
		offer_rate_field(cur->vat_rate, rate);
	}
	form_add_text(f, "service", _("Service"), cur ? cur->service_code : "", 16);
	form_add_text(f, "label", _("Label"), cur ? cur->label : "", 0);
	form_add_text(f, "qty", _("Quantity"), qty, 10)->format =
		_("hours; for a flat price, how many");
	/* In the order of enum price_unit. */
	const char *units[] = {_("per hour"), _("flat, per item")};
	form_add_choice(f, "unit", _("Priced"), units, 2,
			cur && cur->unit == UNIT_FLAT ? UNIT_FLAT : UNIT_HOUR)
		->format = _("Space: per hour or flat");
	form_add_text(f, "price", _("Unit price excl. VAT"), price, 12)->format =
		_("euros excl. VAT (per hour, or per item)");
	form_add_text(f, "vat", _("VAT rate %"), rate, 6)->format =
		_("5.5 · 10 · 20; empty: the service's");
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	const quote_line_arg *la = arg;
	line_form *lf = xcalloc(1, sizeof *lf);
	lineform_init(&lf->lf, t, &line_ops);
	lf->line_id = la->line_id;
	quote_line_init(&lf->old);
	quote_init(&lf->q);
	v->data = lf;
	quote_line *lines = NULL;
	size_t n = 0;
	app *a = lf->lf.a;
	int r = quote_get(a, la->quote_id, &lf->q, e);
	if (!r)
		r = quote_lines_of(a, la->quote_id, &lines, &n, e);
	if (!r)
		r = lineform_load(&lf->lf, e);
	if (r) {
		quote_lines_free(lines, n);
		close_form(t, v);
		v->data = NULL;
		return r;
	}
	/* The line being changed apart from the others (whose sums stay as they are). */
	quote_line cur;
	quote_line_init(&cur);
	bool found = false;
	lf->others = xcalloc(n ? n : 1, sizeof *lf->others);
	for (size_t i = 0; i < n; i++) {
		if (lines[i].id == la->line_id && !found) {
			cur = lines[i];
			found = true;
		} else {
			lf->others[lf->nothers++] = lines[i];
		}
	}
	free(lines); /* the strings now belong to cur and others */
	lf->position = found ? cur.position : (int)n + 1;

	form *f = &lf->lf.f;
	add_fields(f, found ? &cur : NULL);
	/* What the line's service would fill: a field that still holds it follows a new one. */
	const service *s =
		found && cur.service_code ? lineform_service(&lf->lf, cur.service_code) : NULL;
	if (s) {
		char sp[32], sr[24];
		offer_amount_field(s->price, sp);
		offer_rate_field(s->vat_rate, sr);
		lf->filled_label = xstrdup(s->label);
		lf->filled_price = xstrdup(sp);
		lf->filled_vat = xstrdup(sr);
		lf->filled_flat = s->unit == UNIT_FLAT;
	} else {
		lf->filled_flat = found && cur.unit == UNIT_FLAT;
	}
	lineform_note(&lf->lf, s);
	lf->old = cur; /* kept as the base of the edit; freed with the form */
	form_focus(f, 0);
	return ST_OK;
}

/* ---- drawing: the form, then the live amounts ---- */

/* The line's amounts on the first line of r, the quote's totals with it on the next three. */
static void draw_live(line_form *lf, rect r)
{
	quote_line l;
	bool ok = line_as_typed(lf, &l);
	attr_t dim = style_attr(S_DIM), strong = style_attr(S_HEADER);
	if (!ok) {
		draw_text(r.y, r.x, r.w,
			  _("This line: give the quantity and the price to see its amount."), dim);
	} else {
		char excl[32], vat[32], incl[32], rate[24];
		fmt_amount(l.amount_excl, excl);
		fmt_amount(l.vat, vat);
		fmt_amount(l.amount_excl + l.vat, incl);
		offer_fmt_rate(l.vat_rate, rate);
		char *text = xasprintf(_("This line: %s excl. VAT + VAT %s %s = %s incl. VAT"), excl,
				       rate, vat, incl);
		draw_text(r.y, r.x, r.w, text, style_attr(S_NORMAL));
		free(text);
	}
	/* The quote's totals with this line as typed (without it while it cannot be read). */
	quote_line *all = xcalloc(lf->nothers + 1, sizeof *all);
	memcpy(all, lf->others, lf->nothers * sizeof *all);
	size_t n = lf->nothers;
	if (ok)
		all[n++] = l;
	cents x, v, i;
	quote_totals(all, n, &x, &v, &i);
	free(all);
	char sx[32], sv[32], si[32];
	fmt_amount(x, sx);
	fmt_amount(v, sv);
	fmt_amount(i, si);
	const char *names[3] = {_("Total excl. VAT"), _("VAT"), _("Total incl. VAT")};
	const char *values[3] = {sx, sv, si};
	int lw = 0;
	for (int k = 0; k < 3; k++)
		if (text_width(names[k]) > lw)
			lw = text_width(names[k]);
	int vw = 16, x0 = r.x + r.w - vw - 2 - lw;
	char *label = xasprintf(_("Quote %s with this line:"), lf->q.number);
	draw_text(r.y + 1, r.x, x0 - r.x - 1, label, dim);
	free(label);
	for (int k = 0; k < 3 && 1 + k < r.h; k++) {
		attr_t a = k == 2 ? strong : style_attr(S_NORMAL);
		draw_text(r.y + 1 + k, x0, lw, names[k], a);
		draw_text_right(r.y + 1 + k, x0 + lw + 2, vw, values[k], a);
	}
	quote_line_free(&l);
}

static void draw(tui *t, view *v, rect r)
{
	line_form *lf = v->data;
	char *title = lf->line_id ? xasprintf(_("Line %d of quote %s"), lf->position, lf->q.number)
				  : xasprintf(_("New line %d of quote %s"), lf->position,
					      lf->q.number);
	/* The live amounts take the bottom 4 lines; the form what is left above them. */
	draw_live(lf, offer_form_page(t, &lf->lf.f, r, title, 4));
}

/* ---- saving ---- */

/* Another desk changed the line while it was typed: the line as stored now becomes the base, the
 * form showing it but for what the person typed, so that the next F10 saves what they chose. */
static void rebase(line_form *lf)
{
	quote_line *lines = NULL;
	size_t n = 0;
	cerr ignored;
	if (quote_lines_of(lf->lf.a, lf->q.id, &lines, &n, &ignored))
		return;
	for (size_t i = 0; i < n; i++)
		if (lines[i].id == lf->line_id) {
			quote_line_free(&lf->old);
			lf->old = lines[i];
			quote_line_init(&lines[i]);
			form typed = form_restart(&lf->lf.f);
			add_fields(&lf->lf.f, &lf->old);
			form_keep_typed(&lf->lf.f, &typed);
		}
	quote_lines_free(lines, n);
}

static void save(tui *t, view *v)
{
	line_form *lf = v->data;
	if (!form_check_all(&lf->lf.f)) {
		form_view_not_saved(t);
		return;
	}
	quote_line l;
	quote_line_init(&l);
	l.id = lf->line_id;
	lineform_read(&lf->lf, &l.service_code, &l.label, &l.qty, &l.unit_price, &l.vat_rate);
	l.unit = form_choice(&lf->lf.f, "unit") == UNIT_FLAT ? UNIT_FLAT : UNIT_HOUR;
	cerr e;
	err_clear(&e);
	app *a = lf->lf.a;
	int r = lf->line_id ? quote_line_edit(a, &lf->old, &l, &e) : quote_line_add(a, lf->q.id, &l, &e);
	if (r == ST_CONFLICT && lf->line_id)
		rebase(lf);
	if (r) {
		form_save_failed(t, &lf->lf.f, &e);
		quote_line_free(&l);
		return;
	}
	char *msg = lf->line_id ? xasprintf(_("Line %d saved"), lf->position)
				: xasprintf(_("Line %d added"), lf->position);
	quote_line_free(&l);
	tui_pop(t);
	tui_changed(t);
	tui_msg(t, "%s", msg);
	free(msg);
}

static bool on_service(line_form *lf)
{
	const form *f = &lf->lf.f;
	return !strcmp(f->fields[f->focus]->name, "service");
}

/* Enter or F4 on the service: the catalogue; the rest is the generic form's. */
static int key(tui *t, view *v, const tkey *k, enum action act)
{
	if (act == ACT_CHOOSE) {
		tui_push(t, &view_quote_service_ops, v->data);
		return TK_DONE;
	}
	return form_view_key(t, v, k, act);
}

static const enum action *mode(view *v, bool *text_input)
{
	*text_input = true;
	return on_service(v->data) ? service_actions : form_actions;
}

/* Esc on a changed form asks this first. */
static const char *leave(view *v)
{
	const line_form *lf = v->data;
	return lf->line_id ? _("Leave without saving the changes to this line?")
			   : _("Leave without adding this line?");
}

static const struct form_view_ops line_form_view = {
	.form_at = offsetof(line_form, lf.f),
	.save = save,
	.leave = leave,
};

const struct view_ops view_quote_line_ops = {
	.name = "quote-line",
	.title = N_("Quote line"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = draw,
	.key = key,
	.mode = mode,
	.form = &line_form_view,
	.close = close_form,
};

/* ---- the catalogue, to choose a service from ---- */

typedef struct service_row {
	char *code; /* NULL: a free line */
	char *label;
	int vat_rate, unit;
	cents price;
} service_row;

typedef struct chooser {
	line_form *lf; /* the form below, which stays open under this list */
	list l;
	char *typed;   /* what the service field held: the services that match come first */
} chooser;

static const enum action chooser_actions[] = {
	ACT_CONFIRM, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};

static bool matches(const chooser *c, const service *s)
{
	return !*c->typed || lineform_matches(s, c->typed);
}

/* The free line, then the offered services that match what was typed, then the others. */
static int chooser_fetch(void *ctx, const void *from, bool backward, int limit, void **out,
			 size_t *n, cerr *e)
{
	chooser *c = ctx;
	(void)backward;
	(void)limit;
	(void)e;
	*out = NULL;
	*n = 0;
	if (from)
		return ST_OK;
	const line_form *lf = c->lf;
	const lineform *cat = &lf->lf;
	service_row *rows = xcalloc(cat->nservices + 1, sizeof *rows);
	size_t k = 0;
	rows[k++] = (service_row){NULL, xstrdup(_("No service: a free line")), -1, -1, 0};
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < cat->nservices; i++) {
			const service *s = &cat->services[i];
			if (!s->active || matches(c, s) != (pass == 0))
				continue;
			rows[k++] = (service_row){xstrdup(s->code), xstrdup(s->label), s->vat_rate,
						  s->unit, s->price};
		}
	*out = rows;
	*n = k;
	return ST_OK;
}

static void chooser_free_row(void *row)
{
	service_row *r = row;
	free(r->code);
	free(r->label);
}

static bool chooser_same(const void *a, const void *b)
{
	const service_row *x = a, *y = b;
	return (!x->code && !y->code) || (x->code && y->code && !strcmp(x->code, y->code));
}

#define W_CODE 16
#define W_SRATE 6
#define W_SPRICE 12

static void chooser_draw_row(void *ctx, const void *row, rect r, bool selected)
{
	const service_row *s = row;
	attr_t attr = style_row(s->code ? S_NORMAL : S_DIM, selected);
	draw_fill(r.y, r.x, r.w, attr);
	int lw = r.w - 1 - (W_CODE + 1) - (W_SRATE + 1) - (W_SPRICE + 1);
	draw_cell(r.y, r.x + 1, W_CODE, s->code ? s->code : "", attr);
	draw_cell(r.y, r.x + 2 + W_CODE, lw, s->label, attr);
	if (!s->code)
		return;
	char rate[24], price[32], shown[48];
	offer_fmt_rate(s->vat_rate, rate);
	fmt_amount(s->price, price);
	snprintf(shown, sizeof shown, "%s%s", price, s->unit == UNIT_FLAT ? "" : _("/h"));
	int x = r.x + 2 + W_CODE + lw + 1;
	draw_text_right(r.y, x, W_SRATE, rate, attr);
	draw_text_right(r.y, x + W_SRATE + 1, W_SPRICE, shown, attr);
}

static const struct list_ops chooser_list = {
	.row_size = sizeof(service_row),
	.fetch = chooser_fetch,
	.free_row = chooser_free_row,
	.same = chooser_same,
	.draw = chooser_draw_row,
};

static int chooser_open(tui *t, view *v, void *arg, cerr *e)
{
	chooser *c = xcalloc(1, sizeof *c);
	c->lf = arg;
	c->typed = form_text(&c->lf->lf.f, "service");
	str_trim(c->typed);
	list_init(&c->l, &chooser_list, c);
	int r = list_load(&c->l, e);
	if (r) {
		list_free(&c->l);
		free(c->typed);
		free(c);
		return r;
	}
	/* Start on what was typed, or on the service the field names. */
	if (*c->typed && c->l.n > 1)
		c->l.sel = 1;
	for (size_t i = 0; i < c->l.n; i++) {
		const service_row *s = (const service_row *)(c->l.rows + i * sizeof(service_row));
		if (s->code && !strcmp(s->code, c->typed))
			c->l.sel = i;
	}
	v->data = c;
	return ST_OK;
}

static void chooser_draw(tui *t, view *v, rect r)
{
	chooser *c = v->data;
	draw_text(r.y, 1, r.w - 2, _("Choose a service of the catalogue"), style_attr(S_HEADER));
	attr_t h = style_attr(S_DIM);
	int lw = r.w - 1 - (W_CODE + 1) - (W_SRATE + 1) - (W_SPRICE + 1);
	draw_text(r.y + 1, 1, W_CODE, _("Code"), h);
	draw_text(r.y + 1, 2 + W_CODE, lw, _("Service"), h);
	draw_text_right(r.y + 1, 2 + W_CODE + lw + 1, W_SRATE, _("VAT"), h);
	draw_text_right(r.y + 1, 2 + W_CODE + lw + 1 + W_SRATE + 1, W_SPRICE, _("Price excl."), h);
	list_draw(&c->l, (rect){r.y + 2, r.x, r.h - 2, r.w});
}

static void chooser_pick(tui *t, chooser *c)
{
	const service_row *s = list_selected(&c->l);
	view *below = tui_below(t);
	if (!s || !below || below->ops != &view_quote_line_ops || below->data != c->lf)
		return;
	line_form *lf = c->lf;
	form *f = &lf->lf.f;
	field *fl = form_field(f, "service");
	sb_reset(&fl->error);
	if (!s->code) {
		le_set(&fl->ed, "");
		lineform_note(&lf->lf, NULL);
		form_focus(f, 1); /* the label, to type */
	} else {
		le_set(&fl->ed, s->code);
		const service *sv = lineform_service(&lf->lf, s->code);
		if (sv)
			apply_service(lf, sv);
		form_focus(f, 2); /* the quantity: the rest came from the service */
	}
	tui_pop(t);
}

static int chooser_key(tui *t, view *v, const tkey *k, enum action act)
{
	chooser *c = v->data;
	if (act == ACT_CONFIRM) {
		chooser_pick(t, c);
		return TK_DONE;
	}
	return list_navigate(t, &c->l, act);
}

static void chooser_close(tui *t, view *v)
{
	chooser *c = v->data;
	list_free(&c->l);
	free(c->typed);
	free(c);
}

static const struct view_ops view_quote_service_ops = {
	.name = "quote-service",
	.title = N_("Services"),
	.actions = chooser_actions,
	.open = chooser_open,
	.draw = chooser_draw,
	.key = chooser_key,
	.close = chooser_close,
};
