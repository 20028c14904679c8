/* test_steps.c — the steps of a quote's, a contract's and a call's life asked of core
 * (quote_can, contract_can, call_can: the reasons the screens show before acting, the same the
 * operations give), a call's state as core decides it, and a quote's VAT by rate. Pure rules:
 * no agency file. Messages in English, dates YYYY-MM-DD. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "charte/call.h"
#include "charte/contract.h"
#include "charte/parse.h"
#include "charte/quote.h"

static cday day(const char *s)
{
	cday d = NO_DAY;
	ck_assert_ptr_null(parse_date(s, &d));
	return d;
}

static cminute at(const char *s)
{
	cminute t = NO_MINUTE;
	ck_assert_ptr_null(parse_datetime(s, &t));
	return t;
}

/* A quote dated 2026-03-02, valid until 2026-04-01. */
static quote a_quote(int status)
{
	quote q;
	quote_init(&q);
	q.number = "D2026-0007";
	q.status = status;
	q.date = day("2026-03-02");
	q.valid_until = day("2026-04-01");
	if (status != QUOTE_DRAFT)
		q.sent_on = day("2026-03-05");
	return q;
}


START_TEST(test_quote_can)
{
	lang_french = false;
	cerr e = {0};
	quote q = a_quote(QUOTE_DRAFT);
	/* A draft: edited, lines added up to 200, sent when it has a line, within its dates. */
	ck_assert_int_eq(quote_can(&q, 0, QUOTE_EDIT, NO_DAY, &e), ST_OK);
	ck_assert_int_eq(quote_can(&q, QUOTE_MAX_LINES - 1, QUOTE_ADD_LINE, NO_DAY, &e), ST_OK);
	ck_assert_int_eq(quote_can(&q, QUOTE_MAX_LINES, QUOTE_ADD_LINE, NO_DAY, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "a quote has at most 200 lines");
	ck_assert_int_eq(quote_can(&q, 0, QUOTE_SEND, day("2026-03-02"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "quote D2026-0007 has no lines yet");
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_SEND, day("2026-03-02"), &e), ST_OK); /* its date */
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_SEND, day("2026-03-01"), &e), ST_INVALID);
	ck_assert_str_eq(e.field, "on");
	ck_assert_str_eq(e.msg, "is before the quote's date, 2026-03-02");
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_SEND, day("2026-04-01"), &e), ST_OK); /* last day */
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_SEND, day("2026-04-02"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "quote D2026-0007 was valid until 2026-04-01: make a new quote");
	q.total_excl = -100;
	q.total_vat = -10;
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_SEND, day("2026-03-02"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "quote D2026-0007 has a negative total");
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_ACCEPT, day("2026-03-10"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "quote D2026-0007 was not sent yet");
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_MAKE_CONTRACT, NO_DAY, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "quote D2026-0007 is a draft: send it to the client before the "
				"contract");

	/* Sent on 2026-03-05: it never changes; accepted up to its last valid day. */
	q = a_quote(QUOTE_SENT);
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_EDIT, NO_DAY, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "a sent quote cannot change: make a new quote");
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_SEND, day("2026-03-06"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "quote D2026-0007 was already sent");
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_ACCEPT, day("2026-03-04"), &e), ST_INVALID);
	ck_assert_str_eq(e.msg, "is before the quote was sent, 2026-03-05");
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_ACCEPT, day("2026-03-05"), &e), ST_OK);
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_ACCEPT, day("2026-04-01"), &e), ST_OK);
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_ACCEPT, day("2026-04-02"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "quote D2026-0007 expired on 2026-04-01: make a new quote");
	/* Expired, it may still be refused. */
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_REFUSE, day("2026-05-01"), &e), ST_OK);
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_MAKE_CONTRACT, NO_DAY, &e), ST_OK);

	q = a_quote(QUOTE_ACCEPTED);
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_REFUSE, day("2026-03-10"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "quote D2026-0007 was already accepted");
	q = a_quote(QUOTE_REFUSED);
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_ACCEPT, day("2026-03-10"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "quote D2026-0007 was already refused");
	ck_assert_int_eq(quote_can(&q, 1, QUOTE_MAKE_CONTRACT, NO_DAY, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "quote D2026-0007 was refused");
}
END_TEST

/* A recurring contract drawn up 2026-03-02, signed 2026-03-04 away from the agency, withdrawal
 * period to 2026-03-18. */
static contract a_contract(int status)
{
	contract k;
	contract_init(&k);
	k.number = "C2026-0003";
	k.kind = CONTRACT_RECURRING;
	k.status = status;
	k.hours = 400;
	k.date = day("2026-03-02");
	if (status != CONTRACT_DRAFT) {
		k.signed_on = day("2026-03-04");
		k.withdrawal_end = day("2026-03-18");
	}
	return k;
}

