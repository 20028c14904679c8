/* planning.c — continuity of service: first meetings (I5), absences and the visits they leave
 * uncovered, ranked replacement candidates and the replacement (I2), the liaison notebook
 * (I3), and their charter findings and history. */
#include "charte/planning.h"

#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/visit.h"
#include "charte/worker.h"

#define NOTE_MAX 2000
#define MEETING_TEXT_MAX 2000

static int finish(app *a, int r, cerr *e)
{
	if (r) {
		db_rollback(a->db);
		return r;
	}
	return db_commit(a->db, e);
}

static int require_client(app *a, int64_t id, cerr *e)
{
	client_file c;
	client_init(&c);
	int r = id ? db_client_get(a->db, id, &c, e) : ST_NOT_FOUND;
	client_free(&c);
	if (r == ST_NOT_FOUND)
		return id ? err_set(e, ST_INVALID, "client", _("no client %lld"), (long long)id)
			  : err_set(e, ST_INVALID, "client", _("is required"));
	return r;
}

/* ---- first meetings ---- */

static int meeting_check(app *a, meeting *m, cerr *e)
{
	if (m->met_on == NO_DAY)
		return err_set(e, ST_INVALID, "on", _("is required"));
	if (m->signed_on != NO_DAY && m->signed_on < m->met_on)
		return err_set(e, ST_INVALID, "signed", _("is before the meeting"));
	int r;
	if ((r = text_check_line(m->representative, "representative", 64, true, e)) ||
	    (r = text_check(m->request, "request", MEETING_TEXT_MAX, false, e)) ||
	    (r = text_check(m->forbidden_zones, "forbidden-zones", MEETING_TEXT_MAX, false, e)))
		return r;
	if ((r = require_client(a, m->client_id, e)))
		return r;
	if (!m->worker_id)
		return err_set(e, ST_INVALID, "worker", _("is required"));
	if ((r = visit_require_worker(a, m->worker_id, e)))
		return r;
	staff s = {0};
	r = db_staff_by_login(a->db, m->representative, &s, e);
	staff_free(&s);
	if (r == ST_NOT_FOUND)
		return err_set(e, ST_INVALID, "representative", _("%s is not on the staff"),
			       m->representative);
	if (r)
		return r;
	if (m->service && *m->service) {
		service sv = {0};
		r = db_service_get(a->db, m->service, &sv, e);
		service_free(&sv);
		if (r == ST_NOT_FOUND)
			return err_set(e, ST_INVALID, "service", _("no service %s in the catalogue"),
				       m->service);
		if (r)
			return r;
	}
	return ST_OK;
}

static void blank_to_null(char **s)
{
	if (*s && str_blank(*s)) {
		free(*s);
		*s = NULL;
	}
}

int meeting_add(app *a, meeting *m, cerr *e)
{
	int r = role_check(a, AREA_PLANNING, ACCESS_WRITE, e);
	if (r || (r = db_begin(a->db, e)))
		return r;
	blank_to_null(&m->service);
	blank_to_null(&m->request);
	blank_to_null(&m->forbidden_zones);
	r = meeting_check(a, m, e);
	if (!r)
		r = db_meeting_add(a->db, m, e);
	r = finish(a, r, e);
	if (r)
		m->id = 0;
	return r;
}

int meeting_list(app *a, int64_t client_id, int64_t worker_id, meeting **rows, size_t *n,
		 cerr *e)
{
	*rows = NULL;
	*n = 0;
	return ROLE_READ(a, AREA_PLANNING, e,
			 db_meetings_list(a->db, client_id, worker_id, rows, n, e));
}

/* ---- absences ---- */

static bool absence_kind_known(const char *kind)
{
	static const char *const kinds[] = {"leave", "sick", "training", "other"};
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
		if (!strcmp(kind, kinds[i]))
			return true;
	return false;
}

