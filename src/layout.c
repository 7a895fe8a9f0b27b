/* layout.c - a page format, read from layouts/NAME.ini. */
#include "layout.h"
#include "inifile.h"
#include "text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MM_TO_PT (72.0 / 25.4)

/* The least text frame, either way, that a layout may leave. */
#define MIN_TEXT_MM 40.0

enum setting {
	PAGE_SIZE, MARGIN_INNER, MARGIN_OUTER, MARGIN_TOP, MARGIN_BOTTOM,
	BASE_SIZE, LEADING, SETTING_COUNT
};

static const struct {
	const char *section;
	const char *key;
	const char *unit;   /* for messages; NULL for the page size */
} settings[SETTING_COUNT] = {
	[PAGE_SIZE] = {"page", "size", NULL},
	[MARGIN_INNER] = {"margins", "inner", "mm"},
	[MARGIN_OUTER] = {"margins", "outer", "mm"},
	[MARGIN_TOP] = {"margins", "top", "mm"},
	[MARGIN_BOTTOM] = {"margins", "bottom", "mm"},
	[BASE_SIZE] = {"type", "base_size", "points"},
	[LEADING] = {"type", "leading", "points"},
};

static const struct {
	const char *name;
	double width, height;   /* mm */
} page_sizes[] = {
	{"a4", 210, 297},
	{"a5", 148, 210},
	{"a6", 105, 148},
	{"letter", 215.9, 279.4},
};

struct layout_reader {
	const char *path;
	struct diag_list *diags;
	double width, height;        /* page, mm */
	double value[SETTING_COUNT]; /* margins in mm, type in points */
	int line[SETTING_COUNT];     /* where each was set; 0 for the default */
};

/* A plain decimal number above zero ("9.5", "18", ".5"): no sign, no
 * exponent, no units, nothing strtod would take beyond that. *out is
 * left alone unless it is one. */
static bool parse_positive(const char *s, size_t n, double *out)
{
	size_t digits = 0, dots = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] == '.' && !dots)
			dots++;
		else
			return false;
	}
	if (!digits)
		return false;
	char buf[64];
	if (n >= sizeof buf)
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	double value = strtod(buf, NULL);
	if (value <= 0)
		return false;
	*out = value;
	return true;
}

static bool parse_page_size(const char *s, double *width, double *height)
{
	for (size_t i = 0; i < sizeof page_sizes / sizeof *page_sizes; i++) {
		if (strcasecmp(s, page_sizes[i].name) == 0) {
			*width = page_sizes[i].width;
			*height = page_sizes[i].height;
			return true;
		}
	}
	size_t x = strcspn(s, "xX");
	double w, h;
	if (!s[x] || !parse_positive(s, x, &w) ||
	    !parse_positive(s + x + 1, strlen(s + x + 1), &h))
		return false;
	*width = w;
	*height = h;
	return true;
}

static bool known_section(const char *section)
{
	for (int i = 0; i < SETTING_COUNT; i++)
		if (strcmp(settings[i].section, section) == 0)
			return true;
	return false;
}

/* inifile's handler for a layout file. */
static void on_layout_line(void *user, const char *section, const char *key,
			   const char *value, struct span at)
{
	struct layout_reader *r = user;
	char q[TEXT_QUOTE_SIZE];
	if (!key) {
		if (!known_section(section))
			diag_error(r->diags, at, "unknown section [%s]", section);
		return;
	}
	if (!section[0]) {
		diag_error(r->diags, at, "key %s is outside any section", text_quote(q, key));
		return;
	}
	if (!known_section(section))
		return;   /* the section was reported */
	int s = 0;
	while (s < SETTING_COUNT && !(strcmp(settings[s].section, section) == 0 &&
				       strcmp(settings[s].key, key) == 0))
		s++;
	if (s == SETTING_COUNT) {
		diag_error(r->diags, at, "unknown key %s in [%s]", text_quote(q, key), section);
		return;
	}
	if (r->line[s]) {
		diag_error(r->diags, at, "duplicate key %s in [%s]; first on line %d",
			   text_quote(q, key), section, r->line[s]);
		return;
	}
	bool ok;
	if (s == PAGE_SIZE) {
		ok = parse_page_size(value, &r->width, &r->height);
		if (!ok)
			diag_error(r->diags, at,
				   "size must be a4, a5, a6, letter or WIDTHxHEIGHT in mm, not %s",
				   text_quote(q, value));
	} else {
		ok = parse_positive(value, strlen(value), &r->value[s]);
		if (!ok)
			diag_error(r->diags, at, "%s must be a positive number of %s, not %s",
				   key, settings[s].unit, text_quote(q, value));
	}
	if (ok)
		r->line[s] = at.line;
}

static int latest(int a, int b, int c)
{
	int m = a > b ? a : b;
	return m > c ? m : c;
}

/* Reports margins that leave less than MIN_TEXT_MM of text between
 * them, at the line of the latest setting involved. */
static void check_text_room(struct layout_reader *r, double page, enum setting m1,
			    enum setting m2, int page_line, const char *which)
{
	double room = page - r->value[m1] - r->value[m2];
	if (room >= MIN_TEXT_MM)
		return;
	int line = latest(page_line, r->line[m1], r->line[m2]);
	diag_error(r->diags, ((struct span){r->path, line, 0}),
		   "margins leave %g mm of text %s; at least %g mm is needed",
		   room, which, MIN_TEXT_MM);
}

enum status layout_read(struct layout *layout, const char *path,
			struct diag_list *diags)
{
	struct layout_reader r = {
		.path = path, .diags = diags,
		.width = 148, .height = 210,
		.value = {
			[MARGIN_INNER] = 18, [MARGIN_OUTER] = 14,
			[MARGIN_TOP] = 16, [MARGIN_BOTTOM] = 20,
			[BASE_SIZE] = 9.5, [LEADING] = 13,
		},
	};
	enum status st = inifile_read(path, on_layout_line, &r, diags);
	if (st == STATUS_OK) {
		check_text_room(&r, r.width, MARGIN_INNER, MARGIN_OUTER,
				r.line[PAGE_SIZE], "width");
		check_text_room(&r, r.height, MARGIN_TOP, MARGIN_BOTTOM,
				r.line[PAGE_SIZE], "height");
	}
	*layout = (struct layout){
		.page_width = r.width * MM_TO_PT,
		.page_height = r.height * MM_TO_PT,
		.margin_inner = r.value[MARGIN_INNER] * MM_TO_PT,
		.margin_outer = r.value[MARGIN_OUTER] * MM_TO_PT,
		.margin_top = r.value[MARGIN_TOP] * MM_TO_PT,
		.margin_bottom = r.value[MARGIN_BOTTOM] * MM_TO_PT,
		.base_size = r.value[BASE_SIZE],
		.leading = r.value[LEADING],
	};
	return st;
}
