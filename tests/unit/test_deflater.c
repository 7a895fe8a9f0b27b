/* test_deflater.c - buffers deflated on the second thread come back
 * whole, in the order they went in, and the same bytes as deflating them
 * on the calling thread. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "deflater.h"

#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Buffer number i: i lines of a page's operators, so that each is
 * different and the first is empty. */
static char *page_content(size_t i, size_t *len)
{
	size_t cap = 64 * i + 1;
	char *text = malloc(cap);
	assert_non_null(text);
	size_t n = 0;
	for (size_t line = 0; line < i; line++)
		n += (size_t)snprintf(text + n, cap - n, "BT %zu %zu Td <0041> Tj ET\n",
				      line, i);
	*len = n;
	return text;
}

static void expect_deflated(const struct deflated *got, size_t i)
{
	size_t len;
	char *want = page_content(i, &len);
	/* The same bytes as deflating here... */
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(6);
	size_t bound = libdeflate_zlib_compress_bound(c, len);
	char *here = malloc(bound);
	size_t here_len = libdeflate_zlib_compress(c, want, len, here, bound);
	assert_int_equal(got->len, here_len);
	assert_memory_equal(got->data, here, here_len);
	/* ... which inflate back to the buffer. */
	struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
	char *back = malloc(len + 1);
	size_t back_len = 0;
	assert_int_equal(libdeflate_zlib_decompress(d, got->data, got->len, back, len + 1,
						    &back_len),
			 LIBDEFLATE_SUCCESS);
	assert_int_equal(back_len, len);
	assert_memory_equal(back, want, len);
	libdeflate_free_decompressor(d);
	libdeflate_free_compressor(c);
	free(back);
	free(here);
	free(want);
}

/* More buffers than fit at once, taken as the writer takes them: what is
 * ready after each one, then the rest, waiting. */
static void results_come_back_in_order(void **state)
{
	(void)state;
	struct deflater *d = deflater_new();
	assert_non_null(d);
	size_t count = 5 * DEFLATER_CAPACITY, handed = 0, taken = 0;
	struct deflated got;
	while (handed < count) {
		size_t len;
		char *data = page_content(handed, &len);
		deflater_submit(d, data, len);
		handed++;
		while (taken < handed &&
		       deflater_take(d, handed - taken >= DEFLATER_CAPACITY, &got)) {
			expect_deflated(&got, taken++);
			free(got.data);
		}
	}
	while (taken < handed) {
		assert_true(deflater_take(d, true, &got));
		expect_deflated(&got, taken++);
		free(got.data);
	}
	assert_false(deflater_take(d, true, &got));   /* nothing waits */
	deflater_free(d);
}

/* Stopping with buffers still waiting frees them (ASan and valgrind
 * would see a leak). */
static void stopping_early_frees_what_waits(void **state)
{
	(void)state;
	struct deflater *d = deflater_new();
	assert_non_null(d);
	for (size_t i = 0; i < DEFLATER_CAPACITY; i++) {
		size_t len;
		char *data = page_content(200 + i, &len);
		deflater_submit(d, data, len);
	}
	deflater_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(results_come_back_in_order),
		cmocka_unit_test(stopping_early_frees_what_waits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
