import Core
import Foundation
import Store
import XCTest

/// A participant over real `ssh` types like in a chat and is never thrown out: every
/// printable key is text, Esc never leaves, leaving and removing ask first, and their own
/// undo brings a removed entry back.
final class SSHTypeFirstTests: XCTestCase {
    var store = ""
    var knownHosts = ""

    override func setUpWithError() throws {
        for tool in ["ssh", "sshpass", "tmux"] where Spawn.run(["sh", "-c", "command -v \(tool)"]).status != 0 {
            let text = "\(tool) is not installed (make setup installs it)"
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail(text) }
            throw XCTSkip(text)
        }
        store = Binary.tempDir("typefirst")
        knownHosts = store + "-known_hosts"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: store)
        try? FileManager.default.removeItem(atPath: knownHosts)
    }

    func live(_ id: String) throws -> [String] {
        try SessionStore(root: store).open(id, readOnly: true).state.entries.filter { !$0.removed }.map(\.text)
    }

    /// Waits until the session's live entries are `texts`, in order.
    func waitForEntries(_ id: String, _ texts: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(8)
        while try live(id) != texts && Date() < deadline { usleep(50_000) }
        XCTAssertEqual(try live(id), texts, file: file, line: line)
    }

    func testTypingIsTextEscNeverLeavesLeavingAndRemovingAskAndUndoBringsItBack() throws {
        let r = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", "ouderen", "--title", "Zwolle"])
        XCTAssertEqual(r.status, 0, r.error)
        let id = r.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let port = SSHRoomTests.freePort()
        let room = try Tmux(
            width: 120, height: 40,
            command: "\(Binary.perspectief) run \(id) --lang nl --room --port \(port) --code 4821 --listen 127.0.0.1 --no-web",
            environment: ["PERSPECTIEF_STORE": store])
        room.wait(for: "ssh -p \(port) zaal@127.0.0.1")
        room.keys("Right", "Right")
        room.wait(for: "Stap 3 van \(TmuxClosedSessionTests.stepCount())")

        let riet = try Tmux(
            width: 90, height: 28,
            command: "env LANG=nl_NL.UTF-8 LC_ALL=nl_NL.UTF-8 sshpass -p 4821 ssh -tt -p \(port) -o StrictHostKeyChecking=accept-new"
                + " -o UserKnownHostsFile=\(knownHosts) -o LogLevel=ERROR zaal@127.0.0.1")
        riet.wait(for: "Hoe heet je?")
        riet.type("Riet")
        riet.keys("Enter")
        riet.wait(for: "Jouw bijdragen")

        riet.type("eerste gedachte")
        riet.keys("Enter")
        riet.wait(for: "Opgeslagen.")
        try waitForEntries(id, ["eerste gedachte"])

        // No `a` first: every letter is text — the `d` of "willen" deletes nothing, `e` edits nothing.
        riet.type("ouderen willen een mens")
        riet.wait(for: "ouderen willen een mens")
        riet.keys("Enter")
        room.wait(for: "ouderen willen een mens — Riet")
        try waitForEntries(id, ["eerste gedachte", "ouderen willen een mens"])

        // Esc twice: the draft is cleared, the participant stays in and is told how to leave.
        riet.type("half af")
        riet.keys("Escape")
        riet.wait(for: "the draft cleared") { !$0.contains("half af") }
        riet.keys("Escape")
        let stayed = riet.wait(for: "Stoppen: Ctrl-C")
        XCTAssertTrue(stayed.contains("Jouw bijdragen"), stayed)
        XCTAssertFalse(riet.history().contains("EXIT="), "Esc never ends the connection")

        // Removing asks first; "n" keeps it, "j" removes it; Ctrl-Z brings it back.
        riet.keys("Down")
        riet.keys("C-x")
        riet.wait(for: "Deze bijdrage verwijderen?")
        riet.keys("n")
        riet.wait(for: "the question gone") { !$0.contains("Deze bijdrage verwijderen?") }
        try waitForEntries(id, ["eerste gedachte", "ouderen willen een mens"])
        riet.keys("C-x")
        riet.wait(for: "Deze bijdrage verwijderen?")
        riet.keys("j")
        try waitForEntries(id, ["eerste gedachte"])
        room.wait(for: "the entry gone from the projector") { !$0.contains("ouderen willen een mens") }
        riet.keys("C-z")
        try waitForEntries(id, ["eerste gedachte", "ouderen willen een mens"])
        room.wait(for: "ouderen willen een mens — Riet")

        // Leaving asks, in the participant's language; "n" stays, "j" leaves.
        riet.keys("C-c")
        riet.wait(for: "Sessie verlaten?")
        riet.keys("n")
        riet.wait(for: "the question gone") { !$0.contains("Sessie verlaten?") && $0.contains("Jouw bijdragen") }
        XCTAssertFalse(riet.history().contains("EXIT="))
        riet.keys("C-c")
        riet.wait(for: "Sessie verlaten?")
        riet.keys("j")
        XCTAssertTrue(riet.waitForExit(timeout: 10).contains("EXIT=0"), riet.history())
        XCTAssertTrue(riet.history().replacingOccurrences(of: "\n", with: "").contains("Je hebt de sessie verlaten."), riet.history())
        XCTAssertTrue(riet.history().replacingOccurrences(of: "\n", with: "").contains("\(port) zaal@127.0.0.1 en dezelfde naam."), riet.history())
        try waitForEntries(id, ["eerste gedachte", "ouderen willen een mens"])
    }
}
