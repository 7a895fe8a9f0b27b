/* test_layout.c - unit tests of reading a page layout: the A5 defaults,
 * what a file changes, and every mistake at its line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "layout.h"
#include "helpers.h"

#include <math.h>

#define MM(x) ((x) * 72.0 / 25.4)

static void expect_near(double got, double want)
{
	if (fabs(got - want) > 1e-9)
		fail_msg("got %.12g, expected %.12g", got, want);
}

static void expect_a5_defaults(const struct layout *l)
{
	expect_near(l->page_width, MM(148));
	expect_near(l->page_height, MM(210));
	expect_near(l->margin_inner, MM(18));
	expect_near(l->margin_outer, MM(14));
	expect_near(l->margin_top, MM(16));
	expect_near(l->margin_bottom, MM(20));
	expect_near(l->base_size, 9.5);
	expect_near(l->leading, 13);
	assert_true(l->facing);
	assert_int_equal(l->page_count_multiple, 4);
	assert_int_equal(l->columns, 1);
	expect_near(l->gutter, MM(6));
	expect_near(l->title_size, 9.5 * 2.6);
	expect_near(l->chapter_size, 9.5 * 2.2);
	expect_near(l->name_size, 9.5 * 1.3);
	expect_near(l->text_color.r, 0x1A / 255.0);
	expect_near(l->muted_color.g, 0x59 / 255.0);
	expect_near(l->furniture_color.b, 0x66 / 255.0);
	assert_true(l->running_head);
	assert_true(l->folio);
	expect_near(l->chart_height, MM(45));
	expect_near(l->bleed, 0);
	assert_false(l->crop_marks);
}

/* Reads a layout given as text; returns layout_read's status and the
 * temporary path in *path. */
static enum status read_layout(struct layout *l, const char *ini, const char **path,
			       struct diag_list *d)
{
	*path = write_temp_text(ini);
	return layout_read(l, *path, d);
}

static void test_empty_file_gives_defaults(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct layout l;
	const char *path;
	assert_int_equal(read_layout(&l, "; nothing to change\n", &path, &d), STATUS_OK);
	expect_diag_count(&d, 0);
	expect_a5_defaults(&l);
	diag_list_free(&d);
}

static void test_a5_booklet_file_is_the_defaults(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct layout l;
	assert_int_equal(layout_read(&l, fixture("layouts/a5-booklet.ini"), &d), STATUS_OK);
	expect_diag_count(&d, 0);
	expect_a5_defaults(&l);
	diag_list_free(&d);
}

static void test_values_change_what_they_name(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct layout l;
	const char *path;
	read_layout(&l,
		"[page]\nsize = A4\n"
		"[margins]\n  inner = 25.5\nouter = 20\n"
		"[type]\nbase_size = 10.25\n", &path, &d);
	expect_diag_count(&d, 0);
	expect_near(l.page_width, MM(210));
	expect_near(l.page_height, MM(297));
	expect_near(l.margin_inner, MM(25.5));
	expect_near(l.margin_outer, MM(20));
	expect_near(l.margin_top, MM(16));
	expect_near(l.base_size, 10.25);
	expect_near(l.leading, 13);
	diag_list_free(&d);
}

static void test_every_format_setting(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct layout l;
	const char *path;
	read_layout(&l,
		"[page]\nsize = a4\nfacing = no\npage_count_multiple = 1\n"
		"[columns]\ncount = 2\ngutter = 7.5\n"
		"[type]\nbase_size = 10\nchapter_size = 18\n"
		"[colors]\ntext = #000000\nmuted = #FF8000\nfurniture = #0a0B0c\n"
		"[furniture]\nrunning_head = no\nfolio = no\n"
		"[charts]\nheight = 60\n"
		"[print]\nbleed = 3\ncrop_marks = yes\n", &path, &d);
	expect_diag_count(&d, 0);
	assert_false(l.facing);
	assert_int_equal(l.page_count_multiple, 1);
	assert_int_equal(l.columns, 2);
	expect_near(l.gutter, MM(7.5));
	/* Sizes not given follow base_size; given ones are kept. */
	expect_near(l.title_size, 26);
	expect_near(l.chapter_size, 18);
	expect_near(l.name_size, 13);
	expect_near(l.text_color.r, 0);
	expect_near(l.muted_color.r, 1);
	expect_near(l.muted_color.g, 0x80 / 255.0);
	expect_near(l.muted_color.b, 0);
	expect_near(l.furniture_color.r, 0x0A / 255.0);
	expect_near(l.furniture_color.g, 0x0B / 255.0);
	expect_near(l.furniture_color.b, 0x0C / 255.0);
	assert_false(l.running_head);
	assert_false(l.folio);
	expect_near(l.chart_height, MM(60));
	expect_near(l.bleed, MM(3));
	assert_true(l.crop_marks);
	diag_list_free(&d);
}

