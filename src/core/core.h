/* core.h — private to src/core: the inside of a session, and the storage headers the rules
 * use. Nothing outside src/core includes this (scripts/check-layers holds to it). */
#ifndef CHARTE_CORE_H
#define CHARTE_CORE_H

#include "charte/app.h"
#include "charte/roles.h"
#include "charte/db.h"
#include "charte/db_calls.h"
#include "charte/db_clients.h"
#include "charte/db_findings.h"
#include "charte/db_offer.h"

/* How a record's stored fields read for people, for the history (history.c). Each area
 * describes its records beside its rules. */
enum field_kind {
	FIELD_TEXT,
	FIELD_HIDDEN,   /* kept for the program (sort keys, the row's id): never shown */
	FIELD_MONEY,    /* cents: "1 234,56 €" */
	FIELD_HOURS,    /* hundredths of an hour: "6,5 h" */
	FIELD_QUANTITY, /* hundredths: "1,5" */
	FIELD_RATE,     /* hundredths of a percent: "5,5 %" */
	FIELD_DATE,     /* YYYY-MM-DD: in the locale */
	FIELD_DATETIME, /* YYYY-MM-DD HH:MM: in the locale */
	FIELD_FLAG,     /* 0/1: "yes"/"no" */
	FIELD_ENUM,     /* a stable name: its label in `names` */
	FIELD_WEEKDAY,  /* 1..7: "Mon" */
	FIELD_PHONE,    /* +33612345678: "06 12 34 56 78" */
};

typedef struct field_desc {
	const char *column;
	const char *label; /* msgid */
	int kind;
	const enum_table *names; /* FIELD_ENUM */
} field_desc;

typedef struct record_desc {
	const char *table;
	const field_desc *fields;
	size_t n;
} record_desc;

#define RECORD_DESC(var, table, ...)                                                        \
	static const field_desc var##_fields[] = {__VA_ARGS__};                             \
	const record_desc var = {table, var##_fields, ARRAY_LEN(var##_fields)}

extern const record_desc call_record, client_record, needs_record, service_record,
	quote_record, quote_line_record, contract_record, contract_slot_record, settings_record,
	staff_record;

struct app {
	db *db;
	char *path;
	bool now_fixed;   /* --now or $CHARTE_NOW */
	cminute now;      /* the fixed time, or the time of the last app_now() */
	char *login;
	staff me;         /* me.role == ROLE_NONE: not on the staff, read only */
	desk desk;        /* opening hours and closure dates from the settings */
	cday *closed_days;
};

#endif
