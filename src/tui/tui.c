/* tui.c — the frame and the main loop: the top bar (agency, areas as tabs, who, when), the
 * current view, the message line and the key bar; keys go to the dialog, then the view, then
 * the frame. The loop waits for keys with a timeout to tick the clock and to notice, through
 * PRAGMA data_version, what another desk wrote. */
#include <stdarg.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wctype.h>

#include "charte/settings.h"
#include "dialog.h"
#include "form.h"
#include "frame.h"
#include "input.h"
#include "list.h"
#include "views.h"
#include "areas.h"

#define TICK_MS 1000        /* wait for a key at most this long */
#define SETTLE_MS 150       /* a pause in the typing this long runs a search */
#define CHECK_EVERY_MS 2000 /* look for another desk's changes at most this often */

app *tui_app(tui *t)
{
	return t->a;
}

view *tui_top(tui *t)
{
	int d = t->areas[t->area].depth;
	return d > 0 ? &t->areas[t->area].stack[d - 1] : NULL;
}

view *tui_below(tui *t)
{
	int d = t->areas[t->area].depth;
	return d > 1 ? &t->areas[t->area].stack[d - 2] : NULL;
}

void tui_cursor(tui *t, int y, int x)
{
	t->cur_y = y;
	t->cur_x = x;
}

#define MSG_LINES 3 /* a message longer than this is shown in a box */

/* The lines a message takes, wrapped at the message line's width. */
static int msg_lines(const char *text)
{
	return *text ? draw_wrapped((rect){0, 0, 0, COLS - 2}, 0, text, A_NORMAL) : 0;
}

/* Show text whole: on the message line and those above it, or in a box titled `title` when it
 * needs more than MSG_LINES (or a dialog is open, which would cover the lines above). */
/* A message starts with a capital, as a sentence does: the domain's reasons are written to
 * follow a field's name ("at: is later than now") and start in lower case. */
static void capitalise(strbuf *b)
{
	char *up = text_capitalised(sb_str(b));
	sb_reset(b);
	sb_add(b, up);
	free(up);
}

static void show_msg(tui *t, const char *title, bool error)
{
	t->msg_error = error;
	capitalise(&t->msg);
	if (msg_lines(sb_str(&t->msg)) > MSG_LINES && !dialog_open(t)) {
		dialog_info(t, title, sb_str(&t->msg));
		sb_reset(&t->msg);
	}
}

void tui_msg(tui *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_reset(&t->msg);
	sb_vaddf(&t->msg, fmt, ap);
	va_end(ap);
	show_msg(t, "", false);
}

void tui_error(tui *t, const cerr *e)
{
	sb_reset(&t->msg);
	sb_add(&t->msg, *e->msg ? e->msg : _("something went wrong"));
	show_msg(t, e->code == ST_DENIED ? _("Not allowed") : _("Cannot do that"), true);
}

bool tui_may(tui *t, int area)
{
	cerr e;
	err_clear(&e);
	if (role_check(t->a, area, ACCESS_WRITE, &e) == ST_OK)
		return true;
	tui_error(t, &e);
	return false;
}

/* Bring the top view up to date if the data changed while it was hidden. */
static void freshen(tui *t)
{
	view *v = tui_top(t);
	if (v && v->gen != t->gen) {
		v->gen = t->gen;
		if (v->ops->reload)
			v->ops->reload(t, v);
		else if (v->ops->searched_list)
			lv_view_reload(t, v);
	}
}

static void close_view(tui *t, view *v);

