/* chart.c - statistics charts: described from the figures, drawn with
 * cairo into figures of the page model, and written as SVG and PNG. */
#include "chart.h"
#include "half.h"
#include "mem.h"
#include "output.h"
#include "typeset.h"

#include <cairo.h>
#include <cairo-ft.h>
#include <cairo-svg.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PI 3.14159265358979323846

/* Distinct in hue and in lightness, so that neighbouring segments differ
 * in grey too (after Okabe and Ito). */
static const struct rgb palette[] = {
	{0.000, 0.447, 0.698}, {0.902, 0.624, 0.000}, {0.000, 0.620, 0.451},
	{0.800, 0.475, 0.655}, {0.337, 0.706, 0.914}, {0.835, 0.369, 0.000},
	{0.941, 0.894, 0.259}, {0.350, 0.350, 0.350},
};

static const struct rgb ink = {0.1, 0.1, 0.1};
static const struct rgb grey = {0.35, 0.35, 0.35};
static const struct rgb grid_grey = {0.82, 0.82, 0.82};
static const struct rgb others_grey = {0.78, 0.78, 0.78};
static const struct rgb white = {1, 1, 1};
static const struct rgb column_blue = {0.20, 0.33, 0.48};

/* ---- describing ---- */

/* The phrase for n things in lang (translations.h), as a new string. */
static char *counted(enum lang lang, enum counted_id id, long long n)
{
	struct buffer b = {0};
	tr_count(&b, lang, id, n);
	return buffer_take(&b);
}

/* A caption of the translations table with its slots filled. */
static char *formatted(enum lang lang, enum string_id id, const char *first,
		       const char *second, const char *third)
{
	const char *args[] = {first, second, third};
	struct buffer b = {0};
	tr_format(&b, lang, id, args, 3);
	return buffer_take(&b);
}

