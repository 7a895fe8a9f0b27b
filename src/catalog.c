/* catalog.c - the edition's content read from its three input files.
 *
 * Both CSV files go through csvtable and one table of known columns per
 * record type; edition.ini goes through inifile. This stage only reads:
 * what the values mean is check.c's business. A cell that does not exist
 * (its column is absent, or its row is short) reads as "" at the row's
 * line with column 0; an INI key that is absent reads as "" at line 0.
 * read reports why such cells are missing, so check can leave them be. */
#include "catalog.h"
#include "csvtable.h"
#include "inifile.h"
#include "mem.h"
#include "text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A column a CSV file may have, and the field of a record it fills. */
struct column {
	const char *name;
	size_t offset;     /* of the struct field inside the record */
	bool required;
};

#define INITIATIVE(name, required) {#name, offsetof(struct initiative, name), required}
static const struct column initiative_columns[] = {
	INITIATIVE(id, true),
	INITIATIVE(name, true),
	INITIATIVE(name_he, false),
	INITIATIVE(name_ar, false),
	INITIATIVE(sector, true),
	INITIATIVE(summary, true),
	INITIATIVE(summary_he, false),
	INITIATIVE(summary_ar, false),
	INITIATIVE(location, false),
	INITIATIVE(location_he, false),
	INITIATIVE(location_ar, false),
	INITIATIVE(region, false),
	INITIATIVE(region_he, false),
	INITIATIVE(region_ar, false),
	INITIATIVE(founded, false),
	INITIATIVE(participants, false),
	INITIATIVE(partners, false),
	INITIATIVE(url, false),
	INITIATIVE(quote, false),
	INITIATIVE(quote_he, false),
	INITIATIVE(quote_ar, false),
	INITIATIVE(quote_by, false),
	INITIATIVE(quote_by_he, false),
	INITIATIVE(quote_by_ar, false),
};
#undef INITIATIVE

#define SECTOR(name, required) {#name, offsetof(struct sector, name), required}
static const struct column sector_columns[] = {
	SECTOR(id, true),
	SECTOR(name, true),
	SECTOR(name_he, false),
	SECTOR(name_ar, false),
	SECTOR(color, true),
	SECTOR(intro, false),
	SECTOR(intro_he, false),
	SECTOR(intro_ar, false),
};
#undef SECTOR

#define EDITION(name, required) {#name, offsetof(struct edition, name), required}
static const struct column edition_keys[] = {
	EDITION(title, true),
	EDITION(title_he, false),
	EDITION(title_ar, false),
	EDITION(subtitle, false),
	EDITION(subtitle_he, false),
	EDITION(subtitle_ar, false),
	EDITION(label, false),
	EDITION(label_he, false),
	EDITION(label_ar, false),
	EDITION(date, true),
	EDITION(publisher, false),
	EDITION(publisher_he, false),
	EDITION(publisher_ar, false),
	EDITION(lang, false),
	EDITION(foreword, false),
	EDITION(foreword_he, false),
	EDITION(foreword_ar, false),
	EDITION(colophon, false),
	EDITION(colophon_he, false),
	EDITION(colophon_ar, false),
};
#undef EDITION

#define COUNT(array) (sizeof (array) / sizeof *(array))

static struct field *field_at(void *record, const struct column *col)
{
	return (struct field *)((char *)record + col->offset);
}

/* The length of s without the ASCII spaces and tabs around it, which
 * start the first *start bytes. */
