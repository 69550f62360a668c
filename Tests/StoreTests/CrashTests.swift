import Core
import Foundation
import Store
import XCTest

/// kill -9 at random moments: nothing acknowledged is lost, nothing is doubled, and every
/// session still loads. Bounded: about 50 kills each, a few seconds in all.
final class CrashTests: XCTestCase {
    func killRandomly(compacting: Bool, rounds: Int) throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        var acknowledged = Set<String>()
        var kills = 0
        for round in 0..<rounds {
            let outputs = (0..<4).map { f.root + "/out-\(round)-\($0)" }
            let extra = compacting ? ["--compact-every", "3"] : []
            let procs = try (0..<4).map { try StressWriter.start(f, name: "w\($0)", count: 100_000, extra: extra, output: outputs[$0]) }
            usleep(useconds_t(Int.random(in: 20_000...80_000)))
            for p in procs.shuffled() {
                kill(p.processIdentifier, SIGKILL)
                usleep(useconds_t(Int.random(in: 0...3_000)))
            }
            procs.forEach { $0.waitUntilExit() }
            kills += procs.count
            outputs.forEach { acknowledged.formUnion(StressWriter.acks($0)) }
            let h = try f.open(readOnly: true)
            XCTAssertNil(h.readOnlyReason, "round \(round): \(h.readOnlyReason ?? "")")
            let ids = h.state.entries.map(\.id)
            XCTAssertEqual(ids.count, Set(ids).count, "nothing doubled")
            let missing = acknowledged.subtracting(ids)
            XCTAssertTrue(missing.isEmpty, "round \(round): lost \(missing.count) acknowledged entries")
        }
        XCTAssertGreaterThanOrEqual(kills, 48)
        XCTAssertGreaterThan(acknowledged.count, 0, "the writers got some work done before each kill")
        // After all that, a normal writer compacts everything and the result is the same.
        let h = try f.open()
        let before = Set(h.state.entries.map(\.id))
        try h.compact()
        XCTAssertEqual(Set(h.state.entries.map(\.id)), before)
        XCTAssertFalse(f.files().keys.contains { $0.contains(".tmp-") }, "temp files swept")
    }

    /// A writer's new journal is empty until its first line. A compaction in another process
    /// that found it in that moment used to take it for a dead writer's and remove it, and the
    /// writer went on writing to a file with no name: acknowledged, and lost.
    func testWritersStartingWhileOthersCompactLoseNothing() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        var acknowledged = Set<String>()
        for round in 0..<10 {
            let outputs = (0..<6).map { f.root + "/start-\(round)-\($0)" }
            let procs = try (0..<6).map { try StressWriter.start(f, name: "r\(round)w\($0)", count: 4, extra: ["--compact-every", "1"], output: outputs[$0]) }
            procs.forEach { $0.waitUntilExit() }
            XCTAssertEqual(procs.map(\.terminationStatus), Array(repeating: 0, count: 6), "round \(round)")
            outputs.forEach { acknowledged.formUnion(StressWriter.acks($0)) }
        }
        XCTAssertEqual(acknowledged.count, 10 * 6 * 4)
        let ids = Set(try f.open(readOnly: true).state.entries.map(\.id))
        XCTAssertEqual(acknowledged.subtracting(ids), [], "every acknowledged entry is in the session")
    }

    func testCompactionLeavesAJournalThatIsStillEmpty() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        f.write("journal-justcreated.jsonl", [])
        let h = try f.open()
        try h.perform(.moveStep(to: "ronde-a"), by: .facilitator("Anna"), engine: StoreFixture.engine, now: 1_790_000_000_500)
        try h.compact()
        h.close()
        XCTAssertTrue(f.journals().contains("journal-justcreated.jsonl"), "its writer may be about to lock it: \(f.journals())")
    }

    func testKillWritersAtRandomMoments() throws { try killRandomly(compacting: false, rounds: 12) }

    func testKillWritersDuringCompaction() throws { try killRandomly(compacting: true, rounds: 12) }
}
