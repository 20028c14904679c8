/* dialog.c — small boxes over the current screen: a yes/no question, one line to type, a
 * choice, a long message. They are states of the main loop, not loops of their own, so the
 * clock, live refresh, resizes and the test seam go on while one is open. */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "dialog.h"
#include "frame.h"
#include "lineedit.h"

enum dialog_kind { DLG_CONFIRM, DLG_PROMPT, DLG_MENU, DLG_INFO };

struct dialog {
	enum dialog_kind kind;
	char *title;
	char *text;       /* the question, the help under a prompt, the message */
	char *label;      /* DLG_PROMPT */
	lineedit ed;
	char *error; /* the reason a submit failed (NULL: none) */
	char **items;     /* DLG_MENU */
	int n, sel;
	dialog_yes_fn yes;
	dialog_submit_fn submit;
	dialog_choice_fn choice;
	void *arg;
};

static const enum action confirm_actions[] = {ACT_YES, ACT_NO, ACT_NONE};
static const enum action prompt_actions[] = {ACT_CONFIRM, ACT_SAVE, ACT_CANCEL, ACT_NONE};
static const enum action menu_actions[] = {ACT_UP, ACT_DOWN, ACT_CONFIRM, ACT_CANCEL, ACT_NONE};
static const enum action info_actions[] = {ACT_CONFIRM, ACT_NONE};

static void dialog_free(struct dialog *d)
{
	if (!d)
		return;
	free(d->title);
	free(d->text);
	free(d->label);
	free(d->error);
	le_free(&d->ed);
	for (int i = 0; i < d->n; i++)
		free(d->items[i]);
	free(d->items);
	free(d->arg);
	free(d);
}

void dialog_close(tui *t)
{
	dialog_free(t->dlg);
	t->dlg = NULL;
}

static struct dialog *dialog_new(tui *t, enum dialog_kind kind, const char *title, void *arg)
{
	dialog_close(t);
	struct dialog *d = xcalloc(1, sizeof *d);
	d->kind = kind;
	d->title = xstrdup(title ? title : "");
	d->arg = arg;
	t->dlg = d;
	return d;
}

void dialog_confirm(tui *t, const char *question, dialog_yes_fn fn, void *arg)
{
	struct dialog *d = dialog_new(t, DLG_CONFIRM, _("Please confirm"), arg);
	d->text = xasprintf("%s %s", question, _("(y/n)"));
	d->yes = fn;
}

void dialog_prompt(tui *t, const char *title, const char *label, const char *help,
		   const char *initial, dialog_submit_fn submit, void *arg)
{
	struct dialog *d = dialog_new(t, DLG_PROMPT, title, arg);
	d->label = xstrdup(label ? label : "");
	d->text = help ? xstrdup(help) : NULL;
	le_set(&d->ed, initial);
	d->submit = submit;
}

void dialog_menu(tui *t, const char *title, const char *const *items, int n, int selected,
		 dialog_choice_fn fn, void *arg)
{
	struct dialog *d = dialog_new(t, DLG_MENU, title, arg);
	d->items = xcalloc((size_t)n, sizeof *d->items);
	for (int i = 0; i < n; i++)
		d->items[i] = xstrdup(items[i]);
	d->n = n;
	d->sel = selected >= 0 && selected < n ? selected : 0;
	d->choice = fn;
}

void dialog_info(tui *t, const char *title, const char *text)
{
	struct dialog *d = dialog_new(t, DLG_INFO, title, NULL);
	d->text = xstrdup(text);
}

bool dialog_open(const tui *t)
{
	return t->dlg != NULL;
}

const enum action *dialog_actions(const tui *t, bool *text_input)
{
	*text_input = t->dlg && t->dlg->kind == DLG_PROMPT;
	if (!t->dlg)
		return NULL;
	switch (t->dlg->kind) {
	case DLG_CONFIRM: return confirm_actions;
	case DLG_PROMPT: return prompt_actions;
	case DLG_MENU: return menu_actions;
	default: return info_actions;
	}
}

/* Take the dialog off the screen, then run its callback (which may open another). */
static void finish_yes(tui *t)
{
	struct dialog *d = t->dlg;
	t->dlg = NULL;
	if (d->yes)
		d->yes(t, d->arg);
	dialog_free(d);
}

static void finish_choice(tui *t, int choice)
{
	struct dialog *d = t->dlg;
	t->dlg = NULL;
	if (d->choice)
		d->choice(t, d->arg, choice);
	dialog_free(d);
}

