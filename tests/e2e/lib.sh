# lib.sh - shared by the end-to-end tests of the real binary: a scratch
# folder that is removed at exit, and one "ok - NAME" or "not ok - NAME"
# line per check (tests/run counts them).
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 3
LIGHTBOOK=${LIGHTBOOK:-./lightbook}
PY=/usr/bin/python3
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# check NAME COMMAND...: runs the command; on failure shows its output.
check() {
	local name=$1
	shift
	if "$@" >"$scratch/check.out" 2>&1; then
		echo "ok - $name"
	else
		echo "not ok - $name"
		sed 's/^/#   /' "$scratch/check.out" | head -n 30
	fi
}

# expect_status CODE COMMAND...: true when the command exits with CODE.
expect_status() {
	local want=$1
	shift
	"$@"
	local got=$?
	[ "$got" -eq "$want" ] || { echo "exit status $got, expected $want"; return 1; }
}

# only_booklet DIR: true when DIR holds nothing but booklet.pdf, i.e. no
# temporary file was left behind by a failed or finished write.
only_booklet() {
	local left
	left=$(ls -A "$1" | grep -vx booklet.pdf)
	[ -z "$left" ] || { echo "left behind: $left"; return 1; }
}

# fixture_args CSV: sets the array fixture_args to the options that run a
# bad fixture of tests/data/bad/: a sectors file (NAME-sectors.csv) with the
# good initiatives, any other with the test sectors and edition.
fixture_args() {
	case $1 in
	*-sectors.csv) fixture_args=(--sectors "$1" --edition tests/data/edition.ini tests/data/good.csv) ;;
	*) fixture_args=(--sectors tests/data/sectors.csv --edition tests/data/edition.ini "$1") ;;
	esac
}
