import Core
import Store
import TUI
import XCTest

/// The organiser's review after a real session: a search narrows the matrix too, scenarios
/// go by name, and the timeline says in full what happened.
final class ReviewReadsTests: XCTestCase {
    var harness = ReviewTests.review()
    var review: ReviewState? { if case .review(let r) = harness.app.route { return r } else { return nil } }

    func testASearchNarrowsTheMatrixCellsToWhatItFound() {
        harness.press(.tab)
        let ouderen = { self.review!.synthesis!.matrix.first { $0.key == .workshop("ouderen") }! }
        XCTAssertEqual(ouderen().cells.map(\.count), [1, 0, 1, 0])
        harness.press(.char("/"))
        harness.type("mantelzorg")
        harness.press(.enter)
        XCTAssertEqual(ouderen().cells.map(\.count), [0, 0, 1, 0], "only the implication found is counted")
        XCTAssertEqual(ouderen().koersvastCount, 0, "the insights did not match")
        harness.press(.down, .right, .right)
        XCTAssertTrue(harness.screen.contains("Mantelzorgers ontlasten"), harness.screen)
        XCTAssertFalse(harness.screen.contains("Reëel risico"), harness.screen)
    }

    func testSearchHitsNameTheScenarioNotItsId() {
        harness.press(.char("/"))
        harness.type("eenzaam")
        let screen = harness.screen
        XCTAssertTrue(screen.contains("implicatie (Het zuinige loket): Reëel risico op eenzaamheid"), screen)
        XCTAssertFalse(screen.contains("[zuinig"), screen)
    }

    func testTheTimelineSaysInFullWhichDirectionWasLinked() {
        var session = TUIHarness(workshop: TUIHarness.main2035)
        session.go(toStep: "inzichten")
        session.press(.char("a")); session.type("Een inzicht met een lange tekst die in de lijst van de tijdlijn niet past"); session.press(.enter)
        session.go(toStep: "richtingen")
        session.press(.char("3"))
        harness.send(.replayLoaded(title: "ouderen 0", workshop: TUIHarness.main2035, events: session.events))
        harness.press(.char("G"))
        let direction = TUIHarness.main2035.directions[2]
        let screen = harness.screen
        XCTAssertTrue(screen.contains("richting \(direction.number)"), screen)
        let flat = screen.split(separator: "\n").map { $0.split(separator: "│").last.map(String.init) ?? "" }.joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        XCTAssertTrue(flat.contains(direction.title[.nl].split(separator: " ").joined(separator: " ")), "the title whole:\n\(screen)")
    }
}
