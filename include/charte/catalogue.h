/* catalogue.h — the service catalogue: the SAP services, their VAT rates (CGI 278-0 bis D:
 * 5.5 % for help with the essential acts of daily life of dependent people; 279 i: 10 % for
 * housework, childcare, tutoring, small repairs, meals; 20 % for gardening, IT help, home
 * watch), unit and default price. The defaults come from data/services.csv; the manager edits
 * them afterwards. */
#ifndef CHARTE_CATALOGUE_H
#define CHARTE_CATALOGUE_H

#include "charte/app.h"

/* Parse a catalogue in the CSV of data/services.csv: `code;label;vat;unit;price`, a header row
 * whose first cell is "code", rates as percentages ("5.5"), prices in euros excl. VAT. A
 * service is `essential` when its rate is 5.5 %. On failure e names the line. */
int catalogue_parse(const char *text, service **rows, size_t *n, cerr *e);
/* The default catalogue (i18n_datadir()/services.csv; the copy built into the program when the
 * file is not there) added to the agency file: services already there are left as they are.
 * Called by `charte init`; needs the manager. */
int catalogue_load_defaults(app *a, cerr *e);
/* The same from another file; *added (may be NULL) counts the new services. */
int catalogue_load_file(app *a, const char *path, int *added, cerr *e);
/* The built-in copy of data/services.csv. */
const char *catalogue_builtin_csv(void);

/* Check a service as typed (code, label, vat, unit, price). */
int catalogue_check(const service *s, cerr *e);
/* Add a service, or change an existing one (same code): manager only. For an existing one only
 * the fields that differ from `base` (the service as the person saw it; NULL: as stored now)
 * are written; one another desk changed too is refused with both values (ST_CONFLICT). */
int catalogue_set(app *a, const service *base, const service *s, cerr *e);
/* ST_NOT_FOUND with a message naming the code. */
int catalogue_get(app *a, const char *code, service *out, cerr *e);
/* Every service, by code (the catalogue is small). with_inactive: retired ones too. */
int catalogue_list(app *a, bool with_inactive, service **rows, size_t *n, cerr *e);

#endif