static void test_bad_format_values(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct layout l;
	const char *path;
	read_layout(&l,
		"[page]\nfacing = true\npage_count_multiple = 0\n"
		"[columns]\ncount = 3\ngutter = 0\n"
		"[colors]\ntext = black\nmuted = #12345\nfurniture = #12345G\n"
		"[furniture]\nfolio = Yes\n"
		"[print]\nbleed = 11\ncrop_marks =\n"
		"[page]\n"
		"[columns]\ncount = 1.5\n", &path, &d);
	expect_error(&d, path, 2, 0, "facing must be yes or no, not \"true\"");
	expect_error(&d, path, 3, 0,
		     "page_count_multiple must be a whole number from 1 to 32, not \"0\"");
	expect_error(&d, path, 5, 0, "count must be 1 or 2 columns, not \"3\"");
	expect_error(&d, path, 6, 0, "gutter must be a positive number of mm, not \"0\"");
	expect_error(&d, path, 8, 0, "text must be a color #RRGGBB, not \"black\"");
	expect_error(&d, path, 9, 0, "muted must be a color #RRGGBB, not \"#12345\"");
	expect_error(&d, path, 10, 0, "furniture must be a color #RRGGBB, not \"#12345G\"");
	expect_error(&d, path, 12, 0, "folio must be yes or no, not \"Yes\"");
	expect_error(&d, path, 14, 0, "bleed must be a number of mm from 0 to 10, not \"11\"");
	expect_error(&d, path, 15, 0, "crop_marks must be yes or no, not \"\"");
	expect_error(&d, path, 18, 0, "count must be 1 or 2 columns, not \"1.5\"");
	expect_diag_count(&d, 11);
	/* Bad values leave the defaults. */
	expect_a5_defaults(&l);
	diag_list_free(&d);
}

static void test_gutter_leaves_too_little_room(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct layout l;
	const char *path;
	/* A5: 148 - 18 - 14 = 116 mm of text; (116 - 60) / 2 = 28 mm columns. */
	read_layout(&l, "[columns]\ncount = 2\ngutter = 60\n", &path, &d);
	expect_error(&d, path, 3, 0,
		     "a gutter of 60 mm leaves columns 28 mm wide; at least 30 mm is needed");
	expect_diag_count(&d, 1);
	diag_list_free(&d);

	/* 56 mm leaves exactly 30; one column has no gutter to speak of. */
	read_layout(&l, "[columns]\ncount = 2\ngutter = 56\n", &path, &d);
	expect_diag_count(&d, 0);
	read_layout(&l, "[columns]\ngutter = 100\n", &path, &d);
	expect_diag_count(&d, 0);
	diag_list_free(&d);
}

static void test_page_sizes(void **state)
{
	(void)state;
	static const struct {
		const char *size;
		double width, height;
	} cases[] = {
		{"a5", 148, 210}, {"a6", 105, 148}, {"Letter", 215.9, 279.4},
		{"170x240", 170, 240}, {"170.5X240", 170.5, 240},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct diag_list d = {0};
		struct layout l;
		char ini[64];
		snprintf(ini, sizeof ini, "[page]\nsize = %s\n", cases[i].size);
		const char *path;
		read_layout(&l, ini, &path, &d);
		expect_diag_count(&d, 0);
		expect_near(l.page_width, MM(cases[i].width));
		expect_near(l.page_height, MM(cases[i].height));
		diag_list_free(&d);
	}
}

static void test_unknown_sections_and_keys(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct layout l;
	const char *path;
	read_layout(&l,
		"orphan = 1\n"
		"[margins]\n"
		"foo = 3\n"
		"inner = 20\n"
		"[colours]\n"
		"text = black\n"
		"[page]\n"
		"inner = 20\n", &path, &d);
	expect_error(&d, path, 1, 0, "key \"orphan\" is outside any section");
	expect_error(&d, path, 3, 0, "unknown key \"foo\" in [margins]");
	expect_error(&d, path, 5, 0, "unknown section [colours]");
	expect_error(&d, path, 8, 0, "unknown key \"inner\" in [page]");
	expect_diag_count(&d, 4);
	/* What was right is still used. */
	expect_near(l.margin_inner, MM(20));
	diag_list_free(&d);
}

