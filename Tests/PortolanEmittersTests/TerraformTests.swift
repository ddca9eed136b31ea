import PortolanAnalysis
@testable import PortolanEmitters
import PortolanModel
import Testing

/// Terraform from the firewall rules; Tests/Policy/terraform_test.py parses the files with
/// python-hcl2 and runs checkov over them.
struct TerraformTests {
    @Test func hclStringsKeepNamesInert() {
        #expect(HCLText.quoted("${file(\"/etc/passwd\")}") == #""$${file(\"/etc/passwd\")}""#)
        #expect(HCLText.quoted("%{ if x }y%{ endif }") == #""%%{ if x }y%%{ endif }""#)
        #expect(HCLText.quoted("a\\b\nc\td\u{1B}e\u{2028}") == #""a\\b\nc\td\u001Be\u2028""#)
        #expect(HCLText.quoted("100% ${") == #""100% $${""#)
        #expect(HCLText.quoted("$x %y") == #""$x %y""#)
        #expect(HCLText.comment("one\ntwo\u{7}") == "one two ")
    }

    static func connection(_ number: String, _ from: String, _ to: String, _ proto: String, _ port: PortRange, _ kind: String) -> Connection {
        Connection(number: number, source: from, destination: to, protocol: proto, ports: PortSpec(ranges: [port]),
                   classification: kind, description: "", line: Int(number)!)
    }

    static func sheet() -> FirewallSheet {
        let long = String(repeating: "Very Long Component Name ", count: 8)
        let product = Products.group(Model(documents: [Document(path: "shop.md", subject: "Shop", connections: [
            connection("1", "Web", "DB", "TCP", PortRange(5432), "Egress"),
            connection("2", "Internet", long, "HTTPS", PortRange(443), "Ingress"),
            connection("3", "Web", "Payments", "HTTPS", PortRange(443), "Egress"),
            connection("4", "Web", "Media", "RTP", PortRange(20000, 20100), "Egress"),
            connection("5", "Web", "Nowhere", "TCP", PortRange(1), "Egress"),
        ])]))[0]
        let inventory = Inventory(entries: [
            Inventory.Entry(name: "DB", addresses: ["10.40.0.0/24", "2001:db8::/64"]),
            Inventory.Entry(name: "Internet", addresses: ["0.0.0.0/0"]),
            Inventory.Entry(name: "Payments", addresses: ["pay.example.com"]),
            Inventory.Entry(name: "Media", addresses: ["198.51.100.7"]),
        ])
        return FirewallRules.derive([product], inventory: inventory)
    }

    @Test func onlyRulesWithFarEndBlocksAreEmittedAndTheRestListed() {
        let sheet = Self.sheet()
        let (items, skipped) = TerraformPlan.plan(sheet)
        #expect(items.map { $0.rule.references[0].connection + $0.suffix } == ["1-v4", "1-v6", "2", "4"])
        #expect(items.map(\.inbound) == [false, false, true, false])
        #expect(skipped.map(\.reason) == ["the destination 'Payments' has host names only (pay.example.com)",
                                          "the destination 'Nowhere' has no address"])
        let aws = TerraformAWS.render(sheet)
        #expect(aws.components(separatedBy: "resource \"aws_vpc_security_group_").count - 1 == 4)
        #expect(aws.contains("  cidr_ipv6         = \"2001:db8::/64\"\n"))
        #expect(aws.contains("  ip_protocol       = \"udp\"\n  from_port         = 20000\n  to_port           = 20100\n"))
        #expect(aws.contains("#   \(sheet.rules[2].id) Web -> Payments TCP 443: the destination 'Payments' has host names only (pay.example.com)\n"))
        let gcp = TerraformGCP.render(sheet)
        #expect(gcp.contains("  source_ranges      = [\"0.0.0.0/0\"]\n  target_tags        = [\"very-long-component-name-very-long-component-name-very-long-com\"]\n"))
    }

    @Test func azurePrioritiesAreUniqueAndDescriptionsFitIn140() {
        let azure = TerraformAzure.render(Self.sheet())
        let priorities = azure.split(separator: "\n").filter { $0.contains("priority") }.map { $0.split(separator: "=").last!.trimmingCharacters(in: .whitespaces) }
        #expect(priorities == ["100", "110", "120", "130"])
        let descriptions = azure.split(separator: "\n").filter { $0.hasPrefix("  description") }
        #expect(descriptions.count == 4)
        for line in descriptions {
            let value = line.split(separator: "=", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces).dropFirst().dropLast()
            #expect(value.count <= 140, "\(value)")
        }
        #expect(descriptions.contains { $0.hasSuffix("...\"") })
        #expect(azure.contains("  destination_address_prefix  = \"VirtualNetwork\"\n"))
    }
}
