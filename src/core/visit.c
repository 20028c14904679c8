/* visit.c — visits: generation from the weekly slots, planning by hand with its checks, the
 * steps of a visit's life, R5 and R4 cancellations, punctuality (I1), and the visits' charter
 * findings (O5, O7) and history. */
#include "charte/visit.h"

#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/contract.h"
#include "charte/settings.h"
#include "charte/worker.h"

#define VISIT_MAX_MINUTES (24 * 60)
#define REASON_MAX 500
#define GENERATE_MAX_DAYS (5 * 366)

/* ---- pure rules ---- */

bool visit_is_late(const visit *v, int tolerance)
{
	return v->arrived_at != NO_MINUTE && v->starts != NO_MINUTE &&
	       v->arrived_at > v->starts + tolerance;
}

const char *visit_reason_label(const char *stored)
{
	/* The words of VISIT_REASON_ENDED, _WITHDRAWN and _HOLIDAY, written out for the catalog. */
	static const char *const words[] = {N_("contract ended"), N_("contract withdrawn"),
					    N_("public holiday")};
	for (size_t i = 0; stored && i < ARRAY_LEN(words); i++)
		if (!strcmp(stored, words[i]))
			return _(words[i]);
	return stored ? stored : "";
}

static const struct {
	unsigned bit;
	const char *code;
} check_codes[] = {
	{VISIT_CHECK_BUSY, "busy"},       {VISIT_CHECK_AVAILABILITY, "unavailable"},
	{VISIT_CHECK_ABSENT, "absent"},   {VISIT_CHECK_SKILL, "skill"},
	{VISIT_CHECK_MET, "not-met"},     {VISIT_CHECK_UNSIGNED, "unsigned"},
	{VISIT_CHECK_WITHDRAWAL, "withdrawal"},
};

char *visit_checks_codes(unsigned mask)
{
	strbuf b = {0};
	for (size_t i = 0; i < ARRAY_LEN(check_codes); i++)
		if (mask & check_codes[i].bit) {
			sb_add(&b, b.len ? "," : "");
			sb_add(&b, check_codes[i].code);
		}
	return b.s ? b.s : xstrdup("");
}

cday visit_week_of(cday day)
{
	return day - (cal_weekday(day) - 1);
}

/* ---- reads ---- */

int visit_get(app *a, int64_t id, visit *out, cerr *e)
{
	return role_check(a, AREA_PLANNING, ACCESS_READ, e) ? ST_DENIED
							    : db_visit_get(a->db, id, out, e);
}

int visit_page(app *a, const visit_filter *f, const visit *from, bool backward, int limit,
	       visit **rows, size_t *n, cerr *e)
{
	return role_check(a, AREA_PLANNING, ACCESS_READ, e)
		       ? ST_DENIED
		       : db_visits_page(a->db, f, from, backward, limit, rows, n, e);
}

int visit_each(app *a, const visit_filter *f, int (*fn)(const visit *v, void *arg), void *arg,
	       cerr *e)
{
	return role_check(a, AREA_PLANNING, ACCESS_READ, e) ? ST_DENIED
							    : db_visits_each(a->db, f, fn, arg, e);
}

int visit_count(app *a, const visit_filter *f, int64_t *n, cerr *e)
{
	return role_check(a, AREA_PLANNING, ACCESS_READ, e) ? ST_DENIED
							    : db_visits_count(a->db, f, n, e);
}

int visit_tolerance(app *a)
{
	return (int)settings_int(a, "punctuality.tolerance_minutes");
}

/* ---- the planning checks ---- */

int visit_require_worker(app *a, int64_t worker_id, cerr *e)
{
	worker w;
	worker_init(&w);
	int r = db_worker_get(a->db, worker_id, &w, e);
	if (r == ST_NOT_FOUND)
		r = err_set(e, ST_INVALID, "worker", _("no worker %lld"), (long long)worker_id);
	else if (!r && w.status == WORKER_LEFT)
		r = err_set(e, ST_INVALID, "worker", _("%s has left the agency"), w.name);
	worker_free(&w);
	return r;
}

static void say(strbuf *b, unsigned *failed, unsigned bit, char *reason)
{
	*failed |= bit;
	sb_add(b, b->len ? "; " : "");
	sb_add(b, reason);
	free(reason);
}

static char *clock_text(cminute t)
{
	char buf[17];
	fmt_datetime_human(t, buf);
	return xstrdup(buf);
}

