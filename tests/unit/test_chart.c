/* test_chart.c - the geometry of the charts, on constructed data: round
 * ticks, bars in proportion, labels inside the figure and clear of each
 * other, contrast on colored bars, and the edge cases (no years, one
 * huge value, 40 sectors, very long names, one sector only). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "bundled_fonts.h"
#include "chart.h"
#include "font.h"
#include "mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double base_size = 9.5;
static const double width = 329;        /* the A5 booklet's measure */
static const double max_height = 490;   /* and its frame's height */
static const double plot_height = 127.6; /* its charts' height, 45 mm */

static const struct rgb colors[] = {
	{0.14, 0.48, 0.17}, {0.94, 0.89, 0.26}, {0.66, 0.12, 0.16}, {0.08, 0.31, 0.54},
	{0.76, 0.32, 0.06}, {0.55, 0.80, 0.95},
};

/* A chart of kind with n entries: label i (or labels[i]), value values[i]
 * (values NULL: i + 1; a negative value: not reported). */
static struct chart *make_chart(enum chart_kind kind, size_t n, const long long *values,
				const char *const *labels)
{
	struct chart *c = xcalloc(1, sizeof *c);
	c->kind = kind;
	c->title = xstrdup("A title");
	c->caption = xstrdup("A caption");
	c->entries = xcalloc(n, sizeof *c->entries);
	c->count = n;
	for (size_t i = 0; i < n; i++) {
		char label[48];
		snprintf(label, sizeof label, "Sector number %zu", i + 1);
		long long v = values ? values[i] : (long long)i + 1;
		c->entries[i] = (struct chart_entry){
			.label = xstrdup(labels ? labels[i] : label), .value = v < 0 ? 0 : v,
			.known = v >= 0, .color = colors[i % (sizeof colors / sizeof *colors)]};
	}
	return c;
}

struct extent {
	double x0, y0, x1, y1;
};

static struct extent path_box(const struct path *p)
{
	struct extent b = {1e9, 1e9, -1e9, -1e9};
	for (size_t i = 0; i < p->op_count; i++) {
		const struct path_op *op = &p->ops[i];
		int points = op->kind == PATH_CURVE ? 3 : op->kind == PATH_CLOSE ? 0 : 1;
		for (int k = 0; k < points; k++) {
			b.x0 = fmin(b.x0, op->x[k]);
			b.x1 = fmax(b.x1, op->x[k]);
			b.y0 = fmin(b.y0, op->y[k]);
			b.y1 = fmax(b.y1, op->y[k]);
		}
	}
	return b;
}

/* A glyph run's ink, roughly: from the ascender to the descender. */
static struct extent run_box(const struct glyph_run *g)
{
	return (struct extent){g->x, g->y - g->size * 0.75, g->x + g->width, g->y + g->size * 0.2};
}

static bool overlap(struct extent a, struct extent b)
{
	return fmin(a.x1, b.x1) - fmax(a.x0, b.x0) > 0.05 &&
	       fmin(a.y1, b.y1) - fmax(a.y0, b.y0) > 0.05;
}

static bool same_color(struct rgb a, struct rgb b)
{
	return fabs(a.r - b.r) < 1e-9 && fabs(a.g - b.g) < 1e-9 && fabs(a.b - b.b) < 1e-9;
}

/* Every item inside the figure, and no two labels on top of each other
 * (runs of one line touch end to start, which is not an overlap). */
static void assert_tidy(const struct page *fig)
{
	assert_true(fig->height > 0);
	for (size_t i = 0; i < fig->item_count; i++) {
		const struct item *it = &fig->items[i];
		struct extent b;
		if (it->kind == ITEM_GLYPHS)
			b = run_box(&it->u.glyphs);
		else if (it->kind == ITEM_PATH)
			b = path_box(&it->u.path);
		else
			continue;
		if (b.x0 < -0.5 || b.x1 > fig->width + 0.5 || b.y0 < -0.5 ||
		    b.y1 > fig->height + 0.5)
			fail_msg("item %zu (%s) at %.1f,%.1f-%.1f,%.1f leaves the %.1fx%.1f figure",
				 i, it->kind == ITEM_GLYPHS ? it->u.glyphs.text : "path",
				 b.x0, b.y0, b.x1, b.y1, fig->width, fig->height);
		if (it->kind != ITEM_GLYPHS)
			continue;
		for (size_t k = i + 1; k < fig->item_count; k++) {
			const struct item *other = &fig->items[k];
			if (other->kind == ITEM_GLYPHS && overlap(b, run_box(&other->u.glyphs)))
				fail_msg("labels |%s| and |%s| overlap", it->u.glyphs.text,
					 other->u.glyphs.text);
		}
	}
}

