import PortolanModel

/// How sure Portolan is that a component belongs to a product; the strongest claim wins.
enum Claim: Int, Comparable {
    /// The product's Egress rows start at it or its Ingress rows end at it (net of counter-evidence).
    case evidence = 1
    /// Its name says so: an included service, the product name as a prefix, the product's capitals
    /// as first word ("GVP Config Server"), or a Kubernetes workload kind ("DCU StatefulSet").
    case name = 2
    /// It is the product itself.
    case identity = 3

    static func < (lhs: Claim, rhs: Claim) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Which components a product owns, from its own documents only.
enum Ownership {
    /// Canonical name -> claim of `product`. `otherProducts` holds the canonical names of the
    /// other products, which evidence never claims.
    /// A component a YAML model declares a datastore, queue or external party is never owned
    /// (only the product itself is); one declared a workload can be, whatever its name suggests.
    static func claims(of product: Product, names: ComponentNames, otherProducts: Set<String>) -> [String: Claim] {
        var claims: [String: Claim] = [:]
        var declaredKinds: [String: ComponentKind] = [:]
        let connections = product.connections
        // Each written name once, in the order the rows first write it (a name is written on
        // many rows; what is asked of it depends on the name only).
        var written: [String] = []
        var seen: Set<String> = []
        for connection in connections {
            if seen.insert(connection.source).inserted { written.append(connection.source) }
            if seen.insert(connection.destination).inserted { written.append(connection.destination) }
        }
        for written in written where !product.declared.isEmpty {
            let canonical = names.canonical(written, in: product)
            if declaredKinds[canonical] == nil, let kind = product.declared.kind(ofAny: [canonical, written]) {
                declaredKinds[canonical] = kind
            }
        }
        func claim(_ name: String, _ strength: Claim) {
            if strength < .identity, let kind = declaredKinds[name] ?? product.declared.kind(of: name), kind != .workload { return }
            claims[name] = max(claims[name] ?? strength, strength)
        }
        let own = names.canonical(product.name, in: product)
        claim(own, .identity)
        for service in product.services { claim(names.canonical(service.name, in: product), .name) }
        let capitals = NameKey.capitals(product.name)
        let prefix = product.name.lowercased() + " "
        for written in written {
            let canonical = names.canonical(written, in: product)
            if canonical == own { continue }
            let tidy = NameKey.tidy(written)
            let firstWord = tidy.split(separator: " ").first.map(String.init) ?? ""
            if tidy.lowercased().hasPrefix(prefix)
                || (capitals.count >= 2 && firstWord == capitals)
                || Knowledge.isKubernetesWorkload(tidy) {
                claim(canonical, .name)
            }
        }
        // Evidence: "Egress means the service is the source, Ingress means the service is the
        // destination." A row that contradicts a name claim (an Ingress row starting at the
        // product's own workload) is not evidence.
        var score: [String: Int] = [:]
        var order: [String] = []
        func add(_ name: String, _ delta: Int) {
            if score[name] == nil { order.append(name) }
            score[name, default: 0] += delta
        }
        for connection in connections {
            let source = names.canonical(connection.source, in: product)
            let destination = names.canonical(connection.destination, in: product)
            switch connection.classificationKind {
            case .egress:
                add(source, 1)
            case .ingress:
                if (claims[source] ?? .evidence) >= .name { continue }
                add(destination, 1)
                add(source, -1)
            case .intraCluster, nil:
                continue
            }
        }
        for name in order where (score[name] ?? 0) >= 1 && claims[name] == nil {
            if otherProducts.contains(name) { continue }
            if let kind = declaredKinds[name] ?? product.declared.kind(of: name) {
                if kind != .workload { continue }
            } else if Knowledge.kind(ofName: name) != nil || Knowledge.isSharedService(name) {
                continue
            }
            claims[name] = .evidence
        }
        return claims
    }
}
