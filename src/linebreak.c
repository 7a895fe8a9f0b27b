/* linebreak.c - total-fit line breaking over boxes, glue and penalties.
 *
 * The active-node algorithm of Knuth and Plass: a node is a feasible break
 * together with the best way to reach it; walking the items once, each
 * legal break is tried against every active node, and a node falls out of
 * the active list as soon as the text after it no longer fits on a line.
 * Nodes are kept apart by fitness class (so that a tight line next to a
 * loose one can cost more) and by how many lines before them ended with a
 * hyphen (so that the limit on hyphens in a row is exact). */
#include "linebreak.h"
#include "mem.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

enum {
	FITNESS_CLASSES = 4,
	LINE_PENALTY = 10,           /* per line: fewer lines are better */
	ADJACENT_FITNESS = 100,      /* a very tight line beside a loose one */
	FLAGGED_DEMERITS = 3000,     /* two hyphenated lines in a row */
};

/* Demerits of a line past the limit of hyphens in a row: more than any
 * paragraph's lines can add up to (a line's are below 1e30). */
static const double OVER_THE_LIMIT = 1e60;

struct sums {
	double width, stretch, shrink;
};

struct node {
	size_t position;       /* the break's item index; SIZE_MAX = paragraph start */
	size_t previous;       /* index into the node pool; SIZE_MAX for the start */
	int fitness;
	int flagged_run;       /* lines in a row ending with a flagged penalty */
	double demerits;       /* total, from the start of the paragraph */
	struct sums after;     /* sums up to the first box after the break */
};

struct breaker {
	const struct lb_item *items;
	size_t n;
	const struct lb_params *params;
	struct sums *prefix;   /* prefix[i]: sums of items[0..i) */
	struct node *pool;
	size_t pool_count, pool_cap;
	size_t *active;        /* indices into pool, in order of position */
	size_t active_count, active_cap;
};

static bool is_legal_break(const struct breaker *b, size_t i)
{
	const struct lb_item *it = &b->items[i];
	if (it->kind == LB_PENALTY)
		return it->penalty < LINEBREAK_INFINITY;
	return it->kind == LB_GLUE && i > 0 && b->items[i - 1].kind == LB_BOX;
}

/* The sums a line starting after a break at `position` starts from: glue
 * and penalties right after a break are discarded. */
static struct sums sums_after(const struct breaker *b, size_t position)
{
	size_t i = position == SIZE_MAX ? 0 : position;
	if (position != SIZE_MAX) {
		i++;
		while (i < b->n && b->items[i].kind != LB_BOX &&
		       !(b->items[i].kind == LB_PENALTY &&
			 b->items[i].penalty <= -LINEBREAK_INFINITY))
			i++;
	}
	return b->prefix[i];
}

static double ratio_between(const struct breaker *b, struct sums start, size_t to)
{
	const struct lb_item *end = &b->items[to];
	double width = b->prefix[to].width - start.width;
	if (end->kind == LB_PENALTY)
		width += end->width;
	double measure = b->params->measure;
	if (width < measure) {
		double stretch = b->prefix[to].stretch - start.stretch;
		/* A line that cannot stretch (a long word broken between its
		 * letters) is too loose at any shortfall, but the fuller the
		 * better: so such words fill their lines and end short. */
		return stretch > 0 ? (measure - width) / stretch
				   : 1 + (measure - width) / measure * LINEBREAK_INFINITY;
	}
	if (width > measure) {
		double shrink = b->prefix[to].shrink - start.shrink;
		return shrink > 0 ? (measure - width) / shrink : -LINEBREAK_INFINITY;
	}
	return 0;
}

static int fitness_of(double ratio)
{
	if (ratio < -0.5)
		return 0;
	if (ratio <= 0.5)
		return 1;
	if (ratio <= 1)
		return 2;
	return 3;
}

static double line_demerits(const struct breaker *b, const struct node *from,
			    size_t to, double ratio, int fitness)
{
	const struct lb_item *end = &b->items[to];
	double r = fabs(ratio);
	double badness = 100 * r * r * r;
	double d = (LINE_PENALTY + badness) * (LINE_PENALTY + badness);
	if (end->kind == LB_PENALTY) {
		if (end->penalty >= 0)
			d += end->penalty * end->penalty;
		else if (end->penalty > -LINEBREAK_INFINITY)
			d -= end->penalty * end->penalty;
		if (end->flagged && from->flagged_run > 0)
			d += FLAGGED_DEMERITS;
	}
	if (abs(fitness - from->fitness) > 1)
		d += ADJACENT_FITNESS;
	return d;
}

static size_t add_node(struct breaker *b, struct node node)
{
	grow_array((void **)&b->pool, &b->pool_cap, b->pool_count + 1, sizeof *b->pool);
	b->pool[b->pool_count] = node;
	return b->pool_count++;
}

/* Tries break `to` against every active node and adds the best new node
 * for each fitness class and hyphen count. In an emergency, any looseness
 * is accepted, and if nothing fits at all (a box wider than the measure)
 * the latest node gets an overfull line, so that a solution always exists.
 * Returns false when the active list ran empty (no solution this pass). */
