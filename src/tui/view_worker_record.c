/* view_worker_record.c — what the page of a worker records with `a`, each in a small form: a
 * step of the selection procedure done (which, and when), a signature (when), a document (its
 * kind, when it was received, a criminal record extract's issue date, the path of its scan, a
 * note), a weekly availability (day, from, to). The rules are the domain's (worker.h): dates
 * not after today, no overlapping availability, documents for a coordinator or a manager. F10
 * saves; a refusal shows under the field it names and keeps what was typed. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "charte/contract.h"
#include "charte/worker.h"
#include "form.h"
#include "frame.h"
#include "workers.h"

typedef struct record_form {
	app *a;
	form f;
	int64_t id;
	enum worker_record_kind kind;
	char *title;
	char **step_codes; /* WREC_STEP: the code of each choice */
	size_t nsteps;
	int doc_kinds[4];  /* WREC_DOCUMENT: the kind of each choice */
} record_form;

struct record_open {
	int64_t id;
	const char *name;
	enum worker_record_kind kind;
};

static int check(form *f, size_t i, cerr *e)
{
	record_form *rf = f->ctx;
	const char *name = f->fields[i]->name;
	cday day;
	int m;
	const char *why = NULL;
	if (!strcmp(name, "on"))
		why = form_day(f, "on", false, &day);
	else if (!strcmp(name, "issued"))
		why = form_day(f, "issued", true, &day);
	else if (!strcmp(name, "from") || !strcmp(name, "to"))
		why = form_clock(f, name, &m);
	if (!why && (!strcmp(name, "on") || !strcmp(name, "issued")) && day != NO_DAY &&
	    day > app_today(rf->a))
		why = N_("is later than today");
	return why ? err_set(e, ST_INVALID, name, "%s", _(why)) : ST_OK;
}

static void build_step(record_form *rf, form *f, cerr *e)
{
	selection_step *steps = NULL;
	size_t n = 0;
	worker_procedure(rf->a, rf->id, &steps, &n, e);
	/* Only the steps this person may record: the criminal record's needs its own right. */
	const char **items = xcalloc(n ? n : 1, sizeof *items);
	rf->step_codes = xcalloc(n ? n : 1, sizeof *rf->step_codes);
	int first_not_done = -1;
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(steps[i].code, WORKER_STEP_CRIMINAL_RECORD) &&
		    !app_may(rf->a, AREA_CRIMINAL_RECORD, ACCESS_WRITE))
			continue;
		if (first_not_done < 0 && steps[i].done_on == NO_DAY)
			first_not_done = (int)rf->nsteps;
		rf->step_codes[rf->nsteps] = xstrdup(steps[i].code);
		items[rf->nsteps++] = steps[i].label;
	}
	form_add_choice(f, "step", _("Step"), items, (int)rf->nsteps,
			first_not_done < 0 ? 0 : first_not_done)
		->format = _("Space or ←/→ to change");
	free(items);
	selection_steps_free(steps, n);
}

static void build_document(record_form *rf, form *f)
{
	static const int kinds[] = {DOC_CV, DOC_ID, DOC_CRIMINAL_RECORD, DOC_OTHER};
	const char *items[4];
	int n = 0;
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++) {
		if (kinds[i] == DOC_CRIMINAL_RECORD &&
		    !app_may(rf->a, AREA_CRIMINAL_RECORD, ACCESS_WRITE))
			continue;
		rf->doc_kinds[n] = kinds[i];
		items[n++] = enum_label(&worker_doc_kinds, kinds[i]);
	}
	form_add_choice(f, "kind", _("Document"), items, n, 0)->format =
		_("Space or ←/→ to change");
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	const struct record_open *ro = arg;
	record_form *rf = form_view_new(v, sizeof *rf, check);
	rf->a = tui_app(t);
	rf->id = ro->id;
	rf->kind = ro->kind;
	static const char *const titles[WREC_COUNT] = {
		[WREC_STEP] = N_("A step of the selection procedure done: %s"),
		[WREC_ETHICS] = N_("The ethics and confidentiality commitment signed by %s"),
		[WREC_COMMITMENTS] = N_("The list of commitments signed by %s"),
		[WREC_DOCUMENT] = N_("A document of %s's file"),
		[WREC_AVAILABILITY] = N_("A weekly availability of %s"),
	};
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	rf->title = text_elide(xasprintf(_(titles[ro->kind]), ro->name));
#pragma GCC diagnostic pop
	form *f = &rf->f;
	char today[11];
	fmt_date_human(app_today(rf->a), today);
	switch (ro->kind) {
	case WREC_STEP:
		build_step(rf, f, e);
		form_add_text(f, "on", _("Done on"), today, 11)->format = form_date_format();
		break;
	case WREC_ETHICS:
	case WREC_COMMITMENTS:
		form_add_text(f, "on", _("Signed on"), today, 11)->format = form_date_format();
		break;
	case WREC_DOCUMENT:
		build_document(rf, f);
		form_add_text(f, "on", _("Received on"), today, 11)->format = form_date_format();
		form_add_text(f, "issued", _("Issued on"), "", 11)->format =
			_("a criminal record extract's issue date (else the day received)");
		form_add_text(f, "file", _("Scan (path)"), "", 0)->format =
			_("optional: the file is kept in the agency file");
		form_add_text(f, "note", _("Note"), "", 0);
		break;
	case WREC_AVAILABILITY: {
		const char *days[7];
		for (int d = 0; d < 7; d++)
			days[d] = contract_weekday_label(d + 1);
		form_add_choice(f, "day", _("Day"), days, 7, 0)->format =
			_("Space or ←/→ to change");
		form_add_text(f, "from", _("From"), "", 6)->format = _("HH:MM");
		form_add_text(f, "to", _("To"), "", 6)->format = _("HH:MM");
		break;
	}
	default: break;
	}
	return ST_OK;
}