int tui_push(tui *t, const struct view_ops *ops, void *arg)
{
	int *depth = &t->areas[t->area].depth;
	if (*depth >= TUI_DEPTH) {
		tui_msg(t, _("Too many screens open: close one with Esc first"));
		return ST_CONFLICT;
	}
	view *v = &t->areas[t->area].stack[*depth];
	memset(v, 0, sizeof *v);
	v->ops = ops;
	v->gen = t->gen;
	cerr e;
	err_clear(&e);
	int r = ops->open ? ops->open(t, v, arg, &e) : ST_OK;
	if (r) {
		tui_error(t, &e);
		if (v->data) /* what the open made before it failed */
			close_view(t, v);
		memset(v, 0, sizeof *v);
		return r;
	}
	(*depth)++;
	return ST_OK;
}

static void close_view(tui *t, view *v)
{
	if (v->ops && v->ops->close)
		v->ops->close(t, v);
	else if (v->ops && v->ops->searched_list)
		lv_view_close(t, v);
	memset(v, 0, sizeof *v);
}

void tui_pop(tui *t)
{
	int *depth = &t->areas[t->area].depth;
	if (*depth <= 1)
		return;
	close_view(t, tui_top(t));
	(*depth)--;
	freshen(t);
}

void tui_area(tui *t, size_t i)
{
	if (i >= t->narea)
		return;
	t->area = i;
	if (t->areas[i].depth == 0) /* areas open when first shown: the first screen is Today's */
		tui_push(t, tui_areas[i].root, NULL);
	freshen(t);
}

view *tui_goto(tui *t, const struct view_ops *root)
{
	for (size_t i = 0; i < t->narea; i++)
		if (tui_areas[i].root == root) {
			tui_area(t, i);
			return tui_top(t);
		}
	return NULL;
}

int view_key(tui *t, view *v, const tkey *k, enum action act)
{
	if (v->ops->key)
		return v->ops->key(t, v, k, act);
	return v->ops->form ? form_view_key(t, v, k, act) : TK_PASS;
}

bool view_dirty(view *v)
{
	if (v->ops->dirty)
		return v->ops->dirty(v);
	return v->ops->form && form_dirty(form_view_form(v));
}

const enum action *view_actions(view *v, bool *text_input)
{
	*text_input = v && v->ops->text_input;
	if (!v)
		return NULL;
	if (v->ops->mode)
		return v->ops->mode(v, text_input);
	if (v->ops->searched_list)
		return lv_mode(v->data, v->ops->actions, text_input);
	return v->ops->actions;
}

static void load_agency(tui *t)
{
	free(t->agency);
	t->agency = settings_get(t->a, "agency.name");
}

void tui_changed(tui *t)
{
	t->gen++;
	load_agency(t);
	freshen(t);
}

static bool any_dirty(tui *t)
{
	for (size_t a = 0; a < t->narea; a++)
		for (int i = 0; i < t->areas[a].depth; i++) {
			view *v = &t->areas[a].stack[i];
			if (view_dirty(v))
				return true;
		}
	return false;
}

/* ---- Drawing the frame ---------------------------------------------------------------- */

static bool too_small(void)
{
	return COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES;
}

/* Q quits a window too small only where it is not a letter being typed (a caller named
 * Quentin in the new-call form) and nothing typed would be lost. */
static bool small_may_quit(tui *t)
{
	bool text = false;
	if (dialog_open(t) || any_dirty(t))
		return false;
	view_actions(tui_top(t), &text);
	return !text;
}

/* Below 80×24 nothing else is drawn; what was typed waits, whole, for a larger window. */
static void draw_too_small(tui *t)
{
	char want[24], have[24];
	snprintf(want, sizeof want, "%d×%d", TUI_MIN_COLS, TUI_MIN_LINES);
	snprintf(have, sizeof have, "%d×%d", COLS, LINES);
	char *need = xasprintf(_("need %s, have %s"), want, have);
	const char *lines[] = {_("Terminal too small"), need, _("Make the window larger."),
			       any_dirty(t)	     ? _("What you typed is kept.")
			       : small_may_quit(t) ? _("Q quits.")
						   : ""};
	int y = (LINES - (int)ARRAY_LEN(lines)) / 2;
	for (size_t i = 0; i < ARRAY_LEN(lines); i++) {
		int w = text_width(lines[i]);
		int x = w < COLS ? (COLS - w) / 2 : 0;
		draw_text(y + (int)i, x, COLS - x, lines[i], i == 0 ? A_BOLD : A_NORMAL);
	}
	free(need);
}

