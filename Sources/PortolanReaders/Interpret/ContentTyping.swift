import PortolanModel

/// Where header words do not decide, the cells do: a column whose values are ports is the
/// port column, one of TCP/UDP/HTTPS the protocol column, one of Inbound/Outbound the direction.
enum ContentTyping {
    /// Returns the columns it gave a role to.
    @discardableResult
    static func fill(_ roles: inout [Column?], headers: [String], rows: [GridRow], mapping: ColumnMapping) -> [Int] {
        var typed: [Int] = []
        let taken = Set(roles.compactMap { $0 })
        var given = taken
        for index in roles.indices where roles[index] == nil {
            if index < headers.count, mapping.isMapped(headers[index]) { continue }
            let values = rows.prefix(200).compactMap { $0.cells[safe: index]?.text }.map(Text.collapseSpaces).filter { !$0.isEmpty }
            guard values.count >= 1 else { continue }
            func share(_ test: (String) -> Bool) -> Bool { values.filter(test).count * 10 >= values.count * 8 }
            if !given.contains(.port), !given.contains(.portProtocol), share(isPortValue) {
                roles[index] = .port
            } else if !given.contains(.protocol), !given.contains(.portProtocol), share(Realign.isProtocolCell) {
                roles[index] = .protocol
            } else if !given.contains(.portProtocol), !given.contains(.port), share({ !PortForms.splitProtocol($0).protocol.isEmpty && $0.contains(where: \.isNumber) }) {
                roles[index] = .portProtocol
            } else if !given.contains(.classification), share({ Direction.kind($0) != nil && Text.words($0).count <= 3 }) {
                roles[index] = .classification
            }
            if let role = roles[index] { given.insert(role); typed.append(index) }
        }
        return typed
    }

    static func isPortValue(_ text: String) -> Bool {
        // ASCII without a digit stays without one however it is normalised: no port (most words).
        if !text.utf8.contains(where: { ($0 >= 0x30 && $0 <= 0x39) || $0 >= 0x80 }) { return false }
        // `normalise` takes letters out only in its joining words (to, through, thru, and, or)
        // and before a colon ("msgr2:6789"): ASCII text with any other letter and no colon is no port.
        if !text.utf8.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: ":") }),
           text.utf8.contains(where: { byte in
               let lower = byte | 0x20
               return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") && byte >= UInt8(ascii: "A") && !"throughand".utf8.contains(lower)
           }) { return false }
        let normal = PortForms.normalise(text)
        // ASCII text on its bytes: a Character is a number exactly when its byte is a digit.
        if normal.utf8.allSatisfy({ $0 < 0x80 }) {
            var hasDigit = false, number = 0, digits = 0
            for byte in normal.utf8 {
                if byte >= 0x30 && byte <= 0x39 {
                    hasDigit = true; digits += 1
                    number = digits > 9 ? Int.max : number * 10 + Int(byte - 0x30)
                    continue
                }
                guard byte == 0x20 || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")
                        || byte == UInt8(ascii: "*") else { return false }
                if digits > 0, !(1...65535).contains(number) { return false }
                number = 0; digits = 0
            }
            return hasDigit && (digits == 0 || (1...65535).contains(number))
        }
        return normal.contains(where: \.isNumber) && normal.allSatisfy { $0.isNumber || " ,/-*".contains($0) }
            && normal.split(whereSeparator: { !$0.isNumber }).allSatisfy { Int($0).map { (1...65535).contains($0) } ?? false }
    }
}
