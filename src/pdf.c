/* pdf.c - the page model into a PDF file through libharu. */
#include "pdf.h"
#include "deflater.h"
#include "half.h"
#include "mem.h"
#include "progress.h"
#include "text.h"

#include <hpdf.h>
#include <hpdf_pages.h>   /* HPDF_PageAttr: the page's content stream */
#include <setjmp.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

enum { PAGES_PER_NODE = 1000 };

struct writer {
	HPDF_Doc pdf;
	const struct fontset *fonts;
	HPDF_Font faces[FACE_COUNT];   /* loaded on first use */
	uint8_t *used[FACE_COUNT];     /* bitmap of the BMP codes each face showed */
	HPDF_Page *pages;
	HPDF_Dict resources;           /* one /Resources for every page */
	struct buffer fresh;           /* a run's characters its face had not shown */
	struct deflater *deflater;
	size_t pages_handed_over, pages_installed;
	pdf_sink sink;
	void *sink_user;
	bool sink_failed;              /* its owner has the reason */
	jmp_buf fail;
	HPDF_STATUS error, detail;
};

/* libharu reports errors through this callback; jumping back to
 * pdf_render turns them into an ordinary error value (the pattern of
 * libharu's own demos). */
static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	struct writer *w = data;
	w->error = error;
	w->detail = detail;
	longjmp(w->fail, 1);
}

/* libharu's stream for the saved file: each piece straight to the sink,
 * so that the file is never whole in memory. */
static HPDF_STATUS to_sink(HPDF_Stream stream, const HPDF_BYTE *bytes, HPDF_UINT size)
{
	struct writer *w = stream->attr;
	if (w->sink(w->sink_user, bytes, size))
		return HPDF_OK;
	w->sink_failed = true;
	return HPDF_FILE_IO_ERROR;
}

static HPDF_Font face_font(struct writer *w, enum face face)
{
	if (!w->faces[face]) {
		const char *name = HPDF_LoadTTFontFromFile(
			w->pdf, fontset_path(w->fonts, face), HPDF_TRUE);
		w->faces[face] = HPDF_GetFont(w->pdf, name, "UTF-8");
	}
	return w->faces[face];
}

/* Remembers which codes a face showed (its ToUnicode map lists them);
 * w->fresh gets those it had not shown before. */
static void note_codes(struct writer *w, enum face face, const char *text)
{
	if (!w->used[face])
		w->used[face] = xcalloc(0x10000 / 8, 1);
	w->fresh.len = 0;
	for (const char *at = text; ; ) {
		const char *start = at;
		int32_t c = text_next_char(&at);
		if (c < 0)
			break;
		uint8_t bit = (uint8_t)(1u << (c & 7));
		if (c >= 0x10000 || (w->used[face][c >> 3] & bit))
			continue;
		w->used[face][c >> 3] |= bit;
		buffer_append(&w->fresh, start, (size_t)(at - start));
	}
}

/* UTF-8 text as UTF-16BE, in hex digits (a ToUnicode entry, a text
 * string). */
