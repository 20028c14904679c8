/* model.h — the plain records the layers pass to each other. Strings are owned (heap) and
 * freed by the matching *_free(); a NULL string means "no value". */
#ifndef CHARTE_MODEL_H
#define CHARTE_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "charte/names.h"
#include "charte/util.h"
#include "charte/parse.h"

#define NO_CENTS INT64_MIN /* a price not given: take the service's */

enum role { ROLE_NONE = 0, ROLE_RECEPTIONIST, ROLE_COORDINATOR, ROLE_MANAGER };

typedef struct staff {
	int64_t id;
	char *login;
	char *name;
	int role; /* enum role */
	bool active;
} staff;
void staff_free(staff *s);
void staff_rows_free(staff *rows, size_t n);

/* A call in the log book (the charter's "main courante"). */
typedef struct call {
	int64_t id;
	cminute at;          /* when the call came in (or the message was left) */
	char *caller;        /* never empty */
	char *phone;         /* normal form (+33...) or NULL */
	char *subject;       /* may be empty */
	char *taken_by;      /* login of who logged it */
	int64_t client_id;   /* 0: not linked to a client */
	bool answered;       /* answered at once */
	bool voicemail;      /* left while the desk was closed (set automatically) */
	bool callback;       /* the caller asked to be called back */
	cminute due;         /* callback due (R1), NO_MINUTE without callback */
	cminute called_back_at;
	char *callback_note;
	bool documentation;  /* documentation requested */
	cminute doc_due;     /* documentation to send by (2 working days) */
	cminute doc_sent_at;
	bool cancelled;
	char *cancel_reason;
} call;
void call_init(call *c); /* zero strings, NO_MINUTE times */

/* Where a call stands (call_state_of in call.h decides; names.h's call_states names it). */
enum call_state {
	CALL_STATE_NONE = 0,
	CALL_CANCELLED,
	CALL_OVERDUE,      /* callback overdue */
	CALL_DUE_TODAY,    /* callback due later today */
	CALL_TO_CALL_BACK, /* callback due on a later day */
	CALL_DOC_LATE,     /* documentation not sent by its deadline */
	CALL_DOC_TO_SEND,
	CALL_VOICEMAIL,    /* a message left while the desk was closed, no callback asked */
	CALL_CALLED_BACK,
	CALL_DOC_SENT,
	CALL_ANSWERED,
};
void call_free(call *c);
void calls_free(call *rows, size_t n);

/* One field of a change in the audit trail, as stored: the column and its raw values (text,
 * or an integer as text: cents, hundredths, 0/1), NULL for none. */
typedef struct history_field {
	char *column;
	char *before;
	char *after;
} history_field;

/* A callback tried with no answer: the callback stays open; kept for ever, in time order. */
typedef struct callback_attempt {
	int64_t id, call_id;
	cminute at;  /* when the caller was tried */
	char *note;  /* never NULL once read ("" for none) */
	char *by;    /* the login of who tried */
} callback_attempt;
void call_attempt_init(callback_attempt *t);
void call_attempt_free(callback_attempt *t);
void call_attempts_free(callback_attempt *rows, size_t n);

/* One row of the audit trail. */
typedef struct history_row {
	int64_t id;
	cminute at;
	char *actor;
	char *tbl;
	int64_t row_id;
	char *action;  /* insert, update, delete, or a free word such as "import" */
	history_field *fields; /* from storage: on an update the fields that changed; else all */
	size_t nfields;
	char *changes; /* for people, made by core: "Label: before → after; ..." */
} history_row;
void history_rows_free(history_row *rows, size_t n);

/* ---- clients and their needs (issue 3: client.h operations) ---- */

enum client_status { CLIENT_STATUS_NONE = 0, CLIENT_PROSPECT, CLIENT_ACTIVE, CLIENT_FORMER };

/* A client file. Text fields are never NULL once read from storage ("" for none), except the
 * phones and the referent, which are NULL when absent. */
