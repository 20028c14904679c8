/* contract.c — contracts: R3 (monthly amount, quote required), R4 (withdrawal), R5 (termination),
 * the weekly schedule, and the steps of a contract's life. */
#include "charte/contract.h"

#include "core.h"
#include "charte/audit.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "charte/money.h"
#include "charte/quote.h"
#include "charte/settings.h"
#include "charte/visit.h"
#include "charte/worker.h"

/* ---- pure rules ---- */

int contract_slot_minutes(int starts, int ends)
{
	return ((ends - starts) % (24 * 60) + 24 * 60) % (24 * 60);
}

int64_t contract_slot_hours(int starts, int ends)
{
	return money_div_round((int64_t)contract_slot_minutes(starts, ends) * 100, 60);
}

int64_t contract_schedule_hours(const contract_slot *slots, size_t n)
{
	int64_t minutes = 0;
	for (size_t i = 0; i < n; i++)
		minutes += contract_slot_minutes(slots[i].starts, slots[i].ends);
	return money_div_round(minutes * 100, 60);
}

/* Where a slot starts in the week, in minutes from Monday 00:00. */
static int week_minute(int weekday, int minute)
{
	return (weekday - 1) * 24 * 60 + minute;
}

bool contract_slots_overlap(const contract_slot *x, const contract_slot *y)
{
	const int week = 7 * 24 * 60;
	int xs = week_minute(x->weekday, x->starts), xl = contract_slot_minutes(x->starts, x->ends);
	int ys = week_minute(y->weekday, y->starts), yl = contract_slot_minutes(y->starts, y->ends);
	/* The week is a circle: Sunday night runs into Monday morning. */
	for (int shift = -week; shift <= week; shift += week)
		if (xs < ys + shift + yl && ys + shift < xs + xl)
			return true;
	return false;
}

cents contract_monthly(int kind, int64_t hours, cents hourly_excl, int vat_rate)
{
	if (kind == CONTRACT_ONE_OFF)
		return money_incl(money_line_excl(hours, hourly_excl), vat_rate);
	return money_monthly_recurring(hours, hourly_excl, vat_rate);
}

cents contract_lines_monthly(int kind, contract_line *lines, size_t n)
{
	int64_t sum = 0; /* recurring: hundredths x cents x 52, divided once */
	for (size_t i = 0; i < n; i++) {
		contract_line *l = &lines[i];
		if (kind == CONTRACT_ONE_OFF) {
			l->monthly_incl = money_incl(money_line_excl(l->hours, l->hourly_excl),
			                             l->vat_rate);
			sum += l->monthly_incl;
		} else {
			int64_t part = l->hours * money_incl(l->hourly_excl, l->vat_rate) * 52;
			l->monthly_incl = money_div_round(part, 100 * 12);
			sum += part;
		}
	}
	return kind == CONTRACT_ONE_OFF ? sum : money_div_round(sum, 100 * 12);
}

bool contract_quote_required(cents monthly_incl, cents threshold, bool client_asked)
{
	return client_asked || monthly_incl >= threshold;
}

cday contract_withdrawal_end(cday signed_on, bool at_agency, int days)
{
	if (at_agency || signed_on == NO_DAY)
		return NO_DAY;
	return cal_withdrawal_end(signed_on, days);
}

cday contract_end_date(cday notice)
{
	return cal_month_end(notice);
}

int contract_status_on(const contract *k, cday today)
{
	int status = k->status;
	/* R5: after notice, a signed contract runs to the last day of that month. */
	if (status == CONTRACT_ENDED && k->signed_on != NO_DAY && k->ended_on != NO_DAY &&
	    k->ended_on >= today)
		status = CONTRACT_SIGNED;
	if (status == CONTRACT_SIGNED && k->start != NO_DAY && k->start <= today)
		return CONTRACT_ACTIVE;
	return status;
}
const char *contract_parse_weekday(const char *s, int *out)
{
	static const char *const names[][4] = {
	    {"mon", "monday", "lun", "lundi"},       {"tue", "tuesday", "mar", "mardi"},
	    {"wed", "wednesday", "mer", "mercredi"}, {"thu", "thursday", "jeu", "jeudi"},
	    {"fri", "friday", "ven", "vendredi"},    {"sat", "saturday", "sam", "samedi"},
	    {"sun", "sunday", "dim", "dimanche"},
	};
	char buf[16];
	snprintf(buf, sizeof buf, "%s", s ? s : "");
	str_trim(buf);
	if (buf[0] >= '1' && buf[0] <= '7' && !buf[1]) {
		*out = buf[0] - '0';
		return NULL;
	}
	size_t len = strlen(buf);
	if (len && buf[len - 1] == '.')
		buf[len - 1] = '\0';
	for (int d = 0; d < 7; d++)
		for (int i = 0; i < 4; i++)
			if (!strcasecmp(buf, names[d][i])) {
				*out = d + 1;
				return NULL;
			}
	return N_("not a day of the week: use mon..sun, lun..dim or 1..7");
}

const char *contract_weekday_label(int weekday)
{
	static const char *const days[] = {N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
					   N_("Fri"), N_("Sat"), N_("Sun")};
	return weekday >= 1 && weekday <= 7 ? _(days[weekday - 1]) : "";
}

void contract_number_format(int year, int seq, char out[static 24])
{
	snprintf(out, 24, "C%04d-%04d", year, seq);
}

/* ---- checks ---- */

/* The terms of a contract or of one of its lines: the price (excl. VAT, an hour or a unit), the
 * VAT rate (< 0: the default) and the hours (recurring: a week; one-off: the quantity, 0 meaning
 * one flat price), `hours_field` naming the hours in a reason. */
static int check_terms(app *a, int kind, cents *price, int *vat_rate, int64_t *hours,
                       const char *hours_field, cerr *e)
{
	if (*price < 0)
		return err_set(e, ST_INVALID, "price", _("must not be negative"));
	if (*price > QUOTE_MAX_PRICE)
		return err_set(e, ST_INVALID, "price", _("is too large"));
	int r = settings_vat_take(a, vat_rate, "vat", e);
	if (r)
		return r;
	if (*hours < 0)
		return err_set(e, ST_INVALID, hours_field, _("must not be negative"));
	if (kind == CONTRACT_RECURRING && *hours > CONTRACT_MAX_HOURS)
		return err_set(e, ST_INVALID, hours_field, _("is more than a week has"));
	if (kind == CONTRACT_ONE_OFF && *hours > QUOTE_MAX_QTY)
		return err_set(e, ST_INVALID, hours_field, _("is too large"));
	if (kind == CONTRACT_ONE_OFF && *hours == 0)
		*hours = 100; /* one flat price */
	return ST_OK;
}

/* The skills beyond its services as codes of the skills list (stored sorted, each once), and
 * the notes: field-level reasons. */
