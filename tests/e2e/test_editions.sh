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
	same_bytes() {
		"$LIGHTBOOK" -q --lang "$lang" -o "$scratch/again-$lang.pdf" &&
			cmp "$pdf" "$scratch/again-$lang.pdf"
	}
	check "two runs of the $lang booklet give the same bytes" same_bytes
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

# edition.ini's foreword file and colophon text, in each language.
foreword_and_colophon() {
	local lang=$1 foreword=$2 colophon=$3
	"$LIGHTBOOK" -q --lang "$lang" -o "$scratch/fc.pdf" 2>/dev/null || return 1
	pdftotext "$scratch/fc.pdf" - | tr '\n' ' ' >"$scratch/fc.txt"
	"$PY" - "$scratch/fc.txt" "$foreword" "$colophon" <<'PY'
import sys
sys.path.insert(0, "tests/e2e")
from pdf_text import contains_phrase, words_and_gaps
import re, unicodedata
text = unicodedata.normalize("NFC", open(sys.argv[1], encoding="utf-8").read())
tokens, _ = words_and_gaps(re.sub("[\u202a-\u202e\u200e\u200f]", " ", text))
missing = [p for p in sys.argv[2:] if not contains_phrase(tokens, p)]
print("\n".join(f"missing: {p}" for p in missing))
sys.exit(1 if missing else 0)
PY
}
check "the English foreword and colophon come from edition.ini" foreword_and_colophon en \
	"We collected these stories so that they can be told" "may be copied and shared with credit"
check "the Hebrew foreword and colophon come from edition.ini" foreword_and_colophon he \
	"אספנו את הסיפורים האלה" "מותר להעתיק ולהפיץ את הטקסטים"
check "the Arabic foreword and colophon come from edition.ini" foreword_and_colophon ar \
	"جمعنا هذه القصص" "يجوز نسخ النصوص ونشرها"

missing_foreword() {
	printf '[edition]\ntitle = T\nforeword = missing.txt\ndate = 2026-12-01\n' >"$scratch/edition.ini"
	"$LIGHTBOOK" --check --edition "$scratch/edition.ini" 2>"$scratch/mf.err"
	local st=$?
	printf '%s\n' "$scratch/edition.ini:3: error: foreword \"$scratch/missing.txt\": cannot open: No such file or directory" |
		diff - "$scratch/mf.err" && [ "$st" -eq 1 ]
}
check "a foreword file that cannot be read is an error at its line in edition.ini" missing_foreword

# A layout may ask the Arabic edition for Arabic-Indic digits: numbers in
# Arabic text and page numbers change, English names keep their digits.
arabic_indic_digits() {
	printf '[type]\narabic_indic_digits = yes\n' >"$scratch/digits.ini"
	"$LIGHTBOOK" -q --lang ar -l "$scratch/digits.ini" --dump-pages >"$scratch/digits.txt" || return 1
	"$LIGHTBOOK" -q --lang ar --dump-pages >"$scratch/western.txt" || return 1
	"$LIGHTBOOK" -q --lang he -l "$scratch/digits.ini" --dump-pages >"$scratch/hebrew.txt" || return 1
	"$PY" - "$scratch/digits.txt" "$scratch/western.txt" "$scratch/hebrew.txt" <<'PY'
import re, sys
def runs(path):
    return re.findall(r"^page \d+ glyphs face=(\S+) .*\|(.*)\|$", open(path, encoding="utf-8").read(), re.M)
indic = re.compile("[\u0660-\u0669]")
digits, western, hebrew = (runs(p) for p in sys.argv[1:])
failures = []
if not any(t == "\u0662\u0660\u0662\u0666" for _, t in digits):
    failures.append("no ٢٠٢٦ (the date) in the Arabic-Indic edition")
if any(re.search("[0-9]", t) for f, t in digits if f.startswith("arabic")):
    failures.append("Western digits left in Arabic runs")
if not any(t == "Cricket 4 Peace" for _, t in digits):
    failures.append("the English name Cricket 4 Peace lost its digit")
for name, other in (("the default Arabic", western), ("the Hebrew", hebrew)):
    if any(indic.search(t) for _, t in other):
        failures.append(f"{name} edition has Arabic-Indic digits")
print("\n".join(failures))
sys.exit(1 if failures else 0)
PY
}
check "arabic_indic_digits = yes: Arabic-Indic digits in the Arabic edition only, English names keep theirs" arabic_indic_digits

