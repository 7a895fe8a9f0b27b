/* main.c - the lightbook command: options, the pipeline, messages, exit
 * codes. The only file that prints. */
#include "catalog.h"
#include "changes.h"
#include "chart.h"
#include "check.h"
#include "compose.h"
#include "coverage.h"
#include "diag.h"
#include "font.h"
#include "impose.h"
#include "layout.h"
#include "mem.h"
#include "output.h"
#include "page.h"
#include "paginate.h"
#include "pdf.h"
#include "progress.h"
#include "translations.h"

#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define LIGHTBOOK_VERSION "0.1.0"

struct options {
	const char *initiatives;
	const char *output;
	const char *layout;
	const char *sectors;
	const char *edition;
	const char *fonts;       /* NULL: the fonts folder beside the program */
	const char *lang;        /* NULL: edition.ini's lang */
	const char *sector_ids;  /* --sector: a handout of these; NULL for all */
	const char *previous;    /* the last edition's CSV, to compare with; or NULL */
	const char *charts;      /* a folder for the charts as SVG and PNG, or NULL */
	bool check_only;
	bool quiet;
	bool dump_pages;
	bool timings;
	bool debug_layout;
	char *print_output;      /* --impose: OUTPUT-print.pdf; owned, else NULL */
};

static const char usage_text[] =
	"usage: lightbook [OPTIONS] [INITIATIVES.csv]\n"
	"\n"
	"Lays out a PDF booklet from a CSV of initiatives.\n"
	"\n"
	"  -o, --output FILE    the PDF to write (default out/booklet.pdf)\n"
	"  -l, --layout FILE    page format (default layouts/a5-booklet.ini)\n"
	"      --sectors FILE   the sectors (default data/sectors.csv)\n"
	"      --edition FILE   the edition's settings (default data/edition.ini)\n"
	"      --fonts DIR      the bundled fonts (default: fonts/ beside lightbook)\n"
	"      --lang LANG      en, he or ar: the booklet's language (default: edition.ini's)\n"
	"      --sector ID[,ID...]  a handout of only these sectors\n"
	"      --previous OLD.csv  mark what is new and updated since that edition,\n"
	"                       list the changes in an appendix\n"
	"      --charts DIR     also write the charts as SVG and PNG into DIR\n"
	"      --check          validate the input, write nothing\n"
	"      --dump-pages     print the page model as text, write no PDF\n"
	"      --debug-layout   report the worst word space and the hyphenated lines\n"
	"      --impose         also write OUTPUT-print.pdf: two pages a sheet, in\n"
	"                       booklet order, to print both sides, fold and staple\n"
	"  -q, --quiet          print only warnings and errors\n"
	"      --timings        print the time each stage took\n"
	"      --version        print the version\n"
	"      --help           print this help\n"
	"\n"
	"INITIATIVES.csv defaults to data/initiatives.csv.\n"
	"Exit status: 0 done, 1 invalid input, 2 usage error, 3 I/O or system error.\n";

enum { OPT_SECTORS = 256, OPT_SECTOR, OPT_EDITION, OPT_FONTS, OPT_LANG, OPT_PREVIOUS,
       OPT_CHECK, OPT_DUMP,
       OPT_DEBUG_LAYOUT, OPT_IMPOSE, OPT_TIMINGS, OPT_VERSION, OPT_HELP, OPT_CHARTS };

/* "out/booklet.pdf" -> "out/booklet-print.pdf". */
static char *print_path(const char *output)
{
	size_t len = strlen(output);
	if (len > 4 && strcmp(output + len - 4, ".pdf") == 0)
		len -= 4;
	struct buffer b = {0};
	buffer_printf(&b, "%.*s-print.pdf", (int)len, output);
	return buffer_take(&b);
}

