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
        let firstFrame = try Stats.time {
            let store = try SessionStore(root: root)
            records = store.loadAll(workshops: [workshop]).map { ReviewRecord(listing: $0.listing, input: $0.input) }
            app.route = .review(ReviewState(records: records))
            _ = view(app)
        }
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
        report.add("review: load 1,000 sessions × 100 entries and draw the first frame (cold, no cache)", Stats.fmt(firstFrame), "≤ 0.5 s cold")
        report.add("review: synthesis over the 1,000 sessions, median of 3", Stats.fmt(Stats.median(synthesis)), "")
        report.add("review: search keystroke over 100,000 entries, update + view, median / max", "\(Stats.fmt(Stats.median(search))) / \(Stats.fmt(search.max() ?? 0))", "≤ 30 ms")
    }
}
