/* import.c — calls from a spreadsheet's CSV export, all or nothing.
 *
 * The file is read twice, streaming, in blocks. libcsv parses; we feed it one physical line at
 * a time so that every value knows the line it starts on (a quoted value may span lines), and
 * each line is taken as UTF-8 when it is valid UTF-8, else as Windows-1252 (a file saved by
 * hand from two spreadsheets can mix them). Each record becomes a call checked by call_check
 * and derived by call_prepare, the same rules as a call logged at the desk.
 *
 * The first reading only checks, without the write lock: the first refused value does not
 * stop it, so that every refused value is reported, and a refused file never blocks the other
 * desks. The second reading, once the whole file is known good, inserts each call with one
 * prepared statement inside one transaction. Memory stays bounded whatever the file's size:
 * one block, one record. */
#include "charte/import.h"

#include "core.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "charte/call.h"

#define BLOCK     (64 * 1024)
#define TEXT_MAX  2000
#define LOGIN_MAX 63

/* The fields a column can give. */
enum field {
	F_ID,
	F_AT,
	F_DATE,
	F_TIME,
	F_CALLER,
	F_PHONE,
	F_SUBJECT,
	F_ANSWERED,
	F_VOICEMAIL,
	F_CALLBACK,
	F_DUE,
	F_CALLED_BACK_AT,
	F_CALLBACK_NOTE,
	F_DOCUMENTATION,
	F_DOC_DUE,
	F_DOC_SENT_AT,
	F_TAKEN_BY,
	F_CANCELLED,
	F_CANCEL_REASON,
	F_CLIENT_ID,
	F_CIVILITY,
	F_FIRST_NAME,
	F_COUNT
};

/* Column names, folded (text_fold) with every run of other characters than letters and digits
 * made one space: "Rappelé le" -> "rappele le", "N° client" -> "n client". Ignored columns
 * are those `charte call list --csv` writes that the rules derive again. */
static const struct column_name {
	enum field field;
	const char *name; /* ours, as in messages and `call list --csv` */
	bool ignored;
	const char *const aliases[8];
} columns[] = {
    {F_ID, "id", true, {"id", "identifiant"}},
    {F_AT,
     "at",
     false,
     {"at", "date et heure", "date heure", "datetime", "date time", "horodatage",
      "date et heure de l appel"}},
    {F_DATE, "date", false, {"date", "jour", "day", "date de l appel"}},
    {F_TIME, "time", false, {"time", "heure", "hour", "heure de l appel"}},
    {F_CALLER,
     "caller",
     false,
     {"caller", "appelant", "nom", "name", "correspondant", "interlocuteur", "nom de l appelant"}},
    {F_PHONE,
     "phone",
     false,
     {"phone", "telephone", "tel", "phone number", "numero de telephone", "n de telephone"}},
    {F_SUBJECT,
     "subject",
     false,
     {"subject", "objet", "sujet", "motif", "objet de l appel", "motif de l appel"}},
    {F_ANSWERED, "answered", false, {"answered", "repondu", "repondu de suite"}},
    {F_VOICEMAIL, "voicemail", true, {"voicemail", "messagerie", "repondeur"}},
    {F_CALLBACK,
     "callback",
     false,
     {"callback", "call back", "rappel", "a rappeler", "rappel demande"}},
    {F_DUE, "due", true, {"due", "echeance", "rappel avant", "a rappeler avant"}},
    {F_CALLED_BACK_AT,
     "called_back_at",
     false,
     {"called back at", "called back", "rappele le", "rappele", "rappel fait le",
      "rappel effectue le"}},
    {F_CALLBACK_NOTE,
     "callback_note",
     false,
     {"callback note", "note de rappel", "note du rappel"}},
    {F_DOCUMENTATION, "documentation", false, {"documentation", "documentation demandee", "doc"}},
    {F_DOC_DUE, "doc_due", true, {"doc due", "documentation due"}},
    {F_DOC_SENT_AT,
     "documentation_sent_at",
     false,
     {"documentation sent at", "doc sent at", "documentation envoyee le", "documentation envoyee",
      "doc envoyee le"}},
    {F_TAKEN_BY, "taken_by", false, {"taken by", "pris par", "recu par", "saisi par"}},
    {F_CANCELLED, "cancelled", false, {"cancelled", "canceled", "annule"}},
    {F_CANCEL_REASON,
     "cancel_reason",
     false,
     {"cancel reason", "motif d annulation", "raison d annulation", "motif de l annulation",
      "raison de l annulation"}},
    {F_CLIENT_ID,
     "client_id",
     false,
     {"client id", "client", "n client", "numero client", "numero de client", "no client"}},
    /* A caller's name split over columns is put back together: "Mme Hélène Lefèvre". */
    {F_CIVILITY, "civility", false, {"civility", "civilite", "title", "titre"}},
    {F_FIRST_NAME, "first_name", false, {"first name", "prenom", "given name"}},
};