/* The first run whose text is text (or, when prefix, starts with it). */
static const struct glyph_run *find_run_as(const struct page *fig, const char *text,
					   bool prefix)
{
	for (size_t i = 0; i < fig->item_count; i++) {
		const struct item *it = &fig->items[i];
		if (it->kind != ITEM_GLYPHS)
			continue;
		if (prefix ? strncmp(it->u.glyphs.text, text, strlen(text)) == 0
			   : strcmp(it->u.glyphs.text, text) == 0)
			return &it->u.glyphs;
	}
	return NULL;
}

static const struct glyph_run *find_run(const struct page *fig, const char *text)
{
	return find_run_as(fig, text, false);
}

/* The filled rectangle (5 ops) in color, or NULL. */
static const struct path *find_bar(const struct page *fig, struct rgb color)
{
	for (size_t i = 0; i < fig->item_count; i++) {
		const struct item *it = &fig->items[i];
		if (it->kind == ITEM_PATH && it->u.path.fill &&
		    same_color(it->u.path.fill_color, color) && it->u.path.op_count <= 5)
			return &it->u.path;
	}
	return NULL;
}

static void ticks_are_round(void **state)
{
	(void)state;
	static const long long cases[][2] = {
		{0, 1}, {1, 1}, {4, 1}, {5, 1}, {6, 2}, {10, 2}, {11, 5}, {25, 5},
		{26, 10}, {100, 20}, {1500, 500}, {2353, 500}, {9999, 2000},
		{1000000, 200000}, {1000001, 500000},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		long long step = chart_tick_step(cases[i][0]);
		if (step != cases[i][1])
			fail_msg("step for %lld is %lld, expected %lld", cases[i][0], step,
				 cases[i][1]);
	}
}

/* One huge value beside tiny ones: bars stay in proportion, and every
 * value is written out, so the tiny ones still read. */
static void bars_are_proportional_and_labelled(void **state)
{
	(void)state;
	static const long long values[] = {1500, 28, 60, -1, 265, 3};
	struct chart *c = make_chart(CHART_PEOPLE, 6, values, NULL);
	struct page fig;
	chart_layout(c, fonts, base_size, width, plot_height, max_height, &fig);
	assert_tidy(&fig);
	/* cairo keeps coordinates in 24.8 fixed point: 1/256 pt. */
	const struct path *largest = find_bar(&fig, colors[0]);
	assert_non_null(largest);
	double per_unit = (path_box(largest).x1 - path_box(largest).x0) / (double)values[0];
	for (size_t i = 0; i < 6; i++) {
		const struct path *bar = find_bar(&fig, colors[i]);
		if (values[i] < 0) {
			assert_null(bar);
			continue;
		}
		assert_non_null(bar);
		struct extent b = path_box(bar);
		assert_true(fabs((b.x1 - b.x0) - per_unit * (double)values[i]) < 0.01);
	}
	assert_non_null(find_run(&fig, "1,500"));
	assert_non_null(find_run(&fig, "28"));
	assert_non_null(find_run(&fig, "3"));
	assert_non_null(find_run(&fig, "no numbers"));
	/* The axis ends on a round tick, 0 to 1,500 by 500. */
	assert_non_null(find_run(&fig, "500"));
	assert_non_null(find_run(&fig, "1,000"));
	figure_free(&fig);
	chart_free(c);
}

/* A value written on its bar contrasts with it at least 4.5:1 (WCAG AA). */
static void text_on_bars_meets_contrast(void **state)
{
	(void)state;
	static const long long values[] = {100, 100, 100, 100, 100, 100};
	struct chart *c = make_chart(CHART_SECTORS, 6, values, NULL);
	struct page fig;
	chart_layout(c, fonts, base_size, width, plot_height, max_height, &fig);
	size_t on_bars = 0;
	for (size_t i = 0; i < fig.item_count; i++) {
		if (fig.items[i].kind != ITEM_GLYPHS)
			continue;
		struct extent t = run_box(&fig.items[i].u.glyphs);
		for (size_t k = 0; k < fig.item_count; k++) {
			const struct item *it = &fig.items[k];
			if (it->kind != ITEM_PATH || !it->u.path.fill)
				continue;
			struct extent b = path_box(&it->u.path);
			if (t.x0 >= b.x0 && t.x1 <= b.x1 && fabs((t.y0 + t.y1) - (b.y0 + b.y1)) < 4) {
				on_bars++;
				assert_true(chart_contrast(fig.items[i].u.glyphs.color,
							   it->u.path.fill_color) >= 4.5);
			}
		}
	}
	assert_int_equal(on_bars, 6);
	assert_true(chart_contrast((struct rgb){1, 1, 1}, (struct rgb){0, 0, 0}) > 20.9);
	assert_true(same_color(chart_text_color(colors[1]), (struct rgb){0, 0, 0}));
	assert_true(same_color(chart_text_color(colors[3]), (struct rgb){1, 1, 1}));
	figure_free(&fig);
	chart_free(c);
}

