/* view_today_findings.c — Today's section of the charter's findings, grouped by promise: each
 * promise that has some, with its count and its first few (Enter opens the record to fix,
 * through the area that opens that kind of record). One COUNT per promise scans the clients and
 * contracts of a big file: they are read in the first pause after Today shows (settle), and
 * again in the pause after each change, the lines of the last check staying meanwhile. A
 * promise about records whose area has its own sections of Today is counted, not listed twice. */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "charte/audit.h"
#include "areas.h"
#include "today.h"

#define FINDINGS_SHOWN 5 /* findings shown per promise; the count says how many there are */

enum { LINE_RULE, LINE_FINDING, LINE_MORE, LINE_ERROR, LINE_CHECKING };

typedef struct finding_line {
	int kind;
	size_t rule;    /* LINE_RULE, LINE_FINDING, LINE_MORE: index in audit_rules() */
	int64_t n;      /* LINE_RULE: its findings; LINE_MORE: those not shown */
	int64_t row_id; /* LINE_FINDING: the record */
	char *detail;   /* LINE_FINDING, LINE_ERROR */
} finding_line;

typedef struct findings {
	finding_line *lines; /* NULL: not read yet */
	size_t n, cap;
	int64_t total;
	bool read;
} findings;

static void push(findings *f, finding_line l)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 32;
		f->lines = xrealloc(f->lines, f->cap * sizeof *f->lines);
	}
	f->lines[f->n++] = l;
}

static void forget(findings *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->lines[i].detail);
	free(f->lines);
	*f = (findings){0};
}

static void *open_section(const struct today_section *sec, app *a)
{
	(void)sec, (void)a;
	return xcalloc(1, sizeof(findings));
}

static void close_section(void *st)
{
	forget(st);
	free(st);
}

struct collect {
	findings *f;
	size_t rule;
};

static int add_finding(const finding *fd, void *arg)
{
	struct collect *c = arg;
	push(c->f, (finding_line){.kind = LINE_FINDING,
				  .rule = c->rule,
				  .row_id = fd->row_id,
				  .detail = xstrdup(fd->detail ? fd->detail : "")});
	return 0;
}

/* A promise about records whose area has sections of Today: they are listed there. */
static bool listed_above(const audit_rule *rule)
{
	const struct screen_area *a = area_of_kind(rule->entity);
	return a && a->today && a->today[0];
}

/* Read every promise's count, then the first few findings of each; a failure shows as a line
 * (the sections above matter more). */
static void settle(void *st, app *a)
{
	findings *f = st, next = {0};
	size_t nrules;
	const audit_rule *rules = audit_rules(&nrules);
	int64_t *counts = xcalloc(nrules, sizeof *counts);
	cerr e;
	err_clear(&e);
	int r = audit_counts(a, counts, &e);
	for (size_t i = 0; i < nrules && !r; i++)
		next.total += counts[i];
	for (size_t i = 0; i < nrules && !r; i++) {
		if (!counts[i])
			continue;
		push(&next, (finding_line){.kind = LINE_RULE, .rule = i, .n = counts[i]});
		if (listed_above(&rules[i]))
			continue;
		struct collect c = {&next, i};
		size_t before = next.n;
		r = audit_run_rule(a, rules[i].slug, FINDINGS_SHOWN, add_finding, &c, &e);
		int64_t shown = (int64_t)(next.n - before);
		if (!r && counts[i] > shown)
			push(&next, (finding_line){.kind = LINE_MORE, .rule = i, .n = counts[i] - shown});
	}
	free(counts);
	if (r) {
		forget(&next);
		push(&next, (finding_line){.kind = LINE_ERROR,
					   .detail = xstrdup(*e.msg ? e.msg : _("something went wrong"))});
	}
	next.read = true;
	forget(f);
	*f = next;
}

static int read_findings(void *st, app *a, cminute now, cerr *e)
{
	(void)st, (void)a, (void)now, (void)e;
	return ST_OK; /* the lines of the last check stay until the next pause */
}

static char *heading(void *st)
{
	const findings *f = st;
	if (!f->read)
		return xstrdup(_("Charter findings"));
	return xasprintf("%s (%lld)", _("Charter findings"), (long long)f->total);
}

static const char *none(void *st)
{
	(void)st;
	return _("none: every promise checked is kept");
}

static size_t count(void *st)
{
	const findings *f = st;
	return f->read ? f->n : 1; /* "checking the charter…" */
}

static bool ident(void *st, size_t i, struct today_ident *id)
{
	const findings *f = st;
	if (!f->read || i >= f->n || f->lines[i].kind != LINE_FINDING)
		return false;
	*id = (struct today_ident){(int)f->lines[i].rule, f->lines[i].row_id};
	return true;
}

static void draw_line(void *st, size_t i, rect r, bool selected)
{
	const findings *f = st;
	if (!f->read) {
		draw_text(r.y, r.x + 3, r.w - 3, _("checking the charter…"), style_attr(S_DIM));
		return;
	}
	const finding_line *l = &f->lines[i];
	size_t nrules;
	const audit_rule *rule = &audit_rules(&nrules)[l->rule < nrules ? l->rule : 0];
	switch (l->kind) {
	case LINE_RULE: {
		char *promise = text_capitalised(_(rule->promise));
		char *text = listed_above(rule)
				     ? xasprintf(_("%s  %s — %lld, listed above"), rule->code, promise,
						 (long long)l->n)
				     : xasprintf("%s  %s — %lld", rule->code, promise, (long long)l->n);
		draw_text(r.y, r.x + 3, r.w - 3, text, style_attr(S_LABEL) | A_BOLD);
		free(text);
		free(promise);
		break;
	}
	case LINE_FINDING: {
		attr_t attr = style_row(S_NORMAL, selected);
		draw_fill(r.y, r.x, r.w, attr);
		draw_text(r.y, r.x + 5, r.w - 6, l->detail, attr);
		break;
	}
	case LINE_MORE: {
		char *text = xasprintf(_("… and %lld more (charte audit lists them all)"),
				       (long long)l->n);
		draw_text(r.y, r.x + 5, r.w - 6, text, style_attr(S_DIM));
		free(text);
		break;
	}
	default: {
		char *text = xasprintf(_("The findings could not be read: %s"), l->detail);
		draw_text(r.y, r.x + 3, r.w - 3, text, style_attr(S_ERROR));
		free(text);
		break;
	}
	}
}

/* On a finding only opening it makes sense. */
static const enum action finding_actions[] = {ACT_OPEN, ACT_NONE};

/* Enter: the record the finding is about, through the area that opens its kind. */
static int key(tui *t, void *st, size_t i, enum action act)
{
	const findings *f = st;
	if (act != ACT_OPEN)
		return TK_PASS;
	if (!f->read || i >= f->n || f->lines[i].kind != LINE_FINDING)
		return TK_DONE;
	size_t nrules;
	const audit_rule *rule = &audit_rules(&nrules)[f->lines[i].rule];
	if (!area_open(t, rule->entity, f->lines[i].row_id, rule->slug))
		tui_msg(t, "%s", _("This finding has no screen yet: see charte audit"));
	return TK_DONE;
}

const struct today_section today_findings = {
	.rank = 90,
	.open = open_section,
	.close = close_section,
	.read = read_findings,
	.settle = settle,
	.heading = heading,
	.none = none,
	.count = count,
	.ident = ident,
	.draw = draw_line,
	.actions = finding_actions,
	.key = key,
};
