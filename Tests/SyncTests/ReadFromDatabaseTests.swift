import Foundation
import Store
import Sync
import TestSupport
import XCTest

/// `export`, `pack` and `review --from postgres://…` read the database's sessions as if local.
final class ReadFromDatabaseTests: XCTestCase {
    /// Two laptops sync into one database; an organiser's store holding the same sessions
    /// (unpacked from both laptops) exports exactly the bytes `export --from` does.
    func testExportFromDatabaseEqualsLocalExportByteForByte() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "export")
        let left = try Laptop("exl"), right = try Laptop("exr"), organiser = try Laptop("exo")
        defer { [left, right, organiser].forEach { $0.remove() } }
        try left.session("ouderen", people: 4, each: 3, now: 1_790_000_000_000)
        try left.session("ondernemers", people: 2, each: 2, now: 1_790_000_100_000)
        try right.session("ouderen", people: 3, each: 2, now: 1_790_000_200_000)
        for laptop in [left, right] {
            XCTAssertEqual(Spawn.run([Binary.perspectief, "sync", "--all", "--to", db.room.withPassword("zaalgeheim"), "--store", laptop.root]).status, 0)
            let pack = laptop.root + ".pack"
            defer { try? FileManager.default.removeItem(atPath: pack) }
            XCTAssertEqual(Spawn.run([Binary.perspectief, "pack", "--all", "-o", pack, "--store", laptop.root]).status, 0)
            XCTAssertEqual(Spawn.run([Binary.perspectief, "unpack", pack, "--store", organiser.root]).status, 0)
        }
        let workshops = ["--workshops", Laptop.repo.appendingPathComponent("Tests/Fixtures").path]
        for format in ["md", "csv", "json", "html"] {
            let local = Spawn.run([Binary.perspectief, "export", "--all", "--format", format, "--lang", "nl", "--store", organiser.root] + workshops)
            let remote = Spawn.run([Binary.perspectief, "export", "--all", "--format", format, "--lang", "nl", "--from", db.organiser.withPassword("orggeheim")] + workshops)
            XCTAssertEqual(local.status, 0, local.error)
            XCTAssertEqual(remote.status, 0, remote.error)
            XCTAssertGreaterThan(local.output.count, 500)
            XCTAssertEqual(remote.output, local.output, "export --format \(format) --from differs from the local export")
        }
        // pack --from holds the same sessions and events.
        let pack = organiser.root + "-db.pack"
        defer { try? FileManager.default.removeItem(atPath: pack) }
        let packed = Spawn.run([Binary.perspectief, "pack", "--all", "-o", pack, "--from", db.organiser.withPassword("orggeheim")], environment: ["LANG": "en"])
        XCTAssertEqual(packed.status, 0, packed.error)
        XCTAssertTrue(packed.error.contains("packed 3 sessions"), packed.error)
        // No temporary folder is left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("perspectief-db-") }
        XCTAssertEqual(leftovers, [])
    }

    /// A session damaged in the database, or holding an event type this build does not know,
    /// is left out with its reason; the others are read.
    func testDamagedSessionInDatabaseIsLeftOutWithReason() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "dbdamage")
        let laptop = try Laptop("dbdamage")
        defer { laptop.remove() }
        let good = try laptop.session("ouderen")
        let torn = try laptop.session("ondernemers")
        let future = try laptop.session("nieuwkomers")
        try Syncer(store: laptop.store, url: db.room).sync(good)
        try Syncer(store: laptop.store, url: db.room).sync(torn)
        try Syncer(store: laptop.store, url: db.room).sync(future)
        pg.psql("UPDATE events SET body = left(body, 20) WHERE session_id = '\(torn)' AND kind = 'entryAdded' AND seq = (SELECT max(seq) FROM events WHERE session_id = '\(torn)')", database: db.name)
        pg.psql("UPDATE events SET body = replace(body, '\"type\":\"entryAdded\"', '\"type\":\"hologramAdded\"') WHERE session_id = '\(future)' AND kind = 'entryAdded'", database: db.name)
        let r = Spawn.run([Binary.perspectief, "export", "--all", "--format", "csv", "--from", db.organiser.withPassword("orggeheim"), "--workshops", Laptop.repo.appendingPathComponent("Tests/Fixtures").path], environment: ["LANG": "en"])
        XCTAssertEqual(r.status, 0, r.error)
        XCTAssertTrue(r.error.contains("session \"\(torn)\" in the database is left out"), r.error)
        XCTAssertTrue(r.error.contains("session \"\(future)\" in the database is left out"), r.error)
        XCTAssertTrue(r.output.contains(good), r.output)
        XCTAssertFalse(r.output.contains(torn))
        XCTAssertFalse(r.output.contains(future))
    }

    /// `review --from` during the day: the temporary store follows the database, so rooms
    /// that go on, and rooms that start later, come in while the review is open.
    func testTheReviewCopyFollowsTheDatabase() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "follow")
        let laptop = try Laptop("follow")
        defer { laptop.remove() }
        let first = try laptop.session("ouderen")
        try Syncer(store: laptop.store, url: db.room).sync(first)
        let copy = try DatabaseStore(url: db.organiser)
        defer { copy.remove() }
        let follower = copy.follow()
        defer { follower.stop() }
        try laptop.add(first, count: 4, tag: "later")
        let second = try laptop.session("ondernemers")
        let syncer = Syncer(store: laptop.store, url: db.room)
        try syncer.sync(first)
        try syncer.sync(second)
        let local = try SessionStore(root: copy.root, create: false)
        wait("both sessions, whole, in the review's copy", seconds: 10) {
            guard Set(local.sessionIDs()) == [first, second] else { return false }
            let here = try Set(local.open(first, readOnly: true).events.map(\.id)).union(local.open(second, readOnly: true).events.map(\.id))
            return here == (try laptop.eventIDs())
        }
        XCTAssertNil(try local.open(first, readOnly: true).readOnlyReason)
    }

    func testStoreAndFromTogetherAreRefused() throws {
        let r = Spawn.run([Binary.perspectief, "export", "--all", "--store", "/tmp/x", "--from", "postgres://a@127.0.0.1/d"], environment: ["LANG": "en"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.error.contains("use --store or --from, not both"), r.error)
    }
}
