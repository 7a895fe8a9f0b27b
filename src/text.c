/* text.c - input files as checked UTF-8 text, and positions in them. */
#include "text.h"
#include "mem.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>

/* Enough to show where the trouble is; a file in the wrong encoding would
 * otherwise bury every other message. */
enum { MAX_ENCODING_DIAGS = 10 };

/* Longest piece of input quoted in a message, in characters. */
enum { QUOTE_MAX_CHARS = 60 };

static const char replacement[] = "\xEF\xBF\xBD";   /* U+FFFD */

static enum status too_big(struct text *t, const char *path, unsigned long long size,
			   struct diag_list *diags)
{
	if (size)
		diag_error(diags, ((struct span){path, 0, 0}),
			   "file is %llu bytes; the limit is %zu MiB", size,
			   TEXT_FILE_LIMIT >> 20);
	else
		diag_error(diags, ((struct span){path, 0, 0}),
			   "file is over the limit of %zu MiB", TEXT_FILE_LIMIT >> 20);
	t->data = xstrdup("");
	return STATUS_INVALID;
}

enum status text_read_file(struct text *t, const char *path,
			   struct diag_list *diags)
{
	*t = (struct text){0};
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_error(diags, ((struct span){path, 0, 0}), "cannot open: %s",
			   strerror(errno));
		t->data = xstrdup("");
		return STATUS_IO;
	}
	/* A regular file is measured before it is read; anything else (a
	 * pipe) is read up to the limit and one byte more. */
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > TEXT_FILE_LIMIT) {
		fclose(f);
		return too_big(t, path, (unsigned long long)st.st_size, diags);
	}
	struct buffer raw = {0};
	for (;;) {
		grow_array((void **)&raw.data, &raw.cap, raw.len + 65536, 1);
		size_t room = raw.cap - raw.len;
		if (room > TEXT_FILE_LIMIT + 1 - raw.len)
			room = TEXT_FILE_LIMIT + 1 - raw.len;
		size_t n = fread(raw.data + raw.len, 1, room, f);
		raw.len += n;
		if (n == 0 || raw.len > TEXT_FILE_LIMIT)
			break;
	}
	if (raw.len > TEXT_FILE_LIMIT) {
		fclose(f);
		buffer_free(&raw);
		return too_big(t, path, 0, diags);
	}
	int read_errno = ferror(f) ? errno : 0;
	fclose(f);
	if (read_errno) {
		diag_error(diags, ((struct span){path, 0, 0}), "cannot read: %s",
			   strerror(read_errno));
		buffer_free(&raw);
		t->data = xstrdup("");
		return STATUS_IO;
	}
	text_load(t, path, raw.data, raw.len, diags);
	buffer_free(&raw);
	return STATUS_OK;
}

/* Length of the valid, non-NUL UTF-8 character at s[i], or 0 if the byte
 * there is bad. */
static size_t char_len(const unsigned char *s, size_t i, size_t len)
{
	if (s[i] >= 0x01 && s[i] < 0x80)
		return 1;
	if (s[i] == 0)
		return 0;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
	return n > 0 ? (size_t)n : 0;
}

/* Column of s[i] on the line starting at s[start]; bad bytes count one
 * each, as their U+FFFD will. */
static int column_of(const unsigned char *s, size_t start, size_t i, size_t len)
{
	int col = 1;
	while (start < i) {
		size_t n = char_len(s, start, len);
		start += n ? n : 1;
		col++;
	}
	return col;
}

void text_load(struct text *t, const char *path, const char *bytes, size_t len,
	       struct diag_list *diags)
{
	const unsigned char *s = (const unsigned char *)bytes;
	size_t i = 0;
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		i = 3;
	struct buffer out = {0};
	grow_array((void **)&out.data, &out.cap, len - i + 1, 1);
	size_t copied = i;        /* s[copied..i) is valid and not yet copied */
	size_t line_start = i;
	int line = 1;
	int reported = 0;
	bool in_bad_run = false;

	while (i < len) {
		unsigned char c = s[i];
		if (c == '\n' || (c == '\r' && (i + 1 == len || s[i + 1] != '\n'))) {
			line++;
			line_start = i + 1;
		}
		size_t n = char_len(s, i, len);
		if (n) {
			i += n;
			in_bad_run = false;
			continue;
		}
		buffer_append(&out, bytes + copied, i - copied);
		buffer_append(&out, replacement, 3);
		if ((c == 0 || !in_bad_run) && reported <= MAX_ENCODING_DIAGS) {
			struct span at = {path, line, column_of(s, line_start, i, len)};
			if (reported == MAX_ENCODING_DIAGS)
				diag_error(diags, at, "more invalid bytes follow; they are not reported");
			else if (c == 0)
				diag_error(diags, at, "NUL byte");
			else
				diag_error(diags, at, "invalid UTF-8 byte 0x%02X", c);
			reported++;
		}
		in_bad_run = c != 0;
		i++;
		copied = i;
	}
	buffer_append(&out, bytes + copied, len - copied);
	t->len = out.len;
	t->data = buffer_take(&out);
}

