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

    func testRenameTakeOutAddAndRemoveAreEventsAnotherReaderSees() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let before = f.files()
        let a = try GroupJournal(store: f.store)
        let refs = (1...3).map { EntryRef(sessionId: f.id, entryId: "e\($0)") }
        let keep = try a.group(Array(refs.prefix(2)), label: "Loket", now: 1)
        let gone = try a.group([refs[2]], label: "Weg", now: 2)
        try a.apply(.rename(group: keep, label: "  Menselijk loket \u{7}"), now: 3)
        try a.apply(.setMembers(group: keep, [refs[0]], member: false), now: 4)
        try a.apply(.setMembers(group: keep, [refs[2], refs[1]], member: true), now: 5)
        try a.apply(.delete(group: gone), now: 6)
        let expected = [InsightGroup(id: keep, label: "Menselijk loket", members: [refs[1], refs[2]])]
        XCTAssertEqual(a.groups, expected, "renamed (cleaned), one out, one in (no duplicate), the other group gone")
        XCTAssertEqual(try GroupJournal(store: f.store).groups, expected, "as another process reads it")
        XCTAssertEqual(f.files(), before, "no session file is touched")
        let lines = try FileManager.default.contentsOfDirectory(atPath: f.root + "/.groups").filter { $0.hasPrefix("journal-") }
            .map { try String(contentsOfFile: f.root + "/.groups/" + $0, encoding: .utf8) }.joined().split(separator: "\n")
        XCTAssertEqual(lines.count, 3 + 2 + 1 + 1 + 2 + 1, "every change appended as an event, nothing rewritten")
    }
}
