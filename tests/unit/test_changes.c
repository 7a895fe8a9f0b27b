/* test_changes.c - what changed since the previous edition, by id. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "catalog.h"
#include "changes.h"
#include "check.h"
#include "helpers.h"

static const char sectors_csv[] = "id,name,color\nfarm,Farming,#247A2B\n";
static const char edition_ini[] = "[edition]\ntitle = T\ndate = 2026-12-01\n";

/* Reads and checks an initiatives CSV given as text. */
static void read_catalog(struct catalog *cat, const char *csv)
{
	struct diag_list d = {0};
	assert_int_equal(catalog_read(cat, write_temp_text(csv), write_temp_text(sectors_csv),
				      write_temp_text(edition_ini), &d), STATUS_OK);
	assert_int_equal(check_catalog(cat, &d), STATUS_OK);
	assert_false(diag_has_errors(&d));
	diag_list_free(&d);
}

/* Ids in any order; any field's change (here the count, or a space in
 * the summary) makes an initiative updated. */
static void new_updated_removed(void **state)
{
	(void)state;
	struct catalog old, now;
	read_catalog(&old, "id,name,sector,summary,participants\n"
			   "b,B,farm,Same.,10\n"
			   "a,A,farm,Old text.,5\n"
			   "gone,Gone,farm,Was here.,\n"
			   "c,C,farm,Same.,1\n");
	read_catalog(&now, "id,name,sector,summary,participants\n"
			   "a,A,farm,Old  text.,5\n"
			   "new,New,farm,Fresh.,\n"
			   "b,B,farm,Same.,10\n"
			   "c,C,farm,Same.,2\n");
	struct changes ch;
	changes_compare(&now, &old, &ch);
	assert_int_equal(ch.new_count, 1);
	assert_int_equal(ch.updated_count, 2);
	assert_int_equal(ch.removed_count, 1);
	const enum change want[] = {CHANGE_UPDATED, CHANGE_NEW, CHANGE_NONE, CHANGE_UPDATED};
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(ch.of[i], want[i]);
	assert_string_equal(old.initiatives[ch.removed[0]].id.text, "gone");
	changes_free(&ch);
	catalog_free(&old);
	catalog_free(&now);
}

/* No id in common: everything is new, everything before went. */
static void no_id_in_common(void **state)
{
	(void)state;
	struct catalog before, after;
	read_catalog(&before, "id,name,sector,summary,participants\n"
			      "a,A,farm,Text.,\nb,B,farm,Text.,\n");
	read_catalog(&after, "id,name,sector,summary,participants\nz,Z,farm,Text.,\n");
	struct changes ch;
	changes_compare(&after, &before, &ch);
	assert_int_equal(ch.new_count, 1);
	assert_int_equal(ch.updated_count, 0);
	assert_int_equal(ch.removed_count, 2);
	assert_int_equal(ch.removed[0], 0);
	assert_int_equal(ch.removed[1], 1);
	changes_free(&ch);
	catalog_free(&before);
	catalog_free(&after);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(new_updated_removed),
		cmocka_unit_test(no_id_in_common),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	remove_temp_files(NULL);
	return failed;
}
