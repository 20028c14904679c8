/* view_needs_form.c — the form of a client's needs analysis (O1), opened with `e` on the Needs
 * tab of the file by a coordinator or a manager. Each field is checked by client_check_needs as
 * it is left; F10 stores it through client_set_needs, which records who analysed and when. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "charte/client.h"
#include "dialog.h"
#include "form.h"
#include "frame.h"

typedef struct needs_form {
	app *a;
	form f;
	int64_t client_id;
	bool existed;  /* replacing an earlier analysis */
	needs_analysis old; /* that analysis as the form opened it: the edit writes what changed */
	char *title;
} needs_form;

/* The hours typed, in hundredths; the reason when they are not a number. */
static int parse_hours(const char *text, int64_t *out, cerr *e)
{
	*out = 0;
	if (str_blank(text))
		return ST_OK; /* not known yet: 0 */
	char *t = str_trim(xstrdup(text));
	const char *why = parse_hundredths(t, out);
	free(t);
	return why ? err_set(e, ST_INVALID, "hours_per_week", "%s", _(why)) : ST_OK;
}

/* The text fields and the members of the analysis they fill. */
static const form_member members[] = {
	FORM_MEMBER("services", needs_analysis, services),
	FORM_MEMBER("days_times", needs_analysis, days_times),
	FORM_MEMBER("constraints", needs_analysis, constraints),
	FORM_MEMBER("autonomy", needs_analysis, autonomy),
	FORM_MEMBER("household", needs_analysis, household),
	FORM_MEMBER("notes", needs_analysis, notes),
};

/* Check field i alone through the domain: an analysis neutral but for that field. */
static int check(form *f, size_t i, cerr *e)
{
	needs_form *nf = f->ctx;
	const char *name = f->fields[i]->name;
	needs_analysis n;
	needs_init(&n);
	n.client_id = nf->client_id;
	n.services = "-";
	char *text = form_text(f, name);
	int r = ST_OK;
	char **slot = form_member_of(&n, members, ARRAY_LEN(members), name);
	if (slot)
		*slot = text;
	else if (!strcmp(name, "hours_per_week"))
		r = parse_hours(text, &n.hours_per_week, e);
	if (!r)
		r = client_check_needs(nf->a, &n, e);
	free(text);
	return r;
}

/* The fields, holding analysis n (empty when there is none yet). */
static void build(needs_form *nf, const needs_analysis *n)
{
	char hours[24] = "";
	if (nf->existed)
		fmt_hundredths_human(n->hours_per_week, hours);
	form *f = &nf->f;
	form_init(f, nf);
	f->check = check;
	form_add_text(f, "services", _("Services wanted"), n->services, 0);
	form_add_text(f, "hours_per_week", _("Hours per week"), hours, 8)->format =
		lang_french ? _("hours, e.g. 4,5") : _("hours, e.g. 4.5");
	form_add_text(f, "days_times", _("Days and times"), n->days_times, 0);
	form_add_text(f, "constraints", _("Constraints"), n->constraints, 0);
	form_add_text(f, "autonomy", _("Autonomy"), n->autonomy, 0);
	form_add_text(f, "household", _("Household"), n->household, 0);
	form_add_text(f, "notes", _("Notes"), n->notes, 0);
	form_focus(f, 0);
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	needs_form *nf = xcalloc(1, sizeof *nf);
	nf->a = tui_app(t);
	nf->client_id = *(int64_t *)arg;
	client_file c;
	client_init(&c);
	int r = client_get(nf->a, nf->client_id, &c, e);
	if (r) {
		client_free(&c);
		free(nf);
		return r;
	}
	char *name = client_display_name(&c);
	client_free(&c);
	needs_analysis n;
	needs_init(&n);
	cerr ne;
	err_clear(&ne);
	nf->existed = client_get_needs(nf->a, nf->client_id, &n, &ne) == ST_OK;
	nf->title = text_elide(xasprintf(_("Needs analysis of %s"), name));
	free(name);
	build(nf, &n);
	nf->old = n; /* kept: the base of the edit (needs_free at close) */
	v->data = nf;
	return ST_OK;
}

static void draw(tui *t, view *v, rect r)
{
	needs_form *nf = v->data;
	draw_text(r.y, 1, r.w - 2, nf->title, style_attr(S_HEADER));
	const app *a = tui_app(t);
	char *who = xasprintf(_("analysed by %s, today"),
			      app_who(a));
	draw_text_right(r.y + 1, 1, r.w - 2, who, style_attr(S_DIM));
	free(who);
	form_draw(&nf->f, t, (rect){r.y + 2, 2, r.h - 2, r.w - 4});
}

/* Another desk changed the analysis while it was typed: the analysis as stored now becomes the
 * base, the form showing it but for what the person typed, so that the next F10 saves what they
 * chose. */
static void rebase(needs_form *nf)
{
	needs_analysis now;
	needs_init(&now);
	cerr ignored;
	if (client_get_needs(nf->a, nf->client_id, &now, &ignored)) {
		needs_free(&now);
		return;
	}
	needs_free(&nf->old);
	nf->old = now;
	nf->existed = true;
	form typed = nf->f;
	build(nf, &nf->old);
	form_keep_typed(&nf->f, &typed);
}

static void save(tui *t, view *v)
{
	needs_form *nf = v->data;
	if (!form_view_valid(t, &nf->f))
		return;
	form *f = &nf->f;
	needs_analysis n;
	needs_init(&n);
	n.client_id = nf->client_id;
	form_read_members(f, &n, members, ARRAY_LEN(members));
	char *hours = form_text(f, "hours_per_week");
	cerr e;
	err_clear(&e);
	parse_hours(hours, &n.hours_per_week, &e); /* checked above */
	free(hours);
	int r = client_set_needs(nf->a, nf->existed ? &nf->old : NULL, &n, &e);
	needs_free(&n);
	if (r == ST_CONFLICT)
		rebase(nf);
	if (r) {
		form_save_failed(t, f, &e);
		return;
	}
	tui_pop(t); /* nf is gone */
	tui_changed(t);
	tui_msg(t, "%s", _("Needs analysis saved"));
}

/* Esc on a changed form asks this first. */
static const char *leave(view *v)
{
	(void)v;
	return _("Leave without saving the needs analysis?");
}

static const struct form_view_ops needs_form_view = {
	.form_at = offsetof(needs_form, f),
	.save = save,
	.leave = leave,
};

static void close_form(tui *t, view *v)
{
	needs_form *nf = v->data;
	form_free(&nf->f);
	needs_free(&nf->old);
	free(nf->title);
	free(nf);
}

const struct view_ops view_needs_form_ops = {
	.name = "needs-form",
	.title = N_("Needs analysis"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = draw,
	.form = &needs_form_view,
	.close = close_form,
};
