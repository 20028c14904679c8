/* staff.h — who works at the agency, with which role. */
#ifndef CHARTE_STAFF_H
#define CHARTE_STAFF_H

#include "charte/app.h"

/* Add a member of staff (managers only): login letters, digits, '.', '_', '-'; a name; a role.
 * Sets s->id. */
int staff_create(app *a, staff *s, cerr *e);

/* The member of staff with this login (ST_NOT_FOUND), and every member by name. */
int staff_get(app *a, const char *login, staff *out, cerr *e);
int staff_list(app *a, staff **rows, size_t *n, cerr *e);

#endif
