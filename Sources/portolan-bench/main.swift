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
    let text = Generator.document(layout, rows: rows)
    let bytes = Array(text.utf8)
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
