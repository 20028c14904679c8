/* view_contract.c — one contract, whole: its terms, the computed withdrawal end (R4), the
 * monthly amount incl. VAT (R3) with whether a quote is required and which one was given, and
 * for a recurring contract its weekly schedule (day, start, end, service) with the hours a week
 * it makes. A draft is edited (`e`), takes services (`v`) and slots (`a`, `x`) and is signed
 * (`+`, on a date); Up above the schedule selects a line of its services, which `e` or Enter
 * changes and `x` removes; a
 * signed contract is ended (`n`: the notice date gives the end date, shown before confirming,
 * R5) or withdrawn within the period (`w`). Also the small form of a slot. */
#include <stdlib.h>
#include <string.h>

#include "charte/catalogue.h"
#include "charte/money.h"
#include "charte/settings.h"
#include "charte/worker.h"
#include "dialog.h"
#include "areas.h"
#include "frame.h"
#include "view_quote_common.h"

typedef struct contract_sheet {
	offer_page page; /* first: its list over the slots */
	contract k;
	char *client;          /* "Mme Zoé Lefèvre" */
	bool wants_quote;      /* the client asked for a quote */
	bool quote_required;   /* R3 */
	char *quote_given;     /* the quote given on or before the signature (or today), or NULL */
	char *skills;          /* the skills it requires (its services' and its own), their labels */
	contract_line *lines;  /* its services, with their shares of the monthly amount */
	size_t nlines;
	contract_slot *slots;  /* the weekly schedule (at most CONTRACT_MAX_SLOTS) */
	size_t nslots;
	service *services;     /* the catalogue, for the slots' service names */
	size_t nservices;
	int status;            /* as of today */
	bool in_lines;         /* a line of the services is selected, not a slot */
	size_t line_sel;       /* that line (0…) */
} contract_sheet;

static const enum action all_actions[] = {
	ACT_OPEN,   ACT_ADD,    ACT_ADD_LINE, ACT_REMOVE,  ACT_EDIT,      ACT_SIGN, ACT_END_CONTRACT, ACT_WITHDRAW,
	ACT_UP,     ACT_DOWN,    ACT_PAGE_UP,   ACT_PAGE_DOWN, ACT_HOME,    ACT_END,
	ACT_NONE,
};
/* The key bar keeps the first that fit: the schedule and the signature come first. */
static const enum action draft_actions[] = {
	ACT_ADD,  ACT_SIGN, ACT_ADD_LINE, ACT_EDIT,    ACT_REMOVE,      ACT_UP,  ACT_DOWN,
	ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};
static const enum action one_off_draft_actions[] = {
	ACT_ADD_LINE, ACT_SIGN, ACT_EDIT, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};
static const enum action signed_actions[] = {
	ACT_END_CONTRACT, ACT_WITHDRAW, ACT_UP,  ACT_DOWN, ACT_PAGE_UP,
	ACT_PAGE_DOWN,    ACT_HOME,     ACT_END, ACT_NONE,
};
static const enum action running_actions[] = {
	ACT_END_CONTRACT, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};

static const struct view_ops view_contract_slot_ops;

/* The catalogue's label for a code, else the code. */
static const char *service_name(const service *rows, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (!strcmp(rows[i].code, code))
			return rows[i].label;
	return code;
}

/* ---- the schedule, as a list ---- */

static void copy_row(void *to, const void *row)
{
	contract_slot_copy(to, row);
}

static void free_row(void *row)
{
	contract_slot_free(row);
}

#define W_DAY 10
#define W_CLOCK 6
#define W_HOURS 8

static void draw_slot(void *ctx, const void *row, rect r, bool selected)
{
	contract_sheet *p = ctx;
	const contract_slot *s = row;
	attr_t attr = style_row(S_NORMAL, selected && !p->in_lines);
	char from[6], to[6], n[24], hours[32];
	fmt_clock(s->starts, from);
	fmt_clock(s->ends, to);
	fmt_hundredths_human(contract_slot_hours(s->starts, s->ends), n);
	snprintf(hours, sizeof hours, _("%s h"), n);
	draw_fill(r.y, r.x, r.w, attr);
	int x = r.x + 2;
	draw_cell(r.y, x, W_DAY, contract_weekday_label(s->weekday), attr);
	x += W_DAY + 1;
	draw_cell(r.y, x, W_CLOCK, from, attr);
	x += W_CLOCK + 1;
	draw_cell(r.y, x, W_CLOCK, to, attr);
	x += W_CLOCK + 1;
	draw_text_right(r.y, x, W_HOURS, hours, attr);
	x += W_HOURS + 2;
	const char *svc = service_name(p->services, p->nservices, s->service_code);
	draw_cell(r.y, x, r.x + r.w - x - 1, svc ? svc : _("the contract's service"),
		  svc ? attr : attr | style_attr(S_DIM));
}

/* ---- loading ---- */

