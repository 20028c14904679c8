/* actions.c — the one table of actions: which keys do what. The key bar, the help screen and
 * the man page's list of keys are all made from it (as calcurse's keydef[]). */
#include <stdio.h>
#include <string.h>

#include "frame.h"
#include "keys.h"

#define FN(k) {true, (wint_t)(k)}
#define CH(c) {false, (wint_t)(c)}

/* The key map (issue 7: one key, one meaning, on every screen). Letters are those of a thing
 * or a step, whatever the screen: a adds, e edits, x strikes out the selected (a call is
 * cancelled, a draft's line removed), / searches, f filters, c opens the client's file, r the
 * caller was called back (rappelé), t a callback tried with no answer (tentative), d the
 * documentation was sent, s a quote is sent, + the client says yes (accepts the quote, signs
 * the contract), - the client says no (refuses the quote, withdraws from the contract), m makes
 * the contract from a quote, v adds a service to a contract, p the client gives notice
 * (préavis), l lists the service catalogue, u publishes the survey's results, w writes them as
 * a workbook, A writes the answer to a complaint, z marks done (a complaint closed, a plan's
 * action done, a plan closed), P lists the action plans, m makes a plan from a complaint too, R
 * records a complaint (réclamation) from a client's file, F lists the follow-up calls; on the planning < and > (or PgUp and
 * PgDn) change the week, ← and → the day, , and . the worker or client shown, i shows a worker's
 * planning (intervenant), C a client's, U the visits with no worker, h records an arrival (heure
 * d'arrivée), W gives a visit to a worker, z marks it done and x cancels it. y, o and n answer a question (dialogs)
 * and nothing else: yes is o in French and y in English. The last number is the key bar's
 * priority: 1 kept longest, 3 given up first, 0 never. */
