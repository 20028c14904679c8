/* view_today.c — the Today area, the desk's dashboard: overdue callbacks first, then the
 * callbacks due today, then the documentation to send, each with its count; then the charter's
 * findings grouped by promise, with counts and the first few of each (Enter opens the record to
 * fix). The calls are indexed queries with a limit: drawn at once, as fast on ten years of data
 * as on an empty file. The findings take one COUNT per promise, which on a big file scans the
 * clients and contracts: they are read in the first pause after the screen shows (settle), and
 * again in the pause after each change, the rows of the last check staying on screen meanwhile. */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "charte/audit.h"
#include "charte/call.h"
#include "charte/calendar.h"
#include "charte/contract.h"
#include "charte/quote.h"
#include "tui.h"

#define SECTION_LIMIT 100 /* rows shown per section; the count then says "100+" */
#define FINDINGS_SHOWN 5  /* findings shown per promise; the count says how many there are */

enum { SEC_OVERDUE, SEC_DUE_TODAY, SEC_DOCS, SEC_FINDINGS, SEC_COUNT };
enum {
	ROW_HEADING,
	ROW_CALL,
	ROW_NONE,
	ROW_RULE,    /* a promise with findings: its code, its words, its count */
	ROW_FINDING, /* one breach, to open */
	ROW_MORE,    /* how many more than shown */
	ROW_ERROR,   /* the findings could not be read: why */
	ROW_CHECKING, /* not read yet */
};

typedef struct today_row {
	int kind;
	int section;
	size_t count; /* ROW_HEADING: rows in the section */
	bool more;    /* ROW_HEADING: more than SECTION_LIMIT; of the findings: not read yet */
	call c;       /* ROW_CALL */
	size_t rule;  /* ROW_RULE, ROW_FINDING, ROW_MORE: index in audit_rules() */
	int64_t n;    /* ROW_RULE: its findings; ROW_MORE: those not shown */
	int64_t row_id;   /* ROW_FINDING: the record */
	char *detail;     /* ROW_FINDING, ROW_ERROR */
} today_row;

typedef struct today {
	app *a;
	list l;
	cminute now; /* when the rows were read */
	today_row *findings; /* the section of the findings, as last read (NULL: not yet) */
	size_t nfindings;
} today;

static const enum action today_actions[] = {
	ACT_OPEN,      ACT_CALLED_BACK, ACT_DOC_SENT, ACT_SEARCH, ACT_EDIT,
	ACT_CANCEL_CALL, ACT_ADD,       ACT_UP,       ACT_DOWN,   ACT_PAGE_UP,
	ACT_PAGE_DOWN, ACT_HOME,        ACT_END,      ACT_NONE,
};

/* On a charter finding only opening it makes sense. */
static const enum action finding_actions[] = {
	ACT_OPEN,      ACT_SEARCH, ACT_ADD, ACT_UP,   ACT_DOWN, ACT_PAGE_UP,
	ACT_PAGE_DOWN, ACT_HOME,   ACT_END, ACT_NONE,
};

static void push_row(today_row **rows, size_t *n, size_t *cap, today_row r)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		*rows = xrealloc(*rows, *cap * sizeof **rows);
	}
	(*rows)[(*n)++] = r;
}

/* A heading, then the calls (taken over), or a "nothing" line. */
static void add_section(today_row **rows, size_t *n, size_t *cap, int section, call *calls,
			size_t ncalls)
{
	bool more = ncalls > SECTION_LIMIT;
	size_t shown = more ? SECTION_LIMIT : ncalls;
	push_row(rows, n, cap, (today_row){.kind = ROW_HEADING, .section = section, .count = shown, .more = more});
	for (size_t i = 0; i < shown; i++)
		push_row(rows, n, cap, (today_row){.kind = ROW_CALL, .section = section, .c = calls[i]});
	for (size_t i = shown; i < ncalls; i++)
		call_free(&calls[i]);
	free(calls);
	if (!shown)
		push_row(rows, n, cap, (today_row){.kind = ROW_NONE, .section = section});
}

