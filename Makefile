# lightbook - a CSV of initiatives in, a typeset PDF booklet out.
#
#   make booklet   install missing packages, build, write out/booklet.pdf
#   make check     build and run every test (last line: N passed, N failed)
#   make check-asan  the same tests built with AddressSanitizer and UBSan
#   make fuzz-smoke  every libFuzzer target for a few seconds (CI)
#   make valgrind  the sample booklet under valgrind: no leak, no error
#   make handouts  one pocket handout per sector into out/handouts/
#   make bench     time and memory on synthetic editions (not a test)

CC      ?= cc
PKGS    := fribidi libunibreak libutf8proc inih freetype2 cairo libdeflate
# CFLAGS and LDFLAGS are yours to set (e.g. CFLAGS="-O1 -g -fsanitize=address");
# the flags lightbook cannot build without are kept apart from them.
CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes -Wshadow
BUILD_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -pthread $(WARN) \
               $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(CFLAGS)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lcsv -lhyphen -lm -pthread

# Every module but main; tests link against these.
OBJS := src/mem.o src/half.o src/diag.o src/text.o src/csvtable.o src/inifile.o \
        src/catalog.o src/check.o src/layout.o \
        src/font.o src/coverage.o src/hyphen.o src/linebreak.o src/typeset.o src/collate.o src/compose.o \
        src/page.o src/paginate.o src/translations.o src/changes.o src/deflater.o src/pdf.o src/impose.o \
        src/output.o src/progress.o \
        src/stats.o src/chart.o

UNIT_TESTS := $(patsubst tests/unit/%.c,tests/unit/%,$(wildcard tests/unit/test_*.c))

.PHONY: all booklet check deps clean fonts regen check-asan fuzz-targets fuzz-smoke fuzz \
        handouts bench valgrind editions

all: lightbook

# The dependency step: installs Debian packages only when something is missing.
deps:
	@bash .ci/install-deps

lightbook: $(OBJS) src/main.o
	$(CC) $(BUILD_CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

src/%.o: src/%.c $(wildcard src/*.h)
	$(CC) $(BUILD_CFLAGS) -c -o $@ $<

tests/unit/test_%: tests/unit/test_%.c $(OBJS) $(wildcard tests/unit/*.h)
	$(CC) $(BUILD_CFLAGS) -Isrc -o $@ $< $(OBJS) $(LDFLAGS) $(LDLIBS) -lcmocka

booklet: deps
	@$(MAKE) --no-print-directory lightbook
	./lightbook -o out/booklet.pdf

# The English, Hebrew and Arabic booklets of the edition.
editions: deps
	@$(MAKE) --no-print-directory lightbook
	./lightbook --lang en -o out/booklet.pdf
	./lightbook --lang he -o out/booklet-he.pdf
	./lightbook --lang ar -o out/booklet-ar.pdf

# The sectors that have initiatives, in booklet order (csv, since a
# quoted intro may hold commas and line breaks).
HANDOUT_SECTORS = $(shell /usr/bin/python3 -c "import csv; \
	used = {r['sector'] for r in csv.DictReader(open('data/initiatives.csv', encoding='utf-8-sig'))}; \
	print(' '.join(r['id'] for r in csv.DictReader(open('data/sectors.csv', encoding='utf-8-sig')) if r['id'] in used))")
HANDOUT_LAYOUT ?= layouts/a6-handout.ini

handouts: deps
	@$(MAKE) --no-print-directory lightbook
	@mkdir -p out/handouts
	@set -e; for id in $(HANDOUT_SECTORS); do \
		./lightbook -q -l $(HANDOUT_LAYOUT) --sector $$id -o out/handouts/$$id.pdf; \
		echo "out/handouts/$$id.pdf"; \
	done

check: deps
	@$(MAKE) --no-print-directory lightbook $(UNIT_TESTS)
	@bash tests/run

# The whole suite again, built with AddressSanitizer and UndefinedBehavior-
# Sanitizer in a copy of the tree (build/asan). GCC 12 warns falsely about
# format truncation under UBSan, hence -Wno-format-truncation.
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
check-asan: deps
	@bash tests/copy-tree build/asan
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		$(MAKE) --no-print-directory -C build/asan check \
		CFLAGS="-O1 -g $(SANITIZE) -Wno-format-truncation" LDFLAGS="$(SANITIZE)"

# The sample booklet under valgrind's memcheck: any leak or memory error
# fails (the sanitizer build cannot run under valgrind, so it is its own).
valgrind: lightbook
	@mkdir -p build
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
		--error-exitcode=1 ./lightbook -q -o build/valgrind.pdf
	@echo "valgrind: no leak, no memory error on the sample booklet"

# libFuzzer targets (tests/fuzz/fuzz_*.c), built with clang in build/fuzz.
# fuzz-smoke runs each for FUZZ_SECONDS on its seed corpus (tests/fuzz/
# corpus/NAME); `make fuzz FUZZ_SECONDS=600` is a real run. New inputs go
# to build/fuzz/corpus/NAME, findings to build/fuzz/NAME-crash-*.
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,tests/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 20
FUZZ_FLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all

fuzz-targets: $(FUZZ_TARGETS)

tests/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/memfile.h $(OBJS)
	$(CC) $(BUILD_CFLAGS) -Isrc -fsanitize=fuzzer -o $@ $< $(OBJS) $(LDFLAGS) $(LDLIBS)

fuzz-smoke fuzz: deps
	@bash tests/copy-tree build/fuzz/tree
	@$(MAKE) --no-print-directory -C build/fuzz/tree CC=clang \
		CFLAGS="-O1 -g $(FUZZ_FLAGS)" fuzz-targets
	@bash tests/fuzz/run $(FUZZ_SECONDS) $(notdir $(FUZZ_TARGETS))

# Times an optimised build (in build/bench) on synthetic editions of
# BENCH_SIZES initiatives (tests/gen_edition.py, kept in build/bench/
# editions): median of BENCH_RUNS runs, peak memory, pages, the stages.
BENCH_SIZES ?= 1000 10000 100000
bench: deps
	@bash tests/copy-tree build/bench/tree
	@$(MAKE) --no-print-directory -C build/bench/tree CFLAGS="-O2" lightbook >/dev/null
	@/usr/bin/python3 tests/bench.py build/bench/tree/lightbook build/bench/editions $(BENCH_SIZES)

# Rewrites tests/data/bad/*.expected from the current binary, diff first.
regen: lightbook
	@bash tests/regen

# Regenerates the prepared fonts from Debian's fonts-noto-core.
fonts:
	/usr/bin/python3 fonts/prepare.py

clean:
	rm -rf lightbook src/*.o $(UNIT_TESTS) $(FUZZ_TARGETS) build
