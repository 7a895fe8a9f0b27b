# test_charts.sh - the overview and its charts, checked from outside: the
# key figures read back equal figures computed from the CSV, --charts writes
# valid SVG and PNG files of the stated sizes, and the booklet's charts are
# vector (no image in the PDF), on the sample and on an edition of 40
# sectors with no founded year and one huge participant count.
. "$(dirname "$0")/lib.sh"

forty=(--sectors tests/data/charts/forty-sectors.csv --edition tests/data/edition.ini
       tests/data/charts/forty-sectors-initiatives.csv)

for edition in sample forty; do
	if [ $edition = sample ]; then
		args=()
		csv=data/initiatives.csv
	else
		args=("${forty[@]}")
		csv=tests/data/charts/forty-sectors-initiatives.csv
	fi
	pdf=$scratch/$edition.pdf
	charts=$scratch/$edition-charts
	check "$edition: the booklet and --charts build" \
		"$LIGHTBOOK" -q -o "$pdf" --charts "$charts" "${args[@]}"
	check "$edition: the overview's key figures equal the CSV's" \
		"$PY" tests/e2e/check_charts.py figures "$pdf" "$csv"
	check "$edition: every SVG parses (xmllint)" \
		xmllint --noout "$charts/sectors.svg" "$charts/people.svg" \
		"$charts/founded.svg" "$charts/regions.svg"
	check "$edition: every PNG is twice its SVG's size" \
		"$PY" tests/e2e/check_charts.py files "$charts"
	no_images() {
		pdfimages -list "$pdf" >"$scratch/images" || return 1
		[ "$(wc -l <"$scratch/images")" -eq 2 ] || { cat "$scratch/images"; return 1; }
	}
	check "$edition: the booklet holds no raster image" no_images
	check "$edition: qpdf --check finds the PDF valid" qpdf --check "$pdf"
done

founded_none() {
	pdftotext "$scratch/forty.pdf" - | grep -q "None of the 54 initiatives gives the year it was founded."
}
check "no founded years: the chart says so" founded_none

paths_in_model() {
	"$LIGHTBOOK" --dump-pages >"$scratch/pages.txt" || return 1
	# every sector's bars, in its color (sectors.csv's last column here)
	for color in $(cut -d, -f5 data/sectors.csv | grep -o '[0-9A-F]\{6\}'); do
		grep -q "path ops=.* fill=#$color" "$scratch/pages.txt" || { echo "no bar #$color"; return 1; }
	done
}
check "the page model holds the charts' paths" paths_in_model

same_files() {
	"$LIGHTBOOK" -q -o "$scratch/again.pdf" --charts "$scratch/again" &&
		cmp "$scratch/again.pdf" "$scratch/sample.pdf" &&
		for f in "$scratch"/sample-charts/*; do cmp "$f" "$scratch/again/$(basename "$f")" || return 1; done
}
check "two runs give the same PDF and chart files" same_files

unwritable() {
	: >"$scratch/a-file"
	expect_status 3 "$LIGHTBOOK" -q -o "$scratch/b.pdf" --charts "$scratch/a-file/charts"
}
check "a charts folder that cannot be made gives exit 3" unwritable

handout_figures() {
	"$LIGHTBOOK" -q --sector environment,health -o "$scratch/handout.pdf" &&
		"$PY" tests/e2e/check_charts.py figures "$scratch/handout.pdf" data/initiatives.csv \
			environment health
}
check "a --sector handout's overview counts only its sectors" handout_figures
