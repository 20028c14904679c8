/* input.c — where keystrokes come from: the keyboard through get_wch(), or the test seam's
 * script ($CHARTE_KEYS, the syntax is in charte/tui.h), read and checked whole at start. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "input.h"

enum script_kind { SE_KEY, SE_SLEEP, SE_WAIT, SE_RESIZE };

struct script_event {
	enum script_kind kind;
	tkey k;
	int a, b; /* milliseconds; or columns and lines */
};

static void add_event(tui *t, size_t *cap, struct script_event ev)
{
	if (t->nscript == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		t->script = xrealloc(t->script, *cap * sizeof *t->script);
	}
	t->script[t->nscript++] = ev;
}

static const struct {
	const char *name;
	bool fn;
	wint_t c;
} key_names[] = {
	{"Enter", false, '\n'},       {"Esc", false, TK_ESC},        {"Tab", false, '\t'},
	{"S-Tab", true, KEY_BTAB},    {"Up", true, KEY_UP},          {"Down", true, KEY_DOWN},
	{"Left", true, KEY_LEFT},     {"Right", true, KEY_RIGHT},    {"PgUp", true, KEY_PPAGE},
	{"PgDn", true, KEY_NPAGE},    {"Home", true, KEY_HOME},      {"End", true, KEY_END},
	{"BS", true, KEY_BACKSPACE},  {"Del", true, KEY_DC},         {"Space", false, ' '},
	{"lt", false, '<'},
};

/* One <NAME> (without the brackets) into an event; false when it means nothing. */
static bool parse_name(const char *name, struct script_event *ev)
{
	char extra;
	int a, b;
	memset(ev, 0, sizeof *ev);
	ev->kind = SE_KEY;
	for (size_t i = 0; i < ARRAY_LEN(key_names); i++)
		if (!strcmp(name, key_names[i].name)) {
			ev->k = (tkey){key_names[i].fn, key_names[i].c};
			return true;
		}
	if (name[0] == 'F' && sscanf(name + 1, "%d%c", &a, &extra) == 1 && a >= 1 && a <= 12) {
		ev->k = (tkey){true, (wint_t)KEY_F(a)};
		return true;
	}
	if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' && !name[3]) {
		ev->k = (tkey){false, TK_CTRL(name[2])};
		return true;
	}
	if (!strcmp(name, "Wait")) {
		ev->kind = SE_WAIT;
		return true;
	}
	if (sscanf(name, "Sleep:%d%c", &a, &extra) == 1 && a >= 0 && a <= 60000) {
		ev->kind = SE_SLEEP;
		ev->a = a;
		return true;
	}
	if (sscanf(name, "Resize:%dx%d%c", &a, &b, &extra) == 2 && a > 0 && b > 0 && a <= 1000 &&
	    b <= 1000) {
		ev->kind = SE_RESIZE;
		ev->a = a;
		ev->b = b;
		return true;
	}
	return false;
}

static int parse_script(tui *t, const char *text, size_t len, const char *path, cerr *e)
{
	size_t cap = 0;
	mbstate_t st = {0};
	for (size_t i = 0; i < len;) {
		if (text[i] == '\n') { /* line breaks only lay the file out */
			i++;
			continue;
		}
		if (text[i] == '<') {
			const char *close = memchr(text + i, '>', len - i);
			size_t n = close ? (size_t)(close - text - i - 1) : 0;
			char name[64];
			struct script_event ev;
			if (!close || n == 0 || n >= sizeof name)
				return err_set(e, ST_USAGE, "CHARTE_KEYS",
					       _("%s: '<' at byte %zu starts no key name (type <lt> "
						 "for '<')"),
					       path, i);
			memcpy(name, text + i + 1, n);
			name[n] = '\0';
			if (!parse_name(name, &ev))
				return err_set(e, ST_USAGE, "CHARTE_KEYS",
					       _("%s: unknown key <%s> at byte %zu"), path, name, i);
			add_event(t, &cap, ev);
			i += n + 2;
			continue;
		}
		wchar_t wc;
		size_t n = mbrtowc(&wc, text + i, len - i, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
			return err_set(e, ST_USAGE, "CHARTE_KEYS",
				       _("%s: not valid UTF-8 at byte %zu"), path, i);
		add_event(t, &cap, (struct script_event){SE_KEY, {false, (wint_t)wc}, 0, 0});
		i += n;
	}
	return ST_OK;
}

int input_open(tui *t, cerr *e)
{
	const char *path = getenv("CHARTE_KEYS");
	t->scripted = path && *path;
	if (!t->scripted)
		return ST_OK;
	FILE *f = fopen(path, "rb");
	if (!f)
		return err_set(e, ST_IO, "CHARTE_KEYS", _("%s: %s"), path, strerror(errno));
	strbuf b = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sb_addn(&b, chunk, n);
	fclose(f);
	int r = parse_script(t, sb_str(&b), b.len, path, e);
	sb_free(&b);
	return r;
}

void input_close(tui *t)
{
	free(t->script);
	t->script = NULL;
	t->nscript = t->pos = 0;
}

bool input_scripted(const tui *t)
{
	return t->scripted;
}

static void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

int input_next(tui *t, tkey *k, int timeout_ms)
{
	if (!t->scripted) {
		static int quick_errors; /* ERR at once, over and over: the terminal is gone */
		struct timespec before, after;
		wint_t wc;
		timeout(timeout_ms);
		clock_gettime(CLOCK_MONOTONIC, &before);
		int r = get_wch(&wc);
		if (r != ERR) {
			quick_errors = 0;
			*k = (tkey){r == KEY_CODE_YES, wc};
			return IN_KEY;
		}
		clock_gettime(CLOCK_MONOTONIC, &after);
		long ms = (after.tv_sec - before.tv_sec) * 1000 +
			  (after.tv_nsec - before.tv_nsec) / 1000000;
		quick_errors = ms < timeout_ms / 2 ? quick_errors + 1 : 0;
		return quick_errors > 100 ? IN_END : IN_IDLE;
	}
	while (t->pos < t->nscript) {
		const struct script_event *ev = &t->script[t->pos++];
		switch (ev->kind) {
		case SE_KEY:
			*k = ev->k;
			return IN_KEY;
		case SE_SLEEP:
			sleep_ms(ev->a);
			break;
		case SE_WAIT:
			return IN_WAIT;
		case SE_RESIZE:
			/* As a terminal would: the new size, then KEY_RESIZE. */
			resizeterm(ev->b, ev->a);
			*k = (tkey){true, KEY_RESIZE};
			return IN_KEY;
		}
	}
	return IN_END;
}
