import Foundation
import TestSupport
import XCTest

/// Characters must work whenever the terminal does, whatever locale the environment names:
/// `ssh` from a Mac sends LANG=nl_NL.UTF-8 to servers that never generated it, and LANG=C is
/// common. The interface language still follows LANG.
final class TmuxLocaleTests: XCTestCase {
    var store = ""

    override func setUp() { store = Binary.tempDir("locale") }
    override func tearDown() { try? FileManager.default.removeItem(atPath: store) }

    func newSession() -> String {
        let r = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", "ouderen", "--title", "Ouderen Zwolle"])
        XCTAssertEqual(r.status, 0, r.error)
        return r.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Everything the session folder saved, as text.
    func saved(_ id: String) throws -> String {
        let folder = store + "/" + id
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            .map { (try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) ?? "" }.joined(separator: "\n")
    }

    /// A facilitator and a participant called Zoë, both in `environment` (no --lang: the
    /// language comes from it); Zoë types "één reëel". Returns the facilitator's screen.
    func runSession(_ environment: [String: String], step: String, contributions: String, said: String) throws -> (String, String) {
        let id = newSession()
        var env = environment
        env["PERSPECTIEF_STORE"] = store
        let facilitator = try Tmux(command: "\(Binary.perspectief) run \(id)", environment: env)
        facilitator.wait(for: step == "Step" ? "Step 1 of \(TmuxClosedSessionTests.stepCount())" : "Stap 1 van \(TmuxClosedSessionTests.stepCount())")
        facilitator.keys("Right", "Right")
        let zoe = try Tmux(width: 80, height: 24, command: "\(Binary.perspectief) join \(id) --name 'Zoë'", environment: env)
        zoe.wait(for: contributions)
        zoe.type("één reëel")
        zoe.wait(for: "één reëel")
        zoe.keys("Enter")
        let screen = facilitator.wait(for: "één reëel — Zoë")
        XCTAssertTrue(screen.contains("─") || screen.contains("│"), "box lines are drawn:\n\(screen)")
        zoe.wait(for: said)
        return (id, screen)
    }

    func testDutchLocaleThatIsNotInstalledStillShowsAndKeepsEveryCharacter() throws {
        // A Dutch locale this machine has not generated (as a Mac's nl_NL reaches a Debian box).
        let installed = Spawn.run(["locale", "-a"]).output.lowercased().replacingOccurrences(of: "utf8", with: "utf-8")
        let dutch = try XCTUnwrap(["nl_NL.UTF-8", "nl_BE.UTF-8", "nl_AW.UTF-8"].first { !installed.contains($0.lowercased()) })
        let (id, screen) = try runSession(["LANG": dutch, "LC_ALL": ""], step: "Stap", contributions: "Jouw bijdragen", said: "Opgeslagen.")
        XCTAssertTrue(screen.contains("Stap 3 van \(TmuxClosedSessionTests.stepCount())"), "the interface is still Dutch:\n\(screen)")
        let text = try saved(id)
        XCTAssertTrue(text.contains("één reëel"), text)
        XCTAssertTrue(text.contains("Zoë"), text)
    }

    func testLangCOnAUTF8TerminalStillShowsAndKeepsEveryCharacter() throws {
        let (id, screen) = try runSession(["LANG": "C", "LC_ALL": ""], step: "Step", contributions: "Your entries", said: "Saved.")
        XCTAssertTrue(screen.contains("Step 3 of \(TmuxClosedSessionTests.stepCount())"), "LANG=C means English:\n\(screen)")
        let text = try saved(id)
        XCTAssertTrue(text.contains("één reëel"), text)
        XCTAssertTrue(text.contains("Zoë"), text)
    }

    /// Where no UTF-8 locale exists at all (forced here, as this machine has one): ASCII on
    /// screen with a notice, and what was typed is still saved whole.
    func testWithoutAnyUTF8LocaleTheScreenIsASCIIAndTypingIsKept() throws {
        let id = newSession()
        let env = ["LANG": "nl_NL.UTF-8", "LC_ALL": "", "PERSPECTIEF_CHARSET": "ascii", "PERSPECTIEF_STORE": store]
        let facilitator = try Tmux(command: "\(Binary.perspectief) run \(id)", environment: env)
        let first = facilitator.wait(for: "Stap 1 van \(TmuxClosedSessionTests.stepCount())")
        XCTAssertTrue(first.contains("Zonder UTF-8: accenten en lijnen vereenvoudigd; wat je typt blijft heel."), "a one-line notice says why:\n\(first)")
        XCTAssertFalse(first.unicodeScalars.contains { !$0.isASCII }, "only ASCII reaches the terminal:\n\(first)")
        facilitator.keys("Right", "Right")
        let zoe = try Tmux(width: 80, height: 24, command: "\(Binary.perspectief) join \(id) --name 'Zoë'", environment: env)
        zoe.wait(for: "Jouw bijdragen")
        zoe.type("één reëel")
        zoe.wait(for: "een reeel")
        zoe.keys("Enter")
        let screen = facilitator.wait(for: "een reeel - Zoe")
        XCTAssertTrue(screen.contains("-----") && screen.contains(" | "), "box lines become -|:\n\(screen)")
        XCTAssertFalse(screen.unicodeScalars.contains { !$0.isASCII }, screen)
        let text = try saved(id)
        XCTAssertTrue(text.contains("één reëel"), text)
        XCTAssertTrue(text.contains("Zoë"), text)
    }
}

/// A participant typing when the facilitator closes the session: told so, and the text stays.
final class TmuxClosedSessionTests: XCTestCase {
    func testTextTypedAsTheSessionClosesIsKeptAndNoOneIsInvitedToType() throws {
        let store = Binary.tempDir("closed")
        defer { try? FileManager.default.removeItem(atPath: store) }
        let r = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", "ouderen", "--title", "Ouderen Zwolle"])
        XCTAssertEqual(r.status, 0, r.error)
        let id = r.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let env = ["PERSPECTIEF_STORE": store]
        let facilitator = try Tmux(command: "\(Binary.perspectief) run \(id) --lang nl", environment: env)
        let steps = Self.stepCount()
        facilitator.wait(for: "Stap 1 van \(steps)")
        let zoe = try Tmux(width: 80, height: 24, command: "\(Binary.perspectief) join \(id) --name 'Zoë' --lang nl", environment: env)
        zoe.wait(for: "Jouw bijdragen")
        zoe.type("Mijn laatste gedachte")
        zoe.wait(for: "Mijn laatste gedachte")
        for _ in 0..<(steps - 1) { facilitator.keys("Right") }
        facilitator.wait(for: "Stap \(steps) van \(steps)")
        facilitator.keys("c")
        facilitator.wait(for: "Deze sessie is afgesloten")
        // The draft stays on screen, saying why it can no longer be saved; Enter saves nothing.
        let closed = zoe.wait(for: "Deze sessie is afgesloten. · Ctrl-C")
        XCTAssertTrue(closed.contains("Mijn laatste gedachte"), closed)
        zoe.keys("Enter")
        let kept = zoe.wait(for: "De sessie is afgesloten.")
        XCTAssertTrue(kept.contains("Mijn laatste gedachte"), kept)
        // Esc clears it; typing opens no input.
        zoe.keys("Escape")
        zoe.wait(for: "the draft cleared") { !$0.contains("Mijn laatste gedachte") }
        zoe.keys("a")
        let told = zoe.wait(for: "De sessie is afgesloten.")
        XCTAssertFalse(told.contains("Typ hier je bijdrage"), "no input opens:\n\(told)")
        XCTAssertFalse(told.contains("Druk op a"), told)
        let saved = (try? FileManager.default.contentsOfDirectory(atPath: store + "/" + id)) ?? []
        for file in saved {
            let text = (try? String(contentsOfFile: store + "/" + id + "/" + file, encoding: .utf8)) ?? ""
            XCTAssertFalse(text.contains("Mijn laatste gedachte"), "\(file): nothing saved after closing")
        }
    }
}

extension TmuxClosedSessionTests {
    /// The built-in workshop's number of steps, so the test follows the script as it grows.
    static func stepCount() -> Int {
        let url = Binary.repo.appendingPathComponent("Workshops/publieke-dienstverlening-2035.json")
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let steps = object["steps"] as? [Any]
        else { return 0 }
        return steps.count
    }
}
