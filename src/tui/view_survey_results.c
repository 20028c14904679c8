/* view_survey_results.c — one campaign of the satisfaction survey: who was asked, how many
 * answered, then a bar per question drawn in the terminal — the answers on each value of the
 * scale side by side (█ very satisfied, ▓ satisfied, ▒ dissatisfied, ░ very dissatisfied,
 * · no opinion), the share satisfied and last year's. `a` enters a client's answers, `u`
 * publishes (a manager, on a date), `w` writes the workbook under a name asked for. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "charte/export.h"
#include "charte/survey.h"
#include "dialog.h"
#include "frame.h"
#include "views.h"

typedef struct results_view {
	app *a;
	int year;
	survey_results res;
	int top; /* first question shown */
} results_view;

static const enum action results_actions[] = {
	ACT_ADD, ACT_PUBLISH, ACT_EXPORT, ACT_UP, ACT_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};

/* What the scale's values look like in a bar: one character each, so that it reads without
 * colour too. */
static const char *const marks[SURVEY_SCALE] = {"█", "▓", "▒", "░", "·"};

static int load(results_view *rv, cerr *e)
{
	survey_results_free(&rv->res);
	return survey_results_get(rv->a, rv->year, &rv->res, e);
}

static int open_view(tui *t, view *v, void *arg, cerr *e)
{
	results_view *rv = xcalloc(1, sizeof *rv);
	rv->a = tui_app(t);
	rv->year = (int)*(const int64_t *)arg;
	v->data = rv;
	return load(rv, e);
}

static void reload(tui *t, view *v)
{
	results_view *rv = v->data;
	cerr e;
	err_clear(&e);
	if (load(rv, &e))
		tui_error(t, &e);
}

/* The distribution of one question in w columns: each value's share of the answers, as its
 * mark; the columns left after rounding go to the largest values. */
static void draw_bar(int y, int x, int w, const survey_tally *tl)
{
	if (tl->answers == 0) {
		draw_text(y, x, w, _("no answer"), style_attr(S_DIM));
		return;
	}
	static const enum style styles[SURVEY_SCALE] = {S_DONE, S_DONE, S_DUE_TODAY, S_OVERDUE,
							S_DIM};
	int cols[SURVEY_SCALE], used = 0;
	for (int v = 0; v < SURVEY_SCALE; v++) {
		cols[v] = (int)(tl->counts[v] * w / tl->answers);
		used += cols[v];
	}
	while (used < w) { /* the rest to the values that lost most to the rounding */
		int best = -1;
		int64_t lost = -1;
		for (int v = 0; v < SURVEY_SCALE; v++) {
			int64_t l = tl->counts[v] * w - (int64_t)cols[v] * tl->answers;
			if (tl->counts[v] && l > lost)
				best = v, lost = l;
		}
		cols[best]++;
		used++;
	}
	for (int v = 0; v < SURVEY_SCALE; v++)
		for (int i = 0; i < cols[v]; i++)
			draw_text(y, x++, 1, marks[v], style_attr(styles[v]));
}

