/* worker.h — the worker file (issue 8; DESIGN.md I4-I7): identity, identification number
 * (matricule) and recognition badge (each unique), phone, skills (codes of data/skills.csv: every
 * service of the catalogue, and skills that are not services), hire date, status, weekly
 * availability, the written selection procedure (data/selection-steps.csv) and each step done,
 * the ethics and confidentiality commitment and the list of commitments (data/commitments.txt)
 * with their signature dates, and the documents the agency keeps (CV, ID copy, criminal record
 * extract with its issue date, others), each with its scanned file when one is given.
 *
 * Each write is one transaction; a rejected one names its field in the cerr (name, matricule,
 * badge, phone, skills, hired, status, notes; day, from, to; step, on; kind, issued, file) and
 * writes nothing. Who may: everyone on the staff reads the worker files; a coordinator or a
 * manager writes them; the documents and everything about the criminal record are for a
 * coordinator or a manager only, to read as to write (roles.h: AREA_WORKER_DOCS,
 * AREA_CRIMINAL_RECORD). Worker files are never deleted: a worker who leaves is marked "left". */
#ifndef CHARTE_WORKER_H
#define CHARTE_WORKER_H

#include "charte/app.h"

/* The step of the default procedure that concerns the criminal record: hidden, as the extract
 * itself, from those who may not see it. */
#define WORKER_STEP_CRIMINAL_RECORD "criminal-record"

/* Check a worker as typed: each field's shape, the skills known, the matricule and the badge
 * not another worker's. */
int worker_check(app *a, const worker *w, cerr *e);
/* Check, normalise (trimmed text, phone in normal form, skills as sorted codes) and store a new
 * worker; sets w->id and w->created_at. */
int worker_create(app *a, worker *w, cerr *e);
/* An edit of worker w->id: only the fields that differ from `base` (the file as the person saw
 * it; NULL: as stored now) are written over the file as stored now; a field another desk
 * changed too is refused with both values (ST_CONFLICT). The signature dates are not edited
 * here (worker_sign). */
int worker_update(app *a, const worker *base, worker *w, cerr *e);
int worker_get(app *a, int64_t id, worker *out, cerr *e); /* ST_NOT_FOUND */

/* Lists in name order (without case or accents, then id); f->search as you type: words of the
 * name, the matricule or the badge, or phone digits. Each row's file_complete as of today. */
int worker_page(app *a, const worker_filter *f, const worker *from, bool backward, int limit,
		worker **rows, size_t *n, cerr *e);
int worker_each(app *a, const worker_filter *f, int (*fn)(const worker *w, void *arg), void *arg,
		cerr *e);
int worker_count(app *a, const worker_filter *f, int64_t *n, cerr *e);

/* Skills typed ("Menage, permis" or "menage permis") as stored: known codes, sorted, joined
 * by ','; ST_INVALID on "skills" naming an unknown one. *out "" for none (caller frees). */
int worker_skills_parse(app *a, const char *typed, char **out, cerr *e);
/* The codes of two lists of skills (codes separated by commas; NULL: none) together, sorted,
 * each once, joined by ',' (caller frees). */
char *worker_skills_union(const char *one, const char *other);
/* The codes of `required` that `have` (each a list as above) lacks, sorted, joined by ", ";
 * NULL when none is lacking (caller frees). */
char *worker_skills_lacking(const char *have, const char *required);
/* A list of skills for people: its codes sorted, joined by ", "; NULL when empty (caller
 * frees). */
char *worker_skills_shown(const char *codes);
/* Every skill a worker may have, by code. */
int worker_skills(app *a, skill **rows, size_t *n, cerr *e);
/* Skill codes ("menage,permis") as people read them: each code's label, followed by the code in
 * parentheses when with_codes ("Ménage et repassage (menage); Permis de conduire B (permis)"),
 * a code not in the list as it is; "" for none (caller frees). */
char *worker_skills_words(app *a, const char *codes, bool with_codes);
/* The label of a skill code ("" when unknown); from rows as worker_skills gave them. */
const char *worker_skill_label(const skill *rows, size_t n, const char *code);

/* Weekly availability: a day (1..7) from..to; one that overlaps another of that day is refused
 * naming it. */
int worker_availability_add(app *a, worker_availability *av, cerr *e);
int worker_availability_remove(app *a, int64_t availability_id, cerr *e);
int worker_availability_list(app *a, int64_t worker_id, worker_availability **rows, size_t *n,
			cerr *e);

/* The selection procedure with the worker's record of each step (done_on NO_DAY: not yet);
 * the criminal record's step left out for those who may not see it. */
int worker_procedure(app *a, int64_t worker_id, selection_step **rows, size_t *n, cerr *e);
/* Record step `code` of the procedure done on `on` by the person working (again: re-dated). */
int worker_step_done(app *a, int64_t worker_id, const char *code, cday on, cerr *e);

enum worker_signature { WORKER_SIGN_ETHICS, WORKER_SIGN_COMMITMENTS };
/* Record the signature of the ethics and confidentiality commitment or of the list of
 * commitments, on a day (not after today). */
int worker_sign(app *a, int64_t worker_id, int which, cday on, cerr *e);
/* The list of commitments a worker signs (data/commitments.txt; caller frees). */
char *worker_commitments_text(void);

/* Documents. Add one: d->worker_id, kind, dated (the day the agency got it, not after today),
 * issued_on (a criminal record extract's issue date: NO_DAY takes dated), note; with `path`,
 * the file there is kept with it (its name and size recorded). Sets d->id. */
int worker_doc_add(app *a, worker_doc *d, const char *path, cerr *e);
/* The worker's documents, newest first: ST_DENIED with the reason for a role that may not see
 * them; criminal record extracts left out for a role that may see the others only. */
int worker_docs(app *a, int64_t worker_id, worker_doc **rows, size_t *n, cerr *e);
/* Write the file kept with document `doc_id` to `path` (whole or not at all: a temporary name,
 * then renamed). ST_NOT_FOUND when no file was kept. */
int worker_doc_export(app *a, int64_t doc_id, const char *path, cerr *e);

/* What the worker's file lacks, in words for people (translated, caller frees; "" when it is
 * complete): the procedure's steps not done, the signatures missing, the documents missing or
 * the criminal record extract to renew (setting criminal_record.renew_years). What a role may
 * not see is left out. */
int worker_missing(app *a, int64_t worker_id, char **text, cerr *e);

/* `charte init`: the skills of data/skills.csv (added when missing) and the selection procedure
 * of data/selection-steps.csv (it replaces the default while no worker went through a step).
 * Copies built into the program serve when the files are not there. */
int worker_load_defaults(app *a, cerr *e);
/* The built-in copies (test_worker checks that they agree with data/). */
const char *worker_builtin_skills(void);
const char *worker_builtin_steps(void);
/* Parse a "code;label" list of data/ (a header row whose first cell is "code" is skipped);
 * ST_INVALID naming the line. */
int worker_parse_list(const char *text, skill **rows, size_t *n, cerr *e);

#endif
