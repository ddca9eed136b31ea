#!/usr/bin/env python3
"""NetworkPolicies checked by a real analyser, network-config-analyzer (`nca`), offline.

For each case (the seeds in Input/, and the made-up Shop product with every kind of peer) it
runs `portolan netpol` and `portolan firewall --format json`, makes one pod per inventory entry
that has a namespace and pod labels (plus a cluster DNS pod), asks nca for the connectivity the
policies allow, and asserts:
  1. every documented flow between two placed pods is allowed on its protocol and port(s)
     (all connections when the document gives no transport or port);
  2. every documented flow from a placed pod to a CIDR block is allowed on its port;
  3. nothing else is allowed between pods, except DNS (port 53 to the DNS pod) and traffic
     whose source pod's egress AND destination pod's ingress are both left unrestricted
     (the policies say so: no policy of that type selects the pod);
  4. a pod whose egress (ingress) a policy restricts reaches (is reached from) only the
     documented CIDR blocks outside the cluster, on the documented ports.

Prints `SKIPPED: ...` on its own line and exits 0 when nca is not installed.
Usage: netpol_nca_test.py --binary .build/debug/portolan
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

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CASES = [
    ("seeds", os.path.join(ROOT, "Input", "inventory.yaml"), [os.path.join(ROOT, "Input")]),
    ("allkinds", os.path.join(HERE, "fixtures", "allkinds", "inventory.yaml"),
     [os.path.join(HERE, "fixtures", "allkinds", "shop.md")]),
]
ALL = "all"


def run(cmd):
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"FAIL: {' '.join(cmd)} exited {result.returncode}\n{result.stderr[-2000:]}")
    return result.stdout


def key(name):
    """Portolan's name matching: case and punctuation ignored."""
    return re.sub(r"[^0-9a-z]+", "", name.lower())


def resources(inventory):
    """Namespaces and one pod per placed inventory entry, plus the DNS pod."""
    dns = inventory.get("dns") or {}
    dns_ns = dns.get("namespace", "kube-system")
    dns_labels = dns.get("podLabels", {"k8s-app": "kube-dns"})
    pods = {}  # entry name -> (namespace, pod name, labels)
    for index, (name, entry) in enumerate((inventory.get("components") or {}).items()):
        entry = entry or {}
        if entry.get("namespace") and entry.get("podLabels"):
            pods[name] = (entry["namespace"], f"pod-{index}", entry["podLabels"])
    namespaces = sorted({ns for ns, _, _ in pods.values()} | {dns_ns})
    items = [{"apiVersion": "v1", "kind": "Namespace",
              "metadata": {"name": ns, "labels": {"kubernetes.io/metadata.name": ns}}} for ns in namespaces]
    for ns, pod, labels in list(pods.values()) + [(dns_ns, "cluster-dns", dns_labels)]:
        items.append({"apiVersion": "v1", "kind": "Pod",
                      "metadata": {"name": pod, "namespace": ns, "labels": labels},
                      "spec": {"containers": [{"name": "c", "image": "example"}]}})
    return {"apiVersion": "v1", "kind": "List", "items": items}, pods, f"{dns_ns}/cluster-dns"


def parse_connections(text):
    """nca's connection text -> set of (protocol, low, high), or {ALL}."""
    text = text.strip()
    if text == "All connections":
        return {ALL}
    if text == "No connections":
        return set()
    out = set()
    for group in re.findall(r"\{([^}]*)\}", text):
        protocols, _, ports = group.partition(",dst_ports:")
        protocols = [p.strip() for p in protocols.replace("protocols:", "").split(",")]
        ranges = [(0, 65535)] if not ports else [
            (int(p.split("-")[0]), int(p.split("-")[-1])) for p in ports.split(",")]
        for protocol in protocols:
            for low, high in ranges:
                out.add((protocol, low, high))
    if not out:
        raise SystemExit(f"FAIL: cannot read nca connection text {text!r}")
    return out