/* ---- encodings ---- */

/* Windows-1252 0x80..0x9F; 0 marks the five undefined bytes. 0xA0..0xFF are U+00A0..U+00FF. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static void add_utf8(strbuf *b, unsigned cp)
{
	char u[3];
	if (cp < 0x80) {
		sb_addc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		sb_addn(b, u, 2);
	} else {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		sb_addn(b, u, 3);
	}
}

/* Windows-1252 bytes to UTF-8 (undefined bytes become U+FFFD). */
static void cp1252_to_utf8(strbuf *out, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i];
		if (c < 0x80)
			sb_addc(out, (char)c);
		else if (c < 0xA0)
			add_utf8(out, cp1252_high[c - 0x80] ? cp1252_high[c - 0x80] : 0xFFFD);
		else
			add_utf8(out, c);
	}
}

/* Length of the valid UTF-8 prefix of s[0..n) that ends on a whole character, or -1 when an
 * invalid sequence is found; the bytes after it (< 4) start a character cut by the block. */
static long utf8_whole_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t len;
		unsigned cp, min;
		if ((c & 0xE0) == 0xC0)
			len = 2, cp = c & 0x1F, min = 0x80;
		else if ((c & 0xF0) == 0xE0)
			len = 3, cp = c & 0x0F, min = 0x800;
		else if ((c & 0xF8) == 0xF0)
			len = 4, cp = c & 0x07, min = 0x10000;
		else
			return -1;
		if (i + len > n) {
			/* cut by the end of the block: valid so far? */
			for (size_t k = i + 1; k < n; k++)
				if ((s[k] & 0xC0) != 0x80)
					return -1;
			return (long)i;
		}
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return -1;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return -1;
		i += len;
	}
	return (long)n;
}

/* ---- column names ---- */

/* Folded name with every run of characters other than [a-z0-9] made one space, trimmed. */
static char *column_key(const char *header)
{
	char *folded = text_fold(header);
	strbuf k = {0};
	bool space = false;
	for (const char *p = folded; *p; p++) {
		bool alnum = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9');
		if (!alnum) {
			space = k.len > 0;
			continue;
		}
		if (space)
			sb_addc(&k, ' ');
		space = false;
		sb_addc(&k, *p);
	}
	free(folded);
	return k.s ? k.s : xstrdup("");
}

static const struct column_name *column_find(const char *header)
{
	char *key = column_key(header);
	const struct column_name *found = NULL;
	/* our own names ("called_back_at") are keyed as their first alias ("called back at") */
	for (size_t i = 0; i < ARRAY_LEN(columns) && !found; i++)
		for (size_t k = 0; k < ARRAY_LEN(columns[i].aliases) && columns[i].aliases[k]; k++)
			if (!strcmp(key, columns[i].aliases[k])) {
				found = &columns[i];
				break;
			}
	free(key);
	return found;
}

/* ---- the importer ---- */

typedef struct importer {
	app *a;
	import_report *rep;
	cerr *e;
	int fatal; /* a failure that is not about the content: stop */
	bool bad;  /* some value was refused: roll back at the end */
	bool header_done;
	bool header_bad;
	unsigned refused; /* fields refused in the current record (1 << field) */
	int doc_days;
	cminute now;
	bool insert;        /* the second reading: store the calls */
	long lines_1252;    /* lines taken as Windows-1252 */
	long lines_utf8;    /* lines with UTF-8 beyond ASCII */
	/* where the parser is */
	long line;        /* the physical line being fed */
	long record_line; /* where the record being read started, 0 between records */
	long field_line;  /* where the field being read started */
	/* the record being read */
	strbuf *cells;
	long *cell_line;
	size_t ncells, capcells;
	/* the header */
	char **headers;
	size_t nheaders;
	int col[F_COUNT];  /* column (0-based) of each field, -1 when absent */
	bool *col_unnamed; /* columns with an empty name: their values must be empty */
} importer;

