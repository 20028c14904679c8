/* change.c — the one way a stored record changes (see record_change in core.h). */
#include "core.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int record_change(app *a, const record_ops *ops, int64_t id,
		  int (*step)(app *a, void *rec, void *arg, cerr *e), void *arg, cerr *e)
{
	int r = role_check(a, ops->area, ACCESS_WRITE, e);
	if (r)
		return r;
	app_now(a);
	if ((r = db_begin(a->db, e)))
		return r;
	void *rec = xmalloc(ops->size);
	ops->init(rec);
	r = ops->get(a->db, id, rec, e);
	if (!r)
		r = step(a, rec, arg, e);
	if (!r && ops->update)
		r = ops->update(a->db, rec, e);
	ops->release(rec);
	free(rec);
	return db_end(a->db, r, e);
}

int record_day(app *a, cday *day, const char *field, cerr *e)
{
	cday today = app_today(a);
	if (*day == NO_DAY)
		*day = today;
	if (*day > today)
		return err_set(e, ST_INVALID, field, _("is later than today"));
	if (*day < cal_days(2000, 1, 1))
		return err_set(e, ST_INVALID, field, _("is before the year 2000"));
	return ST_OK;
}

int record_change_dated(app *a, const record_ops *ops, int64_t id, cday *on, const char *field,
			int (*step)(app *a, void *rec, void *arg, cerr *e), void *arg, cerr *e)
{
	int r = role_check(a, ops->area, ACCESS_WRITE, e);
	if (!r)
		r = record_day(a, on, field, e);
	if (r)
		return r;
	return record_change(a, ops, id, step, arg, e);
}

int record_change_on(app *a, const record_ops *ops, int64_t id, cday *on, const char *field,
		     int (*step)(app *a, void *rec, void *arg, cerr *e), cerr *e)
{
	return record_change_dated(a, ops, id, on, field, step, on, e);
}

int record_get(app *a, const record_ops *ops, int64_t id, void *out, cerr *e)
{
	return ROLE_READ(a, ops->area, e, ops->get(a->db, id, out, e));
}

int record_find(app *a, const record_ops *ops,
		int (*by_number)(db *d, const char *number, void *rec, cerr *e), char prefix,
		const char *ref, const char *field, void *out, const char *what, cerr *e)
{
	if (role_check(a, ops->area, ACCESS_READ, e))
		return ST_DENIED;
	char number[32];
	int64_t id = 0;
	switch (record_ref(ref, prefix, number, &id)) {
	case 1: return record_found(by_number(a->db, number, out, e), field, e);
	case 0: return record_found(ops->get(a->db, id, out, e), field, e);
	default: return err_set(e, ST_INVALID, field, "%s", _(what));
	}
}

int record_ref(const char *ref, char prefix, char number[static 32], int64_t *id)
{
	snprintf(number, 32, "%s", ref ? ref : "");
	str_trim(number);
	if (toupper((unsigned char)number[0]) == prefix) {
		for (char *p = number; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		return 1;
	}
	long n;
	if (parse_int(number, 1, 999999999999L, &n))
		return -1;
	*id = n;
	return 0;
}

int record_found(int r, const char *field, cerr *e)
{
	if (r == ST_NOT_FOUND && e)
		snprintf(e->field, sizeof e->field, "%s", field);
	return r;
}

/* The member a field describes, read as stored text (what field_show reads). */
static char *member_raw(const field_desc *f, const void *rec)
{
	const char *p = (const char *)rec + f->offset;
	char buf[32];
	long long v;
	switch (f->mem) {
	case MEM_TEXT:
		return *(char *const *)p ? xstrdup(*(char *const *)p) : NULL;
	case MEM_BOOL:
		return xstrdup(*(const bool *)p ? "1" : "0");
	case MEM_INT:
		v = *(const int *)p;
		break;
	default:
		v = *(const int64_t *)p;
		break;
	}
	if (f->kind == FIELD_ENUM)
		return xstrdup(enum_name(f->names, (int)v));
	if (f->kind == FIELD_DATE) {
		if (v == NO_DAY)
			return NULL;
		fmt_date((cday)v, buf);
		return xstrdup(buf);
	}
	if (f->kind == FIELD_DATETIME) {
		if (v == NO_MINUTE)
			return NULL;
		fmt_datetime((cminute)v, buf);
		return xstrdup(buf);
	}
	return xasprintf("%lld", v);
}

static bool member_same(const field_desc *f, const void *x, const void *y)
{
	const char *p = (const char *)x + f->offset, *q = (const char *)y + f->offset;
	switch (f->mem) {
	case MEM_TEXT: {
		const char *a = *(char *const *)p, *b = *(char *const *)q;
		return (a ? a : "")[0] == '\0' ? !b || !*b : b && !strcmp(a, b);
	}
	case MEM_BOOL:
		return *(const bool *)p == *(const bool *)q;
	case MEM_INT:
		return *(const int *)p == *(const int *)q;
	default:
		return *(const int64_t *)p == *(const int64_t *)q;
	}
}

static void member_copy(const field_desc *f, void *to, const void *from)
{
	char *p = (char *)to + f->offset;
	const char *q = (const char *)from + f->offset;
	switch (f->mem) {
	case MEM_TEXT:
		free(*(char **)p);
		*(char **)p = *(char *const *)q ? xstrdup(*(char *const *)q) : NULL;
		break;
	case MEM_BOOL:
		*(bool *)p = *(const bool *)q;
		break;
	case MEM_INT:
		*(int *)p = *(const int *)q;
		break;
	default:
		*(int64_t *)p = *(const int64_t *)q;
		break;
	}
}

int record_merge(const record_desc *d, void *cur, const void *base, const void *mine, cerr *e)
{
	/* First every conflict, so that nothing is copied when there is one. */
	for (size_t i = 0; i < d->n; i++) {
		const field_desc *f = &d->fields[i];
		if (!f->mem || member_same(f, mine, base) || member_same(f, cur, base) ||
		    member_same(f, cur, mine))
			continue;
		char *theirs_raw = member_raw(f, cur), *mine_raw = member_raw(f, mine);
		char *theirs = field_show(f, theirs_raw), *yours = field_show(f, mine_raw);
		/* Worded to follow the field's name, as every reason is (the form shows it under
		 * the field, the command line after the field's name). */
		err_set(e, ST_CONFLICT, f->column,
			_("was changed at another desk meanwhile, to \"%s\" (yours: \"%s\"): "
			  "nothing was saved; look again, then save what should stay"),
			theirs, yours);
		free(theirs_raw);
		free(mine_raw);
		free(theirs);
		free(yours);
		return ST_CONFLICT;
	}
	for (size_t i = 0; i < d->n; i++) {
		const field_desc *f = &d->fields[i];
		if (f->mem && !member_same(f, mine, base))
			member_copy(f, cur, mine);
	}
	return ST_OK;
}
