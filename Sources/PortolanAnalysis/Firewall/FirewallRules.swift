import PortolanModel

/// Model -> firewall rules: one per (source, destination, transport, destination port or
/// range) of each connection, identical rules merged, doubtful ones flagged.
public enum FirewallRules {
    /// Derives the rules of the given products, perimeter first, each section in source order.
    /// Identical rules from several connections or products are one rule with all references.
    public static func derive(_ products: [Product], inventory: Inventory = .empty) -> FirewallSheet {
        var rules: [FirewallRule] = []
        // Per rule, what it already holds: merging a million rows must not search its lists.
        var held: [Held] = []
        var indexByIdentity: [String: Int] = [:]
        var keys = Keys()
        // Rows that differ only in number, place and description give the same rules but for
        // those, so they land in the same rules: where each shape's rules went, found once.
        var placed: [ConnectionShape: [Int]] = [:]
        var groups = ReferenceGroups()
        var fresh = FreshReferences()
        func keyOf(_ reference: RuleReference) -> ReferenceKey {
            ReferenceKey(group: groups.group(product: reference.product, path: reference.path), line: reference.line, connection: reference.connection)
        }
        for product in products {
            for document in product.documents {
                let group = groups.group(product: product.name, path: document.path)
                for connection in document.connections {
                    let reference = RuleReference(product: product.name, connection: connection.number,
                                                  path: document.path, line: connection.line)
                    let key = ReferenceKey(group: group, line: connection.line, connection: connection.number)
                    let new = fresh.isNew(group: group, line: connection.line, number: connection.number)
                    let shape = ConnectionShape(connection)
                    if let indexes = placed[shape] {
                        // Its protocol and flags are the shape's: already held by these rules.
                        for (position, index) in indexes.enumerated() {
                            held[index].add(reference, key: key, new: new && !indexes[..<position].contains(index),
                                            justification: connection.description, into: &rules[index], keyOf: keyOf)
                        }
                        continue
                    }
                    var indexes: [Int] = []
                    for candidate in self.rules(for: connection, reference: reference, inventory: inventory, declared: product.declared) {
                        let identity = self.identity(of: candidate, key: { keys.key($0) })
                        if let index = indexByIdentity[identity] {
                            held[index].merge(candidate, key: key, new: new && !indexes.contains(index), into: &rules[index], keyOf: keyOf)
                            indexes.append(index)
                        } else {
                            indexByIdentity[identity] = rules.count
                            indexes.append(rules.count)
                            held.append(Held(candidate))
                            rules.append(candidate)
                        }
                    }
                    if placed.count < 100_000 { placed[shape] = indexes }
                }
            }
        }
        assignIDs(&rules)
        let ordered = FirewallSection.allCases.flatMap { section in rules.filter { $0.section == section } }
        return FirewallSheet(rules: ordered, request: inventory.request,
                             documents: products.flatMap { $0.documents.map(\.path) })
    }

    /// What a connection's rules depend on besides its reference and description.
    private struct ConnectionShape: Hashable {
        var source: String, destination: String, `protocol`: String?, ports: PortSpec, classification: String?

        init(_ connection: Connection) {
            source = connection.source
            destination = connection.destination
            self.protocol = connection.protocol
            ports = connection.ports
            classification = connection.classification
        }
    }

    /// `Names.key` of each name once.
    private struct Keys {
        var known: [String: String] = [:]
        mutating func key(_ name: String) -> String {
            if let key = known[name] { return key }
            let key = Names.key(name)
            known[name] = key
            return key
        }
    }

    /// A reference without its strings, for a set: the (product, path) pair as a number.
    private struct ReferenceKey: Hashable {
        var group: Int, line: Int, connection: String
    }

    /// A number for each distinct (product, path): documents of one pair share it.
    private struct ReferenceGroups {
        var known: [String: [String: Int]] = [:]
        var count = 0
        mutating func group(product: String, path: String) -> Int {
            if let group = known[product]?[path] { return group }
            known[product, default: [:]][path] = count
            count += 1
            return count - 1
        }
    }

    /// Whether a row's reference is new to every rule, known cheaply: its (product, path)'s
    /// lines have only grown so far, and no earlier row of its line has its number. A row it
    /// cannot tell (lines going back, a line of many rows) is looked for in the rule's set.
    private struct FreshReferences {
        /// Per (product, path): the last line, and the numbers of its rows (at most 16).
        var lastLine: [Int] = []
        var numbers: [[String]] = []

