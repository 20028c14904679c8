/* view_planning_record.c — what continuity of service records from a worker's or a client's
 * file (issue 8, points 2, 5 and 7), each in a small form: an absence of the worker (from, to,
 * kind, note), after which the visits it leaves uncovered are shown on the Planning grid with
 * the way to replace them; a first meeting of a client and a worker with the agency's
 * representative (the service revalidated, the precise request, the forbidden zones, the day the
 * worker signed them); an entry of the client's liaison notebook (its text, the visit it is
 * about, a worker who wrote it). The rules are core's (planning.h): a refusal shows under the
 * field it names and keeps what was typed. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/client.h"
#include "charte/planning.h"
#include "charte/visit.h"
#include "charte/worker.h"
#include "dialog.h"
#include "form.h"
#include "frame.h"
#include "picker.h"
#include "planning.h"

/* The visits of the client offered for a notebook entry: the last fortnight's and today's. */
#define NOTE_VISITS 12
#define NOTE_VISIT_DAYS 14
#define UNCOVERED_SAID 8 /* the uncovered visits listed after an absence (the grid has all) */
#define NOTE_VISIT_ROWS 60 /* read in start order: the latest NOTE_VISITS of them offered */

typedef struct record_form {
	app *a;
	form f;
	enum planning_record kind;
	int64_t client_id, worker_id;
	char *title;
	int64_t visits[NOTE_VISITS]; /* PREC_NOTE: the visit of each choice after "none" */
} record_form;

static const char *const absence_kinds[] = {"leave", "sick", "training", "other"};

static const char *absence_kind_label(const char *kind)
{
	if (!kind || !strcmp(kind, "other"))
		return _("other");
	if (!strcmp(kind, "leave"))
		return _("leave");
	if (!strcmp(kind, "sick"))
		return _("sick");
	if (!strcmp(kind, "training"))
		return _("training");
	return kind;
}

static int check(form *f, size_t i, cerr *e)
{
	record_form *rf = f->ctx;
	const char *name = f->fields[i]->name;
	const char *why = NULL;
	cday day = NO_DAY;
	if (!strcmp(name, "from") || !strcmp(name, "to") || !strcmp(name, "on"))
		why = form_day(f, name, false, &day);
	else if (!strcmp(name, "signed"))
		why = form_day(f, name, true, &day);
	else if (!strcmp(name, "client") && !form_pick_id(f, "client"))
		why = N_("choose the client (type to search)");
	else if (!strcmp(name, "worker") && rf->kind == PREC_MEETING && !form_pick_id(f, "worker"))
		why = N_("choose the worker (type to search)");
	return why ? err_set(e, ST_INVALID, name, "%s", _(why)) : ST_OK;
}

/* What the form's open is given. */
struct record_open {
	enum planning_record kind;
	int64_t client_id, worker_id;
	const char *name; /* the client's or the worker's, as the file shows it */
};

static void build_absence(record_form *rf, form *f, const char *today)
{
	const char *kinds[ARRAY_LEN(absence_kinds)];
	for (size_t i = 0; i < ARRAY_LEN(absence_kinds); i++)
		kinds[i] = absence_kind_label(absence_kinds[i]);
	form_add_text(f, "from", _("From"), today, 11)->format = form_date_format();
	form_add_text(f, "to", _("To (included)"), today, 11)->format = form_date_format();
	form_add_choice(f, "kind", _("Kind"), kinds, (int)ARRAY_LEN(kinds), 0)->format =
		_("Space or ←/→ to change");
	form_add_text(f, "note", _("Note"), "", 0);
	(void)rf;
}

static void build_meeting(record_form *rf, form *f, const char *name, const char *today)
{
	char client_ref[24], worker_ref[24];
	snprintf(client_ref, sizeof client_ref, "%lld", (long long)rf->client_id);
	snprintf(worker_ref, sizeof worker_ref, "%lld", (long long)rf->worker_id);
	form_add_pick(f, "client", _("Client"), &picker_clients, rf->client_id,
		      rf->client_id ? client_ref : NULL, rf->client_id ? name : NULL)
		->format = _("type to choose");
	form_add_pick(f, "worker", _("Worker"), &picker_workers, rf->worker_id,
		      rf->worker_id ? worker_ref : NULL, rf->worker_id ? name : NULL)
		->format = _("type to choose");
	char *me = picker_staff_label(rf->a, app_login(rf->a), false);
	form_add_pick(f, "representative", _("For the agency"), &picker_staff, 0, app_login(rf->a),
		      me)
		->format = _("type to choose");
	free(me);
	form_add_text(f, "on", _("Met on"), today, 11)->format = form_date_format();
	form_add_text(f, "service", _("Service revalidated"), "", 20)->format =
		_("a code of the catalogue (optional)");
	form_add_text(f, "request", _("Precise request"), "", 0);
	form_add_text(f, "forbidden-zones", _("Forbidden zones"), "", 0);
	form_add_text(f, "signed", _("Signed by the worker on"), today, 11)->format =
		_("empty: not signed yet");
}

