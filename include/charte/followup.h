/* followup.h — follow-up calls (DESIGN.md S4, rule R6). Made by the tool, never by hand: a
 * client's follow-ups are due a month after their first visit done under their first contract
 * (the same day number, clamped to the month's end), then on each anniversary of that visit on
 * which one of their contracts is active (signed on or before it, not ended nor withdrawn before
 * it). Overdue once the due day plus followup.grace_days has passed without it being done.
 * Nothing is stored while one is due: a follow-up is stored when it is recorded as done (the
 * day, by whom, the client's satisfaction on the survey's scale, remarks, and the complaint
 * opened from it).
 *
 * A follow-up's key (in lists, for followup_done): "CLIENT:YYYY-MM-DD", the client's id and the
 * day it is due, while it is not done; its stored id (a number) once done. The list shows those
 * due up to the end of the current week (Monday to Sunday), and those done.
 *
 * Everyone on the staff records follow-ups (roles.h: AREA_FOLLOWUPS). Each write is one
 * transaction; a rejected one names its field (id, on, satisfaction, note, complaint, category)
 * and writes nothing. */
#ifndef CHARTE_FOLLOWUP_H
#define CHARTE_FOLLOWUP_H

#include "charte/app.h"

#define FOLLOWUP_KEY_MAX 32
/* The key of f as lists show it. */
void followup_key(const followup *f, char buf[static FOLLOWUP_KEY_MAX]);
/* Read a key: a stored id (*id set, *client_id 0) or CLIENT:YYYY-MM-DD (*client_id, *due set,
 * *id 0). ST_INVALID naming "id". */
int followup_parse_key(const char *key, int64_t *id, int64_t *client_id, cday *due, cerr *e);

/* R6 alone: the n-th follow-up (0: a month after, n >= 1: the n-th anniversary) of a first
 * visit on `first`. */
cday followup_due_day(cday first, int n);

/* The last day the lists show follow-ups due up to: the Sunday of today's week. */
cday followup_horizon(app *a);
/* followup.grace_days. */
int followup_grace(app *a);

/* Every follow-up f keeps (none of due, overdue, done set: all), in due order: those not done
 * due up to followup_horizon, and those done. */
int followup_each(app *a, const followup_filter *f, int (*fn)(const followup *row, void *arg),
		  void *arg, cerr *e);
/* The list of followup_each a page at a time: at most limit rows after `from` (NULL: from the
 * first), or with backward the ones just before it (NULL: the last page), in list order. The
 * ones done are read through their index; those not done are kept between pages while nothing
 * they are made of changes. */
int followup_page(app *a, const followup_filter *f, const followup *from, bool backward,
		  int limit, followup **rows, size_t *n, cerr *e);
/* The follow-up of a key (due, overdue or done); ST_NOT_FOUND when none is owed with it. */
int followup_get(app *a, const char *key, followup *out, cerr *e);

/* What recording a follow-up done says. */
typedef struct followup_done_in {
	cday on;               /* required: not later than today, not before the first visit */
	int satisfaction;      /* 0: not asked; 1..4; 5 no opinion */
	const char *note;      /* optional */
	const char *complaint; /* non-blank: open a complaint with this description */
	const char *category;  /* its category (NULL: other) */
} followup_done_in;
/* Record the follow-up of `key` done; with a complaint, opened the same day through the channel
 * followup, in the same transaction. Sets *id (and *complaint_id when not NULL). */
int followup_done(app *a, const char *key, const followup_done_in *in, int64_t *id,
		  int64_t *complaint_id, cerr *e);

#endif
