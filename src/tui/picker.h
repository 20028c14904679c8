/* picker.h — private to src/tui: choosing a record by searching as you type. */
#ifndef CHARTE_TUI_PICKER_H
#define CHARTE_TUI_PICKER_H

#include "charte/client.h"
#include "form.h"

/* ---- The picker: choose a record by searching as you type ------------------------------ */

/* Where a picker's choices come from (picker_clients, picker_staff, picker_workers). */
struct picker_source {
	const char *title; /* N_(): "Choose a client" */
	const char *hint;  /* N_(): what can be typed */
	const char *none;  /* N_(): when nothing matches */
	size_t row_size;
	/* A page of the choices matching what is typed ("": all), as list_ops.fetch does. */
	int (*fetch)(app *a, const char *search, const void *from, bool backward, int limit,
		     void **rows, size_t *n, cerr *e);
	void (*free_row)(void *row);
	bool (*same)(const void *a, const void *b);
	/* One line of the list, in r. */
	void (*draw)(const void *row, rect r, bool selected);
	/* What choosing row gives: an id, a value (for form_text; may be NULL), and how the
	 * field shows it; the strings are the caller's. */
	void (*chosen)(const void *row, int64_t *id, char **value, char **shown);
};
extern const struct picker_source picker_clients, picker_staff, picker_workers;

/* Called once a choice is made (never on Esc), the picker being closed already. */
typedef void (*picker_done_fn)(tui *t, void *arg, int64_t id, const char *value,
			       const char *shown);
/* Open a picker over the current view, its search holding `search`; arg (malloc'd or NULL) is
 * freed with free() when the picker closes. */
void picker_open(tui *t, const struct picker_source *src, const char *search, picker_done_fn done,
		 void *arg);
/* Open the picker of form f's field in focus, searching for the key k typed (if printable);
 * the choice goes into the field, its owner hears of it through f->changed, and the cursor
 * moves to the next field. */
void form_pick(tui *t, form *f, const tkey *k);
/* The same, searching for `search` (what the owner knows already, such as a caller's name). */
void form_pick_search(tui *t, form *f, const char *search);
/* How a client is shown in a picker field: "Mme Zoé Lefèvre" (caller frees); and a member of
 * staff: "Karim Benali", with_login "Karim Benali (karim.benali)", or the login alone when it
 * is not on the staff. */
char *picker_client_label(const client_file *c);
char *picker_staff_label(app *a, const char *login, bool with_login);

#endif
