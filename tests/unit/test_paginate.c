/* test_paginate.c - the page model of the sample edition: where things
 * land, asserted without reading a PDF. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "catalog.h"
#include "check.h"
#include "compose.h"
#include "font.h"
#include "layout.h"
#include "page.h"
#include "paginate.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static struct catalog cat;
static struct layout layout;
static struct fontset *fonts;
static struct document doc;

static int lay_out_sample(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	if (catalog_read(&cat, "data/initiatives.csv", "data/sectors.csv",
			 "data/edition.ini", &diags) != STATUS_OK ||
	    layout_read(&layout, "layouts/a5-booklet.ini", &diags) != STATUS_OK ||
	    check_catalog(&cat, &diags) != STATUS_OK ||
	    fontset_open(&fonts, "fonts", &diags) != STATUS_OK)
		return -1;
	diag_list_free(&diags);
	struct booklet booklet;
	compose_booklet(&cat, &layout, &booklet);
	paginate_booklet(&booklet, &layout, fonts, &doc);
	booklet_free(&booklet);
	return 0;
}

static int free_sample(void **state)
{
	(void)state;
	document_free(&doc);
	fontset_free(fonts);
	catalog_free(&cat);
	return 0;
}

static bool is_recto(size_t index)
{
	return index % 2 == 0;
}

/* Running heads and folios sit in the margins, outside the text frame. */
static bool is_furniture(const struct glyph_run *g)
{
	return g->y < layout.margin_top || g->y > layout.page_height - layout.margin_bottom;
}

static void every_run_stays_inside_the_frame(void **state)
{
	(void)state;
	size_t runs = 0;
	for (size_t p = 0; p < doc.page_count; p++) {
		double left = is_recto(p) ? layout.margin_inner : layout.margin_outer;
		double right = layout.page_width -
			       (is_recto(p) ? layout.margin_outer : layout.margin_inner);
		for (size_t i = 0; i < doc.pages[p].item_count; i++) {
			const struct item *it = &doc.pages[p].items[i];
			if (it->kind != ITEM_GLYPHS)
				continue;
			const struct glyph_run *g = &it->u.glyphs;
			runs++;
			assert_true(g->x >= left - 0.01);
			assert_true(g->x + g->width <= right + 0.01);
			assert_true(g->y > 0 && g->y < layout.page_height);
		}
	}
	assert_true(runs > 500);
}

static void chapters_open_on_right_hand_pages(void **state)
{
	(void)state;
	size_t chapters = 0;
	for (size_t i = 0; i < doc.outline_count; i++) {
		const struct outline_entry *e = &doc.outline[i];
		if (e->level != 0)
			continue;
		chapters++;
		assert_true(is_recto(e->page));
		/* A left page left empty before a chapter is bare: no folio. */
		const struct page *before = &doc.pages[e->page - 1];
		if (before->item_count == 0)
			assert_null(before->label);
	}
	assert_int_equal(chapters, 8);
}

static void headings_and_names_never_end_a_page(void **state)
{
	(void)state;
	for (size_t p = 0; p < doc.page_count; p++) {
		const struct glyph_run *last = NULL;
		for (size_t i = 0; i < doc.pages[p].item_count; i++) {
			const struct item *it = &doc.pages[p].items[i];
			if (it->kind == ITEM_GLYPHS && !is_furniture(&it->u.glyphs))
				last = &it->u.glyphs;
		}
		if (!last)
			continue;
		assert_int_not_equal(last->face, FACE_SANS_BOLD);
		assert_int_not_equal(last->face, FACE_HEBREW_SANS);
		assert_int_not_equal(last->face, FACE_ARABIC);
	}
}

static void contents_link_to_the_chapters(void **state)
{
	(void)state;
	size_t chapter_pages[16], chapters = 0;
	for (size_t i = 0; i < doc.outline_count && chapters < 16; i++)
		if (doc.outline[i].level == 0)
			chapter_pages[chapters++] = doc.outline[i].page;
	const struct page *contents = &doc.pages[1];
	size_t links = 0;
	for (size_t i = 0; i < contents->item_count; i++) {
		const struct item *it = &contents->items[i];
		if (it->kind != ITEM_LINK_PAGE)
			continue;
		assert_true(links < chapters);
		assert_int_equal(it->u.link.target_page, chapter_pages[links]);
		links++;
	}
	assert_int_equal(links, chapters);
}