/* The contract, its slots and lines, R3's quote, its client and the catalogue's names. */
static int load(void *page, cerr *e)
{
	contract_sheet *p = page;
	contract k;
	contract_init(&k);
	contract_slot *slots = NULL;
	size_t n = 0;
	contract_line *lines = NULL;
	size_t nlines = 0;
	int r = contract_get(p->page.a, p->page.id, &k, e);
	if (!r)
		r = contract_slots_of(p->page.a, p->page.id, &slots, &n, e);
	if (!r)
		r = contract_lines_of(p->page.a, p->page.id, &lines, &nlines, e);
	bool required = false;
	char *given = NULL;
	if (!r)
		r = contract_quote_status(p->page.a, &k, &required, &given, e);
	service *services = NULL;
	size_t nservices = 0;
	if (!r)
		r = catalogue_list(p->page.a, true, &services, &nservices, e);
	if (r) {
		contract_free(&k);
		contract_slots_free(slots, n);
		contract_lines_free(lines, nlines);
		return r;
	}
	services_free(p->services, p->nservices);
	p->services = services;
	p->nservices = nservices;
	contract_lines_free(p->lines, p->nlines);
	p->lines = lines;
	p->nlines = nlines;
	contract_free(&p->k);
	p->k = k;
	contract_slots_free(p->slots, p->nslots);
	p->page.rows = p->slots = slots;
	p->page.nrows = p->nslots = n;
	p->quote_required = required;
	free(p->quote_given);
	p->quote_given = given;
	free(p->client);
	p->client = offer_client_name(p->page.a, k.client_id, k.client_name, &p->wants_quote);
	char *codes = NULL;
	free(p->skills);
	p->skills = contract_skills_required(p->page.a, &p->k, &codes, NULL) == ST_OK
			    ? worker_skills_words(p->page.a, codes, false)
			    : NULL;
	free(codes);
	p->status = contract_status_on(&p->k, app_today(p->page.a));
	if (p->line_sel >= p->nlines)
		p->line_sel = p->nlines ? p->nlines - 1 : 0;
	if (!p->nlines)
		p->in_lines = false;
	return ST_OK;
}

static void release(void *page)
{
	contract_sheet *p = page;
	contract_free(&p->k);
	contract_slots_free(p->slots, p->nslots);
	contract_lines_free(p->lines, p->nlines);
	services_free(p->services, p->nservices);
	free(p->client);
	free(p->quote_given);
	free(p->skills);
}

/* ---- drawing ---- */

/* The hours shown: "4,5 h a week" (with where they come from), "10 h in total". */
static char *hours_text(const contract_sheet *p)
{
	const contract *k = &p->k;
	char n[24];
	fmt_hundredths_human(k->hours, n);
	if (k->kind == CONTRACT_ONE_OFF)
		return k->hours == 100 ? xstrdup(_("one flat price"))
				       : xasprintf(_("%s h in total"), n);
	if (k->hours <= 0)
		return xstrdup(k->status == CONTRACT_DRAFT
				       ? _("none yet: add the weekly schedule with a")
				       : _("no hours"));
	return p->nslots ? xasprintf(_("%s h a week (the weekly schedule)"), n)
			 : xasprintf(_("%s h a week"), n);
}

static char *price_text(const contract *k)
{
	char excl[32], incl[32], rate[24];
	fmt_amount(k->hourly_excl, excl);
	fmt_amount(money_incl(k->hourly_excl, k->vat_rate), incl);
	offer_fmt_rate(k->vat_rate, rate);
	return xasprintf(_("%s excl. VAT · VAT %s · %s incl. VAT"), excl, rate, incl);
}

/* R3: whether a quote is required, why, and the one given. */
static char *quote_text(const contract_sheet *p, enum style *st)
{
	char threshold[32];
	fmt_amount(settings_amount(p->page.a, "quote.threshold"), threshold);
	strbuf b = {0};
	bool once = p->k.kind == CONTRACT_ONE_OFF; /* R3 reads its total */
	if (!p->quote_required)
		sb_addf(&b, once ? _("not required (under %s in total)")
				 : _("not required (under %s a month)"),
			threshold);
	else if (p->wants_quote)
		sb_add(&b, _("required: the client asked for one"));
	else
		sb_addf(&b, once ? _("required (%s or more in total)")
				 : _("required (%s a month or more)"),
			threshold);
	sb_add(&b, " · ");
	*st = S_NORMAL;
	if (p->quote_given) {
		sb_addf(&b, _("given: %s"), p->quote_given);
		if (p->quote_required)
			*st = S_DONE;
	} else if (p->quote_required) {
		sb_add(&b, p->k.signed_on == NO_DAY
				   ? _("none given to the client yet: give one before the signature")
				   : _("none given before the signature"));
		*st = S_OVERDUE;
	} else {
		sb_add(&b, _("none given"));
	}
	if (p->k.quote_number && (!p->quote_given || strcmp(p->k.quote_number, p->quote_given)))
		sb_addf(&b, _(" · made from %s"), p->k.quote_number);
	return b.s;
}

static char *signature_text(const contract *k)
{
	char d[11];
	fmt_date_human(k->signed_on, d);
	if (k->signed_on == NO_DAY)
		return xstrdup(k->at_agency ? _("not signed yet · to be signed at the agency")
					    : _("not signed yet · to be signed away from the agency "
						"(at the client's home)"));
	return xasprintf(k->at_agency ? _("signed on %s at the agency")
				      : _("signed on %s away from the agency (at the client's home)"),
			 d);
}

static char *withdrawal_text(app *a, const contract *k)
{
	const char *express = k->express_start ? _("express start asked for by the client")
					       : _("no express start");
	if (k->at_agency)
		return xstrdup(_("none: signed at the agency"));
	if (k->signed_on == NO_DAY)
		return xasprintf(_("%ld days after the signature · %s"),
				 settings_int(a, "withdrawal.days"), express);
	char d[11];
	fmt_date_human(k->withdrawal_end, d);
	return xasprintf("%s · %s", d, express);
}

/* The end: notice and end date (R5), or the withdrawal; NULL when neither. */
static char *end_text(const contract *k)
{
	char a[11], b[11];
	if (k->status == CONTRACT_WITHDRAWN) {
		fmt_date_human(k->withdrawn_on, a);
		return xasprintf(_("the client withdrew on %s"), a);
	}
	if (k->ended_on == NO_DAY)
		return NULL;
	fmt_date_human(k->notice_on, a);
	fmt_date_human(k->ended_on, b);
	return xasprintf(_("notice given on %s · ends on %s"), a, b);
}

typedef struct rows {
	rect r;
	int y, lw;
} rows;

