/* check.c - validation of a whole catalog.
 *
 * Every problem is reported at the exact cell, in file order: first the
 * initiatives, then the sectors, then the edition. A cell that does not
 * exist (column 0 in a CSV, line 0 in the INI; see catalog.c) is left
 * alone: read has already said why it is missing, and saying "empty" for
 * every row of an absent column would bury that one message.
 *
 * Duplicate ids and sector look-ups use sorted arrays, so checking n rows
 * costs O(n log n). */
#include "check.h"
#include "mem.h"
#include "text.h"
#include "translations.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Sector ids listed in an "unknown sector" message at most. */
enum { MAX_LISTED_SECTORS = 20 };

static bool cell_missing(const struct field *f)
{
	return f->at.line == 0 || f->at.col == 0;
}

static bool key_missing(const struct field *f)
{
	return f->at.line == 0;
}

static bool is_id(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* One id, for sorting: ties keep file order, so the first of equal ids
 * comes first. */
struct id_entry {
	const char *id;
	size_t index;
};

static int compare_ids(const void *a, const void *b)
{
	const struct id_entry *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	if (c)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Returns first[], where first[i] is the index of the first record whose
 * id equals ids[i] (i itself for a first use), or SIZE_MAX if ids[i] is
 * not a valid id. The valid ids' first uses, sorted, go to *sorted
 * (*nsorted of them) for bsearch. */
static size_t *find_duplicates(const struct field *const *ids, size_t count,
			       struct id_entry **sorted, size_t *nsorted)
{
	size_t *first = xmalloc(count * sizeof *first);
	struct id_entry *e = xmalloc(count * sizeof *e);
	size_t n = 0;
	for (size_t i = 0; i < count; i++) {
		first[i] = SIZE_MAX;
		if (is_id(ids[i]->text))
			e[n++] = (struct id_entry){ids[i]->text, i};
	}
	qsort(e, n, sizeof *e, compare_ids);
	size_t unique = 0;
	for (size_t k = 0; k < n; k++) {
		if (k > 0 && strcmp(e[k].id, e[k - 1].id) == 0) {
			first[e[k].index] = first[e[k - 1].index];
		} else {
			first[e[k].index] = e[k].index;
			e[unique++] = e[k];
		}
	}
	*sorted = e;
	*nsorted = unique;
	return first;
}

/* Reports an empty, malformed or repeated id among ids (every record's,
 * in order); first is find_duplicates' answer for record index. */
static void check_id(const struct field *const *ids, size_t index, size_t first,
		     struct diag_list *diags)
{
	char q[TEXT_QUOTE_SIZE];
	const struct field *id = ids[index];
	if (cell_missing(id))
		return;
	if (!id->text[0])
		diag_error(diags, id->at, "empty id");
	else if (first == SIZE_MAX)
		diag_error(diags, id->at,
			   "id %s may contain only lowercase a-z, digits and \"-\"",
			   text_quote(q, id->text));
	else if (first != index)
		diag_error(diags, id->at, "duplicate id %s; first used on line %d",
			   text_quote(q, id->text), ids[first]->at.line);
}

static void check_not_empty(const struct field *f, const char *what,
			    struct diag_list *diags)
{
	if (!cell_missing(f) && !f->text[0])
		diag_error(diags, f->at, "empty %s", what);
}

/* founded: "" or a year from 1800 to 2100. Returns the year, 0 if none. */
static int check_year(const struct field *f, struct diag_list *diags)
{
	char q[TEXT_QUOTE_SIZE];
	if (!f->text[0])
		return 0;
	const char *s = f->text;
	if (strlen(s) == 4 && all_digits(s, 4)) {
		int year = atoi(s);
		if (year >= 1800 && year <= 2100)
			return year;
	}
	diag_error(diags, f->at, "%s is not a plausible year", text_quote(q, s));
	return 0;
}

/* participants: "" or digits only, below 10^12. Returns the count, -1 if
 * none. */
static long long check_participants(const struct field *f, struct diag_list *diags)
{
	char q[TEXT_QUOTE_SIZE];
	const char *s = f->text;
	size_t n = strlen(s);
	if (n == 0)
		return -1;
	if (!all_digits(s, n)) {
		diag_error(diags, f->at, "participants must be a whole number ≥ 0, not %s",
			   text_quote(q, s));
		return -1;
	}
	while (n > 1 && *s == '0') {   /* leading zeros say nothing */
		s++;
		n--;
	}
	if (n > 12) {
		diag_error(diags, f->at,
			   "participants must be less than 1000000000000, not %s",
			   text_quote(q, f->text));
		return -1;
	}
	return strtoll(s, NULL, 10);
}

static void check_url(const struct field *f, struct diag_list *diags)
{
	char q[TEXT_QUOTE_SIZE];
	const char *s = f->text;
	if (!s[0])
		return;
	/* A link opens nothing else: no file:, javascript: or data: URI. */
	size_t scheme = strncasecmp(s, "http://", 7) == 0 ? 7 :
			strncasecmp(s, "https://", 8) == 0 ? 8 :
			strncasecmp(s, "mailto:", 7) == 0 ? 7 : 0;
	if (!scheme) {
		diag_error(diags, f->at,
			   "url must start with http://, https:// or mailto:, not %s",
			   text_quote(q, s));
		return;
	}
	if (!s[scheme]) {
		diag_error(diags, f->at, "url %s has nothing after the scheme",
			   text_quote(q, s));
		return;
	}
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == ' ') {
			diag_error(diags, f->at, "url %s contains a space", text_quote(q, s));
			return;
		}
		if (*p < 0x20 || *p == 0x7F) {
			diag_error(diags, f->at, "url %s contains a control character",
				   text_quote(q, s));
			return;
		}
	}
}

