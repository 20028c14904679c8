/* model.c — life of the plain records. */
#include "charte/model.h"

#include <stdlib.h>
#include <string.h>

#include "charte/util.h"

/* void NAME(TYPE *r): r becomes "no value": zero, but for the members given as designated
 * initialisers after TYPE (NO_DAY, a first status…). */
#define RECORD_INIT(name, type, ...)                                                          \
	void name(type *r)                                                                    \
	{                                                                                     \
		*r = (type){__VA_ARGS__};                                                     \
	}

/* void NAME(TYPE *rows, size_t n): free each row with ITEM_FREE, then the array. */
#define ROWS_FREE(name, type, item_free)                                                      \
	void name(type *rows, size_t n)                                                       \
	{                                                                                     \
		for (size_t i = 0; i < n; i++)                                                \
			item_free(&rows[i]);                                                  \
		free(rows);                                                                   \
	}

/* Free the strings at `owned` (char * members of one record) and set them to NULL. */
static void strings_free(char **const owned[], size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(*owned[i]);
		*owned[i] = NULL;
	}
}

/* void NAME(TYPE *r): free the strings r owns (the addresses of its members, given after THEN),
 * then THEN(r): its init, which gives every member its "no value" again, or KEEP. */
#define RECORD_FREE(name, type, then, ...)                                                    \
	void name(type *r)                                                                    \
	{                                                                                     \
		char **const owned[] = {__VA_ARGS__};                                         \
		strings_free(owned, ARRAY_LEN(owned));                                        \
		then(r);                                                                      \
	}
#define KEEP(r) (void)(r) /* the other members are left as they are */

/* Replace the strings at `owned` (char * members of a record just copied) by copies of them. */
static void strings_dup(char **const owned[], size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (*owned[i])
			*owned[i] = xstrdup(*owned[i]);
}

/* void NAME(TYPE *to, const TYPE *from): to becomes a copy of from owning its own strings (the
 * addresses of to's members, given after TYPE); free it with the record's free. */
#define RECORD_COPY(name, type, ...)                                                          \
	void name(type *to, const type *from)                                                 \
	{                                                                                     \
		*to = *from;                                                                  \
		char **const owned[] = {__VA_ARGS__};                                         \
		strings_dup(owned, ARRAY_LEN(owned));                                         \
	}

RECORD_FREE(staff_free, staff, KEEP, &r->login, &r->name)
ROWS_FREE(staff_rows_free, staff, staff_free)

RECORD_INIT(call_init, call, .at = NO_MINUTE, .due = NO_MINUTE, .called_back_at = NO_MINUTE,
	    .doc_due = NO_MINUTE, .doc_sent_at = NO_MINUTE)
RECORD_FREE(call_free, call, call_init, &r->caller, &r->phone, &r->subject, &r->taken_by,
	    &r->callback_note, &r->cancel_reason)
ROWS_FREE(calls_free, call, call_free)

RECORD_INIT(call_attempt_init, callback_attempt, .at = NO_MINUTE)
RECORD_FREE(call_attempt_free, callback_attempt, call_attempt_init, &r->note, &r->by)
ROWS_FREE(call_attempts_free, callback_attempt, call_attempt_free)

void history_rows_free(history_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].actor);
		free(rows[i].tbl);
		free(rows[i].action);
		for (size_t k = 0; k < rows[i].nfields; k++) {
			free(rows[i].fields[k].column);
			free(rows[i].fields[k].before);
			free(rows[i].fields[k].after);
		}
		free(rows[i].fields);
		free(rows[i].changes);
	}
	free(rows);
}

RECORD_INIT(client_init, client_file, .status = CLIENT_PROSPECT, .created_at = NO_MINUTE)
RECORD_FREE(client_free, client_file, client_init, &r->civility, &r->name, &r->first_name,
	    &r->address, &r->phone, &r->phone2, &r->email, &r->referent, &r->instructions,
	    &r->forbidden_zones, &r->notes)
ROWS_FREE(clients_free, client_file, client_free)

RECORD_INIT(needs_init, needs_analysis, .analysed_on = NO_DAY)
RECORD_FREE(needs_free, needs_analysis, needs_init, &r->services, &r->days_times,
	    &r->constraints, &r->autonomy, &r->household, &r->notes, &r->analysed_by)

