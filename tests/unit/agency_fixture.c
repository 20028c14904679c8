/* agency_fixture.c — the agency file the suites on storage start from (agency_fixture.h). */
#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>

#include "agency_fixture.h"
#include "../../src/core/core.h"
#include "charte/client.h"

char fixture_dir[256];
char fixture_db[512];

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	return remove(path);
}

static void remove_dir(void)
{
	if (fixture_dir[0])
		nftw(fixture_dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	fixture_dir[0] = '\0';
}

void fixture_staff(app *a, const char *login, const char *name, int role, bool active)
{
	cerr e = {0};
	staff s = {0, (char *)login, (char *)name, role, active};
	ck_assert_int_eq(db_begin(a->db, &e), ST_OK);
	ck_assert_msg(db_staff_add(a->db, &s, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(db_commit(a->db, &e), ST_OK);
	ck_assert_msg(app_reload(a, &e) == ST_OK, "%s", e.msg);
}

int64_t fixture_client(app *a, const char *name)
{
	client_file c;
	client_init(&c);
	c.name = xstrdup(name);
	cerr e = {0};
	ck_assert_msg(client_create(a, &c, &e) == ST_OK, "%s", e.msg);
	int64_t id = c.id;
	client_free(&c);
	return id;
}

app *fixture_open(const char *now)
{
	static bool registered;
	snprintf(fixture_dir, sizeof fixture_dir, "/tmp/charte-test.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(fixture_dir));
	if (!registered)
		atexit(remove_dir);
	registered = true;
	snprintf(fixture_db, sizeof fixture_db, "%s/agency.db", fixture_dir);
	app *a = NULL;
	cerr e = {0};
	ck_assert_msg(app_open(&a, fixture_db, true, now, "marie", &e) == ST_OK, "%s", e.msg);
	fixture_staff(a, "marie", "Marie Dubois", ROLE_MANAGER, true);
	fixture_staff(a, "paul", "Paul Martin", ROLE_COORDINATOR, true);
	fixture_staff(a, "lea", "Léa Petit", ROLE_RECEPTIONIST, true);
	return a;
}

void fixture_close(app **a)
{
	app_close(*a);
	*a = NULL;
	remove_dir();
}