static void draw_top(tui *t)
{
	attr_t title = style_attr(S_TITLE);
	draw_fill(0, 0, COLS, title);
	char clock[40];
	tui_fmt_clock(t->clock, clock, sizeof clock);
	int cw = text_width(clock) + 1;
	draw_text_right(0, 0, COLS - 1, clock, title);
	/* Who is working, before the clock; a very long name is cut, not the clock. At 80
	 * columns something has to give: the role before the name is cut, and "Charte · "
	 * before the agency's name is. */
	bool agency = t->agency && *t->agency;
	char *brief = agency ? xasprintf(" %s", t->agency) : xstrdup(" Charte");
	char *who = xasprintf("%s (%s)", app_who(t->a), enum_label(&role_names, app_role(t->a)));
	int room = COLS / 2 - cw, rest = COLS - cw - 4 - text_width(brief);
	if (rest > room)
		room = rest;
	if (text_width(who) > room) {
		free(who);
		who = xstrdup(app_who(t->a));
	}
	int ww = text_width(who);
	if (ww > room)
		ww = room;
	draw_text_right(0, COLS - 1 - cw - ww - 1, ww, who, title);
	free(who);
	char *left = agency ? xasprintf(" Charte · %s", t->agency) : xstrdup(" Charte");
	int lw = COLS - cw - ww - 4;
	draw_text(0, 0, lw, text_width(left) <= lw ? left : brief, title);
	free(left);
	free(brief);
}

/* A tab's text: " N Title " with room around it, "N Title" without. */
static char *tab_text(size_t i, bool roomy)
{
	const char *title = _(tui_areas[i].root->title);
	size_t digit = (i + 1) % 10; /* the tenth is 0 */
	return roomy ? xasprintf(" %zu %s ", digit, title) : xasprintf("%zu %s", digit, title);
}

/* The tabs, each " N Title "; when they do not all fit, without the spaces around them; when
 * they still do not, the titles of the other tabs are cut (with "…") to one width, the current
 * area's kept whole, so that every area's number shows whatever the language and the number of
 * areas. */
static void draw_tabs(tui *t)
{
	int widths[TUI_AREAS] = {0}, longest = 0, cap = 0;
	bool roomy = true;
	for (int pass = 0; pass < 2; pass++) {
		roomy = pass == 0;
		int total = 1;
		longest = 0;
		for (size_t i = 0; i < t->narea; i++) {
			char *tab = tab_text(i, roomy);
			widths[i] = text_width(tab);
			free(tab);
			total += widths[i] + 1;
			if (widths[i] > longest)
				longest = widths[i];
		}
		if (total <= COLS + 1) /* the last tab needs no space after it */
			break;
	}
	/* The widest cap at which the tabs and the spaces between them fit. */
	for (cap = longest; cap > 4; cap--) {
		int total = 0;
		for (size_t i = 0; i < t->narea; i++)
			total += (i == t->area || widths[i] < cap ? widths[i] : cap) + 1;
		if (total <= COLS)
			break;
	}
	int x = 1;
	for (size_t i = 0; i < t->narea && x < COLS; i++) {
		char *tab = tab_text(i, roomy);
		int w = i == t->area || widths[i] < cap ? widths[i] : cap;
		if (x + w > COLS)
			w = COLS - x;
		draw_text(1, x, w, tab, style_attr(i == t->area ? S_TAB_ACTIVE : S_TAB));
		free(tab);
		x += w + 1;
	}
}

