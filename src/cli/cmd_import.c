/* cmd_import.c — `charte import calls FILE.csv`: all or nothing; every refused value on stderr
 * as FILE:LINE:COLUMN: field: reason; the number of calls imported alone on stdout. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "charte/import.h"
#include "cli.h"

/* "\rimporting… 45 %" on a terminal only: a log file gets no carriage returns. */
static void show_progress(int percent, void *arg)
{
	fputc('\r', stderr);
	cli_eprintf(_("importing… %d %%"), percent);
	fflush(stderr);
}

static void print_problems(const char *path, const import_report *rep)
{
	for (size_t i = 0; i < rep->nproblems; i++) {
		const import_problem *p = &rep->problems[i];
		char *reason = text_printable(p->reason);
		cli_eprintf("%s:%ld:", path, p->line);
		if (p->column > 0)
			cli_eprintf("%d:", p->column);
		fputc(' ', stderr);
		if (p->field[0])
			cli_eprintf("%s: ", p->field);
		fputs(reason, stderr);
		/* The column's own name, when it is not ours (a French header, say). */
		if (p->header && *p->header && strcmp(p->header, p->field) != 0) {
			char *h = text_printable(p->header);
			cli_eprintf(_(" (column \"%s\")"), h);
			free(h);
		}
		fputc('\n', stderr);
		free(reason);
	}
	if (rep->total_problems > rep->nproblems) {
		size_t more = rep->total_problems - rep->nproblems;
		cli_eprintf(ngettext("... and %zu more\n", "... and %zu more\n", more), more);
	}
}

static int import_calls_cmd(cli *c, int argc, char **argv)
{
	const char *path;
	int r = cli_parse(c, argc, argv, (const cli_opt[]){{NULL, NULL, NULL}},
			  _("which file? give the CSV file to import"), &path);
	if (r || (r = cli_open(c, false)))
		return r;
	bool tty = isatty(STDERR_FILENO);
	import_report rep;
	cerr e = {0};
	r = import_calls(c->a, path, tty ? show_progress : NULL, NULL, &rep, &e);
	if (tty)
		fputs("\r\033[K", stderr);
	if (r) {
		print_problems(path, &rep);
		r = cli_fail(c, &e);
	} else {
		printf("%zu\n", rep.rows);
		cli_eprintf(ngettext("charte: %zu call imported from %s (%s, separator '%s')\n",
		                 "charte: %zu calls imported from %s (%s, separator '%s')\n",
		                 rep.rows),
		        rep.rows, path, rep.encoding,
		        rep.separator == '\t'  ? "\\t"
		        : rep.separator == ';' ? ";"
		                               : ",");
	}
	import_report_free(&rep);
	return r;
}

static const cli_verb verbs[] = {
    {"calls", "FILE.csv",
     N_("import calls from CSV, all or nothing; prints how many were imported.\n"
        "      Columns, named in French or English, in any order:\n"
        "        at (date et heure), or date and time (heure); caller (appelant, nom);\n"
        "        phone (téléphone, tel); subject (objet, sujet); answered (répondu);\n"
        "        callback (rappel); called_back_at (rappelé le); callback_note (note de\n"
        "        rappel); documentation; documentation_sent_at (documentation envoyée le);\n"
        "        taken_by (pris par); cancelled (annulé); cancel_reason (motif\n"
        "        d'annulation); client_id (n° client); civility (civilité) and first_name\n"
        "        (prénom), put before the caller. id, voicemail, due and doc_due, as\n"
        "        written by 'charte call list --csv', are ignored: the rules derive them.\n"
        "      Separator ';', ',' or tab; UTF-8 (with or without BOM) or Windows-1252.\n"
        "      A refused value is reported as FILE:LINE:COLUMN: field: reason."),
     import_calls_cmd},
};
CLI_AREA(area_import, "import", N_("import records from a spreadsheet's CSV"), verbs);
