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

void staff_free(staff *s)
{
	free(s->login);
	free(s->name);
	s->login = s->name = NULL;
}

ROWS_FREE(staff_rows_free, staff, staff_free)

void call_init(call *c)
{
	memset(c, 0, sizeof *c);
	c->at = c->due = c->called_back_at = c->doc_due = c->doc_sent_at = NO_MINUTE;
}

void call_free(call *c)
{
	free(c->caller);
	free(c->phone);
	free(c->subject);
	free(c->taken_by);
	free(c->callback_note);
	free(c->cancel_reason);
	call_init(c);
}

ROWS_FREE(calls_free, call, call_free)

void call_attempt_init(callback_attempt *t)
{
	memset(t, 0, sizeof *t);
	t->at = NO_MINUTE;
}

void call_attempt_free(callback_attempt *t)
{
	free(t->note);
	free(t->by);
	call_attempt_init(t);
}

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

void client_free(client_file *c)
{
	free(c->civility);
	free(c->name);
	free(c->first_name);
	free(c->address);
	free(c->phone);
	free(c->phone2);
	free(c->email);
	free(c->referent);
	free(c->instructions);
	free(c->forbidden_zones);
	free(c->notes);
	client_init(c);
}

ROWS_FREE(clients_free, client_file, client_free)

void needs_init(needs_analysis *n)
{
	memset(n, 0, sizeof *n);
	n->analysed_on = NO_DAY;
}

void needs_free(needs_analysis *n)
{
	free(n->services);
	free(n->days_times);
	free(n->constraints);
	free(n->autonomy);
	free(n->household);
	free(n->notes);
	free(n->analysed_by);
	needs_init(n);
}

void quote_line_init(quote_line *l)
{
	memset(l, 0, sizeof *l);
	l->unit = -1;
	l->unit_price = NO_CENTS;
	l->vat_rate = -1;
}

void quote_line_free(quote_line *l)
{
	free(l->service_code);
	free(l->label);
	quote_line_init(l);
}

ROWS_FREE(quote_lines_free, quote_line, quote_line_free)

void quote_init(quote *q)
{
	memset(q, 0, sizeof *q);
	q->date = q->valid_until = q->sent_on = q->accepted_on = q->refused_on = NO_DAY;
}

void quote_free(quote *q)
{
	free(q->number);
	free(q->client_name);
	free(q->notes);
	free(q->created_by);
	quote_init(q);
}

ROWS_FREE(quotes_free, quote, quote_free)

void contract_init(contract *k)
{
	memset(k, 0, sizeof *k);
	k->vat_rate = -1;
	k->date = k->start = k->signed_on = k->withdrawal_end = k->notice_on = k->ended_on =
	    k->withdrawn_on = NO_DAY;
}

void contract_free(contract *k)
{
	free(k->number);
	free(k->client_name);
	free(k->quote_number);
	free(k->skills);
	free(k->created_by);
	contract_init(k);
}

ROWS_FREE(contracts_free, contract, contract_free)

void contract_slot_free(contract_slot *s)
{
	free(s->service_code);
	s->service_code = NULL;
}

ROWS_FREE(contract_slots_free, contract_slot, contract_slot_free)

void contract_line_init(contract_line *l)
{
	memset(l, 0, sizeof *l);
	l->vat_rate = -1;
	l->hourly_excl = NO_CENTS;
}

void contract_line_free(contract_line *l)
{
	free(l->service_code);
	free(l->label);
	contract_line_init(l);
}

ROWS_FREE(contract_lines_free, contract_line, contract_line_free)

void service_free(service *s)
{
	free(s->code);
	free(s->label);
	s->code = s->label = NULL;
}

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
