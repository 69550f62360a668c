import Core
import Foundation
import Store
import XCTest

/// Adding without reading the whole session (the snapshot's head and the journals only), and
/// compaction only once the journals have grown: the same promises as every other write.
final class AddingTests: XCTestCase {
    let anna = Actor.facilitator("Anna")

    func add(_ h: SessionHandle, _ id: String, _ text: String = "regel — reëel") throws {
        try h.perform(.addEntry(id: id, text: text), by: anna, engine: StoreFixture.engine, now: StoreFixture.now())
    }

    /// A compacted session of `count` entries, in round A, with every journal folded in.
    func compactedSession(_ count: Int) throws -> StoreFixture {
        let f = try StoreFixture()
        let h = try f.open()
        try h.perform(.moveStep(to: "ronde-a"), by: anna, engine: StoreFixture.engine, now: StoreFixture.now())
        for i in 0..<count { try add(h, "e\(i)") }
        h.close()
        // A writer that has gone leaves its journal for the next compaction to fold in.
        let folder = try f.open()
        try folder.compact()
        folder.close()
        XCTAssertEqual(f.journals(), [])
        return f
    }

    func testOpeningForAddingReadsTheHeadNotEveryEntryAndAddsWhatAFullOpenWould() throws {
        let f = try compactedSession(300)
        defer { f.cleanUp() }
        let adder = try f.store.openForAdding(f.id)
        XCTAssertEqual(adder.state.entries.count, 0, "the snapshot's 300 entries were not read")
        XCTAssertEqual(adder.state.step, "ronde-a", "the step comes from the head")
        try add(adder, "new")
        adder.close()
        let full = try f.open(readOnly: true)
        XCTAssertEqual(full.state.entries.count, 301)
        let added = full.events.first { if case .entryAdded(let n) = $0.change { return n.id == "new" } else { return false } }!
        XCTAssertEqual(added.clock, full.events.map(\.clock).max(), "a clock past every folded event, so it folds last")
        XCTAssertEqual(full.state.entry("new")?.scenario, "a", "the round's scenario, as a full open gives it")
    }

    func testAClosedSessionRefusesAnAddOpenedForAdding() throws {
        let f = try compactedSession(3)
        defer { f.cleanUp() }
        let h = try f.open()
        try h.perform(.close, by: anna, engine: StoreFixture.engine, now: StoreFixture.now())
        try h.compact()
        h.close()
        let adder = try f.store.openForAdding(f.id)
        XCTAssertThrowsError(try add(adder, "late")) { XCTAssertTrue("\($0)".contains("closed"), "\($0)") }
        adder.close()
    }

    func testASnapshotCutShortIsReadInFullAndStaysUntouched() throws {
        let f = try compactedSession(20)
        defer { f.cleanUp() }
        let bytes = f.files()["session.json"]!
        let cut = Array(bytes.dropLast(40))
        f.write("session.json", cut)
        // The head's length check sends it to a full read, which finds the damage.
        XCTAssertThrowsError(try f.store.openForAdding(f.id)) { XCTAssertTrue("\($0)".contains("unexpected end of file"), "\($0)") }
        XCTAssertEqual(f.files()["session.json"], cut)
        XCTAssertEqual(f.journals(), [])
    }

    func testASnapshotWithoutAHeadIsReadInFull() throws {
        let f = try compactedSession(5)
        defer { f.cleanUp() }
        // What an older build wrote: the same snapshot with no "head".
        let text = String(decoding: f.files()["session.json"]!, as: UTF8.self)
        let older = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  \"head\":") }
        f.write("session.json", Array(older.joined(separator: "\n").utf8))
        let adder = try f.store.openForAdding(f.id)
        XCTAssertNil(adder.readOnlyReason)
        XCTAssertEqual(adder.state.entries.count, 5)
        try add(adder, "x")
        adder.close()
        XCTAssertEqual(try f.open(readOnly: true).state.entries.count, 6)
    }

    func testCompactionWaitsUntilTheJournalsHaveGrown() throws {
        let f = try compactedSession(1)
        defer { f.cleanUp() }
        for i in 0..<10 {
            let h = try f.store.openForAdding(f.id)
            try add(h, "a\(i)")
            h.close()
        }
        XCTAssertEqual(f.journals().count, 10, "ten small journals: not worth rewriting the snapshot yet")
        for i in 10..<70 {
            let h = try f.store.openForAdding(f.id)
            try add(h, "a\(i)")
            h.close()
        }
        XCTAssertLessThan(f.journals().count, 65, "folded in once there were more than 64")
        let full = try f.open(readOnly: true)
        XCTAssertEqual(full.state.entries.count, 71)
        XCTAssertNil(full.readOnlyReason)
    }

    /// kill -9 writers that each add the way `perspectief add` does — open for adding, append,
    /// close and maybe compact — many times over: nothing acknowledged lost, nothing doubled.
    func testKillAddersThatCompactNowAndThen() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        var acknowledged = Set<String>()
        for round in 0..<8 {
            let outputs = (0..<3).map { f.root + "/out-\(round)-\($0)" }
            let procs = try (0..<3).map { try StressWriter.start(f, name: "w\($0)", count: 100_000, extra: ["--reopen"], output: outputs[$0]) }
            usleep(useconds_t(Int.random(in: 150_000...400_000)))
            for p in procs.shuffled() {
                kill(p.processIdentifier, SIGKILL)
                usleep(useconds_t(Int.random(in: 0...3_000)))
            }
            procs.forEach { $0.waitUntilExit() }
            outputs.forEach { acknowledged.formUnion(StressWriter.acks($0)) }
            let h = try f.open(readOnly: true)
            XCTAssertNil(h.readOnlyReason, "round \(round): \(h.readOnlyReason ?? "")")
            let ids = h.state.entries.map(\.id)
            XCTAssertEqual(ids.count, Set(ids).count, "nothing doubled")
            XCTAssertEqual(acknowledged.subtracting(ids), [], "round \(round): every acknowledged entry is there")
        }
        XCTAssertGreaterThan(acknowledged.count, 64, "enough adds that compaction ran between kills")
        XCTAssertLessThan(f.journals().count, 64 + 3 * 8 + 1, "journals were folded in along the way")
    }
}
