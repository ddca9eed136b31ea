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

    /// Ids unique within a graph: the second "conn-5" is "conn-5-2". Going on from a stem's last
    /// counter gives what trying every counter from 2 gives, also when a stem is itself an id
    /// made before ("conn-5-2" written as a number) or makes one that a later stem wants.
    @Test func uniqueIDsAreWhatTryingEveryCounterGives() {
        func reference(_ stems: [String]) -> [String] {
            var used: Set<String> = []
            return stems.map { stem in
                var id = stem, counter = 2
                while !used.insert(id).inserted { id = "\(stem)-\(counter)"; counter += 1 }
                return id
            }
        }
        let stems = ["conn-5", "conn-5", "conn-5-2", "conn-5", "conn-5-3", "conn-5", "conn-5-2", "conn-6", "conn-5-4", "conn-5"]
            + Array(repeating: "conn-7", count: 25) + ["conn-7-3", "conn-7", "conn-7-27"]
        var ids = UniqueIDs()
        let made = stems.map { ids.make($0) }
        #expect(made == reference(stems))
        #expect(Array(made.prefix(10)) == ["conn-5", "conn-5-2", "conn-5-2-2", "conn-5-3", "conn-5-3-2", "conn-5-4", "conn-5-2-3",
                                           "conn-6", "conn-5-4-2", "conn-5-5"])
        #expect(Set(made).count == made.count)
    }
}
