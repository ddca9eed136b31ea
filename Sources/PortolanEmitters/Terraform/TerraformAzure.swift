import PortolanAnalysis

/// Azure: one `azurerm_network_security_rule` per rule and address family, in the network
/// security group `var.network_security_group_name`; priorities in sheet order (100, 110, ...;
/// step 1 when there are too many for 10), unique in the group; descriptions within Azure's 140
/// characters. The near end is its CIDR blocks when the inventory gives them, else the
/// `VirtualNetwork` service tag.
public enum TerraformAzure {
    public static let descriptionLimit = 140

    public static func render(_ sheet: FirewallSheet, title: String = "") -> String {
        let (items, skipped) = TerraformPlan.plan(sheet)
        var out = TerraformPlan.header("Azure", title: title)
        out += TerraformPlan.skippedComment(skipped)
        out += """

        variable "resource_group_name" {
          type = string
        }

        variable "network_security_group_name" {
          type = string
        }

        """
        let step = 100 + 10 * items.count <= 4096 ? 10 : 1
        for (index, item) in items.enumerated() {
            let port = item.rule.port!
            let own = ownPrefixes(item)
            out += "\n# \(HCLText.comment(TerraformPlan.summary(item.rule)))\n"
            out += "resource \"azurerm_network_security_rule\" \"\(TerraformPlan.resourceName(item))\" {\n"
            out += "  name                        = \(HCLText.quoted(item.rule.id + item.suffix))\n"
            out += "  description                 = \(HCLText.quoted(description(item.rule)))\n"
            out += "  priority                    = \(100 + index * step)\n"
            out += "  direction                   = \(HCLText.quoted(item.inbound ? "Inbound" : "Outbound"))\n"
            out += "  access                      = \"Allow\"\n"
            out += "  protocol                    = \(HCLText.quoted(item.rule.transport == .udp ? "Udp" : "Tcp"))\n"
            out += "  source_port_range           = \"*\"\n"
            out += "  destination_port_range      = \(HCLText.quoted(port.description))\n"
            let (source, destination) = item.inbound ? (item.cidrs, own) : (own, item.cidrs)
            out += prefixes("source", source)
            out += prefixes("destination", destination)
            out += "  resource_group_name         = var.resource_group_name\n"
            out += "  network_security_group_name = var.network_security_group_name\n"
            out += "}\n"
        }
        return out
    }

    static func ownPrefixes(_ item: TerraformPlan.Item) -> [String] {
        let blocks = item.own.addresses.compactMap { try? NetworkAddress.parse($0).get() }.compactMap { address -> String? in
            if case .cidr(let text, let isIPv6) = address, isIPv6 == item.isIPv6 { text } else { nil }
        }
        return blocks.isEmpty ? ["VirtualNetwork"] : blocks
    }

    static func prefixes(_ side: String, _ values: [String]) -> String {
        let key = side + (values.count == 1 ? "_address_prefix" : "_address_prefixes")
        let value = values.count == 1 ? HCLText.quoted(values[0]) : HCLText.list(values)
        return "  " + key + String(repeating: " ", count: max(0, 27 - key.count)) + " = " + value + "\n"
    }

    /// The rule's summary, cut to Azure's 140 characters with "..." when longer.
    static func description(_ rule: FirewallRule) -> String {
        let text = TerraformPlan.summary(rule)
        guard text.count > descriptionLimit else { return text }
        return String(text.prefix(descriptionLimit - 3)) + "..."
    }
}