static void problem(importer *im, long line, int column, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void problem(importer *im, long line, int column, const char *field, const char *fmt, ...)
{
	import_report *rep = im->rep;
	im->bad = true;
	rep->total_problems++;
	if (rep->nproblems >= IMPORT_MAX_PROBLEMS)
		return;
	if (!rep->problems)
		rep->problems = xcalloc(IMPORT_MAX_PROBLEMS, sizeof *rep->problems);
	import_problem *p = &rep->problems[rep->nproblems++];
	p->line = line;
	p->column = column;
	p->header =
	    column > 0 && (size_t)column <= im->nheaders ? xstrdup(im->headers[column - 1]) : NULL;
	snprintf(p->field, sizeof p->field, "%s", field ? field : "");
	strbuf b = {0};
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&b, fmt, ap);
	va_end(ap);
	p->reason = b.s ? b.s : xstrdup("");
}

void import_report_free(import_report *r)
{
	for (size_t i = 0; i < r->nproblems; i++) {
		free(r->problems[i].header);
		free(r->problems[i].reason);
	}
	free(r->problems);
	memset(r, 0, sizeof *r);
}

/* The text of field f in the current record ("" when the column is absent or the record
 * short), and where it stands. */
static const char *cell(importer *im, enum field f, long *line, int *column)
{
	int c = im->col[f];
	if (line)
		*line = im->record_line;
	if (column)
		*column = c + 1;
	if (c < 0 || (size_t)c >= im->ncells)
		return "";
	if (line)
		*line = im->cell_line[c];
	return sb_str(&im->cells[c]);
}

static void refuse(importer *im, enum field f, const char *field, const char *reason)
{
	long line;
	int column;
	im->refused |= 1u << f;
	cell(im, f, &line, &column);
	problem(im, line, im->col[f] < 0 ? 0 : column, field, "%s", reason);
}

/* Trimmed copy of a cell, NULL when blank. */
static char *cell_text(importer *im, enum field f)
{
	const char *s = cell(im, f, NULL, NULL);
	if (str_blank(s))
		return NULL;
	return str_trim(xstrdup(s));
}

static bool check_text(importer *im, enum field f, const char *name, const char *s, size_t max)
{
	if (!s)
		return true;
	if (!utf8_valid(s)) {
		refuse(im, f, name, _("not valid UTF-8 text"));
		return false;
	}
	if (strlen(s) > max) {
		char why[128];
		snprintf(why, sizeof why, _("too long (at most %zu characters)"), max);
		refuse(im, f, name, why);
		return false;
	}
	return true;
}

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/* "14:05:00" -> "14:05": spreadsheets write seconds; calls are logged to the minute. */
static void drop_seconds(char *s)
{
	size_t n = strlen(s);
	if (n >= 7 && s[n - 6] == ':' && digit(s[n - 5]) && digit(s[n - 4]) && s[n - 3] == ':' &&
	    digit(s[n - 2]) && digit(s[n - 1]))
		s[n - 3] = '\0';
}

/* A time as "YYYY-MM-DD HH:MM" (or DD/MM/YYYY, seconds dropped); NO_MINUTE when blank. */
static bool cell_minute(importer *im, enum field f, const char *name, cminute *out)
{
	*out = NO_MINUTE;
	char *s = cell_text(im, f);
	if (!s)
		return true;
	drop_seconds(s);
	const char *why = parse_datetime(s, out);
	free(s);
	if (why) {
		*out = NO_MINUTE;
		refuse(im, f, name, _(why));
		return false;
	}
	return true;
}

/* A yes/no value; blank is no. Spreadsheets in French write VRAI/FAUX. */
static bool cell_flag(importer *im, enum field f, bool *out)
{
	*out = false;
	char *s = cell_text(im, f);
	if (!s)
		return true;
	char *k = text_fold(s);
	const char *why = NULL;
	if (!strcmp(k, "vrai") || !strcmp(k, "x"))
		*out = true;
	else if (!strcmp(k, "faux"))
		*out = false;
	else
		why = parse_flag(s, out);
	free(k);
	free(s);
	if (why) {
		refuse(im, f, columns[f].name, _(why));
		return false;
	}
	return true;
}

