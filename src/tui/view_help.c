/* view_help.c — `?` or F1: the keys of the screen it was opened on, then the keys that work
 * everywhere, from the action table (the key bar and the man page come from the same rows). */
#include <stdlib.h>
#include <string.h>

#include "frame.h"

typedef struct help {
	char *title;
	strbuf text; /* "keys\x1fwhat they do" lines, and "\x1e" headings */
	int scroll, lines, height;
} help;

static const enum action help_actions[] = {
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};

static bool listed(const enum action *acts, enum action a)
{
	for (; acts && *acts != ACT_NONE; acts++)
		if (*acts == a)
			return true;
	return false;
}

static void add_actions(help *h, const char *heading, const enum action *acts,
			const enum action *skip, bool text, const struct action_help *helps)
{
	sb_addf(&h->text, "\x1e%s\n", heading);
	for (; acts && *acts != ACT_NONE; acts++) {
		if (listed(skip, *acts))
			continue;
		const struct action_def *d = action_get(*acts);
		char keys[96];
		action_keys_label(d, text, keys, sizeof keys);
		if (*keys)
			sb_addf(&h->text, "%s\x1f%s\n", keys, action_help(helps, *acts));
	}
}

static int open_help(tui *t, view *v, void *arg, cerr *e)
{
	view *of = arg;
	help *h = xcalloc(1, sizeof *h);
	bool text = false;
	const enum action *own = view_actions(of, &text);
	const char *title = of ? _(of->ops->title) : "";
	h->title = xasprintf(_("Keys: %s"), title);
	const struct action_help *helps = of ? of->ops->helps : NULL;
	add_actions(h, _("On this screen"), own, NULL, text, helps);
	add_actions(h, _("Everywhere"), tui_global_actions, own, text, helps);
	sb_addf(&h->text, "\x1e%s\n", _("In a field"));
	sb_addf(&h->text, "←/→/%s/%s\x1f%s\n", _("Home"), _("End"), _("Move in the text"));
	sb_addf(&h->text, "%s/%s\x1f%s\n", _("Backspace"), _("Del"), _("Erase a character"));
	sb_addf(&h->text, "Ctrl-U/Ctrl-K\x1f%s\n", _("Erase to the start / to the end"));
	v->data = h;
	return ST_OK;
}

/* The widest key names, so the explanations line up. */
static int key_width(const help *h)
{
	int kw = 8;
	const char *p = sb_str(&h->text);
	while (*p) {
		const char *nl = strchr(p, '\n'), *sep = strchr(p, '\x1f');
		if (sep && (!nl || sep < nl)) {
			char *keys = xstrndup(p, (size_t)(sep - p));
			if (text_width(keys) + 2 > kw)
				kw = text_width(keys) + 2;
			free(keys);
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	return kw > 24 ? 24 : kw;
}

static void draw(tui *t, view *v, rect r)
{
	help *h = v->data;
	draw_text(r.y, 1, r.w - 2, h->title, style_attr(S_HEADER));
	int kw = key_width(h), tw = r.w - 6 - kw;
	rect body = {r.y + 2, 2, r.h - 2, r.w - 4};
	h->height = body.h;
	int line = 0; /* of the whole text, wrapped */
	const char *p = sb_str(&h->text);
	while (*p) {
		const char *nl = strchr(p, '\n');
		char *row = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
		int top = line - h->scroll;
		if (row[0] == '\x1e') {
			if (top >= 0 && top < body.h)
				draw_text(body.y + top, body.x, body.w, row + 1, style_attr(S_HEADER));
			line++;
		} else {
			char *sep = strchr(row, '\x1f');
			const char *what = sep ? sep + 1 : "";
			if (sep)
				*sep = '\0';
			int n = draw_wrapped((rect){0, 0, 0, tw}, 0, what, A_NORMAL);
			if (top + n > 0 && top < body.h) {
				int skip = top < 0 ? -top : 0, y = body.y + (top > 0 ? top : 0);
				if (top >= 0)
					draw_text(y, body.x + 2, kw, row, style_attr(S_KEY));
				int room = body.h - (top > 0 ? top : 0);
				draw_wrapped((rect){y, body.x + 2 + kw, room, tw}, skip, what, A_NORMAL);
			}
			line += n;
		}
		free(row);
		if (!nl)
			break;
		p = nl + 1;
	}
	h->lines = line;
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	help *h = v->data;
	int last = h->lines > h->height ? h->lines - h->height : 0;
	int page = h->height > 1 ? h->height - 1 : 1;
	switch (act) {
	case ACT_HELP: tui_pop(t); return TK_DONE; /* ? again closes */
	case ACT_UP: h->scroll--; break;
	case ACT_DOWN: h->scroll++; break;
	case ACT_PAGE_UP: h->scroll -= page; break;
	case ACT_PAGE_DOWN: h->scroll += page; break;
	case ACT_HOME: h->scroll = 0; break;
	case ACT_END: h->scroll = last; break;
	default: return TK_PASS;
	}
	if (h->scroll > last)
		h->scroll = last;
	if (h->scroll < 0)
		h->scroll = 0;
	return TK_DONE;
}

static void close_help(tui *t, view *v)
{
	help *h = v->data;
	free(h->title);
	sb_free(&h->text);
	free(h);
}

const struct view_ops view_help_ops = {
	.name = "help",
	.title = N_("Help"),
	.actions = help_actions,
	.open = open_help,
	.draw = draw,
	.key = key,
	.close = close_help,
};