/* Splits partners on ';' into in->partner_names, trimmed, empties dropped. */
static void split_partners(struct initiative *in)
{
	for (size_t p = 0; p < in->partner_count; p++)
		free(in->partner_names[p]);
	free(in->partner_names);
	in->partner_names = NULL;
	in->partner_count = 0;
	size_t cap = 0;
	for (const char *s = in->partners.text; *s; ) {
		size_t len = strcspn(s, ";");
		const char *start = s, *end = s + len;
		while (start < end && (*start == ' ' || *start == '\t'))
			start++;
		while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end > start) {
			grow_array((void **)&in->partner_names, &cap, in->partner_count + 1,
				   sizeof *in->partner_names);
			in->partner_names[in->partner_count++] =
				xstrndup(start, (size_t)(end - start));
		}
		s += len;
		if (*s == ';')
			s++;
	}
}

static void check_color(struct sector *sec, struct diag_list *diags)
{
	char q[TEXT_QUOTE_SIZE];
	const char *s = sec->color.text;
	if (cell_missing(&sec->color))
		return;
	if (!s[0]) {
		diag_error(diags, sec->color.at, "empty color");
		return;
	}
	if (!text_parse_color(s, sec->rgb))
		diag_error(diags, sec->color.at, "color must be #RRGGBB, not %s",
			   text_quote(q, s));
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* A real Gregorian date written YYYY-MM-DD (year 0001 to 9999). */
static bool is_date(const char *s)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 4) ||
	    !all_digits(s + 5, 2) || !all_digits(s + 8, 2))
		return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= days[m - 1] + (m == 2 && is_leap(y));
}

static void check_edition(struct edition *ed, struct diag_list *diags)
{
	char q[TEXT_QUOTE_SIZE];
	if (!key_missing(&ed->title) && !ed->title.text[0])
		diag_error(diags, ed->title.at, "empty title");
	if (!key_missing(&ed->date)) {
		if (!ed->date.text[0])
			diag_error(diags, ed->date.at, "empty date");
		else if (!is_date(ed->date.text))
			diag_error(diags, ed->date.at, "%s is not a real date (YYYY-MM-DD)",
				   text_quote(q, ed->date.text));
	}
	enum lang lang;
	if (!lang_parse(ed->lang.text, &lang))
		diag_error(diags, ed->lang.at, "lang must be en, he or ar, not %s",
			   text_quote(q, ed->lang.text));
}

/* "a, b, c" of the valid sector ids in file order, for messages ("" if
 * there are none). */
