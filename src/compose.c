/* compose.c - cover, contents, chapters and index as a list of styled
 * blocks. */
#include "compose.h"
#include "changes.h"
#include "collate.h"
#include "mem.h"
#include "stats.h"

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
	enum direction dir;    /* the edition's: right to left in Hebrew and Arabic */
};

static struct rgb sector_color(const struct sector *sec)
{
	return (struct rgb){sec->rgb[0], sec->rgb[1], sec->rgb[2]};
}

static struct block *add_block(struct booklet *b, enum block_kind kind)
{
	grow_array((void **)&b->blocks, &b->cap, b->count + 1, sizeof *b->blocks);
	struct block *blk = &b->blocks[b->count++];
	*blk = (struct block){.kind = kind, .align = ALIGN_START,
			      .dir = b->right_to_left ? DIR_RTL : DIR_LTR};
	return blk;
}

/* A paragraph style: family, and size and leading as a scale of the
 * body's; left to right in ink unless the caller changes it. */
static struct block text_style(const struct styles *s, enum family family, double scale)
{
	return (struct block){
		.kind = BLOCK_TEXT, .color = s->ink, .align = ALIGN_START, .dir = s->dir,
		.style = {.family = family, .size = s->base * scale},
		.leading = s->leading * scale,
	};
}

/* Gives the booklet a text its blocks show (see booklet.texts). */
static const char *keep(struct booklet *b, char *text)
{
	grow_array((void **)&b->texts, &b->text_cap, b->text_count + 1, sizeof *b->texts);
	return b->texts[b->text_count++] = text;
}

/* A paragraph in model's style; text is the catalog's, a translation or
 * kept by the booklet: the block does not copy it. */
static struct block *add_styled(struct booklet *b, const char *text,
				const struct block *model)
{
	struct block *blk = add_block(b, BLOCK_TEXT);
	*blk = *model;
	blk->text = text;
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

static struct block *add_page_break(struct booklet *b, enum page_style style)
{
	struct block *blk = add_block(b, BLOCK_PAGE_BREAK);
	blk->page_style = style;
	return blk;
}

/* Anchors are numbered before the blocks exist, so that the contents can
 * point at chapters composed after it: first the initiatives' names, then
 * their partners, the chapters (by sector), the index, the changes, the
 * overview and the foreword. */
static size_t name_anchor(const struct catalog *cat, size_t initiative)
{
	(void)cat;
	return initiative;
}

static size_t partners_anchor(const struct catalog *cat, size_t initiative)
{
	return cat->initiative_count + initiative;
}

static size_t chapter_anchor(const struct catalog *cat, size_t sector)
{
	return 2 * cat->initiative_count + sector;
}

static size_t index_anchor(const struct catalog *cat)
{
	return 2 * cat->initiative_count + cat->sector_count;
}

static size_t changes_anchor(const struct catalog *cat)
{
	return index_anchor(cat) + 1;
}

static size_t overview_anchor(const struct catalog *cat)
{
	return changes_anchor(cat) + 1;
}

static size_t foreword_anchor(const struct catalog *cat)
{
	return overview_anchor(cat) + 1;
}

/* Marks blk as anchor number anchor, named destination (a prefix and an
 * id: "chapter.water") unless prefix is NULL. */
static void set_anchor(struct block *blk, size_t anchor, const char *prefix,
		       const char *id)
{
	blk->anchored = true;
	blk->anchor = anchor;
	if (prefix) {
		struct buffer name = {0};
		buffer_printf(&name, "%s%s", prefix, id);
		blk->destination = buffer_take(&name);
	}
}

/* A text in lang: its _he or _ar field or, when that is empty, the
 * English one. fields[] is in enum lang order. */
static const char *in_lang(enum lang lang, const struct field *const fields[LANG_COUNT])
{
	return *fields[lang]->text ? fields[lang]->text : fields[LANG_EN]->text;
}

/* The language whose field text is (text came from fields by in_lang). */
static enum lang lang_of_text(const struct booklet *b,
			      const struct field *const fields[LANG_COUNT], const char *text)
{
	return fields[b->lang]->text == text ? b->lang : LANG_EN;
}

/* Whether a text the booklet shows once falls back to English; such a
 * text is counted for main's warning. */
static bool falls_back(struct booklet *b, const struct field *const fields[LANG_COUNT])
{
	const struct field *f = fields[b->lang];
	if (*f->text || !*fields[LANG_EN]->text)
		return false;
	if (!b->untranslated++)
		b->first_untranslated = f->at;
	return true;
}

/* in_lang for a line the booklet shows once (a name, a place): one that
 * falls back to English is counted and, in a right-to-left booklet,
 * isolated, so that it reads left to right (its full stop or bracket at
 * its own end) while the line stays set from the right. */
static const char *localized(struct booklet *b, const struct field *const fields[LANG_COUNT])
{
	if (!falls_back(b, fields) || !b->right_to_left)
		return in_lang(b->lang, fields);
	/* Each paragraph (line) of the text isolated on its own. */
	struct buffer wrapped = {0};
	for (const char *p = fields[LANG_EN]->text; *p;) {
		size_t len = strcspn(p, "\n");
		buffer_printf(&wrapped, "\u2068%.*s\u2069", (int)len, p);
		p += len;
		if (*p)
			buffer_append_str(&wrapped, "\n");
		p += *p == '\n';
	}
	return keep(b, buffer_take(&wrapped));
}

/* A name in the edition's other two languages, each when given, as lines
 * styled like model in their own direction: Hebrew and Arabic beneath an
 * English name, Arabic (or Hebrew) and English beneath a Hebrew (or
 * Arabic) one. English is left out when the name above fell back to it. */
static void add_other_names(struct booklet *b, const struct field *const fields[LANG_COUNT],
			    const char *shown, struct block model)
{
	static const enum lang others[LANG_COUNT][2] = {
		[LANG_EN] = {LANG_HE, LANG_AR},
		[LANG_HE] = {LANG_AR, LANG_EN},
		[LANG_AR] = {LANG_HE, LANG_EN},
	};
	for (size_t k = 0; k < 2; k++) {
		enum lang l = others[b->lang][k];
		const char *text = fields[l]->text;
		/* English is shown above already when the name fell back to it. */
		if (!*text || strcmp(text, shown) == 0 ||
		    (l == LANG_EN && !*fields[b->lang]->text))
			continue;
		model.dir = lang_is_rtl(l) ? DIR_RTL : DIR_LTR;
		add_styled(b, text, &model);
	}
}

/* Adds one block per paragraph of text (paragraphs are separated by line
 * breaks in the cell); text outlives the booklet, as add_styled's. A text
 * of one paragraph, as most cells are, is not copied. */
static void add_paragraphs(struct booklet *b, const char *text,
			   const struct block *model)
{
	const char *p = text;
	while (*p) {
		size_t len = strcspn(p, "\n");
		if (strspn(p, " \t\r") < len)
			add_styled(b, !p[len] && p == text ? text : keep(b, xstrndup(p, len)),
				   model);
		p += len;
		p += strspn(p, "\n");
	}
}

/* The paragraphs of a text the booklet shows once, in model's style; an
 * English text standing in for a translation is set left to right, as
 * English, even in a right-to-left booklet. */
static void add_localized_paragraphs(struct booklet *b,
				     const struct field *const fields[LANG_COUNT],
				     struct block model)
{
	if (falls_back(b, fields))
		model.dir = DIR_LTR;
	add_paragraphs(b, in_lang(b->lang, fields), &model);
}

/* A band of the chapters' colors against an edge of the page, into the
 * bleed: the booklet's sectors at a glance, in their order. */
static void add_color_bar(const struct catalog *cat, const size_t *counts,
			  enum page_edge edge, const struct styles *s, struct booklet *b)
{
	struct block *bar = add_block(b, BLOCK_COLOR_BAR);
	bar->colors = xcalloc(cat->sector_count, sizeof *bar->colors);
	for (size_t i = 0; i < cat->sector_count; i++)
		if (counts[i])
			bar->colors[bar->color_count++] = sector_color(&cat->sectors[i]);
	bar->leading = s->base * 1.6;   /* the band's height */
	bar->edge = edge;
}

/* The cover's and the back cover's foot: a muted centered line for each
 * text that is not empty. */
static void add_centered_lines(struct booklet *b, const struct styles *s,
			       const char *const *lines, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		if (!*lines[i])
			continue;
		struct block *l = add_text(b, s, lines[i], FAMILY_SANS, 1.0);
		l->align = ALIGN_CENTER;
		l->color = s->muted;
	}
}