typedef struct client_file {
	int64_t id;
	char *civility;        /* "Mme", "M.", "M. et Mme", "Dr" or "" (an old file may hold "Mlle") */
	char *name;            /* never empty */
	char *first_name;
	char *address;
	char *phone, *phone2;  /* normal form (+33...) or NULL */
	char *email;
	int status;            /* enum client_status */
	char *referent;        /* a staff login (S1), or NULL */
	char *instructions;    /* specific instructions */
	char *forbidden_zones;
	bool wants_quote;      /* the client asked for a quote (R3) */
	char *notes;
	cminute created_at;
	bool has_needs;        /* read only: a needs analysis exists (O1) */
	int64_t calls_linked;  /* set by client_create/client_update: earlier calls from its
				  numbers, linked to no client, that are now linked to it */
} client_file;
void client_init(client_file *c); /* zero, status prospect, no time */
void client_free(client_file *c);
void clients_free(client_file *rows, size_t n);

/* The needs analysis of a client (O1): one per client, replaced when analysed again. */
typedef struct needs_analysis {
	int64_t client_id;
	char *services;        /* the services wanted, never empty */
	int64_t hours_per_week; /* hundredths of an hour */
	char *days_times;      /* preferred days and times */
	char *constraints;
	char *autonomy;
	char *household;
	char *notes;
	char *analysed_by;     /* staff login, set by the operation */
	cday analysed_on;      /* set by the operation */
} needs_analysis;
void needs_init(needs_analysis *n);
void needs_free(needs_analysis *n);

/* One event of a client's history (S2), from any source (calls, quotes, contracts, ...). */
typedef struct client_event {
	cminute at;          /* for an event known only by its day: that day at 00:00 */
	bool has_time;       /* false: only the day is known */
	const char *source;  /* stable: "client", "needs", "call", "quote", "contract", ... */
	const char *event;   /* stable: "created", "analysed", "call", "sent", "signed", ... */
	const char *ref;     /* the record as shown: a number, else its id; "" for the file itself */
	int64_t row_id;      /* the record to open */
	const char *label;   /* translated: what the record is ("Call", "Quote", ...) */
	const char *detail;  /* translated, for people */
} client_event;

/* ---- the service catalogue, quotes and contracts (issue 3: quote.h, contract.h) ---- */

enum price_unit { UNIT_HOUR = 0, UNIT_FLAT };

/* A service of the catalogue (catalogue.h): the SAP services and their VAT rates. */
typedef struct service {
	char *code;     /* stable key: lower-case letters, digits, '-' ("menage") */
	char *label;    /* for people, in French */
	int vat_rate;   /* hundredths of a percent (550 = 5.5 %) */
	int unit;       /* enum price_unit */
	cents price;    /* default unit price excl. VAT */
	bool essential; /* help with the essential acts of daily life (the 5.5 % rate) */
	bool active;    /* offered in pickers; an inactive service stays on old documents */
} service;
void service_free(service *s);
void services_free(service *rows, size_t n);

/* Stored states of a quote; QUOTE_EXPIRED is computed (sent, unanswered, past valid_until). */
enum quote_status { QUOTE_DRAFT = 0, QUOTE_SENT, QUOTE_ACCEPTED, QUOTE_REFUSED, QUOTE_EXPIRED };

/* One line of a quote. Amounts follow R2 (quote_line_compute). */
typedef struct quote_line {
	int64_t id, quote_id;
	int position;       /* 1.. in the quote, in the order lines were added */
	char *service_code; /* NULL: a free line (extra fees, a discount...) */
	char *label;
	int unit;           /* enum price_unit: hourly or flat price; -1: the service's */
	int64_t qty;        /* hundredths (hours, or a count for a flat price) */
	cents unit_price;   /* excl. VAT */
	int vat_rate;       /* hundredths of a percent */
	cents amount_excl;  /* qty x unit_price, rounded (R2) */
	cents vat;          /* amount_excl x vat_rate, rounded (R2) */
} quote_line;
void quote_line_init(quote_line *l);
void quote_line_free(quote_line *l);
/* to becomes a copy of from with its own strings (freed by quote_line_free). */
void quote_line_copy(quote_line *to, const quote_line *from);
void quote_lines_free(quote_line *rows, size_t n);

