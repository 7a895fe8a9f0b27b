/* pdf.h - the PDF writer: draws a finished document with libharu.
 *
 * It walks the page model and translates each item; it measures nothing
 * and decides nothing about layout. Fonts are the bundled TrueType faces,
 * embedded, with UTF-8 text mapped to glyphs through each font's cmap (so
 * Arabic arrives already shaped and every run already in visual order). */
#ifndef LIGHTBOOK_PDF_H
#define LIGHTBOOK_PDF_H

#include "diag.h"
#include "font.h"
#include "page.h"

#include <stdbool.h>
#include <stddef.h>

/* Takes the PDF file's bytes, in order, as they are made; returns false
 * when it cannot. */
typedef bool (*pdf_sink)(void *user, const void *bytes, size_t len);

/* Renders doc into sink, freeing each page's items as soon as the page is
 * drawn (libharu holds the whole file until it saves; the page model need
 * not as well): afterwards doc has its pages' sizes, labels, outline and
 * destinations, and empty pages. libharu's errors become a diagnostic and
 * STATUS_IO; a sink that fails stops the writer with STATUS_IO and no
 * diagnostic (the sink's owner knows the reason). */
enum status pdf_render(struct document *doc, const struct fontset *fonts,
		       pdf_sink sink, void *user, struct diag_list *diags);

#endif
