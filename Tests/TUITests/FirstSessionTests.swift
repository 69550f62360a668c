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
        XCTAssertTrue(p.screen.contains("Typ hier je bijdrage"), p.screen)
        p.arrive(.sessionClosed, by: .facilitator("Anna"))
        XCTAssertFalse(p.screen.contains("Typ hier je bijdrage"), "no invitation to type in a closed session:\n\(p.screen)")
        XCTAssertTrue(p.screen.contains("afgesloten"), p.screen)
        p.type("a")
        XCTAssertEqual(p.session.draft.text, "", "typing does not start")
    }

    func testTextTypedWhileTheSessionClosesIsKeptNotDropped() {
        var p = TUIHarness.participant()
        p.facilitatorMoves(to: "ronde-1")
        p.type("Mijn laatste gedachte")
        p.arrive(.sessionClosed, by: .facilitator("Anna"))
        XCTAssertTrue(p.screen.contains("De sessie is afgesloten."), p.screen)
        XCTAssertTrue(p.screen.contains("Mijn laatste gedachte"), p.screen)
        p.press(.enter)
        XCTAssertEqual(p.session.draft.text, "Mijn laatste gedachte", "the text stays")
        XCTAssertFalse(p.state.entries.contains { $0.text == "Mijn laatste gedachte" })
    }

    func testTheTabHintShowsOnlyWhereTabChoosesWhoSaidIt() {
        var p = TUIHarness.participant()
        p.facilitatorMoves(to: "ronde-1")
        p.type("a")
        XCTAssertFalse(p.screen.contains("Gezegd door"), "a participant speaks only for themselves:\n\(p.screen)")

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
        XCTAssertTrue(h.screen.contains("2 implicaties · 1 inzicht"), h.screen)
        XCTAssertFalse(h.screen.contains("0 deelnemers"), "nobody on a screen is no news")
        h.press(.char("r"), .char("?"), .end)
        XCTAssertTrue(h.screen.contains("wachtende bijdragen goedkeuren of afwijzen"), "held entries are for the desk: \(h.screen)")
        XCTAssertEqual(S.kindCount(.insight, 8, .nl), "8 inzichten")
        XCTAssertEqual(S.kindCount(.note, 1, .en), "1 note")
        h.press(.escape)
        h.go(toStep: "stemmen")
        h.press(.char("v"))
        XCTAssertTrue(h.screen.contains("1 inzicht · 1 stem "), h.screen)
    }
}

/// Nothing the room needs is out of reach: lists, cards and help scroll, and their ↑/↓
/// counts never cover text.
final class ScrollingTests: XCTestCase {
    func testTheScrollMarkerNeverCoversEntryText() {
        for (w, h) in [(120, 36), (80, 24)] {
            var s = TUIHarness(workshop: TUIHarness.main2035, width: w, height: h)
            s.go(toStep: "ronde-1")
            for i in 1...14 {
                s.press(.char("a")); s.type("Implicatie \(i) met genoeg woorden om tot aan de rechterrand van het scherm door te lopen en verder"); s.press(.enter)
            }
            let screen = s.screen
            let marked = screen.split(separator: "\n").filter { $0.contains("↑ ") && $0.contains("│") || $0.contains("↓ ") && $0.contains("Implicatie") }
            XCTAssertFalse(marked.isEmpty, "the list is longer than the screen:\n\(screen)")
            for line in marked {
                guard let arrow = line.range(of: "↑ ", options: .backwards) ?? line.range(of: "↓ ", options: .backwards) else { continue }
                XCTAssertTrue(line[..<arrow.lowerBound].hasSuffix("  "), "the marker sits in its own gutter at \(w)×\(h):\n\(line)")
            }
        }
    }

