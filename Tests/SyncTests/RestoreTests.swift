import Core
import Foundation
import Store
import Sync
import TUI
import TestSupport
import XCTest

/// A database made again, or restored from the day's backup: every room's next sync sends
/// what the database lacks (without anyone deleting a progress folder), and a running wall
/// notices and reads again, so entries made afterwards show.
final class RestoreTests: XCTestCase {
    func entries(_ feed: WallFeed) -> Int { feed.rooms.reduce(0) { $0 + $1.state.liveEntries.count } }

    func testARecreatedDatabaseGetsEveryEventAgainAndTheWallReadsAgain() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "recreate")
        let laptop = try Laptop("recreate")
        defer { laptop.remove() }
        let id = try laptop.session("ouderen", people: 2, each: 2)
        let sync = [
            Binary.perspectief, "sync", "--all", "--to", db.room.withPassword("zaalgeheim"), "--store", laptop.root,
            "--event", "dag",
        ]
        XCTAssertEqual(Spawn.run(sync).status, 0)
        let feed = WallFeed(url: db.organiser, event: "dag")
        defer { feed.close() }
        try feed.catchUp()
        XCTAssertEqual(entries(feed), 4)
        let identity = pg.psql("SELECT id FROM database_identity", database: db.name).output
        try db.recreate()
        XCTAssertNotEqual(
            pg.psql("SELECT id FROM database_identity", database: db.name).output, identity,
            "db init gives a new identity")
        XCTAssertEqual(db.stored().rows, 0)
        // The room's next sync sends everything again: the progress file is not trusted over the database.
        let again = Spawn.run(sync, environment: ["LANG": "en"])
        XCTAssertEqual(again.status, 0, again.error)
        XCTAssertTrue(again.output.contains("\(id)\t\(try laptop.eventIDs().count) sent"), again.output)
        XCTAssertEqual(db.stored().ids, try laptop.eventIDs())
        // The wall, running all along, reads the new database and shows what is made after.
        try laptop.add(id, count: 2, tag: "after")
        XCTAssertEqual(Spawn.run(sync).status, 0)
        wait("the wall reading the new database", seconds: 10) {
            try feed.catchUp()
            return entries(feed) == 6
        }
        XCTAssertGreaterThanOrEqual(feed.rereads, 1)
    }

    func testARestoredBackupGetsTheEventsSinceAndTheWallShowsNewOnes() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "restore")
        let laptop = try Laptop("restore")
        defer { laptop.remove() }
        let id = try laptop.session("ouderen", people: 2, each: 2)
        let worker = SyncWorker.start(
            store: laptop.root, sessionId: id, url: db.room, options: .init(eventName: "dag"), interval: 0.2,
            now: StoreClock.now)
        defer { worker.stop() }
        wait("the first catch-up") { worker.status == .upToDate }
        let backup = NSTemporaryDirectory() + "pf-backup-\(UUID().uuidString.prefix(8)).sql"
        defer { try? FileManager.default.removeItem(atPath: backup) }
        try db.dump(to: backup)
        // The day goes on after the backup: a new participant and entries.
        try laptop.add(id, count: 5, tag: "noon")
        worker.nudge()
        wait("the afternoon in the database") { db.stored().ids == (try laptop.eventIDs()) }
        let feed = WallFeed(url: db.organiser, event: "dag")
        defer { feed.close() }
        try feed.catchUp()
        XCTAssertEqual(entries(feed), 9)
        // 14:00: the noon backup is restored while the room is closed for lunch.
        worker.stop()
        try db.restore(from: backup)
        XCTAssertLessThan(db.stored().rows, try laptop.eventIDs().count)
        // The wall notices (its last row is gone, arrival numbers went down) and reads again:
        // it shows what the database now holds, not what it held.
        wait("the wall reading the restored database", seconds: 10) {
            try feed.catchUp()
            return feed.rereads >= 1 && entries(feed) == 4
        }
        // The room opens again: its sync puts back what the backup lacks.
        let after = SyncWorker.start(
            store: laptop.root, sessionId: id, url: db.room, options: .init(eventName: "dag"), interval: 0.2,
            now: StoreClock.now)
        defer { after.stop() }
        wait("every event back after the restore", seconds: 15) { db.stored().ids == (try laptop.eventIDs()) }
        XCTAssertEqual(db.stored().rows, try laptop.eventIDs().count)
        try laptop.add(id, count: 1, tag: "late")
        after.nudge()
        wait("the entry made after the restore on the wall", seconds: 15) {
            try feed.catchUp()
            return entries(feed) == 10
        }
    }
}
