/* fields.c — checks and stored forms of fields several areas share (see core.h). */
#include "core.h"

#include <stdlib.h>

int field_check_phone(const char *s, const char *field, cerr *e)
{
	if (str_blank(s))
		return ST_OK;
	char normal[17];
	const char *why = parse_phone(s, normal);
	return why ? err_set(e, ST_INVALID, field, "%s", _(why)) : ST_OK;
}

void field_tidy_phone(char **s)
{
	text_tidy(s, true);
	char normal[17];
	if (*s && !parse_phone(*s, normal)) {
		free(*s);
		*s = xstrdup(normal);
	}
}
