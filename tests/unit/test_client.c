/* test_client.c — client files on a real file with a fixed "now" (Friday 20 March 2026, 12:00):
 * fields refused with the field named and nothing written, phones in one normal form and found
 * by either number, search as a person types (accents, prefixes, phone digits), keyset pages in
 * name order, the needs analysis with who and when, who may change what, the referent (S1) and
 * its finding, and the history (S2) in time order. Each test opens its own file in its body. */
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
#include "charte/call.h"
#include "charte/client.h"

static app *A;

static cminute T(const char *text)
{
	cminute t = 0;
	ck_assert_msg(datetime_from_text(text, &t), "bad test datetime %s", text);
	return t;
}

/* A fresh agency file: marie its manager, paul a coordinator, lea at the front desk. */
static void agency_open(void)
{
	A = fixture_open("2026-03-20 12:00");
}

static void agency_close(void)
{
	fixture_close(&A);
}

/* Work as another login (reloads the role). */
static void work_as(const char *login)
{
	cerr e = {0};
	free(A->login);
	A->login = xstrdup(login);
	db_set_actor(A->db, login);
	ck_assert_int_eq(app_reload(A, &e), ST_OK);
}

/* One number from the file, read by another connection. */
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

static void exec_sql(const char *sql)
{
	sqlite3 *h = NULL;
	ck_assert_int_eq(sqlite3_open_v2(fixture_db, &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(h, 2000);
	char *msg = NULL;
	int rc = sqlite3_exec(h, sql, NULL, NULL, &msg);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, msg ? msg : "?");
	sqlite3_close(h);
}

/* A client as typed. */
static void typed(client_file *c, const char *name, const char *first_name, const char *phone)
{
	client_init(c);
	c->name = xstrdup(name);
	c->first_name = first_name ? xstrdup(first_name) : NULL;
	c->phone = phone ? xstrdup(phone) : NULL;
}

static int64_t create_ok(client_file *c)
{
	cerr e = {0};
	int r = client_create(A, c, &e);
	ck_assert_msg(r == ST_OK, "client_create(%s): %s: %s", c->name, e.field, e.msg);
	ck_assert_int_gt(c->id, 0);
	return c->id;
}

static int64_t new_client(const char *name, const char *first_name, const char *phone)
{
	client_file c;
	typed(&c, name, first_name, phone);
	int64_t id = create_ok(&c);
	client_free(&c);
	return id;
}

/* ---- fields ---- */

START_TEST(test_create_normalises)
{
	agency_open();
	client_file c;
	typed(&c, "  Lefèvre ", " Zoé", "06 12 34 56 78");
	c.civility = xstrdup("madame");
	c.phone2 = xstrdup("+33 (0)1 23 45 67 89");
	c.email = xstrdup(" zoe.lefevre@example.fr ");
	c.address = xstrdup("3 rue des Lilas\n75020 Paris");
	c.referent = xstrdup("paul");
	c.wants_quote = true;
	c.instructions = xstrdup("Sonner deux fois");
	c.forbidden_zones = xstrdup("Le bureau");
	int64_t id = create_ok(&c);
	client_free(&c);

	client_file got;
	client_init(&got);
	cerr e = {0};
	ck_assert_int_eq(client_get(A, id, &got, &e), ST_OK);
	ck_assert_str_eq(got.civility, "Mme");
	ck_assert_str_eq(got.name, "Lefèvre");
	ck_assert_str_eq(got.first_name, "Zoé");
	ck_assert_str_eq(got.phone, "+33612345678");
	ck_assert_str_eq(got.phone2, "+33123456789");
	ck_assert_str_eq(got.email, "zoe.lefevre@example.fr");
	ck_assert_str_eq(got.address, "3 rue des Lilas\n75020 Paris");
	ck_assert_str_eq(got.referent, "paul");
	ck_assert_int_eq(got.status, CLIENT_PROSPECT);
	ck_assert(got.wants_quote);
	ck_assert_str_eq(got.instructions, "Sonner deux fois");
	ck_assert_str_eq(got.forbidden_zones, "Le bureau");
	ck_assert_str_eq(got.notes, "");
	ck_assert(!got.has_needs);
	char when[17];
	fmt_datetime(got.created_at, when);
	ck_assert_str_eq(when, "2026-03-20 12:00");
	char *shown = client_display_name(&got);
	ck_assert_str_eq(shown, "Mme Zoé Lefèvre");
	free(shown);
	client_free(&got);

	/* Civilities as people type them; text stored exactly as typed. */
	ck_assert_str_eq(client_civility("M"), "M.");
	ck_assert_str_eq(client_civility("monsieur"), "M.");
	ck_assert_str_eq(client_civility("MME"), "Mme");
	ck_assert_str_eq(client_civility("m. et mme"), "M. et Mme");
	ck_assert_str_eq(client_civility(""), "");
	ck_assert_ptr_null(client_civility("Sire"));
	int64_t odd = new_client("O'Brien'; DROP TABLE clients; --", "Anne \"Nan\"", NULL);
	client_init(&got);
	ck_assert_int_eq(client_get(A, odd, &got, &e), ST_OK);
	ck_assert_str_eq(got.name, "O'Brien'; DROP TABLE clients; --");
	ck_assert_str_eq(got.first_name, "Anne \"Nan\"");
	ck_assert_ptr_null(got.phone);
	client_free(&got);
	agency_close();
}
END_TEST

/* Refused with this field named, and nothing written. */
static void refused(client_file *c, const char *field)
{
	long long before = stored("SELECT count(*) FROM clients");
	long long trail = stored("SELECT count(*) FROM history");
	cerr e = {0};
	int r = client_create(A, c, &e);
	ck_assert_msg(r == ST_INVALID, "%s accepted (%d)", field, r);
	ck_assert_str_eq(e.field, field);
	ck_assert_msg(e.msg[0] != '\0', "no reason for %s", field);
	ck_assert_int_eq(stored("SELECT count(*) FROM clients"), before);
	ck_assert_int_eq(stored("SELECT count(*) FROM history"), trail);
	client_free(c);
}

START_TEST(test_bad_fields_refused)
{
	agency_open();
	client_file c;
	typed(&c, "   ", NULL, NULL);
	refused(&c, "name");
	typed(&c, "Martin", NULL, "12");
	refused(&c, "phone");
	typed(&c, "Martin", NULL, "01 23 45 67 89");
	c.phone2 = xstrdup("06 12 34");
	refused(&c, "phone2");
	typed(&c, "Martin", NULL, NULL);
	c.email = xstrdup("martin@");
	refused(&c, "email");
	typed(&c, "Martin", NULL, NULL);
	c.email = xstrdup("martin example.fr");
	refused(&c, "email");
	typed(&c, "Martin", NULL, NULL);
	c.civility = xstrdup("Sire");
	refused(&c, "civility");
	typed(&c, "Martin", NULL, NULL);
	c.status = CLIENT_STATUS_NONE;
	refused(&c, "status");
	typed(&c, "Martin", NULL, NULL);
	c.referent = xstrdup("nobody");
	refused(&c, "referent");
	typed(&c, "Martin", "Jean\tLuc", NULL);
	refused(&c, "first_name");
	typed(&c, "Martin", NULL, NULL);
	c.notes = xstrdup("\xC3\x28");
	refused(&c, "notes");
	char *big = xcalloc(5000, 1);
	memset(big, 'x', 4999);
	typed(&c, "Martin", NULL, NULL);
	c.instructions = big;
	refused(&c, "instructions");

	/* An update refused leaves the stored file as it was. */
	int64_t id = new_client("Martin", "Jean", "0123456789");
	client_file u;
	client_init(&u);
	cerr e = {0};
	ck_assert_int_eq(client_get(A, id, &u, &e), ST_OK);
	free(u.phone);
	u.phone = xstrdup("abc");
	free(u.name);
	u.name = xstrdup("Martin-Durand");
	ck_assert_int_eq(client_update(A, NULL, &u, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "phone");
	client_free(&u);
	client_init(&u);
	ck_assert_int_eq(client_get(A, id, &u, &e), ST_OK);
	ck_assert_str_eq(u.name, "Martin");
	ck_assert_str_eq(u.phone, "+33123456789");
	/* An update of a client that does not exist. */
	u.id = 999;
	ck_assert_int_eq(client_update(A, NULL, &u, &e), ST_NOT_FOUND);
	client_free(&u);
	agency_close();
}
END_TEST

START_TEST(test_referent_must_be_staff)
{
	agency_open();
	fixture_staff(A, "old", "Odile Ancienne", ROLE_COORDINATOR, false);
	ck_assert_int_eq(app_reload(A, &(cerr){0}), ST_OK);
	client_file c;
	typed(&c, "Bernard", NULL, NULL);
	c.referent = xstrdup("ghost");
	refused(&c, "referent");
	typed(&c, "Bernard", NULL, NULL);
	c.referent = xstrdup("old");
	refused(&c, "referent");
	typed(&c, "Bernard", NULL, NULL);
	c.referent = xstrdup(" paul ");
	int64_t id = create_ok(&c);
	client_free(&c);
	client_init(&c);
	cerr e = {0};
	ck_assert_int_eq(client_get(A, id, &c, &e), ST_OK);
	ck_assert_str_eq(c.referent, "paul");
	/* A blank referent is none. */
	free(c.referent);
	c.referent = xstrdup("  ");
	ck_assert_int_eq(client_update(A, NULL, &c, &e), ST_OK);
	ck_assert_ptr_null(c.referent);
	client_free(&c);
	agency_close();
}
END_TEST

/* ---- who may change what ---- */

START_TEST(test_roles)
{
	agency_open();
	work_as("lea"); /* the front desk */
	int64_t id = new_client("Garnier", "Luc", "0611223344");
	client_file c;
	typed(&c, "Roux", NULL, NULL);
	c.status = CLIENT_ACTIVE;
	cerr e = {0};
	ck_assert_int_eq(client_create(A, &c, &e), ST_DENIED);
	ck_assert_str_eq(e.field, "status");
	client_free(&c);

	/* Contact details: yes; the referent: no. */
	client_init(&c);
	ck_assert_int_eq(client_get(A, id, &c, &e), ST_OK);
	free(c.phone2);
	c.phone2 = xstrdup("01 44 55 66 77");
	c.wants_quote = true;
	ck_assert_int_eq(client_update(A, NULL, &c, &e), ST_OK);
	c.referent = xstrdup("paul");
	ck_assert_int_eq(client_update(A, NULL, &c, &e), ST_DENIED);
	ck_assert_str_eq(e.field, "referent");
	ck_assert_int_eq(client_set_status(A, id, CLIENT_ACTIVE, &e), ST_DENIED);
	needs_analysis n;
	needs_init(&n);
	n.client_id = id;
	n.services = xstrdup("ménage");
	ck_assert_int_eq(client_set_needs(A, NULL, &n, &e), ST_DENIED);
	needs_free(&n);
	client_free(&c);

	/* Not on the staff: read only. */
	work_as("stranger");
	client_init(&c);
	ck_assert_int_eq(client_get(A, id, &c, &e), ST_OK);
	ck_assert_str_eq(c.phone2, "+33144556677");
	ck_assert(c.wants_quote);
	ck_assert_ptr_null(c.referent);
	ck_assert_int_eq(client_update(A, NULL, &c, &e), ST_DENIED);
	client_free(&c);

	work_as("paul");
	ck_assert_int_eq(client_set_status(A, id, CLIENT_ACTIVE, &e), ST_OK);
	client_init(&c);
	ck_assert_int_eq(client_get(A, id, &c, &e), ST_OK);
	ck_assert_int_eq(c.status, CLIENT_ACTIVE);
	client_free(&c);
	ck_assert_int_eq(client_set_status(A, 999, CLIENT_FORMER, &e), ST_NOT_FOUND);
	agency_close();
}
END_TEST

/* ---- phones ---- */

START_TEST(test_phone_lookup_either_number)
{
	agency_open();
	client_file c;
	typed(&c, "Lefèvre", "Zoé", "06 12 34 56 78");
	c.phone2 = xstrdup("01.23.45.67.89");
	int64_t zoe = create_ok(&c);
	client_free(&c);
	/* Only a second number typed: it becomes the phone. */
	typed(&c, "Petit", "Jean", NULL);
	c.phone2 = xstrdup("0033 6 98 76 54 32");
	int64_t jean = create_ok(&c);
	ck_assert_str_eq(c.phone, "+33698765432");
	ck_assert_ptr_null(c.phone2);
	client_free(&c);

	int64_t id = -1;
	cerr e = {0};
	ck_assert_int_eq(db_client_id_by_phone(A->db, "+33612345678", &id, &e), ST_OK);
	ck_assert_int_eq(id, zoe);
	ck_assert_int_eq(db_client_id_by_phone(A->db, "+33123456789", &id, &e), ST_OK);
	ck_assert_int_eq(id, zoe);
	ck_assert_int_eq(db_client_id_by_phone(A->db, "+33600000000", &id, &e), ST_OK);
	ck_assert_int_eq(id, 0);

	/* A call from either number, however typed, is that client's. */
	const char *typed_phones[] = {"+33 1 23 45 67 89", "06-12-34-56-78", "06 98 76 54 32"};
	int64_t expect[] = {zoe, zoe, jean};
	for (size_t i = 0; i < 3; i++) {
		call k;
		call_init(&k);
		k.caller = xstrdup("Appel");
		k.phone = xstrdup(typed_phones[i]);
		k.at = T("2026-03-19 10:00");
		ck_assert_msg(call_log(A, &k, &e) == ST_OK, "%s", e.msg);
		ck_assert_int_eq(k.client_id, expect[i]);
		call_free(&k);
	}

	/* A call pointing at a client that does not exist names the field. */
	call k;
	call_init(&k);
	k.caller = xstrdup("Appel");
	k.client_id = 999;
	long long calls = stored("SELECT count(*) FROM calls");
	ck_assert_int_eq(call_log(A, &k, &e), ST_INVALID);
	ck_assert_str_eq(e.field, "client");
	ck_assert_int_eq(stored("SELECT count(*) FROM calls"), calls);
	call_free(&k);
	ck_assert_int_eq(client_require(A, zoe, "client", &e), ST_OK);
	ck_assert_int_eq(client_require(A, 999, "client", &e), ST_INVALID);
	agency_close();
}
END_TEST

/* ---- search and pages ---- */

struct names {
	char got[512];
	int n;
};

static int collect(const client_file *c, void *arg)
{
	struct names *s = arg;
	size_t len = strlen(s->got);
	snprintf(s->got + len, sizeof s->got - len, "%s%s", len ? "|" : "", c->name);
	s->n++;
	return 0;
}

static void search_is(const char *typed_text, const char *expect)
{
	client_filter f;
	client_filter_init(&f);
	f.search = typed_text;
	struct names s = {"", 0};
	cerr e = {0};
	ck_assert_msg(client_each(A, &f, collect, &s, &e) == ST_OK, "%s: %s", typed_text, e.msg);
	ck_assert_msg(!strcmp(s.got, expect), "search '%s': got '%s', expected '%s'", typed_text,
		      s.got, expect);
	int64_t n = -1;
	ck_assert_int_eq(client_count(A, &f, &n, &e), ST_OK);
	ck_assert_int_eq(n, s.n);
}

START_TEST(test_search_as_you_type)
{
	agency_open();
	new_client("Lefèvre", "Zoé", "06 12 34 56 78");
	new_client("Zola", "Émile", "01 40 00 00 01");
	new_client("Durand", "Zoë", "+44 20 7946 0958");
	new_client("Lefort", "Jean", NULL);
	search_is("zoe", "Durand|Lefèvre");
	search_is("ZOÉ", "Durand|Lefèvre");
	search_is("lef", "Lefèvre|Lefort");
	search_is("lefe", "Lefèvre");
	search_is("emile", "Zola");
	search_is("zo", "Durand|Lefèvre|Zola");
	search_is("lef zo", "Lefèvre");
	search_is("0612", "Lefèvre");
	search_is("06 12 34", "Lefèvre");
	search_is("+33 6 12", "Lefèvre");
	search_is("0033612", "Lefèvre");
	search_is("0140", "Zola");
	search_is("+44 20", "Durand");
	search_is("0699", "");
	search_is("xyz", "");
	search_is("\"", "Durand|Lefèvre|Lefort|Zola"); /* nothing searchable: no filter */
	search_is("  ", "Durand|Lefèvre|Lefort|Zola");
	search_is("o'brien \"x", "");
	/* A renamed client is found by the new name only. */
	client_file c;
	client_init(&c);
	cerr e = {0};
	ck_assert_int_eq(client_get(A, 4, &c, &e), ST_OK);
	free(c.name);
	c.name = xstrdup("Morel");
	ck_assert_int_eq(client_update(A, NULL, &c, &e), ST_OK);
	client_free(&c);
	search_is("lef", "Lefèvre");
	search_is("mor", "Morel");
	agency_close();
}
END_TEST

START_TEST(test_pages_in_name_order)
{
	agency_open();
	/* Typed in no order, with accents and case that a byte order would misplace. */
	const char *names[][2] = {{"Zola", "Émile"},   {"élie", "Marc"},    {"Dupont", "Zoé"},
				  {"dupont", "anne"},  {"Éluard", "Paul"},  {"Abel", "Jean"},
				  {"Dupont", "Anne"},  {"Ödön", "Horváth"}, {"Martin", ""}};
	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		new_client(names[i][0], names[i][1], NULL);
	const char *order[] = {"Abel Jean",   "dupont anne", "Dupont Anne", "Dupont Zoé", "élie Marc",
			       "Éluard Paul", "Martin ",     "Ödön Horváth", "Zola Émile"};
	client_filter f;
	client_filter_init(&f);
	cerr e = {0};
	/* Forward, two at a time, each page after the last row of the one before. */
	client_file last;
	client_init(&last);
	size_t seen = 0;
	for (;;) {
		client_file *rows;
		size_t n;
		ck_assert_int_eq(client_page(A, &f, seen ? &last : NULL, false, 2, &rows, &n, &e),
				 ST_OK);
		if (n == 0) {
			free(rows);
			break;
		}
		for (size_t i = 0; i < n; i++) {
			char both[128];
			snprintf(both, sizeof both, "%s %s", rows[i].name, rows[i].first_name);
			ck_assert_msg(seen < ARRAY_LEN(order), "too many rows");
			ck_assert_str_eq(both, order[seen]);
			seen++;
		}
		client_free(&last);
		last = rows[n - 1];
		memset(&rows[n - 1], 0, sizeof rows[n - 1]);
		clients_free(rows, n);
	}
	ck_assert_int_eq(seen, ARRAY_LEN(order));
	/* "dupont anne" and "Dupont Anne" fold alike: the id decides, the first typed first. */
	/* Backward from the end: the last page, in list order. */
	client_file *rows;
	size_t n;
	ck_assert_int_eq(client_page(A, &f, NULL, true, 3, &rows, &n, &e), ST_OK);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(rows[0].name, "Martin");
	ck_assert_str_eq(rows[2].name, "Zola");
	/* And the page before that one. */
	client_file *before;
	size_t nb;
	ck_assert_int_eq(client_page(A, &f, &rows[0], true, 3, &before, &nb, &e), ST_OK);
	ck_assert_int_eq(nb, 3);
	ck_assert_str_eq(before[0].first_name, "Zoé");
	ck_assert_str_eq(before[2].name, "Éluard");
	clients_free(before, nb);
	clients_free(rows, n);
	client_free(&last);

	/* A status filter keeps the order. */
	cerr e2 = {0};
	ck_assert_int_eq(client_set_status(A, 1, CLIENT_ACTIVE, &e2), ST_OK); /* Zola */
	ck_assert_int_eq(client_set_status(A, 6, CLIENT_ACTIVE, &e2), ST_OK); /* Abel */
	f.status = CLIENT_ACTIVE;
	struct names s = {"", 0};
	ck_assert_int_eq(client_each(A, &f, collect, &s, &e), ST_OK);
	ck_assert_str_eq(s.got, "Abel|Zola");
	agency_close();
}
END_TEST

/* ---- needs analysis ---- */

START_TEST(test_needs_analysis)
{
	agency_open();
	int64_t id = new_client("Lefèvre", "Zoé", NULL);
	work_as("paul");
	needs_analysis n;
	needs_init(&n);
	n.client_id = id;
	n.services = xstrdup(" ménage, courses ");
	n.hours_per_week = 450;
	n.days_times = xstrdup("mardi et jeudi matin");
	n.autonomy = xstrdup("GIR 4");
	cerr e = {0};
	ck_assert_msg(client_set_needs(A, NULL, &n, &e) == ST_OK, "%s", e.msg);
	needs_free(&n);

	needs_analysis got;
	needs_init(&got);
	ck_assert_int_eq(client_get_needs(A, id, &got, &e), ST_OK);
	ck_assert_str_eq(got.services, "ménage, courses");
	ck_assert_int_eq(got.hours_per_week, 450);
	ck_assert_str_eq(got.days_times, "mardi et jeudi matin");
	ck_assert_str_eq(got.autonomy, "GIR 4");
	ck_assert_str_eq(got.constraints, "");
	ck_assert_str_eq(got.analysed_by, "paul");
	char on[11];
	fmt_date(got.analysed_on, on);
	ck_assert_str_eq(on, "2026-03-20");
	needs_free(&got);
	client_file c;
	client_init(&c);
	ck_assert_int_eq(client_get(A, id, &c, &e), ST_OK);
	ck_assert(c.has_needs);
	client_free(&c);

	/* Analysed again later, by marie: replaced, with the new who and when. */
	work_as("marie");
	A->now = T("2026-04-02 09:30");
	needs_init(&n);
	n.client_id = id;
	n.services = xstrdup("ménage");
	n.hours_per_week = 300;
	ck_assert_int_eq(client_set_needs(A, NULL, &n, &e), ST_OK);
	needs_free(&n);
	needs_init(&got);
	ck_assert_int_eq(client_get_needs(A, id, &got, &e), ST_OK);
	ck_assert_str_eq(got.analysed_by, "marie");
	fmt_date(got.analysed_on, on);
	ck_assert_str_eq(on, "2026-04-02");
	ck_assert_str_eq(got.days_times, "");
	needs_free(&got);
	ck_assert_int_eq(stored("SELECT count(*) FROM needs"), 1);

	/* Refused: no services, too many hours, no such client; nothing changes. */
	struct {
		const char *services;
		int64_t hours;
		int64_t client;
		int code;
		const char *field;
	} bad[] = {
		{"  ", 100, id, ST_INVALID, "services"},
		{"ménage", 16801, id, ST_INVALID, "hours_per_week"},
		{"ménage", -5, id, ST_INVALID, "hours_per_week"},
		{"ménage", 100, 999, ST_NOT_FOUND, "id"},
	};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		needs_init(&n);
		n.client_id = bad[i].client;
		n.services = xstrdup(bad[i].services);
		n.hours_per_week = bad[i].hours;
		ck_assert_int_eq(client_set_needs(A, NULL, &n, &e), bad[i].code);
		ck_assert_str_eq(e.field, bad[i].field);
		needs_free(&n);
	}
	ck_assert_int_eq(stored("SELECT hours_per_week FROM needs"), 300);
	ck_assert_int_eq(client_get_needs(A, 999, &got, &e), ST_NOT_FOUND);
	agency_close();
}
END_TEST

/* ---- S1: referent-missing ---- */

static int count_finding(const finding *f, void *arg)
{
	ck_assert_str_eq(f->code, "S1");
	ck_assert_str_eq(f->entity, "client");
	int *n = arg;
	(*n)++;
	return 0;
}

static int referent_findings(void)
{
	int n = 0;
	cerr e = {0};
	ck_assert_msg(audit_run_rule(A, "referent-missing", 0, count_finding, &n, &e) == ST_OK,
		      "%s", e.msg);
	/* The dashboard's count agrees. */
	size_t nrules;
	const audit_rule *rules = audit_rules(&nrules);
	int64_t *counts = xcalloc(nrules, sizeof *counts);
	ck_assert_int_eq(audit_counts(A, counts, &e), ST_OK);
	for (size_t i = 0; i < nrules; i++)
		if (!strcmp(rules[i].slug, "referent-missing"))
			ck_assert_int_eq(counts[i], n);
	free(counts);
	return n;
}

static int detail_of(const finding *f, void *arg)
{
	snprintf(arg, 200, "%s|%s", f->id, f->detail);
	return 0;
}

START_TEST(test_referent_missing_finding)
{
	agency_open();
	int64_t id = new_client("Lefèvre", "Zoé", NULL);
	ck_assert_int_eq(referent_findings(), 0); /* a prospect needs none yet */
	cerr e = {0};
	ck_assert_int_eq(client_set_status(A, id, CLIENT_ACTIVE, &e), ST_OK);
	ck_assert_int_eq(referent_findings(), 1);
	char detail[200] = "";
	ck_assert_int_eq(audit_run_rule(A, "referent-missing", 0, detail_of, detail, &e), ST_OK);
	char expect[64];
	snprintf(expect, sizeof expect, "%lld|Lefèvre Zoé: active client", (long long)id);
	ck_assert_msg(!strncmp(detail, expect, strlen(expect)), "%s", detail);

	/* Fixed: a referent. */
	client_file c;
	client_init(&c);
	ck_assert_int_eq(client_get(A, id, &c, &e), ST_OK);
	c.referent = xstrdup("paul");
	ck_assert_int_eq(client_update(A, NULL, &c, &e), ST_OK);
	client_free(&c);
	ck_assert_int_eq(referent_findings(), 0);

	/* The referent leaves the agency: the finding is back, naming the login. */
	exec_sql("UPDATE staff SET active = 0 WHERE login = 'paul'");
	ck_assert_int_eq(referent_findings(), 1);
	ck_assert_int_eq(audit_run_rule(A, "referent-missing", 0, detail_of, detail, &e), ST_OK);
	ck_assert_msg(strstr(detail, "(paul)") != NULL, "%s", detail);
	/* The file can still be corrected by the front desk (the old referent is kept)... */
	work_as("lea");
	client_init(&c);
	ck_assert_int_eq(client_get(A, id, &c, &e), ST_OK);
	free(c.phone);
	c.phone = xstrdup("0612345678");
	ck_assert_msg(client_update(A, NULL, &c, &e) == ST_OK, "%s: %s", e.field, e.msg);
	client_free(&c);
	/* ... and the client who leaves no longer needs one. */
	work_as("marie");
	ck_assert_int_eq(client_set_status(A, id, CLIENT_FORMER, &e), ST_OK);
	ck_assert_int_eq(referent_findings(), 0);
	agency_close();
}
END_TEST

/* ---- S2: history ---- */

struct events {
	char got[2048];
};

static int collect_event(const client_event *ev, void *arg)
{
	struct events *s = arg;
	char when[17];
	if (ev->has_time)
		fmt_datetime(ev->at, when);
	else
		fmt_date(cal_day_of(ev->at), when);
	size_t len = strlen(s->got);
	snprintf(s->got + len, sizeof s->got - len, "%s %s.%s %s[%lld]: %s\n", when, ev->source,
		 ev->event, ev->ref, (long long)ev->row_id, ev->detail);
	return 0;
}

/* Two desks edit one file: each writes only what it changed; the same field changed at both is
 * refused at the second, with both values, and nothing of that edit is written. */
START_TEST(test_edit_writes_only_what_changed)
{
	agency_open();
	A->now = T("2026-03-10 11:00");
	int64_t id = new_client("Partage", "Zoé", "0612345678");
	cerr e = {0};
	client_file base, mine, other;
	client_init(&base);
	ck_assert_int_eq(client_get(A, id, &base, &e), ST_OK);
	/* Desk 1 opens the form (base), desk 2 changes the address and saves. */
	client_init(&other);
	ck_assert_int_eq(client_get(A, id, &other, &e), ST_OK);
	free(other.address);
	other.address = xstrdup("2 rue Neuve");
	ck_assert_int_eq(client_update(A, &base, &other, &e), ST_OK);
	client_free(&other);
	/* Desk 1 changes only the first name: the new address stays. */
	client_init(&mine);
	ck_assert_int_eq(client_get(A, id, &mine, &e), ST_OK);
	free(mine.address);
	mine.address = base.address ? xstrdup(base.address) : NULL; /* the form still shows the old */
	free(mine.first_name);
	mine.first_name = xstrdup("Zoé-Marie");
	ck_assert_int_eq(client_update(A, &base, &mine, &e), ST_OK);
	client_file now;
	client_init(&now);
	ck_assert_int_eq(client_get(A, id, &now, &e), ST_OK);
	ck_assert_str_eq(now.address, "2 rue Neuve");
	ck_assert_str_eq(now.first_name, "Zoé-Marie");
	client_free(&now);
	/* Desk 1, still from the same base, now changes the address too: another desk changed it
	 * meanwhile to something else, so it is refused, naming both values. */
	free(mine.address);
	mine.address = xstrdup("5 place Vieille");
	ck_assert_int_eq(client_update(A, &base, &mine, &e), ST_CONFLICT);
	ck_assert_str_eq(e.field, "address");
	ck_assert_ptr_nonnull(strstr(e.msg, "2 rue Neuve"));
	ck_assert_ptr_nonnull(strstr(e.msg, "5 place Vieille"));
	client_init(&now);
	ck_assert_int_eq(client_get(A, id, &now, &e), ST_OK);
	ck_assert_str_eq(now.address, "2 rue Neuve");
	client_free(&now);
	client_free(&mine);
	client_free(&base);
	agency_close();
}
END_TEST

START_TEST(test_history_in_time_order)
{
	agency_open();
	A->now = T("2026-03-10 11:00");
	int64_t id = new_client("Lefèvre", "Zoé", "0612345678");
	int64_t other = new_client("Autre", NULL, NULL);
	cerr e = {0};
	/* Calls: one before the file existed (linked by hand), two after, one cancelled, one of
	 * another client. */
	struct {
		const char *at, *caller, *subject;
		int64_t client;
		const char *phone;
	} calls[] = {
		{"2026-03-09 16:00", "Zoé Lefèvre", "premier contact", 0, NULL},
		{"2026-03-12 09:15", "Zoé", "demande de devis", 0, "06 12 34 56 78"},
		{"2026-03-11 10:00", "Sa fille", "", 0, "0612345678"},
		{"2026-03-11 11:00", "Erreur", "mauvais numéro", 0, "0612345678"},
		{"2026-03-11 12:00", "Autre", "rien", 0, NULL},
	};
	calls[0].client = id;
	calls[4].client = other;
	A->now = T("2026-03-20 12:00");
	int64_t ids[5];
	for (size_t i = 0; i < ARRAY_LEN(calls); i++) {
		call k;
		call_init(&k);
		k.caller = xstrdup(calls[i].caller);
		k.subject = xstrdup(calls[i].subject);
		k.at = T(calls[i].at);
		k.client_id = calls[i].client;
		k.phone = calls[i].phone ? xstrdup(calls[i].phone) : NULL;
		ck_assert_msg(call_log(A, &k, &e) == ST_OK, "%s", e.msg);
		ids[i] = k.id;
		call_free(&k);
	}
	ck_assert_int_eq(call_cancel(A, ids[3], "mauvais numéro", &e), ST_OK);
	/* The needs analysis, on the 12th. */
	A->now = T("2026-03-12 17:00");
	needs_analysis n;
	needs_init(&n);
	n.client_id = id;
	n.services = xstrdup("ménage");
	n.hours_per_week = 350;
	ck_assert_int_eq(client_set_needs(A, NULL, &n, &e), ST_OK);
	needs_free(&n);
	/* A quote written the 12th, sent the 13th; a contract signed the 16th, from the 23rd. */
	exec_sql("INSERT INTO quotes(number, client_id, date, valid_until, status, sent_on, "
		 "total_excl, total_vat, total_incl, created_by) VALUES ('D2026-0001', 1, "
		 "'2026-03-12', '2026-04-11', 'sent', '2026-03-13', 10000, 1000, 11000, 'marie')");
	exec_sql("INSERT INTO contracts(number, client_id, kind, date, start, hourly_price_excl, "
		 "vat_rate, hours, signed_on, status, created_by) VALUES ('C2026-0001', 1, "
		 "'recurring', '2026-03-16', '2026-03-23', 2500, 1000, 350, '2026-03-16', "
		 "'signed', 'marie')");

	struct events s = {""};
	char expect[2048];
	long long c0 = ids[0], c1 = ids[1], c2 = ids[2], z = id;
	snprintf(expect, sizeof expect,
		 "2026-03-09 16:00 call.call %lld[%lld]: from Zoé Lefèvre, taken by Marie Dubois: premier "
		 "contact\n"
		 "2026-03-10 11:00 client.created [%lld]: client file created\n"
		 "2026-03-11 10:00 call.call %lld[%lld]: from Sa fille, taken by Marie Dubois\n"
		 "2026-03-12 09:15 call.call %lld[%lld]: from Zoé, taken by Marie Dubois: demande de devis\n"
		 /* recorded at 17:00 (the audit trail): it sorts among that day's events */
		 "2026-03-12 17:00 needs.analysed [%lld]: needs analysed by Marie Dubois: ménage (3.5 h a "
		 "week)\n"
		 "2026-03-12 quote.written D2026-0001[1]: written, €110.00 incl. VAT\n"
		 "2026-03-13 quote.sent D2026-0001[1]: sent to the client (€110.00 incl. VAT)\n"
		 "2026-03-16 contract.written C2026-0001[1]: recurring contract drawn up\n"
		 "2026-03-16 contract.signed C2026-0001[1]: recurring contract signed\n"
		 "2026-03-23 contract.started C2026-0001[1]: start of the recurring contract\n",
		 c0, c0, z, c2, c2, c1, c1, z);
	ck_assert_int_eq(client_history(A, id, collect_event, &s, &e), ST_OK);
	ck_assert_str_eq(s.got, expect);
	ck_assert_int_eq(client_history(A, 999, collect_event, &s, &e), ST_NOT_FOUND);
	agency_close();
}
END_TEST

/* The count the dashboard keeps for a rule (audit_counts), by slug. */
static int64_t kept_count(const char *slug)
{
	size_t nrules;
	const audit_rule *rules = audit_rules(&nrules);
	int64_t counts[32] = {0};
	cerr e = {0};
	ck_assert_uint_le(nrules, 32);
	ck_assert_msg(audit_counts(A, counts, &e) == ST_OK, "%s", e.msg);
	for (size_t i = 0; i < nrules; i++)
		if (!strcmp(rules[i].slug, slug))
			return counts[i];
	ck_abort_msg("no rule %s", slug);
	return -1;
}

/* The dashboard keeps each rule's findings until what the rule reads changes: a change made by
 * another program on the file (here a raw connection) shows at the next ask, and so does one
 * made through this session; a change elsewhere keeps them. */
START_TEST(test_findings_follow_changes)
{
	agency_open();
	int64_t id = new_client("Lefèvre", "Zoé", NULL);
	ck_assert_int_eq(kept_count("needs-missing"), 0);
	ck_assert_int_eq(kept_count("needs-missing"), 0); /* asked again: kept */
	/* Kept in the file too, for the other desks' first screens, with the tables' stamp. */
	ck_assert_int_eq(stored("SELECT count(*) FROM findings_kept WHERE slug = 'needs-missing'"
				" AND total = 0"), 1);
	long long stamp0 = stored("SELECT stamp FROM findings_kept WHERE slug = 'needs-missing'");
	/* Another program adds a quote for a client without a needs analysis: O1 counts it. */
	char sql[512];
	snprintf(sql, sizeof sql,
		 "INSERT INTO quotes(number, client_id, date, valid_until, created_by) VALUES "
		 "('D2026-0001', %lld, '2026-03-12', '2026-04-11', 'marie')",
		 (long long)id);
	exec_sql(sql);
	ck_assert_int_eq(kept_count("needs-missing"), 1);
	ck_assert_int_gt(stored("SELECT stamp FROM findings_kept WHERE slug = 'needs-missing'"),
			 stamp0);
	ck_assert_int_eq(stored("SELECT count(*) FROM findings_kept_rows WHERE slug = "
				"'needs-missing'"), 1);
	/* The first finding shown comes from the same pass. */
	char detail[200] = "";
	cerr e = {0};
	ck_assert_int_eq(audit_run_rule(A, "needs-missing", 5, detail_of, detail, &e), ST_OK);
	char expect[64];
	snprintf(expect, sizeof expect, "%lld|Lefèvre Zoé has a quote", (long long)id);
	ck_assert_msg(!strncmp(detail, expect, strlen(expect)), "%s", detail);
	/* Fixed through this session: the needs analysis. */
	needs_analysis n;
	needs_init(&n);
	n.client_id = id;
	n.services = xstrdup("ménage");
	n.hours_per_week = 350;
	ck_assert_int_eq(client_set_needs(A, NULL, &n, &e), ST_OK);
	needs_free(&n);
	ck_assert_int_eq(kept_count("needs-missing"), 0);
	agency_close();
}
END_TEST

Suite *suite_client(void)
{
	Suite *s = suite_create("client");
	TCase *tc = tcase_create("client");
	tcase_add_test(tc, test_create_normalises);
	tcase_add_test(tc, test_findings_follow_changes);
	tcase_add_test(tc, test_bad_fields_refused);
	tcase_add_test(tc, test_referent_must_be_staff);
	tcase_add_test(tc, test_roles);
	tcase_add_test(tc, test_phone_lookup_either_number);
	tcase_add_test(tc, test_search_as_you_type);
	tcase_add_test(tc, test_pages_in_name_order);
	tcase_add_test(tc, test_needs_analysis);
	tcase_add_test(tc, test_referent_missing_finding);
	tcase_add_test(tc, test_history_in_time_order);
	tcase_add_test(tc, test_edit_writes_only_what_changed);
	suite_add_tcase(s, tc);
	return s;
}