struct finding_rows {
	today_row **rows;
	size_t *n, *cap;
	size_t rule;
};

static int add_finding(const finding *fd, void *arg)
{
	struct finding_rows *fr = arg;
	today_row r = {.kind = ROW_FINDING,
		       .section = SEC_FINDINGS,
		       .rule = fr->rule,
		       .row_id = fd->row_id,
		       .detail = xstrdup(fd->detail ? fd->detail : "")};
	push_row(fr->rows, fr->n, fr->cap, r);
	return 0;
}

/* The charter's findings: a heading with their total, then each promise that has some, with
 * its first few. A failure shows as a line: the calls above matter more. */
static void read_findings(today *td, today_row **rows, size_t *n, size_t *cap)
{
	size_t nrules;
	const audit_rule *rules = audit_rules(&nrules);
	int64_t *counts = xcalloc(nrules, sizeof *counts), total = 0;
	cerr e;
	err_clear(&e);
	int r = audit_counts(td->a, counts, &e);
	for (size_t i = 0; i < nrules && !r; i++)
		total += counts[i];
	size_t heading = *n;
	push_row(rows, n, cap, (today_row){.kind = ROW_HEADING, .section = SEC_FINDINGS, .count = (size_t)total});
	for (size_t i = 0; i < nrules && !r; i++) {
		if (!counts[i])
			continue;
		push_row(rows, n, cap,
			 (today_row){.kind = ROW_RULE, .section = SEC_FINDINGS, .rule = i,
				     .n = counts[i]});
		if (!strcmp(rules[i].entity, "call"))
			continue; /* the calls are the sections above: counted, not listed twice */
		struct finding_rows fr = {rows, n, cap, i};
		size_t before = *n;
		r = audit_run_rule(td->a, rules[i].slug, FINDINGS_SHOWN, add_finding, &fr, &e);
		int64_t shown = (int64_t)(*n - before);
		if (!r && counts[i] > shown)
			push_row(rows, n, cap,
				 (today_row){.kind = ROW_MORE, .section = SEC_FINDINGS, .rule = i,
					     .n = counts[i] - shown});
	}
	free(counts);
	if (r) {
		(*rows)[heading].count = 0;
		push_row(rows, n, cap,
			 (today_row){.kind = ROW_ERROR, .section = SEC_FINDINGS,
				     .detail = xstrdup(*e.msg ? e.msg : _("something went wrong"))});
	} else if (!total) {
		push_row(rows, n, cap, (today_row){.kind = ROW_NONE, .section = SEC_FINDINGS});
	}
}

static void free_row(void *row);

static void forget_findings(today *td)
{
	for (size_t i = 0; i < td->nfindings; i++)
		free_row(&td->findings[i]);
	free(td->findings);
	td->findings = NULL;
	td->nfindings = 0;
}

/* Read the findings now, for the next fetch. */
static void check_charter(today *td)
{
	today_row *rows = NULL;
	size_t n = 0, cap = 0;
	read_findings(td, &rows, &n, &cap);
	forget_findings(td);
	td->findings = rows;
	td->nfindings = n;
}

/* The findings as last read (copies), or a line saying they are being read. */
static void add_findings(today *td, today_row **rows, size_t *n, size_t *cap)
{
	if (!td->findings) {
		push_row(rows, n, cap,
			 (today_row){.kind = ROW_HEADING, .section = SEC_FINDINGS, .more = true});
		push_row(rows, n, cap, (today_row){.kind = ROW_CHECKING, .section = SEC_FINDINGS});
		return;
	}
	for (size_t i = 0; i < td->nfindings; i++) {
		today_row r = td->findings[i];
		r.detail = r.detail ? xstrdup(r.detail) : NULL;
		push_row(rows, n, cap, r);
	}
}

