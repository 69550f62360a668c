import Core
import TUI
import XCTest

/// What a Dutch facilitator's first real session ran into (issue 13), each as the key
/// presses that showed it.
final class FirstSessionTests: XCTestCase {
    static let bram = Actor(role: .participant, key: "p:bram", name: "Bram")

    func testTheSelectionStaysOnTheChosenEntryWhenAParticipantAdds() {
        var h = TUIHarness(workshop: TUIHarness.main2035)
        h.arrive(.participantJoined, by: Self.bram)
        h.go(toStep: "inzichten")
        for text in ["Eerste", "Tweede", "Derde"] { h.press(.char("a")); h.type(text); h.press(.enter) }
        XCTAssertEqual(h.session.selectedEntry?.text, "Derde", "my own new entry is selected")
        h.press(.up)
        XCTAssertEqual(h.session.selectedEntry?.text, "Tweede")
        h.arrive(.entryAdded(NewEntry(id: "p1", kind: .insight, text: "Van Bram", step: "inzichten", scenario: nil, author: "Bram")), by: Self.bram)
        XCTAssertEqual(h.session.selectedEntry?.text, "Tweede", "a participant's entry does not take the selection")
        h.press(.char("d"))
        XCTAssertEqual(h.session.visibleEntries.map(\.text), ["Eerste", "Derde", "Van Bram"], "d removes what the facilitator chose")
    }

    func testTheSelectionFollowsAnEntryThatMovesUpWhenAnEarlierOneGoes() {
        var h = TUIHarness(workshop: TUIHarness.main2035)
        h.arrive(.participantJoined, by: Self.bram)
        h.go(toStep: "inzichten")
        h.arrive(.entryAdded(NewEntry(id: "p1", kind: .insight, text: "Van Bram", step: "inzichten", scenario: nil, author: "Bram")), by: Self.bram)
        h.press(.char("a")); h.type("Mijn inzicht"); h.press(.enter)
        XCTAssertEqual(h.session.selectedEntry?.text, "Mijn inzicht")
        h.arrive(.entryRemoved(id: "p1"), by: Self.bram)
        XCTAssertEqual(h.session.selectedEntry?.text, "Mijn inzicht")
    }

    func testClosingTheSessionStopsTheTimer() {
        var h = TUIHarness(workshop: TUIHarness.main2035)
        h.go(toStep: "afsluiting")
        h.press(.char("t"))
        XCTAssertEqual(h.state.timers["afsluiting"]?.isRunning, true)
        h.app.now += 60_000
        h.press(.char("c"))
        XCTAssertTrue(h.state.closed)
        XCTAssertEqual(h.state.timers["afsluiting"]?.isRunning, false, "a closed session's timer stops")
        let timer = h.state.timers["afsluiting"]!
        let left = timer.remainingMs(minutes: 10, now: h.app.now)
        XCTAssertEqual(timer.remainingMs(minutes: 10, now: h.app.now + 3_600_000), left, "and stays where it stopped, in review too")
        XCTAssertTrue(h.screen.contains("⏸"), h.screen)
    }

    func testAParticipantIsToldTheSessionIsClosedBeforeTyping() {
        var p = TUIHarness.participant()
        p.facilitatorMoves(to: "ronde-1")
        XCTAssertTrue(p.screen.contains("Druk op a"), p.screen)
        p.arrive(.sessionClosed, by: .facilitator("Anna"))
        XCTAssertFalse(p.screen.contains("Druk op a"), "no invitation to type in a closed session:\n\(p.screen)")
        XCTAssertTrue(p.screen.contains("afgesloten"), p.screen)
        p.press(.char("a"))
        XCTAssertNil(p.session.input, "typing does not start")
        XCTAssertEqual(p.app.notice?.text, "De sessie is afgesloten.")
    }

    func testTextTypedWhileTheSessionClosesIsKeptNotDropped() {
        var p = TUIHarness.participant()
        p.facilitatorMoves(to: "ronde-1")
        p.press(.char("a")); p.type("Mijn laatste gedachte")
        p.arrive(.sessionClosed, by: .facilitator("Anna"))
        XCTAssertTrue(p.screen.contains("De sessie is afgesloten: dit wordt niet opgeslagen"), p.screen)
        p.press(.enter)
        XCTAssertEqual(p.session.input?.text, "Mijn laatste gedachte", "the refused text is given back")
        XCTAssertEqual(p.app.notice?.text, "De sessie is afgesloten. Je tekst staat nog in het vak (Esc gooit hem weg).")
        XCTAssertFalse(p.state.entries.contains { $0.text == "Mijn laatste gedachte" })
    }

    func testTheTabHintShowsOnlyWhereTabChoosesWhoSaidIt() {
        var p = TUIHarness.participant()
        p.facilitatorMoves(to: "ronde-1")
        p.press(.char("a"))
        XCTAssertFalse(p.screen.contains("Tab"), "a participant's Tab does nothing:\n\(p.screen)")
        XCTAssertFalse(p.screen.contains("Gezegd door"), p.screen)

        var h = TUIHarness(workshop: TUIHarness.main2035)
        h.go(toStep: "ronde-1")
        h.press(.char("a"))
        XCTAssertFalse(h.screen.contains("Tab"), "no one with a name has joined yet:\n\(h.screen)")
        h.press(.escape)
        h.arrive(.participantJoined, by: Self.bram)
        h.press(.char("a"))
        XCTAssertTrue(h.screen.contains("Gezegd door: de zaal (Tab wisselt)"), h.screen)
    }

    func testDutchPluralsAndTheAcceptKey() {
        var h = TUIHarness(workshop: TUIHarness.main2035)
        h.go(toStep: "ronde-1")
        for text in ["een", "twee"] { h.press(.char("a")); h.type(text); h.press(.enter) }
        h.go(toStep: "inzichten")
        h.press(.char("a")); h.type("enig inzicht"); h.press(.enter)
        h.go(toStep: "afsluiting")
        XCTAssertTrue(h.screen.contains("2 implicaties · 1 inzicht · 0 deelnemers"), h.screen)
        h.press(.char("?"))
        XCTAssertTrue(h.screen.contains("goedkeuren"), h.screen)
        XCTAssertEqual(S.kindCount(.insight, 8, .nl), "8 inzichten")
        XCTAssertEqual(S.kindCount(.note, 1, .en), "1 note")
    }
}
