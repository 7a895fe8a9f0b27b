/* test_rtl_pages.c - the page model of the Hebrew edition: a book bound on
 * the right, every page mirrored, asserted without reading a PDF. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "catalog.h"
#include "chart.h"
#include "check.h"
#include "compose.h"
#include "font.h"
#include "layout.h"
#include "page.h"
#include "paginate.h"
#include "stats.h"
#include "typeset.h"
#include "sample.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct catalog cat;
static struct layout layout;
static struct fontset *fonts;
static struct document doc;

static int lay_out_hebrew(void **state)
{
	(void)state;
	return sample_lay_out(&cat, &layout, &fonts, &doc, "he");
}

static int free_hebrew(void **state)
{
	(void)state;
	sample_free(&cat, fonts, &doc);
	return 0;
}

/* Page index 0, 2, 4... are rectos: in a book bound on the right they are
 * left-hand pages, with the binding (the inner margin) on their right. */
static double frame_left(size_t index)
{
	return index % 2 == 0 ? layout.margin_outer : layout.margin_inner;
}

static double frame_right(size_t index)
{
	return frame_left(index) + layout.page_width - layout.margin_inner -
	       layout.margin_outer;
}

static bool is_furniture(const struct glyph_run *g)
{
	return g->y < layout.margin_top || g->y > layout.page_height - layout.margin_bottom;
}

static bool near(double a, double b)
{
	return fabs(a - b) < 0.05;
}

static void the_document_says_right_to_left(void **state)
{
	(void)state;
	assert_true(doc.right_to_left);
	assert_true(doc.facing_pages);
}

/* Text stays inside the mirrored frame, and a Hebrew text block's lines
 * end at the frame's right edge: set from the right. */
static void every_page_is_mirrored(void **state)
{
	(void)state;
	size_t flush_right = 0;
	for (size_t p = 1; p < doc.page_count; p++)
		for (size_t i = 0; i < doc.pages[p].item_count; i++) {
			const struct item *it = &doc.pages[p].items[i];
			if (it->kind != ITEM_GLYPHS || is_furniture(&it->u.glyphs))
				continue;
			const struct glyph_run *g = &it->u.glyphs;
			assert_true(g->x >= frame_left(p) - 0.01);
			assert_true(g->x + g->width <= frame_right(p) + 0.01);
			flush_right += near(g->x + g->width, frame_right(p));
		}
	assert_true(flush_right > 150);
}

/* The folio sits on the outer edge: the left on a recto, the right on a
 * verso; the running head likewise. */
static void folios_on_the_outer_edge(void **state)
{
	(void)state;
	size_t folios = 0;
	for (size_t p = 1; p < doc.page_count; p++) {
		const struct page *page = &doc.pages[p];
		if (!page->label)
			continue;
		for (size_t i = 0; i < page->item_count; i++) {
			const struct item *it = &page->items[i];
			if (it->kind != ITEM_GLYPHS || !is_furniture(&it->u.glyphs))
				continue;
			const struct glyph_run *g = &it->u.glyphs;
			if (p % 2 == 0)
				assert_true(near(g->x, frame_left(p)));
			else
				assert_true(near(g->x + g->width, frame_right(p)));
			if (strcmp(g->text, page->label) == 0)
				folios++;
		}
	}
	assert_true(folios >= 10);
}

/* Each contents entry, in the outline's order (the foreword, chapters,
 * their initiatives, the index): its number flush left and equal to the label
 * of its target's page, its title ending at the right, its link to that
 * page. */
static void contents_numbers_on_the_left_point_at_the_chapters(void **state)
{
	(void)state;
	size_t chapters = 0, first_chapter = 0;
	assert_true(sample_is_foreword(&doc, &doc.outline[0]));   /* it heads both */
	for (size_t i = 1; i < doc.outline_count; i++)
		if (doc.outline[i].level == 0) {
			if (!chapters++)
				first_chapter = doc.outline[i].page;
			assert_true(doc.outline[i].page % 2 == 0);   /* on a recto */
		}
	assert_int_equal(chapters, 1 + 8 + 1);   /* the overview, the sectors and the index */
	size_t entry = 0;
	for (size_t p = 1; p < first_chapter; p++) {
		const struct page *contents = &doc.pages[p];
		for (size_t i = 0; i < contents->item_count; i++) {
			const struct item *it = &contents->items[i];
			if (it->kind != ITEM_LINK_PAGE)
				continue;
			assert_true(entry < doc.outline_count);
			size_t target = doc.outline[entry].page;
			assert_int_equal(it->u.link.target_page, target);
			/* The runs just before the link: title, leaders, number. */
			const struct glyph_run *number = &contents->items[i - 1].u.glyphs;
			const struct glyph_run *leaders = &contents->items[i - 2].u.glyphs;
			const struct glyph_run *title = &contents->items[i - 3].u.glyphs;
			assert_string_equal(number->text, doc.pages[target].label);
			assert_true(near(number->x, frame_left(p)));
			assert_true(leaders->text[0] == '.');
			assert_true(leaders->x > number->x + number->width);
			assert_true(leaders->x + leaders->width < title->x);
			assert_true(title->x + title->width < frame_right(p) + 0.01);
			assert_true(title->x + title->width > frame_right(p) - 30);
			entry++;
		}
	}
	assert_int_equal(entry, doc.outline_count);
}

