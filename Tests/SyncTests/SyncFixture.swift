import Core
import Foundation
import Store
import Sync
import XCTest

/// Stores as laptops: each a temporary folder with sessions of the mini workshop in which
/// participants join and add entries to the scenario rounds and insights.
struct Laptop {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let workshopPath = repo.appendingPathComponent("Tests/Fixtures/mini.json").path
    static let workshop = try! WorkshopCatalog.loadFile(workshopPath).get()
    static let engine = Engine(workshop: workshop)
    static let facilitator = Actor.facilitator("Anna")

    let root: String
    let store: SessionStore

    init(_ tag: String) throws {
        root = NSTemporaryDirectory() + "pf-laptop-\(tag)-" + String(UUID().uuidString.prefix(8)).lowercased()
        store = try SessionStore(root: root)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// A session for `perspective` with `people` participants adding `each` entries in round A.
    @discardableResult
    func session(_ perspective: String, people: Int = 3, each: Int = 2, now: Int64 = 1_790_000_000_000) throws -> String {
        let id = store.newSessionID(perspective: perspective, now: now)
        let setup = SessionSetup(
            sessionId: id, workshopId: "mini", workshopTitle: Self.workshop.title, perspective: .workshop(perspective),
            title: "Sessie \(perspective)", facilitator: "Anna")
        let h = try store.create(setup, by: Self.facilitator, now: now)
        defer { h.close() }
        try h.perform(.moveStep(to: "ronde-a"), by: Self.facilitator, engine: Self.engine, now: now + 1)
        for p in 0..<people {
            let actor = Actor(role: .participant, key: "p\(p)", name: "Deelnemer \(p)")
            try h.perform(.join, by: actor, engine: Self.engine, now: now + 2)
            for n in 0..<each {
                try h.perform(.addEntry(id: "e-\(p)-\(n)", text: "Idee \(n) van \(p): zorg dichtbij, reëel"), by: actor, engine: Self.engine, now: now + 3)
            }
        }
        return id
    }

    /// Adds `count` entries to a session as a participant (a room still typing).
    func add(_ id: String, count: Int, tag: String) throws { try Self.add(root: root, id, count: count, tag: tag) }

    /// The same from any thread: the store is opened anew.
    static func add(root: String, _ id: String, count: Int, tag: String) throws {
        let h = try SessionStore(root: root).open(id)
        defer { h.close() }
        let actor = Actor(role: .participant, key: "late-\(tag)", name: "Laat \(tag)")
        try h.perform(.join, by: actor, engine: Self.engine, now: StoreClock.now())
        for n in 0..<count {
            try h.perform(.addEntry(id: "late-\(tag)-\(n)", text: "Later \(n)"), by: actor, engine: Self.engine, now: StoreClock.now())
        }
    }

    /// Every event id of every session here.
    func eventIDs() throws -> Set<String> {
        var ids = Set<String>()
        for s in store.sessionIDs() { for e in try store.open(s, readOnly: true).events { ids.insert(e.id) } }
        return ids
    }
}

extension XCTestCase {
    /// Waits up to `seconds` for `condition` (an error counts as "not yet").
    func wait(_ what: String, seconds: Double = 20, _ condition: () throws -> Bool) {
        let end = Date().addingTimeInterval(seconds)
        var last: Error?
        while Date() < end {
            do { if try condition() { return } } catch { last = error }
            usleep(50_000)
        }
        XCTFail("timed out waiting for \(what)" + (last.map { " (last error: \($0))" } ?? ""))
    }
}

enum StoreClock {
    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}

/// A database made by `db init`, with a room login and an organiser login.
struct EventDatabase {
    let server: TestPostgres
    let name: String

    init(_ server: TestPostgres, tag: String) throws {
        self.server = server
        name = try server.makeDatabase(tag)
        let url = try DatabaseURL.parse(server.url(name))
        _ = try Blocking.run { () async throws(SyncError) -> Schema.Outcome in
            try await Database.using(url) { db throws(SyncError) in try await Schema.migrate(db) }
        }
        // Roles are per cluster: made once, harmless again.
        server.psql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname='zaal') THEN CREATE ROLE zaal LOGIN PASSWORD 'zaalgeheim' IN ROLE perspectief_room; END IF; END $$")
        server.psql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname='organisator') THEN CREATE ROLE organisator LOGIN PASSWORD 'orggeheim' IN ROLE perspectief_organiser; END IF; END $$")
        server.psql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname='zaal2') THEN CREATE ROLE zaal2 LOGIN PASSWORD 'zaal2geheim' IN ROLE perspectief_room; END IF; END $$")
    }

    /// Another room's login (each room its own, as `event create` makes them).
    var otherRoom: DatabaseURL { try! DatabaseURL.parse(server.url(name, user: "zaal2", password: "zaal2geheim")) }

    /// The database dropped (its connections cut) and made again by `db init`: empty, a new identity.
    func recreate() throws {
        try TestPostgres.check(server.psql("DROP DATABASE \(name) WITH (FORCE)", database: "postgres"), "drop")
        try TestPostgres.check(server.psql("CREATE DATABASE \(name)", database: "postgres"), "create")
        let url = admin
        _ = try Blocking.run { () async throws(SyncError) -> Schema.Outcome in
            try await Database.using(url) { db throws(SyncError) in try await Schema.migrate(db) }
        }
    }

    /// `pg_dump` of the database as it is now (plain SQL), the day's backup.
    func dump(to file: String) throws {
        try TestPostgres.check(
            TestPostgres.sh(["pg_dump", "-h", server.dir, "-p", "\(server.port)", "-U", "postgres", "-f", file, name]), "pg_dump")
    }

    /// The backup restored: the database dropped and made again from the dump, as
    /// docs/DATABASE.md tells the organiser to.
    func restore(from file: String) throws {
        try TestPostgres.check(server.psql("DROP DATABASE \(name) WITH (FORCE)", database: "postgres"), "drop")
        try TestPostgres.check(server.psql("CREATE DATABASE \(name)", database: "postgres"), "create")
        try TestPostgres.check(
            TestPostgres.sh(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", server.dir, "-p", "\(server.port)", "-U", "postgres", "-d", name, "-f", file]),
            "restore")
    }

    var admin: DatabaseURL { try! DatabaseURL.parse(server.url(name)) }
    var room: DatabaseURL { try! DatabaseURL.parse(server.url(name, user: "zaal", password: "zaalgeheim")) }
    var organiser: DatabaseURL { try! DatabaseURL.parse(server.url(name, user: "organisator", password: "orggeheim")) }

    /// Event ids in the database, and how many rows there are (a duplicate would differ).
    func stored() -> (ids: Set<String>, rows: Int) {
        let out = server.psql("SELECT event_id FROM events", database: name).output
        let lines = out.split(separator: "\n").map(String.init)
        return (Set(lines), lines.count)
    }
}
