/* contract.h — contracts (O3-O7): numbered C2026-0001; for a client, from a quote or not;
 * recurring (a weekly schedule) or one-off; R3 (monthly amount, quote required), R4 (withdrawal
 * period), R5 (termination at the end of the month of notice). The life: draft -> signed ->
 * active (once started) -> ended, or withdrawn within the withdrawal period. Only a draft
 * changes; nothing is ever deleted. Writes need a coordinator or a manager. */
#ifndef CHARTE_CONTRACT_H
#define CHARTE_CONTRACT_H

#include "charte/app.h"

#define CONTRACT_MAX_HOURS  16800 /* 168 h: a week (hundredths) */
#define CONTRACT_MAX_SLOTS  50
#define CONTRACT_SKILLS_MAX 1000
#define CONTRACT_NOTES_MAX  4000
#define CONTRACT_MAX_LINES  50

/* ---- pure rules ---- */

/* A slot's length in minutes: an end at or before the start is on the next day. */
int contract_slot_minutes(int starts, int ends);
/* A slot's length in hundredths of an hour (minutes x 100 / 60, rounded half away from 0). */
int64_t contract_slot_hours(int starts, int ends);
/* Whether two weekly slots share a minute of the week (a slot crossing midnight runs into the
 * next day, Sunday night into Monday). */
bool contract_slots_overlap(const contract_slot *x, const contract_slot *y);
/* The weekly hours of a schedule: its minutes summed, then converted once. */
int64_t contract_schedule_hours(const contract_slot *slots, size_t n);
/* R3: the monthly amount incl. VAT. Recurring: weekly hours x the hourly price incl. VAT (itself
 * rounded to the cent) x 52 / 12, rounded. One-off: its total, hours x price rounded, plus its
 * VAT rounded (R2). */
cents contract_monthly(int kind, int64_t hours, cents hourly_excl, int vat_rate);
/* R3 over a contract's lines. Recurring: the sum over the lines of weekly hours x the line's
 * hourly price incl. VAT (itself rounded to the cent) x 52 / 12, the sum rounded once to the
 * cent. One-off: the sum of the lines' totals, each its quantity x price rounded plus its VAT
 * rounded (R2). Sets each line's monthly_incl: its own share, rounded alone (for display; the
 * shares may differ from the sum by a cent). */
cents contract_lines_monthly(int kind, contract_line *lines, size_t n);
/* R3: a quote is required at or over the threshold (the stricter reading of "over 100 €"), or
 * when the client asked for one. */
bool contract_quote_required(cents monthly_incl, cents threshold, bool client_asked);
/* R4: the last day of the withdrawal period of a contract signed on `signed_on`, `days` later
 * and moved past Saturdays, Sundays and public holidays; NO_DAY when signed at the agency. */
cday contract_withdrawal_end(cday signed_on, bool at_agency, int days);
/* R4: whether k starts on or before `withdrawal_end` (its period's last day, NO_DAY: none)
 * without the client's express request to start within the period. */
bool contract_starts_early(const contract *k, cday withdrawal_end);
/* R5: a notice given on `notice` ends the contract on the last day of that month. */
cday contract_end_date(cday notice);
/* The status as of today: a signed contract whose start is reached is CONTRACT_ACTIVE. */
int contract_status_on(const contract *k, cday today);
/* A day of the week: 1..7, mon..sun, lun..dim (and the full English or French names). */
const char *contract_parse_weekday(const char *s, int *out);
const char *contract_weekday_label(int weekday); /* translated, short: "Mon" */
void contract_number_format(int year, int seq, char out[static 24]);

/* The steps of a contract's life, as contract_can asks them. */
enum contract_step {
	CONTRACT_EDIT,     /* change its terms: a draft only */
	CONTRACT_SCHEDULE, /* add or remove a weekly slot: a recurring draft */
	CONTRACT_SIGN,     /* see contract_sign */
	CONTRACT_END,      /* notice given on `on` (R5), see contract_end */
	CONTRACT_WITHDRAW, /* withdrawal on `on` (R4), see contract_withdraw */
};
/* Whether `step` may be taken on k on the day `on`: ST_OK, or the reason, the very one the
 * operation gives (it asks this too). A screen asks it with today before it asks for a date. */
