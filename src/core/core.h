/* core.h — private to src/core: the inside of a session, and the storage headers the rules
 * use. Nothing outside src/core includes this (scripts/check-layers holds to it). */
#ifndef CHARTE_CORE_H
#define CHARTE_CORE_H

#include "charte/app.h"
#include "charte/roles.h"
#include "charte/db.h"
#include "charte/db_calls.h"
#include "charte/db_clients.h"
#include "charte/db_findings.h"
#include "charte/db_offer.h"

struct app {
	db *db;
	char *path;
	bool now_fixed;   /* --now or $CHARTE_NOW */
	cminute now;      /* the fixed time, or the time of the last app_now() */
	char *login;
	staff me;         /* me.role == ROLE_NONE: not on the staff, read only */
	desk desk;        /* opening hours and closure dates from the settings */
	cday *closed_days;
};

#endif
