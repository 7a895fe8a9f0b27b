/* output.h - writing finished files so that failure loses nothing.
 *
 * The bytes go to a temporary file beside each destination as they are
 * made (a large booklet is never whole in memory), are flushed to disk,
 * and only then renamed over it (the pattern of redis' rdbSave). Several
 * files go together: all are replaced, or none. On any failure the
 * temporary files are removed and the previous files stay exactly as
 * they were. */
#ifndef LIGHTBOOK_OUTPUT_H
#define LIGHTBOOK_OUTPUT_H

#include "diag.h"
#include "mem.h"

#include <stdbool.h>
#include <stddef.h>

/* A file being written. All zero is a file not opened (which closing
 * passes over). */
struct output_file {
	const char *path;
	char *temporary;        /* beside path, until the file is put in place */
	int fd;
	int error;              /* errno of the first write that failed, or 0 */
	struct buffer pending;  /* bytes not yet written: they go in large blocks */
};

/* Starts *file for path: an empty temporary file beside it. Returns
 * STATUS_IO, with a diagnostic naming path, if path is a folder or no
 * file can be made beside it. */
enum status output_open(struct output_file *file, const char *path,
			struct diag_list *diags);

/* Adds len bytes to the file. Returns false once a write has failed (the
 * reason waits for output_close_all). */
bool output_append(struct output_file *file, const void *data, size_t len);

/* Ends every file of files: when keep is true and each could be opened,
 * flushes each to disk and replaces each path with it, all or (STATUS_IO
 * with a diagnostic) none; otherwise, or after a failed write (reported
 * here), removes them all and changes nothing. */
enum status output_close_all(struct output_file *files, size_t count, bool keep,
			     struct diag_list *diags);

/* Replaces path with data atomically, as one file of its own. */
enum status output_write(const char *path, const void *data, size_t len,
			 struct diag_list *diags);

#endif
