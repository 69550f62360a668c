import Foundation
import Sync
import TestSupport
import XCTest

/// Two organisers running `db init` at the same moment: both succeed, the schema once.
final class ConcurrentInitTests: XCTestCase {
    func testTwoInitsAtOnceBothSucceed() throws {
        let pg = try TestPostgres.shared()
        let name = try pg.makeDatabase("twoinit")
        let processes = (0..<2).map { _ -> Process in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Binary.perspectief)
            p.arguments = ["db", "init", pg.url(name)]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            return p
        }
        for p in processes { try p.run() }
        for p in processes { p.waitUntilExit() }
        XCTAssertEqual(processes.map(\.terminationStatus), [0, 0])
        let versions = pg.psql("SELECT count(*) FROM schema_version", database: name).output
        XCTAssertEqual(versions.trimmingCharacters(in: .whitespacesAndNewlines), "\(Schema.version)")
        XCTAssertEqual(
            pg.psql("SELECT count(*) FROM database_identity", database: name).output.trimmingCharacters(
                in: .whitespacesAndNewlines), "1")
    }
}
