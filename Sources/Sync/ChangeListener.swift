import Foundation
import PostgresNIO
import Synchronization

/// LISTEN on the events channel, on a connection of its own, as a wake-up only: each
/// notification signals `wake`; the reader then reads past its cursor. When the connection
/// drops it reconnects every second — notifications sent meanwhile are lost, which costs
/// nothing because the reader also looks every second anyway.
public final class ChangeListener: Sendable {
    public let wake = DispatchSemaphore(value: 0)
    private let task = Mutex<Task<Void, Never>?>(nil)
    private final class Flag: Sendable {
        let value = Atomic<Bool>(false)
    }
    private let listening = Flag()

    public init(url: DatabaseURL) {
        let wake = self.wake
        let t = Task { [listening] in
            while !Task.isCancelled {
                do {
                    let db = try await Database.connect(url)
                    listening.value.store(true, ordering: .relaxed)
                    do {
                        try await db.connection.listen(on: Schema.channel) { notifications in
                            for try await _ in notifications { wake.signal() }
                        }
                    } catch {}
                    listening.value.store(false, ordering: .relaxed)
                    await db.close()
                } catch {}
                try? await Task.sleep(nanoseconds: 1_000_000_000)
            }
        }
        task.withLock { $0 = t }
    }

    /// True while a LISTEN connection is up.
    public var isListening: Bool { listening.value.load(ordering: .relaxed) }

    public func stop() {
        task.withLock { $0?.cancel() }
    }
}
