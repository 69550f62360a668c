import Core
import PostgresNIO
import Store

/// Sessions as the database holds them, checked the way the store checks its own files:
/// every body must be an event this build reads, under the id its row says, and a session
/// must begin with its own `sessionCreated`. A session that fails is refused with the reason;
/// the others are read.
public struct DatabaseSessions: Sendable {
    /// Session id → its events in fold order, each with its body exactly as stored.
    public var sessions: [String: [(event: Event, body: String)]] = [:]
    public var refused: [(session: String, reason: SyncError)] = []

    public init() {}

    /// One stored row.
    public struct Row: Sendable {
        public var arrival: Int64
        public var session: String
        public var eventId: String
        public var body: String
    }

    /// Rows per statement: each page is one statement under the deadline, so a long catch-up
    /// on a slow network is many short statements, never one that looks like a dead one.
    public static let page = 2000

    /// Every row past `arrival`, or those of the rooms of one event, page by page.
    public static func readRows(_ db: Database, event: String? = nil, after arrival: Int64 = 0) async throws(SyncError)
        -> [Row]
    {
        var out: [Row] = []
        var from = arrival
        while true {
            let rows = try await readPage(db, event: event, after: from)
            out += rows
            guard rows.count == page, let last = rows.last else { return out }
            from = last.arrival
        }
    }

    static func readPage(_ db: Database, event: String?, after arrival: Int64) async throws(SyncError) -> [Row] {
        let rows: [PostgresRow]
        if let event {
            rows = try await db.query(
                """
                SELECT e.arrival, e.session_id, e.event_id, e.body FROM events e JOIN rooms r USING (session_id)
                WHERE r.event_name = \(event) AND e.arrival > \(arrival) ORDER BY e.arrival LIMIT \(page)
                """)
        } else {
            rows = try await db.query(
                """
                SELECT arrival, session_id, event_id, body FROM events
                WHERE arrival > \(arrival) ORDER BY arrival LIMIT \(page)
                """
            )
        }
        var out: [Row] = []
        out.reserveCapacity(rows.count)
        for r in rows {
            do {
                let (a, s, id, body) = try r.decode((Int64, String, String, String).self)
                out.append(Row(arrival: a, session: s, eventId: id, body: body))
            } catch {
                throw SyncError(
                    "\(db.url.display): the events table cannot be read",
                    nl: "\(db.url.display): de tabel events is niet te lezen")
            }
        }
        return out
    }

    /// Rows decoded one by one: each session's events (unordered), and the sessions with a
    /// row that is not an event this build reads under the id its row says.
    public static func decodeRows(_ rows: [Row]) -> (
        events: [String: [(event: Event, body: String)]], refused: [String: SyncError]
    ) {
        var bySession: [String: [(event: Event, body: String)]] = [:]
        var bad: [String: SyncError] = [:]
        for row in rows where bad[row.session] == nil {
            guard StoreIDs.valid(row.session) else {
                bad[row.session] = refusal(row.session, "it is not a session id", "het is geen sessiecode")
                continue
            }
            let event: Event
            do {
                event = try Event(json: try JSONParser.parse(row.body))
            } catch let e as JSONSyntaxError {
                bad[row.session] = refusal(
                    row.session, "event \(row.eventId) is damaged (\(e))",
                    "gebeurtenis \(row.eventId) is beschadigd (\(e))")
                continue
            } catch {
                bad[row.session] = refusal(
                    row.session, "event \(row.eventId) cannot be read: \(error)",
                    "gebeurtenis \(row.eventId) is niet te lezen: \(error)")
                continue
            }
            guard event.id == row.eventId else {
                bad[row.session] = refusal(
                    row.session, "event \(row.eventId) holds another event's body",
                    "gebeurtenis \(row.eventId) bevat de inhoud van een andere")
                continue
            }
            bySession[row.session, default: []].append((event, row.body))
        }
        for id in bad.keys { bySession[id] = nil }
        return (bySession, bad)
    }

    /// Decodes and checks rows into whole sessions: each must begin with its own sessionCreated.
    public static func decode(_ rows: [Row]) -> DatabaseSessions {
        let (bySession, decodingProblems) = decodeRows(rows)
        var bad = decodingProblems
        var out = DatabaseSessions()
        for (id, list) in bySession {
            let sorted = list.sorted { Event.foldOrder($0.event, $1.event) }
            guard case .sessionCreated(let setup) = sorted.first?.event.change, setup.sessionId == id else {
                bad[id] = refusal(
                    id, "its first event (sessionCreated) is not in the database",
                    "de eerste gebeurtenis (sessionCreated) staat niet in de database")
                continue
            }
            out.sessions[id] = sorted
        }
        out.refused = bad.keys.sorted().map { ($0, bad[$0]!) }
        return out
    }

    static func refusal(_ session: String, _ en: String, _ nl: String) -> SyncError {
        let s = TerminalText.quoted(session)
        return SyncError(
            "session \(s) in the database is left out: \(en)", nl: "sessie \(s) in de database is weggelaten: \(nl)",
            scope: .session)
    }
}
