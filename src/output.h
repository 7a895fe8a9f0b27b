/* output.h - writing finished files so that failure loses nothing.
 *
 * The bytes go to a temporary file beside each destination, are flushed
 * to disk, and only then renamed over it (the pattern of redis'
 * rdbSave). Several files go together: all are replaced, or none. On any
 * failure the temporary files are removed and the previous files stay
 * exactly as they were. */
#ifndef LIGHTBOOK_OUTPUT_H
#define LIGHTBOOK_OUTPUT_H

#include "diag.h"

#include <stddef.h>

struct output_file {
	const char *path;
	const void *data;
	size_t len;
};

/* Replaces path with data atomically. Returns STATUS_IO, with a diagnostic
 * naming path and the system's reason, if anything fails. */
enum status output_write(const char *path, const void *data, size_t len,
			 struct diag_list *diags);

/* Replaces every file of files, or (on failure, STATUS_IO with a
 * diagnostic) none of them. */
enum status output_write_all(const struct output_file *files, size_t count,
			     struct diag_list *diags);

#endif
