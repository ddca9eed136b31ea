#!/usr/bin/env python3
"""Terraform from the firewall rules, checked offline: python-hcl2 parses every file (syntax),
then checkov runs once over all of them (static analysis; `terraform validate` is not run).

Cases: the seeds, the made-up Shop product, and a hostile product whose names carry `${...}`,
`%{...}`, quotes and formula prefixes. For each provider it asserts, from the firewall JSON:
  - exactly the rules with a transport, a port, a direction and far-end CIDR blocks are
    emitted, one resource per (AWS) CIDR block or (Azure, GCP) address family, each carrying
    its Rule ID; the others are listed in the leading comment with their Rule ID;
  - Azure priorities are unique, within 100...4096, and descriptions within 140 characters;
  - no string holds an interpolation or directive a name could have started (`${`, `%{`
    undoubled), and the hostile names read back exactly once HCL's escapes are undone;
  - checkov parses every resource and fails none, except the checks on an inbound rule whose
    documented source is the whole internet (0.0.0.0/0 or ::/0), which are listed.
Prints `SKIPPED: ...` on its own line for a check whose tool is missing.
Usage: terraform_test.py --binary .build/debug/portolan
"""
import argparse
import ipaddress
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from netpol_nca_test import CASES, run  # noqa: E402

ALL_CASES = CASES + [("hostile", os.path.join(HERE, "fixtures", "hostile", "inventory.yaml"),
                      [os.path.join(HERE, "fixtures", "hostile", "hostile.md")])]
PROVIDERS = {
    "aws": ("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"),
    "azure": ("azurerm_network_security_rule",),
    "gcp": ("google_compute_firewall",),
}


def expected(sheet):
    """Rule id -> (inbound, v4 blocks, v6 blocks) for the rules Terraform can express."""
    out, skipped = {}, []
    for rule in sheet["rules"]:
        crossing = {"Ingress": "in", "Egress": "out", "Intra-cluster": "in"}.get(
            {"ingress": "Ingress", "egress": "Egress", "intra-cluster": "Intra-cluster",
             "intracluster": "Intra-cluster"}.get(re.sub(r"\s+", "", rule["direction"].lower()), ""))
        if not rule.get("transport") or not rule.get("port") or crossing is None:
            skipped.append(rule["id"])
            continue
        inbound = crossing == "in"
        far = rule["source"] if inbound else rule["destination"]
        v4, v6 = [], []
        for address in far.get("addresses", []):
            try:
                net = ipaddress.ip_network(address, strict=False)
            except ValueError:
                continue
            (v6 if net.version == 6 else v4).append(net)
        if not v4 and not v6:
            skipped.append(rule["id"])
            continue
        out[rule["id"]] = (inbound, v4, v6)
    return out, skipped


def unescape(text):
    """HCL's escapes undone, for comparing a name with what the document wrote."""
    return (text.replace("$${", "${").replace("%%{", "%{").replace('\\"', '"').replace("\\\\", "\\"))


