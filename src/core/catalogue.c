/* catalogue.c — the service catalogue: the defaults of data/services.csv, checks, edits. */
#include "charte/catalogue.h"
#include "charte/settings.h"

#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/i18n.h"

#define LABEL_MAX 200
#define CODE_MAX  32

/* The copy of data/services.csv built into the program, for a program run away from its data
 * folder; test_quote checks that the two agree. */
static const char builtin_csv[] =
    "code;label;vat;unit;price\n"
    "aide-dependance;Aide aux actes essentiels de la vie quotidienne (personne âgée ou "
    "handicapée dépendante);5.5;hour;24.50\n"
    "garde-malade;Garde-malade à domicile (hors soins) d'une personne dépendante;5.5;hour;"
    "24.50\n"
    "accompagnement;Accompagnement d'une personne dépendante dans ses déplacements;5.5;hour;"
    "24.50\n"
    "menage;Ménage et repassage;10;hour;23.00\n"
    "garde-enfants;Garde d'enfants de plus de 3 ans à domicile;10;hour;22.00\n"
    "soutien-scolaire;Soutien scolaire et cours à domicile;10;hour;30.00\n"
    "bricolage;Petits travaux de bricolage;10;hour;32.00\n"
    "repas;Préparation de repas à domicile;10;hour;23.00\n"
    "jardinage;Petits travaux de jardinage;20;hour;30.00\n"
    "informatique;Assistance informatique à domicile;20;hour;38.00\n"
    "surveillance;Surveillance temporaire de la résidence;20;hour;22.00\n";

const char *catalogue_builtin_csv(void)
{
	return builtin_csv;
}

/* ---- the records ---- */




/* ---- checks ---- */

int catalogue_check(const service *s, cerr *e)
{
	if (!s->code || !*s->code)
		return err_set(e, ST_INVALID, "code", _("must not be empty"));
	if (strlen(s->code) > CODE_MAX)
		return err_set(e, ST_INVALID, "code", _("too long (at most %d characters)"),
		               CODE_MAX);
	for (const char *p = s->code; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return err_set(e, ST_INVALID, "code",
			               _("use lower-case letters, digits and '-' only"));
	if (str_blank(s->label))
		return err_set(e, ST_INVALID, "label", _("must not be empty"));
	if (!utf8_valid(s->label))
		return err_set(e, ST_INVALID, "label", _("not valid UTF-8 text"));
	if (strlen(s->label) > LABEL_MAX)
		return err_set(e, ST_INVALID, "label", _("too long (at most %d characters)"),
		               LABEL_MAX);
	if (s->vat_rate < 0 || s->vat_rate > 10000)
		return err_set(e, ST_INVALID, "vat", _("must be between 0 and 100 %%"));
	if (s->unit != UNIT_HOUR && s->unit != UNIT_FLAT)
		return err_set(e, ST_INVALID, "unit", _("must be hour or flat"));
	if (s->price < 0)
		return err_set(e, ST_INVALID, "price", _("must not be negative"));
	if (s->price > 100000000)
		return err_set(e, ST_INVALID, "price", _("is too large"));
	return ST_OK;
}

/* ---- parsing ---- */

struct parse_state {
	service *rows;
	size_t n, cap;
};

/* One record: code;label;vat;unit;price. */
static int on_row(char **cells, size_t ncells, size_t line, void *arg, cerr *e)
{
	struct parse_state *p = arg;
	service s = {0};
	const char *why = NULL, *field = "";
	if (ncells != 5) {
		why = N_("expected 5 fields: code;label;vat;unit;price");
	} else {
		s.code = cells[0];
		s.label = cells[1];
		s.active = true;
		s.unit = enum_value(&price_units, cells[3]);
		if ((why = parse_percent(cells[2], &s.vat_rate)))
			field = "vat";
		else if (s.unit < 0)
			why = N_("must be hour or flat"), field = "unit";
		else if ((why = parse_amount(cells[4], &s.price)))
			field = "price";
	}
	cerr ce = {0};
	if (why)
		return err_set(e, ST_INVALID, "catalogue", _("line %zu: %s: %s"), line, field,
			       _(why));
	if (catalogue_check(&s, &ce))
		return err_set(e, ST_INVALID, "catalogue", _("line %zu: %s: %s"), line, ce.field,
			       ce.msg);
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->rows[i].code, s.code))
			return err_set(e, ST_INVALID, "catalogue",
				       _("line %zu: the code %s is there twice"), line, s.code);
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->rows = xrealloc(p->rows, p->cap * sizeof *p->rows);
	}
	s.code = xstrdup(s.code);
	s.label = xstrdup(s.label);
	s.essential = s.vat_rate == 550;
	p->rows[p->n++] = s;
	return ST_OK;
}

