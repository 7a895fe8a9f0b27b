/* test_half.c - half precision conversions: every half survives the
 * round trip, and floats round to the nearest half, ties to even. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "half.h"

#include <math.h>
#include <stdbool.h>

static void every_half_comes_back(void **state)
{
	(void)state;
	for (uint32_t h = 0; h <= 0xFFFF; h++) {
		bool not_a_number = (h & 0x7C00) == 0x7C00 && (h & 0x3FF);
		if (not_a_number)
			assert_true(isnan(half_to_float((uint16_t)h)));
		else
			assert_int_equal(half_from_float(half_to_float((uint16_t)h)), h);
	}
}

static void known_values(void **state)
{
	(void)state;
	assert_int_equal(half_from_float(1.0f), 0x3C00);
	assert_int_equal(half_from_float(-2.0f), 0xC000);
	assert_int_equal(half_from_float(0.5f), 0x3800);
	assert_int_equal(half_from_float(65504.0f), 0x7BFF);
	assert_int_equal(half_from_float(1e6f), 0x7C00);           /* too large: infinite */
	assert_int_equal(half_from_float(0x1p-24f), 0x0001);       /* the smallest subnormal */
	assert_int_equal(half_from_float(0x1p-26f), 0x0000);       /* too small: zero */
	assert_true(half_to_float(0x0001) == 0x1p-24f);
	assert_true(half_to_float(0x03FF) == 0x3FFp-24f);          /* the largest subnormal */
	assert_true(half_to_float(0x3555) == 0x1.554p-2f);         /* 1/3, rounded */
	assert_int_equal(half_from_float(1.0f / 3.0f), 0x3555);
}

/* Halfway between two halves goes to the even one; past halfway, up. */
static void ties_go_to_even(void **state)
{
	(void)state;
	assert_int_equal(half_from_float(1.0f + 0x1p-11f), 0x3C00);
	assert_int_equal(half_from_float(1.0f + 0x3p-11f), 0x3C02);
	assert_int_equal(half_from_float(1.0f + 0x1p-11f + 0x1p-20f), 0x3C01);
	assert_int_equal(half_from_float(0x3p-25f), 0x0002);       /* subnormal tie, to even */
	assert_int_equal(half_from_float(65519.0f), 0x7BFF);       /* below the tie with infinity */
	assert_int_equal(half_from_float(65520.0f), 0x7C00);
}

/* What adjustments need: a few points, to well under a thousandth. */
static void adjustments_stay_close(void **state)
{
	(void)state;
	for (float points = -12.0f; points <= 12.0f; points += 0.01f)
		assert_true(fabsf(half_to_float(half_from_float(points)) - points) <=
			    fabsf(points) * 0x1p-11f + 1e-7f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_half_comes_back),
		cmocka_unit_test(known_values),
		cmocka_unit_test(ties_go_to_even),
		cmocka_unit_test(adjustments_stay_close),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
