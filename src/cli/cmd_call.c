/* cmd_call.c — `charte call add|list|done|attempt|doc-sent|cancel`. */
#include <stdlib.h>
#include <string.h>

#include "charte/call.h"
#include "cli.h"

static int call_add(cli *c, int argc, char **argv)
{
	call k;
	call_init(&k);
	const char *caller = NULL, *phone = NULL, *subject = NULL, *at = NULL, *client = NULL;
	const cli_opt opts[] = {
		{"caller", &caller, NULL},         {"phone", &phone, NULL},
		{"subject", &subject, NULL},       {"at", &at, NULL},
		{"answered", NULL, &k.answered},   {"callback", NULL, &k.callback},
		{"documentation", NULL, &k.documentation}, {"client", &client, NULL},
		{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		;
	else if (!caller)
		r = cli_usage(c, _("--caller is required"));
	else if (at && (r = cli_datetime(c, at, "at", &k.at)))
		;
	else if (client && (r = cli_id(c, client, "client", &k.client_id)))
		;
	else if (!(r = cli_open(c, false))) {
		k.caller = xstrdup(caller);
		k.phone = phone ? xstrdup(phone) : NULL;
		k.subject = subject ? xstrdup(subject) : NULL;
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

/* Where a call stands (core decides), in a few words with its deadline, for the table people
 * read; a message left on the answering machine says so too. */
static void call_state_text(const call *k, cminute now, char *buf, size_t n)
{
	char when[17];
	int state = call_state_of(k, now);
	switch (state) {
	case CALL_OVERDUE:
		fmt_datetime_human(k->due, when);
		snprintf(buf, n, _("callback OVERDUE since %s"), when);
		break;
	case CALL_DUE_TODAY:
	case CALL_TO_CALL_BACK:
		fmt_datetime_human(k->due, when);
		snprintf(buf, n, _("callback due %s"), when);
		break;
	case CALL_DOC_LATE:
	case CALL_DOC_TO_SEND:
		fmt_datetime_human(k->doc_due, when);
		snprintf(buf, n, _("documentation to send by %s"), when);
		break;
	default:
		snprintf(buf, n, "%s", enum_label(&call_states, state));
		break;
	}
	if (k->voicemail && state != CALL_CANCELLED && state != CALL_VOICEMAIL) {
		size_t len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s", len ? ", " : "", enum_label(&call_states,
									  CALL_VOICEMAIL));
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
	call_filter f;
	call_filter_init(&f);
	bool csv = false;
	const char *from = NULL, *to = NULL, *client = NULL;
	const cli_opt opts[] = {
		{"open", NULL, &f.open},         {"overdue", NULL, &f.overdue},
		{"all", NULL, &f.with_cancelled}, {"from", &from, NULL},
		{"to", &to, NULL},               {"csv", NULL, &csv},
		{"voicemail", NULL, &f.voicemail}, {"documentation", NULL, &f.docs},
		{"search", &f.search, NULL},     {"client", &client, NULL},
		{NULL, NULL, NULL}};
	int r = cli_parse(c, argc, argv, opts, NULL, NULL);
	if (r)
		return r;
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

/* ID and the options of opts, one of which fills *at (--at T): the call's id and the time of
 * the step (NO_MINUTE: now); opens the agency file. */
static int id_and_time(cli *c, int argc, char **argv, const cli_opt *opts, const char *const *at,
		       int64_t *id, cminute *when)
{
	const char *ref;
	int r = cli_parse(c, argc, argv, opts, _("which call? give its id"), &ref);
	if (!r)
		r = cli_id(c, ref, "id", id);
	*when = NO_MINUTE;
	if (!r && *at)
		r = cli_datetime(c, *at, "at", when);
	return r ? r : cli_open(c, false);
}

static int call_done(cli *c, int argc, char **argv)
{
	const char *at = NULL, *note = NULL;
	const cli_opt opts[] = {{"at", &at, NULL}, {"note", &note, NULL}, {NULL, NULL, NULL}};
	int64_t id;
	cminute when;
	int r = id_and_time(c, argc, argv, opts, &at, &id, &when);
	cerr e = {0};
	if (!r && call_called_back(c->a, id, when, note, &e))
		r = cli_fail(c, &e);
	return r;
}

/* A callback tried with no answer: kept, the callback stays open. */
static int call_attempt_cmd(cli *c, int argc, char **argv)
{
	const char *at = NULL, *note = NULL;
	const cli_opt opts[] = {{"at", &at, NULL}, {"note", &note, NULL}, {NULL, NULL, NULL}};
	int64_t id;
	cminute when;
	int r = id_and_time(c, argc, argv, opts, &at, &id, &when);
	cerr e = {0};
	if (!r && call_attempt(c->a, id, when, note, &e))
		r = cli_fail(c, &e);
	return r;
}

static int call_docsent(cli *c, int argc, char **argv)
{
	const char *at = NULL;
	const cli_opt opts[] = {{"at", &at, NULL}, {NULL, NULL, NULL}};
	int64_t id;
	cminute when;
	int r = id_and_time(c, argc, argv, opts, &at, &id, &when);
	cerr e = {0};
	if (!r && call_doc_sent(c->a, id, when, &e))
		r = cli_fail(c, &e);
	return r;
}

static int call_cancel_cmd(cli *c, int argc, char **argv)
{
	const char *reason = NULL, *ref;
	const cli_opt opts[] = {{"reason", &reason, NULL}, {NULL, NULL, NULL}};
	int64_t id;
	int r = cli_parse(c, argc, argv, opts, _("which call? give its id"), &ref);
	if (r || (r = cli_id(c, ref, "id", &id)))
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
