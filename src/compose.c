/* compose.c - cover, contents and chapters as a list of styled blocks. */
#include "compose.h"
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The typographic scale of the booklet, derived from the layout's base
 * size so that every format keeps the same proportions; the headings'
 * sizes and the colors are the layout's. */
struct styles {
	double base, leading;
	double title_scale, chapter_scale, name_scale;   /* of base */
	struct rgb ink, muted;
};

static struct rgb sector_color(const struct sector *sec)
{
	return (struct rgb){sec->rgb[0], sec->rgb[1], sec->rgb[2]};
}

static struct block *add_block(struct booklet *b, enum block_kind kind)
{
	grow_array((void **)&b->blocks, &b->cap, b->count + 1, sizeof *b->blocks);
	struct block *blk = &b->blocks[b->count++];
	*blk = (struct block){.kind = kind, .align = ALIGN_START, .dir = DIR_LTR};
	return blk;
}

/* A paragraph style: family, and size and leading as a scale of the
 * body's; left to right in ink unless the caller changes it. */
static struct block text_style(const struct styles *s, enum family family, double scale)
{
	return (struct block){
		.kind = BLOCK_TEXT, .color = s->ink, .align = ALIGN_START, .dir = DIR_LTR,
		.style = {.family = family, .size = s->base * scale},
		.leading = s->leading * scale,
	};
}

static struct block *add_styled(struct booklet *b, const char *text,
				const struct block *model)
{
	struct block *blk = add_block(b, BLOCK_TEXT);
	*blk = *model;
	blk->text = xstrdup(text);
	return blk;
}

static struct block *add_text(struct booklet *b, const struct styles *s,
			      const char *text, enum family family, double scale)
{
	struct block model = text_style(s, family, scale);
	return add_styled(b, text, &model);
}

/* The blocks from first on span every column: covers, contents and
 * chapter openings; only the initiatives flow in columns. */
static void span_columns(struct booklet *b, size_t first)
{
	for (size_t i = first; i < b->count; i++)
		b->blocks[i].full_width = true;
}

static void add_page_break(struct booklet *b, enum page_style style)
{
	add_block(b, BLOCK_PAGE_BREAK)->page_style = style;
}

/* A name's Hebrew and Arabic forms, each when given, as right-to-left
 * lines styled like model. */
static void add_rtl_names(struct booklet *b, const char *hebrew, const char *arabic,
			  struct block model)
{
	model.dir = DIR_RTL;
	if (*hebrew)
		add_styled(b, hebrew, &model);
	if (*arabic)
		add_styled(b, arabic, &model);
}

/* Adds one block per paragraph of text (paragraphs are separated by line
 * breaks in the cell). */
static void add_paragraphs(struct booklet *b, const char *text,
			   const struct block *model)
{
	const char *p = text;
	while (*p) {
		size_t len = strcspn(p, "\n");
		char *para = xstrndup(p, len);
		if (strspn(para, " \t\r") < len)
			add_styled(b, para, model);
		free(para);
		p += len;
		p += strspn(p, "\n");
	}
}

/* 1234567 -> "1,234,567". */
static void format_count(long long n, char *out, size_t size)
{
	char digits[32];
	snprintf(digits, sizeof digits, "%lld", n);
	size_t len = strlen(digits), o = 0;
	for (size_t i = 0; i < len && o + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

/* "2026-12-01" -> "1 December 2026"; anything else is kept as written. */
static char *format_date(const char *iso)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"};
	int y, m, d;
	struct buffer out = {0};
	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12)
		buffer_printf(&out, "%d %s %d", d, months[m - 1], y);
	else
		buffer_append_str(&out, iso);
	return buffer_take(&out);
}

/* A bar of the chapters' colors: the booklet's sectors at a glance, in
 * their order. */
static struct block *add_color_bar(const struct catalog *cat, const size_t *counts,
				   const struct styles *s, struct booklet *b)
{
	struct block *bar = add_block(b, BLOCK_COLOR_BAR);
	bar->colors = xcalloc(cat->sector_count, sizeof *bar->colors);
	for (size_t i = 0; i < cat->sector_count; i++)
		if (counts[i])
			bar->colors[bar->color_count++] = sector_color(&cat->sectors[i]);
	bar->leading = s->base * 0.6;   /* the bar's height */
	return bar;
}

