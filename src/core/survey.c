/* survey.c — the annual satisfaction survey (S6): the questionnaire of data/survey.csv, a
 * campaign a year over the clients served that year, their answers, the results compared with
 * the year before, the publication, and the finding survey-missing. */
#include "charte/survey.h"

#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/db_survey.h"
#include "charte/i18n.h"

#define CODE_MAX 32
#define TEXT_MAX 300
#define QUESTIONS_MAX 40

/* The copy of data/survey.csv built into the program, for a program run away from its data
 * folder; test_survey checks that the two agree. */
static const char builtin_csv[] =
    "code;fr;en\n"
    "welcome;L'accueil téléphonique de l'agence (amabilité, écoute);The agency's welcome on the phone (courtesy, listening)\n"
    "callback;La rapidité avec laquelle l'agence vous rappelle;How quickly the agency calls you back\n"
    "quote;La clarté du devis et des informations sur la prestation;How clear the quote and the information on the service were\n"
    "punctuality;La ponctualité de votre intervenant(e);Your worker's punctuality\n"
    "competence;La compétence et le savoir-faire de votre intervenant(e);Your worker's competence and skill\n"
    "continuity;La continuité du service pendant les absences (remplacements);Continuity of service during absences (replacements)\n"
    "notebook;La tenue du cahier de liaison;The liaison notebook\n"
    "followup;Les appels de suivi de l'agence;The agency's follow-up calls\n"
    "complaints;Le traitement de vos réclamations;How your complaints were handled\n"
    "overall;Votre satisfaction globale;Your overall satisfaction\n";

const char *survey_builtin_csv(void)
{
	return builtin_csv;
}

const char *survey_question_text(const survey_question *q)
{
	return lang_french ? q->text_fr : q->text_en;
}

/* ---- the questionnaire ---- */

struct parse_state {
	survey_question *rows;
	size_t n, cap;
};

static const char *check_question(const char *code, const char *fr, const char *en,
				  const char **field)
{
	*field = "code";
	if (!*code)
		return N_("must not be empty");
	if (strlen(code) > CODE_MAX)
		return N_("too long");
	for (const char *c = code; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-'))
			return N_("use lower-case letters, digits and '-' only");
	*field = "fr";
	if (str_blank(fr))
		return N_("must not be empty");
	if (utf8_length(fr) > TEXT_MAX)
		return N_("too long");
	*field = "en";
	if (str_blank(en))
		return N_("must not be empty");
	if (utf8_length(en) > TEXT_MAX)
		return N_("too long");
	return NULL;
}

/* One record: code;fr;en. */
static int on_row(char **cells, size_t ncells, size_t line, void *arg, cerr *e)
{
	struct parse_state *p = arg;
	const char *why = NULL, *field = "";
	if (ncells != 3)
		why = N_("expected 3 fields: code;fr;en");
	else
		why = check_question(cells[0], cells[1], cells[2], &field);
	for (size_t i = 0; !why && i < p->n; i++)
		if (!strcmp(p->rows[i].code, cells[0]))
			why = N_("the code is there twice"), field = "code";
	if (!why && p->n >= QUESTIONS_MAX)
		why = N_("too many questions"), field = "code";
	if (why)
		return err_set(e, ST_INVALID, "questionnaire", _("line %zu: %s: %s"), line, field,
			       _(why));
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->rows = xrealloc(p->rows, p->cap * sizeof *p->rows);
	}
	p->rows[p->n++] =
		(survey_question){xstrdup(cells[0]), xstrdup(cells[1]), xstrdup(cells[2])};
	return ST_OK;
}

int survey_questionnaire_parse(const char *text, survey_question **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	struct parse_state p = {0};
	int r = data_table_parse(text, "questionnaire", on_row, &p, e);
	if (!r && p.n == 0)
		r = err_set(e, ST_INVALID, "questionnaire", _("no question"));
	if (r) {
		survey_questions_free(p.rows, p.n);
		return r;
	}
	*rows = p.rows;
	*n = p.n;
	return ST_OK;
}

