/* view_quote.c — one quote: its header (number, client, date, validity, status with the date of
 * each step), the agency's SAP declaration and "free quote", its lines (label, quantity, unit
 * price excl. VAT, rate, amount excl. VAT, VAT), the totals and the VAT by rate, as core
 * works them out (R2). A draft takes lines (`a`, `e`, `x`) and is sent (`s`); a sent quote is
 * accepted (`y`) or refused (`n`), each on a date asked for and confirmed; `c` makes the
 * contract from it. A sent quote never changes: a new version is a new quote. */
#include <stdlib.h>
#include <string.h>

#include "charte/settings.h"
#include "dialog.h"
#include "areas.h"
#include "frame.h"
#include "view_quote_common.h"

typedef struct quote_sheet {
	offer_page page; /* first: its list over the lines */
	quote q;
	char *client;      /* "Mme Zoé Lefèvre" */
	quote_line *lines; /* all of them (a quote has at most QUOTE_MAX_LINES) */
	size_t nlines;
	char *sap;         /* the agency's SAP declaration number, "" when not set */
	int status;        /* as of today (expired computed) */
} quote_sheet;

/* Every key that works here; the key bar shows those of the quote's status (see mode). */
static const enum action all_actions[] = {
	ACT_ADD,   ACT_EDIT, ACT_OPEN,    ACT_REMOVE,    ACT_SEND,          ACT_ACCEPT,
	ACT_REFUSE, ACT_MAKE_CONTRACT, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN,
	ACT_HOME,  ACT_END,  ACT_NONE,
};
/* The key bar keeps the first that fit: adding lines and sending come first. */
static const enum action draft_actions[] = {
	ACT_ADD, ACT_SEND,      ACT_EDIT, ACT_REMOVE, ACT_OPEN, ACT_UP,
	ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};
static const enum action sent_actions[] = {
	ACT_ACCEPT, ACT_REFUSE,    ACT_MAKE_CONTRACT, ACT_UP,  ACT_DOWN,
	ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME,          ACT_END, ACT_NONE,
};
static const enum action accepted_actions[] = {
	ACT_MAKE_CONTRACT, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};
static const enum action expired_actions[] = {
	ACT_REFUSE, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};

/* ---- the lines, as a list ---- */

static void copy_row(void *to, const void *row)
{
	quote_line_copy(to, row);
}

static void free_row(void *row)
{
	quote_line_free(row);
}

#define W_QTY 7
#define W_PRICE 12
#define W_RATE 6
#define W_AMOUNT 12
#define W_VAT 11

static int label_width(int w)
{
	return w - 1 - (W_QTY + 1) - (W_PRICE + 1) - (W_RATE + 1) - (W_AMOUNT + 1) - (W_VAT + 1);
}

/* "10 h" for hours, "2" for a count of flat prices. */
static void fmt_qty(const quote_line *l, char out[static 32])
{
	char n[24];
	fmt_hundredths_human(l->qty, n);
	if (l->unit == UNIT_FLAT)
		snprintf(out, 32, "%s", n);
	else
		snprintf(out, 32, _("%s h"), n);
}

/* "22,00 €/h" for an hourly price, "15,00 €" for a flat one. */
static void fmt_unit_price(const quote_line *l, char out[static 48])
{
	char a[32];
	fmt_amount(l->unit_price, a);
	snprintf(out, 48, "%s%s", a, l->unit == UNIT_FLAT ? "" : _("/h"));
}

static void draw_line(void *ctx, const void *row, rect r, bool selected)
{
	(void)ctx;
	const quote_line *l = row;
	attr_t attr = style_row(S_NORMAL, selected);
	char qty[32], price[48], rate[24], amount[32], vat[32];
	fmt_qty(l, qty);
	fmt_unit_price(l, price);
	offer_fmt_rate(l->vat_rate, rate);
	fmt_amount(l->amount_excl, amount);
	fmt_amount(l->vat, vat);
	draw_fill(r.y, r.x, r.w, attr);
	int x = r.x + 1, lw = label_width(r.w);
	draw_cell(r.y, x, lw, l->label ? l->label : "", attr);
	x += lw + 1;
	draw_text_right(r.y, x, W_QTY, qty, attr);
	x += W_QTY + 1;
	draw_text_right(r.y, x, W_PRICE, price, attr);
	x += W_PRICE + 1;
	draw_text_right(r.y, x, W_RATE, rate, attr);
	x += W_RATE + 1;
	draw_text_right(r.y, x, W_AMOUNT, amount, attr);
	x += W_AMOUNT + 1;
	draw_text_right(r.y, x, W_VAT, vat, attr);
}

/* ---- loading ---- */

