/* diag.c - the list of diagnostics a run collects. */
#include "diag.h"
#include "mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void diag_add(struct diag_list *list, enum diag_level level, struct span at,
	      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	char *text = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);

	grow_array((void **)&list->items, &list->cap, list->count + 1,
		   sizeof *list->items);
	/* The file's name is copied: the catalog that named it may be freed
	 * before the diagnostics are printed. */
	if (at.file)
		at.file = xstrdup(at.file);
	list->items[list->count++] = (struct diag){
		.level = level, .at = at, .message = text};
}

size_t diag_count(const struct diag_list *list, enum diag_level level)
{
	size_t n = 0;
	for (size_t i = 0; i < list->count; i++)
		n += list->items[i].level == level;
	return n;
}

bool diag_has_errors(const struct diag_list *list)
{
	return diag_count(list, DIAG_ERROR) > 0;
}

/* Rank of each diagnostic's file in first-seen order, used as sort key. */
struct sort_entry {
	size_t file_rank;
	size_t seq;
	struct diag d;
};

static int compare_entries(const void *a, const void *b)
{
	const struct sort_entry *x = a, *y = b;
	if (x->file_rank != y->file_rank)
		return x->file_rank < y->file_rank ? -1 : 1;
	if (x->d.at.line != y->d.at.line)
		return x->d.at.line < y->d.at.line ? -1 : 1;
	if (x->d.at.col != y->d.at.col)
		return x->d.at.col < y->d.at.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static bool same_file(const char *a, const char *b)
{
	if (a == b)
		return true;
	return a && b && strcmp(a, b) == 0;
}

void diag_sort(struct diag_list *list)
{
	if (list->count < 2)
		return;
	/* A run reads a handful of files, so a linear search of the distinct
	 * names seen so far is cheap even for many diagnostics. */
	struct sort_entry *e = xmalloc(list->count * sizeof *e);
	const char **files = NULL;
	size_t nfiles = 0, files_cap = 0;
	for (size_t i = 0; i < list->count; i++) {
		size_t rank = 0;
		while (rank < nfiles && !same_file(files[rank], list->items[i].at.file))
			rank++;
		if (rank == nfiles) {
			grow_array((void **)&files, &files_cap, nfiles + 1, sizeof *files);
			files[nfiles++] = list->items[i].at.file;
		}
		e[i] = (struct sort_entry){.file_rank = rank, .seq = i, .d = list->items[i]};
	}
	free(files);
	qsort(e, list->count, sizeof *e, compare_entries);
	for (size_t i = 0; i < list->count; i++)
		list->items[i] = e[i].d;
	free(e);
}

void diag_list_free(struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free((char *)list->items[i].at.file);
		free(list->items[i].message);
	}
	free(list->items);
	*list = (struct diag_list){0};
}