int contract_can(const contract *k, int step, cday on, cerr *e);

/* ---- operations ---- */

/* A new draft with its lines (contract_line_add says what each holds). Given in k: client_id,
 * kind, start, quote_id (0: none; else a quote of the same client, not refused), skills (codes
 * of the skills list the worker must have besides the services of its lines, typed as
 * worker_skills_parse reads them: ST_INVALID on "skills" naming an unknown one), notes,
 * at_agency, express_start. With n = 0 the lines are the quote's, all of them (a quote line's
 * quantity becomes hours per week, or the quantity of a one-off). A quote that already made a
 * contract (not withdrawn) makes another only with `again` (ST_CONFLICT on "quote" otherwise:
 * contract_of_quote lets a face ask first). Sets id, number, date (today), status, the summary
 * fields (hours, hourly_excl, vat_rate: see model.h), monthly_incl, created_by. */
int contract_create_lines(app *a, contract *k, const contract_line *lines, size_t n, bool again,
                          cerr *e);
/* The contract already made from quote_id (not withdrawn): its number in *number (caller
 * frees), NULL when none. */
int contract_of_quote(app *a, int64_t quote_id, char **number, cerr *e);
/* A new draft of one service, the shortcut: contract_create_lines with one free line labelled
 * "Service" made from k's hourly_excl, vat_rate (< 0: setting vat.default) and hours
 * (recurring: per week, may be 0 until slots are added; one-off: 0 means 100, one flat price);
 * the quote, if any, is only linked (a second contract from it is not refused: a screen asks
 * first with contract_of_quote). */
int contract_create(app *a, contract *k, cerr *e);
/* Change a draft: kind, start, price, rate, hours (ignored while it has slots), quote, skills,
 * notes, at_agency, express_start. The price, rate and hours are its one line's: a contract of several
 * lines keeps them (its lines change one by one). Only what differs from `base` (the contract
 * as the person saw it; NULL: as stored now) is written, over the contract as stored now; a
 * field another desk changed too is refused with both values (ST_CONFLICT), nothing written. */
int contract_edit(app *a, const contract *base, contract *k, cerr *e);
int contract_get(app *a, int64_t id, contract *out, cerr *e);
/* By number ("C2026-0001") or id. */
int contract_find(app *a, const char *ref, const char *field, contract *out, cerr *e);
int contract_slots_of(app *a, int64_t contract_id, contract_slot **rows, size_t *n, cerr *e);
int contract_slot_get(app *a, int64_t slot_id, contract_slot *out, cerr *e); /* ST_NOT_FOUND */
/* The skills k requires of its workers: the services of its lines and its own skills (codes,
 * comma-separated, sorted, each once; caller frees). A visit requires those of its own line's
 * service and the contract's own skills (the planning checks). */
int contract_skills_required(app *a, const contract *k, char **codes, cerr *e);
/* The lines, by position, with their monthly_incl. */
int contract_lines_of(app *a, int64_t contract_id, contract_line **rows, size_t *n, cerr *e);

/* Add a line to a draft. Given: service_code (a service of the catalogue, offered; NULL: a free
 * line, label required), label (NULL: the service's), hours (recurring: hours per week, 0 until
 * its slots give them; one-off: the quantity, 0 meaning one flat price), hourly_excl (NO_CENTS:
 * the service's), vat_rate (< 0: the service's, else setting vat.default; only the rates
 * settings_vat_allowed accepts). A service is on one line of a contract at most. Sets l->id,
 * l->position; the contract's amount follows (R3). */
int contract_line_add(app *a, int64_t contract_id, contract_line *l, cerr *e);
/* Line `number` (1, 2… as `contract show` lists them) of a draft changed: what `change` gives
 * (label when not NULL, hours when >= 0 — not for a line whose slots give its hours —, price
 * when not NO_CENTS, rate when >= 0), checked as a new line is; or removed (a line with weekly
 * slots only once they are removed; the last line never). The contract's amounts follow. */
