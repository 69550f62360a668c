import Foundation
import TestSupport
import XCTest

/// The real binary in a real terminal: a whole session, resizing, kill -9 and resume,
/// quitting and signals. Few and slow-ish; the screens themselves are tested in TUITests.
final class TmuxSessionTests: XCTestCase {
    var store = ""
    var env: [String: String] { ["PERSPECTIEF_STORE": store, "NO_COLOR": ""] }

    override func setUp() { store = Binary.tempDir("store") }
    override func tearDown() { try? FileManager.default.removeItem(atPath: store) }

    func newSession(_ perspective: String = "ouderen") throws -> String {
        let r = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", perspective, "--facilitator", "Anna"])
        XCTAssertEqual(r.status, 0, r.error)
        return r.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func show(_ id: String) throws -> [String: Any] {
        let r = Spawn.run([Binary.perspectief, "show", "--store", store, id, "--json"])
        XCTAssertEqual(r.status, 0, r.error)
        return try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as! [String: Any]
    }

    func appPID(_ tmux: Tmux) -> Int32? {
        let r = Spawn.run(["pgrep", "-P", "\(tmux.panePID())", "perspectief"])
        return Int32(r.output.split(separator: "\n").first ?? "")
    }

    func add(_ tmux: Tmux, _ text: String) {
        tmux.keys("a")
        tmux.wait(for: "Enter opslaan")
        tmux.type(text)
        tmux.keys("Enter")
        tmux.wait(for: String(text.prefix(20)))
    }

    func testAWholeSessionForOneTargetGroupWithDutchText() throws {
        let id = try newSession()
        let t = try Tmux(command: "\(Binary.perspectief) run \(id) --lang nl", environment: env)
        t.wait(for: "Opening")
        add(t, "Riet wil één loket — reëel en dichtbij")
        t.keys("Right")
        t.wait(for: "Stap 2 van 14")
        for round in 1...4 {
            t.keys("Right")
            t.wait(for: "Stap \(round + 2) van 14")
            add(t, "Implicatie \(round): naïef idee, café-gesprek")
        }
        t.keys("Right")
        t.wait(for: "Pauze — nog 15:00")
        t.keys("Right")
        t.wait(for: "Stap 8 van 14")
        t.keys("v")
        t.wait(for: "Het zuinige loket: ★1/1")
        t.keys("Right")
        t.wait(for: "Stap 9 van 14")
        add(t, "Houd altijd een menselijk loket")
        add(t, "Gegevens één keer vragen")
        // Voting comes before the analysis of the top insights.
        t.keys("Right")
        t.wait(for: "Stap 10 van 14")
        t.keys("v", "v", "Down", "v")
        t.wait(for: "3 stemmen")
        t.keys("Right")
        t.wait(for: "Stap 11 van 14")
        t.keys("Right")
        t.wait(for: "Stap 12 van 14")
        t.keys("Up", "1", "2", "3", "4")
        t.wait(for: "koersvast: 1 / 2")
        t.keys("Down", "2")
        t.keys("Right")
        t.wait(for: "Stap 13 van 14")
        t.keys("Up", "1", "8")
        t.wait(for: "→ 1,8")
        t.keys("Right")
        t.wait(for: "Koersvaste inzichten (1)")
        t.keys("c")
        t.wait(for: "Afgesloten")
        t.keys("q")
        t.wait(for: "Nieuwe sessie")
        t.keys("q")
        let end = t.waitForExit()
        XCTAssertTrue(end.contains("EXIT=0"), end)
        XCTAssertTrue(end.contains("icanon echo"), "the terminal is restored: \(end)")

        let session = try show(id)
        XCTAssertEqual(session["closed"] as? Bool, true)
        let entries = session["entries"] as! [[String: Any]]
        XCTAssertEqual(entries.count, 7, "\(entries)")
        XCTAssertEqual(entries[0]["text"] as? String, "Riet wil één loket — reëel en dichtbij")
        XCTAssertEqual(Set(entries.compactMap { $0["scenario"] as? String }).count, 4, "one implication per scenario")
        XCTAssertEqual(entries[1]["votes"] as? Int, 1, "the harvest's dot for the room")
        let insights = entries.filter { $0["kind"] as? String == "insight" }
        XCTAssertEqual(insights[0]["robustness"] as? String, "koersvast")
        XCTAssertEqual(insights[0]["directions"] as? [String], ["burgers-centraal", "proactief"])
        XCTAssertEqual(insights[0]["votes"] as? Int, 2)
        XCTAssertEqual(insights[1]["robustness"] as? String, "scenariospecifiek")
        XCTAssertEqual(insights[1]["holdsIn"] as? [String], ["digitaal-tenzij"])
    }

    func testResizeBelowTheMinimumAndBack() throws {
        let id = try newSession()
        let t = try Tmux(command: "\(Binary.perspectief) run \(id) --lang en", environment: env)
        t.wait(for: "Step 1 of 14")
        t.resize(60, 20)
        t.wait(for: "at least 80×24")
        t.keys("a")  // ignored while too small: nothing can be typed blind
        t.resize(100, 30)
        let back = t.wait(for: "Step 1 of 14")
        XCTAssertFalse(back.contains("New: note"))
    }

    func testKill9MidRoundLosesNothingShownAndResumesAtTheSameStep() throws {
        let id = try newSession()
        let t = try Tmux(command: "\(Binary.perspectief) run \(id) --lang nl", environment: env)
        t.wait(for: "Opening")
        t.keys("Right", "Right")
        t.wait(for: "Stap 3 van 14")
        t.keys("t")
        add(t, "Eerste implicatie — één")
        add(t, "Tweede implicatie — twee")
        guard let pid = appPID(t) else { return XCTFail("no app process") }
        kill(pid, SIGKILL)
        XCTAssertTrue(t.waitForExit().hasPrefix("EXIT=137"))
        let again = try Tmux(command: "\(Binary.perspectief) run \(id) --lang nl", environment: env)
        let screen = again.wait(for: "Tweede implicatie")
        XCTAssertTrue(screen.contains("Stap 3 van 14"), screen)
        XCTAssertTrue(screen.contains("Eerste implicatie — één"), screen)
        XCTAssertTrue(screen.contains("▶"), "the timer is still running: \(screen)")
    }

    func testSigtermAndQuitRestoreTheTerminal() throws {
        let id = try newSession()
        let t = try Tmux(command: "\(Binary.perspectief) run \(id)", environment: env)
        t.wait(for: "Opening")
        guard let pid = appPID(t) else { return XCTFail("no app process") }
        kill(pid, SIGTERM)
        let end = t.waitForExit()
        XCTAssertTrue(end.contains("EXIT=0"), end)
        XCTAssertTrue(end.contains("icanon echo"), end)
        XCTAssertFalse(end.contains("-icanon"), end)
    }

    func testADumbTerminalGetsAClearMessage() throws {
        let r = Spawn.run(["env", "TERM=dumb", Binary.perspectief, "run", "--store", store])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.error.contains("cannot show the screen"), r.error)
        XCTAssertEqual(r.error.split(separator: "\n").count, 1, "one line: \(r.error)")
    }
}
