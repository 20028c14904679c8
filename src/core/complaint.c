/* complaint.c — complaints and anomalies (S5), their state steps, the recurring problems of R7,
 * action plans (S7), the categories of data/, and the findings complaint-overdue and
 * action-plan-missing. */
#include "charte/complaint.h"

#include "core.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/i18n.h"
#include "charte/settings.h"

#define TEXT_MAX  4000
#define TITLE_MAX 200
#define LIST_MAX  (1 << 20)
#define CODE_MAX  32

/* The copy of data/complaint-categories.csv built into the program, for a program run away from
 * its data folder; test_complaint checks that they agree. */
static const char builtin_categories[] = "code;label_en;label_fr\n"
					 "punctuality;Punctuality;Ponctualité\n"
					 "behaviour;Behaviour;Comportement\n"
					 "quality;Quality of work;Qualité du travail\n"
					 "planning;Planning;Planning\n"
					 "billing;Billing;Facturation\n"
					 "communication;Communication;Communication\n"
					 "other;Other;Autre\n";

/* The built-in categories' English labels, for the catalog: a client's history shows a
 * category's English label through it. */
static const char *const category_words[] __attribute__((unused)) = {
	N_("Punctuality"), N_("Behaviour"), N_("Quality of work"), N_("Planning"),
	N_("Billing"),     N_("Communication"), N_("Other"),
};

const char *complaint_builtin_categories(void)
{
	return builtin_categories;
}

/* ---- steps ---- */

static char *day_text(cday d, char buf[static 11])
{
	fmt_date_human(d, buf);
	return buf;
}

int complaint_can(const complaint *c, int step, cday on, cerr *e)
{
	char day[11];
	if (c->status == COMPLAINT_CLOSED)
		return err_set(e, ST_CONFLICT, "complaint", _("complaint %lld was closed on %s"),
			       (long long)c->id, day_text(c->closed_on, day));
	if (on != NO_DAY && on < c->received_on)
		return err_set(e, ST_INVALID, "on", _("is before the complaint was received (%s)"),
			       day_text(c->received_on, day));
	switch (step) {
	case COMPLAINT_ACT:
		return ST_OK;
	case COMPLAINT_ANSWER:
		if (c->answered_on != NO_DAY)
			return err_set(e, ST_CONFLICT, "complaint",
				       _("complaint %lld was already answered on %s"),
				       (long long)c->id, day_text(c->answered_on, day));
		return ST_OK;
	case COMPLAINT_CLOSE:
		if (!c->anomaly && c->answered_on == NO_DAY)
			return err_set(e, ST_CONFLICT, "complaint",
				       _("record the answer given to the client before closing "
					 "complaint %lld"),
				       (long long)c->id);
		if (on != NO_DAY && c->answered_on != NO_DAY && on < c->answered_on)
			return err_set(e, ST_INVALID, "on", _("is before the answer (%s)"),
				       day_text(c->answered_on, day));
		return ST_OK;
	default:
		return err_set(e, ST_INVALID, "step", "%s", _("no such step"));
	}
}

int plan_can(const action_plan *p, int step, cday on, cerr *e)
{
	char day[11];
	if (p->status == PLAN_CLOSED)
		return err_set(e, ST_CONFLICT, "plan", _("action plan %lld was closed on %s"),
			       (long long)p->id, day_text(p->closed_on, day));
	switch (step) {
	case PLAN_ADD_ACTION:
	case PLAN_LINK:
		return ST_OK;
	case PLAN_CLOSE:
		if (p->nactions == 0)
			return err_set(e, ST_CONFLICT, "plan",
				       _("action plan %lld has no action yet"), (long long)p->id);
		if (p->ndone < p->nactions)
			return err_set(e, ST_CONFLICT, "plan",
				       _("%lld of the actions of plan %lld are not done yet"),
				       (long long)(p->nactions - p->ndone), (long long)p->id);
		if (on != NO_DAY && on < p->opened_on)
			return err_set(e, ST_INVALID, "on", _("is before the plan was opened (%s)"),
				       day_text(p->opened_on, day));
		return ST_OK;
	default:
		return err_set(e, ST_INVALID, "step", "%s", _("no such step"));
	}
}

