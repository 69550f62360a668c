import Foundation
import Synchronization

/// Waits on the calling thread for async work: the command line and the syncer's own thread
/// are plain threads, postgres-nio is async. Never call it from a task of the cooperative pool.
public enum Blocking {
    private final class Box<T: Sendable>: Sendable {
        let value = Mutex<Result<T, SyncError>?>(nil)
    }

    public static func run<T: Sendable>(_ body: @escaping @Sendable () async throws(SyncError) -> T) throws(SyncError)
        -> T
    {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            let result: Result<T, SyncError>
            do throws(SyncError) { result = .success(try await body()) } catch { result = .failure(error) }
            box.value.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try box.value.withLock { $0! }.get()
    }
}
