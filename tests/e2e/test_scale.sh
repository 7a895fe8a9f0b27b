# test_scale.sh - a generated edition of 300 initiatives: it builds, and
# the PDF embeds each font once (one subset per font, not one per page).
. "$(dirname "$0")/lib.sh"

"$PY" tests/gen_edition.py 300 "$scratch/gen" >/dev/null
built() {
	"$LIGHTBOOK" -q --sectors "$scratch/gen/sectors.csv" --edition "$scratch/gen/edition.ini" \
		-o "$scratch/gen.pdf" "$scratch/gen/initiatives.csv"
}
check "a generated edition of 300 initiatives builds" built

one_subset_per_font() {
	pdffonts "$scratch/gen.pdf" >"$scratch/fonts" || return 1
	cat "$scratch/fonts"
	# Font names without the subset tag (HPDFAA+): each exactly once.
	local names dups
	names=$(tail -n +3 "$scratch/fonts" | awk '{print $1}' | sed 's/^[A-Z]*+//')
	[ -n "$names" ] || return 1
	dups=$(sort <<<"$names" | uniq -d)
	[ -z "$dups" ] || { echo "embedded more than once: $dups"; return 1; }
}
check "each font is embedded once, as one subset" one_subset_per_font

same_bytes() {
	"$LIGHTBOOK" -q --sectors "$scratch/gen/sectors.csv" --edition "$scratch/gen/edition.ini" \
		-o "$scratch/again.pdf" "$scratch/gen/initiatives.csv" &&
		cmp "$scratch/gen.pdf" "$scratch/again.pdf"
}
check "the generated edition twice gives the same bytes" same_bytes

generator_is_deterministic() {
	"$PY" tests/gen_edition.py 300 "$scratch/gen2" >/dev/null &&
		diff -r "$scratch/gen" "$scratch/gen2"
}
check "the generator gives the same edition for the same N" generator_is_deterministic

# An index entry longer than a column (a partner of hundreds of
# initiatives on A6 pages) goes on in the next column: nothing of the page
# model lies below its page.
nothing_below_the_page() {
	"$PY" tests/gen_edition.py 1200 "$scratch/g1200" >/dev/null || return 1
	"$LIGHTBOOK" --dump-pages -l layouts/a6-handout.ini --sectors "$scratch/g1200/sectors.csv" \
		--edition "$scratch/g1200/edition.ini" "$scratch/g1200/initiatives.csv" \
		>"$scratch/pages.txt" 2>/dev/null || return 1
	awk '/^page [0-9]+ size=/ { split($3, s, "[=x]"); height = s[3] }
	     { for (i = 4; i <= NF; i++) if ($i ~ /^y=/) { split($i, a, "=");
		   if (a[2] + 0 > height) { below++; if (below < 4) print } } }
	     END { print below + 0 " items below their page"; exit below > 0 }' "$scratch/pages.txt"
}
check "a long index entry flows on; nothing lies below its page" nothing_below_the_page
