import Core
import Foundation
import Store

/// The real binary through a pseudo-terminal (scripts/pty-measure.py): launch to first
/// frame of a 2,000-entry session, and bytes written for one typed character.
enum TerminalBench {
    static func binary(_ report: inout Report) throws {
        let root = BenchFixtures.tempDir("pty")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try BenchFixtures.writeSnapshot(root: root, entries: 2000, index: 1, spread: false)
        let id = try SessionStore(root: root).sessionIDs()[0]
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("perspectief").path
        var firstFrames: [Double] = []
        var bytes = ""
        for _ in 0..<5 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", BenchFixtures.repo.appendingPathComponent("scripts/pty-measure.py").path, binary, root, id]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            for line in out.split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.first == "first-frame-ms", let v = Double(parts[1]) { firstFrames.append(v) }
                if parts.first == "bytes-per-key" { bytes = parts.dropFirst().joined(separator: " ") }
            }
        }
        report.add("launch to first frame of a 2,000-entry session (real binary in a pty, 120×40), median of 5",
                   Stats.fmt(Stats.median(firstFrames)), "≤ 50 ms")
        report.add("bytes written to the terminal for one typed character (median, and max, of 20)", bytes, "≤ 64")
    }
}

/// A participant process saves; the facilitator's watcher sees it and reloads.
enum LiveBench {
    static func participantLatency(_ report: inout Report) throws {
        let root = BenchFixtures.tempDir("live")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try SessionStore(root: root)
        let id = try BenchFixtures.session(in: store, entries: 1, index: 1)  // ends in round 1, open for input
        let h = try store.open(id)
        let watcher = FolderWatcher(path: store.folder(of: id))
        let stress = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("perspectief-stress").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: stress)
        p.arguments = [root, id, BenchFixtures.repo.appendingPathComponent("Workshops/publieke-dienstverlening-2035.json").path, "Ayşe", "200", "--stamp", "--pause-ms", "20"]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        var latencies: [Double] = []
        var seen = Set<String>()
        let deadline = Date().addingTimeInterval(30)
        while latencies.count < 200 && Date() < deadline {
            guard watcher.waitForChange(timeoutMs: 500) else { continue }
            _ = try h.refresh()
            let nowUs = Int64(Date().timeIntervalSince1970 * 1_000_000)
            for e in h.state.entries where e.text.hasPrefix("t=") && seen.insert(e.id).inserted {
                if let t = Int64(e.text.dropFirst(2)) { latencies.append(Double(nowUs - t) / 1000) }
            }
        }
        p.waitUntilExit()
        h.close()
        report.add("participant save → in the facilitator's state (inotify + reload), median / p95 of \(latencies.count)",
                   "\(Stats.fmt(Stats.median(latencies))) / \(Stats.fmt(Stats.percentile(latencies, 95)))", "p95 ≤ 100 ms, limit 250 ms")
    }
}
