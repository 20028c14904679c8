/* names.c — the enum tables of the model, and the three ways to read one. */
#include "charte/names.h"

#include <stdlib.h>
#include <string.h>

#include "charte/model.h"
#include "charte/util.h"

#define TABLE(var, unknown_value, ...)                                                      \
	static const enum_entry var##_rows[] = {__VA_ARGS__};                               \
	const enum_table var = {var##_rows, ARRAY_LEN(var##_rows), unknown_value}

static const enum_entry *find(const enum_table *t, int value)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->rows[i].value == value)
			return &t->rows[i];
	return NULL;
}

const char *enum_name(const enum_table *t, int value)
{
	const enum_entry *r = find(t, value);
	return r ? r->name : "";
}

int enum_value(const enum_table *t, const char *s)
{
	if (!s || !*s)
		return t->unknown;
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(s, t->rows[i].name))
			return t->rows[i].value;
	return t->unknown;
}

const char *enum_label(const enum_table *t, int value)
{
	const enum_entry *r = find(t, value);
	if (!r || !r->label || !*r->label)
		return "";
	if (!r->context)
		return gettext(r->label);
	/* As gettext.h's pgettext: the key is "context\004msgid". */
	char *key = xasprintf("%s\004%s", r->context, r->label);
	const char *t2 = gettext(key);
	const char *out = t2 == key ? r->label : t2;
	free(key);
	return out;
}

TABLE(role_names, ROLE_NONE,
      {ROLE_NONE, "", N_("read only"), NULL},
      {ROLE_RECEPTIONIST, "receptionist", N_("receptionist"), NULL},
      {ROLE_COORDINATOR, "coordinator", N_("coordinator"), NULL},
      {ROLE_MANAGER, "manager", N_("manager"), NULL});

TABLE(call_states, CALL_STATE_NONE,
      {CALL_STATE_NONE, "", "", NULL},
      {CALL_CANCELLED, "cancelled", N_("cancelled"), NULL},
      {CALL_OVERDUE, "overdue", N_("overdue"), NULL},
      {CALL_DUE_TODAY, "due-today", N_("due today"), NULL},
      {CALL_TO_CALL_BACK, "to-call-back", N_("to call back"), NULL},
      {CALL_DOC_LATE, "doc-late", N_("doc. late"), NULL},
      {CALL_DOC_TO_SEND, "doc-to-send", N_("doc. to send"), NULL},
      {CALL_VOICEMAIL, "voicemail", N_("voicemail"), NULL},
      {CALL_CALLED_BACK, "called-back", N_("called back"), NULL},
      {CALL_DOC_SENT, "doc-sent", N_("doc. sent"), NULL},
      {CALL_ANSWERED, "answered", N_("answered"), NULL});

TABLE(client_statuses, CLIENT_STATUS_NONE,
      {CLIENT_PROSPECT, "prospect", N_("Prospect"), NULL},
      {CLIENT_ACTIVE, "active", N_("Active"), NULL},
      {CLIENT_FORMER, "former", N_("Former client"), NULL});

TABLE(price_units, -1,
      {UNIT_HOUR, "hour", N_("per hour"), NULL},
      {UNIT_FLAT, "flat", N_("flat price"), NULL});

TABLE(quote_statuses, -1,
      {QUOTE_DRAFT, "draft", NC_("quote", "Draft"), "quote"},
      {QUOTE_SENT, "sent", NC_("quote", "Sent"), "quote"},
      {QUOTE_ACCEPTED, "accepted", NC_("quote", "Accepted"), "quote"},
      {QUOTE_REFUSED, "refused", NC_("quote", "Refused"), "quote"},
      {QUOTE_EXPIRED, "expired", NC_("quote", "Expired"), "quote"});

TABLE(contract_statuses, -1,
      {CONTRACT_DRAFT, "draft", NC_("contract", "Draft"), "contract"},
      {CONTRACT_SIGNED, "signed", NC_("contract", "Signed"), "contract"},
      {CONTRACT_ACTIVE, "active", NC_("contract", "Active"), "contract"},
      {CONTRACT_ENDED, "ended", NC_("contract", "Ended"), "contract"},
      {CONTRACT_WITHDRAWN, "withdrawn", NC_("contract", "Withdrawn"), "contract"});

