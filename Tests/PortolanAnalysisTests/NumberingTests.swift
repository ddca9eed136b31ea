@testable import PortolanAnalysis
import Testing

/// Values numbered in the order first seen; a value seen again keeps its number.
@Suite struct NumberingTests {
    @Test func firstSeenOrderAndRepeatsKeepTheirNumber() {
        var numbering = Numbering<String>()
        let given = ["Web", "API", "Web", "Cache", "API", "web"].map { numbering.number($0) }
        #expect(given.map(\.number) == [0, 1, 0, 2, 1, 3])
        #expect(given.map(\.isNew) == [true, true, false, true, false, true])
        #expect(numbering.values == ["Web", "API", "Cache", "web"])
    }

    /// Slug.make returns a slug as it is (the shortcut) and makes one of anything else.
    @Test func slugsOfRowNumbersAndNames() {
        #expect(Slug.make("123") == "123")
        #expect(Slug.make("5a") == "5a")
        #expect(Slug.make("5A") == "5a")
        #expect(Slug.make("") == "unnamed")
        #expect(Slug.make("Voice SIP Cluster") == "voice-sip-cluster")
        #expect(Slug.make(String(repeating: "7", count: 70)) == String(repeating: "7", count: 64))
    }
}
