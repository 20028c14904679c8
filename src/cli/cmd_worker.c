/* cmd_worker.c — `charte worker add|edit|availability|step|sign|doc|docs|doc-export|list|show|
 * skills|commitments`: the worker file (I4-I7). */
#include <stdlib.h>
#include <string.h>

#include "charte/contract.h"
#include "charte/visit.h"
#include "charte/worker.h"
#include "charte/planning.h"
#include "cli.h"

/* The one WORKER argument of a verb. */
#define WHICH_WORKER _("which worker? give its id")

/* ---- add and edit: the same fields ---- */

struct file_opts {
	const char *name, *matricule, *badge, *phone, *skills, *hired, *status, *notes;
};

/* The fields given over w (NULL options leave a field as it is). Returns 0 or the exit code of
 * a rejected value. */
static int apply_opts(cli *c, const struct file_opts *o, worker *w)
{
	const struct {
		const char *given;
		char **slot;
	} texts[] = {{o->name, &w->name},     {o->matricule, &w->matricule},
		     {o->badge, &w->badge},   {o->phone, &w->phone},
		     {o->skills, &w->skills}, {o->notes, &w->notes}};
	for (size_t i = 0; i < ARRAY_LEN(texts); i++)
		if (texts[i].given) {
			free(*texts[i].slot);
			*texts[i].slot = xstrdup(texts[i].given);
		}
	if (o->hired) {
		const char *why = str_blank(o->hired) ? NULL : parse_date(o->hired, &w->hired_on);
		if (why)
			return cli_bad(c, "hired", why);
		if (str_blank(o->hired))
			w->hired_on = NO_DAY;
	}
	if (o->status && !(w->status = enum_value(&worker_statuses, o->status)))
		return cli_bad(c, "status", N_("must be candidate, active or left"));
	return 0;
}