static void long_labels_end_with_an_ellipsis(void **state)
{
	(void)state;
	struct buffer longer = {0};
	for (int i = 0; i < 40; i++)
		buffer_append_str(&longer, "Cooperation ");
	buffer_append_str(&longer, "THE-END");
	const char *labels[] = {"Short", longer.data, "Supercalifragilisticexpialidocious"
			       "-and-then-some-more-without-any-space-at-all"};
	for (int kind = CHART_SECTORS; kind <= CHART_REGIONS; kind += CHART_REGIONS - CHART_SECTORS) {
		struct chart *c = make_chart((enum chart_kind)kind, 3, NULL, labels);
		struct page fig;
		chart_layout(c, fonts, base_size, width, plot_height, max_height, &fig);
		assert_tidy(&fig);
		size_t cut = 0;
		for (size_t i = 0; i < fig.item_count; i++) {
			if (fig.items[i].kind != ITEM_GLYPHS)
				continue;
			assert_null(strstr(fig.items[i].u.glyphs.text, "THE-END"));
			cut += strstr(fig.items[i].u.glyphs.text, "\u2026") != NULL;
		}
		assert_true(cut >= 1);
		figure_free(&fig);
		chart_free(c);
	}
	buffer_free(&longer);
}

/* Forty sectors or regions still fit the page, legible and tidy. */
static void forty_entries_fit(void **state)
{
	(void)state;
	static const enum chart_kind kinds[] = {CHART_SECTORS, CHART_PEOPLE, CHART_REGIONS,
						 CHART_SECTOR_SHARE};
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		struct chart *c = make_chart(kinds[k], 40, NULL, NULL);
		c->highlight = 7;
		struct page fig;
		chart_layout(c, fonts, base_size, width, plot_height, max_height, &fig);
		if (fig.height > max_height)
			fail_msg("chart %d is %.1f high", (int)kinds[k], fig.height);
		assert_tidy(&fig);
		if (kinds[k] != CHART_SECTOR_SHARE) {
			assert_non_null(find_run(&fig, "40"));
			const struct glyph_run *label = find_run_as(&fig, "Sector number", true);
			assert_non_null(label);
			assert_true(label->size >= 5.0);
		}
		figure_free(&fig);
		chart_free(c);
	}
}

/* Every initiative in one sector: one bar across the whole plot. */
static void one_sector_only(void **state)
{
	(void)state;
	static const long long values[] = {25};
	struct chart *c = make_chart(CHART_SECTORS, 1, values, NULL);
	struct page fig;
	chart_layout(c, fonts, base_size, width, plot_height, max_height, &fig);
	assert_tidy(&fig);
	const struct path *bar = find_bar(&fig, colors[0]);
	assert_non_null(bar);
	assert_true(path_box(bar).x1 - path_box(bar).x0 > width * 0.4);
	figure_free(&fig);
	chart_free(c);

	c = make_chart(CHART_SECTOR_SHARE, 1, values, NULL);
	chart_layout(c, fonts, base_size, width, plot_height, max_height, &fig);
	assert_tidy(&fig);
	bar = find_bar(&fig, colors[0]);
	assert_non_null(bar);
	assert_true(fabs(path_box(bar).x1 - path_box(bar).x0 - width) < 0.01);
	figure_free(&fig);
	chart_free(c);
}

static void no_founded_years_says_so(void **state)
{
	(void)state;
	struct catalog cat = {.edition.lang.text = (char *)"en"};
	struct stats st = {.initiatives = 3};
	struct chart *c = chart_make(CHART_FOUNDED, &cat, &st, 0);
	assert_int_equal(c->count, 0);
	assert_non_null(c->empty);
	struct page fig;
	chart_layout(c, fonts, base_size, width, plot_height, max_height, &fig);
	assert_tidy(&fig);
	assert_non_null(find_run(&fig, "None of the 3 initiatives gives the year it was founded."));
	assert_null(find_run(&fig, "0"));   /* no axis */
	figure_free(&fig);
	chart_free(c);
}

