import Core
import Foundation
import Store

#if canImport(Glibc)
    import Glibc
#endif

/// The database's sessions written out as a store folder the existing code reads: one
/// journal per session holding the stored event lines as they are. `review`, `export` and
/// `pack --from` run over it, so their screens and bytes are those of a local store holding
/// the same sessions. The folder is private to this user and removed by `remove()`.
public final class DatabaseStore {
    public let root: String
    public let refused: [SyncError]
    static let journalName = "journal-database.jsonl"
    let url: DatabaseURL
    let event: String?
    /// Where a follower carries on: what was read, which sessions were written, which refused.
    let start: DatabaseFollower.State

    /// Reads every session (or one event's) from the database into a new temporary folder.
    public init(url: DatabaseURL, event: String? = nil, under parent: String = NSTemporaryDirectory()) throws(SyncError)
    {
        let (rows, watch) = try Blocking.run { () async throws(SyncError) -> ([DatabaseSessions.Row], RestoreWatch) in
            try await Database.using(url) { db throws(SyncError) in
                try await Schema.check(db)
                var watch = RestoreWatch()
                _ = try await watch.restored(db)
                let rows = try await DatabaseSessions.readRows(db, event: event)
                watch.note(rows)
                return (rows, watch)
            }
        }
        let decoded = DatabaseSessions.decode(rows)
        self.url = url
        self.event = event
        var cursor = ArrivalCursor()
        for row in rows { _ = cursor.take(row.arrival) }
        cursor.settle(now: Date().timeIntervalSince1970)
        start = DatabaseFollower.State(
            cursor: cursor, written: Set(decoded.sessions.keys), refused: Set(decoded.refused.map { $0.session }),
            known: decoded.sessions.mapValues { Set($0.map(\.event.id)) }, watch: watch)
        var template =
            Array((parent.hasSuffix("/") ? parent : parent + "/").utf8CString.dropLast())
            + Array("perspectief-db-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw SyncError(
                "cannot make a temporary folder in \(parent)", nl: "kan geen tijdelijke map maken in \(parent)")
        }
        root = String(cString: made)
        refused = decoded.refused.map { $0.reason }
        for (id, events) in decoded.sessions {
            guard Self.create(id, bodies: events.map(\.body), in: root) else {
                remove()
                throw SyncError("cannot write \(root)/\(id)", nl: "kan \(root)/\(id) niet schrijven")
            }
        }
    }

    /// A session folder made whole in a hidden place, then renamed into the store, so a
    /// reader scanning the folder never meets a session without its first event.
    static func create(_ id: String, bodies: [String], in root: String) -> Bool {
        let temp = root + "/.new-" + id
        let folder = root + "/" + id
        guard mkdir(temp, 0o700) == 0,
            FileManager.default.createFile(
                atPath: temp + "/" + journalName, contents: lines(bodies), attributes: [.posixPermissions: 0o600]),
            rename(temp, folder) == 0
        else { return false }
        return true
    }

    static func lines(_ bodies: [String]) -> Data {
        var bytes: [UInt8] = []
        for b in bodies {
            bytes.append(contentsOf: b.utf8)
            bytes.append(0x0A)
        }
        return Data(bytes)
    }

    /// Keeps the folder in step with the database while a review is open (see `DatabaseFollower`).
    public func follow() -> DatabaseFollower {
        DatabaseFollower(root: root, url: url, event: event, start: start)
    }

    public func remove() { try? FileManager.default.removeItem(atPath: root) }
}
