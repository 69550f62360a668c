import Core
import XCTest

@testable import TUI

/// The facilitator's desk (a second window, never projected) and the questions asked before
/// connections are ended: tested as text, as the other screens are.
final class DeskTests: XCTestCase {
    static let fatima = Actor(role: .participant, key: "p:fatima", name: "Fatima")

    /// The projector's session with hold-for-review on and one held entry in round 1.
    static func held(width: Int = 120, height: Int = 36) -> TUIHarness {
        var h = TUIHarness(workshop: TUIHarness.main2035, width: width, height: height)
        h.press(.char("r"))
        h.arrive(.participantJoined, by: fatima)
        h.go(toStep: "ronde-1")
        h.arrive(.entryAdded(NewEntry(id: "f1", kind: .implication, text: "Dit is een grapje van Fatima, niet serieus", step: "ronde-1", scenario: "zuinig-loket", author: "Fatima", status: .pending)), by: fatima)
        return h
    }

    /// A desk on the same session state (another process in real life; the store carries it).
    static func desk(_ state: SessionState, language: Language = .nl, width: Int = 120, height: Int = 36) -> AppState {
        var app = AppState(workshops: [TUIHarness.main2035], listings: [], language: language, theme: .dark, width: width, height: height, now: TUIHarness.start, idPrefix: "d")
        app.route = .desk(DeskState(id: "20261122-1400-ouderen-ab12", workshop: TUIHarness.main2035, state: state))
        return app
    }

    func testHeldTextIsOnTheDeskNeverOnTheProjector() {
        var h = Self.held()
        XCTAssertFalse(h.screen.contains("grapje"), h.screen)
        XCTAssertTrue(h.screen.contains("1 bijdrage wacht"), h.screen)
        var desk = Self.desk(h.state)
        let screen = TUI.view(desk).text
        XCTAssertTrue(screen.contains("Dit is een grapje van Fatima, niet serieus — Fatima"), screen)
        XCTAssertTrue(screen.contains("Regietafel — niet projecteren"), screen)
        XCTAssertTrue(screen.contains("Wachten op goedkeuring (1)"), screen)
        // The script's notes for the step, and its prompts.
        XCTAssertTrue(screen.contains("Lees het verhaal voor"), screen)
        // Accepting on the desk is a review command; once saved, the projector shows the entry.
        XCTAssertEqual(TUI.update(&desk, .key(.char("y"))), [.perform(.review(id: "f1", status: .shown))])
        h.arrive(.entryReviewed(id: "f1", status: .shown), by: .facilitator("Anna"))
        XCTAssertTrue(h.screen.contains("Dit is een grapje van Fatima, niet serieus — Fatima"), h.screen)
        XCTAssertFalse(h.screen.contains("0 bijdragen wachten"), "nothing waits: no count on the wall\n\(h.screen)")
        _ = TUI.update(&desk, .sessionChanged(h.state))
        XCTAssertTrue(TUI.view(desk).text.contains("Niets wacht"))
    }

    func testRejectTimerStepAndRoomKeys() {
        let h = Self.held()
        var desk = Self.desk(h.state)
        XCTAssertEqual(TUI.update(&desk, .key(.char("x"))), [.perform(.review(id: "f1", status: .rejected))])
        XCTAssertEqual(TUI.update(&desk, .key(.char("t"))), [.perform(.startTimer)])
        XCTAssertEqual(TUI.update(&desk, .key(.char("+"))), [.perform(.extendTimer(seconds: 60))])
        XCTAssertEqual(TUI.update(&desk, .key(.right)), [.perform(.moveStep(to: "ronde-2"))])
        // The room lives in the projector's process: the desk asks it.
        XCTAssertEqual(TUI.update(&desk, .key(.char("o"))), [.roomRequest(.open)])
        _ = TUI.update(&desk, .room(RoomInfo(sshCommand: "ssh -p 2222 zaal@192.168.1.20", code: "4821", people: [RoomPerson(id: "ssh-1", name: "Fatima", since: TUIHarness.start, via: .ssh, address: "192.168.1.31")], visible: true)))
        let screen = TUI.view(desk).text
        XCTAssertTrue(screen.contains("ssh -p 2222 zaal@192.168.1.20 · code 4821"), screen)
        XCTAssertTrue(screen.contains("Verbonden (1)"), screen)
        XCTAssertTrue(screen.contains("Fatima · ssh 192.168.1.31"), screen)
        XCTAssertEqual(TUI.update(&desk, .key(.char("i"))), [.roomRequest(.hidePanel)])
        XCTAssertEqual(TUI.update(&desk, .key(.char("s"))), [.roomRequest(.stopJoins)])
        // Closing with someone inside asks first; "n" does nothing.
        XCTAssertEqual(TUI.update(&desk, .key(.char("o"))), [])
        XCTAssertTrue(TUI.view(desk).text.contains("s stop nieuwe aanmeldingen"))
        XCTAssertEqual(TUI.update(&desk, .key(.char("n"))), [])
        _ = TUI.update(&desk, .key(.char("o")))
        XCTAssertEqual(TUI.update(&desk, .key(.char("j"))), [.roomRequest(.close)])
        XCTAssertEqual(TUI.update(&desk, .key(.char("q"))), [.quit])
    }

