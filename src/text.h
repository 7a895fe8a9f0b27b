/* text.h - input files as checked UTF-8 text, and positions in them.
 *
 * Both readers of lightbook's input (csvtable for CSV, inifile for INI)
 * start here, so that an encoding problem is found and reported once, the
 * same way, at its exact line and column: invalid UTF-8 and NUL bytes are
 * errors, and each bad byte becomes U+FFFD so that later stages only ever
 * see valid UTF-8. A leading UTF-8 byte order mark is dropped.
 *
 * Positions: lines end at LF, CRLF or a lone CR; columns count Unicode
 * characters (code points), 1-based. */
#ifndef LIGHTBOOK_TEXT_H
#define LIGHTBOOK_TEXT_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct text {
	char *data;   /* owned; valid UTF-8, no NUL inside, NUL-terminated */
	size_t len;   /* bytes, without the terminating NUL */
};

/* The largest input file read, in bytes: ten times a 100,000-initiative
 * edition. Reading holds the file in memory, so this bounds it. */
#define TEXT_FILE_LIMIT ((size_t)256 << 20)

/* Reads path whole into *t and checks it as text_load does. A file that
 * cannot be opened or read gives a diagnostic at the path (line 0) and
 * STATUS_IO; one over TEXT_FILE_LIMIT (a pipe is read no further) gives
 * one and STATUS_INVALID. *t is then empty but valid. */
enum status text_read_file(struct text *t, const char *path,
			   struct diag_list *diags);

/* Copies len bytes into *t, dropping a leading BOM and replacing every
 * invalid UTF-8 byte and NUL by U+FFFD; each is an error at its position
 * in path (a run of bad bytes is one error; after ten, the rest of the
 * file's are replaced silently). */
void text_load(struct text *t, const char *path, const char *bytes, size_t len,
	       struct diag_list *diags);

void text_free(struct text *t);

/* Where the next byte of a text goes: line and column, both 1-based. */
struct text_pos {
	int line;
	int col;
	bool after_cr;   /* the last byte was CR: an LF now ends no new line */
};

void text_pos_init(struct text_pos *pos);

/* Moves pos over n bytes of valid UTF-8 (they may split a CRLF). */
void text_pos_advance(struct text_pos *pos, const char *bytes, size_t n);

/* The character *s starts with, moving *s past it; -1 at the string's
 * end (or at a byte that is not UTF-8, which checked text never has). */
int32_t text_next_char(const char **s);

/* s in Unicode NFC as a new string (free it), or NULL when s is NFC as
 * it stands (use s): most text is, and is not copied. */
char *text_nfc(const char *s);

/* Room text_quote needs. */
#define TEXT_QUOTE_SIZE 256

/* Writes s into buf as a one-line quoted string for a message: "like
 * this", with quotes, backslashes and control characters escaped and
 * anything past 60 characters cut to "…". Returns buf. */
const char *text_quote(char buf[TEXT_QUOTE_SIZE], const char *s);

/* "#RRGGBB" (hex digits of either case) as three components from 0 to 1
 * in rgb; false, rgb untouched, for anything else. Sectors' and layouts'
 * colors are written so. */
bool text_parse_color(const char *s, double rgb[3]);

#endif
