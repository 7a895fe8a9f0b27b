/* typeset.c - paragraphs into lines: bidi, Arabic shaping, fonts per
 * script, line breaking, reordering and justification. */
#include "typeset.h"
#include "half.h"
#include "hyphen.h"
#include "linebreak.h"
#include "mem.h"
#include "text.h"

#include <fribidi.h>
#include <linebreak.h>
#include <utf8proc.h>

#include <stdlib.h>
#include <string.h>

enum script { SCRIPT_COMMON, SCRIPT_LATIN, SCRIPT_HEBREW, SCRIPT_ARABIC };

/* Drawn for a character that no bundled face has. */
enum { PLACEHOLDER = 0xFFFD };

/* A paragraph in logical order, one entry per character, with everything
 * line breaking and drawing need to know about it. */
struct para {
	size_t n;
	uint32_t *cp;              /* NFC text */
	uint32_t *shaped;          /* cp after mirroring and Arabic shaping */
	FriBidiCharType *types;
	FriBidiLevel *levels;
	char *breaks;              /* libunibreak: break after character i? */
	enum face *face;
	double *advance;           /* points, kerning with the next included;
				      0 for invisible characters */
	double *kern;              /* points: pair kerning with the next
				      character, when both are set together */
	double size;               /* the style's size, points */
	FriBidiParType base;
	bool left_to_right;        /* every level is 0: no line is reordered */
	void *arrays;              /* one allocation for all the arrays but cp */
};

static enum script script_of(uint32_t c)
{
	if (c < 0x80)   /* as utf8proc_category says, without asking it */
		return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? SCRIPT_LATIN : SCRIPT_COMMON;
	if ((c >= 0x0590 && c <= 0x05FF) || (c >= 0xFB1D && c <= 0xFB4F))
		return SCRIPT_HEBREW;
	if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
	    (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
	    (c >= 0xFE70 && c <= 0xFEFC))
		return SCRIPT_ARABIC;
	switch (utf8proc_category((utf8proc_int32_t)c)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return SCRIPT_LATIN;
	default:
		return SCRIPT_COMMON;
	}
}

/* Characters that steer layout but draw nothing: bidi controls (the
 * Arabic letter mark among them), joiners,
 * the zero-width space, and FriBidi's filler left where a lam-alef
 * ligature swallowed its alef. */
static bool is_invisible(uint32_t c)
{
	if (c < 0x00AD)
		return c == '\n' || c == '\r';
	return c == 0xFEFF || c == 0x200B || c == 0x200C || c == 0x200D ||
	       c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0x00AD || c == '\n' ||
	       c == '\r';
}

static bool is_space(uint32_t c)
{
	return c == ' ';
}

static enum face face_for(enum script script, const struct text_style *style)
{
	bool sans = style->family == FAMILY_SANS;
	switch (script) {
	case SCRIPT_HEBREW:
		if (sans)
			return style->bold ? FACE_HEBREW_SANS_BOLD : FACE_HEBREW_SANS;
		return style->bold ? FACE_HEBREW_SERIF_BOLD : FACE_HEBREW_SERIF;
	case SCRIPT_ARABIC:
		return style->bold ? FACE_ARABIC_BOLD : FACE_ARABIC;
	case SCRIPT_LATIN:
	case SCRIPT_COMMON:
		break;
	}
	if (sans)
		return style->bold ? FACE_SANS_BOLD : FACE_SANS;
	if (style->bold)
		return FACE_SERIF_BOLD;
	return style->italic ? FACE_SERIF_ITALIC : FACE_SERIF;
}

/* Gives neutral characters (spaces, digits, punctuation, marks) the
 * script of the letters before them, or after them at the start, so that a
 * phrase keeps one font; a closing bracket takes its opening bracket's, so
 * that "(שלום)" in English text is drawn with Latin brackets. A paragraph
 * without letters is Latin. */
static void resolve_scripts(const uint32_t *cp, const FriBidiBracketType *brackets,
			    size_t n, enum script *scripts)
{
	enum { DEPTH = 64 };   /* deeper nesting just inherits, like any neutral */
	struct opened {
		FriBidiBracketType id;
		enum script script;
	} open[DEPTH];
	size_t depth = 0;
	enum script last = SCRIPT_COMMON;
	for (size_t i = 0; i < n; i++) {
		scripts[i] = script_of(cp[i]);
		if (scripts[i] != SCRIPT_COMMON) {
			last = scripts[i];
			continue;
		}
		scripts[i] = last;
		FriBidiBracketType b = brackets[i];
		if (b == FRIBIDI_NO_BRACKET)
			continue;
		if (FRIBIDI_IS_BRACKET_OPEN(b)) {
			if (depth < DEPTH)
				open[depth++] = (struct opened){FRIBIDI_BRACKET_ID(b), last};
		} else {
			size_t k = depth;
			while (k > 0 && open[k - 1].id != FRIBIDI_BRACKET_ID(b))
				k--;
			if (k > 0) {
				scripts[i] = last = open[k - 1].script;
				depth = k - 1;
			}
		}
	}
	enum script next = SCRIPT_LATIN;
	for (size_t i = n; i-- > 0;) {
		if (scripts[i] == SCRIPT_COMMON)
			scripts[i] = next;
		else
			next = scripts[i];
	}
}