/* The cover opens with the band of the chapters' colors at its top. */
static void compose_cover(const struct catalog *cat, const size_t *counts,
			  const struct styles *s, struct booklet *b)
{
	const struct edition *ed = &cat->edition;
	const struct field *const titles[] = {&ed->title, &ed->title_he, &ed->title_ar};
	const struct field *const subtitles[] = {&ed->subtitle, &ed->subtitle_he,
						 &ed->subtitle_ar};
	const struct field *const labels[] = {&ed->label, &ed->label_he, &ed->label_ar};
	const struct field *const publishers[] = {&ed->publisher, &ed->publisher_he,
						  &ed->publisher_ar};
	struct block *cover = add_page_break(b, PAGE_BARE);
	cover->restart_numbering = true;   /* the front matter counts in roman
					      (in letters in Hebrew and Arabic) */
	cover->numbering = b->lang == LANG_HE ? NUMBERING_HEBREW
			 : b->lang == LANG_AR ? NUMBERING_ABJAD : NUMBERING_ROMAN;
	add_color_bar(cat, counts, EDGE_TOP, s, b);
	add_block(b, BLOCK_FILL);
	const char *title = localized(b, titles);
	struct block *t = add_text(b, s, title, FAMILY_SANS, s->title_scale);
	t->style.bold = true;
	t->align = ALIGN_CENTER;
	t->space_after = s->leading * 0.6;
	struct block title_rtl = text_style(s, FAMILY_SANS, s->title_scale * 2.0 / 2.6);
	title_rtl.style.bold = true;
	title_rtl.align = ALIGN_CENTER;
	title_rtl.space_after = s->leading * 0.3;
	add_other_names(b, titles, title, title_rtl);
	if (b->handout_sectors) {
		/* A handout names the sectors it holds under the title. */
		struct block *h = add_text(b, s, b->handout_sectors, FAMILY_SANS,
					   s->chapter_scale * 0.75);
		h->style.bold = true;
		h->align = ALIGN_CENTER;
		h->space_before = s->leading * 1.2;
		h->indent = s->base * 2;
	}
	const char *subtitle = localized(b, subtitles);
	if (*subtitle) {
		struct block *sub = add_text(b, s, subtitle, FAMILY_SERIF, 1.15);
		sub->style.italic = true;
		sub->align = ALIGN_CENTER;
		sub->space_before = s->leading * 1.2;
		sub->indent = s->base * 2;
	}
	add_block(b, BLOCK_FILL);
	add_block(b, BLOCK_FILL);
	struct buffer date = {0};
	tr_date(&date, b->lang, ed->date.text);
	const char *bottom[] = {localized(b, labels), keep(b, buffer_take(&date)),
				localized(b, publishers)};
	add_centered_lines(b, s, bottom, 3);
}

