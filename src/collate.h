/* collate.h - the alphabetical order of the index.
 *
 * Terms sort by a key: the text casefolded, compatibility-decomposed and
 * stripped of accents and other marks (utf8proc), with leading punctuation
 * ("“", "(") skipped, compared byte by byte. An edition in another
 * alphabet changes collate_key and nothing else. */
#ifndef LIGHTBOOK_COLLATE_H
#define LIGHTBOOK_COLLATE_H

#include "translations.h"

/* The sort key of text; a new string. Hebrew and Arabic follow their
 * alphabets: a final letter sorts as its plain form (ך as כ); Arabic
 * alef with hamza or madda as alef, ى as ي, ة as ه, and the article ال
 * at the start of a term is passed over ("الزراعة" under ز), as Arabic
 * indexes do. */
char *collate_key(const char *text);

/* collate_key for an edition in lang: in a Hebrew or Arabic edition the
 * terms in its own script come first, then the others (English names of
 * partners and places) in their order. A new string. */
char *collate_key_for(const char *text, enum lang lang);

/* The heading of text's group in the index: its key's first letter as a
 * capital ("É" and "e" are both "E"; "الزراعة" is "ز"), or "#" when the
 * key starts with anything else (a digit). A new string. */
char *collate_group(const char *text);

#endif
