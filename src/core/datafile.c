/* datafile.c — the files of data/ (the service catalogue, the questionnaire, the skills and the
 * selection steps): read whole, their built-in copy when the program runs away from its data
 * folder, and their rows parsed the one way (see data_table_parse in core.h). */
#include "core.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/i18n.h"

char *data_file_read(const char *path, size_t max, size_t *size, cerr *e)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		err_set(e, errno == ENOENT ? ST_NOT_FOUND : ST_IO, "file", _("cannot read %s: %s"),
		        path, strerror(errno));
		return NULL;
	}
	strbuf b = {0};
	char buf[8192];
	size_t got;
	while ((got = fread(buf, 1, sizeof buf, f)) > 0 && b.len <= max)
		sb_addn(&b, buf, got);
	bool bad = ferror(f);
	fclose(f);
	if (bad || b.len > max) {
		if (!bad)
			err_set(e, ST_INVALID, "file", _("%s is too large (at most %zu MB)"), path,
			        max >> 20);
		else
			err_set(e, ST_IO, "file", _("cannot read %s"), path);
		sb_free(&b);
		return NULL;
	}
	if (size)
		*size = b.len;
	return b.s ? b.s : xstrdup("");
}

char *data_file_text(const char *name)
{
	char *path = xasprintf("%s/%s", i18n_datadir(), name);
	char *text = data_file_read(path, DATA_FILE_MAX, NULL, NULL);
	free(path);
	return text;
}

struct table_state {
	char *cells[DATA_CELLS_MAX];
	size_t ncells, line;
	data_row_fn *row;
	void *arg;
	int status;
	cerr *e;
};

static void on_cell(void *s, size_t len, void *data)
{
	struct table_state *p = data;
	if (p->ncells < ARRAY_LEN(p->cells))
		p->cells[p->ncells] = xstrndup(s ? s : "", len);
	p->ncells++;
}

/* One line: blank lines and the heading (a first line starting "code") are passed over; after
 * the first refused row the rest are only freed. */
static void on_line(int c, void *data)
{
	struct table_state *p = data;
	size_t have = p->ncells < ARRAY_LEN(p->cells) ? p->ncells : ARRAY_LEN(p->cells);
	p->line++;
	bool blank = p->ncells == 0 || (p->ncells == 1 && str_blank(p->cells[0]));
	if (!p->status && !blank && !(p->line == 1 && !strcmp(str_trim(p->cells[0]), "code"))) {
		for (size_t i = 0; i < have; i++)
			str_trim(p->cells[i]);
		p->status = p->row(p->cells, p->ncells, p->line, p->arg, p->e);
	}
	for (size_t i = 0; i < have; i++)
		free(p->cells[i]);
	p->ncells = 0;
	(void)c;
}

int data_table_parse(const char *text, const char *what, data_row_fn *row, void *arg, cerr *e)
{
	if (!utf8_valid(text))
		return err_set(e, ST_INVALID, what, _("not valid UTF-8 text"));
	/* A spreadsheet may have saved it with a byte order mark. */
	if (!strncmp(text, "\xEF\xBB\xBF", 3))
		text += 3;
	struct csv_parser cp;
	if (csv_init(&cp, CSV_APPEND_NULL) != 0)
		return err_set(e, ST_IO, what, _("out of memory"));
	csv_set_delim(&cp, ';');
	struct table_state p = {.row = row, .arg = arg, .e = e};
	size_t len = strlen(text);
	if (csv_parse(&cp, text, len, on_cell, on_line, &p) != len && !p.status)
		p.status = err_set(e, ST_INVALID, what, _("malformed CSV: %s"),
		                   csv_strerror(csv_error(&cp)));
	csv_fini(&cp, on_cell, on_line, &p);
	csv_free(&cp);
	return p.status;
}
