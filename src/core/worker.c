/* worker.c — the worker file: what it must hold, who may see and change what, the selection
 * procedure, the signatures, the documents and their files, what a file lacks (the finding
 * worker-file-incomplete) and the defaults of data/. */
#include "charte/worker.h"

#include "core.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charte/contract.h"
#include "charte/i18n.h"
#include "charte/settings.h"

#define NAME_MAX_LEN 200
#define NUMBER_MAX   32
#define TEXT_MAX     4000
#define DOC_FILE_MAX (32 << 20) /* a scan of a few pages */

/* The copies of data/skills.csv and data/selection-steps.csv built into the program, for a
 * program run away from its data folder; test_worker checks that they agree. */
static const char builtin_skills[] =
    "code;label\n"
    "aide-dependance;Aide aux actes essentiels de la vie quotidienne (personne âgée ou "
    "handicapée dépendante)\n"
    "garde-malade;Garde-malade à domicile (hors soins) d'une personne dépendante\n"
    "accompagnement;Accompagnement d'une personne dépendante dans ses déplacements\n"
    "menage;Ménage et repassage\n"
    "garde-enfants;Garde d'enfants de plus de 3 ans à domicile\n"
    "soutien-scolaire;Soutien scolaire et cours à domicile\n"
    "bricolage;Petits travaux de bricolage\n"
    "repas;Préparation de repas à domicile\n"
    "jardinage;Petits travaux de jardinage\n"
    "informatique;Assistance informatique à domicile\n"
    "surveillance;Surveillance temporaire de la résidence\n"
    "transferts;Aide aux transferts (lit, fauteuil)\n"
    "permis;Permis de conduire B\n"
    "vehicule;Véhicule personnel\n"
    "premiers-secours;Premiers secours (PSC1 ou SST)\n"
    "alzheimer;Accompagnement de personnes atteintes de troubles cognitifs\n";

static const char builtin_steps[] =
    "code;label\n"
    "application;Candidature reçue (lettre et CV)\n"
    "interview;Entretien de recrutement\n"
    "references;Références vérifiées\n"
    "criminal-record;Extrait de casier judiciaire (bulletin n°3) vérifié\n"
    "induction;Accueil et présentation de la charte\n";

const char *worker_builtin_skills(void)
{
	return builtin_skills;
}

const char *worker_builtin_steps(void)
{
	return builtin_steps;
}

/* ---- fields ---- */

/* A matricule or a badge: one word of letters, digits and - / . _ */
static int check_number(const char *s, const char *field, cerr *e)
{
	if (str_blank(s))
		return ST_OK;
	char *t = str_trim(xstrdup(s));
	int r = ST_OK;
	if (strlen(t) > NUMBER_MAX)
		r = err_set(e, ST_INVALID, field, _("too long (at most %d characters)"), NUMBER_MAX);
	for (const char *p = t; !r && *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || strchr("-/._", *p)))
			r = err_set(e, ST_INVALID, field,
				    _("use letters, digits and - / . _ only (no spaces)"));
	free(t);
	return r;
}

/* Not another worker's. */
static int check_unique(app *a, const char *column, const char *value, int64_t self, cerr *e)
{
	if (str_blank(value))
		return ST_OK;
	char *t = str_trim(xstrdup(value));
	int64_t other = 0;
	int r = db_worker_holding(a->db, column, t, self, &other, e);
	if (!r && other) {
		worker w;
		worker_init(&w);
		db_worker_get(a->db, other, &w, NULL);
		r = err_set(e, ST_INVALID, column,
			    !strcmp(column, "badge") ? _("badge %s is already worker %lld's (%s)")
						     : _("matricule %s is already worker %lld's (%s)"),
			    t, (long long)other, w.name ? w.name : "");
		worker_free(&w);
	}
	free(t);
	return r;
}