static int check_skills(app *a, contract *k, cerr *e)
{
	if (k->skills) {
		if (strlen(k->skills) > CONTRACT_SKILLS_MAX)
			return err_set(e, ST_INVALID, "skills",
			               _("too long (at most %d characters)"), CONTRACT_SKILLS_MAX);
		char *codes = NULL;
		int r = worker_skills_parse(a, k->skills, &codes, e);
		if (r)
			return r;
		free(k->skills);
		k->skills = codes;
	}
	if (k->notes) {
		int r = text_check(k->notes, "notes", CONTRACT_NOTES_MAX, false, e);
		if (r)
			return r;
		str_trim(k->notes);
	}
	return ST_OK;
}

/* The person may write contracts, and what a draft holds, as typed: field-level reasons. */
static int check_contract(app *a, contract *k, cerr *e)
{
	int r = role_check(a, AREA_CONTRACTS, ACCESS_WRITE, e);
	if (r)
		return r;
	if (k->kind != CONTRACT_RECURRING && k->kind != CONTRACT_ONE_OFF)
		return err_set(e, ST_INVALID, "kind", _("must be recurring or one-off"));
	if (k->start == NO_DAY)
		return err_set(e, ST_INVALID, "start", _("is required"));
	if (k->start < cal_days(2000, 1, 1))
		return err_set(e, ST_INVALID, "start", _("is before the year 2000"));
	r = check_terms(a, k->kind, &k->hourly_excl, &k->vat_rate, &k->hours, "hours-per-week", e);
	if (r)
		return r;
	return check_skills(a, k, e);
}

/* The client exists, and the linked quote (if any) is one of that client's and not refused. */
static int check_links(app *a, contract *k, cerr *e)
{
	free(k->client_name);
	k->client_name = NULL;
	int r = db_offer_client(a->db, k->client_id, &k->client_name, NULL, e);
	if (r)
		return r == ST_NOT_FOUND ? ST_INVALID : r;
	free(k->quote_number);
	k->quote_number = NULL;
	if (!k->quote_id)
		return ST_OK;
	quote q;
	quote_init(&q);
	r = db_quote_get(a->db, k->quote_id, &q, e);
	if (r == ST_NOT_FOUND)
		r = ST_INVALID;
	if (!r && q.client_id != k->client_id)
		r = err_set(e, ST_INVALID, "quote", _("quote %s is for another client"), q.number);
	if (!r && q.status == QUOTE_REFUSED)
		r = err_set(e, ST_INVALID, "quote", _("quote %s was refused"), q.number);
	if (!r)
		k->quote_number = xstrdup(q.number);
	quote_free(&q);
	return r;
}

static int check_sign(const contract *k, cerr *e)
{
	switch (k->status) {
	case CONTRACT_DRAFT:
		break;
	case CONTRACT_ENDED:
		return err_set(e, ST_CONFLICT, "contract", _("contract %s was ended"), k->number);
	case CONTRACT_WITHDRAWN:
		return err_set(e, ST_CONFLICT, "contract", _("contract %s was withdrawn"),
		               k->number);
	default:
		return err_set(e, ST_CONFLICT, "contract", _("contract %s was already signed"),
		               k->number);
	}
	if (k->kind == CONTRACT_RECURRING && k->hours <= 0)
		return err_set(e, ST_CONFLICT, "contract",
		               _("contract %s has no hours yet: give its schedule or its hours per "
		                 "week"),
		               k->number);
	return ST_OK;
}

/* Can this contract be ended with a notice given on `notice`? */
static int check_end(const contract *k, cday notice, cerr *e)
{
	char day[11];
	if (k->status == CONTRACT_ENDED) {
		fmt_date_human(k->ended_on, day);
		return err_set(e, ST_CONFLICT, "contract", _("contract %s already ends on %s"),
		               k->number, day);
	}
	if (k->status == CONTRACT_WITHDRAWN)
		return err_set(e, ST_CONFLICT, "contract", _("contract %s was withdrawn"),
		               k->number);
	/* A paper contract may be typed in after it was signed: only an unsigned draft is held to
	 * the day it was drawn up. */
	if (k->signed_on == NO_DAY && k->date != NO_DAY && notice < k->date) {
		fmt_date_human(k->date, day);
		return err_set(e, ST_INVALID, "notice", _("is before the contract was drawn up, %s"),
		               day);
	}
	if (k->signed_on != NO_DAY && notice < k->signed_on) {
		fmt_date_human(k->signed_on, day);
		return err_set(e, ST_INVALID, "notice", _("is before the signature, %s"), day);
	}
	return ST_OK;
}

static int check_withdraw(const contract *k, cday on, cerr *e)
{
	char day[11];
	if (k->status == CONTRACT_DRAFT)
		return err_set(e, ST_CONFLICT, "contract", _("contract %s is not signed"),
		               k->number);
	if (k->status == CONTRACT_WITHDRAWN)
		return err_set(e, ST_CONFLICT, "contract", _("contract %s was already withdrawn"),
		               k->number);
	if (k->status == CONTRACT_ENDED)
		return err_set(e, ST_CONFLICT, "contract", _("contract %s was ended"), k->number);
	if (k->withdrawal_end == NO_DAY)
		return err_set(e, ST_CONFLICT, "contract",
		               _("contract %s was signed at the agency: there is no withdrawal "
		                 "period"),
		               k->number);
	if (on < k->signed_on) {
		fmt_date_human(k->signed_on, day);
		return err_set(e, ST_INVALID, "on", _("is before the signature, %s"), day);
	}
	if (on > k->withdrawal_end) {
		fmt_date_human(k->withdrawal_end, day);
		return err_set(e, ST_CONFLICT, "on", _("the withdrawal period ended on %s"), day);
	}
	return ST_OK;
}

int contract_can(const contract *k, int step, cday on, cerr *e)
{
	switch (step) {
	case CONTRACT_EDIT:
	case CONTRACT_SCHEDULE:
		if (k->status != CONTRACT_DRAFT)
			return err_set(e, ST_CONFLICT, "contract",
			               _("a signed contract cannot change: make a new contract"));
		if (step == CONTRACT_SCHEDULE && k->kind != CONTRACT_RECURRING)
			return err_set(e, ST_CONFLICT, "contract",
			               _("only a recurring contract has a weekly schedule"));
		return ST_OK;
	case CONTRACT_SIGN: return check_sign(k, e);
	case CONTRACT_END: return check_end(k, on, e);
	case CONTRACT_WITHDRAW: return check_withdraw(k, on, e);
	default: return err_set(e, ST_INVALID, "step", "%s", _("no such step"));
	}
}

static int frozen(const contract *k, cerr *e)
{
	return contract_can(k, CONTRACT_EDIT, NO_DAY, e);
}

/* The contract's summary fields from its lines: the lines' hours summed, the first line's price
 * and rate (the columns a contract of one service had), and R3 over the lines. */
static void summarise(contract *k, contract_line *lines, size_t n)
{
	int64_t hours = 0;
	for (size_t i = 0; i < n; i++)
		hours += lines[i].hours;
	k->hours = hours;
	if (n) {
		k->hourly_excl = lines[0].hourly_excl;
		k->vat_rate = lines[0].vat_rate;
	}
	k->monthly_incl = contract_lines_monthly(k->kind, lines, n);
}

