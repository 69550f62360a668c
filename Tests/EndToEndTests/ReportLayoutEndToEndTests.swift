import Foundation
import TestSupport
import XCTest

/// The printed report through the binary: the answer on page 1, a contents list with page
/// numbers, PDF bookmarks, a short version a director forwards, names inside entries warned
/// of, and paper notes of a tables session keeping their table and their day.
final class ReportLayoutEndToEndTests: XCTestCase {
    var store = ""
    var dir = ""

    override func setUpWithError() throws {
        store = Binary.tempDir("layout-store")
        dir = Binary.tempDir("layout-out")
        _ = try SixSessionFixture.build(store: store, dir: dir, summary: true)
    }

    override func tearDown() {
        for d in [store, dir] { try? FileManager.default.removeItem(atPath: d) }
    }

    var env: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["PERSPECTIEF_STORE"] = store
        env["LANG"] = "nl_NL.UTF-8"
        return env
    }

    func pdf(_ extra: [String], name: String) throws -> (path: String, pages: [String]) {
        try SixSessionFixture.require("chromium")
        try SixSessionFixture.require("pdftotext")
        let path = dir + "/" + name
        let r = SixSessionFixture.export(store: store, ["--format", "pdf", "-o", path] + extra)
        XCTAssertEqual(r.status, 0, r.error)
        let text = Spawn.run(["/usr/bin/env", "pdftotext", "-layout", path, "-"])
        XCTAssertEqual(text.status, 0, text.error)
        var pages = text.output.components(separatedBy: "\u{0C}")
        if pages.last?.allSatisfy(\.isWhitespace) == true { pages.removeLast() }
        return (path, pages)
    }

    func testPageOneIsTheAnswerTheContentsHavePagesAndThePDFHasBookmarks() throws {
        let (path, pages) = try pdf([], name: "verslag.pdf")
        let first = pages[0].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(first.contains("Eenmalige uitvraag van gegevens is koersvast voor vier doelgroepen."), "the first key message on page 1:\n\(pages[0])")
        // The weight beside a key message comes from a finding the organiser accepted (this
        // fixture has none; CoreTests.ReportLayoutTests checks the weight line).
        XCTAssertTrue(first.contains("Sessies in dit verslag (6)"), "the sessions on page 1 too")
        // The contents: every line ends in the page its section starts on.
        let contents = try XCTUnwrap(pages.first { $0.contains("Inhoud") && $0.contains("Colofon") })
        let colophon = try XCTUnwrap(contents.split(separator: "\n").first { $0.contains("Colofon") })
        let number = try XCTUnwrap(Int(colophon.split(separator: " ").last ?? ""), "no page number: \(colophon)")
        XCTAssertEqual(number, pages.count, "the colophon is on the last page")
        XCTAssertTrue(pages[number - 1].contains("Colofon"))
        let werkwijze = try XCTUnwrap(contents.split(separator: "\n").first { $0.contains("Werkwijze en beperkingen") })
        let page = try XCTUnwrap(Int(werkwijze.split(separator: " ").last ?? ""))
        XCTAssertTrue(pages[page - 1].contains("Werkwijze en beperkingen"), "the number points at the section")
        // Bookmarks: the PDF's outline, as poppler reads it.
        try SixSessionFixture.require("pdftohtml")
        let xml = Spawn.run(["/usr/bin/env", "pdftohtml", "-xml", "-stdout", "-i", "-q", path])
        XCTAssertEqual(xml.status, 0, xml.error)
        let outline = try XCTUnwrap(xml.output.range(of: "<outline>"), "the PDF has no outline")
        XCTAssertTrue(xml.output[outline.lowerBound...].contains(">Colofon</item>"), "the sections are bookmarks")
    }

    func testTheShortVersionIsAtMostEightPages() throws {
        let (_, pages) = try pdf(["--short"], name: "kort.pdf")
        XCTAssertLessThanOrEqual(pages.count, 8, "\(pages.count) pages")
        let all = pages.joined(separator: "\n")
        for kept in ["Kernboodschappen", "Gedeelde bevindingen over de doelgroepen heen", "Ontwikkelrichtingen", "Werkwijze en beperkingen", "Colofon"] {
            XCTAssertTrue(all.contains(kept), kept)
        }
        XCTAssertFalse(all.contains("Bijlage"), "the annexes stay in the full report")
    }

    func testNoNamesWarnsOfANameInsideAnEntryAndDoesNotClaimNone() throws {
        let id = Spawn.run([Binary.perspectief, "new", "--perspective", "ouderen", "--facilitator", "Ingrid Jansen"], environment: env)
            .output.trimmingCharacters(in: .whitespacesAndNewlines)
        let file = dir + "/naam.csv"
        try SixSessionFixture.csv([["stap", "tekst", "auteur"], ["opening", "Vraag van Annelies aan de zaal: wie helpt Ingrid?", "Bartholomeus"]], to: file)
        XCTAssertEqual(Spawn.run([Binary.perspectief, "import", id, file], environment: env).status, 0)
        let r = SixSessionFixture.export(store: store, ["--format", "md", "--no-names"])
        XCTAssertEqual(r.status, 0, r.error)
        XCTAssertTrue(r.error.contains("\"Annelies\"") && r.error.contains("\"Ingrid\""), "each name is a warning on stderr: \(r.error)")
        XCTAssertFalse(r.output.contains("Dit verslag bevat geen namen"), "no claim while a name remains")
        XCTAssertTrue(r.output.contains("staat nog een naam in de tekst zelf"))
        let redacted = SixSessionFixture.export(store: store, ["--format", "md", "--no-names", "--redact-names"])
        XCTAssertEqual(redacted.status, 0, redacted.error)
        XCTAssertFalse(redacted.output.contains("Annelies") || redacted.output.contains("Ingrid"))
        XCTAssertTrue(redacted.output.contains("Vraag van \\[naam\\] aan de zaal"))
        let alone = SixSessionFixture.export(store: store, ["--format", "md", "--redact-names"])
        XCTAssertNotEqual(alone.status, 0)
        XCTAssertEqual(alone.error.split(separator: "\n").count, 1, alone.error)
    }

    func testPaperNotesOfATablesSessionKeepTheirTableAndTheirDay() throws {
        let new = Spawn.run([
            Binary.perspectief, "new", "--workshop", "publieke-dienstverlening-2035-tafels", "--perspective", "ouderen",
            "--date", "2026-11-20", "--room-kind", "professionals", "--title", "Tafels op papier",
        ], environment: env)
        XCTAssertEqual(new.status, 0, new.error)
        let id = new.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let file = dir + "/tafels.csv"
        try SixSessionFixture.csv([["stap", "tekst", "tafel"], ["tafels", "Het loket op de markt", "2"], ["tafels", "Bellen blijft kunnen", "4"]], to: file)
        let imported = Spawn.run([Binary.perspectief, "import", id, file], environment: env)
        XCTAssertEqual(imported.status, 0, imported.error)
        for format in ["md", "html"] {
            let r = Spawn.run([Binary.perspectief, "export", id, "--format", format, "--lang", "nl"], environment: env)
            XCTAssertEqual(r.status, 0, r.error)
            XCTAssertTrue(r.output.contains("tafel 2") && r.output.contains("tafel 4"), "\(format): each entry carries its table")
            XCTAssertTrue(r.output.contains("20 november 2026"), "\(format): the session's own day")
            XCTAssertTrue(r.output.contains("in één zaten ambtenaren en professionals"), "\(format): who sat in the room")
            XCTAssertTrue(r.output.contains("2 bijdragen zijn achteraf overgetypt"), "\(format): paper is said")
        }
        let bad = Spawn.run([Binary.perspectief, "new", "--perspective", "ouderen", "--date", "2026-02-30"], environment: env)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertEqual(bad.error.split(separator: "\n").count, 1, bad.error)
    }
}
