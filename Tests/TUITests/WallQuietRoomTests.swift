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
        let quiet = WallRoom(state: h.state, workshop: TUIHarness.main2035, laptop: "zaal-1", lastHeard: now - 6 * 60_000)
        let live = WallRoom(state: h.state, workshop: TUIHarness.main2035, laptop: "zaal-2", lastHeard: now - 60_000)
        let text = { (room: WallRoom) in WallView.view(WallInput(event: "dag", rooms: [room], now: now, language: .nl), width: 120, height: 36).text }
        let lost = text(quiet)
        XCTAssertTrue(lost.contains("stil · laatst gehoord"), lost)
        XCTAssertFalse(lost.contains("+"), "a quiet room's timer does not run into overtime\n\(lost)")
        let fine = text(live)
        XCTAssertFalse(fine.contains("stil"), fine)
        XCTAssertTrue(fine.contains("2/"), fine)
    }
}
