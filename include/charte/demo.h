/* demo.h — a lively demo agency for `charte init --demo` and `make run`. */
#ifndef CHARTE_DEMO_H
#define CHARTE_DEMO_H

#include "charte/app.h"

/* Fill a freshly initialised file: settings of a real-looking agency, staff, a year of calls
 * with French names and subjects up to now, some callbacks overdue as of now. Deterministic
 * for a given now. One transaction. */
int demo_populate(app *a, cerr *e);

#endif
