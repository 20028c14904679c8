/* survey.h — the annual satisfaction survey (S6; the survey side of A3 and I1): the
 * questionnaire of data/survey.csv, one campaign a year over the clients served that year, their
 * answers on the scale 1 very satisfied .. 4 very dissatisfied, 5 no opinion, the results
 * compared with the year before, and the publication the audit asks for (survey-missing). */
#ifndef CHARTE_SURVEY_H
#define CHARTE_SURVEY_H

#include "charte/app.h"

#define SURVEY_COMMENT_MAX 2000 /* characters */

/* ---- the questionnaire ---- */

/* Parse a questionnaire in the form of data/survey.csv: `code;fr;en`, a header row whose first
 * cell is "code", one question a line in the order asked. On failure e names the line. */
int survey_questionnaire_parse(const char *text, survey_question **rows, size_t *n, cerr *e);
/* The questionnaire a new campaign takes: i18n_datadir()/survey.csv, else the copy built into
 * the program. */
int survey_questionnaire_default(survey_question **rows, size_t *n, cerr *e);
/* The built-in copy of data/survey.csv. */
const char *survey_builtin_csv(void);
/* A question's text in the user's language. */
const char *survey_question_text(const survey_question *q);

/* ---- the rules ---- */

/* The steps of a campaign, as survey_can asks them. */
enum survey_step {
	SURVEY_ANSWER,  /* enter or correct a client's answers: not once published */
	SURVEY_PUBLISH, /* publish the results: once, with at least one answer */
};
/* Whether `step` may be taken on campaign c: ST_OK, or the reason, the very one the operation
 * gives (it asks this too). */
int survey_can(const survey_campaign *c, int step, cerr *e);

/* Answers as typed: one digit 1..5 per question, separated by commas ("1,2,2,5") or not
 * ("1225"), spaces ignored. *digits (caller frees) is the stored form, "1225". ST_INVALID on
 * the field "answers" naming the wrong count or the wrong value. */
int survey_parse_answers(const char *typed, int nquestions, char **digits, cerr *e);

/* A share in ten-thousandths (8750 for 7 of 8), rounded half up; -1 when `of` is 0. */
int survey_share(int64_t part, int64_t of);
/* That share as `survey results --csv` writes it: "0.875", "1", "0"; "" for none. */
void survey_share_csv(int share, char out[static 8]);
/* For people: "87,5 %" in French, "87.5%" in English; "—" for none. */
void survey_share_human(int share, char out[static 16]);

/* ---- operations ---- */

/* Open the campaign of `year` (manager): its copy of the questionnaire and the clients served
 * that year. On a campaign already open the clients served since are added (*added says how
 * many, 0 when none); a published one is refused. The year is at most this year. */
int survey_open(app *a, int year, int64_t *added, cerr *e);
/* Enter a client's answers (coordinator or manager): one digit per question (as
 * survey_parse_answers reads them), a comment ("" or NULL for none). Answering again replaces
 * the client's earlier answers (the history keeps them); refused once the campaign is
 * published, and for a client the campaign does not ask. Nothing written on a refusal. */
int survey_answer(app *a, int year, int64_t client_id, const char *answers, const char *comment,
		  cerr *e);
/* Record the publication of the results on `on` (manager): not in the future, not before the
 * campaign opened, once. */
int survey_publish(app *a, int year, cday on, cerr *e);

/* ---- reading ---- */

int survey_campaign_get(app *a, int year, survey_campaign *out, cerr *e); /* ST_NOT_FOUND */
/* Every campaign, newest first. */
int survey_campaigns(app *a, survey_campaign **rows, size_t *n, cerr *e);
int survey_questions(app *a, int year, survey_question **rows, size_t *n, cerr *e);
/* One client asked by the campaign (ST_NOT_FOUND on the field "client" when it does not). */
int survey_reply_get(app *a, int year, int64_t client_id, survey_reply *out, cerr *e);
/* The clients a campaign asks, by name, paged by key (f->year required). */
int survey_reply_page(app *a, const survey_reply_filter *f, const survey_reply *from, int limit,
		      survey_reply **rows, size_t *n, cerr *e);
int survey_reply_page_before(app *a, const survey_reply_filter *f, const survey_reply *from,
			     int limit, survey_reply **rows, size_t *n, cerr *e);

/* One question's figures. */
typedef struct survey_tally {
	const survey_question *question;
	int64_t counts[SURVEY_SCALE]; /* counts[v - 1]: the answers v (1..5) */
	int64_t answers;              /* every answer, no opinion included */
	int64_t satisfied;            /* very satisfied + satisfied */
	int64_t expressed;            /* the answers other than no opinion */
	int share;                    /* survey_share(satisfied, expressed) */
	bool last_asked;              /* last year's campaign asked this question (same code) */
	int64_t last_satisfied, last_expressed;
	int last_share;               /* -1: none */
} survey_tally;

/* A campaign's results, with last year's beside them. */
typedef struct survey_results {
	survey_campaign campaign;
	bool has_last;                /* a campaign the year before */
	survey_campaign last;
	survey_question *questions;
	survey_tally *tally;          /* one per question, in order */
	size_t nquestions;
	int response_rate;            /* survey_share(answered, asked) */
	int last_response_rate;
	/* The overall satisfaction: the share of the question coded "overall" (else the last
	 * question's); -1 when none. */
	int overall, last_overall;
	char **comments;              /* the free comments, in the order entered, without names */
	size_t ncomments;
} survey_results;

/* The results of the campaign of `year`. */
int survey_results_get(app *a, int year, survey_results *out, cerr *e);
void survey_results_free(survey_results *r);

#endif