int absence_add(app *a, absence *x, visit **uncovered, size_t *n, cerr *e)
{
	visit *rows = NULL;
	size_t nrows = 0;
	if (uncovered)
		*uncovered = NULL;
	if (n)
		*n = 0;
	int r = role_check(a, AREA_PLANNING, ACCESS_WRITE, e);
	if (r)
		return r;
	if (!x->worker_id)
		return err_set(e, ST_INVALID, "worker", _("is required"));
	if (x->from_day == NO_DAY)
		return err_set(e, ST_INVALID, "from", _("is required"));
	if (x->to_day == NO_DAY)
		return err_set(e, ST_INVALID, "to", _("is required"));
	if (x->to_day < x->from_day)
		return err_set(e, ST_INVALID, "to", _("is before the first day"));
	if (x->to_day - x->from_day > 366)
		return err_set(e, ST_INVALID, "to", _("an absence lasts a year at most"));
	blank_to_null(&x->kind);
	if (x->kind && !absence_kind_known(x->kind))
		return err_set(e, ST_INVALID, "kind", _("must be one of %s"), ABSENCE_KINDS);
	if ((r = text_check(x->note, "note", NOTE_MAX, false, e)))
		return r;
	blank_to_null(&x->note);
	if ((r = db_begin(a->db, e)))
		return r;
	r = visit_require_worker(a, x->worker_id, e);
	if (!r)
		r = db_absence_add(a->db, x, e);
	if (!r)
		r = db_worker_visits_between(a->db, x->worker_id, x->from_day, x->to_day, &rows,
					     &nrows, e);
	r = finish(a, r, e);
	if (r) {
		x->id = 0;
		visits_free(rows, nrows);
		return r;
	}
	if (uncovered) {
		*uncovered = rows;
		*n = nrows;
	} else {
		visits_free(rows, nrows);
	}
	return ST_OK;
}

int absence_list(app *a, int64_t worker_id, absence **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	return ROLE_READ(a, AREA_PLANNING, e,
			 db_absences_list(a->db, worker_id, NO_DAY, rows, n, e));
}

/* ---- candidates and replacement ---- */

int visit_candidates(app *a, int64_t id, candidate **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	if (role_check(a, AREA_PLANNING, ACCESS_READ, e))
		return ST_DENIED;
	visit v;
	visit_init(&v);
	contract k;
	contract_init(&k);
	int r = db_visit_get(a->db, id, &v, e);
	if (!r)
		r = db_contract_get(a->db, v.contract_id, &k, e);
	if (!r) {
		/* The skills the visit requires: its service's and the contract's own. */
		char *skills = worker_skills_union(v.service_code, k.skills);
		r = db_visit_candidates(a->db, &v, skills, visit_week_of(cal_day_of(v.starts)), rows,
					n, e);
		free(skills);
	}
	contract_free(&k);
	visit_free(&v);
	return r;
}

int visit_replace(app *a, int64_t id, int64_t worker_id, bool force, cerr *e)
{
	if (!worker_id)
		return err_set(e, ST_INVALID, "worker", _("is required"));
	visit v;
	visit_init(&v);
	int r = ROLE_READ(a, AREA_PLANNING, e, db_visit_get(a->db, id, &v, e));
	if (!r && v.worker_id == worker_id)
		r = err_set(e, ST_INVALID, "worker", _("%s already has visit %lld"),
			    v.worker_name ? v.worker_name : "", (long long)id);
	visit_free(&v);
	return r ? r : visit_assign(a, id, worker_id, force, e);
}

/* ---- the liaison notebook ---- */

int note_add(app *a, note_entry *n, cerr *e)
{
	int r = role_check(a, AREA_NOTEBOOK, ACCESS_WRITE, e);
	if (r || (r = text_check(n->text, "text", NOTE_MAX, true, e)))
		return r;
	int64_t worker_id = 0;
	if (n->by_worker) {
		char *end = NULL;
		worker_id = n->author ? strtoll(n->author, &end, 10) : 0;
		if (worker_id <= 0 || !end || *end)
			return err_set(e, ST_INVALID, "worker", _("is required"));
	}
	if ((r = db_begin(a->db, e)))
		return r;
	r = require_client(a, n->client_id, e);
	if (!r && worker_id)
		r = visit_require_worker(a, worker_id, e);
	if (!r && n->visit_id) {
		visit v;
		visit_init(&v);
		r = db_visit_get(a->db, n->visit_id, &v, e);
		if (r == ST_NOT_FOUND)
			r = err_set(e, ST_INVALID, "visit", _("no visit %lld"), (long long)n->visit_id);
		else if (!r && v.client_id != n->client_id)
			r = err_set(e, ST_INVALID, "visit", _("visit %lld is not one of this client's"),
				    (long long)n->visit_id);
		visit_free(&v);
	}
	if (!r) {
		n->at = app_now(a);
		if (!n->by_worker) {
			free(n->author);
			n->author = xstrdup(a->login);
		}
		str_trim(n->text);
		r = db_note_add(a->db, n, e);
	}
	r = finish(a, r, e);
	if (r)
		n->id = 0;
	return r;
}