/* The face that draws c: the script's own if it has the glyph, otherwise
 * the first bundled face that does (a Latin digit inside Arabic text, a
 * symbol only one font has). */
static enum face pick_face(struct fontset *fonts, enum face preferred, uint32_t c,
			   const struct text_style *style)
{
	if (font_has_glyph(fonts, preferred, c))
		return preferred;
	/* Hebrew and Arabic have no italic: a digit or a comma among their
	 * letters, drawn from the Latin face, stays upright with them. */
	struct text_style upright = *style;
	if (preferred != face_for(SCRIPT_LATIN, style))
		upright.italic = false;
	const enum face fallbacks[] = {
		face_for(SCRIPT_LATIN, &upright), face_for(SCRIPT_HEBREW, style),
		face_for(SCRIPT_ARABIC, style), FACE_SERIF, FACE_SANS,
	};
	for (size_t i = 0; i < sizeof fallbacks / sizeof *fallbacks; i++)
		if (font_has_glyph(fonts, fallbacks[i], c))
			return fallbacks[i];
	for (int f = 0; f < FACE_COUNT; f++)
		if (font_has_glyph(fonts, (enum face)f, c))
			return (enum face)f;
	return preferred;
}

/* libharu's UTF-8 encoding drops any character beyond the BMP without a
 * word, so only BMP characters with a glyph in some face can be drawn. */
static bool drawable(struct fontset *fonts, uint32_t c)
{
	if (c >= 0x10000)
		return false;
	for (int f = 0; f < FACE_COUNT; f++)
		if (font_has_glyph(fonts, (enum face)f, c))
			return true;
	return false;
}

bool typeset_can_draw(struct fontset *fonts, uint32_t c)
{
	return is_invisible(c) || drawable(fonts, c);
}

/* Naskh is drawn small on its body: at the same point size its letters
 * look a size smaller than the Latin and Hebrew beside them, so Arabic is
 * set larger to match their colour and height on the line. */
static double face_scale(enum face face)
{
	return face == FACE_ARABIC || face == FACE_ARABIC_BOLD ? 1.12 : 1.0;
}

/* Advance of c in face at size, points. */
static double advance_of(struct fontset *fonts, enum face face, uint32_t c, double size)
{
	return font_advance(fonts, face, c) * size * face_scale(face) / 1000.0;
}

static uint32_t *decode_nfc(const char *text, size_t *count)
{
	utf8proc_uint8_t *nfc = (utf8proc_uint8_t *)text_nfc(text);
	const utf8proc_uint8_t *s = nfc ? nfc : (const utf8proc_uint8_t *)text;
	size_t len = strlen((const char *)s);
	uint32_t *cp = xmalloc((len + 1) * sizeof *cp);
	size_t n = 0;
	while (len > 0) {
		utf8proc_int32_t c = *s;
		utf8proc_ssize_t used = 1;
		if (c >= 0x80)
			used = utf8proc_iterate(s, (utf8proc_ssize_t)len, &c);
		if (used <= 0) {
			c = 0xFFFD;
			used = 1;
		}
		/* libunibreak takes U+FFFF for the end of the text (and
		 * asserts), so that noncharacter becomes U+FFFD. */
		if (c == 0xFFFF)
			c = 0xFFFD;
		if (c == '	')
			c = ' ';
		/* A run of spaces is one word space. */
		if (!(c == ' ' && n > 0 && cp[n - 1] == ' '))
			cp[n++] = (uint32_t)c;
		s += used;
		len -= (size_t)used;
	}
	free(nfc);
	*count = n;
	return cp;
}

/* Western digits in Arabic context as Arabic-Indic ones: those whose
 * nearest strong character before them is an Arabic letter (where UAX #9
 * rule W2 makes them Arabic numbers) or that have none; a comma or a
 * point between two such digits becomes the Arabic thousands or decimal
 * separator, a percent sign after them the Arabic one. Digits after a
 * Latin or Hebrew letter stay Western. */