/* When the call came in: the `at` column, or `date` (with a time in it, or a `time` column). */
static void record_at(importer *im, call *c)
{
	cminute dummy;
	if (im->col[F_AT] >= 0 || im->col[F_TIME] < 0) {
		enum field f = im->col[F_AT] >= 0 ? F_AT : F_DATE;
		if (cell_minute(im, f, "at", &c->at) && c->at == NO_MINUTE)
			refuse(im, f, "at", _(parse_datetime("", &dummy)));
		return;
	}
	char *d = cell_text(im, F_DATE), *t = cell_text(im, F_TIME);
	cday day = NO_DAY;
	int minute = 0;
	const char *why_d = parse_date(d, &day), *why_t;
	if (why_d)
		refuse(im, F_DATE, "at", _(why_d));
	if (t)
		drop_seconds(t);
	if ((why_t = parse_clock(t, &minute)))
		refuse(im, F_TIME, "at", _(why_t));
	free(d);
	free(t);
	if (!why_d && !why_t)
		c->at = cal_at(day, minute);
}

/* A time after the call and not after now (called back, documentation sent). */
static bool check_after(importer *im, enum field f, const char *name, cminute t, cminute at)
{
	if (t == NO_MINUTE || at == NO_MINUTE)
		return true;
	if (t > im->now) {
		refuse(im, f, name, _("is later than now"));
		return false;
	}
	if (t < at) {
		refuse(im, f, name, _("is before the call itself"));
		return false;
	}
	return true;
}

/* The column call_check's field stands in. */
static enum field field_of(importer *im, const char *name)
{
	if (!strcmp(name, "at"))
		return im->col[F_AT] >= 0 ? F_AT : F_DATE;
	if (!strcmp(name, "client"))
		return F_CLIENT_ID;
	for (size_t i = 0; i < ARRAY_LEN(columns); i++)
		if (!strcmp(name, columns[i].name))
			return columns[i].field;
	return F_COUNT;
}

/* The caller: the caller column, after the civility and first name columns if any. */
static char *caller_name(importer *im)
{
	if (im->col[F_CIVILITY] < 0 && im->col[F_FIRST_NAME] < 0)
		return cell_text(im, F_CALLER);
	static const enum field parts[] = {F_CIVILITY, F_FIRST_NAME, F_CALLER};
	strbuf b = {0};
	for (size_t i = 0; i < ARRAY_LEN(parts); i++) {
		char *t = cell_text(im, parts[i]);
		if (t) {
			if (b.len)
				sb_addc(&b, ' ');
			sb_add(&b, t);
		}
		free(t);
	}
	return b.s;
}

/* Report what call_check refuses, field after field: each refused value is set aside (made
 * neutral) and the call checked again, so that one record can report several values. */
static void check_call(importer *im, call *c)
{
	call k = *c; /* shallow: only pointers and flags are changed below */
	if (im->refused & (1u << F_PHONE))
		k.phone = NULL;
	if (im->refused & (1u << F_AT | 1u << F_DATE | 1u << F_TIME))
		k.at = NO_MINUTE;
	if (im->refused & (1u << F_CLIENT_ID))
		k.client_id = 0;
	for (int round = 0; round < 6; round++) {
		cerr ce = {0};
		if (!call_check(im->a, &k, &ce))
			return;
		enum field f = field_of(im, ce.field);
		if (f == F_COUNT) {
			problem(im, im->record_line, 0, ce.field, "%s", ce.msg);
			return;
		}
		refuse(im, f, f == F_DATE ? "at" : columns[f].name, ce.msg);
		if (f == F_CALLER)
			k.caller = "?";
		else if (f == F_SUBJECT)
			k.subject = "";
		else if (f == F_PHONE)
			k.phone = NULL;
		else if (f == F_AT || f == F_DATE)
			k.at = NO_MINUTE;
		else if (f == F_CALLBACK || f == F_ANSWERED)
			k.answered = k.callback = false;
		else if (f == F_CLIENT_ID)
			k.client_id = 0;
		else
			return;
	}
}

static int cmp_problem(const void *x, const void *y)
{
	const import_problem *a = x, *b = y;
	if (a->line != b->line)
		return (a->line > b->line) - (a->line < b->line);
	return (a->column > b->column) - (a->column < b->column);
}

/* The problems of one record in the order of the file (those kept, from index `from`). */
static void sort_problems(importer *im, size_t from)
{
	import_report *rep = im->rep;
	if (from < rep->nproblems)
		qsort(rep->problems + from, rep->nproblems - from, sizeof *rep->problems,
		      cmp_problem);
}

