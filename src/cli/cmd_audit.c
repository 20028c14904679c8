/* cmd_audit.c — `charte audit [--csv]`: every finding of the charter, as of now. */
#include "charte/audit.h"
#include "cli.h"

static int audit_row(const finding *f, void *arg)
{
	const char *cells[] = {f->code, f->slug, f->entity, f->id, f->detail};
	out_row(arg, cells);
	return 0;
}

static int audit_cmd(cli *c, int argc, char **argv)
{
	bool csv;
	int r = cli_csv_verb(c, argc, argv, &csv);
	if (r)
		return r;
	static const char *const cols[] = {N_("code"), N_("finding"), N_("entity"), N_("id"), N_("detail")};
	cli_out *o = out_new(csv, cols, ARRAY_LEN(cols));
	cerr e = {0};
	r = audit_run(c->a, audit_row, o, &e);
	out_end(o);
	return r ? cli_fail(c, &e) : 0;
}

static const cli_verb verbs[] = {
	{"", "[--csv]", N_("every breach of the charter as of now: code finding entity id detail"),
	 audit_cmd},
};
CLI_AREA(area_audit, "audit", N_("every breach of the charter, as of now"), verbs);
