/* page.h - the page model: finished pages of positioned items.
 *
 * This is the seam between layout and drawing. Paginate fills it; the PDF
 * writer (and anything else that draws) only walks it and makes no layout
 * decision. Coordinates are PostScript points with the origin at the top
 * left of the page and y growing downwards; a glyph run's y is its
 * baseline. Tests can assert on it directly, or on page_dump's text.
 *
 * Ownership: a document owns its pages, items and strings. */
#ifndef LIGHTBOOK_PAGE_H
#define LIGHTBOOK_PAGE_H

#include "font.h"
#include "mem.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rgb {
	double r, g, b;   /* 0..1 */
};

enum item_kind {
	ITEM_GLYPHS,     /* a run of one face in one direction */
	ITEM_RECT,       /* a filled rectangle */
	ITEM_RULE,       /* a stroked straight line */
	ITEM_LINK_URI,   /* a clickable area that opens a web address */
	ITEM_LINK_PAGE,  /* a clickable area that goes to another page */
	ITEM_PATH,       /* a filled and/or stroked outline (a chart's shapes) */
};

struct glyph_run {
	enum face face;
	double size;
	double x, y;        /* left end of the baseline */
	double width;       /* advance of the whole run */
	struct rgb color;
	char *text;         /* UTF-8, the glyphs' characters in visual order */
	uint16_t *adjust;   /* NULL, or per character of text: points added to
			       its advance (kerning, stretched word spaces),
			       so that a run is drawn with one operation; in
			       half precision (half.h), in text's allocation
			       (see run_text_copy) */
};

struct rect {
	double x, y, width, height;   /* y is the top edge */
	struct rgb color;
};

struct rule {
	double x1, y1, x2, y2;
	double thickness;
	struct rgb color;
	bool registration;  /* printed on every plate (a crop mark): in the
			       registration colour, not in color */
};

enum path_op_kind { PATH_MOVE, PATH_LINE, PATH_CURVE, PATH_CLOSE };

/* One segment of an outline: MOVE and LINE use point 0, CURVE (a cubic
 * Bezier) the control points 0 and 1 and the end point 2. */
struct path_op {
	enum path_op_kind kind;
	double x[3], y[3];
};

/* An outline built by cairo (arcs already turned into curves), filled
 * first, then stroked, as PDF's B operator does. */
struct path {
	struct path_op *ops;
	size_t op_count;
	bool fill, stroke;
	struct rgb fill_color, stroke_color;
	double line_width;
};

struct link {
	double x, y, width, height;   /* the clickable area; y is the top */
	char *uri;                    /* ITEM_LINK_URI */
	size_t target_page;           /* ITEM_LINK_PAGE: index into pages */
	double target_y;              /* ITEM_LINK_PAGE: top of the view */
};

struct item {
	enum item_kind kind;
	union {
		struct glyph_run glyphs;
		struct rect rect;
		struct rule rule;
		struct link link;
		struct path path;
	} u;
};

/* A rectangle of the page; y is its top edge. */
struct box {
	double x, y, width, height;
};

struct page {
	double width, height;   /* the whole sheet (the PDF's MediaBox) */
	/* For a print shop: the page once cut (TrimBox) and how far the
	 * printing may run beyond it (BleedBox). page_new makes both the
	 * whole page; then the PDF needs neither. */
	struct box trim, bleed;
	struct item *items;
	size_t item_count, item_cap;
	char *label;        /* its number as the folio prints it and the PDF's page
			       labels show it ("iii", "12"), also on a page
			       that prints no folio (the cover, a blank verso) */
};

/* An entry of the PDF outline (bookmarks). */
struct outline_entry {
	char *title;
	int level;          /* 0 = chapter */
	size_t page;        /* index into pages */
	double y;           /* top of the view */
};

/* How well the paragraphs were set, for --debug-layout. */
struct layout_quality {
	size_t justified_lines;     /* stretched or shrunk to the measure */
	double worst_space_ratio;   /* widest word space / its natural width */
	size_t over_twice;          /* justified lines with spaces past 2x */
	size_t hyphenated_lines;
};

/* A place readers and other documents can reach by name
 * ("chapter.agriculture"): the PDF's named destinations. */
struct destination {
	char *name;
	size_t page;        /* index into pages */
	double y;           /* top of the view */
};

enum numbering {
	NUMBERING_ROMAN,    /* i, ii, iii, ... (front matter) */
	NUMBERING_ARABIC,   /* 1, 2, 3, ... */
	NUMBERING_HEBREW,   /* א, ב, ג, ... (a Hebrew book's front matter) */
	NUMBERING_ABJAD,    /* أ، ب، ج، ... (an Arabic book's: abjad order) */
};

/* From its first page on, pages are numbered in one style, from 1. */
struct numbering_range {
	size_t first_page;  /* index into pages */
	enum numbering style;
};

struct document {
	struct page *pages;
	size_t page_count, page_cap;
	struct outline_entry *outline;
	size_t outline_count, outline_cap;
	struct destination *destinations;   /* in the order they were added */
	size_t destination_count, destination_cap;
	struct numbering_range *numbering;  /* by first page; the first starts at 0 */
	size_t numbering_count, numbering_cap;
	bool facing_pages;  /* left and right pages form spreads (a booklet) */
	bool right_to_left; /* a Hebrew or Arabic booklet: bound on the right, so a
			       recto (odd page) is the left page of its spread
			       and spreads read from right to left */
	struct layout_quality quality;
	/* Document information, owned (the catalog it comes from is freed
	 * before the document is drawn); each may be NULL. */
	char *title, *author, *subject, *date;
};

/* Appends a blank page and returns it; the pointer is valid until the
 * next page_new on the same document. */
struct page *page_new(struct document *doc, double width, double height);
/* Appends an item; the page takes ownership of its strings. */
void page_add(struct page *page, struct item item);
/* A deep copy of an item: its strings are its own. */
struct item item_copy(const struct item *item);
/* Moves an item (its own position; a link's target stays). */
void item_move(struct item *item, double dx, double dy);
/* Frees what an item owns. */
void item_free(struct item *item);
/* A copy of a run's text and of its adjustments (one per character of
 * text, or NULL), in one allocation as glyph runs hold them: the copy of
 * adjust goes to *adjust_out, and freeing the text frees both. */
char *run_text_copy(const char *text, const uint16_t *adjust, uint16_t **adjust_out);
/* Sets the document information to copies of the texts (any may be NULL). */
void document_set_info(struct document *doc, const char *title, const char *author,
		       const char *subject, const char *date);
void document_add_outline(struct document *doc, const char *title, int level,
			  size_t page, double y);
void document_add_destination(struct document *doc, const char *name, size_t page,
			      double y);
/* Numbers pages from first_page on in style, starting again at 1. */
void document_start_numbering(struct document *doc, size_t first_page,
			      enum numbering style);
/* The label of page index by the numbering ranges ("iv", "12"); a new
 * string. Pages before the first range count from the first page. */
char *document_page_label(const struct document *doc, size_t index);
/* Gives back what a page's item array grew beyond its items: a finished
 * page is kept until it is drawn, and large books have many. */
void page_trim(struct page *page);
/* page_trim on every page. */
void document_trim(struct document *doc);
/* Frees what the page shows, keeping its size, boxes and label: once a
 * page is drawn its items are the largest part of the page model. */
void page_free_items(struct page *page);
void document_free(struct document *doc);

/* Writes a line-per-item text form of the document, for tests and for
 * --dump-pages: "page 3 glyphs face=serif size=9.5 x=56.7 y=120.3 w=80.2 |text|". */
void page_dump(const struct document *doc, struct buffer *out);

#endif
