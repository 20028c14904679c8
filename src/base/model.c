/* model.c — life of the plain records. */
#include "charte/model.h"

#include <stdlib.h>
#include <string.h>

#include "charte/util.h"

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

RECORD_FREE(staff_free, staff, KEEP, &r->login, &r->name)
ROWS_FREE(staff_rows_free, staff, staff_free)

void call_init(call *c)
{
	memset(c, 0, sizeof *c);
	c->at = c->due = c->called_back_at = c->doc_due = c->doc_sent_at = NO_MINUTE;
}

RECORD_FREE(call_free, call, call_init, &r->caller, &r->phone, &r->subject, &r->taken_by,
	    &r->callback_note, &r->cancel_reason)
ROWS_FREE(calls_free, call, call_free)

void call_attempt_init(callback_attempt *t)
{
	memset(t, 0, sizeof *t);
	t->at = NO_MINUTE;
}

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

void client_init(client_file *c)
{
	memset(c, 0, sizeof *c);
	c->status = CLIENT_PROSPECT;
	c->created_at = NO_MINUTE;
}

RECORD_FREE(client_free, client_file, client_init, &r->civility, &r->name, &r->first_name,
	    &r->address, &r->phone, &r->phone2, &r->email, &r->referent, &r->instructions,
	    &r->forbidden_zones, &r->notes)
ROWS_FREE(clients_free, client_file, client_free)

void needs_init(needs_analysis *n)
{
	memset(n, 0, sizeof *n);
	n->analysed_on = NO_DAY;
}

RECORD_FREE(needs_free, needs_analysis, needs_init, &r->services, &r->days_times,
	    &r->constraints, &r->autonomy, &r->household, &r->notes, &r->analysed_by)

void quote_line_init(quote_line *l)
{
	memset(l, 0, sizeof *l);
	l->unit = -1;
	l->unit_price = NO_CENTS;
	l->vat_rate = -1;
}

RECORD_FREE(quote_line_free, quote_line, quote_line_init, &r->service_code, &r->label)
ROWS_FREE(quote_lines_free, quote_line, quote_line_free)

void quote_init(quote *q)
{
	memset(q, 0, sizeof *q);
	q->date = q->valid_until = q->sent_on = q->accepted_on = q->refused_on = NO_DAY;
}

RECORD_FREE(quote_free, quote, quote_init, &r->number, &r->client_name, &r->notes,
	    &r->created_by)
ROWS_FREE(quotes_free, quote, quote_free)

void contract_init(contract *k)
{
	memset(k, 0, sizeof *k);
	k->vat_rate = -1;
	k->date = k->start = k->signed_on = k->withdrawal_end = k->notice_on = k->ended_on =
	    k->withdrawn_on = NO_DAY;
}

RECORD_FREE(contract_free, contract, contract_init, &r->number, &r->client_name,
	    &r->quote_number, &r->skills, &r->created_by, &r->notes)
ROWS_FREE(contracts_free, contract, contract_free)

RECORD_FREE(contract_slot_free, contract_slot, KEEP, &r->service_code)
ROWS_FREE(contract_slots_free, contract_slot, contract_slot_free)

void contract_line_init(contract_line *l)
{
	memset(l, 0, sizeof *l);
	l->vat_rate = -1;
	l->hourly_excl = NO_CENTS;
}

RECORD_FREE(contract_line_free, contract_line, contract_line_init, &r->service_code, &r->label)
ROWS_FREE(contract_lines_free, contract_line, contract_line_free)

RECORD_FREE(service_free, service, KEEP, &r->code, &r->label)
ROWS_FREE(services_free, service, service_free)

void call_filter_init(call_filter *f)
{
	memset(f, 0, sizeof *f);
	f->from = f->to = NO_DAY;
	f->now = NO_MINUTE;
}

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

void worker_init(worker *w)
{
	memset(w, 0, sizeof *w);
	w->status = WORKER_CANDIDATE;
	w->hired_on = w->ethics_signed_on = w->commitments_signed_on = NO_DAY;
	w->created_at = NO_MINUTE;
}

void worker_free(worker *w)
{
	free(w->name);
	free(w->matricule);
	free(w->badge);
	free(w->phone);
	free(w->skills);
	free(w->notes);
	worker_init(w);
}

ROWS_FREE(workers_free, worker, worker_free)

void selection_step_free(selection_step *s)
{
	free(s->code);
	free(s->label);
	free(s->done_by);
	s->code = s->label = s->done_by = NULL;
}

ROWS_FREE(selection_steps_free, selection_step, selection_step_free)

static void skill_free(skill *s)
{
	free(s->code);
	free(s->label);
}

ROWS_FREE(skills_free, skill, skill_free)

void worker_doc_init(worker_doc *d)
{
	memset(d, 0, sizeof *d);
	d->dated = d->issued_on = NO_DAY;
}

void worker_doc_free(worker_doc *d)
{
	free(d->note);
	free(d->file_name);
	free(d->added_by);
	worker_doc_init(d);
}

ROWS_FREE(worker_docs_free, worker_doc, worker_doc_free)

void worker_filter_init(worker_filter *f)
{
	memset(f, 0, sizeof *f);
	f->record_cutoff = NO_DAY;
}
void survey_question_free(survey_question *q)
{
	free(q->code);
	free(q->text_fr);
	free(q->text_en);
	memset(q, 0, sizeof *q);
}