static void prompt_submit(tui *t)
{
	struct dialog *d = t->dlg;
	char *text = le_text(&d->ed);
	cerr e;
	err_clear(&e);
	t->dlg = NULL; /* detached while the callback runs: it may open another dialog */
	int r = d->submit ? d->submit(t, d->arg, text, &e) : ST_OK;
	free(text);
	if (r && !t->dlg) { /* stay open with everything typed, and say why */
		free(d->error);
		d->error = xstrdup(*e.msg ? e.msg : _("could not be saved"));
		t->dlg = d;
		return;
	}
	dialog_free(d);
}

void dialog_key(tui *t, const tkey *k)
{
	struct dialog *d = t->dlg;
	bool text;
	const enum action *acts = dialog_actions(t, &text);
	tkey low = *k;
	if (!k->fn && d->kind == DLG_CONFIRM)
		low.c = towlower(k->c); /* Y and O as y and o */
	enum action act = action_for_key(acts, &low, text);
	if (act == ACT_YES && !low.fn && low.c != action_yes_letter())
		act = ACT_NONE; /* the yes of the other language: in French y is no answer */
	switch (d->kind) {
	case DLG_CONFIRM:
		if (act == ACT_YES)
			finish_yes(t);
		else if (act == ACT_NO)
			dialog_close(t);
		break;
	case DLG_PROMPT:
		if (act == ACT_CONFIRM || act == ACT_SAVE)
			prompt_submit(t);
		else if (act == ACT_CANCEL)
			dialog_close(t);
		else if (le_key(&d->ed, k)) {
			free(d->error);
			d->error = NULL;
		}
		break;
	case DLG_MENU:
		if (act == ACT_UP)
			d->sel = (d->sel + d->n - 1) % d->n;
		else if (act == ACT_DOWN)
			d->sel = (d->sel + 1) % d->n;
		else if (act == ACT_CONFIRM)
			finish_choice(t, d->sel);
		else if (act == ACT_CANCEL)
			dialog_close(t);
		else if (!k->fn && k->c >= '1' && k->c < (wint_t)('1' + d->n) && k->c <= '9')
			finish_choice(t, (int)(k->c - '1'));
		break;
	case DLG_INFO:
		dialog_close(t); /* any key */
		break;
	}
}

/* Lines the text takes wrapped at width w (draws nothing: the rectangle has no height). */
static int wrapped_lines(const char *s, int w)
{
	return s && *s ? draw_wrapped((rect){0, 0, 0, w}, 0, s, A_NORMAL) : 0;
}

void dialog_draw(tui *t)
{
	struct dialog *d = t->dlg;
	if (!d)
		return;
	int w = COLS - 8 < 72 ? COLS - 8 : 72, inner = w - 4;
	int h;
	rect r;
	switch (d->kind) {
	case DLG_CONFIRM:
	case DLG_INFO: {
		int lines = wrapped_lines(d->text, inner);
		int maxl = LINES - 6;
		h = (lines < maxl ? lines : maxl) + 4;
		r = draw_box(h, w, d->title);
		draw_wrapped((rect){r.y + 1, r.x, r.h - 2, r.w}, 0, d->text,
			     style_attr(d->kind == DLG_INFO ? S_ERROR : S_NORMAL));
		break;
	}
	case DLG_PROMPT: {
		int help = wrapped_lines(d->text, inner), err = wrapped_lines(d->error, inner);
		/* borders, a blank, the help and a blank, the field, a blank, the reason */
		h = 2 + 1 + (help ? help + 1 : 0) + 1 + 1 + err;
		r = draw_box(h, w, d->title);
		int y = r.y + 1;
		if (help) {
			draw_wrapped((rect){y, r.x, help, r.w}, 0, d->text, style_attr(S_DIM));
			y += help + 1;
		}
		int lw = text_width(d->label);
		if (lw > r.w / 3)
			lw = r.w / 3;
		draw_text(y, r.x, lw, d->label, style_attr(S_LABEL) | A_BOLD);
		int cx = le_draw(&d->ed, y, r.x + lw + 1, r.w - lw - 1, style_attr(S_FIELD_FOCUS));
		tui_cursor(t, y, cx);
		if (err)
			draw_wrapped((rect){y + 2, r.x, err, r.w}, 0, d->error, style_attr(S_ERROR));
		break;
	}
	case DLG_MENU: {
		h = d->n + 4;
		r = draw_box(h, w > 50 ? 50 : w, d->title);
		for (int i = 0; i < d->n && i < r.h - 2; i++) {
			char *line = xasprintf("%d  %s", i + 1, d->items[i]);
			draw_cell(r.y + 1 + i, r.x, r.w, line, style_row(S_NORMAL, i == d->sel));
			free(line);
		}
		break;
	}
	}
}
