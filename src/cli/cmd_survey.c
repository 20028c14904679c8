/* cmd_survey.c — `charte survey open|answer|results|publish`: the annual satisfaction survey
 * (S6) and its workbook. */
#include <stdlib.h>
#include <string.h>

#include "charte/export.h"
#include "charte/survey.h"
#include "cli.h"

static int year_of(cli *c, const char *s, int *year)
{
	long y;
	const char *why = s ? parse_int(s, 2000, 2999, &y) : N_("missing");
	if (why)
		return cli_bad(c, "year", why);
	*year = (int)y;
	return 0;
}

static int survey_open_cmd(cli *c, int argc, char **argv)
{
	const char *year_text = NULL;
	const cli_opt opts[] = {{"year", &year_text, NULL}, {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (!year_text)
		return cli_usage(c, _("which year? give --year Y"));
	int year = 0;
	if ((r = year_of(c, year_text, &year)) || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	int64_t added = 0;
	if (survey_open(c->a, year, &added, &e))
		return cli_fail(c, &e);
	char id[16];
	snprintf(id, sizeof id, "%d", year);
	out_value(id);
	cli_eprintf(ngettext("charte: %lld client added to the survey of %d\n",
			     "charte: %lld clients added to the survey of %d\n", (unsigned long)added),
		    (long long)added, year);
	return 0;
}

static int survey_answer_cmd(cli *c, int argc, char **argv)
{
	const char *year_text = NULL, *client = NULL, *answers = NULL, *comment = NULL;
	const cli_opt opts[] = {{"year", &year_text, NULL},
				{"client", &client, NULL},
				{"answers", &answers, NULL},
				{"comment", &comment, NULL},
				{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (!year_text || !client || !answers)
		return cli_usage(c, _("give --year, --client and --answers"));
	int year = 0;
	int64_t id;
	if ((r = year_of(c, year_text, &year)) || (r = cli_id(c, client, "client", &id)) ||
	    (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	return survey_answer(c->a, year, id, answers, comment, &e) ? cli_fail(c, &e) : 0;
}

static int survey_publish_cmd(cli *c, int argc, char **argv)
{
	const char *year_text = NULL, *on_text = NULL;
	const cli_opt opts[] = {{"year", &year_text, NULL}, {"on", &on_text, NULL},
				{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (!year_text || !on_text)
		return cli_usage(c, _("give --year and --on"));
	int year = 0;
	cday on;
	if ((r = year_of(c, year_text, &year)) || (r = cli_date(c, on_text, "on", &on)) ||
	    (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	return survey_publish(c->a, year, on, &e) ? cli_fail(c, &e) : 0;
}

/* The figures for people: the campaign, then a line per question. */
static void results_table(const survey_results *res)
{
	const survey_campaign *k = &res->campaign;
	char line[128], share[16], last[16], day[11];
	snprintf(line, sizeof line, "%d", k->year);
	out_field(_("Campaign:"), line);
	snprintf(line, sizeof line, "%lld", (long long)k->asked);
	out_field(_("Clients asked:"), line);
	snprintf(line, sizeof line, "%lld", (long long)k->answered);
	out_field(_("Answers:"), line);
	survey_share_human(res->response_rate, share);
	if (res->has_last) {
		survey_share_human(res->last_response_rate, last);
		snprintf(line, sizeof line, _("%s (%d: %s)"), share, res->last.year, last);
	} else {
		snprintf(line, sizeof line, "%s", share);
	}
	out_field(_("Response rate:"), line);
	survey_share_human(res->overall, share);
	if (res->has_last) {
		survey_share_human(res->last_overall, last);
		snprintf(line, sizeof line, _("%s (%d: %s)"), share, res->last.year, last);
	} else {
		snprintf(line, sizeof line, "%s", share);
	}
	out_field(_("Overall satisfaction:"), line);
	if (k->published_on != NO_DAY)
		fmt_date_human(k->published_on, day);
	else
		snprintf(day, sizeof day, "%s", _("no"));
	out_field(_("Published:"), day);
	putchar('\n');
	static const char *const cols[] = {N_("Question"),     N_("Answers"),   N_("V. sat."),
					   N_("Sat."),         N_("Dissat."),   N_("V. dissat."),
					   N_("No opinion"),   N_("Share satisfied"), N_("Last year")};
	cli_out *o = out_new(false, cols, ARRAY_LEN(cols));
	for (size_t i = 0; i < res->nquestions; i++) {
		const survey_tally *t = &res->tally[i];
		char n[SURVEY_SCALE + 1][24];
		snprintf(n[0], sizeof n[0], "%lld", (long long)t->answers);
		for (int v = 0; v < SURVEY_SCALE; v++)
			snprintf(n[v + 1], sizeof n[v + 1], "%lld", (long long)t->counts[v]);
		survey_share_human(t->share, share);
		survey_share_human(t->last_share, last);
		const char *cells[] = {survey_question_text(&res->questions[i]), n[0], n[1], n[2],
				       n[3], n[4], n[5], share, last};
		out_row(o, cells);
	}
	out_end(o);
}

static void results_csv(const survey_results *res)
{
	static const char *const cols[] = {"question",     "answers",          "very_satisfied",
					   "satisfied",    "dissatisfied",     "very_dissatisfied",
					   "no_opinion",   "satisfied_share"};
	cli_out *o = out_new(true, cols, ARRAY_LEN(cols));
	for (size_t i = 0; i < res->nquestions; i++) {
		const survey_tally *t = &res->tally[i];
		char n[SURVEY_SCALE + 1][24], share[8];
		snprintf(n[0], sizeof n[0], "%lld", (long long)t->answers);
		for (int v = 0; v < SURVEY_SCALE; v++)
			snprintf(n[v + 1], sizeof n[v + 1], "%lld", (long long)t->counts[v]);
		survey_share_csv(t->share, share);
		const char *cells[] = {res->questions[i].code, n[0], n[1], n[2], n[3], n[4], n[5],
				       share};
		out_row(o, cells);
	}
	out_end(o);
}

static int survey_results_cmd(cli *c, int argc, char **argv)
{
	const char *year_text = NULL, *output = NULL;
	bool csv = false;
	const cli_opt opts[] = {{"year", &year_text, NULL}, {"csv", NULL, &csv},
				{"o", &output, NULL},        {"output", &output, NULL},
				{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (!year_text)
		return cli_usage(c, _("which year? give --year Y"));
	if (csv && output)
		return cli_usage(c, _("give --csv or -o FILE.xlsx, not both"));
	int year = 0;
	if ((r = year_of(c, year_text, &year)) || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	if (output)
		return export_survey_xlsx(c->a, year, output, &e) ? cli_fail(c, &e) : 0;
	survey_results res;
	if (survey_results_get(c->a, year, &res, &e))
		return cli_fail(c, &e);
	if (csv)
		results_csv(&res);
	else
		results_table(&res);
	survey_results_free(&res);
	return 0;
}

static const cli_verb verbs[] = {
    {"open", "--year Y",
     N_("open the survey of year Y (manager): the questionnaire of data/survey.csv and the "
	"clients served that year (a visit done in it); prints the year. Again on an "
	"open survey: adds the clients served since"),
     survey_open_cmd},
    {"answer", "--year Y --client ID --answers 1,2,2,5,... [--comment TEXT]",
     N_("enter a client's answers (coordinator or manager): one digit per question, in order: "
	"1 very satisfied, 2 satisfied, 3 dissatisfied, 4 very dissatisfied, 5 no opinion. "
	"Answering again replaces the client's answers (the history keeps the earlier ones), "
	"until the survey is published"),
     survey_answer_cmd},
    {"results", "--year Y [--csv] [-o FILE.xlsx]",
     N_("the response rate and each question's answers and share satisfied (very satisfied + "
	"satisfied over the answers with an opinion), beside last year's; -o writes them as a "
	"workbook"),
     survey_results_cmd},
    {"publish", "--year Y --on D",
     N_("record that the results of year Y were published, on D (manager)"),
     survey_publish_cmd},
};
CLI_AREA(area_survey, "survey", N_("the annual satisfaction survey: campaigns, answers, results"),
	 verbs);
