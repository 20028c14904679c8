/* views.h — private to src/tui: the views that other views open. */
#ifndef CHARTE_TUI_VIEWS_H
#define CHARTE_TUI_VIEWS_H

#include "frame.h"

/* The root views of the areas are in areas.h. */
/* A quote (its editor) and a contract (its page): arg points at the record's int64_t id. */
extern const struct view_ops view_quote_ops, view_contract_ops;
/* Views opened on top of an area's root. */
extern const struct view_ops view_call_ops, view_call_form_ops, view_help_ops,
	view_range_ops;
/* The service catalogue, opened from Settings (view_services.c), and the form of one service:
 * arg NULL for a new one, else its code (const char *). */
extern const struct view_ops view_services_ops, view_service_form_ops;
/* A client file with its tabs (view_client.c), the forms
 * of the file (view_client_form.c: arg NULL for a new client, else the int64_t id) and of the
 * needs analysis (view_needs_form.c: arg the int64_t client id). */
extern const struct view_ops view_client_ops, view_client_form_ops, view_needs_form_ops;
/* The Survey area: a campaign's results with bars per question (view_survey_results.c) and the
 * quick entry of one client's answers after another (view_survey_answer.c); arg points at the
 * year (int64_t). */
extern const struct view_ops view_survey_results_ops, view_survey_answer_ops;
/* The tabs of a client file. */
enum client_tab {
	CLIENT_TAB_FILE,
	CLIENT_TAB_NEEDS,
	CLIENT_TAB_HISTORY,
	CLIENT_TAB_LIAISON, /* first meetings and the liaison notebook (I3, I5) */
	CLIENT_TABS
};
/* Open the file of client id on a tab, over the current view. */
void client_act_open(tui *t, int64_t id, int tab);

#endif