/* A line's weekly hours are its slots' when it has some (stored when they change); the
 * contract's summary and monthly amount follow (R3). */
static int derive(app *a, contract *k, cerr *e)
{
	contract_line *lines;
	size_t n;
	int r = db_contract_lines(a->db, k->id, &lines, &n, e);
	if (r)
		return r;
	contract_slot *slots = NULL;
	size_t ns = 0;
	if (k->kind == CONTRACT_RECURRING)
		r = db_contract_slots(a->db, k->id, &slots, &ns, e);
	for (size_t i = 0; i < n && !r; i++) {
		int64_t minutes = 0;
		bool any = false;
		for (size_t j = 0; j < ns; j++)
			if (slots[j].line_id == lines[i].id) {
				minutes += contract_slot_minutes(slots[j].starts, slots[j].ends);
				any = true;
			}
		int64_t hours = money_div_round(minutes * 100, 60);
		if (any && hours != lines[i].hours) {
			lines[i].hours = hours;
			r = db_contract_line_update(a->db, &lines[i], e);
		}
	}
	if (!r)
		summarise(k, lines, n);
	contract_slots_free(slots, ns);
	contract_lines_free(lines, n);
	return r;
}

/* What a line holds, as typed, with what it leaves to its service or the settings filled in. */
static int check_line(app *a, int kind, contract_line *l, cerr *e)
{
	str_drop_empty(&l->service_code);
	if (l->label) {
		if (!utf8_valid(l->label))
			return err_set(e, ST_INVALID, "label", _("not valid UTF-8 text"));
		if (strlen(l->label) > 200)
			return err_set(e, ST_INVALID, "label", _("too long (at most %d characters)"),
			               200);
		str_trim(l->label);
		if (!*l->label) {
			free(l->label);
			l->label = NULL;
		}
	}
	if (!l->label && !l->service_code)
		return err_set(e, ST_INVALID, "label", _("give a label or a service"));
	int r = catalogue_line_defaults(a, l->service_code, &l->label, &l->hourly_excl, NULL,
	                                &l->vat_rate, e);
	if (r)
		return r;
	if (l->hourly_excl == NO_CENTS)
		return err_set(e, ST_INVALID, "price", _("give a price or a service"));
	return check_terms(a, kind, &l->hourly_excl, &l->vat_rate, &l->hours,
	                   kind == CONTRACT_ONE_OFF ? "qty" : "hours-per-week", e);
}

/* A service is on one line of a contract at most; lines are bounded. */
static int check_line_fits(const contract_line *l, const contract_line *lines, size_t n, cerr *e)
{
	if (n >= CONTRACT_MAX_LINES)
		return err_set(e, ST_CONFLICT, "contract", _("a contract has at most %d lines"),
		               CONTRACT_MAX_LINES);
	for (size_t i = 0; i < n && l->service_code; i++)
		if (lines[i].service_code && !strcmp(lines[i].service_code, l->service_code))
			return err_set(e, ST_INVALID, "service",
			               _("%s is already a line of this contract"), l->service_code);
	return ST_OK;
}

/* The quote's lines as contract lines. For a one-off contract a quote line's quantity is the
 * hours (or units) in all. For a recurring one it is the hours of a month, as a quote prices a
 * month (R3's threshold is a monthly amount): the contract line's hours a week are that
 * × 12 / 52, rounded to the hundredth (R2). Lines of one service at one price and rate (a
 * morning and an evening visit) make one contract line, their hours summed first; at two
 * prices, or a flat price on a recurring contract, the contract's lines are typed one by
 * one. */
static int lines_of_quote(app *a, int64_t quote_id, int kind, contract_line **out, size_t *nout,
                          cerr *e)
{
	*out = NULL;
	*nout = 0;
	quote_line *ql;
	size_t n;
	int r = db_quote_lines(a->db, quote_id, &ql, &n, e);
	if (r)
		return r;
	if (!n)
		r = err_set(e, ST_INVALID, "quote", _("the quote has no line to make a contract of"));
	contract_line *lines = n ? xcalloc(n, sizeof *lines) : NULL;
	size_t m = 0;
	for (size_t i = 0; i < n && !r; i++) {
		const quote_line *q = &ql[i];
		/* A discount line has a negative price: a contract line has none. */
		if (q->unit_price < 0) {
			r = err_set(e, ST_INVALID, "quote",
			            _("line %d of the quote is a discount: make the contract's lines "
			              "one by one"),
			            q->position);
			break;
		}
		if (kind == CONTRACT_RECURRING && q->unit == UNIT_FLAT) {
			r = err_set(e, ST_INVALID, "quote",
			            _("line %d of the quote is a flat price, not hours: make the "
			              "contract's lines one by one"),
			            q->position);
			break;
		}
		contract_line *same = NULL;
		for (size_t k = 0; k < m && q->service_code; k++)
			if (lines[k].service_code && !strcmp(lines[k].service_code, q->service_code))
				same = &lines[k];
		if (same && (same->hourly_excl != q->unit_price || same->vat_rate != q->vat_rate)) {
			r = err_set(e, ST_INVALID, "quote",
			            _("line %d of the quote has the service %s at another price or "
			              "rate than a line before it: make the contract's lines one by one"),
			            q->position, q->service_code);
			break;
		}
		if (same) {
			/* Several lines of one service: the service's own label (check_line). */
			same->hours += q->qty;
			free(same->label);
			same->label = NULL;
			continue;
		}
		contract_line *l = &lines[m++];
		contract_line_init(l);
		l->service_code = q->service_code ? xstrdup(q->service_code) : NULL;
		l->label = xstrdup(q->label);
		l->hours = q->qty;
		l->hourly_excl = q->unit_price;
		l->vat_rate = q->vat_rate;
	}
	quote_lines_free(ql, n);
	if (r) {
		contract_lines_free(lines, m);
		return r;
	}
	for (size_t k = 0; k < m && kind == CONTRACT_RECURRING; k++)
		lines[k].hours = money_div_round(lines[k].hours * 12, 52);
	*out = lines;
	*nout = m;
	return ST_OK;
}

/* ---- operations ---- */

RECORD_UPDATE(contract_put, contract, db_contract_update);
RECORD_OPS(contract_ops, contract, AREA_CONTRACTS, contract_init, contract_free, db_contract_get,
	   contract_put);
RECORD_BY_NUMBER(contract_by_number, contract, db_contract_by_number)

