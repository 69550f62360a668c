import Core
import XCTest

@testable import TUI

/// Tables in the first hour: a moved participant is told, typing on the chooser seats nobody
/// (it says what to do), and the report-back starts at table 1.
final class FirstHourTablesTests: XCTestCase {
    func testAMovedParticipantIsToldAndTypingOnTheChooserSeatsNobody() {
        let w = TableWallTests.tafels
        var h = TUIHarness(workshop: w, language: .nl, width: 100, height: 30)
        h.go(toStep: "tafels")
        let ayse = TUIHarness.ayse
        h.arrive(.participantJoined, by: ayse)
        _ = TUI.update(&h.app, .joined(id: h.session.id, workshop: w, state: h.state, actor: ayse))
        h.actor = ayse
        h.type("hallo")
        XCTAssertNil(h.state.seat(of: ayse.key, in: "tafels"))
        XCTAssertEqual(h.session.draft.text, "", "letters on the chooser are not a hidden draft")
        XCTAssertTrue(h.screen.contains("Kies eerst je tafel"), h.screen)
        h.press(.enter)
        XCTAssertEqual(h.state.seat(of: ayse.key, in: "tafels"), w.scenarios[0].id, "Enter on the lit table: a choice made in sight")
        h.arrive(.seated(step: "tafels", seats: [ayse.key: w.scenarios[2].id]), by: .facilitator("Anna"))
        XCTAssertTrue(h.screen.contains("De facilitator heeft je aan een andere tafel gezet"), h.screen)
    }

    func testTheReportBackStartsAtTableOne() {
        var h = TableWallTests.room(.nl, width: 120, height: 36)
        h.press(.char("]"), .char("]"))
        h.go(toStep: "terugkoppeling")
        XCTAssertTrue(h.screen.contains("Tafel 1 van 4"), h.screen)
    }
}
