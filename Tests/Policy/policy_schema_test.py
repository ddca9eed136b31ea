#!/usr/bin/env python3
"""Core NetworkPolicies through `kubernetes-validate --strict`, CiliumNetworkPolicies through
jsonschema against Tests/Policy/cilium-networkpolicy.subset.schema.json, for the seeds and the
made-up Shop product. Also checks the Cilium policy of the Shop's API pod field by field (its
toFQDNs name, its DNS rule, its endpoints and CIDR peers, as the fixture documents them), the
warnings `netpol` prints for the directions it leaves open, and that an invalid address in the
inventory stops `netpol` with its line.
Prints `SKIPPED: ...` on its own line for a check whose tool is missing.
Usage: policy_schema_test.py --binary .build/debug/portolan
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from netpol_nca_test import CASES, run  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    binary = os.path.abspath(parser.parse_args().binary)
    try:
        import jsonschema
    except ImportError:
        jsonschema = None
        print("SKIPPED: jsonschema is not installed (pip install jsonschema): Cilium policies not validated")
    have_kv = subprocess.run([sys.executable, "-c", "import kubernetes_validate"]).returncode == 0
    if not have_kv:
        print("SKIPPED: kubernetes-validate is not installed: core NetworkPolicies not validated")
    schema = json.load(open(os.path.join(HERE, "cilium-networkpolicy.subset.schema.json"), encoding="utf-8"))
    failed = False
    cilium_by_case = {}
    with tempfile.TemporaryDirectory(prefix="portolan-policy-") as work:
        for name, inventory, docs in CASES:
            core = os.path.join(work, f"{name}.yaml")
            cilium = os.path.join(work, f"{name}-cilium.yaml")
            run([binary, "netpol", "--inventory", inventory, "--output", core] + docs)
            run([binary, "netpol", "--cilium", "--inventory", inventory, "--output", cilium] + docs)
            if have_kv:
                r = subprocess.run([sys.executable, "-m", "kubernetes_validate", "--strict", "--quiet", core],
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    print(f"FAIL {name}: kubernetes-validate --strict\n{r.stdout}{r.stderr}")
                    failed = True
            policies = [d for d in yaml.safe_load_all(open(cilium, encoding="utf-8")) if d]
            cilium_by_case[name] = policies
            if jsonschema:
                validator = jsonschema.Draft202012Validator(schema)
                for policy in policies:
                    errors = sorted(validator.iter_errors(policy), key=lambda e: list(e.path))
                    for error in errors:
                        print(f"FAIL {name}: {policy['metadata']['name']}: {list(error.path)}: {error.message}")
                        failed = True
            # The schema must reject what Cilium would not accept: an unknown field, a number port.
            if jsonschema and policies:
                bad = json.loads(json.dumps(policies[0]))
                bad["spec"]["egress"][0]["toFQDN"] = [{"matchName": "x.example"}]
                if validator.is_valid(bad):
                    print(f"FAIL {name}: the schema accepts an unknown field 'toFQDN'")
                    failed = True
            print(f"ok {name}: {len(policies)} CiliumNetworkPolicies")
    # The CLI says, at the inventory entry's line, which direction of which pod is left open and why.
    name, inventory, docs = CASES[1]
    r = subprocess.run([binary, "netpol", "--inventory", inventory] + docs, capture_output=True, text=True)
    warnings = [l for l in r.stderr.splitlines() if ": warning: NetworkPolicy for" in l]
    want_warnings = [
        f"{inventory}:9:1: warning: NetworkPolicy for 'Orders Service': egress left unrestricted: 'Legacy ERP' (fw-fcb63b2a) has no address or namespace in the inventory",
        f"{inventory}:6:1: warning: NetworkPolicy for 'Shop API': egress left unrestricted: 'Payments Gateway' (fw-a9d58a91) has host names (pay.example.com), which a NetworkPolicy cannot match; see the CiliumNetworkPolicy",
    ]
    if r.returncode != 0 or warnings != want_warnings:
        print(f"FAIL allkinds: netpol exit {r.returncode}, warnings:\n" + "\n".join(warnings))
        failed = True
    # An invalid address in the inventory stops netpol with the line of the address.
    with tempfile.TemporaryDirectory(prefix="portolan-bad-") as work:
        bad = os.path.join(work, "inventory.yaml")
        text = open(inventory, encoding="utf-8").read().replace("addresses: [10.40.0.0/24]", "addresses: [10.40.0.0/33]")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(text)
        line = text.splitlines().index("    addresses: [10.40.0.0/33]") + 1
        r = subprocess.run([binary, "netpol", "--inventory", bad] + docs, capture_output=True, text=True)
        want = f"{bad}:{line}:17: error: invalid address: prefix length '/33' of '10.40.0.0/33' is not between 0 and 32"
        if r.returncode != 1 or want not in r.stderr.splitlines():
            print(f"FAIL: an invalid address gives exit {r.returncode} and:\n{r.stderr[-1500:]}")
            failed = True
    shop = cilium_by_case["allkinds"]
    # The Shop: only the API reaches a peer by host name (Payments Gateway, pay.example.com).
    if [p["metadata"]["name"] for p in shop] != ["portolan-shop-api-egress"]:
        print(f"FAIL allkinds: want one Cilium policy for Shop API, got {[p['metadata']['name'] for p in shop]}")
        return 1
    spec = shop[0]["spec"]
    if spec["endpointSelector"] != {"matchLabels": {"app": "api"}}:
        print(f"FAIL allkinds: endpointSelector {spec['endpointSelector']}")
        failed = True
    egress = spec["egress"]
    # Sheet order: perimeter rules (#4 payments, #9 cache) before intra-cluster (#2 orders), then DNS.
    want = [
        {"toFQDNs": [{"matchName": "pay.example.com"}], "toPorts": [{"ports": [{"port": "443", "protocol": "TCP"}]}]},
        {"toCIDR": ["10.9.0.7/32", "2001:db8::7/128"], "toPorts": [{"ports": [{"port": "6379", "protocol": "TCP"}]}]},
        {"toEndpoints": [{"matchLabels": {"app": "orders", "k8s:io.kubernetes.pod.namespace": "shop"}}],
         "toPorts": [{"ports": [{"port": "9090", "protocol": "TCP"}]}]},
        {"toEndpoints": [{"matchLabels": {"k8s-app": "kube-dns", "k8s:io.kubernetes.pod.namespace": "kube-system"}}],
         "toPorts": [{"ports": [{"port": "53", "protocol": "UDP"}, {"port": "53", "protocol": "TCP"}],
                      "rules": {"dns": [{"matchPattern": "*"}]}}]},
    ]
    if egress != want:
        print("FAIL allkinds: the Shop API's Cilium egress is not what the fixture documents:")
        print(json.dumps(egress, indent=1))
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
