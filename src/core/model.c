/* model.c — life of the plain records. */
#include "charte/model.h"

#include <stdlib.h>
#include <string.h>

#include "charte/util.h"

void staff_free(staff *s)
{
	free(s->login);
	free(s->name);
	s->login = s->name = NULL;
}

static const char *const role_names[] = {"", "receptionist", "coordinator", "manager"};

const char *role_name(int role)
{
	return role > 0 && role < (int)ARRAY_LEN(role_names) ? role_names[role] : "";
}

int role_from_name(const char *s)
{
	for (int i = 1; s && i < (int)ARRAY_LEN(role_names); i++)
		if (strcmp(s, role_names[i]) == 0)
			return i;
	return ROLE_NONE;
}

const char *role_label(int role)
{
	switch (role) {
	case ROLE_RECEPTIONIST:
		return _("receptionist");
	case ROLE_COORDINATOR:
		return _("coordinator");
	case ROLE_MANAGER:
		return _("manager");
	default:
		return _("read only");
	}
}

void call_init(call *c)
{
	memset(c, 0, sizeof *c);
	c->at = c->due = c->called_back_at = c->doc_due = c->doc_sent_at = NO_MINUTE;
}

void call_free(call *c)
{
	free(c->caller);
	free(c->phone);
	free(c->subject);
	free(c->taken_by);
	free(c->callback_note);
	free(c->cancel_reason);
	call_init(c);
}

void calls_free(call *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		call_free(&rows[i]);
	free(rows);
}

void history_rows_free(history_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].actor);
		free(rows[i].tbl);
		free(rows[i].action);
		free(rows[i].changes);
	}
	free(rows);
}
