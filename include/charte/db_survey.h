/* db_survey.h — the annual satisfaction survey in storage: campaigns, their copy of the
 * questionnaire, the clients each asks and their answers. Checked by core/survey.c. */
#ifndef CHARTE_DB_SURVEY_H
#define CHARTE_DB_SURVEY_H

#include "charte/db.h"

/* A new campaign for `year`, opened on `on` by `by`, with its copy of the questions (in order). */
int db_survey_campaign_insert(db *d, int year, cday on, const char *by,
			      const survey_question *q, size_t nq, cerr *e);
/* The clients served in `year` that the campaign does not ask yet are added to it; *added
 * says how many. "Served" is defined once, here: see SURVEY_SERVED in db/survey.c. */
int db_survey_add_served(db *d, int year, int64_t *added, cerr *e);
/* How many clients were served in `year` (the same definition). */
int db_survey_served_count(db *d, int year, int64_t *n, cerr *e);
/* The campaign of `year` with its counts; ST_NOT_FOUND (field "year") when there is none. */
int db_survey_campaign_get(db *d, int year, survey_campaign *out, cerr *e);
/* Every campaign, newest first (one a year: a short list). */
int db_survey_campaigns(db *d, survey_campaign **rows, size_t *n, cerr *e);
/* The campaign's questions, in order. */
int db_survey_questions(db *d, int year, survey_question **rows, size_t *n, cerr *e);
/* Record the publication. */
int db_survey_publish(db *d, int year, cday on, const char *by, cerr *e);

/* One client asked by a campaign (answered or not); ST_NOT_FOUND when the campaign does not
 * ask that client. */
int db_survey_reply_get(db *d, int year, int64_t client_id, survey_reply *out, cerr *e);
/* Store a client's answers (replacing any earlier ones), comment, who and when. */
int db_survey_reply_set(db *d, const survey_reply *r, cerr *e);
/* The clients a campaign asks, by name (f->year required), paged by key as every list. */
int db_survey_replies_page(db *d, const survey_reply_filter *f, const survey_reply *from,
			   bool backward, int limit, survey_reply **rows, size_t *n, cerr *e);
/* Each answered reply of the year in the order it was entered: its answers and its comment.
 * fn returns non-zero to stop. */
int db_survey_answers_each(db *d, int year,
			   int (*fn)(const char *answers, const char *comment, void *arg),
			   void *arg, cerr *e);

#endif
