import PortolanModel

/// The description talks about the row's own components.
public enum DescriptionMismatch: LintRule {
    public static let summary = "The description names a different component than the row (\"Authentication Service\" in a row to \"Authorization Service\")."
    public static let rationale = """
        Rows are often copied and edited; when the description still names the component of the row \
        it was copied from, either the description or the row's ends are wrong. Two signs are checked: \
        a phrase in the description that is one word away from an end's name ("Authentication Service" \
        for "Authorization Service"), and a sentence that opens with another component of the same \
        page ("Pulse Load Distribution Server (LDS) retrieves ..." on a row from DCU StatefulSet).
        """

    enum Message {
        static func nearName(_ phrase: String, end: String, role: String) -> String {
            "the description says '\(phrase)' but the row's \(role) is '\(end)'; did you mean '\(phrase)'?"
        }
        static func otherActor(_ opening: String, component: String, source: String, destination: String) -> String {
            "the description's '\(opening) ...' is about '\(component)', which is neither end of this row ('\(source)' -> '\(destination)')"
        }
    }

    /// Words that name no particular component.
    static let generic: Set<String> = [
        "service", "services", "server", "servers", "statefulset", "replicaset", "deployment", "daemonset", "job",
        "pod", "pods", "namespace", "pool", "pair", "cluster", "multi", "az", "a", "the", "of", "and", "for", "to",
        "in", "on", "with", "from", "data", "system", "genesys", "messages", "message", "connection",
    ]

    public static func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        var memo = Memo(context)
        for product in context.products {
            let rows = context.rows(of: product)
            let components = distinctiveWords(rows, product: product, context)
            for index in rows.indices {
                let row = rows[index]
                let ends = context.ends[index]
                if let finding = nearName(row, memo: &memo, ends: ends) {
                    findings.append(finding)
                } else if let finding = otherActor(row, components: components, memo: &memo, ends: ends) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// The words of each name, worked out once (a large table writes the same few names on
    /// every row), by the name's place in `LintContext.names`.
    struct Memo {
        private let names: [String]
        private var base: [[String]?]
        private var singular: [[String]?]

        init(_ context: LintContext) {
            names = context.names
            base = Array(repeating: nil, count: names.count)
            singular = base
        }

        /// `words(baseName(name))`.
        mutating func baseWords(_ name: Int) -> [String] {
            if let known = base[name] { return known }
            let words = ComponentKnowledge.words(ComponentKnowledge.baseName(names[name]))
            base[name] = words
            return words
        }

        /// `words(name)`, each singular.
        mutating func singularWords(_ name: Int) -> [String] {
            if let known = singular[name] { return known }
            let words = ComponentKnowledge.words(names[name]).map(DescriptionMismatch.singular)
            singular[name] = words
            return words
        }
    }

    // MARK: A phrase one word away from an end's name

    /// `ends`: the places of the row's source and destination in `LintContext.names`.
    static func nearName(_ row: LintRow, memo: inout Memo, ends places: (source: Int, destination: Int)) -> LintFinding? {
        let ends = [(row.connection.destination, "destination", memo.baseWords(places.destination)),
                    (row.connection.source, "source", memo.baseWords(places.source))]
        // A name of two words or more, no longer than the description: else nothing to compare
        // (told from an ASCII description's word count without making its words).
        var shortest = Int.max
        for end in ends where end.2.count >= 2 { shortest = min(shortest, end.2.count) }
        guard shortest < Int.max else { return nil }
        if let count = asciiWordCount(row.connection.description), count < shortest { return nil }
        let text = original(row.connection.description)
        let words = text.map { $0.lowercased() }
        for (end, role, name) in ends {
            guard name.count >= 2, name.count <= words.count,
                  !ComponentKnowledge.contains(words, phrase: name.joined(separator: " ")) else { continue }
            for start in 0...(words.count - name.count) {
                let window = Array(words[start..<start + name.count])
                let differing = zip(window, name).filter { $0 != $1 }
                guard differing.count == 1, let (said, written) = differing.first,
                      said.count >= 6, written.count >= 6, said.prefix(4) == written.prefix(4),
                      !said.hasPrefix(written), !written.hasPrefix(said),
                      !(generic.contains(said) && generic.contains(written)) else { continue }
                let phrase = text[start..<start + name.count].joined(separator: " ")
                return row.finding(self, .warning, Message.nearName(phrase, end: end, role: role))
            }
        }
        return nil
    }

    // MARK: A sentence that opens with another component

    /// Each component of the page with the words that tell it apart (no generic, protocol or
    /// product words), singular.
    static func distinctiveWords(_ rows: ArraySlice<LintRow>, product: Product, _ context: LintContext) -> [(name: String, words: Set<String>)] {
        var own: Set<String> = []
        if let membership = context.membership(of: product) {
            own = Set(membership.prefixes.flatMap { $0 })
            if let capitals = membership.capitals { own.insert(capitals.lowercased()) }
        }
        var result: [(name: String, words: Set<String>)] = []
        // By place in `context.names`.
        var seen = [Bool](repeating: false, count: context.names.count)
        func note(_ place: Int) {
            guard !seen[place] else { return }
            seen[place] = true
            let name = context.names[place]
            let words = Set(ComponentKnowledge.words(name).map(singular)).subtracting(generic).subtracting(own)
                .filter { ProtocolWords.name(of: $0) == nil }
            if !words.isEmpty { result.append((name, words)) }
        }
        for index in rows.indices {
            note(context.ends[index].source)
            note(context.ends[index].destination)
        }
        return result
    }

    static func singular(_ word: String) -> String {
        word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
    }

    static func otherActor(_ row: LintRow, components: [(name: String, words: Set<String>)], memo: inout Memo,
                           ends places: (source: Int, destination: Int)) -> LintFinding? {
        var known: Set<String>?
        for sentence in sentences(row.connection.description) {
            let opening = leadingCapitalised(sentence)
            guard !opening.isEmpty else { continue }
            let ends = known ?? Set(memo.singularWords(places.source) + memo.singularWords(places.destination))
            known = ends
            let words = Set(opening.flatMap { ComponentKnowledge.words($0) }.map(singular))
            if !words.isDisjoint(with: ends.subtracting(generic)) { continue }
            if let component = components.first(where: { $0.words.isSubset(of: words) && $0.words.isDisjoint(with: ends) }) {
                return row.finding(self, .warning, Message.otherActor(
                    opening.joined(separator: " "), component: component.name,
                    source: row.connection.source, destination: row.connection.destination))
            }
        }
        return nil
    }
}