static int compare_codes(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The codes of `text` (cut in place at ',', ';', spaces and tabs, lowered), each once, in the
 * order given; appended to *codes (*n of them). */
static void codes_split(char *text, char ***codes, size_t *n)
{
	for (char *save = NULL, *tok = strtok_r(text, ", \t;", &save); tok;
	     tok = strtok_r(NULL, ", \t;", &save)) {
		for (char *p = tok; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		bool twice = false;
		for (size_t i = 0; i < *n; i++)
			twice = twice || !strcmp((*codes)[i], tok);
		if (twice)
			continue;
		*codes = xrealloc(*codes, (*n + 1) * sizeof **codes);
		(*codes)[(*n)++] = tok;
	}
}

/* Codes sorted and joined by `sep` ("" for none). */
static char *codes_join(char **codes, size_t n, const char *sep)
{
	if (n > 1)
		qsort(codes, n, sizeof *codes, compare_codes);
	strbuf b = {0};
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_add(&b, sep);
		sb_add(&b, codes[i]);
	}
	return b.s ? b.s : xstrdup("");
}

int worker_skills_parse(app *a, const char *typed, char **out, cerr *e)
{
	*out = NULL;
	char *copy = xstrdup(typed ? typed : "");
	char **codes = NULL;
	size_t n = 0;
	int r = ST_OK;
	codes_split(copy, &codes, &n);
	for (size_t i = 0; i < n && !r; i++) {
		bool known = false;
		if (!utf8_valid(codes[i]) || strlen(codes[i]) > NUMBER_MAX ||
		    (r = db_skill_known(a->db, codes[i], &known, e)))
			known = false;
		if (!r && !known) {
			char *shown = text_printable(codes[i]);
			r = err_set(e, ST_INVALID, "skills",
				    _("'%s' is not a skill (see 'charte worker skills')"), shown);
			free(shown);
		}
	}
	if (!r)
		*out = codes_join(codes, n, ",");
	free(codes);
	free(copy);
	return r;
}

char *worker_skills_union(const char *one, const char *other)
{
	char *text = xasprintf("%s,%s", one ? one : "", other ? other : "");
	char **codes = NULL;
	size_t n = 0;
	codes_split(text, &codes, &n);
	char *out = codes_join(codes, n, ",");
	free(codes);
	free(text);
	return out;
}

char *worker_skills_shown(const char *codes)
{
	return worker_skills_lacking("", codes); /* whoever has none lacks them all */
}

char *worker_skills_lacking(const char *have, const char *required)
{
	char *want = xstrdup(required ? required : "");
	char *with = xasprintf(",%s,", have ? have : "");
	char **codes = NULL;
	size_t n = 0, lacking = 0;
	codes_split(want, &codes, &n);
	for (size_t i = 0; i < n; i++) {
		char *pattern = xasprintf(",%s,", codes[i]);
		if (!strstr(with, pattern))
			codes[lacking++] = codes[i];
		free(pattern);
	}
	char *out = lacking ? codes_join(codes, lacking, ", ") : NULL;
	free(codes);
	free(with);
	free(want);
	return out;
}

/* Every field; self is the worker's id (0: a new one) for the uniqueness of its numbers. */
static int check_fields(app *a, const worker *w, int64_t self, cerr *e)
{
	int r;
	if ((r = text_check_line(w->name, "name", NAME_MAX_LEN, true, e)) ||
	    (r = check_number(w->matricule, "matricule", e)) ||
	    (r = check_number(w->badge, "badge", e)))
		return r;
	if ((r = field_check_phone(w->phone, "phone", e)))
		return r;
	if (enum_name(&worker_statuses, w->status)[0] == '\0')
		return err_set(e, ST_INVALID, "status", _("must be candidate, active or left"));
	if (w->hired_on != NO_DAY && w->hired_on < cal_days(1950, 1, 1))
		return err_set(e, ST_INVALID, "hired", _("is before 1950"));
	if ((r = text_check(w->notes, "notes", TEXT_MAX, false, e)))
		return r;
	char *skills = NULL;
	if ((r = worker_skills_parse(a, w->skills, &skills, e)))
		return r;
	free(skills);
	if ((r = check_unique(a, "matricule", w->matricule, self, e)) ||
	    (r = check_unique(a, "badge", w->badge, self, e)))
		return r;
	return ST_OK;
}

int worker_check(app *a, const worker *w, cerr *e)
{
	return check_fields(a, w, w->id, e);
}

/* Trimmed in place; NULL becomes "" (or stays NULL, and blank becomes NULL, with keep_null). */
/* What check_fields accepted, in stored form. */
static void normalise(app *a, worker *w)
{
	text_tidy(&w->name, false);
	text_tidy(&w->matricule, true);
	text_tidy(&w->badge, true);
	field_tidy_phone(&w->phone);
	text_tidy(&w->notes, false);
	char *skills = NULL;
	if (worker_skills_parse(a, w->skills, &skills, NULL) == ST_OK) {
		free(w->skills);
		w->skills = skills;
	}
}

int worker_create(app *a, worker *w, cerr *e)
{
	int r = role_check(a, AREA_WORKERS, ACCESS_WRITE, e);
	if (r)
		return r;
	w->created_at = app_now(a);
	if ((r = db_begin(a->db, e)))
		return r;
	if (!(r = check_fields(a, w, 0, e))) {
		normalise(a, w);
		r = db_worker_insert(a->db, w, e);
	}
	return db_end(a->db, r, e);
}

RECORD_UPDATE(worker_put, worker, db_worker_update);
RECORD_OPS(worker_ops, worker, AREA_WORKERS, worker_init, worker_free, db_worker_get, worker_put);

static int do_update(app *a, void *rec, void *arg, cerr *e)
{
	worker *cur = rec;
	const record_edit *ed = arg;
	worker *mine = ed->mine;
	int r = check_fields(a, mine, mine->id, e);
	if (r)
		return r;
	/* What the person changed, and only that, over the file as stored now. */
	normalise(a, mine);
	if ((r = record_merge(&worker_record, cur, ed->base ? ed->base : cur, mine, e)))
		return r;
	return check_fields(a, cur, cur->id, e);
}

int worker_update(app *a, const worker *base, worker *w, cerr *e)
{
	record_edit ed = {base, w};
	return record_change(a, &worker_ops, w->id, do_update, &ed, e);
}

int worker_get(app *a, int64_t id, worker *out, cerr *e)
{
	return ROLE_READ(a, AREA_WORKERS, e, db_worker_get(a->db, id, out, e));
}

/* ST_OK when worker id exists, else ST_NOT_FOUND naming "id". */
static int require_worker(app *a, int64_t id, cerr *e)
{
	worker w;
	worker_init(&w);
	int r = db_worker_get(a->db, id, &w, e);
	worker_free(&w);
	return r;
}

/* ---- lists ---- */

/* The last issue date of a criminal record extract due for renewal as of today. */
static cday record_cutoff(app *a)
{
	long years = settings_int(a, "criminal_record.renew_years");
	return cal_add_months(app_today(a), -12 * (int)years);
}

static worker_filter with_cutoff(app *a, const worker_filter *f)
{
	worker_filter g = *f;
	g.record_cutoff = record_cutoff(a);
	return g;
}

int worker_page(app *a, const worker_filter *f, const worker *from, bool backward, int limit,
		worker **rows, size_t *n, cerr *e)
{
	if (role_check(a, AREA_WORKERS, ACCESS_READ, e))
		return ST_DENIED;
	worker_filter g = with_cutoff(a, f);
	return db_workers_page(a->db, &g, from, backward, limit, rows, n, e);
}

int worker_each(app *a, const worker_filter *f, int (*fn)(const worker *w, void *arg), void *arg,
		cerr *e)
{
	if (role_check(a, AREA_WORKERS, ACCESS_READ, e))
		return ST_DENIED;
	worker_filter g = with_cutoff(a, f);
	return db_workers_each(a->db, &g, fn, arg, e);
}

int worker_count(app *a, const worker_filter *f, int64_t *n, cerr *e)
{
	if (role_check(a, AREA_WORKERS, ACCESS_READ, e))
		return ST_DENIED;
	worker_filter g = with_cutoff(a, f);
	return db_workers_count(a->db, &g, n, e);
}

/* ---- skills ---- */

int worker_skills(app *a, skill **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_WORKERS, e, db_skills(a->db, rows, n, e));
}

