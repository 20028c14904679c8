/* view_contract_form.c — a contract's terms, new or a draft's: the client, the quote it comes
 * from (optional: its number), recurring or one-off, the start, the hourly price excl. VAT and
 * the rate, the hours (a week, or in total for a one-off), the skills its workers need besides
 * its services (codes of the skills list), notes, where it is signed (away from the agency, at
 * the client's home, unless ticked) and the client's express request to start within the
 * withdrawal period. Below, as the person types: the monthly amount
 * incl. VAT (R3) and whether a quote is required. Made from a quote, it takes the quote's client
 * and all its lines (issue 7: no price, rate or hours to type; contract_create_lines). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "charte/client.h"
#include "charte/contract.h"
#include "dialog.h"
#include "charte/settings.h"
#include "charte/worker.h"
#include "areas.h"
#include "frame.h"
#include "picker.h"
#include "views.h"
#include "view_quote_common.h"

typedef struct contract_form {
	app *a;
	form f;
	int64_t id;          /* a draft being changed; 0: a new contract */
	contract old;        /* the draft as the form opened it: the edit writes what changed */
	char *number;        /* the draft's */
	int64_t client_id;   /* the draft's client, or the one chosen (0: none yet) */
	char *client_name;   /* for the title */
	bool wants_quote;    /* the client asked for a quote (R3) */
	char *quote_note;    /* beside the quote field */
	bool from_quote;     /* opened from a quote's page: its services are the quote's lines */
	size_t quote_lines;  /* from a quote: how many lines the quote named has */
	bool has_slots;      /* a draft with a weekly schedule: its hours come from it */
	size_t lines;        /* a draft's lines: with several, each is edited on the contract's
				page (its line form), and the form offers no price, rate or hours */
	cents kept_price;    /* such a draft's summary price, rate and hours, given back as */
	int kept_vat;        /* they are (contract_edit leaves several lines alone) */
	int64_t kept_hours;
	bool again;          /* the person said yes to a second contract from the same quote */
	int64_t again_quote; /* the quote they said it of before the form opened; 0: none */
	cents threshold;     /* setting quote.threshold */
	int default_vat;     /* setting vat.default */
} contract_form;

/* ---- the fields ---- */

static bool one_off(form *f)
{
	return form_choice(f, "kind") == CONTRACT_ONE_OFF;
}

/* The hours' label and hint follow the kind. */
static void label_hours(form *f)
{
	field *fl = form_field(f, "hours-per-week");
	if (!fl) /* made from a quote: the hours are its lines' */
		return;
	free(fl->label);
	if (one_off(f)) {
		fl->label = xstrdup(_("Hours in total"));
		fl->format = _("empty: one flat price");
	} else {
		contract_form *cf = f->ctx;
		fl->label = xstrdup(_("Hours per week"));
		fl->format = cf->has_slots ? _("set by the weekly schedule")
					   : _("empty: from the weekly schedule");
	}
}

/* The client the contract is for (0: none yet): its name for the title, whether it asked for a
 * quote (R3). */
static void set_client(contract_form *cf, int64_t id)
{
	cf->client_id = id;
	free(cf->client_name);
	cf->client_name = NULL;
	cf->wants_quote = false;
	client_file c;
	client_init(&c);
	cerr ignored;
	if (id && client_get(cf->a, id, &c, &ignored) == ST_OK) {
		cf->wants_quote = c.wants_quote;
		cf->client_name = client_display_name(&c);
	}
	client_free(&c);
}

/* Put client id in the client field, as if chosen in its picker. */
static void pick_client(contract_form *cf, int64_t id)
{
	form *f = &cf->f;
	for (size_t i = 0; i < f->n; i++) {
		if (strcmp(f->fields[i]->name, "client"))
			continue;
		client_file c;
		client_init(&c);
		cerr ignored;
		char *shown = client_get(cf->a, id, &c, &ignored) == ST_OK ? picker_client_label(&c)
									 : offer_client_label(id, NULL);
		char *value = xasprintf("%lld", (long long)id);
		form_set_pick(f, i, id, value, shown);
		free(value);
		free(shown);
		client_free(&c);
	}
	set_client(cf, id);
}