static char *list_sectors(const struct catalog *cat, const size_t *first)
{
	struct buffer b = {0};
	size_t listed = 0, unique = 0;
	for (size_t s = 0; s < cat->sector_count; s++) {
		if (first[s] != s)
			continue;
		unique++;
		if (listed == MAX_LISTED_SECTORS)
			continue;
		buffer_printf(&b, "%s%s", listed ? ", " : "", cat->sectors[s].id.text);
		listed++;
	}
	if (unique > listed)
		buffer_printf(&b, " and %zu more", unique - listed);
	return buffer_take(&b);
}

/* bsearch's comparison of an id string with an id_entry. */
static int compare_key(const void *key, const void *entry)
{
	return strcmp(key, ((const struct id_entry *)entry)->id);
}

/* Pointers to the id field (at offset) of each of count records. */
static const struct field **collect_ids(const void *records, size_t count,
					size_t stride, size_t offset)
{
	const struct field **ids = xmalloc(count * sizeof *ids);
	for (size_t i = 0; i < count; i++)
		ids[i] = (const struct field *)((const char *)records + i * stride + offset);
	return ids;
}

enum status check_catalog(struct catalog *cat, struct diag_list *diags)
{
	size_t errors_before = diag_count(diags, DIAG_ERROR);
	char q[TEXT_QUOTE_SIZE];

	const struct field **sector_ids = collect_ids(cat->sectors, cat->sector_count,
						      sizeof *cat->sectors,
						      offsetof(struct sector, id));
	struct id_entry *sectors_sorted;
	size_t nsectors;
	size_t *sector_first = find_duplicates(sector_ids, cat->sector_count,
					       &sectors_sorted, &nsectors);
	const struct field **initiative_ids =
		collect_ids(cat->initiatives, cat->initiative_count,
			    sizeof *cat->initiatives, offsetof(struct initiative, id));
	struct id_entry *initiatives_sorted;
	size_t ninitiatives;
	size_t *initiative_first = find_duplicates(initiative_ids, cat->initiative_count,
						   &initiatives_sorted, &ninitiatives);
	size_t *uses = xcalloc(cat->sector_count, sizeof *uses);
	char *sector_list = NULL;

	for (size_t i = 0; i < cat->initiative_count; i++) {
		struct initiative *in = &cat->initiatives[i];
		check_id(initiative_ids, i, initiative_first[i], diags);
		check_not_empty(&in->name, "name", diags);

		in->sector_index = SIZE_MAX;
		if (in->sector.text[0]) {
			const struct id_entry *e = bsearch(in->sector.text, sectors_sorted,
							   nsectors, sizeof *e, compare_key);
			if (e) {
				in->sector_index = e->index;
				uses[e->index]++;
			} else {
				if (!sector_list)
					sector_list = list_sectors(cat, sector_first);
				const char *path = cat->sectors_path ?
						   cat->sectors_path : "sectors.csv";
				if (sector_list[0])
					diag_error(diags, in->sector.at,
						   "unknown sector %s; %s has: %s",
						   text_quote(q, in->sector.text), path,
						   sector_list);
				else
					diag_error(diags, in->sector.at,
						   "unknown sector %s; %s has no sectors",
						   text_quote(q, in->sector.text), path);
			}
		} else {
			check_not_empty(&in->sector, "sector", diags);
		}
		check_not_empty(&in->summary, "summary", diags);
		in->founded_year = check_year(&in->founded, diags);
		in->participant_count = check_participants(&in->participants, diags);
		check_url(&in->url, diags);
		split_partners(in);
	}

	for (size_t s = 0; s < cat->sector_count; s++) {
		struct sector *sec = &cat->sectors[s];
		size_t first = sector_first[s];
		check_id(sector_ids, s, first, diags);
		check_not_empty(&sec->name, "name", diags);
		check_color(sec, diags);
		/* With no initiatives at all, read has reported why; a
		 * warning per sector would only repeat it. */
		if (first == s && uses[s] == 0 && cat->initiative_count > 0)
			diag_warning(diags, sec->id.at,
				     "sector %s has no initiatives; it gets no chapter",
				     text_quote(q, sec->id.text));
	}

	check_edition(&cat->edition, diags);

	free(sector_list);
	free(uses);
	free(initiative_first);
	free(initiatives_sorted);
	free(initiative_ids);
	free(sector_first);
	free(sectors_sorted);
	free(sector_ids);
	return diag_count(diags, DIAG_ERROR) > errors_before ? STATUS_INVALID : STATUS_OK;
}