int survey_questionnaire_default(survey_question **rows, size_t *n, cerr *e)
{
	char *text = data_file_text("survey.csv");
	/* Run away from its data folder (a build elsewhere): the built-in copy. */
	int r = survey_questionnaire_parse(text ? text : builtin_csv, rows, n, e);
	free(text);
	return r;
}

/* ---- the rules ---- */

int survey_share(int64_t part, int64_t of)
{
	if (of <= 0)
		return -1;
	return (int)((part * 20000 + of) / (2 * of));
}

void survey_share_csv(int share, char out[static 8])
{
	if (share < 0) {
		out[0] = '\0';
		return;
	}
	if (share >= 10000) {
		snprintf(out, 8, "1");
		return;
	}
	snprintf(out, 8, "0.%04d", share);
	/* 0.8750 -> 0.875, 0.0000 -> 0 */
	size_t len = strlen(out);
	while (len > 2 && out[len - 1] == '0')
		out[--len] = '\0';
	if (len == 2)
		out[1] = '\0';
}

void survey_share_human(int share, char out[static 16])
{
	if (share < 0) {
		snprintf(out, 16, "—");
		return;
	}
	/* Tenths of a percent, rounded half up from ten-thousandths. */
	int tenths = (share + 5) / 10;
	if (lang_french)
		snprintf(out, 16, "%d,%d %%", tenths / 10, tenths % 10);
	else
		snprintf(out, 16, "%d.%d%%", tenths / 10, tenths % 10);
}

int survey_can(const survey_campaign *c, int step, cerr *e)
{
	char on[11];
	if (c->published_on != NO_DAY) {
		fmt_date_human(c->published_on, on);
		return err_set(e, ST_CONFLICT, "year",
			       _("the survey of %d was published on %s: its answers no longer change"),
			       c->year, on);
	}
	if (step == SURVEY_PUBLISH && c->answered == 0)
		return err_set(e, ST_CONFLICT, "year",
			       _("no answer is recorded in the survey of %d yet: nothing to publish"),
			       c->year);
	return ST_OK;
}

int survey_parse_answers(const char *typed, int nquestions, char **digits, cerr *e)
{
	*digits = NULL;
	strbuf b = {0};
	int given = 0;
	const char *p = typed ? typed : "";
	bool comma_seen = strchr(p, ',') != NULL;
	/* With commas each answer is what lies between two of them; without, each digit. */
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		const char *start = p;
		if (comma_seen)
			while (*p && *p != ',')
				p++;
		else /* one character, however many bytes */
			for (p++; (*p & 0xC0) == 0x80; p++)
				;
		const char *end = p;
		while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		given++;
		if (end - start != 1 || *start < '1' || *start > '5') {
			char *what = xstrndup(start, (size_t)(end - start));
			char *shown = text_printable(what);
			err_set(e, ST_INVALID, "answers",
				_("answer %d is '%s': give 1 (very satisfied), 2 (satisfied), 3 "
				  "(dissatisfied), 4 (very dissatisfied) or 5 (no opinion)"),
				given, shown);
			free(shown);
			free(what);
			sb_free(&b);
			return ST_INVALID;
		}
		sb_addc(&b, *start);
		if (comma_seen && *p == ',') {
			p++;
			if (!*p || strspn(p, " \t") == strlen(p)) { /* "1,2," : an empty last one */
				given++;
				sb_free(&b);
				return err_set(e, ST_INVALID, "answers",
					       _("answer %d is empty: one digit per question"), given);
			}
		}
	}
	if (given != nquestions) {
		sb_free(&b);
		return err_set(e, ST_INVALID, "answers",
			       ngettext("%d answer given for %d questions: one digit per question, "
					"in order",
					"%d answers given for %d questions: one digit per question, "
					"in order",
					given),
			       given, nquestions);
	}
	*digits = b.s;
	return ST_OK;
}

/* ---- operations ---- */