/* True when key k, on this screen, does act (the view's keys come before the frame's). */
static bool key_does(const tkey *k, enum action act, const enum action *own,
		     const enum action *global, bool text)
{
	enum action a = action_for_key(own, k, text);
	if (a == ACT_NONE && global)
		a = action_for_key(global, k, text);
	return a == act;
}

/* "F2\x1fNew call": the first key that does act here (the help screen names them all), and
 * its label; NULL when no key does it here or it has no label on the key bar. */
static char *hint_for(enum action act, const enum action *own, const enum action *global,
		      bool text)
{
	const struct action_def *d = action_get(act);
	if (!d->hint)
		return NULL;
	for (size_t i = 0; i < ARRAY_LEN(d->keys) && (d->keys[i].fn || d->keys[i].c); i++)
		if (key_does(&d->keys[i], act, own, global, text)) {
			/* Yes: only the letter of the person's language answers. */
			if (act == ACT_YES && !d->keys[i].fn && d->keys[i].c != action_yes_letter())
				continue;
			char one[32];
			return xasprintf("%s\x1f%s", tkey_label(&d->keys[i], one), _(d->hint));
		}
	return NULL;
}

/* Columns an item takes on the key bar, with the gap after it. */
static int hint_width(const char *item)
{
	const char *sep = strchr(item, '\x1f');
	char keys[64];
	snprintf(keys, sizeof keys, "%.*s", (int)(sep - item), item);
	return text_width(keys) + 1 + text_width(sep + 1) + 2;
}

/* One key bar item at x ("key" in the key style, "label" plain); returns the next x. */
static int draw_hint(const char *item, int x, int limit)
{
	const char *sep = strchr(item, '\x1f');
	char keys[64];
	snprintf(keys, sizeof keys, "%.*s", (int)(sep - item), item);
	int need = text_width(keys) + 1 + text_width(sep + 1);
	if (x + need > limit)
		return -1;
	x += draw_text(LINES - 1, x, limit - x, keys, style_attr(S_KEY));
	x += 1;
	x += draw_text(LINES - 1, x, limit - x, sep + 1, style_attr(S_KEY_HINT));
	return x + 2;
}

static void draw_keys(tui *t)
{
	bool text = false;
	const enum action *own, *global = NULL;
	view *v = tui_top(t);
	if (dialog_open(t)) {
		own = dialog_actions(t, &text);
	} else {
		own = view_actions(v, &text);
		global = tui_global_actions;
	}
	/* F2 first (the receptionist's key), then the screen's own keys, then back; help and
	 * quit at the right end. */
	enum action order[ACT_COUNT + 4];
	size_t n = 0, nleft;
	if (global && !text) /* in a form F2 only goes back to its first field */
		order[n++] = ACT_NEW_CALL;
	for (const enum action *a = own; a && *a != ACT_NONE && n < ACT_COUNT; a++)
		order[n++] = *a;
	/* On Today's first screen Esc has nowhere to go back to: not offered there. */
	if (global && (t->area != 0 || t->areas[t->area].depth > 1))
		order[n++] = ACT_BACK;
	nleft = n;
	if (global) {
		order[n++] = ACT_HELP;
		order[n++] = ACT_QUIT;
	}
	char *items[ACT_COUNT + 4];
	int total = 0;
	for (size_t i = 0; i < n; i++) {
		items[i] = NULL;
		bool again = false;
		for (size_t j = 0; j < i; j++)
			again = again || order[j] == order[i];
		if (!again)
			items[i] = hint_for(order[i], own, global, text);
		if (items[i])
			total += hint_width(items[i]);
	}
	/* Too narrow for them all: the least important go first (the last of equals first);
	 * help never, so that every other key can still be found. Then a key given up that fits
	 * in the room left comes back, the most important first. */
	bool shown[ACT_COUNT + 4];
	for (size_t i = 0; i < n; i++)
		shown[i] = items[i] != NULL;
	while (total > COLS) {
		size_t drop = n;
		for (size_t i = 0; i < n; i++)
			if (shown[i] && action_get(order[i])->priority > 0 &&
			    (drop == n ||
			     action_get(order[i])->priority >= action_get(order[drop])->priority))
				drop = i;
		if (drop == n)
			break;
		total -= hint_width(items[drop]);
		shown[drop] = false;
	}
	for (int prio = 1; prio <= 3; prio++)
		for (size_t i = 0; i < n; i++)
			if (items[i] && !shown[i] && action_get(order[i])->priority == prio &&
			    total + hint_width(items[i]) <= COLS) {
				shown[i] = true;
				total += hint_width(items[i]);
			}
	for (size_t i = 0; i < n; i++)
		if (!shown[i]) {
			free(items[i]);
			items[i] = NULL;
		}
	int right = 0;
	for (size_t i = nleft; i < n; i++)
		if (items[i])
			right += hint_width(items[i]);
	int x = 0;
	for (size_t i = 0; i < nleft; i++)
		if (items[i]) {
			int next = draw_hint(items[i], x, COLS - right);
			if (next >= 0)
				x = next;
		}
	x = COLS - right;
	for (size_t i = nleft; i < n; i++)
		if (items[i]) {
			int next = draw_hint(items[i], x, COLS);
			if (next >= 0)
				x = next;
		}
	for (size_t i = 0; i < n; i++)
		free(items[i]);
}

