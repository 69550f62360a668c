import Core
import Foundation
import Store
import XCTest

/// What the store does with damaged files: a torn last line is a crash (dropped, warned);
/// anything else makes the session read-only with a reason naming file, line and column —
/// and the files stay byte-for-byte as they were, whatever is tried on them.
final class DamageTests: XCTestCase {
    let facilitator = Actor.facilitator("Anna")

    /// A session with three entries in one journal (left uncompacted).
    func sessionWithJournal() throws -> (StoreFixture, String, [UInt8]) {
        let f = try StoreFixture()
        let h = try f.open()
        for i in 1...3 {
            try h.perform(.addEntry(id: "e\(i)", text: "regel \(i) — reëel"), by: facilitator, engine: StoreFixture.engine, now: 1_790_000_001_000)
        }
        let journal = f.journals()[0]
        let saved = f.files()
        h.close()  // may fold the journal into the snapshot; put the files back as they were
        for name in f.files().keys { try FileManager.default.removeItem(atPath: f.folder + "/" + name) }
        for (name, bytes) in saved { f.write(name, bytes) }
        return (f, journal, saved[journal]!)
    }

    func testTornLastLineAtEveryByteOffset() throws {
        let (f, journal, bytes) = try sessionWithJournal()
        defer { f.cleanUp() }
        let lastStart = bytes.dropLast().lastIndex(of: 0x0A)! + 1
        for cut in lastStart...bytes.count {
            f.write(journal, Array(bytes[0..<cut]))
            let h = try f.open(readOnly: true)
            XCTAssertNil(h.readOnlyReason, "cut at \(cut)")
            let ids = h.state.entries.map(\.id)
            if cut == lastStart {
                XCTAssertEqual(ids, ["e1", "e2"])
                XCTAssertEqual(h.warnings, [])
            } else if cut >= bytes.count - 1 {
                XCTAssertEqual(ids, ["e1", "e2", "e3"], "a whole line without its newline still counts")
            } else {
                XCTAssertEqual(ids, ["e1", "e2"], "cut at \(cut)")
                XCTAssertEqual(h.warnings.count, 1)
                XCTAssertTrue(h.warnings[0].contains("line 3 was cut short by a crash"), h.warnings[0])
            }
            XCTAssertEqual(f.files()[journal], Array(bytes[0..<cut]), "reading never changes the file")
        }
    }

    /// Damage in the middle of a journal: read-only, reason with line and column, untouched.
    func expectDamage(_ corrupt: [UInt8], _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (f, journal, bytes) = try sessionWithJournal()
        defer { f.cleanUp() }
        let firstEnd = bytes.firstIndex(of: 0x0A)! + 1
        let damaged = Array(bytes[0..<firstEnd]) + corrupt + [0x0A] + Array(bytes[firstEnd...])
        f.write(journal, damaged)
        let before = f.files()
        let h = try f.store.open(f.id)
        let reason = h.readOnlyReason ?? "(none)"
        XCTAssertTrue(reason.contains(expected), "expected \"\(expected)\" in \"\(reason)\"", file: file, line: line)
        XCTAssertTrue(reason.contains(journal), "names the file: \(reason)", file: file, line: line)
        XCTAssertThrowsError(
            try h.perform(.addEntry(id: "new", text: "x"), by: facilitator, engine: StoreFixture.engine, now: 1), file: file, line: line)
        XCTAssertThrowsError(try h.compact(), file: file, line: line)
        h.close()
        XCTAssertEqual(f.files(), before, "nothing on disk changed", file: file, line: line)
        XCTAssertEqual(h.state.entries.map(\.id), ["e1", "e2", "e3"], "the rest is still readable", file: file, line: line)
    }

