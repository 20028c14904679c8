/* app.h — one working session: the agency file, the clock ("now", which tests and audits can
 * fix), who is working and with what role, and the settings the rules use. Core operations take
 * an app; the faces hold it without seeing inside (its storage is core's alone). */
#ifndef CHARTE_APP_H
#define CHARTE_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "charte/calendar.h"
#include "charte/model.h"

typedef struct app app;

/* The file to use: --db, else $CHARTE_DB, else $XDG_DATA_HOME/charte/charte.db, else
 * ~/.local/share/charte/charte.db. Returned string is owned by the caller. */
char *app_default_path(const char *option);

/* Open a session on path (NULL: app_default_path(NULL)). now_text: "YYYY-MM-DD HH:MM" or NULL
 * (then $CHARTE_NOW, else the system clock). login: NULL for $USER. The language setting
 * (ui.language) takes effect. On failure *out is NULL and e says why. */
int app_open(app **out, const char *path, bool create, const char *now_text, const char *login,
	     cerr *e);
void app_close(app *a); /* NULL is fine */
/* The current time: the fixed one, or the system clock read now (minute precision). */
cminute app_now(app *a);
cday app_today(app *a);
/* Who is working: the login, and the staff member it maps to (role ROLE_NONE: not on the staff,
 * read only). */
const char *app_login(const app *a);
const staff *app_me(const app *a);
int app_role(const app *a);
/* The name to show for the person working: their staff name, else the login. */
const char *app_who(const app *a);
const char *app_path(const app *a);
/* Opening hours, closure dates and the callback delay, from the settings (R1). */
const desk *app_desk(const app *a);
/* Changes when another desk commits: a screen that shows it is out of date. */
int64_t app_data_version(app *a);
/* While another desk is writing (a long import), a write of this session waits rather than
 * failing; fn(ms, arg) is called about every second of the wait so that the face can say
 * "another desk is saving: waiting…". NULL: wait silently. */
void app_on_wait(app *a, void (*fn)(int ms, void *arg), void *arg);
/* Who may do what is not asked of the role here but of the roles table: roles.h. */
/* `charte init`: in one transaction, on a file with no staff yet, make the current login its
 * manager (named `name`), load the service catalogue, and with demo fill a demo agency.
 * ST_CONFLICT when the file already has staff. */
int app_initialise(app *a, const char *name, bool demo, cerr *e);
/* `charte init` on path: open (creating it) and initialise. When it fails, a file that did not
 * exist before is removed with its journal: init is all or nothing, even on a full disk. */
int app_create(app **out, const char *path, const char *now_text, const char *login,
	       const char *name, bool demo, cerr *e);
/* Re-read the settings the rules use (after a change, or when another desk changed them). */
int app_reload(app *a, cerr *e);

#endif