static void every_url_is_a_link(void **state)
{
	(void)state;
	size_t urls = 0, links = 0;
	for (size_t i = 0; i < cat.initiative_count; i++)
		urls += cat.initiatives[i].url.text[0] != '\0';
	for (size_t p = 0; p < doc.page_count; p++)
		for (size_t i = 0; i < doc.pages[p].item_count; i++) {
			const struct item *it = &doc.pages[p].items[i];
			if (it->kind != ITEM_LINK_URI)
				continue;
			links++;
			assert_true(strncmp(it->u.link.uri, "https://", 8) == 0);
			assert_true(it->u.link.width > 0 && it->u.link.height > 0);
		}
	assert_true(urls > 0);
	assert_int_equal(links, urls);
}

static size_t count_rects(const struct page *page, const struct rgb *color)
{
	size_t n = 0;
	for (size_t i = 0; i < page->item_count; i++) {
		const struct item *it = &page->items[i];
		n += it->kind == ITEM_RECT && it->u.rect.color.r == color->r &&
		     it->u.rect.color.g == color->g && it->u.rect.color.b == color->b;
	}
	return n;
}

/* The cover's bar and the contents' markers carry each chapter's color
 * once, in order along the bar. */
static void chapter_colors_on_cover_and_contents(void **state)
{
	(void)state;
	const struct page *cover = &doc.pages[0], *contents = &doc.pages[1];
	double last_x = -1;
	for (size_t i = 0; i < cat.sector_count; i++) {
		const struct rgb color = {cat.sectors[i].rgb[0], cat.sectors[i].rgb[1],
					  cat.sectors[i].rgb[2]};
		assert_int_equal(count_rects(cover, &color), 1);
		assert_int_equal(count_rects(contents, &color), 1);
		for (size_t k = 0; k < cover->item_count; k++) {
			const struct item *it = &cover->items[k];
			if (it->kind == ITEM_RECT && it->u.rect.color.r == color.r &&
			    it->u.rect.color.g == color.g && it->u.rect.color.b == color.b) {
				assert_true(it->u.rect.x > last_x);
				last_x = it->u.rect.x;
			}
		}
	}
}

static void add_text(struct booklet *b, const char *text, bool heading)
{
	grow_array((void **)&b->blocks, &b->cap, b->count + 1, sizeof *b->blocks);
	b->blocks[b->count++] = (struct block){
		.kind = BLOCK_TEXT, .text = xstrdup(text),
		.style = {.family = heading ? FAMILY_SANS : FAMILY_SERIF, .bold = heading,
			  .size = heading ? 12 : 9.5},
		.dir = DIR_LTR, .align = ALIGN_JUSTIFY, .leading = heading ? 16 : 13,
		.space_before = heading ? 12 : 0, .keep_with_next = heading,
	};
}

/* The page of the first run that contains text. */
static size_t page_of(const struct document *d, const char *text)
{
	for (size_t p = 0; p < d->page_count; p++)
		for (size_t i = 0; i < d->pages[p].item_count; i++) {
			const struct item *it = &d->pages[p].items[i];
			if (it->kind == ITEM_GLYPHS && strstr(it->u.glyphs.text, text))
				return p;
		}
	fail_msg("no run contains %s", text);
	return 0;
}

/* Filler of every length before a heading and a paragraph, so that the
 * heading meets the foot of the page in some of them: it always goes on
 * with at least two lines of its paragraph, and no page holds a single
 * line of a paragraph that runs over. */