        mutating func isNew(group: Int, line: Int, number: String) -> Bool {
            while lastLine.count <= group {
                lastLine.append(Int.min)
                numbers.append([])
            }
            if line > lastLine[group] {
                lastLine[group] = line
                numbers[group].removeAll(keepingCapacity: true)
                numbers[group].append(number)
                return true
            }
            guard line == lastLine[group], numbers[group].count < 16, !numbers[group].contains(number) else { return false }
            numbers[group].append(number)
            return true
        }
    }

    /// The references, protocols, justifications and flags a rule holds, as sets.
    private struct Held {
        /// nil while the rule's references are known distinct (each came new): made from
        /// them when a row comes that may repeat one.
        var references: Set<ReferenceKey>?
        var protocols: Set<String>
        var justifications: Set<String>
        var flags: Set<FirewallFlag>

        /// A rule made from one connection.
        init(_ rule: FirewallRule) {
            protocols = Set(rule.applicationProtocols)
            justifications = Set(rule.justifications)
            flags = Set(rule.flags)
        }

        /// A row's reference, unless the rule has it; `new`: no rule has it.
        mutating func add(_ reference: RuleReference, key: ReferenceKey, new: Bool, into rule: inout FirewallRule,
                          keyOf: (RuleReference) -> ReferenceKey) {
            if new {
                references?.insert(key)
                rule.references.append(reference)
                return
            }
            if references == nil { references = Set(rule.references.map(keyOf)) }
            if references!.insert(key).inserted { rule.references.append(reference) }
        }

        /// Another row of a shape the rule already holds: its reference and description.
        mutating func add(_ reference: RuleReference, key: ReferenceKey, new: Bool, justification: String, into rule: inout FirewallRule,
                          keyOf: (RuleReference) -> ReferenceKey) {
            add(reference, key: key, new: new, into: &rule, keyOf: keyOf)
            if !justification.isEmpty, justifications.insert(justification).inserted { rule.justifications.append(justification) }
        }

        /// `FirewallRule.merge` of a rule made from one connection (`key`), without searching the lists.
        mutating func merge(_ other: FirewallRule, key: ReferenceKey, new: Bool, into rule: inout FirewallRule,
                            keyOf: (RuleReference) -> ReferenceKey) {
            for x in other.references { add(x, key: key, new: new, into: &rule, keyOf: keyOf) }
            for x in other.applicationProtocols where protocols.insert(x).inserted { rule.applicationProtocols.append(x) }
            for x in other.justifications where justifications.insert(x).inserted { rule.justifications.append(x) }
            var flagsChanged = false
            for x in other.flags where flags.insert(x).inserted {
                rule.flags.append(x)
                flagsChanged = true
            }
            if flagsChanged { rule.flags.sort() }
        }
    }

    /// The rules one connection gives, before merging; each has an empty id.
    /// A component a YAML model declares external puts the rule at the perimeter and sits in the
    /// external zone; one declared a workload sits in the cluster (an inventory zone still wins).
    public static func rules(for connection: Connection, reference: RuleReference,
                             inventory: Inventory = .empty, declared: DeclaredComponents = DeclaredComponents()) -> [FirewallRule] {
        let kind = connection.classificationKind
        let transport = Transport.of(protocol: connection.protocol)
        var flags: [FirewallFlag] = []
        if transport == nil {
            if let written = connection.protocol {
                flags.append(FirewallFlag(.noTransport, "no transport: protocol '\(written)' names none Portolan knows; confirm before filing"))
            } else {
                flags.append(FirewallFlag(.noTransport, "no transport: the protocol cell is empty; confirm before filing"))
            }
        }
        if connection.ports.configurable {
            flags.append(FirewallFlag(.configurablePort, "configurable port ('\(connection.ports.text ?? "")'); confirm before filing"))
        }
        if kind == nil {
            if let written = connection.classification {
                flags.append(FirewallFlag(.noClassification, "classification '\(written)' is not Ingress, Egress or Intra-cluster; confirm direction"))
            } else {
                flags.append(FirewallFlag(.noClassification, "no classification; confirm direction"))
            }
        }
        let ends = (declared.kind(of: connection.source), declared.kind(of: connection.destination))
        let section = ends.0 == .external || ends.1 == .external ? .perimeter : FirewallSection(classification: kind)
        let source = endpoint(connection.source, inventory: inventory, defaultZone: zone(declared: ends.0) ?? zone(kind, isSource: true))
        let destination = endpoint(connection.destination, inventory: inventory, defaultZone: zone(declared: ends.1) ?? zone(kind, isSource: false))
        func rule(_ port: PortRange?, _ portText: String, _ extra: [FirewallFlag]) -> FirewallRule {
            FirewallRule(id: "", section: section, action: "allow",
                         direction: connection.classification ?? "(none)",
                         source: source, destination: destination, transport: transport,
                         port: port, portText: portText,
                         applicationProtocols: connection.protocol.map { [$0] } ?? [],
                         justifications: connection.description.isEmpty ? [] : [connection.description],
                         references: [reference], flags: (flags + extra).sorted())
        }
        if connection.ports.ranges.isEmpty {
            let written = connection.ports.text ?? ""
            let message = written.isEmpty ? "port not given; confirm before filing"
                                           : "port not known ('\(written)'); confirm before filing"
            return [rule(nil, written, [FirewallFlag(.unknownPort, message)])]
        }
        var seen: Set<PortRange> = []
        return connection.ports.ranges.filter { seen.insert($0).inserted }.map { rule($0, $0.description, []) }
    }