static void append_utf16_hex(struct buffer *out, const char *text)
{
	for (int32_t c; (c = text_next_char(&text)) >= 0; ) {
		if (c >= 0x10000) {
			uint32_t v = (uint32_t)c - 0x10000;
			buffer_printf(out, "%04X%04X", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
		} else {
			buffer_printf(out, "%04X", (unsigned)c);
		}
	}
}

/* The letters a shown code stands for, in logical order, as UTF-16BE hex.
 * A presentation form (a contextual Arabic form, lam-alef, a Hebrew letter
 * with its point) maps back to its letters by NFKC (which keeps a hamza
 * on its carrier: U+FE8C is U+0626, not yeh and a combining hamza), so
 * that copying, searching and reading aloud see real text; every other
 * code stands for itself. */
static void append_letters(struct buffer *out, uint32_t code)
{
	bool presentation = (code >= 0xFB1D && code <= 0xFDFF) ||
			    (code >= 0xFE70 && code <= 0xFEFC);
	utf8proc_uint8_t one[5] = {0};
	utf8proc_encode_char((utf8proc_int32_t)code, one);
	utf8proc_uint8_t *letters = presentation ? utf8proc_NFKC(one) : NULL;
	const char *s = (const char *)(letters ? letters : one);
	append_utf16_hex(out, s);
	free(letters);
}

/* Replaces the ToUnicode CMap libharu wrote for a font (an identity map of
 * codes, which leaves presentation forms in the text layer) by one that
 * maps each code the document shows to its letters. libharu has no call
 * for it, but its installed headers reach the stream (cmap_stream). */
static void rewrite_to_unicode(struct writer *w, enum face face)
{
	HPDF_FontAttr attr = (HPDF_FontAttr)w->faces[face]->attr;
	if (!attr->cmap_stream || !w->used[face])
		return;
	struct buffer cmap = {0};
	buffer_append_str(&cmap,
		"/CIDInit /ProcSet findresource begin\n"
		"12 dict begin\n"
		"begincmap\n"
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		"/CMapName /Adobe-Identity-UCS def\n"
		"/CMapType 2 def\n"
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	uint32_t codes[100];
	size_t count = 0;
	for (uint32_t c = 0; c <= 0x10000; c++) {
		bool used = c < 0x10000 && (w->used[face][c >> 3] & (1u << (c & 7)));
		if (used)
			codes[count++] = c;
		/* A bfchar block holds at most 100 entries. */
		if (count == 100 || (c == 0x10000 && count > 0)) {
			buffer_printf(&cmap, "%zu beginbfchar\n", count);
			for (size_t i = 0; i < count; i++) {
				buffer_printf(&cmap, "<%04X> <", codes[i]);
				append_letters(&cmap, codes[i]);
				buffer_append_str(&cmap, ">\n");
			}
			buffer_append_str(&cmap, "endbfchar\n");
			count = 0;
		}
	}
	buffer_append_str(&cmap, "endcmap\n"
		"CMapName currentdict /CMap defineresource pop\n"
		"end\nend\n");
	HPDF_MemStream_FreeData(attr->cmap_stream->stream);
	HPDF_Stream_WriteStr(attr->cmap_stream->stream, cmap.data);
	buffer_free(&cmap);
}

/* An area of the page model (y its top edge) in PDF's coordinates, from
 * the bottom left. */
static HPDF_Rect area(const struct page *page, double x, double y, double width,
		      double height)
{
	return (HPDF_Rect){.left = (HPDF_REAL)x,
			   .bottom = (HPDF_REAL)(page->height - y - height),
			   .right = (HPDF_REAL)(x + width),
			   .top = (HPDF_REAL)(page->height - y)};
}

/* Written as the entries of a dictionary that holds none: its attr, the
 * entries' text. */
static HPDF_STATUS write_entries(HPDF_Dict dict, HPDF_Stream out)
{
	return HPDF_Stream_WriteStr(out, dict->attr);
}

static void free_entries(HPDF_Dict dict)
{
	HPDF_FreeMem(dict->mmgr, dict->attr);
}

/* An object of the file whose entries are one string, set with
 * set_entries and written as it is when the file is saved. libharu keeps
 * each entry of its own dictionaries as an element with a 128-byte key
 * and a value object: 1.5 to 2 KB for a link or an outline entry, of
 * which 100,000 initiatives have hundreds of thousands. */
static HPDF_Dict entries_object(struct writer *w)
{
	HPDF_Dict dict = HPDF_Dict_New(w->pdf->mmgr);
	if (!dict || HPDF_Xref_Add(w->pdf->xref, dict) != HPDF_OK)
		on_error(HPDF_FAILD_TO_ALLOC_MEM, 0, w);
	dict->write_fn = write_entries;
	dict->free_fn = free_entries;
	return dict;
}

static void set_entries(struct writer *w, HPDF_Dict dict, const struct buffer *entries)
{
	char *text = HPDF_GetMem(w->pdf->mmgr, (HPDF_UINT)entries->len + 1);
	if (!text)
		on_error(HPDF_FAILD_TO_ALLOC_MEM, 0, w);
	memcpy(text, entries->data, entries->len + 1);
	dict->attr = text;
}

/* The number other objects refer to an object by ("12 0 R"). */
static unsigned object_number(const void *object)
{
	return (unsigned)(((const HPDF_Obj_Header *)object)->obj_id & 0x00FFFFFF);
}

/* The view of page at y, as a destination: [page /FitH top]. Written
 * out where it is used (a link, an outline entry, a name): an object
 * shared by them would cost libharu some 400 bytes, and 100,000
 * initiatives lead to 150,000 places. */
static void append_destination(struct buffer *out, const struct writer *w,
			       const struct document *doc, size_t page, double y)
{
	buffer_printf(out, "[%u 0 R /FitH %.2f]", object_number(w->pages[page]),
		      doc->pages[page].height - y);
}

/* text as a PDF literal string: a URI is bytes, and every byte that could
 * end or escape the string, or is not printable ASCII, goes in octal. */
static void append_pdf_string(struct buffer *out, const char *text)
{
	buffer_append_str(out, "(");
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p < 0x20 || *p >= 0x7F || *p == '(' || *p == ')' || *p == '\\')
			buffer_printf(out, "\\%03o", *p);
		else
			buffer_append(out, (const char *)p, 1);
	}
	buffer_append_str(out, ")");
}

/* A link annotation with no border, as every link of the booklet is,
 * leading to target (a /Dest or an /A entry). */
static void add_link(struct writer *w, HPDF_Page hp, HPDF_Array *annots,
		     const struct page *page, const struct link *l, const char *target)
{
	HPDF_Rect r = area(page, l->x, l->y, l->width, l->height);
	struct buffer entries = {0};
	buffer_printf(&entries, "/Type /Annot\012/Subtype /Link\012"
		      "/Rect [ %.2f %.2f %.2f %.2f ]\012/Border [ 0 0 0 ]\012%s\012",
		      r.left, r.bottom, r.right, r.top, target);
	HPDF_Dict link = entries_object(w);
	set_entries(w, link, &entries);
	buffer_free(&entries);
	if (!*annots) {
		*annots = HPDF_Array_New(w->pdf->mmgr);
		HPDF_Dict_Add(hp, "Annots", *annots);
	}
	HPDF_Array_Add(*annots, link);
}

