/* test_history.c — the one way a change is shown: the machine form storage keeps (column, raw
 * before, raw after) worded by core from each record's field description, in English and in
 * French: labels, never columns; money, hours, rates, dates, flags and states as people read
 * them. Expected values worked out by hand. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "charte/history.h"
#include "charte/i18n.h"
#include "charte/names.h"

static history_field F(const char *column, const char *before, const char *after)
{
	return (history_field){(char *)column, (char *)before, (char *)after};
}

static char *text_of(const char *tbl, const char *action, history_field *fields, size_t n)
{
	history_row h = {0};
	h.tbl = (char *)tbl;
	h.action = (char *)action;
	h.fields = fields;
	h.nfields = n;
	return history_text(&h);
}

#define ck_text(expect, tbl, action, ...)                                                       \
	do {                                                                                    \
		history_field f_[] = {__VA_ARGS__};                                             \
		char *got_ = text_of(tbl, action, f_, sizeof f_ / sizeof f_[0]);                \
		ck_assert_str_eq(got_, expect);                                                 \
		free(got_);                                                                     \
	} while (0)

static void language(const char *lang)
{
	i18n_start("unit-tests");
	i18n_force(lang);
}

START_TEST(test_english)
{
	language("en");
	/* 44807 cents -> €448.07; 650 hundredths of an hour -> 6.5 h. */
	ck_text("Monthly amount incl. VAT: €448.07 → €728.11; Hours: 4 h → 6.5 h", "contracts",
		"update", F("monthly_incl", "44807", "72811"), F("hours", "400", "650"));
	ck_text("Called back at: — → 2026-12-01 19:01", "calls", "update",
		F("called_back_at", NULL, "2026-12-01 19:01"));
	ck_text("Status: Draft → Sent; Sent on: — → 2026-03-05", "quotes", "update",
		F("status", "draft", "sent"), F("sent_on", NULL, "2026-03-05"));
	ck_text("VAT rate: 10 % → 5.5 %; Essential act of daily life: no → yes", "services",
		"update", F("vat_rate", "1000", "550"), F("essential", "0", "1"));
	ck_text("Day: Thu; From: 14:00; To: 16:00", "contract_slots", "insert",
		F("id", NULL, "3"), F("weekday", NULL, "4"), F("starts", NULL, "14:00"),
		F("ends", NULL, "16:00"), F("service_code", NULL, NULL));
	/* A new row: what it did not hold, flags not set and the program's keys are left out. */
	ck_text("Caller: Mme Lefèvre; Phone: 06 12 34 56 78; Callback asked: yes", "calls",
		"insert", F("id", NULL, "1"), F("caller", NULL, "Mme Lefèvre"),
		F("phone", NULL, "+33612345678"), F("subject", NULL, ""),
		F("answered", NULL, "0"), F("callback", NULL, "1"));
	ck_text("Name: Lefevre → Lefèvre", "clients", "update", F("name", "Lefevre", "Lefèvre"),
		F("name_key", "lefevre", "lefevre2"));
	ck_text("Note: 3000 calls from calls.csv", "calls", "import",
		F("note", NULL, "3000 calls from calls.csv"));
	/* A value without the shape its kind expects is shown as stored; an unknown column by
	 * its name. */
	ck_text("Hours: 4 h → about 5; extra: — → 1", "contracts", "update", F("hours", "400", "about 5"),
		F("extra", NULL, "1"));
}
END_TEST

START_TEST(test_french)
{
	language("fr");
	ck_text("Montant mensuel TTC : 448,07 € → 728,11 €; Heures : 4 h → 6,5 h", "contracts",
		"update", F("monthly_incl", "44807", "72811"), F("hours", "400", "650"));
	ck_text("Rappelé le : — → 01/12/2026 19:01", "calls", "update",
		F("called_back_at", NULL, "2026-12-01 19:01"));
	ck_text("Taux de TVA : 10 % → 5,5 %; Acte essentiel de la vie quotidienne : non → oui",
		"services", "update", F("vat_rate", "1000", "550"), F("essential", "0", "1"));
	ck_text("Montant HT : 1 234,56 €", "quote_lines", "insert",
		F("amount_excl", NULL, "123456"));
	/* A value with no words stays empty: gettext("") would give the catalog's header. */
	ck_assert_str_eq(enum_label(&call_states, CALL_STATE_NONE), "");
	ck_assert_str_eq(enum_label(&call_states, CALL_CANCELLED), "annulé");
	i18n_force("en");
}
END_TEST

Suite *suite_history(void)
{
	Suite *s = suite_create("history");
	TCase *tc = tcase_create("a change for people");
	tcase_add_test(tc, test_english);
	tcase_add_test(tc, test_french);
	suite_add_tcase(s, tc);
	return s;
}
