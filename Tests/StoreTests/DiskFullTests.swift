import Core
import Foundation
import Store
import TestSupport
import XCTest

/// A full disk: the append that does not fit is reported as not saved and taken back, so
/// the journal keeps only whole lines and everything acknowledged before is still there.
final class DiskFullTests: XCTestCase {
    func testAFullDiskRefusesCleanlyAndLosesNothing() throws {
        let mountPoint = NSTemporaryDirectory() + "pf-full-" + String(UUID().uuidString.prefix(8))
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: mountPoint) }
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=96k", "tmpfs", mountPoint]
        mount.standardError = FileHandle.nullDevice
        try? mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { throw Requirement.missing("this machine cannot mount a small tmpfs to fill") }
        defer {
            let u = Process()
            u.executableURL = URL(fileURLWithPath: "/bin/umount")
            u.arguments = [mountPoint]
            try? u.run()
            u.waitUntilExit()
        }
        let store = try SessionStore(root: mountPoint + "/store")
        let workshop = StoreFixture.workshop
        let setup = SessionSetup(sessionId: "20261122-1400-vol-0001", workshopId: "mini", workshopTitle: workshop.title,
                                 perspective: .workshop("ouderen"), title: "Vol", facilitator: nil)
        let h = try store.create(setup, by: .facilitator(nil), now: 1)
        var acknowledged: [String] = []
        var failure: String?
        let text = String(repeating: "Een lange implicatie met ë en é. ", count: 30)
        for i in 0..<1000 {
            do {
                try h.perform(.addEntry(id: "e\(i)", text: text), by: .facilitator(nil), engine: StoreFixture.engine, now: 1)
                acknowledged.append("e\(i)")
            } catch {
                failure = error.description
                break
            }
        }
        XCTAssertNotNil(failure, "the disk filled up")
        XCTAssertTrue(failure?.hasPrefix("not saved:") == true, failure ?? "")
        XCTAssertTrue(failure?.contains("No space left on device") == true, failure ?? "")
        XCTAssertFalse(h.state.entries.map(\.id).contains("e\(acknowledged.count)"), "the refused entry is not shown")
        // Reopen: every acknowledged entry, no torn line, no damage.
        let again = try store.open(setup.sessionId, readOnly: true)
        XCTAssertNil(again.readOnlyReason)
        XCTAssertEqual(again.warnings, [])
        XCTAssertEqual(again.state.entries.map(\.id), acknowledged)
        h.close()
    }
}
