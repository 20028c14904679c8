/* view_quote_common.c — what the quote and contract screens share: who may write, values as
 * people read and type them, the steps taken on a date, refused saves. */
#include <stdlib.h>
#include <string.h>

#include "charte/client.h"
#include "dialog.h"
#include "frame.h"
#include "view_quote_common.h"

void offer_fmt_rate(int rate, char out[static 24])
{
	fmt_hundredths_human(rate, out);
	size_t used = strlen(out);
	snprintf(out + used, 24 - used, " %%");
}

void offer_rate_field(int rate, char out[static 24])
{
	fmt_hundredths_human(rate, out);
}

void offer_amount_field(cents c, char out[static 32])
{
	fmt_amount_csv(c, out);
	char *dot = strchr(out, '.');
	if (dot && lang_french)
		*dot = ',';
}

void offer_qty_field(int64_t q, char out[static 24])
{
	fmt_hundredths_human(q, out);
}

void offer_today_field(app *a, char out[static 11])
{
	fmt_date_human(app_today(a), out);
}

const char *offer_date_hint(void)
{
	return lang_french ? _("DD/MM/YYYY") : _("YYYY-MM-DD");
}

int offer_parse_date(const char *text, cday blank, const char *name, cday *out, cerr *e)
{
	char *copy = xstrdup(text ? text : "");
	str_trim(copy);
	int r = ST_OK;
	if (!*copy) {
		if (blank == NO_DAY)
			r = err_set(e, ST_INVALID, name, _("is required"));
		else
			*out = blank;
	} else {
		const char *why = parse_date(copy, out);
		if (why)
			r = err_set(e, ST_INVALID, name, "%s", _(why));
	}
	free(copy);
	return r;
}

/* ---- steps on a date ---- */

const offer_step *offer_step_of(const offer_step *table, enum action key)
{
	for (; table->key != ACT_NONE; table++)
		if (table->key == key)
			return table;
	return NULL;
}

/* A step under way, the argument of its dialogs (freed with free()). */
typedef struct pending_step {
	const offer_step *s;
	int64_t id;
	cday on;
	char number[]; /* "D2026-0001", for the messages */
} pending_step;

static pending_step *pending_new(const offer_step *s, int64_t id, const char *number)
{
	pending_step *p = xmalloc(sizeof *p + strlen(number) + 1);
	p->s = s;
	p->id = id;
	p->on = NO_DAY;
	strcpy(p->number, number);
	return p;
}

static void step_yes(tui *t, void *arg)
{
	pending_step *p = arg;
	cday until = p->on;
	cerr e;
	err_clear(&e);
	app *a = tui_app(t);
	int r = p->s->take_until ? p->s->take_until(a, p->id, p->on, &until, &e)
				 : p->s->take(a, p->id, p->on, &e);
	if (r) {
		tui_error(t, &e);
		return;
	}
	char day[11];
	fmt_date_human(until, day);
	char *done = xasprintf(_(p->s->done), p->number, day);
	tui_changed(t);
	tui_msg(t, "%s", done);
	free(done);
}

static int step_submit(tui *t, void *arg, const char *text, cerr *e)
{
	pending_step *p = arg;
	app *a = tui_app(t);
	cday today = app_today(a);
	int r = offer_parse_date(text, today, "on", &p->on, e);
	if (r)
		return r;
	if (p->on > today)
		return err_set(e, ST_INVALID, "on", _("is later than today"));
	strbuf question = {0};
	if (p->s->ask && (r = p->s->ask(a, p->id, p->number, p->on, &question, e))) {
		sb_free(&question);
		return r;
	}
	if (!question.len) {
		char day[11];
		fmt_date_human(p->on, day);
		sb_addf(&question, p->s->question ? _(p->s->question) : _("%s on %s?"), p->number,
			day);
	}
	pending_step *confirm = pending_new(p->s, p->id, p->number);
	confirm->on = p->on;
	dialog_confirm(t, sb_str(&question), step_yes, confirm);
	sb_free(&question);
	return ST_OK;
}

void offer_take_step(tui *t, const offer_step *s, int64_t id, const char *number,
		     const char *client)
{
	char today[11];
	offer_today_field(tui_app(t), today);
	char *help = xasprintf(_(s->help), number, client);
	char *full = xasprintf("%s\n%s", help, lang_french ? _("Date as DD/MM/YYYY; today if empty.")
							   : _("Date as YYYY-MM-DD; today if empty."));
	dialog_prompt(t, _(s->title), _(s->label), full, today, step_submit,
		      pending_new(s, id, number));
	free(full);
	free(help);
}

/* ---- forms ---- */

rect offer_form_page(tui *t, form *f, rect r, char *title, int live)
{
	draw_text(r.y, 1, r.w - 2, title, style_attr(S_HEADER));
	free(title);
	int fh = r.h - 2 - live - 1;
	form_draw(f, t, (rect){r.y + 2, 2, fh > 1 ? fh : 1, r.w - 4});
	return (rect){r.y + r.h - live, 2, live, r.w - 4};
}

char *offer_client_label(int64_t id, const char *name)
{
	if (name && *name)
		return xstrdup(name);
	return xasprintf(_("client %lld"), (long long)id);
}

