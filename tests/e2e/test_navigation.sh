# test_navigation.sh - contents, index, page labels and named destinations
# of the real binary: the sample edition, and a generated one whose
# contents run over several pages, so that the layout loop has to settle
# the page numbers of entries that push their own targets on.
. "$(dirname "$0")/lib.sh"

"$LIGHTBOOK" -q -o "$scratch/sample.pdf" && "$LIGHTBOOK" -q --dump-pages >"$scratch/sample.txt" ||
	{ echo "not ok - the sample booklet builds"; exit 1; }

check "the sample's contents and index links show their targets' page labels" \
	"$PY" tests/e2e/navigation.py links "$scratch/sample.txt" 2
check "the sample's index names every initiative, partner and place where it is" \
	"$PY" tests/e2e/navigation.py index "$scratch/sample.txt" "$scratch/sample.pdf" \
	data/initiatives.csv

big=$scratch/big
"$PY" tests/gen_edition.py 150 "$big" >/dev/null
run_big() {
	"$LIGHTBOOK" -q --sectors "$big/sectors.csv" --edition "$big/edition.ini" "$@" \
		"$big/initiatives.csv"
}
run_big -o "$big/booklet.pdf" && run_big --dump-pages >"$big/pages.txt" ||
	{ echo "not ok - the generated edition builds"; exit 1; }

check "150 initiatives: contents over 3+ pages, every number the label of its target" \
	"$PY" tests/e2e/navigation.py links "$big/pages.txt" 3
check "150 initiatives: every contents entry is on the page it names (pdftotext)" \
	"$PY" tests/e2e/pdf_text.py contents "$big/booklet.pdf" "$big/sectors.csv" \
	"$big/initiatives.csv"
check "150 initiatives: every index number is a page that names its term" \
	"$PY" tests/e2e/navigation.py index "$big/pages.txt" "$big/booklet.pdf" \
	"$big/initiatives.csv"
check "150 initiatives: page labels roman, then arabic, as the folios print them" \
	"$PY" tests/e2e/pdf_text.py labels "$big/booklet.pdf" "$big/sectors.csv" \
	"$big/initiatives.csv"
check "150 initiatives, no foreword: a named destination per chapter and initiative (none for a foreword), on its page" \
	"$PY" tests/e2e/pdf_text.py destinations "$big/booklet.pdf" "$big/sectors.csv" \
	"$big/initiatives.csv"

# The Arabic edition separates an index entry's page numbers with the
# Arabic comma, the English one with the Latin comma.
index_commas() {
	"$LIGHTBOOK" -q --lang "$1" --dump-pages >"$scratch/pages-$1.txt" || return 1
	local index
	index=$(grep '^outline level=0 ' "$scratch/pages-$1.txt" | tail -n 1 | sed 's/.* page=\([0-9]*\) .*/\1/')
	awk -v from="$index" -v want="$2" -v other="$3" '
		$1 == "page" && $2 >= from && $3 == "glyphs" {
			if ($NF == "|" want "|") w++
			if ($NF == "|" other "|") o++
		}
		END { print w + 0, "with", want, "and", o + 0, "with", other; exit !(w > 20 && o == 0) }' \
		"$scratch/pages-$1.txt"
}
check "the Arabic index separates page numbers with the Arabic comma" index_commas ar '،' ','
check "the English index separates page numbers with the Latin comma" index_commas en ',' '،'