/* The client's visits of the last fortnight and today, newest first: "none" first. */
static void build_note(record_form *rf, form *f)
{
	form_add_text(f, "text", _("Entry"), "", 0);
	visit_filter vf;
	visit_filter_init(&vf);
	vf.client_id = rf->client_id;
	vf.from = cal_at(app_today(rf->a) - NOTE_VISIT_DAYS, 0);
	vf.to = cal_at(app_today(rf->a) + 1, 0);
	visit *rows = NULL;
	size_t n = 0;
	if (visit_page(rf->a, &vf, NULL, false, NOTE_VISIT_ROWS, &rows, &n, NULL) != ST_OK) {
		visits_free(rows, n);
		rows = NULL;
		n = 0;
	}
	const char *items[NOTE_VISITS + 1];
	char *owned[NOTE_VISITS] = {0};
	int count = 0;
	items[count++] = _("none");
	for (size_t i = n; i-- > 0 && count <= NOTE_VISITS;) { /* the latest, newest first */
		char at[17];
		fmt_datetime_human(rows[i].starts, at);
		owned[count - 1] = xasprintf("%s %s", at, rows[i].worker_id ? rows[i].worker_name
									    : _("no worker"));
		rf->visits[count - 1] = rows[i].id;
		items[count] = owned[count - 1];
		count++;
	}
	form_add_choice(f, "visit", _("About the visit"), items, count, 0)->format =
		_("Space or ←/→ to change");
	for (int i = 0; i < count - 1; i++)
		free(owned[i]);
	visits_free(rows, n);
	form_add_pick(f, "worker", _("Written by a worker"), &picker_workers, 0, NULL, NULL)
		->format = _("empty: by you");
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	(void)e;
	const struct record_open *ro = arg;
	record_form *rf = form_view_new(v, sizeof *rf, check);
	rf->a = tui_app(t);
	rf->kind = ro->kind;
	rf->client_id = ro->client_id;
	rf->worker_id = ro->worker_id;
	const char *title = ro->kind == PREC_ABSENCE	 ? _("An absence of %s")
			    : ro->kind == PREC_MEETING ? _("A first meeting with %s")
						       : _("The liaison notebook of %s");
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	rf->title = text_elide(xasprintf(title, ro->name));
#pragma GCC diagnostic pop
	form *f = &rf->f;
	char today[11];
	fmt_date_human(app_today(rf->a), today);
	if (ro->kind == PREC_ABSENCE)
		build_absence(rf, f, today);
	else if (ro->kind == PREC_MEETING)
		build_meeting(rf, f, ro->name, today);
	else
		build_note(rf, f);
	/* A meeting from a file: the other party is what is left to choose. */
	form_focus(f, ro->kind == PREC_MEETING && rf->client_id ? 1 : 0);
	return ST_OK;
}

static void draw(tui *t, view *v, rect r)
{
	record_form *rf = v->data;
	draw_text(r.y, 1, r.w - 2, rf->title, style_attr(S_HEADER));
	const char *about =
		rf->kind == PREC_ABSENCE
			? _("The worker's visits on those days stay theirs until replaced: they are "
			    "shown next, uncovered.")
		: rf->kind == PREC_MEETING
			? _("Client, worker and agency meet before the first visit; the worker signs "
			    "the precise request (I5).")
			: _("Dated now, by you or the worker named; shown in the client file (I3).");
	int n = draw_wrapped((rect){r.y + 1, 1, 2, r.w - 2}, 0, about, style_attr(S_DIM));
	form_draw(&rf->f, t, (rect){r.y + 2 + n, 2, r.h - 2 - n, r.w - 4});
}

/* ---- Saving ---- */

/* After an absence: the visits it leaves uncovered, on the grid, and how to replace them. */
static void show_uncovered(tui *t, const char *title, visit *rows, size_t n)
{
	if (!n) {
		tui_msg(t, _("Recorded: %s; it leaves no visit uncovered"), title);
		return;
	}
	strbuf b = {0};
	sb_addf(&b,
		ngettext("%zu visit is left uncovered:", "%zu visits are left uncovered:", n), n);
	for (size_t i = 0; i < n && i < UNCOVERED_SAID; i++) {
		char at[17], to[6];
		fmt_datetime_human(rows[i].starts, at);
		fmt_clock(cal_minute_of_day(rows[i].ends), to);
		sb_addf(&b, "\n%s-%s  %s", at, to, rows[i].client_name);
	}
	if (n > UNCOVERED_SAID)
		sb_add(&b, "\n…");
	sb_add(&b, "\n\n");
	sb_add(&b, _("They are marked \"absent\" on the worker's Planning grid, shown now: W on "
		     "each offers the replacement candidates, best first."));
	planning_show_visit(t, &rows[0]);
	dialog_info(t, _("Visits to replace"), sb_str(&b));
	sb_free(&b);
}

