import Core
import Foundation
import XCTest

/// What a careless or hostile file can hold, at the Core's door: huge numbers, huge
/// objects, deep nesting, control characters. Each must be a clear error or clean text,
/// never a trap, a hang or an escape reaching a terminal.
final class HostileInputTests: XCTestCase {
    static func eventLine(_ type: String, _ extra: String, time: String = "1790000001000", seq: Int = 1) -> String {
        """
        {"v":1,"id":"x\(seq)","writer":"w","seq":\(seq),"clock":\(seq + 1),"time":\(time),"by":{"role":"facilitator","key":"f"},"type":"\(type)"\(extra)}
        """
    }

    func decode(_ line: String) throws -> Event {
        try Event(json: try JSONParser.parse(line))
    }

    func reason(_ line: String) -> String? {
        do {
            _ = try decode(line)
            return nil
        } catch let e as EventDecodingError {
            return e.reason
        } catch {
            return "\(error)"
        }
    }

    // MARK: Numbers

    func testHugeNumbersAreDamageAtTheDoor() {
        let seconds = reason(Self.eventLine("timerExtended", #","step":"s1","seconds":8999999999999999"#))
        XCTAssertEqual(seconds, "\"seconds\" must be between -86400 and 86400, not 8999999999999999")
        XCTAssertNotNil(reason(Self.eventLine("timerStarted", #","step":"s1""#, time: "-8999999999999999")))
        XCTAssertNotNil(reason(Self.eventLine("timerStarted", #","step":"s1""#, time: "8999999999999999")))
        XCTAssertNotNil(reason(Self.eventLine("settingsChanged", #","voteBudget":-1"#)))
        XCTAssertNil(reason(Self.eventLine("timerExtended", #","step":"s1","seconds":-300"#)), "a real extension still reads")
    }

    /// The fold is safe even for what passes the door: 40,000 start/pause pairs a whole
    /// era apart sum past Int64 without saturation.
    func testTheTimerFoldSaturatesInsteadOfTrapping() throws {
        var h = SessionHarness()
        var state = h.state
        let late: Int64 = 253_402_300_799_999
        for i in 0..<40_000 {
            let start = Event(id: "s\(i)", writer: "w", seq: 2 * i + 1, clock: 2 * i + 2, time: 0, actor: SessionHarness.facilitator, change: .timerStarted(step: "s1"))
            let pause = Event(id: "p\(i)", writer: "w", seq: 2 * i + 2, clock: 2 * i + 3, time: late, actor: SessionHarness.facilitator, change: .timerPaused(step: "s1"))
            state.apply(start)
            state.apply(pause)
        }
        let timer = try XCTUnwrap(state.timers["s1"])
        XCTAssertEqual(timer.elapsedMs, Int64.max)
        let left = timer.remainingMs(minutes: 10, now: 0)
        XCTAssertLessThan(left, 0)
        XCTAssertGreaterThan(left, Int64.min / 2, "a screen may negate what is left")
        h.run(.extendTimer(seconds: 60))
        XCTAssertEqual(Int64.max.saturatingAdd(1), .max)
        XCTAssertEqual(Int64.min.saturatingSubtract(1), .min)
        XCTAssertEqual(Int64.max.saturatingMultiply(-2), .min)
    }

    func testWorkshopNumbersAreRangeChecked() throws {
        var json = try XCTUnwrap(String(bytes: Fixtures.bytes("Tests/Fixtures/mini.json"), encoding: .utf8))
        let range = try XCTUnwrap(json.range(of: #""minutes": "#))
        let end = try XCTUnwrap(json[range.upperBound...].firstIndex(where: { $0 == "," || $0 == "\n" }))
        json.replaceSubrange(range.upperBound..<end, with: "8999999999999999")
        XCTAssertThrowsError(try WorkshopLoader.load(bytes: Array(json.utf8), file: "w.json")) { error in
            XCTAssertTrue("\(error)".contains("must be between 0 and 1000000, not 8999999999999999"), "\(error)")
        }
    }

    // MARK: Shapes

    func testManyKeysLoadInLinearTime() throws {
        func object(_ n: Int) -> String { "{" + (0..<n).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}" }
        func seconds(_ text: String) throws -> Double {
            let start = Date()
            let value = try JSONParser.parse(text)
            XCTAssertEqual(value.objectValue?.count, text.filter { $0 == ":" }.count)
            return Date().timeIntervalSince(start)
        }
        let small = try seconds(object(10_000))
        let big = try seconds(object(100_000))
        // Linear is a ratio near 10; the quadratic parser this replaced was near 100.
        XCTAssertLessThan(big / max(small, 0.0005), 40, "10× the keys took \(big / small)× the time")
        let dup = "{" + (0..<50_000).map { "\"k\($0)\":1," }.joined() + "\"k7\":2}"
        XCTAssertThrowsError(try JSONParser.parse(dup)) { XCTAssertTrue("\($0)".contains("duplicate key \"k7\""), "\($0)") }
    }

    func testNestingAndNumberLimitsAreClearErrors() {
        XCTAssertThrowsError(try JSONParser.parse(String(repeating: "[", count: 100_000))) {
            XCTAssertTrue("\($0)".contains("nesting is deeper than 64 levels"), "\($0)")
        }
        XCTAssertNoThrow(try JSONParser.parse(String(repeating: "[", count: 60) + String(repeating: "]", count: 60)))
        XCTAssertThrowsError(try JSONParser.parse(String(repeating: "9", count: 1_000_000))) {
            XCTAssertTrue("\($0)".contains("a number longer than 64 characters"), "\($0)")
        }
    }

    // MARK: Text

    func testTerminalTextEscapesEverythingATerminalWouldAct() {
        XCTAssertEqual(TerminalText.safe("plain — één\tkolom\n"), "plain — één\tkolom\n")
        XCTAssertEqual(TerminalText.safe("a\u{1B}[2Jb"), "a\\u{1B}[2Jb")
        XCTAssertEqual(TerminalText.safe("x\u{9B}31m"), "x\\u{9B}31m", "C1 CSI")
        XCTAssertEqual(TerminalText.safe("\u{202E}tfel"), "\\u{202E}tfel")
        XCTAssertEqual(TerminalText.safe("over\rwrite"), "over\\u{D}write", "a lone CR would overwrite")
        XCTAssertEqual(TerminalText.safe("a,b\r\nc"), "a,b\r\nc", "a CSV's CRLF stays")
        XCTAssertEqual(TerminalText.quoted("two\nlines"), "\"two\\u{A}lines\"")
        XCTAssertEqual(TerminalText.quoted(String(repeating: "x", count: 500)).count, 83)
    }

    func testTextFromAFileIsCleanedLikeTypedText() throws {
        let line = Self.eventLine(
            "entryAdded",
            #","entry":"e1","kind":"note","text":"a\u001b[31mrood\u009b\u202e","step":"s1","author":"Ev\u001b]0;x\u0007e","status":"shown""#)
        guard case .entryAdded(let n) = try decode(line).change else { return XCTFail("not an entry") }
        XCTAssertEqual(n.text, "arood")
        XCTAssertEqual(n.author, "Eve")
        let named = Self.eventLine("participantJoined", "").replacingOccurrences(of: #""key":"f"}"#, with: #""key":"f","name":"Zo\u0085\u202eë"}"#)
        XCTAssertEqual(try decode(named).actor.name, "Zoë")
    }

    func testDamageMessagesQuoteBadValuesSafely() {
        let role = reason(Self.eventLine("participantJoined", "").replacingOccurrences(of: "facilitator", with: #"\u001b[2J"#))
        XCTAssertEqual(role, #""\u{1B}[2J" is not a role"#)
        let type = reason(Self.eventLine("x\\u009b", ""))
        XCTAssertEqual(type, #""x\u{9B}" is not a known event type"#)
    }

    func testJSONOutputEscapesC1AndBidi() {
        XCTAssertEqual(JSONWriter.compact(.string("a\u{9B}b\u{202E}")), #""a\u009bb\u202e""#)
    }

    func testAWorkshopWithControlCharactersFailsValidation() throws {
        var json = try XCTUnwrap(String(bytes: Fixtures.bytes("Tests/Fixtures/mini.json"), encoding: .utf8))
        let range = try XCTUnwrap(json.range(of: #""en": ""#))
        json.insert(contentsOf: #"\u001b[2J\u202e"#, at: range.upperBound)
        XCTAssertThrowsError(try WorkshopLoader.load(bytes: Array(json.utf8), file: "w.json")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("contains a control, escape or bidirectional character"), text)
            XCTAssertFalse(text.unicodeScalars.contains { !TerminalText.isSafe($0) }, text)
        }
    }

    func testCSVNeutralisesFormulasBehindSpaces() {
        for lead in [" ", "   ", "\u{A0}", "\u{3000}", " \u{A0}\u{3000}"] {
            for sign in ["=", "+", "-", "@"] {
                XCTAssertTrue(CSVExport.field(lead + sign + "1+1").hasPrefix("'"), "\(lead.unicodeScalars.map(\.value)) \(sign)")
            }
        }
        XCTAssertEqual(CSVExport.field(" gewoon"), " gewoon")
    }

    // MARK: Fold bookkeeping

    func testVoteBudgetCountsOnlyLiveEntriesAfterRemoveAndRestore() {
        var h = SessionHarness(budget: 2)
        let p = SessionHarness.participant("Ev")
        h.run(.join, by: p)
        h.go(to: "ronde-a")
        h.add("a", "Eén")
        h.add("b", "Twee")
        h.go(to: "stemmen")
        XCTAssertNil(h.run(.vote(id: "a"), by: p))
        XCTAssertNil(h.run(.vote(id: "a"), by: p))
        XCTAssertEqual(h.run(.vote(id: "b"), by: p)?.reason.en, "You have used all your votes.")
        XCTAssertNil(h.run(.removeEntry(id: "a")))
        XCTAssertEqual(h.state.votesUsed(by: p.key), 0, "votes on a removed entry are free again")
        XCTAssertNil(h.run(.vote(id: "b"), by: p))
        XCTAssertNil(h.run(.restoreEntry(id: "a")))
        XCTAssertEqual(h.state.votesUsed(by: p.key), 3)
        XCTAssertEqual(SessionState.fold(h.events)?.votesUsed(by: p.key), 3, "the same from a fresh fold")
    }
}
