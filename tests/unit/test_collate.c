/* test_collate.c - the index's sort keys and group letters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "collate.h"

#include <stdlib.h>
#include <string.h>

static void expect_key(const char *text, const char *key)
{
	char *got = collate_key(text);
	assert_string_equal(got, key);
	free(got);
}

static void expect_group(const char *text, const char *group)
{
	char *got = collate_group(text);
	assert_string_equal(got, group);
	free(got);
}

static void accents_and_case_are_folded(void **state)
{
	(void)state;
	expect_key("Émile Zola", "emile zola");
	expect_key("Zürich", "zurich");
	expect_key("STRASSE", "strasse");
	expect_key("Straße", "strasse");
	expect_key("ﬁeld", "field");   /* a ligature is its letters */
}

static void leading_punctuation_is_skipped(void **state)
{
	(void)state;
	expect_key("\u201cQuoted\u201d", "quoted\u201d");
	expect_key("(IPSO) Science", "ipso) science");
	expect_key("4 Peace", "4 peace");
}

static void hebrew_and_arabic_lose_their_points(void **state)
{
	(void)state;
	expect_key("שָׁלוֹם", "שלום");
	expect_key("سَلام", "سلام");
}

/* An accented word sorts among its unaccented neighbours. */
static void keys_order_as_a_reader_expects(void **state)
{
	(void)state;
	const char *words[] = {"Abbey", "Ächter", "Acre", "eagle", "École", "Ezra"};
	for (size_t i = 0; i + 1 < sizeof words / sizeof *words; i++) {
		char *a = collate_key(words[i]), *b = collate_key(words[i + 1]);
		assert_true(strcmp(a, b) < 0);
		free(a);
		free(b);
	}
}

static void groups_are_capital_letters(void **state)
{
	(void)state;
	expect_group("école", "E");
	expect_group("Ezra", "E");
	expect_group("\u201cquoted\u201d", "Q");
	expect_group("4 Peace", "#");
	expect_group("חיפה", "ח");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accents_and_case_are_folded),
		cmocka_unit_test(leading_punctuation_is_skipped),
		cmocka_unit_test(hebrew_and_arabic_lose_their_points),
		cmocka_unit_test(keys_order_as_a_reader_expects),
		cmocka_unit_test(groups_are_capital_letters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
