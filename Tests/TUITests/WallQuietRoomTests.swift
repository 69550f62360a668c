import Core
import Foundation
import TUI
import XCTest

/// The wall tells a live room from a lost one: a room that saved nothing for five minutes says
/// when it was last heard, and its timer does not run on into red overtime.
final class WallQuietRoomTests: XCTestCase {
    func testAQuietRoomSaysWhenItWasLastHeard() {
        var h = TUIHarness(workshop: TUIHarness.main2035, language: .nl, width: 120, height: 36)
        h.go(toStep: "trends")
        let now: Int64 = 1_790_000_000_000 + 3_600_000
        let quiet = WallRoom(
            state: h.state, workshop: TUIHarness.main2035, laptop: "zaal-1", lastHeard: now - 6 * 60_000)
        let live = WallRoom(state: h.state, workshop: TUIHarness.main2035, laptop: "zaal-2", lastHeard: now - 60_000)
        let text = { (room: WallRoom) in
            WallView.view(WallInput(event: "dag", rooms: [room], now: now, language: .nl), width: 120, height: 36).text
        }
        let lost = text(quiet)
        XCTAssertTrue(lost.contains("stil · laatst gehoord"), lost)
        XCTAssertFalse(lost.contains("+"), "a quiet room's timer does not run into overtime\n\(lost)")
        let fine = text(live)
        XCTAssertFalse(fine.contains("stil"), fine)
        XCTAssertTrue(fine.contains("2/"), fine)
    }
}

/// More rooms than the wall has rows: the pages turn by themselves, every room shown in turn.
final class WallPagesTests: XCTestCase {
    func testPagesTurnSoEveryRoomIsShown() {
        var rooms: [WallRoom] = []
        for n in 0..<20 {
            var h = TUIHarness(workshop: TUIHarness.main2035, language: .nl, width: 120, height: 36)
            h.go(toStep: "trends")
            var state = h.state
            state.setup.title = "Zaal \(n + 10)"
            rooms.append(WallRoom(state: state, workshop: TUIHarness.main2035, laptop: "l\(n)"))
        }
        var seen = Set<String>()
        var pages = Set<String>()
        for tick in 0..<6 {
            let now: Int64 = 1_790_000_000_000 + Int64(tick) * 8000
            let text = WallView.view(
                WallInput(event: "dag", rooms: rooms, now: now, language: .nl), width: 120, height: 36
            ).text
            for n in 0..<20 where text.contains("Zaal \(n + 10)") { seen.insert("Zaal \(n + 10)") }
            if let r = text.range(of: "pagina ") { pages.insert(String(text[r.upperBound...].prefix(3))) }
        }
        XCTAssertEqual(seen.count, 20, "every room on some page: \(seen.sorted())")
        XCTAssertGreaterThan(pages.count, 1)
    }
}
