/* roles.c — the roles table: for each area, what a login not on the staff, a receptionist, a
 * coordinator and a manager may do; and the reason given when they may not. */
#include "charte/roles.h"

#include "core.h"

#define N ACCESS_NONE
#define R ACCESS_READ
#define W ACCESS_WRITE

static const struct area_rule {
	int area;
	const char *read;  /* "see the quotes": what reading is, for the reason */
	const char *write; /* "write quotes" */
	unsigned char access[4]; /* by role: not on the staff, receptionist, coordinator, manager */
} rules[] = {
	{AREA_CALLS, N_("see the call log"), N_("write in the call log"), {R, W, W, W}},
	{AREA_CLIENTS, N_("see client files"), N_("write client files"), {R, W, W, W}},
	{AREA_CLIENT_CARE, N_("see client files"),
	 N_("set a client's status, referent, instructions and forbidden zones"), {R, R, W, W}},
	{AREA_NEEDS, N_("see the needs analysis"), N_("write the needs analysis"), {R, R, W, W}},
	{AREA_QUOTES, N_("see quotes"), N_("write quotes"), {R, R, W, W}},
	{AREA_CONTRACTS, N_("see contracts"), N_("write contracts"), {R, R, W, W}},
	{AREA_CATALOGUE, N_("see the service catalogue"), N_("change the service catalogue"),
	 {R, R, R, W}},
	{AREA_SETTINGS, N_("see the settings"), N_("change the settings"), {R, R, R, W}},
	{AREA_STAFF, N_("see the staff"), N_("add staff"), {R, R, R, W}},
	{AREA_HISTORY, N_("see the history"), N_("change the history"), {R, R, R, R}},
	{AREA_AUDIT, N_("see the charter's findings"), N_("change the charter's findings"),
	 {R, R, R, R}},
	{AREA_IMPORT, N_("import files"), N_("import files"), {N, W, W, W}},
	{AREA_WORKERS, N_("see worker files"), N_("write worker files"), {R, R, W, W}},
	{AREA_WORKER_DOCS, N_("see workers' documents"), N_("record workers' documents"),
	 {N, N, W, W}},
	{AREA_PLANNING, N_("see the planning"), N_("plan visits"), {R, R, W, W}},
	{AREA_NOTEBOOK, N_("see the liaison notebooks"), N_("write in the liaison notebooks"),
	 {R, W, W, W}},
	{AREA_CRIMINAL_RECORD, N_("see criminal record extracts"),
	 N_("record criminal record extracts"), {N, N, W, W}},
	{AREA_SURVEY, N_("see the satisfaction survey"),
	 N_("open or publish the satisfaction survey"), {R, R, R, W}},
	{AREA_SURVEY_ANSWERS, N_("see the survey's answers"), N_("enter the survey's answers"),
	 {R, R, W, W}},
	{AREA_COMPLAINTS, N_("see complaints"), N_("record complaints"), {R, W, W, W}},
	{AREA_PLANS, N_("see action plans"), N_("write action plans"), {R, R, W, W}},
	{AREA_FOLLOWUPS, N_("see follow-up calls"), N_("record follow-up calls"), {R, W, W, W}},
};

#undef N
#undef R
#undef W

static const struct area_rule *rule_of(int area)
{
	for (size_t i = 0; i < ARRAY_LEN(rules); i++)
		if (rules[i].area == area)
			return &rules[i];
	return NULL;
}

int role_access(int role, int area)
{
	const struct area_rule *r = rule_of(area);
	if (!r || role < ROLE_NONE || role > ROLE_MANAGER)
		return ACCESS_NONE;
	return r->access[role];
}

bool app_may(const app *a, int area, int access)
{
	return role_access(a->me.role, area) >= access;
}

int role_check(const app *a, int area, int access, cerr *e)
{
	if (app_may(a, area, access))
		return ST_OK;
	const struct area_rule *r = rule_of(area);
	const char *what = r ? _(access == ACCESS_WRITE ? r->write : r->read) : "";
	/* The least role that may: the roles above it may too in every row of the table. */
	int least = ROLE_NONE;
	while (least <= ROLE_MANAGER && role_access(least, area) < access)
		least++;
	/* Someone not on the staff is told first how to be added to it. */
	if (a->me.role == ROLE_NONE && least <= ROLE_MANAGER)
		return err_set(e, ST_DENIED, "user",
		               _("you (%s) are not on the staff of this agency, so you can only "
		                 "read; a manager can add you with: charte staff add --login %s "
		                 "--name NAME --role receptionist|coordinator|manager"),
		               a->login, a->login);
	const char *role = enum_label(&role_names, a->me.role);
	switch (least) {
	case ROLE_COORDINATOR:
		return err_set(e, ST_DENIED, "user",
		               _("only a coordinator or a manager may %s (your role: %s)"), what,
		               role);
	case ROLE_MANAGER:
		return err_set(e, ST_DENIED, "user", _("only a manager may %s (your role: %s)"),
		               what, role);
	default:
		return err_set(e, ST_DENIED, "user", _("nobody may %s"), what);
	}
}
