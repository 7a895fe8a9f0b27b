/* typeset.h - turning a paragraph's text into lines.
 *
 * typeset_paragraph takes logical UTF-8 text and returns lines ready to be
 * placed: each line is a list of runs (one face, one direction) in visual
 * order with their x offsets from the line's left edge, already shaped
 * (Arabic as presentation forms) and justified or aligned.
 *
 * The steps follow UAX #9 and UAX #14: NFC normalisation (utf8proc), bidi
 * levels for the whole paragraph and Arabic joining and shaping (FriBidi),
 * break opportunities (libunibreak), line breaking in logical order (total
 * fit for justified paragraphs, see linebreak.h; greedy filling otherwise),
 * then reordering of each line on its own (rules L1-L4), as the bidi
 * algorithm requires. */
#ifndef LIGHTBOOK_TYPESET_H
#define LIGHTBOOK_TYPESET_H

#include "font.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum family { FAMILY_SERIF, FAMILY_SANS };

struct text_style {
	enum family family;
	bool bold;
	bool italic;
	bool hyphenate;     /* English words may be hyphenated (body text) */
	bool arabic_digits; /* digits that follow Arabic letters, or no letter,
			       as Arabic-Indic digits (U+0660-0669) */
	double size;        /* points */
};

enum direction {
	DIR_AUTO,           /* from the first strong character (UAX #9 P2-P3) */
	DIR_AUTO_RTL,       /* the same, but right to left when there is none
			       ("11 (46%)" in a right-to-left chart) */
	DIR_LTR,
	DIR_RTL,
};

enum align {
	ALIGN_START,        /* left in a left-to-right paragraph, right in RTL */
	ALIGN_END,
	ALIGN_CENTER,
	ALIGN_JUSTIFY,      /* both edges; the last line at the start */
};

struct line_run {
	enum face face;
	double size;        /* points: the style's, scaled for the face's script */
	double x;           /* from the line's left edge, points */
	double width;
	char *text;         /* UTF-8, visual order, shaped */
	uint16_t *adjust;   /* NULL, or per character of text: points added to
			       its font's advance (kerning, stretched spaces),
			       in half precision (half.h); in text's
			       allocation (freeing text frees it) */
};

struct line {
	struct line_run *runs;
	size_t run_count;
	double width;       /* from the first run's left edge to the last's right */
	double space_ratio; /* a word space's width to its natural width (1 unless
			       justified) */
	bool hyphenated;    /* ends with a hyphen the breaker added */
};

struct lines {
	struct line *items;
	size_t count;
	bool rtl;           /* the paragraph's resolved base direction */
};

/* Breaks text into lines no wider than measure (points). A word longer
 * than the measure is broken at a break opportunity inside it (after a
 * '/' in a URL) or, if it has none, between characters. A justified
 * paragraph is broken by total fit, with English hyphenation when
 * style->hyphenate; no word space grows past twice its natural width
 * unless the paragraph has no other way, and the last line is not
 * stretched. Empty text gives no lines. The caller owns *out and frees it with lines_free. */
void typeset_paragraph(struct fontset *fonts, const char *text,
		       const struct text_style *style, enum direction dir,
		       enum align align, double measure, struct lines *out);

/* Natural width of text set on one line, in points. */
double typeset_width(struct fontset *fonts, const char *text,
		     const struct text_style *style);

void lines_free(struct lines *lines);

/* Whether a character (after NFC) is drawn as itself: it is invisible
 * (a control, a joiner) or some bundled face has it and it is in the BMP.
 * typeset draws any other character as a placeholder, U+FFFD. */
bool typeset_can_draw(struct fontset *fonts, uint32_t c);

#endif
