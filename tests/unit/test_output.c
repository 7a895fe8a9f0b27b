/* test_output.c - writing files together: all are replaced, or none, and
 * no temporary file is left behind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "output.h"
#include "helpers.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

static int make_dir(void **state)
{
	(void)state;
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/lightbook-output-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void expect_text(const char *path, const char *want)
{
	char got[64] = {0};
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	size_t n = fread(got, 1, sizeof got - 1, f);
	fclose(f);
	got[n] = '\0';
	assert_string_equal(got, want);
}

static size_t entries(const char *path)
{
	DIR *d = opendir(path);
	assert_non_null(d);
	size_t n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

/* A booklet that exists and its sheets (second, under dir) to be: the
 * two files to write. */
struct pair {
	char booklet[128], sheets[128];
	struct output_file files[2];
};

static void prepare(struct pair *p, const char *second)
{
	snprintf(p->booklet, sizeof p->booklet, "%s/booklet.pdf", dir);
	snprintf(p->sheets, sizeof p->sheets, "%s/%s", dir, second);
	put(p->booklet, "old booklet");
}

/* Opens both files (the sheets may fail to) and writes their new text. */
static enum status open_both(struct pair *p, struct diag_list *d)
{
	assert_int_equal(output_open(&p->files[0], p->booklet, d), STATUS_OK);
	assert_true(output_append(&p->files[0], "new ", 4));
	assert_true(output_append(&p->files[0], "booklet", 7));
	enum status st = output_open(&p->files[1], p->sheets, d);
	if (st == STATUS_OK)
		assert_true(output_append(&p->files[1], "new sheets", 10));
	return st;
}

static void both_are_replaced(void **state)
{
	(void)state;
	struct pair p;
	prepare(&p, "booklet-print.pdf");
	const char *a = p.booklet, *b = p.sheets;
	struct diag_list d = {0};
	assert_int_equal(open_both(&p, &d), STATUS_OK);
	/* Nothing is in place before the files are closed. */
	expect_text(a, "old booklet");
	assert_int_equal(output_close_all(p.files, 2, true, &d), STATUS_OK);
	expect_diag_count(&d, 0);
	expect_text(a, "new booklet");
	expect_text(b, "new sheets");
	unlink(a);
	unlink(b);
	assert_int_equal(entries(dir), 0);
}

/* The first file is written, the second cannot be: the first keeps its
 * previous bytes and its temporary file goes. */
static void neither_when_the_second_fails(void **state)
{
	(void)state;
	struct pair p;
	prepare(&p, "no-such-folder/booklet-print.pdf");
	const char *a = p.booklet, *b = p.sheets;
	struct diag_list d = {0};
	assert_int_equal(open_both(&p, &d), STATUS_IO);
	expect_error(&d, b, 0, 0, "cannot write: No such file or directory");
	assert_int_equal(output_close_all(p.files, 2, false, &d), STATUS_OK);
	expect_diag_count(&d, 1);
	expect_text(a, "old booklet");
	assert_int_equal(entries(dir), 1);
	unlink(a);
	diag_list_free(&d);

	/* The same with no previous file: none is created. */
	assert_int_equal(open_both(&p, &d), STATUS_IO);
	assert_int_equal(output_close_all(p.files, 2, true, &d), STATUS_OK);
	assert_int_equal(entries(dir), 0);
	diag_list_free(&d);
}

/* A write that fails (here: to a file closed under the writer) is
 * reported when the files are closed, and nothing is replaced. */
static void a_failed_write_replaces_nothing(void **state)
{
	(void)state;
	struct pair p;
	prepare(&p, "booklet-print.pdf");
	struct diag_list d = {0};
	assert_int_equal(open_both(&p, &d), STATUS_OK);
	close(p.files[1].fd);
	p.files[1].fd = -1;
	char block[64 * 1024] = {0};
	bool ok = true;
	for (int i = 0; i < 8 && ok; i++)
		ok = output_append(&p.files[1], block, sizeof block);
	assert_false(ok);
	assert_int_equal(output_close_all(p.files, 2, true, &d), STATUS_IO);
	expect_error(&d, p.sheets, 0, 0, "cannot write: Bad file descriptor");
	expect_text(p.booklet, "old booklet");
	assert_int_equal(entries(dir), 1);
	unlink(p.booklet);
	diag_list_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(both_are_replaced),
		cmocka_unit_test(neither_when_the_second_fails),
		cmocka_unit_test(a_failed_write_replaces_nothing),
	};
	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