/* No region at all: a sentence in a frame, not an empty ring, in the
 * edition's language. */
static void no_regions_says_so(void **state)
{
	(void)state;
	struct catalog cat = {.edition.lang.text = (char *)"en"};
	struct stats st = {.initiatives = 3};
	struct chart *c = chart_make(CHART_REGIONS, &cat, &st, 0);
	assert_int_equal(c->count, 0);
	assert_non_null(c->empty);
	struct page fig;
	chart_layout(c, fonts, base_size, width, plot_height, max_height, &fig);
	assert_tidy(&fig);
	assert_non_null(find_run(&fig, "None of the 3 initiatives names a region."));
	assert_true(fig.height > base_size * 4);   /* the frame */
	figure_free(&fig);
	chart_free(c);
}

/* Years 1988 to 2013 go in five-year periods; five years, one by one. */
static void year_axis(void **state)
{
	(void)state;
	struct catalog cat = {.edition.lang.text = (char *)"en"};
	struct year_count wide[] = {{1988, 1}, {1995, 1}, {2002, 1}, {2003, 1}, {2013, 1}};
	struct stats st = {.initiatives = 9, .by_year = wide, .year_count = 5,
			   .first_year = 1988, .last_year = 2013, .reporting_year = 5};
	struct chart *c = chart_make(CHART_FOUNDED, &cat, &st, 0);
	assert_int_equal(c->count, 6);
	assert_string_equal(c->entries[0].label, "1985\u201389");
	assert_string_equal(c->entries[5].label, "2010\u201314");
	assert_int_equal(c->entries[3].value, 2);
	assert_int_equal(c->entries[1].value, 0);
	struct page fig;
	chart_layout(c, fonts, base_size, width, plot_height, max_height, &fig);
	assert_tidy(&fig);
	assert_non_null(find_run(&fig, "5 of 9 initiatives give the year they were founded."));
	figure_free(&fig);
	chart_free(c);

	struct year_count narrow[] = {{2001, 2}, {2005, 1}};
	st = (struct stats){.initiatives = 3, .by_year = narrow, .year_count = 2,
			    .first_year = 2001, .last_year = 2005, .reporting_year = 3};
	c = chart_make(CHART_FOUNDED, &cat, &st, 0);
	assert_int_equal(c->count, 5);
	assert_string_equal(c->entries[1].label, "2002");
	assert_int_equal(c->entries[1].value, 0);
	chart_layout(c, fonts, base_size, width, plot_height, max_height, &fig);
	assert_tidy(&fig);
	figure_free(&fig);
	chart_free(c);
}

/* A Hebrew label is shaped and ordered by the typesetter: visual order. */
static void hebrew_labels_read_right_to_left(void **state)
{
	(void)state;
	const char *labels[] = {"\u05d7\u05e7\u05dc\u05d0\u05d5\u05ea", "Sport"};
	struct chart *c = make_chart(CHART_SECTORS, 2, NULL, labels);
	struct page fig;
	chart_layout(c, fonts, base_size, width, plot_height, max_height, &fig);
	const struct glyph_run *run = find_run(&fig, "\u05ea\u05d5\u05d0\u05dc\u05e7\u05d7");
	assert_non_null(run);
	assert_int_equal(run->face, FACE_HEBREW_SANS);
	figure_free(&fig);
	chart_free(c);
}

/* A right-to-left chart is mirrored: names flush right, bars growing
 * leftwards from a common edge, every label still inside and clear. */
static void right_to_left_charts_are_mirrored(void **state)
{
	(void)state;
	static const long long values[] = {4, 2, 1};
	struct chart *c = make_chart(CHART_SECTORS, 3, values, NULL);
	c->right_to_left = true;
	struct page fig;
	chart_layout(c, fonts, base_size, width, plot_height, max_height, &fig);
	assert_tidy(&fig);
	const struct glyph_run *name = find_run(&fig, "Sector number 1");
	assert_non_null(name);
	assert_true(fabs(name->x + name->width - width) < 0.01);
	double edge = path_box(find_bar(&fig, colors[0])).x1;
	for (size_t i = 0; i < 3; i++) {
		struct extent b = path_box(find_bar(&fig, colors[i]));
		assert_true(fabs(b.x1 - edge) < 0.01);
		assert_true(b.x1 < name->x);
	}
	figure_free(&fig);
	chart_free(c);
}