/* A label and its value, the value wrapped on two lines at most. */
static void put(rows *w, const char *label, const char *value, attr_t attr)
{
	int room = w->r.y + w->r.h - w->y;
	if (room <= 0)
		return;
	const char *text = value && *value ? value : "—";
	int vw = w->r.w - w->lw;
	int lines = draw_wrapped((rect){0, 0, 0, vw}, 0, text, attr);
	if (lines > 2)
		lines = 2;
	if (lines > room)
		lines = room;
	if (lines < 1)
		lines = 1;
	draw_text(w->y, w->r.x, w->lw - 1, label, style_attr(S_LABEL) | A_BOLD);
	draw_wrapped((rect){w->y, w->r.x + w->lw, lines, vw}, 0, text, attr);
	w->y += lines;
}

/* The contract's services: label, hours a week (or quantity), price excl. VAT, VAT rate and
 * the line's monthly share (R3), from row y; `room` rows at most. Returns the next free row. */
#define W_LHOURS 9
#define W_LPRICE 11
#define W_LRATE 6
#define W_LMONTH 12

static int draw_lines(const contract_sheet *p, rect r, int y, int room)
{
	if (room < 3)
		return y;
	bool recurring = p->k.kind == CONTRACT_RECURRING;
	char *heading = xasprintf(ngettext("Services: %zu line", "Services: %zu lines", p->nlines),
				  p->nlines);
	draw_text(y, 1, r.w - 2, heading, style_attr(S_HEADER));
	free(heading);
	int lw = r.w - 3 - (W_LHOURS + 1) - (W_LPRICE + 1) - (W_LRATE + 1) - (W_LMONTH + 1);
	int x = 2;
	attr_t h = style_attr(S_DIM);
	draw_text(y + 1, x, lw, _("Service"), h);
	x += lw + 1;
	draw_text_right(y + 1, x, W_LHOURS, recurring ? _("h/week") : _("Qty"), h);
	x += W_LHOURS + 1;
	draw_text_right(y + 1, x, W_LPRICE, _("Price excl."), h);
	x += W_LPRICE + 1;
	draw_text_right(y + 1, x, W_LRATE, _("VAT"), h);
	x += W_LRATE + 1;
	draw_text_right(y + 1, x, W_LMONTH, recurring ? _("Monthly") : _("Amount"), h);
	y += 2;
	room -= 2;
	if (!p->nlines) {
		draw_text(y, 2, r.w - 4, _("No service yet: press v to add one."), h);
		return y + 1;
	}
	/* The selected line stays in sight: the first lines give way when it is below them. */
	size_t first = 0;
	if (p->in_lines && room > 1 && p->nlines > (size_t)room && p->line_sel + 2 > (size_t)room)
		first = p->line_sel + 2 - (size_t)room;
	for (size_t i = first; i < p->nlines && room > 0; i++, y++, room--) {
		const contract_line *l = &p->lines[i];
		if (room == 1 && i + 1 < p->nlines) {
			char *more = xasprintf(ngettext("… and %zu more line", "… and %zu more lines",
							p->nlines - i),
					       p->nlines - i);
			draw_text(y, 2, r.w - 4, more, h);
			free(more);
			return y + 1;
		}
		char hours[24], price[32], rate[24], month[32];
		fmt_hundredths_human(l->hours, hours);
		fmt_amount(l->hourly_excl, price);
		offer_fmt_rate(l->vat_rate, rate);
		fmt_amount(l->monthly_incl, month);
		const char *name = l->label && *l->label ? l->label
							  : service_name(p->services, p->nservices,
									 l->service_code);
		attr_t a = style_row(S_NORMAL, p->in_lines && i == p->line_sel);
		draw_fill(y, 1, r.w - 2, a);
		x = 2;
		draw_cell(y, x, lw, name ? name : "—", a);
		x += lw + 1;
		draw_text_right(y, x, W_LHOURS, hours, a);
		x += W_LHOURS + 1;
		draw_text_right(y, x, W_LPRICE, price, a);
		x += W_LPRICE + 1;
		draw_text_right(y, x, W_LRATE, rate, a);
		x += W_LRATE + 1;
		draw_text_right(y, x, W_LMONTH, month, a);
	}
	return y;
}

