/* test_check.c - unit tests of validating a catalog: every problem, each
 * at its exact cell, and the resolved fields. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "catalog.h"
#include "check.h"
#include "helpers.h"


static const char sectors_csv[] =
	"id,name,color\n"
	"agriculture,Agriculture,#247A2B\n"
	"economy,Economy,#192c65\n"
	"health,Health,#A91E29\n";

static const char edition_ini[] =
	"[edition]\n"
	"title = Points of Light\n"
	"date = 2026-12-01\n";

/* Reads the three texts and checks them; the diagnostics of both stages
 * go to d. Returns check_catalog's status. */
static enum status load(struct catalog *cat, const char *initiatives,
			const char *sectors, const char *edition, struct diag_list *d)
{
	catalog_read(cat, write_temp_text(initiatives), write_temp_text(sectors),
		     write_temp_text(edition), d);
	return check_catalog(cat, d);
}

/* Rows that use every sector of sectors_csv, so that none is unused;
 * extra is added to each (",": one more, empty, field). */
#define SECTOR_ROWS(extra) \
	"s-agriculture,A,agriculture,S" extra "\n" \
	"s-economy,E,economy,S" extra "\n" \
	"s-health,H,health,S" extra "\n"
#define ALL_SECTORS SECTOR_ROWS("")