/* Mirroring moves a line of several runs whole: a Hebrew caption with
 * numbers still reads "4 of 25 initiatives" from the right. */
static void mirrored_lines_keep_their_order(void **state)
{
	(void)state;
	struct chart *c = make_chart(CHART_SECTORS, 2, NULL, NULL);
	c->right_to_left = true;
	free(c->caption);
	c->caption = xstrdup("4 \u05de\u05ea\u05d5\u05da 25 \u05d9\u05d5\u05d6\u05de\u05d5\u05ea");
	struct page fig;
	chart_layout(c, fonts, base_size, width, plot_height, max_height, &fig);
	const struct glyph_run *four = find_run_as(&fig, "4", true);
	const struct glyph_run *of = find_run_as(&fig, " \u05da\u05d5\u05ea\u05de", true);
	const struct glyph_run *total = find_run_as(&fig, "25", true);
	assert_non_null(four);
	assert_non_null(of);
	assert_non_null(total);
	assert_true(four->x > of->x && of->x > total->x);
	/* flush right, as a right-to-left paragraph is */
	assert_true(fabs(four->x + four->width - width) < 0.01);
	figure_free(&fig);
	chart_free(c);
}

/* Key figures' numbers align on their units, in a mirrored figure too. */
static void key_figures_align_on_units(void **state)
{
	(void)state;
	static const long long values[] = {25, 8, 2353};
	for (int rtl = 0; rtl <= 1; rtl++) {
		struct chart *c = make_chart(CHART_KEY_FIGURES, 3, values, NULL);
		c->right_to_left = rtl;
		struct page fig;
		chart_layout(c, fonts, base_size, width, plot_height, max_height, &fig);
		const struct glyph_run *big = find_run(&fig, "2,353");
		const struct glyph_run *small = find_run(&fig, "8");
		assert_non_null(big);
		assert_non_null(small);
		assert_true(fabs(big->x + big->width - (small->x + small->width)) < 0.01);
		if (rtl)
			assert_true(fabs(big->x + big->width - width) < 0.01);
		figure_free(&fig);
		chart_free(c);
	}
}

/* A label with no letter reads in the chart's direction: in a
 * right-to-left legend the count comes first, on the right, then its
 * share. */
static void numbers_read_in_the_charts_direction(void **state)
{
	(void)state;
	static const long long values[] = {11, 13};
	for (int rtl = 0; rtl <= 1; rtl++) {
		struct chart *c = make_chart(CHART_REGIONS, 2, values, NULL);
		c->right_to_left = rtl;
		struct page fig;
		chart_layout(c, fonts, base_size, width, plot_height, max_height, &fig);
		/* the count's and the share's left edges (one run or two) */
		double count = -1, share = -1;
		for (size_t i = 0; i < fig.item_count; i++) {
			const struct item *it = &fig.items[i];
			if (it->kind != ITEM_GLYPHS)
				continue;
			const char *text = it->u.glyphs.text, *at;
			double per_byte = it->u.glyphs.width / (double)strlen(text);
			if ((at = strstr(text, "11")) != NULL)
				count = it->u.glyphs.x + per_byte * (double)(at - text);
			if ((at = strstr(text, "46%")) != NULL)
				share = it->u.glyphs.x + per_byte * (double)(at - text);
		}
		assert_true(count >= 0 && share >= 0);
		assert_true(rtl ? count > share : count < share);
		figure_free(&fig);
		chart_free(c);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ticks_are_round),
		cmocka_unit_test(bars_are_proportional_and_labelled),
		cmocka_unit_test(text_on_bars_meets_contrast),
		cmocka_unit_test(long_labels_end_with_an_ellipsis),
		cmocka_unit_test(forty_entries_fit),
		cmocka_unit_test(one_sector_only),
		cmocka_unit_test(no_founded_years_says_so),
		cmocka_unit_test(no_regions_says_so),
		cmocka_unit_test(year_axis),
		cmocka_unit_test(hebrew_labels_read_right_to_left),
		cmocka_unit_test(right_to_left_charts_are_mirrored),
		cmocka_unit_test(mirrored_lines_keep_their_order),
		cmocka_unit_test(key_figures_align_on_units),
		cmocka_unit_test(numbers_read_in_the_charts_direction),
	};
	return cmocka_run_group_tests(tests, open_fonts, close_fonts);
}
