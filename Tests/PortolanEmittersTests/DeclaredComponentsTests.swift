import PortolanAnalysis
import PortolanEmitters
import PortolanModel
import PortolanReaders
import Testing

/// A YAML model's `components:` win over what Portolan infers, in every output: the diagram's
/// kinds and groups, the listening-ports table, the firewall sheet, the NetworkPolicies and lint.
/// Each test reads the same model with and without its `components:` list, and checks both:
/// without it Portolan infers (so the declarations are what changes the result).
@Suite struct DeclaredComponentsTests {
    static let connections = """
        portolan: 1
        documents:
          - subject: Billing
            connections:
              - {number: 1, source: Billing API, destination: Payments Hub, protocol: HTTPS, port: 443, classification: Intra-cluster, description: Charges cards.}
              - {number: 2, source: Billing API, destination: Ledger, protocol: TCP, port: 7000, classification: Egress, description: Writes entries.}
              - {number: 3, source: Billing API, destination: Billing Worker, protocol: TCP, port: 9000, classification: Intra-cluster, description: Queues jobs.}
              - {number: 4, source: Session Redis, destination: Ledger Store, protocol: TCP, port: 7001, classification: Egress, description: Reads balances.}
              - {number: 5, source: Billing Gateway, destination: Billing API, protocol: HTTPS, port: 8443, classification: Ingress, description: Public API.}
        """
    static let components = """

        components:
          - {name: Payments Hub, kind: external}
          - {name: Ledger, kind: datastore, aliases: [Ledger Store]}
          - {name: Session Redis, kind: workload}
          - {name: Billing Gateway, kind: external}
        """

    static func products(declared: Bool) -> [Product] {
        let read = YAMLModelReader.read(path: "billing.yaml", text: SourceText(text: connections + (declared ? components : "")))
        #expect(read.documents.flatMap(\.diagnostics).isEmpty)
        return Products.group(Model(documents: read.documents, components: read.components))
    }

    static func graph(declared: Bool) -> ComponentGraph {
        let products = products(declared: declared)
        return ComponentGraphs.product(products[0], among: products, aliases: AliasTable())
    }

    static func describe(_ graph: ComponentGraph) -> [String] {
        graph.nodes.map { node in
            let placement: String = switch node.placement {
            case .owned(let slug): "owned \(slug)"
            case .infrastructure: "infrastructure"
            case .external(let side): "external \(side.rawValue)"
            case .peer: "peer"
            }
            return "\(node.name): \(node.kind.rawValue), \(placement)" + (node.otherNames.isEmpty ? "" : " (\(node.otherNames.joined(separator: ", ")))")
        }
    }

