# test_editions.sh - the Hebrew and Arabic editions: every fixed word
# translated and none left in English, sector names in the edition's
# language, a right-to-left PDF, and one warning for untranslated texts.
. "$(dirname "$0")/lib.sh"

csv=data/initiatives.csv
sectors=data/sectors.csv

for lang in he ar; do
	pdf=$scratch/booklet-$lang.pdf
	quiet_build() {
		"$LIGHTBOOK" -q --lang "$lang" -o "$pdf" 2>"$scratch/stderr-$lang" || return 1
		[ ! -s "$scratch/stderr-$lang" ] || { cat "$scratch/stderr-$lang"; return 1; }
	}
	check "the $lang booklet builds with no warning (the sample is all translated)" quiet_build
	check "the $lang booklet passes qpdf --check" qpdf --check "$pdf"
	check "the $lang booklet's fixed words and sector names are in $lang, none in English" \
		"$PY" tests/e2e/pdf_text.py edition "$pdf" "$lang" "$sectors" "$csv"
	right_to_left() {
		qpdf --qdf --object-streams=disable "$pdf" "$scratch/qdf-$lang.pdf" &&
			grep -a -q '/Direction /R2L' "$scratch/qdf-$lang.pdf"
	}
	check "the $lang booklet asks viewers for right-to-left spreads (/Direction /R2L)" right_to_left
done

left_to_right() {
	"$LIGHTBOOK" -q -o "$scratch/en.pdf" &&
		qpdf --qdf --object-streams=disable "$scratch/en.pdf" "$scratch/qdf-en.pdf" &&
		! grep -a -q '/Direction' "$scratch/qdf-en.pdf"
}
check "the English booklet has no /Direction" left_to_right

# Three texts lack Hebrew (two names, one summary), one lacks Arabic.
fallback() {
	local lang=$1 want=$2
	"$LIGHTBOOK" -q --lang "$lang" --sectors tests/data/sectors.csv \
		--edition tests/data/edition.ini -o "$scratch/fallback.pdf" \
		tests/data/partly-translated.csv 2>&1 >/dev/null |
		grep -v 'has no initiatives' >"$scratch/fallback.err"
	printf '%s\n' "$want" | diff - "$scratch/fallback.err"
}
check "one warning counts the texts that fall back to English (Hebrew)" fallback he \
	"lightbook: warning: 3 texts have no Hebrew translation and are set in English (the first: tests/data/partly-translated.csv:3:25)"
check "one warning counts the texts that fall back to English (Arabic)" fallback ar \
	"lightbook: warning: 1 text has no Arabic translation and is set in English (the first: tests/data/partly-translated.csv:2:178)"

usage() {
	expect_status 2 "$LIGHTBOOK" --lang fr --check
}
check "an unknown --lang is a usage error" usage