char *worker_skills_words(app *a, const char *codes, bool with_codes)
{
	skill *all = NULL;
	size_t n = 0;
	cerr ignored;
	if (worker_skills(a, &all, &n, &ignored))
		n = 0; /* the codes alone */
	strbuf b = {0};
	char *copy = xstrdup(codes ? codes : "");
	for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		const char *label = worker_skill_label(all, n, tok);
		sb_add(&b, b.len ? "; " : "");
		if (!*label)
			sb_add(&b, tok);
		else if (with_codes)
			sb_addf(&b, "%s (%s)", label, tok);
		else
			sb_add(&b, label);
	}
	free(copy);
	skills_free(all, n);
	return b.s ? b.s : xstrdup("");
}

const char *worker_skill_label(const skill *rows, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (!strcmp(rows[i].code, code))
			return rows[i].label;
	return "";
}

/* ---- availability ---- */

int worker_availability_add(app *a, worker_availability *av, cerr *e)
{
	int r = role_check(a, AREA_WORKERS, ACCESS_WRITE, e);
	if (r)
		return r;
	if (av->weekday < 1 || av->weekday > 7)
		return err_set(e, ST_INVALID, "day", _("must be mon, tue, wed, thu, fri, sat or sun"));
	if (av->starts < 0 || av->starts >= 24 * 60)
		return err_set(e, ST_INVALID, "from", _("must be a time of day, HH:MM"));
	if (av->ends <= av->starts || av->ends > 24 * 60)
		return err_set(e, ST_INVALID, "to", _("must be after the start, the same day"));
	app_now(a);
	if ((r = db_begin(a->db, e)))
		return r;
	worker_availability *rows = NULL;
	size_t n = 0;
	if (!(r = require_worker(a, av->worker_id, e)))
		r = db_worker_availability(a->db, av->worker_id, &rows, &n, e);
	for (size_t i = 0; !r && i < n; i++)
		if (rows[i].weekday == av->weekday && rows[i].starts < av->ends &&
		    av->starts < rows[i].ends) {
			char from[6], to[6];
			fmt_clock(rows[i].starts, from);
			fmt_clock(rows[i].ends, to);
			r = err_set(e, ST_INVALID, "from",
				    _("overlaps the availability of %s %s-%s: remove it first"),
				    contract_weekday_label(rows[i].weekday), from, to);
		}
	free(rows);
	if (!r)
		r = db_worker_availability_add(a->db, av, e);
	return db_end(a->db, r, e);
}

