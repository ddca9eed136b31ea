import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel
import Testing

/// NetworkPolicies checked by kubernetes-validate (offline schemas) and read back by PyYAML.
/// Needs `pip install kubernetes-validate` (it brings PyYAML); disabled without it.
struct NetworkPolicyTests {
    @Test func seedPoliciesCoverThePlacedIntraClusterRules() throws {
        let sheet = FirewallRules.derive(try TableSeeds.products(), inventory: try TableSeeds.inventory())
        let (rules, skipped) = NetworkPolicies.plan(sheet)
        #expect(rules.count + skipped.count == sheet.rules(in: .intraCluster).count)
        // Voice 51: SIP Cluster -> SIP Proxy, SIP/TCP 5080, both placed in namespace voice.
        let sip = try #require(rules.first { $0.references.contains { $0.product == "Voice Microservices" && $0.connection == "51" } })
        let yaml = NetworkPolicies.render(sheet)
        #expect(yaml.contains("name: \"portolan-\(sip.id)-ingress\""))
        #expect(yaml.contains("name: \"portolan-\(sip.id)-egress\""))
        // Voice 24 has no known port and gets no policy.
        let objectStorage = try #require(sheet.rules.first { $0.references.contains { $0.product == "Voice Microservices" && $0.connection == "24" } })
        #expect(skipped.contains { $0.ruleID == objectStorage.id && $0.reason == "port not known" })
    }

    @Test func udpRangeUsesEndPort() {
        let media = Products.group(Model(documents: [Document(path: "m.md", subject: "Media", connections: [
            Connection(number: "1", source: "MCP", destination: "Media Gateway", protocol: "RTP/RTCP",
                       ports: PortSpec(ranges: [PortRange(20000, 45000)]), classification: "Intra-cluster", description: "RTP", line: 1),
        ])]))[0]
        let inventory = Inventory(entries: [
            Inventory.Entry(name: "MCP", namespace: "gvp", podLabels: ["app": "mcp"]),
            Inventory.Entry(name: "Media Gateway", namespace: "media", podLabels: ["app": "gw"]),
        ])
        let yaml = NetworkPolicies.render(FirewallRules.derive([media], inventory: inventory))
        #expect(yaml.contains("    - protocol: \"UDP\"\n      port: 20000\n      endPort: 45000\n"))
        #expect(yaml.components(separatedBy: "kind: NetworkPolicy").count - 1 == 2)
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
        a = d['metadata']['annotations']
        got.append([a['portolan/rule'], a['portolan/source'], a['portolan/destination']])
    expected = json.load(open(expected_path, encoding='utf-8'))
    if got != expected:
        for g, e in zip(got, expected):
            if g != e: print('yaml', repr(g)); print('want', repr(e)); break
        sys.exit(1)
    print('docs', len(docs))
    """

    @Test(.enabled(if: Python.has("kubernetes_validate"), "needs kubernetes-validate: pip install kubernetes-validate"))
    func policiesValidateAndNamesReadBackExactly() throws {
        let cases: [(String, FirewallSheet)] = [
            ("seeds", FirewallRules.derive(try TableSeeds.products(), inventory: try TableSeeds.inventory())),
            ("hostile", FirewallRules.derive([TableSeeds.hostileProduct()], inventory: TableSeeds.hostileInventory())),
        ]
        for (name, sheet) in cases {
            let folder = try Python.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = folder.appendingPathComponent("\(name).yaml"), expected = folder.appendingPathComponent("\(name).json")
            try Data(NetworkPolicies.render(sheet).utf8).write(to: url)
            // Each rule gives its ingress policy, then its egress policy; names exactly as written.
            let (rules, _) = NetworkPolicies.plan(sheet)
            let want = rules.flatMap { rule in Array(repeating: [rule.id, rule.source.name, rule.destination.name], count: 2) }
            try JSONEncoder().encode(want).write(to: expected)
            #expect(rules.count > 0)
            let result = try Python.run(["-c", Self.script, url.path, expected.path])
            #expect(result.status == 0, "\(name): \(result.output)")
            #expect(result.output.contains("docs \(rules.count * 2)"), "\(name): \(result.output)")
        }
    }
}
