/* layout.h - a page format, read from layouts/NAME.ini.
 *
 * A layout says everything about the page that is not content: its size,
 * its margins (inner/outer mirror on facing pages) and the base type size.
 * All lengths are in PostScript points (1/72 in); the file gives margins in
 * millimetres and type sizes in points.
 *
 *   [page]     size = a5 | a4 | a6 | letter | WIDTHxHEIGHT (mm, e.g. 148x210)
 *   [margins]  inner, outer, top, bottom (mm)
 *   [type]     base_size, leading (pt)
 */
#ifndef LIGHTBOOK_LAYOUT_H
#define LIGHTBOOK_LAYOUT_H

#include "diag.h"

struct layout {
	double page_width, page_height;
	double margin_inner, margin_outer, margin_top, margin_bottom;
	double base_size;    /* body text size */
	double leading;      /* baseline-to-baseline distance of body text */
};

/* Reads path into *layout, starting from the A5 defaults so that a file
 * may give only what it changes. Unknown sections or keys, values that
 * are not numbers, and margins that leave no room for text are errors
 * (FILE:LINE). Returns STATUS_IO if the file cannot be read, else
 * STATUS_OK (ask diag_has_errors). */
enum status layout_read(struct layout *layout, const char *path,
			struct diag_list *diags);

#endif
