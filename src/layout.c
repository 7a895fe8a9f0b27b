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
/* The narrowest column a gutter may leave. */
#define MIN_COLUMN_MM 30.0
#define MAX_BLEED_MM 10.0

/* A neutral color as a file writes it: GREY(0x1A) is #1A1A1A. */
#define GREY(v) {(v) / 255.0, (v) / 255.0, (v) / 255.0}

enum setting {
	PAGE_SIZE, FACING, PAGE_COUNT_MULTIPLE,
	MARGIN_INNER, MARGIN_OUTER, MARGIN_TOP, MARGIN_BOTTOM,
	COLUMN_COUNT, GUTTER,
	BASE_SIZE, LEADING, TITLE_SIZE, CHAPTER_SIZE, NAME_SIZE, ARABIC_INDIC_DIGITS,
	TEXT_COLOR, MUTED_COLOR, FURNITURE_COLOR,
	RUNNING_HEAD, FOLIO, CHART_HEIGHT, BLEED, CROP_MARKS,
	SETTING_COUNT
};

/* How a setting's value is written. */
enum value_kind {
	KIND_PAGE_SIZE,   /* a name or WIDTHxHEIGHT */
	KIND_LENGTH,      /* a positive number of mm */
	KIND_POINTS,      /* a positive number of points */
	KIND_COLOR,       /* #RRGGBB */
	KIND_SWITCH,      /* yes or no */
	KIND_COLUMNS,     /* 1 or 2 */
	KIND_MULTIPLE,    /* a whole number from 1 to 32 */
	KIND_BLEED,       /* a number of mm from 0 to MAX_BLEED_MM */
};

static const struct {
	const char *section;
	const char *key;
	enum value_kind kind;
} settings[SETTING_COUNT] = {
	[PAGE_SIZE] = {"page", "size", KIND_PAGE_SIZE},
	[FACING] = {"page", "facing", KIND_SWITCH},
	[PAGE_COUNT_MULTIPLE] = {"page", "page_count_multiple", KIND_MULTIPLE},
	[MARGIN_INNER] = {"margins", "inner", KIND_LENGTH},
	[MARGIN_OUTER] = {"margins", "outer", KIND_LENGTH},
	[MARGIN_TOP] = {"margins", "top", KIND_LENGTH},
	[MARGIN_BOTTOM] = {"margins", "bottom", KIND_LENGTH},
	[COLUMN_COUNT] = {"columns", "count", KIND_COLUMNS},
	[GUTTER] = {"columns", "gutter", KIND_LENGTH},
	[BASE_SIZE] = {"type", "base_size", KIND_POINTS},
	[LEADING] = {"type", "leading", KIND_POINTS},
	[TITLE_SIZE] = {"type", "title_size", KIND_POINTS},
	[CHAPTER_SIZE] = {"type", "chapter_size", KIND_POINTS},
	[NAME_SIZE] = {"type", "name_size", KIND_POINTS},
	[ARABIC_INDIC_DIGITS] = {"type", "arabic_indic_digits", KIND_SWITCH},
	[TEXT_COLOR] = {"colors", "text", KIND_COLOR},
	[MUTED_COLOR] = {"colors", "muted", KIND_COLOR},
	[FURNITURE_COLOR] = {"colors", "furniture", KIND_COLOR},
	[RUNNING_HEAD] = {"furniture", "running_head", KIND_SWITCH},
	[FOLIO] = {"furniture", "folio", KIND_SWITCH},
	[CHART_HEIGHT] = {"charts", "height", KIND_LENGTH},
	[BLEED] = {"print", "bleed", KIND_BLEED},
	[CROP_MARKS] = {"print", "crop_marks", KIND_SWITCH},
};

/* Heading sizes a file does not give, as multiples of base_size. */
static const double title_scale = 2.6, chapter_scale = 2.2, name_scale = 1.3;

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
	double value[SETTING_COUNT]; /* numbers and switches (1 = yes) */
	struct rgb color[SETTING_COUNT];
	int line[SETTING_COUNT];     /* where each was set; 0 for the default */
};

/* A plain decimal number ("9.5", "18", ".5", "0"): no sign, no exponent,
 * no units, nothing strtod would take beyond that. *out is left alone
 * unless it is one. */
