import Foundation
import PortolanBuild
import PortolanModel

/// What the CLI prints. Text bound for a terminal has its control characters and bidirectional
/// overrides made visible (`<U+001B>`), so a document cannot move the cursor, ring the bell or
/// reverse what is shown.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((visible(line) + "\n").utf8))
    }

    /// Data for standard output: written as it is unless standard output is a terminal.
    static func out(_ data: Data) {
        if isatty(STDOUT_FILENO) != 0, let text = String(data: data, encoding: .utf8) {
            FileHandle.standardOutput.write(Data(visible(text, keepingLines: true).utf8))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    static func visible(_ text: String, keepingLines: Bool = false) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let control = scalar.properties.generalCategory == .control
            if control && !(scalar == "\t" || (keepingLines && scalar == "\n")) || isBidiControl(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The characters that reorder text on screen (LRE, RLE, PDF, LRO, RLO, the isolates, the marks).
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }

    /// At most this many lines a document, so a broken 50 MB file cannot flood the terminal;
    /// the rest are counted (`parse` JSON always carries them all).
    static let printedPerPath = 100

    /// Prints every diagnostic as `path:line:col: severity: message`, naming documents as the
    /// user can reach them (`display`), and returns the worst severity.
    @discardableResult
    static func report(_ diagnostics: [Located], display: [String: String] = [:]) -> Severity? {
        var printed: [String: Int] = [:], withheld: [String: Int] = [:], order: [String] = []
        for located in diagnostics {
            let path = display[located.path] ?? located.path
            if printed[path, default: 0] < printedPerPath {
                error(located.diagnostic.formatted(path: path))
                printed[path, default: 0] += 1
            } else {
                if withheld[path] == nil { order.append(path) }
                withheld[path, default: 0] += 1
            }
        }
        for path in order {
            error("\(path): note: \(count(withheld[path]!, "more diagnostic")) not shown (see `portolan parse` JSON)")
        }
        return diagnostics.map(\.severity).max()
    }
}

/// "1 error", "2 errors".
func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
    "\(number) " + (number == 1 ? noun : plural ?? noun + "s")
}

/// A failure the CLI reports as `path: error: message` and exits 1 on.
struct Failure: Error, CustomStringConvertible {
    var description: String

    init(_ path: String, _ message: String) {
        description = "\(path): error: \(message)"
    }
}