RECORD_INIT(quote_line_init, quote_line, .unit = -1, .unit_price = NO_CENTS, .vat_rate = -1)
RECORD_FREE(quote_line_free, quote_line, quote_line_init, &r->service_code, &r->label)
RECORD_COPY(quote_line_copy, quote_line, &to->service_code, &to->label)
ROWS_FREE(quote_lines_free, quote_line, quote_line_free)

RECORD_INIT(quote_init, quote, .date = NO_DAY, .valid_until = NO_DAY, .sent_on = NO_DAY,
	    .accepted_on = NO_DAY, .refused_on = NO_DAY)
RECORD_FREE(quote_free, quote, quote_init, &r->number, &r->client_name, &r->notes,
	    &r->created_by)
ROWS_FREE(quotes_free, quote, quote_free)

RECORD_INIT(contract_init, contract, .vat_rate = -1, .date = NO_DAY, .start = NO_DAY,
	    .signed_on = NO_DAY, .withdrawal_end = NO_DAY, .notice_on = NO_DAY, .ended_on = NO_DAY,
	    .withdrawn_on = NO_DAY)
RECORD_FREE(contract_free, contract, contract_init, &r->number, &r->client_name,
	    &r->quote_number, &r->skills, &r->created_by, &r->notes)
ROWS_FREE(contracts_free, contract, contract_free)

RECORD_FREE(contract_slot_free, contract_slot, KEEP, &r->service_code)
RECORD_COPY(contract_slot_copy, contract_slot, &to->service_code)
ROWS_FREE(contract_slots_free, contract_slot, contract_slot_free)

RECORD_INIT(contract_line_init, contract_line, .vat_rate = -1, .hourly_excl = NO_CENTS)
RECORD_FREE(contract_line_free, contract_line, contract_line_init, &r->service_code, &r->label)
ROWS_FREE(contract_lines_free, contract_line, contract_line_free)

RECORD_FREE(service_free, service, KEEP, &r->code, &r->label)
ROWS_FREE(services_free, service, service_free)

RECORD_INIT(call_filter_init, call_filter, .from = NO_DAY, .to = NO_DAY, .now = NO_MINUTE)

void client_filter_init(client_filter *f)
{
	memset(f, 0, sizeof *f);
}

void quote_filter_init(quote_filter *f, cday today)
{
	memset(f, 0, sizeof *f);
	f->status = -1;
	f->today = today;
}

void contract_filter_init(contract_filter *f, cday today)
{
	memset(f, 0, sizeof *f);
	f->status = -1;
	f->kind = -1;
	f->today = today;
}

RECORD_INIT(worker_init, worker, .status = WORKER_CANDIDATE, .hired_on = NO_DAY,
	    .ethics_signed_on = NO_DAY, .commitments_signed_on = NO_DAY, .created_at = NO_MINUTE)
RECORD_FREE(worker_free, worker, worker_init, &r->name, &r->matricule, &r->badge, &r->phone,
	    &r->skills, &r->notes)
ROWS_FREE(workers_free, worker, worker_free)

RECORD_FREE(selection_step_free, selection_step, KEEP, &r->code, &r->label, &r->done_by)
ROWS_FREE(selection_steps_free, selection_step, selection_step_free)

static RECORD_FREE(skill_free, skill, KEEP, &r->code, &r->label)
ROWS_FREE(skills_free, skill, skill_free)

RECORD_INIT(worker_doc_init, worker_doc, .dated = NO_DAY, .issued_on = NO_DAY)
RECORD_FREE(worker_doc_free, worker_doc, worker_doc_init, &r->note, &r->file_name, &r->added_by)
ROWS_FREE(worker_docs_free, worker_doc, worker_doc_free)

RECORD_INIT(worker_filter_init, worker_filter, .record_cutoff = NO_DAY)

RECORD_FREE(survey_question_free, survey_question, KEEP, &r->code, &r->text_fr, &r->text_en)
ROWS_FREE(survey_questions_free, survey_question, survey_question_free)

RECORD_INIT(survey_campaign_init, survey_campaign, .opened_on = NO_DAY, .published_on = NO_DAY)
RECORD_FREE(survey_campaign_free, survey_campaign, survey_campaign_init, &r->opened_by,
	    &r->published_by)
ROWS_FREE(survey_campaigns_free, survey_campaign, survey_campaign_free)

