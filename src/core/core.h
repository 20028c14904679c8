/* core.h — private to src/core: the inside of a session, and the storage headers the rules
 * use. Nothing else in src/ includes this (scripts/check-layers holds to it); the unit tests
 * and bench/audit_floor.c look inside as white boxes. */
#ifndef CHARTE_CORE_H
#define CHARTE_CORE_H

#include <stddef.h>

#include "charte/app.h"
#include "charte/audit.h"
#include "charte/roles.h"
#include "charte/db.h"
#include "charte/db_calls.h"
#include "charte/db_clients.h"
#include "charte/db_complaints.h"
#include "charte/db_findings.h"
#include "charte/db_offer.h"
#include "charte/db_planning.h"
#include "charte/db_visits.h"
#include "charte/db_workers.h"
#include "charte/db_survey.h"

/* How a record's stored fields read for people, for the history (history.c). Each area
 * describes its records beside its rules. */
enum field_kind {
	FIELD_TEXT,
	FIELD_HIDDEN,   /* kept for the program (sort keys, the row's id): never shown */
	FIELD_MONEY,    /* cents: "1 234,56 €" */
	FIELD_HOURS,    /* hundredths of an hour: "6,5 h" */
	FIELD_QUANTITY, /* hundredths: "1,5" */
	FIELD_RATE,     /* hundredths of a percent: "5,5 %" */
	FIELD_DATE,     /* YYYY-MM-DD: in the locale */
	FIELD_DATETIME, /* YYYY-MM-DD HH:MM: in the locale */
	FIELD_FLAG,     /* 0/1: "yes"/"no" */
	FIELD_ENUM,     /* a stable name: its label in `names` */
	FIELD_WEEKDAY,  /* 1..7: "Mon" */
	FIELD_PHONE,    /* +33612345678: "06 12 34 56 78" */
	FIELD_STAFF,    /* a login: the member of staff's name (history_page looks it up) */
};

/* Where an editable field is in the record in memory, for edits that write only what the person
 * changed (record_merge). MEM_NONE: not edited that way. */
enum mem_type { MEM_NONE = 0, MEM_TEXT, MEM_I64, MEM_INT, MEM_BOOL };

typedef struct field_desc {
	const char *column;
	const char *label; /* msgid */
	int kind;
	const enum_table *names; /* FIELD_ENUM */
	int mem;                 /* enum mem_type */
	size_t offset;           /* of the member in the record */
} field_desc;

/* How a member is read and copied, from its C type. */
#define MEM_OF(type, member)                                                                \
	_Generic(((type *)0)->member, char *: MEM_TEXT, int64_t: MEM_I64, int: MEM_INT,      \
		 bool: MEM_BOOL)

/* The rows of a RECORD_DESC: COLUMN, a stored column as the history shows it; EDITED, one an
 * edit also writes through record_merge, from `member` of `type`; the _ENUM forms, a stable
 * name shown by its label in `names`. */
#define COLUMN(column, label, kind) {column, label, kind, NULL, MEM_NONE, 0}
#define ENUM_COLUMN(column, label, names) {column, label, FIELD_ENUM, names, MEM_NONE, 0}
#define EDITED(column, label, kind, type, member)                                           \
	{column, label, kind, NULL, MEM_OF(type, member), offsetof(type, member)}
#define ENUM_EDITED(column, label, names, type, member)                                     \
	{column, label, FIELD_ENUM, names, MEM_OF(type, member), offsetof(type, member)}

typedef struct record_desc {
	const char *table;
	const field_desc *fields;
	size_t n;
	int read_area; /* -1: shown to whoever reads the history; else the area (roles.h) a
			  reader must be allowed to read to see its changes */
} record_desc;

