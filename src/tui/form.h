/* form.h — private to src/tui: the generic form (labelled fields, checked as they are left). */
#ifndef CHARTE_TUI_FORM_H
#define CHARTE_TUI_FORM_H

#include "frame.h"
#include "lineedit.h"

/* ---- The generic form ------------------------------------------------------------------ */

enum field_type {
	FIELD_TEXT,
	FIELD_CHECK,
	FIELD_CHOICE, /* one of a few words: Space or Left/Right change it, a letter picks it */
	FIELD_PICK,   /* a record chosen in a picker (a client, a member of staff): typing opens
			 the picker with what is typed; Backspace empties the field */
};

struct picker_source;

typedef struct field {
	const char *name;   /* matches cerr.field of the domain ("caller") */
	char *label;        /* translated */
	int type;
	int width;          /* columns of a text field (0: up to 50) */
	const char *format; /* shown beside a text field: "DD/MM/YYYY HH:MM" (translated); under
			       it, whole, when it does not fit beside and the form has the room */
	lineedit ed;        /* FIELD_TEXT */
	bool on;            /* FIELD_CHECK */
	char *initial;      /* to tell a changed form */
	bool initial_on;
	strbuf error;       /* the reason shown under the field (empty for none) */
	/* FIELD_CHOICE: the words (translated, owned) and the one chosen */
	char **items;
	int nitems, choice, initial_choice;
	/* FIELD_PICK: where the choices come from, and the chosen record: its id, its value for
	 * form_text (NULL: none), how it is shown */
	const struct picker_source *source;
	int64_t id, initial_id;
	char *value, *shown;
} field;

typedef struct form form;
struct form {
	field **fields;
	size_t n, focus;
	size_t top;         /* first field shown when the form is taller than its room */
	void *ctx;
	/* Check field i as it is left; fill e (with e->field naming it) to show a reason. */
	int (*check)(form *f, size_t i, cerr *e);
	/* Field i changed (a box ticked): the form may adjust others. */
	void (*changed)(form *f, size_t i);
};

/* What form_key asks its owner to do. FORM_PICK: open the picker of the field being typed in
 * (form_pick), with the key just typed. */
enum { FORM_NONE, FORM_HANDLED, FORM_SAVE, FORM_CANCEL, FORM_PICK };

/* The actions of a view holding a form. */
extern const enum action form_actions[];

/* An empty form; ctx is for the owner's callbacks. */
void form_init(form *f, void *ctx);
/* Start f again empty (its owner, check and changed kept), to be built afresh: the form as it
 * was is returned, for form_keep_typed. */
form form_restart(form *f);
/* Add a field (in display order) named as the domain names it in cerr.field; label is
 * translated and copied. The field is returned to set its format. */
field *form_add_text(form *f, const char *name, const char *label, const char *initial,
		     int width);
field *form_add_check(form *f, const char *name, const char *label, bool on);
/* A choice among n words (translated, copied), `choice` being chosen. */
field *form_add_choice(form *f, const char *name, const char *label, const char *const *items,
		       int n, int choice);
/* A record chosen in a picker over src: id and value (NULL: none) as stored, shown as shown. */
field *form_add_pick(form *f, const char *name, const char *label,
		     const struct picker_source *src, int64_t id, const char *value,
		     const char *shown);
/* Set what field i holds (a choice made in its picker; id 0 and value NULL: empty). */
void form_set_pick(form *f, size_t i, int64_t id, const char *value, const char *shown);
/* The field of that name, or NULL. */
field *form_field(form *f, const char *name);
/* The text of a field (UTF-8, owned by the caller), or the empty string. */
char *form_text(form *f, const char *name);
/* Whether a box is ticked. */
bool form_on(form *f, const char *name);
/* The word chosen in a choice (its index), or -1. */
int form_choice(form *f, const char *name);
/* The id of the record chosen in a picker field, or 0. (form_text gives its value.) */
int64_t form_pick_id(form *f, const char *name);
/* How a date is typed, for a date field's format: "DD/MM/YYYY" in French (translated). */
const char *form_date_format(void);
/* The day typed in date field `name`: NULL and *day (NO_DAY when blank and allow_blank), else
 * the reason it is not one (N_(), to translate). */
const char *form_day(form *f, const char *name, bool allow_blank, cday *day);
/* The time of day typed in field `name` ("24:00" is the end of the day): NULL and *minutes,
 * else the reason (N_()). */
const char *form_clock(form *f, const char *name, int *minutes);
/* Put the cursor in field i. */
void form_focus(form *f, size_t i);
/* Type, move between fields (checking the one left), tick; FORM_SAVE or FORM_CANCEL when the
 * person asks for it (the owner saves, or asks before discarding). */
