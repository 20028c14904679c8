/* view_survey_answer.c — entering the survey's paper (or phone) answers, one client after
 * another, on one screen: pick the client among those the campaign asks (searched as you
 * type), then one digit per question — typing it moves to the next question — and a comment;
 * F10 saves and clears the form for the next client. A client who already answered comes back
 * with those answers: saving replaces them (the history keeps the earlier ones). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/survey.h"
#include "form.h"
#include "frame.h"
#include "picker.h"
#include "views.h"

typedef struct answer_form {
	app *a;
	int year;
	survey_question *q;
	size_t nq;
	int64_t answered, asked;
	char names[64][8]; /* the questions' field names ("q1"...): a form keeps the pointers */
	form f; /* field 0 the client, 1..nq the questions, then the comment */
} answer_form;

/* ---- the clients the campaign asks, for the picker ---- */

/* The picker's source has no context of its own: the campaign being entered (one entry screen
 * is open at a time). */
static int picker_year;

static int asked_fetch(app *a, const char *search, const void *from, bool backward, int limit,
		       void **rows, size_t *n, cerr *e)
{
	survey_reply_filter f = {picker_year, str_blank(search) ? NULL : search};
	survey_reply *got = NULL;
	int r = backward ? survey_reply_page_before(a, &f, from, limit, &got, n, e)
			 : survey_reply_page(a, &f, from, limit, &got, n, e);
	*rows = got;
	return r;
}

static void asked_free(void *row)
{
	survey_reply_free(row);
}

static bool asked_same(const void *a, const void *b)
{
	return ((const survey_reply *)a)->client_id == ((const survey_reply *)b)->client_id;
}

static void asked_draw(const void *row, rect r, bool selected)
{
	const survey_reply *s = row;
	attr_t attr = style_row(s->answers ? S_DONE : S_NORMAL, selected);
	draw_fill(r.y, r.x, r.w, attr);
	char *name = xasprintf("%s (%lld)", s->client_name ? s->client_name : "",
			       (long long)s->client_id);
	int sw = 16;
	draw_cell(r.y, r.x + 1, r.w - sw - 3, name, attr);
	draw_cell(r.y, r.x + r.w - sw - 1, sw, s->answers ? _("answered") : _("to enter"), attr);
	free(name);
}

static void asked_chosen(const void *row, int64_t *id, char **value, char **shown)
{
	const survey_reply *s = row;
	*id = s->client_id;
	*value = NULL;
	*shown = xasprintf("%s (%lld)", s->client_name ? s->client_name : "",
			   (long long)s->client_id);
}

static const struct picker_source picker_asked = {
	.title = N_("Choose a client asked by the survey"),
	.hint = N_("Letters of the name or digits of the phone; ↑/↓ then Enter"),
	.none = N_("No client of this survey matches what is typed."),
	.row_size = sizeof(survey_reply),
	.fetch = asked_fetch,
	.free_row = asked_free,
	.same = asked_same,
	.draw = asked_draw,
	.chosen = asked_chosen,
};

/* ---- the form ---- */

static bool is_question(const answer_form *af, size_t i)
{
	return i >= 1 && i <= af->nq;
}

static int check(form *f, size_t i, cerr *e)
{
	answer_form *af = f->ctx;
	if (i == 0 && !form_pick_id(f, "client"))
		return err_set(e, ST_INVALID, "client", _("choose the client whose answers these are"));
	if (!is_question(af, i))
		return ST_OK;
	char *text = form_text(f, f->fields[i]->name);
	str_trim(text);
	bool ok = strlen(text) == 1 && text[0] >= '1' && text[0] <= '5';
	free(text);
	return ok ? ST_OK
		  : err_set(e, ST_INVALID, f->fields[i]->name,
			    _("a digit: 1 very satisfied, 2 satisfied, 3 dissatisfied, 4 very "
			      "dissatisfied, 5 no opinion"));
}

static void set_text(field *fl, const char *text)
{
	le_set(&fl->ed, text);
	sb_reset(&fl->error);
}

/* A client chosen: the answers already entered come back, to correct them. */
static void changed(form *f, size_t i)
{
	answer_form *af = f->ctx;
	if (i != 0)
		return;
	survey_reply r;
	survey_reply_init(&r);
	cerr e;
	err_clear(&e);
	int64_t id = form_pick_id(f, "client");
	bool known = id && survey_reply_get(af->a, af->year, id, &r, &e) == ST_OK && r.answers;
	for (size_t q = 0; q < af->nq; q++) {
		char digit[2] = {known && q < strlen(r.answers) ? r.answers[q] : '\0', '\0'};
		set_text(f->fields[1 + q], digit);
	}
	set_text(f->fields[af->nq + 1], known && r.comment ? r.comment : "");
	survey_reply_free(&r);
}

static void counts(answer_form *af)
{
	survey_campaign c;
	if (survey_campaign_get(af->a, af->year, &c, NULL) == ST_OK) {
		af->answered = c.answered;
		af->asked = c.asked;
		survey_campaign_free(&c);
	}
}