static void use_arabic_digits(uint32_t *cp, size_t n)
{
	bool arabic = true;
	for (size_t i = 0; i < n; i++) {
		FriBidiCharType t = fribidi_get_bidi_type(cp[i]);
		if (FRIBIDI_IS_STRONG(t))
			arabic = t == FRIBIDI_TYPE_AL;
		else if (arabic && cp[i] >= '0' && cp[i] <= '9')
			cp[i] = 0x0660 + (cp[i] - '0');
		else if (arabic && (cp[i] == ',' || cp[i] == '.') && i > 0 && i + 1 < n &&
			 cp[i - 1] >= 0x0660 && cp[i - 1] <= 0x0669 &&
			 cp[i + 1] >= '0' && cp[i + 1] <= '9')
			cp[i] = cp[i] == ',' ? 0x066C : 0x066B;
		else if (arabic && cp[i] == '%' && i > 0 && cp[i - 1] >= 0x0660 &&
			 cp[i - 1] <= 0x0669)
			cp[i] = 0x066A;   /* ARABIC PERCENT SIGN: "٪١٦", not "%١٦" */
	}
}

/* Whether no character is right-to-left, an Arabic number or an explicit
 * embedding, override or isolate: then the text is left to right only. */
static bool left_to_right_only(const FriBidiCharType *types, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (FRIBIDI_IS_RTL(types[i]) || FRIBIDI_IS_ARABIC(types[i]) ||
		    FRIBIDI_IS_EXPLICIT(types[i]) || FRIBIDI_IS_ISOLATE(types[i]))
			return false;
	return true;
}

static void para_prepare(struct para *p, struct fontset *fonts, const char *text,
			 const struct text_style *style, enum direction dir)
{
	static bool linebreak_ready;
	if (!linebreak_ready) {
		init_linebreak();
		linebreak_ready = true;
	}
	memset(p, 0, sizeof *p);
	p->size = style->size;
	p->cp = decode_nfc(text, &p->n);
	size_t n = p->n;
	if (style->arabic_digits)
		use_arabic_digits(p->cp, n);
	/* One allocation per paragraph rather than ten: the widest
	 * elements first, so that each array is aligned. */
	size_t wide = sizeof(double), word = sizeof(uint32_t);
	_Static_assert(sizeof(FriBidiCharType) == sizeof(uint32_t) &&
		       sizeof(FriBidiBracketType) == sizeof(uint32_t) &&
		       sizeof(enum face) == sizeof(uint32_t) &&
		       sizeof(enum script) == sizeof(uint32_t) &&
		       sizeof(FriBidiLevel) == 1 && sizeof(FriBidiArabicProp) == 1,
		       "the paragraph's arrays are laid out by these sizes");
	char *at = p->arrays = xmalloc(n * (2 * wide + 5 * word + 3) + 1);
	p->advance = (double *)(void *)at;
	p->kern = (double *)(void *)(at += n * wide);
	p->shaped = (uint32_t *)(void *)(at += n * wide);
	p->types = (FriBidiCharType *)(void *)(at += n * word);
	p->face = (enum face *)(void *)(at += n * word);
	FriBidiBracketType *brackets = (FriBidiBracketType *)(void *)(at += n * word);
	enum script *scripts = (enum script *)(void *)(at += n * word);
	p->levels = (FriBidiLevel *)(at += n * word);
	FriBidiArabicProp *joining = (FriBidiArabicProp *)(at += n);
	p->breaks = at + n;
	memset(p->kern, 0, n * sizeof *p->kern);

	fribidi_get_bidi_types(p->cp, (FriBidiStrIndex)n, p->types);
	fribidi_get_bracket_types(p->cp, (FriBidiStrIndex)n, p->types, brackets);
	p->base = dir == DIR_RTL ? FRIBIDI_PAR_RTL
		: dir == DIR_LTR ? FRIBIDI_PAR_LTR
		: dir == DIR_AUTO_RTL ? FRIBIDI_PAR_WRTL : FRIBIDI_PAR_ON;
	memcpy(p->shaped, p->cp, n * sizeof *p->shaped);
	if (dir != DIR_RTL && dir != DIR_AUTO_RTL && left_to_right_only(p->types, n)) {
		/* UAX #9 gives every character level 0 and there is nothing
		 * to join or mirror: FriBidi, which allocates for every run
		 * of types, is not needed (12% of a large English booklet). */
		p->base = FRIBIDI_PAR_LTR;
		p->left_to_right = true;
		memset(p->levels, 0, n * sizeof *p->levels);
	} else {
		/* FriBidi fails only when it cannot allocate. */
		if (n > 0 && !fribidi_get_par_embedding_levels_ex(p->types, brackets,
								  (FriBidiStrIndex)n,
								  &p->base, p->levels))
			out_of_memory(n);
		fribidi_get_joining_types(p->cp, (FriBidiStrIndex)n, joining);
		fribidi_join_arabic(p->types, (FriBidiStrIndex)n, p->levels, joining);
		fribidi_shape(FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC, p->levels,
			      (FriBidiStrIndex)n, joining, p->shaped);
	}
	set_linebreaks_utf32((const utf32_t *)p->cp, n, "en", p->breaks);

	resolve_scripts(p->cp, brackets, n, scripts);
	const enum face script_face[] = {
		[SCRIPT_COMMON] = face_for(SCRIPT_COMMON, style),
		[SCRIPT_LATIN] = face_for(SCRIPT_LATIN, style),
		[SCRIPT_HEBREW] = face_for(SCRIPT_HEBREW, style),
		[SCRIPT_ARABIC] = face_for(SCRIPT_ARABIC, style),
	};
	for (size_t i = 0; i < n; i++) {
		if (is_invisible(p->shaped[i])) {
			p->face[i] = script_face[scripts[i]];
			p->advance[i] = 0;
			continue;
		}
		/* A character no face has is drawn as U+FFFD, which the
		 * Latin faces have: visible, never silently dropped, and from
		 * here on a character of its own (a missing mark no longer
		 * clings to its base: it is as wide as a letter). */
		enum face preferred = script_face[scripts[i]];
		if (p->shaped[i] < 0x10000 && font_has_glyph(fonts, preferred, p->shaped[i])) {
			/* Drawable, by its script's own face: most characters. */
			p->face[i] = preferred;
		} else {
			if (!drawable(fonts, p->shaped[i])) {
				p->shaped[i] = p->cp[i] = PLACEHOLDER;
				scripts[i] = SCRIPT_LATIN;
			}
			p->face[i] = pick_face(fonts, face_for(scripts[i], style),
					       p->shaped[i], style);
		}
		p->advance[i] = advance_of(fonts, p->face[i], p->shaped[i], style->size);
	}
	/* Pair kerning between neighbours of one face and one level (the
	 * Latin faces carry it); a line that ends between them drops it. */
	for (size_t i = 0; i + 1 < n; i++) {
		if (p->face[i] != p->face[i + 1] || p->levels[i] != p->levels[i + 1] ||
		    (p->levels[i] & 1) || is_space(p->cp[i]) || is_space(p->cp[i + 1]) ||
		    is_invisible(p->shaped[i]) || is_invisible(p->shaped[i + 1]))
			continue;
		int kern = font_kerning(fonts, p->face[i], p->shaped[i], p->shaped[i + 1]);
		if (kern == 0)
			continue;   /* most pairs: kern[i] stays 0 and adding it changes nothing */
		p->kern[i] = kern * style->size * face_scale(p->face[i]) / 1000.0;
		p->advance[i] += p->kern[i];
	}
}