def covers(allowed, protocol, low, high):
    """True when the allowed set contains every port low...high of the protocol (any protocol if None)."""
    if ALL in allowed:
        return True
    if protocol is None:
        return False
    ports = set()
    for p, a, b in allowed:
        if p == protocol:
            ports.update(range(a, b + 1))
    return all(port in ports for port in range(low, high + 1))


def within(allowed, documented):
    """True when every allowed (protocol, port) is documented."""
    if ALL in documented:
        return True
    if ALL in allowed:
        return False
    for protocol, low, high in allowed:
        if not covers(documented, protocol, low, high):
            return False
    return True


def check(name, binary, inventory_path, docs, nca):
    work = tempfile.mkdtemp(prefix=f"portolan-nca-{name}-")
    try:
        policies = os.path.join(work, "policies.yaml")
        run([binary, "netpol", "--inventory", inventory_path, "--output", policies] + docs)
        sheet = json.loads(run([binary, "firewall", "--format", "json", "--inventory", inventory_path] + docs))
        inventory = yaml.safe_load(open(inventory_path, encoding="utf-8"))
        res, pods, dns_pod = resources(inventory)
        res_path = os.path.join(work, "resources.yaml")
        with open(res_path, "w", encoding="utf-8") as f:
            yaml.safe_dump(res, f)
        pod_of = {key(n): f"{ns}/{pod}" for n, (ns, pod, _) in pods.items()}
        for n, entry in (inventory.get("components") or {}).items():
            for alias in (entry or {}).get("aliases", []):
                if key(n) in pod_of:
                    pod_of.setdefault(key(alias), pod_of[key(n)])

        # Which pods a policy of each type selects (read from the YAML, not from Portolan's words).
        restricted = {"Ingress": set(), "Egress": set()}
        docs_yaml = [d for d in yaml.safe_load_all(open(policies, encoding="utf-8")) if d]
        for d in docs_yaml:
            component = d["metadata"]["annotations"]["portolan/component"]
            for kind in d["spec"]["policyTypes"]:
                restricted[kind].add(pod_of[key(component)])

        # Documented flows: pod -> pod and pod -> CIDR, with (protocol, low, high) or ALL.
        documented = {}
        to_cidr = []
        from_cidr = []
        def ends(endpoint):
            return pod_of.get(key(endpoint.get("inventoryName") or endpoint["name"]))
        for rule in sheet["rules"]:
            proto = rule.get("transport")
            port = rule.get("port")
            flow = (proto, port["from"], port["to"]) if proto and port else ALL
            src, dst = ends(rule["source"]), ends(rule["destination"])
            if src and dst:
                documented.setdefault((src, dst), set()).add(flow)
            if src and not rule["destination"].get("namespace"):
                for address in rule["destination"].get("addresses", []):
                    try:
                        net = ipaddress.ip_network(address, strict=False)
                    except ValueError:
                        continue  # a host name: the core policy leaves this egress open
                    to_cidr.append((src, net, flow, rule["id"]))
            if dst and not rule["source"].get("namespace"):
                for address in rule["source"].get("addresses", []):
                    try:
                        from_cidr.append((dst, ipaddress.ip_network(address, strict=False), flow))
                    except ValueError:
                        continue

        out = subprocess.run([nca, "--connectivity", policies, "--resource_list", res_path,
                              "--output_format", "txt_no_fw_rules", "--print_ipv6"], capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit(f"FAIL {name}: nca exited {out.returncode}\n{out.stderr[-2000:]}")
        allowed = {}   # (src pod, dst pod) -> set
        to_ips = {}    # src pod -> [(first ip, last ip, set)]
        from_ips = {}  # dst pod -> [(first ip, last ip, set)]
        line_re = re.compile(r"^(\S+?)(\[Pod\])? => (\S+?)(\[Pod\])? : (.*)$")
        for line in out.stdout.splitlines():
            m = line_re.match(line)
            if not m:
                continue
            src, src_pod, dst, dst_pod, conn = m.groups()
            if src_pod and dst_pod:
                allowed.setdefault((src, dst), set()).update(parse_connections(conn))
            elif src_pod and not dst_pod:
                first, _, last = dst.partition("-")
                to_ips.setdefault(src, []).append((ipaddress.ip_address(first), ipaddress.ip_address(last or first),
                                                   parse_connections(conn)))
            elif dst_pod and not src_pod:
                first, _, last = src.partition("-")
                from_ips.setdefault(dst, []).append((ipaddress.ip_address(first), ipaddress.ip_address(last or first),
                                                     parse_connections(conn)))
        failures = []
        checked = 0
        for (src, dst), flows in documented.items():
            got = allowed.get((src, dst), set())
            for flow in flows:
                checked += 1
                ok = covers(got, None, 0, 0) if flow == ALL else covers(got, *flow)
                if flow == ALL and ALL not in got:
                    ok = False
                if not ok:
                    failures.append(f"documented {src} -> {dst} {flow} is not allowed (nca: {sorted(map(str, got))})")
        for src, net, flow, rule_id in to_cidr:
            checked += 1
            ranges = to_ips.get(src, [])
            def allowed_at(address):
                return [c for a, b, c in ranges if a.version == address.version and a <= address <= b]
            for address in (net[0], net[-1]):
                sets = allowed_at(address)
                ok = any(ALL in c if flow == ALL else covers(c, *flow) for c in sets)
                if not ok:
                    failures.append(f"documented {src} -> {net} {flow} ({rule_id}) is not allowed at {address}")
        extra = 0
        for (src, dst), got in allowed.items():
            if src == dst:
                continue
            if src not in restricted["Egress"] and dst not in restricted["Ingress"]:
                continue  # both directions left open on purpose (the policy comments say why)
            want = set(documented.get((src, dst), set()))
            if dst == dns_pod:
                want |= {("UDP", 53, 53), ("TCP", 53, 53)}
            if not within(got, want):
                extra += 1
                failures.append(f"undocumented {src} -> {dst} allowed: {sorted(map(str, got))}, documented {sorted(map(str, want))}")
        # Addresses outside the cluster: a pod whose egress (ingress) a policy restricts reaches
        # (is reached from) only documented blocks, on documented ports.
        def undocumented_ips(pod, ranges, flows_by_net, label):
            for first, last, conns in ranges:
                want = set()
                for net, flow in flows_by_net:
                    if first.version == net.version and net[0] <= first and last <= net[-1]:
                        want.add(flow)
                if not within(conns, want):
                    failures.append(f"undocumented {label} {pod} {first}-{last} allowed: {sorted(map(str, conns))}")
        for pod, ranges in to_ips.items():
            if pod in restricted["Egress"]:
                undocumented_ips(pod, ranges, [(n, f) for s, n, f, _ in to_cidr if s == pod], "egress from")
        for pod, ranges in from_ips.items():
            if pod in restricted["Ingress"]:
                undocumented_ips(pod, ranges, [(n, f) for d, n, f in from_cidr if d == pod], "ingress to")
        if checked == 0 or not docs_yaml:
            failures.append("nothing was checked: no documented flow between placed pods, or no policy")
        if failures:
            print(f"FAIL {name}: {len(failures)} problems")
            for f in failures[:40]:
                print("  " + f)
            return False
        print(f"ok {name}: {len(docs_yaml)} policies, {len(pods)} pods; {checked} documented flows allowed; "
              f"{len(allowed)} allowed pod pairs all documented, DNS, or both ends open")
        return True
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    nca = shutil.which("nca")
    if not nca:
        print("SKIPPED: network-config-analyzer (nca) is not installed: pip install network-config-analyzer")
        return 0
    binary = os.path.abspath(args.binary)
    ok = all([check(name, binary, inv, docs, nca) for name, inv, docs in CASES])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
