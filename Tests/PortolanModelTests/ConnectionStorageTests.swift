import Foundation
import PortolanModel
import Testing

/// A connection stores its position in 32-bit numbers and the cells rows repeat in one shared
/// storage: the values read and written, and the JSON, are what they were.
@Suite struct ConnectionStorageTests {
    private func connection(line: Int = 12, column: Int = 3, page: Int? = nil) -> Connection {
        Connection(number: "7", source: "Voice SIP Cluster Service", destination: "Redis", protocol: "TCP",
                   ports: PortSpec(ranges: [PortRange(6379)], configurable: true, text: "6379*"),
                   classification: "Intra-cluster", description: "Session state",
                   line: line, column: column, page: page)
    }

    /// The layout the type's comment promises (a million rows hold a million of them).
    @Test func aConnectionTakes80Bytes() {
        #expect(MemoryLayout<Connection>.stride == 80)
        #expect(MemoryLayout<SourcePosition>.size == 12)
    }

    private func row(_ number: Int, protocol proto: String? = "TCP", port: String = "443", page: Int? = nil,
                     attributes: [Attribute] = [], sharing: inout ConnectionSharing) -> Connection {
        Connection(number: String(number), source: "Source \(number)", destination: "Redis", protocol: proto,
                   ports: PortSpec(ranges: [PortRange(Int(port) ?? 0)], text: port), classification: "Egress",
                   description: "row \(number)", line: number, page: page, attributes: attributes, sharing: &sharing)
    }

    @Test func rowsWithEqualRepeatedCellsShareOneStorage() {
        var sharing = ConnectionSharing()
        let type = [Attribute(name: "Type", value: "Custom Rule")]
        let a = row(1, attributes: type, sharing: &sharing), b = row(2, attributes: type, sharing: &sharing)
        #expect(a.repeatedCellsStorage == b.repeatedCellsStorage)
        #expect(a.number == "1" && b.number == "2" && b.source == "Source 2" && b.line == 2 && b.attributes == type)
        // Any one repeated cell that differs is a storage of its own.
        for other in [row(3, protocol: "UDP", attributes: type, sharing: &sharing), row(4, port: "80", attributes: type, sharing: &sharing),
                      row(5, page: 2, attributes: type, sharing: &sharing)] {
            #expect(other.repeatedCellsStorage != a.repeatedCellsStorage)
        }
        // Columns without a role are the row's own (a "Rule name" may differ on every row): they
        // do not part rows that share the rest.
        let named = row(6, attributes: [Attribute(name: "Rule name", value: "allow-6")], sharing: &sharing)
        #expect(named.repeatedCellsStorage == a.repeatedCellsStorage && named.attributes == [Attribute(name: "Rule name", value: "allow-6")])
        #expect(row(7, sharing: &sharing).repeatedCellsStorage == a.repeatedCellsStorage)
        #expect(named != { var c = named; c.attributes = type; return c }())
        // Without a sharing, every row has its own; the values are the same.
        let alone = Connection(number: "1", source: "Source 1", destination: "Redis", protocol: "TCP",
                               ports: PortSpec(ranges: [PortRange(443)], text: "443"), classification: "Egress",
                               description: "row 1", line: 1, attributes: type)
        #expect(alone == a && alone.hashValue == a.hashValue && alone.repeatedCellsStorage != a.repeatedCellsStorage)
    }

    /// Numbers of up to 8 bytes are kept in the row; longer ones (and ones with a NUL) in its
    /// repeated cells. Either way the number reads back with its bytes.
    @Test func numbersReadBackAsWritten() {
        var sharing = ConnectionSharing()
        let numbers = ["", "1", "12", "1000000", "99999999", "123456789", "ZBX-01", "A.1.2.3", "fw-d99fff2c", "2888, 3888",
                       "\u{E9}1", "\u{1F600}\u{1F600}", "\u{1F600}\u{1F600}1", "a\u{0}b", "\u{0}", "9092/9093*"]
        for number in numbers {
            var c = row(1, sharing: &sharing)
            c.number = number
            #expect(Array(c.number.utf8) == Array(number.utf8), "\(number)")
            let made = Connection(number: number, source: "A", destination: "B", protocol: nil, ports: .absent,
                                  classification: nil, description: "", line: 1)
            #expect(Array(made.number.utf8) == Array(number.utf8), "\(number)")
            // And back to a short one: no long number is left behind.
            c.number = "7"
            #expect(c.number == "7" && c == { var d = row(1, sharing: &sharing); d.number = "7"; return d }())
        }
        // Rows numbered past 8 bytes share nothing else they would (their storage holds the number).
        let long1 = Connection(number: "connection-1", source: "A", destination: "B", protocol: "TCP", ports: .absent,
                               classification: nil, description: "", line: 1, sharing: &sharing)
        let long2 = Connection(number: "connection-2", source: "A", destination: "B", protocol: "TCP", ports: .absent,
                               classification: nil, description: "", line: 1, sharing: &sharing)
        #expect(long1.number == "connection-1" && long2.number == "connection-2" && long1 != long2)
    }

