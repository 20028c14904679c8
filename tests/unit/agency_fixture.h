/* agency_fixture.h — the agency file every suite on storage starts from: a new file in a
 * temporary folder of its own (removed by fixture_close, or at exit), opened at a fixed "now"
 * as marie, its manager, with paul a coordinator and lea at the front desk. Every helper
 * asserts that its step succeeds. */
#ifndef CHARTE_TEST_AGENCY_FIXTURE_H
#define CHARTE_TEST_AGENCY_FIXTURE_H
#include <stdbool.h>

#include "charte/app.h"

extern char fixture_dir[256]; /* the folder of the file open */
extern char fixture_db[512];  /* the file: fixture_dir/agency.db */

/* A new file, "now" being `now` (YYYY-MM-DD HH:MM). */
app *fixture_open(const char *now);
/* Close it (*a set to NULL) and remove its folder. */
void fixture_close(app **a);
/* A new client of that name (nothing else typed); its id. */
int64_t fixture_client(app *a, const char *name);
/* One more member of the staff; the session reloaded. */
void fixture_staff(app *a, const char *login, const char *name, int role, bool active);

#endif
