import Foundation
import Store
import Sync
import TestSupport
import XCTest

/// `perspectief sync`: every durable event once, remembered per journal, resumable.
final class OneShotSyncTests: XCTestCase {
    func testEveryEventOnceThenOnlyWhatIsNew() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "oneshot")
        let laptop = try Laptop("oneshot")
        defer { laptop.remove() }
        let a = try laptop.session("ouderen")
        try laptop.session("ondernemers")
        let first = Spawn.run([Binary.perspectief, "sync", "--all", "--to", db.room.withPassword("zaalgeheim"), "--store", laptop.root, "--event", "dag"], environment: ["LANG": "en"])
        XCTAssertEqual(first.status, 0, first.error)
        XCTAssertEqual(db.stored().ids, try laptop.eventIDs())
        XCTAssertEqual(db.stored().rows, try laptop.eventIDs().count)
        // Nothing new: nothing sent. Then a room goes on: only the new events go.
        let again = Spawn.run([Binary.perspectief, "sync", "--all", "--to", db.room.withPassword("zaalgeheim"), "--store", laptop.root], environment: ["LANG": "en"])
        XCTAssertEqual(again.status, 0, again.error)
        XCTAssertTrue(again.output.split(separator: "\n").allSatisfy { $0.hasSuffix("0 sent, 0 new") }, again.output)
        try laptop.add(a, count: 3, tag: "x")
        let third = Spawn.run([Binary.perspectief, "sync", a, "--to", db.room.withPassword("zaalgeheim"), "--store", laptop.root], environment: ["LANG": "en"])
        XCTAssertEqual(third.output.trimmingCharacters(in: .whitespacesAndNewlines), "\(a)\t4 sent, 4 new")
        XCTAssertEqual(db.stored().ids, try laptop.eventIDs())
        XCTAssertEqual(pg.psql("SELECT DISTINCT event_name FROM rooms", database: db.name).output.trimmingCharacters(in: .whitespacesAndNewlines), "dag")
    }

    func testProgressSurvivesCompactionAndItsLossOnlyCostsAResend() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "progress")
        let laptop = try Laptop("progress")
        defer { laptop.remove() }
        let id = try laptop.session("ouderen", people: 2, each: 3)
        let syncer = Syncer(store: laptop.store, url: db.room)
        XCTAssertEqual(try syncer.sync(id).added, try laptop.eventIDs().count)
        // Journals folded into the snapshot and removed: the progress still holds (per writer).
        try laptop.store.open(id).compact()
        try laptop.add(id, count: 2, tag: "y")
        let after = Syncer(store: laptop.store, url: db.room)
        XCTAssertEqual(try after.sync(id).sent, 3)
        // The progress file gone: the database says what it holds, so nothing is sent again,
        // and the database keeps one of each.
        try FileManager.default.removeItem(atPath: laptop.root + "/.sync")
        let lost = try Syncer(store: laptop.store, url: db.room).sync(id)
        XCTAssertEqual(lost.sent, 0)
        XCTAssertEqual(lost.added, 0)
        XCTAssertEqual(db.stored().rows, try laptop.eventIDs().count)
        // The progress never travels in a pack and is no session.
        XCTAssertFalse(laptop.store.sessionIDs().contains(".sync"))
    }

    func testDamagedSessionIsRefusedAndTheOthersGo() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "damaged")
        let laptop = try Laptop("damaged")
        defer { laptop.remove() }
        let good = try laptop.session("ouderen")
        let bad = try laptop.session("ondernemers")
        let journal = try FileManager.default.contentsOfDirectory(atPath: laptop.store.folder(of: bad)).first { $0.hasPrefix("journal-") }!
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: laptop.store.folder(of: bad) + "/" + journal))
        handle.seekToEndOfFile()
        handle.write(Data("{\"v\":1,\"broken\n{\"v\":1}\n".utf8))
        try handle.close()
        let r = Spawn.run([Binary.perspectief, "sync", "--all", "--to", db.room.withPassword("zaalgeheim"), "--store", laptop.root], environment: ["LANG": "en"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.error.contains("session \(bad) is not synced"), r.error)
        XCTAssertTrue(r.error.contains("1 of 2 sessions not synced"), r.error)
        let goodIDs = Set(try laptop.store.open(good, readOnly: true).events.map(\.id))
        XCTAssertEqual(db.stored().ids, goodIDs)
    }

    /// kill -9 the syncing process mid-batch, again and again: then one clean run, and the
    /// database holds every event exactly once.
    func testKillMinus9MidBatchLosesAndDoublesNothing() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "kill")
        let laptop = try Laptop("kill")
        defer { laptop.remove() }
        for p in ["ouderen", "ondernemers", "nieuwkomers"] { try laptop.session(p, people: 10, each: 30) }
        let argv = [Binary.perspectief, "sync", "--all", "--to", db.room.withPassword("zaalgeheim"), "--store", laptop.root, "--batch-size", "7"]
        var killedMidway = 0
        for round in 0..<6 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: argv[0])
            p.arguments = Array(argv.dropFirst())
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(useconds_t(150_000 + round * 60_000))
            if p.isRunning {
                kill(p.processIdentifier, SIGKILL)
                killedMidway += 1
            }
            p.waitUntilExit()
        }
        XCTAssertGreaterThan(killedMidway, 0, "at least one run must have been cut off mid-sync")
        let last = Spawn.run(argv, environment: ["LANG": "en"])
        XCTAssertEqual(last.status, 0, last.error)
        let expected = try laptop.eventIDs()
        XCTAssertEqual(db.stored().ids, expected)
        XCTAssertEqual(db.stored().rows, expected.count)
    }
}

extension DatabaseURL {
    /// The URL as text, with its password (the tests' command lines need it).
    func withPassword(_ p: String) -> String { "postgres://\(user):\(p)@\(hostForTests):\(port)/\(database)" }
    var hostForTests: String { host.contains(":") ? "[\(host)]" : host }
}
