/* test_typeset.c - lines from paragraphs: measure, justification, bidi,
 * Arabic shaping, font choice per script. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "bundled_fonts.h"
#include "font.h"
#include "half.h"
#include "typeset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* Found by fuzz_text: libunibreak reads U+FFFF as the end of the text and
 * aborted on an assertion; a CSV cell with that character crashed the run. */
static void the_noncharacter_ffff_is_set_like_any_other(void **state)
{
	(void)state;
	struct lines lines;
	typeset_paragraph(fonts, "before \uFFFF after", &body, DIR_LTR, ALIGN_START, 200,
			  &lines);
	assert_int_equal(lines.count, 1);
	lines_free(&lines);
}

/* Text without right-to-left letters skips FriBidi, but an explicit
 * override in it must still be obeyed: it reverses what it covers. */
static void an_override_in_english_text_reverses_its_letters(void **state)
{
	(void)state;
	struct lines lines;
	typeset_paragraph(fonts, "abc \u202Edef\u202C ghi", &body, DIR_AUTO, ALIGN_START, 300,
			  &lines);
	assert_int_equal(lines.count, 1);
	assert_false(lines.rtl);
	assert_non_null(strstr(line_text(&lines.items[0]), "fed"));
	lines_free(&lines);
}

static void empty_text_gives_no_lines(void **state)
{
	(void)state;
	struct lines lines;
	typeset_paragraph(fonts, "", &body, DIR_LTR, ALIGN_JUSTIFY, 100, &lines);
	assert_int_equal(lines.count, 0);
	lines_free(&lines);
	typeset_paragraph(fonts, "     ", &body, DIR_LTR, ALIGN_JUSTIFY, 100, &lines);
	assert_int_equal(lines.count, 0);
	lines_free(&lines);
}

/* Every run of every line lies within [0, measure]. */
static void assert_inside(const struct lines *lines, double measure)
{
	for (size_t i = 0; i < lines->count; i++)
		for (size_t r = 0; r < lines->items[i].run_count; r++) {
			const struct line_run *run = &lines->items[i].runs[r];
			assert_true(run->x >= -0.01);
			assert_true(run->x + run->width <= measure + 0.01);
		}
}

/* The first (count 1) or last characters of a line's visual text. */
static bool line_starts_with(const struct line *l, const char *prefix)
{
	return strncmp(line_text(l), prefix, strlen(prefix)) == 0;
}

static bool line_ends_with(const struct line *l, const char *suffix)
{
	const char *t = line_text(l);
	size_t n = strlen(t), m = strlen(suffix);
	return n >= m && strcmp(t + n - m, suffix) == 0;
}

static void breaks_after_hyphens_and_dashes(void **state)
{
	(void)state;
	const enum align aligns[] = {ALIGN_START, ALIGN_JUSTIFY};
	for (size_t a = 0; a < 2; a++) {
		struct lines lines;
		double measure = typeset_width(fonts, "a well-known", &body) - 1;
		typeset_paragraph(fonts, "a well-known fact", &body, DIR_LTR, aligns[a],
				  measure, &lines);
		assert_true(lines.count >= 2);
		assert_true(line_ends_with(&lines.items[0], "well-"));
		lines_free(&lines);
		measure = typeset_width(fonts, "1990\u2013201", &body);
		typeset_paragraph(fonts, "1990\u20132010 saw growth", &body, DIR_LTR, aligns[a],
				  measure, &lines);
		assert_true(line_ends_with(&lines.items[0], "1990\u2013"));
		lines_free(&lines);
	}
}

/* At every measure: no line starts with a full stop, comma, closing
 * bracket or closing quote, and a no-break space never ends a line. */
static void never_before_closing_punctuation_or_at_a_no_break_space(void **state)
{
	(void)state;
	const char *text = "They said \u201cyes\u201d, then (after a pause) left. "
			   "About 10\u00A0000 people walked 5\u00A0km, or more.";
	for (double measure = 20; measure < 160; measure += 1.5) {
		for (int justify = 0; justify < 2; justify++) {
			struct lines lines;
			typeset_paragraph(fonts, text, &body, DIR_LTR,
					  justify ? ALIGN_JUSTIFY : ALIGN_START, measure, &lines);
			for (size_t i = 1; i < lines.count; i++) {
				const struct line *l = &lines.items[i];
				assert_false(line_starts_with(l, "."));
				assert_false(line_starts_with(l, ","));
				assert_false(line_starts_with(l, ")"));
				assert_false(line_starts_with(l, "\u201d"));
				assert_false(line_starts_with(l, "000"));
				assert_false(line_starts_with(l, "km"));
			}
			lines_free(&lines);
		}
	}
}

