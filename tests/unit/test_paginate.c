/* test_paginate.c - the page model of the sample edition: where things
 * land, asserted without reading a PDF. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "catalog.h"
#include "check.h"
#include "collate.h"
#include "compose.h"
#include "font.h"
#include "layout.h"
#include "page.h"
#include "paginate.h"
#include "sample.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct catalog cat;
static struct layout layout;
static struct fontset *fonts;
static struct document doc;

static int lay_out_sample(void **state)
{
	(void)state;
	return sample_lay_out(&cat, &layout, &fonts, &doc, "en");
}

static int free_sample(void **state)
{
	(void)state;
	sample_free(&cat, fonts, &doc);
	return 0;
}

static bool is_recto(size_t index)
{
	return index % 2 == 0;
}

/* Running heads and folios sit in the margins, outside the text frame. */
static bool is_furniture(const struct glyph_run *g)
{
	return g->y < layout.margin_top || g->y > layout.page_height - layout.margin_bottom;
}

static void every_run_stays_inside_the_frame(void **state)
{
	(void)state;
	size_t runs = 0;
	for (size_t p = 0; p < doc.page_count; p++) {
		double left = is_recto(p) ? layout.margin_inner : layout.margin_outer;
		double right = layout.page_width -
			       (is_recto(p) ? layout.margin_outer : layout.margin_inner);
		for (size_t i = 0; i < doc.pages[p].item_count; i++) {
			const struct item *it = &doc.pages[p].items[i];
			if (it->kind != ITEM_GLYPHS)
				continue;
			const struct glyph_run *g = &it->u.glyphs;
			runs++;
			assert_true(g->x >= left - 0.01);
			assert_true(g->x + g->width <= right + 0.01);
			assert_true(g->y > 0 && g->y < layout.page_height);
		}
	}
	assert_true(runs > 250);   /* a justified line is one run per face now */
}

/* True when the page holds text inside its frame. */
static bool has_text(const struct page *page)
{
	for (size_t i = 0; i < page->item_count; i++)
		if (page->items[i].kind == ITEM_GLYPHS && !is_furniture(&page->items[i].u.glyphs))
			return true;
	return false;
}

/* The finished page model holds no spare room: large books keep it
 * whole until it is drawn. */
static void item_arrays_are_trimmed_to_their_items(void **state)
{
	(void)state;
	for (size_t p = 0; p < doc.page_count; p++)
		if (doc.pages[p].item_count)
			assert_int_equal(doc.pages[p].item_cap, doc.pages[p].item_count);
}

static void chapters_open_on_right_hand_pages(void **state)
{
	(void)state;
	size_t chapters = 0, bare = 0;
	for (size_t i = 0; i < doc.outline_count; i++) {
		const struct outline_entry *e = &doc.outline[i];
		if (e->level != 0 || sample_is_foreword(&doc, e))
			continue;   /* the foreword is front matter, on any page */
		chapters++;
		assert_true(is_recto(e->page));
		/* A left page left empty before a chapter is bare: no running
		 * head, no folio. */
		const struct page *before = &doc.pages[e->page - 1];
		if (!has_text(before)) {
			assert_int_equal(before->item_count, 0);
			bare++;
		}
	}
	assert_int_equal(chapters, 1 + 8 + 1);   /* the overview, the sectors and the index */
	assert_true(bare > 0);
}

/* The text of the glyph runs inside a link's area, left to right. */
static void text_in(const struct page *page, const struct link *l, struct buffer *out)
{
	for (size_t i = 0; i < page->item_count; i++) {
		const struct item *it = &page->items[i];
		if (it->kind != ITEM_GLYPHS)
			continue;
		const struct glyph_run *g = &it->u.glyphs;
		if (g->x >= l->x - 0.01 && g->x + g->width <= l->x + l->width + 0.01 &&
		    g->y > l->y && g->y < l->y + l->height)
			buffer_printf(out, "%s%s", out->len ? " " : "", g->text);
	}
}

/* The last word of the text inside a link: a contents entry's number. */
static const char *last_word(const struct buffer *b)
{
	const char *space = strrchr(b->data, ' ');
	return space ? space + 1 : b->data;
}

static size_t first_chapter_page(void)
{
	for (size_t i = 0; i < doc.outline_count; i++)
		if (doc.outline[i].level == 0 && !sample_is_foreword(&doc, &doc.outline[i]))
			return doc.outline[i].page;
	fail_msg("no chapter");
	return 0;
}

static void headings_and_names_never_end_a_page(void **state)
{
	(void)state;
	for (size_t p = 0; p < doc.page_count; p++) {
		const struct glyph_run *last = NULL;
		for (size_t i = 0; i < doc.pages[p].item_count; i++) {
			const struct item *it = &doc.pages[p].items[i];
			if (it->kind == ITEM_GLYPHS && !is_furniture(&it->u.glyphs))
				last = &it->u.glyphs;
		}
		if (!last)
			continue;
		assert_int_not_equal(last->face, FACE_SANS_BOLD);
		assert_int_not_equal(last->face, FACE_HEBREW_SANS);
		assert_int_not_equal(last->face, FACE_ARABIC);
	}
}

/* The contents list what the outline lists, in the same order (the
 * foreword, chapters, the initiatives beneath each, the index), each entry a link to the page
 * its target is on and showing that page's label. */