RECORD_INIT(survey_reply_init, survey_reply, .entered_at = NO_MINUTE)
RECORD_FREE(survey_reply_free, survey_reply, survey_reply_init, &r->client_name, &r->name_key,
	    &r->first_key, &r->answers, &r->comment, &r->entered_by)
ROWS_FREE(survey_replies_free, survey_reply, survey_reply_free)

RECORD_INIT(complaint_init, complaint, .received_on = NO_DAY, .answered_on = NO_DAY,
	    .closed_on = NO_DAY, .created_at = NO_MINUTE, .channel = CHANNEL_PHONE,
	    .severity = SEVERITY_MEDIUM, .status = COMPLAINT_OPEN)
RECORD_FREE(complaint_free, complaint, complaint_init, &r->category, &r->description, &r->answer,
	    &r->recorded_by, &r->client_name, &r->worker_name)
ROWS_FREE(complaints_free, complaint, complaint_free)

static RECORD_FREE(complaint_action_free, complaint_action, KEEP, &r->text, &r->done_by)
ROWS_FREE(complaint_actions_free, complaint_action, complaint_action_free)

static RECORD_FREE(complaint_category_free, complaint_category, KEEP, &r->code, &r->label_en,
		   &r->label_fr)
ROWS_FREE(complaint_categories_free, complaint_category, complaint_category_free)

void complaint_filter_init(complaint_filter *f)
{
	memset(f, 0, sizeof *f);
}

RECORD_INIT(action_plan_init, action_plan, .status = PLAN_OPEN, .opened_on = NO_DAY,
	    .closed_on = NO_DAY)
RECORD_FREE(action_plan_free, action_plan, action_plan_init, &r->title, &r->cause, &r->created_by,
	    &r->complaints)
ROWS_FREE(action_plans_free, action_plan, action_plan_free)

static RECORD_INIT(plan_action_init, plan_action, .due = NO_DAY, .done_on = NO_DAY)
RECORD_FREE(plan_action_free, plan_action, plan_action_init, &r->text, &r->owner)
ROWS_FREE(plan_actions_free, plan_action, plan_action_free)

static void recurring_problem_free(recurring_problem *p)
{
	free(p->category);
	free(p->name);
	free(p->ids);
}

ROWS_FREE(recurring_problems_free, recurring_problem, recurring_problem_free)

RECORD_INIT(visit_init, visit, .status = VISIT_PLANNED, .starts = NO_MINUTE, .ends = NO_MINUTE,
	    .arrived_at = NO_MINUTE, .left_at = NO_MINUTE, .created_at = NO_MINUTE,
	    .slot_week = NO_DAY)
RECORD_FREE(visit_free, visit, visit_init, &r->cancel_reason, &r->forced, &r->created_by,
	    &r->contract_number, &r->client_name, &r->worker_name, &r->service_code,
	    &r->service_label)
ROWS_FREE(visits_free, visit, visit_free)

RECORD_INIT(visit_filter_init, visit_filter, .from = NO_MINUTE, .to = NO_MINUTE)

RECORD_INIT(meeting_init, meeting, .met_on = NO_DAY, .signed_on = NO_DAY)
RECORD_FREE(meeting_free, meeting, meeting_init, &r->representative, &r->service, &r->request,
	    &r->forbidden_zones, &r->client_name, &r->worker_name)
ROWS_FREE(meetings_free, meeting, meeting_free)

RECORD_INIT(absence_init, absence, .from_day = NO_DAY, .to_day = NO_DAY)
RECORD_FREE(absence_free, absence, absence_init, &r->kind, &r->note, &r->worker_name)
ROWS_FREE(absences_free, absence, absence_free)

RECORD_INIT(note_init, note_entry, .at = NO_MINUTE)
RECORD_FREE(note_free, note_entry, note_init, &r->author, &r->text, &r->author_name)
ROWS_FREE(notes_free, note_entry, note_free)

static RECORD_FREE(candidate_free, candidate, KEEP, &r->name)
ROWS_FREE(candidates_free, candidate, candidate_free)

RECORD_INIT(followup_init, followup, .due = NO_DAY, .done_on = NO_DAY)
RECORD_FREE(followup_free, followup, followup_init, &r->done_by, &r->note, &r->client_name)
ROWS_FREE(followups_free, followup, followup_free)
RECORD_COPY(followup_copy, followup, &to->done_by, &to->note, &to->client_name)