    /// What makes two rules identical: section, direction, both ends, transport and port.
    static func identity(of rule: FirewallRule) -> String {
        identity(of: rule, key: Names.key)
    }

    /// `key` is `Names.key`, or a memo of it.
    static func identity(of rule: FirewallRule, key: (String) -> String) -> String {
        func endpointKey(_ endpoint: FirewallEndpoint) -> String {
            endpoint.inventoryName.map { "inventory:" + key($0) } ?? key(endpoint.name)
        }
        return [rule.section.rawValue,
                ClassificationKind(written: rule.direction)?.rawValue ?? key(rule.direction),
                endpointKey(rule.source), endpointKey(rule.destination),
                rule.transport?.rawValue ?? "?",
                rule.port?.description ?? "?" + key(rule.portText)].joined(separator: "\u{1F}")
    }

    /// Zones without an inventory: Ingress comes from outside, Egress goes outside.
    static func zone(_ kind: ClassificationKind?, isSource: Bool) -> String? {
        switch kind {
        case .ingress: isSource ? "external" : "cluster"
        case .egress: isSource ? "cluster" : "external"
        case .intraCluster: "cluster"
        case nil: nil
        }
    }

    /// The zone a declared kind tells: external parties outside, workloads in the cluster.
    static func zone(declared: ComponentKind?) -> String? {
        switch declared {
        case .external: "external"
        case .workload: "cluster"
        case .datastore, .queue, nil: nil
        }
    }

    static func endpoint(_ name: String, inventory: Inventory, defaultZone: String?) -> FirewallEndpoint {
        guard let entry = inventory.entry(for: name) else {
            return FirewallEndpoint(name: name, zone: defaultZone)
        }
        // A component the inventory places in a namespace runs in the cluster, whatever the classification says.
        let zone = entry.zone ?? (entry.namespace != nil ? "cluster" : defaultZone)
        return FirewallEndpoint(name: name, inventoryName: entry.name, zone: zone,
                                addresses: entry.addresses, namespace: entry.namespace, podLabels: entry.podLabels)
    }

    /// What a rule's id is made of: the documented flow only, i.e. source and destination as
    /// the (first) document writes them, transport and port. Not the zones, addresses or
    /// inventory names (so an inventory does not change ids), not the classification, not the
    /// product, document or row number (so a new release with renumbered rows keeps them).
    static func flowKey(of rule: FirewallRule) -> String {
        [Names.key(rule.source.name), Names.key(rule.destination.name),
         rule.transport?.rawValue ?? "?",
         rule.port?.description ?? "?" + Names.key(rule.portText)].joined(separator: "\u{1F}")
    }

    /// Ids from a hash of each rule's documented flow, so they survive added documents, an
    /// inventory and renumbered rows; a collision (the same flow written with two
    /// classifications) lengthens the later id.
    static func assignIDs(_ rules: inout [FirewallRule]) {
        var used: Set<String> = []
        for index in rules.indices {
            let hash = fnv1a(flowKey(of: rules[index]))
            var id = "fw-" + hex(hash, digits: 8)
            if used.contains(id) { id = "fw-" + hex(hash, digits: 16) }
            var suffix = 2
            while used.contains(id) { id = "fw-" + hex(hash, digits: 16) + "-\(suffix)"; suffix += 1 }
            used.insert(id)
            rules[index].id = id
        }
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        // MurmurHash3's finaliser, so rules that differ in one port differ in every digit.
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let full = String(value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - full.count)) + full
        return String(padded.prefix(digits))
    }
}

extension FirewallRule {
    /// Adds another connection's rule with the same identity: references, protocols,
    /// justifications and flags are united, first-seen order kept.
    mutating func merge(_ other: FirewallRule) {
        func unite<T: Equatable>(_ a: inout [T], _ b: [T]) { for x in b where !a.contains(x) { a.append(x) } }
        unite(&references, other.references)
        unite(&applicationProtocols, other.applicationProtocols)
        unite(&justifications, other.justifications)
        unite(&flags, other.flags)
        flags.sort()
    }
}