static void test_values_must_be_positive_numbers(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct layout l;
	const char *path;
	read_layout(&l,
		"[margins]\n"
		"inner = 0\n"
		"outer = -3\n"
		"top = 12mm\n"
		"bottom = 1e1\n"
		"[type]\n"
		"base_size = ten\n"
		"leading =\n", &path, &d);
	expect_error(&d, path, 2, 0, "inner must be a positive number of mm, not \"0\"");
	expect_error(&d, path, 3, 0, "outer must be a positive number of mm, not \"-3\"");
	expect_error(&d, path, 4, 0, "top must be a positive number of mm, not \"12mm\"");
	expect_error(&d, path, 5, 0, "bottom must be a positive number of mm, not \"1e1\"");
	expect_error(&d, path, 7, 0, "base_size must be a positive number of points, not \"ten\"");
	expect_error(&d, path, 8, 0, "leading must be a positive number of points, not \"\"");
	expect_diag_count(&d, 6);
	/* Bad values leave the defaults. */
	expect_a5_defaults(&l);
	diag_list_free(&d);
}

static void test_bad_page_sizes(void **state)
{
	(void)state;
	static const char *const sizes[] = {"b5", "100x", "x100", "0x100", "100x-5", "a5 landscape"};
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		struct diag_list d = {0};
		struct layout l;
		char ini[64], want[128];
		snprintf(ini, sizeof ini, "\n[page]\nsize = %s\n", sizes[i]);
		snprintf(want, sizeof want,
			 "size must be a4, a5, a6, letter or WIDTHxHEIGHT in mm, not \"%s\"",
			 sizes[i]);
		const char *path;
		read_layout(&l, ini, &path, &d);
		expect_error(&d, path, 3, 0, want);
		expect_diag_count(&d, 1);
		diag_list_free(&d);
	}
}

static void test_margins_leave_too_little_room(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct layout l;
	const char *path;
	read_layout(&l,
		"[margins]\n"
		"outer = 60\n"
		"inner = 50\n"
		"top = 100\n", &path, &d);
	/* 148 - 50 - 60 = 38 mm wide; 210 - 100 - 20 = 90 mm high. */
	expect_error(&d, path, 3, 0, "margins leave 38 mm of text width; at least 40 mm is needed");
	expect_diag_count(&d, 1);
	diag_list_free(&d);

	/* A smaller page makes the default margins too big. */
	read_layout(&l, "[page]\nsize = 60x70\n", &path, &d);
	expect_error(&d, path, 2, 0, "margins leave 28 mm of text width");
	expect_error(&d, path, 2, 0, "margins leave 34 mm of text height");
	expect_diag_count(&d, 2);
	diag_list_free(&d);

	/* Exactly 40 mm is enough. */
	read_layout(&l, "[margins]\ninner = 54\nouter = 54\n", &path, &d);
	expect_diag_count(&d, 0);
	diag_list_free(&d);
}

static void test_duplicate_key_and_syntax_error(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct layout l;
	const char *path;
	read_layout(&l,
		"[type]\n"
		"leading = 12\n"
		"leading = 14\n"
		"[margins\n"
		"bigger\n", &path, &d);
	expect_error(&d, path, 3, 0, "duplicate key \"leading\" in [type]; first on line 2");
	expect_error(&d, path, 4, 0, "missing \"]\" in section header");
	expect_error(&d, path, 5, 0, "expected KEY = VALUE");
	expect_diag_count(&d, 3);
	expect_near(l.leading, 12);
	diag_list_free(&d);
}

static void test_cannot_open(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct layout l;
	assert_int_equal(layout_read(&l, "layouts/no-such.ini", &d), STATUS_IO);
	expect_error(&d, "layouts/no-such.ini", 0, 0, "cannot open: No such file or directory");
	expect_diag_count(&d, 1);
	expect_a5_defaults(&l);
	diag_list_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_file_gives_defaults),
		cmocka_unit_test(test_a5_booklet_file_is_the_defaults),
		cmocka_unit_test(test_values_change_what_they_name),
		cmocka_unit_test(test_every_format_setting),
		cmocka_unit_test(test_bad_format_values),
		cmocka_unit_test(test_gutter_leaves_too_little_room),
		cmocka_unit_test(test_page_sizes),
		cmocka_unit_test(test_unknown_sections_and_keys),
		cmocka_unit_test(test_values_must_be_positive_numbers),
		cmocka_unit_test(test_bad_page_sizes),
		cmocka_unit_test(test_margins_leave_too_little_room),
		cmocka_unit_test(test_duplicate_key_and_syntax_error),
		cmocka_unit_test(test_cannot_open),
	};
	return cmocka_run_group_tests(tests, NULL, remove_temp_files);
}
