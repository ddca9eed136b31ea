import Foundation
import PortolanModel
import PortolanReaders

/// `make bench`: parse time and peak memory per layout on generated documents of growing
/// size, each case in a process of its own so its peak memory is its own.
/// Usage: portolan-bench            (the whole table)
///        portolan-bench LAYOUT ROWS (one case, in words)
///        portolan-bench generate LAYOUT ROWS FILE (a child: writes the document)
///        portolan-bench read FILE   (the child: prints "seconds peakKiB connections bytes peakBeforeKiB modelKiB cpuSeconds")
///        portolan-bench pdf        (reading a 50-page PDF only)

/// The process's CPU time so far (user and system), which other work on a shared machine does not stretch as it does wall time.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func peakKiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss)
}

/// Reads a whole file into bytes, one allocation of its size (as the CLI reads a document).
func readFile(_ path: String) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    precondition(fd >= 0, "cannot open \(path)")
    defer { close(fd) }
    var info = stat()
    fstat(fd, &info)
    let size = Int(info.st_size)
    return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        var done = 0
        while done < size {
            let n = read(fd, buffer.baseAddress! + done, size - done)
            precondition(n > 0, "cannot read \(path)")
            done += n
        }
        count = size
    }
}

/// One case, in a process of its own: the generated document is read from a file, so the
/// process's peak memory is the bytes and the reading only (the generator ran in the parent).
func runCase(_ path: String) {
    let bytes = readFile(path)
    let before = peakKiB()
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = cpuSeconds()
    let source = try! SourceText.decode(bytes).get()
    if getenv("BENCH_STAGES") != nil { FileHandle.standardError.write("after decode: \(peakKiB()) KiB\n".data(using: .utf8)!) }
    let document = DocumentReader.read(path: "bench", text: source)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let cpu = cpuSeconds() - cpuStart
    print(String(format: "%.4f %d %d %d %d %d %.4f", seconds, peakKiB(), document.connections.count, bytes.count, before,
                 ModelSize.bytes(document.connections) / 1024, cpu))
}

struct Measured {
    var seconds: Double
    var peakMiB: Double
    var connections: Int
    var bytes: Int
    /// The process's peak before reading: the runtime and the document's bytes.
    var beforeMiB: Double
    /// What the connections read hold at the least (`ModelSize`).
    var modelMiB: Double
    /// CPU time of the reading (user and system).
    var cpu: Double
}

/// `runs` reads of one generated document, each in a process of its own: the least CPU and wall
/// time of them (a run on a shared machine is only ever slowed), the peak of the first (a
/// process's peak is the same every run).
func measure(_ layout: Generator.Layout, rows: Int, runs: Int = 1) -> Measured {
    let path = NSTemporaryDirectory() + "portolan-bench-\(getpid())-\(layout.rawValue)-\(rows).txt"
    // Generated in a process of its own too: Linux carries a process's peak over into the
    // children it starts, so the parent must never hold a large document.
    let generator = Process()
    generator.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    generator.arguments = ["generate", layout.rawValue, String(rows), path]
    try! generator.run()
    generator.waitUntilExit()
    defer { try? FileManager.default.removeItem(atPath: path) }
    var best = read(path)
    for _ in 1..<max(runs, 1) {
        let again = read(path)
        best.cpu = min(best.cpu, again.cpu)
        best.seconds = min(best.seconds, again.seconds)
    }
    return best
}