/* Returns -1 to go on, or the exit code to stop with. */
static int parse_options(int argc, char **argv, struct options *opt)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"layout", required_argument, NULL, 'l'},
		{"sectors", required_argument, NULL, OPT_SECTORS},
		{"sector", required_argument, NULL, OPT_SECTOR},
		{"edition", required_argument, NULL, OPT_EDITION},
		{"fonts", required_argument, NULL, OPT_FONTS},
		{"lang", required_argument, NULL, OPT_LANG},
		{"previous", required_argument, NULL, OPT_PREVIOUS},
		{"charts", required_argument, NULL, OPT_CHARTS},
		{"check", no_argument, NULL, OPT_CHECK},
		{"dump-pages", no_argument, NULL, OPT_DUMP},
		{"timings", no_argument, NULL, OPT_TIMINGS},
		{"debug-layout", no_argument, NULL, OPT_DEBUG_LAYOUT},
		{"impose", no_argument, NULL, OPT_IMPOSE},
		{"quiet", no_argument, NULL, 'q'},
		{"version", no_argument, NULL, OPT_VERSION},
		{"help", no_argument, NULL, OPT_HELP},
		{0},
	};
	*opt = (struct options){
		.initiatives = "data/initiatives.csv",
		.output = "out/booklet.pdf",
		.layout = "layouts/a5-booklet.ini",
		.sectors = "data/sectors.csv",
		.edition = "data/edition.ini",
	};
	bool impose = false;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:l:q", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': opt->output = optarg; break;
		case 'l': opt->layout = optarg; break;
		case 'q': opt->quiet = true; break;
		case OPT_SECTORS: opt->sectors = optarg; break;
		case OPT_SECTOR: opt->sector_ids = optarg; break;
		case OPT_EDITION: opt->edition = optarg; break;
		case OPT_FONTS: opt->fonts = optarg; break;
		case OPT_LANG:
			if (!lang_parse(optarg, &(enum lang){0})) {
				fprintf(stderr, "lightbook: error: --lang must be en, he or ar, not '%s'\n",
					optarg);
				return STATUS_USAGE;
			}
			opt->lang = optarg;
			break;
		case OPT_PREVIOUS: opt->previous = optarg; break;
		case OPT_CHARTS: opt->charts = optarg; break;
		case OPT_CHECK: opt->check_only = true; break;
		case OPT_DUMP: opt->dump_pages = true; break;
		case OPT_TIMINGS: opt->timings = true; break;
		case OPT_DEBUG_LAYOUT: opt->debug_layout = true; break;
		case OPT_IMPOSE: impose = true; break;
		case OPT_VERSION:
			printf("lightbook %s\n", LIGHTBOOK_VERSION);
			return 0;
		case OPT_HELP:
			fputs(usage_text, stdout);
			return 0;
		case ':':
			fprintf(stderr, "lightbook: error: %s needs a value\n", argv[optind - 1]);
			fputs("Try 'lightbook --help'.\n", stderr);
			return STATUS_USAGE;
		default:
			fprintf(stderr, "lightbook: error: unknown option '%s'\n", argv[optind - 1]);
			fputs("Try 'lightbook --help'.\n", stderr);
			return STATUS_USAGE;
		}
	}
	if (argc - optind > 1) {
		fprintf(stderr, "lightbook: error: one CSV at most, got %d\n", argc - optind);
		return STATUS_USAGE;
	}
	if (optind < argc)
		opt->initiatives = argv[optind];
	if (impose)
		opt->print_output = print_path(opt->output);
	return -1;
}

static void print_diags(struct diag_list *diags)
{
	diag_sort(diags);
	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *d = &diags->items[i];
		const char *level = d->level == DIAG_ERROR ? "error" : "warning";
		const char *file = d->at.file ? d->at.file : "lightbook";
		if (d->at.line > 0 && d->at.col > 0)
			fprintf(stderr, "%s:%d:%d: %s: %s\n", file, d->at.line, d->at.col,
				level, d->message);
		else if (d->at.line > 0)
			fprintf(stderr, "%s:%d: %s: %s\n", file, d->at.line, level, d->message);
		else
			fprintf(stderr, "%s: %s: %s\n", file, level, d->message);
	}
}

/* The fonts folder installed beside the executable, so that lightbook
 * finds its fonts from any working directory. */
static char *default_fonts_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		struct buffer dir = {0};
		buffer_printf(&dir, "%s/fonts", dirname(exe));
		struct stat st;
		if (stat(dir.data, &st) == 0 && S_ISDIR(st.st_mode))
			return buffer_take(&dir);
		buffer_free(&dir);
	}
	return xstrdup("fonts");
}

/* Refuses an output that is one of the inputs: writing the booklet over
 * the CSV would lose the very data it was made from. */
