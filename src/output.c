/* output.c - atomic replacement of output files. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bytes wait in memory until there are this many: few system calls, and
 * little memory however large the file. */
enum { WRITE_BLOCK = 256 * 1024 };

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

enum status output_open(struct output_file *file, const char *path,
			struct diag_list *diags)
{
	*file = (struct output_file){.path = path, .fd = -1};
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return fail(path, "write", EISDIR, diags);
	char *tmp = temporary_name(path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int err = errno;
		free(tmp);
		return fail(path, "write", err, diags);
	}
	file->temporary = tmp;
	file->fd = fd;
	return STATUS_OK;
}

static void write_out(struct output_file *file, const char *p, size_t left)
{
	while (left > 0 && !file->error) {
		ssize_t n = write(file->fd, p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			file->error = n < 0 ? errno : ENOSPC;
		} else {
			p += n;
			left -= (size_t)n;
		}
	}
}

bool output_append(struct output_file *file, const void *data, size_t len)
{
	if (file->error)
		return false;
	buffer_append(&file->pending, data, len);
	if (file->pending.len >= WRITE_BLOCK) {
		write_out(file, file->pending.data, file->pending.len);
		file->pending.len = 0;
	}
	return !file->error;
}

/* Writes what waits, gives the file the permissions any newly created
 * file would have (mkstemp makes it private), flushes it to disk and
 * closes it, keeping the first error. */
static void finish(struct output_file *file)
{
	write_out(file, file->pending.data, file->pending.len);
	buffer_free(&file->pending);
	mode_t mask = umask(0);
	umask(mask);
	if (!file->error && fchmod(file->fd, 0666 & ~mask) != 0)
		file->error = errno;
	if (!file->error && fsync(file->fd) != 0)
		file->error = errno;
	if (close(file->fd) != 0 && !file->error)
		file->error = errno;
	file->fd = -1;
}

/* Removes the temporary file, if there still is one. */
static void discard(struct output_file *file)
{
	if (!file->temporary)
		return;
	if (file->fd >= 0)
		close(file->fd);
	unlink(file->temporary);
	free(file->temporary);
	buffer_free(&file->pending);
	file->temporary = NULL;
	file->fd = -1;
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

/* Renames every finished file over its path, each kept undoable until
 * the last has succeeded. */
static enum status replace_all(struct output_file *files, size_t count,
			       struct diag_list *diags)
{
	char **previous = xcalloc(count, sizeof *previous);
	bool *renamed = xcalloc(count, sizeof *renamed);
	int err = 0;
	const char *failed = NULL;
	for (size_t i = 0; i < count && !failed; i++) {
		struct output_file *f = &files[i];
		if (!f->temporary)
			continue;
		previous[i] = keep_previous(f->path, &err);
		if (err || rename(f->temporary, f->path) != 0) {
			err = err ? err : errno;
			failed = f->path;
			if (previous[i])
				unlink(previous[i]);
			free(previous[i]);
			previous[i] = NULL;
			break;
		}
		renamed[i] = true;
		free(f->temporary);
		f->temporary = NULL;
	}
	for (size_t i = 0; i < count; i++) {
		if (failed && renamed[i] && previous[i])
			rename(previous[i], files[i].path);
		else if (failed && renamed[i])
			unlink(files[i].path);
		else if (previous[i])
			unlink(previous[i]);
		free(previous[i]);
		discard(&files[i]);
	}
	free(previous);
	free(renamed);
	return failed ? fail(failed, "write", err, diags) : STATUS_OK;
}

enum status output_close_all(struct output_file *files, size_t count, bool keep,
			     struct diag_list *diags)
{
	const struct output_file *failed = NULL;
	for (size_t i = 0; i < count; i++)
		if (files[i].path && !files[i].temporary)
			keep = false;   /* it could not be opened, and said why */
	for (size_t i = 0; i < count; i++) {
		struct output_file *f = &files[i];
		if (!f->temporary)
			continue;
		if (keep && !failed)
			finish(f);
		if (f->error && !failed)
			failed = f;
	}
	if (keep && !failed)
		return replace_all(files, count, diags);
	enum status st = failed ? fail(failed->path, "write", failed->error, diags) : STATUS_OK;
	for (size_t i = 0; i < count; i++)
		discard(&files[i]);
	return st;
}

enum status output_write(const char *path, const void *data, size_t len,
			 struct diag_list *diags)
{
	struct output_file file;
	enum status st = output_open(&file, path, diags);
	if (st != STATUS_OK)
		return st;
	output_append(&file, data, len);
	return output_close_all(&file, 1, true, diags);
}