static void contents_link_to_chapters_and_initiatives(void **state)
{
	(void)state;
	size_t links = 0, initiatives = 0;
	for (size_t p = 1; p < first_chapter_page(); p++)
		for (size_t i = 0; i < doc.pages[p].item_count; i++) {
			const struct item *it = &doc.pages[p].items[i];
			if (it->kind != ITEM_LINK_PAGE)
				continue;
			assert_true(links < doc.outline_count);
			const struct outline_entry *e = &doc.outline[links++];
			assert_int_equal(it->u.link.target_page, e->page);
			initiatives += e->level == 1;
			struct buffer text = {0};
			text_in(&doc.pages[p], &it->u.link, &text);
			assert_non_null(strstr(text.data, e->level ? "" : e->title));
			assert_string_equal(last_word(&text), doc.pages[e->page].label);
			buffer_free(&text);
		}
	assert_int_equal(links, doc.outline_count);
	assert_int_equal(initiatives, cat.initiative_count);
}

static void every_url_is_a_link(void **state)
{
	(void)state;
	size_t urls = 0, links = 0;
	for (size_t i = 0; i < cat.initiative_count; i++)
		urls += cat.initiatives[i].url.text[0] != '\0';
	for (size_t p = 0; p < doc.page_count; p++)
		for (size_t i = 0; i < doc.pages[p].item_count; i++) {
			const struct item *it = &doc.pages[p].items[i];
			if (it->kind != ITEM_LINK_URI)
				continue;
			links++;
			assert_true(strncmp(it->u.link.uri, "https://", 8) == 0);
			assert_true(it->u.link.width > 0 && it->u.link.height > 0);
		}
	assert_true(urls > 0);
	assert_int_equal(links, urls);
}

static size_t count_rects(const struct page *page, const struct rgb *color)
{
	size_t n = 0;
	for (size_t i = 0; i < page->item_count; i++) {
		const struct item *it = &page->items[i];
		n += it->kind == ITEM_RECT && it->u.rect.color.r == color->r &&
		     it->u.rect.color.g == color->g && it->u.rect.color.b == color->b;
	}
	return n;
}

/* The cover's bar and the contents' markers carry each chapter's color
 * once, in order along the bar. */
static void chapter_colors_on_cover_and_contents(void **state)
{
	(void)state;
	const struct page *cover = &doc.pages[0];
	double last_x = -1;
	for (size_t i = 0; i < cat.sector_count; i++) {
		const struct rgb color = {cat.sectors[i].rgb[0], cat.sectors[i].rgb[1],
					  cat.sectors[i].rgb[2]};
		assert_int_equal(count_rects(cover, &color), 1);
		size_t in_contents = 0;
		for (size_t p = 1; p < first_chapter_page(); p++)
			in_contents += count_rects(&doc.pages[p], &color);
		assert_int_equal(in_contents, 1);
		for (size_t k = 0; k < cover->item_count; k++) {
			const struct item *it = &cover->items[k];
			if (it->kind == ITEM_RECT && it->u.rect.color.r == color.r &&
			    it->u.rect.color.g == color.g && it->u.rect.color.b == color.b) {
				assert_true(it->u.rect.x > last_x);
				last_x = it->u.rect.x;
			}
		}
	}
}

/* The folio printed on a page: the run in the bottom margin. */
static const char *folio_of(const struct page *page)
{
	for (size_t i = 0; i < page->item_count; i++) {
		const struct item *it = &page->items[i];
		if (it->kind == ITEM_GLYPHS &&
		    it->u.glyphs.y > layout.page_height - layout.margin_bottom)
			return it->u.glyphs.text;
	}
	return NULL;
}

/* Roman numerals for the front matter from the cover on, arabic from the
 * first chapter; the folios print exactly the labels (the cover none). */
static void pages_are_labelled_roman_then_arabic(void **state)
{
	(void)state;
	size_t first = first_chapter_page();
	assert_int_equal(doc.numbering_count, 2);
	assert_int_equal(doc.numbering[0].first_page, 0);
	assert_int_equal(doc.numbering[0].style, NUMBERING_ROMAN);
	assert_int_equal(doc.numbering[1].first_page, first);
	assert_int_equal(doc.numbering[1].style, NUMBERING_ARABIC);
	assert_string_equal(doc.pages[0].label, "i");
	assert_string_equal(doc.pages[1].label, "ii");
	assert_string_equal(doc.pages[first - 1].label, first == 4 ? "iv" : "iii");
	assert_string_equal(doc.pages[first].label, "1");
	char last[16];
	snprintf(last, sizeof last, "%zu", doc.page_count - first);
	assert_string_equal(doc.pages[doc.page_count - 1].label, last);
	assert_null(folio_of(&doc.pages[0]));
	size_t folios = 0;
	for (size_t p = 0; p < doc.page_count; p++) {
		char *label = document_page_label(&doc, p);
		assert_string_equal(doc.pages[p].label, label);
		free(label);
		const char *folio = folio_of(&doc.pages[p]);
		if (folio) {
			assert_string_equal(folio, doc.pages[p].label);
			folios++;
		}
	}
	assert_true(folios > doc.page_count / 2);
}

