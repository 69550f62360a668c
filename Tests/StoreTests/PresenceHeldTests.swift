import Core
import Foundation
import XCTest

@testable import Store

/// Who is at a terminal, seen from another window (the desk): read from the kernel's lock
/// table, never by taking a lock.
final class PresenceHeldTests: XCTestCase {
    func testAHeldPresenceIsSeenAndAReleasedOneIsNot() throws {
        let f = try StoreFixture()
        defer { f.cleanUp() }
        let h = try f.open()
        defer { h.close() }
        let ayse = try h.claimPresence(key: "p:ayşe", name: "Ayşe")
        let bram = try h.claimPresence(key: "p:bram", name: "Bram")
        XCTAssertEqual(Presence.held(in: h.folder, keys: ["p:ayşe", "p:bram", "p:nobody"]), ["p:ayşe", "p:bram"])
        bram.release()
        XCTAssertEqual(Presence.held(in: h.folder, keys: ["p:ayşe", "p:bram"]), ["p:ayşe"])
        // Looking took no lock: Bram can join again at once.
        let again = try h.claimPresence(key: "p:bram", name: "Bram")
        XCTAssertEqual(Presence.held(in: h.folder, keys: ["p:ayşe", "p:bram"]), ["p:ayşe", "p:bram"])
        ayse.release()
        again.release()
    }

    func testTheLockTableIsReadForGrantedFlocksOnly() {
        let table = """
            1: FLOCK  ADVISORY  WRITE 4242 00:2f:1234567 0 EOF
            1: -> FLOCK  ADVISORY  WRITE 4243 00:2f:7654321 0 EOF
            2: POSIX  ADVISORY  WRITE 99 08:01:555 0 EOF
            """
        XCTAssertEqual(Presence.lockedInodes(table), [1_234_567])
    }
}
