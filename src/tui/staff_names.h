/* staff_names.h — private to src/tui: people shown by their names, not their logins ("Taken by
 * Sophie Martin"). A screen reads the staff once when it loads and looks logins up as it
 * draws: no query per row per draw. */
#ifndef CHARTE_TUI_STAFF_NAMES_H
#define CHARTE_TUI_STAFF_NAMES_H

#include "charte/app.h"

typedef struct staff_names {
	staff *rows;
	size_t n;
} staff_names;

/* Read every member of staff (again: what was read before is freed). On a failure the names
 * are empty and logins are shown. */
void staff_names_load(staff_names *s, app *a);
/* The name of login (its login when it has no name or is not on the staff; "" for NULL). */
const char *staff_names_of(const staff_names *s, const char *login);
void staff_names_free(staff_names *s);

#endif
