/* test_stats.c - the figures of a small catalog, counted by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "catalog.h"
#include "chart.h"
#include "check.h"
#include "stats.h"
#include "helpers.h"

static const char sectors_csv[] =
	"id,name,name_ar,color\n"
	"farm,Farming,,#247A2B\n"
	"empty,Nobody Here,,#144F8A\n"
	"music,Music,\u0627\u0644\u0645\u0648\u0633\u064a\u0642\u0649,#C15110\n";

static const char edition_ini[] = "[edition]\ntitle = T\ndate = 2026-01-01\n";

/* Participants: 1,500 and 28 reported, two left empty (not zero); years
 * 2003, 1995, 2003; regions twice Jerusalem, once Galilee, once none. */
static const char initiatives_csv[] =
	"id,name,sector,summary,location,region,region_he,founded,participants\n"
	"a,A,farm,S,Jaffa,Jerusalem,\u05d9\u05e8\u05d5\u05e9\u05dc\u05d9\u05dd,2003,1500\n"
	"b,B,farm,S,Jaffa,Galilee,,,\n"
	"c,C,music,S,Haifa,Jerusalem,,1995,28\n"
	"d,D,music,S,,,,2003,\n";

static struct catalog cat;
static struct stats st;

static int read_catalog(void **state)
{
	(void)state;
	struct diag_list diags = {0};
	const char *ini = write_temp_text(edition_ini);
	const char *sectors = write_temp_text(sectors_csv);
	const char *initiatives = write_temp_text(initiatives_csv);
	if (catalog_read(&cat, initiatives, sectors, ini, &diags) != STATUS_OK ||
	    check_catalog(&cat, &diags) != STATUS_OK || diag_has_errors(&diags)) {
		print_diags(&diags);
		return -1;
	}
	diag_list_free(&diags);
	stats_compute(&cat, &st);
	return 0;
}

static int free_catalog(void **state)
{
	stats_free(&st);
	catalog_free(&cat);
	return remove_temp_files(state);
}

static void key_figures(void **state)
{
	(void)state;
	assert_int_equal(st.initiatives, 4);
	assert_int_equal(st.sectors, 2);          /* the empty sector does not count */
	assert_int_equal(st.people, 1528);
	assert_int_equal(st.reporting_people, 2);  /* empty cells are not zeros */
	assert_int_equal(st.reporting_year, 3);
	assert_int_equal(st.first_year, 1995);
	assert_int_equal(st.last_year, 2003);
	assert_int_equal(st.places, 2);            /* Jaffa twice, Haifa */
}

static void per_sector(void **state)
{
	(void)state;
	assert_int_equal(st.sector_count, 3);
	assert_int_equal(st.by_sector[0].initiatives, 2);
	assert_int_equal(st.by_sector[0].reporting, 1);
	assert_int_equal(st.by_sector[0].people, 1500);
	assert_int_equal(st.by_sector[1].initiatives, 0);
	assert_int_equal(st.by_sector[1].reporting, 0);
	assert_int_equal(st.by_sector[2].initiatives, 2);
	assert_int_equal(st.by_sector[2].people, 28);
}

static void years_and_regions(void **state)
{
	(void)state;
	assert_int_equal(st.year_count, 2);
	assert_int_equal(st.by_year[0].year, 1995);
	assert_int_equal(st.by_year[0].count, 1);
	assert_int_equal(st.by_year[1].year, 2003);
	assert_int_equal(st.by_year[1].count, 2);
	assert_int_equal(st.region_count, 2);
	assert_string_equal(st.by_region[0].name, "Jerusalem");
	assert_int_equal(st.by_region[0].count, 2);
	assert_string_equal(st.by_region[1].name, "Galilee");
	assert_int_equal(st.reporting_region, 3);
	/* Names in the edition's language, English where a column is empty. */
	assert_string_equal(stats_region_name(&st.by_region[0], LANG_HE), "\u05d9\u05e8\u05d5\u05e9\u05dc\u05d9\u05dd");
	assert_string_equal(stats_region_name(&st.by_region[1], LANG_HE), "Galilee");
	assert_string_equal(stats_sector_name(&cat.sectors[0], LANG_AR), "Farming");
	assert_string_equal(stats_sector_name(&cat.sectors[2], LANG_AR),
			    "\u0627\u0644\u0645\u0648\u0633\u064a\u0642\u0649");
}

/* A sector without initiatives gets no bar, and its share strip none. */
static void charts_leave_out_empty_sectors(void **state)
{
	(void)state;
	struct chart *c = chart_make(CHART_SECTORS, &cat, &st, 0);
	assert_int_equal(c->count, 2);
	assert_string_equal(c->entries[0].label, "Farming");
	assert_string_equal(c->entries[1].label, "Music");
	chart_free(c);
	c = chart_make(CHART_SECTOR_SHARE, &cat, &st, 2);
	assert_int_equal(c->count, 2);
	assert_int_equal(c->highlight, 1);
	assert_string_equal(c->title, "2 of the booklet\u2019s 4 initiatives (50%), 28 of 1,528 people reached");
	chart_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(key_figures),
		cmocka_unit_test(per_sector),
		cmocka_unit_test(years_and_regions),
		cmocka_unit_test(charts_leave_out_empty_sectors),
	};
	return cmocka_run_group_tests(tests, read_catalog, free_catalog);
}
