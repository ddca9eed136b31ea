import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel
import Testing

/// NetworkPolicies per placed pod: every documented flow of the pod allowed both ways, DNS
/// always, a direction with a peer no policy can match left without a policy. Checked by
/// kubernetes-validate (offline schemas) and read back by PyYAML; network-config-analyzer checks
/// the connectivity in Tests/Policy/netpol_nca_test.py.
struct NetworkPolicyTests {
    /// A small product: a pod talking to a pod in another namespace (UDP range), to a database by
    /// CIDR, to an API by host name, and to a service with no address; a pod nobody calls.
    static func media() -> (FirewallSheet, Inventory) {
        let connections = [
            Connection(number: "1", source: "MCP", destination: "Media Gateway", protocol: "RTP/RTCP",
                       ports: PortSpec(ranges: [PortRange(20000, 45000)]), classification: "Intra-cluster", description: "RTP", line: 1),
            Connection(number: "2", source: "MCP", destination: "PostgreSQL", protocol: "TCP",
                       ports: PortSpec(ranges: [PortRange(5432)]), classification: "Egress", description: "db", line: 2),
            Connection(number: "3", source: "Media Gateway", destination: "Speech API", protocol: "HTTPS",
                       ports: PortSpec(ranges: [PortRange(443)]), classification: "Egress", description: "asr", line: 3),
            Connection(number: "4", source: "Billing", destination: "MCP", protocol: "HTTP",
                       ports: PortSpec(ranges: [PortRange(8080)]), classification: "Intra-cluster", description: "cdr", line: 4),
        ]
        let product = Products.group(Model(documents: [Document(path: "m.md", subject: "Media", connections: connections)]))[0]
        let inventory = Inventory(entries: [
            Inventory.Entry(name: "MCP", namespace: "gvp", podLabels: ["app": "mcp"]),
            Inventory.Entry(name: "Media Gateway", namespace: "media", podLabels: ["app": "gw"]),
            Inventory.Entry(name: "PostgreSQL", addresses: ["10.40.0.9/24"]),
            Inventory.Entry(name: "Speech API", addresses: ["asr.example.com"]),
        ], dns: Inventory.DNS(namespace: "dns", podLabels: ["app": "coredns"]))
        return (FirewallRules.derive([product], inventory: inventory), inventory)
    }

