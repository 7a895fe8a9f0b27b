/* test_impose.c - saddle-stitch imposition of the page model: the order
 * of pages on the sheets, and what of each page reaches its half. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "impose.h"
#include "mem.h"
#include "page.h"

#include <math.h>

/* Eight pages: sheet 1 holds 8|1 and 2|7, sheet 2 6|3 and 4|5. */
static void pairs_in_booklet_order(void **state)
{
	(void)state;
	static const size_t want[4][2] = {{7, 0}, {1, 6}, {5, 2}, {3, 4}};
	for (size_t side = 0; side < 4; side++) {
		struct imposed_pair p = impose_pair(8, side, false);
		assert_int_equal(p.left, want[side][0]);
		assert_int_equal(p.right, want[side][1]);
		/* Bound on the right, each pair swaps. */
		struct imposed_pair r = impose_pair(8, side, true);
		assert_int_equal(r.left, want[side][1]);
		assert_int_equal(r.right, want[side][0]);
	}
	/* Every page of a 16-page booklet is on exactly one half. */
	size_t seen[16] = {0};
	for (size_t side = 0; side < 8; side++) {
		struct imposed_pair p = impose_pair(16, side, false);
		seen[p.left]++;
		seen[p.right]++;
		/* The two halves of a side add up to the last page: a spread
		 * of the folded sheets. */
		assert_int_equal(p.left + p.right, 15);
	}
	for (size_t i = 0; i < 16; i++)
		assert_int_equal(seen[i], 1);
}

static void add_rect(struct page *page, double x, double y, double w, double h)
{
	page_add(page, (struct item){.kind = ITEM_RECT, .u.rect = {x, y, w, h, {0, 0, 0}}});
}

/* Five A5 pages with a bleed and a crop mark go on two A4 sheets (eight
 * halves, three blank): a band into the bleed is cut at the trim, the
 * mark is left out, and a link to page 5 goes to the side holding it. */
static void pages_cut_to_their_trim(void **state)
{
	(void)state;
	const double mm = 72 / 25.4, w = 148 * mm, h = 210 * mm, margin = 10 * mm;
	struct document doc = {0};
	for (int p = 0; p < 5; p++) {
		struct page *page = page_new(&doc, w + 2 * margin, h + 2 * margin);
		page->trim = (struct box){margin, margin, w, h};
		page->bleed = (struct box){margin - 3 * mm, margin - 3 * mm, w + 6 * mm, h + 6 * mm};
		/* A band from the bleed's left edge over the top of the page. */
		add_rect(page, margin - 3 * mm, margin - 3 * mm, w + 6 * mm, 20);
		page_add(page, (struct item){.kind = ITEM_RULE, .u.rule = {
			.x1 = 0, .y1 = margin, .x2 = margin - 5 * mm, .y2 = margin, .thickness = 0.25}});
	}
	page_add(&doc.pages[0], (struct item){.kind = ITEM_LINK_PAGE, .u.link = {
		.x = margin + 10, .y = margin + 10, .width = 50, .height = 10,
		.target_page = 4, .target_y = margin + 100}});

	struct document sheets;
	impose_saddle_stitch(&doc, &sheets);
	assert_int_equal(sheets.page_count, 4);   /* 8 halves: 3 blank */
	const double sheet_w = 297 * mm, sheet_h = 210 * mm;
	size_t rects = 0;
	for (size_t s = 0; s < sheets.page_count; s++) {
		const struct page *sheet = &sheets.pages[s];
		assert_true(fabs(sheet->width - sheet_w) < 0.01);
		assert_true(fabs(sheet->height - sheet_h) < 0.01);
		for (size_t i = 0; i < sheet->item_count; i++) {
			const struct item *it = &sheet->items[i];
			assert_int_not_equal(it->kind, ITEM_RULE);
			if (it->kind != ITEM_RECT)
				continue;
			rects++;
			/* Inside one half: the trim, placed there. */
			const struct rect *r = &it->u.rect;
			double half_left = r->x < sheet_w / 2 ? (sheet_w - 2 * w) / 2 : sheet_w / 2;
			assert_true(r->x >= half_left - 0.01);
			assert_true(r->x + r->width <= half_left + w + 0.01);
			assert_true(fabs(r->y) < 0.01);   /* the trim's top edge */
		}
	}
	assert_int_equal(rects, 5);
	/* Page 1 is on the right of side 0; page 5 on side 3 (4|5, the
	 * back of sheet 2). */
	size_t links = 0;
	for (size_t i = 0; i < sheets.pages[0].item_count; i++) {
		const struct item *it = &sheets.pages[0].items[i];
		if (it->kind != ITEM_LINK_PAGE)
			continue;
		links++;
		assert_int_equal(it->u.link.target_page, 3);
		assert_true(fabs(it->u.link.target_y - 100) < 0.01);
		assert_true(it->u.link.x > sheet_w / 2);   /* page 1 is on the right */
	}
	assert_int_equal(links, 1);
	document_free(&sheets);
	document_free(&doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pairs_in_booklet_order),
		cmocka_unit_test(pages_cut_to_their_trim),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