/* The kind changes the hours' label; a client chosen in the picker is the contract's. */
static void changed(form *f, size_t i)
{
	contract_form *cf = f->ctx;
	field *fl = f->fields[i];
	if (!strcmp(fl->name, "kind"))
		label_hours(f);
	else if (!strcmp(fl->name, "client"))
		set_client(cf, form_pick_id(f, "client"));
}

/* The quote the field names, checked against the client; *q is filled on success. */
static int find_quote(contract_form *cf, const char *text, quote *q, cerr *e)
{
	int r = quote_find(cf->a, text, "quote", q, e);
	if (r == ST_NOT_FOUND)
		return ST_INVALID; /* the reason ("no quote D2026-0009") is in e */
	if (r)
		return r;
	if (cf->client_id && q->client_id != cf->client_id)
		return err_set(e, ST_INVALID, "quote", _("quote %s is for another client"),
			       q->number);
	if (q->status == QUOTE_REFUSED)
		return err_set(e, ST_INVALID, "quote", _("quote %s was refused"), q->number);
	return ST_OK;
}

/* "Accepted, 260,00 € incl. VAT" beside the quote field; from a quote, how many lines it
 * gives the contract. */
static void note_quote(contract_form *cf, const quote *q)
{
	free(cf->quote_note);
	cf->quote_note = NULL;
	cf->quote_lines = 0;
	field *fl = form_field(&cf->f, "quote");
	if (!q) {
		fl->format = cf->from_quote
				     ? _("its number (D2026-0001): its lines are the contract's")
				     : _("its number (D2026-0001), or empty");
		return;
	}
	if (cf->from_quote) {
		quote_line *lines = NULL;
		cerr ignored;
		if (quote_lines_of(cf->a, q->id, &lines, &cf->quote_lines, &ignored))
			cf->quote_lines = 0;
		quote_lines_free(lines, cf->quote_lines);
	}
	char total[32];
	fmt_amount(q->total_incl, total);
	int status = quote_status_on(q, app_today(cf->a));
	cf->quote_note = xasprintf(_("%s, %s incl. VAT"), enum_label(&quote_statuses, status), total);
	fl->format = cf->quote_note;
}

static int check(form *f, size_t i, cerr *e)
{
	contract_form *cf = f->ctx;
	field *fl = f->fields[i];
	const char *name = fl->name;
	char *text = form_text(f, name);
	str_trim(text);
	int r = ST_OK;
	if (!strcmp(name, "client")) {
		if (!form_pick_id(f, "client"))
			r = err_set(e, ST_INVALID, "client",
				    _("which client? type a few letters of the name to choose"));
	} else if (!strcmp(name, "quote")) {
		quote q;
		quote_init(&q);
		note_quote(cf, NULL);
		if (!*text && cf->from_quote)
			r = err_set(e, ST_INVALID, "quote", "%s",
				    _("is required: the contract takes its lines"));
		else if (*text && !(r = find_quote(cf, text, &q, e))) {
			le_set(&fl->ed, q.number);
			note_quote(cf, &q);
			if (form_field(f, "client") && !cf->client_id)
				pick_client(cf, q.client_id); /* the quote tells whose it is */
		}
		quote_free(&q);
	} else if (!strcmp(name, "start")) {
		cday d;
		r = offer_parse_date(text, NO_DAY, "start", &d, e);
	} else if (!strcmp(name, "price")) {
		cents c;
		const char *why = *text ? parse_amount(text, &c) : N_("is required");
		if (why)
			r = err_set(e, ST_INVALID, "price", "%s", _(why));
		else if (c < 0)
			r = err_set(e, ST_INVALID, "price", _("must not be negative"));
		else if (c > QUOTE_MAX_PRICE)
			r = err_set(e, ST_INVALID, "price", _("is too large"));
	} else if (!strcmp(name, "vat")) {
		int rate;
		const char *why = *text ? parse_percent(text, &rate) : NULL;
		if (why)
			r = err_set(e, ST_INVALID, "vat", "%s", _(why));
	} else if (!strcmp(name, "hours-per-week")) {
		int64_t h;
		const char *why = *text ? parse_hundredths(text, &h) : NULL;
		if (why)
			r = err_set(e, ST_INVALID, name, "%s", _(why));
		else if (*text && !one_off(f) && h > CONTRACT_MAX_HOURS)
			r = err_set(e, ST_INVALID, name, _("is more than a week has"));
		else if (*text && one_off(f) && h > QUOTE_MAX_QTY)
			r = err_set(e, ST_INVALID, name, _("is too large"));
	} else if (!strcmp(name, "skills")) {
		char *codes = NULL;
		r = worker_skills_parse(cf->a, text, &codes, e); /* the codes of the list only */
		free(codes);
	}
	free(text);
	return r;
}