static enum status check_output_path(const struct options *opt,
				     struct diag_list *diags)
{
	if (opt->check_only || opt->dump_pages)
		return STATUS_OK;
	const char *outputs[] = {opt->output, opt->print_output};
	const char *inputs[] = {opt->initiatives, opt->sectors, opt->edition, opt->layout,
				opt->previous ? opt->previous : opt->initiatives};
	for (size_t o = 0; o < sizeof outputs / sizeof *outputs; o++) {
		struct stat out;
		if (!outputs[o] || stat(outputs[o], &out) != 0)
			continue;
		for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
			struct stat in;
			if (stat(inputs[i], &in) == 0 && in.st_dev == out.st_dev &&
			    in.st_ino == out.st_ino) {
				diag_error(diags, ((struct span){.file = outputs[o]}),
					   "refusing to write the booklet over an input file (%s)",
					   inputs[i]);
				return STATUS_IO;
			}
		}
	}
	return STATUS_OK;
}

static bool to_output(void *file, const void *bytes, size_t len)
{
	return output_append(file, bytes, len);
}

/* Renders the booklet and, with --impose, its sheets, straight into their
 * files, and puts both in place, or neither. Rendering uses up the pages'
 * contents, so the sheets are imposed first. */
static enum status write_pdfs(const struct options *opt, struct document *doc,
			      const struct fontset *fonts, size_t *sheet_count,
			      struct diag_list *diags)
{
	struct output_file files[2] = {0};
	size_t count = opt->print_output ? 2 : 1;
	struct document sheets = {0};
	if (opt->print_output) {
		impose_saddle_stitch(doc, &sheets);
		*sheet_count = sheets.page_count / 2;
	}
	enum status st = output_open(&files[0], opt->output, diags);
	if (st == STATUS_OK && opt->print_output)
		st = output_open(&files[1], opt->print_output, diags);
	if (st == STATUS_OK)
		st = pdf_render(doc, fonts, to_output, &files[0], diags);
	if (st == STATUS_OK && opt->print_output)
		st = pdf_render(&sheets, fonts, to_output, &files[1], diags);
	document_free(&sheets);
	progress_report(STAGE_WRITE, 0, 1);
	enum status closed = output_close_all(files, count, st == STATUS_OK, diags);
	return st != STATUS_OK ? st : closed;
}

/* One warning for every text the edition's language lacks, pointing at
 * the first place a translation is missing. */
static void warn_untranslated(const struct booklet *booklet, struct diag_list *diags)
{
	const struct span *at = &booklet->first_untranslated;
	struct buffer where = {0};
	buffer_append_str(&where, at->file);
	if (at->line > 0)
		buffer_printf(&where, ":%d", at->line);
	if (at->line > 0 && at->col > 0)
		buffer_printf(&where, ":%d", at->col);
	diag_warning(diags, ((struct span){0}),
		     "%zu %s no %s translation and %s set in English (the first: %s)",
		     booklet->untranslated, booklet->untranslated == 1 ? "text has" : "texts have",
		     lang_name(booklet->lang), booklet->untranslated == 1 ? "is" : "are",
		     where.data);
	buffer_free(&where);
}

/* The stages' progress reports, turned into the time each stage took
 * (--timings) and, when stderr is a terminal, a progress bar. */
struct run_watch {
	bool bar;                      /* draw the bar */
	bool running;                  /* a stage is being charged */
	enum stage stage;
	double since;                  /* when it began to be charged */
	double seconds[STAGE_COUNT];
	int shown;                     /* percentage on the bar; -1: no bar */
	enum stage shown_stage;
};

static double seconds_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void on_progress(void *user, enum stage stage, size_t done, size_t total)
{
	struct run_watch *w = user;
	double now = seconds_now();
	if (w->running)
		w->seconds[w->stage] += now - w->since;
	w->running = true;
	w->stage = stage;
	w->since = now;
	if (!w->bar)
		return;
	int percent = total ? (int)(done * 100 / total) : 100;
	if (percent == w->shown && stage == w->shown_stage)
		return;
	enum { BAR_WIDTH = 30 };
	char bar[BAR_WIDTH + 1];
	int filled = percent * BAR_WIDTH / 100;
	for (int i = 0; i < BAR_WIDTH; i++)
		bar[i] = i < filled ? '#' : '.';
	bar[BAR_WIDTH] = '\0';
	fprintf(stderr, "\r%-8s [%s] %3d%%", stage_name(stage), bar, percent);
	fflush(stderr);
	w->shown = percent;
	w->shown_stage = stage;
}

