import Core
import Foundation
import Store
import TUI

enum TUIBench {
    /// One keystroke (typing a character in the text input, and moving the selection) with
    /// 2,000 entries in the current step: update plus a full view into the cell buffer.
    static func keystroke(_ report: inout Report) throws {
        let root = BenchFixtures.tempDir("tui")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try BenchFixtures.writeSnapshot(root: root, entries: 2000, index: 1, spread: false)
        let store = try SessionStore(root: root)
        var app = AppState(workshops: [BenchFixtures.workshop], listings: [], language: .nl, theme: .dark, width: 200, height: 60, now: 0, idPrefix: "b")
        var openAndFirstFrame: [Double] = []
        for _ in 0..<20 {
            openAndFirstFrame.append(try Stats.time {
                let h = try store.open(store.sessionIDs()[0], readOnly: true)
                _ = update(&app, .sessionOpened(id: h.id, workshop: BenchFixtures.workshop, state: h.state, readOnly: nil))
                _ = view(app)
            })
        }
        // All 2,000 entries sit in the first round, the step the session is on.
        _ = update(&app, .key(.char("a")))
        var typing: [Double] = []
        for i in 0..<500 {
            typing.append(Stats.time {
                _ = update(&app, .key(.char(i % 7 == 0 ? " " : "ë")))
                _ = view(app)
            })
        }
        _ = update(&app, .key(.escape))
        var moving: [Double] = []
        for i in 0..<500 {
            moving.append(Stats.time {
                _ = update(&app, .key(i % 2 == 0 ? .down : .up))
                _ = view(app)
            })
        }
        report.add("keystroke with 2,000 entries at 200×60: typing a character, update + view, median / p99",
                   "\(Stats.fmt(Stats.median(typing))) / \(Stats.fmt(Stats.percentile(typing, 99)))", "≤ 1 ms median")
        report.add("keystroke with 2,000 entries at 200×60: moving the selection, update + view, median / p99",
                   "\(Stats.fmt(Stats.median(moving))) / \(Stats.fmt(Stats.percentile(moving, 99)))", "≤ 1 ms median")
        report.add("open a 2,000-entry session and draw the first frame (in-process), median of 20",
                   Stats.fmt(Stats.median(openAndFirstFrame)), "≤ 50 ms launch to first frame")
    }
}
