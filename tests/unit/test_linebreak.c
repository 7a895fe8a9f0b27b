/* test_linebreak.c - total-fit line breaking on boxes, glue and penalties,
 * away from any font: known paragraphs give known breaks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "linebreak.h"
#include "mem.h"

#include <stdlib.h>

struct para {
	struct lb_item items[4096];
	size_t n;
};

static void box(struct para *p, double width)
{
	p->items[p->n++] = (struct lb_item){.kind = LB_BOX, .width = width};
}

/* A word space of width 1 that may stretch to 2 and not shrink. */
static void space(struct para *p)
{
	p->items[p->n++] = (struct lb_item){.kind = LB_GLUE, .width = 1, .stretch = 1};
}

static void hyphen(struct para *p)
{
	p->items[p->n++] = (struct lb_item){.kind = LB_PENALTY, .width = 1,
					    .penalty = 50, .flagged = true};
}

/* Words of the given widths separated by spaces, then the end of the
 * paragraph: glue that takes any slack and a forced break. */
static void words(struct para *p, const double *widths, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		if (i)
			space(p);
		box(p, widths[i]);
	}
}

static void finish(struct para *p)
{
	p->items[p->n++] = (struct lb_item){.kind = LB_PENALTY, .penalty = LINEBREAK_INFINITY};
	p->items[p->n++] = (struct lb_item){.kind = LB_GLUE, .stretch = LINEBREAK_INFINITY};
	p->items[p->n++] = (struct lb_item){.kind = LB_PENALTY, .penalty = -LINEBREAK_INFINITY};
}

static void equal_words_fill_equal_lines(void **state)
{
	(void)state;
	static struct para p;
	p.n = 0;
	const double w[] = {3, 3, 3, 3, 3, 3, 3, 3, 3};
	words(&p, w, 9);
	finish(&p);
	const struct lb_params params = {.measure = 11, .tolerance = 1, .max_flagged_run = 2};
	size_t *breaks;
	size_t count = linebreak_total_fit(p.items, p.n, &params, &breaks);
	/* Three words a line: the spaces after words 3 and 6 (items 5, 11). */
	assert_int_equal(count, 3);
	assert_int_equal(breaks[0], 5);
	assert_int_equal(breaks[1], 11);
	assert_int_equal(breaks[2], p.n - 1);
	free(breaks);
}

/* First fit sets "1 1 4 1 / 2 3 / 5": its second line has a space four
 * times too wide. Total fit finds the only setting whose spaces all stay
 * within twice their width: "1 1 4 / 1 2 3 / 5". */
static void total_fit_avoids_the_loose_line_first_fit_makes(void **state)
{
	(void)state;
	static struct para p;
	p.n = 0;
	const double w[] = {1, 1, 4, 1, 2, 3, 5};
	words(&p, w, 7);
	finish(&p);
	const struct lb_params params = {.measure = 10, .tolerance = 1, .max_flagged_run = 2};
	size_t *breaks;
	size_t count = linebreak_total_fit(p.items, p.n, &params, &breaks);
	assert_int_equal(count, 3);
	assert_int_equal(breaks[0], 5);    /* the space after the third word */
	assert_int_equal(breaks[1], 11);   /* the space after the sixth */
	free(breaks);
}

/* Here every line fits exactly only when it ends with a hyphen ("2 4 2-"
 * of "2 2-2 2-2 ..."), so an unlimited breaker hyphenates them all; two
 * in a row is the limit, and the breaker respects it even though that
 * leaves it no tolerable line in between. */
static void no_more_than_two_hyphens_in_a_row(void **state)
{
	(void)state;
	static struct para p;
	p.n = 0;
	box(&p, 2);
	for (int i = 0; i < 40; i++) {
		space(&p);
		box(&p, 2);
		hyphen(&p);
		box(&p, 2);
	}
	finish(&p);
	const struct lb_params params = {.measure = 11, .tolerance = 1, .max_flagged_run = 2};
	size_t *breaks;
	size_t count = linebreak_total_fit(p.items, p.n, &params, &breaks);
	assert_true(count > 10);
	int run = 0, hyphenated = 0;
	for (size_t i = 0; i + 1 < count; i++) {
		bool flagged = p.items[breaks[i]].kind == LB_PENALTY && p.items[breaks[i]].flagged;
		run = flagged ? run + 1 : 0;
		hyphenated += flagged;
		assert_true(run <= 2);
	}
	assert_true(hyphenated > 0);
	free(breaks);
}

/* A box wider than the measure gets a line of its own: the breaker still
 * returns every word, and quickly. */
static void a_box_wider_than_the_measure_gets_its_own_line(void **state)
{
	(void)state;
	static struct para p;
	p.n = 0;
	const double w[] = {2, 2, 30, 2, 2};
	words(&p, w, 5);
	finish(&p);
	const struct lb_params params = {.measure = 10, .tolerance = 1, .max_flagged_run = 2};
	size_t *breaks;
	size_t count = linebreak_total_fit(p.items, p.n, &params, &breaks);
	assert_int_equal(count, 3);
	assert_int_equal(breaks[0], 3);    /* "2 2" */
	assert_int_equal(breaks[1], 5);    /* the wide box alone */
	assert_int_equal(breaks[2], p.n - 1);
	free(breaks);
}

/* Thousands of one-letter words: linear time, every line within bounds. */
static void thousands_of_tiny_words(void **state)
{
	(void)state;
	static struct para p;
	p.n = 0;
	for (int i = 0; i < 1300; i++) {
		if (i)
			space(&p);
		box(&p, 1);
	}
	finish(&p);
	const struct lb_params params = {.measure = 40, .tolerance = 1, .max_flagged_run = 2};
	size_t *breaks;
	size_t count = linebreak_total_fit(p.items, p.n, &params, &breaks);
	assert_true(count >= 60 && count <= 70);
	free(breaks);
}

/* Found by fuzz_text: a paragraph that can break only at hyphens. Past
 * two in a row is forbidden, but crossing the margin is worse: every
 * line still fits. */
static void only_hyphens_to_break_at(void **state)
{
	(void)state;
	static struct para p;
	p.n = 0;
	for (int i = 0; i < 30; i++) {
		if (i)
			hyphen(&p);
		box(&p, 4);
	}
	finish(&p);
	const struct lb_params params = {.measure = 10, .tolerance = 1, .max_flagged_run = 2};
	size_t *breaks;
	size_t count = linebreak_total_fit(p.items, p.n, &params, &breaks);
	assert_true(count >= 15);
	size_t from = 0;
	for (size_t i = 0; i < count; i++) {
		double width = 0;
		for (size_t k = from; k < breaks[i]; k++)
			if (p.items[k].kind == LB_BOX)
				width += p.items[k].width;
		if (p.items[breaks[i]].kind == LB_PENALTY)
			width += p.items[breaks[i]].width;
		assert_true(width <= 10);
		from = breaks[i] + 1;
	}
	free(breaks);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(equal_words_fill_equal_lines),
		cmocka_unit_test(total_fit_avoids_the_loose_line_first_fit_makes),
		cmocka_unit_test(no_more_than_two_hyphens_in_a_row),
		cmocka_unit_test(a_box_wider_than_the_measure_gets_its_own_line),
		cmocka_unit_test(thousands_of_tiny_words),
		cmocka_unit_test(only_hyphens_to_break_at),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