static bool parse_number(const char *s, size_t n, double *out)
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
	*out = strtod(buf, NULL);
	return true;
}

static bool parse_positive(const char *s, size_t n, double *out)
{
	double value;
	if (!parse_number(s, n, &value) || value <= 0)
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

static bool parse_color(const char *s, struct rgb *out)
{
	double c[3];
	if (!text_parse_color(s, c))
		return false;
	*out = (struct rgb){c[0], c[1], c[2]};
	return true;
}

static bool parse_switch(const char *s, double *out)
{
	if (strcmp(s, "yes") == 0 || strcmp(s, "no") == 0) {
		*out = s[0] == 'y';
		return true;
	}
	return false;
}

/* A whole number from low to high. */
static bool parse_whole(const char *s, double low, double high, double *out)
{
	double value;
	if (strchr(s, '.') || !parse_number(s, strlen(s), &value) ||
	    value < low || value > high)
		return false;
	*out = value;
	return true;
}

static bool known_section(const char *section)
{
	for (int i = 0; i < SETTING_COUNT; i++)
		if (strcmp(settings[i].section, section) == 0)
			return true;
	return false;
}

/* Parses value as setting s wants it; on a mistake reports it at at. */
static bool parse_setting(struct layout_reader *r, int s, const char *value,
			  struct span at)
{
	char q[TEXT_QUOTE_SIZE];
	const char *key = settings[s].key;
	double number;
	switch (settings[s].kind) {
	case KIND_PAGE_SIZE:
		if (parse_page_size(value, &r->width, &r->height))
			return true;
		diag_error(r->diags, at,
			   "size must be a4, a5, a6, letter or WIDTHxHEIGHT in mm, not %s",
			   text_quote(q, value));
		return false;
	case KIND_LENGTH:
	case KIND_POINTS:
		if (parse_positive(value, strlen(value), &r->value[s]))
			return true;
		diag_error(r->diags, at, "%s must be a positive number of %s, not %s", key,
			   settings[s].kind == KIND_LENGTH ? "mm" : "points",
			   text_quote(q, value));
		return false;
	case KIND_COLOR:
		if (parse_color(value, &r->color[s]))
			return true;
		diag_error(r->diags, at, "%s must be a color #RRGGBB, not %s", key,
			   text_quote(q, value));
		return false;
	case KIND_SWITCH:
		if (parse_switch(value, &r->value[s]))
			return true;
		diag_error(r->diags, at, "%s must be yes or no, not %s", key,
			   text_quote(q, value));
		return false;
	case KIND_COLUMNS:
		if (parse_whole(value, 1, 2, &r->value[s]))
			return true;
		diag_error(r->diags, at, "count must be 1 or 2 columns, not %s",
			   text_quote(q, value));
		return false;
	case KIND_MULTIPLE:
		if (parse_whole(value, 1, 32, &r->value[s]))
			return true;
		diag_error(r->diags, at, "%s must be a whole number from 1 to 32, not %s",
			   key, text_quote(q, value));
		return false;
	case KIND_BLEED:
		if (parse_number(value, strlen(value), &number) && number <= MAX_BLEED_MM) {
			r->value[s] = number;
			return true;
		}
		diag_error(r->diags, at, "bleed must be a number of mm from 0 to %g, not %s",
			   MAX_BLEED_MM, text_quote(q, value));
		return false;
	}
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
	if (parse_setting(r, s, value, at))
		r->line[s] = at.line;
}

static int latest(int a, int b, int c)
{
	int m = a > b ? a : b;
	return m > c ? m : c;
}

/* Reports margins that leave less than MIN_TEXT_MM of text between
 * them, at the line of the latest setting involved. Returns the room. */
static double check_text_room(struct layout_reader *r, double page, enum setting m1,
			      enum setting m2, int page_line, const char *which)
{
	double room = page - r->value[m1] - r->value[m2];
	if (room >= MIN_TEXT_MM)
		return room;
	int line = latest(page_line, r->line[m1], r->line[m2]);
	diag_error(r->diags, ((struct span){r->path, line, 0}),
		   "margins leave %g mm of text %s; at least %g mm is needed",
		   room, which, MIN_TEXT_MM);
	return room;
}

/* Reports a gutter that leaves columns narrower than MIN_COLUMN_MM. */
static void check_column_room(struct layout_reader *r, double text_width)
{
	int columns = (int)r->value[COLUMN_COUNT];
	if (columns < 2 || text_width < MIN_TEXT_MM)
		return;
	double column = (text_width - r->value[GUTTER]) / columns;
	if (column >= MIN_COLUMN_MM)
		return;
	int line = latest(r->line[GUTTER], r->line[COLUMN_COUNT], r->line[PAGE_SIZE]);
	diag_error(r->diags, ((struct span){r->path, line, 0}),
		   "a gutter of %g mm leaves columns %g mm wide; at least %g mm is needed",
		   r->value[GUTTER], column, MIN_COLUMN_MM);
}

static double size_or_scaled(const struct layout_reader *r, enum setting s, double scale)
{
	return r->line[s] ? r->value[s] : r->value[BASE_SIZE] * scale;
}

enum status layout_read(struct layout *layout, const char *path,
			struct diag_list *diags)
{
	struct layout_reader r = {
		.path = path, .diags = diags,
		.width = 148, .height = 210,
		.value = {
			[FACING] = 1, [PAGE_COUNT_MULTIPLE] = 4,
			[MARGIN_INNER] = 18, [MARGIN_OUTER] = 14,
			[MARGIN_TOP] = 16, [MARGIN_BOTTOM] = 20,
			[COLUMN_COUNT] = 1, [GUTTER] = 6,
			[BASE_SIZE] = 9.5, [LEADING] = 13,
			[RUNNING_HEAD] = 1, [FOLIO] = 1,
			[CHART_HEIGHT] = 45, [BLEED] = 0, [CROP_MARKS] = 0,
		},
		.color = {
			[TEXT_COLOR] = GREY(0x1A),
			[MUTED_COLOR] = GREY(0x59),
			[FURNITURE_COLOR] = GREY(0x66),
		},
	};
	enum status st = inifile_read(path, on_layout_line, &r, diags);
	if (st == STATUS_OK) {
		double width = check_text_room(&r, r.width, MARGIN_INNER, MARGIN_OUTER,
					       r.line[PAGE_SIZE], "width");
		check_text_room(&r, r.height, MARGIN_TOP, MARGIN_BOTTOM,
				r.line[PAGE_SIZE], "height");
		check_column_room(&r, width);
	}
	*layout = (struct layout){
		.page_width = r.width * MM_TO_PT,
		.page_height = r.height * MM_TO_PT,
		.facing = r.value[FACING] != 0,
		.page_count_multiple = (int)r.value[PAGE_COUNT_MULTIPLE],
		.margin_inner = r.value[MARGIN_INNER] * MM_TO_PT,
		.margin_outer = r.value[MARGIN_OUTER] * MM_TO_PT,
		.margin_top = r.value[MARGIN_TOP] * MM_TO_PT,
		.margin_bottom = r.value[MARGIN_BOTTOM] * MM_TO_PT,
		.columns = (int)r.value[COLUMN_COUNT],
		.gutter = r.value[GUTTER] * MM_TO_PT,
		.base_size = r.value[BASE_SIZE],
		.leading = r.value[LEADING],
		.title_size = size_or_scaled(&r, TITLE_SIZE, title_scale),
		.chapter_size = size_or_scaled(&r, CHAPTER_SIZE, chapter_scale),
		.name_size = size_or_scaled(&r, NAME_SIZE, name_scale),
		.arabic_indic_digits = r.value[ARABIC_INDIC_DIGITS] != 0,
		.text_color = r.color[TEXT_COLOR],
		.muted_color = r.color[MUTED_COLOR],
		.furniture_color = r.color[FURNITURE_COLOR],
		.running_head = r.value[RUNNING_HEAD] != 0,
		.folio = r.value[FOLIO] != 0,
		.chart_height = r.value[CHART_HEIGHT] * MM_TO_PT,
		.bleed = r.value[BLEED] * MM_TO_PT,
		.crop_marks = r.value[CROP_MARKS] != 0,
	};
	return st;
}
