/* paginate.c - blocks into pages: the flow, keeps, running heads, folios,
 * page numbering, chapter openings, columns, contents and index page
 * numbers, named destinations and the outline. */
#include "paginate.h"
#include "mem.h"
#include "progress.h"
#include "typeset.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The page being filled. */
struct cursor {
	size_t index;            /* into doc->pages */
	enum page_style style;
	double y;                /* top of the next line box */
	bool empty;              /* nothing placed yet in this frame (page or
				    column): space_before is dropped */
	bool in_columns;         /* flowing in columns */
	int columns;             /* how many, when in_columns */
	int column;              /* which, in reading order (from the right in RTL) */
	double columns_top;      /* where the columns start on this page */
	double column_bottom;    /* if not 0: where the first column ends, to
				    balance the columns of the index's last page */
	double deepest;          /* lowest y reached by a column left behind */
	bool chapter_opening;    /* the first page of a chapter: no running head */
	size_t fill_items[8];    /* item count at each BLOCK_FILL on this page */
	size_t fill_count;
};

/* A chart's figure, as laid out once. */
struct figure {
	size_t block;
	struct page page;
};

/* Where an anchor landed. */
struct place {
	size_t page;
	double y;
	const char *label;       /* the page's label; NULL until it landed */
};

/* Where the anchors landed in one pass, and the labels of the pages they
 * landed on: one string per page, however many anchors it holds (a large
 * booklet has hundreds of thousands). */
struct places {
	struct place *of;        /* per anchor */
	char **page_labels;      /* per page; NULL where no anchor landed */
	size_t page_count;
};

struct flow {
	const struct booklet *booklet;
	const struct layout *layout;
	struct fontset *fonts;
	struct document *doc;
	struct lines **lines;           /* per block (see lines_of); BLOCK_TEXT and
					   contents titles; their arrays in the store */
	struct line_chunk *store, *store_end;   /* see store_lines */
	struct figure *figures;         /* the charts', in block order */
	size_t figure_count;
	struct places known;            /* from the previous pass */
	struct places found;            /* this pass */
	const char *chapter_title;      /* for the running head */
	size_t block;                   /* the block being placed */
	struct cursor at;
	bool started;
	/* False in the first pass, which only finds where the anchors land
	 * (for the contents and the index): it puts nothing on the pages. */
	bool drawing;
	double leader_dot, leader_pitch;   /* contents leaders: a dot's width,
					      and from one dot to the next */
	struct label *labels;           /* labels as set once, in that order */
	size_t label_count, label_cap;
	uint32_t *label_slots;          /* 1 + the index of a label, or 0 for an
					   empty slot (open addressing; a power of
					   two long, or 0): hundreds of thousands
					   of labels, so the table is small */
	size_t slot_count;
};

/* A label (a page number, a running head, a comma) as typeset once: a
 * large booklet sets the same few thousand labels hundreds of thousands
 * of times, on every page and after every index entry. */
struct label {
	char *text;
	struct text_style style;
	struct lines lines;      /* typeset_paragraph(text, style, DIR_AUTO,
				    ALIGN_START, no measure) */
};

/* A piece of the store that holds the arrays of the blocks' lines. */
struct line_chunk {
	struct line_chunk *next;
	size_t used, size;       /* bytes of data */
	size_t last_block;       /* the last block with lines in it */
	max_align_t data[];
};


static double frame_top(const struct flow *f)
{
	return f->layout->margin_top;
}

static double frame_bottom(const struct flow *f)
{
	return f->layout->page_height - f->layout->margin_bottom;
}

static double measure(const struct flow *f)
{
	return f->layout->page_width - f->layout->margin_inner - f->layout->margin_outer;
}

/* Rectos (odd folios) are right-hand pages in a book bound on the left,
 * left-hand ones in a right-to-left book bound on the right. Without
 * facing pages every page is set like a recto. */
static bool is_recto(const struct flow *f, size_t index)
{
	return !f->layout->facing || index % 2 == 0;
}

/* The page's binding is on its left: a recto of a left-to-right book, a
 * verso of a right-to-left one. */
static bool bound_on_left(const struct flow *f, size_t index)
{
	return is_recto(f, index) != f->booklet->right_to_left;
}

static double frame_left(const struct flow *f, size_t index)
{
	return bound_on_left(f, index) ? f->layout->margin_inner : f->layout->margin_outer;
}

static double column_width(const struct flow *f, int columns)
{
	return (measure(f) - f->layout->gutter * (columns - 1)) / columns;
}

/* How many columns block b flows in: the layout's, or as many as the
 * block asks for (the index) while none gets narrower than twelve ems
 * of body type. */
static int block_columns(const struct flow *f, const struct block *b)
{
	if (b->full_width)
		return 1;
	if (!b->columns)
		return f->layout->columns;
	int n = b->columns;
	while (n > 1 && column_width(f, n) < f->layout->base_size * 12)
		n--;
	return n;
}

static bool in_columns(const struct flow *f, const struct block *b)
{
	return block_columns(f, b) > 1;
}

static double block_measure(const struct flow *f, const struct block *b)
{
	return column_width(f, block_columns(f, b));
}


/* The left edge of block b on the current page: its column's. Columns
 * are read from the right in a right-to-left booklet. */
static double block_left(const struct flow *f, const struct block *b)
{
	double left = frame_left(f, f->at.index);
	if (in_columns(f, b)) {
		int column = f->booklet->right_to_left ? f->at.columns - 1 - f->at.column
						       : f->at.column;
		left += column * (block_measure(f, b) + f->layout->gutter);
	}
	return left;
}

static struct page *current(const struct flow *f)
{
	return &f->doc->pages[f->at.index];
}

/* Baseline of a line box of the given leading and type size, from its top:
 * the box's extra space is split above and below the type. */
static double baseline_offset(double leading, double size)
{
	return (leading - size) / 2 + size * 0.78;
}

/* Adds a run of a line at x, y. The page takes the run's text and
 * adjustments rather than copies: a line is drawn once, and then it is
 * spent (see flow_blocks). */
static void add_run(struct page *page, struct line_run *run, double x, double y,
		    struct rgb color)
{
	page_add(page, (struct item){.kind = ITEM_GLYPHS, .u.glyphs = {
		.face = run->face, .size = run->size, .x = x, .y = y, .width = run->width,
		.color = color, .text = run->text, .adjust = run->adjust}});
	run->text = NULL;
	run->adjust = NULL;
}

/* Adds an item to the page being filled, unless the pass draws nothing:
 * then what the item owns is freed. */
