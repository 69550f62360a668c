import Core
import TUI
import XCTest

/// What the room needs to read is on screen or one key away (`n`), at 80×24 too.
final class RoomReadsTests: XCTestCase {
    static func withImplications(width: Int = 80, height: Int = 24) -> TUIHarness {
        var h = TUIHarness(workshop: TUIHarness.main2035, width: width, height: height)
        for round in 1...4 {
            h.go(toStep: "ronde-\(round)")
            h.press(.char("a")); h.type("Implicatie A van ronde \(round)"); h.press(.enter)
            h.press(.char("a")); h.type("Implicatie B van ronde \(round)"); h.press(.enter)
        }
        // The harvest: a dot on each A, so each world's top 3 is its A.
        h.go(toStep: "oogst")
        h.press(.char("g"))
        for _ in 1...4 { h.press(.char("v"), .down, .down) }
        h.go(toStep: "inzichten")
        return h
    }

    /// Everything the open card shows, paging down to its end.
    static func wholeCard(_ h: inout TUIHarness) -> String {
        var seen = h.screen
        for _ in 0..<20 {
            h.press(.pageDown)
            seen += "\n" + h.screen
        }
        return seen
    }

    func testTheInsightsStepShowsTheHarvestsTopThreeThemselves() {
        let wide = Self.withImplications(width: 120, height: 40)
        for round in 1...4 {
            XCTAssertTrue(wide.screen.contains("Implicatie A van ronde \(round)"), wide.screen)
        }
        var narrow = Self.withImplications()
        XCTAssertTrue(narrow.screen.contains("★ Implicatie A van ronde 1"), narrow.screen)
        XCTAssertFalse(narrow.screen.contains("Implicatie B van ronde 1"), "no dots, not in the top 3:\n\(narrow.screen)")
        narrow.press(.char("n"))
        XCTAssertTrue(narrow.screen.contains("· Implicatie B van ronde 1"), narrow.screen)
        let card = Self.wholeCard(&narrow)
        XCTAssertTrue(card.contains("· Implicatie B van ronde 4"), "every implication is on the card:\n\(card)")
    }

    func testTheDirectionsStepMarksKoersvastInsights() {
        var h = TUIHarness(workshop: TUIHarness.main2035)
        h.go(toStep: "inzichten")
        h.press(.char("a")); h.type("Houdt overal stand"); h.press(.enter)
        h.press(.char("a")); h.type("Alleen in één wereld"); h.press(.enter)
        h.go(toStep: "robuustheid")
        h.press(.char("g"), .char("1"), .char("2"), .char("3"), .char("4"), .down, .char("2"))
        h.go(toStep: "richtingen")
        let lines = h.screen.split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.contains("★") && $0.contains("Houdt overal stand") }, h.screen)
        XCTAssertFalse(lines.contains { $0.contains("★") && $0.contains("Alleen in één wereld") }, h.screen)
    }

    func testTheScenarioCardHoldsEveryPromptTheQuadrantAndTheAgendaWhole() {
        var h = TUIHarness(workshop: TUIHarness.main2035)
        h.go(toStep: "ronde-1")
        XCTAssertTrue(h.screen.contains("n kaart"), "the hint bar names the card:\n\(h.screen)")
        let third = h.session.step.prompts[2][.nl]
        h.press(.char("n"))
        let card = Self.wholeCard(&h)
        XCTAssertTrue(card.contains(third) || card.contains(String(third.prefix(40))), card)
        XCTAssertTrue(card.contains("Kwadrant:"), card)
        XCTAssertTrue(card.contains("9. " + TUIHarness.main2035.steps[8].title[.nl]), "agenda titles whole:\n\(card)")
    }

    func testAParticipantSeesTheTimerAndWhatTheirNumbersCount() {
        var p = TUIHarness.participant()
        p.facilitatorMoves(to: "ronde-1")
        let minutes = TUIHarness.main2035.steps.first { $0.id == "ronde-1" }!.minutes
        XCTAssertTrue(p.screen.contains("⏱ \(minutes):00"), p.screen)
        p.press(.char("a")); p.type("Mijn eerste"); p.press(.enter)
        XCTAssertTrue(p.screen.contains("Jouw bijdragen: 1"), p.screen)
        p.facilitatorMoves(to: "stemmen")
        XCTAssertTrue(p.screen.contains("Nog 3 van 3 stemmen te geven · 1 inzicht · ● = jouw stem"), p.screen)
    }

    func testTheFacilitatorsVotesAreTheRoomsAndLabelled() {
        var h = TUIHarness(workshop: TUIHarness.main2035)
        h.arrive(.participantJoined, by: TUIHarness.ayse)
        h.go(toStep: "inzichten")
        h.press(.char("a")); h.type("Een menselijk loket"); h.press(.enter)
        h.go(toStep: "stemmen")
        h.arrive(.voteCast(id: h.session.visibleEntries[0].id), by: TUIHarness.ayse)
        h.press(.char("v"), .char("v"))
        XCTAssertTrue(h.screen.split(separator: "\n").contains { $0.contains(" 3 ●○○ ") && $0.contains("Een menselijk loket") }, h.screen)
        XCTAssertTrue(h.screen.contains("stem van de zaal"), h.screen)
    }
}