typedef struct quote {
	int64_t id;
	char *number;      /* "D2026-0001" */
	int64_t client_id;
	char *client_name; /* read only: "Name First" of the client, for lists */
	cday date;         /* the quote's date; its year numbers it */
	cday valid_until;  /* date + quote.validity_days */
	int status;        /* stored: QUOTE_DRAFT, _SENT, _ACCEPTED or _REFUSED */
	cday sent_on, accepted_on, refused_on;
	cents total_excl, total_vat, total_incl; /* sums of the lines */
	char *notes;       /* terms, what the extra fees are; printed on the quote */
	char *created_by;  /* staff login */
} quote;
void quote_init(quote *q);
void quote_free(quote *q);
void quotes_free(quote *rows, size_t n);

enum contract_kind { CONTRACT_RECURRING = 0, CONTRACT_ONE_OFF };
/* Stored states; CONTRACT_ACTIVE is also what a signed contract is once its start is reached. */
enum contract_status {
	CONTRACT_DRAFT = 0,
	CONTRACT_SIGNED,
	CONTRACT_ACTIVE,
	CONTRACT_ENDED,
	CONTRACT_WITHDRAWN,
};

/* One line of a contract: one service, its hours and its price (R3). */
typedef struct contract_line {
	int64_t id, contract_id;
	int position;       /* 1.. in the contract, in the order lines were added */
	char *service_code; /* NULL: a free label */
	char *label;
	int64_t hours;      /* hundredths: per week (recurring; the sum of its slots when it has
			       some) or the quantity (one-off; 100 = one flat price) */
	cents hourly_excl;  /* hourly price excl. VAT (one-off: the price per unit) */
	int vat_rate;       /* hundredths of a percent; -1: the service's, else vat.default */
	cents monthly_incl; /* read only: the line's share of R3, unrounded sums aside (see
			       contract_lines_monthly) */
} contract_line;
void contract_line_init(contract_line *l);
void contract_line_free(contract_line *l);
void contract_lines_free(contract_line *rows, size_t n);

/* One weekly slot of a recurring contract's schedule: it names one of the contract's lines. */
typedef struct contract_slot {
	int64_t id, contract_id;
	int weekday;        /* 1 = Monday .. 7 = Sunday */
	int starts, ends;   /* minutes after midnight; ends <= starts: it ends the next day */
	char *service_code; /* the line's service; NULL: a line with a free label */
	int64_t line_id;    /* the contract's line (0: a slot stored before lines existed) */
	int64_t worker_id;  /* the worker planned for it (0: none yet) */
} contract_slot;
void contract_slot_free(contract_slot *s);
/* to becomes a copy of from with its own strings (freed by contract_slot_free). */
void contract_slot_copy(contract_slot *to, const contract_slot *from);
void contract_slots_free(contract_slot *rows, size_t n);

typedef struct contract {
	int64_t id;
	char *number;        /* "C2026-0001" */
	int64_t client_id;
	char *client_name;   /* read only, for lists */
	int64_t quote_id;    /* 0: none */
	char *quote_number;  /* read only */
	int kind;            /* enum contract_kind */
	cday date;           /* when it was drawn up; its year numbers it */
	cday start;
	/* The first line's price and rate and the lines' hours summed: what a contract of one
	 * service holds (contract_create makes that one line from them). */
	cents hourly_excl;   /* hourly price excl. VAT (for a one-off: the price per unit) */
	int vat_rate;        /* hundredths of a percent */
	int64_t hours;       /* hundredths: per week (recurring; the slots' sum when there are
				slots) or in total (one-off; 100 = one flat price) */
	char *skills;        /* skill codes the worker must have beyond the services of its lines,
				comma-separated, sorted ("permis,transferts") */
	cday signed_on;
	bool at_agency;      /* signed at the agency: no withdrawal period (R4) */
	bool express_start;  /* the client asked to start within the withdrawal period */
	cday withdrawal_end; /* R4, set when signed; NO_DAY at the agency */
	cday notice_on;      /* R5: when the client gave notice */
	cday ended_on;       /* R5: the last day of that month */
	cday withdrawn_on;
	int status;          /* stored: enum contract_status */
	cents monthly_incl;  /* R3: monthly amount incl. VAT over its lines (one-off: its total) */
	char *created_by;
	bool skip_holidays;  /* no visit generated on a public holiday (default: visits are) */
	char *notes;         /* free text (what was typed as skills before they were codes) */
} contract;
void contract_init(contract *k);
void contract_free(contract *k);
void contracts_free(contract *rows, size_t n);

/* ---- what a list shows: the filters of each listing ---- */