int survey_open(app *a, int year, int64_t *added, cerr *e)
{
	*added = 0;
	int r = role_check(a, AREA_SURVEY, ACCESS_WRITE, e);
	if (r)
		return r;
	cday today = app_today(a);
	int this_year, m, d;
	cal_ymd(today, &this_year, &m, &d);
	if (year < 2000 || year > this_year)
		return err_set(e, ST_INVALID, "year",
			       _("must be a year from 2000 to this year (%d)"), this_year);
	survey_question *q = NULL;
	size_t nq = 0;
	if ((r = db_begin(a->db, e)))
		return r;
	survey_campaign c;
	survey_campaign_init(&c);
	r = db_survey_campaign_get(a->db, year, &c, e);
	if (r == ST_NOT_FOUND) {
		err_clear(e);
		int64_t served = 0;
		r = db_survey_served_count(a->db, year, &served, e);
		if (!r && served == 0)
			r = err_set(e, ST_INVALID, "year",
				    _("no client was served in %d (no visit done that year): nobody "
				      "to ask"),
				    year);
		if (!r)
			r = survey_questionnaire_default(&q, &nq, e);
		if (!r)
			r = db_survey_campaign_insert(a->db, year, today, app_login(a), q, nq, e);
	} else if (!r) {
		r = survey_can(&c, SURVEY_ANSWER, e);
	}
	if (!r)
		r = db_survey_add_served(a->db, year, added, e);
	survey_campaign_free(&c);
	survey_questions_free(q, nq);
	return db_end(a->db, r, e);
}

int survey_answer(app *a, int year, int64_t client_id, const char *answers, const char *comment,
		  cerr *e)
{
	int r = role_check(a, AREA_SURVEY_ANSWERS, ACCESS_WRITE, e);
	if (r)
		return r;
	char *clean = str_trim(xstrdup(comment ? comment : ""));
	if (!utf8_valid(clean))
		r = err_set(e, ST_INVALID, "comment", _("not valid UTF-8 text"));
	else if (utf8_length(clean) > SURVEY_COMMENT_MAX)
		r = err_set(e, ST_INVALID, "comment", _("too long (at most %d characters)"),
			    SURVEY_COMMENT_MAX);
	if (r) {
		free(clean);
		return r;
	}
	survey_campaign c;
	survey_campaign_init(&c);
	survey_reply rep;
	survey_reply_init(&rep);
	char *digits = NULL;
	cminute now = app_now(a);
	if ((r = db_begin(a->db, e))) {
		free(clean);
		return r;
	}
	r = db_survey_campaign_get(a->db, year, &c, e);
	if (!r)
		r = survey_can(&c, SURVEY_ANSWER, e);
	if (!r)
		r = db_survey_reply_get(a->db, year, client_id, &rep, e);
	if (!r)
		r = survey_parse_answers(answers, c.nquestions, &digits, e);
	if (!r) {
		free(rep.answers);
		free(rep.comment);
		free(rep.entered_by);
		rep.answers = digits;
		rep.comment = clean;
		rep.entered_by = xstrdup(app_login(a));
		rep.entered_at = now;
		digits = clean = NULL;
		r = db_survey_reply_set(a->db, &rep, e);
	}
	free(digits);
	free(clean);
	survey_reply_free(&rep);
	survey_campaign_free(&c);
	return db_end(a->db, r, e);
}

int survey_publish(app *a, int year, cday on, cerr *e)
{
	int r = role_check(a, AREA_SURVEY, ACCESS_WRITE, e);
	if (r)
		return r;
	cday today = app_today(a);
	if (on > today)
		return err_set(e, ST_INVALID, "on", _("is in the future"));
	survey_campaign c;
	survey_campaign_init(&c);
	if ((r = db_begin(a->db, e)))
		return r;
	r = db_survey_campaign_get(a->db, year, &c, e);
	if (!r)
		r = survey_can(&c, SURVEY_PUBLISH, e);
	if (!r && on < c.opened_on) {
		char opened[11];
		fmt_date_human(c.opened_on, opened);
		r = err_set(e, ST_INVALID, "on", _("is before the survey opened (%s)"), opened);
	}
	if (!r)
		r = db_survey_publish(a->db, year, on, app_login(a), e);
	survey_campaign_free(&c);
	return db_end(a->db, r, e);
}

/* ---- reading ---- */

int survey_campaign_get(app *a, int year, survey_campaign *out, cerr *e)
{
	return ROLE_READ(a, AREA_SURVEY, e, db_survey_campaign_get(a->db, year, out, e));
}