/* Gives the page the document's one resource dictionary. libharu makes
 * one per page, with its own /ProcSet and /Font dictionaries, and names a
 * font on each page anew: some 2 KB a page until the file is saved, and
 * 100 bytes a page in the file. Every page shows the same few fonts, so
 * one dictionary names them all; the page's fonts entry (libharu's
 * installed headers reach it) points libharu there. */
static void share_resources(struct writer *w, HPDF_Page hp)
{
	HPDF_MMgr mmgr = w->pdf->mmgr;
	if (!w->resources) {
		w->resources = HPDF_Dict_New(mmgr);
		HPDF_Array procset = HPDF_Array_New(mmgr);
		HPDF_Dict fonts = HPDF_Dict_New(mmgr);
		if (!w->resources || !procset || !fonts ||
		    HPDF_Xref_Add(w->pdf->xref, w->resources) != HPDF_OK ||
		    HPDF_Array_AddName(procset, "PDF") != HPDF_OK ||
		    HPDF_Array_AddName(procset, "Text") != HPDF_OK ||
		    HPDF_Dict_Add(w->resources, "ProcSet", procset) != HPDF_OK ||
		    HPDF_Dict_Add(w->resources, "Font", fonts) != HPDF_OK)
			on_error(HPDF_FAILD_TO_ALLOC_MEM, 0, w);
	}
	if (HPDF_Dict_Add(hp, "Resources", w->resources) != HPDF_OK)
		on_error(HPDF_FAILD_TO_ALLOC_MEM, 0, w);
	((HPDF_PageAttr)hp->attr)->fonts =
		HPDF_Dict_GetItem(w->resources, "Font", HPDF_OCLASS_DICT);
}

/* Strokes in the registration colour from here on: the separation "All",
 * which prints on every plate, so that a print shop's crop marks show
 * on each. libharu has no call for a separation colour space; the
 * document's one resource dictionary gets it (as /ColorSpace /All) the
 * first time, and the operators go into the page's content stream. */
static void stroke_registration(struct writer *w, HPDF_Page hp)
{
	if (!HPDF_Dict_GetItem(w->resources, "ColorSpace", HPDF_OCLASS_DICT)) {
		HPDF_MMgr mmgr = w->pdf->mmgr;
		/* Tint 1 is 100% of cyan, magenta, yellow and black. */
		HPDF_Dict tint = entries_object(w);
		struct buffer function = {0};
		buffer_append_str(&function, "/FunctionType 2\012/Domain [ 0 1 ]\012"
				  "/C0 [ 0 0 0 0 ]\012/C1 [ 1 1 1 1 ]\012/N 1\012");
		set_entries(w, tint, &function);
		buffer_free(&function);
		HPDF_Array separation = HPDF_Array_New(mmgr);
		HPDF_Dict spaces = HPDF_Dict_New(mmgr);
		if (!separation || !spaces ||
		    HPDF_Array_AddName(separation, "Separation") != HPDF_OK ||
		    HPDF_Array_AddName(separation, "All") != HPDF_OK ||
		    HPDF_Array_AddName(separation, "DeviceCMYK") != HPDF_OK ||
		    HPDF_Array_Add(separation, tint) != HPDF_OK ||
		    HPDF_Dict_Add(spaces, "All", separation) != HPDF_OK ||
		    HPDF_Dict_Add(w->resources, "ColorSpace", spaces) != HPDF_OK)
			on_error(HPDF_FAILD_TO_ALLOC_MEM, 0, w);
	}
	HPDF_Stream_WriteStr(((HPDF_PageAttr)hp->attr)->stream, "/All CS 1 SCN\012");
}

/* A box of the page model as a PDF rectangle (from the bottom left). */
static void add_box(HPDF_Page hp, const struct page *page, const char *key,
		    const struct box *b)
{
	HPDF_Rect r = area(page, b->x, b->y, b->width, b->height);
	HPDF_Box box = {.left = r.left, .bottom = r.bottom, .right = r.right, .top = r.top};
	HPDF_Dict_Add(hp, key, HPDF_Box_Array_New(hp->mmgr, box));
}

/* A page for a print shop carries its TrimBox and BleedBox. libharu
 * has no call for them, but its installed headers reach the page's
 * dictionary. */
static void set_print_boxes(HPDF_Page hp, const struct page *page)
{
	if (page->trim.width == page->width && page->trim.height == page->height)
		return;
	add_box(hp, page, "TrimBox", &page->trim);
	add_box(hp, page, "BleedBox", &page->bleed);
}

/* "> -12.345 <": a TJ adjustment of move thousandths between two hex
 * strings, formatted by hand as printf cost 5% of a large booklet. */
