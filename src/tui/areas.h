/* areas.h — private to src/tui: the areas table. An area is one row (areas.c): its root view
 * (its tab), the kinds of record it opens by id, its sections of Today, and how its records
 * show in a client's history. The frame, Today and the client file read this table; none of
 * them names an area. */
#ifndef CHARTE_TUI_AREAS_H
#define CHARTE_TUI_AREAS_H

#include "frame.h"

struct today_section; /* today.h */

/* A kind of record, named as core names it (audit_rule.entity, client_event.source): "call",
 * "client", "needs", "quote", "contract". */
struct record_kind {
	const char *kind;
	/* Open record id over the current view; `why` is what asks for it: the slug of a charter
	 * finding about it ("needs-missing"), or NULL. */
	void (*open)(tui *t, int64_t id, const char *why);
	/* In a client's history: the record's number follows its label ("Quote D2026-0001") */
	bool history_ref;
	/* In a client's history: a line about the client file itself, shown dimmed */
	bool history_dim;
};

struct screen_area {
	/* Its tab: the view shown when the area is chosen. */
	const struct view_ops *root;
	/* The kinds of record it opens ({NULL}-terminated; NULL: none). */
	const struct record_kind *kinds;
	/* Its sections of Today (NULL-terminated; NULL: none), placed on Today by their rank. */
	const struct today_section *const *today;
};

/* The areas, in tab order (at most TUI_AREAS with a tab: the digits 1 to 9, then 0). */
extern const struct screen_area tui_areas[];
extern const size_t tui_nareas;

/* The row of a kind of record, or NULL when no area opens it. */
const struct record_kind *area_kind(const char *kind);
/* The area a kind of record belongs to, or NULL. */
const struct screen_area *area_of_kind(const char *kind);
/* Open record id of that kind (why as in record_kind.open); false when no area opens it. */
bool area_open(tui *t, const char *kind, int64_t id, const char *why);

/* ---- The rows of the areas: each area's file gives these ---------------------------- */

/* Today (view_today.c) and the charter's findings (view_today_findings.c). */
extern const struct view_ops view_today_ops;
extern const struct today_section today_findings;
/* Calls (view_calls.c, view_call.c, view_calls_today.c). */
extern const struct view_ops view_calls_ops;
extern const struct record_kind call_records[];
extern const struct today_section *const calls_today[];
/* Clients (view_clients.c, view_client.c). */
extern const struct view_ops view_clients_ops;
extern const struct record_kind client_records[];
/* Quotes and Contracts (view_quotes.c, view_quote.c, view_contracts.c, view_contract.c). */
extern const struct view_ops view_quotes_ops, view_contracts_ops;
extern const struct record_kind quote_records[], contract_records[];
/* Workers (view_workers.c, view_worker.c). */
extern const struct view_ops view_workers_ops;
extern const struct record_kind worker_records[];
/* Planning: the week grid (view_planning.c) and today's visits (view_planning_today.c). */
extern const struct view_ops view_planning_ops;
extern const struct today_section *const planning_today[];
/* Survey (view_survey.c, view_survey_results.c, view_survey_answer.c). */
extern const struct view_ops view_survey_ops;
extern const struct record_kind survey_records[];
/* Complaints and action plans, one tab (view_complaints.c, view_complaint*.c, view_plan*.c,
 * view_complaints_today.c). */
extern const struct view_ops view_complaints_ops;
extern const struct record_kind complaint_records[];
extern const struct today_section *const complaints_today[];
/* Settings (view_settings.c), and the agency's details (view_agency_form.c: the A1 finding
 * opens them). */
extern const struct view_ops view_settings_ops;
extern const struct record_kind settings_records[];
/* A manager starting the screens while the agency's details are missing is offered them. */
void agency_setup_offer(tui *t);

#endif
