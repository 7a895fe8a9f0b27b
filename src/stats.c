/* stats.c - counting the catalog: key figures, sectors, years, regions. */
#include "stats.h"
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *in_lang(const struct field *const fields[LANG_COUNT], enum lang lang)
{
	return *fields[lang]->text ? fields[lang]->text : fields[LANG_EN]->text;
}

const char *stats_sector_name(const struct sector *sec, enum lang lang)
{
	const struct field *const names[] = {&sec->name, &sec->name_he, &sec->name_ar};
	return in_lang(names, lang);
}

const char *stats_region_name(const struct region_count *region, enum lang lang)
{
	const struct initiative *in = region->first;
	const struct field *const names[] = {&in->region, &in->region_he, &in->region_ar};
	return in_lang(names, lang);
}

static int by_year(const void *a, const void *b)
{
	const struct year_count *x = a, *y = b;
	return (x->year > y->year) - (x->year < y->year);
}

static int by_count_then_name(const void *a, const void *b)
{
	const struct region_count *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->name, y->name);
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds one to name's entry in a list of (name, count), linearly: a booklet
 * names a few dozen regions at most. */
static void count_region(struct stats *st, size_t *cap, const struct initiative *in)
{
	const char *name = in->region.text;
	for (size_t i = 0; i < st->region_count; i++)
		if (strcmp(st->by_region[i].name, name) == 0) {
			st->by_region[i].count++;
			return;
		}
	grow_array((void **)&st->by_region, cap, st->region_count + 1,
		   sizeof *st->by_region);
	st->by_region[st->region_count++] = (struct region_count){name, 1, in};
}

static void count_year(struct stats *st, size_t *cap, int year)
{
	for (size_t i = 0; i < st->year_count; i++)
		if (st->by_year[i].year == year) {
			st->by_year[i].count++;
			return;
		}
	grow_array((void **)&st->by_year, cap, st->year_count + 1, sizeof *st->by_year);
	st->by_year[st->year_count++] = (struct year_count){year, 1};
}

/* Distinct non-empty locations, by sorting pointers to them. */
static size_t count_places(const struct catalog *cat)
{
	const char **names = xcalloc(cat->initiative_count + 1, sizeof *names);
	size_t n = 0;
	for (size_t i = 0; i < cat->initiative_count; i++)
		if (*cat->initiatives[i].location.text)
			names[n++] = cat->initiatives[i].location.text;
	qsort(names, n, sizeof *names, by_string);
	size_t distinct = 0;
	for (size_t i = 0; i < n; i++)
		if (i == 0 || strcmp(names[i], names[i - 1]) != 0)
			distinct++;
	free(names);
	return distinct;
}

void stats_compute(const struct catalog *cat, struct stats *out)
{
	*out = (struct stats){.initiatives = cat->initiative_count,
			      .sector_count = cat->sector_count};
	out->by_sector = xcalloc(cat->sector_count + 1, sizeof *out->by_sector);
	size_t region_cap = 0, year_cap = 0;
	for (size_t i = 0; i < cat->initiative_count; i++) {
		const struct initiative *in = &cat->initiatives[i];
		struct sector_stats *sec = in->sector_index < cat->sector_count
					   ? &out->by_sector[in->sector_index] : NULL;
		if (sec)
			sec->initiatives++;
		if (in->participant_count >= 0) {
			out->people += in->participant_count;
			out->reporting_people++;
			if (sec) {
				sec->people += in->participant_count;
				sec->reporting++;
			}
		}
		if (in->founded_year) {
			out->reporting_year++;
			count_year(out, &year_cap, in->founded_year);
		}
		if (*in->region.text) {
			out->reporting_region++;
			count_region(out, &region_cap, in);
		}
	}
	for (size_t s = 0; s < cat->sector_count; s++)
		if (out->by_sector[s].initiatives)
			out->sectors++;
	/* qsort must not be given the NULL of an empty list. */
	if (out->year_count) {
		qsort(out->by_year, out->year_count, sizeof *out->by_year, by_year);
		out->first_year = out->by_year[0].year;
		out->last_year = out->by_year[out->year_count - 1].year;
	}
	if (out->region_count)
		qsort(out->by_region, out->region_count, sizeof *out->by_region,
		      by_count_then_name);
	out->places = count_places(cat);
}

void stats_free(struct stats *st)
{
	free(st->by_sector);
	free(st->by_year);
	free(st->by_region);
	*st = (struct stats){0};
}
