# test_changes.sh - --previous: a pair of fixture editions gives exactly the
# expected summary line, marks and appendix, in English and in Hebrew; an
# error in the previous edition points at its own cells.
. "$(dirname "$0")/lib.sh"

dir=tests/data/changes
args=(--sectors tests/data/sectors.csv --edition tests/data/edition.ini
      --previous "$dir/previous.csv" "$dir/current.csv")

summary_line() {
	"$LIGHTBOOK" -o "$scratch/changes.pdf" "${args[@]}" 2>&1 >/dev/null |
		grep -v 'has no initiatives' >"$scratch/stderr"
	sed -i 's/ ([0-9]* pages)$//' "$scratch/stderr"
	printf '%s\n' \
		"lightbook: 3 new, 2 updated, 1 removed since $dir/previous.csv" \
		"lightbook: wrote $scratch/changes.pdf" | diff - "$scratch/stderr"
}
check "stderr says 3 new, 2 updated, 1 removed" summary_line

quiet() {
	"$LIGHTBOOK" -q -o "$scratch/quiet.pdf" "${args[@]}" 2>&1 >/dev/null |
		grep -v 'has no initiatives' >"$scratch/quiet.err"
	[ ! -s "$scratch/quiet.err" ] || { cat "$scratch/quiet.err"; return 1; }
}
check "-q leaves the summary out" quiet

# appendix PDF: the text of the page the outline's appendix entry points at
appendix() {
	local pdf=$1 title=$2 page
	shift 2
	"$LIGHTBOOK" -q --dump-pages "$@" "${args[@]}" 2>/dev/null >"$scratch/pages.txt"
	page=$(grep "^outline level=0 .*|$title|\$" "$scratch/pages.txt" | sed 's/.* page=\([0-9]*\) .*/\1/')
	[ -n "$page" ] || { echo "no outline entry for $title"; return 1; }
	pdftotext -f "$page" -l "$page" "$pdf" - | grep -v '^[[:space:]]*$' | sed '/^\f*$/d'
}

english_appendix() {
	appendix "$scratch/changes.pdf" "Changes in this edition" >"$scratch/appendix.txt" || return 1
	printf '%s\n' "Changes in this edition" "New initiatives" \
		"Seed Library (Agriculture)" "Water Lab (Environment)" "Girls League (Sport)" \
		"Updated initiatives" "Code Bridge (Economy)" "Youth Choir (Education)" \
		"Removed initiatives" "River Watch (Environment)" "15" |
		diff - "$scratch/appendix.txt"
}
check "the appendix lists exactly the new, updated and removed initiatives" english_appendix

# A badge is a run of its own on the name's line, right after it.
marks() {
	"$LIGHTBOOK" -q --dump-pages "${args[@]}" 2>/dev/null >"$scratch/pages.txt"
	"$PY" - "$scratch/pages.txt" <<'PY'
import re, sys
runs = [m.groups() for m in re.finditer(
    r"^page (\d+) glyphs face=(\S+) size=\S+ x=(\S+) y=(\S+) w=(\S+) \|(.*)\|$",
    open(sys.argv[1], encoding="utf-8").read(), re.M)]
want = {"Seed Library": "New", "Water Lab": "New", "Girls League": "New",
        "Code Bridge": "Updated", "Youth Choir": "Updated",
        "Shared Olive Press": None, "Clinic Van": None}
failures = []
for name, badge in want.items():
    # the name as a chapter's heading, and as a line of the contents (page 2)
    for where, named in (("heading", [r for r in runs if r[5] == name and r[1] == "sans-bold"]),
                         ("contents", [r for r in runs if r[5] == name and r[0] == "2"])):
        if len(named) != 1:
            failures.append(f"{name}: {len(named)} {where} runs")
            continue
        page, _, x, y, w, _ = named[0]
        beside = [r[5] for r in runs if r[0] == page and abs(float(r[3]) - float(y)) < 4
                  and r[5] in ("New", "Updated")
                  and 0 < float(r[2]) - (float(x) + float(w)) < 15]
        if beside != ([badge] if badge else []):
            failures.append(f"{name} ({where}): marks {beside}, expected {badge}")
print("\n".join(failures))
sys.exit(1 if failures else 0)
PY
}
check "New and Updated marks stand beside exactly the right names, in the chapters and the contents" marks

hebrew_appendix() {
	"$LIGHTBOOK" -q --lang he -o "$scratch/changes-he.pdf" "${args[@]}" 2>/dev/null || return 1
	appendix "$scratch/changes-he.pdf" "שינויים במהדורה זו" --lang he >"$scratch/appendix-he.txt" || return 1
	"$PY" - "$scratch/appendix-he.txt" <<'PY'
import sys
sys.path.insert(0, "tests/e2e")
from pdf_text import reads_back
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
want = ["שינויים במהדורה זו", "יוזמות חדשות", "ספריית זרעים (חקלאות)", "מעבדת מים (סביבה)",
        "ליגת בנות (ספורט)", "יוזמות שעודכנו", "גשר קוד (כלכלה)", "מקהלת נוער (חינוך)",
        "יוזמות שהוסרו", "משמר הנחל (סביבה)"]
missing = [w for w in want if not reads_back(w, lines)]
print("\n".join(f"does not read back: {w}" for w in missing))
sys.exit(1 if missing or len(lines) != len(want) + 1 else 0)
PY
}
check "the Hebrew appendix lists them in Hebrew" hebrew_appendix

old_errors() {
	cp tests/data/good.csv "$scratch/out.pdf"
	"$LIGHTBOOK" -o "$scratch/out.pdf" --sectors tests/data/sectors.csv \
		--edition tests/data/edition.ini --previous "$dir/previous-bad.csv" \
		"$dir/current.csv" 2>&1 >/dev/null | grep -v 'has no initiatives' >"$scratch/old.err"
	local st=${PIPESTATUS[0]}
	printf '%s\n' \
		"$dir/previous-bad.csv:2:44: error: participants must be a whole number ≥ 0, not \"forty\"" \
		"$dir/previous-bad.csv:3:1: error: duplicate id \"olive-press\"; first used on line 2" |
		diff - "$scratch/old.err" || return 1
	[ "$st" -eq 1 ] || { echo "exit status $st"; return 1; }
	cmp tests/data/good.csv "$scratch/out.pdf"
}
check "errors in the previous edition point at its cells, exit 1, output untouched" old_errors

missing_previous() {
	"$LIGHTBOOK" -o "$scratch/none.pdf" --previous "$scratch/missing.csv" 2>"$scratch/missing.err"
	local st=$?
	printf '%s\n' "$scratch/missing.csv: error: cannot open: No such file or directory" |
		diff - "$scratch/missing.err" && [ "$st" -eq 3 ] && [ ! -e "$scratch/none.pdf" ]
}
check "a previous edition that cannot be read: exit 3, nothing written" missing_previous

no_changes() {
	"$LIGHTBOOK" -q --dump-pages --sectors tests/data/sectors.csv --edition tests/data/edition.ini \
		--previous "$dir/current.csv" "$dir/current.csv" 2>/dev/null >"$scratch/same.txt" &&
		grep -q '|No initiative was added, changed or removed.|' "$scratch/same.txt" &&
		! grep -q '|New|\||Updated|' "$scratch/same.txt"
}
check "comparing an edition with itself: no marks, the appendix says nothing changed" no_changes
