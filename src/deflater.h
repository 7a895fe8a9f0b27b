/* deflater.h - deflating buffers on a second thread.
 *
 * The PDF writer deflates each page's content as soon as the page is
 * drawn; that was a quarter of its time. Handed to a deflater, the work
 * runs on another core while the writer draws the next pages. Results
 * come back in the order the buffers went in, deflated exactly as they
 * would have been on the calling thread (zlib format, level 6), so the
 * output does not depend on timing. */
#ifndef LIGHTBOOK_DEFLATER_H
#define LIGHTBOOK_DEFLATER_H

#include <stdbool.h>
#include <stddef.h>

struct deflater;

/* Buffers handed over and not yet taken, at most: enough to keep the
 * thread busy while the writer draws, few enough that waiting pages stay
 * a few megabytes. */
enum { DEFLATER_CAPACITY = 64 };

struct deflated {
	void *data;   /* the caller's to free */
	size_t len;
};

/* A deflater with its thread; NULL if the thread cannot start. */
struct deflater *deflater_new(void);

/* Hands data (len bytes, malloc'd) over to be deflated; the deflater
 * frees it. At most DEFLATER_CAPACITY buffers may be handed over and not
 * yet taken. */
void deflater_submit(struct deflater *d, void *data, size_t len);

/* The result of the oldest buffer not yet taken. With wait, waits for
 * it; without, returns false if it is not ready (or nothing waits). */
bool deflater_take(struct deflater *d, bool wait, struct deflated *out);

/* Stops the thread and frees everything not taken. */
void deflater_free(struct deflater *d);

#endif
