/* form.c — the one form widget: labelled fields, each a line editor, a box to tick, a choice
 * among a few words or a record chosen in a picker, checked as the person leaves it with the
 * reason shown under it. The owner decides what saving means; the form only says when it was
 * asked for, and never loses what was typed. */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "form.h"
#include "frame.h"

#define FIELD_WIDTH_MAX 50

const enum action form_actions[] = {ACT_SAVE,   ACT_NEXT_FIELD, ACT_PREV_FIELD,
				    ACT_TOGGLE, ACT_CANCEL,     ACT_NONE};

void form_init(form *f, void *ctx)
{
	memset(f, 0, sizeof *f);
	f->ctx = ctx;
}

form form_restart(form *f)
{
	form was = *f;
	form_init(f, was.ctx);
	f->check = was.check;
	f->changed = was.changed;
	return was;
}

static field *add(form *f, const char *name, const char *label, int type)
{
	field *fl = xcalloc(1, sizeof *fl);
	fl->name = name;
	fl->label = xstrdup(label);
	fl->type = type;
	f->fields = xrealloc(f->fields, (f->n + 1) * sizeof *f->fields);
	f->fields[f->n++] = fl;
	return fl;
}

field *form_add_text(form *f, const char *name, const char *label, const char *initial,
		     int width)
{
	field *fl = add(f, name, label, FIELD_TEXT);
	fl->width = width;
	fl->initial = xstrdup(initial ? initial : "");
	le_set(&fl->ed, fl->initial);
	return fl;
}

field *form_add_check(form *f, const char *name, const char *label, bool on)
{
	field *fl = add(f, name, label, FIELD_CHECK);
	fl->on = fl->initial_on = on;
	return fl;
}

field *form_add_choice(form *f, const char *name, const char *label, const char *const *items,
		       int n, int choice)
{
	field *fl = add(f, name, label, FIELD_CHOICE);
	fl->items = xcalloc((size_t)(n > 0 ? n : 1), sizeof *fl->items);
	for (int i = 0; i < n; i++)
		fl->items[i] = xstrdup(items[i]);
	fl->nitems = n;
	fl->choice = fl->initial_choice = choice >= 0 && choice < n ? choice : 0;
	return fl;
}

field *form_add_pick(form *f, const char *name, const char *label,
		     const struct picker_source *src, int64_t id, const char *value,
		     const char *shown)
{
	field *fl = add(f, name, label, FIELD_PICK);
	fl->source = src;
	fl->id = fl->initial_id = id;
	fl->value = value ? xstrdup(value) : NULL;
	fl->initial = xstrdup(value ? value : "");
	fl->shown = xstrdup(shown ? shown : "");
	return fl;
}

void form_set_pick(form *f, size_t i, int64_t id, const char *value, const char *shown)
{
	if (i >= f->n || f->fields[i]->type != FIELD_PICK)
		return;
	field *fl = f->fields[i];
	free(fl->value);
	free(fl->shown);
	fl->id = id;
	fl->value = value ? xstrdup(value) : NULL;
	fl->shown = xstrdup(shown ? shown : "");
	sb_reset(&fl->error);
}

field *form_field(form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (!strcmp(f->fields[i]->name, name))
			return f->fields[i];
	return NULL;
}

char *form_text(form *f, const char *name)
{
	field *fl = form_field(f, name);
	if (fl && fl->type == FIELD_PICK)
		return xstrdup(fl->value ? fl->value : "");
	return fl && fl->type == FIELD_TEXT ? le_text(&fl->ed) : xstrdup("");
}

int form_choice(form *f, const char *name)
{
	field *fl = form_field(f, name);
	return fl && fl->type == FIELD_CHOICE ? fl->choice : -1;
}

int64_t form_pick_id(form *f, const char *name)
{
	field *fl = form_field(f, name);
	return fl && fl->type == FIELD_PICK ? fl->id : 0;
}

