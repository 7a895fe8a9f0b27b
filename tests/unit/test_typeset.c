/* test_typeset.c - lines from paragraphs: measure, justification, bidi,
 * Arabic shaping, font choice per script. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "font.h"
#include "typeset.h"

#include <stdlib.h>
#include <string.h>

static struct fontset *fonts;

static int open_fonts(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	enum status st = fontset_open(&fonts, "fonts", &diags);
	diag_list_free(&diags);
	return st == STATUS_OK ? 0 : -1;
}

static int close_fonts(void **state)
{
	(void)state;
	fontset_free(fonts);
	return 0;
}

static const struct text_style body = {.family = FAMILY_SERIF, .size = 10};

/* The line's characters in visual order, left to right. */
static const char *line_text(const struct line *l)
{
	static char text[512];
	text[0] = '\0';
	for (size_t r = 0; r < l->run_count; r++)
		strncat(text, l->runs[r].text, sizeof text - strlen(text) - 1);
	return text;
}

static const char paragraph[] =
	"Farmers from both sides of the Green Line meet every season to share "
	"seed, water and know-how. What began as a handful of neighbours has "
	"grown into a cooperative that sells its produce in markets on both "
	"sides, and its members say the friendships matter as much as the harvest.";

static void justified_lines_fill_the_measure(void **state)
{
	(void)state;
	struct lines lines;
	typeset_paragraph(fonts, paragraph, &body, DIR_LTR, ALIGN_JUSTIFY, 200, &lines);
	assert_true(lines.count >= 4);
	assert_false(lines.rtl);
	for (size_t i = 0; i < lines.count; i++) {
		const struct line *l = &lines.items[i];
		assert_true(l->run_count > 0);
		double right = l->runs[l->run_count - 1].x + l->runs[l->run_count - 1].width;
		assert_true(right <= 200.01);
		assert_true(l->runs[0].x >= 0);
		if (i + 1 < lines.count)
			assert_true(right > 199.99);   /* flush right */
		else
			assert_true(right < 199);      /* the last line is not stretched */
	}
	lines_free(&lines);
}

static void ragged_lines_keep_natural_spaces(void **state)
{
	(void)state;
	struct lines lines;
	typeset_paragraph(fonts, "one two", &body, DIR_LTR, ALIGN_START, 200, &lines);
	assert_int_equal(lines.count, 1);
	/* An unstretched space stays inside the run: one text operation. */
	assert_int_equal(lines.items[0].run_count, 1);
	assert_string_equal(lines.items[0].runs[0].text, "one two");
	double space = typeset_width(fonts, "one two", &body) -
		       typeset_width(fonts, "onetwo", &body);
	assert_true(space > 2 && space < 3.5);   /* a word space of a 10 pt serif */
	lines_free(&lines);
}

static void hebrew_is_reversed_and_set_from_the_right(void **state)
{
	(void)state;
	struct lines lines;
	typeset_paragraph(fonts, "שלום עולם", &body, DIR_RTL, ALIGN_START, 200, &lines);
	assert_int_equal(lines.count, 1);
	assert_true(lines.rtl);
	const struct line *l = &lines.items[0];
	assert_int_equal(l->run_count, 1);
	/* Visual order, left to right: the second word first, each reversed. */
	assert_string_equal(l->runs[0].text, "םלוע םולש");
	assert_int_equal(l->runs[0].face, FACE_HEBREW_SERIF);
	double right = l->runs[0].x + l->runs[0].width;
	assert_true(right > 199.99 && right < 200.01);
	lines_free(&lines);
}

static void arabic_is_joined_with_lam_alef(void **state)
{
	(void)state;
	struct lines lines;
	/* سلام: seen initial, lam-alef final ligature, meem isolated. */
	typeset_paragraph(fonts, "سلام", &body, DIR_RTL, ALIGN_START, 200, &lines);
	assert_int_equal(lines.count, 1);
	assert_int_equal(lines.items[0].run_count, 1);
	assert_string_equal(lines.items[0].runs[0].text, "\uFEE1\uFEFC\uFEB3");
	assert_int_equal(lines.items[0].runs[0].face, FACE_ARABIC);
	/* Naskh is set larger than the style to match Latin and Hebrew. */
	assert_true(lines.items[0].runs[0].size > body.size);
	lines_free(&lines);
}

