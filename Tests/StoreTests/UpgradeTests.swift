import Core
import Foundation
import Store
import XCTest

/// Upgrading keeps every session: the stores that released builds wrote
/// (Tests/Fixtures/stores/VERSION) open in this build, whole and writable. The other
/// direction, a store made by a newer build, is DamageTests.testAFutureSchemaOpensReadOnly.
final class UpgradeTests: XCTestCase {
    static let stores = StoreFixture.repo.appendingPathComponent("Tests/Fixtures/stores")
    static let workshop = try! WorkshopCatalog.loadFile(
        StoreFixture.repo.appendingPathComponent("Workshops/publieke-dienstverlening-2035.json").path).get()

    /// A copy of a released store in a temp folder: the test writes to it, never to the fixture.
    func copy(of release: String) throws -> String {
        let root = NSTemporaryDirectory() + "perspectief-upgrade-" + UUID().uuidString.lowercased()
        try FileManager.default.copyItem(atPath: Self.stores.appendingPathComponent(release).path, toPath: root)
        // A checkout leaves folders group-readable; the store's own are its owner's only.
        let inside = try FileManager.default.subpathsOfDirectory(atPath: root).map { root + "/" + $0 }
        for path in [root] + inside {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
            try FileManager.default.setAttributes([.posixPermissions: isDir.boolValue ? 0o700 : 0o600], ofItemAtPath: path)
        }
        return root
    }

    func testTheStoreOfRelease050OpensWholeAndWritable() throws {
        let root = try copy(of: "0.5.0")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try SessionStore(root: root)
        let listings = store.listings().sorted { $0.id < $1.id }
        XCTAssertEqual(listings.map(\.id), ["20261206-0452-ondernemers-44bd", "20261206-0452-ouderen-0102"])
        XCTAssertEqual(listings.map(\.entryCount), [1, 3])
        XCTAssertEqual(listings.map(\.readOnly), [false, false])
        XCTAssertEqual(listings.compactMap(\.problem), [])
        XCTAssertEqual(listings.map(\.title), ["Businesses — 2026-12-06", "Upgrade fixture"])

        let handle = try store.open("20261206-0452-ouderen-0102")
        XCTAssertNil(handle.readOnlyReason)
        XCTAssertEqual(handle.state.entries.map(\.text).sorted(), [
            "Brieven op papier blijven nodig", "Een loket waar je iemand spreekt", "Koffie om 10 uur",
        ])
        XCTAssertEqual(handle.state.entries.first { $0.text.hasPrefix("Een loket") }?.author, "Riet")
        try handle.perform(.addEntry(id: "after-upgrade", text: "Na de upgrade"), by: .facilitator("Anna"),
                           engine: Engine(workshop: Self.workshop), now: StoreFixture.now())
        handle.close()

        let again = try store.open("20261206-0452-ouderen-0102", readOnly: true)
        XCTAssertEqual(again.state.entries.count, 4)
        XCTAssertTrue(again.state.entries.contains { $0.text == "Na de upgrade" })
        again.close()
    }
}
