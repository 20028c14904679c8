/* dialog.h — private to src/tui: dialogs, one at a time, over the current view. */
#ifndef CHARTE_TUI_DIALOG_H
#define CHARTE_TUI_DIALOG_H

#include "frame.h"

/* ---- Dialogs (one at a time, over the current view) ---------------------------------- */

typedef void (*dialog_yes_fn)(tui *t, void *arg);
typedef int (*dialog_submit_fn)(tui *t, void *arg, const char *text, cerr *e);
typedef void (*dialog_choice_fn)(tui *t, void *arg, int choice);

/* "question (y/n)": yes calls fn(t, arg). arg is freed with free() when the dialog closes. */
void dialog_confirm(tui *t, const char *question, dialog_yes_fn fn, void *arg);
/* One line to type: Enter or F10 calls submit; a failure keeps the box open with the reason
 * under the field. */
void dialog_prompt(tui *t, const char *title, const char *label, const char *help,
		   const char *initial, dialog_submit_fn submit, void *arg);
/* Choose among items (translated): Enter or the item's digit calls fn with its index. */
void dialog_menu(tui *t, const char *title, const char *const *items, int n, int selected,
		 dialog_choice_fn fn, void *arg);
/* A wrapped message, closed by any key. */
void dialog_info(tui *t, const char *title, const char *text);
/* A dialog is open: it takes every key until it closes. */
bool dialog_open(const tui *t);
/* Draw it over the current view. */
void dialog_draw(tui *t);
/* The actions offered by the open dialog (for the key bar), and whether it takes text. */
const enum action *dialog_actions(const tui *t, bool *text_input);
/* A key for the open dialog; it may close it and run its callback. */
void dialog_key(tui *t, const tkey *k);
/* Close the open dialog without answering (its arg is freed). */
void dialog_close(tui *t);

#endif