static void para_free(struct para *p)
{
	free(p->cp);
	free(p->arrays);
}

static bool is_mark(uint32_t c)
{
	return utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_MN;
}

/* Index one past the last character that may end a line in [start, end):
 * trailing spaces and invisible characters hang outside the measure. */
static size_t trim_end(const struct para *p, size_t start, size_t end)
{
	while (end > start && (is_space(p->cp[end - 1]) || is_invisible(p->cp[end - 1])))
		end--;
	return end;
}

/* No-break spaces (and the word joiner) hold their neighbours together
 * even when a word is broken between letters. */
static bool is_no_break_space(uint32_t c)
{
	return c == 0x00A0 || c == 0x2007 || c == 0x202F || c == 0x2060;
}

/* Whether a line broken between two letters of a word may start with c:
 * not with a mark, an invisible character, or punctuation that closes or
 * ends something (UAX #14 classes CL, CP, EX, IS, QU closing). */
static bool may_start_line(uint32_t c)
{
	switch (utf8proc_category((utf8proc_int32_t)c)) {
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return false;
	default:
		return !is_invisible(c);
	}
}

/* The kinds of places where a word may be broken, cheapest first. */
enum word_break { WORD_NONE, WORD_HYPHEN, WORD_OPPORTUNITY, WORD_LAST_RESORT };

/* Where the line that starts at start ends (exclusive), filling greedily:
 * the last break opportunity that fits (UAX #14's, or one of at[], the
 * word breaks of the whole paragraph), or, for a word wider than the
 * measure, as many characters as fit (at least one, with its marks).
 * *forced tells whether the text itself ends the line there. */
static size_t find_line_end(const struct para *p, const enum word_break *at,
			    size_t start, double measure, bool *forced)
{
	const double epsilon = 0.01;
	double width = 0;
	size_t last_break = 0;   /* 0 = none yet (a break is after >= 1 char) */
	size_t last_resort = 0;  /* the same, between two letters of a word */
	*forced = false;
	for (size_t j = start; j < p->n; j++) {
		width += p->advance[j];
		if (!is_space(p->cp[j]) && !is_invisible(p->cp[j]) &&
		    width - p->kern[j] > measure + epsilon) {
			if (last_break)
				return last_break;
			if (last_resort)
				return last_resort;
			/* A mark that does not fit takes its base to the
			 * next line: a character and its marks never part. */
			size_t end = j;
			while (end > start && is_mark(p->cp[end]))
				end--;
			if (end == start)
				end = start + 1;
			while (end < p->n && is_mark(p->cp[end]))
				end++;
			return end;
		}
		if (p->breaks[j] == LINEBREAK_MUSTBREAK && j + 1 < p->n) {
			*forced = true;
			return j + 1;
		}
		if ((p->breaks[j] == LINEBREAK_ALLOWBREAK && is_space(p->cp[j])) ||
		    at[j] == WORD_OPPORTUNITY)
			last_break = j + 1;
		if (at[j] == WORD_LAST_RESORT)
			last_resort = j + 1;
	}
	*forced = true;
	return p->n;
}

