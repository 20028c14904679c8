/* planning_fixture.c — what the visit and planning suites share (planning_fixture.h): an agency
 * file (agency_fixture.h) with a fixed "now" (Friday 20 March 2026, 12:00), the catalogue and
 * the skills; clients, workers, contracts and their slots made in one call each. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "planning_fixture.h"
#include "charte/audit.h"
#include "charte/catalogue.h"
#include "charte/client.h"
#include "charte/contract.h"
#include "charte/worker.h"

app *A;

void agency_open(void)
{
	A = fixture_open("2026-03-20 12:00");
	cerr e = {0};
	ck_assert_msg(catalogue_load_defaults(A, &e) == ST_OK, "%s", e.msg);
	ck_assert_msg(worker_load_defaults(A, &e) == ST_OK, "%s", e.msg);
}

void agency_close(void)
{
	fixture_close(&A);
}

cday D(int y, int m, int d)
{
	return cal_days(y, m, d);
}

cminute T(int y, int m, int d, int hh, int mm)
{
	return cal_at(cal_days(y, m, d), hh * 60 + mm);
}

void set_now(cminute t)
{
	A->now = t;
	A->now_fixed = true;
}

/* An active worker with those skills, available every day from `from` to `to` (minutes; -1:
 * no availability). */
int64_t new_worker(const char *name, const char *skills, int from, int to)
{
	worker w;
	worker_init(&w);
	w.name = xstrdup(name);
	w.skills = xstrdup(skills);
	w.status = WORKER_ACTIVE;
	cerr e = {0};
	ck_assert_msg(worker_create(A, &w, &e) == ST_OK, "%s: %s", e.field, e.msg);
	int64_t id = w.id;
	worker_free(&w);
	for (int day = 1; from >= 0 && day <= 7; day++) {
		worker_availability av = {0, id, day, from, to};
		ck_assert_msg(worker_availability_add(A, &av, &e) == ST_OK, "%s", e.msg);
	}
	return id;
}

/* A contract of one menage line at 25 € an hour; recurring ones get their slots after. */
int64_t new_contract(int64_t client, int kind, cday start, bool express, bool at_agency)
{
	contract k;
	contract_init(&k);
	k.client_id = client;
	k.kind = kind;
	k.start = start;
	k.express_start = express;
	k.at_agency = at_agency;
	contract_line l;
	contract_line_init(&l);
	l.service_code = xstrdup("menage");
	l.hourly_excl = 2500;
	l.hours = kind == CONTRACT_ONE_OFF ? 200 : 0;
	cerr e = {0};
	ck_assert_msg(contract_create_lines(A, &k, &l, 1, false, &e) == ST_OK, "%s", e.msg);
	contract_line_free(&l);
	int64_t id = k.id;
	contract_free(&k);
	return id;
}

int64_t add_slot(int64_t k, int weekday, int starts, int ends, int64_t worker_id)
{
	contract_slot s = {0};
	s.weekday = weekday;
	s.starts = starts;
	s.ends = ends;
	s.worker_id = worker_id;
	cerr e = {0};
	ck_assert_msg(contract_slot_add(A, k, &s, &e) == ST_OK, "%s: %s", e.field, e.msg);
	int64_t id = s.id;
	contract_slot_free(&s);
	return id;
}

void sign(int64_t k, cday on)
{
	cerr e = {0};
	ck_assert_msg(contract_sign(A, k, on, &e) == ST_OK, "%s", e.msg);
}

visit_generation generate(cday from, cday to)
{
	visit_generation g;
	cerr e = {0};
	ck_assert_msg(visit_generate(A, from, to, &g, &e) == ST_OK, "%s: %s", e.field, e.msg);
	return g;
}

/* The visit of contract k starting at t (0: none). */
int64_t visit_at(int64_t k, cminute t)
{
	visit_filter f;
	visit_filter_init(&f);
	f.contract_id = k;
	f.from = t;
	f.to = t + 1;
	visit *rows = NULL;
	size_t n = 0;
	cerr e = {0};
	ck_assert_int_eq(visit_page(A, &f, NULL, false, 2, &rows, &n, &e), ST_OK);
	int64_t id = n ? rows[0].id : 0;
	visits_free(rows, n);
	return id;
}

visit get_visit(int64_t id)
{
	visit v;
	visit_init(&v);
	cerr e = {0};
	ck_assert_msg(visit_get(A, id, &v, &e) == ST_OK, "%s", e.msg);
	return v;
}

static int collect(const finding *f, void *arg)
{
	(void)f;
	(*(int *)arg)++;
	return 0;
}

int count_findings(const char *slug)
{
	cerr e = {0};
	int n = 0;
	ck_assert_msg(audit_run_rule(A, slug, 0, collect, &n, &e) == ST_OK, "%s", e.msg);
	return n;
}
