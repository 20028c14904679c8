/* lineform.c — what the two line forms share: the catalogue a line names a service of, the
 * checks of its label, price and rate, and its figures as typed. */
#include <stdlib.h>
#include <string.h>

#include "charte/settings.h"
#include "lineform.h"
#include "view_quote_common.h"

void lineform_init(lineform *lf, tui *t, const lineform_ops *ops)
{
	memset(lf, 0, sizeof *lf);
	lf->a = tui_app(t);
	lf->ops = ops;
	lf->default_vat = settings_percent(lf->a, "vat.default");
	form_init(&lf->f, lf);
	lf->f.check = lineform_check;
}

int lineform_load(lineform *lf, cerr *e)
{
	return catalogue_list(lf->a, true, &lf->services, &lf->nservices, e);
}

void lineform_free(lineform *lf)
{
	form_free(&lf->f);
	services_free(lf->services, lf->nservices);
	free(lf->service_note);
}

const service *lineform_service(const lineform *lf, const char *code)
{
	for (size_t i = 0; i < lf->nservices; i++)
		if (!strcmp(lf->services[i].code, code))
			return &lf->services[i];
	return NULL;
}

/* Whether the folded text `hay` holds the folded `needle`. */
static bool folded_has(const char *hay, const char *needle)
{
	char *h = text_fold(hay), *n = text_fold(needle);
	bool yes = strstr(h, n) != NULL;
	free(h);
	free(n);
	return yes;
}

bool lineform_matches(const service *s, const char *typed)
{
	return folded_has(s->code, typed) || folded_has(s->label, typed);
}

const service *lineform_resolve(const lineform *lf, const char *typed, bool *several)
{
	*several = false;
	const service *s = lineform_service(lf, typed);
	if (s)
		return s;
	const service *found = NULL;
	for (size_t i = 0; i < lf->nservices; i++) {
		const service *c = &lf->services[i];
		if (!c->active || !lineform_matches(c, typed))
			continue;
		if (found) {
			*several = true;
			return NULL;
		}
		found = c;
	}
	return found;
}

void lineform_note(lineform *lf, const service *s)
{
	bool with_label = lf->ops->note_label;
	free(lf->service_note);
	lf->service_note = NULL;
	field *fl = form_field(&lf->f, "service");
	if (!s) {
		fl->format = _(lf->ops->none);
		return;
	}
	char rate[24], price[32];
	offer_fmt_rate(s->vat_rate, rate);
	fmt_amount(s->price, price);
	lf->service_note = xasprintf("%s%s%s%s · %s %s", with_label ? s->label : "",
				     with_label ? " · " : "", price,
				     s->unit == UNIT_FLAT ? "" : _("/h"), _("VAT"), rate);
	fl->format = lf->service_note;
}

/* Whether the service field is empty. */
static bool no_service(lineform *lf)
{
	char *code = form_text(&lf->f, "service");
	bool none = str_blank(code);
	free(code);
	return none;
}

/* The checks of one field, its text trimmed. */
static int check_field(lineform *lf, field *fl, const char *text, cerr *e)
{
	const lineform_ops *ops = lf->ops;
	const char *name = fl->name;
	cents max_price = ops->max_price;
	if (!strcmp(name, "service")) {
		bool several = false;
		const service *s = *text ? lineform_resolve(lf, text, &several) : NULL;
		if (s)
			le_set(&fl->ed, s->code);
		ops->named(lf, s);
		if (!s && *text)
			return err_set(e, ST_INVALID, "service", "%s",
				       several ? _(ops->several) : _(ops->unknown));
	} else if (!strcmp(name, "label")) {
		if (!*text && no_service(lf))
			return err_set(e, ST_INVALID, "label", _("give a label or a service"));
		if (strlen(text) > 200)
			return err_set(e, ST_INVALID, "label", _("too long (at most %d characters)"),
				       200);
	} else if (!strcmp(name, ops->qty)) {
		int64_t q;
		const char *why = *text ? parse_hundredths(text, &q) : N_("is required");
		if (why)
			return err_set(e, ST_INVALID, name, "%s", _(why));
		return ops->check_qty(q, e);
	} else if (!strcmp(name, "price")) {
		cents c;
		const char *why = *text ? parse_amount(text, &c) : NULL;
		if (why)
			return err_set(e, ST_INVALID, "price", "%s", _(why));
		if (!*text && no_service(lf))
			return err_set(e, ST_INVALID, "price", _("give a price or a service"));
		if (*text && max_price > 0 && (c > max_price || c < -max_price))
			return err_set(e, ST_INVALID, "price", _("is too large"));
	} else if (!strcmp(name, "vat")) {
		int rate;
		const char *why = *text ? parse_percent(text, &rate) : NULL;
		if (why)
			return err_set(e, ST_INVALID, "vat", "%s", _(why));
	}
	return ST_OK;
}

int lineform_check(form *f, size_t i, cerr *e)
{
	char *text = str_trim(form_text(f, f->fields[i]->name));
	int r = check_field(f->ctx, f->fields[i], text, e);
	free(text);
	return r;
}

/* The trimmed texts of the service, the quantity, the price and the rate (caller frees). */
static void texts(lineform *lf, char **code, char **qty, char **price, char **vat)
{
	*code = str_trim(form_text(&lf->f, "service"));
	*qty = str_trim(form_text(&lf->f, lf->ops->qty));
	*price = str_trim(form_text(&lf->f, "price"));
	*vat = str_trim(form_text(&lf->f, "vat"));
}

static void texts_free(char *code, char *qty, char *price, char *vat)
{
	free(code);
	free(qty);
	free(price);
	free(vat);
}

bool lineform_figures(lineform *lf, int64_t *qty, cents *price, int *vat)
{
	char *tcode, *tqty, *tprice, *tvat;
	texts(lf, &tcode, &tqty, &tprice, &tvat);
	const service *s = *tcode ? lineform_service(lf, tcode) : NULL;
	bool ok = *tqty && !parse_hundredths(tqty, qty);
	if (*tprice)
		ok = ok && !parse_amount(tprice, price);
	else if (s)
		*price = s->price;
	else
		ok = false;
	if (*tvat)
		ok = ok && !parse_percent(tvat, vat);
	else
		*vat = s ? s->vat_rate : lf->default_vat;
	texts_free(tcode, tqty, tprice, tvat);
	return ok;
}

void lineform_read(lineform *lf, char **service_code, char **label, int64_t *qty, cents *price,
		   int *vat)
{
	char *tcode, *tqty, *tprice, *tvat, *tlabel = form_text(&lf->f, "label");
	texts(lf, &tcode, &tqty, &tprice, &tvat);
	*service_code = *tcode ? xstrdup(tcode) : NULL;
	*label = str_blank(tlabel) ? NULL : xstrdup(tlabel);
	parse_hundredths(tqty, qty); /* checked */
	if (*tprice)
		parse_amount(tprice, price);
	if (*tvat)
		parse_percent(tvat, vat);
	texts_free(tcode, tqty, tprice, tvat);
	free(tlabel);
}