/* A line in logical order before it is built: the characters [start, end)
 * (trailing spaces included), whether it is the last of its paragraph or
 * ends at a line break in the text (then it is not stretched), and
 * whether it ends at a hyphenation point (then it gets a hyphen). */
struct line_span {
	size_t start, end;
	bool last;
	bool hyphen;
};

struct line_spans {
	struct line_span *items;
	size_t count, cap;
};

static void add_span(struct line_spans *s, struct line_span span)
{
	grow_array((void **)&s->items, &s->cap, s->count + 1, sizeof *s->items);
	s->items[s->count++] = span;
}

static size_t skip_spaces(const struct para *p, size_t i, size_t end)
{
	while (i < end && is_space(p->cp[i]))
		i++;
	return i;
}

static double hyphen_width(const struct para *p, struct fontset *fonts, size_t i)
{
	return advance_of(fonts, p->face[i], '-', p->size);
}

/* Whether a word may be broken between characters k and k + 1 as a last
 * resort: never before a mark; when strict, not before an invisible
 * character, at a no-break space nor before closing punctuation either. */
static bool may_split(const struct para *p, size_t k, bool strict)
{
	uint32_t next = p->cp[k + 1];
	if (!strict) {
		utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)next);
		return cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_MC &&
		       cat != UTF8PROC_CATEGORY_ME;
	}
	return may_start_line(next) && !is_no_break_space(p->cp[k]) &&
	       !is_no_break_space(next);
}

/* Marks last-resort breaks inside every stretch of [start, end) between
 * spaces and break points that is wider than the measure; returns
 * whether there was one. */
static bool mark_last_resort(const struct para *p, struct fontset *fonts, size_t start,
			     size_t end, double measure, bool strict, enum word_break *at)
{
	size_t from = start;
	double width = 0;
	bool too_wide = false;
	for (size_t i = start; i < end; i++) {
		if (is_space(p->cp[i])) {
			from = i + 1;
			width = 0;
			continue;
		}
		width += p->advance[i];
		bool stretch_ends = i + 1 == end || is_space(p->cp[i + 1]) ||
				    at[i - start] != WORD_NONE;
		if (!stretch_ends)
			continue;
		/* A line ending here drops the kerning with what follows,
		 * and at a hyphenation point gains a hyphen. */
		double line_end = -p->kern[i] +
				  (at[i - start] == WORD_HYPHEN ? hyphen_width(p, fonts, i) : 0);
		if (width + line_end > measure) {
			too_wide = true;
			for (size_t k = from; k < i; k++)
				if (at[k - start] == WORD_NONE && may_split(p, k, strict))
					at[k - start] = WORD_LAST_RESORT;
		}
		from = i + 1;
		width = 0;
	}
	return too_wide;
}

/* Where the text [start, end) may break inside its words: after an
 * explicit hyphen or a '/' (UAX #14), at a hyphenation point of an English
 * word when style allows, and, only inside a stretch wider than the
 * measure with no other way to break it, between any two characters. */
static void find_word_breaks(const struct para *p, struct fontset *fonts, size_t start,
			     size_t end, bool hyphenate, double measure, enum word_break *at)
{
	for (size_t i = start; i < end; i++) {
		at[i - start] = WORD_NONE;
		if (i + 1 < end && !is_space(p->cp[i + 1]) && !is_space(p->cp[i]) &&
		    p->breaks[i] == LINEBREAK_ALLOWBREAK)
			at[i - start] = p->cp[i] == 0x00AD ? WORD_HYPHEN : WORD_OPPORTUNITY;
	}
	bool *after = xmalloc((end - start + 1) * sizeof *after);
	for (size_t i = start; i < end;) {
		/* A token is what lies between spaces; one that looks like an
		 * address or a URL is never hyphenated, but may break before a
		 * '?' (UAX #14 alone never does) as well as after a '/'. */
		size_t token_end = i;
		bool address = false;
		while (token_end < end && !is_space(p->cp[token_end])) {
			uint32_t c = p->cp[token_end++];
			address |= c == '/' || c == '@' || c == '\\' || c == '_';
		}
		for (size_t k = i + 1; address && k < token_end; k++)
			if (p->cp[k] == '?') {
				at[k - 1 - start] = WORD_OPPORTUNITY;
				at[k - start] = WORD_NONE;
			}
		for (size_t w = i; hyphenate && !address && w < token_end;) {
			size_t word_end = w;
			/* Digits belong to the word, so that hyphen_points
			 * sees and refuses it ("covid19vaccine"). */
			while (word_end < token_end &&
			       (((p->cp[word_end] | 0x20) >= 'a' && (p->cp[word_end] | 0x20) <= 'z') ||
				(p->cp[word_end] >= '0' && p->cp[word_end] <= '9')))
				word_end++;
			if (word_end > w) {
				hyphen_points(&p->cp[w], word_end - w, after);
				for (size_t k = 0; k < word_end - w; k++)
					if (after[k] && at[w + k - start] == WORD_NONE)
						at[w + k - start] = WORD_HYPHEN;
			}
			w = word_end + 1;
		}
		i = skip_spaces(p, token_end, end);
	}
	free(after);
	/* Stretches between break points that are wider than the measure:
	 * first as typography allows, then, for what is still too wide,
	 * between any two characters (never between one and its marks). When
	 * no stretch is too wide the second pass would find none either. */
	if (mark_last_resort(p, fonts, start, end, measure, true, at))
		mark_last_resort(p, fonts, start, end, measure, false, at);
}

