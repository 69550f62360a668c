import Foundation
import TestSupport
import XCTest

/// `perspectief import`: spreadsheet rows in as entries — all of them in one batch, or none
/// with every bad row named by its line — and back out through the CSV export unchanged.
final class ImportTests: XCTestCase {
    var store = ""
    var dir = ""
    var session = ""

    override func setUp() {
        store = Binary.tempDir("import")
        dir = Binary.tempDir("import-files")
        session = run("new", "--perspective", "ouderen", "--facilitator", "Anna").output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    override func tearDown() {
        for d in [store, dir] { try? FileManager.default.removeItem(atPath: d) }
    }

    @discardableResult
    func run(_ args: String...) -> Spawn.Result {
        var env = ProcessInfo.processInfo.environment
        env["PERSPECTIEF_STORE"] = store
        env["LANG"] = "C.UTF-8"
        return Spawn.run([Binary.perspectief] + args, environment: env)
    }

    /// Writes rows with Python's csv module, the way a spreadsheet program writes them.
    func pythonCSV(_ name: String, _ rows: [[String]], delimiter: String, bom: Bool) throws -> String {
        let path = dir + "/" + name
        let script = """
            import csv, json, sys
            rows = json.load(sys.stdin)
            with open(sys.argv[1], "w", newline="", encoding="utf-8-sig" if sys.argv[3] == "1" else "utf-8") as f:
                csv.writer(f, delimiter=sys.argv[2]).writerows(rows)
            """
        let input = String(decoding: try JSONSerialization.data(withJSONObject: rows), as: UTF8.self)
        let r = Spawn.run(["python3", "-c", script, path, delimiter, bom ? "1" : "0"], stdin: input)
        XCTAssertEqual(r.status, 0, r.error)
        return path
    }

    func entries(_ id: String) throws -> [[String: Any]] {
        let shown = run("show", id, "--json")
        return (try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as! [String: Any])["entries"] as! [[String: Any]]
    }

    func tree() -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: store)
        while let name = e?.nextObject() as? String { out[name] = FileManager.default.contents(atPath: store + "/" + name) ?? Data() }
        return out
    }

    func testDutchSemicolonWithBOMAndEnglishCommaWithout() throws {
        let nl = try pythonCSV("nl.csv", [
            ["tekst", "soort", "stap", "scenario", "auteur"],
            ["Eén loket; dichtbij\nen \"menselijk\"", "implicatie", "ronde-1", "", "Ayşe"],
            ["Wachten", "inzicht", "Inzichten", "", ""],
        ], delimiter: ";", bom: true)
        let r = run("import", session, nl)
        XCTAssertEqual(r.status, 0, r.error)
        XCTAssertEqual(r.output, "added 2 entries to \(session)\n")
        let en = try pythonCSV("en.csv", [
            ["Text", "Kind", "Scenario", "Author"],
            ["Paper, typed in", "note", "", "Piet"],
        ], delimiter: ",", bom: false)
        XCTAssertEqual(run("import", session, en).status, 0)
        let e = try entries(session)
        XCTAssertEqual(e.map { $0["text"] as? String }, ["Eén loket; dichtbij\nen \"menselijk\"", "Wachten", "Paper, typed in"])
        XCTAssertEqual(e.map { $0["kind"] as? String }, ["implication", "insight", "note"])
        XCTAssertEqual(e.map { $0["step"] as? String }, ["ronde-1", "inzichten", "opening"], "no step: the current one")
        XCTAssertEqual(e[0]["scenario"] as? String, "zuinig-loket", "no scenario: the round's")
        XCTAssertEqual(e.map { $0["author"] as? String }, ["Ayşe", nil, "Piet"])
        // One durable batch per import: one journal each, one line per row.
        let journals = tree().filter { $0.key.contains("journal-") }
        XCTAssertEqual(journals.values.map { $0.split(separator: 0x0A).count }.sorted(), [1, 2])
    }

    func testDryRunShowsTheRowsAndSavesNothing() throws {
        let path = try pythonCSV("d.csv", [["text", "kind"], ["Eerste", "note"], ["=1+1", "note"]], delimiter: ",", bom: false)
        let before = tree()
        let r = run("import", session, path, "--dry-run")
        XCTAssertEqual(r.status, 0, r.error)
        XCTAssertTrue(r.output.contains("line 2\tnote\topening\t-\t-\tEerste"), r.output)
        XCTAssertTrue(r.output.contains("line 3\tnote\topening\t-\t-\t=1+1"), r.output)
        XCTAssertTrue(r.output.contains("would add 2 entries"), r.output)
        XCTAssertEqual(tree(), before)
    }

    func testBadInputNamesTheLineAndAddsNothing() throws {
        let tooMany = "text\n" + String(repeating: "regel\n", count: 20_001)
        let cases: [(String, [UInt8], String)] = [
            ("columns", Array("text,kind,kleur\na,note,rood\n".utf8), "line 1: unknown column \"kleur\""),
            ("notext", Array("kind\nnote\n".utf8), "line 1: no \"text\""),
            ("step", Array("text,step\na,\nb,ronde-9\n".utf8), "line 3: unknown step \"ronde-9\""),
            ("scenario", Array("text;scenario\na;mars\n".utf8), "line 2: unknown scenario \"mars\""),
            ("kind", Array("text,kind\n\"twee\nregels\",note\nb,droom\n".utf8), "line 4: unknown kind \"droom\""),
            ("empty-text", Array("text,kind\n ,note\n".utf8), "line 2: the text is empty"),
            ("unclosed", Array("text,kind\na,note\n\"b,note\nc,note\n".utf8), "line 3: a quote (\") opens a cell that is never closed"),
            ("utf16-no-bom", Array("t\0e\0x\0t\0\n\0a\0\n\0".utf8), "not UTF-8: it looks like UTF-16"),
            ("nul", Array("text\nab\nc\0d\n".utf8), "line 3: a NUL byte"),
            ("latin1", Array("text\nr".utf8) + [0xE9, 0x65, 0x6C, 0x0A], "line 2: not UTF-8 text"),
            ("utf16", [0xFF, 0xFE] + Array("t\0e\0".utf8), "is UTF-16 text"),
            ("too-many", Array(tooMany.utf8), "more than 20000 rows"),
            ("blank", Array("\n\n".utf8), "is empty"),
        ]
        let before = tree()
        for (name, bytes, reason) in cases {
            let path = dir + "/\(name).csv"
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            let r = run("import", session, path)
            XCTAssertNotEqual(r.status, 0, name)
            XCTAssertTrue(r.error.contains(reason), "\(name): \"\(reason)\" in: \(r.error)")
            XCTAssertEqual(tree(), before, "\(name): nothing added")
        }
        // Every bad row is named, not only the first.
        let path = dir + "/many.csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data("text,step\nx,nergens\ngoed,\ny,ook-niet\n".utf8))
        let r = run("import", session, path)
        XCTAssertTrue(r.error.contains("line 2: unknown step") && r.error.contains("line 4: unknown step"), r.error)
        XCTAssertTrue(r.error.contains("2 problems; nothing was added"), r.error)
        XCTAssertEqual(tree(), before)
    }

    /// Python writes the rows, the CSV export writes them back out, Python reads that, and
    /// importing the export into a fresh session gives the same entries again.
    func testRoundTripThroughTheCSVExportAndPythonsCSVModule() throws {
        let texts = ["Reëel, \"dichtbij\"; één loket", "Twee\nregels", "=SUM(A1)", "@gebruiker", "-1 stap", "+ meer"]
        let path = try pythonCSV("r.csv", [["text", "kind", "author"]] + texts.map { [$0, "note", "Ayşe"] }, delimiter: ";", bom: true)
        XCTAssertEqual(run("import", session, path).status, 0)
        let export = dir + "/export.csv"
        XCTAssertEqual(run("export", session, "--format", "csv", "-o", export).status, 0)
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
                rows = list(csv.reader(f))
            i = rows[0].index("text")
            print(json.dumps([r[i] for r in rows[1:]]))
            """
        let read = Spawn.run(["python3", "-c", script, export])
        XCTAssertEqual(read.status, 0, read.error)
        let exported = try JSONSerialization.jsonObject(with: Data(read.output.utf8)) as! [String]
        XCTAssertEqual(exported, texts.map { "=+-@".contains($0.first!) ? "'" + $0 : $0 }, "formulas neutralised on the way out")
        let again = run("new", "--perspective", "ouderen", "--facilitator", "Anna").output.trimmingCharacters(in: .whitespacesAndNewlines)
        let back = run("import", again, export)
        XCTAssertEqual(back.status, 0, back.error)
        let keys = ["text", "kind", "step", "scenario", "author"]
        let strip = { (e: [[String: Any]]) in e.map { entry in keys.map { "\(entry[$0] ?? "")" } } }
        XCTAssertEqual(strip(try entries(again)), strip(try entries(session)))
        XCTAssertEqual(try entries(again).map { $0["text"] as? String }, texts, "stored as typed")
    }
}
