/* check.h - validation of a whole catalog.
 *
 * check runs after read and before anything is laid out. It reports every
 * problem it finds (not just the first) and fills in the catalog's resolved
 * fields (sector_index, founded_year, participant_count, partner_names,
 * rgb), which later stages may rely on only when check found no error. */
#ifndef LIGHTBOOK_CHECK_H
#define LIGHTBOOK_CHECK_H

#include "catalog.h"
#include "diag.h"

/* Validates ids (unique, [a-z0-9-]+), required fields, sectors referenced,
 * years, participant counts, urls, colors, the edition's date and lang.
 * Adds diagnostics to diags; returns STATUS_INVALID if it found an error
 * itself (errors read found are the caller's to ask about), else
 * STATUS_OK. Safe to call twice: resolved fields are rebuilt. */
enum status check_catalog(struct catalog *cat, struct diag_list *diags);

#endif