void text_free(struct text *t)
{
	free(t->data);
	*t = (struct text){0};
}

void text_pos_init(struct text_pos *pos)
{
	*pos = (struct text_pos){.line = 1, .col = 1};
}

void text_pos_advance(struct text_pos *pos, const char *bytes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)bytes[i];
		if (c == '\n') {
			if (!pos->after_cr) {
				pos->line++;
				pos->col = 1;
			}
			pos->after_cr = false;
		} else if (c == '\r') {
			pos->line++;
			pos->col = 1;
			pos->after_cr = true;
		} else {
			pos->after_cr = false;
			if ((c & 0xC0) != 0x80)
				pos->col++;
		}
	}
}

const char *text_quote(char buf[TEXT_QUOTE_SIZE], const char *s)
{
	/* Each character takes at most 4 bytes ("\x1F" or a 4-byte UTF-8
	 * sequence); with the quotes, "…" and the NUL that fits 256. */
	size_t o = 0;
	int chars = 0;
	buf[o++] = '"';
	for (const unsigned char *p = (const unsigned char *)s; *p; ) {
		if (chars == QUOTE_MAX_CHARS) {
			memcpy(buf + o, "\xE2\x80\xA6", 3);
			o += 3;
			break;
		}
		unsigned char c = *p;
		if (c == '"' || c == '\\') {
			buf[o++] = '\\';
			buf[o++] = (char)c;
			p++;
		} else if (c < 0x20 || c == 0x7F) {
			const char *esc = c == '\n' ? "\\n" : c == '\r' ? "\\r" :
					  c == '\t' ? "\\t" : NULL;
			if (esc) {
				memcpy(buf + o, esc, 2);
				o += 2;
			} else {
				o += (size_t)snprintf(buf + o, 5, "\\x%02X", c);
			}
			p++;
		} else {
			/* Copies one whole character: its lead byte and at
			 * most three continuation bytes. */
			int k = 0;
			do
				buf[o++] = (char)*p++;
			while (++k < 4 && (*p & 0xC0) == 0x80);
		}
		chars++;
	}
	buf[o++] = '"';
	buf[o] = '\0';
	return buf;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool text_parse_color(const char *s, double rgb[3])
{
	if (strlen(s) != 7 || s[0] != '#')
		return false;
	int digits[6];
	for (int i = 0; i < 6; i++)
		if ((digits[i] = hex_digit(s[1 + i])) < 0)
			return false;
	for (int c = 0; c < 3; c++)
		rgb[c] = (digits[2 * c] * 16 + digits[2 * c + 1]) / 255.0;
	return true;
}

/* Whether text is NFC as it stands because every character is one that
 * normalisation never touches: below U+0300 (Basic Latin, Latin-1 and
 * Latin Extended have no combining marks and nothing composes with them
 * there), the punctuation of U+2002-U+206F (quotes, dashes, ellipsis;
 * only the quads U+2000 and U+2001 have canonical mappings), the Hebrew
 * letters U+05D0-U+05EA and the Arabic letters U+0621-U+064A, digits
 * and separators U+0660-U+066D, comma, semicolon and question mark
 * (none has a combining class, and none is the second of a canonical
 * composition: Arabic composes only with the marks U+0653-U+0655, and
 * Hebrew's compositions are excluded). Most texts of a booklet are,
 * and NFC cost 7% of an English one's run. */
static bool surely_nfc(const char *text)
{
	const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)text;
	utf8proc_ssize_t len = (utf8proc_ssize_t)strlen(text);
	while (len > 0) {
		if (*s < 0x80) {
			s++;
			len--;
			continue;
		}
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(s, len, &c);
		if (n <= 0 || !(c < 0x300 || (c >= 0x2002 && c <= 0x206F) ||
				(c >= 0x05D0 && c <= 0x05EA) || (c >= 0x0621 && c <= 0x064A) ||
				(c >= 0x0660 && c <= 0x066D) || c == 0x060C || c == 0x061B ||
				c == 0x061F))
			return false;
		s += n;
		len -= n;
	}
	return true;
}

int32_t text_next_char(const char **s)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)*s, -1, &c);
	if (n <= 0 || c == 0)
		return -1;
	*s += n;
	return c;
}

char *text_nfc(const char *s)
{
	return surely_nfc(s) ? NULL : (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
}