/* The checks of the worker; w is read. skills: the codes the visit requires, comma-separated. */
static int check_worker(app *a, const visit *v, const char *skills, strbuf *b, unsigned *failed,
			cerr *e)
{
	worker w;
	worker_init(&w);
	int r = db_worker_get(a->db, v->worker_id, &w, e);
	if (r) {
		worker_free(&w);
		return r == ST_NOT_FOUND ? err_set(e, ST_INVALID, "worker", _("no worker %lld"),
						   (long long)v->worker_id)
					 : r;
	}
	int64_t other = 0;
	if (!(r = db_worker_busy(a->db, w.id, v->starts, v->ends, v->id, &other, e)) && other) {
		visit o;
		visit_init(&o);
		db_visit_get(a->db, other, &o, NULL);
		char *at = clock_text(o.starts);
		say(b, failed, VISIT_CHECK_BUSY,
		    xasprintf(_("%s is already busy then (visit %lld at %s, %s)"), w.name,
			      (long long)other, at, o.client_name ? o.client_name : ""));
		free(at);
		visit_free(&o);
	}
	bool yes = false, recorded = false;
	if (!r && !(r = db_worker_available(a->db, w.id, v->starts, v->ends, &yes, &recorded, e)) &&
	    !yes)
		say(b, failed, VISIT_CHECK_AVAILABILITY,
		    recorded ? xasprintf(_("%s is not available then (see 'charte worker show %lld')"),
					 w.name, (long long)w.id)
			     : xasprintf(_("%s has no availability recorded"), w.name));
	char *kind = NULL;
	if (!r && !(r = db_worker_absent(a->db, w.id, cal_day_of(v->starts),
					 cal_day_of(v->ends - 1), &kind, e)) &&
	    kind)
		say(b, failed, VISIT_CHECK_ABSENT, xasprintf(_("%s is absent then (%s)"), w.name, kind));
	free(kind);
	char *lacking = r ? NULL : worker_skills_lacking(w.skills, skills);
	if (lacking)
		say(b, failed, VISIT_CHECK_SKILL,
		    strchr(lacking, ',')
			? xasprintf(_("%s lacks the skills %s that the contract requires"), w.name,
				    lacking)
			: xasprintf(_("%s lacks the skill %s that the contract requires"), w.name,
				    lacking));
	free(lacking);
	bool met = false;
	if (!r && !(r = db_worker_met_client(a->db, w.id, v->client_id, cal_day_of(v->starts), &met,
					     e)) &&
	    !met)
		say(b, failed, VISIT_CHECK_MET,
		    xasprintf(_("%s has not met the client yet (first meeting, I5)"), w.name));
	worker_free(&w);
	return r;
}

/* The checks of the contract: signed (a recurring one), and R4. */
static void check_contract(const contract *k, const visit *v, strbuf *b, unsigned *failed)
{
	if (k->kind == CONTRACT_RECURRING && k->signed_on == NO_DAY)
		say(b, failed, VISIT_CHECK_UNSIGNED,
		    xasprintf(_("contract %s is not signed (O4)"), k->number));
	if (k->withdrawal_end != NO_DAY && !k->express_start && !k->at_agency &&
	    cal_day_of(v->starts) <= k->withdrawal_end) {
		char day[11];
		fmt_date_human(k->withdrawal_end, day);
		say(b, failed, VISIT_CHECK_WITHDRAWAL,
		    xasprintf(_("the withdrawal period of contract %s runs until %s and the client "
				"did not ask to start within it (R4)"),
			      k->number, day));
	}
}

/* The checks of a visit of the service `skill_code` (NULL: a line with a free label) of k: the
 * worker must have that skill and the contract's own. */
static int run_checks(app *a, const visit *v, const contract *k, const char *skill_code,
		      unsigned *failed, char **reasons, cerr *e)
{
	*failed = 0;
	*reasons = NULL;
	strbuf b = {0};
	int r = ST_OK;
	if (v->worker_id) {
		char *skills = worker_skills_union(skill_code, k->skills);
		r = check_worker(a, v, skills, &b, failed, e);
		free(skills);
	}
	if (!r)
		check_contract(k, v, &b, failed);
	if (r) {
		sb_free(&b);
		return r;
	}
	*reasons = b.s ? b.s : xstrdup("");
	return ST_OK;
}

int visit_checks(app *a, const visit *v, unsigned *failed, char **reasons, cerr *e)
{
	*failed = 0;
	*reasons = NULL;
	if (role_check(a, AREA_PLANNING, ACCESS_READ, e))
		return ST_DENIED;
	contract k;
	contract_init(&k);
	int64_t line_contract = 0;
	char *skill_code = NULL;
	int r = db_contract_get(a->db, v->contract_id, &k, e);
	if (!r && v->line_id)
		r = db_visit_line(a->db, v->line_id, &line_contract, &skill_code, e);
	if (!r)
		r = run_checks(a, v, &k, skill_code, failed, reasons, e);
	free(skill_code);
	contract_free(&k);
	return r;
}

