/* client.c — client files: what a file must hold, who may change what, the needs analysis, the
 * search and the client's history in words for people. */
#include "charte/client.h"

#include "core.h"
#include "charte/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/calendar.h"

#define NAME_MAX_LEN 200
#define ADDRESS_MAX  500
#define EMAIL_MAX    254
#define TEXT_MAX     4000
#define HOURS_MAX    (168 * 100) /* hundredths: every hour of a week */





/* ---- fields ---- */

static const struct {
	const char *written;
	const char *typed[6]; /* folded to lower case */
} civilities[] = {
	/* "Mademoiselle" has not been used in official French since 2012: typed (or read from an
	 * old file or an import), it is written Mme. */
	{"Mme", {"mme", "mme.", "madame", "mlle", "mlle.", "mademoiselle"}},
	{"M.", {"m", "m.", "mr", "mr.", "monsieur"}},
	{"M. et Mme",
	 {"m. et mme", "m et mme", "mr et mme", "monsieur et madame", "mme et m.", "mme et m"}},
	{"Dr", {"dr", "dr.", "docteur"}},
};

const char *client_civility(const char *typed)
{
	if (str_blank(typed))
		return "";
	char *t = text_fold(typed);
	str_trim(t);
	const char *found = NULL;
	for (size_t i = 0; i < ARRAY_LEN(civilities) && !found; i++)
		for (size_t k = 0; k < ARRAY_LEN(civilities[i].typed) && civilities[i].typed[k];
		     k++)
			if (!strcmp(t, civilities[i].typed[k]))
				found = civilities[i].written;
	free(t);
	return found;
}

char *client_display_name(const client_file *c)
{
	strbuf b = {0};
	const char *parts[] = {c->civility, c->first_name, c->name};
	for (size_t i = 0; i < ARRAY_LEN(parts); i++)
		if (!str_blank(parts[i])) {
			if (b.len)
				sb_addc(&b, ' ');
			sb_add(&b, parts[i]);
		}
	return b.s ? b.s : xstrdup("");
}

/* Loosely: one '@' between something and a domain with a dot, no spaces. */
static bool email_plausible(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@'))
		return false;
	const char *dot = strrchr(at + 1, '.');
	if (!dot || dot == at + 1 || !dot[1])
		return false;
	for (const char *p = s; *p; p++)
		if (*p == ' ' || *p == ',' || *p == ';' || *p == '<' || *p == '>')
			return false;
	return true;
}

/* The referent must be an active member of staff. */
static int check_referent(app *a, const char *login, cerr *e)
{
	if (str_blank(login))
		return ST_OK;
	char *t = str_trim(xstrdup(login));
	staff s = {0};
	int r = db_staff_by_login(a->db, t, &s, e);
	if (r == ST_NOT_FOUND)
		r = err_set(e, ST_INVALID, "referent", _("'%s' is not on the staff"), t);
	else if (!r && !s.active)
		r = err_set(e, ST_INVALID, "referent", _("'%s' no longer works at the agency"), t);
	staff_free(&s);
	free(t);
	return r;
}

static bool same_text(const char *x, const char *y)
{
	return !strcmp(x ? x : "", y ? y : "");
}

/* Every field but the referent's standing; then the referent when it is new (a file whose
 * referent left can still have its phone corrected: the finding referent-missing says it). */
static int check_fields(app *a, const client_file *c, const char *old_referent, cerr *e)
{
	int r;
	if (!client_civility(c->civility))
		return err_set(e, ST_INVALID, "civility",
		               _("'%s' is not a civility: use Mme, M., M. et Mme or Dr"),
		               c->civility);
	if ((r = text_check_line(c->name, "name", NAME_MAX_LEN, true, e)) ||
	    (r = text_check_line(c->first_name, "first_name", NAME_MAX_LEN, false, e)) ||
	    (r = text_check(c->address, "address", ADDRESS_MAX, false, e)) ||
	    (r = field_check_phone(c->phone, "phone", e)) ||
	    (r = field_check_phone(c->phone2, "phone2", e)) ||
	    (r = text_check_line(c->email, "email", EMAIL_MAX, false, e)))
		return r;
	if (!str_blank(c->email)) {
		char *t = str_trim(xstrdup(c->email));
		bool ok = email_plausible(t);
		free(t);
		if (!ok)
			return err_set(e, ST_INVALID, "email",
			               _("does not look like an e-mail address (name@example.fr)"));
	}
	if (enum_name(&client_statuses, c->status)[0] == '\0')
		return err_set(e, ST_INVALID, "status", _("must be prospect, active or former"));
	if ((r = text_check_line(c->referent, "referent", 63, false, e)) ||
	    (r = text_check(c->instructions, "instructions", TEXT_MAX, false, e)) ||
	    (r = text_check(c->forbidden_zones, "forbidden_zones", TEXT_MAX, false, e)) ||
	    (r = text_check(c->notes, "notes", TEXT_MAX, false, e)))
		return r;
	char *ref = c->referent ? str_trim(xstrdup(c->referent)) : NULL;
	bool changed = !same_text(ref, old_referent);
	free(ref);
	return changed ? check_referent(a, c->referent, e) : ST_OK;
}

