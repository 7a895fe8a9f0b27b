/* fuzz_text.c - libFuzzer target: the text pipeline on arbitrary UTF-8.
 *
 * The first two bytes choose the style, direction, alignment and measure;
 * the rest, made valid UTF-8 by text_load as every input file is, goes
 * through NFC, bidi, Arabic shaping, font choice, line breaking and
 * reordering. Every line's runs must follow each other left to right
 * within its width, and only a single character too wide for the
 * measure may cross it. Fonts come from $LIGHTBOOK_FONTS or fonts/. */
#define _GNU_SOURCE
#include "diag.h"
#include "font.h"
#include "text.h"
#include "typeset.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static struct fontset *fonts;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Characters on the line that are not combining marks. */
static size_t base_characters(const struct line *l)
{
	size_t count = 0;
	for (size_t r = 0; r < l->run_count; r++) {
		const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)l->runs[r].text;
		utf8proc_ssize_t len = (utf8proc_ssize_t)strlen(l->runs[r].text);
		while (len > 0) {
			utf8proc_int32_t c;
			utf8proc_ssize_t n = utf8proc_iterate(s, len, &c);
			if (n <= 0)
				__builtin_trap();   /* runs hold valid UTF-8 */
			count += utf8proc_category(c) != UTF8PROC_CATEGORY_MN;
			s += n;
			len -= n;
		}
	}
	return count;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *dir = getenv("LIGHTBOOK_FONTS");
	struct diag_list diags = {0};
	if (fontset_open(&fonts, dir ? dir : "fonts", &diags) != STATUS_OK) {
		fprintf(stderr, "fuzz_text: cannot open the fonts (run from the source tree)\n");
		exit(1);
	}
	diag_list_free(&diags);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	uint8_t a = data[0], b = data[1];
	struct text_style style = {
		.family = a & 1 ? FAMILY_SANS : FAMILY_SERIF,
		.bold = a & 2,
		.italic = a & 4,
		.size = 6 + (a >> 5) * 2,
	};
	enum direction dir = (enum direction)((a >> 3) % 3);
	enum align align = (enum align)(b & 3);
	double measure = 20 + (b >> 2) * 6;   /* 20..398 pt */

	struct diag_list diags = {0};
	struct text text;
	text_load(&text, "fuzz", (const char *)data + 2, size - 2, &diags);
	struct lines lines;
	typeset_paragraph(fonts, text.data, &style, dir, align, measure, &lines);
	for (size_t i = 0; i < lines.count; i++) {
		const struct line *l = &lines.items[i];
		if (!isfinite(l->width) || l->width < 0)
			__builtin_trap();
		if (l->run_count == 0)
			continue;
		double start = l->runs[0].x, x = start;
		for (size_t r = 0; r < l->run_count; r++) {
			const struct line_run *run = &l->runs[r];
			if (run->x < x - 0.01 || run->width < 0)
				__builtin_trap();
			x = run->x + run->width;
		}
		if (x - start > l->width + 0.01)
			__builtin_trap();
		/* The typesetter lets a line exceed the measure by 0.01 pt
		 * (rounding); allow for that and for float error. */
		const double slack = 0.02;
		/* Only a single character (with its marks) wider than the
		 * measure may cross it; anything else must have been broken. */
		if (l->width > measure + slack && base_characters(l) > 1)
			__builtin_trap();
		if (l->width <= measure + slack && start < -slack)
			__builtin_trap();
	}
	typeset_width(fonts, text.data, &style);
	lines_free(&lines);
	text_free(&text);
	diag_list_free(&diags);
	return 0;
}
