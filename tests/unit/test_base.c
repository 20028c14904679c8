/* test_base.c — the ground floor: display width and cuts on character boundaries (text.h), the
 * one error type cut safely (util.h), the enum name tables (names.h). */
#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "charte/model.h"
#include "charte/names.h"
#include "charte/text.h"
#include "charte/util.h"

static void utf8_locale(void)
{
	setlocale(LC_CTYPE, "C.UTF-8");
}

START_TEST(test_width)
{
	ck_assert_int_eq(text_width(""), 0);
	ck_assert_int_eq(text_width(NULL), 0);
	ck_assert_int_eq(text_width("abc"), 3);
	ck_assert_int_eq(text_width("Hélène"), 6);        /* é and è: one column each */
	ck_assert_int_eq(text_width("日本"), 4);          /* wide: two columns each */
	ck_assert_int_eq(text_width("e\xcc\x81t\xc3\xa9"), 3); /* e + combining acute: one column */
	ck_assert_int_eq(text_width("a\tb"), 3);          /* a control character shows as one */
	ck_assert_int_eq(text_width("a\xff" "b"), 3);     /* an undecodable byte: one */
}
END_TEST

START_TEST(test_fit_and_cut)
{
	ck_assert_uint_eq(text_fit("Hélène", 2), 3);  /* "Hé": H (1 byte) + é (2 bytes) */
	ck_assert_uint_eq(text_fit("Hélène", 10), 8); /* all of it */
	ck_assert_uint_eq(text_fit("日本", 3), 3);      /* 日 only: 本 would need columns 3-4 */
	ck_assert_uint_eq(text_fit("e\xcc\x81x", 1), 3); /* the combining accent rides along */
	char *s = text_cut("Hélène Lefèvre", 6);
	ck_assert_str_eq(s, "Hélèn…");
	free(s);
	s = text_cut("Zoé", 3);
	ck_assert_str_eq(s, "Zoé"); /* fits exactly: not cut */
	free(s);
	s = text_cut("日本語", 4);
	ck_assert_str_eq(s, "日…"); /* 日 (2) + … (1); 本 would overflow */
	free(s);
	s = text_cut("abc", 0);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(test_copy)
{
	char buf[8];
	text_copy(buf, sizeof buf, "abc");
	ck_assert_str_eq(buf, "abc");
	/* "ééé…" would be 9 bytes: 8 leaves room for 4 bytes + "…" (3) + NUL, and byte 4 is
	 * the start of the third é, so two é are kept whole. */
	text_copy(buf, sizeof buf, "éééééé");
	ck_assert_str_eq(buf, "éé…");
	text_copy(buf, sizeof buf, "abcdefghij");
	ck_assert_str_eq(buf, "abcd…");
}
END_TEST

START_TEST(test_wrap)
{
	/* "le numéro " is 11 bytes (é: 2) in 10 columns; "le numéro de" fills 12 columns */
	ck_assert_uint_eq(text_wrap_at("le numéro de téléphone", 11), 11);
	ck_assert_uint_eq(text_wrap_at("le numéro de téléphone", 12), 13);
	ck_assert_uint_eq(text_wrap_at("court", 12), 5);
	ck_assert_uint_eq(text_wrap_at("abcdefghij", 4), 4); /* no space: cut at the width */
}
END_TEST

/* "de" before a vowel or an h is elided in French only; other words and English untouched. */
START_TEST(test_elide)
{
	char fr[] = "Planning de Amina, semaine de Hélène (de Karim) et de Émile, moins de 100 €";
	char en[] = "Planning de Amina";
	char mid[] = "de Yves, de Yasmine; bonde de x";
	lang_french = true;
	ck_assert_str_eq(text_elide(fr),
			 "Planning d'Amina, semaine d'Hélène (de Karim) et d'Émile, moins de 100 €");
	ck_assert_str_eq(text_elide(mid), "d'Yves, de Yasmine; bonde de x");
	lang_french = false;
	ck_assert_str_eq(text_elide(en), "Planning de Amina");
}
END_TEST

START_TEST(test_error_cut_on_character)
{
	cerr e;
	strbuf long_msg = {0};
	for (int i = 0; i < 400; i++)
		sb_add(&long_msg, "é");
	err_set(&e, ST_INVALID, "phone", "%s", sb_str(&long_msg));
	sb_free(&long_msg);
	ck_assert_int_eq(e.code, ST_INVALID);
	ck_assert(utf8_valid(e.msg));
	size_t len = strlen(e.msg);
	ck_assert_uint_lt(len, sizeof e.msg);
	ck_assert_str_eq(e.msg + len - strlen("…"), "…");
	char small[10];
	err_set(&e, ST_INVALID, "téléphone", "trop long");
	err_text(&e, small, sizeof small);
	ck_assert(utf8_valid(small));
	ck_assert_str_eq(small, "télé…"); /* 6 bytes of "télé" + "…" (3) + NUL */
}
END_TEST

START_TEST(test_enum_tables)
{
	ck_assert_str_eq(enum_name(&quote_statuses, QUOTE_ACCEPTED), "accepted");
	ck_assert_int_eq(enum_value(&quote_statuses, "refused"), QUOTE_REFUSED);
	ck_assert_int_eq(enum_value(&quote_statuses, "nope"), -1);
	ck_assert_int_eq(enum_value(&quote_statuses, NULL), -1);
	ck_assert_str_eq(enum_name(&quote_statuses, 99), "");
	ck_assert_str_eq(enum_label(&quote_statuses, 99), "");
	ck_assert_str_eq(enum_label(&contract_statuses, CONTRACT_ACTIVE), "Active"); /* no catalog */
	ck_assert_int_eq(enum_value(&contract_kinds, "one-off"), CONTRACT_ONE_OFF);
	ck_assert_int_eq(enum_value(&client_statuses, "former"), CLIENT_FORMER);
	ck_assert_int_eq(enum_value(&client_statuses, ""), CLIENT_STATUS_NONE);
	ck_assert_int_eq(enum_value(&role_names, "coordinator"), ROLE_COORDINATOR);
	ck_assert_int_eq(enum_value(&role_names, "boss"), ROLE_NONE);
	ck_assert_str_eq(enum_name(&role_names, ROLE_NONE), "");
	ck_assert_str_eq(enum_label(&role_names, ROLE_NONE), "read only");
	ck_assert_int_eq(enum_value(&price_units, "flat"), UNIT_FLAT);
	/* every table: each value's name reads back to it */
	const enum_table *all[] = {&role_names, &client_statuses, &price_units, &quote_statuses,
				   &contract_statuses, &contract_kinds};
	for (size_t t = 0; t < ARRAY_LEN(all); t++)
		for (size_t i = 0; i < all[t]->n; i++) {
			const enum_entry *r = &all[t]->rows[i];
			ck_assert_int_eq(enum_value(all[t], r->name),
					 *r->name ? r->value : all[t]->unknown);
			ck_assert_str_eq(enum_name(all[t], r->value), r->name);
		}
}
END_TEST

Suite *suite_base(void)
{
	Suite *s = suite_create("base");
	TCase *tc = tcase_create("text");
	tcase_add_unchecked_fixture(tc, utf8_locale, NULL);
	tcase_add_test(tc, test_width);
	tcase_add_test(tc, test_fit_and_cut);
	tcase_add_test(tc, test_copy);
	tcase_add_test(tc, test_wrap);
	tcase_add_test(tc, test_error_cut_on_character);
	tcase_add_test(tc, test_elide);
	suite_add_tcase(s, tc);
	tc = tcase_create("names");
	tcase_add_test(tc, test_enum_tables);
	suite_add_tcase(s, tc);
	return s;
}
