import Core
import XCTest

@testable import TUI

/// A real room's first hour, as text from the pure view: nobody loses their name (the rejoin
/// code is where they look), no habit key destroys work, and the facilitator moderates from
/// the desk while the projector says nothing about keys to the room.
final class FirstHourTests: XCTestCase {
    static let fatima = Actor(role: .participant, key: "p-fatima", name: "Fatima")

    func testEscOnADraftIsTheFirstThingCtrlZBringsBackAndNoSavedEntryGoes() {
        var p = TUIHarness.participant()
        p.facilitatorMoves(to: "ronde-1")
        p.type("Eerste"); p.press(.enter)
        p.type("Een hele gedachte die ik niet kwijt wil"); p.press(.escape)
        XCTAssertEqual(p.session.draft.text, "")
        XCTAssertTrue(p.screen.contains("Ctrl-Z zet hem terug"), p.screen)
        p.press(.ctrl("z"))
        XCTAssertEqual(p.session.draft.text, "Een hele gedachte die ik niet kwijt wil")
        XCTAssertTrue(p.screen.contains("Ongedaan: je gewiste tekst"), p.screen)
        let mine = p.state.entries.filter { $0.owner == TUIHarness.ayse.key }
        XCTAssertEqual(mine.map(\.text), ["Eerste"])
        XCTAssertFalse(mine[0].removed, "Ctrl-Z after Esc removed a saved entry")
        // Saved, then Ctrl-Z takes that save back — and says so, never silently.
        p.press(.enter)
        p.press(.ctrl("z"))
        XCTAssertTrue(p.state.entries.last!.removed)
        XCTAssertTrue(p.screen.contains("Ongedaan: je bijdrage \"Een hele gedachte die ik niet"), p.screen)
        XCTAssertFalse(p.screen.contains("Opgeslagen."), p.screen)
    }

    func testTheRejoinCodeIsInTheHintLineInHelpAndInTheGoodbyeAfterSaving() {
        var p = TUIHarness.participant()
        p.send(.rejoinCode("123 456"))
        p.facilitatorMoves(to: "ronde-1")
        p.type("Eerste"); p.press(.enter)
        XCTAssertTrue(p.screen.contains("Opgeslagen."), p.screen)
        XCTAssertTrue(p.screen.contains("Terugkomcode 123 456"), "the first save must not take the code away:\n\(p.screen)")
        p.type("x")
        XCTAssertFalse(p.screen.contains("Terugkomcode"), "while typing, the hint line is for the keys")
        p.press(.backspace, .char("?"))
        XCTAssertTrue(p.screen.contains("Je terugkomcode: 123 456"), p.screen)
        p.press(.escape)
        XCTAssertEqual(RejoinCodeText.farewell(p.app), "Wat je opsloeg is bewaard. Terugkomen: dezelfde naam en je terugkomcode 123 456.")
        p.send(.sentAway("we gaan pauzeren"))
        XCTAssertEqual(p.effects.last, .quit)
        XCTAssertTrue(RejoinCodeText.farewell(p.app)!.hasPrefix("De facilitator heeft je verbinding verbroken: we gaan pauzeren"))
    }

    func testParticipantHelpListsTheKeysThatWorkNow() {
        var p = TUIHarness.participant(language: .en, width: 100, height: 40)
        p.facilitatorMoves(to: "ronde-1")
        p.press(.char("?"))
        let typing = p.screen
        for key in ["Ctrl-C", "Ctrl-Z", "Ctrl-X", "Esc", "Enter"] { XCTAssertTrue(typing.contains(key), "\(key) missing:\n\(typing)") }
        XCTAssertFalse(typing.contains("e / d"), typing)
        XCTAssertFalse(typing.contains("quit (everything"), typing)
        XCTAssertFalse(typing.contains(" v "), "no voting keys outside voting:\n\(typing)")
        p.press(.escape)
        p.facilitatorMoves(to: "stemmen")
        p.press(.char("?"))
        XCTAssertTrue(p.screen.contains("vote for the chosen insight"), p.screen)
        XCTAssertFalse(p.screen.contains("Alt-Enter"), "nothing is typed in voting:\n\(p.screen)")
    }

