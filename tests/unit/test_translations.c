/* test_translations.c - the translations table: complete in every
 * language, plural forms by the number, numbers and dates written out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "translations.h"

#include <stdlib.h>
#include <string.h>

static char *counted(enum lang lang, enum counted_id id, long long n)
{
	struct buffer b = {0};
	tr_count(&b, lang, id, n);
	return buffer_take(&b);
}

static void assert_counted(enum lang lang, enum counted_id id, long long n,
			   const char *want)
{
	char *got = counted(lang, id, n);
	assert_string_equal(got, want);
	free(got);
}

/* No string is missing, and a Hebrew or Arabic one has no Latin letter
 * left in it: an edition shows no English. */
static void test_every_string_in_every_language(void **state)
{
	(void)state;
	for (int id = 0; id < STRING_COUNT; id++)
		for (int l = 0; l < LANG_COUNT; l++) {
			const char *s = tr((enum lang)l, (enum string_id)id);
			assert_non_null(s);
			assert_true(s[0] != '\0');
			if (l != LANG_EN)
				for (const char *p = s; *p; p++)
					assert_false((*p >= 'a' && *p <= 'z') ||
						     (*p >= 'A' && *p <= 'Z'));
		}
	for (int id = 0; id < COUNTED_COUNT; id++)
		for (int l = 0; l < LANG_COUNT; l++)
			for (long long n = 0; n < 120; n++) {
				char *s = counted((enum lang)l, (enum counted_id)id, n);
				assert_true(s[0] != '\0');
				free(s);
			}
}

static void test_english_plurals(void **state)
{
	(void)state;
	assert_counted(LANG_EN, COUNT_PARTICIPANTS, 1, "1 participant");
	assert_counted(LANG_EN, COUNT_PARTICIPANTS, 0, "0 participants");
	assert_counted(LANG_EN, COUNT_PARTICIPANTS, 1234567, "1,234,567 participants");
	assert_counted(LANG_EN, COUNT_OF_INITIATIVES, 2, "2 initiatives");
	assert_counted(LANG_EN, LABEL_INITIATIVES, 1, "initiative");
}

/* Hebrew: one and two are words ("יוזמה אחת", "שתי יוזמות"). */
static void test_hebrew_plurals(void **state)
{
	(void)state;
	assert_counted(LANG_HE, COUNT_OF_INITIATIVES, 1, "יוזמה אחת");
	assert_counted(LANG_HE, COUNT_OF_INITIATIVES, 2, "שתי יוזמות");
	assert_counted(LANG_HE, COUNT_OF_INITIATIVES, 3, "3 יוזמות");
	assert_counted(LANG_HE, COUNT_PARTICIPANTS, 1, "משתתף אחד");
	assert_counted(LANG_HE, COUNT_PARTICIPANTS, 2500, "2,500 משתתפים");
}

/* Arabic: the noun's form follows the last two digits: dual for 2,
 * plural for 3-10, singular accusative for 11-99, genitive for 100. */
static void test_arabic_plurals(void **state)
{
	(void)state;
	assert_counted(LANG_AR, COUNT_PARTICIPANTS, 1, "مشارك واحد");
	assert_counted(LANG_AR, COUNT_PARTICIPANTS, 2, "مشاركان");
	assert_counted(LANG_AR, COUNT_PARTICIPANTS, 7, "7 مشاركين");
	assert_counted(LANG_AR, COUNT_PARTICIPANTS, 65, "65 مشاركا");
	assert_counted(LANG_AR, COUNT_PARTICIPANTS, 100, "100 مشارك");
	assert_counted(LANG_AR, COUNT_PARTICIPANTS, 103, "103 مشاركين");
	assert_counted(LANG_AR, COUNT_PARTICIPANTS, 265, "265 مشاركا");
	assert_counted(LANG_AR, COUNT_OF_INITIATIVES, 2, "مبادرتين");   /* genitive */
	assert_counted(LANG_AR, LABEL_INITIATIVES, 2, "مبادرتان");
	assert_counted(LANG_AR, LABEL_SECTORS, 8, "قطاعات");
	assert_counted(LANG_AR, LABEL_SECTORS, 12, "قطاعا");
	assert_counted(LANG_AR, COUNT_OF_INITIATIVES, 10, "10 مبادرات");
	assert_counted(LANG_AR, COUNT_OF_INITIATIVES, 25, "25 مبادرة");
}

static void test_dates(void **state)
{
	(void)state;
	const char *want[LANG_COUNT] = {"1 December 2026", "1 בדצמבר 2026",
					 "1 كانون الأول 2026"};
	for (int l = 0; l < LANG_COUNT; l++) {
		struct buffer b = {0};
		tr_date(&b, (enum lang)l, "2026-12-01");
		assert_string_equal(b.data, want[l]);
		buffer_free(&b);
	}
	struct buffer b = {0};
	tr_date(&b, LANG_HE, "sometime");
	assert_string_equal(b.data, "sometime");
	buffer_free(&b);
}

/* A caption's slots take a number and a counted phrase. */
static void test_format(void **state)
{
	(void)state;
	const char *args[] = {"5", "25 initiatives"};
	struct buffer b = {0};
	tr_format(&b, LANG_EN, STR_CAPTION_PEOPLE, args, 2);
	assert_string_equal(b.data, "5 of 25 initiatives report numbers; the others are not counted.");
	buffer_free(&b);
	const char *arabic[] = {"5", "مبادرتين"};
	tr_format(&b, LANG_AR, STR_CAPTION_REGIONS, arabic, 2);
	assert_string_equal(b.data, "المنطقة مذكورة في 5 من أصل مبادرتين.");
	buffer_free(&b);
	const char *one[] = {"7"};   /* a slot with no argument stays as written */
	tr_format(&b, LANG_HE, STR_YEARS_SPAN, one, 1);
	assert_string_equal(b.data, "7 עד {2}");
	buffer_free(&b);
}

static void test_lang_codes(void **state)
{
	(void)state;
	enum lang l;
	assert_true(lang_parse("he", &l) && l == LANG_HE && lang_is_rtl(l));
	assert_true(lang_parse("ar", &l) && l == LANG_AR && lang_is_rtl(l));
	assert_true(lang_parse("en", &l) && l == LANG_EN && !lang_is_rtl(l));
	assert_false(lang_parse("fr", &l));
	assert_false(lang_parse("", &l));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_string_in_every_language),
		cmocka_unit_test(test_english_plurals),
		cmocka_unit_test(test_hebrew_plurals),
		cmocka_unit_test(test_arabic_plurals),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_lang_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
