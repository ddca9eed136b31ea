import PortolanModel

/// Decides where the source ends and the destination begins when a layout has lost the cell
/// boundary between them, from evidence only: the blank-line blocks and lines the words came
/// in, names the document states unambiguously elsewhere, common infrastructure names, and
/// the words that end component names.
struct NameSplit {
    /// The words before a row's anchor: blocks (separated by blank lines) of lines of words.
    /// Stored flat (the words, and where lines and blocks end) because a large table keeps one
    /// region per row until the names are learnt.
    struct Region {
        let words: [String]
        /// For each line, the index in `words` one past its last word; for each block, one past its last line.
        private let lineEnds: [Int32]
        private let blockEnds: [Int32]

        init(blocks: [[[String]]]) {
            var words: [String] = [], lineEnds: [Int32] = [], blockEnds: [Int32] = []
            for block in blocks {
                for line in block {
                    words += line
                    lineEnds.append(Int32(words.count))
                }
                blockEnds.append(Int32(lineEnds.count))
            }
            self.words = words
            self.lineEnds = lineEnds
            self.blockEnds = blockEnds
        }

        var blocks: [[[String]]] {
            var result: [[[String]]] = []
            var line = 0, word = 0
            for blockEnd in blockEnds {
                var block: [[String]] = []
                while line < Int(blockEnd) {
                    block.append(Array(words[word..<Int(lineEnds[line])]))
                    word = Int(lineEnds[line])
                    line += 1
                }
                result.append(block)
            }
            return result
        }

        var isEmpty: Bool { words.isEmpty }
    }

    struct Choice: Equatable {
        var source: String
        var destination: String
        /// How much better this split scored than the next best; large means sure.
        var margin: Int
        /// True when the blank-line structure alone decided it.
        var structural: Bool
        /// After how many of the region's words the destination starts (0 when structural):
        /// with the region, all it takes to make the choice again (`NameSplit.made`).
        var split = 0

        var confident: Bool { structural || margin >= 4 }
    }

    /// Name keys (`Names.key`) the document states unambiguously.
    var known: Set<String> {
        didSet { scores.removeAll(keepingCapacity: true) }
    }

    /// Scores of sides already weighed, while `known` stays as it is: a table names the same
    /// components row after row, and each row weighs every split of its words. Bounded so a
    /// table of distinct names keeps memory linear in its rows at most.
    private var scores: [[String]: Int] = [:]
    static let scoreCacheLimit = 65_536

    init(known: Set<String>) {
        self.known = known
    }

    enum Boundary { case withinLine, lineBreak, blockBreak }

    /// A choice made before, again from its region and its split alone (`Choice.split`; 0 for
    /// a structural one), without weighing anything: a large table keeps only the split of each
    /// row between learning its names and giving its rows.
    static func made(_ region: Region, split: Int) -> (source: String, destination: String) {
        let nonEmptyBlocks = region.blocks.filter { !$0.flatMap { $0 }.isEmpty }
        if nonEmptyBlocks.count == 2 { return (join(nonEmptyBlocks[0]), join(nonEmptyBlocks[1])) }
        return joinSplit(lines: nonEmptyBlocks.flatMap { $0 }.filter { !$0.isEmpty }, at: split)
    }