/* Lines filled greedily: for ragged text, headings and labels. */
static void break_greedy(const struct para *p, struct fontset *fonts, double measure,
			 struct line_spans *out)
{
	enum word_break *at = xmalloc((p->n + 1) * sizeof *at);
	find_word_breaks(p, fonts, 0, p->n, false, measure, at);
	size_t start = skip_spaces(p, 0, p->n);
	while (start < p->n) {
		bool forced;
		size_t end = find_line_end(p, at, start, measure, &forced);
		add_span(out, (struct line_span){.start = start, .end = end, .last = forced});
		start = skip_spaces(p, end, p->n);
	}
	free(at);
}

/* Penalties of the word breaks: a hyphen costs a little (and is flagged,
 * so that hyphens in a row cost more), a break between two characters of
 * a word nearly as much as the breaker allows. */
static const double hyphen_penalty = 50;
static const double opportunity_penalty = 50;
static const double last_resort_penalty = 5000;

struct kp_items {
	struct lb_item *items;
	size_t *end;           /* per item: a line broken there ends before this char */
	size_t count;
};

/* The arrays have room for every item of the stretch (see break_total_fit). */
static void add_item(struct kp_items *k, struct lb_item item, size_t end)
{
	k->items[k->count] = item;
	k->end[k->count++] = end;
}

/* Total-fit lines of [start, end), a stretch of text without line breaks
 * in it. A word space may stretch to twice its width and shrink by a
 * third; the last line is filled with glue that takes any slack. */
static void break_total_fit(const struct para *p, struct fontset *fonts, size_t start,
			    size_t end, bool hyphenate, double measure,
			    struct line_spans *out)
{
	enum word_break *at = xmalloc((end - start + 1) * sizeof *at);
	find_word_breaks(p, fonts, start, end, hyphenate, measure, at);
	/* A box or glue per character, a penalty after some, three to end. */
	size_t most = 2 * (end - start) + 3;
	struct kp_items k = {.items = xmalloc(most * sizeof *k.items),
			     .end = xmalloc(most * sizeof *k.end)};
	for (size_t i = start; i < end; i++) {
		if (is_space(p->cp[i])) {
			double w = p->advance[i];
			add_item(&k, (struct lb_item){.kind = LB_GLUE, .width = w,
						      .stretch = w, .shrink = w / 3}, i);
			continue;
		}
		add_item(&k, (struct lb_item){.kind = LB_BOX, .width = p->advance[i]}, i);
		switch (at[i - start]) {
		case WORD_NONE:
			break;
		case WORD_HYPHEN:
			add_item(&k, (struct lb_item){.kind = LB_PENALTY,
				.width = hyphen_width(p, fonts, i) - p->kern[i],
				.penalty = hyphen_penalty, .flagged = true}, i + 1);
			break;
		case WORD_OPPORTUNITY:
			add_item(&k, (struct lb_item){.kind = LB_PENALTY, .width = -p->kern[i],
				.penalty = opportunity_penalty}, i + 1);
			break;
		case WORD_LAST_RESORT:
			add_item(&k, (struct lb_item){.kind = LB_PENALTY, .width = -p->kern[i],
				.penalty = last_resort_penalty}, i + 1);
			break;
		}
	}
	free(at);
	add_item(&k, (struct lb_item){.kind = LB_PENALTY, .penalty = LINEBREAK_INFINITY},
		 end);
	add_item(&k, (struct lb_item){.kind = LB_GLUE, .stretch = LINEBREAK_INFINITY}, end);
	add_item(&k, (struct lb_item){.kind = LB_PENALTY, .penalty = -LINEBREAK_INFINITY},
		 end);
	const struct lb_params params = {
		.measure = measure, .tolerance = 1, .max_flagged_run = 2};
	size_t *breaks;
	size_t count = linebreak_total_fit(k.items, k.count, &params, &breaks);
	size_t line_start = start;
	for (size_t b = 0; b < count; b++) {
		const struct lb_item *it = &k.items[breaks[b]];
		size_t line_end = k.end[breaks[b]];
		add_span(out, (struct line_span){
			.start = line_start, .end = line_end, .last = b + 1 == count,
			.hyphen = it->kind == LB_PENALTY && it->flagged});
		line_start = skip_spaces(p, line_end, end);
	}
	free(breaks);
	free(k.items);
	free(k.end);
}

