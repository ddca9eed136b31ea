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
        let rowsOf = Dictionary(grouping: context.rows, by: \.product.slug)
        let indexes = context.products.map { RowIndex(rowsOf[$0.slug] ?? [], owner: $0, context) }
        for (q, product) in context.products.enumerated() {
            for row in rowsOf[product.slug] ?? [] {
                for (p, other) in context.products.enumerated() where p != q {
                    let matches = indexes[p].candidates(for: row, context)
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

    /// One product's rows by the keys of their ends, made once, so a row finds the rows that can
    /// match it without comparing it with every row of the product (linear, not quadratic).
    struct RowIndex {
        let rows: [LintRow]
        let owner: Product
        var byPair: [Pair: [Int]] = [:]
        var bySource: [String: [Int]] = [:]
        var byDestination: [String: [Int]] = [:]

        struct Pair: Hashable { var source: String, destination: String }

        init(_ rows: [LintRow], owner: Product, _ context: LintContext) {
            self.rows = rows
            self.owner = owner
            for (index, row) in rows.enumerated() {
                let source = context.key(row.connection.source), destination = context.key(row.connection.destination)
                byPair[Pair(source: source, destination: destination), default: []].append(index)
                bySource[source, default: []].append(index)
                byDestination[destination, default: []].append(index)
            }
        }

        /// The rows `match` may accept for `row`, in source order: the same two keys, or, when an
        /// end names this product as a whole, every row agreeing on the other end (or every row).
        func candidates(for row: LintRow, _ context: LintContext) -> [LintRow] {
            let source = context.key(row.connection.source), destination = context.key(row.connection.destination)
            let wholeSource = context.nameClaim(row.connection.source, of: owner) == .identity
            let wholeDestination = context.nameClaim(row.connection.destination, of: owner) == .identity
            let indices: [Int]
            switch (wholeSource, wholeDestination) {
            case (false, false): indices = byPair[Pair(source: source, destination: destination)] ?? []
            case (true, false): indices = byDestination[destination] ?? []
            case (false, true): indices = bySource[source] ?? []
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