    mutating func choose(_ region: Region) -> Choice? {
        let nonEmptyBlocks = region.blocks.filter { !$0.flatMap { $0 }.isEmpty }
        if nonEmptyBlocks.count == 2 {
            return Choice(source: Self.join(nonEmptyBlocks[0]), destination: Self.join(nonEmptyBlocks[1]),
                          margin: 100, structural: true)
        }
        // Flatten with the kind of boundary that follows each word.
        var words: [String] = []
        var boundaries: [Boundary] = []
        for block in nonEmptyBlocks {
            for line in block where !line.isEmpty {
                for word in line {
                    words.append(word)
                    boundaries.append(.withinLine)
                }
                boundaries[boundaries.count - 1] = .lineBreak
            }
            if !boundaries.isEmpty { boundaries[boundaries.count - 1] = .blockBreak }
        }
        guard words.count >= 2 else { return nil }
        var scored: [(score: Int, k: Int)] = []
        // Names are a few words long: in a long run only splits near either end are plausible,
        // and looking at only those keeps a garbled row from costing more than a good one.
        let reach = 16
        for k in 1..<words.count where k <= reach || k >= words.count - reach {
            let prefix = Array(words[..<k]), suffix = Array(words[k...])
            var score = cachedScore(side: prefix) + cachedScore(side: suffix)
            switch boundaries[k - 1] {
            case .withinLine: score += 2
            case .lineBreak: break
            case .blockBreak: score += 8
            }
            scored.append((score, k))
        }
        // Highest score; on a tie the earlier split, so the result never depends on order of evaluation.
        let ranked = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.k < $1.k }
        let best = ranked[0]
        let margin = ranked.count > 1 ? best.score - ranked[1].score : 100
        let lines = nonEmptyBlocks.flatMap { $0 }.filter { !$0.isEmpty }
        let (source, destination) = Self.joinSplit(lines: lines, at: best.k)
        return Choice(source: source, destination: destination, margin: margin, structural: false, split: best.k)
    }

    private mutating func cachedScore(side words: [String]) -> Int {
        if let known = scores[words] { return known }
        if scores.count >= Self.scoreCacheLimit { scores.removeAll(keepingCapacity: true) }
        let value = score(side: words)
        scores[words] = value
        return value
    }

    /// How much a run of words looks like one whole component name.
    func score(side words: [String]) -> Int {
        let key = Names.key(words.joined(separator: " "))
        let core = Self.dropQualifiers(words)
        let coreKey = Names.key(core.joined(separator: " "))
        var best = 0
        let isKnown = known.contains(key)
        let isInfrastructure = Vocabulary.infrastructure.contains(key) || (!core.isEmpty && Vocabulary.infrastructure.contains(coreKey))
        if isKnown {
            best = 10
        } else if isInfrastructure {
            // A bare word that also ends longer names ("Ingress") is weaker evidence.
            best = core.count == 1 && Vocabulary.isKindWord(core[0]) ? 4 : 6
        } else if let last = core.last, Vocabulary.isKindWord(last) {
            best = startsWithKnownName(words) ? 6 : 4
        }
        var score = best
        guard let first = words.first, let last = words.last else { return score }
        if !isKnown && !isInfrastructure {
            if core.count <= 1, let only = core.first, Vocabulary.isKindWord(only) { score -= 8 }
            if let f = first.first, f.isLowercase { score -= 5 }
            if Vocabulary.isQualifier(first) { score -= 6 }
            if words.count > 1, Vocabulary.isKindWord(first) { score -= 3 }
        }
        if Vocabulary.connectors.contains(first.lowercased()) || Vocabulary.connectors.contains(last.lowercased()) { score -= 6 }
        if last.hasSuffix("/") || last.hasSuffix("-") || first.hasPrefix("/") { score -= 6 }
        let opens = words.reduce(0) { $0 + $1.filter { $0 == "(" }.count }
        let closes = words.reduce(0) { $0 + $1.filter { $0 == ")" }.count }
        if opens != closes { score -= 8 }
        if containsKnownNameInside(words) { score -= 3 }
        return score
    }

    private func startsWithKnownName(_ words: [String]) -> Bool {
        guard words.count > 1 else { return false }
        for k in 1..<min(words.count, 11) where known.contains(Names.key(words[..<k].joined(separator: " "))) {
            return true
        }
        return false
    }

    /// A known name that starts after the first word (a sign that two names were run together).
    /// Names are a few words long, so only the side's first words are looked at: a side of
    /// thousands of words (a garbled row) costs no more than a short one, and reading stays linear.
    static let insideReach = 32

    private func containsKnownNameInside(_ words: [String]) -> Bool {
        guard words.count > 1, !known.isEmpty else { return false }
        for start in 1..<min(words.count, Self.insideReach) {
            for end in (start + 1)...min(words.count, start + 10) where known.contains(Names.key(words[start..<end].joined(separator: " "))) {
                if !(start == 0 && end == words.count) { return true }
            }
        }
        return false
    }

    /// Drops trailing qualifiers ("multi-AZ", "(VQ)", "6.x") to find the word that ends the name.
    static func dropQualifiers(_ words: [String]) -> [String] {
        var core = words[...]
        while core.count > 1, let last = core.last, Vocabulary.isQualifier(last) || last.hasSuffix(")") {
            if last.hasSuffix(")") && !last.hasPrefix("(") {
                // "(Voice Config Service)": drop back to the word that opened it.
                guard let open = core.lastIndex(where: { $0.hasPrefix("(") }), open > core.startIndex else { break }
                core = core[..<open]
            } else {
                core = core.dropLast()
            }
            if core.last?.lowercased() == "multi" { core = core.dropLast() }
        }
        return Array(core)
    }

    static func join(_ lines: [[String]]) -> String {
        Text.joinFragments(lines.map { $0.joined(separator: " ") })
    }

    /// Splits lines of words after the k-th word, keeping line fragments for joining.
    static func joinSplit(lines: [[String]], at k: Int) -> (String, String) {
        var left: [String] = [], right: [String] = []
        var seen = 0
        for line in lines {
            let cut = min(max(k - seen, 0), line.count)
            if cut > 0 { left.append(line[..<cut].joined(separator: " ")) }
            if cut < line.count { right.append(line[cut...].joined(separator: " ")) }
            seen += line.count
        }
        return (Text.joinFragments(left), Text.joinFragments(right))
    }
}
