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

	/* Found relative to the program, so that the build tree (build/charte beside
	 * build/locale, with the tree's data/) and an install under any PREFIX (bin/charte beside
	 * share/locale and share/charte) both work without a rebuild; the compile-time PREFIX
	 * paths are the last resort. */
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	const char *localedir = PREFIX_LOCALEDIR;
	static char found[4096];
	if (n > 0) {
		exe[n] = '\0';
		char *dir = dirname(exe);
		char tree_data[4096], share_data[4096];
		snprintf(found, sizeof found, "%s/locale", dir);
		snprintf(tree_data, sizeof tree_data, "%s/../data", dir);
		snprintf(share_data, sizeof share_data, "%s/../share/charte", dir);
		if (is_dir(found)) {
			localedir = found;
			if (is_dir(tree_data) && !realpath(tree_data, datadir))
				snprintf(datadir, sizeof datadir, "%s", tree_data);
		} else {
			snprintf(found, sizeof found, "%s/../share/locale", dir);
			if (is_dir(found))
				localedir = found;
			if (is_dir(share_data) && !realpath(share_data, datadir))
				snprintf(datadir, sizeof datadir, "%s", share_data);
		}
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