static const struct action_def actions[] = {
	{ACT_NONE, "none", {{0}}, false, NULL, NULL, 3},
	{ACT_UP, "up", {FN(KEY_UP), CH('k')}, false, NULL, N_("Move up one line"), 3},
	{ACT_DOWN, "down", {FN(KEY_DOWN), CH('j')}, false, NULL, N_("Move down one line"), 3},
	{ACT_PAGE_UP, "page-up", {FN(KEY_PPAGE)}, false, NULL, N_("Move up one page"), 3},
	{ACT_PAGE_DOWN, "page-down", {FN(KEY_NPAGE)}, false, NULL, N_("Move down one page"), 3},
	{ACT_HOME, "first", {FN(KEY_HOME)}, false, NULL, N_("Go to the first line"), 3},
	{ACT_END, "last", {FN(KEY_END)}, false, NULL, N_("Go to the last line"), 3},
	/* Enter opens: everyone knows, so the key bar keeps its room for the rest. */
	{ACT_OPEN, "open", {CH('\n'), CH('\r'), FN(KEY_ENTER)}, false, NULL,
	 N_("Open the selected line"), 3},
	{ACT_ADD, "add", {CH('a')}, false, N_("Add"), N_("Add a new one here (a call: as F2)"), 1},
	{ACT_EDIT, "edit", {CH('e')}, false, N_("Edit"), N_("Change the selected one"), 2},
	{ACT_SEARCH, "search", {CH('/')}, false, N_("Search"),
	 N_("Search as you type: names and phone numbers (and, for calls, subjects); accents "
	    "ignored"), 1},
	{ACT_FILTER, "filter", {CH('f')}, false, N_("Filter"),
	 N_("Choose what is listed: calls open, overdue, voicemail, documentation, dates; "
	    "clients by status"), 2},
	{ACT_CALLED_BACK, "called-back", {CH('r')}, false, N_("Called back"),
	 N_("Record that the caller was called back: the time (now, or as typed) and a note if "
	    "you wish"), 1},
	{ACT_ATTEMPT, "callback-attempt", {CH('t')}, false, N_("No answer"),
	 N_("Record a callback tried with no answer (its time and a note): the callback stays "
	    "open"), 2},
	{ACT_DOC_SENT, "documentation-sent", {CH('d')}, false, N_("Doc. sent"),
	 N_("Record that the documentation asked for was sent, and when (now, or as typed)"), 2},
	{ACT_CANCEL_CALL, "cancel-call", {CH('x')}, false, N_("Cancel call"),
	 N_("Cancel a call logged by mistake (calls are never deleted; a reason is asked)"), 3},
	{ACT_NEXT_TAB, "next-tab", {FN(KEY_RIGHT), CH(']')}, false, N_("Next tab"),
	 N_("Show the next tab of a client file (File, Needs, History)"), 2},
	{ACT_PREV_TAB, "previous-tab", {FN(KEY_LEFT), CH('[')}, false, NULL,
	 N_("Show the previous tab of a client file"), 3},
	{ACT_OPEN_CLIENT, "open-client", {CH('c')}, false, N_("Client file"),
	 N_("Open the file of the client this is about"), 2},
	{ACT_SAVE, "save", {FN(KEY_F(10)), CH(TK_CTRL('s'))}, false, N_("Save"),
	 N_("Save what was typed"), 1},
	{ACT_NEXT_FIELD, "next-field", {CH('\t'), FN(KEY_DOWN), CH('\n'), CH('\r')}, false,
	 N_("Next field"),
	 N_("Go to the next field; Enter stays on a field in error, and on the last field saves"),
	 2},
	{ACT_PREV_FIELD, "previous-field", {FN(KEY_BTAB), FN(KEY_UP)}, false, NULL,
	 N_("Go to the previous field"), 3},
	{ACT_TOGGLE, "toggle", {CH(' ')}, false, N_("Tick"), N_("Tick or untick a box"), 2},
	{ACT_CANCEL, "cancel", {CH(TK_ESC), CH(TK_CTRL('c'))}, false, N_("Cancel"),
	 N_("Leave without saving (asks first when something was typed)"), 1},
	{ACT_CONFIRM, "confirm", {CH('\n'), CH('\r'), FN(KEY_ENTER)}, false, N_("OK"),
	 N_("Confirm"), 1},
	/* In a question only: the yes of the person's language, o in French and y in English. */
	{ACT_YES, "yes", {CH('y'), CH('o')}, false, N_("Yes"),
	 N_("Answer yes to a question: y in English, o in French"), 1},
	{ACT_NO, "no", {CH('n'), CH(TK_ESC), CH(TK_CTRL('c'))}, false, N_("No"),
	 N_("Answer no to a question"), 1},
	{ACT_NEW_CALL, "new-call", {FN(KEY_F(2))}, false, N_("New call"),
	 N_("Log a new call, from any screen"), 1},
	{ACT_HELP, "help", {CH('?'), FN(KEY_F(1))}, false, N_("Help"),
	 N_("Show the keys of this screen"), 0},
	{ACT_NEXT_AREA, "next-area", {CH('\t')}, false, NULL, N_("Go to the next area"), 3},
	{ACT_PREV_AREA, "previous-area", {FN(KEY_BTAB)}, false, NULL,
	 N_("Go to the previous area"), 3},
	{ACT_AREA, "area", {{0}}, true, NULL, N_("Go to the area of that number on the tabs"), 3},
	{ACT_BACK, "back", {CH(TK_ESC), CH('q'), CH(TK_CTRL('c'))}, false, N_("Back"),
	 N_("Go back to the previous screen"), 2},
	{ACT_QUIT, "quit", {CH('Q')}, false, N_("Quit"), N_("Quit Charte"), 1},
	{ACT_REDRAW, "redraw", {CH(TK_CTRL('l'))}, false, NULL, N_("Draw the screen again"), 3},
	/* quotes and contracts */
	{ACT_REMOVE, "remove", {CH('x'), FN(KEY_DC)}, false, N_("Remove"),
	 N_("Remove the selected line of a draft (a quote line, a slot of the schedule)"), 3},
	{ACT_SEND, "send-quote", {CH('s')}, false, N_("Send"),
	 N_("Record that the quote was given to the client, on a date: it no longer changes"), 1},
	{ACT_ACCEPT, "accept-quote", {CH('+')}, false, N_("Accept"),
	 N_("The client says yes: record that the quote was accepted, on a date"), 1},
	{ACT_REFUSE, "refuse-quote", {CH('-')}, false, N_("Refuse"),
	 N_("The client says no: record that the quote was refused, on a date"), 2},
	{ACT_MAKE_CONTRACT, "make-contract", {CH('m')}, false, N_("Contract"),
	 N_("Make the contract from this quote"), 1},
	{ACT_SIGN, "sign", {CH('+')}, false, N_("Sign"),
	 N_("The client says yes: record the signature, on a date; the withdrawal period starts"),
	 1},
	{ACT_END_CONTRACT, "end-contract", {CH('p')}, false, N_("Give notice"),
	 N_("The client gives notice: the end date (the last day of that month) is shown before "
	    "you confirm"), 2},
	{ACT_WITHDRAW, "withdraw", {CH('-')}, false, N_("Withdrawal"),
	 N_("The client says no: a withdrawal within the withdrawal period"), 2},
	{ACT_CHOOSE, "choose", {CH('\n'), CH('\r'), FN(KEY_ENTER), FN(KEY_F(4))}, false,
	 N_("Choose"), N_("Choose from a list (a service of the catalogue)"), 1},
	{ACT_ADD_LINE, "add-service", {CH('v')}, false, N_("Service"),
	 N_("Add a service (a line: hours a week or quantity, price, VAT rate) to a draft "
	    "contract"), 2},
	/* the service catalogue, from Settings */
	{ACT_SERVICES, "services", {CH('l')}, false, N_("Services"),
	 N_("List the service catalogue (VAT rates, units, prices): a manager changes it"), 1},
	/* the satisfaction survey */
	{ACT_PUBLISH, "publish", {CH('u')}, false, N_("Publish"),
	 N_("Record that the survey's results were published, on a date (a manager)"), 1},
	{ACT_EXPORT, "workbook", {CH('w')}, false, N_("Workbook"),
	 N_("Write the results as a spreadsheet workbook (.xlsx), under a name you type"), 1},
	/* complaints and action plans */
	{ACT_ANSWER, "answer-complaint", {CH('A')}, false, N_("Answer"),
	 N_("Write the answer given to the client about a complaint, and its day"), 1},
	{ACT_FINISH, "finish", {CH('z')}, false, N_("Done"),
	 N_("Mark as done: a complaint closed (once answered), a plan's action done, a plan "
	    "closed once its actions are"), 1},
	{ACT_PLANS, "action-plans", {CH('P')}, false, N_("Plans"),
	 N_("List the action plans for recurring problems (S7)"), 2},
	{ACT_MAKE_PLAN, "make-plan", {CH('m')}, false, N_("Plan"),
	 N_("Make an action plan answering this complaint and the others of its recurring "
	    "problem"), 1},
	{ACT_NEW_COMPLAINT, "new-complaint", {CH('R')}, false, N_("Complaint"),
	 N_("Record a complaint or an anomaly about this client"), 2},
	{ACT_FOLLOWUPS, "follow-ups", {CH('F')}, false, N_("Follow-ups"),
	 N_("List the follow-up calls: due this week, overdue, done (S4)"), 2},
	/* the planning */
	{ACT_PREV_WEEK, "previous-week", {FN(KEY_PPAGE), CH('<')}, false, NULL,
	 N_("Show the previous week of the planning"), 2},
	{ACT_NEXT_WEEK, "next-week", {FN(KEY_NPAGE), CH('>')}, false, N_("Week"),
	 N_("Show the next week of the planning"), 2},
	{ACT_PREV_DAY, "previous-day", {FN(KEY_LEFT)}, false, NULL,
	 N_("Go to the previous day of the week"), 3},
	{ACT_NEXT_DAY, "next-day", {FN(KEY_RIGHT)}, false, NULL,
	 N_("Go to the next day of the week"), 3},
	{ACT_PREV_PERSON, "previous-person", {CH(',')}, false, NULL,
	 N_("Show the planning of the previous worker (or client), in name order"), 3},
	{ACT_NEXT_PERSON, "next-person", {CH('.'), CH(';')}, false, N_("Next worker"),
	 N_("Show the planning of the next worker (or client), in name order"), 2},
	{ACT_SHOW_WORKER, "worker-planning", {CH('i')}, false, N_("Worker"),
	 N_("Show the planning of a worker (intervenant) chosen from a list"), 1},
	{ACT_SHOW_CLIENT, "client-planning", {CH('C')}, false, N_("Client"),
	 N_("Show the planning of a client chosen from a list"), 2},
	{ACT_UNCOVERED, "uncovered", {CH('U')}, false, N_("Uncovered"),
	 N_("Show the visits of the week that no worker covers"), 2},
	{ACT_ARRIVE, "arrival", {CH('h')}, false, N_("Arrival"),
	 N_("Record the worker's arrival at the selected visit (now, or the time typed)"), 1},
	{ACT_ASSIGN, "assign-worker", {CH('W')}, false, N_("Assign"),
	 N_("Give the selected visit to a worker chosen from a list (a replacement); the planning "
	    "checks are shown, and planning despite them is asked"), 1},
};

