import Foundation
import TestSupport
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

    /// Hold-for-review with the desk (issue 21): the held text is read on the desk, a second
    /// window that is never projected; the projector shows only how many wait; what the desk
    /// accepts appears on the projector, what it rejects never does.
    func testHeldEntriesAreModeratedOnTheDeskNeverOnTheProjector() throws {
        let id = newSession("--hold-for-review")
        let facilitator = try Tmux(width: 120, height: 36, command: "\(Binary.perspectief) run \(id) --lang nl", environment: env)
        facilitator.wait(for: "Stap 1 van 14")
        facilitator.keys("Right", "Right")
        facilitator.wait(for: "Stap 3 van 14")
        let desk = try Tmux(width: 100, height: 30, command: "\(Binary.perspectief) desk \(id) --lang nl", environment: env)
        desk.wait(for: "Regietafel — niet projecteren")
        desk.wait(for: "Stap 3 van 14")
        let fatima = try join(id, "Fatima")
        fatima.wait(for: "Het zuinige loket")
        fatima.type("Dit is een grapje, niet serieus")
        fatima.keys("Enter")
        desk.wait(for: "Dit is een grapje, niet serieus — Fatima")
        let wall = facilitator.wait(for: "1 bijdrage wacht")
        XCTAssertFalse(wall.contains("grapje"), "held text never on the projector:\n\(wall)")
        // The desk sees who is connected (a terminal joined without the room: its presence).
        desk.wait(for: "Verbonden (1)")
        desk.keys("x")
        desk.wait(for: "Niets wacht")
        // Its author is told, not left to wonder where it went.
        let told = fatima.wait(for: "opgenomen.")
        XCTAssertTrue(told.contains("De facilitator heeft je bijdrage \"Dit is een grapje, niet serieus\""), told)
        fatima.type("Eerst bekijken")
        fatima.keys("Enter")
        desk.wait(for: "Eerst bekijken — Fatima")
        XCTAssertFalse(facilitator.wait(for: "1 bijdrage wacht").contains("Eerst bekijken"))
        desk.keys("y")
        let accepted = facilitator.wait(for: "Eerst bekijken — Fatima")
        XCTAssertFalse(accepted.contains("bijdragen wachten") || accepted.contains("bijdrage wacht"), "nothing waits, nothing is said")
        XCTAssertFalse(accepted.contains("grapje"), "the rejected entry stays off the wall")
        // The desk's timer is the session's: the projector follows.
        desk.keys("t")
        facilitator.wait(for: "the timer running") { !$0.contains("gepauzeerd") }
        desk.keys("q")
        XCTAssertTrue(desk.waitForExit().contains("EXIT=0"))
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