static int load(void *page, cerr *e)
{
	quote_sheet *p = page;
	quote q;
	quote_init(&q);
	int r = quote_get(p->page.a, p->page.id, &q, e);
	quote_line *lines = NULL;
	size_t n = 0;
	if (!r)
		r = quote_lines_of(p->page.a, p->page.id, &lines, &n, e);
	if (r) {
		quote_free(&q);
		return r;
	}
	quote_free(&p->q);
	p->q = q;
	quote_lines_free(p->lines, p->nlines);
	p->page.rows = p->lines = lines;
	p->page.nrows = p->nlines = n;
	p->status = quote_status_on(&p->q, app_today(p->page.a));
	free(p->client);
	p->client = offer_client_name(p->page.a, p->q.client_id, p->q.client_name, NULL);
	free(p->sap);
	p->sap = settings_get(p->page.a, "agency.sap_number");
	return ST_OK;
}

static void release(void *page)
{
	quote_sheet *p = page;
	quote_free(&p->q);
	quote_lines_free(p->lines, p->nlines);
	free(p->client);
	free(p->sap);
}


/* ---- drawing ---- */

/* "Dated 02/03/2026 · valid until 01/04/2026" */
static char *dates_text(const quote_sheet *p)
{
	const quote *q = &p->q;
	char d[11], v[11];
	fmt_date_human(q->date, d);
	fmt_date_human(q->valid_until, v);
	char *valid = xasprintf(p->status == QUOTE_EXPIRED ? _("expired after %s") : _("valid until %s"),
				v);
	char *text = xasprintf(_("Dated %s · %s"), d, valid);
	free(valid);
	return text;
}

/* "Sent to the client on 03/03/2026 · accepted on 05/03/2026"; NULL for a draft. */
static char *steps_text(const quote_sheet *p)
{
	const quote *q = &p->q;
	if (q->sent_on == NO_DAY)
		return NULL;
	char d[11];
	strbuf b = {0};
	fmt_date_human(q->sent_on, d);
	sb_addf(&b, _("Sent to the client on %s"), d);
	if (q->accepted_on != NO_DAY) {
		fmt_date_human(q->accepted_on, d);
		sb_add(&b, " · ");
		sb_addf(&b, _("accepted on %s"), d);
	}
	if (q->refused_on != NO_DAY) {
		fmt_date_human(q->refused_on, d);
		sb_add(&b, " · ");
		sb_addf(&b, _("refused on %s"), d);
	}
	return b.s;
}

/* The VAT of each rate, on the left of the totals: "VAT 10 % on 220,00 €: 22,00 €". */
static void draw_vat_by_rate(const quote_sheet *p, rect r)
{
	size_t n;
	vat_share *by_rate = quote_vat_breakdown(p->lines, p->nlines, &n);
	/* More rates than lines here: the printed quote has them all. */
	for (size_t k = 0; k < n && k < (size_t)r.h; k++) {
		char rate[24], b[32], v[32];
		offer_fmt_rate(by_rate[k].rate, rate);
		fmt_amount(by_rate[k].base, b);
		fmt_amount(by_rate[k].vat, v);
		char *text = xasprintf(_("VAT %s on %s: %s"), rate, b, v);
		draw_text(r.y + (int)k, r.x, r.w, text, style_attr(S_DIM));
		free(text);
	}
	free(by_rate);
}

static void draw_totals(const quote_sheet *p, rect r)
{
	cents excl, vat, incl;
	quote_totals(p->lines, p->nlines, &excl, &vat, &incl);
	const char *labels[3] = {_("Total excl. VAT"), _("VAT"), _("Total incl. VAT")};
	cents values[3] = {excl, vat, incl};
	int lw = 0;
	for (int i = 0; i < 3; i++)
		if (text_width(labels[i]) > lw)
			lw = text_width(labels[i]);
	int vw = 16, x = r.x + r.w - vw - 2 - lw;
	for (int i = 0; i < 3; i++) {
		char amount[32];
		fmt_amount(values[i], amount);
		attr_t attr = i == 2 ? style_attr(S_HEADER) : style_attr(S_NORMAL);
		draw_text(r.y + i, x, lw, labels[i], attr);
		draw_text_right(r.y + i, x + lw + 2, vw, amount, attr);
	}
	draw_vat_by_rate(p, (rect){r.y, r.x + 1, 3, x - r.x - 3});
}