int contract_create_lines(app *a, contract *k, const contract_line *given, size_t ngiven,
                          bool again, cerr *e)
{
	int r = check_contract(a, k, e);
	if (r)
		return r;
	if (!ngiven && !k->quote_id)
		return err_set(e, ST_INVALID, "price", _("give the contract's price or its quote"));
	if (ngiven > CONTRACT_MAX_LINES)
		return err_set(e, ST_INVALID, "contract", _("a contract has at most %d lines"),
		               CONTRACT_MAX_LINES);
	cday today = app_today(a);
	if ((r = db_begin(a->db, e)))
		return r;
	r = check_links(a, k, e);
	char *before = NULL;
	if (!r && k->quote_id && !again) {
		r = db_contract_of_quote(a->db, k->quote_id, 0, &before, e);
		if (!r && before)
			r = err_set(e, ST_CONFLICT, "quote", _("quote %s already made contract %s"),
			            k->quote_number, before);
		free(before);
	}
	/* The lines, checked one by one against those before them. */
	contract_line *lines = NULL;
	size_t n = 0;
	if (!r && !ngiven) {
		contract_line *copied;
		size_t ncopied;
		r = lines_of_quote(a, k->quote_id, k->kind, &copied, &ncopied, e);
		if (!r) {
			lines = copied;
			ngiven = ncopied;
			given = copied;
		}
	}
	contract_line *checked = ngiven ? xcalloc(ngiven, sizeof *checked) : NULL;
	for (size_t i = 0; i < ngiven && !r; i++) {
		contract_line *l = &checked[i];
		*l = given[i];
		l->service_code = given[i].service_code ? xstrdup(given[i].service_code) : NULL;
		l->label = given[i].label ? xstrdup(given[i].label) : NULL;
		l->id = 0;
		r = check_line(a, k->kind, l, e);
		if (!r)
			r = check_line_fits(l, checked, i, e);
	}
	n = ngiven;
	contract_lines_free(lines, lines ? ngiven : 0);
	int y, m, d, seq = 0;
	cal_ymd(today, &y, &m, &d);
	/* The number is taken in the transaction that stores the contract: gapless. */
	if (!r)
		r = db_next_number(a->db, "C", y, &seq, e);
	if (!r) {
		char number[24];
		contract_number_format(y, seq, number);
		free(k->number);
		k->number = xstrdup(number);
		k->id = 0;
		k->date = today;
		k->status = CONTRACT_DRAFT;
		k->signed_on = k->withdrawal_end = k->notice_on = k->ended_on = k->withdrawn_on =
		    NO_DAY;
		free(k->created_by);
		k->created_by = xstrdup(a->login);
		summarise(k, checked, n);
		r = db_contract_insert(a->db, k, e);
	}
	for (size_t i = 0; i < n && !r; i++) {
		checked[i].contract_id = k->id;
		r = db_contract_line_insert(a->db, &checked[i], e);
	}
	contract_lines_free(checked, n);
	if (r) {
		db_rollback(a->db);
		k->id = 0;
		return r;
	}
	return db_commit(a->db, e);
}

int contract_create(app *a, contract *k, cerr *e)
{
	int r = check_contract(a, k, e);
	if (r)
		return r;
	contract_line l;
	contract_line_init(&l);
	l.label = xstrdup(_("Service"));
	l.hours = k->hours;
	l.hourly_excl = k->hourly_excl;
	l.vat_rate = k->vat_rate;
	r = contract_create_lines(a, k, &l, 1, true, e);
	contract_line_free(&l);
	return r;
}

int contract_of_quote(app *a, int64_t quote_id, char **number, cerr *e)
{
	*number = NULL;
	if (role_check(a, AREA_CONTRACTS, ACCESS_READ, e))
		return ST_DENIED;
	return db_contract_of_quote(a->db, quote_id, 0, number, e);
}

static int do_edit(app *a, void *rec, void *arg, cerr *e)
{
	contract *k = rec;
	const record_edit *ed = arg;
	contract *with = ed->mine;
	int r = frozen(k, e);
	if (r)
		return r;
	with->client_id = k->client_id; /* a contract stays with its client */
	/* What the person changed, and only that, over the contract as stored now. */
	if ((r = record_merge(&contract_record, k, ed->base ? ed->base : k, with, e)))
		return r;
	if ((r = check_links(a, k, e)))
		return r;
	if (k->kind == CONTRACT_ONE_OFF) {
		/* A one-off service has no weekly schedule. */
		contract_slot *slots;
		size_t n;
		if ((r = db_contract_slots(a->db, k->id, &slots, &n, e)))
			return r;
		contract_slots_free(slots, n);
		if (n)
			return err_set(e, ST_CONFLICT, "kind",
			               _("remove the weekly schedule before making it one-off"));
	}
	/* A contract of one service: its price, rate and hours are its line's. */
	contract_line *lines;
	size_t n;
	if ((r = db_contract_lines(a->db, k->id, &lines, &n, e)))
		return r;
	if (n == 1) {
		lines[0].hourly_excl = k->hourly_excl;
		lines[0].vat_rate = k->vat_rate;
		lines[0].hours = k->hours;
		r = db_contract_line_update(a->db, &lines[0], e);
	} else if (k->kind == CONTRACT_ONE_OFF) {
		for (size_t i = 0; i < n && !r; i++)
			if (lines[i].hours == 0) {
				lines[i].hours = 100; /* one flat price */
				r = db_contract_line_update(a->db, &lines[i], e);
			}
	}
	contract_lines_free(lines, n);
	if (r || (r = derive(a, k, e)))
		return r;
	with->hours = k->hours;
	with->monthly_incl = k->monthly_incl;
	return ST_OK;
}

int contract_edit(app *a, const contract *base, contract *k, cerr *e)
{
	int r = check_contract(a, k, e);
	if (r)
		return r;
	record_edit ed = {base, k};
	return record_change(a, &contract_ops, k->id, do_edit, &ed, e);
}

int contract_get(app *a, int64_t id, contract *out, cerr *e)
{
	return record_get(a, &contract_ops, id, out, e);
}

int contract_find(app *a, const char *ref, const char *field, contract *out, cerr *e)
{
	return record_find(a, &contract_ops, contract_by_number, 'C', ref, field, out,
	                   N_("not a contract: give its number (C2026-0001) or its id"), e);
}

int contract_slots_of(app *a, int64_t contract_id, contract_slot **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_CONTRACTS, e, db_contract_slots(a->db, contract_id, rows, n, e));
}

int contract_slot_get(app *a, int64_t slot_id, contract_slot *out, cerr *e)
{
	return role_check(a, AREA_CONTRACTS, ACCESS_READ, e) ? ST_DENIED
							 : db_contract_slot_get(a->db, slot_id, out, e);
}

int contract_skills_required(app *a, const contract *k, char **codes, cerr *e)
{
	*codes = NULL;
	contract_line *lines = NULL;
	size_t n = 0;
	int r = ROLE_READ(a, AREA_CONTRACTS, e, db_contract_lines(a->db, k->id, &lines, &n, e));
	if (r)
		return r;
	char *all = xstrdup(k->skills ? k->skills : "");
	for (size_t i = 0; i < n; i++) {
		char *more = worker_skills_union(all, lines[i].service_code);
		free(all);
		all = more;
	}
	contract_lines_free(lines, n);
	*codes = all;
	return ST_OK;
}

