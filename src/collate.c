/* collate.c - sort keys and group letters for the index (utf8proc). */
#include "collate.h"
#include "mem.h"
#include "text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Where s's first letter or digit starts; s itself when it has none. */
static const char *skip_leading_punctuation(const char *s)
{
	const char *next = s;
	for (const char *p = s; ; p = next) {
		int32_t c = text_next_char(&next);
		if (c < 0)
			return s;
		utf8proc_category_t cat = utf8proc_category(c);
		if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
		    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO))
			return p;
	}
}

/* Letters that sort as another: Hebrew final forms as their plain
 * forms; Arabic alef maksura as yeh, teh marbuta as heh, the tatweel as
 * nothing (a soft hyphen, which UTF8PROC_IGNORE drops). Hamza and madda
 * on a carrier come off with the other marks after decomposition. */
static utf8proc_int32_t fold_letter(utf8proc_int32_t c, void *data)
{
	(void)data;
	switch (c) {
	case 0x05DA: return 0x05DB;   /* ך כ */
	case 0x05DD: return 0x05DE;   /* ם מ */
	case 0x05DF: return 0x05E0;   /* ן נ */
	case 0x05E3: return 0x05E4;   /* ף פ */
	case 0x05E5: return 0x05E6;   /* ץ צ */
	case 0x0649: return 0x064A;   /* ى ي */
	case 0x0629: return 0x0647;   /* ة ه */
	case 0x0671: return 0x0627;   /* ٱ ا */
	case 0x0640: return 0x00AD;   /* tatweel */
	default: return c;
	}
}

static bool is_arabic_letter(utf8proc_int32_t c)
{
	return c >= 0x0620 && c <= 0x064A;
}

/* Past the Arabic article ال when a word of two letters or more follows. */
static const char *skip_arabic_article(const char *s)
{
	static const char article[] = "\u0627\u0644";
	size_t n = strlen(article);
	if (strncmp(s, article, n) != 0)
		return s;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s + n;
	utf8proc_int32_t first = 0, second = 0;
	utf8proc_ssize_t len = utf8proc_iterate(p, -1, &first);
	if (len > 0)
		utf8proc_iterate(p + len, -1, &second);
	return is_arabic_letter(first) && is_arabic_letter(second) ? s + n : s;
}

char *collate_key(const char *text)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t n = utf8proc_map_custom(
		(const utf8proc_uint8_t *)text, 0, &folded,
		UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
		UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
		UTF8PROC_IGNORE, fold_letter, NULL);
	if (n < 0)   /* not UTF-8: check has refused such input already */
		return xstrdup(text);
	const char *start = skip_leading_punctuation((const char *)folded);
	char *key = xstrdup(skip_arabic_article(start));
	free(folded);
	return key;
}

/* The script of a key's first character, as the block it is in. */
static bool in_script(const char *key, enum lang lang)
{
	utf8proc_int32_t c = 0;
	utf8proc_iterate((const utf8proc_uint8_t *)key, -1, &c);
	if (lang == LANG_HE)
		return c >= 0x0590 && c <= 0x05FF;
	return c >= 0x0600 && c <= 0x06FF;
}

char *collate_key_for(const char *text, enum lang lang)
{
	char *key = collate_key(text);
	if (lang == LANG_EN)
		return key;
	/* A first byte below every character puts the edition's own script
	 * first. */
	struct buffer ranked = {0};
	buffer_append_str(&ranked, in_script(key, lang) ? "\x01" : "\x02");
	buffer_append_str(&ranked, key);
	free(key);
	return buffer_take(&ranked);
}

char *collate_group(const char *text)
{
	char *key = collate_key(text);
	utf8proc_int32_t c = 0;
	utf8proc_iterate((const utf8proc_uint8_t *)key, -1, &c);
	free(key);
	utf8proc_category_t cat = c > 0 ? utf8proc_category(c) : UTF8PROC_CATEGORY_CN;
	if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_LO)
		return xstrdup("#");
	utf8proc_uint8_t letter[5] = {0};
	utf8proc_encode_char(utf8proc_toupper(c), letter);
	return xstrdup((const char *)letter);
}
