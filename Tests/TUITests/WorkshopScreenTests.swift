import Core
import Foundation
import TUI
import XCTest

/// What the workshop file holds, on the screens that should show it: the working-title
/// note on the opening screen, the trend wall grouped as the study groups it, the break
/// and the harvest of the top 3.
final class WorkshopScreenTests: XCTestCase {
    func testTheOpeningScreenSaysTheScenarioNamesAreWorkingTitles() throws {
        for language in Language.allCases {
            let h = TUIHarness(workshop: TUIHarness.main2035, language: language, width: 120, height: 40)
            let note = try XCTUnwrap(TUIHarness.main2035.scenarioNote)[language]
            let screen = h.screen.split(separator: "\n").map { $0.split(separator: "│").last.map(String.init) ?? "" }
                .joined(separator: " ").split(separator: " ").joined(separator: " ")
            XCTAssertTrue(screen.contains(note), "\(language): the note, whole, on the opening screen")
        }
    }

    func testTheTrendWallGroupsTrendsUnderTheirCategory() throws {
        var h = TUIHarness(workshop: TUIHarness.main2035, language: .nl, width: 200, height: 60)
        h.go(toStep: "trends")
        let lines = h.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        /// Row and column of the first line holding `text`.
        func place(_ text: String) throws -> (row: Int, column: Int) {
            let row = try XCTUnwrap(lines.firstIndex { $0.contains(text) }, "\(text) not on the wall")
            let prefix = lines[row][..<lines[row].range(of: text)!.lowerBound]
            return (row, prefix.count)
        }
        let zero = try place(" 0 Complexiteit wet- en regelgeving groeit")
        for (header, first, last) in [("Mensen", " 1 Vergrijzing", "10 Politieke slagvaardigheid"),
                                      ("Middelen", "11 De economie", "22 Bulldozereffect"),
                                      ("Technologie", "23 Technologie ontwikkelt", "30 Generatieve AI")] {
            let a = try place(first)
            let b = try place(last)
            XCTAssertGreaterThan(a.row, zero.row + 1, "trend 0 stands above the categories")
            let above = Array(lines[a.row - 1])
            XCTAssertEqual(String(above[a.column..<min(above.count, a.column + header.count)]), header, "\(header) heads its first trend")
            XCTAssertEqual(b.column, a.column, "\(header): its trends in its own column")
            // Every trend between them, in number order, in the same column (titles may wrap).
            let from = Int(first.prefix(2).trimmingCharacters(in: .whitespaces))!
            let to = Int(last.prefix(2).trimmingCharacters(in: .whitespaces))!
            var previous = a.row
            for n in (from + 1)...to {
                let label = (n < 10 ? " " : "") + "\(n) "
                let row = try XCTUnwrap(lines.indices.first { $0 > previous && String(Array(lines[$0]).dropFirst(a.column).prefix(3)) == label }, "trend \(n)")
                previous = row
            }
            XCTAssertEqual(previous, b.row)
        }
    }

    func testTheCloseAsksWhatItMeansForYourOrganisationAndShowsTheAnswers() {
        var h = TUIHarness(workshop: TUIHarness.main2035, language: .nl, width: 120, height: 40)
        h.go(toStep: "afsluiting")
        h.press(.char("a")); h.type("Samenwerken met de GGD"); h.press(.enter)
        XCTAssertTrue(h.screen.contains("? Wat betekent dit voor jouw organisatie in 2035?"), h.screen)
        XCTAssertTrue(h.screen.contains("Met wie ga je samenwerken"), h.screen)
        XCTAssertTrue(h.screen.contains("▶ Samenwerken met de GGD"), h.screen)
    }

    /// A room of 18 that voted with room dots is not "0 participants": the close says who was there.
    func testTheCloseCountsThePeopleInTheRoomWhenGiven() {
        var h = TUIHarness(workshop: TUIHarness.main2035, language: .nl, width: 120, height: 40, people: 18)
        h.go(toStep: "afsluiting")
        XCTAssertTrue(h.screen.contains("1 inzicht · 18 in de zaal") || h.screen.contains("inzichten · 18 in de zaal"), h.screen)
        XCTAssertFalse(h.screen.contains("0 deelnemers"), "no \"0 participants\" beside the room")
        var without = TUIHarness(workshop: TUIHarness.main2035, language: .en, width: 120, height: 40)
        without.go(toStep: "afsluiting")
        XCTAssertFalse(without.screen.contains("in the room"), "nothing invented when no count was given")
    }

    func testTheBreakShowsTheTimeLeftAndWhatComesNext() {
        var h = TUIHarness(workshop: TUIHarness.main2035, language: .nl, width: 120, height: 40)
        h.go(toStep: "pauze")
        XCTAssertTrue(h.screen.contains("Pauze — nog 15:00"), h.screen)
        XCTAssertTrue(h.screen.contains("Hierna: Oogst: de top 3"))
        h.press(.char("a"))
        XCTAssertNil(h.session.input, "nothing is typed in a break")
    }

    func testAParticipantSeesTheBreakAndFollowsTheHarvest() {
        var p = TUIHarness.participant(language: .nl, width: 80, height: 24)
        p.facilitatorMoves(to: "ronde-1")
        p.press(.char("a")); p.type("Ik wil één loket"); p.press(.enter)
        p.facilitatorMoves(to: "pauze")
        XCTAssertTrue(p.screen.contains("Even pauze."), p.screen)
        XCTAssertFalse(p.screen.contains("Inzichten ("), "no list to fill in a break")
        p.facilitatorMoves(to: "oogst")
        XCTAssertTrue(p.screen.contains("Implicaties: 1"), p.screen)
        XCTAssertTrue(p.screen.contains("Ik wil één loket"), p.screen)
        p.press(.char("v"))
        XCTAssertEqual(p.state.liveEntries.first { $0.kind == .implication }?.votes, 0, "the room's dots are the facilitator's to give")
    }

    func testTheHarvestMarksTheTopThreeOfEachScenario() {
        var h = TUIHarness(workshop: TUIHarness.main2035, language: .en, width: 120, height: 40)
        h.go(toStep: "ronde-1")
        for text in ["One", "Two", "Three", "Four"] { h.press(.char("a")); h.type(text); h.press(.enter) }
        h.go(toStep: "ronde-2")
        h.press(.char("a")); h.type("Elsewhere"); h.press(.enter)
        h.go(toStep: "oogst")
        XCTAssertEqual(h.session.visibleEntries.map(\.text), ["One", "Two", "Three", "Four", "Elsewhere"])
        // Dots on Four, Three, Two (twice) and Elsewhere: One is left out of the top 3.
        h.press(.char("G"), .up, .char("v"), .up, .char("v"), .up, .char("v"), .char("v"), .char("G"), .char("v"))
        XCTAssertEqual(h.state.liveEntries.map(\.votes), [0, 2, 1, 1, 1])
        let screen = h.screen
        XCTAssertTrue(screen.contains("1 The frugal counter: ★3/4"), screen)
        XCTAssertTrue(screen.contains("2 Digital, unless: ★1/1"), screen)
        XCTAssertTrue(screen.contains("• 1 ★ ○○    Two"), screen)
        XCTAssertTrue(screen.contains("• 1         One"), screen)
    }
}