/* ---- planning by hand ---- */

/* The visit's line: by its service, or the contract's only line. */
static int choose_line(app *a, const contract *k, visit *v, char **skill_code, cerr *e)
{
	contract_line *lines = NULL;
	size_t n = 0;
	int r = db_contract_lines(a->db, k->id, &lines, &n, e);
	if (r)
		return r;
	const char *want = v->service_code && *v->service_code ? v->service_code : NULL;
	if (!n)
		r = err_set(e, ST_INVALID, "contract", _("contract %s has no line"), k->number);
	else if (!want && n > 1)
		r = err_set(e, ST_INVALID, "service",
			    _("contract %s has several services: say which one"), k->number);
	for (size_t i = 0; !r && i < n; i++)
		if (!want || (lines[i].service_code && !strcmp(lines[i].service_code, want))) {
			v->line_id = lines[i].id;
			*skill_code = lines[i].service_code ? xstrdup(lines[i].service_code) : NULL;
			break;
		}
	if (!r && !v->line_id)
		r = err_set(e, ST_INVALID, "service", _("%s is not one of the services of contract %s"),
			    want, k->number);
	contract_lines_free(lines, n);
	return r;
}

/* The times and the contract's life. */
static int check_times(const contract *k, const visit *v, cerr *e)
{
	if (v->starts == NO_MINUTE)
		return err_set(e, ST_INVALID, "start", _("is required"));
	if (v->ends == NO_MINUTE || v->ends <= v->starts)
		return err_set(e, ST_INVALID, "end", _("must be after the start"));
	if (v->ends - v->starts > VISIT_MAX_MINUTES)
		return err_set(e, ST_INVALID, "end", _("a visit lasts a day at most"));
	if (k->status == CONTRACT_WITHDRAWN)
		return err_set(e, ST_INVALID, "contract", _("contract %s was withdrawn"), k->number);
	char day[11];
	if (k->start != NO_DAY && cal_day_of(v->starts) < k->start) {
		fmt_date_human(k->start, day);
		return err_set(e, ST_INVALID, "start", _("is before the start of contract %s, %s"),
			       k->number, day);
	}
	if (k->ended_on != NO_DAY && cal_day_of(v->starts) > k->ended_on) {
		fmt_date_human(k->ended_on, day);
		return err_set(e, ST_INVALID, "start", _("is after the end of contract %s, %s"),
			       k->number, day);
	}
	return ST_OK;
}

/* A refusal of the checks: every reason, on the field of the first. */
static int refuse(unsigned failed, const char *reasons, cerr *e)
{
	const char *field =
	    failed & (VISIT_CHECK_UNSIGNED | VISIT_CHECK_WITHDRAWAL) &&
		    !(failed & ~(unsigned)(VISIT_CHECK_UNSIGNED | VISIT_CHECK_WITHDRAWAL))
		? "contract"
		: "worker";
	return err_set(e, ST_CONFLICT, field, "%s", reasons);
}

static int finish(app *a, int r, cerr *e)
{
	if (r) {
		db_rollback(a->db);
		return r;
	}
	return db_commit(a->db, e);
}

int visit_plan(app *a, visit *v, bool force, cerr *e)
{
	int r = role_check(a, AREA_PLANNING, ACCESS_WRITE, e);
	if (r)
		return r;
	cminute now = app_now(a);
	if ((r = db_begin(a->db, e)))
		return r;
	contract k;
	contract_init(&k);
	char *skill_code = NULL, *reasons = NULL;
	unsigned failed = 0;
	r = db_contract_get(a->db, v->contract_id, &k, e);
	if (r == ST_NOT_FOUND)
		r = ST_INVALID;
	if (!r)
		r = check_times(&k, v, e);
	if (!r)
		r = choose_line(a, &k, v, &skill_code, e);
	if (!r && v->worker_id)
		r = visit_require_worker(a, v->worker_id, e);
	v->id = 0;
	v->client_id = k.client_id;
	if (!r)
		r = run_checks(a, v, &k, skill_code, &failed, &reasons, e);
	if (!r && failed && !force)
		r = refuse(failed, reasons, e);
	if (!r) {
		v->status = VISIT_PLANNED;
		free(v->forced);
		v->forced = visit_checks_codes(failed);
		free(v->cancel_reason);
		v->cancel_reason = NULL;
		v->arrived_at = v->left_at = NO_MINUTE;
		v->replaced_worker_id = 0;
		v->slot_id = 0;
		v->slot_week = NO_DAY;
		v->created_at = now;
		free(v->created_by);
		v->created_by = xstrdup(a->login);
		r = db_visit_insert(a->db, v, e);
	}
	free(skill_code);
	free(reasons);
	contract_free(&k);
	r = finish(a, r, e);
	if (r)
		v->id = 0;
	return r;
}