static const struct destination *find_destination(const char *prefix, const char *id)
{
	char name[256];
	snprintf(name, sizeof name, "%s%s", prefix, id);
	for (size_t i = 0; i < doc.destination_count; i++)
		if (strcmp(doc.destinations[i].name, name) == 0)
			return &doc.destinations[i];
	fail_msg("no destination %s", name);
	return NULL;
}

/* The foreword, every chapter and initiative has a named destination where its outline
 * entry goes; names are unique. */
static void chapters_and_initiatives_are_named_destinations(void **state)
{
	(void)state;
	size_t chapter = 0;
	for (size_t i = 0; i < doc.outline_count; i++) {
		const struct outline_entry *e = &doc.outline[i];
		const struct destination *d = NULL;
		if (e->level == 0 && strcmp(e->title, "Index") == 0) {
			d = find_destination("", "index");
		} else if (e->level == 0 && strcmp(e->title, "Foreword") == 0) {
			d = find_destination("", "foreword");
		} else if (e->level == 0 && strcmp(e->title, "At a glance") == 0) {
			d = find_destination("", "overview");
		} else if (e->level == 0) {
			while (strcmp(cat.sectors[chapter].name.text, e->title) != 0)
				chapter++;
			d = find_destination("chapter.", cat.sectors[chapter].id.text);
		} else {
			for (size_t k = 0; k < cat.initiative_count && !d; k++)
				if (strcmp(cat.initiatives[k].name.text, e->title) == 0)
					d = find_destination("initiative.", cat.initiatives[k].id.text);
		}
		assert_non_null(d);
		assert_int_equal(d->page, e->page);
		assert_true(d->y == e->y);
	}
	assert_int_equal(doc.destination_count, doc.outline_count);
	for (size_t i = 0; i < doc.destination_count; i++)
		for (size_t k = i + 1; k < doc.destination_count; k++)
			assert_string_not_equal(doc.destinations[i].name,
						doc.destinations[k].name);
}

/* The number of contents entries (links on the pages before the first
 * chapter) that go to page target. */
static size_t contents_links_to(const struct document *d, size_t first_chapter,
				size_t target)
{
	size_t links = 0;
	for (size_t p = 1; p < first_chapter; p++)
		for (size_t i = 0; i < d->pages[p].item_count; i++) {
			const struct item *it = &d->pages[p].items[i];
			links += it->kind == ITEM_LINK_PAGE && it->u.link.target_page == target;
		}
	return links;
}

/* The foreword heads the contents and the outline, at their top level,
 * and is the named destination "foreword": all three go to the page
 * with its heading, a front matter page numbered in roman. */
static void foreword_is_in_contents_outline_and_destinations(void **state)
{
	(void)state;
	const struct outline_entry *e = &doc.outline[0];
	assert_string_equal(e->title, "Foreword");
	assert_int_equal(e->level, 0);
	const struct destination *d = find_destination("", "foreword");
	assert_int_equal(d->page, e->page);
	assert_true(d->y == e->y);
	size_t first = first_chapter_page();
	assert_true(e->page > 1 && e->page < first);
	assert_non_null(strchr("ivx", doc.pages[e->page].label[0]));
	bool heading = false;
	for (size_t i = 0; i < doc.pages[e->page].item_count; i++) {
		const struct item *it = &doc.pages[e->page].items[i];
		heading |= it->kind == ITEM_GLYPHS && strcmp(it->u.glyphs.text, "Foreword") == 0 &&
			   it->u.glyphs.face == FACE_SANS_BOLD && it->u.glyphs.y > e->y;
	}
	assert_true(heading);
	assert_int_equal(contents_links_to(&doc, first, e->page), 1);
}

/* An edition without a foreword lists none: no outline entry, no
 * destination, no contents entry, and the contents still match the
 * outline one for one. */
static void no_foreword_no_entry(void **state)
{
	(void)state;
	struct catalog c;
	struct diag_list diags = {0};
	assert_int_equal(catalog_read(&c, "data/initiatives.csv", "data/sectors.csv",
				      "data/edition.ini", &diags), STATUS_OK);
	assert_int_equal(check_catalog(&c, &diags), STATUS_OK);
	diag_list_free(&diags);
	for (size_t k = 0; k < 3; k++) {
		free(c.edition.foreword_text[k].text);
		c.edition.foreword_text[k].text = xstrdup("");
	}
	struct booklet b;
	compose_booklet(&c, &layout, &b);
	struct document d;
	paginate_booklet(&b, &layout, fonts, &d);
	booklet_free(&b);
	assert_null(sample_foreword(&d));
	assert_string_equal(d.outline[0].title, "At a glance");
	size_t first = d.outline[0].page, links = 0;
	for (size_t p = 1; p < first; p++)
		for (size_t i = 0; i < d.pages[p].item_count; i++)
			links += d.pages[p].items[i].kind == ITEM_LINK_PAGE;
	assert_int_equal(links, d.outline_count);
	for (size_t i = 0; i < d.outline_count; i++)
		assert_string_not_equal(d.outline[i].title, "Foreword");
	document_free(&d);
	catalog_free(&c);
}

static size_t index_page(void)
{
	for (size_t i = 0; i < doc.outline_count; i++)
		if (doc.outline[i].level == 0 && strcmp(doc.outline[i].title, "Index") == 0)
			return doc.outline[i].page;
	fail_msg("no index");
	return 0;
}

