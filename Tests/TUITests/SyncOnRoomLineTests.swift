import Core
import XCTest

@testable import TUI

/// The sync state stays in view while the room is open: beside the join line, not under it.
final class SyncOnRoomLineTests: XCTestCase {
    func testTheSyncStateShowsOnTheJoinLine() {
        var t = TUIHarness(workshop: TUIHarness.main2035, language: .en, width: 120, height: 36)
        t.go(toStep: "trends")
        t.send(.room(RoomPanelTests.info()))
        t.app.syncStatus = "offline since 10:42 (12 waiting)"
        let rows = t.screen.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(rows[1].contains("code 4821"), t.screen)
        XCTAssertTrue(rows[1].contains("offline since 10:42 (12 waiting)"), t.screen)
        // Where it does not fit whole, the join line keeps its place and the state stays off.
        var narrow = TUIHarness(workshop: TUIHarness.main2035, language: .en, width: 80, height: 24)
        narrow.go(toStep: "trends")
        narrow.send(.room(RoomPanelTests.info()))
        narrow.app.syncStatus = "offline since 10:42 (12 waiting)"
        let line = narrow.screen.split(separator: "\n", omittingEmptySubsequences: false)[1]
        XCTAssertTrue(line.contains("code 4821"), narrow.screen)
        XCTAssertFalse(line.contains("offline"), narrow.screen)
    }
}
