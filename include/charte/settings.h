/* settings.h — the agency's settings: dotted keys, defaults from DESIGN.md, validated values. */
#ifndef CHARTE_SETTINGS_H
#define CHARTE_SETTINGS_H

#include "charte/app.h"

enum setting_type {
	SET_TEXT,     /* free text */
	SET_PHONE,    /* a phone number (stored in normal form) */
	SET_DATE,     /* YYYY-MM-DD or empty */
	SET_CLOCK,    /* HH:MM */
	SET_DATES,    /* comma-separated YYYY-MM-DD */
	SET_INT,      /* whole number in [min, max] */
	SET_AMOUNT,   /* euros */
	SET_PERCENT,  /* a VAT rate */
	SET_MONTHDAY, /* MM-DD */
	SET_CHOICE,   /* one of choices, '|'-separated */
	SET_RATES,    /* VAT rates, separated by ',' (or ';' when a rate has a decimal comma) */
};

typedef struct setting_def {
	const char *key;
	int type;
	const char *fallback; /* the default, in storage form */
	long min, max;        /* SET_INT */
	const char *choices;  /* SET_CHOICE */
	const char *help;     /* untranslated, N_() */
} setting_def;

/* Every setting, in display order. */
const setting_def *settings_defs(size_t *n);
const setting_def *settings_find(const char *key);
/* The value (stored or default), owned by the caller. NULL for an unknown key. */
char *settings_get(app *a, const char *key);
long settings_int(app *a, const char *key);
/* True while the agency's name, its one phone number or its SAP declaration number is empty
 * (A1: the finding agency-details-missing). */
bool settings_agency_missing(app *a);
cents settings_amount(app *a, const char *key);
int settings_percent(app *a, const char *key);
/* A VAT rate (hundredths of a percent) a line may take: one of the SAP regime's rates in the
 * setting vat.rates, or 0 only when the agency is exempt (vat.exempt). ST_INVALID naming
 * `field` otherwise, with the rates allowed. */
int settings_vat_allowed(app *a, int rate, const char *field, cerr *e);
/* The same without the exemption: one of the rates of `rates` (vat.rates' form, "5.5,10,20"),
 * or of the setting when rates is NULL; what a service of the catalogue and vat.default hold. */
int settings_vat_listed(app *a, const char *rates, int rate, const char *field, cerr *e);
/* The rate of a service of the catalogue for a line: 0 for an exempt agency, else its own. */
int settings_vat_of_service(app *a, int rate);
/* The rate a line takes when none is given: 0 for an exempt agency, else vat.default. */
int settings_vat_default(app *a);
/* A choice between no and yes (vat.exempt): it also takes oui/non, 1/0, o/n, y/n, and is shown
 * as a word of the user's language. */
bool settings_is_flag(const setting_def *def);
/* Check and normalise value for key: on success *normal is the storage form (caller frees). */
int settings_check(const char *key, const char *value, char **normal, cerr *e);
/* Check, then store in one transaction, then reload the app's rules. */
int settings_set(app *a, const char *key, const char *value, cerr *e);
/* settings_set from a value the person saw (`from`, as typed or stored): when another desk set
 * the key to something else meanwhile, ST_CONFLICT with both values and nothing written. */
int settings_change(app *a, const char *key, const char *from, const char *value, cerr *e);
/* A value for people (phone formatted, dates as typed in the locale). */
char *settings_display(const char *key, const char *value);

#endif
