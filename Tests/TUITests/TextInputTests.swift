import TUI
import XCTest

final class TextInputTests: XCTestCase {
    func testCursorAndBackspaceWorkInCharacters() {
        var t = TextInput()
        for c in "reëel é" { _ = t.handle(.char(c)) }
        XCTAssertEqual(t.text, "reëel é")
        _ = t.handle(.backspace)
        XCTAssertEqual(t.text, "reëel ", "backspace removes the whole é")
        for _ in 0..<3 { _ = t.handle(.left) }
        _ = t.handle(.backspace)
        XCTAssertEqual(t.text, "reel ", "the cursor moved over ë as one character and backspace took it")
        _ = t.handle(.home)
        _ = t.handle(.char("—"))
        _ = t.handle(.end)
        _ = t.handle(.char("!"))
        XCTAssertEqual(t.text, "—reel !")
        // A decomposed e + combining diaeresis is one Character too.
        var d = TextInput("e\u{308}")
        _ = d.handle(.backspace)
        XCTAssertEqual(d.text, "")
    }

    func testPasteIsManyKeysAndTheLimitHolds() {
        var t = TextInput(limit: 10)
        for c in "een hele lange geplakte tekst" { _ = t.handle(.char(c)) }
        XCTAssertEqual(t.text, "een hele l")
    }

    func testWrapsAtWordsAndPlacesTheCursor() {
        let t = TextInput("een twee drie vier")
        let l = t.layout(width: 11)
        XCTAssertEqual(l.lines, ["een twee ", "drie vier"])
        XCTAssertEqual(l.cursorRow, 1)
        XCTAssertEqual(l.cursorColumn, 9)
        let long = TextInput("aaaaaaaaaaaaaaa")
        XCTAssertEqual(long.layout(width: 6).lines, ["aaaaa", "aaaaa", "aaaaa"])
    }

    func testEditingKeys() {
        var t = TextInput("een twee drie")
        _ = t.handle(.ctrl("w"))
        XCTAssertEqual(t.text, "een twee ")
        _ = t.handle(.home)
        _ = t.handle(.ctrl("k"))
        XCTAssertEqual(t.text, "")
        XCTAssertFalse(t.handle(.enter), "Enter is for the screen, not the editor")
        XCTAssertFalse(t.handle(.escape))
    }
}
