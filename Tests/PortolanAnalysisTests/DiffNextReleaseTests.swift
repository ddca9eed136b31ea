import Foundation
import PortolanAnalysis
import PortolanModel
import Testing

/// The seeds against a "next release" made by editing copies of them (Fixtures/next-release):
/// Voice Microservices gains a row after #30 (later rows shift by one) and #15 moves from port
/// 9100 to 9200; CX Contact loses #12 (#13 becomes #12); Genesys Pulse #24's destination is
/// renamed from "Authorization Service" to "Authentication Service".
@Suite struct DiffNextReleaseTests {
    static let next = "Tests/PortolanAnalysisTests/Fixtures/next-release"

    func diff() throws -> ModelDiff {
        Differ.diff(old: try LintSupport.seeds(), new: Products.group(try LintSupport.model(Self.next)))
    }

    @Test func addedAndRemoved() throws {
        let diff = try diff()
        #expect(diff.added.map { "\($0.product) #\($0.connection.number) \($0.connection.source) -> \($0.connection.destination)" }
                == ["Voice Microservices #31 ORS -> Voice SIP Cluster Service"])
        #expect(diff.removed.map { "\($0.product) #\($0.connection.number) \($0.connection.source) -> \($0.connection.destination)" }
                == ["CX Contact #12 CX Contact -> Nexus"])
    }

    @Test func changedFields() throws {
        let changed = try diff().changed
        #expect(changed.map { "\($0.new.product) #\($0.new.connection.number) \($0.fields)" } == [
            "Genesys Pulse #24 [\"destination\"]",
            "Voice Microservices #15 [\"ports\"]",
        ])
        #expect(changed[0].old.connection.destination == "Authorization Service")
        #expect(changed[0].new.connection.destination == "Authentication Service")
        #expect(changed[1].new.connection.ports.ranges == [PortRange(9200)])
        #expect(changed.allSatisfy { !$0.isRenumbered })
    }

    @Test func renumberedRows() throws {
        let renumbered = try diff().renumbered
        let voice = renumbered.filter { $0.new.product == "Voice Microservices" }
        #expect(voice.count == 30)
        #expect(voice.allSatisfy { Int($0.new.connection.number)! == Int($0.old.connection.number)! + 1 && $0.fields.isEmpty })
        #expect(voice.first?.old.connection.number == "31")
        #expect(voice.last?.new.connection.number == "61")
        let cx = renumbered.filter { $0.new.product == "CX Contact" }
        #expect(cx.map { "\($0.old.connection.number)->\($0.new.connection.number) \($0.new.connection.source)" } == ["13->12 Outbound"])
    }

    @Test func firewallDeltaHoldsOnlyWhatChanged() throws {
        let delta = try diff().firewall
        func describe(_ rule: FirewallRule) -> String {
            "\(rule.source.name) -> \(rule.destination.name) \(rule.transport?.rawValue ?? "?") \(rule.portText)"
        }
        #expect(delta.toAdd.rules.map(describe).sorted() == [
            "ORS -> Voice SIP Cluster Service TCP 11400",
            "Pulse ReplicaSet -> Authentication Service TCP 80",
            "Voicemail -> Config Service TCP 9200",
        ])
        #expect(delta.toRemove.rules.map(describe).sorted() == [
            "CX Contact -> Nexus TCP 443",
            "Pulse ReplicaSet -> Authorization Service TCP 80",
            "Voicemail -> Config Service TCP 9100",
        ])
    }

    @Test func aReleaseAgainstItselfIsEmpty() throws {
        let seeds = try LintSupport.seeds()
        let diff = Differ.diff(old: seeds, new: seeds)
        #expect(diff.isEmpty)
        #expect(diff.firewall.toAdd.rules.isEmpty && diff.firewall.toRemove.rules.isEmpty)
    }

    @Test func parsedJSONGivesTheSameDiff() throws {
        let seeds = try LintSupport.model("Input")
        let roundTrip = try JSONDecoder().decode(Model.self, from: try JSONEncoder().encode(seeds))
        let next = Products.group(try LintSupport.model(Self.next))
        #expect(Differ.diff(old: Products.group(roundTrip), new: next) == Differ.diff(old: Products.group(seeds), new: next))
    }
}
