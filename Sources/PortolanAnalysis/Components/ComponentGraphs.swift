import PortolanModel

/// Builds the graphs connection diagrams draw: one per product and one of the whole platform.
public enum ComponentGraphs {
    /// The diagram of one product: its connections, its included services, the components they name.
    public static func product(_ product: Product, among products: [Product], aliases: AliasTable) -> ComponentGraph {
        let names = ComponentNames(products: products, aliases: aliases.adding(product.declared))
        return build(view: .product, title: product.name, products: [product], all: products, names: names)
    }

    /// All products together; a component another product names sits in that product's cluster.
    public static func platform(_ products: [Product], aliases: AliasTable) -> ComponentGraph {
        let names = ComponentNames(products: products, aliases: aliases.adding(products.first?.declared ?? DeclaredComponents()))
        return build(view: .platform, title: "Platform", products: products, all: products, names: names)
    }

    /// Every product's diagram and the platform's, resolving the names once.
    public static func all(_ products: [Product], aliases: AliasTable) -> (products: [ComponentGraph], platform: ComponentGraph) {
        let names = ComponentNames(products: products, aliases: aliases.adding(products.first?.declared ?? DeclaredComponents()))
        return (products.map { build(view: .product, title: $0.name, products: [$0], all: products, names: names) },
                build(view: .platform, title: "Platform", products: products, all: products, names: names))
    }

    private static func build(view: ComponentGraph.View, title: String, products: [Product], all: [Product],
                              names: ComponentNames) -> ComponentGraph {
        let productNames = all.map { names.canonical($0.name, in: $0) }

        // Owners: the strongest claim of the drawn products; a tie goes to the first product.
        var owner: [String: (slug: String, claim: Claim)] = [:]
        for product in products {
            let others = Set(productNames).subtracting([names.canonical(product.name, in: product)])
            for (name, claim) in Ownership.claims(of: product, names: names, otherProducts: others).sorted(by: { $0.key < $1.key }) {
                if let current = owner[name], current.claim >= claim { continue }
                owner[name] = (product.slug, claim)
            }
        }

        // Nodes in order of first appearance: connections first, then included services. A
        // node is known by its index in `order`; each written name is resolved once per product.
        var order = Numbering<String>()
        var written: [Set<String>] = []
        var asSource: [Int] = []
        var asDestination: [Int] = []
        var families: [Set<ProtocolFamily>] = []
        func note(_ name: String, as writtenName: String) -> Int {
            let (node, isNew) = order.number(name)
            if isNew {
                written.append([])
                asSource.append(0)
                asDestination.append(0)
                families.append([])
            }
            written[node].insert(NameKey.tidy(writtenName))
            return node
        }
        var familyOf: [String: ProtocolFamily] = [:]
        func family(_ written: String?) -> ProtocolFamily {
            let key = written ?? ""
            if let known = familyOf[key] { return known }
            let found = ProtocolFamily(written: key)
            familyOf[key] = found
            return found
        }
        var rows: [(product: Int, document: Int, row: Int, source: Int, destination: Int, family: ProtocolFamily)] = []
        var documents: [[Connection]] = []
        var paths: [String] = []
        for (productIndex, product) in products.enumerated() {
            var nodeOf: [String: Int] = [:]
            func node(_ writtenName: String) -> Int {
                if let known = nodeOf[writtenName] { return known }
                let found = note(names.canonical(writtenName, in: product), as: writtenName)
                nodeOf[writtenName] = found
                return found
            }
            for document in product.documents {
                let documentIndex = documents.count
                documents.append(document.connections)
                paths.append(document.path)
                for (row, connection) in document.connections.enumerated() {
                    let source = node(connection.source)
                    let destination = node(connection.destination)
                    asSource[source] += 1
                    asDestination[destination] += 1
                    let family = family(connection.protocol)
                    families[source].insert(family)
                    families[destination].insert(family)
                    rows.append((productIndex, documentIndex, row, source, destination, family))
                }
            }
        }
        for product in products {
            for service in product.services { _ = note(names.canonical(service.name, in: product), as: service.name) }
        }

        var ids = UniqueIDs()
        var nodes: [ComponentGraph.Node] = []
        var idByNode: [String] = []
        let declared = products.first?.declared ?? DeclaredComponents()
        for (node, name) in order.values.enumerated() {
            // What a YAML model declares wins over what the name and protocols suggest.
            let declaredKind = declared.isEmpty ? nil : declared.kind(ofAny: [name] + written[node].sorted())
            let kind = declaredKind ?? Knowledge.kind(ofName: name) ?? kindFromProtocols(families[node], isSource: asSource[node] > 0) ?? .workload
            let placement: ComponentGraph.Placement
            if let owner = owner[name], declaredKind == nil || declaredKind == .workload {
                placement = .owned(owner.slug)
            } else if kind == .external {
                placement = .external(asSource[node] > asDestination[node] ? .ingress : .egress)
            } else if kind != .workload || (declaredKind == nil && Knowledge.isSharedService(name)) {
                placement = .infrastructure
            } else {
                placement = .peer
            }
            let id = ids.make("node-" + Slug.make(name))
            idByNode.append(id)
            let others = written[node].subtracting([name]).sorted()
            nodes.append(ComponentGraph.Node(id: id, name: name, otherNames: others, kind: kind, placement: placement))
        }

        var edgeIDs = UniqueIDs(capacity: rows.count)
        let shared = EdgeRows(documents)
        let edges = rows.map { row in
            let product = products[row.product]
            let connection = documents[row.document][row.row]
            let stem = view == .platform ? "conn-\(product.slug)-" : "conn-"
            return ComponentGraph.Edge(id: edgeIDs.make(stem + Slug.make(connection.number)), product: product.name,
                                       productSlug: product.slug, rows: shared, place: (row.document, row.row),
                                       from: idByNode[row.source], to: idByNode[row.destination],
                                       family: row.family, document: paths[row.document])
        }
        let groups = products.filter { product in nodes.contains { $0.placement == .owned(product.slug) } }
            .map { ComponentGraph.Group(name: $0.name, slug: $0.slug) }
        let drawn = Set(products.map(\.name))
        let merges = names.merges.filter { drawn.contains($0.product) }
        return ComponentGraph(view: view, title: title, nodes: nodes, edges: edges, groups: groups, merges: merges)
    }

    /// A component only ever reached over one datastore or queue protocol is that datastore or
    /// queue ("Kafka"-only -> queue; "Redis"- or "Postgres"-only and never a source -> datastore).
    private static func kindFromProtocols(_ families: Set<ProtocolFamily>, isSource: Bool) -> ComponentKind? {
        guard families.count == 1, let family = families.first else { return nil }
        switch family {
        case .kafka: return .queue
        case .redis, .postgres: return isSource ? nil : .datastore
        default: return nil
        }
    }
}

/// Ids unique within one graph: the second "conn-5" becomes "conn-5-2".
/// A stem given again goes on from the counter it last took: every id below it is taken (ids
/// are never given back), so twenty documents repeating a number cost twenty tries, not 210.
struct UniqueIDs {
    private var used: Set<String> = []
    /// Per stem taken more than once, the counter to try next.
    private var next: [String: Int] = [:]

    init(capacity: Int = 0) { used.reserveCapacity(capacity) }

    mutating func make(_ stem: String) -> String {
        if next[stem] == nil, used.insert(stem).inserted { return stem }
        var counter = next[stem] ?? 2
        while true {
            let id = "\(stem)-\(counter)"
            counter += 1
            if used.insert(id).inserted {
                next[stem] = counter
                return id
            }
        }
    }
}
