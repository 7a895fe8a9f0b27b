/* catalog.h - the edition's content as read from its three input files.
 *
 * The catalog is what "read" produces and "check" validates: sectors (in
 * booklet order), initiatives (in file order) and the edition's settings.
 * Every field keeps where it came from, so that any later stage can point
 * at the exact cell of the CSV when it finds a problem.
 *
 * Ownership: a catalog owns every string in it; catalog_free releases all. */
#ifndef LIGHTBOOK_CATALOG_H
#define LIGHTBOOK_CATALOG_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

/* One cell of input: its text (UTF-8, trimmed, never NULL: "" when empty
 * or absent) and where it starts in its file. A cell that does not exist
 * (its column is absent, its row short) has at.col == 0 in a CSV, and an
 * absent INI key at.line == 0: read has said why, so check leaves it be. */
struct field {
	char *text;
	struct span at;
};

struct sector {
	struct field id;
	struct field name, name_he, name_ar;
	struct field color;          /* "#RRGGBB" */
	struct field intro, intro_he, intro_ar;
	/* Resolved by check: */
	double rgb[3];               /* color as 0..1 components */
};

struct initiative {
	struct field id;
	struct field name, name_he, name_ar;
	struct field sector;
	struct field summary, summary_he, summary_ar;
	struct field location, location_he, location_ar;
	struct field region, region_he, region_ar;
	struct field founded, participants;
	struct field partners;       /* ';'-separated, as written */
	struct field url;
	struct field quote, quote_he, quote_ar;
	struct field quote_by, quote_by_he, quote_by_ar;
	/* Resolved by check: */
	size_t sector_index;         /* index into catalog.sectors; SIZE_MAX if unknown */
	int founded_year;            /* 0 when founded is empty or invalid */
	long long participant_count; /* -1 when participants is empty or invalid */
	char **partner_names;        /* partners split on ';', trimmed, empties dropped */
	size_t partner_count;
};

/* [edition] of edition.ini. at.col is 0: an INI value is a whole line. */
struct edition {
	struct field title, title_he, title_ar;
	struct field subtitle, subtitle_he, subtitle_ar;
	struct field label, label_he, label_ar;   /* e.g. "First edition" */
	struct field date;           /* YYYY-MM-DD: the only date in the booklet */
	struct field publisher, publisher_he, publisher_ar;
	struct field lang;           /* "en", "he" or "ar"; "en" (at line 0) if absent */
	struct field foreword, foreword_he, foreword_ar;   /* text files, relative
							       to edition.ini */
	struct field colophon, colophon_he, colophon_ar;   /* a line of text each */
	/* What the foreword files say, in the order of the keys (English,
	 * Hebrew, Arabic): one paragraph per line, "" without a file; at is
	 * the file's first line, its path owned by foreword_paths. */
	struct field foreword_text[3];
	char *foreword_paths[3];
};

struct changes;

struct catalog {
	const char *initiatives_path;  /* not owned: the paths given to catalog_read */
	const char *sectors_path;
	const char *edition_path;
	struct sector *sectors;
	size_t sector_count;
	struct initiative *initiatives;
	size_t initiative_count;
	/* The texts of the sectors' and the initiatives' fields: one
	 * allocation each, or NULL; an empty field's text is static. */
	char *sector_texts, *initiative_texts;
	struct edition edition;
	bool handout;                  /* catalog_keep_sectors chose the sectors */
	/* What changed since the previous edition (changes.h), set by the
	 * caller when there is one to compare with; NULL otherwise. Not owned. */
	const struct changes *changes;
};

/* Reads the three files into *cat: CSV through libcsv (columns found by
 * header name, in any order), the INI through inih. Adds a diagnostic for
 * every problem of form (unterminated quote, invalid UTF-8, NUL byte, too
 * many fields, missing required column, unknown column as a warning, empty
 * file, ...) and goes on reading what it can.
 * Returns STATUS_IO if a file cannot be opened or read (with a diagnostic
 * naming the path), otherwise STATUS_OK, even when diagnostics were added:
 * the caller asks diag_has_errors. *cat is always safe to catalog_free. */
enum status catalog_read(struct catalog *cat, const char *initiatives_path,
			 const char *sectors_path, const char *edition_path,
			 struct diag_list *diags);

/* Makes a checked catalog a handout's: keeps only the sectors whose ids
 * ids lists (comma-separated, in that order) and their initiatives, and
 * sets handout. An id that is not a sector, or is given twice, is
 * STATUS_USAGE; with require_initiatives, a chosen sector without
 * initiatives is STATUS_INVALID (the previous edition, compared with,
 * may lack one); both with a diagnostic. The catalog is unchanged unless
 * it returns STATUS_OK. */
enum status catalog_keep_sectors(struct catalog *cat, const char *ids,
				 bool require_initiatives, struct diag_list *diags);

/* Frees the initiatives' records (their fields' places, their partner
 * lists), keeping the texts the fields point to, the sectors and the
 * edition: all a composed booklet borrows. The catalog then has no
 * initiatives; catalog_free frees the rest. */
void catalog_free_records(struct catalog *cat);

void catalog_free(struct catalog *cat);

#endif