ROWS_FREE(survey_questions_free, survey_question, survey_question_free)

void survey_campaign_init(survey_campaign *c)
{
	memset(c, 0, sizeof *c);
	c->opened_on = c->published_on = NO_DAY;
}

void survey_campaign_free(survey_campaign *c)
{
	free(c->opened_by);
	free(c->published_by);
	survey_campaign_init(c);
}

ROWS_FREE(survey_campaigns_free, survey_campaign, survey_campaign_free)

void survey_reply_init(survey_reply *r)
{
	memset(r, 0, sizeof *r);
	r->entered_at = NO_MINUTE;
}

void survey_reply_free(survey_reply *r)
{
	free(r->client_name);
	free(r->name_key);
	free(r->first_key);
	free(r->answers);
	free(r->comment);
	free(r->entered_by);
	survey_reply_init(r);
}

ROWS_FREE(survey_replies_free, survey_reply, survey_reply_free)

void complaint_init(complaint *c)
{
	memset(c, 0, sizeof *c);
	c->received_on = c->answered_on = c->closed_on = NO_DAY;
	c->created_at = NO_MINUTE;
	c->channel = CHANNEL_PHONE;
	c->severity = SEVERITY_MEDIUM;
	c->status = COMPLAINT_OPEN;
}

void complaint_free(complaint *c)
{
	free(c->category);
	free(c->description);
	free(c->answer);
	free(c->recorded_by);
	free(c->client_name);
	free(c->worker_name);
	complaint_init(c);
}

ROWS_FREE(complaints_free, complaint, complaint_free)

static void complaint_action_free(complaint_action *a)
{
	free(a->text);
	free(a->done_by);
}

ROWS_FREE(complaint_actions_free, complaint_action, complaint_action_free)

static void complaint_category_free(complaint_category *c)
{
	free(c->code);
	free(c->label_en);
	free(c->label_fr);
}

ROWS_FREE(complaint_categories_free, complaint_category, complaint_category_free)

void complaint_filter_init(complaint_filter *f)
{
	memset(f, 0, sizeof *f);
}

void action_plan_init(action_plan *p)
{
	memset(p, 0, sizeof *p);
	p->status = PLAN_OPEN;
	p->opened_on = p->closed_on = NO_DAY;
}

void action_plan_free(action_plan *p)
{
	free(p->title);
	free(p->cause);
	free(p->created_by);
	free(p->complaints);
	action_plan_init(p);
}

ROWS_FREE(action_plans_free, action_plan, action_plan_free)

void plan_action_free(plan_action *a)
{
	free(a->text);
	free(a->owner);
	memset(a, 0, sizeof *a);
	a->due = a->done_on = NO_DAY;
}

ROWS_FREE(plan_actions_free, plan_action, plan_action_free)

static void recurring_problem_free(recurring_problem *p)
{
	free(p->category);
	free(p->name);
	free(p->ids);
}

ROWS_FREE(recurring_problems_free, recurring_problem, recurring_problem_free)

void visit_init(visit *v)
{
	memset(v, 0, sizeof *v);
	v->status = VISIT_PLANNED;
	v->starts = v->ends = v->arrived_at = v->left_at = v->created_at = NO_MINUTE;
	v->slot_week = NO_DAY;
}

void visit_free(visit *v)
{
	free(v->cancel_reason);
	free(v->forced);
	free(v->created_by);
	free(v->contract_number);
	free(v->client_name);
	free(v->worker_name);
	free(v->service_code);
	free(v->service_label);
	visit_init(v);
}

ROWS_FREE(visits_free, visit, visit_free)

void visit_filter_init(visit_filter *f)
{
	memset(f, 0, sizeof *f);
	f->from = f->to = NO_MINUTE;
}

void meeting_init(meeting *m)
{
	memset(m, 0, sizeof *m);
	m->met_on = m->signed_on = NO_DAY;
}
RECORD_FREE(meeting_free, meeting, meeting_init, &r->representative, &r->service, &r->request,
	    &r->forbidden_zones, &r->client_name, &r->worker_name)
ROWS_FREE(meetings_free, meeting, meeting_free)

void absence_init(absence *x)
{
	memset(x, 0, sizeof *x);
	x->from_day = x->to_day = NO_DAY;
}
RECORD_FREE(absence_free, absence, absence_init, &r->kind, &r->note, &r->worker_name)
ROWS_FREE(absences_free, absence, absence_free)

void note_init(note_entry *n)
{
	memset(n, 0, sizeof *n);
	n->at = NO_MINUTE;
}
RECORD_FREE(note_free, note_entry, note_init, &r->author, &r->text, &r->author_name)
ROWS_FREE(notes_free, note_entry, note_free)

static void candidate_free(candidate *c)
{
	free(c->name);
	c->name = NULL;
}
ROWS_FREE(candidates_free, candidate, candidate_free)
void followup_init(followup *f)
{
	memset(f, 0, sizeof *f);
	f->due = f->done_on = NO_DAY;
}

void followup_free(followup *f)
{
	free(f->done_by);
	free(f->note);
	free(f->client_name);
	followup_init(f);
}

ROWS_FREE(followups_free, followup, followup_free)
