/* fuzz_csv.c - libFuzzer target: the initiatives CSV through read and check.
 *
 * The input is an initiatives.csv; the sectors are the test fixtures'
 * (tests/data/sectors.csv). Whatever the bytes, reading and validating
 * must end with diagnostics or a clean catalog: no crash, no leak, no
 * undefined behaviour, bounded time. */
#define _GNU_SOURCE
#include "catalog.h"
#include "check.h"
#include "diag.h"
#include "memfile.h"

#include <stdint.h>
#include <string.h>

/* tests/data/sectors.csv, whose ids the seed corpus uses. */
static const char sectors_csv[] =
	"id,name,name_he,name_ar,color\n"
	"agriculture,Agriculture,חקלאות,الزراعة,#247A2B\n"
	"economy,Economy,כלכלה,الاقتصاد,#192C65\n"
	"education,Education,חינוך,التعليم,#602E79\n"
	"environment,Environment,סביבה,البيئة,#066C6C\n"
	"health,Health,בריאות,الصحة,#A91E29\n"
	"science,Science,מדע,العلوم,#144F8A\n"
	"sport,Sport,ספורט,الرياضة,#C15110\n"
	"dialogue,Dialogue,דיאלוג,الحوار,#592B42\n";

static const char edition_ini[] =
	"[edition]\ntitle = Points of Light\ndate = 2026-12-01\nlang = en\n";

static struct memfile initiatives, sectors, edition;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	memfile_open(&initiatives, "initiatives.csv");
	memfile_open(&sectors, "sectors.csv");
	memfile_open(&edition, "edition.ini");
	memfile_set(&sectors, sectors_csv, strlen(sectors_csv));
	memfile_set(&edition, edition_ini, strlen(edition_ini));
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	memfile_set(&initiatives, data, size);
	struct diag_list diags = {0};
	struct catalog cat;
	if (catalog_read(&cat, initiatives.path, sectors.path, edition.path, &diags) ==
	    STATUS_OK)
		check_catalog(&cat, &diags);
	for (size_t i = 0; i < diags.count; i++)
		if (!diags.items[i].message || !diags.items[i].at.file)
			__builtin_trap();   /* every diagnostic names its file */
	diag_sort(&diags);
	catalog_free(&cat);
	diag_list_free(&diags);
	return 0;
}
