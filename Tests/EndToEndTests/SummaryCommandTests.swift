import Foundation
import TestSupport
import XCTest

/// `perspectief summary` and `new --people`: bad input gets one line and a non-zero exit,
/// and nothing is saved; good input is a new version the export prints.
final class SummaryCommandTests: XCTestCase {
    var store = ""

    override func setUp() { store = Binary.tempDir("summary") }
    override func tearDown() { try? FileManager.default.removeItem(atPath: store) }

    @discardableResult
    func run(_ args: [String], stdin: String? = nil) -> Spawn.Result {
        var env = ProcessInfo.processInfo.environment
        env["PERSPECTIEF_STORE"] = store
        env["LANG"] = "C.UTF-8"
        return Spawn.run([Binary.perspectief] + args, environment: env, stdin: stdin)
    }

    func testBadInputIsOneLineAndSavesNothing() {
        for args in [["summary", "set", "--file", store + "/nope.txt"], ["summary", "set", "--file", "-"],
                     ["new", "--perspective", "ouderen", "--people", "-1"], ["new", "--perspective", "ouderen", "--people", "many"]] {
            let r = run(args, stdin: "   \n")
            XCTAssertNotEqual(r.status, 0, "\(args)")
            XCTAssertEqual(r.error.split(separator: "\n").count, 1, "\(args): \(r.error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: store + "/.summary"))
        XCTAssertTrue(run(["sessions"]).output.allSatisfy { $0 != "\u{1B}" })
        XCTAssertTrue(run(["summary", "show"]).output.contains("no summary yet: the report is a draft"))
    }

    func testASummaryFromStandardInputIsPrintedFirstAndVersioned() {
        let id = run(["new", "--perspective", "ouderen", "--people", "23", "--facilitator", "Anna"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(run(["export", "--all", "--format", "md", "--lang", "nl"]).output.contains("Concept"))
        let first = run(["summary", "set", "--file", "-", "--organiser", "Gerda"], stdin: "Wat we vonden.\n\n- Eén loket\n")
        XCTAssertEqual(first.status, 0, first.error)
        XCTAssertTrue(first.output.contains("summary saved: version 1, 1 key messages"), first.output)
        XCTAssertTrue(run(["summary", "set", "--file", "-"], stdin: "Wat we nu vinden.\n").output.contains("version 2"))
        let md = run(["export", id, "--format", "md", "--lang", "nl"]).output
        XCTAssertTrue(md.contains("## Samenvatting\n\nWat we nu vinden."), md)
        XCTAssertFalse(md.contains("Concept"))
        XCTAssertTrue(md.contains("| 23 | 0 |"), "the people in the room on the front page")
        XCTAssertTrue(run(["summary", "show"]).output.hasPrefix("version 2\nWat we nu vinden."))
        let json = run(["show", id, "--json"])
        XCTAssertEqual(json.status, 0)
    }
}
