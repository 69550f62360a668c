import Core
import Foundation
import Store
import TUI

/// Review over 1,000 sessions × 100 entries: loading them all and drawing the first frame,
/// the synthesis, and one search keystroke; jq counting per scenario on the same files is
/// in the store benchmark.
enum ReviewBench {
    static func run(_ report: inout Report) throws {
        let root = BenchFixtures.tempDir("review")
        defer { try? FileManager.default.removeItem(atPath: root) }
        for i in 0..<1000 { try BenchFixtures.writeSnapshot(root: root, entries: 100, index: i) }
        let workshop = BenchFixtures.workshop
        var app = AppState(workshops: [workshop], listings: [], language: .nl, theme: .dark, width: 160, height: 48, now: 0, idPrefix: "r")
        var records: [ReviewRecord] = []
        let store = try SessionStore(root: root)
        var pending: [String] = []
        // As `perspectief review` does it: the first frame at once, then chunks of 64.
        let firstFrame = Stats.time {
            pending = store.sessionIDsNewestFirst()
            var r = ReviewState(records: [])
            r.loading = pending.count
            app.route = .review(r)
            _ = view(app)
        }
        let allLoaded = firstFrame + Stats.time {
            while !pending.isEmpty {
                let chunk = Array(pending.prefix(64))
                pending.removeFirst(chunk.count)
                let loaded = store.loadAll(workshops: [workshop], only: Set(chunk)).map { ReviewRecord(listing: $0.listing, input: $0.input) }
                _ = update(&app, .reviewLoaded(loaded, remaining: pending.count))
                _ = view(app)
            }
        }
        if case .review(let r) = app.route { records = r.records }
        let inputs = records.compactMap(\.input)
        var synthesis: [Double] = []
        for _ in 0..<3 { synthesis.append(Stats.time { _ = Synthesis.build(workshop: workshop, sessions: inputs) }) }
        _ = update(&app, .key(.char("/")))
        var search: [Double] = []
        for (i, c) in "wachttijden".enumerated() where i < 11 {
            search.append(Stats.time {
                _ = update(&app, .key(.char(c)))
                _ = view(app)
            })
        }
        report.add("review: first frame over 1,000 sessions × 100 entries (sessions then load in chunks)", Stats.fmt(firstFrame), "≤ 0.5 s cold")
        report.add("review: … every session loaded, folded for search and listed (cold, no cache)", Stats.fmt(allLoaded), "")
        report.add("review: synthesis over the 1,000 sessions, median of 3", Stats.fmt(Stats.median(synthesis)), "")
        report.add("review: search keystroke over 100,000 entries, update + view, median / max", "\(Stats.fmt(Stats.median(search))) / \(Stats.fmt(search.max() ?? 0))", "≤ 30 ms")
    }
}
