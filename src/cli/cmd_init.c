/* cmd_init.c — `charte init [--demo]` and `charte history`. */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charte/history.h"
#include "charte/catalogue.h"
#include "charte/demo.h"
#include "cli.h"

/* The person's full name from the password file, else the login. */
static char *full_name(const char *login)
{
	struct passwd *pw = getpwnam(login);
	if (pw && pw->pw_gecos && *pw->pw_gecos) {
		char *name = xstrdup(pw->pw_gecos);
		char *comma = strchr(name, ',');
		if (comma)
			*comma = '\0';
		if (!str_blank(name))
			return name;
		free(name);
	}
	return xstrdup(login);
}

int cli_init(cli *c, int argc, char **argv)
{
	bool demo = false;
	int r = cli_parse(c, argc, argv, (const cli_opt[]){{"demo", NULL, &demo}, {NULL, NULL, NULL}},
			  NULL, NULL);
	if (r)
		return r;
	cerr e = {0};
	const char *login = c->opts->user && *c->opts->user ? c->opts->user : getenv("USER");
	if (!login || !*login)
		login = getenv("LOGNAME"); /* as app_open finds who is working */
	char *name = full_name(login && *login ? login : "unknown");
	char *path = app_default_path(c->opts->db);
	r = app_create(&c->a, path, c->opts->now, c->opts->user, name, demo, &e);
	free(path);
	free(name);
	if (r)
		return cli_fail(c, &e);
	c->opened = true;
	cli_eprintf(_("charte: agency file ready at %s; %s is its manager\n"), app_path(c->a),
		app_login(c->a));
	return 0;
}

int cli_history(cli *c, int argc, char **argv)
{
	const char *tbl = NULL, *row_ref = NULL, *most = NULL;
	int64_t row = 0;
	long limit = 100;
	bool csv = false;
	const cli_opt opts[] = {{"table", &tbl, NULL}, {"id", &row_ref, NULL}, {"limit", &most, NULL},
				{"csv", NULL, &csv},   {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	const char *why;
	if (r || (row_ref && (r = cli_id(c, row_ref, "id", &row))))
		return r;
	if (most && (why = parse_int(most, 1, 1000000, &limit)))
		return cli_bad(c, "limit", why);
	if ((r = cli_open(c, false)))
		return r;
	static const char *const cols[] = {N_("id"), N_("at"), N_("actor"), N_("table"), N_("row_id"), N_("action"),
					   N_("changes")};
	cli_out *o = out_new(csv, cols, ARRAY_LEN(cols));
	cerr e = {0};
	int64_t before = 0;
	long left = limit;
	while (left > 0) {
		history_row *rows;
		size_t n;
		int page = left > 500 ? 500 : (int)left;
		if (history_page(c->a, tbl, row, before, page, &rows, &n, &e)) {
			out_end(o);
			return cli_fail(c, &e);
		}
		for (size_t i = 0; i < n; i++) {
			char id[24], at[17], rid[24];
			snprintf(id, sizeof id, "%lld", (long long)rows[i].id);
			snprintf(rid, sizeof rid, "%lld", (long long)rows[i].row_id);
			out_minute(rows[i].at, at);
			const char *cells[] = {id, at, rows[i].actor, rows[i].tbl, rid,
					       rows[i].action, rows[i].changes};
			out_row(o, cells);
			before = rows[i].id;
		}
		history_rows_free(rows, n);
		left -= (long)n;
		if ((int)n < page)
			break;
	}
	out_end(o);
	return 0;
}

static const cli_verb init_verbs[] = {
	{"", "[--demo]", N_("create the agency file; the current login becomes its manager"),
	 cli_init},
};
CLI_AREA(area_init, "init", N_("create the agency file (--demo: a lively demo agency)"),
	 init_verbs);

static const cli_verb history_verbs[] = {
	{"", "[--table T] [--id ID] [--limit N] [--csv]",
	 N_("the audit trail: who changed what, when, before and after; newest first"),
	 cli_history},
};
CLI_AREA(area_history, "history", N_("the audit trail of every change"), history_verbs);
