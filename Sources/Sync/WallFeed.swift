import Core
import Foundation
import PostgresNIO

/// The rooms of an event as the database holds them, kept current: a catch-up read of every
/// row past the cursor, folded into each session's state. A notification only says "look
/// now"; what is read is decided by the cursor, so a missed notification loses nothing.
public final class WallFeed {
    public struct Room: Sendable {
        public var state: SessionState
        public var laptop: String
        /// When the room last saved something (ms since 1970, its laptop's clock).
        public var lastHeard: Int64
    }

    public let url: DatabaseURL
    public let event: String?
    private var database: Database?
    private var cursor = ArrivalCursor()
    private var watch = RestoreWatch()
    /// How many times the database was found restored or made again (and read again).
    public private(set) var rereads = 0
    private var events: [String: [Event]] = [:]
    private var known: [String: Set<String>] = [:]
    private var states: [String: SessionState] = [:]
    private var laptops: [String: String] = [:]
    private var heard: [String: Int64] = [:]
    public private(set) var refused: [String: SyncError] = [:]

    public init(url: DatabaseURL, event: String?) {
        self.url = url
        self.event = event
    }

    deinit { drop() }

    public var rooms: [Room] {
        states.keys.sorted().map { Room(state: states[$0]!, laptop: laptops[$0] ?? "", lastHeard: heard[$0] ?? 0) }
    }

    /// Reads what is new. Returns true when any room changed.
    @discardableResult
    public func catchUp(now: Double = Date().timeIntervalSince1970) throws(SyncError) -> Bool {
        let db = try connection()
        let (event, watch, through) = (self.event, self.watch, cursor.through)
        let rows: [DatabaseSessions.Row]
        let restored: Bool
        do throws(SyncError) {
            (rows, restored, self.watch) = try Blocking.run {
                () async throws(SyncError) -> ([DatabaseSessions.Row], Bool, RestoreWatch) in
                var watch = watch
                let restored = try await watch.restored(db)
                let rows = try await DatabaseSessions.readRows(db, event: event, after: restored ? 0 : through)
                watch.note(rows)
                return (rows, restored, watch)
            }
        } catch {
            if error.unreachable { drop() }
            throw error
        }
        if restored { forget() }
        var fresh: [String: [(Event, String)]] = [:]
        var newRows: [DatabaseSessions.Row] = []
        for row in rows where cursor.take(row.arrival) { newRows.append(row) }
        cursor.settle(now: now)
        guard !newRows.isEmpty else { return restored }
        var changed = false
        let decoded = DatabaseSessions.decodeRows(newRows)
        for (session, reason) in decoded.refused {
            refused[session] = reason
            states[session] = nil
            events[session] = nil
            changed = true
        }
        for (session, list) in decoded.events where refused[session] == nil {
            fresh[session] = list.map { ($0.event, $0.body) }
        }
        for (session, list) in fresh {
            var added: [Event] = []
            for (e, _) in list where known[session, default: []].insert(e.id).inserted { added.append(e) }
            guard !added.isEmpty else { continue }
            changed = true
            fold(session, added)
        }
        if laptops.count < states.count { try readRooms(db) }
        return changed
    }

    /// Everything read so far, forgotten: the database is another one now.
    private func forget() {
        cursor = ArrivalCursor()
        events = [:]
        known = [:]
        states = [:]
        laptops = [:]
        heard = [:]
        refused = [:]
        rereads += 1
    }

    private func fold(_ session: String, _ added: [Event]) {
        let sorted = added.sorted(by: Event.foldOrder)
        heard[session] = max(heard[session] ?? 0, added.map(\.time).max() ?? 0)
        var all = events[session] ?? []
        if var state = states[session], let last = all.last, let first = sorted.first, !Event.foldOrder(first, last) {
            for e in sorted { state.apply(e) }
            states[session] = state
            all += sorted
        } else {
            all = (all + sorted).sorted(by: Event.foldOrder)
            // A session whose sessionCreated has not arrived yet waits for it.
            if case .sessionCreated(let setup) = all.first?.change, setup.sessionId == session {
                states[session] = SessionState.fold(all)
            } else {
                states[session] = nil
            }
        }
        events[session] = all
    }

    private func readRooms(_ db: Database) throws(SyncError) {
        let rows = try Blocking.run { () async throws(SyncError) -> [(String, String)] in
            var out: [(String, String)] = []
            for r in try await db.query("SELECT session_id, laptop FROM rooms") {
                if let pair = try? r.decode((String, String).self) { out.append(pair) }
            }
            return out
        }
        for (s, laptop) in rows { laptops[s] = laptop }
    }

    func connection() throws(SyncError) -> Database {
        if let database, !database.isClosed { return database }
        let url = self.url
        let db = try Blocking.run { () async throws(SyncError) -> Database in
            let db = try await Database.connect(url)
            do throws(SyncError) { try await Schema.check(db) } catch {
                await db.close()
                throw error
            }
            return db
        }
        database = db
        return db
    }

    func drop() {
        guard let db = database else { return }
        database = nil
        Blocking.runQuietly { await db.close() }
    }

    public func close() { drop() }
}