/* Each page number of the index is a link to a page whose label it shows
 * and on which the term is named (an initiative's name may be set over
 * two lines; a partner or a place is on one). */
static void index_numbers_link_to_their_pages(void **state)
{
	(void)state;
	size_t links = 0;
	for (size_t p = index_page(); p < doc.page_count; p++)
		for (size_t i = 0; i < doc.pages[p].item_count; i++) {
			const struct item *it = &doc.pages[p].items[i];
			if (it->kind != ITEM_LINK_PAGE)
				continue;
			links++;
			struct buffer text = {0};
			text_in(&doc.pages[p], &it->u.link, &text);
			assert_string_equal(text.data, doc.pages[it->u.link.target_page].label);
			assert_true(it->u.link.target_page < index_page());
			buffer_free(&text);
		}
	assert_true(links >= cat.initiative_count);
}

/* Terms follow collate_key, each group under its letter. */
static void index_is_in_alphabetical_order(void **state)
{
	(void)state;
	struct booklet b;
	compose_booklet(&cat, &layout, &b);
	char *last = xstrdup("");
	size_t entries = 0, headings = 0;
	for (size_t i = 0; i < b.count; i++) {
		if (b.blocks[i].kind == BLOCK_INDEX_ENTRY) {
			char *key = collate_key(b.blocks[i].text);
			assert_true(strcmp(last, key) <= 0);
			free(last);
			last = key;
			char *group = collate_group(b.blocks[i].text);
			size_t h = i;
			while (b.blocks[h].kind == BLOCK_INDEX_ENTRY)
				h--;
			assert_string_equal(b.blocks[h].text, group);
			free(group);
			entries++;
		} else if (b.blocks[i].kind == BLOCK_TEXT && i + 1 < b.count &&
			   b.blocks[i + 1].kind == BLOCK_INDEX_ENTRY) {
			headings++;
		}
	}
	free(last);
	booklet_free(&b);
	assert_true(entries > cat.initiative_count);
	assert_true(headings >= 10);
}

/* The index is set in two columns, each run inside its column, and a
 * group's letter always has an entry beneath it in its column. */
static void index_is_in_two_columns(void **state)
{
	(void)state;
	double gap = layout.gutter;
	double measure = layout.page_width - layout.margin_inner - layout.margin_outer;
	double width = (measure - gap) / 2;
	size_t in_column[2] = {0, 0};
	for (size_t p = index_page(); p + 1 < doc.page_count; p++) {   /* not the back cover */
		double left = is_recto(p) ? layout.margin_inner : layout.margin_outer;
		const struct page *page = &doc.pages[p];
		for (size_t i = 0; i < page->item_count; i++) {
			const struct item *it = &page->items[i];
			if (it->kind != ITEM_GLYPHS || is_furniture(&it->u.glyphs))
				continue;
			const struct glyph_run *g = &it->u.glyphs;
			size_t column = g->x >= left + width + gap - 0.01;
			double column_left = left + (width + gap) * (double)column;
			assert_true(g->x + g->width <= column_left + width + 0.01);
			in_column[column]++;
			if (g->face != FACE_SANS_BOLD || g->size > layout.base_size * 1.5)
				continue;   /* the title */
			bool below = false;
			for (size_t k = i + 1; k < page->item_count; k++) {
				const struct item *n = &page->items[k];
				below |= n->kind == ITEM_GLYPHS && n->u.glyphs.y > g->y &&
					 n->u.glyphs.face != FACE_SANS_BOLD &&
					 fabs(n->u.glyphs.x - g->x) < 0.01;
			}
			assert_true(below);
		}
	}
	assert_true(in_column[0] > 20 && in_column[1] > 20);
}

/* A paragraph of text, which outlives the booklet (blocks do not copy
 * their texts). */
static void add_text(struct booklet *b, const char *text, bool heading)
{
	grow_array((void **)&b->blocks, &b->cap, b->count + 1, sizeof *b->blocks);
	b->blocks[b->count++] = (struct block){
		.kind = BLOCK_TEXT, .text = text,
		.style = {.family = heading ? FAMILY_SANS : FAMILY_SERIF, .bold = heading,
			  .size = heading ? 12 : 9.5},
		.dir = DIR_LTR, .align = ALIGN_JUSTIFY, .leading = heading ? 16 : 13,
		.space_before = heading ? 12 : 0, .keep_with_next = heading,
	};
}

/* The page of the first run that contains text. */
static size_t page_of(const struct document *d, const char *text)
{
	for (size_t p = 0; p < d->page_count; p++)
		for (size_t i = 0; i < d->pages[p].item_count; i++) {
			const struct item *it = &d->pages[p].items[i];
			if (it->kind == ITEM_GLYPHS && strstr(it->u.glyphs.text, text))
				return p;
		}
	fail_msg("no run contains %s", text);
	return 0;
}

/* Filler of every length before a heading and a paragraph, so that the
 * heading meets the foot of the page in some of them: it always goes on
 * with at least two lines of its paragraph, and no page holds a single
 * line of a paragraph that runs over. */
