/* page.c - building, freeing and dumping the page model. */
#include "page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const face_names[FACE_COUNT] = {
	[FACE_SERIF] = "serif",
	[FACE_SERIF_ITALIC] = "serif-italic",
	[FACE_SERIF_BOLD] = "serif-bold",
	[FACE_SANS] = "sans",
	[FACE_SANS_BOLD] = "sans-bold",
	[FACE_HEBREW_SERIF] = "hebrew-serif",
	[FACE_HEBREW_SERIF_BOLD] = "hebrew-serif-bold",
	[FACE_HEBREW_SANS] = "hebrew-sans",
	[FACE_HEBREW_SANS_BOLD] = "hebrew-sans-bold",
	[FACE_ARABIC] = "arabic",
	[FACE_ARABIC_BOLD] = "arabic-bold",
};

struct page *page_new(struct document *doc, double width, double height)
{
	grow_array((void **)&doc->pages, &doc->page_cap, doc->page_count + 1,
		   sizeof *doc->pages);
	struct page *page = &doc->pages[doc->page_count++];
	struct box whole = {0, 0, width, height};
	*page = (struct page){.width = width, .height = height, .trim = whole,
			      .bleed = whole};
	return page;
}

void page_add(struct page *page, struct item item)
{
	grow_array((void **)&page->items, &page->item_cap, page->item_count + 1,
		   sizeof *page->items);
	page->items[page->item_count++] = item;
}

void page_trim(struct page *page)
{
	if (page->item_cap > page->item_count && page->item_count > 0) {
		page->items = xrealloc(page->items, page->item_count * sizeof *page->items);
		page->item_cap = page->item_count;
	}
}

void document_trim(struct document *doc)
{
	for (size_t p = 0; p < doc->page_count; p++)
		page_trim(&doc->pages[p]);
}

struct item item_copy(const struct item *item)
{
	struct item copy = *item;
	switch (item->kind) {
	case ITEM_GLYPHS: {
		const struct glyph_run *g = &item->u.glyphs;
		copy.u.glyphs.text = run_text_copy(g->text, g->adjust, &copy.u.glyphs.adjust);
		break;
	}
	case ITEM_LINK_URI:
		copy.u.link.uri = xstrdup(item->u.link.uri);
		break;
	case ITEM_PATH: {
		size_t bytes = item->u.path.op_count * sizeof *item->u.path.ops;
		copy.u.path.ops = xmalloc(bytes ? bytes : 1);
		memcpy(copy.u.path.ops, item->u.path.ops, bytes);
		break;
	}
	case ITEM_RECT:
	case ITEM_RULE:
	case ITEM_LINK_PAGE:
		break;
	}
	return copy;
}

void item_move(struct item *item, double dx, double dy)
{
	switch (item->kind) {
	case ITEM_GLYPHS:
		item->u.glyphs.x += dx;
		item->u.glyphs.y += dy;
		break;
	case ITEM_RECT:
		item->u.rect.x += dx;
		item->u.rect.y += dy;
		break;
	case ITEM_RULE:
		item->u.rule.x1 += dx;
		item->u.rule.x2 += dx;
		item->u.rule.y1 += dy;
		item->u.rule.y2 += dy;
		break;
	case ITEM_LINK_URI:
	case ITEM_LINK_PAGE:
		item->u.link.x += dx;
		item->u.link.y += dy;
		break;
	case ITEM_PATH:
		for (size_t i = 0; i < item->u.path.op_count; i++)
			for (int k = 0; k < 3; k++) {
				item->u.path.ops[i].x[k] += dx;
				item->u.path.ops[i].y[k] += dy;
			}
		break;
	}
}

static char *copy_or_null(const char *text)
{
	return text ? xstrdup(text) : NULL;
}

void document_set_info(struct document *doc, const char *title, const char *author,
		       const char *subject, const char *date)
{
	doc->title = copy_or_null(title);
	doc->author = copy_or_null(author);
	doc->subject = copy_or_null(subject);
	doc->date = copy_or_null(date);
}

void document_add_outline(struct document *doc, const char *title, int level,
			  size_t page, double y)
{
	grow_array((void **)&doc->outline, &doc->outline_cap,
		   doc->outline_count + 1, sizeof *doc->outline);
	doc->outline[doc->outline_count++] = (struct outline_entry){
		.title = xstrdup(title), .level = level, .page = page, .y = y};
}

void document_add_destination(struct document *doc, const char *name, size_t page,
			      double y)
{
	grow_array((void **)&doc->destinations, &doc->destination_cap,
		   doc->destination_count + 1, sizeof *doc->destinations);
	doc->destinations[doc->destination_count++] = (struct destination){
		.name = xstrdup(name), .page = page, .y = y};
}

void document_start_numbering(struct document *doc, size_t first_page,
			      enum numbering style)
{
	grow_array((void **)&doc->numbering, &doc->numbering_cap,
		   doc->numbering_count + 1, sizeof *doc->numbering);
	doc->numbering[doc->numbering_count++] = (struct numbering_range){
		.first_page = first_page, .style = style};
}

