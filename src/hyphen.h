/* hyphen.h - where an English word may be hyphenated.
 *
 * The points come from libhyphen with Debian's hyphen-en-us patterns
 * (/usr/share/hyphen/hyph_en_US.dic), read once on first use. Only plain
 * English words are hyphenated, lower-case or capitalised ("Palestinian"):
 * a word with a capital after its first letter (an acronym such as
 * "COGAT"), a digit or any letter outside a-z is left whole, and so is any
 * word of Hebrew or Arabic. At least 2 letters stay before a hyphen and 3
 * after. */
#ifndef LIGHTBOOK_HYPHEN_H
#define LIGHTBOOK_HYPHEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { HYPHEN_MIN_BEFORE = 2, HYPHEN_MIN_AFTER = 3 };

/* Sets after[i] when the word may be hyphenated after its letter i
 * (0 <= i < len); returns how many points it found. A word that may not be
 * hyphenated, or a missing pattern file, gives none. */
size_t hyphen_points(const uint32_t *word, size_t len, bool *after);

#endif