int worker_availability_remove(app *a, int64_t availability_id, cerr *e)
{
	int r = role_check(a, AREA_WORKERS, ACCESS_WRITE, e);
	if (r)
		return r;
	app_now(a);
	if ((r = db_begin(a->db, e)))
		return r;
	int64_t worker_id;
	r = db_worker_availability_remove(a->db, availability_id, &worker_id, e);
	return db_end(a->db, r, e);
}

int worker_availability_list(app *a, int64_t worker_id, worker_availability **rows, size_t *n,
			cerr *e)
{
	return role_check(a, AREA_WORKERS, ACCESS_READ, e)
		       ? ST_DENIED
		       : db_worker_availability(a->db, worker_id, rows, n, e);
}

/* ---- the selection procedure and the signatures ---- */

static bool is_record_step(const char *code)
{
	return code && !strcmp(code, WORKER_STEP_CRIMINAL_RECORD);
}

/* The *n rows at `rows` (an array of records) without those that are criminal record data
 * (of_record(&row) says which), when the person may not read that; each freed by release(&row). */
#define DROP_RECORD_ROWS(a, rows, n, of_record, release)                                      \
	do {                                                                                  \
		if (app_may(a, AREA_CRIMINAL_RECORD, ACCESS_READ))                            \
			break;                                                                \
		size_t kept_ = 0;                                                             \
		for (size_t i_ = 0; i_ < *(n); i_++) {                                        \
			if (of_record(&(rows)[i_]))                                           \
				release(&(rows)[i_]);                                         \
			else                                                                  \
				(rows)[kept_++] = (rows)[i_];                                 \
		}                                                                             \
		*(n) = kept_;                                                                 \
	} while (0)

static bool step_of_record(const selection_step *s)
{
	return is_record_step(s->code);
}

int worker_procedure(app *a, int64_t worker_id, selection_step **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	int r = ROLE_READ(a, AREA_WORKERS, e, db_selection_steps(a->db, worker_id, rows, n, e));
	if (!r)
		DROP_RECORD_ROWS(a, *rows, n, step_of_record, selection_step_free);
	return r;
}