static void import_record(importer *im)
{
	im->refused = 0;
	/* Values in columns without a name, or past the header's last column. */
	for (size_t i = 0; i < im->ncells; i++) {
		if (str_blank(sb_str(&im->cells[i])))
			continue;
		if (i >= im->nheaders)
			problem(im, im->cell_line[i], (int)i + 1, "",
			        _("a value beyond the last column of the header"));
		else if (im->col_unnamed[i])
			problem(im, im->cell_line[i], (int)i + 1, "",
			        _("a value in a column without a name"));
	}
	size_t before = im->rep->total_problems, kept = im->rep->nproblems;
	call c;
	call_init(&c);
	bool cancelled = false;
	record_at(im, &c);
	c.caller = caller_name(im);
	c.phone = cell_text(im, F_PHONE);
	c.subject = cell_text(im, F_SUBJECT);
	if (!c.subject)
		c.subject = xstrdup("");
	cell_flag(im, F_ANSWERED, &c.answered);
	cell_flag(im, F_CALLBACK, &c.callback);
	cell_flag(im, F_DOCUMENTATION, &c.documentation);
	cell_flag(im, F_CANCELLED, &cancelled);
	cell_minute(im, F_CALLED_BACK_AT, "called_back_at", &c.called_back_at);
	cell_minute(im, F_DOC_SENT_AT, "documentation_sent_at", &c.doc_sent_at);
	c.callback_note = cell_text(im, F_CALLBACK_NOTE);
	c.cancel_reason = cell_text(im, F_CANCEL_REASON);
	c.taken_by = cell_text(im, F_TAKEN_BY);
	check_text(im, F_CALLBACK_NOTE, "callback_note", c.callback_note, TEXT_MAX);
	check_text(im, F_CANCEL_REASON, "cancel_reason", c.cancel_reason, TEXT_MAX);
	check_text(im, F_TAKEN_BY, "taken_by", c.taken_by, LOGIN_MAX);
	char *client_no = cell_text(im, F_CLIENT_ID);
	if (client_no) {
		long id;
		const char *why = parse_int(client_no, 1, 999999999999L, &id);
		if (why)
			refuse(im, F_CLIENT_ID, "client_id", _(why));
		else
			c.client_id = id;
		free(client_no);
	}
	if (c.phone) {
		char normal[17];
		const char *why = parse_phone(c.phone, normal);
		if (why)
			refuse(im, F_PHONE, "phone", _(why));
	}
	if (c.called_back_at != NO_MINUTE && !c.callback)
		refuse(im, F_CALLED_BACK_AT, "called_back_at",
		       _("a call that asked for no callback cannot have been called back"));
	if (c.doc_sent_at != NO_MINUTE && !c.documentation)
		refuse(im, F_DOC_SENT_AT, "documentation_sent_at",
		       _("no documentation was asked for"));
	if (cancelled && !c.cancel_reason)
		refuse(im, im->col[F_CANCEL_REASON] >= 0 ? F_CANCEL_REASON : F_CANCELLED,
		       "cancel_reason", _("a cancelled call needs the reason why"));
	check_after(im, F_CALLED_BACK_AT, "called_back_at", c.called_back_at, c.at);
	check_after(im, F_DOC_SENT_AT, "documentation_sent_at", c.doc_sent_at, c.at);
	/* The rules a call logged at the desk obeys. */
	check_call(im, &c);
	sort_problems(im, kept);

	if (im->insert && im->rep->total_problems == before) {
		c.cancelled = cancelled;
		if (!c.taken_by)
			c.taken_by = xstrdup(im->a->login);
		call_prepare(&im->a->desk, im->doc_days, &c);
		cerr ce = {0};
		int r = ST_OK;
		/* A call from a client's number belongs to that client, as at the desk. */
		if (!c.client_id && c.phone)
			r = db_client_id_by_phone(im->a->db, c.phone, &c.client_id, &ce);
		if (!r)
			r = db_call_insert_bulk(im->a->db, &c, &ce);
		if (r == ST_INVALID) {
			enum field f = field_of(im, ce.field);
			if (f == F_COUNT)
				problem(im, im->record_line, 0, ce.field, "%s", ce.msg);
			else
				refuse(im, f, ce.field, ce.msg);
		} else if (r) {
			*im->e = ce;
			im->fatal = r;
		} else {
			if (!im->rep->first_id)
				im->rep->first_id = c.id;
			im->rep->last_id = c.id;
			im->rep->rows++;
		}
	}
	call_free(&c);
}

