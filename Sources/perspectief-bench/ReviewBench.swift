import Core
import Foundation
import Store
import TUI

/// Review over 1,000 sessions × 100 entries: opening it cold (no cache), warm (nothing
/// changed since the last review) and after one session changed; the synthesis; one search
/// keystroke. jq counting per scenario on the same files is in the store benchmark.
enum ReviewBench {
    static func run(_ report: inout Report) throws {
        let root = BenchFixtures.tempDir("review")
        defer { try? FileManager.default.removeItem(atPath: root) }
        for i in 0..<1000 { try BenchFixtures.writeSnapshot(root: root, entries: 100, index: i) }
        let store = try SessionStore(root: root)

        let cold = open(store)
        var warm: [Open] = []
        for _ in 0..<5 { warm.append(open(store)) }
        // One session goes on (a journal line more): only it is read from its files.
        let h = try store.open("20261122-1400-gen-7")
        _ = try h.perform(.addEntry(id: "late", text: "Nog één implicatie"), by: .facilitator("Anna"), engine: Engine(workshop: BenchFixtures.workshop), now: 1_795_400_000_000)
        h.close()
        let oneChanged = open(store)
        guard cold.records.count == 1000, warm.allSatisfy({ $0.records.count == 1000 }), oneChanged.records.count == 1000,
            oneChanged.records.contains(where: { $0.listing.id == "20261122-1400-gen-7" && $0.listing.entryCount == 101 })
        else { throw CocoaError(.featureUnsupported) }

        // While review is open it looks at the folders every 2 s: what one look costs.
        var rescans: [Double] = []
        for _ in 0..<5 { rescans.append(Stats.time { _ = store.scan() }) }
        var app = oneChanged.app
        let workshop = BenchFixtures.workshop
        let inputs = oneChanged.records.compactMap(\.input)
        var synthesis: [Double] = []
        for _ in 0..<3 { synthesis.append(Stats.time { _ = Synthesis.build(workshop: workshop, sessions: inputs) }) }
        _ = update(&app, .key(.char("/")))
        var search: [Double] = []
        for c in "wachttijden" {
            search.append(Stats.time {
                _ = update(&app, .key(.char(c)))
                _ = view(app)
            })
        }
        let warmFirst = Stats.median(warm.map(\.firstFrame))
        let warmAll = Stats.median(warm.map(\.allLoaded))
        report.add("review: first frame over 1,000 sessions × 100 entries, cold (no cache; sessions then load in chunks)", Stats.fmt(cold.firstFrame), "≤ 0.5 s cold")
        report.add("review: … every session read, folded for search and listed, cold", Stats.fmt(cold.allLoaded), "")
        report.add("review: … writing the cache for next time (once, after the cold open)", Stats.fmt(cold.saved), "")
        report.add("review: first frame with every session listed, warm (nothing changed), median of 5", Stats.fmt(warmFirst), "≤ 50 ms")
        report.add("review: … every session decoded from the cache and folded for search, warm, median of 5", Stats.fmt(warmAll), "")
        report.add("review: … after one session changed: first frame / everything loaded", "\(Stats.fmt(oneChanged.firstFrame)) / \(Stats.fmt(oneChanged.allLoaded))", "")
        report.add("review: one look at the 1,000 folders for changes (every 2 s while open), median of 5", Stats.fmt(Stats.median(rescans)), "")
        report.add("review: synthesis over the 1,000 sessions, median of 3", Stats.fmt(Stats.median(synthesis)), "")
        report.add("review: search keystroke over 100,000 entries, update + view, median / max", "\(Stats.fmt(Stats.median(search))) / \(Stats.fmt(search.max() ?? 0))", "≤ 30 ms")
    }

    struct Open {
        var firstFrame: Double
        var allLoaded: Double
        var saved: Double
        var app: AppState
        var records: [ReviewRecord]
    }

    /// As `perspectief review` does it: scan and cache, the first frame at once, then the
    /// sessions the cache could not give in chunks of 64, then the cache written.
    static func open(_ store: SessionStore) -> Open {
        let workshops = [BenchFixtures.workshop]
        var app = AppState(workshops: workshops, listings: [], language: .nl, theme: .dark, width: 160, height: 48, now: 0, idPrefix: "r")
        var loading: ReviewLoading!
        let firstFrame = Stats.time {
            loading = ReviewLoading(store: store)
            var r = ReviewState(records: [])
            r.add(loading.listed.map(ReviewRecord.init(listed:)), remaining: loading.pending.count)
            app.route = .review(r)
            _ = view(app)
        }
        let allLoaded = firstFrame + Stats.time {
            while !loading.done {
                let chunk = loading.next(64).map { ReviewRecord($0, workshops: workshops) }
                _ = update(&app, .reviewLoaded(chunk, remaining: loading.pending.count))
                _ = view(app)
            }
        }
        let saved = Stats.time { loading.saveIfChanged() }
        guard case .review(let r) = app.route else { fatalError("review route expected") }
        return Open(firstFrame: firstFrame, allLoaded: allLoaded, saved: saved, app: app, records: r.records)
    }
}
