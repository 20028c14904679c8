/* import.h — records from a spreadsheet's CSV export, all or nothing.
 *
 * The file: ';', ',' or tab separated (told by the header line), RFC 4180 quoting (quotes,
 * doubled quotes, line breaks inside quoted fields), UTF-8 with or without a byte order mark,
 * or Windows-1252 (a file that is not valid UTF-8 is read as Windows-1252). The first line
 * names the columns, in French or English, in any order, ignoring case, accents, spaces,
 * '_' and '-'. A column the importer does not know is refused rather than silently dropped.
 *
 * Every value is checked; if any is refused, nothing is written and every refused value is
 * reported with its physical line and column. The domain never prints: progress goes through
 * a callback. */
#ifndef CHARTE_IMPORT_H
#define CHARTE_IMPORT_H

#include <stdio.h>

#include "charte/app.h"

/* The importer keeps the first IMPORT_MAX_PROBLEMS refused values and counts the rest. */
#define IMPORT_MAX_PROBLEMS 50

/* One refused value. line: the physical line of the file (1 = the header), where the value
 * starts; column: 1-based, 0 when the problem is not tied to a column (a missing column). */
typedef struct import_problem {
	long line;
	int column;
	char *header;   /* the column's name as written in the file, or NULL */
	char field[64]; /* our name of the field ("phone"), or "" */
	char *reason;   /* translated */
} import_problem;

typedef struct import_report {
	size_t rows;               /* calls imported; 0 when the import was refused */
	int64_t first_id, last_id; /* their ids (consecutive), 0 when none */
	const char *encoding;      /* "UTF-8", "Windows-1252", or both (decided line by line) */
	char separator;            /* ';', ',' or '\t' */
	import_problem *problems;  /* the first IMPORT_MAX_PROBLEMS */
	size_t nproblems;
	size_t total_problems; /* all of them */
} import_report;
void import_report_free(import_report *r);

/* Called with the share of the file read so far (0..100), each time it changes. */
typedef void (*import_progress)(int percent, void *arg);

/* `charte import calls`: the calls in the CSV file at path, in one transaction, for staff only.
 * Accepted columns (French or English names): at / date et heure, or date + time / heure;
 * caller / appelant / nom; phone / téléphone / tel; subject / objet / sujet; answered / répondu;
 * callback / rappel; called_back_at / rappelé le; callback_note / note de rappel;
 * documentation; documentation_sent_at / documentation envoyée le; taken_by / pris par;
 * cancelled / annulé; cancel_reason / motif d'annulation; client_id / n° client. The columns
 * id, voicemail, due and doc_due of `charte call list --csv` are accepted and ignored: they are
 * given again by the file and derived by the rules as call_log does.
 * Returns ST_OK with the number of calls in rep->rows; ST_INVALID when a value or the file's
 * shape was refused (rep->problems says where; nothing written); other codes with e for a
 * failure that is not about the file's content (cannot read it, not staff, storage). */
int import_calls(app *a, const char *path, import_progress progress, void *arg, import_report *rep,
                 cerr *e);

#endif