static void draw_screen(tui *t)
{
	t->cur_y = -1;
	erase();
	if (too_small()) {
		draw_too_small(t);
	} else {
		draw_top(t);
		draw_tabs(t);
		view *v = tui_top(t);
		if (v)
			v->ops->draw(t, v, (rect){2, 0, LINES - 4, COLS});
		if (dialog_open(t)) {
			t->cur_y = -1; /* the dialog's field, if any, has the cursor */
			dialog_draw(t);
		}
		if (t->msg.len) { /* whole: wrapped upwards over the bottom of the view */
			int n = msg_lines(sb_str(&t->msg));
			if (n > LINES - 3) /* a dialog is open: no box for it, as many lines as it takes */
				n = LINES - 3;
			attr_t attr = style_attr(t->msg_error ? S_ERROR : S_INFO);
			for (int i = 1; i < n; i++)
				draw_fill(LINES - 2 - i, 0, COLS, A_NORMAL);
			draw_wrapped((rect){LINES - 1 - n, 1, n, COLS - 2}, 0, sb_str(&t->msg), attr);
		}
		draw_keys(t);
	}
	if (t->cur_y >= 0) {
		curs_set(1);
		move(t->cur_y, t->cur_x);
	} else {
		curs_set(0);
	}
	refresh();
}

/* ---- Keys ------------------------------------------------------------------------------- */

static void quit_yes(tui *t, void *arg)
{
	(void)arg;
	t->quit = true;
}

