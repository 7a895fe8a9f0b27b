/* changes.h - what changed since the previous edition.
 *
 * The initiatives of this edition are compared with the previous
 * edition's by id: an id the previous edition lacked is new, one whose
 * content differs in any field is updated, and an id only the previous
 * edition has was removed. compose marks new and updated initiatives and
 * lists all three in an appendix; main prints the counts.
 *
 * Ownership: a changes value owns its arrays; it points into both
 * catalogs (which must outlive it) and owns neither. */
#ifndef LIGHTBOOK_CHANGES_H
#define LIGHTBOOK_CHANGES_H

#include "catalog.h"

#include <stddef.h>

enum change {
	CHANGE_NONE,
	CHANGE_NEW,
	CHANGE_UPDATED,
};

struct changes {
	const struct catalog *previous;
	enum change *of;            /* per initiative of this edition, in file order */
	size_t *removed;            /* indices into previous->initiatives, file order */
	size_t new_count, updated_count, removed_count;
};

/* Compares the checked catalogs current and previous into *out. */
void changes_compare(const struct catalog *current, const struct catalog *previous,
		     struct changes *out);

void changes_free(struct changes *changes);

#endif