static size_t trimmed(const char *s, size_t *start)
{
	*start = strspn(s, " \t");
	size_t end = strlen(s);
	while (end > *start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	return end - *start;
}

/* Drops ASCII spaces and tabs around s, in place. */
static void trim(char *s)
{
	size_t start, len = trimmed(s, &start);
	memmove(s, s + start, len);
	s[len] = '\0';
}

/* Finds each known column in the header: where[c] is its cell index, or
 * SIZE_MAX when absent. Reports unknown, unnamed, repeated and missing
 * columns. */
static void map_header(struct csvtable *t, const struct column *cols, size_t ncols,
		       size_t *where, struct diag_list *diags)
{
	char q[TEXT_QUOTE_SIZE];
	for (size_t c = 0; c < ncols; c++)
		where[c] = SIZE_MAX;
	if (t->header.count == 0)
		return;   /* csvtable said why */
	for (size_t i = 0; i < t->header.count; i++) {
		struct csvtable_cell *cell = &t->header.cells[i];
		trim(cell->text);
		size_t c = 0;
		while (c < ncols && strcmp(cols[c].name, cell->text) != 0)
			c++;
		if (cell->text[0] == '\0')
			diag_warning(diags, cell->at, "column has no name; it is ignored");
		else if (c == ncols)
			diag_warning(diags, cell->at, "unknown column %s is ignored",
				     text_quote(q, cell->text));
		else if (where[c] != SIZE_MAX)
			diag_error(diags, cell->at, "duplicate column %s",
				   text_quote(q, cell->text));
		else
			where[c] = i;
	}
	for (size_t c = 0; c < ncols; c++)
		if (cols[c].required && where[c] == SIZE_MAX)
			diag_error(diags, ((struct span){t->path, t->header.line, 0}),
				   "missing required column %s", text_quote(q, cols[c].name));
}

/* The text of every empty field of the records (a missing column, an
 * empty cell; millions in a large catalog): one string, never freed. */
static char no_text[] = "";

/* Reads the CSV at path into a new array of *count records of rec_size
 * bytes, each field filled from its column, trimmed. The texts that are
 * not empty go into one allocation, *texts (NULL if there is none): a
 * large catalog has millions of fields, and as many allocations would
 * cost a fifth of their size again. */
static enum status read_records(const char *path, const struct column *cols,
				size_t ncols, size_t rec_size, void **records,
				size_t *count, char **texts, struct diag_list *diags)
{
	struct csvtable t;
	enum status st = csvtable_read(&t, path, diags);
	size_t *where = xmalloc(ncols * sizeof *where);
	map_header(&t, cols, ncols, where, diags);

	size_t bytes = 0, start;
	for (size_t r = 0; r < t.row_count; r++)
		for (size_t c = 0; c < ncols; c++)
			if (where[c] < t.rows[r].count) {
				size_t len = trimmed(t.rows[r].cells[where[c]].text, &start);
				bytes += len ? len + 1 : 0;
			}
	char *text = *texts = bytes ? xmalloc(bytes) : NULL;
	char *recs = xcalloc(t.row_count, rec_size);
	for (size_t r = 0; r < t.row_count; r++) {
		struct csvtable_row *row = &t.rows[r];
		for (size_t c = 0; c < ncols; c++) {
			struct field *f = field_at(recs + r * rec_size, &cols[c]);
			f->text = no_text;
			if (where[c] >= row->count) {
				f->at = (struct span){path, row->line, 0};
				continue;
			}
			const struct csvtable_cell *cell = &row->cells[where[c]];
			f->at = cell->at;
			size_t len = trimmed(cell->text, &start);
			if (len) {
				f->text = memcpy(text, cell->text + start, len);
				f->text[len] = '\0';
				text += len + 1;
			}
		}
	}
	*records = recs;
	*count = t.row_count;
	free(where);
	csvtable_free(&t);
	return st;
}

struct edition_reader {
	struct edition *edition;
	struct diag_list *diags;
	int section_line;   /* line of the first [edition]; 0 if none yet */
};

/* inifile's handler for edition.ini. */
static void on_edition_line(void *user, const char *section, const char *key,
			    const char *value, struct span at)
{
	struct edition_reader *r = user;
	char q[TEXT_QUOTE_SIZE];
	bool in_edition = strcmp(section, "edition") == 0;

	if (!key) {
		if (!in_edition)
			diag_warning(r->diags, at, "unknown section [%s] is ignored", section);
		else if (!r->section_line)
			r->section_line = at.line;
		return;
	}
	if (!section[0]) {
		diag_warning(r->diags, at, "key %s is outside [edition] and is ignored",
			     text_quote(q, key));
		return;
	}
	if (!in_edition)
		return;   /* the section was reported */
	size_t k = 0;
	while (k < COUNT(edition_keys) && strcmp(edition_keys[k].name, key) != 0)
		k++;
	if (k == COUNT(edition_keys)) {
		diag_warning(r->diags, at, "unknown key %s in [edition] is ignored",
			     text_quote(q, key));
		return;
	}
	struct field *f = field_at(r->edition, &edition_keys[k]);
	if (f->at.line > 0) {
		diag_error(r->diags, at, "duplicate key %s in [edition]; first on line %d",
			   text_quote(q, key), f->at.line);
		return;
	}
	free(f->text);
	f->text = xstrdup(value);
	f->at = at;
}

/* Paragraphs apart by blank lines, their lines joined by a space: one
 * paragraph per line, as compose takes a cell's text. */
static char *join_paragraphs(const char *text)
{
	struct buffer out = {0};
	buffer_append_str(&out, "");
	bool blank_before = false;
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\r\n");
		size_t lead = strspn(p, " \t");
		if (lead == len) {
			blank_before = true;
		} else {
			if (out.len)
				buffer_append_str(&out, blank_before ? "\n" : " ");
			buffer_append(&out, p + lead, len - lead);
			blank_before = false;
		}
		p += len;
		if (*p == '\r' && p[1] == '\n')
			p++;
		if (*p)
			p++;
	}
	return buffer_take(&out);
}

