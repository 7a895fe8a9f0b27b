/* csvtable.c - one CSV file as rows of cells that know where they start.
 *
 * libcsv tells what a field holds but not where it was. So the text is fed
 * to it in chunks that each end at a structural byte (',' '"' CR LF): a
 * field or row can only end on the last byte of a chunk, and a field can
 * only begin in the chunk after one ended. Before each chunk we know its
 * line and column, which is enough to place every field's first character
 * and every error libcsv stops at. */
#include "csvtable.h"
#include "mem.h"
#include "text.h"

#include <csv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum { PARSER_OPTIONS = CSV_STRICT | CSV_STRICT_FINI };

struct reader {
	struct csvtable *table;
	const char *path;
	struct diag_list *diags;
	struct csv_parser parser;
	struct text_pos pos;       /* where the next chunk starts */
	bool pending_start;        /* the next field's first byte is still ahead */
	bool at_row_start;         /* no field of this row ended yet */
	struct span field_at;      /* the current field's first character */
	bool field_quoted;
	struct span last_quote;    /* the latest quote fed, for quoting errors */
	struct csvtable_cell *cells;  /* the row being read, as far as it is kept */
	size_t cell_count, cell_cap;
	size_t field_count;        /* fields of this row seen, kept or not */
	size_t row_cap;
	bool have_header;
	bool header_lost;          /* the first row could not be parsed */
	size_t dropped_rows;       /* data rows left out after a parse error */
	bool row_refused;          /* a field of this row was over the limit */
};

static struct span span_at(const struct reader *r, struct text_pos pos)
{
	return (struct span){r->path, pos.line, pos.col};
}

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

static void free_cells(struct csvtable_cell *cells, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(cells[i].text);
}

/* Leaves out the row being read, which could not be parsed. */
static void drop_row(struct reader *r)
{
	free_cells(r->cells, r->cell_count);
	r->cell_count = 0;
	r->field_count = 0;
	if (r->have_header)
		r->dropped_rows++;
	else
		r->header_lost = true;
	r->pending_start = true;
	r->at_row_start = true;
}

/* libcsv's field callback: the field that began at field_at is complete. */
static void on_field(void *bytes, size_t len, void *data)
{
	struct reader *r = data;
	/* Only csv_fini ends a field that never began: an empty last field
	 * with no line end after it, which sits where the file ends. */
	struct span at = r->pending_start ? span_at(r, r->pos) : r->field_at;
	r->pending_start = true;
	r->at_row_start = false;
	/* A row only needs its header's fields and the first one past them
	 * (where a complaint points); the rest are counted, not kept, so
	 * that a row of millions of fields costs no memory. */
	size_t keep = r->have_header ? r->table->header.count + 1 : CSVTABLE_COLUMN_LIMIT + 1;
	if (r->field_count++ >= keep)
		return;
	char *text;
	if (len > CSVTABLE_FIELD_LIMIT) {
		diag_error(r->diags, at, "field is %zu bytes; the limit is 1 MiB", len);
		/* The whole row goes, so that the emptied cell does not cause
		 * a second, misleading error ("empty summary"). */
		r->row_refused = true;
		text = xstrdup("");
	} else {
		text = len ? xstrndup(bytes, len) : xstrdup("");
	}
	grow_array((void **)&r->cells, &r->cell_cap, r->cell_count + 1, sizeof *r->cells);
	r->cells[r->cell_count++] = (struct csvtable_cell){text, at};
}

/* libcsv's row callback: the fields read since the last row are a row. */
static void on_row(int term, void *data)
{
	(void)term;
	struct reader *r = data;
	struct csvtable *t = r->table;
	struct csvtable_row row = {.count = r->cell_count, .line = r->cells[0].at.line};
	size_t fields = r->field_count;

	if (r->row_refused) {
		r->row_refused = false;
		drop_row(r);
		return;
	}
	r->pending_start = true;
	r->at_row_start = true;
	r->cell_count = 0;
	r->field_count = 0;
	if (!r->have_header && fields > CSVTABLE_COLUMN_LIMIT) {
		diag_error(r->diags, r->cells[CSVTABLE_COLUMN_LIMIT].at,
			   "header has %zu fields; the limit is %d", fields,
			   CSVTABLE_COLUMN_LIMIT);
		r->header_lost = true;
	}
	if (r->header_lost) {
		free_cells(r->cells, row.count);
		return;
	}
	if (r->have_header) {
		size_t want = t->header.count;
		if (fields > want) {
			diag_error(r->diags, r->cells[want].at,
				   "row has %zu fields; the header has %zu", fields, want);
			free_cells(r->cells + want, row.count - want);
			row.count = want;
		} else if (row.count < want) {
			diag_error(r->diags, ((struct span){r->path, row.line, 0}),
				   "row has %zu field%s; the header has %zu",
				   row.count, plural(row.count), want);
		}
	}
	row.cells = xmalloc(row.count * sizeof *row.cells);
	memcpy(row.cells, r->cells, row.count * sizeof *row.cells);
	if (!r->have_header) {
		t->header = row;
		r->have_header = true;
		return;
	}
	grow_array((void **)&t->rows, &r->row_cap, t->row_count + 1, sizeof *t->rows);
	t->rows[t->row_count++] = row;
}

static void parser_start(struct reader *r)
{
	csv_init(&r->parser, PARSER_OPTIONS);
	/* Running out of memory aborts, as everywhere in lightbook. */
	csv_set_realloc_func(&r->parser, xrealloc);
}