/* Lower-case roman numerals, as PDF viewers write /r page labels. */
static void append_roman(struct buffer *out, size_t n)
{
	static const struct { size_t value; const char *digits; } steps[] = {
		{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
		{90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"},
		{4, "iv"}, {1, "i"}};
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
		for (; n >= steps[i].value; n -= steps[i].value)
			buffer_append_str(out, steps[i].digits);
}

/* Letters as numbers, the way Hebrew (gematria) and Arabic (abjad)
 * books number their front matter: units, tens and hundreds each a
 * letter, 15 and 16 in Hebrew as 9 + 6 and 9 + 7, not a divine name. */
static void append_letters(struct buffer *out, size_t n, bool hebrew)
{
	static const char *const hebrew_digits[3][10] = {
		{"", "א", "ב", "ג", "ד", "ה", "ו", "ז", "ח", "ט"},
		{"", "י", "כ", "ל", "מ", "נ", "ס", "ע", "פ", "צ"},
		{"", "ק", "ר", "ש", "ת", "תק", "תר", "תש", "תת", "תתק"},
	};
	static const char *const abjad_digits[3][10] = {
		{"", "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط"},
		{"", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص"},
		{"", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ"},
	};
	const char *const (*digits)[10] = hebrew ? hebrew_digits : abjad_digits;
	n %= 1000;
	size_t tens = n / 10 % 10, units = n % 10;
	buffer_append_str(out, digits[2][n / 100]);
	if (hebrew && tens == 1 && (units == 5 || units == 6)) {
		buffer_append_str(out, digits[0][9]);           /* ט */
		buffer_append_str(out, digits[0][units + 1]);   /* ו, ז */
		return;
	}
	buffer_append_str(out, digits[1][tens]);
	/* Alone, abjad's one is أ and five هـ (its tatweel says it stands
	 * alone); after other letters a plain alef and heh: يا, يه. */
	bool after = tens || n >= 100;
	if (!hebrew && after && (units == 1 || units == 5))
		buffer_append_str(out, units == 1 ? "ا" : "ه");
	else
		buffer_append_str(out, digits[0][units]);
}

static const char *const numbering_names[] = {
	[NUMBERING_ROMAN] = "roman", [NUMBERING_ARABIC] = "arabic",
	[NUMBERING_HEBREW] = "hebrew", [NUMBERING_ABJAD] = "abjad",
};

char *document_page_label(const struct document *doc, size_t index)
{
	enum numbering style = NUMBERING_ARABIC;
	size_t first = 0;
	for (size_t i = 0; i < doc->numbering_count; i++)
		if (doc->numbering[i].first_page <= index) {
			style = doc->numbering[i].style;
			first = doc->numbering[i].first_page;
		}
	struct buffer out = {0};
	if (style == NUMBERING_ROMAN)
		append_roman(&out, index - first + 1);
	else if (style == NUMBERING_HEBREW || style == NUMBERING_ABJAD)
		append_letters(&out, index - first + 1, style == NUMBERING_HEBREW);
	else
		buffer_printf(&out, "%zu", index - first + 1);
	return buffer_take(&out);
}

void item_free(struct item *item)
{
	switch (item->kind) {
	case ITEM_GLYPHS:
		free(item->u.glyphs.text);   /* and its adjust */
		break;
	case ITEM_LINK_URI:
		free(item->u.link.uri);
		break;
	case ITEM_PATH:
		free(item->u.path.ops);
		break;
	case ITEM_RECT:
	case ITEM_RULE:
	case ITEM_LINK_PAGE:
		break;
	}
}

char *run_text_copy(const char *text, const uint16_t *adjust, uint16_t **adjust_out)
{
	size_t len = strlen(text), count = 0;
	for (size_t i = 0; adjust && i < len; i++)
		count += (text[i] & 0xC0) != 0x80;
	void *copy;
	char *s = xstrndup_tail(text, len, adjust, count, sizeof *adjust, &copy);
	*adjust_out = copy;
	return s;
}

void page_free_items(struct page *page)
{
	for (size_t i = 0; i < page->item_count; i++)
		item_free(&page->items[i]);
	free(page->items);
	page->items = NULL;
	page->item_count = page->item_cap = 0;
}

void document_free(struct document *doc)
{
	for (size_t p = 0; p < doc->page_count; p++) {
		page_free_items(&doc->pages[p]);
		free(doc->pages[p].label);
	}
	free(doc->pages);
	for (size_t i = 0; i < doc->outline_count; i++)
		free(doc->outline[i].title);
	free(doc->outline);
	free(doc->title);
	free(doc->author);
	free(doc->subject);
	free(doc->date);
	for (size_t i = 0; i < doc->destination_count; i++)
		free(doc->destinations[i].name);
	free(doc->destinations);
	free(doc->numbering);
	*doc = (struct document){0};
}

/* "page 5 path ops=5 box=x,y,w,h fill=#RRGGBB stroke=none": enough for a
 * test to find a chart's bars and compare their lengths. */
static void dump_path(struct buffer *out, size_t page, const struct path *path)
{
	double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
	bool any = false;
	for (size_t i = 0; i < path->op_count; i++) {
		const struct path_op *op = &path->ops[i];
		int points = op->kind == PATH_CURVE ? 3 : op->kind == PATH_CLOSE ? 0 : 1;
		for (int k = 0; k < points; k++) {
			if (!any || op->x[k] < x0) x0 = op->x[k];
			if (!any || op->x[k] > x1) x1 = op->x[k];
			if (!any || op->y[k] < y0) y0 = op->y[k];
			if (!any || op->y[k] > y1) y1 = op->y[k];
			any = true;
		}
	}
	buffer_printf(out, "page %zu path ops=%zu x=%.1f y=%.1f w=%.1f h=%.1f", page,
		      path->op_count, x0, y0, x1 - x0, y1 - y0);
	if (path->fill)
		buffer_printf(out, " fill=#%02X%02X%02X", (unsigned)(path->fill_color.r * 255 + 0.5),
			      (unsigned)(path->fill_color.g * 255 + 0.5),
			      (unsigned)(path->fill_color.b * 255 + 0.5));
	if (path->stroke)
		buffer_printf(out, " stroke=#%02X%02X%02X lw=%.2f",
			      (unsigned)(path->stroke_color.r * 255 + 0.5),
			      (unsigned)(path->stroke_color.g * 255 + 0.5),
			      (unsigned)(path->stroke_color.b * 255 + 0.5), path->line_width);
	buffer_append_str(out, "\n");
}

void page_dump(const struct document *doc, struct buffer *out)
{
	for (size_t p = 0; p < doc->page_count; p++) {
		const struct page *page = &doc->pages[p];
		buffer_printf(out, "page %zu size=%.1fx%.1f label=%s", p + 1,
			      page->width, page->height,
			      page->label ? page->label : "-");
		if (page->trim.width != page->width || page->trim.height != page->height)
			buffer_printf(out, " trim=%.1f,%.1f,%.1fx%.1f bleed=%.1f,%.1f,%.1fx%.1f",
				      page->trim.x, page->trim.y, page->trim.width,
				      page->trim.height, page->bleed.x, page->bleed.y,
				      page->bleed.width, page->bleed.height);
		buffer_append_str(out, "\n");
		for (size_t i = 0; i < page->item_count; i++) {
			const struct item *it = &page->items[i];
			switch (it->kind) {
			case ITEM_GLYPHS: {
				const struct glyph_run *g = &it->u.glyphs;
				buffer_printf(out,
					      "page %zu glyphs face=%s size=%.1f x=%.1f y=%.1f w=%.1f |%s|\n",
					      p + 1, face_names[g->face], g->size,
					      g->x, g->y, g->width, g->text);
				break;
			}
			case ITEM_RECT: {
				const struct rect *r = &it->u.rect;
				buffer_printf(out, "page %zu rect x=%.1f y=%.1f w=%.1f h=%.1f\n",
					      p + 1, r->x, r->y, r->width, r->height);
				break;
			}
			case ITEM_RULE: {
				const struct rule *r = &it->u.rule;
				buffer_printf(out, "page %zu rule x1=%.1f y1=%.1f x2=%.1f y2=%.1f%s\n",
					      p + 1, r->x1, r->y1, r->x2, r->y2,
					      r->registration ? " registration" : "");
				break;
			}
			case ITEM_LINK_URI:
				buffer_printf(out, "page %zu link x=%.1f y=%.1f w=%.1f h=%.1f uri=%s\n",
					      p + 1, it->u.link.x, it->u.link.y,
					      it->u.link.width, it->u.link.height,
					      it->u.link.uri);
				break;
			case ITEM_LINK_PAGE:
				buffer_printf(out, "page %zu link x=%.1f y=%.1f w=%.1f h=%.1f to-page=%zu\n",
					      p + 1, it->u.link.x, it->u.link.y,
					      it->u.link.width, it->u.link.height,
					      it->u.link.target_page + 1);
				break;
			case ITEM_PATH:
				dump_path(out, p + 1, &it->u.path);
				break;
			}
		}
	}
	for (size_t i = 0; i < doc->outline_count; i++)
		buffer_printf(out, "outline level=%d page=%zu |%s|\n",
			      doc->outline[i].level, doc->outline[i].page + 1,
			      doc->outline[i].title);
	for (size_t i = 0; i < doc->destination_count; i++)
		buffer_printf(out, "destination page=%zu y=%.1f |%s|\n",
			      doc->destinations[i].page + 1, doc->destinations[i].y,
			      doc->destinations[i].name);
	for (size_t i = 0; i < doc->numbering_count; i++)
		buffer_printf(out, "numbering from-page=%zu style=%s\n",
			      doc->numbering[i].first_page + 1,
			      numbering_names[doc->numbering[i].style]);
}