/* True when the edition has a foreword in its language (or in English). */
static bool has_foreword(const struct catalog *cat, enum lang lang)
{
	const struct field *ft = cat->edition.foreword_text;
	const struct field *const texts[] = {&ft[0], &ft[1], &ft[2]};
	return *in_lang(lang, texts);
}

/* The foreword from edition.ini's file, from a new page after the
 * contents, when there is one: in the contents, at the outline's top
 * level and a named destination ("foreword"). */
static void compose_foreword(const struct catalog *cat, const struct styles *s,
			     struct booklet *b)
{
	const struct field *ft = cat->edition.foreword_text;
	const struct field *const texts[] = {&ft[0], &ft[1], &ft[2]};
	if (!has_foreword(cat, b->lang))
		return;
	size_t first = b->count;
	add_page_break(b, PAGE_PLAIN);
	struct block *h = add_text(b, s, tr(b->lang, STR_FOREWORD), FAMILY_SANS,
				   s->chapter_scale);
	h->style.bold = true;
	h->bookmark = true;
	h->bookmark_top_level = true;
	set_anchor(h, foreword_anchor(cat), "", "foreword");
	h->space_after = s->leading;
	h->keep_with_next = true;
	span_columns(b, first);   /* the text flows in the layout's columns */
	struct block body = text_style(s, FAMILY_SERIF, 1.05);
	body.align = ALIGN_JUSTIFY;
	body.style.hyphenate = true;
	body.space_after = s->leading * 0.5;
	add_localized_paragraphs(b, texts, body);
}

/* The back cover says who published the edition and when, with
 * edition.ini's colophon beneath, above the cover's band of colors. */
static void compose_back_cover(const struct catalog *cat, const size_t *counts,
			       const struct styles *s, struct booklet *b)
{
	const struct edition *ed = &cat->edition;
	const struct field *const titles[] = {&ed->title, &ed->title_he, &ed->title_ar};
	const struct field *const publishers[] = {&ed->publisher, &ed->publisher_he,
						  &ed->publisher_ar};
	add_block(b, BLOCK_BACK_COVER);
	add_color_bar(cat, counts, EDGE_BOTTOM, s, b);
	add_block(b, BLOCK_FILL);
	/* The cover's texts again: counted there. */
	struct block *t = add_text(b, s, in_lang(b->lang, titles), FAMILY_SANS, 1.3);
	t->style.bold = true;
	t->align = ALIGN_CENTER;
	t->space_after = s->leading * 0.4;
	struct buffer date = {0};
	tr_date(&date, b->lang, ed->date.text);
	const char *lines[] = {in_lang(b->lang, publishers), keep(b, buffer_take(&date))};
	add_centered_lines(b, s, lines, 2);
	const struct field *const colophons[] = {&ed->colophon, &ed->colophon_he,
						 &ed->colophon_ar};
	const char *colophon = localized(b, colophons);
	if (*colophon) {
		struct block note = text_style(s, FAMILY_SANS, 0.8);
		note.align = ALIGN_CENTER;
		note.color = s->muted;
		note.indent = s->base * 3;
		note.space_before = s->leading * 1.2;
		add_paragraphs(b, colophon, &note);
	}
}

/* An entry of the contents: a chapter (level 0, with a square of its
 * color) or, beneath it, an initiative (level 1, indented and smaller). */
/* A "New" or "Updated" mark on the name of initiative index (in its
 * chapter and in the contents), when there is a previous edition. */
static void set_badge(struct block *name, const struct booklet *b,
		      const struct catalog *cat, size_t index, const struct sector *sec)
{
	enum change change = cat->changes ? cat->changes->of[index] : CHANGE_NONE;
	if (change == CHANGE_NONE)
		return;
	name->badge = tr(b->lang, change == CHANGE_NEW ? STR_NEW : STR_UPDATED);
	name->badge_color = sector_color(sec);
}

static struct block *add_contents_entry(struct booklet *b, const struct styles *s,
					const char *title, size_t target, int level,
					struct rgb color)
{
	struct block *e = add_block(b, BLOCK_CONTENTS_ENTRY);
	e->text = title;
	e->targets = xmalloc(sizeof *e->targets);
	e->targets[0] = target;
	e->target_count = 1;
	e->level = level;
	double chapter_size = s->base * 1.1;
	e->indent = chapter_size * 1.2;               /* room for the marker */
	if (level == 0) {
		e->style = (struct text_style){.family = FAMILY_SANS, .size = chapter_size};
		e->leading = s->leading * 1.1;
		e->space_before = s->leading * 0.5;
		e->keep_with_next = true;                 /* with its first initiative */
		e->color = color;                         /* its marker and number */
	} else {
		e->style = (struct text_style){.family = FAMILY_SANS, .size = s->base * 0.9};
		e->leading = s->leading * 0.9;
		e->indent += s->base;
	}
	return e;
}

