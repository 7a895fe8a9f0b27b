#!/usr/bin/python3
"""Prepare lightbook's bundled fonts from Debian's fonts-noto-core.

Usage (from the repository root; `make fonts` runs the same thing):

    /usr/bin/python3 fonts/prepare.py [SRC_DIR] [OUT_DIR]

    SRC_DIR  where the Noto .ttf files are read from
             (default: /usr/share/fonts/truetype/noto, Debian 12 fonts-noto-core)
    OUT_DIR  where the prepared fonts are written, under the same file names
             (default: the folder this script lives in, i.e. fonts/)

Use Debian's interpreter, /usr/bin/python3, with python3-fonttools installed.

Why: libharu 2.3.0 subsets an embedded TrueType font by copying only the
glyphs it has marked as used.  For a composite glyph it marks the direct
components, but it does not recurse, so a component that is itself a
composite keeps its own parts unmarked and they are written out empty.
Noto Naskh Arabic builds two thirds of its presentation forms that way
(uniFE91 = uni066E.init + uniFBB3, and uniFBB3 = _uniFBB3), so in the PDF
those Arabic letters lose their dots (Noto Serif's vulgar fractions lose
their digits the same way).  Prepared fonts have no composite glyphs at all,
so there is nothing for libharu to get wrong.

What is done to every font, in this order:

 1. Every composite glyph is drawn through a decomposing pen
    (fontTools DecomposingRecordingPen) into a TTGlyphPen, which yields a new
    simple glyph with the same outline.  Glyph names and order are unchanged.
    The outline is checked afterwards: each glyph keeps exactly the number of
    contours and points the fully resolved composite had.
 2. TrueType hinting is removed (fpgm, prep and cvt tables, every glyph's
    instructions, the hinting limits in maxp).  Decomposed glyphs cannot keep
    hints written for their components, and a font that is hinted for half of
    its glyphs renders unevenly on screen; unhinted fonts are also smaller.
    libharu still loads them and writes empty cvt/fpgm tables into the
    embedded font program, which PDF viewers accept.  prep alone is put
    back as a one-instruction program (RTG, the state it already has):
    libharu writes prep last, and when the subset before it ends exactly
    on one of its 4,096-byte buffers, seeking to an empty prep fails
    (HPDF_INVALID_OBJECT, 0x1033) and no PDF can be written.
 3. The placeholder DSIG table is dropped; it would not match the modified
    font anyway.
 4. The version string (name ID 5) loses its ttfautohint note and says
    instead that the font was prepared here ("Version 2.004; lightbook:
    composites decomposed, unhinted"), so this Modified Version can be told
    from Debian's original.  The PostScript name (name ID 6) is kept:
    libharu and the end-to-end checks identify fonts by it.
 5. Only for the Latin families (Noto Serif, Noto Sans): the font is subset to
    LATIN_UNICODES below with fontTools.subset, keeping glyph names and all
    OpenType layout features (GPOS kerning included) for what remains.
 6. Only for the Latin families, after subsetting: the pair kerning of
    GPOS's 'kern' feature (Latin script) is flattened into a legacy 'kern'
    table (format 0), which FreeType reads (FT_Get_Kerning) and GPOS is
    not, so that lightbook can kern Latin text itself (libharu does not).
    Every pair of glyphs the cmap reaches gets exactly the value HarfBuzz
    would apply: per lookup the first subtable that covers the pair wins,
    and lookups add up. GPOS stays as it is.  The
    Hebrew and Arabic fonts are not subset: their cmap, hmtx, GDEF, GSUB and
    GPOS tables are copied byte for byte (the script checks this), so the
    Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) and Hebrew
    (U+0590-U+05FF, U+FB1D-U+FB4F) stay as Debian ships them.

The output is deterministic: head.created and head.modified are kept from the
source font (fontTools' timestamp recalculation is off) and nothing depends on
the clock, so the same input gives byte-identical files.
"""

import hashlib
import os
import sys
import tempfile

from fontTools import subset
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._k_e_r_n import KernTable_format_0
from fontTools.ttLib.tables import ttProgram

DEFAULT_SRC = "/usr/share/fonts/truetype/noto"
DEFAULT_OUT = os.path.dirname(os.path.abspath(__file__))

