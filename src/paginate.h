/* paginate.h - flowing the booklet's blocks into pages.
 *
 * paginate turns blocks into the page model: it typesets every paragraph
 * to the layout's measure, flows the lines down the text frame of each
 * page (mirrored margins on facing pages), keeps headings with what
 * follows and avoids single orphan and widow lines, opens chapters on
 * right-hand pages, and adds running heads, folios, links and the
 * outline. The contents need the chapters' page numbers, which are only
 * known after pagination, so it lays out again until they stop moving. */
#ifndef LIGHTBOOK_PAGINATE_H
#define LIGHTBOOK_PAGINATE_H

#include "compose.h"
#include "font.h"
#include "layout.h"
#include "page.h"

/* Lays out booklet into *out (which the caller frees with document_free). */
void paginate_booklet(const struct booklet *booklet, const struct layout *layout,
		      struct fontset *fonts, struct document *out);

#endif