static void append_adjustment(struct buffer *b, long move)
{
	char text[32];
	char *p = text + sizeof text;
	*--p = '<';
	*--p = ' ';
	unsigned long v = (unsigned long)labs(move);
	for (int digit = 0; digit < 3; digit++, v /= 10)
		*--p = (char)('0' + v % 10);
	*--p = '.';
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	if (move < 0)
		*--p = '-';
	*--p = ' ';
	*--p = '>';
	buffer_append(b, p, (size_t)(text + sizeof text - p));
}

/* Four hex digits, as TJ's strings hold two-byte codes; by hand, since
 * this runs for every glyph of a kerned run. */
static void append_hex4(struct buffer *b, unsigned code)
{
	static const char digits[] = "0123456789ABCDEF";
	char hex[4] = {digits[(code >> 12) & 15], digits[(code >> 8) & 15],
		       digits[(code >> 4) & 15], digits[code & 15]};
	buffer_append(b, hex, 4);
}

/* Shows a run whose characters carry adjustments (kerning, stretched word
 * spaces) with one TJ operation, which libharu has no call for: the codes
 * are the characters' BMP code points, as libharu's UTF-8 encoding of a
 * TrueType font writes them, and each number moves the next glyph by the
 * adjustment, in thousandths of the font size (TJ subtracts it). The text
 * position was set before, by an empty HPDF_Page_TextOut. */
static void show_adjusted(HPDF_Page hp, HPDF_Font font, const struct glyph_run *g,
			  const struct buffer *fresh)
{
	/* Measuring marks the glyphs as used, for the embedded subset; those
	 * the font showed before are marked already. */
	if (fresh->len)
		HPDF_Font_TextWidth(font, (const HPDF_BYTE *)fresh->data, (HPDF_UINT)fresh->len);
	struct buffer tj = {0};
	buffer_append_str(&tj, "[<");
	const char *s = g->text;
	int32_t c;
	for (size_t k = 0; (c = text_next_char(&s)) >= 0; k++) {
		append_hex4(&tj, c < 0x10000 ? (unsigned)c : 0xFFFDu);
		long move = lround(-half_to_float(g->adjust[k]) * 1000000.0 / g->size);   /* 1/1000 of a unit */
		if (move != 0 && *s)
			append_adjustment(&tj, move);
	}
	buffer_append_str(&tj, ">] TJ\n");
	HPDF_Stream_WriteStr(((HPDF_PageAttr)hp->attr)->stream, tj.data);
	buffer_free(&tj);
}

/* Replays an outline cairo built with libharu's path operators. */
static void draw_path(HPDF_Page hp, const struct page *page, const struct path *path)
{
	if (path->fill)
		HPDF_Page_SetRGBFill(hp, (HPDF_REAL)path->fill_color.r,
				     (HPDF_REAL)path->fill_color.g, (HPDF_REAL)path->fill_color.b);
	if (path->stroke) {
		HPDF_Page_SetRGBStroke(hp, (HPDF_REAL)path->stroke_color.r,
				       (HPDF_REAL)path->stroke_color.g,
				       (HPDF_REAL)path->stroke_color.b);
		HPDF_Page_SetLineWidth(hp, (HPDF_REAL)path->line_width);
	}
	for (size_t i = 0; i < path->op_count; i++) {
		const struct path_op *op = &path->ops[i];
		HPDF_REAL x[3], y[3];
		for (int k = 0; k < 3; k++) {
			x[k] = (HPDF_REAL)op->x[k];
			y[k] = (HPDF_REAL)(page->height - op->y[k]);
		}
		switch (op->kind) {
		case PATH_MOVE:
			HPDF_Page_MoveTo(hp, x[0], y[0]);
			break;
		case PATH_LINE:
			HPDF_Page_LineTo(hp, x[0], y[0]);
			break;
		case PATH_CURVE:
			HPDF_Page_CurveTo(hp, x[0], y[0], x[1], y[1], x[2], y[2]);
			break;
		case PATH_CLOSE:
			HPDF_Page_ClosePath(hp);
			break;
		}
	}
	if (path->fill && path->stroke)
		HPDF_Page_FillStroke(hp);
	else if (path->fill)
		HPDF_Page_Fill(hp);
	else
		HPDF_Page_Stroke(hp);
}

/* Sets the fill colour unless it is the one set last on this page
 * (libharu writes the operator every time it is asked). */
static void set_fill(HPDF_Page hp, struct rgb color, struct rgb *current, bool *known)
{
	if (*known && color.r == current->r && color.g == current->g && color.b == current->b)
		return;
	HPDF_Page_SetRGBFill(hp, (HPDF_REAL)color.r, (HPDF_REAL)color.g, (HPDF_REAL)color.b);
	*current = color;
	*known = true;
}

/* Draws one page. Consecutive glyph runs share one text object, and the
 * font and colour are set only when they change. */