/// One read of a generated document in a process of its own (`portolan-bench read`).
func read(_ path: String) -> Measured {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["read", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try! process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let fields = String(decoding: data, as: UTF8.self).split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
    return Measured(seconds: Double(fields[0])!, peakMiB: Double(fields[1])! / 1024, connections: Int(fields[2])!,
                    bytes: Int(fields[3])!, beforeMiB: Double(fields[4])! / 1024, modelMiB: Double(fields[5])! / 1024,
                    cpu: Double(fields[6])!)
}

let arguments = CommandLine.arguments
if arguments.count == 5, arguments[1] == "generate", let layout = Generator.Layout(rawValue: arguments[2]), let rows = Int(arguments[3]) {
    FileManager.default.createFile(atPath: arguments[4], contents: Data(Generator.document(layout, rows: rows).utf8))
    exit(0)
}
if arguments.count == 3, arguments[1] == "read" {
    runCase(arguments[2])
    exit(0)
}
/// How memory grows with the input: the peak above the runtime's (the peak reading a one-row
/// document of the same layout) over the input's bytes. "Under 3x the input plus a constant"
/// is this under 3.
func slope(_ m: Measured, constantMiB: Double) -> Double {
    (m.peakMiB - constantMiB) * 1_048_576 / Double(m.bytes)
}

if arguments.count == 3, let layout = Generator.Layout(rawValue: arguments[1]), let rows = Int(arguments[2]) {
    let m = measure(layout, rows: rows)
    let constant = measure(layout, rows: 1).peakMiB
    print(String(format: "%@ %d rows: %.1f MB, %.3f s CPU (%.1f MB/s), %.3f s wall (%.1f MB/s), peak %.1f MiB (%.1f before reading; the connections hold %.1f), peak/input %.1fx, slope %.2fx over a one-row document's %.1f MiB",
                 layout.rawValue, rows, Double(m.bytes) / 1e6, m.cpu, Double(m.bytes) / 1e6 / m.cpu, m.seconds,
                 Double(m.bytes) / 1e6 / m.seconds, m.peakMiB, m.beforeMiB,
                 m.modelMiB, m.peakMiB * 1_048_576 / Double(m.bytes), slope(m, constantMiB: constant), constant))
    exit(0)
}

if arguments.count == 2, arguments[1] == "pdf" { PDFBench.run(); exit(0) }  // portolan-bench pdf: the PDF case only
// The parse table first, while this process is small: Linux starts a child's peak memory at
// its parent's, so the PDF case and the builds below would set a floor under every case.
let sizes = arguments.count > 1 ? arguments[1...].compactMap { Int($0) } : [1_000, 10_000, 100_000]
print("Parse time and peak memory (decode + read, release build, one process per case)")
print("peak: the process's (runtime and document bytes included); model: what the connections read hold at the least")
print("seconds and MB/s: CPU time of the reading (user + system; wall time on a busy machine stretches with the load), wall in brackets; best of 3 runs")
print("slope: (peak - the peak reading a one-row document) / input bytes; the target is under 3")
print("layout    rows      MB     seconds   MB/s    (wall s)  rows/s     peak MiB  model MiB  peak/input  slope  growth x10")
for layout in Generator.Layout.allCases {
    var previous: Double?
    let constant = measure(layout, rows: 1).peakMiB
    for rows in sizes {
        let m = measure(layout, rows: rows, runs: 3)
        precondition(m.connections == rows, "\(layout) \(rows): read \(m.connections) connections")
        let growth = previous.map { String(format: "%.1fx", m.cpu / $0) } ?? "-"
        let name = layout.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
        print(name + String(format: " %-9d %-6.1f %-9.3f %-7.1f (%-6.3f)  %-10.0f %-9.1f %-10.1f %-11.1f ", rows, Double(m.bytes) / 1e6, m.cpu,
                            Double(m.bytes) / 1e6 / m.cpu, m.seconds, Double(rows) / m.cpu, m.peakMiB, m.modelMiB,
                            m.peakMiB * 1_048_576 / Double(m.bytes)) + String(format: "%-6.2f ", slope(m, constantMiB: constant)) + growth)
        previous = m.cpu
    }
}
print("")
PDFBench.run()
benchBuild()


// `portolan build` on the real inputs, against what a user's script would do with Graphviz
// alone: `dot -Tsvg` on each emitted DOT file, one process per file.
/// Runs a program with its output thrown away and times it from spawn to exit. posix_spawn and
/// waitpid, not Foundation's Process, whose waitUntilExit polls and rounds times up to 50 ms.
func timeProcess(_ executable: String, _ arguments: [String]) -> (seconds: Double, status: Int32) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return (0, -1) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return (seconds, (status >> 8) & 0xff)
}

func childrenPeakMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func benchBuild() {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("portolan").path
    let input = ProcessInfo.processInfo.environment["BENCH_INPUT"] ?? "Input"
    guard FileManager.default.fileExists(atPath: binary), FileManager.default.fileExists(atPath: input) else { return }
    let output = NSTemporaryDirectory() + "portolan-bench-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: output) }
    func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }

    // Into an empty folder: every PNG is rasterised and compressed.
    var cold: [Double] = []
    for _ in 0..<3 {
        try? FileManager.default.removeItem(atPath: output)
        cold.append(timeProcess(binary, ["build", "--input", input, "--output", output]).seconds)
    }
    let coldPeak = childrenPeakMiB()
    // Over its own output, as `make` regenerates Output/: the PNGs of unchanged diagrams are kept.
    var again: [Double] = []
    for _ in 0..<5 {
        again.append(timeProcess(binary, ["build", "--input", input, "--output", output]).seconds)
    }
    let dots = (FileManager.default.enumerator(atPath: output)?.compactMap { $0 as? String } ?? [])
        .filter { $0.hasSuffix(".dot") && !$0.hasPrefix("site/") && !$0.hasPrefix("docs/") }.sorted().map { "\(output)/\($0)" }
    // What a user's script does with Graphviz alone: a shell loop, one dot process per file.
    func loop(_ formats: String) -> Double {
        let script = "for f in \"$@\"; do dot \(formats) \"$f\" >/dev/null || exit 1; done"
        return (0..<5).map { _ in timeProcess("/bin/sh", ["-c", script, "sh"] + dots).seconds }.min()!
    }
    let svgOnly = loop("-Tsvg")
    let svgAndPNG = loop("-Tsvg -Tpng -O")
    // -O writes <file>.svg and <file>.png beside each DOT file; they are not Portolan's.
    for dot in dots { for ext in ["svg", "png"] { try? FileManager.default.removeItem(atPath: "\(dot).\(ext)") } }

    print("portolan build on \(input)/ (\(dots.count) diagrams as DOT, SVG and PNG, tables, firewall sheets, policies, lint, site)")
    print("  into an empty folder (best of 3):                  \(seconds(cold.min()!)), peak \(String(format: "%.0f", coldPeak)) MiB")
    print("  again over its own output, as make does (best of 5): \(seconds(again.min()!))")
    print("dot on the same \(dots.count) DOT files, a shell loop with one process per file (best of 5):")
    print("  dot -Tsvg:                                          \(seconds(svgOnly))")
    print("  dot -Tsvg -Tpng (the drawings build makes):         \(seconds(svgAndPNG))")
    print("target (build no slower than dot -Tsvg alone): \(again.min()! <= svgOnly ? "met" : "not met") when regenerating; "
          + "into an empty folder build is \(String(format: "%.1f", cold.min()! / svgAndPNG))x dot -Tsvg -Tpng")
    print("")
}
