import Core
import Foundation
import Store
import Synchronization

/// What the facilitator sees of the sync: a few words in a corner, never a dialog.
public enum SyncStatus: Equatable, Sendable {
    case starting
    case upToDate
    /// Events saved here and not yet confirmed by the database.
    case waiting(Int)
    /// The database cannot be reached since `since` (ms since 1970); `waiting` events queue here.
    case offline(since: Int64, waiting: Int)
    /// The database refuses (wrong password, newer schema, damaged session): a person must act.
    case refused(SyncError)

    /// "up to date" / "12 waiting" / "offline since 10:42 (12 waiting)", in the UI language.
    public func text(_ language: Language, clock: (Int64) -> String) -> String {
        let nl = language == .nl
        switch self {
        case .starting: return nl ? "synchroniseren…" : "syncing…"
        case .upToDate: return nl ? "bijgewerkt" : "up to date"
        case .waiting(let n): return nl ? "\(n) wachtend" : "\(n) waiting"
        case .offline(let since, let n):
            let base = nl ? "offline sinds \(clock(since))" : "offline since \(clock(since))"
            return n > 0 ? base + (nl ? " (\(n) wachtend)" : " (\(n) waiting)") : base
        case .refused(let why): return (nl ? "sync geweigerd: " + why.dutch : "sync refused: " + why.message)
        }
    }
}

/// Streams one live session to the database beside the room, on a thread of its own: the
/// room's own write stays the durable one and is never slowed or blocked by the network.
/// Wakes when nudged (an event was saved) or every second, sends what is new, and after an
/// outage catches up from the progress file — nothing to replay by hand.
public final class SyncWorker: Sendable {
    private struct Shared {
        var status: SyncStatus = .starting
        var stopping = false
        /// When a pass last went through: "offline since" names the moment the database was
        /// last heard, not the moment a deadline ran out.
        var lastGood: Int64?
    }

    private let shared = Mutex(Shared())
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    public let session: String

    /// Starts the worker; returns at once. The store folder is opened again on the worker's
    /// thread, so nothing of the caller's is shared.
    public static func start(
        store root: String, sessionId: String, url: DatabaseURL, options: Syncer.Options = Syncer.Options(),
        interval: Double = 1.0, now: @escaping @Sendable () -> Int64
    ) -> SyncWorker {
        let worker = SyncWorker(session: sessionId)
        let thread = Thread { worker.loop(root: root, url: url, options: options, interval: interval, now: now) }
        thread.name = "perspectief-sync"
        thread.start()
        return worker
    }

    private init(session: String) { self.session = session }

    public var status: SyncStatus { shared.withLock { $0.status } }

    /// Something was saved: look now rather than at the next second.
    public func nudge() { wake.signal() }

    /// Stops after at most one more pass (which may still send what is waiting), waiting at
    /// most `timeout` seconds; what is unsent stays in the store for the next sync.
    public func stop(timeout: Double = 5) {
        shared.withLock { $0.stopping = true }
        wake.signal()
        _ = finished.wait(timeout: .now() + timeout)
    }

    private func loop(
        root: String, url: DatabaseURL, options: Syncer.Options, interval: Double, now: @Sendable () -> Int64
    ) {
        defer { finished.signal() }
        guard let store = try? SessionStore(root: root, create: false) else {
            set(.refused(SyncError("store \(root) cannot be opened", nl: "opslag \(root) kan niet worden geopend")))
            return
        }
        let syncer = Syncer(store: store, url: url, options: options)
        defer { syncer.disconnect() }
        // The session folder tells when the room saved something (inotify, else a poll), so
        // an entry leaves within milliseconds even when nobody nudges.
        let watcher = FolderWatcher(path: store.folder(of: session))
        while true {
            pass(syncer, now: now)
            if shared.withLock({ $0.stopping }) { return }
            var waited = 0.0
            while waited < interval {
                if watcher.waitForChange(timeoutMs: 50) { break }
                if wake.wait(timeout: .now()) == .success { break }
                waited += 0.05
            }
            // A burst of nudges is one pass.
            while wake.wait(timeout: .now()) == .success {}
        }
    }

    private func pass(_ syncer: Syncer, now: () -> Int64) {
        do throws(SyncError) {
            try syncer.sync(session)
            let left = try syncer.waiting(session)
            if left == 0 { try syncer.ping() }
            let at = now()
            shared.withLock {
                $0.status = left == 0 ? .upToDate : .waiting(left)
                $0.lastGood = at
            }
        } catch {
            if error.unreachable {
                let left = (try? syncer.waiting(session)) ?? 0
                shared.withLock {
                    if case .offline(let since, _) = $0.status {
                        $0.status = .offline(since: since, waiting: left)
                    } else {
                        $0.status = .offline(since: $0.lastGood ?? now(), waiting: left)
                    }
                }
            } else {
                set(.refused(error))
            }
        }
    }

    private func set(_ s: SyncStatus) { shared.withLock { $0.status = s } }
}
