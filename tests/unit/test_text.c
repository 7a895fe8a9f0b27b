/* test_text.c - Unicode NFC of the texts typeset and checked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Text made only of characters NFC never touches is used as it stands
 * (no copy): English, Hebrew and Arabic letters, Arabic digits. */
static void plain_text_is_not_copied(void **state)
{
	(void)state;
	assert_null(text_nfc("Points of Light \u2014 \u201cquoted\u201d, caf\u00e9"));
	assert_null(text_nfc("\u05e0\u05e7\u05d5\u05d3\u05d5\u05ea \u05d0\u05d5\u05e8"));
	assert_null(text_nfc("\u0646\u0642\u0627\u0637 \u0645\u0636\u064a\u0626\u0629\u061f "
			     "\u0661\u0662\u066b\u0663"));
}

/* Around those letters, what NFC changes is still changed: an alef and
 * a madda compose, a Hebrew letter's points are put in canonical order,
 * an e and an acute accent compose. */
static void what_nfc_changes_is_changed(void **state)
{
	(void)state;
	char *s = text_nfc("\u0627\u0653\u0644");
	assert_non_null(s);
	assert_string_equal(s, "\u0622\u0644");
	free(s);
	/* shin, shin dot (ccc 24), qamats (ccc 18): qamats first */
	s = text_nfc("\u05e9\u05c1\u05b8");
	assert_non_null(s);
	assert_string_equal(s, "\u05e9\u05b8\u05c1");
	free(s);
	s = text_nfc("\u05d0 cafe\u0301");
	assert_non_null(s);
	assert_string_equal(s, "\u05d0 caf\u00e9");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_text_is_not_copied),
		cmocka_unit_test(what_nfc_changes_is_changed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
