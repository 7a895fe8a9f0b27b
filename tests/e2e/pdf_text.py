#!/usr/bin/python3
"""pdf_text.py - checks of what a reader gets back out of a lightbook PDF.

pdftotext (poppler) does not run the bidi algorithm when it reads a PDF. It
takes glyphs in the order they sit on the line and reverses each
right-to-left run character by character. For a correctly drawn booklet that
gives logical order, with two effects that are the reader's, not the
booklet's, and which these checks model instead of avoiding:

1. A glyph whose ToUnicode entry holds several letters comes back with those
   letters reversed: the lam-alef ligature (mapped to lam, alef) reads back
   as alef, lam.
2. On a line pdftotext takes as left-to-right, digits inside a Hebrew or
   Arabic name come back outside the name's letters, and the name's
   right-to-left pieces in the opposite order.

So a name "reads back right" when the words of a line equal the name's
words after effect 1, in the same order or, by effect 2, with the pieces
between its digits and punctuation in the reverse order. That passes for a correct
booklet and fails for reversed letters, unshaped Arabic (no ligature, so no
reversal), missing letters, or a name split in the wrong place.

Usage:
  pdf_text.py names PDF CSV        every initiative's English, Hebrew and Arabic name
  pdf_text.py no-presentation PDF  the text layer holds no presentation forms
  pdf_text.py contents PDF SECTORS CSV   contents page labels = where the entries are
  pdf_text.py outline PDF SECTORS CSV    outline: chapters, initiatives beneath, index
  pdf_text.py labels PDF SECTORS CSV     page labels roman, then arabic; folios match
  pdf_text.py destinations PDF SECTORS CSV  a named destination per chapter, initiative
  pdf_text.py shaped DUMP          Arabic runs of a --dump-pages are shaped
  pdf_text.py edition PDF LANG SECTORS CSV   a Hebrew or Arabic edition: its fixed
                                   words and sector names read back, no English one
  pdf_text.py selftest             the read-back model accepts and rejects rightly
Exit status 0 when every check passes; otherwise each failure is printed.
"""
import configparser
import csv
import json
import os
import re
import subprocess
import sys
import unicodedata

ALEFS = "\u0622\u0623\u0625\u0627"   # alef with madda, hamza above/below, plain
EMBEDDING_MARKS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f"))


def pdftotext(pdf, *args):
    return subprocess.run(["pdftotext", *args, pdf, "-"], check=True,
                          capture_output=True, text=True).stdout


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def words_and_gaps(text):
    """The words of text (runs of letters and marks, or of digits) and, for
    each gap between two words, whether it holds anything but spaces."""
    text = text.translate(EMBEDDING_MARKS)
    words, gaps, last_end = [], [], None
    for m in re.finditer(r"\d+|[^\W\d_]+", text):
        if last_end is not None:
            gaps.append(text[last_end:m.start()].strip() != "" or
                        m.group().isdigit() != words[-1].isdigit())
        words.append(m.group())
        last_end = m.end()
    return words, gaps


def as_read_back(name):
    """The name as pdftotext gives it for a correct booklet: effect 1."""
    return re.sub("\u0644([" + ALEFS + "])", "\\1\u0644", name)


def read_back_forms(name):
    """Every word sequence pdftotext may give for the name: its words in
    order, or, by effect 2, its pieces (split where something other than a
    space, or a digit group, stands between two words) in reverse order."""
    words, gaps = words_and_gaps(as_read_back(unicodedata.normalize("NFC", name)))
    cuts = [i + 1 for i, gap in enumerate(gaps) if gap]
    forms = []
    for mask in range(1 << len(cuts)):
        chosen = [c for k, c in enumerate(cuts) if mask >> k & 1]
        bounds = [0, *chosen, len(words)]
        pieces = [words[a:b] for a, b in zip(bounds, bounds[1:])]
        forms.append([w for piece in reversed(pieces) for w in piece])
    return forms


def reads_back(name, lines):
    forms = read_back_forms(name)
    for line in lines:
        got, _ = words_and_gaps(unicodedata.normalize("NFC", line))
        if any(got == form for form in forms):
            return True
    return False