char *offer_client_name(app *a, int64_t id, const char *stored, bool *wants_quote)
{
	client_file c;
	client_init(&c);
	cerr ignored;
	char *name;
	if (client_get(a, id, &c, &ignored) == ST_OK) {
		name = client_display_name(&c);
		if (wants_quote)
			*wants_quote = c.wants_quote;
	} else {
		name = offer_client_label(id, stored);
	}
	client_free(&c);
	return name;
}

/* ---- a record's page ---- */

/* All the rows at once; nothing before or after them. */
static int page_fetch(void *ctx, const void *from, bool backward, int limit, void **out,
		      size_t *nout, cerr *e)
{
	const offer_page *page = ctx;
	(void)backward;
	(void)limit;
	(void)e;
	*out = NULL;
	*nout = 0;
	if (from || !page->nrows)
		return ST_OK;
	size_t size = page->ops.row_size;
	char *copies = xcalloc(page->nrows, size);
	for (size_t i = 0; i < page->nrows; i++)
		page->def->copy(copies + i * size, (const char *)page->rows + i * size);
	*out = copies;
	*nout = page->nrows;
	return ST_OK;
}

/* Rows whose first member is their int64_t id. */
static bool same_id(const void *a, const void *b)
{
	return *(const int64_t *)a == *(const int64_t *)b;
}

int offer_page_open(tui *t, view *v, const offer_page_def *def, int64_t id, cerr *e)
{
	offer_page *page = xcalloc(1, def->size);
	v->data = page;
	page->def = def;
	page->a = tui_app(t);
	page->id = id;
	page->ops = def->rows;
	page->ops.fetch = page_fetch;
	page->ops.same = same_id;
	list_init(&page->l, &page->ops, page);
	int r = def->load(page, e);
	return r ? r : list_load(&page->l, e);
}

void offer_page_close(tui *t, view *v)
{
	offer_page *page = v->data;
	list_free(&page->l);
	page->def->release(page);
	free(page);
}

bool offer_page_can(tui *t, const offer_page *page, int step)
{
	cerr e;
	err_clear(&e);
	return offer_may(t, page->def->can(page, step, app_today(page->a), &e), &e);
}

const enum action offer_page_closed_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};

void offer_page_reload(tui *t, view *v)
{
	offer_page *page = v->data;
	list_reload_page(t, &page->l, page->def->load, page);
}

void offer_page_title(rect r, const char *title, const char *status, enum style st)
{
	draw_text(r.y, 1, r.w - text_width(status) - 4, title, style_attr(S_HEADER));
	draw_text_right(r.y, 1, r.w - 2, status, style_attr(st) | A_BOLD);
}

bool offer_may(tui *t, int r, const cerr *e)
{
	if (!r)
		return true;
	tui_error(t, e);
	return false;
}

/* A removal asked for, the argument of its question (freed with free()). */
typedef struct pending_remove {
	int64_t id;
	int (*remove)(app *a, int64_t id, cerr *e);
	const char *done;
} pending_remove;

static void remove_yes(tui *t, void *arg)
{
	const pending_remove *p = arg;
	cerr e;
	err_clear(&e);
	if (p->remove(tui_app(t), p->id, &e)) {
		tui_error(t, &e);
		return;
	}
	tui_changed(t);
	tui_msg(t, "%s", p->done);
}

void offer_remove(tui *t, const char *question, int64_t id,
		  int (*remove)(app *a, int64_t id, cerr *e), const char *done)
{
	pending_remove *p = xmalloc(sizeof *p);
	*p = (pending_remove){id, remove, done};
	dialog_confirm(t, question, remove_yes, p);
}

const enum action offer_read_actions[] = {
	ACT_OPEN, ACT_SEARCH, ACT_FILTER, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN,
	ACT_HOME, ACT_END,    ACT_NONE,
};

void offer_status_menu(tui *t, const char *title, const char *all, const int *statuses, int n,
		       const enum_table *labels, int current, lv_filter_fn fn)
{
	const char **items = xcalloc((size_t)n, sizeof *items);
	int sel = 0;
	for (int i = 0; i < n; i++) {
		items[i] = i == 0 ? all : enum_label(labels, statuses[i]);
		if (statuses[i] == current)
			sel = i;
	}
	lv_filter_menu(t, title, items, n, sel, fn); /* the menu copies the items */
	free(items);
}

enum style offer_quote_style(int status)
{
	switch (status) {
	case QUOTE_ACCEPTED: return S_DONE;
	case QUOTE_REFUSED: return S_CANCELLED;
	case QUOTE_EXPIRED: return S_OVERDUE;
	case QUOTE_SENT: return S_DUE_TODAY;
	default: return S_NORMAL;
	}
}

enum style offer_contract_style(int status)
{
	switch (status) {
	case CONTRACT_ACTIVE: return S_DONE;
	case CONTRACT_SIGNED: return S_DUE_TODAY;
	case CONTRACT_ENDED:
	case CONTRACT_WITHDRAWN: return S_CANCELLED;
	default: return S_NORMAL;
	}
}
