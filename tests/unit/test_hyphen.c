/* test_hyphen.c - English hyphenation points from libhyphen's patterns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "hyphen.h"

#include <stdio.h>
#include <string.h>

/* The word with '-' at each point hyphen_points finds. */
static const char *hyphenated(const char *word)
{
	static char out[256];
	uint32_t cp[128] = {0};
	bool after[128];
	size_t n = strlen(word);
	for (size_t i = 0; i < n; i++)
		cp[i] = (unsigned char)word[i];
	hyphen_points(cp, n, after);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		out[o++] = word[i];
		if (after[i])
			out[o++] = '-';
	}
	out[o] = '\0';
	return out;
}

static void words_break_at_the_patterns_points(void **state)
{
	(void)state;
	assert_string_equal(hyphenated("cooperation"), "co-op-er-a-tion");
	assert_string_equal(hyphenated("hyphenation"), "hy-phen-ation");
	assert_string_equal(hyphenated("agricultural"), "agri-cul-tural");
}

/* At least two letters before a hyphen and three after it. */
static void two_letters_before_three_after(void **state)
{
	(void)state;
	const char *words[] = {"cooperation", "understanding", "environmental",
			       "infrastructure", "accountability", "neighbours", "eighty"};
	for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
		const char *h = hyphenated(words[w]);
		const char *first = strchr(h, '-');
		const char *last = strrchr(h, '-');
		if (!first)
			continue;
		assert_true(first - h >= 2);
		assert_true(strlen(last + 1) >= 3);
	}
	/* No room for 2 letters before a hyphen and 3 after. */
	assert_string_equal(hyphenated("again"), "again");
	assert_string_equal(hyphenated("happy"), "happy");
}

/* A capitalised word (a name) breaks where its lower-case self does. */
static void capitalised_words_are_hyphenated(void **state)
{
	(void)state;
	assert_string_equal(hyphenated("Cooperation"), "Co-op-er-a-tion");
	assert_string_equal(hyphenated("Palestinian"), "Pales-tinian");
	assert_string_equal(hyphenated("Mediterranean"), "Mediter-ranean");
	assert_string_equal(hyphenated("Israeli"), "Is-raeli");
}

/* Acronyms (a capital after the first letter), words with digits or
 * accents, and short words stay whole. */
static void acronyms_and_other_words_stay_whole(void **state)
{
	(void)state;
	assert_string_equal(hyphenated("COGAT"), "COGAT");
	assert_string_equal(hyphenated("IPCRI"), "IPCRI");
	assert_string_equal(hyphenated("COOPERATION"), "COOPERATION");
	assert_string_equal(hyphenated("InterNational"), "InterNational");
	assert_string_equal(hyphenated("covid19vaccination"), "covid19vaccination");
	assert_string_equal(hyphenated("Covid19vaccination"), "Covid19vaccination");
	uint32_t accented[] = {'c', 'a', 'f', 0xE9, 't', 'e', 'r', 'i', 'a'};
	bool after[9];
	assert_int_equal(hyphen_points(accented, 9, after), 0);
	assert_string_equal(hyphenated("tree"), "tree");
}

/* Each word's points are kept after the first time: asking again, or for
 * a word that begins or ends another, gives the word's own points. */
static void words_asked_again_get_the_same_points(void **state)
{
	(void)state;
	for (int round = 0; round < 2; round++) {
		assert_string_equal(hyphenated("hyphenation"), "hy-phen-ation");
		assert_string_equal(hyphenated("hyphen"), "hy-phen");
		assert_string_equal(hyphenated("Cooperation"), "Co-op-er-a-tion");
		assert_string_equal(hyphenated("cooper"), "cooper");
		assert_string_equal(hyphenated("COOPERATION"), "COOPERATION");
	}
	/* Enough words that the kept ones are moved to a larger table. */
	static char first_round[2000][48];
	for (int round = 0; round < 2; round++)
		for (int w = 0; w < 2000; w++) {
			char word[40];
			snprintf(word, sizeof word, "%s%c%c", w % 2 ? "cooperation" : "hyphen",
				 'a' + w / 26 % 26, 'a' + w % 26);
			if (round == 0)
				strcpy(first_round[w], hyphenated(word));
			else
				assert_string_equal(hyphenated(word), first_round[w]);
		}
	/* Longer than any word kept (64 letters): asked each time. */
	char long_word[80] = "";
	for (int k = 0; k < 6; k++)
		strcat(long_word, "cooperation");
	char first[256];
	strcpy(first, hyphenated(long_word));
	assert_string_equal(hyphenated(long_word), first);
	assert_string_equal(first + strlen(first) - 15, "co-op-er-a-tion");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words_break_at_the_patterns_points),
		cmocka_unit_test(two_letters_before_three_after),
		cmocka_unit_test(capitalised_words_are_hyphenated),
		cmocka_unit_test(acronyms_and_other_words_stay_whole),
		cmocka_unit_test(words_asked_again_get_the_same_points),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