/* Notes where the next field begins if it begins in this chunk: at its
 * first byte that libcsv does not skip (spaces, tabs, and line ends
 * before a row's first field). */
static void find_field_start(struct reader *r, const char *chunk, size_t n)
{
	size_t i = 0;
	while (i < n && (chunk[i] == ' ' || chunk[i] == '\t' ||
			 (r->at_row_start && (chunk[i] == '\r' || chunk[i] == '\n'))))
		i++;
	if (i == n)
		return;
	struct text_pos at = r->pos;
	text_pos_advance(&at, chunk, i);
	r->field_at = span_at(r, at);
	r->field_quoted = chunk[i] == '"';
	r->pending_start = false;
}

/* libcsv stopped at data[bad] (which is at bad_pos); chunk starts at off.
 * Reports why, drops the row, and returns the offset to go on from: the
 * start of the next line. */
static size_t recover(struct reader *r, const char *data, size_t len, size_t off,
		      size_t bad, struct text_pos bad_pos)
{
	size_t next = bad;
	if (csv_error(&r->parser) != CSV_EPARSE) {
		/* Not a problem of the input (libcsv ran out of room): give
		 * up on the rest of the file. */
		diag_error(r->diags, span_at(r, bad_pos), "cannot parse: %s",
			   csv_strerror(csv_error(&r->parser)));
		next = len;
	} else if (!r->field_quoted) {
		diag_error(r->diags, span_at(r, bad_pos), "stray quote in unquoted field");
	} else if (r->last_quote.line == r->field_at.line) {
		/* The quote that ended the field is followed by text: it was
		 * meant to be inside. */
		diag_error(r->diags, r->last_quote,
			   "quote inside quoted field must be doubled (\"\")");
	} else {
		/* A field that ends lines later, and wrongly, most likely
		 * lacks its closing quote. */
		diag_error(r->diags, r->field_at,
			   "unterminated quoted field (it runs on to line %d)",
			   r->last_quote.line);
	}

	while (next < len && data[next] != '\n' && data[next] != '\r')
		next++;
	if (next < len)
		next += data[next] == '\r' && data[next + 1] == '\n' ? 2 : 1;
	text_pos_advance(&r->pos, data + off, next - off);

	csv_free(&r->parser);
	parser_start(r);
	drop_row(r);
	return next;
}

static void parse_text(struct reader *r, const char *data, size_t len)
{
	size_t off = 0;
	while (off < len) {
		/* data has no NUL inside (see text.h), so strcspn stops at
		 * the next structural byte or the end. */
		size_t end = off + strcspn(data + off, ",\"\r\n");
		if (end < len)
			end++;
		size_t n = end - off;
		if (r->pending_start)
			find_field_start(r, data + off, n);
		/* libcsv grows its field buffer by the block size; growing it
		 * by at least its size and the chunk's keeps a huge field
		 * linear (one realloc per doubling). */
		size_t blk = csv_get_buffer_size(&r->parser);
		if (blk < n)
			blk = n;
		csv_set_blk_size(&r->parser, blk < 128 ? 128 : blk);

		size_t done = csv_parse(&r->parser, data + off, n, on_field, on_row, r);
		if (done < n) {
			struct text_pos bad_pos = r->pos;
			text_pos_advance(&bad_pos, data + off, done);
			off = recover(r, data, len, off, off + done, bad_pos);
			continue;
		}
		if (data[end - 1] == '"') {
			text_pos_advance(&r->pos, data + off, n - 1);
			r->last_quote = span_at(r, r->pos);
			text_pos_advance(&r->pos, data + end - 1, 1);
		} else {
			text_pos_advance(&r->pos, data + off, n);
		}
		off = end;
	}
	if (csv_fini(&r->parser, on_field, on_row, r) != 0) {
		diag_error(r->diags, r->field_at, "unterminated quoted field");
		drop_row(r);
	}
}

/* Reads the rows of text, which text_load has already checked. */
static void parse_checked(struct csvtable *t, const char *path,
			  const struct text *text, struct diag_list *diags)
{
	struct reader r = {
		.table = t, .path = path, .diags = diags,
		.pending_start = true, .at_row_start = true,
	};
	text_pos_init(&r.pos);
	parser_start(&r);
	parse_text(&r, text->data, text->len);
	csv_free(&r.parser);
	free(r.cells);

	if (r.header_lost)
		return;
	if (!r.have_header)
		diag_error(diags, ((struct span){path, 1, 0}), "file is empty");
	else if (t->row_count == 0 && r.dropped_rows == 0)
		diag_error(diags, ((struct span){path, t->header.line, 0}),
			   "no rows after the header");
}

void csvtable_parse(struct csvtable *t, const char *path, const char *bytes,
		    size_t len, struct diag_list *diags)
{
	struct text text;
	*t = (struct csvtable){.path = path};
	text_load(&text, path, bytes, len, diags);
	parse_checked(t, path, &text, diags);
	text_free(&text);
}

enum status csvtable_read(struct csvtable *t, const char *path,
			  struct diag_list *diags)
{
	struct text text;
	*t = (struct csvtable){.path = path};
	enum status st = text_read_file(&text, path, diags);
	if (st == STATUS_OK)
		parse_checked(t, path, &text, diags);
	text_free(&text);
	return st;
}

void csvtable_free(struct csvtable *t)
{
	free_cells(t->header.cells, t->header.count);
	free(t->header.cells);
	for (size_t i = 0; i < t->row_count; i++) {
		free_cells(t->rows[i].cells, t->rows[i].count);
		free(t->rows[i].cells);
	}
	free(t->rows);
	*t = (struct csvtable){0};
}
