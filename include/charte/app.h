/* app.h — one working session: the agency file, the clock ("now", which tests and audits can
 * fix), who is working and with what role, and the settings. Core operations take an app. */
#ifndef CHARTE_APP_H
#define CHARTE_APP_H

#include <stdbool.h>

#include "charte/calendar.h"
#include "charte/db.h"
#include "charte/model.h"

typedef struct app {
	db *db;
	char *path;
	bool now_fixed;   /* --now or $CHARTE_NOW */
	cminute now;      /* the fixed time, or the time of the last app_now() */
	char login[64];
	staff me;         /* me.role == ROLE_NONE: not on the staff, read only */
	desk desk;        /* opening hours and closure dates from the settings */
	cday *closed_days;
} app;

/* The file to use: --db, else $CHARTE_DB, else $XDG_DATA_HOME/charte/charte.db, else
 * ~/.local/share/charte/charte.db. Returned string is owned by the caller. */
char *app_default_path(const char *option);

/* Open the session. now_text: "YYYY-MM-DD HH:MM" or NULL (then $CHARTE_NOW, else the system
 * clock). login: NULL for $USER. */
int app_open(app *a, const char *path, bool create, const char *now_text, const char *login,
	     cerr *e);
void app_close(app *a);
/* The current time: the fixed one, or the system clock read now (minute precision). */
cminute app_now(app *a);
cday app_today(app *a);
/* ST_DENIED with a message saying how to be added, when the login is not on the staff. */
int app_require_staff(app *a, cerr *e);
/* ST_DENIED unless the role is at least `role` (manager > coordinator > receptionist). */
int app_require_role(app *a, int role, cerr *e);
/* `charte init`: in one transaction, on a file with no staff yet, make the current login its
 * manager (named `name`), load the service catalogue, and with demo fill a demo agency.
 * ST_CONFLICT when the file already has staff. */
int app_initialise(app *a, const char *name, bool demo, cerr *e);
/* Re-read the settings the rules use (after a change, or when another desk changed them). */
int app_reload(app *a, cerr *e);

#endif
