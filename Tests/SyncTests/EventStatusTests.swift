import Foundation
import Store
import Sync
import TestSupport
import XCTest

/// `event status --json`: the organiser's room list from the database, one event's rooms.
final class EventStatusTests: XCTestCase {
    func testStatusListsOneEventsRoomsWithLaptopLoginAndEvents() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "status")
        let laptop = try Laptop("status")
        defer { laptop.remove() }
        let id = try laptop.session("ouderen")
        let other = try laptop.session("ondernemers")
        try Syncer(store: laptop.store, url: db.room, options: .init(eventName: "dag", laptop: "zaal-3")).sync(id)
        try Syncer(store: laptop.store, url: db.room, options: .init(eventName: "proef", laptop: "zaal-3")).sync(other)
        let r = Spawn.run([
            Binary.perspectief, "event", "status", "--from", db.organiser.withPassword("orggeheim"), "--event", "dag",
            "--json",
        ])
        XCTAssertEqual(r.status, 0, r.error)
        let rooms = try XCTUnwrap(
            (try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [String: Any])?["rooms"]
                as? [[String: Any]])
        XCTAssertEqual(rooms.count, 1, r.output)
        XCTAssertEqual(rooms.first?["session"] as? String, id)
        XCTAssertEqual(rooms.first?["laptop"] as? String, "zaal-3")
        XCTAssertEqual(rooms.first?["login"] as? String, "zaal")
        XCTAssertEqual(rooms.first?["events"] as? Int, try laptop.store.open(id, readOnly: true).events.count)
    }
}