/* A day the person typed for something done: not after today. */
static int check_done_day(app *a, cday on, const char *field, cerr *e)
{
	if (on == NO_DAY)
		return err_set(e, ST_INVALID, field, _("must be a date"));
	if (on > app_today(a))
		return err_set(e, ST_INVALID, field, _("is later than today"));
	if (on < cal_days(1950, 1, 1))
		return err_set(e, ST_INVALID, field, _("is before 1950"));
	return ST_OK;
}

int worker_step_done(app *a, int64_t worker_id, const char *code, cday on, cerr *e)
{
	int r = role_check(a, AREA_WORKERS, ACCESS_WRITE, e);
	if (!r && is_record_step(code))
		r = role_check(a, AREA_CRIMINAL_RECORD, ACCESS_WRITE, e);
	if (!r)
		r = check_done_day(a, on, "on", e);
	if (r)
		return r;
	app_now(a);
	if ((r = db_begin(a->db, e)))
		return r;
	char *label = NULL;
	bool active = false;
	char *step = str_trim(xstrdup(code ? code : ""));
	if (!(r = require_worker(a, worker_id, e)) &&
	    !(r = db_selection_step_label(a->db, step, &label, &active, e))) {
		if (!label || !active) {
			char *shown = text_printable(step);
			r = err_set(e, ST_INVALID, "step",
				    _("'%s' is not a step of the selection procedure (see 'charte "
				      "worker show')"),
				    shown);
			free(shown);
		} else {
			r = db_worker_step_set(a->db, worker_id, step, on, a->login, e);
		}
	}
	free(label);
	free(step);
	return db_end(a->db, r, e);
}

struct signature {
	int which; /* enum worker_signature */
	cday on;
};

static int do_sign(app *a, void *rec, void *arg, cerr *e)
{
	worker *w = rec;
	const struct signature *x = arg;
	if (x->which == WORKER_SIGN_ETHICS)
		w->ethics_signed_on = x->on;
	else
		w->commitments_signed_on = x->on;
	return ST_OK;
}

int worker_sign(app *a, int64_t worker_id, int which, cday on, cerr *e)
{
	int r = role_check(a, AREA_WORKERS, ACCESS_WRITE, e);
	if (!r)
		r = check_done_day(a, on, "on", e);
	if (r)
		return r;
	struct signature x = {which, on};
	return record_change(a, &worker_ops, worker_id, do_sign, &x, e);
}

/* ---- files of data/ ---- */

char *worker_commitments_text(void)
{
	char *text = data_file_text("commitments.txt");
	return text ? text : xstrdup(_("(the list of commitments, data/commitments.txt, is missing)"));
}

struct list_state {
	skill *rows;
	size_t n;
};

/* One line: code;label. */
static int on_line(char **cells, size_t ncells, size_t line, void *arg, cerr *e)
{
	struct list_state *p = arg;
	const char *code = ncells == 2 ? cells[0] : "";
	const char *label = ncells == 2 ? cells[1] : "";
	bool ok = *code && strlen(code) <= NUMBER_MAX && !str_blank(label) && utf8_valid(label) &&
		  strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(code);
	for (size_t i = 0; ok && i < p->n; i++)
		ok = strcmp(p->rows[i].code, code) != 0;
	if (!ok)
		return err_set(e, ST_INVALID, "file",
			       _("line %zu: expected code;label, a code of lower-case letters, "
				 "digits and '-' given once"),
			       line);
	p->rows = xrealloc(p->rows, (p->n + 1) * sizeof *p->rows);
	p->rows[p->n++] = (skill){xstrdup(code), xstrdup(label)};
	return ST_OK;
}

int worker_parse_list(const char *text, skill **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	struct list_state p = {0};
	int r = data_table_parse(text, "file", on_line, &p, e);
	if (!r && p.n == 0)
		r = err_set(e, ST_INVALID, "file", _("the list is empty"));
	if (r) {
		skills_free(p.rows, p.n);
		return r;
	}
	*rows = p.rows;
	*n = p.n;
	return ST_OK;
}

