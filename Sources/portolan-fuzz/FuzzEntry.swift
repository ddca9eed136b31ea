#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import PortolanAnalysis
import PortolanModel
import PortolanReaders

/// One input through every reader (the first byte picks which; one that is 2 modulo 4,
/// such as `"`, takes YAML through the model, alias, lint and inventory readers). Built with `-D FUZZING -sanitize=fuzzer` (make test-fuzz),
/// libFuzzer calls it with generated inputs; built normally, `portolan-fuzz FILE...` replays
/// files through it (the crash corpus under Tests/Fuzz/ is replayed by the test suite).
func readEverything(_ bytes: [UInt8]) {
    // PDF files and Word documents (a ZIP) are read from their bytes.
    if bytes.starts(with: Array("%PDF-".utf8)) {
        return check(DocumentReader.read(path: "fuzz.pdf", bytes: bytes, format: .pdf), lines: Int.max)
    }
    if bytes.starts(with: [0x50, 0x4B]) {
        return check(DocumentReader.read(path: "fuzz.docx", bytes: bytes, format: .docx), lines: Int.max)
    }
    guard case .success(let text) = SourceText.decode(bytes) else { return }
    // The first byte picks how the input is taken, so one corpus reaches every reader.
    let kind = onlyYAML ? 2 : bytes.first.map { Int($0) % 4 } ?? 0
    switch kind {
    case 0: check(DocumentReader.read(path: "fuzz.txt", text: text), lines: text.lines.count)
    case 1: check(DocumentReader.read(path: "fuzz.html", text: text), lines: text.lines.count)
    case 2: readConfiguration(text)
    default: check(DocumentReader.read(path: "fuzz.md", text: text), lines: text.lines.count)
    }
}

/// `PORTOLAN_FUZZ_ONLY=yaml` sends every input to the YAML readers, for a run spent on them.
let onlyYAML = getenv("PORTOLAN_FUZZ_ONLY").map { String(cString: $0) } == "yaml"

/// YAML through every reader of YAML: the model, the alias file, the lint configuration and
/// the inventory. None may crash; every diagnostic must lie inside the file.
func readConfiguration(_ text: SourceText) {
    // YAML counts NEL, LS and PS as line breaks too, and may point just past the last line.
    let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"]
    let lines = text.lines.joined(separator: "\n").unicodeScalars.filter { breaks.contains($0) }.count + 2
    YAMLModelReader.read(path: "fuzz.yaml", text: text).documents.forEach { check($0, lines: lines) }
    let yaml = text.lines.joined(separator: "\n")
    check(AliasTable.parse(yaml: yaml).diagnostics, lines: lines)
    check(LintConfig.parse(yaml).1, lines: lines)
    check(Inventory.parse(yaml).1, lines: lines)
}

func check(_ diagnostics: [Diagnostic], lines: Int) {
    for diagnostic in diagnostics {
        precondition((diagnostic.line ?? 1) >= 1 && (diagnostic.line ?? 0) <= lines, "diagnostic line \(diagnostic.line ?? 0) outside the file")
    }
}

/// What must hold whatever the input: positions inside the file, ports in range.
func check(_ document: Document, lines: Int) {
    for connection in document.connections {
        precondition(connection.line >= 0 && connection.line <= lines, "line \(connection.line) outside the file")
        for range in connection.ports.ranges {
            precondition((1...65535).contains(range.from) && range.from <= range.to, "bad range \(range)")
        }
    }
    for diagnostic in document.diagnostics {
        precondition((diagnostic.line ?? 0) <= lines, "diagnostic line outside the file")
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    readEverything(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

typealias Argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<Argv?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// SwiftPM names an executable's entry point after its module; hand it to libFuzzer's driver.
@_cdecl("portolan_fuzz_main")
func fuzzMain(_ argc: Int32, _ argv: Argv?) -> Int32 {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { data, size in fuzzOne(data, size) }
}
#else
import Foundation

@main
struct Replay {
    static func main() {
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" }
                : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                readEverything([UInt8](data))
                count += 1
            }
        }
        print("replayed \(count) inputs through every reader and YAML configuration reader")
    }
}
#endif