/* ---- checks ---- */

/* A day something happened: not later than today, not before 2000. */
static int check_day(app *a, cday day, const char *field, cerr *e)
{
	if (day == NO_DAY)
		return err_set(e, ST_INVALID, field, _("give a day"));
	if (day > app_today(a))
		return err_set(e, ST_INVALID, field, _("is later than today"));
	if (day < cal_days(2000, 1, 1))
		return err_set(e, ST_INVALID, field, _("is before the year 2000"));
	return ST_OK;
}

static int finish(app *a, int r, cerr *e)
{
	if (r) {
		db_rollback(a->db);
		return r;
	}
	return db_commit(a->db, e);
}

static char *trimmed(const char *s)
{
	return str_trim(xstrdup(s ? s : ""));
}

/* ---- categories ---- */

int complaint_categories(app *a, complaint_category **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_COMPLAINTS, e, db_complaint_categories(a->db, rows, n, e));
}

const char *complaint_category_label(const complaint_category *rows, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (!strcmp(rows[i].code, code))
			return lang_french ? rows[i].label_fr : rows[i].label_en;
	return code ? code : "";
}

struct cat_state {
	char *cells[4];
	size_t ncells, line;
	complaint_category *rows;
	size_t n;
	int status;
	cerr *e;
};

static void on_cell(void *s, size_t len, void *data)
{
	struct cat_state *p = data;
	if (p->ncells < ARRAY_LEN(p->cells))
		p->cells[p->ncells] = xstrndup(s ? s : "", len);
	p->ncells++;
}

/* One line: code;label_en;label_fr. */
static void on_line(int c, void *data)
{
	struct cat_state *p = data;
	size_t have = p->ncells < ARRAY_LEN(p->cells) ? p->ncells : ARRAY_LEN(p->cells);
	p->line++;
	bool blank = p->ncells == 0 || (p->ncells == 1 && str_blank(p->cells[0]));
	if (!p->status && !blank && !(p->line == 1 && !strcmp(str_trim(p->cells[0]), "code"))) {
		bool three = p->ncells == 3;
		const char *code = three ? str_trim(p->cells[0]) : "";
		const char *en = three ? str_trim(p->cells[1]) : "";
		const char *fr = three ? str_trim(p->cells[2]) : "";
		bool ok = *code && strlen(code) <= CODE_MAX && !str_blank(en) && !str_blank(fr) &&
			  utf8_valid(en) && utf8_valid(fr) &&
			  strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(code);
		for (size_t i = 0; ok && i < p->n; i++)
			ok = strcmp(p->rows[i].code, code) != 0;
		if (!ok) {
			p->status = err_set(p->e, ST_INVALID, "file",
					    _("line %zu: expected code;English label;French label, a "
					      "code of lower-case letters, digits and '-' given once"),
					    p->line);
		} else {
			p->rows = xrealloc(p->rows, (p->n + 1) * sizeof *p->rows);
			p->rows[p->n++] =
			    (complaint_category){xstrdup(code), xstrdup(en), xstrdup(fr)};
		}
	}
	for (size_t i = 0; i < have; i++)
		free(p->cells[i]);
	p->ncells = 0;
	(void)c;
}

int complaint_parse_categories(const char *text, complaint_category **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	if (!utf8_valid(text))
		return err_set(e, ST_INVALID, "file", _("not valid UTF-8 text"));
	if (!strncmp(text, "\xEF\xBB\xBF", 3))
		text += 3;
	struct csv_parser cp;
	if (csv_init(&cp, CSV_APPEND_NULL) != 0)
		return err_set(e, ST_IO, "file", _("out of memory"));
	csv_set_delim(&cp, ';');
	struct cat_state p = {.e = e};
	size_t len = strlen(text);
	if (csv_parse(&cp, text, len, on_cell, on_line, &p) != len && !p.status)
		p.status = err_set(e, ST_INVALID, "file", _("malformed CSV: %s"),
				   csv_strerror(csv_error(&cp)));
	csv_fini(&cp, on_cell, on_line, &p);
	csv_free(&cp);
	if (!p.status && p.n == 0)
		p.status = err_set(e, ST_INVALID, "file", _("the list is empty"));
	if (p.status) {
		complaint_categories_free(p.rows, p.n);
		return p.status;
	}
	*rows = p.rows;
	*n = p.n;
	return ST_OK;
}

