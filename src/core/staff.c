/* staff.c — adding staff, with the checks a manager expects. */
#include "charte/staff.h"

#include "core.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define STAFF_NAME_MAX 200

int staff_create(app *a, staff *s, cerr *e)
{
	int r = role_check(a, AREA_STAFF, ACCESS_WRITE, e);
	if (r)
		return r;
	if (str_blank(s->login))
		return err_set(e, ST_INVALID, "login", _("must not be empty"));
	if (strlen(s->login) > 63)
		return err_set(e, ST_INVALID, "login", _("too long (at most %zu characters)"),
			       (size_t)63);
	for (const char *p = s->login; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("._-", *p))
			return err_set(e, ST_INVALID, "login",
				       _("use only letters, digits, '.', '_' and '-'"));
	if (str_blank(s->name))
		return err_set(e, ST_INVALID, "name", _("must not be empty"));
	if (!utf8_valid(s->name))
		return err_set(e, ST_INVALID, "name", _("not valid UTF-8 text"));
	if (utf8_length(s->name) > STAFF_NAME_MAX)
		return err_set(e, ST_INVALID, "name", _("too long (at most %zu characters)"),
			       (size_t)STAFF_NAME_MAX);
	if (s->role == ROLE_NONE)
		return err_set(e, ST_INVALID, "role",
			       _("must be receptionist, coordinator or manager"));
	staff existing = {0};
	if (db_staff_by_login(a->db, s->login, &existing, NULL) == ST_OK) {
		staff_free(&existing);
		return err_set(e, ST_CONFLICT, "login", _("'%s' is already on the staff"),
			       s->login);
	}
	app_now(a);
	if ((r = db_begin(a->db, e)))
		return r;
	if ((r = db_staff_add(a->db, s, e))) {
		db_rollback(a->db);
		return r;
	}
	return db_commit(a->db, e);
}

int staff_get(app *a, const char *login, staff *out, cerr *e)
{
	return ROLE_READ(a, AREA_STAFF, e, db_staff_by_login(a->db, login, out, e));
}

int staff_list(app *a, staff **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_STAFF, e, db_staff_list(a->db, rows, n, e));
}

/* A member of staff as the history shows them. */
RECORD_DESC(staff_record, "staff",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("login", N_("Login"), FIELD_TEXT),
	    COLUMN("name", N_("Name"), FIELD_TEXT),
	    ENUM_COLUMN("role", N_("Role"), &role_names),
	    COLUMN("active", N_("Active"), FIELD_FLAG));
