/* test_complaint.c — complaints and action plans on a real file with a fixed "now" (Monday
 * 15 June 2026, 10:00): the steps of a complaint and of a plan asked of core (the reason the
 * operation gives), bad input naming its field and writing nothing, R7 at exactly the counts and
 * at the window's edges (a complaint received on 15 June 2025 is out, one on 16 June 2025 in),
 * the findings complaint-overdue and action-plan-missing appearing and clearing, the
 * receptionist refused plans, and data/'s categories equal to the copy built in. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/core/core.h"
#include "agency_fixture.h"
#include "charte/app.h"
#include "charte/audit.h"
#include "charte/catalogue.h"
#include "charte/client.h"
#include "charte/complaint.h"
#include "charte/settings.h"
#include "charte/worker.h"

static app *A;

static cday D(const char *text)
{
	cday d = NO_DAY;
	ck_assert_msg(parse_date(text, &d) == NULL, "bad test date %s", text);
	return d;
}

/* "Now" moved to the day given, at 10:00. */
static void today_is(const char *day)
{
	A->now = cal_at(D(day), 10 * 60);
	A->now_fixed = true;
}

static int64_t client1, client2, worker1, worker2;

static int64_t new_client(const char *name)
{
	client_file c;
	memset(&c, 0, sizeof c);
	c.name = xstrdup(name);
	c.status = CLIENT_ACTIVE;
	cerr e = {0};
	ck_assert_msg(client_create(A, &c, &e) == ST_OK, "%s: %s", e.field, e.msg);
	int64_t id = c.id;
	client_free(&c);
	return id;
}

static int64_t new_worker(const char *name)
{
	worker w;
	worker_init(&w);
	w.name = xstrdup(name);
	cerr e = {0};
	ck_assert_msg(worker_create(A, &w, &e) == ST_OK, "%s", e.msg);
	int64_t id = w.id;
	worker_free(&w);
	return id;
}

/* A fresh agency file: marie its manager, paul a coordinator, lea at the front desk; two
 * clients, two workers. */
static void agency_open(void)
{
	A = fixture_open("2026-06-15 10:00");
	cerr e = {0};
	ck_assert_msg(complaint_load_defaults(A, &e) == ST_OK, "%s", e.msg);
	client1 = new_client("Lefèvre");
	client2 = new_client("Dupont");
	worker1 = new_worker("Aïcha Benali");
	worker2 = new_worker("Bruno Caron");
}

static void agency_close(void)
{
	fixture_close(&A);
}

static void work_as(const char *login)
{
	cerr e = {0};
	free(A->login);
	A->login = xstrdup(login);
	db_set_actor(A->db, login);
	ck_assert_int_eq(app_reload(A, &e), ST_OK);
}

