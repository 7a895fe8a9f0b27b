/* font.h - the bundled faces and their metrics.
 *
 * Layout measures text with the same numbers the PDF will use: each
 * glyph's advance as libharu writes it in the font's /W array, i.e. the
 * hmtx advance scaled to 1/1000 em and truncated. The PDF writer loads the
 * same files (fontset_path) and never measures anything itself. */
#ifndef LIGHTBOOK_FONT_H
#define LIGHTBOOK_FONT_H

#include "diag.h"

#include <stdbool.h>
#include <stdint.h>

/* Every face lightbook uses; the order is the order of fontset_path. */
enum face {
	FACE_SERIF,
	FACE_SERIF_ITALIC,
	FACE_SERIF_BOLD,
	FACE_SANS,
	FACE_SANS_BOLD,
	FACE_HEBREW_SERIF,
	FACE_HEBREW_SERIF_BOLD,
	FACE_HEBREW_SANS,
	FACE_HEBREW_SANS_BOLD,
	FACE_ARABIC,
	FACE_ARABIC_BOLD,
	FACE_COUNT
};

struct fontset;

/* Opens every face from dir with FreeType. Returns STATUS_IO (with a
 * diagnostic naming the file) if one is missing or unreadable. */
enum status fontset_open(struct fontset **out, const char *dir,
			 struct diag_list *diags);
void fontset_free(struct fontset *fonts);

/* The file a face was loaded from; owned by the fontset. */
const char *fontset_path(const struct fontset *fonts, enum face face);

/* Advance of cp in 1/1000 em, as the PDF's /W array will say. */
int font_advance(struct fontset *fonts, enum face face, uint32_t cp);
/* Pair kerning of left followed by right in 1/1000 em (negative: closer),
 * rounded; 0 when the face does not kern the pair. */
int font_kerning(struct fontset *fonts, enum face face, uint32_t left, uint32_t right);
/* Whether the face's cmap maps cp to a glyph. */
bool font_has_glyph(struct fontset *fonts, enum face face, uint32_t cp);

#endif
