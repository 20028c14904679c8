/* cli.h — the command line (src/cli): `charte AREA VERB [options]` does one thing and exits. */
#ifndef CHARTE_CLI_FACE_H
#define CHARTE_CLI_FACE_H

#include <stdio.h>

/* The global options, wherever they stood on the command line. */
typedef struct charte_options {
	const char *db, *now, *user; /* NULL: not given */
} charte_options;

/* Run one command: argv[0] is the area. The agency file is opened only if the command needs it
 * (not for --help). Returns the exit status: 0, 1 rejected input, 2 usage error. */
int cli_main(const charte_options *o, int argc, char **argv);
/* fprintf(stderr, ...) with every control character of the message shown escaped (a value a
 * person typed may come back in it); a final line break stays one. */
void cli_eprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* `charte --help`: the commands and the global options. */
void cli_help(FILE *f);

#endif
