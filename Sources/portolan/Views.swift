import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

/// A product, or the whole platform: what one folder of `build` and one page of the site show.
/// Each of its files is made once; the folder's files are also the page's downloads.
struct View: Sendable {
    var kind: SitePage.Kind
    var name: String
    var slug: String
    /// The product, or every product for the platform.
    var products: [Product]
    var graph: ComponentGraph

    /// One view per product, then the platform.
    static func all(_ products: [Product], aliases: AliasTable) -> [View] {
        let graphs = ComponentGraphs.all(products, aliases: aliases)
        return zip(products, graphs.products).map { product, graph in
            View(kind: .product, name: product.name, slug: product.slug, products: [product], graph: graph)
        } + [View(kind: .platform, name: "Platform", slug: "platform", products: products, graph: graphs.platform)]
    }

    var model: Model { Model(documents: products.flatMap(\.documents)) }

    /// The view's tables, firewall sheets, NetworkPolicies and model, by file name; the
    /// diagram's files and lint's come from their own steps.
    func tableFiles(inventory: Inventory) throws -> (files: [String: Data], ruleCount: Int) {
        let sheet = FirewallRules.derive(products, inventory: inventory)
        let tables = kind == .platform ? ConnectionTables.platform(products) : ConnectionTables.product(products[0])
        let files: [String: Data] = [
            "connections.md": Data(tables.utf8),
            "firewall.csv": Data(FirewallCSV.render(sheet).utf8),
            "firewall.xlsx": try FirewallXLSX.data(sheet, title: kind == .platform ? "platform" : name),
            "firewall.md": Data(FirewallMarkdown.render(sheet, title: kind == .platform ? "platform" : name).utf8),
            "firewall.json": Data(try FirewallJSON.render(sheet).utf8),
            "networkpolicies.yaml": Data(NetworkPolicies.render(sheet, dns: inventory.dns).utf8),
            "ciliumnetworkpolicies.yaml": Data(CiliumPolicies.render(sheet, dns: inventory.dns).utf8),
            "model.json": Data(try ModelSerialization.json(model).utf8),
            "terraform/aws/firewall.tf": Data(TerraformAWS.render(sheet, title: kind == .platform ? "platform" : name).utf8),
            "terraform/azure/firewall.tf": Data(TerraformAzure.render(sheet, title: kind == .platform ? "platform" : name).utf8),
            "terraform/gcp/firewall.tf": Data(TerraformGCP.render(sheet, title: kind == .platform ? "platform" : name).utf8),
        ]
        return (files, sheet.rules.count)
    }
}
