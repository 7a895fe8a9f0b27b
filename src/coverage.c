/* coverage.c - a warning for every character no bundled font has. */
#include "coverage.h"
#include "mem.h"
#include "text.h"
#include "typeset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct coverage {
	struct fontset *fonts;
	struct diag_list *diags;
	uint8_t *seen;            /* one bit per code point already reported */
	uint8_t *drawable;        /* one bit per code point found drawable: the
				     fonts are asked once per character */
};

/* Printable ASCII: every Latin face has it, and NFC leaves it alone. */
static bool is_plain_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7F)
			return false;
	return true;
}

static void check_field(struct coverage *c, const struct field *f)
{
	if (!f->text || is_plain_ascii(f->text))
		return;
	char *nfc = text_nfc(f->text);
	const char *s = nfc ? nfc : f->text;
	for (int32_t cp; (cp = text_next_char(&s)) >= 0; ) {
		uint32_t u = (uint32_t)cp;
		uint8_t bit = (uint8_t)(1u << (u & 7));
		if ((u >= 0x20 && u < 0x7F) || (c->seen[u >> 3] & bit) ||
		    (c->drawable[u >> 3] & bit))
			continue;
		if (typeset_can_draw(c->fonts, u)) {
			c->drawable[u >> 3] |= bit;
			continue;
		}
		c->seen[u >> 3] |= bit;
		diag_warning(c->diags, f->at,
			     "character U+%04X is in none of the bundled fonts; "
			     "it is drawn as a placeholder (U+FFFD)", (unsigned)u);
	}
	free(nfc);
}

void coverage_check(const struct catalog *cat, struct fontset *fonts,
		    struct diag_list *diags)
{
	struct coverage c = {.fonts = fonts, .diags = diags,
			     .seen = xcalloc(0x110000 / 8, 1),
			     .drawable = xcalloc(0x110000 / 8, 1)};
	const struct edition *e = &cat->edition;
	const struct field *edition_fields[] = {
		&e->title, &e->title_he, &e->title_ar, &e->subtitle, &e->subtitle_he,
		&e->subtitle_ar, &e->label, &e->label_he, &e->label_ar, &e->publisher,
		&e->publisher_he, &e->publisher_ar, &e->colophon, &e->colophon_he,
		&e->colophon_ar, &e->foreword_text[0], &e->foreword_text[1],
		&e->foreword_text[2],
	};
	for (size_t i = 0; i < sizeof edition_fields / sizeof *edition_fields; i++)
		check_field(&c, edition_fields[i]);
	for (size_t i = 0; i < cat->sector_count; i++) {
		const struct sector *s = &cat->sectors[i];
		const struct field *fields[] = {
			&s->name, &s->name_he, &s->name_ar, &s->intro, &s->intro_he, &s->intro_ar,
		};
		for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
			check_field(&c, fields[k]);
	}
	for (size_t i = 0; i < cat->initiative_count; i++) {
		const struct initiative *in = &cat->initiatives[i];
		const struct field *fields[] = {
			&in->name, &in->name_he, &in->name_ar, &in->summary, &in->summary_he,
			&in->summary_ar, &in->location, &in->location_he, &in->location_ar,
			&in->region, &in->region_he, &in->region_ar, &in->partners, &in->url,
			&in->quote, &in->quote_he, &in->quote_ar, &in->quote_by,
			&in->quote_by_he, &in->quote_by_ar,
		};
		for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
			check_field(&c, fields[k]);
	}
	free(c.seen);
	free(c.drawable);
}