static void compose_contents(const struct catalog *cat, const size_t *counts,
			     const struct styles *s, struct booklet *b)
{
	add_page_break(b, PAGE_PLAIN);
	struct block *h = add_text(b, s, tr(b->lang, STR_CONTENTS), FAMILY_SANS,
				   s->chapter_scale);
	h->style.bold = true;
	h->space_after = s->leading * 0.5;
	if (has_foreword(cat, b->lang))
		add_contents_entry(b, s, tr(b->lang, STR_FOREWORD), foreword_anchor(cat), 0,
				   s->muted);
	add_contents_entry(b, s, tr(b->lang, STR_AT_A_GLANCE), overview_anchor(cat), 0,
			   s->muted);
	for (size_t i = 0; i < cat->sector_count; i++) {
		if (!counts[i])
			continue;
		const struct sector *sec = &cat->sectors[i];
		const struct field *const names[] = {&sec->name, &sec->name_he, &sec->name_ar};
		/* Names are counted as untranslated where the chapter shows them. */
		add_contents_entry(b, s, in_lang(b->lang, names), chapter_anchor(cat, i),
				   0, sector_color(sec));
		for (size_t k = 0; k < cat->initiative_count; k++) {
			const struct initiative *in = &cat->initiatives[k];
			const struct field *const titles[] = {&in->name, &in->name_he,
							      &in->name_ar};
			if (in->sector_index != i)
				continue;
			struct block *e = add_contents_entry(b, s, in_lang(b->lang, titles),
							     name_anchor(cat, k), 1, s->ink);
			set_badge(e, b, cat, k, sec);
		}
	}
	if (cat->changes)
		add_contents_entry(b, s, tr(b->lang, STR_CHANGES), changes_anchor(cat), 0,
				   s->muted);
	add_contents_entry(b, s, tr(b->lang, STR_INDEX), index_anchor(cat), 0, s->muted);
}

static void add_chart(struct booklet *b, const struct styles *s, struct chart *chart,
		      double space_before)
{
	struct block *c = add_block(b, BLOCK_CHART);
	c->chart = chart;
	c->space_before = space_before;
	c->space_after = s->leading * 0.5;
}

/* "At a glance", the booklet's first chapter: the key figures, then the
 * four charts, each a figure paginate keeps on one page, across the
 * page's width. */
static void compose_overview(const struct catalog *cat, const struct stats *st,
			     const struct styles *s, struct booklet *b)
{
	size_t first = b->count;
	const char *title_text = tr(b->lang, STR_AT_A_GLANCE);
	struct block *open = add_block(b, BLOCK_CHAPTER);
	open->text = title_text;
	open->color = s->muted;
	open->page_style = PAGE_BODY;
	set_anchor(open, overview_anchor(cat), "", "overview");
	/* The booklet proper counts from 1. */
	open->restart_numbering = true;
	open->numbering = NUMBERING_ARABIC;
	struct block *title = add_text(b, s, title_text, FAMILY_SANS, s->chapter_scale);
	title->style.bold = true;
	title->keep_with_next = true;
	add_chart(b, s, chart_make(CHART_KEY_FIGURES, cat, st, 0), s->leading * 0.8);
	static const enum chart_kind charts[] = {
		CHART_SECTORS, CHART_PEOPLE, CHART_FOUNDED, CHART_REGIONS};
	for (size_t i = 0; i < sizeof charts / sizeof *charts; i++)
		add_chart(b, s, chart_make(charts[i], cat, st, 0), s->leading * 1.5);
	span_columns(b, first);
}

/* Where an initiative is, in the edition's language: its place and, when
 * it says more, its region. */
static void append_place(struct buffer *out, struct booklet *b, const struct initiative *in)
{
	const struct field *const places[] = {&in->location, &in->location_he,
					      &in->location_ar};
	const struct field *const regions[] = {&in->region, &in->region_he, &in->region_ar};
	const char *place = *in->location.text ? localized(b, places) : "";
	const char *region = *in->region.text ? localized(b, regions) : "";
	if (*place && *region && strcmp(in->location.text, in->region.text) != 0)
		buffer_printf(out, "%s%s %s", place, tr(b->lang, STR_LIST_COMMA), region);
	else
		buffer_append_str(out, *place ? place : region);
}

