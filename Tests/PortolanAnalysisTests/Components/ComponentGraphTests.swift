import PortolanAnalysis
import PortolanModel
import Testing

/// Where each seed component is drawn, as established by reading the documents.
struct ComponentGraphTests {
    func graph(_ name: String) throws -> ComponentGraph {
        ComponentGraphs.product(try ComponentSeeds.product(name), among: try ComponentSeeds.products(),
                                aliases: try ComponentSeeds.aliases())
    }

    func placements(_ graph: ComponentGraph) -> [String: ComponentGraph.Placement] {
        Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.name, $0.placement) })
    }

    @Test func oneEdgePerConnectionInTableOrder() throws {
        for product in try ComponentSeeds.products() {
            let graph = ComponentGraphs.product(product, among: try ComponentSeeds.products(), aliases: try ComponentSeeds.aliases())
            #expect(graph.edges.map(\.connection.number) == product.connections.map(\.number))
            #expect(graph.edges.map(\.id) == product.connections.map { "conn-\($0.number)" })
        }
        let counts = try ComponentSeeds.products().map { ($0.name, $0.connections.count) }
        #expect(counts.map(\.1) == [13, 27, 60, 22])
    }

    @Test func edgesReadTheirRowsFromTheDocumentsAndCanBeChanged() throws {
        let products = try ComponentSeeds.products()
        let platform = ComponentGraphs.platform(products, aliases: try ComponentSeeds.aliases())
        let rows = products.flatMap { product in product.documents.flatMap { document in document.connections.map { (document.path, $0) } } }
        #expect(platform.edges.count == 122)
        #expect(platform.edges.map(\.connection) == rows.map(\.1))
        #expect(platform.edges.map(\.document) == rows.map(\.0))
        // A changed row is the edge's own; the graph it came from keeps the document's.
        var edge = platform.edges[4]
        edge.connection.description = "changed"
        #expect(edge.connection.description == "changed")
        #expect(edge.connection.number == platform.edges[4].connection.number)
        #expect(platform.edges[4].connection == rows[4].1)
        #expect(edge != platform.edges[4])
    }

    @Test func cxContactBoundaries() throws {
        let graph = try graph("CX Contact")
        let placement = placements(graph)
        for own in ["CX Contact", "CXC Front-end Ingress", "List Builder", "Job Scheduler", "User Interface (UI)",
                    "CX Contact Backend", "List Manager", "Compliance Manager", "Campaign Manager", "Dial Manager",
                    "API Aggregator"] {
            #expect(placement[own] == .owned("cx-contact"), "\(own)")
        }
        #expect(placement["Redis"] == .infrastructure)
        #expect(placement["PostgreSQL"] == .infrastructure)
        #expect(placement["Network file share"] == .infrastructure)
        #expect(placement["Customer Browser/API"] == .external(.ingress))
        #expect(placement["Compliance data provider"] == .external(.ingress))
        #expect(placement["SFTP server"] == .external(.egress))
        #expect(placement["Outbound"] == .peer)
        #expect(placement["Genesys Web Services and Applications"] == .peer)
        #expect(graph.groups.map(\.name) == ["CX Contact"])
    }

    @Test func kindsFromNamesAndProtocols() throws {
        let graph = try graph("Voice Microservices")
        let kind = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.name, $0.kind) })
        #expect(kind["Redis"] == .datastore)
        #expect(kind["PostgreSQL"] == .datastore)
        #expect(kind["Object storage"] == .datastore)
        #expect(kind["Kafka"] == .queue)
        #expect(kind["Session Border Controller"] == .external)
        #expect(kind["External/customer"] == .external)
        #expect(kind["Tenant Service"] == .workload)
        #expect(graph.families == [.tcp, .http, .sip, .kafka, .redis, .postgres])
    }

    @Test func pulseOwnsItsKubernetesWorkloadsNotTheTenantService() throws {
        let placement = placements(try graph("Genesys Pulse"))
        for own in ["Permissions ReplicaSet", "DCU StatefulSet", "LDS StatefulSet", "LDS-VQ StatefulSet",
                    "Pulse ReplicaSet", "Init Job"] {
            #expect(placement[own] == .owned("genesys-pulse"), "\(own)")
        }
        // Row 1 calls Permissions ReplicaSet -> Tenant Service "Ingress": it starts at Pulse's own
        // workload, so it is no evidence that Pulse owns the Tenant Service.
        #expect(placement["Tenant Service"] == .peer)
        #expect(placement["Prometheus"] == .peer)
        #expect(placement["Public Internet"] == .external(.ingress))
    }

    @Test func voicePlatformOwnsItsEgressSources() throws {
        let placement = placements(try graph("Genesys Voice Platform"))
        for own in ["RM pair multi-AZ", "MCP pool multi-AZ", "RS", "Service Discovery", "GVP Config Server", "GVP namespace"] {
            #expect(placement[own] == .owned("genesys-voice-platform"), "\(own)")
        }
        #expect(placement["Consul"] == .infrastructure)
        #expect(placement["SQL Server"] == .infrastructure)
        #expect(placement["Google API"] == .external(.egress))
        #expect(placement["Customer system"] == .external(.egress))
    }

    @Test func platformPutsEveryProductInItsOwnClusterAndNamesEdgesByProduct() throws {
        let products = try ComponentSeeds.products()
        let graph = ComponentGraphs.platform(products, aliases: try ComponentSeeds.aliases())
        #expect(graph.groups.map(\.slug) == ["cx-contact", "genesys-pulse", "voice-microservices", "genesys-voice-platform"])
        #expect(graph.edges.count == 122)
        #expect(Set(graph.edges.map(\.id)).count == 122)
        #expect(graph.edges.first?.id == "conn-cx-contact-1")
        let placement = placements(graph)
        // Voice Microservices writes "CX Contact", "Genesys Pulse" and "Genesys Voice Platform" as sources.
        #expect(placement["CX Contact"] == .owned("cx-contact"))
        #expect(placement["Genesys Pulse"] == .owned("genesys-pulse"))
        #expect(placement["Genesys Voice Platform"] == .owned("genesys-voice-platform"))
        #expect(placement["Tenant Service"] == .owned("voice-microservices"))
        // One node for GWS / Genesys Web Services and Applications, one for Redis / Redis 6.x.
        #expect(graph.nodes.filter { $0.name.hasPrefix("Redis") }.count == 1)
        #expect(!graph.nodes.contains { $0.name == "GWS" })
    }

    @Test func nodeIDsAreUniqueAndFromNames() throws {
        let graph = ComponentGraphs.platform(try ComponentSeeds.products(), aliases: try ComponentSeeds.aliases())
        #expect(Set(graph.nodes.map(\.id)).count == graph.nodes.count)
        #expect(graph.nodes.first { $0.name == "Tenant Service" }?.id == "node-tenant-service")
    }
}
