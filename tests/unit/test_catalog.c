/* test_catalog.c - unit tests of reading the three input files into a
 * catalog: columns by name, trimming, absent cells, edition.ini. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "catalog.h"
#include "helpers.h"

static const char sectors_csv[] =
	"id,name,color\n"
	"agriculture,Agriculture,#247A2B\n"
	"economy,Economy,#192C65\n";

static const char edition_ini[] =
	"[edition]\n"
	"title = Points of Light\n"
	"date = 2026-12-01\n";

static void expect_field(const struct field *f, const char *text, const char *file,
			 int line, int col)
{
	assert_string_equal(f->text, text);
	assert_string_equal(f->at.file, file);
	assert_int_equal(f->at.line, line);
	assert_int_equal(f->at.col, col);
}

/* Reads an initiatives CSV given as text with the sectors and edition
 * above; returns catalog_read's status. */
static enum status read_initiatives(struct catalog *cat, const char *csv,
				    struct diag_list *d)
{
	return catalog_read(cat, write_temp_text(csv), write_temp_text(sectors_csv),
			    write_temp_text(edition_ini), d);
}

static void test_good_fixture(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	char initiatives[512], sectors[512], edition[512];
	snprintf(initiatives, sizeof initiatives, "%s", fixture("good.csv"));
	snprintf(sectors, sizeof sectors, "%s", fixture("sectors.csv"));
	snprintf(edition, sizeof edition, "%s", fixture("edition.ini"));
	assert_int_equal(catalog_read(&cat, initiatives, sectors, edition, &d), STATUS_OK);
	expect_diag_count(&d, 0);

	assert_int_equal(cat.initiative_count, 5);
	const struct initiative *garden = &cat.initiatives[0];
	/* After the BOM, the first cell of a CRLF header. */
	expect_field(&garden->id, "peace-garden", initiatives, 2, 1);
	expect_field(&garden->name, "Peace Garden, Jaffa", initiatives, 2, 14);
	expect_field(&garden->name_he, "גן השלום", initiatives, 2, 36);
	expect_field(&garden->name_ar, "حديقة السلام", initiatives, 2, 45);
	assert_string_equal(garden->partners.text, "Green Hands; Olive Friends");
	/* No summary_he column: "" at the row, column 0. */
	expect_field(&garden->summary_he, "", initiatives, 2, 0);

	const struct initiative *code = &cat.initiatives[1];
	assert_string_equal(code->name_he.text, "גשר קוד 21");
	assert_string_equal(code->summary.text,
			    "Engineers from both sides write code for shared clients, "
			    "\"side by side\".");
	const struct initiative *music = &cat.initiatives[2];
	assert_string_equal(music->summary.text,
			    "A youth orchestra\nthat rehearses in two languages.");
	/* The row after a two-line field starts two lines later. */
	assert_int_equal(cat.initiatives[3].id.at.line, 6);
	/* Trimmed, but the span is still the cell's. */
	expect_field(&cat.initiatives[4].name, "First Aid Together", initiatives, 7, 13);

	assert_int_equal(cat.sector_count, 8);
	expect_field(&cat.sectors[7].id, "dialogue", sectors, 9, 1);
	assert_string_equal(cat.sectors[0].name_he.text, "חקלאות");
	assert_string_equal(cat.sectors[0].name_ar.text, "الزراعة");
	assert_string_equal(cat.sectors[7].color.text, "#592B42");

	expect_field(&cat.edition.title, "Points of Light", edition, 3, 0);
	assert_string_equal(cat.edition.title_he.text, "נקודות אור");
	expect_field(&cat.edition.date, "2026-12-01", edition, 8, 0);
	assert_string_equal(cat.edition.lang.text, "en");
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_columns_in_any_order(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	assert_int_equal(read_initiatives(&cat,
		"summary,url,sector,name_ar,name,id\n"
		"Shared work.,https://x.org,economy,سوق,Market,market\n", &d), STATUS_OK);
	expect_diag_count(&d, 0);
	const struct initiative *in = &cat.initiatives[0];
	assert_string_equal(in->id.text, "market");
	assert_int_equal(in->id.at.col, 47);
	assert_string_equal(in->name.text, "Market");
	assert_string_equal(in->name_ar.text, "سوق");
	assert_string_equal(in->sector.text, "economy");
	assert_string_equal(in->summary.text, "Shared work.");
	assert_string_equal(in->url.text, "https://x.org");
	assert_string_equal(in->quote.text, "");
	/* Resolved fields start unresolved. */
	assert_true(in->sector_index == SIZE_MAX);
	assert_int_equal(in->participant_count, -1);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_missing_required_columns(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	read_initiatives(&cat, "name,sector\nA,economy\n", &d);
	const char *path = cat.initiatives_path;
	expect_error(&d, path, 1, 0, "missing required column \"id\"");
	expect_error(&d, path, 1, 0, "missing required column \"summary\"");
	expect_diag_count(&d, 2);
	/* The rows are still read. */
	assert_int_equal(cat.initiative_count, 1);
	expect_field(&cat.initiatives[0].summary, "", path, 2, 0);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_unknown_unnamed_and_duplicate_columns(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	read_initiatives(&cat,
		"id,name,colour,sector,summary,,name\n"
		"a,A,red,economy,S,x,B\n", &d);
	const char *path = cat.initiatives_path;
	expect_warning(&d, path, 1, 9, "unknown column \"colour\" is ignored");
	expect_warning(&d, path, 1, 31, "column has no name; it is ignored");
	expect_error(&d, path, 1, 32, "duplicate column \"name\"");
	expect_diag_count(&d, 3);
	/* The first of two columns of one name is the one used. */
	assert_string_equal(cat.initiatives[0].name.text, "A");
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_fields_trimmed_spans_kept(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	read_initiatives(&cat,
		" id , name ,sector,summary\n"
		"a, \"  Olive Grove\t\" ,economy,\"  \"\n", &d);
	expect_diag_count(&d, 0);
	const char *path = cat.initiatives_path;
	expect_field(&cat.initiatives[0].name, "Olive Grove", path, 2, 4);
	expect_field(&cat.initiatives[0].summary, "", path, 2, 30);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_short_row(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	read_initiatives(&cat, "id,name,sector,summary\na,A\n", &d);
	const char *path = cat.initiatives_path;
	expect_error(&d, path, 2, 0, "row has 2 fields; the header has 4");
	expect_diag_count(&d, 1);
	expect_field(&cat.initiatives[0].name, "A", path, 2, 3);
	expect_field(&cat.initiatives[0].sector, "", path, 2, 0);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_sectors_columns(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	const char *sectors = write_temp_text(
		"intro_ar,intro,name_ar,name_he,name,id,intro_he\n"
		"مقدمة,Intro,الزراعة,חקלאות,Agriculture,agriculture,מבוא\n");
	catalog_read(&cat, write_temp_text("id,name,sector,summary\na,A,agriculture,S\n"),
		     sectors, write_temp_text(edition_ini), &d);
	expect_error(&d, sectors, 1, 0, "missing required column \"color\"");
	expect_diag_count(&d, 1);
	const struct sector *s = &cat.sectors[0];
	expect_field(&s->id, "agriculture", sectors, 2, 40);
	assert_string_equal(s->intro.text, "Intro");
	assert_string_equal(s->intro_ar.text, "مقدمة");
	assert_string_equal(s->intro_he.text, "מבוא");
	assert_string_equal(s->name_he.text, "חקלאות");
	expect_field(&s->color, "", sectors, 2, 0);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_empty_initiatives_file(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	assert_int_equal(read_initiatives(&cat, "", &d), STATUS_OK);
	expect_error(&d, cat.initiatives_path, 1, 0, "file is empty");
	/* Not also every required column as missing. */
	expect_diag_count(&d, 1);
	assert_int_equal(cat.initiative_count, 0);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_cannot_open(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	const char *edition = write_temp_text(edition_ini);
	assert_int_equal(catalog_read(&cat, "missing/initiatives.csv", "missing/sectors.csv",
				      edition, &d), STATUS_IO);
	expect_error(&d, "missing/initiatives.csv", 0, 0,
		     "cannot open: No such file or directory");
	expect_error(&d, "missing/sectors.csv", 0, 0, "cannot open");
	expect_diag_count(&d, 2);
	/* What could be read was read. */
	assert_string_equal(cat.edition.title.text, "Points of Light");
	catalog_free(&cat);
	diag_list_free(&d);

	catalog_read(&cat, write_temp_text("id,name,sector,summary\na,A,economy,S\n"),
		     write_temp_text(sectors_csv), "missing/edition.ini", &d);
	expect_error(&d, "missing/edition.ini", 0, 0, "cannot open");
	expect_diag_count(&d, 1);
	/* Every field of a catalog is a string, even unread ones. */
	assert_string_equal(cat.edition.title.text, "");
	assert_string_equal(cat.edition.lang.text, "en");
	catalog_free(&cat);
	diag_list_free(&d);
}

/* Reads edition.ini given as text, with valid CSVs. */
static void read_edition(struct catalog *cat, const char *ini, struct diag_list *d)
{
	catalog_read(cat, write_temp_text("id,name,sector,summary\na,A,economy,S\n"),
		     write_temp_text(sectors_csv), write_temp_text(ini), d);
}

static void test_edition_keys(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	read_edition(&cat,
		"\xEF\xBB\xBF; the edition\r\n"
		"[edition]\r\n"
		"title = Points of Light   ; inline comment\r\n"
		"  title_he = נקודות אור\r\n"
		"title_ar: نقاط مضيئة\r\n"
		"subtitle = Together\r\n"
		"label = First edition\r\n"
		"# another comment\r\n"
		"date = 2026-12-01\r\n"
		"publisher = Editors\r\n"
		"lang = he\r\n", &d);
	expect_diag_count(&d, 0);
	const char *path = cat.edition_path;
	const struct edition *ed = &cat.edition;
	expect_field(&ed->title, "Points of Light", path, 3, 0);
	/* Indented: a key of its own, not a continuation of title. */
	expect_field(&ed->title_he, "נקודות אור", path, 4, 0);
	expect_field(&ed->title_ar, "نقاط مضيئة", path, 5, 0);
	assert_string_equal(ed->subtitle.text, "Together");
	assert_string_equal(ed->label.text, "First edition");
	expect_field(&ed->date, "2026-12-01", path, 9, 0);
	assert_string_equal(ed->publisher.text, "Editors");
	expect_field(&ed->lang, "he", path, 11, 0);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_edition_defaults_and_missing_keys(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	read_edition(&cat, "\n[edition]\nsubtitle = x\n", &d);
	const char *path = cat.edition_path;
	expect_error(&d, path, 2, 0, "missing required key \"title\" in [edition]");
	expect_error(&d, path, 2, 0, "missing required key \"date\" in [edition]");
	expect_diag_count(&d, 2);
	expect_field(&cat.edition.lang, "en", path, 0, 0);
	expect_field(&cat.edition.title, "", path, 0, 0);
	catalog_free(&cat);
	diag_list_free(&d);

	read_edition(&cat, "; nothing\n", &d);
	expect_error(&d, cat.edition_path, 0, 0, "missing section [edition]");
	expect_diag_count(&d, 1);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_edition_unknown_and_duplicate(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	read_edition(&cat,
		"colour = red\n"
		"[edition]\n"
		"title = A\n"
		"date = 2026-01-01\n"
		"editor = Me\n"
		"title = B\n"
		"[print]\n"
		"copies = 100\n", &d);
	const char *path = cat.edition_path;
	expect_warning(&d, path, 1, 0, "key \"colour\" is outside [edition] and is ignored");
	expect_warning(&d, path, 5, 0, "unknown key \"editor\" in [edition] is ignored");
	expect_error(&d, path, 6, 0, "duplicate key \"title\" in [edition]; first on line 3");
	expect_warning(&d, path, 7, 0, "unknown section [print] is ignored");
	expect_diag_count(&d, 4);
	assert_string_equal(cat.edition.title.text, "A");
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_edition_syntax_errors(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	read_edition(&cat,
		"[edition\n"
		"title = A\n"
		"just words\n"
		"[edition]\n"
		"date = 2026-01-01\n"
		"more words ; and a comment = not a key\n", &d);
	const char *path = cat.edition_path;
	expect_error(&d, path, 1, 0, "missing \"]\" in section header");
	expect_error(&d, path, 3, 0, "expected KEY = VALUE");
	expect_error(&d, path, 6, 0, "expected KEY = VALUE");
	/* title came before any good [edition] line. */
	expect_warning(&d, path, 2, 0, "key \"title\" is outside [edition]");
	expect_error(&d, path, 4, 0, "missing required key \"title\"");
	expect_diag_count(&d, 5);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_edition_long_line_and_encoding(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct catalog cat;
	struct buffer ini = {0};
	buffer_append_str(&ini, "[edition]\ntitle = ");
	for (int i = 0; i < 5000; i++)
		buffer_append_str(&ini, "ש");
	buffer_append_str(&ini, "\ndate = 2026-01-01\nsubtitle = caf\xE9\n");
	read_edition(&cat, ini.data, &d);
	const char *path = cat.edition_path;
	expect_error(&d, path, 2, 0, "line is longer than 4000 bytes");
	expect_error(&d, path, 4, 15, "invalid UTF-8 byte 0xE9");
	expect_diag_count(&d, 2);
	/* Cut between characters, so still valid UTF-8. */
	assert_true(strlen(cat.edition.title.text) % 2 == 0);
	assert_string_equal(cat.edition.subtitle.text, "caf\xEF\xBF\xBD");
	assert_int_equal(cat.edition.date.at.line, 3);
	buffer_free(&ini);
	catalog_free(&cat);
	diag_list_free(&d);
}

static void test_free_of_zeroed_catalog(void **state)
{
	(void)state;
	struct catalog cat = {0};
	catalog_free(&cat);
	catalog_free(&cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_fixture),
		cmocka_unit_test(test_columns_in_any_order),
		cmocka_unit_test(test_missing_required_columns),
		cmocka_unit_test(test_unknown_unnamed_and_duplicate_columns),
		cmocka_unit_test(test_fields_trimmed_spans_kept),
		cmocka_unit_test(test_short_row),
		cmocka_unit_test(test_sectors_columns),
		cmocka_unit_test(test_empty_initiatives_file),
		cmocka_unit_test(test_cannot_open),
		cmocka_unit_test(test_edition_keys),
		cmocka_unit_test(test_edition_defaults_and_missing_keys),
		cmocka_unit_test(test_edition_unknown_and_duplicate),
		cmocka_unit_test(test_edition_syntax_errors),
		cmocka_unit_test(test_edition_long_line_and_encoding),
		cmocka_unit_test(test_free_of_zeroed_catalog),
	};
	return cmocka_run_group_tests(tests, NULL, remove_temp_files);
}
