/* cmd_call.c — `charte call add|list|done|attempt|doc-sent|cancel`. */
#include <stdlib.h>
#include <string.h>

#include "charte/call.h"
#include "cli.h"

static int call_add(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"caller", required_argument, 0, 'c'}, {"phone", required_argument, 0, 'p'},
		{"subject", required_argument, 0, 's'}, {"at", required_argument, 0, 't'},
		{"answered", no_argument, 0, 'a'},      {"callback", no_argument, 0, 'b'},
		{"documentation", no_argument, 0, 'd'}, {"client", required_argument, 0, 'C'},
		{0, 0, 0, 0}};
	call k;
	call_init(&k);
	const char *at = NULL, *client = NULL;
	bool have_caller = false;
	int ch, r = 0;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'c':
			free(k.caller);
			k.caller = xstrdup(optarg);
			have_caller = true;
			break;
		case 'p':
			free(k.phone);
			k.phone = xstrdup(optarg);
			break;
		case 's':
			free(k.subject);
			k.subject = xstrdup(optarg);
			break;
		case 't':
			at = optarg;
			break;
		case 'a':
			k.answered = true;
			break;
		case 'b':
			k.callback = true;
			break;
		case 'd':
			k.documentation = true;
			break;
		case 'C':
			client = optarg;
			break;
		default:
			call_free(&k);
			return 2;
		}
	}
	if (optind < argc)
		r = cli_usage(c, _("unexpected argument '%s'"), argv[optind]);
	else if (!have_caller)
		r = cli_usage(c, _("--caller is required"));
	else if (at && (r = cli_datetime(c, at, "at", &k.at)))
		;
	else if (client && (r = cli_id(c, client, "client", &k.client_id)))
		;
	else if (!(r = cli_open(c, false))) {
		cerr e = {0};
		if (call_log(c->a, &k, &e))
			r = cli_fail(c, &e);
		else
			printf("%lld\n", (long long)k.id);
	}
	call_free(&k);
	return r;
}

struct list_arg {
	cli_out *o;
	bool csv;
	cminute now;
};

/* Where a call stands, in a few words, for the table people read. */
static void call_state_text(const call *k, cminute now, char *buf, size_t n)
{
	char when[17];
	if (k->cancelled) {
		snprintf(buf, n, "%s", _("cancelled"));
	} else if (call_is_open(k)) {
		fmt_datetime_human(k->due, when);
		snprintf(buf, n, call_is_overdue(k, now) ? _("callback OVERDUE since %s")
							 : _("callback due %s"),
			 when);
	} else if (call_doc_pending(k)) {
		fmt_datetime_human(k->doc_due, when);
		snprintf(buf, n, _("documentation to send by %s"), when);
	} else if (k->callback) {
		snprintf(buf, n, "%s", _("called back"));
	} else if (k->answered) {
		snprintf(buf, n, "%s", _("answered"));
	} else {
		buf[0] = '\0';
	}
	if (k->voicemail && !k->cancelled) {
		size_t len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s", len ? ", " : "", _("voicemail"));
	}
}

static int list_row(const call *k, void *arg)
{
	struct list_arg *la = arg;
	char id[24], client[24], at[17], due[17], back[17], docsent[17];
	snprintf(id, sizeof id, "%lld", (long long)k->id);
	if (k->client_id)
		snprintf(client, sizeof client, "%lld", (long long)k->client_id);
	else
		client[0] = '\0';
	if (!la->csv) {
		char phone[32] = "", state[160];
		if (k->phone)
			fmt_phone(k->phone, phone);
		fmt_datetime_human(k->at, at);
		call_state_text(k, la->now, state, sizeof state);
		const char *cells[] = {id, at, k->caller, phone, k->subject, state};
		out_row(la->o, cells);
		return 0;
	}
	out_minute(k->at, at);
	out_minute(k->due, due);
	out_minute(k->called_back_at, back);
	out_minute(k->doc_sent_at, docsent);
	const char *cells[] = {id,
			       at,
			       k->caller,
			       k->phone,
			       k->subject,
			       out_flag(k->answered),
			       out_flag(k->voicemail),
			       out_flag(k->callback),
			       due,
			       back,
			       out_flag(k->documentation),
			       docsent,
			       out_flag(k->cancelled),
			       client,
			       k->taken_by,
			       k->callback_note,
			       k->cancel_reason};
	out_row(la->o, cells);
	return 0;
}

