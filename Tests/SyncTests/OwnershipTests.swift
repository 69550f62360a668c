import Foundation
import Store
import Sync
import TestSupport
import XCTest

/// Each room writes only its own sessions: the database refuses another login's rows, and a
/// session continued on two laptops, with a line that names them.
final class OwnershipTests: XCTestCase {
    func testAnotherRoomsLoginCannotWriteIntoASession() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "owner")
        let laptop = try Laptop("owner")
        defer { laptop.remove() }
        let id = try laptop.session("ouderen")
        try Syncer(store: laptop.store, url: db.room).sync(id)
        let before = db.stored()
        // Room 2's login forges an entry into room 1's session: refused by the database itself.
        let forged = """
            INSERT INTO events (event_id, session_id, journal, seq, clock, happened_at, kind, body, inserted_by)
            VALUES ('forged-1', '\(id)', 'w-forged', 1, 99, 0, 'entryAdded', '{}', 'zaal')
            """
        XCTAssertThrowsError(try DatabaseInitTests.run(db.otherRoom, forged)) { error in
            let e = error as? SyncError
            XCTAssertEqual(e?.scope, .session)
            XCTAssertTrue(
                "\(error)".contains("session \"\(id)\" belongs to another room's login (\"zaal\")"), "\(error)")
        }
        XCTAssertEqual(db.stored().ids, before.ids)
        // The same through the syncer: a copy of the session on room 2's laptop is refused by name.
        let copy = try Laptop("owner-copy")
        defer { copy.remove() }
        try FileManager.default.removeItem(atPath: copy.root)
        try FileManager.default.copyItem(atPath: laptop.root, toPath: copy.root)
        try FileManager.default.removeItem(atPath: copy.root + "/.sync")
        try copy.add(id, count: 1, tag: "forged")
        XCTAssertThrowsError(try Syncer(store: copy.store, url: db.otherRoom).sync(id)) { error in
            XCTAssertTrue("\(error)".contains("belongs to another room's login"), "\(error)")
        }
        XCTAssertEqual(db.stored().ids, before.ids)
        // Who inserted each row is the database's record, not the sender's word.
        let other = try laptop.session("ondernemers")
        try Syncer(store: laptop.store, url: db.room).sync(other)
        let by = pg.psql("SELECT DISTINCT inserted_by FROM events WHERE session_id = '\(other)'", database: db.name)
            .output
        XCTAssertEqual(by.trimmingCharacters(in: .whitespacesAndNewlines), "zaal")
    }

    func testASessionContinuedOnTwoLaptopsIsRefusedNamingBoth() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "twolaptops")
        let left = try Laptop("two-left")
        defer { left.remove() }
        let id = try left.session("ouderen")
        try Syncer(store: left.store, url: db.room, options: .init(laptop: "links")).sync(id)
        let right = try Laptop("two-right")
        defer { right.remove() }
        try FileManager.default.removeItem(atPath: right.root)
        try FileManager.default.copyItem(atPath: left.root, toPath: right.root)
        try right.add(id, count: 2, tag: "rechts")
        XCTAssertThrowsError(try Syncer(store: right.store, url: db.room, options: .init(laptop: "rechts")).sync(id)) {
            error in
            XCTAssertEqual((error as? SyncError)?.scope, .session)
            XCTAssertTrue("\(error)".contains("continued on two laptops, \"links\" and \"rechts\""), "\(error)")
        }
        XCTAssertEqual(db.stored().ids, Set(try left.store.open(id, readOnly: true).events.map(\.id)))
    }
}
