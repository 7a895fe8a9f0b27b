# lightbook - a CSV of initiatives in, a typeset PDF booklet out.
#
#   make booklet   install missing packages, build, write out/booklet.pdf
#   make check     build and run every test (last line: N passed, N failed)

CC      ?= cc
PKGS    := cairo fribidi libunibreak libutf8proc inih freetype2
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
           -Wstrict-prototypes -Wmissing-prototypes -Wshadow \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lcsv -lhyphen -lm

# Every module but main; tests link against these.
OBJS := src/mem.o src/diag.o src/catalog.o src/check.o

UNIT_TESTS := $(patsubst tests/unit/%.c,tests/unit/%,$(wildcard tests/unit/test_*.c))

.PHONY: all booklet check deps clean fonts

all: lightbook

# The dependency step: installs Debian packages only when something is missing.
deps:
	@bash .ci/install-deps

lightbook: $(OBJS) src/main.o
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

src/%.o: src/%.c $(wildcard src/*.h)
	$(CC) $(CFLAGS) -c -o $@ $<

tests/unit/test_%: tests/unit/test_%.c $(OBJS)
	$(CC) $(CFLAGS) -Isrc -o $@ $< $(OBJS) $(LDFLAGS) $(LDLIBS) -lcmocka

booklet: deps
	@$(MAKE) --no-print-directory lightbook
	./lightbook -o out/booklet.pdf

check: deps
	@$(MAKE) --no-print-directory lightbook $(UNIT_TESTS)
	@bash tests/run

# Regenerates the prepared fonts from Debian's fonts-noto-core.
fonts:
	/usr/bin/python3 fonts/prepare.py

clean:
	rm -f lightbook src/*.o $(UNIT_TESTS)
	rm -rf out/tmp-*