static char *read_text_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	strbuf b = {0};
	char buf[8192];
	size_t got;
	while ((got = fread(buf, 1, sizeof buf, f)) > 0 && b.len <= LIST_MAX)
		sb_addn(&b, buf, got);
	bool bad = ferror(f) || b.len > LIST_MAX;
	fclose(f);
	if (bad) {
		sb_free(&b);
		return NULL;
	}
	return b.s ? b.s : xstrdup("");
}

int complaint_load_defaults(app *a, cerr *e)
{
	int r = role_check(a, AREA_COMPLAINTS, ACCESS_WRITE, e);
	if (r)
		return r;
	char *path = xasprintf("%s/complaint-categories.csv", i18n_datadir());
	char *text = read_text_file(path);
	free(path);
	complaint_category *rows = NULL;
	size_t n = 0;
	r = complaint_parse_categories(text ? text : builtin_categories, &rows, &n, e);
	free(text);
	if (r)
		return r;
	app_now(a);
	if (!(r = db_begin(a->db, e))) {
		for (size_t i = 0; !r && i < n; i++)
			r = db_complaint_category_put(a->db, &rows[i], (int)i + 1, e);
		r = finish(a, r, e);
	}
	complaint_categories_free(rows, n);
	return r;
}

/* ---- complaints ---- */

static int check_category(app *a, const char *code, cerr *e)
{
	if (str_blank(code))
		return err_set(e, ST_INVALID, "category", _("must not be empty"));
	bool known = false;
	int r = db_complaint_category_known(a->db, code, &known, e);
	if (!r && !known) {
		char *shown = text_printable(code);
		r = err_set(e, ST_INVALID, "category",
			    _("'%s' is not a category (see 'charte complaint categories')"), shown);
		free(shown);
	}
	return r;
}

static int check_complaint(app *a, complaint *c, cerr *e)
{
	int r;
	bool yes = false;
	if (c->client_id <= 0)
		return err_set(e, ST_INVALID, "client", _("give the client's id"));
	if ((r = db_client_exists(a->db, c->client_id, &yes, e)))
		return r;
	if (!yes)
		return err_set(e, ST_INVALID, "client", _("no client %lld"), (long long)c->client_id);
	if (c->worker_id) {
		worker w;
		worker_init(&w);
		r = db_worker_get(a->db, c->worker_id, &w, e);
		worker_free(&w);
		if (r == ST_NOT_FOUND)
			return err_set(e, ST_INVALID, "worker", _("no worker %lld"),
				       (long long)c->worker_id);
		if (r)
			return r;
	}
	if ((r = check_day(a, c->received_on, "on", e)))
		return r;
	if (enum_name(&complaint_channels, c->channel)[0] == '\0')
		return err_set(e, ST_INVALID, "channel",
			       _("must be phone, letter, email, home, survey or followup"));
	if (enum_name(&complaint_severities, c->severity)[0] == '\0')
		return err_set(e, ST_INVALID, "severity", _("must be low, medium or high"));
	if ((r = check_category(a, c->category, e)))
		return r;
	return text_check(c->description, "text", TEXT_MAX, true, e);
}