static void draw(tui *t, view *v, rect r)
{
	quote_sheet *p = v->data;
	p->status = quote_status_on(&p->q, app_today(p->page.a));
	char *title = xasprintf(_("Quote %s — %s"), p->q.number, p->client);
	offer_page_title(r, title, enum_label(&quote_statuses, p->status),
			 offer_quote_style(p->status));
	free(title);
	char *dates = dates_text(p), *steps = steps_text(p);
	draw_text(r.y + 1, 1, r.w - 2, dates, style_attr(S_NORMAL));
	draw_text(r.y + 2, 1, r.w - 2, steps ? steps : _("Not given to the client yet."),
		  style_attr(steps ? S_NORMAL : S_DIM));
	free(dates);
	free(steps);
	/* What every quote states (R3): the SAP declaration, and that it is free. */
	const char *free_quote = _("Free quote");
	int fw = text_width(free_quote);
	char *sap = *p->sap ? xasprintf(_("SAP declaration no. %s"), p->sap)
			    : xstrdup(_("SAP declaration no.: to set in Settings"));
	draw_text(r.y + 3, 1, r.w - fw - 4, sap, style_attr(S_DIM));
	draw_text_right(r.y + 3, 1, r.w - 2, free_quote, style_attr(S_DIM));
	free(sap);

	char *lines = xasprintf(_("Lines (%zu)"), p->nlines);
	draw_text(r.y + 4, 1, r.w - 2, lines, style_attr(S_HEADER));
	free(lines);
	attr_t h = style_attr(S_DIM);
	int y = r.y + 5, x = 1, lw = label_width(r.w);
	draw_text(y, x, lw, _("Label"), h);
	x += lw + 1;
	draw_text_right(y, x, W_QTY, _("Qty"), h);
	x += W_QTY + 1;
	draw_text_right(y, x, W_PRICE, _("Unit excl."), h);
	x += W_PRICE + 1;
	draw_text_right(y, x, W_RATE, _("VAT"), h);
	x += W_RATE + 1;
	draw_text_right(y, x, W_AMOUNT, _("Excl. VAT"), h);
	x += W_AMOUNT + 1;
	draw_text_right(y, x, W_VAT, _("VAT amount"), h);
	int lines_h = r.h - 6 - 4;
	list_draw(&p->page.l, (rect){y + 1, r.x, lines_h > 1 ? lines_h : 1, r.w});
	draw_totals(p, (rect){r.y + r.h - 3, r.x, 3, r.w});
}

/* ---- acting ---- */

/* Core's answer for this record (offer_page_def.can). */
static int can(const void *page, int step, cday today, cerr *e)
{
	const quote_sheet *p = page;
	return quote_can(&p->q, p->nlines, step, today, e);
}

static void open_line(tui *t, quote_sheet *p, const quote_line *l)
{
	int step = l ? QUOTE_EDIT : QUOTE_ADD_LINE;
	if (!tui_may(t, AREA_QUOTES) || !offer_page_can(t, &p->page, step))
		return;
	quote_line_arg arg = {p->page.id, l ? l->id : 0};
	tui_push(t, &view_quote_line_ops, &arg);
}

static void remove_line(tui *t, quote_sheet *p, const quote_line *l)
{
	if (!tui_may(t, AREA_QUOTES) || !offer_page_can(t, &p->page, QUOTE_EDIT))
		return;
	if (!l) {
		tui_msg(t, "%s", _("No line is selected"));
		return;
	}
	char *q = xasprintf(_("Remove the line \"%s\" from quote %s?"), l->label ? l->label : "",
			    p->q.number);
	offer_remove(t, q, l->id, quote_line_remove, _("Line removed"));
	free(q);
}