int survey_campaigns(app *a, survey_campaign **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	return ROLE_READ(a, AREA_SURVEY, e, db_survey_campaigns(a->db, rows, n, e));
}

int survey_questions(app *a, int year, survey_question **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	return ROLE_READ(a, AREA_SURVEY, e, db_survey_questions(a->db, year, rows, n, e));
}

int survey_reply_get(app *a, int year, int64_t client_id, survey_reply *out, cerr *e)
{
	return ROLE_READ(a, AREA_SURVEY_ANSWERS, e,
			 db_survey_reply_get(a->db, year, client_id, out, e));
}

int survey_reply_page(app *a, const survey_reply_filter *f, const survey_reply *from, int limit,
		      survey_reply **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	return ROLE_READ(a, AREA_SURVEY_ANSWERS, e,
			 db_survey_replies_page(a->db, f, from, false, limit, rows, n, e));
}

int survey_reply_page_before(app *a, const survey_reply_filter *f, const survey_reply *from,
			     int limit, survey_reply **rows, size_t *n, cerr *e)
{
	*rows = NULL;
	*n = 0;
	return ROLE_READ(a, AREA_SURVEY_ANSWERS, e,
			 db_survey_replies_page(a->db, f, from, true, limit, rows, n, e));
}

/* ---- results ---- */

struct counting {
	size_t nq;
	int64_t (*counts)[SURVEY_SCALE];
	char ***comments; /* NULL: not gathered */
	size_t *ncomments, cap;
};

static int count_reply(const char *answers, const char *comment, void *arg)
{
	struct counting *k = arg;
	/* A reply stored under another questionnaire length cannot happen (the campaign's
	 * questions never change); count what lines up all the same. */
	for (size_t i = 0; i < k->nq && answers[i]; i++)
		if (answers[i] >= '1' && answers[i] <= '5')
			k->counts[i][answers[i] - '1']++;
	if (k->comments && comment && !str_blank(comment)) {
		if (*k->ncomments == k->cap) {
			k->cap = k->cap ? k->cap * 2 : 16;
			*k->comments = xrealloc(*k->comments, k->cap * sizeof **k->comments);
		}
		(*k->comments)[(*k->ncomments)++] = xstrdup(comment);
	}
	return 0;
}

static void tally_of(survey_tally *t, const int64_t counts[SURVEY_SCALE])
{
	memcpy(t->counts, counts, sizeof t->counts);
	t->answers = 0;
	for (int v = 0; v < SURVEY_SCALE; v++)
		t->answers += counts[v];
	t->satisfied = counts[SURVEY_VERY_SATISFIED - 1] + counts[SURVEY_SATISFIED - 1];
	t->expressed = t->answers - counts[SURVEY_NO_OPINION - 1];
	t->share = survey_share(t->satisfied, t->expressed);
}

/* The position of the overall question: coded "overall", else the last. */
static size_t overall_of(const survey_question *q, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(q[i].code, "overall"))
			return i;
	return n - 1;
}

