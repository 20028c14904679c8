/* catalogue.c — the service catalogue: the defaults of data/services.csv, checks, edits. */
#include "charte/catalogue.h"
#include "charte/settings.h"

#include "core.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/i18n.h"

#define LABEL_MAX 200
#define CODE_MAX  32
#define FILE_MAX  (1 << 20)

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
	char *cells[8];
	size_t ncells;
	size_t line;
	service *rows;
	size_t n, cap;
	cerr *e;
	int status;
};

static void on_field(void *s, size_t len, void *data)
{
	struct parse_state *p = data;
	if (p->ncells < ARRAY_LEN(p->cells))
		p->cells[p->ncells] = xstrndup(s ? s : "", len);
	p->ncells++;
}

/* One record: code;label;vat;unit;price. */
static void on_row(int c, void *data)
{
	struct parse_state *p = data;
	p->line++;
	size_t have = p->ncells < ARRAY_LEN(p->cells) ? p->ncells : ARRAY_LEN(p->cells);
	bool blank = p->ncells == 0 || (p->ncells == 1 && str_blank(p->cells[0]));
	if (!p->status && !blank && !(p->line == 1 && !strcmp(str_trim(p->cells[0]), "code"))) {
		service s = {0};
		const char *why = NULL, *field = "";
		if (p->ncells != 5) {
			why = N_("expected 5 fields: code;label;vat;unit;price");
		} else {
			for (size_t i = 0; i < 5; i++)
				str_trim(p->cells[i]);
			s.code = p->cells[0];
			s.label = p->cells[1];
			s.active = true;
			s.unit = enum_value(&price_units, p->cells[3]);
			if ((why = parse_percent(p->cells[2], &s.vat_rate)))
				field = "vat";
			else if (s.unit < 0)
				why = N_("must be hour or flat"), field = "unit";
			else if ((why = parse_amount(p->cells[4], &s.price)))
				field = "price";
		}
		cerr ce = {0};
		if (why)
			err_set(p->e, ST_INVALID, "catalogue", _("line %zu: %s: %s"), p->line,
			        field, _(why));
		else if (catalogue_check(&s, &ce))
			err_set(p->e, ST_INVALID, "catalogue", _("line %zu: %s: %s"), p->line,
			        ce.field, ce.msg);
		if (why || ce.code) {
			p->status = ST_INVALID;
		} else {
			for (size_t i = 0; i < p->n; i++)
				if (!strcmp(p->rows[i].code, s.code)) {
					p->status =
					    err_set(p->e, ST_INVALID, "catalogue",
					            _("line %zu: the code %s is there twice"),
					            p->line, s.code);
					break;
				}
		}
		if (!p->status) {
			if (p->n == p->cap) {
				p->cap = p->cap ? p->cap * 2 : 16;
				p->rows = xrealloc(p->rows, p->cap * sizeof *p->rows);
			}
			s.code = xstrdup(s.code);
			s.label = xstrdup(s.label);
			s.essential = s.vat_rate == 550;
			p->rows[p->n++] = s;
		}
	}
	for (size_t i = 0; i < have; i++)
		free(p->cells[i]);
	p->ncells = 0;
	(void)c;
}

int catalogue_parse(const char *text, service **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	if (!utf8_valid(text))
		return err_set(e, ST_INVALID, "catalogue", _("not valid UTF-8 text"));
	/* A spreadsheet may have saved it with a byte order mark. */
	if (!strncmp(text, "\xEF\xBB\xBF", 3))
		text += 3;
	struct csv_parser cp;
	if (csv_init(&cp, CSV_APPEND_NULL) != 0)
		return err_set(e, ST_IO, "catalogue", _("out of memory"));
	csv_set_delim(&cp, ';');
	struct parse_state p = {.e = e};
	size_t len = strlen(text);
	if (csv_parse(&cp, text, len, on_field, on_row, &p) != len)
		p.status = err_set(e, ST_INVALID, "catalogue", _("malformed CSV: %s"),
		                   csv_strerror(csv_error(&cp)));
	csv_fini(&cp, on_field, on_row, &p);
	csv_free(&cp);
	if (!p.status && p.n == 0)
		p.status = err_set(e, ST_INVALID, "catalogue", _("no service in the catalogue"));
	if (p.status) {
		services_free(p.rows, p.n);
		return p.status;
	}
	*rows = p.rows;
	*n = p.n;
	return ST_OK;
}

/* ---- loading ---- */

static char *read_file(const char *path, cerr *e)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		err_set(e, errno == ENOENT ? ST_NOT_FOUND : ST_IO, "file", _("cannot read %s: %s"),
		        path, strerror(errno));
		return NULL;
	}
	strbuf b = {0};
	char buf[4096];
	size_t got;
	while ((got = fread(buf, 1, sizeof buf, f)) > 0 && b.len < FILE_MAX)
		sb_addn(&b, buf, got);
	bool bad = ferror(f) || b.len >= FILE_MAX;
	fclose(f);
	if (bad) {
		sb_free(&b);
		err_set(e, ST_IO, "file", _("cannot read %s"), path);
		return NULL;
	}
	if (!b.s)
		return xstrdup("");
	return b.s;
}

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
		if (r)
			db_rollback(a->db);
		else
			r = db_commit(a->db, e);
	}
	services_free(rows, n);
	if (!r && added)
		*added = count;
	return r;
}

int catalogue_load_file(app *a, const char *path, int *added, cerr *e)
{
	char *text = read_file(path, e);
	if (!text)
		return e ? e->code : ST_IO;
	int r = load_text(a, text, added, e);
	free(text);
	return r;
}

int catalogue_load_defaults(app *a, cerr *e)
{
	char *path = xasprintf("%s/services.csv", i18n_datadir());
	cerr fe = {0};
	char *text = read_file(path, &fe);
	free(path);
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
	if (r) {
		db_rollback(a->db);
		return r;
	}
	return db_commit(a->db, e);
}

int catalogue_get(app *a, const char *code, service *out, cerr *e)
{
	return role_check(a, AREA_CATALOGUE, ACCESS_READ, e) ? ST_DENIED
							 : db_service_get(a->db, code, out, e);
}

int catalogue_list(app *a, bool with_inactive, service **rows, size_t *n, cerr *e)
{
	return role_check(a, AREA_CATALOGUE, ACCESS_READ, e) ? ST_DENIED
							 : db_services_list(a->db, with_inactive, rows, n, e);
}

/* A service's fields as the history shows them. */
RECORD_DESC(service_record, "services",
	    {"code", N_("Code"), FIELD_TEXT, NULL, MEM_NONE, 0},
	    {"label", N_("Label"), FIELD_TEXT, NULL, AT(service, label, MEM_TEXT)},
	    {"vat_rate", N_("VAT rate"), FIELD_RATE, NULL, AT(service, vat_rate, MEM_INT)},
	    {"unit", N_("Unit"), FIELD_ENUM, &price_units, AT(service, unit, MEM_INT)},
	    {"price", N_("Price excl. VAT"), FIELD_MONEY, NULL, AT(service, price, MEM_I64)},
	    {"essential", N_("Essential act of daily life"), FIELD_FLAG, NULL, AT(service, essential, MEM_BOOL)},
	    {"active", N_("Offered"), FIELD_FLAG, NULL, AT(service, active, MEM_BOOL)});