int contract_lines_of(app *a, int64_t contract_id, contract_line **rows, size_t *n, cerr *e)
{
	if (role_check(a, AREA_CONTRACTS, ACCESS_READ, e))
		return ST_DENIED;
	contract k;
	contract_init(&k);
	int r = db_contract_get(a->db, contract_id, &k, e);
	if (!r)
		r = db_contract_lines(a->db, contract_id, rows, n, e);
	if (!r)
		contract_lines_monthly(k.kind, *rows, *n);
	contract_free(&k);
	return r;
}

/* derive, then a recurring contract's lines must fit in a week. */
static int derive_within_week(app *a, contract *k, cerr *e)
{
	int r = derive(a, k, e);
	if (!r && k->kind == CONTRACT_RECURRING && k->hours > CONTRACT_MAX_HOURS)
		r = err_set(e, ST_INVALID, "hours-per-week",
		            _("the contract's lines come to more than a week has"));
	return r;
}

/* Line `number` (1, 2… as `contract show` lists them) of k's lines, or ST_INVALID on "line". */
static int line_numbered(const contract *k, const contract_line *lines, size_t n, int number,
                         const contract_line **out, cerr *e)
{
	if (number < 1 || (size_t)number > n)
		return err_set(e, ST_INVALID, "line", _("contract %s has no line %d (it has %zu)"),
		               k->number, number, n);
	*out = &lines[number - 1];
	return ST_OK;
}

/* Whether a slot of k names line_id. */
static int line_has_slots(app *a, const contract *k, int64_t line_id, bool *yes, cerr *e)
{
	contract_slot *slots;
	size_t ns;
	*yes = false;
	int r = db_contract_slots(a->db, k->id, &slots, &ns, e);
	for (size_t i = 0; !r && i < ns; i++)
		*yes = *yes || slots[i].line_id == line_id;
	contract_slots_free(slots, ns);
	return r;
}

/* The new line l added to k, whose lines are `lines`. */
static int line_insert(app *a, const contract *k, contract_line *l, const contract_line *lines,
                       size_t n, cerr *e)
{
	int r = check_line(a, k->kind, l, e);
	if (!r)
		r = check_line_fits(l, lines, n, e);
	if (r)
		return r;
	l->contract_id = k->id;
	return db_contract_line_insert(a->db, l, e);
}

/* Line `number` (`old`) of a contract's n lines removed: not while weekly slots name it, and
 * never the last one. */
static int line_delete(app *a, const contract_line *old, bool slotted, int number, size_t n,
                       cerr *e)
{
	if (slotted)
		return err_set(e, ST_CONFLICT, "line", _("line %d has weekly slots: remove them first"),
		               number);
	if (n == 1)
		return err_set(e, ST_CONFLICT, "line",
		               _("a contract keeps at least one line: change this one instead"));
	return db_contract_line_delete(a->db, old->id, e);
}

/* Line `number` of k, `old`, changed as `c` says (contract_line_edit). */
static int line_update(app *a, const contract *k, const contract_line *old, bool slotted,
                       int number, const contract_line *c, cerr *e)
{
	int r = ST_OK;
	contract_line l = *old;
	l.service_code = old->service_code ? xstrdup(old->service_code) : NULL;
	l.label = xstrdup(c->label ? c->label : old->label);
	if (c->hours >= 0 && slotted)
		r = err_set(e, ST_INVALID, k->kind == CONTRACT_ONE_OFF ? "qty" : "hours-per-week",
		            _("line %d's hours a week come from its weekly slots"), number);
	if (c->hours >= 0)
		l.hours = c->hours;
	if (c->hourly_excl != NO_CENTS)
		l.hourly_excl = c->hourly_excl;
	if (c->vat_rate >= 0)
		l.vat_rate = c->vat_rate;
	if (!r)
		r = check_line(a, k->kind, &l, e);
	if (!r)
		r = db_contract_line_update(a->db, &l, e);
	contract_line_free(&l);
	return r;
}

/* What a change to a draft's lines is: a line added, or line `number` changed or removed. */
struct line_change {
	contract_line *added;        /* a new line (then number is 0) */
	int number;
	const contract_line *change; /* NULL: remove the line */
};

static int do_line_change(app *a, void *rec, void *arg, cerr *e)
{
	contract *k = rec;
	const struct line_change *x = arg;
	int r = contract_can(k, CONTRACT_EDIT, NO_DAY, e);
	if (r)
		return r;
	contract_line *lines;
	size_t n;
	if ((r = db_contract_lines(a->db, k->id, &lines, &n, e)))
		return r;
	const contract_line *old = NULL;
	bool slotted = false;
	if (x->added) {
		r = line_insert(a, k, x->added, lines, n, e);
	} else {
		r = line_numbered(k, lines, n, x->number, &old, e);
		if (!r)
			r = line_has_slots(a, k, old->id, &slotted, e);
		if (!r)
			r = x->change ? line_update(a, k, old, slotted, x->number, x->change, e)
			              : line_delete(a, old, slotted, x->number, n, e);
	}
	contract_lines_free(lines, n);
	return r ? r : derive_within_week(a, k, e);
}

int contract_line_add(app *a, int64_t contract_id, contract_line *l, cerr *e)
{
	struct line_change x = {l, 0, NULL};
	return record_change(a, &contract_ops, contract_id, do_line_change, &x, e);
}

int contract_line_edit(app *a, int64_t contract_id, int number, const contract_line *change,
                       cerr *e)
{
	struct line_change x = {NULL, number, change};
	return record_change(a, &contract_ops, contract_id, do_line_change, &x, e);
}

int contract_line_remove(app *a, int64_t contract_id, int number, cerr *e)
{
	struct line_change x = {NULL, number, NULL};
	return record_change(a, &contract_ops, contract_id, do_line_change, &x, e);
}

/* The line a new slot names: by its service, by its number as `contract show` lists it (1, 2…)
 * or by its label (a line with no service), or the only one. */
static int slot_line(const contract *k, contract_slot *s, const contract_line *lines, size_t n,
                     cerr *e)
{
	if (!n)
		return err_set(e, ST_CONFLICT, "contract", _("contract %s has no line yet"),
		               k->number);
	const contract_line *found = n == 1 && !s->service_code ? &lines[0] : NULL;
	for (size_t i = 0; i < n && !found && s->service_code; i++)
		if (lines[i].service_code && !strcmp(lines[i].service_code, s->service_code))
			found = &lines[i];
	char *end = NULL;
	long number = s->service_code ? strtol(s->service_code, &end, 10) : 0;
	if (!found && s->service_code && end && !*end && number >= 1 && (size_t)number <= n)
		found = &lines[number - 1];
	for (size_t i = 0; i < n && !found && s->service_code; i++)
		if (!lines[i].service_code && lines[i].label &&
		    !strcasecmp(lines[i].label, s->service_code))
			found = &lines[i];
	if (found) {
		s->line_id = found->id;
		free(s->service_code);
		s->service_code = found->service_code ? xstrdup(found->service_code) : NULL;
		return ST_OK;
	}
	strbuf which = {0};
	for (size_t i = 0; i < n; i++)
		if (lines[i].service_code)
			sb_addf(&which, "%s%s", i ? ", " : "", lines[i].service_code);
		else
			sb_addf(&which, "%s%zu (%s)", i ? ", " : "", i + 1, lines[i].label);
	int r = s->service_code
		    ? err_set(e, ST_INVALID, "service",
		              _("%s is not one of the services of contract %s (%s)"),
		              s->service_code, k->number, sb_str(&which))
		    : err_set(e, ST_INVALID, "service",
		              _("contract %s has several services (%s): say which one"), k->number,
		              sb_str(&which));
	sb_free(&which);
	return r;
}

