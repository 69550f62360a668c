import Foundation
import TestSupport
import XCTest

/// `perspectief review` in a real terminal and `perspectief export` through the binary.
final class ReviewAndExportTests: XCTestCase {
    var store = ""
    override func setUp() {
        store = Binary.tempDir("review")
        for (group, text) in [("ouderen", "Reëel risico op eenzaamheid"), ("ondernemers", "Eén loket voor vergunningen")] {
            let id = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", group]).output.trimmingCharacters(in: .whitespacesAndNewlines)
            Spawn.run([Binary.perspectief, "add", "--store", store, id, "--kind", "note", "--text", text])
        }
    }
    override func tearDown() { try? FileManager.default.removeItem(atPath: store) }

    func testSearchOpenAndExportInTheTerminal() throws {
        let out = Binary.tempDir("out")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let t = try Tmux(command: "cd \(out) && \(Binary.perspectief) review --store \(store) --lang nl", environment: [:])
        t.wait(for: "Terugblik")
        t.keys("/")
        t.type("reeel")
        t.keys("Enter")
        let found = t.wait(for: "Reëel risico op eenzaamheid")
        XCTAssertFalse(found.contains("Eén loket"), found)
        t.keys("Enter")
        t.wait(for: "Alleen lezen")
        t.keys("q")
        t.wait(for: "Terugblik")
        t.keys("Escape", "e", "m")
        t.wait(for: "Geschreven:")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".md") }
        XCTAssertEqual(files.count, 1)
        let report = try String(contentsOfFile: out + "/" + files[0], encoding: .utf8)
        XCTAssertTrue(report.contains("Ouderen") && report.contains("Ondernemers"), report)
        t.keys("q")
        XCTAssertTrue(t.waitForExit().hasPrefix("EXIT=0"))
    }

    /// The organiser writes the summary in review; the report then opens with it, no concept.
    func testTheSummaryWrittenInReviewOpensTheReport() throws {
        let t = try Tmux(command: "\(Binary.perspectief) review --store \(store) --lang nl", environment: [:])
        t.wait(for: "Terugblik")
        t.keys("S")
        t.wait(for: "Samenvatting voor het verslag (nog een concept)")
        t.type("Ouderen willen een loket.")
        t.keys("Enter", "Enter")
        // A leading space: tmux would read "-" as an option (the summary ignores the space).
        t.type(" - Houd het loket open")
        t.keys("C-o")
        t.wait(for: "Samenvatting bewaard: versie 1")
        t.keys("q")
        XCTAssertTrue(t.waitForExit().hasPrefix("EXIT=0"))
        let md = Spawn.run([Binary.perspectief, "export", "--store", store, "--all", "--format", "md", "--lang", "nl"]).output
        XCTAssertTrue(md.contains("## Kernboodschappen\n\n- Houd het loket open"), "the key messages on page 1: \(md)")
        XCTAssertTrue(md.contains("## Samenvatting\n\nOuderen willen een loket.\n"), md)
        XCTAssertFalse(md.contains("Concept"))
    }

    /// The second review comes from the cache; what was written in between must show anyway.
    func testReviewAgainAfterTheSessionWentOnShowsTheNewEntry() throws {
        let first = try Tmux(command: "\(Binary.perspectief) review --store \(store) --lang nl", environment: [:])
        first.wait(for: "Terugblik")
        first.wait(for: "every session read") { $0.contains("Businesses") && !$0.contains("sessies laden") }
        first.keys("q")
        XCTAssertTrue(first.waitForExit().hasPrefix("EXIT=0"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: store + "/.cache/review.bin"), "the cache is written")
        let id = try FileManager.default.contentsOfDirectory(atPath: store).first { $0.contains("ouderen") }!
        Spawn.run([Binary.perspectief, "add", "--store", store, id, "--kind", "note", "--text", "Digitale kloof groeit"])
        let second = try Tmux(command: "\(Binary.perspectief) review --store \(store) --lang nl", environment: [:])
        second.wait(for: "Terugblik")
        second.keys("/")
        second.type("kloof")
        second.keys("Enter")
        second.wait(for: "Digitale kloof groeit")
        // The session goes on in another terminal while review stays open: it comes in by itself.
        Spawn.run([Binary.perspectief, "add", "--store", store, id, "--kind", "note", "--text", "Kloof tussen stad en dorp"])
        second.wait(for: "Kloof tussen stad en dorp", timeout: 8)
        second.keys("q")
        XCTAssertTrue(second.waitForExit().hasPrefix("EXIT=0"))
    }

    func testExportWritesWholeFilesOnlyAndNeverOverwritesUnasked() throws {
        let out = Binary.tempDir("exp")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let csv = out + "/r.csv"
        XCTAssertEqual(Spawn.run([Binary.perspectief, "export", "--store", store, "--all", "--format", "csv", "-o", csv]).status, 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: csv))
        let again = Spawn.run([Binary.perspectief, "export", "--store", store, "--all", "--format", "json", "-o", csv])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.error.contains("already exists; use --force"), again.error)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: csv)), first, "untouched")
        XCTAssertEqual(Spawn.run([Binary.perspectief, "export", "--store", store, "--all", "--format", "json", "-o", csv, "--force"]).status, 0)
        let bad = Spawn.run([Binary.perspectief, "export", "--store", store, "--all", "-o", "/proc/nope/r.md"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertEqual(bad.error.split(separator: "\n").count, 1, bad.error)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: out).contains { $0.contains(".tmp-") })
    }

    func testDamagedSessionsAreNamedLeftOutAndUntouched() throws {
        let id = try FileManager.default.contentsOfDirectory(atPath: store).sorted()[0]
        let snapshot = store + "/" + id + "/session.json"
        let damaged = Data("{\"schema\": 1, \"events\": [}".utf8)
        try damaged.write(to: URL(fileURLWithPath: snapshot))
        let r = Spawn.run([Binary.perspectief, "export", "--store", store, "--all", "--format", "md"])
        XCTAssertEqual(r.status, 0, r.error)
        XCTAssertTrue(r.error.contains("session \(id) left out"), r.error)
        XCTAssertTrue(r.output.contains("# "), "the rest is exported")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: snapshot)), damaged)
        let list = Spawn.run([Binary.perspectief, "sessions", "--store", store])
        XCTAssertTrue(list.output.contains("READ-ONLY"), list.output)
    }
}