bool form_on(form *f, const char *name)
{
	field *fl = form_field(f, name);
	return fl && fl->on;
}

void form_focus(form *f, size_t i)
{
	if (i < f->n)
		f->focus = i;
}

/* Run the owner's check of field i; its reason goes under the field it names, whose index is
 * put in *wrong (when wrong is not NULL). */
static bool check_field_at(form *f, size_t i, size_t *wrong)
{
	if (!f->check || i >= f->n)
		return true;
	cerr e;
	err_clear(&e);
	sb_reset(&f->fields[i]->error);
	if (f->check(f, i, &e) == ST_OK)
		return true;
	size_t where = i;
	for (size_t j = 0; *e.field && j < f->n; j++)
		if (!strcmp(f->fields[j]->name, e.field))
			where = j;
	field *at = f->fields[where];
	sb_reset(&at->error);
	sb_add(&at->error, e.msg);
	if (wrong)
		*wrong = where;
	return false;
}

bool form_check_field(form *f, size_t i)
{
	return check_field_at(f, i, NULL);
}

static bool enter_key(const tkey *k)
{
	return tkey_is(k, false, '\n') || tkey_is(k, false, '\r') || tkey_is(k, true, KEY_ENTER);
}

/* The first word of a choice that starts with the letter typed (case and accents aside: 'e'
 * picks "Été"), after the one chosen now so that typing it again goes on; -1 for none. */
static int choice_by_letter(const field *fl, wint_t c)
{
	char typed[8] = {0};
	mbstate_t st = {0};
	if (wcrtomb(typed, (wchar_t)c, &st) == (size_t)-1)
		return -1;
	char *want = text_fold(typed);
	int found = -1;
	for (int k = 1; k <= fl->nitems && found < 0; k++) {
		int i = (fl->choice + k) % fl->nitems;
		char *word = text_fold(fl->items[i]);
		size_t n = strlen(want);
		if (n && !strncmp(word, want, n))
			found = i;
		free(word);
	}
	free(want);
	return found;
}

static bool erase_key(const tkey *k)
{
	return tkey_is(k, true, KEY_BACKSPACE) || tkey_is(k, true, KEY_DC) ||
	       tkey_is(k, false, 0x7f) || tkey_is(k, false, TK_CTRL('h')) ||
	       tkey_is(k, false, TK_CTRL('u')) || tkey_is(k, false, TK_CTRL('k'));
}

/* Keys of a choice or a picker field; FORM_NONE for the others (moving between fields). */
static int special_key(form *f, field *fl, const tkey *k)
{
	if (fl->type == FIELD_CHOICE && fl->nitems > 0) {
		int to = -1;
		if (tkey_is(k, false, ' ') || tkey_is(k, true, KEY_RIGHT))
			to = (fl->choice + 1) % fl->nitems;
		else if (tkey_is(k, true, KEY_LEFT))
			to = (fl->choice + fl->nitems - 1) % fl->nitems;
		else if (tkey_printable(k) && iswalnum(k->c))
			to = choice_by_letter(fl, k->c);
		else if (!tkey_printable(k))
			return FORM_NONE;
		if (to >= 0 && to != fl->choice) {
			fl->choice = to;
			sb_reset(&fl->error);
			if (f->changed)
				f->changed(f, f->focus);
		}
		return FORM_HANDLED; /* other characters do nothing here */
	}
	if (fl->type == FIELD_PICK) {
		if (tkey_printable(k))
			return FORM_PICK;
		if (erase_key(k)) {
			if (fl->id || fl->value) {
				form_set_pick(f, f->focus, 0, NULL, NULL);
				if (f->changed)
					f->changed(f, f->focus);
			}
			return FORM_HANDLED;
		}
	}
	return FORM_NONE;
}

