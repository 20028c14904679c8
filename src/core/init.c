/* init.c — a new agency file: its manager, its catalogue, and the demo, all or nothing. */
#include "charte/app.h"

#include "core.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charte/catalogue.h"
#include "charte/complaint.h"
#include "charte/demo.h"
#include "charte/worker.h"

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
	if (!r)
		r = worker_load_defaults(a, e);
	if (!r)
		r = complaint_load_defaults(a, e);
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

/* The file and the journal files SQLite keeps beside it. */
static void remove_agency_file(const char *path)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < ARRAY_LEN(suffix); i++) {
		char *p = xasprintf("%s%s", path, suffix[i]);
		unlink(p);
		free(p);
	}
}

int app_create(app **out, const char *path, const char *now_text, const char *login,
	       const char *name, bool demo, cerr *e)
{
	struct stat sb;
	bool existed = stat(path, &sb) == 0;
	int r = app_open(out, path, true, now_text, login, e);
	if (!r)
		r = app_initialise(*out, name, demo, e);
	if (r && !existed) {
		/* All or nothing: a file this init made and could not finish (a full disk) is
		 * not left behind half built. */
		app_close(*out);
		*out = NULL;
		remove_agency_file(path);
	}
	return r;
}
