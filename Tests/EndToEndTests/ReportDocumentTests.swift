import Foundation
import TestSupport
import XCTest

/// The report a director forwards, from six sessions through the binary: the organiser's
/// findings first, page numbers and contents, method, anonymity and colophon, figures that
/// render, a CSV that Dutch spreadsheets split, no names with `--no-names`, and imported rows
/// in file order.
final class ReportDocumentTests: XCTestCase {
    var store = ""
    var dir = ""

    override func setUpWithError() throws {
        store = Binary.tempDir("report-store")
        dir = Binary.tempDir("report-out")
        _ = try SixSessionFixture.build(store: store, dir: dir, summary: true)
    }

    override func tearDown() {
        for d in [store, dir] { try? FileManager.default.removeItem(atPath: d) }
    }

    func pdf(_ extra: [String] = [], name: String = "verslag.pdf") throws -> (path: String, pages: [String]) {
        try SixSessionFixture.require("chromium")
        try SixSessionFixture.require("pdftotext")
        let path = dir + "/" + name
        let r = SixSessionFixture.export(store: store, ["--format", "pdf", "-o", path] + extra)
        XCTAssertEqual(r.status, 0, r.error)
        let text = Spawn.run(["/usr/bin/env", "pdftotext", "-layout", path, "-"])
        XCTAssertEqual(text.status, 0, text.error)
        // pdftotext ends every page with a form feed.
        var pages = text.output.components(separatedBy: "\u{0C}")
        if pages.last?.allSatisfy(\.isWhitespace) == true { pages.removeLast() }
        return (path, pages)
    }