/* ---- the contract as typed ---- */

/* Read what can be read; *whole is false when a value could not be (the live amounts then
 * say what they miss). */
static void as_typed(contract_form *cf, contract *k, bool *whole)
{
	form *f = &cf->f;
	contract_init(k);
	*whole = true;
	k->id = cf->id;
	k->client_id = cf->client_id;
	k->kind = one_off(f) ? CONTRACT_ONE_OFF : CONTRACT_RECURRING;
	char *start = form_text(f, "start");
	str_trim(start);
	if (!*start || parse_date(start, &k->start))
		*whole = false;
	free(start);
	if (cf->lines > 1) { /* not in the form: its lines' own, kept as they are */
		k->hourly_excl = cf->kept_price;
		k->vat_rate = cf->kept_vat;
		k->hours = cf->kept_hours;
	} else {
		char *price = form_text(f, "price"), *vat = form_text(f, "vat"),
		     *hours = form_text(f, "hours-per-week");
		str_trim(price);
		str_trim(vat);
		str_trim(hours);
		if (!*price || parse_amount(price, &k->hourly_excl))
			*whole = false;
		if (!*vat)
			k->vat_rate = cf->default_vat;
		else if (parse_percent(vat, &k->vat_rate))
			*whole = false;
		if (*hours && parse_hundredths(hours, &k->hours))
			*whole = false;
		free(price);
		free(vat);
		free(hours);
	}
	k->skills = form_text(f, "skills");
	k->notes = form_text(f, "notes");
	k->at_agency = form_on(f, "at-agency");
	k->express_start = form_on(f, "express-start");
}

/* ---- opening ---- */

static void add_fields(contract_form *cf, const contract *k, const char *quote_number)
{
	form *f = &cf->f;
	char start[11] = "", price[32] = "", rate[24] = "", hours[24] = "";
	if (k->start != NO_DAY)
		fmt_date_human(k->start, start);
	if (k->hourly_excl || cf->id)
		offer_amount_field(k->hourly_excl, price);
	if (k->vat_rate >= 0)
		offer_rate_field(k->vat_rate, rate);
	if (k->hours > 0)
		offer_qty_field(k->hours, hours);
	if (!cf->id) {
		field *client = form_add_pick(f, "client", _("Client"), &picker_clients, 0, NULL,
					      NULL);
		client->width = 32;
		client->format = _("type to choose");
	}
	form_add_text(f, "quote", _("From the quote"), quote_number ? quote_number : "", 12);
	/* In the order of enum contract_kind. */
	const char *kinds[] = {enum_label(&contract_kinds, CONTRACT_RECURRING),
			       enum_label(&contract_kinds, CONTRACT_ONE_OFF)};
	form_add_choice(f, "kind", _("Kind"), kinds, 2, k->kind)->format =
		_("Space to change");
	form_add_text(f, "start", _("Start"), start, 11)->format = offer_date_hint();
	/* From a quote, or a draft of several lines, the price, rate and hours are the lines' (each
	 * changed on the contract's page). */
	if (!cf->from_quote && cf->lines < 2) {
		form_add_text(f, "price", _("Hourly price excl. VAT"), price, 12)->format =
			_("euros excl. VAT");
		form_add_text(f, "vat", _("VAT rate %"), rate, 6)->format =
			_("empty: the default rate");
		form_add_text(f, "hours-per-week", _("Hours per week"), hours, 8);
	}
	/* The skills as typed: codes of the list, separated by commas or spaces. */
	char *skills = worker_skills_shown(k->skills);
	form_add_text(f, "skills", _("Extra skills"), skills ? skills : "", 0)
		->format = _("codes: menage permis… (charte worker skills)");
	free(skills);
	form_add_text(f, "notes", _("Notes"), k->notes ? k->notes : "", 0);
	form_add_check(f, "at-agency", _("Signed at the agency"), k->at_agency)->format =
		_("else at the client's home");
	form_add_check(f, "express-start", _("Express start"), k->express_start)->format =
		_("asked: start within the withdrawal period");
	label_hours(f);
}