static int save_absence(tui *t, record_form *rf, cerr *e)
{
	form *f = &rf->f;
	absence x;
	absence_init(&x);
	x.worker_id = rf->worker_id;
	form_day(f, "from", false, &x.from_day);
	form_day(f, "to", false, &x.to_day);
	int k = form_choice(f, "kind");
	x.kind = xstrdup(absence_kinds[k >= 0 ? k : 0]);
	x.note = form_text(f, "note");
	visit *rows = NULL;
	size_t n = 0;
	int r = absence_add(rf->a, &x, &rows, &n, e);
	absence_free(&x);
	if (!r) {
		char *title = xstrdup(rf->title);
		tui_pop(t); /* rf is gone */
		tui_changed(t);
		show_uncovered(t, title, rows, n);
		free(title);
	}
	visits_free(rows, n);
	return r;
}

static int save_meeting(record_form *rf, cerr *e)
{
	form *f = &rf->f;
	meeting m;
	meeting_init(&m);
	m.client_id = form_pick_id(f, "client");
	m.worker_id = form_pick_id(f, "worker");
	m.representative = form_text(f, "representative");
	form_day(f, "on", false, &m.met_on);
	form_day(f, "signed", true, &m.signed_on);
	m.service = form_text(f, "service");
	str_trim(m.service);
	m.request = form_text(f, "request");
	m.forbidden_zones = form_text(f, "forbidden-zones");
	int r = meeting_add(rf->a, &m, e);
	meeting_free(&m);
	return r;
}

static int save_note(record_form *rf, cerr *e)
{
	form *f = &rf->f;
	note_entry n;
	note_init(&n);
	n.client_id = rf->client_id;
	n.text = form_text(f, "text");
	int v = form_choice(f, "visit");
	n.visit_id = v > 0 ? rf->visits[v - 1] : 0;
	int64_t writer = form_pick_id(f, "worker");
	if (writer) {
		n.by_worker = true;
		n.author = xasprintf("%lld", (long long)writer);
	}
	int r = note_add(rf->a, &n, e);
	note_free(&n);
	return r;
}

static void save(tui *t, view *v)
{
	record_form *rf = v->data;
	if (!form_view_valid(t, &rf->f))
		return;
	cerr e;
	err_clear(&e);
	if (rf->kind == PREC_ABSENCE) { /* saved, it closes the form and says what follows */
		if (save_absence(t, rf, &e))
			form_save_failed(t, &rf->f, &e);
		return;
	}
	int r = rf->kind == PREC_MEETING ? save_meeting(rf, &e) : save_note(rf, &e);
	if (r) {
		form_save_failed(t, &rf->f, &e);
		return;
	}
	form_view_recorded(t, rf->title);
}

static void release(void *data)
{
	record_form *rf = data;
	free(rf->title);
}

static const struct form_view_ops record_form_view = {
	.form_at = offsetof(record_form, f),
	.save = save,
	.leave = form_view_leave_record,
	.release = release,
};

static const struct view_ops view_planning_record_ops = {
	.name = "planning-record",
	.title = N_("Planning"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = draw,
	.form = &record_form_view,
	.close = form_view_close,
};

void planning_record_form(tui *t, enum planning_record kind, int64_t client_id,
			  int64_t worker_id, const char *name)
{
	if (!tui_may(t, kind == PREC_NOTE ? AREA_NOTEBOOK : AREA_PLANNING))
		return;
	struct record_open ro = {kind, client_id, worker_id, name};
	tui_push(t, &view_planning_record_ops, &ro);
}

const char *planning_absence_kind(const char *kind)
{
	return absence_kind_label(kind);
}

char *planning_meeting_text(app *a, const meeting *m, bool on_client_file)
{
	strbuf b = {0};
	const char *who = on_client_file ? m->worker_name : m->client_name;
	char *rep = picker_staff_label(a, m->representative, false);
	if (*rep)
		sb_addf(&b, _("with %s, for the agency %s"), who ? who : "", rep);
	else
		sb_addf(&b, _("with %s"), who ? who : "");
	free(rep);
	if (m->service && *m->service)
		sb_addf(&b, _("; service %s"), m->service);
	if (m->request && *m->request)
		sb_addf(&b, _("; request: %s"), m->request);
	if (m->forbidden_zones && *m->forbidden_zones)
		sb_addf(&b, _("; forbidden zones: %s"), m->forbidden_zones);
	if (m->signed_on != NO_DAY) {
		char on[11];
		fmt_date_human(m->signed_on, on);
		sb_addf(&b, _("; signed by the worker on %s"), on);
	} else {
		sb_add(&b, _("; not signed by the worker yet"));
	}
	return b.s;
}
