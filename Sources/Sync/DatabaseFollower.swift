import Core
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Appends what arrives in the database to a `DatabaseStore` folder, every second, on a
/// thread of its own: `review --from` looks at its folders every two seconds, so rooms still
/// running during the day come in as they go on. Lines are appended whole (one write per
/// session per pass), so the store's reader never sees half an event; a session is added
/// only once its first event is there; a session with a bad row stops being followed.
public final class DatabaseFollower: Sendable {
    private let stopping = Mutex(false)
    private let finished = DispatchSemaphore(value: 0)

    init(root: String, url: DatabaseURL, event: String?, start: State) {
        let thread = Thread { [self] in
            var state = start
            var database: Database?
            defer {
                if let db = database { Blocking.runQuietly { await db.close() } }
                finished.signal()
            }
            while !stopping.withLock({ $0 }) {
                do throws(SyncError) {
                    if database == nil || database?.isClosed == true {
                        database = try Blocking.run { () async throws(SyncError) -> Database in
                            try await Database.connect(url)
                        }
                    }
                    guard let db = database else { continue }
                    let (after, watch) = (state.cursor.through, state.watch)
                    let (rows, restored, seen) = try Blocking.run {
                        () async throws(SyncError) -> ([DatabaseSessions.Row], Bool, RestoreWatch) in
                        var watch = watch
                        let restored = try await watch.restored(db)
                        let rows = try await DatabaseSessions.readRows(db, event: event, after: restored ? 0 : after)
                        watch.note(rows)
                        return (rows, restored, watch)
                    }
                    state.watch = seen
                    if restored { state.readAgain() }
                    state.apply(rows, root: root)
                } catch {
                    if error.unreachable, let db = database {
                        database = nil
                        Blocking.runQuietly { await db.close() }
                    }
                }
                usleep(1_000_000)
            }
        }
        thread.name = "perspectief-follow"
        thread.start()
    }

    public func stop() {
        stopping.withLock { $0 = true }
        _ = finished.wait(timeout: .now() + 3)
    }

    struct State {
        var cursor: ArrivalCursor
        var written: Set<String>
        var refused: Set<String>
        /// The event ids in each written session: a database read again after a restore
        /// adds only what the folder lacks.
        var known: [String: Set<String>]
        var watch: RestoreWatch
        /// Rows of sessions whose first event has not arrived yet.
        var waiting: [String: [DatabaseSessions.Row]] = [:]

        /// The database was restored or made again: read it from its start.
        mutating func readAgain() {
            cursor = ArrivalCursor()
            refused = []
            waiting = [:]
        }

        mutating func apply(_ rows: [DatabaseSessions.Row], root: String) {
            var fresh: [String: [DatabaseSessions.Row]] = [:]
            for row in rows where cursor.take(row.arrival) && !refused.contains(row.session) {
                fresh[row.session, default: []].append(row)
            }
            cursor.settle(now: Date().timeIntervalSince1970)
            for (session, list) in fresh {
                if written.contains(session) {
                    let decoded = DatabaseSessions.decodeRows(list)
                    guard decoded.refused.isEmpty, let events = decoded.events[session] else {
                        refused.insert(session)
                        continue
                    }
                    let new = events.filter { known[session, default: []].insert($0.event.id).inserted }
                    if !new.isEmpty {
                        append(new.map(\.body), to: root + "/" + session + "/" + DatabaseStore.journalName)
                    }
                } else {
                    let all = (waiting[session] ?? []) + list
                    guard DatabaseSessions.decodeRows(all).refused.isEmpty else {
                        refused.insert(session)
                        waiting[session] = nil
                        continue
                    }
                    // Whole once its sessionCreated is there; until then its rows wait.
                    if let events = DatabaseSessions.decode(all).sessions[session],
                        DatabaseStore.create(session, bodies: events.map(\.body), in: root)
                    {
                        written.insert(session)
                        known[session] = Set(events.map(\.event.id))
                        waiting[session] = nil
                    } else {
                        waiting[session] = all
                    }
                }
            }
        }

        func append(_ bodies: [String], to path: String) {
            let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { return }
            defer { close(fd) }
            let data = DatabaseStore.lines(bodies)
            _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        }
    }
}