/* Total fit for each stretch between the text's own line breaks. */
static void break_justified(const struct para *p, struct fontset *fonts,
			    bool hyphenate, double measure, struct line_spans *out)
{
	size_t start = skip_spaces(p, 0, p->n);
	while (start < p->n) {
		size_t end = start;
		while (end < p->n && !(p->breaks[end] == LINEBREAK_MUSTBREAK && end + 1 < p->n))
			end++;
		size_t stop = end < p->n ? end + 1 : end;
		size_t visible = trim_end(p, start, stop);
		if (visible > start)
			break_total_fit(p, fonts, start, visible, hyphenate, measure, out);
		start = skip_spaces(p, stop, p->n);
	}
}

/* Room for building any line of a paragraph, made once per paragraph:
 * the visual order, and the runs with the open run's text and
 * adjustments, as many as the paragraph has characters (and a hyphen). */
struct line_room {
	struct line_run *runs;     /* the allocation; the others are in it */
	FriBidiStrIndex *map;
	uint16_t *adjust;
	char *text;
};

/* The runs of one line as they are built, in a paragraph's line_room;
 * the line gets them in an array of their exact number. */
struct run_builder {
	struct line_run *runs;
	size_t run_count;
	char *text;                /* the open run's UTF-8 */
	size_t len;
	uint16_t *adjust;          /* per character of text, in half precision */
	size_t chars;
	bool adjusted;             /* some adjustment is not 0 */
	enum face face;
	double size;
	int parity;
	double x, width;
	bool open;
};

static void close_run(struct run_builder *rb)
{
	if (!rb->open)
		return;
	void *adjust;
	char *text = xstrndup_tail(rb->text, rb->len, rb->adjusted ? rb->adjust : NULL,
				   rb->chars, sizeof *rb->adjust, &adjust);
	rb->runs[rb->run_count++] = (struct line_run){
		.face = rb->face, .size = rb->size, .x = rb->x, .width = rb->width,
		.text = text, .adjust = adjust};
	rb->len = rb->chars = 0;
	rb->adjusted = false;
	rb->open = false;
}

/* Appends a character drawn with its font's advance, then moved by
 * adjust points (kerning, a stretched space). */
static void add_char(struct run_builder *rb, uint32_t c, double adjust)
{
	if (c < 0x80)
		rb->text[rb->len++] = (char)c;
	else
		rb->len += (size_t)utf8proc_encode_char((utf8proc_int32_t)c,
							(utf8proc_uint8_t *)rb->text + rb->len);
	rb->adjust[rb->chars++] = half_from_float((float)adjust);
	rb->adjusted |= adjust != 0;
}

/* Builds the runs of line [a, b): reorders it visually (UAX #9 L1-L4),
 * groups characters into runs of one face and direction, adds a hyphen
 * after the last character when the line was hyphenated, and spreads
 * extra_per_gap points (negative: shrinks) over each word space. Kerning
 * and the spreading are adjustments inside a run, so that a line is as
 * few text operations as its fonts and directions allow. */
static void build_line(struct para *p, struct fontset *fonts, struct line_room *room,
		       size_t a, size_t b, bool hyphen, double offset,
		       double extra_per_gap, struct line *line)
{
	FriBidiStrIndex *map = room->map;
	if (b > a && !p->left_to_right &&
	    !fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, p->types, (FriBidiStrIndex)(b - a),
				  (FriBidiStrIndex)a, p->base, p->levels, NULL, map))
		out_of_memory(b - a);
	struct run_builder rb = {.runs = room->runs, .text = room->text,
				 .adjust = room->adjust};
	double x = offset;
	for (size_t v = a; v < b; v++) {
		size_t i = (size_t)map[v];
		uint32_t c = p->shaped[i];
		if (is_invisible(c))
			continue;
		int parity = p->levels[i] & 1;
		if (rb.open && (rb.face != p->face[i] || rb.parity != parity))
			close_run(&rb);
		if (!rb.open) {
			rb.open = true;
			rb.face = p->face[i];
			rb.size = p->size * face_scale(p->face[i]);
			rb.parity = parity;
			rb.x = x;
			rb.width = 0;
		}
		/* The kerning with the next character, unless the line ends
		 * between them. */
		double kern = i + 1 < b ? p->kern[i] : 0;
		double extra = kern + (is_space(p->cp[i]) ? extra_per_gap : 0);
		double advance = p->advance[i] - p->kern[i] + extra;
		add_char(&rb, c, extra);
		rb.width += advance;
		x += advance;
		if (hyphen && i == b - 1) {
			double w = hyphen_width(p, fonts, i);
			add_char(&rb, '-', 0);
			rb.width += w;
			x += w;
		}
	}
	close_run(&rb);
	/* Lines live until the booklet is paginated: no room to spare. */
	if (rb.run_count) {
		line->runs = xmalloc(rb.run_count * sizeof *line->runs);
		memcpy(line->runs, rb.runs, rb.run_count * sizeof *line->runs);
		line->run_count = rb.run_count;
	}
	line->width = x - offset;
	line->hyphenated = hyphen;
}