static void draw_page(struct writer *w, const struct document *doc, size_t index)
{
	const struct page *page = &doc->pages[index];
	HPDF_Page hp = w->pages[index];
	bool in_text = false;
	HPDF_Font font = NULL;
	double font_size = 0;
	struct rgb fill = {0};
	bool fill_known = false;
	HPDF_Array annots = NULL;
	for (size_t i = 0; i < page->item_count; i++) {
		const struct item *it = &page->items[i];
		if (it->kind != ITEM_GLYPHS && in_text) {
			HPDF_Page_EndText(hp);
			in_text = false;
		}
		switch (it->kind) {
		case ITEM_GLYPHS: {
			const struct glyph_run *g = &it->u.glyphs;
			if (!in_text) {
				HPDF_Page_BeginText(hp);
				in_text = true;
				font = NULL;
			}
			HPDF_Font want = face_font(w, g->face);
			if (want != font || g->size != font_size) {
				HPDF_Page_SetFontAndSize(hp, want, (HPDF_REAL)g->size);
				font = want;
				font_size = g->size;
			}
			set_fill(hp, g->color, &fill, &fill_known);
			note_codes(w, g->face, g->text);
			HPDF_Page_TextOut(hp, (HPDF_REAL)g->x, (HPDF_REAL)(page->height - g->y),
					  g->adjust ? "" : g->text);
			if (g->adjust)
				show_adjusted(hp, want, g, &w->fresh);
			break;
		}
		case ITEM_RECT: {
			const struct rect *r = &it->u.rect;
			set_fill(hp, r->color, &fill, &fill_known);
			HPDF_Page_Rectangle(hp, (HPDF_REAL)r->x,
					    (HPDF_REAL)(page->height - r->y - r->height),
					    (HPDF_REAL)r->width, (HPDF_REAL)r->height);
			HPDF_Page_Fill(hp);
			break;
		}
		case ITEM_RULE: {
			const struct rule *r = &it->u.rule;
			if (r->registration)
				stroke_registration(w, hp);
			else
				HPDF_Page_SetRGBStroke(hp, (HPDF_REAL)r->color.r,
						       (HPDF_REAL)r->color.g, (HPDF_REAL)r->color.b);
			HPDF_Page_SetLineWidth(hp, (HPDF_REAL)r->thickness);
			HPDF_Page_MoveTo(hp, (HPDF_REAL)r->x1, (HPDF_REAL)(page->height - r->y1));
			HPDF_Page_LineTo(hp, (HPDF_REAL)r->x2, (HPDF_REAL)(page->height - r->y2));
			HPDF_Page_Stroke(hp);
			break;
		}
		case ITEM_PATH:
			draw_path(hp, page, &it->u.path);
			fill_known = false;   /* the path may have set its own */
			break;
		case ITEM_LINK_URI: {
			struct buffer action = {0};
			buffer_append_str(&action, "/A << /S /URI /URI ");
			append_pdf_string(&action, it->u.link.uri);
			buffer_append_str(&action, " >>");
			add_link(w, hp, &annots, page, &it->u.link, action.data);
			buffer_free(&action);
			break;
		}
		case ITEM_LINK_PAGE: {
			const struct link *l = &it->u.link;
			struct buffer target = {0};
			buffer_append_str(&target, "/Dest ");
			append_destination(&target, w, doc, l->target_page, l->target_y);
			add_link(w, hp, &annots, page, l, target.data);
			buffer_free(&target);
			break;
		}
		}
	}
	if (in_text)
		HPDF_Page_EndText(hp);
}

/* Written into a content stream's dictionary that holds bytes this file
 * compressed itself (libharu would otherwise name no filter). */
static HPDF_STATUS name_flate_filter(HPDF_Dict dict, HPDF_Stream out)
{
	(void)dict;
	return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* Hands a drawn page's content to the deflater. libharu keeps every
 * page's content in memory, uncompressed, until the file is saved: for
 * 100,000 initiatives that alone was gigabytes. Nothing draws on the page
 * again, so its bytes can be deflated now (on the deflater's thread,
 * while the next pages are drawn) and written as they are. */
static void hand_over_contents(struct writer *w, HPDF_Page hp)
{
	HPDF_Stream stream = ((HPDF_PageAttr)hp->attr)->contents->stream;
	HPDF_UINT size = HPDF_Stream_Size(stream);
	void *raw = xmalloc(size ? size : 1);
	HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET);
	HPDF_Stream_Read(stream, raw, &size);
	HPDF_MemStream_FreeData(stream);
	deflater_submit(w->deflater, raw, size);
	w->pages_handed_over++;
}

/* Puts a page's deflated content in a stream of exactly its size
 * (libharu's grow by 4 KB), marked as deflated. */
static void install_contents(struct writer *w, HPDF_Page hp, struct deflated *packed)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)hp->attr;
	HPDF_Dict contents = attr->contents;
	HPDF_Stream exact = HPDF_MemStream_New(hp->mmgr, packed->len ? (HPDF_UINT)packed->len : 1);
	if (!exact)
		on_error(HPDF_FAILD_TO_ALLOC_MEM, 0, w);
	HPDF_Stream_Free(contents->stream);
	contents->stream = attr->stream = exact;
	HPDF_Stream_Write(exact, packed->data, (HPDF_UINT)packed->len);
	free(packed->data);
	contents->filter = HPDF_STREAM_FILTER_NONE;
	contents->write_fn = name_flate_filter;
}

