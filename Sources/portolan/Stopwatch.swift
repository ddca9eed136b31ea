import Foundation

/// Wall-clock time per step of a command, printed to standard error on request (`--timings`).
struct Stopwatch {
    let enabled: Bool
    private var last = DispatchTime.now().uptimeNanoseconds
    private let start = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(step: String, seconds: Double)] = []

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Ends the current step under `step`.
    mutating func lap(_ step: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((step, Double(now - last) / 1e9))
        last = now
    }

    /// The steps and the total, one line each, when enabled.
    func report() {
        guard enabled else { return }
        let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        for (step, seconds) in laps {
            Console.error("  " + step.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%7.3f s", seconds))
        }
        Console.error("  " + "total".padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%7.3f s", total))
    }
}