    @Test func everyDocumentedFlowOfAPlacedPodIsAllowedAndOpenDirectionsSaySo() throws {
        let (sheet, inventory) = Self.media()
        let pods = PodPolicies.plan(sheet)
        #expect(pods.map(\.name) == ["MCP", "Media Gateway"])
        let mcp = pods[0], gateway = pods[1]
        // MCP: ingress from Billing, which has no address: left open; egress restricted to the gateway and the database.
        #expect(!mcp.ingress.isRestricted)
        #expect(mcp.ingress.openBecause == ["'Billing' (\(sheet.rules[3].id)) has no address or namespace in the inventory"])
        #expect(mcp.egress.isRestricted)
        #expect(mcp.egress.peers.map(\.name) == ["PostgreSQL", "Media Gateway"])
        #expect(mcp.egress.peers[0].cidrs == ["10.40.0.0/24"])
        // The gateway: ingress from MCP only; egress to a host name: open for core policies, Cilium can.
        #expect(gateway.ingress.isRestricted && gateway.ingress.peers.map(\.name) == ["MCP"])
        #expect(gateway.egress.needsCilium)
        let yaml = NetworkPolicies.render(sheet, dns: inventory.dns)
        #expect(yaml.components(separatedBy: "kind: NetworkPolicy").count - 1 == 2)
        #expect(yaml.contains("name: \"portolan-mcp-egress\""))
        #expect(yaml.contains("name: \"portolan-media-gateway-ingress\""))
        #expect(!yaml.contains("portolan-mcp-ingress") && !yaml.contains("portolan-media-gateway-egress"))
        #expect(yaml.contains("    - ipBlock:\n        cidr: \"10.40.0.0/24\"\n    ports:\n    - protocol: \"TCP\"\n      port: 5432\n"))
        #expect(yaml.contains("    ports:\n    - protocol: \"UDP\"\n      port: 20000\n      endPort: 45000\n"))
        // DNS with the inventory's namespace and labels, UDP and TCP 53.
        #expect(yaml.contains("""
          # cluster DNS
          - to:
            - namespaceSelector:
                matchLabels:
                  "kubernetes.io/metadata.name": "dns"
              podSelector:
                matchLabels:
                  "app": "coredns"
            ports:
            - protocol: "UDP"
              port: 53
            - protocol: "TCP"
              port: 53

        """))
        #expect(yaml.contains("#     - 'Billing' (\(sheet.rules[3].id)) has no address or namespace in the inventory\n"))
        let diagnostics = PodPolicies.diagnostics(pods, inventory: inventory)
        #expect(diagnostics.count == 2)
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.code == "policy-unrestricted" })
    }

    @Test func aPodWithNoDocumentedIngressGetsADenyAllIngress() {
        let product = Products.group(Model(documents: [Document(path: "j.md", subject: "Jobs", connections: [
            Connection(number: "1", source: "Job", destination: "API", protocol: "HTTP", ports: PortSpec(ranges: [PortRange(80)]),
                       classification: "Intra-cluster", description: "", line: 1),
        ])]))[0]
        let inventory = Inventory(entries: [Inventory.Entry(name: "Job", namespace: "j", podLabels: ["app": "job"]),
                                            Inventory.Entry(name: "API", namespace: "j", podLabels: ["app": "api"])])
        let yaml = NetworkPolicies.render(FirewallRules.derive([product], inventory: inventory))
        #expect(yaml.contains("name: \"portolan-job-ingress\""))
        #expect(yaml.contains("  - \"Ingress\"\n  ingress: []\n"))
    }

    @Test func ciliumPolicyNamesHostsAndTheDNSRule() {
        let (sheet, inventory) = Self.media()
        let yaml = CiliumPolicies.render(sheet, dns: inventory.dns)
        #expect(CiliumPolicies.pods(sheet).map(\.name) == ["Media Gateway"])
        #expect(yaml.contains("kind: CiliumNetworkPolicy"))
        #expect(yaml.contains("  - toFQDNs:\n    - matchName: \"asr.example.com\"\n    toPorts:\n    - ports:\n      - port: \"443\"\n        protocol: \"TCP\"\n"))
        #expect(yaml.contains("\"k8s:io.kubernetes.pod.namespace\": \"dns\""))
        #expect(yaml.contains("      rules:\n        dns:\n        - matchPattern: \"*\"\n"))
    }

    static let script = """
    import json, subprocess, sys, yaml
    path, expected_path = sys.argv[1], sys.argv[2]
    r = subprocess.run([sys.executable, '-m', 'kubernetes_validate', '--strict', '--quiet', path], capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stdout, r.stderr); sys.exit(1)
    docs = [d for d in yaml.safe_load_all(open(path, encoding='utf-8')) if d is not None]
    got = []
    for d in docs:
        assert d['kind'] == 'NetworkPolicy'
        got.append([d['metadata']['annotations']['portolan/component'], d['spec']['policyTypes'][0]])
    expected = json.load(open(expected_path, encoding='utf-8'))
    if got != expected:
        for g, e in zip(got, expected):
            if g != e: print('yaml', repr(g)); print('want', repr(e)); break
        print(len(got), len(expected)); sys.exit(1)
    print('docs', len(docs))
    """

    @Test(.enabled(if: Python.has("kubernetes_validate"), "needs kubernetes-validate: pip install kubernetes-validate"))
    func policiesValidateAndNamesReadBackExactly() throws {
        let cases: [(String, FirewallSheet)] = [
            ("seeds", FirewallRules.derive(try TableSeeds.products(), inventory: try TableSeeds.inventory())),
            ("hostile", FirewallRules.derive([TableSeeds.hostileProduct()], inventory: TableSeeds.hostileInventory())),
            ("media", Self.media().0),
        ]
        for (name, sheet) in cases {
            let folder = try Python.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = folder.appendingPathComponent("\(name).yaml"), expected = folder.appendingPathComponent("\(name).json")
            try Data(NetworkPolicies.render(sheet).utf8).write(to: url)
            // Each pod's ingress policy, then its egress policy, when restricted; names exactly as written.
            let pods = PodPolicies.plan(sheet)
            var want: [[String]] = []
            for pod in pods {
                if pod.ingress.isRestricted { want.append([pod.name, "Ingress"]) }
                if pod.egress.isRestricted { want.append([pod.name, "Egress"]) }
            }
            try JSONEncoder().encode(want).write(to: expected)
            #expect(want.count > 0, "\(name)")
            let result = try Python.run(["-c", Self.script, url.path, expected.path])
            #expect(result.status == 0, "\(name): \(result.output)")
            #expect(result.output.contains("docs \(want.count)"), "\(name): \(result.output)")
        }
    }
}
