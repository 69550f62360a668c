import Core
import Store
import TUI
import XCTest

/// The organiser writes the report's findings in review: `S` opens the summary, Enter makes
/// a new line, Ctrl-O saves a new version (an effect for the store), Esc keeps what was saved.
final class ReviewSummaryTests: XCTestCase {
    var harness = ReviewTests.review()
    var review: ReviewState? { if case .review(let r) = harness.app.route { return r } else { return nil } }

    func testWriteSaveAndEditAgain() {
        harness.press(.char("S"))
        XCTAssertTrue(harness.screen.contains("Samenvatting voor het verslag (nog een concept)"), harness.screen)
        harness.type("Vier groepen vragen om één loket.")
        harness.press(.enter, .enter)
        harness.type("- Eén loket is koersvast")
        XCTAssertTrue(harness.effects.isEmpty, "nothing saved while typing")
        harness.press(.ctrl("o"))
        XCTAssertEqual(harness.effects.last, .saveSummary("Vier groepen vragen om één loket.\n\n- Eén loket is koersvast"))
        XCTAssertNil(review?.editingSummary)

        // The store answers with the version; opening again shows the saved text to edit.
        harness.send(.summarySaved(ReportSummary(text: "Vier groepen vragen om één loket.", keyMessages: ["Eén loket is koersvast"], version: 2)))
        harness.press(.char("S"))
        XCTAssertTrue(harness.screen.contains("(versie 2)"), harness.screen)
        XCTAssertEqual(review?.editingSummary?.text, "Vier groepen vragen om één loket.\n\n- Eén loket is koersvast")
        harness.type(" Extra")
        harness.press(.escape)
        XCTAssertEqual(harness.effects.count, 1, "Esc saves nothing")
        XCTAssertNotNil(review, "and stays in review")
    }

    func testAnEmptySummaryIsNotSaved() {
        harness.press(.char("S"))
        harness.type("   ")
        harness.press(.ctrl("o"))
        XCTAssertTrue(harness.effects.isEmpty)
        XCTAssertEqual(harness.app.notice?.text, "Een lege samenvatting wordt niet bewaard.")
    }

    func testKeysWhileWritingAreText() {
        harness.press(.char("S"))
        harness.type("q/e")
        XCTAssertNotNil(review, "q is a letter here, not quit")
        XCTAssertEqual(review?.editingSummary?.text, "q/e")
        XCTAssertTrue(harness.effects.isEmpty)
    }
}
