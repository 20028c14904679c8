/* lineform.h — private to the two line forms, a quote's line (view_quote_line.c) and a
 * contract's service (view_contract_line.c): a line names a service of the catalogue (its code
 * or words of its name) or is free with a label, and takes a quantity, a price excl. VAT and a
 * VAT rate; a price or a rate left empty is the service's, a rate the setting vat.default for a
 * free line. Each form embeds a lineform and names its quantity's field. */
#ifndef CHARTE_TUI_LINEFORM_H
#define CHARTE_TUI_LINEFORM_H

#include "charte/catalogue.h"
#include "form.h"
#include "frame.h"

typedef struct lineform lineform;

/* What differs between the two forms. */
typedef struct lineform_ops {
	const char *qty;     /* the quantity's field: "qty", "hours" */
	cents max_price;     /* more than 0: the price's bound either way (a discount is negative) */
	bool note_label;     /* the note beside the service field gives the service's label too */
	const char *none;    /* N_(): the hint beside an empty service field */
	const char *several; /* N_(): the reasons under the service field */
	const char *unknown;
	/* The service field now names s (NULL: nothing, or nothing it can be). */
	void (*named)(lineform *lf, const service *s);
	/* The quantity q, as it reads: ST_OK or the reason. */
	int (*check_qty)(int64_t q, cerr *e);
} lineform_ops;

/* The first member of each form's record: the form's ctx, so each finds its record from it. */
struct lineform {
	app *a;
	form f;             /* its fields "service", "label", qty, "price", "vat" */
	const lineform_ops *ops;
	int default_vat;    /* setting vat.default, for a free line without a rate */
	service *services;  /* the catalogue, offered services and others */
	size_t nservices;
	char *service_note; /* beside the service field: the chosen service */
};

/* An empty form (its fields are the owner's to add) whose check is lineform_check. */
void lineform_init(lineform *lf, tui *t, const lineform_ops *ops);
/* Read the catalogue the service field names a service of. */
int lineform_load(lineform *lf, cerr *e);
void lineform_free(lineform *lf);

/* The service of that code; NULL if none. */
const service *lineform_service(const lineform *lf, const char *code);
/* Whether an offered service's code or label holds `typed`, accents and case aside. */
bool lineform_matches(const service *s, const char *typed);
/* The service the field names: its code exactly, else the one offered service that matches
 * what was typed. NULL when none or several (*several says which). */
const service *lineform_resolve(const lineform *lf, const char *typed, bool *several);
/* The note beside the service field: "22,00 €/h · VAT 10 %" (after its label with
 * ops->note_label); s NULL: the hint ops->none. */
void lineform_note(lineform *lf, const service *s);

/* The form's check as a field is left: the service (its code put in the field, ops->named told),
 * a label or a service, a quantity that reads (then ops->check_qty), a price that reads (within
 * ops->max_price) or a service, a rate that reads. */
int lineform_check(form *f, size_t i, cerr *e);

/* The quantity, the price and the rate as typed, with the defaults the domain would take (the
 * service's, the setting's); false when the quantity or the price cannot be read yet. */
bool lineform_figures(lineform *lf, int64_t *qty, cents *price, int *vat);
/* The line as typed, to save once every field is checked: the service's code and the label
 * (NULL when empty, caller frees), the quantity, and the price and the rate, left as they are
 * when empty (the domain's "the service's"). */
void lineform_read(lineform *lf, char **service_code, char **label, int64_t *qty, cents *price,
		   int *vat);

#endif
