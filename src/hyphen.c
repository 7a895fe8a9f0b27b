/* hyphen.c - English hyphenation points from libhyphen. */
#include "hyphen.h"
#include "mem.h"

#include <hyphen.h>

#include <stdlib.h>
#include <string.h>

static const char pattern_file[] = "/usr/share/hyphen/hyph_en_US.dic";

/* Loaded once per process; freed at exit so that leak checkers stay quiet. */
static HyphenDict *dictionary;
static bool tried;

static void free_dictionary(void)
{
	hnj_hyphen_free(dictionary);
	dictionary = NULL;
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
	char *letters = xmalloc(len + 1);
	char *hyphens = xmalloc(len + 5);
	/* The patterns are written in lower case. */
	for (size_t i = 0; i < len; i++)
		letters[i] = (char)(word[i] | 0x20);
	letters[len] = '\0';
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	size_t count = 0;
	if (hnj_hyphen_hyphenate3(dict, letters, (int)len, hyphens, NULL, &rep, &pos,
				  &cut, HYPHEN_MIN_BEFORE, HYPHEN_MIN_AFTER,
				  HYPHEN_MIN_BEFORE, HYPHEN_MIN_AFTER) == 0) {
		for (size_t i = HYPHEN_MIN_BEFORE - 1; i + HYPHEN_MIN_AFTER < len; i++)
			if (hyphens[i] & 1) {
				after[i] = true;
				count++;
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
	free(letters);
	free(hyphens);
	return count;
}