static void frame_key(tui *t, enum action act, const tkey *k)
{
	int *depth = &t->areas[t->area].depth;
	switch (act) {
	case ACT_NEW_CALL:
		if (tui_may(t, AREA_CALLS))
			tui_push(t, &view_call_form_ops, NULL);
		break;
	case ACT_HELP:
		tui_push(t, &view_help_ops, tui_top(t));
		break;
	case ACT_NEXT_AREA:
		tui_area(t, (t->area + 1) % t->narea);
		break;
	case ACT_PREV_AREA:
		tui_area(t, (t->area + t->narea - 1) % t->narea);
		break;
	case ACT_AREA: { /* 1 to 9, then 0 for the tenth */
		size_t i = k->c == '0' ? 9 : (size_t)(k->c - '1');
		if (i < t->narea)
			tui_area(t, i);
		break;
	}
	case ACT_BACK:
		if (*depth > 1)
			tui_pop(t);
		else if (t->area != 0)
			tui_area(t, 0);
		else
			tui_msg(t, _("Press Q to quit Charte"));
		break;
	case ACT_QUIT:
		if (any_dirty(t))
			dialog_confirm(t, _("A form has changes that are not saved. Quit anyway?"),
				       quit_yes, NULL);
		else
			t->quit = true;
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

static void handle_key(tui *t, const tkey *k)
{
	if (tkey_is(k, true, KEY_RESIZE))
		return; /* curses knows the new size: the next draw uses it */
	if (too_small()) {
		if (tkey_is(k, false, 'Q') && small_may_quit(t))
			t->quit = true;
		return; /* nothing else can be seen to happen */
	}
	if (dialog_open(t)) {
		dialog_key(t, k);
		return;
	}
	view *v = tui_top(t);
	bool text;
	const enum action *own = view_actions(v, &text);
	enum action act = action_for_key(own, k, text);
	if (act == ACT_NONE)
		act = action_for_key(tui_global_actions, k, text);
	if (v && view_key(t, v, k, act) == TK_DONE)
		return;
	frame_key(t, act, k);
}

/* ---- The clock and other desks' changes ------------------------------------------------ */

static long elapsed_ms(const struct timespec *since)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000 + (now.tv_nsec - since->tv_nsec) / 1000000;
}

/* True when something on the screen changed: the minute, or the data. */
static bool tick(tui *t, bool force)
{
	bool changed = false;
	cminute now = app_now(t->a);
	if (now != t->clock) {
		t->clock = now;
		changed = true;
	}
	if (!force && elapsed_ms(&t->checked) < CHECK_EVERY_MS)
		return changed;
	clock_gettime(CLOCK_MONOTONIC, &t->checked);
	int64_t v = app_data_version(t->a);
	if (v == t->data_version)
		return changed;
	t->data_version = v;
	cerr e;
	err_clear(&e);
	app_reload(t->a, &e); /* settings or staff may be what changed */
	tui_changed(t);
	return true;
}

/* ---- Start, loop, end ------------------------------------------------------------------- */

static SCREEN *start_curses(tui *t, FILE **out, FILE **in)
{
	SCREEN *scr;
	*out = *in = NULL;
	if (input_scripted(t)) {
		/* No terminal: draw into /dev/null at the size asked for (two streams on the
		 * same empty file: nothing is ever read from the input one). */
		*out = fopen("/dev/null", "w");
		*in = fopen("/dev/null", "r");
		if (!*out || !*in)
			return NULL;
		const char *term = getenv("TERM");
		scr = newterm(term && *term ? term : "xterm", *out, *in);
		if (!scr)
			scr = newterm("xterm", *out, *in);
		if (!scr)
			return NULL;
		int cols = TUI_MIN_COLS, lines = TUI_MIN_LINES;
		const char *size = getenv("CHARTE_SIZE");
		if (size && (sscanf(size, "%dx%d", &cols, &lines) != 2 || cols < 1 || lines < 1 ||
			     cols > 1000 || lines > 1000)) {
			cols = TUI_MIN_COLS;
			lines = TUI_MIN_LINES;
		}
		resizeterm(lines, cols);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			fprintf(stderr, _("charte: the full-screen program needs a terminal; for "
					  "scripts use a command (see 'charte --help')\n"));
			return NULL;
		}
		scr = newterm(NULL, stdout, stdin);
		if (!scr) {
			const char *term = getenv("TERM");
			fprintf(stderr, _("charte: cannot use the terminal type '%s'\n"),
				term ? term : "");
			return NULL;
		}
	}
	raw(); /* Ctrl-S saves and Ctrl-C cancels: no flow control, no signals */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	style_init();
	return scr;
}