/* The whole dashboard at once: it is small by construction (limited lists). */
static int fetch(void *ctx, const void *from, bool backward, int limit, void **out, size_t *n,
		 cerr *e)
{
	today *td = ctx;
	(void)backward;
	(void)limit;
	*out = NULL;
	*n = 0;
	if (from)
		return ST_OK;
	td->now = app_now(td->a);
	cminute tomorrow = cal_at(cal_day_of(td->now) + 1, 0);
	call *lists[SEC_FINDINGS] = {NULL};
	size_t counts[SEC_FINDINGS] = {0};
	int r = call_overdue(td->a, SECTION_LIMIT + 1, &lists[0], &counts[0], e);
	if (!r)
		r = call_due_between(td->a, td->now, tomorrow, SECTION_LIMIT + 1, &lists[1],
					 &counts[1], e);
	if (!r)
		r = call_docs_pending(td->a, SECTION_LIMIT + 1, &lists[2], &counts[2], e);
	if (r) {
		for (int s = 0; s < SEC_FINDINGS; s++)
			calls_free(lists[s], counts[s]);
		return r;
	}
	today_row *rows = NULL;
	size_t cap = 0;
	for (int s = 0; s < SEC_FINDINGS; s++)
		add_section(&rows, n, &cap, s, lists[s], counts[s]);
	add_findings(td, &rows, n, &cap);
	*out = rows;
	return ST_OK;
}

static void free_row(void *row)
{
	today_row *r = row;
	if (r->kind == ROW_CALL)
		call_free(&r->c);
	free(r->detail);
}

static bool same(const void *a, const void *b)
{
	const today_row *x = a, *y = b;
	if (x->kind != y->kind || x->section != y->section)
		return false;
	if (x->kind == ROW_CALL)
		return x->c.id == y->c.id;
	if (x->kind == ROW_FINDING)
		return x->rule == y->rule && x->row_id == y->row_id;
	return x->rule == y->rule;
}

static bool selectable(const void *row)
{
	int kind = ((const today_row *)row)->kind;
	return kind == ROW_CALL || kind == ROW_FINDING;
}

static const char *section_title(int section)
{
	switch (section) {
	case SEC_OVERDUE: return _("Overdue callbacks");
	case SEC_DUE_TODAY: return _("Callbacks due today");
	case SEC_DOCS: return _("Documentation to send");
	default: return _("Charter findings");
	}
}

/* "A quote over 100 € or on request": the promise's words begin a line. */
static char *capitalised(const char *s)
{
	wchar_t first;
	mbstate_t st = {0};
	size_t len = mbrtowc(&first, s, strlen(s), &st);
	if (len == 0 || len == (size_t)-1 || len == (size_t)-2)
		return xstrdup(s);
	char up[8] = {0};
	mbstate_t st2 = {0};
	size_t ulen = wcrtomb(up, (wchar_t)towupper((wint_t)first), &st2);
	if (ulen == (size_t)-1)
		return xstrdup(s);
	return xasprintf("%.*s%s", (int)ulen, up, s + len);
}

/* The lines of the findings section. */
static bool draw_finding_row(const today_row *tr, rect r, bool selected)
{
	size_t nrules;
	const audit_rule *rules = audit_rules(&nrules);
	const audit_rule *rule = tr->rule < nrules ? &rules[tr->rule] : NULL;
	switch (tr->kind) {
	case ROW_RULE: {
		char *promise = capitalised(_(rule->promise));
		char *text = !strcmp(rule->entity, "call")
				     ? xasprintf(_("%s  %s — %lld, listed above"), rule->code, promise,
						 (long long)tr->n)
				     : xasprintf("%s  %s — %lld", rule->code, promise, (long long)tr->n);
		draw_text(r.y, r.x + 3, r.w - 3, text, style_attr(S_LABEL) | A_BOLD);
		free(text);
		free(promise);
		return true;
	}
	case ROW_FINDING: {
		attr_t attr = style_row(S_NORMAL, selected);
		draw_fill(r.y, r.x, r.w, attr);
		draw_text(r.y, r.x + 5, r.w - 6, tr->detail, attr);
		return true;
	}
	case ROW_MORE: {
		char *text = xasprintf(_("… and %lld more (charte audit lists them all)"),
				       (long long)tr->n);
		draw_text(r.y, r.x + 5, r.w - 6, text, style_attr(S_DIM));
		free(text);
		return true;
	}
	case ROW_CHECKING:
		draw_text(r.y, r.x + 3, r.w - 3, _("checking the charter…"), style_attr(S_DIM));
		return true;
	case ROW_ERROR: {
		char *text = xasprintf(_("The findings could not be read: %s"), tr->detail);
		draw_text(r.y, r.x + 3, r.w - 3, text, style_attr(S_ERROR));
		free(text);
		return true;
	}
	default:
		return false;
	}
}

