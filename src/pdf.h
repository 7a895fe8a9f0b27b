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
#include "mem.h"
#include "page.h"

/* Renders doc into *out (the PDF file's bytes). libharu's errors become a
 * diagnostic and STATUS_IO. */
enum status pdf_render(const struct document *doc, const struct fontset *fonts,
		       struct buffer *out, struct diag_list *diags);

#endif