/* A URL breaks after a '/' or before a '?', never inside a name. */
static void urls_break_after_slashes_and_before_queries(void **state)
{
	(void)state;
	const char *text = "see https://example.org/projects/water?lang=en&id=42 today";
	const char *allowed_ends[] = {"see", "https://", "example.org/", "projects/",
				      "water", "lang=en&id=42", "today"};
	for (int justify = 0; justify < 2; justify++) {
		struct lines lines;
		typeset_paragraph(fonts, text, &body, DIR_LTR,
				  justify ? ALIGN_JUSTIFY : ALIGN_START, 80, &lines);
		assert_true(lines.count >= 4);
		assert_inside(&lines, 80);
		bool before_query = false;
		for (size_t i = 0; i < lines.count; i++) {
			bool ok = false;
			for (size_t k = 0; k < sizeof allowed_ends / sizeof *allowed_ends; k++)
				ok |= line_ends_with(&lines.items[i], allowed_ends[k]);
			assert_true(ok);
			before_query |= line_starts_with(&lines.items[i], "?lang");
		}
		assert_true(before_query);
		lines_free(&lines);
	}
}

static const struct text_style hyphenated_body = {
	.family = FAMILY_SERIF, .size = 10, .hyphenate = true};

static const char long_words[] =
	"International cooperation demonstrates considerable organisational "
	"responsibility; understanding communities, environmental restoration "
	"and agricultural infrastructure require extraordinary determination, "
	"professional collaboration and unprecedented accountability.";

/* Hyphens at libhyphen's points, 2 letters before and 3 after at least,
 * never more than two lines in a row, never without the style's leave. */
static void english_is_hyphenated_within_the_rules(void **state)
{
	(void)state;
	size_t total = 0;
	for (double measure = 90; measure < 180; measure += 7) {
		struct lines lines;
		typeset_paragraph(fonts, long_words, &hyphenated_body, DIR_LTR, ALIGN_JUSTIFY,
				  measure, &lines);
		assert_inside(&lines, measure);
		int run = 0;
		for (size_t i = 0; i < lines.count; i++) {
			const struct line *l = &lines.items[i];
			run = l->hyphenated ? run + 1 : 0;
			assert_true(run <= 2);
			if (!l->hyphenated)
				continue;
			total++;
			assert_true(line_ends_with(l, "-"));
			/* The fragment before the hyphen, and the one that starts
			 * the next line. */
			const char *t = line_text(l);
			const char *last_space = strrchr(t, ' ');
			const char *before = last_space ? last_space + 1 : t;
			assert_true(strlen(before) - 1 >= 2);
			char next[512];
			strcpy(next, line_text(&lines.items[i + 1]));
			size_t after = strcspn(next, " ,;.");
			assert_true(after >= 3);
		}
		lines_free(&lines);
		typeset_paragraph(fonts, long_words, &body, DIR_LTR, ALIGN_JUSTIFY, measure,
				  &lines);
		for (size_t i = 0; i < lines.count; i++)
			assert_false(lines.items[i].hyphenated);
		lines_free(&lines);
	}
	assert_true(total > 5);
}

/* How many lines of the body-text paragraph end in a hyphen, over
 * measures from 60 to 159 pt; every line stays inside its measure. */
static size_t hyphenated_lines(const char *text)
{
	size_t count = 0;
	for (double measure = 60; measure < 160; measure += 9) {
		struct lines lines;
		typeset_paragraph(fonts, text, &hyphenated_body, DIR_AUTO, ALIGN_JUSTIFY,
				  measure, &lines);
		assert_inside(&lines, measure);
		for (size_t i = 0; i < lines.count; i++)
			count += lines.items[i].hyphenated;
		lines_free(&lines);
	}
	return count;
}

/* Capitalised words (names) in body text are hyphenated like any other
 * English word, at a point of their lower-case spelling. */
static void capitalised_words_are_hyphenated(void **state)
{
	(void)state;
	assert_true(hyphenated_lines("Palestinian Mediterranean Palestinians Bethlehem "
				     "Mediterranean Palestinian Bethlehem Palestinians") > 3);
}