static void compose_initiative(const struct catalog *cat, size_t index,
			       const struct styles *s, struct booklet *b)
{
	const struct initiative *in = &cat->initiatives[index];
	const struct sector *sec = &cat->sectors[in->sector_index];
	const struct field *const names[] = {&in->name, &in->name_he, &in->name_ar};
	const char *shown = localized(b, names);
	struct block *name = add_text(b, s, shown, FAMILY_SANS, s->name_scale);
	set_anchor(name, name_anchor(cat, index), "initiative.", in->id.text);
	name->style.bold = true;
	name->space_before = s->leading * 1.2;
	name->space_after = s->leading * 0.15;
	name->keep_with_next = true;
	name->bookmark = true;
	set_badge(name, b, cat, index, sec);
	struct block name_rtl = text_style(s, FAMILY_SANS, 1.1);
	name_rtl.color = sector_color(sec);
	name_rtl.keep_with_next = true;
	add_other_names(b, names, shown, name_rtl);

	struct buffer meta = {0};
	const char *sep = "";
	/* In a right-to-left line a mark after each piece keeps an English
	 * place name from pulling the number after it into its own run. */
	const char *next = b->lang == LANG_AR ? "\u061C  ·  "   /* ALM: Arabic context */
			 : b->lang == LANG_HE ? "\u200F  ·  " : "  ·  ";
	if (*in->location.text || *in->region.text) {
		append_place(&meta, b, in);
		sep = next;
	}
	if (in->founded_year) {
		buffer_printf(&meta, "%s%s %d", sep, tr(b->lang, STR_FOUNDED),
			      in->founded_year);
		sep = next;
	}
	if (in->participant_count >= 0) {
		buffer_append_str(&meta, sep);
		tr_count(&meta, b->lang, COUNT_PARTICIPANTS, in->participant_count);
	}
	if (meta.len) {
		struct block *m = add_text(b, s, keep(b, buffer_take(&meta)), FAMILY_SANS,
					   0.85);
		m->color = s->muted;
		m->space_before = s->leading * 0.2;
		m->keep_with_next = true;
	}
	buffer_free(&meta);

	struct block body = text_style(s, FAMILY_SERIF, 1.0);
	body.align = ALIGN_JUSTIFY;
	body.style.hyphenate = true;
	body.space_before = s->leading * 0.35;
	const struct field *const summaries[] = {&in->summary, &in->summary_he,
						 &in->summary_ar};
	add_localized_paragraphs(b, summaries, body);

	const struct field *const quotes[] = {&in->quote, &in->quote_he, &in->quote_ar};
	const char *quote_text = *in->quote.text ? localized(b, quotes) : "";
	if (*quote_text) {
		/* Quotation marks as each language writes them; « » mirror
		 * in a right-to-left line, pointing outwards as in Arabic. */
		static const char *const marks[LANG_COUNT][2] = {
			{"\u201c", "\u201d"}, {"\"", "\""}, {"\u00ab", "\u00bb"}};
		const char *const *mark = marks[lang_of_text(b, quotes, quote_text)];
		struct block quote = body;
		quote.style.italic = true;
		quote.indent = s->base * 1.5;
		quote.align = ALIGN_START;
		quote.style.hyphenate = false;
		quote.dir = DIR_AUTO;   /* a quotation keeps the direction of its words */
		quote.space_before = s->leading * 0.5;
		bool quoted = strncmp(quote_text, "\u201c", 3) == 0 ||
			      strncmp(quote_text, "\u00ab", 2) == 0 || quote_text[0] == '"';
		const char *quotation = quote_text;
		if (!quoted) {
			struct buffer q = {0};
			buffer_printf(&q, "%s%s%s", mark[0], quote_text, mark[1]);
			quotation = keep(b, buffer_take(&q));
		}
		add_paragraphs(b, quotation, &quote);
		const struct field *const bys[] = {&in->quote_by, &in->quote_by_he,
						   &in->quote_by_ar};
		if (*in->quote_by.text) {
			/* The attribution never starts a page on its own. */
			b->blocks[b->count - 1].keep_with_next = true;
			struct buffer by = {0};
			buffer_printf(&by, "\u2014 %s", localized(b, bys));
			struct block *a = add_text(b, s, keep(b, buffer_take(&by)),
						   FAMILY_SANS, 0.85);
			a->align = ALIGN_END;
			a->dir = DIR_AUTO;
			a->indent = s->base * 1.5;
			a->color = s->muted;
		}
	}
	/* The partners and the link close the entry: never on a page of
	 * their own. */
	if (in->partner_count || *in->url.text)
		b->blocks[b->count - 1].keep_with_next = true;
	if (in->partner_count) {
		struct buffer p = {0};
		buffer_append_str(&p, tr(b->lang, in->partner_count > 1 ? STR_PARTNERS
									: STR_PARTNER));
		for (size_t i = 0; i < in->partner_count; i++)
			buffer_printf(&p, "%s%s", i ? "; " : "", in->partner_names[i]);
		struct block *pb = add_text(b, s, keep(b, buffer_take(&p)), FAMILY_SANS, 0.85);
		pb->space_before = s->leading * 0.4;
		set_anchor(pb, partners_anchor(cat, index), NULL, NULL);
	}
	if (*in->url.text) {
		b->blocks[b->count - 1].keep_with_next = true;
		struct block *u = add_text(b, s, in->url.text, FAMILY_SANS, 0.85);
		u->color = sector_color(sec);
		u->uri = in->url.text;
		u->space_before = s->leading * 0.2;
	}
}

