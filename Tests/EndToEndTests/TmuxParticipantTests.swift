import Foundation
import XCTest

/// A facilitator and participants at their own terminals on one session: the real binaries,
/// each in its own tmux, sharing only the session folder.
final class TmuxParticipantTests: XCTestCase {
    var store = ""
    var env: [String: String] { ["PERSPECTIEF_STORE": store] }

    override func setUp() { store = Binary.tempDir("live") }
    override func tearDown() { try? FileManager.default.removeItem(atPath: store) }

    func newSession(_ extra: String...) -> String {
        let r = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", "ouderen", "--title", "Ouderen Zwolle"] + extra)
        XCTAssertEqual(r.status, 0, r.error)
        return r.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func join(_ id: String, _ name: String) throws -> Tmux {
        let t = try Tmux(width: 80, height: 24, command: "\(Binary.perspectief) join \(id) --name '\(name)' --lang nl", environment: env)
        t.wait(for: "Jouw bijdragen")
        return t
    }

    func testParticipantsTypeTheProjectorShowsItAndEveryoneFollowsTheSteps() throws {
        let id = newSession()
        let facilitator = try Tmux(command: "\(Binary.perspectief) run \(id) --lang nl", environment: env)
        facilitator.wait(for: "Stap 1 van 14")
        facilitator.keys("Right", "Right")
        facilitator.wait(for: "Stap 3 van 14")
        let ayse = try join(id, "Ayşe")
        let bram = try join(id, "Bram")
        ayse.wait(for: "Het zuinige loket")
        facilitator.wait(for: "Deelnemers: 2")

        ayse.type("Riet wil één loket — reëel en dichtbij")
        ayse.keys("Enter")
        bram.type("Wachttijden van weken")
        bram.keys("Enter")
        facilitator.wait(for: "Riet wil één loket — reëel en dichtbij — Ayşe")
        facilitator.wait(for: "Wachttijden van weken — Bram")
        let bramScreen = bram.screen()
        XCTAssertFalse(bramScreen.contains("Riet wil"), "a participant sees their own entries, not others'")

        facilitator.keys("Right")
        ayse.wait(for: "Stap 4 van 14")
        bram.wait(for: "Digitaal, tenzij")
        // The arrows are the input line's: a participant never moves the step.
        bram.keys("Right", "Right")
        usleep(300_000)
        XCTAssertTrue(bram.wait(for: "Stap 4 van 14").contains("Digitaal, tenzij"))
        XCTAssertTrue(facilitator.screen().contains("Stap 4 van 14"))

        // Names off the projector.
        facilitator.keys("Left")
        facilitator.wait(for: "Stap 3 van 14")
        facilitator.keys("h")
        let hidden = facilitator.wait(for: "namen verborgen")
        XCTAssertTrue(hidden.contains("Riet wil één loket — reëel en dichtbij"), hidden)
        XCTAssertFalse(hidden.contains("— Ayşe"), hidden)
        XCTAssertFalse(hidden.contains("— Bram"), hidden)
    }

    func testHeldForReviewAcceptAndReject() throws {
        let id = newSession("--hold-for-review")
        let facilitator = try Tmux(command: "\(Binary.perspectief) run \(id) --lang nl", environment: env)
        facilitator.wait(for: "Stap 1 van 14")
        facilitator.keys("Right", "Right")
        facilitator.wait(for: "Stap 3 van 14")
        let ayse = try join(id, "Ayşe")
        ayse.wait(for: "Het zuinige loket")
        ayse.type("Eerst bekijken")
        ayse.keys("Enter")
        ayse.wait(for: "Eerst bekijken (wacht op de facilitator)")
        facilitator.wait(for: "1 wachten op ok")
        facilitator.keys("y")
        facilitator.wait(for: "0 wachten op ok")
        ayse.wait(for: "the accepted entry") { !$0.contains("wacht op de facilitator") && $0.contains("Eerst bekijken") }
        ayse.type("Niet voor het scherm")
        ayse.keys("Enter")
        facilitator.wait(for: "1 wachten op ok")
        facilitator.keys("Down", "x")
        let after = facilitator.wait(for: "0 wachten op ok")
        XCTAssertFalse(after.contains("Niet voor het scherm"), after)
        // Its author is told, not left to wonder where it went.
        let told = ayse.wait(for: "De facilitator heeft je bijdrage \"Niet voor het scherm\" niet opgenomen.")
        XCTAssertTrue(told.contains("Eerst bekijken"), told)
    }

    func testAnAnonymousSessionNeverStoresNames() throws {
        let id = newSession("--anonymous")
        let facilitator = try Tmux(command: "\(Binary.perspectief) run \(id) --lang nl", environment: env)
        facilitator.wait(for: "Stap 1 van 14")
        facilitator.keys("Right", "Right")
        facilitator.wait(for: "Stap 3 van 14")
        let ayse = try join(id, "Ayşe Yılmaz")
        ayse.type("Anoniem gezegd")
        ayse.keys("Enter")
        let screen = facilitator.wait(for: "Anoniem gezegd")
        XCTAssertFalse(screen.contains("Ayşe"), screen)
        XCTAssertTrue(screen.contains("anoniem"), screen)
        // Not in any file either.
        for file in try FileManager.default.contentsOfDirectory(atPath: store + "/" + id) {
            let text = (try? String(contentsOfFile: store + "/" + id + "/" + file, encoding: .utf8)) ?? ""
            XCTAssertFalse(text.contains("Ayşe") || text.contains("Yılmaz"), "\(file) holds a name")
        }
    }

    func testJoiningBadSessionsGetsOneLine() throws {
        let closed = newSession()
        Spawn.run([Binary.perspectief, "add", "--store", store, closed, "--kind", "note", "--text", "x"])
        let id = newSession()
        for (args, message) in [
            (["join", "20990101-0000-nope-0000", "--name", "A"], "no session"),
            (["join", "../x", "--name", "A"], "is not a session id"),
        ] {
            let r = Spawn.run([Binary.perspectief] + args + ["--store", store])
            XCTAssertNotEqual(r.status, 0)
            XCTAssertTrue(r.error.contains(message), r.error)
        }
        // Damage the session: joining it is refused, and the file stays as it was.
        let journal = store + "/" + id + "/journal-zz.jsonl"
        try "{broken\n{}\n".write(toFile: journal, atomically: true, encoding: .utf8)
        let r = Spawn.run([Binary.perspectief, "join", id, "--name", "A", "--store", store])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.error.contains("read-only"), r.error)
        XCTAssertEqual(try String(contentsOfFile: journal, encoding: .utf8), "{broken\n{}\n")
    }
}