def check_shaped(dump_path):
    """In the page model (lightbook --dump-pages), every run in an Arabic
    face is shaped: presentation forms, never a joining base letter
    (U+0622-064A but the tatweel; the hamza U+0621 joins nothing)."""
    failures, runs = [], 0
    with open(dump_path, encoding="utf-8") as f:
        for line in f:
            m = re.search(r" glyphs face=arabic\S* .*?\|(.*)\|$", line)
            if not m:
                continue
            runs += 1
            base = [c for c in m.group(1) if "\u0622" <= c <= "\u064a" and c != "\u0640"]
            if base:
                failures.append(f"unshaped Arabic run: {m.group(1)}")
    if runs == 0:
        failures.append("no Arabic run in the page model")
    return failures, f"{runs} Arabic runs, all shaped"


def check_self():
    """The read-back model accepts what a correct booklet gives and rejects
    what broken ones give (the lines are pdftotext's, marks included)."""
    name = "\u0643\u0631\u064a\u0643\u062a 4 \u0627\u0644\u0633\u0644\u0627\u0645"  # كريكت 4 السلام
    cases = [
        (name, "\u202b \u0627\u0644\u0633\u0627\u0644\u0645\u202c4 \u202b\u0643\u0631\u064a\u0643\u062a\u202c", True),
        (name, "\u202b\u0643\u0631\u064a\u0643\u062a 4 \u0627\u0644\u0633\u0627\u0644\u0645\u202c", True),
        # unshaped: no ligature, so lam-alef is not reversed
        (name, "\u202b \u0627\u0644\u0633\u0644\u0627\u0645\u202c4 \u202b\u0643\u0631\u064a\u0643\u062a\u202c", False),
        # letters reversed (drawn in logical order)
        (name, "\u202b \u0645\u0627\u0644\u0633\u0644\u0627\u202c4 \u202b\u062a\u0643\u064a\u0631\u0643\u202c", False),
        ("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", True),
        ("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", "\u05dd\u05d5\u05dc\u05e9 \u05dd\u05dc\u05d5\u05e2", False),
        # the words of a plain RTL run in the wrong order
        ("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", "\u05e2\u05d5\u05dc\u05dd \u05e9\u05dc\u05d5\u05dd", False),
        # a letter missing, or the name split over two lines
        ("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", "\u05e9\u05dc\u05d5 \u05e2\u05d5\u05dc\u05dd", False),
        ("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", "\u05e9\u05dc\u05d5\u05dd\n\u05e2\u05d5\u05dc\u05dd", False),
    ]
    failures = []
    for name_, text, want in cases:
        if reads_back(name_, text.splitlines()) != want:
            failures.append(f"model says {not want} for {name_!r} read as {text!r}")
    return failures, f"{len(cases)} read-back cases"


def collapse(text):
    return " ".join(text.split())


def check_names(pdf, csv_path):
    text = pdftotext(pdf)
    lines = [line for line in text.splitlines() if line.strip()]
    flat = collapse(text)
    failures = []
    rows = read_csv(csv_path)
    for row in rows:
        if collapse(row["name"]) not in flat:
            failures.append(f"{row['id']}: English name not found: {row['name']}")
        for column in ("name_he", "name_ar"):
            name = row.get(column, "").strip()
            if name and not reads_back(name, lines):
                failures.append(f"{row['id']}: {column} does not read back: {name}")
    return failures, f"{len(rows)} initiatives, names in three scripts"