def norm(value):
    """python-hcl2 6 keeps the quotes of string keys and values; earlier versions drop them."""
    if isinstance(value, dict):
        return {norm(k): norm(v) for k, v in value.items()}
    if isinstance(value, list):
        return [norm(v) for v in value]
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def check_file(provider, name, text, sheet, hcl2, problems):
    want, skipped = expected(sheet)
    header = text.split("\nvariable", 1)[0]
    for rule_id in skipped:
        if rule_id not in header:
            problems.append(f"{provider}/{name}: skipped rule {rule_id} is not listed in the leading comment")
    # Every string literal: no interpolation or directive left undoubled.
    for literal in re.findall(r'"((?:[^"\\]|\\.)*)"', "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("#"))):
        if re.search(r"(?<!\$)\$\{", literal.replace("$${", "")) or re.search(r"(?<!%)%\{", literal.replace("%%{", "")):
            problems.append(f"{provider}/{name}: live template sequence in {literal!r}")
    if hcl2 is None:
        return 0
    try:
        parsed = norm(hcl2.loads(text))
    except Exception as error:  # noqa: BLE001 - any parse error is the failure being tested
        problems.append(f"{provider}/{name}: python-hcl2 cannot parse: {error}")
        return 0
    resources = []
    for block in parsed.get("resource", []):
        for kind, named in block.items():
            for resource_name, body in named.items():
                resources.append((kind, resource_name, body))
    got = {}
    for kind, resource_name, body in resources:
        if kind not in PROVIDERS[provider]:
            problems.append(f"{provider}/{name}: unexpected resource type {kind}")
            continue
        if provider == "aws":
            rule_id = body["tags"]["portolan-rule"]
            inbound = kind.endswith("ingress_rule")
            cidr = body.get("cidr_ipv4") or body.get("cidr_ipv6")
            got.setdefault(rule_id, []).append((inbound, [cidr]))
        elif provider == "azure":
            rule_id = re.sub(r"-v[46]$", "", body["name"])
            inbound = body["direction"] == "Inbound"
            far = "source" if inbound else "destination"
            cidrs = body.get(f"{far}_address_prefixes") or [body.get(f"{far}_address_prefix")]
            got.setdefault(rule_id, []).append((inbound, cidrs))
            if len(body["description"]) > 140:
                problems.append(f"azure/{name}: description of {rule_id} has {len(body['description'])} characters")
        else:
            rule_id = re.sub(r"-v[46]$", "", body["name"].removeprefix("portolan-"))
            inbound = body["direction"] == "INGRESS"
            cidrs = body.get("source_ranges") if inbound else body.get("destination_ranges")
            got.setdefault(rule_id, []).append((inbound, cidrs))
            if not re.fullmatch(r"[a-z]([-a-z0-9]{0,61}[a-z0-9])?", body["name"]):
                problems.append(f"gcp/{name}: invalid firewall name {body['name']}")
    if provider == "azure":
        priorities = [body["priority"] for _, _, body in resources]
        if len(set(priorities)) != len(priorities) or not all(100 <= p <= 4096 for p in priorities):
            problems.append(f"azure/{name}: priorities not unique within 100...4096")
    if set(got) != set(want):
        problems.append(f"{provider}/{name}: rules emitted {sorted(set(got) ^ set(want))} differ from the expected set")
    for rule_id, (inbound, v4, v6) in want.items():
        blocks = sorted(str(ipaddress.ip_network(c, strict=False)) for _, cs in got.get(rule_id, []) for c in cs)
        if blocks != sorted(str(n) for n in v4 + v6):
            problems.append(f"{provider}/{name}: {rule_id} blocks {blocks} != documented {sorted(map(str, v4 + v6))}")
        if any(i != inbound for i, _ in got.get(rule_id, [])):
            problems.append(f"{provider}/{name}: {rule_id} has the wrong direction")
    if name == "hostile":
        # The names read back exactly once HCL's escapes are undone (AWS's description keeps
        # only the characters AWS accepts, so only the interpolation-like part is compared).
        descriptions = [unescape(body.get("description", "")) for _, _, body in resources]
        whole = '=HYPERLINK("http://x") ${var.secret}' if provider != "aws" else "${var.secret}"
        if not any(whole in d for d in descriptions):
            problems.append(f"{provider}/hostile: the name {whole!r} does not read back from {descriptions}")
        if provider == "aws":
            keys = [body["security_group_id"] for _, _, body in resources]
            if not any('=HYPERLINK(\\"http://x\\") $${var.secret}' in k for k in keys):
                problems.append(f"aws/hostile: the security group key is not the escaped name: {keys}")
    return len(resources)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    binary = os.path.abspath(parser.parse_args().binary)
    try:
        import hcl2
    except ImportError:
        hcl2 = None
        print("SKIPPED: python-hcl2 is not installed (pip install python-hcl2): Terraform syntax not parsed")
    checkov = os.environ.get("CHECKOV") or shutil.which("checkov") or (
        "/opt/portolan-checkov/bin/checkov" if os.path.exists("/opt/portolan-checkov/bin/checkov") else None)
    problems = []
    total = 0
    open_inbound = set()  # resource names whose documented source is the whole internet
    with tempfile.TemporaryDirectory(prefix="portolan-tf-") as work:
        for name, inventory, docs in ALL_CASES:
            sheet = json.loads(run([binary, "firewall", "--format", "json", "--inventory", inventory] + docs))
            for provider in PROVIDERS:
                text = run([binary, "firewall", "--format", f"terraform-{provider}", "--inventory", inventory] + docs)
                again = run([binary, "firewall", "--format", f"terraform-{provider}", "--inventory", inventory] + docs)
                if text != again:
                    problems.append(f"{provider}/{name}: two runs differ")
                folder = os.path.join(work, provider, name)
                os.makedirs(folder)
                with open(os.path.join(folder, "firewall.tf"), "w", encoding="utf-8") as f:
                    f.write(text)
                total += check_file(provider, name, text, sheet, hcl2, problems)
            for rule in sheet["rules"]:
                if any(a in ("0.0.0.0/0", "::/0") for a in rule["source"].get("addresses", [])):
                    open_inbound.add(rule["id"].replace("-", "_"))
        if checkov:
            env = dict(os.environ, BC_SKIP_MAPPING="TRUE")
            r = subprocess.run([checkov, "-d", work, "--framework", "terraform", "-o", "json", "--skip-download"],
                               capture_output=True, text=True, env=env)
            try:
                report = json.loads(r.stdout)
            except json.JSONDecodeError:
                problems.append(f"checkov gave no JSON (exit {r.returncode}): {r.stderr[-1500:]}")
                report = None
            if report is not None:
                report = report[0] if isinstance(report, list) else report
                summary = report["summary"]
                if summary["parsing_errors"] or (hcl2 and summary["resource_count"] != total):
                    problems.append(f"checkov: {summary}; expected {total} resources and no parsing errors")
                for failed in report["results"].get("failed_checks", []):
                    resource = failed["resource"].split(".")[-1]
                    if re.sub(r"_(v[46]|\d+)$", "", resource) in open_inbound:
                        print(f"note: checkov {failed['check_id']} on {failed['resource']} (documented source: the internet): {failed['check_name']}")
                    else:
                        problems.append(f"checkov {failed['check_id']} fails {failed['resource']} in {failed['file_path']}: {failed['check_name']}")
                print(f"checkov: {summary['resource_count']} resources, {summary['passed']} passed, {summary['failed']} failed")
        else:
            print("SKIPPED: checkov is not installed (pip install checkov): Terraform not analysed")
    if problems:
        print(f"FAIL: {len(problems)} problems")
        for p in problems[:60]:
            print("  " + p)
        return 1
    print(f"ok: {total} Terraform resources for {len(ALL_CASES)} cases and 3 providers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
