import XCTest

@testable import Core

/// Names that look the same are one person; names that look different are two.
final class ParticipantIdentityTests: XCTestCase {
    func testLookAlikeNamesShareOneIdentity() {
        let anna = ParticipantName.identity("Anna")
        for lookalike in [
            " ANNA ", "anna", "A\u{2060}nna", "An\u{200B}na", "\u{0410}nna",  // Cyrillic А
            "\u{0391}nna",  // Greek Α
            "Ａｎｎａ",  // fullwidth
            "An  na".replacingOccurrences(of: "  ", with: ""), "\u{FEFF}Anna",
        ] {
            XCTAssertEqual(ParticipantName.identity(lookalike), anna, "\(lookalike.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        XCTAssertEqual(ParticipantName.identity("Ren\u{E9}e"), ParticipantName.identity("Rene\u{301}e"), "composed and decomposed é")
        XCTAssertEqual(Array(ParticipantName.identity("Rene\u{301}e").utf8), Array("ren\u{E9}e".utf8), "stored in one spelling (NFC)")
        XCTAssertEqual(ParticipantName.identity("Jan  de   Vries"), ParticipantName.identity("jan de vries"))
    }

    func testDifferentNamesStayDifferent() {
        XCTAssertNotEqual(ParticipantName.identity("Renée"), ParticipantName.identity("Renee"))
        XCTAssertNotEqual(ParticipantName.identity("Anna"), ParticipantName.identity("Anne"))
        XCTAssertNotEqual(ParticipantName.identity("Ayşe"), ParticipantName.identity("Ayse"))
        XCTAssertNotEqual(ParticipantName.identity("Андрей"), ParticipantName.identity("Андрея"))
    }

    func testANameNeedsAVisibleLetterAndLosesInvisibleCharacters() {
        XCTAssertEqual(ParticipantName.check("\u{200B}\u{2060}\u{200B}"), .failure(.emptyName))
        XCTAssertEqual(ParticipantName.check("\u{3164}\u{3164}."), .failure(.nameNeedsLetter), "Hangul fillers print as nothing")
        XCTAssertEqual(ParticipantName.check("A\u{2060}nna"), .success("Anna"))
        XCTAssertEqual(ParticipantName.check("👩\u{200D}💻 Sam"), .success("👩\u{200D}💻 Sam"), "a joiner inside an emoji stays")
    }

    func testNamedKeysUseTheIdentityAndOldKeysAreStillKnown() {
        XCTAssertEqual(ParticipantKey.named(" ANNA "), ParticipantKey.named("\u{0410}nna"))
        XCTAssertEqual(ParticipantKey.legacyNamed(" Anna "), "p:anna")
        XCTAssertTrue(ParticipantKey.legacyAnonymous(name: "Anna", sessionId: "s").hasPrefix("a:"))
    }

    func testEntriesPerParticipantComeInABurstThenAtASteadyRate() {
        var h = SessionHarness()
        let anna = SessionHarness.participant("Anna")
        XCTAssertNil(h.run(.join, by: anna))
        var t = h.clock + 10_000
        var added = 0
        for i in 0..<100 {
            if EntryRate.wait(key: anna.key, state: h.state, now: t) == nil {
                h.clock = t - 1000  // the harness stamps the event one second on
                XCTAssertNil(h.run(.addEntry(id: "e-\(i)", text: "idee \(i)"), by: anna))
                added += 1
            }
            t += 100
        }
        // 10 s of trying every 100 ms: the burst, and one more per interval after it.
        XCTAssertGreaterThanOrEqual(added, EntryRate.burst + 1)
        XCTAssertLessThanOrEqual(added, EntryRate.burst + 2)
        let wait = EntryRate.wait(key: anna.key, state: h.state, now: t)
        XCTAssertNotNil(wait)
        XCTAssertNil(EntryRate.wait(key: SessionHarness.participant("Bram").key, state: h.state, now: t), "others are not held back")
        XCTAssertTrue(EntryRate.tooFast(waitMs: wait ?? 0).reason.nl.contains("seconden"))
    }
}
