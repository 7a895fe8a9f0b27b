/* collate.c - sort keys and group letters for the index (utf8proc). */
#include "collate.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Where s's first letter or digit starts; s itself when it has none. */
static const char *skip_leading_punctuation(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t len = (utf8proc_ssize_t)strlen(s);
	while (len > 0) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p, len, &c);
		if (n <= 0)
			break;
		utf8proc_category_t cat = utf8proc_category(c);
		if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
		    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO))
			return (const char *)p;
		p += n;
		len -= n;
	}
	return s;
}

char *collate_key(const char *text)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t n = utf8proc_map(
		(const utf8proc_uint8_t *)text, 0, &folded,
		UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
		UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
		UTF8PROC_IGNORE);
	if (n < 0)   /* not UTF-8: check has refused such input already */
		return xstrdup(text);
	char *key = xstrdup(skip_leading_punctuation((const char *)folded));
	free(folded);
	return key;
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
