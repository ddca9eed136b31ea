/// The ways vendors write ports, brought to the plain form `PortCell` reads ("80, 443",
/// "8000-8010"), and the protocol a merged cell carries ("443/tcp", "TCP 443",
/// "53/UDP,53/TCP", "8300-8302 TCP and UDP", "25/TCP (SMTP)").
enum PortForms {
    /// Transport protocols a port cell may name beside its numbers.
    static let transports: [String] = ["tcp", "udp", "sctp", "icmp", "icmpv6", "quic", "esp", "gre"]

    /// The protocol words and the port part of a merged cell; `protocol` empty when it names none.
    static func splitProtocol(_ written: String) -> (protocol: String, ports: String) {
        let text = Text.collapseSpaces(written)
        // ASCII text holds a letter only in an ASCII letter byte; any other text asks its Characters.
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        guard ascii ? text.utf8.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) : text.contains(where: \.isLetter)
        else { return ("", text) }
        // A remark in parentheses ("(SMTP)", "(default)") is not the protocol.
        var body = ""
        var depth = 0
        for ch in text {
            if ch == "(" { depth += 1; body.append(" "); continue }
            if ch == ")" { depth = max(0, depth - 1); body.append(" "); continue }
            if depth == 0 { body.append(ch) }
        }
        var found: [String] = []
        var rest: [String] = []
        for token in body.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "," || $0 == ";" || $0 == "\\" || $0 == ":" }) {
            let lower = token.lowercased()
            if transports.contains(lower) {
                if !found.contains(lower) { found.append(lower) }
            } else if ["and", "or", "&", "+"].contains(lower) {
                rest.append(",")
            } else {
                rest.append(String(token))
            }
        }
        guard !found.isEmpty else { return ("", text) }
        let order = transports
        let protocols = found.sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }.map { $0.uppercased() }
        // The numbers that remain, each once, in the order written.
        var ports: [String] = []
        var pending = ""
        for token in rest {
            if token == "," { if !pending.isEmpty { ports.append(pending); pending = "" }; continue }
            let lowerPending = pending.lowercased()
            if pending.isEmpty { pending = token } else if pending.hasSuffix("-") || token.hasPrefix("-") || ["to", "through", "thru"].contains(token.lowercased()) || lowerPending.hasSuffix(" to") || lowerPending.hasSuffix(" through") || lowerPending.hasSuffix(" thru") {
                pending += " " + token
            } else {
                ports.append(pending)
                pending = token
            }
        }
        if !pending.isEmpty { ports.append(pending) }
        var seen = Set<String>()
        let unique = ports.filter { seen.insert($0).inserted }
        return (protocols.joined(separator: "/"), unique.joined(separator: ", "))
    }

    /// Footnote marks that follow a port and mean nothing about it (unless a document says `*` does).
    static let footnoteMarks: Set<Character> = ["†", "‡", "§", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁰"]

    /// The port part rewritten to digits, commas and hyphens: "80 and 443" -> "80, 443",
    /// "8000 to 8010" / "8000 – 8010" -> "8000-8010", ">1023" / ">= 1024" -> "1024-65535",
    /// footnote marks ("†", "[1]") dropped. Stars stay (the caller decides what they mean).
    static func normalise(_ text: String) -> String {
        if isPlainPortText(text) { return text }
        var s = text.replacingAll("–", with: "-").replacingAll("—", with: "-").replacingAll("‑", with: "-")
        s = String(s.filter { !footnoteMarks.contains($0) })
        // "[1]" footnote references.
        while let open = s.firstIndex(of: "["), let close = s[open...].firstIndex(of: "]"),
              s[s.index(after: open)..<close].allSatisfy(\.isNumber) {
            s.removeSubrange(open...close)
        }
        var words = Text.words(s.replacingAll(",", with: " , ")).map { word -> String in
            // "msgr2:6789": a name for the port before it.
            if let colon = word.lastIndex(of: ":"), word[word.index(after: colon)...].first?.isNumber ?? false,
               word[..<colon].contains(where: \.isLetter) { return String(word[word.index(after: colon)...]) }
            return word
        }
        var out: [String] = []
        var i = 0
        while i < words.count {
            let lower = words[i].lowercased()
            if ["to", "through", "thru", "-"].contains(lower), !out.isEmpty, i + 1 < words.count {
                out[out.count - 1] += "-" + words[i + 1]
                i += 2
                continue
            }
            if lower == "and" || lower == "&" || lower == "or" || lower == "+" { out.append(","); i += 1; continue }
            if lower == ">" || lower == ">=" || lower == "≥", i + 1 < words.count {
                words[i + 1] = lower + words[i + 1]
                i += 1
                continue
            }
            out.append(words[i])
            i += 1
        }
        let mapped = out.map { word -> String in
            let lower = word.lowercased()
            for (prefix, offset) in [(">=", 0), ("≥", 0), (">", 1)] where lower.hasPrefix(prefix) {
                if let n = Int(lower.dropFirst(prefix.count).filter { $0 != "*" }) { return "\(n + offset)-65535" }
            }
            if lower.hasSuffix("+"), let n = Int(lower.dropLast()) { return "\(n)-65535" }
            return word
        }
        return mapped.joined(separator: " ").replacingAll(" , ", with: ", ").replacingAll(" ,", with: ",")
    }

    /// True when `normalise` would give the text back as it is: ASCII digits, `*`, `/`, `-`
    /// not beside a space, single spaces, each comma after a digit or star and before one space
    /// and a digit (most port cells). Checked on the bytes, so the common cell costs one pass.
    static func isPlainPortText(_ text: String) -> Bool {
        var previous: UInt8 = 0x20  // the start counts as a space: no leading space allowed
        var afterComma = 0  // 1: just after a comma, 2: after the comma's space
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "*"), UInt8(ascii: "/"):
                if afterComma == 1 { return false }
                afterComma = 0
            case UInt8(ascii: "-"):
                if previous == 0x20 || afterComma != 0 { return false }
            case 0x20:
                if previous == 0x20 || previous == UInt8(ascii: "-") { return false }
                if afterComma == 1 { afterComma = 2 } else if afterComma == 2 { return false }
            case UInt8(ascii: ","):
                if previous == 0x20 || previous == UInt8(ascii: ",") || previous == UInt8(ascii: "-") { return false }
                afterComma = 1
            default:
                return false
            }
            previous = byte
        }
        return previous != 0x20 && afterComma == 0
    }

    /// Cells that say there is no fixed port, which need no warning.
    static func isNoPortWording(_ text: String) -> Bool {
        let lower = text.lowercased().trimmingPunctuation
        if lower.hasPrefix("not known") || lower.hasPrefix("n/a") || lower.hasPrefix("not applicable") { return true }
        return ["na", "none", "any", "all", "-", "—", "–", "various", "dynamic", "ephemeral", "random", "n.a."].contains(lower)
    }
}
