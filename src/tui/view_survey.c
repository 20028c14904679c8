/* view_survey.c — the Survey area (S6): the campaigns, newest first, with how many clients each
 * asks, how many answered, the response rate, the overall satisfaction and the publication.
 * Enter opens a campaign's results (view_survey_results.c); `a` opens a new campaign (a
 * manager), asking its year. A campaign is the record kind "survey": the finding
 * survey-missing opens it from Today. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/survey.h"
#include "areas.h"
#include "columns.h"
#include "dialog.h"
#include "frame.h"
#include "list.h"
#include "views.h"

typedef plain_view survey_view;

static const enum action survey_actions[] = {
	ACT_OPEN, ACT_ADD, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END,
	ACT_NONE,
};

/* Every campaign at once: one a year. */
static int fetch(void *ctx, const void *from, bool backward, int limit, void **out, size_t *n,
		 cerr *e)
{
	survey_view *sv = ctx;
	(void)backward;
	(void)limit;
	*out = NULL;
	*n = 0;
	if (from)
		return ST_OK;
	survey_campaign *rows = NULL;
	int r = survey_campaigns(sv->a, &rows, n, e);
	*out = rows;
	return r;
}

static void free_row(void *row)
{
	survey_campaign_free(row);
}

static bool same(const void *a, const void *b)
{
	return ((const survey_campaign *)a)->year == ((const survey_campaign *)b)->year;
}

static char *cell_year(void *ctx, const void *row, enum style *style)
{
	return xasprintf("%d", ((const survey_campaign *)row)->year);
}

static char *cell_opened(void *ctx, const void *row, enum style *style)
{
	char day[11];
	fmt_date_human(((const survey_campaign *)row)->opened_on, day);
	return xstrdup(day);
}

static char *cell_asked(void *ctx, const void *row, enum style *style)
{
	return xasprintf("%lld", (long long)((const survey_campaign *)row)->asked);
}

static char *cell_answered(void *ctx, const void *row, enum style *style)
{
	return xasprintf("%lld", (long long)((const survey_campaign *)row)->answered);
}

static char *cell_rate(void *ctx, const void *row, enum style *style)
{
	const survey_campaign *c = row;
	char share[16];
	survey_share_human(survey_share(c->answered, c->asked), share);
	return xstrdup(share);
}

static char *cell_published(void *ctx, const void *row, enum style *style)
{
	const survey_campaign *c = row;
	if (c->published_on == NO_DAY) {
		*style = S_DUE_TODAY;
		return xstrdup(_("not published"));
	}
	char day[11];
	fmt_date_human(c->published_on, day);
	*style = S_DONE;
	return xstrdup(day);
}

static const struct column campaign_cols[] = {
	{N_("Year"), 6, 0, 0, false, cell_year},
	{N_("Opened on"), 11, 0, 0, false, cell_opened},
	{N_("Clients asked"), 8, 1, 16, true, cell_asked},
	{N_("Answers"), 8, 1, 12, true, cell_answered},
	{N_("Response rate"), 8, 1, 16, true, cell_rate},
	{N_("Published on"), 12, 1, 16, false, cell_published},
};
static const columns campaign_columns = {campaign_cols, ARRAY_LEN(campaign_cols)};

static void draw_row(void *ctx, const void *row, rect r, bool selected)
{
	columns_draw_row(&campaign_columns, ctx, row, r, S_NORMAL, selected);
}

static const struct list_ops campaigns_list = {
	.row_size = sizeof(survey_campaign),
	.fetch = fetch,
	.free_row = free_row,
	.same = same,
	.draw = draw_row,
};

static int open_view(tui *t, view *v, void *arg, cerr *e)
{
	return plain_view_open(t, v, &campaigns_list,
			       _("No survey yet. A manager presses a to open the survey of a year."),
			       e);
}

static void draw(tui *t, view *v, rect r)
{
	survey_view *sv = v->data;
	draw_text(r.y, 1, r.w - 2, _("Satisfaction surveys, one a year"), style_attr(S_HEADER));
	columns_draw_heads(&campaign_columns, (rect){r.y + 1, r.x, 1, r.w});
	list_draw(&sv->l, (rect){r.y + 2, r.x, r.h - 4, r.w});
	draw_wrapped((rect){r.y + r.h - 2, 2, 2, r.w - 4}, 0,
		     _("Each survey asks the clients served that year (a visit done in it at least). "
		       "Enter: its results and the answers."),
		     style_attr(S_DIM));
}

/* ---- a new campaign ---- */

static int open_submit(tui *t, void *arg, const char *text, cerr *e)
{
	(void)arg;
	long year;
	const char *why = parse_int(text, 2000, 2999, &year);
	if (why)
		return err_set(e, ST_INVALID, "year", "%s", _(why));
	int64_t added = 0;
	int r = survey_open(tui_app(t), (int)year, &added, e);
	if (r)
		return r;
	tui_changed(t);
	tui_msg(t,
		ngettext("Survey %d opened: %lld client added", "Survey %d opened: %lld clients added",
			 (unsigned long)added),
		(int)year, (long long)added);
	int64_t id = year;
	tui_push(t, &view_survey_results_ops, &id);
	return ST_OK;
}

static void ask_year(tui *t)
{
	if (!tui_may(t, AREA_SURVEY))
		return;
	int y, m, d;
	cal_ymd(app_today(tui_app(t)), &y, &m, &d);
	char last[16];
	snprintf(last, sizeof last, "%d", y - 1);
	dialog_prompt(t, _("Open a survey"), _("Year"),
		      _("The survey of a year asks the clients served that year; opened again, it "
			"adds those served since."),
		      last, open_submit, NULL);
}

static int key(tui *t, view *v, const tkey *k, enum action act)
{
	survey_view *sv = v->data;
	if (act == ACT_NONE)
		act = action_for_key(survey_actions, k, false);
	if (act == ACT_OPEN) {
		const survey_campaign *c = list_selected(&sv->l);
		if (!c) {
			tui_msg(t, "%s", _("No survey is selected"));
			return TK_DONE;
		}
		int64_t id = c->year;
		tui_push(t, &view_survey_results_ops, &id);
		return TK_DONE;
	}
	if (act == ACT_ADD) {
		ask_year(t);
		return TK_DONE;
	}
	return list_navigate(t, &sv->l, act);
}

const struct action_help survey_helps[] = {
	{ACT_ADD, N_("Open the survey of a year (a manager); again: add the clients served since")},
	{ACT_OPEN, N_("Open the selected survey: its results, its answers")},
	{ACT_NONE, NULL},
};

const struct view_ops view_survey_ops = {
	.name = "survey",
	.title = N_("Survey"),
	.actions = survey_actions,
	.helps = survey_helps,
	.open = open_view,
	.draw = draw,
	.key = key,
	.reload = plain_view_reload,
	.close = plain_view_close,
};

/* The finding survey-missing (id: the year): its campaign, or the list to open it from. */
static void open_campaign(tui *t, int64_t year, const char *why)
{
	(void)why;
	survey_campaign c;
	cerr e;
	err_clear(&e);
	if (survey_campaign_get(tui_app(t), (int)year, &c, &e) == ST_OK) {
		survey_campaign_free(&c);
		tui_push(t, &view_survey_results_ops, &year);
		return;
	}
	tui_goto(t, &view_survey_ops);
	tui_msg(t, _("The survey of %lld is not open yet: a manager presses a to open it"),
		(long long)year);
}

const struct record_kind survey_records[] = {
	{"survey", open_campaign, false, false},
	{NULL, NULL, false, false},
};