/* Acronyms, words with digits, URLs, Hebrew and Arabic keep their words. */
static void acronyms_urls_hebrew_and_arabic_are_not_hyphenated(void **state)
{
	(void)state;
	const char *texts[] = {
		"INTERNATIONAL COOPERATION UNDERSTANDING ENVIRONMENTAL COGAT IPCRI",
		"covid19vaccination internationalisation2030 2024responsibilities",
		"https://example.org/internationalisation/responsibilities/understanding",
		"\u05D4\u05EA\u05D0\u05D7\u05D3\u05D5\u05EA \u05D4\u05DE\u05E9\u05EA\u05EA\u05E4\u05D9\u05DD "
		"\u05D4\u05D9\u05E9\u05E8\u05D0\u05DC\u05D9\u05DD \u05D5\u05D4\u05E4\u05DC\u05E1\u05D8\u05D9\u05E0\u05D9\u05DD",
		"\u0627\u0644\u0645\u0632\u0627\u0631\u0639\u0648\u0646 \u0627\u0644\u0641\u0644\u0633\u0637\u064A\u0646\u064A\u0648\u0646 "
		"\u0648\u0627\u0644\u0625\u0633\u0631\u0627\u0626\u064A\u0644\u064A\u0648\u0646 \u064A\u062A\u0639\u0627\u0648\u0646\u0648\u0646",
	};
	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
		assert_int_equal(hyphenated_lines(texts[t]), 0);
}

/* Total fit keeps every word space within twice its width where the
 * paragraph allows it; first fit did not at these measures. */
static void word_spaces_stay_within_twice_their_width(void **state)
{
	(void)state;
	const double measures[] = {180, 190, 200, 220, 230, 240, 250};
	for (size_t m = 0; m < sizeof measures / sizeof *measures; m++) {
		double measure = measures[m];
		struct lines lines;
		typeset_paragraph(fonts, paragraph, &hyphenated_body, DIR_LTR, ALIGN_JUSTIFY,
				  measure, &lines);
		for (size_t i = 0; i < lines.count; i++) {
			assert_true(lines.items[i].space_ratio <= 2.0001);
			assert_true(lines.items[i].space_ratio >= 0.66);
		}
		assert_true(lines.items[lines.count - 1].space_ratio == 1);
		lines_free(&lines);
	}
}

/* The number of characters of a paragraph's visual text, spaces aside. */
static size_t letters_set(const struct lines *lines)
{
	size_t n = 0;
	for (size_t i = 0; i < lines->count; i++)
		for (size_t r = 0; r < lines->items[i].run_count; r++)
			for (const char *c = lines->items[i].runs[r].text; *c; c++)
				n += (*c & 0xC0) != 0x80 && *c != ' ';
	return n;
}