# Arabic punctuation in Arabic text: "تل أبيب، وسط إسرائيل", not a Latin
# comma (or semicolon) beside an Arabic letter, in the body or the charts.
arabic_commas() {
	"$LIGHTBOOK" -q --lang ar -o "$scratch/commas.pdf" || return 1
	pdftotext "$scratch/commas.pdf" "$scratch/commas.txt" || return 1
	"$PY" - "$scratch/commas.txt" <<'PY'
import re, sys
text = re.sub("[\u202a-\u202e\u200e\u200f]", "", open(sys.argv[1], encoding="utf-8").read())
latin = re.findall("[\u0621-\u064a] ?[,;].{0,12}|.{0,12}[,;] ?[\u0621-\u064a]", text)
print("\n".join(f"Latin punctuation: {m}" for m in latin))
# pdftotext may move the space beside the comma
sys.exit(1 if latin or not re.search("أبيب ?، ?وسط إسرائيل", text) else 0)
PY
}
check "the Arabic booklet writes ، between Arabic words, never a Latin comma" arabic_commas

# An English text standing in for a missing translation reads left to
# right inside the right-to-left page: its full stop stays at its end.
isolated_fallback() {
	"$LIGHTBOOK" -q --lang ar --sectors tests/data/sectors.csv --edition tests/data/edition.ini \
		--dump-pages tests/data/partly-translated.csv 2>/dev/null >"$scratch/fallback.txt" &&
		grep -q '|Farmers from two villages press their olives together\.|$' "$scratch/fallback.txt"
}
check "an untranslated English summary keeps its full stop at its end in the Arabic edition" isolated_fallback

# The front matter's page labels, as viewers show them: letters in the
# Hebrew (gematria) and Arabic (abjad) editions, then digits from 1.
letter_labels() {
	local lang=$1 first=$2 second=$3
	"$LIGHTBOOK" -q --lang "$lang" -o "$scratch/labels.pdf" || return 1
	qpdf --json --json-key=pagelabels "$scratch/labels.pdf" >"$scratch/labels.json" || return 1
	"$PY" - "$scratch/labels.json" "$first" "$second" <<'PY'
import json, sys
labels = json.load(open(sys.argv[1], encoding="utf-8"))["pagelabels"]
got = [(l["index"], l["label"].get("/P"), l["label"].get("/S")) for l in labels]
want_front = [(0, "u:" + sys.argv[2], None), (1, "u:" + sys.argv[3], None)]
ok = got[:2] == want_front and any(s == "/D" for _, _, s in got[2:])
print("" if ok else f"page labels {got[:6]}")
sys.exit(0 if ok else 1)
PY
}
check "the Hebrew front matter is labelled א, ב, ... and the booklet 1, 2, ..." letter_labels he א ב
check "the Arabic front matter is labelled أ، ب، ... and the booklet 1, 2, ..." letter_labels ar أ ب

check_counts_untranslated() {
	"$LIGHTBOOK" --check --lang he --sectors tests/data/sectors.csv \
		--edition tests/data/edition.ini tests/data/partly-translated.csv 2>&1 >/dev/null |
		grep -v 'has no initiatives' >"$scratch/check.err"
	printf '%s\n' \
		"lightbook: warning: 3 texts have no Hebrew translation and are set in English (the first: tests/data/partly-translated.csv:3:25)" \
		"lightbook: tests/data/partly-translated.csv: 3 initiatives in 8 sectors, no errors" |
		diff - "$scratch/check.err"
}
check "--check --lang he tells how many texts lack their Hebrew translation" check_counts_untranslated