/* The index of a right-to-left edition: each entry ends at its column's
 * right edge with its numbers to the left, and an English term keeps its
 * own direction, full stop included ("LivePerson Inc.", not
 * ".LivePerson Inc"). */
static void index_entries_read_from_the_right(void **state)
{
	(void)state;
	size_t index = 0;
	for (size_t i = 0; i < doc.outline_count; i++)
		if (doc.outline[i].level == 0)
			index = doc.outline[i].page;   /* the last chapter: the index */
	bool found = false;
	size_t numbers = 0;
	for (size_t p = index; p + 1 < doc.page_count; p++) {
		const struct page *page = &doc.pages[p];
		for (size_t i = 0; i < page->item_count; i++) {
			const struct item *it = &page->items[i];
			if (it->kind == ITEM_GLYPHS && strcmp(it->u.glyphs.text, "LivePerson Inc.") == 0)
				found = true;
			if (it->kind != ITEM_LINK_PAGE)
				continue;
			/* A number stands left of the term it follows: the run
			 * just before its comma ends to the right of it. */
			const struct glyph_run *number = &page->items[i - 1].u.glyphs;
			const struct item *before = &page->items[i - 2];
			if (before->kind == ITEM_GLYPHS && strcmp(before->u.glyphs.text, ",") == 0) {
				assert_true(before->u.glyphs.x >= number->x + number->width - 0.01);
				numbers++;
			}
		}
	}
	assert_true(found);
	assert_true(numbers > 20);
}

/* The charts speak the edition's language, with counted nouns in the
 * form their number asks for. */
static void chart_words_are_translated(void **state)
{
	(void)state;
	struct stats st;
	stats_compute(&cat, &st);
	struct chart *c = chart_make(CHART_PEOPLE, &cat, &st, 0);
	assert_string_equal(c->title, "משתתפים לפי תחום");
	assert_string_equal(c->caption,
			    "מספר המשתתפים מדווח ב־5 מתוך 25 יוזמות; האחרות אינן נספרות.");
	chart_free(c);
	free(cat.edition.lang.text);
	cat.edition.lang.text = xstrdup("ar");
	c = chart_make(CHART_PEOPLE, &cat, &st, 0);
	assert_string_equal(c->caption, "عدد المشاركين مذكور في 5 من أصل 25 مبادرة، "
					"ولا تحتسب المبادرات الأخرى.");
	assert_string_equal(c->entries[0].label, "الزراعة");
	chart_free(c);
	free(cat.edition.lang.text);
	cat.edition.lang.text = xstrdup("he");
	stats_free(&st);
}

/* A right-to-left chart is mirrored: the title ends at the right, each
 * bar grows leftwards from the axis with its label to its right. */