/* A weekly slot's day and times, as typed. */
static int check_slot_times(const contract_slot *s, cerr *e)
{
	if (s->weekday < 1 || s->weekday > 7)
		return err_set(e, ST_INVALID, "day", _("must be a day of the week, 1 to 7"));
	if (s->starts < 0 || s->starts >= 24 * 60)
		return err_set(e, ST_INVALID, "from", _("not a time of day"));
	if (s->ends < 0 || s->ends >= 24 * 60)
		return err_set(e, ST_INVALID, "to", _("not a time of day"));
	if (s->ends == s->starts)
		return err_set(e, ST_INVALID, "to",
		               _("must not be the start (an end before the start is the next day)"));
	return ST_OK;
}

/* Slot s among k's other slots: it overlaps none of them (the slot of id `replacing`, which s
 * takes the place of, aside), and a new one (replacing 0) makes no more than the most. */
static int check_slot_fits(app *a, const contract *k, const contract_slot *s, int64_t replacing,
                           cerr *e)
{
	contract_slot *slots;
	size_t n;
	int r = db_contract_slots(a->db, k->id, &slots, &n, e);
	if (r)
		return r;
	if (!replacing && n >= CONTRACT_MAX_SLOTS)
		r = err_set(e, ST_CONFLICT, "contract", _("a schedule has at most %d slots"),
		            CONTRACT_MAX_SLOTS);
	for (size_t i = 0; i < n && !r; i++) {
		if (slots[i].id == replacing || !contract_slots_overlap(&slots[i], s))
			continue;
		char from[6], to[6];
		fmt_clock(slots[i].starts, from);
		fmt_clock(slots[i].ends, to);
		r = err_set(e, ST_INVALID, "from", _("overlaps the slot %s %s-%s"),
		            contract_weekday_label(slots[i].weekday), from, to);
	}
	contract_slots_free(slots, n);
	return r;
}

static int do_slot_add(app *a, void *rec, void *arg, cerr *e)
{
	contract *k = rec;
	contract_slot *s = arg;
	int r = contract_can(k, CONTRACT_SCHEDULE, NO_DAY, e);
	if (r)
		return r;
	contract_line *lines;
	size_t nl;
	if ((r = db_contract_lines(a->db, k->id, &lines, &nl, e)))
		return r;
	r = slot_line(k, s, lines, nl, e);
	contract_lines_free(lines, nl);
	if (r || (r = check_slot_fits(a, k, s, 0, e)))
		return r;
	s->contract_id = k->id;
	if (s->worker_id && (r = visit_require_worker(a, s->worker_id, e)))
		return r;
	if ((r = db_contract_slot_insert(a->db, s, e)))
		return r;
	return derive(a, k, e);
}

int contract_slot_add(app *a, int64_t contract_id, contract_slot *s, cerr *e)
{
	int r = check_slot_times(s, e);
	if (r)
		return r;
	str_drop_empty(&s->service_code);
	return record_change(a, &contract_ops, contract_id, do_slot_add, s, e);
}

static int do_slot_remove(app *a, void *rec, void *arg, cerr *e)
{
	contract *k = rec;
	const contract_slot *gone = arg;
	int r = contract_can(k, CONTRACT_SCHEDULE, NO_DAY, e);
	if (!r)
		r = db_contract_slot_delete(a->db, gone->id, e);
	if (r)
		return r;
	/* Its line's last slot gone: no hours for that line until new ones are given. */
	contract_slot *slots;
	size_t n;
	if ((r = db_contract_slots(a->db, k->id, &slots, &n, e)))
		return r;
	bool left = false;
	for (size_t i = 0; i < n; i++)
		left = left || slots[i].line_id == gone->line_id;
	contract_slots_free(slots, n);
	if (!left && gone->line_id) {
		contract_line *lines;
		size_t nl;
		if ((r = db_contract_lines(a->db, k->id, &lines, &nl, e)))
			return r;
		for (size_t i = 0; i < nl && !r; i++)
			if (lines[i].id == gone->line_id) {
				lines[i].hours = 0;
				r = db_contract_line_update(a->db, &lines[i], e);
			}
		contract_lines_free(lines, nl);
	}
	return r ? r : derive(a, k, e);
}

int contract_slot_remove(app *a, int64_t slot_id, cerr *e)
{
	contract_slot s = {0};
	int r = db_contract_slot_get(a->db, slot_id, &s, e);
	if (!r)
		r = record_change(a, &contract_ops, s.contract_id, do_slot_remove, &s, e);
	contract_slot_free(&s);
	return r;
}

/* A step of k's life on the day *on (arg of a record_change_on step): asked of contract_can,
 * then k takes `status`, and *day the day. */
static int take_step(contract *k, int step, int status, cday *day, const void *on, cerr *e)
{
	cday d = *(const cday *)on;
	int r = contract_can(k, step, d, e);
	if (r)
		return r;
	*day = d;
	k->status = status;
	return ST_OK;
}

static int do_sign(app *a, void *rec, void *arg, cerr *e)
{
	contract *k = rec;
	int r = take_step(k, CONTRACT_SIGN, CONTRACT_SIGNED, &k->signed_on, arg, e);
	if (r)
		return r;
	k->withdrawal_end = contract_withdrawal_end(k->signed_on, k->at_agency,
	                                            (int)settings_int(a, "withdrawal.days"));
	return db_offer_client_activate(a->db, k->client_id, e);
}

int contract_sign(app *a, int64_t id, cday on, cerr *e)
{
	return record_change_on(a, &contract_ops, id, &on, "on", do_sign, e);
}

int contract_quote_status(app *a, const contract *k, bool *required, char **given, cerr *e)
{
	if (role_check(a, AREA_CONTRACTS, ACCESS_READ, e))
		return ST_DENIED;
	*required = false;
	*given = NULL;
	bool asked = false;
	int r = db_offer_client(a->db, k->client_id, NULL, &asked, e);
	if (r)
		return r;
	*required =
	    contract_quote_required(k->monthly_incl, settings_amount(a, "quote.threshold"), asked);
	cday on = k->signed_on != NO_DAY ? k->signed_on : app_today(a);
	return db_quote_given(a->db, k->client_id, k->quote_id, on, given, e);
}

int contract_end_preview(app *a, int64_t id, cday notice, cday *end, cerr *e)
{
	int r = record_day(a, &notice, "notice", e);
	if (r)
		return r;
	contract k;
	contract_init(&k);
	r = db_contract_get(a->db, id, &k, e);
	if (!r)
		r = contract_can(&k, CONTRACT_END, notice, e);
	contract_free(&k);
	if (!r)
		*end = contract_end_date(notice);
	return r;
}

