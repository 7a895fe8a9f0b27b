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
	expect_key("שָׁלוֹם", "שלומ");   /* its final mem sorts as a mem */
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

/* Hebrew in the order of its alphabet, a final letter as its plain one. */
static void hebrew_sorts_by_its_alphabet(void **state)
{
	(void)state;
	expect_key("ערך", "ערכ");
	const char *words[] = {"אבן", "ארץ", "בית", "דרך", "כפר", "נחל", "עמק", "ציון", "שלום", "תל אביב"};
	for (size_t i = 0; i + 1 < sizeof words / sizeof *words; i++) {
		char *a = collate_key(words[i]), *b = collate_key(words[i + 1]);
		assert_true(strcmp(a, b) < 0);
		free(a);
		free(b);
	}
}

/* Arabic in its alphabetical order: hamza and madda off their alef, ة
 * as ه, ى as ي, and the article passed over. */
static void arabic_sorts_by_its_alphabet(void **state)
{
	(void)state;
	expect_key("أريحا", "اريحا");
	expect_key("آمال", "امال");
	expect_key("مدرسة", "مدرسه");
	expect_key("مستشفى", "مستشفي");
	expect_key("الزراعة", "زراعه");
	expect_key("ال", "ال");   /* too short to be an article */
	expect_group("الزراعة", "ز");
	expect_group("أريحا", "ا");
	/* بيت لحم, then تل أبيب (ت after ب), جنين, ... in the hija'i order */
	const char *words[] = {"إبداع", "بيت لحم", "تل أبيب", "الجليل", "حيفا", "القدس",
			       "نابلس", "الهندسة", "يافا"};
	for (size_t i = 0; i + 1 < sizeof words / sizeof *words; i++) {
		char *a = collate_key(words[i]), *b = collate_key(words[i + 1]);
		assert_true(strcmp(a, b) < 0);
		free(a);
		free(b);
	}
}

/* In a Hebrew or Arabic edition its own script comes first. */
static void the_editions_script_comes_first(void **state)
{
	(void)state;
	char *latin = collate_key_for("Acre", LANG_HE), *hebrew = collate_key_for("תל אביב", LANG_HE);
	assert_true(strcmp(hebrew, latin) < 0);
	free(latin);
	free(hebrew);
	char *en = collate_key_for("Acre", LANG_EN), *plain = collate_key("Acre");
	assert_string_equal(en, plain);
	free(en);
	free(plain);
	char *arabic = collate_key_for("يافا", LANG_AR), *english = collate_key_for("Acre", LANG_AR);
	assert_true(strcmp(arabic, english) < 0);
	free(arabic);
	free(english);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accents_and_case_are_folded),
		cmocka_unit_test(hebrew_sorts_by_its_alphabet),
		cmocka_unit_test(arabic_sorts_by_its_alphabet),
		cmocka_unit_test(the_editions_script_comes_first),
		cmocka_unit_test(leading_punctuation_is_skipped),
		cmocka_unit_test(hebrew_and_arabic_lose_their_points),
		cmocka_unit_test(keys_order_as_a_reader_expects),
		cmocka_unit_test(groups_are_capital_letters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
