/* inifile.c - INI files through inih, with the line of every key.
 *
 * Debian's inih is built without INI_HANDLER_LINENO, so its handler is
 * not told the line. It reads through an fgets-like function, though, and
 * asks for exactly one line per call: our reader counts them, and the
 * handler takes the current count. The reader also looks at each line the
 * way inih will, to report section headers and every malformed line
 * (inih itself returns only the first error's line). */
#include "inifile.h"
#include "mem.h"
#include "text.h"

#include <ctype.h>
#include <ini.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* inih's limit on section names, including the NUL (MAX_SECTION in ini.c);
 * it cuts longer ones, and so must we to agree with it. */
enum { INIH_MAX_SECTION = 50 };

struct ini_state {
	const char *path;
	const char *data;       /* the checked text */
	size_t len, off;
	int line;               /* the line last handed to inih */
	int first_error_line;   /* first line we reported as malformed */
	inifile_handler *handler;
	void *user;
	struct diag_list *diags;
};

static bool is_space(char c)
{
	return isspace((unsigned char)c);
}

/* inih's find_chars_or_comment: the first of chars in [s, end), or an
 * inline comment (';' after whitespace), or end. */
static const char *find_chars_or_comment(const char *s, const char *end,
					 const char *chars)
{
	bool was_space = false;
	while (s < end && !(chars && strchr(chars, *s)) && !(was_space && *s == ';')) {
		was_space = is_space(*s);
		s++;
	}
	return s;
}

/* Reports a malformed line, and passes section headers on to the handler
 * (inih does not call it for them). */
static void look_at_line(struct ini_state *s, const char *p, size_t n)
{
	const char *start = p, *end = p + n;
	while (start < end && is_space(*start))
		start++;
	while (end > start && is_space(end[-1]))
		end--;
	if (start == end || *start == ';' || *start == '#')
		return;
	struct span at = {s->path, s->line, 0};
	const char *problem = NULL;
	if (*start == '[') {
		const char *close = find_chars_or_comment(start + 1, end, "]");
		if (close < end && *close == ']') {
			size_t len = (size_t)(close - start - 1);
			if (len > INIH_MAX_SECTION - 1)
				len = INIH_MAX_SECTION - 1;
			char *name = xstrndup(start + 1, len);
			s->handler(s->user, name, NULL, NULL, at);
			free(name);
		} else {
			problem = "missing \"]\" in section header";
		}
	} else {
		const char *sep = find_chars_or_comment(start, end, "=:");
		if (sep == end || (*sep != '=' && *sep != ':'))
			problem = "expected KEY = VALUE";
	}
	if (problem) {
		diag_error(s->diags, at, "%s", problem);
		if (!s->first_error_line)
			s->first_error_line = s->line;
	}
}

/* inih's reader: copies the next line (LF, CRLF or a lone CR ends it)
 * into buf of size bytes, ending it with "\n". */
static char *next_line(char *buf, int size, void *stream)
{
	struct ini_state *s = stream;
	if (s->off >= s->len)
		return NULL;
	const char *p = s->data + s->off;
	size_t n = strcspn(p, "\r\n");
	size_t eol = 0;
	if (p[n] == '\r' && p[n + 1] == '\n')
		eol = 2;
	else if (p[n])
		eol = 1;
	s->off += n + eol;
	s->line++;
	look_at_line(s, p, n);

	size_t room = (size_t)size - 2;   /* for "\n" and the NUL */
	if (n > room) {
		diag_error(s->diags, ((struct span){s->path, s->line, 0}),
			   "line is longer than %zu bytes; the rest is ignored", room);
		n = room;
		while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
			n--;   /* cut between characters, not inside one */
	}
	memcpy(buf, p, n);
	buf[n] = '\n';
	buf[n + 1] = '\0';
	return buf;
}

static int on_pair(void *user, const char *section, const char *key,
		   const char *value)
{
	struct ini_state *s = user;
	s->handler(s->user, section, key, value, (struct span){s->path, s->line, 0});
	return 1;   /* what a key means is for the caller to report */
}

static void parse_checked(const char *path, const struct text *text,
			  inifile_handler *handler, void *user,
			  struct diag_list *diags)
{
	struct ini_state s = {
		.path = path, .data = text->data, .len = text->len,
		.handler = handler, .user = user, .diags = diags,
	};
	/* Debian builds inih with these as run-time options. Python-style
	 * continuation lines would make an indented "key = value" part of
	 * the previous value; one line per key is what users expect. */
	bool multiline = ini_allow_multiline, no_value = ini_allow_no_value;
	int max_line = ini_max_line;
	ini_allow_multiline = false;
	ini_allow_no_value = false;
	ini_max_line = INIFILE_MAX_LINE + 2;
	int rc = ini_parse_stream(next_line, &s, on_pair, &s);
	ini_allow_multiline = multiline;
	ini_allow_no_value = no_value;
	ini_max_line = max_line;

	/* Only if inih saw a problem our look at each line did not. */
	if (rc > 0 && rc != s.first_error_line)
		diag_error(diags, ((struct span){path, rc, 0}), "syntax error");
}

enum status inifile_read(const char *path, inifile_handler *handler, void *user,
			 struct diag_list *diags)
{
	struct text text;
	enum status st = text_read_file(&text, path, diags);
	if (st == STATUS_OK)
		parse_checked(path, &text, handler, user, diags);
	text_free(&text);
	return st;
}
