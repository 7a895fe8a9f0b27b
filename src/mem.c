/* mem.c - allocation that aborts on failure, and byte buffers. */
#include "mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void out_of_memory(size_t size)
{
	/* The one place outside main.c that prints: there is no caller left
	 * to hand an error value to once memory is gone. */
	fprintf(stderr, "lightbook: out of memory (asked for %zu bytes)\n", size);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory(count * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xstrndup_tail(const char *s, size_t n, const void *tail, size_t count,
		    size_t elem_size, void **tail_out)
{
	if (!tail) {
		*tail_out = NULL;
		return xstrndup(s, n);
	}
	size_t offset = (n + 1 + elem_size - 1) / elem_size * elem_size;
	char *p = xmalloc(offset + count * elem_size);
	memcpy(p, s, n);
	p[n] = '\0';
	memcpy(p + offset, tail, count * elem_size);
	*tail_out = p + offset;
	return p;
}

void grow_array(void **items, size_t *cap, size_t need, size_t elem_size)
{
	if (need <= *cap)
		return;
	size_t next = *cap ? *cap * 2 : 8;
	while (next < need)
		next *= 2;
	*items = xrealloc(*items, next * elem_size);
	*cap = next;
}

void buffer_append(struct buffer *b, const char *bytes, size_t n)
{
	grow_array((void **)&b->data, &b->cap, b->len + n + 1, 1);
	memcpy(b->data + b->len, bytes, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buffer_append_str(struct buffer *b, const char *s)
{
	buffer_append(b, s, strlen(s));
}

void buffer_printf(struct buffer *b, const char *fmt, ...)
{
	/* Most texts are short: formatted once into this, then copied,
	 * rather than formatted twice (to measure, then to write). */
	char room[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(room, sizeof room, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof room) {
		buffer_append(b, room, (size_t)n);
		return;
	}
	grow_array((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *buffer_take(struct buffer *b)
{
	char *s = b->data ? b->data : xstrdup("");
	*b = (struct buffer){0};
	return s;
}

void buffer_free(struct buffer *b)
{
	free(b->data);
	*b = (struct buffer){0};
}
