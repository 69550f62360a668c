import Core
import Foundation
import Store
import XCTest

/// The organiser's summary: every save a version another reader sees, the newest printed,
/// per workshop or for the whole store, text cleaned, sessions untouched.
final class SummaryJournalTests: XCTestCase {
    func testEverySaveIsAVersionAndTheNewestIsCurrent() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let before = f.files()
        let a = try SummaryJournal(store: f.store)
        XCTAssertNil(a.current(), "no summary: the report is a concept")
        try a.set(text: "Eerste\u{1B}[2J versie", keyMessages: ["Een"], organiser: "Gerda", now: 1)
        let second = try a.set(text: "Tweede versie", keyMessages: ["Een", "Twee"], organiser: "Gerda", now: 2)
        XCTAssertEqual(second.version, 2)
        let b = try SummaryJournal(store: f.store)
        XCTAssertEqual(b.current()?.text, "Tweede versie")
        XCTAssertEqual(b.current()?.keyMessages, ["Een", "Twee"])
        XCTAssertEqual(b.versions[SummaryJournal.anyWorkshop]?.map(\.text), ["Eerste versie", "Tweede versie"], "older versions kept, escape sequences removed")
        XCTAssertEqual(f.files(), before, "no session file is touched")
        XCTAssertEqual(f.store.sessionIDs(), [f.id], "the summary folder is not a session")

        // A workshop's own summary wins over the store-wide one for that workshop only.
        try b.set(text: "Alleen 2035", keyMessages: [], organiser: nil, workshop: "publieke-dienstverlening-2035", now: 3)
        XCTAssertEqual(b.current(workshop: "publieke-dienstverlening-2035")?.text, "Alleen 2035")
        XCTAssertEqual(b.current(workshop: "levensgebeurtenissen-2035")?.text, "Tweede versie")

        // A torn last line (a crash mid-write) is skipped with a warning.
        let journal = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: f.root + "/.summary").first { $0.hasPrefix("journal-") })
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: f.root + "/.summary/" + journal))
        handle.seekToEndOfFile()
        handle.write(Data("{\"v\":1,\"wri".utf8))
        try handle.close()
        try b.reload()
        XCTAssertEqual(b.current()?.text, "Tweede versie")
        XCTAssertEqual(b.warnings.count, 1)
    }

    func testASymbolicLinkIsNotFollowed() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let elsewhere = NSTemporaryDirectory() + "pf-summary-elsewhere-\(getpid())"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        try FileManager.default.createSymbolicLink(atPath: f.root + "/.summary", withDestinationPath: elsewhere)
        XCTAssertThrowsError(try SummaryJournal(store: f.store).set(text: "x", keyMessages: [], organiser: nil, now: 1))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere), [])
    }
}