START_TEST(test_contract_can)
{
	lang_french = false;
	cerr e = {0};
	contract k = a_contract(CONTRACT_DRAFT);
	ck_assert_int_eq(contract_can(&k, CONTRACT_EDIT, NO_DAY, &e), ST_OK);
	ck_assert_int_eq(contract_can(&k, CONTRACT_SCHEDULE, NO_DAY, &e), ST_OK);
	ck_assert_int_eq(contract_can(&k, CONTRACT_SIGN, day("2026-03-04"), &e), ST_OK);
	ck_assert_int_eq(contract_can(&k, CONTRACT_WITHDRAW, day("2026-03-04"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "contract C2026-0003 is not signed");
	/* A draft that will never be signed ends too, not before it was drawn up. */
	ck_assert_int_eq(contract_can(&k, CONTRACT_END, day("2026-03-02"), &e), ST_OK);
	ck_assert_int_eq(contract_can(&k, CONTRACT_END, day("2026-03-01"), &e), ST_INVALID);
	ck_assert_str_eq(e.msg, "is before the contract was drawn up, 2026-03-02");
	k.hours = 0;
	ck_assert_int_eq(contract_can(&k, CONTRACT_SIGN, day("2026-03-04"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "contract C2026-0003 has no hours yet: give its schedule or its "
				"hours per week");
	k.kind = CONTRACT_ONE_OFF;
	ck_assert_int_eq(contract_can(&k, CONTRACT_SCHEDULE, NO_DAY, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "only a recurring contract has a weekly schedule");
	ck_assert_int_eq(contract_can(&k, CONTRACT_SIGN, day("2026-03-04"), &e), ST_OK);

	k = a_contract(CONTRACT_SIGNED);
	ck_assert_int_eq(contract_can(&k, CONTRACT_EDIT, NO_DAY, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "a signed contract cannot change: make a new contract");
	ck_assert_int_eq(contract_can(&k, CONTRACT_SIGN, day("2026-03-05"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "contract C2026-0003 was already signed");
	/* R4: from the signature to the last day of the period, both included. */
	ck_assert_int_eq(contract_can(&k, CONTRACT_WITHDRAW, day("2026-03-03"), &e), ST_INVALID);
	ck_assert_str_eq(e.msg, "is before the signature, 2026-03-04");
	ck_assert_int_eq(contract_can(&k, CONTRACT_WITHDRAW, day("2026-03-04"), &e), ST_OK);
	ck_assert_int_eq(contract_can(&k, CONTRACT_WITHDRAW, day("2026-03-18"), &e), ST_OK);
	ck_assert_int_eq(contract_can(&k, CONTRACT_WITHDRAW, day("2026-03-19"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "the withdrawal period ended on 2026-03-18");
	ck_assert_int_eq(contract_can(&k, CONTRACT_END, day("2026-03-04"), &e), ST_OK);
	ck_assert_int_eq(contract_can(&k, CONTRACT_END, day("2026-03-03"), &e), ST_INVALID);
	ck_assert_str_eq(e.msg, "is before the signature, 2026-03-04");
	k.withdrawal_end = NO_DAY; /* signed at the agency */
	ck_assert_int_eq(contract_can(&k, CONTRACT_WITHDRAW, day("2026-03-05"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "contract C2026-0003 was signed at the agency: there is no "
				"withdrawal period");

	k = a_contract(CONTRACT_ENDED);
	k.ended_on = day("2026-03-31");
	ck_assert_int_eq(contract_can(&k, CONTRACT_END, day("2026-03-20"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "contract C2026-0003 already ends on 2026-03-31");
	ck_assert_int_eq(contract_can(&k, CONTRACT_SIGN, day("2026-03-20"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "contract C2026-0003 was ended");
	k = a_contract(CONTRACT_WITHDRAWN);
	ck_assert_int_eq(contract_can(&k, CONTRACT_WITHDRAW, day("2026-03-10"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "contract C2026-0003 was already withdrawn");
	ck_assert_int_eq(contract_can(&k, CONTRACT_END, day("2026-03-10"), &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "contract C2026-0003 was withdrawn");
}
END_TEST

START_TEST(test_call_can_and_state)
{
	lang_french = false;
	cerr e = {0};
	call c;
	call_init(&c);
	c.id = 12;
	c.at = at("2026-03-16 10:15");
	c.callback = true;
	c.due = at("2026-03-17 10:15");
	cminute now = at("2026-03-16 18:00");
	ck_assert_int_eq(call_state_of(&c, now), CALL_TO_CALL_BACK);
	ck_assert_int_eq(call_state_of(&c, at("2026-03-17 09:00")), CALL_DUE_TODAY);
	ck_assert_int_eq(call_state_of(&c, at("2026-03-17 10:15")), CALL_DUE_TODAY); /* due now */
	ck_assert_int_eq(call_state_of(&c, at("2026-03-17 10:16")), CALL_OVERDUE);
	ck_assert_str_eq(enum_name(&call_states, CALL_OVERDUE), "overdue");
	ck_assert_int_eq(call_can(&c, CALL_STEP_CALLED_BACK, &e), ST_OK);
	ck_assert_int_eq(call_can(&c, CALL_STEP_DOC_SENT, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "call 12 asked for no documentation");
	c.called_back_at = at("2026-03-16 17:00");
	ck_assert_int_eq(call_state_of(&c, now), CALL_CALLED_BACK);
	ck_assert_int_eq(call_can(&c, CALL_STEP_CALLED_BACK, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "call 12 was already called back");
	/* Documentation asked: to send by its deadline, then late; sent. */
	c.documentation = true;
	c.doc_due = at("2026-03-18 10:15");
	ck_assert_int_eq(call_state_of(&c, now), CALL_DOC_TO_SEND);
	ck_assert_int_eq(call_state_of(&c, at("2026-03-18 10:16")), CALL_DOC_LATE);
	ck_assert_int_eq(call_can(&c, CALL_STEP_DOC_SENT, &e), ST_OK);
	c.doc_sent_at = at("2026-03-17 09:00");
	ck_assert_int_eq(call_state_of(&c, now), CALL_CALLED_BACK);
	ck_assert_int_eq(call_can(&c, CALL_STEP_DOC_SENT, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "the documentation of call 12 was already sent");
	c.callback = false;
	c.called_back_at = c.due = NO_MINUTE;
	ck_assert_int_eq(call_state_of(&c, now), CALL_DOC_SENT);
	ck_assert_int_eq(call_can(&c, CALL_STEP_CALLED_BACK, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "call 12 asked for no callback");
	c.voicemail = true;
	ck_assert_int_eq(call_state_of(&c, now), CALL_VOICEMAIL);
	c.voicemail = false;
	c.documentation = false;
	c.answered = true;
	ck_assert_int_eq(call_state_of(&c, now), CALL_ANSWERED);
	c.answered = false;
	ck_assert_int_eq(call_state_of(&c, now), CALL_STATE_NONE);
	/* Cancelled: nothing more, each step says so. */
	c.cancelled = true;
	ck_assert_int_eq(call_state_of(&c, now), CALL_CANCELLED);
	ck_assert_int_eq(call_can(&c, CALL_STEP_EDIT, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "call 12 is cancelled");
	ck_assert_int_eq(call_can(&c, CALL_STEP_CANCEL, &e), ST_CONFLICT);
	ck_assert_str_eq(e.msg, "call 12 is already cancelled");
}
END_TEST

START_TEST(test_vat_breakdown)
{
	/* 10 % on 22,00 + 33,00; 20 % on 15,00; 5,5 % on 10,01 (VAT 0,55055 -> 0,55). */
	quote_line l[4] = {
	    {.vat_rate = 1000, .amount_excl = 2200, .vat = 220},
	    {.vat_rate = 2000, .amount_excl = 1500, .vat = 300},
	    {.vat_rate = 1000, .amount_excl = 3300, .vat = 330},
	    {.vat_rate = 550, .amount_excl = 1001, .vat = 55},
	};
	size_t n = 99;
	vat_share *v = quote_vat_breakdown(l, 4, &n);
	ck_assert_uint_eq(n, 3);
	/* In the order the rates first appear. */
	ck_assert_int_eq(v[0].rate, 1000);
	ck_assert_int_eq(v[0].base, 5500);
	ck_assert_int_eq(v[0].vat, 550);
	ck_assert_int_eq(v[1].rate, 2000);
	ck_assert_int_eq(v[1].base, 1500);
	ck_assert_int_eq(v[1].vat, 300);
	ck_assert_int_eq(v[2].rate, 550);
	ck_assert_int_eq(v[2].base, 1001);
	ck_assert_int_eq(v[2].vat, 55);
	free(v);
	ck_assert_ptr_null(quote_vat_breakdown(l, 0, &n));
	ck_assert_uint_eq(n, 0);
}
END_TEST

Suite *suite_steps(void)
{
	Suite *s = suite_create("steps");
	TCase *tc = tcase_create("steps asked of core");
	tcase_add_test(tc, test_quote_can);
	tcase_add_test(tc, test_contract_can);
	tcase_add_test(tc, test_call_can_and_state);
	tcase_add_test(tc, test_vat_breakdown);
	suite_add_tcase(s, tc);
	return s;
}
