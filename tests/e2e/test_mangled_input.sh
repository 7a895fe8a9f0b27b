# test_mangled_input.sh - hostile input: the good fixture with bytes
# flipped, cut, doubled and spliced (a fixed seed, so every run is the same
# 300 files). Each must end in "done" (0) or "invalid input" (1) with a
# message, never a crash, and never leave a temporary file behind.
. "$(dirname "$0")/lib.sh"

mkdir -p "$scratch/mangled" "$scratch/out"
"$PY" - tests/data/good.csv "$scratch/mangled" <<'PY'
import random, sys
good = open(sys.argv[1], "rb").read()
rng = random.Random(20261125)
specials = [b'"', b",", b"\n", b"\r", b"\x00", b"\xff", b"\xd7", b"\xe2\x80\xae",
            b"\xd9\x84\xd8\xa7", b"  ", b'""', b"\xef\xbb\xbf"]
for i in range(300):
    data = bytearray(good)
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(data) + 1)
        op = rng.randrange(4)
        if op == 0 and data:
            data[min(at, len(data) - 1)] = rng.randrange(256)
        elif op == 1:
            data[at:at] = rng.choice(specials)
        elif op == 2:
            del data[at:at + rng.randint(1, 40)]
        else:
            piece = data[rng.randrange(len(data)):][:rng.randint(1, 200)]
            data[at:at] = piece
    open(f"{sys.argv[2]}/m{i:03d}.csv", "wb").write(bytes(data))
PY

survives() {
	local bad=0 built=0 refused=0 status
	for csv in "$scratch"/mangled/*.csv; do
		"$LIGHTBOOK" -q --sectors tests/data/sectors.csv --edition tests/data/edition.ini \
			-o "$scratch/out/booklet.pdf" "$csv" >/dev/null 2>"$scratch/stderr"
		status=$?
		case $status in
		0) built=$((built + 1)) ;;
		1) refused=$((refused + 1))
		   grep -q ": error: " "$scratch/stderr" || { echo "$csv: exit 1 without an error"; bad=1; } ;;
		*) echo "$csv: exit status $status"; head -n 3 "$scratch/stderr"; bad=1 ;;
		esac
	done
	echo "# $built built, $refused refused" >"$scratch/counts"
	only_booklet "$scratch/out" || bad=1
	[ "$bad" -eq 0 ] && [ "$refused" -gt 0 ]
}
check "300 mangled CSVs: each built or refused with an error, none crashed" survives
cat "$scratch/counts"
