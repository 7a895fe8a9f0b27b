/* fuzz_ini.c - libFuzzer target: both INI readers on the same bytes.
 *
 * The input is read as a page layout (a layouts/ file) and as an edition
 * (edition.ini, through the catalog with fixed CSVs). A layout that
 * reads without error must leave a text frame with room in it. */
#define _GNU_SOURCE
#include "catalog.h"
#include "check.h"
#include "diag.h"
#include "layout.h"
#include "memfile.h"

#include <stdint.h>
#include <string.h>

static const char initiatives_csv[] =
	"id,name,sector,summary\nfirst,First,farming,Grows things.\n";
static const char sectors_csv[] = "id,name,color\nfarming,Farming,#247A2B\n";

static struct memfile ini, initiatives, sectors;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	memfile_open(&ini, "input.ini");
	memfile_open(&initiatives, "initiatives.csv");
	memfile_open(&sectors, "sectors.csv");
	memfile_set(&initiatives, initiatives_csv, strlen(initiatives_csv));
	memfile_set(&sectors, sectors_csv, strlen(sectors_csv));
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	memfile_set(&ini, data, size);

	struct diag_list diags = {0};
	struct layout layout;
	if (layout_read(&layout, ini.path, &diags) == STATUS_OK && !diag_has_errors(&diags)) {
		double width = layout.page_width - layout.margin_inner - layout.margin_outer;
		double height = layout.page_height - layout.margin_top - layout.margin_bottom;
		if (!(width > 0 && height > 0 && layout.base_size > 0 && layout.leading > 0))
			__builtin_trap();
	}
	diag_list_free(&diags);

	diags = (struct diag_list){0};
	struct catalog cat;
	if (catalog_read(&cat, initiatives.path, sectors.path, ini.path, &diags) == STATUS_OK)
		check_catalog(&cat, &diags);
	catalog_free(&cat);
	diag_list_free(&diags);
	return 0;
}