    func testCtrlCOnTheProjectorWithPeopleConnectedAsksAndNKeepsEveryoneIn() {
        var h = TUIHarness(workshop: TUIHarness.main2035)
        XCTAssertEqual(TUI.update(&h.app, .key(.ctrl("c"))), [.quit], "nobody connected: Ctrl-C ends at once")
        var t = TUIHarness(workshop: TUIHarness.main2035)
        t.send(.room(RoomInfo(sshCommand: "ssh -p 2222 zaal@127.0.0.1", code: "4821 0937",
                              people: [RoomPerson(id: "ssh-1", name: "Fatima", since: TUIHarness.start, via: .ssh, address: "127.0.0.1")])))
        t.press(.ctrl("c"))
        XCTAssertFalse(t.effects.contains(.quit))
        XCTAssertTrue(t.screen.contains("1 verbonden"), t.screen)
        t.press(.char("n"))
        XCTAssertFalse(t.effects.contains(.quit))
        XCTAssertNotNil(t.app.session, "still in the session")
        t.press(.ctrl("c"), .char("j"))
        XCTAssertEqual(t.effects.last, .quit)
    }

    func testNoSingleKeyOnTheProjectorRemovesAParticipantsEntry() {
        var h = TUIHarness(workshop: TUIHarness.main2035)
        h.arrive(.participantJoined, by: Self.fatima)
        h.go(toStep: "ronde-1")
        h.arrive(.entryAdded(NewEntry(id: "f1", kind: .implication, text: "Van Fatima", step: "ronde-1", scenario: "zuinig-loket", author: "Fatima")), by: Self.fatima)
        h.press(.char("d"))
        XCTAssertFalse(h.state.entry("f1")!.removed)
        XCTAssertTrue(h.screen.contains("regietafel"), h.screen)
        // The facilitator's own typing for the room is still theirs to remove.
        h.press(.char("a")); h.type("Van de zaal"); h.press(.enter)
        h.press(.char("d"))
        XCTAssertTrue(h.state.entries.last!.removed)
        // Hold-for-review on the wall names no key that does something else there.
        h.press(.char("r"))
        XCTAssertFalse(h.screen.contains("x afwijzen"), h.screen)
    }

    static func deskWithFatima() -> AppState {
        var h = TUIHarness(workshop: TUIHarness.main2035)
        h.arrive(.participantJoined, by: fatima)
        h.go(toStep: "ronde-1")
        h.arrive(.entryAdded(NewEntry(id: "f1", kind: .implication, text: "Van Fatima", step: "ronde-1", scenario: "zuinig-loket", author: "Fatima")), by: fatima)
        var desk = DeskTests.desk(h.state)
        _ = TUI.update(&desk, .room(RoomInfo(sshCommand: "ssh -p 2222 zaal@127.0.0.1", code: "4821 0937",
                                             people: [RoomPerson(id: "ssh-1", name: "Fatima", since: TUIHarness.start, via: .ssh, address: "127.0.0.2")])))
        _ = TUI.update(&desk, .roster([NameHolder(key: fatima.key, name: "Fatima", present: true, guarded: true),
                                       NameHolder(key: "p-sanne", name: "Sanne", present: false, guarded: true)]))
        return desk
    }

