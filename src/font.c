/* font.c - FreeType-backed glyph metrics for the bundled faces.
 *
 * Metrics are looked up per code point many times per paragraph, so each
 * face caches them in pages of 256 code points, filled on first use.
 * Kerning comes from the faces' kern tables (fonts/prepare.py writes the
 * Latin faces' GPOS pair kerning there; FreeType does not read GPOS). */
#include "font.h"
#include "mem.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include <stdlib.h>
#include <string.h>

static const char *const face_files[FACE_COUNT] = {
	[FACE_SERIF] = "NotoSerif-Regular.ttf",
	[FACE_SERIF_ITALIC] = "NotoSerif-Italic.ttf",
	[FACE_SERIF_BOLD] = "NotoSerif-Bold.ttf",
	[FACE_SANS] = "NotoSans-Regular.ttf",
	[FACE_SANS_BOLD] = "NotoSans-Bold.ttf",
	[FACE_HEBREW_SERIF] = "NotoSerifHebrew-Regular.ttf",
	[FACE_HEBREW_SERIF_BOLD] = "NotoSerifHebrew-Bold.ttf",
	[FACE_HEBREW_SANS] = "NotoSansHebrew-Regular.ttf",
	[FACE_HEBREW_SANS_BOLD] = "NotoSansHebrew-Bold.ttf",
	[FACE_ARABIC] = "NotoNaskhArabic-Regular.ttf",
	[FACE_ARABIC_BOLD] = "NotoNaskhArabic-Bold.ttf",
};

/* Cached metrics of one code point; advance < 0 means "not looked up". */
struct metric {
	int16_t advance;   /* 1/1000 em */
	bool has_glyph;
	uint32_t glyph;    /* the cmap's glyph index, 0 for none */
};

enum { PAGE_BITS = 8, PAGE_SIZE = 1 << PAGE_BITS, PAGE_COUNT = 0x110000 >> PAGE_BITS };

/* A pair's kerning as looked up once: key is (left glyph << 16 | right
 * glyph) + 1, so that 0 marks an empty slot. */
struct kern_slot {
	uint32_t key;
	int16_t value;   /* 1/1000 em */
};

struct loaded_face {
	char *path;
	FT_Face ft;
	struct metric *pages[PAGE_COUNT];
	struct kern_slot *kerns;   /* open addressing; a power of two long */
	size_t kern_count, kern_cap;
	int16_t *ascii_kerns;      /* ASCII pairs (left * 128 + right) as the
				      above gave them, UNKNOWN_KERNING before */
};

/* Most pairs of an English booklet are ASCII: those are kept where one
 * index finds them. */
enum { ASCII = 128, UNKNOWN_KERNING = INT16_MIN };

struct fontset {
	FT_Library library;
	struct loaded_face faces[FACE_COUNT];
};

enum status fontset_open(struct fontset **out, const char *dir,
			 struct diag_list *diags)
{
	struct fontset *fonts = xcalloc(1, sizeof *fonts);
	*out = fonts;
	if (FT_Init_FreeType(&fonts->library)) {
		diag_error(diags, ((struct span){0}), "cannot initialise FreeType");
		return STATUS_IO;
	}
	for (int f = 0; f < FACE_COUNT; f++) {
		struct loaded_face *lf = &fonts->faces[f];
		struct buffer path = {0};
		buffer_printf(&path, "%s/%s", dir, face_files[f]);
		lf->path = buffer_take(&path);
		if (FT_New_Face(fonts->library, lf->path, 0, &lf->ft)) {
			lf->ft = NULL;
			diag_error(diags, ((struct span){.file = lf->path}),
				   "cannot load font (run 'make fonts' or pass --fonts DIR)");
			return STATUS_IO;
		}
	}
	return STATUS_OK;
}

void fontset_free(struct fontset *fonts)
{
	if (!fonts)
		return;
	for (int f = 0; f < FACE_COUNT; f++) {
		struct loaded_face *lf = &fonts->faces[f];
		for (int p = 0; p < PAGE_COUNT; p++)
			free(lf->pages[p]);
		free(lf->kerns);
		free(lf->ascii_kerns);
		if (lf->ft)
			FT_Done_Face(lf->ft);
		free(lf->path);
	}
	if (fonts->library)
		FT_Done_FreeType(fonts->library);
	free(fonts);
}

const char *fontset_path(const struct fontset *fonts, enum face face)
{
	return fonts->faces[face].path;
}

