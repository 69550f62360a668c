import Core
import Foundation
import Store
import XCTest

/// The store's edges: what others may have left in a session folder, ids under a frozen
/// clock, journals of writers that were killed before writing.
final class HostileStoreTests: XCTestCase {
    let facilitator = Actor.facilitator("Anna")

    func testCompactionRemovesOldEmptyJournalsOfWritersThatAreGone() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        f.write("journal-killed.jsonl", [])
        f.write("journal-justcreated.jsonl", [])
        let old = timeval(tv_sec: time(nil) - 300, tv_usec: 0)
        XCTAssertEqual(utimes(f.folder + "/journal-killed.jsonl", [old, old]), 0)
        let h = try f.open()
        try h.perform(.moveStep(to: "ronde-a"), by: facilitator, engine: StoreFixture.engine, now: 1_790_000_000_500)
        try h.compact()
        h.close()
        XCTAssertFalse(f.journals().contains("journal-killed.jsonl"), "a killed writer's empty journal goes: \(f.journals())")
        XCTAssertTrue(f.journals().contains("journal-justcreated.jsonl"), "a new one may be about to be locked")
    }

    /// Eight writers, one frozen millisecond: every add is saved (40 of 320 were refused
    /// with "That entry does not exist" when ids were the time and a number below 1296).
    func testEntryIdsAreUniqueWithAFrozenClock() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let frozen: Int64 = 1_790_000_000_000
        let ids = (0..<100_000).map { _ in StoreIDs.entry(now: frozen) }
        XCTAssertEqual(Set(ids).count, ids.count)
        let handles = try (0..<8).map { _ in try f.open() }
        for i in 0..<320 {
            let h = handles[i % 8]
            XCTAssertNoThrow(try h.perform(.addEntry(id: StoreIDs.entry(now: frozen), text: "regel \(i)"), by: facilitator, engine: StoreFixture.engine, now: frozen))
        }
        handles.forEach { $0.close() }
        XCTAssertEqual(try f.open(readOnly: true).state.entries.count, 320)
    }

    func testARepeatedEntryIdIsRefusedForWhatItIs() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let h = try f.open()
        defer { h.close() }
        try h.perform(.moveStep(to: "ronde-a"), by: facilitator, engine: StoreFixture.engine, now: 1)
        try h.perform(.addEntry(id: "same", text: "één"), by: facilitator, engine: StoreFixture.engine, now: 2)
        XCTAssertThrowsError(try h.perform(.addEntry(id: "same", text: "twee"), by: facilitator, engine: StoreFixture.engine, now: 3)) { e in
            XCTAssertEqual("\(e)", "An entry with this id already exists; try again.")
        }
    }

    func testASessionFolderThatIsASymbolicLinkIsNotOpened() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let outside = f.root + "-outside"
        try FileManager.default.copyItem(atPath: f.folder, toPath: outside)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        XCTAssertEqual(symlink(outside, f.root + "/20990101-0000-link-0000"), 0)
        XCTAssertThrowsError(try f.store.open("20990101-0000-link-0000")) { e in
            XCTAssertTrue("\(e)".contains("is a symbolic link"), "\(e)")
        }
        let listed = f.store.listings().first { $0.id == "20990101-0000-link-0000" }
        XCTAssertNotNil(listed?.problem, "listed with its problem, not hidden")
    }

    func testNonRegularSessionFilesAreClearErrors() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        XCTAssertEqual(mkfifo(f.folder + "/journal-pipe.jsonl", 0o600), 0)
        XCTAssertThrowsError(try f.open(readOnly: true)) { e in
            XCTAssertEqual("\(e)", "cannot read \(f.folder)/journal-pipe.jsonl: it is a FIFO (named pipe), not a regular file")
        }
        do { _ = try f.open(readOnly: true) } catch let error as StoreError {
            XCTAssertEqual(error.message(in: .nl), "kan niet lezen: \(f.folder)/journal-pipe.jsonl: het is een FIFO (named pipe), geen gewoon bestand")
        }
        unlink(f.folder + "/journal-pipe.jsonl")
        unlink(f.folder + "/session.json")
        XCTAssertEqual(symlink("/dev/zero", f.folder + "/session.json"), 0)
        XCTAssertThrowsError(try f.open(readOnly: true)) { e in XCTAssertTrue("\(e)".contains("symbolic link"), "\(e)") }
    }

    func testAStoreFolderOthersCanWriteRefusesWrites() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        chmod(f.root, 0o777)
        let store = try SessionStore(root: f.root)
        XCTAssertEqual(store.trustProblem?.message, "store \(f.root) can be written by other users; it is not written to (chmod go-w \(f.root))")
        XCTAssertNoThrow(try store.open(f.id, readOnly: true), "reading still works")
        XCTAssertThrowsError(try store.open(f.id)) { e in XCTAssertTrue("\(e)".contains("can be written by other users")) }
        chmod(f.root, 0o1777)
        XCTAssertNil(try SessionStore(root: f.root).trustProblem, "a sticky folder (like /tmp) stops others replacing files")
    }

    func testTheRefusalsATerminalShowsAreInBothLanguages() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let h = try f.open()
        defer { h.close() }
        let first = try h.claimPresence(key: "k", name: "Zoë")
        XCTAssertThrowsError(try h.claimPresence(key: "k", name: "Zoë")) { e in
            let error = e as! StoreError
            XCTAssertEqual(error.message(in: .en), "someone called \"Zoë\" is already in this session; choose another name")
            XCTAssertEqual(error.message(in: .nl), "iemand met de naam \"Zoë\" doet al mee aan deze sessie; kies een andere naam")
        }
        first.release()
        let readOnly = try f.open(readOnly: true)
        XCTAssertThrowsError(try readOnly.perform(.moveStep(to: "ronde-a"), by: facilitator, engine: StoreFixture.engine, now: 1)) { e in
            XCTAssertEqual((e as! PerformError).message(in: .nl), "sessie \(f.id) is alleen-lezen geopend")
        }
    }

    func testGroupingsAreNotWrittenThroughALinkedFolder() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let outside = f.root + "-groups"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        XCTAssertEqual(symlink(outside, f.root + "/.groups"), 0)
        let journal = try GroupJournal(store: f.store)
        XCTAssertThrowsError(try journal.apply(.create([EntryRef(sessionId: f.id, entryId: "a")], label: "x"), now: 1)) { e in
            XCTAssertTrue("\(e)".contains("is a symbolic link"), "\(e)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside), [])
    }
}