static int open_form(tui *t, view *v, void *arg, cerr *e)
{
	answer_form *af = xcalloc(1, sizeof *af);
	af->a = tui_app(t);
	af->year = (int)*(const int64_t *)arg;
	int r = survey_questions(af->a, af->year, &af->q, &af->nq, e);
	if (r) {
		free(af);
		return r;
	}
	counts(af);
	form *f = &af->f;
	form_init(f, af);
	f->check = check;
	f->changed = changed;
	form_add_pick(f, "client", _("Client"), &picker_asked, 0, NULL, NULL);
	if (af->nq > ARRAY_LEN(af->names))
		af->nq = ARRAY_LEN(af->names); /* the questionnaire has at most 40 */
	for (size_t i = 0; i < af->nq; i++) {
		snprintf(af->names[i], sizeof af->names[i], "q%u", (unsigned)(i + 1) % 100);
		char *label = xasprintf("%zu. %s", i + 1, survey_question_text(&af->q[i]));
		form_add_text(f, af->names[i], label, "", 2);
		free(label);
	}
	form_add_text(f, "comment", _("Comment"), "", 0);
	form_focus(f, 0);
	picker_year = af->year;
	v->data = af;
	return ST_OK;
}

static void draw(tui *t, view *v, rect r)
{
	answer_form *af = v->data;
	char *title = xasprintf(_("Survey %d: a client's answers (%lld of %lld entered)"), af->year,
				(long long)af->answered, (long long)af->asked);
	draw_text(r.y, 1, r.w - 2, title, style_attr(S_HEADER));
	free(title);
	draw_text(r.y + 1, 1, r.w - 2,
		  _("1 very satisfied  2 satisfied  3 dissatisfied  4 very dissatisfied  5 no "
		    "opinion"),
		  style_attr(S_DIM));
	/* The question being answered, whole (its label may be cut beside the field). */
	size_t i = af->f.focus;
	const char *whole = is_question(af, i) ? survey_question_text(&af->q[i - 1])
			    : i == 0 ? _("The client whose form this is: type letters of the name")
				     : _("What the client wrote, if anything (never shown with the name "
					 "in the workbook)");
	draw_text(r.y + r.h - 1, 1, r.w - 2, whole, style_attr(S_DIM));
	form_draw(&af->f, t, (rect){r.y + 3, 2, r.h - 5, r.w - 4});
}

static void save(tui *t, view *v)
{
	answer_form *af = v->data;
	form *f = &af->f;
	if (!form_view_valid(t, f))
		return;
	strbuf answers = {0};
	for (size_t i = 0; i < af->nq; i++) {
		char *d = form_text(f, f->fields[1 + i]->name);
		sb_addf(&answers, "%s%s", i ? "," : "", str_trim(d));
		free(d);
	}
	char *comment = form_text(f, "comment");
	int64_t id = form_pick_id(f, "client");
	char *who = xstrdup(f->fields[0]->shown ? f->fields[0]->shown : "");
	cerr e;
	err_clear(&e);
	int r = survey_answer(af->a, af->year, id, sb_str(&answers), comment, &e);
	sb_free(&answers);
	free(comment);
	if (r) {
		form_save_failed(t, f, &e);
		free(who);
		return;
	}
	/* Saved: the form is cleared for the next paper form. */
	form_set_pick(f, 0, 0, NULL, NULL);
	for (size_t i = 1; i < f->n; i++)
		set_text(f->fields[i], "");
	form_focus(f, 0);
	counts(af);
	tui_changed(t);
	char *said = text_elide(xasprintf(_("Answers of %s saved; next client"), who));
	tui_msg(t, "%s", said);
	free(said);
	free(who);
}

static const char *leave(view *v)
{
	(void)v;
	return _("Leave without saving these answers?");
}

static const struct form_view_ops answer_form_view = {
	.form_at = offsetof(answer_form, f),
	.save = save,
	.leave = leave,
};

/* One digit on a question is its answer: the cursor goes on to the next question at once. */
static int key(tui *t, view *v, const tkey *k, enum action act)
{
	answer_form *af = v->data;
	form *f = &af->f;
	if (is_question(af, f->focus) && !k->fn && k->c >= '1' && k->c <= '5') {
		char digit[2] = {(char)k->c, '\0'};
		set_text(f->fields[f->focus], digit);
		form_focus(f, f->focus + 1);
		return TK_DONE;
	}
	return form_view_key(t, v, k, act);
}

static void close_form(tui *t, view *v)
{
	answer_form *af = v->data;
	form_free(&af->f);
	survey_questions_free(af->q, af->nq);
	free(af);
}

const struct view_ops view_survey_answer_ops = {
	.name = "survey-answer",
	.title = N_("Survey answers"),
	.actions = form_actions,
	.text_input = true,
	.open = open_form,
	.draw = draw,
	.key = key,
	.form = &answer_form_view,
	.close = close_form,
};