/* Reads each foreword file named in edition.ini, relative to its folder.
 * A file that cannot be read is an error at its key's line. */
static void read_forewords(struct edition *ed, const char *path, struct diag_list *diags)
{
	const struct field *keys[3] = {&ed->foreword, &ed->foreword_he, &ed->foreword_ar};
	const char *slash = strrchr(path, '/');
	for (size_t k = 0; k < 3; k++) {
		ed->foreword_text[k] = (struct field){xstrdup(""), {path, 0, 0}};
		if (!*keys[k]->text)
			continue;
		struct buffer file = {0};
		if (slash && keys[k]->text[0] != '/')
			buffer_append(&file, path, (size_t)(slash - path) + 1);
		buffer_append_str(&file, keys[k]->text);
		ed->foreword_paths[k] = buffer_take(&file);
		struct diag_list own = {0};
		struct text t;
		if (text_read_file(&t, ed->foreword_paths[k], &own) == STATUS_IO) {
			char q[TEXT_QUOTE_SIZE];
			diag_error(diags, keys[k]->at, "foreword %s: %s",
				   text_quote(q, ed->foreword_paths[k]),
				   own.count ? own.items[0].message : "cannot read");
		} else {
			for (size_t i = 0; i < own.count; i++)
				diag_add(diags, own.items[i].level, own.items[i].at, "%s",
					 own.items[i].message);
			free(ed->foreword_text[k].text);
			ed->foreword_text[k] = (struct field){join_paragraphs(t.data),
							      {ed->foreword_paths[k], 1, 1}};
		}
		text_free(&t);
		diag_list_free(&own);
	}
}

static enum status read_edition(struct edition *ed, const char *path,
				struct diag_list *diags)
{
	for (size_t k = 0; k < COUNT(edition_keys); k++)
		*field_at(ed, &edition_keys[k]) = (struct field){
			xstrdup(""), {path, 0, 0}};
	free(ed->lang.text);
	ed->lang.text = xstrdup("en");

	struct edition_reader r = {.edition = ed, .diags = diags};
	enum status st = inifile_read(path, on_edition_line, &r, diags);
	if (st != STATUS_OK)
		return st;
	char q[TEXT_QUOTE_SIZE];
	if (!r.section_line) {
		diag_error(diags, ((struct span){path, 0, 0}), "missing section [edition]");
		return st;
	}
	for (size_t k = 0; k < COUNT(edition_keys); k++)
		if (edition_keys[k].required && field_at(ed, &edition_keys[k])->at.line == 0)
			diag_error(diags, ((struct span){path, r.section_line, 0}),
				   "missing required key %s in [edition]",
				   text_quote(q, edition_keys[k].name));
	read_forewords(ed, path, diags);
	return st;
}

static enum status worse(enum status a, enum status b)
{
	return a > b ? a : b;
}

enum status catalog_read(struct catalog *cat, const char *initiatives_path,
			 const char *sectors_path, const char *edition_path,
			 struct diag_list *diags)
{
	*cat = (struct catalog){
		.initiatives_path = initiatives_path,
		.sectors_path = sectors_path,
		.edition_path = edition_path,
	};
	void *records;
	enum status st = read_records(initiatives_path, initiative_columns,
				      COUNT(initiative_columns), sizeof *cat->initiatives,
				      &records, &cat->initiative_count,
				      &cat->initiative_texts, diags);
	cat->initiatives = records;
	for (size_t i = 0; i < cat->initiative_count; i++) {
		cat->initiatives[i].sector_index = SIZE_MAX;
		cat->initiatives[i].participant_count = -1;
	}

	st = worse(st, read_records(sectors_path, sector_columns, COUNT(sector_columns),
				    sizeof *cat->sectors, &records, &cat->sector_count,
				    &cat->sector_texts, diags));
	cat->sectors = records;

	st = worse(st, read_edition(&cat->edition, edition_path, diags));
	return st;
}

static void free_fields(void *record, const struct column *cols, size_t ncols)
{
	for (size_t c = 0; c < ncols; c++)
		free(field_at(record, &cols[c])->text);
}

/* What an initiative owns beside its fields' texts (which are the
 * catalog's). */
static void free_initiative(struct initiative *in)
{
	for (size_t p = 0; p < in->partner_count; p++)
		free(in->partner_names[p]);
	free(in->partner_names);
}