int form_key(form *f, const tkey *k, enum action act);
/* Check field i (as if it was left): false with its reason shown under the field it names. */
bool form_check_field(form *f, size_t i);
/* Check every field (as if each was left): false with the focus on the first wrong one. */
bool form_check_all(form *f);
/* Show a failed save's reason under the field it names; false when it names none. */
bool form_show_error(form *f, const cerr *e);
/* f, just built afresh from the record as stored now (after another desk changed it), takes
 * from `typed` (the form as the person left it) every field they changed, the focus and the
 * scroll; the others show what is stored now. typed is freed. The record the form was
 * rebuilt from is then the base of the next save, so that it writes what the person chose. */
void form_keep_typed(form *f, form *typed);
/* Something differs from what the form was opened with. */
bool form_dirty(const form *f);
/* Draw in r; sets the terminal cursor in the field being typed in (t may be NULL). */
void form_draw(form *f, tui *t, rect r);
/* Free the fields. */
void form_free(form *f);

/* ---- The generic form view: keys, "changed?" and leaving, for every view holding a form ---- */

/* What a form view does itself; the rest (typing, moving, F10/Ctrl-S, Esc asking before it
 * discards anything typed) is form_view_key's. */
struct form_view_ops {
	size_t form_at; /* where its form is in its data: offsetof(its struct, its form) */
	/* F10 or Ctrl-S: save what is typed and close (tui_pop), or show why not, keeping
	 * everything typed (form_show_error). */
	void (*save)(tui *t, view *v);
	/* Esc on a changed form: the question asked before discarding (translated). */
	const char *(*leave)(view *v);
	/* FORM_PICK: open the picker of the field in focus (NULL: form_pick with the key). */
	void (*pick)(tui *t, view *v, const tkey *k);
	/* form_view_close: free what its data holds besides its form (NULL: nothing more). */
	void (*release)(void *data);
};

/* Saving a form view, the same way in every one. Before a save: every field checked
 * (form_check_all); when one is refused, form_view_not_saved and false. */
bool form_view_valid(tui *t, form *f);
/* "Not saved" on the status line, the reasons staying by their fields. */
void form_view_not_saved(tui *t);

/* The data of a view holding a form, made in its open: size bytes, zeroed, its form (at
 * ops->form->form_at) started with check as its check (may be NULL). Set as v->data, so that a
 * later failure of the open is freed by the view's close. */
void *form_view_new(view *v, size_t size, int (*check)(form *f, size_t i, cerr *e));
/* A view_ops close for a view holding a form made by form_view_new: what its data holds
 * (ops->form->release), its form, then its data. */
void form_view_close(tui *t, view *v);
/* The form of a view holding one (ops->form set). */
form *form_view_form(view *v);
/* The page of a view holding a form: title (a heading) on the first row, the form from the
 * third. */
void form_page_draw(tui *t, view *v, rect r, const char *title);
/* A key for a view holding a form: TK_PASS for the frame's keys (F1, F2, Ctrl-L). */
int form_view_key(tui *t, view *v, const tkey *k, enum action act);
/* A save refused with e: its reason under the field it names (the message line then says to
 * look there, so that it covers nothing), else on the message line. */
void form_save_failed(tui *t, form *f, const cerr *e);
/* A form view that recorded something: closed, every view refreshed, and "Recorded: TITLE"
 * said (title may be the view's own: it is copied first). */
void form_view_recorded(tui *t, const char *title);
/* The question a form that records something asks before Esc discards what was typed. */
const char *form_view_leave_record(view *v);
/* Leave a form: at once when nothing was typed, else ask `question` first. */
void form_leave(tui *t, form *f, const char *question);

/* A text field of a form and the member (a char *) of the record it fills: one table a form
 * reads the record from (form_read_members) and checks a field of (form_member_of). */
typedef struct form_member {
	const char *name;
	size_t offset;
	bool blank_is_null; /* a blank field is no value (NULL) rather than "" */
} form_member;
#define FORM_MEMBER(name, type, member)         {name, offsetof(type, member), false}
#define FORM_MEMBER_OR_NULL(name, type, member) {name, offsetof(type, member), true}
/* The member of rec that field `name` fills, or NULL when none of m[0..n) does. */
char **form_member_of(void *rec, const form_member *m, size_t n, const char *name);
/* Each field of m[0..n) read into its member of rec (malloc'd; blank as the row says). */
void form_read_members(form *f, void *rec, const form_member *m, size_t n);

#endif
