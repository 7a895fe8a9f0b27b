/* bundled_fonts.h - the bundled fonts (fonts/), opened once for a group
 * of tests that measure or draw text:
 *
 *     return cmocka_run_group_tests(tests, open_fonts, close_fonts);
 *
 * Header-only (static), since the Makefile builds each test from its one
 * .c file. Include it after <cmocka.h>. */
#ifndef LIGHTBOOK_TEST_BUNDLED_FONTS_H
#define LIGHTBOOK_TEST_BUNDLED_FONTS_H

#include "diag.h"
#include "font.h"

static struct fontset *fonts;

static int open_fonts(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	enum status st = fontset_open(&fonts, "fonts", &diags);
	diag_list_free(&diags);
	return st == STATUS_OK ? 0 : -1;
}

static int close_fonts(void **state)
{
	(void)state;
	fontset_free(fonts);
	return 0;
}

#endif