int form_key(form *f, const tkey *k, enum action act)
{
	if (f->n == 0)
		return act == ACT_CANCEL ? FORM_CANCEL : FORM_NONE;
	field *fl = f->fields[f->focus];
	int special = special_key(f, fl, k);
	if (special != FORM_NONE)
		return special;
	if (fl->type == FIELD_CHECK && tkey_is(k, false, ' ')) {
		fl->on = !fl->on;
		sb_reset(&fl->error);
		if (f->changed)
			f->changed(f, f->focus);
		return FORM_HANDLED;
	}
	if (fl->type == FIELD_TEXT && le_key(&fl->ed, k)) {
		sb_reset(&fl->error); /* typing is fixing it; checked again on leaving */
		return FORM_HANDLED;
	}
	switch (act) {
	case ACT_NEXT_FIELD:
		if (enter_key(k)) {
			/* Enter: a field in error keeps the focus, so that the correction lands in
			 * it; on the last field it saves, as F10 does. */
			size_t wrong = f->focus;
			if (!check_field_at(f, f->focus, &wrong)) {
				f->focus = wrong;
				return FORM_HANDLED;
			}
			if (f->focus + 1 == f->n)
				return FORM_SAVE;
			f->focus++;
			return FORM_HANDLED;
		}
		form_check_field(f, f->focus);
		f->focus = (f->focus + 1) % f->n;
		return FORM_HANDLED;
	case ACT_PREV_FIELD:
		form_check_field(f, f->focus);
		f->focus = (f->focus + f->n - 1) % f->n;
		return FORM_HANDLED;
	case ACT_SAVE:
		return FORM_SAVE;
	case ACT_CANCEL:
		return FORM_CANCEL;
	default:
		return FORM_NONE;
	}
}

bool form_check_all(form *f)
{
	size_t first = f->n;
	for (size_t i = 0; i < f->n; i++)
		sb_reset(&f->fields[i]->error);
	for (size_t i = 0; i < f->n; i++)
		if (!form_check_field(f, i) && first == f->n)
			first = i;
	for (size_t i = 0; i < f->n && first == f->n; i++)
		if (f->fields[i]->error.len) /* a check may put its reason on another field */
			first = i;
	if (first < f->n)
		f->focus = first;
	return first == f->n;
}

bool form_show_error(form *f, const cerr *e)
{
	for (size_t i = 0; i < f->n; i++)
		if (*e->field && !strcmp(f->fields[i]->name, e->field)) {
			sb_reset(&f->fields[i]->error);
		sb_add(&f->fields[i]->error, e->msg);
			f->focus = i;
			return true;
		}
	return false;
}

/* Whether the person changed field fl from what the form was opened with. */
static bool field_changed(const field *fl)
{
	switch (fl->type) {
	case FIELD_CHECK:
		return fl->on != fl->initial_on;
	case FIELD_CHOICE:
		return fl->choice != fl->initial_choice;
	case FIELD_PICK:
		return fl->id != fl->initial_id || strcmp(fl->value ? fl->value : "", fl->initial);
	default: {
		char *now = le_text(&fl->ed);
		bool changed = strcmp(now, fl->initial) != 0;
		free(now);
		return changed;
	}
	}
}

void form_keep_typed(form *f, form *typed)
{
	for (size_t i = 0; i < typed->n; i++) {
		field *was = typed->fields[i], *fl = form_field(f, was->name);
		if (!fl || fl->type != was->type)
			continue;
		for (size_t j = 0; i == typed->focus && j < f->n; j++)
			if (f->fields[j] == fl)
				f->focus = j;
		if (!field_changed(was))
			continue;
		switch (was->type) {
		case FIELD_CHECK:
			fl->on = was->on;
			break;
		case FIELD_CHOICE:
			if (was->choice < fl->nitems)
				fl->choice = was->choice;
			break;
		case FIELD_PICK:
			free(fl->value);
			free(fl->shown);
			fl->id = was->id;
			fl->value = was->value ? xstrdup(was->value) : NULL;
			fl->shown = xstrdup(was->shown ? was->shown : "");
			break;
		default: {
			char *text = le_text(&was->ed);
			le_set(&fl->ed, text);
			fl->ed.cur = was->ed.cur;
			free(text);
			break;
		}
		}
	}
	f->top = typed->top;
	form_free(typed);
}

