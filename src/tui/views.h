/* views.h — private to src/tui: the views that other views open. */
#ifndef CHARTE_TUI_VIEWS_H
#define CHARTE_TUI_VIEWS_H

#include "frame.h"

/* The areas, in tab order: each row is the root view of an area (tui.c). */
extern const struct view_ops view_today_ops, view_calls_ops, view_settings_ops;
/* The Quotes and Contracts areas (view_quotes.c, view_contracts.c). */
extern const struct view_ops view_quotes_ops, view_contracts_ops;
/* A quote (its editor) and a contract (its page): arg points at the record's int64_t id. */
extern const struct view_ops view_quote_ops, view_contract_ops;
/* Views opened on top of an area's root. */
extern const struct view_ops view_call_ops, view_call_form_ops, view_help_ops,
	view_range_ops;
/* The service catalogue, opened from Settings (view_services.c), and the form of one service:
 * arg NULL for a new one, else its code (const char *). */
extern const struct view_ops view_services_ops, view_service_form_ops;
/* The Clients area (view_clients.c); a client file with its tabs (view_client.c), the forms
 * of the file (view_client_form.c: arg NULL for a new client, else the int64_t id) and of the
 * needs analysis (view_needs_form.c: arg the int64_t client id). */
extern const struct view_ops view_clients_ops, view_client_ops, view_client_form_ops,
	view_needs_form_ops;
/* The tabs of a client file. */
enum client_tab { CLIENT_TAB_FILE, CLIENT_TAB_NEEDS, CLIENT_TAB_HISTORY, CLIENT_TABS };
/* Open the file of client id on a tab, over the current view. */
void client_act_open(tui *t, int64_t id, int tab);

#endif
