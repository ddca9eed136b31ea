@testable import PortolanReaders
import PortolanModel
import Testing

/// Every way of writing ports the issue lists, through the port cell reader.
@Suite struct PortFormsTests {
    func ranges(_ text: String) -> [String] { PortCell.parse(text, starMeansConfigurable: false).spec.ranges.map(\.description) }

    @Test(arguments: [
        ("80, 443", ["80", "443"]), ("80 and 443", ["80", "443"]), ("80/443", ["80", "443"]), ("8200 + 8201", ["8200", "8201"]),
        ("8000-8010", ["8000-8010"]), ("8000–8010", ["8000-8010"]), ("8000 - 8010", ["8000-8010"]),
        ("8000 to 8010", ["8000-8010"]), ("8000 through 8010", ["8000-8010"]),
        (">1023", ["1024-65535"]), ("> 1023", ["1024-65535"]), (">= 1024", ["1024-65535"]),
        ("443†", ["443"]), ("443[1]", ["443"]), ("msgr:3300, msgr2:6789", ["3300", "6789"]),
    ])
    func forms(text: String, expected: [String]) {
        #expect(ranges(text) == expected)
    }

    @Test func starsAreFootnotesUnlessTheDocumentSaysConfigurable() {
        #expect(!PortCell.parse("6443*", starMeansConfigurable: false).spec.configurable)
        #expect(PortCell.parse("6443*", starMeansConfigurable: true).spec.configurable)
        #expect(PortCell.parse("2048-3329 (configurable)", starMeansConfigurable: false).spec.configurable)
    }

    @Test(arguments: [
        ("443/tcp", "TCP", "443"), ("TCP 443", "TCP", "443"), ("8472/udp", "UDP", "8472"), ("25/TCP (SMTP)", "TCP", "25"),
        ("53/UDP,53/TCP", "TCP/UDP", "53"), ("8300-8302 TCP and UDP", "TCP/UDP", "8300-8302"),
    ])
    func mergedCellsGiveProtocolAndPorts(text: String, proto: String, ports: String) {
        let split = PortForms.splitProtocol(text)
        #expect(split.protocol == proto)
        #expect(split.ports == ports)
    }

    @Test func proseGivesNoPortsAndAWarning() {
        let parsed = PortCell.parse("See comments")
        #expect(parsed.spec.ranges.isEmpty)
        #expect(parsed.problems == ["the Port cell 'See comments' names no port number; no ports were taken from it"])
        #expect(PortCell.parse("N/A").problems.isEmpty)
    }

    @Test func icmpTypeAndCodeAreNoPort() {
        let document = DocumentReader.read(path: "t.md", text: SourceText(text: "| Source | Destination | Protocol | Port |\n|---|---|---|---|\n| A | B | ICMP | 8/0 |\n"))
        #expect(document.connections[0].ports.ranges.isEmpty)
        #expect(!document.diagnostics.contains { $0.severity >= .warning })
    }
}
