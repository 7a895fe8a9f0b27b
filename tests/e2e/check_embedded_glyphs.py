#!/usr/bin/python3
"""Check that no glyph lost parts when libharu embedded lightbook's fonts.

usage: /usr/bin/python3 tests/e2e/check_embedded_glyphs.py PDF FONTS_DIR

libharu 2.3.0 writes every TrueType font it embeds as a FontFile2 stream that
keeps the whole glyph table layout but fills in only the glyphs it marked as
used.  With composite glyphs it misses the parts of nested components, and an
Arabic letter then shows without its dots.  This script pulls each FontFile2
out of PDF with qpdf, parses it with fontTools, finds the bundled font in
FONTS_DIR it came from (by PostScript name; a subset tag such as "HPDFAA+" is
ignored), and for every non-empty glyph checks that

  (a) if it is a composite, none of its components is missing or empty, and
  (b) its outline, with components resolved, has the same number of contours
      and points as the glyph of the same name in the bundled font.

Each offending glyph is reported as
    GLYPH <name> in <FONT> lost parts: N contours, expected M
(followed by an indented detail line) and the exit status is 1.  The exit
status is also 1 if the PDF embeds no TrueType font at all, or one that is
not in FONTS_DIR.  On success one summary line is printed.

Needs Debian's qpdf and python3-fonttools (no pikepdf).
"""

import glob
import io
import json
import os
import re
import subprocess
import sys

from fontTools.ttLib import TTFont

SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")


def run_qpdf(args):
    try:
        proc = subprocess.run(["qpdf"] + args, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, check=False)
    except FileNotFoundError:
        sys.exit("qpdf is not installed (Debian package qpdf)")
    # 0 = fine, 3 = fine with warnings; anything else is an error.
    if proc.returncode not in (0, 3):
        sys.exit("qpdf %s failed: %s" % (" ".join(args), proc.stderr.decode(errors="replace").strip()))
    return proc.stdout


def ref_of(value):
    """'13 0 R' -> (13, 0); anything else -> None."""
    if isinstance(value, str):
        m = re.fullmatch(r"(\d+) (\d+) R", value)
        if m:
            return int(m.group(1)), int(m.group(2))
    return None


def walk(value):
    """Yield every dictionary inside a qpdf JSON value."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def pdf_name(value):
    if isinstance(value, str) and value.startswith("/"):
        return value[1:]
    return None


def embedded_truetype_fonts(pdf):
    """Return [(object ref, FontName from the descriptor, font bytes)]."""
    doc = json.loads(run_qpdf(["--json=2", "--json-key=qpdf", pdf]))
    objects = doc["qpdf"][1]
    found = {}
    for key, obj in objects.items():
        body = obj.get("value", obj.get("stream", {}).get("dict"))
        for d in walk(body):
            ref = ref_of(d.get("/FontFile2"))
            if ref and ref not in found:
                found[ref] = pdf_name(d.get("/FontName")) or ""
    fonts = []
    for (num, gen), font_name in sorted(found.items()):
        data = run_qpdf(["--show-object=%d,%d" % (num, gen), "--filtered-stream-data", pdf])
        fonts.append(("%d %d R" % (num, gen), font_name, data))
    return fonts


def postscript_name(font):
    name = font["name"].getDebugName(6) if "name" in font else None
    return SUBSET_TAG.sub("", name) if name else None


def bundled_fonts(fonts_dir):
    """PostScript name -> (file name, TTFont) for every FONTS_DIR/*.ttf."""
    index = {}
    for path in sorted(glob.glob(os.path.join(fonts_dir, "*.ttf"))):
        font = TTFont(path)
        ps = postscript_name(font)
        if ps:
            index[ps] = (os.path.basename(path), font)
    return index


def counts(glyf, name, trail=()):
    """(contours, points, problems) of a glyph with components resolved.

    problems lists components that are missing or empty."""
    if name not in glyf.glyphs:
        return 0, 0, ["component %s is missing" % name]
    glyph = glyf[name]
    if glyph.numberOfContours == 0:
        return 0, 0, (["component %s is empty" % name] if trail else [])
    if not glyph.isComposite():
        return glyph.numberOfContours, len(glyph.coordinates), []
    if name in trail:
        return 0, 0, ["component loop at %s" % name]
    contours = points = 0
    problems = []
    for comp in glyph.components:
        c, p, probs = counts(glyf, comp.glyphName, trail + (name,))
        contours += c
        points += p
        problems += probs
    return contours, points, problems


def main(argv):
    if len(argv) != 3:
        print("usage: %s PDF FONTS_DIR" % argv[0], file=sys.stderr)
        return 2
    pdf, fonts_dir = argv[1], argv[2]
    if not os.path.isfile(pdf):
        print("no such PDF: %s" % pdf)
        return 1
    bundled = bundled_fonts(fonts_dir)
    if not bundled:
        print("no bundled .ttf fonts in %s" % fonts_dir)
        return 1

    embedded = embedded_truetype_fonts(pdf)
    if not embedded:
        print("FAIL: %s embeds no TrueType font (no FontFile2 stream)" % pdf)
        return 1

    failures = 0
    glyphs_checked = 0
    names_checked = []
    for ref, descriptor_name, data in embedded:
        try:
            font = TTFont(io.BytesIO(data))
            font.getGlyphOrder()
            glyf = font["glyf"]
        except Exception as exc:
            print("FONT %s (object %s) cannot be parsed: %s" % (descriptor_name, ref, exc))
            failures += 1
            continue
        ps = postscript_name(font)
        if ps not in bundled:
            # Fall back to the descriptor's FontName, minus tag and ",Bold".
            ps = SUBSET_TAG.sub("", descriptor_name).split(",")[0]
        if ps not in bundled:
            print("FONT %s (object %s) is not one of the fonts in %s"
                  % (descriptor_name or ps, ref, fonts_dir))
            failures += 1
            continue
        ref_file, ref_font = bundled[ps]
        ref_glyf = ref_font["glyf"]
        names_checked.append(ps)
        for name in font.getGlyphOrder():
            try:
                glyph = glyf[name]
            except Exception as exc:
                print("GLYPH %s in %s cannot be read: %s" % (name, ps, exc))
                failures += 1
                continue
            if glyph.numberOfContours == 0:
                continue  # not used on any page, or blank like "space"
            glyphs_checked += 1
            got_c, got_p, problems = counts(glyf, name)
            if name in ref_glyf.glyphs:
                want_c, want_p, _ = counts(ref_glyf, name)
            else:
                problems.append("no glyph of that name in %s" % ref_file)
                want_c = want_p = -1
            if problems or (got_c, got_p) != (want_c, want_p):
                failures += 1
                print("GLYPH %s in %s lost parts: %d contours, expected %d"
                      % (name, ps, got_c, want_c))
                details = ["%d points, expected %d" % (got_p, want_p)] + problems
                print("  " + "; ".join(details))

    if failures:
        print("FAIL: %d problem(s) in %d embedded font(s) of %s" % (failures, len(embedded), pdf))
        return 1
    print("OK: %d embedded font(s) (%s), %d glyphs checked against %s"
          % (len(embedded), ", ".join(names_checked), glyphs_checked, fonts_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
