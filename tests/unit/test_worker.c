/* test_worker.c — the worker file on a real file with a fixed "now" (Friday 20 March 2026,
 * 12:00): matricule and badge unique (the field named, nothing written), skills as known codes,
 * availability without overlaps, an edit writing only what changed, the file complete or not
 * (each missing part, the criminal record extract renewed at exactly the setting's years), the
 * findings worker-file-incomplete and badge-missing appearing and going away, the receptionist
 * refused the documents and the criminal record (core, and the history), and data/'s lists equal
 * to the copies built into the program. Each test opens its own file in its body. */
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
#include "charte/history.h"
#include "charte/settings.h"
#include "charte/worker.h"

static app *A;

/* A fresh agency file: marie its manager, paul a coordinator, lea at the front desk; the
 * catalogue loaded (the skills include its services). */
static void agency_open(void)
{
	A = fixture_open("2026-03-20 12:00");
	cerr e = {0};
	ck_assert_msg(catalogue_load_defaults(A, &e) == ST_OK, "%s", e.msg);
	ck_assert_msg(worker_load_defaults(A, &e) == ST_OK, "%s", e.msg);
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

static cday D(const char *text)
{
	cday d = NO_DAY;
	ck_assert_msg(parse_date(text, &d) == NULL, "bad test date %s", text);
	return d;
}

static int64_t new_worker(const char *name, const char *matricule, const char *badge,
			  const char *skills)
{
	worker w;
	worker_init(&w);
	w.name = xstrdup(name);
	w.matricule = matricule ? xstrdup(matricule) : NULL;
	w.badge = badge ? xstrdup(badge) : NULL;
	w.skills = skills ? xstrdup(skills) : NULL;
	cerr e = {0};
	ck_assert_msg(worker_create(A, &w, &e) == ST_OK, "worker_create(%s): %s: %s", name,
		      e.field, e.msg);
	int64_t id = w.id;
	worker_free(&w);
	return id;
}

static char *missing(int64_t id)
{
	char *text = NULL;
	cerr e = {0};
	ck_assert_msg(worker_missing(A, id, &text, &e) == ST_OK, "%s", e.msg);
	return text;
}

/* Everything of the default procedure, both signatures, a CV, an ID copy and a criminal record
 * extract issued on `issued`. */
static void complete_file(int64_t id, const char *issued)
{
	static const char *const steps[] = {"application", "interview", "references",
					    "criminal-record", "induction"};
	cerr e = {0};
	for (size_t i = 0; i < ARRAY_LEN(steps); i++)
		ck_assert_msg(worker_step_done(A, id, steps[i], D("2026-01-05"), &e) == ST_OK,
			      "%s: %s", steps[i], e.msg);
	ck_assert_int_eq(worker_sign(A, id, WORKER_SIGN_ETHICS, D("2026-01-06"), &e), ST_OK);
	ck_assert_int_eq(worker_sign(A, id, WORKER_SIGN_COMMITMENTS, D("2026-01-06"), &e), ST_OK);
	const int kinds[] = {DOC_CV, DOC_ID, DOC_CRIMINAL_RECORD};
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++) {
		worker_doc d;
		worker_doc_init(&d);
		d.worker_id = id;
		d.kind = kinds[i];
		d.dated = D("2026-01-05");
		if (kinds[i] == DOC_CRIMINAL_RECORD)
			d.issued_on = D(issued);
		ck_assert_msg(worker_doc_add(A, &d, NULL, &e) == ST_OK, "%s", e.msg);
		worker_doc_free(&d);
	}
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

/* ---- fields ---- */

START_TEST(test_unique_numbers)
{
	agency_open();
	int64_t a = new_worker("Aïcha Benali", "M001", "B01", NULL);
	long long rows = stored("SELECT count(*) FROM workers");
	worker w;
	worker_init(&w);
	w.name = xstrdup("Bruno Caron");
	w.matricule = xstrdup(" M001 ");
	cerr e = {0};
	ck_assert_int_eq(worker_create(A, &w, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "matricule");
	ck_assert_msg(strstr(e.msg, "Aïcha Benali") != NULL, "%s", e.msg);
	free(w.matricule);
	w.matricule = xstrdup("M002");
	w.badge = xstrdup("B01");
	ck_assert_int_eq(worker_create(A, &w, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "badge");
	ck_assert_int_eq(stored("SELECT count(*) FROM workers"), rows);
	/* No number is no clash: two workers without a badge. */
	free(w.badge);
	w.badge = NULL;
	ck_assert_int_eq(worker_create(A, &w, &e), ST_OK);
	int64_t b = new_worker("Chloé Dumas", NULL, NULL, NULL);
	ck_assert_int_ne(b, w.id);
	/* A worker keeps their own numbers through an edit; taking another's is refused. */
	worker base, mine;
	worker_init(&base);
	worker_init(&mine);
	ck_assert_int_eq(worker_get(A, a, &base, &e), ST_OK);
	ck_assert_int_eq(worker_get(A, a, &mine, &e), ST_OK);
	free(mine.notes);
	mine.notes = xstrdup("Préfère le matin");
	ck_assert_int_eq(worker_update(A, &base, &mine, &e), ST_OK);
	free(mine.matricule);
	mine.matricule = xstrdup("M002");
	ck_assert_int_eq(worker_update(A, &base, &mine, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "matricule");
	ck_assert_int_eq(stored("SELECT count(*) FROM workers WHERE matricule = 'M001'"), 1);
	/* A space in a number is refused, naming the field. */
	free(mine.matricule);
	mine.matricule = xstrdup("M 3");
	ck_assert_int_eq(worker_update(A, &base, &mine, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "matricule");
	worker_free(&base);
	worker_free(&mine);
	worker_free(&w);
	agency_close();
}
END_TEST

START_TEST(test_skills_are_codes)
{
	agency_open();
	char *out = NULL;
	cerr e = {0};
	ck_assert_int_eq(worker_skills_parse(A, " Permis, menage menage;transferts ", &out, &e),
			 ST_OK);
	ck_assert_str_eq(out, "menage,permis,transferts");
	free(out);
	ck_assert_int_eq(worker_skills_parse(A, "", &out, &e), ST_OK);
	ck_assert_str_eq(out, "");
	free(out);
	ck_assert_int_eq(worker_skills_parse(A, "menage, plongee", &out, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "skills");
	ck_assert_msg(strstr(e.msg, "plongee") != NULL, "%s", e.msg);
	/* A service added to the catalogue later is a skill at once. */
	service s = {(char *)"couture", (char *)"Petits travaux de couture", 1000, UNIT_HOUR, 2500,
		     false, true};
	ck_assert_int_eq(catalogue_set(A, NULL, &s, &e), ST_OK);
	ck_assert_int_eq(worker_skills_parse(A, "couture", &out, &e), ST_OK);
	free(out);
	int64_t id = new_worker("Aïcha", NULL, NULL, "Menage, permis");
	worker w;
	worker_init(&w);
	ck_assert_int_eq(worker_get(A, id, &w, &e), ST_OK);
	ck_assert_str_eq(w.skills, "menage,permis");
	worker_free(&w);
	agency_close();
}
END_TEST

START_TEST(test_availability_no_overlap)
{
	agency_open();
	int64_t id = new_worker("Aïcha", NULL, NULL, NULL);
	cerr e = {0};
	worker_availability av = {0, id, 1, 9 * 60, 12 * 60};
	ck_assert_int_eq(worker_availability_add(A, &av, &e), ST_OK);
	/* Touching is not overlapping: 12:00-14:00 after 09:00-12:00. */
	worker_availability next = {0, id, 1, 12 * 60, 14 * 60};
	ck_assert_int_eq(worker_availability_add(A, &next, &e), ST_OK);
	worker_availability clash = {0, id, 1, 11 * 60 + 59, 13 * 60};
	ck_assert_int_eq(worker_availability_add(A, &clash, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "from");
	worker_availability tuesday = {0, id, 2, 11 * 60, 13 * 60};
	ck_assert_int_eq(worker_availability_add(A, &tuesday, &e), ST_OK);
	worker_availability backwards = {0, id, 3, 14 * 60, 13 * 60};
	ck_assert_int_eq(worker_availability_add(A, &backwards, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "to");
	ck_assert_int_eq(stored("SELECT count(*) FROM worker_availability"), 3);
	ck_assert_int_eq(worker_availability_remove(A, next.id, &e), ST_OK);
	worker_availability *rows = NULL;
	size_t n = 0;
	ck_assert_int_eq(worker_availability_list(A, id, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(rows[0].weekday, 1);
	ck_assert_int_eq(rows[1].weekday, 2);
	free(rows);
	agency_close();
}
END_TEST

START_TEST(test_edit_writes_only_what_changed)
{
	agency_open();
	int64_t id = new_worker("Aïcha", "M001", NULL, "menage");
	cerr e = {0};
	worker base, mine, other;
	worker_init(&base);
	worker_init(&mine);
	worker_init(&other);
	ck_assert_int_eq(worker_get(A, id, &base, &e), ST_OK);
	ck_assert_int_eq(worker_get(A, id, &mine, &e), ST_OK);
	ck_assert_int_eq(worker_get(A, id, &other, &e), ST_OK);
	/* Another desk gives the badge meanwhile. */
	free(other.badge);
	other.badge = xstrdup("B07");
	ck_assert_int_eq(worker_update(A, &base, &other, &e), ST_OK);
	/* This desk changes the phone only: the badge stays. */
	free(mine.phone);
	mine.phone = xstrdup("06 11 22 33 44");
	ck_assert_int_eq(worker_update(A, &base, &mine, &e), ST_OK);
	worker got;
	worker_init(&got);
	ck_assert_int_eq(worker_get(A, id, &got, &e), ST_OK);
	ck_assert_str_eq(got.badge, "B07");
	ck_assert_str_eq(got.phone, "+33611223344");
	worker_free(&got);
	/* Both change the badge: refused with both values, nothing written. */
	free(mine.badge);
	mine.badge = xstrdup("B09");
	ck_assert_int_eq(worker_update(A, &base, &mine, &e), ST_CONFLICT);
	ck_assert_str_eq(e.field, "badge");
	ck_assert_msg(strstr(e.msg, "B07") && strstr(e.msg, "B09"), "%s", e.msg);
	ck_assert_int_eq(stored("SELECT count(*) FROM workers WHERE badge = 'B07'"), 1);
	worker_free(&base);
	worker_free(&mine);
	worker_free(&other);
	agency_close();
}
END_TEST

/* ---- the file complete or not ---- */

START_TEST(test_file_complete_or_not)
{
	agency_open();
	int64_t id = new_worker("Aïcha", "M001", "B01", "menage");
	char *text = missing(id);
	ck_assert_msg(strstr(text, "application, interview, references, criminal-record, induction"),
		      "%s", text);
	ck_assert_msg(strstr(text, "ethics") && strstr(text, "commitments") &&
			  strstr(text, "no CV") && strstr(text, "no ID copy") &&
			  strstr(text, "no criminal record extract"),
		      "%s", text);
	free(text);
	/* Issued exactly three years before today (the setting's default): to renew. */
	complete_file(id, "2023-03-20");
	text = missing(id);
	ck_assert_str_eq(text, "criminal record extract to renew");
	free(text);
	/* A newer extract, one day younger: complete. */
	worker_doc d;
	worker_doc_init(&d);
	d.worker_id = id;
	d.kind = DOC_CRIMINAL_RECORD;
	d.dated = D("2026-01-05");
	d.issued_on = D("2023-03-21");
	cerr e = {0};
	ck_assert_int_eq(worker_doc_add(A, &d, NULL, &e), ST_OK);
	worker_doc_free(&d);
	text = missing(id);
	ck_assert_str_eq(text, "");
	free(text);
	/* The list says so too. */
	worker_filter f;
	worker_filter_init(&f);
	worker *rows = NULL;
	size_t n = 0;
	ck_assert_int_eq(worker_page(A, &f, NULL, false, 10, &rows, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert(rows[0].file_complete);
	workers_free(rows, n);
	/* The setting moves the renewal: two years, and the extract is due again. */
	ck_assert_int_eq(settings_set(A, "criminal_record.renew_years", "2", &e), ST_OK);
	text = missing(id);
	ck_assert_str_eq(text, "criminal record extract to renew");
	free(text);
	agency_close();
}
END_TEST

START_TEST(test_findings_come_and_go)
{
	agency_open();
	int64_t cand = new_worker("Candidate", NULL, NULL, NULL);
	int64_t id = new_worker("Aïcha", "M001", NULL, NULL);
	/* Only active workers are found. */
	ck_assert_int_eq(findings("worker-file-incomplete").n, 0);
	ck_assert_int_eq(findings("badge-missing").n, 0);
	worker base, w;
	worker_init(&base);
	worker_init(&w);
	cerr e = {0};
	ck_assert_int_eq(worker_get(A, id, &base, &e), ST_OK);
	ck_assert_int_eq(worker_get(A, id, &w, &e), ST_OK);
	w.status = WORKER_ACTIVE;
	ck_assert_int_eq(worker_update(A, &base, &w, &e), ST_OK);
	struct found fd = findings("worker-file-incomplete");
	ck_assert_int_eq(fd.n, 1);
	ck_assert_int_eq(fd.ids[0], id);
	ck_assert_msg(strstr(fd.detail, "no CV"), "%s", fd.detail);
	ck_assert_int_eq(findings("badge-missing").n, 1);
	complete_file(id, "2025-06-01");
	ck_assert_int_eq(findings("worker-file-incomplete").n, 0);
	worker_free(&base);
	ck_assert_int_eq(worker_get(A, id, &base, &e), ST_OK);
	free(w.badge);
	w.badge = xstrdup("B01");
	ck_assert_int_eq(worker_update(A, &base, &w, &e), ST_OK);
	ck_assert_int_eq(findings("badge-missing").n, 0);
	/* A receptionist reads the finding without the documents' part. */
	worker_free(&base);
	ck_assert_int_eq(worker_get(A, cand, &base, &e), ST_OK);
	worker_free(&w);
	ck_assert_int_eq(worker_get(A, cand, &w, &e), ST_OK);
	w.status = WORKER_ACTIVE;
	ck_assert_int_eq(worker_update(A, &base, &w, &e), ST_OK);
	fd = findings("worker-file-incomplete");
	ck_assert_int_eq(fd.n, 1);
	ck_assert_msg(strstr(fd.detail, "no CV") && strstr(fd.detail, "criminal-record"), "%s",
		      fd.detail);
	work_as("lea");
	fd = findings("worker-file-incomplete");
	ck_assert_int_eq(fd.n, 1);
	ck_assert_msg(strstr(fd.detail, "ethics") && !strstr(fd.detail, "CV") &&
			  !strstr(fd.detail, "criminal"),
		      "%s", fd.detail);
	worker_free(&base);
	worker_free(&w);
	agency_close();
}
END_TEST

/* ---- who may see what ---- */

static int count_rows(const history_row *rows, size_t n, const char *tbl, bool hidden)
{
	int k = 0;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(rows[i].tbl, tbl) &&
		    (strcmp(rows[i].changes, "(not shown to your role)") == 0) == hidden)
			k++;
	return k;
}

START_TEST(test_receptionist_refused_documents)
{
	agency_open();
	int64_t id = new_worker("Aïcha", "M001", "B01", NULL);
	complete_file(id, "2025-06-01");
	work_as("lea");
	cerr e = {0};
	worker_doc *docs = NULL;
	size_t n = 9;
	ck_assert_int_eq(worker_docs(A, id, &docs, &n, &e), ST_DENIED);
	ck_assert_str_eq(e.field, "user");
	ck_assert_msg(strstr(e.msg, "coordinator"), "%s", e.msg);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(docs);
	worker_doc d;
	worker_doc_init(&d);
	d.worker_id = id;
	d.kind = DOC_CRIMINAL_RECORD;
	d.dated = D("2026-03-01");
	long long before = stored("SELECT count(*) FROM worker_documents");
	ck_assert_int_eq(worker_doc_add(A, &d, NULL, &e), ST_DENIED);
	ck_assert_int_eq(stored("SELECT count(*) FROM worker_documents"), before);
	worker_doc_free(&d);
	ck_assert_int_eq(worker_doc_export(A, 1, "/tmp/never", &e), ST_DENIED);
	ck_assert_int_eq(access("/tmp/never", F_OK), -1);
	/* The procedure without the criminal record's step; nor may she record it. */
	selection_step *steps = NULL;
	ck_assert_int_eq(worker_procedure(A, id, &steps, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 4);
	for (size_t i = 0; i < n; i++)
		ck_assert_str_ne(steps[i].code, "criminal-record");
	selection_steps_free(steps, n);
	ck_assert_int_eq(worker_step_done(A, id, "criminal-record", D("2026-03-01"), &e),
			 ST_DENIED);
	/* The history keeps who and when, not the documents' values. */
	history_row *rows = NULL;
	ck_assert_int_eq(history_page(A, NULL, 0, 0, 100, &rows, &n, &e), ST_OK);
	ck_assert_int_eq(count_rows(rows, n, "worker_documents", true), 3);
	ck_assert_int_eq(count_rows(rows, n, "worker_documents", false), 0);
	history_rows_free(rows, n);
	/* Nor may she change the file; she may read it. */
	worker w;
	worker_init(&w);
	ck_assert_int_eq(worker_get(A, id, &w, &e), ST_OK);
	ck_assert_int_eq(worker_sign(A, id, WORKER_SIGN_ETHICS, D("2026-03-01"), &e), ST_DENIED);
	worker_free(&w);
	/* The coordinator sees them all. */
	work_as("paul");
	ck_assert_int_eq(worker_docs(A, id, &docs, &n, &e), ST_OK);
	ck_assert_uint_eq(n, 3);
	worker_docs_free(docs, n);
	ck_assert_int_eq(history_page(A, NULL, 0, 0, 100, &rows, &n, &e), ST_OK);
	ck_assert_int_eq(count_rows(rows, n, "worker_documents", false), 3);
	history_rows_free(rows, n);
	agency_close();
}
END_TEST

START_TEST(test_document_file_kept_and_exported)
{
	agency_open();
	int64_t id = new_worker("Aïcha", NULL, NULL, NULL);
	char in[600], out[600];
	snprintf(in, sizeof in, "%s/cv scan.pdf", fixture_dir);
	snprintf(out, sizeof out, "%s/back.pdf", fixture_dir);
	FILE *f = fopen(in, "wb");
	ck_assert_ptr_nonnull(f);
	const char bytes[] = "%PDF-1.4\n\0binary\xff";
	fwrite(bytes, 1, sizeof bytes, f);
	fclose(f);
	worker_doc d;
	worker_doc_init(&d);
	d.worker_id = id;
	d.kind = DOC_CV;
	d.dated = D("2026-03-20");
	cerr e = {0};
	ck_assert_msg(worker_doc_add(A, &d, in, &e) == ST_OK, "%s", e.msg);
	ck_assert_str_eq(d.file_name, "cv scan.pdf");
	ck_assert_int_eq(d.file_size, (int64_t)sizeof bytes);
	ck_assert_int_eq(worker_doc_export(A, d.id, out, &e), ST_OK);
	f = fopen(out, "rb");
	ck_assert_ptr_nonnull(f);
	char back[64];
	size_t got = fread(back, 1, sizeof back, f);
	fclose(f);
	ck_assert_uint_eq(got, sizeof bytes);
	ck_assert(memcmp(back, bytes, sizeof bytes) == 0);
	/* A document without a file has nothing to export. */
	worker_doc plain;
	worker_doc_init(&plain);
	plain.worker_id = id;
	plain.kind = DOC_ID;
	plain.dated = D("2026-03-20");
	ck_assert_int_eq(worker_doc_add(A, &plain, NULL, &e), ST_OK);
	ck_assert_int_eq(worker_doc_export(A, plain.id, out, &e), ST_NOT_FOUND);
	/* Dates: not after today; an issue date only for a criminal record extract. */
	plain.dated = D("2026-03-21");
	ck_assert_int_eq(worker_doc_add(A, &plain, NULL, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "on");
	plain.dated = D("2026-03-20");
	plain.issued_on = D("2026-03-01");
	ck_assert_int_eq(worker_doc_add(A, &plain, NULL, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "issued");
	worker_doc_free(&plain);
	worker_doc_free(&d);
	/* The audit trail does not copy the file. */
	ck_assert_int_eq(stored("SELECT count(*) FROM history WHERE tbl = 'worker_document_files'"),
			 0);
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

START_TEST(test_data_lists)
{
	char *skills = read_data("skills.csv"), *steps = read_data("selection-steps.csv");
	ck_assert_str_eq(skills, worker_builtin_skills());
	ck_assert_str_eq(steps, worker_builtin_steps());
	/* Every service of the catalogue is a skill of the list. */
	service *svc = NULL;
	skill *list = NULL;
	size_t nsvc = 0, nlist = 0;
	cerr e = {0};
	ck_assert_int_eq(catalogue_parse(catalogue_builtin_csv(), &svc, &nsvc, &e), ST_OK);
	ck_assert_int_eq(worker_parse_list(skills, &list, &nlist, &e), ST_OK);
	for (size_t i = 0; i < nsvc; i++)
		ck_assert_msg(*worker_skill_label(list, nlist, svc[i].code), "%s is not a skill",
			      svc[i].code);
	ck_assert_uint_gt(nlist, nsvc);
	skills_free(list, nlist);
	services_free(svc, nsvc);
	/* The default procedure's codes, in order. */
	ck_assert_int_eq(worker_parse_list(steps, &list, &nlist, &e), ST_OK);
	ck_assert_uint_eq(nlist, 5);
	const char *codes[] = {"application", "interview", "references", "criminal-record",
			       "induction"};
	for (size_t i = 0; i < nlist; i++)
		ck_assert_str_eq(list[i].code, codes[i]);
	skills_free(list, nlist);
	/* A line that is not code;label is refused, naming it. */
	ck_assert_int_eq(worker_parse_list("code;label\nok;Bien\nBad Code;x\n", &list, &nlist, &e),
			 ST_INVALID);
	ck_assert_msg(strstr(e.msg, "line 3"), "%s", e.msg);
	char *text = worker_commitments_text();
	ck_assert_ptr_nonnull(text);
	free(text);
	free(skills);
	free(steps);
}
END_TEST

START_TEST(test_procedure_from_data_until_used)
{
	agency_open();
	/* A procedure no one went through is the file's: loaded again, nothing changes. */
	cerr e = {0};
	ck_assert_int_eq(worker_load_defaults(A, &e), ST_OK);
	ck_assert_int_eq(stored("SELECT count(*) FROM selection_steps WHERE active = 1"), 5);
	int64_t id = new_worker("Aïcha", NULL, NULL, NULL);
	ck_assert_int_eq(worker_step_done(A, id, "interview", D("2026-03-02"), &e), ST_OK);
	ck_assert_int_eq(worker_step_done(A, id, "chat", D("2026-03-02"), &e), ST_INVALID);
	ck_assert_str_eq(e.field, "step");
	ck_assert_int_eq(worker_step_done(A, id, "references", D("2026-03-21"), &e), ST_INVALID);
	ck_assert_str_eq(e.field, "on");
	ck_assert_int_eq(stored("SELECT count(*) FROM worker_steps"), 1);
	/* Done again: re-dated, by who did it now. */
	work_as("paul");
	ck_assert_int_eq(worker_step_done(A, id, "interview", D("2026-03-03"), &e), ST_OK);
	ck_assert_int_eq(stored("SELECT count(*) FROM worker_steps WHERE done_by = 'paul'"
				" AND done_on = '2026-03-03'"),
			 1);
	agency_close();
}
END_TEST

Suite *suite_worker(void)
{
	Suite *s = suite_create("worker");
	TCase *tc = tcase_create("worker");
	tcase_add_test(tc, test_unique_numbers);
	tcase_add_test(tc, test_skills_are_codes);
	tcase_add_test(tc, test_availability_no_overlap);
	tcase_add_test(tc, test_edit_writes_only_what_changed);
	tcase_add_test(tc, test_file_complete_or_not);
	tcase_add_test(tc, test_findings_come_and_go);
	tcase_add_test(tc, test_receptionist_refused_documents);
	tcase_add_test(tc, test_document_file_kept_and_exported);
	tcase_add_test(tc, test_procedure_from_data_until_used);
	suite_add_tcase(s, tc);
	TCase *pure = tcase_create("data");
	tcase_add_test(pure, test_data_lists);
	suite_add_tcase(s, pure);
	return s;
}
