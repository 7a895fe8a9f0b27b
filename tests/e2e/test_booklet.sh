# test_booklet.sh - the sample edition, built by the real binary, checked as
# a reader and a printer would: a valid PDF, every font embedded with all
# its glyphs' parts, every name readable in its script, contents, outline,
# page labels and named destinations pointing at the right pages, metadata,
# and the same bytes every run.
. "$(dirname "$0")/lib.sh"

pdf=$scratch/booklet.pdf
csv=data/initiatives.csv
sectors=data/sectors.csv

check "the sample booklet builds" "$LIGHTBOOK" -q -o "$pdf"
[ -f "$pdf" ] || { echo "not ok - no booklet, nothing more to check"; exit 1; }

check "qpdf --check finds the PDF valid" qpdf --check "$pdf"

fonts_embedded() {
	pdffonts "$1" | tail -n +3 >"$scratch/fonts"
	[ -s "$scratch/fonts" ] || { echo "no fonts"; return 1; }
	cat "$scratch/fonts"
	! awk '$(NF-4) != "yes"' "$scratch/fonts" | grep .
}
check "pdffonts shows every font embedded" fonts_embedded "$pdf"

check "no glyph is embedded without its parts (Arabic keeps its dots)" \
	"$PY" tests/e2e/check_embedded_glyphs.py "$pdf" fonts
check "the bundled fonts hold no composite glyph, and a prep program" \
	"$PY" tests/e2e/fonts_no_composites.py fonts
# With the fonts' prep table empty, the Naskh subset of this edition ended
# exactly on a 4,096-byte buffer of libharu's and no PDF could be written
# (error 0x1033); the edition must build in every language.
for lang in en he ar; do
	check "the edition that once ended a font subset on a buffer edge builds ($lang)" \
		"$LIGHTBOOK" -q --lang "$lang" --sectors tests/data/sectors.csv \
		--edition tests/data/edition.ini -o "$scratch/boundary-$lang.pdf" \
		tests/data/subset-boundary.csv
done

check "the read-back model accepts and rejects rightly" \
	"$PY" tests/e2e/pdf_text.py selftest
check "every initiative's English, Hebrew and Arabic name reads back" \
	"$PY" tests/e2e/pdf_text.py names "$pdf" "$csv"
check "the text layer holds real Arabic letters, no presentation forms" \
	"$PY" tests/e2e/pdf_text.py no-presentation "$pdf"

"$LIGHTBOOK" --dump-pages >"$scratch/pages.txt" 2>/dev/null
check "every Arabic run in the page model is shaped" \
	"$PY" tests/e2e/pdf_text.py shaped "$scratch/pages.txt"

check "every contents entry (foreword, chapters, initiatives) shows the page it is on" \
	"$PY" tests/e2e/pdf_text.py contents "$pdf" "$sectors" "$csv"
check "the outline lists the foreword, the chapters, their initiatives and the index" \
	"$PY" tests/e2e/pdf_text.py outline "$pdf" "$sectors" "$csv"
check "page labels: roman front matter, arabic from the first chapter, as printed" \
	"$PY" tests/e2e/pdf_text.py labels "$pdf" "$sectors" "$csv"
check "the foreword, every chapter and initiative is a named destination on its page" \
	"$PY" tests/e2e/pdf_text.py destinations "$pdf" "$sectors" "$csv"

metadata() {
	pdfinfo "$pdf" >"$scratch/info"
	grep -qx 'Title: *Points of Light' "$scratch/info" &&
		grep -qx 'Author: *Points of Light Editors' "$scratch/info" &&
		grep -q '^Subject: *Everyday cooperation' "$scratch/info" &&
		grep -q '^CreationDate: .* 2026' "$scratch/info" || { cat "$scratch/info"; return 1; }
}
check "title, author, subject and date come from edition.ini" metadata

links() {
	qpdf --qdf --object-streams=disable "$pdf" "$scratch/qdf.pdf"
	grep -a -q '/URI (https://meet.mit.edu)' "$scratch/qdf.pdf" || {
		grep -a '/URI (' "$scratch/qdf.pdf"
		return 1
	}
}
check "a url becomes a clickable link" links

viewer_settings() {
	grep -a -q '/PageLayout /TwoPageRight' "$scratch/qdf.pdf" &&
		grep -a -q '/PageMode /UseOutlines' "$scratch/qdf.pdf"
}
check "viewers open it as spreads, with the outline shown" viewer_settings

same_bytes() {
	"$LIGHTBOOK" -q -o "$scratch/again.pdf" && cmp "$pdf" "$scratch/again.pdf"
}
check "two runs give the same bytes" same_bytes

no_empty_chapters() {
	# sectors.csv of the fixture has a sector without initiatives
	"$LIGHTBOOK" -q --dump-pages --sectors tests/data/sectors.csv \
		--edition tests/data/edition.ini tests/data/good.csv >"$scratch/good.txt" || return 1
	! grep -q '^outline level=0 .*|Science|' "$scratch/good.txt"
}
check "a sector without initiatives gets no chapter" no_empty_chapters

fixture_names() {
	"$LIGHTBOOK" -q --sectors tests/data/sectors.csv --edition tests/data/edition.ini \
		-o "$scratch/good.pdf" tests/data/good.csv 2>/dev/null || return 1
	"$PY" tests/e2e/pdf_text.py names "$scratch/good.pdf" tests/data/good.csv
}
check "the fixture's names (digits in Hebrew, lam-alef) read back" fixture_names
