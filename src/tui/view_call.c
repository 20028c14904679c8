/* view_call.c — one call, whole: every field of the log book, what the rules made of it (due
 * times, lateness), the callbacks tried with no answer, and its history from the audit trail
 * (people by their names). `e`, `r`, `t`, `d`, `x` act on it, `c` opens the client's file. */
#include <stdlib.h>
#include <string.h>

#include "charte/history.h"
#include "charte/call.h"
#include "charte/client.h"
#include "call_actions.h"
#include "areas.h"
#include "frame.h"
#include "pager.h"
#include "staff_names.h"
#include "views.h"

#define HISTORY_SHOWN 20

typedef struct call_screen {
	app *a;
	int64_t id;
	call c;
	char *client;  /* the linked client's name, or NULL */
	history_row *hist;
	size_t nhist;
	callback_attempt *tries; /* callbacks tried with no answer, oldest first */
	size_t ntries;
	staff_names names;
	int scroll;  /* first line shown */
	int lines;   /* lines the page took at the last draw */
	int height;
} call_screen;

static const enum action page_actions[] = {
	ACT_EDIT,        ACT_CALLED_BACK, ACT_ATTEMPT, ACT_DOC_SENT,  ACT_CANCEL_CALL, ACT_OPEN_CLIENT,
	ACT_OPEN,        ACT_UP,          ACT_DOWN,      ACT_PAGE_UP,     ACT_PAGE_DOWN,
	ACT_HOME,        ACT_END,         ACT_NONE,
};

static int load(void *data, cerr *e)
{
	call_screen *p = data;
	call c;
	call_init(&c);
	int r = call_get(p->a, p->id, &c, e);
	if (r) {
		call_free(&c);
		return r;
	}
	call_free(&p->c);
	p->c = c;
	free(p->client);
	p->client = NULL;
	client_file cl;
	client_init(&cl);
	cerr ce;
	err_clear(&ce);
	if (p->c.client_id && client_get(p->a, p->c.client_id, &cl, &ce) == ST_OK)
		p->client = client_display_name(&cl);
	client_free(&cl);
	call_attempts_free(p->tries, p->ntries);
	p->tries = NULL;
	p->ntries = 0;
	cerr te;
	err_clear(&te);
	if (call_attempts(p->a, p->id, &p->tries, &p->ntries, &te))
		p->ntries = 0;
	staff_names_load(&p->names, p->a);
	history_rows_free(p->hist, p->nhist);
	p->hist = NULL;
	p->nhist = 0;
	if (history_page(p->a, "calls", p->id, 0, HISTORY_SHOWN, &p->hist, &p->nhist, e))
		p->nhist = 0; /* the call itself matters more than its history */
	return ST_OK;
}

static int open_page(tui *t, view *v, void *arg, cerr *e)
{
	int64_t *id = arg;
	call_screen *p = xcalloc(1, sizeof *p);
	p->a = tui_app(t);
	p->id = *id;
	call_init(&p->c);
	int r = load(p, e);
	if (r) {
		call_free(&p->c);
		free(p);
		return r;
	}
	v->data = p;
	return ST_OK;
}

static void reload(tui *t, view *v)
{
	pager_reload(t, v->data, load);
}

static const char *yes_no(bool b)
{
	return b ? _("yes") : _("no");
}

/* What became of a promise made on the call (the callback, the documentation): words[0] when it
 * was not asked for, `kept` once kept (NULL before; freed here), else words[1] with the date it
 * is due by, or words[2] in the overdue style once late. */
static void put_promise(pager *pg, const char *label, bool asked, char *kept, cminute due,
			bool late, const char *const words[3])
{
	char by[17];
	fmt_datetime_human(due, by);
	char *text = !asked ? xstrdup(_(words[0]))
		     : kept ? xstrdup(kept)
			    : xasprintf(_(words[late ? 2 : 1]), by);
	pager_put(pg, label, text, style_attr(asked && !kept && late ? S_OVERDUE : S_NORMAL));
	free(text);
	free(kept);
}

static void put_callback(pager *pg, const call *c, cminute now)
{
	static const char *const words[3] = {N_("not asked for"), N_("due by %s"),
					     N_("due by %s: overdue")};
	char *kept = NULL;
	if (c->called_back_at != NO_MINUTE) {
		char due[17], back[17];
		fmt_datetime_human(c->due, due);
		fmt_datetime_human(c->called_back_at, back);
		kept = c->callback_note && *c->callback_note
			       ? xasprintf(_("called back on %s (due by %s): %s"), back, due,
					   c->callback_note)
			       : xasprintf(_("called back on %s (due by %s)"), back, due);
	}
	put_promise(pg, _("Callback"), c->callback, kept, c->due, call_is_overdue(c, now), words);
}

static void put_documentation(pager *pg, const call *c, cminute now)
{
	static const char *const words[3] = {N_("not requested"), N_("to send by %s"),
					     N_("to send by %s: late")};
	char *kept = NULL;
	if (c->doc_sent_at != NO_MINUTE) {
		char sent[17];
		fmt_datetime_human(c->doc_sent_at, sent);
		kept = xasprintf(_("sent on %s"), sent);
	}
	put_promise(pg, _("Documentation"), c->documentation, kept, c->doc_due,
		    c->doc_due != NO_MINUTE && c->doc_due < now, words);
}

