import XCTest
@testable import TUI

/// Without any UTF-8 locale the screen shows ASCII: every character still shows as something
/// readable, one cell for one cell, never nothing.
final class ASCIIFoldTests: XCTestCase {
    func testDutchAndOtherLatinLettersLoseOnlyTheirMarks() {
        XCTAssertEqual(ASCIIFold.fold("één reëel — Zoë, Ayşe, Łódź, Øresund, straße, İı"), "een reeel - Zoe, Ayse, Lodz, Oresund, strase, Ii")
    }

    func testLinesBlocksAndSignsBecomeTheirASCIIShapes() {
        XCTAssertEqual(ASCIIFold.fold("┌─┐│└┘├┤ █▀▄ ↑ 3 ↓ ▶ ◀ · … ★ “x” ×"), "+-+|++++ #\"_ ^ 3 v > < . . * \"x\" x")
    }

    func testAnythingElseIsAQuestionMarkNeverDropped() {
        let folded = ASCIIFold.fold("日本 ☃")
        XCTAssertEqual(folded, "?? ?")
        XCTAssertTrue(folded.unicodeScalars.allSatisfy(\.isASCII))
    }

    func testCombiningMarksFoldIntoTheirLetter() {
        XCTAssertEqual(ASCIIFold.fold("e\u{0308}e\u{0301}n"), "een")
    }
}