/* data/NAME, else the built-in copy, parsed. */
static int load_list(const char *name, const char *builtin, skill **rows, size_t *n, cerr *e)
{
	char *text = data_file_text(name);
	int r = worker_parse_list(text ? text : builtin, rows, n, e);
	free(text);
	return r;
}

int worker_load_defaults(app *a, cerr *e)
{
	int r = role_check(a, AREA_WORKERS, ACCESS_WRITE, e);
	if (r)
		return r;
	skill *skills = NULL, *steps = NULL;
	size_t nskills = 0, nsteps = 0;
	if ((r = load_list("skills.csv", builtin_skills, &skills, &nskills, e)) ||
	    (r = load_list("selection-steps.csv", builtin_steps, &steps, &nsteps, e))) {
		skills_free(skills, nskills);
		return r;
	}
	app_now(a);
	if (!(r = db_begin(a->db, e))) {
		for (size_t i = 0; !r && i < nskills; i++) {
			bool added;
			r = db_skill_put(a->db, &skills[i], &added, e);
		}
		/* The agency's procedure is the file's while no worker went through it. */
		int64_t done = 0;
		if (!r)
			r = db_worker_steps_count(a->db, &done, e);
		const char **codes = xcalloc(nsteps ? nsteps : 1, sizeof *codes);
		for (size_t i = 0; !r && !done && i < nsteps; i++) {
			selection_step s = {steps[i].code, steps[i].label, (int)i + 1, NO_DAY, NULL};
			codes[i] = steps[i].code;
			r = db_selection_step_put(a->db, &s, e);
		}
		if (!r && !done)
			r = db_selection_steps_retire_others(a->db, codes, nsteps, e);
		free(codes);
		r = db_end(a->db, r, e);
	}
	skills_free(skills, nskills);
	skills_free(steps, nsteps);
	return r;
}

/* ---- documents ---- */

