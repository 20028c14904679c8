/* export.h — files written for people from what core gives (src/export: like a face, it asks
 * core and never storage). Each file appears whole or not at all: it is written under a
 * temporary name in its own folder, then renamed. libxlsxwriter may print a warning on stderr:
 * a screen sends stderr elsewhere around these calls. */
#ifndef CHARTE_EXPORT_H
#define CHARTE_EXPORT_H

#include "charte/app.h"

/* The results of the survey of `year` as a workbook at `path` (a name ending in .xlsx): a
 * summary sheet (campaign, clients asked, answers, response rate, overall satisfaction,
 * publication date), a sheet of the questions (the answers on each value of the scale, the
 * share satisfied and last year's, as numbers and percentages) with a chart comparing the two
 * years, and a sheet of the free comments without any name. Headings and sheet names in the
 * user's language. ST_INVALID on the field "output" for a name that is not .xlsx; ST_IO when
 * the file cannot be written (nothing is left behind). */
int export_survey_xlsx(app *a, int year, const char *path, cerr *e);

#endif
