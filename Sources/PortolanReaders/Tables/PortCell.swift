import PortolanModel

/// Reads a port cell: "5050, 8888", "3004-3008", "6379*", "9092/9093*", "20000-45000/14000-15999".
/// Cells in words ("N/A", "Not known (configured ...)") keep their text and give no ranges.
enum PortCell {
    struct Parsed {
        var spec: PortSpec
        /// Why a part of the cell was not taken as a port; empty when all was read.
        var problems: [String]
    }

    /// `starMeansConfigurable`: the document says a `*` after a port marks it configurable;
    /// otherwise a `*` is a footnote mark like any other.
    static func parse(_ written: String, starMeansConfigurable: Bool = true) -> Parsed {
        let text = Text.collapseSpaces(written)
        guard !text.isEmpty else { return Parsed(spec: .absent, problems: []) }
        let configurable = (starMeansConfigurable && Text.has(text, byte: UInt8(ascii: "*")))
            || (Text.has(text, byte: UInt8(ascii: "(")) && Text.has(text.lowercased(), "(configurable)"))
        // "5432 (default)": the ports before a remark in parentheses.
        let before = !Text.has(text, byte: UInt8(ascii: "(")) ? text : text.firstIndex(of: "(").map { Text.trimmed(text[..<$0]) } ?? text
        // Digits, commas, slashes and tight hyphens need no rewriting (the common case, and the fast one).
        let plain = before.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x20 || $0 == 0x2C || $0 == 0x2F || $0 == 0x2D || $0 == 0x2A }
            && !Text.has(before, " -") && !Text.has(before, "- ")
        let ports = plain ? before : PortForms.normalise(before)
        // A plain cell is digits and separators already: numeric when it holds a digit.
        let numeric = plain ? ports.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } : ports.allSatisfy { $0.isNumber || " ,/-*–".contains($0) } && ports.contains(where: \.isNumber)
        guard numeric else {
            // Words instead of numbers ("see comments"): no ports, and the user is told.
            let wording = before.isEmpty ? text : before
            let problems = wording.contains(where: \.isNumber) || PortForms.isNoPortWording(wording) || !wording.contains(where: \.isLetter)
                ? [] : ["the Port cell '\(text.prefix(80))' names no port number; no ports were taken from it"]
            return Parsed(spec: PortSpec(ranges: [], configurable: configurable, text: text), problems: problems)
        }
        if plain, let ranges = plainRanges(ports) {
            return Parsed(spec: PortSpec(ranges: ranges, configurable: configurable, text: text), problems: [])
        }
        var ranges: [PortRange] = []
        var problems: [String] = []
        let items = ports.split(whereSeparator: { $0 == "," || $0 == "/" || $0 == " " })
        for item in items {
            let cleaned = item.filter { $0 != "*" }
            if cleaned.isEmpty { continue }
            let bounds = cleaned.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" })
            let numbers = bounds.compactMap { Int($0) }
            guard numbers.count == bounds.count, (1...2).contains(numbers.count) else {
                problems.append("'\(item)' is not a port or a range of ports")
                continue
            }
            let range = PortRange(numbers[0], numbers.count == 2 ? numbers[1] : nil)
            guard (1...65535).contains(range.from), (1...65535).contains(range.to) else {
                problems.append("port '\(item)' is outside 1-65535")
                continue
            }
            guard range.from <= range.to else {
                problems.append("port range '\(item)' runs backwards")
                continue
            }
            ranges.append(range)
        }
        return Parsed(spec: PortSpec(ranges: ranges, configurable: configurable, text: text), problems: problems)
    }

    /// The ranges of a plain cell (digits, `,` `/` ` ` `-` `*`) read on its bytes, as the loop
    /// in `parse` reads them; nil when any item is not a valid port or range (that loop then
    /// says why).
    private static func plainRanges(_ ports: String) -> [PortRange]? {
        var ranges: [PortRange] = []
        var bounds: [Int] = []
        var number = 0, digits = 0, itemHasText = false
        func endBound() -> Bool {
            guard digits > 0, digits <= 9 else { return false }
            bounds.append(number)
            number = 0; digits = 0
            return true
        }
        func endItem() -> Bool {
            defer { bounds.removeAll(keepingCapacity: true); itemHasText = false }
            guard itemHasText else { return true }  // empty, or stars only: skipped
            guard endBound(), bounds.count <= 2 else { return false }
            let range = PortRange(bounds[0], bounds.count == 2 ? bounds[1] : nil)
            guard (1...65535).contains(range.from), (1...65535).contains(range.to), range.from <= range.to else { return false }
            ranges.append(range)
            return true
        }
        for byte in ports.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                number = number &* 10 &+ Int(byte - UInt8(ascii: "0")); digits += 1; itemHasText = true
            case UInt8(ascii: "*"): continue
            case UInt8(ascii: "-"):
                itemHasText = true
                guard endBound() else { return nil }
            default:  // ",", "/", " "
                guard endItem() else { return nil }
            }
        }
        guard endItem() else { return nil }
        return ranges
    }

    /// True for one word of a port cell as the wrapped layout shows it: "8888", "8888,",
    /// "6379*", "9092/9093*", "20000-45000/", "N/A".
    static func isPortWord(_ word: String) -> Bool {
        if word.utf8.count == 3, word.uppercased() == "N/A" { return true }
        if let ascii = isASCIIPortWord(word) { return ascii }
        guard let first = word.first, first.isNumber else { return false }
        guard word.allSatisfy({ $0.isNumber || ",/-*–".contains($0) }) else { return false }
        // Every number in it must be a possible port.
        let numbers = word.split(whereSeparator: { !$0.isNumber })
        return numbers.allSatisfy { Int($0).map { (0...65535).contains($0) } ?? false }
    }

    /// `isPortWord` byte by byte for an ASCII word (every row's words are asked); nil for any other.
    private static func isASCIIPortWord(_ word: String) -> Bool? {
        var number = 0
        for byte in word.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
                if number > 65535 { return false }
            case UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "*"):
                number = 0
            case 0x80...: return nil
            default: return false
            }
        }
        return word.utf8.first.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false
    }

    /// True when a port word ends in a separator, so the cell goes on after a break.
    static func continues(_ word: String) -> Bool {
        word.hasSuffix(",") || word.hasSuffix("/") || word.hasSuffix("-")
    }
}
