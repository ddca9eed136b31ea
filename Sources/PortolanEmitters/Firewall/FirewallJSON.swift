import Foundation
import PortolanAnalysis

/// The firewall request sheet as JSON: the structured rules (ports as numbers, references
/// with path and line), sorted keys.
public enum FirewallJSON {
    public static func render(_ sheet: FirewallSheet) throws -> String {
        try ModelSerialization.json(sheet)
    }

    /// The same as bytes, for a file.
    public static func data(_ sheet: FirewallSheet) throws -> Data {
        try ModelSerialization.jsonData(sheet)
    }
}
