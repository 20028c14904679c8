/* cmd_settings.c — `charte settings list|get|set` and `charte staff add|list`. */
#include <stdlib.h>
#include <string.h>

#include "charte/settings.h"
#include "charte/staff.h"
#include "cli.h"

static int settings_list(cli *c, int argc, char **argv)
{
	bool csv;
	int r = cli_csv_verb(c, argc, argv, &csv);
	if (r)
		return r;
	static const char *const cols[] = {N_("key"), N_("value"), N_("default"), N_("description")};
	cli_out *o = out_new(csv, cols, ARRAY_LEN(cols));
	size_t n;
	const setting_def *defs = settings_defs(&n);
	for (size_t i = 0; i < n; i++) {
		char *v = settings_get(c->a, defs[i].key);
		const char *cells[] = {defs[i].key, v, defs[i].fallback, _(defs[i].help)};
		out_row(o, cells);
		free(v);
	}
	out_end(o);
	return 0;
}

static int settings_get_cmd(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{0, 0, 0, 0}};
	int ch, r;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1)
		return 2;
	if (optind + 1 != argc)
		return cli_usage(c, _("give one setting's key"));
	const char *key = argv[optind];
	if (!settings_find(key)) {
		cerr e;
		err_set(&e, ST_INVALID, "key", _("no setting '%s': see 'charte settings list'"), key);
		return cli_fail(c, &e);
	}
	if ((r = cli_open(c, false)))
		return r;
	char *v = settings_get(c->a, key);
	out_value(v);
	free(v);
	return 0;
}

static int settings_set_cmd(cli *c, int argc, char **argv)
{
	/* No options here: a value may start with '-' (a negative amount is the rule's to
	 * refuse, not an unknown option); "--" before the key is allowed all the same. */
	int first = 1, r;
	if (first < argc && !strcmp(argv[first], "--"))
		first++;
	if (argc - first != 2)
		return cli_usage(c, _("give a key and a value"));
	if ((r = cli_open(c, false)))
		return r;
	cerr e = {0};
	if (settings_set(c->a, argv[first], argv[first + 1], &e))
		return cli_fail(c, &e);
	return 0;
}

static const cli_verb settings_verbs[] = {
	{"list", "[--csv]", N_("every setting with its value and default"), settings_list},
	{"get", "KEY", N_("print one setting's value"), settings_get_cmd},
	{"set", "KEY VALUE", N_("change a setting (manager)"), settings_set_cmd},
};
CLI_AREA(area_settings, "settings", N_("the agency's settings"), settings_verbs);

static int run_staff_add(cli *c, int argc, char **argv)
{
	const char *login = NULL, *name = NULL, *role = NULL;
	const cli_opt opts[] = {{"login", &login, NULL}, {"name", &name, NULL}, {"role", &role, NULL},
				{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (!login || !name || !role)
		return cli_usage(c, _("--login, --name and --role are required"));
	if ((r = cli_open(c, false)))
		return r;
	cerr e = {0};
	staff s = {0, (char *)login, (char *)name, enum_value(&role_names, role), true};
	if (staff_create(c->a, &s, &e))
		return cli_fail(c, &e);
	printf("%lld\n", (long long)s.id);
	return 0;
}

static int run_staff_list(cli *c, int argc, char **argv)
{
	bool csv;
	int r = cli_csv_verb(c, argc, argv, &csv);
	if (r)
		return r;
	staff *rows;
	size_t n;
	cerr e = {0};
	if (staff_list(c->a, &rows, &n, &e))
		return cli_fail(c, &e);
	static const char *const cols[] = {N_("id"), N_("login"), N_("name"), N_("role"), N_("active")};
	cli_out *o = out_new(csv, cols, ARRAY_LEN(cols));
	for (size_t i = 0; i < n; i++) {
		char id[24];
		snprintf(id, sizeof id, "%lld", (long long)rows[i].id);
		const char *cells[] = {id, rows[i].login, rows[i].name, enum_name(&role_names, rows[i].role),
				       out_flag(rows[i].active)};
		out_row(o, cells);
		staff_free(&rows[i]);
	}
	free(rows);
	out_end(o);
	return 0;
}

static const cli_verb staff_verbs[] = {
	{"add", "--login L --name NAME --role receptionist|coordinator|manager",
	 N_("add a member of staff (manager); prints the id"), run_staff_add},
	{"list", "[--csv]", N_("list the staff"), run_staff_list},
};
CLI_AREA(area_staff, "staff", N_("the staff and their roles"), staff_verbs);