# file stem -> (role in the booklet, subset to LATIN_UNICODES?)
FONTS = [
    ("NotoSerif-Regular", "body text, Latin", True),
    ("NotoSerif-Italic", "body text italic, Latin", True),
    ("NotoSerif-Bold", "body text bold, Latin", True),
    ("NotoSans-Regular", "headings, Latin", True),
    ("NotoSans-Bold", "headings bold, Latin", True),
    ("NotoSansHebrew-Regular", "Hebrew sans (headings)", False),
    ("NotoSansHebrew-Bold", "Hebrew sans bold (headings)", False),
    ("NotoSerifHebrew-Regular", "Hebrew serif (body text)", False),
    ("NotoSerifHebrew-Bold", "Hebrew serif bold (body text)", False),
    ("NotoNaskhArabic-Regular", "Arabic (Naskh) body text", False),
    ("NotoNaskhArabic-Bold", "Arabic (Naskh) bold", False),
]


def _r(first, last):
    return list(range(first, last + 1))


# Characters kept in the subset Latin fonts.  Whole blocks are listed even
# where Noto covers only part of them; characters the font lacks are ignored.
# Note: Noto Serif/Sans 2.004 (Debian 12) have no arrows, no mathematical
# operators (not even U+2212 MINUS SIGN) and of the geometric shapes only
# U+25CC; those entries only matter if a later Noto release adds them.
LATIN_UNICODES = sorted(set(
    _r(0x0020, 0x007E)      # Basic Latin
    + _r(0x00A0, 0x00FF)    # Latin-1 Supplement
    + _r(0x0100, 0x017F)    # Latin Extended-A
    + [0x0192]              # f with hook (florin)
    + _r(0x0218, 0x021B)    # Romanian S/T with comma below
    + [0x02BB, 0x02BC]      # modifier turned comma / apostrophe
    + [0x02C6, 0x02C7, 0x02C9] + _r(0x02D8, 0x02DD)  # spacing accents
    + _r(0x0300, 0x036F)    # combining diacritical marks
    + [0x0394, 0x03A9, 0x03BC, 0x03C0]  # Greek Delta, Omega, mu, pi
    + _r(0x2000, 0x206F)    # General Punctuation
    + _r(0x2070, 0x209F)    # superscripts and subscripts
    + _r(0x20A0, 0x20CF)    # currency symbols (euro, new shekel, ...)
    + _r(0x2100, 0x214F)    # letterlike symbols (numero, trade mark, ...)
    + _r(0x2150, 0x218F)    # number forms (vulgar fractions)
    + _r(0x2190, 0x21FF)    # arrows
    + [0x2202, 0x2206, 0x220F, 0x2211, 0x2212, 0x2215, 0x2219, 0x221A,
       0x221E, 0x222B, 0x2248, 0x2260, 0x2264, 0x2265]  # common math
    + _r(0x25A0, 0x25FF)    # geometric shapes (bullets, boxes, triangles)
    + _r(0xFB00, 0xFB06)    # Latin ligatures fi, fl, ...
    + [0xFEFF, 0xFFFD]      # zero width no-break space, replacement char
))

# Tables that must leave this script byte-identical in fonts that are not
# subset (a later stage reads kerning from GPOS).
UNTOUCHED_TABLES = ("cmap", "hmtx", "GDEF", "GSUB", "GPOS", "kern")

HINTING_TABLES = ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX", "cvar")

VERSION_NOTE = "; lightbook: composites decomposed, unhinted"


def outline_counts(glyf, name):
    """(contours, points) of a glyph with all components resolved."""
    glyph = glyf[name]
    if glyph.numberOfContours == 0:
        return (0, 0)
    coords, end_pts, _flags = glyph.getCoordinates(glyf)
    return (len(end_pts), len(coords))


def decompose_composites(font):
    """Replace every composite glyph by a simple glyph with the same outline.

    Returns the number of glyphs decomposed."""
    glyf = font["glyf"]
    glyph_set = font.getGlyphSet()
    new_glyphs = {}
    for name in font.getGlyphOrder():
        glyph = glyf[name]
        if not glyph.isComposite():
            continue
        overlap = any(c.flags & 0x0400 for c in glyph.components)  # OVERLAP_COMPOUND
        recording = DecomposingRecordingPen(glyph_set)  # raises on a missing component
        glyph_set[name].draw(recording)
        pen = TTGlyphPen(None)
        recording.replay(pen)
        simple = pen.glyph()
        if overlap and simple.numberOfContours > 0:
            simple.flags[0] |= 0x40  # OVERLAP_SIMPLE
        new_glyphs[name] = simple
    # Assign only after drawing everything, so every composite is drawn from
    # the untouched source glyphs.
    for name, simple in new_glyphs.items():
        glyf[name] = simple
    return len(new_glyphs)


