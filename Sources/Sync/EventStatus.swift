import Core
import PostgresNIO

/// The organiser's list of rooms, from the database alone: which event, which laptop and
/// login, first seen, last event (the laptop's clock), how many events.
public struct EventStatus: Sendable, Equatable {
    public var session: String
    public var event: String
    public var laptop: String
    public var login: String
    public var firstSeenMs: Int64
    public var lastEventMs: Int64
    public var events: Int

    public static func read(_ url: DatabaseURL, event: String?) throws(SyncError) -> [EventStatus] {
        try Blocking.run { () async throws(SyncError) -> [EventStatus] in
            try await Database.using(url) { db throws(SyncError) in
                try await Schema.check(db)
                let rows = try await db.query(
                    """
                    SELECT r.session_id, r.event_name, r.laptop, coalesce(r.owner, ''),
                        (extract(epoch FROM r.first_seen) * 1000)::bigint,
                        coalesce(max(e.happened_at), 0)::bigint, count(e.event_id)::bigint
                    FROM rooms r LEFT JOIN events e USING (session_id)
                    WHERE r.event_name = \(event ?? "") OR \(event == nil)
                    GROUP BY r.session_id ORDER BY r.event_name, r.session_id
                    """)
                var out: [EventStatus] = []
                for row in rows {
                    guard
                        let (s, e, laptop, login, first, last, n) = try? row.decode(
                            (String, String, String, String, Int64, Int64, Int64).self)
                    else {
                        continue
                    }
                    out.append(
                        EventStatus(
                            session: s, event: e, laptop: laptop, login: login, firstSeenMs: first, lastEventMs: last,
                            events: Int(n)))
                }
                return out
            }
        }
    }

    /// The list as JSON (`event status --json`), for scripts and the organiser's checks.
    public static func json(_ list: [EventStatus]) -> String {
        let rooms: [JSONValue] = list.map { r in
            var o = JSONObject()
            o["session"] = .string(r.session)
            o["event"] = .string(r.event)
            o["laptop"] = .string(r.laptop)
            o["login"] = .string(r.login)
            o["firstSeenMs"] = .number(Double(r.firstSeenMs))
            o["lastEventMs"] = .number(Double(r.lastEventMs))
            o["events"] = .number(Double(r.events))
            return .object(o)
        }
        var top = JSONObject()
        top["rooms"] = .array(rooms)
        return JSONWriter.pretty(.object(top))
    }
}
