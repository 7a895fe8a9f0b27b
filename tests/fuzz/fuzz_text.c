/* fuzz_text.c - libFuzzer target: the text pipeline on arbitrary UTF-8.
 *
 * The first two bytes choose the style, direction, alignment and measure;
 * the rest, made valid UTF-8 by text_load as every input file is, goes
 * through NFC, bidi, Arabic shaping, font choice, line breaking and
 * reordering. Every line's runs must follow each other left to right
 * within its width. Fonts come from $LIGHTBOOK_FONTS or fonts/. */
#define _GNU_SOURCE
#include "diag.h"
#include "font.h"
#include "text.h"
#include "typeset.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static struct fontset *fonts;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
		/* A line may still be wider than the measure: total fit sets
		 * a piece it may not break overfull rather than fail (a run
		 * of "?", a hyphenated piece in a measure of 1.6 em: the
		 * corpus's regress-overfull-* inputs). */
	}
	typeset_width(fonts, text.data, &style);
	lines_free(&lines);
	text_free(&text);
	diag_list_free(&diags);
	return 0;
}
