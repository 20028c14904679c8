/* followup.c — follow-up calls (S4, R6): computed on read from the clients' first visit done
 * (db/followups.c), recorded done with the client's satisfaction and remarks, and a complaint
 * opened from one in the same transaction; the finding follow-up-overdue. */
#include "charte/followup.h"

#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/complaint.h"
#include "charte/db_findings.h"
#include "charte/db_followups.h"
#include "charte/settings.h"

#define NOTE_MAX 4000

/* ---- R6 ---- */

cday followup_due_day(cday first, int n)
{
	return cal_add_months(first, n <= 0 ? 1 : 12 * n);
}

void followup_key(const followup *f, char buf[static FOLLOWUP_KEY_MAX])
{
	if (f->id) {
		snprintf(buf, FOLLOWUP_KEY_MAX, "%lld", (long long)f->id);
		return;
	}
	char day[11];
	fmt_date(f->due, day);
	snprintf(buf, FOLLOWUP_KEY_MAX, "%lld:%s", (long long)f->client_id, day);
}

int followup_parse_key(const char *key, int64_t *id, int64_t *client_id, cday *due, cerr *e)
{
	*id = *client_id = 0;
	*due = NO_DAY;
	const char *why = _("give a follow-up's id: a number, or CLIENT:YYYY-MM-DD as listed");
	if (!key || !*key)
		return err_set(e, ST_INVALID, "id", "%s", why);
	char *end = NULL;
	long long n = strtoll(key, &end, 10);
	if (end == key || n <= 0 || key[0] == '-' || key[0] == '+')
		return err_set(e, ST_INVALID, "id", "%s", why);
	if (*end == '\0') {
		*id = n;
		return ST_OK;
	}
	cday d;
	if (*end != ':' || parse_date(end + 1, &d))
		return err_set(e, ST_INVALID, "id", "%s", why);
	*client_id = n;
	*due = d;
	return ST_OK;
}

cday followup_horizon(app *a)
{
	cday today = app_today(a);
	return today + (7 - cal_weekday(today));
}

int followup_grace(app *a)
{
	return (int)settings_int(a, "followup.grace_days");
}

int followup_each(app *a, const followup_filter *f, int (*fn)(const followup *row, void *arg),
		  void *arg, cerr *e)
{
	return ROLE_READ(a, AREA_FOLLOWUPS, e,
			 db_followups_each(a->db, f, app_today(a), followup_horizon(a),
					   followup_grace(a), fn, arg, e));
}

/* ---- the list, page by page ----
 *
 * The follow-ups not done are made from every client's years (a few hundred on ten years of an
 * agency, costly to make); the ones done are rows, thousands, paged through their index. A page
 * of the list merges the two in due order: the ones not done are kept between pages, with the
 * change stamp of what they are made of, the day and the grace days, and made again only when
 * one of those moves. */
struct followup_cache {
	int64_t stamp;
	cday today, until;
	int grace;
	followup *rows;
	size_t n;
};

static const char *const open_tables[] = {"visits", "contracts", "followups", "clients",
					   "settings", NULL};

void followup_cache_free(app *a)
{
	if (!a->followups)
		return;
	followups_free(a->followups->rows, a->followups->n);
	free(a->followups);
	a->followups = NULL;
}

static int keep_open(const followup *row, void *arg)
{
	struct followup_cache *c = arg;
	c->rows = xrealloc(c->rows, (c->n + 1) * sizeof *c->rows);
	followup_copy(&c->rows[c->n++], row);
	return 0;
}

/* Every follow-up not done due up to the horizon (every client's), in list order. */
static int open_rows(app *a, struct followup_cache **out, cerr *e)
{
	int64_t stamp;
	int r = db_changes(a->db, open_tables, &stamp, e);
	if (r)
		return r;
	cday today = app_today(a), until = followup_horizon(a);
	int grace = followup_grace(a);
	struct followup_cache *c = a->followups;
	if (c && c->stamp == stamp && c->today == today && c->until == until &&
	    c->grace == grace) {
		*out = c;
		return ST_OK;
	}
	followup_cache_free(a);
	c = xcalloc(1, sizeof *c);
	followup_filter f = {true, true, false, 0};
	if ((r = db_followups_each(a->db, &f, today, until, grace, keep_open, c, e))) {
		followups_free(c->rows, c->n);
		free(c);
		return r;
	}
	*c = (struct followup_cache){stamp, today, until, grace, c->rows, c->n};
	a->followups = c;
	*out = c;
	return ST_OK;
}

static int key_cmp(const followup *x, const followup *y)
{
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return x->client_id < y->client_id ? -1 : x->client_id > y->client_id;
}