TABLE(contract_kinds, -1,
      {CONTRACT_RECURRING, "recurring", N_("Recurring"), NULL},
      {CONTRACT_ONE_OFF, "one-off", N_("One-off"), NULL});

TABLE(worker_statuses, WORKER_STATUS_NONE,
      {WORKER_CANDIDATE, "candidate", N_("Candidate"), NULL},
      {WORKER_ACTIVE, "active", NC_("worker", "Active"), "worker"},
      {WORKER_LEFT, "left", N_("Left"), NULL});

TABLE(worker_doc_kinds, DOC_KIND_NONE,
      {DOC_CV, "cv", N_("CV"), NULL},
      {DOC_ID, "id", N_("ID copy"), NULL},
      {DOC_CRIMINAL_RECORD, "criminal-record", N_("Criminal record extract"), NULL},
      {DOC_OTHER, "other", N_("Other document"), NULL});
/* The survey's scale: the names are the columns of `survey results --csv`. */
TABLE(survey_answers, SURVEY_NO_ANSWER,
      {SURVEY_VERY_SATISFIED, "very_satisfied", N_("Very satisfied"), NULL},
      {SURVEY_SATISFIED, "satisfied", N_("Satisfied"), NULL},
      {SURVEY_DISSATISFIED, "dissatisfied", N_("Dissatisfied"), NULL},
      {SURVEY_VERY_DISSATISFIED, "very_dissatisfied", N_("Very dissatisfied"), NULL},
      {SURVEY_NO_OPINION, "no_opinion", N_("No opinion"), NULL});

TABLE(complaint_statuses, COMPLAINT_STATUS_NONE,
      {COMPLAINT_OPEN, "open", NC_("complaint", "Open"), "complaint"},
      {COMPLAINT_IN_PROGRESS, "in_progress", N_("In progress"), NULL},
      {COMPLAINT_ANSWERED, "answered", NC_("complaint", "Answered"), "complaint"},
      {COMPLAINT_CLOSED, "closed", NC_("complaint", "Closed"), "complaint"});

TABLE(complaint_channels, CHANNEL_NONE,
      {CHANNEL_PHONE, "phone", N_("Phone"), NULL},
      {CHANNEL_LETTER, "letter", N_("Letter"), NULL},
      {CHANNEL_EMAIL, "email", N_("Email"), NULL},
      {CHANNEL_HOME, "home", N_("At home"), NULL},
      {CHANNEL_SURVEY, "survey", N_("Survey"), NULL},
      {CHANNEL_FOLLOWUP, "followup", N_("Follow-up call"), NULL});

TABLE(complaint_severities, SEVERITY_NONE,
      {SEVERITY_LOW, "low", N_("Low"), NULL},
      {SEVERITY_MEDIUM, "medium", N_("Medium"), NULL},
      {SEVERITY_HIGH, "high", N_("High"), NULL});

TABLE(followup_kinds, FOLLOWUP_KIND_NONE,
      {FOLLOWUP_FIRST_MONTH, "first-month", N_("First month"), NULL},
      {FOLLOWUP_YEARLY, "yearly", N_("Yearly"), NULL});

TABLE(followup_statuses, FOLLOWUP_STATUS_NONE,
      {FOLLOWUP_DUE, "due", NC_("followup", "Due"), "followup"},
      {FOLLOWUP_OVERDUE, "overdue", NC_("followup", "Overdue"), "followup"},
      {FOLLOWUP_DONE, "done", NC_("followup", "Done"), "followup"});

TABLE(plan_statuses, PLAN_STATUS_NONE,
      {PLAN_OPEN, "open", NC_("plan", "Open"), "plan"},
      {PLAN_CLOSED, "closed", NC_("plan", "Closed"), "plan"});

TABLE(visit_statuses, VISIT_STATUS_NONE,
      {VISIT_PLANNED, "planned", NC_("visit", "Planned"), "visit"},
      {VISIT_DONE, "done", NC_("visit", "Done"), "visit"},
      {VISIT_CANCELLED, "cancelled", NC_("visit", "Cancelled"), "visit"},
      {VISIT_MISSED, "missed", NC_("visit", "Missed"), "visit"});
