import PortolanAnalysis
import PortolanModel
import Testing

/// Issue 12: invalid addresses are rejected at their line; valid ones (IPv4, IPv6, CIDR, host
/// names) kept; duplicate keys reported at the repeated key's line.
struct InventoryAddressTests {
    @Test(arguments: [
        ("999.1.1.1/40", "'999.1.1.1' is not a valid IPv4 address"),
        ("10.0.0.0/33", "prefix length '/33' of '10.0.0.0/33' is not between 0 and 32"),
        ("::1/129", "prefix length '/129' of '::1/129' is not between 0 and 128"),
        ("", "an address must not be empty"),
        ("http://x", "address 'http://x' is not an IP address, a CIDR block or a host name (no URLs)"),
        ("a b", "address 'a b' contains a space or a control character"),
        ("a\nb", "address 'a\\u{a}b' contains a space or a control character"),
        ("10.0.0.1.5", "'10.0.0.1.5' is not a valid IPv4 address"),
        ("010.0.0.1", "'010.0.0.1' is not a valid IPv4 address"),
        ("1:2:3:4:5:6:7:8:9", "'1:2:3:4:5:6:7:8:9' is not a valid IPv6 address"),
        ("2001:db8::1::2", "'2001:db8::1::2' is not a valid IPv6 address"),
        ("host_name.example.com", "'host_name.example.com' is not an IP address, a CIDR block or a valid host name"),
        ("-bad.example.com", "'-bad.example.com' is not an IP address, a CIDR block or a valid host name"),
        ("localhost", "'localhost' is not an IP address, a CIDR block or a valid host name"),
        ("redis.example.com/24", "'redis.example.com/24' is a host name with a prefix length; only IP addresses take one"),
    ])
    func invalidAddressIsRejectedWithItsReason(written: String, reason: String) {
        switch NetworkAddress.parse(written) {
        case .success(let address): Issue.record("'\(written)' was accepted as \(address)")
        case .failure(let invalid): #expect(invalid.message == reason)
        }
    }

    @Test(arguments: [
        ("10.40.0.0/24", "10.40.0.0/24"),
        ("10.0.0.5", "10.0.0.5/32"),
        ("10.40.0.9/24", "10.40.0.0/24"),
        ("0.0.0.0/0", "0.0.0.0/0"),
        ("2001:DB8::7", "2001:db8::7/128"),
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1/128"),
        ("::/0", "::/0"),
        ("::ffff:10.0.0.1", "::ffff:a00:1/128"),
        ("fe80::1/10", "fe80::/10"),
    ])
    func validBlocksAreCanonical(written: String, canonical: String) throws {
        let address = try NetworkAddress.parse(written).get()
        #expect(address.cidr == canonical)
    }

    @Test func hostNamesAreLowercasedWithoutTheTrailingDot() throws {
        #expect(try NetworkAddress.parse("Kafka-0.Data.Example.Internal.").get().fqdn == "kafka-0.data.example.internal")
        #expect(try NetworkAddress.parse("*.example.com").get().fqdn == "*.example.com")
    }

    @Test func invalidAddressesInTheInventoryAreErrorsAtTheirLineAndNeverKept() {
        let text = """
        components:
          Redis:
            addresses:
              - 999.1.1.1/40
              - 10.0.0.0/33
              - "::1/129"
              - ""
              - http://x
              - a b
              - "a\\nb"
              - 10.0.0.5
              - redis.example.com
            cidrs: [redis.example.com]
            fqdns: [10.0.0.6]
        """
        let (inventory, diagnostics) = Inventory.parse(text)
        #expect(inventory.entries.first?.addresses == ["10.0.0.5", "redis.example.com"])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(diagnostics.map(\.line) == [4, 5, 6, 7, 8, 9, 10, 13, 14])
        #expect(diagnostics[0].message == "invalid address: '999.1.1.1' is not a valid IPv4 address")
        #expect(diagnostics[7].message == "'redis.example.com' under 'cidrs' is a host name, not a CIDR block")
    }

    @Test func anEmptyFieldListsNoAddressButAQuotedEmptyStringIsAnError() {
        let (inventory, diagnostics) = Inventory.parse("components:\n  A:\n    addresses:\n  B:\n    addresses: \"\"\n")
        #expect(inventory.entries.map(\.addresses) == [[], []])
        #expect(diagnostics.map(\.line) == [5])
        #expect(diagnostics.first?.message == "invalid address: an address must not be empty")
    }

    @Test func duplicateKeysAreReportedAtTheRepeatedKey() {
        let text = """
        components:
          Redis:
            zone: data
          Kafka:
            zone: data
          Redis:
            zone: other
        """
        let (inventory, diagnostics) = Inventory.parse(text)
        #expect(inventory.entries.isEmpty)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 6)
        #expect(diagnostics.first?.message == "the inventory is not valid YAML: duplicate key 'Redis' (first at line 2)")
        let nested = Inventory.parse("components:\n  Redis:\n    zone: a\n    zone: b\n").1
        #expect(nested.first?.line == 4)
    }

    @Test func requestAndDNSBlocksAreRead() {
        let text = """
        request:
          requestedBy: Network team
          ticket: CHG-1
          environment: production
          ticekt: typo
        dns:
          namespace: dns-system
          podLabels: {app: coredns}
        """
        let (inventory, diagnostics) = Inventory.parse(text)
        #expect(inventory.request == Inventory.Request(requestedBy: "Network team", ticket: "CHG-1", environment: "production"))
        #expect(inventory.dns == Inventory.DNS(namespace: "dns-system", podLabels: ["app": "coredns"]))
        #expect(diagnostics.map(\.message) == ["unknown key 'ticekt' in 'request'; did you mean 'ticket'?"])
        #expect(diagnostics.first?.line == 5)
        #expect(Inventory.parse("components: {}\n").0.dns == Inventory.DNS(namespace: "kube-system", podLabels: ["k8s-app": "kube-dns"]))
    }
}