int client_check(app *a, const client_file *c, cerr *e)
{
	return check_fields(a, c, NULL, e);
}

/* Trimmed copy in place; NULL becomes "" (or stays NULL with keep_null). */
/* What client_check accepted, in stored form. */
static void normalise(client_file *c)
{
	const char *civ = client_civility(c->civility);
	free(c->civility);
	c->civility = xstrdup(civ ? civ : "");
	text_tidy(&c->name, false);
	text_tidy(&c->first_name, false);
	text_tidy(&c->address, false);
	field_tidy_phone(&c->phone);
	field_tidy_phone(&c->phone2);
	text_tidy(&c->email, false);
	text_tidy(&c->referent, true);
	text_tidy(&c->instructions, false);
	text_tidy(&c->forbidden_zones, false);
	text_tidy(&c->notes, false);
	/* Keep the first number first: one phone typed in the second box is the phone. */
	if (!c->phone && c->phone2) {
		c->phone = c->phone2;
		c->phone2 = NULL;
	}
}

/* The fields only a coordinator or a manager may set, compared with what is stored (or with a
 * new file's defaults). NULL when nothing restricted changes. */
static const char *restricted_change(const client_file *c, const client_file *old)
{
	int old_status = old ? old->status : CLIENT_PROSPECT;
	if (c->status != old_status)
		return "status";
	if (!same_text(c->referent, old ? old->referent : NULL))
		return "referent";
	if (!same_text(c->instructions, old ? old->instructions : NULL))
		return "instructions";
	if (!same_text(c->forbidden_zones, old ? old->forbidden_zones : NULL))
		return "forbidden_zones";
	return NULL;
}

/* A restricted field changed: the roles table says who may, on that field. */
static int check_care(app *a, const char *field, cerr *e)
{
	int r = role_check(a, AREA_CLIENT_CARE, ACCESS_WRITE, e);
	if (r && e)
		snprintf(e->field, sizeof e->field, "%s", field);
	return r;
}

/* Calls from the client's numbers that came before its file (or before the number was on it)
 * belong to it too (S2): link them, counting them in c->calls_linked. */
static int link_earlier_calls(app *a, client_file *c, cerr *e)
{
	const char *phones[] = {c->phone, c->phone2};
	c->calls_linked = 0;
	for (size_t i = 0; i < ARRAY_LEN(phones); i++) {
		int64_t n = 0;
		int r = db_calls_link_phone(a->db, c->id, phones[i], &n, e);
		if (r)
			return r;
		c->calls_linked += n;
	}
	return ST_OK;
}

int client_create(app *a, client_file *c, cerr *e)
{
	int r = role_check(a, AREA_CLIENTS, ACCESS_WRITE, e);
	if (r)
		return r;
	if ((r = check_fields(a, c, NULL, e)))
		return r;
	normalise(c);
	const char *field = restricted_change(c, NULL);
	if (field && (r = check_care(a, field, e)))
		return r;
	c->created_at = app_now(a);
	c->has_needs = false;
	if ((r = db_begin(a->db, e)))
		return r;
	if (!(r = db_client_insert(a->db, c, e)))
		r = link_earlier_calls(a, c, e);
	return db_end(a->db, r, e);
}

