/* staff.h — who works at the agency, with which role. */
#ifndef CHARTE_STAFF_H
#define CHARTE_STAFF_H

#include "charte/app.h"

/* Add a member of staff (managers only): login letters, digits, '.', '_', '-'; a name; a role.
 * Sets s->id. */
int staff_create(app *a, staff *s, cerr *e);

#endif
