/* names.h — one table per enum: each value with its stable name (for storage, CSV and the
 * command line) and its label for people (translated when read). Every enum of the model that
 * is stored or typed has one table here, so that a new enum is a table, not three functions. */
#ifndef CHARTE_NAMES_H
#define CHARTE_NAMES_H

#include <stddef.h>

typedef struct enum_entry {
	int value;
	const char *name;    /* stable: "draft", "one-off"; "" for a "none" value */
	const char *label;   /* English msgid, translated by enum_label() */
	const char *context; /* msgctxt of the label ("Active" differs per record), or NULL */
} enum_entry;

typedef struct enum_table {
	const enum_entry *rows;
	size_t n;
	int unknown; /* what enum_value() answers for a name not in the table */
} enum_table;

/* The stable name of value; "" when the value is not in the table. */
const char *enum_name(const enum_table *t, int value);
/* The value named s (exactly); t->unknown when none is (or s is NULL or ""). */
int enum_value(const enum_table *t, const char *s);
/* The label of value in the user's language; "" when the value is not in the table. */
const char *enum_label(const enum_table *t, int value);

/* A label marked for translation in a context (xgettext: -kNC_:1c,2). */
#define NC_(ctx, s) (s)

extern const enum_table role_names;       /* enum role: unknown ROLE_NONE */
extern const enum_table call_states;      /* enum call_state: unknown CALL_STATE_NONE */
extern const enum_table client_statuses;  /* enum client_status: unknown CLIENT_STATUS_NONE */
extern const enum_table price_units;      /* enum price_unit: unknown -1 */
extern const enum_table quote_statuses;   /* enum quote_status: unknown -1 */
extern const enum_table contract_statuses; /* enum contract_status: unknown -1 */
extern const enum_table contract_kinds;   /* enum contract_kind: unknown -1 */
extern const enum_table worker_statuses;  /* enum worker_status: unknown WORKER_STATUS_NONE */
extern const enum_table worker_doc_kinds; /* enum worker_doc_kind: unknown DOC_KIND_NONE */
extern const enum_table survey_answers;   /* enum survey_answer: unknown SURVEY_NO_ANSWER */
extern const enum_table complaint_statuses;   /* enum complaint_status: unknown ..._NONE */
extern const enum_table complaint_channels;   /* enum complaint_channel: unknown CHANNEL_NONE */
extern const enum_table complaint_severities; /* enum complaint_severity: unknown SEVERITY_NONE */
extern const enum_table followup_kinds;     /* enum followup_kind: unknown FOLLOWUP_KIND_NONE */
extern const enum_table followup_statuses;  /* enum followup_status: unknown FOLLOWUP_STATUS_NONE */
extern const enum_table plan_statuses;        /* enum plan_status: unknown PLAN_STATUS_NONE */
extern const enum_table visit_statuses;   /* enum visit_status: unknown VISIT_STATUS_NONE */

#endif