/* Installs the contents the deflater has finished, in page order,
 * waiting for some until at most `left` pages are with it. */
static void install_deflated(struct writer *w, size_t left)
{
	struct deflated packed;
	while (w->pages_installed < w->pages_handed_over) {
		bool wait = w->pages_handed_over - w->pages_installed > left;
		if (!deflater_take(w->deflater, wait, &packed))
			break;
		install_contents(w, w->pages[w->pages_installed++], &packed);
	}
}

/* text as a PDF text string: UTF-16BE with its byte order mark, in hex. */
static void append_text_string(struct buffer *out, const char *text)
{
	buffer_append_str(out, "<FEFF");
	append_utf16_hex(out, text);
	buffer_append_str(out, ">");
}

/* Where an outline entry sits among the others: indexes into the
 * outline, SIZE_MAX for none (the root's children have no parent). */
struct outline_links {
	size_t parent, prev, next, first, last, children;
};

/* The outline (bookmarks): chapters at the top level, closed, each
 * initiative under the chapter before it. Each entry is one object of
 * entries written as a string (entries_object): libharu's outline keeps
 * a dozen elements an entry. */
static void add_outline(struct writer *w, const struct document *doc)
{
	size_t count = doc->outline_count;
	if (!count)
		return;
	HPDF_Dict root = entries_object(w);
	HPDF_Dict *entries = xcalloc(count, sizeof *entries);
	struct outline_links *links = xcalloc(count, sizeof *links);
	struct outline_links top = {.parent = SIZE_MAX, .prev = SIZE_MAX, .next = SIZE_MAX,
				    .first = SIZE_MAX, .last = SIZE_MAX};
	size_t chapter = SIZE_MAX;
	for (size_t i = 0; i < count; i++) {
		entries[i] = entries_object(w);
		size_t parent = doc->outline[i].level > 0 ? chapter : SIZE_MAX;
		struct outline_links *up = parent == SIZE_MAX ? &top : &links[parent];
		links[i] = (struct outline_links){.parent = parent, .prev = up->last,
						  .next = SIZE_MAX, .first = SIZE_MAX,
						  .last = SIZE_MAX};
		if (up->last != SIZE_MAX)
			links[up->last].next = i;
		else
			up->first = i;
		up->last = i;
		up->children++;
		if (doc->outline[i].level == 0)
			chapter = i;
	}
	struct buffer text = {0};
	for (size_t i = 0; i < count; i++) {
		const struct outline_links *l = &links[i];
		text.len = 0;
		buffer_append_str(&text, "/Title ");
		append_text_string(&text, doc->outline[i].title);
		buffer_printf(&text, "\012/Parent %u 0 R\012",
			      object_number(l->parent == SIZE_MAX ? root : entries[l->parent]));
		if (l->prev != SIZE_MAX)
			buffer_printf(&text, "/Prev %u 0 R\012", object_number(entries[l->prev]));
		if (l->next != SIZE_MAX)
			buffer_printf(&text, "/Next %u 0 R\012", object_number(entries[l->next]));
		if (l->children)   /* closed: the count of its hidden entries, negative */
			buffer_printf(&text, "/First %u 0 R\012/Last %u 0 R\012/Count -%zu\012",
				      object_number(entries[l->first]),
				      object_number(entries[l->last]), l->children);
		buffer_append_str(&text, "/Dest ");
		append_destination(&text, w, doc, doc->outline[i].page, doc->outline[i].y);
		buffer_append_str(&text, "\012");
		set_entries(w, entries[i], &text);
	}
	text.len = 0;
	buffer_printf(&text, "/Type /Outlines\012/First %u 0 R\012/Last %u 0 R\012/Count %zu\012",
		      object_number(entries[top.first]), object_number(entries[top.last]),
		      top.children);
	set_entries(w, root, &text);
	buffer_free(&text);
	free(links);
	free(entries);
	if (HPDF_Dict_Add(w->pdf->catalog, "Outlines", root) != HPDF_OK)
		on_error(HPDF_FAILD_TO_ALLOC_MEM, 0, w);
}

/* PDF's page labels know no Hebrew or abjad numbering: each page of such
 * a range gets a label of its own that is only a prefix, the letters its
 * folio prints. libharu's installed headers reach the catalog for it. */
static void add_letter_labels(struct writer *w, const struct document *doc, size_t range)
{
	size_t end = range + 1 < doc->numbering_count ? doc->numbering[range + 1].first_page
						      : doc->page_count;
	HPDF_Encoder utf8 = HPDF_GetEncoder(w->pdf, "UTF-8");
	for (size_t p = doc->numbering[range].first_page; p < end; p++) {
		char *label = document_page_label(doc, p);
		HPDF_Dict dict = HPDF_Dict_New(w->pdf->mmgr);
		if (!dict || HPDF_Dict_Add(dict, "P", HPDF_String_New(w->pdf->mmgr, label, utf8)) ||
		    HPDF_Catalog_AddPageLabel(w->pdf->catalog, (HPDF_UINT)p, dict))
			on_error(HPDF_FAILD_TO_ALLOC_MEM, 0, w);
		free(label);
	}
}

