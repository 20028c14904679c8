/* util.h — allocation that cannot fail unnoticed, growable strings, the one error path. */
#ifndef CHARTE_UTIL_H
#define CHARTE_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <libintl.h>

/* The message in the user's language. An empty text stays empty: gettext("") is the catalog's
 * header, which a column or a state with no words would otherwise show. */
static inline char *tr(const char *s)
{
	return *s ? gettext(s) : (char *)s;
}
#define _(s) tr(s)
#define N_(s) (s)
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Allocation: on failure these print one line and exit(1); they never return NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable, always NUL-terminated string. Zero-initialise ({0}) before use. */
typedef struct strbuf {
	char *s;
	size_t len, cap;
} strbuf;
void sb_add(strbuf *b, const char *s);
void sb_addn(strbuf *b, const char *s, size_t n);
void sb_addc(strbuf *b, char c);
void sb_addf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(strbuf *b, const char *fmt, va_list ap);
void sb_reset(strbuf *b);
void sb_free(strbuf *b);
const char *sb_str(const strbuf *b); /* "" for an empty buffer */

/* Status codes. Every function that can fail returns one and fills a cerr. */
enum {
	ST_OK = 0,
	ST_INVALID,   /* rejected input: a field and a reason */
	ST_USAGE,     /* wrong command-line usage */
	ST_NOT_FOUND, /* no such record */
	ST_DENIED,    /* the user may not do this */
	ST_CONFLICT,  /* the record is in a state that forbids this */
	ST_DB,        /* storage failure */
	ST_IO,        /* file system failure */
};

/* The one error: a status, the field it concerns (may be empty) and a translated reason. */
typedef struct cerr {
	int code;
	char field[64];
	char msg[512];
} cerr;

/* Fill e (if not NULL) and return code. fmt is already translated by the caller (_()). */
int err_set(cerr *e, int code, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void err_clear(cerr *e);
/* "field: reason" or "reason", into buf. */
const char *err_text(const cerr *e, char *buf, size_t n);
/* Process exit code for a status: 0, 1 (rejected), 2 (usage). */
int err_exit_code(int code);

#include "charte/text.h"

/* True when messages are shown in French (set once at start-up). */
extern bool lang_french;

#endif