/* Charges the last stage and takes the bar off the screen. */
static void watch_stop(struct run_watch *w)
{
	if (w->running)
		w->seconds[w->stage] += seconds_now() - w->since;
	w->running = false;
	progress_listen(NULL, NULL);
	if (w->shown >= 0)
		fputs("\r\033[K", stderr);
	w->shown = -1;
}

static void print_timings(const struct run_watch *w)
{
	double total = 0;
	fputs("lightbook: timings:", stderr);
	for (int s = 0; s < STAGE_COUNT; s++) {
		fprintf(stderr, " %s %.3f s,", stage_name((enum stage)s), w->seconds[s]);
		total += w->seconds[s];
	}
	fprintf(stderr, " total %.3f s\n", total);
}

/* Composes the booklet, with the one warning about texts set in English
 * for want of a translation. */
static void compose(const struct catalog *cat, const struct layout *layout,
		    struct booklet *booklet, struct diag_list *diags)
{
	compose_booklet(cat, layout, booklet);
	if (booklet->untranslated)
		warn_untranslated(booklet, diags);
}

/* Reads and checks the previous edition's initiatives (with this
 * edition's sectors and settings, whose diagnostics were this edition's
 * to give; a handout keeps the same sectors of both) and compares cat
 * with them. */
static enum status compare_previous(const struct options *opt, struct catalog *cat,
				    struct catalog *previous, struct changes *changes,
				    struct diag_list *diags)
{
	struct diag_list own = {0};
	enum status st = catalog_read(previous, opt->previous, opt->sectors, opt->edition,
				      &own);
	if (st == STATUS_OK)
		check_catalog(previous, &own);
	bool errors = false;
	for (size_t i = 0; i < own.count; i++) {
		struct diag *d = &own.items[i];
		if (!d->at.file || strcmp(d->at.file, opt->previous) != 0)
			continue;
		diag_add(diags, d->level, d->at, "%s", d->message);
		errors |= d->level == DIAG_ERROR;
	}
	diag_list_free(&own);
	if (st != STATUS_OK)
		return st;
	if (errors)
		return STATUS_INVALID;
	if (opt->sector_ids) {
		/* The previous edition may lack a chosen sector: that is no error. */
		struct diag_list ignored = {0};
		catalog_keep_sectors(previous, opt->sector_ids, false, &ignored);
		diag_list_free(&ignored);
	}
	changes_compare(cat, previous, changes);
	cat->changes = changes;
	return STATUS_OK;
}

/* The charts at the size they have in the booklet: the text frame's width. */
static enum status write_charts(const char *dir, const struct catalog *cat,
				const struct layout *layout, struct fontset *fonts,
				struct diag_list *diags)
{
	struct stats st;
	stats_compute(cat, &st);
	double width = layout->page_width - layout->margin_inner - layout->margin_outer;
	double height = layout->page_height - layout->margin_top - layout->margin_bottom;
	enum status status = chart_write_files(cat, &st, fonts, layout->base_size, width,
					       layout->chart_height, height, dir, diags);
	stats_free(&st);
	return status;
}

/* Runs the pipeline up to the page model; returns the status. */
static enum status lay_out(const struct options *opt, struct catalog *cat,
			   struct catalog *previous, struct changes *changes,
			   struct layout *layout, struct fontset **fonts,
			   struct document *doc, struct diag_list *diags)
{
	enum status st = check_output_path(opt, diags);
	if (st != STATUS_OK)
		return st;
	progress_report(STAGE_READ, 0, 1);
	st = catalog_read(cat, opt->initiatives, opt->sectors, opt->edition, diags);
	enum status lst = layout_read(layout, opt->layout, diags);
	/* A file that cannot be read (3), or is too big to (1). */
	if (st != STATUS_OK || lst != STATUS_OK)
		return st > lst ? st : lst;
	if (opt->lang) {
		free(cat->edition.lang.text);
		cat->edition.lang.text = xstrdup(opt->lang);
	}
	progress_report(STAGE_CHECK, 0, 1);
	if (check_catalog(cat, diags) != STATUS_OK || diag_has_errors(diags))
		return STATUS_INVALID;
	if (opt->sector_ids) {
		st = catalog_keep_sectors(cat, opt->sector_ids, true, diags);
		if (st != STATUS_OK)
			return st;
	}
	if (opt->previous) {
		st = compare_previous(opt, cat, previous, changes, diags);
		if (st != STATUS_OK)
			return st;
	}
	if (opt->check_only) {
		/* Composing costs little and tells an editor which translations
		 * a Hebrew or Arabic edition still lacks. */
		struct booklet booklet;
		compose(cat, layout, &booklet, diags);
		booklet_free(&booklet);
		return STATUS_OK;
	}

