import Core
import Foundation
import Store
import Sync
import Synchronization

/// Issue 25 in numbers: a private PostgreSQL (fsync on), laptops as store folders.
/// - catch-up of 100,000 events after an outage (one laptop, 20 sessions);
/// - events per second the database takes from 20 syncers at once;
/// - its size per 10,000 events;
/// - entry → wall: 20 rooms × 25 participants, one entry every 2 s each, through live syncers,
///   to a wall reading the database (LISTEN as wake-up, then a catch-up read).
enum SyncBench {
    static func run(_ report: inout Report) throws {
        let pg = try BenchPostgres()
        defer { pg.stop() }
        let url = try DatabaseURL.parse(pg.url, environment: [:])
        _ = try Blocking.run { () async throws(SyncError) -> Schema.Outcome in
            try await Database.using(url) { db throws(SyncError) in try await Schema.migrate(db) }
        }
        step("sync: catch-up and 20 syncers")
        try catchUp(pg, url, &report)
        step("sync: entry → wall")
        try wall(pg, url, &report)
    }

    /// Where a long benchmark is, on stderr (stdout is the table).
    static func step(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    /// 20 sessions × 5,000 entries, written as finished sessions are (snapshots).
    static func laptop(_ tag: String) throws -> (root: String, ids: [String], events: Int) {
        let root = BenchFixtures.tempDir("sync-\(tag)")
        for i in 0..<20 { try BenchFixtures.writeSnapshot(root: root, entries: 4_995, index: i) }
        let store = try SessionStore(root: root)
        let ids = store.sessionIDs().sorted()
        let events = try ids.reduce(0) { $0 + (try store.open($1, readOnly: true).events.count) }
        return (root, ids, events)
    }

    static func catchUp(_ pg: BenchPostgres, _ url: DatabaseURL, _ report: inout Report) throws {
        // One laptop offline all day: everything in one go.
        let one = try laptop("one")
        step("sync: \(one.events) events written")
        defer { try? FileManager.default.removeItem(atPath: one.root) }
        let store = try SessionStore(root: one.root)
        // What the laptop's own side costs: reading every session and writing each event's JSON.
        let local = try Stats.time { for id in one.ids { _ = EventRows(session: id, events: try store.open(id, readOnly: true).events) } }
        let syncer = Syncer(store: store, url: url)
        let ms = try Stats.time { for id in one.ids { try syncer.sync(id) } }
        syncer.disconnect()
        let stored = Int(pg.psql("SELECT count(*) FROM events")) ?? -1
        guard stored == one.events else { throw BenchError("catch-up stored \(stored) of \(one.events) events") }
        report.add(
            "sync catch-up after an outage: \(one.events) events (20 sessions) from one laptop", "\(Stats.fmt(ms)) (\(Int(Double(one.events) / ms * 1000)) events/s; reading the store and writing the rows alone: \(Stats.fmt(local)))",
            "≤ 10 s — \(ms <= 10_000 ? "met" : "not met")")
        let bytes = Double(pg.psql("SELECT pg_total_relation_size('events')")) ?? 0
        report.add("database size per 10,000 events (table, indexes, TOAST)", String(format: "%.1f MB", bytes / Double(stored) * 10_000 / 1_048_576), "—")
        // The same 100,000 events from 20 syncers at once (20 laptops, one session each).
        _ = pg.psql("TRUNCATE events, rooms")
        try? FileManager.default.removeItem(atPath: one.root + "/.sync")
        let ids = one.ids
        let root = one.root
        let failures = Mutex(0)
        let parallel = Stats.time {
            // A thread each, as 20 laptops would be: all connected and sending at once.
            let group = DispatchGroup()
            for id in ids {
                group.enter()
                Thread.detachNewThread {
                    defer { group.leave() }
                    do {
                        let s = Syncer(store: try SessionStore(root: root), url: url)
                        try s.sync(id)
                        s.disconnect()
                    } catch {
                        failures.withLock { $0 += 1 }
                    }
                }
            }
            group.wait()
        }
        let again = Int(pg.psql("SELECT count(*) FROM events")) ?? -1
        guard failures.withLock({ $0 }) == 0, again == one.events else { throw BenchError("20 syncers stored \(again) of \(one.events) events") }
        report.add(
            "events per second one database takes from 20 syncers at once (\(one.events) events)", "\(Int(Double(one.events) / parallel * 1000)) events/s (\(Stats.fmt(parallel)))", "—")
    }
}