int complaint_create(app *a, complaint *c, cerr *e)
{
	int r = role_check(a, AREA_COMPLAINTS, ACCESS_WRITE, e);
	if (r)
		return r;
	c->created_at = app_now(a);
	if ((r = db_begin(a->db, e)))
		return r;
	if (!(r = check_complaint(a, c, e))) {
		char *cat = trimmed(c->category), *text = trimmed(c->description);
		free(c->category);
		free(c->description);
		c->category = cat;
		c->description = text;
		free(c->recorded_by);
		c->recorded_by = xstrdup(a->login ? a->login : "");
		c->status = COMPLAINT_OPEN;
		free(c->answer);
		c->answer = NULL;
		c->answered_on = c->closed_on = NO_DAY;
		r = db_complaint_insert(a->db, c, e);
	}
	return finish(a, r, e);
}

int complaint_get(app *a, int64_t id, complaint *out, cerr *e)
{
	return ROLE_READ(a, AREA_COMPLAINTS, e, db_complaint_get(a->db, id, out, e));
}

RECORD_UPDATE(complaint_put, complaint, db_complaint_update);
RECORD_OPS(complaint_ops, complaint, AREA_COMPLAINTS, complaint_init, complaint_free,
	   db_complaint_get, complaint_put);

struct step_arg {
	cday on;
	const char *text;
	int64_t id; /* the action recorded */
};

/* Whether `step` may be taken on c as s says: the step itself, its day, and its text (every
 * step but the closing has one). */
static int step_check(app *a, const complaint *c, int step, const struct step_arg *s, cerr *e)
{
	int r = complaint_can(c, step, s->on, e);
	if (!r)
		r = check_day(a, s->on, "on", e);
	if (!r && step != COMPLAINT_CLOSE)
		r = text_check(s->text, "text", TEXT_MAX, true, e);
	return r;
}

static int do_act(app *a, void *rec, void *arg, cerr *e)
{
	complaint *c = rec;
	struct step_arg *s = arg;
	int r = step_check(a, c, COMPLAINT_ACT, s, e);
	if (r)
		return r;
	char *text = trimmed(s->text);
	complaint_action act = {0, c->id, s->on, text, a->login ? a->login : ""};
	r = db_complaint_action_insert(a->db, &act, e);
	free(text);
	s->id = act.id;
	if (!r && c->status == COMPLAINT_OPEN)
		c->status = COMPLAINT_IN_PROGRESS;
	return r;
}

int complaint_act(app *a, int64_t id, cday on, const char *text, int64_t *action_id, cerr *e)
{
	struct step_arg s = {on, text, 0};
	int r = record_change(a, &complaint_ops, id, do_act, &s, e);
	if (!r && action_id)
		*action_id = s.id;
	return r;
}

static int do_answer(app *a, void *rec, void *arg, cerr *e)
{
	complaint *c = rec;
	struct step_arg *s = arg;
	int r = step_check(a, c, COMPLAINT_ANSWER, s, e);
	if (r)
		return r;
	free(c->answer);
	c->answer = trimmed(s->text);
	c->answered_on = s->on;
	c->status = COMPLAINT_ANSWERED;
	return ST_OK;
}

int complaint_answer(app *a, int64_t id, cday on, const char *text, cerr *e)
{
	struct step_arg s = {on, text, 0};
	return record_change(a, &complaint_ops, id, do_answer, &s, e);
}

static int do_close(app *a, void *rec, void *arg, cerr *e)
{
	complaint *c = rec;
	struct step_arg *s = arg;
	int r = step_check(a, c, COMPLAINT_CLOSE, s, e);
	if (r)
		return r;
	c->closed_on = s->on;
	c->status = COMPLAINT_CLOSED;
	return ST_OK;
}

int complaint_close(app *a, int64_t id, cday on, cerr *e)
{
	struct step_arg s = {on, NULL, 0};
	return record_change(a, &complaint_ops, id, do_close, &s, e);
}

int complaint_actions(app *a, int64_t id, complaint_action **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_COMPLAINTS, e, db_complaint_actions(a->db, id, rows, n, e));
}

int complaint_plans(app *a, int64_t id, action_plan **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_COMPLAINTS, e, db_complaint_plans(a->db, id, rows, n, e));
}

bool complaint_overdue(app *a, const complaint *c)
{
	if (c->status == COMPLAINT_CLOSED || c->received_on == NO_DAY)
		return false;
	return app_today(a) - c->received_on > settings_int(a, "complaint.overdue_days");
}

