import Core
import Foundation
import Store
import TestSupport
import XCTest

/// The first hour over real `ssh`: Esc on a draft is undone by Ctrl-Z and removes nothing;
/// the projector's Ctrl-C asks while people are in; after "stop new joins" a participant who
/// drops comes back with name and rejoin code while a newcomer is refused in words; after
/// `kill -9` and a plain restart the room keeps its made-up code.
final class SSHComingBackTests: XCTestCase {
    var store = ""
    var knownHosts = ""

    override func setUpWithError() throws {
        for tool in ["ssh", "sshpass", "tmux"] where Spawn.run(["sh", "-c", "command -v \(tool)"]).status != 0 {
            throw Requirement.missing("\(tool) is not installed (make setup installs it)")
        }
        store = Binary.tempDir("comeback")
        knownHosts = store + "-known_hosts"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: store)
        try? FileManager.default.removeItem(atPath: knownHosts)
    }

    func live(_ id: String) throws -> [String] {
        try SessionStore(root: store).open(id, readOnly: true).state.entries.filter { !$0.removed }.map(\.text)
    }

    func room(_ id: String, port: Int) throws -> Tmux {
        let t = try Tmux(
            width: 120, height: 40, command: "\(Binary.perspectief) run \(id) --lang nl --room --port \(port) --listen 127.0.0.1 --no-web",
            environment: ["PERSPECTIEF_STORE": store])
        t.wait(for: "ssh -p \(port) zaal@127.0.0.1", timeout: 25)
        return t
    }

    /// A laptop past the room's code, at the name.
    func laptop(port: Int, code: String) throws -> Tmux {
        let t = try Tmux(
            width: 100, height: 30,
            command: "env LANG=nl_NL.UTF-8 LC_ALL=nl_NL.UTF-8 ssh -tt -p \(port) -o StrictHostKeyChecking=accept-new"
                + " -o UserKnownHostsFile=\(knownHosts) -o LogLevel=ERROR zaal@127.0.0.1")
        t.wait(for: "Code van de zaal")
        t.type(code)
        t.keys("Enter")
        t.wait(for: "Hoe heet je?")
        return t
    }

    func testDraftUndoCtrlCAsksStopJoinsLetsKnownNamesBackAndTheCodeSurvivesKillNine() throws {
        let r = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", "ouderen", "--title", "Zwolle"])
        XCTAssertEqual(r.status, 0, r.error)
        let id = r.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let port = SSHRoomTests.freePort()
        var projector = try room(id, port: port)
        // No --code: one is made up, 8 digits, and kept with the session.
        let code = try String(contentsOfFile: store + "/.room/\(id).code", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(code.count, 8, code)
        projector.keys("Right", "Right")
        projector.wait(for: "Stap 3 van")

        let riet = try laptop(port: port, code: code)
        riet.type("Riet")
        riet.keys("Enter")
        riet.wait(for: "Jouw bijdragen")
        riet.type("bewaard")
        riet.keys("Enter")
        let saved = riet.wait(for: "Opgeslagen.")
        let rejoin = try XCTUnwrap(saved.range(of: #"Terugkomcode \d{3} \d{3}"#, options: .regularExpression).map { String(saved[$0].suffix(7)) },
                                   "the code stays in the hint line after saving:\n\(saved)")

        // A draft, Esc, Ctrl-Z: the draft is back, no saved entry removed.
        riet.type("een lange gedachte")
        riet.wait(for: "een lange gedachte")
        riet.keys("Escape")
        riet.wait(for: "Ctrl-Z zet hem terug")
        riet.keys("C-z")
        riet.wait(for: "Ongedaan: je gewiste tekst")
        XCTAssertTrue(riet.screen().contains("een lange gedachte"), riet.screen())
        XCTAssertEqual(try live(id), ["bewaard"])
        riet.keys("Escape")
        riet.wait(for: "the draft cleared") { !$0.contains("een lange gedachte") }

        // Ctrl-C on the projector with someone in asks; n keeps everyone in.
        projector.wait(for: "1 verbonden")
        projector.keys("C-c")
        projector.wait(for: "Sessie verlaten?")
        projector.keys("n")
        projector.wait(for: "the question gone") { !$0.contains("Sessie verlaten?") }
        XCTAssertFalse(projector.history().contains("EXIT="), "the projector kept running")
        XCTAssertFalse(riet.history().contains("EXIT="), "Riet is still in")

        // Stop new joins: the room still listens. Riet drops (ssh's ~.) and comes back with her code.
        projector.keys("o")
        projector.wait(for: "stop nieuwe aanmeldingen")
        projector.keys("s")
        projector.wait(for: "geen nieuwe aanmeldingen")
        riet.keys("Enter", "~", ".")
        _ = riet.waitForExit(timeout: 10)

        let bram = try laptop(port: port, code: code)
        bram.type("Bram")
        bram.keys("Enter")
        bram.wait(for: "geen nieuwe deelnemers")

        let back = try laptop(port: port, code: code)
        back.type("Riet")
        back.keys("Enter")
        back.wait(for: "Je terugkomcode")
        back.type(rejoin)
        back.keys("Enter")
        back.wait(for: "bewaard")
        back.wait(for: "Terugkomcode \(rejoin)")
        XCTAssertEqual(try SessionStore(root: store).open(id, readOnly: true).state.participants.count, 1, "no newcomer, no second Riet")

        // kill -9 of the facilitator and a plain restart: the same code lets people in.
        kill(SSHRoomTests.app(in: projector), SIGKILL)
        _ = back.waitForExit(timeout: 10)
        projector = try room(id, port: port)
        projector.wait(for: String(code.prefix(4)) + " " + String(code.dropFirst(4)))
        let again = try laptop(port: port, code: code)
        again.type("Riet")
        again.keys("Enter")
        again.wait(for: "Je terugkomcode")
    }
}