typedef struct call_filter {
	bool open;        /* callbacks asked for and not yet made */
	bool overdue;     /* ... and due before now */
	bool voicemail;   /* messages left while the desk was closed */
	bool docs;        /* documentation asked for and not yet sent */
	bool with_cancelled;
	cday from, to;    /* NO_DAY for no bound; inclusive */
	cminute now;      /* for overdue */
	const char *search; /* words typed by a person: caller, phone, subject; NULL for none */
	int64_t client_id;  /* 0: any */
} call_filter;
void call_filter_init(call_filter *f);

typedef struct client_filter {
	const char *search;   /* words typed by a person: names, or phone digits; NULL for none */
	int status;           /* CLIENT_STATUS_NONE: any */
	const char *referent; /* a staff login; NULL: any */
} client_filter;
void client_filter_init(client_filter *f);

typedef struct quote_filter {
	int64_t client_id;  /* 0: any */
	int status;         /* -1: any; QUOTE_SENT means sent and still valid; QUOTE_EXPIRED */
	const char *search; /* words of the client's name or phone (FTS); NULL: none */
	cday today;         /* for the computed status */
} quote_filter;
void quote_filter_init(quote_filter *f, cday today);

typedef struct contract_filter {
	int64_t client_id;  /* 0: any */
	int status;         /* -1: any; computed: CONTRACT_ACTIVE = signed and started */
	int kind;           /* -1: any */
	const char *search; /* words of the client's name or phone (FTS) */
	cday today;
} contract_filter;
void contract_filter_init(contract_filter *f, cday today);

/* ---- workers (issue 8: worker.h) ---- */

enum worker_status { WORKER_STATUS_NONE = 0, WORKER_CANDIDATE, WORKER_ACTIVE, WORKER_LEFT };
enum worker_doc_kind { DOC_KIND_NONE = 0, DOC_CV, DOC_ID, DOC_CRIMINAL_RECORD, DOC_OTHER };

/* A worker's file (I4-I7). Text fields are never NULL once read from storage ("" for none),
 * except matricule, badge and phone, which are NULL when absent. */
typedef struct worker {
	int64_t id;
	char *name;            /* never empty */
	char *matricule;       /* identification number (unique; invoices, tax certificates) */
	char *badge;           /* the recognition sign's number (unique, I5) */
	char *phone;           /* normal form (+33...) or NULL */
	char *skills;          /* skill codes, comma-separated, sorted ("menage,permis") */
	cday hired_on;
	int status;            /* enum worker_status */
	char *notes;
	cday ethics_signed_on;      /* the ethics and confidentiality commitment (I4) */
	cday commitments_signed_on; /* the list of commitments (I7) */
	cminute created_at;
	bool file_complete;    /* read only (lists): procedure, signatures and documents complete */
} worker;
void worker_init(worker *w); /* zero, status candidate, no dates */
void worker_free(worker *w);
void workers_free(worker *rows, size_t n);

/* One weekly availability of a worker: weekday from starts to ends. */
typedef struct worker_availability {
	int64_t id, worker_id;
	int weekday;        /* 1 = Monday .. 7 = Sunday */
	int starts, ends;   /* minutes after midnight, starts < ends */
} worker_availability;

/* A step of the written selection procedure (data/selection-steps.csv), and a worker's record
 * of it: done on a day, by a member of staff. */
typedef struct selection_step {
	char *code;   /* "interview" */
	char *label;  /* for people, in French */
	int position;
	cday done_on; /* a worker's: NO_DAY while not done */
	char *done_by;
} selection_step;
void selection_step_free(selection_step *s);
void selection_steps_free(selection_step *rows, size_t n);

/* A skill a worker may have (data/skills.csv): every service of the catalogue and a few that
 * are not services (transfers, a driving licence). */
typedef struct skill {
	char *code, *label;
} skill;
void skills_free(skill *rows, size_t n);

/* A document of a worker's file (I6). The scanned file itself, when given, is kept apart
 * (worker_doc_file) and read only on request. */