/* /PageLabels: each numbering range of the page model as a range of page
 * labels, so that viewers show the numbers the folios print. */
static void add_page_labels(struct writer *w, const struct document *doc)
{
	for (size_t i = 0; i < doc->numbering_count; i++) {
		const struct numbering_range *r = &doc->numbering[i];
		if (r->style == NUMBERING_HEBREW || r->style == NUMBERING_ABJAD) {
			add_letter_labels(w, doc, i);
			continue;
		}
		HPDF_AddPageLabel(w->pdf, (HPDF_UINT)r->first_page,
				  r->style == NUMBERING_ROMAN ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN
							      : HPDF_PAGE_NUM_STYLE_DECIMAL,
				  1, NULL);
	}
}

static int compare_destinations(const void *pa, const void *pb)
{
	const struct destination *a = *(const struct destination *const *)pa;
	const struct destination *b = *(const struct destination *const *)pb;
	return strcmp(a->name, b->name);
}

/* A leaf of the destinations' name tree: sorted[first, end) as
 * /Names [(name) [page /FitH top] ...]; with /Limits [(first) (last)]
 * when it is one of several. */
static HPDF_Dict names_leaf(struct writer *w, const struct document *doc,
			    const struct destination **sorted, size_t first, size_t end,
			    bool one_of_several)
{
	struct buffer text = {0};
	if (one_of_several) {
		buffer_append_str(&text, "/Limits [");
		append_pdf_string(&text, sorted[first]->name);
		buffer_append_str(&text, " ");
		append_pdf_string(&text, sorted[end - 1]->name);
		buffer_append_str(&text, "]\012");
	}
	buffer_append_str(&text, "/Names [");
	for (size_t i = first; i < end; i++) {
		buffer_append_str(&text, "\012");
		append_pdf_string(&text, sorted[i]->name);
		buffer_append_str(&text, " ");
		append_destination(&text, w, doc, sorted[i]->page, sorted[i]->y);
	}
	buffer_append_str(&text, "\012]\012");
	HPDF_Dict leaf = entries_object(w);
	set_entries(w, leaf, &text);
	buffer_free(&text);
	return leaf;
}

/* The catalog's /Names << /Dests TREE >>, its keys in byte order as the
 * PDF reference asks. A tree of one leaf holds the names itself; more
 * than a leaf's worth (one per initiative) hang from the root as /Kids,
 * so that no object grows without bound. Leaves and root are objects of
 * entries written as one string (entries_object). */
static void add_named_destinations(struct writer *w, const struct document *doc)
{
	enum { NAMES_PER_LEAF = 1000 };
	size_t count = doc->destination_count;
	if (!count)
		return;
	const struct destination **sorted = xcalloc(count, sizeof *sorted);
	for (size_t i = 0; i < count; i++)
		sorted[i] = &doc->destinations[i];
	qsort(sorted, count, sizeof *sorted, compare_destinations);
	HPDF_Dict dests;
	if (count <= NAMES_PER_LEAF) {
		dests = names_leaf(w, doc, sorted, 0, count, false);
	} else {
		struct buffer kids = {0};
		buffer_append_str(&kids, "/Kids [");
		for (size_t first = 0; first < count; first += NAMES_PER_LEAF) {
			size_t end = first + NAMES_PER_LEAF < count ? first + NAMES_PER_LEAF : count;
			HPDF_Dict leaf = names_leaf(w, doc, sorted, first, end, true);
			buffer_printf(&kids, " %u 0 R", object_number(leaf));
		}
		buffer_append_str(&kids, " ]\012");
		dests = entries_object(w);
		set_entries(w, dests, &kids);
		buffer_free(&kids);
	}
	free(sorted);
	HPDF_Dict tree = HPDF_Dict_New(w->pdf->mmgr);
	if (!tree || HPDF_Dict_Add(tree, "Dests", dests) != HPDF_OK ||
	    HPDF_Dict_Add(w->pdf->catalog, "Names", tree) != HPDF_OK)
		on_error(HPDF_FAILD_TO_ALLOC_MEM, 0, w);
}

/* The document's only date is the edition's (YYYY-MM-DD), so that the
 * same input gives the same bytes. */
static void set_info(struct writer *w, const struct document *doc)
{
	HPDF_SetInfoAttr(w->pdf, HPDF_INFO_CREATOR, "lightbook");
	if (doc->title)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_TITLE, doc->title);
	if (doc->author && *doc->author)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_AUTHOR, doc->author);
	if (doc->subject && *doc->subject)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_SUBJECT, doc->subject);
	int y, m, d;
	if (doc->date && sscanf(doc->date, "%4d-%2d-%2d", &y, &m, &d) == 3) {
		HPDF_Date date = {.year = y, .month = m, .day = d, .ind = 'Z'};
		HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_CREATION_DATE, date);
		HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_MOD_DATE, date);
	}
}

/* /ViewerPreferences << /Direction /R2L >>: viewers show spreads right
 * to left, as a book bound on the right. libharu has no call for the
 * key, but its installed headers reach the catalog dictionary. */
