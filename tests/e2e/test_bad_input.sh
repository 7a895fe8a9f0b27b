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

# --- Output safety on real file systems, and limits on what input can cost.

# in_namespace COMMAND...: runs COMMAND as root of its own user and mount
# namespaces, where it may mount a small tmpfs; false if the system
# allows no namespaces (the test then says SKIP).
in_namespace() {
	unshare -rm true 2>/dev/null && unshare -rm "$@"
}

# The previous booklet on a 64 KiB file system, and one that fills it.
full_disk_tmpfs() {
	mkdir -p "$scratch/small"
	in_namespace bash -c '
		mount -t tmpfs -o size=64k tmpfs "$1" || exit 99
		printf "previous booklet" >"$1/booklet.pdf"
		"$2" -q --sectors "$3" --edition "$4" -o "$1/booklet.pdf" "$5" 2>"$6"
		status=$?
		[ "$status" -eq 3 ] || { echo "exit status $status"; cat "$6"; exit 1; }
		grep -F "booklet.pdf: error: cannot write: No space left on device" "$6" || exit 1
		[ "$(cat "$1/booklet.pdf")" = "previous booklet" ] || { echo "previous output lost"; exit 1; }
		[ "$(ls -A "$1")" = booklet.pdf ] || { echo "left behind: $(ls -A "$1")"; exit 1; }
	' _ "$scratch/small" "$LIGHTBOOK" "$sectors" "$edition" "$good" "$scratch/stderr"
}
if in_namespace true; then
	check "a full disk (64 KiB tmpfs): exit 3, previous output intact, no temporary file" \
		full_disk_tmpfs
else
	echo "ok - a full disk (64 KiB tmpfs) # SKIP no mount namespace here"
fi

read_only_folder() {
	mkdir -p "$scratch/ro"
	in_namespace bash -c '
		mount -t tmpfs -o size=1m,ro tmpfs "$1" || exit 99
		"$2" -q --sectors "$3" --edition "$4" -o "$1/booklet.pdf" "$5" 2>"$6"
		status=$?
		[ "$status" -eq 3 ] || { echo "exit status $status"; cat "$6"; exit 1; }
		grep -F "booklet.pdf: error: cannot write: Read-only file system" "$6" &&
			[ -z "$(ls -A "$1")" ]
	' _ "$scratch/ro" "$LIGHTBOOK" "$sectors" "$edition" "$good" "$scratch/stderr"
}
if in_namespace true; then
	check "a read-only output folder: exit 3 with the reason, nothing written" read_only_folder
else
	echo "ok - a read-only output folder # SKIP no mount namespace here"
fi

# A 1 GiB file that takes no disk (sparse): refused before it is read.
gigabyte_csv() {
	truncate -s 1G "$scratch/gigabyte.csv"
	expect_status 1 "$LIGHTBOOK" -q -o "$out_dir/booklet.pdf" --sectors "$sectors" \
		--edition "$edition" "$scratch/gigabyte.csv" 2>"$scratch/stderr" || return 1
	rm -f "$scratch/gigabyte.csv"
	grep -F "gigabyte.csv: error: file is 1073741824 bytes; the limit is 256 MiB" \
		"$scratch/stderr" && untouched
}
check "a 1 GiB CSV: refused at once with its size, exit 1, output kept" gigabyte_csv

# The same through a pipe, whose size nobody knows: read up to the limit.
endless_pipe() {
	yes 'a,b,c' | expect_status 1 "$LIGHTBOOK" -q --check --sectors "$sectors" \
		--edition "$edition" /dev/stdin 2>"$scratch/stderr" || return 1
	grep -F "/dev/stdin: error: file is over the limit of 256 MiB" "$scratch/stderr"
}
check "an endless CSV on a pipe: refused after 256 MiB, exit 1" endless_pipe

