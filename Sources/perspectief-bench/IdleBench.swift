import Foundation
import Store

/// What an idle room costs. Past the kernel's 128 inotify instances per user, participant views
/// watch their session folder by polling; this measures one look at a folder as a room of 200
/// leaves it (200 journals, 200 presence locks) — once per look, four looks a second, in every
/// view — and, in RoomBench, the CPU of the facilitator and all views while nobody types.
enum IdleBench {
    static func run(_ report: inout Report) throws {
        let root = BenchFixtures.tempDir("idle")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/s"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for i in 0..<200 {
            _ = FileManager.default.createFile(atPath: folder + "/journal-w\(i).jsonl", contents: Data("{}\n".utf8))
            _ = FileManager.default.createFile(atPath: folder + "/presence-\(i).lock", contents: nil)
        }
        let watcher = FolderWatcher(path: folder, forcePolling: true)
        usleep(100_000)
        let looks = 2000
        let start = DispatchTime.now().uptimeNanoseconds
        var changed = 0
        for _ in 0..<looks where watcher.checkPolled() { changed += 1 }
        let perLookUs = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(looks) / 1000
        // 200 views × 4 looks a second, as a share of one core.
        let share = perLookUs * 200 * 4 / 1_000_000 * 100
        report.add("idle room of 200: one polling look at the session folder (400 files) / all 200 views, share of a core",
                   String(format: "%.1f µs / %.2f %%", perLookUs, share), "≤ 5 % of a core for the whole room")
        _ = changed
    }

    /// User plus system CPU time of `pid` so far, in clock ticks.
    static func cpuTicks(_ pid: pid_t) -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.range(of: ")", options: .backwards)
        else { return 0 }
        let fields = stat[close.upperBound...].split(separator: " ")
        guard fields.count > 13 else { return 0 }
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }
}