    func testTheDeskListsWhoHoldsWhichNameAndReleasesOneAfterAsking() {
        var desk = Self.deskWithFatima()
        _ = TUI.update(&desk, .key(.tab)); _ = TUI.update(&desk, .key(.tab))
        var screen = TUI.view(desk).text
        XCTAssertTrue(screen.contains("Fatima · verbonden (ssh 127.0.0.2) · naam met code"), screen)
        XCTAssertTrue(screen.contains("Sanne · niet verbonden · naam met code"), screen)
        _ = TUI.update(&desk, .key(.down))
        XCTAssertEqual(TUI.update(&desk, .key(.char("R"))), [])
        XCTAssertTrue(TUI.view(desk).text.contains("Naam Sanne vrijgeven?"), TUI.view(desk).text)
        XCTAssertEqual(TUI.update(&desk, .key(.char("n"))), [], "no: nothing released")
        _ = TUI.update(&desk, .key(.char("R")))
        XCTAssertEqual(TUI.update(&desk, .key(.char("j"))), [.releaseName(key: "p-sanne", name: "Sanne")])
        _ = TUI.update(&desk, .roster([NameHolder(key: Self.fatima.key, name: "Fatima", present: true, guarded: true),
                                       NameHolder(key: "p-sanne", name: "Sanne", present: false, guarded: false)]))
        screen = TUI.view(desk).text
        XCTAssertTrue(screen.contains("Sanne · niet verbonden · naam vrij"), screen)
    }

    func testTheDeskDisconnectsWithAReasonTheParticipantSees() {
        var desk = Self.deskWithFatima()
        _ = TUI.update(&desk, .key(.tab)); _ = TUI.update(&desk, .key(.tab))
        XCTAssertEqual(TUI.update(&desk, .key(.char("d"))), [])
        XCTAssertTrue(TUI.view(desk).text.contains("Verbinding van Fatima verbreken?"), TUI.view(desk).text)
        for c in "we wisselen van zaal" { _ = TUI.update(&desk, .key(.char(c))) }
        XCTAssertEqual(TUI.update(&desk, .key(.enter)), [.deskDisconnect(personId: "ssh-1", key: Self.fatima.key, reason: "we wisselen van zaal")])
    }

    func testTheDeskRemovesAnEntryOnlyAfterAskingAndModerates() {
        var desk = Self.deskWithFatima()
        _ = TUI.update(&desk, .key(.tab))
        XCTAssertTrue(TUI.view(desk).text.contains("Van Fatima"), TUI.view(desk).text)
        XCTAssertEqual(TUI.update(&desk, .key(.char("d"))), [])
        XCTAssertTrue(TUI.view(desk).text.contains("Bijdrage \"Van Fatima\" verwijderen?"), TUI.view(desk).text)
        XCTAssertEqual(TUI.update(&desk, .key(.escape)), [])
        _ = TUI.update(&desk, .key(.char("d")))
        XCTAssertEqual(TUI.update(&desk, .key(.char("j"))), [.perform(.removeEntry(id: "f1"))])
        XCTAssertEqual(TUI.update(&desk, .key(.char("r"))), [.perform(.changeSettings(holdForReview: true))])
        XCTAssertEqual(TUI.update(&desk, .key(.char("X"))), [.perform(.setStepInput(step: "ronde-1", open: false))])
        XCTAssertEqual(TUI.update(&desk, .key(.char("z"))), [.perform(.changeSettings(roomVisible: true))])
        XCTAssertEqual(TUI.update(&desk, .key(.char("h"))), [.perform(.changeSettings(hideNames: true))])
        _ = TUI.update(&desk, .key(.char("m")))
        for c in "nog 5 minuten" { _ = TUI.update(&desk, .key(.char(c))) }
        XCTAssertEqual(TUI.update(&desk, .key(.enter)), [.perform(.sendMessage("nog 5 minuten"))])
    }

    func testTheJoinFormTakesARejoinCode() {
        var app = AppState(workshops: [TUIHarness.main2035], listings: [TUIHarness.listing], language: .nl, theme: .dark,
                           width: 80, height: 24, now: TUIHarness.start, idPrefix: "j")
        app.route = .join(JoinState(sessionId: TUIHarness.listing.id))
        for c in "Fatima" { _ = TUI.update(&app, .key(.char(c))) }
        _ = TUI.update(&app, .key(.tab))
        for c in "123 456" { _ = TUI.update(&app, .key(.char(c))) }
        XCTAssertTrue(TUI.view(app).text.contains("123 456"), TUI.view(app).text)
        XCTAssertEqual(TUI.update(&app, .key(.enter)), [.join(sessionId: TUIHarness.listing.id, name: "Fatima", rejoinCode: "123 456")])
    }
}
