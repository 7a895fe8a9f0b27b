# test_handouts.sh - --sector makes a handout of only the chosen sectors:
# their chapters, contents and initiatives and nothing else, a title that
# names them; a wrong id is refused; make handouts writes one per sector.
. "$(dirname "$0")/lib.sh"

# names_by_sector SECTOR...: the English names of the initiatives in the
# given sectors (or, with --others, in every other sector), one a line.
names_by_sector() {
	"$PY" - "$@" <<'PY'
import csv, sys
args = sys.argv[1:]
others = args[:1] == ["--others"]
chosen = set(args[1:] if others else args)
with open("data/initiatives.csv", encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        if (row["sector"] in chosen) != others:
            print(row["name"])
PY
}

handout_holds_only_its_sectors() {
	"$LIGHTBOOK" -q --sector environment,health -o "$scratch/h.pdf" || return 1
	"$LIGHTBOOK" -q --sector environment,health --dump-pages >"$scratch/h.txt" || return 1
	# The chapters, in the order given, and their initiatives in file order.
	grep '^outline level=0' "$scratch/h.txt" | sed 's/.*|\(.*\)|$/\1/' >"$scratch/chapters"
	printf 'Foreword\nAt a glance\nEnvironment and Water\nHealth\nIndex\n' | diff -u - "$scratch/chapters" || return 1
	grep '^outline level=1' "$scratch/h.txt" | sed 's/.*|\(.*\)|$/\1/' >"$scratch/names"
	names_by_sector environment health | diff -u - "$scratch/names" || return 1
	# No other initiative's name anywhere in the text.
	pdftotext "$scratch/h.pdf" - | tr -s ' \n' ' ' >"$scratch/text"
	local other
	while IFS= read -r other; do
		if grep -qF "$other" "$scratch/text"; then
			echo "found \"$other\" of another sector"
			return 1
		fi
	done < <(names_by_sector --others environment health)
	# The contents list the foreword, the overview, the two chapters,
	# their initiatives and the index.
	local entries=$(( $(names_by_sector environment health | wc -l) + 5 ))
	pdftotext -f 2 -l 2 -layout "$scratch/h.pdf" - | grep -cE '(\. ?){3,}' | grep -qx "$entries"
}
check "--sector environment,health holds only those chapters and initiatives" \
	handout_holds_only_its_sectors

handout_title() {
	pdftotext -f 1 -l 1 "$scratch/h.pdf" - | grep -qx 'Environment and Water · Health' &&
		pdfinfo "$scratch/h.pdf" | grep -qx 'Title: *Points of Light: Environment and Water · Health'
}
check "the handout's cover and title name its sectors" handout_title

handout_figures() {
	local count
	count=$(names_by_sector environment health | wc -l)
	pdftotext "$scratch/h.pdf" - | tr -s ' \n' ' ' >"$scratch/text"
	grep -q "At a glance $count initiatives 2 sectors " "$scratch/text" ||
		{ grep -o 'At a glance.\{0,80\}' "$scratch/text"; return 1; }
}
check "the handout's key figures count only its sectors" handout_figures

wrong_ids() {
	expect_status 2 "$LIGHTBOOK" --sector water -o "$scratch/w.pdf" 2>"$scratch/err" || return 1
	grep -qF 'lightbook: error: --sector: no sector "water" in data/sectors.csv (there are: agriculture, economy,' \
		"$scratch/err" || { cat "$scratch/err"; return 1; }
	expect_status 2 "$LIGHTBOOK" --sector sport,sport -o "$scratch/w.pdf" 2>"$scratch/err" || return 1
	grep -qF 'lightbook: error: --sector: "sport" is given twice' "$scratch/err" || return 1
	# The fixture's Science sector has no initiatives.
	expect_status 1 "$LIGHTBOOK" --sector science --sectors tests/data/sectors.csv \
		--edition tests/data/edition.ini tests/data/good.csv -o "$scratch/w.pdf" \
		2>"$scratch/err" || return 1
	grep -qE '^tests/data/sectors.csv:[0-9]+:1: error: --sector: sector "science" has no initiatives' \
		"$scratch/err" || { cat "$scratch/err"; return 1; }
	[ ! -e "$scratch/w.pdf" ]
}
check "an unknown or repeated id exits 2, an empty sector 1, nothing written" wrong_ids

# A chapter's share strip places its sector among the others: a handout
# of one sector has none ("2 of the booklet's 2 initiatives (100%)").
share_strip() {
	"$LIGHTBOOK" -q --sector environment -o "$scratch/one.pdf" || return 1
	"$LIGHTBOOK" -q --sector environment,health -o "$scratch/two.pdf" || return 1
	! pdftotext "$scratch/one.pdf" - | grep -F "of the booklet" &&
		pdftotext "$scratch/two.pdf" - | grep -qF "2 of the booklet’s 6 initiatives (33%)"
}
check "a one-sector handout has no share strip, a two-sector one has it" share_strip

make_handouts() {
	make -s handouts >"$scratch/made" || return 1
	local id count=0
	while IFS= read -r pdf; do
		count=$((count + 1))
		id=$(basename "$pdf" .pdf)
		pdftotext "$pdf" - | tr -s ' \n' ' ' >"$scratch/text"
		names_by_sector "$id" | while IFS= read -r name; do
			grep -qF "$name" "$scratch/text" || { echo "$pdf lacks \"$name\""; exit 1; }
		done || return 1
		names_by_sector --others "$id" | while IFS= read -r name; do
			! grep -qF "$name" "$scratch/text" || { echo "$pdf holds \"$name\""; exit 1; }
		done || return 1
	done <"$scratch/made"
	[ "$count" -eq 8 ] || { echo "$count handouts"; return 1; }
}
check "make handouts writes one handout per sector, each with only its initiatives" make_handouts

# With --previous, a handout compares only its own sectors, even when the
# previous edition had none of a chosen sector's initiatives.
handout_changes() {
	"$PY" - "$scratch/previous.csv" <<'PY'
import csv, sys
with open("data/initiatives.csv", encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
sector = rows[0].index("sector")
with open(sys.argv[1], "w", encoding="utf-8", newline="") as f:
    csv.writer(f).writerows(r for r in rows if r[sector] != "sport")
PY
	local sport
	sport=$(names_by_sector sport | wc -l)
	"$LIGHTBOOK" --sector sport,health --previous "$scratch/previous.csv" \
		-o "$scratch/changes.pdf" 2>"$scratch/err" || { cat "$scratch/err"; return 1; }
	grep -qx "lightbook: $sport new, 0 updated, 0 removed since $scratch/previous.csv" \
		"$scratch/err" || { cat "$scratch/err"; return 1; }
}
check "--sector with --previous: only the handout's sectors are compared" handout_changes