static void keeps_hold_wherever_the_page_ends(void **state)
{
	(void)state;
	static const char para[] =
		"Alpha one two three four five six seven eight nine ten eleven "
		"twelve thirteen fourteen fifteen sixteen seventeen eighteen "
		"nineteen twenty twenty-one twenty-two twenty-three twenty-four "
		"twenty-five twenty-six twenty-seven Omega";
	for (int filler = 25; filler <= 40; filler++) {
		struct booklet b = {.title = "T"};
		for (int k = 0; k < filler; k++)
			add_text(&b, "Filler line.", false);
		add_text(&b, "Heading", true);
		add_text(&b, para, false);
		struct document d;
		paginate_booklet(&b, &layout, fonts, &d);

		size_t heading = page_of(&d, "Heading");
		size_t first = page_of(&d, "Alpha"), last = page_of(&d, "Omega");
		assert_int_equal(heading, first);
		/* A justified line is a run per word: count the paragraph's
		 * lines by their baselines (offset by page, to keep pages apart). */
		size_t lines = 0;
		double baselines[16];
		for (size_t p = first; p <= last; p++)
			for (size_t i = 0; i < d.pages[p].item_count; i++) {
				const struct item *it = &d.pages[p].items[i];
				if (it->kind != ITEM_GLYPHS || it->u.glyphs.face != FACE_SERIF ||
				    strcmp(it->u.glyphs.text, "Filler line.") == 0 ||
				    is_furniture(&it->u.glyphs))
					continue;
				bool seen = false;
				for (size_t k = 0; k < lines; k++)
					seen |= baselines[k] == it->u.glyphs.y + 1000.0 * (double)p;
				if (!seen && lines < 16)
					baselines[lines++] = it->u.glyphs.y + 1000.0 * (double)p;
			}
		size_t lines_on_first = 0;
		for (size_t k = 0; k < lines; k++)
			lines_on_first += baselines[k] < 1000.0 * (double)(first + 1);
		assert_true(lines >= 3);
		assert_true(lines_on_first >= 2);
		assert_true(lines - lines_on_first != 1);
		document_free(&d);
		booklet_free(&b);
	}
}

/* An index entry ahead of the pages it points at: the first pass sees
 * every target on one page, the pass that draws sees them on hundreds,
 * and its numbers run over many lines, which moves every target. That drawing pass does not settle, and it spent the lines it
 * drew: the next pass sets them again, and the booklet is whole. */
static void a_pass_that_does_not_settle_leaves_the_text_whole(void **state)
{
	(void)state;
	enum { TARGETS = 400 };
	struct booklet b = {.title = "T", .anchor_count = TARGETS};
	grow_array((void **)&b.blocks, &b.cap, 2, sizeof *b.blocks);
	b.blocks[b.count++] = (struct block){.kind = BLOCK_PAGE_BREAK, .page_style = PAGE_PLAIN};
	struct block *entry = &b.blocks[b.count++];
	*entry = (struct block){
		.kind = BLOCK_INDEX_ENTRY, .text = "Term",
		.style = {.family = FAMILY_SERIF, .size = 9.5}, .dir = DIR_LTR,
		.align = ALIGN_START, .leading = 13, .indent = 10,
		.targets = xmalloc(TARGETS * sizeof *entry->targets),
		.target_count = TARGETS, .target_cap = TARGETS};
	for (size_t k = 0; k < TARGETS; k++)
		entry->targets[k] = k;
	static char texts[TARGETS][16];
	for (size_t k = 0; k < TARGETS; k++) {
		snprintf(texts[k], sizeof texts[k], "Target %zu.", k);
		add_text(&b, texts[k], false);
		b.blocks[b.count - 1].anchored = true;
		b.blocks[b.count - 1].anchor = k;
		grow_array((void **)&b.blocks, &b.cap, b.count + 1, sizeof *b.blocks);
		b.blocks[b.count++] = (struct block){.kind = BLOCK_PAGE_BREAK,
						     .page_style = PAGE_PLAIN};
	}
	struct document d;
	paginate_booklet(&b, &layout, fonts, &d);
	assert_true(page_of(&d, "Term") == 0);
	/* Each target's text is on the page its index number links to. */
	size_t links = 0;
	for (size_t p = 0; p < d.page_count; p++)
		for (size_t i = 0; i < d.pages[p].item_count; i++) {
			const struct item *it = &d.pages[p].items[i];
			if (it->kind != ITEM_LINK_PAGE)
				continue;
			char text[32];
			snprintf(text, sizeof text, "Target %zu.", links++);
			assert_int_equal(it->u.link.target_page, page_of(&d, text));
		}
	assert_int_equal(links, TARGETS);
	document_free(&d);
	booklet_free(&b);
}

/* A link that closes an entry never starts a page alone: the last two
 * lines of the paragraph before it go over with it, while the rest of
 * the paragraph stays where it began (it is not moved whole). */