int complaint_page(app *a, const complaint_filter *f, const complaint *from, bool backward,
		   int limit, complaint **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_COMPLAINTS, e,
			 db_complaints_page(a->db, f, from, backward, limit, rows, n, e));
}

int complaint_each(app *a, const complaint_filter *f, int (*fn)(const complaint *c, void *arg),
		   void *arg, cerr *e)
{
	return ROLE_READ(a, AREA_COMPLAINTS, e, db_complaints_each(a->db, f, fn, arg, e));
}

int complaint_count(app *a, const complaint_filter *f, int64_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_COMPLAINTS, e, db_complaints_count(a->db, f, n, e));
}

/* The first day of R7's window is the day after this one. */
static cday recurring_since(app *a)
{
	return cal_add_months(app_today(a), -(int)settings_int(a, "recurring.window_months"));
}

int complaint_recurring(app *a, recurring_problem **rows, size_t *n, cerr *e)
{
	if (role_check(a, AREA_COMPLAINTS, ACCESS_READ, e))
		return ST_DENIED;
	return db_complaints_recurring(a->db, recurring_since(a), app_today(a),
				       (int)settings_int(a, "recurring.same_category"),
				       (int)settings_int(a, "recurring.same_worker"), rows, n, e);
}

int complaint_parse_ids(const char *typed, const char *field, int64_t **ids, size_t *n,
			cerr *e)
{
	*ids = NULL;
	*n = 0;
	char *copy = xstrdup(typed ? typed : "");
	int r = ST_OK;
	for (char *save = NULL, *tok = strtok_r(copy, ", \t;", &save); tok && !r;
	     tok = strtok_r(NULL, ", \t;", &save)) {
		char *end;
		long long v = strtoll(tok, &end, 10);
		if (*end || v <= 0) {
			char *shown = text_printable(tok);
			r = err_set(e, ST_INVALID, field, _("'%s' is not a complaint's id"), shown);
			free(shown);
			break;
		}
		bool twice = false;
		for (size_t i = 0; i < *n; i++)
			twice = twice || (*ids)[i] == v;
		if (twice)
			continue;
		*ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
		(*ids)[(*n)++] = v;
	}
	free(copy);
	if (!r && *n == 0)
		r = err_set(e, ST_INVALID, field, _("give at least one complaint's id"));
	if (r) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return r;
}

/* ---- action plans ---- */

static int link_all(app *a, int64_t plan_id, const int64_t *ids, size_t n, cerr *e)
{
	int r = ST_OK;
	if (n == 0)
		return err_set(e, ST_INVALID, "complaints", _("give at least one complaint's id"));
	for (size_t i = 0; !r && i < n; i++) {
		complaint c;
		complaint_init(&c);
		r = db_complaint_get(a->db, ids[i], &c, e);
		complaint_free(&c);
		if (r == ST_NOT_FOUND)
			r = err_set(e, ST_INVALID, "complaints", _("no complaint %lld"),
				    (long long)ids[i]);
		if (!r)
			r = db_plan_link(a->db, plan_id, ids[i], e);
	}
	return r;
}

int plan_create(app *a, action_plan *p, const int64_t *ids, size_t n, cerr *e)
{
	int r = role_check(a, AREA_PLANS, ACCESS_WRITE, e);
	if (r)
		return r;
	if ((r = text_check(p->title, "title", TITLE_MAX, true, e)) ||
	    (r = text_check(p->cause, "cause", TEXT_MAX, false, e)))
		return r;
	if (n == 0)
		return err_set(e, ST_INVALID, "complaints", _("give at least one complaint's id"));
	app_now(a);
	if ((r = db_begin(a->db, e)))
		return r;
	char *title = trimmed(p->title), *cause = trimmed(p->cause);
	free(p->title);
	free(p->cause);
	p->title = title;
	p->cause = cause;
	free(p->created_by);
	p->created_by = xstrdup(a->login ? a->login : "");
	p->status = PLAN_OPEN;
	p->opened_on = app_today(a);
	p->closed_on = NO_DAY;
	r = db_plan_insert(a->db, p, e);
	if (!r)
		r = link_all(a, p->id, ids, n, e);
	return finish(a, r, e);
}