static void pathological_paragraphs_end_quickly_inside_the_margins(void **state)
{
	(void)state;
	enum { BIG = 100 * 1024 };
	char *text = malloc(BIG + 1);
	struct lines lines;

	/* One word of 5,000 letters: broken between letters, none lost. */
	memset(text, 'x', 5000);
	text[5000] = '\0';
	typeset_paragraph(fonts, text, &body, DIR_LTR, ALIGN_JUSTIFY, 200, &lines);
	assert_inside(&lines, 200);
	assert_int_equal(letters_set(&lines), 5000);
	lines_free(&lines);

	/* 10,000 spaces: nothing to set. */
	memset(text, ' ', 10000);
	text[10000] = '\0';
	typeset_paragraph(fonts, text, &body, DIR_LTR, ALIGN_JUSTIFY, 200, &lines);
	assert_int_equal(lines.count, 0);
	lines_free(&lines);

	/* A URL of 3,000 characters with a '/' every 10. */
	size_t n = 0;
	n += (size_t)sprintf(text, "https://example.org");
	while (n < 3000)
		n += (size_t)sprintf(text + n, "/abcdefghi");
	typeset_paragraph(fonts, text, &hyphenated_body, DIR_LTR, ALIGN_JUSTIFY, 200, &lines);
	assert_inside(&lines, 200);
	for (size_t i = 0; i + 1 < lines.count; i++)
		assert_true(line_ends_with(&lines.items[i], "/"));
	lines_free(&lines);

	/* 100 KB of tiny words, and of real ones. */
	for (n = 0; n + 2 < BIG; n += 2)
		memcpy(text + n, "a ", 2);
	text[n] = '\0';
	typeset_paragraph(fonts, text, &hyphenated_body, DIR_LTR, ALIGN_JUSTIFY, 200, &lines);
	assert_inside(&lines, 200);
	assert_int_equal(letters_set(&lines), n / 2);
	lines_free(&lines);
	for (n = 0; n + sizeof long_words < BIG; n += sizeof long_words) {
		memcpy(text + n, long_words, sizeof long_words - 1);
		text[n + sizeof long_words - 1] = ' ';
	}
	text[n] = '\0';
	typeset_paragraph(fonts, text, &hyphenated_body, DIR_LTR, ALIGN_JUSTIFY, 200, &lines);
	assert_inside(&lines, 200);
	assert_true(lines.count > 1000);
	lines_free(&lines);

	/* A kerned word broken between letters: no hyphen appears, and the
	 * kerning dropped at the break does not push the line out. */
	for (n = 0; n + 2 < 800; n += 2)
		memcpy(text + n, "AV", 2);
	text[n] = '\0';
	typeset_paragraph(fonts, text, &body, DIR_LTR, ALIGN_JUSTIFY, 100, &lines);
	assert_inside(&lines, 100);
	for (size_t i = 0; i < lines.count; i++)
		assert_false(lines.items[i].hyphenated);
	lines_free(&lines);

	/* Found by fuzz_text: "&&" measured with its kerning to the "?"
	 * after it just fit, but a line ending there drops that kerning and
	 * did not; so the pair had no break between them. */
	const struct text_style big_bold = {.family = FAMILY_SERIF, .bold = true, .size = 20};
	typeset_paragraph(fonts, "\u200C&&??\uFFFD@@@", &big_bold, DIR_LTR, ALIGN_JUSTIFY,
			  32, &lines);
	assert_inside(&lines, 32);
	lines_free(&lines);

	/* Found by fuzz_text: a soft hyphen after a character that fills a
	 * 1 em measure on its own; the line must end before it, without a
	 * hyphen, rather than cross the margin with one. */
	const struct text_style big = {.family = FAMILY_SANS, .size = 20};
	typeset_paragraph(fonts, "\uFFFD\u00AD\uFFFD\u00AD\uFFFD", &big, DIR_LTR,
			  ALIGN_JUSTIFY, 20, &lines);
	assert_inside(&lines, 20);
	lines_free(&lines);

	/* What typography never breaks, longer than the measure: closing
	 * brackets, words tied by no-break spaces. Broken anyway. */
	memset(text, ')', 300);
	text[300] = '\0';
	typeset_paragraph(fonts, text, &body, DIR_LTR, ALIGN_JUSTIFY, 50, &lines);
	assert_inside(&lines, 50);
	assert_int_equal(letters_set(&lines), 300);
	lines_free(&lines);
	for (n = 0; n + 3 < 600; n += 3)
		memcpy(text + n, "a\u00A0", 3);
	text[n] = '\0';
	typeset_paragraph(fonts, text, &body, DIR_LTR, ALIGN_JUSTIFY, 50, &lines);
	assert_inside(&lines, 50);
	lines_free(&lines);

	/* Only combining marks. */
	for (n = 0; n + 2 <= 2000; n += 2)
		memcpy(text + n, "\xCC\x81", 2);
	text[n] = '\0';
	typeset_paragraph(fonts, text, &body, DIR_LTR, ALIGN_JUSTIFY, 200, &lines);
	assert_inside(&lines, 200);
	lines_free(&lines);

	/* Only Arabic, justified from the right. */
	for (n = 0; n + 40 < 20000;)
		n += (size_t)sprintf(text + n, "\u0627\u0644\u0645\u0627\u0621 \u0644\u0644\u062C\u0645\u064A\u0639 ");
	typeset_paragraph(fonts, text, &hyphenated_body, DIR_RTL, ALIGN_JUSTIFY, 200, &lines);
	assert_true(lines.rtl);
	assert_inside(&lines, 200);
	for (size_t i = 0; i + 1 < lines.count; i++)
		assert_false(lines.items[i].hyphenated);
	lines_free(&lines);
	free(text);
}

/* Reverses the UTF-8 characters of s (a Hebrew word as it is drawn). */
static char *reversed(const char *s)
{
	size_t n = strlen(s);
	char *out = malloc(n + 1);
	size_t o = n;
	for (size_t i = 0; i < n;) {
		size_t len = 1;
		while (i + len < n && (s[i + len] & 0xC0) == 0x80)
			len++;
		o -= len;
		memcpy(out + o, s + i, len);
		i += len;
	}
	out[n] = '\0';
	return out;
}