def check_no_presentation_forms(pdf):
    text = pdftotext(pdf)
    bad = sorted({f"U+{ord(c):04X}" for c in text
                  if "\ufb1d" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff"})
    arabic = sum(1 for c in text if "\u0620" <= c <= "\u064a")
    failures = [f"presentation forms in the text layer: {' '.join(bad)}"] if bad else []
    if arabic == 0:
        failures.append("no Arabic letters in the text layer at all")
    return failures, f"{arabic} Arabic letters, no presentation forms"


def front_matter(sectors_path):
    """["Foreword"] when the edition.ini beside SECTORS names a foreword
    file, else []: what the contents and the outline list before the
    chapters."""
    ini = configparser.ConfigParser(interpolation=None)
    ini.read(os.path.join(os.path.dirname(sectors_path), "edition.ini"), encoding="utf-8")
    return ["Foreword"] if ini.get("edition", "foreword", fallback="").strip() else []


def chapters(sectors_path, csv_path):
    used = {row["sector"] for row in read_csv(csv_path)}
    # The overview ("At a glance") comes first, then the sectors that have initiatives.
    return ["At a glance"] + [s["name"] for s in read_csv(sectors_path) if s["id"] in used]


def roman(n):
    out = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"),
                          (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"),
                          (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += digits
            n -= value
    return out


def page_labels(pdf):
    """Each page's label as a viewer shows it, from the PDF's /PageLabels."""
    info = json.loads(subprocess.run(
        ["qpdf", "--json", "--json-key=pagelabels", "--json-key=pages", pdf],
        check=True, capture_output=True, text=True).stdout)
    ranges = sorted((r["index"], r["label"]) for r in info["pagelabels"])
    labels = []
    for page in range(len(info["pages"])):
        start, label = max(((i, l) for i, l in ranges if i <= page),
                           default=(0, {"/S": "/D"}), key=lambda r: r[0])
        n = page - start + label.get("/St", 1)
        style = label.get("/S")
        labels.append(label.get("/P", "") + (roman(n) if style == "/r" else
                                             str(n) if style == "/D" else ""))
    return labels


def contents_expected(sectors_path, csv_path):
    """(title, is a chapter) for each contents entry, in order."""
    rows = read_csv(csv_path)
    entries = [(title, True) for title in front_matter(sectors_path)]
    entries.append(("At a glance", True))
    for sector in read_csv(sectors_path):
        names = [r["name"] for r in rows if r["sector"] == sector["id"]]
        if names:
            entries.append((sector["name"], True))
            entries += [(name, False) for name in names]
    return entries + [("Index", True)]


def check_contents(pdf, sectors_path, csv_path):
    """Every contents entry's number is the label of a page where its title
    really is: a chapter's (and the index's) first line, an initiative's
    name anywhere on the page."""
    expected = contents_expected(sectors_path, csv_path)
    labels = page_labels(pdf)
    pages = pdftotext(pdf, "-layout").split("\f")
    entries, pending = [], ""
    for page in pages[1:labels.index("1")]:
        for line in page.splitlines():
            if line.strip() == "Contents":
                continue
            m = re.match(r"^\s*(.*?)\s*(?:\.\s*){3,}\s*(\w+)\s*$", line)
            if m:
                entries.append((collapse(pending + " " + m.group(1)), m.group(2)))
                pending = ""
            elif line.strip() and not re.fullmatch(r"\s*[ivxl]+\s*", line):
                pending += " " + line   # a title that runs over lines
    failures = []
    titles = [t for t, _ in entries]
    if titles != [t for t, _ in expected]:
        failures.append(f"contents lists {titles}, expected {[t for t, _ in expected]}")
    texts = pdftotext(pdf).split("\f")
    for (title, label), (_, chapter) in zip(entries, expected):
        if label not in labels:
            failures.append(f"{title}: page {label} does not exist")
            continue
        text = texts[labels.index(label)]
        first = next((l.strip() for l in text.splitlines() if l.strip()), "")
        if (chapter and first != title) or (not chapter and title not in collapse(text)):
            failures.append(f"{title}: contents says page {label}, "
                            f"which begins with {first!r}")
    return failures, f"{len(entries)} contents entries point at their pages"


def check_outline(pdf, sectors_path, csv_path):
    out = subprocess.run(["qpdf", "--json", "--json-key=outlines", pdf],
                         check=True, capture_output=True, text=True).stdout
    outline = json.loads(out)["outlines"]
    expected = front_matter(sectors_path) + chapters(sectors_path, csv_path) + ["Index"]
    failures = []
    titles = [o["title"] for o in outline]
    if titles != expected:
        failures.append(f"outline has {titles}, expected {expected}")
    sector_of = {s["name"]: s["id"] for s in read_csv(sectors_path)}
    rows = read_csv(csv_path)
    for o in outline:
        want = [r["name"] for r in rows if r["sector"] == sector_of.get(o["title"])]
        got = [k["title"] for k in o["kids"]]
        if got != want:
            failures.append(f"outline under {o['title']}: {got}, expected {want}")
        if o["kids"] and o["open"]:
            failures.append(f"outline entry {o['title']} opens at first: a long list")
    return failures, f"{len(outline)} entries (front matter, chapters) and the initiatives in the outline"


def check_labels(pdf, sectors_path, csv_path):
    """Roman labels from the cover, arabic from the first chapter (whose
    page is "1"), and every printed folio (a page's last line) is its label;
    the covers, front and back, print none."""
    labels = page_labels(pdf)
    failures = []
    first_chapter = chapters(sectors_path, csv_path)[0]
    if labels[0] != "i":
        failures.append(f"the cover is labelled {labels[0]!r}, not 'i'")
    if "1" not in labels:
        return failures + ["no page is labelled 1"], ""
    start = labels.index("1")
    if any(not re.fullmatch(r"[ivxlc]+", l) for l in labels[:start]):
        failures.append(f"front matter labels {labels[:start]} are not roman")
    if labels[start:] != [str(n) for n in range(1, len(labels) - start + 1)]:
        failures.append(f"labels from the first chapter on: {labels[start:]}")
    pages = pdftotext(pdf).split("\f")
    lines = [[l.strip() for l in page.splitlines() if l.strip()] for page in pages]
    if not lines[start] or lines[start][0] != first_chapter:
        failures.append(f"page 1 does not open {first_chapter}")
    if lines[0] and lines[0][-1] in labels:
        failures.append(f"the cover prints a folio {lines[0][-1]!r}")
    folios = 0
    laid_out = pdftotext(pdf, "-layout").split("\f")
    for n, (label, page) in enumerate(zip(labels, laid_out)):
        text = [l.strip() for l in page.splitlines() if l.strip()]
        if n in (0, len(labels) - 1) or not text:
            continue
        folios += 1
        if text[-1] != label:
            failures.append(f"page {n + 1} is labelled {label} but prints {text[-1]!r}")
    return failures, f"{len(labels)} labels, {folios} folios that match them"


def check_destinations(pdf, sectors_path, csv_path):
    """The catalog's /Names /Dests hold chapter.ID for every chapter,
    initiative.ID for every initiative and foreword when there is one
    (and only then), sorted, each on the page where its outline entry
    goes."""
    info = json.loads(subprocess.run(
        ["qpdf", "--json", "--json-key=qpdf", "--json-key=pages", "--json-key=outlines",
         pdf], check=True, capture_output=True, text=True).stdout)
    objects = info["qpdf"][1]
    def obj(ref):
        return objects[f"obj:{ref}"]["value"] if isinstance(ref, str) and ref.endswith(" R") else ref
    root = obj(objects["trailer"]["value"]["/Root"])
    dests = obj(obj(obj(root["/Names"])["/Dests"])["/Names"])
    names = [obj(n)[2:] if isinstance(obj(n), str) and obj(n).startswith("u:") else obj(n)
             for n in dests[0::2]]
    page_of = {p["object"]: p["pageposfrom1"] for p in info["pages"]}
    where = {name: page_of[obj(d)[0]] for name, d in zip(names, dests[1::2])}
    failures = []
    if names != sorted(names):
        failures.append("the names are not sorted")
    # The outline lists the chapters and their initiatives in booklet
    # order; names may repeat, ids do not.
    rows = read_csv(csv_path)
    used = {r["sector"] for r in rows}
    chapters_in_order = [s["id"] for s in read_csv(sectors_path) if s["id"] in used]
    expected = []
    # The foreword and the overview ("At a glance") open the outline; the
    # sectors follow.
    forewords = [o for o in info["outlines"] if o["title"] in front_matter(sectors_path)]
    expected += [("foreword", o["destpageposfrom1"]) for o in forewords]
    if not front_matter(sectors_path) and "foreword" in where:
        failures.append("a destination foreword in an edition without a foreword")
    sector_outlines = [o for o in info["outlines"]
                       if o["title"] not in ["At a glance"] + front_matter(sectors_path)]
    for sector, o in zip(chapters_in_order, sector_outlines):
        expected.append((f"chapter.{sector}", o["destpageposfrom1"]))
        ids = [r["id"] for r in rows if r["sector"] == sector]
        expected += [(f"initiative.{i}", k["destpageposfrom1"]) for i, k in zip(ids, o["kids"])]
    if len(expected) != len(front_matter(sectors_path)) + len(rows) + len(chapters_in_order):
        failures.append("the outline does not match the chapters and initiatives")
    for name, page in expected:
        if name not in where:
            failures.append(f"no destination {name}")
        elif where[name] != page:
            failures.append(f"{name} is on page {where[name]}, its outline entry on {page}")
    return failures, f"{len(names)} named destinations"


# What a Hebrew or Arabic booklet must say (written here independently of
# lightbook's table; a place and a quotation from the _he/_ar columns
# too), and the English fixed words it must not show. The
# English patterns are whole phrases, since English names of initiatives
# stay in the booklet beneath the translated ones.
EDITION_WORDS = {
    "he": ["תוכן העניינים", "שנת הקמה", "שותפים", "משתתפים", "1 בדצמבר 2026",
           "פתח דבר", "ירושלים", "הידיעה שהצלתי חיים", "מיכה הנדלר, המייסד"],
    "ar": ["المحتويات", "سنة التأسيس", "الشركاء", "مشاركا", "1 كانون الأول 2026",
           "تمهيد", "القدس", "إن معرفتي بأنني أنقذت", "ميكا هندلر، المؤسس"],
}
ENGLISH_WORDS = [r"\bContents\b", r"\bFounded \d", r"\bPartners?:", r"\d participants?\b",
                 r"\bDecember\b", r"\bChanges in this edition\b", r"\bForeword\b",
                 r"\bIndex\b", r"\bInitiatives (per|by)\b", r"\breport numbers\b",
                 r"\bno numbers\b", r"\byears? covered\b", r"\bpeople reached\b",
                 r"\d initiatives?\b", r"\d (sectors?|places?)\b",
                 r"\bAt a glance\b", r"\bNew initiatives\b", r"\bRemoved initiatives\b"]


def contains_phrase(tokens, phrase):
    """The phrase's words stand together among tokens, in one of the
    orders pdftotext may give them (read_back_forms)."""
    for form in read_back_forms(phrase):
        n = len(form)
        if any(tokens[i:i + n] == form for i in range(len(tokens) - n + 1)):
            return True
    return False


def check_edition(pdf, lang, sectors_path, csv_path):
    text = unicodedata.normalize("NFC", pdftotext(pdf))
    # pdftotext's embedding marks separate words as a space would
    tokens, _ = words_and_gaps(re.sub("[\u202a-\u202e\u200e\u200f]", " ", text))
    lines = [line for line in text.splitlines() if line.strip()]
    flat = collapse(text)
    failures = []
    words = EDITION_WORDS.get(lang)
    if words is None:
        return [f"no fixed words known for {lang!r}"], ""
    for word in words:
        if not contains_phrase(tokens, word):
            failures.append(f"fixed words missing: {word}")
    for pattern in ENGLISH_WORDS:
        for m in re.finditer(pattern, flat):
            failures.append(f"English fixed words left: {flat[max(0, m.start() - 30):m.end() + 30]!r}")
    names = [s["name_" + lang] for s in read_csv(sectors_path)
             if s["id"] in {row["sector"] for row in read_csv(csv_path)}]
    for name in names:
        if not reads_back(name, lines):
            failures.append(f"sector name does not read back: {name}")
    return failures, f"{len(words)} fixed phrases and {len(names)} sector names in {lang}, no English"


def run_check(commands, argv, usage):
    """Runs the check argv[1] names in commands ({name: (function, number of
    arguments)}): prints each failure, or "OK: summary"; exits 1 on a
    failure, 2 (printing usage) on a bad command line."""
    if len(argv) < 2 or argv[1] not in commands or len(argv) - 2 != commands[argv[1]][1]:
        print(usage, file=sys.stderr)
        return 2
    failures, summary = commands[argv[1]][0](*argv[2:])
    for failure in failures:
        print(failure)
    if not failures:
        print("OK:", summary)
    return 1 if failures else 0


def main(argv):
    commands = {
        "names": (check_names, 2),
        "no-presentation": (check_no_presentation_forms, 1),
        "contents": (check_contents, 3),
        "outline": (check_outline, 3),
        "labels": (check_labels, 3),
        "destinations": (check_destinations, 3),
        "shaped": (check_shaped, 1),
        "selftest": (check_self, 0),
        "edition": (check_edition, 4),
    }
    return run_check(commands, argv, __doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