static bool kept_by(const followup_filter *f, const followup *row)
{
	bool all = !f->due && !f->overdue && !f->done;
	if (f->client_id && row->client_id != f->client_id)
		return false;
	return all || (f->due && row->status == FOLLOWUP_DUE) ||
	       (f->overdue && row->status == FOLLOWUP_OVERDUE);
}

static int page(app *a, const followup_filter *f, const followup *from, bool backward, int limit,
		followup **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	bool all = !f->due && !f->overdue && !f->done;
	followup *done = NULL;
	size_t ndone = 0;
	int r;
	if ((all || f->done) &&
	    (r = db_followups_done_page(a->db, f, from, backward, limit, &done, &ndone, e)))
		return r;
	struct followup_cache *c = NULL;
	if ((all || f->due || f->overdue) && (r = open_rows(a, &c, e))) {
		followups_free(done, ndone);
		return r;
	}
	/* The ones not done past `from` in the asked direction, at most limit of them, in list
	 * order: [lo, hi) of the kept ones. */
	size_t nopen = c ? c->n : 0, lo = 0, hi = 0, k = 0;
	const followup **open = xcalloc(nopen + 1, sizeof *open);
	for (size_t i = 0; i < nopen; i++)
		if (kept_by(f, &c->rows[i]) &&
		    (!from || (backward ? key_cmp(&c->rows[i], from) < 0
					: key_cmp(&c->rows[i], from) > 0)))
			open[k++] = &c->rows[i];
	lo = backward && k > (size_t)limit ? k - (size_t)limit : 0;
	hi = !backward && k > (size_t)limit ? (size_t)limit : k;
	/* Merged in list order; forward the first limit, backward the last limit. */
	size_t total = (hi - lo) + ndone;
	followup *merged = xcalloc(total + 1, sizeof *merged);
	size_t i = lo, j = 0, m = 0;
	while (i < hi || j < ndone) {
		if (j >= ndone || (i < hi && key_cmp(open[i], &done[j]) < 0))
			followup_copy(&merged[m++], open[i++]);
		else
			merged[m++] = done[j++];
	}
	free(done);
	free(open);
	size_t first = backward && m > (size_t)limit ? m - (size_t)limit : 0;
	size_t last = !backward && m > (size_t)limit ? (size_t)limit : m;
	for (size_t x = 0; x < m; x++)
		if (x < first || x >= last)
			followup_free(&merged[x]);
	if (first)
		memmove(merged, merged + first, (last - first) * sizeof *merged);
	*rows = merged;
	*n = last - first;
	return ST_OK;
}

int followup_page(app *a, const followup_filter *f, const followup *from, bool backward,
		  int limit, followup **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	if (role_check(a, AREA_FOLLOWUPS, ACCESS_READ, e))
		return ST_DENIED;
	/* The two parts from one state of the file: a follow-up recorded done at another desk
	 * meanwhile is in one of them, never in both or neither. */
	bool snapshot = db_read_begin(a->db);
	int r = page(a, f, from, backward, limit, rows, n, e);
	db_read_end(a->db, snapshot);
	return r;
}

struct find_arg {
	cday due;
	followup *out;
	bool found;
};

static int find_due(const followup *row, void *arg)
{
	struct find_arg *fa = arg;
	if (row->due != fa->due)
		return 0;
	followup_free(fa->out);
	followup_copy(fa->out, row);
	fa->found = true;
	return 1;
}

/* The follow-up of a key, read in the caller's transaction. */
static int get_key(app *a, const char *key, followup *out, cerr *e)
{
	int64_t id, client_id;
	cday due;
	int r = followup_parse_key(key, &id, &client_id, &due, e);
	if (r)
		return r;
	if (id)
		return db_followup_get(a->db, id, out, e);
	/* Owed up to its due day: the list of that client, stopped at that day. */
	followup_filter f = {true, true, true, client_id};
	struct find_arg fa = {due, out, false};
	if ((r = db_followups_each(a->db, &f, app_today(a), due, followup_grace(a), find_due, &fa,
				   e)))
		return r;
	if (!fa.found)
		return err_set(e, ST_NOT_FOUND, "id", _("no follow-up of client %lld is due on %s"),
			       (long long)client_id, key + strcspn(key, ":") + 1);
	return ST_OK;
}

int followup_get(app *a, const char *key, followup *out, cerr *e)
{
	return ROLE_READ(a, AREA_FOLLOWUPS, e, get_key(a, key, out, e));
}