typedef struct worker_doc {
	int64_t id, worker_id;
	int kind;          /* enum worker_doc_kind */
	cday dated;        /* when the agency received it */
	cday issued_on;    /* a criminal record extract: its issue date (renewal); else NO_DAY */
	char *note;        /* "" for none */
	char *file_name;   /* the file's name as given, or NULL for none */
	int64_t file_size; /* bytes, 0 for none */
	char *added_by;
} worker_doc;
void worker_doc_init(worker_doc *d);
void worker_doc_free(worker_doc *d);
void worker_docs_free(worker_doc *rows, size_t n);

typedef struct worker_filter {
	const char *search; /* words typed: name, matricule, badge, or phone digits */
	int status;         /* WORKER_STATUS_NONE: any */
	/* For file_complete: a criminal record extract issued on or before this day is due for
	 * renewal (core sets it from today and the setting criminal_record.renew_years). */
	cday record_cutoff;
} worker_filter;
void worker_filter_init(worker_filter *f);
/* ---- the annual satisfaction survey (S6) ---- */

/* The survey's scale, as typed (--answers 1,2,2,5): 1 to 4 from the best to the worst, 5 for
 * no opinion. survey_answers names them. */
enum survey_answer {
	SURVEY_NO_ANSWER = 0,
	SURVEY_VERY_SATISFIED,
	SURVEY_SATISFIED,
	SURVEY_DISSATISFIED,
	SURVEY_VERY_DISSATISFIED,
	SURVEY_NO_OPINION,
};
#define SURVEY_SCALE 5 /* the values 1..5 */

/* A question of the questionnaire, in both languages (the campaign keeps its own copy). */
typedef struct survey_question {
	char *code;    /* stable: "welcome" */
	char *text_fr; /* as the client reads it on paper */
	char *text_en;
} survey_question;
void survey_question_free(survey_question *q);
void survey_questions_free(survey_question *rows, size_t n);

/* The campaign of one year: the clients served that year, asked once. */
typedef struct survey_campaign {
	int year;
	cday opened_on;
	char *opened_by;
	cday published_on; /* NO_DAY: not published yet */
	char *published_by;
	int64_t asked;     /* read only: the clients it asks */
	int64_t answered;  /* read only: those whose answers are in */
	int nquestions;    /* read only */
} survey_campaign;
void survey_campaign_init(survey_campaign *c);
void survey_campaign_free(survey_campaign *c);
void survey_campaigns_free(survey_campaign *rows, size_t n);

/* A client asked by a campaign, and the answers when they came back. */
typedef struct survey_reply {
	int year;
	int64_t client_id;
	char *client_name;   /* read only, for lists */
	char *name_key;      /* read only: the list's order */
	char *first_key;
	char *answers;       /* one digit 1..5 per question, in order; NULL: not answered */
	char *comment;       /* "" for none */
	char *entered_by;
	cminute entered_at;  /* NO_MINUTE: not answered */
} survey_reply;
void survey_reply_init(survey_reply *r);
void survey_reply_free(survey_reply *r);
void survey_replies_free(survey_reply *rows, size_t n);

typedef struct survey_reply_filter {
	int year;
	const char *search;  /* words of the client's name or phone (FTS); NULL: none */
} survey_reply_filter;

/* ---- complaints and action plans (issue 9: complaint.h) ---- */

enum complaint_status {
	COMPLAINT_STATUS_NONE = 0,
	COMPLAINT_OPEN,
	COMPLAINT_IN_PROGRESS, /* an action was recorded */
	COMPLAINT_ANSWERED,    /* the client was given an answer */
	COMPLAINT_CLOSED,
};
enum complaint_channel {
	CHANNEL_NONE = 0, CHANNEL_PHONE, CHANNEL_LETTER, CHANNEL_EMAIL, CHANNEL_HOME,
	CHANNEL_SURVEY, CHANNEL_FOLLOWUP,
};
enum complaint_severity { SEVERITY_NONE = 0, SEVERITY_LOW, SEVERITY_MEDIUM, SEVERITY_HIGH };
enum plan_status { PLAN_STATUS_NONE = 0, PLAN_OPEN, PLAN_CLOSED };

/* A complaint, or an anomaly the agency noticed itself (S5). Text fields are never NULL once
 * read from storage ("" for none), except answer (NULL until answered). */