static void keeps_hold_wherever_the_page_ends(void **state)
{
	(void)state;
	static const char para[] =
		"Alpha one two three four five six seven eight nine ten eleven "
		"twelve thirteen fourteen fifteen sixteen seventeen eighteen "
		"nineteen twenty twenty-one twenty-two twenty-three twenty-four "
		"twenty-five twenty-six twenty-seven Omega";
	for (int filler = 25; filler <= 40; filler++) {
		struct booklet b = {.title = "T"};
		for (int k = 0; k < filler; k++)
			add_text(&b, "Filler line.", false);
		add_text(&b, "Heading", true);
		add_text(&b, para, false);
		struct document d;
		paginate_booklet(&b, &layout, fonts, &d);

		size_t heading = page_of(&d, "Heading");
		size_t first = page_of(&d, "Alpha"), last = page_of(&d, "Omega");
		assert_int_equal(heading, first);
		/* A justified line is a run per word: count the paragraph's
		 * lines by their baselines (offset by page, to keep pages apart). */
		size_t lines = 0;
		double baselines[16];
		for (size_t p = first; p <= last; p++)
			for (size_t i = 0; i < d.pages[p].item_count; i++) {
				const struct item *it = &d.pages[p].items[i];
				if (it->kind != ITEM_GLYPHS || it->u.glyphs.face != FACE_SERIF ||
				    strcmp(it->u.glyphs.text, "Filler line.") == 0 ||
				    is_furniture(&it->u.glyphs))
					continue;
				bool seen = false;
				for (size_t k = 0; k < lines; k++)
					seen |= baselines[k] == it->u.glyphs.y + 1000.0 * (double)p;
				if (!seen && lines < 16)
					baselines[lines++] = it->u.glyphs.y + 1000.0 * (double)p;
			}
		size_t lines_on_first = 0;
		for (size_t k = 0; k < lines; k++)
			lines_on_first += baselines[k] < 1000.0 * (double)(first + 1);
		assert_true(lines >= 3);
		assert_true(lines_on_first >= 2);
		assert_true(lines - lines_on_first != 1);
		document_free(&d);
		booklet_free(&b);
	}
}

/* The sample in the A4 report: pages not facing (the left margin is
 * always the inner one), the initiatives in two columns. Every run of
 * body text lies inside one column, both columns are used, and no
 * initiative's name ends a column. */
static void a4_report_flows_in_two_columns(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct layout a4;
	assert_int_equal(layout_read(&a4, "layouts/a4-report.ini", &diags), STATUS_OK);
	assert_false(diag_has_errors(&diags));
	assert_int_equal(a4.columns, 2);
	struct booklet booklet;
	struct document d;
	compose_booklet(&cat, &a4, &booklet);
	paginate_booklet(&booklet, &a4, fonts, &d);
	booklet_free(&booklet);
	assert_false(d.facing_pages);

	double text = a4.page_width - a4.margin_inner - a4.margin_outer;
	double column = (text - a4.gutter) / 2;
	double left[2] = {a4.margin_inner, a4.margin_inner + column + a4.gutter};
	size_t body_runs[2] = {0, 0};
	for (size_t p = 0; p < d.page_count; p++) {
		const struct glyph_run *last[2] = {NULL, NULL};
		for (size_t i = 0; i < d.pages[p].item_count; i++) {
			const struct item *it = &d.pages[p].items[i];
			if (it->kind != ITEM_GLYPHS)
				continue;
			const struct glyph_run *g = &it->u.glyphs;
			assert_true(g->x >= a4.margin_inner - 0.01);
			assert_true(g->x + g->width <= a4.page_width - a4.margin_outer + 0.01);
			bool in[2];
			for (int c = 0; c < 2; c++)
				in[c] = g->x >= left[c] - 0.01 && g->x + g->width <= left[c] + column + 0.01;
			if (g->face == FACE_SERIF) {
				assert_true(in[0] || in[1]);
				body_runs[in[1]]++;
			}
			if (g->y > a4.margin_top && g->y < a4.page_height - a4.margin_bottom &&
			    (in[0] || in[1]))
				last[in[1]] = g;
		}
		for (int c = 0; c < 2; c++)
			if (last[c])
				assert_false(last[c]->face == FACE_SANS_BOLD &&
					     last[c]->size == a4.name_size);
	}
	assert_true(body_runs[0] > 300);
	assert_true(body_runs[1] > 300);
	document_free(&d);
	diag_list_free(&diags);
}

static bool inside(double x, double y, const struct box *b)
{
	return x >= b->x - 0.01 && x <= b->x + b->width + 0.01 &&
	       y >= b->y - 0.01 && y <= b->y + b->height + 0.01;
}