/* ---- the steps of a visit's life ---- */

int visit_can(const visit *v, int step, cminute now, cerr *e)
{
	bool status_allows; /* the visit's status lets the step be taken */
	switch (step) {
	case VISIT_STEP_ARRIVE:
	case VISIT_STEP_LEAVE:
		status_allows = v->status != VISIT_CANCELLED && v->status != VISIT_MISSED;
		break;
	case VISIT_STEP_DONE:
	case VISIT_STEP_MISSED:
	case VISIT_STEP_CANCEL:
	case VISIT_STEP_ASSIGN: status_allows = v->status == VISIT_PLANNED; break;
	default: return err_set(e, ST_INVALID, "step", "%s", _("no such step"));
	}
	if (!status_allows)
		return err_set(e, ST_CONFLICT, "visit", _("visit %lld is %s"), (long long)v->id,
			       enum_label(&visit_statuses, v->status));
	if (step == VISIT_STEP_LEAVE && v->arrived_at == NO_MINUTE)
		return err_set(e, ST_CONFLICT, "visit", _("visit %lld has no arrival recorded yet"),
			       (long long)v->id);
	if ((step == VISIT_STEP_DONE || step == VISIT_STEP_MISSED) && v->starts > now)
		return err_set(e, ST_CONFLICT, "visit", _("visit %lld has not started yet"),
			       (long long)v->id);
	return ST_OK;
}

RECORD_UPDATE(visit_put, visit, db_visit_update);
RECORD_OPS(visit_ops, visit, AREA_PLANNING, visit_init, visit_free, db_visit_get, visit_put);

/* A step of a visit's life being taken, as its apply function sees it. */
struct visit_change {
	int step;    /* VISIT_STEP_… */
	cminute now; /* the time visit_can allowed it at */
	void *arg;   /* the step's own argument */
};
typedef int (*visit_apply_fn)(app *a, visit *v, const struct visit_change *c, cerr *e);

struct visit_taking {
	struct visit_change change;
	visit_apply_fn apply;
};

static int do_step(app *a, void *rec, void *arg, cerr *e)
{
	struct visit_taking *s = arg;
	s->change.now = app_now(a);
	int r = visit_can(rec, s->change.step, s->change.now, e);
	return r ? r : s->apply(a, rec, &s->change, e);
}

/* Takes `step` on visit id in one transaction: refused as visit_can says, else apply changes
 * the visit (arg its own), which is then stored. */
static int visit_change(app *a, int64_t id, int step, visit_apply_fn apply, void *arg, cerr *e)
{
	struct visit_taking s = {{step, NO_MINUTE, arg}, apply};
	return record_change(a, &visit_ops, id, do_step, &s, e);
}

/* The arrival or the departure at *c->arg. */
static int do_time(app *a, visit *v, const struct visit_change *c, cerr *e)
{
	(void)a;
	cminute at = *(const cminute *)c->arg;
	if (at > c->now)
		return err_set(e, ST_INVALID, "at", _("is later than now"));
	if (at < v->starts - 12 * 60 || at > v->ends + 12 * 60)
		return err_set(e, ST_INVALID, "at", _("is too far from the visit's time"));
	if (c->step == VISIT_STEP_ARRIVE) {
		if (v->left_at != NO_MINUTE && at > v->left_at)
			return err_set(e, ST_INVALID, "at", _("is after the departure"));
		v->arrived_at = at;
	} else {
		if (at < v->arrived_at)
			return err_set(e, ST_INVALID, "at", _("is before the arrival"));
		v->left_at = at;
	}
	return ST_OK;
}

/* The arrival or the departure (step) of visit id recorded at `at`. */
static int record_time(app *a, int64_t id, cminute at, int step, cerr *e)
{
	if (at == NO_MINUTE)
		return err_set(e, ST_INVALID, "at", _("is required"));
	return visit_change(a, id, step, do_time, &at, e);
}

int visit_arrive(app *a, int64_t id, cminute at, cerr *e)
{
	return record_time(a, id, at, VISIT_STEP_ARRIVE, e);
}

