/* view_calls_today.c — the Calls area's sections of Today: the overdue callbacks, the callbacks
 * due today, those due in the next working days (a callback due on Thursday shows from Monday)
 * and the documentation to send, each an indexed query with a limit. Enter, r, t, d, e and x
 * act on the call selected, as in the call list. */
#include <stdlib.h>

#include "charte/calendar.h"
#include "charte/call.h"
#include "areas.h"
#include "call_actions.h"
#include "today.h"

enum { OVERDUE, DUE_TODAY, DUE_SOON, DOCS };

/* Callbacks due up to this many working days after today show on Today. */
#define SOON_WORKING_DAYS 5

typedef struct calls_section {
	int which;
	call *calls;
	size_t n;
	bool more; /* more than TODAY_LIMIT */
	cminute now;
} calls_section;

static void *open_section(const struct today_section *sec, app *a)
{
	(void)sec, (void)a;
	return xcalloc(1, sizeof(calls_section));
}

static void forget(calls_section *s)
{
	calls_free(s->calls, s->n);
	s->calls = NULL;
	s->n = 0;
}

static void close_section(void *st)
{
	forget(st);
	free(st);
}

static int read_calls(calls_section *s, int which, app *a, cminute now, cerr *e)
{
	call *calls = NULL;
	size_t n = 0;
	int r;
	if (which == OVERDUE)
		r = call_overdue(a, TODAY_LIMIT + 1, &calls, &n, e);
	else if (which == DUE_TODAY)
		r = call_due_between(a, now, cal_at(cal_day_of(now) + 1, 0), TODAY_LIMIT + 1,
				     &calls, &n, e);
	else if (which == DUE_SOON) /* from tomorrow to the end of the fifth working day */
		r = call_due_between(
			a, cal_at(cal_day_of(now) + 1, 0),
			cal_at(cal_add_working_days(app_desk(a), cal_day_of(now),
						    SOON_WORKING_DAYS) + 1, 0),
			TODAY_LIMIT + 1, &calls, &n, e);
	else
		r = call_docs_pending(a, TODAY_LIMIT + 1, &calls, &n, e);
	if (r) {
		calls_free(calls, n);
		return r;
	}
	forget(s);
	s->which = which;
	s->now = now;
	s->more = n > TODAY_LIMIT;
	if (s->more) {
		for (size_t i = TODAY_LIMIT; i < n; i++)
			call_free(&calls[i]);
		n = TODAY_LIMIT;
	}
	s->calls = calls;
	s->n = n;
	return ST_OK;
}

static int read_overdue(void *st, app *a, cminute now, cerr *e)
{
	return read_calls(st, OVERDUE, a, now, e);
}

static int read_due_today(void *st, app *a, cminute now, cerr *e)
{
	return read_calls(st, DUE_TODAY, a, now, e);
}

static int read_due_soon(void *st, app *a, cminute now, cerr *e)
{
	return read_calls(st, DUE_SOON, a, now, e);
}

static int read_docs(void *st, app *a, cminute now, cerr *e)
{
	return read_calls(st, DOCS, a, now, e);
}

static char *heading(void *st)
{
	const calls_section *s = st;
	const char *title = s->which == OVERDUE	    ? _("Overdue callbacks")
			    : s->which == DUE_TODAY ? _("Callbacks due today")
			    : s->which == DUE_SOON  ? _("Callbacks due in the next working days")
						    : _("Documentation to send");
	return xasprintf(s->more ? "%s (%zu+)" : "%s (%zu)", title, s->n);
}

static const char *none(void *st)
{
	(void)st;
	return _("nothing");
}

static size_t count(void *st)
{
	return ((const calls_section *)st)->n;
}

static bool ident(void *st, size_t i, struct today_ident *id)
{
	const calls_section *s = st;
	*id = (struct today_ident){0, i < s->n ? s->calls[i].id : 0};
	return i < s->n;
}

/* Due by, caller, phone, subject: the widths of the middle two at width w. */
static void widths(int w, int *cw, int *pw, int *sw)
{
	*pw = 14;
	*cw = (w - 17 - *pw - 3) / 2;
	if (*cw > 30)
		*cw = 30;
	*sw = w - 17 - *cw - 1 - *pw - 2;
}

static void draw_heads(rect r)
{
	int cw, pw, sw;
	widths(r.w - 3, &cw, &pw, &sw);
	attr_t h = style_attr(S_DIM);
	int x = r.x + 3;
	draw_text(r.y, x, 16, _("Due by"), h);
	x += 17;
	draw_text(r.y, x, cw, _("Caller"), h);
	x += cw + 1;
	draw_text(r.y, x, pw, _("Phone"), h);
	x += pw + 1;
	draw_text(r.y, x, sw, _("Subject"), h);
}

static void draw_line(void *st, size_t i, rect r, bool selected)
{
	const calls_section *s = st;
	const call *c = &s->calls[i];
	enum style style = s->which == OVERDUE	   ? S_OVERDUE
			   : s->which == DUE_TODAY ? S_DUE_TODAY
						   : S_NORMAL;
	cminute when = c->due;
	if (s->which == DOCS) {
		when = c->doc_due;
		style = when != NO_MINUTE && when < s->now ? S_OVERDUE : S_NORMAL;
	}
	attr_t attr = style_row(style, selected);
	int cw, pw, sw;
	widths(r.w - 3, &cw, &pw, &sw);
	char at[17], phone[32];
	fmt_datetime_human(when, at);
	tui_fmt_phone(c->phone, phone);
	const char *cells[] = {at, c->caller, phone, c->subject};
	today_draw_cells(r, attr, cells, (const int[]){16, cw, pw, sw}, 4);
}

static const enum action call_line_actions[] = {
	ACT_OPEN, ACT_CALLED_BACK, ACT_ATTEMPT, ACT_DOC_SENT, ACT_EDIT, ACT_CANCEL_CALL, ACT_NONE,
};

static int key(tui *t, void *st, size_t i, enum action act)
{
	const calls_section *s = st;
	return call_act(t, i < s->n ? &s->calls[i] : NULL, act,
			_("Nothing to do today: no call is selected"));
}

#define CALLS_SECTION(name, rank_, reader)                                                 \
	static const struct today_section name = {                                           \
		.rank = rank_,                                                               \
		.open = open_section,                                                        \
		.close = close_section,                                                      \
		.read = reader,                                                              \
		.heading = heading,                                                          \
		.none = none,                                                                \
		.count = count,                                                              \
		.ident = ident,                                                              \
		.draw = draw_line,                                                           \
		.draw_heads = draw_heads,                                                    \
		.actions = call_line_actions,                                                \
		.key = key,                                                                  \
	}

CALLS_SECTION(overdue_section, 10, read_overdue);
CALLS_SECTION(due_today_section, 20, read_due_today);
CALLS_SECTION(due_soon_section, 25, read_due_soon);
CALLS_SECTION(docs_section, 30, read_docs);

const struct today_section *const calls_today[] = {
	&overdue_section, &due_today_section, &due_soon_section, &docs_section, NULL,
};
