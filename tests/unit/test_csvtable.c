/* test_csvtable.c - unit tests of the CSV reader: cells, their positions,
 * and every problem of form at its line and column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "csvtable.h"
#include "helpers.h"


#define FILE_NAME "in.csv"

/* Parses a string literal (which may hold NUL bytes) as FILE_NAME. */
#define PARSE(t, d, literal) csvtable_parse((t), FILE_NAME, (literal), sizeof(literal) - 1, (d))

static void expect_cell(const struct csvtable_cell *c, const char *text, int line, int col)
{
	assert_string_equal(c->text, text);
	assert_string_equal(c->at.file, FILE_NAME);
	assert_int_equal(c->at.line, line);
	assert_int_equal(c->at.col, col);
}

static void test_cells_and_positions(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d, "id,name,sector\nolive,Olive Grove,agriculture\nmarket,Market,economy\n");
	expect_diag_count(&d, 0);
	assert_int_equal(t.header.count, 3);
	expect_cell(&t.header.cells[0], "id", 1, 1);
	expect_cell(&t.header.cells[1], "name", 1, 4);
	expect_cell(&t.header.cells[2], "sector", 1, 9);
	assert_int_equal(t.row_count, 2);
	assert_int_equal(t.rows[0].line, 2);
	expect_cell(&t.rows[0].cells[0], "olive", 2, 1);
	expect_cell(&t.rows[0].cells[1], "Olive Grove", 2, 7);
	expect_cell(&t.rows[0].cells[2], "agriculture", 2, 19);
	expect_cell(&t.rows[1].cells[2], "economy", 3, 15);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_quoting(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d,
	      "a,b,c\n"
	      "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
	      "\"\",\"\"\"\",z\n");
	expect_diag_count(&d, 0);
	assert_int_equal(t.row_count, 2);
	expect_cell(&t.rows[0].cells[0], "x, y", 2, 1);
	expect_cell(&t.rows[0].cells[1], "say \"hi\"", 2, 8);
	/* A field's line is where it starts. */
	expect_cell(&t.rows[0].cells[2], "two\nlines", 2, 21);
	assert_int_equal(t.rows[1].line, 4);
	expect_cell(&t.rows[1].cells[0], "", 4, 1);
	expect_cell(&t.rows[1].cells[1], "\"", 4, 4);
	expect_cell(&t.rows[1].cells[2], "z", 4, 9);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_spaces_around_fields(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d, "a,b,c\n  x  , \"q\" ,\t\" y \"\n");
	expect_diag_count(&d, 0);
	expect_cell(&t.rows[0].cells[0], "x", 2, 3);
	expect_cell(&t.rows[0].cells[1], "q", 2, 8);
	/* Inside quotes, spaces are the field's. */
	expect_cell(&t.rows[0].cells[2], " y ", 2, 14);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_empty_fields(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	/* The last row has no line end: its empty last field is where the
	 * file ends. */
	PARSE(&t, &d, "a,b,c\n,,\n1,,");
	expect_diag_count(&d, 0);
	assert_int_equal(t.row_count, 2);
	expect_cell(&t.rows[0].cells[0], "", 2, 1);
	expect_cell(&t.rows[0].cells[1], "", 2, 2);
	expect_cell(&t.rows[0].cells[2], "", 2, 3);
	expect_cell(&t.rows[1].cells[0], "1", 3, 1);
	expect_cell(&t.rows[1].cells[1], "", 3, 3);
	expect_cell(&t.rows[1].cells[2], "", 3, 4);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_bom(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d, "\xEF\xBB\xBFid,name\nx,y\n");
	expect_diag_count(&d, 0);
	/* Not part of the first name, and not a column. */
	expect_cell(&t.header.cells[0], "id", 1, 1);
	expect_cell(&t.header.cells[1], "name", 1, 4);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_crlf_and_lone_cr(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d, "a,b\r\n1,\"two\r\nlines\"\r\n3,4\r\n5,6\r7,8");
	expect_diag_count(&d, 0);
	assert_int_equal(t.row_count, 4);
	expect_cell(&t.rows[0].cells[0], "1", 2, 1);
	expect_cell(&t.rows[0].cells[1], "two\r\nlines", 2, 3);
	expect_cell(&t.rows[1].cells[0], "3", 4, 1);
	expect_cell(&t.rows[1].cells[1], "4", 4, 3);
	expect_cell(&t.rows[2].cells[1], "6", 5, 3);
	expect_cell(&t.rows[3].cells[0], "7", 6, 1);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_blank_lines_skipped(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d, "\n\na,b\n\n   \n1,2\r\n\r\n\t\n3,4\n\n");
	expect_diag_count(&d, 0);
	assert_int_equal(t.header.line, 3);
	assert_int_equal(t.row_count, 2);
	expect_cell(&t.rows[0].cells[0], "1", 6, 1);
	expect_cell(&t.rows[1].cells[1], "4", 9, 3);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_unicode_columns(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	/* Hebrew letters take two bytes, Arabic two, an emoji four: each is
	 * one column. */
	PARSE(&t, &d, "a,b,c,d\nשלום,سلام,😀x,ok\nשלום עולם,x\"y,z,w\n");
	expect_cell(&t.rows[0].cells[1], "سلام", 2, 6);
	expect_cell(&t.rows[0].cells[2], "😀x", 2, 11);
	expect_cell(&t.rows[0].cells[3], "ok", 2, 14);
	expect_error(&d, FILE_NAME, 3, 12, "stray quote in unquoted field");
	expect_diag_count(&d, 1);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_unterminated_quote_at_end(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d, "id,name\na,b\nc,\"never closed\nd,e\n");
	expect_error(&d, FILE_NAME, 3, 3, "unterminated quoted field");
	expect_diag_count(&d, 1);
	/* The broken row is left out; the rows before it are kept. */
	assert_int_equal(t.row_count, 1);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_unterminated_quote_before_another_quote(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	/* The opening quote on line 2 swallows line 3 up to its first
	 * quote, which then seems to close the field. */
	PARSE(&t, &d, "id,name\na,\"open\nb,\"c\",d\ne,f\n");
	expect_error(&d, FILE_NAME, 2, 3, "unterminated quoted field (it runs on to line 3)");
	expect_diag_count(&d, 1);
	/* Reading goes on with the next line. */
	assert_int_equal(t.row_count, 1);
	expect_cell(&t.rows[0].cells[0], "e", 4, 1);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_stray_quote(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d, "id,name\nab,cd\"ef\ngh,ij\n");
	expect_error(&d, FILE_NAME, 2, 6, "stray quote in unquoted field");
	expect_diag_count(&d, 1);
	assert_int_equal(t.row_count, 1);
	expect_cell(&t.rows[0].cells[1], "ij", 3, 4);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_undoubled_quote_in_quoted_field(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d, "id,name\n1,\"He said \"hi\" twice\"\n2,\"x\" \"y\"\n3,ok\n");
	/* At the quote taken as the closing one. */
	expect_error(&d, FILE_NAME, 2, 12, "quote inside quoted field must be doubled");
	expect_error(&d, FILE_NAME, 3, 5, "quote inside quoted field must be doubled");
	expect_diag_count(&d, 2);
	assert_int_equal(t.row_count, 1);
	expect_cell(&t.rows[0].cells[1], "ok", 4, 3);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_error_in_header(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	/* Without a header no row can be read, and nothing more is said
	 * about it: not "empty", not a count of fields. */
	PARSE(&t, &d, "id,na\"me\n1,2,3\n4\n");
	expect_error(&d, FILE_NAME, 1, 6, "stray quote");
	expect_diag_count(&d, 1);
	assert_int_equal(t.header.count, 0);
	assert_int_equal(t.row_count, 0);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d, "a,b\nשלום,caf\xC3 x\n\xE9t\xE9,\xE2\x82z\n");
	expect_error(&d, FILE_NAME, 2, 9, "invalid UTF-8 byte 0xC3");
	expect_error(&d, FILE_NAME, 3, 1, "invalid UTF-8 byte 0xE9");
	expect_error(&d, FILE_NAME, 3, 3, "invalid UTF-8 byte 0xE9");
	/* A broken sequence is one error, at its first byte. */
	expect_error(&d, FILE_NAME, 3, 5, "invalid UTF-8 byte 0xE2");
	expect_diag_count(&d, 4);
	/* Each bad byte becomes U+FFFD, so later stages see valid UTF-8. */
	expect_cell(&t.rows[0].cells[1], "caf\xEF\xBF\xBD x", 2, 6);
	expect_cell(&t.rows[1].cells[0], "\xEF\xBF\xBDt\xEF\xBF\xBD", 3, 1);
	expect_cell(&t.rows[1].cells[1], "\xEF\xBF\xBD\xEF\xBF\xBDz", 3, 5);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_overlong_and_surrogate_rejected(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d, "a\n\xC0\xAF\n\xED\xA0\x80\n");
	expect_error(&d, FILE_NAME, 2, 1, "invalid UTF-8 byte 0xC0");
	expect_error(&d, FILE_NAME, 3, 1, "invalid UTF-8 byte 0xED");
	expect_diag_count(&d, 2);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_encoding_errors_capped(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	struct buffer b = {0};
	buffer_append_str(&b, "a\n");
	for (int i = 0; i < 50; i++)
		buffer_append_str(&b, "x\xFF\n");
	csvtable_parse(&t, FILE_NAME, b.data, b.len, &d);
	expect_error(&d, FILE_NAME, 2, 2, "invalid UTF-8 byte 0xFF");
	expect_error(&d, FILE_NAME, 11, 2, "invalid UTF-8 byte 0xFF");
	expect_error(&d, FILE_NAME, 12, 2, "more invalid bytes follow");
	expect_diag_count(&d, 11);
	assert_int_equal(t.row_count, 50);
	buffer_free(&b);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_nul_byte(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d, "a,b\nחג,x\0y\n");
	expect_error(&d, FILE_NAME, 2, 5, "NUL byte");
	expect_diag_count(&d, 1);
	expect_cell(&t.rows[0].cells[1], "x\xEF\xBF\xBDy", 2, 4);
	csvtable_free(&t);
	diag_list_free(&d);
}

/* "a,b\nid,<field of n bytes of c>\nnext,row\n", quoted if asked. */
static char *big_input(size_t n, char c, bool quoted, size_t *len)
{
	struct buffer b = {0};
	buffer_append_str(&b, "a,b\nid,");
	if (quoted)
		buffer_append_str(&b, "\"");
	grow_array((void **)&b.data, &b.cap, b.len + n + 32, 1);
	memset(b.data + b.len, c, n);
	b.len += n;
	b.data[b.len] = '\0';
	if (quoted)
		buffer_append_str(&b, "\"");
	buffer_append_str(&b, "\nnext,row\n");
	*len = b.len;
	return buffer_take(&b);
}

static void test_huge_field_refused(void **state)
{
	(void)state;
	/* Plain, and quoted full of commas (the worst case for chunking). */
	for (int quoted = 0; quoted <= 1; quoted++) {
		struct diag_list d = {0};
		struct csvtable t;
		size_t len;
		char *in = big_input(5000000, quoted ? ',' : 'x', quoted, &len);
		csvtable_parse(&t, FILE_NAME, in, len, &d);
		expect_error(&d, FILE_NAME, 2, 4, "field is 5000000 bytes; the limit is 1 MiB");
		/* The row with the refused field is left out whole, so that
		 * nothing later complains about its emptied cell. */
		expect_diag_count(&d, 1);
		assert_int_equal(t.row_count, 1);
		expect_cell(&t.rows[0].cells[0], "next", 3, 1);
		free(in);
		csvtable_free(&t);
		diag_list_free(&d);
	}
}

static void test_large_field_accepted(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	size_t len;
	char *in = big_input(500000, 'y', true, &len);
	csvtable_parse(&t, FILE_NAME, in, len, &d);
	expect_diag_count(&d, 0);
	assert_int_equal(strlen(t.rows[0].cells[1].text), 500000);
	free(in);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_field_limit_boundary(void **state)
{
	(void)state;
	for (size_t n = CSVTABLE_FIELD_LIMIT; n <= CSVTABLE_FIELD_LIMIT + 1; n++) {
		struct diag_list d = {0};
		struct csvtable t;
		size_t len;
		char *in = big_input(n, 'z', false, &len);
		csvtable_parse(&t, FILE_NAME, in, len, &d);
		expect_diag_count(&d, n > CSVTABLE_FIELD_LIMIT);
		if (n > CSVTABLE_FIELD_LIMIT)
			expect_cell(&t.rows[0].cells[0], "next", 3, 1);
		else
			assert_int_equal(strlen(t.rows[0].cells[1].text), n);
		free(in);
		csvtable_free(&t);
		diag_list_free(&d);
	}
}

static void test_empty_file(void **state)
{
	(void)state;
	static const char *const inputs[] = {"", "\n\n", "  \r\n", "\xEF\xBB\xBF"};
	for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		struct diag_list d = {0};
		struct csvtable t;
		csvtable_parse(&t, FILE_NAME, inputs[i], strlen(inputs[i]), &d);
		expect_error(&d, FILE_NAME, 1, 0, "file is empty");
		expect_diag_count(&d, 1);
		assert_int_equal(t.header.count, 0);
		csvtable_free(&t);
		diag_list_free(&d);
	}
}

static void test_header_only(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d, "id,name,sector\n\n");
	expect_error(&d, FILE_NAME, 1, 0, "no rows after the header");
	expect_diag_count(&d, 1);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_too_many_fields(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d, "id,name,sector\na,b,c\nd,e,f,g,h\nשלום,j,k, l\n");
	expect_error(&d, FILE_NAME, 3, 7, "row has 5 fields; the header has 3");
	expect_error(&d, FILE_NAME, 4, 11, "row has 4 fields; the header has 3");
	expect_diag_count(&d, 2);
	/* The surplus cells are dropped; the row is kept. */
	assert_int_equal(t.row_count, 3);
	assert_int_equal(t.rows[1].count, 3);
	csvtable_free(&t);
	diag_list_free(&d);
}

/* A million fields in one row are counted, not kept: the row holds its
 * header's three and the message says how many there were. */
static void test_million_fields_counted_not_kept(void **state)
{
	(void)state;
	size_t fields = 1000000;
	struct buffer in = {0};
	buffer_append_str(&in, "id,name,sector\n");
	for (size_t i = 0; i < fields; i++)
		buffer_append_str(&in, i ? ",x" : "x");
	buffer_append_str(&in, "\nlast,b,c\n");
	struct diag_list d = {0};
	struct csvtable t;
	csvtable_parse(&t, FILE_NAME, in.data, in.len, &d);
	expect_error(&d, FILE_NAME, 2, 7, "row has 1000000 fields; the header has 3");
	expect_diag_count(&d, 1);
	assert_int_equal(t.row_count, 2);
	assert_int_equal(t.rows[0].count, 3);
	expect_cell(&t.rows[1].cells[0], "last", 3, 1);
	buffer_free(&in);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_header_over_the_column_limit(void **state)
{
	(void)state;
	struct buffer in = {0};
	for (int i = 0; i < 1500; i++)
		buffer_printf(&in, "%sc%d", i ? "," : "", i);
	buffer_append_str(&in, "\na,b\n");
	struct diag_list d = {0};
	struct csvtable t;
	csvtable_parse(&t, FILE_NAME, in.data, in.len, &d);
	/* Column 1001 starts after "c0,...,c999,": 10*3 + 90*4 + 900*5 chars. */
	expect_error(&d, FILE_NAME, 1, 10 * 3 + 90 * 4 + 900 * 5 + 1,
		     "header has 1500 fields; the limit is 1000");
	expect_diag_count(&d, 1);
	assert_int_equal(t.row_count, 0);
	buffer_free(&in);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_too_few_fields(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d, "id,name,sector\na,b\n\nc\n");
	expect_error(&d, FILE_NAME, 2, 0, "row has 2 fields; the header has 3");
	expect_error(&d, FILE_NAME, 4, 0, "row has 1 field; the header has 3");
	expect_diag_count(&d, 2);
	assert_int_equal(t.row_count, 2);
	assert_int_equal(t.rows[1].count, 1);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_several_errors_all_reported(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	PARSE(&t, &d,
	      "id,name,sector\n"
	      "a,b,c,d\n"           /* too many */
	      "e,f\"g,h\n"          /* stray quote */
	      "i,j\n"               /* too few */
	      "k,l\xFFm,n\n"        /* invalid UTF-8 */
	      "o,\"p\"q,r\n"        /* undoubled quote */
	      "s,t,u\n"
	      "v,w,\"x\n");         /* unterminated */
	expect_error(&d, FILE_NAME, 2, 7, "row has 4 fields");
	expect_error(&d, FILE_NAME, 3, 4, "stray quote");
	expect_error(&d, FILE_NAME, 4, 0, "row has 2 fields");
	expect_error(&d, FILE_NAME, 5, 4, "invalid UTF-8 byte 0xFF");
	expect_error(&d, FILE_NAME, 6, 5, "must be doubled");
	expect_error(&d, FILE_NAME, 8, 5, "unterminated quoted field");
	expect_diag_count(&d, 6);
	assert_int_equal(t.row_count, 4);
	expect_cell(&t.rows[3].cells[2], "u", 7, 5);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_read_file(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	const char *path = write_temp_text("\xEF\xBB\xBFid,name\r\nx,\"y\"\r\n");
	assert_int_equal(csvtable_read(&t, path, &d), STATUS_OK);
	expect_diag_count(&d, 0);
	assert_string_equal(t.rows[0].cells[1].text, "y");
	assert_string_equal(t.rows[0].cells[1].at.file, path);
	assert_int_equal(t.rows[0].cells[1].at.col, 3);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_cannot_open(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	const char *path = "no/such/dir/initiatives.csv";
	assert_int_equal(csvtable_read(&t, path, &d), STATUS_IO);
	expect_error(&d, path, 0, 0, "cannot open: No such file or directory");
	expect_diag_count(&d, 1);
	assert_int_equal(t.row_count, 0);
	csvtable_free(&t);
	diag_list_free(&d);
}

static void test_cannot_read_directory(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct csvtable t;
	assert_int_equal(csvtable_read(&t, ".", &d), STATUS_IO);
	expect_error(&d, ".", 0, 0, "Is a directory");
	csvtable_free(&t);
	diag_list_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells_and_positions),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_spaces_around_fields),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_crlf_and_lone_cr),
		cmocka_unit_test(test_blank_lines_skipped),
		cmocka_unit_test(test_unicode_columns),
		cmocka_unit_test(test_unterminated_quote_at_end),
		cmocka_unit_test(test_unterminated_quote_before_another_quote),
		cmocka_unit_test(test_stray_quote),
		cmocka_unit_test(test_undoubled_quote_in_quoted_field),
		cmocka_unit_test(test_error_in_header),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_overlong_and_surrogate_rejected),
		cmocka_unit_test(test_encoding_errors_capped),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_huge_field_refused),
		cmocka_unit_test(test_million_fields_counted_not_kept),
		cmocka_unit_test(test_header_over_the_column_limit),
		cmocka_unit_test(test_large_field_accepted),
		cmocka_unit_test(test_field_limit_boundary),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_header_only),
		cmocka_unit_test(test_too_many_fields),
		cmocka_unit_test(test_too_few_fields),
		cmocka_unit_test(test_several_errors_all_reported),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_cannot_open),
		cmocka_unit_test(test_cannot_read_directory),
	};
	return cmocka_run_group_tests(tests, NULL, remove_temp_files);
}