static void a_closing_link_keeps_the_last_lines(void **state)
{
	(void)state;
	static const char para[] =
		"Alpha one two three four five six seven eight nine ten eleven "
		"twelve thirteen fourteen fifteen sixteen seventeen eighteen "
		"nineteen twenty twenty-one twenty-two twenty-three twenty-four "
		"twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty "
		"thirty-one thirty-two thirty-three thirty-four thirty-five "
		"thirty-six thirty-seven thirty-eight thirty-nine forty forty-one "
		"forty-two forty-three forty-four forty-five forty-six Omega";
	size_t moved_whole = 0;
	for (int filler = 25; filler <= 40; filler++) {
		struct booklet b = {.title = "T"};
		for (int k = 0; k < filler; k++)
			add_text(&b, k + 1 == filler ? "Last filler." : "Filler line.", false);
		add_text(&b, para, false);
		b.blocks[b.count - 1].keep_with_next = true;
		add_text(&b, "https://example.org", false);
		struct document d;
		paginate_booklet(&b, &layout, fonts, &d);
		assert_int_equal(page_of(&d, "https://example.org"), page_of(&d, "Omega"));
		moved_whole += page_of(&d, "Alpha") != page_of(&d, "Last filler.");
		document_free(&d);
		booklet_free(&b);
	}
	/* only when less than two lines' room is left after the filler */
	assert_true(moved_whole <= 2);
}

/* The sample in the A4 report: pages not facing (the left margin is
 * always the inner one), the initiatives in two columns. Every run of
 * body text lies inside one column, both columns are used, no
 * initiative's name ends a column, and on every page the two columns end
 * level (within five lines): a chapter's last page is balanced. */
static void a4_report_flows_in_two_columns(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct layout a4;
	assert_int_equal(layout_read(&a4, "layouts/a4-report.ini", &diags), STATUS_OK);
	assert_false(diag_has_errors(&diags));
	assert_int_equal(a4.columns, 2);
	struct booklet booklet;
	struct document d;
	compose_booklet(&cat, &a4, &booklet);
	paginate_booklet(&booklet, &a4, fonts, &d);
	booklet_free(&booklet);
	assert_false(d.facing_pages);

	double text = a4.page_width - a4.margin_inner - a4.margin_outer;
	double column = (text - a4.gutter) / 2;
	double left[2] = {a4.margin_inner, a4.margin_inner + column + a4.gutter};
	size_t body_runs[2] = {0, 0};
	for (size_t p = 0; p < d.page_count; p++) {
		const struct glyph_run *last[2] = {NULL, NULL};
		double bottom[2] = {0, 0};
		for (size_t i = 0; i < d.pages[p].item_count; i++) {
			const struct item *it = &d.pages[p].items[i];
			if (it->kind != ITEM_GLYPHS)
				continue;
			const struct glyph_run *g = &it->u.glyphs;
			assert_true(g->x >= a4.margin_inner - 0.01);
			assert_true(g->x + g->width <= a4.page_width - a4.margin_outer + 0.01);
			bool in[2];
			for (int c = 0; c < 2; c++)
				in[c] = g->x >= left[c] - 0.01 && g->x + g->width <= left[c] + column + 0.01;
			if (g->face == FACE_SERIF) {
				assert_true(in[0] || in[1]);
				body_runs[in[1]]++;
			}
			if (g->y > a4.margin_top && g->y < a4.page_height - a4.margin_bottom &&
			    (in[0] || in[1])) {
				last[in[1]] = g;
				if (g->face == FACE_SERIF)   /* body text, not a chart's labels */
					bottom[in[1]] = fmax(bottom[in[1]], g->y);
			}
		}
		for (int c = 0; c < 2; c++)
			if (last[c])
				assert_false(last[c]->face == FACE_SANS_BOLD &&
					     last[c]->size == a4.name_size);
		if (bottom[0] > 0 && bottom[1] > 0 && fabs(bottom[0] - bottom[1]) > 5 * a4.leading)
			fail_msg("page %zu: columns end at %.0f and %.0f", p + 1, bottom[0], bottom[1]);
	}
	assert_true(body_runs[0] > 60);
	assert_true(body_runs[1] > 60);
	document_free(&d);
	diag_list_free(&diags);
}

static bool inside(double x, double y, const struct box *b)
{
	return x >= b->x - 0.01 && x <= b->x + b->width + 0.01 &&
	       y >= b->y - 0.01 && y <= b->y + b->height + 0.01;
}

/* The sample in a5-print: every page is the A5 trim grown by the bleed
 * and room for crop marks; text stays inside the trim; the covers' bands
 * run to the bleed's edge; eight crop marks per page lie outside the
 * bleed, along the trim's edges. */
