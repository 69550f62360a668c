import Core
import Foundation
import Store
import XCTest

final class ConcurrencyTests: XCTestCase {
    func testNWritersTimesMEventsAreAllThereExactlyOnce() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let (n, m) = (4, 100)
        let outputs = (0..<n).map { f.root + "/out-\($0)" }
        let procs = try (0..<n).map { try StressWriter.start(f, name: "writer\($0)", count: m, output: outputs[$0]) }
        procs.forEach { $0.waitUntilExit() }
        XCTAssertEqual(procs.map(\.terminationStatus), Array(repeating: 0, count: n))
        let state = try f.open().state
        XCTAssertEqual(state.entries.count, n * m)
        XCTAssertEqual(Set(state.entries.map(\.id)).count, n * m)
        XCTAssertEqual(state.participants.count, n)
        for i in 0..<n {
            let mine = state.entries.filter { $0.author == "writer\(i)" }.map(\.text)
            XCTAssertEqual(mine, (1...m).map { "writer\(i) \($0): reëel — één" }, "in order per writer")
        }
    }

    /// Issue 5: eight participants typing while the facilitator moves steps.
    func testEightParticipantsWhileTheFacilitatorMovesSteps() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        // Participants add entries in scenario rounds: put the session in one first.
        let h = try f.open()
        try h.perform(.moveStep(to: "ronde-a"), by: .facilitator("Anna"), engine: StoreFixture.engine, now: StoreFixture.now())
        h.close()
        let facilitator = try StressWriter.start(f, name: "facilitator", count: 40, extra: ["--step-every", "2"], output: f.root + "/out-f")
        let procs = try (0..<8).map { try StressWriter.start(f, name: "p\($0)", count: 50, output: f.root + "/out-\($0)") }
        (procs + [facilitator]).forEach { $0.waitUntilExit() }
        XCTAssertEqual(procs.map(\.terminationStatus), Array(repeating: 0, count: 8))
        let state = try f.open().state
        let participantEntries = state.entries.filter { $0.owner.hasPrefix("p:") }
        XCTAssertEqual(participantEntries.count, 400)
        XCTAssertEqual(Set(participantEntries.map(\.id)).count, 400)
        for i in 0..<8 {
            let mine = participantEntries.filter { $0.author == "p\(i)" }.map(\.text)
            XCTAssertEqual(mine, (1...50).map { "p\(i) \($0): reëel — één" })
        }
        XCTAssertEqual(Set(participantEntries.map(\.scenario)).count > 1, true, "entries followed the moving steps")
    }

    func testRefreshSeesAnotherWritersEventsAndTheWatcherNoticesThem() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let a = try f.open()
        let b = try f.open()
        for polling in [false, true] {
            let watcher = FolderWatcher(path: f.folder, forcePolling: polling)
            XCTAssertEqual(watcher.usesInotify, !polling)
            let start = Date()
            try a.perform(.addEntry(id: "x\(polling)", text: "hallo"), by: .facilitator(nil), engine: StoreFixture.engine, now: StoreFixture.now())
            XCTAssertTrue(watcher.waitForChange(timeoutMs: 1000))
            XCTAssertLessThan(Date().timeIntervalSince(start), 0.25)
            XCTAssertTrue(try b.refresh())
            XCTAssertEqual(b.state.entry("x\(polling)")?.text, "hallo")
            XCTAssertFalse(try b.refresh(), "nothing new the second time")
        }
        // b writes too; a sees it; compaction by either keeps everything.
        try b.perform(.addEntry(id: "y", text: "terug"), by: .facilitator(nil), engine: StoreFixture.engine, now: StoreFixture.now())
        try a.compact()
        XCTAssertEqual(a.state.entries.map(\.id), ["xfalse", "xtrue", "y"])
        XCTAssertTrue(try b.refresh() || b.state.entries.count == 3)
        try b.perform(.addEntry(id: "z", text: "na compactie"), by: .facilitator(nil), engine: StoreFixture.engine, now: StoreFixture.now())
        XCTAssertTrue(try a.refresh())
        XCTAssertEqual(a.state.entries.map(\.id), ["xfalse", "xtrue", "y", "z"])
        a.close()
        b.close()
        // Closing folds journals in only once they have grown (see Compaction.isDue); the
        // next compaction takes every journal whose writer has gone.
        let last = try f.open()
        XCTAssertEqual(last.state.entries.count, 4)
        try last.compact()
        last.close()
        XCTAssertEqual(f.journals(), [], "journals of writers that have gone are folded into the snapshot")
    }

    func testTwoCompactionsAtOnceAndCompactionWhileWriting() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let procs = try (0..<3).map {
            try StressWriter.start(f, name: "c\($0)", count: 60, extra: ["--compact-every", "7"], output: f.root + "/out-\($0)")
        }
        procs.forEach { $0.waitUntilExit() }
        XCTAssertEqual(procs.map(\.terminationStatus), [0, 0, 0])
        let state = try f.open().state
        XCTAssertEqual(state.entries.count, 180)
        XCTAssertEqual(Set(state.entries.map(\.id)).count, 180)
    }
}
