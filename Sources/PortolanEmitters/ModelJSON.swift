import Foundation
import PortolanModel
import Yams

/// The parsed model as JSON or YAML: sorted keys, so the same input gives the same bytes.
public enum ModelSerialization {
    public static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