int client_update(app *a, const client_file *base, client_file *c, cerr *e)
{
	int r = role_check(a, AREA_CLIENTS, ACCESS_WRITE, e);
	if (r)
		return r;
	app_now(a);
	if ((r = db_begin(a->db, e)))
		return r;
	client_file old, cur;
	client_init(&old);
	client_init(&cur);
	r = db_client_get(a->db, c->id, &old, e);
	if (!r)
		r = db_client_get(a->db, c->id, &cur, e);
	if (!r)
		r = check_fields(a, c, old.referent, e);
	if (!r) {
		/* What the person changed, and only that, over the file as stored now. */
		normalise(c);
		r = record_merge(&client_record, &cur, base ? base : &old, c, e);
	}
	if (!r) {
		const char *field = restricted_change(&cur, &old);
		if (field)
			r = check_care(a, field, e);
	}
	if (!r)
		r = db_client_update(a->db, &cur, e);
	if (!r)
		r = link_earlier_calls(a, &cur, e);
	c->calls_linked = cur.calls_linked;
	client_free(&old);
	client_free(&cur);
	return db_end(a->db, r, e);
}

/* Each step stores what it changes (nothing, when nothing does). */
RECORD_OPS(client_ops, client_file, AREA_CLIENTS, client_init, client_free, db_client_get, NULL);

static int do_status(app *a, void *rec, void *arg, cerr *e)
{
	client_file *c = rec;
	int status = *(const int *)arg;
	if (c->status == status)
		return ST_OK;
	c->status = status;
	return db_client_update(a->db, c, e);
}

int client_set_status(app *a, int64_t id, int status, cerr *e)
{
	int r = role_check(a, AREA_CLIENT_CARE, ACCESS_WRITE, e);
	if (r)
		return r;
	if (enum_name(&client_statuses, status)[0] == '\0')
		return err_set(e, ST_INVALID, "status", _("must be prospect, active or former"));
	return record_change(a, &client_ops, id, do_status, &status, e);
}

int client_get(app *a, int64_t id, client_file *out, cerr *e)
{
	return ROLE_READ(a, AREA_CLIENTS, e, db_client_get(a->db, id, out, e));
}

int client_require(app *a, int64_t id, const char *field, cerr *e)
{
	bool yes = false;
	int r = db_client_exists(a->db, id, &yes, e);
	if (r)
		return r;
	return yes ? ST_OK : err_set(e, ST_INVALID, field, _("no client %lld"), (long long)id);
}

/* ---- needs analysis (O1) ---- */

int client_check_needs(app *a, const needs_analysis *n, cerr *e)
{
	(void)a;
	int r;
	if ((r = text_check(n->services, "services", TEXT_MAX, true, e)))
		return r;
	if (n->hours_per_week < 0 || n->hours_per_week > HOURS_MAX)
		return err_set(e, ST_INVALID, "hours_per_week",
		               _("must be between 0 and 168 hours a week"));
	if ((r = text_check(n->days_times, "days_times", TEXT_MAX, false, e)) ||
	    (r = text_check(n->constraints, "constraints", TEXT_MAX, false, e)) ||
	    (r = text_check(n->autonomy, "autonomy", TEXT_MAX, false, e)) ||
	    (r = text_check(n->household, "household", TEXT_MAX, false, e)) ||
	    (r = text_check(n->notes, "notes", TEXT_MAX, false, e)))
		return r;
	return ST_OK;
}

int client_set_needs(app *a, const needs_analysis *base, needs_analysis *n, cerr *e)
{
	int r = role_check(a, AREA_NEEDS, ACCESS_WRITE, e);
	if (r)
		return r;
	if ((r = client_check_needs(a, n, e)))
		return r;
	text_tidy(&n->services, false);
	text_tidy(&n->days_times, false);
	text_tidy(&n->constraints, false);
	text_tidy(&n->autonomy, false);
	text_tidy(&n->household, false);
	text_tidy(&n->notes, false);
	free(n->analysed_by);
	n->analysed_by = xstrdup(a->login);
	n->analysed_on = app_today(a);
	if ((r = db_begin(a->db, e)))
		return r;
	bool yes = false;
	r = db_client_exists(a->db, n->client_id, &yes, e);
	if (!r && !yes)
		r = err_set(e, ST_NOT_FOUND, "id", _("no client %lld"), (long long)n->client_id);
	needs_analysis cur;
	needs_init(&cur);
	if (!r && base && db_needs_get(a->db, n->client_id, &cur, NULL) == ST_OK) {
		/* Revising the analysis the person had on screen: only what they changed, over
		 * the analysis as stored now (another desk may have revised it meanwhile). */
		r = record_merge(&needs_record, &cur, base, n, e);
		if (!r) {
			free(cur.analysed_by);
			cur.analysed_by = xstrdup(n->analysed_by);
			cur.analysed_on = n->analysed_on;
			r = db_needs_set(a->db, &cur, e);
		}
	} else if (!r) {
		r = db_needs_set(a->db, n, e);
	}
	needs_free(&cur);
	return db_end(a->db, r, e);
}

