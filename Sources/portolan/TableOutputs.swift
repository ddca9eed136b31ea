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
