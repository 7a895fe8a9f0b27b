/* progress.c - the one progress listener of the run. */
#include "progress.h"

static progress_listener *current_listener;
static void *current_user;

const char *stage_name(enum stage stage)
{
	static const char *const names[STAGE_COUNT] = {
		[STAGE_READ] = "read",
		[STAGE_CHECK] = "check",
		[STAGE_COMPOSE] = "compose",
		[STAGE_TYPESET] = "typeset",
		[STAGE_PAGINATE] = "paginate",
		[STAGE_RENDER] = "render",
		[STAGE_WRITE] = "write",
	};
	return stage < STAGE_COUNT ? names[stage] : "?";
}

void progress_listen(progress_listener *listener, void *user)
{
	current_listener = listener;
	current_user = user;
}

void progress_report(enum stage stage, size_t done, size_t total)
{
	if (current_listener)
		current_listener(current_user, stage, done, total);
}
