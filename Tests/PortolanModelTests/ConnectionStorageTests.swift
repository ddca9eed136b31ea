import Foundation
import PortolanModel
import Testing

/// A connection stores its position in 32-bit numbers and its port cell's text first: the
/// values read and written, and the JSON, are what they were.
@Suite struct ConnectionStorageTests {
    private func connection(line: Int = 12, column: Int = 3, page: Int? = nil) -> Connection {
        Connection(number: "7", source: "Voice SIP Cluster Service", destination: "Redis", protocol: "TCP",
                   ports: PortSpec(ranges: [PortRange(6379)], configurable: true, text: "6379*"),
                   classification: "Intra-cluster", description: "Session state",
                   line: line, column: column, page: page)
    }

    /// The layout the type's comment promises (a million rows hold a million of them).
    @Test func aConnectionTakes120Bytes() {
        #expect(MemoryLayout<Connection>.size <= 120)
        #expect(MemoryLayout<SourcePosition>.size == 12)
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