_Static_assert(sizeof actions / sizeof actions[0] == ACT_COUNT, "one row per action");

const enum action tui_global_actions[] = {
	ACT_NEW_CALL, ACT_HELP, ACT_NEXT_AREA, ACT_PREV_AREA, ACT_AREA,
	ACT_BACK,     ACT_QUIT, ACT_REDRAW,    ACT_NONE,
};

wint_t action_yes_letter(void)
{
	const char *yn = _("(y/n)");
	if (yn[0] == '(' && yn[1] > ' ' && (unsigned char)yn[1] < 0x80)
		return (wint_t)yn[1];
	return 'y';
}

const char *action_help(const struct action_help *helps, enum action act)
{
	for (; helps && helps->id != ACT_NONE; helps++)
		if (helps->id == act)
			return _(helps->help);
	return _(action_get(act)->help);
}

const struct action_def *action_get(enum action id)
{
	return id > ACT_NONE && id < ACT_COUNT ? &actions[id] : &actions[ACT_NONE];
}

bool tkey_is(const tkey *k, bool fn, wint_t c)
{
	return k->fn == fn && k->c == c;
}

bool tkey_printable(const tkey *k)
{
	return !k->fn && k->c >= 0x20 && k->c != 0x7f && !(k->c >= 0x80 && k->c < 0xa0);
}

