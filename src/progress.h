/* progress.h - how far the run has got, stage by stage.
 *
 * Stages announce where they are with progress_report; main.c listens,
 * and from the same events draws the progress bar (stderr, a terminal
 * only) and charges elapsed time to each stage for --timings. The
 * listener is one per process because lightbook runs one pipeline, on one
 * thread; with no listener a report costs one test. Stages never print. */
#ifndef LIGHTBOOK_PROGRESS_H
#define LIGHTBOOK_PROGRESS_H

#include <stddef.h>

/* The pipeline's stages, in the order they run. */
enum stage {
	STAGE_READ,
	STAGE_CHECK,
	STAGE_COMPOSE,
	STAGE_TYPESET,
	STAGE_PAGINATE,
	STAGE_RENDER,
	STAGE_WRITE,
	STAGE_COUNT
};

/* "read", "check", ...: the names --timings and the progress bar use. */
const char *stage_name(enum stage stage);

/* Called with done of total units of stage finished (done <= total). */
typedef void progress_listener(void *user, enum stage stage, size_t done, size_t total);

/* Sets the listener (NULL: none). */
void progress_listen(progress_listener *listener, void *user);

/* Reports that stage has done of total units behind it. */
void progress_report(enum stage stage, size_t done, size_t total);

#endif