    func testNobodyInAfterTwoMinutesBringsAdviceAboutTheNetwork() {
        let h = Self.held()
        var desk = Self.desk(h.state, language: .en)
        var info = RoomInfo(sshCommand: "ssh -p 2222 zaal@192.168.1.20", code: "4821", people: [], visible: true)
        info.openedAt = TUIHarness.start
        info.otherAddresses = ["172.17.0.1 (docker0)"]
        _ = TUI.update(&desk, .room(info))
        XCTAssertFalse(TUI.view(desk).text.contains("client isolation"))
        _ = TUI.update(&desk, .tick(now: TUIHarness.start + 121_000))
        let screen = TUI.view(desk).text
        // The room's column, read as running text.
        let column = screen.split(separator: "\n").map { String(Array($0).dropFirst(72)) }.joined(separator: " ")
        let words = column.split(whereSeparator: { $0 == " " || $0 == "│" }).joined(separator: " ")
        XCTAssertTrue(words.contains("keeps devices apart (client isolation, common on guest Wi-Fi)"), screen)
        XCTAssertTrue(words.contains("turn on this laptop's own hotspot"), screen)
        XCTAssertTrue(screen.contains("172.17.0.1 (docker0)"), screen)
    }

    func testWithoutARoomTheDeskShowsWhoHoldsAPresence() {
        let h = Self.held()
        var desk = Self.desk(h.state)
        _ = TUI.update(&desk, .presence(["Fatima"]))
        let screen = TUI.view(desk).text
        XCTAssertTrue(screen.contains("Verbonden (1)"), screen)
        XCTAssertTrue(screen.contains("Fatima"), screen)
    }

    func testDeskGoldens() {
        for language in Language.allCases {
            for (w, hgt) in [(80, 24), (120, 36)] {
                let h = Self.held(width: w, height: hgt)
                var app = Self.desk(h.state, language: language, width: w, height: hgt)
                _ = TUI.update(&app, .room(RoomInfo(sshCommand: "ssh -p 2222 zaal@192.168.1.20", webAddress: "http://192.168.1.20:8080", code: "4821", people: [RoomPerson(id: "ssh-1", name: "Fatima", since: TUIHarness.start, via: .ssh, address: "192.168.1.31")], visible: false)))
                var t = TUIHarness(workshop: TUIHarness.main2035, language: language, width: w, height: hgt, session: false)
                t.app = app
                checkGolden("desk-\(language.rawValue)-\(w)x\(hgt)", t)
            }
        }
    }

    // MARK: Asking before connections end

    func testLeavingWithPeopleConnectedAsksInTheUILanguage() {
        for (language, yes) in [(Language.nl, Character("j")), (.en, "y")] {
            var h = TUIHarness(workshop: TUIHarness.main2035, language: language, width: 120, height: 36)
            h.send(.room(ProjectorLayoutTests.info()))
            h.press(.char("q"))
            XCTAssertFalse(h.effects.contains(.leaveSession), "asked first")
            XCTAssertTrue(h.screen.contains(language == .nl ? "3 verbonden: stoppen verbreekt hun verbinding" : "3 connected: leaving ends their connections"), h.screen)
            h.press(.char("n"))
            XCTAssertFalse(h.effects.contains(.leaveSession))
            XCTAssertNotNil(h.app.session, "still in the session")
            h.press(.char("q"), .char(yes))
            XCTAssertTrue(h.effects.contains(.leaveSession))
            XCTAssertNil(h.app.session, "back on the home screen")
        }
    }

    func testClosingTheRoomOffersToStopNewJoinsOnly() {
        var h = TUIHarness(workshop: TUIHarness.main2035, width: 120, height: 36)
        h.send(.room(ProjectorLayoutTests.info()))
        h.press(.char("o"))
        XCTAssertFalse(h.effects.contains(.closeRoom))
        XCTAssertTrue(h.screen.contains("s stop nieuwe aanmeldingen (wie binnen is blijft)"), h.screen)
        h.press(.char("s"))
        XCTAssertEqual(h.effects.last, .stopJoins)
        h.press(.char("o"), .char("j"))
        XCTAssertEqual(h.effects.last, .closeRoom)
        // Nobody connected: nothing to ask.
        var empty = TUIHarness(workshop: TUIHarness.main2035, width: 120, height: 36)
        empty.send(.room(ProjectorLayoutTests.info(people: 0)))
        empty.press(.char("o"))
        XCTAssertEqual(empty.effects.last, .closeRoom)
    }

    func testStoppedJoinsShowOnTheWayInLine() {
        var h = TUIHarness(workshop: TUIHarness.main2035, width: 120, height: 36)
        var info = ProjectorLayoutTests.info()
        info.joinsStopped = true
        h.send(.room(info))
        XCTAssertTrue(h.screen.contains("zaal open, geen nieuwe aanmeldingen"), h.screen)
    }
}