    func testMalformedLinesMakeTheSessionReadOnly() throws {
        let event = #"{"v":1,"id":"zz","writer":"w","seq":9,"clock":99,"time":1,"by":{"role":"facilitator","key":"facilitator"},"type":"sessionClosed"}"#
        try expectDamage([0xC3, 0x28], "line 2, column 1: expected a JSON value")
        try expectDamage(Array(#"{"a":"é"#.utf8) + [0xFF] + Array(#""}"#.utf8), "line 2, column 8: invalid UTF-8")
        try expectDamage([0, 0, 0, 0], "line 2, column 1: a NUL byte is not allowed")
        try expectDamage([0xEF, 0xBB, 0xBF] + Array(event.utf8), "line 2, column 1: a byte-order mark is not allowed")
        try expectDamage(Array(event.dropLast().utf8) + Array(",}".utf8), "a trailing comma is not allowed")
        try expectDamage(Array(event.replacingOccurrences(of: "\"seq\":9", with: "\"seq\":9,\"seq\":10").utf8), "duplicate key \"seq\"")
        try expectDamage(Array(event.replacingOccurrences(of: "\"seq\":9", with: "\"seq\":\"9\"").utf8), "line 2: \"seq\" must be a whole number, not a string")
        try expectDamage(Array(event.replacingOccurrences(of: "sessionClosed", with: "dance").utf8), "\"dance\" is not a known event type")
        try expectDamage([], "line 2, column 1: empty line")
    }

    func testAFutureSchemaOpensReadOnly() throws {
        let event = #"{"v":9,"id":"zz","writer":"w","seq":9,"clock":99,"time":1,"by":{"role":"facilitator","key":"facilitator"},"type":"sessionClosed"}"#
        try expectDamage(Array(event.utf8), "newer than this build understands")
        let f = try StoreFixture()
        defer { f.cleanUp() }
        var snapshot = String(decoding: f.files()["session.json"]!, as: UTF8.self)
        snapshot = snapshot.replacingOccurrences(of: "\"schema\": 1", with: "\"schema\": 7")
        f.write("session.json", Array(snapshot.utf8))
        let h = try f.open()
        XCTAssertTrue(h.readOnlyReason?.contains("schema version 7, newer than this build") == true, h.readOnlyReason ?? "")
        XCTAssertThrowsError(try h.perform(.addEntry(id: "x", text: "x"), by: facilitator, engine: StoreFixture.engine, now: 1))
        XCTAssertEqual(f.files()["session.json"], Array(snapshot.utf8))
    }

    func testDuplicateEventIds() throws {
        // Identical duplicates (a journal that was folded in, then a crash before it was
        // removed) are folded once; the same id with other content is damage.
        let (f, journal, bytes) = try sessionWithJournal()
        defer { f.cleanUp() }
        f.write("journal-copy.jsonl", bytes)
        var h = try f.open(readOnly: true)
        XCTAssertNil(h.readOnlyReason)
        XCTAssertEqual(h.state.entries.map(\.id), ["e1", "e2", "e3"])
        let changed = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "regel 2", with: "regel twee")
        f.write("journal-copy.jsonl", Array(changed.utf8))
        h = try f.open(readOnly: true)
        XCTAssertTrue(h.readOnlyReason?.contains("appears twice with different content") == true, h.readOnlyReason ?? "")
        XCTAssertEqual(f.files()[journal], bytes)
    }

    func testAnUnreadableSnapshotIsAClearError() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        f.write("session.json", Array("{\"schema\": 1,\n \"events\": [}".utf8))
        XCTAssertThrowsError(try f.open()) { e in
            XCTAssertEqual("\(e)".contains("session.json: line 2, column 13: expected a JSON value"), true, "\(e)")
        }
        let listing = f.store.listings().first
        XCTAssertEqual(listing?.readOnly, true)
        XCTAssertTrue(listing?.problem?.contains("line 2, column 13") == true, listing?.problem ?? "")
    }

    func testIdsThatLeaveTheStoreAndMissingSessions() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        for bad in ["../x", "/etc", "..", "a/b", "-rf", "", "ABC"] {
            XCTAssertThrowsError(try f.store.open(bad)) { e in XCTAssertTrue("\(e)".contains("is not a session id"), "\(e)") }
        }
        XCTAssertThrowsError(try f.store.open("20990101-0000-nope-0000")) { e in XCTAssertTrue("\(e)".contains("no session"), "\(e)") }
    }

    func testUnwritableStores() throws {
        let file = NSTemporaryDirectory() + "perspectief-file-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        defer { try? FileManager.default.removeItem(atPath: file) }
        XCTAssertThrowsError(try SessionStore(root: file)) { e in XCTAssertEqual("\(e)", "store \(file) is not a folder") }
        // Tests run as root, where permissions do not stop writes: /proc refuses everyone.
        XCTAssertThrowsError(try SessionStore(root: "/proc/self/perspectief")) { e in
            XCTAssertTrue("\(e)".hasPrefix("cannot create store /proc/self/perspectief"), "\(e)")
        }
    }

    func testFilesAreForTheOwnerOnly() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let h = try f.open()
        try h.perform(.addEntry(id: "a", text: "x"), by: facilitator, engine: StoreFixture.engine, now: 1)
        for path in [f.folder, f.folder + "/session.json", f.folder + "/" + f.journals()[0]] {
            let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
            XCTAssertEqual(mode & 0o077, 0, "\(path) is private (mode \(String(mode, radix: 8)))")
        }
        h.close()
    }
}
