/* sample.h - the sample edition laid out into a page model, for the unit
 * tests that assert on where things land (test_paginate, test_rtl_pages).
 *
 * Header-only (static), since the Makefile builds each test from its one
 * .c file. Include it after <cmocka.h>. */
#ifndef LIGHTBOOK_TEST_SAMPLE_H
#define LIGHTBOOK_TEST_SAMPLE_H

#include "catalog.h"
#include "check.h"
#include "compose.h"
#include "font.h"
#include "layout.h"
#include "mem.h"
#include "page.h"
#include "paginate.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Reads, checks and lays out data/ in lang ("en", "he" or "ar") with the
 * A5 booklet layout into the caller's variables; returns 0, or -1 when an
 * input does not read. sample_free releases them. */
static inline int sample_lay_out(struct catalog *cat, struct layout *layout,
				 struct fontset **fonts, struct document *doc,
				 const char *lang)
{
	struct diag_list diags = {0};
	if (catalog_read(cat, "data/initiatives.csv", "data/sectors.csv",
			 "data/edition.ini", &diags) != STATUS_OK ||
	    layout_read(layout, "layouts/a5-booklet.ini", &diags) != STATUS_OK ||
	    check_catalog(cat, &diags) != STATUS_OK ||
	    fontset_open(fonts, "fonts", &diags) != STATUS_OK)
		return -1;
	diag_list_free(&diags);
	free(cat->edition.lang.text);
	cat->edition.lang.text = xstrdup(lang);
	struct booklet booklet;
	compose_booklet(cat, layout, &booklet);
	paginate_booklet(&booklet, layout, *fonts, doc);
	booklet_free(&booklet);
	return 0;
}

/* The foreword's named destination in doc, or NULL when it has none. */
static inline const struct destination *sample_foreword(const struct document *doc)
{
	for (size_t i = 0; i < doc->destination_count; i++)
		if (strcmp(doc->destinations[i].name, "foreword") == 0)
			return &doc->destinations[i];
	return NULL;
}

/* True when e is the foreword's outline entry: at the top level, beside
 * the chapters, and going where its named destination goes. */
static inline bool sample_is_foreword(const struct document *doc,
				      const struct outline_entry *e)
{
	const struct destination *d = sample_foreword(doc);
	return d && e->level == 0 && e->page == d->page && e->y == d->y;
}

static inline void sample_free(struct catalog *cat, struct fontset *fonts,
			       struct document *doc)
{
	document_free(doc);
	fontset_free(fonts);
	catalog_free(cat);
}

#endif
