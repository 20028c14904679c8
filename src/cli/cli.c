/* cli.c — `charte AREA VERB [options]`: dispatch, help, and the one way errors are printed. */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "charte/settings.h"

const cli_area *const cli_areas[] = {
	&area_init, &area_settings, &area_staff, &area_history, &area_call, &area_client,
	&area_quote, &area_contract, &area_service, &area_worker, &area_visit, &area_meeting,
	&area_absence, &area_note, &area_survey,
	&area_complaint, &area_plan, &area_followup, &area_import, &area_audit,
};
const size_t cli_nareas = ARRAY_LEN(cli_areas);

void cli_eprintf(const char *fmt, ...)
{
	strbuf b = {0};
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&b, fmt, ap);
	va_end(ap);
	/* What a person typed may come back in a message: never raw to the terminal. The
	 * message's own line break stays one. */
	bool newline = b.len && b.s[b.len - 1] == '\n';
	if (newline)
		b.s[--b.len] = '\0';
	char *safe = text_escaped(sb_str(&b));
	fprintf(stderr, "%s%s", safe, newline ? "\n" : "");
	free(safe);
	sb_free(&b);
}

int cli_fail(cli *c, const cerr *e)
{
	if (e->field[0])
		cli_eprintf("charte: %s: %s\n", e->field, e->msg);
	else
		cli_eprintf("charte: %s\n", e->msg);
	return err_exit_code(e->code ? e->code : ST_INVALID);
}

int cli_usage(cli *c, const char *fmt, ...)
{
	strbuf b = {0};
	if (c->area)
		sb_addf(&b, "%s%s%s: ", c->area, c->verb && *c->verb ? " " : "",
			c->verb ? c->verb : "");
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&b, fmt, ap);
	va_end(ap);
	sb_addf(&b, _(" (see 'charte %s%s%s --help')\n"), c->area ? c->area : "",
		c->verb && *c->verb ? " " : "", c->verb ? c->verb : "");
	cli_eprintf("charte: %s", sb_str(&b));
	sb_free(&b);
	return 2;
}

void cli_getopt_reset(void)
{
	optind = 0; /* 0: GNU getopt re-initialises, permuting arguments */
	opterr = 0;
}

/* getopt_long with short options as well ("o:" for -o FILE), after the ':' that tells a
 * missing argument. */
static int getopt_with(cli *c, int argc, char **argv, const char *shorts,
		       const struct option *opts)
{
	int idx = 0;
	int ch = getopt_long(argc, argv, shorts, opts, &idx);
	if (ch == '?') {
		const char *bad = argv[optind - 1];
		cli_usage(c, _("unknown option %s"), bad ? bad : "?");
		return '?';
	}
	if (ch == ':') {
		cli_usage(c, _("option %s needs a value"), argv[optind - 1]);
		return '?';
	}
	return ch;
}

int cli_getopt(cli *c, int argc, char **argv, const struct option *opts)
{
	/* No short option: ':' alone, to tell a missing argument. */
	return getopt_with(c, argc, argv, ":", opts);
}

int cli_parse(cli *c, int argc, char **argv, const cli_opt *opts, const char *what,
	      const char **arg)
{
	size_t n = 0;
	while (opts[n].name)
		n++;
	struct option *table = xcalloc(n + 1, sizeof *table);
	/* A one-letter name is a short option (-o FILE); the others are long ones. */
	strbuf shorts = {0};
	sb_addc(&shorts, ':');
	size_t nlong = 0;
	for (size_t i = 0; i < n; i++) {
		if (strlen(opts[i].name) == 1) {
			sb_add(&shorts, opts[i].name);
			if (opts[i].text)
				sb_addc(&shorts, ':');
			continue;
		}
		table[nlong++] = (struct option){opts[i].name,
						 opts[i].text ? required_argument : no_argument,
						 NULL, 256 + (int)i};
	}
	int ch, r = 0;
	while (!r && (ch = getopt_with(c, argc, argv, sb_str(&shorts), table)) != -1) {
		for (size_t i = 0; ch > 0 && ch < 256 && i < n; i++)
			if (strlen(opts[i].name) == 1 && opts[i].name[0] == ch)
				ch = 256 + (int)i;
		if (ch < 256 || ch >= 256 + (int)n) {
			r = 2;
		} else if (opts[ch - 256].text) {
			*opts[ch - 256].text = optarg;
		} else {
			*opts[ch - 256].flag = true;
		}
	}
	free(table);
	sb_free(&shorts);
	if (r)
		return r;
	if (what && optind >= argc)
		return cli_usage(c, "%s", what);
	int extra = optind + (what ? 1 : 0);
	if (extra < argc)
		return cli_usage(c, _("unexpected argument '%s'"), argv[extra]);
	if (what)
		*arg = argv[optind];
	return 0;
}

int cli_csv_verb(cli *c, int argc, char **argv, bool *csv)
{
	*csv = false;
	int r = cli_parse(c, argc, argv, (const cli_opt[]){{"csv", NULL, csv}, {NULL, NULL, NULL}},
			  NULL, NULL);
	return r ? r : cli_open(c, false);
}

int cli_list_verb(cli *c, int argc, char **argv, int (*verb_fn)(app *a, bool csv, cerr *e))
{
	bool csv;
	int r = cli_csv_verb(c, argc, argv, &csv);
	if (r)
		return r;
	cerr e = {0};
	return verb_fn(c->a, csv, &e) ? cli_fail(c, &e) : 0;
}

int cli_bad(cli *c, const char *field, const char *why)
{
	cerr e;
	err_set(&e, ST_INVALID, field, "%s", _(why));
	return cli_fail(c, &e);
}

