import Foundation
import Store
import Sync
import XCTest

/// The live syncer beside a room: never blocks, says how it stands, catches up after outages.
final class SyncWorkerTests: XCTestCase {

    func testStreamsALiveRoomAndSaysWhenUpToDate() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "worker")
        let laptop = try Laptop("worker")
        defer { laptop.remove() }
        let id = try laptop.session("ouderen")
        let worker = SyncWorker.start(store: laptop.root, sessionId: id, url: db.room, now: StoreClock.now)
        defer { worker.stop() }
        wait("the first catch-up") { worker.status == .upToDate }
        XCTAssertEqual(db.stored().ids, try laptop.eventIDs())
        // The room goes on typing; a nudge sends it well within the second.
        try laptop.add(id, count: 5, tag: "live")
        worker.nudge()
        wait("the new entries", seconds: 5) { db.stored().ids == (try laptop.eventIDs()) }
        XCTAssertEqual(SyncStatus.upToDate.text(.nl, clock: { _ in "" }), "bijgewerkt")
    }

    /// The database stopped mid-session and started again: the room never waits, the state
    /// says "offline since", and afterwards every event is there exactly once.
    func testDatabaseStoppedAndRestartedMidSession() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "outage")
        let laptop = try Laptop("outage")
        defer { laptop.remove() }
        let id = try laptop.session("ouderen")
        let worker = SyncWorker.start(store: laptop.root, sessionId: id, url: db.room, now: StoreClock.now)
        defer { worker.stop() }
        wait("the first catch-up") { worker.status == .upToDate }
        pg.stop()
        defer { if !pg.running { try? pg.start() } }
        // The room keeps saving while the database is away (its saves never involve the syncer).
        try laptop.add(id, count: 20, tag: "away")
        worker.nudge()
        wait("offline") {
            if case .offline(_, let waiting) = worker.status { return waiting == 21 }
            return false
        }
        XCTAssertTrue(worker.status.text(.en, clock: { _ in "10:42" }).hasPrefix("offline since 10:42 (21 waiting)"))
        try pg.start()
        wait("the catch-up after the outage") { worker.status == .upToDate }
        XCTAssertEqual(db.stored().ids, try laptop.eventIDs())
        XCTAssertEqual(db.stored().rows, try laptop.eventIDs().count)
    }

    /// Two laptops, three sessions, participants adding on both while both sync at once.
    func testTwoLaptopsSyncingAtOnce() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "two")
        let left = try Laptop("left"), right = try Laptop("right")
        defer { left.remove(); right.remove() }
        let sessions = [(left, try left.session("ouderen")), (left, try left.session("ondernemers")), (right, try right.session("nieuwkomers"))]
        let workers = sessions.map { SyncWorker.start(store: $0.0.root, sessionId: $0.1, url: db.room, interval: 0.2, now: StoreClock.now) }
        defer { workers.forEach { $0.stop() } }
        let typing = DispatchGroup()
        for (n, (laptop, id)) in sessions.enumerated() {
            let root = laptop.root
            DispatchQueue.global().async(group: typing) { try? Laptop.add(root: root, id, count: 40, tag: "t\(n)") }
        }
        typing.wait()
        workers.forEach { $0.nudge() }
        wait("both laptops up to date") { workers.allSatisfy { $0.status == .upToDate } }
        let expected = try left.eventIDs().union(try right.eventIDs())
        XCTAssertEqual(expected.count, try left.eventIDs().count + right.eventIDs().count)
        XCTAssertEqual(db.stored().ids, expected)
        XCTAssertEqual(db.stored().rows, expected.count)
    }

    func testWrongPasswordIsRefusedNotOffline() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "refused")
        let laptop = try Laptop("refused")
        defer { laptop.remove() }
        let id = try laptop.session("ouderen")
        let url = try DatabaseURL.parse(pg.url(db.name, user: "zaal", password: "fout"))
        let worker = SyncWorker.start(store: laptop.root, sessionId: id, url: url, now: StoreClock.now)
        defer { worker.stop() }
        wait("the refusal") { if case .refused = worker.status { return true } else { return false } }
        XCTAssertTrue(worker.status.text(.en, clock: { _ in "" }).contains("wrong user name or password"))
    }
}
