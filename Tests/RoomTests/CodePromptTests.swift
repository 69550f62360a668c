import XCTest

@testable import Room

/// The room's code as typed at the prompt inside an SSH connection.
final class CodePromptTests: XCTestCase {
    func testDigitsEchoBackspaceErasesEnterSubmitsAndTheRestIsIgnored() {
        var p = CodePrompt()
        XCTAssertEqual(p.feed(UInt8(ascii: "4")), .echo("4"))
        XCTAssertEqual(p.feed(UInt8(ascii: "x")), .nothing, "letters are no part of a code")
        XCTAssertEqual(p.feed(0x1B), .nothing, "an escape sequence prints nothing")
        XCTAssertEqual(p.feed(UInt8(ascii: "9")), .echo("9"))
        XCTAssertEqual(p.feed(0x7F), .echo("\u{8} \u{8}"))
        XCTAssertEqual(p.feed(0x7F), .echo("\u{8} \u{8}"))
        XCTAssertEqual(p.feed(0x7F), .nothing, "nothing left to erase")
        for c in "4821".utf8 { _ = p.feed(c) }
        XCTAssertEqual(p.feed(0x0D), .submit("4821"))
        XCTAssertEqual(p.typed, "", "a new try starts empty")
        XCTAssertEqual(p.feed(0x03), .cancel)
        for _ in 0..<20 { _ = p.feed(UInt8(ascii: "1")) }
        XCTAssertEqual(p.typed.count, CodePrompt.maxLength, "bounded")
    }

    func testTheWordsAreTheParticipantsLanguage() {
        XCTAssertEqual(CodePrompt.ask(.nl), "Code van de zaal (staat op het scherm): ")
        XCTAssertEqual(CodePrompt.ask(.en), "Room code (shown on the screen): ")
        XCTAssertTrue(CodePrompt.wrong(.nl, left: 1).contains("nog 1 poging)"))
        XCTAssertTrue(CodePrompt.wrong(.en, left: 2).contains("2 tries left"))
    }
}