static int check_done(app *a, const followup *f, const followup_done_in *in, cerr *e)
{
	char day[11];
	if (f->id || f->status == FOLLOWUP_DONE) {
		fmt_date_human(f->done_on, day);
		return err_set(e, ST_CONFLICT, "id", _("this follow-up was already done on %s"), day);
	}
	if (in->on == NO_DAY)
		return err_set(e, ST_INVALID, "on", _("give a day"));
	if (in->on > app_today(a))
		return err_set(e, ST_INVALID, "on", _("is later than today"));
	cday first = NO_DAY;
	int r = db_followup_first_visit(a->db, f->client_id, &first, e);
	if (r)
		return r;
	if (first != NO_DAY && in->on < first) {
		fmt_date_human(first, day);
		return err_set(e, ST_INVALID, "on", _("is before the client's first visit (%s)"),
			       day);
	}
	if (in->satisfaction < 0 || in->satisfaction > SURVEY_SCALE)
		return err_set(e, ST_INVALID, "satisfaction",
			       _("must be 1 (very satisfied) to 4 (very dissatisfied), or 5 (no "
				 "opinion)"));
	if ((r = text_check(in->note, "note", NOTE_MAX, false, e)))
		return r;
	if (in->complaint && (r = text_check(in->complaint, "complaint", NOTE_MAX, false, e)))
		return r;
	if (in->category && str_blank(in->complaint))
		return err_set(e, ST_INVALID, "category", _("goes with the text of a complaint"));
	return ST_OK;
}

int followup_done(app *a, const char *key, const followup_done_in *in, int64_t *id,
		  int64_t *complaint_id, cerr *e)
{
	int r = role_check(a, AREA_FOLLOWUPS, ACCESS_WRITE, e);
	if (r)
		return r;
	if ((r = db_begin(a->db, e)))
		return r;
	followup f;
	followup_init(&f);
	if (!(r = get_key(a, key, &f, e)) && !(r = check_done(a, &f, in, e))) {
		if (!str_blank(in->complaint)) {
			complaint c;
			complaint_init(&c);
			c.client_id = f.client_id;
			c.received_on = in->on;
			c.channel = CHANNEL_FOLLOWUP;
			c.category = xstrdup(in->category ? in->category : "other");
			c.description = xstrdup(in->complaint);
			if (!(r = complaint_create(a, &c, e)))
				f.complaint_id = c.id;
			else if (!strcmp(e->field, "text"))
				snprintf(e->field, sizeof e->field, "complaint");
			complaint_free(&c);
		}
		if (!r) {
			f.done_on = in->on;
			f.done_by = xstrdup(a->login ? a->login : "");
			f.satisfaction = in->satisfaction;
			free(f.note);
			f.note = str_trim(xstrdup(in->note ? in->note : ""));
			r = db_followup_insert(a->db, &f, e);
		}
	}
	if (!r) {
		if (id)
			*id = f.id;
		if (complaint_id)
			*complaint_id = f.complaint_id;
	}
	followup_free(&f);
	if (r) {
		db_rollback(a->db);
		return r;
	}
	return db_commit(a->db, e);
}

/* ---- the charter's findings, the history ---- */

/* follow-up-overdue: the client's name, the day it was due, its kind. */
static char *describe_overdue(const app *a, const char *const cols[3])
{
	(void)a;
	cday due;
	char day[11] = "";
	if (!parse_date(cols[1], &due))
		fmt_date_human(due, day);
	int kind = enum_value(&followup_kinds, cols[2]);
	const char *label = kind ? enum_label(&followup_kinds, kind) : cols[2];
	return xasprintf(_("%s: follow-up call (%s) due on %s, not done"), cols[0], label, day);
}

const audit_detail followup_details[] = {
	{"follow-up-overdue", describe_overdue},
	{NULL, NULL},
};

const audit_rule followup_rules[] = {
	{"S4", "follow-up-overdue", "client", N_("follow-up calls a month after, then yearly"),
	 N_("%s: follow-up call due on %s (%s), not done"),
	 {"followups", "visits", "contracts", "clients", "settings"}, AUDIT_BY_DAY},
	{NULL, NULL, NULL, NULL, NULL, {NULL}, AUDIT_UNTIMED},
};

const history_kind followup_history_kinds[] = {
	{"followup", "done", N_("Follow-up"), N_("follow-up call (%s): %s, by %s"), "wtt"},
	{NULL, NULL, NULL, NULL, ""},
};

static const char *const followup_words[] __attribute__((unused)) = {N_("not asked")};

RECORD_DESC(followup_record, "followups",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("client_id", N_("Client no."), FIELD_TEXT),
	    ENUM_COLUMN("kind", N_("Kind"), &followup_kinds),
	    COLUMN("due", N_("Due"), FIELD_DATE),
	    COLUMN("done_on", N_("Done on"), FIELD_DATE),
	    COLUMN("done_by", N_("Done by"), FIELD_STAFF),
	    COLUMN("satisfaction", N_("Satisfaction"), FIELD_TEXT),
	    COLUMN("note", N_("Remarks"), FIELD_TEXT),
	    COLUMN("complaint_id", N_("Complaint no."), FIELD_TEXT));
