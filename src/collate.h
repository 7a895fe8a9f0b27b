/* collate.h - the alphabetical order of the index.
 *
 * Terms sort by a key: the text casefolded, compatibility-decomposed and
 * stripped of accents and other marks (utf8proc), with leading punctuation
 * ("“", "(") skipped, compared byte by byte. An edition in another
 * alphabet changes collate_key and nothing else. */
#ifndef LIGHTBOOK_COLLATE_H
#define LIGHTBOOK_COLLATE_H

/* The sort key of text; a new string. */
char *collate_key(const char *text);

/* The heading of text's group in the index: its key's first letter as a
 * capital ("É" and "e" are both "E"), or "#" when the key starts with
 * anything else (a digit). A new string. */
char *collate_group(const char *text);

#endif
