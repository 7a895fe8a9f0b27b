/* output.h - writing a finished file so that failure loses nothing.
 *
 * The bytes go to a temporary file beside the destination, are flushed to
 * disk, and only then renamed over it (the pattern of redis' rdbSave). On
 * any failure the temporary file is removed and the previous file stays
 * exactly as it was. */
#ifndef LIGHTBOOK_OUTPUT_H
#define LIGHTBOOK_OUTPUT_H

#include "diag.h"

#include <stddef.h>

/* Replaces path with data atomically. Returns STATUS_IO, with a diagnostic
 * naming path and the system's reason, if anything fails. */
enum status output_write(const char *path, const void *data, size_t len,
			 struct diag_list *diags);

#endif
