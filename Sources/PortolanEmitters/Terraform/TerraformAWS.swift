import PortolanAnalysis

/// AWS: one `aws_vpc_security_group_ingress_rule` / `_egress_rule` per rule and far-end CIDR
/// block, on the security group of the near end (`var.security_group_ids`, keyed by the
/// component name the documents use).
public enum TerraformAWS {
    public static func render(_ sheet: FirewallSheet, title: String = "") -> String {
        let (items, skipped) = TerraformPlan.plan(sheet)
        var out = TerraformPlan.header("AWS", title: title)
        out += TerraformPlan.skippedComment(skipped)
        out += """

        variable "security_group_ids" {
          description = "Security group id of each component, keyed by the name the documents use"
          type        = map(string)
        }

        """
        for item in items {
            for (index, cidr) in item.cidrs.enumerated() {
                let name = TerraformPlan.resourceName(item) + (item.cidrs.count > 1 ? "_\(index + 1)" : "")
                let port = item.rule.port!
                out += "\n# \(HCLText.comment(TerraformPlan.summary(item.rule)))\n"
                out += "resource \"aws_vpc_security_group_\(item.inbound ? "ingress" : "egress")_rule\" \"\(name)\" {\n"
                out += "  security_group_id = var.security_group_ids[\(HCLText.quoted(item.own.name))]\n"
                out += "  description       = \(HCLText.quoted(description(item.rule)))\n"
                out += "  \(item.isIPv6 ? "cidr_ipv6" : "cidr_ipv4")         = \(HCLText.quoted(cidr))\n"
                out += "  ip_protocol       = \(HCLText.quoted(item.rule.transport!.rawValue.lowercased()))\n"
                out += "  from_port         = \(port.from)\n"
                out += "  to_port           = \(port.to)\n"
                out += "  tags = {\n"
                out += "    \"portolan-rule\" = \(HCLText.quoted(item.rule.id))\n"
                out += "  }\n"
                out += "}\n"
            }
        }
        return out
    }

    /// At most 255 characters of the set AWS accepts in a rule description
    /// (letters, digits, spaces and `._-:/()#,@[]+=&;{}!$*`); anything else becomes a space.
    static func description(_ rule: FirewallRule) -> String {
        let allowed = Set("._-:/()#,@[]+=&;{}!$* ")
        let text = TerraformPlan.summary(rule).replacingOccurrences(of: "->", with: "to")
        let cleaned = String(text.map { ($0.isASCII && ($0.isLetter || $0.isNumber)) || allowed.contains($0) ? $0 : " " })
        return String(cleaned.prefix(255))
    }
}