static void draw(tui *t, view *v, rect r)
{
	contract_sheet *p = v->data;
	const contract *k = &p->k;
	p->status = contract_status_on(k, app_today(p->page.a));
	char drawn[11];
	fmt_date_human(k->date, drawn);
	char *title = xasprintf(_("Contract %s of %s — %s"), k->number, drawn, p->client);
	offer_page_title(r, title, enum_label(&contract_statuses, p->status),
			 offer_contract_style(p->status));
	free(title);

	bool recurring = k->kind == CONTRACT_RECURRING;
	const char *labels[] = {
		_("Kind"),
		recurring ? _("Hourly price") : _("Price"),
		recurring ? _("Hours per week") : _("Quantity"),
		recurring ? _("Monthly amount incl. VAT") : _("Amount incl. VAT"),
		_("Quote"),
		_("Worker's skills"),
		_("Signature"),
		_("End of the withdrawal period"),
		_("End"),
		_("Notes"),
	};
	rows w = {{r.y + 2, 2, r.h - 2, r.w - 3}, r.y + 2, 0};
	for (size_t i = 0; i < ARRAY_LEN(labels); i++)
		if (text_width(labels[i]) + 2 > w.lw)
			w.lw = text_width(labels[i]) + 2;
	if (w.lw > w.r.w / 2)
		w.lw = w.r.w / 2;
	attr_t normal = style_attr(S_NORMAL);
	char start[11];
	fmt_date_human(k->start, start);
	char *s = xasprintf(_("%s · starts on %s"), enum_label(&contract_kinds, k->kind), start);
	put(&w, labels[0], s, normal);
	free(s);
	if (p->nlines <= 1) { /* several: each line has its own, below */
		s = price_text(k);
		put(&w, labels[1], s, normal);
		free(s);
	}
	s = hours_text(p);
	put(&w, labels[2], s, normal);
	free(s);
	char monthly[32];
	fmt_amount(k->monthly_incl, monthly);
	put(&w, labels[3], monthly, style_attr(S_HEADER));
	enum style qs;
	s = quote_text(p, &qs);
	put(&w, labels[4], s, style_attr(qs));
	free(s);
	put(&w, labels[5], p->skills, normal);
	s = signature_text(k);
	put(&w, labels[6], s, normal);
	free(s);
	s = withdrawal_text(p->page.a, k);
	put(&w, labels[7], s, normal);
	free(s);
	if ((s = end_text(k))) {
		put(&w, labels[8], s, style_attr(S_CANCELLED));
		free(s);
	}
	if (k->notes && *k->notes)
		put(&w, labels[9], k->notes, normal);
	/* The services, then the weekly schedule below, as much of them as fits. */
	int room = r.y + r.h - (w.y + 1) - (recurring ? 3 : 0);
	w.y = draw_lines(p, r, w.y + 1, room);
	if (!recurring)
		return;
	int y = w.y + 1;
	if (y + 2 >= r.y + r.h)
		y = r.y + r.h - 3;
	char n[24];
	fmt_hundredths_human(contract_schedule_hours(p->slots, p->nslots), n);
	char *heading = p->nslots ? xasprintf(ngettext("Weekly schedule: %s h a week, %zu slot",
						       "Weekly schedule: %s h a week, %zu slots",
						       p->nslots),
					      n, p->nslots)
				  : xstrdup(_("Weekly schedule"));
	draw_text(y, 1, r.w - 2, heading, style_attr(S_HEADER));
	free(heading);
	attr_t h = style_attr(S_DIM);
	int x = 2;
	draw_text(y + 1, x, W_DAY, _("Day"), h);
	x += W_DAY + 1;
	draw_text(y + 1, x, W_CLOCK, _("Start"), h);
	x += W_CLOCK + 1;
	draw_text(y + 1, x, W_CLOCK, _("End"), h);
	x += W_CLOCK + 1;
	draw_text_right(y + 1, x, W_HOURS, _("Hours"), h);
	x += W_HOURS + 2;
	draw_text(y + 1, x, r.w - x - 1, _("Service"), h);
	p->page.l.empty = k->status == CONTRACT_DRAFT ? _("No slot yet: press a to add one.")
						 : _("No weekly schedule.");
	list_draw(&p->page.l, (rect){y + 2, r.x, r.y + r.h - y - 2, r.w});
}

/* ---- acting ---- */

/* Core's answer for this record (offer_page_def.can). */
static int can(const void *page, int step, cday today, cerr *e)
{
	const contract_sheet *p = page;
	return contract_can(&p->k, step, today, e);
}

static void remove_slot(tui *t, contract_sheet *p, const contract_slot *s)
{
	if (!tui_may(t, AREA_CONTRACTS) || !offer_page_can(t, &p->page, CONTRACT_SCHEDULE))
		return;
	if (!s) {
		tui_msg(t, "%s", _("No slot is selected"));
		return;
	}
	char from[6], to[6];
	fmt_clock(s->starts, from);
	fmt_clock(s->ends, to);
	char *q = xasprintf(_("Remove the slot %s %s-%s from the schedule?"),
			    contract_weekday_label(s->weekday), from, to);
	offer_remove(t, q, s->id, contract_slot_remove, _("Slot removed"));
	free(q);
}

/* The selected line of the services changed in its form. */
static void edit_line(tui *t, contract_sheet *p)
{
	if (!tui_may(t, AREA_CONTRACTS) || !offer_page_can(t, &p->page, CONTRACT_EDIT))
		return;
	contract_line_arg arg = {p->page.id, (int)p->line_sel + 1};
	tui_push(t, &view_contract_line_ops, &arg);
}

/* A removal of a line asked for, the argument of its question (freed with free()). */
typedef struct line_removal {
	int64_t contract_id;
	int number;
} line_removal;

static void remove_line_yes(tui *t, void *arg)
{
	const line_removal *lr = arg;
	cerr e;
	err_clear(&e);
	if (contract_line_remove(tui_app(t), lr->contract_id, lr->number, &e)) {
		tui_error(t, &e);
		return;
	}
	tui_changed(t);
	tui_msg(t, _("Line %d removed"), lr->number);
}

static void remove_line(tui *t, contract_sheet *p)
{
	if (!tui_may(t, AREA_CONTRACTS) || !offer_page_can(t, &p->page, CONTRACT_EDIT))
		return;
	const contract_line *l = &p->lines[p->line_sel];
	const char *name = l->label && *l->label
				   ? l->label
				   : service_name(p->services, p->nservices, l->service_code);
	line_removal *lr = xmalloc(sizeof *lr);
	*lr = (line_removal){p->page.id, (int)p->line_sel + 1};
	char *q = xasprintf(_("Remove the line %d (%s) from contract %s?"), lr->number,
			    name ? name : "—", p->k.number);
	dialog_confirm(t, q, remove_line_yes, lr);
	free(q);
}