static char *printed(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *printed(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* n with its thousands grouped ("1,234"), into out of size bytes. */
static void count_text(long long n, char *out, size_t size)
{
	struct buffer b = {0};
	tr_number(&b, n);
	snprintf(out, size, "%s", b.data);
	buffer_free(&b);
}

/* A chart with entries gets its caption; one without gets the sentence
 * that stands in for it. Both say how many of all initiatives reported. */
static void caption_or_empty(struct chart *c, enum lang lang, size_t entries,
			     size_t reporting, const char *all,
			     enum string_id caption, enum string_id none)
{
	char some[32];
	count_text((long long)reporting, some, sizeof some);
	if (entries)
		c->caption = formatted(lang, caption, some, all, "");
	else
		c->empty = formatted(lang, none, some, all, "");
}

static struct chart_entry *add_entry(struct chart *c, size_t *cap, const char *label,
				     long long value, bool known, struct rgb color)
{
	grow_array((void **)&c->entries, cap, c->count + 1, sizeof *c->entries);
	struct chart_entry *e = &c->entries[c->count++];
	*e = (struct chart_entry){.label = xstrdup(label), .value = value,
				  .known = known, .color = color};
	return e;
}

static struct rgb sector_rgb(const struct sector *sec)
{
	return (struct rgb){sec->rgb[0], sec->rgb[1], sec->rgb[2]};
}

/* A year axis of at most 16 columns: years, or periods of 5, 10, 25... */
static int founded_period(int first, int last)
{
	static const int periods[] = {1, 5, 10, 25, 50, 100};
	for (size_t i = 0; i < sizeof periods / sizeof *periods; i++) {
		int p = periods[i];
		if (last / p - first / p + 1 <= 16)
			return p;
	}
	return 100;
}

static void describe_founded(struct chart *c, const struct stats *st, size_t *cap)
{
	if (!st->year_count)
		return;
	int period = founded_period(st->first_year, st->last_year);
	int from = st->first_year / period * period;
	int to = st->last_year / period * period;
	size_t k = 0;
	for (int y = from; y <= to; y += period) {
		long long count = 0;
		for (; k < st->year_count && st->by_year[k].year < y + period; k++)
			count += (long long)st->by_year[k].count;
		char label[32];
		if (period == 1)
			snprintf(label, sizeof label, "%d", y);
		else if (y / 100 == (y + period - 1) / 100)
			snprintf(label, sizeof label, "%d\u2013%02d", y, (y + period - 1) % 100);
		else
			snprintf(label, sizeof label, "%d\u2013%d", y, y + period - 1);
		add_entry(c, cap, label, count, true, column_blue);
	}
}

/* A label beside a number: the noun in the form the number asks for. */
static void add_counted_entry(struct chart *c, size_t *cap, enum counted_id label,
			      long long value)
{
	char *text = counted(c->lang, label, value);
	add_entry(c, cap, text, value, true, ink);
	free(text);
}

static void describe_key_figures(struct chart *c, const struct stats *st, size_t *cap)
{
	char a[32];
	add_counted_entry(c, cap, LABEL_INITIATIVES, (long long)st->initiatives);
	add_counted_entry(c, cap, LABEL_SECTORS, (long long)st->sectors);
	count_text((long long)st->reporting_people, a, sizeof a);
	char *all = counted(c->lang, COUNT_OF_INITIATIVES, (long long)st->initiatives);
	char *reporting = formatted(c->lang, STR_KEY_REPORTING, a, all, "");
	char *reached = counted(c->lang, LABEL_PEOPLE_REACHED, st->people);
	char *people = printed("%s %s", reached, reporting);
	add_entry(c, cap, people, st->people, st->reporting_people > 0, ink);
	free(people);
	free(reached);
	free(reporting);
	free(all);
	if (st->year_count) {
		long long years = st->last_year - st->first_year + 1;
		char first[16], last[16];
		snprintf(first, sizeof first, "%d", st->first_year);
		snprintf(last, sizeof last, "%d", st->last_year);
		char *span = years == 1 ? xstrdup(first)
					: formatted(c->lang, STR_YEARS_SPAN, first, last, "");
		char *covered = counted(c->lang, LABEL_YEARS_COVERED, years);
		char *label = printed("%s%s %s", covered, tr(c->lang, STR_LIST_COMMA), span);
		add_entry(c, cap, label, years, true, ink);
		free(label);
		free(covered);
		free(span);
	} else {
		char *covered = counted(c->lang, LABEL_YEARS_COVERED, 0);
		char *label = printed("%s: %s", covered, tr(c->lang, STR_NO_YEARS));
		add_entry(c, cap, label, 0, false, ink);
		free(label);
		free(covered);
	}
	add_counted_entry(c, cap, LABEL_PLACES, (long long)st->places);
}

struct chart *chart_make(enum chart_kind kind, const struct catalog *cat,
			 const struct stats *st, size_t sector)
{
	struct chart *c = xcalloc(1, sizeof *c);
	c->kind = kind;
	enum lang lang = LANG_EN;
	if (cat->edition.lang.text)   /* a catalog that was never read has none */
		lang_parse(cat->edition.lang.text, &lang);
	c->lang = lang;
	c->right_to_left = lang_is_rtl(lang);
	size_t cap = 0;
	char some[32];
	char *all = counted(lang, COUNT_OF_INITIATIVES, (long long)st->initiatives);
	switch (kind) {
	case CHART_KEY_FIGURES:
		describe_key_figures(c, st, &cap);
		break;
	case CHART_SECTORS:
	case CHART_PEOPLE:
		c->title = xstrdup(tr(lang, kind == CHART_SECTORS ? STR_CHART_SECTORS
								  : STR_CHART_PEOPLE));
		for (size_t s = 0; s < cat->sector_count; s++) {
			const struct sector_stats *ss = &st->by_sector[s];
			if (!ss->initiatives)
				continue;
			const char *name = stats_sector_name(&cat->sectors[s], lang);
			if (kind == CHART_SECTORS)
				add_entry(c, &cap, name, (long long)ss->initiatives, true,
					  sector_rgb(&cat->sectors[s]));
			else
				add_entry(c, &cap, name, ss->people, ss->reporting > 0,
					  sector_rgb(&cat->sectors[s]));
		}
		if (kind == CHART_PEOPLE) {
			count_text((long long)st->reporting_people, some, sizeof some);
			c->caption = formatted(lang, STR_CAPTION_PEOPLE, some, all, "");
		}
		break;
	case CHART_FOUNDED:
		c->title = xstrdup(tr(lang, STR_CHART_FOUNDED));
		describe_founded(c, st, &cap);
		caption_or_empty(c, lang, st->year_count, st->reporting_year, all,
				 STR_CAPTION_FOUNDED, STR_FOUNDED_NONE);
		break;
	case CHART_REGIONS:
		c->title = xstrdup(tr(lang, STR_CHART_REGIONS));
		for (size_t r = 0; r < st->region_count; r++)
			add_entry(c, &cap, stats_region_name(&st->by_region[r], lang),
				  (long long)st->by_region[r].count, true,
				  palette[r % (sizeof palette / sizeof *palette)]);
		caption_or_empty(c, lang, st->region_count, st->reporting_region, all,
				 STR_CAPTION_REGIONS, STR_REGIONS_NONE);
		break;
	case CHART_SECTOR_SHARE: {
		for (size_t s = 0; s < cat->sector_count; s++) {
			if (!st->by_sector[s].initiatives)
				continue;
			if (s == sector)
				c->highlight = c->count;
			add_entry(c, &cap, stats_sector_name(&cat->sectors[s], lang),
				  (long long)st->by_sector[s].initiatives, true,
				  s == sector ? sector_rgb(&cat->sectors[s]) : others_grey);
		}
		const struct sector_stats *mine = &st->by_sector[sector];
		char count[32], percent[16], people[32];
		count_text((long long)mine->initiatives, count, sizeof count);
		snprintf(percent, sizeof percent, "%.0f",
			 st->initiatives ? 100.0 * (double)mine->initiatives /
						   (double)st->initiatives : 0.0);
		struct buffer text = {0};
		const char *share[] = {count, all, percent};
		tr_format(&text, lang, STR_SHARE_INITIATIVES, share, 3);
		if (mine->reporting) {
			count_text(mine->people, people, sizeof people);
			char *of_people = counted(lang, COUNT_OF_PEOPLE, st->people);
			const char *reached[] = {people, of_people};
			tr_format(&text, lang, STR_SHARE_PEOPLE, reached, 2);
			free(of_people);
		}
		c->title = buffer_take(&text);
		break;
	}
	}
	free(all);
	if (!c->title)
		c->title = xstrdup("");
	if (!c->caption)
		c->caption = xstrdup("");
	return c;
}

void chart_free(struct chart *chart)
{
	if (!chart)
		return;
	for (size_t i = 0; i < chart->count; i++)
		free(chart->entries[i].label);
	free(chart->entries);
	free(chart->title);
	free(chart->caption);
	free(chart->empty);
	free(chart);
}

/* ---- numbers and colors ---- */

long long chart_tick_step(long long max)
{
	long long power = 1;
	while (power <= max / 100)
		power *= 10;
	/* From a step surely too small, the first of 1, 2, 5 times a power of
	 * ten that reaches max in five steps. */
	for (;; power *= 10) {
		static const int mult[] = {1, 2, 5};
		for (int k = 0; k < 3; k++) {
			long long step = mult[k] * power;
			if ((max + step - 1) / step <= 5)
				return step;
		}
	}
}

static double channel(double c)
{
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(struct rgb c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double chart_contrast(struct rgb a, struct rgb b)
{
	double la = luminance(a), lb = luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

struct rgb chart_text_color(struct rgb fill)
{
	struct rgb black = {0, 0, 0};
	return chart_contrast(fill, white) >= chart_contrast(fill, black) ? white : black;
}

/* ---- drawing into a figure ---- */

/* What drawing a figure needs: the figure, a cairo context that only
 * builds paths (nothing is painted on it), the fonts and the type size. */
struct sketch {
	struct page *fig;
	cairo_t *cr;
	struct fontset *fonts;
	double size;          /* labels; everything else scales from it */
	double width;
	double plot_height;   /* columns' plot, the donut's largest diameter */
	bool arabic_digits;   /* the chart's */
	bool right_to_left;   /* the figure is mirrored once drawn */
};

enum anchor { ANCHOR_LEFT, ANCHOR_RIGHT, ANCHOR_CENTER };

/* Copies the path built on the context into a path item, filled and/or
 * stroked (NULL: not). */
static void emit(struct sketch *s, const struct rgb *fill, const struct rgb *stroke,
		 double line_width)
{
	cairo_path_t *cp = cairo_copy_path(s->cr);
	struct path path = {.fill = fill != NULL, .stroke = stroke != NULL,
			    .line_width = line_width};
	if (fill)
		path.fill_color = *fill;
	if (stroke)
		path.stroke_color = *stroke;
	path.ops = xcalloc((size_t)cp->num_data + 1, sizeof *path.ops);
	for (int i = 0; i < cp->num_data; i += cp->data[i].header.length) {
		const cairo_path_data_t *d = &cp->data[i];
		struct path_op op = {0};
		int points = 1;
		switch (d->header.type) {
		case CAIRO_PATH_MOVE_TO:
			op.kind = PATH_MOVE;
			break;
		case CAIRO_PATH_LINE_TO:
			op.kind = PATH_LINE;
			break;
		case CAIRO_PATH_CURVE_TO:
			op.kind = PATH_CURVE;
			points = 3;
			break;
		case CAIRO_PATH_CLOSE_PATH:
			op.kind = PATH_CLOSE;
			points = 0;
			break;
		}
		for (int k = 0; k < points; k++) {
			op.x[k] = d[k + 1].point.x;
			op.y[k] = d[k + 1].point.y;
		}
		path.ops[path.op_count++] = op;
	}
	/* cairo starts a new subpath after each close; a last one is empty. */
	if (path.op_count && path.ops[path.op_count - 1].kind == PATH_MOVE)
		path.op_count--;
	cairo_path_destroy(cp);
	cairo_new_path(s->cr);
	page_add(s->fig, (struct item){.kind = ITEM_PATH, .u.path = path});
}

static void fill_rect(struct sketch *s, double x, double y, double w, double h,
		      struct rgb color)
{
	cairo_rectangle(s->cr, x, y, w, h);
	emit(s, &color, NULL, 0);
}

static void hairline(struct sketch *s, double x1, double y1, double x2, double y2,
		     struct rgb color, double width)
{
	cairo_move_to(s->cr, x1, y1);
	cairo_line_to(s->cr, x2, y2);
	emit(s, NULL, &color, width);
}

/* A label takes the direction of its first letter; one with no letter
 * ("11 (46%)", "1985–89") reads in the chart's direction. */
static enum direction label_direction(const struct sketch *s)
{
	return s->right_to_left ? DIR_AUTO_RTL : DIR_AUTO;
}

static struct text_style label_style(double size, bool bold)
{
	return (struct text_style){.family = FAMILY_SANS, .bold = bold, .size = size};
}

/* Places one typeset line with its left edge at x and its baseline at y.
 * A right-to-left figure is mirrored run by run once drawn, which would
 * reverse the runs of a line ("4 من أصل 25" read "25 من أصل 4"), so
 * there the runs are placed in reverse: mirroring puts them back in
 * order, and moves the line whole. */
static void place_line(struct sketch *s, const struct line *line, double x, double y,
		       struct rgb color)
{
	double origin = line->run_count ? line->runs[0].x : 0;
	for (size_t r = 0; r < line->run_count; r++) {
		const struct line_run *run = &line->runs[r];
		double offset = run->x - origin;
		if (s->right_to_left)
			offset = line->width - offset - run->width;
		uint16_t *adjust;
		char *text = run_text_copy(run->text, run->adjust, &adjust);
		page_add(s->fig, (struct item){.kind = ITEM_GLYPHS, .u.glyphs = {
			.face = run->face, .size = run->size, .x = x + offset,
			.y = y, .width = run->width, .color = color,
			.text = text, .adjust = adjust}});
	}
}

static double line_left(double x, double width, enum anchor anchor)
{
	switch (anchor) {
	case ANCHOR_RIGHT:
		return x - width;
	case ANCHOR_CENTER:
		return x - width / 2;
	case ANCHOR_LEFT:
		break;
	}
	return x;
}

/* Sets text on one line anchored at x, baseline y; returns its width. */
static double put_text(struct sketch *s, const char *text, struct text_style style,
		       struct rgb color, double x, double y, enum anchor anchor)
{
	style.arabic_digits = s->arabic_digits;
	struct lines lines;
	typeset_paragraph(s->fonts, text, &style, label_direction(s), ALIGN_START, 1e9, &lines);
	double width = lines.count ? lines.items[0].width : 0;
	if (lines.count)
		place_line(s, &lines.items[0], line_left(x, width, anchor), y, color);
	lines_free(&lines);
	return width;
}

static double text_width(struct sketch *s, const char *text, struct text_style style)
{
	style.arabic_digits = s->arabic_digits;
	return typeset_width(s->fonts, text, &style);
}

/* The first n characters of text (UTF-8), without trailing spaces, and an
 * ellipsis. */
static char *shortened(const char *text, size_t n)
{
	size_t bytes = 0;
	for (size_t k = 0; k < n && text[bytes]; k++) {
		bytes++;
		while ((text[bytes] & 0xC0) == 0x80)
			bytes++;
	}
	while (bytes > 0 && text[bytes - 1] == ' ')
		bytes--;
	struct buffer b = {0};
	buffer_append(&b, text, bytes);
	buffer_append_str(&b, "\u2026");
	return buffer_take(&b);
}

static size_t char_count(const char *text)
{
	size_t n = 0;
	for (const char *p = text; *p; p++)
		n += (*p & 0xC0) != 0x80;
	return n;
}

/* Breaks text into at most max_lines lines of width; a text that needs
 * more is cut as late as fits and ends with an ellipsis. */
static void fit_text(struct sketch *s, const char *text, struct text_style style,
		     double width, size_t max_lines, struct lines *out)
{
	style.arabic_digits = s->arabic_digits;
	typeset_paragraph(s->fonts, text, &style, label_direction(s), ALIGN_START, width, out);
	if (out->count <= max_lines)
		return;
	size_t lo = 0, hi = char_count(text);   /* lo fits, hi does not */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		char *cut = shortened(text, mid);
		struct lines trial;
		typeset_paragraph(s->fonts, cut, &style, label_direction(s), ALIGN_START, width, &trial);
		bool fits = trial.count <= max_lines;
		lines_free(&trial);
		free(cut);
		if (fits)
			lo = mid;
		else
			hi = mid;
	}
	lines_free(out);
	char *cut = shortened(text, lo);
	typeset_paragraph(s->fonts, cut, &style, label_direction(s), ALIGN_START, width, out);
	free(cut);
}

/* Sets a wrapped paragraph from top (its first line box); returns the
 * height used. */
static double put_paragraph(struct sketch *s, const char *text, struct text_style style,
			    struct rgb color, double x, double top, double width,
			    size_t max_lines)
{
	if (!*text)
		return 0;
	struct lines lines;
	fit_text(s, text, style, width, max_lines, &lines);
	double leading = style.size * 1.25;
	for (size_t i = 0; i < lines.count; i++)
		place_line(s, &lines.items[i], x,
			   top + leading * (double)i + style.size * 0.95, color);
	double height = leading * (double)lines.count;
	lines_free(&lines);
	return height;
}

static double put_title(struct sketch *s, const char *title, double top)
{
	if (!*title)
		return top;
	double h = put_paragraph(s, title, label_style(s->size * 1.2, true), ink, 0, top,
				 s->width, 3);
	return top + h + s->size * 0.6;
}

static double put_caption(struct sketch *s, const char *caption, double top)
{
	if (!*caption)
		return top;
	top += s->size * 0.5;
	return top + put_paragraph(s, caption, label_style(s->size * 0.9, false), grey,
				   0, top, s->width, 4);
}

static void entry_value(const struct chart_entry *e, enum lang lang, char *out, size_t size)
{
	if (e->known)
		count_text(e->value, out, size);
	else
		snprintf(out, size, "%s", tr(lang, STR_NO_NUMBERS));
}

static long long largest(const struct chart *c)
{
	long long max = 0;
	for (size_t i = 0; i < c->count; i++)
		if (c->entries[i].known && c->entries[i].value > max)
			max = c->entries[i].value;
	return max;
}

/* Ticks 0, step, 2 step ... up to the first multiple of step at or above
 * max: the axis' end. */
static long long axis_end(long long max, long long step)
{
	long long end = (max + step - 1) / step * step;
	return end ? end : step;
}

/* Horizontal bars: the name on the left (two lines at most), the bar in
 * its entry's color, the value at its end: inside when it fits, in the
 * color that contrasts most, else just after it. */
static double draw_bars(struct sketch *s, const struct chart *c, double top)
{
	struct text_style name = label_style(s->size, false);
	struct text_style value = label_style(s->size, true);
	struct text_style tick = label_style(s->size * 0.85, false);
	double pad = s->size * 0.4;
	double name_width = 0, value_width = 0;
	for (size_t i = 0; i < c->count; i++) {
		char v[40];
		entry_value(&c->entries[i], c->lang, v, sizeof v);
		double w = text_width(s, c->entries[i].label, name);
		name_width = w > name_width ? w : name_width;
		w = text_width(s, v, value);
		value_width = w > value_width ? w : value_width;
	}
	if (name_width > s->width * 0.36)
		name_width = s->width * 0.36;
	double x0 = name_width + s->size * 0.8;
	double plot = s->width - x0 - value_width - pad;
	long long max = largest(c);
	long long step = chart_tick_step(max);
	long long end = axis_end(max, step);

	double y = top;
	double bar_height = s->size * 1.35;
	size_t first_item = s->fig->item_count;
	for (size_t i = 0; i < c->count; i++) {
		const struct chart_entry *e = &c->entries[i];
		struct lines lines;
		fit_text(s, e->label, name, name_width, 2, &lines);
		double leading = s->size * 1.2;
		double text_height = leading * (double)lines.count;
		double row = fmax(bar_height + s->size * 0.55, text_height + s->size * 0.45);
		double middle = y + row / 2;
		for (size_t k = 0; k < lines.count; k++)
			place_line(s, &lines.items[k], 0,
				   middle - text_height / 2 + leading * (double)k +
				   s->size * 0.92, ink);
		lines_free(&lines);
		double length = e->known ? plot * (double)e->value / (double)end : 0;
		if (length > 0)
			fill_rect(s, x0, middle - bar_height / 2, length, bar_height, e->color);
		char v[40];
		entry_value(e, c->lang, v, sizeof v);
		double baseline = middle + s->size * 0.36;
		double w = text_width(s, v, value);
		if (e->known && w + 2 * pad <= length)
			put_text(s, v, value, chart_text_color(e->color), x0 + length - pad,
				 baseline, ANCHOR_RIGHT);
		else
			put_text(s, v, e->known ? value : label_style(s->size, false),
				 e->known ? ink : grey, x0 + length + pad, baseline, ANCHOR_LEFT);
		y += row;
	}
	/* Grid lines behind the bars: drawn now, moved before them. */
	size_t bars_end = s->fig->item_count;
	for (long long t = step; t <= end; t += step) {
		double x = x0 + plot * (double)t / (double)end;
		hairline(s, x, top, x, y, grid_grey, 0.4);
	}
	size_t grid = s->fig->item_count - bars_end;
	struct item *items = s->fig->items;
	struct item *tmp = xmalloc(grid * sizeof *tmp + 1);
	memcpy(tmp, items + bars_end, grid * sizeof *tmp);
	memmove(items + first_item + grid, items + first_item,
		(bars_end - first_item) * sizeof *items);
	memcpy(items + first_item, tmp, grid * sizeof *tmp);
	free(tmp);
	for (long long t = 0; t <= end; t += step) {
		char label[32];
		count_text(t, label, sizeof label);
		put_text(s, label, tick, grey, x0 + plot * (double)t / (double)end,
			 y + s->size * 1.15, ANCHOR_CENTER);
	}
	hairline(s, x0, top, x0, y, ink, 0.6);
	return y + s->size * 1.5;
}

/* A chart with nothing to draw says so in a framed sentence, not with
 * an empty axis or ring. */
static double draw_empty(struct sketch *s, const struct chart *c, double top)
{
	double h = s->size * 5;
	cairo_rectangle(s->cr, 0.3, top + 0.3, s->width - 0.6, h - 0.6);
	emit(s, NULL, &grid_grey, 0.6);
	put_paragraph(s, c->empty, label_style(s->size, false), grey, s->size,
		      top + h / 2 - s->size * 0.8, s->width - 2 * s->size, 2);
	return top + h;
}

/* Columns on a year axis, the count above each; labels that would touch
 * their neighbours are thinned to every second, third... */
static double draw_columns(struct sketch *s, const struct chart *c, double top)
{
	struct text_style tick = label_style(s->size * 0.85, false);
	struct text_style value = label_style(s->size * 0.9, true);
	long long max = largest(c);
	long long step = chart_tick_step(max);
	long long end = axis_end(max, step);
	double y_label_width = 0;
	for (long long t = 0; t <= end; t += step) {
		char label[32];
		count_text(t, label, sizeof label);
		y_label_width = fmax(y_label_width, text_width(s, label, tick));
	}
	double x0 = y_label_width + s->size * 0.6;
	double plot_width = s->width - x0;
	double plot_top = top + s->size * 1.4;   /* room for the top count */
	double plot_height = s->plot_height;
	double bottom = plot_top + plot_height;
	for (long long t = 0; t <= end; t += step) {
		double y = bottom - plot_height * (double)t / (double)end;
		if (t)
			hairline(s, x0, y, s->width, y, grid_grey, 0.4);
		char label[32];
		count_text(t, label, sizeof label);
		put_text(s, label, tick, grey, x0 - s->size * 0.4, y + s->size * 0.3,
			 ANCHOR_RIGHT);
	}
	double slot = plot_width / (double)c->count;
	double label_width = 0;
	for (size_t i = 0; i < c->count; i++)
		label_width = fmax(label_width, text_width(s, c->entries[i].label, tick));
	size_t every = (size_t)ceil((label_width + s->size * 0.6) / slot);
	every = every ? every : 1;
	for (size_t i = 0; i < c->count; i++) {
		const struct chart_entry *e = &c->entries[i];
		double middle = x0 + slot * ((double)i + 0.5);
		double height = plot_height * (double)e->value / (double)end;
		double column = fmin(slot * 0.7, s->size * 4);
		if (height > 0)
			fill_rect(s, middle - column / 2, bottom - height, column, height,
				  e->color);
		if (e->value) {
			char v[32];
			count_text(e->value, v, sizeof v);
			put_text(s, v, value, ink, middle, bottom - height - s->size * 0.3,
				 ANCHOR_CENTER);
		}
		if (i % every == 0) {
			hairline(s, middle, bottom, middle, bottom + s->size * 0.3, ink, 0.6);
			put_text(s, e->label, tick, ink, middle, bottom + s->size * 1.3,
				 ANCHOR_CENTER);
		}
	}
	hairline(s, x0, bottom, s->width, bottom, ink, 0.6);
	return bottom + s->size * 1.8;
}

/* Returns true when a label of the given half-size at (x, y) stays clear
 * of every one placed before (stored in placed, count in *n). */
static bool clear_of(const double (*placed)[2], size_t n, double x, double y,
		     double half_w, double half_h)
{
	for (size_t i = 0; i < n; i++)
		if (fabs(placed[i][0] - x) < 2 * half_w && fabs(placed[i][1] - y) < 2 * half_h)
			return false;
	return true;
}

static long long chart_total(const struct chart *c)
{
	long long total = 0;
	for (size_t i = 0; i < c->count; i++)
		total += c->entries[i].value;
	return total;
}

/* A donut, most initiatives first, clockwise from twelve o'clock; each
 * segment carries its number in the legend, inside when it fits, else
 * just outside; the legend gives number, name, count and share. */
static double draw_donut(struct sketch *s, const struct chart *c, double top)
{
	long long total = chart_total(c);
	if (!total)
		return top;
	struct text_style number = label_style(s->size * 0.85, true);
	double margin = s->size * 1.4;
	double diameter = fmin(s->width * 0.45, s->plot_height);
	double outer = diameter / 2, inner = outer * 0.56;
	double cx = margin + outer, cy = top + margin + outer;
	double angle = -PI / 2;
	double (*placed)[2] = xcalloc(c->count + 1, sizeof *placed);
	size_t placed_count = 0;
	for (size_t i = 0; i < c->count; i++) {
		const struct chart_entry *e = &c->entries[i];
		double sweep = 2 * PI * (double)e->value / (double)total;
		cairo_arc(s->cr, cx, cy, outer, angle, angle + sweep);
		cairo_arc_negative(s->cr, cx, cy, inner, angle + sweep, angle);
		cairo_close_path(s->cr);
		emit(s, &e->color, c->count > 1 ? &white : NULL, 0.8);
		char n[24];
		snprintf(n, sizeof n, "%zu", i + 1);
		double w = text_width(s, n, number);
		double mid = angle + sweep / 2, ring = (outer + inner) / 2;
		bool inside = sweep * ring >= w + s->size * 0.8;
		double r = inside ? ring : outer + s->size * 0.75;
		double x = cx + r * cos(mid), y = cy + r * sin(mid);
		if (inside || clear_of((const double (*)[2])placed, placed_count, x, y,
				       w / 2 + 1, s->size * 0.45)) {
			put_text(s, n, number, inside ? chart_text_color(e->color) : ink, x,
				 y + s->size * 0.3, ANCHOR_CENTER);
			placed[placed_count][0] = x;
			placed[placed_count][1] = y;
			placed_count++;
		}
		angle += sweep;
	}
	free(placed);
	char sum[32];
	count_text(total, sum, sizeof sum);
	put_text(s, sum, label_style(s->size * 1.6, true), ink, cx, cy + s->size * 0.55,
		 ANCHOR_CENTER);
	double donut_bottom = cy + outer + margin;

	/* The legend: beside the donut when it fits there, else beneath it
	 * in two columns. */
	struct text_style name = label_style(s->size * 0.9, false);
	struct text_style bold = label_style(s->size * 0.9, true);
	double row = s->size * 0.9 * 1.25;
	double side_x = 2 * margin + diameter;
	size_t columns = 1;
	double legend_x = side_x, legend_top = top + margin * 0.5;
	double column_width = fmin(s->width - side_x, s->size * 30);   /* counts near their names */
	double legend_height = 0;
	for (size_t i = 0; i < c->count; i++)
		legend_height += row * 2 + s->size * 0.25;   /* two lines at most */
	if (legend_height > donut_bottom - legend_top || column_width < s->size * 10) {
		columns = 2;
		legend_x = 0;
		legend_top = donut_bottom;
		column_width = (s->width - s->size) / 2;
	}
	size_t per_column = (c->count + columns - 1) / columns;
	double number_width = text_width(s, "00", bold);
	double count_width = text_width(s, "0,000 (100%)", name);
	double swatch = s->size * 0.8;
	double lowest = legend_top;
	for (size_t col = 0; col < columns; col++) {
		double y = legend_top;
		double x = legend_x + (double)col * (column_width + s->size);
		for (size_t i = col * per_column; i < c->count && i < (col + 1) * per_column; i++) {
			const struct chart_entry *e = &c->entries[i];
			fill_rect(s, x, y + row * 0.5 - swatch * 0.8, swatch, swatch, e->color);
			char n[24], v[64], count[32];
			snprintf(n, sizeof n, "%zu", i + 1);
			double number_end = x + swatch + s->size * 0.4 + number_width;
			put_text(s, n, bold, ink, number_end, y + row * 0.5, ANCHOR_RIGHT);
			count_text(e->value, count, sizeof count);
			snprintf(v, sizeof v, "%s (%.0f%%)", count,
				 100.0 * (double)e->value / (double)total);
			double name_x = number_end + s->size * 0.4;
			double name_width = x + column_width - name_x - count_width;
			double h = put_paragraph(s, e->label, name, ink, name_x,
						 y + row * 0.5 - s->size * 0.9 * 0.95 - 0.0,
						 fmax(name_width, s->size * 4), 2);
			put_text(s, v, name, grey, x + column_width, y + row * 0.5, ANCHOR_RIGHT);
			y += fmax(h, row) + s->size * 0.25;
		}
		lowest = fmax(lowest, y);
	}
	return fmax(donut_bottom, lowest);
}

/* This sector's initiatives among all the booklet's, as a strip cut in
 * proportion: the sector in its color, the others grey, and a mark
 * beneath it, so that it does not depend on color. */
static double draw_share(struct sketch *s, const struct chart *c, double top)
{
	long long total = chart_total(c);
	if (!total)
		return top;
	double height = s->size * 0.9, gap = 1.0;
	double x = 0;
	for (size_t i = 0; i < c->count; i++) {
		const struct chart_entry *e = &c->entries[i];
		double w = s->width * (double)e->value / (double)total;
		double drawn = i + 1 < c->count ? w - gap : w;
		fill_rect(s, x, top, fmax(drawn, 0.5), height, e->color);
		if (i == c->highlight) {
			double mid = x + drawn / 2, tip = top + height + 1.5;
			cairo_move_to(s->cr, mid, tip);
			cairo_line_to(s->cr, mid - s->size * 0.4, tip + s->size * 0.55);
			cairo_line_to(s->cr, mid + s->size * 0.4, tip + s->size * 0.55);
			cairo_close_path(s->cr);
			emit(s, &ink, NULL, 0);
		}
		x += w;
	}
	return top + height + s->size * 0.6 + 2;
}

/* Key figures: a big number, right-aligned on a common edge, and what it
 * counts beside it. */
static double draw_key_figures(struct sketch *s, const struct chart *c, double top)
{
	struct text_style big = label_style(s->size * 2.1, true);
	struct text_style label = label_style(s->size * 1.15, false);
	double number_width = 0;
	for (size_t i = 0; i < c->count; i++) {
		char v[40];
		entry_value(&c->entries[i], c->lang, v, sizeof v);
		number_width = fmax(number_width, text_width(s, c->entries[i].known ? v : "\u2013", big));
	}
	double y = top;
	for (size_t i = 0; i < c->count; i++) {
		const struct chart_entry *e = &c->entries[i];
		char v[40];
		entry_value(e, c->lang, v, sizeof v);
		double baseline = y + s->size * 2.1 * 0.95;
		/* Digits align on their units, which stay on the right in a
		 * mirrored figure too: there the numbers are flush with its
		 * right edge, once mirrored. */
		if (s->right_to_left)
			put_text(s, e->known ? v : "\u2013", big, e->color, 0, baseline,
				 ANCHOR_LEFT);
		else
			put_text(s, e->known ? v : "\u2013", big, e->color, number_width,
				 baseline, ANCHOR_RIGHT);
		double x = number_width + s->size * 0.6;
		struct lines lines;
		fit_text(s, e->label, label, s->width - x, 3, &lines);
		double leading = label.size * 1.2;
		for (size_t k = 0; k < lines.count; k++)
			place_line(s, &lines.items[k], x, baseline + leading * (double)k, grey);
		double extra = lines.count > 1 ? leading * (double)(lines.count - 1) : 0;
		lines_free(&lines);
		y += s->size * 2.9 + extra;
	}
	return y;
}

static double draw_chart(struct sketch *s, const struct chart *c)
{
	double y;
	if (c->kind == CHART_SECTOR_SHARE)
		y = put_paragraph(s, c->title, label_style(s->size, false), grey, 0, 0,
				  s->width, 3) + s->size * 0.35;
	else
		y = put_title(s, c->title, 0);
	if (c->empty)
		return draw_empty(s, c, y);
	switch (c->kind) {
	case CHART_KEY_FIGURES:
		y = draw_key_figures(s, c, y);
		break;
	case CHART_SECTORS:
	case CHART_PEOPLE:
		y = draw_bars(s, c, y);
		break;
	case CHART_FOUNDED:
		y = draw_columns(s, c, y);
		break;
	case CHART_REGIONS:
		y = draw_donut(s, c, y);
		break;
	case CHART_SECTOR_SHARE:
		y = draw_share(s, c, y);
		break;
	}
	return put_caption(s, c->caption, y);
}

/* Moves the glyph runs [from, to) of fig, one line of text, so that the
 * line's right end comes where its left end was: mirrored as a whole. */
static void mirror_line(struct page *fig, size_t from, size_t to)
{
	double left = fig->items[from].u.glyphs.x;
	const struct glyph_run *last = &fig->items[to - 1].u.glyphs;
	double shift = fig->width - (last->x + last->width) - left;
	for (size_t i = from; i < to; i++)
		fig->items[i].u.glyphs.x += shift;
}

/* The end of the line of text that starts with glyph run `from`: the runs
 * after it on its baseline, each starting where the one before ended. */
static size_t line_end(const struct page *fig, size_t from)
{
	size_t to = from + 1;
	while (to < fig->item_count && fig->items[to].kind == ITEM_GLYPHS) {
		const struct glyph_run *g = &fig->items[to].u.glyphs;
		const struct glyph_run *prev = &fig->items[to - 1].u.glyphs;
		if (g->y != prev->y || fabs(g->x - (prev->x + prev->width)) > 0.01)
			break;
		to++;
	}
	return to;
}

/* Mirrors a figure left to right. Shapes change sides; a line of text
 * moves whole, its runs in their order, so that it still reads (moving
 * each run on its own would read a Hebrew caption with numbers in it
 * backwards). */
static void mirror(struct page *fig)
{
	for (size_t i = 0; i < fig->item_count;) {
		struct item *it = &fig->items[i];
		if (it->kind == ITEM_GLYPHS) {
			size_t end = line_end(fig, i);
			mirror_line(fig, i, end);
			i = end;
			continue;
		}
		if (it->kind == ITEM_PATH)
			for (size_t k = 0; k < it->u.path.op_count; k++)
				for (int p = 0; p < 3; p++)
					it->u.path.ops[k].x[p] = fig->width - it->u.path.ops[k].x[p];
		i++;
	}
}

void figure_free(struct page *figure)
{
	for (size_t i = 0; i < figure->item_count; i++)
		item_free(&figure->items[i]);
	free(figure->items);
	free(figure->label);
	*figure = (struct page){0};
}

void chart_layout(const struct chart *chart, struct fontset *fonts, double base_size,
		  double width, double plot_height, double max_height, struct page *figure)
{
	cairo_surface_t *scratch = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA,
								   NULL);
	cairo_t *cr = cairo_create(scratch);
	double size = base_size * 0.85;
	for (;;) {
		*figure = (struct page){.width = width};
		struct sketch s = {.fig = figure, .cr = cr, .fonts = fonts, .size = size,
				   .width = width,
				   .plot_height = plot_height * size / (base_size * 0.85),
				   .arabic_digits = chart->arabic_digits,
				   .right_to_left = chart->right_to_left};
		figure->height = ceil(draw_chart(&s, chart));
		/* Five points is the smallest type a printed label stays legible at. */
		if (figure->height <= max_height || size * 0.9 < 5.0)
			break;
		figure_free(figure);
		size *= 0.9;
	}
	cairo_destroy(cr);
	cairo_surface_destroy(scratch);
	if (chart->right_to_left)
		mirror(figure);
}

/* ---- writing SVG and PNG ---- */

/* The bundled faces as cairo font faces, opened on first use. cairo may
 * keep a face after the last chart is drawn, so each FT_Face is closed by
 * cairo itself when it lets the face go, and the FreeType library they
 * come from lives as long as the program. */
struct cairo_faces {
	const struct fontset *fonts;
	cairo_font_face_t *faces[FACE_COUNT];
};

static FT_Library chart_freetype;
static const cairo_user_data_key_t ft_face_key;

static void close_ft_face(void *face)
{
	FT_Done_Face(face);
}

static cairo_font_face_t *cairo_face(struct cairo_faces *cf, enum face face)
{
	if (cf->faces[face])
		return cf->faces[face];
	if (!chart_freetype && FT_Init_FreeType(&chart_freetype))
		return NULL;
	FT_Face ft;
	if (FT_New_Face(chart_freetype, fontset_path(cf->fonts, face), 0, &ft))
		return NULL;
	cairo_font_face_t *cface = cairo_ft_font_face_create_for_ft_face(ft, 0);
	if (cairo_font_face_set_user_data(cface, &ft_face_key, ft, close_ft_face)) {
		cairo_font_face_destroy(cface);
		FT_Done_Face(ft);
		return NULL;
	}
	cf->faces[face] = cface;
	return cface;
}

/* Shows a glyph run at its place, each glyph moved by the adjustments
 * (kerning) of the characters before it, as the PDF's TJ does. */
static void show_run(cairo_t *cr, const struct glyph_run *g)
{
	cairo_glyph_t *glyphs = NULL;
	int count = 0;
	cairo_scaled_font_t *font = cairo_get_scaled_font(cr);
	if (cairo_scaled_font_text_to_glyphs(font, g->x, g->y, g->text, -1, &glyphs, &count,
					     NULL, NULL, NULL) != CAIRO_STATUS_SUCCESS)
		return;
	/* One glyph per character: cairo maps them through the cmap alone. */
	if (g->adjust && (size_t)count == char_count(g->text)) {
		double shift = 0;
		for (int k = 0; k < count; k++) {
			glyphs[k].x += shift;
			shift += half_to_float(g->adjust[k]);
		}
	}
	cairo_show_glyphs(cr, glyphs, count);
	cairo_glyph_free(glyphs);
}

/* Replays a figure onto any cairo context: the same items the PDF writer
 * draws, in the same order. */
static void draw_figure(cairo_t *cr, const struct page *fig, struct cairo_faces *cf)
{
	cairo_font_options_t *options = cairo_font_options_create();
	cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
	cairo_set_font_options(cr, options);
	cairo_font_options_destroy(options);
	for (size_t i = 0; i < fig->item_count; i++) {
		const struct item *it = &fig->items[i];
		switch (it->kind) {
		case ITEM_PATH: {
			const struct path *p = &it->u.path;
			cairo_new_path(cr);
			for (size_t k = 0; k < p->op_count; k++) {
				const struct path_op *op = &p->ops[k];
				switch (op->kind) {
				case PATH_MOVE:
					cairo_move_to(cr, op->x[0], op->y[0]);
					break;
				case PATH_LINE:
					cairo_line_to(cr, op->x[0], op->y[0]);
					break;
				case PATH_CURVE:
					cairo_curve_to(cr, op->x[0], op->y[0], op->x[1], op->y[1],
						       op->x[2], op->y[2]);
					break;
				case PATH_CLOSE:
					cairo_close_path(cr);
					break;
				}
			}
			if (p->fill) {
				cairo_set_source_rgb(cr, p->fill_color.r, p->fill_color.g,
						     p->fill_color.b);
				cairo_fill_preserve(cr);
			}
			if (p->stroke) {
				cairo_set_source_rgb(cr, p->stroke_color.r, p->stroke_color.g,
						     p->stroke_color.b);
				cairo_set_line_width(cr, p->line_width);
				cairo_stroke_preserve(cr);
			}
			cairo_new_path(cr);
			break;
		}
		case ITEM_GLYPHS: {
			const struct glyph_run *g = &it->u.glyphs;
			cairo_font_face_t *face = cairo_face(cf, g->face);
			if (!face)
				break;
			cairo_set_font_face(cr, face);
			cairo_set_font_size(cr, g->size);
			cairo_set_source_rgb(cr, g->color.r, g->color.g, g->color.b);
			show_run(cr, g);
			break;
		}
		case ITEM_RECT: {
			const struct rect *r = &it->u.rect;
			cairo_set_source_rgb(cr, r->color.r, r->color.g, r->color.b);
			cairo_rectangle(cr, r->x, r->y, r->width, r->height);
			cairo_fill(cr);
			break;
		}
		case ITEM_RULE: {
			const struct rule *r = &it->u.rule;
			cairo_set_source_rgb(cr, r->color.r, r->color.g, r->color.b);
			cairo_set_line_width(cr, r->thickness);
			cairo_move_to(cr, r->x1, r->y1);
			cairo_line_to(cr, r->x2, r->y2);
			cairo_stroke(cr);
			break;
		}
		case ITEM_LINK_URI:
		case ITEM_LINK_PAGE:
			break;
		}
	}
}

static cairo_status_t to_buffer(void *closure, const unsigned char *data,
				unsigned int length)
{
	buffer_append(closure, (const char *)data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* Room around a chart written to a file, in points: on a web page the
 * figure does not touch its frame. */
static const double file_margin = 6;

/* Renders fig with its margin as SVG (points) and PNG (two pixels per
 * point, on white). */
static cairo_status_t render_files(const struct page *fig, struct cairo_faces *cf,
				   struct buffer *svg, struct buffer *png)
{
	double width = fig->width + 2 * file_margin, height = fig->height + 2 * file_margin;
	cairo_surface_t *vector = cairo_svg_surface_create_for_stream(
		to_buffer, svg, width, height);
	cairo_svg_surface_set_document_unit(vector, CAIRO_SVG_UNIT_PT);
	cairo_t *cr = cairo_create(vector);
	cairo_translate(cr, file_margin, file_margin);
	draw_figure(cr, fig, cf);
	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(vector);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(vector);
	cairo_surface_destroy(vector);
	if (st != CAIRO_STATUS_SUCCESS)
		return st;

	cairo_surface_t *image = cairo_image_surface_create(
		CAIRO_FORMAT_RGB24, (int)ceil(width * 2), (int)ceil(height * 2));
	cr = cairo_create(image);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, 2, 2);
	cairo_translate(cr, file_margin, file_margin);
	draw_figure(cr, fig, cf);
	st = cairo_status(cr);
	cairo_destroy(cr);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_write_to_png_stream(image, to_buffer, png);
	cairo_surface_destroy(image);
	return st;
}

enum status chart_write_files(const struct catalog *cat, const struct stats *st,
			      struct fontset *fonts, double base_size, double width,
			      double plot_height, double max_height, const char *dir,
			      struct diag_list *diags)
{
	static const struct {
		enum chart_kind kind;
		const char *name;
	} files[] = {
		{CHART_SECTORS, "sectors"},
		{CHART_PEOPLE, "people"},
		{CHART_FOUNDED, "founded"},
		{CHART_REGIONS, "regions"},
	};
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		diag_error(diags, ((struct span){.file = dir}), "cannot create folder: %s",
			   strerror(errno));
		return STATUS_IO;
	}
	struct cairo_faces cf = {.fonts = fonts};
	enum status result = STATUS_OK;
	for (size_t i = 0; i < sizeof files / sizeof *files && result == STATUS_OK; i++) {
		struct chart *chart = chart_make(files[i].kind, cat, st, 0);
		struct page fig;
		chart_layout(chart, fonts, base_size, width, plot_height, max_height, &fig);
		chart_free(chart);
		struct buffer svg = {0}, png = {0};
		cairo_status_t cs = render_files(&fig, &cf, &svg, &png);
		figure_free(&fig);
		struct buffer path = {0};
		if (cs != CAIRO_STATUS_SUCCESS) {
			diag_error(diags, ((struct span){.file = dir}),
				   "cairo cannot draw the %s chart: %s", files[i].name,
				   cairo_status_to_string(cs));
			result = STATUS_IO;
		} else {
			buffer_printf(&path, "%s/%s.svg", dir, files[i].name);
			result = output_write(path.data, svg.data, svg.len, diags);
			path.len = 0;
			buffer_printf(&path, "%s/%s.png", dir, files[i].name);
			if (result == STATUS_OK)
				result = output_write(path.data, png.data, png.len, diags);
		}
		buffer_free(&path);
		buffer_free(&svg);
		buffer_free(&png);
	}
	for (int f = 0; f < FACE_COUNT; f++)
		if (cf.faces[f])
			cairo_font_face_destroy(cf.faces[f]);
	return result;
}
