#!/usr/bin/python3
"""bench.py LIGHTBOOK DIR N...: times lightbook on synthetic editions.

For each N, tests/gen_edition.py writes an edition of N initiatives into
DIR/N (kept for later runs), lightbook lays it out once to warm the caches
and then RUNS times (default 5; set BENCH_RUNS); the table gives the
median wall time and CPU time (user + system: what the run itself cost,
whatever else the machine was doing), the largest peak RSS of the runs
(from wait4), pages, PDF size, pages per second and the median time of
each stage (--timings). Ends with how time grows from one size to the
next."""
import os
import re
import statistics
import subprocess
import sys
import time

STAGES = ["read", "check", "compose", "typeset", "paginate", "render", "write"]


def run_once(cmd):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed:\n{err}")
    stages = dict(re.findall(r" (\w+) ([0-9.]+) s", err))
    pages = int(re.search(r"\((\d+) pages\)", err).group(1))
    return wall, usage.ru_maxrss * 1024, pages, stages, usage.ru_utime + usage.ru_stime


def main():
    lightbook, root, sizes = sys.argv[1], sys.argv[2], [int(n) for n in sys.argv[3:]]
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []
    for n in sizes:
        edition = os.path.join(root, str(n))
        if not os.path.exists(os.path.join(edition, "edition.ini")):
            subprocess.run([sys.executable, os.path.join(here, "gen_edition.py"), str(n), edition],
                           check=True)
        out = os.path.join(root, f"{n}.pdf")
        cmd = [lightbook, "--timings", "--sectors", f"{edition}/sectors.csv",
               "--edition", f"{edition}/edition.ini", "-o", out, f"{edition}/initiatives.csv"]
        run_once(cmd)   # warm-up: files in the page cache, fonts read once
        results = [run_once(cmd) for _ in range(runs)]
        wall = statistics.median(r[0] for r in results)
        cpu = statistics.median(r[4] for r in results)
        rss = max(r[1] for r in results)
        pages = results[0][2]
        stages = {s: statistics.median(float(r[3].get(s, 0)) for r in results) for s in STAGES}
        rows.append((n, pages, os.path.getsize(out), wall, rss, stages, cpu))
        print(f"bench: {n:,} initiatives: {wall:.2f} s ({cpu:.2f} s CPU)", file=sys.stderr)

    print(f"median of {runs} runs after a warm-up; "
          f"{os.cpu_count()} CPUs, {cpu_model()}")
    head = ["initiatives", "pages", "PDF MB", "time s", "CPU s", "peak RSS MB", "pages/s"] + STAGES
    print("| " + " | ".join(head) + " |")
    print("|" + "---:|" * len(head))
    for n, pages, size, wall, rss, stages, cpu in rows:
        cells = [f"{n:,}", f"{pages:,}", f"{size / 1e6:.1f}", f"{wall:.2f}", f"{cpu:.2f}",
                 f"{rss / 1e6:.0f}", f"{pages / wall:,.0f}"]
        cells += [f"{stages[s]:.2f}" for s in STAGES]
        print("| " + " | ".join(cells) + " |")
    for (n1, _, s1, w1, _, _, c1), (n2, _, s2, w2, _, _, c2) in zip(rows, rows[1:]):
        print(f"{n2 // n1}x the initiatives: {w2 / w1:.1f}x the time ({c2 / c1:.1f}x the CPU), "
              f"{s2 / s1:.1f}x the PDF size")


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    main()
