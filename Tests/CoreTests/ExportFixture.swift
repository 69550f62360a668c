import Core
import Foundation
import XCTest

/// The report all export tests render, and the golden-file comparison.
enum ExportFixture {
    static func report(_ language: Language) -> Report {
        Report(
            sessions: SynthesisFixtureSet.all().filter { $0.workshop.id == "mini" }.map(\.input),
            groups: SynthesisFixtureSet.groups, language: language)
    }

    /// Names that must never appear: an anonymous session's participant, and the people of
    /// a session whose facilitator hid names.
    static let hiddenNames = ["Dirk", "Fien"]
    /// The facilitator of the anonymous session: in the printable report, not in the data files.
    static let anonymousFacilitator = "Els"
    /// Names that must appear, so the check above can fail for the right reason.
    static let shownNames = ["Bram", "Riet"]

    static let goldenDir = Fixtures.root.appendingPathComponent("Tests/Fixtures/exports")

    /// Compares with the golden file; `UPDATE_GOLDEN=1` rewrites it instead.
    static func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = goldenDir.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: goldenDir, withIntermediateDirectories: true)
            XCTAssertNoThrow(try Data(text.utf8).write(to: url), file: file, line: line)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail("missing golden file \(name); run with UPDATE_GOLDEN=1 to create it", file: file, line: line)
            return
        }
        let golden = String(decoding: data, as: UTF8.self)
        if golden != text {
            let a = golden.components(separatedBy: "\n")
            let b = text.components(separatedBy: "\n")
            let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            XCTFail(
                "\(name) differs at line \(i + 1):\n golden: \(i < a.count ? a[i] : "<end>")\n actual: \(i < b.count ? b[i] : "<end>")",
                file: file, line: line)
        }
    }
}