static void read_header(importer *im)
{
	im->header_done = true;
	im->nheaders = im->ncells;
	im->headers = xcalloc(im->nheaders, sizeof *im->headers);
	im->col_unnamed = xcalloc(im->nheaders, sizeof *im->col_unnamed);
	for (int f = 0; f < F_COUNT; f++)
		im->col[f] = -1;
	size_t before = im->rep->total_problems;
	for (size_t i = 0; i < im->nheaders; i++)
		im->headers[i] = str_trim(xstrdup(sb_str(&im->cells[i])));
	for (size_t i = 0; i < im->nheaders; i++) {
		const char *h = im->headers[i];
		if (!*h) {
			im->col_unnamed[i] = true;
			continue;
		}
		if (!utf8_valid(h)) {
			problem(im, im->cell_line[i], (int)i + 1, "", _("not valid UTF-8 text"));
			continue;
		}
		const struct column_name *cn = column_find(h);
		if (!cn) {
			problem(im, im->cell_line[i], (int)i + 1, "",
			        _("unknown column \"%s\": rename it to one of the names in 'charte "
			          "import calls --help', or remove it"),
			        h);
			if (im->rep->nproblems &&
			    im->rep->problems[im->rep->nproblems - 1].column == (int)i + 1) {
				free(im->rep->problems[im->rep->nproblems - 1].header);
				im->rep->problems[im->rep->nproblems - 1].header = NULL;
			}
			continue;
		}
		if (im->col[cn->field] >= 0) {
			problem(im, im->cell_line[i], (int)i + 1, cn->name,
			        _("a second column for the same field (the first is column %d)"),
			        im->col[cn->field] + 1);
			continue;
		}
		im->col[cn->field] = (int)i;
	}
	if (im->col[F_AT] >= 0 && im->col[F_DATE] >= 0)
		problem(im, im->cell_line[im->col[F_DATE]], im->col[F_DATE] + 1, "at",
		        _("the time of the call is given twice (column %d too)"),
		        im->col[F_AT] + 1);
	if (im->col[F_TIME] >= 0 && im->col[F_AT] >= 0)
		problem(im, im->cell_line[im->col[F_TIME]], im->col[F_TIME] + 1, "at",
		        _("the time of the call is given twice (column %d too)"),
		        im->col[F_AT] + 1);
	else if (im->col[F_TIME] >= 0 && im->col[F_DATE] < 0)
		problem(im, im->cell_line[im->col[F_TIME]], im->col[F_TIME] + 1, "at",
		        _("a time column needs a date column"));
	if (im->col[F_AT] < 0 && im->col[F_DATE] < 0)
		problem(im, im->record_line, 0, "at",
		        _("no column gives when the call came in: name one \"at\" (or \"date et "
		          "heure\"), or \"date\" and \"heure\""));
	if (im->col[F_CALLER] < 0)
		problem(im, im->record_line, 0, "caller",
		        _("no column gives the caller: name one \"caller\" (or \"appelant\", "
		          "\"nom\")"));
	im->header_bad = im->rep->total_problems > before;
}

/* libcsv: the end of a field. */
static void on_field(void *s, size_t len, void *arg)
{
	importer *im = arg;
	if (im->ncells == im->capcells) {
		size_t cap = im->capcells ? im->capcells * 2 : 32;
		im->cells = xrealloc(im->cells, cap * sizeof *im->cells);
		im->cell_line = xrealloc(im->cell_line, cap * sizeof *im->cell_line);
		memset(im->cells + im->capcells, 0, (cap - im->capcells) * sizeof *im->cells);
		im->capcells = cap;
	}
	strbuf *b = &im->cells[im->ncells];
	sb_reset(b);
	if (s && len)
		sb_addn(b, s, len);
	else
		sb_add(b, "");
	im->cell_line[im->ncells] = im->field_line ? im->field_line : im->line;
	if (b->len != strlen(b->s))
		problem(im, im->cell_line[im->ncells], (int)im->ncells + 1, "",
		        _("contains a NUL byte: is the file really text (CSV)?"));
	im->ncells++;
	im->field_line = im->line; /* the next field starts after this separator */
}

/* libcsv: the end of a record. */
static void on_record(int c, void *arg)
{
	importer *im = arg;
	bool blank = true;
	for (size_t i = 0; i < im->ncells && blank; i++)
		blank = str_blank(sb_str(&im->cells[i]));
	if (!blank && !im->fatal && !(im->header_done && im->header_bad)) {
		if (!im->header_done)
			read_header(im);
		else
			import_record(im);
	}
	im->ncells = 0;
	im->record_line = 0;
	im->field_line = 0;
}