/* The cover opens with the bar of the chapters' colors. */
static void compose_cover(const struct catalog *cat, const size_t *counts,
			  const struct styles *s, struct booklet *b)
{
	const struct edition *ed = &cat->edition;
	add_page_break(b, PAGE_BARE);
	add_color_bar(cat, counts, s, b);
	add_block(b, BLOCK_FILL);
	struct block *t = add_text(b, s, ed->title.text, FAMILY_SANS, s->title_scale);
	t->style.bold = true;
	t->align = ALIGN_CENTER;
	t->space_after = s->leading * 0.6;
	struct block title_rtl = text_style(s, FAMILY_SANS, s->title_scale * 2.0 / 2.6);
	title_rtl.style.bold = true;
	title_rtl.align = ALIGN_CENTER;
	title_rtl.space_after = s->leading * 0.3;
	add_rtl_names(b, ed->title_he.text, ed->title_ar.text, title_rtl);
	if (*ed->subtitle.text) {
		struct block *sub = add_text(b, s, ed->subtitle.text, FAMILY_SERIF, 1.15);
		sub->style.italic = true;
		sub->align = ALIGN_CENTER;
		sub->space_before = s->leading * 1.2;
		sub->indent = s->base * 2;
	}
	add_block(b, BLOCK_FILL);
	add_block(b, BLOCK_FILL);
	char *date = format_date(ed->date.text);
	const char *bottom[] = {ed->label.text, date, ed->publisher.text};
	for (size_t i = 0; i < 3; i++) {
		if (!*bottom[i])
			continue;
		struct block *l = add_text(b, s, bottom[i], FAMILY_SANS, 1.0);
		l->align = ALIGN_CENTER;
		l->color = s->muted;
	}
	free(date);
}

/* The back cover says who published the edition and when, above the
 * cover's bar of colors. */
static void compose_back_cover(const struct catalog *cat, const size_t *counts,
			       const struct styles *s, struct booklet *b)
{
	const struct edition *ed = &cat->edition;
	add_block(b, BLOCK_BACK_COVER);
	add_block(b, BLOCK_FILL);
	struct block *t = add_text(b, s, ed->title.text, FAMILY_SANS, 1.3);
	t->style.bold = true;
	t->align = ALIGN_CENTER;
	t->space_after = s->leading * 0.4;
	char *date = format_date(ed->date.text);
	const char *lines[] = {ed->publisher.text, date};
	for (size_t i = 0; i < 2; i++) {
		if (!*lines[i])
			continue;
		struct block *l = add_text(b, s, lines[i], FAMILY_SANS, 1.0);
		l->align = ALIGN_CENTER;
		l->color = s->muted;
	}
	free(date);
	add_color_bar(cat, counts, s, b)->space_before = s->leading * 2;
}

static void compose_contents(const struct catalog *cat, const size_t *counts,
			     const struct styles *s, struct booklet *b)
{
	add_page_break(b, PAGE_PLAIN);
	struct block *h = add_text(b, s, "Contents", FAMILY_SANS, s->chapter_scale);
	h->style.bold = true;
	h->space_after = s->leading;
	size_t chapter = 0;
	for (size_t i = 0; i < cat->sector_count; i++) {
		if (!counts[i])
			continue;
		struct block *e = add_block(b, BLOCK_CONTENTS_ENTRY);
		e->text = xstrdup(cat->sectors[i].name.text);
		e->style = (struct text_style){.family = FAMILY_SANS, .size = s->base * 1.1};
		e->leading = s->leading * 1.1;
		e->space_after = s->leading * 0.35;
		e->color = sector_color(&cat->sectors[i]);   /* its marker */
		e->indent = e->style.size * 1.2;              /* room for the marker */
		e->chapter = chapter++;
	}
}

static void compose_initiative(const struct initiative *in, const struct sector *sec,
			       const struct styles *s, struct booklet *b)
{
	struct block *name = add_text(b, s, in->name.text, FAMILY_SANS, s->name_scale);
	name->style.bold = true;
	name->space_before = s->leading * 1.2;
	name->space_after = s->leading * 0.15;
	name->keep_with_next = true;
	name->bookmark = true;
	struct block name_rtl = text_style(s, FAMILY_SANS, 1.1);
	name_rtl.color = sector_color(sec);
	name_rtl.keep_with_next = true;
	add_rtl_names(b, in->name_he.text, in->name_ar.text, name_rtl);

	struct buffer meta = {0};
	const char *sep = "";
	if (*in->location.text) {
		buffer_printf(&meta, "%s", in->location.text);
		sep = "  ·  ";
	}
	if (in->founded_year) {
		buffer_printf(&meta, "%sFounded %d", sep, in->founded_year);
		sep = "  ·  ";
	}
	if (in->participant_count >= 0) {
		char count[40];
		format_count(in->participant_count, count, sizeof count);
		buffer_printf(&meta, "%s%s participants", sep, count);
	}
	if (meta.len) {
		struct block *m = add_text(b, s, meta.data, FAMILY_SANS, 0.85);
		m->color = s->muted;
		m->space_before = s->leading * 0.2;
		m->keep_with_next = true;
	}
	buffer_free(&meta);

	struct block body = text_style(s, FAMILY_SERIF, 1.0);
	body.align = ALIGN_JUSTIFY;
	body.space_before = s->leading * 0.35;
	add_paragraphs(b, in->summary.text, &body);

	if (*in->quote.text) {
		struct block quote = body;
		quote.style.italic = true;
		quote.indent = s->base * 1.5;
		quote.align = ALIGN_START;
		quote.space_before = s->leading * 0.5;
		struct buffer q = {0};
		bool quoted = strncmp(in->quote.text, "\u201c", 3) == 0 ||
			      in->quote.text[0] == '"';
		if (quoted)
			buffer_append_str(&q, in->quote.text);
		else
			buffer_printf(&q, "\u201c%s\u201d", in->quote.text);
		add_paragraphs(b, q.data, &quote);
		buffer_free(&q);
		if (*in->quote_by.text) {
			/* The attribution never starts a page on its own. */
			b->blocks[b->count - 1].keep_with_next = true;
			struct buffer by = {0};
			buffer_printf(&by, "\u2014 %s", in->quote_by.text);
			struct block *a = add_text(b, s, by.data, FAMILY_SANS, 0.85);
			a->align = ALIGN_END;
			a->indent = s->base * 1.5;
			a->color = s->muted;
			buffer_free(&by);
		}
	}
	if (in->partner_count) {
		struct buffer p = {0};
		buffer_append_str(&p, in->partner_count > 1 ? "Partners: " : "Partner: ");
		for (size_t i = 0; i < in->partner_count; i++)
			buffer_printf(&p, "%s%s", i ? "; " : "", in->partner_names[i]);
		struct block *pb = add_text(b, s, p.data, FAMILY_SANS, 0.85);
		pb->space_before = s->leading * 0.4;
		buffer_free(&p);
	}
	if (*in->url.text) {
		struct block *u = add_text(b, s, in->url.text, FAMILY_SANS, 0.85);
		u->color = sector_color(sec);
		u->uri = xstrdup(in->url.text);
		u->space_before = s->leading * 0.2;
	}
}

