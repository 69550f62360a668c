import TUI
import XCTest

/// Text into cells: one column per character, two for wide ones, none for combining marks,
/// control characters as "·", clipped to the box — the same whether a text takes the
/// scalar-by-scalar path (every scalar a character of its own) or the per-character one.
final class CellBufferTests: XCTestCase {
    func row(_ b: CellBuffer, _ y: Int = 0) -> String { b.lines[y] }

    func put(_ text: String, x: Int = 0, width: Int = 20, maxWidth: Int? = nil) -> (String, Int) {
        var b = CellBuffer(width: width, height: 1)
        let used = b.put(text, x: x, y: 0, maxWidth: maxWidth)
        return (row(b), used)
    }

    func testDutchTextAndTheScreensMarks() {
        XCTAssertEqual(put("Reëel — één · → ★ ◆").0, "Reëel — één · → ★ ◆")
        XCTAssertEqual(put("Reëel — één · → ★ ◆").1, 19)
    }

    func testControlCharactersShowAsADotOnBothPaths() {
        XCTAssertEqual(put("a\u{7}b").0, "a·b")
        XCTAssertEqual(put("a\u{7}e\u{308}").0, "a·ë", "with a combining mark: the per-character path")
        XCTAssertEqual(put("a\r\nb").0, "a·b", "CR LF is one character")
        XCTAssertEqual(put("a\u{85}b").0, "a·b")
    }

    func testCombiningWideAndJoinedCharacters() {
        XCTAssertEqual(put("e\u{308}x").0, "ëx")
        XCTAssertEqual(put("e\u{308}x").1, 2)
        XCTAssertEqual(put("日本a").1, 5)
        XCTAssertEqual(put("👍\u{1F3FD}!").1, 3, "a skin tone joins its emoji")
        XCTAssertEqual(put("a\u{200B}b").1, 2, "zero-width space takes no column")
    }

    func testClippingOnBothPaths() {
        XCTAssertEqual(put("abcdef", maxWidth: 3).0, "abc")
        XCTAssertEqual(put("abcdef", maxWidth: 3).1, 3)
        XCTAssertEqual(put("abcdef", x: -2).0, "cdef")
        XCTAssertEqual(put("abcdefghij", x: 6, width: 10).0, "      abcd")
        XCTAssertEqual(put("日本語", maxWidth: 5).0, "日本", "a wide character that does not fit is left out")
    }

    func testWidthOfATextIsTheSumOfItsCharacters() {
        for s in ["", "Reëel — één", "a\r\nb", "e\u{308}e\u{301}", "日本 Ω", "👍\u{1F3FD}", "tab\there", "\u{202E}x", "❤\u{FE0F}"] {
            XCTAssertEqual(DisplayWidth.of(s), s.reduce(0) { $0 + DisplayWidth.of($1) }, s.debugDescription)
        }
    }
}
