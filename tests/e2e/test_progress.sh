# test_progress.sh - the progress bar (only on a terminal, never with -q)
# and --timings (every stage, whatever else is shown).
. "$(dirname "$0")/lib.sh"

run=(--sectors tests/data/sectors.csv --edition tests/data/edition.ini
     -o "$scratch/booklet.pdf" tests/data/good.csv)

no_bar_on_a_file() {
	"$LIGHTBOOK" "${run[@]}" 2>"$scratch/stderr" || return 1
	cat "$scratch/stderr"
	! grep -q $'\r' "$scratch/stderr" && ! grep -q '%' "$scratch/stderr"
}
check "stderr not a terminal: no progress bar" no_bar_on_a_file

bar_on_a_terminal() {
	"$PY" tests/e2e/on_tty.py "$LIGHTBOOK" "${run[@]}" >"$scratch/tty" || return 1
	for stage in typeset paginate render; do
		grep -aqE "$stage +\[[#.]{30}\] +[0-9]+%" "$scratch/tty" ||
			{ echo "no $stage on the bar"; cat -v "$scratch/tty" | head -c 2000; return 1; }
	done
	# The bar is taken off the line before the messages are printed.
	"$PY" - "$scratch/tty" <<'PY'
import sys
seen = open(sys.argv[1], "rb").read()
erase = seen.rfind(b"\r\033[K")
assert erase >= 0, "the bar is never erased"
after = seen[erase:]
assert b"%" not in after and b"lightbook: wrote" in after, after
PY
}
check "stderr a terminal: a bar with the stage and percentage, erased at the end" \
	bar_on_a_terminal

quiet_on_a_terminal() {
	"$PY" tests/e2e/on_tty.py "$LIGHTBOOK" -q "${run[@]}" >"$scratch/tty" || return 1
	grep -q warning "$scratch/tty" || { echo "the warnings are gone too"; return 1; }
	! grep -aq '%' "$scratch/tty" && ! grep -aq $'\r[a-z]' "$scratch/tty"
}
check "-q on a terminal: the warnings, no progress bar" quiet_on_a_terminal

timings() {
	# An edition big enough for every stage to take a measurable time.
	"$PY" tests/gen_edition.py 200 "$scratch/gen" || return 1
	"$LIGHTBOOK" -q --timings --sectors "$scratch/gen/sectors.csv" \
		--edition "$scratch/gen/edition.ini" -o "$scratch/gen.pdf" \
		"$scratch/gen/initiatives.csv" 2>"$scratch/stderr" || return 1
	cat "$scratch/stderr"
	local line
	line=$(grep '^lightbook: timings:' "$scratch/stderr") || return 1
	for stage in read check compose typeset paginate render write total; do
		grep -qE " $stage [0-9]+\.[0-9]{3} s" <<<"$line" || { echo "no $stage"; return 1; }
	done
	# The stages add up to the total, and laying out took some time.
	"$PY" - "$line" <<'PY'
import re, sys
times = dict(re.findall(r" (\w+) ([0-9.]+) s", sys.argv[1]))
total = float(times.pop("total"))
assert abs(sum(map(float, times.values())) - total) < 0.01, times
for stage in ("read", "typeset", "paginate", "render"):
    assert float(times[stage]) > 0, times
PY
}
check "--timings: every stage's time, even with -q" timings