static void compose_chapter(const struct catalog *cat, const struct stats *st,
			    size_t sector_index, const struct styles *s, struct booklet *b)
{
	const struct sector *sec = &cat->sectors[sector_index];
	struct rgb color = sector_color(sec);
	const struct field *const names[] = {&sec->name, &sec->name_he, &sec->name_ar};
	const char *name = localized(b, names);
	size_t first = b->count;
	struct block *open = add_block(b, BLOCK_CHAPTER);
	open->text = name;
	open->color = color;
	open->page_style = PAGE_BODY;
	set_anchor(open, chapter_anchor(cat, sector_index), "chapter.", sec->id.text);

	struct block *title = add_text(b, s, name, FAMILY_SANS, s->chapter_scale);
	title->style.bold = true;
	title->color = color;
	title->keep_with_next = true;
	struct block title_rtl = text_style(s, FAMILY_SANS, s->chapter_scale * 1.4 / 2.2);
	title_rtl.style.bold = true;
	title_rtl.color = color;
	title_rtl.keep_with_next = true;
	add_other_names(b, names, name, title_rtl);
	const struct field *const intros[] = {&sec->intro, &sec->intro_he, &sec->intro_ar};
	if (*in_lang(b->lang, intros)) {
		struct block intro = text_style(s, FAMILY_SERIF, 1.05);
		intro.style.italic = true;
		intro.align = ALIGN_JUSTIFY;
		intro.style.hyphenate = true;
		intro.space_before = s->leading * 0.6;
		add_localized_paragraphs(b, intros, intro);
	}
	/* The sector among the others: its share of the booklet (a handout
	 * of one sector has no others; "100%" would say nothing). */
	if (st->sectors > 1)
		add_chart(b, s, chart_make(CHART_SECTOR_SHARE, cat, st, sector_index),
			  s->leading * 0.8);
	struct block *rule = add_block(b, BLOCK_RULE);
	rule->color = color;
	rule->space_before = s->leading * 0.6;
	rule->space_after = s->leading * 0.2;
	span_columns(b, first);

	for (size_t i = 0; i < cat->initiative_count; i++)
		if (cat->initiatives[i].sector_index == sector_index)
			compose_initiative(cat, i, s, b);
}

/* One list of the appendix: its heading, then a line per initiative,
 * "Name (Sector)", in file order. */
static void add_change_list(const struct catalog *cat, enum string_id heading,
			    const size_t *which, size_t count, const struct styles *s,
			    struct booklet *b)
{
	if (!count)
		return;
	struct block *h = add_text(b, s, tr(b->lang, heading), FAMILY_SANS, 1.15);
	h->style.bold = true;
	h->space_before = s->leading * 0.8;
	h->space_after = s->leading * 0.2;
	h->keep_with_next = true;
	for (size_t k = 0; k < count; k++) {
		const struct initiative *in = &cat->initiatives[which[k]];
		const struct sector *sec = &cat->sectors[in->sector_index];
		const struct field *const names[] = {&in->name, &in->name_he, &in->name_ar};
		const struct field *const sectors[] = {&sec->name, &sec->name_he, &sec->name_ar};
		struct buffer line = {0};
		buffer_printf(&line, "%s (%s)", in_lang(b->lang, names),
			      in_lang(b->lang, sectors));
		struct block *l = add_text(b, s, keep(b, buffer_take(&line)), FAMILY_SERIF,
					   1.0);
		l->indent = s->base;
	}
}

/* The appendix "Changes in this edition": the new, updated and removed
 * initiatives, a chapter of its own after the sectors'. */
static void compose_changes(const struct catalog *cat, const struct styles *s,
			    struct booklet *b)
{
	const struct changes *ch = cat->changes;
	const char *title = tr(b->lang, STR_CHANGES);
	size_t first = b->count;
	struct block *open = add_block(b, BLOCK_CHAPTER);
	open->text = title;
	open->color = s->muted;
	set_anchor(open, changes_anchor(cat), "", "changes");
	open->page_style = PAGE_BODY;
	struct block *t = add_text(b, s, title, FAMILY_SANS, s->chapter_scale);
	t->style.bold = true;
	t->keep_with_next = true;
	span_columns(b, first);
	if (!ch->new_count && !ch->updated_count && !ch->removed_count) {
		add_text(b, s, tr(b->lang, STR_CHANGES_NONE), FAMILY_SERIF, 1.0)
			->space_before = s->leading;
		return;
	}
	size_t *fresh = xcalloc(ch->new_count + 1, sizeof *fresh);
	size_t *updated = xcalloc(ch->updated_count + 1, sizeof *updated);
	size_t n = 0, u = 0;
	for (size_t i = 0; i < cat->initiative_count; i++) {
		if (ch->of[i] == CHANGE_NEW)
			fresh[n++] = i;
		else if (ch->of[i] == CHANGE_UPDATED)
			updated[u++] = i;
	}
	add_change_list(cat, STR_CHANGES_NEW, fresh, n, s, b);
	add_change_list(cat, STR_CHANGES_UPDATED, updated, u, s, b);
	add_change_list(ch->previous, STR_CHANGES_REMOVED, ch->removed, ch->removed_count,
			s, b);
	free(fresh);
	free(updated);
}

/* A term of the index and the anchors it points at. */
struct index_term {
	const char *text;        /* the catalog's */
	const char *key;         /* collate_key_for(text, the edition's language),
				    the term list's */
	bool initiative;         /* an initiative's name, set in italics */
	size_t anchor;
};

static int compare_terms(const void *pa, const void *pb)
{
	const struct index_term *a = pa, *b = pb;
	int order = strcmp(a->key, b->key);
	if (!order)
		order = strcmp(a->text, b->text);
	if (!order)
		order = (a->anchor > b->anchor) - (a->anchor < b->anchor);
	return order;
}

