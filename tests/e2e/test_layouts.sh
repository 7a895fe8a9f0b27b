# test_layouts.sh - every shipped layout builds the sample edition into a
# valid PDF of its stated page size; booklets come in multiples of four
# pages; every bad layout file gets exactly its messages.
. "$(dirname "$0")/lib.sh"

# page_size PDF N: "WIDTH x HEIGHT" of page N in points, as pdfinfo says.
page_size() {
	pdfinfo -f "$2" -l "$2" "$1" | sed -n "s/^Page *$2 size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 x \2/p"
}

# near A B: true when two lengths in points agree within 0.1 pt.
near() {
	awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; exit !(d < 0.1 && d > -0.1) }'
}

# shipped_layout NAME WIDTH_MM HEIGHT_MM MULTIPLE
shipped_layout() {
	local name=$1 w=$2 h=$3 multiple=$4 pdf=$scratch/$1.pdf
	"$LIGHTBOOK" -q -l "layouts/$name.ini" -o "$pdf" || return 1
	qpdf --check "$pdf" >/dev/null || { qpdf --check "$pdf"; return 1; }
	local pages size want_w want_h
	pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
	want_w=$(awk -v mm="$w" 'BEGIN { printf "%.2f", mm * 72 / 25.4 }')
	want_h=$(awk -v mm="$h" 'BEGIN { printf "%.2f", mm * 72 / 25.4 }')
	for n in 1 "$pages"; do
		size=$(page_size "$pdf" "$n")
		near "${size% x *}" "$want_w" && near "${size#* x }" "$want_h" ||
			{ echo "page $n is $size pt, expected $want_w x $want_h"; return 1; }
	done
	[ $((pages % multiple)) -eq 0 ] || { echo "$pages pages, not a multiple of $multiple"; return 1; }
}
check "a5-booklet: valid, 148 x 210 mm, pages a multiple of 4" shipped_layout a5-booklet 148 210 4
check "a4-report: valid, 210 x 297 mm" shipped_layout a4-report 210 297 1
check "letter: valid, 8.5 x 11 in" shipped_layout letter 215.9 279.4 1
check "a6-handout: valid, 105 x 148 mm, pages a multiple of 4" shipped_layout a6-handout 105 148 4

# The print shop's A5: MediaBox larger than BleedBox, BleedBox 3 mm
# beyond the TrimBox, the TrimBox A5, on every page; qpdf finds it valid.
print_boxes() {
	local pdf=$scratch/print.pdf
	"$LIGHTBOOK" -q -l layouts/a5-print.ini -o "$pdf" || return 1
	qpdf --check "$pdf" >/dev/null || return 1
	pdfinfo -box -f 1 -l 9999 "$pdf" >"$scratch/boxes"
	awk '
	function near(a, b) { return a - b < 0.05 && b - a < 0.05 }
	/MediaBox:/ { mw = $6; mh = $7 }
	/BleedBox:/ { bx = $4; by = $5; bw = $6 - $4; bh = $7 - $5 }
	/TrimBox:/ {
		pages++
		tw = $6 - $4; th = $7 - $5; bleed = 3 * 72 / 25.4
		if (!near(tw, 419.53) || !near(th, 595.28)) { print "trim " tw " x " th; bad = 1 }
		if (!near($4 - bx, bleed) || !near($5 - by, bleed) || !near(bw - tw, 2 * bleed) ||
		    !near(bh - th, 2 * bleed)) { print "bleed box " bx " " by " " bw " " bh; bad = 1 }
		if (!(bx > 0 && by > 0 && bx + bw < mw && by + bh < mh)) { print "no room for marks"; bad = 1 }
	}
	END { if (pages < 4) { print pages " pages with a TrimBox"; bad = 1 }; exit bad }
	' "$scratch/boxes" || return 1
	# The booklet for the office printer has none.
	pdfinfo -box -f 1 -l 1 "$scratch/a5-booklet.pdf" | grep 'TrimBox:' | grep -q ' 0.00 *0.00 *419.53 *595.28'
}
check "a5-print: TrimBox A5, BleedBox 3 mm beyond it, crop marks' room beyond that" print_boxes

# The crop marks print on every plate: stroked in the separation "All"
# (100% of each ink), eight a page; the office booklet has no such colour.
registration_marks() {
	qpdf --qdf --object-streams=disable "$scratch/print.pdf" "$scratch/print-qdf.pdf" || return 1
	grep -a -A4 '/All \[' "$scratch/print-qdf.pdf" | tr -s ' \n' ' ' |
		grep -q '/Separation /All /DeviceCMYK' || { echo "no /Separation /All"; return 1; }
	# The tint function's object, on one line (qpdf writes a key a line).
	awk '/ obj$/ { obj = "" } { obj = obj " " $0 } /^endobj/ && obj ~ /FunctionType 2/ { print obj }' \
		"$scratch/print-qdf.pdf" | tr -s ' ' | grep -q '/C1 \[ 1 1 1 1 \]' ||
		{ echo "the tint is not full CMYK"; return 1; }
	local pages strokes
	pages=$(pdfinfo "$scratch/print.pdf" | awk '/^Pages:/ {print $2}')
	strokes=$(grep -a -c '^/All CS 1 SCN$' "$scratch/print-qdf.pdf")
	[ "$strokes" -eq $((8 * pages)) ] || { echo "$strokes registration strokes, $pages pages"; return 1; }
	qpdf --qdf --object-streams=disable "$scratch/a5-booklet.pdf" "$scratch/booklet-qdf.pdf" || return 1
	! grep -a -q '/Separation' "$scratch/booklet-qdf.pdf"
}
check "a5-print: crop marks in the registration colour, on every plate" registration_marks

back_cover() {
	"$LIGHTBOOK" -q -o "$scratch/back.pdf" || return 1
	local pages
	pages=$(pdfinfo "$scratch/back.pdf" | awk '/^Pages:/ {print $2}')
	pdftotext -f "$pages" -l "$pages" "$scratch/back.pdf" - | tr -s ' \n' ' ' >"$scratch/last"
	grep -q 'Points of Light Editors 1 December 2026' "$scratch/last" || { cat "$scratch/last"; return 1; }
	# The pages padded in before it are blank, and fewer than four: the
	# last page with text before them ends the last chapter.
	local blank=0 p=$((pages - 1))
	while [ $p -gt 0 ] && ! pdftotext -f $p -l $p "$scratch/back.pdf" - | grep -q '[^[:space:]]'; do
		blank=$((blank + 1))
		p=$((p - 1))
	done
	[ $blank -lt 4 ] || { echo "$blank blank pages before the back cover"; return 1; }
	[ $(((p + blank + 1) % 4)) -eq 0 ] || { echo "$((p + blank + 1)) pages"; return 1; }
	return 0
}
check "the last page is a back cover: publisher and edition date" back_cover

bad_layout_fixture() {
	local ini=$1 want=${1%.ini}.expected
	cp data/initiatives.csv "$scratch/previous.pdf"
	expect_status 1 "$LIGHTBOOK" -l "$ini" -o "$scratch/previous.pdf" 2>"$scratch/stderr" ||
		return 1
	diff -u "$want" "$scratch/stderr" || return 1
	cmp -s data/initiatives.csv "$scratch/previous.pdf" || { echo "the previous output changed"; return 1; }
}
for ini in tests/data/bad-layouts/*.ini; do
	check "bad layout $(basename "$ini"): its messages, exit 1, previous output kept" \
		bad_layout_fixture "$ini"
done