static bool key_matches(const struct action_def *d, const tkey *k)
{
	if (d->digits && !k->fn && k->c >= '0' && k->c <= '9')
		return true;
	for (size_t i = 0; i < ARRAY_LEN(d->keys) && (d->keys[i].fn || d->keys[i].c); i++)
		if (tkey_is(k, d->keys[i].fn, d->keys[i].c))
			return true;
	return false;
}

enum action action_for_key(const enum action *allowed, const tkey *k, bool text_input)
{
	if (text_input && tkey_printable(k))
		return ACT_NONE; /* typed into the field */
	for (; allowed && *allowed != ACT_NONE; allowed++)
		if (key_matches(&actions[*allowed], k))
			return *allowed;
	return ACT_NONE;
}

const char *tkey_label(const tkey *k, char buf[static 32])
{
	if (k->fn) {
		if (k->c >= (wint_t)KEY_F(1) && k->c <= (wint_t)KEY_F(12)) {
			snprintf(buf, 32, "F%d", (int)(k->c - KEY_F(0)));
			return buf;
		}
		switch (k->c) {
		case KEY_UP: return "↑";
		case KEY_DOWN: return "↓";
		case KEY_LEFT: return "←";
		case KEY_RIGHT: return "→";
		case KEY_PPAGE: return _("PgUp");
		case KEY_NPAGE: return _("PgDn");
		case KEY_HOME: return _("Home");
		case KEY_END: return _("End");
		case KEY_BTAB: return _("S-Tab");
		case KEY_ENTER: return _("Enter");
		case KEY_BACKSPACE: return _("Backspace");
		case KEY_DC: return _("Del");
		default: return "?";
		}
	}
	switch (k->c) {
	case '\n':
	case '\r': return _("Enter");
	case '\t': return "Tab";
	case TK_ESC: return _("Esc");
	case ' ': return _("Space");
	}
	if (k->c < 0x20) {
		snprintf(buf, 32, _("Ctrl-%c"), (char)(k->c + '@'));
		return buf;
	}
	mbstate_t st = {0};
	size_t len = wcrtomb(buf, (wchar_t)k->c, &st);
	buf[len == (size_t)-1 ? 0 : len] = '\0';
	return buf;
}