static void set_right_to_left(struct writer *w)
{
	HPDF_Dict catalog = w->pdf->catalog;
	HPDF_Dict prefs = HPDF_Dict_GetItem(catalog, "ViewerPreferences", HPDF_OCLASS_DICT);
	if (!prefs) {
		prefs = HPDF_Dict_New(w->pdf->mmgr);
		if (!prefs || HPDF_Dict_Add(catalog, "ViewerPreferences", prefs) != HPDF_OK)
			on_error(HPDF_FAILD_TO_ALLOC_MEM, 0, w);
	}
	if (HPDF_Dict_AddName(prefs, "Direction", "R2L") != HPDF_OK)
		on_error(HPDF_FAILD_TO_ALLOC_MEM, 0, w);
}

static void free_writer(struct writer *w)
{
	free(w->pages);
	for (int f = 0; f < FACE_COUNT; f++)
		free(w->used[f]);
	deflater_free(w->deflater);
	buffer_free(&w->fresh);
	free(w);
}

enum status pdf_render(struct document *doc, const struct fontset *fonts,
		       pdf_sink sink, void *sink_user, struct diag_list *diags)
{
	/* On the heap, so that what libharu's error jump skips over is not
	 * an automatic variable changed after setjmp. */
	struct writer *w = xcalloc(1, sizeof *w);
	w->fonts = fonts;
	w->sink = sink;
	w->sink_user = sink_user;
	w->pages = xcalloc(doc->page_count, sizeof *w->pages);
	w->pdf = HPDF_New(on_error, w);
	w->deflater = deflater_new();
	if (!w->pdf || !w->deflater) {
		diag_error(diags, ((struct span){0}), "cannot start a PDF (%s)",
			   w->pdf ? "no thread for deflating" : "libharu");
		HPDF_Free(w->pdf);
		free_writer(w);
		return STATUS_IO;
	}
	if (setjmp(w->fail)) {
		HPDF_Free(w->pdf);
		if (!w->sink_failed)
			diag_error(diags, ((struct span){0}),
				   "libharu failed with error 0x%04X (detail %u)",
				   (unsigned)w->error, (unsigned)w->detail);
		free_writer(w);
		return STATUS_IO;
	}
	HPDF_SetCompressionMode(w->pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(w->pdf);
	HPDF_SetCurrentEncoder(w->pdf, "UTF-8");
	HPDF_SetPageMode(w->pdf, doc->outline_count ? HPDF_PAGE_MODE_USE_OUTLINE
						    : HPDF_PAGE_MODE_USE_NONE);
	/* Spreads as in print: the cover alone, then left and right pages. */
	if (doc->facing_pages)
		HPDF_SetPageLayout(w->pdf, HPDF_PAGE_LAYOUT_TWO_PAGE_RIGHT);
	if (doc->right_to_left)
		set_right_to_left(w);
	set_info(w, doc);
	/* libharu's arrays hold at most 32,767 items, so a flat page tree
	 * ends there (100,000 initiatives make 48,000 pages): a long
	 * document gets a tree of nodes of a thousand pages each. */
	if (doc->page_count > PAGES_PER_NODE)
		HPDF_SetPagesConfiguration(w->pdf, PAGES_PER_NODE);
	/* Every page exists before any is drawn: links point forward too. */
	for (size_t p = 0; p < doc->page_count; p++) {
		w->pages[p] = HPDF_AddPage(w->pdf);
		share_resources(w, w->pages[p]);
		HPDF_Page_SetWidth(w->pages[p], (HPDF_REAL)doc->pages[p].width);
		HPDF_Page_SetHeight(w->pages[p], (HPDF_REAL)doc->pages[p].height);
		set_print_boxes(w->pages[p], &doc->pages[p]);
	}
	for (size_t p = 0; p < doc->page_count; p++) {
		progress_report(STAGE_RENDER, p, doc->page_count);
		draw_page(w, doc, p);
		hand_over_contents(w, w->pages[p]);
		page_free_items(&doc->pages[p]);
		install_deflated(w, DEFLATER_CAPACITY - 1);   /* room for the next */
	}
	install_deflated(w, 0);
	add_outline(w, doc);
	add_page_labels(w, doc);
	add_named_destinations(w, doc);
	for (int f = 0; f < FACE_COUNT; f++)
		if (w->faces[f])
			rewrite_to_unicode(w, (enum face)f);

	/* HPDF_SaveToStream saves into the document's stream, and makes one
	 * in memory only when there is none. */
	w->pdf->stream = HPDF_CallbackWriter_New(w->pdf->mmgr, to_sink, w);
	if (!w->pdf->stream)
		on_error(HPDF_FAILD_TO_ALLOC_MEM, 0, w);
	/* A sink's failure comes back as a status, not through on_error. */
	if (HPDF_SaveToStream(w->pdf) != HPDF_OK || w->sink_failed)
		on_error(HPDF_FILE_IO_ERROR, 0, w);
	HPDF_Free(w->pdf);
	free_writer(w);
	return STATUS_OK;
}
