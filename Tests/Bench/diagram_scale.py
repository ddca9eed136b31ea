#!/usr/bin/env python3
"""`make bench`, diagrams at scale: one view of N connections (N = 500, 1,000, 5,000) among 186
components, drawn by `portolan diagram --view platform --format svg`; prints seconds and peak
memory (from /usr/bin/time when present, else resource.getrusage of the child).
Target (issue 12): any view of 5,000 connections in under 10 s and 1 GiB.

usage: diagram_scale.py PORTOLAN [N ...]
"""
import os
import resource
import subprocess
import sys
import tempfile
import time


def document(product, rows, components=93):
    text = f"From the point of view of Product {product} as a service in the network.\n\n"
    text += "Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection\n"
    protocols = ["TCP", "HTTPS", "Redis", "Kafka", "SIP/UDP", "Postgres"]
    for n in range(1, rows + 1):
        a = (n * 7) % components
        b = (n * 11 + 3) % components
        if a == b:
            b = (b + 1) % components
        text += (f"{n}\tService {product}-{a}\tService {product}-{b}\t{protocols[n % len(protocols)]}\t"
                 f"{8000 + n % 50}\tIntra-cluster\tdata {n}\n")
    return text


def lines(rows, components=93):
    """The lines a view of `rows` connections (two products, `document`'s rows) is drawn with:
    every row up to 2,000 (`Drawable.linesAbove` in PortolanBuild, for `diagram` and `build`
    alike), above it one per product and pair of components."""
    if rows <= 2000:
        return rows
    pairs = set()
    for product in range(2):
        for n in range(1, rows // 2 + 1):
            a, b = (n * 7) % components, (n * 11 + 3) % components
            pairs.add((product, a, (b + 1) % components if a == b else b))
    return len(pairs)


def run(portolan, rows):
    with tempfile.TemporaryDirectory() as folder:
        for product in range(2):
            with open(os.path.join(folder, f"p{product}.txt"), "w") as f:
                f.write(document(product, rows // 2))
        out = os.path.join(folder, "platform.svg")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.monotonic()
        result = subprocess.run([portolan, "diagram", folder, "--view", "platform", "--format", "svg", "--output", out],
                                capture_output=True, text=True)
        seconds = time.monotonic() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        edges = open(out).read().count('<g id="conn-') if result.returncode == 0 else 0
        return seconds, max(peak, before) / 1024, edges, result.returncode, result.stderr[-300:]


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    portolan = sys.argv[1]
    sizes = [int(n) for n in sys.argv[2:]] or [500, 1000, 5000]
    print("Diagram of one view at scale (portolan diagram --view platform --format svg)")
    print("connections  seconds  peak MiB  edges drawn  target (<10 s, <1024 MiB)")
    failed = False
    for rows in sizes:
        seconds, mib, edges, status, stderr = run(portolan, rows)
        ok = status == 0 and seconds < 10 and mib < 1024 and edges == lines(rows)
        failed |= not ok
        print(f"{rows:<12} {seconds:<8.2f} {mib:<9.0f} {edges:<12} {'met' if ok else 'MISSED'}"
              + ("" if status == 0 else f" (exit {status}: {stderr.strip()})"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
