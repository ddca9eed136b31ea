import PortolanAnalysis

/// The legend node: the protocol families the drawing uses (and only those), and, when the
/// products are told apart by colour, each product's fill and badge prefix.
enum DiagramLegend {
    struct Product: Sendable, Hashable {
        var name: String
        var fill: String
        /// The short prefix its badges carry in the platform view ("VM"), nil in a product view.
        var prefix: String?
    }

    static func statement(families: [ProtocolFamily], products: [Product]) -> String {
        var rows = "<tr><td colspan=\"2\" align=\"left\"><b>Protocols</b></td></tr>"
        for family in families {
            let line = DiagramStyle.line(family)
            rows += "<tr><td align=\"left\"><font color=\"\(line.color)\">\(DOTText.html(line.sample))</font></td>"
                + "<td align=\"left\">\(DOTText.html(family.rawValue))</td></tr>"
        }
        if !products.isEmpty {
            let title = products.contains { $0.prefix != nil } ? "Components of (badge prefix)" : "Components of"
            rows += "<tr><td colspan=\"2\" align=\"left\"><b>\(title)</b></td></tr>"
            for product in products {
                let name = DOTText.html(DOTText.shortened(product.name, to: ConnectionDiagram.nameLimit))
                let prefix = product.prefix.map { " (\(DOTText.html($0))-<i>n</i>)" } ?? ""
                rows += "<tr><td bgcolor=\"\(product.fill)\" border=\"1\" color=\"#34495e\">   </td>"
                    + "<td align=\"left\">\(name)\(prefix)</td></tr>"
            }
        }
        return "\"legend\" [id=\"legend\" class=\"legend\" shape=plain label=<<table border=\"1\" cellborder=\"0\" cellspacing=\"0\""
            + " cellpadding=\"4\" color=\"#aab7b8\" bgcolor=\"white\">\(rows)</table>>]"
    }
}
