/* view_quote_common.c — what the quote and contract screens share: who may write, values as
 * people read and type them, the steps taken on a date, refused saves. */
#include <stdlib.h>
#include <string.h>

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

static offer_step *copy_step(const offer_step *s)
{
	offer_step *c = xmalloc(sizeof *c);
	*c = *s;
	return c;
}

static void step_yes(tui *t, void *arg)
{
	offer_step *s = arg;
	char done[600] = "";
	cerr e;
	err_clear(&e);
	if (s->act(t, s, done, sizeof done, &e)) {
		tui_error(t, &e);
		return;
	}
	tui_changed(t);
	tui_msg(t, "%s", done);
}

static int step_submit(tui *t, void *arg, const char *text, cerr *e)
{
	offer_step *s = arg;
	app *a = tui_app(t);
	cday today = app_today(a);
	int r = offer_parse_date(text, today, "on", &s->on, e);
	if (r)
		return r;
	if (s->on > today)
		return err_set(e, ST_INVALID, "on", _("is later than today"));
	s->question[0] = '\0';
	if (s->check && (r = s->check(t, s, e)))
		return r;
	if (!s->question[0]) {
		char day[11];
		fmt_date_human(s->on, day);
		snprintf(s->question, sizeof s->question, _("%s on %s?"), s->number, day);
	}
	dialog_confirm(t, s->question, step_yes, copy_step(s));
	return ST_OK;
}

void offer_ask_date(tui *t, const char *title, const char *label, const char *help,
		    const offer_step *s)
{
	char today[11];
	offer_today_field(tui_app(t), today);
	char *full = xasprintf("%s\n%s", help, lang_french ? _("Date as DD/MM/YYYY; today if empty.")
							 : _("Date as YYYY-MM-DD; today if empty."));
	dialog_prompt(t, title, label, full, today, step_submit, copy_step(s));
	free(full);
}

/* ---- forms ---- */

void offer_form_invalid(tui *t)
{
	cerr e;
	err_set(&e, ST_INVALID, "", _("Not saved: see the reason under the field."));
	tui_error(t, &e);
}

void offer_save_failed(tui *t, form *f, const cerr *e)
{
	if (form_show_error(f, e)) {
		cerr shown;
		err_set(&shown, e->code, "", _("Not saved: %s"), e->msg);
		tui_error(t, &shown);
	} else {
		tui_error(t, e);
	}
}

char *offer_client_label(int64_t id, const char *name)
{
	if (name && *name)
		return xstrdup(name);
	return xasprintf(_("client %lld"), (long long)id);
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
