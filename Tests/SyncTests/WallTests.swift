import Core
import Foundation
import Store
import Sync
import TUI
import TestSupport
import XCTest

/// The plenary wall: both laptops' rooms, live, from the database alone.
final class WallTests: XCTestCase {

    func screen(_ feed: WallFeed, width: Int = 140, height: Int = 40) -> String {
        let rooms = feed.rooms.map { WallRoom(state: $0.state, workshop: Laptop.workshop, laptop: $0.laptop) }
        let input = WallInput(event: "Dag van de Publieke Dienstverlening", rooms: rooms, now: 1_790_000_060_000, language: .nl, leftOut: feed.refused.count)
        return WallView.view(input, width: width, height: height).text
    }

    func testWallShowsBothLaptopsRoomsLive() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "wall")
        let left = try Laptop("wl"), right = try Laptop("wr")
        defer { left.remove(); right.remove() }
        let ouderen = try left.session("ouderen", people: 2, each: 1)
        let ondernemers = try right.session("ondernemers", people: 3, each: 1)
        let options = Syncer.Options(eventName: "dag", laptop: "links")
        let workers = [
            SyncWorker.start(store: left.root, sessionId: ouderen, url: db.room, options: options, interval: 0.2, now: StoreClock.now),
            SyncWorker.start(store: right.root, sessionId: ondernemers, url: db.room, options: .init(eventName: "dag", laptop: "rechts"), interval: 0.2, now: StoreClock.now),
        ]
        defer { workers.forEach { $0.stop() } }
        let feed = WallFeed(url: db.organiser, event: "dag")
        defer { feed.close() }
        let listener = ChangeListener(url: db.organiser)
        defer { listener.stop() }
        wait("both rooms on the wall") {
            try feed.catchUp()
            return feed.rooms.count == 2
        }
        var text = screen(feed)
        XCTAssertTrue(text.contains("2 zalen · 5 mensen · 5 bijdragen"), text)
        XCTAssertTrue(text.contains("Ouderen"), text)
        XCTAssertTrue(text.contains("Ondernemers"), text)
        XCTAssertTrue(text.contains("links"), text)
        XCTAssertTrue(text.contains("rechts"), text)
        XCTAssertTrue(text.contains("3/11 Ronde A"), text)
        // A participant types on the right laptop: the notification wakes the wall and the
        // catch-up read brings the entry, within a second.
        wait("the listener") { listener.isListening }
        try right.add(ondernemers, count: 1, tag: "z")
        workers[1].nudge()
        _ = listener.wake.wait(timeout: .now() + 5)
        wait("the new entry on the wall", seconds: 5) {
            try feed.catchUp()
            return screen(feed).contains("• Ondernemers: Later 0")
        }
        text = screen(feed)
        XCTAssertTrue(text.contains("6 mensen · 6 bijdragen"), text)
    }

    func testKoersvastInTwoGroupsAppearsAndTheTwoByTwoFills() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "koers")
        let laptop = try Laptop("koers")
        defer { laptop.remove() }
        for p in ["ouderen", "ondernemers"] {
            let id = try laptop.session(p, people: 1, each: 1)
            let h = try laptop.store.open(id)
            defer { h.close() }
            let f = Laptop.facilitator
            try h.perform(.moveStep(to: "ronde-b"), by: f, engine: Laptop.engine, now: 1_790_000_001_000)
            try h.perform(.addEntry(id: "b1", text: "Alles via de app, \(p)"), by: f, engine: Laptop.engine, now: 1_790_000_001_001)
            try h.perform(.moveStep(to: "inzichten"), by: f, engine: Laptop.engine, now: 1_790_000_002_000)
            try h.perform(.addEntry(id: "k1", text: "Houd een loket open"), by: f, engine: Laptop.engine, now: 1_790_000_002_001)
            for s in ["a", "b", "c", "d"] {
                try h.perform(.setHolds(id: "k1", scenario: s, holds: true), by: f, engine: Laptop.engine, now: 1_790_000_002_002)
            }
            try Syncer(store: laptop.store, url: db.room).sync(id)
        }
        let feed = WallFeed(url: db.organiser, event: nil)
        defer { feed.close() }
        try feed.catchUp()
        let text = screen(feed)
        XCTAssertTrue(text.contains("Koersvast in meer dan één groep (1)"), text)
        XCTAssertTrue(text.contains("✓ Houd een loket open — Ouderen, Ondernemers"), text)
        XCTAssertTrue(text.contains("Zuinig en digitaal (2)"), text)
        XCTAssertTrue(text.contains("• Ondernemers: Alles via de app,"), text)
        XCTAssertTrue(text.contains("• Ouderen: Alles via de app, ouderen"), text)
        // The same at 80×24: everything in its place, nothing over the edge.
        let small = screen(feed, width: 80, height: 24)
        XCTAssertTrue(small.contains("Koersvast in meer dan één groep (1)"), small)
        XCTAssertTrue(small.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
        XCTAssertTrue(screen(feed, width: 50, height: 10).contains("Maak het venster minstens 60×16"))
    }

    /// The command: `wall --from … --print` draws the same screen once, as text.
    func testWallCommandPrintsTheRooms() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "wallcmd")
        let laptop = try Laptop("wallcmd")
        defer { laptop.remove() }
        try Syncer(store: laptop.store, url: db.room, options: .init(eventName: "dag", laptop: "zaal-7")).sync(try laptop.session("ouderen"))
        let workshops = ["--workshops", Laptop.repo.appendingPathComponent("Tests/Fixtures").path]
        let r = Spawn.run([Binary.perspectief, "wall", "--from", db.organiser.withPassword("orggeheim"), "--event", "dag", "--print", "100x30", "--lang", "en"] + workshops)
        XCTAssertEqual(r.status, 0, r.error)
        XCTAssertTrue(r.output.contains("dag · 1 rooms · 3 people · 6 entries"), r.output)
        XCTAssertTrue(r.output.contains("zaal-7"), r.output)
        let other = Spawn.run([Binary.perspectief, "wall", "--from", db.organiser.withPassword("orggeheim"), "--event", "another", "--print", "100x30", "--lang", "en"] + workshops)
        XCTAssertTrue(other.output.contains("No rooms yet"), other.output)
        let noSession = Spawn.run([Binary.perspectief, "run", "--sync", db.room.withPassword("zaalgeheim")], environment: ["LANG": "en"])
        XCTAssertNotEqual(noSession.status, 0)
        XCTAssertTrue(noSession.error.contains("--sync streams one session"), noSession.error)
    }

    func testArrivalCursorGivesHolesUpOnlyAfterTheirGrace() {
        var c = ArrivalCursor(grace: 3)
        XCTAssertTrue(c.take(1))
        XCTAssertTrue(c.take(3))
        c.settle(now: 100)
        XCTAssertEqual(c.through, 1, "2 may still be committing")
        XCTAssertFalse(c.take(3), "3 was read already")
        XCTAssertTrue(c.take(2), "2 committed late and is still read")
        c.settle(now: 101)
        XCTAssertEqual(c.through, 3)
        XCTAssertTrue(c.take(5))
        c.settle(now: 102)
        c.settle(now: 104)
        XCTAssertEqual(c.through, 3)
        c.settle(now: 105.5)
        XCTAssertEqual(c.through, 5, "4 never came: given up after its grace")
    }
}
