import Core
import TUI
import XCTest

final class SettingsKeyTests: XCTestCase {
    func testHoldForReviewAndHideNamesKeys() {
        var h = TUIHarness()
        h.arrive(.participantJoined, by: TUIHarness.ayse)
        h.go(toStep: "ronde-a")
        h.press(.char("r"))
        XCTAssertTrue(h.state.setup.holdForReview)
        XCTAssertFalse(h.screen.contains("0 bijdragen wachten"), "nothing waits: no count on the wall\n\(h.screen)")
        h.arrive(.entryAdded(NewEntry(id: "p1", kind: .implication, text: "Van Ayşe", step: "ronde-a", scenario: "a", author: "Ayşe", status: .pending)), by: TUIHarness.ayse)
        // The projector shows how many wait, never the held text: that is read on the desk.
        XCTAssertTrue(h.screen.contains("1 bijdrage wacht"), h.screen)
        XCTAssertFalse(h.screen.contains("Van Ayşe"), h.screen)
        h.press(.char("G"), .char("y"))
        XCTAssertEqual(h.state.entry("p1")?.status, .pending, "nothing to accept on the projector")
        h.arrive(.entryReviewed(id: "p1", status: .shown), by: .facilitator("Anna"))
        XCTAssertEqual(h.state.entry("p1")?.status, .shown)
        XCTAssertTrue(h.screen.contains("Van Ayşe — Ayşe"), h.screen)
        h.press(.char("h"))
        XCTAssertTrue(h.state.hideNames)
        XCTAssertFalse(h.screen.contains("— Ayşe"), h.screen)
        XCTAssertTrue(h.screen.contains("namen verborgen"))
        h.press(.char("u"))
        XCTAssertFalse(h.state.hideNames, "settings can be undone like anything else")
        h.press(.char("x"))
        XCTAssertFalse(h.state.stepIsOpen("ronde-a"))
        XCTAssertTrue(h.screen.contains("Deze stap is gesloten voor deelnemers"), h.screen)
    }

    func testThemeChoice() {
        XCTAssertEqual(Theme.choose(flag: nil, environment: [:]), .dark, "high-contrast dark by default")
        XCTAssertEqual(Theme.choose(flag: "light", environment: [:]), .light)
        XCTAssertEqual(Theme.choose(flag: "light", environment: ["NO_COLOR": "1"]), .mono, "NO_COLOR wins")
        XCTAssertEqual(Theme.choose(flag: "paars", environment: [:]), .dark)
        XCTAssertEqual(Language.from(locale: "nl_NL.UTF-8"), .nl)
        XCTAssertEqual(Language.from(locale: "C.UTF-8"), .en)
    }
}
