import Core
import Foundation
import Store

/// Sends sessions' events to the database in batches. Each batch is one statement; its
/// events are confirmed in the progress file only after the database committed it, so a
/// kill at any moment resends at most one batch, which the database then ignores.
public final class Syncer {
    public struct Options: Sendable {
        /// The event the rooms belong to (`wall --event NAME`); may be empty.
        public var eventName: String
        /// Which laptop sent a room, for the organiser.
        public var laptop: String
        public var batchSize: Int

        public init(eventName: String = "", laptop: String = "", batchSize: Int = 5000) {
            self.eventName = eventName
            self.laptop = laptop
            self.batchSize = max(1, batchSize)
        }
    }

    public struct Report: Equatable, Sendable {
        /// Events sent this time, and of those, how many the database did not have yet.
        public var sent = 0
        public var added = 0
    }

    public let url: DatabaseURL
    let store: SessionStore
    let options: Options
    private var database: Database?
    private var outboxes: [String: SessionOutbox] = [:]
    private var announced: Set<String> = []
    /// The identity of the database connected to (`db init` made it).
    public private(set) var identity: String?
    /// When each session's progress was last checked against the database (seconds).
    private var verified: [String: Double] = [:]
    /// How often a session's progress is checked again on an open connection: a dump
    /// restored under a connection that stayed open is noticed within this time.
    public var recheckSeconds = 30.0

    public init(store: SessionStore, url: DatabaseURL, options: Options = Options()) {
        self.store = store
        self.url = url
        self.options = options
    }

    deinit { disconnect() }

    /// Connects (and checks the schema) when not connected.
    func connection() throws(SyncError) -> Database {
        if let database, !database.isClosed { return database }
        database = nil
        announced = []
        verified = [:]
        let url = self.url
        let (db, id) = try Blocking.run { () async throws(SyncError) -> (Database, String) in
            let db = try await Database.connect(url)
            do throws(SyncError) {
                try await Schema.check(db)
                return (db, try await db.identity())
            } catch {
                await db.close()
                throw error
            }
        }
        database = db
        identity = id
        return db
    }

    /// Makes the session's progress what the database says it holds of it, on every new
    /// connection and every `recheckSeconds`: a re-created or restored database then gets
    /// every event it lacks, without anyone deleting a progress file.
    func verify(_ session: String, _ db: Database, now: Double) throws(SyncError) {
        if let at = verified[session], now - at < recheckSeconds { return }
        let held = try Blocking.run { () async throws(SyncError) -> [String: Int] in
            try await db.confirmed(session: session)
        }
        try outbox(session).reset(to: SyncProgress(confirmed: held, database: identity ?? ""))
        verified[session] = now
    }

    /// How many events of the session are not yet in the database (reads the store only).
    public func waiting(_ session: String) throws(SyncError) -> Int { try outbox(session).pending().count }

    func outbox(_ session: String) -> SessionOutbox {
        if let o = outboxes[session] { return o }
        let o = SessionOutbox(store: store, session: session, url: url)
        outboxes[session] = o
        return o
    }

    /// Sends everything of the session the database has not confirmed.
    @discardableResult
    public func sync(_ session: String, now: Double = Date().timeIntervalSince1970) throws(SyncError) -> Report {
        let box = outbox(session)
        _ = try box.pending()
        var report = Report()
        // Connects even with nothing to send: a wrong password or a newer schema is said now,
        // not at the first entry of the day.
        let db = try connection()
        do throws(SyncError) {
            try verify(session, db, now: now)
            let pending = try box.pending()
            guard !pending.isEmpty else { return report }
            if !announced.contains(session) {
                let (name, laptop) = (options.eventName, options.laptop)
                try Blocking.run { () async throws(SyncError) in
                    try await db.announce(session: session, event: name, laptop: laptop)
                }
                announced.insert(session)
            }
            var start = 0
            while start < pending.count {
                let batch = Array(pending[start..<min(pending.count, start + options.batchSize)])
                let rows = EventRows(session: session, events: batch)
                report.added += try Blocking.run { () async throws(SyncError) -> Int in try await db.insert(rows) }
                report.sent += batch.count
                try box.confirm(batch)
                start += batch.count
            }
        } catch {
            if error.unreachable { disconnect() }
            throw error
        }
        return report
    }

    /// One round trip (bounded by the statement deadline): a silent network is found while
    /// the room has nothing to send, too.
    public func ping() throws(SyncError) {
        let db = try connection()
        do throws(SyncError) {
            _ = try Blocking.run { () async throws(SyncError) -> Int in try await db.query("SELECT 1").count }
        } catch {
            if error.unreachable { disconnect() }
            throw error
        }
    }

    public func disconnect() {
        guard let db = database else { return }
        database = nil
        Blocking.runQuietly { await db.close() }
    }
}

extension Blocking {
    static func runQuietly(_ body: @escaping @Sendable () async -> Void) {
        _ = try? run { () async throws(SyncError) in await body() }
    }
}
