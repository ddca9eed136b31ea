import PortolanAnalysis

/// GCP: one `google_compute_firewall` per rule and address family in `var.network`, applying
/// to the instances tagged with the near end's name (lowercase, '-' for anything else).
public enum TerraformGCP {
    public static func render(_ sheet: FirewallSheet, title: String = "") -> String {
        let (items, skipped) = TerraformPlan.plan(sheet)
        var out = TerraformPlan.header("GCP", title: title)
        out += TerraformPlan.skippedComment(skipped)
        out += """

        variable "network" {
          type = string
        }

        """
        for item in items {
            let port = item.rule.port!
            out += "\n# \(HCLText.comment(TerraformPlan.summary(item.rule)))\n"
            out += "resource \"google_compute_firewall\" \"\(TerraformPlan.resourceName(item))\" {\n"
            out += "  name               = \(HCLText.quoted("portolan-" + item.rule.id + item.suffix))\n"
            out += "  network            = var.network\n"
            out += "  description        = \(HCLText.quoted(TerraformPlan.summary(item.rule)))\n"
            out += "  direction          = \(HCLText.quoted(item.inbound ? "INGRESS" : "EGRESS"))\n"
            out += "  \(item.inbound ? "source_ranges     " : "destination_ranges") = \(HCLText.list(item.cidrs))\n"
            out += "  target_tags        = \(HCLText.list([tag(item.own.name)]))\n"
            out += "  allow {\n"
            out += "    protocol = \(HCLText.quoted(item.rule.transport!.rawValue.lowercased()))\n"
            out += "    ports    = \(HCLText.list([port.description]))\n"
            out += "  }\n"
            out += "}\n"
        }
        return out
    }

    /// A network tag: lowercase letters, digits and '-', starting with a letter, at most 63.
    static func tag(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, out.last != "-" {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.first.map({ !$0.isLetter }) ?? true { out = "c-" + out }
        out = String(out.prefix(63))
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
