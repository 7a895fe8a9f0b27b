#!/usr/bin/python3
"""check_charts.py - end-to-end checks of the charts, from outside the program.

  check_charts.py figures PDF CSV [SECTOR...]
                                      the overview's key figures equal the CSV's
                                      (only these sectors' rows, for a handout)
  check_charts.py files DIR           the --charts files: each PNG twice its SVG

The figures are computed here with the csv module, independently of lightbook:
initiatives, sectors used, people reached (participants summed where given, and
how many give them), the years covered by the founded column, distinct places.
"""
import csv
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

from PIL import Image

NAMES = ("sectors", "people", "founded", "regions")


def thousands(n):
    return f"{n:,}"


def expected_figures(csv_path, sectors):
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if not sectors or r["sector"] in sectors]
    n = len(rows)
    sectors = len({r["sector"].strip() for r in rows})
    counts = [int(r["participants"]) for r in rows if (r.get("participants") or "").strip()]
    years = [int(r["founded"]) for r in rows if (r.get("founded") or "").strip()]
    places = {r["location"].strip() for r in rows if (r.get("location") or "").strip()}
    lines = [f"{thousands(n)} initiative{'s' if n != 1 else ''}",
             f"{thousands(sectors)} sector{'s' if sectors != 1 else ''}",
             f"{thousands(sum(counts))} people reached "
             f"({thousands(len(counts))} of {thousands(n)} initiatives report numbers)"]
    if years:
        span = max(years) - min(years) + 1
        lines.append(f"{span} year covered, {min(years)}" if span == 1 else
                     f"{span} years covered, {min(years)} to {max(years)}")
    lines.append(f"{thousands(len(places))} place{'s' if len(places) != 1 else ''}")
    return lines


def check_figures(pdf, csv_path, sectors=()):
    pages = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True,
                           capture_output=True, text=True).stdout.split("\f")
    overview = next((p for p in pages
                     if any(l.strip() == "At a glance" for l in p.splitlines()[:4])), None)
    if overview is None:
        return ["no page begins with \"At a glance\""]
    got = [re.sub(r"\s+", " ", l).strip() for l in overview.splitlines()]
    failures = []
    for want in expected_figures(csv_path, sectors):
        if want not in got:
            failures.append(f"the overview lacks {want!r}")
    if failures:
        failures.append("the overview reads:\n" + "\n".join(l for l in got if l))
    return failures


def points(value):
    m = re.fullmatch(r"([0-9.]+)(pt)?", value)
    return float(m.group(1))


def check_files(folder):
    failures = []
    for name in NAMES:
        svg = f"{folder}/{name}.svg"
        png = f"{folder}/{name}.png"
        try:
            root = ET.parse(svg).getroot()
        except (OSError, ET.ParseError) as e:
            failures.append(f"{svg}: {e}")
            continue
        width, height = points(root.get("width")), points(root.get("height"))
        try:
            size = Image.open(png).size
        except OSError as e:
            failures.append(f"{png}: {e}")
            continue
        want = (int(-(-width * 2 // 1)), int(-(-height * 2 // 1)))
        if size != want:
            failures.append(f"{png} is {size[0]}x{size[1]}, expected {want[0]}x{want[1]} "
                            f"(twice {width}x{height} pt)")
        if width < 100 or height < 50:
            failures.append(f"{svg} is only {width}x{height} pt")
    return failures


def main(argv):
    if len(argv) >= 4 and argv[1] == "figures":
        failures = check_figures(argv[2], argv[3], argv[4:])
    elif len(argv) == 3 and argv[1] == "files":
        failures = check_files(argv[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for f in failures:
        print(f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
