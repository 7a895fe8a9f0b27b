/* inifile.h - INI files through inih, with the line of every key.
 *
 * The one INI reader of lightbook, shared by the edition settings
 * (catalog.c) and the page layouts (layout.c). The syntax is inih's:
 * "[section]", "key = value" (or "key: value"), whole-line comments
 * starting with ';' or '#', inline comments after " ;". Leading
 * whitespace does not continue the previous value: an indented key is
 * just a key. Lines longer than INIFILE_MAX_LINE bytes are cut (an error).
 *
 * Syntax errors are diagnostics at their line; the file's encoding is
 * checked as text.h says. What a key means is the caller's business. */
#ifndef LIGHTBOOK_INIFILE_H
#define LIGHTBOOK_INIFILE_H

#include "diag.h"

#include <stddef.h>

/* Longest line read whole, in bytes, without its line end. */
#define INIFILE_MAX_LINE 4000

/* Called in file order for each "[section]" line (key and value NULL)
 * and each "key = value" line, with at = {path, line, 0}. section is ""
 * before the first section header. The strings live only for the call:
 * copy what you keep. */
typedef void inifile_handler(void *user, const char *section, const char *key,
			     const char *value, struct span at);

/* Reads path and calls handler. Returns STATUS_IO (with a diagnostic at
 * the path) when the file cannot be read, else STATUS_OK even when
 * diagnostics were added. */
enum status inifile_read(const char *path, inifile_handler *handler, void *user,
			 struct diag_list *diags);

#endif