static long long stored(const char *sql)
{
	sqlite3 *h = NULL;
	ck_assert_int_eq(sqlite3_open_v2(fixture_db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	long long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

static int64_t add(int64_t client, int64_t about, const char *on, const char *category)
{
	complaint c;
	complaint_init(&c);
	c.client_id = client;
	c.worker_id = about;
	c.received_on = D(on);
	c.category = xstrdup(category);
	c.description = xstrdup("Retard de 40 minutes, sans prévenir");
	cerr e = {0};
	ck_assert_msg(complaint_create(A, &c, &e) == ST_OK, "%s: %s", e.field, e.msg);
	int64_t id = c.id;
	complaint_free(&c);
	return id;
}

static complaint get(int64_t id)
{
	complaint c;
	complaint_init(&c);
	cerr e = {0};
	ck_assert_int_eq(complaint_get(A, id, &c, &e), ST_OK);
	return c;
}

struct found {
	int n;
	int64_t ids[8];
	char detail[512];
};

static int on_finding(const finding *f, void *arg)
{
	struct found *fd = arg;
	if (fd->n < 8)
		fd->ids[fd->n] = f->row_id;
	fd->n++;
	snprintf(fd->detail, sizeof fd->detail, "%s", f->detail);
	return 0;
}

static struct found findings(const char *slug)
{
	struct found fd = {0};
	cerr e = {0};
	ck_assert_msg(audit_run_rule(A, slug, 0, on_finding, &fd, &e) == ST_OK, "%s", e.msg);
	return fd;
}

/* ---- a complaint's steps ---- */

START_TEST(test_complaint_steps)
{
	agency_open();
	int64_t id = add(client1, worker1, "2026-06-01", "punctuality");
	complaint c = get(id);
	ck_assert_int_eq(c.status, COMPLAINT_OPEN);
	ck_assert_str_eq(c.recorded_by, "marie");
	ck_assert_str_eq(c.client_name, "Lefèvre");
	ck_assert_str_eq(c.worker_name, "Aïcha Benali");
	cerr e = {0}, why = {0};
	/* Closing a client's complaint waits for its answer: the same reason from core's
	 * question and from the operation. */
	ck_assert_int_eq(complaint_can(&c, COMPLAINT_CLOSE, NO_DAY, &why), ST_CONFLICT);
	ck_assert_int_eq(complaint_close(A, id, D("2026-06-10"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, why.msg);
	/* An action puts it in progress; a day before it was received is refused. */
	ck_assert_int_eq(complaint_act(A, id, D("2026-05-31"), "Appel", NULL, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "on");
	int64_t action = 0;
	ck_assert_int_eq(complaint_act(A, id, D("2026-06-02"), "Appel à la cliente", &action, &e),
			 ST_OK);
	ck_assert_int_gt(action, 0);
	complaint_free(&c);
	c = get(id);
	ck_assert_int_eq(c.status, COMPLAINT_IN_PROGRESS);
	/* Answered, then closed; a second answer or a step after closing is refused. */
	ck_assert_int_eq(complaint_answer(A, id, D("2026-06-05"), "Nous nous excusons", &e), ST_OK);
	ck_assert_int_eq(complaint_answer(A, id, D("2026-06-06"), "Encore", &e), ST_CONFLICT);
	ck_assert_int_eq(complaint_close(A, id, D("2026-06-04"), &e), ST_INVALID);
	ck_assert_str_eq(e.field, "on");
	ck_assert_int_eq(complaint_close(A, id, D("2026-06-16"), &e), ST_INVALID);
	ck_assert_int_eq(complaint_close(A, id, D("2026-06-08"), &e), ST_OK);
	complaint_free(&c);
	c = get(id);
	ck_assert_int_eq(c.status, COMPLAINT_CLOSED);
	ck_assert_int_eq(c.closed_on, D("2026-06-08"));
	ck_assert_int_eq(complaint_can(&c, COMPLAINT_ACT, NO_DAY, &why), ST_CONFLICT);
	ck_assert_int_eq(complaint_act(A, id, D("2026-06-09"), "Trop tard", NULL, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, why.msg);
	ck_assert_int_eq(stored("SELECT count(*) FROM complaint_actions"), 1);
	/* An anomaly closes without an answer to the client. */
	complaint an;
	complaint_init(&an);
	an.client_id = client2;
	an.received_on = D("2026-06-10");
	an.category = xstrdup("planning");
	an.description = xstrdup("Visite planifiée deux fois");
	an.anomaly = true;
	ck_assert_int_eq(complaint_create(A, &an, &e), ST_OK);
	ck_assert_int_eq(complaint_close(A, an.id, D("2026-06-11"), &e), ST_OK);
	complaint_free(&an);
	/* Never deleted. */
	sqlite3 *h = NULL;
	ck_assert_int_eq(sqlite3_open(fixture_db, &h), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(h, "DELETE FROM complaints", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	complaint_free(&c);
	agency_close();
}
END_TEST

START_TEST(test_bad_input_writes_nothing)
{
	agency_open();
	struct {
		int64_t client, worker;
		const char *on, *category, *text;
		const char *field;
	} bad[] = {
	    {0, 0, "2026-06-01", "quality", "x", "client"},
	    {999, 0, "2026-06-01", "quality", "x", "client"},
	    {client1, 999, "2026-06-01", "quality", "x", "worker"},
	    {client1, 0, "2026-06-16", "quality", "x", "on"},
	    {client1, 0, "2026-06-01", "lateness", "x", "category"},
	    {client1, 0, "2026-06-01", "quality", "   ", "text"},
	};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		complaint c;
		complaint_init(&c);
		c.client_id = bad[i].client;
		c.worker_id = bad[i].worker;
		c.received_on = D(bad[i].on);
		c.category = xstrdup(bad[i].category);
		c.description = xstrdup(bad[i].text);
		cerr e = {0};
		ck_assert_int_eq(complaint_create(A, &c, &e), ST_INVALID);
		ck_assert_str_eq(e.field, bad[i].field);
		complaint_free(&c);
	}
	ck_assert_int_eq(stored("SELECT count(*) FROM complaints"), 0);
	/* A plan needs a title, complaints that exist, an owner on the staff. */
	int64_t id = add(client1, 0, "2026-06-01", "quality");
	action_plan p;
	action_plan_init(&p);
	p.title = xstrdup("Qualité");
	int64_t ids[] = {id, 999};
	cerr e = {0};
	ck_assert_int_eq(plan_create(A, &p, ids, 2, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "complaints");
	ck_assert_int_eq(stored("SELECT count(*) FROM action_plans"), 0);
	ck_assert_int_eq(plan_create(A, &p, ids, 1, &e), ST_OK);
	plan_action pa = {0, p.id, "Former l'équipe", "nobody", D("2026-07-01"), NO_DAY};
	ck_assert_int_eq(plan_action_add(A, &pa, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "owner");
	pa.owner = "paul";
	pa.due = D("2026-06-01");
	ck_assert_int_eq(plan_action_add(A, &pa, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "due");
	ck_assert_int_eq(stored("SELECT count(*) FROM plan_actions"), 0);
	int64_t *parsed = NULL;
	size_t n = 0;
	ck_assert_int_eq(complaint_parse_ids("3, x", "complaints", &parsed, &n, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "complaints");
	ck_assert_int_eq(complaint_parse_ids("3,5, 3", "complaints", &parsed, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 2);
	free(parsed);
	action_plan_free(&p);
	agency_close();
}
END_TEST

/* ---- a plan's steps ---- */

START_TEST(test_plan_steps)
{
	agency_open();
	int64_t c1 = add(client1, worker1, "2026-05-01", "behaviour");
	int64_t c2 = add(client2, worker1, "2026-05-20", "behaviour");
	action_plan p;
	action_plan_init(&p);
	p.title = xstrdup("Comportement d'Aïcha");
	p.cause = xstrdup("Surcharge de tournées");
	int64_t ids[] = {c1, c2};
	cerr e = {0}, why = {0};
	ck_assert_int_eq(plan_create(A, &p, ids, 2, &e), ST_OK);
	action_plan got;
	action_plan_init(&got);
	ck_assert_int_eq(plan_get(A, p.id, &got, &e), ST_OK);
	ck_assert_str_eq(got.complaints, "1,2");
	ck_assert_int_eq(got.opened_on, D("2026-06-15"));
	/* No action yet: not closed. */
	ck_assert_int_eq(plan_can(&got, PLAN_CLOSE, NO_DAY, &why), ST_CONFLICT);
	ck_assert_int_eq(plan_close(A, p.id, D("2026-06-15"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, why.msg);
	plan_action pa = {0, p.id, "Revoir les tournées", "paul", D("2026-07-01"), NO_DAY};
	ck_assert_int_eq(plan_action_add(A, &pa, &e), ST_OK);
	ck_assert_int_eq(plan_close(A, p.id, D("2026-06-15"), &e), ST_CONFLICT);
	ck_assert_msg(strstr(e.msg, "not done"), "%s", e.msg);
	ck_assert_int_eq(plan_action_done(A, pa.id, D("2026-06-16"), &e), ST_INVALID);
	ck_assert_str_eq(e.field, "on");
	ck_assert_int_eq(plan_action_done(A, pa.id, D("2026-06-15"), &e), ST_OK);
	ck_assert_int_eq(plan_action_done(A, pa.id, D("2026-06-15"), &e), ST_CONFLICT);
	ck_assert_int_eq(plan_close(A, p.id, D("2026-06-15"), &e), ST_OK);
	action_plan_free(&got);
	ck_assert_int_eq(plan_get(A, p.id, &got, &e), ST_OK);
	ck_assert_int_eq(got.status, PLAN_CLOSED);
	ck_assert_int_eq(plan_can(&got, PLAN_ADD_ACTION, NO_DAY, &why), ST_CONFLICT);
	ck_assert_int_eq(plan_action_add(A, &pa, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, why.msg);
	/* The receptionist records complaints but not plans. */
	work_as("lea");
	add(client1, 0, "2026-06-12", "billing");
	ck_assert_int_eq(plan_create(A, &p, ids, 2, &e), ST_DENIED);
	action_plan_free(&got);
	action_plan_free(&p);
	agency_close();
}
END_TEST

/* ---- R7 ---- */

static size_t recurring(recurring_problem **rows)
{
	size_t n = 0;
	cerr e = {0};
	ck_assert_msg(complaint_recurring(A, rows, &n, &e) == ST_OK, "%s", e.msg);
	return n;
}

START_TEST(test_recurring_at_the_counts)
{
	agency_open();
	recurring_problem *rows = NULL;
	/* Two of a category (under 3), each about a different worker: nothing. */
	add(client1, worker1, "2026-01-10", "punctuality");
	add(client2, worker2, "2026-03-10", "punctuality");
	ck_assert_uint_eq(recurring(&rows), 0);
	free(rows);
	ck_assert_int_eq(findings("action-plan-missing").n, 0);
	/* The third of the category makes one. */
	int64_t third = add(client2, 0, "2026-06-15", "punctuality");
	ck_assert_uint_eq(recurring(&rows), 1);
	ck_assert_int_eq(rows[0].kind, RECURRING_CATEGORY);
	ck_assert_str_eq(rows[0].category, "punctuality");
	ck_assert_uint_eq(rows[0].n, 3);
	ck_assert_uint_eq(rows[0].unplanned, 3);
	recurring_problems_free(rows, 1);
	struct found fd = findings("action-plan-missing");
	ck_assert_int_eq(fd.n, 1);
	ck_assert_int_eq(fd.ids[0], third);
	ck_assert_msg(strstr(fd.detail, "3 complaints of category Punctuality"), "%s", fd.detail);
	/* A second complaint about worker 2 (another category) makes a second one. */
	int64_t w2 = add(client1, worker2, "2026-04-01", "behaviour");
	ck_assert_uint_eq(recurring(&rows), 2);
	ck_assert_int_eq(rows[1].kind, RECURRING_WORKER);
	ck_assert_int_eq(rows[1].worker_id, worker2);
	ck_assert_str_eq(rows[1].name, "Bruno Caron");
	ck_assert_uint_eq(rows[1].n, 2);
	recurring_problems_free(rows, 2);
	ck_assert_int_eq(findings("action-plan-missing").n, 2);
	/* With the setting at 4 for a category, the three are no longer one. */
	cerr e = {0};
	ck_assert_int_eq(settings_set(A, "recurring.same_category", "4", &e), ST_OK);
	ck_assert_uint_eq(recurring(&rows), 1);
	recurring_problems_free(rows, 1);
	ck_assert_int_eq(settings_set(A, "recurring.same_category", "3", &e), ST_OK);
	(void)w2;
	agency_close();
}
END_TEST

START_TEST(test_recurring_window_edges)
{
	agency_open();
	recurring_problem *rows = NULL;
	/* Today is 15 June 2026: a complaint received on 15 June 2025 is 12 months old, out of
	 * the window; one on 16 June 2025 is in. */
	int64_t first = add(client1, 0, "2025-06-15", "billing");
	add(client1, 0, "2026-02-01", "billing");
	add(client2, 0, "2026-06-15", "billing");
	ck_assert_uint_eq(recurring(&rows), 0);
	free(rows);
	int64_t edge = add(client2, 0, "2025-06-16", "billing");
	ck_assert_uint_eq(recurring(&rows), 1);
	ck_assert_uint_eq(rows[0].n, 3);
	ck_assert_int_eq(rows[0].ids[2], edge); /* by id */
	recurring_problems_free(rows, 1);
	ck_assert_int_eq(findings("action-plan-missing").n, 1);
	/* A day later the one of 16 June 2025 leaves the window, and the problem with it. */
	today_is("2026-06-16");
	ck_assert_uint_eq(recurring(&rows), 0);
	free(rows);
	ck_assert_int_eq(findings("action-plan-missing").n, 0);
	/* Two about one worker, at the window's first day and its last: one problem. */
	today_is("2026-06-15");
	int64_t a = add(client1, worker1, "2025-06-16", "quality");
	int64_t b = add(client2, worker1, "2026-06-15", "quality");
	ck_assert_uint_eq(recurring(&rows), 2); /* billing again, and worker 1 */
	ck_assert_int_eq(rows[1].kind, RECURRING_WORKER);
	ck_assert_int_eq(rows[1].ids[0], a);
	ck_assert_int_eq(rows[1].ids[1], b);
	recurring_problems_free(rows, 2);
	/* As of 14 June 2026 (an audit as of an earlier day), the complaints received on 15 June
	 * 2026 do not count yet, and the one of 15 June 2025 is in the window again. */
	today_is("2026-06-14");
	ck_assert_uint_eq(recurring(&rows), 1);
	ck_assert_int_eq(rows[0].kind, RECURRING_CATEGORY);
	ck_assert_uint_eq(rows[0].n, 3);
	ck_assert_int_eq(rows[0].ids[0], first);
	recurring_problems_free(rows, 1);
	agency_close();
}
END_TEST

START_TEST(test_findings_come_and_go)
{
	agency_open();
	/* S5: open 30 days (16 May to 15 June) is not overdue (the setting), 31 days is. */
	int64_t old = add(client1, 0, "2026-05-16", "communication");
	ck_assert_int_eq(findings("complaint-overdue").n, 0);
	complaint c = get(old);
	ck_assert(!complaint_overdue(A, &c));
	complaint_free(&c);
	int64_t older = add(client2, 0, "2026-05-15", "communication");
	struct found fd = findings("complaint-overdue");
	ck_assert_int_eq(fd.n, 1);
	ck_assert_int_eq(fd.ids[0], older);
	ck_assert_msg(strstr(fd.detail, "Dupont") && strstr(fd.detail, "Communication"), "%s",
		      fd.detail);
	c = get(older);
	ck_assert(complaint_overdue(A, &c));
	complaint_free(&c);
	/* Answered but not closed stays overdue; closed clears it. */
	cerr e = {0};
	ck_assert_int_eq(complaint_answer(A, older, D("2026-06-01"), "Réponse", &e), ST_OK);
	ck_assert_int_eq(findings("complaint-overdue").n, 1);
	ck_assert_int_eq(complaint_close(A, older, D("2026-06-02"), &e), ST_OK);
	ck_assert_int_eq(findings("complaint-overdue").n, 0);
	/* S7: a recurring problem without a plan, then a plan for two of its three, then all. */
	int64_t x = add(client1, 0, "2026-06-01", "communication");
	fd = findings("action-plan-missing");
	ck_assert_int_eq(fd.n, 1);
	ck_assert_int_eq(fd.ids[0], x);
	action_plan p;
	action_plan_init(&p);
	p.title = xstrdup("Joignabilité de l'agence");
	int64_t two[] = {old, older};
	ck_assert_int_eq(plan_create(A, &p, two, 2, &e), ST_OK);
	fd = findings("action-plan-missing");
	ck_assert_int_eq(fd.n, 1);
	ck_assert_int_eq(fd.ids[0], x);
	int64_t last[] = {x};
	ck_assert_int_eq(plan_link(A, p.id, last, 1, &e), ST_OK);
	ck_assert_int_eq(findings("action-plan-missing").n, 0);
	action_plan_free(&p);
	agency_close();
}
END_TEST

/* ---- data/ ---- */

static char *read_data(const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "data/%s", name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(path, sizeof path, "../data/%s", name);
		f = fopen(path, "rb");
	}
	ck_assert_msg(f != NULL, "data/%s not found from the working folder", name);
	char *buf = xcalloc(1, 16384);
	size_t n = fread(buf, 1, 16383, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

START_TEST(test_data_categories)
{
	char *text = read_data("complaint-categories.csv");
	ck_assert_str_eq(text, complaint_builtin_categories());
	complaint_category *rows = NULL;
	size_t n = 0;
	cerr e = {0};
	ck_assert_int_eq(complaint_parse_categories(text, &rows, &n, &e), ST_OK);
	const char *codes[] = {"punctuality", "behaviour",     "quality", "planning",
			       "billing",     "communication", "other"};
	ck_assert_uint_eq(n, ARRAY_LEN(codes));
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(rows[i].code, codes[i]);
	ck_assert_str_eq(rows[2].label_fr, "Qualité du travail");
	complaint_categories_free(rows, n);
	ck_assert_int_eq(complaint_parse_categories("code;en;fr\nok;Ok\n", &rows, &n, &e),
			 ST_INVALID);
	ck_assert_msg(strstr(e.msg, "line 2"), "%s", e.msg);
	free(text);
}
END_TEST

Suite *suite_complaint(void)
{
	Suite *s = suite_create("complaint");
	TCase *tc = tcase_create("file");
	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, test_complaint_steps);
	tcase_add_test(tc, test_bad_input_writes_nothing);
	tcase_add_test(tc, test_plan_steps);
	tcase_add_test(tc, test_recurring_at_the_counts);
	tcase_add_test(tc, test_recurring_window_edges);
	tcase_add_test(tc, test_findings_come_and_go);
	suite_add_tcase(s, tc);
	TCase *pure = tcase_create("data");
	tcase_add_test(pure, test_data_categories);
	suite_add_tcase(s, pure);
	return s;
}
