import PortolanModel

/// One component, one spelling: names that differ only in case, spacing, punctuation, a
/// version or a letter or two are probably the same component written two ways.
public enum NearDuplicateName: LintRule {
    public static let summary = "Two spellings of what is probably one component, within a product or across products (\"MCP pool multi-AZ\" / \"MCP pool multi A-Z\")."
    public static let rationale = """
        Diagrams, firewall sheets and inventories match components by name; a second spelling draws a \
        second box, files a second rule and misses its inventory entry. The finding points at the rows \
        with the rarer spelling and suggests the common one.
        """

    enum Message {
        static func withinProduct(_ written: String, common: String, uses: Int) -> String {
            "'\(written)' is written '\(common)' in \(uses) other row\(uses == 1 ? "" : "s") of this product; did you mean '\(common)'?"
        }
        static func acrossProducts(_ written: String, common: String, product: String) -> String {
            "'\(written)' is written '\(common)' by \(product); did you mean '\(common)'?"
        }
    }

    /// How two spellings relate, or nil when they are different names.
    enum Likeness {
        case punctuation, version, spelling

        var severity: Severity { self == .version ? .note : .warning }
    }

    /// What `likeness` compares of a name, worked out once per name.
    struct Keys {
        var name: String
        var key: String
        /// The key without a version suffix, for names without parentheses.
        var base: String?

        init(_ name: String) {
            self.name = name
            key = Names.key(name)
            base = name.contains("(") ? nil : Names.key(ComponentKnowledge.baseName(name))
        }
    }

    static func likeness(_ a: String, _ b: String) -> Likeness? {
        likeness(Keys(a), Keys(b))
    }

    static func likeness(_ a: Keys, _ b: Keys) -> Likeness? {
        guard a.name != b.name else { return nil }
        let keyA = a.key, keyB = b.key
        if keyA == keyB { return .punctuation }
        if let baseA = a.base, let baseB = b.base, baseA == baseB {
            return .version
        }
        // Longer names whose first letters agree, neither a prefix of the other (that is a variant
        // such as "Interaction Server (VQ)"), at most two letters apart.
        // Names that differ only in their digits ("Service 0-12" / "Service 0-13") are numbered
        // components, not two spellings of one.
        guard min(keyA.count, keyB.count) >= 8, keyA.prefix(4) == keyB.prefix(4),
              !keyA.hasPrefix(keyB), !keyB.hasPrefix(keyA), !differOnlyInDigits(keyA, keyB) else { return nil }
        return Names.editDistance(keyA, keyB) <= 2 ? .spelling : nil
    }

    static func differOnlyInDigits(_ a: String, _ b: String) -> Bool {
        a.filter { !$0.isNumber } == b.filter { !$0.isNumber }
    }

    /// Each spelling a product uses, with the rows that use it (their indices in `context.rows`),
    /// in first-use order. A row is counted once for a spelling, even at both ends.
    static func spellings(_ rows: ArraySlice<LintRow>, _ context: LintContext) -> [(name: String, rows: [Int])] {
        var result: [(name: String, rows: [Int])] = []
        // Each name's place in `result`, by its place in `context.names`.
        var position = [Int](repeating: -1, count: context.names.count)
        for index in rows.indices {
            func note(_ name: Int) {
                let known = position[name]
                if known >= 0 {
                    // Not the row just counted (nor one equal to it).
                    if let last = result[known].rows.last, last == index || rows[last] == rows[index] { return }
                    result[known].rows.append(index)
                } else {
                    position[name] = result.count
                    result.append((context.names[name], [index]))
                }
            }
            note(context.ends[index].source)
            note(context.ends[index].destination)
        }
        return result
    }

    public static func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        var earlier: [(product: String, spellings: [(name: String, rows: [Int])])] = []
        var keys: [String: Keys] = [:]
        func likeness(_ a: String, _ b: String) -> Likeness? {
            Self.likeness(keys[a] ?? Keys(a), keys[b] ?? Keys(b))
        }
        for product in context.products {
            let rows = context.rows(of: product)
            let spellings = spellings(rows, context)
            for spelling in spellings where keys[spelling.name] == nil { keys[spelling.name] = Keys(spelling.name) }
            // Within the product: the rarer spelling points at the commoner (ties: the later at the earlier).
            for (i, a) in spellings.enumerated() {
                for b in spellings[(i + 1)...] {
                    guard let likeness = likeness(a.name, b.name) else { continue }
                    let (rare, common) = b.rows.count > a.rows.count ? (a, b) : (b, a)
                    findings += rare.rows.map {
                        rows[$0].finding(self, likeness.severity, Message.withinProduct(rare.name, common: common.name, uses: common.rows.count))
                    }
                }
            }
            // Across products: a spelling no earlier product uses, close to one an earlier product uses.
            let known = Set(earlier.flatMap { $0.spellings.map(\.name) })
            for spelling in spellings where !known.contains(spelling.name) {
                let match = earlier.lazy.compactMap { other in
                    other.spellings.first { likeness(spelling.name, $0.name) != nil }.map { (other.product, $0.name) }
                }.first
                guard let (otherProduct, common) = match,
                      !spellings.contains(where: { $0.name == common }),
                      let likeness = likeness(spelling.name, common) else { continue }
                findings += spelling.rows.map {
                    rows[$0].finding(self, likeness.severity, Message.acrossProducts(spelling.name, common: common, product: otherProduct))
                }
            }
            earlier.append((product.name, spellings))
        }
        return findings
    }
}