int client_get_needs(app *a, int64_t client_id, needs_analysis *out, cerr *e)
{
	return ROLE_READ(a, AREA_NEEDS, e, db_needs_get(a->db, client_id, out, e));
}

/* ---- lists ---- */

int client_page(app *a, const client_filter *f, const client_file *from, bool backward, int limit,
		client_file **rows, size_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_CLIENTS, e,
			 db_clients_page(a->db, f, from, backward, limit, rows, n, e));
}

int client_each(app *a, const client_filter *f, int (*fn)(const client_file *c, void *arg),
		void *arg, cerr *e)
{
	return ROLE_READ(a, AREA_CLIENTS, e, db_clients_each(a->db, f, fn, arg, e));
}

int client_count(app *a, const client_filter *f, int64_t *n, cerr *e)
{
	return ROLE_READ(a, AREA_CLIENTS, e, db_clients_count(a->db, f, n, e));
}

/* ---- history (S2) ---- */

/* How each kind of event of a client's history reads: each area gives its own beside its
 * rules (AREA_history_kinds[], ended by a row with no source; struct history_kind in core.h);
 * here only the list of areas. */
static const history_kind client_history_kinds[] = {
	{"client", "created", N_("Client file"), N_("client file created"), "---"},
	{"needs", "analysed", N_("Needs"), N_("needs analysed by %s: %s (%s h a week)"), "tth"},
	{NULL, NULL, NULL, NULL, ""},
};

static const history_kind *const history_areas[] = {client_history_kinds, call_history_kinds,
						     quote_history_kinds, contract_history_kinds,
						     visit_history_kinds, complaint_history_kinds,
						     planning_history_kinds, followup_history_kinds};

static const history_kind *history_kind_of(const char *source, const char *event)
{
	for (size_t i = 0; i < ARRAY_LEN(history_areas); i++)
		for (const history_kind *k = history_areas[i]; k->source; k++)
			if (!strcmp(k->source, source) && !strcmp(k->event, event))
				return k;
	return NULL;
}

/* Stored words the history shows, for the catalog (contract kinds). */
static const char *const history_vocabulary[] __attribute__((unused)) = {
	N_("recurring"),
	N_("one-off"),
};

/* One column as people read it, into buf. */
static const char *show_col(char conv, const char *v, char *buf, size_t n)
{
	switch (conv) {
	case 'a':
	case 'h': {
		if (!*v)
			return "";
		char *end;
		long long x = strtoll(v, &end, 10);
		if (*end)
			return v;
		if (conv == 'a') {
			char out[32];
			fmt_amount(x, out);
			snprintf(buf, n, "%s", out);
		} else {
			char out[24];
			fmt_hundredths_human(x, out);
			snprintf(buf, n, "%s", out);
		}
		return buf;
	}
	case 'd': {
		cday day;
		if (!date_from_text(v, &day))
			return v;
		char out[11];
		fmt_date_human(day, out);
		snprintf(buf, n, "%s", out);
		return buf;
	}
	case 'w':
		return *v ? _(v) : "";
	case '-':
		return "";
	default:
		return v;
	}
}

struct history_relay {
	int (*fn)(const client_event *ev, void *arg);
	void *arg;
};

static int relay_event(const db_client_event *raw, void *arg)
{
	struct history_relay *hr = arg;
	client_event ev = {NO_MINUTE, false,       raw->source, raw->event,
	                   raw->ref,  raw->row_id, NULL,        NULL};
	cday day;
	if (datetime_from_text(raw->at, &ev.at))
		ev.has_time = true;
	else if (date_from_text(raw->at, &day))
		ev.at = cal_at(day, 0);
	const history_kind *k = history_kind_of(raw->source, raw->event);
	strbuf detail = {0};
	if (k) {
		char b0[40], b1[40], b2[40];
		const char *c0 = show_col(k->conv[0], raw->cols[0], b0, sizeof b0);
		const char *c1 = show_col(k->conv[1], raw->cols[1], b1, sizeof b1);
		const char *c2 = show_col(k->conv[2], raw->cols[2], b2, sizeof b2);
		/* The format is ours (a translated constant) and takes at most three strings;
		 * printf ignores the arguments a shorter format leaves over. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		sb_addf(&detail, _(k->detail), c0, c1, c2);
#pragma GCC diagnostic pop
		ev.label = _(k->label);
	} else { /* a source without words yet: its columns as they are */
		sb_addf(&detail, "%s %s %s", raw->cols[0], raw->cols[1], raw->cols[2]);
		ev.label = raw->source;
	}
	/* An empty last part leaves "...: " behind: drop it. */
	while (detail.len && strchr(" :", detail.s[detail.len - 1]))
		detail.s[--detail.len] = '\0';
	char *clean = str_trim(text_printable(sb_str(&detail)));
	sb_free(&detail);
	ev.detail = clean;
	int stop = hr->fn(&ev, hr->arg);
	free(clean);
	return stop;
}