/* What ending or withdrawing a contract hands its step and gets back. */
struct closing {
	cday on;       /* the notice, or the withdrawal */
	cday end;      /* the last day (an end) */
	int cancelled; /* the visits cancelled */
};

static int do_end(app *a, void *rec, void *arg, cerr *e)
{
	contract *k = rec;
	struct closing *x = arg;
	int r = take_step(k, CONTRACT_END, CONTRACT_ENDED, &k->notice_on, &x->on, e);
	if (r)
		return r;
	x->end = k->ended_on = contract_end_date(x->on);
	/* R5: the visits planned after the last day are cancelled (kept, with the reason). */
	return visits_cancel_after(a, k->id, cal_at(x->end + 1, 0), VISIT_REASON_ENDED,
	                           &x->cancelled, e);
}

static int do_withdraw(app *a, void *rec, void *arg, cerr *e)
{
	contract *k = rec;
	struct closing *x = arg;
	int r = take_step(k, CONTRACT_WITHDRAW, CONTRACT_WITHDRAWN, &k->withdrawn_on, &x->on, e);
	if (r)
		return r;
	/* R4: nothing more is done; every visit still to come is cancelled (kept). */
	cminute now = app_now(a);
	return visits_cancel_after(a, k->id, now, VISIT_REASON_WITHDRAWN, &x->cancelled, e);
}

/* Contract `id` ended or withdrawn by `step` on the day `on` (checked as record_day does,
 * naming `field`); *end and *cancelled (each may be NULL) get what the step gave back. */
static int contract_close(app *a, int64_t id, cday on, const char *field,
                          int (*step)(app *a, void *rec, void *arg, cerr *e), cday *end,
                          int *cancelled, cerr *e)
{
	struct closing x = {on, NO_DAY, 0};
	int r = record_change_dated(a, &contract_ops, id, &x.on, field, step, &x, e);
	if (!r && end)
		*end = x.end;
	if (!r && cancelled)
		*cancelled = x.cancelled;
	return r;
}

int contract_end(app *a, int64_t id, cday notice, cday *end, cerr *e)
{
	return contract_end_counting(a, id, notice, end, NULL, e);
}

int contract_end_counting(app *a, int64_t id, cday notice, cday *end, int *cancelled, cerr *e)
{
	return contract_close(a, id, notice, "notice", do_end, end, cancelled, e);
}

int contract_withdraw(app *a, int64_t id, cday on, cerr *e)
{
	return contract_withdraw_counting(a, id, on, NULL, e);
}

int contract_withdraw_counting(app *a, int64_t id, cday on, int *cancelled, cerr *e)
{
	return contract_close(a, id, on, "on", do_withdraw, NULL, cancelled, e);
}

int contract_page(app *a, const contract_filter *f, const contract *from, bool backward,
                  int limit, contract **rows, size_t *n, cerr *e)
{
	return role_check(a, AREA_CONTRACTS, ACCESS_READ, e)
	           ? ST_DENIED
	           : db_contracts_page(a->db, f, from, backward, limit, rows, n, e);
}

int contract_each(app *a, const contract_filter *f, int (*fn)(const contract *k, void *arg),
                  void *arg, cerr *e)
{
	return ROLE_READ(a, AREA_CONTRACTS, e, db_contracts_each(a->db, f, fn, arg, e));
}

/* A contract's and a slot's fields as the history shows them. */
/* How this area's events read in a client's history (client.c gathers every area's). */
const history_kind contract_history_kinds[] = {
	{"contract", "written", N_("Contract"), N_("%s contract drawn up"), "w--"},
	{"contract", "signed", N_("Contract"), N_("%s contract signed"), "w--"},
	{"contract", "started", N_("Contract"), N_("start of the %s contract"), "w--"},
	{"contract", "withdrawn", N_("Contract"), N_("the client withdrew from the %s contract"),
	 "w--"},
	{"contract", "notice", N_("Contract"),
	 N_("the client gave notice to end the %s contract (last day %s)"), "wd-"},
	{"contract", "ended", N_("Contract"), N_("end of the %s contract"), "w--"},
	{NULL, NULL, NULL, NULL, ""},
};

/* This area's charter findings (audit.c gathers every area's; db/findings.c has their queries). */
const audit_rule contract_rules[] = {
	{"O2", "quote-missing", "contract", N_("a quote over 100 € or on request"),
	 N_("%s: signed on %s with no quote given before (%s incl. VAT)"),
	 {"contracts", "clients", "quotes", "settings"}, AUDIT_UNTIMED},
	{"O4", "contract-unsigned", "contract", N_("recurring services under a signed contract"),
	 N_("%s: recurring contract started on %s and not signed%s"),
	 {"contracts", "clients", "visits"}, AUDIT_BY_DAY},
	{NULL, NULL, NULL, NULL, NULL, {NULL}, AUDIT_UNTIMED},
};

/* contract-unsigned: the client, the start, and how many visits are planned or done. */
static char *describe_unsigned(const app *a, const char *const cols[3])
{
	(void)a;
	long n = strtol(cols[2], NULL, 10);
	if (n <= 0)
		return xasprintf(_("%s: recurring contract started on %s and not signed%s"), cols[0],
		                 cols[1], "");
	return xasprintf(ngettext("%s: recurring contract (start %s) not signed, with %ld visit "
	                          "planned or done",
	                          "%s: recurring contract (start %s) not signed, with %ld visits "
	                          "planned or done",
	                          (unsigned long)n),
	                 cols[0], cols[1], n);
}

/* The words of the findings a format cannot say. */
const audit_detail contract_details[] = {
	{"contract-unsigned", describe_unsigned},
	{NULL, NULL},
};

RECORD_DESC(contract_record, "contracts",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("number", N_("Number"), FIELD_TEXT),
	    COLUMN("client_id", N_("Client no."), FIELD_TEXT),
	    EDITED("quote_id", N_("Quote no."), FIELD_TEXT, contract, quote_id),
	    ENUM_EDITED("kind", N_("Kind"), &contract_kinds, contract, kind),
	    COLUMN("date", N_("Date"), FIELD_DATE),
	    EDITED("start", N_("Start"), FIELD_DATE, contract, start),
	    EDITED("hourly_price_excl", N_("Hourly price excl. VAT"), FIELD_MONEY, contract, hourly_excl),
	    EDITED("vat_rate", N_("VAT rate"), FIELD_RATE, contract, vat_rate),
	    EDITED("hours", N_("Hours"), FIELD_HOURS, contract, hours),
	    EDITED("skills", N_("Skills required besides its services"), FIELD_TEXT, contract, skills),
	    COLUMN("signed_on", N_("Signed on"), FIELD_DATE),
	    EDITED("at_agency", N_("Signed at the agency"), FIELD_FLAG, contract, at_agency),
	    EDITED("express_start", N_("Start asked within the withdrawal period"), FIELD_FLAG, contract, express_start),
	    COLUMN("withdrawal_end", N_("End of the withdrawal period"), FIELD_DATE),
	    COLUMN("notice_on", N_("Notice given on"), FIELD_DATE),
	    COLUMN("ended_on", N_("Ends on"), FIELD_DATE),
	    COLUMN("withdrawn_on", N_("Withdrawn on"), FIELD_DATE),
	    ENUM_COLUMN("status", N_("Status"), &contract_statuses),
	    COLUMN("monthly_incl", N_("Monthly amount incl. VAT"), FIELD_MONEY),
	    COLUMN("created_by", N_("Written by"), FIELD_STAFF),
	    EDITED("skip_holidays", N_("No visits on public holidays"), FIELD_FLAG, contract, skip_holidays),
	    EDITED("notes", N_("Notes"), FIELD_TEXT, contract, notes));