/* Where the visual text of line l has word (NULL if it does not). */
static const char *find_in_line(const struct line *l, const char *word)
{
	static char text[512];
	strcpy(text, line_text(l));
	return strstr(text, word);
}

/* An English paragraph with a Hebrew phrase of four words that crosses a
 * line end: broken in logical order (the phrase's first words end the
 * first line), then each line reordered on its own, so that on each line
 * the phrase's words run right to left. */
static void a_hebrew_phrase_crossing_a_line_end(void **state)
{
	(void)state;
	const char *he[] = {"\u05E9\u05D9\u05E8", "\u05E9\u05DC", "\u05E9\u05DC\u05D5\u05DD",
			    "\u05D5\u05D0\u05D7\u05D5\u05D5\u05D4"};   /* שיר של שלום ואחווה */
	char text[256];
	snprintf(text, sizeof text, "The choir sings %s %s %s %s every week in Haifa.",
		 he[0], he[1], he[2], he[3]);
	char *drawn[4];
	for (int k = 0; k < 4; k++)
		drawn[k] = reversed(he[k]);
	bool split_seen = false;
	for (double measure = 80; measure < 260; measure += 2) {
		struct lines lines;
		typeset_paragraph(fonts, text, &body, DIR_LTR, ALIGN_JUSTIFY, measure, &lines);
		for (size_t i = 0; i < lines.count; i++) {
			const struct line *l = &lines.items[i];
			/* Hebrew words on one line: a later word is to the left. */
			for (int k = 0; k + 1 < 4; k++) {
				const char *a = find_in_line(l, drawn[k]);
				const char *b = find_in_line(l, drawn[k + 1]);
				if (a && b)
					assert_true(b < a);
			}
			/* The line that ends inside the phrase has its first
			 * words, and English before them, on the left. */
			if (i + 1 < lines.count && find_in_line(l, drawn[0]) &&
			    !find_in_line(l, drawn[3])) {
				assert_non_null(find_in_line(&lines.items[i + 1], drawn[3]));
				assert_true(line_starts_with(l, "The") ||
					    find_in_line(l, "sings") < find_in_line(l, drawn[0]));
				assert_true(find_in_line(&lines.items[i + 1], drawn[3]) <
					    find_in_line(&lines.items[i + 1], "every"));
				split_seen = true;
			}
		}
		lines_free(&lines);
	}
	assert_true(split_seen);
	for (int k = 0; k < 4; k++)
		free(drawn[k]);
}

/* A Hebrew paragraph with an English name and numbers: the English words
 * and the digits read left to right inside the right-to-left line, on
 * whichever line they land. */
static void english_and_numbers_in_a_hebrew_paragraph(void **state)
{
	(void)state;
	/* "The project started in 2015 with 40 participants, among them
	 * students of Tel Aviv University, and today it has more than 300." */
	const char *text = "הפרויקט התחיל בשנת 2015 עם 40 משתתפים, ובהם סטודנטים של "
			   "Tel Aviv University, והיום יש בו יותר מ־300.";
	bool split_seen = false;
	for (double measure = 60; measure < 240; measure += 3) {
		struct lines lines;
		typeset_paragraph(fonts, text, &body, DIR_AUTO, ALIGN_JUSTIFY, measure, &lines);
		assert_true(lines.rtl);
		assert_inside(&lines, measure);
		for (size_t i = 0; i < lines.count; i++) {
			const struct line *l = &lines.items[i];
			assert_null(find_in_line(l, "5102"));
			assert_null(find_in_line(l, "vivA"));
			const char *tel = find_in_line(l, "Tel");
			const char *aviv = find_in_line(l, "Aviv");
			const char *uni = find_in_line(l, "University");
			if (tel && aviv)
				assert_true(tel < aviv);
			if (aviv && uni)
				assert_true(aviv < uni);
			/* "Tel Aviv" ends this line and "University" starts the
			 * next: each piece stays left to right, at the line's
			 * left end (the logical end of an RTL line). */
			if (aviv && !uni && i + 1 < lines.count &&
			    find_in_line(&lines.items[i + 1], "University")) {
				split_seen = true;
				assert_true(line_starts_with(l, "Tel"));
			}
		}
		lines_free(&lines);
	}
	assert_true(split_seen);
}

