@testable import PortolanReaders
import PortolanModel
import Testing

/// Equal cells share storage (`Interner`); values never change.
@Suite struct InternerTests {
    /// The address of a string's bytes, where it has its own storage.
    private func storage(_ s: String) -> UnsafeRawPointer? {
        s.utf8.withContiguousStorageIfAvailable { $0.baseAddress.map(UnsafeRawPointer.init) } ?? nil
    }

    /// A string built at run time (not a literal), so each call has storage of its own.
    private func fresh(_ parts: [String]) -> String { parts.joined(separator: " ") }

    @Test func equalLongStringsShareOneStorage() {
        var sharing = Interner()
        let first = fresh(["Voice", "SIP", "Cluster", "Service"])
        let second = fresh(["Voice", "SIP", "Cluster", "Service"])
        #expect(storage(first) != storage(second))
        let a = sharing.string(first), b = sharing.string(second)
        #expect(a == "Voice SIP Cluster Service" && b == a)
        #expect(storage(b) == storage(first))
        // A different string is itself.
        let other = sharing.string(fresh(["Voice", "SIP", "Cluster", "Services"]))
        #expect(other == "Voice SIP Cluster Services")
        #expect(storage(other) != storage(first))
    }

    @Test func shortStringsAndTheEmptyStringAreAsGiven() {
        var sharing = Interner()
        // Up to 15 UTF-8 bytes live inside the String: nothing to share.
        #expect(sharing.string(fresh(["Config", "Service"])) == "Config Service")
        #expect(sharing.string("") == "")
        #expect(sharing.string(fresh(["Intra-cluster"])) == "Intra-cluster")
    }

    @Test func pastItsCapacityTheTableOnlyLooksUp() {
        var sharing = Interner()
        for i in 0..<Interner.capacity { _ = sharing.string("a cell of row number \(i)") }
        let kept = fresh(["a", "cell", "of", "row", "number", "7"])
        #expect(storage(sharing.string(kept)) != storage(kept))  // found: the first one's storage
        let late = fresh(["a", "cell", "past", "the", "capacity"])
        #expect(storage(sharing.string(late)) == storage(late))
        let again = fresh(["a", "cell", "past", "the", "capacity"])
        #expect(storage(sharing.string(again)) == storage(again))  // not added, so not shared
        #expect(sharing.string(again) == "a cell past the capacity")
    }

    @Test func equalPortCellsGiveTheSameReading() {
        var sharing = Interner()
        let first = sharing.port("5050, 8888*", starMeansConfigurable: true)
        let second = sharing.port(fresh(["5050,", "8888*"]), starMeansConfigurable: true)
        #expect(first.spec == PortSpec(ranges: [PortRange(5050), PortRange(8888)], configurable: true, text: "5050, 8888*"))
        #expect(second.spec == first.spec)
        #expect(first.spec.ranges.withUnsafeBufferPointer { $0.baseAddress } == second.spec.ranges.withUnsafeBufferPointer { $0.baseAddress })
        // Whether a star means configurable is part of the key.
        let footnote = sharing.port("5050, 8888*", starMeansConfigurable: false)
        #expect(footnote.spec.configurable == false)
        #expect(footnote.spec.ranges == first.spec.ranges)
        // Problems come with the reading, every time.
        #expect(sharing.port("70000", starMeansConfigurable: true).problems == ["port '70000' is outside 1-65535"])
        #expect(sharing.port("70000", starMeansConfigurable: true).problems == ["port '70000' is outside 1-65535"])
        // Every reading is the one PortCell.parse gives.
        for cell in ["", "N/A", "9092/9093*", "20000-45000", "443 (default)", "see note 2"] {
            let shared = sharing.port(cell, starMeansConfigurable: true)
            let direct = PortCell.parse(cell, starMeansConfigurable: true)
            #expect(shared.spec == direct.spec && shared.problems == direct.problems, "\(cell)")
        }
    }

    /// The address of an array's elements.
    private func storage(_ list: [Attribute]) -> UnsafeRawPointer? {
        list.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
    }

    /// Rows repeating a column without a role ("Type": "Custom Rule 3") share one attribute list;
    /// a different list, or the same names with another value, is its own; values never change.
    @Test func equalAttributeListsShareOneStorage() {
        var sharing = Interner()
        func row(_ type: String) -> [Attribute] { [Attribute(name: fresh(["Type"]), value: fresh(["Custom", "Rule", type]))] }
        let first = sharing.attributes(row("3"))
        let again = sharing.attributes(row("3"))
        #expect(again == [Attribute(name: "Type", value: "Custom Rule 3")])
        #expect(storage(again) == storage(first))
        let other = sharing.attributes(row("4"))
        #expect(other == [Attribute(name: "Type", value: "Custom Rule 4")])
        #expect(storage(other) != storage(first))
        #expect(sharing.attributes([]) == [])
    }

    /// NFC and NFD spellings (and the Kelvin sign for K) are equal Strings; sharing never gives a
    /// cell the other spelling's bytes, in strings, port cells or attribute lists.
    @Test func canonicallyEquivalentSpellingsKeepTheirOwnBytes() {
        var sharing = Interner()
        let nfc = "Caf\u{E9} Ordering Service", nfd = "Cafe\u{301} Ordering Service"
        #expect(nfc == nfd)
        #expect(Array(sharing.string(nfc).utf8) == Array(nfc.utf8))
        #expect(Array(sharing.string(nfd).utf8) == Array(nfd.utf8))
        let kelvinPort = "443 (\u{212A}afka)", asciiPort = "443 (Kafka)"
        #expect(sharing.port(asciiPort, starMeansConfigurable: true).spec.text.map { Array($0.utf8) } == Array(asciiPort.utf8))
        #expect(sharing.port(kelvinPort, starMeansConfigurable: true).spec.text.map { Array($0.utf8) } == Array(kelvinPort.utf8))
        let first = sharing.attributes([Attribute(name: "Zone", value: nfc)])
        let second = sharing.attributes([Attribute(name: "Zone", value: nfd)])
        #expect(Array(first[0].value.utf8) == Array(nfc.utf8))
        #expect(Array(second[0].value.utf8) == Array(nfd.utf8))
    }
}
