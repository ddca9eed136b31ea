#!/usr/bin/env python3
"""Compares what `portolan parse --format json` reads from each vendor fixture with the rows
of its expected file, and prints a scoreboard (how many fixtures give any rows, how many read
exactly). A measuring aid for the reader work of issue 14, not a test: the expected files are
never changed to match its output.

Usage: python3 compare_with_portolan.py PATH/TO/portolan [-v] [fixture-stem ...]
  -v  also print every differing row (expected '-', read '+')

Ports are compared as the canonical set (ascending, adjacent ranges merged, '*' when the
connection is configurable); text fields with whitespace collapsed. 'attr:<Header>' columns are
compared when the JSON connection carries an "attributes" object (header -> value).
"""
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def canonical_ports(ports, configurable):
    merged = []
    for low, high in sorted((p["from"], p["to"]) for p in ports or []):
        if merged and low <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    text = ",".join(str(a) if a == b else f"{a}-{b}" for a, b in merged)
    return text + ("*" if configurable and text else "")


def collapse(value):
    return " ".join(str(value or "").split())


def fixture_for(stem):
    for name in sorted(glob.glob(stem + ".*")):
        if not name.endswith(".expected.tsv"):
            return name
    return None


def read_rows(binary, fixture, header):
    run = subprocess.run([binary, "parse", "--format", "json", fixture], capture_output=True, text=True)
    rows = []
    if run.stdout.lstrip().startswith("{"):
        for document in json.loads(run.stdout).get("documents", []):
            for c in document.get("connections", []):
                row = [collapse(c.get("number")), collapse(c.get("source")), collapse(c.get("destination")),
                       collapse(c.get("protocol")), canonical_ports(c.get("ports"), c.get("configurable")),
                       collapse(c.get("classification")), collapse(c.get("description"))]
                attributes = c.get("attributes") or {}
                row += [collapse(attributes.get(h[5:])) for h in header[7:]]
                rows.append(row)
    return run, rows


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    binary, verbose = args[0], "-v" in args
    stems = [a for a in args[1:] if a != "-v"]
    expected_files = sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.expected.tsv")))
    if stems:
        expected_files = [e for e in expected_files if any(os.path.basename(e).startswith(s) for s in stems)]
    score = dict(fixtures=0, with_rows=0, any_read=0, exact=0, empty=0, empty_ok=0, rows=0, rows_exact=0)
    for expected in expected_files:
        stem = expected[: -len(".expected.tsv")]
        fixture = fixture_for(stem)
        lines = open(expected, encoding="utf-8").read().split("\n")
        header = lines[1].split("\t")
        want = [line.split("\t") for line in lines[2:] if line]
        run, got = read_rows(binary, fixture, header)
        same = sum(1 for w, g in zip(want, got) if w == g)
        score["fixtures"] += 1
        score["rows"] += len(want)
        score["rows_exact"] += same
        if want:
            score["with_rows"] += 1
            score["any_read"] += bool(got)
            score["exact"] += want == got
        else:
            score["empty"] += 1
            score["empty_ok"] += not got
        first = (run.stderr.strip().splitlines() or [""])[0].replace(HERE + "/", "")
        print(f"{os.path.basename(fixture):40s} exit {run.returncode}  expected {len(want):2d}  read {len(got):2d}  "
              f"exact {same:2d}  {first[:100]}")
        if verbose and want != got:
            for w in want:
                if w not in got:
                    print("   - " + " | ".join(w))
            for g in got:
                if g not in want:
                    print("   + " + " | ".join(g))
    print(f"{score['with_rows']} fixtures with connections: {score['any_read']} read to any rows, "
          f"{score['exact']} exactly; {score['empty']} without connections: {score['empty_ok']} read none; "
          f"rows exact {score['rows_exact']}/{score['rows']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
