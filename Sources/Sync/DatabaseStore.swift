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

    /// Reads every session (or one event's) from the database into a new temporary folder.
    public init(url: DatabaseURL, event: String? = nil, under parent: String = NSTemporaryDirectory()) throws(SyncError) {
        let rows = try Blocking.run { () async throws(SyncError) -> [DatabaseSessions.Row] in
            try await Database.using(url) { db throws(SyncError) in
                try await Schema.check(db)
                return try await DatabaseSessions.readRows(db, event: event)
            }
        }
        let decoded = DatabaseSessions.decode(rows)
        var template = Array((parent.hasSuffix("/") ? parent : parent + "/").utf8CString.dropLast()) + Array("perspectief-db-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw SyncError("cannot make a temporary folder in \(parent)", nl: "kan geen tijdelijke map maken in \(parent)")
        }
        root = String(cString: made)
        refused = decoded.refused.map { $0.reason }
        for (id, events) in decoded.sessions {
            let folder = root + "/" + id
            var bytes: [UInt8] = []
            for e in events {
                bytes.append(contentsOf: e.body.utf8)
                bytes.append(0x0A)
            }
            guard mkdir(folder, 0o700) == 0, FileManager.default.createFile(atPath: folder + "/" + Self.journalName, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
            else {
                remove()
                throw SyncError("cannot write \(folder)", nl: "kan \(folder) niet schrijven")
            }
        }
    }

    public func remove() { try? FileManager.default.removeItem(atPath: root) }
}
