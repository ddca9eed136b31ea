import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

/// A product or the whole platform (`ComponentGraph.View`): the one type for it in every stage.
public typealias Scope = ComponentGraph.View

/// What one folder of `build` and one page of the site show: a product, or the platform.
public struct View: Sendable {
    public var scope: Scope
    public var name: String
    public var slug: String
    /// The product, or every product for the platform.
    public var products: [Product]
    public var graph: ComponentGraph

    /// One view per product, then the platform.
    static func all(_ products: [Product], aliases: AliasTable) -> [View] {
        let graphs = ComponentGraphs.all(products, aliases: aliases)
        return zip(products, graphs.products).map { product, graph in
            View(scope: .product, name: product.name, slug: product.slug, products: [product], graph: graph)
        } + [View(scope: .platform, name: "Platform", slug: Products.platformSlug, products: products, graph: graphs.platform)]
    }

    var model: Model { Model(documents: products.flatMap(\.documents)) }

    /// The view's files of these parts, by name in its folder, each handed to `each` (on the
    /// calling thread) as soon as it is made, so a million rows' model.json need not wait, held,
    /// for the sheets: adding a file to every view's folder (and to its page's downloads, see
    /// `Pages.downloads`) is one line here.
    /// `streamModel`, if given, writes model.json as it is made (it returns the bytes written):
    /// `each` is then given its size and no bytes.
    func files(_ parts: Set<Request.Part>, inventory: Inventory, sheetTitle: String?, width: Int,
               streamModel: StreamFile? = nil,
               each: (_ name: String, _ data: Data?, _ size: Int) throws -> Void) throws -> FirewallSheet {
        let (scope, name, products, model) = (scope, name, products, model)
        // The sheet is derived by the first file that needs it, while the files that do not
        // (the model, the Markdown table) are made beside it.
        let derived = Once { FirewallRules.derive(products, inventory: inventory) }
        // Its rows, made once for the CSV, the workbook and the Markdown.
        let cells = Once { FirewallTable.cells(derived.value) }
        // Each file is made on its own (the emitters are pure), side by side, in this order.
        var makers: [FileMaker] = []
        if parts.contains(.firewall) {
            makers.append(FileMaker("firewall.csv") { Data(FirewallCSV.render(derived.value, cells: cells.value).utf8) })
        }
        let streamed = Streamed()
        if parts.contains(.model) {
            makers.append(FileMaker("model.json") {
                if let streamModel {
                    do {
                        streamed.size = try streamModel("model.json") { write in try ModelSerialization.writeJSON(model, pieces: write) }
                        return Data()
                    } catch is ModelSerialization.NotStreamable {}
                }
                return try ModelSerialization.jsonData(model)
            })
        }
        if parts.contains(.tables) {
            makers.append(FileMaker("connections.md") {
                Data((scope == .platform ? ConnectionTables.platform(products) : ConnectionTables.product(products[0])).utf8)
            })
        }
        if parts.contains(.firewall) {
            let title = scope == .platform ? sheetTitle ?? "platform" : name
            makers += [
                FileMaker("firewall.xlsx") { try FirewallXLSX.data(derived.value, title: title, cells: cells.value) },
                FileMaker("firewall.md") { Data(FirewallMarkdown.render(derived.value, title: title, cells: cells.value).utf8) },
                FileMaker("firewall.json") { try FirewallJSON.data(derived.value) },
                FileMaker("terraform/aws/firewall.tf") { Data(TerraformAWS.render(derived.value, title: title).utf8) },
                FileMaker("terraform/azure/firewall.tf") { Data(TerraformAzure.render(derived.value, title: title).utf8) },
                FileMaker("terraform/gcp/firewall.tf") { Data(TerraformGCP.render(derived.value, title: title).utf8) },
            ]
        }
        if parts.contains(.policies) {
            makers += [
                FileMaker("networkpolicies.yaml") { Data(NetworkPolicies.render(derived.value, dns: inventory.dns).utf8) },
                FileMaker("ciliumnetworkpolicies.yaml") { Data(CiliumPolicies.render(derived.value, dns: inventory.dns).utf8) },
            ]
        }
        try sideBySide(makers, width: width) { name, data in
            if name == "model.json", let size = streamed.size {
                try each(name, nil, size)
            } else {
                try each(name, data, data.count)
            }
        }
        return derived.value
    }
}

/// Writes a file as it is made (`body` hands on its pieces) and returns how many bytes it had.
typealias StreamFile = @Sendable (_ name: String, _ body: (_ write: (Data) throws -> Void) throws -> Void) throws -> Int

/// The size of a file streamed by a maker, read once the maker is done.
private final class Streamed: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: Int?

    var size: Int? {
        get { lock.withLock { bytes } }
        set { lock.withLock { bytes = newValue } }
    }
}