/* Kerning: "AV" and "To" are set closer than their letters' advances, and
 * the adjustment travels with the run, so that the PDF draws what was
 * measured. */
static void latin_pairs_are_kerned(void **state)
{
	(void)state;
	const char *pairs[][3] = {{"AV", "A", "V"}, {"To", "T", "o"}, {"Yo", "Y", "o"}};
	for (size_t i = 0; i < 3; i++) {
		double kerned = typeset_width(fonts, pairs[i][0], &body);
		double apart = typeset_width(fonts, pairs[i][1], &body) +
			       typeset_width(fonts, pairs[i][2], &body);
		assert_true(kerned < apart - 0.2);   /* 10 pt: at least 0.02 em */
		struct lines lines;
		typeset_paragraph(fonts, pairs[i][0], &body, DIR_LTR, ALIGN_START, 100, &lines);
		assert_non_null(lines.items[0].runs[0].adjust);
		assert_true(half_to_float(lines.items[0].runs[0].adjust[0]) < -0.2);
		assert_true(half_to_float(lines.items[0].runs[0].adjust[1]) == 0);
		lines_free(&lines);
	}
}

/* Sums hb-shape's x advances of text set in font (font units; the bundled
 * Latin faces have 1000 to the em). Ligatures are off: libharu draws one
 * glyph per character. */
static double harfbuzz_advance(const char *font, const char *text)
{
	char path[] = "/tmp/lightbook-hb-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	char command[512];
	snprintf(command, sizeof command,
		 "hb-shape --features=-liga,-clig --output-format=json --no-glyph-names "
		 "--text-file=%s %s", path, font);
	FILE *out = popen(command, "r");
	assert_non_null(out);
	static char json[1 << 16];
	size_t len = fread(json, 1, sizeof json - 1, out);
	json[len] = '\0';
	assert_int_equal(pclose(out), 0);
	unlink(path);
	double sum = 0;
	for (const char *at = strstr(json, "\"ax\":"); at; at = strstr(at + 1, "\"ax\":"))
		sum += atof(at + 5);
	return sum;
}

/* Paragraphs set ragged (natural spaces): each line's width is within
 * 0.5% of HarfBuzz's for the same text and font file, kerning included.
 * The second is dense with kerned pairs: unkerned, a line of it came out
 * 2.1% too wide. */
static void line_widths_match_harfbuzz(void **state)
{
	(void)state;
	const char *texts[] = {
		paragraph,
		"AVODA TOWARDS YOUTH: Yossi, Wafa, Tova and Yara take Tel Aviv and "
		"Yatta pupils to Wadi Ara. \u201cWe Play Together,\u201d says Yael. "
		"Vows, Tales, Yarns: LAWYERS, TAV AVENUE, PALAWAY.",
	};
	for (size_t t = 0; t < 2; t++) {
		struct lines lines;
		typeset_paragraph(fonts, texts[t], &body, DIR_LTR, ALIGN_START, 230, &lines);
		assert_true(lines.count >= 2);
		for (size_t i = 0; i < lines.count; i++) {
			const struct line *l = &lines.items[i];
			assert_int_equal(l->run_count, 1);
			double hb = harfbuzz_advance(fontset_path(fonts, FACE_SERIF),
						     l->runs[0].text) * body.size / 1000;
			double diff = l->width > hb ? l->width - hb : hb - l->width;
			if (diff > hb * 0.005)
				fail_msg("line %zu: %.3f pt, HarfBuzz %.3f pt: |%s|", i, l->width,
					 hb, l->runs[0].text);
		}
		lines_free(&lines);
	}
}

/* A character no bundled face has, or one beyond the BMP (libharu would
 * drop it without a word), is drawn as U+FFFD in a face that has it. */
