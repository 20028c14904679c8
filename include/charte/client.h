/* client.h — client files (civility, names, address, phones, email, status, referent S1,
 * instructions, forbidden zones, quote wished, notes), their needs analysis (O1) and their
 * history (S2). Each write is one transaction; a rejected one names its field in the cerr
 * (civility, name, first_name, address, phone, phone2, email, status, referent, instructions,
 * forbidden_zones, notes; services, hours_per_week, days_times, constraints, autonomy,
 * household for the needs) and writes nothing.
 *
 * Who may write (the read functions are open to everyone):
 *   - any member of staff (the receptionist on the phone included) creates prospects and keeps
 *     contact details up to date: civility, names, address, phones, email, the quote wished,
 *     notes;
 *   - a coordinator or a manager also decides what commits the agency: the status, the
 *     referent, the specific instructions and forbidden zones, and writes the needs analysis.
 * Client files are never deleted: a client who leaves becomes "former". */
#ifndef CHARTE_CLIENT_H
#define CHARTE_CLIENT_H

#include "charte/app.h"

/* The written form of a civility as typed ("mme", "Madame" -> "Mme"; "m", "Monsieur" -> "M.";
 * also "M. et Mme", "Dr"; "Mlle" is written "Mme"); "" for blank; NULL when not a civility. */
const char *client_civility(const char *typed);
/* "Mme Zoé Lefèvre": civility, first name, name, as far as known (caller frees). */
char *client_display_name(const client_file *c);

/* Check a client as typed: each field's shape and the referent (an active member of staff). */
int client_check(app *a, const client_file *c, cerr *e);
/* Check, normalise (trimmed text, phones in normal form, civility written out) and store a new
 * client; sets c->id and c->created_at (now). */
int client_create(app *a, client_file *c, cerr *e);
/* An edit of client c->id: check and normalise c, then write only the fields that differ
 * from `base`, the file as the person saw it when they started (NULL: as stored now), over the
 * file as stored now, so that another desk's changes to other fields are kept; a field that
 * another desk changed too is refused with both values (ST_CONFLICT), nothing written. */
int client_update(app *a, const client_file *base, client_file *c, cerr *e);
/* Change only the status (coordinator or manager). */
int client_set_status(app *a, int64_t id, int status, cerr *e);
int client_get(app *a, int64_t id, client_file *out, cerr *e); /* ST_NOT_FOUND */
/* ST_OK when client id exists, else ST_INVALID naming `field` (for records that point at a
 * client: a call's --client, a quote, a contract). */
int client_require(app *a, int64_t id, const char *field, cerr *e);

/* Check a needs analysis as typed (field-level reasons: services, hours_per_week, days_times,
 * constraints, autonomy, household, notes); client_set_needs checks with it. */
int client_check_needs(app *a, const needs_analysis *n, cerr *e);

/* Store the needs analysis of n->client_id (replacing an earlier one); who analysed is the
 * current login, when is today: n->analysed_by and n->analysed_on are set. With `base` (the
 * analysis as the person saw it) only what they changed is written over the stored one, and a
 * field another desk revised too is refused with both values (ST_CONFLICT). */
int client_set_needs(app *a, const needs_analysis *base, needs_analysis *n, cerr *e);
int client_get_needs(app *a, int64_t client_id, needs_analysis *out, cerr *e); /* ST_NOT_FOUND */

/* Lists, in name order (name, first name, id; without case or accents). f->search searches as
 * you type: every word a prefix of a name or first name ("zoe" finds "Zoé", "lef" finds
 * "Lefèvre"), or phone digits ("0612", "+33 6 12"). A page of at most limit rows after `from`
 * (NULL: the first), or before it with backward; rows come in list order either way. */
int client_page(app *a, const client_filter *f, const client_file *from, bool backward, int limit,
		client_file **rows, size_t *n, cerr *e);
/* Every matching client, one at a time, without loading them all; fn returns non-zero to
 * stop. */
int client_each(app *a, const client_filter *f, int (*fn)(const client_file *c, void *arg),
		void *arg, cerr *e);
int client_count(app *a, const client_filter *f, int64_t *n, cerr *e);

/* Everything about the client in time order (S2): the file's creation, the needs analysis,
 * calls, quotes (written, sent, accepted, refused), contracts (signed, start, end), and what
 * later areas add. fn returns non-zero to stop. ST_NOT_FOUND for no such client. */
int client_history(app *a, int64_t id, int (*fn)(const client_event *ev, void *arg), void *arg,
		   cerr *e);

#endif
