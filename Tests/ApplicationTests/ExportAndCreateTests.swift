import Application
import Core
import Foundation
import Store
import XCTest

/// The export service and the create use case, against a real temporary store: the paths
/// `perspectief export`, review's `e`, `new` and the wizard all go through.
final class ExportAndCreateTests: XCTestCase {
    var dir = ""
    var store: SessionStore!
    let workshop = SessionBuilder.workshop()

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pf-app-" + String(UUID().uuidString.prefix(8)).lowercased()
        store = try SessionStore(root: dir + "/store", create: true)
    }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// Stands in for Chromium: records the HTML it was given.
    final class FakePDF: PDFPrinting, @unchecked Sendable {
        var available = true
        var printed: [String] = []
        func print(html: String) throws(Exporting.Failure) -> [UInt8] {
            printed.append(html)
            return Array("%PDF-1.7 fake".utf8)
        }
    }

    func make(_ title: String? = nil, votes: Int = 3, perspective: PerspectiveRef = .workshop("ouderen")) throws -> SessionHandle {
        try Creating.create(
            NewSession(workshopId: workshop.id, perspective: perspective, title: title, voteBudget: votes), in: store, workshops: [workshop],
            now: SessionBuilder.start) { _ in "Ouderen — 2026-12-04" }.0
    }

    func testCreatingCleansTextAndRefusesWhatIsOutOfRange() throws {
        let h = try make("  Ouderen\u{1B}[31m in Zwolle \u{202E} ")
        XCTAssertEqual(h.state.setup.title, "Ouderen in Zwolle", "the text policy applied once, in the engine")
        XCTAssertTrue(h.id.contains("ouderen"), h.id)
        XCTAssertEqual(try make().state.setup.title, "Ouderen — 2026-12-04")
        XCTAssertThrowsError(try make(votes: 100)) { XCTAssertEqual(($0 as? Creating.Refused)?.field, "votes") }
        XCTAssertThrowsError(try make(perspective: .custom("  \u{200B} "))) { XCTAssertEqual(($0 as? Creating.Refused)?.field, "perspective") }
        XCTAssertThrowsError(try make(String(repeating: "x", count: 201))) { XCTAssertEqual(($0 as? Creating.Refused)?.field, "title") }
        XCTAssertEqual(store.sessionIDs().count, 2, "nothing is made for a refused request")
    }

    func testEveryFormatGoesThroughOneServiceWithTheSameReasons() throws {
        let h = try make("Ouderen in 2035")
        let pdf = FakePDF()
        for format in Exporting.Format.allCases where format != .pdf {
            let out = try Exporting.export(.init(ids: [h.id], format: format, language: .nl), store: store, workshops: [workshop], pdf: pdf)
            XCTAssertTrue(format == .csv ? !(out.text ?? "").isEmpty : out.text?.contains("Ouderen in 2035") ?? false, format.rawValue)
        }
        let file = dir + "/r.pdf"
        _ = try Exporting.export(.init(ids: [h.id], format: .pdf, language: .nl, output: file), store: store, workshops: [workshop], pdf: pdf)
        XCTAssertEqual(pdf.printed.count, 1)
        XCTAssertTrue(pdf.printed[0].contains("<html"), "the PDF is the HTML report printed")
        XCTAssertEqual(FileManager.default.contents(atPath: file).map { Array($0.prefix(5)) }, Array("%PDF-".utf8))

        func reason(_ r: Exporting.Request, pdf: FakePDF = pdf) -> String? {
            do { _ = try Exporting.export(r, store: store, workshops: [workshop], pdf: pdf); return nil } catch { return error.reason.en }
        }
        XCTAssertEqual(reason(.init(ids: [h.id], format: .pdf, language: .en, output: file)), "\(file) already exists; use --force to replace it")
        XCTAssertEqual(reason(.init(ids: [h.id], format: .pdf, language: .en)), Exporting.Failure.pdfNeedsFile.reason.en)
        let none = FakePDF()
        none.available = false
        XCTAssertEqual(reason(.init(ids: [h.id], format: .pdf, language: .en, output: dir + "/x.pdf"), pdf: none), Exporting.Failure.pdfMissing.reason.en)
        XCTAssertEqual(reason(.init(ids: ["20990101-0000-nobody-zz"], format: .md, language: .en))?.hasPrefix("no session"), true)
        XCTAssertEqual(reason(.init(ids: nil, workshop: "other", format: .md, language: .en)), "no sessions to export")
        XCTAssertThrowsError(try Exporting.format("docx")) { XCTAssertTrue(($0 as! Exporting.Failure).reason.en.contains("unknown format")) }
    }

    func testADamagedSessionIsLeftOutAndNamedNotHidden() throws {
        let good = try make("Goed")
        let bad = try make("Kapot")
        let snapshot = store.root + "/" + bad.id + "/session.json"
        try Data("{ damaged".utf8).write(to: URL(fileURLWithPath: snapshot))
        let out = try Exporting.export(.init(ids: nil, format: .md, language: .en), store: store, workshops: [workshop], pdf: FakePDF())
        XCTAssertTrue(out.text?.contains("Goed") ?? false)
        XCTAssertEqual(out.warnings.count, 1)
        XCTAssertTrue(out.warnings[0].en.contains(bad.id), out.warnings[0].en)
        _ = good
    }
}
