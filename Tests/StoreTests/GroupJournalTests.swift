import Core
import Foundation
import Store
import XCTest

final class GroupJournalTests: XCTestCase {
    func testGroupsAreSavedAsEventsAndReadBackByAnotherProcess() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let before = f.files()
        let a = try GroupJournal(store: f.store)
        let refs = [EntryRef(sessionId: f.id, entryId: "e1"), EntryRef(sessionId: "20261122-1500-ondernemers-aaaa", entryId: "e9")]
        let id = try a.group(refs, label: "Menselijk loket\u{1B}[2J", now: 1)
        XCTAssertEqual(a.groups, [InsightGroup(id: id, label: "Menselijk loket", members: refs)])
        let b = try GroupJournal(store: f.store)
        XCTAssertEqual(b.groups, a.groups, "another reader sees the same groups")
        XCTAssertEqual(f.files(), before, "no session file is touched by a grouping")
        // A torn last line (a crash mid-write) is skipped with a warning; the rest stands.
        let journal = try FileManager.default.contentsOfDirectory(atPath: f.root + "/.groups").first { $0.hasPrefix("journal-") }!
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: f.root + "/.groups/" + journal))
        handle.seekToEndOfFile()
        handle.write(Data("{\"v\":1,\"writer\":\"x\",\"se".utf8))
        try handle.close()
        try b.reload()
        XCTAssertEqual(b.groups, a.groups)
        XCTAssertEqual(b.warnings.count, 1)
        XCTAssertEqual(f.store.sessionIDs(), [f.id], "the groups folder is not a session")
    }
}