int visit_leave(app *a, int64_t id, cminute at, cerr *e)
{
	return record_time(a, id, at, VISIT_STEP_LEAVE, e);
}

static int do_status(app *a, visit *v, const struct visit_change *c, cerr *e)
{
	(void)a;
	(void)e;
	v->status = c->step == VISIT_STEP_DONE ? VISIT_DONE : VISIT_MISSED;
	return ST_OK;
}

int visit_done(app *a, int64_t id, cerr *e)
{
	return visit_change(a, id, VISIT_STEP_DONE, do_status, NULL, e);
}

int visit_missed(app *a, int64_t id, cerr *e)
{
	return visit_change(a, id, VISIT_STEP_MISSED, do_status, NULL, e);
}

/* Cancelled for the reason c->arg. */
static int do_cancel(app *a, visit *v, const struct visit_change *c, cerr *e)
{
	(void)a;
	(void)e;
	v->status = VISIT_CANCELLED;
	str_set_trimmed(&v->cancel_reason, c->arg);
	return ST_OK;
}

int visit_cancel(app *a, int64_t id, const char *reason, cerr *e)
{
	if (str_blank(reason))
		return err_set(e, ST_INVALID, "reason", _("must not be empty"));
	if (!utf8_valid(reason))
		return err_set(e, ST_INVALID, "reason", _("not valid UTF-8 text"));
	if (utf8_length(reason) > REASON_MAX)
		return err_set(e, ST_INVALID, "reason", _("too long (at most %d characters)"),
			       REASON_MAX);
	for (const unsigned char *p = (const unsigned char *)reason; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return err_set(e, ST_INVALID, "reason", _("must fit on one line"));
	return visit_change(a, id, VISIT_STEP_CANCEL, do_cancel, (void *)reason, e);
}

struct assign_arg {
	int64_t worker_id;
	bool force;
};

static int do_assign(app *a, visit *v, const struct visit_change *c, cerr *e)
{
	const struct assign_arg *x = c->arg;
	if (v->worker_id == x->worker_id)
		return ST_OK;
	int r;
	if (x->worker_id && (r = visit_require_worker(a, x->worker_id, e)))
		return r;
	int64_t before = v->worker_id;
	v->worker_id = x->worker_id;
	contract k;
	contract_init(&k);
	unsigned failed = 0;
	char *reasons = NULL;
	r = db_contract_get(a->db, v->contract_id, &k, e);
	if (!r)
		r = run_checks(a, v, &k, v->service_code, &failed, &reasons, e);
	if (!r && failed && !x->force)
		r = refuse(failed, reasons, e);
	if (!r) {
		free(v->forced);
		v->forced = visit_checks_codes(failed);
		if (before)
			v->replaced_worker_id = before;
	}
	free(reasons);
	contract_free(&k);
	return r;
}

int visit_assign(app *a, int64_t id, int64_t worker_id, bool force, cerr *e)
{
	struct assign_arg x = {worker_id, force};
	return visit_change(a, id, VISIT_STEP_ASSIGN, do_assign, &x, e);
}

/* ---- what the contracts' steps ask ---- */

/* v takes `status`, with `reason` (NULL: none) for it. */
static void set_status(visit *v, int status, const char *reason)
{
	v->status = status;
	free(v->cancel_reason);
	v->cancel_reason = reason ? xstrdup(reason) : NULL;
}

/* Whether v was cancelled for a public holiday by the rule, not by a person. */
static bool cancelled_for_holiday(const visit *v)
{
	return v->status == VISIT_CANCELLED && v->cancel_reason &&
	       !strcmp(v->cancel_reason, VISIT_REASON_HOLIDAY);
}

int visits_cancel_after(app *a, int64_t contract_id, cminute after, const char *reason, int *n,
			cerr *e)
{
	*n = 0;
	visit *rows = NULL;
	size_t nrows = 0;
	int r = db_contract_visits(a->db, contract_id, after, NO_MINUTE, &rows, &nrows, e);
	for (size_t i = 0; !r && i < nrows; i++) {
		if (rows[i].status != VISIT_PLANNED)
			continue;
		set_status(&rows[i], VISIT_CANCELLED, reason);
		if (!(r = db_visit_update(a->db, &rows[i], e)))
			(*n)++;
	}
	visits_free(rows, nrows);
	return r;
}

/* Where the occurrence of slot s in the week of Monday `week` starts and ends. */
static void slot_times(const contract_slot *s, cday week, cminute *starts, cminute *ends)
{
	*starts = cal_at(week + s->weekday - 1, s->starts);
	*ends = *starts + contract_slot_minutes(s->starts, s->ends);
}

static bool holiday_skipped(const contract *k, cminute starts)
{
	return k->skip_holidays && cal_holiday(cal_day_of(starts)) != NULL;
}

/* An existing visit v of slot s made to follow it when not yet done (planned, or cancelled
 * for a public holiday, from now on): its times, line and worker (a worker given by hand stays),
 * and cancelled on a public holiday of a contract that skips them, planned again otherwise.
 * *did says whether it changed (counted in *changed, or *cancelled). */
static int follow(app *a, const contract *k, const contract_slot *s, visit *v, cminute now,
		  int *changed, int *cancelled, bool *did, cerr *e)
{
	*did = false;
	bool by_holiday = cancelled_for_holiday(v);
	if ((v->status != VISIT_PLANNED && !by_holiday) || v->starts < now)
		return ST_OK;
	cminute starts, ends;
	slot_times(s, v->slot_week, &starts, &ends);
	bool skip = holiday_skipped(k, starts);
	int64_t keep = v->replaced_worker_id ? v->worker_id : s->worker_id;
	if (v->starts == starts && v->ends == ends && v->line_id == s->line_id &&
	    v->worker_id == keep && skip == by_holiday)
		return ST_OK;
	v->starts = starts;
	v->ends = ends;
	v->line_id = s->line_id;
	v->worker_id = keep;
	if (skip)
		set_status(v, VISIT_CANCELLED, VISIT_REASON_HOLIDAY);
	else
		set_status(v, VISIT_PLANNED, NULL);
	int r = db_visit_update(a->db, v, e);
	if (r)
		return r;
	if (skip && !by_holiday)
		(*cancelled)++;
	else
		(*changed)++;
	*did = true;
	return ST_OK;
}

int visits_follow_slot(app *a, const contract *k, const contract_slot *s, int *changed, cerr *e)
{
	*changed = 0;
	cminute now = app_now(a);
	visit *rows = NULL;
	size_t n = 0;
	int cancelled = 0;
	int r = db_slot_visits(a->db, s->id, visit_week_of(cal_day_of(now)) - 7, cal_days(9999, 1, 1),
			       &rows, &n, e);
	for (size_t i = 0; !r && i < n; i++) {
		bool did;
		r = follow(a, k, s, &rows[i], now, changed, &cancelled, &did, e);
	}
	*changed += cancelled;
	visits_free(rows, n);
	return r;
}

int visits_follow_holidays(app *a, const contract *k, int *changed, cerr *e)
{
	*changed = 0;
	cminute now = app_now(a);
	visit *rows = NULL;
	size_t n = 0;
	int r = db_contract_visits(a->db, k->id, now, NO_MINUTE, &rows, &n, e);
	for (size_t i = 0; !r && i < n; i++) {
		visit *v = &rows[i];
		bool holiday = cal_holiday(cal_day_of(v->starts)) != NULL;
		if (k->skip_holidays && holiday && v->status == VISIT_PLANNED) {
			set_status(v, VISIT_CANCELLED, VISIT_REASON_HOLIDAY);
		} else if (!k->skip_holidays && cancelled_for_holiday(v)) {
			set_status(v, VISIT_PLANNED, NULL);
			/* Planned again where its slot is now. */
			contract_slot s = {0};
			if (v->slot_id && !(r = db_contract_slot_get(a->db, v->slot_id, &s, e)))
				slot_times(&s, v->slot_week, &v->starts, &v->ends);
			contract_slot_free(&s);
			if (r)
				break;
		} else {
			continue;
		}
		if (!(r = db_visit_update(a->db, v, e)))
			(*changed)++;
	}
	visits_free(rows, n);
	return r;
}

/* ---- generation ---- */

struct generation {
	app *a;
	cday from, to;
	cminute now;
	visit_generation *out;
	cerr *e;
	int status;
};

/* The days of k that may have visits within [from, to]: from its start (after its withdrawal
 * period without the client's express request, R4) to its end (R5). False when none. */
static bool contract_days(const contract *k, cday from, cday to, cday *first, cday *last)
{
	*first = from;
	*last = to;
	if (k->start != NO_DAY && k->start > *first)
		*first = k->start;
	if (k->withdrawal_end != NO_DAY && !k->express_start && !k->at_agency &&
	    k->withdrawal_end >= *first)
		*first = k->withdrawal_end + 1;
	if (k->ended_on != NO_DAY && k->ended_on < *last)
		*last = k->ended_on;
	return *first <= *last;
}

static int generate_slot(struct generation *g, const contract *k, const contract_slot *s,
			 cday first, cday last)
{
	if (!s->line_id)
		return ST_OK; /* a slot stored before lines existed names no service */
	cday w0 = visit_week_of(first), w1 = visit_week_of(last);
	visit *rows = NULL;
	size_t n = 0, next = 0;
	int r = db_slot_visits(g->a->db, s->id, w0, w1, &rows, &n, g->e);
	for (cday week = w0; !r && week <= w1; week += 7) {
		cday day = week + s->weekday - 1;
		while (next < n && rows[next].slot_week < week)
			next++;
		visit *have = next < n && rows[next].slot_week == week ? &rows[next] : NULL;
		if (day < first || day > last)
			continue;
		if (have) {
			bool did;
			r = follow(g->a, k, s, have, g->now, &g->out->changed, &g->out->cancelled,
				   &did, g->e);
			if (!r && !did)
				g->out->kept++;
			continue;
		}
		visit v;
		visit_init(&v);
		slot_times(s, week, &v.starts, &v.ends);
		if (!holiday_skipped(k, v.starts)) {
			v.contract_id = k->id;
			v.client_id = k->client_id;
			v.line_id = s->line_id;
			v.worker_id = s->worker_id;
			v.slot_id = s->id;
			v.slot_week = week;
			v.forced = xstrdup("");
			v.created_at = g->now;
			v.created_by = xstrdup(g->a->login);
			if (!(r = db_visit_insert(g->a->db, &v, g->e)))
				g->out->created++;
		}
		visit_free(&v);
	}
	visits_free(rows, n);
	return r;
}

static int generate_contract(const contract *k, void *arg)
{
	struct generation *g = arg;
	cday first, last;
	if (!contract_days(k, g->from, g->to, &first, &last))
		return 0;
	contract_slot *slots = NULL;
	size_t n = 0;
	int r = db_contract_slots(g->a->db, k->id, &slots, &n, g->e);
	for (size_t i = 0; !r && i < n; i++)
		r = generate_slot(g, k, &slots[i], first, last);
	contract_slots_free(slots, n);
	g->status = r;
	return r != ST_OK;
}

int visit_generate(app *a, cday from, cday to, visit_generation *out, cerr *e)
{
	memset(out, 0, sizeof *out);
	int r = role_check(a, AREA_PLANNING, ACCESS_WRITE, e);
	if (r)
		return r;
	cday today = app_today(a);
	if (from == NO_DAY)
		from = today;
	if (to == NO_DAY)
		to = (from > today ? from : today) +
		     7 * (int)settings_int(a, "planning.horizon_weeks") - 1;
	if (to < from)
		return err_set(e, ST_INVALID, "to", _("is before the first day"));
	if (to - from >= GENERATE_MAX_DAYS)
		return err_set(e, ST_INVALID, "to", _("is more than five years after the first day"));
	struct generation g = {a, from, to, app_now(a), out, e, ST_OK};
	if ((r = db_begin(a->db, e)))
		return r;
	/* Many rows at once: the trail gets one line for the whole, not one per visit. */
	db_set_audit(a->db, false);
	r = db_recurring_contracts_each(a->db, from, to, generate_contract, &g, e);
	if (!r)
		r = g.status;
	db_set_audit(a->db, true);
	if (!r && (out->created || out->changed || out->cancelled)) {
		char f[11], t[11];
		fmt_date(from, f);
		fmt_date(to, t);
		char *note = xasprintf("visits generated %s..%s: %d new, %d changed, %d cancelled", f, t,
				       out->created, out->changed, out->cancelled);
		r = db_history_note(a->db, "visits", 0, "generate", note, e);
		free(note);
	}
	return finish(a, r, e);
}

/* ---- punctuality ---- */

int visit_punctuality(app *a, int64_t worker_id, cday from, cday to, punctuality *out, cerr *e)
{
	memset(out, 0, sizeof *out);
	out->rate = -1;
	if (role_check(a, AREA_PLANNING, ACCESS_READ, e))
		return ST_DENIED;
	int r = db_punctuality(a->db, worker_id, cal_at(from, 0), cal_at(to + 1, 0),
			       visit_tolerance(a), &out->arrived, &out->late, e);
	if (!r && out->arrived)
		out->rate = (int)(((out->arrived - out->late) * 200 + out->arrived) /
				  (2 * out->arrived));
	return r;
}

int visit_punctuality_month(app *a, int64_t worker_id, int year, int month, punctuality *out,
			    cerr *e)
{
	if (month < 1 || month > 12)
		return err_set(e, ST_INVALID, "month", _("must be 1 to 12"));
	cday first = cal_days(year, month, 1);
	return visit_punctuality(a, worker_id, first, cal_month_end(first), out, e);
}

/* ---- findings, history ---- */

/* worker-mismatch: the worker, the start, and "skill:CODE" or "availability". */
static char *describe_mismatch(const app *a, const char *const cols[3])
{
	(void)a;
	if (!strncmp(cols[2], "skill:", 6))
		return xasprintf(_("%s, visit of %s: lacks the skill %s that the contract requires"),
				 cols[0], cols[1], cols[2] + 6);
	return xasprintf(_("%s, visit of %s: outside their availability"), cols[0], cols[1]);
}

/* This area's charter findings (audit.c gathers every area's; db/visits.c has their queries).
 * Each reads the visits from a week ago on, or the contracts whose withdrawal period ended in
 * the last three months: index ranges, never the whole table. */
const audit_rule visit_rules[] = {
	{"O5", "schedule-conflict", "visit",
	 N_("the worker fits the client's needs and is available"),
	 N_("%s has two visits at once: %s, and visit %s"), {"visits", "workers"}, AUDIT_BY_DAY},
	{"O5", "worker-mismatch", "visit", N_("the worker fits the client's needs and is available"),
	 N_("%s, visit of %s: %s"),
	 {"visits", "workers", "contract_lines", "contracts", "worker_availability"}, AUDIT_BY_DAY},
	{"O7", "withdrawal-breach", "contract", N_("the legal withdrawal period"),
	 N_("%s: a visit on %s, within the withdrawal period (until %s), without the client's "
	    "express request"),
	 {"contracts", "visits", "clients"}, AUDIT_BY_DAY},
	{NULL, NULL, NULL, NULL, NULL, {NULL}, AUDIT_UNTIMED},
};

const audit_detail visit_details[] = {
	{"worker-mismatch", describe_mismatch},
	{NULL, NULL},
};

/* How the visits read in a client's history: a, the service; b, the worker (or "no worker
 * yet"); c, a cancellation's reason. */
static const char *const history_words[] __attribute__((unused)) = {N_("no worker yet")};
const history_kind visit_history_kinds[] = {
	{"visit", "planned", N_("Visit"), N_("visit planned: %s, %s"), "tw-"},
	{"visit", "done", N_("Visit"), N_("visit done: %s, %s"), "tw-"},
	{"visit", "cancelled", N_("Visit"), N_("visit cancelled: %s, %s (%s)"), "tww"},
	{"visit", "missed", N_("Visit"), N_("visit missed: %s, %s"), "tw-"},
	{NULL, NULL, NULL, NULL, ""},
};

RECORD_DESC(visit_record, "visits",
	    {"id", "", FIELD_HIDDEN, NULL, MEM_NONE, 0},
	    {"contract_id", N_("Contract no."), FIELD_TEXT, NULL, MEM_NONE, 0},
	    {"client_id", N_("Client no."), FIELD_TEXT, NULL, MEM_NONE, 0},
	    {"line_id", N_("Contract line no."), FIELD_TEXT, NULL, MEM_NONE, 0},
	    {"worker_id", N_("Worker no."), FIELD_TEXT, NULL, MEM_NONE, 0},
	    {"starts", N_("Planned start"), FIELD_DATETIME, NULL, MEM_NONE, 0},
	    {"ends", N_("Planned end"), FIELD_DATETIME, NULL, MEM_NONE, 0},
	    {"status", N_("Status"), FIELD_ENUM, &visit_statuses, MEM_NONE, 0},
	    {"cancel_reason", N_("Reason for cancelling"), FIELD_TEXT, NULL, MEM_NONE, 0},
	    {"arrived_at", N_("Arrived at"), FIELD_DATETIME, NULL, MEM_NONE, 0},
	    {"left_at", N_("Left at"), FIELD_DATETIME, NULL, MEM_NONE, 0},
	    {"replaced_worker_id", N_("Replaced worker no."), FIELD_TEXT, NULL, MEM_NONE, 0},
	    {"forced", N_("Planned despite"), FIELD_TEXT, NULL, MEM_NONE, 0},
	    {"slot_id", N_("Weekly slot no."), FIELD_TEXT, NULL, MEM_NONE, 0},
	    {"slot_week", N_("Week of"), FIELD_DATE, NULL, MEM_NONE, 0},
	    {"created_at", N_("Created"), FIELD_DATETIME, NULL, MEM_NONE, 0},
	    {"created_by", N_("Planned by"), FIELD_STAFF, NULL, MEM_NONE, 0});