typedef struct complaint {
	int64_t id, client_id;
	int64_t worker_id;  /* 0: about no worker in particular */
	cday received_on;
	int channel;        /* enum complaint_channel */
	char *category;     /* a code of data/complaint-categories.csv */
	char *description;
	int severity;       /* enum complaint_severity */
	bool anomaly;       /* noticed by the agency, not voiced by the client */
	int status;         /* enum complaint_status */
	char *answer;
	cday answered_on, closed_on;
	char *recorded_by;  /* a login */
	cminute created_at;
	/* read only (lists and pages) */
	char *client_name, *worker_name;
	bool planned;       /* linked to an action plan */
} complaint;
void complaint_init(complaint *c); /* zero, channel phone, severity medium, status open */
void complaint_free(complaint *c);
void complaints_free(complaint *rows, size_t n);

/* Something done about a complaint, on a day, by a member of staff. */
typedef struct complaint_action {
	int64_t id, complaint_id;
	cday done_on;
	char *text, *done_by;
} complaint_action;
void complaint_actions_free(complaint_action *rows, size_t n);

/* A category of complaint (data/complaint-categories.csv). */
typedef struct complaint_category {
	char *code, *label_en, *label_fr;
} complaint_category;
void complaint_categories_free(complaint_category *rows, size_t n);

typedef struct complaint_filter {
	const char *search;   /* words typed: the client's name or phone */
	bool open;            /* not closed only */
	bool anomalies;       /* the anomalies noticed by the agency only */
	const char *category; /* a code, NULL: any */
	int64_t client_id;    /* 0: any */
	int64_t worker_id;    /* 0: any */
} complaint_filter;
void complaint_filter_init(complaint_filter *f);

/* An action plan (S7): the complaints it answers, the cause found, its actions. */
typedef struct action_plan {
	int64_t id;
	char *title, *cause;
	int status; /* enum plan_status */
	cday opened_on, closed_on;
	char *created_by;
	/* read only */
	char *complaints;         /* the ids it answers, "3,5,8" */
	int64_t nactions, ndone;  /* its actions, and how many are done */
} action_plan;
void action_plan_init(action_plan *p);
void action_plan_free(action_plan *p);
void action_plans_free(action_plan *rows, size_t n);

/* An action of a plan: who does what by when, and the day it was done. */
typedef struct plan_action {
	int64_t id, plan_id;
	char *text, *owner; /* owner: a login of the staff */
	cday due, done_on;  /* done_on NO_DAY: not done yet */
} plan_action;
void plan_action_free(plan_action *a);
void plan_actions_free(plan_action *rows, size_t n);

typedef struct plan_filter {
	bool open; /* open plans only */
} plan_filter;

/* A recurring problem (R7): the complaints of one category, or about one worker, within the
 * window; `unplanned` of them are in no action plan. */
enum recurring_kind { RECURRING_CATEGORY = 1, RECURRING_WORKER };
typedef struct recurring_problem {
	int kind;           /* enum recurring_kind */
	char *category;     /* RECURRING_CATEGORY: its code */
	int64_t worker_id;  /* RECURRING_WORKER */
	char *name;         /* the worker's name, or the category's code */
	int64_t *ids;       /* the complaints, by id */
	size_t n;
	size_t unplanned;
} recurring_problem;
void recurring_problems_free(recurring_problem *rows, size_t n);

/* ---- visits (issue 8: visit.h) ---- */

enum visit_status { VISIT_STATUS_NONE = 0, VISIT_PLANNED, VISIT_DONE, VISIT_CANCELLED, VISIT_MISSED };

/* One visit of a worker at a client under a contract. Text fields are never NULL once read
 * from storage, except cancel_reason (NULL unless cancelled). */
typedef struct visit {
	int64_t id, contract_id, client_id;
	int64_t line_id;            /* the contract's line it delivers: its service, price and VAT */
	int64_t worker_id;          /* 0: uncovered */
	cminute starts, ends;       /* planned; ends after starts, at most a day later */
	int status;                 /* enum visit_status */
	char *cancel_reason;        /* as typed, or a word of the rules (visit_reason_label) */
	cminute arrived_at, left_at; /* NO_MINUTE: not recorded */
	int64_t replaced_worker_id; /* the worker it was taken from (0: none) */
	char *forced;               /* the checks it was planned despite, comma-separated codes */
	int64_t slot_id;            /* the weekly slot it was generated for (0: planned by hand) */
	cday slot_week;             /* the Monday of that slot's week (NO_DAY: by hand) */
	cminute created_at;
	char *created_by;
	/* read only, for lists */
	char *contract_number, *client_name, *worker_name, *service_code, *service_label;
} visit;
void visit_init(visit *v);
void visit_free(visit *v);
void visits_free(visit *rows, size_t n);