/* The steps of a quote's life, each on a date. */
static const offer_step steps[] = {
	{ACT_SEND, QUOTE_SEND, N_("Send the quote"), N_("Sent on"),
	 N_("Quote %s for %s: the day it was given to the client."),
	 N_("Record that quote %s was given to the client on %s? It can no longer change "
	    "afterwards."),
	 NULL, quote_send, NULL, N_("Quote %s sent on %s")},
	{ACT_ACCEPT, QUOTE_ACCEPT, N_("Accept the quote"), N_("Accepted on"),
	 N_("Quote %s for %s: the day the client accepted it."),
	 N_("Record that the client accepted quote %s on %s?"), NULL, quote_accept, NULL,
	 N_("Quote %s accepted on %s: press m to make the contract")},
	{ACT_REFUSE, QUOTE_REFUSE, N_("Refuse the quote"), N_("Refused on"),
	 N_("Quote %s for %s: the day the client refused it."),
	 N_("Record that the client refused quote %s on %s? Its number stays used."), NULL,
	 quote_refuse, NULL, N_("Quote %s refused on %s")},
	{ACT_NONE, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

/* What cannot be done now is told at once (core's reason), before any date is asked. */
static void step(tui *t, quote_sheet *p, enum action act)
{
	const offer_step *s = offer_step_of(steps, act);
	if (tui_may(t, AREA_QUOTES) && offer_page_can(t, &p->page, s->step))
		offer_take_step(t, s, p->page.id, p->q.number, p->client);
}

static void make_another(tui *t, void *arg)
{
	tui_push(t, &view_contract_form_ops, arg);
}

/* The contract form from this quote; a quote that already made a contract asks first. */
static void make_contract(tui *t, quote_sheet *p)
{
	if (!tui_may(t, AREA_CONTRACTS) || !offer_page_can(t, &p->page, QUOTE_MAKE_CONTRACT))
		return;
	char *before = NULL;
	cerr e;
	err_clear(&e);
	if (contract_of_quote(p->page.a, p->page.id, &before, &e)) {
		tui_error(t, &e);
		return;
	}
	if (before) {
		contract_form_arg *arg = xmalloc(sizeof *arg);
		*arg = (contract_form_arg){0, p->page.id, true};
		char *q = xasprintf(_("Quote %s already made contract %s. Make another contract "
				      "from it?"),
				    p->q.number, before);
		dialog_confirm(t, q, make_another, arg);
		free(q);
		free(before);
		return;
	}
	contract_form_arg arg = {0, p->page.id, false};
	tui_push(t, &view_contract_form_ops, &arg);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	quote_sheet *p = v->data;
	/* Keys the key bar does not show for this status still answer, saying why not. */
	if (act == ACT_NONE)
		act = action_for_key(all_actions, k, false);
	const quote_line *l = list_selected(&p->page.l);
	switch (act) {
	case ACT_ADD: open_line(t, p, NULL); return TK_DONE;
	case ACT_OPEN:
		if (l && p->q.status != QUOTE_DRAFT) { /* the line whole, as it may be cut */
			char qty[32], price[48], rate[24];
			fmt_qty(l, qty);
			fmt_unit_price(l, price);
			offer_fmt_rate(l->vat_rate, rate);
			tui_msg(t, _("Line %d: %s — %s × %s, VAT %s"), l->position,
				l->label ? l->label : "", qty, price, rate);
			return TK_DONE;
		}
		/* A draft's line opens in its form, as with e. */
		/* fall through */
	case ACT_EDIT:
		if (!l && p->q.status == QUOTE_DRAFT) {
			tui_msg(t, "%s", _("No line is selected"));
			return TK_DONE;
		}
		open_line(t, p, l);
		return TK_DONE;
	case ACT_REMOVE: remove_line(t, p, l); return TK_DONE;
	case ACT_SEND:
	case ACT_ACCEPT:
	case ACT_REFUSE: step(t, p, act); return TK_DONE;
	case ACT_MAKE_CONTRACT: make_contract(t, p); return TK_DONE;
	default:
		return list_navigate(t, &p->page.l, act);
	}
}

static const enum action *mode(view *v, bool *text_input)
{
	quote_sheet *p = v->data;
	*text_input = false;
	/* The keys still answer, saying who may. */
	if (!app_may(p->page.a, AREA_QUOTES, ACCESS_WRITE))
		return offer_page_closed_actions;
	switch (quote_status_on(&p->q, app_today(p->page.a))) {
	case QUOTE_DRAFT: return draft_actions;
	case QUOTE_SENT: return sent_actions;
	case QUOTE_ACCEPTED: return accepted_actions;
	case QUOTE_EXPIRED: return expired_actions;
	default: return offer_page_closed_actions;
	}
}

/* What its keys do here (the help). */
static const struct action_help quote_helps[] = {
	{ACT_ADD, N_("Add a line to this draft quote")},
	{ACT_EDIT, N_("Change the selected line of the quote")},
	{ACT_OPEN, N_("Open the selected line of the quote")},
	{ACT_REMOVE, N_("Remove the selected line from this draft quote")},
	{ACT_NONE, NULL},
};

static const offer_page_def page_def = {
	.size = sizeof(quote_sheet),
	.load = load,
	.release = release,
	.rows = {.row_size = sizeof(quote_line), .free_row = free_row, .draw = draw_line},
	.copy = copy_row,
	.can = can,
};

static int open_page(tui *t, view *v, void *arg, cerr *e)
{
	int r = offer_page_open(t, v, &page_def, *(int64_t *)arg, e);
	if (r)
		return r;
	quote_sheet *p = v->data;
	p->page.l.empty = p->q.status == QUOTE_DRAFT ? _("No line yet: press a to add one.")
						     : _("This quote has no line.");
	return ST_OK;
}

const struct view_ops view_quote_ops =
	OFFER_PAGE_VIEW("quote", N_("Quote"), all_actions, quote_helps, open_page, draw, key, mode);

/* ---- The kinds of record the Quotes area opens (areas.h) ---- */

static void open_quote(tui *t, int64_t id, const char *why)
{
	(void)why;
	tui_push(t, &view_quote_ops, &id);
}

const struct record_kind quote_records[] = {
	{"quote", open_quote, true, false},
	{NULL, NULL, false, false},
};
