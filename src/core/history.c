/* history.c — the audit trail for people: one generic rendering of a change from the stored
 * machine form (column, raw before, raw after) through each record's field description. */
#include "charte/history.h"

#include "core.h"

#include <stdlib.h>
#include <string.h>

#include "charte/contract.h"

/* Every described record; a new area adds its own here. */
static const record_desc *const records[] = {
	&call_record,     &client_record,     &needs_record,          &service_record,
	&quote_record,    &quote_line_record, &contract_record,       &contract_slot_record,
	&contract_line_record,
	&settings_record, &staff_record,
	&worker_record,   &worker_availability_record, &worker_step_record, &worker_doc_record,
	&survey_campaign_record, &survey_question_record, &survey_reply_record,
	&complaint_category_record, &complaint_record, &complaint_action_record, &action_plan_record,
	&plan_complaint_record, &plan_action_record,
	&visit_record, &meeting_record, &absence_record, &note_record, &followup_record,
};

/* A free note on a history row (an import's summary), whatever the table. */
static const field_desc note_field = COLUMN("note", N_("Note"), FIELD_TEXT);

static const field_desc *field_of(const char *table, const char *column)
{
	if (!strcmp(column, note_field.column))
		return &note_field;
	for (size_t i = 0; i < ARRAY_LEN(records); i++) {
		if (strcmp(records[i]->table, table))
			continue;
		for (size_t k = 0; k < records[i]->n; k++)
			if (!strcmp(records[i]->fields[k].column, column))
				return &records[i]->fields[k];
	}
	return NULL;
}

static bool integer_of(const char *raw, long long *out)
{
	char *end;
	*out = strtoll(raw, &end, 10);
	return *raw && !*end;
}

/* A stored value as people read it; NULL or "" is "—". A value that does not have the shape
 * its kind expects (an old row, a changed column) is shown as stored. Caller frees. */
char *field_show(const field_desc *f, const char *raw)
{
	if (!raw || !*raw)
		return xstrdup("—");
	int kind = f ? f->kind : FIELD_TEXT;
	long long x;
	cday d;
	cminute t;
	char buf[48];
	switch (kind) {
	case FIELD_MONEY:
		if (!integer_of(raw, &x))
			break;
		fmt_amount(x, buf);
		return xstrdup(buf);
	case FIELD_HOURS:
	case FIELD_QUANTITY:
	case FIELD_RATE:
		if (!integer_of(raw, &x))
			break;
		fmt_hundredths_human(x, buf);
		if (kind == FIELD_HOURS)
			return xasprintf(_("%s h"), buf);
		return kind == FIELD_RATE ? xasprintf("%s %%", buf) : xstrdup(buf);
	case FIELD_DATE:
		if (!date_from_text(raw, &d))
			break;
		fmt_date_human(d, buf);
		return xstrdup(buf);
	case FIELD_DATETIME:
		if (!datetime_from_text(raw, &t))
			break;
		fmt_datetime_human(t, buf);
		return xstrdup(buf);
	case FIELD_FLAG:
		if (!strcmp(raw, "0") || !strcmp(raw, "1"))
			return xstrdup(*raw == '1' ? _("yes") : _("no"));
		break;
	case FIELD_ENUM: {
		int v = enum_value(f->names, raw);
		const char *label = enum_label(f->names, v);
		if (*enum_name(f->names, v) && *label)
			return xstrdup(label);
		break;
	}
	case FIELD_WEEKDAY:
		if (integer_of(raw, &x) && x >= 1 && x <= 7)
			return xstrdup(contract_weekday_label((int)x));
		break;
	case FIELD_PHONE:
		if (raw[0] != '+')
			break;
		fmt_phone(raw, buf);
		return xstrdup(buf);
	default:
		break;
	}
	return xstrdup(raw);
}

char *history_text(const history_row *h)
{
	bool update = h->action && !strcmp(h->action, "update");
	bool removed = h->action && !strcmp(h->action, "delete");
	strbuf b = {0};
	for (size_t i = 0; i < h->nfields; i++) {
		const history_field *hf = &h->fields[i];
		const field_desc *f = field_of(h->tbl ? h->tbl : "", hf->column);
		if (f && f->kind == FIELD_HIDDEN)
			continue;
		const char *value = removed ? hf->before : hf->after;
		/* What a new row did not hold (or a flag it did not set) says nothing. */
		if (!update && (!value || !*value ||
				(f && f->kind == FIELD_FLAG && !strcmp(value, "0"))))
			continue;
		char *v;
		if (update) {
			char *before = field_show(f, hf->before), *after = field_show(f, hf->after);
			v = xasprintf("%s → %s", before, after);
			free(before);
			free(after);
		} else {
			v = field_show(f, value);
		}
		sb_add(&b, b.len ? "; " : "");
		/* TRANSLATORS: a field of a change, its label then its value(s). */
		sb_addf(&b, _("%s: %s"), f ? _(f->label) : hf->column, v);
		free(v);
	}
	return b.s ? b.s : xstrdup("");
}

/* A login as people read it: the member of staff's name, else the login itself. */
static void staff_named(app *a, char **login)
{
	if (!*login || !**login)
		return;
	staff s = {0};
	cerr ignored = {0};
	if (!db_staff_by_login(a->db, *login, &s, &ignored)) {
		free(*login);
		*login = s.name;
		s.name = NULL;
	}
	staff_free(&s);
}

/* Whether the person working may see the changes of rows of `table` (record_desc.read_area). */
static bool may_read_table(const app *a, const char *table)
{
	for (size_t i = 0; table && i < ARRAY_LEN(records); i++)
		if (!strcmp(records[i]->table, table))
			return records[i]->read_area < 0 || app_may(a, records[i]->read_area, ACCESS_READ);
	return true;
}

int history_page(app *a, const char *tbl, int64_t row_id, int64_t before_id, int limit,
		 history_row **rows, size_t *n, cerr *e)
{
	if (role_check(a, AREA_HISTORY, ACCESS_READ, e))
		return ST_DENIED;
	int r = db_history_page(a->db, tbl, row_id, before_id, limit, rows, n, e);
	for (size_t i = 0; !r && i < *n; i++) {
		history_row *h = &(*rows)[i];
		if (may_read_table(a, h->tbl)) {
			for (size_t k = 0; k < h->nfields; k++) {
				const field_desc *f = field_of(h->tbl ? h->tbl : "", h->fields[k].column);
				if (f && f->kind == FIELD_STAFF) {
					staff_named(a, &h->fields[k].before);
					staff_named(a, &h->fields[k].after);
				}
			}
			h->changes = history_text(h);
			continue;
		}
		/* Who changed what, and when, stays; the values are not for this role. */
		for (size_t k = 0; k < h->nfields; k++) {
			free(h->fields[k].before);
			free(h->fields[k].after);
			h->fields[k].before = h->fields[k].after = NULL;
		}
		h->changes = xstrdup(_("(not shown to your role)"));
	}
	return r;
}
