import Foundation
import PortolanModel
import PortolanReaders
import Testing

/// Every field of every row of the seeds' connections tables, as the documents state them.
/// The expected rows in Fixtures/expected/ were written by reading each document.
@Suite struct SeedTablesTests {
    @Test(arguments: [("000", 13), ("002", 27), ("003", 60), ("004", 22)])
    func everyRowAsWritten(key: String, count: Int) throws {
        let document = try Fixture.seed(key)
        let expected = Fixture.expectedRows(key)
        #expect(expected.count == count)
        #expect(document.connections.count == count)
        for (want, got) in zip(expected, document.connections.map(Fixture.Row.init)) {
            #expect(got == want, "row \(want.number): got \(got.summary) / \(got.description)")
        }
    }

    @Test func subjectsAndTitles() throws {
        #expect(try Fixture.seed("000").subject == "CX Contact")
        #expect(try Fixture.seed("000").title == "Outbound (CX Contact) Private Edition Guide")
        // No "point of view" sentence: "Learn about CX Contact architecture."
        #expect(try Fixture.seed("001").subject == "CX Contact")
        #expect(try Fixture.seed("002").subject == "Genesys Pulse")
        #expect(try Fixture.seed("002").title == nil)
        // "from the point of view of  as a service": blank, so the guide's title decides.
        #expect(try Fixture.seed("003").subject == "Voice Microservices")
        #expect(try Fixture.seed("003").title == "Voice Microservices Private Edition Guide")
        // The sentence is wrapped over two lines ("Genesys Voice" / "Platform as a service").
        #expect(try Fixture.seed("004").subject == "Genesys Voice Platform")
    }

    @Test func layouts() throws {
        #expect(try Fixture.seed("000").layout == "tab")
        #expect(try Fixture.seed("002").layout == "wrapped")
        #expect(try Fixture.seed("003").layout == "tab")
        #expect(try Fixture.seed("004").layout == "wrapped")
    }

    @Test func portRangesAndConfigurableMarks() throws {
        let cx = try Fixture.seed("000").connections
        #expect(cx[1].ports.ranges == [PortRange(20), PortRange(21), PortRange(22)])
        #expect(cx[3].ports.ranges == [PortRange(3004, 3008)])
        let voice = try Fixture.seed("003").connections
        #expect(voice[5].ports.ranges == [PortRange(6379)] && voice[5].ports.configurable)  // 6379*
        #expect(voice[6].ports.configurable == false)  // 7: 6379 without the mark
        #expect(voice[10].ports.ranges == [PortRange(9092), PortRange(9093)] && voice[10].ports.configurable)
        #expect(voice[23].ports.ranges.isEmpty && voice[23].ports.text == "N/A")
        #expect(voice[58].ports.ranges.isEmpty)  // "Not known (...)"
        let gvp = try Fixture.seed("004").connections
        #expect(gvp[18].ports.ranges == [PortRange(20000, 45000), PortRange(14000, 15999)])
        #expect(gvp[5].ports.ranges == [PortRange(8500), PortRange(8501)])
        #expect(gvp[17].ports == .absent)
    }

    /// Seed 004 leaves cells empty: 13 and 22 have no protocol, 18 no port, 19 no classification.
    @Test func missingCellsAreKeptAndWarned() throws {
        let document = try Fixture.seed("004")
        let byNumber = Dictionary(uniqueKeysWithValues: document.connections.map { ($0.number, $0) })
        #expect(byNumber["13"]?.protocol == nil)
        #expect(byNumber["22"]?.protocol == nil)
        #expect(byNumber["18"]?.ports.text == nil)
        #expect(byNumber["19"]?.classification == nil)
        let warnings = document.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.message) == [
            "connection 13: the Protocol cell is empty",
            "connection 18: the Port cell is empty",
            "connection 19: the Classification cell is empty",
            "connection 22: the Protocol cell is empty",
        ])
        #expect(warnings.map(\.line) == [180, 252, 257, 302])
    }

    @Test func cleanSeedsHaveNoDiagnostics() throws {
        for key in ["000", "001", "002", "003"] {
            #expect(try Fixture.seed(key).diagnostics == [], "seed \(key)")
        }
    }

    @Test func rowsCarryTheirLine() throws {
        let cx = try Fixture.seed("000").connections
        #expect(cx.first?.line == 56)  // "1\tCustomer Browser/API..."
        #expect(cx[7].line == 66)      // row 8, after the page break
        let pulse = try Fixture.seed("002").connections
        #expect(pulse[0].line == 38)   // "1 Permissions"
        #expect(pulse[26].line == 392) // "27 Public"
    }

    @Test func includedServices() throws {
        let services = try Fixture.seed("001").services
        let expected = Fixture.text("\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/expected/001.services.tsv")
            .split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { line -> (String, [String]) in
                let parts = line.split(separator: "\t").map(String.init)
                return (parts[0], parts[1].split(separator: "|").map { String($0).trimmingCharacters(in: .whitespaces) })
            }
        #expect(services.count == 8)
        for ((name, items), service) in zip(expected, services) {
            #expect(service.name == name)
            if items.count > 1 {
                #expect(service.items == items)
                #expect(service.description == items.joined(separator: " "))
            } else {
                #expect(service.items.isEmpty)
                #expect(service.description == items[0])
            }
        }
        // The page break cut List Builder's last item: "...for List Builder" / "consumption."
        #expect(services[0].items.last == "Copies files from FTP to NFS for List Builder consumption.")
    }

    @Test func introductions() throws {
        // 004's paragraph is wrapped at "high-" / "level": one word again.
        #expect(try Fixture.seed("004").intro == [
            "For information about the overall architecture of Genesys Multicloud CX private edition, see the high-level Architecture page.",
            "See also High availability and disaster recovery for information about high availability/disaster recovery architecture.",
        ])
        // Markdown links keep their text.
        #expect(try Fixture.seed("003").intro[1] == "For information about voice connectivity network details, see Voice connectivity.")
        #expect(try Fixture.seed("000").intro.count == 4)
        #expect(try Fixture.seed("001").intro == [])  // no Introduction heading
    }
}
