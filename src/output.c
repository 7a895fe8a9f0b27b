/* output.c - atomic replacement of output files. */
#include "output.h"
#include "mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static enum status fail(const char *path, const char *what, int err,
			struct diag_list *diags)
{
	diag_error(diags, ((struct span){.file = path}), "cannot %s: %s", what,
		   strerror(err));
	return STATUS_IO;
}

/* "dir/name.pdf" -> "dir/.name.pdf.XXXXXX", in the same directory so that
 * rename never crosses a file system. */
static char *temporary_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
	struct buffer b = {0};
	buffer_append(&b, path, dir_len);
	buffer_printf(&b, ".%s.XXXXXX", path + dir_len);
	return buffer_take(&b);
}

/* Writes data to a new temporary file beside path, flushed to disk;
 * returns its name, or NULL (with nothing left behind) and *err. */
static char *write_temporary(const char *path, const void *data, size_t len, int *err)
{
	char *tmp = temporary_name(path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*err = errno;
		free(tmp);
		return NULL;
	}
	/* mkstemp creates the file private (0600); give it the permissions
	 * any newly created file would have. */
	mode_t mask = umask(0);
	umask(mask);
	const char *p = data;
	size_t left = len;
	*err = 0;
	while (left > 0 && !*err) {
		ssize_t n = write(fd, p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			*err = n < 0 ? errno : ENOSPC;
		else {
			p += n;
			left -= (size_t)n;
		}
	}
	if (!*err && fchmod(fd, 0666 & ~mask) != 0)
		*err = errno;
	if (!*err && fsync(fd) != 0)
		*err = errno;
	if (close(fd) != 0 && !*err)
		*err = errno;
	if (*err) {
		unlink(tmp);
		free(tmp);
		return NULL;
	}
	return tmp;
}

/* A second name for the file at path, so that it can be put back if a
 * later file of the same set cannot be replaced; NULL when there is no
 * file at path. */
static char *keep_previous(const char *path, int *err)
{
	*err = 0;
	struct stat st;
	if (stat(path, &st) != 0)
		return NULL;
	char *keep = temporary_name(path);
	int fd = mkstemp(keep);
	if (fd < 0 || close(fd) != 0 || unlink(keep) != 0 || link(path, keep) != 0) {
		*err = errno;
		free(keep);
		return NULL;
	}
	return keep;
}

enum status output_write_all(const struct output_file *files, size_t count,
			     struct diag_list *diags)
{
	for (size_t i = 0; i < count; i++) {
		struct stat st;
		if (stat(files[i].path, &st) == 0 && S_ISDIR(st.st_mode))
			return fail(files[i].path, "write", EISDIR, diags);
	}
	char **tmp = xcalloc(count, sizeof *tmp);
	char **previous = xcalloc(count, sizeof *previous);
	size_t written = 0, replaced = 0;
	int err = 0;
	const char *failed = NULL;
	for (; written < count; written++) {
		tmp[written] = write_temporary(files[written].path, files[written].data,
					       files[written].len, &err);
		if (!tmp[written]) {
			failed = files[written].path;
			break;
		}
	}
	/* Every file is on disk: now the renames, each kept undoable until
	 * the last has succeeded. */
	for (; !failed && replaced < count; replaced++) {
		const char *path = files[replaced].path;
		previous[replaced] = keep_previous(path, &err);
		if (err || rename(tmp[replaced], path) != 0) {
			err = err ? err : errno;
			failed = path;
			if (previous[replaced])
				unlink(previous[replaced]);
			free(previous[replaced]);
			break;
		}
		free(tmp[replaced]);
		tmp[replaced] = NULL;
	}
	for (size_t i = 0; i < replaced; i++) {
		if (failed && previous[i])
			rename(previous[i], files[i].path);
		else if (failed)
			unlink(files[i].path);
		else if (previous[i])
			unlink(previous[i]);
		free(previous[i]);
	}
	for (size_t i = 0; i < count; i++) {
		if (tmp[i])
			unlink(tmp[i]);
		free(tmp[i]);
	}
	free(tmp);
	free(previous);
	return failed ? fail(failed, "write", err, diags) : STATUS_OK;
}

enum status output_write(const char *path, const void *data, size_t len,
			 struct diag_list *diags)
{
	struct output_file one = {path, data, len};
	return output_write_all(&one, 1, diags);
}