static void draw(tui *t, view *v, rect r)
{
	const record_form *rf = v->data;
	form_page_draw(t, v, r, rf->title);
	if (rf->kind == WREC_COMMITMENTS)
		draw_text(r.y + 1, 1, r.w - 2, _("The list: charte worker commitments (data/)"),
			  style_attr(S_DIM));
}

static int record(record_form *rf, cerr *e)
{
	form *f = &rf->f;
	cday on = NO_DAY;
	form_day(f, "on", false, &on); /* checked before */
	switch (rf->kind) {
	case WREC_STEP: {
		int i = form_choice(f, "step");
		if (i < 0 || (size_t)i >= rf->nsteps)
			return err_set(e, ST_INVALID, "step", _("no step to record"));
		return worker_step_done(rf->a, rf->id, rf->step_codes[i], on, e);
	}
	case WREC_ETHICS: return worker_sign(rf->a, rf->id, WORKER_SIGN_ETHICS, on, e);
	case WREC_COMMITMENTS: return worker_sign(rf->a, rf->id, WORKER_SIGN_COMMITMENTS, on, e);
	case WREC_DOCUMENT: {
		worker_doc d;
		worker_doc_init(&d);
		d.worker_id = rf->id;
		d.kind = rf->doc_kinds[form_choice(f, "kind")];
		d.dated = on;
		form_day(f, "issued", true, &d.issued_on);
		d.note = form_text(f, "note");
		char *path = form_text(f, "file");
		str_trim(path);
		int r = worker_doc_add(rf->a, &d, *path ? path : NULL, e);
		free(path);
		worker_doc_free(&d);
		return r;
	}
	case WREC_AVAILABILITY: {
		worker_availability av = {0, rf->id, form_choice(f, "day") + 1, 0, 0};
		form_clock(f, "from", &av.starts);
		form_clock(f, "to", &av.ends);
		return worker_availability_add(rf->a, &av, e);
	}
	default: return ST_OK;
	}
}

static void save(tui *t, view *v)
{
	record_form *rf = v->data;
	if (!form_view_valid(t, &rf->f))
		return;
	cerr e;
	err_clear(&e);
	if (record(rf, &e)) {
		if (!form_show_error(&rf->f, &e))
			tui_error(t, &e);
		return;
	}
	form_view_recorded(t, rf->title);
}

static void release(void *data)
{
	record_form *rf = data;
	for (size_t i = 0; i < rf->nsteps; i++)
		free(rf->step_codes[i]);
	free(rf->step_codes);
	free(rf->title);
}

static const struct form_view_ops record_form_view = {
	.form_at = offsetof(record_form, f),
	.save = save,
	.leave = form_view_leave_record,
	.release = release,
};

static const struct view_ops view_worker_record_ops = {
	.name = "worker-record",
	.title = N_("Worker"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = draw,
	.form = &record_form_view,
	.close = form_view_close,
};

void worker_record_form(tui *t, int64_t id, const char *name, enum worker_record_kind kind)
{
	struct record_open ro = {id, name, kind};
	tui_push(t, &view_worker_record_ops, &ro);
}