/* Up and Down: from the top of the schedule up into the lines of the services, and back. */
static int navigate(tui *t, contract_sheet *p, enum action act)
{
	if (act == ACT_UP && p->in_lines) {
		if (p->line_sel > 0)
			p->line_sel--;
		return TK_DONE;
	}
	if (act == ACT_DOWN && p->in_lines) {
		if (p->line_sel + 1 < p->nlines)
			p->line_sel++;
		else if (p->nslots)
			p->in_lines = false;
		return TK_DONE;
	}
	if (act == ACT_UP && p->nlines &&
	    (!list_selected(&p->page.l) || (p->page.l.sel == 0 && p->page.l.at_start))) {
		p->in_lines = true;
		p->line_sel = p->nlines - 1;
		return TK_DONE;
	}
	if (act == ACT_HOME || act == ACT_END || act == ACT_PAGE_UP || act == ACT_PAGE_DOWN)
		p->in_lines = false;
	return list_navigate(t, &p->page.l, act);
}

/* The question before a signature: where it was signed, the withdrawal period, and (R3) a
 * quote missing. The contract as stored now: the page may have been drawn before a change.
 * With `express`, the client's express request is recorded with the signature (R4). */
static int sign_question(app *a, int64_t id, const char *number, cday on, strbuf *question,
			 bool express, cerr *e)
{
	contract k;
	contract_init(&k);
	int r = contract_get(a, id, &k, e);
	if (r) {
		contract_free(&k);
		return r;
	}
	if (express)
		k.express_start = true;
	char d[11], w[11];
	fmt_date_human(on, d);
	cday end = contract_withdrawal_end(on, k.at_agency, (int)settings_int(a, "withdrawal.days"));
	fmt_date_human(end, w);
	if (k.at_agency)
		sb_addf(question, _("Record that the client signed contract %s on %s, at the agency "
				    "(no withdrawal period)?"),
			number, d);
	else
		sb_addf(question, _("Record that the client signed contract %s on %s, away from "
				    "the agency? The withdrawal period ends on %s."),
			number, d, w);
	/* R4: a start within the period needs the client's express request. */
	if (express)
		sb_addf(question, " %s",
			_("The client's express request to start within the withdrawal period is "
			  "recorded with it."));
	else if (contract_starts_early(&k, end))
		sb_addf(question, " %s",
			_("Careful: the service starts within the withdrawal period and the client has "
			  "not asked for an express start."));
	/* R3: say it now if the signature would lack the quote it needs. */
	bool required = false;
	char *given = NULL;
	k.signed_on = on;
	cerr ignored;
	if (contract_quote_status(a, &k, &required, &given, &ignored) == ST_OK && required &&
	    !given)
		sb_addf(question, " %s", _("Careful: a quote is required and none was given to the "
					   "client on or before that day."));
	free(given);
	contract_free(&k);
	return ST_OK;
}

static int sign_ask(app *a, int64_t id, const char *number, cday on, strbuf *question, cerr *e)
{
	return sign_question(a, id, number, on, question, false, e);
}

static int sign_express_ask(app *a, int64_t id, const char *number, cday on, strbuf *question,
			    cerr *e)
{
	return sign_question(a, id, number, on, question, true, e);
}

/* The signature with the client's express request (R4): the request is recorded only once the
 * signature can go through, so a signature given up (Esc at the date, "no") records nothing. */
static int sign_express(app *a, int64_t id, cday on, cerr *e)
{
	contract k;
	contract_init(&k);
	int r = contract_get(a, id, &k, e);
	if (!r)
		r = contract_can(&k, CONTRACT_SIGN, on, e);
	contract_free(&k);
	if (!r)
		r = contract_record_express(a, id, e);
	if (!r)
		r = contract_sign(a, id, on, e);
	return r;
}

/* The end date the notice gives (R5), before confirming. */
static int end_ask(app *a, int64_t id, const char *number, cday on, strbuf *question, cerr *e)
{
	cday end;
	int r = contract_end_preview(a, id, on, &end, e);
	if (r)
		return r;
	char d[11], n[11];
	fmt_date_human(end, d);
	fmt_date_human(on, n);
	sb_addf(question, _("Notice given on %s: the contract %s will end on %s — confirm?"), n,
		number, d);
	return ST_OK;
}

/* Whether the date is still within the withdrawal period, before confirming. */
static int withdraw_ask(app *a, int64_t id, const char *number, cday on, strbuf *question,
			cerr *e)
{
	contract k;
	contract_init(&k);
	int r = contract_get(a, id, &k, e);
	if (!r)
		r = contract_can(&k, CONTRACT_WITHDRAW, on, e);
	contract_free(&k);
	return r;
}

