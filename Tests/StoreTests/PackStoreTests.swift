import Core
import Foundation
import Store
import XCTest

/// Pack and unpack at the store's level: what the command-line tests cannot set up easily.
final class PackStoreTests: XCTestCase {
    let anna = Actor.facilitator("Anna")

    func packed(_ f: StoreFixture, entries: Int) throws -> String {
        let h = try f.open()
        for i in 0..<entries {
            try h.perform(.addEntry(id: "e\(i)", text: "regel \(i) — reëel"), by: anna, engine: StoreFixture.engine, now: StoreFixture.now())
        }
        h.close()
        let path = f.root + "/out.pack"
        let done = try f.store.pack([f.id], to: path, overwrite: false)
        XCTAssertEqual(done.sessions, 1)
        XCTAssertEqual(done.events, entries + 1)
        return path
    }

    func testAnEmptyFolderLeftByACrashIsFilledAndTheSessionFoldsTheSame() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let path = try packed(f, entries: 5)
        let other = NSTemporaryDirectory() + "perspectief-other-" + UUID().uuidString.lowercased()
        defer { try? FileManager.default.removeItem(atPath: other) }
        let store = try SessionStore(root: other)
        // A crash between claiming the name and renaming the session in leaves this.
        try FileManager.default.createDirectory(atPath: store.folder(of: f.id), withIntermediateDirectories: false)
        XCTAssertEqual(try store.unpack(path).added, [f.id])
        XCTAssertEqual(try store.open(f.id, readOnly: true).state, try f.open(readOnly: true).state)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: other).contains { $0.hasPrefix(".unpack-") })
        // Written with a head: adding to it does not read every entry.
        let adder = try store.openForAdding(f.id)
        XCTAssertEqual(adder.state.entries.count, 0)
        adder.close()
    }

    func testADamagedSessionIsNotPacked() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        f.write("journal-damaged.jsonl", Array("{\"v\":1,\"id\":\n{}\n".utf8))
        XCTAssertThrowsError(try f.store.pack([f.id], to: f.root + "/x.pack", overwrite: false)) {
            XCTAssertTrue("\($0)".contains("is not packed"), "\($0)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.root + "/x.pack"))
    }
}
