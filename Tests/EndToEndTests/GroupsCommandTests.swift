import Foundation
import TestSupport
import XCTest

/// `perspectief groups` and `messages` with the real binary: a proposal rejected with
/// `groups reject` is gone from `groups suggest` and from every export format; a bad id is one
/// line and a non-zero exit; a linked insight is a message's evidence in the report.
final class GroupsCommandTests: XCTestCase {
    var store = ""

    override func setUp() { store = Binary.tempDir("groups") }
    override func tearDown() { try? FileManager.default.removeItem(atPath: store) }

    @discardableResult
    func run(_ args: [String]) -> Spawn.Result {
        var env = ProcessInfo.processInfo.environment
        env["PERSPECTIEF_STORE"] = store
        env["LANG"] = "C.UTF-8"
        return Spawn.run([Binary.perspectief] + args, environment: env)
    }

    func json(_ args: [String]) throws -> Any {
        let r = run(args)
        XCTAssertEqual(r.status, 0, r.error)
        return try JSONSerialization.jsonObject(with: Data(r.output.utf8))
    }

    func testARejectedProposalIsGoneFromSuggestAndEveryExport() throws {
        func new(_ group: String) -> String {
            run(["new", "--perspective", group, "--title", group]).output.trimmingCharacters(
                in: .whitespacesAndNewlines)
        }
        let a = new("ouderen")
        let b = new("ondernemers")
        for (s, text) in [
            (a, "Vraag gegevens van burgers maar één keer uit, ook na een verhuizing"),
            (a, "Groene daken op elk stadhuis"),
            (a, "Mantelzorgers krijgen vaste respijtzorg"),
            (b, "Vraag gegevens van burgers maar één keer uit, ook bij een verhuizing"),
        ] {
            XCTAssertEqual(run(["add", s, "--kind", "insight", "--text", text]).status, 0)
        }
        let proposals = try XCTUnwrap(try json(["groups", "suggest", "--json"]) as? [[String: Any]])
        let pair = try XCTUnwrap(
            proposals.first { p in
                Set((p["members"] as? [[String: Any]] ?? []).compactMap { $0["session"] as? String }) == [a, b]
            })
        let id = try XCTUnwrap(pair["id"] as? String)
        let members = try XCTUnwrap(pair["members"] as? [[String: Any]])
        XCTAssertTrue(members.allSatisfy { $0["perspective"] is String && $0["text"] is String })
        XCTAssertFalse((pair["reasons"] as? [String] ?? []).isEmpty, "says why")

        let bad = run(["groups", "reject", "p000000000000"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertEqual(bad.error.split(separator: "\n").count, 1, bad.error)
        XCTAssertEqual(run(["groups", "reject", id]).status, 0)
        let after = try XCTUnwrap(try json(["groups", "suggest", "--json"]) as? [[String: Any]])
        XCTAssertFalse(after.contains { ($0["id"] as? String) == id })
        XCTAssertTrue(run(["groups", "list"]).output.contains(id))
        for format in ["md", "csv", "json", "html"] {
            let r = run(["export", "--all", "--format", format, "--lang", "nl"])
            XCTAssertEqual(r.status, 0, r.error)
            XCTAssertFalse(r.output.contains(id), format)
        }

        // A message's evidence: linked, it is shown with its count; unknown ids are refused.
        let entry = try XCTUnwrap(members.first { ($0["session"] as? String) == b }?["entry"] as? String)
        XCTAssertNotEqual(run(["messages", "link", "visie", "--insight", b + "/nope"]).status, 0)
        XCTAssertNotEqual(run(["messages", "link", "geen-boodschap", "--insight", b + "/" + entry]).status, 0)
        XCTAssertEqual(run(["messages", "link", "visie", "--insight", b + "/" + entry]).status, 0)
        let md = run(["export", "--all", "--format", "md", "--lang", "nl"]).output
        XCTAssertTrue(md.contains("1 inzicht uit 1 doelgroep"), md)
        XCTAssertFalse(md.lowercased().contains("getoetst"))
        let list = try XCTUnwrap(try json(["messages", "list", "--json"]) as? [[String: Any]])
        XCTAssertEqual(list.first { ($0["message"] as? String) == "visie" }?["linked"] as? Bool, true)
    }

    /// Workshops claiming one study must agree on its scenarios and directions: `validate`
    /// names both files in one line and fails; the shipped pair agrees.
    func testValidateChecksThatWorkshopsOfOneStudyAgree() throws {
        let tables = Binary.repo.appendingPathComponent("Workshops/publieke-dienstverlening-2035-tafels.json").path
        XCTAssertEqual(run(["validate", tables]).status, 0, run(["validate", tables]).error)
        var o = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: tables))) as? [String: Any])
        var scenarios = try XCTUnwrap(o["scenarios"] as? [[String: Any]])
        let first = scenarios[0]["position"]
        scenarios[0]["position"] = scenarios[1]["position"]
        scenarios[1]["position"] = first
        o["scenarios"] = scenarios
        o["id"] = "tafels-anders"
        let odd = store + "/tafels-anders.json"
        try JSONSerialization.data(withJSONObject: o).write(to: URL(fileURLWithPath: odd))
        let r = run(["validate", odd])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.error.split(separator: "\n").count, 1, r.error)
        XCTAssertTrue(r.error.contains(odd) && r.error.contains("publieke-dienstverlening-2035"), r.error)
        XCTAssertTrue(r.error.contains("sits elsewhere in the 2×2"), r.error)
    }
}
