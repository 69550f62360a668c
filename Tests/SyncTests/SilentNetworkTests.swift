import Core
import Foundation
import Store
import Sync
import TUI
import TestSupport
import XCTest

/// A network that goes silent without closing (a proxy that stops forwarding): the room says
/// "offline since" and the wall "stil sinds" within 10 s, the wall's screen never waits on the
/// network, and nothing is lost when the bytes flow again.
final class SilentNetworkTests: XCTestCase {
    func testASilentNetworkShowsOfflineAndLosesNothing() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "silent")
        let laptop = try Laptop("silent")
        defer { laptop.remove() }
        let proxy = try StallingProxy(to: pg.port)
        defer { proxy.close() }
        var room = db.room
        var organiser = db.organiser
        room.port = proxy.port
        organiser.port = proxy.port
        let id = try laptop.session("ouderen", people: 2, each: 1)
        let worker = SyncWorker.start(
            store: laptop.root, sessionId: id, url: room, options: .init(eventName: "dag"), interval: 0.2,
            now: StoreClock.now)
        defer { worker.stop() }
        wait("the first catch-up") { worker.status == .upToDate }
        let wake = DispatchSemaphore(value: 0)
        let reader = try WallReader.start(url: organiser, event: "dag", wake: wake, now: StoreClock.now)
        defer { reader.stop() }
        XCTAssertEqual(reader.snapshot.rooms.count, 1)
        XCTAssertNil(reader.snapshot.problem)

        proxy.forward(false)
        try laptop.add(id, count: 3, tag: "stil")
        worker.nudge()
        // Bounded waits for a state (not a timing assertion): the promise is "within 10 s".
        wait("the room offline", seconds: 10) {
            if case .offline(_, let waiting) = worker.status { return waiting == 4 }
            return false
        }
        wait("the wall silent", seconds: 10) { reader.snapshot.problem?.unreachable == true }
        // The wall draws from its snapshot, never from the network: it says since when.
        let snap = reader.snapshot
        let rooms = snap.rooms.map { WallRoom(state: $0.state, workshop: Laptop.workshop, laptop: $0.laptop) }
        let input = WallInput(
            event: "dag", rooms: rooms, now: StoreClock.now(), language: .nl,
            problem: WallView.silentSince("10:42")[.nl])
        XCTAssertTrue(WallView.view(input, width: 120, height: 36).text.contains("stil sinds 10:42"))
        XCTAssertEqual(snap.rooms.count, 1, "what was read stays on the wall")

        proxy.forward(true)
        wait("the room caught up", seconds: 20) { worker.status == .upToDate }
        XCTAssertEqual(db.stored().ids, try laptop.eventIDs())
        XCTAssertEqual(db.stored().rows, try laptop.eventIDs().count)
        wait("the wall live with the new entries", seconds: 20) {
            let s = reader.snapshot
            return s.problem == nil && s.rooms.reduce(0) { $0 + $1.state.liveEntries.count } == 5
        }
    }
}