/* A new contract from a quote: its client, its number, and its kind: one-off when the quote has
 * only flat prices (a service done once). Its lines are the quote's, copied as it is written. */
static int fill_from_quote(contract_form *cf, int64_t quote_id, contract *k, char **number,
			   cerr *e)
{
	quote q;
	quote_init(&q);
	quote_line *lines = NULL;
	size_t n = 0;
	int r = quote_get(cf->a, quote_id, &q, e);
	if (!r)
		r = quote_lines_of(cf->a, quote_id, &lines, &n, e);
	if (!r) {
		k->client_id = q.client_id;
		k->quote_id = q.id;
		*number = xstrdup(q.number);
		bool hourly = false;
		for (size_t i = 0; i < n; i++)
			hourly = hourly || lines[i].unit == UNIT_HOUR;
		if (n && !hourly)
			k->kind = CONTRACT_ONE_OFF;
	}
	quote_lines_free(lines, n);
	quote_free(&q);
	return r;
}

static void close_form(tui *t, view *v)
{
	contract_form *cf = v->data;
	form_free(&cf->f);
	contract_free(&cf->old);
	free(cf->number);
	free(cf->client_name);
	free(cf->quote_note);
	free(cf);
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	const contract_form_arg *ca = arg;
	contract_form *cf = xcalloc(1, sizeof *cf);
	cf->a = tui_app(t);
	cf->threshold = settings_amount(cf->a, "quote.threshold");
	cf->default_vat = settings_percent(cf->a, "vat.default");
	contract_init(&cf->old);
	form_init(&cf->f, cf);
	cf->f.check = check;
	cf->f.changed = changed;
	v->data = cf;
	contract k;
	contract_init(&k);
	char *quote_number = NULL;
	int r = ST_OK;
	if (ca && ca->contract_id) {
		r = contract_get(cf->a, ca->contract_id, &k, e);
		if (!r && k.status != CONTRACT_DRAFT)
			r = err_set(e, ST_CONFLICT, "contract", "%s",
				    _("a signed contract cannot change: make a new contract"));
		contract_slot *slots = NULL;
		size_t n = 0;
		if (!r)
			r = contract_slots_of(cf->a, k.id, &slots, &n, e);
		contract_slots_free(slots, n);
		cf->has_slots = n > 0;
		contract_line *lines = NULL;
		if (!r)
			r = contract_lines_of(cf->a, k.id, &lines, &cf->lines, e);
		contract_lines_free(lines, cf->lines);
		cf->kept_price = k.hourly_excl;
		cf->kept_vat = k.vat_rate;
		cf->kept_hours = k.hours;
		if (!r) {
			cf->id = k.id;
			cf->number = xstrdup(k.number);
			quote_number = k.quote_number ? xstrdup(k.quote_number) : NULL;
		}
	} else if (ca && ca->quote_id) {
		cf->again_quote = ca->again ? ca->quote_id : 0;
		cf->from_quote = true;
		r = fill_from_quote(cf, ca->quote_id, &k, &quote_number, e);
	}
	if (r) {
		contract_free(&k);
		free(quote_number);
		close_form(t, v);
		v->data = NULL;
		return r;
	}
	add_fields(cf, &k, quote_number);
	if (k.client_id)
		pick_client(cf, k.client_id);
	/* Opened on a quote, the client comes with it: not something typed. */
	field *client = form_field(&cf->f, "client");
	if (client) {
		client->initial_id = client->id;
		free(client->initial);
		client->initial = xstrdup(client->value ? client->value : "");
	}
	if (quote_number) {
		quote q;
		quote_init(&q);
		cerr ignored;
		if (quote_find(cf->a, quote_number, "quote", &q, &ignored) == ST_OK)
			note_quote(cf, &q);
		quote_free(&q);
	} else {
		note_quote(cf, NULL);
	}
	free(quote_number);
	if (cf->id)
		cf->old = k; /* kept as the base of the edit; freed with the form */
	else
		contract_free(&k);
	/* The cursor where the typing starts: the client of a new contract, else the start. */
	field *start = form_field(&cf->f, "start");
	for (size_t i = 0; i < cf->f.n; i++)
		if (cf->f.fields[i] == (cf->id || cf->from_quote ? start : cf->f.fields[0]))
			form_focus(&cf->f, i);
	return ST_OK;
}