def remove_hinting(font):
    for tag in HINTING_TABLES:
        if tag in font:
            del font[tag]
    glyf = font["glyf"]
    for name in font.getGlyphOrder():
        glyph = glyf[name]
        if glyph.numberOfContours > 0:
            glyph.program = ttProgram.Program()
            glyph.program.fromBytecode(b"")
    maxp = font["maxp"]
    if maxp.tableVersion >= 0x00010000:
        maxp.maxZones = 1
        maxp.maxTwilightPoints = 0
        maxp.maxStorage = 0
        maxp.maxFunctionDefs = 0
        maxp.maxInstructionDefs = 0
        maxp.maxStackElements = 0
        maxp.maxSizeOfInstructions = 0


def add_inert_prep(font):
    """A prep of one instruction that changes nothing: see step 2 above."""
    font["prep"] = newTable("prep")
    font["prep"].program = ttProgram.Program()
    font["prep"].program.fromAssembly(["RTG[ ]"])


def note_version(font, subsetted):
    """'Version 2.004; ttfautohint (...)' -> 'Version 2.004; lightbook: ...'."""
    note = VERSION_NOTE + (", Latin subset" if subsetted else "")
    for record in font["name"].names:
        if record.nameID == 5:
            record.string = record.toUnicode().split(";")[0].rstrip() + note


def subset_latin(font):
    options = subset.Options()
    options.layout_features = ["*"]      # keep kern, liga, mark, ... as they are
    options.layout_scripts = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.glyph_names = True           # keep post glyph names
    options.legacy_kern = True
    options.notdef_glyph = True
    options.notdef_outline = True
    options.recommended_glyphs = True
    options.hinting = False
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=LATIN_UNICODES)
    subsetter.subset(font)


def gpos_pair_kerning(font):
    """{(left, right): x advance adjustment} of GPOS 'kern' for Latin text,
    for the glyphs the cmap maps."""
    gpos = font["GPOS"].table
    mapped = sorted(set(font.getBestCmap().values()))
    feature_indices = set()
    for record in gpos.ScriptList.ScriptRecord:
        if record.ScriptTag in ("DFLT", "latn") and record.Script.DefaultLangSys:
            feature_indices.update(record.Script.DefaultLangSys.FeatureIndex)
    lookups = sorted({i for f in feature_indices
                      if gpos.FeatureList.FeatureRecord[f].FeatureTag == "kern"
                      for i in gpos.FeatureList.FeatureRecord[f].Feature.LookupListIndex})
    total = {}
    for index in lookups:
        lookup = gpos.LookupList.Lookup[index]
        found = {}   # pairs this lookup decided, zero included
        for sub in lookup.SubTable:
            kind = lookup.LookupType
            if kind == 9:
                kind, sub = sub.ExtensionLookupType, sub.ExtSubTable
            if kind != 2:
                continue
            covered = set(sub.Coverage.glyphs)
            if sub.Format == 1:
                for first, pair_set in zip(sub.Coverage.glyphs, sub.PairSet):
                    for record in pair_set.PairValueRecord:
                        value = getattr(record.Value1, "XAdvance", 0) if record.Value1 else 0
                        found.setdefault((first, record.SecondGlyph), value or 0)
            else:
                class1 = sub.ClassDef1.classDefs
                class2 = sub.ClassDef2.classDefs
                for first in mapped:
                    if first not in covered:
                        continue
                    row = sub.Class1Record[class1.get(first, 0)].Class2Record
                    for second in mapped:
                        if (first, second) in found:
                            continue
                        value = row[class2.get(second, 0)].Value1
                        found[(first, second)] = (getattr(value, "XAdvance", 0) or 0) if value else 0
        for pair, value in found.items():
            total[pair] = total.get(pair, 0) + value
    wanted = set(mapped)
    return {pair: value for pair, value in sorted(total.items())
            if value and pair[0] in wanted and pair[1] in wanted}


# A format 0 subtable's length is 16 bits: at most this many pairs.
KERN_MAX_PAIRS = (0xFFFF - 14) // 6


def add_kern_table(font):
    """Writes GPOS pair kerning as a 'kern' table; returns the pair count."""
    pairs = gpos_pair_kerning(font)
    if len(pairs) > KERN_MAX_PAIRS:
        raise SystemExit("%d kerning pairs do not fit one kern subtable" % len(pairs))
    table = newTable("kern")
    table.version = 0
    sub = KernTable_format_0()
    sub.version = 0
    sub.format = 0
    sub.coverage = 1        # horizontal kerning values
    sub.tupleIndex = None
    sub.kernTable = pairs
    table.kernTables = [sub]
    font["kern"] = table
    return len(pairs)