RECORD_UPDATE(plan_put, action_plan, db_plan_update);
RECORD_OPS(plan_ops, action_plan, AREA_PLANS, action_plan_init, action_plan_free, db_plan_get,
	   plan_put);

struct link_arg {
	const int64_t *ids;
	size_t n;
};

static int do_link(app *a, void *rec, void *arg, cerr *e)
{
	action_plan *p = rec;
	struct link_arg *l = arg;
	int r = plan_can(p, PLAN_LINK, NO_DAY, e);
	return r ? r : link_all(a, p->id, l->ids, l->n, e);
}

int plan_link(app *a, int64_t id, const int64_t *ids, size_t n, cerr *e)
{
	struct link_arg l = {ids, n};
	return record_change(a, &plan_ops, id, do_link, &l, e);
}

int plan_get(app *a, int64_t id, action_plan *out, cerr *e)
{
	return ROLE_READ(a, AREA_PLANS, e, db_plan_get(a->db, id, out, e));
}

static int do_add_action(app *a, void *rec, void *arg, cerr *e)
{
	action_plan *p = rec;
	plan_action *pa = arg;
	int r = plan_can(p, PLAN_ADD_ACTION, NO_DAY, e);
	if (!r)
		r = text_check(pa->text, "text", TEXT_MAX, true, e);
	if (r)
		return r;
	if (str_blank(pa->owner))
		return err_set(e, ST_INVALID, "owner", _("give the login of a member of staff"));
	staff s = {0};
	char *owner = trimmed(pa->owner);
	r = db_staff_by_login(a->db, owner, &s, e);
	staff_free(&s);
	if (r == ST_NOT_FOUND) {
		char *shown = text_printable(owner);
		r = err_set(e, ST_INVALID, "owner", _("'%s' is not on the staff"), shown);
		free(shown);
	}
	if (!r && pa->due == NO_DAY)
		r = err_set(e, ST_INVALID, "due", _("give a day"));
	if (!r && pa->due < p->opened_on) {
		char day[11];
		r = err_set(e, ST_INVALID, "due", _("is before the plan was opened (%s)"),
			    day_text(p->opened_on, day));
	}
	if (!r) {
		char *text = trimmed(pa->text);
		plan_action row = {0, p->id, text, owner, pa->due, NO_DAY};
		r = db_plan_action_insert(a->db, &row, e);
		pa->id = row.id;
		free(text);
	}
	free(owner);
	return r;
}

int plan_action_add(app *a, plan_action *pa, cerr *e)
{
	return record_change(a, &plan_ops, pa->plan_id, do_add_action, pa, e);
}

struct done_arg {
	int64_t action_id;
	cday on;
};

static int do_action_done(app *a, void *rec, void *arg, cerr *e)
{
	action_plan *p = rec;
	struct done_arg *d = arg;
	plan_action pa = {0};
	int r = plan_can(p, PLAN_ADD_ACTION, NO_DAY, e);
	if (!r)
		r = db_plan_action_get(a->db, d->action_id, &pa, e);
	if (!r && pa.done_on != NO_DAY) {
		char day[11];
		r = err_set(e, ST_CONFLICT, "action", _("action %lld was done on %s"),
			    (long long)pa.id, day_text(pa.done_on, day));
	}
	if (!r)
		r = check_day(a, d->on, "on", e);
	if (!r && d->on < p->opened_on) {
		char day[11];
		r = err_set(e, ST_INVALID, "on", _("is before the plan was opened (%s)"),
			    day_text(p->opened_on, day));
	}
	if (!r) {
		pa.done_on = d->on;
		r = db_plan_action_update(a->db, &pa, e);
	}
	plan_action_free(&pa);
	return r;
}

