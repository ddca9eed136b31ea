import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

/// Reading the optional inventory file, and the table, firewall and NetworkPolicy files
/// `portolan build` writes per product and for the platform.
enum TableOutputs {
    /// The inventory `build` uses: `inventory.yaml` in the input folder, if there is one.
    static func inventoryPath(input: String) -> String? {
        for name in ["inventory.yaml", "inventory.yml"] {
            let path = (input as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// Reads and parses an inventory file; prints its diagnostics (as `path:line:col`) when
    /// `report` is set, and returns the worst severity with it.
    static func loadInventory(_ path: String, products: [Product], report: Bool) throws -> (Inventory, Severity?) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Inputs.Failure(description: "\(path): error: cannot read the inventory file")
        }
        let (inventory, diagnostics) = Inventory.parse(String(decoding: data, as: UTF8.self))
        let all = diagnostics + inventory.unmatched(in: products)
        if report {
            for diagnostic in all { Console.error(diagnostic.formatted(path: path)) }
        }
        return (inventory, all.map(\.severity).max())
    }

    static func product(_ product: Product, input: String, writer: inout OutputWriter) throws {
        let inventory = try inventoryPath(input: input).map { try loadInventory($0, products: [product], report: false).0 } ?? .empty
        try writer.write(ConnectionTables.product(product), to: "\(product.slug)/connections.md")
        try writeFirewall(FirewallRules.derive([product], inventory: inventory), title: product.name,
                          folder: product.slug, writer: &writer)
    }

    static func platform(_ products: [Product], input: String, writer: inout OutputWriter) throws {
        let inventory = try inventoryPath(input: input).map { try loadInventory($0, products: products, report: true).0 } ?? .empty
        try writer.write(ConnectionTables.platform(products), to: "platform/connections.md")
        try writeFirewall(FirewallRules.derive(products, inventory: inventory), title: "platform",
                          folder: "platform", writer: &writer)
    }

    static func writeFirewall(_ sheet: FirewallSheet, title: String, folder: String, writer: inout OutputWriter) throws {
        try writer.write(FirewallCSV.render(sheet), to: "\(folder)/firewall.csv")
        try writer.write(try FirewallXLSX.data(sheet), to: "\(folder)/firewall.xlsx")
        try writer.write(FirewallMarkdown.render(sheet, title: title), to: "\(folder)/firewall.md")
        try writer.write(try FirewallJSON.render(sheet), to: "\(folder)/firewall.json")
        try writer.write(NetworkPolicies.render(sheet), to: "\(folder)/networkpolicies.yaml")
    }

    /// Writes to `--output` (atomically, through `OutputWriter`) or to standard output.
    static func emit(_ data: Data, output: String?) throws {
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: output)
        var writer = OutputWriter(root: url.deletingLastPathComponent().path)
        try writer.write(data, to: url.lastPathComponent)
    }
}
