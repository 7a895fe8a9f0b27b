/* compose.h - the booklet's structure as a list of blocks.
 *
 * compose decides what the booklet says and in which order: cover,
 * contents, an overview ("At a glance": key figures and charts), one
 * chapter per sector with its initiatives, index, back cover. It produces
 * blocks (paragraphs with a style, rules, page breaks, chapter openings,
 * contents and index entries, vertical fills, charts) and no coordinates:
 * where things land is paginate's business. The figures and charts are
 * computed from the catalog compose is given.
 *
 * Contents and index entries point at anchors: blocks whose page paginate
 * records (a chapter opening, an initiative's name, its partners). An
 * anchor may also be a named destination of the PDF. */
#ifndef LIGHTBOOK_COMPOSE_H
#define LIGHTBOOK_COMPOSE_H

#include "catalog.h"
#include "chart.h"
#include "layout.h"
#include "page.h"
#include "translations.h"
#include "typeset.h"

#include <stdbool.h>
#include <stddef.h>

enum block_kind {
	BLOCK_TEXT,          /* a paragraph of one style */
	BLOCK_RULE,          /* a thin line across the measure */
	BLOCK_COLOR_BAR,     /* the measure cut into equal bands, one per color */
	BLOCK_PAGE_BREAK,    /* what follows starts a new page */
	BLOCK_CHAPTER,       /* a chapter opens: new right-hand page, band, outline */
	BLOCK_CONTENTS_ENTRY,/* title ... page number of its target, as a link */
	BLOCK_INDEX_ENTRY,   /* a term and the page numbers of its targets, as links */
	BLOCK_FILL,          /* stretchable space: fills share what the page has left */
	BLOCK_BACK_COVER,    /* the last page opens, after any blank pages the
				layout's page count multiple asks for */
	BLOCK_CHART,         /* a figure across the measure, never split */
};

/* Where a color bar goes: in the flow, or against the page's top or
 * bottom edge, across the whole page and into the bleed. */
enum page_edge {
	EDGE_NONE,
	EDGE_TOP,
	EDGE_BOTTOM,
};

/* What a page shows around its text. */
enum page_style {
	PAGE_PLAIN,          /* folio, no running head (front matter) */
	PAGE_BARE,           /* neither (the cover) */
	PAGE_BODY,           /* running head with the chapter's name, and folio */
};

/* Its fields are ordered so that no padding is left between them: a large
 * booklet keeps hundreds of thousands of blocks until it is paginated. */
struct block {
	enum block_kind kind;
	enum numbering numbering;   /* if restart_numbering: the new pages' style */
	const char *text;        /* BLOCK_TEXT, BLOCK_CHAPTER (its title),
				    BLOCK_CONTENTS_ENTRY (the entry): the
				    catalog's, a translation, or one of the
				    booklet's texts; not copied */
	struct text_style style;
	struct rgb color;
	enum direction dir;
	enum align align;
	double indent;           /* points taken off both sides of the measure;
				    a contents entry's title starts there */
	double leading;          /* baseline to baseline */
	double space_before, space_after;
	bool keep_with_next;     /* never the last thing on a page */
	bool full_width;         /* spans the page, not one of the layout's columns */
	int columns;             /* if not 0: flows in this many columns (fewer
				    when the measure is too narrow), whatever
				    the layout's */
	bool bookmark;           /* BLOCK_TEXT: listed in the outline under its chapter */
	bool bookmark_top_level; /* if bookmark: at the outline's top level, beside
				    the chapters (the foreword) */
	bool anchored;           /* paginate records where this block lands */
	bool restart_numbering;  /* BLOCK_PAGE_BREAK, BLOCK_CHAPTER: the new page is
				    number 1 in style numbering */
	enum page_edge edge;     /* BLOCK_COLOR_BAR: where it goes */
	const char *badge;       /* BLOCK_TEXT: a word set in a colored box after its
				    last line ("New"), or NULL; not owned */
	struct rgb badge_color;
	const char *uri;         /* BLOCK_TEXT: its lines link here (the catalog's
				    text), or NULL */
	size_t anchor;           /* if anchored: its number, < booklet.anchor_count */
	char *destination;       /* if anchored: its PDF name ("chapter.water"),
				    or NULL; owned */
	int level;               /* BLOCK_CONTENTS_ENTRY: 0 chapter, 1 initiative */
	enum page_style page_style; /* BLOCK_PAGE_BREAK, BLOCK_CHAPTER: of the new page */
	/* What only some kinds of blocks have shares one place: only blocks
	 * of the kind named use (and free) it. */
	union {
		struct {
			size_t *targets;    /* BLOCK_CONTENTS_ENTRY (one), BLOCK_INDEX_ENTRY:
					       the anchors it points at; owned */
			size_t target_count, target_cap;
		};
		struct {
			struct rgb *colors; /* BLOCK_COLOR_BAR: its bands, left to right; owned */
			size_t color_count;
		};
		struct chart *chart;        /* BLOCK_CHART: what it shows; owned */
	};
};

struct booklet {
	struct block *blocks;
	size_t count, cap;
	size_t chapter_count;
	size_t anchor_count;
	const char *list_comma;    /* between an index entry's page numbers: the
				      language's comma; static */
	enum lang lang;            /* the edition's language (edition.ini's lang) */
	bool right_to_left;        /* pages designed from the right, bound on the right */
	bool arabic_digits;        /* the Arabic edition with arabic_indic_digits:
				      every block's style says so */
	/* Texts the edition's language lacks, set in English instead: how
	 * many, and the first of them (for main's one warning). */
	size_t untranslated;
	struct span first_untranslated;
	/* The blocks' texts that neither the catalog nor the translations
	 * hold: lines compose writes (a meta line, an index term), a cell's
	 * paragraphs when it has several, and those English texts in a
	 * right-to-left booklet, each in a first strong isolate (U+2068 ...
	 * U+2069) so that it reads left to right with its punctuation at its
	 * own end; owned. */
	char **texts;
	size_t text_count, text_cap;
	/* A handout's (--sector) sectors named on its cover, and its title;
	 * owned, NULL for the whole booklet. */
	char *handout_sectors;
	char *handout_title;
	/* For the running heads and metadata; from the catalog, or the
	 * handout_title. */
	const char *title;
	const char *publisher;
	const char *subtitle;
	const char *date;
};

/* Composes the whole booklet from a checked catalog, in the language of
 * its edition.lang: fixed words from the translations table, names and
 * texts from the _he/_ar fields (the English one where those are empty). */
void compose_booklet(const struct catalog *cat, const struct layout *layout,
		     struct booklet *out);
void booklet_free(struct booklet *booklet);

#endif