int plan_action_done(app *a, int64_t action_id, cday on, cerr *e)
{
	int r = role_check(a, AREA_PLANS, ACCESS_WRITE, e);
	if (r)
		return r;
	plan_action pa = {0};
	r = db_plan_action_get(a->db, action_id, &pa, e);
	int64_t plan_id = pa.plan_id;
	plan_action_free(&pa);
	if (r == ST_NOT_FOUND)
		return err_set(e, ST_NOT_FOUND, "action", _("no plan action %lld"),
			       (long long)action_id);
	if (r)
		return r;
	struct done_arg d = {action_id, on};
	return record_change(a, &plan_ops, plan_id, do_action_done, &d, e);
}

static int do_plan_close(app *a, void *rec, void *arg, cerr *e)
{
	action_plan *p = rec;
	cday on = *(cday *)arg;
	int r = plan_can(p, PLAN_CLOSE, on, e);
	if (!r)
		r = check_day(a, on, "on", e);
	if (r)
		return r;
	p->status = PLAN_CLOSED;
	p->closed_on = on;
	return ST_OK;
}

int plan_close(app *a, int64_t id, cday on, cerr *e)
{
	return record_change(a, &plan_ops, id, do_plan_close, &on, e);
}

int plan_actions(app *a, int64_t id, plan_action **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_PLANS, e, db_plan_actions(a->db, id, rows, n, e));
}

int plan_complaints(app *a, int64_t id, complaint **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_PLANS, e, db_plan_complaints(a->db, id, rows, n, e));
}

int plan_page(app *a, const plan_filter *f, const action_plan *from, bool backward, int limit,
	      action_plan **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_PLANS, e,
			 db_plans_page(a->db, f, from, backward, limit, rows, n, e));
}

int plan_each(app *a, const plan_filter *f, int (*fn)(const action_plan *p, void *arg),
	      void *arg, cerr *e)
{
	return ROLE_READ(a, AREA_PLANS, e, db_plans_each(a->db, f, fn, arg, e));
}

int plan_count(app *a, const plan_filter *f, int64_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_PLANS, e, db_plans_count(a->db, f, n, e));
}

/* ---- the charter ---- */

/* The category's label in the reader's language (a const app reads the file through its db). */
static char *category_label_of(const app *a, const char *code)
{
	complaint_category *rows = NULL;
	size_t n = 0;
	db_complaint_categories(a->db, &rows, &n, NULL);
	char *label = xstrdup(complaint_category_label(rows, n, code));
	complaint_categories_free(rows, n);
	return label;
}

/* complaint-overdue: client, day received, category. */
static char *describe_overdue(const app *a, const char *const cols[3])
{
	char *label = category_label_of(a, cols[2]);
	char *s = xasprintf(_("%s: complaint (%s) received on %s, still not closed"), cols[0],
			    label, cols[1]);
	free(label);
	return s;
}

/* action-plan-missing: kind, the category's code or the worker's name, how many. */
static char *describe_plan_missing(const app *a, const char *const cols[3])
{
	long long n = strtoll(cols[2], NULL, 10);
	if (!strcmp(cols[0], "worker"))
		return xasprintf(_("%lld complaints about %s within the window, not all answered "
				   "by an action plan"),
				 n, cols[1]);
	char *label = category_label_of(a, cols[1]);
	char *s = xasprintf(_("%lld complaints of category %s within the window, not all "
			      "answered by an action plan"),
			    n, label);
	free(label);
	return s;
}

const audit_detail complaint_details[] = {
	{"complaint-overdue", describe_overdue},
	{"action-plan-missing", describe_plan_missing},
	{NULL, NULL},
};

/* This area's charter findings (audit.c gathers every area's; db/complaints.c has their
 * queries). */
const audit_rule complaint_rules[] = {
	{"S5", "complaint-overdue", "complaint", N_("every complaint followed"),
	 N_("%s: complaint received on %s, still not closed (%s)"),
	 {"complaints", "complaint_categories", "clients", "settings"}, AUDIT_BY_DAY},
	{"S7", "action-plan-missing", "complaint", N_("an action plan for recurring problems"),
	 N_("%s %s: %s complaints without an action plan"),
	 {"complaints", "plan_complaints", "workers", "settings", "complaint_categories"},
	 AUDIT_BY_DAY},
	{NULL, NULL, NULL, NULL, NULL, {NULL}, AUDIT_UNTIMED},
};