static void draw(tui *t, view *v, rect r)
{
	results_view *rv = v->data;
	const survey_results *res = &rv->res;
	const survey_campaign *c = &res->campaign;
	char opened[11], published[11], rate[16], last_rate[16], overall[16], last_overall[16];
	fmt_date_human(c->opened_on, opened);
	if (c->published_on != NO_DAY)
		fmt_date_human(c->published_on, published);
	char *title = c->published_on != NO_DAY
			      ? xasprintf(_("Satisfaction survey %d — opened on %s, published on %s"),
					  c->year, opened, published)
			      : xasprintf(_("Satisfaction survey %d — opened on %s, not published"),
					  c->year, opened);
	draw_text(r.y, 1, r.w - 2, title, style_attr(S_HEADER));
	free(title);
	survey_share_human(res->response_rate, rate);
	survey_share_human(res->overall, overall);
	char *line;
	if (res->has_last) {
		survey_share_human(res->last_response_rate, last_rate);
		survey_share_human(res->last_overall, last_overall);
		line = xasprintf(_("%lld clients asked, %lld answered: response rate %s (%d: %s); "
				   "overall satisfaction %s (%d: %s)"),
				 (long long)c->asked, (long long)c->answered, rate, res->last.year,
				 last_rate, overall, res->last.year, last_overall);
	} else {
		line = xasprintf(_("%lld clients asked, %lld answered: response rate %s; overall "
				   "satisfaction %s"),
				 (long long)c->asked, (long long)c->answered, rate, overall);
	}
	int n = draw_wrapped((rect){r.y + 1, 1, 2, r.w - 2}, 0, line, A_NORMAL);
	free(line);
	/* One line per question: its text, its bar, the share satisfied, last year's. */
	int y = r.y + 2 + n;
	const int share_w = 10, last_w = 10, bar_w = r.w >= 100 ? 40 : 24;
	int text_w = r.w - 2 - bar_w - share_w - last_w - 3;
	attr_t dim = style_attr(S_DIM);
	draw_text(y, 1, text_w, _("Question"), dim);
	draw_text(y, 2 + text_w, bar_w, _("Answers"), dim);
	draw_text_right(y, 3 + text_w + bar_w, share_w, _("Satisf."), dim);
	char last_head[32];
	snprintf(last_head, sizeof last_head, "%d", c->year - 1);
	draw_text_right(y, 4 + text_w + bar_w + share_w, last_w - 1, last_head, dim);
	y++;
	int rows = r.y + r.h - 2 - y;
	if (rv->top > (int)res->nquestions - rows)
		rv->top = (int)res->nquestions - rows;
	if (rv->top < 0)
		rv->top = 0;
	for (int i = rv->top; i < (int)res->nquestions && y < r.y + r.h - 2; i++, y++) {
		const survey_tally *tl = &res->tally[i];
		char *label = xasprintf("%d. %s", i + 1, survey_question_text(&res->questions[i]));
		draw_text(y, 1, text_w, label, A_NORMAL);
		free(label);
		draw_bar(y, 2 + text_w, bar_w, tl);
		char share[16], last[16];
		survey_share_human(tl->share, share);
		survey_share_human(tl->last_share, last);
		draw_text_right(y, 3 + text_w + bar_w, share_w, share, style_attr(S_HEADER));
		draw_text_right(y, 4 + text_w + bar_w + share_w, last_w - 1, last, dim);
	}
	/* The legend. */
	strbuf legend = {0};
	for (int s = 0; s < SURVEY_SCALE; s++)
		sb_addf(&legend, "%s%s %s", s ? "  " : "", marks[s],
			enum_label(&survey_answers, s + 1));
	draw_text(r.y + r.h - 1, 1, r.w - 2, sb_str(&legend), dim);
	sb_free(&legend);
}

/* ---- publishing ---- */

static int publish_submit(tui *t, void *arg, const char *text, cerr *e)
{
	int year = *(int *)arg;
	app *a = tui_app(t);
	cday on = app_today(a);
	const char *why = str_blank(text) ? NULL : parse_date(text, &on);
	if (why)
		return err_set(e, ST_INVALID, "on", "%s", _(why));
	int r = survey_publish(a, year, on, e);
	if (r)
		return r;
	char day[11];
	fmt_date_human(on, day);
	tui_changed(t);
	tui_msg(t, _("The results of the survey %d are recorded as published on %s"), year, day);
	return ST_OK;
}

