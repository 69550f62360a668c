import Core
import PostgresNIO

/// Events as the database stores them: the key fields as columns for queries and order,
/// and the event itself as `body`, exactly the line a journal or a pack holds.
public struct EventRows: Sendable {
    var ids: [String] = []
    var sessions: [String] = []
    var journals: [String] = []
    var seqs: [Int] = []
    var clocks: [Int] = []
    var times: [Int] = []
    var kinds: [String] = []
    var bodies: [String] = []

    public init(session: String, events: [Event]) {
        for e in events {
            ids.append(e.id)
            sessions.append(session)
            journals.append(e.writer)
            seqs.append(e.seq)
            clocks.append(e.clock)
            times.append(Int(e.time))
            kinds.append(e.change.typeName)
            bodies.append(JSONWriter.compact(e.json))
        }
    }

    public var count: Int { ids.count }
}

extension Database {
    /// Adds the rows in one statement (atomic: all or none). An event id the database has
    /// already is skipped, so sending twice — after a crash, from two laptops — is harmless.
    /// Returns how many rows were new.
    @discardableResult
    public func insert(_ rows: EventRows) async throws(SyncError) -> Int {
        guard rows.count > 0 else { return 0 }
        let result = try await query(
            """
            WITH added AS (
                INSERT INTO events (event_id, session_id, journal, seq, clock, happened_at, kind, body)
                SELECT * FROM unnest(\(rows.ids)::text[], \(rows.sessions)::text[], \(rows.journals)::text[],
                    \(rows.seqs)::bigint[], \(rows.clocks)::bigint[], \(rows.times)::bigint[], \(rows.kinds)::text[], \(rows.bodies)::text[])
                ON CONFLICT DO NOTHING
                RETURNING 1
            ) SELECT count(*)::bigint FROM added
            """)
        return (try? result.first?.decode(Int.self)) ?? 0
    }

    /// Names the room once: which event it belongs to and which laptop sent it.
    public func announce(session: String, event: String, laptop: String) async throws(SyncError) {
        // A function of the owner's: it claims the session for this login, or refuses it when
        // another login or another laptop holds it (SessionRefusal says which).
        try await query("SELECT perspectief_announce(\(session), \(event), \(laptop))")
    }

    /// What the database holds of this login's session: per journal, the highest sequence number.
    public func confirmed(session: String) async throws(SyncError) -> [String: Int] {
        var held: [String: Int] = [:]
        for row in try await query("SELECT journal, seq FROM perspectief_confirmed(\(session))") {
            guard let (journal, seq) = try? row.decode((String, Int).self) else { continue }
            held[journal] = seq
        }
        return held
    }

    /// The id `db init` gave this database.
    public func identity() async throws(SyncError) -> String {
        let rows = try await query("SELECT id FROM database_identity")
        guard let id = try? rows.first?.decode(String.self) else {
            throw SyncError(
                "\(url.display): database_identity cannot be read",
                nl: "\(url.display): database_identity is niet te lezen")
        }
        return id
    }
}