static int worker_add_cmd(cli *c, int argc, char **argv)
{
	struct file_opts o = {0};
	const cli_opt opts[] = {{"name", &o.name, NULL},     {"matricule", &o.matricule, NULL},
				{"badge", &o.badge, NULL},   {"phone", &o.phone, NULL},
				{"skills", &o.skills, NULL}, {"hired", &o.hired, NULL},
				{"status", &o.status, NULL}, {"notes", &o.notes, NULL},
				{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (!o.name)
		return cli_usage(c, _("--name is required"));
	worker w;
	worker_init(&w);
	if (!(r = apply_opts(c, &o, &w)) && !(r = cli_open(c, false))) {
		cerr e = {0};
		if (worker_create(c->a, &w, &e))
			r = cli_fail(c, &e);
		else
			printf("%lld\n", (long long)w.id);
	}
	worker_free(&w);
	return r;
}

static int worker_edit_cmd(cli *c, int argc, char **argv)
{
	struct file_opts o = {0};
	const char *ref;
	const cli_opt opts[] = {{"name", &o.name, NULL},     {"matricule", &o.matricule, NULL},
				{"badge", &o.badge, NULL},   {"phone", &o.phone, NULL},
				{"skills", &o.skills, NULL}, {"hired", &o.hired, NULL},
				{"status", &o.status, NULL}, {"notes", &o.notes, NULL},
				{NULL, NULL, NULL}};
	int64_t id;
	int r = cli_parse(c, argc, argv, opts, WHICH_WORKER, &ref);
	if (r || (r = cli_id(c, ref, "id", &id)))
		return r;
	/* Checked before the file is opened: a bad value writes nothing. */
	worker probe;
	worker_init(&probe);
	r = apply_opts(c, &o, &probe);
	worker_free(&probe);
	if (r || (r = cli_open(c, false)))
		return r;
	/* The file as read now (base) and with the options over it (w): only what the options
	 * change is written, whatever another desk writes meanwhile. */
	worker w, base;
	worker_init(&w);
	worker_init(&base);
	cerr e = {0};
	if (worker_get(c->a, id, &w, &e) || worker_get(c->a, id, &base, &e))
		r = cli_fail(c, &e);
	else if (!(r = apply_opts(c, &o, &w)) && worker_update(c->a, &base, &w, &e))
		r = cli_fail(c, &e);
	worker_free(&w);
	worker_free(&base);
	return r;
}

/* ---- the procedure, signatures, availability ---- */

static int worker_availability_cmd(cli *c, int argc, char **argv)
{
	const char *day = NULL, *from = NULL, *to = NULL, *ref;
	const cli_opt opts[] = {{"day", &day, NULL}, {"from", &from, NULL}, {"to", &to, NULL},
				{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, WHICH_WORKER, &ref);
	if (r)
		return r;
	if (!day || !from || !to)
		return cli_usage(c, _("--day, --from and --to are required"));
	worker_availability av = {0};
	const char *why;
	if ((r = cli_id(c, ref, "id", &av.worker_id)))
		return r;
	if ((why = contract_parse_weekday(day, &av.weekday)))
		return cli_bad(c, "day", why);
	if ((why = parse_clock(from, &av.starts)))
		return cli_bad(c, "from", why);
	/* 24:00 ends a day. */
	if (!strcmp(to, "24:00"))
		av.ends = 24 * 60;
	else if ((why = parse_clock(to, &av.ends)))
		return cli_bad(c, "to", why);
	if ((r = cli_open(c, false)))
		return r;
	cerr e = {0};
	if (worker_availability_add(c->a, &av, &e))
		return cli_fail(c, &e);
	printf("%lld\n", (long long)av.id);
	return 0;
}

static int worker_step_cmd(cli *c, int argc, char **argv)
{
	const char *step = NULL, *on = NULL, *ref;
	const cli_opt opts[] = {{"step", &step, NULL}, {"on", &on, NULL}, {NULL, NULL, NULL}};
	int64_t id;
	cday day;
	int r = cli_parse(c, argc, argv, opts, WHICH_WORKER, &ref);
	if (r)
		return r;
	if (!step || !on)
		return cli_usage(c, _("--step and --on are required"));
	if ((r = cli_id(c, ref, "id", &id)) || (r = cli_date(c, on, "on", &day)) ||
	    (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	return worker_step_done(c->a, id, step, day, &e) ? cli_fail(c, &e) : 0;
}

static int worker_sign_cmd(cli *c, int argc, char **argv)
{
	const char *on = NULL, *ref;
	bool ethics = false, commitments = false;
	const cli_opt opts[] = {{"ethics", NULL, &ethics},
				{"commitments", NULL, &commitments},
				{"on", &on, NULL},
				{NULL, NULL, NULL}};
	int64_t id;
	cday day;
	int r = cli_parse(c, argc, argv, opts, WHICH_WORKER, &ref);
	if (r)
		return r;
	if (!ethics && !commitments)
		return cli_usage(c, _("--ethics or --commitments is required"));
	if (!on)
		return cli_usage(c, _("--on is required"));
	if ((r = cli_id(c, ref, "id", &id)) || (r = cli_date(c, on, "on", &day)) ||
	    (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	if (ethics && worker_sign(c->a, id, WORKER_SIGN_ETHICS, day, &e))
		return cli_fail(c, &e);
	if (commitments && worker_sign(c->a, id, WORKER_SIGN_COMMITMENTS, day, &e))
		return cli_fail(c, &e);
	return 0;
}

/* ---- documents ---- */

static int worker_doc_cmd(cli *c, int argc, char **argv)
{
	const char *kind = NULL, *on = NULL, *issued = NULL, *file = NULL, *note = NULL, *ref;
	const cli_opt opts[] = {{"kind", &kind, NULL},     {"on", &on, NULL},
				{"issued", &issued, NULL}, {"file", &file, NULL},
				{"note", &note, NULL},     {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, WHICH_WORKER, &ref);
	if (r)
		return r;
	if (!kind || !on)
		return cli_usage(c, _("--kind and --on are required"));
	worker_doc d;
	worker_doc_init(&d);
	if ((r = cli_id(c, ref, "id", &d.worker_id)))
		return r;
	if (!(d.kind = enum_value(&worker_doc_kinds, kind)))
		return cli_bad(c, "kind", N_("must be cv, id, criminal-record or other"));
	if ((r = cli_date(c, on, "on", &d.dated)) ||
	    (issued && (r = cli_date(c, issued, "issued", &d.issued_on))) ||
	    (r = cli_open(c, false)))
		return r;
	d.note = note ? xstrdup(note) : NULL;
	cerr e = {0};
	if (worker_doc_add(c->a, &d, file, &e))
		r = cli_fail(c, &e);
	else
		printf("%lld\n", (long long)d.id);
	worker_doc_free(&d);
	return r;
}

static void doc_row(cli_out *o, const worker_doc *d, bool csv)
{
	char id[24], dated[11], issued[11], size[24];
	snprintf(id, sizeof id, "%lld", (long long)d->id);
	if (csv) {
		out_day(d->dated, dated);
		out_day(d->issued_on, issued);
	} else {
		fmt_date_human(d->dated, dated);
		fmt_date_human(d->issued_on, issued);
	}
	if (d->file_name)
		snprintf(size, sizeof size, "%lld", (long long)d->file_size);
	else
		size[0] = '\0';
	const char *cells[] = {id,
			       csv ? enum_name(&worker_doc_kinds, d->kind)
				   : enum_label(&worker_doc_kinds, d->kind),
			       dated,
			       issued,
			       d->file_name,
			       size,
			       d->note,
			       d->added_by};
	out_row(o, cells);
}

static int worker_docs_cmd(cli *c, int argc, char **argv)
{
	bool csv = false;
	const char *ref;
	int64_t id;
	const cli_opt opts[] = {{"csv", NULL, &csv}, {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, WHICH_WORKER, &ref);
	if (r || (r = cli_id(c, ref, "id", &id)) || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	worker_doc *docs = NULL;
	size_t n = 0;
	if (worker_docs(c->a, id, &docs, &n, &e))
		return cli_fail(c, &e);
	static const char *const cols[] = {N_("id"),   N_("kind"),      N_("dated"),
					   N_("issued_on"), N_("file_name"), N_("file_size"),
					   N_("note"), N_("added_by")};
	cli_out *o = out_new(csv, cols, ARRAY_LEN(cols));
	for (size_t i = 0; i < n; i++)
		doc_row(o, &docs[i], csv);
	out_end(o);
	worker_docs_free(docs, n);
	return 0;
}

static int worker_doc_export_cmd(cli *c, int argc, char **argv)
{
	const char *out = NULL, *ref;
	int64_t id;
	const cli_opt opts[] = {{"out", &out, NULL}, {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, _("which document? give its id"), &ref);
	if (r)
		return r;
	if (!out)
		return cli_usage(c, _("--out is required"));
	if ((r = cli_id(c, ref, "document", &id)) || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	return worker_doc_export(c->a, id, out, &e) ? cli_fail(c, &e) : 0;
}

/* ---- list ---- */

struct list_arg {
	cli_out *o;
	bool csv;
};

static int list_row(const worker *w, void *arg)
{
	struct list_arg *la = arg;
	char id[24], phone[32], hired[11], ethics[11], commitments[11];
	snprintf(id, sizeof id, "%lld", (long long)w->id);
	if (la->csv) {
		snprintf(phone, sizeof phone, "%s", w->phone ? w->phone : "");
		out_day(w->hired_on, hired);
		out_day(w->ethics_signed_on, ethics);
		out_day(w->commitments_signed_on, commitments);
	} else {
		fmt_phone(w->phone ? w->phone : "", phone);
		fmt_date_human(w->hired_on, hired);
		fmt_date_human(w->ethics_signed_on, ethics);
		fmt_date_human(w->commitments_signed_on, commitments);
	}
	const char *cells[] = {id,
			       w->name,
			       w->matricule,
			       w->badge,
			       la->csv ? enum_name(&worker_statuses, w->status)
				       : enum_label(&worker_statuses, w->status),
			       out_flag(w->file_complete),
			       phone,
			       w->skills,
			       hired,
			       ethics,
			       commitments};
	out_row(la->o, cells);
	return 0;
}

static int worker_list_cmd(cli *c, int argc, char **argv)
{
	worker_filter f;
	worker_filter_init(&f);
	bool csv = false;
	const char *status = NULL;
	const cli_opt opts[] = {{"csv", NULL, &csv},
				{"search", &f.search, NULL},
				{"status", &status, NULL},
				{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (status && !(f.status = enum_value(&worker_statuses, status)))
		return cli_bad(c, "status", N_("must be candidate, active or left"));
	if ((r = cli_open(c, false)))
		return r;
	static const char *const cols[] = {
	    N_("id"),     N_("name"),     N_("matricule"), N_("badge"),
	    N_("status"), N_("file_complete"), N_("phone"), N_("skills"),
	    N_("hired_on"), N_("ethics_signed_on"), N_("commitments_signed_on")};
	struct list_arg la = {out_new(csv, cols, ARRAY_LEN(cols)), csv};
	cerr e = {0};
	r = worker_each(c->a, &f, list_row, &la, &e);
	out_end(la.o);
	return r ? cli_fail(c, &e) : 0;
}

/* ---- show: the file for people ---- */


/* The worker's punctuality this month and the two before (I1), and visits of the last and the
 * next two weeks. What the role may not read of the planning is left out. */
static void show_planning(cli *c, int64_t id)
{
	printf("\n%s\n", _("Punctuality (arrivals on time)"));
	int y, m, d;
	cal_ymd(app_today(c->a), &y, &m, &d);
	for (int back = 0; back < 3; back++) {
		int mm = m - back, yy = y;
		if (mm < 1) {
			mm += 12;
			yy--;
		}
		punctuality p;
		cerr e = {0};
		if (visit_punctuality_month(c->a, id, yy, mm, &p, &e))
			break;
		char month[32];
		snprintf(month, sizeof month, "%04d-%02d", yy, mm);
		if (p.rate < 0)
			printf("  %s  %s\n", month, _("no arrival recorded"));
		else
			printf(_("  %s  %d %% (%lld late of %lld)\n"), month, p.rate,
			       (long long)p.late, (long long)p.arrived);
	}
	printf("\n%s\n", _("Visits (the last two weeks and the next two)"));
	visit_filter f;
	visit_filter_init(&f);
	f.worker_id = id;
	f.from = cal_at(app_today(c->a) - 14, 0);
	f.to = cal_at(app_today(c->a) + 15, 0);
	visit *rows = NULL;
	size_t n = 0;
	cerr e = {0};
	enum { SHOWN = 40 };
	if (visit_page(c->a, &f, NULL, false, SHOWN + 1, &rows, &n, &e))
		return;
	if (!n)
		printf("  %s\n", _("none"));
	int tolerance = visit_tolerance(c->a);
	for (size_t i = 0; i < n && i < SHOWN; i++) {
		const visit *v = &rows[i];
		char start[17], end[6], arrived[17];
		fmt_datetime_human(v->starts, start);
		fmt_clock(cal_minute_of_day(v->ends), end);
		strbuf line = {0};
		sb_addf(&line, "#%lld %s-%s %s %s (%s): %s", (long long)v->id, start, end,
			v->contract_number, v->client_name, v->service_label,
			enum_label(&visit_statuses, v->status));
		if (v->arrived_at != NO_MINUTE) {
			fmt_datetime_human(v->arrived_at, arrived);
			sb_addf(&line, visit_is_late(v, tolerance) ? _(", arrived %s, late")
								   : _(", arrived %s"),
				arrived);
		}
		char *clean = text_printable(sb_str(&line));
		printf("  %s\n", clean);
		free(clean);
		sb_free(&line);
	}
	if (n > SHOWN)
		printf("  %s\n", _("… ('charte visit list --worker ID' for all)"));
	visits_free(rows, n);
}

/* The worker's absences and first meetings (I2, I5). */
static void show_absences_meetings(cli *c, int64_t id)
{
	cerr e = {0};
	absence *ab = NULL;
	size_t nab = 0;
	printf("\n%s\n", _("Absences"));
	if (absence_list(c->a, id, &ab, &nab, &e) || !nab)
		printf("  %s\n", _("none recorded"));
	for (size_t i = 0; i < nab; i++) {
		char from[11], to[11];
		fmt_date_human(ab[i].from_day, from);
		fmt_date_human(ab[i].to_day, to);
		char *note = text_printable(ab[i].note ? ab[i].note : "");
		printf(_("  #%lld from %s to %s: %s%s%s\n"), (long long)ab[i].id, from, to,
		       ab[i].kind, *note ? ", " : "", note);
		free(note);
	}
	absences_free(ab, nab);
	meeting *m = NULL;
	size_t nm = 0;
	printf("\n%s\n", _("First meetings"));
	if (meeting_list(c->a, 0, id, &m, &nm, &e) || !nm)
		printf("  %s\n", _("none recorded"));
	for (size_t i = 0; i < nm; i++) {
		char on[11];
		fmt_date_human(m[i].met_on, on);
		char *who = text_printable(m[i].client_name ? m[i].client_name : "");
		printf(_("  #%lld on %s with %s (client %lld)%s\n"), (long long)m[i].id, on, who,
		       (long long)m[i].client_id,
		       m[i].signed_on == NO_DAY ? _(", not signed yet") : "");
		free(who);
	}
	meetings_free(m, nm);
}

static int worker_show_cmd(cli *c, int argc, char **argv)
{
	const char *ref;
	int64_t id;
	int r = cli_parse(c, argc, argv, (const cli_opt[]){{NULL, NULL, NULL}}, WHICH_WORKER, &ref);
	if (r || (r = cli_id(c, ref, "id", &id)) || (r = cli_open(c, false)))
		return r;
	cerr e = {0};
	worker w;
	worker_init(&w);
	if (worker_get(c->a, id, &w, &e))
		return cli_fail(c, &e);
	char *title = text_printable(w.name);
	printf(_("Worker #%lld: %s\n"), (long long)w.id, title);
	free(title);

	const char *labels[] = {_("Matricule:"), _("Badge:"),	   _("Phone:"),
				_("Status:"),	 _("Hired on:"),   _("Skills:"),
				_("Notes:"),	 _("Ethics and confidentiality:"),
				_("Commitments:"), _("File:")};
	char phone[32];
	fmt_phone(w.phone ? w.phone : "", phone);
	char *hired = out_day_or(w.hired_on, "—");
	char *skills = worker_skills_words(c->a, w.skills, true);
	char *ethics = out_day_or(w.ethics_signed_on, _("not signed"));
	char *commitments = out_day_or(w.commitments_signed_on, _("not signed"));
	char *missing = NULL;
	if (worker_missing(c->a, id, &missing, &e)) {
		worker_free(&w);
		return cli_fail(c, &e);
	}
	char *file = *missing ? xasprintf(_("incomplete: %s"), missing) : xstrdup(_("complete"));
	const char *values[] = {w.matricule, w.badge, phone,     enum_label(&worker_statuses, w.status),
				hired,	     skills,  w.notes,   ethics,
				commitments, file};
	out_block(labels, values, ARRAY_LEN(labels));
	free(hired);
	free(skills);
	free(ethics);
	free(commitments);
	free(missing);
	free(file);

	printf("\n%s\n", _("Availability"));
	worker_availability *av = NULL;
	size_t nav = 0;
	if ((r = worker_availability_list(c->a, id, &av, &nav, &e)))
		goto done;
	if (!nav)
		printf("  %s\n", _("none recorded"));
	for (size_t i = 0; i < nav; i++) {
		char from[6], to[6];
		fmt_clock(av[i].starts, from);
		fmt_clock(av[i].ends, to);
		printf("  %s %s-%s\n", contract_weekday_label(av[i].weekday), from, to);
	}
	free(av);

	show_planning(c, id);
	show_absences_meetings(c, id);

	printf("\n%s\n", _("Selection procedure"));
	selection_step *steps = NULL;
	size_t nsteps = 0;
	if ((r = worker_procedure(c->a, id, &steps, &nsteps, &e)))
		goto done;
	for (size_t i = 0; i < nsteps; i++) {
		char on[11];
		fmt_date_human(steps[i].done_on, on);
		char *state = steps[i].done_on == NO_DAY
				  ? xstrdup(_("not done"))
				  : xasprintf(_("done on %s by %s"), on, steps[i].done_by);
		char *label = text_printable(steps[i].label);
		printf("  %-16s %s: %s\n", steps[i].code, label, state);
		free(label);
		free(state);
	}
	selection_steps_free(steps, nsteps);

	printf("\n%s\n", _("Documents"));
	worker_doc *docs = NULL;
	size_t ndocs = 0;
	cerr de = {0};
	if (worker_docs(c->a, id, &docs, &ndocs, &de) == ST_DENIED) {
		/* Not for this role: said, and the rest of the file stands. */
		char *why = text_printable(de.msg);
		printf("  %s\n", why);
		free(why);
	} else if (!ndocs) {
		printf("  %s\n", _("none recorded"));
	}
	for (size_t i = 0; i < ndocs; i++) {
		const worker_doc *d = &docs[i];
		char dated[11], issued[11];
		fmt_date_human(d->dated, dated);
		fmt_date_human(d->issued_on, issued);
		strbuf line = {0};
		sb_addf(&line, _("#%lld %s, received on %s"), (long long)d->id,
			enum_label(&worker_doc_kinds, d->kind), dated);
		if (d->issued_on != NO_DAY)
			sb_addf(&line, _(", issued on %s"), issued);
		if (d->file_name)
			sb_addf(&line, _(", file %s (%lld bytes)"), d->file_name,
				(long long)d->file_size);
		if (d->note && *d->note)
			sb_addf(&line, ": %s", d->note);
		char *clean = text_printable(sb_str(&line));
		printf("  %s\n", clean);
		free(clean);
		sb_free(&line);
	}
	worker_docs_free(docs, ndocs);
done:
	worker_free(&w);
	fflush(stdout);
	return r ? cli_fail(c, &e) : 0;
}

/* ---- the lists of data/ ---- */

static int list_skills(app *a, bool csv, cerr *e)
{
	skill *rows = NULL;
	size_t n = 0;
	int r = worker_skills(a, &rows, &n, e);
	if (r)
		return r;
	static const char *const cols[] = {N_("code"), N_("label")};
	cli_out *o = out_new(csv, cols, ARRAY_LEN(cols));
	for (size_t i = 0; i < n; i++)
		out_row(o, (const char *const[]){rows[i].code, rows[i].label});
	out_end(o);
	skills_free(rows, n);
	return 0;
}

static int worker_skills_cmd(cli *c, int argc, char **argv)
{
	return cli_list_verb(c, argc, argv, list_skills);
}

static int worker_commitments_cmd(cli *c, int argc, char **argv)
{
	int r = cli_parse(c, argc, argv, (const cli_opt[]){{NULL, NULL, NULL}}, NULL, NULL);
	if (r)
		return r;
	char *text = worker_commitments_text();
	fputs(text, stdout);
	free(text);
	return 0;
}

static const cli_verb verbs[] = {
	{"add",
	 "--name NAME [--matricule M] [--badge B] [--phone P] [--skills a,b] [--hired D] "
	 "[--status candidate|active|left] [--notes T]",
	 N_("open a worker file; prints its id"), worker_add_cmd},
	{"edit",
	 "ID [--name NAME] [--matricule M] [--badge B] [--phone P] [--skills a,b] [--hired D] "
	 "[--status candidate|active|left] [--notes T]",
	 N_("change the fields given of a worker file ('' empties one)"), worker_edit_cmd},
	{"availability", "ID --day mon|tue|wed|thu|fri|sat|sun --from HH:MM --to HH:MM",
	 N_("add a weekly availability; prints its id"), worker_availability_cmd},
	{"step", "ID --step NAME --on D",
	 N_("record a step of the selection procedure done (see 'charte worker show')"),
	 worker_step_cmd},
	{"sign", "ID --ethics|--commitments --on D",
	 N_("record the signature of the ethics and confidentiality commitment or of the list "
	    "of commitments"),
	 worker_sign_cmd},
	{"doc", "ID --kind cv|id|criminal-record|other --on D [--issued D] [--note T] [--file PATH]",
	 N_("record a document of the worker's file (a criminal record extract: --issued, its "
	    "issue date, else --on); --file keeps the scan; prints its id"),
	 worker_doc_cmd},
	{"docs", "ID [--csv]", N_("list the worker's documents (coordinator or manager)"),
	 worker_docs_cmd},
	{"doc-export", "DOC --out PATH", N_("write the file kept with a document to PATH"),
	 worker_doc_export_cmd},
	{"list", "[--search WORDS] [--status S] [--csv]",
	 N_("list workers by name, with whether their file is complete"), worker_list_cmd},
	{"show", "ID", N_("the worker file: identity, availability, procedure, documents"),
	 worker_show_cmd},
	{"skills", "[--csv]", N_("the skills a worker may have (codes for --skills)"),
	 worker_skills_cmd},
	{"commitments", "", N_("the list of commitments a worker signs"), worker_commitments_cmd},
};
CLI_AREA(area_worker, "worker", N_("worker files: procedure, signatures, documents"), verbs);
