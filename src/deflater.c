/* deflater.c - one worker thread and a ring of jobs. */
#include "deflater.h"
#include "mem.h"

#include <assert.h>
#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>

enum { RING = DEFLATER_CAPACITY };

struct job {
	void *data;
	size_t len;
	bool done;
};

struct deflater {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;       /* a job was added, finished or taken */
	struct job ring[RING];
	size_t first, count;          /* jobs not yet taken, oldest first */
	size_t next_to_deflate;       /* index from first of the worker's next job */
	bool stopping;
	struct libdeflate_compressor *compressor;   /* the worker's only */
};

static void *work(void *arg)
{
	struct deflater *d = arg;
	pthread_mutex_lock(&d->lock);
	for (;;) {
		while (!d->stopping && d->next_to_deflate == d->count)
			pthread_cond_wait(&d->changed, &d->lock);
		if (d->stopping)
			break;
		struct job *job = &d->ring[(d->first + d->next_to_deflate) % RING];
		pthread_mutex_unlock(&d->lock);

		size_t bound = libdeflate_zlib_compress_bound(d->compressor, job->len);
		void *packed = xmalloc(bound);
		size_t len = libdeflate_zlib_compress(d->compressor, job->data, job->len,
						      packed, bound);
		if (len == 0)
			out_of_memory(bound);   /* the bound is always enough */
		free(job->data);

		pthread_mutex_lock(&d->lock);
		job->data = packed;
		job->len = len;
		job->done = true;
		d->next_to_deflate++;
		pthread_cond_broadcast(&d->changed);
	}
	pthread_mutex_unlock(&d->lock);
	return NULL;
}

struct deflater *deflater_new(void)
{
	struct deflater *d = xcalloc(1, sizeof *d);
	d->compressor = libdeflate_alloc_compressor(6);
	if (!d->compressor)
		out_of_memory(0);
	pthread_mutex_init(&d->lock, NULL);
	pthread_cond_init(&d->changed, NULL);
	if (pthread_create(&d->thread, NULL, work, d) != 0) {
		libdeflate_free_compressor(d->compressor);
		pthread_mutex_destroy(&d->lock);
		pthread_cond_destroy(&d->changed);
		free(d);
		return NULL;
	}
	return d;
}

void deflater_submit(struct deflater *d, void *data, size_t len)
{
	pthread_mutex_lock(&d->lock);
	assert(d->count < RING);
	d->ring[(d->first + d->count) % RING] = (struct job){data, len, false};
	d->count++;
	pthread_cond_broadcast(&d->changed);
	pthread_mutex_unlock(&d->lock);
}

bool deflater_take(struct deflater *d, bool wait, struct deflated *out)
{
	pthread_mutex_lock(&d->lock);
	while (wait && d->count > 0 && !d->ring[d->first].done)
		pthread_cond_wait(&d->changed, &d->lock);
	bool ready = d->count > 0 && d->ring[d->first].done;
	if (ready) {
		struct job *job = &d->ring[d->first];
		*out = (struct deflated){job->data, job->len};
		d->first = (d->first + 1) % RING;
		d->count--;
		d->next_to_deflate--;
		pthread_cond_broadcast(&d->changed);
	}
	pthread_mutex_unlock(&d->lock);
	return ready;
}

void deflater_free(struct deflater *d)
{
	if (!d)
		return;
	pthread_mutex_lock(&d->lock);
	d->stopping = true;
	pthread_cond_broadcast(&d->changed);
	pthread_mutex_unlock(&d->lock);
	pthread_join(d->thread, NULL);
	for (size_t i = 0; i < d->count; i++)
		free(d->ring[(d->first + i) % RING].data);
	libdeflate_free_compressor(d->compressor);
	pthread_mutex_destroy(&d->lock);
	pthread_cond_destroy(&d->changed);
	free(d);
}