bool form_dirty(const form *f)
{
	for (size_t i = 0; i < f->n; i++)
		if (field_changed(f->fields[i]))
			return true;
	return false;
}

static int label_width(const form *f, int w)
{
	int lw = 0;
	for (size_t i = 0; i < f->n; i++) {
		int tw = text_width(f->fields[i]->label);
		if (tw > lw)
			lw = tw;
	}
	lw += 2;
	return lw > w / 3 ? w / 3 : lw;
}

/* The lines under field fl, for its reason: one when there is none or it fits beside the
 * label, else as many as it takes wrapped across the whole width. */
static int error_lines(const field *fl, rect r, int lw)
{
	const char *why = sb_str(&fl->error);
	if (!*why || text_width(why) <= r.w - lw)
		return 1;
	return draw_wrapped((rect){0, 0, 0, r.w}, 0, why, A_NORMAL);
}

static void draw_field(form *f, tui *t, size_t i, int y, rect r, int lw, bool error_below)
{
	field *fl = f->fields[i];
	bool focus = i == f->focus;
	int fx = r.x + lw, room = r.w - lw;
	draw_text(y, r.x, lw - 1, fl->label, style_attr(S_LABEL) | (focus ? A_BOLD : 0));
	int used;
	if (fl->type == FIELD_CHECK) {
		used = draw_text(y, fx, room, fl->on ? "[x]" : "[ ]",
				 style_attr(focus ? S_FIELD_FOCUS : S_NORMAL));
		if (focus && t)
			tui_cursor(t, y, fx + 1);
	} else if (fl->type == FIELD_CHOICE) {
		int iw = 0; /* as wide as the widest word, so that the field does not jump */
		for (int k = 0; k < fl->nitems; k++)
			if (text_width(fl->items[k]) > iw)
				iw = text_width(fl->items[k]);
		char *text = xasprintf("‹ %s ›", fl->nitems ? fl->items[fl->choice] : "");
		used = iw + 4 < room ? iw + 4 : room;
		draw_cell(y, fx, used, text, style_attr(focus ? S_FIELD_FOCUS : S_FIELD));
		free(text);
		if (focus && t)
			tui_cursor(t, y, fx + 2);
	} else if (fl->type == FIELD_PICK) {
		int fw = fl->width ? fl->width : FIELD_WIDTH_MAX;
		if (fw > room)
			fw = room;
		draw_cell(y, fx, fw, fl->shown, style_attr(focus ? S_FIELD_FOCUS : S_FIELD));
		if (focus && t)
			tui_cursor(t, y, fx);
		used = fw;
	} else {
		int fw = fl->width ? fl->width : FIELD_WIDTH_MAX;
		if (fw > room)
			fw = room;
		/* A field left shows the start of its text, not the end where the cursor was. */
		size_t cur = fl->ed.cur, scroll = fl->ed.scroll;
		if (!focus)
			fl->ed.cur = 0;
		int cx = le_draw(&fl->ed, y, fx, fw, style_attr(focus ? S_FIELD_FOCUS : S_FIELD));
		if (!focus) {
			fl->ed.cur = cur;
			fl->ed.scroll = scroll;
		}
		if (focus && t)
			tui_cursor(t, y, cx);
		used = fw;
	}
	int after = fx + used + 2, left = r.x + r.w - after;
	/* The reason alone, not after the field's name: a sentence, starting with a capital. */
	char *why = fl->error.len ? text_capitalised(sb_str(&fl->error)) : NULL;
	if (why && !error_below)
		draw_text(y, after, left, why, style_attr(S_ERROR));
	else if (fl->format && !why && error_below && text_width(fl->format) > left)
		draw_text(y + 1, fx, room, fl->format, style_attr(S_DIM)); /* whole, under it */
	else if (fl->format && left > 4)
		draw_text(y, after, left, fl->format, style_attr(S_DIM));
	if (why && error_below) { /* under the field, or wrapped from the label */
		if (text_width(why) <= room)
			draw_text(y + 1, fx, room, why, style_attr(S_ERROR));
		else
			draw_wrapped((rect){y + 1, r.x, error_lines(fl, r, lw), r.w}, 0, why,
				     style_attr(S_ERROR));
	}
	free(why);
}