static void draw(tui *t, view *v, rect r)
{
	call_screen *p = v->data;
	const call *c = &p->c;
	cminute now = app_now(p->a);
	enum style st;
	const char *state = call_state(c, now, &st);
	char *title = xasprintf(_("Call %lld"), (long long)c->id);
	draw_text(r.y, 1, r.w - 2, title, style_attr(S_HEADER));
	free(title);
	draw_text_right(r.y, 1, r.w - 2, state, style_attr(st));

	pager pg = {{r.y + 2, 2, r.h - 2, r.w - 4}, p->scroll, 0, 0};
	const char *labels[] = {_("Date and time"), _("Caller"), _("Phone"), _("Subject"),
				_("Taken by"), _("Answered at once"), _("Voicemail"),
				_("Callback"), _("Documentation"), _("Cancelled"), _("Client"),
				_("Attempts")};
	for (size_t i = 0; i < ARRAY_LEN(labels); i++)
		if (text_width(labels[i]) + 2 > pg.lw)
			pg.lw = text_width(labels[i]) + 2;
	char at[17], phone[32];
	fmt_datetime_human(c->at, at);
	tui_fmt_phone(c->phone, phone);
	pager_put(&pg, labels[0], at, A_NORMAL);
	pager_put(&pg, labels[1], c->caller, A_NORMAL);
	if (p->client) { /* c opens the file */
		char *client = xasprintf(_("%s (c: open the file)"), p->client);
		pager_put(&pg, labels[10], client, A_NORMAL);
		free(client);
	}
	pager_put(&pg, labels[2], *phone ? phone : "—", A_NORMAL);
	pager_put(&pg, labels[3], c->subject && *c->subject ? c->subject : "—", A_NORMAL);
	pager_put(&pg, labels[4], c->taken_by ? staff_names_of(&p->names, c->taken_by) : "—",
	          A_NORMAL);
	pager_put(&pg, labels[5], yes_no(c->answered), A_NORMAL);
	pager_put(&pg, labels[6], c->voicemail ? _("yes: left while the desk was closed") : _("no"),
	          style_attr(c->voicemail ? S_VOICEMAIL : S_NORMAL));
	put_callback(&pg, c, now);
	for (size_t i = 0; i < p->ntries; i++) {
		const callback_attempt *a = &p->tries[i];
		char when[17];
		fmt_datetime_human(a->at, when);
		char *line = *a->note ? xasprintf(_("tried on %s, no answer (%s): %s"), when,
						  staff_names_of(&p->names, a->by), a->note)
				      : xasprintf(_("tried on %s, no answer (%s)"), when,
						  staff_names_of(&p->names, a->by));
		pager_put(&pg, i == 0 ? _("Attempts") : NULL, line, A_NORMAL);
		free(line);
	}
	put_documentation(&pg, c, now);
	if (c->cancelled)
		pager_put(&pg, labels[9], c->cancel_reason, style_attr(S_CANCELLED));
	if (p->nhist) {
		pager_heading(&pg, _("History"));
		for (size_t i = 0; i < p->nhist; i++) {
			const history_row *h = &p->hist[i];
			char when[17];
			fmt_datetime_human(h->at, when);
			/* What a new call held is above; an update says what changed. */
			bool created = h->action && !strcmp(h->action, "insert");
			char *line = xasprintf("%s  %s", staff_names_of(&p->names, h->actor),
					       created ? _("logged the call")
						       : h->changes ? h->changes : "");
			pager_put(&pg, when, line, style_attr(S_DIM));
			free(line);
		}
	}
	p->lines = pg.line;
	p->height = pg.r.h;
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	call_screen *p = v->data;
	switch (act) {
	case ACT_EDIT: call_act_edit(t, &p->c); return TK_DONE;
	case ACT_CALLED_BACK: call_act_called_back(t, &p->c); return TK_DONE;
	case ACT_ATTEMPT: call_act_attempt(t, &p->c); return TK_DONE;
	case ACT_DOC_SENT: call_act_doc_sent(t, &p->c); return TK_DONE;
	case ACT_CANCEL_CALL: call_act_cancel(t, &p->c); return TK_DONE;
	case ACT_OPEN:
	case ACT_OPEN_CLIENT:
		if (p->c.client_id && tui_below(t) && tui_below(t)->ops == &view_client_ops)
			tui_pop(t); /* opened from the client's history: back to it */
		else if (p->c.client_id)
			client_act_open(t, p->c.client_id, CLIENT_TAB_FILE);
		else
			tui_msg(t, "%s", _("This call is not linked to a client file"));
		return TK_DONE;
	default: return pager_scroll(&p->scroll, act, p->lines, p->height);
	}
}

static void close_page(tui *t, view *v)
{
	call_screen *p = v->data;
	call_free(&p->c);
	free(p->client);
	history_rows_free(p->hist, p->nhist);
	call_attempts_free(p->tries, p->ntries);
	staff_names_free(&p->names);
	free(p);
}

const struct view_ops view_call_ops = {
	.name = "call",
	.title = N_("Call"),
	.actions = page_actions,
	.open = open_page,
	.draw = draw,
	.key = key,
	.reload = reload,
	.close = close_page,
};

/* ---- The kinds of record the Calls area opens (areas.h) ---- */

static void open_call(tui *t, int64_t id, const char *why)
{
	(void)why;
	tui_push(t, &view_call_ops, &id);
}

const struct record_kind call_records[] = {
	{"call", open_call, false, false},
	{NULL, NULL, false, false},
};
