/* output.c - atomic replacement of an output file. */
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

enum status output_write(const char *path, const void *data, size_t len,
			 struct diag_list *diags)
{
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
	/* mkstemp creates the file private (0600); give it the permissions
	 * any newly created file would have. */
	mode_t mask = umask(0);
	umask(mask);
	const char *p = data;
	size_t left = len;
	int err = 0;
	while (left > 0 && !err) {
		ssize_t n = write(fd, p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			err = n < 0 ? errno : ENOSPC;
		else {
			p += n;
			left -= (size_t)n;
		}
	}
	if (!err && fchmod(fd, 0666 & ~mask) != 0)
		err = errno;
	if (!err && fsync(fd) != 0)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err && rename(tmp, path) != 0)
		err = errno;
	if (err) {
		unlink(tmp);
		free(tmp);
		return fail(path, "write", err, diags);
	}
	free(tmp);
	return STATUS_OK;
}
