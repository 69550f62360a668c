import Core
import Foundation
import Store
import Synchronization
import TUI

/// Breakout tables at full size: 40 participants in 4 tables, each saving an implication every
/// 2 s (each its own writer and journal, as each ssh participant is), while the facilitator's
/// loop watches the folder, folds, and draws the wall at 160×45. Measured: save → on the wall
/// (p50 / p95), every entry arriving once, the newest of every table on the wall, and the
/// facilitator loop's CPU. PERSPECTIEF_BENCH_TABLES_SECONDS shortens the minute.
enum TablesBench {
    static let people = 40
    static let periodMs = 2000

    static func run(_ report: inout Report) throws {
        let seconds = Int(ProcessInfo.processInfo.environment["PERSPECTIEF_BENCH_TABLES_SECONDS"] ?? "") ?? 60
        let root = BenchFixtures.tempDir("tables")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var workshop = try WorkshopCatalog.loadFile(
            BenchFixtures.repo.appendingPathComponent("Workshops/publieke-dienstverlening-2035-tafels.json").path).get()
        let round = workshop.steps.firstIndex { $0.kind == .tableRound }!
        workshop.steps[round].seatsPerTable = 10  // forty people over four tables
        let step = workshop.steps[round]
        let tables = workshop.tables(of: step)
        let engine = Engine(workshop: workshop)
        let store = try SessionStore(root: root)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let setup = SessionSetup(
            sessionId: "20261204-1000-tafels-bench", workshopId: workshop.id, workshopTitle: workshop.title,
            perspective: .workshop("ouderen"), title: "Tafels", facilitator: "Anna")
        let h = try store.create(setup, by: .facilitator("Anna"), now: now)
        try h.perform(.moveStep(to: step.id), by: .facilitator("Anna"), engine: engine, now: now)
        let id = setup.sessionId

        // Forty writers, started a little apart so their saves spread over the 2 s.
        let done = DispatchGroup()
        let failures = FailureCount()
        for i in 0..<people {
            done.enter()
            let w = workshop
            let table = tables[i % tables.count].id
            Thread {
                defer { done.leave() }
                do {
                    let me = Actor(role: .participant, key: "p:bench-\(i)", name: "Deelnemer \(i)")
                    let engine = Engine(workshop: w)
                    let mine = try SessionStore(root: root).open(id)
                    defer { mine.close() }
                    usleep(UInt32(i * periodMs * 1000 / people))
                    try mine.perform(.join, by: me, engine: engine, now: ms())
                    try mine.perform(.chooseTable(table), by: me, engine: engine, now: ms())
                    let end = Date().addingTimeInterval(Double(seconds))
                    var n = 0
                    while Date() < end {
                        let started = Date()
                        let stamp = Int64(Date().timeIntervalSince1970 * 1_000_000)
                        try mine.perform(.addEntry(id: "b\(i)-\(n)", text: "t=\(stamp) tafel-implicatie \(i)-\(n)"), by: me, engine: engine, now: ms())
                        n += 1
                        let left = Double(periodMs) / 1000 - Date().timeIntervalSince(started)
                        if left > 0 { usleep(UInt32(left * 1_000_000)) }
                    }
                } catch {
                    failures.add()
                }
            }.start()
        }

        // The facilitator: watch, fold, draw the wall; note when each entry first shows.
        var app = AppState(workshops: [workshop], listings: [], language: .nl, theme: .dark, width: 160, height: 45, now: now, idPrefix: "f")
        _ = update(&app, .sessionOpened(id: id, workshop: workshop, state: h.state, readOnly: nil))
        let watcher = FolderWatcher(path: store.folder(of: id))
        var latencies: [Double] = []
        var seen: [String: Int] = [:]
        var newestMissing = 0
        var frames = 0
        let cpuStart = threadCPU()
        let wallStart = Date()
        var finished = false
        while !finished {
            finished = done.wait(timeout: .now()) == .success
            guard watcher.waitForChange(timeoutMs: 200) || finished else { continue }
            guard try h.refresh() || finished else { continue }
            _ = update(&app, .sessionChanged(h.state))
            let screen = view(app).text
            frames += 1
            let nowUs = Int64(Date().timeIntervalSince1970 * 1_000_000)
            var newest: [String: Entry] = [:]
            for e in h.state.entries where e.table != nil {
                newest[e.table!] = e
                guard seen[e.id] == nil else { continue }
                seen[e.id] = 1
                if let t = Int64(e.text.dropFirst(2).prefix { $0 != " " }) { latencies.append(Double(nowUs - t) / 1000) }
            }
            for e in newest.values where !screen.contains(String(e.text.suffix(24))) { newestMissing += 1 }
        }
        let cpu = threadCPU() - cpuStart
        let elapsed = Date().timeIntervalSince(wallStart)
        let saved = h.state.entries.filter { $0.table != nil }
        let once = Set(saved.map(\.id)).count == saved.count && seen.count == saved.count
        h.close()
        report.add(
            "tables: \(people) participants in \(tables.count) tables, an entry every 2 s each for \(seconds) s: save → on the wall (160×45), median / p95 of \(latencies.count)",
            "\(Stats.fmt(Stats.median(latencies))) / \(Stats.fmt(Stats.percentile(latencies, 95)))", "p95 ≤ 250 ms")
        report.add(
            "tables: every entry on the wall once; the newest of each table drawn in its quadrant",
            "\(once ? "yes" : "NO") (\(saved.count) saved, \(failures.value) writers failed); newest missing in \(newestMissing) of \(frames * tables.count) checks",
            "all, once; none missing")
        report.add(
            "tables: the facilitator's loop (watch + fold + wall), CPU",
            String(format: "%.1f %% of one core (%.1f s over %.0f s, %d frames)", cpu / elapsed * 100, cpu, elapsed, frames), "—")
    }

    static func ms() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    static func threadCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// A count shared by the writer threads.
final class FailureCount: Sendable {
    private let n = Mutex(0)
    func add() { n.withLock { $0 += 1 } }
    var value: Int { n.withLock { $0 } }
}
