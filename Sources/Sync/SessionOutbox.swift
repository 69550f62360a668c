import Core
import Store

/// One session's events on their way to one database: what the store holds, minus what the
/// database has confirmed. The session is kept open read-only and refreshed, so a live room
/// costs a read of what is new, not of the whole session, each time.
public final class SessionOutbox {
    public let session: String
    let store: SessionStore
    let url: DatabaseURL
    private var handle: SessionHandle?
    public private(set) var progress: SyncProgress

    public init(store: SessionStore, session: String, url: DatabaseURL) {
        self.store = store
        self.session = session
        self.url = url
        progress = SyncProgress.load(store: store.root, url: url, session: session)
    }

    /// Events not yet confirmed, in fold order. A damaged or newer-schema session is refused
    /// (like `pack`): sending part of it would make the database's copy look whole.
    public func pending() throws(SyncError) -> [Event] {
        do {
            if let handle { try handle.refresh() } else { handle = try store.open(session, readOnly: true) }
        } catch {
            handle = nil
            throw SyncError(
                "session \(session) is not synced: \(error.message)",
                nl: "sessie \(session) wordt niet gesynchroniseerd: \(error.message(in: .nl))", scope: .session)
        }
        if let reason = handle?.readOnlyReason {
            throw SyncError(
                "session \(session) is not synced: \(reason)",
                nl: "sessie \(session) wordt niet gesynchroniseerd: \(reason)", scope: .session)
        }
        return progress.pending(handle?.events ?? [])
    }

    /// The database's own word on what it holds replaces what was remembered.
    public func reset(to held: SyncProgress) throws(SyncError) {
        guard held != progress else { return }
        progress = held
        try progress.save(store: store.root, url: url, session: session)
    }

    /// The database has these events: remember it (before the next batch is sent).
    public func confirm(_ batch: [Event]) throws(SyncError) {
        progress.confirm(batch)
        try progress.save(store: store.root, url: url, session: session)
    }
}
