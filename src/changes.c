/* changes.c - new, updated and removed initiatives, by id. Both editions'
 * initiatives are sorted by id and walked together once: O(n log n). */
#include "changes.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

/* The fields whose text makes an initiative's content: any difference
 * in one of them (the id aside) makes it updated. */
static const size_t content_fields[] = {
	offsetof(struct initiative, name),
	offsetof(struct initiative, name_he),
	offsetof(struct initiative, name_ar),
	offsetof(struct initiative, sector),
	offsetof(struct initiative, summary),
	offsetof(struct initiative, summary_he),
	offsetof(struct initiative, summary_ar),
	offsetof(struct initiative, location),
	offsetof(struct initiative, location_he),
	offsetof(struct initiative, location_ar),
	offsetof(struct initiative, region),
	offsetof(struct initiative, region_he),
	offsetof(struct initiative, region_ar),
	offsetof(struct initiative, founded),
	offsetof(struct initiative, participants),
	offsetof(struct initiative, partners),
	offsetof(struct initiative, url),
	offsetof(struct initiative, quote),
	offsetof(struct initiative, quote_he),
	offsetof(struct initiative, quote_ar),
	offsetof(struct initiative, quote_by),
	offsetof(struct initiative, quote_by_he),
	offsetof(struct initiative, quote_by_ar),
};

static const char *field_text(const struct initiative *in, size_t offset)
{
	return ((const struct field *)((const char *)in + offset))->text;
}

static bool same_content(const struct initiative *a, const struct initiative *b)
{
	for (size_t k = 0; k < sizeof content_fields / sizeof *content_fields; k++)
		if (strcmp(field_text(a, content_fields[k]), field_text(b, content_fields[k])) != 0)
			return false;
	return true;
}

static int by_id(const void *a, const void *b)
{
	const struct initiative *const *x = a, *const *y = b;
	return strcmp((*x)->id.text, (*y)->id.text);
}

/* The catalog's initiatives as pointers sorted by id. */
static const struct initiative **sorted_by_id(const struct catalog *cat)
{
	const struct initiative **list = xcalloc(cat->initiative_count + 1, sizeof *list);
	for (size_t i = 0; i < cat->initiative_count; i++)
		list[i] = &cat->initiatives[i];
	qsort(list, cat->initiative_count, sizeof *list, by_id);
	return list;
}

void changes_compare(const struct catalog *current, const struct catalog *previous,
		     struct changes *out)
{
	*out = (struct changes){.previous = previous};
	out->of = xcalloc(current->initiative_count + 1, sizeof *out->of);
	bool *gone = xcalloc(previous->initiative_count + 1, sizeof *gone);
	const struct initiative **now = sorted_by_id(current);
	const struct initiative **then = sorted_by_id(previous);
	size_t i = 0, j = 0;
	while (i < current->initiative_count || j < previous->initiative_count) {
		int order = i == current->initiative_count ? 1
			  : j == previous->initiative_count ? -1
			  : strcmp(now[i]->id.text, then[j]->id.text);
		if (order < 0) {
			out->of[now[i] - current->initiatives] = CHANGE_NEW;
			out->new_count++;
			i++;
		} else if (order > 0) {
			gone[then[j] - previous->initiatives] = true;
			out->removed_count++;
			j++;
		} else {
			if (!same_content(now[i], then[j])) {
				out->of[now[i] - current->initiatives] = CHANGE_UPDATED;
				out->updated_count++;
			}
			i++;
			j++;
		}
	}
	out->removed = xcalloc(out->removed_count + 1, sizeof *out->removed);
	size_t n = 0;
	for (size_t k = 0; k < previous->initiative_count; k++)
		if (gone[k])
			out->removed[n++] = k;
	free(gone);
	free(now);
	free(then);
}

void changes_free(struct changes *changes)
{
	free(changes->of);
	free(changes->removed);
	*changes = (struct changes){0};
}
