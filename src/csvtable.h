/* csvtable.h - one CSV file as rows of cells that know where they start.
 *
 * RFC 4180 through libcsv in strict mode: fields separated by commas,
 * quoted with '"' (a quote inside is doubled), LF or CRLF line ends,
 * newlines inside quoted fields, an optional UTF-8 BOM. Spaces and tabs
 * around a field are not part of it. Blank lines are skipped. The first
 * row is the header; every other row is cut or counted against it.
 *
 * Problems are diagnostics at the exact line and column (see text.h for
 * how columns count): encoding, quoting, a field over 1 MiB, a row with
 * more or fewer fields than the header, an empty file, a header without
 * rows. A row that cannot be parsed is reported and left out; reading
 * goes on at the next line.
 *
 * Ownership: the table owns every cell's text; a caller may take a text
 * (and set the pointer to NULL) before csvtable_free. */
#ifndef LIGHTBOOK_CSVTABLE_H
#define LIGHTBOOK_CSVTABLE_H

#include "diag.h"

#include <stddef.h>

/* The largest field accepted, in bytes. */
#define CSVTABLE_FIELD_LIMIT ((size_t)1024 * 1024)

/* The most columns a header may have; a data row keeps at most its
 * header's count of fields (and counts the rest for the message). */
#define CSVTABLE_COLUMN_LIMIT 1000

struct csvtable_cell {
	char *text;        /* UTF-8, unquoted, NUL-terminated; "" if empty */
	struct span at;    /* first character (the opening quote if quoted) */
};

struct csvtable_row {
	struct csvtable_cell *cells;
	size_t count;      /* data rows: never more than the header's count */
	int line;          /* line of the row's first cell */
};

struct csvtable {
	const char *path;            /* not owned */
	struct csvtable_row header;  /* count is 0 when there is no header */
	struct csvtable_row *rows;   /* the data rows, in file order */
	size_t row_count;
};

/* Reads path into *t. Returns STATUS_IO (with a diagnostic at the path)
 * when the file cannot be read, else STATUS_OK; ask diag_has_errors.
 * *t is always safe to csvtable_free. */
enum status csvtable_read(struct csvtable *t, const char *path,
			  struct diag_list *diags);

/* The same for len bytes already in memory, reported as coming from path. */
void csvtable_parse(struct csvtable *t, const char *path, const char *bytes,
		    size_t len, struct diag_list *diags);

void csvtable_free(struct csvtable *t);

#endif