void form_draw(form *f, tui *t, rect r)
{
	if (f->n == 0 || r.h <= 0 || r.w <= 0)
		return;
	int lw = label_width(f, r.w);
	/* Two lines a field (the reason goes under it, whole, on as many lines as it takes) when
	 * there is room, else one, the last lines then keeping the reason of a field in error
	 * whole (beside a wide field there is no room for it). */
	int step = r.h >= (int)(2 * f->n) ? 2 : 1;
	if (step == 1) {
		const field *wrong = NULL;
		for (size_t i = 0; i < f->n && !wrong; i++)
			if (f->fields[i]->error.len)
				wrong = f->fields[i];
		if (f->fields[f->focus]->error.len)
			wrong = f->fields[f->focus];
		char *line = wrong ? xasprintf(_("%s: %s"), wrong->label, sb_str(&wrong->error)) : NULL;
		int n = line ? draw_wrapped((rect){0, 0, 0, r.w}, 0, line, A_NORMAL) : 0;
		if (line && r.h > n + 1) {
			draw_wrapped((rect){r.y + r.h - n, r.x, n, r.w}, 0, line, style_attr(S_ERROR));
			r.h -= n + 1;
		}
		free(line);
	}
	/* The fields from f->top, as many as fit, the one being typed in among them. */
	if (f->focus < f->top)
		f->top = f->focus;
	for (;;) {
		int used = 0;
		for (size_t i = f->top; i <= f->focus; i++)
			used += step == 1 ? 1 : 1 + error_lines(f->fields[i], r, lw);
		if (used <= r.h || f->top == f->focus)
			break;
		f->top++;
	}
	int y = r.y;
	for (size_t i = f->top; i < f->n; i++) {
		int h = step == 1 ? 1 : 1 + error_lines(f->fields[i], r, lw);
		if (i > f->top && y + h > r.y + r.h)
			break;
		draw_field(f, t, i, y, r, lw, step == 2);
		y += h;
	}
}

void form_free(form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		field *fl = f->fields[i];
		le_free(&fl->ed);
		free(fl->label);
		free(fl->initial);
		for (int k = 0; k < fl->nitems; k++)
			free(fl->items[k]);
		free(fl->items);
		free(fl->value);
		free(fl->shown);
		sb_free(&fl->error);
		free(fl);
	}
	free(f->fields);
	f->fields = NULL;
	f->n = 0;
}

const char *form_date_format(void)
{
	return lang_french ? _("DD/MM/YYYY") : _("YYYY-MM-DD");
}

const char *form_day(form *f, const char *name, bool allow_blank, cday *day)
{
	char *text = form_text(f, name);
	*day = NO_DAY;
	const char *why = str_blank(text) ? (allow_blank ? NULL : N_("must not be empty"))
					  : parse_date(str_trim(text), day);
	free(text);
	return why;
}

const char *form_clock(form *f, const char *name, int *minutes)
{
	char *text = form_text(f, name);
	str_trim(text);
	const char *why = NULL;
	if (!strcmp(text, "24:00"))
		*minutes = 24 * 60;
	else
		why = *text ? parse_clock(text, minutes) : N_("must not be empty");
	free(text);
	return why;
}