/* The steps of a contract's life, each on a date. */
static const offer_step steps[] = {
	{ACT_SIGN, CONTRACT_SIGN, N_("Sign the contract"), N_("Signed on"),
	 N_("Contract %s for %s: the day the client signed it."), NULL, sign_ask, contract_sign,
	 NULL, N_("Contract %s signed on %s")},
	{ACT_END_CONTRACT, CONTRACT_END, N_("End the contract"), N_("Notice given on"),
	 N_("Contract %s for %s: the day the client gave notice. The contract ends on the last "
	    "day of that month, without fee."),
	 NULL, end_ask, NULL, contract_end, N_("Contract %s ends on %s")},
	{ACT_WITHDRAW, CONTRACT_WITHDRAW, N_("Withdrawal"), N_("Withdrew on"),
	 N_("Contract %s for %s: the day the client withdrew (within the withdrawal period)."),
	 N_("Record that the client withdrew from contract %s on %s? It will not be carried "
	    "out."),
	 withdraw_ask, contract_withdraw, NULL, N_("Contract %s: the client withdrew on %s")},
	{ACT_NONE, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

/* R4 before a signature: the start falls within the withdrawal period (signed today) and the
 * client has not asked for an express start. The menu offers to record the request first. */
typedef struct early_sign {
	int64_t id;
	char number[24];
	char client[256];
} early_sign;

/* The signature that records the express request with it: the sign step otherwise. */
static const offer_step sign_express_step = {
	ACT_SIGN, CONTRACT_SIGN, N_("Sign the contract"), N_("Signed on"),
	N_("Contract %s for %s: the day the client signed it."), NULL, sign_express_ask,
	sign_express, NULL, N_("Contract %s signed on %s")};

static void early_chosen(tui *t, void *arg, int choice)
{
	early_sign *es = arg;
	if (choice == 0)
		offer_take_step(t, &sign_express_step, es->id, es->number, es->client);
	else if (choice == 1)
		offer_take_step(t, offer_step_of(steps, ACT_SIGN), es->id, es->number, es->client);
}

/* What cannot be done now is told at once (core's reason), before a date is asked. */
static void step(tui *t, contract_sheet *p, enum action act)
{
	const offer_step *s = offer_step_of(steps, act);
	if (!tui_may(t, AREA_CONTRACTS) || !offer_page_can(t, &p->page, s->step))
		return;
	cday end = contract_withdrawal_end(app_today(p->page.a), p->k.at_agency,
					   (int)settings_int(p->page.a, "withdrawal.days"));
	if (act == ACT_SIGN && contract_starts_early(&p->k, end)) {
		early_sign *es = xcalloc(1, sizeof *es);
		es->id = p->page.id;
		snprintf(es->number, sizeof es->number, "%s", p->k.number);
		snprintf(es->client, sizeof es->client, "%s", p->client);
		/* The sign question says it in full; the menu fits 80 columns. */
		const char *items[] = {
			_("Record the client's request, then sign"),
			_("Sign without the request"),
			_("Cancel"),
		};
		dialog_menu(t, _("Start within the withdrawal period"), items, 3, 0, early_chosen,
			    es);
		return;
	}
	offer_take_step(t, s, p->page.id, p->k.number, p->client);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	contract_sheet *p = v->data;
	if (act == ACT_NONE) /* keys the key bar does not show now still answer why not */
		act = action_for_key(all_actions, k, false);
	switch (act) {
	case ACT_ADD:
		if (tui_may(t, AREA_CONTRACTS) && offer_page_can(t, &p->page, CONTRACT_SCHEDULE))
			tui_push(t, &view_contract_slot_ops, &p->page.id);
		return TK_DONE;
	case ACT_ADD_LINE:
		if (tui_may(t, AREA_CONTRACTS) && offer_page_can(t, &p->page, CONTRACT_EDIT)) {
			contract_line_arg arg = {p->page.id, 0};
			tui_push(t, &view_contract_line_ops, &arg);
		}
		return TK_DONE;
	case ACT_OPEN:
		if (p->in_lines)
			edit_line(t, p);
		return TK_DONE;
	case ACT_REMOVE:
		if (p->in_lines)
			remove_line(t, p);
		else
			remove_slot(t, p, list_selected(&p->page.l));
		return TK_DONE;
	case ACT_EDIT:
		if (p->in_lines)
			edit_line(t, p);
		else if (tui_may(t, AREA_CONTRACTS) && offer_page_can(t, &p->page, CONTRACT_EDIT)) {
			contract_form_arg arg = {p->page.id, 0, false};
			tui_push(t, &view_contract_form_ops, &arg);
		}
		return TK_DONE;
	case ACT_SIGN:
	case ACT_END_CONTRACT:
	case ACT_WITHDRAW: step(t, p, act); return TK_DONE;
	default:
		return navigate(t, p, act);
	}
}

static const enum action *mode(view *v, bool *text_input)
{
	contract_sheet *p = v->data;
	const contract *k = &p->k;
	*text_input = false;
	/* The keys still answer, saying who may. */
	if (!app_may(p->page.a, AREA_CONTRACTS, ACCESS_WRITE))
		return offer_page_closed_actions;
	if (k->status == CONTRACT_ENDED) /* notice given: it runs to its end date, nothing to do */
		return offer_page_closed_actions;
	switch (contract_status_on(k, app_today(p->page.a))) {
	case CONTRACT_DRAFT:
		return k->kind == CONTRACT_RECURRING ? draft_actions : one_off_draft_actions;
	case CONTRACT_SIGNED:
	case CONTRACT_ACTIVE:
		return k->withdrawal_end != NO_DAY && app_today(p->page.a) <= k->withdrawal_end
			       ? signed_actions
			       : running_actions;
	default: return offer_page_closed_actions;
	}
}

/* What its keys do here (the help). */
static const struct action_help contract_helps[] = {
	{ACT_ADD, N_("Add a slot to the weekly schedule of this draft contract")},
	{ACT_EDIT, N_("Change the selected line of the services (Up above the schedule selects "
		      "one), else this draft contract")},
	{ACT_OPEN, N_("Change the selected line of the services")},
	{ACT_ADD_LINE, N_("Add a service to this draft contract: its hours a week (or quantity), "
			  "hourly price excl. VAT and VAT rate")},
	{ACT_REMOVE, N_("Remove the selected line of the services, or the selected slot of the "
			"weekly schedule")},
	{ACT_NONE, NULL},
};

static const offer_page_def page_def = {
	.size = sizeof(contract_sheet),
	.load = load,
	.release = release,
	.rows = {.row_size = sizeof(contract_slot), .free_row = free_row, .draw = draw_slot},
	.copy = copy_row,
	.can = can,
};

static int open_page(tui *t, view *v, void *arg, cerr *e)
{
	return offer_page_open(t, v, &page_def, *(int64_t *)arg, e);
}

const struct view_ops view_contract_ops = OFFER_PAGE_VIEW("contract", N_("Contract"), all_actions,
							  contract_helps, open_page, draw, key, mode);

/* ---- a slot of the weekly schedule ---- */

typedef struct slot_form {
	app *a;
	form f;
	contract k;
	contract_slot *slots; /* the schedule now, for the week's hours as typed */
	size_t nslots;
	contract_line *lines; /* the contract's services: the only ones a slot may name */
	size_t nlines;
	service *services;
	size_t nservices;
	char *service_note;
} slot_form;

/* The contract's line a slot names: a service code, or words of one of its services only (its
 * label or the catalogue's). Only lines of a service of the catalogue can be named. */
static const contract_line *slot_service(const slot_form *sf, const char *typed, bool *several)
{
	*several = false;
	const contract_line *found = NULL;
	for (size_t i = 0; i < sf->nlines; i++)
		if (sf->lines[i].service_code && !strcmp(sf->lines[i].service_code, typed))
			return &sf->lines[i];
	char *want = text_fold(typed);
	for (size_t i = 0; i < sf->nlines && !*several; i++) {
		const contract_line *l = &sf->lines[i];
		if (!l->service_code)
			continue;
		const char *name = service_name(sf->services, sf->nservices, l->service_code);
		char *code = text_fold(l->service_code), *label = text_fold(l->label ? l->label : ""),
		     *sname = text_fold(name ? name : "");
		if (strstr(code, want) || strstr(label, want) || strstr(sname, want)) {
			if (found)
				*several = true;
			found = l;
		}
		free(code);
		free(label);
		free(sname);
	}
	free(want);
	return *several ? NULL : found;
}

/* The contract's services, "menage (Ménage), jardinage (Jardinage)", for the field's hint. */
static char *services_hint(const slot_form *sf)
{
	strbuf b = {0};
	for (size_t i = 0; i < sf->nlines; i++) {
		const contract_line *l = &sf->lines[i];
		if (!l->service_code)
			continue;
		sb_addf(&b, "%s%s", b.s ? ", " : "", l->service_code);
	}
	char *hint = xasprintf(_("one of: %s"), b.s ? b.s : "—");
	free(b.s);
	return hint;
}

/* The line a slot as typed names: the one line, else the one its service field names. */
static const contract_line *slot_line_typed(slot_form *sf)
{
	if (sf->nlines == 1)
		return &sf->lines[0];
	if (!form_field(&sf->f, "service"))
		return NULL;
	char *svc = form_text(&sf->f, "service");
	str_trim(svc);
	bool several;
	const contract_line *l = *svc ? slot_service(sf, svc, &several) : NULL;
	free(svc);
	return l;
}

static int slot_check(form *f, size_t i, cerr *e)
{
	slot_form *sf = f->ctx;
	field *fl = f->fields[i];
	char *text = form_text(f, fl->name);
	str_trim(text);
	int r = ST_OK;
	if (!strcmp(fl->name, "day")) {
		int d;
		const char *why = *text ? contract_parse_weekday(text, &d) : N_("is required");
		if (why)
			r = err_set(e, ST_INVALID, "day", "%s", _(why));
		else
			le_set(&fl->ed, contract_weekday_label(d));
	} else if (!strcmp(fl->name, "from") || !strcmp(fl->name, "to")) {
		int m;
		const char *why = *text ? parse_clock(text, &m) : N_("is required");
		if (why) {
			r = err_set(e, ST_INVALID, fl->name, "%s", _(why));
		} else {
			char c[6];
			fmt_clock(m, c);
			le_set(&fl->ed, c);
		}
		char *from = form_text(f, "from");
		int a, b;
		if (!r && !strcmp(fl->name, "to") && !parse_clock(str_trim(from), &a) &&
		    !parse_clock(text, &b) && b <= a)
			r = err_set(e, ST_INVALID, "to", _("must be later than the start"));
		free(from);
	} else if (!strcmp(fl->name, "service")) {
		free(sf->service_note);
		sf->service_note = services_hint(sf);
		fl->format = sf->service_note;
		bool several;
		const contract_line *l = *text ? slot_service(sf, text, &several) : NULL;
		if (l) {
			le_set(&fl->ed, l->service_code);
			const char *name =
				service_name(sf->services, sf->nservices, l->service_code);
			free(sf->service_note);
			sf->service_note = xstrdup(l->label ? l->label : name);
			fl->format = sf->service_note;
		} else if (*text) {
			r = err_set(e, ST_INVALID, "service",
				    several ? _("several of the contract's services match: type more "
						"of the name")
					    : _("not a service of this contract"));
		} else {
			r = err_set(e, ST_INVALID, "service", "%s", _("is required"));
		}
	}
	free(text);
	return r;
}

/* The slot as typed; false when its day or times cannot be read yet. */
static bool slot_as_typed(slot_form *sf, contract_slot *s)
{
	memset(s, 0, sizeof *s);
	char *day = form_text(&sf->f, "day"), *from = form_text(&sf->f, "from"),
	     *to = form_text(&sf->f, "to");
	bool ok = !contract_parse_weekday(day, &s->weekday) &&
		  !parse_clock(str_trim(from), &s->starts) && !parse_clock(str_trim(to), &s->ends) &&
		  s->ends > s->starts;
	free(day);
	free(from);
	free(to);
	return ok;
}

static void slot_close(tui *t, view *v)
{
	slot_form *sf = v->data;
	form_free(&sf->f);
	contract_free(&sf->k);
	contract_slots_free(sf->slots, sf->nslots);
	contract_lines_free(sf->lines, sf->nlines);
	services_free(sf->services, sf->nservices);
	free(sf->service_note);
	free(sf);
}

static int slot_open(tui *t, view *v, void *arg, cerr *e)
{
	slot_form *sf = xcalloc(1, sizeof *sf);
	sf->a = tui_app(t);
	contract_init(&sf->k);
	form_init(&sf->f, sf);
	v->data = sf;
	int64_t id = *(int64_t *)arg;
	int r = contract_get(sf->a, id, &sf->k, e);
	if (!r)
		r = contract_slots_of(sf->a, id, &sf->slots, &sf->nslots, e);
	if (!r)
		r = contract_lines_of(sf->a, id, &sf->lines, &sf->nlines, e);
	if (!r)
		r = catalogue_list(sf->a, true, &sf->services, &sf->nservices, e);
	if (r) {
		slot_close(t, v);
		v->data = NULL;
		return r;
	}
	sf->f.check = slot_check;
	form_add_text(&sf->f, "day", _("Day"), "", 10)->format =
		lang_french ? _("lun, mar… dim, or 1 to 7") : _("mon, tue… sun, or 1 to 7");
	form_add_text(&sf->f, "from", _("Start"), "", 6)->format = _("HH:MM");
	form_add_text(&sf->f, "to", _("End"), "", 6)->format = _("HH:MM");
	/* One service: the slot is its, no choice to make. */
	if (sf->nlines != 1) {
		sf->service_note = services_hint(sf);
		form_add_text(&sf->f, "service", _("Service"), "", 16)->format = sf->service_note;
	}
	return ST_OK;
}

static void slot_draw(tui *t, view *v, rect r)
{
	slot_form *sf = v->data;
	char *title = xasprintf(_("New slot of contract %s"), sf->k.number);
	draw_text(r.y, 1, r.w - 2, title, style_attr(S_HEADER));
	free(title);
	form_draw(&sf->f, t, (rect){r.y + 2, 2, 8, r.w - 4});
	/* The week's hours and the monthly amount with this slot, as typed (R3). */
	contract_slot s;
	bool ok = slot_as_typed(sf, &s);
	contract_slot *all = xcalloc(sf->nslots + 1, sizeof *all);
	memcpy(all, sf->slots, sf->nslots * sizeof *all);
	size_t n = sf->nslots;
	if (ok)
		all[n++] = s;
	int64_t week = contract_schedule_hours(all, n);
	/* R3 over the lines: the line the slot names takes its slots' hours with it. */
	const contract_line *target = slot_line_typed(sf);
	contract_line *lines = xcalloc(sf->nlines ? sf->nlines : 1, sizeof *lines);
	memcpy(lines, sf->lines, sf->nlines * sizeof *lines);
	for (size_t i = 0; target && ok && i < sf->nlines; i++) {
		if (lines[i].id != target->id)
			continue;
		contract_slot *mine = xcalloc(sf->nslots + 1, sizeof *mine);
		size_t m = 0;
		for (size_t j = 0; j < sf->nslots; j++)
			if (sf->slots[j].line_id == target->id || sf->nlines == 1)
				mine[m++] = sf->slots[j];
		mine[m++] = s;
		lines[i].hours = contract_schedule_hours(mine, m);
		free(mine);
	}
	cents month = contract_lines_monthly(CONTRACT_RECURRING, lines, sf->nlines);
	free(lines);
	free(all);
	char slot_h[24], week_h[24], monthly[32];
	fmt_hundredths_human(ok ? contract_slot_hours(s.starts, s.ends) : 0, slot_h);
	fmt_hundredths_human(week, week_h);
	fmt_amount(month, monthly);
	int y = r.y + 11;
	char *line = ok ? xasprintf(_("This slot: %s h"), slot_h)
			: xstrdup(_("This slot: give the day and the times."));
	draw_text(y, 2, r.w - 4, line, ok ? style_attr(S_NORMAL) : style_attr(S_DIM));
	free(line);
	line = xasprintf(_("Hours per week with it: %s h · monthly amount incl. VAT: %s"), week_h,
			 monthly);
	draw_text(y + 1, 2, r.w - 4, line, style_attr(S_HEADER));
	free(line);
}

static void slot_save(tui *t, slot_form *sf)
{
	if (!form_check_all(&sf->f)) {
		form_view_not_saved(t);
		return;
	}
	contract_slot s;
	slot_as_typed(sf, &s); /* checked above */
	const contract_line *l = slot_line_typed(sf);
	s.service_code = l && l->service_code ? xstrdup(l->service_code) : NULL;
	cerr e;
	err_clear(&e);
	if (contract_slot_add(sf->a, sf->k.id, &s, &e)) {
		form_save_failed(t, &sf->f, &e);
		contract_slot_free(&s);
		return;
	}
	char from[6], to[6];
	fmt_clock(s.starts, from);
	fmt_clock(s.ends, to);
	char *msg = xasprintf(_("Slot %s %s-%s added"), contract_weekday_label(s.weekday), from, to);
	contract_slot_free(&s);
	tui_pop(t);
	tui_changed(t);
	tui_msg(t, "%s", msg);
	free(msg);
}

static int slot_key(tui *t, view *v, const tkey *k, enum action act)
{
	slot_form *sf = v->data;
	switch (form_key(&sf->f, k, act)) {
	case FORM_SAVE: slot_save(t, sf); return TK_DONE;
	case FORM_CANCEL:
		form_leave(t, &sf->f, _("Leave without adding this slot?"));
		return TK_DONE;
	case FORM_HANDLED: return TK_DONE;
	default: return TK_PASS;
	}
}

static bool slot_dirty(view *v)
{
	return form_dirty(&((slot_form *)v->data)->f);
}

static const struct view_ops view_contract_slot_ops = {
	.name = "contract-slot",
	.title = N_("Weekly slot"),
	.actions = form_actions,
	.text_input = true,
	.open = slot_open,
	.draw = slot_draw,
	.key = slot_key,
	.dirty = slot_dirty,
	.close = slot_close,
};

/* ---- The kinds of record the Contracts area opens (areas.h) ---- */

static void open_contract(tui *t, int64_t id, const char *why)
{
	(void)why;
	tui_push(t, &view_contract_ops, &id);
}

const struct record_kind contract_records[] = {
	{"contract", open_contract, true, false},
	{NULL, NULL, false, false},
};
