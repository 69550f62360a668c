import Foundation
import TestSupport
import XCTest

/// The scripting commands through the built binary: output, exit codes, one-line errors.
final class CommandTests: XCTestCase {
    var store = ""
    override func setUp() { store = Binary.tempDir("cmd") }
    override func tearDown() { try? FileManager.default.removeItem(atPath: store) }

    func run(_ args: String..., env extra: [String: String] = [:]) -> Spawn.Result {
        var env = ProcessInfo.processInfo.environment
        env["PERSPECTIEF_STORE"] = store
        env["LANG"] = "C.UTF-8"
        for (k, v) in extra { env[k] = v }
        return Spawn.run([Binary.perspectief] + args, environment: env)
    }

    func assertOneLineError(_ r: Spawn.Result, _ contains: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotEqual(r.status, 0, file: file, line: line)
        let lines = r.error.split(separator: "\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, 1, "one line: \(r.error)", file: file, line: line)
        XCTAssertTrue(r.error.contains(contains), "\"\(contains)\" in: \(r.error)", file: file, line: line)
    }

    func testNewAddShowSessions() throws {
        let created = run("new", "--perspective", "Ouderen", "--title", "Sessie Zwolle", "--facilitator", "Anna", "--json")
        XCTAssertEqual(created.status, 0, created.error)
        let id = (try JSONSerialization.jsonObject(with: Data(created.output.utf8)) as! [String: Any])["id"] as! String
        XCTAssertTrue(id.contains("-ouderen-"), id)
        XCTAssertEqual(run("add", id, "--kind", "note", "--text", "Reëel: één loket\u{1B}[2J").status, 0)
        XCTAssertEqual(run("add", id, "--kind", "implication", "--text", "Wachten", "--scenario", "digitaal-tenzij", "--author", "Ayşe").status, 0)
        let shown = run("show", id, "--json")
        let session = try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as! [String: Any]
        XCTAssertEqual(session["workshop"] as? String, "publieke-dienstverlening-2035")
        XCTAssertEqual(session["perspective"] as? String, "ouderen")
        XCTAssertEqual(session["step"] as? String, "opening")
        XCTAssertEqual(session["title"] as? String, "Sessie Zwolle")
        let entries = session["entries"] as! [[String: Any]]
        XCTAssertEqual(entries.map { $0["text"] as? String }, ["Reëel: één loket", "Wachten"], "escape sequences never stored")
        XCTAssertEqual(entries[1]["scenario"] as? String, "digitaal-tenzij")
        XCTAssertEqual(entries[1]["author"] as? String, "Ayşe")
        XCTAssertTrue(entries[0]["scenario"] is NSNull)
        XCTAssertEqual(entries[0]["holdsIn"] as? [String], [])
        XCTAssertEqual(entries[0]["votes"] as? Int, 0)
        let list = run("sessions")
        XCTAssertTrue(list.output.contains(id) && list.output.contains("Sessie Zwolle"), list.output)
        let human = run("show", id)
        XCTAssertTrue(human.output.contains("- implication [Digital, unless]: Wachten — Ayşe"), human.output)
    }

    /// `show` and `sessions` speak the UI language; the columns of `sessions` stay where
    /// scripts find them (id, time, state, entries, title), whatever the language.
    func testShowAndSessionsFollowTheLanguageAndKeepTheirColumns() throws {
        let id = run("new", "--perspective", "ouderen", "--title", "Zwolle", "--place", "Zwolle, stadhuis").output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(run("add", id, "--kind", "note", "--text", "Eén loket").status, 0)
        // Closed as the facilitator's screen would, by an event in a journal of its own.
        XCTAssertTrue(FileManager.default.createFile(
            atPath: "\(store)/\(id)/journal-hand.jsonl", contents: Data(HostileFileTests.event(1, "sessionClosed", "").utf8)))
        let dutch = ["LANG": "nl_NL.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
        let plain = ["LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""]

        let nl = run("show", id, env: dutch)
        XCTAssertEqual(nl.status, 0, nl.error)
        XCTAssertTrue(nl.output.contains("workshop: publieke-dienstverlening-2035   doelgroep: Ouderen\n"), nl.output)
        XCTAssertTrue(nl.output.contains("plaats: Zwolle, stadhuis\n"), nl.output)
        XCTAssertTrue(nl.output.contains("stap: Opening   (afgesloten)\n"), nl.output)
        XCTAssertTrue(nl.output.contains("- aantekening: Eén loket"), nl.output)
        let en = run("show", id, env: plain)
        XCTAssertTrue(en.output.contains("workshop: publieke-dienstverlening-2035   target group: Older people\n"), en.output)
        XCTAssertTrue(en.output.contains("place: Zwolle, stadhuis\n"), en.output)
        XCTAssertTrue(en.output.contains("step: Opening   (closed)\n"), en.output)
        XCTAssertTrue(en.output.contains("- note: Eén loket"), en.output)

        for (env, state, entries) in [(dutch, "afgesloten", "1 bijdrage"), (plain, "closed", "1 entry")] {
            let list = run("sessions", env: env)
            XCTAssertEqual(list.status, 0, list.error)
            let columns = list.output.split(separator: "\n").first.map { $0.components(separatedBy: "\t") } ?? []
            XCTAssertEqual(columns.count, 5, list.output)
            guard columns.count == 5 else { continue }
            XCTAssertEqual(columns[0], id)
            XCTAssertEqual(columns[2], state)
            XCTAssertEqual(columns[3], entries)
            XCTAssertEqual(columns[4], "Zwolle")
        }
    }

    func testACustomPerspective() throws {
        let r = run("new", "--perspective", "Jongeren met schulden")
        XCTAssertEqual(r.status, 0, r.error)
        let id = r.output.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(id.contains("jongeren-met-schulden"), id)
        let session = try JSONSerialization.jsonObject(with: Data(run("show", id, "--json").output.utf8)) as! [String: Any]
        XCTAssertEqual(session["perspective"] as? String, "Jongeren met schulden")
    }

    /// A group of one's own gets its persona and description in the session itself (the
    /// sessionCreated event), so every window and report reads the same.
    func testACustomGroupsPersonaAndDescription() throws {
        let r = run("new", "--perspective", "Jongeren met schulden", "--custom", "--description", "Jongeren tot 27 met schulden",
                    "--persona", "Sem (22) opent geen post meer.")
        XCTAssertEqual(r.status, 0, r.error)
        XCTAssertEqual(r.error, "", "--custom: no remark")
        let id = r.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let folder = store + "/" + id
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("journal-") || $0 == "session.json" }
        let text = try files.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }.joined()
        XCTAssertTrue(text.contains(#""customPersona":"Sem (22) opent geen post meer.""#), text)
        XCTAssertTrue(text.contains(#""customDescription":"Jongeren tot 27 met schulden""#), text)
        assertOneLineError(run("new", "--perspective", "ouderen", "--persona", "Riet"), "--persona and --description are for a target group of your own")
        assertOneLineError(run("desk", "20990101-0000-nergens-zz99"), "20990101-0000-nergens-zz99")
    }

    func testWorkshopsAndValidate() throws {
        let w = run("workshops", "--json")
        let list = try JSONSerialization.jsonObject(with: Data(w.output.utf8)) as! [[String: Any]]
        XCTAssertEqual(list.first?["id"] as? String, "publieke-dienstverlening-2035")
        XCTAssertTrue(list.contains { $0["id"] as? String == "levensgebeurtenissen-2035" })
        let ok = run("validate", Binary.repo.appendingPathComponent("Workshops/publieke-dienstverlening-2035.json").path)
        XCTAssertEqual(ok.status, 0)
        let bad = store + "/bad.json"
        try #"{"format": 1, "id": "x", "axes": []}"#.write(toFile: bad, atomically: true, encoding: .utf8)
        let r = run("validate", bad)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.error.contains("$.title: is missing"), r.error)
        XCTAssertTrue(r.error.contains("$.axes: must hold exactly 2 axes, not 0"), r.error)
        XCTAssertTrue(r.error.contains("$.scenarios: is missing"), r.error)
    }

    func testBadInputGetsOneLineAndNothingChanges() throws {
        assertOneLineError(run("show", "../etc"), "is not a session id")
        assertOneLineError(run("show", "/etc"), "is not a session id")
        assertOneLineError(run("show", "20990101-0000-nope-0000"), "no session")
        assertOneLineError(run("new", "--workshop", "nope", "--perspective", "x"), "unknown workshop \"nope\"")
        assertOneLineError(run("validate", store + "/missing.json"), "file not found")
        let empty = store + "/empty.json"
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        assertOneLineError(run("validate", empty), "the file is empty")
        let id = run("new", "--perspective", "ouderen").output.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try FileManager.default.contentsOfDirectory(atPath: store + "/" + id).sorted()
        assertOneLineError(run("add", id, "--kind", "dream", "--text", "x"), "unknown kind \"dream\"")
        assertOneLineError(run("add", id, "--kind", "note", "--text", "x", "--scenario", "mars"), "Scenario \"mars\" does not exist.")
        assertOneLineError(run("add", id, "--kind", "note", "--text", " \u{7} "), "Type some text first.")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store + "/" + id).sorted(), before)
        assertOneLineError(run("sessions", env: ["PERSPECTIEF_STORE": "/proc/self/nope"]), "cannot create store /proc/self/nope")
        assertOneLineError(run("new", "--perspective", "x", "--votes", "500"), "--votes: The vote budget must be between 0 and 99.")
        assertOneLineError(run("run", "--theme", "paars"), "unknown theme \"paars\"")
        assertOneLineError(run("review", "--lang", "fr"), "unknown language \"fr\"")
        assertOneLineError(run("export", "--all", "--format", "docx"), "unknown format \"docx\"")
        assertOneLineError(run("export", "--all", "--format", "pdf"), "--format pdf writes a file")
    }

    func testHelpEverywhere() {
        for command in ["new", "add", "show", "sessions", "workshops", "validate", "run", "join", "desk"] {
            let r = run(command, "--help")
            XCTAssertEqual(r.status, 0, command)
            XCTAssertTrue(r.output.contains("USAGE"), command)
        }
    }
}
