"""imposition.py - checks a --impose sheet file against its booklet.

  order BOOKLET.pdf PRINT.pdf [rtl]
      each half of each side of each sheet shows the booklet page that
      saddle stitching puts there, or nothing: with N pages padded to a
      multiple of four, sheet s (from 0) has N-1-2s | 2s on its front and
      2s+1 | N-2-2s on its back; bound on the right, each pair swaps.
      A page is recognised by its words (pdftotext of the page against
      pdftotext of the half sheet, cropped with -x -y -W -H).
  links BOOKLET.pdf PRINT.pdf [rtl]
      every link to a page in the booklet is on the sheet side of its
      page and goes to the side of its target, at the same place; web
      links are all there.
"""
import json
import math
import re
import subprocess
import sys


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def page_sizes(pdf):
    info = run("pdfinfo", "-f", "1", "-l", "99999", pdf)
    return [(float(w), float(h)) for w, h in
            re.findall(r"^Page +\d+ size: +([\d.]+) x ([\d.]+)", info, re.M)]


def words(pdf, page, crop=None):
    args = ["pdftotext", "-f", str(page + 1), "-l", str(page + 1)]
    if crop:
        x, y, w, h = crop
        args += ["-x", str(int(x)), "-y", str(int(y)), "-W", str(int(w)), "-H", str(int(h))]
    return sorted(run(*args, pdf, "-").split())


def pairs(pages, rtl):
    """The booklet page on each half of each side, None for a blank."""
    n = (pages + 3) // 4 * 4
    out = []
    for s in range(n // 4):
        for left, right in ((n - 1 - 2 * s, 2 * s), (2 * s + 1, n - 2 - 2 * s)):
            if rtl:
                left, right = right, left
            out.append(tuple(p if p < pages else None for p in (left, right)))
    return out


def order(booklet, sheets, rtl):
    pages = len(page_sizes(booklet))
    sizes = page_sizes(sheets)
    expected = pairs(pages, rtl)
    bad = 0
    if len(sizes) != len(expected):
        print(f"{len(sizes)} sheet sides, expected {len(expected)}")
        return 1
    for side, (halves, (w, h)) in enumerate(zip(expected, sizes)):
        for half, page in enumerate(halves):
            got = words(sheets, side, (half * w / 2, 0, w / 2, h))
            want = words(booklet, page) if page is not None else []
            if got != want:
                name = "blank" if page is None else f"page {page + 1}"
                print(f"side {side + 1} {'right' if half else 'left'}: expected {name}, "
                      f"got {' '.join(got[:12])}")
                bad = 1
    return bad


def links(pdf):
    """(page index, web address or None, target page index, FitH top) per link."""
    doc = json.loads(run("qpdf", "--json=1", "--json-key=pages", "--json-key=objects", pdf))
    objects = doc["objects"]
    page_index = {p["object"]: i for i, p in enumerate(doc["pages"])}
    out = []
    for i, p in enumerate(doc["pages"]):
        annots = objects[p["object"]].get("/Annots", [])
        if isinstance(annots, str):
            annots = objects[annots]
        for ref in annots:
            a = objects[ref]
            if "/Dest" in a:
                dest = a["/Dest"]
                if isinstance(dest, str):
                    dest = objects[dest]
                out.append((i, None, page_index[dest[0]], dest[2]))
            elif "/A" in a:
                action = a["/A"] if isinstance(a["/A"], dict) else objects[a["/A"]]
                out.append((i, action.get("/URI"), None, None))
    return out


def check_links(booklet, sheets, rtl):
    pages = len(page_sizes(booklet))
    (pw, ph), (sw, sh) = page_sizes(booklet)[0], page_sizes(sheets)[0]
    side_of = {}
    for side, halves in enumerate(pairs(pages, rtl)):
        for p in halves:
            if p is not None:
                side_of[p] = side
    dy = (sh - ph) / 2
    want = sorted((side_of[p], uri, None if t is None else side_of[t],
                   None if top is None else round(top + dy, 1))
                  for p, uri, t, top in links(booklet))
    got = sorted((p, uri, t, None if top is None else round(top, 1))
                 for p, uri, t, top in links(sheets))
    if not any(t is not None for _, _, t, _ in want):
        print("the booklet has no links to pages")
        return 1
    if got != want:
        for item in sorted(set(want) ^ set(got))[:10]:
            print(("missing " if item in want else "wrong ") + repr(item))
        print(f"{len(got)} links on the sheets, {len(want)} in the booklet")
        return 1
    return 0


if __name__ == "__main__":
    what, booklet, sheets = sys.argv[1:4]
    rtl = sys.argv[4:] == ["rtl"]
    sys.exit(order(booklet, sheets, rtl) if what == "order" else
             check_links(booklet, sheets, rtl))
