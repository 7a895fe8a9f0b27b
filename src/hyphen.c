/* hyphen.c - English hyphenation points from libhyphen.
 *
 * A booklet asks for the same words over and over ("cooperation" in
 * every other summary), and libhyphen walks its patterns each time: so
 * each word's points are looked up once and then kept. */
#include "hyphen.h"
#include "mem.h"

#include <hyphen.h>

#include <stdlib.h>
#include <string.h>

static const char pattern_file[] = "/usr/share/hyphen/hyph_en_US.dic";

/* A word's points as found once: bit i set when it may be hyphenated
 * after letter i. Only words of up to 64 letters are kept. */
struct known_word {
	char *letters;   /* lower case; NULL marks an empty slot */
	size_t len;
	uint64_t points;
};

enum { KEPT_LETTERS = 64 };

/* Loaded once per process; freed at exit so that leak checkers stay quiet. */
static HyphenDict *dictionary;
static bool tried;
static struct known_word *known;   /* open addressing; a power of two long */
static size_t known_count, known_cap;

static void free_dictionary(void)
{
	hnj_hyphen_free(dictionary);
	dictionary = NULL;
	for (size_t i = 0; i < known_cap; i++)
		free(known[i].letters);
	free(known);
	known = NULL;
	known_count = known_cap = 0;
}

static HyphenDict *english(void)
{
	if (!tried) {
		tried = true;
		dictionary = hnj_hyphen_load(pattern_file);
		if (dictionary)
			atexit(free_dictionary);
	}
	return dictionary;
}

/* FNV-1a. */
static size_t hash_letters(const char *letters, size_t len)
{
	uint64_t h = 14695981039346656037u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)letters[i]) * 1099511628211u;
	return (size_t)h;
}

static struct known_word *known_slot(struct known_word *slots, size_t cap,
				     const char *letters, size_t len)
{
	size_t i = hash_letters(letters, len) & (cap - 1);
	while (slots[i].letters &&
	       !(slots[i].len == len && memcmp(slots[i].letters, letters, len) == 0))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static void keep_word(const char *letters, size_t len, uint64_t points)
{
	if (2 * (known_count + 1) > known_cap) {
		size_t cap = known_cap ? 2 * known_cap : 1024;
		struct known_word *slots = xcalloc(cap, sizeof *slots);
		for (size_t i = 0; i < known_cap; i++)
			if (known[i].letters)
				*known_slot(slots, cap, known[i].letters, known[i].len) =
					known[i];
		free(known);
		known = slots;
		known_cap = cap;
	}
	*known_slot(known, known_cap, letters, len) = (struct known_word){
		xstrndup(letters, len), len, points};
	known_count++;
}

/* The points of a lower-case word, from libhyphen. */
static uint64_t ask_libhyphen(HyphenDict *dict, const char *letters, size_t len,
			      bool *after)
{
	char *hyphens = xmalloc(len + 5);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	uint64_t points = 0;
	if (hnj_hyphen_hyphenate3(dict, letters, (int)len, hyphens, NULL, &rep, &pos,
				  &cut, HYPHEN_MIN_BEFORE, HYPHEN_MIN_AFTER,
				  HYPHEN_MIN_BEFORE, HYPHEN_MIN_AFTER) == 0) {
		for (size_t i = HYPHEN_MIN_BEFORE - 1; i + HYPHEN_MIN_AFTER < len; i++)
			if (hyphens[i] & 1) {
				after[i] = true;
				if (i < KEPT_LETTERS)
					points |= (uint64_t)1 << i;
			}
	}
	/* English patterns have no non-standard (replacing) hyphenation, but
	 * libhyphen may still allocate the arrays for it. */
	if (rep) {
		for (size_t i = 0; i < len; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	free(hyphens);
	return points;
}

size_t hyphen_points(const uint32_t *word, size_t len, bool *after)
{
	memset(after, 0, len * sizeof *after);
	if (len < HYPHEN_MIN_BEFORE + HYPHEN_MIN_AFTER)
		return 0;
	/* A capital may only begin the word ("Palestinian"): one elsewhere
	 * makes an acronym ("COGAT") or a coined name, left whole. */
	bool capitalised = word[0] >= 'A' && word[0] <= 'Z';
	for (size_t i = capitalised ? 1 : 0; i < len; i++)
		if (word[i] < 'a' || word[i] > 'z')
			return 0;
	HyphenDict *dict = english();
	if (!dict)
		return 0;
	char kept[KEPT_LETTERS + 1];
	char *letters = len <= KEPT_LETTERS ? kept : xmalloc(len + 1);
	/* The patterns are written in lower case. */
	for (size_t i = 0; i < len; i++)
		letters[i] = (char)(word[i] | 0x20);
	letters[len] = '\0';
	if (letters != kept) {
		ask_libhyphen(dict, letters, len, after);
		free(letters);
	} else {
		struct known_word *k = known_cap ? known_slot(known, known_cap, letters, len)
						 : NULL;
		uint64_t points = k && k->letters ? k->points
						  : ask_libhyphen(dict, letters, len, after);
		if (!(k && k->letters))
			keep_word(letters, len, points);
		for (size_t i = 0; i < len; i++)
			after[i] = points >> i & 1;
	}
	size_t count = 0;
	for (size_t i = 0; i < len; i++)
		count += after[i];
	return count;
}