int contract_line_edit(app *a, int64_t contract_id, int number, const contract_line *change,
                       cerr *e);
int contract_line_remove(app *a, int64_t contract_id, int number, cerr *e);

/* Add a weekly slot to a recurring draft (no overlap with its other slots). The slot names one
 * of the contract's services (s->service_code), which may be left out (NULL) when it has one
 * line; a line's hours a week become the sum of its slots; s->worker_id (0: none) is the worker
 * its visits are planned for. An end at or before the start is on the next day (a night); an
 * end equal to the start is refused. Sets s->id and s->line_id. */
int contract_slot_add(app *a, int64_t contract_id, contract_slot *s, cerr *e);
int contract_slot_remove(app *a, int64_t slot_id, cerr *e);
/* Change slot s->id: its day, times and worker (its service stays). A draft's slot changes
 * freely; a signed contract's slot may move and change worker but keeps its length (the hours
 * signed). The visits generated from it and not yet done (planned, from now on) follow it in the
 * same transaction; *visits_changed (may be NULL) says how many changed. */
int contract_slot_edit(app *a, contract_slot *s, int *visits_changed, cerr *e);
/* The contract's planning options: skip_holidays (no visit on public holidays), the skills it
 * requires besides its services and the notes (checked as contract_create_lines does): what
 * `mine` changed from `base` (NULL: as stored now) is written over the contract as stored now
 * (record_merge), a draft or a running contract alike. skip_holidays turned on, the visits
 * still planned on a public holiday are cancelled; turned off, those it cancelled are planned
 * again; *visits_changed (may be NULL) says how many. */
int contract_set_options(app *a, const contract *base, const contract *mine, int *visits_changed,
                         cerr *e);

/* Sign a draft on `on` (not later than today): sets signed_on, the withdrawal end (R4, setting
 * withdrawal.days) and makes the client active. A recurring contract needs its hours. */
int contract_sign(app *a, int64_t id, cday on, cerr *e);
/* R4: record the client's express request to start within the withdrawal period, on a draft or
 * a signed contract (before it starts). */
int contract_record_express(app *a, int64_t id, cerr *e);
/* R3 for one contract, as the screens show it: whether a quote is required, and the quote given
 * (number, caller frees; NULL when none was given on or before the signature, or today for a
 * draft). */
int contract_quote_status(app *a, const contract *k, bool *required, char **given, cerr *e);
/* R5 without saving: checks that the contract can be ended with that notice and gives the end
 * date, so a screen shows it before the person confirms. */
int contract_end_preview(app *a, int64_t id, cday notice, cday *end, cerr *e);
/* R5: record the notice (NO_DAY: today) and the end date; *end (may be NULL) receives it. A draft
 * that will never be signed is ended the same way. */
int contract_end(app *a, int64_t id, cday notice, cday *end, cerr *e);
/* contract_end, and the visits planned after the end date cancelled (kept, with the reason):
 * *cancelled (may be NULL) says how many. contract_end does it too. */
int contract_end_counting(app *a, int64_t id, cday notice, cday *end, int *cancelled, cerr *e);
/* The client withdrew (R4): only a contract signed away from the agency, on a day from the
 * signature to the end of the period. */
int contract_withdraw(app *a, int64_t id, cday on, cerr *e);
/* contract_withdraw, and every visit still to come cancelled: *cancelled (may be NULL) says how
 * many. contract_withdraw does it too. */
int contract_withdraw_counting(app *a, int64_t id, cday on, int *cancelled, cerr *e);

/* A page newest first after `from` (NULL: the newest); with backward, the page just before
 * `from` (NULL: the oldest), still newest first (a list scrolling up). */
int contract_page(app *a, const contract_filter *f, const contract *from, bool backward,
                  int limit, contract **rows, size_t *n, cerr *e);
int contract_each(app *a, const contract_filter *f, int (*fn)(const contract *k, void *arg),
                  void *arg, cerr *e);

#endif
