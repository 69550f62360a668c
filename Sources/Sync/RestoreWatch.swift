import PostgresNIO

/// Notices that the database a reader follows is no longer the one it read: made again by
/// `db init` (another identity), or restored from a dump (the last row read is gone or holds
/// another event, and arrival numbers start again below the reader's cursor). The reader then
/// reads everything again; rooms resend what the restore lost, and it comes in as new rows.
public struct RestoreWatch: Sendable {
    private var identity: String?
    private var last: (arrival: Int64, eventId: String)?

    public init() {}

    /// Remember the newest row read.
    public mutating func note(_ rows: [DatabaseSessions.Row]) {
        guard let newest = rows.max(by: { $0.arrival < $1.arrival }) else { return }
        if newest.arrival > last?.arrival ?? 0 { last = (newest.arrival, newest.eventId) }
    }

    /// True when the database is not the one read so far (then everything is to be read again).
    public mutating func restored(_ db: Database) async throws(SyncError) -> Bool {
        let at = last?.arrival ?? 0
        let rows = try await db.query(
            """
            SELECT (SELECT id FROM database_identity), (SELECT event_id FROM events WHERE arrival = \(at)),
                (SELECT coalesce(max(arrival), 0) FROM events)
            """)
        guard let row = rows.first, let (id, there, highest) = try? row.decode((String?, String?, Int64).self) else {
            throw SyncError(
                "\(db.url.display): database_identity cannot be read",
                nl: "\(db.url.display): database_identity is niet te lezen")
        }
        defer { identity = id }
        if let known = identity, known != id { return reset() }
        if let last, there != last.eventId || highest < last.arrival { return reset() }
        return false
    }

    private mutating func reset() -> Bool {
        last = nil
        return true
    }
}
