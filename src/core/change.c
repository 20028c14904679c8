/* change.c — the one way a stored record changes (see record_change in core.h). */
#include "core.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

int record_change(app *a, const record_ops *ops, int64_t id,
		  int (*step)(app *a, void *rec, void *arg, cerr *e), void *arg, cerr *e)
{
	int r = role_check(a, ops->area, ACCESS_WRITE, e);
	if (r)
		return r;
	app_now(a);
	if ((r = db_begin(a->db, e)))
		return r;
	void *rec = xmalloc(ops->size);
	ops->init(rec);
	r = ops->get(a->db, id, rec, e);
	if (!r)
		r = step(a, rec, arg, e);
	if (!r && ops->update)
		r = ops->update(a->db, rec, e);
	ops->release(rec);
	free(rec);
	if (r) {
		db_rollback(a->db);
		return r;
	}
	return db_commit(a->db, e);
}

int record_ref(const char *ref, char prefix, char number[static 32], int64_t *id)
{
	snprintf(number, 32, "%s", ref ? ref : "");
	str_trim(number);
	if (toupper((unsigned char)number[0]) == prefix) {
		for (char *p = number; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		return 1;
	}
	long n;
	if (parse_int(number, 1, 999999999999L, &n))
		return -1;
	*id = n;
	return 0;
}

int record_found(int r, const char *field, cerr *e)
{
	if (r == ST_NOT_FOUND && e)
		snprintf(e->field, sizeof e->field, "%s", field);
	return r;
}