/* The sample in a5-print: every page is the A5 trim grown by the bleed
 * and room for crop marks; text stays inside the trim; the covers' bands
 * run to the bleed's edge; eight crop marks per page lie outside the
 * bleed, along the trim's edges. */
static void print_layout_has_bleed_and_crop_marks(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct layout print;
	assert_int_equal(layout_read(&print, "layouts/a5-print.ini", &diags), STATUS_OK);
	assert_false(diag_has_errors(&diags));
	struct booklet booklet;
	struct document d;
	compose_booklet(&cat, &print, &booklet);
	paginate_booklet(&booklet, &print, fonts, &d);
	booklet_free(&booklet);
	double bleed = 3 * 72 / 25.4;
	for (size_t p = 0; p < d.page_count; p++) {
		const struct page *page = &d.pages[p];
		const struct box *t = &page->trim, *b = &page->bleed;
		assert_true(fabs(t->width - print.page_width) < 0.01);
		assert_true(fabs(t->height - print.page_height) < 0.01);
		assert_true(fabs(t->x - b->x - bleed) < 0.01 && fabs(t->y - b->y - bleed) < 0.01);
		assert_true(fabs(b->width - t->width - 2 * bleed) < 0.01);
		assert_true(b->x > 0 && b->x + b->width < page->width);
		assert_true(b->y > 0 && b->y + b->height < page->height);
		size_t marks = 0;
		for (size_t i = 0; i < page->item_count; i++) {
			const struct item *it = &page->items[i];
			if (it->kind == ITEM_GLYPHS)
				assert_true(inside(it->u.glyphs.x, it->u.glyphs.y, t));
			if (it->kind != ITEM_RULE)
				continue;
			const struct rule *r = &it->u.rule;
			if (inside(r->x1, r->y1, b) || inside(r->x2, r->y2, b))
				continue;   /* drawn on the page, not a mark */
			/* Along the line of a trim edge, and wholly outside the bleed. */
			bool vertical = r->x1 == r->x2;
			double line = vertical ? r->x1 : r->y1;
			double edges[2] = {vertical ? t->x : t->y,
					   vertical ? t->x + t->width : t->y + t->height};
			assert_true(fabs(line - edges[0]) < 0.01 || fabs(line - edges[1]) < 0.01);
			marks++;
		}
		assert_int_equal(marks, 8);
	}
	/* The covers' bands reach the bleed's edges. */
	size_t last = d.page_count - 1;
	const size_t covers[2] = {0, last};
	for (int c = 0; c < 2; c++) {
		const struct page *page = &d.pages[covers[c]];
		double left = 1e9, right = -1e9, top = 1e9, bottom = -1e9;
		for (size_t i = 0; i < page->item_count; i++) {
			const struct rect *r = &page->items[i].u.rect;
			if (page->items[i].kind != ITEM_RECT)
				continue;
			left = fmin(left, r->x);
			right = fmax(right, r->x + r->width);
			top = fmin(top, r->y);
			bottom = fmax(bottom, r->y + r->height);
		}
		assert_true(fabs(left - page->bleed.x) < 0.01);
		assert_true(fabs(right - page->bleed.x - page->bleed.width) < 0.01);
		if (c == 0)
			assert_true(fabs(top - page->bleed.y) < 0.01);
		else
			assert_true(fabs(bottom - page->bleed.y - page->bleed.height) < 0.01);
	}
	document_free(&d);
	diag_list_free(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_run_stays_inside_the_frame),
		cmocka_unit_test(chapters_open_on_right_hand_pages),
		cmocka_unit_test(headings_and_names_never_end_a_page),
		cmocka_unit_test(contents_link_to_the_chapters),
		cmocka_unit_test(every_url_is_a_link),
		cmocka_unit_test(chapter_colors_on_cover_and_contents),
		cmocka_unit_test(keeps_hold_wherever_the_page_ends),
		cmocka_unit_test(a4_report_flows_in_two_columns),
		cmocka_unit_test(print_layout_has_bleed_and_crop_marks),
	};
	return cmocka_run_group_tests(tests, lay_out_sample, free_sample);
}
