import Foundation
import Sync
import TestSupport
import XCTest

/// `db init`: versioned migrations, roles that can do only their part, clear refusals.
final class DatabaseInitTests: XCTestCase {
    func testInitCreatesSchemaOnceAndAgainIsHarmless() throws {
        let pg = try TestPostgres.shared()
        let name = try pg.makeDatabase("init")
        let first = Spawn.run([Binary.perspectief, "db", "init", pg.url(name)], environment: ["LANG": "en"])
        XCTAssertEqual(first.status, 0, first.error)
        XCTAssertTrue(first.output.contains("from version 0 to \(Schema.version)"), first.output)
        XCTAssertFalse(first.output.contains(TestPostgres.adminPassword), "the password is never printed")
        let again = Spawn.run([Binary.perspectief, "db", "init", pg.url(name)], environment: ["LANG": "en"])
        XCTAssertEqual(again.status, 0, again.error)
        XCTAssertTrue(again.output.contains("at schema version \(Schema.version) already"), again.output)
        XCTAssertEqual(pg.psql("SELECT count(*) FROM schema_version", database: name).output.trimmingCharacters(in: .whitespacesAndNewlines), "\(Schema.version)")
    }

    func testRoomMayOnlyAddAndOrganiserMayRead() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "roles")
        let laptop = try Laptop("roles")
        defer { laptop.remove() }
        let id = try laptop.session("ouderen")
        try Syncer(store: laptop.store, url: db.room).sync(id)
        XCTAssertEqual(db.stored().ids, try laptop.eventIDs())
        // The room's login cannot read, change or remove what is there.
        for sql in ["SELECT count(*) FROM events", "DELETE FROM events", "UPDATE events SET body = ''", "SELECT * FROM rooms"] {
            XCTAssertThrowsError(try Self.run(db.room, sql), sql) { error in
                XCTAssertTrue("\(error)".contains("may not do this"), "\(error)")
            }
        }
        // The organiser's can read, and cannot add or change.
        XCTAssertNoThrow(try Self.run(db.organiser, "SELECT count(*) FROM events"))
        XCTAssertThrowsError(try Self.run(db.organiser, "DELETE FROM events"))
        XCTAssertThrowsError(try Syncer(store: laptop.store, url: db.organiser, options: .init()).sync(try laptop.session("ondernemers")))
    }

    func testNewerSchemaIsOneClearLine() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "newer")
        pg.psql("INSERT INTO schema_version (version) VALUES (\(Schema.version + 1))", database: db.name)
        for argv in [["db", "init", pg.url(db.name)], ["sync", "--all", "--to", pg.url(db.name)]] {
            let laptop = try Laptop("newer")
            defer { laptop.remove() }
            try laptop.session("ouderen")
            let r = Spawn.run([Binary.perspectief] + argv + ["--store", laptop.root].filter { _ in argv[0] == "sync" }, environment: ["LANG": "en"])
            XCTAssertNotEqual(r.status, 0)
            let lines = r.error.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, r.error)
            XCTAssertTrue(r.error.contains("schema version \(Schema.version + 1), newer than this build understands"), r.error)
        }
    }

    func testWrongPasswordAndNoServerAreOneClearLine() throws {
        let pg = try TestPostgres.shared()
        let db = try EventDatabase(pg, tag: "password")
        let wrong = Spawn.run([Binary.perspectief, "db", "init", pg.url(db.name, user: "zaal", password: "fout")], environment: ["LANG": "nl"])
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertEqual(wrong.error.split(separator: "\n").count, 1, wrong.error)
        XCTAssertTrue(wrong.error.contains("verkeerde gebruikersnaam of wachtwoord"), wrong.error)
        XCTAssertFalse(wrong.error.contains("fout@"), "the password is never printed")
        let port = TestPostgres.freePort()
        let none = Spawn.run([Binary.perspectief, "db", "init", "postgres://x:y@127.0.0.1:\(port)/db"], environment: ["LANG": "en"])
        XCTAssertNotEqual(none.status, 0)
        XCTAssertEqual(none.error.split(separator: "\n").count, 1, none.error)
        XCTAssertTrue(none.error.contains("cannot reach the database at postgres://x@127.0.0.1:\(port)/db"), none.error)
        let bad = Spawn.run([Binary.perspectief, "db", "init", "mysql://x@h/db"], environment: ["LANG": "en"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.error.contains("not a database URL"), bad.error)
    }

    func testURLReading() throws {
        let u = try DatabaseURL.parse("postgresql://zaal:ge%40heim@[::1]:6543/dag?sslmode=verify-full&sslrootcert=/tmp/ca.pem", environment: [:])
        XCTAssertEqual(u.host, "::1")
        XCTAssertEqual(u.port, 6543)
        XCTAssertEqual(u.password, "ge@heim")
        XCTAssertEqual(u.tls, .verifyFull)
        XCTAssertEqual(u.rootCertificate, "/tmp/ca.pem")
        XCTAssertEqual(u.display, "postgres://zaal@[::1]:6543/dag")
        XCTAssertEqual(try DatabaseURL.parse("postgres://a@h/d", environment: ["PGPASSWORD": "p"]).password, "p")
        XCTAssertThrowsError(try DatabaseURL.parse("postgres://a@h/d?sslmode=maybe", environment: [:]))
        XCTAssertThrowsError(try DatabaseURL.parse("postgres://h/d", environment: [:]))
    }

    /// Runs one statement as a user (to test what each role may do).
    static func run(_ url: DatabaseURL, _ sql: String) throws {
        try Blocking.run { () async throws(SyncError) in
            try await Database.using(url) { db throws(SyncError) in try await db.run(sql: sql) }
        }
    }
}
