/* helpers.h - what the read and check unit tests share: input written to
 * temporary files, fixtures found from the repository root or from
 * tests/unit, and assertions that a diagnostic exists at a place.
 *
 * Header-only (static inline), since the Makefile builds each test from
 * its one .c file. Include it after <cmocka.h>. */
#ifndef LIGHTBOOK_TEST_HELPERS_H
#define LIGHTBOOK_TEST_HELPERS_H

#include "diag.h"
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The temporary files written so far, removed by remove_temp_files. */
static struct {
	char **paths;
	size_t count, cap;
} temp_files;

/* Writes len bytes to a new temporary file; returns its path, which lives
 * until remove_temp_files. */
static inline const char *write_temp_file(const char *bytes, size_t len)
{
	const char *dir = getenv("TMPDIR");
	struct buffer path = {0};
	buffer_printf(&path, "%s/lightbook-test-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path.data);
	assert_true(fd >= 0);
	size_t done = 0;
	while (done < len) {
		ssize_t n = write(fd, bytes + done, len - done);
		assert_true(n > 0);
		done += (size_t)n;
	}
	close(fd);
	grow_array((void **)&temp_files.paths, &temp_files.cap, temp_files.count + 1,
		   sizeof *temp_files.paths);
	temp_files.paths[temp_files.count++] = path.data;
	return path.data;
}

static inline const char *write_temp_text(const char *text)
{
	return write_temp_file(text, strlen(text));
}

/* A cmocka teardown: removes every temporary file. */
static inline int remove_temp_files(void **state)
{
	(void)state;
	for (size_t i = 0; i < temp_files.count; i++) {
		unlink(temp_files.paths[i]);
		free(temp_files.paths[i]);
	}
	free(temp_files.paths);
	temp_files.paths = NULL;
	temp_files.count = temp_files.cap = 0;
	return 0;
}

/* The path of tests/data/NAME (or of NAME at the root when it starts with
 * "layouts/"), whether the test runs from the repository root or from
 * tests/unit. The result is static: copy it to keep two. */
static inline const char *fixture(const char *name)
{
	static char path[512];
	static const char *const roots[] = {"", "../../", "../"};
	const char *sub = strncmp(name, "layouts/", 8) == 0 ? "" : "tests/data/";
	for (size_t i = 0; i < sizeof roots / sizeof *roots; i++) {
		snprintf(path, sizeof path, "%s%s%s", roots[i], sub, name);
		if (access(path, R_OK) == 0)
			return path;
	}
	fail_msg("fixture %s not found (run from the repository root)", name);
	return NULL;
}

static inline void print_diags(const struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];
		print_message("  %s:%d:%d: %s: %s\n", d->at.file ? d->at.file : "(none)",
			      d->at.line, d->at.col,
			      d->level == DIAG_ERROR ? "error" : "warning", d->message);
	}
}

/* True when the list has a diagnostic of level at file (NULL: any), line,
 * col whose message contains text. */
static inline bool has_diag(const struct diag_list *list, enum diag_level level,
			    const char *file, int line, int col, const char *text)
{
	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];
		if (d->level == level && d->at.line == line && d->at.col == col &&
		    (!file || (d->at.file && strcmp(d->at.file, file) == 0)) &&
		    strstr(d->message, text))
			return true;
	}
	return false;
}

static inline void expect_diag_at(const struct diag_list *list, enum diag_level level,
				  const char *file, int line, int col, const char *text,
				  const char *src, int src_line)
{
	if (has_diag(list, level, file, line, col, text))
		return;
	print_message("%s:%d: no %s at %d:%d containing \"%s\"; the diagnostics are:\n",
		      src, src_line, level == DIAG_ERROR ? "error" : "warning",
		      line, col, text);
	print_diags(list);
	fail();
}

#define expect_error(list, file, line, col, text) \
	expect_diag_at((list), DIAG_ERROR, (file), (line), (col), (text), __FILE__, __LINE__)
#define expect_warning(list, file, line, col, text) \
	expect_diag_at((list), DIAG_WARNING, (file), (line), (col), (text), __FILE__, __LINE__)

/* Asserts the list holds exactly n diagnostics, showing them if not. */
#define expect_diag_count(list, n) do { \
		if ((list)->count != (size_t)(n)) { \
			print_message("%s:%d: %zu diagnostics, expected %d:\n", \
				      __FILE__, __LINE__, (list)->count, (int)(n)); \
			print_diags(list); \
			fail(); \
		} \
	} while (0)

#endif