/* Separator: the most frequent of ';', ',' and tab outside quotes on the header line. */
static char guess_separator(const unsigned char *s, size_t n)
{
	size_t count[3] = {0, 0, 0};
	bool quoted = false;
	for (size_t i = 0; i < n && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			count[0] += s[i] == ';', count[1] += s[i] == ',', count[2] += s[i] == '\t';
	}
	if (count[0] >= count[1] && count[0] >= count[2] && count[0] > 0)
		return ';';
	if (count[2] > count[1])
		return '\t';
	return ',';
}

static bool blank_line(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

static bool ascii(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 0x80)
			return false;
	return true;
}

/* Feed one physical line (with its line break) to the parser: as it is when it is valid
 * UTF-8, else converted from Windows-1252. */
static int feed_line(importer *im, struct csv_parser *p, const unsigned char *s, size_t n,
                     strbuf *conv)
{
	if (!im->record_line && !blank_line(s, n))
		im->record_line = im->field_line = im->line;
	bool cp1252 = false;
	if (!ascii(s, n)) {
		cp1252 = utf8_whole_prefix(s, n) != (long)n;
		if (cp1252)
			im->lines_1252++;
		else
			im->lines_utf8++;
	}
	if (cp1252) {
		sb_reset(conv);
		cp1252_to_utf8(conv, s, n);
		s = (const unsigned char *)sb_str(conv);
		n = conv->len;
	}
	if (csv_parse(p, s, n, on_field, on_record, im) != n)
		return err_set(im->e, ST_IO, "", _("cannot read the CSV: %s"),
		               csv_strerror(csv_error(p)));
	return ST_OK;
}

/* Parse the whole file, from its current position (after any byte order mark). */
static int parse_file(importer *im, FILE *f, long size, int pass, import_progress progress,
                      void *arg)
{
	struct csv_parser p;
	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		return err_set(im->e, ST_IO, "", _("cannot read the CSV: %s"), strerror(ENOMEM));
	unsigned char *buf = xmalloc(BLOCK);
	strbuf partial = {0}, conv = {0};
	long done = ftell(f);
	int last_percent = -1, r = ST_OK;
	bool first = true;
	im->line = 1;
	size_t n;
	while (!r && !im->fatal && !im->header_bad && (n = fread(buf, 1, BLOCK, f)) > 0) {
		if (first) {
			csv_set_delim(&p, (unsigned char)guess_separator(buf, n));
			im->rep->separator = (char)csv_get_delim(&p);
			first = false;
		}
		const unsigned char *s = buf, *end = buf + n;
		while (!r && !im->fatal && !im->header_bad && s < end) {
			const unsigned char *nl = memchr(s, '\n', (size_t)(end - s));
			if (!nl) { /* the rest of this line comes with the next block */
				sb_addn(&partial, (const char *)s, (size_t)(end - s));
				break;
			}
			if (partial.len) {
				sb_addn(&partial, (const char *)s, (size_t)(nl + 1 - s));
				r = feed_line(im, &p, (const unsigned char *)partial.s, partial.len,
				              &conv);
				sb_reset(&partial);
			} else {
				r = feed_line(im, &p, s, (size_t)(nl + 1 - s), &conv);
			}
			im->line++;
			s = nl + 1;
		}
		done += (long)n;
		if (progress && size > 0) {
			/* checking is the first half of the work, storing the second */
			int pc = (int)(pass * 50 + done * 50 / size);
			if (pc != last_percent)
				progress(pc, arg);
			last_percent = pc;
		}
	}
	if (!r && ferror(f))
		r = err_set(im->e, ST_IO, "", _("cannot read the file: %s"), strerror(errno));
	if (!r && !im->fatal && !im->header_bad && partial.len)
		r = feed_line(im, &p, (const unsigned char *)partial.s, partial.len, &conv);
	if (!r && !im->fatal && !im->header_bad) {
		if (p.pstate == 2 && p.quoted && im->record_line) { /* libcsv's FIELD_BEGUN */
			/* An opening quote without its closing one swallowed the rest of the file.
			 */
			long at = im->field_line ? im->field_line : im->record_line;
			problem(
			    im, at, (int)im->ncells + 1, "",
			    _("a quoted value starts here and is never closed (a missing '\"')"));
			im->ncells = 0;
		} else {
			csv_fini(&p, on_field, on_record, im);
		}
	}
	csv_free(&p);
	free(buf);
	sb_free(&partial);
	sb_free(&conv);
	return r;
}

static void importer_free(importer *im)
{
	for (size_t i = 0; i < im->capcells; i++)
		sb_free(&im->cells[i]);
	free(im->cells);
	free(im->cell_line);
	for (size_t i = 0; i < im->nheaders; i++)
		free(im->headers[i]);
	free(im->headers);
	free(im->col_unnamed);
}

