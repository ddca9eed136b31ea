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
        var memo = Memo()
        for product in context.products {
            let rows = context.rows.filter { $0.product.slug == product.slug }
            let components = distinctiveWords(rows, product: product, context)
            for row in rows {
                if let finding = nearName(row, memo: &memo) {
                    findings.append(finding)
                } else if let finding = otherActor(row, components: components, memo: &memo) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// The words of each name, worked out once (a large table writes the same few names on every row).
    struct Memo {
        private var base: [String: [String]] = [:]
        private var singular: [String: [String]] = [:]

        /// `words(baseName(name))`.
        mutating func baseWords(_ name: String) -> [String] {
            if let known = base[name] { return known }
            let words = ComponentKnowledge.words(ComponentKnowledge.baseName(name))
            base[name] = words
            return words
        }

        /// `words(name)`, each singular.
        mutating func singularWords(_ name: String) -> [String] {
            if let known = singular[name] { return known }
            let words = ComponentKnowledge.words(name).map(DescriptionMismatch.singular)
            singular[name] = words
            return words
        }
    }

    // MARK: A phrase one word away from an end's name

    static func nearName(_ row: LintRow, memo: inout Memo) -> LintFinding? {
        let text = original(row.connection.description)
        let words = text.map { $0.lowercased() }
        for (end, role) in [(row.connection.destination, "destination"), (row.connection.source, "source")] {
            let name = memo.baseWords(end)
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

    /// The description's words as written (letters and digits only).
    static func original(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    // MARK: A sentence that opens with another component

    /// Each component of the page with the words that tell it apart (no generic, protocol or
    /// product words), singular.
    static func distinctiveWords(_ rows: [LintRow], product: Product, _ context: LintContext) -> [(name: String, words: Set<String>)] {
        var own: Set<String> = []
        if let membership = context.membership(of: product) {
            own = Set(membership.prefixes.flatMap { $0 })
            if let capitals = membership.capitals { own.insert(capitals.lowercased()) }
        }
        var result: [(name: String, words: Set<String>)] = []
        var seen: Set<String> = []
        for row in rows {
            for name in [row.connection.source, row.connection.destination] where seen.insert(name).inserted {
                let words = Set(ComponentKnowledge.words(name).map(singular)).subtracting(generic).subtracting(own)
                    .filter { ProtocolWords.name(of: $0) == nil }
                if !words.isEmpty { result.append((name, words)) }
            }
        }
        return result
    }

    static func singular(_ word: String) -> String {
        word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
    }

    static func otherActor(_ row: LintRow, components: [(name: String, words: Set<String>)], memo: inout Memo) -> LintFinding? {
        let ends = Set(memo.singularWords(row.connection.source) + memo.singularWords(row.connection.destination))
        for sentence in row.connection.description.split(separator: ".") {
            let opening = leadingCapitalised(String(sentence))
            guard !opening.isEmpty else { continue }
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

    /// The sentence's opening run of capitalised words ("Pulse Load Distribution Server (LDS)").
    static func leadingCapitalised(_ sentence: String) -> [String] {
        var run: [String] = []
        for word in sentence.split(whereSeparator: \.isWhitespace) {
            let letters = word.drop { !$0.isLetter }
            guard let first = letters.first, first.isUppercase else { break }
            run.append(String(word))
        }
        return run
    }
}
