# test_bad_input.sh - what bad input gets: every problem reported as
# FILE:LINE:COL (tests/data/bad/NAME.csv beside NAME.expected, the exact
# stderr), the documented exit code, and the previous output untouched with
# no temporary file left behind.
. "$(dirname "$0")/lib.sh"

sectors=tests/data/sectors.csv
edition=tests/data/edition.ini
good=tests/data/good.csv

# The previous booklet, which no failure may damage.
out_dir=$scratch/out
mkdir -p "$out_dir"
"$LIGHTBOOK" -q --sectors "$sectors" --edition "$edition" -o "$out_dir/booklet.pdf" "$good" 2>/dev/null
cp "$out_dir/booklet.pdf" "$scratch/previous.pdf"

untouched() {
	cmp "$scratch/previous.pdf" "$out_dir/booklet.pdf" && only_booklet "$out_dir"
}

# Runs lightbook on one bad fixture; its stderr must be NAME.expected.
diagnoses() {
	local want=${1%.csv}.expected
	fixture_args "$1"
	expect_status 1 "$LIGHTBOOK" --check "${fixture_args[@]}" 2>"$scratch/stderr" || return 1
	diff -u "$want" "$scratch/stderr" || return 1
	expect_status 1 "$LIGHTBOOK" -q -o "$out_dir/booklet.pdf" "${fixture_args[@]}" 2>/dev/null &&
		untouched
}

for csv in tests/data/bad/*.csv; do
	check "$(basename "$csv" .csv): reported at its cell, exit 1, output kept" diagnoses "$csv"
done

check "the good fixture passes --check" "$LIGHTBOOK" -q --check --sectors "$sectors" \
	--edition "$edition" "$good"

missing_input() {
	expect_status 3 "$LIGHTBOOK" -o "$out_dir/booklet.pdf" "$scratch/nowhere.csv" \
		2>"$scratch/stderr" || return 1
	grep -F "$scratch/nowhere.csv" "$scratch/stderr" && untouched
}
check "a missing input file: exit 3 with its path" missing_input

unwritable() {
	expect_status 3 "$LIGHTBOOK" -q --sectors "$sectors" --edition "$edition" \
		-o "$scratch/no/such/folder/b.pdf" "$good" 2>"$scratch/stderr" || return 1
	grep -F "$scratch/no/such/folder/b.pdf: error: cannot write" "$scratch/stderr"
}
check "an unwritable output: exit 3 with its path" unwritable

output_is_folder() {
	mkdir -p "$scratch/folder.pdf"
	expect_status 3 "$LIGHTBOOK" -q --sectors "$sectors" --edition "$edition" \
		-o "$scratch/folder.pdf" "$good" 2>"$scratch/stderr" || return 1
	grep -F "folder.pdf: error: cannot write: Is a directory" "$scratch/stderr" &&
		[ -z "$(ls -A "$scratch/folder.pdf")" ]
}
check "an output path that is a folder: exit 3, nothing written" output_is_folder

full_disk() {
	# A file size limit makes the write fail half way, like a full disk.
	(ulimit -f 20; trap '' XFSZ; exec "$LIGHTBOOK" -q -o "$out_dir/booklet.pdf") \
		2>"$scratch/stderr"
	local status=$?
	[ "$status" -eq 3 ] || { echo "exit status $status"; cat "$scratch/stderr"; return 1; }
	grep -F "cannot write: File too large" "$scratch/stderr" && untouched
}
check "a write that fails half way: exit 3, previous output intact" full_disk

output_is_input() {
	cp "$good" "$scratch/input.csv"
	expect_status 3 "$LIGHTBOOK" -q --sectors "$sectors" --edition "$edition" \
		-o "$scratch/input.csv" "$scratch/input.csv" 2>"$scratch/stderr" || return 1
	grep -F "input.csv: error: refusing to write the booklet over an input file" \
		"$scratch/stderr" && cmp "$good" "$scratch/input.csv"
}
check "an output path that is an input: refused, exit 3, input intact" output_is_input

huge_field() {
	"$PY" - "$scratch/huge.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("id,name,sector,summary\n")
    f.write("big,Big,agriculture," + "word " * 1_200_000 + "\n")
PY
	expect_status 1 "$LIGHTBOOK" --check --sectors "$sectors" --edition "$edition" \
		"$scratch/huge.csv" 2>"$scratch/stderr" || return 1
	grep -E "huge.csv:2:21: error: field is [0-9]{7} bytes; the limit is 1 MiB" "$scratch/stderr"
}
check "a 6 MB field is refused with a message, no crash" huge_field

bad_layout() {
	printf '[page]\nsize = a5\n[margins]\ninner = 18\ngutter = 4\n[type]\nbase_size = big\n' \
		>"$scratch/bad.ini"
	expect_status 1 "$LIGHTBOOK" --check -l "$scratch/bad.ini" 2>"$scratch/stderr" || return 1
	grep -F "bad.ini:5: error: unknown key \"gutter\" in [margins]" "$scratch/stderr" &&
		grep -F "bad.ini:7: error:" "$scratch/stderr"
}
check "a bad layout file: FILE:LINE errors, exit 1" bad_layout

bad_edition() {
	printf '[edition]\ntitle = T\ndate = 2026-02-30\nlang = fr\n' >"$scratch/bad-edition.ini"
	expect_status 1 "$LIGHTBOOK" --check --edition "$scratch/bad-edition.ini" \
		2>"$scratch/stderr" || return 1
	grep -F "bad-edition.ini:3: error:" "$scratch/stderr" &&
		grep -F "bad-edition.ini:4: error:" "$scratch/stderr"
}
check "a bad edition file: FILE:LINE errors, exit 1" bad_edition

check "an unknown option: exit 2" expect_status 2 "$LIGHTBOOK" --frobnicate
check "an option without its value: exit 2" expect_status 2 "$LIGHTBOOK" -o
check "two CSV files: exit 2" expect_status 2 "$LIGHTBOOK" a.csv b.csv
check "--help: exit 0" expect_status 0 "$LIGHTBOOK" --help
check "--version: exit 0" expect_status 0 "$LIGHTBOOK" --version
