import Foundation
import PortolanModel
import PortolanReaders

/// `make bench`: parse time and peak memory per layout on generated documents of growing
/// size, each case in a process of its own so its peak memory is its own.
/// Usage: portolan-bench            (the whole table)
///        portolan-bench LAYOUT ROWS (one case; prints "seconds peakKiB connections")

func peakKiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss)
}

func runCase(_ layout: Generator.Layout, rows: Int) {
    // Only the bytes stay alive, as when a file is read.
    let bytes = Array(Generator.document(layout, rows: rows).utf8)
    let start = DispatchTime.now().uptimeNanoseconds
    let source = try! SourceText.decode(bytes).get()
    let document = DocumentReader.read(path: "bench", text: source)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "%.4f %d %d %d", seconds, peakKiB(), document.connections.count, bytes.count))
}

func measure(_ layout: Generator.Layout, rows: Int) -> (seconds: Double, peakMiB: Double, connections: Int, bytes: Int) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = [layout.rawValue, String(rows)]
    let pipe = Pipe()
    process.standardOutput = pipe
    try! process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let fields = String(decoding: data, as: UTF8.self).split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
    return (Double(fields[0])!, Double(fields[1])! / 1024, Int(fields[2])!, Int(fields[3])!)
}

let arguments = CommandLine.arguments
if arguments.count == 3, let layout = Generator.Layout(rawValue: arguments[1]), let rows = Int(arguments[2]) {
    runCase(layout, rows: rows)
    exit(0)
}

benchBuild()
let sizes = arguments.count > 1 ? arguments[1...].compactMap { Int($0) } : [1_000, 10_000, 100_000]
print("Parse time and peak memory (decode + read, release build, one process per case)")
print("layout    rows      MB     seconds   rows/s     peak MiB  growth x10")
for layout in Generator.Layout.allCases {
    var previous: Double?
    for rows in sizes {
        let m = measure(layout, rows: rows)
        precondition(m.connections == rows, "\(layout) \(rows): read \(m.connections) connections")
        let growth = previous.map { String(format: "%.1fx", m.seconds / $0) } ?? "-"
        let name = layout.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
        print(name + String(format: " %-9d %-6.1f %-9.3f %-10.0f %-9.1f ", rows, Double(m.bytes) / 1e6, m.seconds,
                            Double(rows) / m.seconds, m.peakMiB) + growth)
        previous = m.seconds
    }
}


// `portolan build` on the real inputs, against what a user's script would do with Graphviz
// alone: `dot -Tsvg` on each emitted DOT file, one process per file.
func timeProcess(_ executable: String, _ arguments: [String]) -> (seconds: Double, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now().uptimeNanoseconds
    try! process.run()
    process.waitUntilExit()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, process.terminationStatus)
}

func childrenPeakMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func benchBuild() {
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("portolan").path
let input = ProcessInfo.processInfo.environment["BENCH_INPUT"] ?? "Input"
if FileManager.default.fileExists(atPath: binary), FileManager.default.fileExists(atPath: input) {
    let output = NSTemporaryDirectory() + "portolan-bench-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: output) }
    var builds: [Double] = []
    for _ in 0..<3 {
        try? FileManager.default.removeItem(atPath: output)
        let run = timeProcess(binary, ["build", "--input", input, "--output", output])
        builds.append(run.seconds)
    }
    let buildPeak = childrenPeakMiB()
    let dots = (FileManager.default.enumerator(atPath: output)?.compactMap { $0 as? String } ?? [])
        .filter { $0.hasSuffix(".dot") && !$0.hasPrefix("site/") && !$0.hasPrefix("docs/") }.sorted().map { "\(output)/\($0)" }
    var dotRuns: [Double] = []
    for _ in 0..<3 {
        dotRuns.append(dots.reduce(0) { $0 + timeProcess("/usr/bin/dot", ["-Tsvg", $1, "-o", "/dev/null"]).seconds })
    }
    print("portolan build on \(input)/ (best of 3): \(String(format: "%.2f", builds.min()!)) s, peak \(String(format: "%.0f", buildPeak)) MiB")
    print("  writes every product's diagrams (DOT, SVG, PNG), tables, firewall sheets, policies, lint and the site")
    print("dot -Tsvg on its \(dots.count) DOT files, one process each (best of 3): \(String(format: "%.2f", dotRuns.min()!)) s")
    // The same drawings from the documents: read, lay out (with the label-overlap check), SVG.
    var diagramRuns: [Double] = []
    for _ in 0..<3 {
        let products = timeProcess(binary, ["diagram", input, "--format", "svg", "--output", output + "/bench-svg"]).seconds
        let platform = timeProcess(binary, ["diagram", input, "--view", "platform", "--format", "svg", "--output", output + "/bench-svg/platform.svg"]).seconds
        diagramRuns.append(products + platform)
    }
    print("portolan diagram --format svg, the same \(dots.count) drawings from the documents (best of 3): \(String(format: "%.2f", diagramRuns.min()!)) s")
    print("")
}
}
