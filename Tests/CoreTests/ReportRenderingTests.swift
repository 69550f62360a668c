import Core
import Foundation
import XCTest

/// The HTML report as a real browser shows it: headless Chromium (installed by
/// `make setup`) renders it to a PNG and to its DOM, and prints it to PDF for `pdftotext`.
/// A missing tool fails the test with a clear message; it never skips.
final class ReportRenderingTests: XCTestCase {
    var dir = ""

    override func setUp() {
        dir = NSTemporaryDirectory() + "/perspectief-render-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func write(_ html: String, _ name: String) -> String {
        let path = dir + "/" + name
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(html.utf8)))
        return URL(fileURLWithPath: path).absoluteString
    }

    func testTheReportRendersToAScreenshotThatIsNotBlank() throws {
        let report = write(HTMLExport.render(ExportFixture.report(.nl)), "report.html")
        let blank = write("<!DOCTYPE html><html><body></body></html>", "blank.html")
        let shots = try [report, blank].enumerated().map { i, url -> Data in
            let png = dir + "/shot\(i).png"
            _ = try Tool.run(Chromium.args + ["--window-size=1200,1600", "--screenshot=\(png)", url])
            return try XCTUnwrap(FileManager.default.contents(atPath: png), "Chromium wrote no screenshot")
        }
        for shot in shots {
            XCTAssertEqual(Array(shot.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
            // IHDR: width and height, big-endian, at bytes 16…23.
            let width = shot[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let height = shot[20..<24].reduce(0) { $0 << 8 | Int($1) }
            XCTAssertEqual([width, height], [1200, 1600])
        }
        // A white page compresses to almost nothing; text and tables do not.
        XCTAssertGreaterThan(shots[0].count, shots[1].count * 10, "the report's screenshot is not blank")
    }

    func testTheBrowserBuildsTheGridTables() throws {
        let url = write(HTMLExport.render(ExportFixture.report(.en)), "report.html")
        let dom = try Tool.run(Chromium.args + ["--dump-dom", url])
        XCTAssertEqual(dom.components(separatedBy: "<table class=\"grid\">").count - 1, 3, "one insight × scenario grid per target group")
        XCTAssertEqual(dom.components(separatedBy: "<td class=\"mark\">■</td>").count - 1, 22, "■ where each insight holds")
        XCTAssertEqual(dom.components(separatedBy: "<tr class=\"koersvast\">").count - 1, 5, "the five no-regret rows marked")
        XCTAssertTrue(dom.contains("<span class=\"scenario\">Frugal and digital</span> <span class=\"scenario\">Ample and smart</span>"))
        XCTAssertFalse(dom.contains("<script>"), "typed markup stays text in the browser too")
    }

    func testThePrintedReportHoldsEverySection() throws {
        let url = write(HTMLExport.render(ExportFixture.report(.nl)), "report.html")
        let pdf = dir + "/report.pdf"
        _ = try Tool.run(Chromium.args + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", url])
        let text = try Tool.run(["pdftotext", "-layout", pdf, "-"])
        XCTAssertTrue(text.contains("CENTRALE VRAAG") && text.contains("Sessies in dit verslag (4)"))
        // After the contents (which end with the colophon), every section in order.
        var from = try XCTUnwrap(text.range(of: "Inhoud")).upperBound
        from = try XCTUnwrap(text.range(of: "Colofon", range: from..<text.endIndex)).upperBound
        for section in [
            "Samenvatting", "hoofdboodschap van de studie", "Gedeelde bevindingen over de doelgroepen heen", "Ontwikkelrichtingen",
            "Per wereld: wat alleen daar nodig is", "Stemmen: wat woog het zwaarst", "Overzichten", "Matrix: implicaties per scenario",
            "Inzichten × scenario's", "Werkwijze", "Anonimiteit", "Achtergrond", "Bijlage: alle implicaties per scenario",
            "Bijlage: inzichten per doelgroep", "Bijlage: overige bijdragen", "Colofon",
        ] {
            let found = try XCTUnwrap(text.range(of: section, range: from..<text.endIndex), "\(section) missing or out of order")
            from = found.upperBound
        }
        XCTAssertTrue(text.contains("De scenarionamen zijn werktitels van deze test."))
        XCTAssertTrue(text.contains("Volgende keer, met wijkteams erbij"), "a close note is printed")
        let pages = try Tool.run(["pdfinfo", pdf])
        XCTAssertTrue(pages.contains("(A4)"), "printed on A4: \(pages)")
    }
}

enum Chromium {
    /// Headless, no profile of the user's, no network; as root only without its sandbox.
    static var args: [String] {
        var a = ["chromium", "--headless", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                 "--disable-background-networking", "--user-data-dir=" + NSTemporaryDirectory() + "/perspectief-chromium-\(getpid())"]
        if geteuid() == 0 { a.append("--no-sandbox") }
        return a
    }
}

/// Runs a tool to completion and returns what it printed; fails clearly when it is missing.
enum Tool {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func run(_ argv: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = argv
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { throw Failure(description: "\(argv[0]) could not be started: \(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure(description: "\(argv[0]) exited \(p.terminationStatus) (is it installed? `make setup` installs chromium and poppler-utils)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
