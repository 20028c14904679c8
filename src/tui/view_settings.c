/* view_settings.c — the Settings area: every setting with what it is for (its translated
 * description), its value as people read it (dates DD/MM/YYYY in French, amounts in euros) and,
 * dimmer, its key. Everyone can read them; only a manager can change one, through settings_set
 * (which checks the value as the command line does). `s` opens the service catalogue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/i18n.h"
#include "charte/settings.h"
#include "dialog.h"
#include "areas.h"
#include "frame.h"
#include "list.h"
#include "views.h"

typedef struct setting_row {
	const setting_def *def;
	char *value; /* for people */
	char *edit;  /* what the edit prompt starts with: a form settings_check takes */
} setting_row;

typedef struct settings_view {
	plain_view p; /* first: the plain list's open, reload and close */
	char *from;   /* the value the open edit prompt started from (the base of settings_change) */
} settings_view;

static const enum action settings_actions[] = {
	ACT_EDIT, ACT_SERVICES, ACT_OPEN, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME,
	ACT_END, ACT_NONE,
};

/* For those who may not change them: `e` still answers, saying who may. */
static const enum action read_actions[] = {
	ACT_SERVICES, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};

/* A stored date (YYYY-MM-DD) as people read it; anything else as it is. */
static void add_date(strbuf *b, const char *stored)
{
	cday d;
	char out[11];
	if (date_from_text(stored, &d)) {
		fmt_date_human(d, out);
		sb_add(b, out);
	} else {
		sb_add(b, stored);
	}
}

/* A stored value as people read it: "02/03/2026", "100,00 €", "5,5 %", "01 23 45 67 89". */
static char *display_value(const setting_def *d, const char *stored)
{
	if (!stored || !*stored)
		return xstrdup("");
	strbuf b = {0};
	switch (d->type) {
	case SET_DATE:
		add_date(&b, stored);
		break;
	case SET_DATES: {
		char *copy = xstrdup(stored);
		for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
			sb_add(&b, b.len ? ", " : "");
			add_date(&b, str_trim(tok));
		}
		free(copy);
		break;
	}
	case SET_AMOUNT: {
		cents c;
		char out[32];
		if (parse_amount(stored, &c))
			sb_add(&b, stored);
		else {
			fmt_amount(c, out);
			sb_add(&b, out);
		}
		break;
	}
	case SET_PERCENT: {
		int p;
		char out[24];
		if (parse_percent(stored, &p))
			sb_add(&b, stored);
		else {
			fmt_hundredths_human(p, out);
			sb_addf(&b, "%s %%", out);
		}
		break;
	}
	case SET_MONTHDAY: {
		int m, day;
		if (lang_french && sscanf(stored, "%2d-%2d", &m, &day) == 2)
			sb_addf(&b, "%02d/%02d", day, m); /* "31/03", as French people write it */
		else
			sb_add(&b, stored);
		break;
	}
	default: {
		char *shown = settings_display(d->key, stored);
		sb_add(&b, shown);
		free(shown);
	}
	}
	char *r = xstrdup(sb_str(&b));
	sb_free(&b);
	return r;
}

/* What the edit prompt starts with: the value as shown, but for an amount a plain number
 * ("100,00" in French). */
static char *edit_value(const setting_def *d, const char *stored, const char *shown)
{
	if (d->type == SET_AMOUNT && stored && *stored) {
		cents c;
		char out[24];
		if (!parse_amount(stored, &c)) {
			fmt_amount_csv(c, out);
			if (lang_french) {
				char *dot = strchr(out, '.');
				if (dot)
					*dot = ',';
			}
			return xstrdup(out);
		}
	}
	if (d->type == SET_CHOICE || d->type == SET_AMOUNT)
		return xstrdup(stored ? stored : "");
	return xstrdup(shown);
}

/* The translated description, as a label: its first letter in capitals when it is ASCII. */
static char *setting_label(const setting_def *d)
{
	char *s = xstrdup(_(d->help));
	if (*s >= 'a' && *s <= 'z')
		*s = (char)(*s - 'a' + 'A');
	return s;
}