	progress_report(STAGE_COMPOSE, 0, 1);
	char *dir = opt->fonts ? xstrdup(opt->fonts) : default_fonts_dir();
	st = fontset_open(fonts, dir, diags);
	free(dir);
	if (st != STATUS_OK)
		return st;
	coverage_check(cat, *fonts, diags);
	struct booklet booklet;
	compose(cat, layout, &booklet, diags);
	if (opt->charts)
		st = write_charts(opt->charts, cat, layout, *fonts, diags);
	/* The booklet borrows the catalogs' texts, not their records, and
	 * paginating is where a run's memory peaks. */
	catalog_free_records(previous);
	catalog_free_records(cat);
	if (st == STATUS_OK)
		paginate_booklet(&booklet, layout, *fonts, doc);
	booklet_free(&booklet);
	return st;
}

int main(int argc, char **argv)
{
	struct options opt;
	int code = parse_options(argc, argv, &opt);
	if (code >= 0)
		return code;

	struct diag_list diags = {0};
	struct catalog cat = {0}, previous = {0};
	struct changes changes = {0};
	struct layout layout;
	struct fontset *fonts = NULL;
	struct document doc = {0};
	size_t sheet_count = 0;
	struct run_watch watch = {.bar = !opt.quiet && isatty(STDERR_FILENO), .shown = -1};
	progress_listen(on_progress, &watch);
	enum status st = lay_out(&opt, &cat, &previous, &changes, &layout, &fonts, &doc,
				 &diags);
	if (st == STATUS_OK && !opt.check_only) {
		if (opt.dump_pages) {
			struct buffer dump = {0};
			page_dump(&doc, &dump);
			fwrite(dump.data, 1, dump.len, stdout);
			buffer_free(&dump);
		} else {
			/* Drawing needs only the page model: the catalogs' memory
			 * goes to libharu's objects instead. */
			catalog_free(&previous);
			catalog_free(&cat);
			st = write_pdfs(&opt, &doc, fonts, &sheet_count, &diags);
		}
	}
	watch_stop(&watch);
	print_diags(&diags);
	if (st == STATUS_OK && opt.debug_layout && !opt.check_only) {
		const struct layout_quality *q = &doc.quality;
		fprintf(stderr, "lightbook: layout: %zu justified lines, worst word space "
			"%.2fx natural, %zu past 2x, %zu hyphenated lines\n",
			q->justified_lines, q->worst_space_ratio, q->over_twice,
			q->hyphenated_lines);
	}
	if (st == STATUS_OK && !opt.quiet) {
		if (opt.previous)
			fprintf(stderr, "lightbook: %zu new, %zu updated, %zu removed since %s\n",
				changes.new_count, changes.updated_count, changes.removed_count,
				opt.previous);
		if (opt.check_only)
			fprintf(stderr, "lightbook: %s: %zu initiatives in %zu sectors, no errors\n",
				opt.initiatives, cat.initiative_count, cat.sector_count);
		else if (!opt.dump_pages)
			fprintf(stderr, "lightbook: wrote %s (%zu pages)\n", opt.output,
				doc.page_count);
		if (opt.print_output && !opt.check_only && !opt.dump_pages)
			fprintf(stderr, "lightbook: wrote %s (%zu sheets, both sides)\n",
				opt.print_output, sheet_count);
	}
	if (opt.timings)
		print_timings(&watch);
	free(opt.print_output);
	document_free(&doc);
	fontset_free(fonts);
	changes_free(&changes);
	catalog_free(&previous);
	catalog_free(&cat);
	diag_list_free(&diags);
	return (int)st;
}
