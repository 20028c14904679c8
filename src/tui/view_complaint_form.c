/* view_complaint_form.c — recording a complaint or an anomaly (the client, chosen by searching
 * as you type, or the one whose file it was opened from; the day received, the category, the
 * channel, the severity, the worker it is about, the anomaly box, what happened), and the small
 * forms of what a complaint's page records: an action (day, what was done), the answer given
 * (day, text), the closing (day). The rules are the domain's (complaint.h): F10 saves; a
 * refusal shows under the field it names and keeps what was typed. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/client.h"
#include "charte/complaint.h"
#include "complaints.h"
#include "form.h"
#include "frame.h"
#include "picker.h"

/* ---- what the area's forms share (complaints.h) ---- */

const char *complaints_date_format(void)
{
	return lang_french ? _("DD/MM/YYYY") : _("YYYY-MM-DD");
}

const char *complaints_form_day(form *f, const char *name, cday latest, cday *day)
{
	char *text = form_text(f, name);
	*day = NO_DAY;
	const char *why = str_blank(text) ? N_("must not be empty") : parse_date(str_trim(text), day);
	free(text);
	if (!why && latest != NO_DAY && *day > latest)
		why = N_("is later than today");
	return why;
}

const char *complaints_form_required(form *f, const char *name)
{
	char *text = form_text(f, name);
	const char *why = str_blank(text) ? N_("must not be empty") : NULL;
	free(text);
	return why;
}

/* A choice field changed with Space or the arrows. */
static field *add_choice(form *f, const char *name, const char *label, const char *const *items,
			 size_t n, int choice)
{
	field *fd = form_add_choice(f, name, label, items, (int)n, choice);
	fd->format = _("Space or ←/→ to change");
	return fd;
}

field *complaints_add_category(form *f, app *a, const char *code, complaint_category **cats,
			       size_t *n)
{
	complaint_categories(a, cats, n, NULL);
	const char **items = xcalloc(*n ? *n : 1, sizeof *items);
	int choice = 0;
	for (size_t i = 0; i < *n; i++) {
		items[i] = complaint_category_label(*cats, *n, (*cats)[i].code);
		if (code && !strcmp((*cats)[i].code, code))
			choice = (int)i;
	}
	field *fd = add_choice(f, "category", _("Category"), items, *n, choice);
	free(items);
	return fd;
}

const char *complaints_category_chosen(form *f, const complaint_category *cats, size_t n)
{
	int i = form_choice(f, "category");
	return i >= 0 && (size_t)i < n ? cats[i].code : "";
}

/* ---- a new complaint ---- */

typedef struct complaint_form {
	app *a;
	form f;
	complaint_category *cats;
	size_t ncats;
} complaint_form;

static const int channels[] = {CHANNEL_PHONE,  CHANNEL_LETTER, CHANNEL_EMAIL,
			       CHANNEL_HOME,   CHANNEL_SURVEY, CHANNEL_FOLLOWUP};
static const int severities[] = {SEVERITY_LOW, SEVERITY_MEDIUM, SEVERITY_HIGH};

static int check(form *f, size_t i, cerr *e)
{
	complaint_form *cf = f->ctx;
	const char *name = f->fields[i]->name;
	const char *why = NULL;
	cday day;
	if (!strcmp(name, "client") && !form_pick_id(f, "client"))
		why = N_("which client? type a few letters of the name to choose");
	else if (!strcmp(name, "on"))
		why = complaints_form_day(f, "on", app_today(cf->a), &day);
	else if (!strcmp(name, "worker")) {
		char *text = form_text(f, "worker");
		long n;
		if (!str_blank(text))
			why = parse_int(str_trim(text), 1, 999999999999L, &n);
		free(text);
	} else if (!strcmp(name, "text"))
		why = complaints_form_required(f, "text");
	return why ? err_set(e, ST_INVALID, name, "%s", _(why)) : ST_OK;
}

