import Core
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How far one session has reached one database: per journal (writer), the highest sequence
/// number the database has confirmed. Kept in `<store>/.sync/<database>/<session>.json`,
/// outside the session folder, so a pack never carries it and compaction never sees it.
///
/// Per writer and not per journal file offset: compaction folds journals into the snapshot
/// and removes them, so a byte offset would be lost; a writer's events carry 1, 2, 3… in the
/// order it wrote them, wherever they end up. Losing this file costs only a resend (the
/// database ignores event ids it has), never an event.
public struct SyncProgress: Equatable, Sendable {
    public var confirmed: [String: Int] = [:]
    /// The identity of the database that confirmed it (`database_identity`); a database made
    /// again under the same URL has another, and its progress starts from what it holds.
    public var database: String = ""

    public init(confirmed: [String: Int] = [:], database: String = "") {
        self.confirmed = confirmed
        self.database = database
    }

    /// Events not yet confirmed, in fold order (each writer's in its own order).
    public func pending(_ events: [Event]) -> [Event] {
        events.filter { $0.seq > confirmed[$0.writer] ?? 0 }
    }

    public mutating func confirm(_ batch: [Event]) {
        for e in batch where e.seq > confirmed[e.writer] ?? 0 { confirmed[e.writer] = e.seq }
    }

    static func folder(store: String, url: DatabaseURL) -> String { store + "/.sync/" + url.key }

    /// The saved progress; a missing or unreadable file means "nothing confirmed yet".
    public static func load(store: String, url: DatabaseURL, session: String) -> SyncProgress {
        let path = folder(store: store, url: url) + "/" + session + ".json"
        guard let data = FileManager.default.contents(atPath: path), !isLink(path),
            let value = try? JSONParser.parse(String(decoding: data, as: UTF8.self)),
            let o = value["confirmed"]?.objectValue
        else { return SyncProgress() }
        var p = SyncProgress()
        for (k, v) in o.pairs { if let n = v.intValue { p.confirmed[k] = n } }
        p.database = value["database"]?.stringValue ?? ""
        return p
    }

    /// Written whole (temp, fsync, rename): a crash leaves the old progress or the new one.
    public func save(store: String, url: DatabaseURL, session: String) throws(SyncError) {
        let dir = Self.folder(store: store, url: url)
        for d in [store + "/.sync", dir] {
            if Self.isLink(d) { throw Self.failure(d, "it is a symbolic link, which is not followed") }
            if mkdir(d, 0o700) != 0 && errno != EEXIST { throw Self.failure(d, String(cString: strerror(errno))) }
        }
        var o = JSONObject()
        var c = JSONObject()
        for k in confirmed.keys.sorted() { c[k] = .number(Double(confirmed[k]!)) }
        o["confirmed"] = .object(c)
        if !database.isEmpty { o["database"] = .string(database) }
        let bytes = Array((JSONWriter.compact(.object(o)) + "\n").utf8)
        let path = dir + "/" + session + ".json"
        let temp = path + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw Self.failure(temp, String(cString: strerror(errno))) }
        let ok = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count && fsync(fd) == 0
        close(fd)
        guard ok, rename(temp, path) == 0 else {
            unlink(temp)
            throw Self.failure(path, String(cString: strerror(errno)))
        }
    }

    static func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    static func failure(_ path: String, _ why: String) -> SyncError {
        SyncError(
            "cannot save sync progress in \(path): \(why)",
            nl: "kan de synchronisatievoortgang in \(path) niet bewaren: \(why)")
    }
}