#define RECORD_DESC(var, table, ...) RECORD_DESC_READ(var, table, -1, __VA_ARGS__)
/* A record whose changes only those who may read `area` see in the history. */
#define RECORD_DESC_READ(var, table, area, ...)                                             \
	static const field_desc var##_fields[] = {__VA_ARGS__};                             \
	const record_desc var = {table, var##_fields, ARRAY_LEN(var##_fields), area}

extern const record_desc call_record, client_record, needs_record, service_record,
	quote_record, quote_line_record, contract_record, contract_slot_record, contract_line_record,
	settings_record,
	staff_record, worker_record, worker_availability_record, worker_step_record,
	worker_doc_record, survey_campaign_record, survey_question_record, survey_reply_record,
	complaint_category_record, complaint_record, complaint_action_record, action_plan_record,
	plan_complaint_record, plan_action_record, visit_record, meeting_record, absence_record,
	note_record, followup_record;

/* What a quote or contract line leaves to its service `code` (NULL: a free line, nothing to
 * take), read in the caller's transaction: the label when *label is NULL, the price when
 * NO_CENTS, the unit when < 0 (unit may be NULL: a line without one), the VAT rate when < 0.
 * A service that is not in the catalogue or no longer offered is ST_INVALID (catalogue.c). */
int catalogue_line_defaults(app *a, const char *code, char **label, cents *price, int *unit,
			    int *vat_rate, cerr *e);

/* `read`, a call to storage, made when the person may read `area`: ST_DENIED otherwise (e says
 * why), before storage is asked. Every read core serves goes through it. */
#define ROLE_READ(a, area, e, read) (role_check(a, area, ACCESS_READ, e) ? ST_DENIED : (read))

/* A phone typed for `field` (fields.c): ST_OK when blank or a number parse_phone reads, else
 * ST_INVALID naming field with parse_phone's reason. */
int field_check_phone(const char *s, const char *field, cerr *e);
/* A checked phone to its stored form, in place: trimmed, NULL when blank, else the normal form. */
void field_tidy_phone(char **s);

/* The files of data/ (datafile.c). A file read whole, at most `max` bytes (more is
 * ST_INVALID, naming the limit in MB); its length in *size when size is not NULL. NULL when it
 * cannot be read, e saying why (e may be NULL). */
char *data_file_read(const char *path, size_t max, size_t *size, cerr *e);
#define DATA_FILE_MAX (1 << 20)
/* data/NAME as text, or NULL when the program runs away from its data folder (the caller then
 * takes its built-in copy). Caller frees. */
char *data_file_text(const char *name);
/* A data/ table: CSV with ';', UTF-8 (an optional byte order mark), a first line naming the
 * columns (starting "code") and blank lines passed over. Each other row goes to `row`: its cells
 * trimmed (n is how many there were; at most DATA_CELLS_MAX are kept), its line number; `row`
 * returns ST_OK or, having set e, the status that stops the parse. Text that is not UTF-8 or not
 * CSV is ST_INVALID naming `what`. The caller keeps what its rows made, and frees it on a
 * failure. */
#define DATA_CELLS_MAX 8
typedef int data_row_fn(char **cells, size_t n, size_t line, void *arg, cerr *e);
int data_table_parse(const char *text, const char *what, data_row_fn *row, void *arg, cerr *e);

/* How one kind of event of a client's history reads (client.c gathers each area's). conv says
 * how to show the source's columns a, b, c: 't' as text, 'a' cents as an amount, 'h'
 * hundredths as hours, 'd' a stored date, 'w' a stored word to translate, '-' unused. */
typedef struct history_kind {
	const char *source, *event;
	const char *label;  /* N_() */
	const char *detail; /* N_(): printf format taking up to three strings, a b c in order */
	char conv[4];
} history_kind;
extern const history_kind call_history_kinds[], quote_history_kinds[], contract_history_kinds[],
	complaint_history_kinds[], visit_history_kinds[], planning_history_kinds[], followup_history_kinds[];

/* The charter's findings of each area (core/AREA.c), gathered by audit.c. */
extern const audit_rule settings_rules[], call_rules[], client_rules[], contract_rules[],
	worker_rules[], visit_rules[], survey_rules[], complaint_rules[], planning_rules[], followup_rules[];

/* The detail of a finding that a format cannot word (a list of what is missing), made from the
 * query's three columns for the person reading it (what their role may not see left out):
 * each area gives its own (AREA_details[], ended by a row with no slug), gathered by audit.c. */
typedef struct audit_detail {
	const char *slug;
	char *(*describe)(const app *a, const char *const cols[3]); /* translated, malloc'd */
} audit_detail;
extern const audit_detail worker_details[], contract_details[], visit_details[],
	complaint_details[], planning_details[], followup_details[];

/* What the contracts' steps ask of the visits (visit.c), inside the contract's transaction:
 * worker_id is a worker's (ST_INVALID on "worker" otherwise, a worker who left too); the
 * contract's visits planned from `after` on cancelled with `reason` (*n how many); the visits
 * of slot s not yet done made to follow it; the visits from now on following k->skip_holidays. */
int visit_require_worker(app *a, int64_t worker_id, cerr *e);
int visits_cancel_after(app *a, int64_t contract_id, cminute after, const char *reason, int *n,
			cerr *e);
int visits_follow_slot(app *a, const contract *k, const contract_slot *s, int *changed, cerr *e);
int visits_follow_holidays(app *a, const contract *k, int *changed, cerr *e);

/* How to load and store one kind of record, for record_change. RECORD_OPS defines one from the
 * model's init/free, storage's get and an update (NULL: each step stores what it changes);
 * RECORD_UPDATE makes that update from storage's. */
typedef struct record_ops {
	int area; /* of the roles table: a change needs ACCESS_WRITE */
	size_t size;
	void (*init)(void *rec);
	void (*release)(void *rec);
	int (*get)(db *d, int64_t id, void *rec, cerr *e);
	int (*update)(db *d, void *rec, cerr *e);
} record_ops;

#define RECORD_OPS(var, type, area_, init_, free_, get_, update_)                          \
	static void var##_init(void *r) { init_((type *)r); }                               \
	static void var##_release(void *r) { free_((type *)r); }                            \
	static int var##_get(db *d, int64_t id, void *r, cerr *e)                           \
	{                                                                                   \
		return get_(d, id, (type *)r, e);                                           \
	}                                                                                   \
	static const record_ops var = {area_, sizeof(type), var##_init, var##_release,       \
				       var##_get, update_}

#define RECORD_UPDATE(name, type, update_)                                                   \
	static int name(db *d, void *r, cerr *e) { return update_(d, (const type *)r, e); }

/* A numbered record's lookup by number, for record_find, made from storage's. */
#define RECORD_BY_NUMBER(name, type, by_number_)                                             \
	static int name(db *d, const char *number, void *r, cerr *e)                         \
	{                                                                                   \
		return by_number_(d, number, (type *)r, e);                                 \
	}

/* The one way a record changes: check the role, then in one transaction load record `id`,
 * let `step` change it (it gives the reason when it may not), store it, commit; on any failure
 * roll back, so that nothing is half written. */
int record_change(app *a, const record_ops *ops, int64_t id,
		  int (*step)(app *a, void *rec, void *arg, cerr *e), void *arg, cerr *e);

/* A step of a record's life taken on a day: *on (NO_DAY: today, set in *on) checked as
 * record_day does, naming `field`, then record_change with `on` as the step's argument. The
 * role is checked first, so that a person who may not write hears that before the day's
 * reason. */
int record_change_on(app *a, const record_ops *ops, int64_t id, cday *on, const char *field,
		     int (*step)(app *a, void *rec, void *arg, cerr *e), cerr *e);
/* record_change_on, the step given its own `arg` (which may hold the day *on). */
int record_change_dated(app *a, const record_ops *ops, int64_t id, cday *on, const char *field,
			int (*step)(app *a, void *rec, void *arg, cerr *e), void *arg, cerr *e);
/* A day a step happened: NO_DAY becomes today; later than today or before 2000 is refused,
 * naming `field`. */
int record_day(app *a, cday *day, const char *field, cerr *e);
/* Record `id` read when the person may read its area (ST_DENIED otherwise, before storage is
 * asked). */
int record_get(app *a, const record_ops *ops, int64_t id, void *out, cerr *e);
/* A numbered record by reference as typed (record_ref): by its number (by_number, made with
 * RECORD_BY_NUMBER) when it starts with `prefix`, else by id; "not found" names `field`, and a
 * reference that is neither is ST_INVALID on `field` with the msgid `what`. */
int record_find(app *a, const record_ops *ops,
		int (*by_number)(db *d, const char *number, void *rec, cerr *e), char prefix,
		const char *ref, const char *field, void *out, const char *what, cerr *e);

/* What an edit's step (record_change) is given: the record as the person saw it (NULL: as stored
 * now) and what they made of it, both of the record's type. */
typedef struct record_edit {
	const void *base;
	void *mine;
} record_edit;

/* An edit writes only what the person changed. `base` is the record as the person saw it when
 * they started (the form opened, the command read it), `mine` what they made of it, `cur` the
 * record as stored now, read inside the write transaction. Each editable field (mem) that mine
 * changed from base is copied into cur; the others keep cur's value, which another desk may
 * have changed meanwhile. A field that another desk changed too, to another value, is a
 * conflict: ST_CONFLICT, e naming the field with both values, cur left as it was read. */
int record_merge(const record_desc *d, void *cur, const void *base, const void *mine, cerr *e);
/* A stored value of field f as people read it ("—" for none). Caller frees. */
char *field_show(const field_desc *f, const char *raw);

/* A reference to a numbered record as typed: its number ("d2026-0001" or " D2026-0001 ": 1, the
 * number upper-cased in `number`) when it starts with `prefix`, else its id (0, in *id); -1 when
 * it is neither. */
int record_ref(const char *ref, char prefix, char number[static 32], int64_t *id);
/* r, with the field of a "not found" set to `field` (the option the person typed). */
int record_found(int r, const char *field, cerr *e);

struct app {
	db *db;
	char *path;
	bool now_fixed;   /* --now or $CHARTE_NOW */
	cminute now;      /* the fixed time, or the time of the last app_now() */
	char *login;
	staff me;         /* me.role == ROLE_NONE: not on the staff, read only */
	desk desk;        /* opening hours and closure dates from the settings */
	cday *closed_days;
	struct audit_cache *audit; /* the dashboard's findings as last read (audit.c) */
	struct followup_cache *followups; /* the follow-ups not done as last read (followup.c) */
};

/* What the rules' queries are given (audit.c): now, today, and the settings they read. */
void audit_params(app *a, finding_params *p);
/* Forget the findings kept for the dashboard (audit.c); app_close calls it. */
void audit_cache_free(app *a);
/* Forget the follow-ups not done kept for the list (followup.c); app_close calls it. */
void followup_cache_free(app *a);

#endif