static void compose_chapter(const struct catalog *cat, size_t sector_index,
			    size_t chapter, const struct styles *s, struct booklet *b)
{
	const struct sector *sec = &cat->sectors[sector_index];
	struct rgb color = sector_color(sec);
	size_t first = b->count;
	struct block *open = add_block(b, BLOCK_CHAPTER);
	open->text = xstrdup(sec->name.text);
	open->chapter = chapter;
	open->color = color;
	open->page_style = PAGE_BODY;

	struct block *title = add_text(b, s, sec->name.text, FAMILY_SANS, s->chapter_scale);
	title->style.bold = true;
	title->color = color;
	title->keep_with_next = true;
	struct block title_rtl = text_style(s, FAMILY_SANS, s->chapter_scale * 1.4 / 2.2);
	title_rtl.style.bold = true;
	title_rtl.color = color;
	title_rtl.keep_with_next = true;
	add_rtl_names(b, sec->name_he.text, sec->name_ar.text, title_rtl);
	if (*sec->intro.text) {
		struct block intro = text_style(s, FAMILY_SERIF, 1.05);
		intro.style.italic = true;
		intro.align = ALIGN_JUSTIFY;
		intro.space_before = s->leading * 0.6;
		add_paragraphs(b, sec->intro.text, &intro);
	}
	struct block *rule = add_block(b, BLOCK_RULE);
	rule->color = color;
	rule->space_before = s->leading * 0.6;
	rule->space_after = s->leading * 0.2;
	span_columns(b, first);

	for (size_t i = 0; i < cat->initiative_count; i++)
		if (cat->initiatives[i].sector_index == sector_index)
			compose_initiative(&cat->initiatives[i], sec, s, b);
}

void compose_booklet(const struct catalog *cat, const struct layout *layout,
		     struct booklet *out)
{
	*out = (struct booklet){
		.title = cat->edition.title.text,
		.publisher = cat->edition.publisher.text,
		.subtitle = cat->edition.subtitle.text,
		.date = cat->edition.date.text,
	};
	struct styles s = {
		.base = layout->base_size, .leading = layout->leading,
		.title_scale = layout->title_size / layout->base_size,
		.chapter_scale = layout->chapter_size / layout->base_size,
		.name_scale = layout->name_size / layout->base_size,
		.ink = layout->text_color, .muted = layout->muted_color,
	};
	size_t *counts = xcalloc(cat->sector_count, sizeof *counts);
	for (size_t i = 0; i < cat->initiative_count; i++)
		counts[cat->initiatives[i].sector_index]++;

	compose_cover(cat, counts, &s, out);
	compose_contents(cat, counts, &s, out);
	span_columns(out, 0);
	size_t chapter = 0;
	for (size_t i = 0; i < cat->sector_count; i++)
		if (counts[i])
			compose_chapter(cat, i, chapter++, &s, out);
	out->chapter_count = chapter;
	size_t back = out->count;
	compose_back_cover(cat, counts, &s, out);
	span_columns(out, back);
	free(counts);
}

void booklet_free(struct booklet *booklet)
{
	for (size_t i = 0; i < booklet->count; i++) {
		free(booklet->blocks[i].text);
		free(booklet->blocks[i].uri);
		free(booklet->blocks[i].colors);
	}
	free(booklet->blocks);
	*booklet = (struct booklet){0};
}