/* A term's sort key, made once however often the term is met (a partner
 * of many initiatives, a town). */
struct term_key {
	const char *text;        /* NULL marks an empty slot */
	char *key;
};

struct term_list {
	struct index_term *items;
	size_t count, cap;
	enum lang lang;          /* the edition's, for the order */
	struct term_key *keys;   /* open addressing; a power of two long, or 0 */
	size_t key_count, key_cap;
};

static struct term_key *key_slot(struct term_key *slots, size_t cap, const char *text)
{
	uint64_t h = 14695981039346656037u;   /* FNV-1a */
	for (const char *c = text; *c; c++)
		h = (h ^ (unsigned char)*c) * 1099511628211u;
	size_t i = (size_t)(h ^ h >> 32) & (cap - 1);
	while (slots[i].text && strcmp(slots[i].text, text) != 0)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static const char *term_key(struct term_list *terms, const char *text)
{
	if (terms->key_cap) {
		struct term_key *kept = key_slot(terms->keys, terms->key_cap, text);
		if (kept->text)
			return kept->key;
	}
	if (2 * (terms->key_count + 1) > terms->key_cap) {
		size_t cap = terms->key_cap ? 2 * terms->key_cap : 1024;
		struct term_key *slots = xcalloc(cap, sizeof *slots);
		for (size_t i = 0; i < terms->key_cap; i++)
			if (terms->keys[i].text)
				*key_slot(slots, cap, terms->keys[i].text) = terms->keys[i];
		free(terms->keys);
		terms->keys = slots;
		terms->key_cap = cap;
	}
	struct term_key *slot = key_slot(terms->keys, terms->key_cap, text);
	*slot = (struct term_key){text, collate_key_for(text, terms->lang)};
	terms->key_count++;
	return slot->key;
}

static void add_term(struct term_list *terms, const char *text, bool initiative,
		     size_t anchor)
{
	if (!*text)
		return;
	grow_array((void **)&terms->items, &terms->cap, terms->count + 1,
		   sizeof *terms->items);
	terms->items[terms->count++] = (struct index_term){
		.text = text, .key = term_key(terms, text), .initiative = initiative,
		.anchor = anchor};
}

/* The index: every initiative, partner and place, in the order of
 * collate_key, a heading letter per group, in columns. A term met more
 * than once (a partner of several initiatives) is one entry pointing at
 * every place it is named. */
static void compose_index(const struct catalog *cat, const struct styles *s,
			  struct booklet *b)
{
	struct term_list terms = {.lang = b->lang};
	for (size_t i = 0; i < cat->initiative_count; i++) {
		const struct initiative *in = &cat->initiatives[i];
		const struct field *const names[] = {&in->name, &in->name_he, &in->name_ar};
		add_term(&terms, in_lang(b->lang, names), true, name_anchor(cat, i));
		for (size_t k = 0; k < in->partner_count; k++)
			add_term(&terms, in->partner_names[k], false, partners_anchor(cat, i));
		const struct field *const places[] = {&in->location, &in->location_he,
						      &in->location_ar};
		const struct field *const regions[] = {&in->region, &in->region_he,
						       &in->region_ar};
		add_term(&terms, in_lang(b->lang, places), false, name_anchor(cat, i));
		if (strcmp(in->region.text, in->location.text) != 0)
			add_term(&terms, in_lang(b->lang, regions), false, name_anchor(cat, i));
	}
	qsort(terms.items, terms.count, sizeof *terms.items, compare_terms);

	size_t first = b->count;
	struct block *open = add_block(b, BLOCK_CHAPTER);
	open->text = tr(b->lang, STR_INDEX);
	open->color = s->muted;
	open->page_style = PAGE_BODY;
	set_anchor(open, index_anchor(cat), "", "index");
	struct block *title = add_text(b, s, tr(b->lang, STR_INDEX), FAMILY_SANS,
				       s->chapter_scale);
	title->style.bold = true;
	title->color = s->muted;
	title->keep_with_next = true;
	title->space_after = s->leading * 0.6;
	span_columns(b, first);

