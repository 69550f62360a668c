import Foundation
import TestSupport
import XCTest

/// `perspectief export --format pdf` through the binary: Chromium prints the HTML report,
/// `pdftotext` reads it back; without Chromium, one line and a non-zero exit.
final class PDFExportTests: XCTestCase {
    var store = ""
    var out = ""

    override func setUp() {
        store = Binary.tempDir("pdf-store")
        out = Binary.tempDir("pdf-out")
        let id = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", "ouderen"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        Spawn.run([Binary.perspectief, "add", "--store", store, id, "--kind", "note", "--text", "Reëel risico op eenzaamheid"])
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: store)
        try? FileManager.default.removeItem(atPath: out)
    }

    func testThePDFHoldsTheReportAndOnlyItsOwnerMayReadIt() throws {
        let pdf = out + "/verslag.pdf"
        let r = Spawn.run([Binary.perspectief, "export", "--store", store, "--all", "--format", "pdf", "--lang", "nl", "-o", pdf])
        XCTAssertEqual(r.status, 0, r.error)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: pdf)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o077, 0, "owner only, was \(String(mode, radix: 8))")
        let text = Spawn.run(["/usr/bin/env", "pdftotext", pdf, "-"])
        XCTAssertEqual(text.status, 0, "pdftotext (poppler-utils, installed by make setup): \(text.error)")
        for section in ["CENTRALE VRAAG", "Samenvatting", "Matrix: implicaties per scenario", "Per wereld", "Ontwikkelrichtingen", "Bijlage: overige bijdragen", "Colofon"] {
            XCTAssertTrue(text.output.contains(section), "\(section) missing from the PDF")
        }
        XCTAssertTrue(text.output.contains("Reëel risico op eenzaamheid"), "typed text, accents intact")
        XCTAssertTrue(text.output.contains("werktitels"), "the working-title note is printed")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: out).contains { $0.contains(".tmp-") })

        let again = Spawn.run([Binary.perspectief, "export", "--store", store, "--all", "--format", "pdf", "-o", pdf])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.error.contains("already exists; use --force"), again.error)
    }

    func testWithoutChromiumOneLineAndNoFile() {
        var env = ProcessInfo.processInfo.environment
        env["PERSPECTIEF_CHROMIUM"] = out + "/no-such-chromium"
        let pdf = out + "/verslag.pdf"
        let r = Spawn.run([Binary.perspectief, "export", "--store", store, "--all", "--format", "pdf", "-o", pdf], environment: env)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(r.error.split(separator: "\n").count, 1, r.error)
        XCTAssertTrue(r.error.contains("Chromium"), r.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: pdf))
    }

    func testAPDFNeedsAFileToGoTo() {
        let r = Spawn.run([Binary.perspectief, "export", "--store", store, "--all", "--format", "pdf"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.error.contains("--output"), r.error)
        XCTAssertTrue(r.output.isEmpty, "no binary on standard output")
    }
}
