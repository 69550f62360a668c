import Foundation

/// Timing helpers: medians and percentiles of repeated runs (this machine is noisy).
enum Stats {
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let index = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[index]
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 50) }

    static func fmt(_ ms: Double) -> String {
        if ms < 1 { return String(format: "%.3f ms", ms) }
        if ms < 100 { return String(format: "%.2f ms", ms) }
        return String(format: "%.0f ms", ms)
    }

    /// Runs a shell command `runs` times; returns each wall time in ms.
    static func command(_ shell: String, runs: Int) -> [Double] {
        (0..<runs).map { _ in
            time {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: "/bin/sh")
                p.arguments = ["-c", shell + " >/dev/null"]
                try? p.run()
                p.waitUntilExit()
            }
        }
    }
}

/// The table printed at the end and copied into docs/PERFORMANCE.md.
struct Report {
    var rows: [(String, String, String)] = []
    mutating func add(_ what: String, _ value: String, _ target: String) { rows.append((what, value, target)) }
    func print() {
        Swift.print("| measurement | result | target |")
        Swift.print("| --- | --- | --- |")
        for r in rows { Swift.print("| \(r.0) | \(r.1) | \(r.2) |") }
    }
}