	char *group = NULL;
	struct block *entry = NULL;
	const char *entry_term = NULL;
	for (size_t i = 0; i < terms.count; i++) {
		const struct index_term *t = &terms.items[i];
		if (entry && strcmp(entry_term, t->text) == 0) {
			if (entry->targets[entry->target_count - 1] != t->anchor) {
				grow_array((void **)&entry->targets, &entry->target_cap,
					   entry->target_count + 1, sizeof *entry->targets);
				entry->targets[entry->target_count++] = t->anchor;
			}
			entry->style.italic |= t->initiative;
			continue;
		}
		char *letter = collate_group(t->text);
		if (!group || strcmp(group, letter) != 0) {
			struct block *h = add_text(b, s, keep(b, xstrdup(letter)), FAMILY_SANS,
						   1.1);
			h->style.bold = true;
			h->color = s->muted;
			h->columns = 2;
			h->space_before = group ? s->leading * 0.6 : 0;
			h->keep_with_next = true;
			free(group);
			group = letter;
		} else {
			free(letter);
		}
		entry = add_block(b, BLOCK_INDEX_ENTRY);
		/* A first-strong isolate gives the term its own direction: in a
		 * right-to-left index "LivePerson Inc." keeps its full stop. */
		struct buffer isolated = {0};
		buffer_printf(&isolated, "\u2068%s\u2069", t->text);
		entry->text = keep(b, buffer_take(&isolated));
		entry_term = t->text;
		entry->style = (struct text_style){.family = FAMILY_SERIF,
						   .italic = t->initiative,
						   .size = s->base * 0.85};
		entry->leading = s->leading * 0.85;
		entry->indent = s->base;   /* a second line hangs by this much */
		entry->columns = 2;
		entry->target_cap = 1;
		entry->targets = xmalloc(sizeof *entry->targets);
		entry->targets[entry->target_count++] = t->anchor;
	}
	free(group);
	for (size_t i = 0; i < terms.key_cap; i++)
		free(terms.keys[i].key);
	free(terms.keys);
	free(terms.items);
}

/* A handout's sectors, "A · B" (a middle dot, since names hold "and"
 * themselves), and its title "Booklet: A · B" for the running heads and
 * the metadata. */
static void name_handout(const struct catalog *cat, struct booklet *b)
{
	struct buffer names = {0}, title = {0};
	for (size_t i = 0; i < cat->sector_count; i++) {
		const struct sector *sec = &cat->sectors[i];
		const struct field *const sector_names[] = {&sec->name, &sec->name_he,
							    &sec->name_ar};
		buffer_printf(&names, "%s%s", i ? " \u00b7 " : "",
			      in_lang(b->lang, sector_names));
	}
	buffer_printf(&title, "%s: %s", b->title, names.data);
	b->handout_sectors = buffer_take(&names);
	b->handout_title = buffer_take(&title);
	b->title = b->handout_title;
}

void compose_booklet(const struct catalog *cat, const struct layout *layout,
		     struct booklet *out)
{
	const struct edition *ed = &cat->edition;
	enum lang lang = LANG_EN;
	lang_parse(ed->lang.text, &lang);
	*out = (struct booklet){.lang = lang, .right_to_left = lang_is_rtl(lang),
				.arabic_digits = lang == LANG_AR &&
						 layout->arabic_indic_digits};
	const struct field *const titles[] = {&ed->title, &ed->title_he, &ed->title_ar};
	const struct field *const subtitles[] = {&ed->subtitle, &ed->subtitle_he,
						 &ed->subtitle_ar};
	const struct field *const publishers[] = {&ed->publisher, &ed->publisher_he,
						  &ed->publisher_ar};
	/* The metadata's texts are the cover's: counted there. */
	out->title = in_lang(lang, titles);
	out->publisher = in_lang(lang, publishers);
	out->subtitle = in_lang(lang, subtitles);
	out->date = ed->date.text;
	struct styles s = {
		.base = layout->base_size, .leading = layout->leading,
		.dir = out->right_to_left ? DIR_RTL : DIR_LTR,
		.title_scale = layout->title_size / layout->base_size,
		.chapter_scale = layout->chapter_size / layout->base_size,
		.name_scale = layout->name_size / layout->base_size,
		.ink = layout->text_color, .muted = layout->muted_color,
	};
	size_t *counts = xcalloc(cat->sector_count, sizeof *counts);
	for (size_t i = 0; i < cat->initiative_count; i++)
		counts[cat->initiatives[i].sector_index]++;
	if (cat->handout)
		name_handout(cat, out);

	struct stats st;
	stats_compute(cat, &st);

	compose_cover(cat, counts, &s, out);
	compose_contents(cat, counts, &s, out);
	span_columns(out, 0);
	compose_foreword(cat, &s, out);
	compose_overview(cat, &st, &s, out);
	size_t chapter = 1;
	for (size_t i = 0; i < cat->sector_count; i++)
		if (counts[i]) {
			compose_chapter(cat, &st, i, &s, out);
			chapter++;
		}
	if (cat->changes) {
		compose_changes(cat, &s, out);
		chapter++;
	}
	out->chapter_count = chapter;
	out->list_comma = tr(out->lang, STR_LIST_COMMA);
	compose_index(cat, &s, out);
	out->anchor_count = foreword_anchor(cat) + 1;
	size_t back = out->count;
	compose_back_cover(cat, counts, &s, out);
	span_columns(out, back);
	for (size_t i = 0; i < out->count; i++) {
		out->blocks[i].style.arabic_digits = out->arabic_digits;
		if (out->blocks[i].kind == BLOCK_CHART)
			out->blocks[i].chart->arabic_digits = out->arabic_digits;
	}
	stats_free(&st);
	free(counts);
}

void booklet_free(struct booklet *booklet)
{
	free(booklet->handout_sectors);
	free(booklet->handout_title);
	for (size_t i = 0; i < booklet->text_count; i++)
		free(booklet->texts[i]);
	free(booklet->texts);
	for (size_t i = 0; i < booklet->count; i++) {
		struct block *blk = &booklet->blocks[i];
		free(blk->destination);
		if (blk->kind == BLOCK_CONTENTS_ENTRY || blk->kind == BLOCK_INDEX_ENTRY)
			free(blk->targets);
		else if (blk->kind == BLOCK_COLOR_BAR)
			free(blk->colors);
		else if (blk->kind == BLOCK_CHART)
			chart_free(blk->chart);
	}
	free(booklet->blocks);
	*booklet = (struct booklet){0};
}