/* A choice among values[0..n) of an enum, shown by their labels. */
static void add_enum_choice(form *f, const char *name, const char *label, const enum_table *table,
			    const int *values, size_t n, int choice)
{
	const char **items = xcalloc(n, sizeof *items);
	for (size_t i = 0; i < n; i++)
		items[i] = enum_label(table, values[i]);
	add_choice(f, name, label, items, n, choice);
	free(items);
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	(void)e;
	complaint_form *cf = form_view_new(v, sizeof *cf, check);
	cf->a = tui_app(t);
	form *f = &cf->f;
	int64_t client_id = arg ? *(int64_t *)arg : 0;
	client_file cl;
	client_init(&cl);
	cerr ce;
	err_clear(&ce);
	char *shown = client_id && !client_get(cf->a, client_id, &cl, &ce) ? picker_client_label(&cl)
									     : NULL;
	char *value = client_id ? xasprintf("%lld", (long long)client_id) : NULL;
	field *client = form_add_pick(f, "client", _("Client"), &picker_clients, client_id, value,
				      shown);
	client->width = 30;
	client->format = _("type to search");
	free(shown);
	free(value);
	client_free(&cl);
	char today[11];
	fmt_date_human(app_today(cf->a), today);
	form_add_text(f, "on", _("Received on"), today, 11)->format = complaints_date_format();
	complaints_add_category(f, cf->a, NULL, &cf->cats, &cf->ncats);
	add_enum_choice(f, "channel", _("Channel"), &complaint_channels, channels,
			ARRAY_LEN(channels), 0);
	add_enum_choice(f, "severity", _("Severity"), &complaint_severities, severities,
			ARRAY_LEN(severities), 1);
	form_add_text(f, "worker", _("Worker no."), "", 8)->format =
		_("optional: the number of the worker it is about");
	form_add_check(f, "anomaly", _("Anomaly noticed by the agency"), false);
	form_add_text(f, "text", _("What happened"), "", 0);
	form_focus(f, client_id ? 1 : 0);
	return ST_OK;
}

static void draw(tui *t, view *v, rect r)
{
	complaint_form *cf = v->data;
	draw_text(r.y, 1, r.w - 2, _("A complaint or an anomaly"), style_attr(S_HEADER));
	form_draw(&cf->f, t, (rect){r.y + 2, 2, r.h - 2, r.w - 4});
}

static void save(tui *t, view *v)
{
	complaint_form *cf = v->data;
	form *f = &cf->f;
	if (!form_view_valid(t, f))
		return;
	cerr e;
	err_clear(&e);
	complaint c;
	complaint_init(&c);
	c.client_id = form_pick_id(f, "client");
	complaints_form_day(f, "on", NO_DAY, &c.received_on); /* checked above */
	c.category = xstrdup(complaints_category_chosen(f, cf->cats, cf->ncats));
	c.channel = channels[form_choice(f, "channel")];
	c.severity = severities[form_choice(f, "severity")];
	char *worker_text = form_text(f, "worker");
	long n = 0;
	if (!str_blank(worker_text) && !parse_int(str_trim(worker_text), 1, 999999999999L, &n))
		c.worker_id = n;
	free(worker_text);
	c.anomaly = form_on(f, "anomaly");
	c.description = form_text(f, "text");
	if (complaint_create(cf->a, &c, &e)) {
		complaint_free(&c);
		form_save_failed(t, f, &e);
		return;
	}
	int64_t id = c.id;
	bool anomaly = c.anomaly;
	complaint_free(&c);
	tui_pop(t); /* cf is gone */
	tui_changed(t);
	tui_push(t, &view_complaint_ops, &id);
	if (anomaly)
		tui_msg(t, _("Anomaly %lld recorded"), (long long)id);
	else
		tui_msg(t, _("Complaint %lld recorded"), (long long)id);
}

static const char *leave(view *v)
{
	(void)v;
	return _("Leave without recording this complaint?");
}

static const struct form_view_ops complaint_form_view = {
	.form_at = offsetof(complaint_form, f),
	.save = save,
	.leave = leave,
};

static void close_form(tui *t, view *v)
{
	(void)t;
	complaint_form *cf = v->data;
	form_free(&cf->f);
	complaint_categories_free(cf->cats, cf->ncats);
	free(cf);
}

