/* cmd_planning.c — `charte meeting add|list`, `charte absence add|list`, `charte note
 * add|list`: first meetings, absences and the liaison notebook (issue 8, points 2, 5 and 7). */
#include <stdlib.h>
#include <string.h>

#include "charte/planning.h"
#include "cli.h"

static const char *id_text(int64_t id, char buf[24])
{
	if (!id)
		return "";
	snprintf(buf, 24, "%lld", (long long)id);
	return buf;
}

/* ---- meetings ---- */

static int meeting_add_cmd(cli *c, int argc, char **argv)
{
	const char *client = NULL, *who = NULL, *rep = NULL, *on = NULL, *svc = NULL, *req = NULL,
		   *zones = NULL, *sig = NULL;
	const cli_opt opts[] = {{"client", &client, NULL},	   {"worker", &who, NULL},
				{"representative", &rep, NULL},    {"on", &on, NULL},
				{"service", &svc, NULL},	   {"request", &req, NULL},
				{"forbidden-zones", &zones, NULL}, {"signed", &sig, NULL},
				{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (!client || !who || !rep || !on)
		return cli_usage(c, _("--client, --worker, --representative and --on are required"));
	meeting m;
	meeting_init(&m);
	if ((r = cli_id(c, client, "client", &m.client_id)) ||
	    (r = cli_id(c, who, "worker", &m.worker_id)) || (r = cli_date(c, on, "on", &m.met_on)) ||
	    (sig && (r = cli_date(c, sig, "signed", &m.signed_on))) || (r = cli_open(c, false))) {
		meeting_free(&m);
		return r;
	}
	m.representative = xstrdup(rep);
	m.service = svc ? xstrdup(svc) : NULL;
	m.request = req ? xstrdup(req) : NULL;
	m.forbidden_zones = zones ? xstrdup(zones) : NULL;
	cerr e = {0};
	if (meeting_add(c->a, &m, &e))
		r = cli_fail(c, &e);
	else
		printf("%lld\n", (long long)m.id);
	meeting_free(&m);
	return r;
}

static int meeting_list_cmd(cli *c, int argc, char **argv)
{
	const char *client = NULL, *who = NULL;
	bool csv = false;
	const cli_opt opts[] = {{"client", &client, NULL}, {"worker", &who, NULL},
				{"csv", NULL, &csv}, {NULL, NULL, NULL}};
	int64_t cid = 0, wid = 0;
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r || (client && (r = cli_id(c, client, "client", &cid))) ||
	    (who && (r = cli_id(c, who, "worker", &wid))) || (r = cli_open(c, false)))
		return r;
	meeting *rows = NULL;
	size_t n = 0;
	cerr e = {0};
	if (meeting_list(c->a, cid, wid, &rows, &n, &e))
		return cli_fail(c, &e);
	static const char *const cols[] = {
	    N_("id"),	   N_("client_id"), N_("worker_id"), N_("met_on"),
	    N_("representative"), N_("service"), N_("signed_on"), N_("client"),
	    N_("worker"),   N_("request"),   N_("forbidden_zones")};
	cli_out *o = out_new(csv, cols, ARRAY_LEN(cols));
	for (size_t i = 0; i < n; i++) {
		const meeting *m = &rows[i];
		char id[24], ci[24], wi[24], met[11], sg[11];
		out_day(m->met_on, met);
		out_day(m->signed_on, sg);
		const char *cells[] = {id_text(m->id, id), id_text(m->client_id, ci),
				       id_text(m->worker_id, wi), met, m->representative, m->service,
				       sg, m->client_name, m->worker_name, m->request,
				       m->forbidden_zones};
		out_row(o, cells);
	}
	out_end(o);
	meetings_free(rows, n);
	return 0;
}

static const cli_verb meeting_verbs[] = {
	{"add",
	 "--client ID --worker ID --representative LOGIN --on D [--service CODE] [--request TEXT] "
	 "[--forbidden-zones TEXT] [--signed D]",
	 N_("record a first meeting of a client and a worker with the agency's representative "
	    "(I5); prints its id"),
	 meeting_add_cmd},
	{"list", "[--client ID] [--worker ID] [--csv]", N_("list first meetings by day"),
	 meeting_list_cmd},
};
CLI_AREA(area_meeting, "meeting", N_("first meetings of a client and a worker (I5)"),
	 meeting_verbs);

/* ---- absences ---- */

static int absence_add_cmd(cli *c, int argc, char **argv)
{
	const char *who = NULL, *from = NULL, *to = NULL, *kind = NULL, *note = NULL;
	const cli_opt opts[] = {{"worker", &who, NULL}, {"from", &from, NULL},
				{"to", &to, NULL},      {"kind", &kind, NULL},
				{"note", &note, NULL},  {NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (!who || !from || !to)
		return cli_usage(c, _("--worker, --from and --to are required"));
	absence x;
	absence_init(&x);
	if ((r = cli_id(c, who, "worker", &x.worker_id)) ||
	    (r = cli_date(c, from, "from", &x.from_day)) || (r = cli_date(c, to, "to", &x.to_day)) ||
	    (r = cli_open(c, false))) {
		absence_free(&x);
		return r;
	}
	x.kind = kind ? xstrdup(kind) : NULL;
	x.note = note ? xstrdup(note) : NULL;
	visit *v = NULL;
	size_t n = 0;
	cerr e = {0};
	if (absence_add(c->a, &x, &v, &n, &e)) {
		r = cli_fail(c, &e);
	} else {
		/* stdout: the id alone; stderr: the visits it leaves uncovered. */
		printf("%lld\n", (long long)x.id);
		fprintf(stderr, ngettext("%zu visit left uncovered\n", "%zu visits left uncovered\n", n),
			n);
		for (size_t i = 0; i < n; i++) {
			char at[17];
			out_minute(v[i].starts, at);
			fprintf(stderr, _("  visit %lld, %s, %s (charte visit candidates %lld)\n"),
				(long long)v[i].id, at, v[i].client_name ? v[i].client_name : "",
				(long long)v[i].id);
		}
	}
	visits_free(v, n);
	absence_free(&x);
	return r;
}

static int absence_list_cmd(cli *c, int argc, char **argv)
{
	const char *who = NULL;
	bool csv = false;
	const cli_opt opts[] = {{"worker", &who, NULL}, {"csv", NULL, &csv}, {NULL, NULL, NULL}};
	int64_t wid = 0;
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r || (who && (r = cli_id(c, who, "worker", &wid))) || (r = cli_open(c, false)))
		return r;
	absence *rows = NULL;
	size_t n = 0;
	cerr e = {0};
	if (absence_list(c->a, wid, &rows, &n, &e))
		return cli_fail(c, &e);
	static const char *const cols[] = {N_("id"),   N_("worker_id"), N_("from"), N_("to"),
					   N_("kind"), N_("worker"),	N_("note")};
	cli_out *o = out_new(csv, cols, ARRAY_LEN(cols));
	for (size_t i = 0; i < n; i++) {
		char id[24], wi[24], f[11], t[11];
		out_day(rows[i].from_day, f);
		out_day(rows[i].to_day, t);
		const char *cells[] = {id_text(rows[i].id, id), id_text(rows[i].worker_id, wi), f, t,
				       rows[i].kind, rows[i].worker_name, rows[i].note};
		out_row(o, cells);
	}
	out_end(o);
	absences_free(rows, n);
	return 0;
}

static const cli_verb absence_verbs[] = {
	{"add", "--worker ID --from D --to D [--kind leave|sick|training|other] [--note TEXT]",
	 N_("record a worker's absence; prints its id, and on stderr the visits it leaves "
	    "uncovered (each keeps its worker until replaced: see visit candidates, visit replace)"),
	 absence_add_cmd},
	{"list", "[--worker ID] [--csv]", N_("list absences, newest first"), absence_list_cmd},
};
CLI_AREA(area_absence, "absence", N_("workers' absences and the visits they leave uncovered (I2)"),
	 absence_verbs);

/* ---- the liaison notebook ---- */

static int note_add_cmd(cli *c, int argc, char **argv)
{
	const char *client = NULL, *text = NULL, *vis = NULL, *who = NULL;
	const cli_opt opts[] = {{"client", &client, NULL}, {"text", &text, NULL},
				{"visit", &vis, NULL},     {"worker", &who, NULL},
				{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (!client || !text)
		return cli_usage(c, _("--client and --text are required"));
	note_entry n;
	note_init(&n);
	int64_t wid = 0;
	if ((r = cli_id(c, client, "client", &n.client_id)) ||
	    (vis && (r = cli_id(c, vis, "visit", &n.visit_id))) ||
	    (who && (r = cli_id(c, who, "worker", &wid))) || (r = cli_open(c, false))) {
		note_free(&n);
		return r;
	}
	n.text = xstrdup(text);
	if (wid) {
		n.by_worker = true;
		n.author = xasprintf("%lld", (long long)wid);
	}
	cerr e = {0};
	if (note_add(c->a, &n, &e))
		r = cli_fail(c, &e);
	else
		printf("%lld\n", (long long)n.id);
	note_free(&n);
	return r;
}

static int note_list_cmd(cli *c, int argc, char **argv)
{
	const char *client = NULL;
	bool csv = false;
	const cli_opt opts[] = {{"client", &client, NULL}, {"csv", NULL, &csv}, {NULL, NULL, NULL}};
	int64_t cid = 0;
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
	if (!client)
		return cli_usage(c, _("--client is required"));
	if ((r = cli_id(c, client, "client", &cid)) || (r = cli_open(c, false)))
		return r;
	note_entry *rows = NULL;
	size_t n = 0;
	cerr e = {0};
	if (note_list(c->a, cid, &rows, &n, &e))
		return cli_fail(c, &e);
	static const char *const cols[] = {N_("id"),	 N_("client_id"), N_("at"),
					   N_("author_kind"), N_("author"), N_("visit_id"),
					   N_("author_name"), N_("text")};
	cli_out *o = out_new(csv, cols, ARRAY_LEN(cols));
	for (size_t i = 0; i < n; i++) {
		char id[24], ci[24], vi[24], at[17];
		out_minute(rows[i].at, at);
		const char *cells[] = {id_text(rows[i].id, id), id_text(rows[i].client_id, ci), at,
				       rows[i].by_worker ? "worker" : "staff", rows[i].author,
				       id_text(rows[i].visit_id, vi), rows[i].author_name,
				       rows[i].text};
		out_row(o, cells);
	}
	out_end(o);
	notes_free(rows, n);
	return 0;
}

static const cli_verb note_verbs[] = {
	{"add", "--client ID --text TEXT [--visit ID] [--worker ID]",
	 N_("write in a client's liaison notebook, dated now, by you or by worker --worker, "
	    "optionally about one of the client's visits; prints its id"),
	 note_add_cmd},
	{"list", "--client ID [--csv]", N_("a client's liaison notebook, newest first"),
	 note_list_cmd},
};
CLI_AREA(area_note, "note", N_("the clients' liaison notebooks (I3)"), note_verbs);
