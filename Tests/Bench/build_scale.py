#!/usr/bin/env python3
"""`make bench`, build at scale: `portolan build --timings` on N generated rows (N = 1,000,
10,000, 100,000 by default; 1,000,000 when asked), two products of N/2 rows among 93 components
each (the documents of diagram_scale.py). Prints seconds, peak memory (resource.getrusage of the
child), its CPU time (user + system: on a machine others share, wall-clock time also counts
their work), the slowest steps from --timings, and the growth of time and memory per 10x rows.
Target (issue 12): build on 1,000,000 rows in under 60 s and 2 GiB, time growing linearly
(about 10x per 10x rows).

usage: build_scale.py PORTOLAN [N ...]
"""
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from diagram_scale import document  # noqa: E402


def run(portolan, rows):
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "in")
        os.mkdir(source)
        for product in range(2):
            with open(os.path.join(source, f"p{product}.txt"), "w") as f:
                f.write(document(product, rows // 2))
        out = os.path.join(folder, "out")
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
        start = time.monotonic()
        result = subprocess.run([portolan, "build", "--input", source, "--output", out, "--timings"],
                                capture_output=True, text=True)
        seconds = time.monotonic() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime - cpu_before
        steps = []
        for line in result.stderr.splitlines():
            found = re.match(r"^  (.*?)\s+([0-9.]+) s$", line)
            if found and found.group(1) != "total":
                steps.append((float(found.group(2)), found.group(1)))
        steps.sort(reverse=True)
        return seconds, cpu, max(peak, before) / 1024, result.returncode, result.stderr[-300:], steps[:3]


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    portolan = sys.argv[1]
    sizes = [int(n) for n in sys.argv[2:]] or [1000, 10000, 100000]
    print("Build at scale (portolan build --timings on generated rows)")
    print("rows        seconds  cpu s    peak MiB  growth/10x (time, memory)  slowest steps")
    failed = False
    previous = None
    for rows in sizes:
        seconds, cpu, mib, status, stderr, steps = run(portolan, rows)
        growth = ""
        if previous and rows == previous[0] * 10:
            growth = f"x{seconds / max(previous[1], 0.01):.1f}, x{mib / max(previous[2], 1):.1f}"
        previous = (rows, seconds, mib)
        failed |= status != 0
        if rows >= 1_000_000:
            failed |= not (seconds < 60 and mib < 2048)
        slow = ", ".join(f"{name} {s:.2f}s" for s, name in steps)
        print(f"{rows:<11} {seconds:<8.2f} {cpu:<8.2f} {mib:<9.0f} {growth:<26} {slow}"
              + ("" if status == 0 else f" (exit {status}: {stderr.strip()})"))
    print("target: 1,000,000 rows in under 60 s and 2048 MiB, time x10 per 10x rows")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