int note_list(app *a, int64_t client_id, note_entry **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	return ROLE_READ(a, AREA_NOTEBOOK, e, db_notes_list(a->db, client_id, rows, n, e));
}

/* ---- findings, history ---- */

/* visit-uncovered: the client, the start, and '' (no worker), "absent:NAME" or
 * "unavailable:NAME". */
static char *describe_uncovered(const app *a, const char *const cols[3])
{
	(void)a;
	if (!strncmp(cols[2], "absent:", 7))
		return xasprintf(_("%s, visit of %s: %s is absent"), cols[0], cols[1], cols[2] + 7);
	if (!strncmp(cols[2], "unavailable:", 12))
		return xasprintf(_("%s, visit of %s: %s is not available then"), cols[0], cols[1],
				 cols[2] + 12);
	return xasprintf(_("%s, visit of %s: no worker"), cols[0], cols[1]);
}

/* This area's charter findings (db/planning.c has their queries): each reads the visits of a
 * window of days by their index, or the recurring contracts. */
const audit_rule planning_rules[] = {
	{"I2", "visit-uncovered", "visit", N_("the service never stops: absent workers replaced"),
	 N_("%s, visit of %s: %s"), {"visits", "absences", "workers", "worker_availability"},
	 AUDIT_BY_DAY},
	{"I3", "liaison-missing", "contract", N_("a liaison notebook with every recurring service"),
	 N_("%s: visits done until %s and no notebook entry in 31 days"),
	 {"contracts", "visits", "notes", "clients"}, AUDIT_BY_DAY},
	{"I5", "first-meeting-missing", "visit",
	 N_("a first meeting of client, worker and agency before the first visit"),
	 N_("%s at %s from %s without a first meeting"), {"visits", "meetings", "workers", "clients"},
	 AUDIT_BY_DAY},
	{NULL, NULL, NULL, NULL, NULL, {NULL}, AUDIT_UNTIMED},
};

const audit_detail planning_details[] = {
	{"visit-uncovered", describe_uncovered},
	{NULL, NULL},
};

/* How meetings and notebook entries read in a client's history: a meeting's a, the worker; b,
 * the representative; c, the request. A note's a, its author; b, its text. */
const history_kind planning_history_kinds[] = {
	{"meeting", "held", N_("First meeting"), N_("first meeting with %s and %s: %s"), "ttt"},
	{"note", "written", N_("Notebook"), N_("%s: %s"), "tt-"},
	{NULL, NULL, NULL, NULL, ""},
};

RECORD_DESC(meeting_record, "meetings",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("client_id", N_("Client no."), FIELD_TEXT),
	    COLUMN("worker_id", N_("Worker no."), FIELD_TEXT),
	    COLUMN("met_on", N_("Met on"), FIELD_DATE),
	    COLUMN("representative", N_("Agency representative"), FIELD_STAFF),
	    COLUMN("service", N_("Service revalidated"), FIELD_TEXT),
	    COLUMN("request", N_("Precise request"), FIELD_TEXT),
	    COLUMN("forbidden_zones", N_("Forbidden zones"), FIELD_TEXT),
	    COLUMN("signed_on", N_("Signed by the worker on"), FIELD_DATE));

RECORD_DESC(absence_record, "absences",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("worker_id", N_("Worker no."), FIELD_TEXT),
	    COLUMN("from_day", N_("From"), FIELD_DATE),
	    COLUMN("to_day", N_("To"), FIELD_DATE),
	    COLUMN("kind", N_("Kind of absence"), FIELD_TEXT));

RECORD_DESC(note_record, "notes",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("client_id", N_("Client no."), FIELD_TEXT),
	    COLUMN("at", N_("Written at"), FIELD_DATETIME),
	    COLUMN("author_kind", N_("Written by a"), FIELD_TEXT),
	    COLUMN("author", N_("Author"), FIELD_TEXT),
	    COLUMN("text", N_("Text"), FIELD_TEXT),
	    COLUMN("visit_id", N_("Visit no."), FIELD_TEXT));