const struct view_ops view_complaint_form_ops = {
	.name = "complaint-form",
	.title = N_("Complaint"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = draw,
	.form = &complaint_form_view,
	.close = close_form,
};

/* ---- what a complaint's page records ---- */

/* The words of each small form, by kind: its title, the day's label, the text's (NULL: none),
 * what the message line says once it is recorded. */
static const struct step_words {
	const char *title, *on, *text, *done;
} step_words[] = {
    [CREC_ACTION] = {N_("An action taken about complaint %lld"), N_("Done on"),
		     N_("What was done"), N_("Action recorded on complaint %lld")},
    [CREC_ANSWER] = {N_("The answer given about complaint %lld"), N_("Answered on"), N_("Answer"),
		     N_("Answer recorded on complaint %lld")},
    [CREC_CLOSE] = {N_("Complaint %lld closed"), N_("Closed on"), NULL,
		    N_("Complaint %lld closed")},
};

/* One of the words above (a format of the complaint's number) made with its number. */
static char *step_text(const char *format, int64_t id)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	return xasprintf(_(format), (long long)id);
#pragma GCC diagnostic pop
}

typedef struct step_form {
	app *a;
	form f;
	int64_t id;
	enum complaint_record_kind kind;
} step_form;

struct step_open {
	int64_t id;
	enum complaint_record_kind kind;
};

static int step_check(form *f, size_t i, cerr *e)
{
	step_form *sf = f->ctx;
	const char *name = f->fields[i]->name;
	const char *why = NULL;
	cday day;
	if (!strcmp(name, "on"))
		why = complaints_form_day(f, "on", app_today(sf->a), &day);
	else if (!strcmp(name, "text"))
		why = complaints_form_required(f, "text");
	return why ? err_set(e, ST_INVALID, name, "%s", _(why)) : ST_OK;
}

static int step_open_form(tui *t, view *v, void *arg, cerr *e)
{
	(void)e;
	const struct step_open *so = arg;
	const struct step_words *w = &step_words[so->kind];
	step_form *sf = xcalloc(1, sizeof *sf);
	sf->a = tui_app(t);
	sf->id = so->id;
	sf->kind = so->kind;
	form *f = &sf->f;
	form_init(f, sf);
	f->check = step_check;
	char today[11];
	fmt_date_human(app_today(sf->a), today);
	form_add_text(f, "on", _(w->on), today, 11)->format = complaints_date_format();
	if (w->text)
		form_add_text(f, "text", _(w->text), "", 0);
	form_focus(f, w->text ? 1 : 0);
	v->data = sf;
	return ST_OK;
}

static void step_draw(tui *t, view *v, rect r)
{
	step_form *sf = v->data;
	char *title = step_text(step_words[sf->kind].title, sf->id);
	draw_text(r.y, 1, r.w - 2, title, style_attr(S_HEADER));
	free(title);
	form_draw(&sf->f, t, (rect){r.y + 2, 2, r.h - 2, r.w - 4});
}

static void step_save(tui *t, view *v)
{
	step_form *sf = v->data;
	form *f = &sf->f;
	if (!form_view_valid(t, f))
		return;
	cerr e;
	err_clear(&e);
	cday on;
	complaints_form_day(f, "on", NO_DAY, &on); /* checked above */
	char *text = step_words[sf->kind].text ? form_text(f, "text") : NULL;
	int r = sf->kind == CREC_ACTION   ? complaint_act(sf->a, sf->id, on, text, NULL, &e)
		: sf->kind == CREC_ANSWER ? complaint_answer(sf->a, sf->id, on, text, &e)
					  : complaint_close(sf->a, sf->id, on, &e);
	free(text);
	if (r) {
		form_save_failed(t, f, &e);
		return;
	}
	char *done = step_text(step_words[sf->kind].done, sf->id);
	tui_pop(t); /* sf is gone */
	tui_changed(t);
	tui_msg(t, "%s", done);
	free(done);
}

static const char *step_leave(view *v)
{
	(void)v;
	return _("Leave without recording it?");
}

static const struct form_view_ops step_form_view = {
	.form_at = offsetof(step_form, f),
	.save = step_save,
	.leave = step_leave,
};

static void step_close(tui *t, view *v)
{
	(void)t;
	step_form *sf = v->data;
	form_free(&sf->f);
	free(sf);
}

static const struct view_ops view_complaint_step_ops = {
	.name = "complaint-step",
	.title = N_("Complaint"),
	.actions = form_actions,
	.text_input = true,
	.open = step_open_form,
	.draw = step_draw,
	.form = &step_form_view,
	.close = step_close,
};

void complaint_record_form(tui *t, int64_t id, enum complaint_record_kind kind)
{
	struct step_open so = {id, kind};
	tui_push(t, &view_complaint_step_ops, &so);
}