static int may_see_doc(app *a, int kind, int access, cerr *e)
{
	int r = role_check(a, AREA_WORKER_DOCS, access, e);
	if (!r && kind == DOC_CRIMINAL_RECORD)
		r = role_check(a, AREA_CRIMINAL_RECORD, access, e);
	return r;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

int worker_doc_add(app *a, worker_doc *d, const char *path, cerr *e)
{
	int r = may_see_doc(a, d->kind, ACCESS_WRITE, e);
	if (r)
		return r;
	if (enum_name(&worker_doc_kinds, d->kind)[0] == '\0')
		return err_set(e, ST_INVALID, "kind", _("must be cv, id, criminal-record or other"));
	if ((r = check_done_day(a, d->dated, "on", e)))
		return r;
	if (d->kind == DOC_CRIMINAL_RECORD) {
		if (d->issued_on == NO_DAY)
			d->issued_on = d->dated;
		if (d->issued_on > d->dated)
			return err_set(e, ST_INVALID, "issued",
				       _("is later than the day the extract was received"));
		if ((r = check_done_day(a, d->issued_on, "issued", e)))
			return r;
	} else if (d->issued_on != NO_DAY) {
		return err_set(e, ST_INVALID, "issued",
			       _("only a criminal record extract has an issue date"));
	}
	if ((r = text_check(d->note, "note", TEXT_MAX, false, e)))
		return r;
	char *file = NULL;
	size_t size = 0;
	if (path) {
		file = data_file_read(path, DOC_FILE_MAX, &size, e);
		if (!file)
			return e ? (e->code ? e->code : ST_IO) : ST_IO;
		if (size == 0) {
			free(file);
			return err_set(e, ST_INVALID, "file", _("%s is empty"), path);
		}
		free(d->file_name);
		d->file_name = xstrdup(base_name(path));
		if (!utf8_valid(d->file_name) || text_has_control(d->file_name)) {
			free(d->file_name);
			d->file_name = xstrdup("document");
		}
		d->file_size = (int64_t)size;
	}
	free(d->added_by);
	d->added_by = xstrdup(a->login);
	text_tidy(&d->note, false);
	app_now(a);
	if (!(r = db_begin(a->db, e))) {
		if (!(r = require_worker(a, d->worker_id, e)))
			r = db_worker_doc_insert(a->db, d, file, size, e);
		r = db_end(a->db, r, e);
	}
	free(file);
	return r;
}

static bool doc_of_record(const worker_doc *d)
{
	return d->kind == DOC_CRIMINAL_RECORD;
}

int worker_docs(app *a, int64_t worker_id, worker_doc **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	int r = ROLE_READ(a, AREA_WORKER_DOCS, e, db_worker_docs(a->db, worker_id, rows, n, e));
	if (!r)
		DROP_RECORD_ROWS(a, *rows, n, doc_of_record, worker_doc_free);
	return r;
}

int worker_doc_export(app *a, int64_t doc_id, const char *path, cerr *e)
{
	if (role_check(a, AREA_WORKER_DOCS, ACCESS_READ, e))
		return ST_DENIED;
	worker_doc d;
	worker_doc_init(&d);
	int r = db_worker_doc_get(a->db, doc_id, &d, e);
	if (!r)
		r = may_see_doc(a, d.kind, ACCESS_READ, e);
	void *file = NULL;
	size_t size = 0;
	if (!r)
		r = db_worker_doc_file(a->db, doc_id, &file, &size, e);
	worker_doc_free(&d);
	if (r)
		return r;
	/* Whole or not at all: a temporary name beside it, then renamed. */
	char *tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "wb");
	bool ok = f && fwrite(file, 1, size, f) == size;
	ok = f && fclose(f) == 0 && ok;
	if (ok && rename(tmp, path) != 0)
		ok = false;
	if (!ok) {
		r = err_set(e, ST_IO, "out", _("cannot write %s: %s"), path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	free(file);
	return r;
}

/* ---- what a file lacks ---- */

/* The words for what the query of worker-file-incomplete gives: procedure step codes (a, ", "
 * separated), signatures (b) and documents (c), space-separated stored words. */
static char *describe_gaps(const app *a, int64_t worker_id, const char *steps,
			   const char *signatures, const char *documents)
{
	strbuf b = {0};
	bool see_record = app_may(a, AREA_CRIMINAL_RECORD, ACCESS_READ);
	bool see_docs = app_may(a, AREA_WORKER_DOCS, ACCESS_READ);
	/* The steps, each by its code, the criminal record's left out for who may not see it. */
	strbuf st = {0};
	char *copy = xstrdup(steps ? steps : "");
	for (char *save = NULL, *tok = strtok_r(copy, ", ", &save); tok;
	     tok = strtok_r(NULL, ", ", &save))
		if (see_record || !is_record_step(tok)) {
			sb_add(&st, st.len ? ", " : "");
			sb_add(&st, tok);
		}
	free(copy);
	if (st.len)
		sb_addf(&b, _("procedure steps not done: %s"), sb_str(&st));
	sb_free(&st);
	if (signatures && strstr(signatures, "ethics")) {
		sb_add(&b, b.len ? "; " : "");
		sb_add(&b, _("ethics and confidentiality commitment not signed"));
	}
	if (signatures && strstr(signatures, "commitments")) {
		sb_add(&b, b.len ? "; " : "");
		sb_add(&b, _("list of commitments not signed"));
	}
	if (see_docs && documents) {
		static const struct {
			const char *word, *say;
		} docs[] = {
		    {"cv", N_("no CV")},
		    {"id", N_("no ID copy")},
		    {"criminal-record-renewal", N_("criminal record extract to renew")},
		    {"criminal-record", N_("no criminal record extract")},
		};
		char *words = xstrdup(documents);
		for (char *save = NULL, *tok = strtok_r(words, " ", &save); tok;
		     tok = strtok_r(NULL, " ", &save))
			for (size_t i = 0; i < ARRAY_LEN(docs); i++)
				if (!strcmp(tok, docs[i].word) &&
				    (see_record || strncmp(tok, "criminal-record", 15))) {
					sb_add(&b, b.len ? "; " : "");
					sb_add(&b, _(docs[i].say));
				}
		free(words);
	}
	(void)worker_id;
	return b.s ? b.s : xstrdup("");
}

int worker_missing(app *a, int64_t worker_id, char **text, cerr *e)
{
	*text = NULL;
	if (role_check(a, AREA_WORKERS, ACCESS_READ, e))
		return ST_DENIED;
	char *steps, *signatures, *documents;
	int r = db_worker_gaps(a->db, worker_id, record_cutoff(a), &steps, &signatures,
			       &documents, e);
	if (r)
		return r;
	*text = describe_gaps(a, worker_id, steps, signatures, documents);
	free(steps);
	free(signatures);
	free(documents);
	return ST_OK;
}

static char *describe_incomplete(const app *a, const char *const cols[3])
{
	char *gaps = describe_gaps(a, 0, cols[0], cols[1], cols[2]);
	char *out = *gaps ? xasprintf(_("file incomplete: %s"), gaps)
			  : xstrdup(_("file incomplete: details for a coordinator or a manager"));
	free(gaps);
	return out;
}

/* This area's charter findings (audit.c gathers every area's; db/workers.c has their
 * queries). */
const audit_rule worker_rules[] = {
	{"I4", "worker-file-incomplete", "worker",
	 N_("a written selection procedure, ethics, documents and commitments (I4, I6, I7)"),
	 N_("file incomplete: %s %s %s"),
	 {"workers", "worker_steps", "worker_documents", "selection_steps", "settings"},
	 AUDIT_BY_DAY},
	{"I5", "badge-missing", "worker", N_("a recognition badge for every worker"),
	 N_("%s%s: active worker without a badge%s"), {"workers"}, AUDIT_UNTIMED},
	{NULL, NULL, NULL, NULL, NULL, {NULL}, AUDIT_UNTIMED},
};

/* The words of the findings a format cannot say. */
const audit_detail worker_details[] = {
	{"worker-file-incomplete", describe_incomplete},
	{NULL, NULL},
};

/* ---- how the history shows them ---- */

RECORD_DESC(worker_record, "workers",
	    COLUMN("id", "", FIELD_HIDDEN),
	    EDITED("name", N_("Name"), FIELD_TEXT, worker, name),
	    COLUMN("name_key", "", FIELD_HIDDEN),
	    EDITED("matricule", N_("Matricule"), FIELD_TEXT, worker, matricule),
	    EDITED("badge", N_("Badge"), FIELD_TEXT, worker, badge),
	    EDITED("phone", N_("Phone"), FIELD_PHONE, worker, phone),
	    EDITED("skills", N_("Skills"), FIELD_TEXT, worker, skills),
	    EDITED("hired_on", N_("Hired on"), FIELD_DATE, worker, hired_on),
	    ENUM_EDITED("status", N_("Status"), &worker_statuses, worker, status),
	    EDITED("notes", N_("Notes"), FIELD_TEXT, worker, notes),
	    COLUMN("ethics_signed_on", N_("Ethics commitment signed"), FIELD_DATE),
	    COLUMN("commitments_signed_on", N_("Commitments signed"), FIELD_DATE),
	    COLUMN("created_at", N_("Created"), FIELD_DATETIME));

RECORD_DESC(worker_availability_record, "worker_availability",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("worker_id", N_("Worker no."), FIELD_TEXT),
	    COLUMN("weekday", N_("Day"), FIELD_WEEKDAY),
	    COLUMN("starts", N_("From"), FIELD_TEXT),
	    COLUMN("ends", N_("To"), FIELD_TEXT));

RECORD_DESC(worker_step_record, "worker_steps",
	    COLUMN("worker_id", N_("Worker no."), FIELD_TEXT),
	    COLUMN("step", N_("Step"), FIELD_TEXT),
	    COLUMN("done_on", N_("Done on"), FIELD_DATE),
	    COLUMN("done_by", N_("Done by"), FIELD_STAFF));

RECORD_DESC_READ(worker_doc_record, "worker_documents", AREA_WORKER_DOCS,
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("worker_id", N_("Worker no."), FIELD_TEXT),
	    ENUM_COLUMN("kind", N_("Document"), &worker_doc_kinds),
	    COLUMN("dated", N_("Received on"), FIELD_DATE),
	    COLUMN("issued_on", N_("Issued on"), FIELD_DATE),
	    COLUMN("note", N_("Note"), FIELD_TEXT),
	    COLUMN("file_name", N_("File"), FIELD_TEXT),
	    COLUMN("file_size", N_("Size (bytes)"), FIELD_TEXT),
	    COLUMN("added_by", N_("Added by"), FIELD_STAFF));
