/* cmd_import.c — placeholder until the importer lands. */
#include "cli.h"

static int import_calls(cli *c, int argc, char **argv)
{
	return cli_usage(c, "not yet");
}

static const cli_verb verbs[] = {
	{"calls", "FILE.csv", N_("import calls from CSV, all or nothing"), import_calls},
};
CLI_AREA(area_import, "import", N_("import records from a spreadsheet's CSV"), verbs);