static void publish(tui *t, results_view *rv)
{
	cerr e;
	err_clear(&e);
	if (!tui_may(t, AREA_SURVEY))
		return;
	if (survey_can(&rv->res.campaign, SURVEY_PUBLISH, &e)) {
		tui_error(t, &e);
		return;
	}
	char today[11];
	fmt_date_human(app_today(rv->a), today);
	int *arg = xmalloc(sizeof *arg);
	*arg = rv->year;
	dialog_prompt(t, _("Publish the results"), _("Published on"),
		      lang_french ? _("The day the results were made known to the clients (posted, "
				      "sent, on the website). Date as DD/MM/YYYY; today if empty.")
				  : _("The day the results were made known to the clients (posted, "
				      "sent, on the website). Date as YYYY-MM-DD; today if empty."),
		      today, publish_submit, arg);
}

/* ---- the workbook ---- */

static int export_submit(tui *t, void *arg, const char *text, cerr *e)
{
	int year = *(int *)arg;
	char *path = str_trim(xstrdup(text));
	if (!*path) {
		free(path);
		return err_set(e, ST_INVALID, "output", _("must not be empty"));
	}
	/* libxlsxwriter may warn on stderr, which would garble the screen: away meanwhile (a
	 * failure comes back in e all the same). */
	fflush(stderr);
	int saved = dup(STDERR_FILENO), quiet = open("/dev/null", O_WRONLY);
	if (saved >= 0 && quiet >= 0)
		dup2(quiet, STDERR_FILENO);
	int r = export_survey_xlsx(tui_app(t), year, path, e);
	if (saved >= 0) {
		dup2(saved, STDERR_FILENO);
		close(saved);
	}
	if (quiet >= 0)
		close(quiet);
	if (!r)
		tui_msg(t, _("Workbook written: %s"), path);
	free(path);
	return r;
}

static void export(tui *t, results_view *rv)
{
	char name[64];
	snprintf(name, sizeof name, "%s-%d.xlsx",
		 lang_french ? "enquete-satisfaction" : "satisfaction-survey", rv->year);
	int *arg = xmalloc(sizeof *arg);
	*arg = rv->year;
	dialog_prompt(t, _("Write the workbook"), _("File"),
		      _("The results as a spreadsheet (.xlsx): summary, questions with a chart, "
			"comments without names. A name without a folder is written in the folder "
			"Charte was started from."),
		      name, export_submit, arg);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	results_view *rv = v->data;
	if (act == ACT_NONE)
		act = action_for_key(results_actions, k, false);
	switch (act) {
	case ACT_ADD: {
		if (!tui_may(t, AREA_SURVEY_ANSWERS))
			return TK_DONE;
		cerr e;
		err_clear(&e);
		if (survey_can(&rv->res.campaign, SURVEY_ANSWER, &e)) {
			tui_error(t, &e);
			return TK_DONE;
		}
		int64_t year = rv->year;
		tui_push(t, &view_survey_answer_ops, &year);
		return TK_DONE;
	}
	case ACT_PUBLISH: publish(t, rv); return TK_DONE;
	case ACT_EXPORT: export(t, rv); return TK_DONE;
	case ACT_UP: rv->top--; return TK_DONE;
	case ACT_DOWN: rv->top++; return TK_DONE;
	case ACT_HOME: rv->top = 0; return TK_DONE;
	case ACT_END: rv->top = (int)rv->res.nquestions; return TK_DONE;
	default: return TK_PASS;
	}
}

static void close_view(tui *t, view *v)
{
	results_view *rv = v->data;
	survey_results_free(&rv->res);
	free(rv);
}

static const struct action_help results_helps[] = {
	{ACT_ADD, N_("Enter a client's answers (from the paper form or the phone)")},
	{ACT_UP, N_("Show the questions above")},
	{ACT_DOWN, N_("Show the questions below")},
	{ACT_NONE, NULL},
};

const struct view_ops view_survey_results_ops = {
	.name = "survey-results",
	.title = N_("Survey results"),
	.actions = results_actions,
	.helps = results_helps,
	.open = open_view,
	.draw = draw,
	.key = key,
	.reload = reload,
	.close = close_view,
};