    /// Numbers compare as Strings, as every cell does: an 8-byte NFC number and its 12-byte NFD
    /// spelling (kept in different places) are equal, with one hash.
    @Test func numbersCompareAsStrings() {
        var nfc = connection(), nfd = connection()
        nfc.number = "\u{E9}\u{E9}\u{E9}\u{E9}"
        nfd.number = "e\u{301}e\u{301}e\u{301}e\u{301}"
        #expect(nfc.number.utf8.count == 8 && nfd.number.utf8.count == 12)
        #expect(nfc == nfd && nfc.hashValue == nfd.hashValue)
        var a = connection(), b = connection()
        a.number = "connection-1"
        b.number = "connection-2"
        #expect(a != b && a == { var c = connection(); c.number = "connection-1"; return c }())
    }

    @Test func changingASharedCellChangesOneRow() {
        var sharing = ConnectionSharing()
        var a = row(1, sharing: &sharing)
        let b = row(2, sharing: &sharing)
        a.protocol = "UDP"
        a.ports.ranges.append(PortRange(8443))
        a.page = 3
        a.attributes = [Attribute(name: "Zone", value: "DMZ")]
        #expect(a.protocol == "UDP" && a.ports.ranges == [PortRange(443), PortRange(8443)] && a.page == 3 && a.attributes.count == 1)
        #expect(b.protocol == "TCP" && b.ports.ranges == [PortRange(443)] && b.page == nil && b.attributes.isEmpty)
        #expect(row(2, sharing: &sharing).repeatedCellsStorage == b.repeatedCellsStorage)
    }

    /// Canonically equivalent spellings are equal Strings, but each row keeps the bytes it wrote.
    @Test func sharingKeepsEachRowsBytes() {
        var sharing = ConnectionSharing()
        let ascii = row(1, protocol: "Kafka", sharing: &sharing)
        let kelvin = row(2, protocol: "\u{212A}afka", sharing: &sharing)
        #expect(ascii.protocol == kelvin.protocol)
        #expect(Array(kelvin.protocol!.utf8) == Array("\u{212A}afka".utf8))
        #expect(Array(ascii.protocol!.utf8) == Array("Kafka".utf8))
        let nfc = row(3, attributes: [Attribute(name: "Zone", value: "Caf\u{E9}")], sharing: &sharing)
        let nfd = row(4, attributes: [Attribute(name: "Zone", value: "Cafe\u{301}")], sharing: &sharing)
        #expect(Array(nfc.attributes[0].value.utf8) == Array("Caf\u{E9}".utf8))
        #expect(Array(nfd.attributes[0].value.utf8) == Array("Cafe\u{301}".utf8))
    }

    /// A key by bytes: canonically equivalent spellings are two keys, equal bytes one.
    @Test func exactTextIsItsBytes() {
        let nfc = ExactText("Caf\u{E9}"), nfd = ExactText("Cafe\u{301}")
        #expect(nfc.text == nfd.text)
        #expect(nfc != nfd && Set([nfc, nfd]).count == 2)
        let built = ExactText(["Ca", "f\u{E9}"].joined())
        #expect(built == nfc && built.hashValue == nfc.hashValue)
        #expect(ExactText("") == ExactText("") && ExactText("a") != ExactText("A"))
    }

    /// Past its capacity a sharing keeps storing while rows find what it stored; a table whose
    /// every row differs stops adding at the capacity, and each later row has its own storage.
    @Test func sharingGrowsWhileItPays() {
        var sharing = ConnectionSharing(capacity: 4)
        // Ten combinations, each met once a round: the first four are stored at once; each
        // later one once the rows that found a stored combination are as many as those stored
        // (the fifth in round 1, the rest in round 2). From then on every row shares.
        // The rows are kept: a storage's identity means something only while it lives.
        var rows: [[Connection]] = []
        for round in 0..<4 {
            rows.append((0..<10).map { row(round * 10 + $0, port: String(1000 + $0), sharing: &sharing) })
        }
        let rounds = rows.map { $0.map(\.repeatedCellsStorage) }
        #expect(rounds[1][0..<4] == rounds[0][0..<4])
        #expect(rounds[1][4] != rounds[0][4] && rounds[2][4] == rounds[1][4])
        #expect(zip(rounds[2][5...], rounds[1][5...]).allSatisfy { $0 != $1 })
        #expect(rounds[3] == rounds[2])
        #expect(Set(rounds.joined()).count == 4 + 2 + 5 * 3)
        var unique = ConnectionSharing(capacity: 4)
        let made = (0..<10).map { row($0, port: String(2000 + $0), sharing: &unique) }
        #expect(Set(made.map(\.repeatedCellsStorage)).count == 10)
        // The first four were stored; the fifth, met again, is not.
        #expect(row(20, port: "2003", sharing: &unique).repeatedCellsStorage == made[3].repeatedCellsStorage)
        #expect(row(21, port: "2004", sharing: &unique).repeatedCellsStorage != made[4].repeatedCellsStorage)
    }

