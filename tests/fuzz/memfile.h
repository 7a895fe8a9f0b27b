/* memfile.h - the fuzz input as a file path, without touching the disk.
 *
 * lightbook's readers take paths (they report positions in files), so a
 * fuzz target hands them an anonymous in-memory file (memfd_create) by its
 * /proc/self/fd path, rewritten for every input. */
#ifndef LIGHTBOOK_FUZZ_MEMFILE_H
#define LIGHTBOOK_FUZZ_MEMFILE_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

struct memfile {
	int fd;
	char path[64];
};

static inline void memfile_open(struct memfile *m, const char *name)
{
	m->fd = memfd_create(name, 0);
	if (m->fd < 0) {
		perror("memfd_create");
		abort();
	}
	snprintf(m->path, sizeof m->path, "/proc/self/fd/%d", m->fd);
}

/* Makes the file hold exactly these bytes. */
static inline void memfile_set(struct memfile *m, const void *data, size_t size)
{
	if (ftruncate(m->fd, 0) != 0 || lseek(m->fd, 0, SEEK_SET) != 0)
		abort();
	const char *p = data;
	while (size > 0) {
		ssize_t n = write(m->fd, p, size);
		if (n <= 0)
			abort();
		p += n;
		size -= (size_t)n;
	}
}

#endif