int client_history(app *a, int64_t id, int (*fn)(const client_event *ev, void *arg), void *arg,
		   cerr *e)
{
	if (role_check(a, AREA_CLIENTS, ACCESS_READ, e))
		return ST_DENIED;
	bool yes = false;
	int r = db_client_exists(a->db, id, &yes, e);
	if (r)
		return r;
	if (!yes)
		return err_set(e, ST_NOT_FOUND, "id", _("no client %lld"), (long long)id);
	struct history_relay hr = {fn, arg};
	return db_client_history(a->db, id, relay_event, &hr, e);
}

/* This area's charter findings (audit.c gathers every area's; db/findings.c has their queries). */
const audit_rule client_rules[] = {
	{"O1", "needs-missing", "client", N_("a rigorous analysis of the client's needs"),
	 N_("%s has a quote or a contract but no needs analysis%s%s"),
	 {"clients", "needs", "quotes", "contracts"}, AUDIT_UNTIMED},
	{"S1", "referent-missing", "client", N_("a named referent for each client"),
	 N_("%s: active client without an active referent%s%s"), {"clients", "staff"}, AUDIT_UNTIMED},
	{NULL, NULL, NULL, NULL, NULL, {NULL}, AUDIT_UNTIMED},
};

/* A client file's and a needs analysis's fields as the history shows them. */
RECORD_DESC(client_record, "clients",
	    COLUMN("id", "", FIELD_HIDDEN),
	    EDITED("civility", N_("Civility"), FIELD_TEXT, client_file, civility),
	    EDITED("name", N_("Name"), FIELD_TEXT, client_file, name),
	    EDITED("first_name", N_("First name"), FIELD_TEXT, client_file, first_name),
	    EDITED("address", N_("Address"), FIELD_TEXT, client_file, address),
	    EDITED("phone", N_("Phone"), FIELD_PHONE, client_file, phone),
	    EDITED("phone2", N_("Second phone"), FIELD_PHONE, client_file, phone2),
	    EDITED("email", N_("Email"), FIELD_TEXT, client_file, email),
	    ENUM_EDITED("status", N_("Status"), &client_statuses, client_file, status),
	    EDITED("referent", N_("Referent"), FIELD_STAFF, client_file, referent),
	    EDITED("instructions", N_("Instructions"), FIELD_TEXT, client_file, instructions),
	    EDITED("forbidden_zones", N_("Forbidden zones"), FIELD_TEXT, client_file, forbidden_zones),
	    EDITED("wants_quote", N_("Asked for a quote"), FIELD_FLAG, client_file, wants_quote),
	    EDITED("notes", N_("Notes"), FIELD_TEXT, client_file, notes),
	    COLUMN("created_at", N_("Created"), FIELD_DATETIME),
	    COLUMN("name_key", "", FIELD_HIDDEN),
	    COLUMN("first_key", "", FIELD_HIDDEN));

RECORD_DESC(needs_record, "needs",
	    COLUMN("client_id", N_("Client no."), FIELD_TEXT),
	    EDITED("services", N_("Services"), FIELD_TEXT, needs_analysis, services),
	    EDITED("hours_per_week", N_("Hours a week"), FIELD_HOURS, needs_analysis, hours_per_week),
	    EDITED("days_times", N_("Days and times"), FIELD_TEXT, needs_analysis, days_times),
	    EDITED("constraints", N_("Constraints"), FIELD_TEXT, needs_analysis, constraints),
	    EDITED("autonomy", N_("Autonomy"), FIELD_TEXT, needs_analysis, autonomy),
	    EDITED("household", N_("Household"), FIELD_TEXT, needs_analysis, household),
	    EDITED("notes", N_("Notes"), FIELD_TEXT, needs_analysis, notes),
	    COLUMN("analysed_by", N_("Analysed by"), FIELD_STAFF),
	    COLUMN("analysed_on", N_("Analysed on"), FIELD_DATE));