    @Test func positionsReadBackAsGiven() {
        var c = connection()
        #expect(c.line == 12 && c.column == 3 && c.page == nil)
        c.line = 2_147_483_647
        c.column = 1
        c.page = 0
        #expect(c.line == 2_147_483_647 && c.column == 1 && c.page == 0)
        c.page = -5
        #expect(c.page == -5)
        c.page = nil
        #expect(c.page == nil)
        // Past 32 bits a position is kept as the largest or smallest one; never nil.
        c.line = 5_000_000_000
        c.page = Int(Int32.min)
        #expect(c.line == 2_147_483_647 && c.page == Int(Int32.min) + 1)
        #expect(connection(page: 4) != connection(page: nil))
        #expect(connection(page: 4) == connection(page: 4))
        #expect(connection(line: 1) != connection(line: 2))
    }

    @Test func jsonKeepsItsKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(connection(page: 2)), as: UTF8.self)
        #expect(json == #"{"classification":"Intra-cluster","column":3,"configurable":true,"description":"Session state","destination":"Redis","line":12,"number":"7","page":2,"portText":"6379*","ports":[{"from":6379,"to":6379}],"protocol":"TCP","source":"Voice SIP Cluster Service"}"#)
        let spec = String(decoding: try encoder.encode(PortSpec(ranges: [PortRange(80, 81)], configurable: false, text: "80-81")), as: UTF8.self)
        #expect(spec == #"{"configurable":false,"ranges":[{"from":80,"to":81}],"text":"80-81"}"#)
        // No text: no key, as the synthesized coding wrote it.
        #expect(String(decoding: try encoder.encode(PortSpec()), as: UTF8.self) == #"{"configurable":false,"ranges":[]}"#)
    }

    @Test func jsonRoundTrips() throws {
        for original in [connection(), connection(page: 9)] {
            let decoded = try JSONDecoder().decode(Connection.self, from: try JSONEncoder().encode(original))
            #expect(decoded == original)
        }
        let spec = PortSpec(ranges: [PortRange(1), PortRange(2, 3)], configurable: true, text: nil)
        #expect(try JSONDecoder().decode(PortSpec.self, from: try JSONEncoder().encode(spec)) == spec)
        // Absent position keys: line 0, column 1, no page.
        let bare = try JSONDecoder().decode(Connection.self, from: Data(#"{"number":"1","source":"A","destination":"B"}"#.utf8))
        #expect(bare.line == 0 && bare.column == 1 && bare.page == nil)
    }

    @Test func protocolAndClassificationReadBackAsWritten() {
        var c = connection()
        #expect(c.protocol == "TCP" && c.classification == "Intra-cluster")
        // Words that are not usual ones, in either field or both, and nil and empty.
        for (proto, classification) in [("SQL over TCP", "Intra-cluster"), ("TCP", "Internal only"), ("RTP/RTCP or SRTP", "ingress (mostly)"),
                                        (nil, nil), ("", ""), (nil, "Egress"), ("UDP", nil), ("tcp", "EGRESS")] as [(String?, String?)] {
            c.protocol = proto
            c.classification = classification
            #expect(c.protocol == proto && c.classification == classification, "\(String(describing: proto)) \(String(describing: classification))")
            let made = Connection(number: "1", source: "A", destination: "B", protocol: proto, ports: .absent,
                                  classification: classification, description: "", line: 1)
            #expect(made.protocol == proto && made.classification == classification)
        }
        // Setting one leaves the other.
        c.protocol = "Something rare"
        c.classification = "Also rare"
        c.protocol = "HTTPS"
        #expect(c.protocol == "HTTPS" && c.classification == "Also rare")
        c.classification = "Egress"
        c.protocol = "Rare again"
        #expect(c.protocol == "Rare again" && c.classification == "Egress")
    }

    @Test func equalityIsTheValuesAsStrings() {
        // The Kelvin sign is canonically equivalent to K: equal as Strings, so equal connections,
        // though only the ASCII spelling is stored as a word.
        var kelvin = connection(), ascii = connection()
        kelvin.protocol = "\u{212A}afka"
        ascii.protocol = "Kafka"
        #expect(kelvin.protocol == ascii.protocol)
        #expect(kelvin == ascii)
        #expect(kelvin.hashValue == ascii.hashValue)
        // Its bytes are kept as written.
        #expect(Array(kelvin.protocol!.utf8) == Array("\u{212A}afka".utf8))
        var other = connection()
        other.classification = "Egress"
        #expect(other != connection())
        #expect(Set([connection(), connection(), other]).count == 2)
    }
}
