/* areas.c — the areas table: one row per area, in tab order. Adding an area is its view files
 * and one row here (README.md, "The tree", has the whole recipe). */
#include <string.h>

#include "areas.h"
#include "today.h"

static const struct today_section *const today_today[] = {&today_findings, NULL};

const struct screen_area tui_areas[] = {
	{&view_today_ops, NULL, today_today},
	{&view_calls_ops, call_records, calls_today},
	{&view_clients_ops, client_records, NULL},
	{&view_quotes_ops, quote_records, NULL},
	{&view_contracts_ops, contract_records, NULL},
	{&view_workers_ops, worker_records, NULL},
	{&view_planning_ops, NULL, planning_today},
	{&view_survey_ops, survey_records, NULL},
	{&view_complaints_ops, complaint_records, complaints_today},
	{&view_settings_ops, settings_records, NULL},
};
const size_t tui_nareas = ARRAY_LEN(tui_areas);
_Static_assert(ARRAY_LEN(tui_areas) <= TUI_AREAS, "the digits 1 to 9, then 0, name the areas");

static const struct record_kind *find(const char *kind, const struct screen_area **of)
{
	for (size_t a = 0; kind && a < tui_nareas; a++)
		for (const struct record_kind *k = tui_areas[a].kinds; k && k->kind; k++)
			if (!strcmp(k->kind, kind)) {
				if (of)
					*of = &tui_areas[a];
				return k;
			}
	return NULL;
}

const struct record_kind *area_kind(const char *kind)
{
	return find(kind, NULL);
}

const struct screen_area *area_of_kind(const char *kind)
{
	const struct screen_area *a = NULL;
	find(kind, &a);
	return a;
}

bool area_open(tui *t, const char *kind, int64_t id, const char *why)
{
	const struct record_kind *k = find(kind, NULL);
	if (!k || !k->open)
		return false;
	k->open(t, id, why);
	return true;
}
