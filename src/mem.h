/* mem.h - allocation that never returns NULL, and a growable byte buffer.
 *
 * lightbook is a batch program: running out of memory is not something a
 * caller can recover from, so these functions print one line and abort
 * instead of making every caller check for NULL. */
#ifndef LIGHTBOOK_MEM_H
#define LIGHTBOOK_MEM_H

#include <stddef.h>

/* Prints one line and aborts; for libraries that report only "no memory". */
_Noreturn void out_of_memory(size_t size);

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* A copy of the first n bytes of s, NUL-terminated, followed in the same
 * allocation by a copy of the array tail (count elements of elem_size
 * bytes, a scalar type's size: it is aligned to that), whose address goes
 * to *tail_out. One free releases both. With tail NULL it is xstrndup
 * and *tail_out is NULL. */
char *xstrndup_tail(const char *s, size_t n, const void *tail, size_t count,
		    size_t elem_size, void **tail_out);

/* Grows *items (of *cap elements of elem_size bytes) so it holds at least
 * need elements; doubles the capacity to keep appends amortised O(1). */
void grow_array(void **items, size_t *cap, size_t need, size_t elem_size);

/* A NUL-terminated byte buffer; the caller owns data and frees it. */
struct buffer {
	char *data;   /* always NUL-terminated once anything was appended */
	size_t len;   /* bytes used, without the NUL */
	size_t cap;   /* bytes allocated */
};

void buffer_append(struct buffer *b, const char *bytes, size_t n);
void buffer_append_str(struct buffer *b, const char *s);
void buffer_printf(struct buffer *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Returns the contents (never NULL) and leaves b empty. */
char *buffer_take(struct buffer *b);
void buffer_free(struct buffer *b);

#endif