    func testTheWholeCardScrollsToItsLastTrend() {
        var s = TUIHarness(workshop: TUIHarness.main2035, width: 120, height: 36)
        s.go(toStep: "trends")
        s.press(.char("n"))
        let last = TUIHarness.main2035.trends.last!
        XCTAssertFalse(s.screen.contains("\(last.number). \(last.title[.nl])"), "the last trend does not fit at first")
        XCTAssertTrue(s.screen.contains("scrollen"), s.screen)
        for _ in 0..<60 { s.press(.down) }
        XCTAssertTrue(s.session.card, "arrows scroll the card, they do not close it")
        XCTAssertTrue(s.screen.contains("\(last.number). \(last.title[.nl])"), s.screen)
        s.press(.pageUp, .home)
        XCTAssertTrue(s.screen.contains("1. "), s.screen)
        s.press(.char("q"))
        XCTAssertFalse(s.session.card, "any other key closes it")
        XCTAssertNotNil(s.app.session, "and does not leave the session")
    }

    func testHelpScrollsAndSaysWhoIsHere() {
        var s = TUIHarness(workshop: TUIHarness.main2035, width: 80, height: 24)
        s.arrive(.participantJoined, by: FirstSessionTests.bram)
        s.go(toStep: "robuustheid")
        s.press(.char("?"))
        XCTAssertTrue(s.screen.contains("Sessie: 20261122-1400-ouderen-ab12"), s.screen)
        XCTAssertTrue(s.screen.contains("Deelnemers: Bram"), s.screen)
        XCTAssertFalse(s.screen.contains("sessie verlaten"), "the last key is below the fold at 80×24")
        s.press(.end)
        XCTAssertTrue(s.app.help)
        XCTAssertTrue(s.screen.contains("sessie verlaten"), s.screen)
        XCTAssertTrue(s.screen.contains("houdt stand in scenario"), "this step's own keys are listed:\n\(s.screen)")
        s.press(.char("x"))
        XCTAssertFalse(s.app.help)
        s.press(.char("h"), .char("?"))
        XCTAssertTrue(s.screen.contains("Deelnemers: 1 (namen verborgen)"), s.screen)
    }

    func testTheTimerRunsOnIntoTheNextStepUnlessTurnedOff() {
        var s = TUIHarness(workshop: TUIHarness.main2035)
        s.press(.char("t"))
        s.press(.right)
        XCTAssertEqual(s.state.timers["trends"]?.isRunning, true, "one press of t for the whole session")
        XCTAssertEqual(s.state.timers["opening"]?.isRunning, false)
        s.press(.char("T"))
        XCTAssertEqual(s.app.notice?.text, "De timer pauzeert bij elke stap.")
        s.press(.right)
        XCTAssertNotEqual(s.state.timers["ronde-1"]?.isRunning, true)
        s.press(.char("T"), .char("?"), .end)
        XCTAssertTrue(s.screen.contains("timer loopt door naar de volgende stap: aan"), s.screen)
    }
}

/// Participants see the room's entries on their own screens when the facilitator allows it.
final class RoomVisibleTests: XCTestCase {
    func testAParticipantSeesTheRoomsEntriesOnlyWhenAllowed() {
        var h = TUIHarness.participant()
        h.facilitatorMoves(to: "ronde-1")
        h.arrive(.entryAdded(NewEntry(id: "f1", kind: .implication, text: "Gezegd in de zaal", step: "ronde-1", scenario: "zuinig-loket", author: nil)),
                 by: .facilitator("Anna"))
        h.type("Mijn eigen"); h.press(.enter)
        XCTAssertEqual(h.session.visibleEntries.map(\.text), ["Mijn eigen"])
        h.arrive(.settingsChanged(holdForReview: nil, hideNames: nil, voteBudget: nil, roomVisible: true), by: .facilitator("Anna"))
        XCTAssertEqual(h.session.visibleEntries.map(\.text), ["Gezegd in de zaal", "Mijn eigen"])
        XCTAssertTrue(h.screen.contains("Bijdragen van de zaal: 2"), h.screen)
        h.press(.up, .ctrl("e"))
        XCTAssertNil(h.session.editing, "someone else's entry is still not theirs to edit")
    }

    func testTheFacilitatorTurnsItOnWithZ() {
        var h = TUIHarness(workshop: TUIHarness.main2035)
        h.press(.char("z"))
        XCTAssertTrue(h.state.roomVisible)
        XCTAssertTrue(h.screen.contains("deelnemers zien alles"), h.screen)
        h.press(.char("u"))
        XCTAssertFalse(h.state.roomVisible, "undo turns it off again")
    }
}