    func testThePDFOpensWithTheFindingsAndHasTheFormOfADocument() throws {
        let (_, pages) = try pdf()
        let all = pages.joined(separator: "\n")
        XCTAssertGreaterThan(pages.count, 5)
        // Findings first: the organiser's summary before any analysis section.
        let summary = try XCTUnwrap(all.range(of: "Zes sessies met samen honderd mensen"), "the organiser's summary is printed")
        for later in ["Gedeelde bevindingen over de doelgroepen heen", "Ontwikkelrichtingen", "Per wereld: wat alleen daar nodig is", "Werkwijze"] {
            let r = try XCTUnwrap(all.range(of: later, range: summary.upperBound..<all.endIndex), "\(later) after the summary")
            XCTAssertGreaterThan(r.lowerBound, summary.lowerBound)
        }
        XCTAssertTrue(all.contains("Kernboodschappen"))
        XCTAssertTrue(all.contains("hoofdboodschappen van de studie"), "the study's main messages")
        // Page numbers and the running header on every page.
        for (i, page) in pages.enumerated() {
            XCTAssertTrue(page.contains("pagina \(i + 1) van \(pages.count)"), "page \(i + 1) has no number:\n\(page.prefix(400))")
            XCTAssertTrue(page.contains("Verslag van de perspectiefsessies"), "page \(i + 1) has no running header")
            XCTAssertFalse(page.contains("CONCEPT"), "a report with a summary is no concept")
        }
        for section in ["Inhoud", "Werkwijze", "Anonimiteit", "Colofon", "Facilitatoren", "De vier werelden van 2035", "Genoemde trends"] {
            XCTAssertTrue(all.contains(section), "\(section) missing")
        }
        // The colophon names the tool; a packaged build adds its version and commit (make package).
        XCTAssertNotNil(all.range(of: #"Gemaakt\s+(met\s+)?Perspectief"#, options: .regularExpression), "the colophon's tool")
        XCTAssertTrue(all.contains("geen publicatie van de studie zelf"), "the title page says what this is")
        XCTAssertFalse(all.contains("Het perspectief omgedraaid\n"), "not the study's own title")
        XCTAssertTrue(all.range(of: #"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) 20\d\d"#, options: .regularExpression) != nil, "a date in words")
        XCTAssertTrue(all.contains("100 mensen in de zaal"), "six sessions with 100 people: \(pages[0])")
        // The four ways of saying "ask once" are proposed without a hand grouping; nobody judged
        // the proposal yet, so it is no finding: it waits in its annex, saying why.
        let annex = try XCTUnwrap(all.range(of: "Voorstellen, nog niet beoordeeld", options: .backwards), "the annex of proposals")
        XCTAssertTrue(all[annex.upperBound...].contains("gedeelde woorden"), "each proposal says why")
        XCTAssertTrue(all.contains("4 doelgroepen"), "four groups share the once-only insight")
        XCTAssertTrue(all.contains("Past bij geen richting"))
        XCTAssertTrue(all.contains("Mensen die langdurig en onbetaald zorgen"), "the custom group is described")
    }

    func testWithoutASummaryEveryPageSaysConcept() throws {
        try FileManager.default.removeItem(atPath: store + "/.summary")
        let (_, pages) = try pdf(name: "concept.pdf")
        for (i, page) in pages.enumerated() { XCTAssertTrue(page.contains("CONCEPT"), "page \(i + 1) is not marked concept") }
    }

    func testNoNamesLeavesEveryNameOut() throws {
        var outputs: [String: String] = [:]
        for format in ["md", "html", "csv", "json"] {
            let r = SixSessionFixture.export(store: store, ["--format", format, "--no-names"])
            XCTAssertEqual(r.status, 0, r.error)
            outputs[format] = r.output
        }
        let (_, pages) = try pdf(["--no-names"], name: "zonder-namen.pdf")
        outputs["pdf"] = pages.joined(separator: "\n")
        for (format, text) in outputs {
            for name in SixSessionFixture.names {
                for part in name.split(separator: " ") where part.count > 3 {
                    XCTAssertFalse(text.contains(part), "\(part) in the \(format) export without names")
                }
            }
        }
        // And with names, they are there: the check above can fail for the right reason.
        let named = SixSessionFixture.export(store: store, ["--format", "md"]).output
        XCTAssertTrue(named.contains("Annelies") && named.contains("Hanneke Vos") && named.contains("Gerdientje Organisator"))
    }

    func testTheFiguresAreSVGInTheHTMLAndDrawnInThePDF() throws {
        let html = SixSessionFixture.export(store: store, ["--format", "html"]).output
        for figure in ["<svg class=\"quadrant\"", "<svg class=\"heatmap\"", "<svg class=\"bars\""] {
            XCTAssertTrue(html.contains(figure), "\(figure) missing")
        }
        XCTAssertFalse(html.contains("<script"))
        let (path, pages) = try pdf()
        try SixSessionFixture.require("pdftoppm")
        // The page with the overviews, as grey pixels: the figures put ink on it.
        let page = try XCTUnwrap(pages.firstIndex { $0.contains("Overzichten") && $0.contains("Financiële middelen") }, "the 2×2 page") + 1
        let base = dir + "/figuur"
        let r = Spawn.run(["/usr/bin/env", "pdftoppm", "-gray", "-r", "40", "-f", String(page), "-l", String(page), path, base])
        XCTAssertEqual(r.status, 0, r.error)
        let file = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.hasPrefix("figuur") && $0.hasSuffix(".pgm") })
        let ink = try Self.inkShare(pgm: Data(contentsOf: URL(fileURLWithPath: dir + "/" + file)))
        XCTAssertGreaterThan(ink, 0.03, "the figure page is blank")
    }

    /// A Chromium screenshot of the HTML report, with the figures in view: not blank.
    func testAChromiumScreenshotOfTheReportIsNotBlank() throws {
        try SixSessionFixture.require("chromium")
        let html = SixSessionFixture.export(store: store, ["--format", "html"]).output
        let file = dir + "/verslag.html"
        try html.write(toFile: file, atomically: true, encoding: .utf8)
        let browser = try Chromium(width: 1000, height: 1400)
        try browser.open(URL(fileURLWithPath: file).absoluteString)
        try browser.wait("document.querySelectorAll('svg rect').length > 10")
        let height = try XCTUnwrap(browser.eval("document.querySelector('svg.quadrant').getBoundingClientRect().height") as? Double)
        XCTAssertGreaterThan(height, 100, "the 2×2 is drawn at a readable size")
        _ = try browser.eval("document.querySelector('svg.quadrant').scrollIntoView()")
        let shot = dir + "/scherm.png"
        try browser.screenshot(to: shot)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int)
        XCTAssertGreaterThan(size, 20_000, "a blank page compresses to a few kilobytes")
    }

    func testTheCSVSplitsIntoColumnsForADutchSpreadsheetAndReadsBack() throws {
        let file = dir + "/verslag.csv"
        XCTAssertEqual(SixSessionFixture.export(store: store, ["--format", "csv", "-o", file]).status, 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        XCTAssertTrue(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "a byte-order mark: Excel then reads UTF-8")
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix("sessie;sessie-id;"), String(csv.prefix(80)))
        let script = """
            import csv, io, json, sys
            text = sys.stdin.buffer.read().decode('utf-8-sig')
            rows = list(csv.reader(io.StringIO(text, newline=''), delimiter=';', strict=True))
            print(json.dumps(rows))
            """
        let out = Spawn.run(["python3", "-c", script], stdin: csv)
        XCTAssertEqual(out.status, 0, out.error)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.output.utf8)) as? [[String]])
        let header = rows[0]
        XCTAssertEqual(header.count, 23)
        for column in ["datum", "plaats", "facilitator", "top 3", "groep"] { XCTAssertTrue(header.contains(column), column) }
        XCTAssertTrue(rows.dropFirst().allSatisfy { $0.count == header.count }, "every row splits into the same columns")
        XCTAssertEqual(rows.count - 1, (0..<6).reduce(0) { $0 + SixSessionFixture.rows(group: $1).count - 1 }, "every imported row")
        let place = header.firstIndex(of: "plaats")!
        XCTAssertEqual(Set(rows.dropFirst().map { $0[place] }), ["Eindhoven", "Amersfoort", "Zwolle", "Groningen", "Rotterdam", "Utrecht"])
        // `import` reads the file back: every row into a new session, with its marks and dots.
        var env = ProcessInfo.processInfo.environment
        env["PERSPECTIEF_STORE"] = store
        env["LANG"] = "C.UTF-8"
        let id = Spawn.run([Binary.perspectief, "new", "--perspective", "ouderen"], environment: env).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let back = Spawn.run([Binary.perspectief, "import", id, file], environment: env)
        XCTAssertEqual(back.status, 0, back.error)
        XCTAssertTrue(back.output.contains("added \(rows.count - 1) entries"), back.output)
        // The comma version on request.
        let comma = SixSessionFixture.export(store: store, ["--format", "csv", "--separator", ","]).output
        XCTAssertTrue(comma.contains("sessie,sessie-id,"))
        let bad = SixSessionFixture.export(store: store, ["--format", "csv", "--separator", "|"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertEqual(bad.error.split(separator: "\n").count, 1, bad.error)
    }

    /// LibreOffice with Dutch settings (locale nl-NL, `;` between cells, UTF-8) reads the CSV
    /// as separate columns with every text intact, as Dutch Excel does on a double-click.
    func testLibreOfficeWithDutchSettingsReadsSeparateColumns() throws {
        try SixSessionFixture.require("soffice")
        let file = dir + "/verslag.csv"
        XCTAssertEqual(SixSessionFixture.export(store: store, ["--format", "csv", "-o", file]).status, 0)
        let out = dir + "/lo"
        let r = Spawn.run([
            "/usr/bin/env", "soffice", "-env:UserInstallation=file://\(dir)/lo-profile", "--headless",
            "--infilter=CSV:59,34,76,1,,1043", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", out, file,
        ])
        XCTAssertEqual(r.status, 0, r.error)
        let script = """
            import csv, json, sys
            print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))
            """
        let read = Spawn.run(["python3", "-c", script, out + "/verslag.csv"])
        XCTAssertEqual(read.status, 0, read.error)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(read.output.utf8)) as? [[String]])
        XCTAssertEqual(rows.first?.count, 23, "\(rows.first ?? [])")
        XCTAssertTrue(rows.allSatisfy { $0.count == 23 }, "every row in 23 columns")
        XCTAssertTrue(rows.contains { $0.contains("Gegevens één keer uitvragen, niet bij elk loket opnieuw") }, "accents intact")
        XCTAssertTrue(rows.contains { $0.contains("Het zuinige loket; Digitaal, tenzij; De warme overheid; De slimme samenleving") },
                      "a cell with ; and , stays one cell")
    }

    func testImportedRowsComeOutInFileOrder() throws {
        let md = SixSessionFixture.export(store: store, ["--format", "md"]).output
        // Twenty implications in one batch: "-10" must not come before "-2".
        var last = md.startIndex
        for r in 1...4 {
            for k in 1...5 {
                let text = "Implicatie 0-\(r)-\(k) voor deze wereld"
                let found = try XCTUnwrap(md.range(of: text, range: last..<md.endIndex), "\(text) out of order")
                last = found.upperBound
            }
        }
        // Notes grouped by step: the opening's before the close's, under their step.
        let opening = try XCTUnwrap(md.range(of: "#### Opening"))
        let close = try XCTUnwrap(md.range(of: "#### Hoe verder", range: opening.upperBound..<md.endIndex))
        XCTAssertNotNil(md.range(of: "Opening notitie 0-2", range: opening.upperBound..<close.lowerBound))
        // And the JSON lists entries in the same order.
        let json = SixSessionFixture.export(store: store, ["--format", "json"]).output
        let value = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let first = try XCTUnwrap((value["sessions"] as? [[String: Any]])?.first?["entries"] as? [[String: Any]])
        let texts = first.compactMap { $0["text"] as? String }.filter { $0.hasPrefix("Implicatie") }
        XCTAssertEqual(texts, (1...4).flatMap { r in (1...5).map { "Implicatie 0-\(r)-\($0) voor deze wereld" } })
    }

    /// The share of pixels darker than near-white in a binary PGM (P5) image.
    static func inkShare(pgm: Data) throws -> Double {
        let bytes = [UInt8](pgm)
        var fields: [String] = []
        var i = 0
        var current = ""
        while fields.count < 4, i < bytes.count {
            let c = bytes[i]
            i += 1
            if c == 0x23 { while i < bytes.count, bytes[i] != 0x0A { i += 1 }; continue }
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                if !current.isEmpty { fields.append(current); current = "" }
            } else {
                current.append(Character(UnicodeScalar(c)))
            }
        }
        guard fields.count == 4, fields[0] == "P5", let w = Int(fields[1]), let h = Int(fields[2]) else {
            throw SixSessionFixture.Failure(description: "not a PGM: \(fields)")
        }
        let pixels = bytes[i..<min(bytes.count, i + w * h)]
        let dark = pixels.filter { $0 < 200 }.count
        return Double(dark) / Double(max(1, pixels.count))
    }
}
