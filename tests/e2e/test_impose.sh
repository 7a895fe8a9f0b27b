# test_impose.sh - --impose writes OUTPUT-print.pdf beside the booklet:
# two pages a sheet twice as wide, padded to a multiple of four, in
# saddle-stitch order (mirrored for a right-to-left booklet), links to the
# right sheets; and the two files are written both or neither.
. "$(dirname "$0")/lib.sh"

sheet_size() {
	pdfinfo "$1" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 x \2/p'
}

a5_on_a4() {
	"$LIGHTBOOK" -q --impose -o "$scratch/a5.pdf" || return 1
	[ -f "$scratch/a5-print.pdf" ] || { echo "no a5-print.pdf"; return 1; }
	qpdf --check "$scratch/a5-print.pdf" >/dev/null || return 1
	local pages sides
	pages=$(pdfinfo "$scratch/a5.pdf" | awk '/^Pages:/ {print $2}')
	sides=$(pdfinfo "$scratch/a5-print.pdf" | awk '/^Pages:/ {print $2}')
	[ "$sides" -eq $(((pages + 3) / 4 * 2)) ] || { echo "$sides sides for $pages pages"; return 1; }
	[ "$(sheet_size "$scratch/a5-print.pdf")" = "841.89 x 595.276" ] ||
		{ sheet_size "$scratch/a5-print.pdf"; return 1; }
}
check "A5 booklet: A4 landscape sheets, valid, two sides per four pages" a5_on_a4
check "A5 booklet: every half sheet shows the page saddle stitching puts there" \
	"$PY" tests/e2e/imposition.py order "$scratch/a5.pdf" "$scratch/a5-print.pdf"
check "A5 booklet: every link on the sheets goes to the side of its target" \
	"$PY" tests/e2e/imposition.py links "$scratch/a5.pdf" "$scratch/a5-print.pdf"

a6_on_a5() {
	"$LIGHTBOOK" -q --impose -l layouts/a6-handout.ini --sector health,sport \
		-o "$scratch/a6.pdf" || return 1
	[ "$(sheet_size "$scratch/a6-print.pdf")" = "595.276 x 419.528" ] ||
		{ sheet_size "$scratch/a6-print.pdf"; return 1; }
	"$PY" tests/e2e/imposition.py order "$scratch/a6.pdf" "$scratch/a6-print.pdf"
}
check "A6 handout: A5 landscape sheets in saddle-stitch order" a6_on_a5

padded() {
	# The A4 report has no page count multiple: blanks pad the sheets.
	"$LIGHTBOOK" -q --impose -l layouts/a4-report.ini -o "$scratch/a4.pdf" || return 1
	local pages
	pages=$(pdfinfo "$scratch/a4.pdf" | awk '/^Pages:/ {print $2}')
	[ $((pages % 4)) -ne 0 ] || { echo "$pages pages: nothing to pad"; return 1; }
	"$PY" tests/e2e/imposition.py order "$scratch/a4.pdf" "$scratch/a4-print.pdf"
}
check "a page count not a multiple of four is padded with blank halves" padded

right_to_left() {
	"$LIGHTBOOK" -q --impose --lang he -o "$scratch/he.pdf" || return 1
	"$PY" tests/e2e/imposition.py order "$scratch/he.pdf" "$scratch/he-print.pdf" rtl &&
		"$PY" tests/e2e/imposition.py links "$scratch/he.pdf" "$scratch/he-print.pdf" rtl
}
check "Hebrew booklet: bound on the right, every pair of pages swaps sides" right_to_left

# Both files or neither: a print path that cannot be written leaves the
# booklet as it was too, and no temporary file.
both_or_neither() {
	mkdir -p "$scratch/out" "$scratch/out/booklet-print.pdf"
	echo previous >"$scratch/out/booklet.pdf"
	expect_status 3 "$LIGHTBOOK" -q --impose -o "$scratch/out/booklet.pdf" \
		2>"$scratch/stderr" || return 1
	grep -q 'booklet-print.pdf: error: cannot write: Is a directory' "$scratch/stderr" ||
		{ cat "$scratch/stderr"; return 1; }
	[ "$(cat "$scratch/out/booklet.pdf")" = previous ] || { echo "the booklet was replaced"; return 1; }
	rmdir "$scratch/out/booklet-print.pdf"
	only_booklet "$scratch/out"
}
check "a print file that cannot be written: the booklet is kept, exit 3" both_or_neither

cut_short() {
	mkdir -p "$scratch/cut"
	echo previous >"$scratch/cut/booklet.pdf"
	echo previous print >"$scratch/cut/booklet-print.pdf"
	# A file size limit between the two files' sizes: one of them is
	# written whole, the other cannot be.
	local small big
	small=$(stat -c %s "$scratch/a5.pdf")
	big=$(stat -c %s "$scratch/a5-print.pdf")
	[ "$small" -gt "$big" ] && { local t=$small; small=$big; big=$t; }
	[ $((big - small)) -gt 2048 ] || { echo "sizes $small and $big too close to test"; return 1; }
	(ulimit -f $(((small + big) / 2048)); trap '' XFSZ
	 exec "$LIGHTBOOK" -q --impose -o "$scratch/cut/booklet.pdf") 2>"$scratch/stderr"
	local got=$?
	[ "$got" -eq 3 ] || { echo "exit status $got, expected 3"; cat "$scratch/stderr"; return 1; }
	[ "$(cat "$scratch/cut/booklet.pdf")" = previous ] &&
		[ "$(cat "$scratch/cut/booklet-print.pdf")" = "previous print" ] ||
		{ echo "a file was replaced"; ls -l "$scratch/cut"; return 1; }
	[ "$(ls -A "$scratch/cut" | wc -l)" -eq 2 ] || { ls -A "$scratch/cut"; return 1; }
}
check "a write cut short: both previous files kept, no temporary file" cut_short