/* Column widths: when, caller, phone, subject (the rest). */
static void columns(int w, int *cw, int *pw, int *sw)
{
	*pw = 14;
	*cw = (w - 17 - *pw - 3) / 2;
	if (*cw > 30)
		*cw = 30;
	*sw = w - 17 - *cw - 1 - *pw - 2;
}

static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	today *td = ctx;
	const today_row *tr = row;
	if (tr->kind == ROW_HEADING) {
		char *text = tr->more && tr->section == SEC_FINDINGS
				     ? xstrdup(section_title(tr->section))
			     : tr->more ? xasprintf("%s (%zu+)", section_title(tr->section), tr->count)
					: xasprintf("%s (%zu)", section_title(tr->section), tr->count);
		draw_text(r.y, r.x + 1, r.w - 1, text, style_attr(S_HEADER));
		free(text);
		return;
	}
	if (tr->kind == ROW_NONE) {
		draw_text(r.y, r.x + 3, r.w - 3,
			  tr->section == SEC_FINDINGS ? _("none: every promise checked is kept")
						      : _("nothing"),
			  style_attr(S_DIM));
		return;
	}
	if (draw_finding_row(tr, r, selected))
		return;
	const call *c = &tr->c;
	enum style st = S_NORMAL;
	cminute when = c->due;
	if (tr->section == SEC_OVERDUE)
		st = S_OVERDUE;
	else if (tr->section == SEC_DUE_TODAY)
		st = S_DUE_TODAY;
	else {
		when = c->doc_due;
		st = when != NO_MINUTE && when < td->now ? S_OVERDUE : S_NORMAL;
	}
	attr_t attr = style_row(st, selected);
	int cw, pw, sw;
	columns(r.w - 3, &cw, &pw, &sw);
	char at[17], phone[32];
	fmt_datetime_human(when, at);
	tui_fmt_phone(c->phone, phone);
	int x = r.x;
	draw_fill(r.y, x, r.w, attr);
	x += 3;
	draw_cell(r.y, x, 16, at, attr);
	x += 17;
	draw_cell(r.y, x, cw, c->caller, attr);
	x += cw + 1;
	draw_cell(r.y, x, pw, phone, attr);
	x += pw + 1;
	draw_cell(r.y, x, sw, c->subject, attr);
}

static const struct list_ops today_list = {
	.row_size = sizeof(today_row),
	.fetch = fetch,
	.free_row = free_row,
	.same = same,
	.selectable = selectable,
	.draw = draw_row,
};

static int open_today(tui *t, view *v, void *arg, cerr *e)
{
	today *td = xcalloc(1, sizeof *td);
	td->a = tui_app(t);
	list_init(&td->l, &today_list, td);
	int r = list_load(&td->l, e);
	if (r) {
		list_free(&td->l);
		free(td);
		return r;
	}
	v->data = td;
	v->pending = true; /* the findings, once the screen shows */
	return ST_OK;
}

