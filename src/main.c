/* main.c — the program: the locale, the global options, then the agency file handed to the
 * full-screen program, or the command handed to the command line. Neither face knows the
 * other. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/app.h"
#include "charte/cli.h"
#include "charte/i18n.h"
#include "charte/tui.h"
#include "charte/util.h"

#ifndef CHARTE_VERSION
#define CHARTE_VERSION "0"
#endif

/* Pull the global options out of argv wherever they stand (before "--"). Returns 0, or 2 after
 * saying which option lacks its value. */
static int take_globals(charte_options *o, int *argc, char **argv)
{
	static const char *const names[] = {"--db", "--now", "--user"};
	const char **slots[] = {&o->db, &o->now, &o->user};
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		if (!strcmp(argv[i], "--")) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		bool taken = false;
		for (size_t k = 0; k < ARRAY_LEN(names); k++) {
			size_t len = strlen(names[k]);
			if (!strncmp(argv[i], names[k], len) && argv[i][len] == '=') {
				*slots[k] = argv[i] + len + 1;
				taken = true;
			} else if (!strcmp(argv[i], names[k])) {
				if (i + 1 >= *argc) {
					cli_eprintf(_("charte: option %s needs a value\n"), names[k]);
					return 2;
				}
				*slots[k] = argv[++i];
				taken = true;
			}
		}
		if (!taken)
			argv[out++] = argv[i];
	}
	argv[out] = NULL;
	*argc = out;
	return 0;
}

/* The full-screen program on the agency file. */
static int run_screens(const charte_options *o)
{
	cerr e = {0};
	app *a;
	char *path = app_default_path(o->db);
	int r = app_open(&a, path, false, o->now, o->user, &e);
	free(path);
	if (r) {
		char buf[1024];
		cli_eprintf("charte: %s\n", err_text(&e, buf, sizeof buf));
		return err_exit_code(r);
	}
	r = tui_main(a);
	app_close(a);
	return r;
}

int main(int argc, char **argv)
{
	i18n_start(argv[0]);
	charte_options o = {0};
	int r = take_globals(&o, &argc, argv);
	if (r)
		return r;
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		cli_help(stdout);
		return 0;
	}
	if (argc >= 2 && !strcmp(argv[1], "--version")) {
		printf("charte %s\n", CHARTE_VERSION);
		return 0;
	}
	if (argc >= 2 && argv[1][0] == '-') {
		cli_eprintf(_("charte: unknown option %s (see 'charte --help')\n"), argv[1]);
		return 2;
	}
	if (argc < 2)
		return run_screens(&o);
	return cli_main(&o, argc - 1, argv + 1);
}