static void print_layout_has_bleed_and_crop_marks(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	struct layout print;
	assert_int_equal(layout_read(&print, "layouts/a5-print.ini", &diags), STATUS_OK);
	assert_false(diag_has_errors(&diags));
	struct booklet booklet;
	struct document d;
	compose_booklet(&cat, &print, &booklet);
	paginate_booklet(&booklet, &print, fonts, &d);
	booklet_free(&booklet);
	double bleed = 3 * 72 / 25.4;
	for (size_t p = 0; p < d.page_count; p++) {
		const struct page *page = &d.pages[p];
		const struct box *t = &page->trim, *b = &page->bleed;
		assert_true(fabs(t->width - print.page_width) < 0.01);
		assert_true(fabs(t->height - print.page_height) < 0.01);
		assert_true(fabs(t->x - b->x - bleed) < 0.01 && fabs(t->y - b->y - bleed) < 0.01);
		assert_true(fabs(b->width - t->width - 2 * bleed) < 0.01);
		assert_true(b->x > 0 && b->x + b->width < page->width);
		assert_true(b->y > 0 && b->y + b->height < page->height);
		size_t marks = 0;
		for (size_t i = 0; i < page->item_count; i++) {
			const struct item *it = &page->items[i];
			if (it->kind == ITEM_GLYPHS)
				assert_true(inside(it->u.glyphs.x, it->u.glyphs.y, t));
			if (it->kind != ITEM_RULE)
				continue;
			const struct rule *r = &it->u.rule;
			if (inside(r->x1, r->y1, b) || inside(r->x2, r->y2, b)) {
				assert_false(r->registration);   /* drawn on the page, not a mark */
				continue;
			}
			assert_true(r->registration);   /* a mark prints on every plate */
			/* Along the line of a trim edge, and wholly outside the bleed. */
			bool vertical = r->x1 == r->x2;
			double line = vertical ? r->x1 : r->y1;
			double edges[2] = {vertical ? t->x : t->y,
					   vertical ? t->x + t->width : t->y + t->height};
			assert_true(fabs(line - edges[0]) < 0.01 || fabs(line - edges[1]) < 0.01);
			marks++;
		}
		assert_int_equal(marks, 8);
	}
	/* The covers' bands reach the bleed's edges. */
	size_t last = d.page_count - 1;
	const size_t covers[2] = {0, last};
	for (int c = 0; c < 2; c++) {
		const struct page *page = &d.pages[covers[c]];
		double left = 1e9, right = -1e9, top = 1e9, bottom = -1e9;
		for (size_t i = 0; i < page->item_count; i++) {
			const struct rect *r = &page->items[i].u.rect;
			if (page->items[i].kind != ITEM_RECT)
				continue;
			left = fmin(left, r->x);
			right = fmax(right, r->x + r->width);
			top = fmin(top, r->y);
			bottom = fmax(bottom, r->y + r->height);
		}
		assert_true(fabs(left - page->bleed.x) < 0.01);
		assert_true(fabs(right - page->bleed.x - page->bleed.width) < 0.01);
		if (c == 0)
			assert_true(fabs(top - page->bleed.y) < 0.01);
		else
			assert_true(fabs(bottom - page->bleed.y - page->bleed.height) < 0.01);
	}
	document_free(&d);
	diag_list_free(&diags);
}

/* The index's last page has its two columns end level: within two
 * lines of each other, rather than the first full and the second short. */
static void index_columns_end_level_on_its_last_page(void **state)
{
	(void)state;
	size_t last = index_page();
	for (size_t p = index_page(); p < doc.page_count; p++)
		for (size_t i = 0; i < doc.pages[p].item_count; i++)
			if (doc.pages[p].items[i].kind == ITEM_LINK_PAGE)
				last = p;
	assert_true(last > index_page());   /* the sample's index takes two pages */
	double measure = layout.page_width - layout.margin_inner - layout.margin_outer;
	double middle = (is_recto(last) ? layout.margin_inner : layout.margin_outer) +
			measure / 2;
	double bottom[2] = {0, 0};
	const struct page *page = &doc.pages[last];
	for (size_t i = 0; i < page->item_count; i++) {
		const struct item *it = &page->items[i];
		if (it->kind == ITEM_GLYPHS && !is_furniture(&it->u.glyphs)) {
			size_t column = it->u.glyphs.x > middle;
			bottom[column] = fmax(bottom[column], it->u.glyphs.y);
		}
	}
	assert_true(bottom[0] > 0 && bottom[1] > 0);
	assert_true(fabs(bottom[0] - bottom[1]) <= 2 * layout.leading);
}

/* The page of d's level-0 outline entry titled title; the first chapter's
 * when title is NULL. */
static size_t chapter_page(const struct document *d, const char *title)
{
	for (size_t i = 0; i < d->outline_count; i++)
		if (d->outline[i].level == 0 && !sample_is_foreword(d, &d->outline[i]) &&
		    (!title || strcmp(d->outline[i].title, title) == 0))
			return d->outline[i].page;
	fail_msg("no chapter %s", title ? title : "");
	return 0;
}

/* The contents' and the index's rules, on pages of every height from
 * 380 to 600 points, so that page ends fall everywhere: a chapter's
 * contents entry never ends a page (only the last entry, the index's,
 * may); in the index no column starts with the hanging line of an entry
 * begun in the column before, and no heading letter ends a column. */