int import_calls(app *a, const char *path, import_progress progress, void *arg, import_report *rep,
                 cerr *e)
{
	memset(rep, 0, sizeof *rep);
	rep->encoding = "UTF-8";
	rep->separator = ',';
	int r = role_check(a, AREA_IMPORT, ACCESS_WRITE, e);
	if (r)
		return r;
	FILE *f = fopen(path, "rb");
	if (!f)
		return err_set(e, ST_INVALID, "file", _("cannot open %s: %s"), path,
		               strerror(errno));
	struct stat sb;
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(f);
		return err_set(e, ST_INVALID, "file", _("%s is not a file"), path);
	}
	/* A byte order mark says UTF-8 (and UTF-16 is told apart); otherwise each line is read as
	 * UTF-8 when it is valid UTF-8, else as Windows-1252. */
	unsigned char bom[3] = {0};
	size_t nb = fread(bom, 1, 3, f);
	long start = 0;
	if (nb >= 2 && ((bom[0] == 0xFF && bom[1] == 0xFE) || (bom[0] == 0xFE && bom[1] == 0xFF))) {
		fclose(f);
		return err_set(e, ST_INVALID, "file",
		               _("%s is UTF-16 text: save it from the spreadsheet as \"CSV UTF-8\" "
		                 "or \"CSV\""),
		               path);
	}
	if (nb == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
		start = 3;

	/* First reading: check everything, holding no lock. */
	importer im = {.a = a, .rep = rep, .e = e};
	im.now = app_now(a);
	im.doc_days = call_doc_delay(a);
	r = fseek(f, start, SEEK_SET) ? err_set(e, ST_IO, "file", _("cannot read %s: %s"), path,
						 strerror(errno))
				       : parse_file(&im, f, (long)sb.st_size, 0, progress, arg);
	if (!r && im.fatal)
		r = im.fatal;
	if (!r && !im.header_done && !im.bad)
		problem(&im, 1, 0, "",
		        _("the file is empty: the first line must name the columns"));
	rep->encoding = !im.lines_1252  ? "UTF-8"
	                : !im.lines_utf8 ? "Windows-1252"
	                                 : _("UTF-8 and Windows-1252, line by line");
	if (!r && im.bad)
		r = err_set(e, ST_INVALID, "",
		            ngettext("%s: %zu value refused: nothing was imported",
		                     "%s: %zu values refused: nothing was imported",
		                     rep->total_problems),
		            path, rep->total_problems);
	importer_free(&im);
	if (r) {
		fclose(f);
		return r;
	}

	/* Second reading: the file is good; store it in one transaction, with one summary row in
	 * the audit trail instead of one per call. */
	im = (importer){.a = a, .rep = rep, .e = e, .insert = true};
	im.now = app_now(a);
	im.doc_days = call_doc_delay(a);
	if (fseek(f, start, SEEK_SET)) {
		int err = errno;
		fclose(f);
		return err_set(e, ST_IO, "file", _("cannot read %s: %s"), path, strerror(err));
	}
	if ((r = db_begin(a->db, e))) {
		fclose(f);
		return r;
	}
	db_set_audit(a->db, false);
	r = parse_file(&im, f, (long)sb.st_size, 1, progress, arg);
	fclose(f);
	if (!r && im.fatal)
		r = im.fatal;
	db_set_audit(a->db, true);
	if (!r && im.bad) /* refused only by storage, which the first reading cannot see */
		r = err_set(e, ST_INVALID, "",
		            ngettext("%s: %zu value refused: nothing was imported",
		                     "%s: %zu values refused: nothing was imported",
		                     rep->total_problems),
		            path, rep->total_problems);
	if (!r && rep->rows > 0) {
		char *note =
		    xasprintf(ngettext("imported %zu call from %s, ids %lld–%lld",
		                       "imported %zu calls from %s, ids %lld–%lld", rep->rows),
		              rep->rows, path, (long long)rep->first_id, (long long)rep->last_id);
		r = db_history_note(a->db, "calls", rep->first_id, "import", note, e);
		free(note);
	}
	if (r) {
		db_rollback(a->db);
		rep->rows = 0;
		rep->first_id = rep->last_id = 0;
	} else if ((r = db_commit(a->db, e))) {
		rep->rows = 0;
		rep->first_id = rep->last_id = 0;
	}
	importer_free(&im);
	return r;
}
