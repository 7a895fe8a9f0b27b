/* layout.h - a page format, read from layouts/NAME.ini.
 *
 * A layout says everything about the page that is not content: its size,
 * whether pages face each other, its margins (inner/outer mirror on
 * facing pages), its columns, its type sizes and colors, which furniture
 * (running head, folio) it shows, the charts' height, and what a print
 * shop needs (bleed, crop marks). All lengths here are in PostScript
 * points (1/72 in); the file gives lengths in millimetres and type sizes
 * in points.
 *
 *   [page]      size = a5 | a4 | a6 | letter | WIDTHxHEIGHT (mm)
 *               facing = yes | no; page_count_multiple = 1..32
 *   [margins]   inner, outer, top, bottom (mm)
 *   [columns]   count = 1 | 2; gutter (mm)
 *   [type]      base_size, leading, title_size, chapter_size, name_size (pt);
 *               arabic_indic_digits = yes | no (the Arabic edition's digits)
 *   [colors]    text, muted, furniture (#RRGGBB)
 *   [furniture] running_head, folio = yes | no
 *   [charts]    height (mm)
 *   [print]     bleed (mm, 0 to 10); crop_marks = yes | no
 */
#ifndef LIGHTBOOK_LAYOUT_H
#define LIGHTBOOK_LAYOUT_H

#include "diag.h"
#include "page.h"

#include <stdbool.h>

struct layout {
	double page_width, page_height;   /* the trimmed page */
	bool facing;          /* pages form spreads: margins mirror, chapters
				 open on right-hand pages */
	int page_count_multiple;          /* blank pages before the back cover
					     make the count a multiple of this */
	double margin_inner, margin_outer, margin_top, margin_bottom;
	int columns;          /* 1 or 2: initiatives flow down each in turn */
	double gutter;        /* between columns */
	double base_size;     /* body text size */
	double leading;       /* baseline-to-baseline distance of body text */
	double title_size;    /* the cover's title */
	double chapter_size;  /* chapter titles and the contents' heading */
	double name_size;     /* initiatives' names */
	bool arabic_indic_digits; /* the Arabic edition writes ٠١٢٣ (U+0660-0669) */
	struct rgb text_color;      /* body text and headings */
	struct rgb muted_color;     /* meta lines, attributions, the cover's foot */
	struct rgb furniture_color; /* running heads, folios, dot leaders */
	bool running_head;
	bool folio;
	double chart_height;
	double bleed;         /* beyond the trim on every side; 0 for none */
	bool crop_marks;      /* marks outside the trim show where to cut */
};

/* Reads path into *layout, starting from the A5 defaults so that a file
 * may give only what it changes; heading sizes not given scale with
 * base_size (title 2.6, chapter 2.2, name 1.3 times). Unknown sections or
 * keys, bad values, margins that leave no room for text and a gutter
 * that leaves no room for columns are errors (FILE:LINE). Returns
 * STATUS_IO if the file cannot be read, else STATUS_OK (ask
 * diag_has_errors). */
enum status layout_read(struct layout *layout, const char *path,
			struct diag_list *diags);

#endif
