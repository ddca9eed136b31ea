import PortolanModel

/// Which components belong to a product's subject, from the product's own documents only:
/// its name and title, its included services, the Kubernetes objects it deploys, and the
/// document's own definition "Egress means the service is the source, Ingress means the
/// service is the destination".
struct SubjectMembership: Sendable {
    enum Claim: Int, Comparable, Sendable {
        /// The product's Egress rows start at it or its Ingress rows end at it.
        case evidence = 1
        /// Its name says so: an included service, the product's name or initials first, a Kubernetes object.
        case name = 2
        /// It is the product itself (its subject, or a name its title gives it).
        case identity = 3

        static func < (lhs: Claim, rhs: Claim) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    let product: Product
    /// Keys of the subject's names: "cxcontact", "outbound" (from "Outbound (CX Contact) Private Edition Guide").
    let identities: Set<String>
    /// Word lists of the product's names, for prefixes ("CX Contact Job Scheduler").
    let prefixes: [[String]]
    /// The product name's capitals when two or more ("GVP", "CXC").
    let capitals: String?
    /// Word lists of the included services and the abbreviations they declare ("List Builder", "UI").
    let services: [[String]]
    private(set) var evidence: Set<String> = []

    init(_ product: Product) {
        self.product = product
        var names = [product.name]
        for title in product.documents.compactMap(\.title) {
            var text = title
            for suffix in [" Private Edition Guide", " Guide"] where text.hasSuffix(suffix) {
                text = String(text.dropLast(suffix.count))
            }
            names.append(text)
            if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
                names.append(String(text[..<open]).trimmingCharacters(in: .whitespaces))
                names.append(String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
            }
        }
        identities = Set(names.map(SubjectMembership.key).filter { !$0.isEmpty })
        prefixes = names.map(ComponentKnowledge.words).filter { !$0.isEmpty }
        let letters = String(product.name.filter { $0.isUppercase && $0.isASCII })
        capitals = letters.count >= 2 ? letters : nil
        var services: [[String]] = []
        for service in product.services {
            services.append(ComponentKnowledge.words(ComponentKnowledge.baseName(service.name)))
            if let open = service.name.firstIndex(of: "("), service.name.hasSuffix(")") {
                services.append(ComponentKnowledge.words(String(service.name[open...])))
            }
        }
        self.services = services.filter { !$0.isEmpty }
    }

    /// Comparison key: the base name ("Redis 6.x" -> "Redis") without case, spaces or punctuation.
    static func key(_ name: String) -> String {
        Names.key(ComponentKnowledge.baseName(name))
    }

    /// The strongest claim the subject has on a component, or nil.
    func claim(_ name: String) -> Claim? {
        if let claim = nameClaim(name) { return claim }
        return evidence.contains(Self.key(name)) ? .evidence : nil
    }

    /// The claim the name alone gives (identity or name), without the rows' evidence.
    func nameClaim(_ name: String) -> Claim? {
        let key = Self.key(name)
        if identities.contains(key) { return .identity }
        let words = ComponentKnowledge.words(name)
        if prefixes.contains(where: { words.count > $0.count && Array(words.prefix($0.count)) == $0 }) { return .name }
        if let capitals, let first = name.split(separator: " ").first, first == capitals { return .name }
        if ComponentKnowledge.isKubernetesObject(name) { return .name }
        if services.contains(where: { ComponentKnowledge.contains(words, phrase: $0.joined(separator: " ")) }) { return .name }
        return nil
    }

    /// Adds the evidence of the product's rows: Egress sources and Ingress destinations (an Ingress
    /// row that starts at the subject's own component is no evidence), never datastores, brokers,
    /// external parties or other products. `keys` holds the `key` of names worked out already.
    mutating func gatherEvidence(otherProducts: Set<String>, keys: [String: String] = [:]) {
        // Each name the rows write, with its score and its last place (row by row, source before
        // destination), once: a large table writes the same few names on every row.
        var names: [(name: String, score: Int, last: Int)] = []
        var index: [String: Int] = [:]
        var place = 0
        func note(_ name: String, _ change: Int) {
            if let known = index[name] {
                names[known].score += change
                names[known].last = place
            } else {
                index[name] = names.count
                names.append((name, change, place))
            }
            place += 1
        }
        var nameClaims: [String: Bool] = [:]
        func add(_ connection: Connection) {
            switch connection.classificationKind {
            case .egress:
                note(connection.source, 1)
                note(connection.destination, 0)
            case .ingress:
                let claimed: Bool
                if let known = nameClaims[connection.source] {
                    claimed = known
                } else {
                    claimed = nameClaim(connection.source) != nil
                    nameClaims[connection.source] = claimed
                }
                note(connection.source, claimed ? 0 : -1)
                note(connection.destination, claimed ? 0 : 1)
            case .intraCluster, nil:
                note(connection.source, 0)
                note(connection.destination, 0)
            }
        }
        // The documents' rows in place (`product.connections` would copy them all).
        for document in product.documents {
            for connection in document.connections {
                add(connection)
            }
        }
        // By key: the scores added up, and the name written last.
        var score: [String: Int] = [:]
        var written: [String: (name: String, last: Int)] = [:]
        for entry in names {
            let key = keys[entry.name] ?? Self.key(entry.name)
            score[key, default: 0] += entry.score
            if let known = written[key], known.last > entry.last { continue }
            written[key] = (entry.name, entry.last)
        }
        for (key, value) in score where value >= 1 && !otherProducts.contains(key) {
            if let name = written[key]?.name, ComponentKnowledge.kind(of: name, declared: product.declared) != nil { continue }
            evidence.insert(key)
        }
    }
}
