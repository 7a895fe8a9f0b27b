/* chart.h - the booklet's statistics charts, drawn with cairo.
 *
 * A chart is first a description (struct chart: what is counted, one
 * entry per bar, column or segment), built from the figures of stats.h.
 * chart_layout then draws it at a given width into a figure: a page of
 * its own (page.h) whose items are positioned from its top-left corner.
 * The shapes are outlines built by cairo (bars, arcs, axes), copied out
 * as path items; the labels are glyph runs set by the typesetter, so that
 * Hebrew and Arabic are shaped and ordered like the body text and the
 * booklet's charts carry real, copyable text. Paginate copies a figure
 * onto the page; chart_write_files replays the same figure onto cairo's
 * SVG and PNG surfaces for the web. */
#ifndef LIGHTBOOK_CHART_H
#define LIGHTBOOK_CHART_H

#include "catalog.h"
#include "diag.h"
#include "font.h"
#include "page.h"
#include "stats.h"
#include "translations.h"

#include <stdbool.h>
#include <stddef.h>

enum chart_kind {
	CHART_KEY_FIGURES,   /* the overview's numbers, one per row */
	CHART_SECTORS,       /* initiatives per sector: horizontal bars */
	CHART_PEOPLE,        /* people reached per sector: horizontal bars */
	CHART_FOUNDED,       /* initiatives by year founded: columns on a year axis */
	CHART_REGIONS,       /* initiatives by region: a donut with a legend */
	CHART_SECTOR_SHARE,  /* one sector among the others: a strip */
};

struct chart_entry {
	char *label;         /* owned */
	long long value;
	bool known;          /* false: nothing reported, so no bar (not a zero) */
	struct rgb color;
};

struct chart {
	enum chart_kind kind;
	char *title;         /* owned */
	char *caption;       /* owned; "" when there is nothing to add */
	char *empty;         /* owned; said instead of an empty chart, or NULL */
	struct chart_entry *entries;
	size_t count;
	size_t highlight;    /* CHART_SECTOR_SHARE: the sector's entry */
	bool right_to_left;  /* drawn mirrored, for a Hebrew or Arabic edition */
	enum lang lang;      /* the edition's: the chart's words */
	bool arabic_digits;  /* set by the caller: the layout's arabic_indic_digits
				in the Arabic edition (typeset.h) */
};

/* Describes a chart of st (computed from cat). sector is the catalog's
 * sector for CHART_SECTOR_SHARE and ignored otherwise. */
struct chart *chart_make(enum chart_kind kind, const struct catalog *cat,
			 const struct stats *st, size_t sector);
void chart_free(struct chart *chart);

/* Draws chart into *figure (the caller frees it with figure_free), width
 * points wide, its type sized from base_size; plot_height is the height
 * of a column chart's plot and the donut's largest diameter (the layout's
 * chart height). figure->height is the height used; a chart that would be
 * taller than max_height is set smaller until it fits (or its type
 * reaches a floor). A right-to-left chart is drawn, then mirrored: names
 * on the right, bars growing leftwards, the donut counter-clockwise, the
 * text itself unmirrored. */
void chart_layout(const struct chart *chart, struct fontset *fonts,
		  double base_size, double width, double plot_height,
		  double max_height, struct page *figure);
void figure_free(struct page *figure);

/* Writes the four statistics charts of st into dir (created if missing)
 * as NAME.svg, the figure with a margin of 6 points, and NAME.png, twice
 * the SVG's size in points as pixels: sectors, people, founded, regions. Returns STATUS_IO with a
 * diagnostic when a file cannot be written. */
enum status chart_write_files(const struct catalog *cat, const struct stats *st,
			      struct fontset *fonts, double base_size, double width,
			      double plot_height, double max_height, const char *dir,
			      struct diag_list *diags);

/* The step between an axis' ticks for values up to max: 1, 2 or 5 times a
 * power of ten, whole numbers only, giving at most five steps. */
long long chart_tick_step(long long max);
/* WCAG 2 contrast ratio of two colors (1 to 21). */
double chart_contrast(struct rgb a, struct rgb b);
/* White or black, whichever contrasts more with fill. */
struct rgb chart_text_color(struct rgb fill);

#endif