/* ---- drawing ---- */

/* The monthly amount incl. VAT (R3) as typed, and whether a quote is required; made from a
 * quote, the lines it takes (its page gives their amounts once it is written). */
static void draw_live(contract_form *cf, rect r)
{
	attr_t dim = style_attr(S_DIM);
	if (cf->from_quote) {
		char *text = cf->quote_lines
				     ? xasprintf(ngettext("Services: %zu line, the quote's",
							  "Services: %zu lines, the quote's",
							  cf->quote_lines),
						 cf->quote_lines)
				     : xstrdup(_("Services: the quote's lines"));
		draw_text(r.y, r.x, r.w, text, style_attr(S_HEADER));
		free(text);
		draw_text(r.y + 1, r.x, r.w, _("Its page shows their amounts once it is written."),
			  dim);
		return;
	}
	if (cf->lines > 1) {
		char *text = xasprintf(_("Services: %zu lines, each changed on the contract's page"),
				       cf->lines);
		draw_text(r.y, r.x, r.w, text, style_attr(S_HEADER));
		free(text);
		draw_text(r.y + 1, r.x, r.w, _("Its page shows their amounts."), dim);
		return;
	}
	contract k;
	bool whole;
	as_typed(cf, &k, &whole);
	if (!whole || (k.kind == CONTRACT_RECURRING && k.hours <= 0)) {
		draw_text(r.y, r.x, r.w,
			  k.kind == CONTRACT_RECURRING
				  ? _("Monthly amount incl. VAT: give the price and the hours a week.")
				  : _("Amount incl. VAT: give the price (and the hours)."),
			  dim);
		contract_free(&k);
		return;
	}
	int64_t hours = k.kind == CONTRACT_ONE_OFF && k.hours == 0 ? 100 : k.hours;
	cents monthly = contract_monthly(k.kind, hours, k.hourly_excl, k.vat_rate);
	char amount[32], threshold[32];
	fmt_amount(monthly, amount);
	fmt_amount(cf->threshold, threshold);
	char *text = xasprintf(k.kind == CONTRACT_RECURRING ? _("Monthly amount incl. VAT: %s")
							     : _("Amount incl. VAT: %s"),
			       amount);
	draw_text(r.y, r.x, r.w, text, style_attr(S_HEADER));
	free(text);
	bool required = contract_quote_required(monthly, cf->threshold, cf->wants_quote);
	bool once = k.kind == CONTRACT_ONE_OFF; /* R3 reads its total */
	char *why = !required ? xasprintf(once ? _("No quote required (under %s in total).")
					       : _("No quote required (under %s a month)."),
					  threshold)
		    : cf->wants_quote ? xstrdup(_("A quote is required: the client asked for one."))
				      : xasprintf(once ? _("A quote is required (%s or more in total).")
						       : _("A quote is required (%s a month or more)."),
						  threshold);
	draw_text(r.y + 1, r.x, r.w, why, required ? style_attr(S_DUE_TODAY) : dim);
	free(why);
	contract_free(&k);
}

static void draw(tui *t, view *v, rect r)
{
	contract_form *cf = v->data;
	char *title = cf->id ? xasprintf(_("Contract %s — %s"), cf->number,
					 cf->client_name ? cf->client_name : "")
		      : cf->from_quote && cf->client_name
			      ? xasprintf(_("New contract for %s, from a quote"), cf->client_name)
			      : xstrdup(_("New contract"));
	draw_live(cf, offer_form_page(t, &cf->f, r, title, 2));
}

