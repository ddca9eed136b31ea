import PortolanModel

/// Why two written names became one component.
public enum MergeRule: String, Codable, Sendable, CaseIterable {
    /// The alias file lists the name under a canonical name.
    case aliasFile = "alias file"
    /// "CX Contact List Builder" in a CX Contact document is its included service "List Builder".
    case subjectPrefix = "subject name + included service"
    /// "User Interface (UI)" declares "UI" and "User Interface" in the same product.
    case declaredAbbreviation = "abbreviation declared in parentheses"
    /// "Redis 6.x" is "Redis" when "Redis" is also written.
    case version = "version suffix"
    /// Same letters and digits ignoring case, spaces and punctuation.
    case spelling = "same name ignoring case, spaces and punctuation"
}

/// One written name that was drawn under another name.
public struct NameMerge: Codable, Sendable, Hashable {
    public var written: String
    public var canonical: String
    public var rule: MergeRule
    /// The product whose document wrote the name.
    public var product: String
}

/// Resolves the names documents write to one canonical name per component. Conservative:
/// only the alias file and the rules of `MergeRule` merge names; everything else stays apart
/// (and `LookAlikes` reports what might deserve an alias).
public struct ComponentNames: Sendable {
    public let aliases: AliasTable
    /// Every written name's first spelling, by key, in model order.
    private var firstSpelling: [String: String] = [:]
    /// Per product slug, each name its documents write and what it resolves to.
    private var resolved: [String: [String: (name: String, rule: MergeRule?)]] = [:]
    /// Per product slug, the names its documents write that declare an abbreviation
    /// ("User Interface (UI)"), in order: their key, the keys of the base and of the abbreviation.
    private var declarations: [String: [(key: String, base: String, inner: String, tidy: String)]] = [:]
    public private(set) var merges: [NameMerge] = []

    public init(products: [Product], aliases: AliasTable) {
        self.aliases = aliases
        // Each name once per product (a name is written on many rows), in the order written.
        let written = products.map(Self.writtenNames)
        for names in written {
            for name in names {
                let tidy = NameKey.tidy(name)
                let key = Names.key(tidy)
                if firstSpelling[key] == nil { firstSpelling[key] = tidy }
            }
        }
        for (product, names) in zip(products, written) { declarations[product.slug] = Self.declarations(names) }
        for (product, names) in zip(products, written) {
            var table = resolved[product.slug] ?? [:]
            for name in names where table[name] == nil {
                let result = resolve(name, in: product)
                table[name] = result
                if let rule = result.rule, result.name != NameKey.tidy(name) {
                    merges.append(NameMerge(written: NameKey.tidy(name), canonical: result.name, rule: rule, product: product.name))
                }
            }
            resolved[product.slug] = table
        }
    }

    /// The canonical name of a name written in a document of `product`.
    public func canonical(_ name: String, in product: Product) -> String {
        resolved[product.slug]?[name]?.name ?? resolve(name, in: product).name
    }

    /// The names a product's documents write, each once, in order: its own, its included
    /// services', then each row's source and destination.
    private static func writtenNames(_ product: Product) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        func add(_ name: String) { if seen.insert(name).inserted { names.append(name) } }
        add(product.name)
        for service in product.services { add(service.name) }
        for document in product.documents {
            for connection in document.connections {
                add(connection.source)
                add(connection.destination)
            }
        }
        return names
    }

    private func resolve(_ name: String, in product: Product) -> (name: String, rule: MergeRule?) {
        let tidy = NameKey.tidy(name)
        if let canonical = aliases.canonical(for: tidy) { return (canonical, .aliasFile) }
        if let service = includedService(named: tidy, in: product) {
            let target = settle(service)
            return (target.name, target.rule ?? .subjectPrefix)
        }
        if let declared = declaredAbbreviation(for: tidy, in: product) {
            let target = settle(declared)
            return (target.name, target.rule ?? .declaredAbbreviation)
        }
        if let base = NameKey.withoutVersion(tidy), firstSpelling[Names.key(base)] != nil {
            let target = settle(base)
            return (target.name, target.rule ?? .version)
        }
        return settle(tidy)
    }

    /// Alias file, then first spelling.
    private func settle(_ name: String) -> (name: String, rule: MergeRule?) {
        if let canonical = aliases.canonical(for: name) { return (canonical, .aliasFile) }
        let spelling = firstSpelling[Names.key(name)] ?? name
        return (spelling, spelling == name ? nil : .spelling)
    }

    /// "CX Contact List Builder" -> "List Builder" and "CX Contact UI" -> "User Interface (UI)"
    /// when the product includes that service.
    private func includedService(named name: String, in product: Product) -> String? {
        let prefix = product.name.lowercased() + " "
        guard name.lowercased().hasPrefix(prefix) else { return nil }
        let rest = Names.key(String(name.dropFirst(prefix.count)))
        for service in product.services {
            if Names.key(service.name) == rest { return NameKey.tidy(service.name) }
            if let (base, inner) = Self.abbreviation(service.name), Names.key(inner) == rest || Names.key(base) == rest {
                return NameKey.tidy(service.name)
            }
        }
        return nil
    }

    /// "UI" or "User Interface" when the same product writes "User Interface (UI)".
    private func declaredAbbreviation(for name: String, in product: Product) -> String? {
        let key = Names.key(name)
        return (declarations[product.slug] ?? Self.declarations(Self.writtenNames(product)))
            .first { $0.key != key && ($0.inner == key || $0.base == key) }?.tidy
    }

    /// Of a product's written names (each once), those that declare an abbreviation.
    private static func declarations(_ names: [String]) -> [(key: String, base: String, inner: String, tidy: String)] {
        names.compactMap { candidate in
            guard let (base, inner) = abbreviation(candidate) else { return nil }
            return (Names.key(candidate), Names.key(base), Names.key(inner), NameKey.tidy(candidate))
        }
    }

    /// "User Interface (UI)" -> ("User Interface", "UI") when the parenthesis holds the initials.
    static func abbreviation(_ name: String) -> (base: String, inner: String)? {
        guard let (base, inner) = NameKey.parenthetical(name), inner.count >= 2,
              inner == inner.uppercased(), NameKey.initials(base) == inner.uppercased() else { return nil }
        return (base, inner)
    }
}
