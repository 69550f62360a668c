import Foundation
import Store
import Sync
import TestSupport
import XCTest

/// `--event` on the organiser's `--from` commands: a trial day in the same database stays out
/// of the day's export and pack.
final class EventFilterTests: XCTestCase {
    func testExportFromOneEventLeavesOutAnotherEventsSessions() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "eventfilter")
        let day = try Laptop("ev-day")
        let trial = try Laptop("ev-trial")
        defer {
            day.remove()
            trial.remove()
        }
        let real = try day.session("ouderen")
        let test = try trial.session("ondernemers")
        for (laptop, event) in [(day, "dag"), (trial, "proef")] {
            let r = Spawn.run([
                Binary.perspectief, "sync", "--all", "--to", db.room.withPassword("zaalgeheim"), "--store", laptop.root,
                "--event", event,
            ])
            XCTAssertEqual(r.status, 0, r.error)
        }
        let from = db.organiser.withPassword("orggeheim")
        let workshops = ["--workshops", Laptop.repo.appendingPathComponent("Tests/Fixtures").path]
        let r = Spawn.run(
            [Binary.perspectief, "export", "--all", "--event", "dag", "--format", "csv", "--from", from] + workshops,
            environment: ["LANG": "en"])
        XCTAssertEqual(r.status, 0, r.error)
        XCTAssertTrue(r.output.contains(real), r.output)
        XCTAssertFalse(r.output.contains(test), r.output)
        let pack = day.root + "-dag.pack"
        defer { try? FileManager.default.removeItem(atPath: pack) }
        let packed = Spawn.run(
            [Binary.perspectief, "pack", "--all", "--event", "dag", "-o", pack, "--from", from],
            environment: ["LANG": "en"])
        XCTAssertEqual(packed.status, 0, packed.error)
        XCTAssertTrue(
            packed.error.contains("packed 1 sessions") || packed.error.contains("packed 1 session"), packed.error)
        // Without --from there is no event to filter by: one clear line.
        let alone = Spawn.run(
            [Binary.perspectief, "export", "--all", "--event", "dag", "--store", day.root], environment: ["LANG": "en"])
        XCTAssertNotEqual(alone.status, 0)
        XCTAssertTrue(alone.error.contains("--event goes with --from"), alone.error)
    }
}
