import Core
import Foundation
import Store
import XCTest

/// Review keeps what it read in `<store>/.cache/review.bin`. It may make reopening fast; it
/// may never show a session as it was before its files changed.
final class ReviewCacheTests: XCTestCase {
    let anna = Actor.facilitator("Anna")
    var cacheFile: (StoreFixture) -> String = { $0.root + "/.cache/review.bin" }

    /// Opens review the way the program does: everything delivered, then the cache saved.
    func review(_ store: SessionStore) -> (listed: [SessionListing], read: [String: ReadSession]) {
        var loading = ReviewLoading(store: store)
        var read: [String: ReadSession] = [:]
        while !loading.done { for r in loading.next(2) { read[r.listing.id] = r } }
        loading.saveIfChanged()
        return (loading.listed, read)
    }

    func addSession(_ f: StoreFixture, _ perspective: String, at now: Int64) throws -> String {
        let id = f.store.newSessionID(perspective: perspective, now: now)
        let setup = SessionSetup(
            sessionId: id, workshopId: "mini", workshopTitle: StoreFixture.workshop.title, perspective: .workshop(perspective),
            title: perspective, facilitator: "Anna")
        let h = try f.store.create(setup, by: anna, now: now)
        try h.perform(.moveStep(to: "ronde-a"), by: anna, engine: StoreFixture.engine, now: now + 1)
        try h.perform(.addEntry(id: "x1", text: "Één loket, reëel"), by: anna, engine: StoreFixture.engine, now: now + 2)
        h.close()
        return id
    }

