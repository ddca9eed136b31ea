import Foundation
import PortolanAnalysis

/// The firewall request sheet as JSON: the structured rules (ports as numbers, references
/// with path and line), sorted keys.
public enum FirewallJSON {
    public static func render(_ sheet: FirewallSheet) throws -> String {
        String(decoding: try data(sheet), as: UTF8.self)
    }

    /// The same as bytes, for a file: `ModelSerialization.jsonData`'s bytes, written directly.
    public static func data(_ sheet: FirewallSheet) throws -> Data {
        try JSONBytes.firewallSheet(sheet)
    }
}
