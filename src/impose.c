/* impose.c - saddle-stitch imposition of the page model. */
#include "impose.h"
#include "mem.h"

#include <math.h>
#include <stdlib.h>

#define MM (72.0 / 25.4)

/* Sheets an office printer takes, landscape (mm). */
static const struct {
	double width, height;
} sheet_sizes[] = {
	{420, 297},       /* A3 */
	{297, 210},       /* A4 */
	{210, 148},       /* A5 */
	{148, 105},       /* A6 */
	{431.8, 279.4},   /* ledger: two US Letter pages */
	{279.4, 215.9},   /* US Letter: two half-letter pages */
};

/* The standard sheet that two pages fit within 2 mm either way, or a
 * sheet exactly two pages wide. */
static void sheet_size(double page_width, double page_height, double *width,
		       double *height)
{
	*width = 2 * page_width;
	*height = page_height;
	for (size_t i = 0; i < sizeof sheet_sizes / sizeof *sheet_sizes; i++) {
		double w = sheet_sizes[i].width * MM, h = sheet_sizes[i].height * MM;
		if (w >= *width && w - *width <= 2 * MM && h >= *height &&
		    h - *height <= 2 * MM) {
			*width = w;
			*height = h;
			return;
		}
	}
}

struct imposed_pair impose_pair(size_t page_count, size_t side, bool right_to_left)
{
	size_t sheet = side / 2;
	size_t first = 2 * sheet, last = page_count - 1 - 2 * sheet;
	/* Left to right: the front holds last | first, the back second |
	 * second-to-last (it is the front's reverse, flipped on the short
	 * edge). Bound on the right, each pair swaps. */
	struct imposed_pair pair = side % 2 == 0 ? (struct imposed_pair){last, first}
						 : (struct imposed_pair){first + 1, last - 1};
	if (right_to_left)
		pair = (struct imposed_pair){pair.right, pair.left};
	return pair;
}

/* rect cut to box; false when nothing is left. */
static bool clip_rect(struct rect *r, const struct box *box)
{
	double x0 = fmax(r->x, box->x), y0 = fmax(r->y, box->y);
	double x1 = fmin(r->x + r->width, box->x + box->width);
	double y1 = fmin(r->y + r->height, box->y + box->height);
	if (x1 <= x0 || y1 <= y0)
		return false;
	*r = (struct rect){x0, y0, x1 - x0, y1 - y0, r->color};
	return true;
}

static bool rule_inside(const struct rule *r, const struct box *box)
{
	double left = fmin(r->x1, r->x2), right = fmax(r->x1, r->x2);
	double top = fmin(r->y1, r->y2), bottom = fmax(r->y1, r->y2);
	return left >= box->x - 0.01 && right <= box->x + box->width + 0.01 &&
	       top >= box->y - 0.01 && bottom <= box->y + box->height + 0.01;
}

/* Where a booklet page lands: the side of a sheet, and the offset from
 * the page's coordinates to the sheet's. */
struct placement {
	size_t side;
	double dx, dy;
};

/* Copies what of page lies on its trim onto sheet, moved by at; a link
 * to another page goes to where that page landed. */
static void place_page(const struct page *page, struct placement at,
		       const struct placement *placements, struct page *sheet)
{
	const struct box *trim = &page->trim;
	for (size_t i = 0; i < page->item_count; i++) {
		const struct item *it = &page->items[i];
		if (it->kind == ITEM_RULE && !rule_inside(&it->u.rule, trim))
			continue;   /* a crop mark */
		struct item copy = item_copy(it);
		if (copy.kind == ITEM_RECT && !clip_rect(&copy.u.rect, trim))
			continue;
		if (copy.kind == ITEM_LINK_PAGE) {
			const struct placement *target = &placements[copy.u.link.target_page];
			copy.u.link.target_page = target->side;
			copy.u.link.target_y += target->dy;
		}
		item_move(&copy, at.dx, at.dy);
		page_add(sheet, copy);
	}
}

void impose_saddle_stitch(const struct document *doc, struct document *sheets)
{
	*sheets = (struct document){0};
	document_set_info(sheets, doc->title, doc->author, doc->subject, doc->date);
	if (!doc->page_count)
		return;
	const struct box *trim = &doc->pages[0].trim;
	double width, height;
	sheet_size(trim->width, trim->height, &width, &height);
	double margin_x = (width - 2 * trim->width) / 2;
	double margin_y = (height - trim->height) / 2;
	size_t count = (doc->page_count + 3) / 4 * 4;
	size_t sides = count / 2;

	struct placement *placements = xcalloc(count, sizeof *placements);
	for (size_t side = 0; side < sides; side++) {
		struct imposed_pair pair = impose_pair(count, side, doc->right_to_left);
		const size_t on[2] = {pair.left, pair.right};
		for (int half = 0; half < 2; half++) {
			if (on[half] >= doc->page_count)
				continue;
			const struct box *t = &doc->pages[on[half]].trim;
			placements[on[half]] = (struct placement){
				.side = side,
				.dx = margin_x + half * t->width - t->x,
				.dy = margin_y - t->y,
			};
		}
	}
	for (size_t side = 0; side < sides; side++) {
		struct page *sheet = page_new(sheets, width, height);
		struct imposed_pair pair = impose_pair(count, side, doc->right_to_left);
		const size_t on[2] = {pair.left, pair.right};
		for (int half = 0; half < 2; half++)
			if (on[half] < doc->page_count)
				place_page(&doc->pages[on[half]], placements[on[half]],
					   placements, sheet);
	}
	for (size_t i = 0; i < doc->outline_count; i++) {
		const struct outline_entry *e = &doc->outline[i];
		const struct placement *at = &placements[e->page];
		document_add_outline(sheets, e->title, e->level, at->side, e->y + at->dy);
	}
	for (size_t i = 0; i < doc->destination_count; i++) {
		const struct destination *d = &doc->destinations[i];
		const struct placement *at = &placements[d->page];
		document_add_destination(sheets, d->name, at->side, d->y + at->dy);
	}
	free(placements);
}
