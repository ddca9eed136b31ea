import Foundation
import PortolanModel
import Yams

/// The parsed model as JSON or YAML: sorted keys, so the same input gives the same bytes.
public enum ModelSerialization {
    public static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try jsonData(value), as: UTF8.self)
    }

    /// The same bytes as `json`, without making a String of them: what a file gets.
    /// `JSONBytes` writes them (Foundation's `JSONEncoder` output, byte for byte, several times
    /// faster); Foundation writes what it cannot.
    public static func jsonData<T: Encodable>(_ value: T) throws -> Data {
        if let data = try? JSONBytes.encode(value, finalNewline: true) { return data }
        return try foundationJSON(value)
    }

    /// Raised by `writeJSON` for a value only Foundation can write (no Portolan type): the
    /// pieces handed on so far are not a file; `jsonData` makes it whole.
    public struct NotStreamable: Error {}

    /// `jsonData`'s bytes handed to `pieces` a few megabytes at a time as they are made.
    public static func writeJSON<T: Encodable>(_ value: T, pieces: (Data) throws -> Void) throws {
        do {
            try JSONBytes.encode(value, finalNewline: true, pieces: pieces)
        } catch is JSONBytes.Unsupported {
            throw NotStreamable()
        }
    }

    /// `JSONEncoder`'s bytes and a final newline: what `JSONBytes` must equal.
    static func foundationJSON<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