static void test_valid_catalog_resolved(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	assert_int_equal(load(&cat,
		"id,name,sector,summary,founded,participants,partners,url\n"
		"olive-grove,Olive Grove,agriculture,Shared trees.,1800,0, Green Hands ; ;Olive Friends;,HTTPS://example.org\n"
		"market-2,Market,economy,Traders.,2100,007,,http://x.org/a?b=c\n"
		"clinic,Clinic,health,Doctors.,,999999999999,solo,\n",
		sectors_csv, edition_ini, &d), STATUS_OK);
	expect_diag_count(&d, 0);
	const struct initiative *in = cat.initiatives;
	assert_int_equal(in[0].sector_index, 0);
	assert_int_equal(in[1].sector_index, 1);
	assert_int_equal(in[2].sector_index, 2);
	assert_int_equal(in[0].founded_year, 1800);
	assert_int_equal(in[1].founded_year, 2100);
	assert_int_equal(in[2].founded_year, 0);
	assert_int_equal(in[0].participant_count, 0);
	assert_int_equal(in[1].participant_count, 7);
	assert_true(in[2].participant_count == 999999999999LL);
	assert_int_equal(in[0].partner_count, 2);
	assert_string_equal(in[0].partner_names[0], "Green Hands");
	assert_string_equal(in[0].partner_names[1], "Olive Friends");
	assert_int_equal(in[1].partner_count, 0);
	assert_int_equal(in[2].partner_count, 1);
	assert_string_equal(in[2].partner_names[0], "solo");
	assert_true(cat.sectors[0].rgb[0] == 0x24 / 255.0);
	assert_true(cat.sectors[0].rgb[1] == 0x7A / 255.0);
	assert_true(cat.sectors[0].rgb[2] == 0x2B / 255.0);
	assert_true(cat.sectors[1].rgb[2] == 0x65 / 255.0);

	/* Checking again gives the same and leaks nothing. */
	assert_int_equal(check_catalog(&cat, &d), STATUS_OK);
	assert_int_equal(cat.initiatives[0].partner_count, 2);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_ids(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	assert_int_equal(load(&cat,
		"name,id,sector,summary\n"
		"A,olive,agriculture,S\n"
		"B,,agriculture,S\n"
		"C,Olive Grove,economy,S\n"
		"D,olive,economy,S\n"
		"E,olive_2,economy,S\n"
		"F,olive,health,S\n"
		"G,זית,health,S\n",
		sectors_csv, edition_ini, &d), STATUS_INVALID);
	const char *path = cat.initiatives_path;
	expect_error(&d, path, 3, 3, "empty id");
	expect_error(&d, path, 4, 3,
		     "id \"Olive Grove\" may contain only lowercase a-z, digits and \"-\"");
	expect_error(&d, path, 5, 3, "duplicate id \"olive\"; first used on line 2");
	expect_error(&d, path, 6, 3, "id \"olive_2\" may contain only");
	expect_error(&d, path, 7, 3, "duplicate id \"olive\"; first used on line 2");
	expect_error(&d, path, 8, 3, "id \"זית\" may contain only");
	expect_diag_count(&d, 6);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_empty_required_fields(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	load(&cat,
	     "id,name,sector,summary\n"
	     ALL_SECTORS
	     "a,,economy,S\n"
	     "b,B,\"  \",S\n"
	     "c,C,economy,\n", sectors_csv, edition_ini, &d);
	const char *path = cat.initiatives_path;
	expect_error(&d, path, 5, 3, "empty name");
	expect_error(&d, path, 6, 5, "empty sector");
	expect_error(&d, path, 7, 13, "empty summary");
	expect_diag_count(&d, 3);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_absent_cells_not_reported_again(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	/* Without a summary column, read says so once; check does not add
	 * "empty summary" for every row. Nor for a short row. */
	load(&cat,
	     "id,name,sector\n"
	     "a,A,agriculture\n"
	     "b,B,economy\n"
	     "c,C\n"
	     "d,D,health\n", sectors_csv, edition_ini, &d);
	const char *path = cat.initiatives_path;
	expect_error(&d, path, 1, 0, "missing required column \"summary\"");
	expect_error(&d, path, 4, 0, "row has 2 fields; the header has 3");
	expect_diag_count(&d, 2);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_unknown_sector(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	load(&cat,
	     "id,name,sector,summary\n"
	     ALL_SECTORS
	     "a,שוק,culture,S\n"
	     "b,B,Economy,S\n", sectors_csv, edition_ini, &d);
	char want[256];
	snprintf(want, sizeof want, "unknown sector \"culture\"; %s has: agriculture, economy, health",
		 cat.sectors_path);
	expect_error(&d, cat.initiatives_path, 5, 7, want);
	expect_error(&d, cat.initiatives_path, 6, 5, "unknown sector \"Economy\"");
	expect_diag_count(&d, 2);
	assert_true(cat.initiatives[3].sector_index == SIZE_MAX);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_years(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	load(&cat,
	     "id,name,sector,summary,founded\n"
	     SECTOR_ROWS(",")
	     "a,A,economy,S,20x4\n"
	     "b,B,economy,S,1799\n"
	     "c,C,economy,S,2101\n"
	     "d,D,economy,S,123\n"
	     "e,E,economy,S,02020\n"
	     "f,F,economy,S,-2000\n"
	     "g,G,economy,S,1948\n", sectors_csv, edition_ini, &d);
	const char *path = cat.initiatives_path;
	expect_error(&d, path, 5, 15, "\"20x4\" is not a plausible year");
	expect_error(&d, path, 6, 15, "\"1799\" is not a plausible year");
	expect_error(&d, path, 7, 15, "\"2101\" is not a plausible year");
	expect_error(&d, path, 8, 15, "\"123\" is not a plausible year");
	expect_error(&d, path, 9, 15, "\"02020\" is not a plausible year");
	expect_error(&d, path, 10, 15, "\"-2000\" is not a plausible year");
	expect_diag_count(&d, 6);
	assert_int_equal(cat.initiatives[9].founded_year, 1948);
	assert_int_equal(cat.initiatives[3].founded_year, 0);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_participants(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	load(&cat,
	     "id,name,sector,summary,participants\n"
	     SECTOR_ROWS(",")
	     "a,A,economy,S,-5\n"
	     "b,B,economy,S,+5\n"
	     "c,C,economy,S,\"1,200\"\n"
	     "d,D,economy,S,1 200\n"
	     "e,E,economy,S,12.5\n"
	     "f,F,economy,S,1e3\n"
	     "g,G,economy,S,many\n"
	     "h,H,economy,S,1000000000000\n"
	     "i,I,economy,S,0001000\n", sectors_csv, edition_ini, &d);
	const char *path = cat.initiatives_path;
	expect_error(&d, path, 5, 15, "participants must be a whole number ≥ 0, not \"-5\"");
	expect_error(&d, path, 6, 15, "participants must be a whole number ≥ 0, not \"+5\"");
	expect_error(&d, path, 7, 15, "participants must be a whole number ≥ 0, not \"1,200\"");
	expect_error(&d, path, 8, 15, "not \"1 200\"");
	expect_error(&d, path, 9, 15, "not \"12.5\"");
	expect_error(&d, path, 10, 15, "not \"1e3\"");
	expect_error(&d, path, 11, 15, "not \"many\"");
	expect_error(&d, path, 12, 15,
		     "participants must be less than 1000000000000, not \"1000000000000\"");
	expect_diag_count(&d, 8);
	assert_int_equal(cat.initiatives[3].participant_count, -1);
	assert_int_equal(cat.initiatives[11].participant_count, 1000);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_urls(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	load(&cat,
	     "id,name,sector,summary,url\n"
	     SECTOR_ROWS(",")
	     "a,A,economy,S,www.example.org\n"
	     "b,B,economy,S,ftp://example.org\n"
	     "c,C,economy,S,http://exa mple.org\n"
	     "d,D,economy,S,\"http://example.org/\ta\"\n"
	     "e,E,economy,S,https://\n"
	     "f,F,economy,S,Http://Example.org\n"
	     "g,G,economy,S,\"https://example.org/a\nb\"\n"
	     "h,H,economy,S,javascript:alert(1)\n"
	     "i,I,economy,S,file:///etc/passwd\n"
	     "j,J,economy,S,\"data:text/html;base64,PHNjcmlwdD4=\"\n"
	     "k,K,economy,S,mailto:office@example.org\n", sectors_csv, edition_ini, &d);
	const char *path = cat.initiatives_path;
	expect_error(&d, path, 5, 15,
		     "url must start with http://, https:// or mailto:, not \"www.example.org\"");
	expect_error(&d, path, 6, 15, "not \"ftp://example.org\"");
	expect_error(&d, path, 7, 15, "url \"http://exa mple.org\" contains a space");
	/* Control characters are escaped in the message, never printed. */
	expect_error(&d, path, 8, 15,
		     "url \"http://example.org/\\ta\" contains a control character");
	expect_error(&d, path, 9, 15, "url \"https://\" has nothing after the scheme");
	expect_error(&d, path, 11, 15, "url \"https://example.org/a\\nb\" contains a control");
	/* Links open web pages or mail, nothing else. */
	expect_error(&d, path, 13, 15, "not \"javascript:alert(1)\"");
	expect_error(&d, path, 14, 15, "not \"file:///etc/passwd\"");
	expect_error(&d, path, 15, 15, "not \"data:text/html;base64,PHNjcmlwdD4=\"");
	expect_diag_count(&d, 9);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_sectors(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	load(&cat,
	     "id,name,sector,summary\n"
	     "a,A,agriculture,S\n"
	     "b,B,economy,S\n"
	     "c,C,health,S\n",
	     "id,name,color\n"
	     "agriculture,Agriculture,#247A2B\n"
	     "economy,Economy,red\n"
	     "health,,#A91E2\n"
	     "agriculture,Farming,#000000\n"
	     "Sport,Sport,#ABCDEG\n"
	     "unused,Unused,\n"
	     "dialogue,Dialogue,#592b42\n",
	     edition_ini, &d);
	const char *path = cat.sectors_path;
	expect_error(&d, path, 3, 17, "color must be #RRGGBB, not \"red\"");
	expect_error(&d, path, 4, 8, "empty name");
	expect_error(&d, path, 4, 9, "color must be #RRGGBB, not \"#A91E2\"");
	expect_error(&d, path, 5, 1, "duplicate id \"agriculture\"; first used on line 2");
	expect_error(&d, path, 6, 1, "id \"Sport\" may contain only");
	expect_error(&d, path, 6, 13, "color must be #RRGGBB, not \"#ABCDEG\"");
	expect_error(&d, path, 7, 15, "empty color");
	expect_warning(&d, path, 7, 1, "sector \"unused\" has no initiatives; it gets no chapter");
	expect_warning(&d, path, 8, 1, "sector \"dialogue\" has no initiatives");
	expect_diag_count(&d, 9);
	assert_true(cat.sectors[6].rgb[0] == 0x59 / 255.0);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_no_sector_warnings_without_initiatives(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	load(&cat, "id,name,sector,summary\n", sectors_csv, edition_ini, &d);
	expect_error(&d, cat.initiatives_path, 1, 0, "no rows after the header");
	expect_diag_count(&d, 1);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_edition(void **state)
{
	(void)state;
	static const struct {
		const char *ini;
		int line;
		const char *message;   /* NULL: valid */
	} cases[] = {
		{"[edition]\ntitle = T\ndate = 2024-02-29\nlang = ar\n", 0, NULL},
		{"[edition]\ntitle = T\ndate = 2000-02-29\n", 0, NULL},
		{"[edition]\ntitle = T\ndate = 2023-02-29\n", 3,
		 "\"2023-02-29\" is not a real date (YYYY-MM-DD)"},
		{"[edition]\ntitle = T\ndate = 1900-02-29\n", 3, "not a real date"},
		{"[edition]\ntitle = T\ndate = 2025-04-31\n", 3, "not a real date"},
		{"[edition]\ntitle = T\ndate = 2025-13-01\n", 3, "not a real date"},
		{"[edition]\ntitle = T\ndate = 2025-1-05\n", 3, "not a real date"},
		{"[edition]\ntitle = T\ndate = 05/01/2025\n", 3, "not a real date"},
		{"[edition]\ntitle = T\ndate = 0000-01-01\n", 3, "not a real date"},
		{"[edition]\ntitle = T\ndate =\n", 3, "empty date"},
		{"[edition]\ntitle =\ndate = 2025-01-01\n", 2, "empty title"},
		{"[edition]\ntitle = T\ndate = 2025-01-01\nlang = fr\n", 4,
		 "lang must be en, he or ar, not \"fr\""},
		{"[edition]\ntitle = T\ndate = 2025-01-01\nlang = EN\n", 4, "not \"EN\""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct diag_list d = {0};
		struct catalog cat;
		enum status st = load(&cat, "id,name,sector,summary\n" ALL_SECTORS,
				      sectors_csv, cases[i].ini, &d);
		if (!cases[i].message) {
			assert_int_equal(st, STATUS_OK);
			expect_diag_count(&d, 0);
		} else {
			assert_int_equal(st, STATUS_INVALID);
			expect_error(&d, cat.edition_path, cases[i].line, 0, cases[i].message);
			expect_diag_count(&d, 1);
		}
		catalog_free(&cat);
		diag_list_free(&d);
	}
}

static void test_every_problem_reported(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	assert_int_equal(load(&cat,
		"id,name,sector,summary,founded,participants,url\n"
		"Bad Id,,nowhere,,20x4,-1,www.x\n"
		"ok,OK,economy,S,,,\n"
		"ok,Again,health,S,,,\n",
		sectors_csv,
		"[edition]\ntitle = T\ndate = 2025-02-30\nlang = de\n", &d), STATUS_INVALID);
	const char *path = cat.initiatives_path;
	expect_error(&d, path, 2, 1, "id \"Bad Id\"");
	expect_error(&d, path, 2, 8, "empty name");
	expect_error(&d, path, 2, 9, "unknown sector \"nowhere\"");
	expect_error(&d, path, 2, 17, "empty summary");
	expect_error(&d, path, 2, 18, "\"20x4\" is not a plausible year");
	expect_error(&d, path, 2, 23, "participants must be a whole number");
	expect_error(&d, path, 2, 26, "url must start with");
	expect_error(&d, path, 4, 1, "duplicate id \"ok\"; first used on line 3");
	expect_warning(&d, cat.sectors_path, 2, 1, "sector \"agriculture\" has no initiatives");
	expect_error(&d, cat.edition_path, 3, 0, "\"2025-02-30\" is not a real date");
	expect_error(&d, cat.edition_path, 4, 0, "lang must be en, he or ar");
	expect_diag_count(&d, 11);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_many_rows_duplicates(void **state)
{
	(void)state;
	/* 100,000 rows, every tenth id used twice: every duplicate is found and
	 * points at the first use. (Duplicates are found by sorting, not by
	 * comparing every pair; the benchmark, not this test, measures it.) */
	enum { ROWS = 100000 };
	struct buffer csv = {0};
	buffer_append_str(&csv, "id,name,sector,summary,founded,participants\n");
	for (int i = 0; i < ROWS; i++)
		buffer_printf(&csv, "id-%d,Name %d,%s,Summary,1990,%d\n",
			      i % 10 == 9 ? i - 1 : i, i,
			      i % 3 == 0 ? "agriculture" : i % 3 == 1 ? "economy" : "health", i);
	struct diag_list d = {0};
	struct catalog cat;
	load(&cat, csv.data, sectors_csv, edition_ini, &d);
	assert_int_equal(cat.initiative_count, ROWS);
	expect_diag_count(&d, ROWS / 10);
	expect_error(&d, cat.initiatives_path, 11, 1,
		     "duplicate id \"id-8\"; first used on line 10");
	buffer_free(&csv);
	catalog_free(&cat);
	diag_list_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_catalog_resolved),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_empty_required_fields),
		cmocka_unit_test(test_absent_cells_not_reported_again),
		cmocka_unit_test(test_unknown_sector),
		cmocka_unit_test(test_years),
		cmocka_unit_test(test_participants),
		cmocka_unit_test(test_urls),
		cmocka_unit_test(test_sectors),
		cmocka_unit_test(test_no_sector_warnings_without_initiatives),
		cmocka_unit_test(test_edition),
		cmocka_unit_test(test_every_problem_reported),
		cmocka_unit_test(test_many_rows_duplicates),
	};
	return cmocka_run_group_tests(tests, NULL, remove_temp_files);
}
