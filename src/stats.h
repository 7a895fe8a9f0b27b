/* stats.h - the figures a booklet reports about its catalog.
 *
 * Everything is computed from the catalog given, so that a booklet made
 * from a subset of the initiatives (a handout) reports its own figures.
 * Initiatives that leave a field empty are not counted as zero: each
 * figure says how many initiatives report it.
 *
 * Ownership: a struct stats owns its arrays; the names in it point into
 * the catalog, which must outlive it. */
#ifndef LIGHTBOOK_STATS_H
#define LIGHTBOOK_STATS_H

#include "catalog.h"
#include "translations.h"

#include <stddef.h>

struct sector_stats {
	size_t initiatives;
	size_t reporting;          /* initiatives that give a participant count */
	long long people;          /* the sum of those counts */
};

struct year_count {
	int year;
	size_t count;
};

struct region_count {
	const char *name;          /* as first written in the catalog */
	size_t count;
	const struct initiative *first;  /* the first initiative naming it */
};

struct stats {
	size_t initiatives;
	size_t sectors;            /* sectors with at least one initiative */
	long long people;          /* participants, summed where given */
	size_t reporting_people;   /* initiatives that give participants */
	size_t reporting_year;     /* initiatives that give a founded year */
	int first_year, last_year; /* 0 when none gives a year */
	size_t places;             /* distinct locations */
	struct sector_stats *by_sector;  /* one per catalog sector, in its order */
	size_t sector_count;
	struct year_count *by_year;      /* years that occur, ascending */
	size_t year_count;
	struct region_count *by_region;  /* most initiatives first, then by name */
	size_t region_count;
	size_t reporting_region;   /* initiatives that name a region */
};

void stats_compute(const struct catalog *cat, struct stats *out);
void stats_free(struct stats *st);

/* A sector's or a region's name in lang, or in English where that
 * language's column is empty. */
const char *stats_sector_name(const struct sector *sec, enum lang lang);
const char *stats_region_name(const struct region_count *region, enum lang lang);

#endif
