/// One address the inventory gives a component: an IPv4 or IPv6 address or CIDR block, or a
/// fully qualified domain name. Anything else is rejected with the reason.
public enum NetworkAddress: Sendable, Hashable, CustomStringConvertible {
    /// A block in canonical form ("10.40.0.0/24", "2001:db8::/32"); a lone address has a
    /// full-length prefix ("10.0.0.5/32").
    case cidr(String, isIPv6: Bool)
    /// A host name such as "kafka-0.data.example.internal", lowercased, no trailing dot.
    case fqdn(String)

    public var description: String {
        switch self {
        case .cidr(let text, _), .fqdn(let text): text
        }
    }

    public var cidr: String? { if case .cidr(let text, _) = self { text } else { nil } }
    public var fqdn: String? { if case .fqdn(let name) = self { name } else { nil } }

    /// Reads one written address; the error says what is wrong with it.
    public static func parse(_ written: String) -> Result<NetworkAddress, Invalid> {
        let text = written
        if text.isEmpty { return .failure(Invalid("an address must not be empty")) }
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return .failure(Invalid("address '\(printable(text))' contains a space or a control character"))
        }
        if text.contains("://") {
            return .failure(Invalid("address '\(printable(text))' is not an IP address, a CIDR block or a host name (no URLs)"))
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count > 2 { return .failure(Invalid("address '\(printable(text))' has more than one '/'")) }
        let host = String(parts[0])
        let looksIPv6 = host.contains(":")
        let looksIPv4 = !looksIPv6 && host.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
        if looksIPv4 || looksIPv6 {
            guard let bytes = looksIPv6 ? ipv6(host) : ipv4(host) else {
                return .failure(Invalid("'\(printable(host))' is not a valid \(looksIPv6 ? "IPv6" : "IPv4") address"))
            }
            let bits = bytes.count * 8
            var prefix = bits
            if parts.count == 2 {
                guard let p = Int(parts[1]), parts[1].allSatisfy(\.isASCII), (0...bits).contains(p), !parts[1].isEmpty else {
                    return .failure(Invalid("prefix length '/\(printable(String(parts[1])))' of '\(printable(text))' is not between 0 and \(bits)"))
                }
                prefix = p
            }
            return .success(.cidr(format(masked(bytes, prefix), isIPv6: looksIPv6) + "/\(prefix)", isIPv6: looksIPv6))
        }
        if parts.count == 2 { return .failure(Invalid("'\(printable(text))' is a host name with a prefix length; only IP addresses take one")) }
        return hostName(host).map { .success(.fqdn($0)) } ?? .failure(Invalid("'\(printable(text))' is not an IP address, a CIDR block or a valid host name"))
    }

    public struct Invalid: Error, Sendable, Hashable {
        public var message: String
        init(_ message: String) { self.message = message }
    }

    /// RFC 1123 host name: labels of letters, digits and '-' (not at either end), 1...63 each,
    /// at most 253 in all, at least two labels, the last not all digits. A leading "*." is
    /// allowed (a wildcard Cilium understands).
    static func hostName(_ text: String) -> String? {
        var name = text.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        var body = name
        if body.hasPrefix("*.") { body.removeFirst(2) }
        let labels = body.split(separator: ".", omittingEmptySubsequences: false)
        guard name.count <= 253, labels.count >= 2, let last = labels.last, !last.allSatisfy(\.isNumber) else { return nil }
        for label in labels {
            guard (1...63).contains(label.count), label.first != "-", label.last != "-",
                  label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        }
        return name
    }

    static func ipv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(part), value <= 255, part.count == 1 || part.first != "0" else { return nil }
            bytes.append(UInt8(value))
        }
        return bytes
    }

    static func ipv6(_ text: String) -> [UInt8]? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var out: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains("."), let v4 = ipv4(String(piece)) {
                    out += [UInt16(v4[0]) << 8 | UInt16(v4[1]), UInt16(v4[2]) << 8 | UInt16(v4[3])]
                    continue
                }
                guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                out.append(value)
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count <= 7 else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    static func masked(_ bytes: [UInt8], _ prefix: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let keep = max(0, min(8, prefix - index * 8))
            return keep == 8 ? byte : byte & UInt8(truncatingIfNeeded: 0xFF << (8 - keep))
        }
    }

    /// Dotted quad, or RFC 5952 IPv6 (lowercase, longest run of two or more zero groups as "::").
    static func format(_ bytes: [UInt8], isIPv6: Bool) -> String {
        guard isIPv6 else { return bytes.map(String.init).joined(separator: ".") }
        let groups = stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        var best = (start: -1, length: 0), run = (start: -1, length: 0)
        for (index, group) in groups.enumerated() {
            if group == 0 {
                run = run.start < 0 ? (index, 1) : (run.start, run.length + 1)
                if run.length > best.length { best = run }
            } else {
                run = (-1, 0)
            }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard best.length >= 2 else { return hex.joined(separator: ":") }
        let head = hex[..<best.start].joined(separator: ":"), tail = hex[(best.start + best.length)...].joined(separator: ":")
        return head + "::" + tail
    }

    /// The text with control characters shown as "\u{..}", for messages.
    static func printable(_ text: String) -> String {
        text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }
}