/* All of them at once: a couple of dozen rows. */
static int fetch(void *ctx, const void *from, bool backward, int limit, void **out, size_t *n,
		 cerr *e)
{
	settings_view *sv = ctx;
	(void)backward;
	(void)limit;
	(void)e;
	*out = NULL;
	*n = 0;
	if (from)
		return ST_OK;
	size_t count;
	const setting_def *defs = settings_defs(&count);
	setting_row *rows = xcalloc(count, sizeof *rows);
	for (size_t i = 0; i < count; i++) {
		char *v = settings_get(sv->p.a, defs[i].key);
		rows[i].def = &defs[i];
		rows[i].value = display_value(&defs[i], v);
		rows[i].edit = edit_value(&defs[i], v, rows[i].value);
		free(v);
	}
	*out = rows;
	*n = count;
	return ST_OK;
}

static void free_row(void *row)
{
	free(((setting_row *)row)->value);
	free(((setting_row *)row)->edit);
}

static bool same(const void *a, const void *b)
{
	return ((const setting_row *)a)->def == ((const setting_row *)b)->def;
}

/* Columns: the description (what is left), the value, the key (dimmer). */
#define W_VALUE 22
#define W_KEY 24

static int label_width(int w)
{
	return w - W_VALUE - W_KEY - 4;
}

static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	const setting_row *s = row;
	attr_t attr = style_row(S_NORMAL, selected);
	int lw = label_width(r.w);
	draw_fill(r.y, r.x, r.w, attr);
	char *label = setting_label(s->def);
	draw_cell(r.y, r.x + 1, lw, label, attr);
	free(label);
	draw_cell(r.y, r.x + 2 + lw, W_VALUE, *s->value ? s->value : "—",
		  *s->value ? attr : attr | style_attr(S_DIM));
	draw_cell(r.y, r.x + 3 + lw + W_VALUE, W_KEY, s->def->key,
		  selected ? attr : style_attr(S_DIM));
}

static const struct list_ops settings_list = {
	.row_size = sizeof(setting_row),
	.fetch = fetch,
	.free_row = free_row,
	.same = same,
	.draw = draw_row,
};

static int open_settings(tui *t, view *v, void *arg, cerr *e)
{
	return plain_view_open_sized(t, v, &settings_list, NULL, sizeof(settings_view), e);
}

static void draw(tui *t, view *v, rect r)
{
	settings_view *sv = v->data;
	bool manager = app_may(sv->p.a, AREA_SETTINGS, ACCESS_WRITE);
	draw_text(r.y, 1, r.w - 2,
		  manager ? _("Settings of the agency")
			  : _("Settings of the agency (read only: only a manager can change them)"),
		  style_attr(S_HEADER));
	int lw = label_width(r.w);
	draw_text(r.y + 1, 2, lw, _("Setting"), style_attr(S_DIM));
	draw_text(r.y + 1, 3 + lw, W_VALUE, _("Value"), style_attr(S_DIM));
	draw_text(r.y + 1, 4 + lw + W_VALUE, W_KEY, _("Key"), style_attr(S_DIM));
	/* The selected setting in full at the bottom: its key, what it is for, its value. */
	int help_h = 2;
	list_draw(&sv->p.l, (rect){r.y + 2, r.x, r.h - 3 - help_h, r.w});
	const setting_row *s = list_selected(&sv->p.l);
	if (s) {
		char *label = setting_label(s->def);
		char *detail = xasprintf(_("%s — %s: %s"), s->def->key, label,
					 *s->value ? s->value : "—");
		draw_wrapped((rect){r.y + r.h - help_h, 2, help_h, r.w - 4}, 0, detail,
			     style_attr(S_DIM));
		free(detail);
		free(label);
	}
}