static bool try_break(struct breaker *b, size_t to, bool emergency)
{
	const struct lb_item *end = &b->items[to];
	bool forced = end->kind == LB_PENALTY && end->penalty <= -LINEBREAK_INFINITY;
	int flagged = end->kind == LB_PENALTY && end->flagged;
	int max_run = b->params->max_flagged_run;
	enum { RUNS = 8 };
	if (max_run >= RUNS)
		max_run = RUNS - 1;
	struct node best[FITNESS_CLASSES][RUNS];
	bool have[FITNESS_CLASSES][RUNS] = {{false}};
	bool any = false;
	size_t latest_removed = SIZE_MAX;
	size_t kept = 0;
	for (size_t k = 0; k < b->active_count; k++) {
		size_t a = b->active[k];
		double ratio = ratio_between(b, b->pool[a].after, to);
		bool overfull = ratio < -1;
		if (overfull || forced) {
			if (overfull)
				latest_removed = a;
		} else {
			b->active[kept++] = a;
		}
		if (overfull || (!emergency && ratio > b->params->tolerance))
			continue;
		int run = flagged ? b->pool[a].flagged_run + 1 : 0;
		/* Too many hyphens in a row: never, unless the paragraph can
		 * break nowhere else (then rather that than cross the margin). */
		double excess = 0;
		if (run > max_run) {
			if (!emergency)
				continue;
			run = max_run;
			excess = OVER_THE_LIMIT;
		}
		int fitness = fitness_of(ratio);
		double total = b->pool[a].demerits + excess +
			       line_demerits(b, &b->pool[a], to, ratio, fitness);
		if (!have[fitness][run] || total < best[fitness][run].demerits) {
			best[fitness][run] = (struct node){
				.position = to, .previous = a, .fitness = fitness,
				.flagged_run = run, .demerits = total};
			have[fitness][run] = true;
			any = true;
		}
	}
	b->active_count = kept;
	if (!any && emergency && kept == 0 && latest_removed != SIZE_MAX) {
		const struct node *from = &b->pool[latest_removed];
		best[1][0] = (struct node){
			.position = to, .previous = latest_removed, .fitness = 1,
			.flagged_run = flagged ? from->flagged_run + 1 : 0,
			.demerits = from->demerits + LINEBREAK_INFINITY * LINEBREAK_INFINITY};
		have[1][0] = any = true;
	}
	if (!any)
		return b->active_count > 0;
	struct sums after = sums_after(b, to);
	for (int f = 0; f < FITNESS_CLASSES; f++)
		for (int r = 0; r < RUNS; r++) {
			if (!have[f][r])
				continue;
			best[f][r].after = after;
			size_t id = add_node(b, best[f][r]);
			grow_array((void **)&b->active, &b->active_cap, b->active_count + 1,
				   sizeof *b->active);
			b->active[b->active_count++] = id;
		}
	return true;
}

/* One pass over the paragraph; the node that ends it, or SIZE_MAX. */
static size_t run_pass(struct breaker *b, bool emergency)
{
	b->pool_count = 0;
	b->active_count = 0;
	struct node start = {.position = SIZE_MAX, .previous = SIZE_MAX, .fitness = 1};
	start.after = sums_after(b, SIZE_MAX);
	size_t id = add_node(b, start);
	grow_array((void **)&b->active, &b->active_cap, 1, sizeof *b->active);
	b->active[b->active_count++] = id;
	for (size_t i = 0; i < b->n; i++) {
		if (!is_legal_break(b, i))
			continue;
		if (!try_break(b, i, emergency))
			return SIZE_MAX;
	}
	size_t best = SIZE_MAX;
	for (size_t k = 0; k < b->pool_count; k++)
		if (b->pool[k].position == b->n - 1 &&
		    (best == SIZE_MAX || b->pool[k].demerits < b->pool[best].demerits))
			best = k;
	return best;
}

size_t linebreak_total_fit(const struct lb_item *items, size_t n,
			   const struct lb_params *params, size_t **breaks)
{
	*breaks = NULL;
	if (n == 0)
		return 0;
	struct breaker b = {.items = items, .n = n, .params = params};
	b.prefix = xmalloc((n + 1) * sizeof *b.prefix);
	b.prefix[0] = (struct sums){0};
	for (size_t i = 0; i < n; i++) {
		struct sums s = b.prefix[i];
		if (items[i].kind != LB_PENALTY)
			s.width += items[i].width;
		if (items[i].kind == LB_GLUE) {
			s.stretch += items[i].stretch;
			s.shrink += items[i].shrink;
		}
		b.prefix[i + 1] = s;
	}
	size_t last = run_pass(&b, false);
	if (last == SIZE_MAX)
		last = run_pass(&b, true);
	size_t count = 0;
	for (size_t k = last; k != SIZE_MAX && b.pool[k].position != SIZE_MAX;
	     k = b.pool[k].previous)
		count++;
	*breaks = xmalloc((count ? count : 1) * sizeof **breaks);
	size_t i = count;
	for (size_t k = last; k != SIZE_MAX && b.pool[k].position != SIZE_MAX;
	     k = b.pool[k].previous)
		(*breaks)[--i] = b.pool[k].position;
	free(b.prefix);
	free(b.pool);
	free(b.active);
	return count;
}