    @Test func diagramKindsAndGroupsFollowTheDeclarations() {
        #expect(Self.describe(Self.graph(declared: false)) == [
            "Billing API: workload, owned billing",
            "Payments Hub: workload, peer",
            "Ledger: workload, peer",
            "Billing Worker: workload, owned billing",
            "Session Redis: datastore, infrastructure",
            "Ledger Store: workload, peer",
            "Billing Gateway: workload, owned billing",
        ])
        #expect(Self.describe(Self.graph(declared: true)) == [
            "Billing API: workload, owned billing",
            "Payments Hub: external, external egress",
            "Ledger: datastore, infrastructure (Ledger Store)",
            "Billing Worker: workload, owned billing",
            "Session Redis: workload, owned billing",
            "Billing Gateway: external, external ingress",
        ])
    }

    @Test func dotDrawsADeclaredExternalOutsideTheCluster() {
        let before = ConnectionDiagram.dot(Self.graph(declared: false))
        let after = ConnectionDiagram.dot(Self.graph(declared: true))
        #expect(before.contains("\"node-payments-hub\" [id=\"node-payments-hub\" class=\"component workload peer\""))
        #expect(after.contains("\"node-payments-hub\" [id=\"node-payments-hub\" class=\"component external external egress\""))
        #expect(after.contains("\"node-ledger\" [id=\"node-ledger\" class=\"component datastore infrastructure\""))
        #expect(!after.contains("node-ledger-store"))
    }

    @Test func listeningPortsMergeDeclaredAliases() {
        let listening = ConnectionTables.listeningPorts(Self.products(declared: true)[0])
        #expect(listening.first { $0.destination == "Ledger" }?.ports == ["TCP 7000", "TCP 7001"])
        #expect(listening.first { $0.destination == "Ledger" }?.connections == ["2", "4"])
        #expect(!listening.contains { $0.destination == "Ledger Store" })
        let inferred = ConnectionTables.listeningPorts(Self.products(declared: false)[0])
        #expect(inferred.map(\.destination) == ["Payments Hub", "Ledger", "Billing Worker", "Ledger Store", "Billing API"])
    }

    @Test func firewallPutsADeclaredExternalAtThePerimeter() {
        func rule(_ declared: Bool) -> FirewallRule? {
            FirewallRules.derive(Self.products(declared: declared)).rules.first { $0.destination.name == "Payments Hub" }
        }
        #expect(rule(false)?.section == .intraCluster)
        #expect(rule(false)?.destination.zone == "cluster")
        #expect(rule(true)?.section == .perimeter)
        #expect(rule(true)?.destination.zone == "external")
        #expect(rule(true)?.source.zone == "cluster")
        // The other intra-cluster flow stays where it was.
        let worker = FirewallRules.derive(Self.products(declared: true)).rules.first { $0.destination.name == "Billing Worker" }
        #expect(worker?.section == .intraCluster)
    }

    @Test func aFlowToADeclaredExternalLeavesTheClusterByItsAddress() {
        let (inventory, problems) = Inventory.parse("""
            components:
              Billing API: {namespace: billing, podLabels: {app: billing-api}}
              Billing Worker: {namespace: billing, podLabels: {app: billing-worker}}
              Payments Hub: {addresses: [203.0.113.0/24]}
              Ledger: {addresses: [198.51.100.7/32]}
            """)
        #expect(problems.isEmpty)
        func egress(_ declared: Bool) -> String {
            let text = NetworkPolicies.render(FirewallRules.derive(Self.products(declared: declared), inventory: inventory))
            guard let start = text.range(of: "name: \"portolan-billing-api-egress\"") else { return "" }
            let rest = text[start.upperBound...]
            return String(rest[..<(rest.range(of: "\n---")?.lowerBound ?? rest.endIndex)])
        }
        // Declared external: Billing API reaches the hub by its address block, on 443 only.
        let declared = egress(true)
        #expect(declared.contains("cidr: \"203.0.113.0/24\""))
        #expect(declared.contains("port: 443"))
        // The worker stays an in-cluster peer by its pod selector either way.
        #expect(declared.contains("\"app\": \"billing-worker\""))
        #expect(egress(false).contains("\"app\": \"billing-worker\""))
    }

    @Test func lintUsesTheDeclaredKinds() {
        func reversed(_ declared: Bool) -> [String] {
            Linter.run(Self.products(declared: declared)).findings.filter { $0.rule == "ReversedDirection" }.map { "#\($0.connection ?? ""): \($0.message)" }
        }
        let before = reversed(false)
        let after = reversed(true)
        // Inferred: Session Redis is a datastore by its name, so an Egress row starting there is reversed.
        #expect(before.contains { $0.hasPrefix("#4: ") && $0.contains("'Session Redis' is a datastore") })
        #expect(!before.contains { $0.hasPrefix("#1: ") })
        // Declared: Session Redis is a workload (no finding); Payments Hub is outside, so an
        // Intra-cluster row to it should be Egress.
        #expect(!after.contains { $0.hasPrefix("#4: ") })
        #expect(after.contains { $0.hasPrefix("#1: ") && $0.contains("'Payments Hub' is outside the platform") })
    }
}