/* How this area's events read in a client's history (client.c gathers every area's). */
const history_kind complaint_history_kinds[] = {
	{"complaint", "received", N_("Complaint"), N_("complaint received (%s): %s"), "wt-"},
	{"complaint", "anomaly", N_("Anomaly"), N_("anomaly noticed (%s): %s"), "wt-"},
	{"complaint", "action", N_("Complaint"), N_("action on the complaint: %s (%s)"), "tt-"},
	{"complaint", "answered", N_("Complaint"), N_("answer given: %s"), "t--"},
	{"complaint", "closed", N_("Complaint"), N_("complaint closed"), "---"},
	{NULL, NULL, NULL, NULL, ""},
};

RECORD_DESC(complaint_category_record, "complaint_categories",
	    COLUMN("code", N_("Code"), FIELD_TEXT),
	    COLUMN("label_en", N_("Label (English)"), FIELD_TEXT),
	    COLUMN("label_fr", N_("Label (French)"), FIELD_TEXT),
	    COLUMN("position", N_("Position"), FIELD_TEXT));

RECORD_DESC(complaint_record, "complaints",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("received_on", N_("Received on"), FIELD_DATE),
	    ENUM_COLUMN("channel", N_("Channel"), &complaint_channels),
	    COLUMN("client_id", N_("Client no."), FIELD_TEXT),
	    COLUMN("worker_id", N_("Worker no."), FIELD_TEXT),
	    COLUMN("category", N_("Category"), FIELD_TEXT),
	    COLUMN("description", N_("Description"), FIELD_TEXT),
	    ENUM_COLUMN("severity", N_("Severity"), &complaint_severities),
	    COLUMN("anomaly", N_("Anomaly"), FIELD_FLAG),
	    ENUM_COLUMN("status", N_("Status"), &complaint_statuses),
	    COLUMN("answer", N_("Answer"), FIELD_TEXT),
	    COLUMN("answered_on", N_("Answered on"), FIELD_DATE),
	    COLUMN("closed_on", N_("Closed on"), FIELD_DATE),
	    COLUMN("recorded_by", N_("Recorded by"), FIELD_STAFF),
	    COLUMN("created_at", N_("Created"), FIELD_DATETIME));

RECORD_DESC(complaint_action_record, "complaint_actions",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("complaint_id", N_("Complaint no."), FIELD_TEXT),
	    COLUMN("done_on", N_("Done on"), FIELD_DATE),
	    COLUMN("text", N_("Action"), FIELD_TEXT),
	    COLUMN("done_by", N_("Done by"), FIELD_STAFF));

RECORD_DESC(action_plan_record, "action_plans",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("title", N_("Title"), FIELD_TEXT),
	    COLUMN("cause", N_("Cause"), FIELD_TEXT),
	    ENUM_COLUMN("status", N_("Status"), &plan_statuses),
	    COLUMN("opened_on", N_("Opened on"), FIELD_DATE),
	    COLUMN("closed_on", N_("Closed on"), FIELD_DATE),
	    COLUMN("created_by", N_("Created by"), FIELD_STAFF));

RECORD_DESC(plan_complaint_record, "plan_complaints",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("plan_id", N_("Plan no."), FIELD_TEXT),
	    COLUMN("complaint_id", N_("Complaint no."), FIELD_TEXT));

RECORD_DESC(plan_action_record, "plan_actions",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("plan_id", N_("Plan no."), FIELD_TEXT),
	    COLUMN("text", N_("Action"), FIELD_TEXT),
	    COLUMN("owner", N_("Owner"), FIELD_STAFF),
	    COLUMN("due", N_("Due"), FIELD_DATE),
	    COLUMN("done_on", N_("Done on"), FIELD_DATE));
