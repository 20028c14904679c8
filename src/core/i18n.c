/* i18n.c — locale and message catalog, found relative to the program so that `make run` and an
 * installed program both find theirs. */
#include "charte/i18n.h"

#include <langinfo.h>
#include <stdio.h>
#include <libgen.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charte/util.h"

#ifndef PREFIX_LOCALEDIR
#define PREFIX_LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef PREFIX_SHAREDIR
#define PREFIX_SHAREDIR "/usr/local/share/charte"
#endif

static char datadir[4096] = PREFIX_SHAREDIR;

static bool is_dir(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static void update_french(void)
{
	/* The catalog's header says which language it is. */
	static const char header[] = ""; /* gettext of "" is the catalog's header entry */
	const char *hdr = gettext(header);
	lang_french = hdr && strstr(hdr, "Language: fr") != NULL;
}

void i18n_start(const char *argv0)
{
	umask(077);
	const char *l = setlocale(LC_ALL, "");
	if (!l || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/* A French LC_MESSAGES that is not generated leaves messages in "C", where glibc ignores
	 * LANGUAGE: use C.UTF-8 for messages then, so LANGUAGE=fr still works. */
	const char *msg = setlocale(LC_MESSAGES, NULL);
	if (!msg || !strcmp(msg, "C") || !strcmp(msg, "POSIX"))
		setlocale(LC_MESSAGES, "C.UTF-8");
	setlocale(LC_NUMERIC, "C");

	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	const char *localedir = PREFIX_LOCALEDIR;
	static char built[4096];
	if (n > 0) {
		exe[n] = '\0';
		char *dir = dirname(exe);
		snprintf(built, sizeof built, "%s/locale", dir);
		if (is_dir(built))
			localedir = built;
		char tree[4096];
		snprintf(tree, sizeof tree, "%s/../data", dir);
		if (is_dir(built) && is_dir(tree))
			realpath(tree, datadir) ? (void)0 : (void)snprintf(datadir, sizeof datadir, "%s", tree);
	}
	(void)argv0;
	bindtextdomain("charte", localedir);
	bind_textdomain_codeset("charte", "UTF-8");
	textdomain("charte");
	update_french();
}

void i18n_force(const char *lang)
{
	if (!lang || !strcmp(lang, "auto") || !*lang)
		return;
	setenv("LANGUAGE", lang, 1);
	const char *msg = setlocale(LC_MESSAGES, NULL);
	if (!msg || !strcmp(msg, "C") || !strcmp(msg, "POSIX"))
		setlocale(LC_MESSAGES, "C.UTF-8");
	textdomain("charte"); /* makes gettext read LANGUAGE again */
	update_french();
}

const char *i18n_datadir(void)
{
	return datadir;
}
