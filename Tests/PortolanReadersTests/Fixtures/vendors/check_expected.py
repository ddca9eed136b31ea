#!/usr/bin/env python3
"""Checks the format of every *.expected.tsv in this folder (no Portolan involved).

Each expected file: line 1 '# ' + where the table comes from and what is hard in it;
line 2 the header 'number<TAB>source<TAB>destination<TAB>protocol<TAB>ports<TAB>
classification<TAB>description' plus optional 'attr:<Header>' columns; then one row per
expected connection with exactly as many cells. The files of services/ (the rows of an
"Included services" table, named after the fixture: services/<fixture stem>.tsv) are checked too. Also checks that every fixture has an
expected file and the other way round, that numbers are unique within a file, that the
ports cell is a sorted, non-overlapping list of ports and ranges (optionally ending in '*'),
that classification is one of the allowed words, and that no cell has stray whitespace.

Usage: python3 check_expected.py [folder]   (exit 1 and 'file:line: message' on problems)
"""
import os
import re
import sys

HEADER = ["number", "source", "destination", "protocol", "ports", "classification", "description"]
CLASSIFICATIONS = {"", "Ingress", "Egress", "Intra-cluster"}
PORT_ITEM = re.compile(r"^(\d{1,5})(?:-(\d{1,5}))?$")
SUFFIX = ".expected.tsv"
SERVICES_FOLDER = "services"


def check_ports(cell):
    """Returns a problem string, or None when the ports cell is well formed."""
    if cell == "":
        return None
    body = cell[:-1] if cell.endswith("*") else cell
    if body == "":
        return "'*' without ports"
    last = 0
    for item in body.split(","):
        m = PORT_ITEM.match(item)
        if not m:
            return f"bad port item {item!r} (want N or N-M, joined by ',')"
        low = int(m.group(1))
        high = int(m.group(2) or low)
        if not (1 <= low <= 65535 and 1 <= high <= 65535):
            return f"port out of range in {item!r}"
        if m.group(2) and high <= low:
            return f"range {item!r} is not ascending"
        if low <= last:
            return f"ports not ascending or overlapping at {item!r}"
        if low == last + 1:
            return f"{item!r} touches the item before it: write the merged range"
        last = high
    return None


def check_file(path, problems):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.endswith("\n"):
        problems.append(f"{path}:EOF: file does not end with a newline")
    lines = text.split("\n")[:-1]
    if len(lines) < 2:
        problems.append(f"{path}:1: needs the comment line and the header line")
        return 0
    if not lines[0].startswith("# ") or len(lines[0]) < 40:
        problems.append(f"{path}:1: first line must be '# ' + source, shape and difficulty")
    header = lines[1].split("\t")
    if header[:7] != HEADER:
        problems.append(f"{path}:2: header must start with {HEADER}")
    for extra in header[7:]:
        if not extra.startswith("attr:") or len(extra) <= 5:
            problems.append(f"{path}:2: extra column {extra!r} must be 'attr:<Header text>'")
    numbers = set()
    for index, line in enumerate(lines[2:], start=3):
        cells = line.split("\t")
        if len(cells) != len(header):
            problems.append(f"{path}:{index}: {len(cells)} cells, header has {len(header)}")
            continue
        for name, cell in zip(header, cells):
            if cell != cell.strip() or "  " in cell:
                problems.append(f"{path}:{index}: {name} has stray whitespace: {cell!r}")
        number, source, destination, protocol, ports, classification = cells[:6]
        if not re.fullmatch(r"[0-9]+|[A-Za-z0-9][A-Za-z0-9.\-]*", number):
            problems.append(f"{path}:{index}: bad number {number!r}")
        elif number in numbers:
            problems.append(f"{path}:{index}: number {number} repeated")
        numbers.add(number)
        if source == "" or destination == "":
            problems.append(f"{path}:{index}: source and destination must not be empty")
        if protocol and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 .+\-/()]*", protocol):
            problems.append(f"{path}:{index}: odd protocol {protocol!r}")
        problem = check_ports(ports)
        if problem:
            problems.append(f"{path}:{index}: ports {ports!r}: {problem}")
        if classification not in CLASSIFICATIONS:
            problems.append(f"{path}:{index}: classification {classification!r} not in {sorted(CLASSIFICATIONS)}")
    return len(lines) - 2


def check_services(path, problems):
    """An included-services file: '# ' comment, 'name<TAB>description', then two cells a row."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    if len(lines) < 3 or not lines[0].startswith("# ") or lines[1] != "name\tdescription":
        problems.append(f"{path}:1: needs a '# ' comment, the header 'name<TAB>description' and rows")
        return
    for index, line in enumerate(lines[2:], start=3):
        cells = line.split("\t")
        if len(cells) != 2 or not cells[0] or any(c != c.strip() or "  " in c for c in cells):
            problems.append(f"{path}:{index}: want 'name<TAB>description' without stray whitespace")


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    names = sorted(os.listdir(folder))
    problems = []
    expected = [n for n in names if n.endswith(SUFFIX)]
    fixtures = [n for n in names if re.match(r"^\d\d-", n) and not n.endswith(SUFFIX)]
    stems = {n[: -len(SUFFIX)] for n in expected}
    for fixture in fixtures:
        if not re.fullmatch(r"\d\d-[a-z0-9]+(?:-[a-z0-9]+)*\.(md|txt|tsv|csv|html|rst)", fixture):
            problems.append(f"{fixture}:1: name must be NN-<vendor>-<shape>.<ext>")
        if fixture.rsplit(".", 1)[0] not in stems:
            problems.append(f"{fixture}:1: no {fixture.rsplit('.', 1)[0]}{SUFFIX} beside it")
    fixture_stems = {f.rsplit(".", 1)[0] for f in fixtures}
    rows = 0
    for name in expected:
        if name[: -len(SUFFIX)] not in fixture_stems:
            problems.append(f"{name}:1: no fixture for this expected file")
        rows += check_file(os.path.join(folder, name), problems)
    services = os.path.join(folder, SERVICES_FOLDER)
    for name in sorted(os.listdir(services)) if os.path.isdir(services) else []:
        if not name.endswith(".tsv") or name[: -len(".tsv")] not in fixture_stems:
            problems.append(f"{SERVICES_FOLDER}/{name}:1: not named after a fixture (<fixture stem>.tsv)")
        check_services(os.path.join(services, name), problems)
    for problem in problems:
        print(problem)
    print(f"{len(fixtures)} fixtures, {len(expected)} expected files, {rows} expected connections, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
