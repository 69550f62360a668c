import Core
import TUI
import XCTest

final class ParticipantTests: XCTestCase {
    func testAParticipantAddsEditsRemovesOwnEntriesAndFollowsTheStep() {
        var p = TUIHarness.participant()
        p.facilitatorMoves(to: "ronde-2")
        XCTAssertTrue(p.screen.contains("Digitaal, tenzij"))
        p.press(.char("a")); p.type("Mijn idee"); p.press(.enter)
        XCTAssertEqual(p.state.entries.last?.author, "Ayşe")
        XCTAssertEqual(p.state.entries.last?.owner, "p:ayşe")
        XCTAssertFalse(p.state.entries.last!.proxy)
        p.press(.char("e"), .backspace); p.type("!"); p.press(.enter)
        XCTAssertEqual(p.state.entries.last?.text, "Mijn ide!")
        p.press(.char("d"))
        XCTAssertTrue(p.state.entries.last!.removed)
        p.press(.right)
        XCTAssertEqual(p.session.step.id, "ronde-2", "a participant cannot move the step")
        XCTAssertEqual(p.app.notice?.text, "De facilitator bepaalt de stap; je scherm volgt vanzelf.")
        p.press(.char("a"), .tab); p.type("x"); p.press(.enter)
        XCTAssertEqual(p.state.entries.last?.author, "Ayşe", "Tab does not let a participant speak for others")
    }

    func testOthersEntriesAreNotTheirsToChange() {
        var p = TUIHarness.participant()
        p.facilitatorMoves(to: "stemmen")
        XCTAssertEqual(p.session.visibleEntries.map(\.text), ["Houd altijd een menselijk loket"])
        p.press(.char("e"))
        XCTAssertNil(p.session.input, "editing someone else's insight does not even open the input")
        p.press(.char("d"))
        XCTAssertEqual(p.app.notice?.text, "Je kunt alleen je eigen bijdragen wijzigen.")
        p.press(.char("v"), .char("v"), .char("v"), .char("v"))
        XCTAssertEqual(p.app.notice?.text, "Je hebt al je stemmen gebruikt.")
        XCTAssertEqual(p.state.votesUsed(by: "p:ayşe"), 3)
        XCTAssertTrue(p.screen.contains("Stemmen over: 0 van 3"), p.screen)
        p.facilitatorMoves(to: "afsluiting")
        XCTAssertTrue(p.session.visibleEntries.isEmpty, "after voting the insights are not theirs to select")
    }

    func testAClosedStepSaysSo() {
        var p = TUIHarness.participant()
        p.arrive(.stepInputSet(step: "opening", open: false), by: .facilitator("Anna"))
        XCTAssertTrue(p.screen.contains("Deze stap is gesloten voor nieuwe bijdragen"))
        p.press(.char("a"))
        XCTAssertEqual(p.app.notice?.text, "Deze stap is gesloten voor nieuwe bijdragen.", "said before typing starts")
        XCTAssertNil(p.session.input)
    }
}
