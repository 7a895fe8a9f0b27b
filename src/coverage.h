/* coverage.h - characters of the input that no bundled font can draw.
 *
 * typeset draws such a character as a placeholder (U+FFFD); this check
 * makes sure the editor hears of it, once per character, at the first
 * cell where it appears. */
#ifndef LIGHTBOOK_COVERAGE_H
#define LIGHTBOOK_COVERAGE_H

#include "catalog.h"
#include "diag.h"
#include "font.h"

/* Adds a warning for each distinct character of the catalog's text (NFC,
 * as typeset sees it) that typeset_can_draw refuses, at the position of
 * the first field that holds it. */
void coverage_check(const struct catalog *cat, struct fontset *fonts,
		    struct diag_list *diags);

#endif
