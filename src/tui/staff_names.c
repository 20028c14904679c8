/* staff_names.c — logins shown as the names of the staff, read once per screen load. */
#include <stdlib.h>
#include <string.h>

#include "charte/staff.h"
#include "staff_names.h"

void staff_names_load(staff_names *s, app *a)
{
	staff_names_free(s);
	cerr e;
	err_clear(&e);
	if (staff_list(a, &s->rows, &s->n, &e)) {
		s->rows = NULL;
		s->n = 0;
	}
}

const char *staff_names_of(const staff_names *s, const char *login)
{
	if (!login)
		return "";
	for (size_t i = 0; i < s->n; i++)
		if (s->rows[i].login && !strcmp(s->rows[i].login, login))
			return s->rows[i].name && *s->rows[i].name ? s->rows[i].name : login;
	return login;
}

void staff_names_free(staff_names *s)
{
	staff_rows_free(s->rows, s->n);
	s->rows = NULL;
	s->n = 0;
}
