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