/* Sets one line: its alignment, and for a justified line that is not the
 * last, the slack spread over its word spaces. */
static void set_line(struct para *p, struct fontset *fonts, struct line_room *room,
		     const struct line_span *span, enum align align, double measure,
		     bool rtl, struct line *line)
{
	size_t visible_end = trim_end(p, span->start, span->end);
	double natural = 0, spaces = 0;
	size_t gaps = 0;
	for (size_t i = span->start; i < visible_end; i++) {
		natural += p->advance[i];
		if (is_space(p->cp[i])) {
			gaps++;
			spaces += p->advance[i];
		}
	}
	if (visible_end > span->start)
		natural -= p->kern[visible_end - 1];
	if (span->hyphen && visible_end > span->start)
		natural += hyphen_width(p, fonts, visible_end - 1);
	double slack = measure - natural;
	/* The last line keeps natural spaces, unless the breaker shrank them
	 * to make it fit. */
	bool stretch = align == ALIGN_JUSTIFY && (!span->last || slack < 0) && gaps > 0 &&
		       spaces > 0;
	double offset = 0;
	switch (align) {
	case ALIGN_JUSTIFY:
	case ALIGN_START:
		offset = rtl ? slack : 0;
		break;
	case ALIGN_END:
		offset = rtl ? 0 : slack;
		break;
	case ALIGN_CENTER:
		offset = slack / 2;
		break;
	}
	if (stretch)
		offset = 0;
	*line = (struct line){.space_ratio = 1};
	build_line(p, fonts, room, span->start, visible_end, span->hyphen, offset,
		   stretch ? slack / (double)gaps : 0, line);
	if (stretch)
		line->space_ratio = (spaces + slack) / spaces;
}

void typeset_paragraph(struct fontset *fonts, const char *text,
		       const struct text_style *style, enum direction dir,
		       enum align align, double measure, struct lines *out)
{
	*out = (struct lines){0};
	struct para p;
	para_prepare(&p, fonts, text, style, dir);
	out->rtl = FRIBIDI_IS_RTL(p.base);
	struct line_spans spans = {0};
	if (align == ALIGN_JUSTIFY)
		break_justified(&p, fonts, style->hyphenate, measure, &spans);
	else
		break_greedy(&p, fonts, measure, &spans);
	/* One allocation: the runs first, then the narrower arrays. */
	size_t n = p.n + 1;
	struct line_room room;
	room.runs = xmalloc(n * (sizeof *room.runs + sizeof *room.adjust + sizeof *room.map) +
			    4 * p.n + 2);
	room.map = (FriBidiStrIndex *)(void *)(room.runs + n);
	room.adjust = (uint16_t *)(void *)(room.map + n);
	room.text = (char *)(room.adjust + n);
	for (size_t i = 0; i < p.n; i++)
		room.map[i] = (FriBidiStrIndex)i;
	out->items = xcalloc(spans.count ? spans.count : 1, sizeof *out->items);
	for (size_t s = 0; s < spans.count; s++)
		set_line(&p, fonts, &room, &spans.items[s], align, measure, out->rtl,
			 &out->items[out->count++]);
	free(spans.items);
	free(room.runs);   /* and the rest of the room */
	para_free(&p);
}

double typeset_width(struct fontset *fonts, const char *text,
		     const struct text_style *style)
{
	struct lines lines;
	typeset_paragraph(fonts, text, style, DIR_AUTO, ALIGN_START, 1e9, &lines);
	double width = 0;
	for (size_t i = 0; i < lines.count; i++)
		if (lines.items[i].width > width)
			width = lines.items[i].width;
	lines_free(&lines);
	return width;
}

void lines_free(struct lines *lines)
{
	for (size_t i = 0; i < lines->count; i++) {
		for (size_t r = 0; r < lines->items[i].run_count; r++)
			free(lines->items[i].runs[r].text);   /* and its adjust */
		free(lines->items[i].runs);
	}
	free(lines->items);
	*lines = (struct lines){0};
}
