import PortolanModel

/// What the rules look at: the products of a run, their rows in source order, and which
/// components each subject owns.
public struct LintContext: Sendable {
    public let products: [Product]
    public let rows: [LintRow]
    let memberships: [SubjectMembership]
    /// Comparison keys, and each subject's claims, of every name the rows write, worked out once:
    /// some rules compare every row with every row of the other products.
    private let keys: [String: String]
    private let claims: [String: [String: (name: SubjectMembership.Claim?, any: SubjectMembership.Claim?)]]
    /// `ComponentKnowledge.kind` of every name each product's rows write, worked out once per
    /// product and name (a large table writes the same few names on every row).
    private let kinds: [String: [String: ComponentKnowledge.Kind?]]

    /// Each product's rows by slug (slugs are unique among the products of a run): the rows
    /// are made product after product.
    private let ranges: [String: Range<Int>]
    /// Every name the rows write, once, in first-use order; `ends[i]` are the places in it of
    /// `rows[i]`'s source and destination, so rules can keep what they work out of a name in an
    /// array, not a dictionary asked on every row.
    let names: [String]
    let ends: [(source: Int, destination: Int)]

    public init(products: [Product]) {
        self.products = products
        var rows: [LintRow] = []
        rows.reserveCapacity(products.reduce(0) { $0 + $1.documents.reduce(0) { $0 + $1.connections.count } })
        var ranges: [Range<Int>] = []
        for product in products {
            let start = rows.count
            for document in product.documents {
                let origin = LintRow.Origin(product: product, document: document)
                for connection in document.connections {
                    rows.append(LintRow(origin, connection))
                }
            }
            ranges.append(start..<rows.count)
        }
        self.rows = rows
        self.ranges = Dictionary(zip(products.map(\.slug), ranges), uniquingKeysWith: { first, _ in first })
        // The names, each row's ends among them, and the kind of each name each product's rows
        // write, once: a large table writes the same few names on every row.
        var names = Numbering<String>()
        var ends: [(source: Int, destination: Int)] = []
        ends.reserveCapacity(rows.count)
        var kinds: [String: [String: ComponentKnowledge.Kind?]] = [:]
        for (product, range) in zip(products, ranges) {
            var known = kinds[product.slug] ?? [:]
            var noted: [Bool] = []
            func note(_ name: String) -> Int {
                let place = names.number(name).number
                if place >= noted.count { noted += Array(repeating: false, count: place + 1 - noted.count) }
                if !noted[place] {
                    noted[place] = true
                    if known[name] == nil { known[name] = .some(ComponentKnowledge.kind(of: name, declared: product.declared)) }
                }
                return place
            }
            for row in rows[range] {
                let source = note(row.connection.source)
                ends.append((source, note(row.connection.destination)))
            }
            kinds[product.slug] = known
        }
        self.kinds = kinds
        self.names = names.values
        self.ends = ends
        let keys = Dictionary(uniqueKeysWithValues: names.values.map { ($0, SubjectMembership.key($0)) })
        self.keys = keys
        let identities = products.map { SubjectMembership($0).identities }
        memberships = products.enumerated().map { index, product in
            var membership = SubjectMembership(product)
            let others = identities.enumerated().filter { $0.offset != index }.reduce(into: Set<String>()) { $0.formUnion($1.element) }
            membership.gatherEvidence(otherProducts: others, keys: keys)
            return membership
        }
        claims = Dictionary(uniqueKeysWithValues: memberships.map { membership in
            (membership.product.slug, Dictionary(uniqueKeysWithValues: names.values.map { name in
                let claim = membership.nameClaim(name)
                return (name, (name: claim, any: claim ?? membership.claim(name)))
            }))
        })
    }

    /// The rows of a product, in source order, without copying them: a slice whose indices are
    /// the rows' own (`ends` holds their names).
    func rows(of product: Product) -> ArraySlice<LintRow> {
        rows[ranges[product.slug] ?? 0..<0]
    }

    func membership(of product: Product) -> SubjectMembership? {
        memberships.first { $0.product.slug == product.slug }
    }

    /// `SubjectMembership.key` of a name.
    func key(_ name: String) -> String {
        keys[name] ?? SubjectMembership.key(name)
    }

    /// The claim a product's name alone gives it on a component (`SubjectMembership.nameClaim`).
    func nameClaim(_ name: String, of product: Product) -> SubjectMembership.Claim? {
        if let known = claims[product.slug]?[name] { return known.name }
        return membership(of: product)?.nameClaim(name)
    }

    /// The strongest claim a product has on a component (`SubjectMembership.claim`).
    func claim(_ name: String, of product: Product) -> SubjectMembership.Claim? {
        if let known = claims[product.slug]?[name] { return known.any }
        return membership(of: product)?.claim(name)
    }

    /// Why a component is outside a product's subject, or nil when nothing says so: a datastore,
    /// broker or external party by its name, another product, or a component another product owns.
    func outsideReason(_ name: String, of product: Product) -> String? {
        if let kind = kind(name, of: product) { return "'\(name)' is \(kind.phrase)" }
        guard membership(of: product) != nil, nameClaim(name, of: product) == nil else { return nil }
        for other in memberships where other.product.slug != product.slug {
            switch claim(name, of: other.product) {
            case .identity?: return "'\(name)' is \(other.product.name), another product"
            case .name?: return "'\(name)' belongs to \(other.product.name) by its name"
            case .evidence?: return "'\(name)' belongs to \(other.product.name), whose own Egress or Ingress rows place it there"
            case nil: continue
            }
        }
        return nil
    }

    /// `ComponentKnowledge.kind` of a name in a product.
    func kind(_ name: String, of product: Product) -> ComponentKnowledge.Kind? {
        if let known = kinds[product.slug]?[name] { return known }
        return ComponentKnowledge.kind(of: name, declared: product.declared)
    }

    /// True when the subject owns the component by name, or by its other rows.
    func isMember(_ name: String, of product: Product) -> Bool {
        claim(name, of: product) != nil
    }
}