/* The index of the sector with id [id, id + len), or SIZE_MAX. */
static size_t find_sector(const struct catalog *cat, const char *id, size_t len)
{
	for (size_t i = 0; i < cat->sector_count; i++)
		if (strlen(cat->sectors[i].id.text) == len &&
		    memcmp(cat->sectors[i].id.text, id, len) == 0)
			return i;
	return SIZE_MAX;
}

/* Finds each listed id's sector into chosen (in the list's order);
 * returns how many, or 0 after reporting a mistake. */
static size_t choose_sectors(const struct catalog *cat, const char *ids, size_t *chosen,
			     struct diag_list *diags, enum status *st)
{
	size_t count = 0;
	const char *p = ids;
	for (;;) {
		size_t len = strcspn(p, ",");
		size_t index = find_sector(cat, p, len);
		if (index == SIZE_MAX) {
			struct buffer known = {0};
			for (size_t i = 0; i < cat->sector_count; i++)
				buffer_printf(&known, "%s%s", i ? ", " : "", cat->sectors[i].id.text);
			diag_error(diags, ((struct span){0}),
				   "--sector: no sector \"%.*s\" in %s (there are: %s)",
				   (int)len, p, cat->sectors_path, known.data ? known.data : "none");
			buffer_free(&known);
			*st = STATUS_USAGE;
			return 0;
		}
		for (size_t k = 0; k < count; k++)
			if (chosen[k] == index) {
				diag_error(diags, ((struct span){0}),
					   "--sector: \"%.*s\" is given twice", (int)len, p);
				*st = STATUS_USAGE;
				return 0;
			}
		chosen[count++] = index;
		if (!p[len])
			return count;
		p += len + 1;
	}
}

enum status catalog_keep_sectors(struct catalog *cat, const char *ids,
				 bool require_initiatives, struct diag_list *diags)
{
	enum status st = STATUS_OK;
	size_t *chosen = xcalloc(cat->sector_count + 1, sizeof *chosen);
	size_t count = choose_sectors(cat, ids, chosen, diags, &st);
	size_t *uses = xcalloc(cat->sector_count + 1, sizeof *uses);
	for (size_t i = 0; i < cat->initiative_count; i++)
		if (cat->initiatives[i].sector_index < cat->sector_count)
			uses[cat->initiatives[i].sector_index]++;
	for (size_t k = 0; k < count; k++)
		if (require_initiatives && !uses[chosen[k]]) {
			diag_error(diags, cat->sectors[chosen[k]].id.at,
				   "--sector: sector \"%s\" has no initiatives to hand out",
				   cat->sectors[chosen[k]].id.text);
			st = STATUS_INVALID;
		}
	if (st != STATUS_OK) {
		free(chosen);
		free(uses);
		return st;
	}

	/* new_index[old sector] = its place in the handout, or SIZE_MAX. */
	size_t *new_index = uses;
	for (size_t i = 0; i < cat->sector_count; i++)
		new_index[i] = SIZE_MAX;
	struct sector *sectors = xcalloc(count, sizeof *sectors);
	for (size_t k = 0; k < count; k++) {
		sectors[k] = cat->sectors[chosen[k]];
		new_index[chosen[k]] = k;
	}
	free(cat->sectors);
	cat->sectors = sectors;
	cat->sector_count = count;

	size_t kept = 0;
	for (size_t i = 0; i < cat->initiative_count; i++) {
		struct initiative *in = &cat->initiatives[i];
		size_t to = in->sector_index < SIZE_MAX ? new_index[in->sector_index] : SIZE_MAX;
		if (to == SIZE_MAX) {
			free_initiative(in);
			continue;
		}
		in->sector_index = to;
		cat->initiatives[kept++] = *in;
	}
	cat->initiative_count = kept;

	cat->handout = true;
	free(chosen);
	free(new_index);
	return STATUS_OK;
}

void catalog_free_records(struct catalog *cat)
{
	for (size_t i = 0; i < cat->initiative_count; i++)
		free_initiative(&cat->initiatives[i]);
	free(cat->initiatives);
	cat->initiatives = NULL;
	cat->initiative_count = 0;
}

void catalog_free(struct catalog *cat)
{
	catalog_free_records(cat);
	free(cat->initiative_texts);
	free(cat->sectors);
	free(cat->sector_texts);
	free_fields(&cat->edition, edition_keys, COUNT(edition_keys));
	for (size_t k = 0; k < 3; k++) {
		free(cat->edition.foreword_text[k].text);
		free(cat->edition.foreword_paths[k]);
	}
	*cat = (struct catalog){0};
}
