/* diag.h - diagnostics: every problem found in the input, as values.
 *
 * Stages never print. They add diagnostics to a list, each pointing at a
 * file, line and column (1-based; 0 means "the whole line" or "the whole
 * file"), and carry on so that one run reports every problem. main.c
 * prints the list as FILE:LINE:COL: LEVEL: MESSAGE and picks the exit code
 * from the worst status seen. */
#ifndef LIGHTBOOK_DIAG_H
#define LIGHTBOOK_DIAG_H

#include <stdbool.h>
#include <stddef.h>

/* What went wrong, in the order of the exit codes main.c returns for them. */
enum status {
	STATUS_OK = 0,     /* done */
	STATUS_INVALID = 1,/* the input has errors: nothing was written */
	STATUS_USAGE = 2,  /* the command line is wrong */
	STATUS_IO = 3,     /* a file could not be read or written */
};

enum diag_level {
	DIAG_WARNING,
	DIAG_ERROR,
};

/* Where a piece of input came from. file is not owned: it points at a path
 * that lives as long as the run (argv or a catalog's path strings). */
struct span {
	const char *file;
	int line;   /* 1-based; 0 when the problem is about the whole file */
	int col;    /* 1-based, in characters; 0 when about the whole line */
};

struct diag {
	enum diag_level level;
	struct span at;  /* at.file is the diagnostic's own copy */
	char *message;   /* owned; no trailing newline, no "error:" prefix */
};

struct diag_list {
	struct diag *items;
	size_t count;
	size_t cap;
};

void diag_add(struct diag_list *list, enum diag_level level, struct span at,
	      const char *fmt, ...) __attribute__((format(printf, 4, 5)));
#define diag_error(list, at, ...) diag_add((list), DIAG_ERROR, (at), __VA_ARGS__)
#define diag_warning(list, at, ...) diag_add((list), DIAG_WARNING, (at), __VA_ARGS__)

size_t diag_count(const struct diag_list *list, enum diag_level level);
bool diag_has_errors(const struct diag_list *list);

/* Sorts by file (in first-seen order), then line, then column, keeping the
 * order of diagnostics at the same place: a reader goes through the file
 * once, top to bottom. */
void diag_sort(struct diag_list *list);

void diag_list_free(struct diag_list *list);

#endif