/* Visits whose planned start is in [from, to) (NO_MINUTE: no bound), of one worker, client or
 * contract (0: any), in start order: each reads an index range. */
typedef struct visit_filter {
	cminute from, to;
	int64_t worker_id, client_id, contract_id;
	bool uncovered; /* only the planned ones no worker covers: none, or theirs absent on a
			   day of the visit (I2); worker_id then unused */
	int status; /* VISIT_STATUS_NONE: any */
} visit_filter;
void visit_filter_init(visit_filter *f);

/* A first meeting of a client and a worker with the agency's representative (I5). */
typedef struct meeting {
	int64_t id, client_id, worker_id;
	cday met_on;
	char *representative;  /* a staff login */
	char *service;         /* the service revalidated (a code), or NULL */
	char *request;         /* the client's precise request */
	char *forbidden_zones;
	cday signed_on;        /* the worker signed the request (NO_DAY: not yet) */
	/* read only, for lists */
	char *client_name, *worker_name;
} meeting;
void meeting_init(meeting *m);
void meeting_free(meeting *m);
void meetings_free(meeting *rows, size_t n);

/* A worker's absence over whole days, from_day..to_day (I2). */
typedef struct absence {
	int64_t id, worker_id;
	cday from_day, to_day;
	char *kind; /* leave, sickness, training, other */
	char *note;
	char *worker_name; /* read only */
} absence;
void absence_init(absence *x);
void absence_free(absence *x);
void absences_free(absence *rows, size_t n);

/* An entry of a client's liaison notebook (I3). */
typedef struct note_entry {
	int64_t id, client_id;
	cminute at;
	bool by_worker;   /* written by a worker (author: the worker's id), else by staff */
	char *author;     /* a staff login, or a worker id as text */
	char *text;
	int64_t visit_id; /* 0: none */
	char *author_name; /* read only: the staff member's or worker's name */
} note_entry;
void note_init(note_entry *n);
void note_free(note_entry *n);
void notes_free(note_entry *rows, size_t n);

/* A replacement candidate for a visit (I2), rank 1 first. */
typedef struct candidate {
	int64_t worker_id;
	char *name;
	bool met_client; /* met the client on or before the visit's day */
	int week_minutes; /* planned that week (not cancelled) */
	int rank;
} candidate;
void candidates_free(candidate *rows, size_t n);

/* ---- follow-up calls (R6, S4: followup.h) ---- */

enum followup_kind { FOLLOWUP_KIND_NONE = 0, FOLLOWUP_FIRST_MONTH, FOLLOWUP_YEARLY };
enum followup_status { FOLLOWUP_STATUS_NONE = 0, FOLLOWUP_DUE, FOLLOWUP_OVERDUE, FOLLOWUP_DONE };

/* A follow-up call: computed from the client's first visit done while it is not done (id 0),
 * stored once done. Its key (followup_key) is "CLIENT:YYYY-MM-DD" (the client's id and the day
 * it is due) while it is due, and its stored id once done. */
typedef struct followup {
	int64_t id;          /* 0: not done yet */
	int64_t client_id;
	int kind;            /* enum followup_kind */
	cday due;
	int status;          /* enum followup_status (read only: as of today) */
	cday done_on;        /* NO_DAY: not done */
	char *done_by;       /* a login */
	int satisfaction;    /* enum survey_answer: 1..4, 5 no opinion, 0 not asked */
	char *note;
	int64_t complaint_id; /* the complaint opened from it (0: none) */
	/* read only */
	char *client_name;
} followup;
void followup_init(followup *f);
void followup_free(followup *f);
void followup_copy(followup *to, const followup *from); /* to owns its own strings */
void followups_free(followup *rows, size_t n);

/* Which follow-ups a list keeps: due, overdue, done (none set: all three). */
typedef struct followup_filter {
	bool due, overdue, done;
	int64_t client_id; /* 0: every client */
} followup_filter;

#endif
