/* impose.h - a second renderer of the page model: the booklet imposed
 * for saddle stitching on an office printer.
 *
 * Two pages side by side on a sheet twice as wide (A5 on A4 landscape,
 * A6 on A5), padded with blank pages to a multiple of four, in booklet
 * order: sheet 1's front holds the last page and the first, its back the
 * second and the second-to-last, and so on; printed on both sides
 * (flipped on the short edge), folded and stapled, the sheets give the
 * booklet. A right-to-left booklet is bound on the right, so every pair
 * swaps sides. The result is another document of the page model, which
 * pdf.c draws like any other. */
#ifndef LIGHTBOOK_IMPOSE_H
#define LIGHTBOOK_IMPOSE_H

#include "page.h"

#include <stdbool.h>
#include <stddef.h>

/* Which page of the booklet goes on one half of a sheet's side. */
struct imposed_pair {
	size_t left, right;   /* page indexes; >= the page count for a blank */
};

/* The pair on side number `side` (0 = sheet 1's front, 1 = its back, 2 =
 * sheet 2's front, ...) of a booklet of page_count pages, page_count a
 * multiple of four. */
struct imposed_pair impose_pair(size_t page_count, size_t side, bool right_to_left);

/* Lays doc's pages out on sheets into *sheets (freed with document_free).
 * Each page is cut to its trim box (a bleed and crop marks are for a
 * print shop, not for sheets that are folded whole). Links to pages go
 * to the side of the sheet that holds the target; the outline and the
 * named destinations too. The sheets have no page labels. */
void impose_saddle_stitch(const struct document *doc, struct document *sheets);

#endif
