/* test_mem.c - the growable buffer and the copies mem.h makes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "mem.h"

#include <stdlib.h>
#include <string.h>

/* Short texts are formatted once into a small room, long ones straight
 * into the buffer: both append whole, after what is there. */
static void printf_appends_short_and_long_texts(void **state)
{
	(void)state;
	struct buffer b = {0};
	buffer_printf(&b, "%s-%d", "page", 12);
	assert_string_equal(b.data, "page-12");
	char long_text[600];
	memset(long_text, 'x', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	buffer_printf(&b, "<%s>", long_text);
	assert_int_equal(b.len, 7 + 2 + 599);
	assert_int_equal(strlen(b.data), b.len);
	assert_memory_equal(b.data, "page-12<xxx", 11);
	assert_string_equal(b.data + b.len - 2, "x>");
	buffer_printf(&b, "%s", "");
	assert_int_equal(b.len, 608);
	buffer_free(&b);
}

static void a_string_with_a_tail_is_one_allocation(void **state)
{
	(void)state;
	const double tail[3] = {1.5, -2, 3};
	void *copied;
	char *s = xstrndup_tail("abcdefg", 3, tail, 3, sizeof *tail, &copied);
	assert_string_equal(s, "abc");
	assert_true((uintptr_t)copied % sizeof(double) == 0);
	assert_memory_equal(copied, tail, sizeof tail);
	free(s);
	s = xstrndup_tail("abc", 3, NULL, 0, sizeof *tail, &copied);
	assert_null(copied);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(printf_appends_short_and_long_texts),
		cmocka_unit_test(a_string_with_a_tail_is_one_allocation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