# A row of ten million fields (20 MB): reported with its count, in bounded
# memory (the fields past the header's count are counted, not kept).
ten_million_fields() {
	"$PY" - "$LIGHTBOOK" "$sectors" "$edition" "$scratch/wide.csv" <<'PY'
import os, subprocess, sys
lightbook, sectors, edition, path = sys.argv[1:]
with open(path, "w") as f:
    f.write("id,name,sector,summary\nwide,Wide,agriculture,")
    f.write("x," * 10_000_000 + "end\n")
proc = subprocess.Popen([lightbook, "-q", "--check", "--sectors", sectors,
                         "--edition", edition, path], stderr=subprocess.PIPE)
err = proc.stderr.read().decode()
_, status, usage = os.wait4(proc.pid, 0)
os.unlink(path)
print(err)
assert os.waitstatus_to_exitcode(status) == 1, status
assert "wide.csv:2:25: error: row has 10000004 fields; the header has 4" in err
# Kept, the cells cost over 500 MB; the file itself is read twice (20 MB
# each), and a sanitizer build doubles what remains.
assert usage.ru_maxrss < 200 * 1024, f"peak RSS {usage.ru_maxrss} KiB"
PY
}
check "a row of ten million fields: reported, exit 1, peak memory < 200 MB" ten_million_fields

many_columns() {
	"$PY" -c 'print(",".join(f"c{i}" for i in range(5000)))' >"$scratch/columns.csv"
	expect_status 1 "$LIGHTBOOK" -q --check --sectors "$sectors" --edition "$edition" \
		"$scratch/columns.csv" 2>"$scratch/stderr" || return 1
	grep -F "columns.csv:1:4891: error: header has 5000 fields; the limit is 1000" \
		"$scratch/stderr"
}
check "a header of 5,000 columns: refused, exit 1" many_columns

# Links go to web pages and mail, nowhere else.
link_schemes() {
	{
		echo "id,name,sector,summary,url"
		echo "js,Js,agriculture,S,javascript:alert(1)"
		echo "file,File,agriculture,S,file:///etc/passwd"
		echo "mail,Mail,agriculture,S,mailto:office@example.org"
	} >"$scratch/links.csv"
	expect_status 1 "$LIGHTBOOK" -q --check --sectors "$sectors" --edition "$edition" \
		"$scratch/links.csv" 2>"$scratch/stderr" || return 1
	grep -F 'links.csv:2:21: error: url must start with http://, https:// or mailto:, not "javascript:alert(1)"' "$scratch/stderr" &&
		grep -F 'links.csv:3:25: error: url must start with' "$scratch/stderr" &&
		[ "$(grep -c error "$scratch/stderr")" -eq 2 ] || return 1
	grep -v -e '^js,' -e '^file,' "$scratch/links.csv" >"$scratch/mail.csv"
	"$LIGHTBOOK" -q --sectors "$sectors" --edition "$edition" -o "$scratch/mail.pdf" \
		"$scratch/mail.csv" 2>/dev/null || return 1
	grep -aF "/URI (mailto:office@example.org)" "$scratch/mail.pdf"
}
check "links: javascript: and file: refused, mailto: becomes a link" link_schemes

# Paths in the CSV are text: lightbook opens only its inputs, its fonts and
# its output. strace lists every file the whole run touches.
no_path_from_the_csv() {
	command -v strace >/dev/null || { echo "strace is missing"; return 1; }
	local canary=$scratch/canary
	echo secret >"$canary"
	{
		echo "id,name,sector,summary,location,partners,quote,quote_by"
		echo "paths,$canary,agriculture,See $canary and ../../canary,$canary,$canary;/etc/passwd,$canary,$canary"
	} >"$scratch/paths.csv"
	# LeakSanitizer cannot run under ptrace (make check-asan).
	ASAN_OPTIONS=detect_leaks=0 \
	strace -f -e trace=%file -o "$scratch/strace" "$LIGHTBOOK" -q --sectors "$sectors" \
		--edition "$edition" -o "$scratch/paths.pdf" "$scratch/paths.csv" 2>/dev/null ||
		return 1
	grep -q 'paths\.csv' "$scratch/strace" || { echo "strace saw no file"; return 1; }
	! grep -e canary -e /etc/passwd "$scratch/strace"
}
check "no path written in the CSV is ever opened (strace)" no_path_from_the_csv
