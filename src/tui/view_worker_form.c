/* view_worker_form.c — the form of a worker file: `a` in Workers opens it new, `e` on a worker
 * opens it on that file. Each field is checked by the domain's worker_check as it is left (a
 * matricule or a badge another worker has is said at once); F10 saves through worker_create or
 * worker_update (only what was changed is written); a failed save keeps everything typed and
 * shows the reason under the field it concerns. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "charte/worker.h"
#include "form.h"
#include "frame.h"
#include "workers.h"

typedef struct worker_form {
	app *a;
	form f;
	int64_t id;  /* 0: a new worker */
	worker old;  /* as stored (a new one: the defaults) */
	char *title;
} worker_form;

/* The statuses in the order of the choice: WORKER_CANDIDATE.. WORKER_LEFT. */
#define STATUS_OF(choice) ((choice) + WORKER_CANDIDATE)
#define CHOICE_OF(status) ((status) - WORKER_CANDIDATE)

static const char *date_format(void)
{
	return lang_french ? _("DD/MM/YYYY") : _("YYYY-MM-DD");
}

/* The hire date as typed: NO_DAY for none; the reason when it is not a date. */
static const char *hired_of(form *f, cday *day)
{
	char *text = form_text(f, "hired");
	*day = NO_DAY;
	const char *why = str_blank(text) ? NULL : parse_date(str_trim(text), day);
	free(text);
	return why;
}

/* The text fields and the members of the worker they fill. */
static const form_member members[] = {
	FORM_MEMBER("name", worker, name),
	FORM_MEMBER_OR_NULL("matricule", worker, matricule),
	FORM_MEMBER_OR_NULL("badge", worker, badge),
	FORM_MEMBER_OR_NULL("phone", worker, phone),
	FORM_MEMBER("skills", worker, skills),
	FORM_MEMBER("notes", worker, notes),
};

/* Check field i alone: a worker that is neutral but for that field goes through worker_check,
 * so the rules (and the reasons) are the domain's. */
static int check(form *f, size_t i, cerr *e)
{
	worker_form *wf = f->ctx;
	const char *name = f->fields[i]->name;
	worker w;
	worker_init(&w);
	w.id = wf->id;
	w.name = "-";
	char *text = form_text(f, name);
	int r = ST_OK;
	if (!strcmp(name, "hired")) {
		const char *why = hired_of(f, &w.hired_on);
		if (why)
			r = err_set(e, ST_INVALID, "hired", "%s", _(why));
	} else if (!strcmp(name, "status")) {
		w.status = STATUS_OF(form_choice(f, "status"));
	} else {
		char **slot = form_member_of(&w, members, ARRAY_LEN(members), name);
		if (slot)
			*slot = text;
	}
	if (!r)
		r = worker_check(wf->a, &w, e);
	free(text);
	return r;
}

static void build(worker_form *wf)
{
	form *f = &wf->f;
	const worker *w = &wf->old;
	form_init(f, wf);
	f->check = check;
	char phone[32], hired[11];
	tui_fmt_phone(w->phone, phone);
	fmt_date_human(w->hired_on, hired);
	const char *statuses[] = {enum_label(&worker_statuses, WORKER_CANDIDATE),
				  enum_label(&worker_statuses, WORKER_ACTIVE),
				  enum_label(&worker_statuses, WORKER_LEFT)};
	/* Skills as typed: codes separated by commas. */
	char *skills = xstrdup(w->skills ? w->skills : "");
	for (char *p = skills; *p; p++)
		if (*p == ',')
			*p = ' ';
	form_add_text(f, "name", _("Name"), w->name, 36);
	form_add_text(f, "matricule", _("Matricule"), w->matricule, 16);
	form_add_text(f, "badge", _("Badge"), w->badge, 16);
	form_add_text(f, "phone", _("Phone"), phone, 20);
	form_add_text(f, "skills", _("Skills"), skills, 0)->format =
		_("codes: menage permis… (charte worker skills)");
	form_add_text(f, "hired", _("Hired on"), hired, 11)->format = date_format();
	form_add_choice(f, "status", _("Status"), statuses, 3, CHOICE_OF(w->status))->format =
		_("Space or ←/→ to change");
	form_add_text(f, "notes", _("Notes"), w->notes, 0);
	free(skills);
	form_focus(f, 0);
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	worker_form *wf = v->data = xcalloc(1, sizeof *wf);
	wf->a = tui_app(t);
	worker_init(&wf->old);
	if (arg) {
		int r = worker_get(wf->a, *(int64_t *)arg, &wf->old, e);
		if (r)
			return r; /* wf freed by close_form */
		wf->id = wf->old.id;
		wf->title = xasprintf(_("Edit worker %lld: %s"), (long long)wf->id, wf->old.name);
	} else {
		wf->title = xstrdup(_("New worker"));
	}
	build(wf);
	return ST_OK;
}

static void draw(tui *t, view *v, rect r)
{
	const worker_form *wf = v->data;
	form_page_draw(t, v, r, wf->title);
}

/* Another desk changed the worker while it was typed: the record as stored now becomes the
 * base, the form showing it but for what the person typed, so that the next F10 saves what they
 * chose. */
static void rebase(worker_form *wf)
{
	worker now;
	worker_init(&now);
	cerr ignored;
	if (worker_get(wf->a, wf->id, &now, &ignored)) {
		worker_free(&now);
		return;
	}
	worker_free(&wf->old);
	wf->old = now;
	form typed = wf->f;
	build(wf);
	form_keep_typed(&wf->f, &typed);
}

static void save(tui *t, view *v)
{
	worker_form *wf = v->data;
	if (!form_view_valid(t, &wf->f))
		return;
	form *f = &wf->f;
	worker w;
	worker_init(&w);
	w.id = wf->id;
	form_read_members(f, &w, members, ARRAY_LEN(members));
	hired_of(f, &w.hired_on); /* checked above */
	w.status = STATUS_OF(form_choice(f, "status"));
	/* Signatures are recorded on the page, not here: kept as they are. */
	w.ethics_signed_on = wf->old.ethics_signed_on;
	w.commitments_signed_on = wf->old.commitments_signed_on;
	cerr e;
	err_clear(&e);
	int r = wf->id ? worker_update(wf->a, &wf->old, &w, &e) : worker_create(wf->a, &w, &e);
	if (r == ST_CONFLICT && wf->id)
		rebase(wf);
	if (r) {
		form_save_failed(t, f, &e);
		worker_free(&w);
		return;
	}
	int64_t id = w.id;
	bool created = !wf->id;
	char *name = xstrdup(w.name);
	worker_free(&w);
	tui_pop(t); /* wf is gone */
	tui_changed(t);
	if (created) /* on to the new file, where the procedure comes next */
		tui_push(t, &view_worker_ops, &id);
	tui_msg(t, created ? _("Worker %lld created: %s") : _("Worker %lld saved: %s"),
		(long long)id, name);
	free(name);
}

static const char *leave(view *v)
{
	const worker_form *wf = v->data;
	return wf->id ? _("Leave without saving the changes to this worker?")
		      : _("Leave without creating this worker?");
}

static const struct form_view_ops worker_form_view = {
	.form_at = offsetof(worker_form, f),
	.save = save,
	.leave = leave,
};

static void close_form(tui *t, view *v)
{
	worker_form *wf = v->data;
	form_free(&wf->f);
	worker_free(&wf->old);
	free(wf->title);
	free(wf);
}

const struct view_ops view_worker_form_ops = {
	.name = "worker-form",
	.title = N_("Worker file"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = draw,
	.form = &worker_form_view,
	.close = close_form,
};
