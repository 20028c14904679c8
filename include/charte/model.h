/* model.h — the plain records the layers pass to each other. Strings are owned (heap) and
 * freed by the matching *_free(); a NULL string means "no value". */
#ifndef CHARTE_MODEL_H
#define CHARTE_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "charte/parse.h"

enum role { ROLE_NONE = 0, ROLE_RECEPTIONIST, ROLE_COORDINATOR, ROLE_MANAGER };

typedef struct staff {
	int64_t id;
	char *login;
	char *name;
	int role; /* enum role */
	bool active;
} staff;
void staff_free(staff *s);
/* "receptionist", "coordinator", "manager" (stable, for storage and CSV) */
const char *role_name(int role);
int role_from_name(const char *s); /* ROLE_NONE when unknown */
const char *role_label(int role);  /* translated, for people */

/* A call in the log book (the charter's "main courante"). */
typedef struct call {
	int64_t id;
	cminute at;          /* when the call came in (or the message was left) */
	char *caller;        /* never empty */
	char *phone;         /* normal form (+33...) or NULL */
	char *subject;       /* may be empty */
	char *taken_by;      /* login of who logged it */
	int64_t client_id;   /* 0: not linked to a client */
	bool answered;       /* answered at once */
	bool voicemail;      /* left while the desk was closed (set automatically) */
	bool callback;       /* the caller asked to be called back */
	cminute due;         /* callback due (R1), NO_MINUTE without callback */
	cminute called_back_at;
	char *callback_note;
	bool documentation;  /* documentation requested */
	cminute doc_due;     /* documentation to send by (2 working days) */
	cminute doc_sent_at;
	bool cancelled;
	char *cancel_reason;
} call;
void call_init(call *c); /* zero strings, NO_MINUTE times */
void call_free(call *c);
void calls_free(call *rows, size_t n);

/* One row of the audit trail. */
typedef struct history_row {
	int64_t id;
	cminute at;
	char *actor;
	char *tbl;
	int64_t row_id;
	char *action;  /* insert, update, delete, or a free word such as "import" */
	char *changes; /* "field: before -> after; ..." made by storage, for people */
} history_row;
void history_rows_free(history_row *rows, size_t n);

/* ---- clients and their needs (issue 3: client.h operations) ---- */

/* ---- the service catalogue, quotes and contracts (issue 3: quote.h, contract.h) ---- */

#endif
