/* cli.h — private to src/cli: the `charte AREA VERB` framework. */
#ifndef CHARTE_CLI_H
#define CHARTE_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "charte/app.h"
#include "charte/cli.h"

typedef struct cli {
	const charte_options *opts;
	app *a; /* opened by cli_open, closed when the command is done */
	bool opened;
	const char *area, *verb;
} cli;

typedef struct cli_verb {
	const char *name;
	const char *synopsis; /* options, untranslated: "--caller NAME [--phone P]" */
	const char *help;     /* N_(): one line */
	int (*run)(cli *c, int argc, char **argv);
} cli_verb;

typedef struct cli_area {
	const char *name;
	const char *help; /* N_() */
	const cli_verb *verbs;
	size_t nverbs;
} cli_area;

/* Every area, in the order of `charte --help` (cli.c). Adding an area: one file that defines
 * its cli_area, and one row in that table. */
extern const cli_area *const cli_areas[];
extern const size_t cli_nareas;
#define CLI_AREA(var, name, help, verbs) const cli_area var = {name, help, verbs, ARRAY_LEN(verbs)}

/* Open the agency file for this command (create: for init). Prints and returns the exit code
 * on failure, 0 on success. */
int cli_open(cli *c, bool create);
/* Print "charte: field: reason" on stderr; returns the exit code for e. */
int cli_fail(cli *c, const cerr *e);
/* Print "charte: AREA VERB: message (see ...--help)"; returns 2. */
int cli_usage(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* getopt_long with our messages: returns the option, -1 at the end, '?' after printing a usage
 * error. Call with optind reset (cli_getopt_reset). */
int cli_getopt(cli *c, int argc, char **argv, const struct option *opts);
void cli_getopt_reset(void);
/* One option of a verb, a row of the verb's table: its long name (a one-letter name is a short
 * option: "o" for -o FILE), and where it goes — `text`
 * for an option given a value (`--client 12`), `flag` for one given none (`--csv`). */
typedef struct cli_opt {
	const char *name;
	const char **text;
	bool *flag;
} cli_opt;
/* Reads the options of argv by opts (ended by a row whose name is NULL), then its arguments:
 * none when `what` is NULL; else exactly one, put in *arg, `what` being the usage message when
 * it is missing ("which quote? give its number"). Returns 0, or 2 after printing the usage
 * error. */
int cli_parse(cli *c, int argc, char **argv, const cli_opt *opts, const char *what,
	      const char **arg);
/* A verb whose only option is --csv (`charte audit`, `staff list`…): reads it, refuses
 * arguments, opens the agency file. Returns 0 or the exit code. */
int cli_csv_verb(cli *c, int argc, char **argv, bool *csv);
/* A verb listing rows (`complaint categories`…): cli_csv_verb, then verb_fn fetches the rows and
 * writes them (as CSV when csv), or fails having written nothing, its reason then said here.
 * Returns 0 or the exit code. */
int cli_list_verb(cli *c, int argc, char **argv, int (*verb_fn)(app *a, bool csv, cerr *e));
/* "charte: field: reason" for a rejected value (why: N_() or a parser's message); returns 1. */
int cli_bad(cli *c, const char *field, const char *why);
/* --help of one verb. */
void cli_verb_help(cli *c, FILE *f);
bool cli_wants_help(int argc, char **argv);

/* Parse helpers that report a bad value as rejected input naming the option. */
int cli_id(cli *c, const char *s, const char *field, int64_t *out);
int cli_datetime(cli *c, const char *s, const char *field, cminute *out);
int cli_date(cli *c, const char *s, const char *field, cday *out);

/* Output: a table on a terminal, or CSV (RFC 4180) with --csv. */
typedef struct cli_out cli_out;
cli_out *out_new(bool csv, const char *const *cols, size_t ncols);
void out_row(cli_out *o, const char *const *cells); /* ncols cells; NULL is empty */
void out_end(cli_out *o);                              /* flush, free */
/* "Label value" on its own line, control characters shown as spaces; nothing when the value
 * is empty. */
void out_field(const char *label, const char *value);
/* A record's show block: "  Label:  value" a line, the values aligned after the widest label,
 * control characters shown as spaces, "—" for an empty value. */
void out_block(const char *const *labels, const char *const *values, size_t n);
/* A section of a record's show after its block: a blank line, its heading, and "none
 * recorded" when it has no line (n). */
void out_section(const char *heading, size_t n);
/* A line of such a section, indented, control characters shown as spaces; frees it. */
void out_item(char *line);
/* A day as people read it (an owned string), or a copy of `none` when there is none. */
char *out_day_or(cday d, const char *none);
/* One value alone on a line: exact to a file or a pipe, control characters escaped on a
 * terminal. */
void out_value(const char *value);
/* Values as the CSV contract writes them. */
const char *out_flag(bool b);
void out_minute(cminute t, char buf[static 17]);
void out_day(cday d, char buf[static 11]);

/* Areas (one file each). */
extern const cli_area area_init, area_settings, area_staff, area_history, area_call, area_import,
	area_audit;
extern const cli_area area_client;
extern const cli_area area_quote, area_contract, area_service;
extern const cli_area area_worker;
extern const cli_area area_survey;
extern const cli_area area_complaint, area_plan, area_followup;
extern const cli_area area_worker, area_visit;
extern const cli_area area_meeting, area_absence, area_note;

#endif