RECORD_DESC(contract_slot_record, "contract_slots",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("contract_id", N_("Contract no."), FIELD_TEXT),
	    COLUMN("weekday", N_("Day"), FIELD_WEEKDAY),
	    COLUMN("starts", N_("From"), FIELD_TEXT),
	    COLUMN("ends", N_("To"), FIELD_TEXT),
	    COLUMN("service_code", N_("Service"), FIELD_TEXT),
	    COLUMN("line_id", N_("Contract line no."), FIELD_TEXT),
	    COLUMN("worker_id", N_("Worker no."), FIELD_TEXT));

RECORD_DESC(contract_line_record, "contract_lines",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("contract_id", N_("Contract no."), FIELD_TEXT),
	    COLUMN("position", N_("Line"), FIELD_TEXT),
	    COLUMN("service_code", N_("Service"), FIELD_TEXT),
	    COLUMN("label", N_("Label"), FIELD_TEXT),
	    COLUMN("hours", N_("Hours"), FIELD_HOURS),
	    COLUMN("hourly_price_excl", N_("Hourly price excl. VAT"), FIELD_MONEY),
	    COLUMN("vat_rate", N_("VAT rate"), FIELD_RATE));

/* ---- R4: a start within the withdrawal period (issue 7) ---- */

bool contract_starts_early(const contract *k, cday withdrawal_end)
{
	return !k->express_start && !k->at_agency && withdrawal_end != NO_DAY &&
	       k->start != NO_DAY && k->start <= withdrawal_end;
}

static int do_express(app *a, void *rec, void *arg, cerr *e)
{
	(void)arg;
	contract *k = rec;
	int now = contract_status_on(k, app_today(a));
	if (now != CONTRACT_DRAFT && now != CONTRACT_SIGNED)
		return err_set(e, ST_CONFLICT, "contract",
		               _("contract %s is no longer a draft or signed: the request is "
		                 "recorded before the service starts"),
		               k->number);
	k->express_start = true;
	return ST_OK;
}

int contract_record_express(app *a, int64_t id, cerr *e)
{
	return record_change(a, &contract_ops, id, do_express, NULL, e);
}

/* ---- the schedule of a running contract, and its planning options (issue 8) ---- */

/* A running contract's schedule and options change until it is over (withdrawn, or ended before
 * today). */
static int check_not_over(app *a, const contract *k, cerr *e)
{
	if (k->status == CONTRACT_WITHDRAWN ||
	    (k->status == CONTRACT_ENDED && k->ended_on < app_today(a)))
		return err_set(e, ST_CONFLICT, "contract", _("contract %s is over"), k->number);
	return ST_OK;
}

struct slot_edit_arg {
	contract_slot *with;
	int changed;
};

static int do_slot_edit(app *a, void *rec, void *arg, cerr *e)
{
	contract *k = rec;
	struct slot_edit_arg *x = arg;
	contract_slot *with = x->with;
	int r = check_not_over(a, k, e);
	if (r)
		return r;
	contract_slot cur = {0};
	r = db_contract_slot_get(a->db, with->id, &cur, e);
	if (!r && cur.contract_id != k->id)
		r = err_set(e, ST_NOT_FOUND, "slot", _("no schedule slot %lld"), (long long)with->id);
	/* A signed contract keeps its hours: a slot moves, it does not grow or shrink. */
	if (!r && k->status != CONTRACT_DRAFT &&
	    contract_slot_minutes(with->starts, with->ends) !=
	        contract_slot_minutes(cur.starts, cur.ends)) {
		char len[24];
		fmt_hundredths_human(contract_slot_hours(cur.starts, cur.ends), len);
		r = err_set(e, ST_INVALID, "to",
		            _("a signed contract keeps its hours: the slot must stay %s h long"), len);
	}
	if (!r && with->worker_id && with->worker_id != cur.worker_id)
		r = visit_require_worker(a, with->worker_id, e);
	if (!r)
		r = check_slot_fits(a, k, with, cur.id, e);
	if (!r) {
		cur.weekday = with->weekday;
		cur.starts = with->starts;
		cur.ends = with->ends;
		cur.worker_id = with->worker_id;
		r = db_contract_slot_update(a->db, &cur, e);
	}
	if (!r && k->status == CONTRACT_DRAFT)
		r = derive(a, k, e);
	/* The visits not yet done follow the slot. */
	if (!r)
		r = visits_follow_slot(a, k, &cur, &x->changed, e);
	contract_slot_free(&cur);
	return r;
}

int contract_slot_edit(app *a, contract_slot *s, int *visits_changed, cerr *e)
{
	if (visits_changed)
		*visits_changed = 0;
	int r = check_slot_times(s, e);
	if (r)
		return r;
	contract_slot cur = {0};
	r = db_contract_slot_get(a->db, s->id, &cur, e);
	struct slot_edit_arg x = {s, 0};
	if (!r)
		r = record_change(a, &contract_ops, cur.contract_id, do_slot_edit, &x, e);
	contract_slot_free(&cur);
	if (!r && visits_changed)
		*visits_changed = x.changed;
	return r;
}

struct options_arg {
	const contract *base, *mine;
	int changed;
};

static int do_options(app *a, void *rec, void *arg, cerr *e)
{
	contract *k = rec;
	struct options_arg *x = arg;
	int r = check_not_over(a, k, e);
	if (r)
		return r;
	bool was = k->skip_holidays;
	r = record_merge(&contract_record, k, x->base ? x->base : k, x->mine, e);
	if (!r)
		r = check_skills(a, k, e);
	if (!r && was != k->skip_holidays)
		r = visits_follow_holidays(a, k, &x->changed, e);
	return r;
}

int contract_set_options(app *a, const contract *base, const contract *mine, int *visits_changed,
                         cerr *e)
{
	int r = role_check(a, AREA_CONTRACTS, ACCESS_WRITE, e);
	if (r)
		return r;
	struct options_arg x = {base, mine, 0};
	r = record_change(a, &contract_ops, mine->id, do_options, &x, e);
	if (!r && visits_changed)
		*visits_changed = x.changed;
	return r;
}