static void put(struct flow *f, struct item item)
{
	if (f->drawing)
		page_add(current(f), item);
	else
		item_free(&item);
}

/* Sets text as one line in style and color, its start at x or, when
 * flush_right, its end: running heads, folios, contents leaders and page
 * numbers. */
/* Every field of struct text_style: a label in another style is another
 * label. */
static bool same_style(const struct text_style *a, const struct text_style *b)
{
	return a->family == b->family && a->bold == b->bold && a->italic == b->italic &&
	       a->size == b->size && a->hyphenate == b->hyphenate &&
	       a->arabic_digits == b->arabic_digits;
}

static uint32_t *label_slot(const struct flow *f, uint32_t *slots, size_t cap,
			    const char *text, const struct text_style *style)
{
	uint64_t h = 14695981039346656037u;   /* FNV-1a of the text and the size */
	for (const char *c = text; *c; c++)
		h = (h ^ (unsigned char)*c) * 1099511628211u;
	h = (h ^ (uint64_t)(style->size * 64)) * 1099511628211u;
	size_t i = (size_t)(h ^ h >> 32) & (cap - 1);
	while (slots[i] && !(strcmp(f->labels[slots[i] - 1].text, text) == 0 &&
			     same_style(&f->labels[slots[i] - 1].style, style)))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

/* The lines of text set in style on one line of any length, set once;
 * the pointer is good until the next call. */
static struct lines *label_lines(struct flow *f, const char *text,
				 const struct text_style *style)
{
	if (f->slot_count) {
		uint32_t kept = *label_slot(f, f->label_slots, f->slot_count, text, style);
		if (kept)
			return &f->labels[kept - 1].lines;
	}
	if (2 * (f->label_count + 1) > f->slot_count) {
		size_t cap = f->slot_count ? 2 * f->slot_count : 256;
		uint32_t *slots = xcalloc(cap, sizeof *slots);
		for (size_t k = 0; k < f->label_count; k++)
			*label_slot(f, slots, cap, f->labels[k].text, &f->labels[k].style) =
				(uint32_t)(k + 1);
		free(f->label_slots);
		f->label_slots = slots;
		f->slot_count = cap;
	}
	uint32_t *slot = label_slot(f, f->label_slots, f->slot_count, text, style);
	grow_array((void **)&f->labels, &f->label_cap, f->label_count + 1, sizeof *f->labels);
	struct label *label = &f->labels[f->label_count++];
	*label = (struct label){.text = xstrdup(text), .style = *style};
	typeset_paragraph(f->fonts, text, style, DIR_AUTO, ALIGN_START, 1e9, &label->lines);
	*slot = (uint32_t)f->label_count;
	return &label->lines;
}

static void free_labels(struct flow *f)
{
	for (size_t k = 0; k < f->label_count; k++) {
		free(f->labels[k].text);
		lines_free(&f->labels[k].lines);
	}
	free(f->labels);
	free(f->label_slots);
}

/* typeset_width, of a label. */
static double label_width(struct flow *f, const char *text, const struct text_style *style)
{
	const struct lines *lines = label_lines(f, text, style);
	double width = 0;
	for (size_t i = 0; i < lines->count; i++)
		if (lines->items[i].width > width)
			width = lines->items[i].width;
	return width;
}

/* Puts the first of a label's lines on the page, its start at x or, when
 * flush_right, its end; the page takes the runs' texts when take (the
 * lines were set for this once), copies otherwise. */
static void put_label(struct flow *f, struct lines *lines, bool take, struct rgb color,
		      double x, double baseline, bool flush_right)
{
	if (!lines->count || !lines->items[0].run_count)
		return;
	struct line *line = &lines->items[0];
	double left = flush_right ? x - line->width : x;
	/* A right-to-left label starts at the far end of its measure:
	 * count from its first run instead. */
	double origin = line->runs[0].x;
	for (size_t r = 0; r < line->run_count; r++) {
		struct line_run *run = &line->runs[r], copy = *run;
		if (!take)
			copy.text = run_text_copy(run->text, run->adjust, &copy.adjust);
		add_run(current(f), take ? run : &copy, left + run->x - origin, baseline, color);
	}
}

static void add_label(struct flow *f, const char *text, const struct text_style *style,
		      struct rgb color, double x, double baseline, bool flush_right)
{
	if (f->drawing)
		put_label(f, label_lines(f, text, style), false, color, x, baseline,
			  flush_right);
}

/* add_label for a folio: each is set once, so it is not kept among the
 * labels (a large booklet has tens of thousands of pages). */
static void add_folio(struct flow *f, const char *text, const struct text_style *style,
		      struct rgb color, double x, double baseline, bool flush_right)
{
	if (!f->drawing)
		return;
	struct lines lines;
	typeset_paragraph(f->fonts, text, style, DIR_AUTO, ALIGN_START, 1e9, &lines);
	put_label(f, &lines, true, color, x, baseline, flush_right);
	lines_free(&lines);
}


/* Distributes what the page has left over its fills, then adds the
 * running head and the folio its style asks for. */
static void finish_page(struct flow *f)
{
	struct page *page = current(f);
	if (f->at.fill_count) {
		double share = (frame_bottom(f) - f->at.y) / (double)f->at.fill_count;
		for (size_t k = 0; k < f->at.fill_count; k++) {
			size_t end = k + 1 < f->at.fill_count ? f->at.fill_items[k + 1]
							     : page->item_count;
			for (size_t i = f->at.fill_items[k]; i < end; i++)
				item_move(&page->items[i], 0, share * (double)(k + 1));
		}
	}
	page->label = document_page_label(f->doc, f->at.index);
	if (f->at.style == PAGE_BARE)
		return;
	bool recto = is_recto(f, f->at.index);
	bool outer_is_right = bound_on_left(f, f->at.index);
	struct text_style style = {.family = FAMILY_SANS, .size = f->layout->base_size * 0.8,
				   .arabic_digits = f->booklet->arabic_digits};
	double left = frame_left(f, f->at.index);
	double right = left + measure(f);
	double outer = outer_is_right ? right : left;
	double foot = f->layout->page_height - f->layout->margin_bottom * 0.45;
	if (f->layout->folio)
		add_folio(f, page->label, &style, f->layout->furniture_color, outer, foot,
			  outer_is_right);
	if (f->at.style == PAGE_BODY && !f->at.chapter_opening && f->layout->running_head) {
		const char *head = recto ? f->chapter_title : f->booklet->title;
		double head_y = f->layout->margin_top * 0.55;
		if (head && *head)
			add_label(f, head, &style, f->layout->furniture_color, outer, head_y,
				  outer_is_right);
	}
}

static void new_page(struct flow *f, enum page_style style)
{
	if (f->started) {
		finish_page(f);
		page_trim(current(f));
	}
	f->started = true;
	page_new(f->doc, f->layout->page_width, f->layout->page_height);
	f->at = (struct cursor){.index = f->doc->page_count - 1, .style = style,
				.y = frame_top(f), .empty = true};
}

static void balance_columns(struct flow *f);

/* The foot of the frame being filled: the page's, or where a balanced
 * first column ends. */
static double frame_foot(const struct flow *f)
{
	if (f->at.column_bottom > 0 && f->at.column == 0)
		return fmin(f->at.column_bottom, frame_bottom(f));
	return frame_bottom(f);
}

/* Moves on to the next column, or after the last to a new page, where
 * the flow stays in columns if it was. */
static void next_frame(struct flow *f)
{
	if (f->at.in_columns && f->at.column + 1 < f->at.columns) {
		f->at.deepest = fmax(f->at.deepest, f->at.y);
		f->at.column++;
		f->at.y = f->at.columns_top;
		f->at.empty = true;
		return;
	}
	bool in = f->at.in_columns;
	int columns = f->at.columns;
	new_page(f, f->at.style);
	f->at.in_columns = in;
	f->at.columns = columns;
	f->at.columns_top = f->at.y;
	balance_columns(f);
}

/* Switches between the full width and the columns as block b needs:
 * columns start below what spans the page, and what spans the page
 * after columns starts below the deepest of them. */
static void enter_block(struct flow *f, const struct block *b)
{
	if (in_columns(f, b) == f->at.in_columns &&
	    (!f->at.in_columns || block_columns(f, b) == f->at.columns))
		return;
	if (f->at.in_columns) {
		f->at.y = fmax(f->at.deepest, f->at.y);
		f->at.empty = f->at.y == frame_top(f);
	} else {
		/* The columns start level, below the first block's space before:
		 * a fresh frame, which no keep leaves empty. */
		if (!f->at.empty)
			f->at.y += b->space_before;
		f->at.columns_top = f->at.y;
		f->at.deepest = f->at.y;
		f->at.empty = true;
	}
	f->at.column = 0;
	f->at.in_columns = in_columns(f, b);
	f->at.columns = block_columns(f, b);
	balance_columns(f);
}

/* Numbers pages from the current one on, if the block that opened it
 * asks for it. */
static void restart_numbering(struct flow *f, const struct block *b)
{
	if (b->restart_numbering)
		document_start_numbering(f->doc, f->at.index, b->numbering);
}

/* Notes where an anchored block landed and names the place if it has a
 * name. */
static void record_anchor(struct flow *f, const struct block *b, double y)
{
	if (!b->anchored)
		return;
	struct places *found = &f->found;
	if (f->at.index >= found->page_count) {
		size_t count = f->doc->page_count;
		found->page_labels = xrealloc(found->page_labels,
					      count * sizeof *found->page_labels);
		memset(found->page_labels + found->page_count, 0,
		       (count - found->page_count) * sizeof *found->page_labels);
		found->page_count = count;
	}
	char **label = &found->page_labels[f->at.index];
	if (!*label)
		*label = document_page_label(f->doc, f->at.index);
	found->of[b->anchor] = (struct place){.page = f->at.index, .y = y, .label = *label};
	if (b->destination)
		document_add_destination(f->doc, b->destination, f->at.index, y);
}

/* The label to print for a target: its page's, from the previous pass
 * (on the first pass, a stand-in). */
static const char *place_label(const struct place *p)
{
	return p->label ? p->label : "0";
}

static void add_space(struct flow *f, double space)
{
	if (!f->at.empty)
		f->at.y += space;
}

/* How many line boxes of this leading still fit on the page. */
static size_t room_for(const struct flow *f, double leading)
{
	double left = frame_foot(f) - f->at.y + 0.01;
	return left < leading ? 0 : (size_t)floor(left / leading);
}

static void place_line(struct flow *f, const struct block *b, struct line *line,
		       double indent)
{
	double left = block_left(f, b) + indent;
	double baseline = f->at.y + baseline_offset(b->leading, b->style.size);
	for (size_t r = 0; f->drawing && r < line->run_count; r++)
		add_run(current(f), &line->runs[r], left + line->runs[r].x, baseline,
			b->color);
	if (b->uri && line->run_count) {
		const struct line_run *first = &line->runs[0];
		put(f, (struct item){.kind = ITEM_LINK_URI, .u.link = {
			.x = left + first->x, .y = f->at.y, .width = line->width,
			.height = b->leading, .uri = xstrdup(b->uri)}});
	}
	f->at.y += b->leading;
	f->at.empty = false;
}

/* A badge's word: small bold sans, white on the badge's color. */
static struct text_style badge_style(const struct block *b)
{
	return (struct text_style){.family = FAMILY_SANS, .bold = true,
				   .size = b->style.size * 0.6,
				   .arabic_digits = b->style.arabic_digits};
}

/* The room a badge takes beside its line, the gap before it included. */
static double badge_room(struct flow *f, const struct block *b)
{
	struct text_style style = badge_style(b);
	return label_width(f, b->badge, &style) + style.size * 1.6;
}

/* Sets b's badge after the end of line (its last), which is about to be
 * placed at the cursor with indent: to the right of a left-to-right line,
 * to the left of a right-to-left one. */
static void place_badge(struct flow *f, const struct block *b, const struct line *line,
			double indent, bool rtl)
{
	if (!line->run_count)
		return;
	struct text_style style = badge_style(b);
	double pad = style.size * 0.5, gap = style.size * 0.6;
	double width = badge_room(f, b) - gap;
	double start = block_left(f, b) + indent + line->runs[0].x;
	double x = rtl ? start - gap - width : start + line->width + gap;
	double baseline = f->at.y + baseline_offset(b->leading, b->style.size);
	double height = style.size * 1.6;
	double top = baseline - b->style.size * 0.36 - height / 2;
	put(f, (struct item){.kind = ITEM_RECT, .u.rect = {
		.x = x, .y = top, .width = width, .height = height,
		.color = b->badge_color}});
	add_label(f, b->badge, &style, (struct rgb){1, 1, 1}, x + pad,
		  top + height / 2 + style.size * 0.36, false);
}

/* How many of a paragraph's remaining lines go on this page: all that fit,
 * but never one line alone at the foot (orphan) or at the head of the next
 * page (widow). 0 means "start a new page first". */
static size_t lines_to_take(size_t placed, size_t total, size_t room)
{
	size_t rest = total - placed;
	if (room >= rest)
		return rest;
	size_t take = room;
	if (rest - take < 2 && take > 0)
		take--;
	if (placed == 0 && take < 2)
		take = 0;
	return take;
}

/* The figure of block i, a chart (a booklet has a handful). */
static const struct page *figure_of(const struct flow *f, size_t i)
{
	size_t k = 0;
	while (f->figures[k].block != i)
		k++;
	return &f->figures[k].page;
}

/* The blocks' lines are kept in chunks of this many blocks, each given
 * back once the drawing pass is past it (see spend_lines). */
enum { LINES_PER_CHUNK = 4096 };

/* Block i's lines. */
static struct lines *lines_of(const struct flow *f, size_t i)
{
	return &f->lines[i / LINES_PER_CHUNK][i % LINES_PER_CHUNK];
}

/* Height of a block from the top of its space before to its last line. */
static double block_height(const struct flow *f, size_t i, size_t max_lines)
{
	const struct block *b = &f->booklet->blocks[i];
	switch (b->kind) {
	case BLOCK_TEXT: {
		size_t n = lines_of(f, i)->count < max_lines ? lines_of(f, i)->count : max_lines;
		return b->space_before + (double)n * b->leading;
	}
	case BLOCK_RULE:
		return b->space_before + b->space_after;
	case BLOCK_CONTENTS_ENTRY:
	case BLOCK_INDEX_ENTRY: {
		size_t n = lines_of(f, i)->count ? lines_of(f, i)->count : 1;
		return b->space_before + (double)(n < max_lines ? n : max_lines) * b->leading;
	}
	case BLOCK_CHART:
		return b->space_before + figure_of(f, i)->height;
	default:
		return 0;
	}
}

/* Whether block j flows in the columns being filled. */
static bool in_these_columns(const struct flow *f, size_t j)
{
	const struct block *b = &f->booklet->blocks[j];
	return in_columns(f, b) && block_columns(f, b) == f->at.columns;
}

/* When the rest of the blocks that flow in these columns (the index, a
 * chapter's initiatives in a two-column layout) fits in the columns of
 * this page, the first column ends about halfway down that rest, so that
 * the columns of the last page end level rather than the first full and
 * the second short. Entries are not split, so the second column runs to
 * the page's foot. */
static void balance_columns(struct flow *f)
{
	const struct booklet *bk = f->booklet;
	f->at.column_bottom = 0;
	if (!f->at.in_columns || f->at.columns < 2 || f->block >= bk->count ||
	    !in_these_columns(f, f->block))
		return;
	/* Heights are not negative, so the sum only grows: once the rest
	 * is too deep for this page it stays so, and the blocks after need
	 * not be added (each page of a long index would add up all the rest
	 * of it, quadratic in its length). */
	double rest = 0, limit = frame_bottom(f) - bk->blocks[f->block].leading;
	for (size_t j = f->block; j < bk->count && in_these_columns(f, j); j++) {
		rest += block_height(f, j, SIZE_MAX) + bk->blocks[j].space_after;
		if (!(f->at.columns_top + rest / f->at.columns <= limit))
			return;
	}
	double depth = rest / f->at.columns;
	if (f->at.columns_top + depth <= limit)
		f->at.column_bottom = f->at.columns_top + depth + bk->blocks[f->block].leading;
}

/* A paragraph of four lines or more can be split without leaving one
 * line alone: when it must stay with what follows, only its last two
 * lines need to. */
static bool splits(const struct flow *f, size_t i)
{
	return f->booklet->blocks[i].kind == BLOCK_TEXT && lines_of(f, i)->count >= 4;
}

/* Height of the blocks from i on that keep with the next, and the first
 * two lines of the block after them (or of one that splits). */
static double chain_height(const struct flow *f, size_t i)
{
	const struct booklet *bk = f->booklet;
	double need = 0;
	size_t j = i;
	while (j < bk->count && bk->blocks[j].kind == BLOCK_TEXT &&
	       bk->blocks[j].keep_with_next && !splits(f, j)) {
		need += block_height(f, j, SIZE_MAX) + bk->blocks[j].space_after;
		j++;
	}
	if (j < bk->count)
		need += block_height(f, j, 2);
	return need;
}

/* Breaks the page before a block that must stay with the blocks after it,
 * if the chain and the first two lines of what follows do not fit (a
 * paragraph that splits is kept by its last lines instead, in place_text). */
static void keep_together(struct flow *f, size_t i)
{
	const struct booklet *bk = f->booklet;
	if (f->at.empty || (i > 0 && bk->blocks[i - 1].keep_with_next) || splits(f, i))
		return;
	if (f->at.y + chain_height(f, i) > frame_foot(f) + 0.01)
		next_frame(f);
}

/* Of a paragraph that keeps with what follows and would end on this page,
 * how many lines to take so that its last two go with what follows when
 * that does not fit beneath it (a URL never starts a page alone). */
static size_t keep_last_lines(const struct flow *f, size_t i, size_t placed, size_t take)
{
	const struct block *b = &f->booklet->blocks[i];
	size_t total = lines_of(f, i)->count;
	if (!b->keep_with_next || !splits(f, i) || placed + take < total ||
	    i + 1 >= f->booklet->count)
		return take;
	double end = f->at.y + (double)take * b->leading + b->space_after;
	if (end + chain_height(f, i + 1) <= frame_foot(f) + 0.01)
		return take;
	size_t fewer = take > 2 ? take - 2 : 0;
	return fewer >= (placed ? 1 : 2) ? fewer : take;
}

static void place_text(struct flow *f, size_t i)
{
	const struct block *b = &f->booklet->blocks[i];
	struct lines *lines = lines_of(f, i);
	enter_block(f, b);
	if (b->keep_with_next)
		keep_together(f, i);
	add_space(f, b->space_before);
	/* The lines were set narrower to leave a badge room at their end: on
	 * the left of right-to-left lines. */
	double indent = b->indent + (b->badge && lines->rtl ? badge_room(f, b) : 0);
	size_t placed = 0;
	while (placed < lines->count) {
		size_t take = lines_to_take(placed, lines->count, room_for(f, b->leading));
		take = keep_last_lines(f, i, placed, take);
		if (take == 0 && f->at.empty)
			take = 1;   /* a line taller than the frame still has to go somewhere */
		if (take == 0) {
			next_frame(f);
			continue;
		}
		if (placed == 0) {
			/* Bookmarks and anchors point at the first line. */
			if (b->bookmark && f->booklet->chapter_count)
				document_add_outline(f->doc, b->text, b->bookmark_top_level ? 0 : 1,
						     f->at.index, f->at.y);
			record_anchor(f, b, f->at.y);
		}
		for (size_t k = 0; k < take; k++) {
			if (b->badge && placed + k + 1 == lines->count)
				place_badge(f, b, &lines->items[placed + k], indent, lines->rtl);
			place_line(f, b, &lines->items[placed + k], indent);
		}
		placed += take;
		if (placed < lines->count)
			next_frame(f);
	}
	add_space(f, b->space_after);
}

static void place_rule(struct flow *f, const struct block *b)
{
	enter_block(f, b);
	add_space(f, b->space_before);
	double left = block_left(f, b);
	put(f, (struct item){.kind = ITEM_RULE, .u.rule = {
		.x1 = left, .y1 = f->at.y, .x2 = left + block_measure(f, b), .y2 = f->at.y,
		.thickness = 0.6, .color = b->color}});
	f->at.empty = false;
	add_space(f, b->space_after);
}

/* A band against the page's top or bottom edge, over the whole width and
 * out into the bleed; the flow goes on as if it were not there. */
static void place_edge_bar(struct flow *f, const struct block *b)
{
	double bleed = f->layout->bleed;
	double width = f->layout->page_width + 2 * bleed;
	double height = b->leading + bleed;
	double top = b->edge == EDGE_TOP ? -bleed : f->layout->page_height - b->leading;
	double band = width / (double)(b->color_count ? b->color_count : 1);
	for (size_t k = 0; k < b->color_count; k++) {
		/* In reading order: from the right in a right-to-left booklet. */
		size_t slot = f->booklet->right_to_left ? b->color_count - 1 - k : k;
		put(f, (struct item){.kind = ITEM_RECT, .u.rect = {
			.x = -bleed + band * (double)slot, .y = top, .width = band,
			.height = height, .color = b->colors[k]}});
	}
}

static void place_color_bar(struct flow *f, const struct block *b)
{
	if (b->edge != EDGE_NONE) {
		place_edge_bar(f, b);
		return;
	}
	add_space(f, b->space_before);
	double left = frame_left(f, f->at.index);
	double band = measure(f) / (double)(b->color_count ? b->color_count : 1);
	for (size_t k = 0; k < b->color_count; k++) {
		/* In reading order: from the right in a right-to-left booklet. */
		size_t slot = f->booklet->right_to_left ? b->color_count - 1 - k : k;
		put(f, (struct item){.kind = ITEM_RECT, .u.rect = {
			.x = left + band * (double)slot, .y = f->at.y, .width = band,
			.height = b->leading, .color = b->colors[k]}});
	}
	f->at.y += b->leading;
	f->at.empty = false;
	add_space(f, b->space_after);
}

/* A chart's figure, whole: on this page if it fits, else on the next. */
static void place_chart(struct flow *f, size_t i)
{
	const struct block *b = &f->booklet->blocks[i];
	const struct page *fig = figure_of(f, i);
	enter_block(f, b);
	if (!f->at.empty && f->at.y + b->space_before + fig->height > frame_bottom(f) + 0.01)
		next_frame(f);
	add_space(f, b->space_before);
	double left = block_left(f, b) + b->indent;
	for (size_t k = 0; f->drawing && k < fig->item_count; k++) {
		struct item copy = item_copy(&fig->items[k]);
		item_move(&copy, left, f->at.y);
		put(f, copy);
	}
	f->at.y += fig->height;
	f->at.empty = false;
	add_space(f, b->space_after);
}

/* The back cover is the last page: blank pages before it make the count
 * a multiple of the layout's (a saddle-stitched booklet needs four), and
 * with facing pages it is a left-hand page. */
static void open_back_cover(struct flow *f)
{
	size_t multiple = (size_t)f->layout->page_count_multiple;
	if (f->layout->facing && multiple % 2)
		multiple *= 2;
	new_page(f, PAGE_BARE);
	while (f->doc->page_count % multiple)
		new_page(f, PAGE_BARE);
}

static void open_chapter(struct flow *f, const struct block *b)
{
	new_page(f, PAGE_BODY);
	if (!is_recto(f, f->at.index)) {
		/* A left page left empty before a chapter stays bare. */
		f->at.style = PAGE_BARE;
		new_page(f, PAGE_BODY);
	}
	restart_numbering(f, b);
	f->at.chapter_opening = true;
	f->chapter_title = b->text;
	record_anchor(f, b, 0);
	document_add_outline(f->doc, b->text, 0, f->at.index, 0);
	double band = f->layout->base_size * 0.4;
	double band_width = measure(f) * 0.25;
	double band_x = frame_left(f, f->at.index);
	if (f->booklet->right_to_left)
		band_x += measure(f) - band_width;   /* where the title starts */
	put(f, (struct item){.kind = ITEM_RECT, .u.rect = {
		.x = band_x, .y = f->at.y, .width = band_width,
		.height = band, .color = b->color}});
	f->at.y += band + f->layout->leading;
	f->at.empty = false;
}

/* The contents' dot leaders: one style for every entry. */
static struct text_style leaders_style(const struct layout *layout)
{
	return (struct text_style){.family = FAMILY_SANS, .size = layout->base_size * 0.9};
}

/* "Title . . . . . 12": the title's lines, dot leaders, the label of the
 * target's page flush right, all one link to the target. A chapter's
 * entry has a square in its color and never ends a page. In a
 * right-to-left booklet the entry is mirrored: title from the right, the
 * number flush left. */
static void place_contents_entry(struct flow *f, size_t i)
{
	const struct block *b = &f->booklet->blocks[i];
	bool rtl = f->booklet->right_to_left;
	const struct place *target = &f->known.of[b->targets[0]];
	const char *number = place_label(target);
	struct lines *title = lines_of(f, i);
	enter_block(f, b);
	add_space(f, b->space_before);
	double need = block_height(f, i, SIZE_MAX) - b->space_before;
	if (b->keep_with_next && i + 1 < f->booklet->count)
		need += block_height(f, i + 1, 1);
	if (!f->at.empty && f->at.y + need > frame_bottom(f) + 0.01)
		next_frame(f);
	double top = f->at.y;
	double left = block_left(f, b);
	double width = block_measure(f, b);
	double right = left + width;
	if (b->level == 0) {
		/* The square stands on the first baseline like a capital. */
		double marker = b->style.size * 0.7;
		put(f, (struct item){.kind = ITEM_RECT, .u.rect = {
			.x = rtl ? right - marker : left,
			.y = top + baseline_offset(b->leading, b->style.size) - marker,
			.width = marker, .height = marker, .color = b->color}});
	}
	/* The title was set four ems narrower than the measure, for leaders
	 * and number: that room is on its end side. */
	double badge = b->badge ? badge_room(f, b) : 0;   /* set narrower too */
	double title_x = left + b->indent + (rtl ? b->style.size * 4 + badge : 0);
	for (size_t k = 0; k < title->count; k++) {
		if (b->badge && k + 1 == title->count)
			place_badge(f, b, &title->items[k], title_x - left, title->rtl);
		place_line(f, b, &title->items[k], title_x - left);
	}
	if (!f->drawing) {
		add_space(f, b->space_after);
		return;
	}
	double baseline = f->at.y - b->leading + baseline_offset(b->leading, b->style.size);
	const struct line *last = title->count ? &title->items[title->count - 1] : NULL;
	double title_start = last && last->run_count ? title_x + last->runs[0].x : title_x;
	double title_end = last ? title_start + last->width : title_x;
	/* The leaders start after the badge. */
	if (rtl)
		title_start -= badge;
	else
		title_end += badge;

	/* One dot per pitch (a dot and a word space), on a grid that starts at
	 * the frame's start edge and in one style for every entry, so that the
	 * dots of all entries line up. */
	struct text_style leader_style = leaders_style(f->layout);
	double dot = f->leader_dot, pitch = f->leader_pitch;
	double gap = leader_style.size * 0.3;
	/* The free stretch between title and number, as distances from the
	 * start edge: the leader's nearest dot and the farthest end. */
	double near = rtl ? right - (title_start - gap) : title_end + gap - left;
	double far = width - label_width(f, number, &b->style) - gap;
	double first = ceil(near / pitch) * pitch;
	if (first + dot <= far) {
		size_t count = (size_t)floor((far - first - dot) / pitch) + 1;
		double length = dot + (double)(count - 1) * pitch;
		struct buffer leader = {0};
		for (size_t k = 0; k < count; k++)
			buffer_append_str(&leader, k ? " ." : ".");
		double x = rtl ? right - first - length : left + first;
		add_label(f, leader.data, &leader_style, f->layout->furniture_color, x,
			  baseline, false);
		buffer_free(&leader);
	}
	add_label(f, number, &b->style, b->color, rtl ? left : right, baseline, !rtl);
	put(f, (struct item){.kind = ITEM_LINK_PAGE, .u.link = {
		.x = left, .y = top, .width = right - left, .height = f->at.y - top,
		.target_page = target->page, .target_y = target->y}});
	add_space(f, b->space_after);
}

/* Orders places down the booklet: by page, then from the top, so that a
 * page's link goes to its first mention whatever qsort does with ties. */
static int compare_places(const void *pa, const void *pb)
{
	const struct place *a = *(const struct place *const *)pa;
	const struct place *b = *(const struct place *const *)pb;
	if (a->page != b->page)
		return (a->page > b->page) - (a->page < b->page);
	return (a->y > b->y) - (a->y < b->y);
}

/* A page number of an index entry and where it goes. */
struct index_number {
	const struct place *target;
	double x;                /* from the column's start edge (its right
				    edge in a right-to-left paragraph) */
	double width;
	size_t line;             /* 0 = the term's last line */
	bool comma;              /* a comma before it (not at a line's start) */
};

/* "Term, 3, 12, 40": the term's lines, then the labels of the pages its
 * targets landed on (each page once, in page order), each a link to its
 * target; numbers that do not fit go on lines of their own that hang by
 * the block's indent. An entry is not split between columns unless it
 * is longer than a column (a partner of thousands of initiatives): then
 * its numbers go on in the next column or page, never past the frame. A
 * right-to-left entry is the mirror image: numbers to the left of the
 * term, lines hanging from the right. */
static void place_index_entry(struct flow *f, size_t i)
{
	const struct block *b = &f->booklet->blocks[i];
	struct lines *term = lines_of(f, i);
	bool rtl = term->rtl;
	const struct place **targets = xcalloc(b->target_count, sizeof *targets);
	for (size_t k = 0; k < b->target_count; k++)
		targets[k] = &f->known.of[b->targets[k]];
	qsort(targets, b->target_count, sizeof *targets, compare_places);

	struct index_number *numbers = xcalloc(b->target_count, sizeof *numbers);
	size_t count = 0, line = 0;
	/* A space that ends a text has no width in typeset_width (a line
	 * drops it), so measure the comma and its space before a digit. */
	const char *comma_text = f->booklet->list_comma ? f->booklet->list_comma : ",";
	struct buffer spaced = {0};
	buffer_printf(&spaced, "%s 1", comma_text);
	double comma = label_width(f, spaced.data, &b->style) - label_width(f, "1", &b->style);
	buffer_free(&spaced);
	enter_block(f, b);
	double width = block_measure(f, b);
	double x = (term->count > 1 ? b->indent : 0) +
		   (term->count ? term->items[term->count - 1].width : 0);
	for (size_t k = 0; k < b->target_count; k++) {
		if (count && targets[k]->page == numbers[count - 1].target->page)
			continue;
		double w = label_width(f, place_label(targets[k]), &b->style);
		bool wraps = x + comma + w > width;
		if (wraps) {
			line++;
			x = b->indent;
		}
		numbers[count] = (struct index_number){
			.target = targets[k], .x = wraps ? x : x + comma, .width = w,
			.line = line, .comma = !wraps};
		x = numbers[count++].x + w;
	}

	size_t lines = (term->count ? term->count : 1) + line;
	if (!f->at.empty && room_for(f, b->leading) < lines)
		next_frame(f);
	/* The lines were set narrower by the indent: a right-to-left line
	 * ends at its measure's right edge, so the first moves right. */
	for (size_t k = 0; k < term->count; k++)
		place_line(f, b, &term->items[k], (k != 0) != rtl ? b->indent : 0);
	double left = block_left(f, b);
	double box = term->count ? f->at.y - b->leading : f->at.y;   /* line 0's */
	size_t box_line = 0;
	double comma_width = label_width(f, comma_text, &b->style);
	for (size_t k = 0; k < count; k++) {
		const struct index_number *n = &numbers[k];
		for (; box_line < n->line; box_line++) {
			box += b->leading;
			if (box + b->leading > frame_bottom(f) + 0.01) {
				f->at.y = box;
				next_frame(f);
				left = block_left(f, b);
				box = f->at.y;
			}
		}
		double baseline = box + baseline_offset(b->leading, b->style.size);
		/* From the start edge to a left edge on the page. */
		double nx = rtl ? left + width - n->x - n->width : left + n->x;
		if (n->comma)
			add_label(f, comma_text, &b->style, b->color,
				  rtl ? left + width - (n->x - comma) - comma_width
				      : left + n->x - comma,
				  baseline, false);
		add_label(f, place_label(n->target), &b->style, b->color, nx, baseline, false);
		put(f, (struct item){.kind = ITEM_LINK_PAGE, .u.link = {
			.x = nx, .y = box, .width = n->width, .height = b->leading,
			.target_page = n->target->page, .target_y = n->target->y}});
	}
	f->at.y = term->count ? box + b->leading : box;
	f->at.empty = false;
	free(numbers);
	free(targets);
}

/* Room for bytes in the store, for block's lines. */
static void *store_alloc(struct flow *f, size_t bytes, size_t block)
{
	enum { CHUNK = 256 * 1024 };
	bytes = (bytes + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	struct line_chunk *c = f->store_end;
	if (!c || c->size - c->used < bytes) {
		size_t size = bytes > CHUNK ? bytes : CHUNK;
		c = xmalloc(sizeof *c + size);
		*c = (struct line_chunk){.size = size};
		if (f->store_end)
			f->store_end->next = c;
		else
			f->store = c;
		f->store_end = c;
	}
	void *p = (char *)c->data + c->used;
	c->used += bytes;
	c->last_block = block;
	return p;
}

/* Moves the arrays of block i's lines, which typeset made one by one,
 * into the store, in block order. The drawing pass spends the lines
 * block by block and gives back each chunk of the store once its blocks
 * are drawn: large pieces, which the page model then reuses, where the
 * arrays freed one by one would leave holes between the runs' texts. */
static void store_lines(struct flow *f, size_t i)
{
	struct lines *lines = lines_of(f, i);
	struct line *items = store_alloc(f, lines->count * sizeof *items, i);
	for (size_t k = 0; k < lines->count; k++) {
		struct line *line = &lines->items[k];
		items[k] = *line;
		items[k].runs = store_alloc(f, line->run_count * sizeof *line->runs, i);
		memcpy(items[k].runs, line->runs, line->run_count * sizeof *line->runs);
		free(line->runs);
	}
	free(lines->items);
	lines->items = items;
}

/* Frees what block i's lines still own (the runs' texts a pass did not
 * draw), forgets them, and gives back the chunks of the store that hold
 * only lines of blocks up to i, and the chunk of lines i ends. */
static void spend_lines(struct flow *f, size_t i)
{
	struct lines **chunk = &f->lines[i / LINES_PER_CHUNK];
	if (!*chunk)
		return;   /* given back already */
	struct lines *lines = lines_of(f, i);
	for (size_t k = 0; k < lines->count; k++)
		for (size_t r = 0; r < lines->items[k].run_count; r++)
			free(lines->items[k].runs[r].text);   /* and its adjust */
	*lines = (struct lines){0};
	while (f->store && f->store->last_block <= i) {
		struct line_chunk *next = f->store->next;
		free(f->store);
		f->store = next;
	}
	if (!f->store)
		f->store_end = NULL;
	if ((i + 1) % LINES_PER_CHUNK == 0 || i + 1 == f->booklet->count) {
		free(*chunk);
		*chunk = NULL;
	}
}

static void flow_blocks(struct flow *f)
{
	const struct booklet *bk = f->booklet;
	for (size_t i = 0; i < bk->count; i++) {
		const struct block *b = &bk->blocks[i];
		f->block = i;
		progress_report(STAGE_PAGINATE, i, bk->count);
		switch (b->kind) {
		case BLOCK_PAGE_BREAK:
			new_page(f, b->page_style);
			restart_numbering(f, b);
			break;
		case BLOCK_CHAPTER:
			open_chapter(f, b);
			break;
		case BLOCK_BACK_COVER:
			open_back_cover(f);
			break;
		case BLOCK_TEXT:
			if (!f->started)
				new_page(f, PAGE_PLAIN);
			place_text(f, i);
			break;
		case BLOCK_RULE:
			place_rule(f, b);
			break;
		case BLOCK_COLOR_BAR:
			place_color_bar(f, b);
			break;
		case BLOCK_CONTENTS_ENTRY:
			place_contents_entry(f, i);
			break;
		case BLOCK_INDEX_ENTRY:
			place_index_entry(f, i);
			break;
		case BLOCK_CHART:
			place_chart(f, i);
			break;
		case BLOCK_FILL:
			if (f->at.fill_count < sizeof f->at.fill_items / sizeof *f->at.fill_items)
				f->at.fill_items[f->at.fill_count++] = current(f)->item_count;
			break;
		}
		/* The page took the block's text: its lines are spent, and
		 * the flow looks only at the lines of the blocks ahead. */
		if (f->drawing)
			spend_lines(f, i);
	}
	if (f->started)
		finish_page(f);
}

/* Sums up how the booklet's paragraphs were set. */
static struct layout_quality measure_quality(const struct flow *f)
{
	struct layout_quality q = {.worst_space_ratio = 1};
	for (size_t i = 0; i < f->booklet->count; i++)
		for (size_t k = 0; k < lines_of(f, i)->count; k++) {
			const struct line *l = &lines_of(f, i)->items[k];
			q.hyphenated_lines += l->hyphenated;
			if (l->space_ratio == 1)
				continue;
			q.justified_lines++;
			q.over_twice += l->space_ratio > 2.0005;
			if (l->space_ratio > q.worst_space_ratio)
				q.worst_space_ratio = l->space_ratio;
		}
	return q;
}

/* Crop marks at the trim's corners, each along an edge's line, beyond
 * the bleed so that no cut shows them. */
static void add_crop_marks(struct page *page, double gap, double length)
{
	const struct box *t = &page->trim;
	const double xs[2] = {t->x, t->x + t->width}, ys[2] = {t->y, t->y + t->height};
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++) {
			double out_x = i ? 1 : -1, out_y = j ? 1 : -1;   /* away from the page */
			struct rule across = {
				.x1 = xs[i] + out_x * gap, .y1 = ys[j],
				.x2 = xs[i] + out_x * (gap + length), .y2 = ys[j],
				.thickness = 0.25, .registration = true};
			struct rule down = {
				.x1 = xs[i], .y1 = ys[j] + out_y * gap,
				.x2 = xs[i], .y2 = ys[j] + out_y * (gap + length),
				.thickness = 0.25, .registration = true};
			page_add(page, (struct item){.kind = ITEM_RULE, .u.rule = across});
			page_add(page, (struct item){.kind = ITEM_RULE, .u.rule = down});
		}
}

/* For a print shop: grows every page by the bleed and, with crop marks,
 * by room for them; moves what is on it to match; records the trim and
 * bleed boxes; and draws the marks outside the trim. */
static void prepare_for_print(struct document *doc, const struct layout *layout)
{
	const double mm = 72.0 / 25.4;
	double bleed = layout->bleed;
	double gap = fmax(bleed + 2 * mm, 3 * mm), length = 6 * mm;
	double margin = layout->crop_marks ? gap + length + 2 * mm : bleed;
	if (margin <= 0)
		return;
	for (size_t p = 0; p < doc->page_count; p++) {
		struct page *page = &doc->pages[p];
		for (size_t i = 0; i < page->item_count; i++) {
			item_move(&page->items[i], margin, margin);
			/* Every page moves alike: so does a link's target. */
			if (page->items[i].kind == ITEM_LINK_PAGE)
				page->items[i].u.link.target_y += margin;
		}
		page->trim = (struct box){margin, margin, page->width, page->height};
		page->bleed = (struct box){margin - bleed, margin - bleed,
					   page->width + 2 * bleed, page->height + 2 * bleed};
		page->width += 2 * margin;
		page->height += 2 * margin;
		if (layout->crop_marks)
			add_crop_marks(page, gap, length);
	}
	for (size_t i = 0; i < doc->outline_count; i++)
		doc->outline[i].y += margin;
	for (size_t i = 0; i < doc->destination_count; i++)
		doc->destinations[i].y += margin;
}

/* True when every anchor landed on the same page, under the same label,
 * at the same height as in the pass before. */
static bool same_places(const struct place *a, const struct place *b, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (a[i].page != b[i].page || a[i].y != b[i].y ||
		    strcmp(place_label(&a[i]), place_label(&b[i])) != 0)
			return false;
	return true;
}

static void free_places(struct places *places)
{
	for (size_t i = 0; i < places->page_count; i++)
		free(places->page_labels[i]);
	free(places->page_labels);
	free(places->of);
	*places = (struct places){0};
}

/* The measure a block's lines or figure are set to. */
static double set_width(struct flow *f, const struct block *b)
{
	double width = block_measure(f, b) - 2 * b->indent;
	if (b->kind == BLOCK_CONTENTS_ENTRY)
		width -= b->style.size * 4;   /* room for leaders and the number */
	if (b->badge)
		width -= badge_room(f, b);
	if (b->kind == BLOCK_INDEX_ENTRY)
		width += b->indent;           /* only lines after the first hang */
	return width;
}

/* Sets the lines of every paragraph, contents entry and index entry. */
static void typeset_blocks(struct flow *f)
{
	const struct booklet *bk = f->booklet;
	for (size_t i = 0; i < bk->count; i++)
		spend_lines(f, i);
	for (size_t c = 0; c * LINES_PER_CHUNK < bk->count; c++)
		f->lines[c] = xcalloc(LINES_PER_CHUNK, sizeof *f->lines[c]);
	for (size_t i = 0; i < bk->count; i++) {
		const struct block *b = &bk->blocks[i];
		progress_report(STAGE_TYPESET, i, bk->count);
		if (b->kind != BLOCK_TEXT && b->kind != BLOCK_CONTENTS_ENTRY &&
		    b->kind != BLOCK_INDEX_ENTRY)
			continue;
		typeset_paragraph(f->fonts, b->text, &b->style, b->dir, b->align,
				  set_width(f, b), lines_of(f, i));
		store_lines(f, i);
	}
}

void paginate_booklet(const struct booklet *booklet, const struct layout *layout,
		      struct fontset *fonts, struct document *out)
{
	struct flow f = {.booklet = booklet, .layout = layout, .fonts = fonts};
	f.lines = xcalloc(booklet->count / LINES_PER_CHUNK + 1, sizeof *f.lines);
	typeset_blocks(&f);
	for (size_t i = 0; i < booklet->count; i++) {
		const struct block *b = &booklet->blocks[i];
		if (b->kind != BLOCK_CHART)
			continue;
		f.figures = xrealloc(f.figures, (f.figure_count + 1) * sizeof *f.figures);
		struct figure *fig = &f.figures[f.figure_count++];
		*fig = (struct figure){.block = i};
		chart_layout(b->chart, fonts, layout->base_size, set_width(&f, b),
			     layout->chart_height, frame_bottom(&f) - frame_top(&f), &fig->page);
	}
	struct layout_quality quality = measure_quality(&f);
	struct text_style leader_style = leaders_style(layout);
	f.leader_dot = typeset_width(fonts, ".", &leader_style);
	f.leader_pitch = typeset_width(fonts, ". .", &leader_style) - f.leader_dot;
	size_t anchors = booklet->anchor_count ? booklet->anchor_count : 1;
	f.known.of = xcalloc(anchors, sizeof *f.known.of);

	/* The contents and the index print the pages of what comes after
	 * them, so lay out again until no anchor moves. Entries reserve room
	 * for their numbers and the front matter counts apart, so the second
	 * pass settles; the bound only guards against a layout that
	 * oscillates. The first pass draws nothing: the pages of a pass
	 * that did not settle are thrown away, and the first never settles
	 * when there is a contents or an index. A pass that draws spends the
	 * lines: after one that did not settle, they are set again. */
	for (int pass = 0; pass < 8; pass++) {
		if (pass > 1)
			typeset_blocks(&f);
		*out = (struct document){0};
		f.doc = out;
		f.started = false;
		f.drawing = pass > 0;
		f.chapter_title = NULL;
		f.found = (struct places){.of = xcalloc(anchors, sizeof *f.found.of)};
		flow_blocks(&f);
		bool settled = same_places(f.known.of, f.found.of, anchors);
		free_places(&f.known);
		f.known = f.found;
		if ((settled && f.drawing) || pass == 7)
			break;
		document_free(out);
	}
	prepare_for_print(out, layout);
	out->facing_pages = layout->facing;
	out->right_to_left = booklet->right_to_left;
	out->quality = quality;
	document_set_info(out, booklet->title, booklet->publisher, booklet->subtitle,
			  booklet->date);

	for (size_t i = 0; i < booklet->count; i++)
		spend_lines(&f, i);
	for (size_t k = 0; k < f.figure_count; k++)
		figure_free(&f.figures[k].page);
	document_trim(out);
	free(f.lines);
	free(f.figures);
	free_places(&f.known);
	free_labels(&f);
}
