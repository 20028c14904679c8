/* bench.c — times the program's own storage functions on a bench file, for bench/run.sh.
 *
 *   bench FILE NOW RUNS OUTDIR
 *
 * For each measure it calls the function RUNS times (after one warm-up run), prints
 * "name median_ms rows" on stdout, and writes the SQL the function ran, with its bound values
 * expanded, to OUTDIR/name.sql so that run.sh can time the sqlite3 shell on exactly that
 * statement. It links with libcharte.a and peeks at the connection (dbint.h) only to trace the
 * SQL: the bench is a measuring tool, not part of the program. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/db/dbint.h"
#include "charte/calendar.h"
#include "charte/db_calls.h"

static char *last_sql;

static int trace(unsigned type, void *ctx, void *p, void *x)
{
	if (type != SQLITE_TRACE_STMT)
		return 0;
	const char *unexpanded = x;
	/* Nested statements (triggers) start with "--": keep the top-level one. */
	if (unexpanded && strncmp(unexpanded, "--", 2) == 0)
		return 0;
	char *sql = sqlite3_expanded_sql(p);
	if (sql) {
		free(last_sql);
		last_sql = xstrdup(sql);
		sqlite3_free(sql);
	}
	return 0;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

enum measure { M_DEEP, M_SEARCH, M_OVERDUE };

typedef struct bench {
	db *d;
	cminute now;
	call key; /* deep in the list */
} bench;

static int run_once(bench *b, enum measure m, size_t *nrows, cerr *e)
{
	call_filter f;
	call_filter_init(&f);
	f.now = b->now;
	call *rows = NULL;
	size_t n = 0;
	int r;
	switch (m) {
	case M_DEEP:
		r = db_calls_page(b->d, &f, &b->key, false, 50, &rows, &n, e);
		break;
	case M_SEARCH:
		f.search = "lefèvre";
		r = db_calls_page(b->d, &f, NULL, false, 50, &rows, &n, e);
		break;
	default:
		r = db_calls_overdue(b->d, b->now, 1000, &rows, &n, e);
		break;
	}
	calls_free(rows, n);
	*nrows = n;
	return r;
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: bench FILE 'YYYY-MM-DD HH:MM' RUNS OUTDIR\n");
		return 2;
	}
	bench b = {0};
	cerr e = {0};
	int runs = atoi(argv[3]);
	if (runs < 1 || !datetime_from_text(argv[2], &b.now)) {
		fprintf(stderr, "bench: bad RUNS or NOW\n");
		return 2;
	}
	if (db_open(argv[1], false, 0, &b.d, &e)) {
		fprintf(stderr, "bench: %s\n", e.msg);
		return 1;
	}
	/* The key: the newest call of a day seven years back, some 700,000 calls deep. */
	call_filter f;
	call_filter_init(&f);
	f.from = f.to = cal_day_of(b.now) - 2557;
	call *rows = NULL;
	size_t n = 0;
	if (db_calls_page(b.d, &f, NULL, false, 1, &rows, &n, &e) || n != 1) {
		fprintf(stderr, "bench: no call on the deep day: %s\n", e.msg);
		return 1;
	}
	b.key = rows[0];
	free(rows);

	sqlite3_trace_v2(b.d->h, SQLITE_TRACE_STMT, trace, NULL);
	static const char *const names[] = {"deep_page", "search", "overdue"};
	double *t = calloc((size_t)runs, sizeof *t);
	for (int m = M_DEEP; m <= M_OVERDUE; m++) {
		size_t nrows = 0;
		if (run_once(&b, m, &nrows, &e)) { /* warm-up, and the SQL */
			fprintf(stderr, "bench: %s: %s\n", names[m], e.msg);
			return 1;
		}
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.sql", argv[4], names[m]);
		FILE *out = fopen(path, "w");
		if (!out || fprintf(out, "%s;\n", last_sql ? last_sql : "") < 0 || fclose(out)) {
			perror(path);
			return 1;
		}
		for (int i = 0; i < runs; i++) {
			double t0 = now_ms();
			run_once(&b, m, &nrows, &e);
			t[i] = now_ms() - t0;
		}
		qsort(t, (size_t)runs, sizeof *t, cmp_double);
		printf("%s %.4f %zu\n", names[m], t[runs / 2], nrows);
	}
	free(t);
	free(last_sql);
	call_free(&b.key);
	db_close(b.d);
	return 0;
}
