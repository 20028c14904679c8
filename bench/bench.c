/* bench.c — times the program's own functions on a bench file, for bench/run.sh.
 *
 *   bench FILE NOW RUNS OUTDIR
 *
 * For each measure it calls the function RUNS times (after a warm-up run and a traced one),
 * prints "name median_ms rows" on stdout, and writes the SQL the function ran, with its bound
 * values expanded, to OUTDIR/name.sql so that run.sh can time the sqlite3 shell on exactly
 * those statements (all of them, in order, for a measure that runs several: the audit). It
 * links with libcharte.a and peeks at the connection (dbint.h) only to trace the SQL: the bench
 * is a measuring tool, not part of the program.
 *
 * Measures: the call log (a deep keyset page, a search, the overdue list), the client search as
 * you type (the first page of 50 for "du", "dup", "dupo" and a phone number, as the Clients
 * screen and the client picker ask for it; every match for "du", as `charte client list
 * --search du` lists them), and the whole charter audit (audit_run, every finding formatted as
 * `charte audit` prints it). It also checks that the generated clients' sort keys are the names
 * folded as the program folds them (text_fold), since gen_offer.sql computes them in SQL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/db/dbint.h"
#include "charte/app.h"
#include "charte/audit.h"
#include "charte/calendar.h"
#include "charte/client.h"
#include "charte/db_calls.h"

/* The top-level statements run while collecting, with their values expanded. */
static strbuf traced;