int survey_results_get(app *a, int year, survey_results *out, cerr *e)
{
	memset(out, 0, sizeof *out);
	survey_campaign_init(&out->campaign);
	survey_campaign_init(&out->last);
	out->overall = out->last_overall = out->response_rate = out->last_response_rate = -1;
	int r = role_check(a, AREA_SURVEY, ACCESS_READ, e);
	if (r)
		return r;
	r = db_survey_campaign_get(a->db, year, &out->campaign, e);
	if (!r)
		r = db_survey_questions(a->db, year, &out->questions, &out->nquestions, e);
	int64_t(*counts)[SURVEY_SCALE] = NULL;
	if (!r) {
		out->tally = xcalloc(out->nquestions ? out->nquestions : 1, sizeof *out->tally);
		counts = xcalloc(out->nquestions ? out->nquestions : 1, sizeof *counts);
		struct counting k = {out->nquestions, counts, &out->comments, &out->ncomments, 0};
		r = db_survey_answers_each(a->db, year, count_reply, &k, e);
	}
	for (size_t i = 0; !r && i < out->nquestions; i++) {
		out->tally[i].question = &out->questions[i];
		tally_of(&out->tally[i], counts[i]);
		out->tally[i].last_share = -1;
	}
	if (!r && out->nquestions)
		out->overall = out->tally[overall_of(out->questions, out->nquestions)].share;
	if (!r)
		out->response_rate = survey_share(out->campaign.answered, out->campaign.asked);
	/* Last year's, question by question (by code: the questionnaire may have changed). */
	if (!r) {
		int lr = db_survey_campaign_get(a->db, year - 1, &out->last, NULL);
		if (lr == ST_OK) {
			out->has_last = true;
			out->last_response_rate = survey_share(out->last.answered, out->last.asked);
			survey_question *lq = NULL;
			size_t nlq = 0;
			r = db_survey_questions(a->db, year - 1, &lq, &nlq, e);
			int64_t(*lc)[SURVEY_SCALE] = xcalloc(nlq ? nlq : 1, sizeof *lc);
			struct counting k = {nlq, lc, NULL, NULL, 0};
			if (!r)
				r = db_survey_answers_each(a->db, year - 1, count_reply, &k, e);
			for (size_t j = 0; !r && j < nlq; j++) {
				survey_tally lt = {0};
				tally_of(&lt, lc[j]);
				if (j == overall_of(lq, nlq))
					out->last_overall = lt.share;
				for (size_t i = 0; i < out->nquestions; i++) {
					if (strcmp(out->questions[i].code, lq[j].code))
						continue;
					survey_tally *t = &out->tally[i];
					t->last_asked = true;
					t->last_satisfied = lt.satisfied;
					t->last_expressed = lt.expressed;
					t->last_share = lt.share;
				}
			}
			free(lc);
			survey_questions_free(lq, nlq);
		} else if (lr != ST_NOT_FOUND) {
			r = db_survey_campaign_get(a->db, year - 1, &out->last, e);
		}
	}
	free(counts);
	if (r)
		survey_results_free(out);
	return r;
}

void survey_results_free(survey_results *r)
{
	survey_campaign_free(&r->campaign);
	survey_campaign_free(&r->last);
	survey_questions_free(r->questions, r->nquestions);
	free(r->tally);
	for (size_t i = 0; i < r->ncomments; i++)
		free(r->comments[i]);
	free(r->comments);
	memset(r, 0, sizeof *r);
	r->overall = r->last_overall = r->response_rate = r->last_response_rate = -1;
}

/* ---- the charter ---- */

const audit_rule survey_rules[] = {
	{"S6", "survey-missing", "survey", N_("annual satisfaction survey, results published"),
	 N_("the survey of %s was not published by %s%s"),
	 {"survey_campaigns", "visits", "settings"}, AUDIT_BY_DAY},
	{NULL, NULL, NULL, NULL, NULL, {NULL}, AUDIT_UNTIMED},
};

/* The survey's rows as the history shows them. */
RECORD_DESC(survey_campaign_record, "survey_campaigns",
	    COLUMN("year", N_("Year"), FIELD_TEXT),
	    COLUMN("opened_on", N_("Opened on"), FIELD_DATE),
	    COLUMN("opened_by", N_("Opened by"), FIELD_TEXT),
	    COLUMN("published_on", N_("Published on"), FIELD_DATE),
	    COLUMN("published_by", N_("Published by"), FIELD_TEXT));
RECORD_DESC(survey_question_record, "survey_questions",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("year", N_("Year"), FIELD_TEXT),
	    COLUMN("position", N_("No."), FIELD_TEXT),
	    COLUMN("code", N_("Code"), FIELD_TEXT),
	    COLUMN("text_fr", N_("Question in French"), FIELD_TEXT),
	    COLUMN("text_en", N_("Question in English"), FIELD_TEXT));
RECORD_DESC(survey_reply_record, "survey_clients",
	    COLUMN("id", "", FIELD_HIDDEN),
	    COLUMN("year", N_("Year"), FIELD_TEXT),
	    COLUMN("client_id", N_("Client no."), FIELD_TEXT),
	    COLUMN("answers", N_("Answers"), FIELD_TEXT),
	    COLUMN("comment", N_("Comment"), FIELD_TEXT),
	    COLUMN("entered_by", N_("Entered by"), FIELD_TEXT),
	    COLUMN("entered_at", N_("Entered at"), FIELD_DATETIME));
