#!/usr/bin/python3
"""navigation.py - checks of the contents and the index against the page
model (--dump-pages) and the PDF's text.

Usage:
  navigation.py links DUMP MIN_CONTENTS_PAGES
      every link of the contents and the index shows the label of the page
      it goes to, every outline entry has its contents entry, and the
      contents take at least MIN_CONTENTS_PAGES pages
  navigation.py index DUMP PDF CSV
      the index names every initiative, partner and place of the CSV, and
      each page number of a term is a page whose text (pdftotext) names it
Exit status 0 when every check passes; otherwise each failure is printed.
"""
import csv
import re
import subprocess
import sys

from pdf_text import run_check

PAGE = re.compile(r"^page (\d+) size=\S+ label=(\S+)$")
GLYPHS = re.compile(r"^page (\d+) glyphs face=(\S+) size=\S+ x=(\S+) y=(\S+) w=(\S+) \|(.*)\|$")
LINK = re.compile(r"^page (\d+) link x=(\S+) y=(\S+) w=(\S+) h=(\S+) to-page=(\d+)$")
OUTLINE = re.compile(r"^outline level=(\d) page=(\d+) \|(.*)\|$")
NUMBERING = re.compile(r"^numbering from-page=(\d+) style=(\S+)$")


def read_dump(path):
    """Pages (label and items in order), outline entries and numbering."""
    pages, outline, numbering = {}, [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if m := PAGE.match(line):
                pages[int(m[1])] = {"label": m[2], "items": []}
            elif m := GLYPHS.match(line):
                pages[int(m[1])]["items"].append(
                    ("glyphs", m[2], float(m[3]), float(m[4]), float(m[5]), m[6]))
            elif m := LINK.match(line):
                pages[int(m[1])]["items"].append(
                    ("link", float(m[2]), float(m[3]), float(m[4]), float(m[5]), int(m[6])))
            elif m := OUTLINE.match(line):
                outline.append((int(m[1]), int(m[2]), m[3]))
            elif m := NUMBERING.match(line):
                numbering.append((int(m[1]), m[2]))
    return pages, outline, numbering


def inside(run, link):
    _, _, x, y, w, _ = run
    _, lx, ly, lw, lh, _ = link
    # the dump rounds to 0.1 pt
    return x >= lx - 0.15 and x + w <= lx + lw + 0.15 and ly < y < ly + lh


def index_pages(pages, outline):
    start = next(page for level, page, title in outline if level == 0 and title == "Index")
    return [p for p in sorted(pages) if p >= start]


def check_links(dump, min_contents_pages):
    pages, outline, numbering = read_dump(dump)
    first_chapter = next(page for page, style in numbering if style == "arabic")
    contents = [p for p in sorted(pages) if 1 < p < first_chapter
                and any(i[0] == "link" for i in pages[p]["items"])]
    failures = []
    if len(contents) < int(min_contents_pages):
        failures.append(f"the contents take {len(contents)} pages, "
                        f"expected at least {min_contents_pages}")
    entries = 0
    for p in contents + index_pages(pages, outline):
        items = pages[p]["items"]
        for link in (i for i in items if i[0] == "link"):
            runs = [i for i in items if i[0] == "glyphs" and inside(i, link)]
            target = pages[link[5]]["label"]
            shown = runs[-1][5] if runs else None
            if shown != target:
                failures.append(f"page {p}: a link to page {link[5]} shows {shown!r}, "
                                f"the page's label is {target!r}")
            if p in contents:
                if entries < len(outline) and link[5] != outline[entries][1]:
                    failures.append(f"contents entry {entries + 1} goes to page {link[5]}, "
                                    f"{outline[entries][2]!r} is on page {outline[entries][1]}")
                entries += 1
    if entries != len(outline):
        failures.append(f"{entries} contents entries for {len(outline)} outline entries")
    return failures, (f"{entries} contents entries on {len(contents)} pages and the "
                      f"index's numbers show their targets' labels")


def join_lines(parts):
    """A term's lines as one text: a line that ends with a hyphen (broken
    after it) runs on into the next."""
    text = ""
    for part in parts:
        text += part if not text or text.endswith(("-", "\u2010", "\u2013")) else " " + part
    return text


def index_entries(pages, outline):
    """(term, target page) for every page number of the index: a term is
    the text before its first number (its lines joined); headings (sans
    bold) and commas are not part of it."""
    entries, term, numbers_started = [], [], False
    for p in index_pages(pages, outline):
        items = pages[p]["items"]
        links = [i for i in items if i[0] == "link"]
        for item in items:
            if item[0] == "link":
                entries.append((join_lines(term), item[5]))
                numbers_started = True
                continue
            _, face, _, _, _, text = item
            if face.startswith("sans") or text == ",":
                continue
            if any(inside(item, link) for link in links):
                continue   # a number
            if numbers_started:
                term, numbers_started = [], False
            term.append(text)
    return entries


def collapse(text):
    """Spaces collapsed, and a word broken after its hyphen at a line's
    end joined again."""
    return " ".join(text.split()).replace("- ", "-")


def check_index(dump, pdf, csv_path):
    pages, outline, _ = read_dump(dump)
    entries = index_entries(pages, outline)
    text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True,
                          text=True).stdout.split("\f")
    failures = []
    with open(csv_path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    expected = set()
    for row in rows:
        expected.add(collapse(row["name"]))
        expected.update(collapse(p) for p in row.get("partners", "").split(";") if p.strip())
        expected.update(collapse(row[k]) for k in ("location", "region") if row.get(k, "").strip())
    terms = {collapse(t) for t, _ in entries}
    for missing in sorted(expected - terms):
        failures.append(f"not in the index: {missing}")
    for extra in sorted(terms - expected):
        failures.append(f"in the index but not in the CSV: {extra}")
    for term, page in entries:
        if collapse(term) not in collapse(text[page - 1]):
            failures.append(f"{term}: the index says page {pages[page]['label']}, "
                            f"whose text does not name it")
    return failures, f"{len(terms)} terms, {len(entries)} page numbers where the terms are"


def main(argv):
    commands = {"links": (check_links, 2), "index": (check_index, 3)}
    return run_check(commands, argv, __doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
