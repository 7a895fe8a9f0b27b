# test_lines.sh - the quality of the sample's lines as --debug-layout
# reports it: total-fit breaking keeps word spaces tight (first fit left 36
# lines past twice the natural space, the worst at 4.2x), and English body
# text is hyphenated; characters no font has become placeholders; and
# pathological paragraphs stay quick and on the page.
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
	awk -v w="$worst" -v p="$past" 'BEGIN { exit !(w < 3 && p <= 5) }'
}
check "word spaces: worst under 3x, at most 5 lines past 2x" spaces_are_tight

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

# Pathological text through the real binary: each finishes quickly with a
# valid PDF whose runs all stay on the page.
pathological() {
	local csv=$scratch/patho.csv
	"$PY" - "$csv" <<'PY'
import sys
rows = [
    ("big", "A 100 KB paragraph", " ".join(["cooperation between neighbours"] * 3400)),
    ("word", "One long word", "x" * 5000),
    ("spaces", "Ten thousand spaces", "before" + " " * 10000 + "after"),
    ("marks", "Only combining marks", "\u0301" * 500),
    ("arabic", "Only Arabic", " ".join(["المزارعون يتقاسمون الماء والبذور"] * 200)),
    ("name", "N" * 1000, "A name of a thousand letters."),
    ("url", "A huge URL", "https://example.org/" + "/".join(["segment%d" % i for i in range(600)])),
]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("id,name,sector,summary\n")
    for id_, name, summary in rows:
        f.write('%s,"%s",agriculture,"%s"\n' % (id_, name, summary))
PY
	local start=$SECONDS
	"$LIGHTBOOK" -q --sectors tests/data/sectors.csv --edition tests/data/edition.ini \
		-o "$scratch/patho.pdf" "$csv" 2>"$scratch/patho.err" || { cat "$scratch/patho.err"; return 1; }
	[ $((SECONDS - start)) -lt 20 ] || { echo "took $((SECONDS - start)) s"; return 1; }
	qpdf --check "$scratch/patho.pdf" >/dev/null || return 1
	"$LIGHTBOOK" --dump-pages --sectors tests/data/sectors.csv --edition tests/data/edition.ini \
		"$csv" 2>/dev/null >"$scratch/patho.txt" || return 1
	# No run reaches past its page's right edge (page_dump: size=WxH, x=, w=).
	awk '/^page [0-9]+ size=/ { split($3, s, "[=x]"); width = s[2] }
	     / glyphs / { for (i = 1; i <= NF; i++) { if ($i ~ /^x=/) x = substr($i, 3); if ($i ~ /^w=/) w = substr($i, 3) }
	                  if (x + w > width + 0.1) { print "past the edge:", $0; bad = 1 } }
	     END { exit bad }' "$scratch/patho.txt"
}
check "pathological paragraphs build quickly and stay on the page" pathological

# Each glyph run of the page model is one show-text operation in the PDF
# (Tj, or TJ when it carries kerning or stretched spaces): a justified
# line is not cut into words.
one_operation_per_run() {
	"$LIGHTBOOK" -q -o "$scratch/ops.pdf" || return 1
	qpdf --qdf --object-streams=disable "$scratch/ops.pdf" "$scratch/ops-qdf.pdf" || return 1
	local ops kerned runs
	ops=$(grep -a -c -E ' (Tj|TJ)$' "$scratch/ops-qdf.pdf")
	kerned=$(grep -a -c -E ' TJ$' "$scratch/ops-qdf.pdf")
	runs=$("$LIGHTBOOK" --dump-pages 2>/dev/null | grep -c ' glyphs ')
	echo "$ops show-text operations ($kerned TJ) for $runs glyph runs"
	[ "$ops" -eq "$runs" ] && [ "$kerned" -gt 100 ]
}
check "one show-text operation per glyph run, kerned runs with TJ" one_operation_per_run