    func testASecondReviewListsEverythingAtOnceAndReadsTheSameSessions() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let other = try addSession(f, "ondernemers", at: 1_790_000_100_000)
        let first = review(f.store)
        XCTAssertTrue(first.listed.isEmpty, "no cache yet: nothing listed before it is read")
        XCTAssertEqual(Set(first.read.keys), [f.id, other])
        let attributes = try FileManager.default.attributesOfItem(atPath: cacheFile(f))
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, "the cache holds session text: owner only")

        let second = review(f.store)
        XCTAssertEqual(second.listed.map(\.id), [other, f.id], "every session listed from the cache, newest first")
        XCTAssertEqual(second.listed, [other, f.id].map { first.read[$0]!.listing })
        for id in [f.id, other] {
            XCTAssertEqual(second.read[id]?.state, first.read[id]?.state)
            XCTAssertEqual(second.read[id]?.state, try f.store.open(id, readOnly: true).state, "as the files fold")
        }
        XCTAssertEqual(f.store.sessionIDs().sorted(), [f.id, other].sorted(), "the cache folder is not a session")
    }

    func testAJournalLineWrittenAfterTheCacheIsNeverHidden() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        _ = review(f.store)
        // The session goes on: one more journal line, same second.
        let h = try f.open()
        try h.perform(.moveStep(to: "ronde-a"), by: anna, engine: StoreFixture.engine, now: 1_790_000_000_500)
        try h.perform(.addEntry(id: "late", text: "Nog één"), by: anna, engine: StoreFixture.engine, now: 1_790_000_000_600)
        let again = review(f.store)
        XCTAssertTrue(again.listed.isEmpty, "the changed session is not taken from the cache")
        XCTAssertEqual(again.read[f.id]?.state?.entry("late")?.text, "Nog één")
        // Compaction replaces the snapshot by rename: also a change.
        try h.compact()
        h.close()
        let compacted = review(f.store)
        XCTAssertTrue(compacted.listed.isEmpty)
        XCTAssertEqual(compacted.read[f.id]?.state?.entry("late")?.text, "Nog één")
        XCTAssertEqual(review(f.store).listed.map(\.id), [f.id], "unchanged again: from the cache")
    }

    func testSessionsAddedOrRemovedAreSeen() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        _ = review(f.store)
        let other = try addSession(f, "nieuwkomers", at: 1_790_000_200_000)
        let withNew = review(f.store)
        XCTAssertEqual(withNew.listed.map(\.id), [f.id], "the known one from the cache")
        XCTAssertEqual(Set(withNew.read.keys), [f.id, other], "the new one read from its files")
        try FileManager.default.removeItem(atPath: f.store.folder(of: other))
        let removed = review(f.store)
        XCTAssertEqual(removed.listed.map(\.id), [f.id])
        XCTAssertEqual(Set(removed.read.keys), [f.id], "a removed session is gone")
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: cacheFile(f)))
        XCTAssertNil(bytes.range(of: Data(other.utf8)), "and no longer in the cache either")
    }

    func testADamagedOrForeignCacheIsIgnored() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let truth = review(f.store).read[f.id]?.state
        let good = try XCTUnwrap(FileManager.default.contents(atPath: cacheFile(f)))
        var flipped = good
        flipped[good.count / 2] ^= 0x01
        for damaged in [Data(), good.prefix(good.count - 1), flipped, Data("PFRC".utf8), Data(repeating: 0xFF, count: 64)] {
            try damaged.write(to: URL(fileURLWithPath: cacheFile(f)))
            let r = review(f.store)
            XCTAssertTrue(r.listed.isEmpty, "a damaged cache gives nothing (\(damaged.count) bytes)")
            XCTAssertEqual(r.read[f.id]?.state, truth, "the session is read from its files")
            XCTAssertEqual(review(f.store).listed.map(\.id), [f.id], "and the cache is rebuilt")
        }
    }

    func testAStoreThatCannotTakeACacheStillReviews() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        try "not a folder".write(toFile: f.root + "/.cache", atomically: false, encoding: .utf8)
        XCTAssertEqual(review(f.store).read.count, 1)
        XCTAssertEqual(review(f.store).read.count, 1, "no cache, no error, the same sessions")
    }

    func testADamagedSessionIsListedWithItsReasonFromTheCacheToo() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        f.write("session.json", Array("{ not json".utf8))
        let first = review(f.store)
        XCTAssertNil(first.read[f.id]?.state)
        let reason = try XCTUnwrap(first.read[f.id]?.listing.problem)
        let second = review(f.store)
        XCTAssertEqual(second.listed.first?.problem, reason)
        XCTAssertNil(second.read[f.id]?.state)
    }

    func testWhileReviewIsOpenChangedNewAndRemovedSessionsAreSeen() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        _ = review(f.store)
        var loading = ReviewLoading(store: f.store)
        XCTAssertEqual(loading.listed.map(\.id), [f.id])
        _ = loading.next(10)
        XCTAssertEqual(loading.rescan().changed, 0, "nothing changed, nothing to read")

        let h = try f.open()
        try h.perform(.moveStep(to: "ronde-a"), by: anna, engine: StoreFixture.engine, now: 1_790_000_000_500)
        try h.perform(.addEntry(id: "live", text: "Terwijl de terugblik open is"), by: anna, engine: StoreFixture.engine, now: 1_790_000_000_600)
        h.close()
        let other = try addSession(f, "nieuwkomers", at: 1_790_000_300_000)
        XCTAssertEqual(loading.rescan().changed, 2)
        let again = Dictionary(uniqueKeysWithValues: loading.next(10).map { ($0.listing.id, $0) })
        XCTAssertEqual(again[f.id]?.state?.entry("live")?.text, "Terwijl de terugblik open is", "the new state, not the cached one")
        XCTAssertNotNil(again[other]?.state)

        try FileManager.default.removeItem(atPath: f.store.folder(of: other))
        XCTAssertEqual(loading.rescan().removed, [other])
        loading.saveIfChanged()
        XCTAssertEqual(ReviewLoading(store: f.store).listed.map(\.id), [f.id], "the cache saved after it knows the live entry and not the removed session")
        XCTAssertEqual(review(f.store).read[f.id]?.state?.entry("live")?.text, "Terwijl de terugblik open is")
    }
}