static int call_list(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"open", no_argument, 0, 'o'},     {"overdue", no_argument, 0, 'v'},
		{"all", no_argument, 0, 'A'},      {"from", required_argument, 0, 'f'},
		{"to", required_argument, 0, 't'}, {"csv", no_argument, 0, 'x'},
		{"voicemail", no_argument, 0, 'm'}, {"documentation", no_argument, 0, 'd'},
		{"search", required_argument, 0, 's'}, {"client", required_argument, 0, 'C'},
		{0, 0, 0, 0}};
	call_filter f;
	call_filter_init(&f);
	bool csv = false;
	const char *from = NULL, *to = NULL, *client = NULL;
	int ch, r;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'o':
			f.open = true;
			break;
		case 'v':
			f.overdue = true;
			break;
		case 'A':
			f.with_cancelled = true;
			break;
		case 'f':
			from = optarg;
			break;
		case 't':
			to = optarg;
			break;
		case 'x':
			csv = true;
			break;
		case 'm':
			f.voicemail = true;
			break;
		case 'd':
			f.docs = true;
			break;
		case 's':
			f.search = optarg;
			break;
		case 'C':
			client = optarg;
			break;
		default:
			return 2;
		}
	}
	if (optind < argc)
		return cli_usage(c, _("unexpected argument '%s'"), argv[optind]);
	if (from && (r = cli_date(c, from, "from", &f.from)))
		return r;
	if (to && (r = cli_date(c, to, "to", &f.to)))
		return r;
	if (client && (r = cli_id(c, client, "client", &f.client_id)))
		return r;
	if (f.from != NO_DAY && f.to != NO_DAY && f.to < f.from) {
		cerr e;
		err_set(&e, ST_INVALID, "to", _("is before --from"));
		return cli_fail(c, &e);
	}
	if ((r = cli_open(c, false)))
		return r;
	f.now = app_now(c->a);
	static const char *const cols[] = {
		N_("id"),         N_("at"),        N_("caller"),     N_("phone"),          N_("subject"),
		N_("answered"),   N_("voicemail"), N_("callback"),   N_("due"),            N_("called_back_at"),
		N_("documentation"), N_("documentation_sent_at"), N_("cancelled"), N_("client_id"), N_("taken_by"),
		N_("callback_note"), N_("cancel_reason")};
	/* People get the few columns they read; scripts get every column of the contract. */
	static const char *const human[] = {N_("id"), N_("at"), N_("caller"), N_("phone"), N_("subject"), N_("state")};
	struct list_arg la = {csv ? out_new(true, cols, ARRAY_LEN(cols))
				  : out_new(false, human, ARRAY_LEN(human)),
			      csv, f.now};
	cerr e = {0};
	r = call_each(c->a, &f, list_row, &la, &e);
	out_end(la.o);
	return r ? cli_fail(c, &e) : 0;
}

static int one_id(cli *c, int argc, char **argv, int64_t *id)
{
	if (optind >= argc)
		return cli_usage(c, _("which call? give its id"));
	if (optind + 1 < argc)
		return cli_usage(c, _("unexpected argument '%s'"), argv[optind + 1]);
	return cli_id(c, argv[optind], "id", id);
}

static int call_done(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"at", required_argument, 0, 't'},
					     {"note", required_argument, 0, 'n'},
					     {0, 0, 0, 0}};
	const char *at = NULL, *note = NULL;
	int ch, r;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		if (ch == 't')
			at = optarg;
		else if (ch == 'n')
			note = optarg;
		else
			return 2;
	}
	int64_t id;
	cminute when = NO_MINUTE;
	if ((r = one_id(c, argc, argv, &id)))
		return r;
	if (at && (r = cli_datetime(c, at, "at", &when)))
		return r;
	if ((r = cli_open(c, false)))
		return r;
	cerr e = {0};
	return call_called_back(c->a, id, when, note, &e) ? cli_fail(c, &e) : 0;
}

/* A callback tried with no answer: kept, the callback stays open. */
static int call_attempt_cmd(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"at", required_argument, 0, 't'},
					     {"note", required_argument, 0, 'n'},
					     {0, 0, 0, 0}};
	const char *at = NULL, *note = NULL;
	int ch, r;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		if (ch == 't')
			at = optarg;
		else if (ch == 'n')
			note = optarg;
		else
			return 2;
	}
	int64_t id;
	cminute when = NO_MINUTE;
	if ((r = one_id(c, argc, argv, &id)))
		return r;
	if (at && (r = cli_datetime(c, at, "at", &when)))
		return r;
	if ((r = cli_open(c, false)))
		return r;
	cerr e = {0};
	return call_attempt(c->a, id, when, note, &e) ? cli_fail(c, &e) : 0;
}

static int call_docsent(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"at", required_argument, 0, 't'}, {0, 0, 0, 0}};
	const char *at = NULL;
	int ch, r;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		if (ch == 't')
			at = optarg;
		else
			return 2;
	}
	int64_t id;
	cminute when = NO_MINUTE;
	if ((r = one_id(c, argc, argv, &id)))
		return r;
	if (at && (r = cli_datetime(c, at, "at", &when)))
		return r;
	if ((r = cli_open(c, false)))
		return r;
	cerr e = {0};
	return call_doc_sent(c->a, id, when, &e) ? cli_fail(c, &e) : 0;
}

static int call_cancel_cmd(cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"reason", required_argument, 0, 'r'}, {0, 0, 0, 0}};
	const char *reason = NULL;
	int ch, r;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		if (ch == 'r')
			reason = optarg;
		else
			return 2;
	}
	int64_t id;
	if ((r = one_id(c, argc, argv, &id)))
		return r;
	if (!reason)
		return cli_usage(c, _("--reason is required: say why the call is cancelled"));
	if ((r = cli_open(c, false)))
		return r;
	cerr e = {0};
	return call_cancel(c->a, id, reason, &e) ? cli_fail(c, &e) : 0;
}

static const cli_verb verbs[] = {
	{"add",
	 "--caller NAME [--phone P] [--subject S] [--at 'YYYY-MM-DD HH:MM'] [--answered] "
	 "[--callback] [--documentation] [--client ID]",
	 N_("log a call; prints its id"), call_add},
	{"list",
	 "[--open] [--overdue] [--voicemail] [--documentation] [--all] [--from D] [--to D] "
	 "[--search WORDS] [--client ID] [--csv]",
	 N_("list calls, oldest first; cancelled ones only with --all"), call_list},
	{"done", "ID [--at T] [--note S]", N_("the callback was made"), call_done},
	{"attempt", "ID [--at T] [--note S]",
	 N_("a callback tried with no answer (the callback stays open)"), call_attempt_cmd},
	{"doc-sent", "ID [--at T]", N_("the documentation asked for was sent"), call_docsent},
	{"cancel", "ID --reason S", N_("cancel a mistaken call (calls are never deleted)"),
	 call_cancel_cmd},
};
CLI_AREA(area_call, "call", N_("the call log (main courante)"), verbs);