static void reload(tui *t, view *v)
{
	today *td = v->data;
	cerr e;
	err_clear(&e);
	if (list_reload(&td->l, &e))
		tui_error(t, &e);
	v->pending = true; /* the findings again, in the next pause */
}

static void settle(tui *t, view *v)
{
	today *td = v->data;
	check_charter(td);
	cerr e;
	err_clear(&e);
	if (list_reload(&td->l, &e))
		tui_error(t, &e);
}

static void draw(tui *t, view *v, rect r)
{
	today *td = v->data;
	draw_text(r.y, 1, r.w - 2, _("The front desk: what needs doing today"),
		  style_attr(S_HEADER));
	int cw, pw, sw;
	columns(r.w - 3, &cw, &pw, &sw);
	attr_t h = style_attr(S_DIM);
	draw_text(r.y + 1, 3, 16, _("Due by"), h);
	draw_text(r.y + 1, 3 + 17, cw, _("Caller"), h);
	draw_text(r.y + 1, 3 + 17 + cw + 1, pw, _("Phone"), h);
	draw_text(r.y + 1, 3 + 17 + cw + 1 + pw + 1, sw, _("Subject"), h);
	list_draw(&td->l, (rect){r.y + 2, r.x, r.h - 2, r.w});
}

/* The record a finding is about, to fix: a call's page, a client's file (on the Needs tab when
 * the analysis is missing), a quote's or a contract's page. */
static void open_finding(tui *t, const today_row *row)
{
	size_t nrules;
	const audit_rule *rule = &audit_rules(&nrules)[row->rule];
	int64_t id = row->row_id;
	if (!strcmp(rule->entity, "call")) {
		call c;
		call_init(&c);
		c.id = id;
		call_act_open(t, &c);
	} else if (!strcmp(rule->entity, "client")) {
		client_act_open(t, id,
				!strcmp(rule->slug, "needs-missing") ? CLIENT_TAB_NEEDS
								     : CLIENT_TAB_FILE);
	} else if (!strcmp(rule->entity, "quote")) {
		tui_push(t, &view_quote_ops, &id);
	} else if (!strcmp(rule->entity, "contract")) {
		tui_push(t, &view_contract_ops, &id);
	} else {
		tui_msg(t, "%s", _("This finding has no screen yet: see charte audit"));
	}
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	today *td = v->data;
	const today_row *row = list_selected(&td->l);
	if (row && row->kind == ROW_FINDING && act == ACT_OPEN) {
		open_finding(t, row);
		return TK_DONE;
	}
	const call *c = row && row->kind == ROW_CALL ? &row->c : NULL;
	cerr e;
	switch (act) {
	case ACT_ADD:
		if (tui_may(t, AREA_CALLS))
			tui_push(t, &view_call_form_ops, NULL);
		return TK_DONE;
	case ACT_SEARCH: { /* searching is the call list's: go there and start typing */
		view *calls = tui_goto(t, &view_calls_ops);
		if (calls)
			calls->ops->key(t, calls, k, ACT_SEARCH);
		return TK_DONE;
	}
	default:
		if (call_act(t, c, act, _("Nothing to do today: no call is selected")) == TK_DONE)
			return TK_DONE;
		if (list_key(&td->l, act, &e) == TK_PASS)
			return TK_PASS;
		if (e.code)
			tui_error(t, &e);
		return TK_DONE;
	}
}

static const enum action *mode(view *v, bool *text_input)
{
	today *td = v->data;
	const today_row *row = list_selected(&td->l);
	*text_input = false;
	return row && row->kind == ROW_FINDING ? finding_actions : today_actions;
}

static void close_today(tui *t, view *v)
{
	today *td = v->data;
	list_free(&td->l);
	forget_findings(td);
	free(td);
}

const struct view_ops view_today_ops = {
	.name = "today",
	.title = N_("Today"),
	.actions = today_actions,
	.open = open_today,
	.draw = draw,
	.key = key,
	.reload = reload,
	.mode = mode,
	.settle = settle,
	.close = close_today,
};