/* ---- saving ---- */

static void save(tui *t, view *v);

/* A quote that already made a contract: the person said yes to another one. */
typedef struct again_arg {
	view *v;
} again_arg;

static void again_yes(tui *t, void *arg)
{
	view *v = ((again_arg *)arg)->v;
	((contract_form *)v->data)->again = true;
	save(t, v);
}

/* Whether the quote already made a contract: then asks first, and says false. */
static bool quote_free_or_asked(tui *t, view *v, int64_t quote_id, const char *quote_number)
{
	contract_form *cf = v->data;
	if (quote_id && quote_id == cf->again_quote)
		cf->again = true;
	if (cf->id || !quote_id || cf->again)
		return true;
	char *before = NULL;
	cerr e;
	err_clear(&e);
	if (contract_of_quote(cf->a, quote_id, &before, &e)) {
		tui_error(t, &e);
		return false;
	}
	if (!before)
		return true;
	char *q = xasprintf(_("Quote %s already made contract %s. Make another contract from it?"),
			    quote_number, before);
	again_arg *arg = xmalloc(sizeof *arg);
	arg->v = v;
	dialog_confirm(t, q, again_yes, arg);
	free(q);
	free(before);
	return false;
}

static void save(tui *t, view *v)
{
	contract_form *cf = v->data;
	if (!form_check_all(&cf->f)) {
		form_view_not_saved(t);
		return;
	}
	contract k;
	bool whole;
	as_typed(cf, &k, &whole); /* the checks above read every value */
	cerr e;
	err_clear(&e);
	int r = ST_OK;
	char *quote_text = form_text(&cf->f, "quote");
	str_trim(quote_text);
	if (*quote_text) {
		quote q;
		quote_init(&q);
		r = find_quote(cf, quote_text, &q, &e);
		k.quote_id = q.id;
		if (!r && !quote_free_or_asked(t, v, q.id, q.number)) {
			quote_free(&q);
			free(quote_text);
			contract_free(&k);
			return;
		}
		quote_free(&q);
	}
	free(quote_text);
	/* From a quote, the contract takes all its lines, as `contract add --quote` does. */
	if (!r)
		r = cf->id ? contract_edit(cf->a, &cf->old, &k, &e)
		    : cf->from_quote ? contract_create_lines(cf->a, &k, NULL, 0, cf->again, &e)
		    : contract_create(cf->a, &k, &e);
	if (r) {
		form_save_failed(t, &cf->f, &e);
		contract_free(&k);
		return;
	}
	int64_t id = k.id;
	/* The keys as the action table has them (the key bar's). */
	char add[24], sign[24];
	action_keys_label(action_get(ACT_ADD), false, add, sizeof add);
	action_keys_label(action_get(ACT_SIGN), false, sign, sizeof sign);
	char *msg = cf->id ? xasprintf(_("Contract %s saved"), cf->number)
		    : k.kind == CONTRACT_RECURRING
			    ? xasprintf(_("Contract %s written: %s adds its weekly slots, %s signs it"),
					k.number, add, sign)
			    : xasprintf(_("Contract %s written: %s signs it"), k.number, sign);
	bool from_quote = cf->from_quote, edit = cf->id != 0;
	contract_free(&k);
	tui_pop(t);
	if (!edit) {
		/* The new contract's page, in the Contracts area when made from a quote. */
		if (from_quote)
			tui_goto(t, &view_contracts_ops);
		tui_push(t, &view_contract_ops, &id);
	}
	tui_changed(t);
	tui_msg(t, "%s", msg);
	free(msg);
}

/* Esc on a changed form asks this first. */
static const char *leave(view *v)
{
	const contract_form *cf = v->data;
	return cf->id ? _("Leave without saving the changes to this contract?")
		      : _("Leave without writing this contract?");
}

static const struct form_view_ops contract_form_view = {
	.form_at = offsetof(contract_form, f),
	.save = save,
	.leave = leave,
};

const struct view_ops view_contract_form_ops = {
	.name = "contract-form",
	.title = N_("Contract"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = draw,
	.form = &contract_form_view,
	.close = close_form,
};
