#!/usr/bin/python3
"""Check lightbook's bundled fonts: no composite glyphs, key characters mapped.

usage: /usr/bin/python3 tests/e2e/fonts_no_composites.py FONTS_DIR

For every FONTS_DIR/*.ttf:
  * no glyph may be a composite (libharu 2.3.0 embeds nested composites
    without their parts, so Arabic letters would lose their dots; see
    fonts/prepare.py);
  * the prep table must hold a program (libharu 2.3.0 writes prep last in
    an embedded subset and fails to seek to it when it is empty and the
    subset before it fills its 4,096-byte buffers exactly);
  * the cmap must still map the characters the booklet relies on:
      Arabic fonts (file name contains "Arabic"): U+0627 U+0628 U+FE8F U+FEFB
      Hebrew fonts (file name contains "Hebrew"): U+05D0 U+05DA
      all other (Latin) fonts:                    A-Z

Prints every offending font/glyph and exits 1; prints one summary line and
exits 0 when everything is fine.  Needs Debian's python3-fonttools.
"""

import glob
import os
import sys

from fontTools.ttLib import TTFont

REQUIRED = {
    "Arabic": [0x0627, 0x0628, 0xFE8F, 0xFEFB],
    "Hebrew": [0x05D0, 0x05DA],
    "Latin": list(range(ord("A"), ord("Z") + 1)),
}


def script_of(filename):
    for script in ("Arabic", "Hebrew"):
        if script.lower() in filename.lower():
            return script
    return "Latin"


def check_font(path):
    """Return a list of problem lines for one font file."""
    name = os.path.basename(path)
    try:
        font = TTFont(path)
    except Exception as exc:  # unreadable font: report, don't crash
        return ["%s: cannot be read: %s" % (name, exc)]
    problems = []
    if "glyf" not in font:
        return ["%s: has no glyf table (not a TrueType-outline font)" % name]
    glyf = font["glyf"]
    for glyph_name in font.getGlyphOrder():
        glyph = glyf[glyph_name]
        if glyph.isComposite():
            parts = ", ".join(c.glyphName for c in glyph.components)
            problems.append("%s: glyph %s is a composite (of %s)" % (name, glyph_name, parts))
    if "prep" not in font or not font["prep"].program.getBytecode():
        problems.append("%s: has no prep program (libharu would fail on some subsets)" % name)
    cmap = font.getBestCmap() or {}
    script = script_of(name)
    for code in REQUIRED[script]:
        if code not in cmap:
            problems.append("%s: %s font does not map U+%04X %s"
                            % (name, script, code, chr(code)))
    return problems


def main(argv):
    if len(argv) != 2:
        print("usage: %s FONTS_DIR" % argv[0], file=sys.stderr)
        return 2
    fonts = sorted(glob.glob(os.path.join(argv[1], "*.ttf")))
    if not fonts:
        print("no .ttf files in %s" % argv[1])
        return 1
    problems = []
    for path in fonts:
        problems.extend(check_font(path))
    for line in problems:
        print(line)
    if problems:
        print("FAIL: %d problem(s) in %d font(s)" % (len(problems), len(fonts)))
        return 1
    print("OK: %d fonts, no composite glyphs, a prep program, required characters mapped" % len(fonts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