static void missing_characters_become_placeholders(void **state)
{
	(void)state;
	assert_false(typeset_can_draw(fonts, 0x1F642));   /* an emoji */
	assert_false(typeset_can_draw(fonts, 0x1D11E));   /* G clef */
	assert_false(typeset_can_draw(fonts, 0x4E2D));    /* a CJK ideograph */
	assert_true(typeset_can_draw(fonts, 'a'));
	assert_true(typeset_can_draw(fonts, 0x05D0));     /* alef */
	assert_true(typeset_can_draw(fonts, 0x200D));     /* a joiner draws nothing */
	struct lines lines;
	typeset_paragraph(fonts, "a \U0001F642 b \u4E2D", &body, DIR_LTR, ALIGN_START, 200,
			  &lines);
	assert_int_equal(lines.count, 1);
	assert_string_equal(line_text(&lines.items[0]), "a \uFFFD b \uFFFD");
	assert_true(lines.items[0].width > typeset_width(fonts, "a  b ", &body) + 5);
	lines_free(&lines);
	/* A missing combining mark is a placeholder as wide as a letter: it
	 * no longer clings to its base, so a line may end between them.
	 * (Found by fuzz_text: "s" and its mark crossed a narrow measure.) */
	for (double measure = 12; measure < 30; measure += 1) {
		typeset_paragraph(fonts, "s\u0F8Ds\u0F8Ds\u0F8D", &body, DIR_LTR, ALIGN_START,
				  measure, &lines);
		assert_inside(&lines, measure);
		lines_free(&lines);
	}
}

/* An Arabic paragraph with an English name and numbers: shaped Arabic
 * reads right to left, the English name and the digits left to right, on
 * every line, whatever the measure. */
/* An italic Hebrew quotation: its letters have no italic, and its digits
 * and commas stay upright with them; in English they slant. */
static void digits_among_hebrew_letters_stay_upright(void **state)
{
	(void)state;
	struct text_style italic = body;
	italic.italic = true;
	struct lines lines;
	typeset_paragraph(fonts, "\u05d9\u05e9 \u05dc\u05d9 28 \u05d9\u05dc\u05d3\u05d9\u05dd, \u05d5\u05d2\u05dd",
			  &italic, DIR_RTL, ALIGN_START, 300, &lines);
	assert_int_equal(lines.count, 1);
	size_t latin = 0;
	for (size_t r = 0; r < lines.items[0].run_count; r++) {
		const struct line_run *run = &lines.items[0].runs[r];
		assert_int_not_equal(run->face, FACE_SERIF_ITALIC);
		latin += run->face == FACE_SERIF;
	}
	assert_true(latin >= 2);   /* the number and the comma */
	lines_free(&lines);
	typeset_paragraph(fonts, "We have 28 kids", &italic, DIR_LTR, ALIGN_START, 300, &lines);
	for (size_t r = 0; r < lines.items[0].run_count; r++)
		assert_int_equal(lines.items[0].runs[r].face, FACE_SERIF_ITALIC);
	lines_free(&lines);
}

/* Arabic-Indic digits take the Arabic separators and percent sign;
 * Western digits keep theirs. */
static void arabic_indic_digits_take_arabic_signs(void **state)
{
	(void)state;
	struct text_style style = body;
	style.arabic_digits = true;
	struct lines lines;
	typeset_paragraph(fonts, "\u0645\u0646 2,353 (16%)", &style, DIR_RTL, ALIGN_START,
			  300, &lines);
	assert_int_equal(lines.count, 1);
	const char *text = line_text(&lines.items[0]);
	assert_non_null(strstr(text, "\u066a\u0661\u0666"));   /* ٪ left of ١٦ */
	assert_non_null(strstr(text, "\u0662\u066c\u0663\u0665\u0663"));   /* ٢٬٣٥٣ */
	assert_null(strchr(text, '%'));
	lines_free(&lines);
	typeset_paragraph(fonts, "16%", &body, DIR_RTL, ALIGN_START, 300, &lines);
	assert_string_equal(line_text(&lines.items[0]), "16%");
	lines_free(&lines);
}

static void english_and_numbers_in_an_arabic_paragraph(void **state)
{
	(void)state;
	/* "The project began in 2015 with 40 participants, among them
	 * students of Tel Aviv University, and today it has more than 300." */
	const char *text = "بدأ المشروع عام 2015 مع 40 مشاركًا، بينهم طلاب من "
			   "Tel Aviv University، واليوم يضم أكثر من 300.";
	bool split_seen = false;
	for (double measure = 70; measure < 260; measure += 4) {
		struct lines lines;
		typeset_paragraph(fonts, text, &body, DIR_AUTO, ALIGN_JUSTIFY, measure, &lines);
		assert_true(lines.rtl);
		assert_inside(&lines, measure);
		for (size_t i = 0; i < lines.count; i++) {
			const struct line *l = &lines.items[i];
			assert_null(find_in_line(l, "5102"));
			assert_null(find_in_line(l, "003"));
			assert_null(find_in_line(l, "vivA"));
			for (size_t r = 0; r < l->run_count; r++) {
				const char *t = l->runs[r].text;
				/* Arabic letters arrive as presentation forms. */
				if (l->runs[r].face == FACE_ARABIC)
					assert_null(strstr(t, "\u0645"));   /* no bare meem */
			}
			const char *tel = find_in_line(l, "Tel");
			const char *uni = find_in_line(l, "University");
			if (tel && uni)
				assert_true(tel < uni);
			if (tel && !uni && i + 1 < lines.count &&
			    find_in_line(&lines.items[i + 1], "University"))
				split_seen = true;
		}
		lines_free(&lines);
	}
	assert_true(split_seen);
}

