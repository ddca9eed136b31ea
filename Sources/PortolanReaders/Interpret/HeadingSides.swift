/// What the heading or caption just before a table says about its rows' sides: "Table 1. All
/// machines to control plane" names both; "Inbound Rules for Rancher Server Nodes" or
/// "Control plane" names the side the table is about (the other side is in the rows).
struct HeadingSides: Equatable {
    var source: String?
    var destination: String?
    /// The side a one-sided table is about.
    var subject: String?

    static func parse(_ context: [String]) -> HeadingSides {
        guard let heading = context.last(where: isHeadingLike) else { return HeadingSides() }
        var text = Text.collapseSpaces(heading)
        // "Table 1." / "Table 2:" captions.
        if text.lowercased().hasPrefix("table "), let dot = text.firstIndex(where: { $0 == "." || $0 == ":" }),
           text[text.index(text.startIndex, offsetBy: 6)..<dot].allSatisfy({ $0.isNumber || $0 == "-" || $0 == "." }) {
            text = Text.trimmed(text[text.index(after: dot)...])
        }
        let parts = text.components(separatedBy: " to ")
        if parts.count == 2, !stripLead(parts[0]).isEmpty, !parts[1].isEmpty, Text.words(text).count <= 10 {
            let source = capitalised(stripLead(parts[0])), destination = parts[1]
            return HeadingSides(source: source, destination: destination.lowercased() == source.lowercased() ? source : destination, subject: nil)
        }
        let subject = stripLead(text)
        return HeadingSides(source: nil, destination: nil, subject: subject.isEmpty ? nil : capitalised(subject))
    }

    /// A heading: short, no closing full stop.
    static func isHeadingLike(_ text: String) -> Bool {
        let t = Text.trimmed(text)
        guard let last = t.last else { return false }
        if last == ":" { return Text.words(t).count <= 6 }
        return t.count <= 100 && last != "." && last != "," && Text.words(t).count <= 12
    }

    /// Drops the words around the name: "Inbound rules for X", "Ports for X on Y", "Outbound (X > Y)".
    static func stripLead(_ text: String) -> String {
        var words = Text.words(text)
        let lead: Set<String> = ["inbound", "outbound", "ingress", "egress", "incoming", "outgoing", "rules", "rule", "ports",
                                 "port", "traffic", "connections", "requirements", "firewall", "network", "for", "from", "to", "on",
                                 "of", "the", "required", "needed", "open", "opened", "allowed"]
        while let first = words.first, lead.contains(first.lowercased().trimmingPunctuation) { words.removeFirst() }
        // "X on RKE2", "X (internal network > DMZ)": the name stops there; "X (master-sg)" keeps its tag.
        if let cut = words.firstIndex(where: { ($0.hasPrefix("(") && !$0.hasSuffix(")") && !$0.hasSuffix("):")) || $0.lowercased() == "on" }) { words = Array(words[..<cut]) }
        while let last = words.last, ["rules", "rules:", "ports", "ports:", "traffic", "traffic:"].contains(last.lowercased()) { words.removeLast() }
        return words.joined(separator: " ").trimmingPunctuation
    }

    static func capitalised(_ s: String) -> String {
        guard let first = s.first, first.isLowercase else { return s }
        return first.uppercased() + s.dropFirst()
    }
}

/// A party cell that names both sides: "A → B", "A -> B", "A ↔ B", "A to B".
enum PartyCell {
    static func split(_ text: String, allowTo: Bool) -> (source: String, destination: String, bidirectional: Bool)? {
        for (arrow, both) in [(" → ", false), (" -> ", false), (" ↔ ", true), (" <-> ", true), (" <> ", true), (" ⇄ ", true), (" => ", false)] {
            let parts = text.components(separatedBy: arrow)
            if parts.count == 2 { return (Text.trimmed(parts[0]), Text.trimmed(parts[1]), both) }
        }
        if allowTo, let range = text.range(of: " to ") {
            return (Text.trimmed(text[..<range.lowerBound]), Text.trimmed(text[range.upperBound...]), false)
        }
        return nil
    }
}