static int trace(unsigned type, void *ctx, void *p, void *x)
{
	if (type != SQLITE_TRACE_STMT)
		return 0;
	const char *unexpanded = x;
	/* Nested statements (triggers) start with "--": keep the top-level ones. */
	if (unexpanded && strncmp(unexpanded, "--", 2) == 0)
		return 0;
	char *sql = sqlite3_expanded_sql(p);
	if (sql) {
		sb_addf(&traced, "%s;\n", sql);
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

enum measure {
	M_DEEP,
	M_SEARCH,
	M_OVERDUE,
	M_CLIENT_DU,
	M_CLIENT_DUP,
	M_CLIENT_DUPO,
	M_CLIENT_PHONE,
	M_CLIENT_ALL_DU,
	M_AUDIT,
	M_COUNT
};
static const char *const names[M_COUNT] = {
    "deep_page",   "search",       "overdue",       "client_du", "client_dup",
    "client_dupo", "client_phone", "client_all_du", "audit",
};

typedef struct bench {
	app a;
	call key; /* deep in the list */
} bench;

/* Count what comes, as a screen or `charte client list` would take it. */
static int count_client(const client_file *c, void *arg)
{
	(void)c;
	(*(size_t *)arg)++;
	return 0;
}

/* A finding as `charte audit` has it: formatted by audit_run; the bench only counts. */
static int count_finding(const finding *f, void *arg)
{
	(void)f;
	(*(size_t *)arg)++;
	return 0;
}

static int client_search(bench *b, const char *typed, size_t *nrows, cerr *e)
{
	client_filter f;
	client_filter_init(&f);
	f.search = typed;
	client_file *rows = NULL;
	size_t n = 0;
	int r = client_page(&b->a, &f, NULL, false, 50, &rows, &n, e);
	clients_free(rows, n);
	*nrows = n;
	return r;
}

static int run_once(bench *b, enum measure m, size_t *nrows, cerr *e)
{
	call_filter f;
	call_filter_init(&f);
	f.now = b->a.now;
	call *rows = NULL;
	size_t n = 0;
	int r;
	*nrows = 0;
	switch (m) {
	case M_DEEP:
		r = db_calls_page(b->a.db, &f, &b->key, false, 50, &rows, &n, e);
		break;
	case M_SEARCH:
		f.search = "lefèvre";
		r = db_calls_page(b->a.db, &f, NULL, false, 50, &rows, &n, e);
		break;
	case M_OVERDUE:
		r = db_calls_overdue(b->a.db, b->a.now, 1000, &rows, &n, e);
		break;
	case M_CLIENT_DU:
		return client_search(b, "du", nrows, e);
	case M_CLIENT_DUP:
		return client_search(b, "dup", nrows, e);
	case M_CLIENT_DUPO:
		return client_search(b, "dupo", nrows, e);
	case M_CLIENT_PHONE:
		return client_search(b, "06 12", nrows, e);
	case M_CLIENT_ALL_DU: {
		client_filter cf;
		client_filter_init(&cf);
		cf.search = "du";
		return client_each(&b->a, &cf, count_client, nrows, e);
	}
	default:
		return audit_run(&b->a, count_finding, nrows, e);
	}
	calls_free(rows, n);
	*nrows = n;
	return r;
}

/* gen_offer.sql folds the names in SQL: check it did as text_fold does. */
static void check_keys(bench *b)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(b->a.db->h,
	                       "SELECT DISTINCT name, name_key, first_name, first_key FROM clients",
	                       -1, &st, NULL) != SQLITE_OK)
		return;
	int bad = 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		for (int i = 0; i < 4; i += 2) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			const char *k = (const char *)sqlite3_column_text(st, i + 1);
			char *f = text_fold(v);
			if (strcmp(f, k ? k : "") && bad++ < 5)
				fprintf(stderr,
				        "bench: warning: '%s' is stored with key '%s', not '%s'\n",
				        v, k, f);
			free(f);
		}
	sqlite3_finalize(st);
	if (bad)
		fprintf(stderr, "bench: warning: %d sort keys differ from text_fold\n", bad);
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: bench FILE 'YYYY-MM-DD HH:MM' RUNS OUTDIR\n");
		return 2;
	}
	bench b;
	memset(&b, 0, sizeof b);
	cerr e = {0};
	int runs = atoi(argv[3]);
	cminute now;
	if (runs < 1 || datetime_from_text(argv[2], &now) == false) {
		fprintf(stderr, "bench: bad RUNS or NOW\n");
		return 2;
	}
	if (app_open(&b.a, argv[1], false, argv[2], "bench", &e)) {
		fprintf(stderr, "bench: %s\n", e.msg);
		return 1;
	}
	check_keys(&b);
	/* The key: the newest call of a day seven years back, some 700,000 calls deep. */
	call_filter f;
	call_filter_init(&f);
	f.from = f.to = cal_day_of(now) - 2557;
	call *rows = NULL;
	size_t n = 0;
	if (db_calls_page(b.a.db, &f, NULL, false, 1, &rows, &n, &e) || n != 1) {
		fprintf(stderr, "bench: no call on the deep day: %s\n", e.msg);
		return 1;
	}
	b.key = rows[0];
	free(rows);

	double *t = calloc((size_t)runs, sizeof *t);
	for (int m = 0; m < M_COUNT; m++) {
		size_t nrows = 0;
		/* A warm-up run; then one traced for its SQL (after the warm-up, so that what
		 * SQLite does once per connection, such as FTS5 reading its configuration, is not
		 * taken for the measure's SQL); then the timed runs, untraced. */
		int r = run_once(&b, m, &nrows, &e);
		sb_free(&traced);
		sqlite3_trace_v2(b.a.db->h, SQLITE_TRACE_STMT, trace, NULL);
		if (!r)
			r = run_once(&b, m, &nrows, &e);
		sqlite3_trace_v2(b.a.db->h, 0, NULL, NULL);
		if (r) {
			fprintf(stderr, "bench: %s: %s\n", names[m], e.msg);
			return 1;
		}
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.sql", argv[4], names[m]);
		FILE *out = fopen(path, "w");
		if (!out || fputs(traced.s ? traced.s : "", out) < 0 || fclose(out)) {
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
	sb_free(&traced);
	call_free(&b.key);
	app_close(&b.a);
	return 0;
}