static void navigation_keeps_hold_wherever_the_page_ends(void **state)
{
	(void)state;
	for (double height = 380; height <= 600; height += 20) {
		struct layout l = layout;
		l.page_height = height;
		struct booklet b;
		struct document d;
		compose_booklet(&cat, &l, &b);
		paginate_booklet(&b, &l, fonts, &d);
		booklet_free(&b);

		size_t first = chapter_page(&d, NULL), index = chapter_page(&d, "Index");
		for (size_t p = 1; p < first; p++) {
			const struct page *page = &d.pages[p];
			/* The last entry on a contents page is not a chapter's
			 * (a marker followed by a single link), unless it is
			 * the index's, the last of all. */
			size_t links_after_marker = 0;
			bool marker = false;
			for (size_t i = 0; i < page->item_count; i++) {
				if (page->items[i].kind == ITEM_RECT) {
					marker = true;
					links_after_marker = 0;
				} else if (page->items[i].kind == ITEM_LINK_PAGE) {
					links_after_marker++;
				}
			}
			if (marker && links_after_marker == 1 && p + 1 < first) {
				const struct item *last = NULL;
				for (size_t i = 0; i < page->item_count; i++)
					if (page->items[i].kind == ITEM_LINK_PAGE)
						last = &page->items[i];
				assert_int_equal(last->u.link.target_page, index);
			}
		}

		double measure = l.page_width - l.margin_inner - l.margin_outer;
		double width = (measure - l.gutter) / 2;
		for (size_t p = index; p + 1 < d.page_count; p++) {
			double left = is_recto(p) ? l.margin_inner : l.margin_outer;
			const struct page *page = &d.pages[p];
			for (size_t column = 0; column < 2; column++) {
				double column_left = left + (width + l.gutter) * (double)column;
				const struct glyph_run *top = NULL, *bottom = NULL;
				for (size_t i = 0; i < page->item_count; i++) {
					const struct item *it = &page->items[i];
					if (it->kind != ITEM_GLYPHS)
						continue;
					const struct glyph_run *g = &it->u.glyphs;
					if (g->y < l.margin_top || g->y > l.page_height - l.margin_bottom ||
					    g->x < column_left - 0.01 || g->x > column_left + width ||
					    g->size > l.base_size * 1.5)
						continue;   /* furniture, the other column, the title */
					if (!top || g->y < top->y)
						top = g;
					if (!bottom || g->y >= bottom->y)
						bottom = g;
				}
				if (top)
					assert_true(fabs(top->x - column_left) < 0.01);
				if (bottom)
					assert_int_not_equal(bottom->face, FACE_SANS_BOLD);
			}
		}
		document_free(&d);
	}
}

/* A label is set once and then reused: the same text in another style is
 * another label. Here the index's page number and the folio are both "1",
 * one in the entry's italics, the other in the folio's sans. */
static void a_label_keeps_its_own_style(void **state)
{
	(void)state;
	struct booklet b = {.title = "T", .anchor_count = 1};
	add_text(&b, "Index", true);
	grow_array((void **)&b.blocks, &b.cap, b.count + 1, sizeof *b.blocks);
	struct block *entry = &b.blocks[b.count++];
	*entry = (struct block){
		.kind = BLOCK_INDEX_ENTRY, .text = "Term",
		/* the folio's size: only the family and italics differ */
		.style = {.family = FAMILY_SERIF, .italic = true, .size = layout.base_size * 0.8},
		.dir = DIR_LTR, .align = ALIGN_START, .leading = 13, .indent = 10,
		.targets = xcalloc(1, sizeof *entry->targets), .target_count = 1,
		.target_cap = 1};
	add_text(&b, "Anchor.", false);
	b.blocks[b.count - 1].anchored = true;
	struct document d;
	paginate_booklet(&b, &layout, fonts, &d);
	size_t numbers = 0, folios = 0;
	for (size_t i = 0; i < d.pages[0].item_count; i++) {
		const struct glyph_run *g = &d.pages[0].items[i].u.glyphs;
		if (d.pages[0].items[i].kind != ITEM_GLYPHS || strcmp(g->text, "1") != 0)
			continue;
		if (is_furniture(g)) {
			assert_int_equal(g->face, FACE_SANS);
			folios++;
		} else {
			assert_int_equal(g->face, FACE_SERIF_ITALIC);
			numbers++;
		}
	}
	assert_int_equal(numbers, 1);
	assert_int_equal(folios, 1);
	document_free(&d);
	booklet_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_run_stays_inside_the_frame),
		cmocka_unit_test(chapters_open_on_right_hand_pages),
		cmocka_unit_test(item_arrays_are_trimmed_to_their_items),
		cmocka_unit_test(headings_and_names_never_end_a_page),
		cmocka_unit_test(contents_link_to_chapters_and_initiatives),
		cmocka_unit_test(every_url_is_a_link),
		cmocka_unit_test(chapter_colors_on_cover_and_contents),
		cmocka_unit_test(keeps_hold_wherever_the_page_ends),
		cmocka_unit_test(a_closing_link_keeps_the_last_lines),
		cmocka_unit_test(a_pass_that_does_not_settle_leaves_the_text_whole),
		cmocka_unit_test(a_label_keeps_its_own_style),
		cmocka_unit_test(pages_are_labelled_roman_then_arabic),
		cmocka_unit_test(chapters_and_initiatives_are_named_destinations),
		cmocka_unit_test(foreword_is_in_contents_outline_and_destinations),
		cmocka_unit_test(no_foreword_no_entry),
		cmocka_unit_test(index_numbers_link_to_their_pages),
		cmocka_unit_test(index_is_in_alphabetical_order),
		cmocka_unit_test(index_is_in_two_columns),
		cmocka_unit_test(index_columns_end_level_on_its_last_page),
		cmocka_unit_test(navigation_keeps_hold_wherever_the_page_ends),
		cmocka_unit_test(a4_report_flows_in_two_columns),
		cmocka_unit_test(print_layout_has_bleed_and_crop_marks),
	};
	return cmocka_run_group_tests(tests, lay_out_sample, free_sample);
}