int catalogue_parse(const char *text, service **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	struct parse_state p = {0};
	int r = data_table_parse(text, "catalogue", on_row, &p, e);
	if (!r && p.n == 0)
		r = err_set(e, ST_INVALID, "catalogue", _("no service in the catalogue"));
	if (r) {
		services_free(p.rows, p.n);
		return r;
	}
	*rows = p.rows;
	*n = p.n;
	return ST_OK;
}

/* ---- loading ---- */

static int load_text(app *a, const char *text, int *added, cerr *e)
{
	int r = role_check(a, AREA_CATALOGUE, ACCESS_WRITE, e);
	if (r)
		return r;
	service *rows;
	size_t n;
	if ((r = catalogue_parse(text, &rows, &n, e)))
		return r;
	app_now(a);
	int count = 0;
	if (!(r = db_begin(a->db, e))) {
		for (size_t i = 0; i < n && !r; i++) {
			bool is_new = false;
			r = db_service_put(a->db, &rows[i], false, &is_new, e);
			count += is_new;
		}
		r = db_end(a->db, r, e);
	}
	services_free(rows, n);
	if (!r && added)
		*added = count;
	return r;
}

int catalogue_load_file(app *a, const char *path, int *added, cerr *e)
{
	char *text = data_file_read(path, DATA_FILE_MAX, NULL, e);
	if (!text)
		return e ? e->code : ST_IO;
	int r = load_text(a, text, added, e);
	free(text);
	return r;
}

int catalogue_load_defaults(app *a, cerr *e)
{
	char *text = data_file_text("services.csv");
	/* Run away from its data folder (a build elsewhere): the built-in copy. */
	int r = load_text(a, text ? text : builtin_csv, NULL, e);
	free(text);
	return r;
}

/* ---- edits ---- */

int catalogue_set(app *a, const service *base, const service *s, cerr *e)
{
	int r = role_check(a, AREA_CATALOGUE, ACCESS_WRITE, e);
	if (!r)
		r = catalogue_check(s, e);
	/* A rate given is one of the SAP regime's (vat.rates); one stored before stays. */
	if (!r && (!base || base->vat_rate != s->vat_rate))
		r = settings_vat_listed(a, NULL, s->vat_rate, "vat", e);
	if (r)
		return r;
	app_now(a);
	if ((r = db_begin(a->db, e)))
		return r;
	/* A service already there takes only what this edit changed (another desk may have
	 * changed the rest meanwhile); a new one is stored as it is. */
	service cur = {0}, old = {0};
	r = db_service_get(a->db, s->code, &cur, e);
	if (r == ST_NOT_FOUND) {
		r = db_service_put(a->db, s, true, NULL, e);
	} else if (!r && !(r = db_service_get(a->db, s->code, &old, e)) &&
		   !(r = record_merge(&service_record, &cur, base ? base : &old, s, e))) {
		r = catalogue_check(&cur, e);
		if (!r)
			r = db_service_put(a->db, &cur, true, NULL, e);
	}
	service_free(&cur);
	service_free(&old);
	return db_end(a->db, r, e);
}

int catalogue_line_defaults(app *a, const char *code, char **label, cents *price, int *unit,
                            int *vat_rate, cerr *e)
{
	if (!code)
		return ST_OK;
	service s = {0};
	int r = db_service_get(a->db, code, &s, e);
	if (r == ST_NOT_FOUND)
		r = ST_INVALID;
	if (!r && !s.active)
		r = err_set(e, ST_INVALID, "service", _("the service %s is no longer offered"),
		            s.code);
	if (!r) {
		if (!*label)
			*label = xstrdup(s.label);
		if (*price == NO_CENTS)
			*price = s.price;
		if (unit && *unit < 0)
			*unit = s.unit;
		if (*vat_rate < 0)
			*vat_rate = settings_vat_of_service(a, s.vat_rate);
	}
	service_free(&s);
	return r;
}

int catalogue_get(app *a, const char *code, service *out, cerr *e)
{
	return ROLE_READ(a, AREA_CATALOGUE, e, db_service_get(a->db, code, out, e));
}

int catalogue_list(app *a, bool with_inactive, service **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_CATALOGUE, e, db_services_list(a->db, with_inactive, rows, n, e));
}

/* A service's fields as the history shows them. */
RECORD_DESC(service_record, "services",
	    COLUMN("code", N_("Code"), FIELD_TEXT),
	    EDITED("label", N_("Label"), FIELD_TEXT, service, label),
	    EDITED("vat_rate", N_("VAT rate"), FIELD_RATE, service, vat_rate),
	    ENUM_EDITED("unit", N_("Unit"), &price_units, service, unit),
	    EDITED("price", N_("Price excl. VAT"), FIELD_MONEY, service, price),
	    EDITED("essential", N_("Essential act of daily life"), FIELD_FLAG, service, essential),
	    EDITED("active", N_("Offered"), FIELD_FLAG, service, active));
