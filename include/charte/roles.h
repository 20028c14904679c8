/* roles.h — who may do what: one table, area by area, of what each role (and a login that is
 * not on the staff) may read and change. Core checks it on every read and write it serves; a
 * face asks the same table before it offers an action, and shows core's reason when it may not.
 * No screen or command compares roles itself. */
#ifndef CHARTE_ROLES_H
#define CHARTE_ROLES_H

#include <stdbool.h>

#include "charte/app.h"

/* The areas the table speaks of. A new area is a value here and a row in roles.c. */
enum area {
	AREA_CALLS,           /* the call log */
	AREA_CLIENTS,         /* client files: names, addresses, phones, notes */
	AREA_CLIENT_CARE,     /* a client's status, referent, instructions and forbidden zones */
	AREA_NEEDS,           /* the needs analysis (O1) */
	AREA_QUOTES,
	AREA_CONTRACTS,
	AREA_CATALOGUE,       /* the service catalogue and its VAT rates */
	AREA_SETTINGS,
	AREA_STAFF,
	AREA_HISTORY,         /* the audit trail */
	AREA_AUDIT,           /* the charter's findings */
	AREA_IMPORT,          /* files brought in (calls, clients, workers) */
	AREA_WORKERS,         /* worker files: identity, skills, availability, procedure */
	AREA_WORKER_DOCS,     /* a worker's documents (I6): coordinator and manager only */
	AREA_CRIMINAL_RECORD, /* criminal record extracts (bulletin n°3): coordinator and manager */
	AREA_SURVEY,          /* the satisfaction survey: campaigns, results, publication (S6) */
	AREA_SURVEY_ANSWERS,  /* the answers of each client, entered from paper or the phone */
	AREA_COMPLAINTS,      /* complaints and anomalies, their actions and answers (S5) */
	AREA_PLANS,           /* action plans for recurring problems (S7) */
	AREA_PLANNING,        /* visits: generated, planned, arrivals, cancellations */
	AREA_NOTEBOOK,        /* the clients' liaison notebooks (I3) */
	AREA_FOLLOWUPS,       /* follow-up calls (S4, R6) */
	AREA_COUNT
};

/* What is asked: ACCESS_WRITE includes reading. */
enum access { ACCESS_NONE = 0, ACCESS_READ, ACCESS_WRITE };

/* The table itself: the most `role` may do in `area` (ACCESS_NONE for an unknown one). */
int role_access(int role, int area);

/* ST_OK when the person working may have `access` to `area`; else ST_DENIED with the reason,
 * in the user's language, on the field "user": who may, and the person's role; for a login that
 * is not on the staff, how to be added. */
int role_check(const app *a, int area, int access, cerr *e);
/* The same question without the reason: for a face choosing which keys to show. */
bool app_may(const app *a, int area, int access);

#endif
