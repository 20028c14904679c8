/* init.c — a new agency file: its manager, its catalogue, and the demo, all or nothing. */
#include "charte/app.h"

#include "core.h"
#include "charte/catalogue.h"
#include "charte/demo.h"

int app_initialise(app *a, const char *name, bool demo, cerr *e)
{
	app_now(a);
	int r = db_begin(a->db, e);
	if (r)
		return r;
	int64_t nstaff = 0;
	r = db_staff_count(a->db, &nstaff, e);
	if (!r && nstaff > 0)
		r = err_set(e, ST_CONFLICT, "db", _("%s is already initialised"), a->path);
	staff me = {0, a->login, (char *)name, ROLE_MANAGER, true};
	if (!r)
		r = db_staff_add(a->db, &me, e);
	if (!r)
		r = app_reload(a, e);
	if (!r)
		r = catalogue_load_defaults(a, e);
	if (!r && demo)
		r = demo_populate(a, e);
	if (r) {
		db_rollback(a->db);
		app_reload(a, NULL);
		return r;
	}
	r = db_commit(a->db, e);
	if (!r)
		r = app_reload(a, e);
	return r;
}