const char *action_keys_label(const struct action_def *d, bool text_input, char *buf, size_t n)
{
	size_t used = 0;
	char seen[ARRAY_LEN(d->keys)][32];
	size_t nseen = 0;
	buf[0] = '\0';
	if (d->digits)
		used += (size_t)snprintf(buf, n, "1-9");
	for (size_t i = 0; i < ARRAY_LEN(d->keys) && (d->keys[i].fn || d->keys[i].c); i++) {
		/* In a text view only keys that cannot be typed work; Space is the exception the
		 * form itself gives to tick boxes. */
		if (text_input && tkey_printable(&d->keys[i]) && d->keys[i].c != ' ')
			continue;
		char one[32];
		const char *label = tkey_label(&d->keys[i], one);
		bool again = false; /* '\n', '\r' and KEY_ENTER are all "Enter": named once */
		for (size_t s = 0; s < nseen; s++)
			again = again || !strcmp(seen[s], label);
		if (again)
			continue;
		snprintf(seen[nseen++], sizeof seen[0], "%s", label);
		if (used + strlen(label) + 2 >= n)
			break;
		used += (size_t)snprintf(buf + used, n - used, "%s%s", used ? "/" : "", label);
	}
	return buf;
}

/* Text for roff: '-' as "\\-" (a minus, not a hyphen), '\\' as "\\e", and a line never
 * starting with a control character. */
static void roff_put(FILE *f, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", f);
	for (; *s; s++) {
		if (*s == '-')
			fputs("\\-", f);
		else if (*s == '\\')
			fputs("\\e", f);
		else
			fputc(*s, f);
	}
}

void tui_keys_man(FILE *f)
{
	for (size_t i = 1; i < ARRAY_LEN(actions); i++) {
		char keys[96];
		action_keys_label(&actions[i], false, keys, sizeof keys);
		fputs(".TP\n.B \"", f);
		roff_put(f, keys);
		fputs("\"\n", f);
		roff_put(f, _(actions[i].help));
		fputs("\n", f);
	}
}

/* Actions that share a printable key because they mean the same thing on different screens. */
static const enum action same_meaning[][2] = {
	{ACT_ACCEPT, ACT_SIGN},        /* + the client says yes */
	{ACT_REFUSE, ACT_WITHDRAW},    /* - the client says no */
	{ACT_CANCEL_CALL, ACT_REMOVE}, /* x strike out the selected */
	{ACT_MAKE_CONTRACT, ACT_MAKE_PLAN}, /* m makes what follows from the selected */
};

static bool one_meaning(enum action a, enum action b)
{
	for (size_t i = 0; i < ARRAY_LEN(same_meaning); i++)
		if ((same_meaning[i][0] == a && same_meaning[i][1] == b) ||
		    (same_meaning[i][0] == b && same_meaning[i][1] == a))
			return true;
	return false;
}

int tui_keys_check(FILE *err)
{
	int bad = 0;
	for (size_t i = 1; i < ARRAY_LEN(actions); i++)
		for (size_t k = 0; k < ARRAY_LEN(actions[i].keys); k++) {
			const tkey *key = &actions[i].keys[k];
			if (!tkey_printable(key) || key->c == ' ')
				continue; /* Enter, Esc, Tab, function keys: the widgets' own */
			for (size_t j = i + 1; j < ARRAY_LEN(actions); j++)
				if (key_matches(&actions[j], key) &&
				    !one_meaning(actions[i].id, actions[j].id)) {
					char one[32];
					fprintf(err, "keys: '%s' is both %s and %s\n",
						tkey_label(key, one), actions[i].name,
						actions[j].name);
					bad++;
				}
		}
	return bad ? 1 : 0;
}