/* Looks cp up in FreeType and fills its cached metrics. */
static const struct metric *look_up_first(struct loaded_face *lf, uint32_t cp)
{
	static const struct metric none = {0, false, 0};
	if (cp >= 0x110000)
		return &none;
	struct metric **page = &lf->pages[cp >> PAGE_BITS];
	if (!*page) {
		*page = xmalloc(PAGE_SIZE * sizeof **page);
		for (int i = 0; i < PAGE_SIZE; i++)
			(*page)[i].advance = -1;
	}
	struct metric *m = &(*page)[cp & (PAGE_SIZE - 1)];
	if (m->advance < 0) {
		FT_UInt gid = FT_Get_Char_Index(lf->ft, cp);
		FT_Fixed adv = 0;
		/* libharu maps characters to glyphs through the cmap too, and
		 * shows .notdef (gid 0) for a character the font lacks. */
		FT_Get_Advance(lf->ft, gid, FT_LOAD_NO_SCALE, &adv);
		m->advance = (int16_t)((long)adv * 1000 / lf->ft->units_per_EM);
		m->has_glyph = gid != 0;
		m->glyph = gid;
	}
	return m;
}

/* The cached metrics of cp: a few instructions once it was looked up. */
static inline const struct metric *lookup(struct fontset *fonts, enum face face,
					  uint32_t cp)
{
	struct loaded_face *lf = &fonts->faces[face];
	const struct metric *page = cp < 0x110000 ? lf->pages[cp >> PAGE_BITS] : NULL;
	if (page && page[cp & (PAGE_SIZE - 1)].advance >= 0)
		return &page[cp & (PAGE_SIZE - 1)];
	return look_up_first(lf, cp);
}

int font_advance(struct fontset *fonts, enum face face, uint32_t cp)
{
	return lookup(fonts, face, cp)->advance;
}

static int kerning_from_freetype(FT_Face ft, uint32_t a, uint32_t b)
{
	FT_Vector kern;
	if (FT_Get_Kerning(ft, a, b, FT_KERNING_UNSCALED, &kern))
		return 0;
	long units = (long)kern.x * 1000;
	long em = ft->units_per_EM;
	return (int)(units >= 0 ? (units + em / 2) / em : -((-units + em / 2) / em));
}

static struct kern_slot *kern_slot(struct kern_slot *slots, size_t cap, uint32_t key)
{
	/* Mixed so that the slot depends on both glyphs, not only on the low
	 * bits of the right one (pairs ending in one letter piled up). */
	uint64_t h = key * 0x9E3779B97F4A7C15u;
	size_t i = (size_t)(h ^ h >> 32) & (cap - 1);
	while (slots[i].key && slots[i].key != key)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

/* Kerning pairs are asked for hundreds of thousands of times in a large
 * booklet; each is looked up in FreeType once and then kept. */
static int kerning_of_glyphs(struct fontset *fonts, enum face face, uint32_t left,
			     uint32_t right)
{
	struct loaded_face *lf = &fonts->faces[face];
	uint32_t a = lookup(fonts, face, left)->glyph, b = lookup(fonts, face, right)->glyph;
	if (!a || !b || a > 0xFFFF || b > 0xFFFE)
		return 0;
	uint32_t key = (a << 16 | b) + 1;
	if (lf->kern_cap) {
		const struct kern_slot *kept = kern_slot(lf->kerns, lf->kern_cap, key);
		if (kept->key == key)
			return kept->value;
	}
	if (2 * (lf->kern_count + 1) > lf->kern_cap) {
		size_t cap = lf->kern_cap ? 2 * lf->kern_cap : 1024;
		struct kern_slot *slots = xcalloc(cap, sizeof *slots);
		for (size_t i = 0; i < lf->kern_cap; i++)
			if (lf->kerns[i].key)
				*kern_slot(slots, cap, lf->kerns[i].key) = lf->kerns[i];
		free(lf->kerns);
		lf->kerns = slots;
		lf->kern_cap = cap;
	}
	int value = kerning_from_freetype(lf->ft, a, b);
	*kern_slot(lf->kerns, lf->kern_cap, key) = (struct kern_slot){key, (int16_t)value};
	lf->kern_count++;
	return value;
}

int font_kerning(struct fontset *fonts, enum face face, uint32_t left, uint32_t right)
{
	struct loaded_face *lf = &fonts->faces[face];
	if (!FT_HAS_KERNING(lf->ft))
		return 0;
	if (left >= ASCII || right >= ASCII)
		return kerning_of_glyphs(fonts, face, left, right);
	if (!lf->ascii_kerns) {
		lf->ascii_kerns = xmalloc(ASCII * ASCII * sizeof *lf->ascii_kerns);
		for (size_t i = 0; i < ASCII * ASCII; i++)
			lf->ascii_kerns[i] = UNKNOWN_KERNING;
	}
	int16_t *kept = &lf->ascii_kerns[left * ASCII + right];
	if (*kept != UNKNOWN_KERNING)
		return *kept;
	int value = kerning_of_glyphs(fonts, face, left, right);
	*kept = (int16_t)value;
	return value;
}

bool font_has_glyph(struct fontset *fonts, enum face face, uint32_t cp)
{
	return lookup(fonts, face, cp)->has_glyph;
}