bool cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return true;
	}
	return false;
}

/* Once per command: a script's log says why the command took long. */
static void say_waiting(int ms, void *arg)
{
	bool *said = arg;
	if (*said)
		return;
	*said = true;
	cli_eprintf(_("charte: another desk is writing to the agency file; waiting…\n"));
}

int cli_open(cli *c, bool create)
{
	if (c->opened)
		return 0;
	cerr e = {0};
	char *path = app_default_path(c->opts->db);
	int r = app_open(&c->a, path, create, c->opts->now, c->opts->user, &e);
	free(path);
	if (r)
		return cli_fail(c, &e);
	c->opened = true;
	static bool said;
	app_on_wait(c->a, say_waiting, &said);
	return 0;
}

int cli_id(cli *c, const char *s, const char *field, int64_t *out)
{
	long n;
	const char *why = s ? parse_int(s, 1, 999999999999L, &n) : N_("missing");
	if (why) {
		cerr e;
		err_set(&e, ST_INVALID, field, "%s", _(why));
		return cli_fail(c, &e);
	}
	*out = n;
	return 0;
}

int cli_datetime(cli *c, const char *s, const char *field, cminute *out)
{
	const char *why = parse_datetime(s, out);
	if (why) {
		cerr e;
		err_set(&e, ST_INVALID, field, "%s", _(why));
		return cli_fail(c, &e);
	}
	return 0;
}

int cli_date(cli *c, const char *s, const char *field, cday *out)
{
	const char *why = parse_date(s, out);
	if (why) {
		cerr e;
		err_set(&e, ST_INVALID, field, "%s", _(why));
		return cli_fail(c, &e);
	}
	return 0;
}

static const cli_area *find_area(const char *name)
{
	for (size_t i = 0; i < cli_nareas; i++)
		if (!strcmp(cli_areas[i]->name, name))
			return cli_areas[i];
	return NULL;
}

void cli_help(FILE *f)
{
	/* fputs: a translated text is never used as a format (and GCC with UBSan warns that
	 * gettext's result might be a null format). */
	fputs(_("Usage: charte [--db PATH] [--now 'YYYY-MM-DD HH:MM'] [--user LOGIN] "
		"[COMMAND ...]\n"),
	      f);
	fputs(_("The desk tool of a home-services agency run around its client charter.\n"
		"Without a command, opens the full-screen program.\n\n"),
	      f);
	fputs(_("Commands:\n"), f);
	for (size_t i = 0; i < cli_nareas; i++)
		fprintf(f, "  %-10s %s\n", cli_areas[i]->name, _(cli_areas[i]->help));
	fputs(_("\nOptions:\n"
		"  --db PATH     the agency file (else $CHARTE_DB, else "
		"$XDG_DATA_HOME/charte/charte.db)\n"
		"  --now TIME    work as of this time, 'YYYY-MM-DD HH:MM' (else $CHARTE_NOW)\n"
		"  --user LOGIN  work as this staff login (else $USER)\n"
		"  --help        this help; 'charte COMMAND --help' for a command\n"
		"  --version     the version\n\n"
		"Exit status: 0 done, 1 rejected input (one line on stderr), 2 usage error.\n"
		"See charte(1).\n"),
	      f);
}

static void area_help(const cli_area *ar, FILE *f)
{
	fprintf(f, _("Usage: charte %s VERB [options]   -- %s\n\n"), ar->name, _(ar->help));
	size_t n = ar->nverbs;
	for (size_t i = 0; i < n; i++) {
		const cli_verb *v = &ar->verbs[i];
		fprintf(f, "  charte %s%s%s %s\n      %s\n", ar->name, *v->name ? " " : "", v->name,
			v->synopsis, _(v->help));
	}
}

void cli_verb_help(cli *c, FILE *f)
{
	const cli_area *ar = find_area(c->area);
	size_t n = ar ? ar->nverbs : 0;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(ar->verbs[i].name, c->verb))
			fprintf(f, _("Usage: charte %s%s%s %s\n%s\n"), ar->name,
				*c->verb ? " " : "", c->verb, ar->verbs[i].synopsis,
				_(ar->verbs[i].help));
}

static int run(cli *c, int argc, char **argv)
{
	/* argv[0] is the area. */
	const cli_area *ar = find_area(argv[0]);
	if (!ar) {
		cli_eprintf(_("charte: unknown command '%s' (see 'charte --help')\n"), argv[0]);
		return 2;
	}
	c->area = ar->name;
	size_t n = ar->nverbs;
	const cli_verb *v = NULL;
	/* Areas with one nameless verb (init, history) take options straight away. */
	if (n == 1 && !*ar->verbs[0].name) {
		v = &ar->verbs[0];
		c->verb = "";
		if (cli_wants_help(argc, argv)) {
			cli_verb_help(c, stdout);
			return 0;
		}
		cli_getopt_reset();
		return v->run(c, argc, argv);
	}
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		area_help(ar, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	for (size_t i = 0; i < n; i++)
		if (!strcmp(ar->verbs[i].name, argv[1]))
			v = &ar->verbs[i];
	if (!v) {
		c->verb = NULL;
		return cli_usage(c, _("unknown verb '%s'"), argv[1]);
	}
	c->verb = v->name;
	if (cli_wants_help(argc - 1, argv + 1)) {
		cli_verb_help(c, stdout);
		return 0;
	}
	cli_getopt_reset();
	return v->run(c, argc - 1, argv + 1);
}

int cli_main(const charte_options *o, int argc, char **argv)
{
	cli c = {.opts = o};
	int r = run(&c, argc, argv);
	app_close(c.a);
	return r;
}