static void charts_read_from_the_right(void **state)
{
	(void)state;
	struct stats st;
	stats_compute(&cat, &st);
	struct chart *c = chart_make(CHART_SECTORS, &cat, &st, 0);
	struct page fig;
	double width = 300;
	chart_layout(c, fonts, 9.5, width, 120, 1000, &fig);
	const struct glyph_run *title = &fig.items[0].u.glyphs;
	double title_end = 0;
	for (size_t i = 0; i < fig.item_count; i++)
		if (fig.items[i].kind == ITEM_GLYPHS && fig.items[i].u.glyphs.y == title->y)
			title_end = fmax(title_end, fig.items[i].u.glyphs.x +
						    fig.items[i].u.glyphs.width);
	assert_true(near(title_end, width));
	const struct rgb green = {cat.sectors[0].rgb[0], cat.sectors[0].rgb[1],
				  cat.sectors[0].rgb[2]};
	double bar_left = width, bar_right = 0;
	const struct glyph_run *label = NULL;
	for (size_t i = 0; i < fig.item_count; i++) {
		const struct item *it = &fig.items[i];
		if (it->kind == ITEM_PATH && it->u.path.fill &&
		    it->u.path.fill_color.r == green.r && it->u.path.fill_color.g == green.g &&
		    it->u.path.fill_color.b == green.b)
			for (size_t k = 0; k < it->u.path.op_count; k++) {
				if (it->u.path.ops[k].kind == PATH_CLOSE)
					continue;
				bar_left = fmin(bar_left, it->u.path.ops[k].x[0]);
				bar_right = fmax(bar_right, it->u.path.ops[k].x[0]);
			}
		if (it->kind == ITEM_GLYPHS && strcmp(it->u.glyphs.text, "תואלקח") == 0)
			label = &it->u.glyphs;
	}
	assert_true(bar_right > bar_left);
	assert_non_null(label);
	assert_true(label->x >= bar_right);
	assert_true(bar_right > width / 2);
	figure_free(&fig);
	chart_free(c);
	stats_free(&st);
}

/* A mirrored line of text keeps its runs in their order: the share
 * strip's Hebrew title with numbers and parentheses in it reads as the
 * typesetter set it, only moved to the right. */
static void mirrored_lines_still_read(void **state)
{
	(void)state;
	struct stats st;
	stats_compute(&cat, &st);
	struct chart *c = chart_make(CHART_SECTOR_SHARE, &cat, &st, 0);
	struct page fig;
	chart_layout(c, fonts, 9.5, 300, 120, 1000, &fig);
	struct text_style style = {.family = FAMILY_SANS, .size = 1};
	struct lines set;
	typeset_paragraph(fonts, c->title, &style, DIR_AUTO, ALIGN_START, 1e9, &set);
	assert_true(set.count == 1 && set.items[0].run_count > 2);
	size_t first = 0;
	while (first < fig.item_count && (fig.items[first].kind != ITEM_GLYPHS ||
					  strcmp(fig.items[first].u.glyphs.text,
						 set.items[0].runs[0].text) != 0))
		first++;
	assert_true(first + set.items[0].run_count <= fig.item_count);
	double end = 0;
	for (size_t r = 0; r < set.items[0].run_count; r++) {
		const struct glyph_run *g = &fig.items[first + r].u.glyphs;
		assert_string_equal(g->text, set.items[0].runs[r].text);
		if (r)
			assert_true(near(g->x, end));
		end = g->x + g->width;
	}
	assert_true(near(end, 300));
	lines_free(&set);
	figure_free(&fig);
	chart_free(c);
	stats_free(&st);
}

/* The front matter counts in Hebrew letters (gematria: 15 is ט"ו), an
 * Arabic edition's in abjad; the booklet proper in digits. */
static void front_matter_counts_in_letters(void **state)
{
	(void)state;
	assert_string_equal(doc.pages[0].label ? doc.pages[0].label : "א", "א");
	assert_string_equal(doc.pages[1].label, "ב");
	struct document d = {0};
	document_start_numbering(&d, 0, NUMBERING_HEBREW);
	const char *hebrew[] = {"א", "ט", "י", "יא", "יד", "טו", "טז", "יז", "כ", "כא"};
	const size_t pages[] = {0, 8, 9, 10, 13, 14, 15, 16, 19, 20};
	for (size_t i = 0; i < 10; i++) {
		char *label = document_page_label(&d, pages[i]);
		assert_string_equal(label, hebrew[i]);
		free(label);
	}
	d.numbering[0].style = NUMBERING_ABJAD;
	const char *abjad[] = {"أ", "ط", "ي", "يا", "يد", "يه", "يو", "يز", "ك", "كا"};
	for (size_t i = 0; i < 10; i++) {
		char *label = document_page_label(&d, pages[i]);
		assert_string_equal(label, abjad[i]);
		free(label);
	}
	document_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_document_says_right_to_left),
		cmocka_unit_test(every_page_is_mirrored),
		cmocka_unit_test(folios_on_the_outer_edge),
		cmocka_unit_test(contents_numbers_on_the_left_point_at_the_chapters),
		cmocka_unit_test(chart_words_are_translated),
		cmocka_unit_test(charts_read_from_the_right),
		cmocka_unit_test(mirrored_lines_still_read),
		cmocka_unit_test(front_matter_counts_in_letters),
		cmocka_unit_test(index_entries_read_from_the_right),
	};
	return cmocka_run_group_tests(tests, lay_out_hebrew, free_hebrew);
}
