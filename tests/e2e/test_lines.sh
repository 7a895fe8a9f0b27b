# test_lines.sh - the quality of the sample's lines as --debug-layout
# reports it: total-fit breaking keeps word spaces tight (first fit left 34
# lines past twice the natural space, the worst at 4.2x), and English body
# text is hyphenated.
. "$(dirname "$0")/lib.sh"

# debug_layout: runs the sample with --debug-layout and reads its report.
debug_layout() {
	"$LIGHTBOOK" -q --debug-layout -o "$scratch/booklet.pdf" 2>"$scratch/report" || return 1
	report=$(grep '^lightbook: layout: ' "$scratch/report") || { cat "$scratch/report"; return 1; }
	read -r justified worst past hyphenated < <(printf '%s\n' "$report" |
		sed -E 's/.* ([0-9]+) justified lines, worst word space ([0-9.]+)x natural, ([0-9]+) past 2x, ([0-9]+) hyphenated lines$/\1 \2 \3 \4/')
	echo "$report"
}

report_is_complete() {
	debug_layout || return 1
	[ "$justified" -gt 100 ] && [ -n "$hyphenated" ]
}
check "--debug-layout reports lines, worst space and hyphens" report_is_complete

spaces_are_tight() {
	debug_layout || return 1
	awk -v w="$worst" -v p="$past" 'BEGIN { exit !(w < 3 && p <= 3) }'
}
check "word spaces: worst under 3x, at most 3 lines past 2x" spaces_are_tight

body_is_hyphenated() {
	debug_layout || return 1
	[ "$hyphenated" -gt 0 ]
}
check "English body text is hyphenated" body_is_hyphenated

# Characters no bundled font has (an emoji, a musical symbol beyond the
# BMP, a CJK ideograph): each is drawn as U+FFFD and named once, at the
# first cell that holds it.
missing_glyphs() {
	local csv=$scratch/missing.csv
	{
		printf 'id,name,sector,summary\n'
		printf 'one,Smile \xf0\x9f\x99\x82 Club,agriculture,A clef \xf0\x9d\x84\x9e and \xe4\xb8\xad in the text \xf0\x9f\x99\x82.\n'
		printf 'two,Second,agriculture,The clef again: \xf0\x9d\x84\x9e.\n'
	} >"$csv"
	"$LIGHTBOOK" --sectors tests/data/sectors.csv --edition tests/data/edition.ini \
		-o "$scratch/missing.pdf" "$csv" 2>"$scratch/missing.err" || { cat "$scratch/missing.err"; return 1; }
	grep 'warning: character' "$scratch/missing.err" >"$scratch/warnings"
	cat >"$scratch/expected" <<EXPECTED
$csv:2:5: warning: character U+1F642 is in none of the bundled fonts; it is drawn as a placeholder (U+FFFD)
$csv:2:30: warning: character U+1D11E is in none of the bundled fonts; it is drawn as a placeholder (U+FFFD)
$csv:2:30: warning: character U+4E2D is in none of the bundled fonts; it is drawn as a placeholder (U+FFFD)
EXPECTED
	diff "$scratch/expected" "$scratch/warnings" || return 1
	# Drawn, not dropped: four placeholders in the first summary and name,
	# one in the second summary.
	pdftotext "$scratch/missing.pdf" - >"$scratch/missing.txt"
	grep -q "Smile � Club" "$scratch/missing.txt" &&
		grep -q "A clef � and � in the text �." "$scratch/missing.txt" &&
		grep -q "The clef again: �." "$scratch/missing.txt" || { cat "$scratch/missing.txt"; return 1; }
}
check "a character no font has is a placeholder, with one warning each" missing_glyphs