/* What a value may be, said under the prompt. */
/* What a value looks like, for the prompt (caller frees). */
static char *value_hint(const setting_def *d)
{
	switch (d->type) {
	case SET_CLOCK: return xstrdup(_("A time, HH:MM."));
	case SET_DATE: return xstrdup(_("A date, or empty."));
	case SET_DATES: return xstrdup(_("Dates separated by commas, or empty."));
	case SET_INT: return xasprintf(_("A whole number from %ld to %ld."), d->min, d->max);
	case SET_AMOUNT: return xstrdup(_("An amount in euros."));
	case SET_PERCENT: return xstrdup(_("A rate in percent."));
	case SET_MONTHDAY:
		return xstrdup(lang_french ? _("A day of the year, DD/MM.") : _("A day of the year, MM-DD."));
	case SET_PHONE: return xstrdup(_("A phone number, or empty."));
	case SET_CHOICE:
		return settings_is_flag(d) ? xstrdup(_("Yes or no (y/n, 1/0)."))
					   : xasprintf(_("One of: %s."), d->choices);
	default: return xstrdup("");
	}
}

static int submit(tui *t, void *arg, const char *text, cerr *e)
{
	const setting_def *d = arg;
	const char *name = d->key;
	settings_view *sv = tui_top(t)->data; /* the prompt is over the list */
	app *a = tui_app(t);
	int r = settings_change(a, name, sv->from, text, e);
	if (r == ST_CONFLICT) {
		/* Another desk set it meanwhile: what is stored now is the base of the next try,
		 * so that Enter again saves what the person typed. */
		char *now = settings_get(a, name), *shown = settings_display(name, now);
		free(sv->from);
		sv->from = edit_value(d, now, shown);
		free(now);
		free(shown);
	}
	if (r)
		return r;
	if (!strcmp(name, "ui.language")) {
		char *lang = settings_get(a, name);
		if (strcmp(lang, "auto"))
			i18n_force(lang); /* "auto" takes effect at the next start */
		free(lang);
	}
	tui_changed(t);
	tui_msg(t, _("Setting %s saved"), name);
	return ST_OK;
}

static void edit(tui *t, settings_view *sv)
{
	const setting_row *s = list_selected(&sv->p.l);
	cerr e;
	err_clear(&e);
	if (!s)
		return;
	if (role_check(sv->p.a, AREA_SETTINGS, ACCESS_WRITE, &e)) {
		tui_error(t, &e);
		return;
	}
	char *what = value_hint(s->def);
	char *help = *what ? xasprintf("%s\n%s", _(s->def->help), what) : xstrdup(_(s->def->help));
	free(what);
	char *label = setting_label(s->def);
	free(sv->from);
	sv->from = xstrdup(s->edit ? s->edit : "");
	/* The dialog frees its argument: a copy of the setting's description. */
	setting_def *arg = xmalloc(sizeof *arg);
	*arg = *s->def;
	dialog_prompt(t, label, _("Value"), help, s->edit, submit, arg);
	free(label);
	free(help);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	settings_view *sv = v->data;
	if (act == ACT_NONE)
		act = action_for_key(settings_actions, k, false);
	if (act == ACT_EDIT || act == ACT_OPEN) {
		edit(t, sv);
		return TK_DONE;
	}
	if (act == ACT_SERVICES) {
		tui_push(t, &view_services_ops, NULL);
		return TK_DONE;
	}
	return list_navigate(t, &sv->p.l, act);
}

static const enum action *mode(view *v, bool *text_input)
{
	settings_view *sv = v->data;
	*text_input = false;
	return app_may(sv->p.a, AREA_SETTINGS, ACCESS_WRITE) ? settings_actions : read_actions;
}

static void close_settings(tui *t, view *v)
{
	settings_view *sv = v->data;
	free(sv->from);
	plain_view_close(t, v);
}

const struct view_ops view_settings_ops = {
	.name = "settings",
	.title = N_("Settings"),
	.actions = settings_actions,
	.open = open_settings,
	.draw = draw,
	.key = key,
	.reload = plain_view_reload,
	.mode = mode,
	.close = close_settings,
};
