import Foundation
import Synchronization

/// The wall's database reads on a thread of their own: the screen draws the newest snapshot
/// and answers keys at once, whatever the network does. A read that hangs ends at the
/// statement deadline; meanwhile the snapshot says since when the database has been silent.
public final class WallReader: Sendable {
    public struct Snapshot: Sendable {
        public var rooms: [WallFeed.Room] = []
        public var refused: [String: SyncError] = [:]
        /// When a read last went through (ms since 1970).
        public var lastHeard: Int64 = 0
        /// Why the last read failed; nil when it went through.
        public var problem: SyncError?
        /// Counts changes, so the screen redraws only when there is something new.
        public var generation = 0

        public init(rooms: [WallFeed.Room] = [], refused: [String: SyncError] = [:], lastHeard: Int64 = 0) {
            self.rooms = rooms
            self.refused = refused
            self.lastHeard = lastHeard
        }
    }

    private let shared = Mutex(Snapshot())
    private let stopping = Mutex(false)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts reading; returns after the first read, or throws its failure (a wrong password,
    /// a newer schema, no database: the wall does not open on a database it cannot use).
    public static func start(
        url: DatabaseURL, event: String?, wake: DispatchSemaphore, now: @escaping @Sendable () -> Int64
    ) throws(SyncError)
        -> WallReader
    {
        let reader = WallReader()
        let first = DispatchSemaphore(value: 0)
        let thread = Thread { reader.loop(url: url, event: event, wake: wake, first: first, now: now) }
        thread.name = "perspectief-wall"
        thread.start()
        first.wait()
        if let problem = reader.snapshot.problem {
            reader.stop()
            throw problem
        }
        return reader
    }

    private init() {}

    public var snapshot: Snapshot { shared.withLock { $0 } }

    public func stop() {
        stopping.withLock { $0 = true }
        _ = finished.wait(timeout: .now() + Database.statementSeconds + 1)
    }

    private func loop(
        url: DatabaseURL, event: String?, wake: DispatchSemaphore, first: DispatchSemaphore, now: @Sendable () -> Int64
    ) {
        let feed = WallFeed(url: url, event: event)
        defer {
            feed.close()
            finished.signal()
        }
        var firstDone = false
        while !stopping.withLock({ $0 }) {
            do throws(SyncError) {
                let changed = try feed.catchUp()
                let (rooms, refused, at) = (feed.rooms, feed.refused, now())
                shared.withLock {
                    let wasDown = $0.problem != nil
                    $0.lastHeard = at
                    $0.problem = nil
                    if changed || wasDown || !firstDone {
                        $0.rooms = rooms
                        $0.refused = refused
                        $0.generation += 1
                    }
                }
            } catch {
                shared.withLock {
                    $0.problem = error
                    $0.generation += 1
                }
            }
            if !firstDone {
                firstDone = true
                first.signal()
                if shared.withLock({ $0.problem }) != nil { return }
            }
            // A notification or the next second, whichever comes first; checking for stop often.
            for _ in 0..<10 {
                if stopping.withLock({ $0 }) || wake.wait(timeout: .now() + 0.1) == .success { break }
            }
            while wake.wait(timeout: .now()) == .success {}
        }
    }
}
