/* linebreak.h - total-fit line breaking (Knuth and Plass, "Breaking
 * Paragraphs into Lines", 1981).
 *
 * A paragraph is a list of boxes (unbreakable material), glue (a space
 * that may stretch and shrink, and where a line may end when a box comes
 * before it) and penalties (a possible break, with a cost and an optional
 * width, e.g. a hyphen). linebreak_total_fit picks the breaks that
 * minimise the sum of the lines' demerits over the whole paragraph, not
 * line by line. It knows nothing about text: typeset builds the items. */
#ifndef LIGHTBOOK_LINEBREAK_H
#define LIGHTBOOK_LINEBREAK_H

#include <stdbool.h>
#include <stddef.h>

/* A penalty this high forbids a break; this low forces one. */
#define LINEBREAK_INFINITY 10000.0

enum lb_kind { LB_BOX, LB_GLUE, LB_PENALTY };

struct lb_item {
	enum lb_kind kind;
	double width;       /* natural width; a penalty's if the line ends there */
	double stretch;     /* LB_GLUE: how far it may grow */
	double shrink;      /* LB_GLUE: how far it may shrink */
	double penalty;     /* LB_PENALTY: cost of breaking here */
	bool flagged;       /* LB_PENALTY: a hyphen; two in a row cost more */
};

struct lb_params {
	double measure;          /* the line width */
	double tolerance;        /* largest adjustment ratio a line may have */
	int max_flagged_run;     /* most consecutive lines ending flagged */
};

/* Chooses where to break items[0..n) (which should end with a forced
 * break) into lines of params->measure. Writes the item index of each
 * break, in order, into *breaks (the last is the final forced break) and
 * returns how many. Lines looser than the tolerance are taken only when
 * the paragraph has no other solution, and a box wider than the measure
 * gets a line of its own: it always returns a solution, in time linear in
 * n times the number of breaks that fit on one line. The caller frees
 * *breaks. */
size_t linebreak_total_fit(const struct lb_item *items, size_t n,
			   const struct lb_params *params, size_t **breaks);

#endif