def check(src_path, out_path, do_subset, expected):
    """Re-read the written font and fail loudly if anything is off."""
    problems = []
    src = TTFont(src_path, lazy=True)
    out = TTFont(out_path)
    glyf = out["glyf"]
    for name in out.getGlyphOrder():
        glyph = glyf[name]
        if glyph.isComposite():
            problems.append("%s is still a composite" % name)
            continue
        if name not in expected:
            problems.append("%s is not a glyph of the source font" % name)
        elif outline_counts(glyf, name) != expected[name]:
            problems.append("%s has %d contours/%d points, source had %d/%d"
                            % ((name,) + outline_counts(glyf, name) + expected[name]))
        if glyph.numberOfContours > 0 and glyph.program.getBytecode():
            problems.append("%s still has instructions" % name)
    for tag in HINTING_TABLES:
        if tag in out and tag != "prep":
            problems.append("table %r still present" % tag)
    if "prep" not in out or out["prep"].program.getBytecode() != b"\x18":
        problems.append("prep is not the one-instruction RTG program")
    if do_subset:
        cmap = out.getBestCmap()
        src_cmap = src.getBestCmap()
        wanted = [u for u in LATIN_UNICODES if u in src_cmap]
        missing = [u for u in wanted if u not in cmap]
        if missing:
            problems.append("subset lost %s" % ", ".join("U+%04X" % u for u in missing))
        if "GPOS" in src and "GPOS" not in out:
            problems.append("subset dropped GPOS")
        elif "kern" not in out or out["kern"].kernTables[0].kernTable != gpos_pair_kerning(out):
            problems.append("the kern table does not hold GPOS's pair kerning")
    else:
        if out.getGlyphOrder() != src.getGlyphOrder():
            problems.append("glyph order changed")
        for tag in UNTOUCHED_TABLES:
            if (tag in src) != (tag in out):
                problems.append("table %r added or removed" % tag)
            elif tag in src and src.reader[tag] != out.reader[tag]:
                problems.append("table %r is not byte-identical to the source" % tag)
    if problems:
        raise SystemExit("%s: %s" % (os.path.basename(out_path), "; ".join(problems)))


def prepare_one(src_path, out_path, do_subset):
    font = TTFont(src_path, recalcBBoxes=True, recalcTimestamp=False)
    created, modified = font["head"].created, font["head"].modified
    glyf = font["glyf"]
    expected = {name: outline_counts(glyf, name) for name in font.getGlyphOrder()}
    composites = sum(1 for n in font.getGlyphOrder() if glyf[n].isComposite())

    if decompose_composites(font) != composites:
        raise SystemExit("%s: not every composite was decomposed" % src_path)
    remove_hinting(font)
    if "DSIG" in font:
        del font["DSIG"]
    note_version(font, do_subset)
    if do_subset:
        subset_latin(font)
        add_kern_table(font)
    add_inert_prep(font)
    font["head"].created = created        # constant, from the source font
    font["head"].modified = modified

    # Write next to the target and rename, so a failed run leaves no
    # half-written font behind.
    fd, tmp = tempfile.mkstemp(prefix=".prepare-", suffix=".ttf",
                               dir=os.path.dirname(out_path))
    os.close(fd)
    try:
        font.save(tmp, reorderTables=True)
        check(src_path, tmp, do_subset, expected)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out_path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return composites, len(font.getGlyphOrder())


def main(argv):
    if len(argv) > 3 or any(a in ("-h", "--help") for a in argv[1:]):
        print(__doc__)
        return 0 if len(argv) <= 3 else 2
    src_dir = argv[1] if len(argv) > 1 else DEFAULT_SRC
    out_dir = argv[2] if len(argv) > 2 else DEFAULT_OUT
    os.makedirs(out_dir, exist_ok=True)

    total_in = total_out = 0
    for stem, _role, do_subset in FONTS:
        src_path = os.path.join(src_dir, stem + ".ttf")
        out_path = os.path.join(out_dir, stem + ".ttf")
        if not os.path.isfile(src_path):
            raise SystemExit("missing source font %s (install fonts-noto-core)" % src_path)
        composites, glyphs = prepare_one(src_path, out_path, do_subset)
        size_in, size_out = os.path.getsize(src_path), os.path.getsize(out_path)
        total_in += size_in
        total_out += size_out
        with open(out_path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()[:16]
        print("%-28s %8d -> %8d bytes  %4d composites decomposed  %4d glyphs%s  sha256 %s"
              % (stem + ".ttf", size_in, size_out, composites, glyphs,
                 "  (Latin subset)" if do_subset else "", digest))
    print("%-28s %8d -> %8d bytes" % ("total", total_in, total_out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