static void numbers_in_hebrew_keep_their_order(void **state)
{
	(void)state;
	struct lines lines;
	typeset_paragraph(fonts, "כביש 60", &body, DIR_RTL, ALIGN_START, 200, &lines);
	assert_int_equal(lines.count, 1);
	const struct line *l = &lines.items[0];
	/* The number reads left to right, to the left of the word. */
	assert_string_equal(line_text(l), "60 שיבכ");
	assert_int_equal(l->runs[l->run_count - 1].face, FACE_HEBREW_SERIF);
	lines_free(&lines);
}

static void mixed_direction_runs_in_an_english_line(void **state)
{
	(void)state;
	struct lines lines;
	typeset_paragraph(fonts, "The choir (מקהלה) sings", &body, DIR_LTR, ALIGN_START,
			  300, &lines);
	assert_int_equal(lines.count, 1);
	const struct line *l = &lines.items[0];
	/* The Hebrew word is reversed in place, and alone in its face: the
	 * brackets around it resolve to the line's direction and take the
	 * script (so the font) of the text they open from. */
	assert_string_equal(line_text(l), "The choir (הלהקמ) sings");
	int hebrew_runs = 0;
	for (size_t r = 0; r < l->run_count; r++) {
		if (l->runs[r].face == FACE_HEBREW_SERIF) {
			assert_string_equal(l->runs[r].text, "הלהקמ");
			hebrew_runs++;
		}
		if (r > 0)
			assert_true(l->runs[r].x >= l->runs[r - 1].x + l->runs[r - 1].width - 0.01);
	}
	assert_int_equal(hebrew_runs, 1);
	lines_free(&lines);
}

static void a_word_wider_than_the_measure_is_broken(void **state)
{
	(void)state;
	struct lines lines;
	typeset_paragraph(fonts, "https://example.org/a-very-long-address/that/never/ends",
			  &body, DIR_LTR, ALIGN_JUSTIFY, 40, &lines);
	assert_true(lines.count >= 3);
	for (size_t i = 0; i < lines.count; i++)
		assert_true(lines.items[i].width <= 40.01);
	lines_free(&lines);
}

/* Found by fuzz_text: a combining mark with an advance of its own, on a
 * base that only just fits, pushed the line past the measure (and, set
 * centred, past the left margin). The base now goes to the next line. */
static void a_mark_that_does_not_fit_takes_its_base_along(void **state)
{
	(void)state;
	const struct text_style small = {.family = FAMILY_SERIF, .bold = true, .size = 6};
	struct lines lines;
	typeset_paragraph(fonts, "\uFFFD\uFFFD\uFFFD\u0627\u0485", &small, DIR_LTR,
			  ALIGN_CENTER, 20, &lines);
	assert_int_equal(lines.count, 2);
	for (size_t i = 0; i < lines.count; i++) {
		assert_true(lines.items[i].width <= 20.01);
		assert_true(lines.items[i].runs[0].x >= 0);
	}
	lines_free(&lines);
}

static void empty_text_gives_no_lines(void **state)
{
	(void)state;
	struct lines lines;
	typeset_paragraph(fonts, "", &body, DIR_LTR, ALIGN_JUSTIFY, 100, &lines);
	assert_int_equal(lines.count, 0);
	typeset_paragraph(fonts, "     ", &body, DIR_LTR, ALIGN_JUSTIFY, 100, &lines);
	assert_int_equal(lines.count, 0);
	lines_free(&lines);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(justified_lines_fill_the_measure),
		cmocka_unit_test(ragged_lines_keep_natural_spaces),
		cmocka_unit_test(hebrew_is_reversed_and_set_from_the_right),
		cmocka_unit_test(arabic_is_joined_with_lam_alef),
		cmocka_unit_test(numbers_in_hebrew_keep_their_order),
		cmocka_unit_test(mixed_direction_runs_in_an_english_line),
		cmocka_unit_test(a_word_wider_than_the_measure_is_broken),
		cmocka_unit_test(a_mark_that_does_not_fit_takes_its_base_along),
		cmocka_unit_test(empty_text_gives_no_lines),
	};
	return cmocka_run_group_tests(tests, open_fonts, close_fonts);
}
