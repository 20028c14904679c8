/* planning_fixture.h — what the visit and planning suites share: one agency file at a time in a
 * temporary folder, "now" Friday 20 March 2026, 12:00, as the manager marie, with the catalogue
 * and the skills loaded. Every helper asserts that its step succeeds. */
#ifndef CHARTE_TEST_PLANNING_FIXTURE_H
#define CHARTE_TEST_PLANNING_FIXTURE_H
#include "../../src/core/core.h"
#include "agency_fixture.h"
#include "charte/app.h"
#include "charte/planning.h"
#include "charte/visit.h"

extern app *A; /* the file open (its path: fixture_db) */

void agency_open(void);
void agency_close(void);
cday D(int y, int m, int d);
cminute T(int y, int m, int d, int hh, int mm);
void set_now(cminute t);
/* An active worker with these skills, available every day from `from` to `to` (minutes of the
 * day; from < 0: no availability). */
int64_t new_worker(const char *name, const char *skills, int from, int to);
/* A contract of one menage line at 25 € an hour; recurring ones get their slots after. */
int64_t new_contract(int64_t client, int kind, cday start, bool express, bool at_agency);
int64_t add_slot(int64_t k, int weekday, int starts, int ends, int64_t worker_id);
void sign(int64_t k, cday on);
visit_generation generate(cday from, cday to);
/* The visit of contract k starting at t (0: none). */
int64_t visit_at(int64_t k, cminute t);
visit get_visit(int64_t id);
/* The findings of one rule now. */
int count_findings(const char *slug);

#endif