/* The screen as text, one line per row without trailing spaces (the test seam). */
static void write_screen(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return;
	wchar_t *row = xmalloc(((size_t)COLS + 1) * sizeof *row);
	for (int y = 0; y < LINES; y++) {
		int n = mvinnwstr(y, 0, row, COLS);
		strbuf b = {0};
		mbstate_t st = {0};
		for (int i = 0; i < n && row[i]; i++) {
			char mb[MB_LEN_MAX];
			size_t len = wcrtomb(mb, row[i], &st);
			if (len != (size_t)-1)
				sb_addn(&b, mb, len);
		}
		size_t len = b.len;
		while (len && b.s[len - 1] == ' ')
			len--;
		fprintf(f, "%.*s\n", (int)len, b.s ? b.s : "");
		sb_free(&b);
	}
	free(row);
	fclose(f);
}

/* Run what the top view put off while keys came fast; true when there was something. */
static bool settle(tui *t)
{
	view *v = tui_top(t);
	if (!v || !v->pending)
		return false;
	v->pending = false;
	if (v->ops->settle)
		v->ops->settle(t, v);
	else if (v->ops->searched_list)
		lv_view_settle(t, v);
	return true;
}

static void run(tui *t)
{
	bool redraw = true;
	while (!t->quit) {
		if (redraw)
			draw_screen(t);
		tkey k;
		view *v = tui_top(t);
		int ev = input_next(t, &k, v && v->pending ? SETTLE_MS : TICK_MS);
		if (ev == IN_END) {
			if (settle(t)) /* the last screen shows the last search */
				draw_screen(t);
			break;
		}
		if (ev == IN_IDLE || ev == IN_WAIT) {
			redraw = settle(t);
			redraw = tick(t, ev == IN_WAIT) || redraw;
			continue;
		}
		if (!tkey_is(&k, true, KEY_RESIZE))
			sb_reset(&t->msg); /* a message lasts until the next key */
		handle_key(t, &k);
		tick(t, false);
		redraw = true;
	}
}

/* Another desk holds the agency file (a long import): this desk's save waits, and says so on
 * the message line at once, since the screen is not drawn again until the save is done. */
static void show_waiting(int ms, void *arg)
{
	tui *t = arg;
	if (too_small())
		return;
	char *text = xasprintf(_("Another desk is saving to the agency file: waiting (%d s)…"),
			       (ms + 500) / 1000);
	draw_fill(LINES - 2, 0, COLS, A_NORMAL);
	draw_text(LINES - 2, 1, COLS - 2, text, style_attr(S_INFO));
	free(text);
	refresh();
	(void)t;
}

int tui_main(app *a)
{
	tui t;
	memset(&t, 0, sizeof t);
	t.a = a;
	t.cur_y = -1;
	t.narea = tui_nareas;
	cerr e;
	err_clear(&e);
	if (input_open(&t, &e)) {
		fprintf(stderr, "charte: %s\n", e.msg);
		input_close(&t);
		return 1;
	}
	FILE *out, *in;
	SCREEN *scr = start_curses(&t, &out, &in);
	if (!scr) {
		input_close(&t);
		if (out)
			fclose(out);
		if (in)
			fclose(in);
		return 1;
	}
	app_on_wait(a, show_waiting, &t);
	t.clock = app_now(a);
	t.data_version = app_data_version(a);
	clock_gettime(CLOCK_MONOTONIC, &t.checked);
	load_agency(&t);
	tui_area(&t, 0);
	agency_setup_offer(&t);
	run(&t);

	const char *screen = getenv("CHARTE_SCREEN");
	if (screen && *screen) {
		draw_screen(&t);
		write_screen(screen);
	}
	app_on_wait(a, NULL, NULL);
	dialog_close(&t);
	for (size_t i = 0; i < t.narea; i++)
		while (t.areas[i].depth > 0)
			close_view(&t, &t.areas[i].stack[--t.areas[i].depth]);
	endwin();
	delscreen(scr);
	if (out)
		fclose(out);
	if (in)
		fclose(in);
	input_close(&t);
	free(t.agency);
	sb_free(&t.msg);
	return 0;
}
