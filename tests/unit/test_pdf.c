/* test_pdf.c - the PDF writer on documents the samples do not reach:
 * tens of thousands of pages and of named destinations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "bundled_fonts.h"
#include "font.h"
#include "mem.h"
#include "page.h"
#include "pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool to_buffer(void *user, const void *bytes, size_t len)
{
	buffer_append(user, bytes, len);
	return true;
}

/* libharu's arrays stop at 32,767 items; a flat page tree would, and
 * 100,000 initiatives make about 48,000 pages. */
static void more_pages_than_a_libharu_array_holds(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct document doc = {0};
	size_t pages = 33000;
	for (size_t p = 0; p < pages; p++)
		page_new(&doc, 419.5, 595.3);
	struct buffer pdf = {0};
	assert_int_equal(pdf_render(&doc, fonts, to_buffer, &pdf, &diags), STATUS_OK);
	assert_int_equal(diags.count, 0);
	/* Every page is in the file, under intermediate page-tree nodes. */
	size_t page_objects = 0, tree_nodes = 0;
	static const char type[] = "/Type /Page";
	size_t n = sizeof type - 1;
	for (size_t i = 0; i + n < pdf.len; i++) {
		if (memcmp(pdf.data + i, type, n) != 0)
			continue;
		if (pdf.data[i + n] == 's')
			tree_nodes++;
		else
			page_objects++;
	}
	assert_int_equal(page_objects, pages);
	assert_true(tree_nodes >= pages / 1000);
	buffer_free(&pdf);
	document_free(&doc);
	diag_list_free(&diags);
}

static size_t occurrences(const struct buffer *pdf, const char *what)
{
	size_t count = 0, n = strlen(what);
	for (size_t i = 0; i + n <= pdf->len; i++)
		count += memcmp(pdf->data + i, what, n) == 0;
	return count;
}

/* One named destination per initiative: 20,000 of them would make a
 * 40,000-item /Names array, past libharu's limit; they go into leaves. */
static void more_named_destinations_than_one_array_holds(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct document doc = {0};
	for (size_t p = 0; p < 10; p++)
		page_new(&doc, 419.5, 595.3);
	size_t names = 20000;
	for (size_t i = 0; i < names; i++) {
		char name[32];
		snprintf(name, sizeof name, "initiative.%05zu", i);
		document_add_destination(&doc, name, i % 10, 100);
	}
	struct buffer pdf = {0};
	assert_int_equal(pdf_render(&doc, fonts, to_buffer, &pdf, &diags), STATUS_OK);
	assert_int_equal(occurrences(&pdf, "/Limits"), names / 1000);
	assert_int_equal(occurrences(&pdf, "(initiative.00000)"), 2);   /* key and limit */
	assert_int_equal(occurrences(&pdf, "(initiative.19999)"), 2);
	assert_int_equal(occurrences(&pdf, "/Kids"), 1 + 1);   /* names and pages */
	buffer_free(&pdf);
	document_free(&doc);
	diag_list_free(&diags);
}

/* Every page refers to one resource dictionary, which names each font
 * once, however many pages show it (libharu would make a dictionary, a
 * /ProcSet and font names per page). */
static void pages_share_one_resource_dictionary(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct document doc = {0};
	size_t pages = 3;
	for (size_t p = 0; p < pages; p++) {
		struct page *page = page_new(&doc, 419.5, 595.3);
		enum face faces[] = {FACE_SERIF, FACE_SANS_BOLD};
		for (size_t f = 0; f < 2; f++) {
			uint16_t *adjust;
			struct glyph_run run = {.face = faces[f], .size = 10, .x = 50,
						.y = 100 + 20.0 * (double)f,
						.text = run_text_copy("Points of light", NULL, &adjust)};
			run.adjust = adjust;
			page_add(page, (struct item){.kind = ITEM_GLYPHS, .u.glyphs = run});
		}
	}
	struct buffer pdf = {0};
	assert_int_equal(pdf_render(&doc, fonts, to_buffer, &pdf, &diags), STATUS_OK);
	assert_int_equal(occurrences(&pdf, "/Resources "), pages);
	assert_int_equal(occurrences(&pdf, "/ProcSet"), 1);
	assert_int_equal(occurrences(&pdf, "/Font <<"), 1);
	assert_int_equal(occurrences(&pdf, "/F1 "), 1);
	assert_int_equal(occurrences(&pdf, "/F2 "), 1);
	assert_int_equal(occurrences(&pdf, "/F3 "), 0);
	buffer_free(&pdf);
	document_free(&doc);
	diag_list_free(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(more_pages_than_a_libharu_array_holds),
		cmocka_unit_test(more_named_destinations_than_one_array_holds),
		cmocka_unit_test(pages_share_one_resource_dictionary),
	};
	return cmocka_run_group_tests(tests, open_fonts, close_fonts);
}
