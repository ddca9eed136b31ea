import PortolanModel

/// Two products that describe the same flow agree on its ports and protocol.
public enum CrossProductConflict: LintRule {
    public static let summary = "Two products describe the same flow with different ports or protocols."
    public static let rationale = """
        Each page describes the connections of its own subject, so a flow between two products is \
        written twice, once on each page, often by different teams. When the pages disagree on a port \
        or protocol, at least one of them is wrong and one of the firewall rules will be too. A product \
        named as a whole on another page ("Genesys Pulse -> Tenant Service") matches the rows of that \
        product's own page that start or end at one of its components.
        """

    enum Message {
        static func ports(_ row: String, flow: String, these: String, other: String, otherProduct: String, references: String) -> String {
            "\(row) gives \(flow) port \(these), but \(otherProduct) gives \(other) (\(references)); the pages disagree"
        }
        static func protocols(_ row: String, flow: String, these: String, other: String, otherProduct: String, references: String) -> String {
            "\(row) gives \(flow) protocol \(these), but \(otherProduct) gives \(other) (\(references)); the pages disagree"
        }
    }

    public static func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        var ends = Ends(context)
        let rowsOf = context.products.map { context.rows(of: $0) }
        let indexes = context.products.indices.map { RowIndex(rowsOf[$0], owner: $0, &ends) }
        for q in context.products.indices {
            for index in rowsOf[q].indices {
                let row = rowsOf[q][index]
                let source = ends[context.ends[index].source], destination = ends[context.ends[index].destination]
                for (p, other) in context.products.enumerated() where p != q {
                    let matches = indexes[p].candidates(source, destination)
                        .compactMap { candidate in match(row, candidate, context).map { (candidate, $0) } }
                    guard !matches.isEmpty else { continue }
                    // Rows that name the same two components on both pages are reported once, on the later page.
                    if matches.allSatisfy({ $0.1 == .names }) && p > q { continue }
                    findings += compare(row, matches.map(\.0), other: other)
                }
            }
        }
        return findings
    }

    /// What `RowIndex` asks of a name written at a row's end, worked out once per name (by its
    /// place in `LintContext.names`): its key (as a number: equal numbers, equal keys), and for
    /// each product whether the name is that product as a whole (an identity claim).
    struct Ends {
        struct End {
            var key: Int
            var identityOf: [Bool]
        }

        let context: LintContext
        private var known: [End?]
        private var keys = Numbering<String>()

        init(_ context: LintContext) {
            self.context = context
            known = Array(repeating: nil, count: context.names.count)
        }

        subscript(name: Int) -> End {
            mutating get {
                if let end = known[name] { return end }
                let written = context.names[name]
                let end = End(key: keys.number(context.key(written)).number, identityOf: context.products.map { context.nameClaim(written, of: $0) == .identity })
                known[name] = end
                return end
            }
        }
    }

    /// One product's rows by the keys of their ends, made once, so a row finds the rows that can
    /// match it without comparing it with every row of the product (linear, not quadratic).
    struct RowIndex {
        let rows: ArraySlice<LintRow>
        /// The owner's place among the products (`Ends.End.identityOf`).
        let owner: Int
        var byPair: [Pair: [Int]] = [:]
        var bySource: [Int: [Int]] = [:]
        var byDestination: [Int: [Int]] = [:]

        struct Pair: Hashable { var source: Int, destination: Int }

        init(_ rows: ArraySlice<LintRow>, owner: Int, _ ends: inout Ends) {
            self.rows = rows
            self.owner = owner
            for index in rows.indices {
                let source = ends[ends.context.ends[index].source].key, destination = ends[ends.context.ends[index].destination].key
                byPair[Pair(source: source, destination: destination), default: []].append(index)
                bySource[source, default: []].append(index)
                byDestination[destination, default: []].append(index)
            }
        }

        /// The rows `match` may accept for a row with these ends, in source order: the same two
        /// keys, or, when an end names this product as a whole, every row agreeing on the other
        /// end (or every row).
        func candidates(_ source: Ends.End, _ destination: Ends.End) -> [LintRow] {
            let indices: [Int]
            switch (source.identityOf[owner], destination.identityOf[owner]) {
            case (false, false): indices = byPair[Pair(source: source.key, destination: destination.key)] ?? []
            case (true, false): indices = byDestination[destination.key] ?? []
            case (false, true): indices = bySource[source.key] ?? []
            case (true, true): indices = Array(rows.indices)
            }
            return indices.map { rows[$0] }
        }
    }

    enum Match { case names, product }

    /// How `candidate` (on another product's page) describes the same flow as `row`, or nil.
    static func match(_ row: LintRow, _ candidate: LintRow, _ context: LintContext) -> Match? {
        let source = end(row.connection.source, candidate.connection.source, owner: candidate.product, context)
        let destination = end(row.connection.destination, candidate.connection.destination, owner: candidate.product, context)
        guard let source, let destination else { return nil }
        return source == .names && destination == .names ? .names : .product
    }

    static func end(_ written: String, _ other: String, owner: Product, _ context: LintContext) -> Match? {
        if context.key(written) == context.key(other) { return .names }
        if context.nameClaim(written, of: owner) == .identity, context.claim(other, of: owner) != nil {
            return .product
        }
        return nil
    }

    static func compare(_ row: LintRow, _ others: [LintRow], other: Product) -> [LintFinding] {
        let label = "\(row.product.name) #\(row.connection.number)"
        let flow = "\(row.connection.source) -> \(row.connection.destination)"
        let references = "#" + others.map(\.connection.number).joined(separator: ", #")
        var findings: [LintFinding] = []
        let these = Set(row.connection.ports.ranges)
        let theirs = Set(others.flatMap(\.connection.ports.ranges))
        if !these.isEmpty, !theirs.isEmpty, these != theirs {
            findings.append(row.finding(self, .warning, Message.ports(
                label, flow: flow, these: list(these), other: list(theirs), otherProduct: other.name, references: references)))
        }
        let transports = Set(others.compactMap { Transport.of(protocol: $0.connection.protocol) })
        let families = Set(others.map { ProtocolFamily(written: $0.connection.protocol) }).subtracting([.tcp, .other])
        let transport = Transport.of(protocol: row.connection.protocol)
        let family = ProtocolFamily(written: row.connection.protocol)
        let transportDiffers = transport.map { !transports.isEmpty && !transports.contains($0) } ?? false
        let familyDiffers = family != .tcp && family != .other && !families.isEmpty && !families.contains(family)
        if transportDiffers || familyDiffers {
            let theirProtocols = others.compactMap(\.connection.protocol).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            findings.append(row.finding(self, .warning, Message.protocols(
                label, flow: flow, these: row.connection.protocol ?? "(none)", other: theirProtocols.joined(separator: ", "),
                otherProduct: other.name, references: references)))
        }
        return findings
    }

    static func list(_ ranges: Set<PortRange>) -> String {
        ranges.sorted().map(\.description).joined(separator: ", ")
    }
}
