/* history.h — the audit trail as people read it. Storage records each change as the row's
 * columns before and after (a machine form, the same whatever the language); core words it at
 * read time from a description of each record's fields, so each desk reads its own language:
 * labels for columns, money as `1 234,56 €`, hours as `6,5 h`, dates and times in the locale,
 * flags as words, names of states as their labels. */
#ifndef CHARTE_HISTORY_H
#define CHARTE_HISTORY_H

#include "charte/app.h"

/* The audit trail, newest first, paged by id (before_id 0: from the newest). tbl and row_id
 * (0) filter when given. Each row's `changes` is filled by history_text. */
int history_page(app *a, const char *tbl, int64_t row_id, int64_t before_id, int limit,
		 history_row **rows, size_t *n, cerr *e);

/* The fields of one change for people: "Label: before → after; …" for an update (only what
 * changed), "Label: value; …" for what a new row held or a removed row had (empty fields left
 * out, and flags not set). Caller frees. */
char *history_text(const history_row *h);

#endif