/* A pair's kerning is looked up once and kept: the answer does not
 * depend on which pairs were asked before, nor in which order. */
static void kerning_does_not_depend_on_what_was_asked_before(void **state)
{
	(void)state;
	static const char pairs[][2] = {{'T', 'o'}, {'o', 'T'}, {'A', 'V'}, {'V', 'A'},
					{'L', 'T'}, {'T', 'L'}, {'y', '.'}, {'.', 'y'}};
	enum { PAIRS = sizeof pairs / sizeof *pairs };
	struct diag_list diags = {0};
	struct fontset *fresh;
	assert_int_equal(fontset_open(&fresh, "fonts", &diags), STATUS_OK);
	diag_list_free(&diags);
	int forward[PAIRS], backward[PAIRS];
	for (int i = 0; i < PAIRS; i++)
		forward[i] = font_kerning(fonts, FACE_SERIF, (uint8_t)pairs[i][0],
					  (uint8_t)pairs[i][1]);
	for (int i = PAIRS; i-- > 0;)
		backward[i] = font_kerning(fresh, FACE_SERIF, (uint8_t)pairs[i][0],
					   (uint8_t)pairs[i][1]);
	for (int i = 0; i < PAIRS; i++) {
		assert_int_equal(forward[i], backward[i]);
		assert_int_equal(font_kerning(fonts, FACE_SERIF, (uint8_t)pairs[i][0],
					      (uint8_t)pairs[i][1]), forward[i]);
	}
	assert_true(forward[0] < 0 && forward[2] < 0);    /* "To", "AV" close up */
	assert_int_not_equal(forward[0], forward[1]);
	fontset_free(fresh);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(justified_lines_fill_the_measure),
		cmocka_unit_test(kerning_does_not_depend_on_what_was_asked_before),
		cmocka_unit_test(ragged_lines_keep_natural_spaces),
		cmocka_unit_test(hebrew_is_reversed_and_set_from_the_right),
		cmocka_unit_test(arabic_is_joined_with_lam_alef),
		cmocka_unit_test(numbers_in_hebrew_keep_their_order),
		cmocka_unit_test(mixed_direction_runs_in_an_english_line),
		cmocka_unit_test(a_word_wider_than_the_measure_is_broken),
		cmocka_unit_test(a_mark_that_does_not_fit_takes_its_base_along),
		cmocka_unit_test(the_noncharacter_ffff_is_set_like_any_other),
		cmocka_unit_test(an_override_in_english_text_reverses_its_letters),
		cmocka_unit_test(empty_text_gives_no_lines),
		cmocka_unit_test(breaks_after_hyphens_and_dashes),
		cmocka_unit_test(never_before_closing_punctuation_or_at_a_no_break_space),
		cmocka_unit_test(urls_break_after_slashes_and_before_queries),
		cmocka_unit_test(english_is_hyphenated_within_the_rules),
		cmocka_unit_test(capitalised_words_are_hyphenated),
		cmocka_unit_test(acronyms_urls_hebrew_and_arabic_are_not_hyphenated),
		cmocka_unit_test(word_spaces_stay_within_twice_their_width),
		cmocka_unit_test(pathological_paragraphs_end_quickly_inside_the_margins),
		cmocka_unit_test(a_hebrew_phrase_crossing_a_line_end),
		cmocka_unit_test(english_and_numbers_in_a_hebrew_paragraph),
		cmocka_unit_test(english_and_numbers_in_an_arabic_paragraph),
		cmocka_unit_test(arabic_indic_digits_take_arabic_signs),
		cmocka_unit_test(digits_among_hebrew_letters_stay_upright),
		cmocka_unit_test(latin_pairs_are_kerned),
		cmocka_unit_test(line_widths_match_harfbuzz),
		cmocka_unit_test(missing_characters_become_placeholders),
	};
	return cmocka_run_group_tests(tests, open_fonts, close_fonts);
}
