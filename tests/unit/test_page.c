/* test_page.c - the page model's runs: their text and adjustments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "page.h"

#include <stdlib.h>
#include <string.h>

/* A run's adjustments (one per character, not per byte) follow its text
 * in the one allocation, aligned, and copy with it. */
static void a_runs_text_and_adjustments_copy_together(void **state)
{
	(void)state;
	const char text[] = "שלום, ab";   /* 8 characters, 12 bytes */
	const uint16_t adjust[8] = {0x3800, 0, 0xBD00, 0, 0x4200, 0, 0, 0xB000};   /* halves */
	uint16_t *copied;
	char *s = run_text_copy(text, adjust, &copied);
	assert_string_equal(s, text);
	assert_non_null(copied);
	assert_true((uintptr_t)copied % _Alignof(uint16_t) == 0);
	assert_true((char *)copied > s + strlen(s));
	assert_memory_equal(copied, adjust, sizeof adjust);

	struct item run = {.kind = ITEM_GLYPHS, .u.glyphs = {.text = s, .adjust = copied}};
	struct item copy = item_copy(&run);
	assert_ptr_not_equal(copy.u.glyphs.text, s);
	assert_string_equal(copy.u.glyphs.text, text);
	assert_memory_equal(copy.u.glyphs.adjust, adjust, sizeof adjust);
	item_free(&run);
	item_free(&copy);
}

static void a_run_without_adjustments_has_none(void **state)
{
	(void)state;
	uint16_t *copied = (uint16_t *)&copied;
	char *s = run_text_copy("plain", NULL, &copied);
	assert_string_equal(s, "plain");
	assert_null(copied);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_runs_text_and_adjustments_copy_together),
		cmocka_unit_test(a_run_without_adjustments_has_none),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
