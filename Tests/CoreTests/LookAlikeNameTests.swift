import XCTest

@testable import Core

/// Names that only look like another in other scripts are the same name, and a character
/// carries at most a few combining marks (issue 34, item 8 and the idle cost of item 7).
final class LookAlikeNameTests: XCTestCase {
    func testLookAlikesFromOtherScriptsAreTheSameName() {
        let anna = ParticipantName.identity("Anna")
        // Cherokee Ꭺ, Lisu ꓮ, Coptic Ⲁ, Latin ɑ, Armenian ո, a Braille blank around the name.
        let lookAlikes = [
            "\u{13AA}nna", "\u{A4EE}nna", "\u{2C80}nna", "\u{0251}nna", "An\u{0578}a", "Anna\u{2800}", "\u{2800}Anna",
        ]
        for name in lookAlikes {
            let scalars = name.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
            XCTAssertEqual(ParticipantName.identity(name), anna, scalars)
        }
        XCTAssertNotEqual(ParticipantName.identity("Anne"), anna)
        XCTAssertNotEqual(ParticipantName.identity("An na"), anna)
    }

    func testACharacterCarriesAtMostAFewCombiningMarks() {
        let heavy = "e" + String(repeating: "\u{301}", count: 5_999)
        let cleaned = TextPolicy.clean(heavy + " en verder")
        let kept = 1 + TextPolicy.maxMarksPerCharacter + " en verder".unicodeScalars.count
        XCTAssertEqual(cleaned.unicodeScalars.count, kept)
        XCTAssertTrue(cleaned.hasSuffix(" en verder"))
        // Scripts that stack marks keep them: Vietnamese ệ written with two marks, Devanagari.
        for text in ["Vie\u{323}\u{302}t", "हिन्दी", "ञ्ज्ञ"] {
            XCTAssertEqual(TextPolicy.clean(text), text)
        }
        let line = TextPolicy.cleanLine("a" + String(repeating: "\u{300}", count: 40))
        XCTAssertEqual(line.unicodeScalars.count, 1 + TextPolicy.maxMarksPerCharacter)
    }
}
