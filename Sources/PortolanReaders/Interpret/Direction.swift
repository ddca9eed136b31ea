import PortolanModel

/// Which way a connection goes, as vendors write it in a direction column or a heading.
enum Direction {
    struct Found: Hashable {
        var kind: ClassificationKind?
        /// The words as written ("Inbound rules").
        var text: String
    }

    /// Inbound/Ingress -> Ingress, Outbound/Egress -> Egress, Internal -> Intra-cluster; both
    /// ("In/Out", "Bidirectional") or neither -> nil.
    static func kind(_ text: String) -> ClassificationKind? {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
        let inbound = words.contains { ["inbound", "ingress", "in", "incoming", "→in"].contains($0) }
        let outbound = words.contains { ["outbound", "egress", "out", "outgoing"].contains($0) }
        let internalWords = words.contains { ["internal", "intra-cluster", "intracluster", "east-west"].contains($0) }
        if words.contains(where: { ["bidirectional", "both", "bi-directional", "two-way"].contains($0) }) { return nil }
        switch (inbound, outbound, internalWords) {
        case (true, false, false): return .ingress
        case (false, true, false): return .egress
        case (false, false, true): return .intraCluster
        default: break
        }
        // Arrows: "->" out of the product, "<-" into it.
        let t = Text.trimmed(text)
        if t == "→" || t == "->" || t == "=>" { return .egress }
        if t == "←" || t == "<-" || t == "<=" { return .ingress }
        return nil
    }

    /// Words the Genesys classification column holds that stay as written ("Ingress/Egress").
    static func isGenesysWord(_ text: String) -> Bool {
        Anchor.isClassification(Text.trimmed(text))
    }

    /// A heading just before the table that states the direction ("Inbound rules", "Outbound
    /// (internal network > DMZ)"); the nearest heading that says one wins.
    static func fromHeading(_ context: [String]) -> Found? {
        for text in context.reversed() where HeadingSides.isHeadingLike(text) {
            let lower = text.lowercased()
            let words = lower.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "/" })
            let says = words.contains { w in
                ["inbound", "outbound", "ingress", "egress", "incoming", "outgoing", "in/out", "inbound/outbound"].contains(String(w))
            }
            guard says else { continue }
            let kind = Self.kind(String(words.first { ["inbound", "outbound", "ingress", "egress", "incoming", "outgoing", "in/out", "inbound/outbound"].contains(String($0)) } ?? ""))
            return Found(kind: kind, text: Text.collapseSpaces(text))
        }
        return nil
    }
}

/// Text shown to a person: control and bidirectional formatting characters made visible.
enum ControlText {
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.isControlCharacter || $0.isBidiControl }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isControlCharacter || scalar.isBidiControl {
                out += "<U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(4))>"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
